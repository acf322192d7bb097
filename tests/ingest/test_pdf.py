"""The PDF reader (PDFium via pypdfium2) on real pages: lines shaped as the parser expects them."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest.extract import ExtractError, extract
from assistant.ingest.pdf import extract_pdf
from assistant.parse.paragraphs import parse_paragraphs
from tests.conftest import corpus_file

REPO = Path(__file__).resolve().parents[2]
BUDGET_PAPER = REPO / "tests" / "data" / "moderngov" / "paper-budget-monitoring.pdf"
MEDWAY_2023 = REPO / "source_docs" / "medway_ofsted-childrens-services_2023-09-11.pdf"


def test_extract_pdf__real_committee_paper_has_numbers_at_line_starts_and_empty_lines_between_paragraphs() -> None:
    doc = extract_pdf(BUDGET_PAPER)
    assert doc.paged and len(doc.pages) == 4
    page2 = doc.pages[1]
    assert not any("\r" in line or "\ufffe" in line or line != line.rstrip() for p in doc.pages for line in p)
    i = page2.index("3.1 There are a number of factors to consider in response to the forecast overspend:")
    assert page2[i - 1] == "" and page2[i - 2] == "3. Mitigating the Forecast Overspend" and page2[i - 3] == ""
    # a paragraph's own lines follow each other with no empty line between them
    j = page2.index("2.4 The Chief Executive’s Department (£1.2m), Deputy Chief Executive’s Department")
    assert page2[j + 1] == "(£3.0m) and Non Attributable Costs (£7.0m) have maintained their underspend"


def test_extract_pdf__real_paper_parses_to_its_printed_paragraph_numbers_and_pages() -> None:
    paragraphs, _ = parse_paragraphs(extract_pdf(BUDGET_PAPER), BUDGET_PAPER.name, "h")
    numbered = [(p.para, p.page_start) for p in paragraphs if p.para and p.para[0].isdigit()]
    assert numbered == [("1.1", 1), ("2.1", 1), ("2.2", 1), ("2.3", 2), ("2.3", 2), ("2.4", 2), ("3.1", 2),
                        ("3.2", 2), ("3.3", 2), ("3.4", 2), ("3.5", 3), ("3.6", 3), ("3.6", 3), ("4.1", 3),
                        ("4.2", 3), ("4.3", 3)]  # 2.3 and 3.6 are printed twice in the paper: cited as printed
    lettered = [p for p in paragraphs if p.para == "c)" and p.page_start == 1]
    assert lettered and lettered[0].text == "c) NOTE the forecast capital underspend of £111.6m."


def test_extract_pdf__line_end_hyphen_stays_at_the_line_end_and_the_parser_mends_it() -> None:
    # PDFium joins "self-" / "esteem." into one word with a U+FFFE marker; the reader gives pypdf's two lines back
    page4 = extract_pdf(MEDWAY_2023).pages[3]
    i = page4.index("activities, which positively contribute to their increased confidence and self-")
    assert page4[i + 1] == "esteem."
    paragraphs, _ = parse_paragraphs(extract_pdf(MEDWAY_2023), MEDWAY_2023.name, "h")
    para18 = next(p for p in paragraphs if p.para == "18")
    assert (para18.page_start, para18.page_end) == (4, 4)
    assert para18.text.endswith("contribute to their increased confidence and self-esteem.")
    para19 = next(p for p in paragraphs if p.para == "19")
    assert (para19.page_start, para19.page_end) == (4, 5)  # runs over the page break


def test_extract_pdf__paragraph_numbers_keep_their_space() -> None:
    doc = extract_pdf(MEDWAY_2023)
    lines = [line for page in doc.pages for line in page]
    assert any(line.startswith("19. ") for line in lines)
    assert not any(line[:3].rstrip(".").isdigit() and line[2:3] == "." and line[3:4].isalpha() for line in lines)


@pytest.mark.parametrize("content, reason", [(b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
                                             (b"hello", "not a readable PDF")])
def test_extract_pdf__broken_file_is_one_line_error(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(content)
    with pytest.raises(ExtractError, match=reason) as err:
        extract(path)
    assert "\n" not in str(err.value) and str(err.value).startswith("broken.pdf: ")


def test_extract_pdf__truncated_real_pdf_is_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.pdf"
    path.write_bytes(BUDGET_PAPER.read_bytes()[:20000])
    with pytest.raises(ExtractError, match=r"^cut\.pdf: ") as err:
        extract(path)
    assert "\n" not in str(err.value)


def test_extract_pdf__password_protected_pdf_names_the_fix(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.append(str(BUDGET_PAPER))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ExtractError, match=r"^locked\.pdf: the PDF is password-protected; save an unprotected copy"):
        extract(path)


def test_extract_pdf__judgement_table_comes_without_empty_lines_and_parses_to_one_judgement_a_line() -> None:
    # PDFium prints the table's grade column beside its rows; pypdf gave the table with no empty line inside,
    # and the parser needs it so to lay it out ("Overall effectiveness: Good")
    page1 = extract_pdf(MEDWAY_2023).pages[0]
    start, end = page1.index("Judgement Grade"), page1.index("Overall effectiveness Good")
    assert "" not in page1[start:end + 2]
    paragraphs, _ = parse_paragraphs(extract_pdf(MEDWAY_2023), MEDWAY_2023.name, "h")
    table = next(p for p in paragraphs if "Overall effectiveness: Good" in p.text)
    assert table.page_start == 1
    assert "The experiences and progress of children who need help and protection: Requires improvement to be good" \
        in table.text.splitlines()


def test_extract_pdf__a_forms_values_printed_beside_their_labels_are_parsed_with_them() -> None:
    # Kent's EqIA form: each value is printed in a cell beside its label and PDFium reads it out after the label's
    # guidance note; it had been taken for the heading of the next field
    path = corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-equality-impact-assessment.pdf")
    doc = extract_pdf(path)
    page1 = doc.pages[0]
    assert page1.index("Ben Sherreard") in doc.beside[0]
    paragraphs, _ = parse_paragraphs(doc, path.name, "h")
    officer = next(p for p in paragraphs if p.para == "4")
    assert officer.text.startswith("4. Officer completing EQIA")
    assert officer.text.endswith("Ben Sherreard Programme Manager – Family Hubs")
    assert not any((p.heading or "").startswith(("Ben Sherreard", "Dan Bride")) for p in paragraphs)


def test_extract_pdf__a_screening_forms_answers_stay_with_their_questions() -> None:
    path = corpus_file("committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-dpia-screening.pdf")
    paragraphs, _ = parse_paragraphs(extract_pdf(path), path.name, "h")
    first = next(p for p in paragraphs if p.para == "1")
    assert first.text.endswith("for which this DPIA screening tool is being carried out. Yes")
    assert not any(p.heading == "Yes" for p in paragraphs)


def test_extract_pdf__report_text_has_no_cells_beside_it() -> None:
    # an inspection report is single-column prose: only its page-1 judgement table (read apart) has cells
    doc = extract_pdf(MEDWAY_2023)
    assert not any(doc.beside[1:])


MEDWAY_2013 = REPO / "source_docs" / "medway_ofsted-childrens-services_2013-08-23.pdf"


def test_extract_pdf__a_numbered_paragraphs_hanging_lines_keep_it_whole_after_a_short_line() -> None:
    # paragraph 42 of Medway's 2013 report: "… much higher than comparators." ends a line short of the margin and the
    # next line starts a sentence, which reads as a paragraph break; but the line starts where the paragraph's text
    # starts after its number (a hanging indent), so it goes on with paragraph 42
    doc = extract_pdf(MEDWAY_2013)
    page16 = doc.pages[15]
    i = page16.index("Medway Council has recently taken positive action to overcome barriers to")
    assert page16[i - 1].endswith("much higher than comparators.") and i in doc.hangs[15]
    assert page16.index("42. The impact of services to improve the economic wellbeing of looked after") \
        not in doc.hangs[15]
    paragraphs, _ = parse_paragraphs(doc, MEDWAY_2013.name, "h")
    p42 = next(p for p in paragraphs if p.para == "42")
    assert "much higher than comparators. Medway Council has recently taken positive action" in p42.text
    assert p42.text.endswith("which is an improvement on the previous quarter at 30%.")
    assert not any(p.text.startswith("Medway Council has recently taken") for p in paragraphs)


def test_extract_pdf__a_two_column_tables_cell_of_several_sentences_is_one_paragraph() -> None:
    # the record of decision's "Option | Discounted because" table: each reason is a short line of its own, under
    # the first line's second cell
    path = corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf")
    paragraphs, _ = parse_paragraphs(extract_pdf(path), path.name, "h")
    texts = [p.text for p in paragraphs if p.page_start == 6]
    assert "2 Would not achieve the full MTFP saving agreed by Council. Would require cuts elsewhere to areas that " \
           "have already been cut. Would retain inconsistency in our delivery model." in texts
    assert "Would retain inconsistency in our delivery model." not in texts
    assert "5 Would not achieve the full MTFP saving as agreed by Council." in texts  # the next row starts anew


MEDWAY_2015 = REPO / "source_docs" / "medway_ofsted-childrens-services_2015-11-27.pdf"


def test_footnote_lines__the_last_lines_set_smaller_than_the_text_from_the_notes_number() -> None:
    from assistant.ingest.pdfium_text import footnote_lines

    body = [(i, 12.0, f"Line {i} of the report's text, which runs on") for i in range(1, 8)]
    note = [(8, 6.5, "1 The areas for improvement have been cross-referenced with the outcomes, enablers or"),
            (9, 10.0, "principles in the Children’s Social Care: National Framework.")]
    assert footnote_lines(body + note) == {8, 9}
    assert footnote_lines(body + [(8, 10.0, "Source: Kent Analytics, December 2024")]) == set()  # no note number
    assert footnote_lines(body) == set()


def test_extract_pdf__a_footnote_is_its_own_paragraph_on_its_page() -> None:
    doc = extract_pdf(MEDWAY_2015)
    assert doc.notes[0] and not any(doc.notes[1:])
    paragraphs, _ = parse_paragraphs(doc, MEDWAY_2015.name, "h")
    notes = [p for p in paragraphs if p.kind == "note"]
    assert len(notes) == 1 and notes[0].page_start == notes[0].page_end == 1 and notes[0].para is None
    assert notes[0].text.startswith("1 Ofsted produces this report under its power to combine reports")
    assert sum("Ofsted produces this report under its power" in p.text for p in paragraphs) == 1


def test_extract_pdf__a_paragraph_that_runs_on_past_a_footnote_stays_whole() -> None:
    path = corpus_file("ofsted/bradford_ofsted-childrens-services_2026-05-21.pdf")
    paragraphs, _ = parse_paragraphs(extract_pdf(path), path.name, "h")
    three = next(p for p in paragraphs if p.para == "3")
    assert (three.page_start, three.page_end) == (2, 3)
    assert "Risks are identified appropriately, and managers provide consistent oversight" in three.text
    assert "cross-referenced" not in three.text
    note = next(p for p in paragraphs if p.kind == "note")
    assert note.page_start == 2 and note.text.startswith("1 The areas for improvement have been cross-referenced")
    assert paragraphs.index(note) == paragraphs.index(three) + 1  # after the paragraph it was printed inside


def test_parallel_lists__a_table_of_lists_side_by_side_is_read_one_column_at_a_time() -> None:
    from assistant.ingest.pdfium_text import parallel_lists

    # (baseline, font size, left edge, text) in PDFium's order: the row of lead-ins, then the row of lists
    lines = [(500, 12, 72, "Appendix 1: Service Offer Comparison"),
             (470, 10, 72, "Millmead offers:"), (458, 10, 72, "*booking required."),
             (470, 10, 240, "Margate offers:"), (458, 10, 240, "*booking required."),
             (440, 10, 90, "• Baby Massage*"), (428, 10, 90, "• Stay and Play"),
             (440, 10, 256, "• Food Bank"), (428, 10, 256, "• Sensory Room"), (416, 10, 256, "• One You"),
             (380, 10, 72, "The alternative hubs are within 1.5 miles.")]
    order, starts = parallel_lists(lines)
    assert [lines[i][3] for i in order] == [
        "Appendix 1: Service Offer Comparison", "Millmead offers:", "*booking required.", "• Baby Massage*",
        "• Stay and Play", "Margate offers:", "*booking required.", "• Food Bank", "• Sensory Room", "• One You",
        "The alternative hubs are within 1.5 miles."]
    assert starts == {5}  # Margate's column begins a paragraph of its own
    # a two-column table of rows whose cells are not lists ("Option | Discounted because") is left as printed
    rows = [(470, 10, 72, "Option"), (470, 10, 240, "Discounted because"),
            (450, 10, 72, "2"), (450, 10, 240, "Would not achieve the saving.")]
    assert parallel_lists(rows) is None
    assert parallel_lists([(470, 10, 72, "One column of prose."), (458, 10, 72, "Goes on.")]) is None


def test_extract_pdf__the_hubs_lists_printed_side_by_side_are_each_read_with_their_lead_in() -> None:
    # the service offer comparison: four hubs' lead-ins in a row, then their four lists in a row; the four lead-ins
    # had been one paragraph, and the lists one list of 80 sessions under none of them
    path = corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-service-offer-comparison.pdf")
    paragraphs, _ = parse_paragraphs(extract_pdf(path), path.name, "h")
    northdown = next(p for p in paragraphs if p.text.startswith("The sessions that will be available from Northdown"))
    assert "include: *booking or referral required.\n• Baby Massage*\n• Breastfeeding Support Group" in northdown.text
    assert "Margate" not in northdown.text and "Cliftonville" not in northdown.text
    millmead = next(p for p in paragraphs if p.text.startswith("The Family Hub services on offer at Millmead"))
    assert millmead.text.endswith("• 1-2-1 Family Work*") and "The sessions" not in millmead.text
    assert sum(p.text.count("• Baby Massage*") for p in paragraphs if p.page_start == 1) == 4


def test_extract_pdf__a_footnote_marker_set_small_and_raised_is_not_part_of_the_word_or_figure_before_it() -> None:
    text = extract_pdf(MEDWAY_2015).text  # "Local Safeguarding Children Board¹", "this local authority area²"
    assert "Children Board1" not in text and "authority area2" not in text and "special school3" not in text
    assert "Local Safeguarding Children Board" in text
    performance = extract_pdf(corpus_file(
        "committee/kent-cc_cabinet_2025-03-04_quarterly-performance-report-q3-2024-25.pdf")).text
    assert "17 of the 38\nindicators" in performance and "the 381" not in performance  # "38¹": 17 + 12 + 9 rated
    section_25 = extract_pdf(corpus_file("committee/kent-cc_county-council_2025-02-13_section-25-assurance-statement.pdf"))
    assert "power of 6.3%\n" in section_25.text and "6.3%1" not in section_25.text
    assert "2024/25" in performance and "2025-26" in section_25.text  # figures printed at full size are untouched
