"""Scrutiny Assistant chat app: `streamlit run app.py`. Page routing only: each page is a module of assistant/ui/
(chat_page, tracker_page, library_page) and the engine does the work."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from assistant.ui import chat_page, library_page, tracker_page
from assistant.ui.resources import get_assistant

STATIC_DIR = Path(__file__).resolve().parent / "static"

st.set_page_config(page_title="Scrutiny Assistant", page_icon="📑", layout="wide")


def init_state() -> None:
    st.session_state.setdefault("turns", [])  # list[export.Turn]
    st.session_state.setdefault("context", None)  # conversation.Context of the last turn
    st.session_state.setdefault("uploader_key", 0)


init_state()
page = st.sidebar.radio("Page", ["Ask a question", "Commitments & findings", "Document library"], key="page",
                        label_visibility="collapsed")
current, problem = get_assistant()
if page == "Document library":
    library_page.render(current)
elif page == "Commitments & findings":
    tracker_page.render(current)
else:
    chat_page.render(current, problem, STATIC_DIR)
