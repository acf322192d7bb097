"""The command line end to end: fetch, index (through the ordinary build API) and an answer whose citation names
the meeting and agenda item; and the fetch command's one-line errors and exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.api import Assistant
from assistant.cli.main import main
from assistant.index import build
from assistant.index.store import load_index
from assistant.query.filters import Filters
from tests.fetch.mgserver import Resp, xml

ITEM_9 = "Audit Committee, 10 February 2026, item 9: Work Programme"
QUESTION = "What did the committee consider about its future work programme?"


def fetch(server, dest, *extra):
    args = ["fetch", "moderngov", server.base, "--committee", "Audit Committee", "--since", "2026-01-01",
            "--until", "2026-03-01", "--dest", str(dest), "--delay", "0", "--organisation", "Manchester City Council",
            *map(str, extra)]
    return CliRunner().invoke(main, args, catch_exceptions=False)


def test_fetch_then_index_then_ask_cites_the_meeting_and_agenda_item(site, tmp_path, fake_embedder, monkeypatch,
                                                                      connections):
    monkeypatch.setattr(build, "default_embedder", lambda *a, **k: fake_embedder)
    dest, index_dir = tmp_path / "source_docs" / "manchester", tmp_path / "index"
    res = fetch(site, dest, "--index", "--index-dir", index_dir)
    assert res.exit_code == 0, res.output
    assert "4 new papers for 1 meeting; 0 changed; 0 unchanged" in res.stdout
    assert "Index: 4 added" in res.stdout

    docs = load_index(index_dir, with_vectors=False).docs
    paper = docs["manchester-city_m4967_a60909.pdf"]
    assert (paper.committee, paper.date, paper.meeting_id, paper.agenda_item, paper.agenda_title) == \
        ("Audit Committee", "2026-02-10", "4967", "9", "Work Programme")
    assert paper.is_decision is False and paper.attachment_id == "60909" and paper.published == "2026-02-02"
    assert paper.source_url.endswith("mgConvert2PDF.aspx?ID=60909") and paper.meeting_status == "Confirmed"
    assert paper.organisation == "Manchester City Council"
    assert paper.org_slug == "manchester-city"  # the council's own slug, as --org filters it, not the address's
    listed = json.loads(CliRunner().invoke(main, ["docs", "--json", "--index-dir", str(index_dir)]).stdout)
    assert {r["meeting"] for r in listed} == {ITEM_9, "Audit Committee, 10 February 2026, item 1: Minutes"}

    assistant = Assistant.load(index_dir, embedder=fake_embedder)
    ans = assistant.ask(QUESTION)
    assert not ans.abstained
    top = ans.citations[0]
    assert top.meeting == ITEM_9 and top.agenda_item == "9" and top.committee == "Audit Committee"
    assert top.label.startswith(f"Manchester City Council {ITEM_9} (Minutes)")
    assert f"[{top.label}]" in ans.answer
    cited = ans.to_dict()["citations"][0]
    assert cited["meeting"] == ITEM_9 and cited["agenda_item"] == "9"
    # the filters users already know select fetched papers by their committee and meeting date
    assert assistant.ask(QUESTION, Filters(committees=["audit committee"], since="2026-02-01")).citations
    assert not assistant.ask(QUESTION, Filters(committees=["Cabinet"])).citations
    assert not assistant.ask(QUESTION, Filters(until="2026-01-31")).citations
    assert set(connections) == {("127.0.0.1", site.port)}

    # a rerun with --index: nothing fetched, nothing re-embedded, nothing lost
    res = fetch(site, dest, "--index", "--index-dir", index_dir)
    assert res.exit_code == 0, res.output
    assert "No new papers; 0 changed; 4 unchanged" in res.stdout
    assert "Index: 0 added, 0 updated, 4 unchanged" in res.stdout


def test_fetch_index_keeps_what_else_the_index_holds(site, tmp_path, fake_embedder, monkeypatch):
    monkeypatch.setattr(build, "default_embedder", lambda *a, **k: fake_embedder)
    other = tmp_path / "other"
    other.mkdir()
    (other / "notes.txt").write_text("1. Introduction\n\n1.1 A paper about school transport budgets.\n")
    index_dir = tmp_path / "index"
    build.sync_index(index_dir, [other], embedder=fake_embedder, progress=False, log=lambda m: None)
    res = fetch(site, tmp_path / "papers", "--index", "--index-dir", index_dir)
    assert res.exit_code == 0, res.output
    assert set(load_index(index_dir, with_vectors=False).docs) >= {"notes.txt", "manchester-city_m4967_a60909.pdf"}


def test_fetch_index_skipping_a_copy_of_an_indexed_paper_exits_3_as_add_does(site, tmp_path, fake_embedder,
                                                                             monkeypatch):
    # a fetched paper byte for byte the same as one indexed is skipped and named; the command had exited 0, where
    # `add` exits 3 for the same skip (tester, round 70)
    import shutil

    monkeypatch.setattr(build, "default_embedder", lambda *a, **k: fake_embedder)
    first = tmp_path / "first"
    assert fetch(site, first).exit_code == 0
    held = tmp_path / "held"
    held.mkdir()
    shutil.copy(next(first.rglob("manchester-city_m4967_a60909.pdf")), held / "audit-work-programme.pdf")
    index_dir = tmp_path / "index"
    build.sync_index(index_dir, [held], embedder=fake_embedder, progress=False, log=lambda m: None)
    res = fetch(site, tmp_path / "papers", "--index", "--index-dir", index_dir)
    assert res.exit_code == 3, res.output
    assert res.stderr.count("Skipped") == 1  # named once (it had been twice, in two wordings, round 72)
    assert "Skipped manchester-city_m4967_a60909.pdf" in res.stderr
    assert "manchester-city_m4967_a60909.pdf" not in load_index(index_dir, with_vectors=False).docs


def test_bot_page_is_one_line_exit_1(site, tmp_path):
    site.route("/mgWebService.asmx/GetCommittees", None,
               Resp(403, b"<html><body>Access denied</body></html>", {"Content-Type": "text/html"}))
    res = fetch(site, tmp_path / "papers")
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "bot shield" in lines[0]


def test_unknown_committee_is_bad_usage_listing_close_matches(site, tmp_path):
    args = ["fetch", "moderngov", site.base, "--committee", "Audit Comittee", "--dest", str(tmp_path / "p"),
            "--delay", "0"]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 2
    assert "No committee called 'Audit Comittee'" in res.stderr and "close matches: Audit Committee" in res.stderr


def test_something_that_is_not_a_web_address_is_bad_usage(tmp_path):
    # bad usage, as a misspelt committee is: exit 2, one line, nothing made (it had exited 1, tester, round 72)
    res = CliRunner().invoke(main, ["fetch", "moderngov", "not-a-url", "--dest", str(tmp_path / "p")])
    assert res.exit_code == 2
    assert "'not-a-url' is not a web address" in res.stderr and "Traceback" not in res.output
    assert not (tmp_path / "p").exists()


def test_a_meeting_with_malformed_xml_is_reported_and_exits_1_after_saving_the_rest(site, tmp_path):
    site.route("/mgWebService.asmx/GetMeeting", {"lMeetingId": "4966"}, xml(b"<meeting><oops></meeting>"))
    res = fetch(site, tmp_path / "papers")
    assert res.exit_code == 1
    assert "4 new papers for 1 meeting" in res.stdout and "1 failed" in res.stdout
    assert "Failed: Meeting 4966" in res.stderr and "malformed XML" in res.stderr


def test_list_committees(site):
    res = CliRunner().invoke(main, ["fetch", "moderngov", site.base, "--list-committees", "--delay", "0"])
    assert res.exit_code == 0, res.output
    assert "   144  Audit Committee" in res.stdout
    assert "Appointment Sub Committee for Director of Adult Social Services  (no longer meets)" in res.stdout


def test_bad_dates_and_sizes_are_usage_errors(site, tmp_path):
    for extra in (["--since", "30/01/2025"], ["--max-bytes", "lots"], ["--max-bytes", "0"], ["--since", "2026-03-01", "--until", "2026-01-01"]):
        res = CliRunner().invoke(main, ["fetch", "moderngov", site.base, "--dest", str(tmp_path), *extra])
        assert res.exit_code == 2, res.output
    assert site.seen == []


@pytest.mark.slow
def test_real_model_fetch_index_and_ask_from_the_command_line(site, tmp_path):
    dest, index_dir = tmp_path / "papers", tmp_path / "index"
    res = fetch(site, dest, "--index", "--index-dir", index_dir)
    assert res.exit_code == 0, res.output
    res = CliRunner().invoke(main, ["ask", "--json", QUESTION, "--index-dir", str(index_dir)],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["citations"][0]["meeting"] == ITEM_9
    assert f"{ITEM_9} (Minutes)" in d["answer"]
    text = CliRunner().invoke(main, ["ask", QUESTION, "--index-dir", str(index_dir)], catch_exceptions=False)
    assert "item 9: Work Programme (Minutes)" in text.stdout
