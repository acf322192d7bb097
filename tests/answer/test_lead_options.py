"""A question asking what someone can do ("what can Cabinet do when it reconsiders …?") asks for its options, and is
led by the quote listing them ("confirm, amend or rescind"), not one on what follows the reconsideration."""

from __future__ import annotations

from assistant.answer.lead import choose_lead

from .test_extractive import quoted

# Kent County Council, Scrutiny call-in of the family hubs decision: report to Cabinet (4 March 2025), paras 11 and 10
OUTCOMES = "11. The outcomes of Cabinet’s reconsideration will be published and sent to all Members of the Council."
OPTIONS = ("10. Section 17.74 of the Constitution requires that before a decision is reviewed by full Council, it must be "
           "formally reconsidered by Cabinet, in light of the comments made by the Scrutiny Committee. That provides an "
           "opportunity for the Executive to confirm, amend or rescind the decision before it is subject to any further "
           "debate by the wider Council membership.")


def test_choose_lead__what_someone_can_do_is_led_by_the_quote_listing_the_options():
    citations = [quoted(OUTCOMES, 1), quoted(OPTIONS, 2)]
    assert choose_lead("What can Cabinet do when it reconsiders a called-in decision?", citations, [0.74, 0.66], [],
                       None, False) == 1
    # a question on what happens after, not on the options, is led as before
    assert choose_lead("What happens to the outcomes of Cabinet's reconsideration?", citations, [0.74, 0.66], [], None,
                       False) == 0
