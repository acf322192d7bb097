"""Answers to "which councils were judged outstanding in 2025?": the Ofsted judgements the tracker read from every
indexed report's judgement table (area and grade), selected by grade, area, year and council, each line cited.

A question across councils has no one paragraph that answers it; retrieval would quote whichever report or paper
shares its words. The judgement records answer it exactly, and say how many reports they were chosen from.
"""

from __future__ import annotations

import re

from .. import councils
from ..query.filters import Filters
from ..query.implied import Implied, years_written
from ..query.kinds import JUDGED_AREAS, judged_area_line
from ..parse.sentences import split_sentences
from ..records import Citation, Hit, long_date
from ..track.items import TrackRecord
from ..track.ledger import records_for, select
from ..track.timeline import citation_for, hit_for

# "which councils were judged outstanding?", "how many local authorities were rated inadequate overall in 2024?"
JUDGED_Q = re.compile(r"\b(?:which|what|how many) (?:(?:London|metropolitan|county|unitary|English)\s+)?"
                      r"(?:councils?|local authorit(?:y|ies)|authorities|areas|boroughs|unitaries|"
                      r"children'?s services)\b[^?]*\b(?:judged|rated|graded|found|were|was|got|received|achieved)\b",
                      re.IGNORECASE)
# the grades as the records keep them, and the words a question uses for them
_GRADES = (("requires improvement to be good", re.compile(r"\brequire[sd]? improvement\b", re.IGNORECASE)),
           ("outstanding", re.compile(r"\boutstanding\b", re.IGNORECASE)),
           ("inadequate", re.compile(r"\binadequate\b", re.IGNORECASE)),
           ("good", re.compile(r"\bgood\b", re.IGNORECASE)))
OVERALL = "overall effectiveness"  # the area judged unless the question names another (kinds.JUDGED_AREAS)
MAX_LINES = 40


def area_asked(question: str) -> str:
    """The judged area the question names ("care leavers"), else overall effectiveness."""
    return next((a for a, rx in JUDGED_AREAS if rx.search(question)), OVERALL)


def _published(date: str | None) -> str:
    return long_date(date) if date else "undated"


def asks_judged(question: str) -> bool:
    """Whether ``question`` asks which (or how many) councils got a grade, not what one council got."""
    return bool(JUDGED_Q.search(question)) and any(rx.search(question) for _, rx in _GRADES)


def judged_lines(data, question: str, effective: Filters, implied: Implied) -> tuple[list[str], list[Citation]]:
    """The councils whose indexed reports give the grade asked for in the area asked about (overall effectiveness
    unless the question names another), published in the year(s) the question names: the answer's lines, each
    cited, and their citations (none when no report gives that grade, which the one line says plainly)."""
    grade = next(g for g, rx in _GRADES if rx.search(question))
    area = area_asked(question)
    years = {int(y) for y in implied.years}
    kind = councils.kind_named(question)  # "which London boroughs …?": that type of council's reports
    judged = [r for r in select(records_for(data), kinds=("judgement",), orgs=list(effective.orgs))
              if r.area == area and (not years or (r.date and int(r.date[:4]) in years))
              and (kind is None or _council_type(r.org_slug) == kind)]
    reports = {r.doc for r in judged}
    chosen = sorted((r for r in judged if r.grade == grade), key=lambda r: (r.date or "", r.organisation or ""))
    when = (f" on {_PLURAL.get(kind, kind)}" if kind else "") + (
        f" published in {' or '.join(str(y) for y in sorted(years))}" if years else "")
    if not chosen:
        n = len(reports)
        plain = (f"No indexed Ofsted report{when} judges {area} {grade} ({n} indexed report{'s' if n != 1 else ''}"
                 f"{when} judge{'s' if n == 1 else ''} {area}).")
        return [plain], []
    head = (f"{len(chosen)} of the {len(reports)} indexed Ofsted report{'s' if len(reports) != 1 else ''}{when} "
            f"judge{'s' if len(chosen) == 1 else ''} {area} {grade}:")
    lines = [head]
    citations: list[Citation] = []
    for r in chosen[:MAX_LINES]:
        lines.append(f"- {r.organisation} ({r.date}): {r.text} [{r.label}]")
        citations.append(citation_for(data, r, rank=len(citations) + 1))
    if len(chosen) > MAX_LINES:
        lines.append(f"({len(chosen) - MAX_LINES} more not shown: the Commitments & findings page, or "
                     "`python -m assistant findings --kind judgement`, lists them.)")
    return lines, citations


_PLURAL = {"London borough": "London boroughs", "metropolitan borough": "metropolitan boroughs",
           "county": "county councils", "unitary": "unitary councils"}


def _council_type(slug: str | None) -> str | None:
    council = councils.by_slug(councils.council_slug(slug or ""))
    return council.type if council is not None else None


# "how has Kent's overall judgement changed?", "what were Medway's grades in 2019 and 2023?", "Wirral's Ofsted
# ratings over the years": one council's judgements across its reports
_GRADE_WORDS = re.compile(r"\b(?:judged|judgements?|grades?|graded|ratings?|rated|overall effectiveness|"
                          r"(?:did|do|does) (?:Ofsted|(?:the )?inspectors) (?:judge|rate|grade))\b",
                          re.IGNORECASE)  # not "judges": the family court's, whom a report may quote
# Ofsted's other remits, whose judgements are not the council's children's services' ("Ofsted judgements of Kent
# schools"), and the Care Quality Commission's, which rates care homes, home care and health services ("how many of
# the care homes it uses are rated good?")
_OTHER_REMITS = re.compile(r"\b(?:schools?|colleges?|nurser(?:y|ies)|academ(?:y|ies)|providers?|childminders?|"
                           r"children'?s homes?|care homes?|nursing homes?|home care|CQC|Care Quality Commission)\b",
                           re.IGNORECASE)
# a council's own ratings of its performance and risks, in committee papers ("how many KPIs were rated red?", "which
# risks are rated high?"): no Ofsted grade
_OWN_RATINGS = re.compile(r"\b(?:KPIs?|(?:key )?performance indicators?|indicators?|RAG|red|amber|green|risks?|"
                          r"(?:rated|rating) (?:as )?(?:high|medium|low))\b", re.IGNORECASE)


def _rates_something_else(text: str) -> bool:
    """Whether ``text`` asks about ratings that are not Ofsted's of the council's children's services."""
    return bool(_OTHER_REMITS.search(text) or _OWN_RATINGS.search(text))


_OVER_TIME = re.compile(r"\b(?:change[ds]?|changing|over (?:the )?(?:years|time)|since|history|each inspection|every "
                        r"inspection|all (?:its|their|the) inspections|trend|progress\w*|improved|declined|"
                        r"(?:grades|judgements|ratings) (?:has|have|did) (?:it|they|\w+) (?:had|got|received))\b",
                        re.IGNORECASE)


# "… since it was judged inadequate in 2019", "… after being rated inadequate": a judgement that says from when,
# not what is asked about
_FROM_WHEN = re.compile(r"\b(?:since|after|following)\b.*$", re.IGNORECASE)


def asks_history(question: str, implied: Implied) -> bool:
    """Whether ``question`` asks how one council's Ofsted judgements went across its reports (over time, or in two
    or more years it names), not what one report judged; nor how its services changed since a judgement ("how
    have West Sussex's services changed since they were judged inadequate in 2019?": what its report says of the
    change, which the ordinary answer quotes)."""
    if len(implied.org_names) != 1 or not implied.orgs or not _GRADE_WORDS.search(_FROM_WHEN.sub("", question)) \
            or _rates_something_else(question.replace("’", "'")):
        return False
    return len(years_written(question)) >= 2 or bool(_OVER_TIME.search(question))  # not one financial year's two


# "judged to be at risk", "judged to need …": a judgement of a child's situation, not Ofsted's grade of the council
# ("judged to require improvement", "judged to be good" are grades)
_NOT_A_GRADE = re.compile(r"\bjudged?\s+(?:to\b(?!\s+(?:be\s+)?(?:requires?\b|good\b|outstanding\b|inadequate\b|"
                          r"adequate\b))|that\b|as (?:being )?(?:at|in|un)\b)", re.IGNORECASE)
_EARLIER = re.compile(r"\b(?:previous(?:ly)?|prior|preceding|earlier|first)\b", re.IGNORECASE)
# "when was it judged good?", "in which year …": a date asked for, which a report's text gives, not its table
_WHEN_ASKED = re.compile(r"^\s*(?:when\b|in (?:which|what) year\b|(?:which|what) year\b|on what date\b)",
                         re.IGNORECASE)


def _of_one_councils_report(question: str, implied: Implied) -> bool:
    """Whether a grade question is about one named council's Ofsted judgements as its reports' tables give them:
    not another remit's ratings, a child "judged to be at risk", nor the previous or first inspection."""
    if len(implied.org_names) != 1 or not implied.orgs:
        return False
    # the council's own name is not read for these: "Slough Children First" runs Slough's services, and asks
    # for no first inspection
    rest = re.sub(re.escape(implied.org_names[0]), " ", question, flags=re.IGNORECASE).replace("’", "'")
    return not _rates_something_else(rest) and not _NOT_A_GRADE.search(rest) and not _EARLIER.search(rest) \
        and not _WHEN_ASKED.search(rest)


def _one_councils_grade(question: str, implied: Implied) -> bool:
    """Whether ``question`` asks for one council's Ofsted grade and names nothing the judgement table may not judge
    (``_other_words``), whatever time it names."""
    return bool(_GRADE_WORDS.search(question)) and _of_one_councils_report(question, implied) \
        and not _other_words(question, implied)


def asks_grade(question: str, implied: Implied) -> bool:
    """Whether ``question`` asks for one council's Ofsted grade and names no time: "What grade did Medway get?",
    "What is Medway's grade for care leavers?", "How were care leavers judged in Medway?". Its newest report's
    judgement is the answer, from the judgement table the tracker read; retrieval would quote whichever report's
    paragraph shares the words "care leavers" (a 2015 finding, a 2013 grade key). A question naming a year, or
    the previous inspection, is answered from that report's own text instead."""
    return _one_councils_grade(question, implied) and not (
        implied.years or implied.since_year or implied.before_year or implied.months or implied.days
        or years_written(question))


def asks_grade_of_year(question: str, implied: Implied) -> bool:
    """Whether ``question`` asks for one council's Ofsted grade in the one year it names: "How was help and
    protection judged in Kent in 2017?", "What overall effectiveness grade did Somerset get in 2026?". That year's
    report's judgement table answers it, or says the report judges no such area (a report of the framework that
    dropped the overall grade prints none: its line for children in care is no answer)."""
    return _one_councils_grade(question, implied) and len(implied.years) == 1 \
        and len(years_written(question)) == 1 and not (implied.since_year or implied.before_year or implied.months
                                                        or implied.days)


# the words a grade question is made of besides the council and the area: anything else ("for adoption", "for its
# fostering service") names something the judgement table may not judge, and the ordinary answer is tried instead
_GRADE_QUESTION_WORDS = frozenset(
    "what which how is are was were did does do has have had the a an its their his her of for in on at by to from "
    "grade grades graded rating ratings rated rate judge judged judgement judgements judgment overall effectiveness get "
    "got children who need performance "
    "give gave given receive received achieve achieved ofsted inspectors inspection inspections report latest last "
    "most recent current currently now time council children's childrens services service local authority it they "
    "outstanding good inadequate requires require improvement adequate county borough city district metropolitan "
    "royal".split())


def _other_words(question: str, implied: Implied) -> list[str]:
    """The question's words that are neither a grade question's own, the council's name nor a judged area's."""
    text = question.lower().replace("’", "'")
    for name in implied.org_names:
        text = text.replace(name.lower(), " ")
    for _, rx in JUDGED_AREAS:
        text = rx.sub(" ", text)
    return [w for w in re.findall(r"[a-z][a-z']+", text)  # a letter left of a possessive ("Kent's") is not a word
            if w not in _GRADE_QUESTION_WORDS and w.removesuffix("'s") not in _GRADE_QUESTION_WORDS]


# "which areas was Medway judged good in?", "which of Slough's judgements were inadequate?": the areas one report
# judged, of the grade the question names
_WHICH_AREAS = re.compile(r"\b(?:which|what)(?: of (?:the|its|their|[\w-]+(?:['’]s)?))?(?: judge?ment| judged| inspection)?"
                          r" (?:areas?|parts?|services?|judge?ments|grades|ratings)\b", re.IGNORECASE)
# "was it rated outstanding for anything?", "did it get good in any area?": whether any area has that grade
_ANY_AREA = re.compile(r"\b(?:for|in) (?:anything|any (?:area|part|judge?ment|service)s?)\b|\bany of (?:its|their|the) "
                       r"(?:areas|judge?ments|grades|services)\b", re.IGNORECASE)
# "were all of its judgements outstanding?", "was it outstanding in every area?": whether every area has that grade
_ALL_AREAS = re.compile(r"\b(?:were|are|was|is) all\b|\ball (?:of )?(?:its|their|the|[\w-]+['’]s) (?:judge?ments|grades|"
                        r"areas|ratings)\b|\b(?:every|each) area\b", re.IGNORECASE)
# "which judgement was rated inadequate?": one area asked for, by the grade the question names (without a grade,
# "what judgement did it get?" asks for the overall one)
_WHICH_ONE = re.compile(r"\b(?:which|what)(?: of (?:the|its|their|[\w-]+(?:['’]s)?))? judge?ment\b", re.IGNORECASE)
# "what were Medway's grades in 2023?", "how was it graded in each area?", or which areas: every area one report
# judged
_EVERY_AREA = re.compile(r"\b(?:grades|judgements|ratings)\b|\b(?:each|every|all(?: the)?) (?:judgement |judged "
                         r"|inspection )?areas?\b|" + _ANY_AREA.pattern + "|" + _WHICH_AREAS.pattern, re.IGNORECASE)


def asks_report_grades(question: str, implied: Implied) -> bool:
    """Whether ``question`` asks for every judgement of one council's report: its newest, or the one from the year
    it names ("What were Medway's grades in 2023?", "Which areas did Medway get good for?"). The extractive answer
    would quote one line of the judgement table."""
    which_one = bool(_WHICH_ONE.search(question)) and any(rx.search(question) for _, rx in _GRADES)
    if not (_EVERY_AREA.search(question) or which_one) or not (_GRADE_WORDS.search(question)
                                                 or any(rx.search(question) for _, rx in _GRADES)) \
            or not _of_one_councils_report(question, implied):
        return False
    # (a month or day of the one year named is the inspection's: "in Redcar and Cleveland's December 2025
    # inspection")
    return len(years_written(question)) <= 1 and not (implied.since_year or implied.before_year)


# "good rather than outstanding": the grade after these is the one not asked for; "not judged outstanding", "wasn't
# rated good": the areas of any other grade
_EXCEPT = re.compile(r"\b(?:rather than|instead of|other than|as opposed to)\s+(?:an?\s+|being\s+|judged\s+|rated\s+)?$",
                     re.IGNORECASE)
_NOT = re.compile(r"(?:\bnot|n[’']t)\s+(?:been\s+|be\s+)?(?:(?:judged|rated|graded|found|get|receive|achieve|given)\s+)?"
                  r"(?:to\s+be\s+|as\s+)?$",
                  re.IGNORECASE)


def _grade_asked(question: str) -> tuple[str | None, bool]:
    """The grade a "which areas …" question names, and whether it asks for the areas of any other grade: "good
    rather than outstanding" -> (good, False); "not rated outstanding" -> (outstanding, True)."""
    named = sorted((m.start(), g) for g, rx in _GRADES for m in rx.finditer(question))
    kept = [(at, g) for at, g in named if not _EXCEPT.search(question[:at])]
    if not kept:
        return (named[0][1], True) if named else (None, False)
    at, grade = kept[0]
    return grade, bool(_NOT.search(question[:at]))


def _one_reports_judgements(data, effective: Filters, year: int | None) -> list[TrackRecord]:
    """The judgements of the council's newest report that judges anything (of those from ``year``, when given), in
    the report's order; none when no such report gives one."""
    judged = select(records_for(data), kinds=("judgement",), orgs=list(effective.orgs))
    if year is not None:
        judged = [r for r in judged if (m := data.docs.get(r.doc)) is not None and m.of_year(year)]
    if not judged:
        return []
    doc = max(judged, key=lambda r: r.date or "").doc
    return [r for r in judged if r.doc == doc]


def report_grade_lines(data, question: str, effective: Filters, implied: Implied
                       ) -> tuple[list[str], list[Citation]]:
    """Every judgement of the council's newest report that judges anything (or its report from the year asked
    about), in the report's order, each cited; only those of the grade a "which areas … good" question names. No
    lines when no such report gives one (the ordinary answer is tried instead)."""
    of_report = _one_reports_judgements(data, effective, implied.years[0] if implied.years else None)
    if not of_report:
        return [], []
    any_area = bool(_ANY_AREA.search(question))
    whether = any_area or bool(_ALL_AREAS.search(question))
    which = bool(_WHICH_AREAS.search(question) or _WHICH_ONE.search(question))
    grade, other = _grade_asked(question) if which or whether else (None, False)
    chosen = [r for r in of_report if grade is None or (r.grade == grade) != other]
    if grade is None:  # "its grades for overall effectiveness and for leadership": the rows named, not all five
        chosen = _rows_named(question, implied, of_report) or chosen
    when = _published(of_report[0].date)
    report = (f"Ofsted's report on {implied.org_names[0]} published {when}" if implied.years else
              f"Ofsted's newest indexed report on {implied.org_names[0]}, published {when},")
    if grade is not None and whether and not other:  # "were all its judgements outstanding?": yes or no, then
        # every judgement, so the area that was not is there to see
        said = ("Yes" if chosen else "No") if any_area else ("Yes" if len(chosen) == len(of_report) else "No")
        return [f"{said}: {report} judges {len(chosen)} of its {len(of_report)} areas {grade}:"] + [
            f"- {r.text} [{r.label}]" for r in of_report], cited_once(data, of_report)
    if not chosen:
        return [f"{report} judges {f'every area {grade}' if other else f'no area {grade}'}; its judgements:"] + [
            f"- {r.text} [{r.label}]" for r in of_report], cited_once(data, of_report)
    head = f"{report} " + (f"judges {len(chosen)} of its {len(of_report)} areas {'other than ' if other else ''}"
                           f"{grade}:" if grade else "gives these judgements:")
    # "what was its overall grade, and which judgements were outstanding?": the grade the other part asks for
    # first, when it is not among the areas of the grade named
    also = [r for r in _rows_asked_beside(question, implied, of_report) if r not in chosen] if grade else []
    if also:
        head = "; ".join(f"{r.text} [{r.label}]" for r in also) + f". {head}"
    return [head] + [f"- {r.text} [{r.label}]" for r in chosen], cited_once(data, also + chosen)


# "all its grades", "every area", "each judgement": every row, whatever areas the question also names
_EVERY_ROW = re.compile(r"\b(?:all|every|each)\b", re.IGNORECASE)
_OVERALL_WORD = re.compile(r"\boverall\b", re.IGNORECASE)


def _rows_named(question: str, implied: Implied, of_report: list[TrackRecord]) -> list[TrackRecord]:
    """The rows of ``of_report`` for the judged areas the question names by their words ("leadership", "care
    leavers", "help and protection", "children in care"), the overall one first when it asks for it ("overall"),
    the rest in the question's order; none when it names no area, or asks for all of them ("all its grades")."""
    text = question.replace("’", "'")
    for name in implied.org_names:  # the council's name is no area's ("Leeds", "Telford and Wrekin")
        text = re.sub(re.escape(name), " ", text, flags=re.IGNORECASE)
    if _EVERY_ROW.search(text):
        return []
    named = sorted((m.start(), area) for area, rx in JUDGED_AREAS for m in rx.finditer(text))
    areas = list(dict.fromkeys(a for _, a in named))
    if not areas:
        return []
    rows = [r for r in of_report if r.area == OVERALL] if _OVERALL_WORD.search(text) else []
    for area in areas:
        rows += [r for r in of_report if r not in rows and r.area != OVERALL and judged_area_line(r.text, area)]
    return rows


def _rows_asked_beside(question: str, implied: Implied, of_report: list[TrackRecord]) -> list[TrackRecord]:
    """The rows of ``of_report`` that a question's other parts ask the grade of ("what was Salford's overall grade"
    beside "which judgements were outstanding?"), in the question's order; none for a question in one part."""
    rows: list[TrackRecord] = []
    for area, part in grades_also_asked(question, implied):
        if _WHICH_AREAS.search(part) or _WHICH_ONE.search(part) or _EVERY_AREA.search(part):
            continue  # the part the areas answer
        row = next((r for r in of_report
                    if (r.area == OVERALL if area == OVERALL else judged_area_line(r.text, part))), None)
        if row is not None and row not in rows:
            rows.append(row)
    return rows


def cited_once(data, rows: list[TrackRecord]) -> list[Citation]:
    """The rows' citations, one per paragraph: a judgement table's rows are one page-1 paragraph, cited once
    (by its first row's words), not once per row."""
    out: list[Citation] = []
    seen: set[tuple] = set()
    for r in rows:
        c = citation_for(data, r, rank=len(out) + 1)
        key = (c.doc, c.page_start, c.para, " ".join(c.text.split()))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


def grade_lines(data, question: str, effective: Filters, implied: Implied) -> tuple[list[str], list[Citation]]:
    """The council's newest judgement of the area asked about (overall effectiveness unless the question names
    another) on the first line, cited, and its earlier reports' judgements of it after, newest first. No lines when
    none of its reports gives one (the ordinary answer is tried instead)."""
    chosen = per_report(data, question, effective)
    if not chosen:
        return [], []
    newest, earlier = chosen[0], chosen[1:]
    when = _published(newest.date)
    lines = [f"{when} (the newest indexed Ofsted report on {implied.org_names[0]} that judges it): {newest.text} "
             f"[{newest.label}]"]
    latest = max(select(records_for(data), kinds=("judgement",), orgs=list(effective.orgs)),
                 key=lambda r: r.date or "")
    if latest.doc != newest.doc:  # a newer report judges other areas: say so, not let the older line pass for now
        area = area_asked(question)
        lines.append(f"(Its newest indexed Ofsted report, published {_published(latest.date)}, "
                     f"gives no judgement of {area} that could be read from its judgement table.)")
    if earlier:
        lines.append("Its earlier reports, newest first:")
        lines += [f"- {_published(r.date)}: {r.text} [{r.label}]" for r in earlier]
    return lines, [citation_for(data, r, rank=n + 1) for n, r in enumerate(chosen)]


def year_grade_lines(data, question: str, effective: Filters, implied: Implied) -> tuple[list[str], list[Citation]]:
    """The judgement of the area asked about (overall effectiveness unless the question names another) by the
    council's report from the year the question names, cited; when that report judges no such area, that it does
    not, and the judgements it gives. No lines when no report of that year gives a judgement (the ordinary answer
    is tried instead)."""
    of_report = _one_reports_judgements(data, effective, implied.years[0])
    if not of_report:
        return [], []
    area = area_asked(question)
    # the area's line as this report words it ("Leadership, management and governance" for leaders in 2015)
    own = [r for r in of_report if (r.area == OVERALL if area == OVERALL else judged_area_line(r.text, question))]
    report = f"Ofsted's report on {implied.org_names[0]} published {_published(of_report[0].date)}"
    if own:
        return [f"{report}: {own[0].text} [{own[0].label}]"], [citation_for(data, own[0], rank=1)]
    return [f"{report} gives no judgement of {area}; the judgements it gives:"] + [
        f"- {r.text} [{r.label}]" for r in of_report], cited_once(data, of_report)


def per_report(data, question: str, effective: Filters, years: list[int] | None = None,
                since: int | None = None) -> list[TrackRecord]:
    """Each of the council's reports' own judgement of the area the question names (overall effectiveness unless
    it names another), newest first; only from ``years``, or ``since`` a year, when given."""
    area = area_asked(question)
    judged = [r for r in select(records_for(data), kinds=("judgement",), orgs=list(effective.orgs))
              if r.area == area or area != OVERALL and area in (r.area or "")]  # "children in care and care leavers"
    metas = [data.docs.get(r.doc) for r in judged]
    if years:
        judged = [r for r, m in zip(judged, metas) if m is not None and any(m.of_year(y) for y in years)]
    elif since:
        judged = [r for r, m in zip(judged, metas) if m is not None and (m.year or 0) >= since]
    by_report: dict[str, TrackRecord] = {}
    for r in judged:
        by_report.setdefault(r.doc, r)  # a report's own judgement of the area: the first it prints
    return sorted(by_report.values(), key=lambda r: r.date or "", reverse=True)


# a report's opening summary on the inspection before it: "Services have improved substantially since the last
# inspection in 2022, when they required improvement", "Since the previous inspection, in 2020, when the overall
# effectiveness judgement was outstanding, …" (the reports of /work/shared/corpus/ofsted)
_LAST_INSPECTION = re.compile(r"\b(?:last|previous|prior|preceding)\s+(?:[\w'’()-]+\s+){0,3}?inspection\b",
                              re.IGNORECASE)
_A_GRADE = re.compile(r"\b(?:outstanding|good|inadequate|requires? improvement|required improvement)\b(?![-‐])",
                      re.IGNORECASE)
# the grade stated as a judgement: after "judged", "a judgement of", "found to be", …; "when they required
# improvement"; "the outstanding judgement" (not "good-quality services", nor "still require improvement")
_JUDGING = re.compile(r"\b(?:judged|judgements?|judgments?|rated|graded|found)\b", re.IGNORECASE)
_ORDER = ("inadequate", "requires improvement to be good", "good", "outstanding")


def _grade_of(word: str) -> str:
    word = " ".join(word.lower().split())
    return "requires improvement to be good" if "improvement" in word else word


def grade_said_before(data, record: TrackRecord) -> tuple[str, str, int | None, Citation] | None:
    """The first sentence of the opening summary (page 1) of ``record``'s report that states the grade of the
    inspection before it ("… since the last inspection in 2022, when they required improvement."), the grade it
    states, the year it names and its citation; None when the summary states none."""
    meta = data.docs.get(record.doc)
    rows = data.rows_by_doc().get(record.doc, ())
    for row in rows:
        p = data.paragraphs[int(row)]
        if (p.page_start or 1) > 1:
            break
        for sentence in split_sentences(p.text):
            years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", sentence)
                     if meta is None or meta.year is None or int(y) < meta.year]
            if not (_LAST_INSPECTION.search(sentence) or years):
                continue
            grade = _grade_stated(sentence)
            if grade is not None:
                hit = Hit(paragraph=p, meta=meta, score=1.0, rank=1) if meta is not None else hit_for(data, record)
                return sentence.strip(), grade, years[0] if years else None, Citation.from_hit(hit, sentence.strip())
    return None


def _grade_stated(sentence: str) -> str | None:
    """The first grade ``sentence`` states as a judgement ("when they were judged to be good overall", "when they
    required improvement", "the outstanding judgement"); "" when it is a judged area's, not the overall grade ("the
    quality of practice for children in need of help and protection … when it was judged as requires improvement");
    None when it states none."""
    for m in _A_GRADE.finditer(sentence):
        word = m.group(0)
        if word.lower().startswith("required") or _JUDGING.search(sentence[max(0, m.start() - 60):m.start()]) \
                or re.match(r"\s+judge?ment\b", sentence[m.end():], re.IGNORECASE):
            of_area = any(area != OVERALL and rx.search(sentence[:m.start()]) for area, rx in JUDGED_AREAS)
            return "" if of_area and "overall" not in sentence.lower() else _grade_of(word)
    return None


def _before_lines(data, newest: TrackRecord, chosen: list[TrackRecord], citations: list[Citation]) -> list[str]:
    """What the newest report says the inspection before it judged, when no report indexed gives that judgement,
    and whether the grade went up, down or stayed the same; its paragraph is cited once."""
    said = grade_said_before(data, newest)
    if said is None:
        return []
    sentence, before, year, cite = said
    metas = [data.docs.get(r.doc) for r in chosen]
    if len(chosen) > 1 and (year is None or any(m is not None and m.of_year(year) for m in metas)):
        return []  # the earlier report is indexed: its own judgement is listed
    if not any((c.doc, c.page_start, c.para, c.text) == (cite.doc, cite.page_start, cite.para, cite.text)
               for c in citations):
        citations.append(cite)
    now = _grade_of(newest.grade or "")  # (an area's earlier grade, "", is quoted, not compared)
    lines = [f"Of the inspection before{f' (in {year})' if year else ''}, that report says: \u201c{sentence}\u201d "
             f"[{cite.label}]"]
    if now in _ORDER and before in _ORDER:
        went = ("stayed the same" if now == before else "went up" if _ORDER.index(now) > _ORDER.index(before)
                else "went down")
        lines.append(f"So the overall grade {went}: {before} then, {now} at the inspection published "
                     f"{_published(newest.date)}.")
    return lines


def history_lines(data, question: str, effective: Filters, implied: Implied) -> tuple[list[str], list[Citation]]:
    """The council's judgements of the area asked about (overall effectiveness unless the question names another),
    one per report, newest first, each cited; from the years the question names, or since the year it names, when
    it does. No lines when none of its reports gives one (the ordinary answer is tried instead)."""
    area = area_asked(question)
    chosen = per_report(data, question, effective, years=implied.years if len(implied.years) >= 2 else None,
                         since=implied.since_year or (implied.years[0] if implied.years else None))
    if not chosen:
        return [], []
    who = implied.org_names[0]
    n = len(chosen)
    lines = [f"Ofsted's judgements of {area} for {who} in the {n} indexed reports, newest first:" if n > 1 else
             f"Ofsted's judgement of {area} for {who} in the one indexed report that gives it:"]
    citations: list[Citation] = []
    for r in chosen:
        lines.append(f"- {_published(r.date)}: {r.text} [{r.label}]")
        citations.append(citation_for(data, r, rank=len(citations) + 1))
    if area == OVERALL:  # "has its grade improved since the last inspection?": what the report says it was
        lines += _before_lines(data, chosen[0], chosen, citations)
    return lines, citations


# a question in two parts, the second joined by "and" and its own question word: "What was Halton's overall grade in
# 2024 and how did it compare with the previous inspection?", "What grade did it get for care leavers, and what was
# its overall grade?"
_NEXT_PART = re.compile(r",?\s+and\s+(?=(?:what|which|how|why|when|who|where|did|does|do|was|were|is|are|has|have|"
                        r"had)\b)", re.IGNORECASE)


def grades_also_asked(question: str, implied: Implied) -> list[tuple[str, str]]:
    """The judged areas a question in two or more parts asks one council's grade of, one per part that asks for a
    grade (overall effectiveness unless the part names another area), with that part: "What grade did Hillingdon
    get for care leavers, and what was its overall grade?" -> care leavers, overall effectiveness. None for a
    question in one part, which the grade answers above serve, or whose parts ask no grade of the council's."""
    parts = _NEXT_PART.split(question)
    if len(parts) < 2 or len(implied.org_names) != 1 or not implied.orgs:
        return []
    asked: list[tuple[str, str]] = []
    for part in parts:
        if _GRADE_WORDS.search(_FROM_WHEN.sub("", part)) and _of_one_councils_report(part, implied) \
                and len(years_written(part)) <= 1:
            area = area_asked(part)
            if area not in (a for a, _ in asked):
                asked.append((area, part))
    return asked


def _same(a: str, b: str) -> bool:
    return " ".join(a.lower().split()) == " ".join(b.lower().split())


def asked_grade_rows(data, question: str, effective: Filters, implied: Implied) -> list[TrackRecord]:
    """The judgement table's row of each area ``grades_also_asked`` finds, from the council's report of the year
    the question names (its newest when it names none, or more than one), in the question's order; none for an
    area the report does not judge."""
    asked = grades_also_asked(question, implied)
    if not asked or implied.since_year or implied.before_year:
        return []
    named = {y for _, part in asked for y in years_written(part)} or set(years_written(question))
    of_report = _one_reports_judgements(data, effective, named.pop() if len(named) == 1 else None)
    rows: list[TrackRecord] = []
    for area, part in asked:
        row = next((r for r in of_report
                    if (r.area == OVERALL if area == OVERALL else judged_area_line(r.text, part))), None)
        if row is not None:
            rows.append(row)
    return rows


_LABEL = re.compile(r"\s*\[[^\]]*\]\s*$")


def with_grades_asked(data, question: str, effective: Filters, implied: Implied, text: str,
                      citations: list[Citation]) -> tuple[str, list[Citation]]:
    """An answer to a question in parts that asks for a grade (or two) and something else, with each grade asked
    for stated on its first line from the report's judgement table, cited, when the answer does not state it
    already: the answer quoted for the rest ("how did it compare with the previous inspection?") follows. An answer
    line that only repeats a grade now stated is left out."""
    rows = asked_grade_rows(data, question, effective, implied)
    if not rows or all(any(_same(r.text, _LABEL.sub("", ln).lstrip("- ")) or r.text.lower() in ln.lower()
                           for ln in text.splitlines()) for r in rows):
        return text, citations
    each = [citation_for(data, r, rank=n + 1) for n, r in enumerate(rows)]
    stated = cited_once(data, rows)  # the judgement table's paragraph once, however many of its rows are stated
    who = implied.org_names[0]
    first = f"Ofsted's report on {who} published {_published(rows[0].date)}: " + "; ".join(
        f"{r.text} [{c.label}]" for r, c in zip(rows, each))
    kept = [ln for ln in text.splitlines() if not any(_same(r.text, _LABEL.sub("", ln).lstrip("- ")) for r in rows)]
    kept = [ln for n, ln in enumerate(kept)  # a group's heading left with no quote under it
            if not (ln.startswith("From ") and ln.endswith(":") and not (n + 1 < len(kept)
                                                                         and kept[n + 1].startswith("- ")))]
    if kept and kept[0].startswith("- "):
        kept[0] = kept[0][2:]
    quoted = {(c.doc, c.page_start, c.para, " ".join(c.quote.split())) for c in each}
    rest = [c for c in citations if (c.doc, c.page_start, c.para, " ".join(c.quote.split())) not in quoted]
    return "\n".join([first] + kept), stated + rest
