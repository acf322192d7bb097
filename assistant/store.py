"""Step 4: the persisted index folder — manifest, paragraphs, vectors (FAISS) and BM25 — written atomically.

Layout of ``index/``::

    CURRENT                 name of the live version folder (replaced atomically with os.replace)
    v-<time>-<rand>/
        manifest.json       model, dimensions, parser/package version, build time, per-document hashes
        docs.json           DocMeta of every document
        paragraphs.jsonl    one Paragraph per line (row order = BM25 and vector rows)
        texts.json          each document's clean text (paragraph offsets point into it)
        vectors.npy         float32 chunk vectors, L2-normalised
        chunks.npy          int32 paragraph row of each chunk
        dense.faiss         FAISS inner-product index over the chunk vectors
        bm25/               bm25s keyword index over paragraph texts
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import __version__
from .embed import DIMENSIONS, MODEL_NAME
from .parse import PARSER_VERSION
from .records import DocMeta, Paragraph

FORMAT_VERSION = 1
EMBED_CONTEXT_VERSION = "4"  # what goes in front of a paragraph before embedding (see embed.embedding_text)


class IndexNotFound(Exception):
    """There is no index yet; str(e) says how to build one."""


class IndexMismatch(Exception):
    """The index was built by another model or parser version; str(e) says how to rebuild."""


@dataclass
class IndexData:
    docs: dict[str, DocMeta] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, DIMENSIONS), dtype=np.float32))
    chunk_para: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    texts: dict[str, str] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None

    def doc_rows(self, doc: str) -> list[int]:
        return [i for i, p in enumerate(self.paragraphs) if p.doc == doc]


def expected_build_info() -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "model": MODEL_NAME,
        "dimensions": DIMENSIONS,
        "parser_version": PARSER_VERSION,
        "embed_context_version": EMBED_CONTEXT_VERSION,
    }


def current_version_dir(index_dir: Path) -> Path | None:
    pointer = Path(index_dir) / "CURRENT"
    if not pointer.is_file():
        return None
    path = Path(index_dir) / pointer.read_text().strip()
    return path if (path / "manifest.json").is_file() else None


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    vdir = current_version_dir(index_dir)
    if vdir is None:
        return None
    return json.loads((vdir / "manifest.json").read_text())


def check_compatible(manifest: dict[str, Any], index_dir: Path) -> None:
    want = expected_build_info()
    for key, value in want.items():
        if manifest.get(key) != value:
            raise IndexMismatch(
                f"The index in {index_dir} was built with {key}={manifest.get(key)!r} but this version uses "
                f"{value!r}: rebuild it with `python -m assistant index source_docs/` (or `make run`)."
            )


def load_index(index_dir: Path, *, with_vectors: bool = True) -> IndexData:
    index_dir = Path(index_dir)
    vdir = current_version_dir(index_dir)
    if vdir is None:
        raise IndexNotFound(
            f"No index found in {index_dir}: build one with `python -m assistant index source_docs/`."
        )
    manifest = json.loads((vdir / "manifest.json").read_text())
    check_compatible(manifest, index_dir)
    docs = {d["doc"]: DocMeta.from_dict(d) for d in json.loads((vdir / "docs.json").read_text())}
    with (vdir / "paragraphs.jsonl").open(encoding="utf-8") as fh:
        paragraphs = [Paragraph.from_dict(json.loads(line)) for line in fh if line.strip()]
    data = IndexData(docs=docs, paragraphs=paragraphs, manifest=manifest, path=vdir)
    data.texts = json.loads((vdir / "texts.json").read_text(encoding="utf-8"))
    if with_vectors:
        data.vectors = np.load(vdir / "vectors.npy", mmap_mode="r")
        data.chunk_para = np.load(vdir / "chunks.npy")
    return data


def write_index(index_dir: Path, data: IndexData, bm25_writer: Any, faiss_writer: Any,
                indexed_at: dict[str, str] | None = None) -> Path:
    """Write a complete new version folder, then switch CURRENT to it in one atomic rename.

    An interrupted build leaves the previous version live; old versions are removed afterwards.
    """
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"v-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    tmp = index_dir / f".building-{name}"
    tmp.mkdir()
    try:
        manifest = {
            **expected_build_info(),
            "package_version": __version__,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "documents": {d.doc: {"sha256": d.sha256, "paragraphs": 0, "path": d.path,
                                  "indexed_at": (indexed_at or {}).get(d.doc)} for d in data.docs.values()},
            "paragraphs": len(data.paragraphs),
            "chunks": int(len(data.chunk_para)),
        }
        for p in data.paragraphs:
            manifest["documents"][p.doc]["paragraphs"] += 1
        (tmp / "docs.json").write_text(json.dumps([d.to_dict() for d in data.docs.values()], indent=1))
        with (tmp / "paragraphs.jsonl").open("w", encoding="utf-8") as fh:
            for p in data.paragraphs:
                fh.write(json.dumps(p.to_dict(), ensure_ascii=False) + "\n")
        (tmp / "texts.json").write_text(json.dumps(data.texts, ensure_ascii=False), encoding="utf-8")
        np.save(tmp / "vectors.npy", np.ascontiguousarray(data.vectors, dtype=np.float32))
        np.save(tmp / "chunks.npy", np.asarray(data.chunk_para, dtype=np.int32))
        faiss_writer(tmp / "dense.faiss")
        bm25_writer(tmp / "bm25")
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1))
        final = index_dir / name
        tmp.rename(final)
        pointer_tmp = index_dir / f".CURRENT-{uuid.uuid4().hex[:6]}"
        pointer_tmp.write_text(name)
        os.replace(pointer_tmp, index_dir / "CURRENT")
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_old_versions(index_dir, keep=name)
    return final


def _remove_old_versions(index_dir: Path, keep: str) -> None:
    for child in index_dir.iterdir():
        if child.is_dir() and child.name != keep and (child.name.startswith("v-") or child.name.startswith(".building-")):
            shutil.rmtree(child, ignore_errors=True)
