"""The 'Document library' page: what is indexed, add a document, remove one (the work is in library.py)."""

from __future__ import annotations

import streamlit as st

from ..api import Assistant
from ..records import DOC_TYPE_LABELS
from . import cards, library, sources
from .resources import load_embedder


def render(assistant: Assistant | None) -> None:
    st.title("Document library")
    if flash := st.session_state.pop("flash", None):
        (st.success if flash[0] else st.error)(cards.md_escape(flash[1]))
    index = library.index_dir()
    docs = assistant.documents() if assistant else []
    if assistant is not None:
        built = assistant.manifest.get("built_at", "")
        st.caption(f"{len(docs)} documents in the library; index last updated {built.replace('T', ' ')[:16]}.")
        st.dataframe(
            [{"Title": m.title, "Organisation": m.organisation or "", "Type": DOC_TYPE_LABELS.get(m.doc_type, m.doc_type),
              "Committee": m.committee or "", "Date": cards.short_date(m.date), "Pages": m.pages,
              "Paragraphs": assistant.paragraph_count(m.doc), "File": m.doc} for m in docs],
            hide_index=True, width="stretch")
    else:
        st.info("The library is empty: add a document below, or run `python -m assistant index source_docs/`.")

    st.subheader("Add a document")
    st.caption(f"PDF, Word (.docx), web page (.html) or text files, up to {library.MAX_UPLOAD_MB} MB. Naming the file "
               "like `medway_cyp-overview-scrutiny_2020-10-01_title.pdf` fills in the council, type and date.")
    upload = st.file_uploader("Choose a file", type=library.UPLOAD_TYPES, max_upload_size=library.MAX_UPLOAD_MB,
                              key=f"upload_{st.session_state.uploader_key}")
    if st.button("Add to the library", key="add_doc", disabled=upload is None, type="primary"):
        bar = st.progress(0, text="Checking the file…")
        bar.progress(20, text=f"Reading and indexing {upload.name} (this can take a minute)…")
        change = library.upload(index, library.source_dir(), upload.name, upload.getvalue(), embedder=load_embedder(),
                                log=lambda msg: bar.progress(20, text=f"{msg[0].upper()}{msg[1:]}"))
        bar.progress(100, text="Done.")
        st.session_state.flash = (change.ok, change.message)
        st.session_state.uploader_key += 1
        st.rerun()

    if docs:
        st.subheader("Remove a document")
        names = {m.doc: f"{m.title} ({cards.short_date(m.date)}) — {m.doc}" for m in docs}
        doc = st.selectbox("Document to remove", list(names), format_func=lambda d: names[d], index=None,
                           placeholder="Choose a document", key="remove_choice")
        if st.button("Remove from the library", key="remove_doc", disabled=doc is None):
            meta = assistant.document(doc)
            with st.spinner(f"Removing {doc}…"):
                change = library.remove_from_index(index, doc, sources.source_path(meta), library.source_dir())
            st.session_state.flash = (change.ok, change.message)
            st.rerun()
