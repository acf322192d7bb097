"""The state file in the destination folder: what was fetched from which site, so that a rerun asks only for
new or changed documents (attachment id with its size, ETag, Last-Modified and content hash)."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .save import write_json

STATE_NAME = ".moderngov-state.json"
STATE_VERSION = 1


@dataclass
class Entry:
    """One saved document: a linked paper (key ``a<attachment id>``) or an agenda item's minutes or decision text
    (key ``m<meeting>-i<item>-minutes`` / ``-decision``)."""

    file: str  # path relative to the destination folder
    meeting_id: str
    url: str | None = None
    size: int | None = None
    sha256: str = ""
    etag: str | None = None
    last_modified: str | None = None
    published: str | None = None
    fetched_at: str = ""

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entry:
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__ if k in d})


@dataclass
class State:
    site: str = ""
    documents: dict[str, Entry] = field(default_factory=dict)
    meetings: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> {date, status, committee_id}
    last_run: str = ""

    @classmethod
    def load(cls, folder: Path) -> State:
        path = folder / STATE_NAME
        if not path.is_file():
            return cls()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            docs = {k: Entry.from_dict(v) for k, v in data.get("documents", {}).items()}
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, TypeError, AttributeError) as exc:
            raise ValueError(f"{path}: the fetch state file is damaged ({type(exc).__name__}); move it away to "
                             "fetch everything again (documents already saved are kept)") from exc
        return cls(site=data.get("site", ""), documents=docs, meetings=data.get("meetings", {}),
                   last_run=data.get("last_run", ""))

    def save(self, folder: Path) -> None:
        write_json(folder / STATE_NAME, {
            "version": STATE_VERSION, "site": self.site, "last_run": self.last_run,
            "meetings": self.meetings,
            "documents": {k: {f: v for f, v in asdict(e).items() if v not in (None, "")}
                          for k, e in sorted(self.documents.items())},
        })


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
