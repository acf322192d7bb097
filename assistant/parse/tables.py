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
            name = header[i] if i < len(header) and header[i] else f"Column {i + 1}"
            parts.append(f"{name}: {cell}")
        if parts:
            out.append("; ".join(parts))
    return out


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


def figure_rows(lines: list[str]) -> set[int]:
    """Positions of the lines that are rows of a table of figures: a figure row next to another one (a lone
    line ending in figures may be prose or a caption)."""
    rows = [figure_row(text) for text in lines]
    return {i for i, r in enumerate(rows) if r and ((i > 0 and rows[i - 1]) or (i + 1 < len(rows) and rows[i + 1]))}
