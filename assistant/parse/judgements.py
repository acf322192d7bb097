"""Ofsted judgement tables: the page-1 "Judgement | Grade" table, which PDF text gives as one run-on line
("... Judgement Grade The impact of leaders ... Good The experiences ... Requires improvement to be good ..."),
becomes a table paragraph with one line per judgement ("Overall effectiveness: Requires improvement to be good"):
the table is still found as a whole, and each line is a sentence that can be quoted as an answer. Reads the table layout of Ofsted's inspection reports (ILACS, and the older single
inspection framework's grades); nothing else is touched."""

from __future__ import annotations

import re

# Ofsted's grades, longest first ("Requires improvement to be good" before "Requires improvement")
GRADES = ("Requires improvement to be good", "Requires improvement", "Outstanding", "Inadequate", "Adequate", "Good")
_HEADER = re.compile(r"\bJudgements?\s+Grades?\b")
_ROW = re.compile(r"\s*(?P<area>[A-Z][\w’'\- ]{2,160}?)\s+(?P<grade>" + "|".join(GRADES) + r")(?=\s+[A-Z]|\s*$)")
_MAX_AREA_WORDS = 16


def split_judgement_table(text: str, heading: str | None = None) -> list[tuple[str, str]] | None:
    """(kind, text) pieces of a paragraph holding a judgement table: what comes before it, the ``table`` (one line
    per judgement), and what follows it; None when the paragraph holds no such table. The table's header may have
    been taken for the paragraph's heading."""
    header = _HEADER.search(text)
    if header:
        before, rest = text[: header.start()].strip(), text[header.end():]
    elif heading and _HEADER.search(heading.rsplit(" > ", 1)[-1]):
        before, rest = "", text
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
    pieces = [("front-matter", before)] if before else []
    pieces.append(("table", "\n".join(rows)))
    if after:
        pieces.append(("text", after))
    return pieces
