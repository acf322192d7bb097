"""A year that names a past inspection a question counts from ("since the previous Ofsted inspection in 2022") is
a bound, as in "since the 2022 inspection": the later report says what changed since, and no report of that year
is asked for."""

from assistant.query.implied import implied_filters
from assistant.records import DocMeta

DOCS = {"surrey_2025.pdf": DocMeta(doc="surrey_2025.pdf", title="Inspection of Surrey children's services",
                                   organisation="Surrey", org_slug="surrey", doc_type="ofsted-inspection",
                                   date="2025-05-09")}


def test_implied__the_year_of_an_inspection_counted_from_is_a_bound_not_a_year_asked_about():
    for question in ("How have Surrey's children's services changed since the previous Ofsted inspection in 2022?",
                     "What has improved in Surrey since it was last inspected in 2022?",
                     "What has improved in Surrey since its last inspection in March 2022?",
                     "What has improved in Surrey since the 2022 inspection?"):
        imp = implied_filters(question, DOCS)
        assert (imp.since_year, imp.years, imp.months) == (2022, [], []), question
    # the inspection of that year asked about: its year is asked about
    assert implied_filters("What did Ofsted find at Surrey's inspection in 2022?", DOCS).years == [2022]
