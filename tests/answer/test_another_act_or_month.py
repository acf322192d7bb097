"""Near misses of two more kinds declined: a count of one act asked ("how many … were referred?") met by a figure of
another ("monitors 4,798 pupils"), and a committee's meeting asked by a month in which it never met, met by its
meetings of the months either side. Real sentences of the corpus's Kent papers."""

from __future__ import annotations

from assistant.answer.names import counts_another_act, meeting_of_another_month
from assistant.query.implied import Implied
from assistant.records import DocMeta, Hit, Paragraph


def hit(text, doc="kent-cc_cabinet_2025-03-04_quarterly-performance-report-q3-2024-25.pdf", committee="Cabinet",
        date="2025-03-04"):
    m = DocMeta(doc=doc, title="A report", organisation="Kent County Council", org_slug="kent-cc",
                doc_type="committee-report", date=date, committee=committee)
    p = Paragraph(id=f"{doc}-1", doc=doc, ordinal=0, text=text, para="1", page_start=3, page_end=3)
    return Hit(paragraph=p, meta=m, score=0.03, rank=1, dense=0.6, keyword=1.0)


# kent-cc_county-council_2025-03-13_questions-put-and-answers-given.pdf
MONITORS = ("KCC currently monitors 4,798 pupils who are receiving education outside the school system, 26% up on the "
            "same point last year.")
# kent-cc_cabinet_2025-03-04_quarterly-performance-report-q3-2024-25.pdf
EARLY_HELP = ("At the end of December 2024, there were 2,287 family cases open to Early Help units, providing support "
              "for 4,637 children and young people under the age of 18.")


def test_counts_another_act__a_figure_of_another_act_is_no_count_of_the_one_asked():
    assert counts_another_act("How many children were referred to elective home education in Kent?",
                              [(hit(MONITORS), [MONITORS])])
    assert counts_another_act("How many families have been referred to Early Help in Kent?",
                              [(hit(EARLY_HELP), [EARLY_HELP])])


def test_counts_another_act__the_act_in_any_form_stands():
    assert not counts_another_act("How many pupils are monitored by Kent outside the school system?",
                                  [(hit(MONITORS), [MONITORS])])
    # "supported" met by "providing support for 4,637 children"
    assert not counts_another_act("How many children were supported by Early Help units in December 2024?",
                                  [(hit(EARLY_HELP), [EARLY_HELP])])
    # a count asked with no act done ("are in care") is left to the other checks
    assert not counts_another_act("How many families are open to Early Help units?", [(hit(EARLY_HELP), [EARLY_HELP])])
    # nor what was said of them: the first verb after what is counted is the act ("were said", not "based")
    assert not counts_another_act("How many children were said to have been based at the units?",
                                  [(hit(EARLY_HELP), [EARLY_HELP])])


# the first sentences of kent-cc_cabinet_2025-01-30_printed-minutes.pdf and kent-cc_corporate-parenting-panel_2024-12-10
JAN = ("KENT COUNTY COUNCIL CABINET MINUTES of a meeting of the Cabinet held in the Council Chamber, Sessions House, "
       "County Hall, Maidstone on Thursday, 30 January 2025.")
MAR = EARLY_HELP
PANEL = ("1. The Chair reminded the Panel of the Corporate Parenting Christmas campaign asking that those who could "
         "contribute and publicise.")


def test_meeting_of_another_month__a_month_the_committee_never_met():
    found = [hit(JAN, "kent-cc_cabinet_2025-01-30_printed-minutes.pdf", date="2025-01-30"), hit(MAR)]
    cabinet = Implied(orgs=["kent-cc"], committees=["Cabinet"])
    assert meeting_of_another_month("What did Kent's Cabinet discuss at its February 2025 meeting?", found, cabinet)
    assert meeting_of_another_month("What was decided at Kent Cabinet in April 2025?", found, cabinet)
    panel = [hit(PANEL, "kent-cc_corporate-parenting-panel_2024-12-10_minutes.pdf", "Corporate Parenting Panel",
                 "2024-12-10")]
    assert meeting_of_another_month("What items were considered by the Corporate Parenting Panel in November 2024?",
                                    panel, Implied(committees=["Corporate Parenting Panel"]))


def test_meeting_of_another_month__a_month_it_met_or_no_meeting_asked_stands():
    found = [hit(JAN, "kent-cc_cabinet_2025-01-30_printed-minutes.pdf", date="2025-01-30"), hit(MAR)]
    cabinet = Implied(orgs=["kent-cc"], committees=["Cabinet"])
    assert not meeting_of_another_month("What did the Cabinet discuss at its 30 January 2025 meeting?", found, cabinet)
    assert not meeting_of_another_month("What did Cabinet decide in March 2025?", found, cabinet)
    # a month that is not a meeting's ("from April 2025"), or no committee named
    assert not meeting_of_another_month("What did Cabinet agree would change from April 2025?", found, cabinet)
    assert not meeting_of_another_month("What was decided in February 2025?", found, Implied(orgs=["kent-cc"]))
    # the committee's paper of that month found, beside another committee's
    other = hit(MAR, "kent-cc_county-council_2025-02-13_printed-minutes.pdf", "County Council", "2025-02-13")
    assert not meeting_of_another_month("What did the County Council decide in February 2025?", [other, *found],
                                        Implied(committees=["County Council"]))



def test_meeting_of_another_month__the_months_minutes_in_the_next_papers_stand():
    # the February meeting's minutes printed in March's papers: no paper of February, but the month is named
    minutes = hit("Minutes of the meeting held on 3 February 2025 were agreed as a correct record.",
                  "kent-cc_cabinet_2025-03-04_printed-minutes.pdf", date="2025-03-04")
    cabinet = Implied(orgs=["kent-cc"], committees=["Cabinet"])
    assert not meeting_of_another_month("What did Kent's Cabinet discuss at its February 2025 meeting?",
                                        [minutes, hit(MAR)], cabinet)


def test_counts_another_act__a_documents_say_is_no_act():
    # "does the plan say are needed": what a document says is needed, not a count of those to whom something was done
    plan = [(hit("A total of 44.9FE across the Plan period."), ["A total of 44.9FE across the Plan period."])]
    assert not counts_another_act("How many forms of entry of primary school places does Kent's Education "
                                  "Commissioning Plan say are needed across the plan period?", plan)
