"""A former council asked about by name: what its successors' indexed documents say of it.

Cumbria County Council was abolished in 2023; Westmorland and Furness's first inspection report says "Cumbria County
Council … were judged requires improvement to be good in November 2022". "How did Ofsted judge Cumbria in 2022?"
names a council with nothing indexed of its own, and was declined (tester, round 73); asked of its successors it had
been answered with Westmorland and Furness's own grade. It is answered from the successors' paragraphs that name it,
and only those: never from a successor's text about itself.
"""

from __future__ import annotations

import numpy as np

from .. import councils
from ..query.filters import Filters
from ..query.implied import Implied
from ..records import Hit

_SEARCHED = 50  # successors' paragraphs searched for those naming the former council


def of_former_council(retriever, question: str, given: Filters, implied: Implied, *, k: int, mode: str,
                      qvec: np.ndarray | None) -> tuple[list[Hit], frozenset[str], str] | None:
    """The successors' paragraphs that name the former council(s) the question asks about, best first, with the
    former councils' slugs and a note saying whose documents they are; None when the question names any other
    council, filters to councils or documents, or no successor paragraph found names the former council."""
    if not implied.successors or set(implied.successors) != set(implied.unindexed) or implied.orgs \
            or given.orgs or given.docs:
        return None
    former = [c for written in implied.successors if (c := councils.resolve(written)) is not None and c.former]
    if len(former) != len(implied.successors):
        return None
    took = {s for c in former for s in c.successors}
    orgs = sorted({m.org_slug for m in retriever.data.docs.values() if councils.council_slug(m.org_slug) in took})
    if not orgs:
        return None
    # (the filters set, not the question's years: those are the former council's, not its successors' documents')
    searched = Filters(**{**given.__dict__, "orgs": orgs})
    hits = retriever.search(question, searched, k=max(k, _SEARCHED), implied=Implied(), mode=mode, qvec=qvec)
    slugs = frozenset(c.slug for c in former)
    named = [h for h in hits if councils.mentioned(h.paragraph.text, slugs)][:k]
    if not named:
        return None
    said = "; ".join(f"{written} was replaced by {' and '.join(took_over)}"
                     for written, took_over in implied.successors.items())
    return named, slugs, (f"Nothing from {' or '.join(implied.unindexed)} itself is indexed ({said}): the passages quoted "
                   "are what the successors' documents say of it.")
