"""`fetch moderngov` against a real local ModernGov-shaped server: first fetch, reruns, changes, failures."""

from __future__ import annotations

import json

import pytest

from assistant.fetch.http import FetchError
from assistant.fetch.moderngov import BadXML, BlockedByBotShield, NotModernGov, UnknownCommittee
from assistant.fetch.state import STATE_NAME
from tests.fetch.conftest import run
from tests.fetch.mgserver import DATA, FIXTURE_HOST, Resp, linked_doc, meeting_with_extra_docs, xml

SLUG = "manchester-city"  # the slug of the council named by --organisation (conftest.run), not of 127.0.0.1
MEETING = "meeting-4967"
PAPER = f"{MEETING}/{SLUG}_m4967_a60909.pdf"  # "DRAFT WP FEBRUARY 2026", item 9 Work Programme
MINUTES_PAPER = f"{MEETING}/{SLUG}_m4967_a60860.pdf"  # minutes of the previous meeting, item 1
MINUTES_9 = f"{MEETING}/{SLUG}_m4967_i18833_minutes.html"
MINUTES_1 = f"{MEETING}/{SLUG}_m4967_i18831_minutes.html"


def sidecar(dest, rel):
    return json.loads((dest / (rel + ".meta.json")).read_text(encoding="utf-8"))


def documents_in(dest):
    return sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*") if p.is_file()
                  and not p.name.endswith(".meta.json") and not p.name.startswith("."))


def test_first_fetch_saves_papers_and_minutes_with_their_meeting_and_item(site, tmp_path, connections):
    dest = tmp_path / "papers"
    report = run(site, dest)
    assert sorted(report.new) == sorted([PAPER, MINUTES_PAPER, MINUTES_9, MINUTES_1])
    assert documents_in(dest) == sorted(report.new)
    assert report.summary().startswith("4 new papers for 1 meeting; 0 changed; 0 unchanged")
    assert report.meetings == 2 and report.cancelled == 1 and not report.errors
    assert (dest / PAPER).read_bytes() == (DATA / "paper-budget-monitoring.pdf").read_bytes()
    assert sidecar(dest, PAPER) == {
        "title": "DRAFT WP FEBRUARY 2026", "organisation": "Manchester City Council", "org_slug": SLUG,
        "committee": "Audit Committee", "committee_id": "144", "date": "2026-02-10", "meeting_id": "4967",
        "meeting_status": "Confirmed", "agenda_item": "9", "agenda_title": "Work Programme", "is_decision": False,
        "attachment_id": "60909", "source_url": f"{site.base}mgConvert2PDF.aspx?ID=60909", "published": "2026-02-02",
    }
    minutes = sidecar(dest, MINUTES_9)
    assert minutes["doc_type"] == "minutes" and minutes["title"] == "Minutes: Work Programme"
    assert minutes["agenda_item"] == "9" and "attachment_id" not in minutes
    # text from the web service has no file of its own: its source is the meeting's page on the site
    assert minutes["source_url"] == f"{site.base}ieListDocuments.aspx?CId=144&MId=4967"
    page = (dest / MINUTES_9).read_text(encoding="utf-8")
    assert "future Work\nProgramme for the remainder of 2025/26" in page
    assert "Audit Committee, 10 February 2026, item 9: Work Programme" in page
    # read back as the index reads it, the page's heading is the meeting's context over its text, not a paragraph of
    # its own that search would rank first for the item's title ("Minutes: Work Programme" had been one)
    from assistant.ingest.extract import extract
    from assistant.parse.paragraphs import parse_paragraphs

    paragraphs, _ = parse_paragraphs(extract(dest / MINUTES_9), MINUTES_9, "h")
    assert paragraphs and paragraphs[0].text.startswith("The Committee")
    assert paragraphs[0].heading == "Minutes: Audit Committee, 10 February 2026, item 9: Work Programme"
    # the web service was asked in its own terms, politely
    meetings_call = site.requests_to("/mgWebService.asmx/GetMeetings")[0]
    assert meetings_call.params == {"lCommitteeId": "144", "sFromDate": "01/01/2026", "sToDate": "01/03/2026"}
    assert all(s.headers["user-agent"].startswith("ScrutinyAssistant/") for s in site.seen)
    assert all(s.headers["accept-encoding"] == "identity" for s in site.requests_to("/mgConvert2PDF.aspx"))
    # every request went to the one server, and it saw each of them
    assert connections and set(connections) == {("127.0.0.1", site.port)}
    assert len(site.requests_to("/mgConvert2PDF.aspx")) == 2
    assert [s.params.get("lMeetingId") for s in site.requests_to("/mgWebService.asmx/GetMeeting")] == \
        ["4966", "4967"]
    assert report.requests == len(site.seen) == 6


def test_rerun_downloads_nothing_and_says_nothing_is_new(site, tmp_path):
    dest = tmp_path / "papers"
    run(site, dest)
    before = {p: (dest / p).stat().st_mtime_ns for p in documents_in(dest)}
    site.seen.clear()
    report = run(site, dest)
    assert report.new == [] and report.changed == [] and report.unchanged == 4
    assert report.summary().startswith("No new papers; 0 changed; 4 unchanged")
    paper_requests = site.requests_to("/mgConvert2PDF.aspx")
    assert len(paper_requests) == 2 and all("if-none-match" in s.headers for s in paper_requests)
    assert {p: (dest / p).stat().st_mtime_ns for p in documents_in(dest)} == before


def test_a_changed_document_is_fetched_again_and_reported(site, tmp_path):
    dest = tmp_path / "papers"
    run(site, dest)
    site.route("/mgConvert2PDF.aspx", {"ID": "60909"},
               Resp(200, (DATA / "paper-eqia.pdf").read_bytes(), {"Content-Type": "application/pdf"}, etag=True))
    report = run(site, dest)
    assert report.changed == [PAPER] and report.new == [] and report.unchanged == 3
    assert "No new papers; 1 changed" in report.summary()
    assert (dest / PAPER).read_bytes() == (DATA / "paper-eqia.pdf").read_bytes()
    assert sidecar(dest, PAPER)["agenda_item"] == "9"


def test_a_new_paper_on_a_rerun_is_the_only_download(site, tmp_path):
    dest = tmp_path / "papers"
    run(site, dest)
    meeting_with_extra_docs(site, linked_doc("60950", "Appendix 1", f"{site.base}mgConvert2PDF.aspx?ID=60950"))
    site.route("/mgConvert2PDF.aspx", {"ID": "60950"},
               Resp(200, (DATA / "paper-eqia.pdf").read_bytes(), {"Content-Type": "application/pdf"}))
    site.seen.clear()
    report = run(site, dest)
    assert report.new == [f"{MEETING}/{SLUG}_m4967_a60950.pdf"] and report.unchanged == 4
    assert report.summary().startswith("1 new paper for 1 meeting; 0 changed; 4 unchanged")
    assert [s.method for s in site.requests_to("/mgConvert2PDF.aspx", ID="60950")] == ["GET"]


def test_cancelled_meeting_without_minutes_saves_nothing_and_is_no_error(site, tmp_path):
    dest = tmp_path / "papers"
    report = run(site, dest)
    assert report.cancelled == 1 and not report.errors
    assert "1 cancelled" in report.summary()
    assert not (dest / "meeting-4966").exists()
    assert all(p.startswith(MEETING + "/") for p in report.new)
    state = json.loads((dest / STATE_NAME).read_text())
    assert state["meetings"]["4966"] == {"date": "2026-01-13", "status": "Cancelled", "committee_id": "144"}


def test_restricted_documents_are_never_requested(site, tmp_path):
    dest = tmp_path / "papers"
    meeting_with_extra_docs(site, linked_doc("70001", "Exempt appendix", f"{site.base}mgConvert2PDF.aspx?ID=70001",
                                             restricted=True))
    site.route("/mgConvert2PDF.aspx", {"ID": "70001"}, Resp(200, b"%PDF-1.4 secret", {}))
    report = run(site, dest)
    assert report.restricted == 1
    assert "1 restricted document not requested" in report.summary()
    assert site.requests_to("/mgConvert2PDF.aspx", ID="70001") == []
    assert not any("70001" in p for p in documents_in(dest))


def test_a_500_then_success_is_retried(site, tmp_path):
    body = site.routes[[r[1] for r in site.routes].index({"lMeetingId": "4967"})][2][0]
    site.route("/mgWebService.asmx/GetMeeting", {"lMeetingId": "4967"}, Resp(500, b"oops", {}), body)
    report = run(site, tmp_path / "papers")
    assert not report.errors and len(report.new) == 4
    assert len(site.requests_to("/mgWebService.asmx/GetMeeting", lMeetingId="4967")) == 2


def test_a_timeout_is_retried(site, tmp_path):
    paper = (DATA / "paper-budget-monitoring.pdf").read_bytes()
    site.route("/mgConvert2PDF.aspx", {"ID": "60909"}, Resp(200, paper, {}, delay=1.5),
               Resp(200, paper, {"Content-Type": "application/pdf"}))
    report = run(site, tmp_path / "papers", timeout=0.5)
    assert not report.errors and PAPER in report.new
    assert len(site.requests_to("/mgConvert2PDF.aspx", ID="60909")) == 2


def test_a_site_that_never_answers_stops_with_one_line_and_keeps_what_was_fetched(site, tmp_path):
    dest = tmp_path / "papers"
    run(site, dest)
    site.route("/mgWebService.asmx/GetCommittees", None, Resp(200, b"", {}, delay=1.5))
    with pytest.raises(FetchError) as exc:
        run(site, dest, timeout=0.5, retries=1)
    assert "no answer within 0.5 s" in str(exc.value) and "\n" not in str(exc.value)
    assert len(documents_in(dest)) == 4 and (dest / STATE_NAME).is_file()


def test_a_403_bot_page_stops_the_run_with_one_line_and_keeps_what_was_fetched(site, tmp_path):
    dest = tmp_path / "papers"
    run(site, dest)
    bot = Resp(403, b"<!DOCTYPE html><html><body>Please verify you are a human</body></html>",
               {"Content-Type": "text/html"})
    site.route("/mgWebService.asmx/GetMeeting", {"lMeetingId": "4967"}, bot)
    with pytest.raises(BlockedByBotShield) as exc:
        run(site, dest)
    assert "bot shield" in str(exc.value) and "\n" not in str(exc.value)
    assert len(documents_in(dest)) == 4
    site.route("/mgWebService.asmx/GetCommittees", None, bot)
    with pytest.raises(BlockedByBotShield):
        run(site, dest)


def test_malformed_xml_is_one_line_and_other_meetings_still_fetched(site, tmp_path):
    site.route("/mgWebService.asmx/GetMeeting", {"lMeetingId": "4966"},
               xml(b"<?xml version='1.0'?><meeting><agendaitems><agendaitem></meeting>"))
    report = run(site, tmp_path / "papers")
    assert len(report.errors) == 1 and "malformed XML" in report.errors[0] and "4966" in report.errors[0]
    assert len(report.new) == 4
    site.route("/mgWebService.asmx/GetCommittees", None, xml(b"<committees><committee>"))
    with pytest.raises(BadXML, match="GetCommittees answered malformed XML"):
        run(site, tmp_path / "papers")


def test_a_site_that_is_not_moderngov_is_named_so(site, tmp_path):
    site.route("/mgWebService.asmx/GetCommittees", None, Resp(404, b"<html>Not here</html>",
                                                              {"Content-Type": "text/html"}))
    with pytest.raises(NotModernGov, match="does not look like a ModernGov site"):
        run(site, tmp_path / "papers")


def test_unknown_committee_lists_close_matches(site, tmp_path):
    with pytest.raises(UnknownCommittee) as exc:
        run(site, tmp_path / "papers", committees=["Audit Comittee"])
    assert "Audit Committee" in str(exc.value)
    assert run(site, tmp_path / "by-id", committees=["144"]).new  # an id works as well as a name


def test_hostile_title_never_reaches_a_file_name(site, tmp_path):
    dest = tmp_path / "deep" / "papers"
    evil = "../../../outside/evil\u0085\u009b[31m\u202e fdp.exe\t..\\..\\x"
    meeting_with_extra_docs(site, linked_doc("70002", evil, f"{site.base}mgConvert2PDF.aspx?ID=70002")
                            + linked_doc("../70003", "bad id", f"{site.base}mgConvert2PDF.aspx?ID=70003"))
    site.route("/mgConvert2PDF.aspx", {"ID": "70002"}, Resp(200, (DATA / "paper-eqia.pdf").read_bytes(), {}))
    report = run(site, dest)
    saved = f"{MEETING}/{SLUG}_m4967_a70002.pdf"
    assert saved in report.new
    title = sidecar(dest, saved)["title"]
    assert title == "../../../outside/evil [31m fdp.exe ..\\..\\x"
    assert all(ch.isprintable() for ch in title)
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["papers"]  # nothing written beside dest
    assert site.requests_to("/mgConvert2PDF.aspx", ID="70003") == []  # an id that is not a number is ignored


def test_redirects_and_links_to_another_host_are_refused(site, other_host, tmp_path, connections):
    other_host.route("/evil.pdf", None, Resp(200, b"%PDF-1.4 elsewhere", {}))
    meeting_with_extra_docs(
        site, linked_doc("70004", "Moved", f"{site.base}mgConvert2PDF.aspx?ID=70004")
        + linked_doc("70005", "Elsewhere", f"http://localhost:{other_host.port}/evil.pdf"))
    site.route("/mgConvert2PDF.aspx", {"ID": "70004"},
               Resp(302, b"", {"Location": f"http://localhost:{other_host.port}/evil.pdf"}))
    report = run(site, tmp_path / "papers")
    assert any("70004" in s and "redirects to another site" in s for s in report.skipped)
    assert any("Elsewhere" in s and "another site" in s for s in report.skipped)
    assert other_host.seen == []
    assert set(connections) == {("127.0.0.1", site.port)}
    assert len(report.new) == 4


def test_same_host_redirect_is_followed(site, tmp_path):
    meeting_with_extra_docs(site, linked_doc("70006", "Moved", f"{site.base}mgConvert2PDF.aspx?ID=70006"))
    site.route("/mgConvert2PDF.aspx", {"ID": "70006"}, Resp(302, b"", {"Location": "/documents/s70006/x.pdf"}))
    site.route("/documents/s70006/x.pdf", None, Resp(200, (DATA / "paper-eqia.pdf").read_bytes(), {}))
    report = run(site, tmp_path / "papers")
    assert f"{MEETING}/{SLUG}_m4967_a70006.pdf" in report.new


def test_documents_over_the_size_cap_are_skipped(site, tmp_path):
    report = run(site, tmp_path / "papers", max_bytes=10_000)
    assert sorted(report.new) == sorted([MINUTES_9, MINUTES_1])
    assert len(report.skipped) == 2 and all("cap" in s for s in report.skipped)
    assert not list((tmp_path / "papers").rglob(".part-*"))


def test_a_second_site_into_the_same_folder_is_refused(site, tmp_path):
    dest = tmp_path / "papers"
    run(site, dest)
    with pytest.raises(FetchError, match="holds papers fetched from"):
        run(site, dest, site=site.base.replace("127.0.0.1", "localhost"))


def _without_etags(site):
    for name, aid in (("paper-eqia.pdf", "60860"), ("paper-budget-monitoring.pdf", "60909")):
        site.route("/mgConvert2PDF.aspx", {"ID": aid},
                   Resp(200, (DATA / name).read_bytes(), {"Content-Type": "application/pdf"}))


def test_without_etags_a_rerun_compares_sizes_with_head_requests(site, tmp_path):
    _without_etags(site)
    dest = tmp_path / "papers"
    run(site, dest)
    site.seen.clear()
    report = run(site, dest)
    assert report.new == [] and report.changed == [] and report.unchanged == 4
    assert sorted(s.method for s in site.requests_to("/mgConvert2PDF.aspx")) == ["HEAD", "HEAD"]
    longer = (DATA / "paper-budget-monitoring.pdf").read_bytes() + b"\n% revised\n"
    site.route("/mgConvert2PDF.aspx", {"ID": "60909"}, Resp(200, longer, {"Content-Type": "application/pdf"}))
    site.seen.clear()
    report = run(site, dest)
    assert report.changed == [PAPER]
    assert [s.method for s in site.requests_to("/mgConvert2PDF.aspx", ID="60909")] == ["HEAD", "GET"]
    assert (dest / PAPER).read_bytes() == longer


def test_a_republished_document_is_fetched_again_without_asking_if_modified(site, tmp_path):
    dest = tmp_path / "papers"
    run(site, dest)
    body = (DATA / "manchester_mgwebservice_GetMeeting_4967_with-minutes.xml").read_text(encoding="utf-8")
    body = body.replace(FIXTURE_HOST, site.base).replace(
        "<publicationdate>02/02/2026</publicationdate>\n          <meetingdate>10/02/2026</meetingdate>\n"
        "          <decisiondate>10/02/2026</decisiondate>\n          <committeetitle>Audit Committee</committeetitle>\n"
        "          <isdecisionattachment>False</isdecisionattachment>\n          <ownertitle>Work Programme",
        "<publicationdate>05/02/2026</publicationdate>\n          <ownertitle>Work Programme")
    assert "05/02/2026" in body
    site.route("/mgWebService.asmx/GetMeeting", {"lMeetingId": "4967"}, xml(body.encode("utf-8")))
    site.seen.clear()
    report = run(site, dest)
    assert report.changed == [] and report.unchanged == 4  # same bytes: re-downloaded, found unchanged
    (request,) = site.requests_to("/mgConvert2PDF.aspx", ID="60909")
    assert "if-none-match" not in request.headers
    assert sidecar(dest, PAPER)["published"] == "2026-02-05"


def test_a_paper_linked_again_from_another_meeting_stays_with_its_first_meeting(site, tmp_path):
    dest = tmp_path / "papers"
    run(site, dest)
    body = (DATA / "manchester_mgwebservice_GetMeeting_4967_with-minutes.xml").read_text(encoding="utf-8")
    site.route("/mgWebService.asmx/GetMeeting", {"lMeetingId": "4966"},
               xml(body.replace(FIXTURE_HOST, site.base).replace("<meetingid>4967", "<meetingid>4966").encode()))
    site.seen.clear()
    report = run(site, dest)
    assert not any(p.startswith("meeting-4966/") and ".pdf" in p for p in report.new)
    assert len(site.requests_to("/mgConvert2PDF.aspx")) == 2  # once each, for meeting 4967 only
    assert sidecar(dest, PAPER)["meeting_id"] == "4967"


def test_a_second_fetch_into_a_folder_being_written_is_refused(site, tmp_path):
    import subprocess
    import sys

    dest = tmp_path / "papers"
    dest.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time, filelock; l = filelock.FileLock(sys.argv[1]); l.acquire(); "
         "print('locked', flush=True); time.sleep(30)", str(dest / ".moderngov.lock")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(FetchError, match="Another fetch is writing to"):
            run(site, dest)
        assert site.seen == []
    finally:
        holder.kill()
        holder.wait()
    assert len(run(site, dest).new) == 4


def test_decision_text_is_saved_as_its_own_document_marked_as_a_decision(site, tmp_path):
    body = (DATA / "manchester_mgwebservice_GetMeeting_4967_with-minutes.xml").read_text(encoding="utf-8")
    body = body.replace(FIXTURE_HOST, site.base)
    work_programme = body.index("<agendaitemid>18833</agendaitemid>")
    head, tail = body[:work_programme], body[work_programme:]
    tail = tail.replace("<isdecision>False</isdecision>", "<isdecision>True</isdecision>", 1).replace(
        "<declarationcount>", "<decisionnonemptyhtmlbody>&lt;p&gt;RESOLVED: to approve the Work Programme."
        "&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;</decisionnonemptyhtmlbody>\n      <declarationcount>", 1)
    head = head.replace("<isdisplayallowed>True</isdisplayallowed>\n      <meetingdate>",  # item 1 hidden
                        "<isdisplayallowed>False</isdisplayallowed>\n      <meetingdate>", 1)
    site.route("/mgWebService.asmx/GetMeeting", {"lMeetingId": "4967"}, xml((head + tail).encode("utf-8")))
    dest = tmp_path / "papers"
    report = run(site, dest)
    decision = f"{MEETING}/{SLUG}_m4967_i18833_decision.html"
    assert decision in report.new and MINUTES_9 in report.new
    assert MINUTES_1 not in report.new  # an item the council does not display publicly
    meta = sidecar(dest, decision)
    assert meta["title"] == "Decision: Work Programme" and meta["is_decision"] is True
    assert meta["doc_type"] == "minutes" and meta["agenda_item"] == "9"
    assert sidecar(dest, PAPER)["is_decision"] is True  # the item's papers are the decision's papers
    page = (dest / decision).read_text(encoding="utf-8")
    assert "RESOLVED: to approve the Work Programme." in page and "<script" not in page


def test_without_an_organisation_the_slug_comes_from_the_sites_address(site, tmp_path):
    report = run(site, tmp_path / "papers", organisation=None)
    assert any(f.startswith(f"{MEETING}/site-127-0-0-1_m4967_") for f in report.new)


def test_a_run_that_fails_before_saving_anything_leaves_no_folder_behind(site, tmp_path):
    dest = tmp_path / "papers"
    with pytest.raises(UnknownCommittee):
        run(site, dest, committees=["Audit Comittee"])
    assert not dest.exists()
    kept = tmp_path / "mine"
    kept.mkdir()
    with pytest.raises(UnknownCommittee):
        run(site, kept, committees=["Audit Comittee"])
    assert kept.is_dir()  # a folder the user had is never removed


def test_a_refused_connection_is_said_to_be_refused_not_a_timeout(tmp_path):
    import socket
    from types import SimpleNamespace

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    closed = SimpleNamespace(base=f"http://127.0.0.1:{port}")
    with pytest.raises(FetchError) as exc:
        run(closed, tmp_path / "papers", timeout=0.5, retries=1)
    message = str(exc.value)
    assert "cannot connect" in message and "refused" in message.lower() and "no answer within" not in message
    assert not (tmp_path / "papers").exists()


def test_a_refused_connection_is_not_retried_a_timeout_is():
    # retrying a refused connection (or a host that does not exist) brings no answer, only a longer wait: it had
    # taken 12.8 s to say "cannot connect" at --timeout 2 (tester, round 72); a timeout is still retried
    from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError, NameResolutionError

    from assistant.fetch.http import _Retry

    retry = _Retry(total=3, connect=3, read=3, status=3, other=0, redirect=False)
    for refused in (NewConnectionError(None, "[Errno 111] Connection refused"),
                    NameResolutionError("no-such-host.invalid", None, OSError("Name or service not known"))):
        with pytest.raises(MaxRetryError) as exc:
            retry.increment("GET", "/mgWebService.asmx/GetCommittees", error=refused)
        assert exc.value.reason is refused
    again = retry.increment("GET", "/mgWebService.asmx/GetCommittees", error=ConnectTimeoutError("timed out"))
    assert isinstance(again, _Retry) and again.total == 2
