"""Month names, the month-name pattern, dates written the UK way, and financial quarters."""

from __future__ import annotations

import re

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTH_ABBREVIATIONS = tuple(m[:3] for m in MONTH_NAMES)  # "Jan" … "Dec"
MONTHS_PATTERN = "|".join(MONTH_NAMES)  # for a regular expression: "January|February|…|December"


def month_number(name: str) -> int:
    """1-12 for a month's name or its first three letters, any case ('March', 'mar' -> 3)."""
    return [m.lower() for m in MONTH_ABBREVIATIONS].index(name[:3].lower()) + 1


def long_date(iso: str) -> str:
    """'2019-08-27' -> '27 August 2019' (UK style, independent of the machine's locale)."""
    y, m, d = iso[:10].split("-")
    return f"{int(d)} {MONTH_NAMES[int(m) - 1]} {y}"


def written_date(iso: str) -> str:
    """A date as a document writes it: '2019-08-27' -> '27 August 2019', a month alone ('2024-04') -> 'April 2024';
    anything else as given."""
    if len(iso) >= 10:
        return long_date(iso)
    if len(iso) == 7:
        return f"{MONTH_NAMES[int(iso[5:7]) - 1]} {iso[:4]}"
    return iso


# a financial quarter as papers and questions write it: "Q2", "Quarter 3", "Quarter: 3", "quarter3", "the second
# quarter" (not "HQ-2" or "-Q1" inside a code)
QUARTER = re.compile(r"(?<![\w-])(?:quarter|q)[\s:.\u2013-]{0,2}([1-4])\b|\b(first|second|third|fourth)\s+quarter\b",
                     re.IGNORECASE)
_ORDINAL = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def quarter_of(match: re.Match[str]) -> int:
    """The quarter a match of ``QUARTER`` names: 2 for "Q2", 3 for "the third quarter"."""
    return int(match.group(1)) if match.group(1) else _ORDINAL[match.group(2).lower()]


def quarters_named(text: str) -> set[int]:
    """The quarters ``text`` names: {2} for "Quarter 2 (Q2, 2024/25)", {3} for "the third quarter"."""
    return {quarter_of(m) for m in QUARTER.finditer(text)}
