"""A council's newest inspection report searched on its own, for a question about how things are now; and the
judgement table of the one report a grade question is narrowed to.

Retrieval ranks an older report's long section on a topic above the newest report's shorter paragraph ("Is early
help good in Medway?" found four 2015 and 2019 paragraphs and none of 2023's). The answer cites the newest report
of each council whose older reports it cites (answer/selection.py: with_newest_reports), but only from the hits
it is given; this step makes sure they hold the newest report's best paragraphs."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np

from ..query.filters import Filters
from ..query.implied import Implied
from ..records import DocMeta, Hit
from .hybrid import Retriever

INSPECTION = "ofsted-inspection"
PER_REPORT = 2  # paragraphs of each newest report added
MAX_COUNCILS = 2  # councils whose newest report is searched, in the order their older reports were found


def newest_reports_missing(hits: list[Hit], filters: Filters, docs: Mapping[str, DocMeta]) -> list[str]:
    """The newest indexed inspection report (within ``filters``) of each council that has an older report among
    ``hits`` and its newest nowhere among them."""
    found = {h.paragraph.doc for h in hits}
    oldest_found: dict[str, str] = {}  # each council's oldest report among the hits, councils in order found
    for h in hits:
        if h.meta.doc_type == INSPECTION and h.meta.org_slug:
            slug = h.meta.org_slug
            oldest_found[slug] = min(oldest_found.get(slug, h.meta.date or ""), h.meta.date or "")
    missing: list[str] = []
    for slug, oldest in oldest_found.items():
        reports = [m for m in docs.values() if m.doc_type == INSPECTION and m.org_slug == slug and filters.admits(m)]
        newest = max(reports, key=lambda m: m.date or "", default=None)
        if newest is not None and (newest.date or "") > oldest and newest.doc not in found:
            missing.append(newest.doc)
    return missing[:MAX_COUNCILS]


def with_newest_report_hits(retriever: Retriever, question: str, filters: Filters, implied: Implied | None,
                            hits: list[Hit], qvec: np.ndarray | None, mode: str = "hybrid") -> list[Hit]:
    """``hits`` followed by the best paragraphs of each newest report missing from them (newest_reports_missing),
    ranked after them."""
    extra: list[Hit] = []
    for doc in newest_reports_missing(hits, filters, retriever.data.docs):
        within = dataclasses.replace(filters, docs=[doc])
        extra += retriever.search(question, within, k=PER_REPORT, implied=implied, mode=mode, qvec=qvec)
    return hits + [dataclasses.replace(h, rank=len(hits) + i) for i, h in enumerate(extra, start=1)]


TABLE_AT = 2  # where a report's judgement table goes among the hits of a grade question narrowed to that report


def with_judgement_table(retriever: Retriever, filters: Filters, hits: list[Hit]) -> list[Hit]:
    """"How was Medway's adoption performance judged in its 2015 inspection?": when the filters admit one council's
    single inspection report, its page-1 judgement table (a paragraph of kind "table") is among the first hits. A
    table of short graded lines ranks far below the report's prose on the same words (15th and 40th in the older
    reports whose headline and grades it holds), yet its line is the answer."""
    data = retriever.data
    reports = [m for m in data.docs.values() if m.doc_type == INSPECTION and filters.admits(m)]
    if len(reports) != 1:
        return hits
    doc = reports[0].doc
    rows = [int(r) for r in data.rows_by_doc().get(doc, [])[:12]
            if data.paragraphs[int(r)].kind == "table" and data.paragraphs[int(r)].page_start == 1]
    if not rows or any(h.row in rows for h in hits[:TABLE_AT + 1]):
        return hits
    kept = [h for h in hits if h.row != rows[0]]
    table = Hit(paragraph=data.paragraphs[rows[0]], meta=reports[0], score=0.0, rank=TABLE_AT + 1, row=rows[0])
    out = kept[:TABLE_AT] + [table] + kept[TABLE_AT:]
    return [dataclasses.replace(h, rank=i) for i, h in enumerate(out, start=1)]
