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
    return "\n".join(x for x in (title_fields(before), title, *rows, after) if x)


# a labelled field of a report's title block, run on after the title or the field before it: "… children’s services
# Inspection dates: 10 to 14 November 2025 Lead inspector: Ceri Evans, …", "… Report published: 13 June 2017"
_FIELD = re.compile(r"(?<=[^\s:;,])\s+(?=[A-Z][a-z]+(?:\s[a-z]+){0,2}:\s+[A-Z0-9])")
TITLE_FIELDS = 2  # a title block: a title and two labelled fields or more (one label may be prose's "Note: …")


def title_fields(text: str, least: int = 1) -> str:
    """A report's title block with each labelled field on a line of its own, after the title ("Inspection of … /
    Inspection dates: … / Lead inspector: …"): printed one to a line, PDF text ran them into one sentence, which an
    answer to "when was it inspected?" quoted whole. ``text`` as it was when it has fewer than ``least`` fields."""
    parts = _FIELD.split(text)
    if len(parts) - 1 < least or ":" in parts[0] or len(parts[0].split()) < 3:
        return text  # (no title first: a form's labels, "Amendment Name: …", split at the first word of one)
    return "\n".join(p.strip() for p in parts)


# A report of the single inspection framework (2013-2018) prints its grades on page 1 under a headline,
# "Children's services in Kent are good", one judged area to a numbered line: "2.1 Adoption performance Good". Read
# as numbered paragraphs, "2.1" clashed with the body's paragraph 2.1 and no line read as a grade. Laid out as the
# headline over its lines, "2.1 Adoption performance: Good", the table is a judgement table like the later one.
OLD_FRAMEWORK_HEADLINE = re.compile(r"^Children[’']s services in .{2,80}? (?:are|is|requires?)\b[^.]*$")
_OLD_FRAMEWORK_ROW = re.compile(r"^(?P<num>\d(?:\.\d)?\.?)\s+(?P<area>[A-Z][^:]{2,120}?)\s+"
                                r"(?P<grade>(?i:" + "|".join(GRADES) + r"))\b(?P<rest>.*)$")


def old_framework_row(text: str) -> tuple[str, str] | None:
    """A numbered line of an older report's page-1 grades as "2.1 Adoption performance: Good", with what was printed
    after its grade on the same line (a heading run into it: "Executive summary"); None for any other text."""
    m = _OLD_FRAMEWORK_ROW.match(" ".join(text.split()))
    if not m or len(m.group("area").split()) > _MAX_AREA_WORDS:
        return None
    return f"{m.group('num')} {m.group('area')}: {m.group('grade')}", m.group("rest").strip()
