"""Shared fixtures: real documents (bundled sample and ../shared corpus), a ranking fake embedder, real indexes."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[1]
SOURCE_DOCS = REPO / "source_docs"
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
EVAL = SHARED / "eval"

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def corpus_file(rel: str) -> Path:
    """A file of ../shared/corpus, or a clean skip where the shared folder is absent."""
    path = CORPUS / rel
    if not path.is_file():
        pytest.skip(f"needs ../shared/corpus/{rel}")
    return path


def corpus_assistant(root: Path, rels: tuple[str, ...], embedder):
    """An assistant over an index of these ../shared/corpus files alone (each skips cleanly where absent)."""
    import shutil

    from assistant.api import Assistant
    from assistant.index.build import sync_index

    (root / "docs").mkdir()
    for rel in rels:
        pdf = corpus_file(rel)
        shutil.copy(pdf, root / "docs" / pdf.name)
    assert not sync_index(root / "index", [root / "docs"], embedder=embedder, progress=False,
                          log=lambda _m: None).failed
    return Assistant.load(root / "index", embedder=embedder)


class WordHashEmbedder:
    """A tiny deterministic embedder that still ranks: stemmed words hashed into 384 buckets.

    Texts sharing words get similar vectors, so retrieval and answer logic can be tested quickly without the
    real model (which the end-to-end tests use).
    """

    name = "sentence-transformers/all-MiniLM-L6-v2"  # so the index manifest matches the real one
    dimensions = 384

    def embed(self, texts, *, show_progress=False):
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in re.findall(r"[a-z0-9]+", t.lower()):
                w = w[:5]  # crude stemming: step/stepping/stepped share a bucket
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dimensions] += 1.0
            n = np.linalg.norm(out[i])
            if n:
                out[i] /= n
        return out


@pytest.fixture(scope="session")
def fake_embedder():
    return WordHashEmbedder()


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory):
    """A real index of the bundled sample documents, built with the real bundled model."""
    from assistant.index.build import sync_index

    index_dir = tmp_path_factory.mktemp("sample-index")
    report = sync_index(index_dir, [SOURCE_DOCS], progress=False)
    assert not report.failed, report.failed
    return index_dir


@pytest.fixture(scope="session")
def sample_assistant(sample_index):
    from assistant.api import Assistant

    return Assistant.load(sample_index)
