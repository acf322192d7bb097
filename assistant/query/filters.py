"""Search filters (organisation, type, committee, dates, documents) and which documents they admit."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ..records import DOC_TYPES, DocMeta

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATES_REVERSED = "The {since} is after the {until}: swap them."


class DatesReversed(ValueError):
    """A from date after the to date. Its message names the command line's flags; ``worded`` names the dates as
    another surface shows them (the app's "From date" and "To date" boxes), from the same message."""

    def __init__(self, since: str, until: str) -> None:
        self.since, self.until = since, until
        super().__init__(self.worded(f"from date (--since {since})", f"to date (--until {until})"))

    @staticmethod
    def worded(since: str, until: str) -> str:
        """The message, ``since`` and ``until`` naming the two dates: "From date (01/01/2023)"."""
        return DATES_REVERSED.format(since=since, until=until)


def _is_date(value: str) -> bool:
    """A real calendar date written YYYY-MM-DD (2019-13-45 is not)."""
    if not isinstance(value, str) or not _DATE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=4096)
def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", s.lower()).strip()


@dataclass
class Filters:
    orgs: list[str] = field(default_factory=list)  # slugs or names, matched loosely ("medway", "Kent")
    doc_types: list[str] = field(default_factory=list)
    committees: list[str] = field(default_factory=list)
    since: str | None = None  # YYYY-MM-DD inclusive
    until: str | None = None
    docs: list[str] = field(default_factory=list)  # file names
    # file names left out: papers of another reporting period than the one asked about (query/resolve.py sets it;
    # never a user's filter, so not described as one)
    not_docs: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        for t in self.doc_types:
            if t not in DOC_TYPES:
                raise ValueError(f"Unknown document type {t!r}: choose from {', '.join(DOC_TYPES)}.")
        for name, value in (("since", self.since), ("until", self.until)):
            if value is not None and not _is_date(value):
                raise ValueError(f"--{name} must be a date like 2019-01-01, not {value!r}.")
        if self.since and self.until and self.since > self.until:
            raise DatesReversed(self.since, self.until)

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Filters:
        if not d:
            return cls()
        if isinstance(d, Filters):
            return d
        def as_list(v: Any) -> list[str]:
            if v is None:
                return []
            return [v] if isinstance(v, str) else list(v)
        return cls(
            orgs=as_list(d.get("orgs", d.get("org", d.get("organisation")))),
            doc_types=as_list(d.get("doc_types", d.get("doc_type", d.get("type")))),
            committees=as_list(d.get("committees", d.get("committee"))),
            since=d.get("since"), until=d.get("until"),
            docs=as_list(d.get("docs", d.get("doc"))),
        )

    def is_empty(self) -> bool:
        return not (self.orgs or self.doc_types or self.committees or self.since or self.until or self.docs
                    or self.not_docs)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in asdict(self).items() if v}

    def describe(self) -> str:
        """The filters as a user set them: "--org atlantis, --doc no-such.pdf"."""
        options = {"orgs": "org", "doc_types": "type", "committees": "committee", "docs": "doc"}
        parts = [f"--{options[k]} {v}" for k, vs in asdict(self).items() if k in options for v in vs]
        return ", ".join(parts + [f"--{k} {v}" for k, v in (("since", self.since), ("until", self.until)) if v])

    def nothing_admitted(self, docs: Iterable[DocMeta]) -> str | None:
        """One line saying that no indexed document passes these filters, naming the committees indexed when a
        committee set matches none of them ("--committee Cabinett"); None when some document passes."""
        docs = list(docs)
        if self.is_empty() or any(self.admits(m) for m in docs):
            return None
        line = f"No indexed document matches the filters set ({self.describe()})"
        known = sorted({m.committee for m in docs if m.committee})
        if self.committees and known and not any(_norm(c) in _norm(k) for c in self.committees for k in known):
            return f"{line}: the committees indexed are {', '.join(known)}."
        return f"{line}: check them against `python -m assistant docs`."

    def unknown_names(self, docs: Iterable[DocMeta]) -> str | None:
        """One line naming a --doc or --committee that no indexed document has (a mistyped name, which the command
        line takes for bad usage, as it does a council no one is called); None when each names something indexed."""
        docs = list(docs)
        for d in self.docs:
            if d and not any(m.doc == d or d in m.doc for m in docs):
                return f"--doc {d}: no indexed document is called that; `python -m assistant docs` lists them."
        known = sorted({m.committee for m in docs if m.committee})
        for c in self.committees:
            if not any(_norm(c) in _norm(k) for k in known):
                listed = f"the committees indexed are {', '.join(known)}" if known else "no indexed paper names one"
                return f"--committee {c}: no indexed paper is of that committee; {listed}."
        return None

    def admits(self, m: DocMeta) -> bool:
        if self.orgs and not any(org_matches(o, m) for o in self.orgs):
            return False
        if self.doc_types and m.doc_type not in self.doc_types:
            return False
        if self.committees and not any(_norm(c) in _norm(m.committee or "") for c in self.committees):
            return False
        if self.since and (not m.date or m.date < self.since):
            return False
        if self.until and (not m.date or m.date > self.until):
            return False
        if self.docs and m.doc not in self.docs and not any(d and d in m.doc for d in self.docs):
            return False
        return m.doc not in self.not_docs


def org_matches(query: str, m: DocMeta) -> bool:
    """Whether ``m`` is of the organisation ``query`` names: its slug or name, or their first words ("kent" finds
    "kent-cc" and "Kent County Council"), never a longer word ("Nottingham" is not Nottinghamshire, nor Derby
    Derbyshire)."""
    q = _norm(query)
    if not q:
        return True
    slug = _norm(m.org_slug or "")
    name = _norm(m.organisation or "")
    return q in (slug, name) or slug.startswith(q + " ") or name.startswith(q + " ")
