"""All tracker records of one document, or of a whole index, in document order."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from ..records import DocMeta, Paragraph
from .commitments import COMMITTEE_TYPES, extract_commitments
from .decisions import extract_decisions
from .findings import extract_findings
from .items import TrackRecord

EXTRACTOR_VERSION = "63"


def extract_records(meta: DocMeta, paragraphs: Iterable[Paragraph]) -> list[TrackRecord]:
    paragraphs = sorted(paragraphs, key=lambda p: p.ordinal)
    found = extract_findings(meta, paragraphs)
    finding_ids = {r.paragraph_id for r in found if r.kind in ("finding", "improvement_item")}
    decided: set[str] = set()
    ref: str | None = None  # a paper about one decision: its recommendations are on that decision's trail
    if meta.doc_type in COMMITTEE_TYPES:
        decisions, decided, ref = extract_decisions(meta, paragraphs)
        found += decisions
    # a committee paragraph relaying an inspector's finding is a finding, not the council's own commitment;
    # a paragraph read as a decision (or a resolution's recommendation) is not read again
    found += [dataclasses.replace(r, ref=ref) if ref and r.kind == "recommendation" and not r.ref else r
              for r in extract_commitments(meta, paragraphs, skip=decided)
              if not (r.kind == "commitment" and r.paragraph_id in finding_ids)]
    order = {p.id: p.ordinal for p in paragraphs}
    return sorted(found, key=lambda r: order.get(r.paragraph_id, 0))


def extract_all(docs: dict[str, DocMeta], paragraphs: Iterable[Paragraph]) -> list[TrackRecord]:
    by_doc: dict[str, list[Paragraph]] = {}
    for p in paragraphs:
        by_doc.setdefault(p.doc, []).append(p)
    out: list[TrackRecord] = []
    for doc, paras in by_doc.items():
        if doc in docs:
            out.extend(extract_records(docs[doc], paras))
    return out
