"""Tab-separated tables (as in text exports of committee reports): one readable line per row, with headers."""

from __future__ import annotations

import re


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("\t")]


def is_table_line(line: str) -> bool:
    return "\t" in line and sum(1 for c in _cells(line) if c) >= 1 and len(_cells(line)) >= 2


def table_rows(lines: list[str]) -> list[str]:
    """Rows as 'Header: cell; Header: cell'. Repeated header rows are dropped; a row whose first cell is
    empty continues the row above (a row split across a page break, or a second line of a cell)."""
    rows = [_cells(line) for line in lines if line.strip()]
    if not rows:
        return []
    header = rows[0]
    merged: list[list[str]] = []
    for row in rows[1:]:
        if row == header:
            continue
        if merged and not row[0]:
            prev = merged[-1]
            for i, cell in enumerate(row):
                if not cell:
                    continue
                if i < len(prev):
                    prev[i] = f"{prev[i]} {cell}".strip()
                else:
                    prev.append(cell)
            continue
        merged.append(list(row))
    out = []
    for row in merged:
        parts = []
        for i, cell in enumerate(row):
            if not cell:
                continue
            name = header[i] if i < len(header) else ""  # a column without a header: its cell alone
            parts.append(f"{name}: {cell}" if name else cell)
        if parts:
            out.append("; ".join(parts))
    return out


def printed_rows(lines: list[str]) -> tuple[str, list[str]]:
    """A PDF's table of figures rebuilt from word positions (ingest/grid.py): its column headers, one per column
    joined with " | " ("Revenue Budget | Revenue Forecast | Revenue Variance"), and each row as printed, its
    cells in their order ("Education & Special Educational Needs 125.6 120.6 -5.0"). A row stays the document's
    own text, as a citation's must; its headers are shown with it (answer/layout.py) and read with it when it is
    embedded (parse/context.py)."""
    rows = [_cells(line) for line in lines if line.strip()]
    if not rows:
        return "", []
    header = " | ".join(c for c in rows[0] if c)
    return header, [" ".join(c for c in row if c) for row in rows[1:]]


# A table printed as text (a PDF's finance or performance table): each row a label and then its figures on one
# line, "Adult Social Care & Health 586.1 621.6 +35.4 +6.0%", "White English 665 65%". A prose line ends in at
# most one figure after its words ("… rose from 1469 to 1831"), so two or more trailing figures mark a row.
FIGURE_CELL = r"(?:[+\-–−]\s?)?[£$]?(?:\(\d[\d,]*(?:\.\d+)?\)|\d[\d,]*(?:\.\d+)?)(?:%|m|k|bn|FE)?"
_PHONE = re.compile(r"\b0\d{2,4}\s\d{3}\s?\d{3,4}\b")
_FIGURE_ROW = re.compile(r"^(?P<label>.*[A-Za-z][^\d]*?)\s+(?P<figures>" + FIGURE_CELL + r"(?:\s+" + FIGURE_CELL + r")+)\s*$")


def figure_row(line: str) -> bool:
    """Whether ``line`` reads as one row of a table of figures: a label with words, then two or more figures."""
    m = _FIGURE_ROW.match(line.strip())
    return bool(m) and len(m.group("label").split()) <= 12 and not m.group("label").rstrip().endswith((",", ";", ":")) \
        and not _PHONE.search(line)


_FIGURES_ONLY = re.compile(r"^" + FIGURE_CELL + r"(?:\s+" + FIGURE_CELL + r")+$")
LABEL_LINES = 3  # the most lines a row's label is printed over
_OPEN_END = re.compile(r"(?:[&,/(–-]|\b(?:and|of|for|the|in|to|on|or|with))$", re.IGNORECASE)  # a label going on
_LABEL_END = re.compile(r"^[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3}\)?$")  # "rates", "and archives)"


def figure_rows(lines: list[str], pages: list[int | None] | None = None) -> tuple[set[int], dict[int, int]]:
    """The rows of tables of figures among ``lines``: the positions of one-line rows, and {first line: last line}
    of the rows whose label is printed over several lines. A row counts when another row is next to it (a lone
    line ending in figures may be prose or a caption).

    A label over several lines starts with a capital, each line after it with a small letter, and its last line
    ends in the row's figures ("Seashells provides a social aspect / making friends / prevents social" |
    "isolation 64 13%"), or the figures stand alone on the line after it ("use transport" | "68 13%"). Read line by
    line, the label's start ran into the paragraph above and the row read "isolation 64 13%"."""
    pages = pages if pages is not None else [None] * len(lines)
    row = [figure_row(text) for text in lines]
    units: list[tuple[int, int]] = []
    covered = -1  # the last line already in a row
    for i, text in enumerate(lines):
        t = text.strip()
        goes_on = i > 0 and bool(_OPEN_END.search(lines[i - 1].strip()))  # "Strategic Commissioning (Integrated &"
        if units and units[-1][1] == i - 1 and _LABEL_END.match(t) and not row[i]:
            units[-1] = (units[-1][0], i)  # the end of the label, printed under the row's figures: "rates"
            covered = i
            continue
        if row[i] and (t[:1].islower() or goes_on) or _FIGURES_ONLY.match(t):
            first = _label_start(lines, pages, row, i, covered)
            if first is not None:
                units.append((first, i))
                covered = i
                continue
        if row[i] and _starts_next_label(lines, pages, row, i, covered):
            units.append((i - 1, i))  # "Apply for or renew a Blue" | "Badge 84% 86% 21,663": a label in capitals
            covered = i  # printed over two lines beside its figures, after a row that had ended in its own
            continue
        if row[i]:
            units.append((i, i))
            covered = i
    starts, ends = {a for a, _ in units}, {b for _, b in units}
    single: set[int] = set()
    wrapped: dict[int, int] = {}
    for a, b in units:
        if a - 1 in ends or b + 1 in starts:
            if a == b:
                single.add(a)
            else:
                wrapped[a] = b
    return single, wrapped


# A row of a table whose last column is prose (a finance report's reserves or variances: "Major Projects -41.0 9.2
# -31.8" over the lines of its "Details of key movements", or "Smoothing -148.7 11.4 -137.3 Includes the £9.1m …"):
# its label and figures start the row and the prose runs on below, to the next row. Read as text, every row of
# the page ran into one paragraph.
_COMMENTED_ROW = re.compile(r"^(?P<label>[A-Z][^\d.:;?!]*?[A-Za-z)])\s+" + FIGURE_CELL + r"(?:\s+" + FIGURE_CELL
                            + r")+(?:\s+[A-Z£(].*)?$")
COMMENTED_LABEL_WORDS = 8


def commented_rows(lines: list[str], pages: list[int | None], taken: set[int],
                   joined: list[bool] | None = None) -> dict[int, int]:
    """The rows of a table with a prose column: {first line: the line with its figures}. A row is a label of a few
    words and two or more figures, with the row's prose after them or on the lines below, on a page with two such
    rows or more; its label may begin on the line above ("Commercial &" | "Procurement 3.1 3.0 -0.1 …") when no
    blank line parts them (``joined``: whether each line follows the one above with no blank line between).
    ``taken``: lines already read as rows of a table of figures (figure_rows)."""
    joined = joined if joined is not None else [True] * len(lines)
    found = [i for i, text in enumerate(lines) if i not in taken and (m := _COMMENTED_ROW.match(text.strip()))
             and len(m.group("label").split()) <= COMMENTED_LABEL_WORDS and not _PHONE.search(text)]
    per_page: dict[int | None, int] = {}
    for i in found:
        per_page[pages[i]] = per_page.get(pages[i], 0) + 1
    return {(i - 1 if joined[i] and _label_begun(lines, pages, i, taken) else i): i
            for i in found if pages[i] is not None and per_page[pages[i]] >= 2}


def _label_begun(lines: list[str], pages: list[int | None], i: int, taken: set[int]) -> bool:
    """Whether row ``i``'s label begins on the line above: a few words in capitals and no figures, ending no
    sentence ("Commercial &" | "Procurement 3.1 3.0 -0.1 …")."""
    if i == 0 or i - 1 in taken or pages[i - 1] != pages[i]:
        return False
    above = lines[i - 1].strip()
    return (0 < len(above.split()) <= 5 and above[:1].isupper() and not re.search(r"\d", above)
            and not above.endswith((".", ":", "?", "!", ";")))


def _starts_next_label(lines: list[str], pages: list[int | None], row: list[bool], i: int, covered: int) -> bool:
    """Whether the line above row ``i`` is the start of its label: a line of a few words without figures, opening
    with a capital and ending no sentence, between the row ended just above it and row ``i`` on one page. A row
    ends in its figures, so words after them are not its label's end unless they read as one ("rates": a small
    letter, taken above)."""
    if i < 2 or covered != i - 2 or not row[i - 2]:
        return False
    above = lines[i - 1].strip()
    return (bool(above) and above[:1].isupper() and len(above.split()) <= 8 and not row[i - 1]
            and not above.endswith((".", ":", "?", "!")) and not _FIGURES_ONLY.match(above)
            and pages[i - 1] == pages[i] == pages[i - 2])


# a row label's first line that ends in a count, the rest of the label below it: "Surrounding 6" / "Family Hubs"
_COUNTED = re.compile(r"^[A-Z][a-z]+(?: [A-Za-z]+){0,2} \d{1,2}$")


def _counted_start(lines: list[str], pages: list[int | None], row: list[bool], j: int, covered: int) -> bool:
    """Whether the line above label line ``j`` begins the label: a word or two and a count ("Surrounding 6" /
    "Family Hubs" | "£666.98 £213.61 £1,829.52"), on the same page and in no row above."""
    return j - 1 > covered and not row[j - 1] and pages[j - 1] == pages[j] and bool(_COUNTED.match(lines[j - 1].strip()))


def _label_start(lines: list[str], pages: list[int | None], row: list[bool], i: int, covered: int) -> int | None:
    """The first line of the label that line ``i`` ends, within LABEL_LINES lines above it; None when there is
    none (a line that ends a sentence, another row or a blank line comes first)."""
    for j in range(i - 1, max(i - 1 - LABEL_LINES, covered), -1):
        above = lines[j].strip()
        if row[j] or not above or pages[j] != pages[i] or above.endswith((".", ":", "?", "!")):
            return None
        if above[:1].isupper() and not (j > 0 and _OPEN_END.search(lines[j - 1].strip()) and not row[j - 1]):
            return j - 1 if _counted_start(lines, pages, row, j, covered) else j
        if not above[:1].islower():
            return None
    return None
