"""When a question asks about: now, or a span of years."""

from __future__ import annotations

from assistant.query.implied import Implied
from assistant.query.tense import asks_how_things_are, spans_years, wants_newest_report


def test_asks_how_things_are__present_tense_naming_no_time():
    assert asks_how_things_are("How many children in Kent are looked after?", None, False)
    assert not asks_how_things_are("Which social workers in Medway had manageable caseloads?", None, False)
    assert not asks_how_things_are("How many children are looked after in 2019?", Implied(years=[2019]), False)
    assert not asks_how_things_are("What did Ofsted say about care leavers in Kent?", None, False)
    assert not asks_how_things_are("What is Medway's grade at its previous inspection?", Implied(previous=True),
                                   False)
    # no auxiliary verb: a present-simple verb after "who", "what happens", "what's"
    for asked in ("Who covers urgent child welfare calls at night?", "Who chairs the improvement board?",
                  "What happens when children go missing?", "What's the name of the edge-of-care team?"):
        assert asks_how_things_are(asked, None, False), asked
    for asked in ("Who led the inspection?", "Who proposed and seconded the amendment?",
                  "Which Kent county councillors challenged the decision?", "What happened to the family hubs?"):
        assert not asks_how_things_are(asked, None, False), asked


def test_wants_newest_report__how_things_are_or_what_inspectors_found_naming_no_time():
    assert wants_newest_report("Is early help good in Medway?", None, False)
    assert wants_newest_report("What did Ofsted say about care leavers in Kent?", None, False)
    assert wants_newest_report("What did inspectors find about the front door?", Implied(), False)
    assert not wants_newest_report("What happened to the family hubs?", None, False)
    assert not wants_newest_report("What did Ofsted find at Kent's previous inspection?", Implied(previous=True), False)
    assert not wants_newest_report("What did inspectors say at Medway's first inspection?", Implied(earliest=True),
                                   False)
    assert not wants_newest_report("What did inspectors find before 2020?", Implied(before_year=2020), False)
    assert not wants_newest_report("What did the 2019 inspection find?", Implied(years=[2019]), False)
    assert not wants_newest_report("How has Ofsted's view of Kent changed?", None, True)


def test_spans_years__several_years_a_year_since_or_words_of_change():
    assert spans_years("What were Medway's grades in 2019 and 2023?", Implied(years=[2019, 2023]))
    assert spans_years("What has improved since 2019?", Implied(since_year=2019))
    assert spans_years("How has the judgement changed over time?", None)
    assert not spans_years("What did the 2023 inspection find?", Implied(years=[2023]))


def test_spans_years__a_financial_year_is_one_year_asked_about():
    q = "What is the total capital programme in Kent's 2025-26 budget?"
    assert not spans_years(q, Implied(years=[2025, 2026]))
    assert spans_years("How did the overspend differ between 2023-24 and 2024-25?", Implied(years=[2023, 2024, 2025]))
