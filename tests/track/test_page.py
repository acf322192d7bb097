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
