"""The first line for a question naming one numbered member of a paper's set ("option 6") is the paragraph on that
member, not the one on its sibling ("Option 5") nor one naming it among others ("Options 2, 3, 4 and 6")."""

from __future__ import annotations

from assistant.answer.lead import choose_lead, labelled, member_asked

from .test_extractive import quoted

# Kent County Council, Commissioned Family Hub Contracts (13 March 2025), paras 9.3 and 6.10, and its equality
# impact assessment's "Consultation Feedback: Overview"
AMONG_OTHERS = ("9.3 Of the six options (all set out in section 6) the highest impact will be felt on Options 1 (the "
                "proposal) and Option 5. Options 2, 3, 4 and 6 will have lesser impact on these communities.")
SIBLING = ("6.10 Option 5: Do not renew the two commissioned contracts but find alternative standalone locations for "
           "alternative provision. The revenue cost of hiring space locally is estimated at between approximately "
           "£130k and £180k per year were we to implement this option for both Seashells and Millmead.")
ASKED = ("Option 6: Do not renew the two commissioned contracts, but instead hire space for KCC Family Hub staff to "
         "deliver the services from within the two settings. Early indications suggest that the combined rental "
         "costs to hire space at both centres would be between approximately £130k and £180k per year.")


def test_member_asked__one_numbered_option_phase_or_scenario():
    assert member_asked("What is the rent for option 6 in Kent's proposals?") == ("option", "6")
    assert member_asked("What would Phase 2 deliver?") == ("phase", "2")
    assert member_asked("Which costs more, option 5 or option 6?") is None  # two members: none in particular
    assert member_asked("At what stage a plan is agreed?") is None  # "stage a": no lettered member


def test_labelled__the_member_a_paragraph_opens_on():
    assert labelled(quoted(SIBLING, 1)[0]) == ("option", "5")
    assert labelled(quoted(ASKED, 1)[0]) == ("option", "6")
    assert labelled(quoted(AMONG_OTHERS, 1)[0]) is None
    assert labelled(quoted("Options 3 and 4 would have the least impact on current service users.", 1)[0]) is None


def test_choose_lead__the_paragraph_on_the_option_asked_leads_its_sibling():
    citations = [quoted(AMONG_OTHERS, 1), quoted(SIBLING, 2), quoted(ASKED, 3)]
    q = "What is the rent for option 6 in Kent's proposals?"
    assert choose_lead(q, citations, [0.64, 0.62, 0.60], ["money"], None, False) == 2
    # naming no option, the best-scoring quote that gives a sum leads as before
    assert choose_lead("What would renting space cost?", citations, [0.64, 0.62, 0.60], ["money"], None, False) == 1
