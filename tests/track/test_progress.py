"""A topic's 'progress' rows say something happened to it (timeline.reports_event), on real paragraphs of Kent's
family hubs papers (2025): not a heading, a form's field, a label, an option weighed or a list naming it."""

from __future__ import annotations

import pytest

from assistant.track.timeline import reports_event
from assistant.track.topics import matcher

FAMILY_HUBS = matcher("family hubs")


@pytest.mark.parametrize("text", [
    "Desktop valuations have been provided by officers within Infrastructure for both Margate Family Hub and "
    "Northdown Road Family Hub.",
    "The popular Playground baby-led and family sessions resumed across 12 libraries and three family hubs.",
    "2.7 In November 2023, KCC Cabinet took decision 23/00092 to implement the Family Hub model across the County.",
    "To minimise duplication of provision and to ensure that future specifications complimented the Family Hub model "
    "being developed, the procurement of new commissioned Children Centres was delayed.",
])
def test_progress__an_event_on_the_topic_is_progress(text):
    assert reports_event(text, FAMILY_HUBS)


@pytest.mark.parametrize("text", [
    "1. Margate Family Hub",
    "Job title: Programme Manager, Family Hub Transformation",
    "d) Responsible Officer for Mitigating Actions – Age Family Hub Service Managers.",
    "Margate Family Hub: £250k - £450k (depending on use class) Northdown Road Family Hub: £200k - £400k (depending "
    "on use class)",
    "The Family Hub offer across the whole of Margate will continue to assist with the development, enjoyment, "
    "wellbeing and socialising for children.",
    "1. Dr Gosh (Director of Public Health) introduced the report and noted the extensive work undertaken on the "
    "Integrated Care Strategy, which began with the formation of the Integrated Care Board in July 2022. The strategy "
    "involved a whole council approach, covering various areas such as early years, family hubs, adult social care, "
    "and workplace well-being.",
    "(a) The Kent Youth County Council (KYCC) elections which were held at the end of 2024 saw a significant increase "
    "in youth engagement. The Department of Health and Social Care, in recognition of Kent’s successful rollout of "
    "the initiative, had recommended that all local authorities in England and Wales adopt Kent's model during the "
    "rollout of family hubs.",
])
def test_progress__a_mention_is_not_progress(text):
    assert not reports_event(text, FAMILY_HUBS)


def test_progress__an_event_named_by_its_noun_is_progress():
    text = ("Since the emergency closure of Blackburn Lodge on 10 November 2023 there have been 57 Sheppey residents who "
            "have moved into a residential care home")
    assert reports_event(text, matcher("Blackburn Lodge"))


@pytest.mark.parametrize("text", [
    # a present or modal passive says what the topic is or would be, not what happened to it (Kent's draft responses
    # to a family hubs consultation and its decision report, 2025)
    "The Family Hub model across the whole county is designed to be a welcoming and supportive place for all.",
    "4.2 Family Hub services would be provided from existing alternative sites within the in-house KCC Family Hub "
    "network.",
    "1.1 KCC commissions two providers to deliver Family Hub services: Millmead Family Hub in Thanet and Seashells "
    "Family Hub on the Isle of Sheppey. The rest of the Family Hub network is delivered by our in-house service.",
])
def test_progress__a_description_in_the_present_or_a_modal_is_not_progress(text):
    assert not reports_event(text, FAMILY_HUBS)


def test_progress__a_budget_line_describing_a_pressure_is_not_progress():
    text = ("KCC follows the DfT re-imbursement calculator for the payment of ENCTS re-imbursement to bus operators and "
            "this has presented a +£3m pressure. This is proposed to be realigned in the 2025-26 budget.")
    assert not reports_event(text, matcher("budget"))
    # the perfect in the same paper still reports: "has presented a … pressure" names no budget within reach
    assert reports_event("The 2025-26 budget was agreed by County Council in February 2025.", matcher("budget"))


def test_progress__a_charts_answers_with_their_shares_are_no_report():
    from assistant.track.timeline import not_a_report

    assert not_a_report("Once every two weeks, 3% Once a month, 8% Less than once a month, 6% I / we don't use "
                        "services at Seashells Family Hub, 16% I / we don't use services at Seashells Family Hub but "
                        "have used them in the past, 20%")
    assert not not_a_report("Over 771,600 visits to Kent’s Libraries took place in Quarter 3, a 4% increase.")


def test_a_paragraph_weighing_a_proposal_is_no_progress():
    """Kent's 18-25 Strengthening Independence Service transfer (Cabinet, 30 January 2025): its EqIA's "Details of
    Negative Impacts for Disability" ("All the 925 adult service users concerned with this proposal …") and the report's "4. Options considered and dismissed, and associated risk" ("… a matrix management
    approach was considered …") and "5. Financial Implications" weigh the proposal; they had been listed as Progress.
    Its introduction and a performance report's section on the service are not skipped."""
    from assistant.track.timeline import _weighs_a_proposal

    assert _weighs_a_proposal("Strengthening independence service EqIA", "Details of Negative Impacts for Disability")
    assert _weighs_a_proposal("Family hubs equality impact assessment", "The Case for Change")
    report = ("Transfer the 18-25 section of the Strengthening Independence Service from the Children Young People and "
              "Education Directorate to the Adult Social Care and Health Directorate")
    assert _weighs_a_proposal(report, "4. Options considered and dismissed, and associated risk")
    assert _weighs_a_proposal(report, "5. Financial Implications")
    assert _weighs_a_proposal("Proposed record of decision", "Any alternatives considered and rejected")
    assert not _weighs_a_proposal(report, "1. Introduction")
    assert not _weighs_a_proposal("Quarterly performance report Q3 2024-25", "Strengthening Independence Service")
