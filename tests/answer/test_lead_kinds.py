"""The answer's first line: a date still to come in a past-tense sentence, the newest report on a subject, a
resolution found below the cited paragraphs, and what a lead-in on a colon introduces."""

from __future__ import annotations

from dataclasses import replace

from assistant.answer.config import AnswerConfig
from assistant.answer.extractive import compose, with_resolution, yielding_lead_ins
from assistant.answer.scoring import dated_after, holds
from assistant.parse.sentences import split_sentences
from assistant.query.implied import Implied
from assistant.query.kinds import expected
from assistant.records import DocMeta, Hit, Paragraph

LOW_SCORES = {"sentence_keep": 0.0, "score_keep": 0.0, "min_dense": 0.0, "abstain_below": 0.0}  # word-hash model


def _hit(text, doc="kent_minutes.pdf", para="3", date="2025-01-30", rank=1, score=0.03, org="Kent",
         doc_type="committee-minutes", committee="Cabinet", row=None, kind="text"):
    m = DocMeta(doc=doc, title=f"{org} {committee} minutes", organisation=org, org_slug=org.lower(), doc_type=doc_type,
                date=date, committee=committee)
    p = Paragraph(id=f"{doc}-{para}-{row}", doc=doc, ordinal=0, text=text, para=para, page_start=3, page_end=3,
                  kind=kind)
    return Hit(paragraph=p, meta=m, score=score, rank=rank, dense=0.6, keyword=1.0, row=row)


def test_dated_after__a_month_after_the_papers_own_is_still_to_come():
    assert dated_after("The final phase of this expansion was set for September 2025.", "2025-01-30")
    assert dated_after("It had plans to reach stage two in Spring 2026.", "2025-10-01")
    assert not dated_after("The final phase of this expansion was set for September 2025.", "2025-10-01")
    assert dated_after("Two new family hubs will open by September 2026.", "2025-10-01")
    assert not dated_after("The budget for 2026 was agreed.", "2025-01-30")  # a year alone dates no event
    # a span's end sets nothing for that month
    assert not dated_after("The forecast expenditure for the programme through to April 2026 is higher.", "2025-01-30")
    # a called-off date is not to come
    assert not holds("future", "Visits had been scheduled for June 2026 but were postponed.", "When is the visit?",
                     written="2025-01-30")


def test_compose__a_past_tense_sentence_dating_what_is_still_to_come_answers_when_it_is_due(fake_embedder):
    q = "When is the final phase of free nursery expansion due?"
    minute = _hit("3. Assurance was provided that free nursery places had been beneficial. The final phase of this "
                  "expansion was set for September 2025.")
    out = compose(q, [minute], fake_embedder, cfg=AnswerConfig(**LOW_SCORES))
    assert not out.abstained and "September 2025" in out.citations[0].quote
    after = replace(minute, meta=replace(minute.meta, date="2025-10-01"))  # written after it: no longer to come
    assert compose(q, [after], fake_embedder, cfg=AnswerConfig(**LOW_SCORES)).abstained


def _report(text, year, date, para, rank, score):
    return _hit(text, doc=f"kent_ofsted_{year}.pdf", para=para, date=date, rank=rank, score=score,
                doc_type="ofsted-inspection", committee=None)


def test_compose__naming_no_year_the_newest_reports_finding_on_the_subject_leads(fake_embedder):
    old = _report("37. Children at risk of exploitation are identified and helped by inspectors' account.", 2017,
                  "2017-06-13", "37", 1, 0.04)
    new = _report("50. For many care leavers, professionals lack curiosity about exploitation.", 2026, "2026-02-02",
                  "50", 2, 0.03)
    cfg = AnswerConfig(**LOW_SCORES)
    out = compose("What did Ofsted say about exploitation in Kent?", [old, new], fake_embedder, cfg=cfg)
    assert out.citations[0].doc == "kent_ofsted_2026.pdf"
    # a newest report's quote that does not bear on the subject does not take the lead
    other = _report("50. Leaders know their services well.", 2026, "2026-02-02", "50", 2, 0.03)
    out = compose("What did Ofsted say about exploitation in Kent?", [old, other], fake_embedder, cfg=cfg)
    assert out.citations[0].doc == "kent_ofsted_2017.pdf"
    # nor one that touches on it where the older report's is about it
    about = _report("12. Work with adolescents at risk of exploitation is weak.", 2017, "2017-06-13", "12", 1, 0.04)
    touches = _report("45. Leaders manage the risk of drift well.", 2026, "2026-02-02", "45", 2, 0.03)
    out = compose("What did Ofsted say about adolescents at risk of exploitation in Kent?", [about, touches],
                  fake_embedder, cfg=cfg)
    assert out.citations[0].doc == "kent_ofsted_2017.pdf"


def test_with_resolution__a_resolution_below_the_cited_paragraphs_is_cited_for_what_was_decided():
    q = "What did the Scrutiny Committee resolve about the family hubs decision?"
    asked = _hit("The Cabinet is asked to consider the comments of the Scrutiny Committee on the family hubs decision.",
                 doc="report.pdf", para="1", rank=1)
    debate = _hit("9. The Scrutiny Committee considered the call-in reasoning.", doc="report.pdf", para="9", rank=2)
    motion = _hit("10. Following the debate, the Scrutiny Committee unanimously agreed the following motion: a. That "
                  "implementation of the family hubs decision be postponed.", doc="report.pdf", para="10", rank=7)
    hits = [asked, debate, motion]
    assert with_resolution(q, ["decision"], [asked, debate], hits, None) == [asked, debate, motion]
    # not for a question on what was asked of it, nor when a cited paragraph records a decision already
    assert with_resolution("What was the Scrutiny Committee asked to decide?", ["decision"], [asked], hits, None) \
        == [asked]
    assert with_resolution(q, ["decision"], [motion, asked], hits, None) == [motion, asked]
    # nor a resolution on something else
    other = replace(motion, paragraph=replace(motion.paragraph, text="10. RESOLVED that the minutes be signed."))
    assert with_resolution(q, ["decision"], [asked], [asked, other], None) == [asked]
    # nor another body's decision reported in the minutes of the body asked about
    cabinet = Implied(committees=["Cabinet"])
    q = "What did Cabinet resolve when it reconsidered the family hubs decision?"
    update = _hit("1. The Leader provided an update: (a) At the Scrutiny Committee, Members agreed to refer the family "
                  "hubs decision to full Council.", rank=3)
    assert with_resolution(q, ["decision"], [asked], [asked, update], cabinet) == [asked]
    resolved = _hit("4. RESOLVED that Cabinet confirm the family hubs decision.", rank=4)
    assert with_resolution(q, ["decision"], [asked], [asked, update, resolved], cabinet) == [asked, resolved]


def test_compose__what_a_lead_in_on_a_colon_introduces_leads_in_its_place(fake_embedder):
    q = "What did the Council resolve about the petition?"
    lead_in = _hit("1.3 The petition prompted a debate at County Council. Council resolved the following:", para="1.3",
                   rank=1, score=0.04, row=10)
    said = _hit("Council recognises that the petition about the Council represents local opinion and asks the Cabinet "
                "Member to take it into consideration.", para=None, rank=2, score=0.03, row=11)
    following = {10: [said]}
    out = compose(q, [lead_in, said], fake_embedder, cfg=AnswerConfig(**LOW_SCORES),
                  following=lambda row: following.get(row, []))
    assert out.citations[0].quote.startswith("Council recognises that the petition")
    assert out.text.startswith("Council resolved the following: Council recognises that the petition")



def test_yielding_lead_ins__a_lead_in_that_gives_what_was_asked_for_keeps_the_lead():
    form = _hit("Amendment Number: 7 Proposer: Mr Mike Sole Seconder: Mr Antony Hook Proposed Purpose:", para=None,
                rank=1, row=10)
    resolved = _hit("1.3 The petition prompted a debate. Council resolved the following:", para="1.3", rank=1, row=10)
    said = _hit("£250k to be added to the adult social care budget.", para=None, rank=2, row=11)
    following = {10: [said]}
    for lead_in, q, yields in ((form, "Who proposed moving £250k to adult social care?", False),
                               (resolved, "What did the Council resolve about the petition?", True)):
        citations = [(lead_in, [split_sentences(lead_in.paragraph.text)[-1]]), (said, [said.paragraph.text])]
        got = yielding_lead_ins(q, expected(q), citations, lambda row: following.get(row, []))
        assert got == ({1: 0} if yields else {})


def test_heading_asked__a_heading_naming_just_what_is_asked_not_one_sharing_a_word():
    from assistant.answer.lead import heading_asked
    q = "What are the financial implications of the council's Integrated Care Strategy delivery plan?"
    intro = _hit("2.7 The actions detail the council's contribution to the Integrated Care Strategy delivery plan.",
                 para="2.7")
    money = _hit("7.2 The proposed priorities will need to be delivered at low or no cost.", para="7.2")
    context = _hit("3.1 The financial climate is challenging.", para="3.1")
    intro = replace(intro, paragraph=replace(intro.paragraph, heading="2. Introduction"))
    money = replace(money, paragraph=replace(money.paragraph, heading="7. Financial Implications"))
    context = replace(context, paragraph=replace(context.paragraph, heading="3. Financial Context"))
    cited = [(intro, [intro.paragraph.text]), (money, [money.paragraph.text]), (context, [context.paragraph.text])]
    assert heading_asked(q, cited) == {1}
    # a heading naming the plan the question asks about is not what it asks for
    plan = replace(intro, paragraph=replace(intro.paragraph, heading="Integrated Care Strategy delivery plan"))
    assert heading_asked(q, [(plan, [plan.paragraph.text])]) == set()
    assert heading_asked("How will the plan be paid for?", cited) == set()


def test_compose__the_paragraph_under_the_heading_asked_for_leads(fake_embedder):
    q = "What are the financial implications of the council's Integrated Care Strategy delivery plan priorities?"
    intro = _hit("2.7 The actions defined in this work detail the council's contribution to delivery of the "
                 "Integrated Care Strategy delivery plan priorities.", para="2.7", rank=1, score=0.04)
    money = _hit("7.2 The proposed priorities of the council's Integrated Care Strategy delivery plan will need to be "
                 "delivered at low or no cost.", para="7.2", rank=2, score=0.03)
    intro = replace(intro, paragraph=replace(intro.paragraph, heading="2. Introduction", id="p27"))
    money = replace(money, paragraph=replace(money.paragraph, heading="7. Financial Implications", id="p72"))
    out = compose(q, [intro, money], fake_embedder, cfg=AnswerConfig(**LOW_SCORES))
    assert not out.abstained and out.citations[0].para == "7.2"


def test_target_asked__a_target_is_asked_for_as_a_figure():
    from assistant.answer.lead import states_figure, target_asked
    assert target_asked("What is the fundraising target for the council's Christmas campaign?")
    assert target_asked("What target was set for recruiting foster carers?")
    assert not target_asked("What is the target date for opening the hub?")
    assert not target_asked("Who is the campaign aimed at?")
    assert states_figure("4. Members were asked to help get the campaign to the target of £25,000.")
    assert states_figure("The target is 87% of applications made online.")
    assert not states_figure("1. The Chair reminded the Panel of the Christmas campaign in December 2024.")


def test_compose__a_target_question_is_led_by_the_quote_giving_the_figure(fake_embedder):
    q = "What is the fundraising target for the Corporate Parenting Christmas campaign?"
    reminder = _hit("1. The Chair reminded the Panel of the Corporate Parenting Christmas campaign asking that those "
                    "who could contribute and publicise.", para="Item 2/1", rank=1, score=0.04)
    figure = _hit("4. Members were asked to help get the Corporate Parent Christmas Campaign to the target of "
                  "£25,000.", para="Item 8/4", rank=2, score=0.03)
    reminder = replace(reminder, paragraph=replace(reminder.paragraph, id="r1"))
    figure = replace(figure, paragraph=replace(figure.paragraph, id="f4"))
    out = compose(q, [reminder, figure], fake_embedder, cfg=AnswerConfig(**LOW_SCORES))
    assert not out.abstained and "£25,000" in out.text.split("\n")[0]


def test_compose__a_lead_in_completed_by_one_paragraph_reads_on_with_it_on_the_first_line(fake_embedder):
    q = "What did the Cabinet Committee recommend on 21 November 2024 about the family hubs?"
    lead_in = _hit("5.20 On 21 November 2024 the Cabinet Committee passed a motion on the family hubs proposing that:",
                   para="5.20", rank=1, score=0.04, row=10)
    motion = _hit("That the decision be delayed until the new government funding is confirmed.", para=None, rank=5,
                  score=0.01, row=11)
    out = compose(q, [lead_in], fake_embedder, cfg=AnswerConfig(**LOW_SCORES), following=lambda row: [motion])
    assert out.text.splitlines()[0].startswith("5.20 On 21 November 2024 the Cabinet Committee passed a motion on the "
                                               "family hubs proposing that: That the decision be delayed")
    # the lead-in's paragraph is still cited
    assert [c.quote for c in out.citations] == [motion.paragraph.text, lead_in.paragraph.text]
    # a lead-in that gives what was asked for itself keeps the first line
    form = _hit("Amendment Number: 7 Proposer: Mr Mike Sole Seconder: Mr Antony Hook Proposed Purpose:", para=None,
                rank=1, score=0.04, row=10)
    purpose = _hit("£250k to be added to the adult social care budget.", para=None, rank=5, score=0.01, row=11)
    out = compose("Who proposed the amendment moving £250k to adult social care?", [form], fake_embedder,
                  cfg=AnswerConfig(**LOW_SCORES), following=lambda row: [purpose])
    assert out.text.startswith("Amendment Number: 7 Proposer: Mr Mike Sole")


def test_compose__a_finding_leads_the_improvement_item_on_its_area_unless_what_must_improve_is_asked(fake_embedder):
    item = _report("The response to 16- and 17-year-olds who present as homeless.", 2025, "2025-07-15", None, 1, 0.04)
    item = replace(item, paragraph=replace(item.paragraph, heading="What needs to improve in this area?", id="i"))
    found = _report("17. The response to 16- and 17-year-olds who present as homeless is ineffective.", 2025,
                    "2025-07-15", "17", 2, 0.03)
    found = replace(found, paragraph=replace(found.paragraph, heading="Help and protection", id="f"))
    out = compose("How well does Kent respond to 16- and 17-year-olds who present as homeless?", [item, found],
                  fake_embedder, cfg=AnswerConfig(**LOW_SCORES))
    assert out.citations[0].para == "17"
    out = compose("What does Kent need to improve for 16- and 17-year-olds who present as homeless?", [item, found],
                  fake_embedder, cfg=AnswerConfig(**LOW_SCORES))
    assert out.citations[0].para is None
