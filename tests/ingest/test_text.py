"""Plain-text and markdown extraction, and the shared table-row helper."""

from __future__ import annotations

from pathlib import Path

from assistant.ingest.extract import extract
from assistant.ingest.text import extract_text, join_blocks, table_lines


def test_extract_text__keeps_lines_and_tabs_as_written(tmp_path: Path) -> None:
    p = tmp_path / "report.txt"
    p.write_text("REPORT TITLE\n\n3.1. First para.\nRisk\tDescription\tRating\n", encoding="utf-8")
    doc = extract_text(p)
    assert doc.pages == [["REPORT TITLE", "", "3.1. First para.", "Risk\tDescription\tRating"]]
    assert doc.paged is False


def test_extract_text__normalises_windows_and_old_mac_line_endings(tmp_path: Path) -> None:
    p = tmp_path / "crlf.txt"
    p.write_bytes(b"one\r\ntwo\rthree\r\n")
    assert extract_text(p).pages[0] == ["one", "two", "three"]


def test_extract_text__falls_back_to_cp1252_when_not_utf8(tmp_path: Path) -> None:
    p = tmp_path / "word.txt"
    p.write_bytes("Children\u2019s services cost \u00a35m".encode("cp1252"))
    assert extract_text(p).pages[0] == ["Children\u2019s services cost \u00a35m"]


def test_extract_text__drops_the_utf8_byte_order_mark(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfTitle line\nbody")
    doc = extract_text(p)
    assert doc.pages[0][0] == "Title line"
    assert doc.title_hint == "Title line"


def test_extract_text__markdown_headings_stay_hash_lines_and_hint_drops_the_hashes(tmp_path: Path) -> None:
    p = tmp_path / "notes.md"
    p.write_text("\n# Scrutiny notes\n\n## Background\n\nText.\n", encoding="utf-8")
    doc = extract_text(p)
    assert "# Scrutiny notes" in doc.pages[0]
    assert "## Background" in doc.pages[0]
    assert doc.title_hint == "Scrutiny notes"


def test_extract_text__no_title_hint_when_first_line_is_long(tmp_path: Path) -> None:
    p = tmp_path / "long.txt"
    p.write_text("word " * 40 + "\nsecond", encoding="utf-8")
    assert extract_text(p).title_hint is None


def test_extract__dispatches_txt_and_md_to_the_text_reader(tmp_path: Path) -> None:
    p = tmp_path / "a.md"
    p.write_text("# Heading\n\nBody", encoding="utf-8")
    assert extract(p).pages == [["# Heading", "", "Body"]]


def test_table_lines__labels_cells_with_headers_and_skips_empty_cells() -> None:
    rows = [["Actions late", "", "Plan slips", "AII"]]
    header = ["Risk", "Description", "Action", "Rating"]
    assert table_lines(rows, header) == ["Risk: Actions late; Action: Plan slips; Rating: AII"]


def test_table_lines__merges_a_row_with_empty_first_cell_into_the_previous_row() -> None:
    rows = [["Risk A", "first half of", "CII"], ["", "the description", ""], ["Risk B", "other", "BIII"]]
    assert table_lines(rows, ["Risk", "Description", "Rating"]) == [
        "Risk: Risk A; Description: first half of the description; Rating: CII",
        "Risk: Risk B; Description: other; Rating: BIII",
    ]


def test_table_lines__without_header_joins_cells_with_semicolons() -> None:
    assert table_lines([["a", "", "b"]], None) == ["a; b"]


def test_join_blocks__puts_one_empty_line_between_non_empty_blocks() -> None:
    assert join_blocks([["a"], [], ["b", "c"], ["  "]]) == ["a", "", "b", "c"]


def test_extract_text__reads_utf16_with_a_byte_order_mark(tmp_path: Path) -> None:
    text = "Children\u2019s services\r\n\r\n3.1. Caseloads fell to 18 (\u00a35m saved).\r\n"
    for encoding in ("utf-16", "utf-16-be"):  # Notepad's "Unicode" (LE, BOM written by Python) and big-endian
        p = tmp_path / f"{encoding}.txt"
        data = text.encode(encoding)
        p.write_bytes(data if encoding == "utf-16" else b"\xfe\xff" + data)
        assert extract_text(p).pages[0] == ["Children\u2019s services", "", "3.1. Caseloads fell to 18 (\u00a35m saved)."]


def test_upload__utf16_text_file_is_accepted_and_indexed(tmp_path: Path, fake_embedder) -> None:
    from assistant.index.build import sync_index
    from assistant.index.store import load_index
    from assistant.ui.library import check_upload, save_upload

    data = "Caseload report\n\n1. Caseloads\n\n1.1. Caseloads fell to 18 per social worker.\n".encode("utf-16")
    assert check_upload("notes.txt", data) == "notes.txt"
    saved = save_upload(tmp_path / "uploads", "notes.txt", data)
    sync_index(tmp_path / "index", [saved], embedder=fake_embedder, progress=False, log=lambda m: None)
    assert any("fell to 18" in p.text for p in load_index(tmp_path / "index").paragraphs)
