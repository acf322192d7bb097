"""Context for short paragraphs: a table cell, a form field or a one-line answer means little alone, so the
text it is embedded with also carries the end of the paragraph before it in the same section (what a
fixed-size chunker gets by accident). The paragraph's citation and displayed text are unchanged."""

from __future__ import annotations

from ..records import Paragraph

SHORT_WORDS = 15  # paragraphs shorter than this (table cells, form fields, one-line answers) get context
CONTEXT_WORDS = 50  # how much of the neighbour is added


def neighbour_context(paragraphs: list[Paragraph], i: int) -> str:
    """The end of the previous paragraph under the same heading (or the start of the next one, for a section's
    first paragraph) when paragraph ``i`` is short; "" otherwise."""
    p = paragraphs[i]
    if len(p.text.split()) >= SHORT_WORDS:
        return ""
    if i > 0 and paragraphs[i - 1].heading == p.heading and paragraphs[i - 1].doc == p.doc:
        words = paragraphs[i - 1].text.split()
        return " ".join(words[-CONTEXT_WORDS:])
    if i + 1 < len(paragraphs) and paragraphs[i + 1].heading == p.heading and paragraphs[i + 1].doc == p.doc:
        words = paragraphs[i + 1].text.split()
        return " ".join(words[:CONTEXT_WORDS])
    return ""
