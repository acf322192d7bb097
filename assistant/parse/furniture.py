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


HEADER_LINES = 3  # a table's column headers printed again on the next page: at least this many lines


def repeated_header(before: list[str], page: list[str], dropped_before: set[int], dropped: set[int]) -> set[int]:
    """The positions of the lines that open ``page`` (after its furniture) and repeat, in order, a run of lines of
    the page before: a table's column headers printed again over its rows on the next page ("All figures in £m" /
    "Reserve" / "Opening" / "Balance" / … / "Details of key movements"). Read as text, they ran into the middle of
    the row that went on over the page break. A table rebuilt from its cells (tab-separated lines) keeps its own
    header row."""
    def text(lines: list[str], drop: set[int]) -> list[tuple[int, str]]:
        return [(i, ln.strip()) for i, ln in enumerate(lines) if i not in drop and ln.strip() and "\t" not in ln]

    prev = [t for _, t in text(before, dropped_before)]
    top = text(page, dropped)
    best = 0
    for start in range(len(prev)):
        n = 0
        while n < len(top) and start + n < len(prev) and prev[start + n] == top[n][1]:
            n += 1
        if n > best and _over_figures(prev[start + n:start + n + _FIGURES_WITHIN]):
            best = n
    head = [t for _, t in top[:best]]
    if best < HEADER_LINES or best >= len(top) or any(len(t) > _HEADER_CELL or _SENTENCE_END.search(t) for t in head):
        return set()  # (a quoted motion printed again in an amendment is prose, and kept)
    return {i for i, _ in top[:best]}


_HEADER_CELL = 40  # a column header's line is short: a word or two of its title
_FIGURES_WITHIN = 8  # a table's header stands over its rows: figures within this many lines below it
_SENTENCE_END = re.compile(r"[.;!?]$")
_TWO_FIGURES = re.compile(r"(?:^|\s)[+\-–−]?[£$]?\d[\d,]*(?:\.\d+)?%?\s+[+\-–−]?[£$]?\d[\d,]*(?:\.\d+)?%?(?:\s|$)")


def _over_figures(lines: list[str]) -> bool:
    """Whether a line of figures (two side by side, "-43.0 7.1 -35.9", "60 20%") is among ``lines``."""
    return any(_TWO_FIGURES.search(t) for t in lines)


def kept_lines(pages: list[list[str]]) -> list[list[tuple[int, str]]]:
    """Each page's lines that are not furniture, with their positions on the page (blank lines kept as paragraph
    hints; a single page is kept whole)."""
    if len(pages) < 2:
        return [list(enumerate(page)) for page in pages]
    drops = furniture_lines(pages)
    for p in range(1, len(pages)):
        drops[p] |= repeated_header(pages[p - 1], pages[p], drops[p - 1], drops[p])
    return [[(i, line) for i, line in enumerate(page) if i not in drop] for page, drop in zip(pages, drops)]


def strip_furniture(pages: list[list[str]]) -> list[list[str]]:
    """Pages with furniture lines replaced by nothing (blank lines kept as paragraph hints)."""
    return [[line for _, line in page] for page in kept_lines(pages)]
