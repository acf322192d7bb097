"""Near misses declined: the quotes are on the topic asked about but do not give the thing asked for (a council
named as a place that they never print, a figure printed only beside the name it would be of, a form's unanswered
prompts, a start time for when a meeting finishes)."""

from __future__ import annotations

import dataclasses

from assistant.answer.names import councils_left_out, names_left_out, no_end_time, only_prompts
from assistant.query.implied import Implied
from assistant.records import DocMeta, Hit, Paragraph


def hit(text, doc="kent-cc_cabinet_2025-03-13_report.pdf", para="3.1", org="Kent County Council", slug="kent-cc",
        heading=None, title="A report"):
    m = DocMeta(doc=doc, title=title, organisation=org, org_slug=slug, doc_type="committee-paper", date="2025-03-13",
                committee="Cabinet")
    p = Paragraph(id=f"{doc}-{para}", doc=doc, ordinal=0, text=text, para=para, page_start=3, page_end=3,
                  heading=heading)
    return Hit(paragraph=p, meta=m, score=0.03, rank=1, dense=0.6, keyword=1.0)


def implied(*names, slugs=("kent-cc", "medway")):
    return Implied(org_names=list(names), orgs=list(slugs))


RESPONDENTS = "The consultation received 95 responses from professionals and 1,016 questionnaires from residents."


def test_councils_left_out__a_council_named_as_a_place_must_be_printed():
    q = "How many respondents to Kent County Council's Family Hubs consultation lived in Medway?"
    imp = implied("Kent County Council", "Medway")
    assert councils_left_out(q, [(hit(RESPONDENTS), [RESPONDENTS])], imp) == ["Medway"]
    printed = "Of those responding, 40 lived in Medway and 900 in Kent."
    assert councils_left_out(q, [(hit(printed), [printed])], imp) == []
    assert names_left_out(q, [(hit(RESPONDENTS), [RESPONDENTS])], imp, None)


def test_councils_left_out__councils_compared_are_not_places():
    # each council asked about by name (not where something is): a partial answer from one council's papers stands
    q = "How many family centres do Kent County Council and Medway run?"
    assert councils_left_out(q, [(hit(RESPONDENTS), [RESPONDENTS])], implied("Kent County Council", "Medway")) == []
    # nor a question none of whose councils is cited
    q = "How many respondents lived in Medway?"
    other = hit(RESPONDENTS, org="Bromley", slug="bromley")
    assert councils_left_out(q, [(other, [RESPONDENTS])], implied("Kent County Council", "Medway")) == []


GRANT = ("3.1 The Public Health grant for 2025-26 was published on 7th February 2025 and confirms the Council’s grant "
         "allocation is increasing by £4,160.6k.")
NEXT = ("3.2 Further funding has also been provided to support local authorities on other pressures, including "
        "costs relating to HIV Pre-Exposure Prophylaxis.")


def test_names_left_out__a_figure_is_not_of_a_name_printed_only_nearby():
    q = "How much of the 2025-26 Public Health grant will be spent on HIV pre-exposure prophylaxis?"
    cited = [(hit(GRANT), [GRANT])]
    assert names_left_out(q, cited, Implied(), None, nearby=lambda h: NEXT)
    # a question asking no figure may be answered by a paragraph of a passage that names it nearby
    q = "What does the late budget report say about HIV pre-exposure prophylaxis funding?"
    assert not names_left_out(q, cited, Implied(), None, nearby=lambda h: NEXT)


PROMPTS = ["24 Is the same retention period cited in all documentation?",
           "25 At the end of the retention period will the data be:"]


def test_only_prompts__a_forms_unanswered_prompts_answer_nothing():
    q = "What retention period does the DPIA set for the service's data?"
    cited = [(hit(" ".join(PROMPTS), para="24"), PROMPTS),
             (hit("26 What processes ensure that the retention period is adhered to?", para="26"),
              ["26 What processes ensure that the retention period is adhered to?"])]
    assert only_prompts(q, cited)
    answered = cited + [(hit("23 How long will the data be retained for? Seven years after the case closes."),
                         ["23 How long will the data be retained for?", "Seven years after the case closes."])]
    assert not only_prompts(q, answered)
    # what a member asked is answered by the question
    assert not only_prompts("What did Mr Hook ask about the retention period?", cited)
    # a quote ending in a colon alone (a list to follow) is no prompt
    assert not only_prompts(q, [(hit("Cabinet agree to:"), ["Cabinet agree to:"])])
    # the form's header line cited beside its prompts answers nothing either (labels, then its columns' names)
    header = "Project Timeframe for Data Collection: In less than 3 months DPIA Screening Questions Question Number " \
             "Question Answer"
    assert only_prompts(q, cited + [(hit(header, para="1"), [header])])
    # but a sentence beside them is read as an answer
    assert not only_prompts(q, cited + [(hit("Data is kept for seven years.", para="2"),
                                         ["Data is kept for seven years."])])


def test_no_end_time__a_start_time_is_not_when_a_meeting_finishes():
    q = "What time is the Cabinet meeting on 13 March 2025 expected to finish?"
    start = "Thursday, 13th March, 2025, at 3.00 pm (or on the rising of Full Council, whichever is the later)"
    assert no_end_time(q, [(hit(start), [start])])
    assert not no_end_time(q, [(hit("The meeting closed at 4.35 pm."), ["The meeting closed at 4.35 pm."])])
    assert not no_end_time(q, [(hit("Session: 2.00 pm – 4.00 pm"), ["Session: 2.00 pm – 4.00 pm"])])
    assert not no_end_time("What time does the Cabinet meeting start?", [(hit(start), [start])])
    # "scheduled to end by 4.30 pm" (tester)
    both = "A meeting will be held at 10.00 am to deal with the following business. The meeting is scheduled to end by 4.30 pm."
    assert not no_end_time("What time does the meeting start and when is it scheduled to end?", [(hit(both), [both])])


def test_names_left_out__a_figure_introducing_a_list_is_read_with_it():
    # "47 consultees provided a comment … the key themes:": the list after the colon (printed nearby) names it
    q = "How many of the people commenting argued against moving services to the Sheppey Gateway?"
    quote = ["47 consultees provided a comment.", "Example comments highlight the key themes:"]
    cited = [(hit(" ".join(quote)), quote)]
    assert not names_left_out(q, cited, Implied(), None, nearby=lambda h: "- Concerns about travel to Sheppey Gateway")


MOTION = ["The Chairman put the motion to the vote and the voting was as follows: For (36) Against (4) Abstain (0)"]


def test_vote_of_another_committee__one_meetings_vote_is_not_anothers():
    from assistant.answer.names import vote_of_another_committee

    council = hit(MOTION[0], doc="kent-cc_county-council_2025-03-13_minutes.pdf")
    council = dataclasses.replace(council, meta=dataclasses.replace(council.meta, committee="County Council"))
    cabinet = hit("Cabinet agree to: A) the Commissioning Plan for Education Provision in Kent 2025-29")
    q = "How many Cabinet members voted for Kent County Council's education commissioning plan decision?"
    imp = Implied(org_names=["Kent County Council"], orgs=["kent-cc"])
    cited = [(council, MOTION), (cabinet, [cabinet.paragraph.text])]
    assert vote_of_another_committee(q, ["number", "vote"], cited, [council, cabinet], imp)
    # the meeting named is the one whose vote is quoted
    q = "How did the County Council vote on the motion?"
    assert not vote_of_another_committee(q, ["vote"], cited, [council, cabinet], imp)
    # a vote the question mentions is not one the committee named beside it held
    q = "Under the amendment Cabinet agreed on 9 January, when would the first vote for a new mayor be held?"
    assert not vote_of_another_committee(q, ["time", "vote"], cited, [council, cabinet], imp)
    # Kent County Council's own name is no meeting of the County Council
    assert vote_of_another_committee("How did Kent County Council's Cabinet vote?", ["vote"], cited,
                                     [council, cabinet], imp)


def test_names_left_out__a_figure_asked_of_a_financial_year_that_nothing_shown_prints():
    from assistant.answer.names import financial_years_left_out

    q = "What was Kent County Council's forecast revenue overspend at quarter 3 of 2023-24?"
    other_year = "2.1 The forecast position as at Quarter 3 of 2024-25 is a revenue overspend of +£23.3m."
    assert names_left_out(q, [(hit(other_year), [other_year])], implied("Kent County Council"), None)
    same_year = "2.1 The forecast position as at Quarter 3 of 2023/24 is a revenue overspend of +£31.2m."
    assert not names_left_out(q, [(hit(same_year), [same_year])], implied("Kent County Council"), None)
    # the year printed in the paper's title is shown too
    titled = hit(other_year.replace("of 2024-25 ", ""), title="Budget monitoring 2023-2024")
    assert not financial_years_left_out(q, titled.meta.title)
    # a figure is what is checked: how something was done in a year may be told without printing it
    how = "How were the contracts kept going for 2022-23 without a new tender?"
    kept = "The contracts were extended by a waiver for one year."
    assert not names_left_out(how, [(hit(kept), [kept])], implied("Kent County Council"), None)


def test_names_left_out__a_figure_for_a_place_in_the_councils_area_that_nothing_shown_prints():
    from assistant.answer.names import places_left_out

    county = "A total of 44.9FE across the Plan period and up to 120 temporary Year R places."
    q = "How many new special schools will Kent County Council open in Thanet under the plan?"
    imp = Implied(org_names=["Kent County Council"], orgs=["kent-cc"], places=["Thanet"])
    assert names_left_out(q, [(hit(county), [county])], imp, None)
    local = "In Thanet, one new special school will open by 2027."
    assert not names_left_out(q, [(hit(local), [local])], imp, None)
    # printed just above the table row that is cited ("Swale Average cost per client per centre …"): shown
    row = "Seashells £117.58 £31.75 £547.31"
    assert not names_left_out(q, [(hit(row), [row])], imp, None, nearby=lambda h: "Thanet Average cost per client")
    assert names_left_out(q, [(hit(row), [row])], imp, None, nearby=lambda h: "Swale Average cost per client")
    # a former council's name says when, not where: "after the break-up of Cumbria"
    assert not places_left_out(Implied(org_names=["Westmorland and Furness"], places=["Cumbria"]), county)


def test_councils_left_out__a_council_named_after_for_is_a_place_too():
    q = "How many college places does Kent County Council's plan propose for Medway?"
    table = "Post-16: 400 places across Kent by 2027."
    assert councils_left_out(q, [(hit(table), [table])], implied("Kent County Council", "Medway")) == ["Medway"]


def test_wrong_kind_of_evidence__which_body_is_answered_by_a_bodys_name():
    from assistant.answer.names import wrong_kind_of_evidence
    from assistant.query import kinds

    q = "Which trust took over the secure school that the youth justice service described to the panel?"
    vague = "The school had been taken over by a new trust, and it had significant funding invested into it."
    assert wrong_kind_of_evidence(q, [(hit(vague), [vague])], Implied(), kinds.expected(q))
    named = "The school had been taken over by the Oasis Community Learning Trust in 2023."
    assert not wrong_kind_of_evidence(q, [(hit(named), [named])], Implied(), kinds.expected(q))
    # "which group of service users …?" asks for people, whom no body's name gives
    q = "According to the assessment, which group of service users would have been hit hardest by the move?"
    people = "All the 925 adult service users concerned with this proposal have complex needs and disabilities."
    assert not wrong_kind_of_evidence(q, [(hit(people), [people])], Implied(), kinds.expected(q))


def test_a_quarter_for_a_year__one_quarters_figure_is_no_years():
    from assistant.answer.names import a_quarter_for_a_year

    pothole = ("The number of potholes repaired within 28 days this quarter was 3,058 out of a possible 3,243. The "
               "Pothole Blitz Programme was completed at the end of October 2024.")
    q = "How many potholes did the council repair in 2024?"
    assert a_quarter_for_a_year(q, [(hit(pothole), [pothole])])
    two = "In Quarter 2, 2,700 potholes were repaired."
    assert not a_quarter_for_a_year(q, [(hit(pothole.replace("this quarter", "in Quarter 3")), [pothole.replace("this quarter", "in Quarter 3")]), (hit(two), [two])])
    casualties = ("For those casualties that were killed or seriously injured (KSI), these were up by 35 compared to "
                  "the previous year and up by 70 compared to the same quarter pre-pandemic.")
    assert a_quarter_for_a_year("How many people were killed on the county's roads last year?",
                                [(hit(casualties), [casualties])])
    # a year's figure answers; so does a quarter's, asked of a quarter; and a question asking no count is not checked
    year = "In 2024 the council repaired 41,000 potholes, 3,058 of them in the last quarter."
    assert not a_quarter_for_a_year(q, [(hit(year), [year])])
    assert not a_quarter_for_a_year("How many potholes were repaired in quarter 3 of 2024?", [(hit(pothole), [pothole])])
    assert not a_quarter_for_a_year("Which service worked with care leavers back in 2013, and how big was its "
                                    "caseload?", [(hit(pothole), [pothole])])


def test_names_left_out__a_figure_of_a_one_word_name_must_print_it():
    petition = "5.16 A petition entitled 'Save Our Seashells' was submitted with over 6,000 signatures."
    q = "How many signatures did the petition to save Millmead family hub get?"
    assert names_left_out(q, [(hit(petition), [petition])], Implied(), None, nearby=lambda h: "Millmead Family Hub")
    q = "How many signatures did the petition to save Seashells family hub get?"
    assert not names_left_out(q, [(hit(petition), [petition])], Implied(), None, nearby=lambda h: "")
    # a vote's count is recorded under the motion a paragraph above names ("the Labour Group's amendment")
    vote = "(8) The Chairman put to the vote the amendment set out in paragraph 7 above: For (12) Against (42)."
    q = "Did the Labour group's alternative budget get through, and how many members supported it?"
    assert not names_left_out(q, [(hit(vote), [vote])], Implied(), None,
                              nearby=lambda h: "(7) Mr Brady moved the Labour Group's amendment")


def test_one_word_names_left_out__a_labels_word_is_no_name():
    from assistant.answer.names import one_word_names_left_out

    grant = "Over 42% of the grant needs to be spent through Public Health programmes."
    assert one_word_names_left_out("What percentage of the Year 4 family hub grant must be spent through Public "
                                   "Health programmes?", grant, Implied()) == []
    assert one_word_names_left_out("What percentage of the Millmead grant must be spent through Public Health "
                                   "programmes?", grant, Implied()) == ["Millmead"]


def test_names_left_out__a_figure_of_a_name_shortened_to_its_last_word_after_the_paragraphs_naming_it():
    # a Q&A paper names the Sheppey Gateway, then its answer gives the shares of "the Gateway" (tester)
    split = ("It was suggested that the Gateway is a 50/50 split between Kent County Council and Swale Borough "
             "Council. The building is 80% Kent County Council occupied, and 20% Swale Borough Council occupied.")
    q = "What share of the Sheppey Gateway building does Kent occupy?"
    before = "What discussions have been held with the Sheppey Gateway Partnership? A meeting was held in August."
    citations = [(hit(split), [split])]
    assert names_left_out(q, citations, None, None)  # nothing around it names the Sheppey Gateway
    assert not names_left_out(q, citations, None, None, nearby=lambda h: before)
    # a paragraph that never shortens it ("the Gateway") gives no figure of it, whatever is printed around it
    other = "The building is 80% Kent County Council occupied, and 20% Swale Borough Council occupied."
    assert names_left_out(q, [(hit(other), [other])], None, None, nearby=lambda h: before)
    # nor does "the Gateway" stand for a name printed nowhere around it
    assert names_left_out("What share of the Sittingbourne Gateway does Kent occupy?", citations, None, None,
                          nearby=lambda h: before)


def test_names_left_out__a_table_row_is_read_with_its_table_as_printed():
    # the row of one centre is cited with its table, whose other row names the other centre (tester)
    text = hit("Seashells Sheerness 31/03/2025 £204,302.16")
    text = dataclasses.replace(text, row=7)
    row = dataclasses.replace(text, paragraph=dataclasses.replace(text.paragraph, kind="table-row"))
    table = ("Centre | Area | Contract End Date | Contract value per Annum\nMillmead Margate 31/03/2025 £222,127.44\n"
             "Seashells Sheerness 31/03/2025 £204,302.16\nTotals £426,429.60")
    q = "What is the annual value of the Seashells and Millmead contracts?"
    citations = [(row, [row.paragraph.text])]
    assert names_left_out(q, citations, None, None)
    assert not names_left_out(q, citations, None, None, tables=lambda r: table if r == 7 else "")
    # a paragraph of text is not read with a table printed near it
    assert names_left_out(q, [(text, [text.paragraph.text])], None, None, tables=lambda r: table)


def test_another_numbered_label__a_neighbouring_phase_is_not_the_one_asked_about():
    from assistant.answer.names import another_numbered_label

    q = "Did the Cabinet approve Phase 2 of the Special School Review on 30 January 2025?"
    phase1 = ("At the meeting of the Scrutiny Committee held on 29th January 2024, Decision - 24/00097 - Special School "
              "Review - Phase 1, which had been called in, was given approval to proceed to implementation.")
    assert another_numbered_label(q, phase1)
    assert names_left_out(q, [(hit(phase1), [phase1])], Implied(), None)
    assert not another_numbered_label(q, phase1 + " Phase 2 will follow in the autumn.")
    # a paragraph that names no phase at all is left to the other checks
    assert not another_numbered_label(q, "The Special School Review was approved by Cabinet.")
    assert not another_numbered_label("What is the Band D council tax?", "Band D council tax will be £1,700.")


def test_share_of_another_side__a_share_raising_a_concern_is_not_a_share_agreeing():
    from assistant.answer.names import share_of_another_side

    q = "What percentage of consultees agreed with the council's proposal not to renew the Seashells contract?"
    raised = ("They will be reliant on their parent/carers being able to access another centre and support. 14% of "
              "respondents commenting on Seashells specifically raised the impact of the loss of the centre on children.")
    assert share_of_another_side(q, [(hit(raised), [raised])])
    agreed = "Overall, 22% of respondents agreed with the proposal and 70% disagreed."
    assert not share_of_another_side(q, [(hit(raised), [raised]), (hit(agreed, para="4"), [agreed])])
    # a share asked of no side taken is left to the other checks
    assert not share_of_another_side("What percentage of respondents lived in Swale?", [(hit(raised), [raised])])


def test_only_standing_resolutions__minutes_signed_as_a_correct_record_decide_nothing_else():
    from assistant.answer.names import only_standing_resolutions

    q = "What did the County Council decide about council tax at its meeting on 9 January 2025?"
    signed = "RESOLVED that the minutes of the meeting on 9 January 2025 were a correct record and that they be signed."
    settlement = "As in recent years the settlement was presented as core spending power, taking into account council tax."
    cited = [(hit(signed), [signed]), (hit(settlement, para="4"), [settlement])]
    assert only_standing_resolutions(q, ["decision"], cited)
    agreed = "RESOLVED that a council tax increase of 4.99% be agreed for 2025-26."
    assert not only_standing_resolutions(q, ["decision"], cited + [(hit(agreed, para="5"), [agreed])])
    # a question about the minutes themselves is answered by them
    assert not only_standing_resolutions("What did the Cabinet decide about the minutes of 9 January 2025?",
                                         ["decision"], cited)


def test_only_requested__a_request_for_a_decision_is_not_the_decision():
    from assistant.answer.names import only_requested
    q = "What did the Cabinet resolve when it reconsidered the family hubs decision?"
    asked = ("The Cabinet is asked to consider the Scrutiny Committee's comments and to confirm, amend or rescind "
             "the decision.")
    cited = [(hit(asked), [asked])]
    assert [h.paragraph.id for h in only_requested(q, ["decision"], cited)] == [cited[0][0].paragraph.id]
    resolved = "RESOLVED that the Cabinet confirm the decision."
    assert not only_requested(q, ["decision"], cited + [(hit(resolved, para="5"), [resolved])])
    # a resolution's items quoted without their lead-in record the decision too
    listed = "RESOLVED that Cabinet agree to: (a) confirm the decision."
    assert not only_requested(q, ["decision"], cited + [(hit(listed, para="6"), ["(a) confirm the decision."])])
    # what the Cabinet was asked to decide, or will decide, is answered by the request
    assert not only_requested("What was the Cabinet asked to decide about the family hubs?", ["decision"], cited)
    assert not only_requested("What will the Cabinet decide about the family hubs?", ["decision"], cited)
    assert not only_requested(q, ["time"], cited)


def test_counts_another_group__a_figure_beside_a_passing_mention_counts_another_group():
    from assistant.answer.names import counts_another_group
    q = "How many unaccompanied asylum-seeking children does Croydon look after?"
    other = ("It is also home to the national asylum intake unit and has 1,000 school-aged children from outside of "
             "the borough.")
    assert counts_another_group(q, [(hit(other), [other])])
    counted = "The council looks after 120 unaccompanied asylum-seeking children."
    assert not counts_another_group(q, [(hit(other), [other]), (hit(counted, para="4"), [counted])])
    # a group named after something else counted is no count of it
    assert not counts_another_group("How many social workers support unaccompanied asylum-seeking children?",
                                    [(hit(other), [other])])
    # a group named by its acronym is named: "The SEN commissioning intentions … 530 permanent places"
    sen = "A total of 530 permanent places across the planned period. The SEN commissioning intentions are limited."
    assert not counts_another_group("How many SEND places does the commissioning plan add?", [(hit(sen), [sen])])


def test_rate_of_another_measure__a_share_of_something_else_is_not_the_rate_asked():
    from assistant.answer.names import rate_of_another_measure
    q = "What is the reoffending rate for Kent youth justice?"
    ehcp = "Percentage of Education, Health, and Care Plans (EHCPs) issued within 20 weeks: Latest 34%."
    assert rate_of_another_measure(q, [(hit(ehcp), [ehcp])])
    said = "Of the children in the cohort, 31% reoffended within 12 months."
    assert not rate_of_another_measure(q, [(hit(ehcp), [ehcp]), (hit(said, para="4"), [said])])
    vacant = "Recruitment has reduced vacant social work posts from 39% to 25%."
    assert not rate_of_another_measure("What is the social worker vacancy rate in Medway?", [(hit(vacant), [vacant])])
    # business rates are a tax, not a rate of a measure; "what rate" names none
    assert not rate_of_another_measure("How much did the county receive from non-domestic rates surpluses?",
                                       [(hit(ehcp), [ehcp])])
    assert not rate_of_another_measure("At what rate did referrals rise?", [(hit(ehcp), [ehcp])])
    assert not rate_of_another_measure("How did Ofsted rate the response of the front door?", [(hit(ehcp), [ehcp])])


def test_no_outcome__was_it_agreed_needs_a_quote_recording_the_outcome():
    from assistant.answer.names import no_outcome

    q = "Was the budget amendment to halve the gallery's grant agreed?"
    purpose = "This amendment seeks to halve the grant to the gallery for 2025-26, to give time for it to adjust."
    assert no_outcome(q, [(hit(purpose), [purpose])])
    lost = "The amendment was put to the vote and was lost."
    assert not no_outcome(q, [(hit(purpose), [purpose]), (hit(lost, para="4"), [lost])])
    none_put = "No amendments were proposed to the budget."
    assert not no_outcome(q, [(hit(none_put), [none_put])])
    assert not no_outcome("Did Cabinet approve the plan?", [(hit("RESOLVED that the plan be approved."),
                                                             ["RESOLVED that the plan be approved."])])
    assert no_outcome("Did Cabinet approve the plan?", [(hit(purpose), [purpose])])
    # not a yes-or-no question on what a meeting did
    assert not no_outcome("What does the amendment propose?", [(hit(purpose), [purpose])])


def test_no_opening_times__distances_are_no_opening_hours():
    from assistant.answer.names import no_opening_times

    q = "What are the opening hours of Northdown Road Family Hub?"
    miles = "Alternative provision is proposed at three hubs (1.3 miles, 1.4 miles and 1.5 miles away respectively)."
    vary = "4.16 Whilst the opening hours do vary at the three alternative centres, this is not considered an issue."
    assert no_opening_times(q, [(hit(miles), [miles]), (hit(vary, para="4.16"), [vary])])
    for hours in ("The hub is open Monday to Friday.", "It opens from 9am until 5pm.", "Opening 9.00 to 17.00 daily."):
        assert not no_opening_times(q, [(hit(miles), [miles]), (hit(hours, para="5"), [hours])])
    assert not no_opening_times("Where is Northdown Road Family Hub?", [(hit(miles), [miles])])


def test_wrong_kind_of_evidence__a_question_put_gives_no_figure_its_reply_does_not():
    from assistant.answer.names import questions_put, wrong_kind_of_evidence
    from assistant.query import kinds

    q = "How many potholes has the council repaired in 2025 so far?"
    put = "On 6 February I cycled around the villages, photographing around 100 potholes, all needing attention."
    asked = hit(put, para=None, heading="Question by Mike Sole to Neil Baker, Cabinet Member for Highways:")
    assert questions_put(q, [(asked, [put])]) == {0}
    assert wrong_kind_of_evidence(q, [(asked, [put])], Implied(), kinds.expected(q))
    reply = "Since January the council has repaired 4,210 potholes across the county."
    assert not wrong_kind_of_evidence(q, [(asked, [put]), (hit(reply, para="2"), [reply])], Implied(),
                                      kinds.expected(q))
    # a question about what was asked, or what the member said, is answered by the question put
    assert not questions_put("What did Mr Sole ask about potholes?", [(asked, [put])])
    assert not questions_put("How many potholes did the councillor's question say he photographed?", [(asked, [put])])


def test_stock_for_a_flow__a_count_at_a_date_or_a_target_is_not_how_many_came():
    from assistant.answer.names import stock_for_a_flow, wrong_kind_of_evidence
    from assistant.query import kinds

    q = "How many new foster carers did the council recruit in 2024?"
    stock = "As of 31st December 2024, there were 613 approved households against a target of 700 households."
    aim = "The ambition is to have four hub foster care constellations, one in each area, by the end of March 2025."
    cits = [(hit(stock, para=None), [stock]), (hit(aim, para=None), [aim])]
    assert stock_for_a_flow(q, cits)
    assert wrong_kind_of_evidence(q, cits, Implied(), kinds.expected(q))
    # a count of those who came, even at a date, answers it
    for came in ("As at 31 March 2024, 45 new foster carers had been approved during the year.",
                 "The service recruited 38 foster carers in 2024.",
                 "In 2024, 52 households were approved as foster carers."):
        assert not stock_for_a_flow(q, [*cits, (hit(came, para=None), [came])])
    # a question asking how many there are is answered by a count at a date
    assert not stock_for_a_flow("How many foster carers does the council have?", cits)


def test_attendance_elsewhere__another_places_attendance_or_a_surveys_share_is_no_attendance_figure():
    from assistant.answer.names import attendance_elsewhere

    q = "What attendance figures were reported for Millmead Family Hub?"
    other = "Four people attended the drop in at Margate Family Hub, three of whom were elected members."
    share = ("Just under a quarter of consultees (22%) commented they believe lots of deprived children attend "
             "Millmead Family Hub.")
    table = "I / we don't use services at Millmead Family Hub 40 10%"
    cits = [(hit(other), [other]), (hit(share), [share]), (hit(table, para=None), [table])]
    assert attendance_elsewhere(q, cits)
    for came in ("In 2024, 3,400 families attended Millmead Family Hub.",
                 "The drop in at Millmead Family Hub was attended by 12 people."):
        assert not attendance_elsewhere(q, [*cits, (hit(came, para="4"), [came])]), came
    # a question naming no place, or not asking how many attend, is left to other checks
    assert not attendance_elsewhere("What attendance figures were reported for the family hubs?", cits)
    assert not attendance_elsewhere("What services does Millmead Family Hub run?", cits)
    # a question asking what was said about how many attend is not a count asked
    assert not attendance_elsewhere("When the Scrutiny Committee called in the Millmead Family Hub decision, what did "
                                    "members want cleared up about how many people use the buildings?", cits)
    assert attendance_elsewhere("How many people attended Millmead Family Hub?", cits)


def test_wrong_kind_of_evidence__an_agenda_item_is_dated_by_its_meeting():
    # "When is the Home to School Transport presentation to Cabinet due?": the agenda's item prints no date, its
    # meeting's date is the answer (it had been declined, the item shown as the nearest passage, tester round 72)
    from assistant.answer.extractive import _on_the_agenda
    from assistant.answer.names import wrong_kind_of_evidence
    from assistant.query.kinds import expected, required

    item = "8. Home to School Transport - Presentation"
    agenda = hit(item, doc="kent-cc_cabinet_2025-03-04_agenda-frontsheet.pdf", para="8", title="Cabinet agenda")
    agenda = dataclasses.replace(agenda, meta=dataclasses.replace(agenda.meta, date="2025-03-04"))
    due = "When is the Home to School Transport presentation to Kent County Council's Cabinet due?"
    assert not wrong_kind_of_evidence(due, [(agenda, [item])], None, expected(due))
    assert _on_the_agenda(due, required(due, expected(due)), [(agenda, [item])]) == \
        {agenda.paragraph.id: "On the agenda for Cabinet, 4 March 2025"}
    # not when something else happens ("when will the hubs open?" names no meeting), nor from a report's sentence,
    # nor from an item of a paper whose date is not known
    hubs = "When will Kent's new family hubs open?"
    assert wrong_kind_of_evidence(hubs, [(agenda, [item])], None, expected(hubs))
    said = "8. The presentation will update Cabinet on school transport."
    assert wrong_kind_of_evidence(due, [(hit(said, para="8"), [said])], None, expected(due))
    undated = dataclasses.replace(agenda, meta=dataclasses.replace(agenda.meta, date=None))
    assert wrong_kind_of_evidence(due, [(undated, [item])], None, expected(due))


def test_respondents_for_another_count__a_consultations_tally_counts_those_who_answered():
    # "how many families used the hub last year?" was answered by a coded comment's row of the consultation report
    # (26 consultees said so, 5% of those answering): a count of respondents, not of families (tester round 70)
    from assistant.answer.names import respondents_for_another_count, wrong_kind_of_evidence
    from assistant.query.kinds import expected

    q = "How many families used the Seashells family hub last year?"
    row = "We / many have been using Seashells for years, many regular users 26 5%"
    share = "Just under two thirds of consultees answering (63%) indicated they use services at Seashells Family Hub."
    cits = [(hit(row, para=None), [row]), (hit(share, para=None), [share])]
    assert respondents_for_another_count(q, cits, ["number"])
    assert wrong_kind_of_evidence(q, cits, None, expected(q))
    # a figure of the families themselves answers it
    used = "In 2023/24, 1,200 families used services at Seashells Family Hub."
    assert not respondents_for_another_count(q, [*cits, (hit(used, para="4.2"), [used])], ["number"])
    # a question about the consultation or what its respondents said is answered by its tallies
    for about in ("How many consultees said they had been using Seashells for years?",
                  "What percentage of respondents use services at Seashells Family Hub?",
                  "How many people commented that they were regular users of Seashells?"):
        assert not respondents_for_another_count(about, cits, ["number", "rate"]), about
    # a table row of another kind (no share after its count) is left to other checks
    kpi = "Number of families supported by family hubs 1,234"
    assert not respondents_for_another_count(q, [(hit(kpi, para=None), [kpi])], ["number"])
    assert not respondents_for_another_count("What does the Seashells family hub offer?", cits, [])


def test_counts_another_kind__every_figure_quoted_counts_another_kind_of_thing():
    # "how many social workers does the trust employ?" was answered by "brings together 12 local authorities", "how
    # many care leavers became homeless?" by "each of the 12 districts" (testers' questions, round 71)
    from assistant.answer.names import counts_another_kind, wrong_kind_of_evidence
    from assistant.query.kinds import expected

    q = "How many social workers does the trust employ?"
    bodies = "The trust leads a partnership which brings together 12 local authorities to strengthen recruitment."
    cits = [(hit(bodies), [bodies])]
    assert counts_another_kind(q, cits)
    assert wrong_kind_of_evidence(q, cits, None, expected(q))
    leavers = "How many care leavers in Kent became homeless in 2024?"
    districts = "It was suggested that the local housing offers in each of the 12 districts were different."
    assert counts_another_kind(leavers, [(hit(districts), [districts])])
    # a figure of the kind asked for, or one whose noun is of no known kind, may be the count: the quotes stand
    staff = "The trust employs 420 social workers across 12 local authorities."
    assert not counts_another_kind(q, [(hit(staff), [staff])])
    assert not counts_another_kind(q, [*cits, (hit(staff), [staff])])
    rise = "This is an increase of 477 (2.5%) on the previous year."
    assert not counts_another_kind(q, [(hit(rise), [rise])])
    assert not counts_another_kind("How many FE does the plan add?", cits)  # no known kind asked
    # children are not the social workers counted (Ofsted's "Kent was looking after 1,893 children")
    children = "At the time of the inspection, the council was looking after 1,893 children."
    assert counts_another_kind(q, [(hit(children), [children])])
    # a figure with no noun after it counts what the figure before it counts, read on from the sentence before
    fell = children + " This is a reduction from 1,950 at 31 March 2016."
    assert counts_another_kind(q, [(hit(fell), [fell])])
    assert not counts_another_kind("How many young adults and staff are affected?",
                                   [(hit("The service works with 925 young adults."), ["The service works with 925 young adults."])])


def test_unit_sums_for_a_total__a_cost_per_pupil_or_client_is_not_what_the_whole_costs():
    # "how much will the new special school cost?" was answered by a table of average costs per pupil, "how much did
    # the drop-in sessions cost to run?" by average costs per client (testers' questions, rounds 71-72)
    from assistant.answer.names import unit_sums_for_a_total, wrong_kind_of_evidence
    from assistant.query.kinds import expected

    q = "How much will the new special school cost?"
    row = "Maintained Special School £20,629 £21,648 £22,640"
    cits = [(hit(row), [row])]
    per_pupil = {cits[0][0].paragraph.id: ("Table 5: Average cost of pupils funded from the HNB. £s per pupil", 3)}
    assert unit_sums_for_a_total(q, cits, per_pupil)
    said = "The sessions cost an average of £349.53 per attendee."
    drop_in = "How much did the drop-in sessions cost to run?"
    assert unit_sums_for_a_total(drop_in, [(hit(said), [said])], {})
    assert wrong_kind_of_evidence(drop_in, [(hit(said), [said])], None, expected(drop_in))
    # a whole sum, or one given with the unit's, answers; a unit's sum asked for is answered by one
    whole = "The new school will cost £12.4m to build."
    assert not unit_sums_for_a_total(q, [(hit(whole), [whole])], {})
    assert not unit_sums_for_a_total(q, [*cits, (hit(whole, para="4.2"), [whole])], per_pupil)
    both = "The programme costs £1.2m in total, or £500 per pupil."
    assert not unit_sums_for_a_total(q, [(hit(both), [both])], {})
    assert not unit_sums_for_a_total("What is the average cost per pupil at a special school?", cits, per_pupil)
    assert not unit_sums_for_a_total("How much does a place cost each year?", [(hit(whole), [whole])], {})
    assert not unit_sums_for_a_total("How much does a place at a special school cost?", cits, per_pupil)
    fares = ("At Millmead, 1,449 clients attended a session in 2023/24 - if the same number attended a session at "
             "another centre, this could cost KCC an additional £5,796 (based on a £4 ticket).")
    assert not unit_sums_for_a_total("How much will the council spend on subsidised bus fares?", [(hit(fares), [fares])],
                                     {})
    # a sum over a time ("£14,560 a year", "Cost Per Hour … Annual Rental Cost") is no unit's
    rent = "Seashells £20 14 £14,560"
    rents = [(hit(rent), [rent])]
    assert not unit_sums_for_a_total("How much rent will the council pay?", rents,
                                     {rents[0][0].paragraph.id: ("Centre Cost Per Hour Hours Per Week Estimated "
                                                                 "Annual Rental Cost", 3)})


def test_forecasts_for_an_actual__a_forecast_is_not_what_a_year_came_to():
    # "what was the final revenue outturn for 2024-25?" was answered by Quarter 3's forecast (testers, round 73)
    from assistant.answer.names import forecasts_for_an_actual, wrong_kind_of_evidence
    from assistant.query.kinds import expected

    q = "What was Kent County Council's final revenue outturn for 2024-25?"
    q3 = ("2.1 The attached report sets out the overall forecast position as at Quarter 3 of 2024-25, which is a "
          "revenue overspend of +£23.3m and a capital underspend of -£111.6m.")
    cits = [(hit(q3), [q3])]
    assert forecasts_for_an_actual(q, cits, {}, ["money"])
    assert wrong_kind_of_evidence(q, cits, None, expected(q))
    # what the year came to, said so, answers; so does a forecast asked for
    final = "The final outturn for 2024-25 was an overspend of £18.1m."
    assert not forecasts_for_an_actual(q, [*cits, (hit(final, para="4.2"), [final])], {}, ["money"])
    versus = "The actual overspend was £18.1m against a forecast of £23.3m."
    assert not forecasts_for_an_actual(q, [(hit(versus), [versus])], {}, ["money"])
    assert not forecasts_for_an_actual("What was the forecast outturn for 2024-25?", cits, {}, ["money"])
    assert not forecasts_for_an_actual("What is the council's revenue overspend?", cits, {}, ["money"])
    assert not forecasts_for_an_actual("What did the final report say the overspend was?", cits, {}, ["money"])
    # a table's row is read under its headers: a projected balance is no final one
    row = "General Fund -43.0 7.1 -35.9"
    rows = [(hit(row), [row])]
    heads = {rows[0][0].paragraph.id: ("Reserve Opening Balance Forecast Contribution / Drawdown Projected Balance", 3)}
    assert forecasts_for_an_actual("What was the actual balance of the general fund at year end?", rows, heads,
                                   ["number"])


def test_counts_another_kind__an_age_range_or_a_tally_row_counts_no_staff():
    # "how many staff are transferring with the service?" was answered by "Transitions between 18-25 … working with 925
    # young adults", "how many Seashells staff will be made redundant?" by hours of activity and a consultation's
    # tally rows (testers, round 73)
    from assistant.answer.names import counts_another_kind

    q = "How many staff are transferring with the service?"
    ages = ("1.2 The service currently oversees Transitions between 18-25 for those with learning disabilities. As of "
            "January 2025, the 18-25 section of the service were working with 925 young adults.")
    assert counts_another_kind(q, [(hit(ages), [ages])])
    redundant = "How many staff at the hub will be made redundant?"
    hours = "The current service includes 14 hours of activity per week at the hub."
    tally = "The hub / the staff are welcoming (includes staff will lose their jobs) 77 22%"
    cits = [(hit(hours), [hours]), (hit(tally, para="4.2"), [tally])]
    assert counts_another_kind(redundant, cits)
    # the tally answers a question about what consultees said; a number word may count what was named before
    assert not counts_another_kind("How many consultees said staff would lose their jobs?", [cits[1]])
    nine = "Of the staff named, nine are moving."
    assert not counts_another_kind(q, [(hit(ages), [ages]), (hit(nine, para="4.3"), [nine])])


# Kent's Q3 2024-25 finance monitoring report, p.37, and a table row of the family hub contracts (corpus text)
PROGRAMME = ("The total approved General Fund capital programme including roll forwards for 2024-25 is £427.065m. The "
             "current estimated capital programme spend for the year is forecast at £315.5m, which represents 74% of "
             "the approved budget.")
ROW = "Seashells Sheerness 31/03/2025 £204,302.16"


def test_names_left_out__a_sum_named_as_the_subject_is_of_the_one_word_name_asked():
    from assistant.answer.names import sum_named_asked
    q = "What capital budget has Kent set aside to refurbish the Seashells centre?"
    assert sum_named_asked(q)
    # a larger programme's total is not the budget of the one building asked about
    assert names_left_out(q, [(hit(PROGRAMME), [PROGRAMME])], Implied(), None, nearby=lambda h: "")
    # a sum printed with the name stands
    assert not names_left_out(q, [(hit(ROW), [ROW])], Implied(), None, nearby=lambda h: "")
    # a question naming no sum as its subject, or asking which one, is not asked for a figure so
    assert not sum_named_asked("What budget monitoring report did Cabinet note?")
    assert not sum_named_asked("Which budget is forecast to overspend?")


# Kent's family hubs consultation report (March 2025) and Ofsted's 2015 report on Medway (corpus text)
HOURS = ("The provision of activity under the Family Hub contract at Milmead is approximately 9 hours a week. The "
         "provision of at least 9 hours Family Hub activity per week can be accommodated at the other centres.")
DAYS = ("During 2011–14 Medway, on average, took 728 days to place children with adopters after they came into care. "
        "This is six months longer than the national threshold.")


def test_rate_for_a_count_of_time__so_many_a_week_is_no_count_in_all():
    from assistant.answer.names import rate_for_a_count_of_time
    q = "How many hours of family hub activity were delivered at Milmead in 2024-25?"
    assert rate_for_a_count_of_time(q, [(hit(HOURS), [HOURS])])
    assert rate_for_a_count_of_time("How many days was the Gateway open last year?",
                                    [(hit("Gateway is only open 4 days a week"), ["Gateway is only open 4 days a week"])])
    # the rate asked for, or a count of days in all, stands
    assert not rate_for_a_count_of_time("How many hours a week of activity does Milmead provide?",
                                        [(hit(HOURS), [HOURS])])
    q = "How many days did Medway take on average to place children with adopters?"
    assert not rate_for_a_count_of_time(q, [(hit(DAYS), [DAYS])])



HUB_ROW = "Millmead Margate 31/03/2025 £222,127.44"  # a row of a Kent decision report's table of contracts


def _row(text, title="Commissioned Family Hub Contracts"):
    h = hit(text, para=None, heading="4. THE PROPOSAL", title=title)
    return dataclasses.replace(h, paragraph=dataclasses.replace(h.paragraph, kind="table-row"))


def test_names_left_out__a_table_row_names_which_one_its_title_what_kind():
    # the row's label prints which hub, the document's title what kind of thing it is: the name is printed
    q = "What is the annual contract value of the Millmead Family Hub contract?"
    assert not names_left_out(q, [(_row(HUB_ROW), [HUB_ROW])], Implied(), None)
    # another hub's row, or a title naming another kind of thing, is not it
    other = "Seashells Sheerness 31/03/2025 £204,302.16"
    assert names_left_out(q, [(_row(other), [other])], Implied(), None)
    assert names_left_out(q, [(_row(HUB_ROW, "Children's Centre Contracts"), [HUB_ROW])], Implied(), None)
    # a row the parser read as a line of text, its table's column headers before it
    line = f"Provider Area Contract End Date Contract value per Annum {HUB_ROW}"
    assert not names_left_out(q, [(hit(line, title="Record of decision: Commissioned Family Hub Contracts"), [line])],
                              Implied(), None)
    # nor a paragraph of prose, which names the thing in full where it is about it
    prose = "At Millmead, 1,449 clients attended a session in 2023/24 at a cost of £5,796."
    q = "What was the average cost per client at Millmead Family Hub in 2023/24?"
    assert names_left_out(q, [(hit(prose, title="Commissioned Family Hub Contracts"), [prose])], Implied(), None)
