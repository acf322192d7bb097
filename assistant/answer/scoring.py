"""How well each sentence of a retrieved paragraph answers the question: its stored vector against the question's,
plus the question's words it shares, and how typical of its whole document it is; and whether a text gives the
kind of answer asked for (a figure, a date, a name ...), which every later step of the answer asks.
"""

from __future__ import annotations

import re
from typing import Callable

import numpy as np

from ..index.embed import Embedder
from ..index.lexical import tokenize
from ..parse.sentences import split_sentences
from ..query import kinds as question_types
from ..query.counted import counted, zero_count
from ..records import Hit
from ..text.dates import MONTHS_PATTERN, month_number
from .people import names_author

SentenceVectors = Callable[[int], np.ndarray]  # paragraph row -> its sentences' stored vectors
Typicality = Callable[[int], np.ndarray]  # paragraph row -> how typical of its document each sentence is


def holds(kind: str, text: str, question: str, para: str | None = None, in_words: bool = False,
          written: str | None = None) -> bool:
    """Whether ``text`` states an answer of ``kind`` (query/kinds.py, strictly: an age is not a count). ``para``:
    the printed number of the paragraph ``text`` begins, which is not a figure however it is printed ("1 Verbatim
    comments refer to …", a footnote the parser numbered). ``in_words``: a share written in words ("almost a third
    of posts") gives a rate, as it does when no quote gives one in figures. ``written``: the date of the document
    ``text`` is from (ISO): a month it names after it is still to come, whatever the tense ("The final phase of
    this expansion was set for September 2025." in January 2025's minutes says when something will happen)."""
    if in_words and kind == "rate" and question_types.SHARE_IN_WORDS.search(text):
        return True
    if kind == "future" and written and dated_after(text, written) and not _CALLED_OFF.search(text):
        return True
    if para and text.lstrip().startswith(para) and text.lstrip()[len(para):][:1] in (" ", ".", ")", "\n"):
        text = text.lstrip()[len(para):]
    if kind in ("name", "person") and names_author(text, question):  # "Report Author Nick Abrahams …" (people.py)
        return True
    if question_types.holds(kind, text, question, strict=True):
        return True
    # "how many children are looked after?" is answered by "there are no children who are looked after"
    return kind == "number" and zero_count(counted(question)[0], text)


# a month of a year ("September 2025", "1 April 2026") or a season of one ("Spring 2026") that something is set for:
# "was set for September 2025", "had plans to reach stage two in January 2026", "by March 2026"; not a span's end
# ("the forecast expenditure … through to April 2026")
_MONTH_OF_YEAR = re.compile(r"(?:\b(?:set|planned|plans?|scheduled|due|expected|aim(?:ed|s|ing)?|target(?:ed|s)?|"
                            r"intend(?:ed|s)?|anticipated|timetabled)\b[^.;:]{0,60}?\b(?:for|in|by|from|on|during)|"
                            r"\bby(?:\s+the\s+end\s+of)?)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
                            r"(" + MONTHS_PATTERN + r"|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)\s+((?:19|20)\d\d)\b")
_CALLED_OFF = re.compile(r"\b(?:postponed|cancell?ed|called off|abandoned|withdrawn)\b", re.IGNORECASE)  # a date
# that will not come: "had been scheduled for June 2020 but were postponed"
_SEASON_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "winter": 12}


def dated_after(text: str, written: str) -> bool:
    """Whether ``text`` sets something for a month (or season) of a year later than the month of ``written`` (an
    ISO date): from its document's own day, that month is still to come."""
    try:
        then = (int(written[:4]), int(written[5:7]))
    except ValueError:
        return False
    for m in _MONTH_OF_YEAR.finditer(text):
        name = m.group(1).lower()
        month = _SEASON_MONTH.get(name) or month_number(m.group(1))
        if (int(m.group(2)), month) > then:
            return True
    return False


def stems(text: str) -> set[str]:
    return set(tokenize([text])[0])


def sentence_typicality(typicality: Typicality | None, h: Hit, n: int) -> np.ndarray:
    """Each of ``h``'s ``n`` sentences' typicality of its document (IndexData.typicality_of); zeros when unknown."""
    got = typicality(h.row) if typicality is not None and h.row is not None else None
    return got if got is not None and len(got) == n else np.zeros(n, dtype=np.float32)


def score_sentences(question: str, qvec: np.ndarray, hits: list[Hit], embedder: Embedder,
                     stored: SentenceVectors | None = None) -> dict[str, tuple[list[str], np.ndarray]]:
    """For each hit: its sentences and how well each answers the question (cosine + shared words).

    Sentence vectors come from the index (embedded at build time); only sentences of paragraphs without
    stored vectors (e.g. hits made up in tests) are embedded now, in one batch."""
    per_hit = [(h, split_sentences(h.paragraph.text)) for h in hits]
    vectors: list[np.ndarray | None] = []
    for h, sentences in per_hit:
        vecs = stored(h.row) if stored is not None and h.row is not None else None
        vectors.append(vecs if vecs is not None and len(vecs) == len(sentences) else None)
    missing = [s for (_, sentences), v in zip(per_hit, vectors) if v is None for s in sentences]
    fresh = iter(embedder.embed(missing)) if missing else iter(())
    out: dict[str, tuple[list[str], np.ndarray]] = {}
    q = stems(question)
    for (h, sentences), vecs in zip(per_hit, vectors):
        if not sentences:
            out[h.paragraph.id] = ([], np.zeros(0, dtype=np.float32))
            continue
        if vecs is None:
            vecs = np.stack([next(fresh) for _ in sentences])
        cos = np.asarray(vecs, dtype=np.float32) @ qvec
        overlap = np.array([len(q & stems(s)) / max(1, len(q)) for s in sentences], dtype=np.float32)
        out[h.paragraph.id] = (sentences, cos + 0.35 * overlap)
    return out
