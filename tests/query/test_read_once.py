"""Readers of a question or a text that asking calls again and again are remembered (functools.lru_cache): each
gives what it gave unremembered, a list it returns is the caller's own, and none holds index state (they read
strings and the package's data only), so nothing needs forgetting when the index changes."""

from __future__ import annotations

from assistant.query import filters, glossary, kinds

# printed in the corpus (Kent's Q3 2024-25 performance report; Telford & Wrekin's 2024 inspection report)
CASELOADS = ("The average caseload for Social Workers in Children’s Social Work Teams was 21 children in December "
             "2024. This is above the target caseload of no more than 18 children.")
STAYING_PUT = ("51. For those care leavers who live in foster care, there are opportunities to remain in ‘staying put’ "
               "arrangements with their foster carers.")
QUESTIONS = ["How many children did each social worker have in December 2024?",
             "What did inspectors say about staying put arrangements?", "Who chaired the meeting?"]


def test_expected__remembered_and_the_callers_own_list():
    for q in QUESTIONS:
        assert kinds.expected(q) == list(kinds._expected.__wrapped__(q))
    before = kinds._expected.cache_info().hits
    got = kinds.expected(QUESTIONS[0])
    assert kinds._expected.cache_info().hits == before + 1
    got.append("grade")
    assert "grade" not in kinds.expected(QUESTIONS[0])


def test_holds__remembered_and_the_same_answer():
    for kind in ("number", "time", "name", "rate"):
        for text in (CASELOADS, STAYING_PUT):
            for q in QUESTIONS:
                for strict in (False, True):
                    assert kinds.holds(kind, text, q, strict) == kinds.holds.__wrapped__(kind, text, q, strict)
    assert kinds.holds("number", CASELOADS, QUESTIONS[0], True)
    before = kinds.holds.cache_info().hits
    kinds.holds("number", CASELOADS, QUESTIONS[0], True)
    assert kinds.holds.cache_info().hits == before + 1


def test_glossary_expand__remembered_and_the_same_words():
    for q in QUESTIONS + ["How many CIN cases were there?", "What is SEND support like?"]:
        for lay in (False, True):
            assert glossary.expand(q, lay) == glossary._expanded.__wrapped__(q, lay)
    before = glossary._expanded.cache_info().hits
    glossary.expand(QUESTIONS[1], lay=False)  # as a search calls it, after its vector's expand(query, lay)
    assert glossary._expanded.cache_info().hits == before + 1


def test_org_matches__names_read_once():
    assert filters._norm("Telford & Wrekin") == filters._norm.__wrapped__("Telford & Wrekin") == "telford wrekin"
    before = filters._norm.cache_info().hits
    filters._norm("Telford & Wrekin")
    assert filters._norm.cache_info().hits == before + 1
