"""The 'Commitments & findings' page: a filterable table of tracker records, a topic timeline, CSV/DOCX export."""

from __future__ import annotations

from ..track.items import KIND_LABELS
from .cards import CARD_CSS, html_text, md_escape, text_html
from .decisions_page import render_decisions  # the decision trail section
from .tracker_export import COLUMNS, rows, to_csv, to_docx

__all__ = ["COLUMNS", "render", "rows", "to_csv", "to_docx"]


def render(assistant) -> None:  # pragma: no cover - exercised through AppTest
    import streamlit as st

    from ..track.ledger import once, records_for, select
    from ..track.timeline import track
    from ..track.topics import short_topic_line, too_short

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
    if topic and too_short(topic):  # "x" would list every row that prints an X
        st.info(short_topic_line(topic))
        topic = ""
    years = sorted({r.date[:4] for r in records if r.date})
    since = c4.selectbox("From year", [""] + years, key="trk_since")
    chosen = once(select(records, kinds=chosen_kinds, orgs=chosen_orgs, topic=topic or None,
                         since=f"{since}-01-01" if since else None))  # the same words on several pages: one row
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
            entries = once(track(data, topic, chosen_orgs))
            if not entries:
                st.info(f"Nothing about “{md_escape(topic)}” was found.")
            for r in entries:
                st.markdown(f'<div class="sa-card"><b>{html_text(r.when or "")}</b> · {KIND_LABELS[r.kind]} — '
                            f'{html_text(r.text)}<br><i>[{html_text(r.label)}]</i>'
                            f'{html_text(" (also: " + "; ".join(r.also) + ")") if r.also else ""}</div>',
                            unsafe_allow_html=True)
            if entries:
                st.download_button("Export timeline (Word)", data=lambda: to_docx(entries, f"Timeline: {topic}"),
                                   file_name="timeline.docx", key="trk_tl_docx", on_click="ignore",
                                   mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    render_decisions(data, records)
