import io
import zipfile

import pytest

from assistant.ui.library import MAX_UPLOAD_BYTES, UploadRejected, check_upload, safe_filename, save_upload


@pytest.mark.parametrize("raw, safe", [
    ("report.pdf", "report.pdf"),
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\windows\\evil.DOCX", "evil.docx"),
    ("Cabinet papers (final) 2023.pdf", "Cabinet-papers-final-2023.pdf"),
    ("Überprüfung.txt", "Uberprufung.txt"),
    ("...", "document"),
    (".hidden.txt", "hidden.txt"),
])
def test_safe_filename__no_folders_or_odd_characters(raw, safe):
    assert safe_filename(raw) == safe


def _docx_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


def test_check_upload__accepts_real_files():
    assert check_upload("a.pdf", b"%PDF-1.7\n...") == "a.pdf"
    assert check_upload("a.docx", _docx_bytes()) == "a.docx"
    assert check_upload("a.txt", "1.1 Plain text £".encode()) == "a.txt"


@pytest.mark.parametrize("name, data, reason", [
    ("fake.pdf", b"hello", "not a PDF"),
    ("fake.docx", b"PK\x03\x04nonsense", "not a Word"),
    ("tool.exe", b"MZ", "can't be read"),
    ("empty.txt", b"", "empty"),
    ("binary.txt", b"abc\x00def", "not look like a text file"),
    ("README.md", b"# notes", "rename the file"),
])
def test_check_upload__rejects_with_one_line_reason(name, data, reason):
    with pytest.raises(UploadRejected) as exc:
        check_upload(name, data)
    assert reason in str(exc.value) and "\n" not in str(exc.value)


def test_check_upload__size_limit():
    with pytest.raises(UploadRejected, match="larger than 50 MB"):
        check_upload("big.pdf", b"%PDF-" + b"0" * MAX_UPLOAD_BYTES)


def test_save_upload__stays_in_folder_and_never_overwrites_other_contents(tmp_path):
    first = save_upload(tmp_path, "../note.txt", b"one")
    assert first == tmp_path / "note.txt"
    assert save_upload(tmp_path, "note.txt", b"one") == first  # same contents: same file
    second = save_upload(tmp_path, "note.txt", b"two")
    assert second == tmp_path / "note-2.txt" and first.read_bytes() == b"one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["note-2.txt", "note.txt"]
