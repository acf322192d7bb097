"""A sentence's typicality of its document: how close it is to what the whole document says (its sentences' mean
vector), against the document's average; used to keep summaries and stock phrases from leading an answer."""

from __future__ import annotations

import numpy as np

from assistant.index.store import IndexData
from assistant.records import DocMeta, Paragraph


def _data() -> IndexData:
    docs = {d: DocMeta(doc=d, title=d, organisation="X", org_slug="x", doc_type="other") for d in ("a.pdf", "b.pdf")}
    paras = [Paragraph(id=str(i), doc=d, ordinal=o, text=f"p{i}")
             for i, (d, o) in enumerate([("a.pdf", 0), ("a.pdf", 1), ("a.pdf", 2), ("b.pdf", 0)])]
    # document a: two sentences on one subject, one on another, and one between them (its summary); b: one sentence
    s = np.sqrt(0.5)
    sent = np.array([[1, 0, 0], [1, 0, 0], [0, 1, 0], [s, s, 0], [0, 0, 1]], dtype=np.float16)
    start = np.array([0, 2, 3, 4, 5])  # paragraph 0 has two sentences, the others one each
    return IndexData(docs=docs, paragraphs=paras, sentence_vectors=sent, sentence_start=start)


def test_typicality__the_sentence_closest_to_the_whole_document_is_the_most_typical():
    data = _data()
    every = np.concatenate([data.typicality_of(r) for r in range(3)])
    assert len(data.typicality_of(0)) == 2 and every.argmax() == 3  # the summary-like sentence
    assert abs(float(every.mean())) < 1e-3  # measured against the document's own average
    assert every[2] < 0 < every[3]  # the sentence on the subject said least often is the least typical
    assert data.typicality_of(3).tolist() == [0.0]  # a one-sentence document: as typical as its average


def test_typicality__a_paragraph_without_sentence_vectors_gets_none():
    data = _data()
    data.sentence_start = np.array([0, 2, 2, 4, 5])  # paragraph 1 has no stored sentence
    assert len(data.typicality_of(1)) == 0


def test_typicality__the_same_when_a_documents_rows_are_not_consecutive():
    docs = {d: DocMeta(doc=d, title=d, organisation="X", org_slug="x", doc_type="other") for d in ("a.pdf", "b.pdf")}
    order = [("a.pdf", 0), ("b.pdf", 0), ("a.pdf", 1)]  # document b's row between document a's
    paras = [Paragraph(id=str(i), doc=d, ordinal=o, text=f"p{i}") for i, (d, o) in enumerate(order)]
    sent = np.array([[1, 0, 0], [0, 0, 1], [0.8, 0.6, 0]], dtype=np.float16)
    data = IndexData(docs=docs, paragraphs=paras, sentence_vectors=sent, sentence_start=np.arange(4))
    # document a's two sentences are equally far from their mean: both as typical as its average (document b's
    # sentence, counted in, would make both more typical than the average)
    assert np.allclose(data.typicality_of(0), 0, atol=1e-3) and np.allclose(data.typicality_of(2), 0, atol=1e-3)
