"""Tab-separated tables: one readable line per row, each cell named by its column header."""

from assistant.parse.tables import is_table_line, table_rows


def test_table_rows__cells_named_by_their_headers():
    lines = ["Risk\tLikelihood\tImpact", "Recruitment\tHigh\tMajor", "Demand\tMedium\tModerate"]
    assert table_rows(lines) == ["Risk: Recruitment; Likelihood: High; Impact: Major",
                                 "Risk: Demand; Likelihood: Medium; Impact: Moderate"]


def test_table_rows__a_row_split_across_a_page_break_is_joined_and_repeated_headers_dropped():
    lines = ["Risk\tRating", "Recruitment of social\tHigh", "Risk\tRating", "\t(rising)", "", "Demand\tLow"]
    assert table_rows(lines) == ["Risk: Recruitment of social; Rating: High (rising)", "Risk: Demand; Rating: Low"]


def test_table_rows__cells_beyond_the_header_get_a_column_number():
    assert table_rows(["Name\tValue", "A\t1\textra"]) == ["Name: A; Value: 1; Column 3: extra"]


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
    assert figure_rows(lines) == {2, 3}
    assert figure_rows(["A lone line ending 12 14", "prose"]) == set()
