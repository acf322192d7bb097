"""Decisions on real papers: a record of decision's clauses, recitals of earlier decisions, minutes' resolutions,
an executive response's lead-ins, the option a scrutiny meeting agreed."""

from __future__ import annotations

import re

import pytest

from tests.conftest import corpus_file

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def record_of_decision(records_of):
    return records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf"))


@pytest.fixture(scope="module")
def executive_response(records_of):
    return records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-executive-response.pdf"))


def test_record_of_decision__each_clause_is_a_decision_with_ref_who_and_status(record_of_decision):
    clauses = [r for r in record_of_decision if r.kind == "decision" and r.page_start == 1]
    assert [r.text.split()[0] for r in clauses] == ["APPROVE", "DELEGATE", "DELEGATE", "DELEGATE"]
    assert {r.ref for r in clauses} == {"24/00093"}
    assert {r.status for r in clauses} == {"taken"}
    assert all("Cabinet Member" in (r.who or "") for r in clauses)
    assert clauses[1].ordinal == clauses[2].ordinal  # two DELEGATE clauses printed in one paragraph


def test_record_of_decision__clauses_are_dated_by_the_day_it_was_signed(record_of_decision):
    # "17/1/2025" over the record's "signed … date" line: the day the decision was taken, not the agenda pack's date
    clauses = [r for r in record_of_decision if r.kind == "decision" and r.page_start == 1]
    assert {r.decided for r in clauses} == {"2025-01-17"} and {r.date for r in clauses} == {"2025-03-13"}
    assert all(r.when == "2025-01-17" for r in clauses)


def test_proposed_record__an_unsigned_record_has_no_decided_date(records_of):
    records = records_of(corpus_file(
        "committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-proposed-record-of-decision.pdf"))
    assert not any(r.decided for r in records if r.kind == "decision" and r.ref == "24/00109")


def test_record_of_decision__recited_decisions_keep_their_own_reference_and_date(record_of_decision):
    recital = next(r for r in record_of_decision if r.kind == "decision" and r.ref == "21/00086")
    assert recital.decided == "2021-11-10" and recital.date == "2025-03-13"
    assert recital.text.startswith("A Key Decision (21/00086) was taken on 10 November 2021")
    assert any(r.ref == "23/00092" and r.decided == "2023-11" for r in record_of_decision)


def test_record_of_decision__savings_impact_and_guidance_are_not_commitments(record_of_decision):
    texts = [r.text for r in record_of_decision if r.kind in ("commitment", "decision")]
    assert not any("will save £426k" in t for t in texts)
    assert not any("highest impact will be felt" in t for t in texts)
    assert not any("local authorities should not close" in t for t in texts)
    update = next(r for r in record_of_decision if r.kind == "commitment" and r.text.startswith("An update on these"))
    assert update.due and "next" in update.due


def test_record_of_decision__committee_motion_items_are_recommendations(record_of_decision):
    # (the paper's own proposal, "It is therefore proposed that KCC will not re-procure …", is one too: not a motion)
    recs = [r.text for r in record_of_decision if r.kind == "recommendation" and r.stage != "proposal"]
    # (the motion's three clauses, a line each, are one motion: one row)
    assert recs[0].startswith("That the decision be delayed") and len(recs) == 1


def test_proposed_record__clauses_are_proposed_decisions_of_the_named_body(records_of):
    records = records_of(corpus_file(
        "committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-proposed-record-of-decision.pdf"))
    clauses = [r for r in records if r.kind == "decision"]
    assert len(clauses) == 2 and {r.status for r in clauses} == {"proposed"}
    assert {r.ref for r in clauses} == {"24/00109"} and {r.who for r in clauses} == {"Cabinet"}


def test_minutes__lettered_resolution_clauses_are_separate_decisions_under_the_item_reference(records_of):
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_printed-minutes.pdf"))
    budget = [r for r in records if r.kind == "decision" and r.ref == "24/00108"]
    assert len(budget) == 6
    assert budget[0].text == "RESOLVED that Cabinet agree to: Note the forecast revenue overspend of £23.3m (excluding Schools)."
    assert all(r.status == "resolved" and r.who == "Cabinet" for r in budget)


def test_executive_response__resolution_lead_in_is_not_a_record_but_its_content_is(executive_response):
    decisions = [r for r in executive_response if r.kind == "decision"]
    assert not any(r.text.rstrip().endswith("resolved the following:") for r in decisions)
    council = next(r for r in decisions if r.text.startswith("Council recognises that this petition"))
    assert council.who == "Council" and council.status == "resolved"
    rec = next(r for r in executive_response if r.kind == "recommendation")
    assert rec.text.startswith("The committee recommends that the decision be delayed")


def test_executive_response__call_in_and_the_option_agreed(executive_response):
    call_in = next(r for r in executive_response if r.kind == "decision" and r.status == "called in")
    assert call_in.para == "1.6" and call_in.stage == "call-in"
    option = next(r for r in executive_response if r.text.startswith("1.7 Option d) was agreed"))
    assert "postponed pending review or scrutiny of the matter by the full Council" in option.text
    taken = next(r for r in executive_response if r.para == "1.5" and r.kind == "decision")
    assert taken.decided == "2025-01-17"


def test_decision_notice__the_decision_section_with_maker_and_status_from_its_header(records_of):
    records = records_of(corpus_file("moderngov/kirklees-probable_ieDecisionDetails_holme-park-court-demolition.html"))
    decisions = [r for r in records if r.kind == "decision"]
    assert decisions[0].text.startswith("The demolition of the existing tower blocks has been approved")
    assert {r.who for r in decisions} == {"Service Director - Homes & Neighbourhoods"}
    assert {r.status for r in decisions} == {"taken"}


def test_executive_response__commitments_keep_who_and_drop_past_dates_as_deadlines(executive_response):
    outreach = next(r for r in executive_response if r.kind == "commitment" and "rent rooms" in r.text)
    assert outreach.who and outreach.who.endswith("officers")
    told = next(r for r in executive_response if r.kind == "commitment" and r.para == "1.2")
    assert told.due is None  # "in July 2024" is when providers were told, before the paper's date


def test_minutes__a_budget_resolutions_clauses_under_group_headings_are_each_a_decision(records_of):
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-02-13_printed-minutes.pdf"))
    resolved = [r for r in records if r.kind == "decision" and r.para == "291/27"]
    clauses = [r.text.split("is asked to agree the following: ", 1)[1] for r in resolved]
    # (a) printed after its group heading on one line, (g) after a heading that reads like an item title, and
    # every clause to the end: one decision each, each its own words, no group heading inside
    assert len(clauses) == len(set(clauses)) >= 17
    assert clauses[0].startswith("The 10-year Capital programme and investment proposals of £1,419m")
    assert "The net revenue budget requirement of £1,530.9m for 2025-26." in clauses
    assert any(c.startswith("Note the transition of all Kent Scheme staff") for c in clauses)
    assert not any("Capital Programme (a)" in c or c.endswith(("Council Tax", "Medium Term Financial Plan"))
                   for c in clauses)


def test_agenda__an_items_entry_is_not_a_decision_taken(records_of):
    # "Cabinet Reconsideration of Decision 24/00093 - … (Pages 101 - 104)" lists what the meeting will consider
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-03-04_agenda-frontsheet.pdf"))
    assert not any("(Pages " in r.text for r in records if r.kind == "decision")


def test_call_in__a_procedure_described_is_not_a_call_in_made(records_of):
    # a paper on the NHS reconfiguration call-in rules: "call-in requests should be submitted", "a called in
    # reconfiguration" describe the procedure; none was called in
    records = records_of(corpus_file(
        "committee/kent-cc_county-council_2025-03-13_kent-medway-nhs-jhosc-terms-of-reference-report.pdf"))
    assert not [r.text for r in records if r.kind == "decision" and r.status == "called in"]


def test_a_lead_in_printed_with_its_first_clause_and_the_rest_after_it(records_of):
    # "16. Cabinet resolved the following:\na. NOTE the comments …" | "b. CONFIRM …" | "c. AGREE …"
    records = records_of(corpus_file(
        "committee/kent-cc_county-council_2025-03-13_scrutiny-call-in-family-hubs-report-to-county-council.pdf"))
    resolved = [r.text for r in records if r.kind == "decision" and r.text.startswith("Cabinet resolved the following")]
    assert [t.split(": ", 1)[1].split()[0] for t in resolved] == ["NOTE", "CONFIRM", "AGREE"]
    assert all(r.who == "Cabinet" for r in records if r.text in resolved)


def test_a_tables_column_headers_are_no_record(records_of):
    """The finance report's capital changes "Cabinet is asked to approve" are a table: its rebuilt header ("Project
    … | Year | Amount (£m) | Reason") recommends nothing, nor does a table-header paragraph anywhere."""
    path = corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf")
    assert not [r for r in records_of(path) if r.text.startswith("Project Adult Social Care & Health | Year")]
    from assistant.track.extractor import extract_records
    from assistant.records import DocMeta, Paragraph

    meta = DocMeta(doc="r.pdf", title="Report", organisation="Kent County Council", org_slug="kent-cc",
                   doc_type="committee-report", date="2025-01-30")
    header = Paragraph(id="h", doc="r.pdf", ordinal=0, text="Project | Year | Amount (£m) | Reason",
                       heading="Cabinet is asked to approve the following changes to the Capital Budget",
                       kind="table-header")
    assert extract_records(meta, [header]) == []


def test_a_decisions_title_or_a_link_to_it_only_mentions_it_a_recital_of_what_it_did_is_a_decision(records_of,
                                                                                                     executive_response):
    decided = [r for r in executive_response if r.kind == "decision"]
    assert not any(r.text.startswith("Decision - 24/00093 - Future of") for r in decided)  # a title: no verb
    # ... but it gives its number to the sentence before it, which says what was decided
    assert any(r.ref == "22/00108" and r.text.startswith("To protect the services, the two incumbent providers were "
                                                         "awarded a contract by way of Direct Award") for r in decided)
    report = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-decision-report-24-00093.pdf"))
    assert any(r.text.startswith("A further Key Decision (22/00108) facilitated") for r in report if r.kind == "decision")
    eqia = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-equality-impact-assessment.pdf"))
    assert not any("linked to decision 23/00092" in r.text for r in eqia if r.kind == "decision")
    call_in = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-call-in-submission-24-00093.pdf"))
    assert any(r.text.startswith("Call-in Request for Executive Decision 24/00093") and r.status == "called in"
               for r in call_in if r.kind == "decision")


def test_the_papers_attached_and_the_contact_under_a_recommendation_heading_are_no_recommendation(records_of):
    report = records_of(corpus_file("committee/kent-cc_cabinet_2025-03-04_scrutiny-call-in-family-hubs-report-to-"
                                    "cabinet.pdf"))
    recommended = [r.text for r in report if r.kind == "recommendation"]
    assert recommended  # the recommendation itself is still read
    assert not any(t.startswith(("d) Appendix 2", "c) Agenda for Scrutiny Committee", "Attached documents"))
                   for t in recommended)


def test_a_decision_reports_recommendations_carry_the_decision_number_its_header_gives(records_of):
    from assistant.track.commitments import _asked_body

    report = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-decision-report-24-00093.pdf"))
    proposal = [r for r in report if r.kind == "recommendation" and r.text.startswith("APPROVE the proposal")]
    assert proposal and {r.ref for r in proposal} == {"24/00093"}  # the proposal on that decision's trail
    assert _asked_body("When considering any potential decision, Members are asked to balance all relevant factors.",
                       "") == "Members"


def test_minutes__each_point_of_a_resolutions_numbered_list_is_a_decision(records_of):
    # "7. RESOLVED that Cabinet:" over three paragraphs "1. Agree to submit …", "2. Note that …", "3. Agree to
    # request that the Minister … consider postponing County elections": only the first had been recorded
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-09_minutes.pdf"))
    resolved = [r for r in records if r.kind == "decision" and r.para and r.para.startswith("83/")]
    assert [r.text[:2] for r in resolved] == ["1.", "2.", "3."]
    assert "postponing County elections" in resolved[-1].text and resolved[-1].status == "resolved"


def test_minutes__a_vote_on_an_amendment_printed_elsewhere_is_no_decision(records_of):
    # "16) Following the debate, the Chairman put the amendment set out at paragraph 15 to the vote and it was agreed."
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-01-09_printed-minutes.pdf"))
    assert not [r for r in records if r.kind == "decision" and "to the vote" in r.text]
    assert any(r.kind == "decision" and r.para == "285/26" and r.status == "resolved" for r in records)


def test_a_reports_account_of_an_agreement_by_no_one_named_is_no_resolution_of_its_meeting(records_of):
    # a background paragraph: "… it was agreed that the IC Strategy should additionally fulfil the role of the Joint
    # Local Health and Wellbeing Strategy for Kent." had been the paper's own decision, resolved by Cabinet; agreed
    # by no one named, on no day, of no decision named, it is background, not a decision recited either
    report = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_integrated-care-strategy-delivery-plan-"
                                    "report.pdf"))
    assert not [r for r in report if r.kind == "decision" and "it was agreed that" in r.text]



def test_minutes__a_vote_on_the_motion_printed_above_is_not_a_decision(records_of):
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_printed-minutes.pdf"))
    decisions = [r for r in records if r.kind == "decision"]
    # "2) Following the debate, the Chairman put the motion set out in paragraph 1 and it was agreed unanimously."
    assert not any("put the motion set out in paragraph" in r.text for r in decisions)
    assert any(r.para == "300/5" and r.text.startswith("RESOLVED that the County Council") for r in decisions)



def test_minutes__what_a_narrated_meeting_did_is_dated_and_done_by_that_meeting(records_of):
    # a Cabinet Member's update in Cabinet's minutes of 30 January tells what the Scrutiny Committee did the day before
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_printed-minutes.pdf"))

    def said(words):
        return next(r for r in records if r.kind == "decision" and words in r.text)

    call_in = said("At the Scrutiny Committee held on 29th January 2025")
    assert call_in.when == "2025-01-29" and call_in.who == "Scrutiny Committee" and call_in.ref == "24/00093"
    referred = said("At that meeting, Members agreed to refer the decision to full Council")
    assert referred.when == "2025-01-29" and referred.who == "Scrutiny Committee" and referred.status == "referred"
    # the meeting's own resolutions keep its day and its name
    assert all(r.when == "2025-01-30" and r.who == "Cabinet" for r in records if r.text.startswith("RESOLVED"))


def test_a_recited_endorsement_is_dated_by_the_day_it_gives(records_of):
    records = records_of(corpus_file(
        "committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-proposed-record-of-decision.pdf"))
    endorsed = next(r for r in records if "endorsed the KCP on 21 November 2024" in r.text)
    assert endorsed.when == "2024-11-21"


def test_a_finance_tables_lines_and_an_unnamed_background_agreement_are_no_decisions(records_of):
    finance = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf"))
    # "… increase to reflect KCC agreed contribution": an amount's reason, not a decision KCC took
    assert not [r for r in finance if r.kind == "decision" and "£0.250m Ashford" in r.text]
    # "3.6 … it was agreed that the IC Strategy should additionally fulfil …": by no one, on no day, of no decision
    ics = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_integrated-care-strategy-delivery-plan-report.pdf"))
    assert not [r for r in ics if r.kind == "decision" and r.para == "3.6"]
    # a recital that names the decision it recites stays: "In the KCP decision, it was agreed to close …"
    eqia = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-equality-impact-assessment.pdf"))
    assert [r for r in eqia if r.kind == "decision" and r.text.startswith("In the KCP decision, it was agreed")]


def test_a_papers_account_of_earlier_decisions_is_no_decision_of_its_own_day(records_of):
    # a report to the County Council's meeting of 13 March recounts the call-in, the Scrutiny Committee's motion and
    # the process: none of it was done that day, and where the paper gives no day it is a mention, kept by no dates
    records = records_of(corpus_file(
        "committee/kent-cc_county-council_2025-03-13_scrutiny-call-in-family-hubs-report-to-county-council.pdf"))

    def said(words):
        return next(r for r in records if r.kind == "decision" and words in r.text)

    for words in ("A call in request was submitted by", "the Committee resolved, with a unanimous vote"):
        r = said(words)
        assert r.recited and not r.dated and r.label_kind == "Mention", words
    # how call-ins are handled, and what the meeting is invited to do, are no call-in made: "In determining the
    # validity of any call-in, no judgment is made by …" ('made' is the judgment's), "… the issues raised in the
    # call-in, the points raised by the Scrutiny Committee …"
    for words in ("no judgment is made by Democratic Services", "Members are invited to debate the matter"):
        assert not any(r.kind == "decision" and words in r.text for r in records), words
    # "15. Cabinet met on 4 March 2025 …" over "16. Cabinet resolved the following: a. NOTE …": Cabinet's, that day
    resolved = [r for r in records if r.kind == "decision" and r.text.startswith("Cabinet resolved the following")]
    assert len(resolved) == 3 and {r.when for r in resolved} == {"2025-03-04"} and {r.who for r in resolved} == {"Cabinet"}
    assert all(r.dated and r.label_kind == "Decision" for r in resolved)


def test_minutes__what_had_been_done_before_the_meeting_is_recounted_not_resolved(records_of):
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_printed-minutes.pdf"))
    referred = next(r for r in records if r.kind == "decision" and "had referred the matter" in r.text)
    assert referred.recited and not referred.dated
    assert not any(r.recited for r in records if r.kind == "decision" and r.text.startswith("RESOLVED"))


def test_a_lead_ins_content_in_a_report_is_dated_by_the_lead_in_or_recounted(records_of):
    # an executive response quotes the clause a decision of 17 January added ("… was taken by the Cabinet Member on
    # 17 January 2025. The decision included an additional clause:") and the option Scrutiny agreed: not its own day's
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-executive-response.pdf"))
    clause = next(r for r in records if r.kind == "decision" and r.text.startswith("‘DELEGATE authority"))
    assert not (clause.dated and clause.when == "2025-03-13")
    option = next(r for r in records if r.kind == "decision" and "Option d) was agreed" in r.text)
    assert option.recited and not (option.dated and option.when == "2025-03-13")


def test_that_some_decision_was_made_by_no_one_on_no_day_is_no_decision(records_of, record_of_decision):
    # background: "Firstly decisions were made that considered the Family Hub model …" names no body, no day and no
    # number; a numbered or dated recital stays
    texts = [r.text for r in record_of_decision if r.kind == "decision"]
    assert not any("decisions were made that considered" in t for t in texts)
    assert any(t.startswith("A Key Decision (21/00086) was taken on 10 November 2021") for t in texts)
    governance = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_governance-update-report.pdf"))
    assert not any("before a vote or decision was taken" in r.text for r in governance if r.kind == "decision")


def test_minutes__what_had_been_done_before_a_narrated_meeting_is_not_that_meetings(records_of):
    # "(a) At the Scrutiny Committee held on 29th January 2025 … The decision had been made to not refer the item to
    # the meeting of the Cabinet on 30th January …": not the Scrutiny Committee's act of 29 January
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_printed-minutes.pdf"))
    assert not any("had been made to not refer" in r.text and r.when == "2025-01-29" for r in records
                   if r.kind == "decision")


def test_clauses__marks_run_on_into_the_line_before_each_open_a_clause():
    from assistant.track.decisions import clauses

    # "(1) … (2) …" on one line; "; and, (iii) … and (iv)"; "… Constitution. 6. Delegates"; a bulleted resolution
    assert clauses("RESOLVED that the County Council:\n(1) Endorses the ongoing joint work (2) Endorses the "
                    "proposed decision (3) Notes that acceptance will commit Kent") == [
        "RESOLVED that the County Council: Endorses the ongoing joint work",
        "RESOLVED that the County Council: Endorses the proposed decision",
        "RESOLVED that the County Council: Notes that acceptance will commit Kent"]
    assert clauses("RESOLVED that Council:\n(i) Notes the Inspector’s Report;\n(ii) Notes the Sustainability "
                    "Appraisal (Appendix D); and, (iii) Adopts the Plan as set out in Appendix B; and (iv) Delegates "
                    "authority to the Corporate Director.")[1:] == [
        "RESOLVED that Council: Notes the Sustainability Appraisal (Appendix D)",
        "RESOLVED that Council: Adopts the Plan as set out in Appendix B",
        "RESOLVED that Council: Delegates authority to the Corporate Director."]
    assert clauses("RESOLVED that Council:\n4. Agrees the Chair.\n5. Approves the relevant changes to the "
                    "Constitution. 6. Delegates authority to the Monitoring Officer.")[1:] == [
        "RESOLVED that Council: Approves the relevant changes to the Constitution.",
        "RESOLVED that Council: Delegates authority to the Monitoring Officer."]
    assert clauses("RESOLVED that Council:\n• Agrees the revised Terms of Reference; and\n• Delegates to the "
                    "Monitoring Officer.") == ["RESOLVED that Council: Agrees the revised Terms of Reference",
                                               "RESOLVED that Council: Delegates to the Monitoring Officer."]
    # a reference inside a clause ("section 25(2) of the Act") opens none
    assert clauses("RESOLVED that:\n(1) Notes the report under section 25 (2) of the Act") == [
        "RESOLVED that:\n(1) Notes the report under section 25 (2) of the Act"]


def test_minutes__a_resolutions_clauses_printed_on_one_line_are_each_a_decision(records_of):
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-01-09_printed-minutes.pdf"))
    devolution = [r for r in records if r.kind == "decision" and r.para == "285/26"]
    assert [r.text.split(": ", 1)[1].split()[0] for r in devolution] == ["Endorses", "Endorses", "Notes", "Notes",
                                                                          "Expects"]
    later = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_printed-minutes.pdf"))
    for para, verbs in (("299/3", ["Notes", "Notes", "Adopts", "Delegates"]), ("304/3", ["Agrees", "Delegates"]),
                        ("306/8", ["Notes", "Comments", "Approves", "Agrees", "Approves", "Delegates"])):
        clauses = [r.text.split(": ", 1)[1] for r in later if r.kind == "decision" and r.para == para]
        assert [c.split()[0] for c in clauses] == verbs, para
        assert not any(re.search(r"\(?\b(?:iii|iv|6)[.)]\s|•", c) for c in clauses), para


def test_a_paper_describing_itself_is_no_decision_the_decision_it_names_is(executive_response):
    from assistant.track.decisions import _SELF_DESCRIBED

    opening = [r for r in executive_response if r.kind == "decision" and r.para == "1.1"]
    assert [r.text[:27] for r in opening] == ["Key Decision 24/00093 taken"]
    assert opening[0].ref == "24/00093" and opening[0].decided == "2025-01-17"
    assert not any("supplementary paper" in r.text for r in executive_response if r.kind == "decision")
    for text in ("1.1 This is a supplementary paper (Appendix 1) to accompany the Covering Report",
                 "This report sets out the decision taken by Cabinet", "The purpose of this report is to update"):
        assert _SELF_DESCRIBED.match(text), text
    for text in ("The report was approved by Cabinet on 4 March 2025", "This decision was taken on 17 January 2025"):
        assert not _SELF_DESCRIBED.match(text), text


def test_a_figure_for_what_a_body_approved_is_no_decision():
    from assistant.track.decisions import _RECITAL

    assert not _RECITAL.search("The total value of the SBB approved applications is £2.46m.")
    assert _RECITAL.search("In October 2023 the KCC Cabinet adopted ‘Securing Kent’s Future’.")


@pytest.mark.corpus
def test_a_call_in_is_listed_as_a_call_in_not_a_decision(records_of):
    # the call-in form's header, "the call-in request was submitted", "the Scrutiny Committee considered a call-in":
    # steps on decision 24/00093 (the trail's), not decisions
    form = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-call-in-submission-24-00093.pdf"))
    header = next(r for r in form if r.text.startswith("Call-in Request for Executive Decision 24/00093"))
    assert header.label_kind in ("Call-in", "Mention")
    response = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-executive-response.pdf"))
    submitted = next(r for r in response if "call-in request was submitted" in r.text)
    assert submitted.label_kind in ("Call-in", "Mention")
    report = records_of(corpus_file("committee/kent-cc_cabinet_2025-03-04_scrutiny-call-in-family-hubs-report-to-cabinet.pdf"))
    considered = next(r for r in report if "the Scrutiny Committee considered a call-in" in r.text)
    assert considered.label_kind == "Call-in"


def test_a_recommendation_headings_items_are_asked_of_the_body_its_first_item_names(records_of):
    # "Recommendation(s)" over "Cabinet is asked to: a) NOTE …", "b) NOTE …", …: each item is asked of Cabinet (the
    # items after the first had no one, and `commitments --json` printed them without "who")
    cover = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_budget-monitoring-cover-report.pdf"))
    recommended = [r for r in cover if r.kind == "recommendation"]
    assert any(r.text.startswith("b) NOTE") for r in recommended)
    assert {r.who for r in recommended} == {"Cabinet"}


def test_a_call_in_considered_is_a_call_in_whichever_side_of_its_verb_it_stands(records_of):
    minutes = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_printed-minutes.pdf"))
    assert any(r.stage == "call-in" and "Members considered the call-in of Decision" in r.text
               for r in minutes if r.kind == "decision")


def test_a_recited_decision_is_the_body_its_sentence_names_after_an_opening_clause(records_of):
    report = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-decision-report-24-00093.pdf"))
    recited = {r.text[:40]: r.who for r in report if r.kind == "decision"}
    # "3.1 On 17 August 2023, Cabinet agreed …" in a paper to the County Council: Cabinet's, not the meeting's
    assert recited["3.1 On 17 August 2023, Cabinet agreed th"] == "Cabinet"
    assert recited["2.7 In November 2023, KCC Cabinet took d"] == "KCC Cabinet"


def test_who_took_a_recited_decision_is_the_body_its_sentence_names(records_of):
    # a body's name with its small joining words ("The Children's and Young People Cabinet Committee endorsed …"), a
    # body after an opening date with no comma ("In November 2023 KCC Cabinet took …"), a body after "by the"
    # ("the decision was taken by the Executive in January 2025")
    plan = records_of(corpus_file(
        "committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-proposed-record-of-decision.pdf"))
    endorsed = next(r for r in plan if r.kind == "decision" and "endorsed the KCP" in r.text)
    assert endorsed.who == "Children’s and Young People Cabinet Committee"
    record = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf"))
    assert {r.who for r in record if r.kind == "decision" and r.text.startswith("In November 2023 KCC Cabinet")} \
        == {"KCC Cabinet"}
    council = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_printed-minutes.pdf"))
    assert next(r for r in council if "was taken by the Executive" in r.text).who == "Executive"
    # "it was agreed" and "was taken on <day>" still name no one
    assert not any(r.who for r in record if r.kind == "decision" and r.ref == "21/00086")


def test_minutes__a_narrated_meetings_act_is_its_own_though_a_relative_clause_says_what_had_been_done(records_of):
    # "(c) At the meeting of the Scrutiny Committee held on 29th January 2024, Decision - NN/NNNNN - …, which had been
    # called in, was given approval to proceed": the approval is that meeting's, on its day
    minutes = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_printed-minutes.pdf"))
    approval = next(r for r in minutes if r.kind == "decision" and "was given approval to proceed" in r.text)
    assert approval.who == "Scrutiny Committee" and approval.when == "2024-01-29"


def test_a_papers_account_of_a_meeting_on_a_day_dates_and_names_what_that_meeting_did(records_of):
    # "4. On 29 January 2025, the Scrutiny Committee considered a call-in …", then "6. Following the debate, the
    # Scrutiny Committee unanimously agreed the following motion: a. That implementation of Decision 24/00093 be
    # postponed …" and "8. After the debate, the Committee resolved … to refer the matter to full Council": that
    # meeting's acts, on its day, by the body the paragraph names (not undated, nor "Committee")
    report = records_of(corpus_file("committee/kent-cc_cabinet_2025-03-04_scrutiny-call-in-family-hubs-report-to-"
                                    "cabinet.pdf"))
    motion = next(r for r in report if r.kind == "decision" and r.text.startswith("That implementation of Decision"))
    assert motion.who == "Scrutiny Committee" and motion.when == "2025-01-29" and motion.ref == "24/00093"
    referred = next(r for r in report if r.kind == "decision" and "the Committee resolved" in r.text)
    assert referred.who == "Scrutiny Committee" and referred.when == "2025-01-29"
    # a recommendation naming the decision it is about carries its number
    asked = next(r for r in report if r.kind == "recommendation" and "rescind decision 24/00093" in r.text)
    assert asked.ref == "24/00093"


def test_what_a_body_agreed_during_a_meeting_on_a_day_a_paper_gives_is_dated_by_that_day(records_of):
    # a call-in submission of March 2025: "As previously referenced, during Full Council on the 7th November 2024, the
    # Council agreed that …": the Council's agreement of 7 November 2024, not of the paper's day
    submission = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-call-in-"
                                        "submission-24-00093.pdf"))
    agreed = next(r for r in submission if r.kind == "decision" and "during Full Council on the 7th" in r.text)
    assert agreed.when == "2024-11-07"


def test_clauses__a_motions_lead_in_line_stays_with_each_clause_and_a_later_one_leads_the_clauses_after_it():
    from assistant.track.decisions import clauses

    text = ("RESOLVED that:\nThis Council believes that:\na) Immediate action is needed on single-use plastics.\n"
            "b) Any ban must be robust and comprehensive.\nAnd;\nThis Council agrees to call on the Cabinet Member for "
            "Environment to:\na) Write again to the government.\nb) Encourage proper recycling.")
    assert clauses(text) == [
        "RESOLVED that: This Council believes that: Immediate action is needed on single-use plastics.",
        "RESOLVED that: This Council believes that: Any ban must be robust and comprehensive.",
        "RESOLVED that: This Council agrees to call on the Cabinet Member for Environment to: Write again to the government.",
        "RESOLVED that: This Council agrees to call on the Cabinet Member for Environment to: Encourage proper recycling."]
    # a group heading over clauses (no verb, no colon) is still left out
    assert clauses("RESOLVED that:\n2025-26 Council Tax\na) Approve the tax base.\nb) Note the precepts.") == [
        "RESOLVED that: Approve the tax base.", "RESOLVED that: Note the precepts."]


def test_minutes__a_resolved_motion_keeps_its_believes_lead_in_and_its_second_group(records_of):
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_printed-minutes.pdf"))
    motion = [r.text for r in records if r.kind == "decision" and r.para == "308/6"]
    assert any(t.startswith("RESOLVED that: This Council believes that: Any ban must be robust") for t in motion)
    assert any("agrees to call on" in t and "Encourage proper disposal" in t for t in motion)


def _paper(texts: list[str]):
    from assistant.records import DocMeta, Paragraph
    from assistant.track.decisions import extract_decisions

    meta = DocMeta(doc="x.pdf", title="Supplementary paper", organisation="Example County Council", org_slug="example",
                   doc_type="committee-report", committee="County Council", date="2025-03-13", pages=2)
    paras = [Paragraph(id=f"p{n}", doc="x.pdf", ordinal=n, text=t, page_start=1, page_end=1, heading="Background")
             for n, t in enumerate(texts)]
    return extract_decisions(meta, paras)[0]


def test_an_option_agreed_in_a_paper_recounting_it_is_dated_by_the_meeting_that_chose():
    records = _paper([
        "1.5 The decision was taken by the Cabinet Member on 17 January 2025. The decision included an additional "
        "clause:",
        "‘DELEGATE authority to the Director of Children’s Services to explore outreach services from the two centres.’",
        "1.7 The Decision was discussed at Scrutiny Committee on 29 January 2025. The options for the Scrutiny "
        "Committee were:\na) make no comments",
        "b) express comments but not require reconsideration of the decision",
        "1.7 Option b) was agreed."])
    option = next(r for r in records if r.text.startswith("1.7 Option b) was agreed"))
    assert option.decided == "2025-01-29" and option.who == "Scrutiny Committee"


def test_executive_response__delegate_clause_and_option_agreed_are_dated(executive_response):
    # the clause the decision's paragraph introduces ("The decision included an additional clause:"): its day, its taker
    delegate = next(r for r in executive_response if r.kind == "decision" and "DELEGATE authority" in r.text)
    assert delegate.decided == "2025-01-17" and delegate.who == "Cabinet Member"
    option = next(r for r in executive_response if r.kind == "decision" and "Option d) was agreed" in r.text)
    assert option.decided == "2025-01-29"


def test_a_motion_printed_a_clause_a_line_under_its_lead_in_heading_is_one_row_dated_by_its_meeting(record_of_decision):
    # "On 21 November 2024 the … Cabinet Committee considered the proposed decision." over the heading "The committee
    # passed a motion proposing that" and its lines "That …;", "That a valuation …;", "And, that an update …": one
    # motion, one row, on the day of the meeting that passed it (as the decision report printing it in one paragraph)
    motion = [r for r in record_of_decision if r.kind == "recommendation" and "valuation of the buildings" in r.text]
    assert len(motion) == 1
    assert motion[0].text.startswith("That the decision be delayed")
    assert motion[0].text.endswith("And, that an update be brought to the next meeting.")
    assert motion[0].when == "2024-11-21"
    assert not [r for r in record_of_decision if r.text.startswith("And, that an update")]
