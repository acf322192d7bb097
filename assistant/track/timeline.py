"""A topic's timeline across documents, and the follow-through of each Ofsted improvement item."""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from types import SimpleNamespace

from ..index.store import IndexData
from ..query.filters import Filters
from ..query.genres import of_genre
from ..query.orgs import resolve_orgs
from ..records import Citation, DocMeta, Hit, Paragraph
from ..retrieve.hybrid import Retriever
from ..retrieve.search import search
from .items import TrackRecord
from .ledger import _DEFINED, Defined, agenda_linked, by_day, defined_terms, org_ok, records_for, select, within
from .qa import is_question
from .text import figures_row, form_prompt, others_words, sentences
from .trail import decision_trail, find_ref
from .topics import blank, heading_subject, local_matcher, local_terms, matcher, too_short

# cosine similarity (all-MiniLM-L6-v2) above which a later paragraph is taken to address an improvement item;
# calibrated by hand-judging 45 (item, later paragraph) pairs for the ten Medway 2019 items against the 2020
# committee report and the 2023 inspection: at 0.50 about 2 in 3 kept paragraphs address the item and about 3 in 4
# of the addressing paragraphs are kept (0.55: precision 0.71, recall 0.48; 0.45: precision 0.61, recall 0.90).
FOLLOW_THROUGH_THRESHOLD = 0.50
PROGRESS_TYPES = ("committee-report", "minutes", "other")


def track(data: IndexData, topic: str, orgs: list[str] | tuple[str, ...] = (), since: str | None = None,
          until: str | None = None) -> list[TrackRecord]:
    """Dated, cited statements about TOPIC, oldest first by the day each speaks of: findings, judgements, improvement
    items, commitments, recommendations, decisions, and (from committee papers) other paragraphs reporting on it, as
    'progress'. A topic with no words to match ("", "???") or too short to look for ("x") has no timeline: it would take every record."""
    if blank(topic) or too_short(topic):
        return []
    records = records_for(data)
    paragraphs = _paragraphs_of(data, orgs)  # read once: the given councils' papers only
    # a name a document gives the topic ("care leavers, who are known as 'care-experienced young adults'", "independent
    # reviewing officer (IRO)") is the topic in that document (records of other councils are not kept: their terms
    # are not read)
    local = defined_terms(data).local if str(data.path) in _DEFINED else local_terms(paragraphs)
    # by every date: a decision report's recommendation reprinted in a later pack is dated by its decision (below)
    chosen = select(records, orgs=orgs, topic=topic, defined=Defined(local=local))
    chosen += limbs_of(records, chosen, topic)
    chosen += _same_agenda_item(data, records, chosen, since, until)
    covered = {r.paragraph_id for r in records}
    match, named = matcher(topic), local_matcher(topic, local)
    for p in paragraphs:
        m = data.docs.get(p.doc)
        if m is None or p.id in covered or m.doc_type not in PROGRESS_TYPES or p.kind == "front-matter":
            continue
        if not (match(p.text) or named(p.doc, p.text)):  # first: the cheapest test, which most paragraphs fail
            continue
        if is_question(p):  # a question put at a meeting asks; its answer reports
            continue
        if _weighs_a_proposal(m.title, p.heading):
            continue
        if not_a_report(p.text, p.kind == "table-row"):  # an agenda's line, a form's prompt, a table's figures
            continue
        if not reports_event(p.text, lambda t, doc=p.doc: match(t) or named(doc, t)):
            continue  # a heading, a form's field, a description or a list that names the topic: nothing happened to it
        rec = TrackRecord.make("progress", p.text, p, m, topic=topic)
        if org_ok(rec, orgs) and (not since or (m.date or "") >= since) and (not until or (m.date or "") <= until):
            chosen.append(rec)
    chosen += _resolved_on_item(records, chosen, since, until, paragraphs)
    chosen += trail_recommendations(data, chosen, orgs)
    chosen = [r for r in _dated_as_on_their_trail(data, chosen, orgs) if within(r, since, until)]
    # in the order of the dates shown: each record's own day (a recited decision's, a signed record's), not its paper's
    return by_day(chosen)


# papers that assess a proposal before it is decided, not report what was done: an equality impact assessment (Equality
# Act 2010 s.149), a form on a proposal's likely effects on people with protected characteristics (a DPIA screening's
# answers stay: test_trail's "The type of data being transferred …")
_ASSESSMENTS = ("equality impact assessment",)
# a decision report's sections weighing its proposal (the options or alternatives considered and dismissed, its financial, legal and
# equalities implications, its risks): the standard sections of a council's report to a decision-maker
_WEIGHING = re.compile(r"\b(?:options?|alternatives?|implications?|risks?)\b", re.IGNORECASE)


def _weighs_a_proposal(title: str | None, heading: str | None) -> bool:
    """Whether a paper's paragraph weighs a proposal rather than reports on it: any paragraph of an equality impact assessment
    ("Details of Negative Impacts for Disability": "All the 925 adult service users concerned with this proposal …"),
    or one under a report's options, implications or risks ("4. Options considered and dismissed": "… a matrix
    management approach was considered …"; "5. Financial Implications": "The budget … will transfer …")."""
    return any(of_genre(title, kind) for kind in _ASSESSMENTS) or bool(heading and _WEIGHING.search(heading))


def limbs_of(records: list[TrackRecord], chosen: list[TrackRecord], topic: str | None = None) -> list[TrackRecord]:
    """The other limbs of the resolutions some of whose limbs are CHOSEN (a decision's clauses read from one
    paragraph): "RESOLVED that the County Council: (1) Endorses … the English Devolution White Paper … (5) Expects
    there to be as much transparency as possible in this process" is about devolution in each of its limbs, though
    the fifth does not name it (``decisions --topic devolution`` had listed four of its five). A resolution is about
    the topic where at least half its limbs are chosen: one limb of a budget's twenty noting a devolution deal does
    not make the budget's other limbs about devolution. It is about TOPIC in every limb where its lead-in (the words
    its limbs share) or its heading's subject (not an aside in brackets) names the topic: the budget resolution of
    13 February 2025 under "291. Capital Programme 2025-35 and Revenue Budget 2025-26 (including Council Tax Setting
    2025/26)" agrees the capital programme and the council tax requirement as parts of the budget, though only nine
    of its twenty-two limbs print "budget" (under --topic "council tax", named only in the aside, it is not)."""
    have = {(r.paragraph_id, r.text) for r in chosen if r.kind == "decision"}
    picked = Counter(pid for pid, _ in have)
    limbs = [r for r in records if r.kind == "decision" and r.paragraph_id in picked]
    total = Counter(pid for pid, _ in {(r.paragraph_id, r.text) for r in limbs})
    named = _named_in_lead(limbs, topic) if topic else set()
    return [r for r in limbs if (2 * picked[r.paragraph_id] >= total[r.paragraph_id] or r.paragraph_id in named)
            and (r.paragraph_id, r.text) not in have]


def _named_in_lead(limbs: list[TrackRecord], topic: str) -> set[str]:
    """The paragraphs among LIMBS whose resolution's lead-in (the opening all its limbs print) or heading's subject
    (its words outside brackets and the minute's number) names TOPIC."""
    match = matcher(topic)
    texts: dict[str, list[str]] = {}
    headings: dict[str, str] = {}
    for r in limbs:
        texts.setdefault(r.paragraph_id, []).append(r.text)
        headings[r.paragraph_id] = r.heading or ""
    return {pid for pid, ts in texts.items()
            if len(set(ts)) > 1 and (match(os.path.commonprefix(ts)) or match(heading_subject(headings[pid])))}


def trail_recommendations(data: IndexData, chosen: list[TrackRecord], orgs: list[str] | tuple[str, ...] = ()
                          ) -> list[TrackRecord]:
    """The recommendations on the trails (``decision_trail``) of the decisions CHOSEN records belong to (by their
    reference, or their paper's title citing one): a committee's recommendation to the decision-maker, printed in a
    later paper without the decision's number or the topic's words ("The committee recommends that the decision be
    delayed until …", 21 November 2024, on Kent's decision 24/00093 on two family hubs), is part of what was decided
    about the topic, as ``decisions --ref`` lists it, each dated as that trail dates it."""
    refs = {ref for r in chosen if r.kind in ("decision", "recommendation")
            and (ref := r.ref or find_ref(r.title or ""))}
    have = {(r.paragraph_id, r.text) for r in chosen}
    out: list[TrackRecord] = []
    for ref in sorted(refs):
        for item in decision_trail(data, ref, orgs).items:
            if item.kind == "recommendation" and (item.paragraph_id, item.text) not in have:
                have.add((item.paragraph_id, item.text))
                out.append(item)
    return out


def select_dated(data: IndexData, records: list[TrackRecord], *, orgs: list[str] | tuple[str, ...] = (),
                 since: str | None = None, until: str | None = None, **filters) -> list[TrackRecord]:
    """``ledger.select``, each record dated as ``track`` and ``decisions --ref`` date it (by its decision's trail)
    before --since and --until are applied: ``commitments`` had dated a January decision report's recommendations
    reprinted in a March pack by the pack (13 March), so ``--since 2025-03-01`` let them through."""
    chosen = select(records, orgs=orgs, **filters)
    if filters.get("topic"):  # a resolution's limbs together, as ``track`` lists them
        kinds = filters.get("kinds") or ()
        chosen += [r for r in limbs_of(records, chosen, filters["topic"]) if not kinds or r.kind in kinds]
    return by_day([r for r in _dated_as_on_their_trail(data, chosen, orgs) if within(r, since, until)])


def _dated_as_on_their_trail(data: IndexData, chosen: list[TrackRecord], orgs: list[str] | tuple[str, ...]
                             ) -> list[TrackRecord]:
    """Records of a decision's papers dated as that decision's trail (``decision_trail``) dates them: a decision
    report's recommendations reprinted in a later agenda pack by the day the decision was first taken on them, a
    record of decision with no date of its own by the day its papers say it was taken. ``decisions --ref`` and
    ``track`` showed one row under two dates (17 January 2025, the decision's; 13 March, the pack's)."""
    undated = [r for r in chosen if not r.decided and r.kind in ("decision", "recommendation")]
    refs = {ref for r in undated if (ref := r.ref or find_ref(r.title or ""))}
    if not refs:
        return chosen
    dated: dict[tuple, TrackRecord] = {}
    for ref in sorted(refs):
        for item in decision_trail(data, ref, orgs).items:
            if item.decided:
                dated.setdefault((item.paragraph_id, item.text), item)
    out = []
    for r in chosen:
        item = dated.get((r.paragraph_id, r.text)) if not r.decided else None
        out.append(replace(r, decided=item.decided, status=item.status) if item else r)
    return out


def decisions_on(data: IndexData, topic: str, orgs: list[str] | tuple[str, ...] = (), since: str | None = None,
                 until: str | None = None) -> list[TrackRecord]:
    """The decisions about TOPIC, as ``track`` finds them: those that name it, those of the agenda items a chosen
    record belongs to, and what a meeting resolved on a minuted item whose discussion is on it ("RESOLVED that Cabinet
    agree the Commissioning Plan …" for "school places"), oldest first."""
    return [r for r in track(data, topic, orgs, since, until) if r.kind == "decision"]


def _paragraphs_of(data: IndexData, orgs: list[str] | tuple[str, ...]) -> list[Paragraph]:
    """The paragraphs of the given councils' documents (all, with none given), each decoded once, in row order, found
    by the rows each document holds (``IndexData.rows_by_doc``) without reading the others'."""
    if not orgs:
        return list(data.paragraphs)
    by_doc = data.rows_by_doc()
    rows = sorted(int(r) for doc, m in data.docs.items() for r in by_doc.get(doc, ())
                  if org_ok(SimpleNamespace(org_slug=m.org_slug, organisation=m.organisation), orgs))  # type: ignore[arg-type]
    read = getattr(data.paragraphs, "_decode", data.paragraphs.__getitem__)  # not through the rows' cache
    return [read(r) for r in rows]


# an agenda's entry for an item, with the pages of the pack it fills: "11. Devolution … Update (Pages 223 - 244)"
_AGENDA_LINE = re.compile(r"\(Pages?\s+\d+(?:\s*[-–]\s*\d+)?\)")
# a chart's answers with their shares, as a survey's results print them: "Once a month, 8% Less than once a month, 6% …"
_SHARES = re.compile(r",\s*\d+(?:\.\d+)?%")
# a performance table's rows with their ratings: "RAG rating Customer Services KPIs Latest Previous DoT … GREEN GREEN"
_RAG = re.compile(r"\b(?:RED|AMBER|GREEN)\b")


def not_a_report(text: str, table_row: bool = False) -> bool:
    """Whether a committee paragraph is no report of progress: an agenda's line for an item, a form's question,
    prompt or declaration (``text.form_prompt``), a row of a table of figures (``text.figures_row``; TABLE_ROW: the
    paragraph is a table's row), a performance table's rows of RAG ratings, a chart's answers with their shares, or what respondents to a consultation
    said (``text.others_words``: their verbatims and themes are theirs, not the council's progress)."""
    return bool(_AGENDA_LINE.search(text) or form_prompt(text) or figures_row(text, table_row) or others_words(text)
                or text.lstrip().startswith("RAG rating")
                or len(_RAG.findall(text)) >= 3 or len(_SHARES.findall(text)) >= 3)


# a verb saying something happened or is happening: a perfect or a passive ("has been valued", "were delayed"), a
# progressive ("KCC is engaging"), or a past tense with what follows it ("resumed across", "took a decision") — not a
# participle used as an adjective after a determiner ("the commissioned contract", "the proposed alternative sites");
# or an event's noun ("the closure of")
_IRREGULAR = (r"(?:put|made|taken|took|given|gave|done|did|seen|saw|held|set|met|begun|began|run|ran|brought|built|"
              r"sent|spent|found|kept|left|led|paid|told|won|become|became|grown|grew|risen|rose|fallen|fell|shown|"
              r"known|chosen|chose|written|wrote|undertaken|undertook|went|gone|cut|drawn|drew|laid|sold|bought)")
_EVENT = re.compile(
    rf"\b(?:has|have|had|was|were|been|being)\s+(?:\w+ly\s+|not\s+|now\s+|also\s+|already\s+|since\s+|been\s+|"
    rf"being\s+)*(?:\w+ed|{_IRREGULAR})\b"
    rf"|\b(?:is|are|was|were)\s+(?:now\s+|also\s+|currently\s+)?(?!being\b)\w{{3,}}ing\b"
    rf"|(?<!\bthe )(?<!\bThe )(?<!\ba )(?<!\ban )(?<!\bA )(?<!\bits )(?<!\bour )(?<!\btheir )(?<!\bthis )"
    rf"(?<!\bthese )(?<![-–:] )\b(?:[a-z]{{3,}}ed|{_IRREGULAR})\s+(?=(?:the|a|an|to|in|on|at|by|from|with|across|"
    rf"over|its|their|our|this|these|that|for|into)\b|\d|£|[A-Z])"
    r"|\b(?:took|gave|did|saw|began|ran|became|grew|rose|fell|chose|wrote|undertook|went|drew)\b"
    # an event named by its noun: "Since the emergency closure of Blackburn Lodge on 10 November 2023 …", not
    # one another event happened during ("… adopt Kent's model during the rollout of family hubs")
    r"|(?<!\bduring the )\b(?:(?:re)?opening|closure|launch|transfer|roll-?out|completion|introduction|sale|expansion|refurbishment|"
    r"relocation|(?:de|re)?commissioning)\s+of\b")
# how many words may stand between the topic's words and that verb: the topic is what it speaks of, not a word in a
# list or a phrase further on ("covering various areas such as early years, family hubs, …")
_EVENT_REACH = 8


# a passive in the present or with a modal, "is designed to", "are commissioned under", "will be delivered from",
# "would not be realised in", "could have been": what a thing is or would be, not what happened to it
_STATE = re.compile(r"\b(?:is|are|am|be|will\s+have\s+been|would\s+have\s+been|could\s+have\s+been|"
                    r"might\s+have\s+been|may\s+have\s+been|should\s+have\s+been)"
                    r"(?:\s+(?:\w+ly|not|only|also|now|still|already|therefore|then))*\s*$", re.IGNORECASE)


def _describes(before: str, verb: str) -> bool:
    """Whether the participle VERB (an ``_EVENT`` match with no auxiliary of its own), after the words BEFORE it,
    is a present or modal passive: a description of the topic ("The Family Hub model … is designed to be a welcoming
    place"), not an event on it."""
    if re.match(r"(?:has|have|had|was|were|been|being|is|are)\b", verb, re.IGNORECASE):
        return bool(re.match(r"been\b", verb, re.IGNORECASE) and _STATE.search(before))
    return bool(_STATE.search(before))


def _topic_spans(sentence: str, match, width: int = 6) -> list[tuple[int, int]]:
    """Where in SENTENCE the topic is: the shortest run of up to WIDTH words from each word that MATCH accepts."""
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", sentence)]
    spans = []
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + width) + 1):
            if match(sentence[words[i][0]:words[j - 1][1]]):
                spans.append((words[i][0], words[j - 1][1]))
                break
    # a run from an earlier word holds a shorter one: only the shortest say where the topic is
    return [(a, b) for a, b in spans if not any(a <= c and d <= b and (c, d) != (a, b) for c, d in spans)]


def reports_event(text: str, match) -> bool:
    """Whether TEXT says something happened to (or is happening to) the topic MATCH finds: a sentence naming it with
    a verb of doing or change within a few words of it. Not a heading ("1. Margate Family Hub"), a form's field
    ("Job title: Programme Manager, …"), a label and its answer ("Responsible Officer for Mitigating Actions – Age
    Family Hub Service Managers."), a description or an option weighed, nor a paragraph naming it in a list."""
    for s in sentences(text):
        if not match(s):
            continue
        spans = _topic_spans(s, match) or [(0, len(s))]
        for v in _EVENT.finditer(s):
            if _describes(s[:v.start()], v.group(0)):
                continue
            for a, b in spans:
                gap = s[b:v.start()] if v.start() >= b else s[v.end():a] if v.end() <= a else ""
                if len(gap.split()) <= _EVENT_REACH:
                    return True
    return False


def _same_agenda_item(data: IndexData, records: list[TrackRecord], chosen: list[TrackRecord], since: str | None,
                      until: str | None) -> list[TrackRecord]:
    """The proposal, decision text and minutes of the agenda items a chosen decision or recommendation belongs to."""
    have = {(r.paragraph_id, r.text) for r in chosen}
    return [r for r in agenda_linked(data, chosen, records) if (r.paragraph_id, r.text) not in have
            and (not since or (r.date or "") >= since) and (not until or (r.date or "") <= until)]


# a resolution that only notes a report ("RESOLVED that the Leader’s report be noted"): it acts on nothing the
# discussion raised
_NOTED = re.compile(r"\b(?:be|been|was|were)\s+noted\b|\bnote[sd]?\s+the\b", re.IGNORECASE)
_ACTS = re.compile(r"\b(?:agree|approve|endorse|adopt|refer|confirm|delegate|recommend|request|amend|rescind|"
                   r"implement|authorise|establish)", re.IGNORECASE)


_RESOLUTION = re.compile(r"^\W*(?:\d{1,3}[.)]?\s*)?RESOLVED\b")


def _noted_only(text: str) -> bool:
    return bool(_NOTED.search(text)) and not _ACTS.search(text)


def _resolved_on_item(records: list[TrackRecord], chosen: list[TrackRecord], since: str | None,
                      until: str | None, paragraphs: list[Paragraph]) -> list[TrackRecord]:
    """What a meeting resolved on a minuted item whose discussion is on the topic: the resolutions (not a recited or
    called-in decision) under the heading of a minute a chosen paragraph of the minutes stands under ("92. … Commissioning Plan for Education Provision …" holds
    "1. Mr Love introduced the report … the number of school places needed …" and "4. RESOLVED that Cabinet agree the
    Commissioning Plan …", which does not name school places)."""
    on_topic: dict[tuple[str, str], int] = {}
    for r in chosen:
        if r.doc_type == "minutes" and r.heading:
            on_topic[(r.doc, r.heading)] = on_topic.get((r.doc, r.heading), 0) + 1
    printed: dict[tuple[str, str], int] = {}
    for p in paragraphs:
        if (p.doc, p.heading) in on_topic and not _RESOLUTION.match(p.text):
            printed[(p.doc, p.heading)] = printed.get((p.doc, p.heading), 0) + 1
    # the item is about the topic where half its discussion is or more, not where one paragraph of a long debate on
    # something else names it in passing
    items = {k for k, n in on_topic.items() if 2 * n >= printed.get(k, 0)}
    have = {r.paragraph_id for r in chosen}
    return [r for r in records if r.kind == "decision" and r.status == "resolved" and (r.doc, r.heading) in items
            and r.paragraph_id not in have
            and not _noted_only(r.text)
            and (not since or (r.date or "") >= since) and (not until or (r.date or "") <= until)]


def hit_for(data: IndexData, r: TrackRecord, score: float = 1.0, rank: int = 1) -> Hit:
    """The index paragraph behind a record, as a Hit (for Citation.from_hit)."""
    p = data.find_paragraph(r.doc, r.ordinal, r.paragraph_id)
    if p is None:
        p = Paragraph(id=r.paragraph_id, doc=r.doc, ordinal=r.ordinal, text=r.text, para=r.para, heading=r.heading,
                      page_start=r.page_start, page_end=r.page_end)
    meta = data.docs.get(r.doc) or DocMeta(doc=r.doc, title=r.title, organisation=r.organisation, org_slug=r.org_slug,
                                           doc_type=r.doc_type, date=r.date)
    return Hit(paragraph=p, meta=meta, score=score, rank=rank)


def citation_for(data: IndexData, r: TrackRecord, rank: int = 1) -> Citation:
    return Citation.from_hit(hit_for(data, r, rank=rank), r.text)


# no later paragraph scored as taking an item up: which is not to say that none mentions it (a paragraph on the same
# subject may fall short of the threshold), so the closest is shown where there is one
NOT_TAKEN_UP = "Since then: no later paragraph found clearly takes this up."
# nothing of the item's council dated after its report is indexed: nothing could take it up, which says nothing of
# what was done; said once for a report's items, not item by item
NO_LATER_PAPERS = "Since then: no later papers from {council} are indexed."


@dataclass
class FollowThrough:
    item: TrackRecord
    later: list[Hit] = field(default_factory=list)
    nearest: list[Hit] = field(default_factory=list)  # when nothing is later: the closest paragraph, below threshold
    no_later_papers: bool = False  # no document of the item's council dated after it is indexed

    @property
    def addressed(self) -> bool:
        return bool(self.later)

    @property
    def note(self) -> str | None:
        """What is said when nothing later takes the item up: that no later papers are indexed, or that none of
        those indexed clearly does (None when one does)."""
        if self.later:
            return None
        if self.no_later_papers:
            return NO_LATER_PAPERS.format(council=self.item.organisation or self.item.org_slug or "this council")
        return NOT_TAKEN_UP

    def to_dict(self) -> dict:
        d = self.item.to_dict()
        d["later"] = [{**h.to_dict(), "kind": "progress"} for h in self.later]
        note = self.note and self.note.removeprefix("Since then: ")
        d["later_note"] = note and note[0].upper() + note[1:]  # its council's name as written
        d["no_later_papers"] = self.no_later_papers
        d["nearest"] = [h.to_dict() for h in self.nearest]
        return d


def _day_after(iso: str) -> str:
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()


def _later_filters(item: TrackRecord) -> dict:
    return {"orgs": [item.org_slug or item.organisation or ""], "since": _day_after(item.date)}


def later_papers(data: IndexData, item: TrackRecord) -> list[str]:
    """The indexed documents of ITEM's (dated) council, its reports and its papers ("kent" and "kent-cc"), dated
    after ITEM: where what was done about it since could be reported."""
    given = _later_filters(item)
    later = Filters(orgs=resolve_orgs(given["orgs"], data.docs).orgs, since=given["since"])
    return [name for name, m in data.docs.items() if name != item.doc and later.admits(m)]


def follow_through(retriever: Retriever, item: TrackRecord, threshold: float = FOLLOW_THROUGH_THRESHOLD,
                   k: int = 8, per_doc: int = 2) -> FollowThrough:
    """Later paragraphs (same organisation, later date, other documents) that address ITEM, oldest first."""
    if not item.date:
        return FollowThrough(item)
    if not later_papers(retriever.data, item):
        return FollowThrough(item, no_later_papers=True)  # nothing to search
    hits = search(retriever, item.text, _later_filters(item), k=k, mode="hybrid")
    kept: list[Hit] = []
    count: dict[str, int] = {}
    below: list[Hit] = []
    for h in hits:
        if h.paragraph.doc == item.doc or not _may_take_up(h.paragraph):
            continue
        if (h.dense or 0.0) < threshold:
            below.append(h)
            continue
        if count.get(h.paragraph.doc, 0) >= per_doc:
            continue
        count[h.paragraph.doc] = count.get(h.paragraph.doc, 0) + 1
        kept.append(h)
    kept.sort(key=lambda h: (h.meta.date or "", h.paragraph.ordinal))
    return FollowThrough(item, kept, [] if kept else below[:1])


# a risk register's row ("Risk: Caseloads; Description: …; Action to avoid or mitigate risk: …"): a risk foreseen
_RISK_ROW = re.compile(r"^\s*Risk(?:\s+(?:title|name|description))?\s*:", re.IGNORECASE)


def _may_take_up(p: Paragraph) -> bool:
    """Whether paragraph P could report what was done about an item: not a document's cover or front matter, a
    table's header or a whole table printed as one block (a later report's page-1 grid of grades), a question put at
    a meeting (it asks), a risk foreseen in a register, nor what ``not_a_report`` excludes from a timeline (an
    agenda's line, a form's prompt, a row of figures, what consultees said)."""
    if p.kind in ("front-matter", "table", "table-header") or is_question(p) or _RISK_ROW.match(p.text):
        return False
    return not not_a_report(p.text, p.kind == "table-row")


def improvement_items(data: IndexData, orgs: list[str] | tuple[str, ...] = (), year: int | None = None) -> list[TrackRecord]:
    """The items of the "What needs to improve" lists of the councils' reports (``orgs``' only, when given); with a
    year, each council's report of that year: "… in its 2025 inspection" is the report of November 2025's visit
    published in January 2026 (``DocMeta.of_year``), and of two reports that year could be, the one whose visit
    the report dates then, else the one published then."""
    items = select(records_for(data), kinds=("improvement_item",), orgs=orgs)
    if year is None:
        return items
    metas = {r.doc: m for r in items if (m := data.docs.get(r.doc)) is not None and m.of_year(year)}

    def fit(doc: str) -> tuple[bool, bool, str]:
        m = metas[doc]
        return str(year) in {month[:4] for month in m.inspection_months()}, m.year == year, m.date or ""

    best: dict[str | None, str] = {}
    for doc in sorted(metas, key=fit):
        best[metas[doc].org_slug] = doc
    return [r for r in items if r.doc in best.values()]
