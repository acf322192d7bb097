"""Read .txt/.md files as one unpaged page of lines, plus the table-row and block helpers other readers share."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from .document import ExtractedDoc

TITLE_HINT_MAX = 120


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # what Notepad and Word's 'Unicode' text write


def decode_text(data: bytes) -> str:
    """UTF-16 with a byte-order mark, UTF-8 (BOM allowed), else Windows-1252 (what Word's 'Save as text' writes
    on UK machines)."""
    if data.startswith(UTF16_BOMS):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def extract_text(path: Path) -> ExtractedDoc:
    """Lines kept as written (tabs too); line endings normalised to \\n; ``paged`` False."""
    path = Path(path)
    text = decode_text(path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":  # the file's final newline is not an extra empty line
        lines.pop()
    return ExtractedDoc(path=path, pages=[lines], paged=False, title_hint=_title_hint(lines))


def _title_hint(lines: Sequence[str]) -> str | None:
    for line in lines:
        if line.strip():
            hint = line.strip().lstrip("#").strip()
            return hint if hint and len(hint) < TITLE_HINT_MAX else None
    return None


def table_lines(rows: Sequence[Sequence[str]], header: Sequence[str] | None) -> list[str]:
    """One line per row, "Header1: cell1; Header2: cell2".

    Empty cells are skipped; a row whose first cell is empty continues the previous row (a cell that
    Word or the PDF split over two rows), so its cells are appended to the previous row's cells.
    Without a header the cells are joined with "; ".
    """
    merged: list[list[str]] = []
    for row in rows:
        cells = [" ".join(c.split()) for c in row]
        if not any(cells):
            continue
        if merged and not cells[0] and len(cells) > 1:
            prev = merged[-1]
            prev.extend([""] * (len(cells) - len(prev)))
            for i, cell in enumerate(cells):
                if cell:
                    prev[i] = f"{prev[i]} {cell}".strip()
            continue
        merged.append(list(cells))
    out = []
    for cells in merged:
        parts = []
        for i, cell in enumerate(cells):
            if not cell:
                continue
            label = " ".join(header[i].split()) if header and i < len(header) else ""
            parts.append(f"{label}: {cell}" if label and label != cell else cell)
        if parts:
            out.append("; ".join(parts))
    return out


def join_blocks(blocks: Iterable[Sequence[str]]) -> list[str]:
    """Flatten blocks of lines into one list with exactly one empty line between non-empty blocks."""
    out: list[str] = []
    for block in blocks:
        lines = [line for line in block if line.strip()]
        if not lines:
            continue
        if out:
            out.append("")
        out.extend(lines)
    return out
