"""The keyword query widened with the corpus's words nearest in meaning (retrieve/expansion.py)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.index.vocabulary import Vocabulary
from assistant.retrieve.expansion import question_words, related_terms


def _unit(*xs):
    v = np.asarray(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


# 4-d toy vectors: "children" and "youngsters" close to "kids"; "registered" close to "registration" (the same
# stem family); "budget" far from everything asked
VOCABULARY = Vocabulary(
    ["children", "youngsters", "registered", "budget", "pupils"],
    np.stack([_unit(1, 0.1, 0, 0), _unit(1, 0.3, 0, 0), _unit(0, 0, 1, 0), _unit(0, 0, 0, 1), _unit(1, 0.6, 0, 0)]))


class CountingEmbed:
    def __init__(self, vectors):
        self.vectors, self.calls = vectors, []

    def __call__(self, words):
        self.calls.append(list(words))
        return np.stack([self.vectors[w] for w in words])


def test_question_words__leave_out_stopwords_names_and_numbers():
    assert question_words("How many kids did Kent place in 2024 with Family Hubs?") == ["kids", "place"]
    assert question_words("Registration of homes: what did inspectors find?") == ["registration", "homes",
                                                                                  "inspectors", "find"]


def test_related_terms__nearest_corpus_words_above_the_least_cosine_at_most_per_word():
    embed = CountingEmbed({"kids": _unit(1, 0, 0, 0)})
    got = related_terms("what about the kids?", VOCABULARY, embed, weight=0.3, least=0.9, per_word=2)
    assert got == {"children": 0.3, "youngster": 0.3}  # stems, as the keyword index holds them; not "pupils"
    assert embed.calls == [["kids"]]  # a word the corpus does not print is embedded, once, in one batch
    one = related_terms("what about the kids?", VOCABULARY, embed, weight=0.3, least=0.9, per_word=1)
    assert one == {"children": 0.3}


def test_related_terms__a_word_the_corpus_prints_uses_its_stored_vector_and_never_adds_a_stem_asked():
    embed = CountingEmbed({"homes": _unit(0, 1), "checked": _unit(0.9, 0.4)})
    vocabulary = Vocabulary(["registration", "registered", "checks"],
                            np.stack([_unit(1, 0), _unit(0.99, 0.1), _unit(0.9, 0.4)]))
    got = related_terms("were the homes registration checked?", vocabulary, embed, 0.3, 0.95, 2)
    assert embed.calls == [["homes", "checked"]]  # "registration" is printed in the corpus: its vector is stored
    # "registered" (stem "regist") bridges the stemmer's gap to "registration" ("registr"); "checks" is the
    # question's own "check" and "registration" its own word: neither is added
    assert got == {"regist": 0.3}


@pytest.mark.parametrize("weight, per_word", [(0.0, 2), (0.3, 0)])
def test_related_terms__switched_off_adds_nothing(weight, per_word):
    embed = CountingEmbed({"kids": _unit(1, 0, 0, 0)})
    assert related_terms("kids?", VOCABULARY, embed, weight, 0.5, per_word) == {}
    assert related_terms("kids?", None, embed, 0.3, 0.5, 2) == {}
