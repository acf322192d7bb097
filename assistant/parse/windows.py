"""Passage windows: runs of consecutive paragraphs of a document read together. Each window is embedded as one
extra vector that each of its paragraphs also carries, and scored by BM25 as one more text; a paragraph is found
by its own text or by its window's, whichever matches better, and is still cited alone.

Committee papers are written in pieces that mean little alone: a council question and the answer under it, a
form's labelled fields, a list's items under their lead-in, a vote under its motion. A fixed-size chunker gets
that context by accident; here it is added on purpose while every citation stays a single printed paragraph.
Inspection reports are written as self-contained numbered paragraphs and get no windows.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

import numpy as np

from ..records import DocMeta, Paragraph
from .embeddable import embeddable

WINDOW_WORDS = 180  # about 240 word pieces: what MiniLM reads (256) less the heading and document context
SELF_CONTAINED = frozenset({"ofsted-inspection"})  # document types written as self-contained paragraphs


def window_groups(paragraphs: Sequence[Paragraph], meta: DocMeta, keep: Sequence[bool]) -> list[list[int]]:
    """Positions in ``paragraphs`` (one document's, in order) of each window: greedy runs of two or more
    consecutive paragraphs worth embedding (``keep``) of at most ``WINDOW_WORDS`` words together. A paragraph
    that fills a window alone is in none (its own text is its window)."""
    if meta.doc_type in SELF_CONTAINED:
        return []
    groups: list[list[int]] = []
    run: list[int] = []
    words = 0
    for i, (p, k) in enumerate(zip(paragraphs, keep)):
        if not k:
            continue
        n = len(p.text.split())
        if run and words + n > WINDOW_WORDS:
            groups.append(run)
            run, words = [], 0
        if n >= WINDOW_WORDS:
            continue
        run.append(i)
        words += n
    groups.append(run)
    return [g for g in groups if len(g) > 1]


def _window_text(paragraphs: Sequence[Paragraph], group: list[int]) -> str:
    return "\n".join(paragraphs[i].text for i in group)


def passage_windows(paragraphs: Sequence[Paragraph], meta: DocMeta, keep: Sequence[bool]
                    ) -> dict[int, tuple[str, str]]:
    """Paragraph ordinal -> (its window's text, the heading of the window's first paragraph)."""
    out: dict[int, tuple[str, str]] = {}
    for group in window_groups(paragraphs, meta, keep):
        text = _window_text(paragraphs, group)
        for i in group:
            out[paragraphs[i].ordinal] = (text, paragraphs[group[0]].heading or "")
    return out


def keyword_windows(paragraphs: Sequence[Paragraph], docs: dict[str, DocMeta]) -> tuple[list[str], np.ndarray]:
    """For the keyword index over all rows (each document's paragraphs contiguous and in order): the windows'
    texts (heading, then the paragraphs) and each row's window (-1 for none)."""
    window_of = np.full(len(paragraphs), -1, dtype=np.int32)
    texts: list[str] = []
    for doc, run in groupby(range(len(paragraphs)), key=lambda row: paragraphs[row].doc):
        rows = list(run)
        ps = [paragraphs[r] for r in rows]
        meta = docs[doc]
        for group in window_groups(ps, meta, [embeddable(p, meta) for p in ps]):
            window_of[[rows[i] for i in group]] = len(texts)
            texts.append(f"{ps[group[0]].heading or ''}\n" + _window_text(ps, group))
    return texts, window_of
