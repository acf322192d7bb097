"""Tracker records of an index: written to `tracker.jsonl` in the index version folder by the build that writes
the index (index/build.py), read from there at question time, filtered and linked by agenda item.

The question path never writes into an index. An index written before the tracker existed (or by another
extractor version) has its records extracted in memory until `python -m assistant index` next runs, which writes
them (extraction is rule-based: about a second per thousand paragraphs).
"""

from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

from ..index.store import IndexData, load_index
from ..query.filters import org_matches
from ..records import DocMeta, Paragraph, page_label, para_label
from .extractor import EXTRACTOR_VERSION, extract_all, extract_records
from .items import TrackRecord, agenda_of
from .text import unnumbered
from .topics import definitions, heading_matcher, is_category, local_matcher, local_terms, matcher

FILE_NAME = "tracker.jsonl"


def _header(paragraphs: int, built_at: str | None) -> dict:
    return {"extractor_version": EXTRACTOR_VERSION, "paragraphs": paragraphs, "built_at": built_at}


def write_tracker(version_dir: Path, records: list[TrackRecord], manifest: dict) -> None:
    """Write ``records`` next to the paragraphs of the index version whose manifest is ``manifest`` (called by
    the build, with the writer lock held, before the version goes live)."""
    tmp = Path(version_dir) / f".{FILE_NAME}.{os.getpid()}-{uuid.uuid4().hex[:6]}.tmp"  # never shared by two writers
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"_header": _header(manifest.get("paragraphs", 0), manifest.get("built_at"))}) + "\n")
        for r in records:
            fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    tmp.replace(Path(version_dir) / FILE_NAME)


def records_for_new_version(previous: IndexData, docs: dict[str, DocMeta], paragraphs: dict[str, list[Paragraph]]
                            ) -> list[TrackRecord]:
    """Every document's records for a new index version, in ``docs`` order: a document ``previous`` (the version
    being replaced) held with the same metadata keeps its records; the others are extracted from ``paragraphs``."""
    old = read_tracker(previous.path, previous) if previous.path else None
    by_doc: dict[str, list[TrackRecord]] = {}
    for r in old or []:
        by_doc.setdefault(r.doc, []).append(r)
    out: list[TrackRecord] = []
    for name, meta in docs.items():
        if old is not None and previous.docs.get(name) == meta:
            out.extend(by_doc.get(name, []))
        else:
            out.extend(extract_records(meta, paragraphs.get(name, [])))
    return out


def ensure_tracker(data: IndexData) -> None:
    """Write the live version's records when it has none for this extractor (the caller holds the writer lock)."""
    if data.path is not None and read_tracker(data.path, data) is None:
        write_tracker(data.path, extract_all(data.docs, data.paragraphs), data.manifest)


def read_tracker(version_dir: Path, data: IndexData) -> list[TrackRecord] | None:
    path = Path(version_dir) / FILE_NAME
    if not path.is_file():
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        header = _header(len(data.paragraphs), data.manifest.get("built_at"))
        if not lines or json.loads(lines[0]).get("_header") != header:
            return None  # written by another extractor version or for another build
        return [TrackRecord.from_dict(json.loads(line)) for line in lines[1:] if line.strip()]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # damaged: extracted and written again


_CACHE: dict[str, list[TrackRecord]] = {}


def records_for(data: IndexData) -> list[TrackRecord]:
    """The records of a loaded index (read once per version folder; extracted in memory, never written, when the
    index was built before the tracker or by another extractor version)."""
    key = str(data.path) if data.path else ""
    if key and key in _CACHE:
        return _CACHE[key]
    records = read_tracker(data.path, data) if data.path else None
    if records is None:
        records = extract_all(data.docs, data.paragraphs)
    if key:
        _CACHE[key] = records
    return records


class Defined(dict):
    """The acronyms an index's documents define (acronym -> names), with ``local``: the names each document gives
    something of its own ("Care leavers, who are known as 'care-experienced young adults'"; ``topics.local_terms``),
    by which a topic also matches that document's text."""

    def __init__(self, acronyms: dict[str, set[str]] | None = None,
                 local: dict[str, list[tuple[str, str]]] | None = None):
        super().__init__(acronyms or {})
        self.local = local or {}


_DEFINED: dict[str, Defined] = {}


def defined_terms(data: IndexData) -> Defined:
    """The acronyms an index's documents define ("… Scrutiny Committee (JHOSC)"), with their names, for topics given
    as an acronym, and the terms each document defines as its own (read once per version folder)."""
    key = str(data.path) if data.path else ""
    if key and key in _DEFINED:
        return _DEFINED[key]
    found = Defined(definitions(p.text for p in data.paragraphs), local_terms(data.paragraphs))
    if key:
        _DEFINED[key] = found
    return found


def local_of(defined: dict[str, set[str]] | None):
    """``topics.local_matcher``'s terms held by DEFINED (a ``Defined``), or None."""
    return getattr(defined, "local", None)


def load_records(index_dir: Path) -> tuple[list[TrackRecord], IndexData]:
    data = load_index(Path(index_dir), with_vectors=False)
    return records_for(data), data


def org_ok(r: TrackRecord, orgs: list[str] | tuple[str, ...]) -> bool:
    meta = SimpleNamespace(org_slug=r.org_slug, organisation=r.organisation)
    return not orgs or any(org_matches(o, meta) for o in orgs)  # type: ignore[arg-type]


def within(r: TrackRecord, since: str | None, until: str | None) -> bool:
    """Whether R is dated between SINCE and UNTIL (either may be None) by the day it speaks of (``when``); with
    either given, one whose paper recites an earlier decision without saying when it was taken is not."""
    if (since or until) and not r.dated:
        return False  # a paper's account of an earlier decision that never says when: not that paper's day's
    if since and (not r.when or r.when[:10] < since):
        return False
    return not (until and (not r.when or r.when[:10] > until))


def by_day(records: list[TrackRecord]) -> list[TrackRecord]:
    """Oldest first by the day each speaks of, then by its paper's day, then in document order."""
    return sorted(records, key=lambda r: (r.when[:10], r.date or "", r.doc, r.ordinal))


def undated_last(records: list[TrackRecord]) -> list[TrackRecord]:
    """Every dated row in the order given, then those recounted by a paper that never says when they were done
    (``TrackRecord.dated``): among the rows of their paper's month they had read as of that month (a call-in's
    submission among a trail's March rows). The command line and the app list them alike."""
    return [r for r in records if r.dated] + [r for r in records if not r.dated]


def select(records: list[TrackRecord], *, kinds: tuple[str, ...] | list[str] = (), orgs: list[str] | tuple[str, ...] = (),
           topic: str | None = None, since: str | None = None, until: str | None = None,
           docs: list[str] | tuple[str, ...] = (), defined: dict[str, set[str]] | None = None,
           loose: bool = False) -> list[TrackRecord]:
    """Records passing every given filter, oldest first (then in document order). A record is dated by the day it
    speaks of (``when``): a record of decision signed on 17 January by that day, not by the agenda pack that
    reprints it in March, and a paper's recital of an earlier decision by that decision's date, so --since/--until
    keep the decisions taken then; one whose paper never says when it was taken is kept by no dates. TOPIC is matched as a phrase ("home education"), or with LOOSE (a question's
    subject words) by its words anywhere (``topics.matcher``); and in a document that gives it a name of its own
    ("care leavers, who are known as 'care-experienced young adults'"), by that name too (``Defined.local``)."""
    match = matcher(topic, defined, loose) if topic else None  # an acronym also by the name ``defined`` gives it
    about = heading_matcher(topic, defined, loose) if topic else None
    named = local_matcher(topic, local_of(defined)) if topic else None
    out = []
    for r in records:
        if kinds and r.kind not in kinds:
            continue
        if not org_ok(r, orgs):
            continue
        if not within(r, since, until):
            continue
        if docs and r.doc not in docs:
            continue
        # or the heading it stands under, when that heading is about the topic: a minute's clause ("Adopts the revised
        # Constitution") is about the minute's subject ("306. Governance Updates")
        # a typed topic by a record's own label (a risk register's risk), not by the category the tracker tagged it
        # with: "supervision" is not every record tagged "management oversight"
        label = r.topic if loose or not is_category(r.topic) else None
        if match and about and named and not (match(r.text) or match(label or "") or about(r.heading)
                                             or named(r.doc, r.text)):
            continue
        out.append(r)
    return by_day(out)


def agenda_linked(data: IndexData, chosen: list[TrackRecord], records: list[TrackRecord]) -> list[TrackRecord]:
    """Decisions and recommendations of the other papers of the ModernGov agenda items (meeting_id + agenda_item)
    that chosen decisions or recommendations belong to: the proposal and the decision text of the item, and from
    the meeting's minutes the resolutions printed under that item (its title or decision reference in the heading).
    Empty where documents carry no agenda metadata."""
    items, titles = set(), {}
    for r in chosen:
        meta = data.docs.get(r.doc)
        agenda = agenda_of(meta) if meta is not None and r.kind in ("decision", "recommendation") else {}
        if len(agenda) == 2:
            items.add((agenda["meeting_id"], agenda["agenda_item"]))
            keys = titles.setdefault(agenda["meeting_id"], set())
            keys.update(k for k in (getattr(meta, "agenda_title", None), r.ref) if k)
    if not items:
        return []
    out, minutes = [], []
    for r in records:
        meta = data.docs.get(r.doc)
        if meta is None or r.kind not in ("decision", "recommendation"):
            continue
        agenda = agenda_of(meta)
        if (agenda.get("meeting_id"), agenda.get("agenda_item")) in items:
            out.append(r)  # a paper of the same item: its decision references also name the item in the minutes
            if r.ref:
                titles.setdefault(agenda["meeting_id"], set()).add(r.ref)
        elif meta.doc_type == "minutes" and agenda.get("meeting_id"):
            minutes.append((agenda["meeting_id"], r))
    for meeting, r in minutes:
        heading = (r.heading or "").lower()
        if any(str(k).lower() in heading for k in titles.get(meeting, ())):
            out.append(r)
    return out


# a label a paper prints before a statement it prints again elsewhere without it: "Recommendation(s): Cabinet is
# asked to NOTE …" on the cover, "Cabinet is asked to NOTE …" in the body
_LEADING_LABEL = re.compile(r"^\s*(?:Recommendations?(?:\(s\))?|Decisions?(?:\(s\))?|Proposals?|Proposed decision|"
                            r"Resolutions?)\s*[:\-–]\s*", re.IGNORECASE)


def same_words(text: str) -> str:
    """A statement's words, for telling repeats apart: without its list number or letter, a leading label
    ("Recommendation(s):"), case and punctuation."""
    return " ".join(re.findall(r"[a-z0-9£%]+", _LEADING_LABEL.sub("", unnumbered(text)).lower().replace("’", "'")))


def _place(r: TrackRecord) -> str:
    """Where in its document a record is printed: "para 3.1, p.6"."""
    return ", ".join(x for x in (para_label(r.para), page_label(r.page_start, r.page_end)) if x)


# what an inspection report states is that inspection's own: the same words in another report (a grade given again
# at the next inspection) are another record, never a copy of the first
OWN_REPORT_KINDS = ("judgement", "finding", "improvement_item")


def own_report(r: TrackRecord) -> str | None:
    """The document a record belongs to alone (an inspection's judgement, finding or improvement item), else None:
    a committee paper's statement may be printed again in another paper (its record of decision, the minutes)."""
    return r.doc if r.kind in OWN_REPORT_KINDS or r.doc_type == "ofsted-inspection" else None


def once(records: list[TrackRecord]) -> list[TrackRecord]:
    """A listing with each statement once: the same words printed again (a report's recommendations on its cover
    and in its body, its record of decision and screening forms repeating its proposal) stand under the first, in
    the listing's order, which names the others in ``also`` ("p.6", or another document's citation). Statements of
    another kind, stage or status (a proposal, then the decision taken in its words) stay apart, and so do two
    inspections' judgements or findings in the same words (each report's is its own: ``own_report``)."""
    out: list[TrackRecord] = []
    first: dict[tuple, int] = {}
    also: dict[int, list[str]] = {}
    for r in records:
        # (a recommendation is at the recommendation stage whether or not its reading named the stage: the cover's
        # "Recommendation(s): Cabinet is asked to NOTE …" and its section 3's, read by decisions.py, are one)
        stage = r.stage or ("recommendation" if r.kind == "recommendation" else None)
        key = (r.kind, stage, r.status, r.org_slug, own_report(r), same_words(r.text))
        if not key[-1] or key not in first:
            first[key] = len(out)
            out.append(r)
            continue
        kept = out[first[key]]
        where = _place(r) if r.doc == kept.doc else r.label
        if where and where != _place(kept) and where not in also.setdefault(first[key], []):
            also[first[key]].append(where)
    return [replace(r, also=tuple(also[i])) if also.get(i) else r for i, r in enumerate(out)]
