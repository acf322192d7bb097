"""Minutes: a minute heading is its number above "(Item N)"; minutes without numbers are cited by item."""

from dataclasses import dataclass

from assistant.parse.minutes import dominant_style, find_minute_headings


@dataclass
class Line:
    text: str


def lines(*texts):
    return [Line(t) for t in texts]


def test_minute_headings__number_above_item_line_labels_the_heading():
    doc = lines("283. Apologies for Absence", "(Item 1)", "1) Apologies were received from Mr Hood.",
                "284. Minutes of the meeting held on 9 January", "(Item 2)", "1) RESOLVED that the minutes be agreed.")
    heads = find_minute_headings(doc)
    assert heads == {0: "283", 1: "283", 3: "284", 4: "284"}
    assert dominant_style(doc, heads) == "close"


def test_minute_headings__minutes_printing_no_numbers_are_labelled_by_item():
    doc = lines("Apologies", "(Item 1)", "Apologies were received.", "Budget monitoring", "(Item 2)", "Noted.")
    heads = find_minute_headings(doc)
    assert heads[1] == "Item 1" and heads[4] == "Item 2"


def test_minute_headings__one_item_line_is_not_minutes():
    assert find_minute_headings(lines("Agenda", "(Item 1)", "Text.")) == {}
