"""Printed paragraph numbers are recognised by pattern and checked against the sequence."""

from assistant.parse.numbering import Sequence, match_letter, match_number


def accept_all(lines, after_break=True):
    seq = Sequence()
    out = []
    for line in lines:
        num = match_number(line)
        out.append(num.label if num and seq.accept(num, after_break=after_break) else None)
    return out


def test_number__bare_number_only_when_it_is_the_next_one():
    assert accept_all(["33. Children are seen.", "34 Most children are safe.", "47 enquiries are timely."]) == [
        "33", "34", None]


def test_number__expected_next_number_may_start_with_a_digit():
    assert accept_all(["19. Children are fostered.", "20. 16- and 17-year-olds who are homeless."]) == ["19", "20"]


def test_number__table_values_are_not_paragraph_numbers():
    assert accept_all(["3.1 The budget is set.", "1.87 KR4 £56,996"]) == ["3.1", None]


def test_number__an_agenda_item_may_open_with_its_decision_reference():
    # without a break above it, the number's text must read like prose; a reference, a dash and a title does
    items = ["1. Apologies", "2. 12/34567 - Revenue and Capital Budget Monitoring",
             "3. Draft Revenue Budget", "4. 12/34568 – Transfer of the Service"]
    assert accept_all(items, after_break=False) == ["1", "2", "3", "4"]
    assert accept_all(["1. Apologies", "2. 12/34567 £3,000"], after_break=False) == ["1", None]


def test_number__a_list_inside_a_paragraph_does_not_end_the_paragraphs_numbering():
    # minutes' paragraph 6 quotes a motion's points 1 to 3; paragraph 7 follows them, with no break above it
    items = ["5. Mr Love suggested the following amendment:", "6. The Leader proposed the motion that Cabinet:",
             "1. Agree to submit a request to Government", "2. Note that acceptance will commit Kent",
             "3. Agree to request that the Minister consider postponing elections", "7. RESOLVED that Cabinet:",
             "1. Agree to submit a request", "8. Cabinet noted the report."]
    seq, out = Sequence(), []
    for n, line in enumerate(items):
        num = match_number(line)
        out.append(num.label if seq.accept(num, after_break=n < 2) else None)
    assert out == ["5", "6", "1", "2", "3", "7", "1", "8"]
    # a count after a restarted list is still no paragraph number unless it continues a list
    seq, out = Sequence(), []
    for n, line in enumerate(["4. The plan.", "1. Agree it.", "2. Note it.", "9. children were seen."]):
        num = match_number(line)
        out.append(num.label if seq.accept(num, after_break=n == 0) else None)
    assert out == ["4", "1", "2", None]


def test_number__narrow_no_break_space_and_bullet_prefix():
    assert match_number("15.\u202fChildren in care").label == "15"
    assert match_number("- 3.11. However, threshold").label == "3.11"
    assert match_number("(27)  RESOLVED that:").style == "paren"
    assert match_number("24) Following the debate").style == "close"


def test_letter__sub_items():
    assert match_letter("a) NOTE the forecast overspend") == ("a", "NOTE the forecast overspend")
    assert match_letter("(ii) The views of the public") == ("ii", "The views of the public")
