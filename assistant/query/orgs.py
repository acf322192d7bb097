"""An organisation filter (``--org``, ``filters={"orgs": …}``) resolved against the council list and what is indexed,
as a question's council names are (``implied.py``): a council's short form or alias ("KCC", "Hull") selects its
documents, and a value that selects nothing says why (a known council with nothing indexed, or no such council).

A value selects, in this order: the filed organisations of the indexed council it names (its full name with a
suffix spelled, "Kent County Council", only the papers filed under that name, as in a question, unless the search
is about inspections, which are filed under the council's bare name); else the indexed documents it matches as
written (``filters.org_matches``: a slug, a name or their first words, for organisations that are not councils);
else nothing, and it is reported: a known council with nothing indexed, or a name no council goes by.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from .. import councils
from ..records import DocMeta
from .filters import org_matches
from .implied import indexed_organisations


@dataclass
class OrgChoice:
    """The organisation filter values resolved: ``orgs`` to filter on (a value that selects nothing stays as given,
    so it still selects nothing, never everything), and the values that select nothing."""

    orgs: list[str] = field(default_factory=list)
    unindexed: list[str] = field(default_factory=list)  # known councils with nothing indexed, as written
    successors: dict[str, list[str]] = field(default_factory=dict)  # a former council among them -> indexed successors
    within: dict[str, str] = field(default_factory=dict)  # a district among them -> its county, when that is indexed
    unknown: list[str] = field(default_factory=list)  # names of no known council that match no indexed document
    # a short name that begins another indexed council's name too ("Kingston": Kingston upon Thames's short form, and
    # Kingston upon Hull) -> the councils it may mean
    ambiguous: dict[str, list[str]] = field(default_factory=dict)

    @property
    def selects_nothing(self) -> bool:
        """Every value given selects nothing."""
        return bool(self.orgs) and len(self.unindexed) + len(self.unknown) == len(self.orgs)

    def not_indexed(self) -> str | None:
        """One line for the known councils with nothing indexed, or None."""
        if not self.unindexed:
            return None
        after = "".join(f" {name} was replaced by {' and '.join(took)}, whose documents are indexed."
                        for name, took in self.successors.items())
        after += "".join(f" {name}'s area is part of {county}'s, whose documents are indexed."
                         for name, county in self.within.items())
        return f"The indexed documents don't include anything from {' or '.join(self.unindexed)}." + after

    def not_known(self) -> str | None:
        """One line for the names that no council goes by and no indexed document matches, or that may mean more
        than one indexed council, or None."""
        if self.ambiguous:
            value, names = next(iter(self.ambiguous.items()))
            return f"{value!r} may mean {' or '.join(names)}, whose documents are indexed: give the full name."
        if not self.unknown:
            return None
        names = " or ".join(repr(name) for name in self.unknown)
        return (f"No council or indexed organisation is called {names}: check the spelling (a council's name or short "
                "form, e.g. medway, 'Kent County Council' or KCC).")


def resolve_orgs(values: Iterable[str], docs: Mapping[str, DocMeta], *, inspections: bool = False) -> OrgChoice:
    """``values`` (organisation filter values as typed) resolved against the indexed ``docs``. ``inspections``: the
    search is of Ofsted reports, which are the council's whatever its name is written as."""
    by_council, _ = indexed_organisations(dict(docs))
    choice = OrgChoice()
    for value in values:
        value = " ".join((value or "").split())
        if not value:
            continue
        named = councils.resolve_all(value)
        if len(named) > 1 and any(c.slug in by_council for c in named):  # a trust several councils share: each
            choice.orgs.extend(s for c in named if c.slug in by_council for s in sorted(by_council[c.slug])
                               if s not in choice.orgs)
            continue
        council = councils.resolve(value) or councils.by_slug(value)
        if council is not None and council.slug in by_council and (also := _also_named(value, council, by_council)):
            choice.orgs.append(value)
            choice.ambiguous[value] = [council.name, *also]
            continue
        if council is not None and council.slug in by_council:
            filed = by_council[council.slug]
            spelled = councils.slug_for(value)  # "Kent County Council": its papers, filed as kent-cc
            slugs = [spelled] if spelled != council.slug and spelled in filed and not inspections else sorted(filed)
            choice.orgs.extend(s for s in slugs if s not in choice.orgs)
            continue
        choice.orgs.append(value)
        if any(org_matches(value, m) for m in docs.values()):
            continue  # an indexed organisation that is not a council, or the first words of one's name
        if council is not None:
            choice.unindexed.append(value)
            took = [councils.display_name(s) or s for s in council.successors if s in by_council]
            if council.former and took:
                choice.successors[value] = took
            elif council.county in by_council:  # "Thanet": a district of Kent, which runs its children's services
                choice.within[value] = councils.display_name(council.county) or council.county
        else:
            choice.unknown.append(value)
    return choice


def _also_named(value: str, council: councils.Council, by_council: Mapping[str, object]) -> list[str]:
    """The other indexed councils whose names begin with ``value``, a short form of ``council``'s ("Kingston", which
    Kingston upon Thames goes by, begins Kingston upon Hull's name); none when ``value`` is a full name."""
    k = councils.key(value)
    if any(councils.key(name) == k for name in (council.name, council.official_name)):
        return []
    return sorted(c.name for c in councils.all_councils() if c.slug in by_council and c.slug != council.slug
                  and not c.former and councils.key(c.name).startswith(k + " "))
