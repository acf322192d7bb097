"""A former council asked about by name is answered from what its successors' reports say of it, and only that."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import corpus_file


@pytest.fixture(scope="module")
def successor(tmp_path_factory, fake_embedder):
    """An index of Westmorland and Furness's 2024 report, which names its predecessor, Cumbria County Council."""
    from assistant.api import Assistant
    from assistant.index.build import sync_index

    pdf = corpus_file("ofsted/westmorland-and-furness_ofsted-childrens-services_2024-07-12.pdf")
    root = tmp_path_factory.mktemp("former")
    (root / "docs").mkdir()
    shutil.copy(pdf, root / "docs" / pdf.name)
    assert not sync_index(root / "index", [root / "docs"], embedder=fake_embedder, progress=False,
                          log=lambda _m: None).failed
    return Assistant.load(root / "index", embedder=fake_embedder)


def test_ask__a_former_councils_grade_is_what_its_successors_report_says_of_it(successor):
    """"How did Ofsted judge Cumbria in November 2022?" was declined, Cumbria having nothing indexed of its own
    (tester, round 73), and asked with its successor named was answered with the successor's own "Overall
    effectiveness: Good". It quotes the sentence that names Cumbria, and says whose report that is."""
    out = successor.ask("How did Ofsted judge Cumbria in November 2022?")
    assert not out.abstained
    first = out.answer.split("\n", 1)[0]
    assert "Cumbria County Council, were judged requires improvement to be good in November 2022" in first
    assert "Overall effectiveness" not in out.answer
    assert "Nothing from Cumbria itself is indexed (Cumbria was replaced by" in out.answer
    assert all("Cumbria" in c.quote for c in out.citations)
    assert all(c.page_start == 1 for c in out.citations)


def test_ask__a_former_council_its_successors_say_nothing_to_the_point_of_is_declined(successor):
    """What the successor says of Cumbria holds no figure: "how many foster carers did Cumbria recruit?" is declined
    as a council with nothing indexed is, pointing to the successors."""
    out = successor.ask("How many foster carers did Cumbria County Council recruit?")
    assert out.abstained
    assert out.answer.startswith("The indexed documents don't include anything from Cumbria County Council")
    assert "replaced by" in out.answer


def test_ask__what_a_former_council_needed_to_improve_is_not_its_grade(successor):
    """"What were the areas for improvement in Cumbria County Council's inspection?" is not answered by "were judged
    requires improvement to be good" (a grade's words are no list of what needed to improve): declined, pointing to
    the successors (the 1023 testers' questions, round 73)."""
    out = successor.ask("What were the areas for improvement in Cumbria County Council's children's services "
                        "inspection?")
    assert out.abstained and "replaced by" in out.answer


def test_mentioned__a_successors_name_holding_the_former_ones_does_not_name_it():
    """"North Northamptonshire" and "Northamptonshire Children's Trust" do not name Northamptonshire County Council
    (it had quoted North Northamptonshire's report on itself as what it said of its predecessor)."""
    from assistant import councils

    former = frozenset({"northamptonshire"})
    assert not councils.mentioned("Families in North Northamptonshire have seen services improve.", former)
    assert not councils.mentioned("Northamptonshire Children's Trust ran the services.", former)
    assert councils.mentioned("In 2021 Northamptonshire County Council was abolished.", former)
