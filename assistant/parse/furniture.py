"""Find running headers, footers and page numbers by their repetition across pages, and drop them.

A running header or footer is printed at the same place on page after page: a line is furniture when its text (digits
aside) recurs among the first or last lines of enough pages at about the same position. Text that only happens to
recur near a page's edge is kept: a motion quoted again in each amendment, a table's "Not Applicable" or "No" cells.
A line that is only a number is a page number when another page's number runs in step with it (page 4 "4", page 5
"5"), or a footnote's marker when the note follows it; a table cell holding "9" at the foot of a page is neither.
"""

from __future__ import annotations

import re
from collections import defaultdict

_ZONE = 4  # lines looked at at the top and the bottom of each page
_SLACK = 1  # how far (in lines) a running header's position may move between pages
_PAGE_WORD = re.compile(r"^\s*page\s+\d{1,4}(\s+of\s+\d{1,4})?\s*$|^\s*\d{1,4}\s+of\s+\d{1,4}\s*$", re.IGNORECASE)
_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
# a minute's agenda item reference ("(Item 4)") or a question's number ("Question 4") often falls at the top or foot of
# a page, and differs from the next only by its number, as a running page number does; it is a heading, not furniture
_ITEM_MARK = re.compile(r"^\s*(?:\(\s*item\s*\d+[a-z]?\s*\)|question\s+\d+[a-z]?)\s*$", re.IGNORECASE)


def _key(line: str) -> str:
    s = re.sub(r"\d+", "#", line.lower())
    s = re.sub(r"(st|nd|rd|th)\b", "", s)
    return re.sub(r"\s+", " ", s).strip()


def _zones(page: list[str]) -> tuple[list[int], list[int]]:
    idx = [i for i, line in enumerate(page) if line.strip()]
    return idx[:_ZONE], idx[-_ZONE:]


def _places(page: list[str]) -> list[tuple[int, str, int]]:
    """(line index, "top" or "bottom", its rank from that edge) for the lines near the page's edges."""
    top, bottom = _zones(page)
    return [(i, "top", r) for r, i in enumerate(top)] + [(i, "bottom", len(bottom) - 1 - r)
                                                          for r, i in enumerate(bottom)]


Places = list[list[tuple[int, str, int]]]  # each page's ``_places``


def _running(pages: list[list[str]], places: Places, threshold: int) -> set[str]:
    """The texts (digits aside) printed near the same edge, at about the same rank, on ``threshold`` pages or more."""
    seen: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for p, page in enumerate(pages):
        for i, side, rank in places[p]:
            key = _key(page[i])
            if len(key) > 1:
                seen[(key, side)].append((p, rank))
    running = set()
    for (key, _side), where in seen.items():
        if len({p for p, _ in where}) < threshold:
            continue
        for centre in range(_ZONE):
            if len({p for p, rank in where if abs(rank - centre) <= _SLACK}) >= threshold:
                running.add(key)
                break
    return running


def _page_numbers(pages: list[list[str]], places: Places) -> set[tuple[int, int]]:
    """(page, line) of the lines that are only a number running in step with the pages: the page's own number, or
    one that another page's number differs from by as much as the pages do (a pack's papers numbered apart)."""
    offsets: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for p, page in enumerate(pages):
        for i, _side, _rank in places[p]:
            if _NUMBER.match(page[i]):
                offsets[int(page[i]) - p].append((p, i))
    return {(p, i) for offset, where in offsets.items() if offset == 1 or len({p for p, _ in where}) >= 2
            for p, i in where}


def _footnote_mark(page: list[str], i: int) -> bool:
    """Whether line ``i`` is only a footnote's number, printed on a line of its own before the note, whose text
    the PDF gives after a space ("1" over " This excludes the grant for …"): the note then reads as a paragraph
    of its own, as it would with its marker printed small."""
    return bool(_NUMBER.match(page[i])) and i + 1 < len(page) and bool(re.match(r"\s+[A-Z]", page[i + 1]))


def furniture_lines(pages: list[list[str]]) -> list[set[int]]:
    """For each page, the indices of lines that are page furniture."""
    n = len(pages)
    threshold = max(3, int(0.4 * n)) if n >= 3 else n + 1
    places = [_places(page) for page in pages]
    running = _running(pages, places, threshold)
    numbered = _page_numbers(pages, places)
    result: list[set[int]] = []
    for p, page in enumerate(pages):
        drop = set()
        for i, _side, _rank in places[p]:
            line = page[i]
            if _ITEM_MARK.match(line):
                continue
            if _PAGE_WORD.match(line) or (p, i) in numbered or (_key(line) in running and not _NUMBER.match(line)) \
                    or _footnote_mark(page, i):
                drop.add(i)
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
