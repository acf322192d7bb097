"""The 'Decision trail' section of the Commitments & findings page: one decision's papers, oldest first, each cited.

Document text is shown only through st.text (never as Markdown or HTML): it is data, not formatting.
"""

from __future__ import annotations

from ..track.items import TrackRecord
from .tracker_export import to_docx

STAGE_LABELS = {"proposal": "Proposal", "recommendation": "Recommendation", "decision": "Decision",
                "call-in": "Call-in / referral", "response": "Response", "resolution": "Resolution", "minutes": "Minutes",
                "mention": "Mentioned"}


def trail_lines(r: TrackRecord) -> tuple[str, str, str]:
    """The three plain-text lines shown for one trail item: when and what, the statement, the citation (with the
    other places the same words are printed, as the command line names them: ``ledger.once``). A row recounted by a
    paper that never says when it was done is marked undated, with its paper's date, as the command line marks it."""
    when = r.when if r.dated and r.when else f"undated (paper of {r.date})" if r.date else "undated"
    head = " · ".join(x for x in (when, STAGE_LABELS.get(r.stage or "", r.stage or r.kind),
                                  r.who or "", r.status or "") if x)
    return head, r.text, f"[{r.label}]" + (f"  (also: {'; '.join(r.also)})" if r.also else "")


MAX_UNREFERENCED = 20  # decisions without a reference shown for one subject (the line gives how many were found)


def no_reference_line(words: str, found: int) -> str:
    """What the box says when no referenced decision is about WORDS: the decisions without a reference it found, or
    that it searched both kinds and found none."""
    if found:
        return (f"No decision with a reference (such as 24/00093) is about “{words}”; "
                f"{found} decision{'s' if found != 1 else ''} without a reference {'are' if found != 1 else 'is'}, "
                f"oldest first{f' (the first {MAX_UNREFERENCED} shown)' if found > MAX_UNREFERENCED else ''}:")
    return (f"No decision in the indexed papers, with a reference or without one, is about “{words}”: try other "
            "words, or choose a reference.")


def render_decisions(data, records: list[TrackRecord]) -> None:  # pragma: no cover - exercised through AppTest
    import streamlit as st

    from ..track.ledger import defined_terms, once, undated_last
    from ..track.trail import decision_refs, decision_trail, typed_ref, unreferenced_decisions

    st.subheader("Decision trail")
    refs = sorted({r.ref for r in records if r.kind == "decision" and r.ref}, reverse=True)
    if not refs:
        st.caption("No decision references (such as 24/00093) were found in the indexed papers.")
        return
    c1, c2 = st.columns(2)
    chosen = c1.selectbox("Decision reference", [""] + refs, key="dec_ref")
    words = c2.text_input("…or the decision's subject", placeholder="e.g. a service or a building",
                          key="dec_words").strip()
    defined = defined_terms(data) if words else None  # "JHOSC" also by the name the papers give it
    ref = chosen or typed_ref(words) or (next(iter(decision_refs(records, words, defined=defined)), None)
                                        if words else None)
    if not ref and words:
        # a decision printed without a reference (a council's resolution) is on no trail: it is listed by itself
        unreferenced = undated_last(once(unreferenced_decisions(records, words, defined=defined)))  # as the CLI lists them
        st.text(no_reference_line(words, len(unreferenced)))
        for r in unreferenced[:MAX_UNREFERENCED]:
            head, text, source = trail_lines(r)
            with st.container(border=True):
                st.text(head)
                st.text(text)
                st.text(source)
        return
    if not ref:
        st.caption("Choose a reference or type a subject to see the decision's papers: proposal, committee "
                   "recommendation, call-in, response, resolution and minutes, oldest first.")
        return
    trail = decision_trail(data, ref)
    st.text(f"Decision {ref}: {len(trail.items)} indexed statements, oldest first.")
    # the same words printed again (a recommendation on the cover and in the body): one row, as the CLI lists it
    trail.items = undated_last(once(trail.items))
    for r in trail.items:
        head, text, source = trail_lines(r)
        with st.container(border=True):
            st.text(head)
            st.text(text)
            st.text(source)
    if trail.items:
        st.download_button("Export trail (Word)", data=lambda: to_docx(trail.items, f"Decision {ref}"),
                           file_name=f"decision-{ref.replace('/', '-')}.docx", key="dec_docx", on_click="ignore",
                           mime="application/vnd.openxmlformats-officedocument.wordprocessingml.document")
