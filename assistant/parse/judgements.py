"""Ofsted judgement tables: the page-1 "Judgement | Grade" table, which PDF text gives as one run-on line
("... Judgement Grade The impact of leaders ... Good The experiences ... Requires improvement to be good ..."),
is laid out one judgement to a line ("Overall effectiveness: Requires improvement to be good"), so that each
line is a sentence an answer can quote. The paragraph keeps every word it had, in the same order (a quote of the
run-on text still matches it, ignoring the line breaks and colons), and stays one paragraph: the table is found
as a whole. Reads the table layout of Ofsted's inspection reports (ILACS, and the older frameworks' grades)."""

from __future__ import annotations

import re

# Ofsted's grades, longest first ("Requires improvement to be good" before "Requires improvement")
GRADES = ("Requires improvement to be good", "Requires improvement", "Outstanding", "Inadequate", "Adequate", "Good")
_HEADER = re.compile(r"\bJudgements?\s+Grades?\b")
# (a grade as printed, whatever its case: "Requires Improvement to be good")
_ROW = re.compile(r"\s*(?P<area>[A-Z][\w’'\- ]{2,160}?)\s+(?P<grade>(?i:" + "|".join(GRADES) + r"))(?=\s+[A-Z]|\s*$)")
_MAX_AREA_WORDS = 16


def judgement_header_at(text: str) -> int | None:
    """Where the table's "Judgement Grade" header starts in ``text``, or None."""
    m = _HEADER.search(text)
    return m.start() if m else None


def lay_out_judgement_table(text: str, heading: str | None = None) -> str | None:
    """``text`` with its judgement table one judgement to a line (what comes before and after it on lines of
    their own); None when the paragraph holds no such table. The table's header may have been taken for the
    paragraph's heading."""
    header = _HEADER.search(text)
    if header:
        before, title, rest = text[: header.start()].strip(), header.group(0), text[header.end():]
    elif heading and _HEADER.search(heading.rsplit(" > ", 1)[-1]):
        before, title, rest = "", "", text
    else:
        return None
    rest = " ".join(rest.split())
    rows: list[str] = []
    pos = 0
    while m := _ROW.match(rest, pos):
        area = m.group("area").strip()
        if len(area.split()) > _MAX_AREA_WORDS:
            break
        rows.append(f"{area}: {m.group('grade')}")
        pos = m.end()
    if len(rows) < 2:
        return None
    after = rest[pos:].strip()
    return "\n".join(x for x in (before, title, *rows, after) if x)
