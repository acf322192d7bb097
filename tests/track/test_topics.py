"""Topic tags and matching: the lexicon's topics and their aliases, and any other words matched loosely."""

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
