"""Read a PDF's text layer page by page with pypdf (BSD licence; its output is what the eval quotes use)."""

from __future__ import annotations

import logging
from pathlib import Path

from .extract import ExtractedDoc, ExtractError

logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly about harmless quirks


def extract_pdf(path: Path) -> ExtractedDoc:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
    except PdfReadError as exc:
        raise ExtractError(f"{path.name}: not a readable PDF ({str(exc).splitlines()[0][:120]})") from exc
    if reader.is_encrypted:
        try:
            ok = reader.decrypt("")
        except Exception:  # missing crypto backend or unsupported algorithm
            ok = 0
        if not ok:
            raise ExtractError(f"{path.name}: the PDF is password-protected; save an unprotected copy and index that")
    pages: list[list[str]] = []
    for page in reader.pages:
        text = page.extract_text() or ""
        pages.append([line.rstrip() for line in text.splitlines()])
    if pages and sum(len(line.strip()) for page in pages for line in page) < 20 * max(1, len(pages) // 4):
        raise ExtractError(
            f"{path.name}: no text layer (a scanned document?); run it through OCR first, then index it"
        )
    title = None
    try:
        meta = reader.metadata
        title = (meta.title or "").strip() if meta else None
    except Exception:
        title = None
    return ExtractedDoc(path=path, pages=pages, paged=True, title_hint=title or None)
