"""Shared helpers for the retrieval unit tests."""

from __future__ import annotations

import numpy as np
import pytest


class RecordingKeywordIndex:
    """A keyword side that records each query it is asked to score (to see what retrieval searches for)."""

    def __init__(self) -> None:
        self.queries: list[str] = []

    def scores(self, query, extra=None):
        self.queries.append(query)
        return np.array([1.0, 0.5], dtype=np.float32)


@pytest.fixture
def recording_retriever():
    """recording_retriever(org, slug, texts) -> (a Retriever over one inspection report of those two paragraphs
    with no dense side, its recording keyword index)."""
    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever

    def make(org: str, slug: str, texts: list[str]):
        docs = {"r.pdf": DocMeta(doc="r.pdf", title="r", organisation=org, org_slug=slug,
                                 doc_type="ofsted-inspection")}
        paras = [Paragraph(id=f"p{n}", doc="r.pdf", ordinal=n, text=t) for n, t in enumerate(texts)]
        keyword = RecordingKeywordIndex()
        return Retriever(IndexData(docs=docs, paragraphs=paras), keyword=keyword, dense=None), keyword
    return make
