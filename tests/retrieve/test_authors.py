"""A paper's author or contact block fetched for a question asking who wrote the paper retrieval found, or whom to
contact about it (retrieve/authors.py, answer/people.py), on small texts and on Kent's committee reports."""

from __future__ import annotations

import numpy as np

from assistant.answer.people import author_asked, author_block, authors_quoted, names_author
from assistant.index.store import IndexData
from assistant.parse.paragraphs import parse_paragraphs
from assistant.query.filters import Filters
from assistant.records import DocMeta, Paragraph
from assistant.retrieve.authors import with_author_block
from assistant.retrieve.hybrid import Retriever
from tests.conftest import corpus_file


def test_author_asked__who_wrote_a_paper_or_whom_to_contact_not_who_presented_it():
    assert author_asked("Who wrote the ICS delivery plan report?") == "author"
    assert author_asked("who is the author of the family hubs report?") == "author"
    assert author_asked("Which officer prepared the budget report?") == "author"
    assert author_asked("Who is the contact officer for the quarterly performance report?") == "contact"
    assert author_asked("who should I contact about the governance update?") == "contact"
    assert author_asked("Who is the report author?") == "author"
    assert author_asked("What is the name of the contact officer for the report?") == "contact"
    assert author_asked("Who presented the ICS delivery plan report?") is None
    assert author_asked("Who wrote to the Secretary of State about the grant?") is None  # a letter sent
    assert author_asked("Who prepared for the inspection?") is None
    assert author_asked("Who do parents contact out of hours?") is None  # a service, not a paper's officer
    assert author_asked("Who has contact with children in care?") is None
    assert author_asked("How many contact officers are there?") is None
    # a meeting's contact is its summons' "Ask for: …", not the contact block of a paper on its agenda
    assert author_asked("Who is the contact officer for the Cabinet meeting on 4 March 2025?") is None
    assert author_asked("Who is responsible for the plan?") is None


def test_author_block__a_label_then_a_name_as_a_reports_last_page_prints_it():
    assert author_block("Report Author: Ben Sherreard")
    assert author_block("Author Dr Mike Gogarty Interim Strategic Lead for Public Health Mike.gogarty@x.gov.uk "
                        "Relevant Director Dr Anjan Ghosh")
    assert author_block("Report Author Nick Abrahams Assistant Director Education – West Kent")
    # a column of labels before the names: "Report Author Relevant Director Joe McKay …"
    assert author_block("Report Author Relevant Director Joe McKay Acting Chief Accountant 03000 419601")
    # a contact block answers whom to contact, not who wrote it; an author block answers both
    assert author_block("4. Contact details Matthew Wagner Chief Analyst", "contact")
    assert not author_block("4. Contact details Matthew Wagner Chief Analyst")
    assert author_block("Lead officer contact Lee Anne Farach, Assistant Director", "contact")
    assert author_block("Report Author: Ben Sherreard", "contact")
    # not the sponsors, nor prose that mentions an author or contact details
    assert not author_block("From: Roger Gough, Leader, Dr Anjan Ghosh, Director of Public Health")
    assert not author_block("It was agreed with the author of the review, Mr Smith, that the plan would change.")
    assert not author_block("all communication is accessible and gives contact details of their social care "
                            "worker", "contact")


def test_names_author__the_block_answers_who_wrote_it_and_leads_over_the_from_line():
    q = "Who wrote the budget monitoring report?"
    quoted = ["From: Peter Oakford, Deputy Leader", "Report Author Relevant Director Joe McKay Acting Chief "
              "Accountant"]
    assert names_author(quoted[1], q) and not names_author(quoted[0], q)
    assert authors_quoted(q, quoted) == {1}
    assert authors_quoted("What does the budget monitoring report say?", quoted) == set()


_PAPERS = {"ics.pdf": [("1. Introduction", "1.1 The delivery plan curates the activity across directorates."),
                       ("1. Introduction", "1.2 The plan was agreed by the Corporate Management Team."),
                       (None, "From: Roger Gough, Leader, Dr Anjan Ghosh, Director of Public Health"),
                       ("Author Dr Mike Gogarty Interim Strategic Lead for Public Health",
                        "Relevant Director Dr Anjan Ghosh Director of Public Health")],
           "hubs.pdf": [("1. Summary", "1.1 The delivery plan for family hubs sets out the contracts."),
                        ("16. Contact details", "Report Author: Ben Sherreard")]}


def _retriever() -> Retriever:
    docs = {d: DocMeta(doc=d, title=d, organisation="Kent", org_slug="kent", date="2025-01-30",
                       doc_type="committee-report") for d in _PAPERS}
    paras = [Paragraph(id=f"{d}{i}", doc=d, ordinal=i, heading=h, text=t)
             for d, rows in _PAPERS.items() for i, (h, t) in enumerate(rows)]

    class Scores:  # the report's prose first, its author block last
        def scores(self, query, extra=None):
            return np.array([3.0 if "plan" in p.text else 1.0 if "From" in p.text else 0.1 for p in paras],
                            dtype=np.float32)

    return Retriever(IndexData(docs=docs, paragraphs=paras), keyword=Scores(), dense=None)


def test_with_author_block__the_papers_author_block_comes_first_quoted_with_its_heading():
    r = _retriever()
    q = "Who wrote the ICS delivery plan report?"
    hits = r.search(q, Filters(docs=["ics.pdf"]), k=3, mode="keyword")
    assert all("Gogarty" not in f"{h.paragraph.heading} {h.paragraph.text}" for h in hits)  # search never finds it
    got = with_author_block(r, q, hits)
    assert got[0].paragraph.id == "ics.pdf3" and [h.rank for h in got] == list(range(1, len(got) + 1))
    # the parser filed the label and name as the heading: quoted with the lines below it
    assert got[0].paragraph.text.startswith("Author Dr Mike Gogarty Interim Strategic Lead")
    assert [h.paragraph.id for h in got[1:]] == [h.paragraph.id for h in hits]
    # a block already labelled in its own text is quoted as it is; each paper found (in order) gives its own
    both = r.search(q, Filters(), k=4, mode="keyword")
    got = with_author_block(r, q, both)
    assert {h.paragraph.id for h in got[:2]} == {"ics.pdf3", "hubs.pdf1"}
    assert next(h for h in got if h.paragraph.id == "hubs.pdf1").paragraph.text == "Report Author: Ben Sherreard"
    # any other question: the hits as retrieval ranked them
    assert with_author_block(r, "Who presented the ICS delivery plan report?", hits) == hits


def test_kent_reports_author_blocks_are_found_for_an_author_question():
    from assistant.ingest.extract import extract

    for rel, name in (("committee/kent-cc_cabinet_2025-01-30_integrated-care-strategy-delivery-plan-report.pdf",
                       "Gogarty"),
                      ("committee/kent-cc_county-council_2025-03-13_family-hubs-decision-report-24-00093.pdf",
                       "Sherreard"),
                      ("committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-2025-29-report.pdf",
                       "Abrahams")):
        path = corpus_file(rel)
        paragraphs, _ = parse_paragraphs(extract(path), path.name, "sha")
        docs = {path.name: DocMeta(doc=path.name, title=path.name, organisation="Kent", org_slug="kent",
                                   doc_type="committee-report")}

        class Scores:
            def scores(self, query, extra=None):
                return np.linspace(1.0, 0.0, len(paragraphs), dtype=np.float32)

        r = Retriever(IndexData(docs=docs, paragraphs=paragraphs), keyword=Scores(), dense=None)
        q = "Who wrote the report?"
        got = with_author_block(r, q, r.search(q, Filters(), k=5, mode="keyword"))
        assert name in got[0].paragraph.text and names_author(got[0].paragraph.text, q), rel


def test_the_real_index_gives_each_kent_reports_author_block_for_an_author_question():
    """On the whole-corpus index (SCRUTINY_INDEX, or the repository's .cache/corpus-index; skipped where absent):
    the report's own author block, which the parser filed under a heading, comes first."""
    import os
    from pathlib import Path

    import pytest

    from assistant.index.store import live_version, load_index

    where = Path(os.environ.get("SCRUTINY_INDEX", Path(__file__).resolve().parents[2] / ".cache" / "corpus-index"))
    if live_version(where) is None:
        pytest.skip(f"needs a whole-corpus index at {where}")
    data = load_index(where, with_vectors=False)
    doc = next((d for d in data.docs if "integrated-care-strategy-delivery-plan-report" in d), None)
    if doc is None:
        pytest.skip("the index holds no ICS delivery plan report")
    rows = [int(r) for r in data.rows_by_doc()[doc]]

    class Scores:  # the report's opening paragraphs first, as search ranks them
        def scores(self, query, extra=None):
            out = np.zeros(len(data.paragraphs), dtype=np.float32)
            out[rows] = np.linspace(1.0, 0.5, len(rows))
            return out

    r = Retriever(data, keyword=Scores(), dense=None)
    q = "Who wrote the ICS delivery plan report?"
    got = with_author_block(r, q, r.search(q, Filters(docs=[doc]), k=5, mode="keyword"))
    assert got[0].paragraph.text.startswith("Author Dr Mike Gogarty") and names_author(got[0].paragraph.text, q)
