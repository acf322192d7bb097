"""Heavy resources the app builds once per process (Streamlit's cache): the embedding model, one Assistant per index
version, the configured language model."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from ..api import Assistant
from ..index.embed import default_embedder
from ..index.store import IndexDamaged, IndexMismatch, IndexNotFound
from . import library


@st.cache_resource(show_spinner="Loading the language model…")
def load_embedder():
    return default_embedder()


@st.cache_resource(show_spinner="Loading the index…", max_entries=2)
def load_assistant(index: str, version: str) -> Assistant:
    """One Assistant per index version: a rebuilt index (here or by the CLI) is picked up on the next run."""
    return Assistant.load(index, embedder=load_embedder())


def index_version(index: Path) -> str:
    pointer = index / "CURRENT"
    return pointer.read_text(errors="replace").strip() if pointer.is_file() else ""


def get_assistant() -> tuple[Assistant | None, str | None]:
    index = library.index_dir()
    try:
        return load_assistant(str(index), index_version(index)), None
    except (IndexNotFound, IndexMismatch, IndexDamaged) as exc:
        return None, str(exc)


@st.cache_resource(show_spinner=False)
def load_llm() -> tuple[object | None, str]:
    """The language model configured by ASSISTANT_LLM / the settings file: (llm, description), or (None, why not)."""
    from ..answer.generate import LLMConfig, make_llm

    try:
        config = LLMConfig.from_env()
        if config is None:
            return None, ""
        return make_llm(config), config.describe()
    except Exception as exc:  # a bad setting or a missing package: the app stays usable, extractive
        return None, f"The language model is not available ({str(exc).splitlines()[0]})."
