"""A report's finding cited beside the item of its list of what needs to improve on the same area, for a question
that does not ask what must improve (answer/selection.py): text of Central Bedfordshire's 2025 inspection report."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from assistant.answer.config import AnswerConfig
from assistant.answer.selection import abbreviations, pick_paragraphs, unfilled_field, words
from assistant.query.implied import Implied
from assistant.records import DocMeta, Hit, Paragraph

ITEM = ("• The effectiveness of the emergency duty team (EDT) in supporting children at night and at weekends. "
        "(outcome three, national framework)")
FINDING = ("6. The EDT responds appropriately to most requests for support out of hours and social workers attend "
           "strategy meetings with police colleagues when required.")
OTHER = "1. Services for children who need help and protection in Central Bedfordshire are strong."
CARERS = "15. Services to children who are young carers are well developed in Central Bedfordshire."
IMPLIED = Implied(orgs=["central-bedfordshire"], org_names=["Central Bedfordshire"])


def hit(text, para, rank, score, heading="The experiences and progress of children who need help and protection: good",
        doc="central-bedfordshire_ofsted.pdf"):
    m = DocMeta(doc=doc, title="Inspection of Central Bedfordshire children's services",
                organisation="Central Bedfordshire", org_slug="central-bedfordshire", doc_type="ofsted-inspection",
                date="2025-04-24")
    p = Paragraph(id=f"{doc}-{para}-{rank}", doc=doc, ordinal=rank, text=text, para=para, page_start=3, page_end=3,
                  heading=heading)
    return Hit(paragraph=p, meta=m, score=score, rank=rank, dense=0.55, keyword=1.0)


def candidates():
    item = hit(ITEM, None, 1, 6.6, heading="What needs to improve?")
    # (scores as found: the item restates the question's words, and so scores far above the finding)
    return [item, hit(FINDING, "6", 2, 2.8), hit(OTHER, "1", 3, 2.5), hit(CARERS, "15", 4, 2.0)], \
        [0.78, 0.52, 0.64, 0.58]


def scored(hits, scores):
    return {h.paragraph.id: ([h.paragraph.text], np.array([s], dtype=np.float32)) for h, s in zip(hits, scores)}


def test_abbreviations__the_short_form_a_report_gives_the_questions_words():
    topic = words("What did inspectors find about the emergency duty team?")
    assert abbreviations(ITEM, topic) == words("EDT")
    assert abbreviations(ITEM, words("What did inspectors find about the emergency team?")) == set()  # not all its
    assert abbreviations("the local authority designated officer (LADO) service", topic) == set()  # words


def test_pick_paragraphs__the_finding_on_an_improvement_items_area_is_cited_beside_it():
    hits, scores = candidates()
    q = "What did inspectors find about the emergency duty team in Central Bedfordshire?"
    chosen = pick_paragraphs(q, hits, IMPLIED, AnswerConfig(), scored(hits, scores))
    assert [h.paragraph.para for h in chosen] == [None, "6"]  # not the report's other findings


def test_pick_paragraphs__not_when_what_must_improve_is_asked_nor_a_finding_on_another_area():
    hits, scores = candidates()
    q = "What does Central Bedfordshire need to improve about its emergency duty team?"
    assert [h.paragraph.para for h in pick_paragraphs(q, hits, IMPLIED, AnswerConfig(), scored(hits, scores))] == [None]
    # the best finding is on another area: nothing is added
    hits[1] = replace(hits[1], paragraph=replace(hits[1].paragraph, text=CARERS.replace("15.", "16.")))
    q = "What did inspectors find about the emergency duty team in Central Bedfordshire?"
    assert [h.paragraph.para for h in pick_paragraphs(q, hits, IMPLIED, AnswerConfig(), scored(hits, scores))] == [None]


def paper(text, para, rank, heading="", kind="text", doc="kent-cc_cabinet_2025-01-30_sis-dpia-screening.pdf"):
    m = DocMeta(doc=doc, title="Strengthening independence service DPIA screening", organisation="Kent County Council",
                org_slug="kent", doc_type="committee-report", date="2025-01-30", committee="Cabinet")
    p = Paragraph(id=f"{doc}-{para}-{rank}", doc=doc, ordinal=rank, text=text, para=para, page_start=2, page_end=2,
                  heading=heading, kind=kind)
    return Hit(paragraph=p, meta=m, score=1.0 - rank * 0.01, rank=rank, dense=0.6, keyword=1.0)


def test_pick_paragraphs__a_forms_field_without_its_value_is_not_cited():
    # text of Kent's DPIA screening for the Strengthening Independence Service (Cabinet, 30 January 2025)
    field = paper("8 If Yes - Is this DPIA a proposal for a new deployment, or the expansion of an existing "
                  "surveillance system?", None, 1)
    answer = paper("To facilitate the changes, HR Oracle will need to be amended for staff and the Strengthening "
                   "Independence Service (SIS) who currently uses the systems LAS and Liberi will have to transfer "
                   "over to Mosaic.", None, 2)
    label = paper("DPIA Project Information Title:", None, 3, kind="front-matter")
    filled = paper("3 Is this project a change to an existing process, or is it a new processing activity? New "
                   "processing activity", "3", 4)
    q = "Which case management systems does the Strengthening Independence Service use, according to the DPIA?"
    hits = [field, answer, label, filled]
    chosen = pick_paragraphs(q, hits, None, AnswerConfig(min_dense=0.0), scored(hits, [0.67, 0.77, 0.62, 0.61]))
    assert answer in chosen and field not in chosen and label not in chosen
    assert not unfilled_field(filled)  # a field with its value is one
    # alone, the field is cited
    assert pick_paragraphs(q, [field], None, AnswerConfig(), scored([field], [0.67])) == [field]


def test_pick_paragraphs__a_papers_list_of_background_documents_is_not_cited_unless_documents_are_asked_about():
    # text of Kent's Education Provision Commissioning Plan report (Cabinet, 30 January 2025)
    doc = "kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-2025-29-report.pdf"
    said = paper("3.2 The Plan sets out the future need for education provision in Kent for children and young people "
                 "with special educational needs and disabilities.", "3.2", 1, doc=doc)
    listed = paper("10.2 Kent’s Strategy for Children and Young People with Special Educational Needs and "
                   "Disabilities 2021-2024 https://www.kent.gov.uk/__data/assets/pdf_file/0012/13323/"
                   "Strategy-for-children-with-special-educational-needs-and-disabilities.pdf", "10.2", 2,
                   heading="10. Background Documents", doc=doc)
    hits = [said, listed]
    q = "What does the Commissioning Plan say about provision for children with special educational needs?"
    got = pick_paragraphs(q, hits, None, AnswerConfig(min_dense=0.0), scored(hits, [0.8, 0.75]))
    assert [h.paragraph.para for h in got] == ["3.2"]
    q = "Which background documents does the Commissioning Plan report list on special educational needs?"
    got = pick_paragraphs(q, hits, None, AnswerConfig(min_dense=0.0), scored(hits, [0.8, 0.75]))
    assert [h.paragraph.para for h in got] == ["3.2", "10.2"]


def test_pick_paragraphs__a_finding_sharing_only_the_items_common_word_is_not_cited_beside_it():
    # text of Manchester's 2025 inspection report: the item's area is neglect, not any "response"
    item = hit("• The identification and response to neglect. (outcome 3: national framework)", None, 1, 8.0,
               heading="What needs to improve?", doc="manchester_ofsted.pdf")
    other = hit("26. Children in care receive an effective safeguarding response. This includes those children who go "
                "missing or who are at risk of harm outside the family.", "26", 2, 3.0, doc="manchester_ofsted.pdf")
    found = hit("12. For some children who experience neglectful care, assessments and plans consider and reduce risk. "
                "Supervision does not always help social workers to consider the impact of ongoing neglect.", "12", 3,
                2.9, doc="manchester_ofsted.pdf")
    implied = Implied(orgs=["manchester"], org_names=["Manchester"])
    q = "What did Ofsted find about Manchester's response to neglect?"
    hits = [item, other, found]
    chosen = pick_paragraphs(q, hits, implied, AnswerConfig(), scored(hits, [0.9, 0.5, 0.5]))
    assert [h.paragraph.para for h in chosen] == [None, "12"]
