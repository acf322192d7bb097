"""App follow-ups on real council papers and Ofsted reports (../shared/corpus; skipped where it is absent): a
question naming a paper after a meeting question is asked at that meeting, and a follow-up naming another council
after an answer from a council's newest report is asked of the other council's newest (testers ua70 #18, #20)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import corpus_file
from tests.ui.conftest import APP

pytestmark = pytest.mark.slow

PAPERS = ["committee/kent-cc_cabinet_2025-01-30_printed-minutes.pdf",
          "committee/kent-cc_cabinet_2025-01-30_budget-monitoring-cover-report.pdf",
          "committee/kent-cc_cabinet_2025-01-30_finance-monitoring-report-q3-2024-25.pdf",
          "ofsted/kent_ofsted-childrens-services_2013-08-23.pdf",
          "ofsted/kent_ofsted-childrens-services_2026-02-02.pdf",
          "ofsted/solihull_ofsted-childrens-services_2026-01-12.pdf"]


@pytest.fixture(scope="module")
def corpus_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from assistant.index.build import sync_index

    paths = [corpus_file(p) for p in PAPERS]
    index = tmp_path_factory.mktemp("followups") / "index"
    report = sync_index(index, paths, progress=False, log=lambda _m: None)
    assert not report.failed, report.failed
    return index


@pytest.fixture
def app(corpus_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(corpus_index))
    monkeypatch.setenv("ASSISTANT_SOURCE_DIR", str(tmp_path / "uploads"))
    monkeypatch.chdir(APP.parent)
    at = AppTest.from_file(str(APP), default_timeout=300)
    at.run()
    assert not at.exception
    return at


def ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at.session_state["turns"][-1].answer, at.chat_message[-1]


def test_app__the_report_named_after_a_meeting_question_is_asked_at_that_meeting(app):
    first, _ = ask(app, "What decisions did Kent's Cabinet take on 30 January 2025?")
    assert not first.abstained
    answer, reply = ask(app, "who introduced the finance monitoring report?")
    # it had been searched in all Kent's 2025 papers: "Link Group provide regular performance monitoring reports."
    assert "Link Group" not in answer.answer.splitlines()[0]
    assert "Mr Oakford" in answer.answer.splitlines()[0] and "introduced the report" in answer.answer.splitlines()[0]
    lead = answer.citations[0]
    assert lead.doc == "kent-cc_cabinet_2025-01-30_printed-minutes.pdf" and lead.para == "88/1"
    assert reply.info[0].value == ("Understood as: who introduced the finance monitoring report? (at Cabinet on 30 "
                                   "January 2025) (Kent)")


def test_app__another_council_after_an_answer_from_the_newest_report_is_asked_of_its_newest(app):
    first, _ = ask(app, "What did Ofsted say about care leavers in Solihull?")
    assert {c.doc for c in first.citations} == {"solihull_ofsted-childrens-services_2026-01-12.pdf"}
    answer, reply = ask(app, "what about Kent?")
    # it had been answered from Kent's 2013 report, its 2026 one indexed; no 2026 date filter carried from Solihull
    assert not answer.abstained and "care leavers" in answer.answer.splitlines()[0]
    assert {c.doc for c in answer.citations} == {"kent_ofsted-childrens-services_2026-02-02.pdf"}
    assert not (answer.filters.get("since") or answer.filters.get("until"))
    assert "its newest report" in reply.info[0].value
