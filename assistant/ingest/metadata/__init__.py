"""A document's DocMeta (title, organisation, type, committee, date): from its file name when it follows the
corpus convention (file_name.py), else from its text (from_text.py); a sidecar or manifest row overrides either
(overrides.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...records import DocMeta
from ..document import ExtractedDoc
from .file_name import org_display_name, org_slug_for, parse_file_name
from .from_text import _committee, _date, _doc_type, _head, _inspection_dates, _organisation, _title
from .overrides import _validated, load_overrides, read_manifest

__all__ = ["build_meta", "load_overrides", "org_display_name", "org_slug_for", "parse_file_name", "read_manifest"]


def build_meta(
    path: Path, doc: ExtractedDoc, sha256: str, pages: int | None, overrides: dict | None = None
) -> DocMeta:
    """Metadata from the file name when it follows the corpus pattern, else from the text; overrides win."""
    path = Path(path)
    name = parse_file_name(path.name)
    head = _head(doc)
    doc_type = _doc_type(name, head)
    organisation, org_slug = _organisation(name, head, doc_type)
    committee = _committee(name, head) if doc_type != "ofsted-inspection" else None
    date = name.date if name else _date(head, doc_type)
    title = _title(name, head, doc, doc_type, organisation, committee, date, path)
    fields: dict[str, Any] = {
        "title": title, "organisation": organisation, "org_slug": org_slug, "doc_type": doc_type,
        "committee": committee, "date": date,
        "inspected": _inspection_dates(head) if doc_type == "ofsted-inspection" else None,
    }
    if overrides:
        fields.update(_validated(overrides, path.name))
    return DocMeta(doc=path.name, pages=pages, sha256=sha256, path=str(path), **fields)
