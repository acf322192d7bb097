"""An organisation filter (--org) is read as a question's council names are: a council's short form selects its
documents, and a value that selects nothing says why."""

from __future__ import annotations

from assistant.query.filters import Filters
from assistant.query.orgs import resolve_orgs
from assistant.query.resolve import resolve_filters
from assistant.records import DocMeta


def meta(doc, org, slug, doc_type="ofsted-inspection", date="2022-10-01"):
    return DocMeta(doc=doc, title=doc, organisation=org, org_slug=slug, doc_type=doc_type, date=date)


DOCS = {m.doc: m for m in [
    meta("kent_2022.pdf", "Kent", "kent"),
    meta("kent-cc_cabinet.pdf", "Kent County Council", "kent-cc", "committee-report", "2025-01-30"),
    meta("hull_2024.pdf", "Kingston upon Hull", "kingston-upon-hull"),
    meta("medway_2023.pdf", "Medway", "medway"),
    meta("nhs.pdf", "NHS Kent and Medway", "nhs-kent-and-medway", "other"),
    meta("nn_2024.pdf", "North Northamptonshire", "north-northamptonshire"),
]}


def admitted(orgs: list[str]) -> list[str]:
    return sorted(d for d, m in DOCS.items() if Filters(orgs=orgs).admits(m))


def test_orgs__a_councils_short_form_selects_its_documents_as_in_a_question():
    choice = resolve_orgs(["KCC"], DOCS)
    assert choice.orgs == ["kent", "kent-cc"] and not choice.not_indexed() and not choice.not_known()
    assert admitted(choice.orgs) == ["kent-cc_cabinet.pdf", "kent_2022.pdf"]
    assert admitted(resolve_orgs(["Hull"], DOCS).orgs) == ["hull_2024.pdf"]  # an alias of Kingston upon Hull
    assert admitted(resolve_orgs(["Medway Council"], DOCS).orgs) == ["medway_2023.pdf"]  # its official name
    assert admitted(resolve_orgs(["KCC"], DOCS).orgs) == admitted(resolve_filters("What did KCC decide?", None,
                                                                                  DOCS)[0].orgs)


def test_orgs__a_full_name_selects_the_papers_filed_under_it_unless_inspections_are_searched():
    assert resolve_orgs(["Kent County Council"], DOCS).orgs == ["kent-cc"]
    assert resolve_orgs(["Kent County Council"], DOCS, inspections=True).orgs == ["kent", "kent-cc"]
    # what matched before still does: a slug, a bare name, an organisation that is not a council
    assert admitted(resolve_orgs(["kent"], DOCS).orgs) == admitted(["kent"])
    assert resolve_orgs(["kent-cc"], DOCS).orgs == ["kent-cc"]
    assert admitted(resolve_orgs(["NHS Kent and Medway"], DOCS).orgs) == ["nhs.pdf"]


def test_orgs__a_known_council_with_nothing_indexed_is_said_so_and_selects_nothing():
    choice = resolve_orgs(["Thanet District Council"], DOCS)
    assert choice.selects_nothing and admitted(choice.orgs) == []  # never every document
    assert choice.not_indexed() == ("The indexed documents don't include anything from Thanet District Council. "
                                    "Thanet District Council's area is part of Kent's, whose documents are indexed.")
    assert resolve_orgs(["Rhondda Cynon Taf"], DOCS).not_indexed() == \
        "The indexed documents don't include anything from Rhondda Cynon Taf."
    former = resolve_orgs(["Corby"], DOCS).not_indexed()
    assert former.endswith("Corby was replaced by North Northamptonshire, whose documents are indexed.")
    mixed = resolve_orgs(["medway", "Rhondda Cynon Taf"], DOCS)
    assert not mixed.selects_nothing and mixed.not_indexed() and admitted(mixed.orgs) == ["medway_2023.pdf"]


def test_orgs__a_name_no_council_goes_by_is_said_so():
    choice = resolve_orgs(["Narnia"], DOCS)
    assert choice.selects_nothing and admitted(choice.orgs) == [] and not choice.not_indexed()
    assert choice.not_known().startswith("No council or indexed organisation is called 'Narnia': check the spelling")


def test_resolve__explicit_orgs_are_resolved_and_a_council_with_nothing_indexed_is_declined():
    effective, implied = resolve_filters("What was decided about family hubs?", {"orgs": ["KCC"]}, DOCS)
    assert effective.orgs == ["kent", "kent-cc"] and not implied.unmatched
    _, implied = resolve_filters("What was decided about family hubs?", {"orgs": ["Thanet District Council"]}, DOCS)
    assert implied.unindexed == ["Thanet District Council"] and not implied.orgs and not implied.unmatched
    _, implied = resolve_filters("What was decided?", {"orgs": ["Narnia"]}, DOCS)
    assert implied.unmatched == "--org Narnia" and not implied.unindexed


def test_orgs__a_trust_that_runs_several_councils_services_selects_each_indexed_councils_documents():
    docs = dict(DOCS, wn=meta("wn_2026.pdf", "West Northamptonshire", "west-northamptonshire"))
    docs = {m.doc: m for m in docs.values()}
    choice = resolve_orgs(["Northamptonshire Children's Trust"], docs)
    assert choice.orgs == ["north-northamptonshire", "west-northamptonshire"] and not choice.not_known()
    # one council's trust is that council
    assert resolve_orgs(["Slough Children First"], DOCS).unindexed == ["Slough Children First"]


def test_orgs__a_short_name_that_begins_another_indexed_councils_name_is_said_to_be_ambiguous():
    docs = dict(DOCS, kt=meta("kingston_2025.pdf", "Kingston upon Thames", "kingston-upon-thames"))
    docs = {m.doc: m for m in docs.values()}
    choice = resolve_orgs(["Kingston"], docs)
    assert choice.not_known() == ("'Kingston' may mean Kingston upon Thames or Kingston upon Hull, whose documents "
                                  "are indexed: give the full name.")
    assert resolve_orgs(["Kingston upon Thames"], docs).orgs == ["kingston-upon-thames"]
    assert resolve_orgs(["Kingston"], DOCS).not_known() is None  # only Hull indexed: no other council it may mean
