"""Tracker records of an index: read from `tracker.jsonl` in the index version folder, or extracted and cached there.

Extraction is rule-based and takes well under a second per hundred paragraphs, so an index built before the
tracker existed gets its records on first load; `write_tracker` lets the indexing step write them up front.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path
from types import SimpleNamespace

from ..index.lock import IndexBusy, writer_lock
from ..index.store import IndexData, load_index
from ..query.filters import org_matches
from .extractor import EXTRACTOR_VERSION, extract_all
from .items import TrackRecord, agenda_of
from .topics import matcher

FILE_NAME = "tracker.jsonl"


def _header(data: IndexData) -> dict:
    return {"extractor_version": EXTRACTOR_VERSION, "paragraphs": len(data.paragraphs),
            "built_at": data.manifest.get("built_at")}


def write_tracker(version_dir: Path, data: IndexData) -> list[TrackRecord]:
    """Extract every document's records and write them next to the paragraphs (call after write_index)."""
    records = extract_all(data.docs, data.paragraphs)
    tmp = Path(version_dir) / f".{FILE_NAME}.{os.getpid()}-{uuid.uuid4().hex[:6]}.tmp"  # never shared by two writers
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps({"_header": _header(data)}) + "\n")
        for r in records:
            fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")
    tmp.replace(Path(version_dir) / FILE_NAME)
    return records


def read_tracker(version_dir: Path, data: IndexData) -> list[TrackRecord] | None:
    path = Path(version_dir) / FILE_NAME
    if not path.is_file():
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or json.loads(lines[0]).get("_header") != _header(data):
            return None  # written by another extractor version or for another build
        return [TrackRecord.from_dict(json.loads(line)) for line in lines[1:] if line.strip()]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # damaged: extracted and written again


_CACHE: dict[str, list[TrackRecord]] = {}


def records_for(data: IndexData) -> list[TrackRecord]:
    """The records of a loaded index (cached per version folder; extracted and saved when missing)."""
    key = str(data.path) if data.path else ""
    if key and key in _CACHE:
        return _CACHE[key]
    records = read_tracker(data.path, data) if data.path else None
    if records is None:
        try:  # cached in the version folder by the index's writer; if another process is writing, not cached now
            if not data.path:
                raise OSError("no index folder")
            with writer_lock(data.path.parent, wait=False):
                records = write_tracker(data.path, data)
        except (OSError, IndexBusy):  # a read-only index folder, or a build running: extract in memory
            records = extract_all(data.docs, data.paragraphs)
    if key:
        _CACHE[key] = records
    return records


def load_records(index_dir: Path) -> tuple[list[TrackRecord], IndexData]:
    data = load_index(Path(index_dir), with_vectors=False)
    return records_for(data), data


def org_ok(r: TrackRecord, orgs: list[str] | tuple[str, ...]) -> bool:
    meta = SimpleNamespace(org_slug=r.org_slug, organisation=r.organisation)
    return not orgs or any(org_matches(o, meta) for o in orgs)  # type: ignore[arg-type]


def select(records: list[TrackRecord], *, kinds: tuple[str, ...] | list[str] = (), orgs: list[str] | tuple[str, ...] = (),
           topic: str | None = None, since: str | None = None, until: str | None = None,
           docs: list[str] | tuple[str, ...] = ()) -> list[TrackRecord]:
    """Records passing every given filter, oldest first (then in document order)."""
    match = matcher(topic) if topic else None
    out = []
    for r in records:
        if kinds and r.kind not in kinds:
            continue
        if not org_ok(r, orgs):
            continue
        if since and (not r.date or r.date < since):
            continue
        if until and (not r.date or r.date > until):
            continue
        if docs and r.doc not in docs:
            continue
        if match and not (match(r.text) or match(r.topic or "")):
            continue
        out.append(r)
    return sorted(out, key=lambda r: r.key)


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
