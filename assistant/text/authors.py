"""A paper's author or contact block, and a question asking for it: read by retrieval (retrieve/authors.py, which
fetches the block) and by the answer (answer/people.py, which lets it lead), so it sits below both.

Committee reports print their author on the last page ("Report Author: Ben Sherreard", "Author Dr Mike Gogarty
Interim Strategic Lead …", "Contact Officer: …"); "who wrote the report?" asks for it, "who presented it?" does not."""

from __future__ import annotations

import re

# A committee report's author or contact block, as its last page prints it: "Report Author: Ben Sherreard", "Author Dr
# Mike Gogarty Interim Strategic Lead …", "Contact Officer: …", "Lead officer contact Lee Anne Farach, …", "Contact
# details Matthew Wagner Chief Analyst …"; the label, then (after a colon, a dash or nothing) a person's name
_AUTHOR_LABEL = r"(?:report\s+authors?|authors?|(?:report\s+)?prepared\s+by|written\s+by)"
_CONTACT_LABEL = r"(?:contact\s+officers?|lead\s+officer\s+contact|officer\s+contact|contact\s+details|contact)"
# a name's word, not a post's or a field's ("Report Author Relevant Director Joe McKay …": the block's columns)
_WORD = (r"(?!(?:Relevant|Lead|Corporate|Director|Assistant|Head|Job|Title|Telephone|Tel|Email|Name|Contact|Officer|"
         r"Report|Author|Interim|Acting|Strategic|Service|Services|Manager)\b)[A-Z][a-z'’-]+")
_A_NAME = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?" + _WORD + r"(?:\s+" + _WORD + r")+"
# the label, capitalised as a field's is, then a name within its block's next few words (a column of labels may
# come first); not prose that mentions an author ("the author of the review, Mr Smith")
_BLOCK = {kind: re.compile(r"(?<![\w'’-])(?=[A-Z])(?i:" + label + r")\b\s*[:–-]?[^.;@]{0,60}?(?<![\w'’-])" + _A_NAME)
          for kind, label in (("author", _AUTHOR_LABEL), ("contact", _CONTACT_LABEL))}
# a question asking who wrote a paper, or whom to contact about it: "who wrote the report?", "who is the author of
# …?", "which officer prepared the briefing?", "who is the contact officer for …?", "who should I contact about …?";
# not "who wrote to the minister?" (a letter sent), "who prepared for the inspection?", "who has contact with …?",
# "who do parents contact out of hours?" (a service, not a paper's officer)
_PAPER = r"(?:report|paper|briefing|note|update|document|assessment|plan|strategy|review|letter)s?"
_ASKS = {"author": re.compile(r"\bwho\s+(?:wrote|authored)\b(?!\s+to\b)|\bauthors?\s+of\b|"
                              r"\bwho\s+(?:is|was|are|were)\s+(?:the\s+)?(?:report['’]?s?\s+)?authors?\b|"
                              r"\b(?:who|which\s+officers?)\s+(?:prepared|drafted|compiled|wrote|authored)\s+(?:the|this|"
                              r"that|its|their)\s+(?:[\w'’-]+\s+){0,6}?" + _PAPER + r"\b|"
                              r"\bwho\s+(?:was|were|is|has)\b[^?]{0,80}\b(?:written|authored|prepared|drafted)\s+by\b|"
                              r"\b(?:written|authored|prepared|drafted)\s+by\s+whom\b", re.IGNORECASE),
         "contact": re.compile(r"\bcontact\s+officers?\b|\bthe\s+contact\s+(?:person|for|about|on)\b|"
                               r"\b(?:who|whom)\s+(?:(?:should|do|can|could|would|might|shall)\s+(?:I|we|you|one)|to)\s+"
                               r"contact\b|\blead\s+officer\s+(?:for|of|on)\s+(?:the|this|that)\s+(?:[\w'’-]+\s+){0,6}?"
                               + _PAPER + r"\b", re.IGNORECASE)}


# a meeting's contact officer is its summons' "Ask for: …" (query/kinds.py), not the contact of a paper on its agenda
_A_MEETING = re.compile(r"\b(?:meetings?|agendas?|summons)\b", re.IGNORECASE)
# a question asking for someone: not "how many contact officers are there?"
_ASKS_SOMEONE = re.compile(r"\bwhom?\b|\bwhich\s+officers?\b|\bname\s+of\b", re.IGNORECASE)


def author_asked(question: str) -> str | None:
    """"author" when ``question`` asks who wrote a paper, "contact" when whom to contact about it; else None."""
    if not _ASKS_SOMEONE.search(question):
        return None
    kind = next((kind for kind, asks in _ASKS.items() if asks.search(question)), None)
    return None if kind == "contact" and _A_MEETING.search(question) else kind


def author_block(text: str, kind: str = "author") -> bool:
    """Whether ``text`` names a person under a paper's author label (``kind`` "author") or its contact label
    ("contact"): a report's author is also its contact, so an author block answers a contact question too."""
    kinds = ("author",) if kind == "author" else ("contact", "author")
    return any(_BLOCK[k].search(text) for k in kinds)
