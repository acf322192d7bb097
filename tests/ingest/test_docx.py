"""DOCX extraction: headings, lists, numbering, tables, properties and unreadable files."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from assistant.ingest.docx import extract_docx
from assistant.ingest.extract import ExtractError, extract


def _lines(path: Path) -> list[str]:
    doc = extract_docx(path)
    assert doc.paged is False and len(doc.pages) == 1
    return doc.pages[0]


def test_extract_docx__paragraphs_are_lines_separated_by_empty_lines(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("First paragraph.")
    d.add_paragraph("")
    d.add_paragraph("3.11 Second paragraph keeps its printed number.")
    p = tmp_path / "a.docx"
    d.save(p)
    assert _lines(p) == ["First paragraph.", "", "3.11 Second paragraph keeps its printed number."]


def test_extract_docx__heading_styles_become_hash_lines_by_level(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_heading("Report on Ofsted monitoring visit", level=0)  # "Title" style
    d.add_heading("Background", level=1)
    d.add_heading("Detail", level=2)
    d.add_paragraph("Body.")
    p = tmp_path / "h.docx"
    d.save(p)
    assert _lines(p) == ["# Report on Ofsted monitoring visit", "", "# Background", "", "## Detail", "", "Body."]


def test_extract_docx__bullet_list_items_get_a_dash_unless_they_have_a_bullet(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Caseloads reduced", style="List Bullet")
    d.add_paragraph("• Already bulleted", style="List Bullet")
    p = tmp_path / "l.docx"
    d.save(p)
    assert _lines(p) == ["- Caseloads reduced", "", "• Already bulleted"]


def test_extract_docx__automatic_numbering_is_written_into_the_text(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("First recommendation", style="List Number")
    d.add_paragraph("Second recommendation", style="List Number")
    p = tmp_path / "n.docx"
    d.save(p)
    assert _lines(p) == ["1. First recommendation", "", "2. Second recommendation"]


def test_extract_docx__tabs_and_line_breaks_inside_a_paragraph_become_spaces(tmp_path: Path) -> None:
    d = docx.Document()
    para = d.add_paragraph("2.1\tThe inspection")
    para.add_run().add_break()
    para.add_run("took place in July.")
    p = tmp_path / "t.docx"
    d.save(p)
    assert _lines(p) == ["2.1 The inspection took place in July."]


def test_extract_docx__table_rows_become_header_labelled_lines_in_document_order(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("Before.")
    t = d.add_table(rows=4, cols=3)
    for r, cells in enumerate([
        ["Risk", "Description", "Rating"],
        ["Actions late", "Plan not delivered", "AII"],
        ["", "and not on time", ""],
        ["Resource", "", "BIII"],
    ]):
        for c, text in enumerate(cells):
            t.cell(r, c).text = text
    d.add_paragraph("After.")
    p = tmp_path / "tab.docx"
    d.save(p)
    assert _lines(p) == [
        "Before.",
        "",
        "Risk: Actions late; Description: Plan not delivered and not on time; Rating: AII",
        "Risk: Resource; Rating: BIII",
        "",
        "After.",
    ]


def test_extract_docx__merged_cells_are_not_repeated(tmp_path: Path) -> None:
    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    for c, text in enumerate(["Area", "Judgement", "Notes"]):
        t.cell(0, c).text = text
    merged = t.cell(1, 1).merge(t.cell(1, 2))
    merged.text = "Inadequate"
    t.cell(1, 0).text = "Help and protection"
    p = tmp_path / "m.docx"
    d.save(p)
    assert _lines(p) == ["Area: Help and protection; Judgement: Inadequate"]


def test_extract_docx__text_inside_content_controls_is_kept_in_order(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("Before.")
    sdt = parse_xml(
        '<w:sdt xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:sdtContent>'
        "<w:p><w:r><w:t>Meeting date: 1 October 2020</w:t></w:r></w:p></w:sdtContent></w:sdt>"
    )
    after = d.add_paragraph("After.")
    after._p.addprevious(sdt)
    p = tmp_path / "sdt.docx"
    d.save(p)
    assert _lines(p) == ["Before.", "", "Meeting date: 1 October 2020", "", "After."]


def test_extract_docx__title_hint_comes_from_core_properties(tmp_path: Path) -> None:
    d = docx.Document()
    d.core_properties.title = "Improvement plan update"
    d.core_properties.author = "Democratic Services"
    d.add_paragraph("Body.")
    p = tmp_path / "props.docx"
    d.save(p)
    doc = extract_docx(p)
    assert doc.title_hint == "Improvement plan update"
    assert doc.info["author"] == "Democratic Services"


def test_extract_docx__corrupt_file_raises_one_line_error_naming_the_file(tmp_path: Path) -> None:
    p = tmp_path / "broken.docx"
    p.write_bytes(b"PK\x03\x04 this is not really a zip archive" * 10)
    with pytest.raises(ExtractError) as err:
        extract_docx(p)
    assert "broken.docx" in str(err.value)
    assert "\n" not in str(err.value)


def test_extract_docx__zip_without_a_document_part_raises_extract_error(tmp_path: Path) -> None:
    import zipfile

    p = tmp_path / "empty-zip.docx"
    with zipfile.ZipFile(p, "w") as z:
        z.writestr("hello.txt", "hi")
    with pytest.raises(ExtractError, match="empty-zip.docx"):
        extract(p)


def test_extract_docx__encrypted_document_raises_password_protected_error(tmp_path: Path) -> None:
    p = tmp_path / "secret.docx"  # Word writes encrypted .docx files as OLE compound files
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(ExtractError, match=r"secret\.docx: password-protected"):
        extract(p)
