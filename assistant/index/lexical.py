"""Keyword side of hybrid search: BM25 (bm25s, the implementation LlamaIndex's BM25Retriever wraps)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..parse.normalise import search_form


@lru_cache(maxsize=1)
def stemmer():
    """Snowball English, as the keyword index stems words (the tracker's topics and the answer check stem alike)."""
    import Stemmer

    return Stemmer.Stemmer("english")


# bm25s's English list (33 words) plus the words questions are made of; "down", "up", "not" stay (step-down).
STOPWORDS = sorted({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "of", "on",
    "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "with", "what",
    "which", "who", "whom", "whose", "when", "where", "why", "how", "did", "does", "do", "say", "said", "says",
    "tell", "about", "any", "them", "has", "have", "had", "been", "being", "would", "could", "should", "can",
    "many", "much", "its", "our", "we", "us", "i", "me", "my", "you", "your", "from", "so", "were", "he", "she",
    "his", "her", "those", "some", "each", "other", "also", "just", "get", "got", "s",
})


_STOP = frozenset(STOPWORDS)
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s.tokenize's default token pattern (scikit-learn's)


def tokenize(texts: list[str]) -> list[list[str]]:
    """Each text's stemmed words, stopwords left out, as bm25s.tokenize gives them (the index is built with it).

    One text (a question, a sentence: what asking tokenises, often the same sentence again) is read by
    ``_tokens``, which does what bm25s does for it without bm25s's per-call set-up, and remembers it."""
    if len(texts) == 1:
        return [list(_tokens(texts[0]))]
    import bm25s

    return bm25s.tokenize([search_form(t) for t in texts], stopwords=STOPWORDS, stemmer=stemmer(),
                          show_progress=False, return_ids=False)


@lru_cache(maxsize=4096)
def _tokens(text: str) -> tuple[str, ...]:
    """bm25s.tokenize's steps for one text: lower-case, its token pattern, stopwords out, each word stemmed."""
    words = [w for w in _TOKEN.findall(search_form(text).lower()) if w not in _STOP]
    return tuple(stemmer().stemWords(words))


def _bm25(texts: list[str]):
    import bm25s

    retriever = bm25s.BM25()
    retriever.index(tokenize(texts) if texts else [["empty"]], show_progress=False)
    return retriever


class KeywordIndex:
    """BM25 over paragraphs and, optionally, over passage windows (parse/windows.py): a paragraph's score is the
    better of its own and its window's, as on the dense side a paragraph is as close as its closest vector."""

    WINDOWS = "windows"  # sub-folder of the saved index holding the windows' BM25 and each row's window

    def __init__(self, retriever, windows=None, window_of: np.ndarray | None = None) -> None:
        self._r = retriever
        self._windows = windows
        self._window_of = window_of

    @classmethod
    def build(cls, texts: list[str], windows: list[str] | None = None,
              window_of: np.ndarray | None = None) -> KeywordIndex:
        """``windows``: texts of passage windows; ``window_of``: each paragraph row's window (-1: none)."""
        if windows:
            return cls(_bm25(texts), _bm25(windows), np.asarray(window_of, dtype=np.int32))
        return cls(_bm25(texts))

    @classmethod
    def load(cls, path: Path) -> KeywordIndex:
        import bm25s

        paragraphs = bm25s.BM25.load(str(path), mmap=True)  # scores stay on disk until read
        folder = Path(path) / cls.WINDOWS
        if not folder.is_dir():
            return cls(paragraphs)
        return cls(paragraphs, bm25s.BM25.load(str(folder), mmap=True), np.load(folder / "window_of.npy"))

    def save(self, path: Path) -> None:
        self._r.save(str(path))
        if self._windows is not None:
            folder = Path(path) / self.WINDOWS
            self._windows.save(str(folder))
            np.save(folder / "window_of.npy", self._window_of)

    def knows(self, word: str) -> bool:
        """Whether some indexed paragraph prints ``word`` (as its stem; a stopword counts as printed)."""
        return all(t in self._r.vocab_dict for t in tokenize([word])[0])

    def scores(self, query: str, extra: dict[str, float] | None = None) -> np.ndarray:
        """BM25 score of every paragraph row for ``query`` (the better of its own and its window's), plus
        ``extra``: stemmed terms, each scored alone and added times its weight (query expansion)."""
        q = tokenize([query])[0]
        if not q and not extra:
            return np.zeros(self._r.scores["num_docs"], dtype=np.float32)
        own = weighted_scores(self._r, q, extra)
        if self._windows is None:
            return own
        in_window = self._window_of >= 0
        passage = np.zeros_like(own)
        passage[in_window] = weighted_scores(self._windows, q, extra)[self._window_of[in_window]]
        return np.maximum(own, passage)

    def term_scores(self, terms: list[str]) -> np.ndarray:
        """Each paragraph row's own BM25 score for stemmed ``terms`` (no windows: the terms are the row's own)."""
        return weighted_scores(self._r, [], {t: 1.0 for t in terms})


def weighted_scores(bm25, tokens: list[str], extra: dict[str, float] | None = None) -> np.ndarray:
    """bm25s's scores for ``tokens`` (words it has never seen add nothing), plus each ``extra`` term's own scores
    times its weight (BM25 sums over a query's terms, so the terms of one weight are scored in one pass)."""
    out = np.zeros(bm25.scores["num_docs"], dtype=np.float32)
    by_weight: dict[float, list[str]] = {1.0: list(tokens)}
    for term, weight in (extra or {}).items():
        by_weight.setdefault(weight, []).append(term)
    for weight, terms in by_weight.items():
        known = [t for t in terms if t in bm25.vocab_dict]
        if known:
            out += weight * np.asarray(bm25.get_scores(known), dtype=np.float32)
    return out
