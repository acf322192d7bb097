"""A section's byline ("Cabinet Member …" / "Corporate Director …"), a lead-in after a table ("SEND Commissioning
Intentions:") and a form's questions with their answers ("… use? Yes"), each a paragraph of its own or the heading of
what follows (parse/segment.py), on small texts and on Kent's committee papers."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.document import ExtractedDoc
from assistant.ingest.extract import extract
from assistant.parse.paragraphs import parse_paragraphs
from tests.conftest import corpus_file

def _parse(pages: list[list[str]], beside: list[frozenset[int]] | None = None):
    doc = ExtractedDoc(path=Path("form.pdf"), pages=pages, paged=True, beside=beside or [])
    paragraphs, _ = parse_paragraphs(doc, "form.pdf", "sha")
    return paragraphs


def _words(paragraphs) -> set[str]:
    return {w for p in paragraphs for w in f"{p.text} {p.heading or ''}".split()}


def test_byline_at_a_sections_end_is_its_own_paragraph():
    lines = ["Customer Services", "",
             "Further progress has been made in clearing a backlog of complaints which had been",
             "over the target period, and work continues to improve timeliness whenever it can.",
             "Cabinet Member Jane Smith", "Corporate Director John Brown"]
    ps = _parse([lines])
    assert ps[-1].text == "Cabinet Member Jane Smith Corporate Director John Brown"
    assert not any("Jane" in p.text for p in ps[:-1])


def test_section_title_over_its_byline_heads_the_section_and_the_byline_is_a_paragraph():
    page1 = ["", "Data Protection Act Subject Access requests responded to – by Quarter as printed here in full"]
    page2 = ["", "Growth and Communities", "Cabinet Members Ann Lee, Bob Stone", "Corporate Director Sam Hill", "",
             "Support for Business",
             "The council continued to use funds from the Regional Growth Fund to create and sustain employment",
             "opportunities across the county, with a net decrease of jobs since the previous quarter."]
    ps = _parse([page1, page2])
    byline = next(p for p in ps if "Ann Lee" in p.text)
    assert byline.text == "Cabinet Members Ann Lee, Bob Stone Corporate Director Sam Hill"
    assert byline.heading == "Growth and Communities"
    assert ps[0].text.endswith("as printed here in full")  # the chart title above keeps its own text
    assert "Growth" not in ps[0].text


def test_a_single_role_line_is_no_byline():
    lines = ["Report author", "Jane Smith", "Assistant Director North Kent Area", "Telephone 03000 000000"]
    ps = _parse([lines])
    assert len([p for p in ps if "Assistant Director" in p.text]) == 1
    assert any("Assistant Director North Kent Area" in p.text and "Jane Smith" in p.text for p in ps)


def test_questions_and_their_answers_each_one_paragraph():
    lines = ["", "Section B – Evidence",
             "Do you have data related to the protected groups of the people impacted by this activity?", "Yes",
             "It is possible to get the data in a timely and cost effective way?", "Yes",
             "Is there national evidence/data that you can use?", "No",
             "Mitigating actions for Sex", "Not applicable",
             "Responsible Officer for Sex", "Not Applicable"]
    ps = _parse([lines])
    texts = [p.text for p in ps]
    assert "Do you have data related to the protected groups of the people impacted by this activity? Yes" in texts
    assert "It is possible to get the data in a timely and cost effective way? Yes" in texts
    assert "Is there national evidence/data that you can use? No" in texts
    assert "Mitigating actions for Sex Not applicable" in texts
    assert "Responsible Officer for Sex Not Applicable" in texts


def test_a_short_answer_printed_beside_its_prompt_is_no_heading():
    lines = ["", "10. Is it possible to get the data in a", "timely and cost effective way?", "Answer: Yes/No", "N/A",
             "11. Is there national evidence/data", "that you can use?", "Answer: Yes/No", " Yes",
             "12. Have you consulted with stakeholders?"]
    ps = _parse([lines], beside=[frozenset({5, 9})])
    texts = [p.text for p in ps]
    assert "10. Is it possible to get the data in a timely and cost effective way? Answer: Yes/No N/A" in \
        [f"{p.para}. {p.text}" if p.para else p.text for p in ps] or \
        any(t.endswith("cost effective way? Answer: Yes/No N/A") for t in texts)
    assert all(p.heading is None or "Answer" not in p.heading for p in ps)


def test_lead_in_after_a_blank_line_starts_what_follows():
    lines = ["", "Secondary places by year", "2FE 150 Year 7 temp places 0FE 180 Year 7 temp places 10FE",
             "A total of 38FE across the Plan period and up to 810 temporary Year 7 places", "",
             "Special Needs Intentions:", "By 2025-26 By 2026-27", "0 places 440 places"]
    ps = _parse([lines])
    assert not any(p.text.endswith("Intentions:") and "38FE" in p.text for p in ps)
    assert any(p.text.startswith("Special Needs Intentions:") or p.heading == "Special Needs Intentions" for p in ps)


def test_a_sentence_going_on_after_a_blank_line_is_no_lead_in():
    lines = ["", "The council has consulted widely on the proposals set out in this report, and has agreed the",
             "", "Terms of Reference:", "for the new board."]
    ps = _parse([lines])
    assert any("agreed the Terms of Reference:" in p.text for p in ps)


@pytest.mark.corpus
def test_performance_reports_bylines_are_their_own_paragraphs():
    ps, _ = parse_paragraphs(*_doc("committee/kent-cc_cabinet_2025-03-04_quarterly-performance-report-q3-2024-25.pdf"))
    bylines = [p for p in ps if p.text.startswith(("Cabinet Member", "Cabinet Members"))]
    assert len(bylines) == 8
    assert all(" Director " in p.text and len(p.text.split()) <= 12 for p in bylines)
    assert not any("Cabinet Member" in p.text and not p.text.startswith("Cabinet Member") for p in ps
                   if "Corporate Director" in p.text)
    top = next(p for p in bylines if "Derek Murphy" in p.text)
    assert top.heading == "Growth, Economic Development & Communities"


@pytest.mark.corpus
def test_commissioning_plans_lead_in_heads_its_table():
    ps, _ = parse_paragraphs(*_doc(
        "committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-2025-29-report.pdf"))
    assert not any(p.text.endswith("SEND Commissioning Intentions:") for p in ps)
    table = next(p for p in ps if p.text.startswith("By 2025-26 By 2026-27 By 2027-28 By 2028-29 0 places"))
    assert table.heading == "SEND Commissioning Intentions"


@pytest.mark.corpus
def test_eqia_forms_questions_with_their_answers():
    ps, _ = parse_paragraphs(*_doc("committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-eqia.pdf"))
    texts = [p.text for p in ps]
    assert "Is there national evidence/data that you can use? Yes" in texts
    assert not any(t.startswith("Yes ") for t in texts)  # no answer opens the next question's paragraph
    assert all(p.heading != "Yes" and not (p.heading or "").startswith("Yes ") for p in ps)
    ps, _ = parse_paragraphs(*_doc("committee/kent-cc_county-council_2025-03-13_family-hubs-equality-impact-assessment"
                                   ".pdf"))
    assert any(p.text.endswith("cost effective way? Answer: Yes/No N/A") for p in ps)
    assert not any((p.heading or "").startswith("Answer") for p in ps)


def _doc(rel: str):
    path = corpus_file(rel)
    return extract(path), path.name, "hash"


@pytest.mark.corpus
def test_no_words_lost_in_the_affected_papers():
    for rel in ("committee/kent-cc_cabinet_2025-03-04_quarterly-performance-report-q3-2024-25.pdf",
                "committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-eqia.pdf"):
        doc, name, h = _doc(rel)
        ps, _ = parse_paragraphs(doc, name, h)
        printed = {w for page in doc.pages for line in page for w in line.split()}
        assert len(printed - _words(ps)) < 0.01 * len(printed)



@pytest.mark.corpus
def test_a_forms_next_label_after_a_label_and_its_value_is_no_lead_in():
    ps, _ = parse_paragraphs(*_doc(
        "committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-dpia-screening.pdf"))
    assert not any(p.heading == "Project ID" for p in ps)  # "Title:" / "<the project's title>" / "Project ID:" / "441"
    ps, _ = parse_paragraphs(*_doc(
        "committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-proposed-record-of-decision.pdf"))
    decision = next(p for p in ps if p.text.startswith("Cabinet agree to:"))
    assert decision.heading != "Decision" and "Reason(s) for decision:" in decision.text


def test_an_answer_printed_over_the_page_break_ends_its_field():
    page1 = ["Details of negative impacts for Age", "Not Applicable",
             "Responsible Officer for Mitigating Actions – Age"]
    page2 = ["", "Not Applicable", "20. Negative impacts and Mitigating actions for Disability",
             "Are there negative impacts for Disability?", "No"]
    ps = _parse([page1, page2])
    officer = next(p for p in ps if p.text.startswith("Responsible Officer"))
    assert officer.text == "Responsible Officer for Mitigating Actions – Age Not Applicable"
    assert any(p.text.startswith("20. Negative impacts") and p.text.endswith("Disability? No") for p in ps)


def test_a_question_keeps_its_short_answer_as_one_sentence():
    from assistant.parse.sentences import split_sentences
    assert split_sentences("20. Negative impacts for Disability Are there negative impacts for Disability? No") == [
        "20. Negative impacts for Disability Are there negative impacts for Disability? No"]
    assert split_sentences("Are there impacts? No – none were raised. Staff were told.") == [
        "Are there impacts? No – none were raised.", "Staff were told."]
    assert split_sentences("Why? None of the staff knew.") == ["Why?", "None of the staff knew."]


def test_kent_eqia_field_answered_on_the_next_page_is_not_run_into_the_next_question():
    path = corpus_file("committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-eqia.pdf")
    paragraphs, _ = parse_paragraphs(extract(path), path.name, "sha")
    texts = [p.text for p in paragraphs]
    assert "Responsible Officer for Mitigating Actions – Age Not Applicable" in texts
    assert any(t.startswith("20. Negative impacts") and t.endswith("for Disability? No") for t in texts)
