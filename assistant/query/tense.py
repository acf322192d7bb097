"""When a question asks about: how things stand now ("how are care leavers doing?"), or how they went over a span
of years ("how has it changed since 2019?"). The answer leads with the newest report for the first and orders its
quotes newest first for both; retrieval searches a council's newest report for the first (retrieve/newest.py)."""

from __future__ import annotations

import re

from .implied import Implied, years_written

_OVER_TIME = re.compile(r"\b(since|over (the )?(years|time)|changed?|progress|improv\w+ (since|over)|trend|"
                        r"timeline|history|each (year|inspection)|latest|most recent)\b", re.I)

# the question's first auxiliary verb, which says its tense: "how many children are looked after?" (now), "what did
# inspectors find?" (then)
_AUXILIARY = re.compile(r"\b(is|are|does|do|has|have|was|were|did|had)\b", re.IGNORECASE)
_PRESENT = {"is", "are", "does", "do", "has", "have"}


def spans_years(question: str, implied: Implied | None) -> bool:
    """Whether the question asks how things went over time: several years or "since" a year named, or words such
    as "changed", "trend", "over the years". A financial year ("the 2025-26 budget") is one year asked about,
    though its papers may be dated in either."""
    several = implied is not None and len(implied.years) > 1 and len(years_written(question)) > 1
    return several or implied is not None and implied.since_year is not None or bool(_OVER_TIME.search(question))


# with no auxiliary verb, a present-simple verb after "who" ("who covers calls at night?", "who chairs the
# board?"), "what happens …?", or "what's" ("what is"); after "which …" the noun phrase may end in a plural that
# reads like one ("which Kent county councillors challenged …?"), so it is left alone
_PRESENT_SIMPLE = re.compile(r"^\s*(?:(?i:what|who|where|how|which)['’]s\b|(?i:who)\s+[a-z]+[^s\W]s\b|"
                             r"(?i:what\s+happens)\b)")


def asks_how_things_are(question: str, implied: Implied | None, spans_years: bool) -> bool:
    """Whether the question asks in the present tense and names no time: "how is Medway doing?" is answered by
    each council's newest report first, and the further quotes are grouped newest first."""
    verb = _AUXILIARY.search(question)
    present = verb.group(1).lower() in _PRESENT if verb is not None else bool(_PRESENT_SIMPLE.search(question))
    return present and _names_no_time(implied, spans_years)


# what Ofsted or its inspectors found
_INSPECTORS = re.compile(r"\bofsted\b|\binspectors?\b|\binspection\b", re.IGNORECASE)


def wants_newest_report(question: str, implied: Implied | None, spans_years: bool) -> bool:
    """Whether each council's newest report should be among what is cited: a question about how things are
    (asks_how_things_are), or about what Ofsted found naming no time, whatever its tense ("What did Ofsted say
    about care leavers in Kent?" is not answered by the 2013 report alone when one of 2026 is indexed). Which
    report leads is left to how well each answers, unless the question asks how things are."""
    return asks_how_things_are(question, implied, spans_years) or (
        bool(_INSPECTORS.search(question)) and _names_no_time(implied, spans_years))


def _names_no_time(implied: Implied | None, spans_years: bool) -> bool:
    """Whether the question names no year, month, day or span of years, nor another inspection than the newest."""
    return not spans_years and not (implied is not None and (
        implied.years or implied.months or implied.days or implied.earliest or implied.previous
        or implied.before_year))
