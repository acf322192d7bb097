"""Resolve a question once into the filters its search runs under: explicit filters win; councils, years and
months the question names narrow or annotate the search against what is indexed."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from .. import councils
from ..records import DocMeta
from ..text.dates import MONTHS_PATTERN, QUARTER, long_date, month_number, quarter_of, quarters_named
from .filters import Filters
from . import kinds
from .genres import named_genres, of_genre
from .implied import Implied, implied_filters
from .orgs import resolve_orgs
from .unknown import unknown_names

# a month named as the inspection's: "its June 2026 Ofsted inspection", "inspected in March 2024"
_INSPECTION_MONTH = re.compile(rf"\b({MONTHS_PATTERN})\s+(20\d\d)\s+(?:[\w'’]+\s+){{0,2}}?inspection\b|"
                               rf"\binspect(?:ion|ed)\s+(?:[\w'’]+\s+){{0,3}}?(?:in|during)\s+({MONTHS_PATTERN})\s+(20\d\d)\b",
                               re.IGNORECASE)
_PAST_EVENT = re.compile(r"\b(won|lost|was|were|did|happened|took place|decided|agreed|voted|elected|result)\b",
                         re.IGNORECASE)
# what the papers planned, promised or expected for a later month is theirs to say ("What did Kent plan for
# school places in September 2026?"), unlike what happened then
_LOOKING_AHEAD = re.compile(r"\b(plan\w*|expect\w*|forecast\w*|target\w*|propos\w*|intend\w*|intention|"
                            r"schedul\w*|due|will|aim\w*|commit\w*|promis\w*|predict\w*|project(?:ed|ion)s?|"
                            r"anticipat\w*)\b", re.IGNORECASE)


def resolve_filters(question: str, filters: Filters | dict | None, docs: Mapping[str, DocMeta],
                    knows: Callable[[str], bool] | None = None) -> tuple[Filters, Implied]:
    """Explicit filters win; councils named in the question restrict the search when none were given. ``knows``:
    whether an indexed document prints a word, for a name the question gives that none does ("… in Atlantis?")."""
    given = Filters.from_dict(filters) if not isinstance(filters, Filters) else filters
    # organisations as the question's are read: "KCC" is Kent's (query/orgs.py)
    orgs = resolve_orgs(given.orgs, docs)
    explicit = Filters(**{**given.__dict__, "orgs": orgs.orgs})
    implied = implied_filters(question, docs)
    if orgs.selects_nothing and not orgs.unknown:
        # only councils with nothing indexed: declined as a question naming them is, saying so
        implied.unindexed.extend(name for name in orgs.unindexed if name not in implied.unindexed)
        implied.successors.update(orgs.successors)
        implied.within.update(orgs.within)
    elif not explicit.is_empty() and docs and not any(explicit.admits(m) for m in docs.values()):
        implied.unmatched = given.describe()  # "--doc no-such.pdf": say so, not "the documents don't say this"
    if knows is not None and not (implied.orgs or implied.unindexed or explicit.orgs or explicit.docs):
        # "How did Ofsted grade Narnia?": a name no indexed document prints, and no council named
        implied.never_printed = unknown_names(question, knows)
    effective = Filters(**{**explicit.__dict__})
    if not explicit.orgs and implied.orgs:
        effective.orgs = list(implied.orgs)
    if explicit.orgs:
        implied.filter_conflict = _filter_conflict(implied, explicit.orgs)
        implied.orgs, implied.org_names = [], []
        if not orgs.selects_nothing and _one_council(explicit.orgs):  # "--org halton", the app's council filter: the question is about that
            # council as if it named it ("What grade did it get overall?" is its judgement table's, as without it)
            implied.orgs = list(explicit.orgs)
            implied.org_names = [_council_name(explicit.orgs)]
    elif not (implied.orgs or implied.unindexed or implied.never_printed) and (only := _the_only_council(docs)):
        # a council's own index: a question that names no council is about that one ("What was the overall
        # judgement?" is answered as "What was Medway's overall judgement?"); its documents need no filter
        implied.orgs = only
        implied.org_names = [_council_name(only)]
    if explicit.since or explicit.until:
        implied.years, implied.since_year, implied.before_year = [], None, None
    else:
        _year_filter(question, effective, implied, docs)
        _one_inspection_asked(effective, implied, docs)
        _inspection_before(effective, implied, docs)
        _committee_year(question, effective, implied, docs)
        _inspection_month(question, effective, implied, docs)
    _other_quarters(question, effective, docs, knows)
    _after_documents(question, effective, implied, docs)
    _no_committee_papers(question, effective, implied, docs)
    _no_paper_of_kind(question, implied, docs)
    _documents_end_before(implied, docs)
    return effective, implied


# what a council's meetings record, which an inspection report does not: "what did Greenwich's cabinet decide
# about …?", "how did Luton councillors vote on the budget?", "what do the minutes say …?"
_MEETINGS_RECORD = re.compile(r"\b(?:minutes|agenda)\b|\b(?:cabinet|full council|council meeting|councillors|committee|"
                              r"motion|cabinet member)\b.*\b(?:decid|decision|agree|approv|resolv|vot|propos|debat)\w*|"
                              r"\b(?:decid|decision|agree|approv|resolv|vot|propos|debat)\w*\b.*\b(?:cabinet|full council|"
                              r"council meeting|councillors|committee|motion)\b|"
                              # what a committee itself said or recommended: "what did Southwark's scrutiny committee
                              # say about …?" (not what inspectors said about it)
                              r"\b(?:what|how)\s+(?:did|does|has|have|will)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
                              r"(?:scrutiny|cabinet|committee|panel|councillors)\s+(?:committee\s+|panel\s+|members\s+)?"
                              r"(?:say|said|recommend|conclude|ask|raise|respond|reply|think|feel)\w*\b", re.IGNORECASE)

# what inspectors said or found is in their reports, of whatever meeting ("what did inspectors say about the minutes of
# child protection conferences?")
_INSPECTORS_ASKED = re.compile(r"\b(?:inspectors?|ofsted|inspection)\b", re.IGNORECASE)


def _council_docs(implied: Implied, docs: Mapping[str, DocMeta]) -> list[DocMeta]:
    """The indexed documents of the councils the question names."""
    council = Filters(orgs=implied.orgs)
    return [m for m in docs.values() if council.admits(m)]


def _no_committee_papers(question: str, effective: Filters, implied: Implied, docs: Mapping[str, DocMeta]) -> None:
    """Notice "What did Greenwich's cabinet decide about family hubs?" when the council's only indexed documents
    are Ofsted's reports: they do not record what its meetings decided, and quoting them would answer another
    question."""
    if not implied.orgs or not _one_council(implied.orgs) or not _MEETINGS_RECORD.search(question) \
            or _INSPECTORS_ASKED.search(question):
        return
    theirs = _council_docs(implied, docs)
    if theirs and all(m.doc_type == "ofsted-inspection" for m in theirs):
        implied.no_papers = True


def _no_paper_of_kind(question: str, implied: Implied, docs: Mapping[str, DocMeta]) -> None:
    """Notice "What did Medway's equality impact assessment of school places find?" when none of the council's
    indexed documents is a paper of that kind (``genres.tsv``): another of its papers would answer another question
    (what the answer quotes is checked for the kind named too: minutes may discuss the assessment)."""
    if not implied.orgs or not _one_council(implied.orgs) or implied.no_papers or len(kinds := named_genres(question)) != 1:
        return
    theirs = _council_docs(implied, docs)
    if theirs and not any(of_genre(m.title, kinds[0]) for m in theirs):
        implied.no_genre = kinds[0]


def _documents_end_before(implied: Implied, docs: Mapping[str, DocMeta]) -> None:
    """Notice "What is Medway's forecast overspend for 2024-25?" when the council's indexed documents are all from
    before the earliest year asked about (its newest from 2023): whether a document names that year anyway ("by
    2025") is for the answer to check (an inspection year with no report is ``no_report_year``'s)."""
    if not implied.orgs or not _one_council(implied.orgs) or not implied.years or implied.no_report_year \
            or implied.since_year or implied.before_year:
        return
    years = [m.year for m in _council_docs(implied, docs) if m.year is not None]
    if years and max(years) < min(implied.years):
        implied.documents_end = max(years)


def _after_documents(question: str, effective: Filters, implied: Implied, docs: Mapping[str, DocMeta]) -> None:
    """Notice a question about something that happened after the newest document it can be answered from
    ("Which party won … at the May 2025 elections?" when the papers end in March 2025). Not when it also names a
    month they cover: "did the council vote in January 2025 to cancel the May 2025 elections?" asks what was done in
    January, May being what it was about."""
    if not implied.months or not _PAST_EVENT.search(question) or _LOOKING_AHEAD.search(question):
        return
    # the documents' own dates, whatever date filter the question's years set
    by_council = Filters(orgs=effective.orgs, doc_types=effective.doc_types, committees=effective.committees,
                         docs=effective.docs)
    dates = [m.date for m in docs.values() if m.date and by_council.admits(m)]
    if dates and min(implied.months) > max(dates)[:7]:
        implied.after_documents = min(implied.months)


def _inspection_month(question: str, effective: Filters, implied: Implied, docs: Mapping[str, DocMeta]) -> None:
    """Notice "Trafford's June 2026 inspection" when none of the council's indexed inspections ran (or was
    published) in that month: the report's own "Inspection dates" are compared, not its publication date alone.
    Only a month named as the inspection's counts ("the delays found in March 2023" may be another visit's)."""
    named = _INSPECTION_MONTH.search(question)
    orgs = effective.orgs or _the_only_council(docs)
    if not named or not orgs or not _one_council(orgs) or implied.no_report_year or implied.since_year \
            or implied.before_year:
        return
    council = Filters(orgs=orgs)
    inspections = [m for m in docs.values() if m.doc_type == "ofsted-inspection" and council.admits(m)]
    if not inspections or any(not m.inspected for m in inspections):
        return  # nothing to compare with, or a report whose inspection dates are not known
    month, year = (named.group(1), named.group(2)) if named.group(1) else (named.group(3), named.group(4))
    asked = f"{year}-{month_number(month):02d}"
    if any(m.dated_in([asked]) for m in inspections):
        return
    implied.no_report_month = asked
    implied.inspections = [_dates_span(m.inspected) for m in sorted(inspections, key=lambda m: m.inspected or "")]


# a year that names a paper's period, not a meeting's: "the November 2024 budget monitoring report" (taken by Cabinet
# in January 2025), "the 2024 annual report"
_PERIOD_OF_A_PAPER = (r"(?:[-/]\d{{2,4}})?\s+(?:budget|monitoring|finance|financial|performance|quarterly|annual|"
                      r"report|plan|statement|strategy|update|figures|data|accounts|survey|consultation|review)\b")


# a date the figures are of, not a meeting's: "had an EHCP as of January 2024" (in a paper of 2025), "as at 31 March
# 2024", "at the end of 2023"
_DATA_DATED = re.compile(rf"\b(?:as\s+(?:of|at)|(?:at|by)\s+the\s+end\s+of)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
                         rf"(?:(?:{MONTHS_PATTERN})\s+)?$", re.IGNORECASE)


# a year written as the meeting's: after the committee's name or a meeting ("Cabinet in 2023", "Cabinet's 2023
# meeting", "at its meetings in 2023"), before a meeting ("the 2023 meetings"), or after what a meeting did ("approved
# in 2023", "discussed during 2023")
_MEETING = r"(?:meetings?|minutes|sittings?|sessions?)"
_BEFORE_A_MEETING_YEAR = re.compile(rf"(?:\b{_MEETING}|\b(?:decid|decision|agree|approv|resolv|vot|discuss|debat|consider|"
                                    rf"endors|adopt|recommend|met\b|meet)\w*)(?:\s+(?:held|in|on|during|of|at|from))?\s*$",
                                    re.IGNORECASE)
_AFTER_A_MEETING_YEAR = re.compile(rf"\s+{_MEETING}\b", re.IGNORECASE)


def _asks_a_figure(question: str) -> bool:
    return any(k in kinds.expected(question) for k in ("number", "money", "rate"))


def _dates_the_meeting(question: str, year: re.Match[str], committees: list[str]) -> bool:
    """Whether the year ``year`` of ``question`` is written as a meeting's (``_BEFORE_A_MEETING_YEAR``), not as the
    time of what a figure measures ("how many births were there in Kent in 2023?")."""
    before = question[: year.start()]
    if _BEFORE_A_MEETING_YEAR.search(before) or _AFTER_A_MEETING_YEAR.match(question, year.end()):
        return True
    return any(re.search(re.escape(c) + r"(?:['’]s)?(?:\s+(?:[\w'’]+\s+)?(?:in|on|during|of|from))?\s*$", before,
                         re.IGNORECASE) for c in committees)


def _committee_year(question: str, effective: Filters, implied: Implied, docs: Mapping[str, DocMeta]) -> None:
    """Notice "What did the Corporate Parenting Panel discuss in 2022?" when none of that committee's indexed papers
    (of the council named, if any) is from that year: its decisions then are in papers that are not indexed, and
    another year's papers would answer a different question."""
    if len(implied.years) != 1 or not implied.committees or implied.since_year or implied.before_year:
        return
    year = implied.years[0]
    written = list(re.finditer(rf"\b{year}\b", question))
    if written and all(re.match(_PERIOD_OF_A_PAPER.format(), question[m.end():])
                       or _DATA_DATED.search(question[: m.start()]) for m in written):
        return
    if written and _asks_a_figure(question) and not any(_dates_the_meeting(question, m, implied.committees)
                                                        for m in written):
        return  # "how many births were there in Kent in 2023, according to Cabinet's papers?": 2023's births
    council = Filters(orgs=effective.orgs)
    papers = [m for m in docs.values() if m.committee in implied.committees and council.admits(m) and m.year]
    if papers and all(m.year != implied.years[0] for m in papers):
        implied.no_papers_year = implied.years[0]
        implied.papers_years = sorted({m.year for m in papers if m.year is not None})


# a visit of Ofsted's (monitoring, focused) between inspections: its letter is not indexed as an inspection report
_A_VISIT = re.compile(r"\b(?:monitoring|focused)\s+visits?\b|\bvisit(?:s|ed)?\b", re.IGNORECASE)


def _filter_conflict(implied: Implied, filtered: list[str]) -> str | None:
    """What to say when the question names only indexed councils other than the one council filtered on ("--org
    kent", "What grade did Stoke get overall?"): one council's question is never answered from another's papers. A
    question naming the filter's council too ("How does Kent compare with Medway?") is the filter's."""
    if not implied.orgs or not _one_council(filtered):
        return None
    wanted = {councils.council_slug(slug) for slug in filtered}
    if any(councils.council_slug(slug) in wanted for slug in implied.orgs):
        return None
    named = list(dict.fromkeys(c.name for slug in implied.orgs if (c := councils.by_slug(slug))))
    if not named:
        return None
    name = _council_name(filtered)
    return (f"The question asks about {' and '.join(named)}, but the council filter is set to {name}: clear the filter "
            f"or ask about {name}.")


def _the_only_council(docs: Mapping[str, DocMeta]) -> list[str]:
    """The organisations of the indexed documents when they are one council's (a council's own index: "What did
    the 2019 inspection say?" names no council because there is only one); else []."""
    orgs = sorted({m.org_slug for m in docs.values() if m.org_slug})
    return orgs if orgs and _one_council(orgs) else []


def _council_name(orgs: list[str]) -> str:
    """The name of the one council whose organisations ``orgs`` are ("kent", "kent-cc" -> "Kent")."""
    return next((c.name for slug in orgs if (c := councils.by_slug(slug))), orgs[0])


def _one_council(orgs: list[str]) -> bool:
    """Whether the organisations filtered on are one council's: "Kent" selects both its Ofsted reports ("kent") and
    its committee papers ("kent-cc"), which are the same council's."""
    return len({councils.council_slug(slug) for slug in orgs}) == 1


def _dates_span(inspected: str | None) -> str:
    start, _, end = (inspected or "").partition("/")
    return long_date(start) if start == end else f"{long_date(start)} to {long_date(end)}"


def _one_inspection_asked(effective: Filters, implied: Implied, docs: Mapping[str, DocMeta]) -> None:
    """"How did Kent do at its last inspection?", "its most recent Ofsted report": a question about one council's
    latest inspection is searched in that council's newest report alone (which also says what changed since the one
    before), not in older reports that speak of their own "last inspection". "Its first inspection" likewise in its
    oldest indexed report, not in later ones that look back at it; "its previous inspection" in the report before the
    newest (``implied.previous_report``), not in the newest's look back at it alone."""
    if effective.orgs:  # one council named (several councils' latest reports are not one report)
        orgs = effective.orgs if len(implied.org_names) == 1 else []
    else:  # or the index's only council
        orgs = _the_only_council(docs)
    if not (implied.latest or implied.earliest or implied.previous) or not implied.ofsted or not orgs \
            or effective.docs or implied.years or implied.since_year or implied.before_year:
        return
    council = Filters(orgs=orgs)
    inspections = sorted((m for m in docs.values() if m.doc_type == "ofsted-inspection" and m.date
                          and council.admits(m)), key=lambda m: m.date or "")
    if len(inspections) >= 2:
        picked = inspections[-1] if implied.latest else inspections[0] if implied.earliest else inspections[-2]
        effective.docs = [picked.doc]
        if implied.previous:
            implied.previous_report = picked.doc  # its own report: what it says is what was found then


def _inspection_before(effective: Filters, implied: Implied, docs: Mapping[str, DocMeta]) -> None:
    """"What did Ofsted judge <council> at its inspection before 2023?": the council's newest report published
    before that year is searched alone, as for "its previous inspection" (``implied.previous_report``); when none is
    indexed, the report of that year or later says what the earlier inspection found (``implied.looks_back``)."""
    if not implied.before_year or not implied.ofsted or effective.docs or len(implied.org_names) != 1 \
            or not effective.orgs:
        return
    council = Filters(orgs=effective.orgs)
    inspections = sorted((m for m in docs.values() if m.doc_type == "ofsted-inspection" and m.year is not None
                          and council.admits(m)), key=lambda m: m.date or "")
    before = [m for m in inspections if m.year < implied.before_year]
    if before:
        effective.docs = [before[-1].doc]
        implied.previous_report = before[-1].doc
    elif inspections:
        implied.looks_back = True


def _year_filter(question: str, effective: Filters, implied: Implied, docs: Mapping[str, DocMeta]) -> None:
    """A council's report of a year the question names ("Kent's 2013 inspection") is searched alone when it
    exists and the question is about an inspection; otherwise the year stays a boost (a later report may look back
    at it)."""
    orgs = effective.orgs or _the_only_council(docs)
    if len(implied.years) != 1 or not orgs or implied.since_year or implied.before_year:
        return
    year = implied.years[0]
    admitted = [m for m in docs.values() if Filters(orgs=orgs).admits(m) and m.year is not None]
    matching = [m for m in admitted if m.of_year(year)]  # published then, or an inspection that ran then
    inspections = [m for m in admitted if m.doc_type == "ofsted-inspection"]
    if implied.ofsted and inspections and not any(m in matching for m in inspections) and _one_council(orgs) \
            and not (matching and _A_VISIT.search(question)):
        # "Kent's 2019 inspection" when Kent's indexed reports are from 2017 and 2022: nothing can answer it (but
        # its monitoring visit of 2020, whose letter is not indexed, may be: by a paper of 2020 that reports on it)
        implied.no_report_year = year
        implied.report_years = sorted({m.year for m in inspections if m.year is not None})
    if matching and len(matching) < len(admitted) and implied.ofsted:
        # only a question about an inspection is narrowed to that year's documents: "compared with 2013" in a
        # question about a 2025 finance report names a year of its data, not of the document that answers
        effective.since = f"{year}-01-01"
        effective.until = f"{year + 1}-12-31" if any(m.year == year + 1 for m in matching) else f"{year}-12-31"


# a quarter of a financial year as a question names it: "Quarter 2 2024-25", "Q3 2024/25", "the second quarter",
# "quarter 3 of 2023-24"; not a quarter counted from ("since quarter 2", "compared with Q2": the later paper says
# what changed since)
_FROM_A_QUARTER = re.compile(r"\b(?:since|after|before|from|than|compared (?:with|to)|against|previous|prior|last|"
                             r"between|until)\s+(?:the\s+)?$", re.IGNORECASE)
_FINANCIAL_YEAR = re.compile(r"\b(20\d\d)\s*[-/–]\s*(\d\d)\b")
# the financial year of the quarter asked about, written beside it: "Quarter 2 2024-25", "quarter 3 of 2023-24",
# "2024/25 Q3" (not "Q3's report on the budget for 2025-26")
_QUARTERS_YEAR_AFTER = re.compile(r"\s*,?\s*(?:of\s+)?(?:the\s+)?(20\d\d)\s*[-/–]\s*(\d\d)\b")
_QUARTERS_YEAR_BEFORE = re.compile(r"\b(20\d\d)\s*[-/–]\s*(\d\d)\s*,?\s*$")


def _other_quarters(question: str, effective: Filters, docs: Mapping[str, DocMeta],
                    knows: Callable[[str], bool] | None) -> None:
    """"How many KPIs were rated red in Kent's Quarter 2 2024-25 performance report?": the papers titled as another
    quarter's ("Quarterly performance report Q3 2024-25"), or as the same quarter of another financial year, are
    left out of the search (``Filters.not_docs``): their figures are that quarter's, and the one asked about is in
    other papers (minutes of the meeting that took its report), or in none. A question naming two quarters, or
    counting from one ("since quarter 2"), compares them: nothing is left out. Nor when no paper is titled as the
    quarter asked about and no indexed passage names it ("Q4", ``knows``): then the other quarters' reports are
    what the search finds, and the answer says which quarters they report on (answer/extractive.py)."""
    asked = list(QUARTER.finditer(question))
    if len(asked) != 1 or effective.docs or _FROM_A_QUARTER.search(question[: asked[0].start()]):
        return
    quarter = quarter_of(asked[0])
    year = _QUARTERS_YEAR_AFTER.match(question, asked[0].end()) or _QUARTERS_YEAR_BEFORE.search(
        question[: asked[0].start()])
    scope = Filters(**{**effective.__dict__, "since": None, "until": None})
    left_out, titled_so = [], False
    for m in docs.values():
        if not scope.admits(m) or len(titled := quarters_named(m.title or "")) != 1:
            continue
        of_year = _FINANCIAL_YEAR.search(m.title or "")
        if titled != {quarter} or year and of_year and of_year.groups() != year.groups():
            left_out.append(m.doc)
        else:
            titled_so = True
    if not titled_so and (knows is None or not knows(f"Q{quarter}")):
        return
    effective.not_docs = sorted(set(effective.not_docs) | set(left_out))
