"""BM25 keyword search: question words dropped, stems matched, an index saved and loaded scores the same."""

from __future__ import annotations

import numpy as np

from assistant.index.lexical import KeywordIndex, tokenize

PARAGRAPHS = [
    "Inspectors found that step-down from child protection plans was not always well planned.",
    "Social worker caseloads were reduced to 18 in Medway by March 2020.",
    "The Cabinet agreed the budget for family hubs.",
]


def test_tokenize__drops_question_words_keeps_step_down_and_stems():
    assert tokenize(["What did inspectors say about step-down?"]) == [["inspector", "step", "down"]]
    assert tokenize(["Caseloads were reduced to 18 in Medway"]) == [["caseload", "reduc", "18", "medway"]]


def test_keyword_index__ranks_the_paragraph_sharing_the_stems_first():
    index = KeywordIndex.build(PARAGRAPHS)
    scores = index.scores("how many cases did each social worker have (caseload)?")
    assert scores.shape == (3,)
    assert int(np.argmax(scores)) == 1
    assert scores[2] == 0.0


def test_keyword_index__a_question_of_stopwords_only_scores_nothing():
    index = KeywordIndex.build(PARAGRAPHS)
    assert not index.scores("what did they say about it?").any()


def test_keyword_index__saved_and_loaded_scores_the_same(tmp_path):
    index = KeywordIndex.build(PARAGRAPHS)
    index.save(tmp_path / "bm25")
    again = KeywordIndex.load(tmp_path / "bm25")
    query = "family hubs budget"
    assert np.allclose(index.scores(query), again.scores(query))
    assert int(np.argmax(again.scores(query))) == 2


def test_keyword_index__an_extra_term_adds_its_own_score_times_its_weight():
    index = KeywordIndex.build(PARAGRAPHS)
    plain = index.scores("cabinet")
    widened = index.scores("cabinet", {"budget": 0.3})
    alone = index.scores("budget")
    assert np.allclose(widened, plain + 0.3 * alone, atol=1e-5)
    assert widened[2] > plain[2] and widened[0] == plain[0] == 0.0


def test_keyword_index__extra_terms_alone_score_and_unknown_ones_add_nothing():
    index = KeywordIndex.build(PARAGRAPHS)
    assert int(np.argmax(index.scores("what did they say?", {"caseload": 0.5}))) == 1
    assert np.allclose(index.scores("cabinet", {"neverprinted": 0.5}), index.scores("cabinet"))
