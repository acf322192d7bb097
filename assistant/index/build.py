"""Indexing pipeline: make the index hold exactly the documents under the given paths, reusing what is unchanged."""

from __future__ import annotations

import dataclasses
import sys
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ..errors import IndexFailed, UsageError
from ..ingest.extract import ExtractError
from ..ingest.files import sha256_of  # noqa: F401  (bench/ imports it from here)
from ..parse.context import neighbour_context, question_context, row_context, vote_context
from ..parse.embeddable import embeddable
from ..parse.minutes import without_voters
from ..parse.passages import passage_text, passages
from ..parse.sentences import split_sentences
from ..parse.windows import keyword_windows, passage_windows
from ..records import DocMeta, Paragraph
from ..track.items import TrackRecord
from ..track.ledger import ensure_tracker, records_for_new_version, write_tracker
from .dense import DenseIndex
from .embed import (
    DIMENSIONS,
    Embedder,
    cache_key_model,
    default_embedder,
    embedding_precision,
    embedding_text,
    locate_sentences,
    split_for_embedding,
)
from .embed_cache import EmbeddingCache
from .lexical import KeywordIndex
from .lock import writer_lock
from .passages import PassageIndex
from .sources import (  # collect_files, ParseAhead and parse_file are also imported from here by bench/
    ParseAhead,
    _absolute,
    _manifests,
    _plan_files,
    _sources_after,
    _sources_of_damaged,
    _without_name_clashes,
    collect_files,
    parse_file,  # noqa: F401
)
from .store import IndexDamaged, IndexData, IndexMismatch, IndexNotFound, load_index, write_index
from .store import read_manifest as read_index_manifest
from .vocabulary import Vocabulary

SAVE_EVERY = 256  # texts embedded between saves of the embedding cache during a build (a killed build resumes)…
SAVE_SECONDS = 10.0  # …and at least this long: saving costs < 1% of embedding (bench/bench_cache_saves.py)


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (file, one-line reason)
    paragraphs: int = 0
    embedded: int = 0
    from_cache: int = 0  # texts whose vectors the embedding cache already held
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        parts = [f"{len(self.added)} added", f"{len(self.updated)} updated", f"{len(self.unchanged)} unchanged",
                 f"{len(self.removed)} removed"]
        if self.failed:
            parts.append(f"{len(self.failed)} skipped")
        cached = f", {self.from_cache} from the embedding cache" if self.from_cache else ""
        return (f"Index: {', '.join(parts)}; {self.paragraphs} paragraphs ({self.embedded} text pieces newly "
                f"embedded{cached}).")


def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def sync_index(index_dir: Path, paths: list[Path], *, rebuild: bool = False, embedder: Embedder | None = None,
               progress: bool = True, log: Callable[[str], None] = _say,
               on_progress: Callable[[str, int, int], None] | None = None, wait: bool = True) -> SyncReport:
    """Make ``index_dir`` hold exactly the documents under ``paths``.

    New and changed files are parsed and embedded, unchanged ones reused, missing ones removed. A file that
    cannot be read is reported in one line and skipped; if an earlier version of it is indexed, that version is
    kept. The new index replaces the old one atomically. ``on_progress(stage, done, total)`` is called as
    documents are read ("documents") and paragraphs embedded ("paragraphs"), e.g. for the app's progress bar.
    The writer lock is held throughout (``wait=False``: IndexBusy when another writer has it). A damaged index is
    rebuilt from the sources, taking the vectors of text embedded before from the embedding cache.
    """
    files = collect_files(paths)  # before the lock: a wrong path creates no index folder and takes no lock
    if not files:
        raise IndexFailed(f"No documents (PDF, Word, HTML or text files) found in {', '.join(map(str, paths))}; "
                          "the index was left as it was.")
    with writer_lock(index_dir, wait=wait, log=log):
        files = collect_files(paths)  # again under the lock: the folders may have changed while it waited
        sources = [str(Path(p).resolve()) for p in paths]
        return _update(index_dir, files, _manifests(paths), sources, mode="sync", rebuild=rebuild, embedder=embedder,
                       progress=progress, log=log, on_progress=on_progress)


def _load_old(index_dir: Path, rebuild: bool, precision: str, log: Callable[[str], None]) -> IndexData | None:
    """The index as it is now (empty when there is none, when rebuilding, or when it must be re-embedded);
    None when it is damaged (the message has been logged)."""
    if rebuild or not (Path(index_dir) / "CURRENT").is_file():
        return IndexData()
    try:
        old = load_index(index_dir)
    except IndexNotFound:
        return IndexData()
    except IndexMismatch:
        log("The index was built by another version of the model or parser: rebuilding it "
            "(text seen before is not embedded again).")
        return IndexData()
    except IndexDamaged as exc:
        log(f"{str(exc).split(': run ')[0]}: rebuilding the index from the documents (text embedded before is "
            "taken from the embedding cache).")
        return None
    if old.manifest and old.manifest.get("embedding_precision", "fp32") != precision:
        log(f"The index holds {old.manifest.get('embedding_precision', 'fp32')} vectors and this run makes "
            f"{precision} ones: re-embedding everything so that they are not mixed.")
        return IndexData()
    return old


def _update(index_dir: Path, files: list[Path], manifest_rows: dict[str, dict], sources: list[str] | None, *,
            mode: str, drop: Collection[str] = (), rebuild: bool = False, embedder: Embedder | None = None,
            progress: bool = True, log: Callable[[str], None] = _say,
            on_progress: Callable[[str, int, int], None] | None = None) -> SyncReport:
    """The index updated with ``files`` (caller holds the writer lock). ``mode``: "sync" (hold exactly these
    files), "add" (these files added or updated, every other document kept) or "remove" (the ``drop``
    documents taken out, every other kept). Kept documents need not have their source files at hand."""
    t_start = time.perf_counter()
    report = SyncReport()
    files = [Path(f).resolve() for f in files]
    precision = getattr(embedder, "precision", None) or embedding_precision()
    old = _load_old(index_dir, rebuild, precision, log)
    if old is None:  # damaged: rebuild from the sources
        old = IndexData()
        if mode != "sync":
            files = _sources_of_damaged(index_dir, files, drop)
            manifest_rows = _manifests(files)
            mode = "sync"
    if mode == "add":
        files = _without_name_clashes(files, old, index_dir, report, log)
    if sources is None:
        sources = _sources_after(old.manifest.get("sources") or [], files if mode == "add" else [],
                                 [Path(old.docs[d].path) for d in drop if d in old.docs and old.docs[d].path])

    t_parse = time.perf_counter()
    plans, jobs = _plan_files(files, old, manifest_rows)
    with ParseAhead(jobs) as parser:
        docs, kept, fresh = _read_documents(files, plans, parser, old, report, log, progress,
                                            on_progress, keeps_others=mode != "sync")
    if mode != "sync":  # every document not named stays as it is
        old_rows = old.rows_by_doc()
        for name, meta in old.docs.items():
            if name not in docs and name not in drop:
                docs[name] = _absolute(meta, index_dir)
                kept[name] = _reuse(old, [int(r) for r in old_rows.get(name, [])])
                report.unchanged.append(name)
    report.removed = sorted(set(old.docs) - set(docs))
    if not docs and files:
        raise IndexFailed("None of the documents could be read, so the index was left as it was." if old.docs else
                          "None of the documents could be read, so nothing was indexed.")
    given = [f.name for f in files if f.name in docs]
    order = list(dict.fromkeys(given + [n for n in docs if n not in given])) if mode == "sync" else \
        [n for n in old.docs if n in docs] + [n for n in given if n not in old.docs]
    if old.docs and not (report.added or report.updated or report.removed) and \
            all(docs[n] == old.docs[n] for n in docs) and order == list(old.docs):
        report.paragraphs = len(old.paragraphs)  # nothing changed: keep the index as it is
        ensure_tracker(old)  # (an index written before the tracker, or by another extractor, gets its records)
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
        keep = [embeddable(p, docs[name]) for p in paragraphs]
        windows = passage_windows(paragraphs, docs[name], keep)
        for i, p in enumerate(paragraphs):
            if not keep[i]:
                continue  # kept for display and keyword search, without vectors (see parse/embeddable.py)
            first = len(new_texts)
            pieces = split_for_embedding(without_voters(p.text))  # a vote by its counts, not its voters' names
            # a table's row is embedded with the table's headers, another short paragraph with the text before it
            around = row_context(paragraphs, i) or neighbour_context(paragraphs, i)
            asked = question_context(paragraphs, i) or vote_context(paragraphs, i)
            heading = " — ".join(x for x in (p.heading, asked, around) if x)
            texts = [embedding_text(piece, heading, context) for piece in pieces]
            window = windows.get(p.ordinal)  # the paragraph read with its neighbours (see parse/windows.py)
            extra = [embedding_text(window[0], window[1], context)] if window else []
            new_texts.extend(texts + extra)
            new_owner.extend([(name, p.ordinal)] * (len(texts) + len(extra)))
            sentences = split_sentences(p.text)
            places = locate_sentences(sentences, pieces, texts) if late else [None] * len(sentences)
            for sentence, place in zip(sentences, places):
                sentence_texts.append(sentence)
                sentence_owner.append((name, p.ordinal))
                sentence_at.append((first + place[0], place[1], place[2]) if place else None)
    cache = EmbeddingCache(index_dir, cache_key_model(precision), DIMENSIONS)
    spans: dict[int, list[tuple[int, int]]] = {}
    for place in sentence_at:
        if place:
            spans.setdefault(place[0], []).append(place[1:])
    new_vecs, span_vecs, report.embedded = _embed(new_texts, embedder, progress, cache, on_progress, spans)
    report.from_cache = len(set(new_texts)) - report.embedded
    sentence_vecs = np.zeros((len(sentence_texts), DIMENSIONS), dtype=np.float32)
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
        report.from_cache += len({sentence_texts[i] for i in alone}) - n
    report.seconds["cache_saves"] = cache.save_seconds
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
    for name in order:
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
    data.vectors = np.concatenate(vec_parts).astype(np.float32) if vec_parts else np.zeros((0, DIMENSIONS), np.float32)
    data.chunk_para = np.asarray(chunk_rows, dtype=np.int32)
    data.sentence_vectors = np.concatenate(sentence_parts) if sentence_parts else np.zeros((0, DIMENSIONS), np.float16)
    data.sentence_start = np.asarray(sentence_start, dtype=np.int64)
    keyword = KeywordIndex.build([_keyword_text(data.paragraphs, i) for i in range(len(data.paragraphs))],
                                 *keyword_windows(data.paragraphs, data.docs))
    dense = DenseIndex.build(data.vectors, data.chunk_para)
    t_passages = time.perf_counter()
    passage_index, embedded = _passages(data, old, kept, embedder, progress, cache, on_progress)
    report.embedded += embedded
    report.seconds["passages"] = time.perf_counter() - t_passages
    t_vocabulary = time.perf_counter()
    vocabulary, embedded = _vocabulary(data, embedder, cache)
    report.embedded += embedded
    report.seconds["vocabulary"] = time.perf_counter() - t_vocabulary
    now = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    old_docs = old.manifest.get("documents", {})
    indexed_at = {name: (old_docs.get(name, {}).get("indexed_at") or now) if name in kept else now
                  for name in data.docs}
    t_track = time.perf_counter()
    records = _tracker_records(old, data)
    report.seconds["track"] = time.perf_counter() - t_track
    write_index(index_dir, data, bm25_writer=keyword.save, faiss_writer=dense.save, indexed_at=indexed_at,
                embedding_precision=precision, sources=sources,
                derived=lambda folder, manifest: write_tracker(folder, records, manifest),
                passage_writer=passage_index.save if len(passage_index) else None,
                vocabulary_writer=vocabulary.save)
    report.paragraphs = len(data.paragraphs)
    report.seconds["write"] = time.perf_counter() - t_write - report.seconds["track"]
    report.seconds["total"] = time.perf_counter() - t_start
    return report


def _passages(data: IndexData, old: IndexData, unchanged: Collection[str], embedder: Embedder | None,
              progress: bool, cache: EmbeddingCache, on_progress: Callable[[str, int, int], None] | None
              ) -> tuple[PassageIndex, int]:
    """The passages of every document (parse/passages.py): an ``unchanged`` document's are taken from the previous
    version, the others' cut now; their vectors (from the embedding cache where a passage was seen before) and the
    number of texts embedded now."""
    before = PassageIndex.read_chunks(old.path / PassageIndex.FOLDER) if old.path is not None else {}
    texts: list[str] = []
    covers: list[list[int]] = []
    chunks: list[tuple[str, list[int], str]] = []
    for name, rows in data.rows_by_doc().items():
        meta = data.docs[name]
        if name in unchanged and name in before and old.docs[name].doc_type == meta.doc_type:
            cut = before[name]  # (what is left out of passages depends on the document's type)
        else:
            paragraphs = [data.paragraphs[int(r)] for r in rows]
            cut = passages(paragraphs, [embeddable(p, meta) for p in paragraphs])
        for chunk, positions in cut:
            texts.append(passage_text(chunk, meta))
            covers.append([int(rows[i]) for i in positions])
            chunks.append((name, positions, chunk))
    vectors, _, embedded = _embed(texts, embedder, progress, cache, on_progress) if texts else \
        (np.zeros((0, DIMENSIONS), np.float32), {}, 0)
    return PassageIndex.build(texts, covers, vectors, chunks), embedded


def _vocabulary(data: IndexData, embedder: Embedder | None, cache: EmbeddingCache) -> tuple[Vocabulary, int]:
    """The corpus's words with their vectors (index/vocabulary.py), embedded through the cache: a rebuild runs
    only the words no earlier build has seen through the model. Also how many words were run."""
    embedded = 0

    def embed(words: list[str]) -> np.ndarray:
        nonlocal embedded
        vectors, _, embedded = _embed(words, embedder, False, cache)
        return vectors

    return Vocabulary.build((p.text for p in data.paragraphs), embed), embedded


def _tracker_records(old: IndexData, data: IndexData) -> list[TrackRecord]:
    """The commitments, decisions and findings of the new index: extracted now for new and changed documents,
    taken from the previous version for the others (track/ledger.py)."""
    by_doc: dict[str, list[Paragraph]] = {}
    for p in data.paragraphs:
        by_doc.setdefault(p.doc, []).append(p)
    return records_for_new_version(old, data.docs, by_doc)


def _keyword_text(paragraphs: list[Paragraph], i: int) -> str:
    """BM25 sees the paragraph with its heading (the heading often names the topic), an answer with the
    question it answers, a vote with the motion it decides and a table's row with the table's headers."""
    p = paragraphs[i]
    asked = question_context(paragraphs, i) or vote_context(paragraphs, i) or row_context(paragraphs, i)
    return f"{p.heading or ''}\n{asked}\n{p.text}" if asked else f"{p.heading or ''}\n{p.text}"


def _read_documents(files: list[Path], plans: dict[Path, tuple[str, dict] | ValueError], parser: ParseAhead,
                    old: IndexData, report: SyncReport, log: Callable[[str], None], progress: bool,
                    on_progress: Callable[[str, int, int], None] | None, keeps_others: bool = False
                    ) -> tuple[dict[str, DocMeta], dict[str, Reused], dict[str, tuple[list[Paragraph], str]]]:
    """For each file: reuse it (unchanged), parse it (new or changed) or skip it (unreadable, or the same bytes as a
    document indexed under another name: reported). ``keeps_others``: the documents indexed now stay (add), so a
    copy of one of them is skipped too. Returns the documents' metadata, the reused ones' rows and the parsed ones'
    paragraphs and text."""
    from tqdm import tqdm

    old_rows = {doc: [int(r) for r in rows] for doc, rows in old.rows_by_doc().items()}
    docs: dict[str, DocMeta] = {}
    kept: dict[str, Reused] = {}
    fresh: dict[str, tuple[list[Paragraph], str]] = {}
    seen: dict[str, Path] = {}
    # a document's content -> the name it is indexed under: a byte-identical copy under another name would be
    # answered and cited twice
    same: dict[str, str] = {m.sha256: n for n, m in old.docs.items() if m.sha256} if keeps_others else {}
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
        # a copy of a document indexed (before, or earlier in this run); not of one that could not be read (two empty
        # files are byte for byte the same, and each is skipped as empty)
        if same.get(sha, name) != name:
            report.failed.append((name, f"the same file as {same[sha]}, already indexed"))
            log(f"Skipped {name}: the same file as {same[sha]} (byte for byte), which is indexed already")
            continue
        prev = old.docs.get(name)
        if prev is not None and prev.sha256 == sha:
            meta = dataclasses.replace(prev, path=str(path), **overrides) if overrides else dataclasses.replace(prev, path=str(path))
            docs[name] = meta
            kept[name] = _reuse(old, old_rows.get(name, []))
            report.unchanged.append(name)
            same.setdefault(sha, name)
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
        same.setdefault(sha, name)
        (report.updated if prev is not None else report.added).append(name)
    return docs, kept, fresh


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
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
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
        unsaved, last_save = 0, time.monotonic()
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
                        cache.put(_span_key(t, a, z), np.zeros(DIMENSIONS, np.float32) if x is None else x)
                        if x is not None:
                            for i in missing[t]:
                                span_out[(i, a, z)] = x
                    n += len(missing[t])
                unsaved += len(chunk)
                if unsaved >= SAVE_EVERY and time.monotonic() - last_save >= SAVE_SECONDS:
                    cache.save()  # a killed build resumes from here
                    unsaved, last_save = 0, time.monotonic()
                bar.update(n)
                done += n
                if on_progress:
                    on_progress("paragraphs", done, len(texts))
    cache.save()
    return out, span_out, len(missing)


def _span_key(text: str, start: int, end: int) -> str:
    """Embedding-cache key of the vector of characters start:end of ``text`` pooled from its pass."""
    return f"\x01{start}:{end}\x00{text}"


def add_documents(index_dir: Path, files: list[Path], *, wait: bool = True, log: Callable[[str], None] = _say,
                  **kwargs) -> SyncReport:
    """Index ``files`` in addition to what is indexed now: each is added, or updates the document it was indexed
    as; every other document stays (reused as it is, wherever its source file is now). A file named like a
    document indexed from another file is skipped (rename it)."""
    files = [Path(f) for f in files]
    for f in files:
        if f.is_dir():  # (not `index FOLDER`, which would make the index hold that folder's documents alone)
            raise UsageError(f"{f} is a folder: give the documents in it to add, e.g. {f}/*.pdf")
        if not f.is_file():
            raise UsageError(f"{f}: no such file; give the document to add, e.g. reports/cabinet-2024.pdf")
    with writer_lock(index_dir, wait=wait, log=log):
        return _update(index_dir, files, _manifests(files), None, mode="add", log=log, **kwargs)


def remove_documents(index_dir: Path, docs: list[str], *, wait: bool = True, log: Callable[[str], None] = _say,
                     **kwargs) -> SyncReport:
    """Take documents (by file name) out of the index; their paragraphs leave it, every other document stays.
    Source files are not touched."""
    if not (Path(index_dir) / "CURRENT").is_file():
        raise UsageError(f"No index in {index_dir}: nothing to remove (build one with `python -m assistant index "
                         "source_docs/`, or give --index-dir)")
    with writer_lock(index_dir, wait=wait, log=log):
        indexed = (read_index_manifest(index_dir) or {}).get("documents", {})
        unknown = [d for d in docs if d not in indexed]
        if unknown:
            raise UsageError(f"Not in the index: {', '.join(unknown)} (see `python -m assistant docs`)")
        return _update(index_dir, [], {}, None, mode="remove", drop=set(docs), log=log, **kwargs)


