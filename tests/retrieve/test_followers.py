"""The second stage brings in the paragraph directly after a top candidate when it reads on from it (a table's
narrative line under its "Total" row, a short value, a reply): ranked far below the paragraph before, which holds
the question's words, it would never reach the second stage's candidates alone."""

import numpy as np

from assistant.index.store import IndexData
from assistant.records import DocMeta, Paragraph
from assistant.retrieve.hybrid import Retriever, Weights

# Kent's Strengthening Independence Service EqIA (Cabinet, 30 January 2025): an age table, then the line under it
TOTAL = "Total 330"
UNDER = ("There are 330 young adults in this service who have a current EHCP, and the service they receive from the "
         "SEND service in CYPE will remain the same and will be in line with the 2854 young adults with an ECHP who "
         "are not the SIS 18-25 service.")
DOCS = {"x.pdf": DocMeta(doc="x.pdf", title="x", organisation="X", org_slug="x", doc_type="other")}
Q = np.array([1.0, 0.0], dtype=np.float32)
# paragraph 2 (the line under the table) is the closest to the question by its sentence
SENT = np.array([[0.5, 0.866], [0.3, 0.95], [1.0, 0.0], [0.45, 0.89], [0.2, 0.98]], dtype=np.float16)
FUSED = {1: 5.0, 0: 4.0, 3: 3.0, 4: 1.0, 2: 0.5}


def _retriever(before_kind: str, follow_depth: int = 1) -> Retriever:
    texts = ["Age of young adults in the service.", TOTAL, UNDER, "Staff were thanked.", "Opening remarks."]
    paras = [Paragraph(id=str(i), doc="x.pdf", ordinal=i, text=t, kind=before_kind if i == 1 else "text")
             for i, t in enumerate(texts)]
    data = IndexData(docs=DOCS, paragraphs=paras, sentence_vectors=SENT, sentence_start=np.arange(6))
    return Retriever(data, keyword=None, dense=None, weights=Weights(rerank_depth=3, follow_depth=follow_depth))


def test_the_line_under_a_top_candidate_table_row_joins_the_second_stage():
    r = _retriever("table-row")
    assert r._reads_on(2)
    assert r._second_stage([1, 0, 3, 4, 2], Q, fused=FUSED).index(2) < 3


def test_without_following_it_stays_where_the_first_stage_put_it():
    assert _retriever("table-row", follow_depth=0)._second_stage([1, 0, 3, 4, 2], Q, fused=FUSED)[3:] == [4, 2]


def test_a_paragraph_that_stands_alone_is_not_brought_in():
    r = _retriever("text")  # a long sentence after a sentence, opening on nothing that points back
    assert not r._reads_on(2)
    assert r._second_stage([1, 0, 3, 4, 2], Q, fused=FUSED)[3:] == [4, 2]


def test_short_paragraphs_and_those_pointing_back_read_on():
    # Kent's section 25 assurance statement (County Council, 13 February 2025) and a vote's count
    texts = ["The level of forecast overspend for 2024-25 poses a significant risk to the council's reserves and "
             "financial sustainability.",
             "These cost increases amount to a significant additional revenue spending requirement on core funded "
             "activities of £151.2m (10.6%). This is significantly more than the 6.3% increase in funding.",
             "For (39) Against (12)"]
    paras = [Paragraph(id=str(i), doc="x.pdf", ordinal=i, text=t) for i, t in enumerate(texts)]
    r = Retriever(IndexData(docs=DOCS, paragraphs=paras), keyword=None, dense=None)
    assert r._reads_on(1) and r._reads_on(2)
    assert not r._reads_on(0)  # the first of its document
