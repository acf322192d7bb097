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
