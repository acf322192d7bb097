"""Dispatch a source file to the extractor for its format; every failure is one ExtractError line."""

from __future__ import annotations

from pathlib import Path

from .document import ExtractedDoc, ExtractError

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt", ".md")
__all__ = ["SUPPORTED_SUFFIXES", "ExtractError", "ExtractedDoc", "extract"]


def extract(path: Path) -> ExtractedDoc:
    """Read ``path`` by its suffix. Raises ExtractError (one line) for anything unreadable."""
    path = Path(path)
    suffix = path.suffix.lower()
    if not path.is_file():
        raise ExtractError(f"{path.name}: not a file")
    if path.stat().st_size == 0:
        raise ExtractError(f"{path.name}: the file is empty")
    try:
        if suffix == ".pdf":
            from .pdf import extract_pdf

            doc = extract_pdf(path)
        elif suffix == ".docx":
            from .docx import extract_docx

            doc = extract_docx(path)
            doc.hard_breaks = True
        elif suffix in (".html", ".htm"):
            from .html import extract_html

            doc = extract_html(path)
            doc.hard_breaks = True
        elif suffix in (".txt", ".md"):
            from .text import extract_text

            doc = extract_text(path)
        else:
            raise ExtractError(
                f"{path.name}: unsupported file type '{suffix}' (use {', '.join(SUPPORTED_SUFFIXES)})"
            )
    except ExtractError:
        raise
    except Exception as exc:  # a library choking on a corrupt file: report it in one line
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ExtractError(f"{path.name}: could not be read ({reason[:160]})") from exc
    if not any(line.strip() for page in doc.pages for line in page):
        raise ExtractError(f"{path.name}: no text found (empty, or a scanned document without a text layer)")
    return doc
