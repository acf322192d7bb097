"""What members of a council body said about a subject, from their own record (text/speakers.py,
retrieve/speakers.py), on sentences of Kent's committee papers and on the scrutiny call-in report itself."""

from __future__ import annotations

import numpy as np

from assistant.index.store import IndexData
from assistant.parse.paragraphs import parse_paragraphs
from assistant.query.filters import Filters
from assistant.records import DocMeta, Paragraph
from assistant.retrieve.hybrid import Retriever
from assistant.retrieve.speakers import with_members_record
from assistant.text.speakers import attributed, body_asked
from tests.conftest import corpus_file


def test_body_asked__what_members_said_raised_or_asked_not_what_a_paper_says():
    assert body_asked("What concerns did scrutiny members raise about the equality impact assessment?")
    assert body_asked("What did members say about the budget at the meeting?")
    assert body_asked("What concern did members of the Corporate Parenting Panel raise about foster care?")
    assert body_asked("What questions were asked by the committee about the contracts?")
    assert not body_asked("What does the equality impact assessment say about age?")
    assert not body_asked("How many members sit on the committee?")
    assert not body_asked("When did the Scrutiny Committee meet to consider the call-in?")


def test_attributed__a_minutes_or_scrutiny_papers_record_of_members_words():
    # Kent's scrutiny call-in reports and Corporate Parenting Panel minutes
    assert attributed("c. Members raised concerns about the financial analysis, including the lack of funding plans "
                      "and lack of detailed costings for alternative service provisions.")
    assert attributed("a. A Member questioned how far geographically the service reached.")
    assert attributed("i. Concerns over accuracy of the EqIA", "Comments from the Scrutiny Committee")
    # a paper asking members to decide, or an officer's account of the subject, is not their words
    assert not attributed("9.6 Members are asked to consider the Equalities Impacts on residents with protected "
                          "characteristics")
    assert not attributed("9.1 An initial Equalities Impact Assessment (EqIA) was undertaken in advance of the "
                          "consultation.", "9. EQUALITIES IMPLICATIONS")


_PAPERS = {
    "eqia.pdf": [("Public Consultation", "A consultation version of the Equalities Impact Assessment was also "
                  "provided for review during the consultation and feedback was sought from respondents."),
                 ("Equalities", "9.6 Members are asked to consider the Equalities Impacts on residents."),
                 ("Consultation Feedback", "Of the specific issues linked to equalities that were identified by "
                  "respondents, impact on children (14%) and accessibility (10%) were most commonly raised; the "
                  "Equalities Impact Assessment sets them out."),
                 ("Sex", "The Equalities Impact Assessment found that the consultees were 64% female.")],
    "call-in.pdf": [("Comments from the Scrutiny Committee", "11. Comments expressed during the debate are "
                     "summarised below (these represent the views put forward by Members of the Committee):"),
                    ("Comments from the Scrutiny Committee", "c. Members raised concerns about the financial "
                     "analysis, including the lack of funding plans."),
                    ("Comments from the Scrutiny Committee", "i. Concerns over accuracy of the EqIA")]}


def _retriever(papers) -> Retriever:
    docs = {d: DocMeta(doc=d, title=f"Family hubs {d[:-4]}", organisation="Kent", org_slug="kent",
                       date="2025-03-13", doc_type="committee-report") for d in papers}
    paras = [Paragraph(id=f"{d}{i}", doc=d, ordinal=i, heading=h, text=t)
             for d, rows in papers.items() for i, (h, t) in enumerate(rows)]

    class Scores:  # the assessment's own words first
        def scores(self, query, extra=None):
            return np.array([3.0 if "Equalities Impact" in p.text else 0.1 for p in paras], dtype=np.float32)

    return Retriever(IndexData(docs=docs, paragraphs=paras), keyword=Scores(), dense=None)


def test_with_members_record__their_record_on_the_subject_comes_first():
    r = _retriever(_PAPERS)
    q = "What concerns did scrutiny members raise about the equality impact assessment for the family hubs?"
    hits = r.search(q, Filters(), k=4, mode="keyword")
    assert {h.paragraph.doc for h in hits[:3]} == {"eqia.pdf"}  # search finds the subject's own paper first
    got = with_members_record(r, q, hits, None)
    # the item naming the assessment (by its abbreviation, spelt out as the glossary does) leads; the one on the
    # finances prints nothing of the subject but the paper's title and stays out of the lead
    assert got[0].paragraph.id == "call-in.pdf2" and [h.rank for h in got] == list(range(1, len(got) + 1))
    assert "call-in.pdf1" not in [h.paragraph.id for h in got[:1]]
    # a question not asking what members said, or filters leaving the record out: the hits as ranked
    assert with_members_record(r, "What does the equality impact assessment say about the family hubs?", hits,
                               None) == hits
    assert with_members_record(r, q, hits, r.allowed_rows(Filters(docs=["eqia.pdf"]))) == hits
    # search found their record already among its first hits: answered from it, as ranked
    assert with_members_record(r, q, got, None) == got


def test_kent_scrutiny_call_in_report_gives_members_concern_on_the_eqia():
    from assistant.ingest.extract import extract

    path = corpus_file("committee/kent-cc_county-council_2025-03-13_scrutiny-call-in-family-hubs-report-to-county-"
                       "council.pdf")
    paragraphs, _ = parse_paragraphs(extract(path), path.name, "sha")
    docs = {path.name: DocMeta(doc=path.name, title="Scrutiny call-in: Family Hubs", organisation="Kent",
                               org_slug="kent", doc_type="committee-report")}

    class Scores:
        def scores(self, query, extra=None):
            return np.linspace(1.0, 0.0, len(paragraphs), dtype=np.float32)

    r = Retriever(IndexData(docs=docs, paragraphs=paragraphs), keyword=Scores(), dense=None)
    q = "What concerns did scrutiny members raise about the equality impact assessment for the family hubs decision?"
    got = with_members_record(r, q, r.search(q, Filters(), k=5, mode="keyword"), None)
    assert "EqIA" in got[0].paragraph.text and got[0].paragraph.heading == "Comments from the Scrutiny Committee"


def test_with_members_record__the_records_read_are_those_of_the_index_version_asked(tmp_path):
    from pathlib import Path

    q = "What concerns did scrutiny members raise about the equality impact assessment for the family hubs?"
    old = _retriever(_PAPERS)
    old.data.path = Path(tmp_path / "v-1")
    assert with_members_record(old, q, old.search(q, Filters(), k=4, mode="keyword"), None)[0].paragraph.id \
        == "call-in.pdf2"
    # the index rebuilt without the scrutiny committee's comments (a new version folder): its records are read
    # again, not the last version's remembered
    rebuilt = _retriever({"eqia.pdf": _PAPERS["eqia.pdf"]})
    rebuilt.data.path = Path(tmp_path / "v-2")
    hits = rebuilt.search(q, Filters(), k=4, mode="keyword")
    assert with_members_record(rebuilt, q, hits, None) == hits
