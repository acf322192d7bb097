"""DOCX and HTML documents go through the same paragraph parser: numbers, headings and table rows survive."""

from __future__ import annotations

import docx

from assistant.ingest.extract import extract
from assistant.parse.paragraphs import parse_paragraphs


def test_docx__numbered_paragraphs_headings_and_table_rows(tmp_path):
    d = docx.Document()
    d.add_heading("3. Summary of monitoring visit", level=1)
    d.add_paragraph("3.1. Inspectors found that caseloads had fallen to manageable levels.")
    d.add_paragraph("3.2. Recruitment of social workers remains difficult.")
    table = d.add_table(rows=3, cols=2)
    for r, (a, b) in enumerate([("Risk", "Rating"), ("Caseloads rise", "C3"), ("Budget pressure", "B2")]):
        table.cell(r, 0).text, table.cell(r, 1).text = a, b
    d.add_paragraph("3.3. The Committee is asked to note the report.")
    path = tmp_path / "report.docx"
    d.save(path)
    ps, text = parse_paragraphs(extract(path), path.name, "h")
    by_label = {p.para: p for p in ps if p.para}
    assert set(by_label) == {"3.1", "3.2", "3.3"}
    assert by_label["3.2"].heading == "3. Summary of monitoring visit"
    assert by_label["3.1"].page_start is None
    rows = [p.text for p in ps if p.kind == "table-row"]
    assert rows == ["Risk: Caseloads rise; Rating: C3", "Risk: Budget pressure; Rating: B2"]
    for p in ps:
        assert text[p.char_start:p.char_end] == p.text


def test_html__one_paragraph_per_block(tmp_path):
    path = tmp_path / "minutes.html"
    path.write_text("<html><head><title>Cabinet minutes</title></head><body><h2>Decision status</h2>"
                    "<p>1. The Cabinet agreed the plan.</p><p>2. The Leader thanked officers.</p></body></html>")
    ps, _ = parse_paragraphs(extract(path), path.name, "h")
    assert [(p.para, p.heading) for p in ps] == [("1", "Decision status"), ("2", "Decision status")]
