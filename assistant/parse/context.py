"""Context a paragraph is read with. A short paragraph (a table cell, a form field, a one-line answer) means little
alone, so the text it is embedded with also carries the end of the paragraph before it in the same section (what a
fixed-size chunker gets by accident). An answer in a paper of questions and answers ("Question by … to …",
"Answer") is read with the question it answers, and a recorded vote in minutes with the motion or amendment it
decides. The paragraph's citation and displayed text are unchanged."""

from __future__ import annotations

import re

from ..records import Paragraph
from .minutes import records_vote
from .tables import FIGURE_CELL

SHORT_WORDS = 15  # paragraphs shorter than this (table cells, form fields, one-line answers) get context
CONTEXT_WORDS = 50  # how much of the neighbour is added


def neighbour_context(paragraphs: list[Paragraph], i: int) -> str:
    """The end of the previous paragraph under the same heading (or the start of the next one, for a section's
    first paragraph) when paragraph ``i`` is short; "" otherwise."""
    p = paragraphs[i]
    if len(p.text.split()) >= SHORT_WORDS:
        return ""
    if i > 0 and paragraphs[i - 1].heading == p.heading and paragraphs[i - 1].doc == p.doc:
        words = paragraphs[i - 1].text.split()
        return " ".join(words[-CONTEXT_WORDS:])
    if i + 1 < len(paragraphs) and paragraphs[i + 1].heading == p.heading and paragraphs[i + 1].doc == p.doc:
        words = paragraphs[i + 1].text.split()
        return " ".join(words[:CONTEXT_WORDS])
    return ""


# the headings of a questions-and-answers paper: councillors' and the public's questions, and the replies
_QUESTION = re.compile(r"^(?:supplementary\s+)?question\b|^q\d+\b", re.IGNORECASE)
_ANSWER = re.compile(r"^(?:supplementary\s+)?(?:answer|response|reply)\b", re.IGNORECASE)
QUESTION_WORDS = 60  # how much of the question an answer is read with


def is_meeting_question(p: Paragraph) -> bool:
    """Whether ``p`` is a question put at a meeting (under a "Question by … to …" heading), not its answer."""
    return bool(_QUESTION.match(p.heading or ""))


def is_meeting_answer(p: Paragraph) -> bool:
    """Whether ``p`` is part of the answer to a question put at a meeting (under an "Answer" heading)."""
    return bool(_ANSWER.match(p.heading or ""))


# an item of an agenda or minutes: its printed number, then its title ("5. 24/00108 - Revenue and Capital Budget
# Monitoring Report – November 2024-25 (Pages 11 - 84)")
_ITEM = re.compile(r"^\s*(\d{1,3})[.)]?\s+\S")


def is_agenda_item(p: Paragraph) -> bool:
    """Whether ``p`` is an item of a meeting's business as an agenda lists it: a short paragraph opening with its
    own printed number and a title (up to 40 words, not a sentence ending in a full stop, nor a lead-in: "12. In the
    event of Cabinet confirming the decision this will be reviewed by full Council." is a report's)."""
    m = _ITEM.match(text := p.text.strip())
    return bool(m) and p.para == m.group(1) and len(text.split()) <= 40 and not text.endswith((".", ":"))


def question_context(paragraphs: list[Paragraph], i: int) -> str:
    """For a paragraph under an "Answer" heading, the question it answers: the heading "Question by … to …" above
    it and the start of the question's text; "" for any other paragraph."""
    p = paragraphs[i]
    if not _ANSWER.match(p.heading or ""):
        return ""
    j = i
    while j > 0 and paragraphs[j - 1].doc == p.doc and _ANSWER.match(paragraphs[j - 1].heading or ""):
        j -= 1  # back over this answer's paragraphs
    asked = paragraphs[j - 1].heading or "" if j > 0 and paragraphs[j - 1].doc == p.doc else ""
    if not _QUESTION.match(asked):
        return ""
    k = j
    while k > 0 and paragraphs[k - 1].doc == p.doc and paragraphs[k - 1].heading == asked:
        k -= 1
    words = " ".join(q.text for q in paragraphs[k:j]).split()
    return f"{asked}: {' '.join(words[:QUESTION_WORDS])}"


# "put the amendment set out in paragraph 17 to the vote", "the substantive motion as set out in Item 6, paragraph 4"
_PUT_PARAGRAPH = re.compile(r"\bparagraph\s+(\d{1,3})\b", re.IGNORECASE)
MOTION_WORDS = 60  # how much of the motion a vote is read with


def vote_context(paragraphs: list[Paragraph], i: int) -> str:
    """For a paragraph of minutes that records a vote ("… put the amendment set out in paragraph 17 to the vote and
    the voting was as follows: For (14) …"), the start of what was voted on: the paragraph of the same minute it
    names, or else the one before it. A vote says what it decides only by that reference, and its text is mostly
    the names of those who voted; "" for any other paragraph."""
    p = paragraphs[i]
    if not p.para or "/" not in p.para or not records_vote(p.text):
        return ""
    minute = p.para.split("/")[0]
    named = _PUT_PARAGRAPH.search(p.text)
    voted = next((q for q in paragraphs if q.doc == p.doc and q.para == f"{minute}/{named.group(1)}"),
                 None) if named else None
    if voted is None and i > 0 and paragraphs[i - 1].doc == p.doc and paragraphs[i - 1].para \
            and paragraphs[i - 1].para.split("/")[0] == minute:
        voted = paragraphs[i - 1]
    if voted is None or voted is p:
        return ""
    return " ".join(_own_words(paragraphs, voted)[:MOTION_WORDS])


SHARED_RUN = 6  # words in a row an amendment repeats from the motion it amends


def _own_words(paragraphs: list[Paragraph], voted: Paragraph) -> list[str]:
    """``voted``'s words, less the runs of SHARED_RUN words or more it repeats from the motion it amends (the
    paragraph of its minute it names: "the following amendment to the substantive motion set out in paragraph 15:
    “County Council is asked to: (1) Endorse …"), so that what tells amendments to one motion apart comes first:
    four amendments quoting one long motion had read alike in their first 60 words."""
    words = voted.text.split()
    named = _PUT_PARAGRAPH.search(voted.text)
    minute = voted.para.split("/")[0] if voted.para else ""
    amended = next((q for q in paragraphs if q.doc == voted.doc and q.para == f"{minute}/{named.group(1)}"),
                   None) if named and minute else None
    if amended is None or amended is voted:
        return words
    from difflib import SequenceMatcher

    shared = SequenceMatcher(None, [w.lower() for w in words], [w.lower() for w in amended.text.split()],
                             autojunk=False).get_matching_blocks()
    opening = next((i for i, w in enumerate(words[:40]) if w.endswith(":")), -1)  # who moved it, kept whole
    repeated = {i for block in shared if block.size >= SHARED_RUN for i in range(block.a, block.a + block.size)}
    return [w for i, w in enumerate(words) if i <= opening or i not in repeated]


HEADER_WORDS = 30  # how much of a table's header a row is read with


def row_context(paragraphs: list[Paragraph], i: int) -> str:
    """For a row of a table ("Adult Social Care & Health 586.1 621.6 +35.4 +6.0%"), the end of the text above the
    table on the same or the previous page: its title and column headers ("All figures in £m Directorate Revenue
    Budget Forecast Variance"), without which the row's figures mean nothing; "" for any other paragraph."""
    above = _above_table(paragraphs, i)
    return _last_words(above) if above is not None else ""


def printed_table(paragraphs: list[Paragraph], i: int) -> str:
    """The table that row ``i`` is printed in, as a reader sees it on the row's page: its column headers (when rebuilt
    as a header row on that page) and its rows there, one per line; "" when ``i`` is not a table row, or not one of a
    paged document (a DOCX, HTML or text table's rows carry their headers: "Risk: …; Description: …"). A row is
    cited and quoted alone, but the passage it belongs to is its table: "Male 134 13%" means something under "GENDER
    | Number of consultees answering | %" and beside "Female 653 64%"."""
    p = paragraphs[i]
    if p.kind != "table-row" or p.page_start is None:
        return ""

    def same_table(j: int) -> bool:
        q = paragraphs[j]
        return q.doc == p.doc and q.kind == "table-row" and q.page_start == p.page_start

    first = i
    while first > 0 and same_table(first - 1):
        first -= 1
    last = i
    while last + 1 < len(paragraphs) and same_table(last + 1):
        last += 1
    above = paragraphs[first - 1] if first > 0 else None
    header = [above.text] if above is not None and above.doc == p.doc and above.kind == "table-header" \
        and above.page_end == p.page_start else []
    return "\n".join(header + [paragraphs[j].text for j in range(first, last + 1)])


def _last_words(p: Paragraph) -> str:
    return " ".join(p.text.split()[-HEADER_WORDS:])


def _above_table(paragraphs: list[Paragraph], i: int) -> Paragraph | None:
    """The paragraph just above the table that row ``i`` belongs to, on the same or the previous page; None when
    ``i`` is not a table row or nothing of its document is there."""
    j = _above_index(paragraphs, i)
    return paragraphs[j] if j is not None else None


def _above_index(paragraphs: list[Paragraph], i: int) -> int | None:
    p = paragraphs[i]
    if p.kind != "table-row":
        return None
    j = i
    while j > 0 and paragraphs[j - 1].doc == p.doc and paragraphs[j - 1].kind == "table-row":
        j -= 1
    if j == 0 or paragraphs[j - 1].doc != p.doc:
        return None
    above = paragraphs[j - 1]
    if above.page_end is not None and p.page_start is not None and p.page_start - above.page_end > 1:
        return None
    return j - 1


# a row whose last column is prose ("Residual Waste 52.6 53.4 +0.8 Increased tonnes offset by …"): its label, two
# figures or more, then words
_COMMENTED = re.compile(r"^[A-Z][^\d\n.:;?!]*?[A-Za-z)]\s+" + FIGURE_CELL + r"(?:\s+" + FIGURE_CELL + r")+\s+[A-Za-z]+\s+[A-Za-z(]")
PROSE_BETWEEN_ROWS = 12  # the most paragraphs of one table's prose column walked back over


def _reads_as_prose(p: Paragraph) -> bool:
    return p.kind in ("text", "bullet") and p.text.rstrip()[-1:] in (".", "!", "?", ")")


def _header_over_prose(paragraphs: list[Paragraph], k: int) -> Paragraph | None:
    """The header of a table whose last column is prose, above paragraph ``k`` (prose): the prose of its rows above
    ran on below them as paragraphs of its own (a finance report's "Summary" and "Detail" columns), so the row under
    it is not next to its table's header. Walked back over that prose and the rows between it, on one page or the
    next, under one heading, to a paragraph that reads as column headers; None when there is none."""
    p = paragraphs[k + 1]
    for _ in range(PROSE_BETWEEN_ROWS):
        q = paragraphs[k]
        if q.doc != p.doc or q.heading != p.heading or q.page_end is None or p.page_start is None \
                or not 0 <= paragraphs[k + 1].page_start - q.page_end <= 1:
            return None
        if q.kind == "table-header" or (q.kind == "text" and _header_text(q)):
            return q
        if k == 0 or not (_reads_as_prose(q) or q.kind == "table-row" and _COMMENTED.match(q.text)):
            return None
        k -= 1
    return None


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
# a table's numbered caption above its column headers: "Table 5: Average cost of pupils …", "Figure 2. …"
_CAPTION = re.compile(r"(?:Table|Figure|Chart)\s+\d+[A-Za-z]?\s*[:.\-–]\s*\S")
CAPTION_WORDS = 60  # a caption and its column headers; a longer paragraph is prose that mentions a table
# a table's figure cell standing alone ("29.0", "-2.4", "(66.9)", "33%"), not part of a label ("Dec-24", "0-19",
# "Q3", "£m")
_LONE_FIGURE = re.compile(r"(?<![\w.-])" + FIGURE_CELL + r"(?![\w-])")
_FIGURES_IN_A_ROW = re.compile(_LONE_FIGURE.pattern + r"\s+" + _LONE_FIGURE.pattern)
HEADER_FIGURES = 2  # column headers name their columns; a line with more lone figures is another row's data


def table_header(paragraphs: list[Paragraph], i: int) -> tuple[str, int | None]:
    """The column headers a table row is shown with, as printed above its table ("Directorate Capital Budget
    Variance Real Variance Rephasing Variance"), and the page they are on; ("", None) when the text above the table
    does not read as its headers: a sentence of prose (the text before the table's title), or another row's figures
    (a row the parser could not tell from its header). A row's figures are not shown without their column labels
    when the document gives them."""
    j = _above_index(paragraphs, i)
    if j is None:
        return "", None
    above = paragraphs[j]
    if _COMMENTED.match(paragraphs[i].text) and _reads_as_prose(above):
        above = _header_over_prose(paragraphs, j) or above  # read at answer time only: the row is embedded as before
    if above.kind == "table-header":  # rebuilt from word positions, one header per column (ingest/grid.py)
        return above.text, above.page_end
    tail = _header_text(above)
    return (tail, above.page_end) if tail else ("", None)


def _header_text(above: Paragraph) -> str:
    """The end of ``above`` when it reads as the column headers of the table under it; "" when it does not."""
    text = _last_words(above)
    if not text or text[-1] in ".!?":
        return ""  # prose ends where the table starts: its headers were not kept apart from it
    tail = _SENTENCE_BREAK.split(text)[-1].strip()  # the text after the last sentence: the table's own title
    if _CAPTION.match(above.text) and len(above.text.split()) <= CAPTION_WORDS:
        tail = above.text.strip()  # "Table 5: Average cost of pupils … placement cost. £s per pupil 20-21 …": the
        # caption says what the figures are, the words after it their columns
    if len(tail.split()) < 2 or not (tail[0].isupper() or tail[0].isdigit() or tail[0] in "£$€%"):
        return ""  # a word or a line's continuation ("family hub, library or"), not a table's headers
    figures = _LONE_FIGURE.findall(tail)
    if len(figures) > HEADER_FIGURES or any(f.endswith("%") for f in figures) or _FIGURES_IN_A_ROW.search(tail):
        return ""  # "… 28 7% Change not good …": a row's data, not the names of columns
    return tail
