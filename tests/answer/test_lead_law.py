"""A question asking which law something is done under ("under what legislation …", "which Act …") is led by a quote
naming one, not one on the same procedure that names none."""

from __future__ import annotations

from assistant.answer.lead import choose_lead

from .test_extractive import quoted

# Kent County Council, Cabinet reconsideration of Decision 24/00093 (4 March 2025), paras 1 and 3
ESTABLISHED = ("1. The power of call-in was established under the Local Government Act 2000, which provides for overview "
               "and scrutiny committees to review or scrutinise executive decisions.")
PROCEDURE = ("3. In accordance with s17.74 of the Constitution, prior to consideration by Council of a referred decision, "
             "Cabinet must first consider the comments of the Scrutiny Committee and determine whether the decision "
             "should be confirmed, amended (both resulting the decision still progressing to Council for review) or "
             "rescinded.")


def test_choose_lead__a_question_on_the_law_is_led_by_the_quote_naming_one():
    citations = [quoted(PROCEDURE, 1), quoted(ESTABLISHED, 2)]
    assert choose_lead("Under what legislation can councillors call in a Cabinet decision?", citations, [0.74, 0.66],
                       [], None, False) == 1
    assert choose_lead("Which Act set up the power of call-in?", citations, [0.74, 0.66], [], None, False) == 1
    # a question on the procedure, not the law, is led as before (a section of the Constitution is no Act)
    assert choose_lead("What must Cabinet do with a called-in decision?", citations, [0.74, 0.66], [], None,
                       False) == 0
