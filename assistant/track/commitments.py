"""Commitments, recommendations and decisions in committee reports and minutes, each kept with its paragraph."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..records import DocMeta, Paragraph
from . import topics
from .records import TrackRecord
from .text import clean, find_due, find_who, sentences

COMMITTEE_TYPES = ("committee-report", "minutes", "other")

# recommendations to the meeting: "The Committee is asked to note…", "Cabinet is asked to: a) NOTE…"
_ASKED = re.compile(r"\b(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\b|\bit is recommended that\b",
                    re.IGNORECASE)
_REC_HEADING = re.compile(r"\b(?:is|are)\s+asked\s+to\b|^(?:\d+\.?\s*)?recommendations?\b|\brecommendations? to\b",
                          re.IGNORECASE)
# resolutions and decisions
_DECIDED = re.compile(
    r"\bRESOLVED\b|\bDECISION\b:|\b(?:the\s+)?(?:Committee|Cabinet|Panel|Council|Board|Members)\s+"
    r"(?:agreed|resolved|decided|approved|endorsed)\b|\bit was (?:agreed|resolved|decided)\b|\bwas agreed by the\b",
)
# statements of intent or obligation
_INTENT = re.compile(
    r"\b(?:will|shall)\s+(?!be able\b)\w+|\bwould\s+(?:send|report|provide|share|bring|circulate|write|arrange|"
    r"ensure|update|look|follow|raise|review|return)\b|\bplans? to\b|\b(?:is|are|remain|remains)\s+committed to\b|"
    r"\bcommit(?:s|ted)? to\b|\bintends? to\b|\bintention to\b|\b(?:is|are)\s+proposed to\b|\bit is proposed\b|"
    r"\baims? to\b|\bgoals? for\b|\bagreed to\b|\bundertook to\b|\brequested that\b|\bmust\b",
    re.IGNORECASE,
)
# "will" used to predict rather than to promise, and conditionals
_PREDICTIVE = re.compile(
    r"\b(?:will|would)\s+(?:not\s+)?(?:result|mean|align|have|be reflected|bring|create|require|need|remain|continue to mean|"
    r"increase|lead|depend|likely|also have|be eligible|become|see|feel|face|inherit|be critical|be important|be key)\b|\bmay\b.*\bwill\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"^\s*(?:If|Should|Unless|Where)\b", re.IGNORECASE)
_RISK_ACTION = re.compile(r"Action to avoid or mitigate risk:\s*(.+?)(?:;\s*Risk rating:.*)?$", re.IGNORECASE | re.DOTALL)
_RISK_NAME = re.compile(r"^Risk:\s*([^;]+)")
_ACTION_CELL = re.compile(r"\b(?:Action|Actions|Next steps?)\s*:\s*([^;]+)", re.IGNORECASE)
_OWNER_CELL = re.compile(r"\b(?:Lead|Owner|Responsible(?: officer)?|Who)\s*:\s*([^;]+)", re.IGNORECASE)
_WHEN_CELL = re.compile(r"\b(?:Timescale|Deadline|By when|Due(?: date)?|Target date|When)\s*:\s*([^;]+)", re.IGNORECASE)
_NOT_BODY = re.compile(r"^(?:Tel:|Email|Background papers|Appendi|Report Authors?|Lead officer|Contact)", re.IGNORECASE)


def _unnumbered(text: str) -> str:
    return re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\)|\([a-z0-9]+\))\s+", "", text)


def _heading_tail(heading: str | None) -> str:
    return (heading or "").split(" > ")[-1]


def _record(kind: str, text: str, p: Paragraph, m: DocMeta, who: str | None = None, due: str | None = None,
            topic: str | None = None) -> TrackRecord:
    return TrackRecord.make(kind, text, p, m, who=who, due=due or find_due(text), topic=topic or topics.tag(text))


def _risk_row(p: Paragraph, m: DocMeta) -> TrackRecord | None:
    action = _RISK_ACTION.search(p.text)
    if not action:
        return None
    name = _RISK_NAME.search(p.text)
    text = clean(action.group(1)).rstrip(";")
    risk = clean(name.group(1)) if name else None
    who = next((w for s in sentences(text) if (w := find_who(s))), None)
    return _record("commitment", text, p, m, who=who, topic=risk or topics.tag(text))


def _action_row(p: Paragraph, m: DocMeta) -> TrackRecord | None:
    """Action-plan rows: 'Action: …; Lead: …; Timescale: …'."""
    action = _ACTION_CELL.search(p.text)
    if not action:
        return None
    owner = _OWNER_CELL.search(p.text)
    when = _WHEN_CELL.search(p.text)
    return _record("commitment", clean(action.group(1)), p, m, who=clean(owner.group(1)) if owner else None,
                   due=clean(when.group(1)) if when else None)


def _asked_body(text: str, heading: str) -> str | None:
    for source in (text, heading):
        mm = re.search(r"((?:The\s+)?[A-Z][\w ,&'’-]{1,80}?)\s+(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to",
                       source)
        if mm:
            return mm.group(1).strip()
    return None


def extract_commitments(meta: DocMeta, paragraphs: Iterable[Paragraph]) -> list[TrackRecord]:
    """Recommendations, decisions and commitments in one committee document (not Ofsted reports)."""
    if meta.doc_type not in COMMITTEE_TYPES:
        return []
    out: list[TrackRecord] = []
    for p in paragraphs:
        if p.kind in ("front-matter", "heading-only") or _NOT_BODY.match(p.text.strip()):
            continue
        heading = _heading_tail(p.heading)
        if p.kind == "table-row":
            rec = _risk_row(p, meta) or _action_row(p, meta)
            if rec:
                out.append(rec)
            continue
        # a paragraph under "Recommendations" / "Cabinet is asked to", or one that asks the meeting to do something
        if _ASKED.search(p.text) or (_REC_HEADING.search(heading) and not _DECIDED.search(p.text)):
            out.append(_record("recommendation", p.text, p, meta, who=_asked_body(p.text, heading) or meta.committee))
            continue
        decided = [s for s in sentences(p.text) if _DECIDED.search(s)]
        if decided:
            text = p.text[p.text.find("RESOLVED"):] if "RESOLVED" in p.text else " ".join(decided)
            text = re.split(r"\n(?=[A-Z][^.\n]{0,60}\n|\w[\w ]{0,40}$)", text)[0]  # stop at a following item title
            out.append(_record("decision", text, p, meta, who=meta.committee))
        promised = [s for s in sentences(_unnumbered(p.text))
                    if _INTENT.search(s) and not _PREDICTIVE.search(s) and not _CONDITIONAL.match(s)
                    and not _DECIDED.search(s)]
        if promised:
            who = next((w for s in promised if (w := find_who(s))), None)
            out.append(_record("commitment", " ".join(promised), p, meta, who=who))
    return out
