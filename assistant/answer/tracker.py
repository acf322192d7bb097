"""Chat answers for promise and improvement questions, built from tracker records plus retrieval, every line cited.

Tried first by Assistant.ask, with the question's filters resolved once: ``answer_from_tracker(retriever, question,
effective, implied)`` is an Answer, or None when the question is not one the tracker answers.
"""

from __future__ import annotations

import re
import time
from typing import Any

from ..index.lexical import tokenize
from ..query import kinds as question_types
from ..query.filters import Filters
from ..query.implied import Implied
from ..records import Answer, Citation, long_date
from ..retrieve.hybrid import Retriever
from ..retrieve.search import search
from ..text.dates import MONTHS_PATTERN, written_date
from ..track.items import TrackRecord
from ..track.ledger import own_report, records_for, select
from ..track.timeline import NOT_TAKEN_UP, citation_for, follow_through, improvement_items
from ..track.topics import TOPICS, matcher
from ..track.text import find_date
from ..track.trail import find_ref, trail_for_question
from .inspections import asks_inspections, inspection_lines
from .judged import (asks_grade, asks_grade_of_year, asks_history, asks_judged, asks_report_grades, grade_lines,
                     history_lines, judged_lines, report_grade_lines, year_grade_lines)

PROMISE_Q = re.compile(r"\b(?:promis\w*|commit(?:s|ted|ments?)?\b|pledge\w*|undert(?:ake|ook)\w*|what (?:did|have|has) (?:we|the council|"
                       r"they|it) (?:say|said|agree\w*) (?:we|they|it) (?:would|will)|actions? (?:were|was|have been) "
                       r"agreed|what was (?:agreed|resolved|decided)|recommendations? to (?:the )?(?:committee|cabinet))",
                       re.IGNORECASE)
IMPROVE_Q = re.compile(r"\b(?:what needs to improve|areas? for improvement|improvement (?:items|actions|points)|"
                       r"(?:ofsted|inspectors?)\b.*\b(?:ask\w*|tell|told|want\w*|recommend\w*|said)\b.*\bimprov\w*|"
                       r"\bimprov\w*\b.*\b(?:ofsted|inspectors?)\b.*\b(?:ask\w*|told|want\w*|recommend\w*)|"
                       # "what did Ofsted recommend for the council?": its recommendations are the list of what to improve
                       # (not "… recommend about care leavers?": one subject is the ordinary answer's question)
                       r"\b(?:did|does|do) (?:ofsted|(?:the )?inspectors?) recommend\b(?!.*\b(?:about|on|regarding|"
                       r"concerning)\b)|"
                       # "what did inspectors say Wandsworth needs to improve?"
                       r"(?:ofsted|inspectors?)\b.*\b(?:say|says|said|find|found|think|thought|conclude\w*)\b.*"
                       r"\b(?:needs? to|needed to|must|should|has to|have to|had to) improve\b)|"
                       # "what does Kent need to improve, according to its latest Ofsted report?", "what were the
                       # recommendations of Medway's 2023 inspection?", "what did the 2023 report say needs to
                       # improve?": the list a report gives, asked for with the report named before or after
                       r"^(?=.*\b(?:ofsted|inspect\w*|(?:(?:19|20)\d\d|latest|last|most recent|newest)"
                       r"\s+report)\b)(?:what|which|how many)\b.*(?:\b(?:needs?|needed|has|have|had) to (?:be )?improv\w*|"
                       r"\bneeds? improving\b|\b(?:must|should) (?:\w+ )?improve\b|\brecommendations\b)", re.IGNORECASE)
# "what are the main weaknesses in Knowsley's children's services?", "what weaknesses did Ofsted find in Tameside?",
# "what concerns did inspectors raise about Birmingham?":
# what its report says needs to improve, when no one subject is named ("… weaknesses … in how the council records
# decisions?" is the ordinary answer's question)
_WEAKNESSES_Q = re.compile(r"^\s*(?:what|which)\b(?=.*\b(?:ofsted|inspect\w*|children'?s services)\b)[^?]*?"
                           r"\b(?:weakness(?:es)?|shortcomings|failings|areas? of concern|concerns?|criticisms?|"
                           r"problems|worries)\b(?P<rest>[^?]*)",
                           re.IGNORECASE)
_NO_SUBJECT_WORDS = {"in", "of", "at", "for", "did", "does", "do", "ofsted", "inspector", "inspectors", "the", "its",
                     "their", "find", "found", "identify", "identified", "see", "saw", "say", "said", "according", "to",
                     "children's", "childrens", "services", "council", "latest", "last", "recent", "most", "report",
                     "inspection", "raise", "raised", "about", "with", "have", "has", "had", "there", "any", "were",
                     "was", "are", "is", "main", "key", "biggest"}


def _names_no_subject(rest: str, more: frozenset[str] = frozenset()) -> bool:
    """Whether what follows "weaknesses" in a question names no subject of its own: only asking words, a council's
    name (capitalised) and its report ("… in Knowsley's children's services", "… did Ofsted find in Tameside")."""
    words = re.findall(r"[\w'’-]+", rest)
    return all(w.lower().replace("’", "'") in _NO_SUBJECT_WORDS | more or w[0].isupper() or w.isdigit()
               or _joins_a_name(words, i) for i, w in enumerate(words))


# "Kensington and Chelsea", "Richmond upon Thames", "Stoke on Trent": a joining word between two capitalised words is
# part of one name, not a subject of its own
_NAME_JOINERS = frozenset({"and", "upon", "on"})


def _joins_a_name(words: list[str], i: int) -> bool:
    return (words[i] in _NAME_JOINERS and 0 < i < len(words) - 1 and words[i - 1][0].isupper()
            and words[i + 1][0].isupper())


# "what does Bradford need to improve?", "which areas did Medway need to improve in 2023?": nothing asked about but
# the council (and a year), so the list its inspection report gives, as when Ofsted is named (IMPROVE_Q); "what
# does Bradford need to improve in its fostering service?" names a subject, which the ordinary answer serves
_NEEDS_IMPROVING = question_types.NEEDS_IMPROVING
_ASKING_WORDS = frozenset({"what", "which", "areas", "area", "things", "thing", "main", "key", "most", "where", "it",
                           "they", "now", "still", "today", "currently"})


def _asks_bare_improvement(question: str) -> bool:
    """Whether ``question`` asks what a council needs to improve and names nothing else (_NEEDS_IMPROVING)."""
    found = _NEEDS_IMPROVING.search(question)
    return (found is not None and re.match(r"\s*(?:what|which)\b", question, re.IGNORECASE) is not None
            and _names_no_subject(question[:found.start()] + " " + question[found.end():], _ASKING_WORDS))


# "… must improve about health assessments?", "… needs to improve for care leavers?": a subject named after what
# is to improve, which the ordinary answer serves (the report's item on it, with its findings), not the whole list
_IMPROVING_WHAT = re.compile(r"\bimprov\w*\s+(?:about|on|for|regarding|concerning|around|with|in)\b(?P<rest>[^?]*)",
                             re.IGNORECASE)


_NO_SUBJECT_STEMS = frozenset(tokenize([" ".join(sorted(_NO_SUBJECT_WORDS))])[0])


def _improvement_subject(question: str, implied: Implied | None) -> tuple[str, set[str]]:
    """What ``question`` asks to be improved, as written and as word stems ("supervision of staff"), when it names
    more than the council, its report or when ("… improve in its 2023 inspection?": nothing)."""
    found = _IMPROVING_WHAT.search(question)
    if found is None or _names_no_subject(found.group("rest"), _ASKING_WORDS):
        return "", set()
    rest = re.sub(r"[\s,]+(?:in|at|from|during|according to|since)\s+(?:its\s+|the\s+|their\s+)?(?:(?:19|20)\d\d|latest|"
                  r"last|most recent|newest|previous|ofsted|inspection)\b.*$", "", found.group("rest").strip(),
                  flags=re.IGNORECASE)
    named = set(tokenize([" ".join(implied.org_names)])[0]) if implied is not None and implied.org_names else set()
    return rest, set(tokenize([rest])[0]) - named - _NO_SUBJECT_STEMS


# a monitoring or focused visit is not an inspection whose report lists what needs to improve: a question about
# one is answered from what the papers say about it, not from an inspection report's list
_A_VISIT = re.compile(r"\b(?:monitoring|focused)\s+visits?\b", re.IGNORECASE)
_INTENT_WORDS = re.compile(r"\b(?:what|did|do|does|we|us|our|the|council|promise\w*|commit\w*|pledge\w*|about|on|for|to|"
                           r"have|has|been|say|said|would|will|in|of|and|since|reported|anything|any|ofsted|ask\w*|"
                           r"improve\w*|each|it|they|was|were|make|made|undertak\w*|agreed|happen\w*|decision\w*|"
                           r"decided|status|history|trail|called|call-in|since|then|after|with|next)\b|\b(?:19|20)\d{2}\b",
                           re.IGNORECASE)
# questions about one decision's fate: "what happened to the <subject> decision?", "was decision NN/NNNNN called in?"
DECISION_Q = re.compile(r"\bwhat (?:has |have )?happen\w* (?:to|with)\b.*\bdecisions?\b|\bdecisions?\b.*\b(?:trail|history|"
                        r"called in|call-in|reconsider\w*|referred|overturned|upheld|status)\b|\b(?:status|history|trail) "
                        r"of\b.*\bdecision\b|\bdecision\s+(?:no\.?\s*|number\s*)?\d{2,4}/\d{3,6}\b", re.IGNORECASE)
# "what did the Cabinet decide on 30 January 2025?", "which decisions were taken at the County Council meeting in
# March 2025?", "what happened at Cabinet on 30 January 2025?": the resolutions of one committee's meeting (a
# committee and a month or year named in the question); not "what decision number was given to …?", a reference
MEETING_Q = re.compile(r"\b(?:what|which) (?:decisions?|resolutions?)\b(?!\s+(?:numbers?|no\b|ref\w*|codes?)\b)|"
                       r"\bwhat did (?:the )?(?:[\w'’]+ ){0,4}?(?:decide|resolve|agree)\b|\bwhat was (?:decided|resolved|agreed)\b|"
                       r"\bwhat (?:happened|was done|took place) (?:at|in)\b", re.IGNORECASE)
# "what did Cabinet agree about the school places plan?" asks about one subject: the ordinary answer serves it
_ABOUT = re.compile(r"\b(?:about|regarding|concerning|on the|over the|for the|to the)\b", re.IGNORECASE)
_MONTH = re.compile(rf"\b(?:{MONTHS_PATTERN})\b", re.IGNORECASE)
MAX_LINES = 12


def _org_words(data: Any) -> set[str]:
    """Words of the organisations in the index ('north', 'county', 'council'): they name where, not what."""
    docs = getattr(data, "docs", None) or {}
    return {w.lower() for m in docs.values() for w in re.findall(r"[A-Za-z]+", f"{m.organisation or ''} {m.org_slug or ''}")}


def _subject_words(question: str, data: Any = None) -> str | None:
    """The question's own subject words once the asking words and organisation names are removed ('family hubs')."""
    orgs = _org_words(data)
    asking = _MONTH.sub(" ", _INTENT_WORDS.sub(" ", question))  # "in March 2025" says when, not what
    rest = " ".join(w for w in re.findall(r"[A-Za-z-]+", asking) if len(w) > 2 and w.lower() not in orgs)
    return rest or None


# the words a question about a meeting asks with ("what decisions did Cabinet take at its meeting …"): with the
# council's and its committees' names they say which meeting, not what about
_MEETING_WORDS = frozenset("decide decides agree agrees resolve resolves take took taken meeting meetings done place "
                           "decisions resolutions resolution which what".split())


def _body_words(data: Any) -> set[str]:
    """Words of the committees in the index ('cabinet', 'county', 'council'): they name which meeting, not what."""
    docs = getattr(data, "docs", None) or {}
    return {w.lower() for m in docs.values() for w in re.findall(r"[A-Za-z]+", m.committee or "")}


def _meeting_subject(question: str, data: Any) -> str | None:
    """What a question about a meeting's decisions asks about beyond which meeting ("business rates collection fund
    surplus" in "what did Cabinet agree to do with the £313.3k business rates collection fund surplus in March
    2025?"); None for "what did Cabinet decide on 30 January 2025?"."""
    asked = re.sub(r"^\s*[\w ]{1,20}:\s+", "", question)  # "App: what decisions …": a label before it says nothing
    which_meeting = _MEETING_WORDS | _body_words(data)
    words = [w for w in (_subject_words(asked, data) or "").split() if w.lower() not in which_meeting]
    return " ".join(words) or None


# a date or a year, and a decision's reference, in a question: they say when and which, not a figure asked about
_DATES_AND_REFS = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS_PATTERN})\b|\b(?:19|20)\d\d(?:[-/]\d\d)?\b|"
                             r"\b\d+/\d+\b", re.IGNORECASE)
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _figures(question: str) -> list[str]:
    """The figures a question gives ("£313.3k": '313.3'), without commas; not its dates, years or references."""
    return [f.replace(",", "") for f in _FIGURE.findall(_DATES_AND_REFS.sub(" ", question))]


def _gives_figures(r: TrackRecord, figures: list[str]) -> bool:
    """Whether a record's text gives every one of ``figures`` (as digits, commas aside)."""
    text = r.text.replace(",", "")
    return all(re.search(rf"(?<![\d.]){re.escape(f)}(?![\d]|\.\d)", text) for f in figures)


def _topic_of(question: str, data: Any = None) -> str | None:
    for key, rx in TOPICS.items():
        if re.search(rx, question, re.IGNORECASE):
            return key
    return _subject_words(question, data)


# "what did the council commit to about staff delivering the family hub services?": the word after "about" is what
# is asked about (staff), the rest says which staff
_HEAD = re.compile(r"\b(?:about|regarding|concerning)\s+(?:(?:the|its|their|our|a|an|any|new)\s+)*(?P<head>[A-Za-z-]{3,})",
                   re.IGNORECASE)


def _head_of(question: str, subject: str | None) -> str | None:
    """The word a question asks about, first after its "about" (when it is one of its subject words)."""
    found = _HEAD.search(question)
    head = found.group("head") if found else None
    return head if head and subject and head in subject.split() else None


def _saying_what_was_asked(records: list[TrackRecord], subject: str | None,
                           head: str | None = None, data: Any = None) -> list[TrackRecord]:
    """The records that use the question's own subject words ("home to school transport": home, school,
    transport; all of one or two, all but one of more), not only a word of the topic they were filed under: an
    education commitment that never mentions transport does not answer what was promised about it, nor does a
    budget risk's "plan" answer what was decided about the Minerals and Waste Local Plan. An abbreviation must be
    printed as such ("SEND", not "send"). The one word the question asks about (``head``, "staff" in "… about
    staff delivering the family hub services") is never the one left out: a resolution on the family hub services
    that never mentions their staff does not say what was committed to about them. With ``data``, a record's
    paper's title is read as its words too: a meeting's resolution on an item ("NOTE the comments …") is about
    what the report it resolves on is titled ("Review of Decision 24/00093 - … Seashells and Millmead Family
    Hubs")."""
    if not subject:
        return records
    headed = set(tokenize([head])[0]) if head else set()
    capitals = [w for w in subject.split() if len(w) > 1 and w.isupper()]
    wanted = set(tokenize([" ".join(w for w in subject.split() if w not in capitals)])[0])
    need = len(wanted) + len(capitals)
    need = need if need <= 2 else need - 1
    if not need:
        return records
    out = []
    for r in records:
        # a risk register's action is written under its risk ("Caseloads"), its own label; a topic the tracker
        # tagged (TOPICS) is a category, not the record's words
        label = r.topic if r.topic and not all(t.strip() in TOPICS for t in r.topic.split(",")) else ""
        meta = data.docs.get(r.doc) if data is not None else None
        said = f"{label}\n{r.heading or ''}\n{r.text}\n{meta.title or '' if meta is not None else ''}"
        words = set(tokenize([said])[0])
        if len(wanted & words) + sum(bool(re.search(rf"\b{re.escape(c)}\b", said)) for c in capitals) >= need \
                and headed <= words:
            out.append(r)
    return out


def _answer(question: str, lines: list[str], citations: list[Citation], filters: dict,
            t0: float, mode: str) -> Answer:
    ans = Answer(question=question, answer="\n".join(lines), abstained=not citations, citations=citations,
                 filters=filters, timings_ms={"total": (time.perf_counter() - t0) * 1000})
    ans.extra["mode"] = "extractive"  # quotes only, like the default answer
    ans.extra["tracker"] = mode  # which view answered: tracker-improvement | -promises | -decision | -meeting |
    # -judgements | -judgement | -report-judgements | -judgement-history | -inspections
    return ans


_TIME_WORDS = {"when", "date", "dates", "day", "time", "year", "month"}


def _on_the_day(items: list[TrackRecord], days: list[str]) -> list[TrackRecord]:
    """A trail's statements of the days a question names ("what did the Council decide on 13 March 2025 about
    decision 24/00093?"), that meeting's resolutions first: its minutes' resolutions, then the rest of its minutes,
    then the other papers' resolutions, then what else they say; none when the trail has none of those days."""
    on_day = [r for r in items if (r.when or "")[:10] in days]

    def order(r: TrackRecord) -> int:
        resolved = r.kind == "decision" and r.status in ("resolved", "taken")
        return (0 if resolved else 1) if r.doc_type == "minutes" else (2 if resolved else 3)
    return sorted(on_day, key=order)  # stable: each group in the trail's order


def _each_paragraph_once(items: list[TrackRecord]) -> list[tuple[TrackRecord, str]]:
    """The records, each paragraph cited once, with what they say of it: two statements of one paragraph of one
    day (a call-in's and a recommendation's reading of "Members are invited to debate …") are one line; one of
    another day (a minute's recital of the decision it resolves on) is left out, as is a statement in the same
    words as one before (a recommendation printed in a report's summary and again at its end)."""
    said: dict[str, list[str]] = {}
    first: dict[str, TrackRecord] = {}
    seen_words: set[str] = set()
    for r in items:
        words = " ".join(re.sub(r"^\s*\d+(?:\.\d+)*\.?\s+", "", r.text).lower().split())
        if words in seen_words:
            continue
        seen_words.add(words)
        if r.paragraph_id in first and (first[r.paragraph_id].when or "")[:10] != (r.when or "")[:10]:
            continue
        texts = said.setdefault(r.paragraph_id, [])
        first.setdefault(r.paragraph_id, r)
        if not any(words in " ".join(t.lower().split()) for t in texts):
            texts.append(r.text)
    return [(first[key], " … ".join(texts)) for key, texts in said.items()]


def _narrowed(items: list, data, narrowing: Filters | None) -> list:
    """A trail's statements from the document types and documents ``narrowing`` sets (a trail runs across
    committees, so only those filters narrow it)."""
    if narrowing is None or not (narrowing.doc_types or narrowing.docs):
        return items
    kept = Filters(doc_types=narrowing.doc_types, docs=narrowing.docs)
    return [r for r in items if (m := data.docs.get(r.doc)) is not None and kept.admits(m)]


def _decision_answer(question: str, data, orgs: list[str], shown: dict,
                     t0: float, narrowing: Filters | None = None, implied: Implied | None = None) -> Answer | None:
    """The trail of the decision a question asks about, oldest first, each line cited (only from the document
    types and documents ``narrowing`` sets: a trail runs across committees); None when none is found. A question
    naming a day is answered with that day's statements, its meeting's resolutions first."""
    trail = trail_for_question(data, question, _subject_words(question, data), orgs)
    if trail is None:
        return None
    # a long trail: its beginning (the decision itself, a call-in) and its end (the latest outcome), not the end alone
    # (not a paper's recommendations reprinted with the decision taken in their words, which the trail dates by that
    # decision: the answer says what was decided and done; the Decision trail page and `decisions --ref` list them)
    items = [r for r in _narrowed(trail.items, data, narrowing) if r.status != "reprinted"]
    if not items:
        return None
    if "time" in question_types.expected(question):
        # "on what date was the request submitted?" asks when one thing happened: only a statement that names it and
        # has a day of its own answers; a timeline of the decision's other dates does not (then the ordinary answer,
        # which declines when no paragraph gives it)
        event = " ".join(w for w in (_subject_words(question, data) or "").split() if w.lower() not in _TIME_WORDS)
        said = matcher(event, None, True) if event else None
        items = [r for r in items if r.dated and (said is None or said(r.text))]
        if not items:
            return None
    days = list(implied.days) if implied is not None else []
    on_day = _on_the_day(items, days) if days else []
    if on_day:
        return _day_answer(question, data, trail.ref, days, on_day, len(items), shown, t0)
    statements = _each_paragraph_once(items)
    if "time" in question_types.expected(question) and len(statements) == 1 and statements[0][0].when:
        # "on what date did the Scrutiny Committee agree option d?": the one statement that says it, its day first
        # (it had been shown under a trail's heading, the day on the second line)
        r, text = statements[0]
        by = f"{r.who}, " if r.who else ""
        return _answer(question, [f"On {written_date(r.when)} ({by}decision {trail.ref}): {text} [{r.label}]"],
                       [citation_for(data, r, rank=1)], shown, t0, "tracker-decision")
    head = f"What the indexed papers record about decision {trail.ref}, oldest first:"
    left_out = max(0, len(statements) - MAX_LINES * 2)
    lines = [head]
    citations: list[Citation] = []
    for n, (r, text) in enumerate(statements):
        if left_out and MAX_LINES <= n < MAX_LINES + left_out:
            if n == MAX_LINES:
                lines.append(f"({left_out} statements in between not shown: the Decision trail on the "
                             f"Commitments & findings page, or `python -m assistant decisions --ref {trail.ref}`, "
                             "lists them all.)")
            continue
        who = f" ({r.who})" if r.who else ""
        status = f" — {r.status}" if r.status and r.kind == "decision" else ""
        lines.append(f"- {r.when or 'undated'} {r.stage or r.kind}{who}{status}: {text} [{r.label}]")
        citations.append(citation_for(data, r, rank=len(citations) + 1))
    return _answer(question, lines, citations, shown, t0, "tracker-decision")


# a day's statements shown: its meeting's resolution and minutes lead; the papers of that day also recount earlier
# steps (a call-in report dated the day of the meeting that reviews it), counted rather than each cited
_DAY_LINES = 8
_PER_PAPER = 1  # a day's statements from one paper shown: its minutes' resolution, then the next paper's


def _day_answer(question: str, data, ref: str, days: list[str], on_day: list[TrackRecord], in_trail: int,
                shown: dict, t0: float) -> Answer:
    """What the papers record about decision REF on the days asked: the first line is that day's leading statement
    (its meeting's resolution where there is one), in the paper's words and cited; then what else is recorded of
    those days, one statement from each paper (so the day's agenda, call-in report and minutes each have theirs);
    the trail's other days are counted and pointed to, not listed and cited (a question about one day
    had been answered with 24 citations, 6 of them of that day)."""
    every = _each_paragraph_once(on_day)
    per_paper: dict[str, int] = {}
    statements = []
    for r, text in every:  # each of that day's papers in its turn (the agenda's line for the item too), once
        if len(statements) < _DAY_LINES and per_paper.get(r.doc, 0) < _PER_PAPER:
            per_paper[r.doc] = per_paper.get(r.doc, 0) + 1
            statements.append((r, text))
    citations = [citation_for(data, r, rank=n + 1) for n, (r, _text) in enumerate(statements)]
    first, text = statements[0]
    lines = [f"Decision {ref} on {'; '.join(long_date(d) for d in days)}: {text} [{first.label}]"]
    if len(statements) > 1:
        lines.append("Also recorded of that day:")
    for r, text in statements[1:]:
        who = f" ({r.who})" if r.who else ""
        status = f" — {r.status}" if r.status and r.kind == "decision" else ""
        lines.append(f"- {r.stage or r.kind}{who}{status}: {text} [{r.label}]")
    if (more := len(every) - len(statements)) > 0:
        lines.append(f"({more} more statements in papers of that day not shown.)")
    if (other := in_trail - len(on_day)) > 0:
        lines.append(f"The decision's trail has {other} statements of other days: the Decision trail on the "
                     f"Commitments & findings page, or `python -m assistant decisions --ref {ref}`, lists them all.")
    return _answer(question, lines, citations, shown, t0, "tracker-decision")


# "who took decision 24/00093?", "when was 24/00093 decided?": one thing about the decision's own taking (not its
# call-in, referral or reconsideration, which its trail tells)
_TAKING = re.compile(r"\b(?:took|taken|take|made|make|decided|decide|signed|sign|approved|approve|agreed)\b", re.IGNORECASE)
_OTHER_STEP = re.compile(r"\bcall(?:ed|ing)?[- ]?in\b|\brefer\w*|\breconsider\w*|\brescind\w*|\boverturn\w*|\bupheld\b|"
                         r"\bimplement\w*|\bpostpone\w*|\bpublish\w*|\breview\w*|\bconfirm\w*|\bscrutin\w*|\bchalleng\w*",
                         re.IGNORECASE)


def _asks_taking(question: str) -> str | None:
    """"who" or "when" where QUESTION names a decision reference and asks one of those things about its being taken
    ("Who took decision 24/00093?", "When was 24/00093 decided?", "Which Cabinet Member signed 24/00093?"); else None."""
    if not find_ref(question) or not _TAKING.search(question) or _OTHER_STEP.search(question):
        return None
    asked = set(question_types.expected(question))
    if "time" in asked:
        return "when"
    if {"name", "person"} & asked:
        return "who"
    return None


def _taking_answer(question: str, asks: str, data, orgs: list[str], shown: dict, t0: float,
                   narrowing: Filters | None = None) -> Answer | None:
    """Who took the decision a question names, or when: the trail's record of its being taken on a day it gives (the
    earliest such day; for "who", a record naming who took it), one line that answers, then that record and the
    statement that gives its day, each cited; None when the trail has none (the ordinary answer then serves)."""
    trail = trail_for_question(data, question, None, orgs)
    if trail is None:
        return None
    items = _narrowed(trail.items, data, narrowing)
    # (a committee's endorsement before it, "… Cabinet Committee endorsed the KCP on 21 November 2024", is its
    # committee stage: not its taking, nor the committee who took it)
    taken = [r for r in items if r.kind == "decision" and r.status == "taken" and r.decided
             and r.stage != "recommendation"]
    if not taken:
        return None
    first_day = min(r.decided for r in taken)
    on_it = sorted((r for r in taken if r.decided == first_day), key=lambda r: bool(r.recited))  # its own record first
    named = [r for r in on_it if r.who]
    lead = (named or on_it)[0]
    day = written_date(first_day)  # "17 January 2025", or "November 2023" for a month alone
    if asks == "who" and not named:
        # "A Key Decision (21/00086) was taken on 10 November 2021 …": the papers say when, not by whom; said
        # plainly, with the statement cited, rather than a guess from the nearest paragraph naming someone
        lines = [f"The indexed papers do not say who took decision {trail.ref}; they say it was taken on {day}."]
    elif asks == "who":
        lines = [f"Decision {trail.ref} was taken by {lead.who}, on {day}."]
    else:
        lines = [f"Decision {trail.ref} was taken on {day}{f' (by {lead.who})' if lead.who else ''}."]
    shown_records = [lead]
    # the statement that writes its day, where the lead record (a record of decision's clause) does not
    if find_date(lead.text) != first_day:
        said_day = next((r for r in on_it if r is not lead and find_date(r.text) == first_day), None)
        if said_day is not None:
            shown_records.append(said_day)
    citations: list[Citation] = []
    for r in shown_records:
        lines.append(f"- {r.when} {r.stage or r.kind}{f' ({r.who})' if r.who else ''}: {r.text} [{r.label}]")
        citations.append(citation_for(data, r, rank=len(citations) + 1))
    return _answer(question, lines, citations, shown, t0, "tracker-decision")


def _meeting_answer(question: str, data, orgs: list[str], implied: Implied, shown: dict,
                    t0: float, narrowing: Filters | None = None) -> Answer | None:
    """The resolutions recorded for the meetings of the committee the question names in the month (or year) it
    names, from their minutes where indexed, in the order printed; None when none is recorded."""
    chosen = [r for r in select(records_for(data), kinds=("decision",), orgs=orgs)
              if _its_own(r, data, implied, narrowing)]
    if implied.days:  # "on 30 January 2025": that meeting, not the month's others (none recorded: the ordinary
        chosen = [r for r in chosen if r.when[:10] in set(implied.days)]  # answer reads that day's papers)
    # "what did Cabinet agree to do with the £313.3k collection fund surplus in March 2025?" asks about one thing:
    # the resolutions on it, which give any figure it names; none (the meeting's others share only the trigger
    # words): the ordinary answer, which reads the papers on it
    chosen = _saying_what_was_asked(chosen, _meeting_subject(question, data), data=data)
    figures = _figures(question)
    chosen = [r for r in chosen if _gives_figures(r, figures)]
    minutes = [r for r in chosen if r.doc_type == "minutes"]
    chosen = [r for r in (minutes or chosen) if r.status in ("resolved", "taken")]
    if not chosen:
        return None
    chosen.sort(key=lambda r: (r.when[:10], r.doc, r.ordinal))
    shown_records = chosen[:MAX_LINES * 2]
    # each meeting by its own day and body, not by the paper recounting it: Cabinet's resolutions of 4 March as a
    # County Council paper of 13 March reports them are Cabinet's, of 4 March
    meetings = sorted({(r.when[:10], _body_named(r, data, implied)) for r in shown_records})
    named = "; ".join(f"{c}, {long_date(d)}" for d, c in meetings)
    lines = [f"What the {'minutes' if minutes else 'papers'} record as resolved ({named}), in the order printed:"]
    citations: list[Citation] = []
    for r in shown_records:
        lines.append(f"- {r.text} [{r.label}]")
        citations.append(citation_for(data, r, rank=len(citations) + 1))
    if len(chosen) > len(shown_records):
        lines.append(f"({len(chosen) - len(shown_records)} more not shown: the Commitments & findings page, or "
                     "`python -m assistant decisions`, lists them all.)")
    return _answer(question, lines, citations, shown, t0, "tracker-meeting")


def _its_own(r: TrackRecord, data: Any, implied: Implied, narrowing: Filters | None = None) -> bool:
    """Whether a decision record is one the named committee took in the month (else the year) the question names,
    by the record's own day and body: a paper to Cabinet recounting the Scrutiny Committee's earlier motion, or a
    recital that never says when, is not Cabinet's resolution of that day; a later paper's account of what Cabinet
    resolved on that day ("Cabinet met on 4 March 2025 … Cabinet resolved the following: …") is."""
    meta = data.docs.get(r.doc)
    if meta is None or not r.dated or (r.status not in ("resolved", "taken") and r.doc_type != "minutes"):
        return False
    if narrowing is not None and not narrowing.is_empty() and not narrowing.admits(meta):
        return False
    if implied.committees:
        named = [c for c in implied.committees if r.who and _names_body(r.who, c)]
        if not (named or (meta.committee in implied.committees and r.doc_type == "minutes" and not r.recited)):
            return False
    when = r.when or ""
    if implied.months:
        return when[:7] in implied.months
    return not implied.years or when[:4] in {str(y) for y in implied.years}


def _body_named(r: TrackRecord, data: Any, implied: Implied) -> str | None:
    """The committee whose meeting a chosen record is of: the one the question names that the record's body is,
    else its paper's committee."""
    committee = data.docs[r.doc].committee
    if committee in implied.committees:
        return committee
    return next((c for c in implied.committees if r.who and _names_body(r.who, c)), committee)


def _names_body(who: str, committee: str) -> bool:
    """Whether WHO ("Cabinet", "the Committee" in its own minutes, "Kent County Council Cabinet") names COMMITTEE."""
    a, b = (re.findall(r"[a-z]+", x.lower()) for x in (who, committee))
    a = [w for w in a if w != "the"]
    return bool(a) and (a == b or a[-len(b):] == b)


def _when_and_where(r: TrackRecord, data: Any, implied: Implied, narrowing: Filters | None = None) -> bool:
    """Whether a record is from the month (else the year) and the committee the question names, if it names them:
    "What was agreed at the County Council meeting in February 2025 about the budget?" is not answered with March's
    recommendations; and from a document the filters set admit (``narrowing``: their types, committees and
    documents, as _narrowing gives them)."""
    meta = data.docs.get(r.doc)
    if narrowing is not None and not narrowing.is_empty() and (meta is None or not narrowing.admits(meta)):
        return False
    if implied.committees and (meta is None or meta.committee not in implied.committees):
        return False
    if implied.months:
        return (r.date or "")[:7] in implied.months
    return not implied.years or (r.date or "")[:4] in {str(y) for y in implied.years}


def _narrowing(effective: Filters) -> Filters:
    """The filters that narrow which documents' records answer, beyond the council and the dates that select()
    applies: a document type ("Type: Minutes"), committee or document set in the app or on the command line."""
    return Filters(doc_types=list(effective.doc_types), committees=list(effective.committees),
                   docs=list(effective.docs))


def _once(records) -> list[TrackRecord]:
    """The records, each said once: a report's recommendations are printed in its summary and again at its end
    ("APPROVE the proposal to not re-commission …", p.2 and p.23), and its record of decision may repeat them; the
    first of the same kind, date and words stands for the others; an inspection's judgement or finding is its own
    report's, never a copy of another report's in the same words (``ledger.own_report``)."""
    seen: set[tuple[str, str | None, str | None, str]] = set()
    out = []
    for r in records:
        key = (r.kind, r.date, own_report(r), " ".join(r.text.lower().split()))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


# the answers read from the reports' judgement tables and the reports indexed, tried in this order: (whether the
# question asks it, its lines and citations, the view's name); each but the across-councils one gives way to the
# ordinary answer when it finds nothing
_FROM_REPORTS = (
    # "what were Medway's grades in 2023?": every area of one report; first, as "which areas …" with one council
    # named asks for its areas, not which councils
    (asks_report_grades, report_grade_lines, "tracker-report-judgements"),
    # "which councils were judged outstanding in 2025?": across reports, not in one
    (lambda question, _implied: asks_judged(question), judged_lines, "tracker-judgements"),
    # "how has Kent's overall judgement changed?": each report's, newest first
    (asks_history, history_lines, "tracker-judgement-history"),
    # "how many inspections has Medway had?", "when was its first inspection?": the reports indexed
    (asks_inspections, inspection_lines, "tracker-inspections"),
    # "what grade did Medway get?": its newest report's, then the earlier ones
    (asks_grade, grade_lines, "tracker-judgement"),
    # "how was help and protection judged in Kent in 2017?": that year's report's judgement, or that it gives none
    (asks_grade_of_year, year_grade_lines, "tracker-judgement-of-year"),
)


def answer_from_tracker(retriever: Retriever, question: str, effective: Filters, implied: Implied) -> Answer | None:
    """An Answer from the tracker when QUESTION asks what happened to a decision, what was promised or what Ofsted
    asked to improve; else None. EFFECTIVE and IMPLIED are the question's resolved filters
    (assistant.query.resolve)."""
    if implied.unmatched or implied.filter_conflict:  # "--org wirral --doc <a Kent paper>": no document is both; the answer says so, not Wirral's
        return None
    if (implied.unindexed or implied.never_printed) and not implied.orgs:  # "what were Cumbria's areas for improvement?": a council with nothing
        # indexed (here one replaced by two that have); the ordinary answer says so, not the list of every council's
        return None
    for asks, lines_of, view in _FROM_REPORTS:
        if asks(question, implied):
            t0 = time.perf_counter()
            lines, citations = lines_of(retriever.data, question, effective, implied)
            if citations or view == "tracker-judgements":  # "no indexed report judges …" is itself the answer
                return _answer(question, lines, citations, effective.to_dict(), t0, view)
    # "how much did the council commit to X?" asks for a sum, which a paragraph gives, not the list of what was
    # promised: the ordinary answer, which needs a figure, serves it; so does "who took decision 24/00093?" (a
    # name, which the record of decision gives), not the decision's trail
    asked = set(question_types.expected(question))
    counted = bool({"number", "money"} & asked)
    decision = bool(DECISION_Q.search(question)) and not (counted or bool({"name", "person"} & asked))
    weak = _WEAKNESSES_Q.search(question)
    improve = (bool(IMPROVE_Q.search(question)) or bool(weak and _names_no_subject(weak.group("rest")))
               or _asks_bare_improvement(question)) and not _A_VISIT.search(question)
    # "what does Lincolnshire need to improve for care leavers?": the report's items on that subject, when it lists
    # any (else the ordinary answer, its findings on the subject)
    improve_on = not improve and bool(implied.orgs) and bool(_NEEDS_IMPROVING.search(question)) \
        and not _A_VISIT.search(question) and bool(_improvement_subject(question, implied)[1])
    improve = improve or improve_on
    promise = bool(PROMISE_Q.search(question)) and not counted
    # (a council named with no committee: "what decisions did Kent County Council take in March 2025?" is its
    # meetings' of that month)
    meeting = bool(MEETING_Q.search(question)) and not _ABOUT.search(question) \
        and bool(implied.committees or implied.orgs) and bool(implied.months or implied.years)
    taking = _asks_taking(question)
    if not (improve or promise or decision or meeting or taking):
        return None
    t0 = time.perf_counter()
    data = retriever.data
    orgs = list(effective.orgs)
    shown = effective.to_dict()
    narrowing = _narrowing(effective)
    if taking:
        answered = _taking_answer(question, taking, data, orgs, shown, t0, narrowing)
        if answered is not None or not (improve or promise or decision or meeting):
            return answered
    if meeting and not decision:
        answered = _meeting_answer(question, data, orgs, implied, shown, t0, narrowing)
        if answered is not None or not (improve or promise):
            return answered
    if decision:
        answered = _decision_answer(question, data, orgs, shown, t0, narrowing, implied)
        if answered is not None or not (improve or promise):
            return answered
    if improve:
        year = int(implied.years[0]) if getattr(implied, "years", None) else None
        items = improvement_items(data, orgs, year)
        if not items:
            return None
        councils = {r.org_slug for r in items}
        if not orgs and len(councils) > 1:
            # "what needs to improve?" over several councils' reports: each has its own list, and the newest
            # report's would be an arbitrary answer
            newest = max(items, key=lambda r: r.date or "")
            return _answer(question, [f"Ofsted's reports on {len(councils)} councils are indexed, each with its own "
                                      f"list of what to improve: name the council, e.g. \"What does "
                                      f"{newest.organisation or 'Medway'} need to improve?\""], [], shown, t0,
                           "tracker-improvement")
        latest = max(r.date or "" for r in items)
        items = [r for r in items if r.date == latest] if year is None else items
        lines: list[str] = []
        citations: list[Citation] = []
        first = items[0]
        published = f" (report published {long_date(first.date)})" if first.date else ""
        listed = f"Ofsted's inspection of {first.organisation or 'the council'}{published} listed " \
                 f"{len(items)} thing{'' if len(items) == 1 else 's'} to improve"
        numbered = list(enumerate(items, start=1))
        subject, wanted = _improvement_subject(question, implied)
        if wanted:  # "what must Torbay improve about supervision?": the items on it, by their numbers in the list
            shared = [len(wanted & set(tokenize([item.text])[0])) for item in items]
            if improve_on and not max(shared):
                return None
            if max(shared):
                numbered = [(n, item) for (n, item), k in zip(numbered, shared) if k == max(shared)]
                lines.append(f"{listed}; of them, on {subject}:")
            else:  # the list says nothing of it, which is the answer; the whole list shows what it does name
                lines.append(f"{listed}, none of them on {subject}:")
        else:
            lines.append(f"{listed}:")
        results = [follow_through(retriever, item) for _, item in numbered]
        for (n, item), ft in zip(numbered, results):
            citations.append(citation_for(data, item, rank=len(citations) + 1))
            lines.append(f"{n}. {item.text} [{item.label}]")
            if not ft.later and not ft.no_later_papers:
                lines.append(f"   - {NOT_TAKEN_UP}")
            for h in ft.later:
                text = " ".join(h.paragraph.text.split())  # a table's lines on one line of the answer
                quote = text if len(text) < 400 else text[:397].rsplit(" ", 1)[0] + "…"
                c = Citation.from_hit(h, quote)
                citations.append(c)
                lines.append(f"   - {h.meta.date}: {quote} [{c.label}]")
        if results and all(ft.no_later_papers for ft in results):  # said once, not under each item: nothing of the
            lines.append(results[0].note)  # council's dated after its report is indexed to take any item up
        return _answer(question, lines, citations, shown, t0, "tracker-improvement")
    topic = _topic_of(question, data)
    kinds = ("commitment", "recommendation", "decision")
    chosen = select(records_for(data), kinds=kinds, orgs=orgs, since=effective.since, until=effective.until,
                    topic=topic if topic else None, loose=True)  # a question's subject words, not a phrase
    if not chosen and topic:  # no record names the topic: take records whose paragraphs retrieval ranks highly
        hits = search(retriever, question, {**shown, "doc_types": ["committee-report", "minutes", "other"]}, k=10)
        ids = {h.paragraph.id for h in hits if (h.dense or 0) >= 0.4}
        chosen = [r for r in select(records_for(data), kinds=kinds, orgs=orgs) if r.paragraph_id in ids]
    chosen = _once(r for r in chosen if _when_and_where(r, data, implied, narrowing))
    subject = _subject_words(question, data)
    chosen = _saying_what_was_asked(chosen, subject, _head_of(question, subject))
    if not chosen:
        return None  # nothing recorded: the ordinary cited answer (or its abstention) serves better
    chosen = chosen[-MAX_LINES:]
    lines = [f"What was promised or agreed{f' about {topic}' if topic else ''}, oldest first:"]
    citations = []
    for r in chosen:
        who = f" ({r.who})" if r.who else ""
        due = f" — by/when: {r.due}" if r.due else ""
        # what it is about, where its own words do not say: a risk register's action is written under its risk
        # ("Caseloads"), and "Ensure engagement with partners …" alone would not show why it answers
        about = f" on {r.topic}" if r.topic and r.topic.lower() not in r.text.lower() else ""
        lines.append(f"- {r.when} {r.kind}{about}{who}: {r.text}{due} [{r.label}]")  # a decision's own date
        citations.append(citation_for(data, r, rank=len(citations) + 1))
    return _answer(question, lines, citations, shown, t0, "tracker-promises")


__all__ = ["TrackRecord", "answer_from_tracker", "matcher"]
