"""Tracker records as a table, CSV (formula-safe) and a Word document: what the tracker and decision pages export."""

from __future__ import annotations

import csv
import io
import time

from ..track.items import KIND_LABELS, TrackRecord

COLUMNS = ["Date", "Organisation", "Type", "Statement", "Who", "By when", "Topic", "Area", "Grade", "Source"]


def rows(records: list[TrackRecord]) -> list[dict]:
    # the day a decision was taken where its paper says ("In November 2023, Cabinet took decision …" in a 2025
    # paper is of 2023-11, as `track` and `decisions` date it), else the paper's own date
    return [{"Date": r.when, "Organisation": r.organisation or "", "Type": KIND_LABELS[r.kind], "Statement": r.text,
             "Who": r.who or "", "By when": r.due or "", "Topic": r.topic or "", "Area": r.area or "",
             "Grade": r.grade or "", "Source": r.label} for r in records]


def to_csv(records: list[TrackRecord]) -> str:
    """The records as CSV; a cell that a spreadsheet would run as a formula (=, +, @, -…) starts with ' instead."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows({k: _inert(v) for k, v in row.items()} for row in rows(records))
    return buf.getvalue()


def _inert(cell: str) -> str:
    formula = cell[:1] in ("=", "+", "@", "\t", "\r") or (cell[:1] == "-" and cell[1:2] not in " ")
    return "'" + cell if formula else cell


def to_docx(records: list[TrackRecord], title: str = "Commitments and findings") -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    doc.add_paragraph(f"Generated {time.strftime('%d %B %Y')}. Every statement is copied from the paragraph it cites.")
    for r in records:
        p = doc.add_paragraph(style="List Bullet")
        p.add_run(f"{r.date or 'undated'} — {KIND_LABELS[r.kind]}").bold = True
        extra = "; ".join(x for x in (f"{r.area}: {r.grade}" if r.kind == "judgement" else "",
                                      f"who: {r.who}" if r.who else "", f"by when: {r.due}" if r.due else "") if x)
        p.add_run(f"{' (' + extra + ')' if extra else ''}: {r.text} ")
        p.add_run(f"[{r.label}]").italic = True
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
