"""Filters admit the right documents; questions that name a council or a year are recognised."""

import pytest

from assistant.query.filters import Filters
from assistant.query.implied import implied_filters, without_names
from assistant.records import DocMeta


def meta(doc, org, slug, doc_type="ofsted-inspection", date="2019-08-27", committee=None):
    return DocMeta(doc=doc, title=doc, organisation=org, org_slug=slug, doc_type=doc_type, date=date,
                   committee=committee)


DOCS = {m.doc: m for m in [
    meta("medway_2019.pdf", "Medway", "medway"),
    meta("medway_2023.pdf", "Medway", "medway", date="2023-09-11"),
    meta("kent_2013.pdf", "Kent", "kent", date="2013-08-23"),
    meta("kent-cc_cabinet.pdf", "Kent County Council", "kent-cc", "committee-report", "2025-01-30", "Cabinet"),
    meta("nel_2025.pdf", "North East Lincolnshire", "north-east-lincolnshire", date="2025-09-03"),
    meta("lincs_2023.pdf", "Lincolnshire", "lincolnshire", date="2023-06-14"),
    meta("bcp_2025.pdf", "Bournemouth, Christchurch and Poole", "bournemouth-christchurch-poole", date="2025-01-29"),
]}


def test_filters__organisation_type_committee_and_dates():
    f = Filters(orgs=["medway"], since="2020-01-01")
    assert [d for d, m in DOCS.items() if f.admits(m)] == ["medway_2023.pdf"]
    assert Filters(committees=["cabinet"]).admits(DOCS["kent-cc_cabinet.pdf"])
    assert not Filters(doc_types=["minutes"]).admits(DOCS["kent-cc_cabinet.pdf"])
    assert Filters(orgs=["Kent County Council"]).admits(DOCS["kent-cc_cabinet.pdf"])
    assert Filters(docs=["kent_2013.pdf"]).admits(DOCS["kent_2013.pdf"])
    assert not Filters(docs=["kent_2013.pdf"]).admits(DOCS["medway_2019.pdf"])


def test_filters__dates_back_to_front_are_one_message_worded_for_each_surface():
    from assistant.query.filters import DatesReversed

    with pytest.raises(DatesReversed) as raised:
        Filters(since="2023-01-01", until="2019-01-01")
    assert str(raised.value) == ("The from date (--since 2023-01-01) is after the to date (--until 2019-01-01): "
                                 "swap them.")
    assert (raised.value.since, raised.value.until) == ("2023-01-01", "2019-01-01")
    assert raised.value.worded("From date (01/01/2023)", "To date (01/01/2019)") == \
        "The From date (01/01/2023) is after the To date (01/01/2019): swap them."


def test_filters__bad_values_name_the_choices():
    with pytest.raises(ValueError, match="choose from"):
        Filters(doc_types=["report"])
    with pytest.raises(ValueError, match="2019-01-01"):
        Filters(since="2019")


def test_implied__council_and_year_from_the_question():
    imp = implied_filters("In Kent's 2013 inspection, how many children were in care?", DOCS)
    assert set(imp.orgs) == {"kent", "kent-cc"}
    assert imp.years == [2013]


def test_implied__longest_name_wins():
    imp = implied_filters("How many hubs has North East Lincolnshire kept?", DOCS)
    assert imp.orgs == ["north-east-lincolnshire"]


def test_implied__alias_and_since():
    imp = implied_filters("Is there a drop-in for care leavers in BCP since 2024?", DOCS)
    assert imp.orgs == ["bournemouth-christchurch-poole"]
    assert imp.since_year == 2024


def test_implied__lower_case_word_is_not_a_council():
    assert implied_filters("what did kent inspectors say", DOCS).orgs == []
    assert implied_filters("What did inspectors say about step-down?", DOCS).orgs == []


def test_implied__council_with_nothing_indexed_is_noticed():
    imp = implied_filters("How much did Birmingham Children's Trust overspend in 2022-23?", DOCS)
    assert imp.orgs == [] and imp.unindexed == ["Birmingham Children's Trust"]
    assert implied_filters("Reading the 2019 report, what changed?", DOCS).unindexed == []


def test_implied__months_named_with_a_year():
    imp = implied_filters("At the January 2025 County Council meeting, how did the vote go?", DOCS)
    assert imp.months == ["2025-01"]


def test_implied__welsh_scottish_and_ni_councils_with_nothing_indexed_are_reported():
    imp = implied_filters("What did inspectors say about Wrexham's care leavers in 2024?", DOCS)
    assert imp.orgs == [] and imp.unindexed == ["Wrexham"]
    imp = implied_filters("How does Comhairle nan Eilean Siar support foster carers?", DOCS)
    assert imp.unindexed == ["Comhairle nan Eilean Siar"]
    imp = implied_filters("Did Belfast City Council or Cyngor Sir Ddinbych agree the budget?", DOCS)
    assert imp.unindexed == ["Belfast City Council", "Cyngor Sir Ddinbych"]
    assert imp.to_dict()["not_indexed"] == imp.unindexed


def test_implied__any_name_of_an_indexed_council_filters_to_all_its_documents():
    imp = implied_filters("What did KCC decide about family hubs?", DOCS)
    assert set(imp.orgs) == {"kent", "kent-cc"} and imp.unindexed == []
    # spelled as its own papers are filed: those papers
    assert implied_filters("What did Kent County Council decide?", DOCS).orgs == ["kent-cc"]
    # but an inspection is of the council, whatever it is called: Ofsted files Kent's reports as "Kent"
    for q in ("What did Ofsted say about Kent County Council's care leavers?", "What grade did Kent County Council get?",
              "How was Kent County Council judged in 2022?"):
        assert set(implied_filters(q, DOCS).orgs) == {"kent", "kent-cc"}, q
    imp = implied_filters("Has Medway Council improved since the London Borough of Camden's inspection?", DOCS)
    assert imp.orgs == ["medway"] and imp.org_names == ["Medway Council"]
    assert imp.unindexed == ["London Borough of Camden"]


def test_implied__indexed_organisation_that_is_not_a_council_is_matched_before_council_names():
    docs = dict(DOCS, nhs=meta("nhs.pdf", "NHS Kent and Medway", "nhs-kent-and-medway", "committee-report"))
    imp = implied_filters("What did NHS Kent and Medway say about waiting times?", docs)
    assert imp.orgs == ["nhs-kent-and-medway"] and imp.unindexed == []


def test_implied__former_council_with_nothing_indexed_is_reported():
    imp = implied_filters("What did Northamptonshire County Council spend on children in care in 2019?", DOCS)
    assert imp.orgs == [] and imp.unindexed == ["Northamptonshire County Council"]


def test_implied__an_abolished_council_names_its_indexed_successors():
    docs = dict(DOCS, wn=meta("wn_2026.pdf", "West Northamptonshire", "west-northamptonshire", date="2026-03-02"))
    imp = implied_filters("What did Northamptonshire County Council spend on children in care in 2019?", docs)
    assert imp.unindexed == ["Northamptonshire County Council"]
    assert imp.successors == {"Northamptonshire County Council": ["West Northamptonshire"]}  # North's not indexed
    assert imp.to_dict()["replaced_by"] == imp.successors  # shown with the answer's filters
    assert implied_filters("What did Northamptonshire County Council spend?", DOCS).successors == {}
    assert implied_filters("What did Cardiff Council say about care leavers?", docs).successors == {}  # not former
    # named bare in an inspection question, it is the former council Ofsted inspected, not a place in their area
    bare = implied_filters("When did Ofsted last inspect Northamptonshire, and what was the result?", docs)
    assert bare.unindexed == ["Northamptonshire"] and bare.successors == {"Northamptonshire": ["West Northamptonshire"]}
    assert implied_filters("How are care leavers in Northamptonshire housed?", docs).places == ["Northamptonshire"]


def test_implied__a_place_in_an_indexed_councils_area_is_not_a_council_with_nothing_indexed():
    # Kent's papers talk about Thanet, a district of Kent: the question is about a place, not Thanet's council
    imp = implied_filters("Who pays for bus tickets to the family hub in Thanet?", DOCS)
    assert imp.unindexed == [] and imp.places == ["Thanet"] and imp.orgs == []
    assert imp.to_dict() == {"places": ["Thanet"]}
    # named as the council, it is one with nothing indexed
    thanet = implied_filters("What did Thanet District Council decide?", DOCS)
    assert thanet.unindexed == ["Thanet District Council"]
    assert thanet.within == {"Thanet District Council": "Kent"}  # whose county's documents are indexed: said
    assert implied_filters("What did Cheltenham Borough Council decide?", DOCS).within == {}  # Gloucestershire's not
    # a former district lies in its successor's area (Christchurch: Bournemouth, Christchurch and Poole)
    assert implied_filters("How are care leavers in Christchurch housed?", DOCS).places == ["Christchurch"]
    # a district of a county with nothing indexed, and a council with no county, are still reported
    assert implied_filters("What happened in Cheltenham?", DOCS).unindexed == ["Cheltenham"]
    assert implied_filters("What happened in Cardiff?", DOCS).unindexed == ["Cardiff"]


def test_without_names__the_councils_the_filters_select_leave_the_keyword_query():
    assert without_names("How does Redbridge's housing team help care leavers in Redbridge?", ["Redbridge"]).split() \
        == ["How", "does", "housing", "team", "help", "care", "leavers", "in", "?"]
    assert without_names("What did Kent and Medway's joint committee favour?", ["Kent", "Medway"]).split() == [
        "What", "did", "and", "joint", "committee", "favour?"]
    assert without_names("What did Kentish Town get?", ["Kent"]) == "What did Kentish Town get?"  # whole words only


def test_the_most_recent_or_latest_report_is_noticed_but_not_last_year():
    assert implied_filters("How did Kent do at its most recent Ofsted inspection?", DOCS).latest
    assert implied_filters("What did the latest report say about caseloads?", DOCS).latest
    assert implied_filters("When was Medway last inspected?", DOCS).latest
    assert implied_filters("What grade did Kent get last time?", DOCS).latest
    assert implied_filters("When did Kent last have an Ofsted inspection?", DOCS).latest
    assert implied_filters("When was Medway last visited by Ofsted?", DOCS).latest
    assert not implied_filters("What did Kent spend last year?", DOCS).latest


def test_the_first_or_earliest_report_is_noticed_but_not_first_line_managers():
    assert implied_filters("What did Medway's first inspection find about care leavers?", DOCS).earliest
    assert implied_filters("What did the earliest Ofsted report say about caseloads?", DOCS).earliest
    assert not implied_filters("What did inspectors say about first line managers?", DOCS).earliest
    assert not implied_filters("What did the latest report say about caseloads?", DOCS).earliest


def test_the_previous_inspection_is_noticed_and_searched_in_the_report_before_the_newest():
    from assistant.query.resolve import resolve_filters

    assert implied_filters("What did Ofsted find at Kent's previous inspection?", DOCS).previous
    assert not implied_filters("What did the previous administration decide?", DOCS).previous
    assert implied_filters("What was Kent's previous Ofsted grade?", DOCS).previous  # the grade it gave
    docs = dict(DOCS, old=meta("kent_2017.pdf", "Kent", "kent", "ofsted-inspection", "2017-06-13"),
                new=meta("kent_2026.pdf", "Kent", "kent", "ofsted-inspection", "2026-02-02"))
    effective, implied = resolve_filters("What did Ofsted find at Kent's previous inspection?", None, docs)
    assert effective.docs == ["kent_2017.pdf"] and implied.previous_report == "kent_2017.pdf"  # 2013, 2017, 2026


def test_implied__full_council_is_the_council_wide_meeting_whatever_its_papers_are_filed_as():
    docs = dict(DOCS, cc=meta("kent-cc_county-council.pdf", "Kent County Council", "kent-cc", "minutes", "2025-02-13",
                              "County Council"))
    imp = implied_filters("What did full Council agree about the budget in February 2025?", docs)
    assert imp.committees == ["County Council"] and imp.months == ["2025-02"]
    assert implied_filters("When will Cabinet's decision go to Full Council?", docs).committees == ["Cabinet",
                                                                                                  "County Council"]
    assert implied_filters("What did full Council agree?", DOCS).committees == []  # no such meeting's papers
    # the council named as a meeting is its full council's; named as who decided, no meeting is implied
    assert implied_filters("Who chaired Kent County Council's meeting on 13 February 2025?", docs).committees == \
        ["County Council"]
    assert implied_filters("At a meeting of Kent County Council in February, what was agreed?", docs).committees == \
        ["County Council"]
    assert implied_filters("What did Kent County Council decide about the budget?", docs).committees == []


def test_implied__a_committees_name_before_elections_member_or_tax_names_something_else():
    docs = dict(DOCS, cc=meta("kent-cc_county-council.pdf", "Kent County Council", "kent-cc", "minutes", "2025-02-13",
                              "County Council"))
    assert implied_filters("Did Kent ask to delay the county council elections?", docs).committees == []
    assert implied_filters("What did the Cabinet Member for Finance say?", docs).committees == []
    assert implied_filters("What did the County Council decide about tax?", docs).committees == ["County Council"]


def test_implied__the_year_since_or_before_which_a_question_asks_is_a_bound_not_a_year_asked_about():
    imp = implied_filters("What has Medway done about caseloads since 2019?", DOCS)
    assert imp.since_year == 2019 and imp.years == []  # its 2019 report is where things stood, not what was done
    imp = implied_filters("What happened before 2020 and in 2020?", DOCS)
    assert imp.before_year == 2020 and imp.years == [2020]  # named again: asked about
    assert implied_filters("What did Medway's 2019 inspection find?", DOCS).years == [2019]


def test_implied__a_year_naming_an_event_before_which_something_happened_is_asked_about_not_a_bound():
    # what led up to the 2015 inspection is in the 2015 report, not in the one before it
    imp = implied_filters("How many social workers had Medway recruited in the two years before the 2015 Ofsted "
                          "inspection?", DOCS)
    assert imp.before_year is None and imp.years == [2015]
    assert implied_filters("What changed in the year before its May 2024 visit?", DOCS).before_year is None
    # an inspection before it is the one before, as in "its inspection before 2023"
    assert implied_filters("When was Medway's last full inspection before the 2019 visit?",
                           DOCS).before_year == 2019
    assert implied_filters("How was Medway judged before the 2019 inspection?", DOCS).before_year == 2019
    assert implied_filters("What did inspectors find before 2020?", DOCS).before_year == 2020


def test_implied__a_day_named_in_full():
    imp = implied_filters("Who attended the Cabinet meeting on 9 January 2025?", DOCS)
    assert imp.days == ["2025-01-09"] and imp.months == ["2025-01"] and imp.to_dict()["days"] == ["2025-01-09"]
    assert implied_filters("What happened in January 2025?", DOCS).days == []


def test_implied__a_name_several_councils_share_stands_for_the_one_the_question_also_names():
    docs = {m.doc: m for m in [
        meta("west_2026.pdf", "West Northamptonshire", "west-northamptonshire", date="2026-07-07"),
        meta("north_2025.pdf", "North Northamptonshire", "north-northamptonshire", date="2025-05-01")]}
    # the trust runs both councils' children's services: named alone, it is both
    assert implied_filters("What did Ofsted say about Northamptonshire Children's Trust?", docs).orgs == [
        "north-northamptonshire", "west-northamptonshire"]
    # named with one of them, it is that council's part of it
    imp = implied_filters("Since when has Northamptonshire Children's Trust run children's social care for West "
                          "Northamptonshire?", docs)
    assert imp.orgs == ["west-northamptonshire"]


def test_without_names__keeps_a_council_name_that_begins_another_bodys_name():
    from assistant.query.implied import without_names

    q = "How many young people voted in the Kent Youth County Council elections?"
    assert "Kent Youth County Council" in without_names(q, ["Kent"])
    assert "Kent Safeguarding Children Partnership" in without_names(
        "What does the Kent Safeguarding Children Partnership do?", ["Kent"])
    # the council's own name, its possessive and the name alone are still left out
    assert "Kent" not in without_names("What did Kent County Council decide?", ["Kent"])
    assert "Kent" not in without_names("What did Kent's Cabinet decide?", ["Kent"])
    assert "Kent" not in without_names("How is Kent doing?", ["Kent"])
