"""Topic tags and matching: the lexicon's topics and their aliases, and any other words matched loosely."""

import pytest

from assistant.track.topics import matcher, tag


def test_tag__names_the_topics_a_text_is_about():
    assert tag("Children are stepped down to early help too quickly.") == "step-down, early help"
    assert tag("The weather was fine.") is None


def test_matcher__known_topic_and_its_alias_use_the_lexicon():
    for topic in ("caseloads", "caseload"):
        match = matcher(topic)
        assert match("Social workers' caseloads are high.") and match("Workloads of social workers are manageable.")
        assert match("The average was 21 cases per worker.")
        assert not match("Leaders are visible.")


def test_matcher__workload_is_a_caseload_only_where_social_workers_carry_it():
    match = matcher("caseloads")
    assert match("Practitioners say their workload allows them to know their children well.")
    # a highways team's open enquiries, a programme of active travel schemes: workloads, not caseloads
    assert not match("There were 5,836 open enquiries, reflecting the decreased workload in parts of the business.")
    assert not match("Several schemes are in design, giving the team a healthy workload for the year.")
    assert tag("Open enquiries fell, reflecting a lower workload.") is None
    # "workload" asked for by itself is its own word, not the caseloads lexicon
    assert matcher("workload")("Open enquiries fell, reflecting a lower workload.")


def test_matcher__a_short_plural_matches_its_singular():
    match = matcher("family hubs")
    # a minute's resolution that names the topic in the singular ("Family Hub Grant") is about it
    assert match("RESOLVED that the Council urges the Executive to fund them from the Family Hub Grant.")
    assert match("Services at Seashells and Millmead Family Hubs.")
    assert not match("The family support service moved.")
    assert matcher("fitness")("Fitness to practise")


def test_matcher__other_topics_need_every_word_stem():
    match = matcher("youth justice")
    assert match("The youth justice service works well.") and not match("Youth services are good.")


def test_blank__a_topic_with_nothing_to_match_is_blank():
    from assistant.track.topics import blank

    assert all(blank(t) for t in ("", "  ", "???", "the", "of the"))
    assert not any(blank(t) for t in ("step-down", "caseloads", "youth justice", "MASH", "2025"))


def test_select__a_records_topic_is_matched_with_its_headings_words():
    from assistant.track.items import TrackRecord
    from assistant.track.ledger import select

    def record(text, heading):
        return TrackRecord(kind="decision", text=text, doc="minutes.pdf", title="Minutes", organisation="Kent",
                           org_slug="kent-cc", doc_type="minutes", date="2025-03-13", para="306/8", page_start=14,
                           page_end=15, heading=heading, paragraph_id="p1", ordinal=1)

    clause = record("RESOLVED that Council: Approves the recommendation to adopt the Constitution.",
                    "306. Governance update (Item 12)")
    other = record("RESOLVED that Council notes the report.", "307. Treasury management (Item 13)")
    assert select([clause, other], topic="governance") == [clause]
    terms = record("RESOLVED that Council agrees the revised Terms of Reference.",
                   "304. Joint Health Overview & Scrutiny Committee (Item 10)")
    assert select([terms], topic="joint health overview and scrutiny committee") == [terms]
    # a heading that names the topic among much else is not about it: not every budget clause is about council tax
    budget = record("RESOLVED that Council agrees the Treasury Management Strategy.", "291. Capital Programme 2025-35 "
                    "and Revenue Budget 2025-26 (including Council Tax Setting 2025/26) (Item 6)")
    assert select([budget], topic="council tax") == []


def test_an_acronym_topic_matches_the_name_the_papers_define_it_as():
    from assistant.track.items import TrackRecord
    from assistant.track.ledger import select
    from assistant.track.topics import definitions

    defined = definitions(["Subject: Kent and Medway NHS Joint Overview and Scrutiny Committee (JHOSC)",
                           "referrals to the Multi-Agency Safeguarding Hub (MASH) rose", "a standing joint committee (JHOSC)"])
    assert defined == {"JHOSC": {"Joint Overview Scrutiny Committee"}, "MASH": {"Multi-Agency Safeguarding Hub"}}
    clause = TrackRecord(kind="decision", text="RESOLVED that Council: Agrees the revised Terms of Reference.",
                         doc="minutes.pdf", title="Minutes", organisation="Kent", org_slug="kent-cc", doc_type="minutes",
                         date="2025-03-13", para="304/3", page_start=11, page_end=11, paragraph_id="p1", ordinal=1,
                         heading="304. Joint Health Overview & Scrutiny Committee - Terms of Reference update (Item 13)")
    assert select([clause], topic="JHOSC", defined=defined) == [clause]
    assert select([clause], topic="jhosc", defined=defined) == [clause]
    assert select([clause], topic="JHOSC") == []  # without the papers' definitions, only its letters
    assert matcher("JHOSC", defined)("the Joint Health Overview & Scrutiny Committee met")
    assert not matcher("JHOSC", defined)("the Scrutiny Committee met")


def test_matcher__a_topic_of_several_words_is_matched_as_a_phrase():
    home = matcher("home education")
    assert home("Where KCC's Elective Home Education Team are made aware of a new child, officers engage.")
    assert home("a home-educated child") and home("families who elect to home educate")
    # its words apart are not the topic: the school run, the Home Office
    assert not home("Home to school transport costs rose, as did spending on special education.")
    assert not home("The Home Office funds unaccompanied children; their education is arranged by the school.")
    s25 = matcher("section 25")
    assert s25("Pursuant to section 25 of the Local Government Act") and s25("the Section-25 statement")
    # a number is matched whole, not as part of another ("the 18-25 section", "section 250", "2025")
    assert not s25("the service for the 18-25 section of the population") and not s25("under section 250")
    assert not matcher("25 pupils")("in 2025 pupils were")
    # a stop word inside the phrase is kept, one at its ends dropped
    assert matcher("the family hubs")("Services at Seashells Family Hub.")
    assert not matcher("family hubs")("Families travel to the other hubs by bus.")
    # a possessive is its word's, typed with either apostrophe, printed with either
    for typed in ("children's homes", "children’s homes", "childrens homes"):
        assert matcher(typed)("Some unregistered children’s homes are used."), typed
    assert matcher("care leavers' accommodation")("Care leavers’ accommodation is suitable.")


def test_matcher__phrases_for_children_who_go_missing_use_the_lexicon():
    match = matcher("missing from home")
    assert match("The response to children who go missing or are at risk of exploitation is strong.")
    assert match("Children missing from home are offered return interviews.")
    assert not match("The missing papers were found.")


def test_too_short__a_topic_of_under_three_letters_is_refused():
    from assistant.track.topics import blank, short_topic_line, too_short

    assert too_short("x") and too_short(" X ") and too_short("a b")
    assert not any(too_short(t) for t in ("MASH", "EHE", "step-down", "25 pupils", "", "???"))
    assert blank("???") and not blank("x")  # a blank topic is its own error
    assert short_topic_line("x", "TOPIC") == "Give TOPIC at least 3 letters to look for: 'x' is too short."


def test_matcher__a_typed_word_is_not_another_word_that_begins_alike():
    over = matcher("overspend")
    assert over("NOTE the forecast revenue overspend of £23.3m") and over("Overspending on placements rose.")
    assert over("The directorate overspent by £2m.")  # an irregular past form is the verb's
    # "overs-" is no stem: oversight and overseeing are other words
    assert not over("These plans would continue to be overseen by the SEND service.")
    assert not over("The increased oversight from the Director will help.")
    assert matcher("supervision")("Supervision is regular.") and matcher("supervision")("staff are supervised")
    assert not matcher("supervision")("Each supervisor holds a caseload.")


def test_matcher__an_alias_of_a_category_is_matched_by_its_own_words():
    # a typed word that the lexicon files under a wider category does not take the category's other words
    assert not matcher("supervision")("The local authority has a secure oversight of children who do not attend.")
    assert not matcher("exploitation")("For children missing from education, effective arrangements are in place.")
    assert matcher("exploitation")("children at risk of being exploited") and matcher("exploitation")("Exploitation")
    assert not matcher("budget")("Funding for the service was agreed.")
    # the lexicon's other printings of one thing stay: step-down, caseloads, going missing
    assert matcher("step down")("Children are stepped down to early help.")
    assert matcher("going missing")("Children who go missing are offered return interviews.")


def test_select__a_typed_topic_is_not_admitted_by_the_category_a_record_was_tagged_with():
    from assistant.track.items import TrackRecord
    from assistant.track.ledger import select

    def record(text, topic):
        return TrackRecord(kind="finding", text=text, doc="report.pdf", title="Report", organisation="Torbay",
                           org_slug="torbay", doc_type="ofsted-inspection", date="2026-02-24", para="14", page_start=5,
                           page_end=5, heading=None, paragraph_id=text[:8], ordinal=1, topic=topic)

    school = record("The local authority has a secure oversight of children who do not attend school.",
                    tag("The local authority has a secure oversight of children who do not attend school."))
    assert school.topic and "management oversight" in school.topic
    assert select([school], topic="supervision") == []
    assert select([school], topic="supervision", loose=True) == [school]  # a question's subject: by its category
    # a record's own label (a risk register's risk) is its declared context
    risk = record("Ensure engagement with partners.", "Supervision capacity")
    assert select([risk], topic="supervision") == [risk]


def test_matcher__a_topic_of_numbers_is_matched_as_printed():
    for topic, text in (("18-25", "the 18-25 section of the Strengthening Independence Service"),
                        ("2025-26", "the revenue budget for 2025-26"), ("2025-26", "the 2025/26 budget"),
                        ("16-17", "homeless 16-17 year olds")):
        assert matcher(topic)(text), (topic, text)
    assert not matcher("18-25")("118-250 places") and not matcher("2025-26")("2025-264")
    assert not matcher("16-17")("pages 6-17")


def _para(doc: str, text: str):
    from types import SimpleNamespace

    return SimpleNamespace(doc=doc, text=text)


def test_local_terms__a_report_names_what_it_calls_something_of_its_own():
    from assistant.track.topics import local_names, local_terms

    terms = local_terms([
        _para("a.pdf", "36. Care leavers, who are known as ‘care-experienced young adults’ in West Northamptonshire, "
                       "receive a good service from their personal advisers (PAs)."),
        _para("b.pdf", "In Portsmouth, care leavers prefer to be known as care-experienced young people, and this term "
                       "is used throughout this report."),
        _para("c.pdf", "Care leavers in North Northamptonshire are known as care-experienced young adults and are "
                       "supported by a countywide leaving care service."),
        _para("d.pdf", "37. Care leavers’ pathway plans, known as ‘My life, my future’, are dynamic and personal."),
        _para("e.pdf", "Children are encouraged to attend and participate in their reviews, known as Me and My World "
                       "Reviews."),
        _para("f.pdf", "Before the conference, independent reviewing officers, known as quality assurance reviewing "
                       "officers (QARO), support parents."),
        _para("g.pdf", "The term ‘co-parents’ is used by the authority at the request of children in care to describe "
                       "their role as corporate parents."),
    ])
    assert local_names("care leavers", terms) == {"a.pdf": ["care-experienced young adults"],
                                                  "b.pdf": ["care-experienced young people"],
                                                  "c.pdf": ["care-experienced young adults"]}
    # what is named is the clause's last words: the plans, the reviews, not the care leavers or the children
    assert local_names("pathway plans", terms) == {"d.pdf": ["My life, my future"]}
    assert local_names("children", terms) == {}
    assert local_names("independent reviewing officers", terms) == {"f.pdf": ["quality assurance reviewing officers"]}
    assert local_names("corporate parents", terms) == {"g.pdf": ["co-parents"]}


def test_select__a_topic_matches_the_name_a_document_gives_it_in_that_document_only():
    from assistant.track.items import TrackRecord
    from assistant.track.ledger import Defined, select
    from assistant.track.topics import local_terms

    def finding(doc: str, text: str) -> TrackRecord:
        return TrackRecord(kind="finding", text=text, doc=doc, title="Inspection", organisation="X", org_slug="x",
                           doc_type="ofsted-inspection", date="2026-07-07", para="41", page_start=8, page_end=8,
                           paragraph_id=f"{doc}-41", ordinal=41, heading=None)

    defined = Defined(local=local_terms([_para("wn.pdf", "36. Care leavers, who are known as ‘care-experienced young "
                                                         "adults’ in West Northamptonshire, receive a good service.")]))
    own = finding("wn.pdf", "41. Care-experienced young adults are actively supported to access health services.")
    other = finding("other.pdf", "41. Care-experienced young adults are actively supported to access health services.")
    assert select([own, other], topic="care leavers", defined=defined) == [own]
    assert select([own, other], topic="care leavers") == []  # without the report's own term, only its words


@pytest.mark.corpus
def test_track__a_report_that_calls_care_leavers_otherwise_is_tracked_by_its_term():
    from pathlib import Path

    from assistant.index.sources import parse_file
    from assistant.index.store import IndexData
    from assistant.track.timeline import track
    from tests.conftest import corpus_file

    path = corpus_file("ofsted/west-northamptonshire_ofsted-childrens-services_2026-07-07.pdf")
    meta, paragraphs, _ = parse_file(Path(path), "test")
    rows = track(IndexData(docs={meta.doc: meta}, paragraphs=paragraphs), "care leavers")
    # the improvement item and the findings that say only "care-experienced young adults", as the report defines it
    assert any(r.kind == "improvement_item" and "care-experienced young adults" in r.text for r in rows)
    assert {"37", "41", "49", "57"} <= {r.para for r in rows if r.kind == "finding"}


def test_matcher__a_name_printed_with_its_words_in_another_order_matches(records_of):
    """Minutes print a programme's name both ways ("Priority Devolution Programme", "Devolution Priority
    Programme"): a topic of several words matches its words in any order within a clause, with a stop word or two
    among them; two words the other way round need a stop word between them, and a number keeps its place."""
    from assistant.track.ledger import select
    from assistant.track.topics import phrase
    from tests.conftest import corpus_file

    typed = matcher("Priority Devolution Programme")
    assert typed("to be included in the Devolution Priority Programme;")
    assert not typed("a priority for devolution. The programme")  # not across sentences
    assert matcher("management oversight")("oversight by managers is regular")
    assert not matcher("early help")("to help early years settings")
    assert matcher("early help")("families get help at an early stage")
    assert not matcher("section 25")("the 18-25 section")
    assert not phrase("Priority Devolution Programme").search_in_order("the Devolution Priority Programme")
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-09_minutes.pdf"))
    chosen = select(records, kinds=("decision",), topic="Priority Devolution Programme")
    assert [r.para for r in chosen][:2] == ["83/7(1)", "83/7(2)"]
    assert all("Devolution Priority Programme" in r.text for r in chosen[:2])


def test_decision_refs__a_decision_printing_the_words_in_their_order_comes_first():
    from assistant.track.items import TrackRecord
    from assistant.track.trail import decision_refs

    def decision(ref, text, n):
        return TrackRecord(kind="decision", text=text, doc=f"{n}.pdf", title="Record of decision",
                           organisation="Kent County Council", org_slug="kent-cc", doc_type="committee-report",
                           date="2025-01-30", para=None, page_start=1, page_end=1, heading=None,
                           paragraph_id=f"p{n}", ordinal=n, ref=ref)

    records = [decision("24/00001", "AGREE to expand the hubs for families in Thanet", n) for n in range(3)]
    records.append(decision("24/00002", "AGREE to review the family hubs contracts", 9))
    assert decision_refs(records, "family hubs") == ["24/00002", "24/00001"]


def test_matcher__a_topic_typed_as_an_abbreviation_matches_it_as_printed_not_a_word_spelled_alike():
    from assistant.track.topics import matcher

    send = matcher("SEND")
    assert send("Children with SEND are placed in special schools.")
    assert not send("A letter has been sent to all providers.")  # the verb, stemmed alike
    assert not send("The outcomes will be sent to Members; we send a copy to the panel.")
    assert matcher("EHCPs")("19,407 children and young people with an EHCP")
    assert matcher("send")("we send a copy")  # typed in lower case: the word


def test_local_terms__an_abbreviation_a_paper_defines_matches_both_ways_in_that_paper():
    from assistant.text.abbreviations import abbreviations as _abbreviations
    from assistant.track.topics import local_matcher, local_terms

    terms = local_terms([
        _para("s.pdf", "26. When children benefit from the same independent reviewing officer (IRO) over time, "
                       "planning gains clarity and pace."),
        _para("k.pdf", "4.15 For additional context, the Kent Communities Programme (KCP) decision taken in November "
                       "2023 …"),
        _para("c.pdf", "This Commissioning Plan (KCP) sets out how we will carry out our responsibilities."),
    ])
    # the long form finds the abbreviation, and the abbreviation the long form, in the paper that defines it only
    by_name = local_matcher("independent reviewing officers", terms)
    assert by_name("s.pdf", "However, recent IRO absence has disrupted continuity for some children.")
    assert not by_name("k.pdf", "However, recent IRO absence has disrupted continuity for some children.")
    assert not by_name("s.pdf", "The environment is a priority.")  # not the letters inside a word
    assert local_matcher("IRO", terms)("s.pdf", "The independent reviewing officers chair reviews.")
    assert local_matcher("Kent Communities Programme", terms)("k.pdf", "In the KCP decision, it was agreed to close")
    # words that do not spell the abbreviation define nothing: "This Commissioning Plan (KCP)"
    assert not local_matcher("commissioning plan", terms)("k.pdf", "In the KCP decision, it was agreed to close")
    assert not local_matcher("commissioning plan", terms)("c.pdf", "the KCP")
    assert _abbreviations("Education, Health and Care Plans (EHCPs)") == [
        ("Education Health and Care Plans", "EHCP"), ("EHCP", "Education Health and Care Plans")]


def test_matcher__take_place_or_in_place_is_not_a_place():
    # "their reviews … frequently take place at school" is not about school places; "places at the school" is
    assert not matcher("school places")("their reviews and other meetings frequently take place at school during "
                                        "lesson time")
    assert not matcher("school places")("the school has put in place a new timetable")
    assert matcher("school places")("There were not enough places at the school for every child.")


@pytest.mark.corpus
def test_track__abbreviation_and_resolution_on_a_minuted_item():
    from pathlib import Path

    from assistant.index.sources import parse_file
    from assistant.index.store import IndexData
    from assistant.track.timeline import track
    from tests.conftest import corpus_file

    def data_of(*rels):
        docs, paragraphs = {}, []
        for rel in rels:
            meta, paras, _ = parse_file(Path(corpus_file(rel)), "test")
            docs[meta.doc] = meta
            paragraphs += paras
        return IndexData(docs=docs, paragraphs=paragraphs)

    # Solihull 2026 defines "independent reviewing officer (IRO)" in para 26; para 60 says only "IRO"
    solihull = data_of("ofsted/solihull_ofsted-childrens-services_2026-01-12.pdf")
    assert "60" in {r.para for r in track(solihull, "independent reviewing officers")}
    assert "26" in {r.para for r in track(solihull, "IRO")}
    # minute 92's discussion names school places, and its resolution ("RESOLVED that Cabinet agree the Commissioning
    # Plan …") does not: what the meeting resolved on the item is on its timeline
    kent = data_of("committee/kent-cc_cabinet_2025-01-30_printed-minutes.pdf")
    rows = track(kent, "school places")
    assert any(r.kind == "decision" and r.text.startswith("RESOLVED that Cabinet agree the Commissioning Plan")
               for r in rows), [(r.kind, r.text[:50]) for r in rows]
    assert not any(r.kind == "decision" and "be noted" in r.text for r in rows)


def test_a_heading_is_about_its_subject_without_its_kind_period_and_asides():
    from assistant.track.items import TrackRecord
    from assistant.track.ledger import select

    def record(heading):
        return TrackRecord(kind="decision", text="RESOLVED that Cabinet agree to: Note the forecast capital underspend.",
                           doc="minutes.pdf", title="Minutes", organisation="Kent", org_slug="kent-cc",
                           doc_type="minutes", date="2025-01-30", para="88/3", page_start=10, page_end=10,
                           heading=heading, paragraph_id="p1", ordinal=1)

    # "Report" and the month it covers say what kind of paper it is, not what it is about
    monitoring = record("88. 24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25 (Item 5)")
    assert select([monitoring], topic="budget monitoring") == [monitoring]
    assert select([monitoring], topic="council tax") == []
    annual = record("12. Annual Report (Item 4)")  # a topic that is a kind of paper still matches its own words
    assert select([annual], topic="annual report") == [annual]


@pytest.mark.parametrize("text", [
    # the procedural sense: a council or its leaders adopting a document or a way of working (real papers' sentences)
    "This consultative activity will be completed prior to the adoption of the Plan by KCC Cabinet committee in "
    "January 2025.",
    "RECOMMENDATION to the County Council to adopt the amended Constitution at Appendix 2.",
    "(iii) Adopt the Kent Minerals and Waste Local Plan 2024-2039 as set out in Appendix B; and",
    "Hammersmith & Fulham adopted a systemic practice model in 2014, and a significant programme of training followed.",
    "The local authority is an early adopter of the Early Career Framework for social workers.",
    "Senior leaders have adopted a balanced approach to change.",
])
def test_a_lexicon_topic_word_used_procedurally_is_not_the_topic(text):
    assert not matcher("adoption")(text)


@pytest.mark.parametrize("text", [
    # the children's-services sense, also when a plan or a document is named beside it
    "Children’s identity needs are well considered, and adoption support plans are thorough.",
    "There is effective recruitment of adopters that meets the needs of children who require adoption.",
    "The adoption of the child and the plan for her siblings were delayed.",
    "Post-adoption support plans comprehensively address what services children need.",
])
def test_a_lexicon_topic_word_in_its_childrens_services_sense_is_the_topic(text):
    assert matcher("adoption")(text)


def test_a_topic_outside_the_lexicon_keeps_its_procedural_sense():
    assert matcher("implementation")("The implementation of the plan is under way.")
