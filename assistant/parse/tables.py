"""Tab-separated tables (as in text exports of committee reports): one readable line per row, with headers."""

from __future__ import annotations


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
