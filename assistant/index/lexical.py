"""Keyword side of hybrid search: BM25 (bm25s, the implementation LlamaIndex's BM25Retriever wraps)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np

from ..parse.normalise import search_form


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


# bm25s's English list (33 words) plus the words questions are made of; "down", "up", "not" stay (step-down).
STOPWORDS = sorted({
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no", "of", "on",
    "or", "such", "that", "the", "their", "then", "there", "these", "they", "this", "to", "was", "with", "what",
    "which", "who", "whom", "whose", "when", "where", "why", "how", "did", "does", "do", "say", "said", "says",
    "tell", "about", "any", "them", "has", "have", "had", "been", "being", "would", "could", "should", "can",
    "many", "much", "its", "our", "we", "us", "i", "me", "my", "you", "your", "from", "so", "were", "he", "she",
    "his", "her", "those", "some", "each", "other", "also", "just", "get", "got", "there", "s",
})


def tokenize(texts: list[str]) -> list[list[str]]:
    import bm25s

    return bm25s.tokenize([search_form(t) for t in texts], stopwords=STOPWORDS, stemmer=_stemmer(),
                          show_progress=False, return_ids=False)


class KeywordIndex:
    def __init__(self, retriever) -> None:
        self._r = retriever

    @classmethod
    def build(cls, texts: list[str]) -> KeywordIndex:
        import bm25s

        retriever = bm25s.BM25()
        tokens = tokenize(texts) if texts else [["empty"]]
        retriever.index(tokens, show_progress=False)
        return cls(retriever)

    @classmethod
    def load(cls, path: Path) -> KeywordIndex:
        import bm25s

        return cls(bm25s.BM25.load(str(path), mmap=True))  # scores stay on disk until read

    def save(self, path: Path) -> None:
        self._r.save(str(path))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every paragraph row for ``query``."""
        q = tokenize([query])[0]
        if not q:
            return np.zeros(self._r.scores["num_docs"], dtype=np.float32)
        return np.asarray(self._r.get_scores(q), dtype=np.float32)
