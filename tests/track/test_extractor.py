"""Extraction on real documents: the Medway committee report, the Medway 2019 inspection, Kent minutes."""

from __future__ import annotations

import pytest

from assistant.track.items import TrackRecord


def test_committee_report__risk_table_mitigations_are_commitments(medway_report_records):
    rows = [r for r in medway_report_records if r.kind == "commitment" and r.heading == "4. Risk management"]
    assert len(rows) == 6
    first = rows[0]
    assert first.text.startswith("The Improvement Board will monitor progress")
    assert first.who == "The Improvement Board"
    assert first.topic == "Actions are not implemented in a timely manner"
    assert all("Risk rating" not in r.text and "Description:" not in r.text for r in rows)
    assert {r.date for r in rows} == {"2020-10-01"}


def test_committee_report__asked_to_note_is_a_recommendation_with_its_paragraph(medway_report_records):
    recs = [r for r in medway_report_records if r.kind == "recommendation"]
    assert len(recs) == 1
    rec = recs[0]
    assert rec.para == "8.1" and "The Committee is asked to note the report." in rec.text
    assert rec.who == "The Committee"
    assert rec.label.endswith("para 8.1")


def test_committee_report__monitoring_visit_summary_gives_findings(medway_report_records):
    paras = [r.para for r in medway_report_records if r.kind in ("finding", "improvement_item")]
    assert "3.11" in paras and "3.14" in paras and "3.2" in paras
    assert not any(p and p.startswith(("2.", "6.", "8.")) for p in paras)


def test_ofsted_2019__judgements_with_overall_inadequate(medway_2019_records):
    grades = {r.area: r.grade for r in medway_2019_records if r.kind == "judgement"}
    assert grades == {
        "overall effectiveness": "inadequate",
        "impact of leaders": "inadequate",
        "help and protection": "inadequate",
        "children in care and care leavers": "requires improvement to be good",
    }
    overall = next(r for r in medway_2019_records if r.area == "overall effectiveness")
    assert overall.page_start == 1 and overall.date == "2019-08-27"


def test_ofsted_2019__what_needs_to_improve_has_ten_items_on_page_3(medway_2019_records):
    items = [r for r in medway_2019_records if r.kind == "improvement_item"]
    assert len(items) == 10
    assert {r.page_start for r in items} == {3}
    assert items[0].text.startswith("Senior managers’ oversight")
    assert items[1].text == "Staffing capacity across children’s social care, early help hubs and leaving care teams."
    assert all(r.organisation == "Medway" for r in items)


def test_ofsted_2019__numbered_paragraph_2_is_a_step_down_finding(medway_2019_records):
    para2 = next(r for r in medway_2019_records if r.kind == "finding" and r.para == "2")
    assert para2.page_start == 3 and "step down too soon" in para2.text
    assert "step-down" in (para2.topic or "")


@pytest.mark.corpus
def test_minutes__resolutions_are_decisions_and_chair_actions_commitments(records_of, kent_minutes):
    records = records_of(kent_minutes)
    decisions = [r for r in records if r.kind == "decision"]
    assert any(r.text.startswith("RESOLVED that the Panel notes the challenge card progress") and r.para == "Item 5/6"
               for r in decisions)
    chair = next(r for r in records if r.kind == "commitment" and "send message to group leaders" in r.text)
    assert chair.who == "The Chair"
    later = next(r for r in records if "at a later date" in r.text)
    assert later.due == "at a later date"


def test_record__to_dict_has_the_json_fields(medway_2019_records):
    d = next(r for r in medway_2019_records if r.kind == "judgement").to_dict()
    for key in ("kind", "text", "doc", "title", "organisation", "date", "para", "page_start", "area", "grade"):
        assert key in d
    assert "due" not in d  # optional fields only when known
    assert TrackRecord.from_dict(d).to_dict() == d


def test_record__unknown_kind_is_rejected():
    with pytest.raises(ValueError, match="choose from"):
        TrackRecord(kind="promise", text="", doc="", title="", organisation=None, org_slug=None, doc_type="other",
                    date=None, para=None, page_start=None, page_end=None, heading=None, paragraph_id="", ordinal=0)


def test_ofsted__the_2025_tables_children_care_leavers_line_is_read():
    """Reports published from July 2025 print "The experiences and progress of children care leavers: …": their
    care leavers' grade."""
    from assistant.records import DocMeta, Paragraph
    from assistant.track.findings import extract_findings

    meta = DocMeta(doc="x_2026.pdf", title="Inspection of X children's services", organisation="X", org_slug="x",
                   doc_type="ofsted-inspection", date="2026-02-02")
    table = ("Judgement Grade\nThe experiences and progress of children in care: Outstanding\n"
             "The experiences and progress of children care leavers: Requires improvement to be good\n"
             "Overall effectiveness: Good")
    p = Paragraph(id="x-1", doc=meta.doc, ordinal=0, text=table, page_start=1, page_end=1, kind="table")
    grades = {r.area: r.grade for r in extract_findings(meta, [p]) if r.kind == "judgement"}
    assert grades == {"children in care": "outstanding", "care leavers": "requires improvement to be good",
                      "overall effectiveness": "good"}
