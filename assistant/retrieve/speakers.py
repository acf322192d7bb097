"""What members of a council body said about a subject, from their own record, for a question asking it.

"What concerns did scrutiny members raise about the equality impact assessment?" shares most of its words with the
assessment itself, so search ranks the assessment's paragraphs first ("An initial Equalities Impact Assessment
(EqIA) was undertaken …") and the record of what members said never among the first thirty: a short item of the
list under "Comments from the Scrutiny Committee" ("i. Concerns over accuracy of the EqIA"), or a minute's "Members
raised concerns about …". This step puts first the paragraphs recording what members said (text/speakers.attributed)
that print most of the question's subject, abbreviations read as the glossary spells them out, the paper's title
counting for the subject its paragraphs are about ("family hubs" in "Scrutiny call-in: Family Hubs")."""

from __future__ import annotations

import dataclasses

import numpy as np

from ..index.lexical import tokenize
from ..query.glossary import expand
from ..records import Hit
from ..text.speakers import attributed, body_asked
from .hybrid import Retriever

RECORDS = 1  # the record paragraphs put first: the best one (others of the record follow as search ranked them)
WITHIN = 3  # the first hits in which a record already found leaves them as they are
COVER = 0.6  # the least share of the question's subject words a record paragraph (with its paper's title) prints
# the words asking who spoke and that they spoke, not what about
_ASKING = set(tokenize(["members member councillors councillor committee scrutiny panel say said says raise raised "
                        "concern concerns view views ask asked query queried comment comments commented question "
                        "questions discuss discussed debate debated feel felt think thought meeting council what did "
                        "which how were was"])[0])


def _subject(question: str, retriever: Retriever) -> set[str]:
    own = {w for m in retriever.data.docs.values() for w in tokenize([m.organisation or ""])[0]}
    return set(tokenize([question])[0]) - _ASKING - own


_READ: dict[str, list[tuple[int, str, set[str]]]] = {}  # the record paragraphs of each index version, read once


def _records(retriever: Retriever) -> list[tuple[int, str, set[str]]]:
    """The committee papers' paragraphs recording what members said: each one's row, document and words (its
    abbreviations spelt out as the glossary does)."""
    data = retriever.data
    key = str(data.path) if data.path else ""  # a rebuilt index is a new version folder: read again
    if not key or key not in _READ:
        out = []
        for doc, rows in data.rows_by_doc().items():
            if data.docs[doc].doc_type == "ofsted-inspection":
                continue
            for r in rows:
                p = data.paragraphs[int(r)]
                if attributed(p.text, p.heading):
                    out.append((int(r), doc, set(tokenize([expand(p.text)])[0])))
        if not key:
            return out
        _READ[key] = out
    return _READ[key]


def with_members_record(retriever: Retriever, question: str, hits: list[Hit], allowed: np.ndarray | None,
                        qvec: np.ndarray | None = None) -> list[Hit]:
    """``hits`` with the paragraphs recording what members said about the question's subject first, for a question
    asking what members of a council body said (text/speakers.body_asked); unchanged for any other question, or
    where no such paragraph prints most of the subject, or search found their record already."""
    if not hits or not body_asked(question) or not (subject := _subject(question, retriever)):
        return hits
    if any(h.meta.doc_type == "minutes" or attributed(h.paragraph.text, h.paragraph.heading) for h in hits[:WITHIN]):
        return hits  # search found their record already (a meeting's minutes, members' words): answered from it
    data = retriever.data
    admitted = set(allowed.tolist()) if allowed is not None else None
    found: list[tuple[float, int]] = []
    for r, doc, printed in _records(retriever):
        if admitted is not None and r not in admitted:
            continue
        title = set(tokenize([data.docs[doc].title or ""])[0])
        said = printed & subject
        if said and len(said | title & subject) >= COVER * len(subject):
            found.append((len(said | title & subject) / len(subject), r))
    if not found:
        return hits
    dense = retriever._dense_for_rows(qvec, [r for _, r in found]) if qvec is not None else {}
    best = sorted(found, key=lambda f: (-f[0], -(dense.get(f[1]) or 0.0)))[:RECORDS]
    first = [r for _, r in best]
    by_row = {h.row: h for h in hits}
    lead = [by_row.get(r) or Hit(paragraph=data.paragraphs[r], meta=data.docs[data.paragraphs[r].doc], score=0.0,
                                 rank=0, row=r, dense=dense.get(r)) for r in first]
    out = lead + [h for h in hits if h.row not in set(first)]
    return [dataclasses.replace(h, rank=i) for i, h in enumerate(out, start=1)]
