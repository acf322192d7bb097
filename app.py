"""Scrutiny Assistant chat app: `streamlit run app.py` (layout and session state only; the engine does the work)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import streamlit as st

from assistant.api import Assistant
from assistant.index.embed import default_embedder
from assistant.records import DOC_TYPE_LABELS, Answer
from assistant.index.store import IndexDamaged, IndexMismatch, IndexNotFound
from assistant.ui import cards, conversation, export, library, sources, tracker_page

APP_DIR = Path(__file__).resolve().parent
STATIC_DIR = APP_DIR / "static"
EXAMPLES = [
    "What did inspectors say about step-down?",
    "What did Ofsted say about caseloads in Medway in 2019?",
    "How many extra social work posts were created?",
]
HOW_TO_ASK = """
Ask a question in plain English about the reports in the library. Every statement in an answer is copied
from a report and ends with its source in square brackets; the paragraph itself is shown underneath,
with the sentence used highlighted.

- Name a council or a year to narrow the search, e.g. *"in Medway in 2019"*.
- Ask a follow-up such as *"and what about in 2023?"* and the council and year carry over.
- Use the filters on the left to search only some documents.
- If the reports don't cover your question, you will be told so, with the nearest passages.
"""

st.set_page_config(page_title="Scrutiny Assistant", page_icon="📑", layout="wide")


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
    from assistant.answer.generate import LLMConfig, make_llm

    try:
        config = LLMConfig.from_env()
        if config is None:
            return None, ""
        return make_llm(config), config.describe()
    except Exception as exc:  # a bad setting or a missing package: the app stays usable, extractive
        return None, f"The language model is not available ({str(exc).splitlines()[0]})."


def sidebar_answer_style():
    """A choice of answer style, offered only when a language model is configured."""
    llm, about = load_llm()
    if llm is None:
        if about:
            st.sidebar.caption(about)
        return None
    st.sidebar.subheader("Answer style")
    style = st.sidebar.radio("How answers are written", ["Quotes from the documents", "Written by the language model"],
                             key="answer_style", help=f"{about}. Every written sentence is checked against the "
                             "paragraph it cites; sentences the documents don't support are not shown.")
    return llm if style.startswith("Written") else None


def init_state() -> None:
    st.session_state.setdefault("turns", [])  # list[export.Turn]
    st.session_state.setdefault("context", None)  # conversation.Context of the last turn
    st.session_state.setdefault("uploader_key", 0)


# ---------------------------------------------------------------- sidebar


def sidebar_filters(assistant: Assistant) -> dict:
    docs = assistant.documents()
    orgs = {m.org_slug: m.organisation for m in docs if m.org_slug}
    types = sorted({m.doc_type for m in docs})
    committees = sorted({m.committee for m in docs if m.committee})
    dates = sorted(m.date for m in docs if m.date)
    st.sidebar.subheader("Search only…")
    chosen_orgs = st.sidebar.multiselect("Organisation", list(orgs), format_func=lambda s: orgs[s] or s, key="f_orgs")
    chosen_types = st.sidebar.multiselect("Document type", types, format_func=lambda t: DOC_TYPE_LABELS.get(t, t),
                                          key="f_types")
    chosen_committees = st.sidebar.multiselect("Committee", committees, key="f_committees") if committees else []
    lo = date.fromisoformat(dates[0]) if dates else None
    hi = date.fromisoformat(dates[-1]) if dates else None
    since = st.sidebar.date_input("From date", value=None, min_value=lo, max_value=hi, format="DD/MM/YYYY",
                                  key="f_since")
    until = st.sidebar.date_input("To date", value=None, min_value=lo, max_value=hi, format="DD/MM/YYYY",
                                  key="f_until")
    titles = {m.doc: f"{m.title} ({cards.short_date(m.date)})" if m.date else m.title for m in docs}
    chosen_docs = st.sidebar.multiselect("Documents", list(titles), format_func=lambda d: titles[d], key="f_docs")
    filters: dict = {"orgs": chosen_orgs, "doc_types": chosen_types, "committees": chosen_committees,
                     "docs": chosen_docs, "since": since.isoformat() if since else None,
                     "until": until.isoformat() if until else None}
    return {k: v for k, v in filters.items() if v}


def sidebar_export() -> None:
    turns = st.session_state.turns
    st.sidebar.subheader("Briefing note")
    if not turns:
        st.sidebar.caption("Ask a question first; you can then download the conversation as a briefing note.")
        return
    st.sidebar.download_button("Download conversation (Word)", data=lambda: export.to_docx(turns),
                               file_name="briefing-note.docx", mime=sources.MIME[".docx"], key="dl_all_docx",
                               on_click="ignore")
    st.sidebar.download_button("Download conversation (Markdown)", data=lambda: export.to_markdown(turns),
                               file_name="briefing-note.md", mime="text/markdown", key="dl_all_md",
                               on_click="ignore")
    if st.sidebar.button("Start a new conversation", key="new_conversation"):
        st.session_state.turns = []
        st.session_state.context = None
        st.rerun()


# ---------------------------------------------------------------- answers and cards


def render_source_control(assistant: Assistant, card: cards.Card, key: str) -> None:
    meta = assistant.retriever.data.docs.get(card.doc)
    path = sources.source_path(meta, library.source_dir()) if meta else None
    if path is None:
        st.caption("Source file not available.")
        return
    page = f"page {card.page_start}" if card.page_start else "the document"
    if path.suffix.lower() == ".pdf" and st.get_option("server.enableStaticServing"):
        url = sources.page_url(sources.serve_pdf(meta, path, STATIC_DIR), card.page_start)
        st.markdown(f"[Open the PDF at {page} ↗]({url})")
        return
    st.download_button(f"Download the source ({path.suffix.lstrip('.').upper()})", data=lambda: path.read_bytes(),
                       file_name=path.name, mime=sources.mime_for(path), key=key, on_click="ignore")


def render_card(assistant: Assistant, card: cards.Card, n: int, key: str) -> None:
    with st.container(border=True):
        when = f" ({cards.short_date(card.date)})" if card.date else ""
        st.markdown(f"**{n}. {cards.md_escape(card.title)}{when}**")
        st.caption(cards.md_escape(cards.details(card)))
        st.markdown(cards.card_body_html(card), unsafe_allow_html=True)
        left, right = st.columns([3, 1])
        with left:
            st.code(cards.copy_text(card), language=None, wrap_lines=True)
        with right:
            render_source_control(assistant, card, key)


def filters_caption(assistant: Assistant, answer: Answer) -> str:
    docs = assistant.documents()
    text = cards.describe_filters(answer.filters, {m.doc: m.title for m in docs},
                                  {m.org_slug: m.organisation for m in docs if m.org_slug})
    return f"Filters: {text}" if text else "Filters: none (all documents searched)"


def stream_lines(markdown: str):
    for line in markdown.splitlines(keepends=True):
        yield line
        time.sleep(0.04)


def render_answer(assistant: Assistant, turn: export.Turn, i: int, fresh: bool = False) -> None:
    answer = turn.answer
    if turn.understood_as:
        st.info(cards.md_escape(turn.understood_as), icon="↪️")
    if answer.abstained:
        st.warning("The documents don't say this. Nothing below is an answer: these are only the nearest passages, "
                   "which may help you rephrase the question or choose a filter.")
    elif fresh:
        st.write_stream(stream_lines(cards.answer_markdown(answer.answer)))
    else:
        st.markdown(cards.answer_markdown(answer.answer))
    st.caption(cards.md_escape(filters_caption(assistant, answer)))
    if answer.abstained:
        items = [cards.Card.from_hit(h) for h in answer.nearest]
        if items:
            st.markdown("**Nearest passages (not an answer)**")
    else:
        items = [cards.Card.from_citation(c) for c in cards.in_answer_order(answer.citations, answer.answer)]
        st.markdown(f"**Sources ({len(items)})**")
    for n, card in enumerate(items, start=1):
        render_card(assistant, card, n, key=f"src_{i}_{n}")
    a, b, _ = st.columns([1, 1, 2])
    a.download_button("This answer as Word", data=lambda: export.to_docx([turn]), file_name=f"answer-{i + 1}.docx",
                      mime=sources.MIME[".docx"], key=f"dl_docx_{i}", on_click="ignore")
    b.download_button("This answer as Markdown", data=lambda: export.to_markdown([turn]),
                      file_name=f"answer-{i + 1}.md", mime="text/markdown", key=f"dl_md_{i}", on_click="ignore")


def generate(assistant: Assistant, question: str, filters: dict, llm) -> Answer:
    """Show the model's draft as it is written, then replace it with the checked answer."""
    draft, answer = "", None
    box = st.empty()
    for part in assistant.stream(question, filters, llm=llm):
        if isinstance(part, str):
            draft += part
            box.caption(f"Draft, being checked against the sources: {cards.md_escape(draft)}")
        else:
            answer = part
    box.empty()
    if answer.extra.get("llm_error"):
        st.warning(answer.extra["llm_error"])
    elif answer.extra.get("dropped_sentences"):
        st.caption(f"{answer.extra['dropped_sentences']} sentence(s) of the draft were left out because the cited "
                   "paragraphs don't support them.")
    return answer


def ask(assistant: Assistant, question: str, sidebar: dict, llm=None) -> None:
    _, implied = assistant.resolve_filters(question, None)
    understood = conversation.understand(question, st.session_state.context, sidebar, named_orgs=implied.orgs,
                                         named_org_names=implied.org_names, named_years=implied.years)
    with st.chat_message("user"):
        st.markdown(cards.md_escape(question))
    with st.chat_message("assistant"):
        with st.spinner("Searching the documents…"):
            try:
                answer = generate(assistant, question, understood.filters, llm) if llm is not None \
                    else assistant.ask(question, understood.filters)
            except ValueError as exc:
                st.error(str(exc))
                return
        turn = export.Turn(question=question, answer=answer, understood_as=understood.note)
        st.session_state.turns.append(turn)
        st.session_state.context = conversation.context_after(understood, answer)
        render_answer(assistant, turn, len(st.session_state.turns) - 1, fresh=True)


def chat_page(assistant: Assistant | None, problem: str | None) -> None:
    st.title("Scrutiny Assistant")
    if assistant is None:
        st.info(f"{problem} To build it, run `make run` or `python -m assistant index source_docs/`.")
        return
    st.markdown(cards.CARD_CSS, unsafe_allow_html=True)
    sidebar = sidebar_filters(assistant)
    llm = sidebar_answer_style()
    turns: list[export.Turn] = st.session_state.turns
    question = st.chat_input("Ask about the reports, e.g. what did inspectors say about step-down?", key="question")
    if not turns and not question:
        st.caption(f"Answers come only from the {len(assistant.documents())} documents in the library, "
                   "each statement with its source.")
        with st.expander("How to ask", expanded=True):
            st.markdown(HOW_TO_ASK)
        st.markdown("**Try one of these:**")
        for n, example in enumerate(EXAMPLES):
            if st.button(example, key=f"example_{n}"):
                question = example
    for i, turn in enumerate(turns):
        with st.chat_message("user"):
            st.markdown(cards.md_escape(turn.question))
        with st.chat_message("assistant"):
            render_answer(assistant, turn, i)
    if question and question.strip():
        ask(assistant, question.strip(), sidebar, llm)
    sidebar_export()  # after asking, so that the new answer is in the note


# ---------------------------------------------------------------- library


def library_page(assistant: Assistant | None) -> None:
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
            meta = assistant.retriever.data.docs[doc]
            with st.spinner(f"Removing {doc}…"):
                change = library.remove_from_index(index, doc, sources.source_path(meta), library.source_dir())
            st.session_state.flash = (change.ok, change.message)
            st.rerun()


# ---------------------------------------------------------------- layout

init_state()
page = st.sidebar.radio("Page", ["Ask a question", "Commitments & findings", "Document library"], key="page",
                        label_visibility="collapsed")
current, problem = get_assistant()
if page == "Document library":
    library_page(current)
elif page == "Commitments & findings":
    tracker_page.render(current)
else:
    chat_page(current, problem)
