"""A question naming a committee and a meeting day ("Kent's Cabinet on 9 January 2025") prefers that committee's
papers of that day to another committee's papers of the same day (Kent's Cabinet and County Council both met on
9 January 2025 and on 13 March 2025): a boost, not a filter."""

from assistant.index.store import IndexData
from assistant.query.implied import Implied
from assistant.records import DocMeta, Paragraph
from assistant.retrieve.hybrid import Retriever


def test_boost__the_committee_named_keeps_the_days_boost_another_committees_papers_of_that_day_half():
    docs = {d: DocMeta(doc=d, title=d, organisation="X", org_slug="x", doc_type="minutes", date=date, committee=c)
            for d, date, c in [("cab.pdf", "2025-01-09", "Cabinet"), ("cc.pdf", "2025-01-09", "County Council"),
                               ("cab30.pdf", "2025-01-30", "Cabinet")]}
    paras = [Paragraph(id=d, doc=d, ordinal=0, text="The Leader introduced the report.") for d in docs]
    r = Retriever(IndexData(docs=docs, paragraphs=paras), keyword=None, dense=None)
    asked = Implied(years=[2025], committees=["Cabinet"], months=["2025-01"], days=["2025-01-09"])
    boosted = r._boost({0: 1.0, 1: 1.0, 2: 1.0}, asked)
    assert boosted[0] > max(boosted[1], boosted[2])  # that committee that day, before that day's other papers and
    # that committee's other days'
    assert boosted[0] - boosted[1] > r.weights.committee_boost  # more than the committee's own boost apart
    assert boosted[1] > 1.0  # the other committee's papers of that day keep some of the day's boost: not a filter
    undated = r._boost({0: 1.0, 1: 1.0, 2: 1.0}, Implied(years=[2025], months=["2025-01"], days=["2025-01-09"]))
    assert undated[0] == undated[1]  # no committee named: each paper of that day alike
