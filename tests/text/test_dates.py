"""Month names and UK dates shared by every step."""

from __future__ import annotations

import re

import pytest

from assistant.text.dates import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS_PATTERN, long_date, month_number


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
