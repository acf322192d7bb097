"""The decision trail: everything indexed about one decision, in date order, each cited.

A decision is found by its reference ("24/00093") or, from a question, by the words of its subject ("family hubs").
Its trail gathers the records that carry the reference (record-of-decision clauses, recitals, minutes' resolutions of
an agenda item titled with it), every other paragraph that cites it, and, where documents carry ModernGov agenda
metadata (meeting_id + agenda_item), the records of every paper of the same agenda item: proposal -> decision ->
minutes.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from ..index.store import IndexData
from ..query.genres import of_genre
from ..records import Paragraph
from .decisions import REF, REF_CITED
from .items import TrackRecord
from .ledger import agenda_linked, local_of, org_ok, records_for, same_words
from .topics import heading_matcher, local_matcher, matcher, phrase

TRAIL_KINDS = ("decision", "recommendation", "commitment", "finding", "improvement_item", "progress")
STAGES = ("proposal", "recommendation", "decision", "call-in", "response", "resolution", "minutes", "mention")


def normalise_ref(ref: str) -> str:
    return re.sub(r"\s+", "", ref or "")


def find_ref(text: str) -> str | None:
    """A decision reference written in TEXT ('what happened to 24/00093?'), or None."""
    m = re.search(rf"(?<![\d/])({REF})(?![/\d])", text or "")
    return m.group(1) if m else None


# a reference typed by itself with a hyphen for its slash ("24-00093", as a file name prints it)
_TYPED_REF = re.compile(r"\s*((?:[A-Z]{1,5}[-/])?\d{2,4})\s*[-\u2010-\u2013]\s*(\d{3,6})\s*")


def typed_ref(text: str) -> str | None:
    """The decision reference a box or --ref holds: as ``find_ref`` reads it, or typed by itself with a hyphen
    ("24-00093" is 24/00093); in running text a hyphen joins years and ranges ("2025-2026"), so only here."""
    m = _TYPED_REF.fullmatch(text or "")
    return f"{m.group(1)}/{m.group(2)}" if m else find_ref(text)


@dataclass
class Trail:
    ref: str | None
    items: list[TrackRecord] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.items)

    def to_dict(self) -> dict:
        return {"ref": self.ref, "items": [r.to_dict() for r in self.items]}


# a body's endorsement of, or recommendation on, what another then decides
_ENDORSED = re.compile(r"\b(?:endorsed|recommended)\b")


def _stage(r: TrackRecord, data: IndexData) -> str:
    """Where a record sits on the trail, from the record and its document's own metadata."""
    if r.kind == "decision" and r.status == "resolved" and r.doc_type == "minutes" and r.stage in (None, "minutes"):
        return "resolution"  # what the meeting resolved, not a note of what was said at it
    if r.stage:
        return r.stage
    meta = data.docs.get(r.doc)
    if r.kind == "recommendation":
        return "recommendation"
    if r.kind == "decision":
        if r.status == "proposed":
            return "proposal"
        if r.status in ("called in", "referred"):
            return "call-in"
        if r.status == "taken" and _ENDORSED.search(r.text):
            return "recommendation"  # a committee's endorsement before the decision: "… Cabinet Committee endorsed …"
        if r.doc_type == "minutes":
            return "minutes"
        if meta is not None and getattr(meta, "is_decision", None) is False:
            return "proposal"
        return "decision"
    if r.doc_type == "minutes":
        return "minutes"
    if re.search(r"\bresponse\b", f"{r.title} {r.heading or ''}", re.IGNORECASE):
        return "response"
    return "mention"


# a paragraph that could cite a decision reference: every reference has a slash between digits (``REF``)
_SLASHED = re.compile(r"\d/\d")
_CITING: dict[str, list[Paragraph]] = {}


def _citing(data: IndexData) -> list[Paragraph]:
    """The paragraphs whose text or heading has a slash between digits, which every decision reference has: read
    once per index version, not three times for each reference (a trail had decoded every paragraph of the index
    for its mentions and twice for its headers; dating a council's commitments by their trails took 46 seconds)."""
    key = str(data.path) if data.path else ""
    if key and key in _CITING:
        return _CITING[key]
    found = [p for p in data.paragraphs if _SLASHED.search(p.text) or _SLASHED.search(p.heading or "")]
    if key:
        _CITING[key] = found
    return found


def _cites(pat: re.Pattern[str], ref: str, text: str) -> bool:
    """Whether TEXT cites REF (PAT: REF standing alone), looked for as plain text first (a search for the pattern
    over every record's text took over a second a reference)."""
    return ref in text and bool(pat.search(text))


def _mentions(data: IndexData, ref: str, covered: set[str]) -> list[TrackRecord]:
    """Paragraphs citing REF that no record covers (an executive response's background, a report's history)."""
    pat = re.compile(rf"(?<![\d/]){re.escape(ref)}(?![/\d])")
    out = []
    for p in _citing(data):
        if p.id in covered or p.kind == "front-matter":
            continue
        meta = data.docs.get(p.doc)
        # a paragraph citing the reference, or one of minutes under an item titled with it (not every paragraph
        # under a record of decision's header, which already gives its clauses)
        if meta is not None and (_cites(pat, ref, p.text)
                                 or (meta.doc_type == "minutes" and _cites(pat, ref, p.heading or ""))):
            out.append(TrackRecord.make("progress", p.text, p, meta, ref=ref))
    return out


def _headers_naming(data: IndexData, ref: str) -> list[Paragraph]:
    """The front matter of papers whose header field gives REF as their decision ("DECISION NO: 24/00096")."""
    out = []
    for p in _citing(data):
        if p.kind == "front-matter" and data.docs.get(p.doc) is not None:
            m = REF_CITED.search(p.text)
            if m and normalise_ref(m.group(1)) == ref:
                out.append(p)
    return out


def _dated_by_the_trail(records: list[TrackRecord], pat: re.Pattern[str]) -> list[TrackRecord]:
    """A record of decision whose clauses print no date (its "signed … date" left blank) dated by the day the
    trail's own papers say the decision was taken ("Decision 24/00093 … was taken on 17 January 2025"), not by the
    agenda pack it was reprinted in two months later, where it sorted after its own call-in."""
    taken = sorted(r.decided for r in records if r.stage == "decision" and r.status == "taken" and r.decided
                   and len(r.decided) == 10 and pat.search(r.text))
    if not taken:
        return records
    return [replace(r, decided=taken[0]) if r.stage == "decision" and not r.decided
            and of_genre(r.title, "record of decision") else r for r in records]


def _reprints_dated_by_their_decision(records: list[TrackRecord]) -> list[TrackRecord]:
    """A paper's recommendations reprinted in a later agenda pack, dated by the decision they were first printed for:
    a decision report asking the Cabinet Member to "APPROVE the proposal …", which the record of decision signed on
    17 January 2025 took in the same words, was printed by that day, though the pack reprinting both is of 13 March
    (where its recommendations sorted after the decision, the call-in and Cabinet's reconsideration of 4 March).
    A paper is first printed by the earliest day a decision on the trail in the words of one of its recommendations,
    or one of its own clauses, was taken (its record of decision's, not a recital's), where that day is before the
    paper's; its recommendations and proposals without a day of their own take that day, marked "reprinted", and sort
    before that day's decisions."""
    taken: dict[str, str] = {}
    own: dict[str, str] = {}
    for r in records:
        if r.kind == "decision" and r.stage == "decision" and r.status == "taken" and not r.recited \
                and r.decided and len(r.decided) == 10:
            words = same_words(r.text)
            taken[words] = min(taken.get(words, r.decided), r.decided)
            own[r.doc] = min(own.get(r.doc, r.decided), r.decided)
    first: dict[str, str] = dict(own)
    for r in records:
        if r.kind == "recommendation" and (day := taken.get(same_words(r.text))):
            first[r.doc] = min(first.get(r.doc, day), day)
    return [replace(r, decided=first[r.doc], status="reprinted")
            if r.kind == "recommendation" and not r.decided and r.doc in first and first[r.doc] < (r.date or "")
            else r for r in records]


def decision_refs(records: list[TrackRecord], words: str, orgs: list[str] | tuple[str, ...] = (),
                  defined: dict[str, set[str]] | None = None, loose: bool = False) -> list[str]:
    """References of the decisions whose records match WORDS as a phrase, or with LOOSE (a question's subject words)
    by its words anywhere (an acronym also by the name ``defined`` gives it): those printing WORDS in their order
    first (a phrase's words are also found in another order: ``topics._Phrase``), then most-recorded first."""
    match, named = matcher(words, defined, loose), local_matcher(words, local_of(defined))
    in_order = phrase(words).search_in_order
    found = [r for r in records if r.kind == "decision" and r.ref and org_ok(r, orgs)
             and (match(r.text) or match(r.title or "") or named(r.doc, r.text))]
    counts = Counter(r.ref for r in found)
    exact = {r.ref for r in found if in_order(r.text) or in_order(r.title or "")}
    return sorted((ref for ref, _ in counts.most_common()), key=lambda ref: ref not in exact)


def unreferenced_decisions(records: list[TrackRecord], words: str, orgs: list[str] | tuple[str, ...] = (),
                           defined: dict[str, set[str]] | None = None) -> list[TrackRecord]:
    """Decisions printed without a reference whose own words match WORDS, oldest first: a council's resolution to
    adopt a plan ("RESOLVED that Council: … Adopts the … Local Plan") is on no decision's trail, as no number names it.
    A clause that does not repeat its subject is matched with the minute heading it stands under, where that heading
    is about WORDS ("304. Joint Health Overview & Scrutiny Committee - Terms of Reference update")."""
    match, about = matcher(words, defined), heading_matcher(words, defined)
    named = local_matcher(words, local_of(defined))  # a name a document gives WORDS ("… known as …")
    found = [r for r in records if r.kind == "decision" and not r.ref and org_ok(r, orgs)
             and (match(r.text) or about(r.heading) or named(r.doc, r.text))]
    return sorted(found, key=_oldest_first)


def _oldest_first(r: TrackRecord) -> tuple:
    """Oldest first; a date given by its month alone ("in January 2025") after the days of that month, since it
    may be any of them: "… taken by the Executive in January 2025 and subsequently considered …" had led a
    decision's trail, before the day it was taken."""
    when = r.when[:10]
    # (a recommendation reprinted later, dated by the decision it was printed for, before that decision)
    return (when + "-99" if len(when) == 7 else when, r.status != "reprinted", r.date or "", r.doc, r.ordinal)


def decision_trail(data: IndexData, ref: str, orgs: list[str] | tuple[str, ...] = ()) -> Trail:
    """Everything indexed about decision REF, oldest first; each item a cited record with its stage."""
    ref = normalise_ref(ref)
    records = [r for r in records_for(data) if org_ok(r, orgs)]
    pat = re.compile(rf"(?<![\d/]){re.escape(ref)}(?![/\d])")
    chosen = [r for r in records if r.kind in TRAIL_KINDS and (r.ref == ref or _cites(pat, ref, r.text)
                                                                or _cites(pat, ref, r.heading or ""))]
    # documents whose header names the decision (a record of decision, a decision report) give all their decisions
    docs = {d for d, m in data.docs.items() if pat.search(m.title or "")}
    chosen += [r for r in records if r.doc in docs and r.kind in ("decision", "recommendation")]
    # a paper whose header field gives the number ("DECISION NO: 24/00096") gives the recommendations and
    # endorsements it prints under no number of their own: "The … Cabinet Committee endorsed the KCP on 21 November
    # 2024" in a proposed record of decision is that decision's committee stage (not its background's other
    # decisions, "In October 2023 the Cabinet adopted …", nor a recital with its own number)
    headed = {p.doc for p in _headers_naming(data, ref)} - docs
    chosen += [r for r in records if r.doc in headed and not r.ref and (
        r.kind == "recommendation" or (r.kind == "decision" and r.status == "taken" and _ENDORSED.search(r.text)))]
    # papers of the same agenda item (ModernGov metadata): the proposal, the decision text and the minutes
    chosen += agenda_linked(data, chosen, records)
    seen: set[tuple] = set()
    unique = []
    for r in chosen:
        key = (r.paragraph_id, r.text)
        if key not in seen:
            seen.add(key)
            unique.append(r)
    covered = {r.paragraph_id for r in unique}
    unique += [r for r in _mentions(data, ref, covered) if org_ok(r, orgs)]
    # a paper whose header field gives the number ("DECISION NO:" over "24/00096") and none of whose clauses could be
    # read as records is on the trail by that header
    clauses = {r.doc for r in unique if r.kind in ("decision", "recommendation") and r.ref == ref}
    for p in _headers_naming(data, ref):
        meta = data.docs[p.doc]
        if p.doc not in clauses and p.id not in covered:
            proposed = re.search(r"\bproposed (?:record of )?decision\b", p.text, re.IGNORECASE)
            header = TrackRecord.make("progress", p.text, p, meta, ref=ref, stage="proposal" if proposed else "decision")
            if org_ok(header, orgs):
                unique.append(header)
    unique = _dated_by_the_trail([replace(r, stage=_stage(r, data)) for r in unique], pat)
    unique = _reprints_dated_by_their_decision(unique)
    unique.sort(key=_oldest_first)
    return Trail(ref, unique)


def trail_for_question(data: IndexData, question: str, words: str | None,
                       orgs: list[str] | tuple[str, ...] = ()) -> Trail | None:
    """The trail a question asks about: by the reference it writes, else by its subject words; None if none."""
    ref = find_ref(question)
    if not ref and words:
        refs = decision_refs(records_for(data), words, orgs, loose=True)  # a question's words, not a phrase
        ref = refs[0] if refs else None
    if not ref:
        return None
    trail = decision_trail(data, ref, orgs)
    return trail if trail.found else None
