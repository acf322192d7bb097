"""pick_paragraphs works out each paragraph text's search form once, however many paragraphs it is compared with
(answer/selection.py)."""

from __future__ import annotations

import numpy as np

import assistant.answer.selection as selection
from assistant.answer.config import AnswerConfig
from assistant.answer.selection import pick_paragraphs
from tests.answer.test_selection import hit

TEXTS = [
    "A small number of younger children live in residential homes, which meet their needs.",
    "Most children in care live in stable homes close to the places that matter to them.",
    "Carers in Portsmouth are given the support they need to look after children well.",
    "Children in care who live in residential homes are visited regularly by their social workers.",
    "Younger children placed in residential homes have their needs reviewed by managers.",
]


def test_pick_paragraphs__each_texts_search_form_is_worked_out_once_and_a_copy_is_still_cited_once(monkeypatch):
    hits = [hit(t, str(20 + i), i + 1) for i, t in enumerate(TEXTS)]
    copy = hit(TEXTS[0].replace(" ", "  ", 3), "40", len(hits) + 1)  # spacing aside, the top paragraph again
    hits.append(copy)
    scored = {h.paragraph.id: ([h.paragraph.text], np.array([1.0], dtype=np.float32)) for h in hits}
    calls: list[str] = []
    real = selection.search_form

    def counting(text: str) -> str:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(selection, "search_form", counting)
    cfg = AnswerConfig(topic_keep=0.0, sentence_keep=0.0, score_keep=0.0)
    chosen = pick_paragraphs("Which younger children live in residential homes?", hits, None, cfg, scored)
    assert "40" not in [h.paragraph.para for h in chosen]  # the copy is not cited beside the paragraph it repeats
    assert len(chosen) > 2  # several paragraphs cited: each compared with several chosen before it
    assert len(calls) == len(set(calls))  # each text's form once, not once per comparison
