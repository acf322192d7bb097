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

Every file of a version is listed in its manifest with its size and a SHA-1 (of the whole file up to
FULL_HASH_BYTES, of evenly spread blocks beyond), checked when the index is loaded: a damaged file is named in
one line that says how to repair it (``python -m assistant index ...`` rebuilds it, reusing cached vectors).
Only the holder of the writer lock (lock.py) writes a version or removes old ones.
"""

from __future__ import annotations

import hashlib
import json
import os
import shlex
import shutil
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .. import __version__
from ..parse import PARSER_VERSION
from ..parse.context import printed_table, table_header
from ..parse.sentences import SENTENCES_VERSION
from ..records import DocMeta, Paragraph
from .embed import DIMENSIONS, MODEL_NAME
from .rows import RandomAccessFile
from .vocabulary import FILE as VOCABULARY_FILE

FORMAT_VERSION = 3  # 3: the corpus's words with their vectors (index/vocabulary.py)
EMBED_CONTEXT_VERSION = "10"  # what is embedded with a paragraph (embed.embedding_text, parse/context.py,
# parse/windows.py), and the passages (parse/passages.py)


class IndexNotFound(Exception):
    """There is no index yet; str(e) says how to build one."""


class IndexMismatch(Exception):
    """The index was built by another model or parser version; str(e) says how to rebuild."""


class IndexDamaged(Exception):
    """A file of the live index version is missing, cut short or changed; str(e) names it and says how to repair."""


SOURCES_NAME = "sources.json"  # beside CURRENT: the folders/files the index is built from
FULL_HASH_BYTES = 32 << 20  # files up to this size are hashed whole; larger ones by SAMPLE_BLOCKS blocks of 1 MiB
SAMPLE_BLOCKS = 32  # so that checking a large index on load reads at most 32 MiB a file


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
    _centroids: dict[str, tuple[np.ndarray, float] | None] = field(default_factory=dict, repr=False, compare=False)

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

    def typicality_of(self, row: int) -> np.ndarray:
        """How typical of its whole document each sentence of paragraph ``row`` is: its cosine to the mean of the
        document's sentence vectors, less the mean of that cosine over the document's sentences (0: as typical as
        its document's sentences are on average; above 0: closer to what the whole document says, as a summary or
        a stock phrase is). Zeros where the index holds no sentence vectors."""
        vecs = self.sentence_vectors_of(row)
        if not len(vecs):
            return np.zeros(0, dtype=np.float32)
        doc = self.paragraphs[row].doc
        if doc not in self._centroids:
            rows = self.rows_by_doc().get(doc, np.zeros(0, dtype=np.int64))
            if len(rows) and int(rows[-1]) - int(rows[0]) + 1 == len(rows):  # a document's rows are consecutive
                spans = [(int(self.sentence_start[rows[0]]), int(self.sentence_start[rows[-1] + 1]))]
            else:
                spans = [(int(self.sentence_start[r]), int(self.sentence_start[r + 1])) for r in rows]
            every = np.concatenate([np.asarray(self.sentence_vectors[a:b], dtype=np.float32) for a, b in spans])
            centre = every.mean(axis=0)
            norm = float(np.linalg.norm(centre))
            self._centroids[doc] = (centre / norm, float((every @ centre).mean() / norm)) if norm > 0 else None
        got = self._centroids[doc]
        if got is None:
            return np.zeros(len(vecs), dtype=np.float32)
        centre, mean = got
        return np.asarray(vecs, dtype=np.float32) @ centre - mean

    def rows_after(self, row: int, n: int) -> list[int]:
        """Up to ``n`` rows of the paragraphs printed after paragraph ``row`` in its document, in order."""
        rows, at = self._in_document(row)
        return [int(r) for r in rows[at + 1: at + 1 + n]]

    def rows_before(self, row: int, n: int) -> list[int]:
        """Up to ``n`` rows of the paragraphs printed before paragraph ``row`` in its document, nearest first."""
        rows, at = self._in_document(row)
        return [int(r) for r in rows[max(0, at - n): at][::-1]]

    def _in_document(self, row: int) -> tuple[np.ndarray, int]:
        """The rows of paragraph ``row``'s document, in reading order, and where ``row`` stands among them."""
        p = self.paragraphs[row]
        rows = self.rows_by_doc().get(p.doc, np.zeros(0, dtype=np.int64))
        at = p.ordinal if 0 <= p.ordinal < len(rows) and int(rows[p.ordinal]) == row else \
            int(np.searchsorted(rows, row))  # rows of one document are in reading order
        return rows, at

    def table_header_of(self, row: int) -> tuple[str, int | None]:
        """Paragraph ``row``'s column headers and their page, when it is a table's row (parse/context.py)."""
        return table_header(self.paragraphs, row)

    def table_of(self, row: int) -> str:
        """The table paragraph ``row`` is a row of, as printed on its page; "" for any other paragraph."""
        return printed_table(self.paragraphs, row)


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


def repair_command(index_dir: Path, manifest: dict[str, Any] | None = None) -> str:
    """The command that rebuilds this index from its sources (those recorded in the manifest when known)."""
    sources = [str(s) for s in (manifest or {}).get("sources") or []] or _recorded_sources(index_dir)
    where = "" if Path(index_dir) == Path("index") else f" --index-dir {shlex.quote(str(index_dir))}"
    return f"python -m assistant index {shlex.join(sources) if sources else 'source_docs/'}{where}"


def _recorded_sources(index_dir: Path) -> list[str]:
    """The sources of the last build, kept beside the versions (for when the manifest itself is damaged)."""
    try:
        return [str(s) for s in json.loads((Path(index_dir) / SOURCES_NAME).read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError):
        return []


def _damaged(index_dir: Path, path: Path, what: str, manifest: dict[str, Any] | None = None) -> IndexDamaged:
    return IndexDamaged(f"The index file {path} {what}: run `{repair_command(index_dir, manifest)}` to repair the "
                        "index (documents already embedded are not embedded again).")


def live_version(index_dir: Path) -> tuple[Path, dict[str, Any]] | None:
    """The live version folder and its manifest; None when there is no index; IndexDamaged when CURRENT points
    at a missing folder or the manifest cannot be read."""
    index_dir = Path(index_dir)
    pointer = index_dir / "CURRENT"
    if not pointer.is_file():
        return None
    try:
        name = pointer.read_text().strip()
    except (OSError, UnicodeDecodeError):
        raise _damaged(index_dir, pointer, "cannot be read") from None
    vdir = index_dir / name
    if not name or "/" in name or "\\" in name or not vdir.is_dir():
        raise _damaged(index_dir, pointer, f"names a version folder ({name[:60]!r}) that does not exist")
    path = vdir / "manifest.json"
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise _damaged(index_dir, path, "is missing") from None
    except (OSError, ValueError):
        raise _damaged(index_dir, path, "is damaged (not readable JSON)") from None
    if not isinstance(manifest, dict):
        raise _damaged(index_dir, path, "is damaged (not a manifest)")
    return vdir, manifest


def read_manifest(index_dir: Path) -> dict[str, Any] | None:
    live = live_version(index_dir)
    return live[1] if live else None


def fingerprint(path: Path, size: int | None = None) -> str:
    """SHA-1 of the file, or for a file over FULL_HASH_BYTES of SAMPLE_BLOCKS evenly spread 1 MiB blocks (first
    and last included), so that checking a large index on load stays cheap."""
    size = path.stat().st_size if size is None else size
    h = hashlib.sha1()
    with path.open("rb") as fh:
        if size <= FULL_HASH_BYTES:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        else:
            block = 1 << 20
            step = (size - block) / (SAMPLE_BLOCKS - 1)
            for i in range(SAMPLE_BLOCKS):
                fh.seek(int(i * step))
                h.update(fh.read(block))
    return h.hexdigest()


def _file_list(vdir: Path) -> dict[str, dict[str, Any]]:
    files = {}
    for f in sorted(vdir.rglob("*")):
        if f.is_file() and f.name != "manifest.json":
            size = f.stat().st_size
            files[f.relative_to(vdir).as_posix()] = {"size": size, "sha1": fingerprint(f, size)}
    return files


def verify_version(index_dir: Path, vdir: Path, manifest: dict[str, Any]) -> None:
    """Every file the manifest lists is there with its size and checksum (IndexDamaged names the first that
    is not). Indexes written before checksums were recorded are checked file by file as they are read."""
    for rel, want in (manifest.get("files") or {}).items():
        path = vdir / rel
        try:
            size = path.stat().st_size
        except FileNotFoundError:
            raise _damaged(index_dir, path, "is missing", manifest) from None
        if size != want.get("size"):
            raise _damaged(index_dir, path, f"has the wrong size ({size} bytes, {want.get('size')} written)",
                           manifest)
        if fingerprint(path, size) != want.get("sha1"):
            raise _damaged(index_dir, path, "is damaged (its contents do not match the checksum written with it)",
                           manifest)


def check_compatible(manifest: dict[str, Any], index_dir: Path) -> None:
    want = expected_build_info()
    for key, value in want.items():
        if manifest.get(key) != value:
            raise IndexMismatch(
                f"The index in {index_dir} was built with {key}={manifest.get(key)!r} but this version uses "
                f"{value!r}: rebuild it with `{repair_command(index_dir, manifest)}`"
                + (" (or `make run`)." if Path(index_dir) == Path("index") else ".")
            )


def load_index(index_dir: Path, *, with_vectors: bool = True) -> IndexData:
    index_dir = Path(index_dir)
    live = live_version(index_dir)
    if live is None:
        raise IndexNotFound(
            f"No index found in {index_dir}: build one with `{repair_command(index_dir)}`."
        )
    vdir, manifest = live
    check_compatible(manifest, index_dir)
    verify_version(index_dir, vdir, manifest)
    reading = vdir
    try:
        reading = vdir / "docs.json"
        docs = {d["doc"]: DocMeta.from_dict(d) for d in json.loads(reading.read_text(encoding="utf-8"))}
        reading = vdir / "paragraphs.offsets.npy"
        offsets = np.load(reading)
        reading = vdir / "paragraphs.jsonl"
        paragraphs = ParagraphTable(reading, offsets)
        reading = vdir / "paragraphs.docs.npy"
        data = IndexData(docs=docs, paragraphs=paragraphs, manifest=manifest, path=vdir,  # type: ignore[arg-type]
                         paragraph_docs=np.load(reading))
        reading = vdir / "texts.json"
        data.texts = json.loads(reading.read_text(encoding="utf-8"))
        if with_vectors:
            reading = vdir / "vectors.npy"
            data.vectors = np.load(reading, mmap_mode="r")
            reading = vdir / "chunks.npy"
            data.chunk_para = np.load(reading)
            reading = vdir / "sentences.f16.npy"
            data.sentence_vectors = np.load(reading, mmap_mode="r")
            reading = vdir / "sentences.start.npy"
            data.sentence_start = np.load(reading)
    except FileNotFoundError:
        raise _damaged(index_dir, reading, "is missing", manifest) from None
    except (OSError, ValueError, KeyError, TypeError, EOFError):
        raise _damaged(index_dir, reading, "is damaged (it cannot be read)", manifest) from None
    return data


def write_index(index_dir: Path, data: IndexData, bm25_writer: Any, faiss_writer: Any,
                indexed_at: dict[str, str] | None = None, embedding_precision: str = "fp32",
                sources: list[str] | None = None,
                derived: Callable[[Path, dict[str, Any]], None] | None = None,
                passage_writer: Callable[[Path], None] | None = None,
                vocabulary_writer: Callable[[Path], None] | None = None) -> Path:
    """Write a complete new version folder, then switch CURRENT to it in one atomic rename.

    Call with the writer lock held (lock.writer_lock). An interrupted build leaves the previous version live; old
    versions are removed afterwards. ``sources``: the folders/files the index was synced from (for the repair hint).
    ``derived(folder, manifest)`` adds files made from the index (the tracker's records) before the version goes
    live; they are not in the manifest's checksums, as they can be made again from it.
    """
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    name = f"v-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
    tmp = index_dir / f".building-{os.getpid()}-{name}"
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
            "sources": list(sources or []),
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
        if passage_writer is not None:
            passage_writer(tmp / "passages")  # (index/passages.py)
        if vocabulary_writer is not None:
            vocabulary_writer(tmp / VOCABULARY_FILE)  # (index/vocabulary.py)
        manifest["files"] = _file_list(tmp)
        (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1))
        if derived is not None:
            derived(tmp, manifest)
        final = index_dir / name
        tmp.rename(final)
        pointer_tmp = index_dir / f".CURRENT-{uuid.uuid4().hex[:6]}"
        pointer_tmp.write_text(name)
        os.replace(pointer_tmp, index_dir / "CURRENT")
        if sources:
            sources_tmp = index_dir / f".{SOURCES_NAME}-{uuid.uuid4().hex[:6]}"
            sources_tmp.write_text(json.dumps(list(sources), ensure_ascii=False), encoding="utf-8")
            os.replace(sources_tmp, index_dir / SOURCES_NAME)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _remove_old_versions(index_dir, keep=name)
    return final


def _remove_old_versions(index_dir: Path, keep: str) -> None:
    """Old version folders, and build folders left by writers that died (never one whose process is alive)."""
    for child in index_dir.iterdir():
        if not child.is_dir() or child.name == keep:
            continue
        if child.name.startswith("v-") or (child.name.startswith(".building-") and not _builder_alive(child.name)):
            shutil.rmtree(child, ignore_errors=True)


def _builder_alive(name: str) -> bool:
    """Whether the process that named this ``.building-<pid>-…`` folder is still running."""
    pid = name[len(".building-"):].split("-", 1)[0]
    if not pid.isdigit():
        return False  # written before build folders carried their pid
    if int(pid) == os.getpid():
        return False  # ours, from an interrupted write
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
