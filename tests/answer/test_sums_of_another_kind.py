"""A "how much" question asking one kind of sum (a spend, a budget, a saving) is not answered by a sentence that
names that kind but whose sum, by the words governing it, is of another ("savings on agency spend of £1.2m" gives a
saving, not what was spent). The sentences are Kent County Council's (Cabinet, 30 January 2025; County Council, 13
March 2025)."""

from __future__ import annotations

from assistant.answer.names import sums_of_another_kind, wrong_kind_of_evidence
from assistant.query.kinds import expected, sum_kinds

from .test_near_misses import hit

# Finance Monitoring Report Q3 2024-25, p.14 (Family Hubs variance)
SAVING = ("Savings resulting from the restructure have been realised more quickly than initially assumed in the MTFP "
          "including lower costs associated with redundancies, resulting in an additional saving in 24-25 of "
          "approximately -£0.7m.")
# the same report, p.5
OVERSPEND = "Schools’ Delegated Budgets is currently forecasting an overspend of £30.4m."
# the same report, p.3 and p.18
REDUCED = "The revenue overspend has reduced by £3.5m compared with the position at Quarter 2"
UNDERSPEND = "The Chief Executive’s Department is projected to underspend by -£1.2m."
# the same report, p.11: a sign set apart from its sum
TRANSPORT = ("Education & Special Educational Needs are forecasting a net underspend of - £5m primarily due to an "
             "underspend on Home to School Transport, which offsets pressures in Looked After Children with Disability")
# the same report, p.24
GRANT = ("The total Dedicated Schools’ Grant for 2024-25 is £1,769.6m and is forecast to overspend by £53.5m.")
# Family Hubs decision report 24/00093, 7.3 and 5.26
ANNUAL_COST = "7.3 The saving achieved under this proposal is the £426k annual cost of the commissioned contracts."
LEASE = "5.26 Cliftonville Family Hub is not a building owned by KCC and is occupied under a lease that costs circa £54,000 " \
        "annually including maintenance and utilities."
# Budget risk register, p.5
SPEND = "KCC spend c£60m per annum (DfT and KCC borrowing) but asset management principles calculate the annual spend " \
        "requirement to remain at \"steady state\" to be £170m per annum"


def test_sum_kinds__each_sum_is_of_the_kind_its_own_words_name():
    assert sum_kinds(SAVING) == [{"saving"}]  # "costs" earlier in the sentence governs no sum
    assert sum_kinds(OVERSPEND) == [{"variance"}]  # the budget is what the overspend is on
    assert sum_kinds(REDUCED) == [{"saving", "variance"}]  # a reduction in the overspend
    assert sum_kinds(UNDERSPEND) == [{"variance"}]
    assert sum_kinds(TRANSPORT) == [{"variance"}]
    assert sum_kinds(GRANT) == [{"income"}, {"variance"}]
    assert "cost" in sum_kinds(ANNUAL_COST)[0]  # "the £426k annual cost": the noun after the sum
    assert sum_kinds(LEASE) == [{"cost"}]
    assert sum_kinds(SPEND)[0] == {"cost"}
    # a sum nothing names may be of any kind
    assert sum_kinds("The externally funded element includes a net impact of -£20.8m in 2025-26") == [None]
    assert sum_kinds("Seashells £20 14 £14,560") == [None, None]


def test_sums_of_another_kind__a_sum_of_another_kind_beside_the_word_asked_is_declined():
    spend = "How much did Kent spend on Family Hubs in 2024-25?"
    assert sums_of_another_kind(spend, [(hit(SAVING), [SAVING])])
    # the sentence names a cost ("lower costs associated with redundancies"), so only its sum's own words decline it
    cost = "How much did the restructure cost?"
    assert wrong_kind_of_evidence(cost, [(hit(SAVING), [SAVING])], None, expected(cost))
    budget = "How much is the Schools' Delegated Budget?"
    assert sums_of_another_kind(budget, [(hit(OVERSPEND), [OVERSPEND])])
    assert wrong_kind_of_evidence(budget, [(hit(OVERSPEND), [OVERSPEND])], None, expected(budget))
    running = "How much does the Chief Executive's Department cost to run?"
    assert sums_of_another_kind(running, [(hit(UNDERSPEND), [UNDERSPEND])])
    transport = "How much does Kent spend on home to school transport?"
    assert sums_of_another_kind(transport, [(hit(TRANSPORT), [TRANSPORT])])


def test_sums_of_another_kind__a_sum_of_the_kind_asked_keeps_the_answer():
    spend = "How much did Kent spend on Family Hubs in 2024-25?"
    # one sum of the kind asked among them, or one nothing names, and the quotes stand
    assert not sums_of_another_kind(spend, [(hit(SAVING), [SAVING]), (hit(ANNUAL_COST, para="7.3"), [ANNUAL_COST])])
    assert not sums_of_another_kind("How much does the Cliftonville lease cost?", [(hit(LEASE), [LEASE])])
    assert not sums_of_another_kind("How much does KCC spend on highways asset management?", [(hit(SPEND), [SPEND])])
    net = "The externally funded element includes a net impact of -£20.8m in 2025-26"
    assert not sums_of_another_kind(spend, [(hit(SAVING), [SAVING]), (hit(net, para="4.1"), [net])])
    # the kind asked for: a saving, an overspend, a grant
    assert not sums_of_another_kind("How much has the Family Hubs restructure saved?", [(hit(SAVING), [SAVING])])
    assert not sums_of_another_kind("How much will the Schools' Delegated Budgets overspend?",
                                    [(hit(OVERSPEND), [OVERSPEND])])
    assert not sums_of_another_kind("How much is the Dedicated Schools Grant for 2024-25?", [(hit(GRANT), [GRANT])])
    # a change asked for is answered by a reduction, whatever sum it names
    assert not sums_of_another_kind("By how much has the revenue overspend reduced?", [(hit(REDUCED), [REDUCED])])
    assert not sums_of_another_kind("How much has the revenue overspend fallen since Quarter 2?",
                                    [(hit(REDUCED), [REDUCED])])
    # a question naming no kind of sum is not checked
    assert not sums_of_another_kind("How much money is involved?", [(hit(SAVING), [SAVING])])
