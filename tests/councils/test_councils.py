"""Council identity: every UK council from the one data file, found by any of its names, slugs and in text."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant import councils
from assistant.councils.data import key, sharing

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


def _slug(name: str) -> str | None:
    c = councils.resolve(name)
    return c.slug if c else None


# ---------------------------------------------------------------- data integrity


def test_data__slugs_are_unique_and_every_name_and_alias_resolves_to_its_own_council() -> None:
    rows = councils.all_councils()
    assert not [s for s, n in Counter(c.slug for c in rows).items() if n > 1]
    owners: dict[str, set[str]] = {}
    for c in rows:
        for name in c.names:
            owners.setdefault(key(name), set()).add(c.slug)
    # a name on several rows is a trust's that runs those councils' children's services, each a current council
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert shared == {k: {c.slug for c in cs} for k, cs in sharing().items()}
    assert set(shared) == {"achieving for children", "northamptonshire childrens trust"}
    for c in rows:
        for name in c.names:
            assert councils.resolve(name) is c or key(name) in shared, name


def test_data__current_councils_per_nation_match_the_official_counts() -> None:
    current = Counter(c.nation for c in councils.all_councils() if not c.former)
    assert current == {"England": 317, "Wales": 22, "Scotland": 32, "Northern Ireland": 11}
    english = Counter(c.type for c in councils.all_councils() if c.nation == "England" and not c.former)
    assert english == {"county": 21, "unitary": 62, "metropolitan borough": 36, "London borough": 32,
                       "district": 164, "sui generis": 2}


def test_data__childrens_services_are_upper_tier_in_england_all_councils_in_wales_and_scotland_none_in_ni() -> None:
    current = [c for c in councils.all_councils() if not c.former]
    assert sum(c.childrens_services for c in current if c.nation == "England") == 153  # DfE's list
    assert all(c.childrens_services for c in current if c.nation in ("Wales", "Scotland"))
    assert not any(c.childrens_services for c in current if c.nation == "Northern Ireland")
    assert not any(c.childrens_services for c in current if c.type == "district")


def test_data__former_councils_name_current_successors() -> None:
    former = [c for c in councils.all_councils() if c.former]
    assert len(former) >= 40
    for c in former:
        assert c.successors, c.slug
        for s in c.successors:
            assert councils.by_slug(s) is not None, (c.slug, s)
    assert set(councils.by_slug("cumbria").successors) == {"cumberland", "westmorland-and-furness"}
    assert councils.by_slug("harrogate").successors == ("north-yorkshire",)


def test_data__every_current_english_district_lies_in_one_county_and_only_districts_do() -> None:
    current = [c for c in councils.all_councils() if not c.former]
    districts = [c for c in current if c.type == "district"]
    counties = {c.slug for c in current if c.type == "county"}
    assert len(districts) == 164 and len(counties) == 21  # ONS, April 2023: 164 districts in 21 counties
    assert {c.county for c in districts} == counties
    assert all(c.county is None for c in councils.all_councils() if c.type != "district")
    assert councils.by_slug("thanet").county == "kent" and councils.by_slug("charnwood").county == "leicestershire"


def test_covering__a_districts_county_and_a_former_councils_successors() -> None:
    assert councils.covering(councils.by_slug("thanet")) == ("kent",)
    assert councils.covering(councils.by_slug("corby")) == ("north-northamptonshire",)
    assert councils.covering(councils.by_slug("cardiff")) == ()


@pytest.mark.parametrize("written, council", [("Thanet District Council", True), ("Royal Borough of Greenwich", True),
                                              ("Nottingham City Council", True), ("Thanet", False), ("Corby", False)])
def test_names_the_council__the_council_itself_or_only_its_place(written: str, council: bool) -> None:
    assert councils.names_the_council(written) is council


def test_data__every_corpus_file_name_slug_is_a_council() -> None:
    if not CORPUS.is_dir():
        pytest.skip("shared corpus not available")
    slugs = {p.name.split("_")[0] for p in (CORPUS / "ofsted").glob("*.pdf")}
    slugs |= {p.name.split("_")[0] for p in (CORPUS / "committee").iterdir()}
    assert slugs and {s for s in slugs if councils.by_slug(s) is None} == set()


# ---------------------------------------------------------------- resolve


@pytest.mark.parametrize(("name", "slug"), [
    ("Kent County Council", "kent"), ("KCC", "kent"), ("kent", "kent"),
    ("London Borough of Barking and Dagenham", "barking-and-dagenham"), ("Barking", "barking-and-dagenham"),
    ("Royal Borough of Kensington and Chelsea", "kensington-and-chelsea"), ("RBKC", "kensington-and-chelsea"),
    ("Royal Borough of Kingston upon Thames", "kingston-upon-thames"),
    ("Hull City Council", "kingston-upon-hull"), ("Hull", "kingston-upon-hull"),
    ("Brighton & Hove City Council", "brighton-and-hove"), ("Brighton", "brighton-and-hove"),
    ("BCP Council", "bournemouth-christchurch-poole"), ("Telford & Wrekin", "telford-wrekin"),
    ("City of York Council", "york"), ("City of London", "london-corporation"),
    ("stoke on trent", "stoke-on-trent"), ("Saint Helens", "st-helens"), ("St. Helens Council", "st-helens"),
    ("Kings Lynn and West Norfolk", "kings-lynn-and-west-norfolk"),
    ("Tower Hamlets Council", "tower-hamlets"), ("The Highland Council", "highland"),
    # Wales: English and Welsh names
    ("Wrexham County Borough Council", "wrexham"), ("Cyngor Bwrdeistref Sirol Wrecsam", "wrexham"),
    ("Ynys Môn", "isle-of-anglesey"), ("Ynys Mon", "isle-of-anglesey"), ("Cyngor Sir Ddinbych", "denbighshire"),
    ("City and County of Swansea", "swansea"), ("RCT", "rhondda-cynon-taf"),
    # Scotland: English and Gaelic names
    ("Comhairle nan Eilean Siar", "na-h-eileanan-siar"), ("Western Isles", "na-h-eileanan-siar"),
    ("City of Edinburgh Council", "edinburgh"), ("Glasgow City Council", "glasgow"),
    # Northern Ireland
    ("Derry City and Strabane District Council", "derry-city-and-strabane"), ("Belfast City Council", "belfast"),
    ("Newry Mourne and Down", "newry-mourne-and-down"),
    # former councils and former names
    ("Northamptonshire County Council", "northamptonshire"), ("Somerset County Council", "somerset"),
    ("North Yorkshire County Council", "north-yorkshire"), ("Aylesbury Vale District Council", "aylesbury-vale"),
    ("Shepway", "folkestone-and-hythe"), ("Borough of Poole", "poole"), ("Suffolk Coastal", "suffolk-coastal"),
])
def test_resolve__official_names_aliases_affixes_and_former_names(name: str, slug: str) -> None:
    assert _slug(name) == slug


@pytest.mark.parametrize("name", ["London", "Council", "County Council", "Ofsted", "Children's services", "", "Newtown"])
def test_resolve__is_none_for_names_that_are_not_a_council(name: str) -> None:
    assert councils.resolve(name) is None


def test_slugs__suffixed_corpus_slugs_keep_their_form_and_find_their_council() -> None:
    assert councils.slug_for("Kent County Council") == "kent-cc"
    assert councils.slug_for("Surrey County Council") == "surrey-cc"
    assert councils.slug_for("Medway") == "medway"
    assert councils.slug_for("Brighton & Hove") == "brighton-and-hove"
    assert councils.slug_for("Little Snoring Parish Council") == "little-snoring-parish-council"
    assert councils.by_slug("kent-cc") is councils.by_slug("kent")
    assert councils.display_name("kent-cc") == "Kent County Council"
    assert councils.display_name("telford-wrekin") == "Telford and Wrekin"
    assert councils.display_name("no-such-place") is None


# ---------------------------------------------------------------- find_mentions


def _found(text: str) -> list[tuple[str, str]]:
    return [(c.slug, written) for c, written, _, _ in councils.find_mentions(text)]


def test_mentions__longest_name_first_with_affixes_and_possessives() -> None:
    assert _found("How many hubs has North East Lincolnshire kept?") == [
        ("north-east-lincolnshire", "North East Lincolnshire")]
    assert _found("In Kent's 2013 inspection and the London Borough of Camden's?") == [
        ("kent", "Kent"), ("camden", "London Borough of Camden")]
    assert _found("Compare Stockton-on-Tees with Kingston upon Hull") == [
        ("stockton-on-tees", "Stockton-on-Tees"), ("kingston-upon-hull", "Kingston upon Hull")]
    text = "Did Wrexham and Na h-Eileanan Siar report?"
    (c, written, start, end), _ = councils.find_mentions(text)
    assert (c.slug, written, text[start:end]) == ("wrexham", "Wrexham", "Wrexham")


def test_mentions__common_word_names_need_a_capital_and_not_the_start_of_a_sentence() -> None:
    assert _found("Reading the 2019 report, what changed?") == []
    assert _found("What did Ofsted find in Reading?") == [("reading", "Reading")]
    assert _found("Reading Borough Council: what changed?") == [("reading", "Reading Borough Council")]
    assert _found("Bury. Then Halton?") == [("halton", "Halton")]
    assert _found("what did inspectors say about reading and writing in bury") == []
    assert _found("Hull. What about Derby?") == [("derby", "Derby")]


def test_mentions__lower_case_words_are_not_councils() -> None:
    assert _found("what did kent inspectors say about the new forest school") == []
    assert _found("What did inspectors say about step-down?") == []


def test_mentions__a_name_after_a_persons_title_is_a_person() -> None:
    assert _found("What did Cllr Sutton and Mr Bradford say about Sutton?") == [("sutton", "Sutton")]


def test_mentions__a_countys_customary_abbreviation_names_it_but_a_possessive_does_not() -> None:
    found = {w: c.slug for c, w, _, _ in councils.find_mentions("Compare Bucks, Herts, Notts and Hants with Oxon.")}
    assert found == {"Bucks": "buckinghamshire", "Herts": "hertfordshire", "Notts": "nottinghamshire",
                     "Hants": "hampshire", "Oxon": "oxfordshire"}
    # "Derby's care" is Derby's, and "the staff's caseloads" no council's
    assert [c.slug for c, *_ in councils.find_mentions("Who assesses a child in Derby's care?")] == ["derby"]
    assert [c.slug for c, *_ in councils.find_mentions("What did Kent say about its Staff's caseloads?")] == ["kent"]


def test_mentions__a_building_or_street_named_after_a_place_is_not_the_council() -> None:
    assert _found("How many residents sought help after Blackburn Lodge closed?") == []
    assert _found("What happened on Durham Road and Oxford Street?") == []
    assert _found("What did Ofsted say about Blackburn in 2023?") == [("blackburn-with-darwen", "Blackburn")]
    assert _found("Did Durham County Council report on it?") == [("durham", "Durham County Council")]
    assert _found("What did Kent's Road Safety team find?") == [("kent", "Kent")]


def test_inspectorate_note__who_inspects_outside_england():
    from assistant.councils import inspectorate_note

    assert inspectorate_note(["Cardiff"]) == (" Ofsted inspects councils' children's services in England only (in "
                                              "Wales, Care Inspectorate Wales inspects them).")
    assert "in Scotland, the Care Inspectorate" in inspectorate_note(["Glasgow City Council"])
    assert inspectorate_note(["Thanet District Council"]) == "" and inspectorate_note(["Narnia"]) == ""


def test_mentions__the_trust_or_company_that_runs_a_councils_childrens_services_names_the_council() -> None:
    assert _found("What did Ofsted say about Worcestershire Children First's board?") == [
        ("worcestershire", "Worcestershire Children First")]
    assert _slug("Slough Children First") == "slough" and _slug("Together for Children") == "sunderland"
    # one trust for several councils: a mention of each, at the same place, and none of the former county
    text = "How many carers did Northamptonshire Children’s Trust recruit?"
    found = councils.find_mentions(text)
    assert [(c.slug, w) for c, w, _, _ in found] == [("north-northamptonshire", "Northamptonshire Children’s Trust"),
                                                    ("west-northamptonshire", "Northamptonshire Children’s Trust")]
    assert len({(s, e) for _, _, s, e in found}) == 1
    assert {c.slug for c, _, _, _ in councils.find_mentions("Achieving for Children's caseloads")} == {
        "kingston-upon-thames", "richmond-upon-thames", "windsor-maidenhead"}


def test_resolve__the_kind_of_council_without_council_as_people_write_it() -> None:
    assert [_slug(n) for n in ("Wirral Borough", "Durham County", "Bolton Metropolitan Borough", "Swale District",
                               "Bridgend County Borough")] == ["wirral", "durham", "bolton", "swale", "bridgend"]
    assert _slug("Westeros Borough") is None and _slug("Borough") is None
