"""The question's source ("what did Ofsted say about …") is left out of the keyword query (retrieve/source.py)."""

from assistant.retrieve.source import without_source


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


def test_search__the_source_is_left_out_of_the_keyword_query_unless_nothing_else_is_asked(recording_retriever):
    from assistant.query.filters import Filters
    from assistant.query.implied import Implied

    r, keyword = recording_retriever("Kent", "kent", ["Ofsted produces this report of the inspection.",
                                                      "Children at risk of exploitation are well protected."])
    implied = Implied(orgs=["kent"], org_names=["Kent"], ofsted=True)
    r.search("What did Ofsted say about exploitation in Kent?", Filters(orgs=["kent"]), implied=implied, mode="keyword")
    assert "exploitation" in keyword.queries[-1] and "Ofsted" not in keyword.queries[-1]
    assert "inspect" not in keyword.queries[-1]  # nor the glossary's words for it
    r.search("What did Ofsted say about Kent?", Filters(orgs=["kent"]), implied=implied, mode="keyword")
    assert "Ofsted" in keyword.queries[-1]  # the council named is filtered: the source is all that is left
