"""Metadata given rather than guessed: a ``manifest.csv`` row and a ``<file>.meta.json`` sidecar, validated with
one-line errors that name the bad value."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from ...records import DOC_TYPE_LABELS, DOC_TYPES
from .file_name import _valid_date, org_slug_for

OVERRIDE_FIELDS = ("title", "organisation", "org_slug", "doc_type", "committee", "date")
# A document's place in a council's committee system (written by `fetch moderngov` sidecars; optional)
MEETING_FIELDS = ("committee_id", "meeting_id", "meeting_status", "agenda_item", "agenda_title", "is_decision",
                  "attachment_id", "source_url", "published")
SIDECAR_FIELDS = OVERRIDE_FIELDS + MEETING_FIELDS


def load_overrides(path: Path, manifest: dict[str, dict] | None) -> dict:
    """The manifest row for ``path`` updated by its sidecar ``<file>.meta.json``; validated, empty when none."""
    path = Path(path)
    out: dict[str, Any] = {}
    if manifest and path.name in manifest:
        row = {k: v for k, v in manifest[path.name].items() if k in SIDECAR_FIELDS and v not in (None, "")}
        out.update(_validated(row, f"manifest row for {path.name}"))
    sidecar = path.with_name(path.name + ".meta.json")
    if sidecar.is_file():
        try:
            data = json.loads(sidecar.read_text(encoding="utf-8-sig"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ValueError(f"{sidecar.name}: not valid JSON ({reason})") from exc
        if not isinstance(data, dict):
            raise ValueError(f"{sidecar.name}: expected a JSON object of fields ({', '.join(OVERRIDE_FIELDS)})")
        side = {k: v for k, v in data.items() if k in SIDECAR_FIELDS}
        validated = _validated(side, sidecar.name)
        if "organisation" in side and "org_slug" not in side:  # the manifest's slug belonged to its organisation
            out.pop("org_slug", None)
        out.update(validated)
    return out


def read_manifest(csv_path: Path) -> dict[str, dict]:
    """Rows of a CSV manifest keyed by file name (column ``file``; any of title, organisation, org_slug,
    doc_type, committee, date); blank cells are left out."""
    csv_path = Path(csv_path)
    with csv_path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh)
        fieldnames = [(f or "").strip().lower() for f in reader.fieldnames or []]
        if "file" not in fieldnames:
            raise ValueError(f"{csv_path.name}: no 'file' column (columns: file, {', '.join(OVERRIDE_FIELDS)})")
        out: dict[str, dict] = {}
        for raw in reader:
            row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None}
            file = row.pop("file", "")
            if file:
                out[Path(file.replace("\\", "/")).name] = {k: v for k, v in row.items() if v}
    return out


def _validated(fields: dict, source: str) -> dict:
    out: dict[str, Any] = {}
    for key, value in fields.items():
        if key not in SIDECAR_FIELDS:
            continue
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            if key in ("organisation", "org_slug", "committee", "date") or key in MEETING_FIELDS:
                out[key] = None  # an explicit null clears a derived value
            continue
        if key == "is_decision":
            out[key] = _bool_value(value, source)
            continue
        value = str(value)
        if key == "doc_type":
            value = _doc_type_value(value, source)
        elif key in ("date", "published") and not _valid_date(value):
            raise ValueError(f"{source}: invalid {key} '{value}' (use YYYY-MM-DD, e.g. 2025-01-30)")
        out[key] = value
    if out.get("organisation") and "org_slug" not in out:
        out["org_slug"] = org_slug_for(out["organisation"])
    return out


def _bool_value(value: Any, source: str) -> bool:
    if isinstance(value, bool):
        return value
    low = str(value).strip().lower()
    if low in ("true", "yes", "1"):
        return True
    if low in ("false", "no", "0"):
        return False
    raise ValueError(f"{source}: invalid is_decision '{value}' (use true or false)")


def _doc_type_value(value: str, source: str) -> str:
    low = value.lower()
    for key, label in DOC_TYPE_LABELS.items():
        if low in (key, label.lower()):
            return key
    raise ValueError(f"{source}: invalid doc_type '{value}' (valid choices: {', '.join(DOC_TYPES)})")
