"""Passages: a committee paper's text cut into overlapping ~256-token chunks that know the paragraphs they cover;
the passage index scores a paragraph by the best passage covering it."""

import numpy as np

from assistant.index.passages import PassageIndex
from assistant.parse.passages import passage_text, passages
from assistant.records import DocMeta, Paragraph

COMMITTEE = DocMeta(doc="c.pdf", title="Agenda", organisation="Kent County Council", org_slug="kent",
                    doc_type="agenda", committee="Cabinet", date="2025-03-04")


def para(i, text, doc="c.pdf"):
    return Paragraph(id=f"{doc}{i}", doc=doc, ordinal=i, text=text, heading=None)


def test_passages__cover_every_paragraph_cross_paragraph_boundaries_and_overlap():
    paras = [para(i, f"Item {i}. The Cabinet will consider the report on school places number {i} today.")
             for i in range(60)]
    out = passages(paras)
    assert len(out) > 2
    covered = [i for _, c in out for i in c]
    assert set(covered) == set(range(60))  # nothing left out
    assert any(len(c) > 1 for _, c in out)  # a passage reads several paragraphs together
    assert len(covered) > 60  # neighbouring passages overlap
    for text, c in out:  # each passage is the paragraphs' own text
        assert paras[c[0]].text.split(".")[-2].strip() in text or paras[c[-1]].text[:20] in text


def test_passages__a_short_paper_is_one_passage():
    paras = [para(0, "1. Apologies"), para(1, "2. Declarations of Interest"), para(2, "3. Minutes")]
    assert passages(paras) == [("1. Apologies\n\n2. Declarations of Interest\n\n3. Minutes", [0, 1, 2])]
    assert passages([]) == []


def test_passage_text__names_the_document_meeting_and_date():
    text = passage_text("4. Oral briefing on transport", COMMITTEE)
    assert text.splitlines()[0] == "Kent County Council Agenda Cabinet 2025-03-04"
    assert text.endswith("4. Oral briefing on transport")


def test_passage_index__a_row_scores_as_its_best_covering_passage(tmp_path):
    vectors = np.eye(3, 4, dtype=np.float32)
    index = PassageIndex.build(["school places plan", "oral briefing on transport", "budget risk register"],
                               [[0, 1], [1, 2], [4]], vectors)
    index.save(tmp_path / "passages")
    loaded = PassageIndex.load(tmp_path / "passages")
    assert loaded is not None and len(loaded) == 3
    dense, keyword = loaded.row_scores([0, 1, 2, 3, 4, 99], np.array([0.0, 1.0, 0.0, 0.0]), "transport briefing")
    assert list(dense[:3]) == [0.0, 1.0, 1.0] and dense[4] == 0.0
    assert np.isnan(dense[3]) and np.isnan(dense[5])  # no passage covers rows 3 and 99
    assert keyword[1] == keyword[2] > 0 and keyword[0] == 0 and np.isnan(keyword[3])
    assert PassageIndex.load(tmp_path / "none") is None  # an index without passages


def test_passages__leave_out_what_is_not_embedded():
    paras = [para(0, "Contents 1 Introduction 3"), para(1, "1. Caseloads fell to 18 a worker."),
             para(2, "This page is intentionally left blank.")]
    assert passages(paras, [False, True, False]) == [("1. Caseloads fell to 18 a worker.", [1])]
    assert passages(paras, [False, False, False]) == []
