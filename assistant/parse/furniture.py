"""Find running headers, footers and page numbers by their repetition across pages, and drop them."""

from __future__ import annotations

import re
from collections import Counter

_ZONE = 4  # lines looked at at the top and the bottom of each page
_PAGE_NO = re.compile(r"^\s*(page\s+)?\d{1,4}(\s+of\s+\d{1,4})?\s*$", re.IGNORECASE)
# a minute's agenda item reference ("(Item 4)") often falls at the top or foot of a page, and differs from the next
# only by its number, as a running page number does; it is a heading, not furniture
_ITEM_MARK = re.compile(r"^\s*\(\s*item\s*\d+[a-z]?\s*\)\s*$", re.IGNORECASE)


def _key(line: str) -> str:
    s = re.sub(r"\d+", "#", line.lower())
    s = re.sub(r"(st|nd|rd|th)\b", "", s)
    return re.sub(r"\s+", " ", s).strip()


def _zones(page: list[str]) -> tuple[list[int], list[int]]:
    idx = [i for i, line in enumerate(page) if line.strip()]
    return idx[:_ZONE], idx[-_ZONE:]


def furniture_lines(pages: list[list[str]]) -> list[set[int]]:
    """For each page, the indices of lines that are page furniture."""
    n = len(pages)
    counts: Counter[str] = Counter()
    for page in pages:
        top, bottom = _zones(page)
        counts.update({_key(page[i]) for i in top + bottom})
    threshold = max(3, int(0.4 * n)) if n >= 3 else n + 1
    repeated = {k for k, c in counts.items() if c >= threshold and k and len(k) > 1}
    result: list[set[int]] = []
    for page in pages:
        top, bottom = _zones(page)
        drop = set()
        for i in top + bottom:
            line = page[i]
            if _ITEM_MARK.match(line):
                continue
            if _key(line) in repeated or _PAGE_NO.match(line) or re.fullmatch(r"\s*#\s*", _key(line)):
                drop.add(i)
        # a header line ending in the page number ("17 to 28 July 2023 3") repeated with varying digits
        result.append(drop)
    return result


def kept_lines(pages: list[list[str]]) -> list[list[tuple[int, str]]]:
    """Each page's lines that are not furniture, with their positions on the page (blank lines kept as paragraph
    hints; a single page is kept whole)."""
    if len(pages) < 2:
        return [list(enumerate(page)) for page in pages]
    drops = furniture_lines(pages)
    return [[(i, line) for i, line in enumerate(page) if i not in drop] for page, drop in zip(pages, drops)]


def strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Pages with furniture lines replaced by nothing (blank lines kept as paragraph hints)."""
    return [[line for _, line in page] for page in kept_lines(pages)]
