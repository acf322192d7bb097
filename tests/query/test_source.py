"""The question's source ("what did Ofsted say about …") is left out of the keyword query (query/source.py)."""

from assistant.query.source import without_source


def test_the_source_and_verb_of_saying_go():
    assert without_source("What did Ofsted say about exploitation in Kent?") == "exploitation in Kent?"
    assert without_source("What did inspectors find about the front door?") == "the front door?"
    assert without_source("How did the latest inspection report describe leadership?") == "leadership?"
    assert without_source("Did Ofsted find any children at risk?") == "children at risk?"
    assert "Ofsted" not in without_source("According to Ofsted, how well are care leavers supported?")


def test_the_inspection_as_subject_stays():
    for q in ("When was Kent last inspected by Ofsted?", "What did Ofsted grade Kent's services for children in care?",
              "How many inspectors were on the inspection team?"):
        assert without_source(q) == q


def test_nothing_left_but_the_frame_keeps_the_question():
    assert without_source("What did Ofsted say?") == "What did Ofsted say?"
