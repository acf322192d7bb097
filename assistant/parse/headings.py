"""Headings: which blocks are headings (a short title over prose, an inspection report's graded section title, a
numbered title over its lettered paragraphs; not a cover sheet's labelled field, a table's title over its rows of
figures or a line the next block runs on from as one sentence), and the title lines and cover-sheet fields before
the first paragraph merged into one block of front matter."""

from __future__ import annotations

import re

from .blocks import Block, Line, starts_lower
from .normalise import strip_bullet
from .numbering import match_number

_GRADE_HEADING = re.compile(r":\s*(inadequate|requires improvement to be good|good|outstanding)\.?$", re.IGNORECASE)


def grade_headings(lines: list[Line]) -> list[int]:
    """Where an inspection report's graded section heading starts: a line, or two lines of one page, ending with
    a grade after a colon ("The experiences and progress of children who need help and" / "protection: requires
    improvement to be good"), not a bullet or a numbered paragraph."""
    out = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text or not text[0].isupper() or strip_bullet(text)[0] or match_number(text):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        two = (f"{text} {nxt.text.strip()}" if nxt is not None and nxt.page == line.page
               and starts_lower(nxt.text.strip()) else "")
        if any(_graded_title(t) for t in (text, two) if t):
            out.append(i)
    return out


def _graded_title(text: str) -> bool:
    """An inspection report's section title with its grade: "The experiences and progress of care leavers: good"."""
    return bool(_GRADE_HEADING.search(text)) and len(text) < 160


# a line that ends on "&" or "and" stops mid-name ("Home to School &" / "College Transport"): it is no title
_UNFINISHED = re.compile(r"(?:&|\band)$", re.IGNORECASE)


def headingish(text: str, whole: bool = True) -> bool:
    """Whether ``text`` could be a title; ``whole``: it is all of its block (a first line may end on "and")."""
    t = text.strip()
    if _graded_title(t):
        return True
    if not t or len(t) > 120 or len(t.split()) > 16:
        return False
    if t.rstrip().endswith((".", ";", ",", "!")) or t.endswith("?") and len(t.split()) > 6:
        return False
    if whole and _UNFINISHED.search(t):
        return False  # "Home to School &" over "College Transport 96.3 87.7 -8.6": a row's label running on
    return t[0].isupper() or t[0].isdigit()


# a cover sheet's labelled field ("Status: Unrestricted", "To: Cabinet - 4 March 2025", "Electoral Division: All")
# belongs to the front matter; it is not the heading of the sections after it ("Summary:" and "Purpose:" are)
_COVER_FIELD = re.compile(
    r"^(from|to|by|subject|classification|status|decision (?:no|number)\.?|decision to be taken by|key decision|"
    r"past pathway(?: of report)?|future pathway(?: of report)?|electoral divisions?|contact officer|report author|"
    r"author|tel(?:ephone)?(?: number| no\.?)?|e-?mail)\s*:\s*\S", re.IGNORECASE)


def _is_cover_field(block: Block) -> bool:
    """Whether ``block`` is a cover sheet's labelled field, its value after the label or on the line below it
    ("DECISION NO:" / "24/00096")."""
    first = " ".join(ln.text.strip() for ln in block.lines[:2])
    return block.number is None and bool(block.lines) and bool(_COVER_FIELD.match(first))


# the line that introduces a paper's recommendations: "The County Council is asked to:", "Members are recommended to"
_LEAD_IN = re.compile(r"^[A-Z][\w ,’'&()-]{0,80}?\b(?:is|are)\s+(?:asked|recommended|invited|requested)"
                      r"\s+to\s*:?\s*$")


def is_heading(block: Block, next_block: Block | None, decimal_doc: bool) -> bool:
    if block.kind == "heading":
        return True
    if block.kind in ("table-row", "front-matter") or block.bullet or block.letter or block.cells or block.note \
            or block.byline or block.closing:
        return False
    if _is_cover_field(block):
        return False
    text = " ".join(ln.text.strip() for ln in block.lines)
    if block.number is not None:
        # "3. Summary of monitoring visit" in a document numbered 3.1, 3.2 ..., or "3. Committees" over its
        # lettered paragraphs "a) …", "b) …"
        titled = next_block is not None and next_block.letter is not None and next_block.number is None
        # "1.1 The Delivery Plan" directly over "1.1.1 The council is a key partner …": a title over its own subsections
        parent = next_block is not None and next_block.number is not None \
            and next_block.number.parts[:-1] == block.number.parts
        # "8. Recommendations" over "The County Council is asked to:" and its numbered recommendations
        lead_in = next_block is not None and next_block.number is None and next_block.letter is None \
            and bool(next_block.lines) and bool(_LEAD_IN.match(" ".join(ln.text.strip() for ln in next_block.lines)))
        if not ((decimal_doc or titled or lead_in) and len(block.number.parts) == 1 or parent):
            return False
        text = block.number.rest
        whole = " ".join([text] + [ln.text.strip() for ln in block.lines[1:]])
        if len(whole) > 120 or len(whole.split()) > 16:
            return False  # a numbered paragraph or recommendation whose first line merely looks like a title
    if not headingish(text, whole=block.number is None or len(block.lines) == 1):
        return False
    if len(text.split()) >= 6 and _mostly_figures(text):
        return False  # a table's row of figures under its column headers ("By 2025-26 By 2026-27 … 0 places 440
        # places 90 places 0 places"), which a heading's place would lose
    if _A_SUM_OR_DATE.search(text):
        return False  # a table's row ("Seashells Sheerness 31/03/2025 £204,302.16", "Totals £426,429.60"), which a
        # heading's place would lose: a heading heads what follows and is no paragraph of its own
    if next_block is None:
        return False
    nxt_text = next_block.lines[0].text.strip() if next_block.lines else ""
    if next_block.kind not in ("table-row",) and nxt_text and starts_lower(nxt_text) and not next_block.number \
            and not next_block.letter:  # "a) The ..." is an item, not a sentence running on
        return False
    if not next_block.number and _mostly_figures(nxt_text):
        return False  # a table's title or column headers over its rows of figures, not a section heading
    return True


# what a line says rather than titles: "No declarations of interest were received", "Cabinet agree to: A) …"
_STATEMENT = re.compile(r"\b(?:was|were|is|are|has|have|had|will|agree[sd]?|asked to|noted|received|deferred|"
                        r"approved|resolved|declared)\b", re.IGNORECASE)


def says_something(block: Block, heads_a_heading: bool) -> bool:
    """Whether a heading-like ``block`` with nothing under it (``heads_a_heading``: the next block is a heading too)
    makes a statement, which would be lost as a heading that heads nothing: "79. Cabinet Member Updates (Item 4)" /
    "Cabinet Member updates were deferred to the next meeting" / "80. …"; a decision form's "Decision:" / "Cabinet
    agree to: A) the Commissioning Plan …" / "Reason(s) for decision:" / "Background"."""
    if not heads_a_heading or block.kind == "heading":
        return False
    if block.lead_in:
        return True  # a lead-in over nothing ("Contact details:" over the next section's title) is kept
    text = " ".join(ln.text.strip() for ln in block.lines)
    return not text.endswith("?") and bool(_STATEMENT.search(text))


_A_SUM_OR_DATE = re.compile(r"£\s?\d|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d[\d,]*\.\d\d\b")


def _mostly_figures(line: str) -> bool:
    """A line of a table's body: at least three cells, most of them figures ("£'000 £'000 2024-25 75,734.8")."""
    tokens = line.split()
    return len(tokens) >= 3 and sum(any(c.isdigit() for c in t) for t in tokens) >= 0.5 * len(tokens)


def merge_front_matter(blocks: list[Block], decimal_doc: bool) -> list[Block]:
    """Title lines and cover-sheet fields before the first paragraph (title, dates, lead inspector; From:, To:,
    Status:) become one paragraph; the last of them, when it is a heading, stays the heading of what follows."""
    def heading(i: int) -> bool:
        return is_heading(blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None, decimal_doc)

    lead = 0
    while lead < len(blocks) and (heading(lead) or _is_cover_field(blocks[lead])):
        lead += 1
    if lead < 2:
        return blocks
    cut = lead - 1 if heading(lead - 1) else lead
    front = Block(kind="front-matter")
    for b in blocks[:cut]:
        for seg in b.segments:
            front.segments.append(seg)
    return [front, *blocks[cut:]]
