"""The chat app driven through Streamlit's AppTest, on a real index of source_docs/ with the real model."""

from __future__ import annotations

import io

import pytest
from docx import Document

from assistant.ui import cards, export

pytestmark = pytest.mark.slow

STEP_DOWN = "What did inspectors say about step-down?"
OFSTED_2019_PARA_2 = "Ofsted, Inspection of Medway children's services (27 Aug 2019), para 2"
ZEPHYR = ("Scrutiny note: Zephyr lighthouse mentoring\n\n1. Background\n\n"
          "1.1. The Zephyr lighthouse mentoring scheme trained 37 volunteer mentors for care leavers in 2024.\n\n"
          "1.2. The committee asked for a further report on the scheme in the spring.\n")
ZEPHYR_Q = "How many volunteer mentors did the Zephyr lighthouse mentoring scheme train?"


def ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at.chat_message[-1]


def citations(message) -> list[str]:
    """The copy-citation texts of the cards under one answer."""
    return [c.value for c in message.code]


def test_app__first_load_shows_how_to_ask_and_examples(app):
    assert app.title[0].value == "Scrutiny Assistant"
    assert any(e.label == "How to ask" for e in app.expander)
    labels = [b.label for b in app.button]
    assert STEP_DOWN in labels and "How many extra social work posts were created?" in labels


def test_app__step_down_answer_has_citation_cards(app):
    reply = ask(app, STEP_DOWN)
    cites = citations(reply)
    assert any(c.startswith(OFSTED_2019_PARA_2 + ",") for c in cites), cites
    assert "Sources (" in " ".join(m.value for m in reply.markdown)
    # every statement carries its marker, and its card highlights the quote from the full paragraph
    answer = app.session_state["turns"][-1].answer
    for c in answer.citations:
        assert f"[{c.label}]" in answer.answer
    html = [m.value for m in reply.markdown if 'class="sa-card"' in m.value]
    assert len(html) == len(answer.citations) and all("<mark>" in h for h in html)
    # a way to open each source: the PDF at its page (static serving) or a download
    links = [m.value for m in reply.markdown if m.value.startswith("[Open the PDF at page")]
    assert any("#page=3" in link for link in links), links


def test_app__step_down_answer_also_cites_committee_report_para_3_11(app):
    cites = citations(ask(app, STEP_DOWN))
    assert any("para 3.11" in c for c in cites), cites


def test_app__example_button_asks_the_question(app):
    next(b for b in app.button if b.label == STEP_DOWN).click().run()
    assert not app.exception
    assert app.session_state["turns"][-1].question == STEP_DOWN
    assert citations(app.chat_message[-1])


def test_app__document_type_filter_restricts_citations(app):
    app.multiselect(key="f_types").set_value(["ofsted-inspection"]).run()
    reply = ask(app, STEP_DOWN)
    details = [c.value for c in reply.caption]
    assert any("Ofsted inspection" in d for d in details)
    assert not any("Committee report" in d for d in details)
    assert any("Filters: Type: Ofsted inspection" in d for d in details)
    app.multiselect(key="f_types").set_value(["committee-report"]).run()
    reply = ask(app, STEP_DOWN)
    assert all(c.startswith("Medway, Report on Ofsted monitoring visit") for c in citations(reply)), citations(reply)


def test_app__a_date_range_back_to_front_gets_one_line_saying_so(app):
    from datetime import date

    app.date_input(key="f_since").set_value(date(2023, 1, 1)).run()
    app.date_input(key="f_until").set_value(date(2019, 1, 1)).run()
    app.chat_input[0].set_value(STEP_DOWN).run()
    assert not app.exception
    assert [e.value for e in app.error] == [
        "The From date (01/01/2023) is after the To date (01/01/2019): swap them."]  # the boxes, not the flags
    app.date_input(key="f_since").set_value(None).run()
    app.date_input(key="f_until").set_value(None).run()


def test_app__a_question_longer_than_a_question_gets_one_line_saying_so(app):
    app.chat_input[0].set_value("caseloads" * 500).run()
    assert not app.exception
    assert [e.value for e in app.error] == [
        "The question is 4,500 characters long; ask it in at most 1,000 (a sentence or two), e.g. \"what did "
        "inspectors say about step-down?\""]


def test_app__follow_up_carries_council_and_replaces_year(app):
    first = ask(app, "What did Ofsted say about caseloads in Medway in 2019?")
    assert citations(first)
    reply = ask(app, "and what about in 2023?")
    # the first question asked of 2023: it had been searched as "and what about in 2023?", and declined
    assert [i.value for i in reply.info] == [
        "Understood as: What did Ofsted say about caseloads in Medway in 2023? (Medway, 2023)"]
    assert not app.session_state["turns"][-1].answer.abstained
    assert "caseload" in app.session_state["turns"][-1].answer.answer.lower()
    cites = citations(reply)
    assert cites and all("2023)" in c for c in cites), cites
    reply = ask(app, "what did they say about caseloads there?")
    assert "(Medway, 2023)" in reply.info[0].value
    # a follow-up whose only subject points back is searched with what the last question was about
    reply = ask(app, "When was it reported?")
    assert reply.info[0].value.startswith("Understood as: When was it reported? (about caseloads)")
    assert app.session_state["turns"][-1].answer.question == "When was it reported? (about caseloads)"


def test_app__a_follow_up_of_another_year_keeps_the_kind_of_source_its_it_stands_for(app):
    # "and what did they say about step-down?" leans on a question answered from Ofsted's report; asked again of
    # 2023, its "they" is still Ofsted: searched in inspection reports only, not every paper of that year
    first = ask(app, "What did Ofsted ask Medway to improve in 2019?")
    assert citations(first)
    ask(app, "and what did they say about step-down?")
    ask(app, "and what about in 2023?")
    answered = app.session_state["turns"][-1].answer
    assert answered.filters.get("doc_types") == ["ofsted-inspection"], answered.filters
    assert all(c.doc_type == "ofsted-inspection" for c in answered.citations)


def _assert_abstains(app, question: str, reason: str = "The documents don't say this") -> None:
    reply = ask(app, question)
    assert app.session_state["turns"][-1].answer.abstained
    assert reply.warning[0].value.startswith(reason), reply.warning[0].value
    text = " ".join(m.value for m in reply.markdown)
    assert "Nearest passages (not an answer)" in text and "Sources (" not in text
    assert reply.code  # the nearest passages are offered as cards, with their citations


def test_app__unanswerable_question_abstains_with_nearest_passages(app):
    # (a place no indexed document prints: said so)
    _assert_abstains(app, "What is the weather forecast for Paris tomorrow?", "The indexed documents never mention Paris")


def test_app__question_about_a_council_not_in_the_library_abstains(app):
    # the answer's own reason is said: no document from that council is indexed
    _assert_abstains(app, "How much did Birmingham Children's Trust overspend in 2022-23?",
                     "The indexed documents don't include anything from Birmingham")


def test_app__export_gives_docx_with_the_citations(app):
    ask(app, STEP_DOWN)
    assert {"Download conversation (Word)", "This answer as Word"} <= {b.label for b in app.download_button}
    turns = app.session_state["turns"]
    doc = Document(io.BytesIO(export.to_docx(turns)))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert STEP_DOWN in text
    for c in turns[-1].answer.citations:
        assert cards.copy_text(cards.Card.from_citation(c)) in text
        assert " ".join(c.quote.split()) in text


def _library(at):
    at.sidebar.radio(key="page").set_value("Document library").run()
    assert not at.exception
    return at


def _shown(markdown: str) -> str:
    """A message as the reader sees it (file names in messages are Markdown-escaped: zephyr\\_note.txt)."""
    return markdown.replace("\\", "")


def _library_files(at) -> list[str]:
    return list(at.dataframe[0].value["File"])


def test_app__upload_then_remove_changes_library_and_answers(app, app_env):
    _library(app)
    before = _library_files(app)
    assert len(before) == 5
    app.file_uploader[0].set_value(("zephyr_note.txt", ZEPHYR.encode(), "text/plain")).run()
    app.button(key="add_doc").click().run()
    assert not app.exception
    assert app.success and "Added zephyr_note.txt" in _shown(app.success[0].value)
    assert "zephyr_note.txt" in _library_files(app)
    assert (app_env["uploads"] / "zephyr_note.txt").is_file()

    app.sidebar.radio(key="page").set_value("Ask a question").run()
    cites = citations(ask(app, ZEPHYR_Q))
    assert any("para 1.1" in c and "Zephyr" in c for c in cites), cites

    _library(app)
    app.selectbox(key="remove_choice").set_value("zephyr_note.txt").run()
    app.button(key="remove_doc").click().run()
    assert not app.exception
    assert "Removed zephyr_note.txt" in _shown(app.success[0].value)
    assert sorted(_library_files(app)) == sorted(before)
    assert (app_env["uploads"] / ".removed" / "zephyr_note.txt").is_file()

    app.sidebar.radio(key="page").set_value("Ask a question").run()
    reply = ask(app, ZEPHYR_Q)
    assert not any("Zephyr" in c for c in citations(reply))


def test_app__bad_upload_gets_one_line_reason_and_nothing_changes(app):
    _library(app)
    before = _library_files(app)
    app.file_uploader[0].set_value(("minutes.pdf", b"this is not a pdf", "application/pdf")).run()
    app.button(key="add_doc").click().run()
    assert not app.exception
    assert app.error[0].value == "minutes.pdf: this is not a PDF file, although its name ends in .pdf."
    assert _library_files(app) == before


def test_app__without_an_index_says_how_to_build_one(tmp_path, monkeypatch, app_env):
    from streamlit.testing.v1 import AppTest

    from .conftest import APP

    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(tmp_path / "no-index"))
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.run()
    assert not at.exception
    said = at.info[0].value
    # the command names the folder the app reads (it had said the default's command only), and the setting
    assert f"python -m assistant index source_docs/ --index-dir {tmp_path / 'no-index'}" in said
    assert "ASSISTANT_INDEX_DIR" in said and said.count("python -m assistant index") == 1
