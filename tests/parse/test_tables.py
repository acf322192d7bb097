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
