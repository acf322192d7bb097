"""A council's newest inspection report searched on its own for a question about how things are now."""

from __future__ import annotations

import numpy as np

from assistant.index.store import IndexData
from assistant.query.filters import Filters
from assistant.query.implied import Implied
from assistant.records import DocMeta, Paragraph
from assistant.retrieve.hybrid import Retriever
from assistant.retrieve.newest import newest_reports_missing, with_newest_report_hits

_REPORTS = [("m15.pdf", "medway", "2015-11-27"), ("m23.pdf", "medway", "2023-09-11"),
            ("k17.pdf", "kent", "2017-06-13"), ("k26.pdf", "kent", "2026-02-02"), ("c.pdf", "kent", "2025-01-30")]


def _retriever() -> Retriever:
    docs = {d: DocMeta(doc=d, title=d, organisation=slug.title(), org_slug=slug, date=date,
                       doc_type="committee-report" if d == "c.pdf" else "ofsted-inspection")
            for d, slug, date in _REPORTS}
    paras = [Paragraph(id=f"{d}{i}", doc=d, ordinal=i, text=f"Early help in {d} {i}.") for d, *_ in _REPORTS
             for i in range(4)]

    class Scores:  # the older reports' paragraphs score highest, the newest reports' lowest
        def scores(self, query, extra=None):
            order = {"m15.pdf": 5.0, "k17.pdf": 4.0, "c.pdf": 3.0, "m23.pdf": 2.0, "k26.pdf": 1.0}
            return np.array([order[p.doc] - p.ordinal / 10 for p in paras], dtype=np.float32)

    return Retriever(IndexData(docs=docs, paragraphs=paras), keyword=Scores(), dense=None)


def test_newest_reports_missing__each_council_with_only_older_reports_found_and_within_the_filters():
    r = _retriever()
    hits = r.search("Is early help good?", Filters(), k=6, mode="keyword")
    assert {h.paragraph.doc for h in hits} == {"m15.pdf", "k17.pdf"}
    assert newest_reports_missing(hits, Filters(), r.data.docs) == ["m23.pdf", "k26.pdf"]
    assert newest_reports_missing(hits, Filters(until="2020-01-01"), r.data.docs) == []  # nothing newer admitted
    assert newest_reports_missing(hits, Filters(orgs=["kent"]), r.data.docs) == ["k26.pdf"]
    committee_only = [h for h in r.search("x", Filters(docs=["c.pdf"]), k=3, mode="keyword")]
    assert newest_reports_missing(committee_only, Filters(), r.data.docs) == []  # a committee paper is no report


def test_with_newest_report_hits__the_newest_reports_best_paragraphs_follow_the_hits_ranked_after_them():
    r = _retriever()
    medway = Filters(orgs=["medway"])
    hits = r.search("Is early help good in Medway?", medway, k=3, mode="keyword")
    got = with_newest_report_hits(r, "Is early help good in Medway?", medway, Implied(orgs=["medway"]), hits, None,
                                  "keyword")
    assert [h.paragraph.id for h in got] == ["m15.pdf0", "m15.pdf1", "m15.pdf2", "m23.pdf0", "m23.pdf1"]
    assert [h.rank for h in got] == [1, 2, 3, 4, 5]
    newest = r.search("x", Filters(docs=["m23.pdf", "m15.pdf"]), k=8, mode="keyword")  # both found: nothing added
    assert with_newest_report_hits(r, "x", medway, None, newest, None, "keyword") == newest


def test_with_judgement_table__the_one_report_a_grade_question_is_narrowed_to_gives_its_table_early():
    from assistant.retrieve.newest import TABLE_AT, with_judgement_table

    r = _retriever()
    table = Paragraph(id="m15t", doc="m15.pdf", ordinal=4, text="Children's services in Medway require improvement "
                      "to be good\n2.1 Adoption performance: Requires improvement", kind="table", page_start=1)
    r.data.paragraphs.append(table)
    r.data.paragraph_docs = None
    r.data._rows_by_doc = None
    medway_2015 = Filters(orgs=["medway"], since="2015-01-01", until="2015-12-31")
    hits = r.search("How was adoption performance judged?", medway_2015, k=6, mode="keyword")
    assert all(h.paragraph.id != "m15t" for h in hits[:TABLE_AT + 1])  # ranked below the report's prose
    got = with_judgement_table(r, medway_2015, hits)
    assert got[TABLE_AT].paragraph.id == "m15t" and [h.rank for h in got] == list(range(1, len(got) + 1))
    assert len(got) == len(hits) + (not any(h.paragraph.id == "m15t" for h in hits))
    # two reports admitted (no year asked): left as retrieval ranked them
    both = r.search("How was adoption performance judged?", Filters(orgs=["medway"]), k=6, mode="keyword")
    assert with_judgement_table(r, Filters(orgs=["medway"]), both) == both
