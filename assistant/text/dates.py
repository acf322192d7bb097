"""Month names, the month-name pattern, and dates written the UK way."""

from __future__ import annotations

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
