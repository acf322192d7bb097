"""Read .html/.htm pages (e.g. ModernGov) with BeautifulSoup: headings, paragraphs, list items, table rows."""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING

from .document import ExtractedDoc
from .text import join_blocks, table_lines

if TYPE_CHECKING:
    from bs4 import Tag

DROP_TAGS = ("script", "style", "nav", "header", "footer", "noscript", "template", "svg", "iframe", "form")
HIDDEN_CLASSES = {"mghide", "hidden", "visually-hidden", "sr-only"}
GENERIC_H1 = {"decision details", "meeting details", "issue details", "agenda item", "committee details"}
HEADINGS = {f"h{n}": n for n in range(1, 7)}
BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "aside", "body", "html", "blockquote", "ul", "ol", "dl",
    "dt", "dd", "li", "table", "pre", "address", "figure", "figcaption", "caption", "fieldset", "center",
    "details", "summary", "hr", "tr", "td", "th", "thead", "tbody", "tfoot", *HEADINGS,
}
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")


def decode_html(data: bytes) -> str:
    """Decode with the BOM or the declared charset, else UTF-8; undecodable bytes become U+FFFD."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(enc, errors="replace").lstrip("\ufeff")
    head = data[:4096]
    m = CHARSET.search(head) or XML_ENCODING.search(head)
    encoding = "utf-8"
    if m:
        try:
            encoding = codecs.lookup(m.group(1).decode("ascii")).name
        except LookupError:
            encoding = "utf-8"
    if encoding in ("latin-1", "iso8859-1", "ascii"):  # browsers read these labels as windows-1252
        encoding = "cp1252"
    return data.decode(encoding, errors="replace")


def extract_html(path: Path) -> ExtractedDoc:
    """Visible text as blocks of lines separated by empty lines; ``paged`` False."""
    from bs4 import BeautifulSoup, Comment

    path = Path(path)
    soup = BeautifulSoup(decode_html(path.read_bytes()), "lxml")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_is_hidden):
        tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with(" ")
    for tag in soup.find_all(BLOCK_TAGS):  # so that text of adjacent blocks (cells, <p>s in a cell) never glues
        tag.insert_before(" ")
        tag.append(" ")
    title_tag = soup.find("title")
    title = _text(title_tag) if title_tag else ""
    if not title:
        title = _heading_title(soup)
    if title_tag:
        title_tag.decompose()
    blocks: list[list[str]] = []
    _walk(soup.body or soup, blocks)
    return ExtractedDoc(path=path, pages=[join_blocks(blocks)], paged=False, title_hint=title or None)


def _heading_title(soup: Tag) -> str:
    """First h1; ModernGov's generic h1 ("Decision details") gives way to the h2 that names the item."""
    h1, h2 = soup.find("h1"), soup.find("h2")
    first = _text(h1) if h1 else ""
    if (not first or first.lower() in GENERIC_H1) and h2 is not None:
        return _text(h2) or first
    return first


def _is_hidden(tag: Tag) -> bool:
    if tag.attrs is None:
        return False
    if tag.has_attr("hidden") or tag.get("aria-hidden") == "true":
        return True
    style = str(tag.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or "visibility:hidden" in style:
        return True
    return bool(HIDDEN_CLASSES.intersection(c.lower() for c in tag.get("class") or ()))


def _text(node: Tag) -> str:
    return " ".join(node.get_text("").split())


def _walk(node: Tag, blocks: list[list[str]]) -> None:
    """Append the blocks under ``node``; inline runs between block children form their own block."""
    from bs4 import NavigableString, Tag

    inline: list[str] = []

    def flush() -> None:
        text = " ".join(" ".join(inline).split())
        if text:
            blocks.append([text])
        inline.clear()

    for child in node.children:
        if isinstance(child, NavigableString):
            inline.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name == "br":
            inline.append(" ")
        elif name not in BLOCK_TAGS:
            if child.find(BLOCK_TAGS - {"br"}):  # an inline wrapper around blocks (e.g. <a><div>..)
                flush()
                _walk(child, blocks)
            else:
                inline.append(child.get_text(""))
        else:
            flush()
            _block(child, name, blocks)
    flush()


def _block(tag: Tag, name: str, blocks: list[list[str]]) -> None:
    if name in HEADINGS:
        text = _text(tag)
        if text:
            blocks.append(["#" * HEADINGS[name] + " " + text])
    elif name == "table":
        caption = tag.find("caption", recursive=False)
        if caption is not None:
            blocks.append([_text(caption)])  # the caption is its own block, the rows one block
        blocks.append(_table(tag))
    elif name == "li":
        nested = tag.find_all(["ul", "ol", "table"], recursive=False)
        for sub in nested:
            sub.extract()
        text = _text(tag)
        if text:
            blocks.append([text if text.startswith(("•", "-", "–")) else f"- {text}"])
        for sub in nested:
            _block(sub, sub.name, blocks)
    elif name == "pre":
        blocks.append([" ".join(line.split()) for line in tag.get_text().splitlines()])
    elif name == "hr":
        return
    elif name in ("p", "dt", "dd", "caption", "figcaption", "summary", "address") and not tag.find(
        BLOCK_TAGS - {"br"}
    ):
        text = _text(tag)
        if text:
            blocks.append([text])
    else:
        _walk(tag, blocks)


def _table(table: Tag) -> list[str]:
    rows: list[list[str]] = []
    header: list[str] | None = None
    for tr in _rows(table):
        cells = tr.find_all(["td", "th"], recursive=False)
        texts = [_text(c) for c in cells]
        in_head = tr.parent is not None and tr.parent.name == "thead"
        if header is None and not rows and (in_head or (cells and all(c.name == "th" for c in cells))):
            header = texts
            continue
        rows.append(texts)
    if header is not None and not rows:
        return table_lines([header], None)
    return table_lines(rows, header)


def _rows(table: Tag) -> list[Tag]:
    """The table's own rows (not those of nested tables), in order."""
    out = []
    for child in table.children:
        if getattr(child, "name", None) == "tr":
            out.append(child)
        elif getattr(child, "name", None) in ("thead", "tbody", "tfoot"):
            out.extend(c for c in child.children if getattr(c, "name", None) == "tr")
    return out
