"""Recognise councils, years and document kinds named in a question, against what is indexed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import councils
from ..records import DocMeta
from ..text.dates import MONTHS_PATTERN, month_number
from . import kinds

_SUFFIXES = re.compile(r"\s+(county council|city council|borough council|metropolitan borough council|council)$", re.IGNORECASE)
_MONTH_YEAR = re.compile(rf"\b({MONTHS_PATTERN})\s+(20\d\d)\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({MONTHS_PATTERN})\s+((?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
# a financial year or a plan's span as councils print them: "2024-25", "2024/25", "2025-28"
_YEAR_SPAN = re.compile(r"\b(20[0-4]\d)\s*[-–/]\s*(\d\d)\b")
_SINCE = re.compile(r"\b(since|after)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}?(19[89]\d|20[0-4]\d)\b", re.IGNORECASE)
# "since the previous Ofsted inspection in 2022", "since it was last inspected in March 2022": the year of a past
# inspection the question counts from, as in "since the 2022 inspection" (a later report says what changed since)
_SINCE_INSPECTED = re.compile(r"\b(since)\s+(?:(?:the|its|their|it|they|was|were|has|had|been|last|previous|prior|"
                              r"ofsted|ilacs|full)\s+){0,4}(?:inspection|inspected|report)\s+(?:in|of)\s+(?:"
                              rf"(?:{MONTHS_PATTERN})\s+)?(19[89]\d|20[0-4]\d)\b", re.IGNORECASE)
# "what did Ofsted say Medway needed to improve after the 2019 inspection?", "its grade following the December 2025
# inspection": the year names that inspection, whose report says what came of it, not a span of years after it (as
# "since the 2019 inspection", "after 2019" are)
_AFTER_AN_INSPECTION = re.compile(r"\s+(?:ofsted\s+)?(?:ilacs\s+)?(?:inspections?|reports?|visits?|judge?ments?)\b",
                                  re.IGNORECASE)
# "at its most recent inspection", "the latest Ofsted report", "when was it last inspected", "what grade did it get
# last time", "when did the council last have an Ofsted inspection" ("last year" is a year)
_LATEST = re.compile(r"\b(?:most recent|latest|newest|last (?!year|month|week)(?:\w+\s+){0,3}?"
                     r"(?:inspection|inspected|report|visit|visited|judgement|grade|rating|time))\b|\blast inspected\b",
                     re.IGNORECASE)
# "what did Medway's first inspection find?", "its earliest Ofsted report", "when was it first inspected"
_EARLIEST = re.compile(r"\b(?:first|earliest|oldest)\s+(?:ofsted\s+)?(?:inspection|report)\b|\bfirst inspected\b",
                       re.IGNORECASE)
# "what did Ofsted find at Kent's previous inspection?": the one before its newest, which its own report tells, and
# the newest says what has changed since
_PREVIOUS = re.compile(r"\b(?:previous|prior|preceding)\s+(?:ofsted\s+)?(?:inspection|report|grade|judgements?|"
                       r"rating)\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b(before|until|prior to)\s+(?:the\s+)?(?:\w+\s+){0,2}?(19[89]\d|20[0-4]\d)\b", re.IGNORECASE)
# "in the two years before the 2015 inspection", "in the year before its May 2024 visit": the year names an event
# (whose report says what led up to it), not a bound on time as in "before 2015"; but an inspection before it ("its
# last full inspection before the 2019 one") is the one before, as "its inspection before 2023" is
_AN_INSPECTION_BEFORE = re.compile(r"\b(?:inspect\w*|visit\w*|judge?ments?|judged|rated|graded)\s+"
                                   r"(?:by\s+ofsted\s+|\w+\s+)?$", re.IGNORECASE)
_BEFORE_AN_EVENT = re.compile(r"\b(?:before|prior to)\s+(?:the|its|their)\s+(?:\w+\s+)?(?:19[89]\d|20[0-4]\d)\s+"
                              r"(?!(?:and|or|to|when|where|while|but|as|for|with|in|on|at|by)\b)[a-z]", re.IGNORECASE)


@dataclass
class Implied:
    orgs: list[str] = field(default_factory=list)  # org slugs named in the question
    org_names: list[str] = field(default_factory=list)  # as written
    years: list[int] = field(default_factory=list)
    since_year: int | None = None
    before_year: int | None = None
    ofsted: bool = False
    latest: bool = False  # "the most recent inspection", "its latest report": the newest document of its kind
    earliest: bool = False  # "its first inspection", "the earliest Ofsted report": the oldest indexed of its kind
    previous: bool = False  # "its previous inspection": the one before the newest
    previous_report: str | None = None  # that inspection's report, when the search was narrowed to it (resolve.py)
    # "its inspection before 2023" when no report of the council from before then is indexed: what the later report
    # says the earlier inspection found answers (resolve.py)
    looks_back: bool = False
    minutes: bool = False
    unindexed: list[str] = field(default_factory=list)  # councils named that have no indexed documents
    # an abolished council among those, as written -> the names of its successors whose documents are indexed
    successors: dict[str, list[str]] = field(default_factory=dict)
    # a district council among those, as written -> its county, whose documents are indexed ("Thanet District
    # Council": Kent, which runs its children's services)
    within: dict[str, str] = field(default_factory=dict)
    places: list[str] = field(default_factory=list)  # districts named as places in an indexed council's area
    committees: list[str] = field(default_factory=list)  # committee names mentioned ("Cabinet", "County Council")
    months: list[str] = field(default_factory=list)  # "YYYY-MM" of months named with a year ("January 2025")
    days: list[str] = field(default_factory=list)  # "YYYY-MM-DD" of days named in full ("9 January 2025")
    after_documents: str | None = None  # a past event named after the newest document searched ("May 2025")
    no_report_year: int | None = None  # an inspection year asked about with no report of the council from then
    report_years: list[int] = field(default_factory=list)  # the years of the council's reports that are indexed
    no_papers_year: int | None = None  # a year asked about with no papers of the committee named from then
    papers_years: list[int] = field(default_factory=list)  # the years of that committee's papers that are indexed
    no_papers: bool = False  # a meeting's business asked about a council whose only indexed documents are Ofsted's
    no_report_month: str | None = None  # "YYYY-MM": an inspection month asked about when none of the council's ran then
    inspections: list[str] = field(default_factory=list)  # when the council's indexed inspections ran, as printed
    no_genre: str | None = None  # a kind of paper asked about ("equality impact assessment") the council has none of
    # the newest year of the council's documents, when all of them are from before the year the question asks about
    documents_end: int | None = None
    unmatched: str | None = None  # the filters set ("--doc no-such.pdf"), when they admit no indexed document
    # the question names another indexed council than the one the council filter is set to ("--org kent" with "What
    # grade did Stoke get?"): what the answer says instead of answering from the filter's council's papers
    filter_conflict: str | None = None
    # capitalised words no indexed document prints, when no council is named: "… caseloads in Atlantis?"
    # (query/unknown.py, read with the index's words by the Assistant)
    never_printed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """What was recognised, as shown in an answer's "filters" (empty entries left out)."""
        shown = {"organisations": self.org_names, "years": self.years, "since_year": self.since_year,
                 "before_year": self.before_year, "not_indexed": self.unindexed,
                 "replaced_by": self.successors, "within": self.within, "places": self.places,
                 "committees": self.committees,
                 "months": self.months, "days": self.days, "after_documents": self.after_documents,
                 "no_report_from_year": self.no_report_year, "no_committee_papers_from_year": self.no_papers_year,
                 "no_committee_papers": self.no_papers,
                 "no_inspection_in_month": self.no_report_month, "no_paper_of_kind": self.no_genre,
                 "documents_end": self.documents_end, "never_printed": self.never_printed,
                 "filter_conflict": self.filter_conflict}
        return {k: v for k, v in shown.items() if v}


# a committee's name after another capitalised word is part of another body's name: "the Kent Youth County
# Council elections" are not the County Council's (a council's own name before it has been blanked out already)
# a committee's name before one of these words names something else: "the county council elections", "a Cabinet
# Member", "the Cabinet Office", "council tax"
_MODIFIES = re.compile(r"\s+(?:elections?|members?|office|seats?|tax|candidates?)\b", re.IGNORECASE)
_FULL_COUNCIL = re.compile(r"\bfull\s+council\b", re.IGNORECASE)
# "Kent County Council's meeting on 9 January", "a meeting of Medway Council": the council named as a meeting is
# its full council's (its name itself is read as the council, above)
_COUNCILS_MEETING = re.compile(r"\bCouncil(?:['’]s)?\s+meeting\b|\bmeeting\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
                               r"\s+Council\b")
# the committee names under which a council's full meetings are filed
_WHOLE_COUNCIL = re.compile(r"(?:(?:County|City|Borough|District|Metropolitan Borough|County Borough|Full)\s+)?Council",
                            re.IGNORECASE)
_INSIDE_NAME = re.compile(r"(?<![.?!])\b[A-Z][\w'’-]*\s+$")


def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(name).replace(r"\ ", r"[\s-]+") + r"(?:'s|’s)?(?![\w-])", re.IGNORECASE)


def years_written(question: str) -> set[int]:
    """The years a question writes out in full: "2019 and 2023" names two, a financial year "2024-25" one (its
    second year, which ``Implied.years`` adds so that papers dated in either are found, is not written out)."""
    return {int(y) for y in _YEAR.findall(question)}


def years_named(text: str) -> set[int]:
    """The years ``text`` names: those written out in full, and the second year of a financial year or span
    ("2024-25" names 2024 and 2025: its papers are dated in either year)."""
    years = years_written(text)
    for first, last in _YEAR_SPAN.findall(text):
        if int(last) > int(first) % 100:
            years.add(int(first) // 100 * 100 + int(last))
    return years


# a council's name that begins the longer name of another body ("the Kent Youth County Council elections", "the
# Kent Safeguarding Children Partnership"): capitalised words after it, to a word naming a body (not a possessive,
# "Kent's Cabinet", nor the council's own name, "Kent County Council")
_LONGER_NAME = re.compile(r"(?!\s+(?:(?:County|City|Borough|Metropolitan Borough|District)\s+)?Council\b)"
                          r"\s+(?:(?-i:[A-Z])[\w'’-]*\s+(?:(?:and|of|for|&)\s+)?){0,5}?(?-i:[A-Z])(?:ouncil|artnership|oard|"
                          r"arliament|orum|ervices?|rust|olice|anel|etwork|lliance|ommission|ssembly|ociety|ssociation|"
                          r"nion|lub|ollege|cademy|ospital)\b")


def without_names(text: str, names: list[str]) -> str:
    """``text`` with the organisation ``names`` left out: once the filters keep only those organisations' documents,
    their names tell the keyword search nothing, and matching them favours the paragraphs that merely name the
    council ("Children in Redbridge continue to benefit …") over those that answer. A name that begins another
    body's longer name ("Kent Youth County Council") is kept: it is part of what is asked about."""
    for name in names:
        text = _name_pattern(name).sub(lambda m: m.group(0) if not m.group(0).endswith(("'s", "’s"))
                                       and _LONGER_NAME.match(text, m.end()) else " ", text)
    return text


def _capitalised(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    return next((m for m in pattern.finditer(text) if m.group(0)[0].isupper()), None)


def indexed_organisations(docs: dict[str, DocMeta]) -> tuple[dict[str, set[str]], list[tuple[str, set[str]]]]:
    """Indexed organisations: council slug -> the org slugs its documents carry ("kent" -> {"kent", "kent-cc"}),
    and the names (longest first) of organisations that are not councils, with their slugs."""
    by_council: dict[str, set[str]] = {}
    names: dict[str, set[str]] = {}
    for m in docs.values():
        if not m.org_slug:
            continue
        council = councils.by_slug(m.org_slug) or (councils.resolve(m.organisation) if m.organisation else None)
        if council is not None:
            by_council.setdefault(council.slug, set()).add(m.org_slug)
            continue
        cands = {m.org_slug.replace("-", " ")}
        if m.organisation:
            cands.update({m.organisation, _SUFFIXES.sub("", m.organisation), m.organisation.replace(" and ", " & ")})
        for c in cands:
            c = c.strip()
            if len(c) >= 3:
                names.setdefault(c.lower(), set()).add(m.org_slug)
    return by_council, sorted(names.items(), key=lambda kv: -len(kv[0]))


def _blank_all(text: str, years: list[str]) -> str:
    """``text`` with the first mention of each of ``years`` blanked."""
    for y in years:
        text = text.replace(y, " " * len(y), 1)
    return text


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def _shared_names_narrowed(mentions: list[tuple[councils.Council, str, int, int]]
                           ) -> list[tuple[councils.Council, str, int, int]]:
    """Mentions of a name several councils share ("Northamptonshire Children's Trust" runs North and West
    Northamptonshire's children's services) stand only for the one the question also names on its own ("… for West
    Northamptonshire"): the question is about that council's part of it."""
    spans: dict[tuple[int, int], list[str]] = {}
    for council, _, start, end in mentions:
        spans.setdefault((start, end), []).append(council.slug)
    alone = {slugs[0] for slugs in spans.values() if len(slugs) == 1}
    return [(council, written, start, end) for council, written, start, end in mentions
            if len(spans[(start, end)]) == 1 or council.slug in alone
            or not alone & set(spans[(start, end)])]


def implied_filters(question: str, docs: dict[str, DocMeta]) -> Implied:
    imp = Implied()
    text = question
    lower = question.lower()
    # a question about a grade ("how was Sunderland judged in 2021?") is about an inspection too
    about_inspection = "ofsted" in lower or "inspect" in lower or kinds.asks_grade(question)  # ("how many KPIs were
    # rated red at the end of December 2024?" is about a performance report, and no inspection of 2024 is missing)
    by_council, others = indexed_organisations(docs)
    for name, slugs in others:  # organisations indexed that are not councils ("NHS Kent and Medway") come first
        m = _capitalised(_name_pattern(name), text)
        if not m:
            continue
        imp.org_names.append(m.group(0).removesuffix("'s").removesuffix("’s"))
        imp.orgs.extend(s for s in sorted(slugs) if s not in imp.orgs)
        text = _blank(text, m.start(), m.end())
    for council, written, start, end in _shared_names_narrowed(councils.find_mentions(text)):
        if council.slug in by_council:
            if written not in imp.org_names:  # a trust several councils share is one name of each
                imp.org_names.append(written)
            # the name as its own papers are filed ("Kent County Council": kent-cc), else all of the council's;
            # an inspection is of the council whatever its name is written as (Ofsted files Kent's as "Kent")
            spelled = councils.slug_for(written)
            slugs = [spelled] if spelled != council.slug and spelled in by_council[council.slug] \
                and not about_inspection else sorted(by_council[council.slug])
            imp.orgs.extend(s for s in slugs if s not in imp.orgs)
        elif not councils.names_the_council(written) and any(s in by_council for s in councils.covering(council)) \
                and not (council.former and about_inspection):  # Ofsted inspected the former council, not a place
            imp.places.append(written)  # a place in an indexed council's area: "a family hub in Thanet" (Kent)
        elif written not in imp.unindexed:
            imp.unindexed.append(written)  # a council with nothing indexed: the answer says so
            took_over = [councils.display_name(s) or s for s in council.successors if s in by_council]
            if council.former and took_over:  # "Northamptonshire County Council": abolished in 2021, its area now
                imp.successors[written] = took_over  # North and West Northamptonshire's, which may be indexed
            elif council.county in by_council:
                imp.within[written] = councils.display_name(council.county) or council.county
        text = _blank(text, start, end)
    committees = sorted({m.committee for m in docs.values() if m.committee}, key=len, reverse=True)
    for c in committees:
        m = next((m for m in _name_pattern(c).finditer(text) if not _INSIDE_NAME.search(text[: m.start()])
                  and not _MODIFIES.match(text[m.end():])), None)
        if m and c not in imp.committees:
            imp.committees.append(c)
            text = _blank(text, m.start(), m.end())
    full = _FULL_COUNCIL.search(text)  # "full Council" is the meeting of all the council's members
    if full or imp.orgs and not imp.committees and _COUNCILS_MEETING.search(question):
        imp.committees.extend(c for c in committees if _WHOLE_COUNCIL.fullmatch(c) and c not in imp.committees)
    if full:
        text = _blank(text, full.start(), full.end())
    for month, year in _MONTH_YEAR.findall(question):
        imp.months.append(f"{year}-{month_number(month):02d}")
    for day, month, year in _DAY_MONTH_YEAR.findall(question):
        imp.days.append(f"{year}-{month_number(month):02d}-{int(day):02d}")
    imp.years = sorted(years_named(question))
    bounds = []
    if (m := _SINCE.search(question) or _SINCE_INSPECTED.search(question)) and not (m.group(1).lower() == "after" and _AFTER_AN_INSPECTION.match(question, m.end())):
        imp.since_year = int(m.group(2))
        bounds.append(m.group(2))
        if m.re is _SINCE_INSPECTED:  # (its month is that inspection's, not one asked about)
            imp.months = [x for x in imp.months if not x.startswith(m.group(2))]
    if (m := _BEFORE.search(question)) and (not _BEFORE_AN_EVENT.match(question, m.start())
                                            or _AN_INSPECTION_BEFORE.search(question[: m.start()])):
        imp.before_year = int(m.group(2))
        bounds.append(m.group(2))
    if bounds and not _YEAR.findall(_blank_all(question, bounds)):
        # "since 2019" bounds the time asked about; the year itself is not asked about (its report is where things
        # stood, not what was done since), unless the question names it again ("in 2019 and since 2019")
        imp.years = [y for y in imp.years if str(y) not in bounds]
    imp.ofsted = about_inspection
    imp.minutes = "minutes" in lower or "meeting" in lower or "vote" in lower
    imp.latest = bool(_LATEST.search(question))
    imp.earliest = bool(_EARLIEST.search(question)) and not imp.latest
    imp.previous = bool(_PREVIOUS.search(question)) and not imp.latest and not imp.earliest
    return imp
