"""A table of figures rebuilt from word positions, so the parser reads its header one column at a time and each
row as a line of its own, instead of one run-on line of numbers ("Age Count % 18 40 12.12% 19 47 14.24% …").

PDFium gives such a table's rows one line each, cells side by side with a wide gap between them ("A Kent resident
887 87%"), and its header cell by cell, each cell's words over two to four short lines ("Number of" / "consultees"
/ "answering", then back up for "% of consultees" / "answering").

- A table is a run of two or more lines of two to eight cells (split where the gap is at least a font size wide),
  each giving a figure after its first cell, each cell in a column of the widest line's. A first cell may run over
  a line or two above its row, a row's figures may sit a little lower than its label, and a "Totals" line may
  leave columns empty.
- Its header is the short lines printed just above it (within ``HEADER_DEPTH`` font sizes): none of them a row
  (as many cells, a figure after the first), none holding a figure other than a year ("39.3", "12%", "46"), none
  ending a sentence or leading in with a colon. Each piece goes under the column it stands over; a word broken over
  two lines is mended ("Revenu" / "e"); a caption over two columns or more ("All figures in £m") is left out.
- Without a header over two columns or more nothing is rebuilt: the first row would be read as the header, or a
  heading over the whole table as one column's.

The table comes back as tab-separated lines, header first; the parser keeps the header as one paragraph and each
row as printed (parse/tables.py: printed_rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

HEADER_DEPTH = 8.0  # font sizes above the first row that the header may start
MAX_COLUMNS = 8
MAX_CELL_WORDS = 8  # a row's cells after the first are short (a figure, a few words); prose is not a table
MAX_HEADER_WORDS = 8  # a header piece is short too, and never a sentence's end
# a measured value (a decimal, a signed figure, a share), never a header's words; a year or a span of years
# ("2024-25") may be
_VALUE = re.compile(r"^(?:[+\-–−]\s?[£$]?\d|[£$]?\d[\d,]*\.\d+%?$|[£$]?\d[\d,]*%$|[£$]?\d[\d,]*$)")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_GLUED = re.compile(r"^[b-z]$")  # "Revenu" / "e": a word broken inside a narrow header cell
_STARTS_FIGURE = re.compile(r"^[+\-–−£$]?\s?\d")  # a figure cell: "887", "£222,127.44", "-0.3", "31/03/2025"
_NUMBERING = re.compile(r"^\d{1,3}(?:\.\d{1,3})*\.$")  # an agenda item's or paragraph's printed number


@dataclass(frozen=True)
class Cell:
    x0: float
    x1: float
    text: str


@dataclass(frozen=True)
class PrintedLine:
    """One line as printed: its baseline, font size and its cells (pieces split at wide gaps), left to right."""

    base: float
    size: float
    cells: tuple[Cell, ...]


def grid_tables(lines: list[PrintedLine]) -> dict[int, tuple[int, list[str]]]:
    """The tables found among ``lines`` (in PDFium's order): for each, the position of its first line (its
    header's), mapped to the position after its last row and its lines with tab-separated cells, header first."""
    found: dict[int, tuple[int, list[str]]] = {}
    i = 0
    while i < len(lines):
        rows = _run(lines, i)
        end = rows[-1][-1] + 1 if rows else i
        if len(rows) >= 2 and (header_start := _header_start(lines, i)) is not None:
            columns = _columns([lines[group[-1]] for group in rows])
            while header_start < i and any(_spans(c, columns) for c in lines[header_start].cells):
                header_start += 1  # a caption over the table ("All figures in £m"), or a sentence leading into it
            header = _header(lines[header_start:i], columns)
            if sum(1 for h in header if h) >= 2:
                found[header_start] = (end, ["\t".join(header)] + ["\t".join(_row([lines[k] for k in group], columns))
                                                                  for group in rows])
                i = end
                continue
        i = max(end, i + 1)
    return found


def _data_row(line: PrintedLine) -> bool:
    """Whether ``line`` reads as a table's row: a first cell that is neither a form's label ("To:") nor an item's
    number ("9."), then short cells, one of them a figure ("(Pages 31 - 190)" is not)."""
    cells = line.cells
    return 2 <= len(cells) <= MAX_COLUMNS and any(_STARTS_FIGURE.match(c.text.strip()) for c in cells[1:]) \
        and all(len(c.text.split()) <= MAX_CELL_WORDS for c in cells[1:]) \
        and not cells[0].text.rstrip().endswith(":") and not _NUMBERING.match(cells[0].text.strip())


def _fits(line: PrintedLine, columns: list[tuple[float, float]]) -> bool:
    """Whether each of ``line``'s cells stands in a column of its own: it overlaps the column's span, or starts
    or ends within two font sizes of it (a "Totals" row may leave columns empty)."""
    tolerance = 2 * max(line.size, 1.0)
    taken = set()
    for cell in line.cells:
        c = _column_of(cell, columns)
        x0, x1 = columns[c]
        if c in taken or not (cell.x0 <= x1 and x0 <= cell.x1 or abs(cell.x0 - x0) <= tolerance
                              or abs(cell.x1 - x1) <= tolerance):
            return False
        taken.add(c)
    return True


def _run(lines: list[PrintedLine], i: int) -> list[list[int]]:
    """The rows of a table starting at line ``i``, each the positions of its lines: a row's line, after the lines
    its first cell's words ran over ("Strategic Commissioning (Integrated &" above "Adults) 22.1 23.2 +1.0").
    The columns are those of the first row with the most cells (the first row may leave one empty); the run ends
    at a row whose cells do not stand in them. Empty when line ``i`` is not a row."""
    if not _data_row(lines[i]):
        return []
    rows = [[i]]
    k = i + 1
    while k < len(lines):
        wrapped = k
        while wrapped < len(lines) - 1 and wrapped - k < 2 and len(lines[wrapped].cells) == 1 \
                and _within_first(lines[wrapped], lines[rows[-1][-1]]):
            wrapped += 1
        if not (_data_row(lines[wrapped]) and lines[wrapped].base < lines[rows[-1][-1]].base):
            break
        rows.append(list(range(k, wrapped + 1)))
        k = wrapped + 1
    widest = max(rows, key=lambda group: len(lines[group[-1]].cells))
    columns = _columns([lines[widest[-1]]])
    kept: list[list[int]] = []
    for group in rows:
        line = lines[group[-1]]
        if kept and _same_row(lines[kept[-1][-1]], line, columns):
            kept[-1] = kept[-1] + group  # the rest of the row above, set a little lower ("39.3" | "10.0 -29.3")
            continue
        if not _fits(line, columns):
            break
        kept.append(group)
    return kept


def _same_row(above: PrintedLine, line: PrintedLine, columns: list[tuple[float, float]]) -> bool:
    """Whether ``line`` holds the rest of the row printed on ``above``: set less than a font size lower, its cells
    in the columns right of those ``above`` fills."""
    if above.base - line.base >= max(line.size, 1.0) or not line.cells:
        return False
    last = max(_column_of(c, columns) for c in above.cells)
    return all(_column_of(c, columns) > last for c in line.cells)


def _within_first(line: PrintedLine, row: PrintedLine) -> bool:
    """Whether ``line``'s only cell stands in ``row``'s first column, left of its second."""
    cell = line.cells[0]
    return cell.x1 < row.cells[1].x0 and cell.x0 <= row.cells[0].x1


def _header_start(lines: list[PrintedLine], i: int) -> int | None:
    """The first of the short lines printed just above row ``i`` (its header); None when there are none."""
    first = lines[i]
    k = i
    while k > 0:
        above = lines[k - 1]
        rise = above.base - first.base
        text = " ".join(c.text for c in above.cells)
        if not 0 < rise <= HEADER_DEPTH * max(first.size, 1.0) or text.rstrip().endswith((".", ":")) \
                or _data_row(above) and len(above.cells) == len(first.cells) \
                or any(_VALUE.match(c.text.strip()) and not _YEAR.match(c.text.strip()) or _NUMBERING.match(c.text.strip())
                       for c in above.cells) \
                or any(len(c.text.split()) > MAX_HEADER_WORDS for c in above.cells):
            break
        k -= 1
    return k if k < i else None


def _columns(rows: list[PrintedLine]) -> list[tuple[float, float]]:
    """Each column's left and right edge over the rows that fill every column."""
    n = max(len(r.cells) for r in rows)
    full = [r for r in rows if len(r.cells) == n]
    return [(min(r.cells[c].x0 for r in full), max(r.cells[c].x1 for r in full)) for c in range(n)]


def _spans(cell: Cell, columns: list[tuple[float, float]]) -> bool:
    """Whether ``cell`` stands over two columns or more (it overlaps their spans)."""
    return sum(1 for x0, x1 in columns if cell.x0 < x1 and x0 < cell.x1) >= 2


def _column_of(cell: Cell, columns: list[tuple[float, float]]) -> int:
    """The column whose span is nearest the cell's middle (0 inside it)."""
    middle = (cell.x0 + cell.x1) / 2
    return min(range(len(columns)), key=lambda c: max(columns[c][0] - middle, middle - columns[c][1], 0.0))


def _header(lines: list[PrintedLine], columns: list[tuple[float, float]]) -> list[str]:
    """Each column's header: the pieces above it, top line first, left to right."""
    pieces: list[list[str]] = [[] for _ in columns]
    for line in sorted(lines, key=lambda ln: -ln.base):
        for cell in line.cells:
            text = cell.text.strip()
            if not text:
                continue
            got = pieces[_column_of(cell, columns)]
            if got and _GLUED.match(text):
                got[-1] += text
            else:
                got.append(text)
    return [" ".join(p) for p in pieces]


def _row(lines: list[PrintedLine], columns: list[tuple[float, float]]) -> list[str]:
    """A row's cells, each in its column; the lines its first cell ran over first."""
    out = [""] * len(columns)
    for line in lines:
        for cell in line.cells:
            c = _column_of(cell, columns)
            out[c] = f"{out[c]} {cell.text.strip()}".strip()
    return out
