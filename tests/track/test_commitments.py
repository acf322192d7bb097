"""What counts as a commitment: an actor and a promise about its own action (sentences from real papers)."""

from __future__ import annotations

import re

import pytest

from assistant.track.commitments import _is_promise
from tests.conftest import corpus_file

ORG = "Example County Council"


@pytest.mark.parametrize("sentence", [
    "How long will funding continue for the centre as a Health Living Centre?",
    ("Client Reach is the number of individuals who have attended at least one session, therefore an individual "
     "will only be counted once."),
    "Furthermore, local authorities should not close an existing children’s centre as part of a reorganisation.",
    "The decision to not reprocure the two contracts will save £426k annually.",
    "Of the six options the highest impact will be felt on Options 1 (the proposal) and Option 5.",
    "The transfer of service will ensure the director has greater oversight of the cohort.",
    "Currently the service is holding vacancies and it is anticipated that staff eligible for TUPE will fill them.",
    "Northtown Borough Council also committed to discussing this further with colleagues.",
    "If these changes are not implemented, the Corporate Director will continue to oversee a group outside their role.",
    # a sentence that stops inside its concession: nothing is promised (a DPIA screening form's answer; the corpus's
    # one such sentence, printed again in the transfer report's appendix)
    ("It has been agree that although the Strengthening Independence Service (SIS) new structure of reporting to ASCH "
     "will be implemented from April."),
    # a national body's plans or duties, reported in the council's papers
    ("Inspections in the upcoming academic year would be presented as four grades across the existing sub-categories "
     "with the overall rating to be replaced with School Report Cards from September 2025."),
    "OHID have communicated their intention to award grant funding to KCC for 2025/26.",
    "NHS bodies must consult their local health scrutiny committee(s) when they are considering a proposal.",
    "The report is to be noted.",  # "is to be" with no action of the council's
])
def test_not_a_commitment(sentence):
    assert not _is_promise(sentence, ORG)


@pytest.mark.parametrize("sentence", [
    "An update on these queries will be provided to the next Cabinet Committee meeting.",
    "If the decision to not re-procure the contracts goes ahead, officers will reach out to the two centres.",
    "Our network of Community Development officers will also be utilised to help residents.",
    "The Chair shared that she would send message to group leaders.",
    "The Leader advised that the Council would be making representations to government on the spending review.",
    "For Example County Council to be able to accept the money, we must sign a new Memorandum of Understanding.",
    "Despite financial challenges, the council was committed to delivering these priorities.",
    # an obligation the council sets itself, in the passive: "is to be required" (a governance update, seed 67)
    "Mandatory training (valid for five years) is to be required for statutory committees.",
    "Training is to be provided for all members by March.",
])
def test_a_commitment(sentence):
    assert _is_promise(sentence, ORG)


def test_others_words_a_table_and_a_forms_instructions_are_not_the_councils_promises():
    from assistant.track.commitments import _is_promise

    assert not _is_promise("A quarter of consultees answering (25%) noted they believe the Gateway will not be able "
                           "to offer the same level of service.")
    assert not _is_promise("My mum is wheelchair bound and I am unable to get her out of the car, we will have to "
                           "stop going.")
    assert not _is_promise("Members will recall that the government ran a consultation to which KCC responded.")
    assert not _is_promise("Mainstream Individual Support £10,294 £10,245 £10,578 £10,051 Post 16 £13,309 £13,090 "
                           "officers will review")
    assert not _is_promise("EQIA Title Proposed transfer Responsible Officer Brett Appleton Approved by (Note: "
                           "approval of this EqIA must be completed within the EqIA App) Alyson Wagget")
    assert _is_promise("The Council will review the Safety Valve agreement by March 2026.")


def test_a_consultees_quoted_comment_is_not_the_councils_promise():
    from assistant.records import DocMeta, Paragraph
    from assistant.track.commitments import extract_commitments

    meta = DocMeta(doc="consultation.pdf", title="Consultation report", organisation="Kent", org_slug="kent",
                   doc_type="committee-report", date="2025-03-13")
    comment = Paragraph(id="c", doc="consultation.pdf", ordinal=0, text=(
        "Concern for impact on other services in the building: “It would have a massive impact. Social services "
        "workload will double, the outreach team help in supporting the families.” Officers will write to each "
        "family before March 2025."))
    theme = Paragraph(id="t", doc="consultation.pdf", ordinal=1, text=(
        "The staff at Seashells are welcoming and supportive / concerned they will lose their jobs (21%)"))
    records = extract_commitments(meta, [comment, theme])
    assert [r.text for r in records] == ["Officers will write to each family before March 2025."]



def test_who_acts__never_a_pronoun_with_nothing_to_refer_to_nor_words_running_into_a_verb():
    from assistant.track.commitments import _actor_of, _asked_body

    assert _actor_of("She mentioned her intention to report on the practice framework at a later date.") is None
    assert _actor_of("They are developing local action plans to deliver on these priorities.") is None
    assert _actor_of("The scope with transformation partner (PwC) is being agreed to widen the review.") is None
    assert _actor_of("These officers will work with families to help ease the transition.") == "These officers"
    assert _actor_of("The Improvement Board will meet monthly.") == "The Improvement Board"
    assert _asked_body("Pursuant to section 25 of the Local Government Act, County Council is asked to note the "
                       "report.", "") == "County Council"


def test_minutes__an_amendment_as_moved_is_no_commitment(records_of):
    # "(19) Mr Passmore proposed, and Mr Chittenden seconded the following amendment: … It is proposed provide
    # additional funds to Districts …": the amendment was lost, 13 to 39; it had been listed as a commitment
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-02-13_printed-minutes.pdf"))
    assert not [r for r in records if r.kind == "commitment" and r.para == "291/19"]
    assert [r for r in records if r.kind == "decision" and r.status == "resolved"]


def test_minutes__a_motion_or_amendment_as_moved_is_no_recommendation(records_of):
    # "15) Mr Streatfeild proposed and Mr Sole seconded the following amendment to the motion …: “County Council is
    # asked to: …”": members' proposals in debate, which quote the words a recommendation uses; the resolution
    # records what was carried
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-01-09_printed-minutes.pdf"))
    assert not [r for r in records if r.kind == "recommendation" and r.para and r.para.startswith("285/")]
    assert any(r.kind == "decision" and r.para == "285/26" and r.text.startswith("RESOLVED") for r in records)


def test_a_bodys_goals_are_that_bodys_not_the_councils(records_of):
    # minutes of a council's panel relaying an NHS group's annual report: the goals are the group's
    records = records_of(corpus_file("committee/kent-cc_corporate-parenting-panel_2024-12-10_minutes.pdf"))
    goals = [r for r in records if r.kind == "commitment" and "goals for 2025" in r.text]
    assert goals and goals[0].who == "The commissioning group"


def test_who_acts__not_the_subject_of_a_passive_verb():
    from assistant.track.commitments import _actor_of

    # what is done, not who does it
    assert _actor_of("A full DPIA will be taken forward as part of the ongoing programme of work.") is None
    assert _actor_of("Family Hub services would be provided from existing alternative sites.") is None
    assert _actor_of("Staff are engaged and external partners will be engaged to make them aware.") is None
    # asked or expected to act, the subject still acts
    assert _actor_of("The Committee will be asked to agree the plan.") == "The Committee"
    assert _actor_of("The Chair would be making contact with the school.") == "The Chair"


def test_who_acts__a_service_named_with_and_is_named_whole(records_of):
    """A name with "and" in it ("Special Educational Needs and Disabilities") is one subject, not two clauses: who
    is the whole noun phrase, never its last words; a list mark before it is not part of it."""
    from assistant.track.commitments import _actor_of

    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-eqia.pdf"))
    send = [r for r in records if r.kind == "commitment" and "(SEND) service will continue" in r.text]
    assert send and {r.who for r in send} == {"The Special Educational Needs and Disabilities (SEND) service"}
    assert _actor_of("The contracts were due to expire and KCC will extend them.") == "KCC"  # two clauses


def test_who_acts__she_is_the_one_person_the_same_sub_paragraph_names_before(records_of):
    from assistant.track.commitments import _named_before

    records = records_of(corpus_file("committee/kent-cc_corporate-parenting-panel_2024-12-10_minutes.pdf"))
    intention = [r for r in records if r.kind == "commitment" and r.text.startswith("She mentioned her intention")]
    assert intention and intention[0].who == "Leemya McKeown"
    said = "She would report back at a later date."
    assert _named_before(f"Jo Bloggs thanked the team. {said}", said) == "Jo Bloggs"
    assert _named_before(f"b. Mr Hook proposed the motion. {said}", said) == "Mr Hook"
    # two people named before, or the one named in another lettered sub-paragraph: no one can be sure
    assert _named_before(f"Jo Bloggs thanked Sam Smith. Sam Smith said more. {said}", said) is None
    assert _named_before(f"a. Jo Bloggs thanked the team.\nb. {said}", said) is None
    assert _named_before(f"The Chair thanked officers. {said}", said) is None


QUESTIONS_PAPER = "committee/kent-cc_county-council_2025-03-13_questions-put-and-answers-given.pdf"


def test_questions_paper__a_question_put_is_no_commitment_and_no_recommendation(records_of):
    records = records_of(corpus_file(QUESTIONS_PAPER))
    # the councillor asks the Cabinet Member to "undertake to publish the results": a question, not a promise
    assert not [r for r in records if "undertake to publish" in r.text]
    assert not [r for r in records if r.heading and r.heading.startswith("Question by")]
    # a reply that quotes another body's recommendations ("So, where one of the PAC's first recommendations is for
    # the Department to:") recommends nothing, and what a department usually does is not its promise
    assert not [r for r in records if r.kind in ("recommendation", "decision")]
    assert not [r for r in records if r.text.startswith("Normally,")]


def test_questions_paper__a_replys_first_person_undertaking_is_its_authors_commitment(records_of):
    records = records_of(corpus_file(QUESTIONS_PAPER))
    baker = "Neil Baker, Cabinet Member for Highways and Transport"

    def said(words):
        return next(r for r in records if r.kind == "commitment" and words in r.text)

    assert said("I have asked our officers to raise this issue again").who == baker
    assert said("asked the Director of Highways to look further").who == baker
    assert said("we continue to strongly oppose").who == baker
    assert said("I have asked the Highways Manager to contact you").page_start == 8
    assert said("I have asked our Officers to seize the opportunity").who.startswith("Rory Love, Cabinet Member")
    # a promise with its own actor keeps it
    assert said("EHE Officers will visit the child").who == "EHE Officers"


@pytest.mark.parametrize("sentence", [
    "Normally, the Department would respond to such requests within two months.",
    "Usually the service will contact the family within a week.",
])
def test_what_is_usually_done_is_not_a_commitment(sentence):
    assert not _is_promise(sentence, ORG)


@pytest.mark.corpus
def test_a_statement_on_a_record_of_decision_form_ends_before_the_forms_next_label(records_of):
    # "… as the transfer progresses" ran on into "Cabinet Committee recommendations and other consultation: The
    # proposed decision was discussed …", the form's next field
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-"
                                     "proposed-record-of-decision.pdf"))
    dpia = [r for r in records if r.text.startswith("A full DPIA will be taken forward")]
    assert dpia and all(r.text.endswith("as the transfer progresses") for r in dpia)


def test_who_acts__a_titled_member_who_is_the_sentences_subject():
    from assistant.track.commitments import _actor_of

    assert _actor_of("Mr Watkins provided assurance that every effort was being made to ensure that funding would be "
                     "used to support the service.") == "Mr Watkins"
    assert _actor_of("Cllr Smith undertook to circulate the figures to Members.") == "Cllr Smith"


@pytest.mark.corpus
def test_minutes__numbered_clauses_under_a_resolved_lead_in_are_that_bodys(records_of):
    # "7. RESOLVED that Cabinet:" then "1. Agree to submit a request …", "2. Note that …", "3. Agree to request …"
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-09_minutes.pdf"))
    clauses = [r for r in records if r.kind == "decision" and (r.para or "").startswith("83/7")]
    assert len(clauses) == 3 and {r.who for r in clauses} == {"Cabinet"}
    said = [r for r in records if r.text.startswith("Mr Watkins provided assurance")]
    assert said and said[0].who == "Mr Watkins"


def test_a_promise_printed_after_a_table_is_not_run_on_from_the_tables_figures():
    from assistant.track.commitments import _after_table

    run_on = ("Mainstream Individual Support & SRP* ** £10,294 £10,245 £10,578 £10,051 £10,365 Post 16 institutions*** "
              "£13,309 £13,090 £12,927 £14,565 £14,183 *Specialist Resource Provision ***Individual support for students "
              "at FE College and Specialist Provision Institutions (SPIs) The Safety Valve agreement, sets out the key "
              "actions the Council intends to take to achieve a positive in-year balance by the end of 2027-28.")
    assert _after_table(run_on).startswith("The Safety Valve agreement, sets out the key actions the Council intends")
    plain = "The Council will spend £1.2m, £0.4m and £0.3m on the three hubs and £2m on outreach."
    assert _after_table(plain) == plain  # its figures are the promise's own, before no other sentence


def test_a_risk_registers_cells_are_no_commitments(records_of):
    # a budget risk register printed as running text: a control cell ("The Council must ensure that the MTFP includes
    # robust estimates …"), a risk's cause ("… recovery plan to bring … into a balanced position") are no promises
    register = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_budget-risk-register.pdf"))
    assert [r for r in register if r.kind == "commitment"] == []
    from assistant.records import DocMeta, Paragraph
    from assistant.track.commitments import extract_commitments

    control = "The Council must ensure that the Medium Term Financial Plan (MTFP) includes robust income estimates."
    para = Paragraph(id="r", doc="r.pdf", ordinal=0, text=control)
    as_titled = {title: extract_commitments(DocMeta(doc="r.pdf", title=title, organisation=ORG, org_slug="example",
                                                    doc_type="committee-report", date="2025-01-30"), [para])
                 for title in ("Budget risk register", "Budget monitoring report")}
    assert as_titled["Budget risk register"] == [] and len(as_titled["Budget monitoring report"]) == 1
    # a cell labelled as an action is still one
    action = Paragraph(id="a", doc="r.pdf", ordinal=1, text="Risk: Caseloads; Action to avoid or mitigate risk: The "
                       "service will recruit six social workers by March 2026; Risk rating: 12")
    meta = DocMeta(doc="r.pdf", title="Corporate risk register", organisation=ORG, org_slug="example",
                   doc_type="committee-report", date="2025-01-30")
    assert [r.text for r in extract_commitments(meta, [action])] == [
        "The service will recruit six social workers by March 2026"]


def test_what_consultees_said_is_not_the_councils_promise(records_of):
    assert not _is_promise("Whilst the consultation document states that the proposals do not directly impact the "
                           "Trust, there are concerns that the services the Trust deliver will indirectly be affected.")
    report = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-consultation-report.pdf"))
    assert not any(r.kind == "commitment" and ("consultees" in r.text or "“" in r.text) for r in report)


@pytest.mark.parametrize("sentence", [
    # the council's own voice, in the future tense (Kent's Education Provision Commissioning Plan report, 2025)
    "KCC will continue to monitor this data and forecast its impact over time.",
    "Additional provision will be secured through a combination of expanding existing schools and opening new ones.",
    "5.1 Each project identified in the KCP will be subject to a separate consultation and decision-making process.",
    "7.3 Example is committed to securing value for money when providing additional school accommodation.",
    "The Council plans to open two new schools.",
])
def test_the_councils_own_future_voice_is_a_commitment(sentence):
    assert _is_promise(sentence, ORG)


@pytest.mark.parametrize("sentence", [
    # others' work described: a noun "plans to", not a plan of the council's
    "They are developing local action plans to deliver on these priorities.",
    # a finance table's row run into a sentence (Kent's Q3 2024-25 finance monitoring report)
    "Project Real Variance Rephasing Variance Detail Modernisation of Assets -2.058 Rephasing due to not all projects "
    "will be completed by the end of the financial year.",
    "Maidstone Integrated Transport 0.397 The forecast has been amended and the contributions will be reviewed.",
])
def test_others_work_and_a_tables_row_are_not_commitments(sentence):
    assert not _is_promise(sentence, ORG)


@pytest.mark.corpus
def test_commissioning_plan__the_councils_commitments_and_we_is_the_council(records_of):
    records = records_of(corpus_file(
        "committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-2025-29-report.pdf"))
    rows = [r for r in records if r.kind == "commitment"]
    for words in ("will continue to monitor this data", "Additional provision will be secured",
                  "separate consultation and decision-making process", "committed to securing value for money"):
        assert any(words in r.text for r in rows), words
    we = next(r for r in rows if "we are committed to reducing the budget shortfall" in r.text)
    assert we.who == we.organisation and we.who != "We"
    kent = next(r for r in rows if "committed to securing value for money" in r.text)
    assert kent.who == kent.organisation


@pytest.mark.corpus
def test_guidance_on_weighing_a_decision_is_no_recommendation(records_of):
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-decision-report-24-00093.pdf"))
    assert not [r for r in records if "asked to balance all relevant factors" in r.text]


def test_a_plan_brought_back_by_officers_is_still_a_commitment():
    # "plans to" as a noun after "action"/"the" is no promise; a named plan officers are to bring back is
    assert _is_promise("Officers are also to work on exploring the accreditation options and a more formal Member "
                       "Development Plan to bring back to the Council early in the new term.", ORG)


def test_a_recommendation_headings_items_follow_it_not_a_section_pages_on(records_of):
    # "Cabinet is asked to approve the following changes …" (p.46) is the last heading printed before the treasury
    # management section (pp.49-52): its debt and deposits are no recommendation to Cabinet
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf"))
    recs = [r for r in records if r.kind == "recommendation"]
    assert not any(r.text.startswith(("8.1 Total external debt", "8.3 Total cash balance", "KCC’s principal objective"))
                   for r in recs)
    assert not any((r.page_start or 0) >= 49 for r in recs)


def test_under_heading__counts_the_paragraphs_printed_under_each_heading():
    from assistant.records import Paragraph
    from assistant.track.commitments import _under_heading

    ps = [Paragraph(id=str(i), doc="d", ordinal=i, text="x", heading=h) for i, h in enumerate("AABBBA")]
    assert [_under_heading(ps)[p.id] for p in ps] == [0, 1, 0, 1, 2, 0]


@pytest.mark.parametrize("sentence", [
    # an estimate or an assessment (a decision report's financial and legal implications), not a promise
    ("Of this figure, based on the current core Family Hub offer that would be delivered at the Sheppey Gateway we "
     "would anticipate £37,353 of the total salary cost would cover the staff time to deliver the service at the Gateway."),
    ("We assess that there will continue to be sufficient provision to meet local need on the basis of the analysis "
     "set out in Section 4 above."),
    "It is estimated that the new service will be delivered for £1.2m.",
    "Officers’ assessment is that the two centres will continue to operate without the contracts.",
    # an effect, hedged or an opportunity, not an action promised (an EqIA's impacts)
    ("The increased oversight from the Director of Adult Social Care will provide opportunities to robustly plan and "
     "commission services."),
    ("However, it is the services for those receiving sensory support who will join the ASCH sensory service and "
     "potentially experience a difference."),
])
def test_an_estimate_an_assessment_or_an_effect_is_not_a_commitment(sentence):
    assert not _is_promise(sentence, ORG)


def test_an_estimate_named_as_a_plan_is_still_a_commitment():
    # the verbs of estimating only as the sentence's own verb: a promise that mentions an estimate still promises
    assert _is_promise("Officers will provide an estimate of the costs to the next meeting.", ORG)
    assert _is_promise("The council will assess the needs of every young person before the transfer.", ORG)


@pytest.mark.corpus
def test_a_promise_is_listed_with_the_condition_in_the_sentence_before_it(records_of):
    # 13.3 "Should members recommend renewal of the contracts, then the re-procurement will take in excess of six
    # months. The existing contracts will be extended, for the period of re-procurement only." (tester, seed 68): the
    # extension is promised only should members recommend renewal
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-decision-report-24-00093.pdf"))
    extended = [r for r in records if r.kind == "commitment" and "contracts will be extended" in r.text]
    assert len(extended) == 1
    assert extended[0].text.startswith("Should members recommend renewal of the contracts")
    assert extended[0].text.endswith("for the period of re-procurement only.")
    # and the estimate and the assessment in the same report are no commitments
    assert not [r for r in records if r.kind == "commitment" and ("would anticipate £37,353" in r.text
                                                                   or "We assess that" in r.text)]


@pytest.mark.corpus
def test_a_table_of_figures_under_a_recommendation_heading_is_no_recommendation(records_of):
    # "Cabinet is asked to approve the following changes to the Capital Budget" (p.46) over the capital changes
    # table ("24-25 +0.150 +0.049 Grant funded …") and the reserves table (p.47, "Reserve Opening Balance 01/04/24 …
    # -43.0 7.1 -35.9 …"): the heading asks, its table's rows are not each a recommendation (tester, seed 68)
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf"))
    recs = [r for r in records if r.kind == "recommendation"]
    assert not [r for r in recs if r.page_start in (46, 47)], [r.text[:80] for r in recs]


def test_table_text__a_table_of_figures_not_a_recommendation_with_sums():
    from assistant.track.commitments import _table_text

    assert _table_text("24-25 +0.150 +0.049 Grant funded Revenue funded Kent Thameside LST 24-25 -0.017 Grant to be vired")
    assert not _table_text("2) APPROVE the net transfer of £356.0k into reserves (£42.7k increased contribution into "
                           "the General Reserve) to improve the Council’s financial resilience.")
    assert not _table_text("d) NOTE the progress on the delivery of savings.")


def test_a_choice_still_to_be_made_is_no_commitment():
    # what a consultation asks ("KCC must decide whether to put new contracts … in place", tester, seed 68); deciding
    # to act is still one
    assert not _is_promise("KCC must decide whether to put new contracts in place when the current ones end.", ORG)
    assert not _is_promise("The Cabinet will decide whether to proceed with the proposal in March.", ORG)
    assert _is_promise("Officers will decide the allocation of places by March and write to each family.", ORG)


@pytest.mark.corpus
def test_the_options_laid_before_a_meeting_are_no_recommendations(records_of):
    # a call-in report: "The Council may, having reviewed Executive Decision 24/00093, resolve one of the following:
    # a. Agree that the decision be implemented" then "b. express comments but not require reconsideration of the
    # decision, or", "c. require implementation … postponed …": a choice laid before it, none recommended (tester,
    # seed 68); the report's "Members are invited to debate the matter …" still asks the meeting
    records = records_of(corpus_file("committee/kent-cc_county-council_2025-03-13_scrutiny-call-in-family-hubs-report-"
                                     "to-county-council.pdf"))
    texts = [r.text for r in records if r.kind in ("recommendation", "decision", "commitment")]
    assert not [t for t in texts if "one of the following" in t or t.startswith(("b. express", "c. require"))], texts
    assert any(r.kind == "recommendation" and "invited to debate" in r.text for r in records)


@pytest.mark.corpus
def test_numbered_items_under_a_barred_recommendations_heading_are_recommendations(records_of):
    # "2 | Recommendations" (a section's number printed apart from its title by a bar) over "2.1 Note the forecast
    # revenue overspend of £23.3m …" … "2.6 Note the Reserves Monitoring …" (tester, ua70): the report's own asks
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf"))
    recs = [r for r in records if r.kind == "recommendation"]
    numbered = sorted(r.text[:3] for r in recs if r.text[:3] in {"2.1", "2.2", "2.3", "2.4", "2.5", "2.6"})
    assert numbered == ["2.1", "2.2", "2.3", "2.4", "2.5", "2.6"], [r.text[:60] for r in recs]
    assert next(r for r in recs if r.text.startswith("2.5")).text.startswith("2.5 Note and agree the Capital budget")


def test_rec_heading__a_section_number_apart_from_its_title_by_a_bar():
    from assistant.track.commitments import _REC_HEADING

    assert _REC_HEADING.search("2 | Recommendations")
    assert _REC_HEADING.search("4. Recommendation(s)")
    assert not _REC_HEADING.search("2 | Introduction and Headlines")


@pytest.mark.parametrize("sentence, decides", [
    ("The draft budget, MTFP and capital programme will be considered and approved by full Council at the annual "
     "budget meeting on 13th February 2025.", True),
    ("The final strategy is to be endorsed by the Health and Wellbeing Board in March.", True),
    ("The application will be determined by the Secretary of State.", False),  # not a body of the council's
    ("The issue will be considered further as part of the review.", False),  # no one to decide it, no meeting
])
def test_a_decision_put_before_a_meeting_is_a_commitment_with_its_body(sentence, decides):
    assert _is_promise(sentence, ORG) is decides


@pytest.mark.corpus
def test_a_decision_scheduled_for_a_meeting_has_its_body_and_its_day(records_of):
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf"))
    budget = [r for r in records if r.kind == "commitment" and "considered and approved by full Council" in r.text]
    assert len(budget) == 1
    assert budget[0].who == "Full Council" and budget[0].due == "on 13th February 2025"


@pytest.mark.parametrize("sentence, offered", [
    ("Joanne Carpenter offered to follow up with Members when the results become available.", "Joanne Carpenter"),
    ("It was important to challenge misinformation and Mrs Chandler offered to circulate links to the Council's "
     "website.", "Mrs Chandler"),
    ("Support offered to care leavers is strong.", None),  # a service offered to someone: no one's undertaking
    ("The service offered to families includes parenting courses.", None),
])
def test_minutes__someone_who_offered_to_act_has_committed_to_it(sentence, offered):
    from assistant.track.commitments import _offered_by

    assert _is_promise(sentence, ORG) is bool(offered)
    assert _offered_by(sentence) == offered


@pytest.mark.corpus
def test_minutes__the_offers_officers_made_at_a_meeting_are_its_commitments(records_of):
    records = records_of(corpus_file("committee/kent-cc_corporate-parenting-panel_2024-10-29_minutes.pdf"))
    offers = {r.who for r in records if r.kind == "commitment" and "offered to" in r.text}
    assert {"Joanne Carpenter", "Mrs Chandler", "Ms Coombs", "Ms Gleave"} <= offers


def _rows(paragraphs: list[str]):
    from assistant.records import DocMeta, Paragraph
    from assistant.track.commitments import extract_commitments

    meta = DocMeta(doc="x.pdf", title="Transfer report", organisation=ORG, org_slug="example", doc_type="committee-report",
                   committee="Cabinet", date="2025-01-30", pages=3, sha256="", path="x.pdf")
    paras = [Paragraph(id=f"p{n}", doc="x.pdf", ordinal=n, text=t, page_start=n + 1, page_end=n + 1, heading="Introduction")
             for n, t in enumerate(paragraphs)]
    return extract_commitments(meta, paras)


def test_a_proposal_is_a_recommendation_to_the_meeting_not_a_promise():
    rows = _rows(["To address this, the proposal is to transfer the statutory functions of the service to the Adult "
                  "Social Care Directorate.",
                  "It is proposed that progress against the agreed priority areas remains owned by each Directorate. "
                  "Officers will report progress to the Committee every six months."])
    assert not [r for r in rows if r.kind == "commitment" and "propos" in r.text]
    proposals = [r for r in rows if r.kind == "recommendation"]
    assert len(proposals) == 2 and all(r.stage == "proposal" and r.who == "Cabinet" for r in proposals)
    # the promise beside a proposal in the same paragraph stays a commitment, on its own
    assert [r.text for r in rows if r.kind == "commitment"] == ["Officers will report progress to the Committee every six months."]


def test_a_commitment_printed_twice_in_one_paper_is_one_row():
    # a summary's paragraph printed again in the paper's body (an abbreviation spelt out the second time)
    rows = _rows(["Officers will write to each family affected before the service moves.",
                  "Background", "(2) Officers (CYPE) will write to each family affected before the service moves."])
    assert [r.page_start for r in rows if r.kind == "commitment"] == [1]


def test_a_recommendation_read_with_and_without_its_stage_named_is_listed_once():
    import dataclasses

    from assistant.track.ledger import once

    rec = ("Cabinet is asked to NOTE the Quarter 3 Performance Report and the actions being taken to address areas "
           "where performance is not as targeted.")
    cover, body = [r for r in _rows([f"Recommendation(s): {rec}", rec]) if r.kind == "recommendation"]
    body = dataclasses.replace(body, stage="recommendation")  # as decisions.py reads a recommendations section
    assert [r.page_start for r in once([cover, body])] == [1]
    proposal = dataclasses.replace(body, stage="proposal")  # another stage stays apart
    assert len(once([cover, proposal])) == 2


def test_performance_report_cover__its_recommendation_is_listed_once(records_of):
    # printed on the cover's summary (read here) and in its section 3 (read by decisions.py, stage named): one row in a
    # listing, which names the other printing
    from assistant.track.ledger import once

    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-03-04_quarterly-performance-report-q3-cover.pdf"))
    listed = [r for r in once(records) if r.kind == "recommendation" and "NOTE the Quarter 3" in r.text]
    assert len(listed) == 1 and listed[0].page_start == 1 and listed[0].also


def test_strengthening_independence_report__the_transfer_proposed_is_no_commitment(records_of):
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-18-25-"
                                     "transfer-report.pdf"))
    assert not [r for r in records if r.kind == "commitment" and re.search(r"(?i)\bit is proposed|proposal is to", r.text)]
    assert [r for r in records if r.kind == "recommendation" and r.stage == "proposal"]


def test_questions_paper__a_months_end_is_the_due_of_the_work_promised(records_of):
    records = records_of(corpus_file(QUESTIONS_PAPER))
    row = next(r for r in records if r.kind == "commitment" and "complete the work by the end of March" in r.text)
    assert row.due == "by the end of March"


@pytest.mark.parametrize("sentence, who", [
    # an offer as the second verb of the person the sentence names, after what they said (with its "could")
    ("Mr Read shared that it would take a full year of tracking before success levels could be determined and "
     "offered to come back to the panel with the data in the future.", "Mr Read"),
    ("Jane Smith explained the delay, and offered to circulate the figures after the meeting.", "Jane Smith"),
])
def test_an_offer_as_the_second_verb_is_the_named_persons_commitment(sentence, who):
    from assistant.track.commitments import _offered_by

    assert _is_promise(sentence, ORG) and _offered_by(sentence) == who


@pytest.mark.parametrize("sentence", [
    # an action in the progressive, by an actor
    "DEFRA is consulting on the framework now, and the Council will be submitting a response in due course.",
    "We will also be running an events programme in Spring 2025.",
    # a start the council fixes for a day
    "The creation of Communities of Schools, where schools have been grouped geographically, will go live on 1st April.",
])
def test_a_commitment_said_in_the_progressive_or_as_a_start_on_a_day(sentence):
    assert _is_promise(sentence, ORG)


def test_a_thing_in_the_progressive_is_no_commitment():
    assert not _is_promise("Demand will be increasing over the next year.", ORG)


def test_questions_paper__a_response_in_due_course_and_a_start_on_a_day_are_commitments(records_of):
    records = records_of(corpus_file(QUESTIONS_PAPER))
    submitting = next(r for r in records if r.kind == "commitment" and "submitting a response" in r.text)
    assert submitting.due == "in due course" and submitting.page_start == 17
    live = next(r for r in records if r.kind == "commitment" and "will go live on 1st April" in r.text)
    assert live.due == "on 1st April" and live.page_start == 15


def test_minutes__an_offer_after_what_the_officer_shared_is_his_commitment(records_of):
    records = records_of(corpus_file("committee/kent-cc_corporate-parenting-panel_2024-10-29_minutes.pdf"))
    row = next(r for r in records if r.kind == "commitment" and "offered to come back to the panel" in r.text)
    assert row.who == "Mr Read"


@pytest.mark.parametrize("sentence", [
    # a plan's part or next step, stated as what it will be
    "An area of further development in 2025-2026 will be the implementation of a joint bed brokerage pathway.",
    "Part of the recruitment strategy will be to look to our existing staff group, to promote becoming a foster carer.",
    "The next step will be to consult residents on the options.",
    # an action planned with its date, after "it is anticipated that"
    "It is anticipated that Early Years funding will be spent by September 2025.",
    # what the actor will do then, the condition met
    ("Therefore, should consequential damage be identified as a direct result of the works, then the Highways service "
     "will look to recover costs where possible."),
])
def test_a_planned_step_or_a_dated_plan_is_a_commitment(sentence):
    assert _is_promise(sentence, ORG)


@pytest.mark.parametrize("sentence", [
    "The priority will be the safety of children.",  # a state, not a step
    "It is anticipated that demand will be higher by March 2026.",  # a prediction, with a date
    "It is anticipated that the overspend will be £3m by March 2026.",
    # what follows from something not done: a warning
    "If these changes are not implemented, then the Corporate Director will continue to oversee a group outside their role.",
    "If the scheme is approved, then costs will rise by 2026.",
])
def test_a_prediction_or_a_warning_with_a_plan_s_words_is_no_commitment(sentence):
    assert not _is_promise(sentence, ORG)


@pytest.mark.parametrize("sentence, who", [
    # an office named mid-sentence, its verb "agreed to" not part of its name
    ("During the discussions at the Cabinet Committee, the Cabinet Member agreed to review any legal advice in "
     "relation to a further extension of contracts.", "the Cabinet Member"),
    # an aside between commas is not who acts
    ("Additionally, our broader Family Hub service, including outreach provision, will continue to flex in response to "
     "identified need within communities.", "Our broader Family Hub service"),
    ("Therefore, should damage be identified, then KCC Highways will look to recover costs where possible.", "KCC Highways"),
])
def test_who_a_sentence_names_past_its_clauses_and_asides(sentence, who):
    from assistant.track.commitments import _actor_of

    assert _actor_of(sentence) == who


def test_the_directorate_a_promise_refers_back_to_is_who():
    rows = _rows(["The Growth, Environment & Transport Directorate is projected to be overspent by £6.3m. All "
                  "services/budgets across the directorate will continue to review their staffing and spend levels."])
    assert [r.who for r in rows if r.kind == "commitment"] == ["Growth, Environment & Transport Directorate"]
    # none named: no one guessed
    rows = _rows(["All services/budgets across the directorate will continue to review their staffing and spend levels."])
    assert [r.who for r in rows if r.kind == "commitment"] == [None]


def test_finance_monitoring_report__directorate_and_dated_plan(records_of):
    records = records_of(corpus_file("committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf"))
    staffing = next(r for r in records if r.kind == "commitment" and "continue to review their staffing" in r.text)
    assert staffing.who == "Growth, Environment & Transport Directorate"
    spent = next(r for r in records if r.kind == "commitment" and "will be spent by September 2025" in r.text)
    assert spent.due == "by September 2025"


def test_questions_paper__a_conditional_recovery_and_a_planned_development_are_commitments(records_of):
    records = records_of(corpus_file(QUESTIONS_PAPER))
    recover = next(r for r in records if r.kind == "commitment" and "look to recover costs" in r.text)
    assert recover.who == "KCC Highways"
    assert any(r.kind == "commitment" and "joint bed brokerage pathway" in r.text for r in records)


@pytest.mark.corpus
def test_a_numbered_recommendation_list_gives_each_item_with_its_lead_in(records_of):
    """Kent's late changes to the 2025-26 budget (Cabinet, 4 March 2025), p.1: "Cabinet is asked to: 1) NOTE … 2)
    APPROVE the net transfer of £356.0k into reserves … 3) APPROVE additional £6,067.8k of specific grant income …"
    had been one row, shown by its first item and cut off; and the 18-25 transfer report's "A. Agree to TRANSFER …;
    and B. DELEGATE authority …" (read under its Recommendations heading) two rows, as a resolution's limbs are."""
    late = records_of(corpus_file("committee/kent-cc_cabinet_2025-03-04_late-changes-to-2025-26-budget-report.pdf"))
    listed = [r.text for r in late if r.kind == "recommendation" and r.text.startswith("Cabinet is asked to:")]
    assert len(listed) == 3
    assert "£356.0k" in listed[1] and "£356.0k" not in listed[0] and "£6,067.8k" in listed[2]
    sis = records_of(corpus_file(
        "committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-18-25-transfer-report.pdf"))
    assert [r.page_start for r in sis if r.kind == "recommendation" and r.text.startswith("DELEGATE authority")] == [2, 8]
