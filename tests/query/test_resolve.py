"""Resolving a question's filters once: explicit filters win over what the question names; a named year narrows
the search to that year's report when one exists."""

from __future__ import annotations

from assistant.query.filters import Filters
from assistant.query.resolve import resolve_filters
from assistant.records import DocMeta

DOCS = {
    d.doc: d for d in [
        DocMeta(doc="kent-2017.pdf", title="Kent inspection", organisation="Kent County Council", org_slug="kent",
                doc_type="ofsted-inspection", date="2017-03-01"),
        DocMeta(doc="kent-2022.pdf", title="Kent inspection", organisation="Kent County Council", org_slug="kent",
                doc_type="ofsted-inspection", date="2022-10-01"),
        DocMeta(doc="medway-2019.pdf", title="Medway inspection", organisation="Medway Council", org_slug="medway",
                doc_type="ofsted-inspection", date="2019-08-27", inspected="2019-07-15/2019-07-26"),
    ]
}


def test_resolve__a_council_named_in_the_question_restricts_the_search():
    effective, implied = resolve_filters("What did inspectors say about Medway's caseloads?", None, DOCS)
    assert effective.orgs == ["medway"] and implied.orgs == ["medway"]


def test_resolve__explicit_councils_win_and_clear_the_named_ones():
    effective, implied = resolve_filters("What did inspectors say about Medway?", {"orgs": ["kent"]}, DOCS)
    # Medway, named, is cleared; the one council filtered on is the one the question is read as about
    assert effective.orgs == ["kent"] and implied.orgs == ["kent"] and implied.org_names == ["Kent"]


def test_resolve__a_council_filter_contradicting_the_council_named_is_said_not_answered():
    # "--org kent" with a question about Medway: never Kent's papers for Medway's question
    _, implied = resolve_filters("What grade did Medway get overall?", {"orgs": ["kent"]}, DOCS)
    assert implied.filter_conflict == ("The question asks about Medway, but the council filter is set to Kent: clear "
                                       "the filter or ask about Kent.")
    # the filter's council named too, or none named, or the filter's other slug: no conflict
    for question, orgs in [("How does Kent compare with Medway?", ["kent"]), ("What grade did it get?", ["kent"]),
                           ("What did Kent County Council's inspection find?", ["kent-cc"]),
                           ("What grade did Medway get?", ["medway"])]:
        assert resolve_filters(question, {"orgs": orgs}, DOCS)[1].filter_conflict is None, question
    # several councils filtered on: the question picks among them (no one council to say it conflicts with)
    assert resolve_filters("What grade did Medway get?", {"orgs": ["kent", "halton"]}, DOCS)[1].filter_conflict is None


def test_resolve__a_named_year_with_a_report_searches_that_year_alone():
    effective, _ = resolve_filters("What did Kent's 2022 inspection find?", None, DOCS)
    assert (effective.since, effective.until) == ("2022-01-01", "2022-12-31")


def test_resolve__a_year_without_a_report_is_noticed():
    _, implied = resolve_filters("What did Kent's 2019 Ofsted inspection find?", None, DOCS)
    assert implied.no_report_year == 2019 and implied.report_years == [2017, 2022]
    # a monitoring visit has no report indexed: a paper of that year may report on it
    paper = DocMeta(doc="kent-cc-2019.pdf", title="Report on Ofsted monitoring visit", organisation="Kent County "
                    "Council", org_slug="kent-cc", doc_type="committee-report", date="2019-10-01")
    docs = dict(DOCS, paper=paper)
    _, implied = resolve_filters("Which inspectors carried out Kent's 2019 monitoring visit?", None, docs)
    assert implied.no_report_year is None
    _, implied = resolve_filters("What did Kent's 2019 Ofsted inspection find?", None, docs)
    assert implied.no_report_year == 2019  # an inspection of that year is still none
    # a performance report's red, amber and green ratings are no Ofsted grades: no inspection is asked about
    _, implied = resolve_filters("How many of Kent's performance indicators were rated red in December 2019?", None,
                                 DOCS)
    assert implied.no_report_year is None and not implied.ofsted


def test_resolve__an_inspection_before_a_year_is_the_councils_last_report_before_it_or_the_look_back():
    effective, implied = resolve_filters("What did Ofsted judge Kent at its inspection before 2022?", None, DOCS)
    assert effective.docs == ["kent-2017.pdf"] and implied.previous_report == "kent-2017.pdf"
    assert not implied.looks_back
    effective, implied = resolve_filters("What did Ofsted judge Medway at its inspection before 2019?", None, DOCS)
    assert not effective.docs and implied.looks_back  # the 2019 report's "since the last inspection …"
    _, implied = resolve_filters("What did Kent's papers say before 2022?", None, DOCS)
    assert not implied.looks_back and not implied.previous_report  # not about an inspection


def test_resolve__a_councils_own_index_needs_no_council_named_for_its_years():
    """A council's own index holds one council's reports: "the 2022 inspection" is that council's, searched alone,
    and a year with no report of it is noticed. Over several councils' reports a year alone narrows nothing."""
    kent = {doc: m for doc, m in DOCS.items() if m.org_slug == "kent"}
    effective, _ = resolve_filters("What did the 2022 inspection find about caseloads?", None, kent)
    assert (effective.since, effective.until) == ("2022-01-01", "2022-12-31") and effective.orgs == []
    _, implied = resolve_filters("What did the 2019 Ofsted inspection find?", None, kent)
    assert implied.no_report_year == 2019 and implied.report_years == [2017, 2022]
    effective, implied = resolve_filters("What did the 2022 inspection find about caseloads?", None, DOCS)
    assert (effective.since, effective.until) == (None, None) and implied.no_report_year is None
    # "the latest inspection", "the first", "the previous": that council's newest, oldest, or the one before
    for asked, report in (("What did the latest inspection find about caseloads?", "kent-2022.pdf"),
                          ("What did the first inspection find about caseloads?", "kent-2017.pdf"),
                          ("What did the previous inspection find about caseloads?", "kent-2017.pdf")):
        assert resolve_filters(asked, None, kent)[0].docs == [report], asked
        assert resolve_filters(asked, None, DOCS)[0].docs == [], asked


def test_resolve__explicit_dates_drop_the_years_the_question_names():
    effective, implied = resolve_filters("What did Kent's 2022 inspection find?", Filters(since="2017-01-01"), DOCS)
    assert effective.since == "2017-01-01" and implied.years == []


def test_resolve__an_inspection_month_is_compared_with_the_reports_inspection_dates():
    # published in August 2019, inspected in July 2019: both months find it, June does not
    for asked in ("Medway's July 2019 Ofsted inspection", "Medway's August 2019 inspection",
                  "Medway when it was inspected in July 2019"):
        _, implied = resolve_filters(f"What did inspectors find at {asked}?", None, DOCS)
        assert implied.no_report_month is None, asked
    _, implied = resolve_filters("What did inspectors find at Medway's June 2019 Ofsted inspection?", None, DOCS)
    assert implied.no_report_month == "2019-06" and implied.inspections == ["15 July 2019 to 26 July 2019"]


def test_resolve__a_month_that_is_not_the_inspections_is_not_checked():
    # "the March 2019 focused visit" is another visit a report may describe; a report without inspection dates
    # (Kent's here) gives nothing to compare with
    _, implied = resolve_filters("What did Ofsted say about the delays found at the March 2019 focused visit to "
                                 "Medway?", None, DOCS)
    assert implied.no_report_month is None
    _, implied = resolve_filters("What did Kent's June 2022 inspection find?", None, DOCS)
    assert implied.no_report_month is None


def test_resolve__a_financial_year_spans_two_years_and_narrows_nothing():
    papers = {d.doc: d for d in [
        DocMeta(doc="kent-minutes.pdf", title="Panel minutes", organisation="Kent County Council", org_slug="kent",
                doc_type="minutes", date="2024-12-10"),
        DocMeta(doc="kent-monitoring.pdf", title="Budget monitoring", organisation="Kent County Council",
                org_slug="kent", doc_type="committee-report", date="2025-01-30")]}
    effective, implied = resolve_filters("What overspend is Kent forecasting in 2024-25?", None, papers)
    assert implied.years == [2024, 2025] and (effective.since, effective.until) == (None, None)
    _, plan = resolve_filters("What does the 2025/26 budget say?", None, papers)
    assert plan.years == [2025, 2026]
    assert resolve_filters("What did Kent spend in 2024?", None, papers)[1].years == [2024]  # a year alone


def test_resolve__a_committees_year_with_no_papers_is_noticed():
    papers = {d.doc: d for d in [
        DocMeta(doc="kent-cpp-2024.pdf", title="Panel minutes", organisation="Kent County Council", org_slug="kent",
                doc_type="minutes", committee="Corporate Parenting Panel", date="2024-12-10"),
        DocMeta(doc="kent-cabinet-2025.pdf", title="Cabinet minutes", organisation="Kent County Council",
                org_slug="kent", doc_type="minutes", committee="Cabinet", date="2025-01-30")]}
    _, implied = resolve_filters("What did the Corporate Parenting Panel discuss in 2022?", None, papers)
    assert implied.no_papers_year == 2022 and implied.papers_years == [2024]
    _, implied = resolve_filters("What did the Corporate Parenting Panel discuss in 2024?", None, papers)
    assert implied.no_papers_year is None
    _, implied = resolve_filters("What did Kent decide about the budget in 2019?", None, papers)
    assert implied.no_papers_year is None  # no committee named: a later paper may look back at that year
    _, implied = resolve_filters("How many young people voted in the Kent Youth Cabinet elections in 2024?", None,
                                 papers)
    assert implied.committees == [] and implied.no_papers_year is None  # another body's name holds "Cabinet"
    # a year that names a paper's period, not the meeting's: Cabinet took the November 2024 report in January 2025
    _, implied = resolve_filters("In the November 2024 budget monitoring report, what is Kent Cabinet asked to agree?",
                                 None, papers)
    assert implied.no_papers_year is None
    _, implied = resolve_filters("What did the Corporate Parenting Panel say about the 2022 annual report in 2022?",
                                 None, papers)
    assert implied.no_papers_year == 2022  # the year is also the meeting's
    # a date the figures are of: "as of January 2024" in a paper Cabinet took in 2025
    for q in ("How many children in Kent had an EHCP as of January 2024, according to the report to Cabinet?",
              "What were Kent's reserves as at 31 March 2022, according to the Corporate Parenting Panel?"):
        assert resolve_filters(q, None, papers)[1].no_papers_year is None, q
    _, implied = resolve_filters("What did Cabinet decide about reserves in 2022, as of its January meeting?", None,
                                 papers)
    assert implied.no_papers_year == 2022


def test_resolve__a_grade_question_is_about_an_inspection():
    _, implied = resolve_filters("How was Kent judged in 2019?", None, DOCS)  # no "Ofsted" or "inspection"
    assert implied.ofsted and implied.no_report_year == 2019 and implied.report_years == [2017, 2022]


def test_resolve__a_year_a_question_names_as_data_narrows_nothing():
    papers = {**DOCS, "kent-finance.pdf": DocMeta(doc="kent-finance.pdf", title="Finance monitoring",
                                                  organisation="Kent County Council", org_slug="kent",
                                                  doc_type="committee-report", date="2025-01-30")}
    effective, implied = resolve_filters("What did Kent's finance report say about spending compared with 2017?",
                                         None, papers)
    assert implied.years == [2017] and (effective.since, effective.until) == (None, None)  # a boost only
    effective, _ = resolve_filters("What did Kent's 2017 inspection find?", None, papers)
    assert (effective.since, effective.until) == ("2017-01-01", "2017-12-31")


def test_resolve__what_happened_after_the_newest_document_is_noticed_but_not_what_the_papers_planned_for_then():
    _, implied = resolve_filters("What did Kent's inspection in March 2024 find?", None, DOCS)
    assert implied.after_documents == "2024-03"
    for question in ("What did Kent plan for school places in September 2024?",
                     "What was Kent expected to deliver by April 2024?",
                     "Which changes did Kent propose for June 2024?"):
        _, implied = resolve_filters(question, None, DOCS)
        assert implied.after_documents is None, question


def test_resolve__a_later_month_a_question_names_beside_one_the_papers_cover_is_what_was_decided_about():
    # "did the council vote in January to cancel the May elections?" asks what was done in January
    _, implied = resolve_filters("Did Kent vote in February 2022 to cancel the May 2024 elections?", None, DOCS)
    assert implied.after_documents is None
    _, implied = resolve_filters("Did Kent cancel the May 2024 elections?", None, DOCS)
    assert implied.after_documents == "2024-05"


def test_resolve__one_councils_latest_inspection_is_searched_in_its_newest_report_alone():
    for question in ("How did Kent do at its last inspection?", "What did Kent's most recent Ofsted report find?"):
        effective, _ = resolve_filters(question, None, DOCS)
        assert effective.docs == ["kent-2022.pdf"], question
    for question in ("What did Kent's 2017 inspection say about the last inspection?",  # a year named
                     "How did Medway do at its last inspection?",  # one report: nothing to narrow
                     "What did Kent's last budget say?",  # not about an inspection
                     "How did Kent and Medway do at their latest inspections?"):  # two councils
        effective, _ = resolve_filters(question, None, DOCS)
        assert effective.docs == [], question
    assert resolve_filters("How did Kent do at its last inspection?", {"docs": ["kent-2017.pdf"]},
                           DOCS)[0].docs == ["kent-2017.pdf"]  # explicit filters win


def test_resolve__a_council_with_committee_papers_too_is_one_council():
    # "Kent" selects Kent's Ofsted reports ("kent") and Kent County Council's committee papers ("kent-cc"): still one
    # council, whose missing inspection year and month are noticed as for a council with reports alone
    docs = dict(DOCS)
    for meta in (DocMeta(doc="kent-cc_cabinet_2025-01-30_minutes.pdf", title="Cabinet minutes",
                         organisation="Kent County Council", org_slug="kent-cc", doc_type="minutes",
                         date="2025-01-30"),
                 DocMeta(doc="medway-2023.pdf", title="Medway inspection", organisation="Medway Council",
                         org_slug="medway", doc_type="ofsted-inspection", date="2023-02-01",
                         inspected="2022-12-05/2022-12-16")):
        docs[meta.doc] = meta
    effective, implied = resolve_filters("Was Kent rated inadequate by Ofsted in 2019?", None, docs)
    assert sorted(effective.orgs) == ["kent", "kent-cc"]
    assert implied.no_report_year == 2019 and implied.report_years == [2017, 2022]
    # two councils named: neither's missing year is claimed for both
    _, implied = resolve_filters("What did Ofsted say about Kent and Medway in 2019?", None, docs)
    assert implied.no_report_year is None


def test_resolve__a_year_is_an_inspections_when_its_dates_are_known():
    # Durham's report published in May 2025 of an inspection in March 2025: not a 2024 report; Medway's published in
    # August 2019 of a July 2019 inspection is 2019's alone; a report without dates counts for the year before too
    docs = dict(DOCS)
    durham = DocMeta(doc="durham-2025.pdf", title="Durham inspection", organisation="Durham County Council",
                     org_slug="durham", doc_type="ofsted-inspection", date="2025-05-13", inspected="2025-03-24/2025-03-28")
    docs[durham.doc] = durham
    _, implied = resolve_filters("What did Ofsted say about Durham in 2024?", None, docs)
    assert implied.no_report_year == 2024 and implied.report_years == [2025]
    assert durham.of_year(2025) and not durham.of_year(2024)
    winter = DocMeta(doc="x.pdf", title="", organisation="", org_slug="", doc_type="ofsted-inspection", date="2025-01-20",
                     inspected="2024-11-25/2024-12-06")
    assert winter.of_year(2024) and winter.of_year(2025) and not winter.of_year(2023)
    assert DOCS["kent-2022.pdf"].of_year(2021) and DOCS["kent-2022.pdf"].of_year(2022)  # no dates known
    minutes = DocMeta(doc="m.pdf", title="", organisation="", org_slug="", doc_type="minutes", date="2025-01-30")
    assert minutes.of_year(2025) and not minutes.of_year(2024)


def test_resolve__a_city_is_not_its_county():
    # Nottingham City and Nottinghamshire, Derby and Derbyshire are different councils; "kent" is still Kent's
    # reports and Kent County Council's papers
    docs = dict(DOCS)
    for slug, name in (("nottingham", "Nottingham City Council"), ("nottinghamshire", "Nottinghamshire County Council")):
        docs[f"{slug}.pdf"] = DocMeta(doc=f"{slug}.pdf", title=f"{name} inspection", organisation=name, org_slug=slug,
                                      doc_type="ofsted-inspection", date="2024-07-12")
    docs["kent-cc.pdf"] = DocMeta(doc="kent-cc.pdf", title="Cabinet minutes", organisation="Kent County Council",
                                  org_slug="kent-cc", doc_type="minutes", date="2025-01-30")
    city = Filters(orgs=["nottingham"])
    assert [m.doc for m in docs.values() if city.admits(m)] == ["nottingham.pdf"]
    assert sorted(m.doc for m in docs.values() if Filters(orgs=["kent"]).admits(m)) == \
        ["kent-2017.pdf", "kent-2022.pdf", "kent-cc.pdf"]
    assert [m.doc for m in docs.values() if Filters(orgs=["Kent County Council"]).admits(m)] == \
        ["kent-2017.pdf", "kent-2022.pdf", "kent-cc.pdf"]


def test_resolve__an_org_filter_of_one_council_is_the_council_the_question_is_about():
    # "--org halton" (or the app's council filter) with "What grade did it get overall?": read as naming Halton, so
    # the grade routes answer it as they do when the question names the council (it had been declined)
    papers = {d.doc: d for d in [
        DocMeta(doc="halton.pdf", title="Inspection of Halton", organisation="Halton", org_slug="halton",
                doc_type="ofsted-inspection", date="2024-07-12"),
        DocMeta(doc="kent.pdf", title="Inspection of Kent", organisation="Kent", org_slug="kent",
                doc_type="ofsted-inspection", date="2025-11-20")]}
    effective, implied = resolve_filters("What grade did it get overall?", {"orgs": ["halton"]}, papers)
    assert effective.orgs == ["halton"] and implied.orgs == ["halton"] and implied.org_names == ["Halton"]
    _, both = resolve_filters("What grade did they get?", {"orgs": ["halton", "kent"]}, papers)
    assert both.orgs == [] and both.org_names == []  # two councils: no one council named


def test_resolve__a_meetings_business_asked_of_a_council_with_only_ofsted_reports_is_noticed():
    docs = {d.doc: d for d in [
        DocMeta(doc="greenwich_ofsted.pdf", title="Inspection of Greenwich children's services",
                organisation="Royal Borough of Greenwich", org_slug="greenwich", doc_type="ofsted-inspection",
                date="2024-07-16"),
        DocMeta(doc="kent-cabinet-2025.pdf", title="Cabinet minutes", organisation="Kent County Council",
                org_slug="kent", doc_type="minutes", committee="Cabinet", date="2025-01-30")]}
    assert resolve_filters("What did Greenwich's cabinet decide about family hubs?", None, docs)[1].no_papers
    assert resolve_filters("How did Greenwich councillors vote on the budget?", None, docs)[1].no_papers
    assert resolve_filters("What do Greenwich's minutes say about libraries?", None, docs)[1].no_papers
    # what its committee itself said, not what inspectors said of it
    assert resolve_filters("What did Greenwich's scrutiny committee say about caseloads?", None, docs)[1].no_papers
    assert not resolve_filters("What did inspectors say about Greenwich's scrutiny committee?", None, docs)[1].no_papers
    # minutes of another kind of meeting, as inspectors saw them (tester)
    assert not resolve_filters("What did inspectors say about the minutes of child protection conferences in "
                               "Greenwich?", None, docs)[1].no_papers
    # what its inspection report says, and a council whose papers are indexed, are asked as ever
    assert not resolve_filters("What did Greenwich's corporate parenting board do?", None, docs)[1].no_papers
    assert not resolve_filters("What did Kent's cabinet decide about the budget?", None, docs)[1].no_papers
    assert not resolve_filters("What did Cabinet decide about the budget?", None, docs)[1].no_papers  # no council



def test_resolve__a_kind_of_paper_the_council_has_none_of_is_noticed():
    papers = {d.doc: d for d in [
        DocMeta(doc="medway-2023.pdf", title="Inspection of Medway children's services", organisation="Medway Council",
                org_slug="medway", doc_type="ofsted-inspection", date="2023-09-11"),
        DocMeta(doc="medway-2020.txt", title="Report on Ofsted monitoring visit", organisation="Medway Council",
                org_slug="medway", doc_type="committee-report", date="2020-10-01"),
        DocMeta(doc="kent-eqia.pdf", title="Education provision commissioning plan EqIA", organisation="Kent County "
                "Council", org_slug="kent-cc", doc_type="committee-report", date="2025-01-30")]}
    _, implied = resolve_filters("What did Medway's equality impact assessment of school places find?", None, papers)
    assert implied.no_genre == "equality impact assessment"
    _, implied = resolve_filters("What did Kent County Council's equality impact assessment find?", None, papers)
    assert implied.no_genre is None  # Kent has one
    _, implied = resolve_filters("What did Medway's report on the monitoring visit find?", None, papers)
    assert implied.no_genre is None  # no kind of paper named


def test_resolve__a_year_after_all_of_the_councils_documents_is_noticed():
    papers = {d.doc: d for d in [
        DocMeta(doc="medway-2023.pdf", title="Inspection of Medway children's services", organisation="Medway Council",
                org_slug="medway", doc_type="ofsted-inspection", date="2023-09-11"),
        DocMeta(doc="kent-2025.pdf", title="Cabinet minutes", organisation="Kent County Council", org_slug="kent-cc",
                doc_type="minutes", committee="Cabinet", date="2025-01-30")]}
    _, implied = resolve_filters("What is Medway Council's forecast revenue overspend for 2024-25?", None, papers)
    assert implied.documents_end == 2023
    _, implied = resolve_filters("What was Kent County Council's overspend in 2024-25?", None, papers)
    assert implied.documents_end is None
    _, implied = resolve_filters("What did Medway's inspection find in 2023?", None, papers)
    assert implied.documents_end is None


def test_resolve__a_year_of_what_a_figure_measures_is_not_the_meetings():
    papers = {d.doc: d for d in [
        DocMeta(doc="kent-cabinet-2025.pdf", title="Commissioning plan", organisation="Kent County Council",
                org_slug="kent", doc_type="committee-report", committee="Cabinet", date="2025-01-30")]}
    # a paper of 2025 gives 2023's births: the year is the births', not the discussion's
    for q in ("How many births were there in Kent in 2023 according to the Cabinet discussion of the plan?",
              "How much did Kent spend on school transport in 2023, as reported to Cabinet?"):
        assert resolve_filters(q, None, papers)[1].no_papers_year is None, q
    # a year written as the meeting's still asks for that year's papers, a figure asked or not
    for q in ("How many schools did Cabinet approve in 2023?", "How many births did Cabinet in 2023 note?",
              "How many births were reported at Cabinet meetings in 2023?",
              "What did Cabinet discuss in 2023?"):
        assert resolve_filters(q, None, papers)[1].no_papers_year == 2023, q


def test_resolve__after_a_years_inspection_is_that_inspections_report():
    # "after the 2019 inspection" names the inspection (its report), not the years after it
    docs = dict(DOCS, later=DocMeta(doc="medway-2023.pdf", title="Medway inspection", organisation="Medway Council",
                                    org_slug="medway", doc_type="ofsted-inspection", date="2023-05-01"))
    effective, implied = resolve_filters("How many things did Ofsted say Medway needed to improve after the 2019 "
                                         "inspection?", None, docs)
    assert implied.since_year is None and implied.years == [2019]
    assert (effective.since, effective.until) == ("2019-01-01", "2019-12-31")
    # "since" the inspection, or "after" a year alone, is a span of years
    assert resolve_filters("What has Medway improved since the 2019 inspection?", None, docs)[1].since_year == 2019
    assert resolve_filters("What did Medway do after 2019?", None, docs)[1].since_year == 2019


def test_resolve__papers_of_another_quarter_than_the_one_asked_are_left_out():
    def paper(doc, title, date):
        return DocMeta(doc=doc, title=title, organisation="Kent County Council", org_slug="kent-cc",
                       doc_type="committee-report", committee="Cabinet", date=date)
    papers = {d.doc: d for d in [
        paper("qpr-q3.pdf", "Quarterly performance report Q3 2024-25", "2025-03-04"),
        paper("qpr-q3-cover.pdf", "Quarterly Performance Report, Quarter 3, 2024/25", "2025-03-04"),
        paper("minutes.pdf", "Cabinet minutes", "2025-01-09")]}
    q3 = ["qpr-q3-cover.pdf", "qpr-q3.pdf"]
    printed = {"q2", "q3"}.__contains__  # indexed passages name Q2 (the minutes) and Q3, none Q4

    def knows(word):
        return printed(word.lower())
    effective, _ = resolve_filters("How many KPIs were rated red in Kent County Council's Quarter 2 2024-25 "
                                   "performance report to Cabinet?", None, papers, knows)
    assert effective.not_docs == q3 and not effective.admits(papers["qpr-q3.pdf"])
    assert effective.admits(papers["minutes.pdf"])  # the minutes of the meeting that took Q2's report
    assert resolve_filters("What was Kent's overspend at quarter 3 of 2023-24?", None, papers, knows)[0].not_docs == q3
    assert resolve_filters("What did Kent's second quarter report say?", None, papers, knows)[0].not_docs == q3
    # Quarter 4, which nothing indexed names: the Q3 reports stay, for the answer to say they are Q3's
    assert resolve_filters("How many KPIs were red in Kent's Quarter 4 2024/25 report?", None, papers,
                           knows)[0].not_docs == []
    for q in ("How many KPIs were rated red in Kent's Quarter 3 2024/25 performance report?",
              "What council tax rise does Kent's Q3 finance monitoring report propose for 2025-26?",
              "By how much has Kent's forecast overspend changed since quarter 2?",  # counted from Q2
              "How did Kent's overspend change between Q2 and Q3?", "What was Kent's overspend in 2024-25?"):
        assert resolve_filters(q, None, papers, knows)[0].not_docs == [], q

