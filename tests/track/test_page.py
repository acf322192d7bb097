"""The 'Commitments & findings' app page (AppTest on the real index) and its CSV / DOCX exports."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from docx import Document

from assistant.ui.tracker_page import COLUMNS, to_csv, to_docx

APP = Path(__file__).resolve().parents[2] / "app.py"


def test_export__csv_and_docx_carry_every_citation(medway_2019_records):
    items = [r for r in medway_2019_records if r.kind == "improvement_item"]
    rows = list(csv.DictReader(io.StringIO(to_csv(items))))
    assert list(rows[0]) == COLUMNS and len(rows) == 10
    assert rows[0]["Source"] == items[0].label and rows[0]["Type"] == "Improvement item"
    text = "\n".join(p.text for p in Document(io.BytesIO(to_docx(items))).paragraphs)
    assert text.count("[Medway Ofsted inspection 2019") == 10


def test_export__a_decision_is_dated_by_the_day_it_was_taken_not_the_paper_recounting_it(medway_2019_records):
    from dataclasses import replace

    recited = replace(medway_2019_records[0], kind="decision", date="2025-03-13", decided="2023-11", recited=True)
    rows = list(csv.DictReader(io.StringIO(to_csv([recited, replace(recited, decided=None, recited=False)]))))
    assert [r["Date"] for r in rows] == ["2023-11", "2025-03-13"]


@pytest.mark.slow
def test_page__table_filters_and_timeline(track_index, monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(track_index))
    monkeypatch.setenv("ASSISTANT_SOURCE_DIR", str(tmp_path / "uploads"))
    monkeypatch.chdir(APP.parent)
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    at.sidebar.radio(key="page").set_value("Commitments & findings").run()
    assert not at.exception
    assert at.title[0].value == "Commitments & findings"
    at.multiselect(key="trk_kinds").set_value(["judgement"]).run()
    frame = at.dataframe[0].value
    assert set(frame["Type"]) == {"Judgement"} and "inadequate" in set(frame["Grade"])
    at.multiselect(key="trk_kinds").set_value([]).run()
    at.text_input(key="trk_topic").set_value("step-down").run()
    assert not at.exception
    timeline = [m.value for m in at.markdown if "Medway" in m.value and "·" in m.value]
    assert any("2019" in t and "para 2" in t for t in timeline)
    assert any("para 3.11" in t for t in timeline)


@pytest.mark.slow
@pytest.mark.corpus
def test_page__decision_trail_section_shows_document_text_as_plain_text(decision_index, monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(decision_index))
    monkeypatch.setenv("ASSISTANT_SOURCE_DIR", str(tmp_path / "uploads"))
    monkeypatch.chdir(APP.parent)
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    at.sidebar.radio(key="page").set_value("Commitments & findings").run()
    assert not at.exception
    assert "24/00093" in at.selectbox(key="dec_ref").options
    at.selectbox(key="dec_ref").set_value("24/00093").run()
    assert not at.exception
    texts = [t.value for t in at.text]
    assert texts[0].startswith("Decision 24/00093:")
    assert any(t.startswith("APPROVE the proposal") for t in texts)
    assert not any("APPROVE the proposal" in m.value for m in at.markdown)  # never rendered as Markdown
    # a subject no decision is about says so, not the empty box's guidance
    at.selectbox(key="dec_ref").set_value("").run()
    at.text_input(key="dec_words").set_value("Turner Contemporary").run()
    assert not at.exception
    assert any(t.value == "No decision in the indexed papers, with a reference or without one, is about “Turner "
               "Contemporary”: try other words, or choose a reference." for t in at.text)
    # a decision printed without a reference, the County Council's resolution to adopt a plan, is found by its subject
    at.text_input(key="dec_words").set_value("Minerals and Waste Local Plan").run()
    assert not at.exception
    texts = [t.value for t in at.text]
    assert texts[0].startswith("No decision with a reference (such as 24/00093) is about “Minerals and Waste Local "
                               "Plan”; ") and "without a reference" in texts[0]
    assert any("Adopts the Kent Minerals and Waste Local Plan" in t for t in texts)
    assert any("minute 299" in t for t in texts)


def test_trail_lines__when_stage_who_status_then_text_then_citation(medway_report_records):
    from dataclasses import replace

    from assistant.ui.decisions_page import trail_lines

    r = replace(medway_report_records[0], kind="decision", stage="call-in", who="Scrutiny Committee",
                status="called in", decided="2025-01-29")
    head, text, source = trail_lines(r)
    assert head == "2025-01-29 · Call-in / referral · Scrutiny Committee · called in"
    assert text == r.text and source == f"[{r.label}]"


def test_trail_lines__the_same_words_printed_again_are_one_row_naming_the_other_place(medway_report_records):
    """The app's trail lists a recommendation printed on the cover and again in the body once, as the CLI does,
    naming the other page."""
    from dataclasses import replace

    from assistant.track.ledger import once
    from assistant.ui.decisions_page import trail_lines

    r = replace(medway_report_records[0], kind="recommendation", stage="recommendation", page_start=2, page_end=2)
    again = replace(r, page_start=8, page_end=8, paragraph_id="p8", ordinal=r.ordinal + 50)
    rows = once([r, again])
    assert len(rows) == 1
    assert trail_lines(rows[0])[2] == f"[{r.label}]  (also: para {r.para}, p.8)"


def test_trail_lines__an_undated_row_is_marked_undated_and_shown_last(medway_report_records):
    """The app's trail, as ``decisions --ref`` lists it: a decision a paper recounts without saying when it was taken
    is marked undated, with its paper's date, and shown after every dated row, not under its paper's day."""
    from dataclasses import replace

    from assistant.track.ledger import undated_last
    from assistant.ui.decisions_page import trail_lines

    base = medway_report_records[0]
    recounted = replace(base, kind="decision", stage="decision", recited=True, decided=None, date="2025-03-13")
    taken = replace(base, kind="decision", stage="decision", decided="2025-03-20", paragraph_id="later")
    assert trail_lines(recounted)[0].startswith("undated (paper of 2025-03-13) · Decision")
    assert trail_lines(taken)[0].startswith("2025-03-20 · Decision")
    assert undated_last([recounted, taken]) == [taken, recounted]
