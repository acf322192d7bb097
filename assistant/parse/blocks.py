"""Lines and blocks: a document's lines in reading order, each with its page and the layout marks the PDF reader
gave it (beside a cell, footnote, hanging indent, column), running headers and footers and contents-page entries left
out, and the blocks (a paragraph, heading, bullet list or table row being built) they are grouped into."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..ingest.extract import ExtractedDoc
from .furniture import kept_lines
from .numbering import Number, match_number
from .tables import is_table_line

_DOT_LEADER = re.compile(r"(\.{4,}|…{2,}|_{4,})\s*\d{1,3}\s*$")


@dataclass
class Line:
    text: str
    page: int | None
    blank_before: bool
    beside: bool = False  # begins a table cell printed beside the text before it (ingest/pdfium_text.py)
    note: bool = False  # a line of the footnote at the foot of its page (ingest/pdfium_text.py)
    hang: bool = False  # goes on with the table cell or hanging indent above it (ingest/pdfium_text.py)
    column: bool = False  # begins a column of a table of lists read one column at a time (ingest/pdfium_text.py)


@dataclass
class Block:
    segments: list[list[Line]] = field(default_factory=list)  # one segment per bullet/sub-item
    number: Number | None = None
    letter: str | None = None
    bullet: bool = False
    kind: str = "text"  # text | bullet | table-header | table-row | heading | note
    heading_level: int = 0  # markdown heading level, or 0
    minute: str | None = None
    prebuilt: str | None = None  # table rows arrive already joined
    cells: bool = False  # holds a table cell printed beside another (a row of a form or table: never a heading)
    items: str | None = None  # numbering style of a list inside this paragraph ("1) … 2) …" after its colon)
    note: bool = False  # a page's footnote, kept apart from the paragraph it was printed inside
    page: int | None = None  # a prebuilt table row's page (a paragraph of lines takes its lines' pages)
    byline: bool = False  # a section's byline ("Cabinet Member …" / "Corporate Director …"): its own paragraph
    closing: bool = False  # the last block before a section's title and byline: it heads nothing
    lead_in: bool = False  # begun by a lead-in after a blank line ("SEND Commissioning Intentions:")
    answered: bool = False  # a form's field whose answer ("Yes", "N/A") has been printed: the next line starts another

    @property
    def lines(self) -> list[Line]:
        return [ln for seg in self.segments for ln in seg]

    @property
    def last(self) -> str:
        return self.lines[-1].text if self.lines else ""

    def add(self, line: Line, *, new_segment: bool = False) -> None:
        if new_segment or not self.segments:
            self.segments.append([line])
        else:
            self.segments[-1].append(line)


def starts_lower(text: str) -> bool:
    t = text.lstrip("\"'‘“(")
    return bool(t) and (t[0].islower() or t[0].isdigit() and not match_number(text))


class TableLines(list):
    """A run of tab-separated lines, header first (a DOCX or HTML table, or a PDF's table of figures rebuilt from
    word positions: ingest/grid.py), with the page it is printed on (None for formats without pages)."""

    def __init__(self, lines: list[str] = (), page: int | None = None, printed: bool = False) -> None:
        super().__init__(lines)
        self.page = page
        self.printed = printed  # a PDF's table: its rows are kept as printed (parse/tables.py: printed_rows)


def flatten(doc: ExtractedDoc) -> list[Line | list[str]]:
    """Lines in reading order with their page; runs of tab-separated lines become one table item (one per page)."""
    pages = kept_lines(doc.pages) if doc.paged else [list(enumerate(page)) for page in doc.pages]
    out: list[Line | list[str]] = []
    blank = True
    table = TableLines()

    def end_table() -> None:
        nonlocal table, blank
        out.append(table)
        table = TableLines()
        blank = True

    for pno, page in enumerate(pages, start=1):
        beside = doc.beside[pno - 1] if pno <= len(doc.beside) else frozenset()
        notes = doc.notes[pno - 1] if pno <= len(doc.notes) else frozenset()
        hangs = doc.hangs[pno - 1] if pno <= len(doc.hangs) else frozenset()
        columns = doc.columns[pno - 1] if pno <= len(doc.columns) else frozenset()
        is_contents = any(line.strip().lower() in ("contents", "table of contents") for _, line in page[:15])
        for at, raw in page:
            if (is_table_line(raw) or (table and raw.startswith("\t"))) and not is_contents:
                if not table:
                    table.page, table.printed = (pno, True) if doc.paged else (None, False)
                table.append(raw)
                continue
            if table and (raw.strip() or doc.paged):  # a line of text ends a table; in a PDF an empty line does
                # too (a table of figures is rebuilt with an empty line before it: ingest/grid.py), while a text
                # export's cell may run on after one
                end_table()
            if not raw.strip():
                blank = True
                continue
            if _DOT_LEADER.search(raw) or (is_contents and re.search(r"\s\d{1,3}\s*$", raw)):
                continue  # contents-page entries would outrank the body they point to
            if at in notes:
                out.append(Line(raw.rstrip(), pno if doc.paged else None, blank, note=True))
                continue  # the text it interrupts goes on as if the note were not there
            out.append(Line(raw.rstrip(), pno if doc.paged else None, blank, beside=at in beside, hang=at in hangs,
                            column=at in columns))
            blank = False
        if doc.paged:
            blank = blank or False
            if table:  # a table of figures is rebuilt page by page, each with its header
                end_table()
    if table:
        out.append(table)
    return out
