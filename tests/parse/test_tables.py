"""Tab-separated tables: one readable line per row, each cell named by its column header."""

import pytest

from assistant.parse.tables import is_table_line, table_rows


def test_table_rows__cells_named_by_their_headers():
    lines = ["Risk\tLikelihood\tImpact", "Recruitment\tHigh\tMajor", "Demand\tMedium\tModerate"]
    assert table_rows(lines) == ["Risk: Recruitment; Likelihood: High; Impact: Major",
                                 "Risk: Demand; Likelihood: Medium; Impact: Moderate"]


def test_table_rows__a_row_split_across_a_page_break_is_joined_and_repeated_headers_dropped():
    lines = ["Risk\tRating", "Recruitment of social\tHigh", "Risk\tRating", "\t(rising)", "", "Demand\tLow"]
    assert table_rows(lines) == ["Risk: Recruitment of social; Rating: High (rising)", "Risk: Demand; Rating: Low"]


def test_table_rows__cells_beyond_the_header_get_a_column_number():
    assert table_rows(["Name\tValue", "A\t1\textra"]) == ["Name: A; Value: 1; extra"]


def test_is_table_line__needs_a_tab_between_cells():
    assert is_table_line("Risk\tRating") and not is_table_line("Risk Rating")


# --- a table of figures printed as text (a PDF's finance or survey table): each row a paragraph ---

def test_figure_row__a_label_then_two_or_more_figures():
    from assistant.parse.tables import figure_row
    assert figure_row("Adult Social Care & Health 586.1 621.6 +35.4 +6.0%")
    assert figure_row("Directorates Position 1,432.3 1,455.6 + 23.3 +1.6%")
    assert figure_row("White English 665 65%")
    assert figure_row("Children, Young People & Education (16.7) (14.8) (0.3)")


def test_figure_row__prose_phone_numbers_and_agenda_pages_are_not_rows():
    from assistant.parse.tables import figure_row
    assert not figure_row("The looked after population rose from 1469 to 1831")
    assert not figure_row("in 2023 and 2024")
    assert not figure_row("Textphone: 0161 618 8524")
    assert not figure_row("Benjamin Watts General Counsel 03000 416814")
    assert not figure_row("12. Treasury Management - Mid-Year Update 2024-25 (Pages 245 - 266)")
    assert not figure_row("Page 6 of 54")


def test_figure_rows__only_a_row_next_to_another_row():
    from assistant.parse.tables import figure_rows
    lines = ["All figures in £m", "Directorate Budget Forecast Variance", "Adult Social Care 586.1 621.6 +35.4",
             "Children's Services 430.6 420.8 -9.9", "The table shows the position at quarter 3.",
             "The council had 35 posts in 2023 2024"]
    assert figure_rows(lines) == ({2, 3}, {})
    assert figure_rows(["A lone line ending 12 14", "prose"]) == (set(), {})


def test_figure_rows__a_label_printed_over_several_lines_is_one_row_with_its_figures():
    from assistant.parse.tables import figure_rows
    lines = ["Number of consultees answering % of consultees answering",  # the header: not a row's label
             "Seashells has a free accessible car park, Gateway does not 65 13%",
             "Seashells provides a social aspect / making friends / prevents social",
             "isolation 64 13%",
             "Seashells is an information resource / they provide advice and",
             "signposting 38 8%",
             "Seashells is local, accessible on foot, with pushchairs / for the",
             "disabled; many wouldn't be able to access other centres, nor afford to",
             "use transport",
             "68 13%",
             "Some example verbatims can be found below.",
             "This paragraph of prose goes on to a line that ends",
             "in 2023 with 12 14"]  # prose whose line happens to end in figures: no row next to it
    assert figure_rows(lines) == ({1}, {2: 3, 4: 5, 6: 9})
    # a label going on after "&" whatever its next line's case, and the end of a label printed under its figures
    finance = ["Adult Social Care & Health Operations 524.7 588.4 +63.7", "Strategic Commissioning (Integrated &",
               "Adults) 22.1 23.2 +1.0", "One-year revenue impact of a 1% fall in interest -£2.56m -£10m", "rates",
               "8.11 Maturity structure of borrowing: this indicator is set to control the exposure."]
    assert figure_rows(finance) == ({0}, {1: 2, 3: 4})
    # a label's lines on two pages, or after a sentence's end, are not joined
    assert figure_rows(["Seashells provides a social aspect", "isolation 64 13%", "Gateway 60 12%"],
                       [1, 2, 2]) == ({1, 2}, {})


def test_figure_rows__a_capitalised_label_line_between_two_rows_starts_the_next_one():
    """A label in capitals printed over two lines beside its figures ("Apply for or renew a Blue" | "Badge 84% …"),
    after a row that ended in its own figures, is the next row's, not a tail on the row above."""
    from assistant.parse.tables import figure_rows
    lines = ["Book a Driver Improvement Course 91% 91% 91% 87% 46,751", "Apply for or renew a Blue",
             "Badge 84% 86% 88% 87% 21,663", "Apply for a Concessionary Bus Pass 78% 76% 78% 78% 17,798"]
    assert figure_rows(lines, [14] * 4) == ({0, 3}, {1: 2})
    # not a sentence's end, a line of figures or a line on another page
    for above, pages in (("The figures are below.", [14] * 4), ("Apply for or renew a Blue", [13, 14, 14, 14])):
        assert figure_rows([lines[0], above, lines[2], lines[3]], pages)[1] == {}


def test_printed_rows__headers_joined_per_column_and_rows_kept_as_printed():
    from assistant.parse.tables import printed_rows

    header, rows = printed_rows(["\tRevenue Budget\tRevenue Forecast", "Total\t430.7\t420.8", "Totals\t\t12.0", ""])
    assert header == "Revenue Budget | Revenue Forecast"
    assert rows == ["Total 430.7 420.8", "Totals 12.0"]
    assert printed_rows([]) == ("", [])


def test_figure_rows__a_label_line_ending_in_a_count_starts_the_row_below():
    from assistant.parse.tables import figure_rows
    lines = ["Average cost per", "session per centre", "Surrounding 7", "Family Hubs", "£1,016.46 £349.53 £2,591.15",
             "Millmead £318.88 £128.86 £1,099.53"]
    single, wrapped = figure_rows(lines, [1] * len(lines))
    assert wrapped == {2: 4} and single == {5}  # the label's first line, "Surrounding 7", is the row's


@pytest.mark.corpus
def test_a_cost_tables_rows_keep_their_whole_labels():
    from assistant.ingest.extract import extract
    from assistant.parse.paragraphs import parse_paragraphs
    from tests.conftest import corpus_file
    path = corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-call-in-submission-24-00093.pdf")
    ps, _ = parse_paragraphs(extract(path), path.name, "h")
    rows = [p.text for p in ps if p.kind == "table-row"]
    assert "Surrounding 7 Family Hubs £1,016.46 £349.53 £2,2591.15" in rows
    assert "Surrounding 6 Family Hubs £666.98 £213.61 £1,829.52" in rows
    assert not any(p.heading == "Surrounding 7" for p in ps)  # the label's first line heads nothing
