"""Month names and UK dates shared by every step."""

from __future__ import annotations

import re

import pytest

from assistant.text.dates import (MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS_PATTERN, QUARTER, long_date, month_number,
                                  quarter_of, quarters_named)


def test_long_date__uk_style_without_leading_zero():
    assert long_date("2019-08-27") == "27 August 2019"
    assert long_date("2025-01-03T10:00:00") == "3 January 2025"


def test_month_number__full_names_and_abbreviations_any_case():
    assert month_number("March") == 3
    assert month_number("dec") == 12
    assert month_number("SEPT") == 9
    with pytest.raises(ValueError):
        month_number("Smarch")


def test_months_pattern__matches_every_month_name_whole():
    rx = re.compile(rf"\b(?:{MONTHS_PATTERN})\b")
    assert all(rx.fullmatch(m) for m in MONTH_NAMES)
    assert not rx.search("Mayor") and rx.search("in May 2025")
    assert MONTH_ABBREVIATIONS[8] == "Sep"


def test_quarters_named__reads_the_ways_papers_and_questions_write_a_quarter():
    # one reader serves the question ("in quarter 3"), a paper's title ("Quarter: 2", "Q4") and its text
    assert quarters_named("Quarterly performance report Q3 2024-25") == {3}
    assert quarters_named("Finance monitoring report Quarter: 2") == {2}
    assert quarters_named("How many KPIs were red in quarter3?") == {3}
    assert quarters_named("What did the second quarter report say?") == {2}
    assert quarters_named("Quarter 2 (Q2, 2024/25) and the fourth quarter") == {2, 4}
    # not a code that contains a Q and a digit, nor "a quarter" as a share
    assert quarters_named("HQ-2 and item -Q1 of the register") == set()
    assert quarters_named("Referrals dropped by a quarter, 2 teams said") == set()
    m = QUARTER.search("the third quarter of 2023-24")
    assert m is not None and quarter_of(m) == 3 and m.group(0) == "third quarter"
