"""Improvement items told apart from findings by the report's own structure."""

from __future__ import annotations

from dataclasses import replace

from tests.conftest import corpus_file


def test_ilacs__only_the_bullets_of_what_needs_to_improve_are_items(records_of):
    records = records_of(corpus_file("ofsted/peterborough_ofsted-childrens-services_2024-01-30.pdf"))
    items = [r for r in records if r.kind == "improvement_item"]
    assert len(items) == 8 and {r.page_start for r in items} == {2}
    assert items[-1].text == "The consistency of support for children who go missing from care."
    numbered = [r for r in records if r.para == "3"]
    assert numbered and all(r.kind == "finding" for r in numbered)


def test_committee_report__monitoring_visit_areas_still_to_improve_are_items(medway_report_records):
    kinds = {r.para: r.kind for r in medway_report_records if r.kind in ("finding", "improvement_item")}
    assert kinds["3.9"] == "improvement_item"  # "The quality of plans and planning for children needs to improve."
    assert kinds["3.13"] == "improvement_item"  # "… not yet consistently contributing …"
    assert kinds["3.2"] == "finding" and kinds["3.12"] == "finding"


def test_ilacs__items_after_a_summary_whose_last_line_fills_the_page_width_are_found(records_of):
    # Luton 2026 printed "What needs to improve? 1" after a full last line of its summary: the title had been the
    # summary's last words, and its items no improvement items at all
    records = records_of(corpus_file("ofsted/luton_ofsted-childrens-services_2026-03-10.pdf"))
    items = [r for r in records if r.kind == "improvement_item"]
    assert items and items[0].text.startswith("The quality of plans and the oversight of children subject to")


def test_older_report__its_headline_and_each_numbered_grade_are_judgements(records_of):
    from tests.conftest import SOURCE_DOCS

    records = records_of(SOURCE_DOCS / "medway_ofsted-childrens-services_2015-11-27.pdf")
    grades = {r.area: r.grade for r in records if r.kind == "judgement"}
    assert grades["overall effectiveness"] == "requires improvement to be good"  # "Children's services in Medway
    assert grades["adoption performance"] == "requires improvement to be good"  # require improvement to be good"
    assert grades["care leavers"] == "good"
    assert grades["leadership, management and governance"] == "requires improvement to be good"


def test_ilacs__a_pages_footnote_is_no_finding(records_of):
    # "1 The areas for improvement have been cross-referenced with … the National Framework", set small at the foot
    # of page 2 (a paragraph of kind "note"): 57 reports had it listed as a finding
    records = records_of(corpus_file("ofsted/west-berkshire_ofsted-childrens-services_2025-10-28.pdf"))
    assert [r for r in records if r.kind == "finding"]
    assert not [r for r in records if "cross-referenced" in r.text]


def test_older_report__findings_after_the_boards_recommendations_are_no_items(records_of):
    # the heading "Inspection findings – the Local Safeguarding Children Board" ran into the last recommendation:
    # the board's findings (94 onwards, "The board is meeting its statutory responsibilities …") had been listed
    # as improvement items under "Recommendations"
    records = records_of(corpus_file("ofsted/kent_ofsted-childrens-services_2017-06-13.pdf"))
    items = {r.para: r for r in records if r.kind == "improvement_item"}
    assert "93" in items and items["93"].text.startswith("Put in place a system for the board")
    assert not {p for p in items if p.isdigit() and int(p) >= 94}
    assert any(r.kind == "finding" and r.para == "95" for r in records)


def test_ilacs_2026__every_row_of_the_judgement_table_is_a_judgement(records_of):
    # the 2026 framework prints "The impact of leaders on practice with children and families: Outstanding"
    # (no "social work"): the row was dropped while areas were matched by their older wording
    records = records_of(corpus_file("ofsted/north-northamptonshire_ofsted-childrens-services_2026-07-07.pdf"))
    grades = {r.area: r.grade for r in records if r.kind == "judgement"}
    assert grades == {"impact of leaders": "outstanding", "help and protection": "good", "children in care": "good",
                      "care leavers": "good"}
    leaders = next(r for r in records if r.kind == "judgement" and r.area == "impact of leaders")
    assert leaders.text == "The impact of leaders on practice with children and families: Outstanding"
    assert leaders.page_start == 1


def test_judgement_table__a_row_is_read_by_its_structure_not_its_wording():
    # an area no framework has used so far is still a row of the table: its label and its grade
    from assistant.records import DocMeta, Paragraph
    from assistant.track.findings import extract_findings

    meta = DocMeta(doc="x_ofsted-childrens-services_2027-01-01.pdf", title="Inspection of X", organisation="X",
                   org_slug="x", doc_type="ofsted-inspection", date="2027-01-01")
    table = ("Inspection of X children’s services\nJudgement Grade\n"
             "The impact of leaders on practice with children and families: Good\n"
             "The experiences and progress of young carers: Requires improvement to be good\n"
             "2.1 Adoption performance: Inadequate")
    p = Paragraph(id="x-0", doc=meta.doc, ordinal=0, text=table, page_start=1, page_end=1, kind="table")
    grades = {r.area: (r.grade, r.text) for r in extract_findings(meta, [p]) if r.kind == "judgement"}
    assert grades == {
        "impact of leaders": ("good", "The impact of leaders on practice with children and families: Good"),
        "The experiences and progress of young carers": (
            "requires improvement to be good", "The experiences and progress of young carers: Requires improvement to be good"),
        "adoption performance": ("inadequate", "Adoption performance: Inadequate")}


def test_listing__a_grade_given_again_at_the_next_inspection_is_that_inspections_own_row(records_of):
    """Kent's 2022 and 2026 reports both judge help and protection good, in the same words: each inspection keeps
    its own row (the 2026 report lists all five of its grades), never "also" the other report's."""
    from assistant.answer.tracker import _once
    from assistant.track.ledger import once

    grades = [r for name in ("kent_ofsted-childrens-services_2022-07-05.pdf",
                             "kent_ofsted-childrens-services_2026-02-02.pdf")
              for r in records_of(corpus_file(f"ofsted/{name}")) if r.kind == "judgement"]
    same = [r for r in grades if r.text.endswith("children who need help and protection: Good")]
    assert len({r.doc for r in same}) == 2
    listed = once(grades)
    assert len(listed) == len(grades) and not any(r.also for r in listed)
    assert sum(r.doc.endswith("2026-02-02.pdf") for r in listed) == 5
    assert len(_once(grades)) == len(grades)
    # within one report, the same words printed twice are still one row
    twice = once([same[0], replace(same[0], page_start=2, page_end=2, paragraph_id="again")])
    assert len(twice) == 1 and twice[0].also == ("p.2",)


def test_record__cites_the_page_its_own_words_are_printed_on():
    from assistant.records import DocMeta, Paragraph
    from assistant.track.items import TrackRecord

    text = ("Judgement Grade\nThe experiences and progress of care leavers: Good\nOverall effectiveness: Outstanding\n"
            "Since the last inspection, leaders have sustained outstanding practice and gone on to")
    p = Paragraph(id="t", doc="sunderland.pdf", ordinal=0, text=text + " page two's words.", page_start=1, page_end=2,
                  page_breaks=(len(text) + 1,), kind="table")
    m = DocMeta(doc="sunderland.pdf", title="Inspection of Sunderland children's services", organisation="Sunderland",
                org_slug="sunderland", doc_type="ofsted-inspection", date="2025-03-11")
    line = TrackRecord.make("judgement", "Overall effectiveness: Outstanding", p, m)
    assert line.label == "Sunderland Ofsted inspection 2025, p.1"  # the table's paragraph runs on to p.2
    assert TrackRecord.make("finding", "page two's words.", p, m).label.endswith("p.2")


def test_ilacs__the_opening_summary_read_with_the_judgement_table_is_a_finding(records_of):
    records = records_of(corpus_file("ofsted/reading_ofsted-childrens-services_2024-07-12.pdf"))
    lead = [r for r in records if r.kind == "finding"
            and r.text.startswith("Children and families living in Reading are not currently receiving")]
    assert len(lead) == 1 and lead[0].page_start == 1
    assert "Overall effectiveness" not in lead[0].text and lead[0].text.endswith("stabilising the workforce.")
