"""Ofsted's page-1 judgement table becomes one line per judgement, quotable as an answer."""

from assistant.parse.judgements import split_judgement_table

RUN_ON = ("Inspection of Anytown local authority children’s services Inspection dates: 2 to 6 June 2025 Lead "
          "inspector: A Person, His Majesty’s Inspector Judgement Grade The impact of leaders on social work practice "
          "with children and families Good The experiences and progress of children who need help and protection "
          "Requires improvement to be good The experiences and progress of children in care Inadequate Overall "
          "effectiveness Requires improvement to be good Services in Anytown have improved since the last "
          "inspection, when they were judged Inadequate.")


def test_split_judgement_table__one_row_per_judgement_with_its_grade():
    pieces = split_judgement_table(RUN_ON)
    assert pieces is not None
    kinds = [k for k, _ in pieces]
    assert kinds == ["front-matter", "table", "text"]
    rows = pieces[1][1].split("\n")
    assert rows[1] == "The experiences and progress of children who need help and protection: Requires improvement to be good"
    assert rows[-1] == "Overall effectiveness: Requires improvement to be good"
    assert pieces[0][1].endswith("His Majesty’s Inspector")
    assert pieces[-1][1].startswith("Services in Anytown have improved")  # the summary stays whole


def test_split_judgement_table__header_taken_as_heading():
    pieces = split_judgement_table("Overall effectiveness Inadequate The impact of leaders Good", heading="Judgement Grade")
    assert pieces == [("table", "Overall effectiveness: Inadequate\nThe impact of leaders: Good")]


def test_split_judgement_table__leaves_ordinary_paragraphs_alone():
    assert split_judgement_table("Leaders are ambitious. Practice is Good in places.") is None
    assert split_judgement_table("The judgement grade was good.") is None
    # a header with a single graded line is not a table
    assert split_judgement_table("Judgement Grade Overall effectiveness Good") is None
