"""The corpus's own words, each with its vector, for expanding a question's keyword query with the words the
documents use for what it asks about ("kids": children; "relatives": family, kinship; retrieve/expansion.py).

Built from the indexed paragraphs at every build (a few thousand distinct words, embedded through the build's
embedding cache), so the words are this corpus's, never a list written by hand."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

import numpy as np

from .lexical import STOPWORDS, tokenize

FILE = "vocabulary.npz"  # inside an index version folder
MIN_COUNT = 3  # a word printed fewer times is a name, a typing slip or too rare to say much (2 or 5: alike)
# a lower-case word (or two joined by a hyphen); a capitalised word is left out: in these papers it is mostly a name
_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z]+(?:-[a-z]+)?(?![\w'’-])")


def corpus_words(texts: Iterable[str], min_count: int = MIN_COUNT) -> list[str]:
    """The words printed in ``texts`` at least ``min_count`` times, most frequent first (ties in order of first
    appearance), without stopwords and two-letter words."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_WORD.findall(text))
    return [w for w, n in counts.most_common() if n >= min_count and len(w) > 2 and w not in STOPWORDS]


class Vocabulary:
    def __init__(self, words: list[str], vectors: np.ndarray, stems: list[str] | None = None) -> None:
        self.words = list(words)
        self.vectors = np.asarray(vectors, dtype=np.float32)  # one per word, of unit length
        self.stems = stems if stems is not None else [(t or [""])[0] for t in tokenize(self.words)]
        self._at = {w: i for i, w in enumerate(self.words)}

    def __len__(self) -> int:
        return len(self.words)

    def vector(self, word: str) -> np.ndarray | None:
        i = self._at.get(word)
        return None if i is None else self.vectors[i]

    @classmethod
    def build(cls, texts: Iterable[str], embed: Callable[[list[str]], np.ndarray]) -> Vocabulary:
        words = corpus_words(texts)
        vectors = embed(words) if words else np.zeros((0, 1), dtype=np.float32)
        return cls(words, vectors)

    def save(self, path: Path) -> None:
        with Path(path).open("wb") as fh:  # a file object: np.savez would add ".npz" to a name lacking it
            np.savez(fh, words=np.asarray(self.words, dtype=str), stems=np.asarray(self.stems, dtype=str),
                     vectors=np.asarray(self.vectors, dtype=np.float16))

    @classmethod
    def load(cls, path: Path) -> Vocabulary | None:
        """The saved vocabulary; None when the index has none (written by a test without one)."""
        if not Path(path).is_file():
            return None
        with np.load(path, allow_pickle=False) as z:
            return cls([str(w) for w in z["words"]], z["vectors"], [str(s) for s in z["stems"]])
