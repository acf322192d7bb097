"""Tables of figures rebuilt from word positions (ingest/grid.py), on made-up lines and on real pages."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest.extract import extract
from assistant.ingest.grid import Cell, PrintedLine, grid_tables
from assistant.parse.context import printed_table
from assistant.parse.paragraphs import parse_paragraphs
from tests.conftest import corpus_file

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"


def line(base: float, *cells: tuple[float, float, str], size: float = 12.0) -> PrintedLine:
    return PrintedLine(base, size, tuple(Cell(*c) for c in cells))


# a header printed cell by cell, each cell's words over two lines, as PDFium gives it; then rows, one line each
HEADER = [line(700, (50, 130, "RESPONDING AS…"), (370, 430, "Number of")), line(686, (370, 440, "consultees")),
          line(700, (470, 560, "% of consultees")), line(686, (480, 540, "answering"))]
ROWS = [line(660, (50, 160, "A Kent resident"), (400, 420, "887"), (500, 520, "87%")),
        line(640, (50, 180, "Prefer not to answer"), (405, 420, "83"), (505, 520, "8%")),
        line(620, (50, 100, "Total"), (395, 420, "1,016"))]  # a total may leave a column empty


def test_grid_tables__header_pieces_go_to_the_column_they_stand_over_and_each_row_keeps_its_cells():
    prose = [line(740, (50, 560, "The table below shows the profile of consultees.")),
             line(726, (50, 300, "It includes those who left the question blank."))]
    lines = prose + HEADER + ROWS + [line(580, (50, 560, "Most consultees live in Kent."))]
    found = grid_tables(lines)
    assert list(found) == [2]  # the table starts at its header's first line; the prose above is not header
    end, rebuilt = found[2]
    assert end == 9
    assert rebuilt == ["RESPONDING AS…\tNumber of consultees\t% of consultees answering",
                       "A Kent resident\t887\t87%", "Prefer not to answer\t83\t8%", "Total\t1,016\t"]


def test_grid_tables__a_first_cell_run_over_two_lines_a_broken_header_word_and_a_caption():
    lines = [line(520, (370, 500, "All figures in £m")),  # a caption over two columns: not a column's header
             line(500, (330, 380, "Revenu")), line(488, (370, 378, "e")), line(476, (340, 380, "Budget")),
             line(500, (420, 470, "Revenu")), line(488, (462, 470, "e")), line(476, (420, 470, "Variance")),
             line(450, (100, 300, "Education & Special Educational Needs"), (355, 380, "125.6"), (445, 470, "-5.0")),
             line(430, (110, 300, "Strategic Commissioning (Integrated &")),
             line(418, (260, 300, "Adults)"), (360, 380, "22.1"), (450, 470, "+1.0"))]
    (start, (end, rebuilt)), = grid_tables(lines).items()
    assert (start, end) == (1, 10)  # the caption stays a line of its own
    assert rebuilt == ["\tRevenue Budget\tRevenue Variance", "Education & Special Educational Needs\t125.6\t-5.0",
                       "Strategic Commissioning (Integrated & Adults)\t22.1\t+1.0"]


def test_grid_tables__no_header_prose_side_by_side_agenda_items_and_form_fields_are_not_tables():
    assert grid_tables(ROWS) == {}  # its first row would be read as its header
    assert grid_tables([line(700, (50, 300, "Caseloads")), line(686, (50, 300, "Children in care"))]) == {}
    side_by_side = [line(700 - 14 * k, (50, 280, f"Leaders have improved practice in {k} teams and services."),
                         (300, 560, f"Inspectors found {k} examples of good work with families across Kent."))
                    for k in range(4)]
    assert grid_tables(side_by_side) == {}
    agenda = [line(700, (50, 70, "8."), (90, 400, "Kent Minerals and Waste Local Plan")),
              line(680, (50, 70, "9."), (90, 400, "Review of Decision 24/00093"), (450, 560, "(Pages 31 - 190)")),
              line(660, (50, 70, "10."), (90, 400, "Armed Forces Covenant"), (450, 560, "(Pages 191 - 222)"))]
    assert grid_tables(agenda) == {}
    form = [line(700, (50, 120, "Decision Number"), (200, 300, "Ref")),
            line(680, (50, 80, "From:"), (200, 400, "Roger Gough, Leader")),
            line(660, (50, 80, "To:"), (200, 400, "Cabinet, 30 January 2025")),
            line(640, (50, 80, "Date:"), (200, 400, "30 January 2025"))]
    assert grid_tables(form) == {}


def test_extract_pdf__a_table_of_figures_is_parsed_as_its_headers_then_its_rows_as_printed_on_their_page():
    """A real page (Kent's late budget changes, 4 March 2025): the header's four lines per column and "£'000"
    under each are read as one header per column; each row stays as printed (a citation quotes the document's
    own text) and is its own paragraph; the paragraphs above and below stay paragraphs."""
    paragraphs, _ = parse_paragraphs(extract(DATA / "table-of-figures-late-budget-changes-p2.pdf"), "late.pdf", "h")
    at = next(i for i, p in enumerate(paragraphs) if p.kind == "table-row")
    assert paragraphs[at - 1].kind == "table-header" and paragraphs[at - 1].text == ("Estimate included in County Council papers £'000 | "
                                       "Updated figures for Cabinet £'000 | Increase £'000")
    assert [p.text for p in paragraphs[at:at + 3]] == [
        "Business rates top up grant 149,107.7 149,107.7",
        "Retained business rates - baseline & local share 67,238.1 69,097.6",
        "Business rates compensation grant 52,795.4 50,978.6"]
    assert all(p.page_start == 1 for p in paragraphs[at - 1:at + 3])
    assert any(p.kind == "text" and "confirmed following receipt of NNDR1 information" in p.text for p in paragraphs)


def test_extract_pdf__tables_one_after_another_on_a_page_are_each_read_with_their_own_header():
    paragraphs, _ = parse_paragraphs(extract(DATA / "table-of-figures-consultation-profile-p6.pdf"), "c.pdf", "h")
    texts = [p.text for p in paragraphs]
    for header, row in [("RESPONDING AS… | Number of consultees answering | % of consultees answering",
                         "A Kent resident 887 87%"),
                        ("GENDER | Number of consultees answering | % of consultees answering", "Female 653 64%"),
                        ("AGE | Number of consultees answering | % of consultees answering", "0-15 21 2")]:
        assert texts[texts.index(row) - 1] == header or header in texts[:texts.index(row)]
    assert "25-34 275 27" in texts  # "AGE … 0-15 21 2 16-24 57 6 25-34 275 27 …" had been one run-on line


def test_printed_table__a_row_is_shown_in_its_own_table_with_its_header_not_the_next_tables():
    """A row of a real page of consultation tables is cited with its table as printed there: its header and its
    rows, one per line, and nothing of the tables above or below it."""
    paragraphs, _ = parse_paragraphs(extract(DATA / "table-of-figures-consultation-profile-p6.pdf"), "c.pdf", "h")
    female = next(i for i, p in enumerate(paragraphs) if p.text == "Female 653 64%")
    table = printed_table(paragraphs, female).splitlines()
    assert table[0] == "GENDER | Number of consultees answering | % of consultees answering"
    assert table[1:3] == ["Male 134 13%", "Female 653 64%"]
    assert not any("Kent resident" in line or line.startswith("0-15") for line in table)
    prose = next(i for i, p in enumerate(paragraphs) if p.kind == "text")
    assert printed_table(paragraphs, prose) == ""


def test_extract_pdf__a_finance_tables_broken_header_words_are_mended_and_its_rows_keep_their_page():
    path = corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf")
    paragraphs, _ = parse_paragraphs(extract(path), path.name, "h")
    at = next(i for i, p in enumerate(paragraphs)
              if p.text == "Integrated Children’s Services (Operations and County Wide) 300.8 295.5 -5.3")
    assert paragraphs[at].page_start == 11 and paragraphs[at].kind == "table-row"
    assert paragraphs[at - 2].text == "Revenue Budget | Revenue Forecast | Revenue Variance"  # not "Revenu e Budget"
    split = next(p for p in paragraphs if p.text.startswith("Strategic Management & Directorate Budgets 39.3"))
    assert split.text.endswith("39.3 10.0 -29.3")  # a row whose figures sit a little lower is one row
