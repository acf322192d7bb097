"""How a record's text is shown in a listing."""

import pytest

from assistant.track.text import shortened


def test_shortened__a_repeated_lead_in_is_cut_in_its_middle_so_the_clause_shows():
    lead = ("RESOLVED that: County Council, having given due regard to the s25 Report (published for consideration "
            "as agenda item 5 of this meeting), is asked to agree the following: ")
    clause = ("The 10-year Capital programme and investment proposals of £1,419m over the years from 2025-26 to "
              "2034-35 together with the necessary funding and subject to approval to spend arrangements.")
    shown = shortened(lead + clause)
    assert shown.endswith(clause) and len(shown) <= 300
    assert shown.startswith("RESOLVED that: County Council, having given due regard to … is asked to agree the "
                            "following: ")
    # short text is shown whole; long text with no lead-in is cut at its end
    assert shortened("RESOLVED that the minutes be approved.") == "RESOLVED that the minutes be approved."
    long = "The council will " + "keep reviewing the plan " * 20
    assert len(shortened(long)) <= 300 and shortened(long).endswith("…")


def test_actor_name__who_is_a_noun_phrase_naming_a_person_body_or_office():
    from assistant.track.text import actor_name

    for who in ("Cabinet", "Corporate Parenting Panel", "the Director of Adult Social Care", "KCC officers",
                "Neil Baker, Cabinet Member for Highways and Transport", "We (the council)", "Leemya McKeown",
                "The Local Authority and its partners", "Mr Watkins", "NHS bodies", "The County Council Network (CCN)"):
        assert actor_name(who) == who
    # words of a clause read as a subject name no one
    for who in ("Sets out the key actions the Council", "implementing council tax increases and precepts then the "
                "Council", "the Cabinet Member agreed", "The services KCHFT deliver", "Vacancies held within the "
                "Family Hub staff", "A focus on clinical service", "MADE principles", "OHID have communicated their"):
        assert actor_name(who) is None


def test_shared_lead__the_lead_in_every_clause_repeats_up_to_its_colon():
    from assistant.track.text import shared_lead

    lead = "RESOLVED that: County Council, having given due regard to the s25 Report, is asked to agree the following:"
    assert shared_lead([f"{lead} The net revenue budget.", f"{lead} The Capital Strategy."]) == lead
    assert shared_lead([f"{lead} The net revenue budget."]) == ""
    assert shared_lead(["RESOLVED that the report be noted.", "RESOLVED that the minutes be signed."]) == ""


@pytest.mark.parametrize("text, due", [
    # a month with no year, by its end: the year the paper is about
    ("However, the current plan seeks to complete the work by the end of March, and I have asked the Highways Manager "
     "to contact you.", "by the end of March"),
    # a financial year named whole, not cut after its figures
    ("The service will continue for the 2025/26 financial year, meaning a procurement process will be launched.",
     "for the 2025/26 financial year"),
    # a year alone after the sentence's "will": when it is to be done
    ("Role profiles will be shared and utilised as part of the Member induction in 2025.", "in 2025"),
    ("The document would be presented in 2025.", "in 2025"),
    # a year alone in the past is history, not a deadline
    ("The review began in 2015 and reported the year after.", None),
])
def test_find_due__the_date_or_period_a_clause_names(text, due):
    from assistant.track.text import find_due

    assert find_due(text) == due


@pytest.mark.parametrize("text, due", [
    ("A detailed update would be brought back to Cabinet in due course.", "in due course"),
    ("The new service will go live on 1st April.", "on 1st April"),
    ("We will be running an events programme in Spring 2025.", "in Spring 2025"),
])
def test_find_due__a_timescale_a_day_without_its_year_and_a_season(text, due):
    from assistant.track.text import find_due

    assert find_due(text) == due
