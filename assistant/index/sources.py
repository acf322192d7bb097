"""The documents a build reads: which files under the given folders (collect_files), their metadata overrides and
content hashes (plan_files), parsed in worker processes ahead of use (parse_file, ParseAhead); and where indexed
documents came from (indexed_paths, the recorded sources, name clashes, rebuilding a damaged index)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..ingest.document import ExtractError
from ..ingest.extract import SUPPORTED_SUFFIXES, extract
from ..ingest.files import sha256_of
from ..ingest.metadata import build_meta, load_overrides, read_manifest
from ..parse.paragraphs import parse_paragraphs
from ..records import DocMeta, Paragraph
from .store import IndexDamaged, IndexData
from .store import read_manifest as read_index_manifest

if TYPE_CHECKING:
    from .build import SyncReport

NOT_DOCUMENTS = {"readme.md", "sources.md", "licence.md", "license.md", "readme.txt"}
MANIFEST_NAME = "manifest.csv"


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

def parse_file(path: Path, sha: str, overrides: dict | None = None) -> tuple[DocMeta, list[Paragraph], str]:
    """Extract, split into paragraphs, and describe one file. Raises ExtractError with a one-line reason."""
    doc = extract(path)
    paragraphs, text = parse_paragraphs(doc, path.name, sha)
    if not paragraphs:
        raise ExtractError(f"{path.name}: no paragraphs of text found")
    meta = build_meta(path, doc, sha, len(doc.pages) if doc.paged else None, overrides)
    return meta, paragraphs, text

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

    Reading and parsing take one core a file (about 0.05 s a PDF page with PDFium, most of it the pure-Python
    parser): with a few documents to read, a pool of processes (forkserver: safe beside the embedding model's
    threads) reads them while the first results are being used. With fewer than PARALLEL_FROM documents, one core, or no forkserver, files are parsed inline.
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



def indexed_paths(index_dir: Path) -> dict[str, Path]:
    """Where each indexed document was indexed from (doc name -> path, absolute where it can be found)."""
    manifest = read_index_manifest(index_dir) or {}
    return {doc: Path(_absolute_path(v["path"], index_dir)) for doc, v in manifest.get("documents", {}).items()
            if v.get("path")}

def _absolute_path(path: str, index_dir: Path) -> str:
    """A source path made absolute: indexes written before paths were resolved stored them relative to where
    `index` was run (most often the folder holding the index folder). Left as it is when not found."""
    if not path or Path(path).is_absolute():
        return path
    for base in (Path.cwd(), Path(index_dir).resolve().parent):
        if (base / path).is_file():
            return str((base / path).resolve())
    return path

def _absolute(meta: DocMeta, index_dir: Path) -> DocMeta:
    path = _absolute_path(meta.path, index_dir)
    return meta if path == meta.path else dataclasses.replace(meta, path=path)

def _without_name_clashes(files: list[Path], old: IndexData, index_dir: Path, report: SyncReport,
                          log: Callable[[str], None]) -> list[Path]:
    """``files`` less those named like a document indexed from another file that still exists (documents are
    known by file name: adding it would replace that document)."""
    out = []
    for f in files:
        prev = old.docs.get(f.name)
        where = Path(_absolute_path(prev.path, index_dir)) if prev is not None and prev.path else None
        if where is not None and where.is_absolute() and where.is_file() and where.resolve() != f:
            reason = f"{f.name}: a different file of this name is already indexed ({where}); rename one of them"
            report.failed.append((f.name, reason))
            log(f"Skipped {reason}")
            continue
        out.append(f)
    return out

def _sources_after(sources: list[str], added: list[Path], removed: list[Path]) -> list[str]:
    """The recorded sources after adding or removing files: an added file outside them is recorded itself."""
    def inside(f: Path, root: str) -> bool:
        return f == Path(root) or Path(root) in f.parents
    out = [s for s in sources if not any(Path(s) == r.resolve() for r in removed if r.is_absolute())]
    out += [str(f) for f in added if not any(inside(f, s) for s in out)]
    return out

def _sources_of_damaged(index_dir: Path, files: list[Path], drop: Collection[str]) -> list[Path]:
    """For adding to or removing from a damaged index: every indexed document's source file (and ``files``),
    so that it can be rebuilt; IndexDamaged when some document could only be lost."""
    indexed = indexed_paths(index_dir)  # IndexDamaged when the manifest itself cannot be read
    names = {f.name for f in files}
    wanted = {}
    for doc, path in indexed.items():
        if doc in drop or doc in names:
            continue
        if not path.is_file():
            live = read_index_manifest(index_dir) or {}
            raise IndexDamaged(f"The index in {index_dir} is damaged and the source of {doc} is not at {path}: run "
                               f"`python -m assistant index FOLDER...` with the folders of all its documents "
                               f"(last built from: {', '.join(live.get('sources') or ['unknown'])}).")
        wanted[doc] = path.resolve()
    return list(wanted.values()) + list(files)
