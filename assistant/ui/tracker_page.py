"""The 'Commitments & findings' page: a filterable table of tracker records, a topic timeline, CSV/DOCX export."""

from __future__ import annotations

import csv
import io
import time

from ..track.records import KIND_LABELS, TrackRecord
from .cards import CARD_CSS, html_text, md_escape, text_html

COLUMNS = ["Date", "Organisation", "Type", "Statement", "Who", "By when", "Topic", "Area", "Grade", "Source"]


def rows(records: list[TrackRecord]) -> list[dict]:
    return [{"Date": r.date or "", "Organisation": r.organisation or "", "Type": KIND_LABELS[r.kind], "Statement": r.text,
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


def render(assistant) -> None:  # pragma: no cover - exercised through AppTest
    import streamlit as st

    from ..track.store import records_for, select
    from ..track.timeline import track

    st.title("Commitments & findings")
    st.markdown(CARD_CSS, unsafe_allow_html=True)
    if assistant is None:
        st.info("The library is empty: run `python -m assistant index source_docs/` first.")
        return
    data = assistant.retriever.data
    records = records_for(data)
    st.caption(f"{len(records)} statements taken from {len(data.docs)} documents: Ofsted judgements, findings and "
               "improvement items; committee commitments, recommendations and decisions. Each cites its paragraph.")
    orgs = sorted({r.organisation for r in records if r.organisation})
    c1, c2, c3, c4 = st.columns(4)
    chosen_orgs = c1.multiselect("Organisation", orgs, key="trk_orgs")
    chosen_kinds = c2.multiselect("Type", list(KIND_LABELS)[:-1], format_func=KIND_LABELS.get, key="trk_kinds")
    topic = c3.text_input("Topic", placeholder="e.g. caseloads, step-down", key="trk_topic").strip()
    years = sorted({r.date[:4] for r in records if r.date})
    since = c4.selectbox("From year", [""] + years, key="trk_since")
    chosen = select(records, kinds=chosen_kinds, orgs=chosen_orgs, topic=topic or None,
                    since=f"{since}-01-01" if since else None)
    table, timeline = st.tabs(["Table", "Topic timeline"])
    with table:
        st.dataframe(rows(chosen), hide_index=True, width="stretch", column_order=COLUMNS)
        if chosen:
            n = st.number_input("Show the source paragraph of row", min_value=1, max_value=len(chosen), value=1,
                                key="trk_row")
            r = chosen[int(n) - 1]
            with st.container(border=True):
                st.markdown(f"**{md_escape(r.label)}**")
                para = data.find_paragraph(r.doc, r.ordinal, r.paragraph_id)
                st.markdown(text_html(para.text if para else r.text), unsafe_allow_html=True)
        a, b, _ = st.columns([1, 1, 2])
        a.download_button("Export CSV", data=lambda: to_csv(chosen), file_name="commitments-findings.csv",
                          mime="text/csv", key="trk_csv", on_click="ignore")
        b.download_button("Export Word", data=lambda: to_docx(chosen), file_name="commitments-findings.docx",
                          mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                          key="trk_docx", on_click="ignore")
    with timeline:
        if not topic:
            st.caption("Type a topic above (e.g. step-down) to see its timeline across documents, oldest first.")
        else:
            entries = track(data, topic, chosen_orgs)
            if not entries:
                st.info(f"Nothing about “{md_escape(topic)}” was found.")
            for r in entries:
                st.markdown(f'<div class="sa-card"><b>{html_text(r.date or "")}</b> · {KIND_LABELS[r.kind]} — '
                            f'{html_text(r.text)}<br><i>[{html_text(r.label)}]</i></div>', unsafe_allow_html=True)
            if entries:
                st.download_button("Export timeline (Word)", data=lambda: to_docx(entries, f"Timeline: {topic}"),
                                   file_name="timeline.docx", key="trk_tl_docx", on_click="ignore",
                                   mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    from .decisions_page import render_decisions  # the decision trail section (assistant/ui/decisions_page.py)

    render_decisions(data, records)
