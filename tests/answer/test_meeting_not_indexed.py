"""A meeting the question names by its date ("at the 19 February 2024 meeting") when no indexed paper of the council
(and committee, if named) is from that month: declined, saying which meeting the documents lack, not answered from
another year's meeting. Judged on the index's own list of documents, not on what the search found. Real Kent papers
of the corpus (their names and dates) and sentences of them."""

from __future__ import annotations

from assistant.answer.names import meeting_not_indexed
from assistant.query.implied import Implied
from assistant.records import DocMeta, Hit, Paragraph


def meta(doc: str) -> DocMeta:
    org, committee, date = doc.split("_")[:3]
    return DocMeta(doc=doc, title="A paper", organisation="Kent County Council", org_slug=org,
                   doc_type="committee-report", date=date, committee={"county-council": "County Council", "cabinet":
                   "Cabinet", "corporate-parenting-panel": "Corporate Parenting Panel"}[committee])


PAPERS = {d: meta(d) for d in ("kent-cc_county-council_2025-02-13_printed-minutes.pdf",
                               "kent-cc_county-council_2025-03-13_questions-put-and-answers-given.pdf",
                               "kent-cc_cabinet_2025-01-30_printed-minutes.pdf",
                               "kent-cc_corporate-parenting-panel_2024-10-29_minutes.pdf",
                               "kent-cc_corporate-parenting-panel_2024-12-10_minutes.pdf")}
OFSTED = DocMeta(doc="kent_ofsted-childrens-services_2022-09-05.pdf", title="Inspection", organisation="Kent",
                 org_slug="kent-cc", doc_type="ofsted-inspection", date="2022-09-05")


def hit(text: str, doc: str) -> Hit:
    p = Paragraph(id=f"{doc}-1", doc=doc, ordinal=0, text=text, para="3", page_start=3, page_end=3)
    return Hit(paragraph=p, meta=PAPERS[doc], score=0.03, rank=1, dense=0.6, keyword=1.0)


# kent-cc_county-council_2025-02-13_printed-minutes.pdf, minute 290
VOTE = hit("(3) The Chairman put the motion set out in paragraph 2 to the vote and the voting was as follows: For (57) "
           "Against (0) Abstain (2) Motion carried.", "kent-cc_county-council_2025-02-13_printed-minutes.pdf")
# kent-cc_corporate-parenting-panel_2024-10-29_minutes.pdf
MINUTES = hit("RESOLVED that the minutes of the meeting held on 30 July 2024 were a correct record of the meeting.",
              "kent-cc_corporate-parenting-panel_2024-10-29_minutes.pdf")
KENT = Implied(orgs=["kent-cc"], org_names=["Kent County Council"])


def test_a_meeting_named_by_its_date_with_no_paper_of_that_month_is_declined():
    said = meeting_not_indexed("How did members vote on the Kent County Council budget at the 19 February 2024 "
                               "meeting?", [VOTE], KENT, {**PAPERS, OFSTED.doc: OFSTED})
    assert said == ("Kent County Council's 19 February 2024 meeting (the papers indexed are from October 2024 to "
                    "March 2025)")
    assert meeting_not_indexed("What was agreed at the meeting held on 21st March 2024?", [VOTE], KENT, PAPERS)
    panel = Implied(orgs=["kent-cc"], org_names=["Kent"], committees=["Corporate Parenting Panel"])
    said = meeting_not_indexed("What did Kent's Corporate Parenting Panel decide at its September 2024 meeting?",
                               [MINUTES], panel, PAPERS)
    assert said.startswith("Kent's Corporate Parenting Panel's September 2024 meeting")
    # papers of another committee that month do not hold the one named
    assert meeting_not_indexed("What did the Cabinet discuss at its February 2025 meeting?", [VOTE],
                               Implied(committees=["Cabinet"]), PAPERS)


def test_a_meeting_indexed_or_its_minutes_found_or_no_meeting_named_stands():
    # the search found none of it, but the index holds a paper of that meeting's month
    assert not meeting_not_indexed("How did members vote at the 13 February 2025 budget meeting?", [MINUTES], KENT,
                                   PAPERS)
    # its minutes printed in the next meeting's papers
    panel = Implied(orgs=["kent-cc"], committees=["Corporate Parenting Panel"])
    assert not meeting_not_indexed("What did the Corporate Parenting Panel decide at its meeting on 30 July 2024?",
                                   [MINUTES], panel, PAPERS)
    # a month that is no meeting's, or no paper of the council indexed (said elsewhere), or no list given
    assert not meeting_not_indexed("How many children were in care in March 2024?", [VOTE], KENT, PAPERS)
    assert not meeting_not_indexed("What was agreed at the 19 February 2024 meeting?", [VOTE],
                                   Implied(orgs=["medway"]), PAPERS)
    assert not meeting_not_indexed("What was agreed at the 19 February 2024 meeting?", [VOTE], KENT, None)
