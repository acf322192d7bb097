"""Indexing pipeline: make the index hold exactly the documents under the given paths, reusing what is unchanged."""

from __future__ import annotations

import dataclasses
import hashlib
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, NamedTuple

import numpy as np

from .dense import DenseIndex
from .embed import (Embedder, cache_key_model, default_embedder, embedding_precision, embedding_text,
                    locate_sentences, split_for_embedding)
from .embed_cache import EmbeddingCache
from .errors import UsageError  # noqa: F401  (re-exported: build.UsageError)
from .ingest.extract import SUPPORTED_SUFFIXES, ExtractError, extract
from .ingest.metadata import build_meta, load_overrides, read_manifest
from .keyword import KeywordIndex
from .parse.embeddable import embeddable
from .parse.paragraphs import parse_paragraphs
from .parse.sentences import split_sentences
from .records import DocMeta, Paragraph
from .store import IndexData, IndexMismatch, IndexNotFound, current_version_dir, load_index, write_index

NOT_DOCUMENTS = {"readme.md", "sources.md", "licence.md", "license.md", "readme.txt"}
MANIFEST_NAME = "manifest.csv"


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, one-line reason)
    paragraphs: int = 0
    embedded: int = 0
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated", f"{len(self.unchanged)} unchanged",
                 f"{len(self.removed)} removed"]
        if self.failed:
            parts.append(f"{len(self.failed)} skipped")
        return f"Index: {', '.join(parts)}; {self.paragraphs} paragraphs ({self.embedded} text pieces newly embedded)."


def collect_files(paths: list[Path]) -> list[Path]:
    """Supported documents under ``paths`` (files or folders, recursively), in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"{path}: no such file or folder; give the documents' folder, e.g. source_docs/")
        if path.is_file():
            files.append(path)
            continue
        for f in sorted(path.rglob("*")):
            if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES and not f.name.startswith(".") \
                    and f.name.lower() not in NOT_DOCUMENTS and not any(p.startswith(".") for p in f.parts[len(path.parts):]):
                files.append(f)
    return files


def _manifests(paths: list[Path]) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for raw in paths:
        path = Path(raw)
        candidate = path / MANIFEST_NAME if path.is_dir() else path.parent / MANIFEST_NAME
        if candidate.is_file():
            rows.update(read_manifest(candidate))
    return rows


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def parse_file(path: Path, sha: str, overrides: dict | None = None) -> tuple[DocMeta, list[Paragraph], str]:
    """Extract, split into paragraphs, and describe one file. Raises ExtractError with a one-line reason."""
    doc = extract(path)
    paragraphs, text = parse_paragraphs(doc, path.name, sha)
    if not paragraphs:
        raise ExtractError(f"{path.name}: no paragraphs of text found")
    meta = build_meta(path, doc, sha, len(doc.pages) if doc.paged else None, overrides)
    return meta, paragraphs, text


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def sync_index(index_dir: Path, paths: list[Path], *, rebuild: bool = False, embedder: Embedder | None = None,
               progress: bool = True, log: Callable[[str], None] = _say,
               on_progress: Callable[[str, int, int], None] | None = None) -> SyncReport:
    """Make ``index_dir`` hold exactly the documents under ``paths``.

    New and changed files are parsed and embedded, unchanged ones reused, missing ones removed. A file that
    cannot be read is reported in one line and skipped; if an earlier version of it is indexed, that version is
    kept. The new index replaces the old one atomically. ``on_progress(stage, done, total)`` is called as
    documents are read ("documents") and paragraphs embedded ("paragraphs"), e.g. for the app's progress bar.
    """
    t_start = time.perf_counter()
    report = SyncReport()
    files = collect_files(paths)
    manifest_rows = _manifests(paths)
    precision = getattr(embedder, "precision", None) or embedding_precision()
    old = IndexData()
    if not rebuild and current_version_dir(index_dir) is not None:
        try:
            old = load_index(index_dir)
        except IndexNotFound:
            old = IndexData()
        except IndexMismatch:
            log("The index was built by another version of the model or parser: rebuilding it "
                "(text seen before is not embedded again).")
            old = IndexData()
        if old.manifest and old.manifest.get("embedding_precision", "fp32") != precision:
            log(f"The index holds {old.manifest.get('embedding_precision', 'fp32')} vectors and this run makes "
                f"{precision} ones: re-embedding everything so that they are not mixed.")
            old = IndexData()

    t_parse = time.perf_counter()
    plans, jobs = _plan_files(files, old, manifest_rows)
    with ParseAhead(jobs) as parser:
        docs, kept, fresh = _read_documents(files, plans, parser, old, report, log, progress,
                                            on_progress)
    report.removed = sorted(set(old.docs) - set(docs))
    if not docs and old.docs and files:
        raise UsageError("None of the documents could be read, so the existing index was left as it was.")
    if old.docs and not (report.added or report.updated or report.removed) and \
            all(docs[n] == old.docs[n] for n in docs) and list(docs) == list(old.docs):
        report.paragraphs = len(old.paragraphs)  # nothing changed: keep the index as it is
        report.seconds["total"] = time.perf_counter() - t_start
        return report
    report.seconds["parse"] = time.perf_counter() - t_parse

    # embed what is new
    t_embed = time.perf_counter()
    new_texts: list[str] = []
    new_owner: list[tuple[str, int]] = []  # (doc, paragraph ordinal) per chunk
    sentence_owner: list[tuple[str, int]] = []  # every sentence of the new paragraphs, for the extractive answer
    sentence_texts: list[str] = []
    sentence_at: list[tuple[int, int, int] | None] = []  # (chunk, start, end) of the sentence in a chunk's text
    if fresh and embedder is None:
        embedder = default_embedder()
    late = hasattr(embedder, "embed_with_spans")  # sentence vectors pooled from the paragraph's own pass
    for name, (paragraphs, _) in fresh.items():
        context = docs[name].short_name
        for p in paragraphs:
            if not embeddable(p, docs[name]):
                continue  # kept for display and keyword search, without vectors (see parse/embeddable.py)
            first = len(new_texts)
            pieces = split_for_embedding(p.text)
            texts = [embedding_text(piece, p.heading, context) for piece in pieces]
            new_texts.extend(texts)
            new_owner.extend([(name, p.ordinal)] * len(texts))
            sentences = split_sentences(p.text)
            places = locate_sentences(sentences, pieces, texts) if late else [None] * len(sentences)
            for sentence, place in zip(sentences, places):
                sentence_texts.append(sentence)
                sentence_owner.append((name, p.ordinal))
                sentence_at.append((first + place[0], place[1], place[2]) if place else None)
    cache = EmbeddingCache(index_dir, cache_key_model(precision), 384)
    spans: dict[int, list[tuple[int, int]]] = {}
    for place in sentence_at:
        if place:
            spans.setdefault(place[0], []).append(place[1:])
    new_vecs, span_vecs, report.embedded = _embed(new_texts, embedder, progress, cache, on_progress, spans)
    sentence_vecs = np.zeros((len(sentence_texts), 384), dtype=np.float32)
    alone = []  # sentences not found whole in an embedded text, or cut off by the model: embedded on their own
    for i, place in enumerate(sentence_at):
        v = span_vecs.get(place) if place else None
        if v is None:
            alone.append(i)
        else:
            sentence_vecs[i] = v
    if alone:
        vecs, _, n = _embed([sentence_texts[i] for i in alone], embedder, progress, cache, on_progress)
        sentence_vecs[alone] = vecs
        report.embedded += n
    report.seconds["embed"] = time.perf_counter() - t_embed

    # assemble rows in a stable order (the order of the files given)
    t_write = time.perf_counter()
    data = IndexData(docs={})
    vec_parts: list[np.ndarray] = []
    chunk_rows: list[int] = []
    sentence_parts: list[np.ndarray] = []
    sentence_start = [0]
    fresh_chunks: dict[tuple[str, int], list[int]] = {}
    for i, owner in enumerate(new_owner):
        fresh_chunks.setdefault(owner, []).append(i)
    fresh_sentences: dict[tuple[str, int], list[int]] = {}
    for i, owner in enumerate(sentence_owner):
        fresh_sentences.setdefault(owner, []).append(i)
    given = {f.name for f in files}
    for name in [f.name for f in files if f.name in docs] + [n for n in docs if n not in given]:
        if name in data.docs:
            continue
        data.docs[name] = docs[name]
        if name in kept:
            paragraphs, text, vecs_per_para, sentences_per_para = kept[name]
        else:
            paragraphs, text = fresh[name]
            vecs_per_para = [new_vecs[fresh_chunks.get((name, p.ordinal), [])] for p in paragraphs]
            sentences_per_para = [sentence_vecs[fresh_sentences.get((name, p.ordinal), [])] for p in paragraphs]
        data.texts[name] = text
        for p, vecs, svecs in zip(paragraphs, vecs_per_para, sentences_per_para):
            row = len(data.paragraphs)
            data.paragraphs.append(p)
            vec_parts.append(vecs)
            chunk_rows.extend([row] * len(vecs))
            sentence_parts.append(np.asarray(svecs, dtype=np.float16))
            sentence_start.append(sentence_start[-1] + len(svecs))
    data.vectors = np.concatenate(vec_parts).astype(np.float32) if vec_parts else np.zeros((0, 384), np.float32)
    data.chunk_para = np.asarray(chunk_rows, dtype=np.int32)
    data.sentence_vectors = np.concatenate(sentence_parts) if sentence_parts else np.zeros((0, 384), np.float16)
    data.sentence_start = np.asarray(sentence_start, dtype=np.int64)
    keyword = KeywordIndex.build([_keyword_text(p) for p in data.paragraphs])
    dense = DenseIndex.build(data.vectors, data.chunk_para)
    now = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    old_docs = old.manifest.get("documents", {})
    indexed_at = {name: (old_docs.get(name, {}).get("indexed_at") or now) if name in kept else now
                  for name in data.docs}
    write_index(index_dir, data, bm25_writer=keyword.save, faiss_writer=dense.save, indexed_at=indexed_at,
                embedding_precision=precision)
    report.paragraphs = len(data.paragraphs)
    report.seconds["write"] = time.perf_counter() - t_write
    report.seconds["total"] = time.perf_counter() - t_start
    return report


def _keyword_text(p: Paragraph) -> str:
    """BM25 sees the paragraph with its heading (the heading often names the topic)."""
    return f"{p.heading or ''}\n{p.text}"


def _read_documents(files: list[Path], plans: dict[Path, tuple[str, dict] | ValueError], parser: ParseAhead,
                    old: IndexData, report: SyncReport, log: Callable[[str], None], progress: bool,
                    on_progress: Callable[[str, int, int], None] | None
                    ) -> tuple[dict[str, DocMeta], dict[str, Reused], dict[str, tuple[list[Paragraph], str]]]:
    """For each file: reuse it (unchanged), parse it (new or changed) or skip it (unreadable, reported).
    Returns the documents' metadata, the reused ones' rows and the parsed ones' paragraphs and text."""
    from tqdm import tqdm

    old_rows = {doc: [int(r) for r in rows] for doc, rows in old.rows_by_doc().items()}
    docs: dict[str, DocMeta] = {}
    kept: dict[str, Reused] = {}
    fresh: dict[str, tuple[list[Paragraph], str]] = {}
    seen: dict[str, Path] = {}
    bar = tqdm(files, desc="Documents", unit="doc", disable=not progress, file=sys.stderr)
    for n_done, path in enumerate(bar):
        if on_progress:
            on_progress("documents", n_done, len(files))
        name = path.name
        if name in seen:
            report.failed.append((name, f"same file name as {seen[name]}; rename one of them"))
            log(f"Skipped {path}: a document named {name} is already included from {seen[name]}")
            continue
        seen[name] = path
        plan = plans[path]
        if isinstance(plan, ValueError):  # a sidecar or manifest row that cannot be used
            report.failed.append((name, str(plan)))
            log(f"Skipped {name}: {plan}")
            continue
        sha, overrides = plan
        prev = old.docs.get(name)
        if prev is not None and prev.sha256 == sha:
            meta = dataclasses.replace(prev, path=str(path), **overrides) if overrides else dataclasses.replace(prev, path=str(path))
            docs[name] = meta
            kept[name] = _reuse(old, old_rows.get(name, []))
            report.unchanged.append(name)
            continue
        try:
            meta, paragraphs, text = parser.parse(path, sha, overrides)
        except ExtractError as exc:
            report.failed.append((name, str(exc)))
            if prev is not None:
                docs[name] = prev
                kept[name] = _reuse(old, old_rows.get(name, []))
                log(f"Skipped {exc}; keeping the version indexed earlier")
            else:
                log(f"Skipped {exc}")
            continue
        docs[name] = meta
        fresh[name] = (paragraphs, text)
        (report.updated if prev is not None else report.added).append(name)
    return docs, kept, fresh


def _plan_files(files: list[Path], old: IndexData, manifest_rows: dict[str, dict]
                ) -> tuple[dict[Path, tuple[str, dict] | ValueError], list[tuple[Path, str, dict]]]:
    """Each file's (content hash, metadata overrides), or why its overrides cannot be used; and the files that
    will need parsing (new or changed), in order. A second file of the same name is left to the main loop."""
    plans: dict[Path, tuple[str, dict] | ValueError] = {}
    jobs: list[tuple[Path, str, dict]] = []
    names: set[str] = set()
    for path in files:
        if path.name in names:
            continue
        names.add(path.name)
        try:
            overrides = load_overrides(path, manifest_rows)
        except ValueError as exc:
            plans[path] = exc
            continue
        sha = sha256_of(path)
        plans[path] = (sha, overrides)
        prev = old.docs.get(path.name)
        if prev is None or prev.sha256 != sha:
            jobs.append((path, sha, overrides))
    return plans, jobs


class ParseAhead:
    """Parses the files of ``jobs`` in worker processes ahead of the loop that uses them, in order.

    PDF text extraction (pypdf) is pure Python, one core a file: with a few documents to read, a pool of
    processes (forkserver: safe beside the embedding model's threads) reads them while the first results are
    being used. With fewer than PARALLEL_FROM documents, one core, or no forkserver, files are parsed inline.
    """

    PARALLEL_FROM = 4

    def __init__(self, jobs: list[tuple[Path, str, dict]], workers: int | None = None) -> None:
        import multiprocessing
        import os

        self._futures: dict[tuple[Path, str], Any] = {}
        self._pool = None
        workers = workers or min(4, os.cpu_count() or 1)
        if len(jobs) >= self.PARALLEL_FROM and workers > 1 and \
                "forkserver" in multiprocessing.get_all_start_methods():
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("forkserver"))
            for path, sha, overrides in jobs:
                self._futures[(path, sha)] = self._pool.submit(parse_file, path, sha, overrides)

    def parse(self, path: Path, sha: str, overrides: dict | None) -> tuple[DocMeta, list[Paragraph], str]:
        future = self._futures.pop((path, sha), None)
        return future.result() if future is not None else parse_file(path, sha, overrides)

    def __enter__(self) -> ParseAhead:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)


class Reused(NamedTuple):
    """An unchanged document taken over from the previous index: nothing is parsed or embedded again."""

    paragraphs: list[Paragraph]
    text: str
    chunk_vectors: list[np.ndarray]  # per paragraph
    sentence_vectors: list[np.ndarray]  # per paragraph


def _reuse(old: IndexData, rows: list[int]) -> Reused:
    paragraphs = [old.paragraphs[r] for r in rows]
    chunk_para = np.asarray(old.chunk_para)  # written in row order, so sorted: find each row's chunks by bisection
    starts = np.searchsorted(chunk_para, rows, side="left")
    ends = np.searchsorted(chunk_para, rows, side="right")
    vecs = [np.asarray(old.vectors[s:e]) for s, e in zip(starts, ends)]
    text = old.texts.get(paragraphs[0].doc, "") if paragraphs else ""
    return Reused(paragraphs, text, vecs, [old.sentence_vectors_of(r) for r in rows])


def _embed(texts: list[str], embedder: Embedder | None, progress: bool, cache: EmbeddingCache,
           on_progress: Callable[[str, int, int], None] | None = None,
           spans: dict[int, list[tuple[int, int]]] | None = None
           ) -> tuple[np.ndarray, dict[tuple[int, int, int], np.ndarray], int]:
    """Vectors for ``texts`` (from the cache where possible), the vectors of the character ``spans`` of some of
    them (text index -> spans; pooled from the same pass, see embed.OnnxEmbedder.embed_with_spans) keyed by
    (text index, start, end), and how many texts had to be run through the model."""
    from tqdm import tqdm

    spans = spans or {}
    out = np.zeros((len(texts), 384), dtype=np.float32)
    span_out: dict[tuple[int, int, int], np.ndarray] = {}
    missing: dict[str, list[int]] = {}  # each distinct text to run -> where it goes (run once)
    for i, t in enumerate(texts):
        v = cache.get(t)
        pooled = [cache.get(_span_key(t, a, z)) for a, z in spans.get(i, ())]
        if v is None or any(x is None for x in pooled):
            missing.setdefault(t, []).append(i)
            continue
        out[i] = v
        for (a, z), x in zip(spans.get(i, ()), pooled):
            if x.any():  # all zeros: cached as "no token of it was read"
                span_out[(i, a, z)] = x
    if missing:
        embedder = embedder or default_embedder()
        # longest first so that batches hold similar lengths (less padding)
        order = sorted(missing, key=len, reverse=True)
        done = len(texts) - sum(len(v) for v in missing.values())
        batch = 128
        with tqdm(total=len(texts), initial=done, desc="Embedding", unit="text",
                  disable=not progress, file=sys.stderr) as bar:
            for start in range(0, len(order), batch):
                chunk = order[start:start + batch]
                wanted = [sorted({s for i in missing[t] for s in spans.get(i, ())}) for t in chunk]
                if any(wanted):
                    vecs, pooled = embedder.embed_with_spans(chunk, wanted)  # type: ignore[attr-defined]
                else:
                    vecs, pooled = embedder.embed(chunk), [[] for _ in chunk]
                n = 0
                for t, v, w, got in zip(chunk, vecs, wanted, pooled):
                    out[missing[t]] = v
                    cache.put(t, v)
                    for (a, z), x in zip(w, got):
                        cache.put(_span_key(t, a, z), np.zeros(384, np.float32) if x is None else x)
                        if x is not None:
                            for i in missing[t]:
                                span_out[(i, a, z)] = x
                    n += len(missing[t])
                if cache.pending >= 2000:
                    cache.save()
                bar.update(n)
                done += n
                if on_progress:
                    on_progress("paragraphs", done, len(texts))
    cache.save()
    return out, span_out, len(missing)


def _span_key(text: str, start: int, end: int) -> str:
    """Embedding-cache key of the vector of characters start:end of ``text`` pooled from its pass."""
    return f"\x01{start}:{end}\x00{text}"


def indexed_paths(index_dir: Path) -> dict[str, Path]:
    """Where each indexed document was indexed from (doc name -> path)."""
    from .store import read_manifest

    manifest = read_manifest(index_dir) or {}
    return {doc: Path(v["path"]) for doc, v in manifest.get("documents", {}).items() if v.get("path")}


def add_documents(index_dir: Path, files: list[Path], **kwargs) -> SyncReport:
    """Index ``files`` in addition to what is indexed now (the others are reused, not re-embedded)."""
    current = [p for p in indexed_paths(index_dir).values() if p.exists()]
    names = {Path(f).name for f in files}
    return sync_index(index_dir, [p for p in current if p.name not in names] + [Path(f) for f in files], **kwargs)


def remove_documents(index_dir: Path, docs: list[str], **kwargs) -> SyncReport:
    """Take documents (by file name) out of the index; their paragraphs leave it. Source files are not touched."""
    current = indexed_paths(index_dir)
    unknown = [d for d in docs if d not in current]
    if unknown:
        raise UsageError(f"Not in the index: {', '.join(unknown)} (see `python -m assistant docs`)")
    keep = [p for d, p in current.items() if d not in docs and p.exists()]
    return sync_index(index_dir, keep, **kwargs) if keep else _empty_index(index_dir)


def _empty_index(index_dir: Path) -> SyncReport:
    data = IndexData()
    keyword = KeywordIndex.build([])
    dense = DenseIndex.build(data.vectors, data.chunk_para)
    write_index(index_dir, data, bm25_writer=keyword.save, faiss_writer=dense.save)
    return SyncReport()
