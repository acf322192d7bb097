"""Ofsted grade questions over real reports of the corpus: the grade the report says the inspection before gave,
a past inspection's facts from a later report's sentence naming it, the judgement holding a grade named, the
grade a two-part question asks beside the areas of a grade, and the judgement table cited once."""

from __future__ import annotations

import pytest

from tests.conftest import corpus_assistant

pytestmark = pytest.mark.slow

_REPORTS = ("ofsted/suffolk_ofsted-childrens-services_2024-08-21.pdf",
            "ofsted/rutland_ofsted-childrens-services_2024-07-12.pdf",
            "ofsted/merton_ofsted-childrens-services_2025-08-27.pdf")


@pytest.fixture(scope="module")
def reports(tmp_path_factory, fake_embedder):
    """An index of three councils' reports, each the only one of its council indexed."""
    return corpus_assistant(tmp_path_factory.mktemp("grade-before"), _REPORTS, fake_embedder)


def _one_paragraph_each(ans) -> bool:
    keys = [(c.doc, c.page_start, c.para, c.text) for c in ans.citations]
    return len(keys) == len(set(keys))


def test_ask__a_grade_changed_since_the_last_inspection_states_the_earlier_grade_in_the_reports_words(reports):
    """"Has Suffolk's grade changed since the last inspection?" was answered with the current grade alone; its
    report's summary says the 2019 inspection judged services outstanding: both are stated, cited, and the
    grade went down."""
    out = reports.ask("Has Suffolk's Ofsted grade changed since the last inspection?")
    assert not out.abstained
    assert "Overall effectiveness: Requires improvement to be good" in out.answer
    assert "when children’s services were judged to be outstanding" in out.answer
    assert "went down: outstanding then, requires improvement to be good" in out.answer
    assert len(out.citations) == 1 and out.citations[0].page_start == 1  # the page-1 paragraph, cited once
    # up, from "judged to require improvement"
    up = reports.ask("How has Rutland's Ofsted grade changed since its 2020 inspection?")
    assert "judged to require improvement" in up.answer
    assert "went up: requires improvement to be good then, good" in up.answer


def test_ask__a_past_inspection_is_answered_from_the_later_reports_sentence_naming_it(reports):
    """No Merton report of 2022 is indexed: its 2025 report's sentence on the areas identified for improvement
    in 2022 answers what they were, as that report's account of them, not the 2025 report's own items."""
    out = reports.ask("What areas for improvement were identified at Merton's 2022 inspection?")
    assert not out.abstained
    assert "include no Ofsted report on Merton from 2022" in out.answer
    assert "Areas identified for improvement in 2022, including out-of-hours care arrangements" in out.answer
    assert len(out.citations) == 1 and "2022" in out.citations[0].quote
    # a sentence on what changed since that inspection is the later report's own: not the earlier's
    since = reports.ask("What did Ofsted say about care leavers in Suffolk's 2019 inspection?")
    assert since.abstained and "no Ofsted report on Suffolk from 2019" in since.answer


def test_ask__which_judgement_had_the_grade_named_leads_with_that_row(reports):
    """"Which judgement was rated good …?" was answered with overall effectiveness (requires improvement): the
    judgement table's row holding the grade named answers it."""
    out = reports.ask("Which judgement was rated good in Suffolk's 2024 Ofsted inspection?")
    lines = out.answer.splitlines()
    assert lines[0].endswith("judges 1 of its 5 areas good:")
    assert lines[1].startswith("- The experiences and progress of children in care: Good")
    assert len(lines) == 2 and len(out.citations) == 1


def test_ask__overall_grade_and_the_areas_of_a_grade_states_both(reports):
    """"What was Merton's overall grade, and which judgements were good?" listed the good rows only: the overall
    grade leads, and the table is cited once, not per row."""
    out = reports.ask("What was Merton's overall Ofsted grade in 2025, and which judgements were good?")
    lines = out.answer.splitlines()
    assert lines[0].startswith("Overall effectiveness: Outstanding [")
    assert lines[1].startswith("- The experiences and progress of children who need help and protection: Good")
    assert len(out.citations) == 1 and _one_paragraph_each(out)
    every = reports.ask("What grades did Merton get in 2025?")
    assert len(every.answer.splitlines()) == 6 and len(every.citations) == 1
