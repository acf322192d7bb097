"""What the successors' documents say of a former council a question asks about (``retrieve/successors.py`` finds
their paragraphs naming it): the sentences naming it, quoted and cited; never a successor's text about itself.

"How did Ofsted judge Cumbria in November 2022?" is answered by Westmorland and Furness's report: "Children's
services in the predecessor local authority, Cumbria County Council, were judged requires improvement to be good in
November 2022." Its own "Overall effectiveness: Good" is not Cumbria's, and is not quoted.
"""

from __future__ import annotations

import re

from ..parse.sentences import split_sentences
from ..query import kinds as question_types
from ..records import Citation, Hit
from .extractive import Composed
from .layout import format_answer
from .scoring import holds
from .selection import topic_words, words

_QUOTED = 3  # paragraphs quoted at most


def about_former_council(question: str, hits: list[Hit], naming: re.Pattern[str], note: str) -> Composed | None:
    """The answer from ``hits`` (successors' paragraphs, best first) quoting only their sentences that name the
    former council (``naming`` finds any of its names) and answer the question: of the kind of answer it asks for
    (a grade, a date, a figure), or sharing a word of its subject; None when none does. ``note`` says whose
    documents they are."""
    kinds = question_types.expected(question)
    subject = topic_words(question, None) - words(" ".join(naming.findall(question)))
    quoted: list[tuple[Hit, list[str]]] = []
    for h in hits:
        said = [s for s in split_sentences(h.paragraph.text) if naming.search(s)
                and (any(holds(kind, s, question) for kind in kinds) if kinds else bool(words(s) & subject))]
        if said:
            quoted.append((h, said[:2]))
        if len(quoted) == _QUOTED:
            break
    if not quoted:
        return None
    text, shown = format_answer(quoted)
    return Composed(f"{text}\n\n{note}", [Citation.from_hit(h, " ".join(s)) for h, s in shown], False, [], 1.0)
