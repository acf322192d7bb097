"""Which paragraphs are worth embedding: text that is never the answer to a question is kept for display and
keyword search, but gets no vector (embedding is most of the cost of building an index).

Each rule is about a document structure found across councils' papers and inspection reports, not a phrase of
any one document: navigation (contents pages and their entries), printing artefacts (blank-page notices, lines
with no words), standard notices (copyright and licence, meeting filming and public-access notes), distribution
lists and contact-detail lines.
"""

from __future__ import annotations

import re

from ..records import DocMeta, Paragraph

_WORD = re.compile(r"[^\W\d_]{2,}")  # a word of at least two letters
_LEADER = re.compile(r"(?:\.{3,}|…{2,}|_{3,}|(?:\. ){3,})\s*\d{1,4}\b")  # "Introduction ........ 3"
# an agenda's "(Pages 11 - 84)"
_PAGE_REF = re.compile(r"\((?:pages?|pp?\.?)\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?\)", re.IGNORECASE)
_CONTENTS_HEADING = re.compile(r"^(?:table of )?contents$|^index$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
_BLANK_PAGE = re.compile(r"\b(?:this|the) page (?:is |has been )?(?:intentionally|deliberately) (?:been )?left blank\b",
                         re.IGNORECASE)
_LEGAL = re.compile(
    r"©\s*crown copyright|\bcrown copyright \d{4}|\bopen government licen[cs]e\b|"
    r"\breproduced in whole or in part\b|\bre-?use this (?:information|publication)\b.{0,40}\bfree of charge\b|"
    r"\bcopy of this (?:document|publication|report) in (?:a )?(?:different|alternative) format\b|"
    r"\bthis (?:document|publication|report) is (?:also )?available (?:at|from|in)\b"
    r".{0,40}(?:www\.|https?://|\.gov\.uk)",
    re.IGNORECASE)
_MEETING_NOTICE = re.compile(
    r"(?:\bthis|\bplease note:?(?: that)? the) meeting (?:may|will|is likely to) be "
    r"(?:filmed|webcast|recorded|broadcast|live[- ]streamed)\b|"
    r"\bmeeting is likely to be (?:open to|held in|closed to) the public\b|"
    r"\b(?:in the event of a |if the )fire alarm\b",
    re.IGNORECASE)
_DISTRIBUTION_HEADING = re.compile(r"^(?:distribution|circulation)(?: list)?$|^copies to$", re.IGNORECASE)
_DISTRIBUTION_START = re.compile(r"^\s*(?:distribution(?: list)?|circulation(?: list)?|copies to|cc)\s*:",
                                 re.IGNORECASE)
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)\S+|\+?\d[\d ()-]{7,}\d|"
    r"\b(?:e-?mail|tel(?:ephone)?|phone|mobile|fax|website|web|contact(?: officer| details)?|ask for|"
    r"produced by|enquiries(?: to)?|address)\b\s*:?",
    re.IGNORECASE)
CONTACT_WORDS = 3  # a line of contact details names at most a person or team besides the numbers and addresses
NOTICE_WORDS = 120  # a standard notice is short; a longer paragraph that quotes one is kept
COMMITTEE_TYPES = ("committee-report", "minutes", "other")


def why_not_embedded(p: Paragraph, doc: DocMeta | None = None) -> str | None:
    """The kind of text ``p`` is if it is not worth embedding, else None (it is embedded).

    ``doc`` is the paragraph's document (its type decides whether meeting notices can occur)."""
    text = p.text.strip()
    words = _WORD.findall(text)
    if p.kind == "note":
        return "footnote"  # a page's footnote: "The areas for improvement have been cross-referenced with …" in
        # every recent Ofsted report would be as close as anything to a question about the national framework
    if p.kind == "table-row" and words:
        return None  # a row of a table of figures ("Total 586.1 621.6 +35.4"), read with its table's headers
    if len(words) < 2:
        return "no-words"  # page numbers, lone labels ("AGENDA")
    n = len(text.split())
    if len(_LEADER.findall(text)) >= 2 or (_LEADER.search(text) and n <= 20):
        return "contents"
    chars = text.replace(" ", "")
    if sum(c in "._-–…" for c in chars) > 0.5 * len(chars):
        return "no-words"  # form lines ("........ signed ........ date")
    if len(_PAGE_REF.findall(text)) >= 2 or (_PAGE_REF.search(text) and n <= 20):
        return "contents"  # an agenda's list of items and the pages of their papers
    last_heading = (p.heading or "").split(" > ")[-1].strip()
    if _CONTENTS_HEADING.match(last_heading) and not _SENTENCE_END.search(text):
        return "contents"  # titles under a "Contents" heading; a sentence there (mis-assigned heading) is kept
    if _BLANK_PAGE.search(text) and n <= 12:
        return "blank-page"
    if n <= NOTICE_WORDS and _LEGAL.search(text):
        return "legal-notice"
    if n <= NOTICE_WORDS and (doc is None or doc.doc_type in COMMITTEE_TYPES) and _MEETING_NOTICE.search(text):
        return "meeting-notice"
    if _DISTRIBUTION_HEADING.match(last_heading) or _DISTRIBUTION_START.match(text):
        return "distribution-list"
    if _CONTACT.search(text) and len(_WORD.findall(_CONTACT.sub(" ", text))) <= CONTACT_WORDS:
        return "contact-details"
    return None


def embeddable(p: Paragraph, doc: DocMeta | None = None) -> bool:
    """Whether ``p`` gets vectors (see why_not_embedded); every paragraph stays displayable and keyword-searchable."""
    return why_not_embedded(p, doc) is None
