"""HTML extraction on a ModernGov fixture and on small pages built in the test."""

from __future__ import annotations

import itertools
from pathlib import Path

from assistant.ingest.extract import extract
from assistant.ingest.html import extract_html

DATA = Path(__file__).resolve().parents[1] / "data" / "ingest"
MODERNGOV = DATA / "unknown_ieDecisionDetails_policy-committee-minutes-decision.html"


def _write(tmp_path: Path, body: str | bytes, name: str = "page.html") -> Path:
    p = tmp_path / name
    p.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    return p


def test_extract_html__moderngov_decision_page_keeps_headings_labels_and_text() -> None:
    doc = extract_html(MODERNGOV)
    lines = doc.pages[0]
    assert doc.paged is False
    assert "## Minutes of Previous Meeting" in lines
    assert "### Decision:" in lines
    assert (
        "The Minutes of the Policy Committee meeting on 23 September 2015 were approved as a correct record."
        in lines
    )
    assert "Date of decision: 19/10/2015" in lines
    assert "- polc2 - 23.09.2015 PDF 119 KB" in lines


def test_extract_html__moderngov_generic_h1_gives_way_to_the_item_title() -> None:
    assert extract_html(MODERNGOV).title_hint == "Minutes of Previous Meeting"


def test_extract_html__blocks_are_separated_by_single_empty_lines() -> None:
    lines = extract_html(MODERNGOV).pages[0]
    assert lines[0] and lines[-1]
    assert all(not (a == "" and b == "") for a, b in itertools.pairwise(lines))


def test_extract_html__drops_script_style_nav_header_footer_and_hidden_text(tmp_path: Path) -> None:
    p = _write(tmp_path, """<html><head><title>Agenda item</title><style>p{}</style></head><body>
        <header>Site banner</header><nav><a href="/">Home</a></nav>
        <script>var x = 1;</script>
        <p>Visible text<span class="mgHide"> ref: 123</span>.</p>
        <div style="display: none">hidden div</div>
        <footer>Copyright</footer></body></html>""")
    doc = extract_html(p)
    assert doc.pages[0] == ["Visible text."]
    assert doc.title_hint == "Agenda item"


def test_extract_html__headings_lists_and_div_text_become_separate_blocks(tmp_path: Path) -> None:
    p = _write(tmp_path, """<body><h1>Report</h1><div>Loose div text
        <p>3.1 A paragraph
        over two lines.</p></div><ul><li>One</li><li>Two<ul><li>Nested</li></ul></li></ul></body>""")
    assert extract_html(p).pages[0] == [
        "# Report", "", "Loose div text", "", "3.1 A paragraph over two lines.", "", "- One", "", "- Two", "",
        "- Nested",
    ]


def test_extract_html__table_rows_use_header_cells_as_labels(tmp_path: Path) -> None:
    p = _write(tmp_path, """<table><caption>Decisions published</caption>
        <thead><tr><th>Title<!--comment--></th><th>Date</th></tr></thead>
        <tbody><tr><td>Admission of the Public</td><td>03&#47;11&#47;2025</td></tr>
        <tr><td>Family hubs</td><td></td></tr></tbody></table><p>After</p>""")
    assert extract_html(p).pages[0] == [
        "Decisions published", "", "Title: Admission of the Public; Date: 03/11/2025", "Title: Family hubs", "",
        "After",
    ]


def test_extract_html__decodes_the_declared_charset(tmp_path: Path) -> None:
    body = '<html><head><meta charset="windows-1252"></head><body><p>Children\u2019s services \u00a35m</p></body>'
    p = _write(tmp_path, body.encode("cp1252"))
    assert extract_html(p).pages[0] == ["Children\u2019s services \u00a35m"]


def test_extract_html__undeclared_bad_bytes_become_replacement_characters(tmp_path: Path) -> None:
    p = _write(tmp_path, b"<p>caf\xe9 ok</p>")
    assert extract_html(p).pages[0] == ["caf\ufffd ok"]


def test_extract_html__title_hint_falls_back_to_first_h1(tmp_path: Path) -> None:
    p = _write(tmp_path, "<body><h1>Scrutiny call-in</h1><p>x</p></body>")
    assert extract_html(p).title_hint == "Scrutiny call-in"


def test_extract__dispatches_htm_files_to_the_html_reader(tmp_path: Path) -> None:
    p = _write(tmp_path, "<p>Hello</p>", name="page.htm")
    assert extract(p).pages == [["Hello"]]
