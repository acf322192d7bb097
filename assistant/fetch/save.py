"""Writing fetched documents safely: atomic writes, names made from ids only (never from titles), the
``<file>.meta.json`` sidecar the indexer reads, and the HTML page made from minutes/decision text."""

from __future__ import annotations

import html
import json
import os
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

SAFE_PART = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
SIDECAR_SUFFIX = ".meta.json"
UNSAFE_TAGS = ("script", "style", "iframe", "object", "embed", "form", "link", "meta", "base")


def safe_name(*parts: str, suffix: str = "") -> str:
    """``safe_name("manchester", "m4967", "a60860", suffix=".pdf")`` -> ``manchester_m4967_a60860.pdf``.
    Every part must already be a short lowercase id-like token: anything else is a programming error."""
    for p in parts:
        if not SAFE_PART.match(p):
            raise ValueError(f"unsafe file name part {p!r}")
    if suffix and not re.fullmatch(r"\.[a-z0-9]{1,5}", suffix):
        raise ValueError(f"unsafe file suffix {suffix!r}")
    return "_".join(parts) + suffix


def inside(folder: Path, path: Path) -> bool:
    """True when ``path`` lies inside ``folder`` (after resolving)."""
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def temp_file(folder: Path) -> Path:
    """A new empty temporary file in ``folder`` (same file system, so that the rename is atomic)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=".part-", dir=folder)
    os.close(fd)
    return Path(name)


def replace_atomically(tmp: Path, dest: Path) -> None:
    """Move a finished temporary file over ``dest`` in one step (readers see the old or the new file)."""
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, dest)


def write_atomically(dest: Path, data: bytes) -> None:
    tmp = temp_file(dest.parent)
    try:
        tmp.write_bytes(data)
        replace_atomically(tmp, dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_json(dest: Path, data: Any) -> bool:
    """Write ``data`` as JSON atomically; False (and nothing written) when the file already holds it."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if dest.is_file():
        try:
            if dest.read_text(encoding="utf-8") == text:
                return False
        except (OSError, UnicodeDecodeError):
            pass
    write_atomically(dest, text.encode("utf-8"))
    return True


def sidecar_path(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def suffix_for(content_type: str, path: Path) -> str | None:
    """The file suffix for a downloaded document, from its first bytes (else its content type); None when it is
    not a kind of document the indexer reads."""
    with path.open("rb") as fh:
        head = fh.read(2048)
    start = head.lstrip()[:512].lower()
    if b"%PDF-" in head[:1024]:
        return ".pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                return ".docx" if "word/document.xml" in zf.namelist() else None
        except zipfile.BadZipFile:
            return None
    if b"<html" in start or start.startswith(b"<!doctype"):
        return None  # an HTML page where a paper was expected: an error or sign-in page, not the paper
    return ".txt" if content_type == "text/plain" else None


def minutes_page(kind: str, context: str, title: str, body_html: str) -> bytes:
    """A small HTML page holding one agenda item's minutes or decision text as the council published it (with
    scripts, styles, frames and event handlers removed), headed by its meeting context ("Minutes: Audit Committee,
    10 February 2026, item 9: Work Programme"), which the index reads as the heading over the text; the item's title
    alone is the page's <title> (a heading of its own would be indexed as a paragraph holding nothing but it)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(body_html, "lxml")
    for tag in soup.find_all(UNSAFE_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        for attr in [a for a in tag.attrs if a.lower().startswith("on") or a.lower() in ("href", "src")
                     and str(tag.attrs[a]).strip().lower().startswith("javascript:")]:
            del tag.attrs[attr]
    body = soup.body.decode_contents() if soup.body else soup.decode()
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n"
        f"<h1>{html.escape(kind)}: {html.escape(context)}</h1>\n"
        f"{body}\n</body>\n</html>\n"
    ).encode()
