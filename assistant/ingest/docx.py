"""Read .docx files with python-docx into one unpaged page: headings as '#' lines, lists, tables as rows."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .document import ExtractedDoc, ExtractError
from .text import join_blocks, table_lines

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # encrypted .docx and old binary .doc files
BULLETS = ("•", "·", "◦", "▪", "‣", "●", "○", "■", "-", "–", "—", "*", "\uf0b7", "\uf0a7", "\uf02d", "\u2212")
HEADING_STYLE = re.compile(r"^heading\s*([1-9])$", re.IGNORECASE)
NUMBER_START = re.compile(r"^\(?\d+(\.\d+)*[.)]?(\s|$)|^\(?[a-z][.)]\s", re.IGNORECASE)
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@dataclass(frozen=True)
class _Level:
    fmt: str  # w:numFmt: decimal, lowerLetter, bullet, ...
    text: str  # w:lvlText, e.g. "%1.%2."
    start: int


def extract_docx(path: Path) -> ExtractedDoc:
    """Paragraphs and table rows in document order, an empty line between blocks; ``paged`` False."""
    path = Path(path)
    document = _open(path)
    numbering = _Numbering(document)
    blocks: list[list[str]] = []
    for item in _body_items(document.element.body, document._body):
        if hasattr(item, "rows"):
            blocks.append(_table(item))
        else:
            line = _paragraph(item, numbering)
            if line:
                blocks.append([line])
    props = document.core_properties
    info = {
        k: str(v)
        for k, v in (("author", props.author), ("subject", props.subject), ("created", props.created),
                     ("modified", props.modified))
        if v
    }
    title = (props.title or "").strip() or None
    return ExtractedDoc(path=path, pages=[join_blocks(blocks)], paged=False, title_hint=title, info=info)


def _body_items(element: Any, parent: Any) -> Iterator[Any]:
    """Paragraphs and tables in document order, including those inside content controls (w:sdt)."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == f"{W}p":
            yield Paragraph(child, parent)
        elif child.tag == f"{W}tbl":
            yield Table(child, parent)
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _body_items(content, parent)


def _open(path: Path) -> Any:
    import docx

    with path.open("rb") as fh:
        head = fh.read(8)
    if head == OLE_MAGIC:
        raise ExtractError(
            f"{path.name}: password-protected (encrypted) or an old binary Word file; "
            "save it as an unprotected .docx"
        )
    if not zipfile.is_zipfile(path):
        raise ExtractError(f"{path.name}: not a valid .docx file (corrupt, or another format renamed .docx)")
    try:
        return docx.Document(str(path))
    except Exception as exc:  # any library failure becomes one line for the user
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ExtractError(f"{path.name}: not a readable .docx file ({reason[:160]})") from exc


def _clean(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _paragraph(paragraph: Any, numbering: _Numbering) -> str:
    text = _clean(paragraph.text)
    if not text:
        return ""
    style = paragraph.style
    name = (style.name or "") if style is not None else ""
    label, is_bullet = numbering.label(paragraph)
    level = _heading_level(name)
    if level:
        return "#" * level + " " + (f"{label} {text}" if label and not text.startswith(label) else text)
    if label and not text.startswith(label):
        return f"{label} {text}"
    if (is_bullet or "list" in name.lower()) and not text.startswith(BULLETS) and not NUMBER_START.match(text):
        return f"- {text}"
    return text


def _heading_level(style_name: str) -> int:
    if style_name.lower() == "title":
        return 1
    m = HEADING_STYLE.match(style_name.strip())
    return int(m.group(1)) if m else 0


def _table(table: Any) -> list[str]:
    rows: list[list[str]] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:  # a horizontally merged cell appears once per grid column: keep one
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(_clean(" ".join(p.text for p in cell.paragraphs)))
        rows.append(cells)
    if not rows:
        return []
    if len(rows) == 1:
        return table_lines(rows, None)
    return table_lines(rows[1:], rows[0])


class _Numbering:
    """Computes Word's automatic list labels ("1.", "3.2", "a)") so printed paragraph numbers survive."""

    def __init__(self, document: Any) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, str] = {}
        self.counters: dict[str, list[int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # a document without numbering definitions
            return
        for absn in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in absn.iter(f"{W}lvl"):
                fmt = _val(lvl.find(f"{W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{W}lvlText")) or ""
                start = _val(lvl.find(f"{W}start"))
                levels[int(_val(lvl, "ilvl") or 0)] = _Level(fmt, text, int(start) if start else 1)
            self.abstract[_val(absn, "abstractNumId") or ""] = levels
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            self.nums[_val(num, "numId") or ""] = _val(ref) or ""

    def label(self, paragraph: Any) -> tuple[str, bool]:
        """(label, is_bullet) for a numbered paragraph; ("", False) when it is not in a list."""
        num_id, ilvl = _num_pr(paragraph)
        if not num_id or num_id == "0" or num_id not in self.nums:
            return "", False
        abs_id = self.nums[num_id]
        levels = self.abstract.get(abs_id, {})
        level = levels.get(ilvl)
        if level is None:
            return "", False
        if level.fmt == "bullet":
            return "", True
        counts = self.counters.setdefault(abs_id, [0] * 10)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else level.start
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0

        def sub(m: re.Match[str]) -> str:
            i = int(m.group(1)) - 1
            lv = levels.get(i, _Level("decimal", "", 1))
            return _format(counts[i] or lv.start, lv.fmt)

        return re.sub(r"%([1-9])", sub, level.text).strip(), False


def _num_pr(paragraph: Any) -> tuple[str | None, int]:
    ppr = paragraph._p.pPr
    num_pr = ppr.numPr if ppr is not None else None
    style = paragraph.style
    while num_pr is None and style is not None:  # numbering inherited from the style ("List Number")
        sppr = style.element.pPr
        num_pr = sppr.numPr if sppr is not None else None
        style = style.base_style
    if num_pr is None:
        return None, 0
    num_id = num_pr.numId.val if num_pr.numId is not None else None
    ilvl = num_pr.ilvl.val if num_pr.ilvl is not None else 0
    return (str(num_id) if num_id is not None else None), int(ilvl)


def _val(el: Any, attr: str = "val") -> str | None:
    return None if el is None else el.get(f"{W}{attr}")


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(ord("a") + r) + s
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman"):
        s = _roman(n)
        return s.upper() if fmt == "upperRoman" else s
    if fmt == "none":
        return ""
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += numeral
            n -= value
    return out
