"""Step 5a: the keyword query widened with the corpus's words nearest in meaning to the question's own.

A councillor asks about "kids", "spend" or "relatives"; the papers say "children", "budget" and "family".
BM25 matches neither, and for paraphrased questions that share no word with the answer the keyword side then
only adds noise. Each of the question's lower-case words is compared, by the embedding model's vectors, with every
word of the corpus (index/vocabulary.py); the nearest (at least ``least`` cosine, at most ``per_word`` each, none
already in the query) join the keyword query with a fraction of a word's weight (Kuzi, Shtok and Kurland, "Query
expansion using word embeddings", CIKM 2016). Nothing is written by hand: the words and their neighbours come
from the documents indexed."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from ..index.lexical import STOPWORDS, tokenize
from ..index.vocabulary import Vocabulary

# a question's own word: lower-case (a capitalised word past the first is a name: a council's, a service's)
_WORD = re.compile(r"[A-Za-z][A-Za-z]+(?:-[a-z]+)?")


def question_words(query: str) -> list[str]:
    """The query's words that may be widened: not stopwords, names or numbers, each once, lower-cased."""
    out = [w for i, w in enumerate(_WORD.findall(query))
           if len(w) > 2 and w.lower() not in STOPWORDS and (i == 0 or not w[0].isupper())]
    return list(dict.fromkeys(w.lower() for w in out))


def related_terms(query: str, vocabulary: Vocabulary | None, embed: Callable[[list[str]], np.ndarray],
                  weight: float, least: float, per_word: int) -> dict[str, float]:
    """Stemmed terms to add to the keyword query, each with ``weight`` (a query word's own weight is 1).

    A word the corpus prints has its vector stored; only the question's other words are run through the model,
    in one batch."""
    if vocabulary is None or not len(vocabulary) or weight <= 0 or per_word <= 0:
        return {}
    words = question_words(query)
    if not words:
        return {}
    stored = [vocabulary.vector(w) for w in words]
    missing = [w for w, v in zip(words, stored) if v is None]
    fresh = iter(np.asarray(embed(missing), dtype=np.float32)) if missing else iter(())
    asked = np.stack([v if v is not None else next(fresh) for v in stored]).astype(np.float32)
    own = set(tokenize([query])[0])
    similar = asked @ vocabulary.vectors.T
    out: dict[str, float] = {}
    for row in similar:
        taken = 0
        for j in np.argsort(-row)[: 10 * per_word]:
            if row[j] < least or taken >= per_word:
                break
            stem = vocabulary.stems[j]
            if not stem or stem in own or stem in out:
                continue  # a word of a stem asked already ("checks" for "checked"), or one taken for another word
            out[stem] = weight
            taken += 1
    return out
