"""Running headers, footers and page numbers are found by their repetition across pages, digits varying."""

from assistant.parse.furniture import furniture_lines, strip_furniture


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
