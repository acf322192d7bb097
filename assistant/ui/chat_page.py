"""The 'Ask a question' page: filters, the conversation, answers with their source cards, briefing-note export."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import streamlit as st

from ..api import Assistant
from ..query.filters import DatesReversed
from ..query.plain import check_length
from ..records import DOC_TYPE_LABELS, Answer
from . import cards, conversation, export, library, sources
from .resources import load_llm

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
- Ask a follow-up such as *"and what about in 2023?"* and the council and year carry over; *"who proposed it?"*
  is asked about what your last question was about.
- Use the filters on the left to search only some documents.
- If the reports don't cover your question, you will be told so, with the nearest passages.
"""
SINCE_BOX, UNTIL_BOX = "From date", "To date"  # the sidebar's date boxes, as its messages name them


def _as_in_box(iso: str) -> str:
    """A date as the sidebar's date boxes show it (DD/MM/YYYY)."""
    return f"{date.fromisoformat(iso):%d/%m/%Y}"


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
    since = st.sidebar.date_input(SINCE_BOX, value=None, min_value=lo, max_value=hi, format="DD/MM/YYYY",
                                  key="f_since")
    until = st.sidebar.date_input(UNTIL_BOX, value=None, min_value=lo, max_value=hi, format="DD/MM/YYYY",
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


def render_source_control(assistant: Assistant, card: cards.Card, key: str, static_dir: Path) -> None:
    meta = assistant.document(card.doc)
    path = sources.source_path(meta, library.source_dir()) if meta else None
    if path is None:
        st.caption("Source file not available.")
        return
    page = f"page {card.page_start}" if card.page_start else "the document"
    if path.suffix.lower() == ".pdf" and st.get_option("server.enableStaticServing"):
        url = sources.page_url(sources.serve_pdf(meta, path, static_dir), card.page_start)
        st.markdown(f"[Open the PDF at {page} ↗]({url})")
        return
    st.download_button(f"Download the source ({path.suffix.lstrip('.').upper()})", data=lambda: path.read_bytes(),
                       file_name=path.name, mime=sources.mime_for(path), key=key, on_click="ignore")


def render_card(assistant: Assistant, card: cards.Card, n: int, key: str, static_dir: Path) -> None:
    with st.container(border=True):
        when = f" ({cards.short_date(card.date)})" if card.date else ""
        st.markdown(f"**{n}. {cards.md_escape(card.title)}{when}**")
        st.caption(cards.md_escape(cards.details(card)))
        st.markdown(cards.card_body_html(card), unsafe_allow_html=True)
        left, right = st.columns([3, 1])
        with left:
            st.code(cards.copy_text(card), language=None, wrap_lines=True)
        with right:
            render_source_control(assistant, card, key, static_dir)


def filters_caption(assistant: Assistant, answer: Answer) -> str:
    docs = assistant.documents()
    text = cards.describe_filters(answer.filters, {m.doc: m.title for m in docs},
                                  {m.org_slug: m.organisation for m in docs if m.org_slug})
    return f"Filters: {text}" if text else "Filters: none (all documents searched)"


def stream_lines(markdown: str):
    for line in markdown.splitlines(keepends=True):
        yield line
        time.sleep(0.04)


def abstention_notice(answer: Answer) -> str:
    """What the chat says when an answer declines: its own reason when it gives one beyond "the documents don't
    say this" (a council with nothing indexed, a year with no report, which council to name; escaped, since it
    may quote the question), then, when there are any, that the passages below are not an answer."""
    reason = cards.declined_reason(answer)
    generic = reason is None
    head = "The documents don't say this." if generic else cards.md_escape(reason)
    tail = (" Nothing below is an answer: these are only the nearest passages, which may help you rephrase the "
            "question or choose a filter.") if answer.nearest or generic else ""
    return head + tail


def render_answer(assistant: Assistant, turn: export.Turn, i: int, static_dir: Path, fresh: bool = False) -> None:
    answer = turn.answer
    if turn.understood_as:
        st.info(cards.md_escape(turn.understood_as), icon="↪️")
    if answer.abstained:
        st.warning(abstention_notice(answer))
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
        items = cards.one_per_paragraph([cards.Card.from_citation(c)
                                         for c in cards.in_answer_order(answer.citations, answer.answer)])
        st.markdown(f"**Sources ({len(items)})**")
    for n, card in enumerate(items, start=1):
        render_card(assistant, card, n, key=f"src_{i}_{n}", static_dir=static_dir)
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


def ask(assistant: Assistant, question: str, sidebar: dict, static_dir: Path, llm=None) -> None:
    try:
        check_length(question)
    except ValueError as exc:  # before the follow-up and its filters are read from it
        st.error(str(exc))
        return
    _, implied = assistant.resolve_filters(question, None)
    understood = conversation.understand(question, st.session_state.context, sidebar, named_orgs=implied.orgs,
                                         named_org_names=implied.org_names, named_years=implied.years,
                                         named_committees=implied.committees, named_days=implied.days,
                                         documents=assistant.documents())
    with st.chat_message("user"):
        st.markdown(cards.md_escape(question))
    with st.chat_message("assistant"):
        with st.spinner("Searching the documents…"):
            try:
                searched = understood.searched or question  # with the subject a follow-up points back to
                answer = generate(assistant, searched, understood.filters, llm) if llm is not None \
                    else assistant.ask(searched, understood.filters)
            except DatesReversed as exc:  # named as the sidebar's boxes name them, not as the command line's flags
                st.error(exc.worded(f"{SINCE_BOX} ({_as_in_box(exc.since)})",
                                    f"{UNTIL_BOX} ({_as_in_box(exc.until)})"))
                return
            except ValueError as exc:
                st.error(str(exc))
                return
        turn = export.Turn(question=question, answer=answer, understood_as=understood.note)
        st.session_state.turns.append(turn)
        st.session_state.context = conversation.context_after(understood, answer, assistant.documents())
        render_answer(assistant, turn, len(st.session_state.turns) - 1, static_dir, fresh=True)


def render(assistant: Assistant | None, problem: str | None, static_dir: Path) -> None:
    """The chat page; STATIC_DIR is where PDFs are served from (Streamlit's static folder next to app.py)."""
    st.title("Scrutiny Assistant")
    if assistant is None:
        # (the problem says how to build or repair it; the folder is ASSISTANT_INDEX_DIR's, or "index")
        st.info(f"{problem} The app reads the index in the folder that ASSISTANT_INDEX_DIR names (`index` when "
                "it is not set).")
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
            render_answer(assistant, turn, i, static_dir)
    if question and question.strip():
        ask(assistant, question.strip(), sidebar, static_dir, llm)
    sidebar_export()  # after asking, so that the new answer is in the note
