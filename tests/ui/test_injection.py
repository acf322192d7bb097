"""Document text is data: Markdown images and links, raw HTML and bare web addresses inside a document are shown
as written on every page (chat answers and cards, Commitments & findings, library), never made live."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from assistant.ui import cards, export

from .conftest import APP, DOC, INJECTION

LIVE_TAGS = {"img", "u", "script", "iframe"}  # the app itself never renders these


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href") or ""
        if tag in LIVE_TAGS or (tag == "a" and ("evil.example" in href or "127.0.0.1:9" in href)):
            self.found.append(f"<{tag} {dict(attrs)}>")


def live_markup(markdown: str, allow_html: bool) -> list[str]:
    """What would be live if Streamlit rendered ``markdown``: the document's images, links and HTML tags."""
    md = MarkdownIt("commonmark", {"html": allow_html})
    parser = _Tags()
    parser.feed(md.render(markdown))
    bare = []  # Streamlit links bare web and email addresses, in Markdown text and in the text of raw HTML alike
    for t in md.parse(markdown):
        if t.type == "inline":  # on the text as rendered (a backslash escape does not stop Streamlit linking)
            bare += _BARE.findall("".join(c.content for c in t.children or [] if c.type in ("text", "text_special")))
        elif t.type == "html_block" and allow_html:
            text = _Text()
            text.feed(t.content)
            bare += [b for chunk in text.chunks for b in _BARE.findall(chunk)]
    return parser.found + [f"autolink {b}" for b in bare]


_BARE = re.compile(r"\b(?:https?://|www\.)\S*evil\.example|\w@evil\.example")


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []

    def handle_data(self, data):
        self.chunks.append(data)


def all_live_markup(at) -> list[str]:
    found = []
    for kind in ("markdown", "caption", "info", "success", "warning", "error", "title", "subheader"):
        for el in getattr(at, kind):
            allow = bool(getattr(getattr(el, "proto", None), "allow_html", False))
            found += live_markup(str(el.value), allow)
    return found


def test_escaping__every_helper_shows_injected_markup_as_text():
    text = INJECTION.split("\n\n")[2]
    assert not live_markup(cards.md_escape(text), allow_html=True)
    assert not live_markup(cards.text_html(text), allow_html=True)
    shown = _Text()
    shown.feed(cards.text_html(text))
    assert "".join(shown.chunks) == text  # what the reader sees is the text as written


def test_export__markdown_note_keeps_document_text_inert(tmp_path):
    from assistant.records import Answer, Citation

    body = INJECTION.split("\n\n")[2]
    citation = Citation(doc=DOC, title="Caseload review ![pixel](http://127.0.0.1:9/title.png)", organisation="X",
                        doc_type="committee-report", date="2024-05-01", para="1.1", heading="Recommendations",
                        page_start=None, page_end=None, text=body, quote=body, score=1.0, label="X 2024, para 1.1")
    answer = Answer(question="q", answer=f"From the report:\n- {body} [X 2024, para 1.1]", abstained=False,
                    citations=[citation])
    note = export.to_markdown([export.Turn(question="q <u>x</u>", answer=answer)])
    assert not live_markup(note, allow_html=True)


@pytest.mark.slow
def test_app__injected_markup_is_never_live_on_any_page(injection_index, monkeypatch):
    from streamlit.testing.v1 import AppTest

    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(injection_index / "index"))
    monkeypatch.setenv("ASSISTANT_SOURCE_DIR", str(injection_index / "uploads"))
    monkeypatch.chdir(Path(APP).parent)
    at = AppTest.from_file(str(APP), default_timeout=300).run()
    at.chat_input[0].set_value("What will the Council do about social worker caseloads?").run()
    assert not at.exception
    shown = " ".join(str(m.value) for m in at.markdown)
    assert "sa-card" in shown and "evil.example" in shown  # the paragraph is there, as text
    assert not all_live_markup(at)

    at.sidebar.radio(key="page").set_value("Commitments & findings").run()
    at.text_input(key="trk_topic").set_value("caseloads").run()
    assert not at.exception
    shown = " ".join(str(m.value) for m in at.markdown)
    assert "click here" in shown and "phish" in shown  # source paragraph and timeline show the text
    assert not all_live_markup(at)

    at.sidebar.radio(key="page").set_value("Document library").run()
    assert not at.exception
    assert not all_live_markup(at)


def test_export__csv_cells_are_never_spreadsheet_formulas():
    import csv
    import io

    from assistant.track.items import TrackRecord
    from assistant.ui.tracker_page import to_csv

    fields = {f: None for f in TrackRecord.__dataclass_fields__}
    record = TrackRecord(**{**fields, "kind": "commitment", "text": '=HYPERLINK("http://evil.example","x")',
                            "label": "@SUM(1)", "doc": DOC, "paragraph_id": "p", "ordinal": 0})
    row = next(csv.DictReader(io.StringIO(to_csv([record]))))
    assert row["Statement"] == '\'=HYPERLINK("http://evil.example","x")' and row["Source"] == "'@SUM(1)"
