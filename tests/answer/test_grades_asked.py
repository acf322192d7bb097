"""A question in parts that asks for a grade (or two) and something else states each grade asked for from the
report's judgement table, as well as the rest (over the real index of source_docs)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def test_grades_also_asked__each_part_that_asks_a_grade_names_its_area():
    from assistant.answer.judged import grades_also_asked
    from assistant.query.implied import Implied

    medway = Implied(orgs=["medway"], org_names=["Medway"])
    areas = lambda q: [a for a, _ in grades_also_asked(q, medway)]  # noqa: E731
    assert areas("What grade did Medway get for care leavers in 2023, and what was its overall grade?") == [
        "care leavers", "overall effectiveness"]
    assert areas("What was Medway's overall effectiveness grade in 2023 and how did it compare with the previous "
                 "inspection?") == ["overall effectiveness"]
    # one part, or parts that ask no grade of the council's (a school's, a child judged at risk): none
    assert areas("What grade did Medway get for care leavers in 2023?") == []
    assert areas("What did inspectors find about step-down and how did Medway respond?") == []
    assert areas("How are Medway schools rated and what did Ofsted say about early help?") == []


def test_chat__a_grade_asked_with_something_else_is_stated_from_the_judgement_table(sample_assistant):
    ans = sample_assistant.ask("What was Medway's overall effectiveness grade in 2023 and how did it compare with the "
                              "previous inspection?")
    lines = ans.answer.splitlines()
    assert lines[0] == ("Ofsted's report on Medway published 11 September 2023: Overall effectiveness: Good "
                        "[Medway Ofsted inspection 2023, p.1]")
    assert len(lines) > 1 and ans.citations[0].quote == "Overall effectiveness: Good"
    assert all(c.quote in c.text or c.quote == c.heading for c in ans.citations)
    # two grades asked for: both on the first line, in the question's order
    two = sample_assistant.ask("What grade did Medway get for care leavers in 2023, and what was its overall grade?")
    first = two.answer.splitlines()[0]
    assert first == ("Ofsted's report on Medway published 11 September 2023: The experiences and progress of care "
                     "leavers: Good [Medway Ofsted inspection 2023, p.1]; Overall effectiveness: Good [Medway Ofsted "
                     "inspection 2023, p.1]")
    # the judgement table's paragraph is cited once, by the first row stated, not once per row (testers, round 75)
    assert two.citations[0].quote == "The experiences and progress of care leavers: Good"
    assert sum(c.quote in ("The experiences and progress of care leavers: Good", "Overall effectiveness: Good")
               for c in two.citations) == 1
    assert not any("care leavers: Good" in ln for ln in two.answer.splitlines()[1:])
