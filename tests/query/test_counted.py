"""What a "how many" question counts, and which of a sentence's figures counts it."""

from assistant.query.counted import count_match, counted


def test_counted__the_noun_phrase_after_how_many_and_what_qualifies_it():
    head, qualifiers = counted("How many children are in care in Medway?")
    assert head == {"children"}
    assert {"care", "look", "after"} <= qualifiers  # "are in care" read as the glossary's "children in care"
    # the phrase ends at a verb or preposition: "staff" is counted, "providers" qualifies them
    assert counted("How many staff at the providers could transfer?")[0] == {"staff"}
    assert counted("How many looked after children are placed out of area?")[0] == {"look", "after", "children"}
    assert counted("What did inspectors say about caseloads?") == (frozenset(), frozenset())
    # "how many of Kent's KPIs …": the council's possessive is not what is counted
    assert counted("How many of Kent's KPIs were red in quarter 2?")[0] == {"kpis"}
    assert counted("How many of Kent County Council's KPIs were red?")[0] == {"kpis"}


def test_count_match__the_figure_that_counts_what_was_asked_scores_highest():
    asked = counted("How many children are in care?")
    in_care = "At the time of the inspection there were 400 looked after children and 209 with care leaver status."
    carers = ("Children looked after are supported in a range of placements; 127 Medway foster carers, caring for "
              "one or more children; one children's home.")
    everyone = "Approximately 62,536 children and young people under 18 years old live in Medway."
    assert count_match(*asked, in_care) > count_match(*asked, everyone) > 0
    assert count_match(*asked, carers) == 0  # carers are counted, and "one or more" counts nothing
    # a year is no count, and a sentence without a figure matches nothing
    assert count_match(*asked, "In 2019 children in care were not visited often enough.") == 0
    assert count_match(frozenset(), frozenset(), in_care) == 0


def test_count_match__what_is_counted_may_come_several_words_after_the_figure():
    # "how many responses …?": the questionnaires "returned in response" are the responses counted
    asked = counted("How many responses did the consultation receive?")
    returned = "A total of 1,016 formal questionnaires were returned in response to the consultation."
    invited = "The consultation invited responses from all those who use either of the two family hubs."
    assert count_match(*asked, returned) > count_match(*asked, invited) == 0


def test_count_match__the_end_of_a_range_counts_nothing():
    # "18-25" is an age band: the young adults seven words on are not 25 of them
    asked = counted("How many young people does the service support?")
    band = "Care Act support provided by the 18-25 Strengthening Independence Service is for young adults."
    working = "As of January 2025, the service was working with 925 young adults."
    assert count_match(*asked, band) == 0 < count_match(*asked, working)
    assert count_match(*asked, "Budgets for 2024/25 young people's services rose.") == 0


def test_count_match__a_figure_may_count_what_was_named_before_it():
    asked = counted("How many KPIs were rated red in quarter 3?")
    rag = "Of the 38 KPIs included in the report, 17 are rated Green. Nine are rated Red."
    total = "The Quarter 3 report includes 38 KPIs; 40 KPIs were reported in Quarters 1 and 2."
    assert count_match(*asked, rag) > count_match(*asked, total) > 0
    # a figure with its own noun is not read as counting the one named before it
    assert count_match(*asked, "Of the KPIs, 17 schools are rated Green.") == 0


def test_zero_count__none_of_what_is_counted_is_a_count():
    from assistant.answer.scoring import holds
    from assistant.query.counted import zero_count

    q = "How many children are looked after in the Isles of Scilly?"
    head = counted(q)[0]
    none = "There are no children who are looked after in the Isles of Scilly; however, clear guidance is in place."
    assert zero_count(head, none) and holds("number", none, q)  # the answer, not a reason to abstain
    assert count_match(*counted(q), none) > 0
    for text in ("Children no longer live far from home.", "There were no more than a few children in care.",
                 "There are no foster carers on the islands.",
                 "No children in care currently live in unregistered care provision."):  # none of those, not of all
        assert not zero_count(head, text), text


def test_count_match__a_figure_after_the_number_of_what_is_counted():
    asked = counted("How many children were in care in Medway in 2015?")
    assert "medway" not in asked[1] and "2015" not in asked[1]  # where and when: the filters' business
    rising = ("Medway has experienced a notable recent increase in the number of children looked after, with numbers "
              "rising from 380 at 31 March 2014 to 435 at the point of the inspection.")
    adopted = "National adoption figures show that 50 children in Medway left care through adoption."
    assert count_match(*asked, rising) > count_match(*asked, adopted)
    assert count_match(*asked, "The number of social workers rose to 45.") == 0


def test_count_match__the_state_asked_for_and_a_count_elided_after_of_the():
    from assistant.query.counted import stated

    q = "How many KPIs were green in Kent's Q3 performance report?"
    assert stated(q) == {"green"} and stated("How many complaints were upheld?") == {"upheld"}
    assert stated("How many children are in care?") == frozenset()  # where, not a state
    asked = counted(q)
    summary = ("Of the 38 Key Performance Indicators (KPIs) contained within the QPR, 17 achieved target (Green), and "
               "12 achieved or exceeded the floor standard but did not meet target (Amber).")
    reported = "The Quarter 3 QPR includes 38 KPIs. 40 KPIs were reported in Quarters 1 & 2."
    assert count_match(*asked, summary, stated(q)) > count_match(*asked, reported, stated(q))


def test_count_match__a_long_table_of_figures_is_read_quickly():
    import time

    row = "Of the 38 KPIs in the table, " + " ".join(f"{i} achieved (Green) and" for i in range(2000))
    start = time.perf_counter()
    count_match(frozenset({"kpis"}), frozenset({"green"}), row, frozenset({"green"}))
    assert time.perf_counter() - start < 5  # quadratic at worst over one sentence's figures, never exponential


def test_count_match__a_figure_after_another_and_a_word_of_the_same_root():
    asked = counted("How many people responded to the consultation?")
    returned = "5.6 A total of 1,016 formal questionnaires were returned in response to the consultation."
    assert count_match(*asked, returned) > 0  # respond / respons; the paragraph's number does not swallow 1,016
    assert count_match(*counted("How many responses were there?"), "5.6 A total of 1,016 responses.") > 0


def test_counted__a_council_named_in_the_counted_phrase_is_where_not_what():
    # "Kent county councillors": a figure of "14 local authorities within Kent" had matched what was counted
    head, _ = counted("How many Kent county councillors voted against the motion?")
    assert "kent" not in head and "councillor" in head
    assert count_match(head, frozenset(), "There are 14 local authorities within Kent.") == 0


def test_kind_counted_and_figure_kinds__what_a_count_and_each_figure_count():
    from assistant.query.counted import figure_kinds, kind_counted

    assert kind_counted("How many social workers does the trust employ?") == {"workforce"}
    assert kind_counted("How many care leavers in Kent became homeless in 2024?") == {"young"}
    assert kind_counted("How many young carers are there?") == {"young"}  # "young" says young people
    assert kind_counted("How many young adults and staff are affected?") == {"adults", "workforce"}
    assert kind_counted("How many new children's homes has the council supported?") == {"bodies"}  # homes
    assert kind_counted("How many of Kent County Council's KPIs were rated Red?") == {"business"}
    assert kind_counted("How many hours a week of activity are delivered?") == {"time"}
    assert kind_counted("How many FE does the plan add?") == set()  # a noun of no known kind
    assert kind_counted("How many staff and FE are added?") == set()
    assert kind_counted("What did inspectors say about caseloads?") == set()
    assert figure_kinds("The partnership brings together 12 local authorities to strengthen recruitment.") == ["bodies"]
    assert figure_kinds("The council has supported the development of three children’s homes.") == ["bodies"]
    # a year, a sum, a share and a section number are no figure; a count's noun ends at "and", a verb or a preposition
    assert figure_kinds("2.4 As of January 2024, this totalled 19,407 children and young people with an EHCP, "
                        "£5,046,624 and 35.7 % of them.") == ["young"]
    assert figure_kinds("4.17 Currently 54,189 households are within a 35 minute bus journey.") == ["adults", "time"]
    assert figure_kinds("22,866 young people voted, and 2,152 people signed up.") == ["young", "people"]
    # a figure whose noun is of no known kind is kept (it may be the count asked for); a number word alone is not
    assert figure_kinds("This is an increase of 477 (2.5%), one of the largest.") == [None]


def test_same_kind__any_people_may_be_people_of_any_kind():
    from assistant.query.counted import same_kind

    assert same_kind(frozenset({"young"}), "young")
    assert same_kind(frozenset({"workforce"}), "people")  # "2,152 people" may be staff
    assert same_kind(frozenset({"people"}), "adults")
    assert not same_kind(frozenset({"workforce"}), "young")  # "1,893 children" are not social workers
    assert not same_kind(frozenset({"people"}), "bodies")


def test_figure_kinds__a_figure_with_no_noun_counts_what_the_one_before_it_counts():
    from assistant.query.counted import figure_kinds

    # the kind the sentences before counted last is read on ("9,193 children … This is a reduction from 9,290")
    assert figure_kinds("This is a reduction from 9,290 at 31 March 2016.", "young") == ["young"]
    assert figure_kinds("This is an increase of 477 (2.5%) since January 2023.", "young") == ["young"]
    assert figure_kinds("Of those, 300 are placed out of area.", "bodies") == ["bodies"]
    # "the numbers of young people … reduced from 305 … to 179": what "the number of" names
    assert figure_kinds("The numbers of young people not in education reduced from 305 in 2015–16 to 179 in "
                        "February 2017.") == ["young", "young"]
    # a date's day and an age are no figure; a figure followed by another noun is not read on
    assert figure_kinds("On 31st December 2024, support from the 18-plus support officers.") == []
    assert figure_kinds("The 2 options are set out.", "young") == [None]


def test_figure_kinds__a_count_at_a_sentence_start_is_no_section_number():
    from assistant.query.counted import figure_kinds
    # a bare number before a lower-case word counts it (Kent family hubs consultation report)
    assert figure_kinds("65 consultees provided a comment.") == ["adults"]
    assert figure_kinds("99 respondents provided comments that addressed the proposals for both sites.") == ["adults"]
    # a section number before a capital, or with its dot, is still no count
    assert figure_kinds("3.1 The two providers officially have Children’s Centre contracts.") == ["bodies"]
    assert figure_kinds("12 The council supports 40 children.") == ["young"]
    assert figure_kinds("12. the council supports 40 children.") == ["young"]


def test_figure_kinds__professionals_organisations_and_responses_are_of_a_kind():
    from assistant.query.counted import figure_kinds, kind_counted, same_kind
    # Kent quarterly performance report; Medway 2013 inspection
    assert figure_kinds("Almost 200 frontline professionals attended the three sessions.")[0] == "workforce"
    assert figure_kinds("Placements were commissioned from 52 external providers.") == ["bodies"]
    assert figure_kinds("A postal survey of 111 looked after children had only 10 responses.") == ["young", "adults"]
    assert kind_counted("How many organisations responded to the consultation?") == frozenset({"bodies"})
    assert same_kind(kind_counted("How many people responded to the consultation?"), "adults")
