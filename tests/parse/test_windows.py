"""Passage windows: committee paragraphs are also found through the paragraphs around them; each is still cited
alone, windows never cross a document, and inspection reports (self-contained paragraphs) get none."""

import numpy as np

from assistant.index.lexical import KeywordIndex
from assistant.parse.windows import WINDOW_WORDS, keyword_windows, passage_windows, window_groups
from assistant.records import DocMeta, Paragraph

COMMITTEE = DocMeta(doc="c.pdf", title="Questions", organisation=None, org_slug=None, doc_type="committee-report")
OFSTED = DocMeta(doc="o.pdf", title="Inspection", organisation=None, org_slug=None, doc_type="ofsted-inspection")


def para(i, text, doc="c.pdf", heading="Answer"):
    return Paragraph(id=f"{doc}{i}", doc=doc, ordinal=i, text=text, heading=heading)


def words(n, word="word"):
    return " ".join([word] * n)


def test_window_groups__greedy_runs_of_short_paragraphs_up_to_the_limit():
    half = WINDOW_WORDS // 2 - 5
    paras = [para(i, words(half)) for i in range(5)]
    groups = window_groups(paras, COMMITTEE, [True] * 5)
    assert groups == [[0, 1], [2, 3]]  # the fifth is alone: its own text is its window
    assert all(sum(len(paras[i].text.split()) for i in g) <= WINDOW_WORDS for g in groups)


def test_window_groups__skip_paragraphs_not_embedded_and_long_ones():
    paras = [para(0, "Question by Mr A: how many pupils are home educated?"), para(1, "Page 3"),
             para(2, "4,798 pupils, 26% up on last year."), para(3, words(WINDOW_WORDS + 1)), para(4, "After.")]
    assert window_groups(paras, COMMITTEE, [True, False, True, True, True]) == [[0, 2]]


def test_window_groups__inspection_reports_get_none():
    paras = [para(i, "Short paragraph.", doc="o.pdf") for i in range(4)]
    assert window_groups(paras, OFSTED, [True] * 4) == []


def test_passage_windows__every_member_gets_the_whole_window():
    paras = [para(0, "Question: how many pupils?", heading="Question"), para(1, "4,798 pupils.")]
    win = passage_windows(paras, COMMITTEE, [True, True])
    assert win[0] == win[1] == ("Question: how many pupils?\n4,798 pupils.", "Question")


def test_keyword_windows__never_cross_a_document():
    other = DocMeta(doc="d.pdf", title="Other", organisation=None, org_slug=None, doc_type="minutes")
    paras = [para(0, "First paragraph of the report."), para(1, "Second paragraph of the report."),
             para(0, "Third paragraph, in the minutes.", doc="d.pdf"),
             para(1, "Fourth paragraph, in the minutes.", doc="d.pdf")]
    texts, window_of = keyword_windows(paras, {"c.pdf": COMMITTEE, "d.pdf": other})
    assert window_of.tolist() == [0, 0, 1, 1]
    assert "First" in texts[0] and "Third" not in texts[0] and "Fourth" in texts[1]


def test_keyword_index__paragraph_found_through_its_window_and_saved_with_it(tmp_path):
    paras = [para(0, "Question: how many children are home educated in the county?", heading="Question"),
             para(1, "KCC currently monitors 4,798 pupils."), para(2, "Unrelated text on highways.", heading="Roads"),
             para(3, words(WINDOW_WORDS + 1, "filler"))]
    texts, window_of = keyword_windows(paras, {"c.pdf": COMMITTEE})
    index = KeywordIndex.build([p.text for p in paras], texts, window_of)
    own = KeywordIndex.build([p.text for p in paras])
    assert own.scores("home educated")[1] == 0  # the answer alone never says "home educated"
    scores = index.scores("home educated")
    assert scores[1] > 0 and scores[0] >= scores[1]  # ... its window does; the question keeps its own score
    assert scores[3] == 0
    index.save(tmp_path / "bm25")
    again = KeywordIndex.load(tmp_path / "bm25")
    assert np.array_equal(again.scores("home educated"), scores)
