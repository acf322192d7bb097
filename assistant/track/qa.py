"""Questions put at a meeting and their answers ("Question by Paul Stepto to Rory Love, Cabinet Member for Education
and Skills" over the question, "Answer" over the reply): a question is never a commitment, a decision nor progress
on anything (it asks), while the answer is its addressee's, who may undertake to act in the first person ("I have
asked our officers to raise this issue again", "we continue to strongly oppose …")."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..records import Paragraph

# the title of a question put at a meeting, naming who asked whom: "Question by Mike Sole to Neil Baker, Cabinet
# Member for Highways and Transport"
QUESTION_TITLE = re.compile(r"^\s*(?:Supplementary\s+)?Question\s+(?:by|from)\s+(?P<asker>[A-Z][^.?!:;]*?)\s+to\s+"
                            r"(?P<answerer>[A-Z][^?!:;]*?)\s*$")
# a heading that starts another part of a paper: a minute ("301. Motion …", "… (Item 8)") or a numbered section
_OTHER_PART = re.compile(r"^\s*\d+[.)]?\s+[A-Z]|\(Item \d+\)\s*$")


def roles(paragraphs: Iterable[Paragraph]) -> dict[str, tuple[str, str]]:
    """Paragraph id -> ("question", answerer) or ("answer", answerer) for the questions put at a meeting and the
    replies after each, in document order. A reply runs from its question to the next question or another part of
    the paper, under whatever heading it is printed ("Answer", or a first line taken for one: "Thank you for your
    question")."""
    out: dict[str, tuple[str, str]] = {}
    answerer: str | None = None
    for p in paragraphs:
        heading = (p.heading or "").split(" > ")[-1]
        if p.kind == "front-matter":
            continue
        asked = QUESTION_TITLE.match(heading)
        if asked:
            answerer = asked.group("answerer").strip(" ,")
            out[p.id] = ("question", answerer)
        elif answerer and heading and not _OTHER_PART.search(heading):
            out[p.id] = ("answer", answerer)
        else:
            answerer = None
    return out


def is_question(p: Paragraph) -> bool:
    """Whether P is a question put at a meeting (under its "Question by … to …" title)."""
    return bool(QUESTION_TITLE.match((p.heading or "").split(" > ")[-1]))


# a reply's undertaking in the first person: what its author has set in hand ("I have asked our officers to …",
# "I've asked the Director of Highways to look further …"), a position held ("we continue to strongly oppose …"), work
# under way with others to an end ("we are working with the airport, Network Rail … to explore the options")
UNDERTAKING = re.compile(
    r"\b(?:I|we)\s*(?:have|['’]ve)\s+(?:now\s+|also\s+|already\s+)?(?:asked|instructed|requested|tasked|commissioned)\b"
    r"[^.;]{0,80}?\bto\s+\w+|"
    r"\b(?:I|we)\s+(?:will\s+|shall\s+)?continue\s+to\s+(?:\w+ly\s+)?\w+|"
    r"\bwe\s+are\s+(?:now\s+|also\s+|actively\s+)?working\s+(?:with|closely with)\b[^.;]{0,160}?\bto\s+\w+",
    re.IGNORECASE)
# the reply's author speaking for themself or the council: "I …", "we …", "our …"
FIRST_PERSON = re.compile(r"\b(?:I|I['’]ve|I['’]ll|we|our|us)\b")
