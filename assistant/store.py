"""Step 4: the persisted index folder — manifest, paragraphs, vectors (FAISS) and BM25 — written atomically.

Layout of ``index/``::

    CURRENT                 name of the live version folder (replaced atomically with os.replace)
    v-<time>-<rand>/
        manifest.json       model, dimensions, parser/package version, build time, per-document hashes
        docs.json           DocMeta of every document
        paragraphs.jsonl    one Paragraph per line (row order = BM25 and vector rows), read a row at a time
        paragraphs.offsets.npy  int64 byte offset of each line (one extra entry: the file size)
        paragraphs.docs.npy int32 position in docs.json of each row's document
        texts.json          each document's clean text (paragraph offsets point into it)
        vectors.npy         float32 chunk vectors, L2-normalised
        chunks.npy          int32 paragraph row of each chunk
        sentences.f16.npy   float16 vector of every sentence (parse.sentences order), for the extractive answer
        sentences.start.npy int64 first sentence row of each paragraph (one extra entry: the total)
        dense.faiss         FAISS inner-product index over the chunk vectors
        bm25/               bm25s keyword index over paragraph texts
"""

from __future__ import annotations

import json
import os
import shutil
import time
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from . import __version__
from .embed import DIMENSIONS, MODEL_NAME
from .parse import PARSER_VERSION
from .parse.sentences import SENTENCES_VERSION
from .records import DocMeta, Paragraph
from .rows import RandomAccessFile

FORMAT_VERSION = 2
EMBED_CONTEXT_VERSION = "4"  # what goes in front of a paragraph before embedding (see embed.embedding_text)


class IndexNotFound(Exception):
    """There is no index yet; str(e) says how to build one."""


class IndexMismatch(Exception):
    """The index was built by another model or parser version; str(e) says how to rebuild."""


class ParagraphTable(Sequence):
    """The paragraphs of a stored index, decoded from ``paragraphs.jsonl`` when a row is asked for.

    A million ``Paragraph`` objects take ~1.4 GB of Python memory; this keeps an offset per row (8 bytes) and
    reads a line (``os.pread``) when it is needed (a question touches a few hundred rows at most). The
    last few thousand rows read are kept decoded.
    """

    def __init__(self, path: Path, offsets: np.ndarray) -> None:
        self._file = RandomAccessFile(path)
        self._offsets = offsets
        self._row = lru_cache(maxsize=4096)(self._decode)

    def _decode(self, row: int) -> Paragraph:
        start, end = int(self._offsets[row]), int(self._offsets[row + 1])
        return Paragraph.from_dict(json.loads(self._file.read_at(end - start, start)))

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, row):  # type: ignore[override]
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        row = int(row)
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(row)
        return self._row(row)

    def __iter__(self) -> Iterator[Paragraph]:
        for row in range(len(self)):
            yield self._decode(row)  # a full pass does not flush the cache of rows a question touched


@dataclass
class IndexData:
    docs: dict[str, DocMeta] = field(default_factory=dict)
    paragraphs: list[Paragraph] = field(default_factory=list)
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, DIMENSIONS), dtype=np.float32))
    chunk_para: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int32))
    paragraph_docs: np.ndarray | None = None  # int32 position in ``docs`` of each row's document
    sentence_vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, DIMENSIONS), dtype=np.float16))
    sentence_start: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    texts: dict[str, str] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    _rows_by_doc: tuple[int, dict[str, np.ndarray]] | None = field(default=None, repr=False, compare=False)

    def find_paragraph(self, doc: str, ordinal: int, paragraph_id: str) -> Paragraph | None:
        """The paragraph with this id, looked up by its document and position (no scan of the whole index)."""
        rows = self.rows_by_doc().get(doc, np.zeros(0, dtype=np.int64))
        if 0 <= ordinal < len(rows) and self.paragraphs[int(rows[ordinal])].id == paragraph_id:
            return self.paragraphs[int(rows[ordinal])]
        return next((self.paragraphs[int(r)] for r in rows if self.paragraphs[int(r)].id == paragraph_id), None)

    def rows_by_doc(self) -> dict[str, np.ndarray]:
        """Each document's paragraph rows, in row order."""
        if self._rows_by_doc is not None and self._rows_by_doc[0] == len(self.paragraphs):
            return self._rows_by_doc[1]
        row_docs = self.row_docs()
        order = np.argsort(row_docs, kind="stable")
        bounds = np.searchsorted(row_docs[order], np.arange(len(self.docs) + 1))
        grouped = {name: order[bounds[i]:bounds[i + 1]].astype(np.int64) for i, name in enumerate(self.docs)
                   if bounds[i + 1] > bounds[i]}
        self._rows_by_doc = (len(self.paragraphs), grouped)
        return grouped

    def row_docs(self) -> np.ndarray:
        """Position in ``docs`` of each paragraph row's document, without decoding the paragraphs."""
        if self.paragraph_docs is None or len(self.paragraph_docs) != len(self.paragraphs):
            where = {d: i for i, d in enumerate(self.docs)}
            self.paragraph_docs = np.asarray([where[p.doc] for p in self.paragraphs], dtype=np.int32)
        return self.paragraph_docs

    def sentence_vectors_of(self, row: int) -> np.ndarray:
        """The stored vectors of paragraph ``row``'s sentences (float16, in ``split_sentences`` order)."""
        return np.asarray(self.sentence_vectors[int(self.sentence_start[row]): int(self.sentence_start[row + 1])])


def expected_build_info() -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "model": MODEL_NAME,
        "dimensions": DIMENSIONS,
        "parser_version": PARSER_VERSION,
        "embed_context_version": EMBED_CONTEXT_VERSION,
        "sentences_version": SENTENCES_VERSION,
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
    paragraphs = ParagraphTable(vdir / "paragraphs.jsonl", np.load(vdir / "paragraphs.offsets.npy"))
    data = IndexData(docs=docs, paragraphs=paragraphs, manifest=manifest, path=vdir,  # type: ignore[arg-type]
                     paragraph_docs=np.load(vdir / "paragraphs.docs.npy"))
    data.texts = json.loads((vdir / "texts.json").read_text(encoding="utf-8"))
    if with_vectors:
        data.vectors = np.load(vdir / "vectors.npy", mmap_mode="r")
        data.chunk_para = np.load(vdir / "chunks.npy")
        data.sentence_vectors = np.load(vdir / "sentences.f16.npy", mmap_mode="r")
        data.sentence_start = np.load(vdir / "sentences.start.npy")
    return data


def write_index(index_dir: Path, data: IndexData, bm25_writer: Any, faiss_writer: Any,
                indexed_at: dict[str, str] | None = None, embedding_precision: str = "fp32") -> Path:
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
            "embedding_precision": embedding_precision,
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "documents": {d.doc: {"sha256": d.sha256, "paragraphs": 0, "path": d.path,
                                  "indexed_at": (indexed_at or {}).get(d.doc)} for d in data.docs.values()},
            "paragraphs": len(data.paragraphs),
            "chunks": int(len(data.chunk_para)),
            "sentences": int(len(data.sentence_vectors)),
        }
        for p in data.paragraphs:
            manifest["documents"][p.doc]["paragraphs"] += 1
        (tmp / "docs.json").write_text(json.dumps([d.to_dict() for d in data.docs.values()], indent=1))
        offsets = np.zeros(len(data.paragraphs) + 1, dtype=np.int64)
        with (tmp / "paragraphs.jsonl").open("wb") as fh:
            for i, p in enumerate(data.paragraphs):
                line = (json.dumps(p.to_dict(), ensure_ascii=False) + "\n").encode("utf-8")
                fh.write(line)
                offsets[i + 1] = offsets[i] + len(line)
        np.save(tmp / "paragraphs.offsets.npy", offsets)
        np.save(tmp / "paragraphs.docs.npy", data.row_docs())
        (tmp / "texts.json").write_text(json.dumps(data.texts, ensure_ascii=False), encoding="utf-8")
        np.save(tmp / "vectors.npy", np.ascontiguousarray(data.vectors, dtype=np.float32))
        np.save(tmp / "chunks.npy", np.asarray(data.chunk_para, dtype=np.int32))
        if len(data.sentence_start) != len(data.paragraphs) + 1 or \
                int(data.sentence_start[-1]) != len(data.sentence_vectors):
            raise ValueError("sentence vectors do not line up with the paragraphs")
        np.save(tmp / "sentences.f16.npy", np.ascontiguousarray(data.sentence_vectors, dtype=np.float16))
        np.save(tmp / "sentences.start.npy", np.asarray(data.sentence_start, dtype=np.int64))
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
