"""Follow-up questions: carry the council, year and document of the previous turn into the next search, visibly.

"What did Ofsted say about caseloads in Medway in 2019?" then "and what about in 2023?" is searched as Medway, 2023;
"what did they say about step-down there?" keeps Medway and 2019. A council or year named in the follow-up replaces
the carried one; filters chosen in the sidebar always win over carried context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..records import Answer

_LEADS = re.compile(r"^\s*(and|but|also|so|then|what about|how about|what else)\b", re.IGNORECASE)
_POINTERS = re.compile(r"\b(there|they|them|their|theirs|its|it|same|those|these|that one|then)\b", re.IGNORECASE)
_THAT_DOC = re.compile(r"\b(that|the|this|same)\s+(report|inspection|document|paper|visit)\b", re.IGNORECASE)


@dataclass
class Context:
    """The council(s), year(s) and document(s) a turn was about."""

    orgs: list[str] = field(default_factory=list)  # slugs, e.g. "medway"
    org_names: list[str] = field(default_factory=list)  # display names, e.g. "Medway"
    years: list[int] = field(default_factory=list)
    docs: list[str] = field(default_factory=list)  # file names (carried only when the question points at "that report")
    doc_titles: list[str] = field(default_factory=list)
    cited_docs: list[tuple[str, str]] = field(default_factory=list)  # (file, title) the answer cited

    def label(self) -> str:
        """'Medway, 2019' or 'Medway; Inspection of Medway children's services; 2019'."""
        parts = [", ".join(self.org_names)] if self.org_names else []
        parts += ["; ".join(self.doc_titles)] if self.doc_titles else []
        if self.years:
            parts.append(_years_label(self.years))
        return ", ".join(p for p in parts if p)

    def is_empty(self) -> bool:
        return not (self.orgs or self.years or self.docs)


@dataclass
class Understood:
    """How a question will be searched: the filters for Assistant.ask and, for follow-ups, a line saying so."""

    question: str
    filters: dict[str, Any]
    context: Context
    follow_up: bool = False
    carried: list[str] = field(default_factory=list)  # which of "organisation", "year", "document" were carried

    @property
    def note(self) -> str | None:
        """'Understood as: and what about in 2023? (Medway, 2023)' when earlier context shaped the search."""
        if not self.carried:
            return None
        return f"Understood as: {self.question} ({self.context.label()})"


def is_follow_up(question: str) -> bool:
    """Does the question lean on the previous one ("and in 2023?", "what did they say there?")?"""
    return bool(_LEADS.search(question) or _POINTERS.search(question) or _THAT_DOC.search(question))


def _years_label(years: list[int]) -> str:
    years = sorted(years)
    return str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"


def understand(question: str, previous: Context | None, sidebar: dict[str, Any] | None, *,
               named_orgs: list[str], named_org_names: list[str], named_years: list[int]) -> Understood:
    """Filters for ``question`` given the previous turn's context and the sidebar filters.

    ``named_*`` are the councils and years the question itself names (from Assistant.resolve_filters).
    """
    filters = dict(sidebar or {})
    ctx = Context(orgs=list(named_orgs), org_names=list(named_org_names), years=sorted(set(named_years)))
    if previous is None or not is_follow_up(question):
        return Understood(question, filters, ctx, follow_up=False)
    carried: list[str] = []
    if not named_orgs and previous.orgs and not filters.get("orgs") and not filters.get("docs"):
        ctx.orgs, ctx.org_names = list(previous.orgs), list(previous.org_names)
        filters["orgs"] = list(previous.orgs)
        carried.append("organisation")
    if not named_years and previous.years and not (filters.get("since") or filters.get("until")):
        ctx.years = list(previous.years)
        carried.append("year")
    if ctx.years and not (filters.get("since") or filters.get("until")):
        filters["since"], filters["until"] = f"{min(ctx.years)}-01-01", f"{max(ctx.years)}-12-31"
        if named_years:
            carried.append("year")  # a year named in a follow-up replaces the carried one, as a date filter
    if _THAT_DOC.search(question) and not filters.get("docs"):
        docs = previous.docs or ([previous.cited_docs[0][0]] if len(previous.cited_docs) == 1 else [])
        titles = previous.doc_titles or ([previous.cited_docs[0][1]] if len(previous.cited_docs) == 1 else [])
        if docs:
            ctx.docs, ctx.doc_titles = list(docs), list(titles)
            filters["docs"] = list(docs)
            carried.append("document")
    return Understood(question, filters, ctx, follow_up=True, carried=carried)


def context_after(understood: Understood, answer: Answer) -> Context:
    """The context the next question inherits: what this one named or carried, else what its answer cited."""
    ctx = Context(orgs=list(understood.context.orgs), org_names=list(understood.context.org_names),
                  years=list(understood.context.years), docs=list(understood.context.docs),
                  doc_titles=list(understood.context.doc_titles))
    cites = [] if answer.abstained else answer.citations
    if cites:
        orgs = {(c.organisation or "") for c in cites}
        if not ctx.orgs and len(orgs) == 1 and "" not in orgs:
            slugs = {_slug_of(answer, c.doc) for c in cites}
            if len(slugs) == 1 and None not in slugs:
                ctx.orgs, ctx.org_names = [slugs.pop()], [orgs.pop()]
        years = {c.date[:4] for c in cites if c.date}
        if not ctx.years and len(years) == 1 and all(c.date for c in cites):
            ctx.years = [int(years.pop())]
        seen: dict[str, str] = {}
        for c in cites:
            seen.setdefault(c.doc, c.title)
        ctx.cited_docs = list(seen.items())
    return ctx


def _slug_of(answer: Answer, doc: str) -> str | None:
    for h in answer.hits:
        if h.paragraph.doc == doc:
            return h.meta.org_slug
    return None
