"""Paragraph parsing on real documents: printed numbers, pages, headings, furniture, joins, tables, offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.extract import extract
from assistant.parse.paragraphs import parse_paragraphs
from tests.conftest import SOURCE_DOCS, corpus_file

MEDWAY_2019 = SOURCE_DOCS / "medway_ofsted-childrens-services_2019-08-27.pdf"
MEDWAY_2023 = SOURCE_DOCS / "medway_ofsted-childrens-services_2023-09-11.pdf"
MEDWAY_REPORT = SOURCE_DOCS / "medway_cyp-overview-scrutiny_2020-10-01_ofsted-monitoring-visit.txt"


def parse(path: Path):
    paragraphs, text = parse_paragraphs(extract(path), path.name, "hash")
    return paragraphs, text


def para(paragraphs, label):
    found = [p for p in paragraphs if p.para == label]
    assert found, f"no paragraph {label}: {[p.para for p in paragraphs]}"
    return found[0]


def test_parse__keeps_printed_number_and_true_page():
    ps, _ = parse(MEDWAY_2019)
    p2 = para(ps, "2")
    assert p2.page_start == 3
    assert "Many children step down too soon" in p2.text
    assert para(ps, "14").page_start == 6


def test_parse__joins_paragraph_split_across_pages_and_drops_page_number():
    ps, _ = parse(MEDWAY_2019)
    p2 = para(ps, "2")
    assert (p2.page_start, p2.page_end) == (3, 4)
    assert "For too many children, the help provided" in p2.text  # the bare page number "4" is gone


def test_parse__drops_running_header_inside_sentence():
    ps, _ = parse(MEDWAY_2023)
    p4 = para(ps, "4")
    assert (p4.page_start, p4.page_end) == (2, 3)
    assert "Inspection of Medway local authority" not in p4.text
    assert "17 to 28 July 2023" not in p4.text
    assert "voices and views" in p4.text


def test_parse__heading_path_is_the_judgement_section():
    ps, _ = parse(MEDWAY_2019)
    assert para(ps, "1").heading == "The experiences and progress of children who need help and protection: inadequate"
    assert para(ps, "6").page_start == 4


def test_parse__bullets_under_what_needs_to_improve_are_items():
    ps, _ = parse(MEDWAY_2019)
    items = [p for p in ps if p.heading == "What needs to improve"]
    assert len(items) == 10
    assert all(p.text.startswith("• ") for p in items)
    assert all(p.page_start == 3 for p in items)


def test_parse__front_matter_keeps_lead_inspector():
    ps, _ = parse(MEDWAY_2019)
    assert "Lead inspector: Brenda McLaughlin" in ps[0].text


def test_parse__offsets_point_at_the_paragraph_text():
    for path in (MEDWAY_2019, MEDWAY_REPORT):
        ps, text = parse(path)
        assert ps
        for p in ps:
            assert text[p.char_start:p.char_end] == p.text


def test_parse__stable_ids_are_unique_and_repeatable():
    a, _ = parse(MEDWAY_2019)
    b, _ = parse(MEDWAY_2019)
    assert [p.id for p in a] == [p.id for p in b]
    assert len({p.id for p in a}) == len(a)


def test_parse__committee_report_decimal_numbers_with_bullet_prefix():
    ps, _ = parse(MEDWAY_REPORT)
    p311 = para(ps, "3.11")
    assert p311.text.startswith("3.11. However, threshold decisions about stepping children down")
    assert p311.page_start is None  # a text file has no pages
    assert para(ps, "3.5").heading == "3. Summary of monitoring visit"
    assert para(ps, "7.1").text.startswith("7.1 This and future")  # printed without a trailing dot


def test_parse__stray_blank_line_mid_sentence_does_not_split_paragraph():
    ps, _ = parse(MEDWAY_REPORT)
    p37 = para(ps, "3.7")
    assert "Effective management oversight within the MASH" in p37.text


def test_parse__table_rows_keep_their_column_headers():
    ps, _ = parse(MEDWAY_REPORT)
    rows = [p for p in ps if p.kind == "table-row"]
    assert len(rows) == 6
    recruitment = next(r for r in rows if r.text.startswith("Risk: Recruitment & retention"))
    # the row continues across a page break and a repeated header row
    assert "Workforce Development Strategy" in recruitment.text
    assert "during this time and offer online interviews." in recruitment.text
    assert "Action to avoid or mitigate risk: An engagement forum" in recruitment.text
    assert recruitment.text.endswith("Risk rating: C3") or "Risk rating: C3" in recruitment.text
    assert all(r.heading == "4. Risk management" for r in rows)


# --- more real documents from ../shared/corpus (skipped cleanly where it is absent) ---

@pytest.mark.corpus
def test_parse__old_report_numbering_and_page():
    ps, _ = parse(corpus_file("ofsted/kent_ofsted-childrens-services_2013-08-23.pdf"))
    p7 = para(ps, "7")
    assert p7.page_start == 5
    assert "1834 looked after children" in p7.text


@pytest.mark.corpus
def test_parse__number_followed_by_narrow_no_break_space():
    ps, _ = parse(corpus_file("ofsted/stockport_ofsted-childrens-services_2025-07-15.pdf"))
    labels = [p.para for p in ps if p.para]
    assert "15" in labels and "16" in labels


@pytest.mark.corpus
def test_parse__number_printed_without_dot_is_found_by_sequence():
    ps, _ = parse(corpus_file("ofsted/nottingham_ofsted-childrens-services_2022-09-05.pdf"))
    p34 = para(ps, "34")
    assert "Most children" in p34.text[:40]


@pytest.mark.corpus
def test_parse__minutes_paragraph_is_minute_and_number_and_spans_pages():
    ps, _ = parse(corpus_file("committee/kent-cc_county-council_2025-01-09_printed-minutes.pdf"))
    p = para(ps, "285/25")
    assert p.page_start == 9 and p.page_end == 10
    assert "Motion carried" in p.text or "motion" in p.text.lower()


@pytest.mark.corpus
def test_parse__a_finance_table_printed_as_text_is_one_paragraph_per_row():
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf"))
    rows = [p for p in ps if p.kind == "table-row" and p.page_start == 6]
    texts = [p.text for p in rows]
    assert "Adult Social Care & Health 586.1 621.6 +35.4 +6.0%" in texts
    assert "Children, Young People & Education 430.6 420.8 -9.9 -2.3%" in texts
    assert "Overall Position 1,432.3 1,486.0 +53.7" in texts
    # the prose after the table is its own paragraph again
    assert any(p.text.startswith("The Adult Social Care & Health directorate has a projected net overspend")
               and p.kind == "text" for p in ps)


@pytest.mark.corpus
def test_parse__a_rows_label_printed_over_two_lines_after_an_ampersand_stays_one_label():
    # "Home to School &" / "College Transport 96.3 87.7 -8.6 …": the first line is no heading over the rows below
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf"))
    row = next(p for p in ps if "96.3 87.7 -8.6" in p.text)
    assert row.text.startswith("Home to School & College Transport 96.3 87.7 -8.6")
    assert not any(p.heading == "Home to School &" for p in ps)


def test_headings__a_line_ending_on_an_ampersand_or_and_is_no_title_unless_more_lines_follow_in_its_block():
    from assistant.parse.headings import headingish
    assert not headingish("Home to School &") and not headingish("A229 Bluebell Hill M2 &")
    assert not headingish("Children, Young People and")
    assert headingish("How does the proposed decision support Framing Kent’s Future and", whole=False)
    assert headingish("Children, Young People and Education")


@pytest.mark.corpus
def test_parse__a_finance_tables_rows_are_shown_with_the_column_headers_above_the_table():
    from assistant.parse.context import table_header
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf"))
    at = next(i for i, p in enumerate(ps) if p.kind == "table-row" and p.page_start == 37
              and p.text.startswith("Adult Social Care & Health 1.305"))
    header, page = table_header(ps, at)
    assert header == "Directorate | Capital Budget | Variance | Real Variance | Rephasing Variance" and page == 37


@pytest.mark.corpus
def test_parse__committee_pdf_decimal_paragraph_and_page():
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-01-30_budget-monitoring-cover-report.pdf"))
    p = para(ps, "3.3")
    assert p.page_start == 2
    assert "81% of councils" in p.text


def test_parse__records_where_the_next_page_begins_inside_a_paragraph():
    ps, _ = parse(MEDWAY_2019)
    p2 = para(ps, "2")
    assert p2.page_at(p2.text.index("Many children step down")) == 3
    assert p2.page_at(p2.text.index("many children, the help provided")) == 4


def test_parse__rows_of_a_table_with_a_prose_column_are_paragraphs_of_their_own():
    # a reserves table: each row's label and figures, then its "details" prose running on below, to the next row
    from assistant.ingest.document import ExtractedDoc

    lines = ["All figures in £m", "", "Reserve Opening Balance Forecast Drawdown Projected Balance Details",
             "Earmarked Reserves", "", "Vehicle, Plant & Equipment -22.6 1.5 -21.1",
             "Drawdowns and contributions to manage purchasing assets with a life",
             "of more than one financial year.",
             "Smoothing -148.7 11.4 -137.3 Includes the £9.1m budgeted drawdown to support the budget", "",
             "Commercial &", "Procurement 3.1 3.0 -0.1 Vacancy management offset by reduced income",
             "Majority of the underspend is due to management action to reduce spend."]
    doc = ExtractedDoc(path=Path("report.pdf"), pages=[lines], paged=True)
    paragraphs, _ = parse_paragraphs(doc, "report.pdf", "sha")
    rows = [p.text for p in paragraphs if p.kind == "table-row"]
    assert rows[0] == ("Vehicle, Plant & Equipment -22.6 1.5 -21.1 Drawdowns and contributions to manage purchasing "
                       "assets with a life of more than one financial year.")
    assert rows[1] == "Smoothing -148.7 11.4 -137.3 Includes the £9.1m budgeted drawdown to support the budget"
    assert rows[2].startswith("Commercial & Procurement 3.1 3.0 -0.1 Vacancy")  # its label over two lines
    assert not any("Earmarked Reserves" in r for r in rows)  # a blank line parts a title from the row below it


def test_parse__a_lone_line_of_figures_in_prose_does_not_start_a_row():
    from assistant.ingest.document import ExtractedDoc

    lines = ["2.1 The council agreed its budget. Spending 2023 2024 rose in line with the plan set out by",
             "the Cabinet Member for Finance in the report of January."]
    doc = ExtractedDoc(path=Path("report.pdf"), pages=[lines], paged=True)
    paragraphs, _ = parse_paragraphs(doc, "report.pdf", "sha")
    assert [p.kind for p in paragraphs] == ["text"] and paragraphs[0].para == "2.1"


@pytest.mark.corpus
def test_parse__a_reserves_rows_prose_is_cited_with_its_row_not_its_neighbours():
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf"))
    row = next(p for p in ps if "Oracle Cloud Programme through to" in p.text)
    assert row.kind == "table-row" and row.page_start == 47
    assert row.text.startswith("Major Projects -41.0 9.2 -31.8 The forecast expenditure")
    assert "Smoothing" not in row.text and "Partnerships" not in row.text


def test_parse__an_older_reports_page_1_grades_are_one_judgement_table_under_its_headline():
    ps, _ = parse(SOURCE_DOCS / "medway_ofsted-childrens-services_2015-11-27.pdf")
    table = next(p for p in ps if p.page_start == 1 and p.kind == "table")
    assert table.text.splitlines() == [
        "Children’s services in Medway require improvement to be good",
        "1. Children who need help and protection: Requires improvement",
        "2. Children looked after and achieving permanence: Requires improvement",
        "2.1 Adoption performance: Requires improvement",
        "2.2 Experiences and progress of care leavers: Good",
        "3. Leadership, management and governance: Requires improvement"]
    assert table.para is None  # its "2.1" is not the body's paragraph 2.1
    # the heading printed on the last grade's line heads what follows again
    assert next(p for p in ps if p.text.startswith("This executive summary")).heading == "Executive summary"


def test_parse__a_tables_title_over_rows_of_figures_is_not_a_section_heading():
    from assistant.ingest.document import ExtractedDoc
    from assistant.parse.paragraphs import parse_paragraphs

    lines = ["3. Other changes to the budget", "", "3.2 The grant rises by 5.4% in cash terms.", "",
             "Public Health Grant allocations", "", "£'000 £'000 £'000 2024-25 allocation 75,734.8 77,308.9 1,574.1",
             "", "3.3 The additional allocation will be reflected in the outturn.", "",
             "3.4 The Department for Transport issued a notification of the allocation."]
    doc = ExtractedDoc(path=Path("report.pdf"), pages=[lines], paged=True)
    paragraphs, _ = parse_paragraphs(doc, "report.pdf", "sha")
    by_number = {p.para: p for p in paragraphs}
    assert by_number["3.3"].heading == by_number["3.4"].heading == "3. Other changes to the budget"
    assert any(p.text.startswith("Public Health Grant allocations") for p in paragraphs)  # kept as text


def test_parse__a_cover_sheets_fields_are_front_matter_not_the_heading_of_what_follows():
    from assistant.ingest.document import ExtractedDoc
    from assistant.parse.paragraphs import parse_paragraphs

    lines = ["From: Roger Gough, Leader of the Council", "", "To: County Council - 13 March 2025", "",
             "Subject: Governance Update", "", "Status: Unrestricted", "",
             "a) The Governance Working Party was established to consider detailed recommendations.", "",
             "b) The outputs of this Working Party are set out below.", "",
             "Electoral Division: All", "", "Summary", "",
             "The report asks the Council to agree changes to its committees."]
    doc = ExtractedDoc(path=Path("report.pdf"), pages=[lines], paged=True)
    paragraphs, _ = parse_paragraphs(doc, "report.pdf", "sha")
    front = paragraphs[0]
    assert front.text.startswith("From: Roger Gough") and "Status: Unrestricted" in front.text
    items = [p for p in paragraphs if p.text[:2] in ("a)", "b)")]
    assert len(items) == 2 and all(p.heading is None for p in items)  # not "Status: Unrestricted"
    assert any(p.text == "Electoral Division: All" for p in paragraphs)  # a field later on stays text
    assert next(p for p in paragraphs if p.text.startswith("The report asks")).heading == "Summary"


def test_parse__a_heading_over_lettered_items_is_a_heading():
    from assistant.ingest.document import ExtractedDoc
    from assistant.parse.paragraphs import parse_paragraphs

    lines = ["Committees", "", "a) Cabinet Committees are advisory committees of the Executive.", "",
             "b) The Working Party felt that a further review was needed."]
    doc = ExtractedDoc(path=Path("report.pdf"), pages=[lines], paged=True)
    paragraphs, _ = parse_paragraphs(doc, "report.pdf", "sha")
    assert [(p.para, p.heading) for p in paragraphs] == [("a)", "Committees"), ("b)", "Committees")]


def test_parse__a_numbered_title_over_its_own_subsections_is_their_heading():
    from assistant.ingest.document import ExtractedDoc

    lines = ["Summary: The plan sets out the council's part in the strategy.", "", "1. Summary of Approach", "",
             "1.1 The Council's Delivery Plan", "",
             "1.1.1 The council is a key partner in the local system.", "",
             "1.1.2 The Plan is in two parts.", "", "1.2 The Plan was agreed by the Corporate Management Team.",
             "", "1.3 It will be reviewed each year."]
    doc = ExtractedDoc(path=Path("report.pdf"), pages=[lines], paged=True)
    paragraphs, _ = parse_paragraphs(doc, "report.pdf", "sha")
    assert [(p.para, p.heading) for p in paragraphs][1:] == [
        ("1.1.1", "1.1 The Council's Delivery Plan"), ("1.1.2", "1.1 The Council's Delivery Plan"),
        ("1.2", "1. Summary of Approach"), ("1.3", "1. Summary of Approach")]


def test_parse__a_value_printed_beside_its_label_stays_with_the_label_and_is_no_heading():
    from assistant.ingest.document import ExtractedDoc
    from assistant.parse.paragraphs import parse_paragraphs

    # a form's rows: the label cell (with its guidance note), then the value PDFium reads out after it; the value
    # begins a cell beside the label (ingest/pdfium_text.py marks it), the next field starts back at the left
    intro = "You can use this template to understand what information is needed beforehand to complete it."
    lines = ["", *[intro] * 9, "", "4. Officer completing EQIA", "Note: This should be the name of the",
             "officer who will be submitting.",
             "Ben Sherreard", "Programme Manager – Family Hubs", "", "5. Head of Service",
             "Note: This should be the Head of", "Service who will approve it.",
             "Dan Bride,", "Director of Youth Justice", "", "6. Director of Service"]
    page2 = ["", "Leaders know their services well.", "", "What needs to improve?", "1", "",
             "The quality of pre-proceedings letters to parents is too variable.", "", "Staff are supported.", "",
             "Caseloads are manageable.", "", "Supervision is regular."]
    doc = ExtractedDoc(path=Path("form.pdf"), pages=[lines, page2], paged=True,
                       beside=[frozenset({14, 20}), frozenset({4})])
    paragraphs, _ = parse_paragraphs(doc, "form.pdf", "sha")
    by_number = {p.para: p for p in paragraphs}
    assert by_number["4"].text.endswith("submitting. Ben Sherreard Programme Manager – Family Hubs")
    assert by_number["5"].text.endswith("who will approve it. Dan Bride, Director of Youth Justice")
    assert by_number["5"].heading is None  # not "Ben Sherreard Programme Manager – Family Hubs"
    # a footnote mark beside a heading keeps it a heading
    letters = next(p for p in paragraphs if p.text.startswith("The quality of pre-proceedings"))
    assert letters.heading.startswith("What needs to improve?")
    # without the geometry the same lines read as before: a value is taken for the next field's heading
    plain, _ = parse_paragraphs(ExtractedDoc(path=Path("form.pdf"), pages=[lines, page2], paged=True), "form.pdf",
                                "sha")
    assert "Ben Sherreard" not in next(p for p in plain if p.para == "4").text
    assert next(p for p in plain if p.para == "5").heading == "Ben Sherreard Programme Manager – Family Hubs"


def test_parse__a_long_text_beside_a_cell_is_not_taken_for_a_labels_value():
    from assistant.ingest.document import ExtractedDoc
    from assistant.parse.paragraphs import parse_paragraphs

    # a risk register's cells: a description of more than a label's length, then the next cell beside it
    line = "Overspend against the revenue budget leads to a reduction in the council's financial resilience"
    lines = ["", *[line] * 5, "this year.", "Inflation rises above the current forecasts."]
    doc = ExtractedDoc(path=Path("register.pdf"), pages=[lines], paged=True, beside=[frozenset({7})])
    paragraphs, _ = parse_paragraphs(doc, "register.pdf", "sha")
    assert [p.text for p in paragraphs][1:] == ["Inflation rises above the current forecasts."]


def test_parse__a_numbered_title_over_lettered_paragraphs_heads_them_and_numbers_them():
    from assistant.ingest.document import ExtractedDoc
    from assistant.parse.paragraphs import parse_paragraphs

    lines = ["2. Remote Meetings", "", "a) One area of discussion was the form of meetings.", "",
             "3. Committees", "", "a) Cabinet Committees are advisory committees of the Executive.", "",
             ("b) The Working Party discussed the make-up of Cabinet Committees. They felt that the following "
              "amendments would be sensible:"), "",
             "1) Consolidate the work of the Health Reform Cabinet Committee into the Adult Social Care Committee", "",
             "2) Separate the CYPE into two Cabinet Committees, one for Education and one for Children's Services", "",
             "c) Since the recommendations were discussed, representations have been made."]
    doc = ExtractedDoc(path=Path("report.pdf"), pages=[lines], paged=True)
    paragraphs, _ = parse_paragraphs(doc, "report.pdf", "sha")
    by_number = {p.para: p for p in paragraphs}
    assert set(by_number) == {"2(a)", "3(a)", "3(b)", "3(c)"}  # "1)" and "2)" are 3(b)'s points, not paragraphs
    assert by_number["3(a)"].heading == by_number["3(c)"].heading == "3. Committees"
    assert by_number["2(a)"].heading == "2. Remote Meetings"
    points = by_number["3(b)"].text
    assert "would be sensible:\n1) Consolidate" in points and "2) Separate the CYPE" in points


def test_parse__a_numbered_recommendation_is_not_taken_for_a_title():
    from assistant.ingest.document import ExtractedDoc
    from assistant.parse.paragraphs import parse_paragraphs

    lines = ["Recommendations", "", "Cabinet is asked to:", "1) NOTE the budget updates and ENDORSE that they be",
             "included in the final 2025-26 budget in accordance with the Budget Decision.", "",
             "2) APPROVE the net transfer of £356.0k into reserves.", "", "1. Introduction", "",
             "1.1 The 2025-26 revenue budget was agreed by County Council on 13th February 2025.", "",
             "1.2 This report sets out the late changes.", "", "2. Business Rates", "",
             "2.1 The retained business rates precept must be based on the estimates of collection authorities."]
    doc = ExtractedDoc(path=Path("report.pdf"), pages=[lines], paged=True)
    paragraphs, _ = parse_paragraphs(doc, "report.pdf", "sha")
    asked = next(p for p in paragraphs if p.text.startswith("Cabinet is asked to:"))
    assert "ENDORSE" in asked.text and "£356.0k" in asked.text  # kept as text, not swallowed as headings
    assert {p.para: p.heading for p in paragraphs if p.para} == {"1.1": "1. Introduction", "1.2": "1. Introduction",
                                                                  "2.1": "2. Business Rates"}


def test_parse__kent_governance_report_sections_and_their_lettered_paragraphs():
    ps, _ = parse(corpus_file("committee/kent-cc_county-council_2025-03-13_governance-update-report.pdf"))
    h = para(ps, "3(h)")
    assert h.heading == "3. Committees" and "1) Consolidate the work of the Health Reform" in h.text
    assert para(ps, "3(i)").text.startswith("i) Since the Governance Working Party")  # not "2(i)"
    assert para(ps, "4(a)").heading == "4. Scrutiny Committee"


def test_parse__a_line_going_on_with_a_cell_or_hanging_indent_is_not_a_new_paragraph_after_a_short_line():
    from assistant.ingest.document import ExtractedDoc
    from assistant.parse.paragraphs import parse_paragraphs

    prose = "The local authority has taken prompt action to address the shortfalls identified in its own homes."
    lines = ["", *[prose] * 9, "", "Option Discounted because", "1 Not discounted – this is the decision proposal.",
             "2 Would not achieve the full saving agreed by the Council.",
             "Would require cuts elsewhere to areas that have already been cut.",
             "Would retain inconsistency in our delivery model.", "3 Would not achieve the full saving."]
    hangs = frozenset({14, 15})  # under the second cell of line 6 (ingest/pdfium_text.py marks them)
    doc = ExtractedDoc(path=Path("decision.pdf"), pages=[lines], paged=True, hangs=[hangs])
    texts = [p.text for p in parse_paragraphs(doc, "decision.pdf", "sha")[0]]
    assert "2 Would not achieve the full saving agreed by the Council. Would require cuts elsewhere to areas that have " \
           "already been cut. Would retain inconsistency in our delivery model." in texts
    assert texts[-1] == "3 Would not achieve the full saving."
    # without the geometry each short line that ends a sentence ends its paragraph
    plain = [p.text for p in parse_paragraphs(ExtractedDoc(path=Path("decision.pdf"), pages=[lines], paged=True),
                                              "decision.pdf", "sha")[0]]
    assert "Would retain inconsistency in our delivery model." in plain


def test_parse__a_graded_section_heading_after_the_improvement_items_heads_the_paragraphs_below_it():
    # 2025 reports end each "What needs to improve?" item with "(Outcome one, National Framework)", no full stop:
    # the section heading printed next had run onto the last item, and the section's paragraphs were headed
    # "What needs to improve?"
    ps, _ = parse(corpus_file("ofsted/stockport_ofsted-childrens-services_2025-07-15.pdf"))
    heading = "The experiences and progress of children who need help and protection: requires improvement to be good"
    assert para(ps, "2").heading == heading
    assert para(ps, "2").text.startswith("2. There are delays in the screening of concerns")
    last_item = [p for p in ps if p.heading == "What needs to improve?"][-1]
    assert last_item.text.endswith("(Enabler two, National Framework)")


def test_parse__a_heading_ending_with_a_grade_ends_the_item_above_it_even_over_two_lines():
    from assistant.ingest.document import ExtractedDoc

    prose = "Leaders have a clear understanding of the strengths and areas for development across the service."
    lines = ["", *[prose] * 6, "", "What needs to improve?",
             "◼ The quality of planning to address risk and need for children. (Outcome one, ",
             "National Framework)",
             "The experiences and progress of children who need help and ",
             "protection: good",
             "1. Children and families benefit from a range of early help support that meets their needs well.",
             "The experiences and progress of children in care: good",
             "2. Children come into care when they need to and their plans are reviewed regularly by managers."]
    ps = parse_paragraphs(ExtractedDoc(path=Path("r.pdf"), pages=[lines], paged=True), "r.pdf", "sha")[0]
    item = next(p for p in ps if "quality of planning" in p.text)
    assert item.text.endswith("(Outcome one, National Framework)") and item.heading == "What needs to improve?"
    assert para(ps, "1").heading == "The experiences and progress of children who need help and protection: good"
    assert para(ps, "2").heading == "The experiences and progress of children in care: good"


def test_parse__words_second_level_bullet_printed_as_a_letter_o_is_a_bullet():
    from assistant.parse.normalise import strip_bullet

    constitution = "The Constitution and the Financial Regulations"
    assert strip_bullet(f"o {constitution}") == (True, constitution)
    assert strip_bullet("o Hampshire, 15%") == (True, "Hampshire, 15%")
    assert not strip_bullet("of the council")[0] and not strip_bullet("O The")[0] and not strip_bullet("or Kent")[0]
    ps, _ = parse(corpus_file("committee/kent-cc_county-council_2025-02-13_section-25-assurance-statement.pdf"))
    listed = next(p for p in ps if p.text.startswith("The Council’s governance and control environment, including:"))
    assert "\n• The Constitution and the Financial Regulations" in listed.text  # the list stays with its lead-in


def test_parse__a_consultation_tables_rows_keep_labels_printed_over_two_lines():
    ps, _ = parse(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-consultation-report.pdf"))
    texts = [p.text for p in ps if p.kind == "table-row"]
    assert "Seashells provides a social aspect / making friends / prevents social isolation 64 13%" in texts
    assert "Seashells is an information resource / they provide advice and signposting 38 8%" in texts
    assert not any(t.startswith("isolation 64") for t in texts)


def test_parse__a_short_title_put_as_a_question_after_a_full_line_is_not_the_end_of_the_paragraph_above():
    from assistant.ingest.document import ExtractedDoc

    full = "Leaders have provided a positive working culture and have worked diligently to attract and retain staff."
    last = "As a result, more stability has been created, meaning that children and families have consistent workers."
    lines = ["", full, full, last, "What needs to improve? 1", "• The quality of plans for children.",
             "• The timeliness of assessments for children."]
    ps = parse_paragraphs(ExtractedDoc(path=Path("r.pdf"), pages=[lines], paged=True), "r.pdf", "sha")[0]
    assert ps[0].text.endswith("consistent workers.")
    assert [p.heading for p in ps[1:]] == ["What needs to improve?"] * 2  # the footnote's mark left out


def test_parse__lutons_improvement_items_are_under_their_heading():
    ps, _ = parse(corpus_file("ofsted/luton_ofsted-childrens-services_2026-03-10.pdf"))
    items = [p for p in ps if p.kind == "bullet" and p.heading == "What needs to improve?"]
    assert items and items[0].text.startswith("• The quality of plans and the oversight of children subject to")
    assert not any(p.text.endswith("What needs to improve? 1") for p in ps)


def test_parse__a_lists_key_between_its_lead_in_and_its_items_keeps_them_together():
    from assistant.ingest.document import ExtractedDoc
    from assistant.parse.paragraphs import parse_paragraphs

    lines = ["", "The sessions available at Margate Family Hub include:", "*booking or referral required.",
             "• Baby Massage*", "• Food Bank", "", "Cliftonville Family Hub is 1.3 miles away."]
    paragraphs = parse_paragraphs(ExtractedDoc(path=Path("eqia.pdf"), pages=[lines], paged=True), "eqia.pdf", "h")[0]
    assert [p.text for p in paragraphs] == [
        ("The sessions available at Margate Family Hub include: *booking or referral required.\n• Baby Massage*\n"
         "• Food Bank"), "Cliftonville Family Hub is 1.3 miles away."]


def test_parse__a_column_of_a_table_of_lists_starts_a_paragraph_even_where_a_list_item_seems_to_run_on():
    from assistant.ingest.document import ExtractedDoc
    from assistant.parse.paragraphs import parse_paragraphs

    # narrow columns: the page's lines are all short, so the last item ("… Work*", no full stop) would run on into
    # the next column's title
    lines = ["", "Sessions at Millmead", "• Stay and Play", "• 1-2-1 Family Work*", "", "Sessions at Margate include",
             "• Food Bank"]
    doc = ExtractedDoc(path=Path("hubs.pdf"), pages=[lines], paged=True, columns=[frozenset({5})])
    paragraphs = parse_paragraphs(doc, "hubs.pdf", "h")[0]
    assert [(p.heading, p.text) for p in paragraphs] == [
        ("Sessions at Millmead", "• Stay and Play"), ("Sessions at Millmead", "• 1-2-1 Family Work*"),
        ("Sessions at Margate include", "• Food Bank")]
    plain = ExtractedDoc(path=Path("hubs.pdf"), pages=[lines], paged=True)  # without the geometry
    assert "• 1-2-1 Family Work* Sessions at Margate include" in [p.text for p in parse_paragraphs(plain, "hubs.pdf",
                                                                                                  "h")[0]]


def test_parse__a_council_questions_title_and_its_answer_line_are_headings_even_run_into_the_text():
    from assistant.ingest.document import ExtractedDoc
    from assistant.parse.paragraphs import parse_paragraphs

    lines = ["Question by Mike Whiting to Dan Watkins,", "Cabinet Member for Adult Social Care and Public Health",
             "During the petition debate the Cabinet Member said a care home scheme was in development.",
             "Can the Cabinet Member tell me how many residents have sought help since the home closed?", "",
             "Answer", "Thank you for your question.",
             "Since the closure there have been 57 residents who have moved into residential care."]
    paragraphs, _ = parse_paragraphs(ExtractedDoc(path=Path("qa.pdf"), pages=[lines], paged=True), "qa.pdf", "sha")
    asked = "Question by Mike Whiting to Dan Watkins, Cabinet Member for Adult Social Care and Public Health"
    assert paragraphs[0].heading == asked and paragraphs[0].text.startswith("During the petition debate")
    reply = [p for p in paragraphs if "57 residents" in p.text]
    assert reply and reply[0].heading == "Answer" and not any(p.text.startswith("Answer") for p in paragraphs)
    # "Answer" alone is a heading only in a paper of council questions
    other, _ = parse_paragraphs(ExtractedDoc(path=Path("r.pdf"), pages=[lines[5:]], paged=True), "r.pdf", "sha")
    assert other[0].text.startswith("Answer")


def test_parse__a_record_of_decisions_capitalised_labels_keep_their_values_on_the_line_below():
    ps, _ = parse(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf"))
    assert ps[0].kind == "front-matter"
    assert "DECISION TO BE TAKEN BY: Mrs Sue Chandler, Cabinet Member for Integrated Children’s Services" in ps[0].text
    assert ps[0].text.endswith("DECISION NUMBER: 24/00093")
    assert not any((p.heading or "").startswith(("Mrs Sue Chandler", "DECISION")) for p in ps)  # a value, no heading
    ps, _ = parse(corpus_file(
        "committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-proposed-record-of-decision.pdf"))
    assert ps[0].text.endswith("DECISION TO BE TAKEN BY: Cabinet\nDECISION NO: 24/00096")
    assert not any((p.heading or "").startswith("DECISION NO") for p in ps)


def test_parse__a_numbered_title_over_the_line_that_asks_for_decisions_is_a_heading():
    from assistant.ingest.document import ExtractedDoc

    lines = ["7. Democratic Engagement", "", "a) Officers have been asked to explore greater visibility.", "",
             "8. Recommendations", "", "The County Council is asked to:", "",
             "1. To NOTE with thanks the contribution of the Members of the Working Party", "",
             "2. To COMMENT on the specific proposals relating to Cabinet Committees"]
    doc = ExtractedDoc(path=Path("report.pdf"), pages=[lines], paged=True)
    paragraphs, _ = parse_paragraphs(doc, "report.pdf", "sha")
    assert "8. Recommendations" not in [p.text for p in paragraphs]  # a title, not a paragraph that says nothing
    assert [p.para for p in paragraphs] == ["7(a)", "1", "2"]


def test_parse__a_tables_row_with_a_sum_or_a_date_is_never_taken_for_a_heading_and_lost():
    # the record of decision's contract table prints its rows as lines of text; a row that looked like a title
    # became the heading of what followed it, and a heading over another heading was in no paragraph at all
    ps, _ = parse(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf"))
    texts = [p.text for p in ps]
    for row in ("Millmead Margate 31/03/2025 £222,127.44", "Seashells Sheerness 31/03/2025 £204,302.16",
                "Totals £426,429.60"):
        assert any(row in t for t in texts), row
    assert any(t.strip() == "17/1/2025" for t in texts)  # the date it was signed


def test_parse__a_numbered_paragraph_going_on_at_the_top_of_the_next_page_is_cited_by_its_number():
    # para 6 ends page 2 with a full sentence; its last sentence opens page 3 ("Workers proactively engage …")
    ps, _ = parse(corpus_file("ofsted/dudley_ofsted-childrens-services_2023-01-13.pdf"))
    rest = next(p for p in ps if p.text.startswith("Workers proactively engage with children"))
    assert (rest.para, rest.page_start) == ("6", 3)
    assert para(ps, "6").page_start == 2 and para(ps, "7").page_start == 3
    # the section's graded title at the top of a page stays a heading, not a paragraph with the number before it
    medway, _ = parse(MEDWAY_2019)
    assert not any(p.text.startswith("The experiences and progress of children in care and care leavers")
                   for p in medway)


def test_parse__a_minutes_resolution_printed_in_the_other_numbering_style_is_its_own_paragraph():
    # minute 308: "5) The Chairman put the motion … to the vote …", then "6. RESOLVED that:" on the next page
    ps, _ = parse(corpus_file("committee/kent-cc_county-council_2025-03-13_printed-minutes.pdf"))
    resolved = para(ps, "308/6")
    assert resolved.text.startswith("6. RESOLVED that:") and resolved.page_start == 19
    assert "RESOLVED" not in para(ps, "308/5").text


def test_parse__the_items_a_minutes_paragraph_lists_are_its_own_not_the_minutes_first_paragraphs_again():
    # minute 83: "5. Mr Love suggested … the following amendment", "6. … seconded the above motion", "7. RESOLVED that
    # Cabinet:", each followed by the motion's items "1. Agree …", "2. Note …", "3. Agree …"
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-01-09_minutes.pdf"))
    labels = [p.para for p in ps if p.para and p.para.startswith("83/")]
    assert labels == ["83/1", "83/2", "83/3", "83/4", "83/5", "83/5(1)", "83/5(2)", "83/5(3)", "83/6", "83/6(1)",
                      "83/6(2)", "83/6(3)", "83/7", "83/7(1)", "83/7(2)", "83/7(3)"]
    assert para(ps, "83/7(1)").text.startswith("1. Agree to submit a request to Government")
    assert para(ps, "83/1").text.startswith("1. The Leader introduced the report")
    # a second "1." straight after the first is a misprint, not the first paragraph's items
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-01-30_printed-minutes.pdf"))
    assert [p.para for p in ps if p.para and p.para.startswith("87/")][:3] == ["87/1", "87/1", "87/2"]


def test_parse__the_outer_lists_bullet_after_sub_items_begins_the_next_item():
    # Isle of Wight 2023: "◼ The quality of oversight and monitoring of:" / "− …" sub-items / "◼ Caseloads …" had been
    # one paragraph, its fourth improvement item merged into the third
    ps, _ = parse(corpus_file("ofsted/isle-of-wight_ofsted-childrens-services_2023-12-15.pdf"))
    items = [p.text for p in ps if p.kind == "bullet" and p.heading == "What needs to improve?"]
    assert len(items) == 4
    assert items[2].startswith("• The quality of oversight and monitoring of:") and items[2].endswith("fostering.")
    assert items[3] == "• Caseloads in the children’s assessment and safeguarding teams."


def test_parse__sub_items_printed_with_the_outer_bullet_stay_with_their_lead_in():
    from assistant.ingest.document import ExtractedDoc

    lines = ["", "• The proportion of children entitled to free school meals:", "• in primary schools is 12%",
             "• in secondary schools is 10%.", "", "Children from minority ethnic groups account for 9%."]
    ps = parse_paragraphs(ExtractedDoc(path=Path("r.pdf"), pages=[lines], paged=True), "r.pdf", "sha")[0]
    assert ps[0].text.count("•") == 3 and ps[1].text.startswith("Children from")


def test_parse__a_figure_going_on_with_the_sentence_above_is_no_paragraph_number():
    # "… the average temperatures for 2024 were around" / "1.6 degrees above pre-industrial levels." had been cited
    # as "para 298/1.6", a fragment of another speaker's paragraph
    ps, _ = parse(corpus_file("committee/kent-cc_county-council_2025-03-13_printed-minutes.pdf"))
    assert "298/1.6" not in {p.para for p in ps}
    assert "were around 1.6 degrees above pre-industrial levels." in para(ps, "298/13").text


def test_parse__a_statement_between_two_headings_is_a_paragraph_not_a_lost_heading():
    # minutes: "77. Declarations of Interest (Item 2)" / "No declarations of interest were received" / "78. …"; a
    # proposed record of decision's "Cabinet agree to:" / "A) the Commissioning Plan …" / "Background": the lines
    # between two headings had been read as a heading heading nothing, and dropped from the index
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-01-09_minutes.pdf"))
    texts = [p.text for p in ps]
    assert "No declarations of interest were received" in texts
    assert "Cabinet Member updates were deferred to the next meeting of the Cabinet" in texts
    ps, _ = parse(corpus_file(
        "committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-proposed-record-of-decision.pdf"))
    agreed = [p for p in ps if p.text.startswith("Cabinet agree to:")]
    assert agreed and "A) the Commissioning Plan for Education Provision in Kent 2025-29" in agreed[0].text
    assert para(ps, "1.1").heading == "Background"  # the heading that heads something stays one


def test_parse__a_capital_letter_in_brackets_is_a_lettered_item():
    from assistant.parse.numbering import match_letter

    assert match_letter("A) the Commissioning Plan") == ("A", "the Commissioning Plan")
    assert match_letter("(B) the Plan") == ("B", "the Plan")
    assert match_letter("A. Smith said") is None  # an initial, not an item


def test_parse__a_row_of_figures_under_column_headers_is_a_paragraph_not_a_lost_heading():
    # "SEND Commissioning Intentions:" / "By 2025-26 By 2026-27 …" / "0 places 440 places 90 places 0 places": the
    # row had been read as a heading and dropped from the index, in the report and its record of decision
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-2025-29-"
                              "report.pdf"))
    rows = [p for p in ps if "0 places 440 places 90 places 0 places" in p.text]
    assert rows and rows[0].page_start == 3 and rows[0].text.startswith("By 2025-26 By 2026-27")


def test_parse__a_lists_key_printed_as_an_asterisk_bullet_stays_with_its_lead_in():
    from assistant.ingest.document import ExtractedDoc

    # "* booking …" (a space after the mark) reads as a bullet, but the items below use another bullet and carry
    # the key's mark: it is the list's key, not its first item
    lines = ["", "The sessions available at Margate Family Hub include:", "* booking or referral required.",
             "• Baby Massage*", "• Food Bank", "", "Cliftonville Family Hub is 1.3 miles away."]
    paragraphs = parse_paragraphs(ExtractedDoc(path=Path("eqia.pdf"), pages=[lines], paged=True), "eqia.pdf", "h")[0]
    assert paragraphs[0].text == ("The sessions available at Margate Family Hub include: * booking or referral "
                                  "required.\n• Baby Massage*\n• Food Bank")
    # a list printed with asterisks is a list: its first item is no key
    lines = ["", "The council will:", "* review the policy", "* consult residents", "", "It ended there."]
    paragraphs = parse_paragraphs(ExtractedDoc(path=Path("p.pdf"), pages=[lines], paged=True), "p.pdf", "h")[0]
    assert paragraphs[0].text == "The council will:\n• review the policy\n• consult residents"


@pytest.mark.corpus
def test_parse__the_eqias_list_key_printed_as_an_asterisk_bullet_is_no_item():
    path = corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-equality-impact-assessment.pdf")
    ps, _ = parse_paragraphs(extract(path), path.name, "h")
    margate = next(p for p in ps if p.text.startswith("The sessions available at Margate Family Hub"))
    assert "amendments): * booking or referral required.\n• Baby Massage*\n" in margate.text
    assert not any("• booking or referral required." in p.text for p in ps)


def test_parse__a_title_printed_between_two_lists_heads_the_second():
    from assistant.ingest.document import ExtractedDoc

    full = "• There are four serious case reviews ongoing at the time of the inspection."
    lines = ["", "Child protection in this area",
             "• At 6 March 2017, 1,176 children and young people were the subject of a child",
             "protection plan (a rate of 36 per 10,000 children). This is an increase from 1,049",
             "children (32 per 10,000 children) at 31 March 2016.", full, "Children looked after in this area",
             "• At 6 March 2017, 1,893 children were being looked after by the local authority (a",
             "rate of 57 per 10,000 children). This is a reduction from 2,310 (70 per 10,000",
             "children) at 31 March 2016."]
    ps = parse_paragraphs(ExtractedDoc(path=Path("r.pdf"), pages=[lines], paged=True), "r.pdf", "h")[0]
    assert [p.text for p in ps][1] == full
    assert ps[-1].heading == "Children looked after in this area"
    # a caption after a lead-in's colon is no title: "Details are shown below:" / "All figures in £m" / …
    lines = ["", "Details of the significant variances of the directorates are shown below, by service:",
             "All figures in £m", "• Home to School Transport 96.3 87.7"]
    ps = parse_paragraphs(ExtractedDoc(path=Path("f.pdf"), pages=[lines], paged=True), "f.pdf", "h")[0]
    assert not any(p.heading == "All figures in £m" for p in ps)


@pytest.mark.corpus
def test_parse__an_older_reports_section_titles_printed_with_no_gap_are_not_glued_to_the_paragraph_above():
    ps, _ = parse(corpus_file("ofsted/kent_ofsted-childrens-services_2017-06-13.pdf"))
    assert any(p.text == "• There are four serious case reviews ongoing at the time of the inspection." for p in ps)
    adoptions = next(p for p in ps if "there have been 86 adoptions" in p.text)
    assert adoptions.heading == "Children looked after in this area"
    # "93. … schools and colleges." / "Inspection findings – the Local Safeguarding Children Board" / "94. …"
    p93 = next(p for p in ps if p.para == "93")
    assert p93.text.endswith("schools and colleges.")
    assert next(p for p in ps if p.para == "94").heading.startswith("Inspection findings – the Local Safeguarding")


@pytest.mark.corpus
def test_parse__section_number_set_off_by_a_bar_ends_the_paragraph_above_it_across_a_page():
    # "2.6 Note the Reserves … Appendix 3" ends page 4 without a full stop; page 5 opens "3 | Revenue Budget Forecast":
    # the next section's numbered title, not the recommendation's last words
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf"))
    rec = para(ps, "2.6")
    assert rec.text.endswith("Appendix 3") and (rec.page_start, rec.page_end) == (4, 4)
    first = next(p for p in ps if p.text.startswith("The forecast revenue outturn position"))
    assert first.heading == "3 | Revenue Budget Forecast" and first.page_start == 5
    debt = next(p for p in ps if p.text.startswith("DSG Adjustment Account"))
    assert "Treasury" not in debt.text and debt.page_end == 48
    assert para(ps, "8.1").heading == "8 | Treasury Management Monitoring"
    assert not any(p.para == "7.000" for p in ps)  # a figure's zero-padded decimals number no paragraph


@pytest.mark.corpus
def test_parse__a_tables_caption_after_the_table_above_starts_and_heads_its_own_table():
    # the primary table ends "… up to 120 temporary Year R places"; after a blank line "Secondary School
    # Commissioning Intentions" (no colon) stands over its own table's cells: two paragraphs, not one run-on line
    ps, _ = parse(corpus_file(
        "committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-proposed-record-of-decision.pdf"))
    primary = next(p for p in ps if "120 temporary Year R places" in p.text)
    secondary = next(p for p in ps if "810 temporary Year 7 places" in p.text)
    assert primary is not secondary and "Year 7" not in primary.text
    assert primary.heading == "Primary School Commissioning Intentions"
    assert secondary.heading == "Secondary School Commissioning Intentions"
    assert secondary.text.startswith("By 2025-26 By 2026-27")
    # the same table in the report, already its own paragraph, is headed by its own caption too
    ps, _ = parse(corpus_file(
        "committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-2025-29-report.pdf"))
    secondary = next(p for p in ps if p.text.startswith("By 2025-26") and "150 Year 7 temp places" in p.text)
    assert secondary.heading == "Secondary School Commissioning Intentions"




@pytest.mark.corpus
def test_parse__an_agendas_last_item_ends_before_the_next_section_and_the_signature():
    # "9. … (Pages 461 - 610)" / "EXEMPT ITEMS" / "(At the time of preparing …)" / "Benjamin Watts" / …: the item
    # is a paragraph of its own, the section's title heads its note, the officer's name is not the note's words
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-01-30_agenda-frontsheet.pdf"))
    item = next(p for p in ps if p.para == "9")
    assert item.text == "9. 24/00096 - Commissioning Plan for Education Provision in Kent 2025-29 (Pages 461 - 610)"
    note = next(p for p in ps if p.text.startswith("(At the time of preparing the agenda"))
    assert note.heading == "EXEMPT ITEMS" and note.text.endswith("open to the public)")
    assert any(p.text == "Benjamin Watts General Counsel 03000 416814" for p in ps)
    # the last item over a blank line and the signature below it
    ps, _ = parse(corpus_file("committee/kent-cc_county-council_2025-03-13_agenda-frontsheet.pdf"))
    assert next(p for p in ps if p.para == "17").text == "17. Motion for Time Limited Debate (Pages 341 - 342)"
    assert any(p.text == "Benjamin Watts General Counsel 03000 416814" for p in ps)
    # a note in brackets after an item with no page range ends before the signature below it
    ps, _ = parse(corpus_file("committee/kent-cc_cabinet_2025-03-04_agenda-frontsheet.pdf"))
    assert next(p for p in ps if p.para == "8").text.endswith("NOT to be open to the public)")
    assert any(p.text == "Benjamin Watts General Counsel 03000 416814" for p in ps)


@pytest.mark.corpus
def test_parse__a_letter_spaced_title_heads_its_items_as_its_word():
    # "A G E N D A" over the items: a reader searches for "agenda", not for its letters
    ps, _ = parse(corpus_file("committee/kent-cc_county-council_2025-03-13_agenda-frontsheet.pdf"))
    assert next(p for p in ps if p.para == "1").heading == "AGENDA"


def test_unspaced__only_a_title_printed_wholly_letter_spaced():
    from assistant.parse.paragraphs import _unspaced
    assert _unspaced("A G E N D A") == "AGENDA"
    assert _unspaced("A B") == "A B" and _unspaced("Section A B C D") == "Section A B C D"
