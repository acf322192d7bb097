"""Topic tags and topic matching: a small lexicon of scrutiny topics, plus loose word matching for anything else."""

from __future__ import annotations

import re

# label -> pattern (case-insensitive); the first label is the main one when several match
TOPICS: dict[str, str] = {
    "step-down": r"\bstep(?:s|ped|ping)?[\s-]+(?:\w+[\s-]+){0,3}?down\b|\bstep-?down\b",
    "caseloads": r"\bcase\s?loads?\b|\bworkloads?\b",
    "recruitment and retention": r"\brecruit\w*|\bretention\b|\bvacanc\w+|\bagency (?:staff|social workers|managers)\b",
    "workforce and staffing": r"\bworkforce\b|\bstaffing\b|\bsocial work posts\b|\bcapacity\b",
    "early help": r"\bearly help\b",
    "management oversight": r"\bmanagement oversight\b|\bsupervision\b|\boversight\b",
    "quality assurance and audit": r"\bquality assurance\b|\baudits?\b",
    "assessment and planning": r"\bassessments?\b|\bplans?\b|\bplanning\b",
    "thresholds and front door": r"\bthresholds?\b|\bMASH\b|\bfront door\b|\bsingle point of access\b|\breferrals?\b",
    "exploitation and missing": r"\bexploitation\b|\bgo(?:es)? missing\b|\bmissing (?:from|episode|incidents)\b",
    "neglect and domestic abuse": r"\bneglect\b|\bdomestic abuse\b",
    "permanence": r"\bpermanen\w+|\badopt\w+|\bspecial guardianship\b",
    "care leavers": r"\bcare leavers?\b|\bleaving care\b|\bpathway plans?\b",
    "children in care": r"\bchildren in care\b|\blooked after\b|\bfoster\w*\b|\bplacements?\b|\bcorporate parent\w*",
    "health": r"\bhealth\b|\bCAMHS\b",
    "education": r"\beducation\b|\bvirtual school\b|\bschools?\b|\bSEND\b|\bEHCP?s?\b",
    "transitions": r"\btransitions?\b|\badulthood\b",
    "disabled children": r"\bdisab\w+",
    "leadership and governance": r"\bleaders(?:hip)?\b|\bgovernance\b|\bimprovement (?:board|plan)\b|\bcommissioner\b",
    "finance": r"\bbudgets?\b|\bfinancial\b|\bfunding\b|£",
    "covid": r"\bcovid\b|\bcoronavirus\b|\bpandemic\b",
}
_COMPILED = {k: re.compile(v, re.IGNORECASE) for k, v in TOPICS.items()}
ALIASES = {
    "stepdown": "step-down", "step down": "step-down", "stepping down": "step-down",
    "caseload": "caseloads", "workload": "caseloads", "workloads": "caseloads",
    "recruitment": "recruitment and retention", "retention": "recruitment and retention",
    "vacancies": "recruitment and retention", "staffing": "workforce and staffing", "workforce": "workforce and staffing",
    "oversight": "management oversight", "supervision": "management oversight",
    "audit": "quality assurance and audit", "quality assurance": "quality assurance and audit",
    "exploitation": "exploitation and missing", "missing": "exploitation and missing",
    "neglect": "neglect and domestic abuse", "domestic abuse": "neglect and domestic abuse",
    "adoption": "permanence", "leaving care": "care leavers", "care leaver": "care leavers",
    "looked after children": "children in care", "foster care": "children in care",
    "budget": "finance", "money": "finance", "leadership": "leadership and governance",
    "governance": "leadership and governance", "thresholds": "thresholds and front door", "mash": "thresholds and front door",
}
_STOP = {"the", "and", "of", "to", "in", "for", "on", "a", "an", "about", "with", "by", "at", "or"}


def tag(text: str, limit: int = 3) -> str | None:
    """The topics a text is about, most specific first ('step-down, early help'), or None."""
    found = [k for k, rx in _COMPILED.items() if rx.search(text)]
    return ", ".join(found[:limit]) if found else None


def _canonical(topic: str) -> str | None:
    t = re.sub(r"\s+", " ", topic.lower().strip().replace("-", " ")).strip()
    for key in TOPICS:
        if t == key.replace("-", " "):
            return key
    return ALIASES.get(t) or ALIASES.get(topic.lower().strip())


def _stems(topic: str) -> list[str]:
    return [w[:5] for w in re.findall(r"[a-z0-9]+", topic.lower()) if w not in _STOP]


def blank(topic: str) -> bool:
    """Whether TOPIC gives nothing to match ("", "  ", "???", "the"): its matcher would take every text."""
    return not _canonical(topic) and not _stems(topic)


def matcher(topic: str):
    """A predicate text -> bool for TOPIC: the lexicon pattern when the topic is known, else all its word stems."""
    key = _canonical(topic)
    if key:
        rx = _COMPILED[key]
        return lambda text: bool(rx.search(text or ""))
    stems = _stems(topic)
    if not stems:
        return lambda text: True
    pats = [re.compile(rf"\b{re.escape(s)}", re.IGNORECASE) for s in stems]
    return lambda text: all(p.search(text or "") for p in pats)


_MINUTE_LABEL = re.compile(r"^\s*\d+[.)]?\s+|\(Item \d+\)\s*$", re.IGNORECASE)


def heading_matcher(topic: str):
    """A predicate heading -> bool for TOPIC: whether a heading is about it, matching it with the topic's words at
    least half of the heading's own ("306. Governance Updates (Item 15)" is about governance; "291. Capital Programme
    … and Revenue Budget … (including Council Tax Setting …)" covers council tax among much else, so not every clause
    under it is)."""
    match, stems = matcher(topic), set(_stems(topic))

    def about(heading: str | None) -> bool:
        if not heading or not match(heading):
            return False
        words = [w for w in re.findall(r"[a-z]+", _MINUTE_LABEL.sub(" ", heading).lower()) if w not in _STOP]
        return bool(words) and sum(w[:5] in stems for w in words) >= len(words) / 2
    return about
