"""Minutes: a minute heading is its number above "(Item N)"; minutes without numbers are cited by item."""

from dataclasses import dataclass

from assistant.parse.minutes import dominant_style, find_minute_headings


@dataclass
class Line:
    text: str
    blank_before: bool = False


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


def test_minute_headings__the_paragraph_above_a_gap_is_not_part_of_the_next_title():
    # "3. RESOLVED ..." ends item 4; after a blank line, "Challenge Cards Update" above "(Item 5)" is the title
    doc = [Line("Participation Team Update", True), Line("(Item 4)"), Line("1. The update was introduced."),
           Line("2. RESOLVED that the update be noted.", True), Line("Challenge Cards Update", True),
           Line("(Item 5)"), Line("1. The update was introduced.")]
    heads = find_minute_headings(doc)
    assert heads == {0: "Item 4", 1: "Item 4", 4: "Item 5", 5: "Item 5"}


def test_minutes__kent_corporate_parenting_panel_items_and_their_resolutions():
    from assistant.ingest.extract import extract
    from assistant.parse.paragraphs import parse_paragraphs
    from tests.conftest import corpus_file

    path = corpus_file("committee/kent-cc_corporate-parenting-panel_2024-12-10_minutes.pdf")
    ps, _ = parse_paragraphs(extract(path), path.name, "sha")
    by_label = {p.para: p for p in ps}
    assert by_label["Item 4/1"].heading == "Participation Team Update (Item 4)"  # "(Item 4)" tops page 2
    assert by_label["Item 4/3"].text == "3. RESOLVED that the update be noted."  # not swallowed by the next title
    assert by_label["Item 5/1"].heading == "Challenge Cards Update (Item 5)"


def test_without_voters__a_recorded_vote_keeps_its_counts_and_outcome_not_the_names():
    from assistant.parse.minutes import records_vote, without_voters

    vote = ("24) Following the debate, the Chairman put the amendment set out in paragraph 23 to the vote and the "
            "voting was as follows:\nFor (14)\nMr Baldock, Mrs Bruneau, Mr Chittenden\nAgainst (40)\nMr Baker, "
            "Mr Barrington-King, Ms Wright Abstain (7)\nMrs Bell, Mr Brady Amendment lost.")
    assert records_vote(vote)
    assert without_voters(vote) == ("24) Following the debate, the Chairman put the amendment set out in paragraph 23 "
                                    "to the vote and the voting was as follows:\nFor (14) Against (40) Abstain (7) "
                                    "Amendment lost.")
    prose = "Support for (12) families rose; Against (3) the trend, closures fell."
    assert without_voters(prose) == prose and not records_vote(prose)


def test_votes_of_real_minutes_are_read_with_their_motions_and_without_their_voters():
    from pathlib import Path

    from assistant.ingest.pdf import extract_pdf
    from assistant.parse.context import vote_context
    from assistant.parse.minutes import records_vote, without_voters
    from assistant.parse.paragraphs import parse_paragraphs
    from tests.conftest import corpus_file

    path = corpus_file("committee/kent-cc_county-council_2025-02-13_printed-minutes.pdf")
    paragraphs, _ = parse_paragraphs(extract_pdf(path), Path(path).name, "h")
    votes = [i for i, p in enumerate(paragraphs) if records_vote(p.text)]
    assert [paragraphs[i].para for i in votes] == ["290/3", "291/8", "291/12", "291/16", "291/18", "291/20",
                                                  "291/25", "291/26"]
    labour = votes[1]  # the Labour Group's alternative budget, put to the vote by its paragraph number
    assert vote_context(paragraphs, labour).startswith("(7) Mr Brady proposed, and Ms Meade seconded the following "
                                                       "amendment")
    assert without_voters(paragraphs[labour].text).endswith("For (12) Against (42) Abstain (7) Amendment lost.")
    assert len(without_voters(paragraphs[labour].text).split()) < 40 < len(paragraphs[labour].text.split())
