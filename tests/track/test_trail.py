"""The decision trail: by reference, by subject words, and across the papers of one agenda item."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from assistant.index.store import IndexData, load_index
from assistant.records import DocMeta
from assistant.track.trail import _oldest_first, decision_refs, decision_trail, find_ref
from tests.conftest import corpus_file
from tests.track.conftest import parse


def _with_agenda(meta: DocMeta, **agenda) -> DocMeta:
    """The document as fetched from ModernGov: with its meeting and agenda item."""
    return dataclasses.replace(meta, **agenda)


def test_find_ref__reads_a_reference_but_not_a_date():
    assert find_ref("what happened to 24/00093?") == "24/00093"
    assert find_ref("the contracts end 31/03/2025") is None


def test_typed_ref__a_reference_typed_with_a_hyphen_is_read_with_its_slash():
    from assistant.track.trail import typed_ref

    assert typed_ref("24-00093") == typed_ref(" 24/00093 ") == "24/00093"
    assert typed_ref("what happened to 24/00093?") == "24/00093"
    # in running text a hyphen joins years, not a reference's parts
    assert typed_ref("the plan for 2025-2026 and beyond") is None and typed_ref("hello") is None


@pytest.mark.corpus
def test_trail__one_decision_in_date_order_each_cited(decision_index):
    data = load_index(decision_index, with_vectors=False)
    trail = decision_trail(data, "24/00093")
    whens = [_oldest_first(r) for r in trail.items]
    assert whens == sorted(whens)
    stages = {r.stage for r in trail.items}
    assert {"decision", "call-in"} <= stages
    assert any(r.doc.endswith("record-of-decision-24-00093.pdf") and r.text.startswith("APPROVE") for r in trail.items)
    assert any("executive-response" in r.doc for r in trail.items)
    assert any(r.doc.endswith("2025-03-13_printed-minutes.pdf") for r in trail.items)  # Council's resolution
    assert all(r.label and r.page_start for r in trail.items)


@pytest.mark.corpus
def test_trail__found_by_the_words_of_its_subject(decision_index):
    from assistant.track.ledger import records_for

    data = load_index(decision_index, with_vectors=False)
    assert decision_refs(records_for(data), "family hubs")[0] == "24/00093"


@pytest.mark.corpus
def test_trail__links_a_paper_to_the_decision_and_minutes_of_its_agenda_item(tmp_path):
    """A cover paper that never cites the reference joins the trail through its meeting_id + agenda_item."""
    paper = tmp_path / "cabinet_2025-01-30_cover-report.txt"
    paper.write_text("Transfer of the 18-25 service\n\nRecommendations\n\n1.1 Cabinet is asked to AGREE the transfer "
                     "of the statutory functions of the 18-25 service to adult social care from 1 April 2025, as the "
                     "cover summary explains.\n",
                     encoding="utf-8")
    minutes = corpus_file("committee/kent-cc_cabinet_2025-01-30_printed-minutes.pdf")
    record = corpus_file("committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-proposed-record-of-"
                         "decision.pdf")
    docs, paragraphs = {}, []
    for path, agenda in ((paper, {"meeting_id": "9475", "agenda_item": "7", "is_decision": False}),
                         (record, {"meeting_id": "9475", "agenda_item": "7", "is_decision": True}),
                         (minutes, {"meeting_id": "9475", "agenda_item": "minutes"})):
        meta, paras = parse(Path(path))
        docs[meta.doc] = _with_agenda(meta, **agenda)
        paragraphs += paras
    data = IndexData(docs=docs, paragraphs=paragraphs)
    trail = decision_trail(data, "24/00109")
    by_doc = {}
    for r in trail.items:
        by_doc.setdefault(r.doc, []).append(r)
    assert paper.name in by_doc  # linked by the agenda item alone
    assert by_doc[paper.name][0].kind == "recommendation" and by_doc[paper.name][0].agenda_item == "7"
    assert {r.stage for r in by_doc[record.name]} == {"proposal"}
    assert any(r.stage == "resolution" and r.ref == "24/00109" for r in by_doc[minutes.name])
    # the topic timeline of words only the cover paper uses still shows the item's decision and minutes
    from assistant.track.timeline import track

    timeline = track(data, "cover summary")
    assert {paper.name, record.name, minutes.name} <= {r.doc for r in timeline}
    # without agenda metadata (plain DocMeta) the paper is not linked
    plain = IndexData(docs={d: dataclasses.replace(m, meeting_id=None, agenda_item=None, is_decision=None)
                            for d, m in docs.items()}, paragraphs=paragraphs)
    assert paper.name not in {r.doc for r in decision_trail(plain, "24/00109").items}


@pytest.mark.corpus
def test_trail__a_record_whose_clauses_are_unread_is_on_the_trail_by_its_header_field():
    """A proposed record of decision printing its number on the line after "DECISION NO:" is on its decision's trail
    by the text under its "Decision:" label ("Cabinet agree to: A) the Commissioning Plan …"), as the proposal, without
    the form's next label; where no clause of it can be read, by that header; the minutes' RESOLVED clause is the
    meeting's resolution."""
    record = corpus_file("committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-proposed-record-"
                         "of-decision.pdf")
    minutes = corpus_file("committee/kent-cc_cabinet_2025-01-30_printed-minutes.pdf")
    data = _papers(record, minutes)
    trail = decision_trail(data, "24/00096")
    proposal = [r for r in trail.items if r.doc == record.name and r.page_start == 1]
    assert len(proposal) == 1 and proposal[0].stage == "proposal" and proposal[0].who == "Cabinet"
    assert proposal[0].text.startswith("Cabinet agree to: A) the Commissioning Plan for Education Provision in Kent")
    assert "Reason" not in proposal[0].text
    unread = IndexData(docs=data.docs, paragraphs=[p for p in data.paragraphs if not p.text.startswith("Cabinet agree")])
    header = [r for r in decision_trail(unread, "24/00096").items if r.doc == record.name and r.page_start == 1]
    assert len(header) == 1 and header[0].stage == "proposal" and "DECISION NO: 24/00096" in header[0].text
    resolved = [r for r in trail.items if r.doc == minutes.name and r.text.startswith("RESOLVED")]
    assert resolved and {r.stage for r in resolved} == {"resolution"}
    assert {r.stage for r in trail.items if r.doc == minutes.name and not r.text.startswith("RESOLVED")} == {"minutes"}
    # a record whose clauses are records (24/00093's) is on the trail by them, not by its header as well
    signed = corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf")
    items = decision_trail(_papers(signed), "24/00093").items
    assert items and not any(r.kind == "progress" and r.page_start == 1 and "DECISION NUMBER" in r.text for r in items)


def _papers(*paths) -> IndexData:
    """An index's documents and paragraphs (no vectors) of these papers, parsed directly."""
    docs, paragraphs = {}, []
    for path in paths:
        meta, paras = parse(Path(path))
        docs[meta.doc] = meta
        paragraphs += paras
    return IndexData(docs=docs, paragraphs=paragraphs)


@pytest.mark.corpus
def test_a_decision_without_a_reference_is_found_by_its_subject(decision_index):
    # the County Council resolved to adopt a plan: no decision number names it, so no trail has it
    from assistant.track.ledger import records_for
    from assistant.track.trail import unreferenced_decisions

    records = records_for(load_index(decision_index, with_vectors=False))
    assert decision_refs(records, "Minerals and Waste Local Plan") == []
    found = unreferenced_decisions(records, "Minerals and Waste Local Plan")
    assert found and all(r.kind == "decision" and not r.ref for r in found)
    assert any("Adopts the Kent Minerals and Waste Local Plan" in r.text and r.para == "299/3" for r in found)
    assert unreferenced_decisions(records, "Turner Contemporary") == []


@pytest.mark.corpus
def test_a_decision_asked_for_by_an_acronym_is_found_by_the_name_its_papers_define():
    from assistant.track.extractor import extract_all
    from assistant.track.ledger import defined_terms
    from assistant.track.trail import unreferenced_decisions

    report = corpus_file("committee/kent-cc_county-council_2025-03-13_kent-medway-nhs-jhosc-terms-of-reference-report.pdf")
    minutes = corpus_file("committee/kent-cc_county-council_2025-03-13_printed-minutes.pdf")
    data = _papers(report, minutes)
    records = extract_all(data.docs, data.paragraphs)
    # the report defines "(JHOSC)"; the minutes' resolution stands under "Joint Health Overview & Scrutiny Committee"
    found = unreferenced_decisions(records, "JHOSC", defined=defined_terms(data))
    assert any(r.doc == minutes.name and r.para == "304/3" for r in found)
    assert not any(r.doc == minutes.name and r.para == "304/3" for r in unreferenced_decisions(records, "JHOSC"))


@pytest.mark.corpus
def test_timeline__a_question_put_at_a_meeting_is_not_progress_its_answer_is():
    from assistant.track.timeline import track

    data = _papers(corpus_file("committee/kent-cc_county-council_2025-03-13_questions-put-and-answers-given.pdf"))
    timeline = track(data, "Blackburn Lodge")
    assert timeline and all(r.heading and not r.heading.startswith("Question by") for r in timeline)
    assert any("57 Sheppey residents" in r.text for r in timeline)  # the answer's figures
    assert not any(r.text.startswith("Can the Cabinet Member tell me") for r in timeline)


def test_timeline__an_agenda_line_a_forms_prompt_or_a_ratings_table_is_no_progress():
    from assistant.track.timeline import not_a_report

    for text in ("11. Devolution and Local Government Reorganisation Update (Pages 223 - 244)",
                 "2 I understand that by ticking this box I am confirming that I have undertaken the training. Yes",
                 "9 Which data protection regime will you be processing under? UK GDPR Data Protection Act 2018",
                 "Is there national evidence/data that you can use? Yes",
                 "Basic Data 2 Please outline which element of the project relies on the identified lawful basis",
                 "RAG rating Governance and Law KPIs Latest Previous DoT % of requests completed RED RED % of "
                 "Subject Access requests AMBER GREEN",
                 # a form's prompts: a line that asks, an instruction to tick, numbered questions run together
                 "Process personal data on a large scale?",
                 "7 Tick to confirm which of the following you have in place with the organisations 8 How will the "
                 "personal data be collected?",
                 "27 Please tick to confirm the following statement is true 28 Is there a privacy notice for this use "
                 "of personal data? 29 Please link to the draft/ published privacy notice",
                 "12 Or are you planning to: Process biometric data?",
                 # figures: mostly numbers, or a table's row of a description and its figure columns
                 "2 2 1 3 2 17", "Rate of increase 13% 10% 11% 7%"):
        assert not_a_report(text), text
    assert not_a_report("Use of staff has been agreed, and staff costs are being met from the Grant 0.0 (560.0) (560.0)",
                        table_row=True)
    # a question with its answer reports; so does a reply that begins "I understand"
    for text in ("What is the planned outreach provision? If the decision goes ahead, KCC officers will reach out to "
                 "families.", "Have the travel costs been factored in? Yes – the current base budget can be used.",
                 "I understand that the Highway Manager has contacted you directly regarding the enquiries you logged.",
                 "3.2 Referrals to the front door rose by 12% in the quarter, and the service is recruiting.",
                 # a statement the form's next numbered questions run on after still states
                 "The data transferred is the case notes of those young people. 2 Are all of the categories of "
                 "personal data necessary? 3 What are the categories of data subjects?"):
        assert not not_a_report(text), text
    # a table's row that ends in words, or one figure, is not a row of figures
    assert not not_a_report("Mockingbird constellations 4, with two more planned for the spring", table_row=True)


def test_timeline__a_screening_forms_prompts_are_no_progress_its_answers_are():
    from assistant.track.timeline import track

    data = _papers(corpus_file("committee/kent-cc_cabinet_2025-01-30_strengthening-independence-service-dpia-"
                               "screening.pdf"))
    timeline = track(data, "personal data")
    assert [r.page_start for r in timeline] == [7]
    assert timeline[0].text.startswith("The type of data being transferred")


def test_timeline__what_consultees_said_is_no_progress():
    from assistant.track.text import others_words
    from assistant.track.timeline import not_a_report

    for text in ("“Millmead is the best family hub in the area. It is closest to my house.”",
                 "Concern about appropriateness of Sheppey Gateway in terms of safety: “Seashells is a purpose-built "
                 "building to provide a huge variety of services.”",
                 "• 37% of consultees commenting believe that Millmead Family Hub must not be closed.",
                 "• 12% also commented that Millmead Family Hub has a free accessible car park.",
                 "• When asked to detail the impact, the common themes reported are as follows: • A desire for the "
                 "Hub not to close",
                 "Some example verbatims underpinning consultees desire for the Hub not to close can be found below:",
                 "Concern services and available parking offered at the Gateway would be more limited than at the "
                 "Hub / valued services would reduce:",
                 "Please tell us what impact you think accessing services at the Gateway would have on you? Base: all "
                 "answering (505)"):
        assert others_words(text) and not_a_report(text), text
    for text in ("On 30 July 2024, a public consultation was launched, lasting just under 8 weeks.",
                 # the council's answer to what was said; a motion minutes quote; a performance report's own themes
                 "As a result of this feedback, KCC will provide parents and children bus tickets.",
                 "The cost of bus fares was raised by numerous consultees as a barrier. As a specific response to "
                 "feedback within the consultation, KCC is considering reimbursing service users for bus fares.",
                 "“routinely identify and share good practice from better performing areas,” We agree. Because we "
                 "are one of those better performing areas.",
                 "2) Mr Booth proposed and Mrs Binks seconded the following motion: “That the Council makes comments "
                 "but does not require reconsideration of the decision.”",
                 "The service continues its work regarding suspensions. Common themes are identified, and additional "
                 "support is offered to schools.",
                 "Concerns that the purpose of moving services is to wind them down? KCC is not intending to wind "
                 "down the Family Hub service."):
        assert not others_words(text), text


@pytest.mark.corpus
def test_timeline__a_consultation_reports_verbatims_and_themes_are_not_on_it():
    from assistant.track.timeline import track

    data = _papers(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-consultation-report.pdf"))
    timeline = track(data, "family hubs")
    progress = [r for r in timeline if r.kind == "progress"]
    assert any(r.text.startswith("On 30 July 2024, a public consultation was launched") for r in progress)
    assert not any("consultees" in r.text for r in progress)
    # (one organisation's comment runs on past its closing mark, quoting the EqIA in straight quotes: left)
    assert sum(r.text.startswith("“") for r in progress) <= 1
    assert len(progress) <= 15  # 105 before: what respondents said, theme by theme and verbatim by verbatim


def test_a_month_alone_sorts_after_the_days_of_that_month(medway_report_records):
    from dataclasses import replace

    base = medway_report_records[0]
    month = replace(base, decided="2025-01", date="2025-03-13")
    day = replace(base, decided="2025-01-17", date="2025-03-13")
    later = replace(base, decided="2025-02-01", date="2025-03-13")
    assert sorted([month, later, day], key=_oldest_first) == [day, month, later]


@pytest.mark.corpus
def test_trail__a_committees_endorsement_in_a_paper_headed_with_the_number_is_its_committee_stage():
    """A proposed record of decision headed "DECISION NO: 24/00096" prints "The Children's and Young People Cabinet
    Committee endorsed the KCP on 21 November 2024" under no number of its own: it is the decision's committee stage,
    first on its trail (by its own day), a recommendation by the committee its sentence names; the paper's
    background decisions are not on the trail."""
    record = corpus_file("committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-plan-proposed-record-"
                         "of-decision.pdf")
    trail = decision_trail(_papers(record), "24/00096")
    endorsed = [r for r in trail.items if "endorsed the KCP" in r.text]
    assert len(endorsed) == 1 and trail.items[0] is endorsed[0]
    assert endorsed[0].stage == "recommendation" and endorsed[0].when == "2024-11-21"
    assert endorsed[0].who == "Children’s and Young People Cabinet Committee"
    response = corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-executive-response.pdf")
    items = decision_trail(_papers(response), "24/00093").items
    assert any(r.stage == "recommendation" and r.when == "2024-11-21" and "committee recommends" in r.text
               for r in items)
    assert not any("adopted" in r.text and "Securing Kent" in r.text for r in items)


def test_trail__a_reports_recommendations_reprinted_later_are_dated_by_the_decision_they_were_printed_for():
    # the decision report asking the Cabinet Member to "APPROVE the proposal …", reprinted in the 13 March pack with
    # the record of decision signed 17 January that took it in the same words: the recommendation reads before the
    # decision, dated by it and marked a reprint (it had sorted on 13 March, after the call-in and Cabinet's review)
    report = corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-decision-report-24-00093.pdf")
    signed = corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf")
    items = decision_trail(_papers(report, signed), "24/00093").items
    rec = next(r for r in items if r.kind == "recommendation" and r.text.startswith("APPROVE the proposal"))
    taken = [r for r in items if r.kind == "decision" and r.doc == signed.name]
    assert taken and {r.when for r in taken} == {"2025-01-17"}
    assert rec.when == "2025-01-17" and rec.status == "reprinted"
    assert all(items.index(rec) < items.index(r) for r in taken)
    # every recommendation of the report is of that day: it was printed for that decision
    assert {r.when for r in items if r.doc == report.name and r.kind == "recommendation"} <= {"2025-01-17", "2024-11-21"}
    # a recommendation with no decision in its words, nor one printed in its own paper, keeps its paper's day
    alone = [r for r in decision_trail(_papers(report), "24/00093").items if r.kind == "recommendation"]
    assert alone and not any(r.status == "reprinted" for r in alone)


def test_timeline__a_reprinted_recommendation_has_the_day_its_decisions_trail_gives_it():
    # `track` and `decisions --ref` show one row under one day: the decision report's "APPROVE the proposal …",
    # reprinted in the 13 March pack, is of 17 January 2025 (the record of decision's) in both, not the pack's day
    from assistant.track.timeline import track

    report = corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-decision-report-24-00093.pdf")
    signed = corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf")
    data = _papers(report, signed)
    on_trail = {(r.paragraph_id, r.text): r.when for r in decision_trail(data, "24/00093").items}
    rows = [r for r in track(data, "family hubs") if r.kind == "recommendation" and r.doc == report.name]
    rec = next(r for r in rows if r.text.startswith("APPROVE the proposal"))
    assert rec.when == "2025-01-17" and rec.status == "reprinted"
    assert all(r.when == on_trail[(r.paragraph_id, r.text)] for r in rows if (r.paragraph_id, r.text) in on_trail)
    # a date filter reads the day shown: the row is not in March's
    assert rec.text not in {r.text for r in track(data, "family hubs", since="2025-03-01")}


@pytest.mark.corpus
def test_timeline__a_decisions_trail_brings_in_the_recommendations_made_on_it():
    """A committee's recommendation to the decision-maker, reprinted without the decision's number or the topic's
    words ("That the decision be delayed until the new government funding is confirmed …", Kent's Children, Young
    People and Education Cabinet Committee, 21 November 2024, on decision 24/00093), is on the topic's timeline, dated
    as the decision's trail dates it: it had been on ``decisions --ref 24/00093`` but not on ``track "family hubs"``."""
    from assistant.track.timeline import track

    data = _papers(corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf"),
                   corpus_file("committee/kent-cc_county-council_2025-03-13_family-hubs-decision-report-24-00093.pdf"))
    timeline = track(data, "family hubs", since="2024-11-01")
    delayed = [r for r in timeline if r.kind == "recommendation" and "decision be delayed" in r.text]
    assert delayed and all(r.when.startswith("2024-11-21") for r in delayed)
    assert not any(r.when < "2024-11-01" for r in timeline)
