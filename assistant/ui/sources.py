"""Opening a cited source: find the indexed file and serve PDFs through Streamlit's static folder at a page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from ..records import DocMeta

SERVED_SUBDIR = "sources"  # static/sources/ next to app.py; generated, not committed
MIME = {".pdf": "application/pdf", ".txt": "text/plain", ".md": "text/markdown", ".html": "text/html",
        ".htm": "text/html",
        ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def source_path(meta: DocMeta, fallback_dir: Path | None = None) -> Path | None:
    """The file a document was indexed from, if it is still there."""
    candidates = [Path(meta.path)] if meta.path else []
    if fallback_dir is not None:
        candidates.append(Path(fallback_dir) / meta.doc)
    for c in candidates:
        if c.is_file():
            return c
    return None


def served_name(meta: DocMeta) -> str:
    """A URL-safe name that changes when the file's contents change."""
    stem = re.sub(r"[^A-Za-z0-9_.-]+", "-", meta.doc)
    return f"{(meta.sha256 or 'x')[:10]}-{stem}"


def serve_pdf(meta: DocMeta, path: Path, static_dir: Path) -> str:
    """Copy the PDF into the app's static folder (once) and return its URL path, relative to the app."""
    name = served_name(meta)
    target = Path(static_dir) / SERVED_SUBDIR / name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        ignore = target.parent / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# copies of cited PDFs, made by the app\n*\n")
        tmp = target.with_suffix(".part")
        shutil.copyfile(path, tmp)
        tmp.replace(target)
    return f"app/static/{SERVED_SUBDIR}/{name}"


def page_url(base: str, page: int | None) -> str:
    """Browsers' PDF viewers open at ``#page=N``."""
    return f"{base}#page={page}" if page else base


def mime_for(path: Path) -> str:
    return MIME.get(path.suffix.lower(), "application/octet-stream")
