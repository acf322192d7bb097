"""What the successors' documents say of a former council a question asks about (``retrieve/successors.py`` finds
their paragraphs naming it): the sentences naming it, quoted and cited; never a successor's text about itself.

"How did Ofsted judge Cumbria in November 2022?" is answered by Westmorland and Furness's report: "Children's
services in the predecessor local authority, Cumbria County Council, were judged requires improvement to be good in
November 2022." Its own "Overall effectiveness: Good" is not Cumbria's, and is not quoted.
"""

from __future__ import annotations

import re

from .. import councils
from ..parse.sentences import split_sentences
from ..query import kinds as question_types
from ..records import Citation, Hit
from .extractive import Composed
from .layout import format_answer
from .scoring import holds
from .selection import topic_words, words

_QUOTED = 3  # paragraphs quoted at most
# a grade's words, which say how a service was judged, not what it is about ("requires improvement" is no answer to
# what the areas for improvement were)
# the words any question about a council's inspection is framed in, which say nothing of what it asks about
_FRAME = words("children's services social care inspection inspected inspectors Ofsted report council")
_GRADE = re.compile(r"\b(?:requires improvement(?: to be good)?|inadequate|outstanding|good)\b", re.IGNORECASE)


def about_former_council(question: str, hits: list[Hit], former: frozenset[str], note: str) -> Composed | None:
    """The answer from ``hits`` (successors' paragraphs, best first) quoting only their sentences that name the
    former councils ``former`` (slugs) and answer the question: a grade for a question asking one; else a sentence
    sharing a word of what it asks about (not a grade's words: "requires improvement" is no list of what needed to
    improve) and of the kind of answer it asks for (a date, a figure); its grade for a question asking only what
    was said or found of it (what a successor's report says of its predecessor's services is how they were last
    judged; "… Northamptonshire Council split into West and North Northamptonshire councils" is no finding). None when none does. ``note`` says whose documents they are."""
    grade = question_types.asks_grade(question)
    kinds = [k for k in question_types.expected(question) if k != "grade"]
    subject = topic_words(question, None) - _FRAME \
        - words(" ".join(w for _, w, _, _ in councils.find_mentions(question)))
    quoted: list[tuple[Hit, list[str]]] = []
    for h in hits:
        said = [s for s in split_sentences(h.paragraph.text) if councils.mentioned(s, former)
                and (holds("grade", s, question) if grade or not subject else
                     bool(words(_GRADE.sub(" ", s)) & subject) and all(holds(kind, s, question) for kind in kinds))]
        if said:
            quoted.append((h, said[:2]))
        if len(quoted) == _QUOTED:
            break
    if not quoted:
        return None
    text, shown = format_answer(quoted)
    return Composed(f"{text}\n\n{note}", [Citation.from_hit(h, " ".join(s)) for h, s in shown], False, [], 1.0)
