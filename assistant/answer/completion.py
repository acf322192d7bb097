"""What completes a quote that ends its paragraph on a colon: "The sessions that will be available … include:",
"The Cabinet Committee resolved to make a specific recommendation … as follows:", a form's "Proposed Purpose:".
A reader given the lead-in alone is told nothing. What follows it in the document, printed as paragraphs of their
own, is quoted after it, each cited as itself: a list's items or a table's rows (a legend line such as
"*booking or referral required." before them skipped), or else the one paragraph after it, unless that starts a
new numbered paragraph or a new section.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..parse.sentences import split_sentences
from ..records import ELISION, Hit, Paragraph
from ..track.decisions import MOTION_CLAUSE, MOTION_GOES_ON
from .lead import agenda_item

Following = Callable[[int], list[Hit]]  # paragraph row -> the paragraphs after it in its document, a few
COMPLETION_ITEMS = 10  # at most this many list items or table rows complete a lead-in
COMPLETION_WORDS = 60  # a paragraph completing a lead-in longer than this is quoted by its first sentences


def completing(citations: list[tuple[Hit, list[str]]], following: Following | None
               ) -> dict[str, list[tuple[Hit, list[str]]]]:
    """For each quote that ends its paragraph on a colon ("The sessions … will include:", "The Cabinet Committee
    resolved … as follows:"), what completes it: the list's items or the table's rows printed after it as
    paragraphs of their own, or else the one paragraph after it, each quoted and cited as itself; keyed by the id
    of the paragraph it completes. A paragraph cited already is not quoted twice."""
    if following is None:
        return {}
    cited = {h.paragraph.id for h, _ in citations}
    out: dict[str, list[tuple[Hit, list[str]]]] = {}
    for h, quoted in citations:
        items = [n for n in _completion(h, quoted, following) if n.paragraph.id not in cited]
        if items:
            cited.update(n.paragraph.id for n in items)
            out[h.paragraph.id] = [(n, opening(n.paragraph.text)) for n in items]
    return out


def introduced(citations: list[tuple[Hit, list[str]]], following: Following | None) -> dict[int, int]:
    """For each cited quote that completes another cited quote's lead-in (one ending its paragraph on a colon:
    "Council resolved the following:"), its index, mapped to the lead-in's: what a lead-in introduces is what it
    says."""
    if following is None:
        return {}
    at = {h.paragraph.id: i for i, (h, _) in enumerate(citations)}
    out: dict[int, int] = {}
    for i, (h, quoted) in enumerate(citations):
        for n in _completion(h, quoted, following):
            if (j := at.get(n.paragraph.id)) is not None and j != i:
                out.setdefault(j, i)
    return out


def _completion(h: Hit, quoted: list[str], following: Following) -> list[Hit]:
    """The paragraphs that complete ``h``'s quote when it ends ``h`` on a colon: a run of list items or table rows
    (a legend such as "*booking or referral required." before them skipped), or else the next paragraph alone,
    unless that starts a new numbered paragraph or section."""
    if h.row is None or not quoted or not quoted[-1].rstrip().endswith(":"):
        return []
    sentences = split_sentences(h.paragraph.text)
    if not sentences or quoted[-1] != sentences[-1]:
        return []  # the colon is inside the paragraph, whose own sentences follow it (with_what_follows)
    taken: list[Hit] = []
    for n in following(h.row):
        p = n.paragraph
        if p.doc != h.paragraph.doc or p.kind in ("note", "front-matter"):
            break
        if not taken and p.text.lstrip().startswith("*"):
            continue
        if _starts_anew(p, h.paragraph) or (taken and p.kind != taken[0].paragraph.kind):
            break
        taken.append(n)
        if p.kind not in ("bullet", "table-row") or len(taken) >= COMPLETION_ITEMS:
            break
    return taken


_LIST_MARK = re.compile(r"[a-z]{1,4}|\d{1,2}")  # a list item's printed letter, roman or plain numeral


def _starts_anew(p: Paragraph, lead: Paragraph) -> bool:
    """Whether paragraph ``p`` is no continuation of ``lead``: it has a printed number of its own (not a list
    item's mark, nor a number under the lead's), or a section heading the lead does not share."""
    if p.para and p.para != lead.para and not _LIST_MARK.fullmatch(p.para) \
            and not (lead.para and p.para.startswith(lead.para)):
        return True
    return bool(p.heading and lead.heading and p.heading != lead.heading and p.kind not in ("bullet", "table-row"))


# a limb's printed number under its resolution's ("83/7(2)" under "83/7"): its parent's number
_LIMB = re.compile(r"^(.+?)\(\w{1,4}\)$")


def further_limbs(h: Hit, quoted: list[str], following: Following) -> list[Hit]:
    """The limbs of a resolution printed after ``h`` as paragraphs of their own, when ``h``'s quote runs to the end of
    a limb: those numbered under the same paragraph ("83/7(2)", "83/7(3)" after "83/7(1) 1. Agree to submit a request
    …;"), or the clause a motion goes on to ("That a valuation of the buildings be undertaken;" | "And, that an update
    be brought to the next meeting.", as the tracker joins them: track/decisions)."""
    sentences = split_sentences(h.paragraph.text)
    if h.row is None or not quoted or not sentences or quoted[-1] != sentences[-1]:
        return []
    taken: list[Hit] = []
    last = h.paragraph
    for n in following(h.row):
        p = n.paragraph
        if p.doc != last.doc or len(taken) >= COMPLETION_ITEMS:
            break
        sibling = (m := _LIMB.match(last.para or "")) is not None and (o := _LIMB.match(p.para or "")) is not None \
            and m.group(1) == o.group(1)
        if not (sibling or not p.para and MOTION_GOES_ON.search(last.text) and MOTION_CLAUSE.match(p.text)):
            break
        taken.append(n)
        last = p
    return taken


def opening(text: str) -> list[str]:
    """A completing paragraph's quote: all of it, or its first sentences up to about ``COMPLETION_WORDS`` words."""
    picked: list[str] = []
    for sentence in split_sentences(text):
        if picked and sum(len(x.split()) for x in picked) + len(sentence.split()) > COMPLETION_WORDS:
            picked.append(ELISION)
            break
        picked.append(sentence)
    return picked


def items_around(h: Hit, following: Following, preceding: Following) -> list[Hit]:
    """The other items of the agenda an item ``h`` is printed in ("1. Apologies", "3. Minutes of the Meeting held on
    …", "5. 24/00108 - Revenue and Capital Budget Monitoring Report …"), in printed order: the run of numbered
    items under its heading, before and after it (as far as ``preceding`` and ``following`` reach)."""
    if h.row is None:
        return []

    def run(rows: list[Hit]) -> list[Hit]:
        taken: list[Hit] = []
        for n in rows:
            if n.paragraph.doc != h.paragraph.doc or n.paragraph.heading != h.paragraph.heading or not agenda_item(n):
                break
            taken.append(n)
        return taken

    return run(preceding(h.row))[::-1] + run(following(h.row))
