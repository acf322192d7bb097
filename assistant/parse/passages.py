"""Passages: a document's running text cut into overlapping chunks of about 256 word pieces (LlamaIndex's
``SentenceSplitter``, the chunker of the plain LlamaIndex recipe), each knowing the paragraphs it covers.

A passage is what a fixed-size chunker reads: the end of one section, its next heading and the start of the
next; a council question and its answer; a form's labels and their values; a table's rows under their title; two
neighbouring findings of an inspection report. It is scored as one more text on each side of the search
(retrieve/hybrid.py) and lends its score to every paragraph it covers, while the citation stays one printed
paragraph. Unlike passage windows (windows.py: runs of a committee paper's short paragraphs, read as if they were
the paragraph) passages cover all of every document's text, overlap, and are fused as a signal of their own.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..records import DocMeta, Paragraph

PASSAGE_TOKENS = 256  # what all-MiniLM-L6-v2 reads, and the recipe's chunk size
PASSAGE_OVERLAP = 20


@lru_cache(maxsize=1)
def _splitter():
    from llama_index.core.node_parser import SentenceSplitter

    return SentenceSplitter(chunk_size=PASSAGE_TOKENS, chunk_overlap=PASSAGE_OVERLAP)


def passages(paragraphs: Sequence[Paragraph], keep: Sequence[bool] | None = None) -> list[tuple[str, list[int]]]:
    """(text, positions in ``paragraphs`` it covers) of each passage of one document (its paragraphs in order),
    read from the paragraphs worth embedding (``keep``: boilerplate such as a contents page, an agenda's item list
    or a notice is left out of passages as it is out of the vectors, parse/embeddable.py)."""
    spans = []
    parts = []
    at = 0
    for i, p in enumerate(paragraphs):
        if keep is not None and not keep[i]:
            continue
        spans.append((at, at + len(p.text), i))
        parts.append(p.text)
        at += len(p.text) + 2
    if not parts:
        return []
    text = "\n\n".join(parts)
    out = []
    cursor = 0
    for chunk in _splitter().split_text(text):
        start = text.find(chunk, cursor)
        if start < 0:
            start = text.find(chunk)
        if start < 0:
            continue  # (the splitter gives the text's own characters; a chunk it rewrote is left out)
        end = start + len(chunk)
        covered = [i for a, z, i in spans if a < end and z > start]
        if covered:
            out.append((chunk, covered))
        cursor = start + 1
    return out


def passage_text(chunk: str, meta: DocMeta) -> str:
    """What is embedded and keyword-scored for a passage: the document's name, meeting and date, then the chunk
    (as the recipe puts a node's file name and page in front of its text)."""
    about = " ".join(x for x in (meta.short_name, meta.committee or "", meta.date or "") if x)
    return f"{about}\n{chunk}"
