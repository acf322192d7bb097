"""One council's grades for the judged areas a question names, and what its previous inspection found, over real
reports of the corpus (each the only one of its council indexed)."""

from __future__ import annotations

import pytest

from tests.conftest import corpus_assistant

pytestmark = pytest.mark.slow

_REPORTS = ("ofsted/bolton_ofsted-childrens-services_2023-10-27.pdf",
            "ofsted/bury_ofsted-childrens-services_2025-07-29.pdf",
            "ofsted/camden_ofsted-childrens-services_2025-04-15.pdf")


@pytest.fixture(scope="module")
def reports(tmp_path_factory, fake_embedder):
    return corpus_assistant(tmp_path_factory.mktemp("grades-named"), _REPORTS, fake_embedder)


def test_ask__grades_for_the_areas_named_list_those_rows_overall_first(reports):
    """"Grades for overall effectiveness and for leadership" listed all five rows: the two named, overall first."""
    out = reports.ask("What were Bolton's grades for overall effectiveness and for leadership?")
    lines = out.answer.splitlines()
    assert lines[1].startswith("- Overall effectiveness: Good [")
    assert lines[2].startswith("- The impact of leaders on social work practice with children and families: Good [")
    assert len(lines) == 3 and len(out.citations) == 1
    two = reports.ask("What were Bury's grades for help and protection and children in care?")
    assert [ln.split(":")[0] for ln in two.answer.splitlines()[1:]] == [
        "- The experiences and progress of children who need help and protection",
        "- The experiences and progress of children in care"]
    # none named, or all asked for: every row
    assert len(reports.ask("What were Camden's grades?").answer.splitlines()) == 6
    assert len(reports.ask("What were all of Camden's grades, including care leavers?").answer.splitlines()) == 6


def test_ask__the_previous_inspection_is_answered_from_the_later_reports_account_of_it(reports):
    """"What did inspectors find at Bolton's previous inspection?" quoted the 2023 report's own findings: with no
    earlier report indexed, the later report's sentences on what the inspection before found, or that it says
    nothing of it."""
    out = reports.ask("What did inspectors find at Camden's previous inspection?")
    assert "No report of Camden's previous Ofsted inspection is indexed" in out.answer
    assert "when services were also judged to be outstanding overall" in out.answer
    assert "The few areas for improvement identified at the last inspection are now areas of strength." in out.answer
    assert all("last inspection" in c.quote for c in out.citations)
    none = reports.ask("What did inspectors find at Bolton's previous inspection?")
    assert "says nothing of what that inspection found" in none.answer
    assert len(none.citations) == 1 and none.citations[0].quote.startswith("Inspection dates:")
