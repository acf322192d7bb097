"""Recognise councils, years and document kinds named in a question, against what is indexed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .records import DocMeta

_SUFFIXES = re.compile(r"\s+(county council|city council|borough council|metropolitan borough council|council)$", re.I)
ALIASES = {  # common short forms people use for councils with long names
    "bournemouth-christchurch-poole": ["BCP"],
    "kent-cc": ["KCC"],
    "barking-and-dagenham": ["Barking"],
    "hammersmith-and-fulham": ["Hammersmith"],
    "kensington-and-chelsea": ["Kensington"],
}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH_YEAR = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)"
                         r"\s+(20\d\d)\b")
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
_SINCE = re.compile(r"\b(since|after)\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}?(19[89]\d|20[0-4]\d)\b", re.I)
_BEFORE = re.compile(r"\b(before|until|prior to)\s+(?:the\s+)?(?:\w+\s+){0,2}?(19[89]\d|20[0-4]\d)\b", re.I)


@dataclass
class Implied:
    orgs: list[str] = field(default_factory=list)  # org slugs named in the question
    org_names: list[str] = field(default_factory=list)  # as written
    years: list[int] = field(default_factory=list)
    since_year: int | None = None
    before_year: int | None = None
    ofsted: bool = False
    minutes: bool = False
    unindexed: list[str] = field(default_factory=list)  # councils named that have no indexed documents
    committees: list[str] = field(default_factory=list)  # committee names mentioned ("Cabinet", "County Council")
    months: list[str] = field(default_factory=list)  # "YYYY-MM" of months named with a year ("January 2025")
    after_documents: str | None = None  # a past event named after the newest document searched ("May 2025")
    no_report_year: int | None = None  # an inspection year asked about with no report of the council from then
    report_years: list[int] = field(default_factory=list)  # the years of the council's reports that are indexed

    def to_dict(self) -> dict:
        """What was recognised, as shown in an answer's "filters" (empty entries left out)."""
        shown = {"organisations": self.org_names, "years": self.years, "since_year": self.since_year,
                 "before_year": self.before_year, "not_indexed": self.unindexed, "committees": self.committees,
                 "months": self.months, "after_documents": self.after_documents,
                 "no_report_from_year": self.no_report_year}
        return {k: v for k, v in shown.items() if v}


_COMMON_WORDS = {"reading", "bury", "sutton", "halton", "rutland", "derby", "york", "wigan", "hull"}


@lru_cache(maxsize=1)
def known_councils() -> list[tuple[str, str]]:
    """(slug, name) of English councils with children's services, from the bundled list."""
    path = Path(__file__).parent / "data" / "councils.tsv"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            slug, name = line.split("\t")
            rows.append((slug, name))
    return rows


def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(name).replace(r"\ ", r"[\s-]+") + r"(?:'s|’s)?(?![\w-])", re.I)


def _mentions(pattern: re.Pattern[str], text: str, name: str) -> re.Match[str] | None:
    """A capitalised mention; a council named like a common word ("Reading") must not open the question."""
    for m in pattern.finditer(text):
        if not m.group(0)[0].isupper():
            continue
        if name.lower() in _COMMON_WORDS and not text[: m.start()].strip():
            continue
        return m
    return None


def _org_patterns(docs: dict[str, DocMeta]) -> list[tuple[str, set[str]]]:
    names: dict[str, set[str]] = {}
    for m in docs.values():
        if not m.org_slug:
            continue
        cands = {m.org_slug.replace("-", " ")}
        if m.organisation:
            cands.add(m.organisation)
            cands.add(_SUFFIXES.sub("", m.organisation))
            cands.add(m.organisation.replace(" and ", " & "))
        cands.update(ALIASES.get(m.org_slug, []))
        for c in cands:
            c = c.strip()
            if len(c) >= 3:
                names.setdefault(c.lower(), set()).add(m.org_slug)
    return sorted(names.items(), key=lambda kv: -len(kv[0]))


def implied_filters(question: str, docs: dict[str, DocMeta]) -> Implied:
    imp = Implied()
    text = question
    for name, slugs in _org_patterns(docs):
        m = _mentions(_name_pattern(name), text, name)
        if not m:
            continue
        imp.org_names.append(m.group(0).removesuffix("'s").removesuffix("’s"))
        for s in sorted(slugs):
            if s not in imp.orgs:
                imp.orgs.append(s)
        text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    indexed = {m.org_slug for m in docs.values()}
    for slug, name in sorted(known_councils(), key=lambda r: -len(r[1])):
        if slug in indexed:
            continue
        m = _mentions(_name_pattern(name), text, name)
        if m:
            imp.unindexed.append(name)
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    committees = sorted({m.committee for m in docs.values() if m.committee}, key=len, reverse=True)
    for c in committees:
        m = _name_pattern(c).search(text)
        if m and c not in imp.committees:
            imp.committees.append(c)
            text = text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    for month, year in _MONTH_YEAR.findall(question):
        imp.months.append(f"{year}-{_MONTHS.index(month[:3].lower()) + 1:02d}")
    imp.years = sorted({int(y) for y in _YEAR.findall(question)})
    if m := _SINCE.search(question):
        imp.since_year = int(m.group(2))
    if m := _BEFORE.search(question):
        imp.before_year = int(m.group(2))
    lower = question.lower()
    imp.ofsted = "ofsted" in lower or "inspect" in lower
    imp.minutes = "minutes" in lower or "meeting" in lower or "vote" in lower
    return imp
