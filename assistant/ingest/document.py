"""What every format reader returns (ExtractedDoc) and raises (ExtractError)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


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
    # per page, the positions of lines that begin a table cell printed beside the text before them (a form's
    # value by its label), from the PDF's geometry; empty when the format or reader does not say
    beside: list[frozenset[int]] = field(default_factory=list)
    # per page, the positions of its footnote's lines (printed at the foot of the page, perhaps between the halves
    # of a paragraph that runs on over the page break)
    notes: list[frozenset[int]] = field(default_factory=list)
    # per page, the positions of lines that go on with the text of a table cell or hanging indent above them
    # (they start where that text starts), so a short line ending a sentence there does not end the paragraph
    hangs: list[frozenset[int]] = field(default_factory=list)
    # per page, the positions of lines that begin a column (after the first) of a table of lists side by side, read
    # one column at a time (ingest/pdfium_text.py: parallel_lists): a new paragraph always starts there
    columns: list[frozenset[int]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join("\n".join(p) for p in self.pages)
