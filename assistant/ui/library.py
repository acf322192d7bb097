"""The document library: where the index and sources live, safe uploads, incremental indexing and removal."""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
import unicodedata
import zipfile
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from ..errors import IndexFailed, UsageError
from ..index.build import SyncReport, add_documents, remove_documents
from ..index.lock import writer_lock
from ..index.sources import MANIFEST_NAME, NOT_DOCUMENTS, indexed_paths
from ..index.store import IndexDamaged, read_manifest
from ..ingest.extract import SUPPORTED_SUFFIXES
from ..ingest.text import UTF16_BOMS

MAX_UPLOAD_MB = 50
MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024
UPLOAD_TYPES = [s.lstrip(".") for s in SUPPORTED_SUFFIXES]  # for st.file_uploader(type=...)
REMOVED_FOLDER = ".removed"  # a dot folder, so re-indexing the sources does not bring removed files back
_RESERVED = {*NOT_DOCUMENTS, MANIFEST_NAME}  # notes about the sources and the metadata manifest


class UploadRejected(Exception):
    """An upload we will not save; str(e) is one line saying why."""


def index_dir() -> Path:
    return Path(os.environ.get("ASSISTANT_INDEX_DIR", "index"))


def source_dir() -> Path:
    return Path(os.environ.get("ASSISTANT_SOURCE_DIR", "source_docs"))


def safe_filename(name: str) -> str:
    """A plain file name from whatever the browser sent: no folders, no '..', only letters, digits, '.', '-', '_'."""
    base = re.split(r"[\\/]", name or "")[-1]
    base = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_.")[:100]
    suffix = re.sub(r"[^A-Za-z0-9]+", "", suffix).lower()[:10]
    if not stem:
        stem = "document"
    return f"{stem}.{suffix}" if suffix else stem


def check_upload(name: str, data: bytes) -> str:
    """The safe file name to save ``data`` under, or UploadRejected with a one-line reason."""
    safe = safe_filename(name)
    suffix = Path(safe).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = ", ".join(s.lstrip(".").upper() for s in SUPPORTED_SUFFIXES)
        raise UploadRejected(f"{name}: this type of file can't be read; upload one of {allowed}.")
    if safe.lower() in _RESERVED:
        raise UploadRejected(f"{name}: this name is kept for notes about the sources; rename the file and try again.")
    if not data:
        raise UploadRejected(f"{name}: the file is empty.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadRejected(f"{name}: the file is larger than {MAX_UPLOAD_MB} MB.")
    if suffix == ".pdf" and b"%PDF-" not in data[:1024]:
        raise UploadRejected(f"{name}: this is not a PDF file, although its name ends in .pdf.")
    if suffix == ".docx" and not _is_docx(data):
        raise UploadRejected(f"{name}: this is not a Word (.docx) file, although its name ends in .docx.")
    if suffix in (".txt", ".md", ".html", ".htm") and b"\x00" in data[:8192] and not data.startswith(UTF16_BOMS):
        raise UploadRejected(f"{name}: this does not look like a text file.")
    return safe


def _is_docx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


def save_upload(folder: Path, name: str, data: bytes, taken: Collection[str] = ()) -> Path:
    """Check and save an upload into ``folder``; an existing file with other contents is never overwritten, and
    no name in ``taken`` (documents indexed from other files) is used."""
    safe = check_upload(name, data)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / safe
    n = 2
    while (target.exists() and target.read_bytes() != data) or target.name in taken:
        target = folder / f"{Path(safe).stem}-{n}{Path(safe).suffix}"
        n += 1
    if target.resolve().parent != folder.resolve():  # belt and braces: never write outside the folder
        raise UploadRejected(f"{name}: unsafe file name.")
    target.write_bytes(data)
    return target


@dataclass
class LibraryChange:
    """What an upload or removal did, in words for the page."""

    ok: bool
    message: str
    report: SyncReport | None = None


def upload(index: Path, folder: Path, name: str, data: bytes, embedder=None,
           log: Callable[[str], None] = lambda _msg: None) -> LibraryChange:
    """Save an upload into ``folder`` and index it, holding the index's writer lock throughout (``log`` hears
    whom it waits for when another writer has it). Only this document is added or updated: a file named like a
    document indexed from elsewhere is saved under a new name; one already in the library is not added twice."""
    try:
        with writer_lock(index, log=log):
            digest = hashlib.sha256(data).hexdigest()
            indexed = read_manifest(index) or {}
            for doc, entry in indexed.get("documents", {}).items():
                if entry.get("sha256") == digest:
                    return LibraryChange(True, f"{name} is already in the library (as {doc}).")
            here = (Path(folder) / safe_filename(name)).resolve()
            taken = {doc for doc, path in indexed_paths(index).items() if path.resolve() != here.parent / doc}
            saved = save_upload(folder, name, data, taken)
            return add_to_index(index, saved, embedder=embedder)
    except (UploadRejected, IndexDamaged, IndexFailed) as exc:
        return LibraryChange(False, str(exc))


def add_to_index(index: Path, path: Path, embedder=None) -> LibraryChange:
    """Index one saved file alongside what is indexed now; a file that can't be read is removed again."""
    report = add_documents(index, [path], embedder=embedder, progress=False, log=lambda _msg: None)
    failed = dict(report.failed)
    if path.name in failed:
        reason = failed[path.name]
        path.unlink(missing_ok=True)
        return LibraryChange(False, reason if reason.startswith(path.name) else f"{path.name}: {reason}", report)
    verb = "Updated" if path.name in report.updated else "Added"
    return LibraryChange(True, f"{verb} {path.name}. {report.summary()}", report)


def remove_from_index(index: Path, doc: str, path: Path | None, sources: Path) -> LibraryChange:
    """Take ``doc`` out of the index. If its file lies in the upload folder, it is moved to ``.removed/`` there
    so that re-indexing the folder doesn't bring it back; files elsewhere are not touched."""
    try:
        report = remove_documents(index, [doc], progress=False, log=lambda _msg: None)
    except (IndexDamaged, IndexFailed, UsageError) as exc:
        return LibraryChange(False, str(exc))
    note = ""
    if path is not None and path.is_file() and _inside(path, sources):
        dest = Path(sources) / REMOVED_FOLDER
        dest.mkdir(parents=True, exist_ok=True)
        shutil.move(str(path), str(dest / path.name))
        note = f" The file was moved to {dest / path.name}; move it back and re-index to restore it."
    return LibraryChange(True, f"Removed {doc} from the library.{note}", report)


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(Path(folder).resolve())
        return True
    except ValueError:
        return False
