"""The `decisions` command and the decision chat answer, on a fast index of one decision's real papers."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def cli_main():
    from assistant.cli.main import main
    from assistant.cli.track import register

    if "decisions" not in main.commands:
        register(main)
    return main


def test_decisions__ref_lists_the_trail_oldest_first_with_citations(cli_main, decision_index):
    result = CliRunner().invoke(cli_main, ["decisions", "--ref", "24/00093", "--index-dir", str(decision_index)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Decision 24/00093:")
    assert "APPROVE the proposal to not re-commission" in result.output
    assert "[Kent County Council" in result.output or "[Kent" in result.output
    # typed as a file name prints it, with a hyphen: the same trail
    hyphen = CliRunner().invoke(cli_main, ["decisions", "--ref", "24-00093", "--index-dir", str(decision_index)])
    assert hyphen.exit_code == 0 and hyphen.output == result.output
    rows = json.loads(CliRunner().invoke(cli_main, ["decisions", "--ref", "24/00093", "--json", "--index-dir",
                                                    str(decision_index)]).output)
    assert rows["ref"] == "24/00093"
    whens = [r.get("decided") or r["date"] for r in rows["items"]]
    days = [w[:10] + "-99" if len(w) == 7 else w[:10] for w in whens]  # a month alone after that month's days
    assert days == sorted(days)
    assert all(r["citation"] and r["stage"] for r in rows["items"])
    # the record of decision is dated by the day it was signed ("17/1/2025" over its "signed … date" line), not by
    # its reprint's, and so comes before the call-in
    approve = next(r for r in rows["items"] if r["text"].startswith("APPROVE the proposal")
                   and r["title"].startswith("Record of decision"))
    called = [r for r in rows["items"] if r["stage"] == "call-in" and len(r.get("decided") or r["date"]) == 10]
    assert approve["decided"] == "2025-01-17"
    assert called and rows["items"].index(approve) < min(rows["items"].index(r) for r in called)


def test_decisions__a_listing_dates_each_decision_by_the_day_it_was_taken(cli_main, decision_index):
    def listing(*args):
        return CliRunner().invoke(cli_main, ["decisions", "--org", "kent", *args, "--index-dir", str(decision_index)])

    everything = listing("--topic", "family hubs").output.splitlines()
    approve = next(n for n, line in enumerate(everything) if "APPROVE the proposal to not re-commission" in line)
    # the record signed on 17 January, reprinted in March's papers: dated by its signing, its paper's date beside it
    assert everything[approve].startswith("2025-01-17") and "paper of 2025-03-13" in everything[approve + 1]
    dates = [line[:10].strip() for line in everything if line[:2] == "20"]
    assert dates == sorted(dates)
    # since March: the Council's resolution of 13 March (its clause says "Family Hub Grant", the topic's singular),
    # not the decision taken in January nor the paper's recital of one taken in 2023
    since = listing("--topic", "family hubs", "--since", "2025-03-01").output
    assert "RESOLVED that the County Council makes comments" in since
    assert "APPROVE the proposal" not in since and "In November 2023" not in since
    # the minutes' vote line on a motion printed above is not a decision; the resolution after it is
    day = listing("--since", "2025-03-13", "--until", "2025-03-13").output
    assert "put the motion set out in paragraph" not in day and "RESOLVED" in day


def test_listings__help_says_the_dates_filter_on_the_date_each_row_shows(cli_main):
    """Rows are dated by the day each speaks of (a decision's own day), so --since/--until say that, not that they
    filter on documents' dates (a record of decision reprinted in a later pack is listed by the day it was signed)."""
    for command in ("decisions", "commitments", "findings", "track"):
        text = " ".join(CliRunner().invoke(cli_main, [command, "--help"]).output.split())
        assert "Only rows dated on or after YYYY-MM-DD: the date each row shows" in text, command
        assert "documents dated" not in text, command


def test_decisions__unknown_ref_and_listing_by_topic(cli_main, decision_index):
    result = CliRunner().invoke(cli_main, ["decisions", "--ref", "99/99999", "--index-dir", str(decision_index)])
    assert result.exit_code == 0 and "Nothing indexed mentions decision '99/99999'" in result.output
    # a reference indexed, but not between the dates set: said so, with the dates it has
    late = CliRunner().invoke(cli_main, ["decisions", "--ref", "24/00093", "--since", "2026-01-01", "--index-dir",
                                         str(decision_index)])
    assert "Decision 24/00093 has" in late.output and "none between --since and --until" in late.output
    # the dates given are the decision's, not the filter's (from its committee's recommendation of 21 November 2024)
    assert "(the decision's statements are dated 2024-11-21" in late.output
    rows = json.loads(CliRunner().invoke(cli_main, ["decisions", "--topic", "family hubs", "--json", "--index-dir",
                                                    str(decision_index)]).output)
    assert rows and all(r["kind"] == "decision" for r in rows)
    assert any(r.get("ref") == "24/00093" for r in rows)
    # a resolution that does not name the topic, on a minuted item whose discussion does, as `track` lists it: the
    # two commands had disagreed on "school places" (tester, round 71)
    places = json.loads(CliRunner().invoke(cli_main, ["decisions", "--topic", "school places", "--json",
                                                      "--index-dir", str(decision_index)]).output)
    assert any(r["text"].startswith("RESOLVED that Cabinet agree the Commissioning Plan") for r in places), places


def test_chat__what_happened_to_a_decision_answers_from_its_trail(decision_index, fake_embedder):
    from assistant.answer.tracker import answer_from_tracker
    from assistant.api import Assistant

    assistant = Assistant.load(decision_index, embedder=fake_embedder)
    question = "What happened to the family hubs decision?"
    ans = answer_from_tracker(assistant.retriever, question, *assistant.resolve_filters(question, None))
    assert ans is not None and not ans.abstained and ans.extra["tracker"] == "tracker-decision"
    assert "decision 24/00093" in ans.answer.splitlines()[0]
    lines = ans.answer.splitlines()
    assert len(ans.citations) == len(lines) - 1 or "statements in between" in ans.answer
    for line in lines[1:]:
        assert line.endswith("]") or "statements in between" in line
    # a long trail keeps its beginning, the decision itself, as well as its end
    assert any("— taken:" in line and "17 January 2025" in line for line in lines[1:13]), lines[:13]
    # the decision report's recommendations reprinted with the decision taken in their words are not said again
    assert not any(line.startswith(("- 2025-01-17 recommendation", "- 2025-01-17 proposal")) for line in lines), lines[:13]
    # who called it in is a name, which the call-in's papers give, not the trail
    question = "Who called in decision 24/00093?"
    assert answer_from_tracker(assistant.retriever, question, *assistant.resolve_filters(question, None)) is None


def test_chat__who_took_a_numbered_decision_or_when_is_one_answer_not_its_trail(decision_index, fake_embedder):
    # "who took decision 24/00093?", "when was 24/00093 decided?" ask one thing about the decision's taking: the record
    # of decision that names who took it and the day, not the decision's whole trail (tester, seed 68)
    from assistant.answer.tracker import answer_from_tracker
    from assistant.api import Assistant

    assistant = Assistant.load(decision_index, embedder=fake_embedder)

    def ask(question):
        return answer_from_tracker(assistant.retriever, question, *assistant.resolve_filters(question, None))

    for question in ("Who took decision 24/00093?", "Which Cabinet Member made decision 24/00093?"):
        ans = ask(question)
        assert ans is not None and ans.extra["tracker"] == "tracker-decision", question
        lines = ans.answer.splitlines()
        assert lines[0] == ("Decision 24/00093 was taken by Mrs Sue Chandler, Cabinet Member for Integrated "
                            "Children’s Services, on 17 January 2025."), lines[0]
        assert len(lines) <= 3 and len(ans.citations) == len(lines) - 1
        assert ans.citations[0].doc == "kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf"
    for question in ("When was 24/00093 decided?", "When was decision 24/00093 taken?",
                     "On what date was decision 24/00093 taken?"):
        ans = ask(question)
        assert ans is not None and ans.answer.startswith("Decision 24/00093 was taken on 17 January 2025"), question
        assert len(ans.citations) <= 2 and "call-in" not in ans.answer
    # another step of its trail, or the decision itself, is still the trail's to tell
    assert ask("When was decision 24/00093 called in?") is None or "was taken on" not in \
        ask("When was decision 24/00093 called in?").answer.splitlines()[0]
    assert ask("What happened to decision 24/00093?").answer.startswith("What the indexed papers record")
    # one statement of the trail says when the thing asked happened: its day leads, not a trail's heading (the day
    # had been on the second line, under "What the indexed papers record about decision 24/00093, oldest first:")
    agreed = ask("On what date did Kent's Scrutiny Committee agree option d on decision 24/00093?")
    assert agreed is not None and agreed.answer.startswith(
        "On 29 January 2025 (Scrutiny Committee, decision 24/00093): 1.7 Option d) was agreed."), agreed.answer
    assert len(agreed.citations) == 1 and agreed.citations[0].para == "1.7"


def test_chat__what_a_committee_decided_at_a_meeting_lists_its_minutes_resolutions(decision_index, fake_embedder):
    from assistant.api import Assistant

    assistant = Assistant.load(decision_index, embedder=fake_embedder)
    ans = assistant.ask("What decisions did Kent's Cabinet take on 30 January 2025?")
    assert not ans.abstained and ans.extra["tracker"] == "tracker-meeting"
    assert ans.answer.splitlines()[0].startswith("What the minutes record as resolved (Cabinet, 30 January 2025)")
    assert all(c.doc == "kent-cc_cabinet_2025-01-30_printed-minutes.pdf" for c in ans.citations)
    assert any("Commissioning Plan for Education Provision" in c.text for c in ans.citations)
    lines = ans.answer.splitlines()[1:]
    assert len(lines) == len(ans.citations) and all(line.endswith("]") for line in lines)
    # the full Council's meeting in March is another committee's, and a question about one subject is answered
    # by the ordinary cited answer
    council = assistant.ask("What did the County Council decide in March 2025?")
    assert council.extra["tracker"] == "tracker-meeting"
    assert all(c.doc == "kent-cc_county-council_2025-03-13_printed-minutes.pdf" for c in council.citations)
    topical = assistant.ask("What did Cabinet agree about the Education Provision Commissioning Plan in January 2025?")
    assert topical.extra.get("tracker") != "tracker-meeting"
    # a decision's number is a reference the record of decision prints, not the meeting's resolutions
    number = assistant.ask("What decision number was given to Kent's Commissioning Plan in January 2025?")
    assert number.extra.get("tracker") != "tracker-meeting"
    assert assistant.ask("Which decisions did Kent take in January 2025?").extra["tracker"] == "tracker-meeting"
    # the council named and no committee: its meetings of that month
    kent = assistant.ask("What decisions did Kent County Council take in March 2025?")
    assert kent.extra["tracker"] == "tracker-meeting"
    assert {c.doc for c in kent.citations} == {"kent-cc_county-council_2025-03-13_printed-minutes.pdf"}
    # what happened at a meeting is what its minutes record as resolved
    happened = assistant.ask("What happened at the Cabinet meeting on 30 January 2025?")
    assert happened.extra["tracker"] == "tracker-meeting"
    assert happened.answer.splitlines()[0].startswith("What the minutes record as resolved (Cabinet, 30 January 2025)")
    # a day with no meeting's record indexed is not answered with another day's of the same month
    other_day = assistant.ask("What decisions did Kent's Cabinet take on 9 January 2025?")
    assert other_day.extra.get("tracker") != "tracker-meeting"


def test_chat__a_meetings_resolutions_answer_only_a_question_on_what_they_are_about(decision_index, fake_embedder):
    from assistant.api import Assistant

    assistant = Assistant.load(decision_index, embedder=fake_embedder)
    # a subject and a figure named: the resolution that gives them, not the meeting's others
    asked = assistant.ask("What did Kent's Cabinet agree to do with the £23.3m forecast revenue overspend in "
                          "January 2025?")
    assert asked.extra["tracker"] == "tracker-meeting"
    assert asked.citations and all("£23.3m" in c.text for c in asked.citations)
    # a figure no resolution gives, or a subject none is on (only the trigger words shared): the ordinary answer
    for question in ("What did Kent's Cabinet agree to do with the £41.7m forecast revenue overspend in January 2025?",
                     "What did Kent's Cabinet agree to do with the business rates collection fund surplus in "
                     "January 2025?"):
        assert assistant.ask(question).extra.get("tracker") != "tracker-meeting", question
    # a label before the question names no subject
    assert assistant.ask("App: What decisions did the Cabinet take on 30 January 2025?").extra["tracker"] == \
        "tracker-meeting"


def test_chat__what_was_decided_on_a_day_about_a_decision_is_that_meetings_resolution_first(decision_index,
                                                                                          fake_embedder):
    from assistant.api import Assistant

    assistant = Assistant.load(decision_index, embedder=fake_embedder)
    ans = assistant.ask("What did Kent County Council decide on 13 March 2025 about the family hubs decision 24/00093?")
    assert ans.extra["tracker"] == "tracker-decision"
    lines = ans.answer.splitlines()
    # the first line is the minutes' resolution of that day, cited, not a preamble or the trail from January
    assert lines[0].startswith("Decision 24/00093 on 13 March 2025: RESOLVED that the County Council makes comments")
    assert ans.citations[0].doc == "kent-cc_county-council_2025-03-13_printed-minutes.pdf"
    # no paragraph cited twice, and only that day's statements cited: the other days are counted, not listed
    cited = [(c.doc, c.para, c.page_start, c.text) for c in ans.citations]
    assert len(set(cited)) == len(cited)
    assert all(c.doc.startswith("kent-cc_county-council_2025-03-13") for c in ans.citations), cited
    assert len({c.doc for c in ans.citations}) == len(ans.citations)  # each of that day's papers once
    assert "statements of other days" in lines[-1] and "decisions --ref 24/00093" in lines[-1]


def test_chat__a_long_trail_shows_its_beginning_and_its_end(decision_index, fake_embedder, monkeypatch):
    from dataclasses import replace

    from assistant.answer import tracker
    from assistant.api import Assistant
    from assistant.track.trail import Trail, trail_for_question

    assistant = Assistant.load(decision_index, embedder=fake_embedder)
    question = "What happened to the family hubs decision?"
    real = trail_for_question(assistant.retriever.data, question, "family hubs", [])
    # (each of a paragraph of its own: a paragraph is cited once)
    later = [replace(real.items[-1], text=f"Later statement {n}.", paragraph_id=f"later-{n}") for n in range(40)]
    monkeypatch.setattr(tracker, "trail_for_question", lambda *a, **k: Trail(real.ref, real.items[:1] + later))
    lines = tracker.answer_from_tracker(assistant.retriever, question,
                                        *assistant.resolve_filters(question, None)).answer.splitlines()
    assert real.items[0].text[:40] in lines[1]  # the oldest statement first, as before the cut
    assert any(line.startswith("(17 statements in between not shown") for line in lines)
    assert "Later statement 39." in lines[-1]


def test_org__a_councils_short_form_is_its_name_as_in_a_question(cli_main, decision_index):
    # "KCC" had matched nothing ("No commitments match"), though a question naming KCC is about Kent
    def listed(*args):
        result = CliRunner().invoke(cli_main, [*args, "--json", "--index-dir", str(decision_index)])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    for command in (["commitments"], ["decisions"], ["track", "family hubs"], ["decisions", "--ref", "24/00093"]):
        assert listed(*command, "--org", "KCC") == listed(*command, "--org", "Kent County Council") == \
            listed(*command) and listed(*command), command


def test_chat__the_tracker_answer_keeps_to_the_document_types_the_filters_set(decision_index, fake_embedder):
    from assistant.api import Assistant

    assistant = Assistant.load(decision_index, embedder=fake_embedder)
    question = "What happened to the family hubs decision?"
    every = assistant.ask(question)
    assert {c.doc_type for c in every.citations} >= {"minutes", "committee-report"}
    minutes = assistant.ask(question, filters={"doc_types": ["minutes"]})
    assert minutes.citations and {c.doc_type for c in minutes.citations} == {"minutes"}
    promised = assistant.ask("What was agreed about the Seashells and Millmead family hubs?",
                             filters={"doc_types": ["minutes"]})
    assert promised.citations and {c.doc_type for c in promised.citations} == {"minutes"}


def test_decisions__a_reference_in_another_councils_papers_than_org_says_whose(monkeypatch):
    from types import SimpleNamespace

    import assistant.track.trail as trail
    from assistant.cli.track import _no_trail

    kent = SimpleNamespace(organisation="Kent County Council", org_slug="kent-cc", when="2025-01-17")
    monkeypatch.setattr(trail, "decision_trail", lambda data, ref, orgs: SimpleNamespace(
        items=[] if orgs else [kent]))
    assert _no_trail(None, "24/00093", ["medway"], []) == (
        "Decision 24/00093 is in the papers of Kent County Council, not of the --org given: drop --org or set it to "
        "that council.")


def test_track__a_topic_too_short_is_refused_in_one_line(cli_main, decision_index):
    for args in (["track", "x"], ["commitments", "--topic", "x"], ["decisions", "--topic", "x"]):
        result = CliRunner().invoke(cli_main, [*args, "--index-dir", str(decision_index)])
        assert result.exit_code == 2 and "at least 3 letters to look for: 'x' is too short" in result.output


def test_track__the_timeline_is_in_the_order_of_the_dates_it_shows(cli_main, decision_index):
    rows = json.loads(CliRunner().invoke(cli_main, ["track", "family hubs", "--json", "--index-dir",
                                                    str(decision_index)]).output)
    shown = [(r.get("decided") or r["date"])[:10] for r in rows]
    assert shown == sorted(shown)
    # the record of decision signed on 17 January comes before the Cabinet's minutes of 30 January that discuss it
    signed = next(i for i, r in enumerate(rows) if r.get("decided") == "2025-01-17")
    cabinet = next(i for i, r in enumerate(rows) if r["date"] == "2025-01-30")
    assert signed < cabinet


def test_decisions__a_topic_given_with_ref_is_said_to_be_ignored(cli_main, decision_index):
    result = CliRunner().invoke(cli_main, ["decisions", "--ref", "24/00093", "--topic", "family hubs",
                                          "--json", "--index-dir", str(decision_index)])
    assert result.exit_code == 0
    assert result.stderr.strip() == ("--topic is ignored with --ref: decision 24/00093's trail lists every statement "
                                     "about it.")
    assert json.loads(result.stdout)["ref"] == "24/00093"  # the JSON is untouched


def test_listing__a_resolutions_shared_lead_in_is_printed_once_and_each_clause_in_its_own_words(records_of, capsys):
    from assistant.cli.track import _print
    from tests.conftest import corpus_file

    records = records_of(corpus_file("committee/kent-cc_county-council_2025-02-13_printed-minutes.pdf"))
    budget = [r for r in records if r.kind == "decision" and r.para == "291/27"]
    _print(budget, False, "none")
    out = capsys.readouterr().out
    lead = "is asked to agree the following:"
    assert out.count(lead) == 1 and len(budget) >= 17  # not once per clause
    assert "… The net revenue budget requirement of £1,530.9m for 2025-26.\n" in out
    assert "… To increase Council Tax band rates up to the maximum permitted without a referendum" in out


def test_listing__a_statement_printed_again_without_its_label_is_one_row():
    from assistant.track.items import TrackRecord
    from assistant.track.ledger import once

    def rec(text: str, page: int) -> TrackRecord:
        return TrackRecord(kind="recommendation", text=text, doc="qpr.pdf", title="Quarterly Performance Report",
                           organisation="Kent", org_slug="kent-cc", doc_type="committee-report", date="2025-03-04",
                           para=None, page_start=page, page_end=page, paragraph_id=f"p{page}", ordinal=page,
                           heading=None)

    cover = rec("Recommendation(s): Cabinet is asked to NOTE the Quarter 3 Performance Report.", 1)
    body = rec("Cabinet is asked to NOTE the Quarter 3 Performance Report.", 2)
    rows = once([cover, body])
    assert len(rows) == 1 and rows[0].also == ("p.2",)


@pytest.fixture(scope="module")
def reconsideration_index(tmp_path_factory, fake_embedder):
    """A fast index of a call-in's later papers: the report to Cabinet of 4 March (reciting the Scrutiny Committee's
    motion) and the report to the County Council of 13 March (saying what Cabinet resolved on 4 March)."""
    import shutil

    from assistant.index.build import sync_index
    from tests.conftest import corpus_file

    folder = tmp_path_factory.mktemp("reconsideration-papers")
    for rel in ("committee/kent-cc_cabinet_2025-03-04_scrutiny-call-in-family-hubs-report-to-cabinet.pdf",
                "committee/kent-cc_county-council_2025-03-13_scrutiny-call-in-family-hubs-report-to-county-council.pdf",
                "committee/kent-cc_county-council_2025-03-13_printed-minutes.pdf"):
        shutil.copy(corpus_file(rel), folder)
    index_dir = tmp_path_factory.mktemp("reconsideration-index")
    report = sync_index(index_dir, [folder], embedder=fake_embedder, progress=False, log=lambda m: None)
    assert not report.failed, report.failed
    return index_dir


def test_chat__a_committees_decisions_on_a_day_are_its_own_that_day_wherever_recounted(reconsideration_index,
                                                                                      fake_embedder):
    from assistant.api import Assistant

    assistant = Assistant.load(reconsideration_index, embedder=fake_embedder)
    ans = assistant.ask("What did Kent's Cabinet decide on 4 March 2025?")
    assert ans.extra["tracker"] == "tracker-meeting"
    assert ans.answer.splitlines()[0].startswith("What the papers record as resolved (Cabinet, 4 March 2025)")
    lines = ans.answer.splitlines()[1:]
    # the three resolutions the County Council's report gives, not the Scrutiny Committee's motion its own paper recites
    assert len(lines) == 3 and all("Cabinet resolved the following" in line for line in lines)
    assert not any("postponed pending review" in c.text for c in ans.citations)


def test_chat__a_promise_answer_names_what_the_question_asks_about(reconsideration_index, fake_embedder):
    from assistant.answer import tracker
    from assistant.api import Assistant
    from assistant.track.ledger import records_for

    data = Assistant.load(reconsideration_index, embedder=fake_embedder).retriever.data
    resolution = next(r for r in records_for(data) if "enforce the offer that Seashells and Millmead" in r.text)

    def answers(question: str, headed: bool = True) -> bool:
        subject = tracker._subject_words(question, data)
        head = tracker._head_of(question, subject) if headed else None
        return tracker._saying_what_was_asked([resolution], subject, head) == [resolution]

    # the resolution on the family hub services says nothing of their staff, though it shares every other word of
    # what is asked about (its minute's heading names the commissioned family hubs)
    staff = ("What did Kent County Council commit to about staff delivering the commissioned family hub services at "
             "Seashells and Millmead?")
    assert not answers(staff) and answers(staff, headed=False)
    # what was committed to about those services it does answer
    assert answers("What did Kent County Council commit to about Seashells and Millmead delivering the family hub "
                   "services?")


def test_decisions__a_days_listing_leaves_out_what_its_papers_recount(cli_main, reconsideration_index):
    day = CliRunner().invoke(cli_main, ["decisions", "--org", "kent", "--since", "2025-03-13", "--until", "2025-03-13",
                                        "--index-dir", str(reconsideration_index)]).output
    assert "RESOLVED that the County Council makes comments" in day
    for words in ("call in request was submitted", "no judgment is made", "Members are invited to debate",
                  "had referred the matter", "Cabinet resolved the following"):
        assert words not in day, words
    everything = CliRunner().invoke(cli_main, ["decisions", "--org", "kent", "--index-dir",
                                               str(reconsideration_index)]).output.splitlines()
    submitted = next(n for n, line in enumerate(everything) if "call in request was submitted" in line)
    assert everything[submitted].startswith("----------  Mention") and "recounted in a paper of 2025-03-13" in \
        everything[submitted + 1]


def test_chat__when_a_thing_happened_is_not_answered_with_the_decisions_other_dates(decision_index, fake_embedder):
    from assistant.answer.tracker import answer_from_tracker
    from assistant.api import Assistant

    assistant = Assistant.load(decision_index, embedder=fake_embedder)
    # the papers recount the request's submission but never say on what day: no trail of the decision's other days
    question = "On what date was the call-in request for decision 24/00093 submitted?"
    assert answer_from_tracker(assistant.retriever, question, *assistant.resolve_filters(question, None)) is None


def test_json__every_record_has_every_field_null_where_not_known(cli_main, decision_index):
    """`--json` prints one shape: a commitment with no `who` or `due` has them as null (the rows had had 49 key sets,
    a field missing wherever it was not known), in lists and in a decision's trail alike."""
    from assistant.track.items import OPTIONAL

    def keys(*args):
        result = CliRunner().invoke(cli_main, [*args, "--json", "--index-dir", str(decision_index)])
        assert result.exit_code == 0, result.output
        rows = json.loads(result.output)
        rows = rows["items"] if isinstance(rows, dict) else rows
        assert rows, args
        return {frozenset(r) for r in rows}

    for command in (["commitments"], ["decisions"], ["track", "family hubs"], ["decisions", "--ref", "24/00093"]):
        shapes = keys(*command)
        assert len(shapes) == 1 and set(OPTIONAL) <= next(iter(shapes)), command


def test_chat__who_took_a_decision_its_papers_date_but_name_no_taker_for_is_said_plainly(decision_index, fake_embedder):
    # "A Key Decision (21/00086) was taken on 10 November 2021 …" names no one: the answer says the papers do not say
    # who, citing that statement, rather than a guess from the nearest paragraph naming someone
    from assistant.answer.tracker import answer_from_tracker
    from assistant.api import Assistant

    assistant = Assistant.load(decision_index, embedder=fake_embedder)
    question = "Who took decision 21/00086?"
    ans = answer_from_tracker(assistant.retriever, question, *assistant.resolve_filters(question, None))
    assert ans is not None and not ans.abstained
    assert ans.answer.splitlines()[0] == ("The indexed papers do not say who took decision 21/00086; they say it was "
                                          "taken on 10 November 2021.")
    assert ans.citations and "21/00086" in ans.citations[0].text


def test_chat__a_committees_endorsement_on_the_trail_is_not_who_took_the_decision(fake_embedder):
    # "The Children's and Young People Cabinet Committee endorsed the KCP on 21 November 2024", in the proposed record
    # of decision 24/00096, is the decision's committee stage: "who took 24/00096?" is not answered with it
    from pathlib import Path

    from assistant.answer.tracker import _taking_answer
    from assistant.index.store import IndexData
    from tests.conftest import corpus_file
    from tests.track.conftest import parse

    meta, paras = parse(Path(corpus_file("committee/kent-cc_cabinet_2025-01-30_education-provision-commissioning-"
                                         "plan-proposed-record-of-decision.pdf")))
    data = IndexData(docs={meta.doc: meta}, paragraphs=paras)
    for asks in ("who", "when"):
        ans = _taking_answer(f"{asks.title()} took decision 24/00096?", asks, data, [], {}, 0.0)
        assert ans is None or "Committee" not in ans.answer.splitlines()[0], ans.answer


def test_commitments__rows_dated_as_decisions_and_track_date_them(cli_main, decision_index):
    """A record of decision's recommendation reprinted in the County Council's pack of 13 March is dated by the
    decision taken in its words on 17 January in ``commitments`` as in ``decisions --ref`` and ``track``: the
    tester's ``commitments --since 2025-03-01`` had let the January item through, dated by its March paper."""
    def rows(*args):
        result = CliRunner().invoke(cli_main, [*args, "--json", "--index-dir", str(decision_index)])
        assert result.exit_code == 0, result.output
        return json.loads(result.output)

    def when(r):
        return (r.get("decided") or r["date"])[:10]

    trail = {(r["paragraph_id"], r["text"]): when(r) for r in rows("decisions", "--ref", "24/00093")["items"]}
    listed = rows("commitments", "--org", "kent")
    reprinted = [r for r in listed if r["text"].startswith("It is therefore proposed that KCC will not re-procure")]
    assert reprinted and all(when(r) == "2025-01-17" for r in reprinted), reprinted
    shared = [r for r in listed if (r["paragraph_id"], r["text"]) in trail]
    assert shared and all(when(r) == trail[(r["paragraph_id"], r["text"])] for r in shared)
    since = rows("commitments", "--org", "kent", "--since", "2025-03-01")
    assert not any(r["text"].startswith("It is therefore proposed that KCC") for r in since)
    assert any(r["text"].startswith("It is therefore proposed that KCC")
               for r in rows("commitments", "--org", "kent", "--until", "2025-01-31"))
    days = [when(r) for r in since]
    assert days == sorted(days)


def test_decisions__ref_lists_undated_rows_after_the_dated_ones(cli_main, decision_index):
    """A trail's statements recounted by a paper that never says when they were done ("Scrutiny Committee had
    referred the matter to Full Council", in the minutes of 13 March) are listed after every dated row, under a line
    saying so: they had been listed among the March rows, out of date order, as if dated by their paper."""
    result = CliRunner().invoke(cli_main, ["decisions", "--ref", "24/00093", "--index-dir", str(decision_index)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    undated = [n for n, line in enumerate(lines) if line.startswith("----------")]
    dated = [n for n, line in enumerate(lines) if line[:2] == "20"]
    assert undated and dated and max(dated) < min(undated), result.output
    assert lines[min(undated) - 1].startswith("Undated: recounted in papers that do not say when")
    items = json.loads(CliRunner().invoke(cli_main, ["decisions", "--ref", "24/00093", "--json", "--index-dir",
                                                     str(decision_index)]).output)["items"]
    flags = [bool(r.get("recited")) and not r.get("decided") for r in items]
    assert any(flags) and flags == sorted(flags)
