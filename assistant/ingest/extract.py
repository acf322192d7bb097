"""Dispatch a source file to the extractor for its format; every failure is one ExtractError line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".html", ".htm", ".txt", ".md")


class ExtractError(Exception):
    """A file that cannot be read; str(e) is a one-line reason for the user."""


@dataclass
class ExtractedDoc:
    """Text of one document as lines grouped by page.

    For PDFs each inner list is one 1-based page (``pages[0]`` is page 1) and ``paged`` is True.
    Formats without pages (DOCX, HTML, TXT) return a single page and ``paged`` False; they mark
    paragraph boundaries with empty lines and may prefix heading lines with ``"# "`` (markdown
    style, one ``#`` per level) so the paragraph parser can recognise them.
    """

    path: Path
    pages: list[list[str]]
    paged: bool
    title_hint: str | None = None  # from PDF/DOCX properties or the HTML <title>
    hard_breaks: bool = False  # every line is already one paragraph (DOCX, HTML)
    info: dict[str, str] = field(default_factory=dict)  # other format metadata (author, created date...)

    @property
    def text(self) -> str:
        return "\n".join("\n".join(p) for p in self.pages)


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
