"""Tracker over a real index of source_docs: cached records, the CLI commands, track, follow-through and chat."""

from __future__ import annotations

import json
from dataclasses import replace

import click
import pytest
from click.testing import CliRunner

from assistant.records import Paragraph

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def cli_main():
    """The project's click group with the tracker commands registered (as the lead's hook in cli.py will do)."""
    from assistant.cli.main import main
    from assistant.cli.track import register

    if "track" not in main.commands:
        register(main)
    return main


def run(cli_main: click.Group, *args: str):
    result = CliRunner().invoke(cli_main, list(args), catch_exceptions=False)
    return result


def test_ledger__records_are_written_by_the_build_in_the_index_version_folder(track_index):
    from assistant.index.store import current_version_dir, load_index
    from assistant.track.extractor import extract_all
    from assistant.track.ledger import FILE_NAME, load_records, read_tracker

    assert (current_version_dir(track_index) / FILE_NAME).is_file()  # before anything has read the index
    records, data = load_records(track_index)
    assert read_tracker(data.path, data) == records
    fresh = load_index(track_index, with_vectors=False)
    assert records == extract_all(fresh.docs, fresh.paragraphs)


def test_track__step_down_medway_2019_finding_before_2020_monitoring_visit(cli_main, track_index):
    result = run(cli_main, "track", "step-down", "--org", "medway", "--json", "--index-dir", str(track_index))
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates)
    i2019 = next(i for i, r in enumerate(rows) if r["doc"].endswith("2019-08-27.pdf") and r["para"] == "2")
    i2020 = next(i for i, r in enumerate(rows) if r["para"] == "3.11")
    assert i2019 < i2020
    assert rows[i2019]["kind"] == "finding" and rows[i2019]["page_start"] == 3
    assert rows[i2020]["kind"] == "improvement_item" and rows[i2020]["date"] == "2020-10-01"  # an area still to improve
    for r in rows:
        assert r["kind"] in ("commitment", "recommendation", "decision", "finding", "judgement", "improvement_item",
                             "progress")
        assert r["doc"] and r["date"] and r["citation"]


def test_commitments__cli_filters_by_topic_and_prints_citations(cli_main, track_index):
    result = run(cli_main, "commitments", "--org", "medway", "--topic", "caseloads", "--index-dir", str(track_index))
    assert result.exit_code == 0
    assert "Ensure engagement with partners" in result.output
    assert "[Medway Report on Ofsted monitoring visit" in result.output
    result = run(cli_main, "commitments", "--since", "2030-01-01", "--json", "--index-dir", str(track_index))
    assert json.loads(result.output) == []


def test_findings__cli_json_judgements(cli_main, track_index):
    result = run(cli_main, "findings", "--org", "medway", "--kind", "judgement", "--json", "--index-dir",
                 str(track_index))
    rows = json.loads(result.output)
    overall = {r["date"][:4]: r["grade"] for r in rows if r["area"] == "overall effectiveness"}
    assert overall == {"2013": "inadequate", "2015": "requires improvement to be good", "2019": "inadequate",
                       "2023": "good"}


def test_findings__bad_date_is_a_one_line_error(cli_main, track_index):
    result = CliRunner().invoke(cli_main, ["findings", "--since", "2019", "--index-dir", str(track_index)])
    assert result.exit_code == 2  # bad usage, like `search --since`
    assert "must be a date like 2019-01-01" in result.output


def test_follow_through__later_paragraphs_or_a_plain_nothing(track_assistant):
    from assistant.track.timeline import follow_through, improvement_items

    items = improvement_items(track_assistant.retriever.data, ["medway"], 2019)
    assert len(items) == 10
    results = [follow_through(track_assistant.retriever, it) for it in items]
    care_leavers = next(f for f in results if f.item.text.startswith("Services to help care leavers"))
    assert care_leavers.later and all(h.meta.date > "2019-08-27" for h in care_leavers.later)
    assert all(h.meta.org_slug == "medway" for f in results for h in f.later)
    assert any(not f.later for f in results) or all(f.later for f in results)  # both outcomes are reported
    for f in results:
        d = f.to_dict()
        assert (d["later_note"] is None) == bool(d["later"])
        assert not (d["later"] and d["nearest"])  # the closest below the threshold only when nothing is above it
    if (alone := next((f for f in results if not f.later), None)) is not None:
        assert alone.to_dict()["later_note"] == "No later paragraph found clearly takes this up."


def test_improvement_items__the_year_of_the_visit_finds_the_report_published_the_next_year(track_assistant,
                                                                                          monkeypatch):
    # "what did Ofsted say Newham needs to improve in its 2025 inspection?": the visit ran in November 2025 and the
    # report came out in January 2026; the year asked about is the visit's as well as the publication's
    from assistant.track import timeline

    data = track_assistant.retriever.data
    items = timeline.improvement_items(data, ["medway"], 2019)
    doc = items[0].doc
    other = next(d for d, m in data.docs.items() if m.org_slug == "medway" and d != doc and m.date > "2020")
    docs = {**data.docs,
            doc: replace(data.docs[doc], date="2020-01-10", published="2020-01-10", inspected="2019-11-04/2019-11-15"),
            # a report with no visit dates, published in 2020, could be 2019's visit too: the dated visit wins
            other: replace(data.docs[other], date="2020-03-02", published="2020-03-02", inspected=None)}
    moved = {doc: "2020-01-10", other: "2020-03-02"}
    records = [replace(r, date=moved.get(r.doc, r.date)) for r in timeline.records_for(data)]
    monkeypatch.setattr(timeline, "records_for", lambda _: records)
    later = replace(data, docs=docs)
    assert [r.text for r in timeline.improvement_items(later, ["medway"], 2019)] == [r.text for r in items]
    assert {r.doc for r in timeline.improvement_items(later, ["medway"], 2020)} == {other}  # published then, no visit
    assert timeline.improvement_items(later, ["medway"], 2017) == []


def test_follow_through__never_a_grid_of_grades_a_risk_foreseen_or_a_question(track_assistant):
    # the 2023 report's page-1 judgement grid had been shown as taking up "Staffing capacity …" and "The coordination
    # … of early help services …": a grade says nothing of what was done
    from assistant.track.timeline import _may_take_up, follow_through, improvement_items

    items = improvement_items(track_assistant.retriever.data, ["medway"], 2019)
    later = [h.paragraph for it in items for h in follow_through(track_assistant.retriever, it).later]
    assert later and all(p.kind not in ("table", "table-header", "front-matter") for p in later)
    risk = Paragraph(id="r", doc="d", ordinal=1, kind="table-row",
                     text="Risk: Caseloads; Description: Whilst additional resource has been introduced …")
    asked = Paragraph(id="q", doc="d", ordinal=2, heading="Question by Mr A to Mrs B, Cabinet Member",
                      text="Would the Cabinet Member please inform us of the steps that are undertaken by KCC?")
    report = Paragraph(id="t", doc="d", ordinal=3, text="The additional 35 social work posts have increased capacity.")
    assert [_may_take_up(p) for p in (risk, asked, report)] == [False, False, True]


def _tracked(assistant, question, filters=None):
    """The tracker's answer, its filters resolved as Assistant.ask resolves them."""
    from assistant.answer.tracker import answer_from_tracker

    return answer_from_tracker(assistant.retriever, question, *assistant.resolve_filters(question, filters))


def test_chat__improvement_question_lists_items_with_citations(track_assistant):
    ans = _tracked(track_assistant, "What did Ofsted ask Medway to improve in 2019, and what has been reported "
                                    "since on each?")
    assert ans is not None and not ans.abstained
    assert "Medway Ofsted inspection 2019, p.3" in ans.answer
    assert ans.answer.count("\n1. ") + ans.answer.count("\n10. ") == 2
    for line in ans.answer.splitlines()[1:]:
        assert line.rstrip().endswith("]") or "no later paragraph found clearly takes this up" in line
    assert len(ans.citations) >= 10
    # the newest report's items: nothing of Medway's dated after it is indexed, said once, not under each item
    newest = _tracked(track_assistant, "What did Ofsted ask Medway to improve in 2023, and what has been reported "
                                       "since on each?")
    lines = newest.answer.splitlines()
    assert lines[-1] == "Since then: no later papers from Medway are indexed."
    assert not any("no later paragraph found" in line for line in lines)
    assert all(line.rstrip().endswith("]") for line in lines[1:-1])


def test_chat__what_inspectors_say_a_council_needs_to_improve_is_an_improvement_question(track_assistant):
    from assistant.answer.tracker import IMPROVE_Q

    ans = _tracked(track_assistant, "What did inspectors say Medway needs to improve in 2019?")
    assert ans is not None and ans.extra["tracker"] == "tracker-improvement"
    assert ans.answer.splitlines()[0].endswith("things to improve:")
    assert IMPROVE_Q.search("What did Ofsted find Havering must improve?")
    assert not IMPROVE_Q.search("What did inspectors say about improvements in caseloads?")  # one subject
    assert IMPROVE_Q.search("What improvements do inspectors want Islington to make?")
    assert IMPROVE_Q.search("What did Ofsted recommend for Durham?")
    # in the past tense, and counted: the list, whose first line counts it (it had been answered from another
    # paragraph's "74 children from 43 families", tester round 71)
    assert IMPROVE_Q.search("How many things did Ofsted say Medway needed to improve in its 2019 inspection?")
    assert IMPROVE_Q.search("What did inspectors say Kent had to improve?")
    assert not IMPROVE_Q.search("How many children did Ofsted say needed help?")
    assert not IMPROVE_Q.search("What did inspectors recommend about care leavers in Durham?")  # one subject
    # a council's weaknesses, asked with no one subject, are the list too
    weak = _tracked(track_assistant, "What are the main weaknesses in Medway's children's services?")
    assert weak is not None and weak.extra["tracker"] == "tracker-improvement"
    assert _tracked(track_assistant, "What weaknesses did inspectors see in how Medway records decisions?") is None
    # so are the concerns or criticisms inspectors raised, with nothing else named
    concerns = _tracked(track_assistant, "What concerns did inspectors raise about Medway in 2019?")
    assert concerns is not None and concerns.extra["tracker"] == "tracker-improvement"
    assert _tracked(track_assistant, "What concerns did Ofsted have about care leavers in Medway?") is None
    from assistant.answer.tracker import _names_no_subject

    assert _names_no_subject(" in Knowsley's children's services") and _names_no_subject(" according to Ofsted")
    # read word by word: a pattern of alternatives that overlap ("In" as a word and as a capitalised name) had taken
    # exponential time on a long run of them
    assert not _names_no_subject(" In" * 40 + " caseloads")
    # a council whose name joins two words ("Kensington and Chelsea", "Richmond upon Thames") names no subject; a
    # subject joined to the council is still one
    assert _names_no_subject(" for Kensington and Chelsea in the November 2024 Ofsted inspection")
    assert _names_no_subject(" in Richmond upon Thames")
    assert not _names_no_subject(" for Kensington and Chelsea and care leavers")


def test_chat__what_needs_to_improve_with_no_council_named_over_several_councils_asks_which(track_assistant,
                                                                                         monkeypatch):
    from dataclasses import replace

    from assistant.answer import tracker
    from assistant.query.filters import Filters
    from assistant.query.implied import Implied

    medway = [r for r in tracker.improvement_items(track_assistant.retriever.data, ["medway"], None)]
    other = [replace(r, org_slug="kent", organisation="Kent", date="2026-02-02") for r in medway[:2]]
    monkeypatch.setattr(tracker, "improvement_items", lambda data, orgs, year: medway + other if not orgs else medway)
    ans = tracker.answer_from_tracker(track_assistant.retriever, "What needs to improve?", Filters(), Implied())
    assert ans is not None and ans.abstained and not ans.citations
    assert ans.answer == ("Ofsted's reports on 2 councils are indexed, each with its own list of what to improve: name "
                          "the council, e.g. \"What does Kent need to improve?\"")
    named = tracker.answer_from_tracker(track_assistant.retriever, "What needs to improve?", Filters(orgs=["medway"]),
                                        Implied(orgs=["medway"], org_names=["Medway"]))
    assert named is not None and not named.abstained and "Medway" in named.answer.splitlines()[0]


def test_chat__the_list_a_report_gives_is_asked_for_with_the_report_named_before_or_after(track_assistant):
    from assistant.answer.tracker import IMPROVE_Q

    for asked in ("What were the recommendations of Medway's 2019 inspection?",
                  "What does Medway need to improve according to its 2019 Ofsted report?",
                  "What needs improving in Medway, according to the 2019 inspection?",
                  "What did the 2019 report say needs to improve?"):
        ans = _tracked(track_assistant, asked)
        assert ans is not None and ans.extra["tracker"] == "tracker-improvement", asked
        first = ans.answer.splitlines()[0]
        assert first.startswith("Ofsted's inspection of Medway (report published 27 August 2019) listed "), first
        assert first.endswith(" things to improve:") and "\n1. " in ans.answer
    # a committee paper's recommendations, or improvement since an inspection, are other questions
    assert not IMPROVE_Q.search("What were the recommendations to Cabinet on family hubs?")
    assert not IMPROVE_Q.search("What does the finance report say needs to improve?")  # a report not named by its year
    assert not IMPROVE_Q.search("How has Medway improved since the 2019 inspection?")



def test_chat__what_a_council_needs_to_improve_with_nothing_else_named_is_its_reports_list(track_assistant):
    from assistant.answer.tracker import _asks_bare_improvement

    ans = _tracked(track_assistant, "Which areas did Medway need to improve in 2019?")
    assert ans is not None and ans.extra["tracker"] == "tracker-improvement"
    assert ans.answer.splitlines()[0].startswith("Ofsted's inspection of Medway (report published 27 August 2019)")
    assert _asks_bare_improvement("What does Bradford need to improve?")
    assert _asks_bare_improvement("Which areas does Sunderland still need to improve?")
    assert _asks_bare_improvement("What does Bradford need to get better at?")
    assert _asks_bare_improvement("What does Bradford have to do better?")
    # a subject of its own is the ordinary answer's question
    assert not _asks_bare_improvement("What does Bradford need to improve in its fostering service?")
    assert not _asks_bare_improvement("What does Kent need to improve about recycling?")
    assert _tracked(track_assistant, "What does Medway need to improve in how it records decisions?") is None

def test_chat__what_a_report_asks_to_improve_about_one_subject_is_its_items_on_it(track_assistant):
    ans = _tracked(track_assistant, "What did inspectors say Medway needs to improve about children who go missing "
                                    "in 2019?")
    assert ans is not None and ans.extra["tracker"] == "tracker-improvement"
    lines = ans.answer.splitlines()
    assert lines[0] == ("Ofsted's inspection of Medway (report published 27 August 2019) listed 10 things to improve; "
                        "of them, on children who go missing:")
    assert lines[1].startswith("7. The system for tracking children who go missing from home, care or education.")
    assert not any(line.startswith(("1. ", "2. ", "8. ")) for line in lines)  # only the item on it, by its number
    # a subject the list never names: said so, over the whole list
    none = _tracked(track_assistant, "What did inspectors say Medway needs to improve about recycling in 2019?")
    assert none is not None and none.answer.splitlines()[0].endswith("10 things to improve, none of them on "
                                                                     "recycling:")
    assert "\n10. " in none.answer


def test_chat__promise_question_and_non_tracker_question(track_assistant):
    ans = _tracked(track_assistant, "What did we promise about recruitment?", {"orgs": ["medway"]})
    assert ans is not None and ans.citations
    assert "recruit" in ans.answer.lower()
    assert _tracked(track_assistant, "What did inspectors say about step-down?") is None


def test_chat__a_question_asking_how_much_or_how_many_was_committed_is_not_a_promise_list(track_assistant):
    """"How much did Medway commit to recruitment?" asks for a sum that a paragraph gives: the ordinary answer,
    not the list of what was promised about recruitment (which the same words without "how much" still get)."""
    for asked in ("How much did Medway commit to spend on recruitment?",
                  "How many social workers did Medway commit to recruit?"):
        assert _tracked(track_assistant, asked, {"orgs": ["medway"]}) is None, asked
    assert _tracked(track_assistant, "What did Medway commit to on recruitment?", {"orgs": ["medway"]}) is not None


def test_chat__a_promise_made_under_a_risk_names_the_risk_it_answers(track_assistant):
    ans = _tracked(track_assistant, "What did we promise about caseloads, and when?", {"orgs": ["medway"]})
    assert ans is not None
    line = next(line for line in ans.answer.splitlines() if "Ensure engagement with partners" in line)
    # the risk register's action is shown under its risk, so the answer says why it is about caseloads
    assert line.startswith("- 2020-10-01 commitment on Caseloads: Ensure engagement with partners")


def test_chat__a_promise_list_keeps_the_records_that_use_the_questions_own_words():
    from assistant.answer.tracker import _saying_what_was_asked
    from assistant.track.items import TrackRecord

    def record(text, topic=None, heading=None):
        return TrackRecord(kind="commitment", text=text, doc="d.pdf", title="t", organisation="Kent", org_slug="kent",
                           doc_type="committee-report", date="2025-01-30", para=None, page_start=1, page_end=1,
                           heading=heading, paragraph_id=text[:10], ordinal=0, topic=topic)

    education = record("Statutory functions will transfer from the Education Directorate.", topic="education")
    transport = record("A study will look at home to school transport costs.", topic="education")
    send = record("Plans will be managed by the SEND service.", topic="education")
    verb = record("The Chair would send a message to group leaders.", topic="education")
    risk = record("Ensure engagement with partners is increased.", topic="Caseloads", heading="4. Risk management")
    tagged = record("Social services workload will double.", topic="caseloads")
    # an education commitment that never mentions transport does not answer what was promised about it
    assert _saying_what_was_asked([education, transport], "home school transport") == [transport]
    assert _saying_what_was_asked([send, verb], "SEND") == [send]  # the abbreviation as printed, not the verb
    # a risk's own label names what its action is about; a topic the tracker tagged is only a category
    assert _saying_what_was_asked([risk, tagged], "caseloads") == [risk]


def test_chat__a_promise_question_naming_a_month_or_year_lists_only_that_times_records(track_assistant):
    from assistant.answer.tracker import _subject_words

    everything = _tracked(track_assistant, "What did we promise about recruitment?", {"orgs": ["medway"]})
    dated = [line.split()[1] for line in everything.answer.splitlines()[1:]]
    assert dated and all(d[:4] == "2020" for d in dated)  # the sample's promises are the 2020 report's
    in_month = _tracked(track_assistant, "What did we promise about recruitment in October 2020?", {"orgs": ["medway"]})
    assert in_month is not None and in_month.answer.splitlines()[1:] == everything.answer.splitlines()[1:]
    assert in_month.answer.splitlines()[0] == everything.answer.splitlines()[0]  # "October" is not its topic
    # nothing recorded then: the ordinary cited answer serves instead of another time's promises
    assert _tracked(track_assistant, "What did we promise about recruitment in March 2021?", {"orgs": ["medway"]}) is None
    assert _tracked(track_assistant, "What did we promise about recruitment in 2017?", {"orgs": ["medway"]}) is None
    assert _subject_words("What was agreed about family hubs in March 2025?") == "family hubs"


def tracker_answer(assistant, question: str, view: str):
    """The answer the tracker's ``view`` gives ``question`` (asserted: that view, no abstention), and its lines."""
    ans = assistant.ask(question)
    assert ans.extra["tracker"] == view and not ans.abstained, (question, ans.extra.get("tracker"))
    return ans, ans.answer.splitlines()


def taken_by(asks, assistant, questions) -> list[str]:
    """The questions that the answer ``asks`` (judged.asks_grade …) takes, each read as the assistant reads it."""
    return [q for q in questions if asks(q, assistant.resolve_filters(q, None)[1])]


def test_chat__how_one_councils_judgement_changed_is_answered_from_each_of_its_reports(track_assistant):
    from assistant.answer.judged import asks_grade, asks_history

    ans, lines = tracker_answer(track_assistant, "How has Medway's overall judgement changed over the years?",
                               "tracker-judgement-history")
    assert lines[0] == "Ofsted's judgements of overall effectiveness for Medway in the 4 indexed reports, newest first:"
    assert lines[1] == "- 11 September 2023: Overall effectiveness: Good [Medway Ofsted inspection 2023, p.1]"
    assert lines[2] == "- 27 August 2019: Overall effectiveness: Inadequate [Medway Ofsted inspection 2019, p.1]"
    assert [c.doc[:30] for c in ans.citations] == ["medway_ofsted-childrens-service"[:30]] * 4
    assert all(c.quote in c.text or c.quote == c.heading for c in ans.citations)  # the table line, or the heading
    # over the numbered paragraph that states the judgement (the 2013 and 2015 reports)
    two = track_assistant.ask("What were Medway's grades in 2015 and 2019?")
    assert [line[:17] for line in two.answer.splitlines()[1:]] == ["- 27 August 2019:", "- 27 November 201"]
    # one report's grade, a judge's words, another remit's judgements: not this answer
    assert not asks_history("What was Medway's overall judgement in 2019?", track_assistant.resolve_filters(
        "What was Medway's overall judgement in 2019?", None)[1])
    assert taken_by(asks_history, track_assistant, (
        "Which body told inspectors that Medway's legal work had improved after criticism from judges?",
        "What has changed about Ofsted judgements of Medway schools since 2019?",
        # one financial year is not two years asked about, and care homes are rated by the CQC, not Ofsted
        "What share of Medway's foster carers were rated good in 2023-24?",
        "Over time, what share of the care homes Medway uses were rated good?",
        # nor are a council's own performance indicators and risks, rated in its committee papers
        "How many of Medway's performance indicators were rated red in the 2023-24 report to Cabinet in 2024?",
        "Which of Medway's corporate risks have been rated high since 2019?")) == []
    assert taken_by(asks_grade, track_assistant, ("How many of Medway's KPIs were rated green?",)) == []


def test_chat__one_councils_grade_with_no_time_named_is_its_newest_reports_then_the_earlier_ones(track_assistant):
    from assistant.answer.judged import asks_grade

    ans, lines = tracker_answer(track_assistant, "What is Medway's grade for care leavers?", "tracker-judgement")
    assert lines[0] == ("11 September 2023 (the newest indexed Ofsted report on Medway that judges it): The experiences "
                        "and progress of care leavers: Good [Medway Ofsted inspection 2023, p.1]")
    assert lines[1] == "Its earlier reports, newest first:"
    assert lines[2].startswith("- 27 August 2019: The experiences and progress of children in care and care leavers:")
    assert [c.doc[-14:-4] for c in ans.citations] == ["2023-09-11", "2019-08-27", "2015-11-27"]
    assert all(c.quote in c.text or c.quote == c.heading for c in ans.citations)
    overall = track_assistant.ask("What grade did Medway get?")
    assert overall.answer.splitlines()[0].endswith("Overall effectiveness: Good [Medway Ofsted inspection 2023, p.1]")
    assert len(overall.citations) == 4
    # a year, the previous inspection, a child judged to be at risk, another remit, an area the table may not judge
    assert taken_by(asks_grade, track_assistant, (
        "What was Medway's overall judgement in 2019?", "What grade did Medway get at its previous inspection?",
        "Were children judged to be at risk in Medway?", "How are Medway schools rated?",
        "What grade did Medway get for its fostering service?",
        # when it was judged so is a date, which the report's text gives
        "When was Medway previously judged good?", "In which year was Medway judged inadequate?")) == []
    asked = ("What is Medway's current Ofsted rating?", "What rating did Ofsted give Medway's leadership?",
             # the area in the judgement table's own words
             "What grade did Medway get for the impact of its leaders on social work practice?")
    assert taken_by(asks_grade, track_assistant, asked) == list(asked)


def test_chat__one_councils_grade_in_a_year_is_that_years_reports_or_that_it_gives_none(track_assistant):
    from assistant.answer.judged import asks_grade_of_year

    # the area's line as that report words it, from its judgement table
    ans, lines = tracker_answer(track_assistant, "How did Ofsted judge leadership in Medway in 2015?",
                                "tracker-judgement-of-year")
    assert lines == ["Ofsted's report on Medway published 27 November 2015: Leadership, management and governance: "
                     "Requires improvement [Medway Ofsted inspection 2015, p.1]"]
    assert len(ans.citations) == 1 and ans.citations[0].quote in ans.citations[0].text
    # a report that judges no such area says so and gives the judgements it does, never another area's line as
    # if it were the one asked about
    _, lines = tracker_answer(track_assistant, "How was Medway's adoption performance judged in 2023?",
                              "tracker-judgement-of-year")
    assert lines[0] == ("Ofsted's report on Medway published 11 September 2023 gives no judgement of adoption; the "
                        "judgements it gives:")
    assert lines[-1] == "- Overall effectiveness: Good [Medway Ofsted inspection 2023, p.1]" and len(lines) == 6
    # two years, no year, another remit, a topic the table does not judge: not this answer
    assert taken_by(asks_grade_of_year, track_assistant, (
        "What were Medway's grades in 2015 and 2019?", "What grade did Medway get?",
        "How are Medway schools rated in 2023?", "What grade did Medway get for its fostering service in 2019?")) == []


def test_chat__every_grade_of_one_councils_report_is_listed_from_its_judgement_table(track_assistant):
    from assistant.answer.judged import asks_report_grades

    ans, lines = tracker_answer(track_assistant, "Which areas were judged inadequate in Medway in 2019?",
                               "tracker-report-judgements")
    assert lines[0] == "Ofsted's report on Medway published 27 August 2019 judges 3 of its 4 areas inadequate:"
    assert lines[3] == "- Overall effectiveness: Inadequate [Medway Ofsted inspection 2019, p.1]"
    # the page-1 table is cited once, not once per row listed
    assert len(ans.citations) == 1 and ans.citations[0].quote in ans.citations[0].text
    # "judged to be inadequate", "judged to require improvement" name a grade ("judged to be at risk" does not)
    _, worded = tracker_answer(track_assistant, "Which parts of Medway's services were judged to be inadequate in 2019?",
                               "tracker-report-judgements")
    assert worded == lines
    _, judgements = tracker_answer(track_assistant, "Which of Medway's judgements were inadequate in 2019?",
                                   "tracker-report-judgements")
    assert judgements == lines
    _, areas = tracker_answer(track_assistant, "Which judgement areas did Medway get inadequate for in 2019?",
                              "tracker-report-judgements")
    assert areas == lines
    # the inspection's month named with its year: that year's report still
    _, month = tracker_answer(track_assistant, "Which judgement areas were rated inadequate in Medway's June 2019 "
                                               "inspection?", "tracker-report-judgements")
    assert month == lines
    # the grade after "rather than" is the one not asked for; "not judged …": the areas of any other grade
    _, rather = tracker_answer(track_assistant, "Which area of Medway was judged to require improvement rather than "
                                                "inadequate in 2019?", "tracker-report-judgements")
    _, other = tracker_answer(track_assistant, "Which areas of Medway were not judged inadequate in 2019?",
                              "tracker-report-judgements")
    assert rather[1:] == other[1:] and len(other) == 2 and other[1].endswith(": Requires improvement to be good "
                                                                             "[Medway Ofsted inspection 2019, p.1]")
    assert other[0].endswith("judges 1 of its 4 areas other than inadequate:")
    every = track_assistant.ask("What were Medway's grades?")
    assert every.answer.splitlines()[0] == ("Ofsted's newest indexed report on Medway, published 11 September 2023, "
                                            "gives these judgements:")
    assert len(every.citations) == 1  # the judgement table, cited once for its five rows
    # each area, or which of them, asked with a grade word: the whole table too
    for asked in ("How was Medway graded in each judgement area?",
                  "Which of the areas Ofsted graded in Medway fell short of the top mark?"):
        each = track_assistant.ask(asked)
        assert each.answer.splitlines()[0].endswith("gives these judgements:"), asked
    assert taken_by(asks_report_grades, track_assistant, (
        "Which councils were judged inadequate in 2019?", "What were Medway's grades in 2019 and 2023?",
        "What services does Medway offer care leavers?",
        # when it was judged so in every area is a date, which the report's text gives, not its table
        "When were Medway's services previously judged good in every area?")) == []


def test_chat__how_many_inspections_and_the_first_are_answered_from_the_reports_indexed(track_assistant):
    from assistant.answer.inspections import asks_inspections

    many, lines = tracker_answer(track_assistant, "How many inspections has Medway had?", "tracker-inspections")
    assert lines[0] == "4 Ofsted inspection reports on Medway are indexed, oldest first (inspections before them may not be):"
    assert lines[1] == ("- published 23 August 2013: Inspection dates: 15-19 July 2013 Reporting inspector Sarah Urding "
                        "HMI [Medway Ofsted inspection 2013, p.1]")
    assert [c.date for c in many.citations] == ["2013-08-23", "2015-11-27", "2019-08-27", "2023-09-11"]
    assert all(c.quote in c.text and "Inspection date" in c.quote for c in many.citations)
    first = track_assistant.ask("When was Medway's first inspection?")
    assert first.answer.startswith("The earliest of the 4 indexed Ofsted inspection reports on Medway")
    assert "15-19 July 2013" in first.answer.splitlines()[0]
    # what the first inspection found is searched in the oldest indexed report alone
    found = track_assistant.ask("What did Medway's first inspection find about care leavers?")
    assert not found.abstained and {c.date for c in found.citations} == {"2013-08-23"}
    # its previous inspection, the one before the newest, in that inspection's own report: 2019, not 2023's table
    previous = track_assistant.ask("What was Medway judged at its previous inspection?")
    assert previous.answer.startswith("Overall effectiveness: Inadequate [Medway Ofsted inspection 2019, p.1]")
    assert {c.date for c in previous.citations} == {"2019-08-27"}
    # whether it has been inspected since a year: the reports after it, or the newest when there are none
    since, lines = tracker_answer(track_assistant, "Has Medway been inspected since 2015?", "tracker-inspections")
    assert lines[0] == "Yes: 2 indexed Ofsted inspection reports on Medway come from after 2015:"
    assert [c.date for c in since.citations] == ["2019-08-27", "2023-09-11"]
    none, lines = tracker_answer(track_assistant, "Has Ofsted inspected Medway since 2023?", "tracker-inspections")
    assert lines[0].startswith("No Ofsted inspection of Medway after 2023 is indexed. The newest indexed report, "
                               "published 11 September 2023: ")
    assert [c.date for c in none.citations] == ["2023-09-11"]
    assert taken_by(asks_inspections, track_assistant, (
        "How many children were in care at Medway's first inspection?", "When was Medway last inspected?",
        "How many inspections were there in 2019?", "Has Medway improved since 2019?")) == []


def test_chat__the_grade_of_the_first_inspection_is_that_reports_judgement(track_assistant):
    # "… grade in its first inspection" asks for the earliest report's judgement, not only its dates line
    ans, lines = tracker_answer(track_assistant, "What was Medway's overall effectiveness grade in its first Ofsted "
                                "inspection?", "tracker-inspections")
    assert lines[0].startswith("The earliest of the 4 indexed Ofsted inspection reports on Medway")
    assert "Grade 4 (Inadequate)" in lines[0] and "Inspection dates" not in lines[0]
    assert [c.date for c in ans.citations] == ["2013-08-23"]


def test_chat__how_services_changed_since_a_judgement_is_not_the_judgement_history(track_assistant):
    from assistant.answer.judged import asks_history

    # a judgement that says from when ("since it was judged inadequate") is no question on the judgements
    assert taken_by(asks_history, track_assistant, (
        "How have Medway's children's services changed since they were judged inadequate in 2019?",
        "How has Medway improved since it was judged inadequate in 2019?",
        "What progress has Medway made after being rated inadequate?")) == []
    # the judgement itself changing is
    assert taken_by(asks_history, track_assistant, (
        "Has Medway's rating improved since it was judged inadequate in 2019?",
        "How has Medway's overall judgement changed since 2013?")) == [
        "Has Medway's rating improved since it was judged inadequate in 2019?",
        "How has Medway's overall judgement changed since 2013?"]


def test_chat__which_councils_got_a_grade_is_answered_from_every_reports_judgements(track_assistant):
    from assistant.answer.judged import asks_judged

    assert asks_judged("Which councils were judged outstanding overall in 2025?")
    assert asks_judged("How many local authorities were rated inadequate in 2024?")
    assert not asks_judged("What was Medway's overall judgement in 2019?")  # one council: the ordinary answer
    assert not asks_judged("Which councils have a care leavers' hub?")  # no grade asked for

    ans, lines = tracker_answer(track_assistant, "Which councils were judged inadequate in 2019?", "tracker-judgements")
    assert lines[0] == "1 of the 1 indexed Ofsted report published in 2019 judges overall effectiveness inadequate:"
    assert lines[1] == ("- Medway (2019-08-27): Overall effectiveness: Inadequate [Medway Ofsted inspection 2019, "
                        "p.1]")
    assert [c.doc for c in ans.citations] == ["medway_ofsted-childrens-services_2019-08-27.pdf"]
    assert ans.citations[0].quote in ans.citations[0].text  # the table's own line
    none = track_assistant.ask("Which councils were judged outstanding in 2019?")
    assert none.abstained and none.citations == []
    assert none.answer == ("No indexed Ofsted report published in 2019 judges overall effectiveness outstanding (1 "
                           "indexed report published in 2019 judges overall effectiveness).")
    # a kind of council: Medway is a unitary council, not a London borough
    assert asks_judged("Which London boroughs were judged outstanding?")
    _, lines = tracker_answer(track_assistant, "Which unitary councils were judged inadequate in 2019?",
                              "tracker-judgements")
    assert lines[0] == ("1 of the 1 indexed Ofsted report on unitary councils published in 2019 judges overall "
                        "effectiveness inadequate:")
    london = track_assistant.ask("Which London boroughs were judged inadequate in 2019?")
    assert london.abstained and london.answer.startswith("No indexed Ofsted report on London boroughs published in "
                                                         "2019 judges overall effectiveness inadequate (0 indexed")


def test_chat__a_promise_printed_twice_is_listed_once():
    """A report prints its recommendations in its summary and again at its end: one line, the first one."""
    from assistant.answer.tracker import _once
    from assistant.track.items import TrackRecord

    def record(text, page, kind="recommendation"):
        return TrackRecord(kind=kind, text=text, doc="kent_report.pdf", title="Commissioned Family Hub Contracts",
                           organisation="Kent County Council", org_slug="kent-cc", doc_type="committee-report",
                           date="2025-03-13", para=None, page_start=page, page_end=page, heading=None,
                           paragraph_id=f"p{page}", ordinal=page)

    summary, end = record("APPROVE the proposal  to not re-commission", 2), record("APPROVE the proposal to not "
                                                                                     "re-commission", 23)
    taken = record("APPROVE the proposal to not re-commission", 1, kind="decision")  # the decision itself: kept
    assert _once([summary, end, taken]) == [summary, taken]


def test_follow_through__a_report_with_no_later_papers_of_its_council_says_so_once(cli_main, track_assistant,
                                                                                    track_index):
    from assistant.track.timeline import follow_through, improvement_items

    items = improvement_items(track_assistant.retriever.data, ["medway"], 2023)  # Medway's newest indexed document
    assert items
    results = [follow_through(track_assistant.retriever, it) for it in items]
    assert all(f.no_later_papers and not f.later and not f.nearest for f in results)
    assert {f.note for f in results} == {"Since then: no later papers from Medway are indexed."}
    assert results[0].to_dict()["later_note"] == "No later papers from Medway are indexed."
    earlier = follow_through(track_assistant.retriever, improvement_items(track_assistant.retriever.data,
                                                                          ["medway"], 2019)[0])
    assert not earlier.no_later_papers  # the 2020 paper and the 2023 report came later
    result = run(cli_main, "findings", "--org", "medway", "--kind", "improvement_item", "--since", "2023-01-01",
                 "--follow-through", "--index-dir", str(track_index))
    assert result.exit_code == 0, result.output
    assert result.output.count("no later papers from Medway are indexed") == 1
    assert result.output.rstrip().endswith("Since then: no later papers from Medway are indexed.")
    assert "no later paragraph found" not in result.output


def test_a_listing_gives_the_same_words_once_naming_where_else_they_are_printed(capsys):
    from assistant.cli.track import _print
    from assistant.track.items import TrackRecord
    from assistant.track.ledger import once

    def record(text, doc, page, kind="recommendation", para=None, stage=None):
        title = {"report.pdf": "Budget monitoring report", "rod.pdf": "Proposed record of decision"}[doc]
        return TrackRecord(kind=kind, text=text, doc=doc, title=title, organisation="Kent County Council",
                           org_slug="kent-cc", doc_type="committee-report", date="2025-01-30", para=para,
                           page_start=page, page_end=page, heading=None, paragraph_id=f"{doc}{page}{para}",
                           ordinal=page, label=f"Kent County Council {title}, {f'para {para}, ' if para else ''}p.{page}",
                           stage=stage)

    cover = record("b) NOTE the forecast overspend on Schools’ Delegated Budgets of £30.4m.", "report.pdf", 1, para="b)")
    body = record("b) NOTE the forecast overspend on Schools' delegated budgets of £30.4m", "report.pdf", 3, para="b)")
    rod = record("NOTE the forecast overspend on Schools’ Delegated Budgets of £30.4m.", "rod.pdf", 1)
    other = record("a) NOTE the forecast revenue overspend of £23.3m.", "report.pdf", 1, para="a)")
    decided = record("NOTE the forecast overspend on Schools’ Delegated Budgets of £30.4m.", "rod.pdf", 2,
                     kind="decision")
    listed = once([cover, other, body, rod, decided])
    assert listed == [replace(cover, also=("para b), p.3", "Kent County Council Proposed record of decision, p.1")),
                      other, decided]  # a decision in the same words is not its recommendation
    _print([cover, other, body, rod, decided], False, "none")
    out = capsys.readouterr().out
    assert out.count("NOTE the forecast overspend on Schools") == 2
    assert "(also: para b), p.3; Kent County Council Proposed record of decision, p.1)" in out
    _print([cover, body], True, "none")
    assert [r.get("also") for r in json.loads(capsys.readouterr().out)] == [["para b), p.3"]]


def test_chat__whether_any_or_every_area_has_a_grade_is_answered_yes_or_no_with_every_judgement(track_assistant):
    ans, lines = tracker_answer(track_assistant, "Was Medway rated good for anything in 2023?",
                                "tracker-report-judgements")
    assert lines[0] == ("Yes: Ofsted's report on Medway published 11 September 2023 judges 4 of its 5 areas good:")
    assert len(lines) == 6 and len(ans.citations) == 1  # the area that was not is there to see; the table cited once
    _, every = tracker_answer(track_assistant, "Were all of Medway's 2023 judgements good?", "tracker-report-judgements")
    assert every[0].startswith("No: ") and every[1:] == lines[1:]
    _, none = tracker_answer(track_assistant, "Did Medway get outstanding in any area in 2023?",
                             "tracker-report-judgements")
    assert none[0].startswith("No: ") and none[0].endswith("judges 0 of its 5 areas outstanding:")
    # "which area did it not get …": the areas of any other grade
    _, other = tracker_answer(track_assistant, "Which area did Medway not get good for in 2023?",
                              "tracker-report-judgements")
    assert other[0].endswith("judges 1 of its 5 areas other than good:") and len(other) == 2
