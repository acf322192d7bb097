"""A question's source left out of its keyword query (used by retrieval, step 5).

"What did Ofsted say about exploitation in Kent?", "What did inspectors find about care leavers?", "According to
the inspection report, how …": Ofsted, the inspectors, the report are where the answer is to come from, not what it
is about. Searched as topic words, they rank first the paragraphs about the inspection itself ("Ofsted produces
this report of the inspection …", a contents page) over those about the subject asked for. The filters and boosts
still read the source from the whole question (query/implied.py). Only the frame that names a source and a verb of
saying or finding goes; "When was Kent last inspected by Ofsted?" and "What did Ofsted grade …?" keep their words:
there the inspection is the subject."""

from __future__ import annotations

import re

from ..index.lexical import tokenize

# who or what speaks: Ofsted, (the) inspectors, the (latest) inspection (report), the (Ofsted) report, HMI
_SOURCE = (r"(?:the\s+)?(?:(?:latest|last|most\s+recent|recent|previous|current)\s+)?"
           r"(?:Ofsted(?:['’]s)?\s+inspectors?|Ofsted(?:['’]s)?\s+inspection(?:\s+report)?|Ofsted(?:['’]s)?\s+report|"
           r"Ofsted|inspectors?|inspection\s+report|inspection|report|HMI)")
# verbs of saying or finding (not of grading or visiting: those ask about the inspection itself)
_SAYING = (r"(?:say|said|says|find|found|finds|conclude|concluded|note|noted|comment|commented|write|wrote|"
           r"highlight|highlighted|identify|identified|observe|observed|describe|described|report|reported|"
           r"make\s+of|think|thought|mention|mentioned|see|saw)")
_FRAMES = [
    # "what did Ofsted say about", "what have inspectors found on", "how did the report describe"
    re.compile(rf"\b(?:what|how)\s+(?:did|does|do|has|have|had|was|were|is)\s+{_SOURCE}\s+{_SAYING}"
               rf"(?:\s+(?:about|on|of|regarding|concerning|in\s+relation\s+to|with\s+regard\s+to))?", re.I),
    # "did Ofsted find", "does the report mention"
    re.compile(rf"\b(?:did|does|do|has|have)\s+{_SOURCE}\s+{_SAYING}(?:\s+(?:that|any|about|on))?", re.I),
    # "according to Ofsted", "according to the latest inspection report"
    re.compile(rf"\baccording\s+to\s+{_SOURCE}", re.I),
]


def without_source(query: str) -> str:
    """``query`` with the frame naming its source and a verb of saying left out; ``query`` itself when nothing
    but the frame and stopwords would be left ("What did Ofsted say?")."""
    out = query
    for frame in _FRAMES:
        out = frame.sub(" ", out)
    if out == query or not tokenize([out])[0]:
        return query
    return re.sub(r"\s{2,}", " ", out).strip()
