"""Running headers, footers and page numbers are found by their repetition across pages, digits varying."""

import pytest

from assistant.ingest.extract import extract
from assistant.parse.furniture import furniture_lines, repeated_header, strip_furniture
from assistant.parse.paragraphs import parse_paragraphs
from tests.conftest import corpus_file


def page(n, body):
    return [f"Inspection of Medway local authority children's services 17 to 28 July 2023 {n}", "", *body,
            "", f"Page {n} of 4"]


def test_furniture__repeated_header_with_varying_page_number_and_page_footer_are_dropped():
    bodies = ["Leaders know their services well.", "Caseloads are manageable.", "Care leavers are supported.",
              "Plans are reviewed regularly."]
    pages = [page(n, [body]) for n, body in enumerate(bodies, start=1)]
    cleaned = strip_furniture(pages)
    assert all(not any("Inspection of Medway" in line or line.startswith("Page ") for line in p) for p in cleaned)
    assert [next(line for line in p if line.strip()) for p in cleaned] == bodies


def test_furniture__a_line_seen_on_one_page_only_is_kept():
    pages = [page(n, ["Shared body line"] if n == 1 else [f"Other text {n}"]) for n in range(1, 5)]
    assert 2 not in furniture_lines(pages)[0]  # "Shared body line" appears once: it is text
    assert "Shared body line" in strip_furniture(pages)[0]


def test_furniture__a_single_page_is_left_alone():
    only = [["Title", "Text.", "1"]]
    assert strip_furniture(only) == only


def test_furniture__a_minutes_item_line_at_the_top_of_each_page_is_kept():
    # "(Item 3)", "(Item 4)" ... differ only by their number, as page numbers do, but head the minutes' items
    pages = [[f"(Item {n})", f"1. The report on topic {n} was introduced.", "", f"Page {n}"] for n in range(1, 5)]
    cleaned = strip_furniture(pages)
    assert [p[0] for p in cleaned] == ["(Item 1)", "(Item 2)", "(Item 3)", "(Item 4)"]
    assert not any("Page" in line for p in cleaned for line in p)


def test_furniture__text_recurring_near_page_edges_at_different_places_is_kept():
    """A motion quoted again in each amendment may fall among a page's first or last lines on several pages, at a
    different place each time; a running header sits at the same place on every page."""
    motion = "Endorse the joint work with District Councils"
    pages = []
    for n in range(1, 7):
        body = [f"Paragraph {n} text.", "More text here.", "Still more text.", "Yet more text.", "And more."]
        if n in (2, 3, 5, 6):
            body.insert(1 if n % 2 else 3, motion)
        pages.append(["Cabinet minutes", "", *body])
    cleaned = strip_furniture(pages)
    assert sum(motion in p for p in cleaned) == 4
    assert not any("Cabinet minutes" in p for p in cleaned)


def test_furniture__a_number_alone_is_a_page_number_only_when_it_runs_with_the_pages():
    """A table's cell holding only "9" at a page's foot is kept; the page numbers "2", "3", "4" are not."""
    pages = [["Intro text.", "More text."]] + [[f"Body of page {n}.", "Downloads", "9" if n == 3 else "text", "",
                                               str(n)] for n in range(2, 5)]
    cleaned = strip_furniture(pages)
    assert "9" in cleaned[2]
    assert [p[-1] for p in cleaned[1:]] == ["", "", ""]


def test_furniture__a_footnote_marker_on_its_own_line_is_dropped_and_a_question_number_kept():
    notes = ["This excludes the grant.", "See the 2024 report.", "Figures are unaudited.", "As at March."]
    pages = [[f"Question {n}", f"Text of page {n}.", "More.", "", "7", f" {notes[n - 1]}", f"Page {n}"]
             for n in range(1, 5)]
    cleaned = strip_furniture(pages)
    assert [p[0] for p in cleaned] == [f"Question {n}" for n in range(1, 5)]
    assert all("7" not in p and f" {note}" in p for p, note in zip(cleaned, notes))


@pytest.mark.corpus
def test_furniture__a_motion_falling_at_a_page_top_in_real_minutes_keeps_its_words():
    """Kent's printed minutes of 9 January 2025 quote one motion in four amendments; its line "District and
    Borough Council Leaders to respond the English Devolution White Paper" fell at a page's top or foot four times
    and had been dropped as a running header, leaving "… KCC, Medway Council and (2) …"."""
    from tests.parse.test_paragraphs import parse

    ps, _ = parse(corpus_file("committee/kent-cc_county-council_2025-01-09_printed-minutes.pdf"))
    amendments = [p for p in ps if p.para in ("285/17", "285/19", "285/21", "285/23")]
    assert len(amendments) == 4
    assert all("Medway Council and District and Borough Council Leaders" in p.text for p in amendments)
    consultation, _ = parse(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-consultation-report.pdf"))
    assert any("Questionnaire - Easy read version 9 Millmead" in p.text for p in consultation)


def test_a_tables_column_headers_printed_again_on_the_next_page_are_dropped():
    header = ["All figures in £m", "Reserve", "Opening", "Balance", "Details of key movements"]
    before = ["Reserves Monitoring", *header, "General Fund -43.0 7.1 -35.9 £5.1m contribution to reserves",
              "Grant / External Funds -16.2 5.7 -10.5 Drawdowns and contributions to manage fluctuations in spend"]
    page = ["", *header, "externally or by grant. Significant net drawdowns include Helping Hands (£3.0m)."]
    assert repeated_header(before, page, set(), set()) == {1, 2, 3, 4, 5}
    # a quoted motion printed again in an amendment is prose, not a header: kept
    motion = ["(1) Endorse the ongoing joint work between KCC,", "District and Borough Council Leaders to",
              "respond to the White Paper; and"]
    assert repeated_header(["County Council is asked to:", *motion, "Total 1 2"], ["", *motion, "Carried."],
                           set(), set()) == set()


@pytest.mark.corpus
def test_a_row_running_over_a_page_break_does_not_take_in_the_repeated_column_headers():
    path = corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf")
    ps, _ = parse_paragraphs(extract(path), path.name, "h")
    row = next(p for p in ps if p.text.startswith("Grant / External Funds"))
    assert "spend funded externally or by grant." in row.text and "Opening Balance" not in row.text
    assert (row.page_start, row.page_end) == (47, 48)
