from assistant.ui.conversation import Context, context_after, is_follow_up, understand

from .helpers import answer


def _first(question="What did Ofsted say about caseloads in Medway in 2019?"):
    u = understand(question, None, {}, named_orgs=["medway"], named_org_names=["Medway"], named_years=[2019])
    return u, context_after(u, answer(question))


def test_understand__first_question_adds_no_filters():
    u, ctx = _first()
    assert u.filters == {} and u.note is None
    assert ctx.orgs == ["medway"] and ctx.years == [2019]


def test_follow_up__new_year_replaces_carried_year_and_keeps_council():
    _, ctx = _first()
    u = understand("and what about in 2023?", ctx, {}, named_orgs=[], named_org_names=[], named_years=[2023])
    assert u.filters == {"orgs": ["medway"], "since": "2023-01-01", "until": "2023-12-31"}
    # searched as the first question asked of 2023 (it had been searched as "and what about in 2023?", and declined)
    assert u.searched == "What did Ofsted say about caseloads in Medway in 2023?"
    assert u.note == "Understood as: What did Ofsted say about caseloads in Medway in 2023? (Medway, 2023)"


def test_follow_up__pronoun_carries_council_and_year():
    _, ctx = _first()
    u = understand("what did they say about caseloads there?", ctx, {}, named_orgs=[], named_org_names=[],
                   named_years=[])
    assert u.filters == {"orgs": ["medway"], "since": "2019-01-01", "until": "2019-12-31"}
    assert "(Medway, 2019)" in u.note


def test_follow_up__new_council_replaces_carried_one():
    _, ctx = _first()
    u = understand("and what about Kent there?", ctx, {}, named_orgs=["kent"], named_org_names=["Kent"],
                   named_years=[])
    assert "orgs" not in u.filters  # the engine restricts to the council named in the question
    assert u.context.orgs == ["kent"] and u.context.years == [2019]
    assert u.note == "Understood as: What did Ofsted say about caseloads in Kent in 2019? (Kent, 2019)"


def test_new_question__carries_nothing():
    _, ctx = _first()
    u = understand("How many extra social work posts were created?", ctx, {}, named_orgs=[], named_org_names=[],
                   named_years=[])
    assert u.filters == {} and u.note is None


def test_sidebar_filters_win_over_carried_context():
    _, ctx = _first()
    sidebar = {"orgs": ["kent"], "since": "2015-01-01"}
    u = understand("and what about there?", ctx, sidebar, named_orgs=[], named_org_names=[], named_years=[])
    assert u.filters == sidebar and u.note is None


def test_follow_up__that_report_carries_the_single_cited_document():
    prev = Context(orgs=["medway"], org_names=["Medway"],
                   cited_docs=[("medway_ofsted-childrens-services_2019-08-27.pdf", "Inspection of Medway")])
    u = understand("what else did that report say about early help?", prev, {}, named_orgs=[], named_org_names=[],
                   named_years=[])
    assert u.filters["docs"] == ["medway_ofsted-childrens-services_2019-08-27.pdf"]
    assert "document" in u.carried and "Inspection of Medway" in u.note


def test_context_after__takes_council_from_citations_when_none_named():
    u = understand("What did inspectors say about step-down?", None, {}, named_orgs=[], named_org_names=[],
                   named_years=[])
    ctx = context_after(u, answer())
    assert ctx.orgs == ["medway"] and ctx.org_names == ["Medway"]
    assert ctx.years == []  # citations span 2019 and 2020


def test_context_after__abstention_keeps_only_what_was_named():
    u = understand("What about Birmingham?", None, {}, named_orgs=[], named_org_names=[], named_years=[])
    assert context_after(u, answer(abstained=True)).is_empty()


def test_is_follow_up():
    assert is_follow_up("and what about in 2023?")
    assert is_follow_up("What did they say about caseloads there?")
    assert not is_follow_up("What did inspectors say about step-down?")


def test_follow_up__a_question_pointing_back_is_searched_with_what_the_last_one_was_about():
    first = understand("What did full council agree about the JHOSC terms of reference?", None, {},
                       named_orgs=["kent"], named_org_names=["Kent"], named_years=[])
    assert first.context.subject == "the JHOSC terms of reference" and first.searched == ""
    ctx = context_after(first, answer())
    u = understand("Who proposed it?", ctx, {}, named_orgs=[], named_org_names=[], named_years=[])
    assert u.searched == "Who proposed it? (about the JHOSC terms of reference)" and "subject" in u.carried
    assert u.note.startswith("Understood as: Who proposed it? (about the JHOSC terms of reference) (Kent")
    # and the next pointing back keeps it
    again = understand("When was it agreed?", context_after(u, answer()), {}, named_orgs=[], named_org_names=[],
                       named_years=[])
    assert again.searched == "When was it agreed? (about the JHOSC terms of reference)"
    # a follow-up with a subject of its own is searched as asked
    own = understand("what did they say about caseloads there?", ctx, {}, named_orgs=[], named_org_names=[],
                     named_years=[])
    assert own.searched == "" and "subject" not in own.carried


def test_subject_of__leaves_the_council_and_year_to_the_filters():
    from assistant.ui.conversation import subject_of

    assert subject_of("What did Ofsted say about caseloads in Medway in 2019?", ["Medway"]) == "caseloads"
    assert subject_of("What did Kent's cabinet agree about the JHOSC terms of reference in 2024-25?", ["Kent"]) == \
        "the JHOSC terms of reference"
    # a follow-up naming another year asks the last question again of that year, with its subject
    _, ctx = _first()
    u = understand("And in 2023?", ctx, {}, named_orgs=[], named_org_names=[], named_years=[2023])
    assert u.searched == "What did Ofsted say about caseloads in Medway in 2023?"
    assert understand("And in 2023?", None, {}, named_orgs=[], named_org_names=[], named_years=[2023]).searched == ""


def test_follow_up__a_council_named_after_a_follow_up_that_named_none_is_a_filter():
    _, ctx = _first()
    u = understand("and what about care leavers?", ctx, {}, named_orgs=[], named_org_names=[], named_years=[])
    ctx = context_after(u, answer())
    again = understand("what about Kent?", ctx, {}, named_orgs=["kent"], named_org_names=["Kent"], named_years=[])
    assert again.searched == "and what about care leavers?" and again.filters["orgs"] == ["kent"]


def test_follow_up__a_year_the_cited_documents_gave_is_not_carried_to_another_council():
    """"What did Ofsted say about step-down?" answered from one 2019 report carries 2019 to "and what about
    exploitation?" (the same report), not to "what about Kent?", whose reports are of other years; a year the user
    said is carried to the other council."""
    from dataclasses import replace

    u = understand("What did inspectors say about step-down?", None, {}, named_orgs=[], named_org_names=[],
                   named_years=[])
    one_report = answer()
    one_report = replace(one_report, citations=one_report.citations[:1])
    ctx = context_after(u, one_report)
    assert ctx.years == [2019] and ctx.years_cited
    same = understand("and what about exploitation?", ctx, {}, named_orgs=[], named_org_names=[], named_years=[])
    assert same.filters["since"] == "2019-01-01" and "year" in same.carried
    # said to be the cited report's year, not one the user set (testers ua70 #12: "an unsaid From: 1 Jan 2026")
    assert same.note == "Understood as: and what about exploitation? (Medway, 2019, the year of the sources cited)"
    kent = understand("what about Kent?", ctx, {}, named_orgs=["kent"], named_org_names=["Kent"], named_years=[])
    assert "since" not in kent.filters and "year" not in kent.carried
    _, said = _first()  # "… in Medway in 2019?": 2019 was said
    assert understand("what about Kent?", said, {}, named_orgs=["kent"], named_org_names=["Kent"],
                      named_years=[]).filters["since"] == "2019-01-01"


def test_follow_up__the_report_named_as_one_already_known_keeps_the_council_and_year():
    """After a question about Kent's Cabinet in 2025, "who introduced the finance monitoring report?" names no council
    or year of its own: it is asked of Kent, 2025 (it had been searched in every council's papers); a question naming
    its own council, or none of "the … report / meeting", is a new question."""
    first = understand("What decisions did the Cabinet take on 30 January 2025?", None, {}, named_orgs=[],
                       named_org_names=[], named_years=[2025])
    ctx = context_after(first, answer())
    u = understand("who introduced the finance monitoring report?", ctx, {}, named_orgs=[], named_org_names=[],
                   named_years=[])
    assert u.follow_up and u.filters["orgs"] == ["medway"] and u.filters["since"] == "2025-01-01"
    assert "document" not in u.carried  # another paper than the one cited
    assert "(Medway, 2025)" in u.note
    own = understand("who introduced the finance monitoring report in Kent?", ctx, {}, named_orgs=["kent"],
                     named_org_names=["Kent"], named_years=[])
    assert not own.follow_up and own.filters == {}
    assert not understand("How many extra social work posts were created?", ctx, {}, named_orgs=[],
                          named_org_names=[], named_years=[]).follow_up


def test_follow_up__another_council_for_a_question_that_leaned_on_the_one_before_keeps_its_kind_of_source():
    """"What did Ofsted ask Medway to improve?" (answered from one Ofsted report), "and what did it say about care
    leavers?", then "what about Kent?": the last question asked again of Kent, where its "it" is still Ofsted: searched
    in Kent's inspection reports (it had been searched in every Kent paper and answered from panel minutes); a first
    question that names its source itself is asked again of Kent with no such filter."""
    from dataclasses import replace

    one_report = answer()
    one_report = replace(one_report, citations=one_report.citations[:1])  # an Ofsted report's paragraph
    first = understand("What did Ofsted ask Medway to improve?", None, {}, named_orgs=["medway"],
                       named_org_names=["Medway"], named_years=[])
    ctx = context_after(first, one_report)
    assert ctx.doc_types == ["ofsted-inspection"]
    leaning = understand("and what did it say about care leavers?", ctx, {}, named_orgs=[], named_org_names=[],
                         named_years=[])
    ctx = context_after(leaning, one_report)
    kent = understand("what about Kent?", ctx, {}, named_orgs=["kent"], named_org_names=["Kent"], named_years=[])
    assert kent.searched == "and what did it say about care leavers?"
    assert kent.filters["orgs"] == ["kent"] and kent.filters["doc_types"] == ["ofsted-inspection"]
    assert "source" in kent.carried
    _, said = _first()  # "What did Ofsted say about caseloads in Medway in 2019?" names Ofsted itself
    assert "doc_types" not in understand("what about Kent?", said, {}, named_orgs=["kent"], named_org_names=["Kent"],
                                         named_years=[]).filters


def test_follow_up__the_report_named_after_a_meeting_question_is_asked_at_that_meeting():
    """"What decisions did Kent's Cabinet take on 30 January 2025?" then "who introduced the finance monitoring
    report?": asked at that meeting, of that day's papers (it had kept only Kent and 2025, and was answered from
    another paragraph of the report, "Link Group provide regular performance monitoring reports.", testers ua70 #18);
    a follow-up naming its own meeting, or a question pointing back at the subject ("who proposed it?"), keeps none."""
    first = understand("What decisions did Kent's Cabinet take on 30 January 2025?", None, {}, named_orgs=["kent"],
                       named_org_names=["Kent"], named_years=[2025], named_committees=["Cabinet"],
                       named_days=["2025-01-30"])
    ctx = context_after(first, answer())
    assert ctx.meeting == "Cabinet on 30 January 2025"
    u = understand("who introduced the finance monitoring report?", ctx, {}, named_orgs=[], named_org_names=[],
                   named_years=[])
    assert u.searched == "who introduced the finance monitoring report? (at Cabinet on 30 January 2025)"
    assert u.filters == {"orgs": ["kent"], "since": "2025-01-30", "until": "2025-01-30"}
    assert "meeting" in u.carried and "year" not in u.carried
    assert u.note == "Understood as: who introduced the finance monitoring report? (at Cabinet on 30 January 2025) (Kent)"
    # the next "the report" question is still of that meeting
    again = understand("what did the report say about reserves?", context_after(u, answer()), {}, named_orgs=[],
                       named_org_names=[], named_years=[])
    assert again.searched.endswith("(at Cabinet on 30 January 2025)")
    own = understand("who introduced the report at Cabinet on 13 March 2025?", ctx, {}, named_orgs=[],
                     named_org_names=[], named_years=[2025], named_committees=["Cabinet"], named_days=["2025-03-13"])
    assert "meeting" not in own.carried
    assert "meeting" not in understand("Who proposed it?", ctx, {}, named_orgs=[], named_org_names=[],
                                       named_years=[]).carried
    # sidebar dates win
    assert "meeting" not in understand("who introduced the finance monitoring report?", ctx, {"since": "2024-01-01"},
                                       named_orgs=[], named_org_names=[], named_years=[]).carried


def test_follow_up__the_panel_named_as_one_already_known_keeps_the_council_only():
    # "what did the panel resolve about the Sufficiency Strategy?" after a question about Kent's Corporate Parenting
    # Panel had been answered with no council at all (tester, round 71)
    first = understand("Who was elected Vice-Chair of Kent's Corporate Parenting Panel in October 2024?", None, {},
                       named_orgs=["kent"], named_org_names=["Kent"], named_years=[2024])
    ctx = context_after(first, answer())
    u = understand("what did the panel resolve about the Sufficiency Strategy?", ctx, {}, named_orgs=[],
                   named_org_names=[], named_years=[])
    assert u.follow_up and u.carried == ["organisation"] and u.filters == {"orgs": ["kent"]}  # no year, no meeting
    # a question naming its own council, or with no council before it, is its own
    assert not understand("what did the panel resolve about the Sufficiency Strategy?", None, {}, named_orgs=[],
                          named_org_names=[], named_years=[]).follow_up
    assert understand("what did Medway's panel resolve?", ctx, {}, named_orgs=["medway"], named_org_names=["Medway"],
                      named_years=[]).filters == {}
    # a turn answered from Ofsted's reports alone knew no panel or Cabinet of the council's: a question about "the
    # Cabinet Member" after it is its own (it had been searched in Medway's inspection reports, tester, round 72)
    ofsted = Context(orgs=["medway"], org_names=["Medway"], doc_types=["ofsted-inspection"])
    assert not understand("What did the Cabinet Member say about expanding Gatwick?", ofsted, {}, named_orgs=[],
                          named_org_names=[], named_years=[]).follow_up
    assert understand("What did the Cabinet Member say about expanding Gatwick?", ctx, {}, named_orgs=[],
                      named_org_names=[], named_years=[]).filters == {"orgs": ["kent"]}


def test_context_after__the_one_meeting_whose_papers_the_answer_cited():
    from dataclasses import replace

    u = understand("What did the committee hear about the Ofsted monitoring visit?", None, {}, named_orgs=[],
                   named_org_names=[], named_years=[])
    one_paper = answer()
    one_paper = replace(one_paper, citations=one_paper.citations[1:])  # the 1 Oct 2020 committee report's paragraph
    assert context_after(u, one_paper).meeting == \
        "Children and Young People Overview and Scrutiny Committee on 1 October 2020"
    assert context_after(u, answer()).meeting == ""  # an Ofsted report's paragraph too: no one meeting


def test_follow_up__another_council_after_an_answer_from_the_newest_report_is_asked_of_its_newest():
    """"What did Ofsted say about care leavers in Solihull?" answered from Solihull's newest report, then "what about
    Kent?": asked of Kent's newest report (it had been answered from Kent's 2013 report, its 2026 one indexed, testers
    ua70 #20); the 2026 year is not carried to Kent. An answer from an older report, or a year the user said, leaves
    the other council's reports to the engine."""
    from dataclasses import replace

    from .helpers import OFSTED_2019

    kent = [replace(OFSTED_2019, doc=f"kent_ofsted-childrens-services_{d}.pdf", organisation="Kent",
                    org_slug="kent", title="Inspection of Kent children's services", date=d)
            for d in ("2013-08-23", "2026-02-02", "2017-06-13")]
    documents = [OFSTED_2019, *kent]
    one_report = answer()
    one_report = replace(one_report, citations=one_report.citations[:1])  # Medway's 2019 report, its newest here
    first = understand("What did Ofsted say about step-down in Medway?", None, {}, named_orgs=["medway"],
                       named_org_names=["Medway"], named_years=[], documents=documents)
    ctx = context_after(first, one_report, documents)
    assert ctx.cited_newest and ctx.years == [2019] and ctx.years_cited
    u = understand("what about Kent?", ctx, {}, named_orgs=["kent"], named_org_names=["Kent"], named_years=[],
                   documents=documents)
    assert u.filters == {"docs": ["kent_ofsted-childrens-services_2026-02-02.pdf"]}
    assert "year" not in u.carried and "document" in u.carried
    assert u.note == ("Understood as: What did Ofsted say about step-down in Kent? "
                      "(Kent, its newest report: Inspection of Kent children's services, 2026)")
    # the same council's follow-up keeps its report's year, as before
    same = understand("and what about exploitation?", ctx, {}, named_orgs=[], named_org_names=[], named_years=[],
                      documents=documents)
    assert same.filters["since"] == "2019-01-01" and "docs" not in same.filters
    # Medway's 2019 report is not its newest when its 2023 one is indexed: no newest rule to carry
    newer = [*documents, replace(OFSTED_2019, doc="medway_ofsted-childrens-services_2023-09-11.pdf", date="2023-09-11")]
    assert not context_after(first, one_report, newer).cited_newest
    # a year the user said is carried instead ("… in Medway in 2019?" then "what about Kent?")
    said = understand("What did Ofsted say about step-down in Medway in 2019?", None, {}, named_orgs=["medway"],
                      named_org_names=["Medway"], named_years=[2019], documents=documents)
    said_ctx = context_after(said, one_report, documents)
    assert not said_ctx.cited_newest
    assert "docs" not in understand("what about Kent?", said_ctx, {}, named_orgs=["kent"], named_org_names=["Kent"],
                                    named_years=[], documents=documents).filters


def test_follow_up__the_report_named_by_its_kind_alone_is_the_last_turns_subject_at_its_meeting():
    """"What did Kent's Cabinet decide about the Commissioning Plan on 30 January 2025?" then "who introduced the
    report?": the Commissioning Plan's report at that meeting (it had been searched in all that day's papers and
    answered from another item's minute, tester, round 72); "who introduced the finance monitoring report?" and
    "what did the report say about reserves?" name their own subject."""
    first = understand("What did Kent's Cabinet decide about the Commissioning Plan on 30 Jan 2025?", None, {},
                       named_orgs=["kent"], named_org_names=["Kent"], named_years=[2025],
                       named_committees=["Cabinet"], named_days=["2025-01-30"])
    ctx = context_after(first, answer())
    assert ctx.subject == "the Commissioning Plan"  # (the day is the meeting's, carried as such)
    u = understand("who introduced the report?", ctx, {}, named_orgs=[], named_org_names=[], named_years=[])
    assert u.searched == "who introduced the report? (about the Commissioning Plan, at Cabinet on 30 January 2025)"
    assert u.filters == {"orgs": ["kent"], "since": "2025-01-30", "until": "2025-01-30"}
    assert {"subject", "meeting"} <= set(u.carried)
    for own in ("who introduced the finance monitoring report?", "what did the report say about reserves?"):
        assert "subject" not in understand(own, ctx, {}, named_orgs=[], named_org_names=[], named_years=[]).carried


def test_follow_up__a_role_named_as_one_already_known_is_the_last_turns_councils():
    """"What did Ofsted say Medway needs to improve?" then "who was the lead inspector?": Medway's report's lead
    inspector (tester, round 73: asked of every council's reports, it was answered with three others' lead
    inspectors). A council's own role ("the Cabinet Member") after an answer from Ofsted's reports alone is a new
    question (round 72); one naming its own council is too."""
    first = understand("What did Ofsted say Medway needs to improve?", None, {}, named_orgs=["medway"],
                       named_org_names=["Medway"], named_years=[])
    ctx = context_after(first, answer())
    u = understand("who was the lead inspector?", ctx, {}, named_orgs=[], named_org_names=[], named_years=[])
    assert u.follow_up and u.filters["orgs"] == ["medway"] and "organisation" in u.carried
    assert understand("who was the lead inspector in Kent?", ctx, {}, named_orgs=["kent"], named_org_names=["Kent"],
                      named_years=[]).filters == {}
    assert not understand("What did inspectors say about step-down?", ctx, {}, named_orgs=[], named_org_names=[],
                          named_years=[]).follow_up  # not one person known already
    ofsted_only = Context(orgs=["medway"], org_names=["Medway"], doc_types=["ofsted-inspection"])
    assert not understand("who was the Cabinet Member?", ofsted_only, {}, named_orgs=[], named_org_names=[],
                          named_years=[]).follow_up
    assert understand("who was the lead inspector?", ofsted_only, {}, named_orgs=[], named_org_names=[],
                      named_years=[]).filters["orgs"] == ["medway"]
    minutes = Context(orgs=["kent"], org_names=["Kent"], doc_types=["committee-minutes"])
    assert understand("who is the Cabinet Member for it?", minutes, {}, named_orgs=[], named_org_names=[],
                      named_years=[]).filters["orgs"] == ["kent"]
