"""Follow-up questions: carry the council, year and document of the previous turn into the next search, visibly.

"What did Ofsted say about caseloads in Medway in 2019?" then "and what about in 2023?" is searched as Medway, 2023;
"what did they say about step-down there?" keeps Medway and 2019. A council or year named in the follow-up replaces
the carried one; filters chosen in the sidebar always win over carried context. A follow-up whose only subject is a
word pointing back ("who proposed it?") is searched with what the previous question was about ("… (about the JHOSC
terms of reference)"), and the note under the answer says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..records import Answer, DocMeta
from ..text.dates import MONTH_ABBREVIATIONS, MONTHS_PATTERN

_LEADS = re.compile(r"^\s*(and|but|also|so|then|what about|how about|what else)\b", re.IGNORECASE)
_POINTERS = re.compile(r"\b(there|they|them|their|theirs|its|it|same|those|these|that one|then)\b", re.IGNORECASE)
_THAT_DOC = re.compile(r"\b(that|the|this|same)\s+(report|inspection|document|paper|visit)\b", re.IGNORECASE)
# "who introduced the finance monitoring report?", "what did the meeting decide about it?": one paper, meeting or item
# the conversation has been about, when the question names no council or year of its own
_THE_ONE = re.compile(r"\bthe\s+(?:[\w'’-]+\s+){0,4}?(?:report|paper|meeting|minutes|item|inspection|visit|"
                      r"decision|motion|recommendations?)\b", re.IGNORECASE)

# "what did the panel resolve about …?", "what has the Cabinet agreed?": a council's body named as one already known
_THE_BODY = re.compile(r"\bthe\s+(?:[\w'’-]+\s+){0,3}?(?:panel|committee|cabinet|council|board)\b", re.IGNORECASE)

# "who was the lead inspector?", "who chaired it?": one person named by a role as one already known, the one of the
# council (or report) the conversation has been about. An inspection's roles are any turn's; a council's own roles
# are not those of a turn answered from Ofsted's reports alone (round 72: "the Cabinet Member" after one)
_THE_INSPECTION_ROLE = re.compile(r"\bthe\s+(?:lead\s+|other\s+)?inspector\b", re.IGNORECASE)
_THE_COUNCIL_ROLE = re.compile(r"\bthe\s+(?:(?:vice[\s-]*)?chair(?:man|woman|person)?|cabinet\s+member|portfolio\s+holder"
                               r"|leader|mayor|(?:corporate\s+|executive\s+|strategic\s+)?director|proposer|seconder"
                               r"|(?:report\s+)?author|clerk|monitoring\s+officer)\b", re.IGNORECASE)


@dataclass
class Context:
    """The council(s), year(s) and document(s) a turn was about."""

    orgs: list[str] = field(default_factory=list)  # slugs, e.g. "medway"
    org_names: list[str] = field(default_factory=list)  # display names, e.g. "Medway"
    years: list[int] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)  # file names (carried only when the question points at "that report")
    doc_titles: list[str] = field(default_factory=list)
    cited_docs: list[tuple[str, str]] = field(default_factory=list)  # (file, title) the answer cited
    subject: str = ""  # what the turn asked about ("the JHOSC terms of reference"), for "who proposed it?"
    asked: str = ""  # the question as searched, for a follow-up that only changes its council or year
    years_cited: bool = False  # the years are those of the documents the answer cited, which no one said
    doc_types: list[str] = field(default_factory=list)  # the one kind of source the answer cited ("ofsted-inspection")
    # the one meeting the turn was about: the committee and day it named ("Kent's Cabinet … on 30 January 2025"), else
    # those of the committee papers its answer cited, when all were one meeting's
    committees: list[str] = field(default_factory=list)
    days: list[str] = field(default_factory=list)  # "YYYY-MM-DD"
    # the answer was cited from one inspection report alone, its council's newest, which no year the user said chose
    # ("What did Ofsted say about care leavers in Solihull?"): "what about Kent?" is asked of Kent's newest
    cited_newest: bool = False

    @property
    def meeting(self) -> str:
        """'Cabinet on 30 January 2025' when the turn was about one meeting, else ''."""
        if len(self.committees) != 1 or len(self.days) != 1:
            return ""
        day = date.fromisoformat(self.days[0])
        return f"{self.committees[0]} on {day.day} {day:%B %Y}"

    def label(self, meeting: bool = True) -> str:
        """'Medway, 2019' or 'Medway; Inspection of Medway children's services; 2019' or 'Kent, Cabinet on 30
        January 2025' (without ``meeting``, 'Kent')."""
        parts = [", ".join(self.org_names)] if self.org_names else []
        parts += ["; ".join(self.doc_titles)] if self.doc_titles else []
        if self.meeting:
            parts += [self.meeting] if meeting else []
        elif self.years:
            # a year no one said is the cited report's, kept so that "the report" stays that report: said so, since
            # the filters then show a date range the user never set (testers ua70 #12)
            parts.append(_years_label(self.years) + (", the year of the sources cited" if self.years_cited else ""))
        return ", ".join(p for p in parts if p)

    def is_empty(self) -> bool:
        return not (self.orgs or self.years or self.docs)


@dataclass
class Understood:
    """How a question will be searched: the filters for Assistant.ask and, for follow-ups, a line saying so."""

    question: str
    filters: dict[str, Any]
    context: Context
    follow_up: bool = False
    # which of "organisation", "year", "document", "subject", "source", "meeting"
    carried: list[str] = field(default_factory=list)
    rewritten: str = ""  # the last question asked again of another council or year ("and what about in 2023?")

    @property
    def searched(self) -> str:
        """The question as searched when a subject was carried ("who proposed it? (about …)"; the last question
        with its council or year replaced, for "and in 2023?"), else ""."""
        if self.rewritten:
            return self.rewritten
        if "subject" in self.carried:  # (and the meeting it was at, when one was carried too)
            at = f", at {self.context.meeting}" if "meeting" in self.carried else ""
            return f"{self.question.rstrip()} (about {self.context.subject}{at})"
        if "meeting" in self.carried:  # in the words the engine reads a meeting by ("at Cabinet on 30 January 2025")
            return f"{self.question.rstrip()} (at {self.context.meeting})"
        return ""

    @property
    def note(self) -> str | None:
        """'Understood as: and what about in 2023? (Medway, 2023)' when earlier context shaped the search."""
        if not self.carried:
            return None
        label = self.context.label(meeting="meeting" not in self.carried)  # (not twice: it is in the words searched)
        return f"Understood as: {self.searched or self.question}" + (f" ({label})" if label else "")


# "who proposed it?", "when was that agreed?": a question whose only subject is a word pointing back, asked about
# what the previous question was about; what follows "about" in a question is what it is about
_POINTS_BACK = re.compile(r"\b(?:it|they|them|this|that|these|those)\b", re.IGNORECASE)
_ASKING = frozenset("""what which who whom whose when where why how did does do is are was were has have had will
would could should can may be been being the a an of to in on at for by with and or but so then also it its they them
their this that these those there here he she his her about any anything else more say said tell told mean""".split())
_ABOUT = re.compile(r"\b(?:about|regarding|concerning|on the subject of)\s+(.+?)[?.!\s]*$", re.IGNORECASE)


def subject_of(question: str, names: list[str] | None = None) -> str:
    """What ``question`` asks about: the words after its last "about" ("… agree about the JHOSC terms of
    reference?" -> "the JHOSC terms of reference"), else the question itself without its question mark; without
    the councils ``names`` it names and its years, which a follow-up carries or replaces as filters ("… about
    caseloads in Medway in 2019?" -> "caseloads")."""
    m = None
    for m in _ABOUT.finditer(question):
        pass
    subject = (m.group(1) if m else question).strip().rstrip("?.! ")
    for name in names or []:
        subject = re.sub(rf"(?:\s+(?:in|at|for|of|by)\s+)?\b{re.escape(name)}(?:['’]s)?\b", " ", subject,
                         flags=re.IGNORECASE)
    subject = _DAY_NAMED.sub(" ", subject)  # "… the Commissioning Plan on 30 Jan 2025" (the day is the meeting's)
    subject = re.sub(r"(?:\s+(?:in|during|since|from|of)\s+)?\b(?:19|20)\d\d(?:\s*[-/–]\s*\d{2,4})?\b", " ", subject)
    subject = " ".join(subject.split())
    return re.sub(r"(?:\s+(?:there|then|here|now|in|at|for|of))+$", "", subject, flags=re.IGNORECASE)  # "… there"


def _own_words(question: str, names: list[str] | None = None) -> list[str]:
    """``question``'s words besides question words, pronouns, the councils ``names`` and years: none in "and what
    about in 2023?" or "what about Kent?"."""
    rest = question
    for name in names or []:
        rest = re.sub(re.escape(name), " ", rest, flags=re.IGNORECASE)
    return [w for w in re.findall(r"[a-z][a-z'’-]*", rest.lower()) if w not in _ASKING]


def _asked_again(previous: Context, names: list[str], years: list[int]) -> str:
    """The last question with the council or year a follow-up names in place of its own ("What did Ofsted say about
    caseloads in Medway in 2019?" -> "… in Medway in 2023?" for "and what about in 2023?")."""
    asked = previous.asked
    if years and len(previous.years) == 1:  # (the filters carry any other change of years)
        asked = re.sub(rf"\b{previous.years[0]}\b", _years_label(years), asked)
    if names and previous.org_names:
        for old in previous.org_names:
            asked = re.sub(rf"\b{re.escape(old)}\b", " and ".join(names), asked)
    return asked


# "who introduced the report?", "when was the decision taken?": the paper, item or decision the last turn was about,
# named by its kind alone (no other words of its own)
_THE_BARE_ONE = re.compile(r"\bthe\s+(?:report|paper|item|decision|motion|recommendations?|proposals?)\b",
                           re.IGNORECASE)
_DAY_NAMED = re.compile(rf"(?:\s+on)?\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS_PATTERN}|"
                        rf"{'|'.join(MONTH_ABBREVIATIONS)})\b\.?", re.IGNORECASE)


def _names_the_one_alone(question: str, names: list[str]) -> bool:
    """Whether ``question``'s only subject is "the report" (or paper, item, decision …) the last turn was about: at
    most two words of its own ("who introduced the report?"; not "who introduced the budget monitoring report?")."""
    return bool(_THE_BARE_ONE.search(question)) and not _ABOUT.search(question) \
        and len(_own_words(question, names)) <= 2  # ("what did the report say about reserves?" has its own)


def _names_no_subject(question: str) -> bool:
    """Whether ``question``'s only subject is a word pointing back ("who proposed it?"): at most two words of its
    own besides question words and pronouns."""
    about = _ABOUT.search(question)
    if about and not _POINTS_BACK.fullmatch(about.group(1).strip()):  # "what did they say about caseloads?"
        return False
    return bool(_POINTS_BACK.search(question)) and len(_own_words(question)) <= 2


def _names_a_role_alone(question: str, previous: Context) -> bool:
    """Whether ``question`` asks about one person by a role the last turn's council or report has ("who was the lead
    inspector?", "who is the Cabinet Member for it?"), with few words of its own: that council's, not every
    council's (tester, round 73: "who was the lead inspector?" after a Stoke-on-Trent answer had been answered with
    York's, Reading's and Kingston's)."""
    role = _THE_INSPECTION_ROLE.search(question) or (
        previous.doc_types != ["ofsted-inspection"] and _THE_COUNCIL_ROLE.search(question))
    return bool(role) and len(_own_words(question)) <= 4


def is_follow_up(question: str) -> bool:
    """Does the question lean on the previous one ("and in 2023?", "what did they say there?")?"""
    return bool(_LEADS.search(question) or _POINTERS.search(question) or _THAT_DOC.search(question))


def _points_at_the_one(question: str, named_orgs: list[str], named_years: list[int]) -> bool:
    """Whether ``question`` names a paper, meeting or item as one already known ("who introduced the finance
    monitoring report?") and no council or year of its own, so that it is asked of the last turn's council and year
    ("How many extra social work posts were created?" is not)."""
    return not named_orgs and not named_years and bool(_THE_ONE.search(question))


def _years_label(years: list[int]) -> str:
    years = sorted(years)
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def _newest_reports(orgs: list[str], doc_type: str, documents: list[DocMeta]) -> list[DocMeta]:
    """Each council's newest indexed document of ``doc_type``."""
    newest: dict[str, DocMeta] = {}
    for m in documents:
        if m.org_slug in orgs and m.doc_type == doc_type and m.date and \
                (m.org_slug not in newest or m.date > newest[m.org_slug].date):
            newest[m.org_slug] = m
    return [newest[o] for o in orgs if o in newest]


def understand(question: str, previous: Context | None, sidebar: dict[str, Any] | None, *,
               named_orgs: list[str], named_org_names: list[str], named_years: list[int],
               named_committees: list[str] | None = None, named_days: list[str] | None = None,
               documents: list[DocMeta] | None = None) -> Understood:
    """Filters for ``question`` given the previous turn's context and the sidebar filters.

    ``named_*`` are the councils, years, committees and days the question itself names (from
    Assistant.resolve_filters); ``documents`` those indexed (for a council's newest report).
    """
    filters = dict(sidebar or {})
    ctx = Context(orgs=list(named_orgs), org_names=list(named_org_names), years=sorted(set(named_years)),
                  subject=subject_of(question, named_org_names), committees=list(named_committees or []),
                  days=sorted(set(named_days or [])))
    if previous is not None and previous.orgs and not (is_follow_up(question) or named_orgs or named_years
                                                       or _points_at_the_one(question, named_orgs, named_years)) \
            and _THE_BODY.search(question) and previous.doc_types != ["ofsted-inspection"] \
            and not (filters.get("orgs") or filters.get("docs")):
        # "what did the panel resolve about the Sufficiency Strategy?" after a question about Kent's Corporate Parenting
        # Panel: that council's panel (tester, round 71: answered unfiltered); its subject, meeting and year are its own.
        # A turn answered from Ofsted's reports alone knew no body of the council's ("What did the Cabinet Member say
        # about Gatwick?" after "what about Medway?" had been searched in Medway's inspection reports, round 72)
        ctx.orgs, ctx.org_names = list(previous.orgs), list(previous.org_names)
        filters["orgs"] = list(previous.orgs)
        understood = Understood(question, filters, ctx, follow_up=True, carried=["organisation"])
        ctx.asked = understood.searched or question
        return understood
    if previous is None or not (is_follow_up(question) or _points_at_the_one(question, named_orgs, named_years)
                                or (not named_orgs and _names_a_role_alone(question, previous))):
        ctx.asked = question
        return Understood(question, filters, ctx, follow_up=False)
    carried: list[str] = []
    rewritten = ""
    if previous.asked and not _own_words(question, named_org_names) and (named_years or named_org_names):
        # "and what about in 2023?", "what about Kent?": the last question again, of that year or council
        rewritten = _asked_again(previous, named_org_names, named_years)
        ctx.subject = previous.subject
        carried.append("subject")
        if named_orgs and not filters.get("orgs") and not filters.get("docs") \
                and not any(name.lower() in rewritten.lower() for name in named_org_names):  # the last question
            filters["orgs"] = list(named_orgs)  # named no council to put this one's in place of ("what about Kent?")
        if is_follow_up(previous.asked) and previous.doc_types and not filters.get("doc_types") \
                and not filters.get("docs"):
            # the last question leaned on the one before ("and what did it say about care leavers?" after "What did
            # Ofsted ask Solihull to improve?"): asked again of Kent, its "it" is still the kind of source answered
            # from (Ofsted's reports), not Kent's committee minutes
            filters["doc_types"] = ctx.doc_types = list(previous.doc_types)
            carried.append("source")
    elif previous.subject and (_names_no_subject(question) or _names_the_one_alone(question, named_org_names)):
        # "who proposed it?", "who introduced the report?": what the last question was about (the report had been
        # searched for in all that day's papers and answered from another item's minute, tester, round 72)
        ctx.subject = previous.subject
        carried.append("subject")
    if not named_orgs and previous.orgs and not filters.get("orgs") and not filters.get("docs"):
        ctx.orgs, ctx.org_names = list(previous.orgs), list(previous.org_names)
        filters["orgs"] = list(previous.orgs)
        carried.append("organisation")
    # "who introduced the finance monitoring report?" after "What decisions did Kent's Cabinet take on 30 January
    # 2025?": a paper, meeting or item named as one already known, with no committee, day, council or year of its
    # own, is that meeting's (it had been searched in all Kent's 2025 papers and answered from another report's
    # "Link Group provide regular performance monitoring reports."): asked at that meeting, of that day's papers
    meeting = bool(previous.meeting) and not (named_committees or named_days or named_orgs or named_years) \
        and bool(_THE_ONE.search(question) or _THAT_DOC.search(question)) and not rewritten \
        and not (filters.get("docs") or filters.get("committees") or filters.get("since") or filters.get("until"))
    if meeting:
        ctx.committees, ctx.days = list(previous.committees), list(previous.days)
        ctx.years = [int(previous.days[0][:4])]
        filters["since"] = filters["until"] = previous.days[0]  # the day, which was said or cited, not its year
        carried.append("meeting")
    # a year the answer's documents gave (Salford's 2024 report) is not carried to another council ("what about
    # Kent?"), whose reports are of other years; one the user said is
    another_council = bool(named_orgs) and set(named_orgs) != set(previous.orgs)
    if not meeting and not named_years and previous.years and not (filters.get("since") or filters.get("until")) \
            and not (another_council and previous.years_cited):
        ctx.years, ctx.years_cited = list(previous.years), previous.years_cited
        carried.append("year")
    if ctx.years and not (filters.get("since") or filters.get("until")):
        filters["since"], filters["until"] = f"{min(ctx.years)}-01-01", f"{max(ctx.years)}-12-31"
        if named_years:
            carried.append("year")  # a year named in a follow-up replaces the carried one, as a date filter
    # "what about Kent?" after an answer from Solihull's newest inspection report (its year carried to Solihull's
    # follow-ups, so that "the report" stays that report): asked of Kent's newest report of that kind, as the year is
    # not carried (it had been answered from Kent's 2013 report, its 2026 one indexed, testers ua70 #20)
    if another_council and previous.cited_newest and previous.doc_types and not named_years and documents \
            and not (filters.get("docs") or filters.get("since") or filters.get("until")):
        newest = _newest_reports(list(named_orgs), previous.doc_types[0], documents)
        if newest:
            ctx.docs = [m.doc for m in newest]
            ctx.doc_titles = [f"its newest report: {m.title}, {m.date[:4]}" for m in newest]
            ctx.cited_newest, ctx.doc_types = True, list(previous.doc_types)
            filters["docs"] = list(ctx.docs)
            filters.pop("doc_types", None)
            if "source" in carried:
                carried.remove("source")
            carried.append("document")
    if _THAT_DOC.search(question) and not filters.get("docs"):
        docs = previous.docs or ([previous.cited_docs[0][0]] if len(previous.cited_docs) == 1 else [])
        titles = previous.doc_titles or ([previous.cited_docs[0][1]] if len(previous.cited_docs) == 1 else [])
        if docs:
            ctx.docs, ctx.doc_titles = list(docs), list(titles)
            filters["docs"] = list(docs)
            carried.append("document")
    understood = Understood(question, filters, ctx, follow_up=True, carried=carried, rewritten=rewritten)
    ctx.asked = understood.searched or question
    return understood


def context_after(understood: Understood, answer: Answer, documents: list[DocMeta] | None = None) -> Context:
    """The context the next question inherits: what this one named or carried, else what its answer cited
    (``documents``, those indexed, say whether that was its council's newest report)."""
    ctx = Context(orgs=list(understood.context.orgs), org_names=list(understood.context.org_names),
                  years=list(understood.context.years), docs=list(understood.context.docs),
                  doc_titles=list(understood.context.doc_titles), subject=understood.context.subject,
                  asked=understood.context.asked, years_cited=understood.context.years_cited,
                  doc_types=list(understood.filters.get("doc_types") or []),
                  committees=list(understood.context.committees), days=list(understood.context.days))
    cites = [] if answer.abstained else answer.citations
    if cites:
        orgs = {(c.organisation or "") for c in cites}
        if not ctx.orgs and len(orgs) == 1 and "" not in orgs:
            slugs = {_slug_of(answer, c.doc) for c in cites}
            if len(slugs) == 1 and None not in slugs:
                ctx.orgs, ctx.org_names = [slugs.pop()], [orgs.pop()]
        years = {c.date[:4] for c in cites if c.date}
        if not ctx.years and len(years) == 1 and all(c.date for c in cites):
            ctx.years, ctx.years_cited = [int(years.pop())], True
        kinds = {c.doc_type for c in cites}
        if not ctx.doc_types and len(kinds) == 1:
            ctx.doc_types = [kinds.pop()]
        if not (ctx.committees or ctx.days):  # the one meeting whose papers the answer cited, if it was one
            metas = {h.paragraph.doc: h.meta for h in answer.hits}
            meetings = {(m.committee, m.date) if m is not None else (None, None)
                        for m in (metas.get(c.doc) for c in cites)}
            if len(meetings) == 1:
                committee, day = meetings.pop()
                if committee and day:
                    ctx.committees, ctx.days = [committee], [day]
        seen: dict[str, str] = {}
        for c in cites:
            seen.setdefault(c.doc, c.title)
        ctx.cited_docs = list(seen.items())
        metas = {h.paragraph.doc: h.meta for h in answer.hits}
        cited = metas.get(next(iter(seen))) if len(seen) == 1 else None
        if understood.context.cited_newest:  # asked of a council's newest report, and answered from it
            ctx.cited_newest = cited is not None
        elif cited is not None and cited.doc_type == "ofsted-inspection" and ctx.years_cited and documents:
            ctx.cited_newest = _newest_reports([cited.org_slug], cited.doc_type, documents) == [cited]
    return ctx


def _slug_of(answer: Answer, doc: str) -> str | None:
    for h in answer.hits:
        if h.paragraph.doc == doc:
            return h.meta.org_slug
    return None
