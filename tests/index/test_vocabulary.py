"""The corpus's words with their vectors (index/vocabulary.py): which words, saved and loaded unchanged, and
built into every index by the real build."""

from __future__ import annotations

import numpy as np

from assistant.index.vocabulary import FILE, Vocabulary, corpus_words

TEXTS = [
    "Children in Kent said their social workers listen. The children had stable homes.",
    "Social workers visit children often; social workers know the children well.",
    "Kent's budget for social care. An overspend on social care.",
]


def test_corpus_words__lower_case_words_printed_often_enough_most_frequent_first():
    words = corpus_words(TEXTS, min_count=3)
    assert words == ["social", "workers", "children"]  # 5, 3 and 3 times (ties: in order of first appearance)
    assert "kent" not in words and "Kent" not in words  # capitalised: a name
    assert "care" not in words  # printed twice
    assert all(w == w.lower() for w in words)


def test_corpus_words__hyphenated_words_are_one_word_and_digits_none():
    words = corpus_words(["step-down step-down step-down 2024 2024 2024 x1 x1 x1"], min_count=3)
    assert words == ["step-down"]


def _vocabulary():
    vectors = np.eye(3, dtype=np.float32)
    return Vocabulary(["children", "budgets", "registered"], vectors)


def test_vocabulary__stems_words_as_the_keyword_search_does_and_finds_their_vectors():
    v = _vocabulary()
    assert v.stems == ["children", "budget", "regist"]
    assert np.allclose(v.vector("budgets"), [0, 1, 0]) and v.vector("absent") is None


def test_vocabulary__saved_and_loaded_unchanged(tmp_path):
    v = _vocabulary()
    v.save(tmp_path / FILE)
    again = Vocabulary.load(tmp_path / FILE)
    assert again is not None and again.words == v.words and again.stems == v.stems
    assert np.allclose(again.vectors, v.vectors)


def test_vocabulary__an_index_without_one_loads_none(tmp_path):
    assert Vocabulary.load(tmp_path / FILE) is None


def test_vocabulary__an_empty_corpus_gives_an_empty_vocabulary_that_saves(tmp_path):
    v = Vocabulary.build([], lambda words: (_ for _ in ()).throw(AssertionError("nothing to embed")))
    assert len(v) == 0
    v.save(tmp_path / FILE)
    assert len(Vocabulary.load(tmp_path / FILE)) == 0


def test_vocabulary__every_build_writes_one_from_its_paragraphs(tmp_path, fake_embedder):
    from assistant.index.build import sync_index
    from assistant.index.store import load_index

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("\n\n".join(TEXTS), encoding="utf-8")
    sync_index(tmp_path / "index", [docs], embedder=fake_embedder, progress=False)
    data = load_index(tmp_path / "index")
    v = Vocabulary.load(data.path / FILE)
    assert v is not None and "children" in v.words and "social" in v.words
    assert np.allclose(v.vector("children"), fake_embedder.embed(["children"])[0], atol=1e-3)
    assert FILE in data.manifest["files"]  # checked like every other file of the index
