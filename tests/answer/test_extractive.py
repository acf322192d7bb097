"""The extractive answer quotes only cited text, cites every line, groups by document and abstains when weak."""

from __future__ import annotations

import dataclasses
import re

from assistant.answer.config import AnswerConfig
from assistant.answer.extractive import compose
from assistant.parse.sentences import split_sentences
from assistant.query.implied import Implied
from assistant.records import DocMeta, Hit, Paragraph, citation_label, long_date


def hit(text, doc="medway_2019.pdf", para="2", page=3, date="2019-08-27", dense=0.6, score=0.03, rank=1, org="Medway"):
    m = DocMeta(doc=doc, title=f"Inspection of {org} children's services", organisation=org, org_slug=org.lower(),
                doc_type="ofsted-inspection", date=date)
    p = Paragraph(id=f"{doc}-{para}", doc=doc, ordinal=0, text=text, para=para, page_start=page, page_end=page)
    return Hit(paragraph=p, meta=m, score=score, rank=rank, dense=dense, keyword=1.0)


STEP_DOWN = ("2. Risks for some children are not recognised soon enough by early help managers. Many children step "
             "down too soon from children’s social care when their needs have not been understood. The recent "
             "restructure has created further delays for children.")


def quoted(text, rank, doc="report.pdf", date="2025-03-13"):
    """A Kent paper's paragraph of ``rank`` and its whole text as the quote: a citation for choose_lead."""
    return hit(text, doc=doc, rank=rank, date=date, org="Kent"), [text]


def test_split_sentences__keeps_numbers_and_bullets_whole():
    s = split_sentences("3.5. The additional 35 social work posts were created. This was recognised.\n• A bullet item")
    assert s == ["3.5. The additional 35 social work posts were created.", "This was recognised.", "A bullet item"]


def test_compose__every_line_is_a_quote_followed_by_its_citation(fake_embedder):
    h = hit(STEP_DOWN)
    out = compose("Do children step down too soon from social care?", [h], fake_embedder)
    assert not out.abstained
    assert out.citations[0].para == "2" and out.citations[0].page_start == 3
    assert "Many children step down too soon" in out.citations[0].quote
    label = citation_label(h.paragraph, h.meta)
    assert label == "Medway Ofsted inspection 2019, para 2, p.3"
    for line in out.text.splitlines():
        m = re.fullmatch(r"(?:- )?(.*) \[(.*)\]", line)
        assert m, line
        assert m.group(1) in h.paragraph.text.replace("\n", " ")  # nothing but the cited text
        assert m.group(2) == label


def test_compose__groups_by_document_newest_first_when_years_differ(fake_embedder):
    old = hit(STEP_DOWN, doc="medway_2019.pdf", rank=1, score=0.03)
    new = hit("14. Children step down to early help at the right time now.", doc="medway_2023.pdf", para="14",
              page=4, date="2023-09-11", rank=2, score=0.029)
    out = compose("How has stepping down from social care changed since the inspection?", [old, new], fake_embedder,
                  cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0))
    lines = out.text.splitlines()
    assert lines[0].startswith("14. Children step down to early help") and "2023" in lines[0]  # newest leads
    assert lines[1].endswith("(27 August 2019):")


def test_compose__abstains_when_evidence_is_weak_and_lists_nearest(fake_embedder):
    weak = hit(STEP_DOWN, dense=0.1)
    out = compose("How much did the trust overspend?", [weak], fake_embedder)
    assert out.abstained and out.citations == []
    assert out.text.startswith("The indexed documents don't say")
    assert "Medway Ofsted inspection 2019, para 2, p.3" in out.text
    assert out.nearest == [weak]


def test_compose__how_many_question_needs_a_figure(fake_embedder):
    out = compose("How many children step down too soon?", [hit(STEP_DOWN, dense=0.9)], fake_embedder,
                  cfg=AnswerConfig(abstain_below=0.3))
    assert out.abstained  # the paragraph has no number to give


def test_compose__a_share_in_words_answers_what_proportion_when_no_figure_does(fake_embedder):
    text = ("57. Leaders are aware of the fragility of staffing, which includes a significant turnover of staff and "
            "almost a third of posts currently vacant, leading to high reliance on temporary agency staff.")
    out = compose("What proportion of social work posts were vacant?", [hit(text, para="57", dense=0.9)],
                  fake_embedder, cfg=AnswerConfig(abstain_below=0.3))
    assert not out.abstained and "almost a third of posts currently vacant" in out.text
    period = "57. Staffing improved in the second half of the year, with a significant turnover of staff."
    out = compose("What proportion of social work posts were vacant?", [hit(period, para="57", dense=0.9)],
                  fake_embedder, cfg=AnswerConfig(abstain_below=0.3))
    assert out.abstained  # a part of a year is no share


def test_compose__two_councils_named_get_one_paragraph_each(fake_embedder):
    a = hit("50. The care leavers hub is valued.", doc="bcp.pdf", org="BCP", rank=1, score=0.05)
    filler = hit("Another BCP paragraph about care leavers hub.", doc="bcp.pdf", para="51", org="BCP", rank=2,
                 score=0.04)
    b = hit("38. Care leavers over 21 get less help.", doc="bucks.pdf", org="Bucks", rank=3, score=0.01)
    imp = Implied(orgs=["bcp", "bucks"], org_names=["BCP", "Bucks"])
    out = compose("How do BCP and Bucks help care leavers?", [a, filler, b], fake_embedder, imp)
    assert {c.doc for c in out.citations} == {"bcp.pdf", "bucks.pdf"}
    first = out.text.splitlines()[0]  # each council answered on the first line, each quote cited
    assert "[BCP Ofsted inspection 2019" in first and "Care leavers over 21 get less help" in first
    assert [c.doc for c in out.citations[:2]] == ["bcp.pdf", "bucks.pdf"]
    one = compose("How does BCP help care leavers?", [a, filler], fake_embedder, Implied(orgs=["bcp"], org_names=["BCP"]))
    assert len(re.findall(r"\[", one.text.splitlines()[0])) == 1  # one council: one quote leads


def test_compose__a_council_filter_contradicting_the_question_declines_saying_so(fake_embedder):
    kent = hit("The overall effectiveness of children's services is good.", doc="kent.pdf", org="Kent", dense=0.9)
    said = "The question asks about Medway, but the council filter is set to Kent: clear the filter or ask about Kent."
    out = compose("What grade did Medway get overall?", [kent], fake_embedder,
                  Implied(orgs=["kent"], org_names=["Kent"], filter_conflict=said))
    assert out.abstained and out.text == said and not out.citations and not out.nearest  # nor Kent's nearest


def test_compose__no_hits_abstains(fake_embedder):
    out = compose("anything", [], fake_embedder)
    assert out.abstained and out.nearest == []


def test_compose__most_relevant_document_first_when_time_is_not_asked_about(fake_embedder):
    old = hit(STEP_DOWN, doc="medway_2019.pdf", rank=1, score=0.03)
    new = hit("14. Children step down to early help at the right time now.", doc="medway_2023.pdf", para="14",
              page=4, date="2023-09-11", rank=2, score=0.029)
    out = compose("What did inspectors find about children stepping down from social care too soon?", [old, new],
                  fake_embedder, cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0))
    lines = out.text.splitlines()
    assert "Many children step down too soon" in lines[0] and lines[0].endswith("para 2, p.3]")  # the answer first
    assert lines[1].endswith("(11 September 2023):")


class CountingEmbedder:
    def __init__(self, inner):
        self.inner, self.texts = inner, []
        self.name, self.dimensions = inner.name, inner.dimensions

    def embed(self, texts, **kw):
        self.texts.extend(texts)
        return self.inner.embed(texts, **kw)


def test_compose__uses_sentence_vectors_stored_in_the_index(fake_embedder):
    h = hit(STEP_DOWN)
    h = Hit(paragraph=h.paragraph, meta=h.meta, score=h.score, rank=1, dense=h.dense, keyword=1.0, row=0)
    stored = fake_embedder.embed(split_sentences(STEP_DOWN)).astype("float16")
    counting = CountingEmbedder(fake_embedder)
    out = compose("Do children step down too soon from social care?", [h], counting,
                  sentence_vectors=lambda row: stored)
    assert "Many children step down too soon" in out.citations[0].quote
    assert len(counting.texts) == 1 and counting.texts[0].startswith("Do children step down")  # the question
    # without stored vectors (or when they do not line up) the sentences are embedded now, same answer
    counting.texts.clear()
    again = compose("Do children step down too soon from social care?", [h], counting,
                    sentence_vectors=lambda row: stored[:1])
    assert again.citations[0].quote == out.citations[0].quote and len(counting.texts) == 1 + len(stored)


def test_compose__when_question_needs_a_time_in_the_quote(fake_embedder):
    undated = hit("3. Leaders have made progress in improving the quality of practice for children in need of help.")
    out = compose("When is the next monitoring visit to Medway due?", [undated], fake_embedder)
    assert out.abstained
    dated = hit("3. The family help pilot commenced in November 2024 and leaders have made progress in practice.")
    assert not compose("When did the family help pilot begin?", [dated], fake_embedder).abstained


def test_compose__question_about_the_future_needs_forward_looking_quotes(fake_embedder):
    past = hit("1. Monitoring visits had been scheduled for March and June 2020 but were postponed due to Covid.")
    assert compose("When is the next monitoring visit due?", [past], fake_embedder).abstained
    ahead = hit("1. The next monitoring visit is expected in March 2021, when inspectors will look at planning.")
    assert not compose("When is the next monitoring visit due?", [ahead], fake_embedder).abstained


def test_compose__who_question_cites_the_paragraph_that_names_the_people(fake_embedder):
    doc = "kent_budget-amendment_2025-02-13.pdf"
    about = hit("1. This amendment seeks to halve the grant to the gallery and add £250k to adult social care.",
                doc=doc, para=None, page=1, dense=0.45, score=0.031, rank=1, org="Kent")
    form = hit("Amendment Number: 7 Directorate: Adult Social Care & Health Proposer: Mr Mike Sole Seconder: "
               "Mr Antony Hook", doc=doc, para=None, page=1, dense=0.28, score=0.016, rank=2, org="Kent")
    other = hit("2) Mr Brady proposed and Ms Meade seconded that the motion be put to the vote.",
                doc="kent_minutes_2025-01-09.pdf", para="2", page=15, dense=0.26, score=0.016, rank=3, org="Kent")
    out = compose("Who proposed the amendment to add £250k to adult social care?", [about, form, other], fake_embedder)
    assert not out.abstained
    assert "Proposer: Mr Mike Sole" in out.text
    assert "Mr Brady" not in out.text  # another document's proposer is not borrowed


def test_compose__sentences_not_next_to_each_other_are_joined_by_an_ellipsis(fake_embedder):
    text = ("2. Many children step down too soon from social care. The restructure was completed in the spring. "
            "Children step down too soon from social care again.")
    out = compose("Do children step down too soon from social care?", [hit(text)], fake_embedder)
    quote = out.citations[0].quote
    assert quote.count(" … ") == 1 and "restructure" not in quote
    assert all(part in text for part in quote.split(" … "))


def test_compose__the_answer_comes_first_on_its_own_line(fake_embedder):
    filler = hit("4. Leaders are ambitious for children in Medway and visible to staff.", para="4", rank=1, score=0.031)
    grade = hit("Overall effectiveness: Inadequate", para=None, page=1, rank=2, score=0.03)
    out = compose("What was the overall effectiveness grade?", [filler, grade], fake_embedder,
                  cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0))
    first = out.text.splitlines()[0]
    assert first == "Overall effectiveness: Inadequate [Medway Ofsted inspection 2019, p.1]"
    assert out.citations[0].quote == "Overall effectiveness: Inadequate"  # citations in the order shown


def test_compose__a_grade_from_the_judgement_table_is_supported_only_by_sentences_giving_a_grade(fake_embedder):
    grade = hit("The experiences and progress of care leavers: Outstanding", para=None, page=1, rank=1, score=0.04)
    finding = hit("44. Care leavers are fully involved in the design of services, such as the hub.", para="44",
                  page=7, rank=2, score=0.035)
    graded = hit("45. Services for care leavers, judged outstanding, have improved further since 2019.", para="45",
                 page=7, rank=3, score=0.034)
    out = compose("How were care leavers graded?", [grade, finding, graded], fake_embedder,
                  cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0))
    assert out.text.splitlines()[0].startswith("The experiences and progress of care leavers: Outstanding")
    assert [c.para for c in out.citations] == [None, "45"]  # the finding on care leavers says no grade


def test_compose__a_year_with_no_report_of_the_council_is_said_plainly(fake_embedder):
    imp = Implied(orgs=["kent"], org_names=["Kent"], years=[2019], ofsted=True, no_report_year=2019,
                  report_years=[2013, 2017, 2022])
    out = compose("What did Ofsted find in Kent's 2019 inspection?", [hit(STEP_DOWN, org="Kent")], fake_embedder, imp)
    assert out.abstained and out.citations == []
    assert out.text.startswith("The indexed documents include no Ofsted report on Kent from 2019 (its reports "
                               "indexed are from 2013, 2017, 2022)")


def test_compose__an_inspection_month_with_no_inspection_is_said_plainly(fake_embedder):
    imp = Implied(orgs=["kent"], org_names=["Kent"], years=[2022], months=["2022-06"], ofsted=True,
                  no_report_month="2022-06", inspections=["9 May 2022 to 20 May 2022"])
    out = compose("What did Kent's June 2022 inspection find?", [hit(STEP_DOWN, org="Kent")], fake_embedder, imp)
    assert out.abstained and out.citations == []
    assert out.text.startswith("The indexed documents include no Ofsted inspection of Kent in June 2022 (its "
                               "inspections indexed ran 9 May 2022 to 20 May 2022), so they can't answer this.")
    assert STEP_DOWN[:40] in out.text  # the nearest passages are still shown


def test_missing_names__a_council_named_in_the_question_is_left_to_the_filters():
    from assistant.answer.names import missing_names
    cited = "The council has introduced Lifelong Links for care leavers."
    assert missing_names("Did Kent County Council use Lifelong Links?", cited) == []
    assert missing_names("Did the London Borough of Camden use Family Group Conferences?", cited) == [
        "Family Group Conferences"]


def test_compose__the_leading_quote_must_give_what_was_asked_for(fake_embedder):
    vague = hit("7. This and future inspections of the monitoring visit lay the foundations for improvement.", para="7",
                rank=1, score=0.04)
    dated = hit("1. The next monitoring visit is expected in March 2021.", para="1", rank=2, score=0.03)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0)
    out = compose("When is the next monitoring visit due?", [vague, dated], fake_embedder, cfg=cfg)
    assert not out.abstained and out.text.startswith("1. The next monitoring visit is expected in March 2021.")
    # a date in one quote and "future" in another do not make an answer
    # (written after it: a month after its paper's own day is still to come, whatever the tense)
    past = hit("2. The visit took place in August 2020.", para="2", rank=2, score=0.03, date="2020-11-04")
    assert compose("When is the next monitoring visit due?", [vague, past], fake_embedder, cfg=cfg).abstained


def test_compose__the_year_asked_about_leads(fake_embedder):
    old = hit(STEP_DOWN, doc="medway_2015.pdf", date="2015-11-27", rank=2, score=0.03)
    new = hit("14. Children who go missing are seen quickly and step down safely.", doc="medway_2023.pdf", para="14",
              page=4, date="2023-09-11", rank=1, score=0.029)
    imp = Implied(years=[2023])
    out = compose("What did the 2023 inspection say about children who step down too soon?", [old, new],
                  fake_embedder, imp, cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0))
    assert out.citations[0].doc == "medway_2023.pdf" and out.text.startswith("14. Children who go missing")


def test_compose__a_year_asked_about_keeps_other_years_inspections_out_of_the_further_quotes(fake_embedder):
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0)
    new = hit("14. Children who step down to early help are seen quickly.", doc="medway_2023.pdf", para="14",
              page=4, date="2023-09-11", rank=1, score=0.03)
    old = hit(STEP_DOWN, doc="medway_2015.pdf", date="2015-11-27", rank=2, score=0.029)
    looking_back = hit("21. Since the inspection in 2023 children step down with a plan.", doc="medway_2025.pdf",
                       para="21", date="2025-03-01", rank=3, score=0.028)
    published_after = hit("15. Step down decisions are reviewed by managers.", doc="medway_2024.pdf", para="15",
                          date="2024-01-10", rank=4, score=0.027)  # a report is often published the next year
    q = "What did the 2023 inspection say about children who step down?"
    out = compose(q, [new, old, looking_back, published_after], fake_embedder, Implied(years=[2023]), cfg=cfg)
    assert out.citations[0].doc == "medway_2023.pdf"
    assert {c.doc for c in out.citations} == {"medway_2023.pdf", "medway_2025.pdf", "medway_2024.pdf"}
    # no year asked, or a change over the years asked about: every year's paragraphs may answer
    assert len(compose(q.replace(" 2023", ""), [new, old], fake_embedder, Implied(), cfg=cfg).citations) == 2
    assert len(compose("How has step down changed since 2023?", [new, old], fake_embedder,
                       Implied(years=[2023]), cfg=cfg).citations) == 2


def test_compose__a_year_asked_about_leaves_an_answer_led_by_a_committee_paper_alone(fake_embedder):
    """A paper of January 2025 reports on October to December 2024 without naming the year."""
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0)
    from dataclasses import replace

    def paper(h):
        return replace(h, meta=replace(h.meta, doc_type="committee-report"))

    january = paper(hit("3.1 In Quarter 3, 796 carer assessments were completed.", doc="kent_2025-01.pdf",
                        para="3.1", date="2025-01-20", rank=1, score=0.03, org="Kent"))
    october = paper(hit("2.4 In Quarter 2, 700 carer assessments were completed.", doc="kent_2024-10.pdf",
                        para="2.4", date="2024-10-01", rank=2, score=0.029, org="Kent"))
    out = compose("How many carer assessments were completed in 2024?", [january, october], fake_embedder,
                  Implied(years=[2024]), cfg=cfg)
    assert {c.doc for c in out.citations} == {"kent_2025-01.pdf", "kent_2024-10.pdf"}


def test_compose__a_month_asked_about_keeps_other_meetings_out_of_the_further_quotes(fake_embedder):
    from dataclasses import replace

    def minutes(text, doc, date, rank):
        h = hit(text, doc=doc, para=str(rank), date=date, rank=rank, score=0.03 - rank / 1000, org="Kent")
        title = f"Corporate Parenting Panel minutes, {long_date(date)}"
        return replace(h, meta=replace(h.meta, doc_type="minutes", title=title))

    october = minutes("The Panel discussed the Christmas campaign for children in care.", "cpp_2024-10.pdf",
                      "2024-10-29", 1)
    december = minutes("The Panel discussed the Christmas campaign's total for children in care.", "cpp_2024-12.pdf",
                       "2024-12-10", 2)
    recalled = minutes("At its meeting in October 2024 the Panel discussed the campaign for children in care.",
                       "cpp_2025-01.pdf", "2025-01-20", 3)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0)
    q = "What did the Corporate Parenting Panel discuss in October 2024 about the campaign for children in care?"
    out = compose(q, [october, december, recalled], fake_embedder, Implied(years=[2024], months=["2024-10"]),
                  cfg=cfg)
    assert [c.doc for c in out.citations] == ["cpp_2024-10.pdf", "cpp_2025-01.pdf"]
    # a title that gives the meeting's date is not followed by the same date again
    assert "From Corporate Parenting Panel minutes, 20 January 2025:" in out.text.splitlines()
    # when nothing of the month asked about leads, nothing is left out
    out = compose(q, [december, recalled], fake_embedder, Implied(years=[2024], months=["2024-10"]), cfg=cfg)
    assert len(out.citations) == 2


def test_leading_quote__adds_the_sentence_next_to_its_best_one_when_it_scores_nearly_as_well():
    import numpy as np

    from assistant.answer.quotes import positions, with_neighbours

    # "… are strong." (best) is followed by the sentence with the specifics; a far sentence scores second
    scores = np.array([0.87, 0.59, 0.30, 0.72])
    order = [0, 3, 1, 2]
    at = positions(scores, order, 2, 0.85)
    assert at == [0]  # the second best (0.72) is under 0.85 of the best: other citations quote one sentence
    cfg = AnswerConfig()
    assert with_neighbours(at, scores, order, cfg) == [0, 1]  # the neighbour, not the far sentence
    assert with_neighbours(at, scores, order, AnswerConfig(lead_keep=0.7)) == [0]  # too weak a neighbour
    assert with_neighbours([0, 1], np.array([0.9, 0.8, 0.8]), [0, 1, 2], AnswerConfig(lead_sentences=2)) == [0, 1]


def test_compose__a_name_the_cited_documents_title_or_committee_gives_is_not_missing(fake_embedder):
    from dataclasses import replace

    resolved = hit("6. RESOLVED that the Panel notes the challenge card progress to date.", doc="kent_cpp.pdf",
                   para="Item 5/6", org="Kent")
    question = "What did the Corporate Parenting Panel decide about the challenge cards?"
    panel = replace(resolved, meta=replace(resolved.meta, committee="Corporate Parenting Panel"))
    assert not compose(question, [panel], fake_embedder).abstained
    cabinet = replace(resolved, meta=replace(resolved.meta, committee="Cabinet"))
    assert compose(question, [cabinet], fake_embedder).abstained  # a panel nothing cited is from


def test_missing_names__a_name_printed_in_another_order_is_cited():
    from assistant.answer.names import missing_names

    cited = "4. RESOLVED that Cabinet agree the Commissioning Plan for Education Provision in Kent 2025-29"
    assert missing_names("What did Cabinet resolve about the Education Provision Commissioning Plan?", cited) == []
    scattered = "The plan sets out provision. Education is the commissioning authority's duty, as before."
    assert missing_names("What did Cabinet resolve about the Education Provision Commissioning Plan?",
                         scattered) == ["Education Provision Commissioning Plan"]
    assert missing_names("What is the Band D council tax?", "Council tax band rates rise; see (d).") == ["Band D"]
    # a word of a name may hold a slash
    assert missing_names("When is the EU Entry/Exit System due to go live?", "The group will now report in May "
                         "2025.") == ["EU Entry/Exit System"]
    assert missing_names("When is the EU Entry/Exit System due to go live?", "The EU Entry/Exit System is due in "
                         "2026.") == []


def test_missing_names__a_name_in_another_form_or_split_in_a_question_and_its_answer_is_cited():
    from assistant.answer.names import missing_names

    # a question-and-answer table's cells: the question names Millmead, the answer the Strategic Grants (tester)
    qa = ("How long will funding continue for Millmead as a Health Living Centre? Strategic Grants are issued on an "
          "annual basis; the current grant runs from 1 January 2025 to 31 March 2026.")
    assert missing_names("How long does the Strategic Grant for Millmead run?", qa) == []
    assert missing_names("When does the Millmead Healthy Living Centre grant run until?", qa) == []
    # a word in another form is a letter more or less at its end, not any word it begins
    assert missing_names("When is the Annual State Report due?", "the three annual statutory reports") == [
        "Annual State Report"]
    # each part is printed whole: another centre's grant is not it
    assert missing_names("How long does the Strategic Grant for Seashells run?", qa + " Seashells closes.") == [
        "Strategic Grant for Seashells"]
    # a run of acronyms is as many names, each printed (the JHOSC spelled out after "NHS")
    jhosc = "DELEGATE to the Monitoring Officer … the Kent and Medway NHS Joint Overview and Scrutiny Committee (JHOSC)"
    assert missing_names("What must happen before the NHS JHOSC terms change?", jhosc) == []
    assert missing_names("What must happen before the NHS JHOSC terms change?", "the NHS trust") == ["JHOSC"]
    # a committee named by its acronym, printed with the acronym's words spelled out (tester)
    cype = "5.20 On 21 November 2024 the Children, Young People and Education Cabinet Committee considered it."
    assert missing_names("What did the CYPE Cabinet Committee propose?", cype) == []
    assert missing_names("What did the CYPE Cabinet Committee propose?", "The Children's Cabinet Committee met.") == [
        "CYPE Cabinet Committee"]


def test_missing_names__a_committee_printed_by_its_initials_or_most_of_its_words_is_cited():
    from assistant.answer.names import missing_names

    q = ("When did Kent County Council's Children, Young People and Education Cabinet Committee endorse the "
         "commissioning plan?")
    assert missing_names(q, "The Children's and Young People Cabinet Committee endorsed the KCP on 21 November.") == []
    assert missing_names(q, "The CYPE Cabinet Committee endorsed the KCP on 21 November 2024.") == []
    assert missing_names(q, "The Growth, Economic Development and Communities Cabinet Committee endorsed it.") == [
        "Children", "Young People and Education Cabinet Committee"]
    assert missing_names("What did the Corporate Parenting Panel hear?", "The Kent Parenting Panel heard from "
                         "young people.") == ["Corporate Parenting Panel"]


def test_missing_names__a_plural_or_the_initials_of_a_name_cite_it():
    from assistant.answer.names import missing_names

    q = "What average interest rate does Kent pay on its Public Works Loan Board debt?"
    assert missing_names(q, "KCC debt includes £432.40m of borrowing from the Public Works Loans Board.") == []
    assert missing_names(q, "The average length to maturity of PWLB debt is 14.94 years at 4.33%.") == []
    assert missing_names(q, "Outstanding loans from banks amount to £216.10m at 4.54%.") == ["Public Works Loan Board"]
    assert missing_names(q, "The public works programme's loan is approved by the board.") == ["Public Works Loan Board"]


def test_missing_names__an_acronym_spelled_out_and_a_ministers_short_title_cite_them():
    from assistant.answer.names import missing_names

    q = "How much of the DCED forecast underspend comes from savings delivered early?"
    assert missing_names(q, "The Deputy Chief Executive’s Department is projected to underspend by -£3m.") == []
    assert missing_names(q, "The Deputy Chief Executive is projected to underspend by -£3m.") == ["DCED"]
    assert missing_names(q, "Departments across the council delivered early savings.") == ["DCED"]
    q = "Who can ask the Health Secretary to call in a reconfiguration?"
    assert missing_names(q, "Any interested party can request the Secretary of State call-in a proposal.") == []
    assert missing_names(q, "The Cabinet Member can ask the Leader to intervene.") == ["Health Secretary"]


def test_missing_names__months_and_days_are_dates_not_names_a_quote_must_print():
    from assistant.answer.names import missing_names

    cited = "In Quarter 3, 796 carer assessments were completed, with 898 requested in the quarter."
    q = "How many carers were assessed between October and December 2024?"
    assert missing_names(q, cited) == []
    assert missing_names("In Ofsted's December 2023 inspection, what was judged good?", cited) == []
    assert missing_names("What did the Carers Partnership Board do between October and December?",
                         cited) == ["Carers Partnership Board"]


def test_compose__a_grade_question_is_answered_by_the_judgement_tables_line(fake_embedder):
    from dataclasses import replace

    text = ("Judgement Grade\nThe impact of leaders on social work practice with children and families: Good\n"
            "Overall effectiveness: Good\nServices have improved overall since the 2019 inspection, when they were "
            "judged to be inadequate.")  # more of the question's words, but a past grade
    table = hit(text, doc="medway_2023.pdf", para=None, page=1, date="2023-09-11")
    table = replace(table, paragraph=replace(table.paragraph, kind="table"))
    out = compose("What did the 2023 inspection judge overall?", [table], fake_embedder)
    assert out.text.splitlines()[0] == "Overall effectiveness: Good [Medway Ofsted inspection 2023, p.1]"


def test_compose__a_committees_year_with_no_papers_is_said_plainly(fake_embedder):
    from assistant.query.implied import Implied

    later = hit("4. RESOLVED that Cabinet endorsed the draft budget.", doc="kent_cabinet_2025.pdf", para="89/4",
                page=13, date="2025-01-30", org="Kent")
    implied = Implied(org_names=["Kent"], orgs=["kent"], years=[2019], committees=["Cabinet"], no_papers_year=2019,
                      papers_years=[2025])
    out = compose("What did Kent's Cabinet decide about the budget in 2019?", [later], fake_embedder, implied)
    assert out.abstained and out.citations == []
    assert out.text.startswith("The indexed documents include no papers of Kent's Cabinet from 2019 (its papers "
                               "indexed are from 2025)")
    assert "minute 89, para 4" in out.text  # the nearest passage is shown, not quoted as the answer


def rochdale(text, para=None, page=1, rank=1, score=0.031):
    """A paragraph of Rochdale's 2023 report; by default its page-1 title block."""
    return hit(text, para=para, page=page, rank=rank, score=score, org="Rochdale", doc="rochdale_2023.pdf",
               date="2023-03-17")


ROCHDALE_TITLE = ("Inspection of Rochdale local authority children's services Inspection dates: 23 January to 3 "
                  "February 2023 Lead inspector: Lisa Walsh, His Majesty's Inspector")
LOW_SCORES = {"sentence_keep": 0.0, "score_keep": 0.0, "min_dense": 0.0, "abstain_below": 0.0}  # the word-hash model


def test_compose__a_reports_title_block_leads_only_who_when_and_grade_questions(fake_embedder):
    title = rochdale(ROCHDALE_TITLE)
    caseloads = rochdale("61. Caseloads for a number of social workers are high.", "61", 11, 2, 0.03)
    cfg = AnswerConfig(**LOW_SCORES)
    topic = compose("What did inspectors say about caseloads in Rochdale?", [title, caseloads], fake_embedder, cfg=cfg)
    assert topic.text.startswith("61. Caseloads")
    who = compose("Who was the lead inspector in Rochdale?", [title, caseloads], fake_embedder, cfg=cfg)
    assert who.text.startswith("Inspection of Rochdale")
    leaders = rochdale("50. The director heads a stable senior team.", "50", 9, 2, 0.03)
    leads = compose("Who leads children's services in Rochdale?", [title, leaders], fake_embedder, cfg=cfg)
    assert leads.text.startswith("50. The director")  # "Lead inspector: …" does not answer who leads the service
    assert "Lead inspector" not in leads.text


def test_compose__a_reports_title_block_leads_a_when_question_only_about_the_inspection(fake_embedder):
    title = rochdale(ROCHDALE_TITLE)
    pilot = rochdale("69. The pilot commenced in November 2022.", "69", 13, 2, 0.03)
    cfg = AnswerConfig(**LOW_SCORES)
    q = "When did Rochdale local authority children's services begin the pilot?"
    began = compose(q, [title, pilot], fake_embedder, cfg=cfg)
    assert began.text.startswith("69. The pilot")
    inspected = compose("When did Ofsted inspect Rochdale?", [title, pilot], fake_embedder, cfg=cfg)
    assert inspected.text.startswith("Inspection of Rochdale")
    # the inspection named only as where the answer comes from: the question asks when the pilot began
    attributed = compose("When did Rochdale begin the pilot, according to Ofsted's 2023 inspection?", [title, pilot],
                         fake_embedder, cfg=cfg)
    assert attributed.text.startswith("69. The pilot"), attributed.text
    mentioned = compose("When did Rochdale begin the pilot that inspectors praised in 2023?", [title, pilot],
                        fake_embedder, cfg=cfg)
    assert mentioned.text.startswith("69. The pilot"), mentioned.text


def test_compose__how_long_an_inspection_lasted_is_its_own_dates_not_the_last_inspections(fake_embedder):
    from dataclasses import replace

    block = rochdale(ROCHDALE_TITLE + "\nJudgement Grade\nOverall effectiveness Good\nSince the last inspection in "
                     "2019, leaders have made the inspection of practice last longer.")
    block = replace(block, paragraph=replace(block.paragraph, kind="table"))
    since = rochdale("16. Since the last inspection, leaders have introduced a bespoke support service.", "16", 4, 2,
                     0.03)
    out = compose("How long did Rochdale's inspection last?", [block, since], fake_embedder,
                  cfg=AnswerConfig(**LOW_SCORES))
    assert out.text.startswith("Inspection of Rochdale local authority children's services Inspection dates: 23 January")


def test_compose__a_reports_title_and_grade_lines_are_not_quoted_for_a_question_on_another_topic(fake_embedder):
    from dataclasses import replace

    text = (ROCHDALE_TITLE + "\nJudgement Grade\nThe experiences and progress of children in care: Good\n"
            "Overall effectiveness: Good\nYoung people are offered a therapeutic dance project.")
    block = rochdale(text)
    block = replace(block, paragraph=replace(block.paragraph, kind="table"))
    cfg = AnswerConfig(**LOW_SCORES)
    topic = compose("What do children in care in Rochdale get?", [block], fake_embedder, cfg=cfg)
    assert topic.citations[0].quote == "Young people are offered a therapeutic dance project."
    graded = compose("How were children in care in Rochdale judged?", [block], fake_embedder, cfg=cfg)
    assert graded.citations[0].quote == "The experiences and progress of children in care: Good"
    who = compose("Who led the inspection of children in care in Rochdale?", [block], fake_embedder, cfg=cfg)
    assert who.citations[0].quote.startswith("Inspection of Rochdale")


def test_compose__supporting_quotes_give_what_was_asked_for_too(fake_embedder):
    counted = hit("5. There were 400 looked after children at the time of the inspection.", para="5", rank=1,
                  score=0.05)
    other_count = hit("9. The council has 35 more social work posts than last year.", para="9", rank=2, score=0.04)
    filler = hit("6. Looked after children are well supported by their social workers.", para="6", rank=3,
                 score=0.03)
    # (the word-hash model scores the posts' sentence far below the count's, and it shares no word with the question)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0, topic_keep=0.0)
    out = compose("How many looked after children were there?", [counted, other_count, filler], fake_embedder,
                  cfg=cfg)
    cited = {c.para for c in out.citations}
    assert not out.abstained and "5" in cited and "9" in cited and "6" not in cited  # no figure: filler
    # a question without a kind asked for keeps its supporting quotes
    out = compose("What did inspectors say about looked after children?", [counted, other_count, filler],
                  fake_embedder, cfg=cfg)
    assert {c.para for c in out.citations} == {"5", "9", "6"}


def test_compose__supporting_quotes_mention_what_the_question_names(fake_embedder):
    named = hit("3. Lifelong Links has helped 40 children find people who matter to them.", para="3", rank=1)
    unnamed = hit("4. Children in care are helped to keep in touch with people who matter.", para="4", rank=2,
                  score=0.02)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    out = compose("What has Lifelong Links achieved?", [named, unnamed], fake_embedder, cfg=cfg)
    assert [c.para for c in out.citations] == ["3"]


def test_missing_names__a_possessive_or_a_curly_apostrophe_is_the_same_name():
    from assistant.answer.names import missing_names

    q = "Who proposed the Labour Group's alternative budget amendment?"
    assert missing_names(q, "Mr Brady proposed an amendment in line with the Labour Group’s Alternative Budget") == []
    assert missing_names(q, "Mr Hook proposed an amendment in line with the Liberal Democrat Group’s budget") == [
        "Labour Group"]


def test_compose__a_persons_name_leads_before_a_body_that_proposed_something(fake_embedder):
    text = ("(7) Mr Brady proposed, and Ms Meade seconded the following amendment:\nProposed Purpose:\n“To amend the "
            "budget proposed by the Administration in line with the Labour Group’s Alternative Budget.”")
    minutes = hit(text, doc="kent-cc_county-council_2025-02-13_printed-minutes.pdf", para="291/7", page=5,
                  org="Kent")
    out = compose("Who proposed the Labour Group's alternative budget amendment?", [minutes], fake_embedder)
    assert not out.abstained
    assert out.text.startswith("(7) Mr Brady proposed, and Ms Meade seconded")


def test_compose__a_paragraphs_own_printed_number_is_not_the_figure_asked_for(fake_embedder):
    footnote = hit("1 Verbatim comments refer to Family Hubs and Children’s Centres. Children’s centres now operate "
                   "within Family Hubs.", para="1", doc="kent-cc_family-hubs-consultation-report.pdf", org="Kent")
    assert compose("How many family hubs does Kent have?", [footnote], fake_embedder).abstained
    counted = hit("1 There are 56 Family Hubs across Kent.", para="1", doc="kent-cc_family-hubs-report.pdf",
                  org="Kent")
    assert not compose("How many family hubs does Kent have?", [counted], fake_embedder).abstained


def test_compose__a_grade_question_naming_no_area_leads_with_the_overall_line(fake_embedder):
    from dataclasses import replace

    text = ("Judgement Grade\nThe impact of leaders on social work practice with children and families: Good\n"
            "The experiences and progress of children who need help and protection: Good\n"
            "The experiences and progress of children in care: Good\n"
            "The experiences and progress of care leavers: Good\nOverall effectiveness: Good\n"
            "Services for care leavers have improved since the 2019 inspection judged them.")
    table = hit(text, doc="medway_2023.pdf", para=None, page=1, date="2023-09-11")
    table = replace(table, paragraph=replace(table.paragraph, kind="table"))
    out = compose("What did the 2023 inspection judge?", [table], fake_embedder)
    assert out.text.splitlines()[0] == "Overall effectiveness: Good [Medway Ofsted inspection 2023, p.1]"
    out = compose("What did the 2023 inspection judge for care leavers?", [table], fake_embedder)
    assert out.text.splitlines()[0].startswith("The experiences and progress of care leavers: Good")


def test_compose__the_previous_inspection_is_what_the_report_says_of_the_last_one(fake_embedder):
    from dataclasses import replace

    text = ("Inspection of Stockport local authority children’s services Inspection dates: 12 to 23 May 2025 Lead "
            "inspector: Lisa Summers\nOverall effectiveness: Requires improvement to be good\nSince the last "
            "inspection in March 2022, when services for children were judged to be good, demand has risen.")
    table = hit(text, doc="stockport_2025.pdf", para=None, page=1, date="2025-07-15", org="Stockport")
    table = replace(table, paragraph=replace(table.paragraph, kind="table"))
    earlier = compose("When was the previous inspection of Stockport children’s services?", [table], fake_embedder)
    assert earlier.text.splitlines()[0].startswith("Since the last inspection in March 2022")
    # with words between "previous" and "inspection": the same question
    worded = compose("In what year was Stockport's previous children's services inspection?", [table], fake_embedder,
                     cfg=AnswerConfig(min_dense=0.0, abstain_below=0.0))
    assert worded.text.splitlines()[0].startswith("Since the last inspection in March 2022")
    own = compose("When was the inspection of Stockport children’s services?", [table], fake_embedder)
    assert "Inspection dates: 12 to 23 May 2025" in own.text.splitlines()[0]
    # its previous grade: what the report says of the last inspection, not its own judgement table's line
    grade = compose("What was Stockport's previous Ofsted grade?", [table], fake_embedder,
                    cfg=AnswerConfig(min_dense=0.0, abstain_below=0.0))  # the word-hash model scores low
    assert grade.text.splitlines()[0].startswith("Since the last inspection in March 2022, when services for children "
                                                 "were judged to be good")


def test_compose__when_a_council_was_inspected_is_the_reports_own_dates_not_the_last_inspections(fake_embedder):
    looking_back = hit("42. Ofsted did inspect Havering's children's services in 2018, when they were judged good.",
                       doc="havering_2024.pdf",
                       para="42", page=8, rank=1, score=0.05, org="Havering", date="2024-02-16")
    title = hit("Inspection of Havering local authority children’s services Inspection dates: 11 to 22 December 2023 "
                "Lead inspector: Claire Beckingham, His Majesty’s Inspector", doc="havering_2024.pdf", para=None,
                page=1, rank=2, score=0.04, org="Havering", date="2024-02-16")
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)  # the word-hash model scores low
    out = compose("When did Ofsted inspect Havering's children's services?", [looking_back, title], fake_embedder,
                  cfg=cfg)
    assert out.text.startswith("Inspection of Havering local authority children’s services Inspection dates")
    found = compose("When did inspectors find Havering's services deteriorating?", [looking_back, title], fake_embedder,
                    cfg=cfg)  # when something was found is another question: the best quote leads
    assert found.text.startswith("42. Ofsted did inspect")


def test_compose__a_paragraph_found_twice_is_cited_once(fake_embedder):
    from dataclasses import replace

    first = hit(STEP_DOWN, rank=1, score=0.05)
    again = replace(first, rank=3, score=0.01)  # the same paragraph, found again by another route
    other = hit("14. Children step down to early help at the right time now.", para="14", page=4, rank=2, score=0.04)
    out = compose("Do children step down too soon from social care?", [first, other, again], fake_embedder,
                  cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0))
    ids = [c.paragraph_id for c in out.citations]
    assert len(ids) == len(set(ids)) == 2


def test_compose__a_name_under_the_roles_label_leads_a_who_question(fake_embedder):
    near = hit("27. Adoption, led by Mrs Smith, was strong at the inspection of Derbyshire's services.", para="27",
               page=6, rank=1, score=0.05, org="Derbyshire", doc="derbyshire_2024.pdf", date="2024-01-12")
    label = hit("Inspection of Derbyshire local authority children’s services Inspection dates: 30 October to 10 "
                "November 2023 Lead inspector: John Roughton, His Majesty’s Inspector", para=None, page=1, rank=2,
                score=0.04, org="Derbyshire", doc="derbyshire_2024.pdf", date="2024-01-12")
    out = compose("Who led the Ofsted inspection of Derbyshire's children's services?", [near, label], fake_embedder,
                  cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0))
    assert "Lead inspector: John Roughton" in out.text.splitlines()[0]


def test_compose__a_meeting_named_by_its_day_is_answered_from_that_days_papers(fake_embedder):
    later = hit("PRESENT: Mr R W Gough (Chairman), Mr N Baker, Mrs S Chandler", doc="cabinet_2025-01-30.pdf",
                para=None, page=1, rank=1, score=0.05, org="Kent", date="2025-01-30")
    asked = hit("PRESENT: Mr R W Gough (Chairman), Mrs C Bell, Mrs S Chandler", doc="cabinet_2025-01-09.pdf",
                para=None, page=1, rank=2, score=0.04, org="Kent", date="2025-01-09")
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    implied = Implied(years=[2025], months=["2025-01"], days=["2025-01-09"])
    out = compose("Who attended the Cabinet meeting on 9 January 2025?", [later, asked], fake_embedder, implied,
                  cfg=cfg)
    assert "Mrs C Bell" in out.text.splitlines()[0]


def test_compose__a_meeting_named_by_its_committee_is_answered_from_that_committees_papers(fake_embedder):
    """Two bodies met on the same day: the Cabinet's minutes answer a question about the Cabinet's meeting, not the
    County Council's that share more of its words."""
    council = hit("5) Mr Gough proposed, and Mr Oakford seconded the motion.",
                  doc="county-council_2025-01-09.pdf", para="285/5", page=3, rank=1, score=0.05, org="Kent",
                  date="2025-01-09")
    cabinet = hit("6. Following the debate, the Leader proposed and Mr Oakford seconded the above motion.",
                  doc="cabinet_2025-01-09.pdf", para="83/6", page=9, rank=2, score=0.04, org="Kent", date="2025-01-09")
    replace = dataclasses.replace
    council = replace(council, meta=replace(council.meta, committee="County Council"))
    cabinet = replace(cabinet, meta=replace(cabinet.meta, committee="Cabinet"))
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    q = "Who proposed the devolution motion at Kent's Cabinet meeting on 9 January 2025?"
    implied = Implied(orgs=["kent"], org_names=["Kent"], committees=["Cabinet"], years=[2025], months=["2025-01"],
                      days=["2025-01-09"])
    assert "the Leader proposed" in compose(q, [council, cabinet], fake_embedder, implied, cfg=cfg).text.splitlines()[0]
    unnamed = Implied(orgs=["kent"], org_names=["Kent"], years=[2025], months=["2025-01"], days=["2025-01-09"])
    assert "Mr Gough proposed" in compose(q.replace("Cabinet ", ""), [council, cabinet], fake_embedder, unnamed,
                                          cfg=cfg).text.splitlines()[0]
    # however well the other body's minutes print what the question names: the Cabinet's "above motion" does not
    council = replace(council, paragraph=replace(council.paragraph, text="5) Mr Gough proposed, and Mr Oakford "
                                                 "seconded the motion to join the Devolution Priority Programme."))
    q = "Who proposed the motion at Kent's Cabinet meeting on 9 January 2025 to join the Devolution Priority Programme?"
    assert "the Leader proposed" in compose(q, [council, cabinet], fake_embedder, implied, cfg=cfg).text.splitlines()[0]


def test_compose__a_quarter_named_is_answered_from_that_quarters_figures(fake_embedder):
    q3 = hit("In Quarter 3, 2024/25, nine indicators were rated Red.", doc="qpr-q3_2025-03-04.pdf", para="2.2",
             page=1, rank=1, score=0.05, org="Kent", date="2025-03-04")
    q2 = hit("1. Mr Wagner outlined the report for Quarter 2 (Q2, 2024/25). Eight KPIs were rated Red.",
             doc="cabinet_2025-01-09.pdf", para="1", page=3, rank=2, score=0.04, org="Kent", date="2025-01-09")
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    out = compose("How many KPIs were red in quarter 2?", [q3, q2], fake_embedder, cfg=cfg)
    assert "Eight KPIs" in out.text.splitlines()[0]
    assert "nine indicators" in compose("How many KPIs were red in Q3?", [q3, q2], fake_embedder,
                                        cfg=cfg).text.splitlines()[0]


def test_compose__a_month_with_no_paper_of_its_own_is_answered_by_the_quote_naming_it(fake_embedder):
    other = hit("b. Young offenders would be placed in the secure school, which young offender institution staff visit.",
                doc="panel_2024-10-29.pdf", para="7/2", page=5, rank=1, score=0.05, org="Kent", date="2024-10-29")
    named = hit("a. HMYOI Cookham Wood was closed in April 2024, and the children were moved to HMYOI Feltham.",
                doc="panel_2024-10-29.pdf", para="7/1", page=4, rank=2, score=0.04, org="Kent", date="2024-10-29")
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    q = "Which young offender institution closed in April 2024?"
    implied = Implied(years=[2024], months=["2024-04"])
    assert "Cookham Wood" in compose(q, [other, named], fake_embedder, implied, cfg=cfg).text.splitlines()[0]


def test_choose_lead__a_vote_under_the_minute_the_question_names_and_its_substantive_motion():
    """A vote's paragraph never names what it decides: its minute's heading does. Of the votes under it, the
    substantive motion's answers, not the one to extend the meeting."""
    from dataclasses import replace

    from assistant.answer.lead import choose_lead

    def vote(text, para, heading):
        h = hit(text, doc="county-council_2025-03-13.pdf", para=para, date="2025-03-13", org="Kent")
        return replace(h, paragraph=replace(h.paragraph, heading=heading)), [text]

    other = vote("2) The Chairman put the motion to the vote: For (38) Against (5). Motion carried.", "302/2",
                 "302. Devolution and Local Government Reorganisation Update (Item 11)")
    extend = vote("4) The Chairman put the motion set out in paragraph 3 to the vote: For (39) Against (3).", "306/4",
                  "306. Governance Updates (Item 15)")
    final = vote("7) The Chairman put the substantive motion to the vote: For (37) Against (0). Substantive Motion "
                 "carried.", "306/7", "306. Governance Updates (Item 15)")
    q = "How did the vote on the governance updates go at Kent County Council in March 2025?"
    assert choose_lead(q, [other, extend, final], [0.64, 0.61, 0.59], ["vote"], None, False) == 2


def test_choose_lead__a_question_quoted_from_a_paper_does_not_lead_unless_a_question_was_asked_about():
    from assistant.answer.lead import choose_lead

    def quote(text, rank):
        return quoted(text, rank, doc="county-council_2025-03-13.pdf")

    asked = quote("Had the Council decided at that point that the contracts would not be renewed?", 1)
    said = quote("The Council decided not to renew the contracts for the two family hubs.", 2)
    q = "What did the Council decide about the family hub contracts?"
    assert choose_lead(q, [asked, said], [0.62, 0.58], [], None, False) == 1
    assert choose_lead("What did members ask about the family hub contracts?", [asked, said], [0.62, 0.58], [],
                       None, False) == 0


def test_choose_lead__a_question_quoted_without_its_reply_does_not_lead():
    from assistant.answer.lead import choose_lead

    def quote(text, rank):
        return quoted(text, rank, doc="county-council_2025-03-13.pdf")

    said = quote("The providers were told in July 2024 that the contracts might not be renewed.", 2)
    q = "When were the providers first told that the contracts might not continue?"
    # a quote's sentences as the answer joins them, its reply to the question left out
    asked = quote("Had the Council decided at that point that the contracts would not be renewed? The timeline has "
                  "been set out at the Background section. Millmead and Seashells were test sites.", 1)
    apart = (asked[0], ["Had the Council decided at that point that the contracts would not be renewed?", "…",
                        "Millmead and Seashells were test sites."])
    assert choose_lead(q, [apart, said], [0.62, 0.58], [], None, False) == 1
    # a question followed at once by its reply is the reply's context: it answers
    replied = quote("How long will funding continue for the centre? The current grant runs from 1 January 2025 to 31 "
                    "March 2026.", 1)
    replied = (replied[0], ["How long will funding continue for the centre?",
                            "The current grant runs from 1 January 2025 to 31 March 2026."])
    started = quote("The funding commenced on 1 January 2025 and is paid via a grant.", 2)
    assert choose_lead("How long does the grant for the centre run?", [replied, started], [0.62, 0.58], [], None,
                       False) == 0


def test_choose_lead__a_consultees_words_in_quotation_marks_lead_only_what_was_said():
    from assistant.answer.lead import choose_lead

    def quote(text, rank):
        return quoted(text, rank, doc="county-council_2025-03-13_consultation.pdf")

    words = quote("“A lot of the families who use the hub suffer from anxiety and rely on our staff to help them.”", 1)
    reply = quote("We acknowledge that changing locations presents challenges for families coping with anxiety; our "
                  "Community Development Workers will support them to visit other hubs.", 2)
    q = "Who will help families who struggle with anxiety get used to going to a different hub?"
    assert choose_lead(q, [words, reply], [0.88, 0.82], [], None, False) == 1
    # what a consultee said is their words
    assert choose_lead("What did parents say about anxiety at the hub?", [words, reply], [0.88, 0.82], [], None,
                       False) == 0
    # what an amendment sought is its words, as the minutes print them
    amendment = quote("“That £500,000 be allocated from the reserve to research cheaper home to school transport.”", 1)
    vote = quote("Following the debate, the Chairman put the amendment to the vote: For (16) Against (41). Amendment "
                 "lost.", 2)
    assert choose_lead("What sum did the amendment seek for researching cheaper school transport?", [amendment, vote],
                       [0.8, 0.78], [], None, False) == 0


def test_choose_lead__a_resolutions_items_quoted_without_its_lead_in_are_what_was_decided():
    from assistant.answer.lead import choose_lead, list_lead_in

    items = quoted("4. RESOLVED that Cabinet agree to: (a) Adopt the Integrated Care Strategy Delivery Plan on behalf "
                   "of Kent County Council (b) Delegate authority to the Director of Public Health to refresh the plan.",
                   1, doc="cabinet_2025-01-30_printed-minutes.pdf")
    items = (items[0], ["(a) Adopt the Integrated Care Strategy Delivery Plan on behalf of Kent County Council (b) "
                        "Delegate authority to the Director of Public Health to refresh the plan."])
    assert list_lead_in(items[0].paragraph.text, items[1]).endswith("RESOLVED that Cabinet agree to:")
    report = quoted("1.2.4 The plan was agreed by the Corporate Management Team in November 2024. It was agreed that "
                    "the work would benefit from wide political sign up.", 2, doc="cabinet_2025-01-30_report.pdf")
    q = "What did the Cabinet decide about the Integrated Care Strategy Delivery Plan?"
    assert choose_lead(q, [items, report], [1.0, 0.9], ["decision"], None, False) == 0


def test_choose_lead__what_a_request_asked_for_is_led_by_the_quote_making_it():
    """"What outcome did the call-in ask for?": the submission's "We request that …", not a report's paragraph
    recounting how the call-in was considered, which shares more of the question's words."""
    from assistant.answer.lead import choose_lead

    def quote(text, rank):
        return quoted(text, rank, doc=f"paper{rank}.pdf")

    recount = quote("8. On 29 January 2025, the Scrutiny Committee met to consider the call-in of the decision.", 1)
    request = quote("We request that the Scrutiny Committee recommends that the implementation of the decision be "
                    "postponed pending review by the full Council.", 2)
    assert choose_lead("What outcome did the call-in of the decision ask for?", [recount, request], [0.81, 0.80],
                       [], None, False) == 1
    assert choose_lead("When did the Scrutiny Committee consider the call-in?", [recount, request], [0.81, 0.80],
                       [], None, False) == 0


def test_choose_lead__risks_and_their_mitigation_are_led_by_a_quote_naming_both():
    from assistant.answer.lead import choose_lead

    intro = quoted("1.4 This report sets out the implications of not reprocuring the commissioned contracts.", 1)
    table = quoted("Risk Mitigation Capacity at existing Family Hubs to accommodate new service users. Service managers "
                  "confirm that capacity exists within the in-house network.", 2)
    q = "What risks did Kent identify about closing the hubs and how will they be mitigated?"
    assert choose_lead(q, [intro, table], [0.754, 0.766], [], None, False) == 1
    assert choose_lead("What are the implications of not reprocuring the contracts?", [intro, table], [0.754, 0.766],
                       [], None, False) == 0


def test_choose_lead__the_options_someone_has_are_led_by_a_quote_listing_them():
    from assistant.answer.lead import choose_lead

    def quote(text, rank):
        return quoted(text, rank, date="2025-03-04")

    why = quote("Call-in delays the implementation of decisions and allows members to require that decisions are "
                "reconsidered by the decision-maker.", 1)
    listed = quote("That provides an opportunity for the Executive to confirm, amend or rescind the decision.", 2)
    lettered = quote("The Council may resolve one of the following: a. Agree that the decision be implemented", 3)
    q = "What options does the Cabinet have when it reconsiders a called-in decision?"
    assert choose_lead(q, [why, listed], [0.93, 0.90], [], None, False) == 1
    assert choose_lead(q, [why, lettered], [0.93, 0.85], [], None, False) == 1
    assert choose_lead("Why are decisions called in?", [why, listed], [0.93, 0.90], [], None, False) == 0


def test_choose_lead__the_kind_of_paper_the_question_names_leads():
    from dataclasses import replace

    from assistant.answer.lead import choose_lead

    def quote(text, title, rank):
        h = hit(text, doc=f"{title}.pdf", rank=rank, date="2025-03-13", org="Kent")
        return replace(h, meta=replace(h.meta, title=title)), [text]

    report = quote("Carers of young adults may be affected by the transfer of the service.", "Transfer report", 1)
    eqia = quote("Carers may need more support while the service moves.", "Service EqIA", 2)
    q = "According to the equality assessment, how are carers affected by the transfer?"
    assert choose_lead(q, [report, eqia], [0.62, 0.58], [], None, False) == 1
    assert choose_lead("How are carers affected by the transfer?", [report, eqia], [0.62, 0.58], [], None,
                       False) == 0


def test_choose_lead__a_when_clause_that_sets_the_scene_asks_no_time_of_the_lead():
    """"When Suffolk's staff can't keep up …, who does it bring in?" asks who: the quote naming them leads, not one
    that happens to give a date."""
    from assistant.answer.lead import choose_lead

    dated = (hit("Since 2023 the number of referrals has dropped by 20%.", para="59", rank=2), [
        "Since 2023 the number of referrals has dropped by 20%."])
    answer = (hit("Independent social workers are employed to complete parenting assessments.", para="18", rank=1),
              ["Independent social workers are employed to complete parenting assessments."])
    q = "When Suffolk's own staff can't keep up with parenting assessments, who does it bring in?"
    assert choose_lead(q, [dated, answer], [0.57, 0.67], ["time"], None, False) == 1
    # a question about when still wants the dated quote
    assert choose_lead("When did referrals start to drop?", [dated, answer], [0.57, 0.67], ["time"], None, False) == 0


def test_choose_lead__a_question_about_something_is_led_by_a_finding_not_the_reports_headline():
    """The headline under an inspection report's judgement table shares the council's name and "children" with any
    question about it; a question about something in particular is answered by the finding on it. The headline
    still leads for a question about the council's services as a whole, and a graded line for a grade question."""
    from dataclasses import replace

    from assistant.answer.lead import choose_lead
    from assistant.query.implied import Implied

    block = ("Inspection of Kingston upon Thames local authority children’s services Inspection dates: 2 to 6 December "
             "2024 Lead inspector: A Person, His Majesty’s Inspector\nJudgement Grade\nOverall effectiveness: "
             "Outstanding\nChildren living in Kingston upon Thames receive outstanding services.")
    h = hit(block, doc="kingston_2025.pdf", para=None, page=1, rank=1, org="Kingston upon Thames")
    headline = (replace(h, paragraph=replace(h.paragraph, kind="table")),
                ["Children living in Kingston upon Thames receive outstanding services."])
    finding = (hit("Unregistered children’s homes are only used in emergency situations.", doc="kingston_2025.pdf",
                   para="29", page=6, rank=2, org="Kingston upon Thames"),
               ["Unregistered children’s homes are only used in emergency situations."])
    kingston = Implied(orgs=["kingston-upon-thames"], org_names=["Kingston upon Thames"])
    q = "Does Kingston upon Thames ever place children in care in homes that are not registered?"
    assert choose_lead(q, [headline, finding], [0.86, 0.77], [], kingston, False) == 1
    assert choose_lead("What did Ofsted say about Kingston upon Thames children's services?", [headline, finding],
                       [0.86, 0.77], [], kingston, False) == 0


def test_choose_lead__a_why_question_is_led_by_the_quote_giving_a_reason():
    from assistant.answer.lead import choose_lead

    def quote(text, rank):
        return quoted(text, rank, doc="finance-monitoring_2025-01-30.pdf", date="2025-01-30")

    restated = quote("This report provides an update on the Council’s revenue position as at Quarter 3 2024-25.", 1)
    reason = quote("There are underspends in a number of finance teams due to staff vacancies.", 2)
    q = "Why is the finance division expected to come in under budget in 2024-25?"
    assert choose_lead(q, [restated, reason], [0.73, 0.66], [], None, False) == 1
    assert choose_lead("What does the report say about the finance division's budget?", [restated, reason],
                       [0.73, 0.66], [], None, False) == 0


def test_choose_lead__a_reason_given_by_what_the_change_followed_and_no_list_of_appendices():
    from assistant.answer.lead import choose_lead

    def quote(text, rank):
        return quoted(text, rank, doc="performance-report_2025-03-04.pdf", date="2025-03-04")

    # ua73 committee kind 1: "why did the number of indicators fall?" was led by "This report includes 38 indicators"
    restated = quote("This report includes 38 indicators, where progress is assessed against targets.", 1)
    reason = quote("40 indicators were reported in Quarters 1 & 2 but following changes in national reporting, two "
                   "indicators have now been removed.", 2)
    q = "Why did the number of indicators in the report fall?"
    assert choose_lead(q, [restated, reason], [0.73, 0.66], [], None, False) == 1
    assert choose_lead(q, [restated, quote("The committee agreed the following: to note the report.", 2)],
                       [0.73, 0.66], [], None, False) == 0  # "the following:" gives no reason
    # a paper's list of its appendices leads no answer but one asking for its papers
    appendices = quote("Appendices Appendix 1 – Executive Response Appendix 2 – Full submission Appendix 3 – Decision "
                       "Report", 1)
    finding = quote("5.6 A total of 1,016 questionnaires were returned in response to the consultation.", 2)
    assert choose_lead("How many people replied to the consultation?", [appendices, finding], [0.9, 0.6], ["number"],
                       None, False) == 1
    assert choose_lead("Which appendices come with the report?", [appendices, finding], [0.9, 0.6], [], None,
                       False) == 0


def test_compose__a_meeting_named_by_its_month_is_answered_from_that_months_papers(fake_embedder):
    january = hit("16) The Chairman put the amendment to the vote and the voting was as follows: For (40) Against (20)",
                  doc="county-council_2025-01-09.pdf", para="16", page=5, rank=1, score=0.05, org="Kent",
                  date="2025-01-09")
    march = hit("5) The Chairman put the amendment to the vote and the voting was as follows: For (32) Against (25)",
                doc="county-council_2025-03-13.pdf", para="5", page=13, rank=2, score=0.04, org="Kent",
                date="2025-03-13")
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    q = "How did the vote on the amendment go at the County Council in March 2025?"
    out = compose(q, [january, march], fake_embedder, Implied(years=[2025], months=["2025-03"]), cfg=cfg)
    assert "For (32)" in out.text.splitlines()[0]
    assert "For (40)" in compose(q, [january, march], fake_embedder, Implied(years=[2025]), cfg=cfg).text.splitlines()[0]


def test_compose__who_wrote_the_report_is_answered_by_that_reports_own_author_line(fake_embedder):
    from dataclasses import replace

    def paper(text, doc, rank, score):  # unnumbered paragraphs of one page, each with its own id
        h = hit(text, doc=doc, para=None, page=1, rank=rank, score=score, org="Kent County Council",
                date="2025-03-04")
        return replace(h, paragraph=replace(h.paragraph, id=f"{doc}-{rank}"))

    top = paper("Cabinet may confirm, amend or rescind the decision.", "call-in-report-to-cabinet.pdf", 1, 0.06)
    other = paper("From: Sarah Hammond, Corporate Director, who wrote the report on the decision for Cabinet",
                  "family-hubs-decision-report.pdf", 2, 0.05)
    own = paper("By: Anna Taylor, Scrutiny Research Officer To: Cabinet - 4 March 2025", "call-in-report-to-cabinet.pdf",
                3, 0.04)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0, max_paragraphs=2)
    out = compose("Who wrote the report asking Cabinet to reconsider the decision?", [top, other, own], fake_embedder,
                  cfg=cfg)
    assert out.text.startswith("By: Anna Taylor")


def test_compose__who_wrote_the_report_is_answered_by_its_author_block_not_its_from_line(fake_embedder):
    # a committee report's last page: "Report Author", a column of labels, then the untitled names (no colon); its
    # "From:" line names the sponsors who present it, with the question's words about the paper
    from dataclasses import replace

    def paper(text, rank, page):
        h = hit(text, doc="budget-monitoring-report.pdf", para=None, page=page, rank=rank, score=0.05,
                org="Kent County Council", date="2025-01-30")
        return replace(h, paragraph=replace(h.paragraph, id=f"budget-{rank}"),
                       meta=replace(h.meta, title="Revenue and Capital Budget Monitoring Report",
                                    doc_type="committee-report"))

    block = paper("Report Author Relevant Director Joe McKay Acting Chief Accountant 03000 419601 John Betts "
                  "Interim Corporate Director Finance", 1, 4)
    sponsors = paper("From: Peter Oakford, Deputy Leader and Cabinet Member for Finance To: Cabinet, 30 January 2025 "
                     "Subject: Revenue and Capital Budget Monitoring Report", 2, 1)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0, max_paragraphs=2)
    out = compose("Who wrote the revenue and capital budget monitoring report?", [block, sponsors], fake_embedder,
                  cfg=cfg)
    assert not out.abstained and out.text.startswith("Report Author Relevant Director Joe McKay")
    contact = paper("4. Contact details Matthew Wagner Chief Analyst Telephone: 03000 416559", 1, 2)
    out = compose("Who is the contact officer for the budget monitoring report?", [contact, sponsors], fake_embedder,
                  cfg=cfg)
    assert not out.abstained and "Matthew Wagner" in out.text.splitlines()[0]


def test_compose__a_quoted_sentence_that_ends_in_a_colon_brings_what_follows(fake_embedder):
    text = ("7) Following the debate, the Chairman put the substantive motion to the vote and the voting was as "
            "follows:\nFor (37) Mr Baker, Mr Brady, Mrs Bell Against (0) Abstain (0)\nMotion carried.")
    out = compose("How did the vote on the substantive motion go?", [hit(text, para="7")], fake_embedder)
    quote = out.citations[0].quote
    assert "the voting was as follows:" in quote and "For (37)" in quote
    assert all(" ".join(part.split()) in " ".join(text.split()) for part in quote.split(" … "))


def test_compose__a_recorded_vote_is_quoted_by_its_tallies_and_outcome_not_the_names(fake_embedder):
    # as the County Council's minutes print it: each side's count, then the names of the members who voted so (80
    # of them for), then the outcome, glued to the last name; a quote of whole sentences had stopped at "For (14)"
    names = ", ".join(f"Mr Member{n}" for n in range(80))
    text = ("18) Following the debate, the Chairman put the amendment set out in paragraph 17 to the vote and the "
            f"voting was as follows:\nFor (14)\n{names}\nAgainst (45)\n{names} Abstain (4)\nMrs Bruneau, Mr Webb "
            "Amendment lost.\nChildren, Young People and Education Directorate")
    out = compose("How did the vote on the amendment go?", [hit(text, para="285/18")], fake_embedder)
    quote = out.citations[0].quote
    assert quote == ("18) Following the debate, the Chairman put the amendment set out in paragraph 17 to the vote "
                     "and the voting was as follows: For (14) … Against (45) … Abstain (4) … Amendment lost.")
    flat = " ".join(text.split())
    assert all(part in flat for part in quote.split(" … "))  # every fragment is the paragraph's own text
    assert out.text.startswith(quote)


def test_tallies_after__sides_next_to_each_other_are_joined_and_one_count_alone_is_no_vote():
    from assistant.answer.votes import tallies_after

    sentences = ["The voting was as follows:", "For (37)", "Mr Baker, Mr Thomas Against (0)", "Abstain (2)",
                 "Ms Constantine, Ms Meade Substantive Motion carried.", "The meeting closed at 5pm."]
    fragments, last, whole = tallies_after(sentences, 0)
    assert " ".join(fragments) == "For (37) … Against (0) Abstain (2) … Substantive Motion carried."
    assert (last, whole) == (4, True)
    assert tallies_after(["Members were asked:", "For (3) years the service has grown.", "Staff left."], 0) is None


def test_tallies_after__the_side_a_question_asks_about_comes_with_its_members_names():
    from assistant.answer.votes import side_named, tallies_after

    sentences = ["3) The Chairman put the motion to the vote and the voting was as follows:", "For (32)",
                 "Mr Baker, Mr Thomas Against (1)", "Mr Booth", "Abstain (2)", "Mr Lehmann, Mr Sole Motion carried."]
    side = side_named("Which councillors voted against the Pay Policy Statement?")
    assert side == "Against"
    fragments, _, _ = tallies_after(sentences, 0, side)
    assert " ".join(fragments) == "For (32) … Against (1) Mr Booth Abstain (2) … Motion carried."
    assert side_named("Which members abstained on the plan?") == "Abstain"
    assert side_named("How many members voted against the plan?") is None  # a count, not names
    assert side_named("Which councillors spoke in the debate?") is None  # no side of a vote


def test_compose__which_councillors_voted_against_quotes_that_sides_names(fake_embedder):
    text = ("4) The Chairman put the motion set out in paragraph 3 to the vote and the voting was as follows:\n"
            "For (39)\nMr Baker, Mr Brady, Mr Bartlett, Mrs Bell\nAgainst (3)\nMr Marsh, Mr Rayner, Mr Robey\n"
            "Abstain (0)\nMotion carried.")
    out = compose("Who voted against the motion to extend the meeting?", [hit(text, para="306/4")], fake_embedder)
    assert out.citations[0].quote.endswith("as follows: For (39) … Against (3) Mr Marsh, Mr Rayner, Mr Robey "
                                           "Abstain (0) Motion carried.")
    assert "Mr Bartlett" not in out.text  # the side not asked about: its count alone


def test_compose__a_quoted_sentence_that_ends_in_a_colon_brings_the_list_after_it(fake_embedder):
    text = ("5.25 The committee also requested valuations be made on the KCC Family Hub sites in Margate:\n"
            "• Margate Family Hub\n• Northdown Road Family Hub\n• Cliftonville Family Hub\n"
            "The valuations will be reported to the committee in the new year once the surveyors have visited.")
    out = compose("Which family hub sites did the committee want valued?", [hit(text, para="5.25")], fake_embedder)
    quote = out.citations[0].quote
    assert "Northdown Road Family Hub" in quote and "Cliftonville Family Hub" in quote
    assert "surveyors" not in quote  # a sentence after the list is not one of its items


def test_compose__which_councillors_is_answered_by_the_members_named_by_title(fake_embedder):
    called = hit("1.6 Following the decision being taken, the call-in request was submitted by Ms Jackie Meade "
                 "(Labour Group) and Mr Barry Lewis (Green and Independent Group).", para="1.6")
    out = compose("Which councillors called in the decision?", [called], fake_embedder)
    assert not out.abstained and "Jackie Meade" in out.text.splitlines()[0]
    vague = hit("1.6 Following the decision being taken, a call-in request was submitted by two members.", para="1.6")
    assert compose("Which councillors called in the decision?", [vague], fake_embedder).abstained


def test_compose__a_paragraph_retrieved_far_below_the_top_one_is_not_cited(fake_embedder):
    top = hit("5. There were 400 looked after children at the time of the inspection.", para="5", rank=1, score=0.05)
    near = hit("9. Looked after children numbered 400, up from 350.", para="9", rank=2, score=0.04)
    far = hit("6. Looked after children had 400 visits from their workers.", para="6", rank=3, score=0.02)
    cfg = AnswerConfig(sentence_keep=0.0, min_dense=0.0, abstain_below=0.0)
    out = compose("How many looked after children were there?", [top, near, far], fake_embedder, cfg=cfg)
    assert {c.para for c in out.citations} == {"5", "9"}  # 0.02 is under 0.65 of the top paragraph's 0.05
    cfg.score_keep = 0.0
    assert {c.para for c in compose("How many looked after children were there?", [top, near, far], fake_embedder,
                                    cfg=cfg).citations} == {"5", "9", "6"}


def test_compose__a_sum_of_another_kind_does_not_answer_how_much_something_cost(fake_embedder):
    grant = hit("4. Following the grant of £1.8m already received, the speed camera scheme on the A20 is operating "
                "well.", para="4")
    cfg = AnswerConfig(**LOW_SCORES)
    q = "How much did the A20 speed camera scheme cost?"
    assert compose(q, [grant], fake_embedder, cfg=cfg).abstained
    cost = hit("4. The speed camera scheme on the A20 cost £1.8m and is operating well.", para="4")
    assert not compose(q, [cost], fake_embedder, cfg=cfg).abstained


def test_compose__a_question_about_an_abolished_council_points_to_its_indexed_successors(fake_embedder):
    from assistant.answer.extractive import compose
    from assistant.query.implied import Implied

    implied = Implied(unindexed=["Cumbria County Council"],
                      successors={"Cumbria County Council": ["Cumberland", "Westmorland and Furness"]})
    out = compose("What did Ofsted say about Cumbria County Council?", [hit("Care leavers are well supported.")],
                  fake_embedder, implied)
    assert out.abstained
    assert out.text.startswith("The indexed documents don't include anything from Cumbria County Council, so they "
                                 "can't answer this. Cumbria County Council was replaced by Cumberland, and "
                                 "Westmorland and Furness, whose documents are indexed: ask about them by name.")
    plain = compose("What did Ofsted say about Cardiff?", [hit("Care leavers are well supported.")], fake_embedder,
                    Implied(unindexed=["Cardiff"]))
    assert "replaced" not in plain.text
    # the passages shown are said to be other councils': a grade shown there is not Cardiff's
    assert "The nearest passages (from other councils' documents) are:" in plain.text
    # a district council whose county's documents are indexed: said, so the user can ask about the county
    district = compose("What did Thanet District Council decide?", [hit("Care leavers are well supported.")],
                       fake_embedder, Implied(unindexed=["Thanet District Council"],
                                              within={"Thanet District Council": "Kent"}))
    assert district.abstained and ("Thanet District Council's area is part of Kent's, whose documents are indexed: "
                                   "ask about Kent by name.") in district.text


def test_compose__a_table_rows_figures_are_shown_with_their_column_headers(fake_embedder):
    from dataclasses import replace

    def committee(h, row):
        meta = replace(h.meta, title="Finance monitoring report Q3 2024-25", organisation="Kent County Council",
                       org_slug="kent-cc", doc_type="committee-report")
        return replace(h, meta=meta, paragraph=replace(h.paragraph, kind="table-row"), row=row)

    row = committee(hit("Adult Social Care & Health 1.305 -0.193 0.034 -0.227", doc="fmr.pdf", para=None, page=37,
                        date="2025-01-30", org="Kent"), row=7)
    prose = hit("The Adult Social Care & Health capital variance is mostly rephasing of the projects.", doc="fmr.pdf",
                para="2.4", page=36, date="2025-01-30", org="Kent", rank=2)
    headers = {7: ("Directorate Capital Budget Variance Real Variance Rephasing Variance", 36)}
    printed = {7: "Adult Social Care & Health 1.305 -0.193 0.034 -0.227\nTotal 2.000 -0.500 0.100 -0.600"}
    out = compose("What is the capital variance for Adult Social Care & Health?", [row, prose], fake_embedder,
                  table_headers=lambda r: headers.get(r, ("", None)), tables=lambda r: printed.get(r, ""))
    line = next(line for line in out.text.splitlines() if "1.305" in line)
    # the headers follow the row, marked as the text above its table, with their page (not the row's), before the
    # row's own citation
    assert ('Adult Social Care & Health 1.305 -0.193 0.034 -0.227 (table under "Directorate Capital Budget Variance '
            'Real Variance Rephasing Variance", p.36) [') in line and line.endswith(", p.37]")
    cited = next(c for c in out.citations if "1.305" in c.quote)
    assert cited.table_header.startswith("Directorate Capital Budget") and "table_header" in cited.to_dict()
    assert cited.text == printed[7]  # the row is cited with its table around it; the quote is the row
    assert cited.quote == "Adult Social Care & Health 1.305 -0.193 0.034 -0.227"
    other = next(c for c in out.citations if c is not cited)
    assert other.table_header is None and "table_header" not in other.to_dict()  # prose: as before
    assert other.text == prose.paragraph.text
    assert [c.quote for c in out.citations] == [c.quote for c in sorted(out.citations,
                                                                        key=lambda c: out.text.find(c.quote))]


def _item(text, kind, n, doc="kent_eqia.pdf", para=None, heading="Family hub sessions"):
    from dataclasses import replace

    h = hit(text, doc=doc, para=para, page=4, date="2025-03-13", rank=0, score=0.0, org="Kent")
    return replace(h, paragraph=replace(h.paragraph, id=f"{doc}-{n}", kind=kind, heading=heading), row=n)


def test_compose__a_quote_ending_the_paragraph_on_a_colon_is_followed_by_the_list_it_introduces(fake_embedder):
    from dataclasses import replace

    lead = replace(_item("The sessions that will be available from Northdown Road Family Hub include:", "text", 10),
                   rank=1, score=0.03, dense=0.6)
    after = [_item("*booking or referral required.", "text", 11), _item("• Baby Massage*", "bullet", 12),
             _item("• Stay and Play", "bullet", 13), _item("• Food Bank", "bullet", 14),
             _item("Desktop valuations have been provided by officers.", "text", 15)]
    following = {10: after}
    out = compose("What sessions will Northdown Road Family Hub run?", [lead], fake_embedder,
                  following=lambda row: following.get(row, []))
    lines = out.text.splitlines()
    assert lines[0].endswith("include: [Kent Ofsted inspection 2025, p.4]")
    # the items, cited alike, on one line with their citation; the legend before them and the paragraph after not
    assert lines[1] == "- Baby Massage* • Stay and Play • Food Bank [Kent Ofsted inspection 2025, p.4]"
    assert [c.quote for c in out.citations] == [lead.paragraph.text, "Baby Massage*", "Stay and Play", "Food Bank"]
    assert len(lines) == 2


def test_compose__a_lead_in_is_completed_by_the_next_paragraph_unless_that_starts_anew(fake_embedder):
    from dataclasses import replace

    lead = replace(_item("The Cabinet Committee resolved to make a recommendation to the Cabinet Member as follows:",
                         "text", 20, para="1.4"), rank=1, score=0.03, dense=0.6)
    said = _item("The committee recommends that the decision be delayed until the new funding is confirmed.", "text", 21)
    numbered = _item("1.5 The Cabinet Member reported on the proposed decision.", "text", 21, para="1.5")
    q = "What did the Cabinet Committee recommend to the Cabinet Member?"
    out = compose(q, [lead], fake_embedder, following=lambda row: [said])
    # (one paragraph completing the lead's lead-in: it reads on the first line after it, completion.completed_lead)
    assert out.text.splitlines()[0].startswith("The Cabinet Committee resolved to make a recommendation to the Cabinet "
                                               "Member as follows: The committee recommends that the decision be")
    assert len(compose(q, [lead], fake_embedder, following=lambda row: [numbered]).citations) == 1
    # a colon inside the paragraph: its own sentences follow it
    inside = replace(_item("The options were: to renew. The committee agreed.", "text", 40), rank=1, score=0.03,
                     dense=0.6)
    assert len(compose("What options were there?", [inside], fake_embedder,
                       following=lambda row: [said]).citations) == 1


def test_compose__a_question_put_at_a_meeting_is_cited_with_its_answer_which_leads(fake_embedder):
    from dataclasses import replace

    asked = "Question by Susan Carey to Neil Baker, Cabinet Member for Highways and Transport"
    question = replace(_item("I asked if KCC would request the satnav providers to add alerts for drivers on the "
                             "approach to schools.", "text", 30, doc="kent_qa.pdf", heading=asked),
                       rank=1, score=0.03, dense=0.7)
    thanks = _item("Thank you for requesting an update.", "text", 31, doc="kent_qa.pdf", heading="Answer")
    reply = _item("I can confirm that this remains work in progress with the satnav providers.", "text", 32,
                  doc="kent_qa.pdf", heading="Answer")
    nxt = _item("Does the Cabinet Member agree that Gatwick expansion is misguided?", "text", 33, doc="kent_qa.pdf",
                heading="Question by Mark Hood to Neil Baker, Cabinet Member for Highways and Transport")
    following = {30: [thanks, reply, nxt]}
    q = "What did the Cabinet Member tell Susan Carey about satnav alerts for drivers near schools?"
    out = compose(q, [question], fake_embedder, following=lambda row: following.get(row, []))
    quotes = [c.quote for c in out.citations]
    # the reply leads (its paragraphs name no Susan Carey: their question's heading does), the question follows;
    # the next councillor's question is not part of the answer
    assert quotes[0] == reply.paragraph.text and question.paragraph.text in quotes and nxt.paragraph.text not in quotes
    # each shown after who asked whom, which neither the question's text nor its answer says
    lines = out.text.splitlines()
    assert lines[0].startswith(f"Answer to the question by Susan Carey to Neil Baker, Cabinet Member for Highways and "
                               f"Transport: {reply.paragraph.text} [")
    assert any(line.startswith(f"- {asked}: {question.paragraph.text} [") for line in lines)
    assert sum(asked[1:] in line for line in lines) == 2  # once over the answer's paragraphs, once over the question
    # asked what was asked, the question put leads and its answer follows
    asked_q = "What did Susan Carey ask the Cabinet Member about satnav alerts for drivers near schools?"
    out = compose(asked_q, [question], fake_embedder, following=lambda row: following.get(row, []))
    assert out.citations[0].quote == question.paragraph.text and reply.paragraph.text in [c.quote for c in out.citations]
    # asked for the answer to a question named, the answer leads
    answer_q = "What was the answer to Susan Carey's question about satnav alerts for drivers near schools?"
    out = compose(answer_q, [question], fake_embedder, following=lambda row: following.get(row, []))
    assert out.citations[0].quote == reply.paragraph.text
    # an answer found alone is read with its question's heading (who asked, who answered), found by looking back
    alone = replace(reply, rank=1, score=0.03, dense=0.7)
    preceding = {32: [thanks, question]}
    said = "What did Neil Baker say about satnav alerts for drivers near schools?"
    any_score = AnswerConfig(abstain_below=0.0)  # the names check alone decides here
    assert compose(said, [alone], fake_embedder, cfg=any_score).abstained  # "Neil Baker" is nowhere in what is cited
    out = compose(said, [alone], fake_embedder, cfg=any_score, preceding=lambda row: preceding.get(row, []))
    assert not out.abstained and out.citations[0].quote == reply.paragraph.text
    # a paragraph that is no question put at a meeting brings in nothing
    plain = replace(question, paragraph=replace(question.paragraph, heading="Highways"))
    q = "Will KCC request the satnav providers to add alerts for drivers near schools?"
    assert [c.quote for c in compose(q, [plain], fake_embedder,
                                     following=lambda row: following.get(row, [])).citations] == \
        [plain.paragraph.text]


def test_compose__an_answer_is_read_with_the_question_it_replies_to_which_names_the_places(fake_embedder):
    """The Cabinet Member's reply need not repeat the villages the councillor asked about: it is about them."""
    from dataclasses import replace

    asked = "Question by Mike Sole to Neil Baker, Cabinet Member for Highways and Transport"
    question = replace(_item("I reported potholes around the villages of Bekesbourne and Barham and have heard "
                             "nothing since.", "text", 30, doc="kent_qa.pdf", heading=asked),
                       rank=1, score=0.03, dense=0.7)
    reply = _item("A team inspected the roads on 10 March and all the work needed has been ordered.", "text", 31,
                  doc="kent_qa.pdf", heading="Answer")
    following = {30: [reply]}
    q = "What has happened about the potholes reported around Bekesbourne and Barham?"
    out = compose(q, [question], fake_embedder, following=lambda row: following.get(row, []))
    assert out.citations[0].quote == reply.paragraph.text


def test_compose__a_question_put_in_two_paragraphs_is_one_question_and_its_answer_leads(fake_embedder):
    from dataclasses import replace

    asked = "Question by Mike Whiting to Dan Watkins, Cabinet Member for Adult Social Care and Public Health"
    first = replace(_item("Can the Cabinet Member tell me what help Sheppey residents have sought finding a care home place "
                          "since the home closed?",
                          "text", 50, doc="kent_qa.pdf", heading=asked), rank=1, score=0.03, dense=0.8)
    second = replace(_item("During the debate, Sheppey residents were said to have sought help finding a care home place.",
                           "text", 51, doc="kent_qa.pdf", heading=asked), rank=2, score=0.03, dense=0.8)
    reply = _item("Since the closure, residents have moved into residential care, most staying on the Island.",
                  "text", 52, doc="kent_qa.pdf", heading="Answer")
    following = {50: [second, reply], 51: [reply]}
    out = compose("What help have Sheppey residents sought finding a care home place since the home closed?",
                  [first, second], fake_embedder, cfg=AnswerConfig(abstain_below=0.0),
                  following=lambda row: following.get(row, []))
    assert out.citations[0].quote == reply.paragraph.text


def test_compose__a_councils_judgement_line_answers_its_grade_question_however_it_scores(fake_embedder):
    from dataclasses import replace

    text = "Judgement Grade\nOverall effectiveness: Requires improvement to be good"
    table = hit(text, doc="wirral_2024.pdf", para=None, page=1, date="2024-02-02", org="Wirral")
    table = replace(table, paragraph=replace(table.paragraph, kind="table"))
    strict = AnswerConfig(abstain_below=0.99)  # every sentence scores under it
    wirral = Implied(org_names=["Wirral"], orgs=["wirral"])
    out = compose("What grade did Wirral get last time?", [table], fake_embedder, wirral, cfg=strict)
    assert not out.abstained
    assert out.text.splitlines()[0] == "Overall effectiveness: Requires improvement to be good [Wirral Ofsted " \
                                       "inspection 2024, p.1]"
    # no council named, or not a grade question: the threshold stands
    assert compose("What grade did they get last time?", [table], fake_embedder, Implied(), cfg=strict).abstained
    assert compose("What did Wirral get last time?", [table], fake_embedder, wirral, cfg=strict).abstained


def test_compose__a_sentence_that_only_repeats_the_question_is_not_quoted(fake_embedder):
    cover = hit("CHILDREN AND YOUNG PEOPLE OVERVIEW AND SCRUTINY COMMITTEE\nREPORT ON OFSTED MONITORING VISIT "
                "Report from: Ian Sutherland, Director of People", doc="medway_cyp.txt", para=None, page=None)
    cfg = AnswerConfig(**LOW_SCORES)
    out = compose("What did the Children and Young People Overview and Scrutiny Committee discuss?", [cover],
                  fake_embedder, cfg=cfg)
    assert not out.abstained and "SCRUTINY COMMITTEE" not in out.text
    assert out.citations[0].quote.startswith("REPORT ON OFSTED MONITORING VISIT")
    # a yes/no question may be answered in its own words
    graded = hit("Overall effectiveness: good.", doc="medway_2023.pdf", para=None, page=1)
    out = compose("Was the overall effectiveness good?", [graded], fake_embedder, cfg=cfg)
    assert out.citations and out.citations[0].quote == "Overall effectiveness: good."


def test_compose__a_present_tense_question_is_answered_from_the_councils_newest_report(fake_embedder):
    old = hit("Caseloads are manageable for social workers in Medway.", doc="medway_2015.pdf", para="46", page=20,
              date="2015-11-27", rank=1, score=0.04)
    new = hit("Caseloads are high for some social workers in Medway.", doc="medway_2023.pdf", para="50", page=9,
              date="2023-09-11", rank=2, score=0.03)
    cfg = AnswerConfig(**LOW_SCORES)
    out = compose("Are caseloads manageable for social workers in Medway?", [old, new], fake_embedder, cfg=cfg)
    assert out.citations[0].doc == "medway_2023.pdf"
    older = hit("Caseloads were reduced for social workers in Medway.", doc="medway_2019.pdf", para="30", page=7,
                date="2019-08-27", rank=3, score=0.035)
    out = compose("Are caseloads manageable for social workers in Medway?", [old, older, new], fake_embedder, cfg=cfg)
    groups = [line for line in out.text.splitlines() if line.startswith("From ")]
    assert [c.doc for c in out.citations][0] == "medway_2023.pdf" and "2019" in groups[0]  # newest first
    # the tense is the first auxiliary verb's, wherever it stands
    out = compose("Which social workers in Medway have manageable caseloads?", [old, new], fake_embedder, cfg=cfg)
    assert out.citations[0].doc == "medway_2023.pdf"
    # a question in the past tense, or about a year, is left to the scores
    out = compose("Were caseloads manageable for social workers in Medway?", [old, new], fake_embedder, cfg=cfg)
    assert out.citations[0].doc == "medway_2015.pdf"


def test_missing_names__a_name_in_quotation_marks_is_a_name():
    from assistant.answer.names import missing_names

    for q in ('What did Ofsted say about "Lifelong Links" in Kent?', "What did Ofsted say about “Lifelong Links”?"):
        assert missing_names(q, "Ofsted produces this report of the inspection of local authority functions.") == [
            "Lifelong Links"], q
        assert missing_names(q, "The Lifelong Links service is used by young people.") == [], q


def test_compose__a_sentence_typical_of_its_whole_report_gives_the_lead_to_one_as_close_that_is_particular(
        fake_embedder):
    import numpy as np

    generic = hit("Children in Medway continue to benefit from good services.", para=None, page=1, rank=1)
    particular = hit("59. Caseloads across the service are mostly manageable.", para="59", page=9, rank=2,
                     score=0.029)
    generic = Hit(paragraph=generic.paragraph, meta=generic.meta, score=0.03, rank=1, dense=0.6, keyword=1.0, row=0)
    particular = Hit(paragraph=particular.paragraph, meta=particular.meta, score=0.029, rank=2, dense=0.6,
                     keyword=1.0, row=1)
    q = "Are plans in Medway manageable?"  # one word shared with each sentence (and no topic of data/topics.tsv named)
    qvec = np.array([1.0] + [0.0] * 7, dtype=np.float32)
    same = np.array([[0.6] + [0.8] + [0.0] * 6], dtype=np.float16)  # both sentences as close to the question

    def ask(typicality=None):
        out = compose(q, [generic, particular], fake_embedder, qvec=qvec, sentence_vectors=lambda row: same,
                      cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0), typicality=typicality)
        return out.text.splitlines()[0]

    assert ask().startswith("Children in Medway")  # a tie: the better-ranked paragraph leads
    summary_like = {0: np.array([0.2], dtype=np.float32), 1: np.array([-0.05], dtype=np.float32)}
    assert ask(lambda row: summary_like[row]).startswith("59. Caseloads")


def test_compose__what_the_answer_shows_must_name_what_the_question_names(fake_embedder):
    question = "When will Kent hear whether its Heritage Lottery Fund bid for the Stour Valley project is approved?"
    dated = hit("The funding for the project will be spent by September 2025.", doc="kent_q3.pdf",
                para=None, org="Kent", rank=1, score=0.03)
    named = hit("Kent submitted a Heritage Lottery Fund bid for the Stour Valley project.", doc="kent_cab.pdf",
                para=None, org="Kent", rank=2, score=0.029)
    # the candidate that names the bid gives no date, and the one that gives a date is about other funding
    out = compose(question, [dated, named], fake_embedder)
    assert out.abstained and not out.citations
    # a report on the bid need not repeat its name in every paragraph: the paragraphs around it name it
    around = {"kent_q3.pdf": "Stour Valley project. The Heritage Lottery Fund bid was submitted in October."}
    out = compose(question, [dated, named], fake_embedder, nearby=lambda h: around.get(h.paragraph.doc, ""))
    assert not out.abstained and out.citations[0].doc == "kent_q3.pdf"


def test_compose__a_sentence_that_gives_the_quoted_ones_examples_is_quoted_with_it(fake_embedder):
    text = ("3.1 On many measures the health of residents has been poor relative to the England average. Examples "
            "include rising levels of overweight in adults and hospital admissions after violent crime. The plan "
            "sets out four priorities for the next year.")
    out = compose("Which measures of residents' health are poor relative to the England average?",
                  [hit(text, doc="kent_ics.pdf", para="3.1", org="Kent")], fake_embedder)
    assert not out.abstained
    assert "Examples include rising levels of overweight" in out.citations[0].quote
    assert "four priorities" not in out.citations[0].quote  # what follows that is no example stays out


def test_with_what_follows__an_elaboration_follows_the_sentence_it_elaborates():
    from assistant.answer.quotes import with_what_follows

    sentences = ["Some practice is not yet good enough.", "In particular, plans are not always updated.",
                 "Leaders know this.", "This included a new Family Thrive Service."]
    assert with_what_follows(sentences, [0]) == [0, 1]
    assert with_what_follows(sentences, [2]) == [2, 3]
    assert with_what_follows(sentences, [1]) == [1]  # "Leaders know this." elaborates nothing
    # a qualification comes with the claim it qualifies: quoted alone, the claim says more than the report does
    qualified = ["Most care leavers now receive a good service.", "However, many are not allocated a personal "
                 "adviser early enough.", "The hub is welcoming."]
    assert with_what_follows(qualified, [0]) == [0, 1]
    assert with_what_follows(qualified, [1]) == [1]
    # so is one that says, without a "However", that the same thing falls short
    unsaid = ["Return home interviews usually take place promptly for children in need.",
              "The quality of information gathered and recorded in interviews is mixed.",
              "Leaders have plans that are not yet in place."]
    assert with_what_follows(unsaid, [0]) == [0, 1]
    assert with_what_follows(unsaid, [1]) == [1]  # a shortfall then another: no qualification
    assert with_what_follows(["Children are seen promptly.", "Leaders have plans that are not yet in place."],
                             [0]) == [0]  # another subject


def test_compose__the_paragraph_retrieval_put_first_stays_cited_without_repeating_the_questions_name(fake_embedder):
    """A paper's paragraph calls its subject "the contracts" once the title has named it: the best match for the
    whole question is kept as a supporting quote even though it does not print "Seashells and Millmead"; another
    paragraph that misses the name is still left out."""
    doc = "kent_family-hubs-decision_2025-03-13.pdf"
    best = hit("13.3 Should members recommend renewal of the contracts, then the re-procurement will take in excess "
               "of six months.", doc=doc, para="13.3", page=20, score=0.04, rank=1, org="Kent")
    named = hit("2.4 The Seashells and Millmead contracts were extended by six months while the consultation on the "
                "contracts ran.", doc=doc, para="2.4", page=3, score=0.035, rank=2, org="Kent")
    other = hit("7.1 The library contracts will take six months to re-procure.", doc=doc, para="7.1", page=12,
                score=0.03, rank=3, org="Kent")
    question = "How long would re-procuring the Seashells and Millmead contracts take?"
    out = compose(question, [best, named, other], fake_embedder,
                  cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0))
    assert not out.abstained
    assert out.citations[0].para == "2.4"  # the lead names what was asked about
    assert [c.para for c in out.citations] == ["2.4", "13.3"]  # 7.1 names no Seashells or Millmead: not cited


def test_compose__an_older_reports_title_is_not_quoted_for_a_question_on_another_topic(fake_embedder):
    """The 2013 reports print their title alone ("Inspection of looked after children services Medway Council"),
    then "Inspection dates: … Reporting inspector …": a question naming the inspection only to say which one is
    answered by the finding, not by the title that shares its words."""
    title = hit("Inspection of looked after children services Medway Council\nInspection dates: 15-19 July 2013 "
                "Reporting inspector Sarah Urding HMI", doc="medway_2013.pdf", para=None, page=1, date="2013-08-23",
                score=0.04, rank=1)
    finding = hit("59. Due to a high turnover of staff, looked after children are experiencing too many changes of "
                  "social worker.", doc="medway_2013.pdf", para="59", page=20, date="2013-08-23", score=0.035, rank=2)
    question = "At Medway's 2013 inspection of services for looked after children, why did they change social worker?"
    out = compose(question, [title, finding], fake_embedder,
                  cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0))
    assert not out.abstained and out.citations[0].para == "59", out.text


def test_compose__the_same_words_printed_on_two_pages_are_quoted_once(fake_embedder):
    """A paper that repeats a sentence (a consultation response printed under each question) is quoted once; the
    slot goes to the next paragraph that answers."""
    text = "There are three alternative Family Hub locations within Margate, all within 1.5 miles of the Centre."
    first = hit(text, para="4", page=9, rank=1, score=0.03)
    again = hit(text.replace(" ", "  ", 3), para="7", page=10, rank=2, score=0.03)  # spacing aside, the same
    other = hit("Free parking is available at the Northdown Road Family Hub in Margate.", para="8", page=11, rank=3,
                score=0.03)
    out = compose("Which Family Hub locations in Margate have free parking?", [first, again, other], fake_embedder,
                  cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0))
    pages = [c.page_start for c in out.citations]
    assert not out.abstained and sorted(pages) == [9, 11]


def test_with_antecedent__a_judgement_tables_line_or_an_unquotable_sentence_is_no_antecedent():
    import numpy as np

    from assistant.answer.quotes import UNQUOTABLE, with_antecedent

    table = ["The experiences and progress of care leavers: Requires improvement to be good",
             "Overall effectiveness: Good", "This was the first inspection of Westmorland and Furness."]
    assert with_antecedent(table, [2]) == [2]
    prose = ["Leaders know the service well.", "This is reflected in their self-evaluation."]
    assert with_antecedent(prose, [1]) == [0, 1]
    assert with_antecedent(prose, [1], np.array([UNQUOTABLE, 0.5])) == [1]
    # any quoted sentence's, not only the first's: after a gap, "This spending increase …" needs the increase
    budget = ["The budget acknowledges an imbalance between spending and funding.",
              "Directorate spending is planned to increase by £80.3m (13.7%).",
              "This spending increase includes an average 4% fee uplift."]
    assert with_antecedent(budget, [0, 2]) == [0, 1, 2]


def test_with_antecedent__a_link_or_a_subject_pointing_back_needs_the_sentence_before():
    from assistant.answer.quotes import with_antecedent

    # quoted alone, "children in these arrangements" reads as the children the question asked about
    linked = ["Private fostering is promoted well.", "As a result, children in these arrangements are safe."]
    assert with_antecedent(linked, [1]) == [0, 1]
    # "The service" names the virtual school the sentence before introduced
    named = ["The virtual school supports children in care well.", "The service is the linchpin of their education."]
    assert with_antecedent(named, [1]) == [0, 1]
    assert with_antecedent(["Leaders are visible.", "The services' leaders know children well."], [1]) == [1]
    pointing = ["Some children live with relatives.", "Most of these children see their parents."]
    assert with_antecedent(pointing, [1]) == [0, 1]
    plain = ["Caseloads are high.", "Children in care are visited regularly."]
    assert with_antecedent(plain, [1]) == [1]


def test_with_antecedent__a_sentence_that_refers_back_is_quoted_with_the_one_before_it():
    from assistant.answer.quotes import with_antecedent

    sentences = ["Personal advisers visit young people regularly.", "They provide practical help and advice.",
                 "The care leaver hub is welcoming.", "Its staff are based there."]
    assert with_antecedent(sentences, [1]) == [0, 1]  # "They" is the personal advisers
    assert with_antecedent(sentences, [1, 3]) == [0, 1, 2, 3]  # and "Its staff" is the hub's, after a gap
    assert with_antecedent(sentences, [2]) == [2]  # says what it is about
    assert with_antecedent(["They met in May."], [0]) == [0]  # nothing before it to quote


def test_compose__the_leading_quote_says_who_its_they_are(fake_embedder):
    lead = hit("29. Personal advisers visit young people at a frequency that meets their needs. They provide practical "
               "help and advice to young people leaving care.", doc="medway_2023.pdf", para="29", page=6, score=0.05,
               rank=1)
    out = compose("What practical help and advice do young people leaving care get?", [lead], fake_embedder,
                  cfg=AnswerConfig(abstain_below=0.0))
    assert not out.abstained
    first = out.text.split("\n", 1)[0]
    assert "Personal advisers visit young people" in first and "They provide practical help" in first


def test_compose__a_supporting_quote_says_who_its_they_are_too(fake_embedder):
    lead = hit("29. Young people leaving care get practical help and advice from their personal advisers.",
               doc="medway_2023.pdf", para="29", page=6, score=0.05, rank=1)
    support = hit("30. The care leaver hub opened in 2022. They get practical help and advice there too.",
                  doc="medway_2023.pdf", para="30", page=6, score=0.05, rank=2)
    out = compose("What practical help and advice do young people leaving care get?", [lead, support],
                  fake_embedder, cfg=AnswerConfig(abstain_below=0.0, sentence_keep=0.0, score_keep=0.0, min_dense=0.0))
    quotes = {c.para: c.quote for c in out.citations}
    assert quotes["30"].startswith("30. The care leaver hub opened in 2022.")  # what "They" refers back to


def _care_leaver_hits():
    old = [hit(f"{n}. Care leavers are supported well by personal advisers in {n}.", doc="medway_2015.pdf", para=str(n),
               page=28, date="2015-11-27", score=0.05 - n / 1000, rank=i + 1) for i, n in enumerate((91, 89, 87, 96))]
    middle = hit("23. Care leavers are supported by a separate care leavers service.", doc="medway_2019.pdf", para="23",
                 page=8, date="2019-08-27", score=0.04, rank=5)
    weak = hit("12. The council's audit findings are unreliable.", doc="medway_2023.pdf", para="12", page=3,
               date="2023-09-11", score=0.035, rank=6, dense=0.2)  # too far in meaning to be cited
    newest = hit("34. Care leavers are supported well by navigators.", doc="medway_2023.pdf", para="34", page=6,
                 date="2023-09-11", score=0.03, rank=7)
    return old + [middle, weak, newest]


def test_with_newest_reports__a_councils_newest_report_takes_the_place_of_an_older_ones_last_paragraph():
    import numpy as np

    from assistant.answer.selection import with_newest_reports

    hits = _care_leaver_hits()
    chosen = with_newest_reports(hits[:5], hits, AnswerConfig())
    assert [c.paragraph.para for c in chosen] == ["91", "89", "87", "23", "34"]  # 2015's last one made room
    assert with_newest_reports(hits[:2], hits, AnswerConfig()) == hits[:2] + [hits[-1]]  # room for it
    assert with_newest_reports([hits[-1]], hits, AnswerConfig()) == [hits[-1]]  # the newest is cited already
    weaker = {h.paragraph.id: (["s"], np.array([0.9 if h is hits[0] else 0.5])) for h in hits}
    assert with_newest_reports(hits[:5], hits, AnswerConfig(), lambda h: weaker[h.paragraph.id]) == hits[:5]  # it
    # answers less well (0.5 against the top's 0.9, under sentence_keep)


def test_compose__a_present_tense_question_cites_the_newest_report_retrieval_ranked_lower(fake_embedder):
    cfg = AnswerConfig(abstain_below=0.0, sentence_keep=0.0, score_keep=0.0, min_dense=0.35)
    now = compose("How are care leavers supported in Medway?", _care_leaver_hits(), fake_embedder, cfg=cfg)
    assert now.citations[0].para == "34" and "12" not in {c.para for c in now.citations}
    then = compose("How were care leavers supported in Medway?", _care_leaver_hits(), fake_embedder, cfg=cfg)
    assert "34" not in {c.para for c in then.citations}  # the past tense: the paragraphs that match best


def test_of_the_time_asked__keeps_another_years_paragraph_only_when_what_it_quotes_names_the_year():
    from assistant.answer.lead import of_the_time_asked

    lead = hit("Lead inspector: Brenda McLaughlin", doc="medway_2019.pdf", para=None, page=1, date="2019-08-27")
    later = ("Lead inspector: Amanda Maxwell. Services have substantially improved since the inspection in 2019.")
    title = hit(later, doc="medway_2023.pdf", para=None, page=1, date="2023-09-11")
    since = hit(later, doc="medway_2023.pdf", para=None, page=1, date="2023-09-11")
    citations = [(lead, ["Lead inspector: Brenda McLaughlin"]), (title, ["Lead inspector: Amanda Maxwell."]),
                 (since, ["Services have substantially improved since the inspection in 2019."])]
    kept = of_the_time_asked(citations, Implied(years=[2019]), spans_years=False)
    assert [quoted for _, quoted in kept] == [citations[0][1], citations[2][1]]


def test_of_the_time_asked__once_the_quarter_asked_about_leads_another_quarters_quotes_go():
    from assistant.answer.lead import of_the_time_asked

    q3 = hit("Of the 38 KPIs, 17 are rated Green in Quarter 3.", doc="qpr_q3.pdf", para="2.2", page=1)
    q2 = hit("Mr Wagner outlined the report for Quarter 2: 11 indicators showed a positive trend.", doc="minutes.pdf",
             para="1", page=3)
    plain = hit("Direction of Travel is based on regression analysis.", doc="qpr_q3.pdf", para="2.4", page=2)
    citations = [(h, [h.paragraph.text]) for h in (q3, q2, plain)]
    kept = of_the_time_asked(citations, Implied(), spans_years=False,
                             question="What does the Q3 report say about the direction of travel?")
    assert [h for h, _ in kept] == [q3, plain]  # a quote naming no quarter stays
    assert of_the_time_asked(citations, Implied(), spans_years=False, question="What is the direction of travel?") \
        == citations


def test_compose__a_documents_own_title_is_never_its_quote(fake_embedder):
    from dataclasses import replace

    title = hit("INSPECTION OF MEDWAY CHILDREN'S SERVICES", para=None, page=1, rank=1)
    body = hit("Caseloads in the assessment teams have been reduced to manageable levels.", para="4", rank=2)
    q = "What did inspectors find about caseloads in Medway?"
    out = compose(q, [title, body], fake_embedder, cfg=AnswerConfig(abstain_below=0.0))
    assert out.citations[0].quote == body.paragraph.text
    assert title.paragraph.text not in [c.quote for c in out.citations]
    # the same words in another document, whose title they are not, are quotable
    other = replace(title, meta=replace(title.meta, title="Report to Cabinet"))
    assert title.paragraph.text in [c.quote for c in compose(q, [other], fake_embedder,
                                                              cfg=AnswerConfig(abstain_below=0.0)).citations]


def test_choose_lead__a_newer_report_whose_quote_cannot_lead_does_not_push_the_older_reports_aside():
    """A present-tense question: the 2026 report's quote does not give what was asked for (-1), so 2017's is the
    newest that may lead and leads before 2013's, although 2013's scores higher."""
    from assistant.answer.lead import choose_lead

    citations = [(hit("Text.", doc=f"kent_{y}.pdf", date=f"{y}-06-01", org="Kent"), ["Text."]) for y in (2026, 2017, 2013)]
    assert choose_lead("How are care leavers doing in Kent?", citations, [-1.0, 0.6, 0.7], [], None, False,
                       now=True) == 1
    assert choose_lead("How are care leavers doing in Kent?", citations, [0.1, 0.6, 0.7], [], None, False,
                       now=True) == 0


def test_choose_lead__a_committee_paper_older_than_the_councils_newest_report_does_not_lead_a_present_question():
    """"Is the front door working well?": a 2020 committee paper on a monitoring visit scores higher, but the
    council's 2023 inspection report says how things are now. Another council's paper, or a newer paper, is not
    superseded by it (the council of a paper filed as "kent-cc" is Kent's)."""
    from dataclasses import replace

    from assistant.answer.lead import choose_lead

    report = hit("Text.", doc="medway_2023.pdf", date="2023-09-11")
    paper = hit("Text.", doc="medway_paper.txt", date="2020-10-01")
    paper = replace(paper, meta=replace(paper.meta, doc_type="committee-report"))
    citations = [(paper, ["Text."]), (report, ["Text."])]
    assert choose_lead("Is the front door working well?", citations, [0.8, 0.6], [], None, False, now=True) == 1
    assert choose_lead("Was the front door working well?", citations, [0.8, 0.6], [], None, False) == 0
    kent_report = hit("Text.", doc="kent_2026.pdf", date="2026-03-01", org="Kent")
    kent_paper = replace(paper, meta=replace(paper.meta, org_slug="kent-cc", date="2025-03-13"))
    assert choose_lead("Is the front door working well in Kent?", [(kent_paper, ["Text."]), (kent_report, ["Text."])],
                       [0.8, 0.6], [], None, False, now=True) == 1
    newer = replace(paper, meta=replace(paper.meta, date="2024-01-01"))
    assert choose_lead("Is the front door working well?", [(newer, ["Text."]), (report, ["Text."])], [0.8, 0.6], [],
                       None, False, now=True) == 0
    # a paper on something other than an inspection (a panel's minutes) is not superseded by the newer report
    minutes = replace(paper, meta=replace(paper.meta, doc_type="minutes", title="Corporate Parenting Panel minutes"))
    assert choose_lead("Why do some children in care not take part in events?", [(minutes, ["Text."]),
                                                                                 (report, ["Text."])],
                       [0.8, 0.6], [], None, False, now=True) == 0


def test_compose__a_how_many_question_leads_with_the_figure_that_counts_what_it_asks(fake_embedder):
    """"How many children are in care?" (present tense): the older report's "400 looked after children" leads the
    newer report's count of other children, and within a paragraph its sentence is quoted, not the foster carers'."""
    older = hit("5. There were 400 looked after children and 209 care leavers. Children are placed with 127 foster "
                "carers in Medway.", doc="medway_2013.pdf", para="5", date="2013-08-23", rank=2, score=0.029)
    newer = hit("Approximately 62,536 children and young people live in Medway, in care or not.",
                doc="medway_2015.pdf", para=None, date="2015-11-27", rank=1, score=0.03)
    out = compose("How many children are in care?", [newer, older], fake_embedder,
                  cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0))
    assert out.citations[0].para == "5" and "400 looked after children" in out.text.splitlines()[0]


def test_compose__quotes_that_read_alike_are_told_apart_by_the_sentence_before(fake_embedder):
    """Two paragraphs print "The local authority was judged to be inadequate." under different inspections: each is
    quoted with the sentence that says which, not as the same words twice."""
    looked_after = hit("The previous inspection of services for children looked after was in July 2013. The local "
                       "authority was judged to be inadequate.", doc="medway_2015.pdf", para=None, page=5,
                       date="2015-11-27")
    protection = hit("The previous inspection of arrangements for the protection of children was in January 2013. "
                     "The local authority was judged to be inadequate.", doc="medway_2015_p5.pdf", para=None, page=5,
                     date="2015-11-27", rank=2, score=0.029)
    out = compose("Was the local authority judged to be inadequate?", [looked_after, protection], fake_embedder,
                  cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0, abstain_below=0.0))
    quotes = [c.quote for c in out.citations]
    assert len(quotes) == 2 and len(set(quotes)) == 2
    assert any(q.startswith("The previous inspection of services for children looked after") for q in quotes)
    assert any(q.startswith("The previous inspection of arrangements for the protection") for q in quotes)


def test_compose__a_tables_header_row_is_not_quoted_on_its_own(fake_embedder):
    from dataclasses import replace

    header = hit("Low Risk | Medium Risk | High Risk", doc="kent_performance.pdf", para=None, page=66, rank=1,
                 score=0.04)
    header = replace(header, paragraph=replace(header.paragraph, kind="table-header"))
    prose = hit("The maximum exposure from these budget risks is now higher than the usable reserves.",
                doc="kent_s25.pdf", para=None, page=5, rank=2, score=0.035)
    out = compose("Which risks are rated high?", [header, prose], fake_embedder, cfg=AnswerConfig(**LOW_SCORES))
    assert [c.doc for c in out.citations] == ["kent_s25.pdf"]
    assert "Low Risk" not in out.text


def test_compose__what_a_member_said_leads_with_their_words_not_a_vote_listing_them(fake_embedder):
    votes = hit("(8) The vote on the budget amendment was: For (12) Mr Brady, Mr Hook, Mr Passmore.",
                doc="kent_council_2025.pdf", para="291/8", page=6,
                rank=1, score=0.05, org="Kent", date="2025-02-13")
    speech = hit("(5) Mr Hook (Leader of the Liberal Democrat Group) responded to the budget proposals.",
                 doc="kent_council_2025.pdf", para="291/5", page=5, rank=2, score=0.04, org="Kent", date="2025-02-13")
    out = compose("What did Mr Hook say about the budget?", [votes, speech], fake_embedder,
                  cfg=AnswerConfig(**LOW_SCORES))
    assert out.text.startswith("(5) Mr Hook (Leader of the Liberal Democrat Group) responded")


def test_missing_names__a_member_named_by_title_and_surname_is_cited_by_their_full_name():
    from assistant.answer.names import missing_names

    q = "What did Mr Stepto ask about home education?"
    assert missing_names(q, "Question by Paul Stepto to Rory Love, Cabinet Member for Education") == []
    assert missing_names(q, "Question by Susan Carey to Neil Baker") == ["Mr Stepto"]


def test_compose__a_who_question_cites_the_holder_named_beside_the_role_over_other_groups_leaders(fake_embedder):
    others = hit("(5) Mr Brady (Leader of the Opposition) and Mr Hook (Leader of the Liberal Democrat Group) gave "
                 "their responses to the Leader of the Council.", doc="kent_council_2025.pdf", para="291/5", page=5,
                 rank=1, score=0.05, org="Kent", date="2025-02-13")
    noted = hit("27) RESOLVED that the Leader's report be noted.", doc="kent_council_2025.pdf", para="298/27",
                page=7, rank=2, score=0.04, org="Kent", date="2025-03-13")
    holder = hit("From: Roger Gough, Leader of the Council", doc="kent_governance_2025.pdf", para=None, page=1,
                 rank=3, score=0.001, org="Kent", date="2025-03-13")
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.5, min_dense=0.0, abstain_below=0.0)
    out = compose("Who is the Leader of the Council?", [others, noted, holder], fake_embedder, cfg=cfg)
    assert out.text.startswith("From: Roger Gough, Leader of the Council")
    from assistant.answer.selection import pick_paragraphs

    chosen = pick_paragraphs("Who is the Leader of the Council?", [others, noted, holder], None, cfg)
    assert holder in chosen  # cited though it scores far below the others


def test_without_echoes__a_line_that_is_only_a_date_answers_only_when():
    import numpy as np

    from assistant.answer.quotes import UNQUOTABLE, without_echoes

    sentences = ["1 OCTOBER 2020", "3.2. The inspectors found that the local authority has made initial progress."]
    scored = {"p": (sentences, np.array([0.5, 0.4], dtype=np.float32))}
    found = without_echoes(scored, "What did the 2020 monitoring visit find?")["p"][1]
    assert found[0] == UNQUOTABLE and found[1] == np.float32(0.4)
    # "when …?" is answered by the date
    assert without_echoes(scored, "When was the report on the 2020 visit presented?")["p"][1][0] == np.float32(0.5)


def test_without_echoes__a_numbered_title_that_only_repeats_the_question_is_no_quote():
    import numpy as np

    from assistant.answer.quotes import UNQUOTABLE, without_echoes

    sentences = ["4. Youth Service Review", "26) RESOLVED that the Youth Service Review:",
                 "5. The review found that youth clubs were well attended."]
    scored = {"p": (sentences, np.array([0.8, 0.7, 0.6], dtype=np.float32))}
    found = without_echoes(scored, "What did the Youth Service Review find?")["p"][1]
    assert found[0] == UNQUOTABLE  # its printed number is no figure that would make it say something
    assert found[1] == np.float32(0.7)  # a numbered lead-in introduces what follows it
    assert found[2] == np.float32(0.6)


def test_without_titles__a_cover_sheets_subject_line_is_the_papers_title():
    import numpy as np

    from assistant.answer.quotes import UNQUOTABLE, without_titles

    h = hit("To: Cabinet – 4th March 2025 Subject: Late changes to the 2025-26 budget\n4.3 The budget is updated.",
            doc="kent_budget.pdf", para=None, page=1)
    h = replace_title(h, "Late changes to the 2025-26 budget")
    sentences = ["To: Cabinet – 4th March 2025 Subject: Late changes to the 2025-26 budget",
                 "4.3 The budget is updated."]
    scored = {h.paragraph.id: (sentences, np.array([0.6, 0.5], dtype=np.float32))}
    assert without_titles(scored, [h])[h.paragraph.id][1][0] == UNQUOTABLE  # "what did the report change?"
    assert without_titles(scored, [h], routed=True)[h.paragraph.id][1][0] == np.float32(0.6)  # "when …?", "who …?"


def replace_title(h, title):
    from dataclasses import replace

    return replace(h, meta=replace(h.meta, title=title))


def test_compose__when_something_took_place_is_the_sentence_saying_so_with_its_date(fake_embedder):
    from assistant.records import DocMeta

    def item(text, n):
        m = DocMeta(doc="medway_cyp.txt", title="Report on Ofsted monitoring visit", organisation="Medway",
                    org_slug="medway", doc_type="committee-report", date="2020-10-01")
        p = Paragraph(id=f"p{n}", doc="medway_cyp.txt", ordinal=n, text=text, para=None, page_start=None,
                      page_end=None)
        return Hit(paragraph=p, meta=m, score=0.03, rank=n, dense=0.6, keyword=1.0)

    background = item("When did the monitoring visit happen? It was the first monitoring visit since the July 2019 "
                      "inspection.", 1)  # close to the question in words, and dated, but says nothing took place
    held = item("This report gives an overview of the recent visit of children's services, which took place on the "
                "20 and 21 August 2020.", 2)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    out = compose("When did the monitoring visit take place?", [background, held], fake_embedder, cfg=cfg)
    assert out.citations[0].quote == held.paragraph.text


def test_of_the_time_asked__a_document_older_than_the_year_asked_since_is_not_quoted_after_the_lead():
    from assistant.answer.lead import of_the_time_asked

    new = hit("Services have substantially improved since the inspection in 2019.", doc="medway_2023.pdf",
              date="2023-09-11")
    paper = hit("2.1. The inspection took place in July 2019.", doc="medway_cyp.pdf", date="2020-10-01")
    old = hit("75. Medway has not had an effective workforce plan.", doc="medway_2013.pdf", date="2013-08-23")
    cited = [(h, [h.paragraph.text]) for h in (new, paper, old)]
    kept = of_the_time_asked(cited, Implied(since_year=2019, org_names=["Medway"], orgs=["medway"]), True)
    assert [h.paragraph.doc for h, _ in kept] == ["medway_2023.pdf", "medway_cyp.pdf"]
    assert of_the_time_asked(cited, Implied(org_names=["Medway"], orgs=["medway"]), True) == cited


def test_missing_names__names_listed_with_and_are_each_found_apart():
    from assistant.answer.names import missing_names

    q = "How much traffic did the Facebook, Instagram and X promotion of the proposals send to the questionnaire?"
    cited = ("Organic posts had a reach of 28,881 on Facebook and Instagram. There were 48,909 impressions on X "
             "(Twitter), LinkedIn and Nextdoor. The posts generated 725 clicks through to the consultation webpage.")
    assert missing_names(q, cited) == []
    assert missing_names(q, "Organic posts had a reach of 28,881 on Facebook and Instagram.") == ["Instagram and X"]
    q2 = "How many staff at Seashells and Millmead will transfer?"
    assert missing_names(q2, "Staff at Millmead may transfer; Seashells staff are not affected.") == []
    assert missing_names(q2, "Staff at Millmead may transfer.") == ["Seashells and Millmead"]


def test_a_bracketed_aside_is_never_quoted_alone_but_follows_its_point():
    import numpy as np

    from assistant.answer.quotes import UNQUOTABLE, with_what_follows, without_furniture

    sentences = ["The effectiveness of practitioners' responses to neglect.", "(Outcome three, National Framework)"]
    scored = without_furniture({"p": (sentences, np.array([0.4, 0.6], dtype=np.float32))}, title=False, grades=False)
    assert scored["p"][1][1] == UNQUOTABLE and scored["p"][1][0] == np.float32(0.4)
    assert with_what_follows(sentences, [0]) == [0, 1]  # quoted with the point it refers


def test_a_courtesy_opening_a_written_answer_is_never_quoted():
    import numpy as np

    from assistant.answer.quotes import UNQUOTABLE, without_furniture

    sentences = ["Thank you for requesting an update.", "I have asked officers to raise this issue again."]
    scored = without_furniture({"p": (sentences, np.array([0.6, 0.4], dtype=np.float32))}, title=False, grades=False)
    assert scored["p"][1][0] == UNQUOTABLE and scored["p"][1][1] == np.float32(0.4)
    kept = without_furniture({"p": (["Thank you to the foster carers who took part, 40 in all, in May.", "Next."],
                                    np.array([0.6, 0.4], dtype=np.float32))}, title=False, grades=False)
    assert kept["p"][1][0] == np.float32(0.6)  # a sentence that says more than thanks is kept


def test_compose__a_sentence_that_only_says_where_something_is_set_out_is_not_quoted(fake_embedder):
    text = ("Details of the significant variances are shown on the following page. Savings monitoring for Adult "
            "Social Care is in Section 4a. The forecast assumes that £19.1m of savings have been delivered.")
    q = "What savings has adult social care delivered so far?"
    out = compose(q, [hit(text, doc="kent_fm.pdf", para=None, org="Kent")], fake_embedder, cfg=AnswerConfig(**LOW_SCORES))
    assert not out.abstained and "Section 4a" not in out.citations[0].quote, out.citations[0].quote
    assert "£19.1m" in out.citations[0].quote
    where = compose("Where is the savings monitoring for adult social care set out?",
                    [hit(text, doc="kent_fm.pdf", para=None, org="Kent")], fake_embedder, cfg=AnswerConfig(**LOW_SCORES))
    assert "Section 4a" in where.citations[0].quote  # a signpost answers "where"


def test_compose__a_reference_the_question_gives_leads_with_the_paragraph_printing_it(fake_embedder):
    risk = hit("CRR0042: Border fluidity. Talks with Government continue on border resilience.", doc="kent_qpr.pdf",
               para=None, org="Kent", rank=2, score=0.03)
    other = hit("The council is planning crash remedial schemes with Government.", doc="kent_qpr.pdf", para="4.1",
                org="Kent", rank=1, score=0.031)
    q = "Under corporate risk CRR0042, what planning is the council doing with Government?"
    out = compose(q, [other, risk], fake_embedder, cfg=AnswerConfig(**LOW_SCORES))
    assert out.citations[0].text.startswith("CRR0042"), out.text


def test_compose__who_proposed_is_answered_by_the_member_not_the_body(fake_embedder):
    from assistant.query.kinds import holder_strength

    q = "Who proposed the budget at the County Council meeting in February 2025?"
    member = "(4) Mr Oakford proposed and Mr Gough seconded the following motion: the budget be agreed."
    assert holder_strength(member, q) == 2 and holder_strength(member, "Who seconded the budget?") == 2
    body = hit("To amend the budget proposed by the Administration in line with the Labour Group's budget.",
               doc="cc.pdf", para="291/7", org="Kent", rank=1, score=0.05)
    motion = hit(member, doc="cc.pdf", para="291/4", org="Kent", rank=2, score=0.04)
    out = compose(q, [body, motion], fake_embedder, cfg=AnswerConfig(sentence_keep=0.0, score_keep=0.0))
    assert out.text.startswith("(4) Mr Oakford proposed")


def test_choose_lead__a_near_tie_goes_to_the_paragraph_retrieval_ranked_higher():
    from assistant.answer.lead import TIE, choose_lead

    first = (hit("65. Investment has helped to reduce workloads.", para="65", rank=1), ["Workloads are reduced."])
    second = (hit("54. Morale is strong.", para="54", rank=2), ["Morale is strong."])
    q = "Are social workers well supported?"  # (no topic of data/topics.tsv named, which a quote would have to name)
    assert choose_lead(q, [first, second], [0.612, 0.612 + TIE / 2], [], None, False) == 0
    assert choose_lead(q, [first, second], [0.612, 0.612 + 2 * TIE], [], None, False) == 1


def test_each_council_leads__one_councils_reports_and_papers_count_once():
    from assistant.answer.extractive import each_council_leads

    report = (hit("30. Care leavers' housing is good.", doc="kent_2026.pdf", org="Kent"), ["Care leavers' housing is good."])
    import dataclasses

    paper = hit("3. A local offer for care leavers.", doc="kent-cc_minutes.pdf", para="3", org="Kent")
    paper = dataclasses.replace(paper, meta=dataclasses.replace(paper.meta, org_slug="kent-cc"))
    imp = Implied(orgs=["kent", "kent-cc"], org_names=["Kent"])
    assert each_council_leads([(paper, ["A local offer."]), report], [0.8, 0.7], 0, imp) == set()
    other = hit("12. Housing is weak.", doc="medway_2023.pdf", para="12", org="Medway")
    two = Implied(orgs=["kent", "kent-cc", "medway"], org_names=["Kent", "Medway"])
    assert each_council_leads([(paper, ["A local offer."]), report, (other, ["Housing is weak."])],
                              [0.8, 0.7, 0.6], 0, two) == {other.paragraph.id}


def test_missing_names__a_possessive_ends_a_name():
    from assistant.answer.names import missing_names

    q = "When was the Corporate Parenting Panel's December meeting?"
    assert missing_names(q, "CORPORATE PARENTING PANEL – 10th December 2024 MINUTES of the meeting") == []
    assert missing_names(q, "The Cabinet met on 10 December 2024.") == ["Corporate Parenting Panel"]


def test_compose__when_it_started_or_ended_is_the_sentence_that_dates_its_start_or_end(fake_embedder):
    drop_in = hit("Drop-ins about the consultation were held on 9 September 2024 to help people start.", doc="fh.pdf",
                  para="5.3",
                  org="Kent", rank=1, score=0.05)
    launch = hit("A public consultation launched on 30 July 2024 and closed on 22 September 2024.", doc="fh.pdf",
                 para="5.2", org="Kent", rank=2, score=0.04)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, abstain_below=0.0)
    assert compose("When did the consultation start?", [drop_in, launch], fake_embedder, cfg=cfg).text.startswith(
        "A public consultation launched")
    assert compose("When did the consultation close?", [drop_in, launch], fake_embedder, cfg=cfg).text.startswith(
        "A public consultation launched")


def test_compose__what_time_it_ends_is_the_sentence_giving_its_end_time(fake_embedder):
    summons = hit("Members are summoned to the County Council meeting at 10.00 am on Thursday, 13th March, 2025.",
                  doc="agenda.pdf", para="1", org="Kent", rank=1, score=0.05)
    ends = hit("Business should end by 4.30 pm.", doc="agenda.pdf", para="2", org="Kent", rank=2, score=0.04)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, abstain_below=0.0)
    assert compose("What time is the County Council meeting scheduled to end?", [summons, ends], fake_embedder,
                   cfg=cfg).text.startswith("Business should end by 4.30 pm.")


def test_when_it_ended_is_asked_by_end_and_its_inflections_not_by_endorse():
    from assistant.answer.extractive import _WHEN_ENDED

    for asked in ("When will the contract end?", "When did the consultation close?", "When does the lease expire?",
                  "What time is the meeting scheduled to end?", "When did the pilot stop?"):
        assert _WHEN_ENDED.search(asked), asked
    for asked in ("When did the Cabinet Committee endorse the plan?", "When was the service closely reviewed?"):
        assert not _WHEN_ENDED.search(asked), asked


def test_who_asked_is_answered_by_the_title_of_the_question_put():
    import dataclasses

    from assistant.answer.lead import with_asker
    from assistant.answer.scoring import holds

    q = "Who asked about SEND school transport at the County Council?"
    put = hit("What is being done about SEND transport?", doc="qa.pdf", para=None, org="Kent")
    put = dataclasses.replace(put, paragraph=dataclasses.replace(
        put.paragraph, heading="Question by Richard Streatfeild to Rory Love, Cabinet Member for Education and Skills"))
    answer = hit("The SEND transformation programme is addressing the issues.", doc="qa.pdf", para=None, org="Kent")
    quoted = ["The SEND transformation programme is addressing the issues."]
    assert not holds("person", " ".join(quoted), q)
    assert holds("person", with_asker(answer, quoted, {answer.paragraph.id: put}), q)
    # "which councillor asked …?" asks for a name, which the title gives (untitled: "Richard Streatfeild")
    named = "Which councillor asked about SEND school transport, and who answered?"
    assert not holds("name", " ".join(quoted), named)
    assert holds("name", with_asker(answer, quoted, {answer.paragraph.id: put}), named)


def test_grade_asked__the_grade_after_rather_than_is_not_the_one_asked_for_and_not_asks_for_the_others():
    from assistant.answer.judged import _grade_asked

    assert _grade_asked("Which area was rated good rather than outstanding?") == ("good", False)
    assert _grade_asked("Which area was rated outstanding rather than good?") == ("outstanding", False)
    assert _grade_asked("Which area of Camden was not rated outstanding?") == ("outstanding", True)
    assert _grade_asked("Which areas weren't judged to be good?") == ("good", True)
    assert _grade_asked("Which areas were judged inadequate?") == ("inadequate", False)
    assert _grade_asked("Which areas were judged to require improvement to be good?") == (
        "requires improvement to be good", False)
    assert _grade_asked("Which areas were judged?") == (None, False)


def test_with_what_follows__the_points_a_sentence_announces_firstly_secondly_come_with_it():
    from assistant.answer.quotes import with_what_follows

    sentences = ["Tony Doran explained that several factors contribute to this issue.",
                 "Firstly, few young people took Level 3 courses at seventeen.",
                 "Secondly, tuition fees deterred young people.",
                 "Additionally, degree-level apprenticeships also played a role.",
                 "The Chair thanked him for the report."]
    assert with_what_follows(sentences, [0]) == [0, 1, 2, 3]
    assert with_what_follows(sentences, [4]) == [4]


def test_compose__an_older_reports_judgement_table_answers_for_its_area_and_overall(fake_embedder):
    from dataclasses import replace

    from assistant.query.implied import Implied

    text = ("Children’s services in Medway require improvement to be good\n"
            "1. Children who need help and protection: Requires improvement\n"
            "2.1 Adoption performance: Requires improvement\n"
            "2.2 Experiences and progress of care leavers: Good")
    h = hit(text, para=None, page=1, date="2015-11-27", dense=0.9)
    table = replace(h, paragraph=replace(h.paragraph, kind="table"))
    implied = Implied(orgs=["medway"], org_names=["Medway"], years=[2015])
    adoption = compose("How was adoption performance judged in 2015?", [table], fake_embedder, implied)
    assert adoption.citations[0].quote == "2.1 Adoption performance: Requires improvement"
    overall = compose("What was the overall judgement in 2015?", [table], fake_embedder, implied)
    assert overall.citations[0].quote == "Children’s services in Medway require improvement to be good"


def test_missing_names__an_organisations_initials_count_with_the_council_name_before_it():
    from assistant.answer.names import missing_names

    q = "What extra cost might Kent Community Health Foundation Trust face from room charges?"
    kent = Implied(orgs=["kent"], org_names=["Kent"])
    assert missing_names(q, "This may present an additional cost to KCHFT (approx £30k per annum).", kent) == []
    assert missing_names(q, "This may present an additional cost to the NHS.", kent) == [
        "Community Health Foundation Trust"]


def test_missing_names__one_of_the_names_listed_will_do_for_a_paragraph_that_prints_another_of_its_names():
    from assistant.answer.names import missing_names

    q = "What might Kent Community Health Foundation Trust pay if the Seashells and Millmead centres charge for rooms?"
    kent = Implied(orgs=["kent"], org_names=["Kent"])
    both = "Section 2: Millmead. Both Family Hubs may charge KCHFT for delivery space."
    assert missing_names(q, both, kent) == ["Seashells and Millmead"]  # the answer as a whole must name both
    assert missing_names(q, both, kent, one_of_listed=True) == []  # one supporting paragraph: one of them
    # a paragraph naming one of them and nothing else the question names is filler
    assert missing_names(q, "Millmead is all on one level.", kent, one_of_listed=True) == [
        "Community Health Foundation Trust", "Seashells and Millmead"]


def test_compose__the_sentence_giving_every_kind_asked_for_is_quoted_not_one_giving_a_figure_alone(fake_embedder):
    text = ("5.1 The money for the service moves to adult social care in 2 stages when the service transfers. "
            "The money that moves to adult social care is approximately £59m.")
    h = hit(text, doc="kent-cc_transfer.pdf", para="5.1", page=6, date="2025-01-30", org="Kent")
    out = compose("How much money moves to adult social care when the service transfers?", [h], fake_embedder)
    assert not out.abstained and "approximately £59m" in out.citations[0].quote


def test_of_one_councils_report__the_councils_own_name_is_not_read_as_its_first_inspection():
    from assistant.answer.judged import _of_one_councils_report

    trust = Implied(orgs=["slough"], org_names=["Slough Children First"])
    assert _of_one_councils_report("What is Slough Children First's overall Ofsted rating?", trust)
    slough = Implied(orgs=["slough"], org_names=["Slough"])
    assert not _of_one_councils_report("What grade did Slough get at its first inspection?", slough)


def test_compose__what_the_council_says_is_its_reply_not_a_consultees_words_in_quotation_marks(fake_embedder):
    resident = hit("Concern about parking at the Gateway “There is no parking at the Gateway for parents, and car "
                   "parks nearby cost money.”", doc="kent-cc_consultation-report.pdf", para=None, page=20,
                   date="2025-03-13", org="Kent", rank=1, score=0.05)
    reply = hit("It is acknowledged that there is no parking at the Gateway for parents; parking is available a "
                "short distance away.", doc="kent-cc_draft-responses.pdf", para=None, page=2, date="2025-03-13", org="Kent",
                rank=2, score=0.04)
    asked = "What does Kent say to parents worried that there is no parking at the Gateway?"
    out = compose(asked, [resident, reply], fake_embedder)
    assert out.citations[0].doc == "kent-cc_draft-responses.pdf"
    # what residents said is the consultee's words
    heard = compose("What did residents say about parking at the Gateway?", [resident, reply], fake_embedder)
    assert heard.citations[0].doc == "kent-cc_consultation-report.pdf"


def test_compose__a_district_named_as_the_county_papers_partner_is_answered_from_them(fake_embedder):
    text = "j. Differing accounts of engagement with Swale Borough Council over the move of services to the Gateway."
    h = hit(text, doc="kent-cc_call-in.pdf", para="7(j)", page=2, date="2025-03-04", org="Kent")
    swale = Implied(unindexed=["Swale Borough Council"], within={"Swale Borough Council": "Kent"})
    partner = compose("What did members say about talks with Swale Borough Council on the move to the Gateway?", [h],
                      fake_embedder, swale)
    assert not partner.abstained and partner.citations[0].para == "7(j)"
    # what the district itself did is the district's papers' to say, and Ofsted inspects no district
    for asked in ("What did Swale Borough Council decide about the move to the Gateway?",
                  "How did Ofsted rate engagement with Swale Borough Council?"):
        own = compose(asked, [h], fake_embedder, dataclasses.replace(swale, ofsted="Ofsted" in asked))
        assert own.abstained and "don't include anything from Swale Borough Council" in own.text, asked


def test_compose__who_attended_one_meeting_is_not_answered_from_another_meetings_record(fake_embedder):
    text = "Councillors who sent apologies to the meeting on 13 March 2025: Mr Bond, Mrs Bruneau and Mr Campkin."
    h = hit(text, doc="kent-cc_council-minutes.pdf", para=None, page=1, date="2025-03-13", org="Kent")
    council = dataclasses.replace(h, meta=dataclasses.replace(h.meta, committee="County Council"))
    asked = "Which councillors sent apologies to the Cabinet meeting on 13 March 2025?"
    cabinet = Implied(orgs=["kent"], org_names=["Kent"], committees=["Cabinet"], days=["2025-03-13"])
    assert compose(asked, [council], fake_embedder, cabinet).abstained
    own = dataclasses.replace(council, meta=dataclasses.replace(council.meta, committee="Cabinet"))
    assert not compose(asked, [own], fake_embedder, cabinet).abstained
    present = hit("PRESENT: Mr B J Sweetland (Chairman), Mr A M Ridgers (Vice-Chairman), Mr N Baker",
                  doc="kent-cc_council-minutes.pdf", para=None, page=1, date="2025-03-13", org="Kent")
    present = dataclasses.replace(present, meta=dataclasses.replace(present.meta, committee="County Council"))
    chaired = "Who chaired the Cabinet meeting on 13 March 2025?"
    cfg = AnswerConfig(abstain_below=0.0)
    assert compose(chaired, [present], fake_embedder, cabinet, cfg=cfg).abstained
    council_day = dataclasses.replace(cabinet, committees=["County Council"])
    assert not compose(chaired.replace("the Cabinet", "the County Council"), [present], fake_embedder, council_day,
                       cfg=cfg).abstained


def test_compose__when_a_visit_took_place_is_not_the_reports_own_inspection_dates(fake_embedder):
    title = hit("Ofsted inspection of Dudley local authority children’s services Inspection dates: 31 October to 11 "
                "November 2022 Lead inspector: John Roughton", doc="dudley.pdf", para=None, page=1, date="2023-01-13",
                org="Dudley", rank=1, score=0.05)
    visit = hit("18. Since the focused assurance visit in 2020, Ofsted found formal arrangements in place for Dudley "
                "children.", doc="dudley.pdf", para="18", page=4, date="2023-01-13", org="Dudley", rank=2, score=0.04)
    out = compose("In what year did Ofsted carry out its focused assurance visit to Dudley children's services?",
                  [title, visit], fake_embedder)
    assert out.citations[0].para == "18"
    inspected = compose("When did Ofsted inspect Dudley?", [title, visit], fake_embedder)
    assert inspected.citations[0].para is None and "Inspection dates" in inspected.citations[0].quote
    # nor is when a joint targeted area inspection took place, named in full
    jtai = dataclasses.replace(visit, paragraph=dataclasses.replace(
        visit.paragraph, text="18. Following the joint targeted area inspection in May 2023, practice shortfalls have "
                              "been mostly addressed in Dudley."))
    out = compose("When was Dudley's joint targeted area inspection?", [title, jtai], fake_embedder)
    assert out.citations[0].para == "18"


def test_compose__the_vote_answers_the_second_part_of_who_proposed_it_and_was_it_passed(fake_embedder):
    moved = hit("(11) Mr Hood proposed, and Mr Lewis seconded the following amendment: to fund a feasibility study "
                "into home to school transport.", doc="kent-cc_minutes.pdf", para="291/11", page=7, date="2025-02-13",
                org="Kent", rank=1, score=0.05)
    vote = hit("(12) The Chairman put to the vote the amendment set out in paragraph 11 and the voting was as follows: "
               "For (16) Against (41) Amendment lost.", doc="kent-cc_minutes.pdf", para="291/12", page=7,
               date="2025-02-13", org="Kent", rank=2, score=0.04)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    out = compose("Who proposed the amendment for a feasibility study into home to school transport, and was it "
                  "passed?", [moved, vote], fake_embedder, cfg=cfg)
    assert [c.para for c in out.citations] == ["291/11", "291/12"]


def test_compose__when_a_council_was_judged_so_is_the_summary_sentence_that_dates_it_not_the_tables_line(fake_embedder):
    """A report's page-1 block holds its judgement table and its summary: "when was it previously judged good?" asks
    for a date and a grade, which the summary's sentence gives ("… since the last inspection in November 2021, when
    they were judged to be good"), not the table's overall line."""
    page1 = hit("Overall effectiveness: Requires improvement to be good\nPractice in Bedford has declined since the last "
                "inspection in November 2021, when services were judged to be good in all areas.", para=None, page=1,
                org="Bedford", doc="bedford_2025.pdf", date="2025-08-27")
    page1 = dataclasses.replace(page1, paragraph=dataclasses.replace(page1.paragraph, kind="table"))
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    out = compose("When were Bedford's services previously judged good in every area?", [page1], fake_embedder,
                  cfg=cfg)
    assert not out.abstained and "November 2021" in out.text.splitlines()[0]


def test_compose__a_tables_row_gives_the_sum_its_column_headers_name(fake_embedder):
    """"Seashells £117.58 £31.75" says what it costs only under its table's headers ("Average cost per client …"):
    a question asking for that cost is answered by the row, not declined for want of the word "cost" in it."""
    row = hit("Seashells £117.58 £31.75 £547.31", doc="call-in.pdf", para=None, page=1, org="Kent", date="2025-03-13")
    row = dataclasses.replace(row, row=7, paragraph=dataclasses.replace(row.paragraph, kind="table-row"))
    headers = {7: ("Average cost per client per centre Average cost per attendee per centre", 1)}
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    q = "What was the average cost per client at Seashells?"
    out = compose(q, [row], fake_embedder, cfg=cfg, table_headers=lambda r: headers.get(r, ("", None)))
    assert not out.abstained and "£117.58" in out.text.splitlines()[0]
    assert compose(q, [row], fake_embedder, cfg=cfg).abstained  # no headers known: no cost stated


def test_a_group_or_office_the_question_names_is_read_from_what_the_document_says_of_the_people_cited():
    from assistant.answer.names import names_left_out
    from assistant.answer.people import described, descriptions

    # minutes name a member once with their group, then by name alone
    people = descriptions([
        "(5) Mr Brady (Leader of the Opposition), Mr Hook (Leader of the Liberal Democrat Group) and Mr Lehmann "
        "(Leader of the Green & Independent Group) gave their responses to the recommendations.",
        "(2) Mr Oakford, Deputy Leader and Cabinet Member for Finance, Corporate and Traded Services, moved the "
        "budget."])
    assert people["hook"] == ["Leader of the Liberal Democrat Group"]
    assert people["oakford"] == ["Deputy Leader and Cabinet Member for Finance"]
    amendment = hit("(15) Mr Hook proposed, and Mr Streatfeild seconded the following amendment: to move £1m from the "
                    "Strategic Estate Programme to electric vehicle charging.", para="291/15")
    q = "What happened to the Liberal Democrat amendment on electric vehicle charging?"
    citations = [(amendment, [amendment.paragraph.text])]
    assert names_left_out(q, citations, None, None)  # the paragraph alone does not say whose group
    assert not names_left_out(q, citations, None, None, described=lambda h: described(h.paragraph.text, people))
    # nor does a description of someone the paragraph does not name
    other = hit("(17) Mr Streatfeild proposed the following amendment on highways.", para="291/17")
    assert names_left_out(q, [(other, [other.paragraph.text])], None, None,
                          described=lambda h: described(h.paragraph.text, people))


def test_compose__the_recommendation_with_the_verb_asked_about_leads(fake_embedder):
    # "asked to approve": the recommendation that approves, not the one that delegates, though it shares more words
    delegate = hit("DELEGATE authority to the council's Director to explore outreach from the Seashells and Millmead "
                   "hubs.", doc="decision-report.pdf", para="2(b)", page=2, rank=1,
                   score=0.05, org="Kent", date="2025-01-17")
    approve = hit("APPROVE the proposal to not re-commission services at Seashells and Millmead.",
                  doc="decision-report.pdf", para="2(a)", page=2, rank=2, score=0.04, org="Kent", date="2025-01-17")
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    q = "What was the council asked to approve about the Seashells and Millmead hubs?"
    assert compose(q, [delegate, approve], fake_embedder, cfg=cfg).text.startswith("APPROVE the proposal")


def test_with_continuation__the_sentences_after_the_lead_that_refer_back_to_it_go_on_with_it():
    import numpy as np

    from assistant.answer.quotes import UNQUOTABLE, with_continuation

    said = ["Public Health services are also delivered from the Seashells location.",
            "They have been quoted a figure of £39k to rent space.", "They currently have use of space rent free.",
            "The contracts end in March."]
    scores = np.array([0.9, 0.2, 0.1, 0.3])
    assert with_continuation(said, [0], scores, 3) == [0, 1, 2]  # "They …", "They …": the same services
    assert with_continuation(said, [0], scores, 2) == [0, 1]  # as many as the lead may quote
    assert with_continuation(said[:1] + said[3:], [0], scores[[0, 3]], 3) == [0]  # a new subject is not one
    assert with_continuation(said, [0], np.array([0.9, UNQUOTABLE, 0.1, 0.3]), 3) == [0]


def test_compose__a_meetings_standing_items_support_no_answer_but_one_about_them(fake_embedder):
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    item = hit("7. 24/00093 - Future of Commissioned Services at Seashells and Millmead Family Hubs (Pages 101 - 104)",
               doc="cabinet_agenda.pdf", para="7", page=1, rank=1, score=0.05, org="Kent", date="2025-03-04")
    standing = hit("2. Declarations of Interest", doc="cabinet_agenda.pdf", para="2", page=1, rank=2, score=0.04,
                   org="Kent", date="2025-03-04")
    out = compose("Which decision did the Cabinet meeting on 4 March 2025 reconsider?", [item, standing],
                  fake_embedder, cfg=cfg)
    assert "Declarations of Interest" not in out.text
    asked = compose("Were there any declarations of interest at the Cabinet meeting on 4 March 2025?",
                    [item, standing], fake_embedder, cfg=cfg)
    assert "Declarations of Interest" in asked.text


def test_procedural_item__a_declarations_item_of_any_wording_is_a_standing_item():
    from assistant.answer.extractive import _PROCEDURAL_ITEM

    for item in ("2. Declarations of Disclosable Pecuniary Interests or Other Significant Interests in items on the "
                 "agenda", "2. Declarations of Interest"):
        assert _PROCEDURAL_ITEM.search(item), item
    assert not _PROCEDURAL_ITEM.search("7. Report by Leader of the Council")
    # the Chairman's announcements are not: the minutes record deaths and awards under them
    assert not _PROCEDURAL_ITEM.search("296. Chairman's Announcements")
    assert not _PROCEDURAL_ITEM.search("3.2 Declarations of interest were reviewed by the Monitoring Officer, who "
                                       "found that three members had not updated their register in time.")


def test_compose__a_meetings_business_of_a_council_with_only_ofsted_reports_is_declined(fake_embedder):
    h = hit("55. Leaders are ambitious corporate parents.", doc="greenwich.pdf", org="Greenwich")
    implied = Implied(orgs=["greenwich"], org_names=["Greenwich"], no_papers=True)
    out = compose("What did Greenwich's cabinet decide about family hubs?", [h], fake_embedder, implied)
    assert out.abstained and not out.citations and out.nearest == [h]
    assert out.text.startswith("The indexed documents include no committee papers of Greenwich, only its Ofsted "
                               "inspection reports")


def test_with_opening__a_quote_beginning_at_the_second_sentence_takes_the_paragraphs_finding_first():
    import numpy as np

    from assistant.answer.quotes import with_opening

    sentences = ["46. The local offer for care leavers is limited.", "Care leavers told inspectors that the offer is "
                 "not well understood.", "The local authority has secured investment to enhance its local offer.",
                 "Senior leaders are reviewing it."]
    scores = np.array([0.5, 0.7, 0.6, 0.4], dtype=np.float32)
    assert with_opening(sentences, [1, 2], scores) == [0, 1, 2]
    assert with_opening(sentences, [2, 3], scores) == [2, 3]  # later in the paragraph: another matter
    assert with_opening(sentences, [0, 1], scores) == [0, 1]
    table = ["Overall effectiveness: Good", "This was the first inspection under the framework."]
    assert with_opening(table, [1], np.array([0.5, 0.6], dtype=np.float32)) == [1]  # a judgement table's line


def test_compose__the_leading_quote_keeps_the_finding_its_paragraph_opens_with(fake_embedder):
    text = ("17. Senior leaders recognised that children in private foster care were not being assessed and visited "
            "within appropriate timescales. New referrals of privately fostered children are now handled in a timely "
            "way.")
    out = compose("How are new referrals of privately fostered children handled now?", [hit(text, para="17")],
                  fake_embedder, cfg=dataclasses.replace(AnswerConfig(), abstain_below=0.0))
    assert out.citations[0].quote.startswith("17. Senior leaders recognised that children in private foster care "
                                             "were not being assessed")


def test_with_antecedent__a_sentence_that_qualifies_the_one_before_comes_with_it():
    from assistant.answer.quotes import with_antecedent

    sentences = ["24. The virtual school is ambitious.", "The quality of personal education plans has improved.",
                 "However, targets sometimes lack a clear focus.", "Attendance is tracked closely."]
    assert with_antecedent(sentences, [2]) == [1, 2]  # quoted alone, the caveat says less than the report does
    assert with_antecedent(sentences, [3]) == [3]


def test_join_quoted__a_vote_introduced_by_a_sentence_ending_in_a_full_stop_is_quoted_by_its_tallies():
    from assistant.answer.quotes import join_quoted

    sentences = ["5) The Chairman put the motion in paragraph 4 to the vote and the voting was as follows.", "For (33)",
                 "Mr Brady, Mrs Bell, Mr Booth Against (2)", "Mr Hood, Mr Lehmann", "Abstain (0)", "Motion carried."]
    assert " ".join(join_quoted(sentences, [0])) == (
        "5) The Chairman put the motion in paragraph 4 to the vote and the voting was as follows. For (33) … "
        "Against (2) … Abstain (0) Motion carried.")
    # a sentence ending in a full stop that no tally follows introduces nothing
    assert join_quoted(["The report was noted.", "Members asked about costs."], [0]) == ["The report was noted."]


def test_choose_lead__what_a_body_decided_is_its_recorded_decision_not_the_reports_request():
    from dataclasses import replace

    from assistant.answer.lead import choose_lead

    asked = hit("8.1 Cabinet is asked to agree the Commissioning Plan for Education Provision.", doc="report.pdf",
                para="8.1", org="Kent")
    resolved = hit("4. RESOLVED that Cabinet agree the Commissioning Plan for Education Provision.",
                   doc="minutes.pdf", para="92/4", org="Kent")
    asked, resolved = (replace(h, meta=replace(h.meta, doc_type="committee-report")) for h in (asked, resolved))
    citations = [(asked, [asked.paragraph.text]), (resolved, [resolved.paragraph.text])]
    decided = "What did Cabinet decide on the Commissioning Plan for Education Provision?"
    assert choose_lead(decided, citations, [0.8, 0.7], ["decision"], None, False) == 1
    # what the report asked for is the request itself
    request = "What was Cabinet asked to decide on the Commissioning Plan for Education Provision?"
    assert choose_lead(request, citations, [0.8, 0.7], ["decision"], None, False) == 0


def test_compose__a_quarter_no_report_found_is_of_is_said_plainly(fake_embedder):
    q3 = hit("2.2 Of the 38 KPIs, nine are rated Red (one more than the previous Quarter).",
             doc="qpr-q3_2025-03-04.pdf", para="2.2", page=1, org="Kent", date="2025-03-04")
    q3 = dataclasses.replace(q3, meta=dataclasses.replace(q3.meta, title="Quarterly Performance Report, Quarter 3, "
                                                          "2024/25", doc_type="committee-report"))
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    out = compose("How many KPIs were rated red in Quarter 4 2024/25?", [q3], fake_embedder, cfg=cfg)
    assert out.abstained and out.text.startswith("The indexed documents report on no Quarter 4 (the quarterly "
                                                 "reports found are of Quarter 3)")
    assert "nine are rated Red" in out.text  # the nearest passage is shown
    assert not compose("How many KPIs were rated red in Quarter 3?", [q3], fake_embedder, cfg=cfg).abstained
    # a paragraph found that names the quarter may answer: the decision is left to the evidence
    q4 = hit("Quarter 4 figures will be reported in June.", doc="minutes.pdf", para="3", org="Kent", rank=2)
    out = compose("How many KPIs were rated red in Quarter 4 2024/25?", [q3, q4], fake_embedder, cfg=cfg)
    assert not out.text.startswith("The indexed documents report on no Quarter")


def test_compose__a_year_with_no_report_is_answered_by_a_later_report_that_states_its_grade(fake_embedder):
    later = hit("Since the last inspection in June 2018, when services for children in Havering were judged to be "
                "good overall, services have deteriorated. Leaders have not acted quickly.",
                doc="havering_2024.pdf", para=None, page=1, org="Havering", date="2024-02-20")
    imp = Implied(orgs=["havering"], org_names=["Havering"], years=[2018], ofsted=True, no_report_year=2018,
                  report_years=[2024])
    out = compose("What grade did Havering get at its 2018 inspection?", [later], fake_embedder, imp)
    assert not out.abstained
    assert out.text.startswith("The indexed documents include no Ofsted report on Havering from 2018 (its reports "
                               "indexed are from 2024); its 2024 report says of that inspection: Since the last "
                               "inspection in June 2018, when services for children in Havering were judged to be "
                               "good overall, services have deteriorated. [Havering Ofsted inspection 2024, p.1]")
    assert [c.quote for c in out.citations] == [split_sentences(later.paragraph.text)[0]]
    # not a grade asked: what the 2018 inspection found is not in a later report's one line
    assert compose("What did inspectors say about Havering's care leavers in 2018?", [later], fake_embedder,
                   imp).abstained
    # a later report that names the year but no grade given then does not answer
    other = hit("Since 2018, the council has opened two children's homes.", doc="havering_2024.pdf", para="4",
                org="Havering", date="2024-02-20")
    assert compose("What grade did Havering get at its 2018 inspection?", [other], fake_embedder, imp).abstained
    # the grade worded as a noun: "Since a judgement of inadequate for overall effectiveness at the last inspection
    # in 2019, …"
    noun = hit("Since a judgement of inadequate for overall effectiveness at the last inspection in 2018, Havering's "
               "services have been on an improvement journey.", doc="havering_2024.pdf", para=None, page=1,
               org="Havering", date="2024-02-20")
    out = compose("What judgement did Havering receive at its previous inspection in 2018?", [noun], fake_embedder,
                  imp)
    assert not out.abstained and "its 2024 report says of that inspection: Since a judgement of inadequate" in out.text
    # or with the judgement as subject: "… in 2018, when the overall effectiveness judgement was good, …" (tester)
    subject = hit("Since the last inspection in 2018, when the overall effectiveness judgement was good, senior leaders "
                  "have continued to strengthen services.", doc="havering_2024.pdf", para=None, page=1,
                  org="Havering", date="2024-02-20")
    out = compose("What was Havering's overall effectiveness judgement at its 2018 inspection?", [subject],
                  fake_embedder, imp)
    assert not out.abstained and "its 2024 report says of that inspection: Since the last inspection in 2018" in out.text
    # or in a finding's words: "… in 2018, when services were found to be inadequate, …" (tester)
    found = hit("Since the last inspection in 2018, when services were found to be inadequate, leaders have taken "
                "deliberate and decisive action to transform children’s services.", doc="havering_2024.pdf", para=None,
                page=1, org="Havering", date="2024-02-20")
    out = compose("What judgement did Havering receive at its previous inspection in 2018?", [found], fake_embedder,
                  imp)
    assert not out.abstained and "its 2024 report says of that inspection: Since the last inspection in 2018" in out.text


def test_with_what_follows__a_list_whose_key_is_printed_after_the_colon_comes_with_its_items():
    from assistant.answer.quotes import with_what_follows

    sentences = ["The services on offer at Millmead which would no longer run there include: *booking or referral "
                 "required.", "Baby Massage*", "Breastfeeding Clinic", "Stay and Play", "The hub opens on Mondays and "
                 "Tuesdays for families who need it most, as the consultation showed."]
    assert with_what_follows(sentences, [0]) == [0, 1, 2, 3]
    # a sentence that merely holds a colon introduces no list
    assert with_what_follows(["Cost: the contract is worth £2m a year.", "Baby Massage*"], [0]) == [0]


def test_compose__a_kind_of_paper_or_a_year_the_council_has_no_document_of_is_said_plainly(fake_embedder):
    paper = hit("6.1. Improving Children's Services has created additional budget pressures of £7.6m in 2020-21.",
                doc="medway-2020.txt", para="6.1", org="Medway", date="2020-10-01")
    imp = Implied(orgs=["medway"], org_names=["Medway"], no_genre="equality impact assessment")
    out = compose("What did Medway's equality impact assessment of school places find?", [paper], fake_embedder, imp)
    assert out.abstained and out.text.startswith("The indexed documents include no equality impact assessment of "
                                                 "Medway, nor a passage about one, so they can't answer this.")
    # a passage about one (minutes discussing it) may answer
    about = hit("3. Members noted the equality impact assessment, which found no negative impact.", doc="m.pdf",
                para="3", org="Medway", date="2020-10-01")
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)
    assert not compose("What did Medway's equality impact assessment find?", [about], fake_embedder, imp,
                       cfg=cfg).abstained
    imp = Implied(orgs=["medway"], org_names=["Medway"], years=[2024, 2025], documents_end=2023)
    out = compose("What is Medway's forecast overspend for 2024-25?", [paper], fake_embedder, imp)
    assert out.abstained and out.text.startswith("The indexed documents on Medway are all from 2023 or before, and "
                                                 "none found names 2024 or 2025, so they can't answer this.")
    later = hit("The plan expects the overspend to fall to £2m by 2024-25.", doc="medway-2020.txt", para="7",
                org="Medway", date="2020-10-01")
    assert not compose("What is Medway's forecast overspend for 2024-25?", [later], fake_embedder, imp,
                       cfg=cfg).text.startswith("The indexed documents on Medway are all")


def test_choose_lead__how_a_council_responded_is_its_reply_not_the_concern_as_recorded():
    from dataclasses import replace

    from assistant.answer.lead import choose_lead

    concern = hit("There are concerns over access to services at the Sheppey Gateway, which has no free car park.",
                  doc="consultation-report.pdf", para=None, org="Kent")
    reply = hit("It is acknowledged that parking is not available at the Gateway, however many Family Hubs do not "
                "have dedicated parking.", doc="draft-responses.pdf", para=None, org="Kent")
    concern = replace(concern, meta=replace(concern.meta, title="Family hubs consultation report",
                                            doc_type="committee-report"))
    reply = replace(reply, meta=replace(reply.meta, title="Consultation feedback draft responses",
                                        doc_type="committee-report"))
    citations = [(concern, [concern.paragraph.text]), (reply, [reply.paragraph.text])]
    q = "How did the council respond to concerns that the Sheppey Gateway has no free car park?"
    assert choose_lead(q, citations, [0.9, 0.8], [], None, False) == 1
    # what the concerns were is the consultation report's to say
    assert choose_lead("What concerns were raised about the Sheppey Gateway's car park?", citations, [0.9, 0.8], [],
                       None, False) == 0


def test_compose__an_improvement_item_the_question_repeats_answers_and_shows_its_list(fake_embedder):
    from dataclasses import replace

    item = hit("• The strategic needs analysis of children at risk of extra-familial harm.", doc="mk_2024.pdf",
               para=None, page=2, org="Milton Keynes", date="2024-03-01")
    item = replace(item, paragraph=replace(item.paragraph, heading="What needs to improve?"))
    q = "What did Ofsted say about Milton Keynes' strategic needs analysis of children at risk of extra-familial harm?"
    out = compose(q, [item], fake_embedder, cfg=AnswerConfig(min_dense=0.0))
    assert not out.abstained  # it had been taken for an echo of the question, and the question declined
    assert out.text.splitlines()[0] == ("What needs to improve: The strategic needs analysis of children at risk of "
                                        "extra-familial harm. [Milton Keynes Ofsted inspection 2024, p.2]")
    assert out.citations[0].quote == "The strategic needs analysis of children at risk of extra-familial harm."
    # a paragraph elsewhere that only repeats the question is still no answer
    echo = replace(item, paragraph=replace(item.paragraph, heading="Leadership"))
    assert compose(q, [echo], fake_embedder, cfg=AnswerConfig(min_dense=0.0)).abstained


def test_choose_lead__a_quote_on_the_group_the_question_names_leads_an_open_question():
    from assistant.answer.lead import choose_lead

    leavers = hit("38. PAs are fierce advocates for care leavers and support them while in custody.", para="38")
    carers = hit("13. Children who are also young carers receive a responsive service from nurturing practitioners.",
                 para="13")
    citations = [(leavers, [leavers.paragraph.text]), (carers, [carers.paragraph.text])]
    assert choose_lead("How does Medway support young carers?", citations, [0.8, 0.75], [], None, False) == 1
    # a figure asked for is led by the quote giving it, which need not name the group
    assert choose_lead("How many young carers does Medway support?", citations, [0.8, 0.75], ["number"], None,
                       False) == 0


def test_compose__when_it_ran_is_the_sentence_giving_its_first_and_last_days(fake_embedder):
    # the paragraph's other sentence shares more of the question's words ("run", "consultation"); the answer is
    # the one that dates the period, and its paragraph leads before one dating something else
    ran = hit("On 30 July 2024, a public consultation was launched, lasting just under 8 weeks until 22 September "
              "2024. The consultation asked how the council should run the family hubs.", doc="fh.pdf", para="5.2",
              org="Kent", rank=1, score=0.05)
    ends = hit("The family hub contracts end on 31 March 2025.", doc="fh.pdf", para="5.3", org="Kent", rank=2,
               score=0.04)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, abstain_below=0.0)
    out = compose("When did the consultation on the family hubs run?", [ends, ran], fake_embedder, cfg=cfg)
    assert out.text.startswith("On 30 July 2024, a public consultation was launched")


def test_compose__a_decision_number_is_answered_by_the_record_of_decision_printing_it(fake_embedder):
    def record(text, para, rank):
        h = hit(text, doc="record-of-decision.pdf", para=para, org="Kent", rank=rank, score=0.05 - rank / 100)
        return dataclasses.replace(h, meta=dataclasses.replace(h.meta, doc_type="committee-paper",
                                                               title="Proposed record of decision: Commissioning Plan"))
    agree = record("Cabinet agree to: A) the Commissioning Plan for Education Provision in Kent 2025-29.", None, 1)
    number = record("KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION DECISION TO BE TAKEN BY: Cabinet DECISION NO: "
                    "24/00096", None, 2)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, abstain_below=0.0)
    out = compose("What is the decision number for the Commissioning Plan for Education Provision in Kent 2025-29?",
                  [agree, number], fake_embedder, cfg=cfg)
    assert not out.abstained and "24/00096" in out.text.splitlines()[0]
    # without one printed, a decision's number is not given by what was agreed
    out = compose("What is the decision number for the Commissioning Plan for Education Provision in Kent 2025-29?",
                  [agree], fake_embedder, cfg=cfg)
    assert out.abstained


def test_compose__when_it_was_done_is_the_quote_dating_the_deed(fake_embedder):
    asked = hit("The Cabinet Committee was asked to endorse the education plan at its meeting on 30 January 2025.",
                doc="plan.pdf", para="1.1", org="Kent", rank=1, score=0.05)
    endorsed = hit("The Cabinet Committee endorsed the plan on 21 November 2024.", doc="plan.pdf", para="3.2", org="Kent",
                   rank=2, score=0.04)
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, abstain_below=0.0)
    out = compose("When did the Cabinet Committee endorse the education plan?", [asked, endorsed], fake_embedder,
                  cfg=cfg)
    assert out.text.startswith("The Cabinet Committee endorsed the plan on 21 November 2024.")


def test_compose__a_reports_first_page_block_supports_only_an_answer_on_the_inspection_its_grades_or_its_words(
        fake_embedder):
    # the verdict under its judgement table is close to every question on the report's council
    def block(verdict):
        return rochdale(f"{ROCHDALE_TITLE}\nJudgement Grade\nOverall effectiveness: Good\n{verdict}", rank=2, score=0.03)

    verdict = block("Families in Rochdale benefit from good services.")
    homes = rochdale("24. Children in care in Rochdale live in stable homes that meet their needs.", "24", 5, 1, 0.031)
    cfg = AnswerConfig(**LOW_SCORES)
    imp = Implied(orgs=["rochdale"], org_names=["Rochdale"])
    topic = compose("How stable are the homes of Rochdale's children in care?", [homes, verdict], fake_embedder, imp,
                    cfg=cfg)
    assert [c.para for c in topic.citations] == ["24"]
    graded = compose("What grade did Rochdale get, and how stable are the homes of its children in care?",
                     [homes, verdict], fake_embedder, imp, cfg=cfg)
    assert len(graded.citations) == 2  # a question on its grades is answered by it
    said = block("Children in care in Rochdale find stable homes, though some wait too long.")
    assert len(compose("How stable are the homes of Rochdale's children in care?", [homes, said], fake_embedder, imp,
                       cfg=cfg).citations) == 2  # and one whose words it says
    # but not for the words its report prints throughout
    throughout = "\n".join(f"{n}. Children in care are seen often." for n in range(10))
    assert len(compose("How often are Rochdale's children in care seen?", [homes, said], fake_embedder, imp, cfg=cfg,
                       document=lambda h: throughout).citations) == 1


def test_compose__a_supporting_paragraph_repeating_a_cited_one_of_its_document_is_not_cited_again(fake_embedder):
    motion = ("Endorse the ongoing joint work between the County Council and the District and Borough Council Leaders "
              "to respond to the English Devolution White Paper, and expects there to be as much transparency as "
              "possible in this devolution process.")
    amendment = hit(f"15) {motion}", doc="m.pdf", para="15", dense=0.9, rank=1)
    resolved = hit(f"26) RESOLVED that the County Council: {motion}", doc="m.pdf", para="26", dense=0.9, rank=2)
    other = hit(f"3.1 The Council is asked to: {motion}", doc="r.pdf", para="3.1", dense=0.9, rank=3)
    out = compose("What did the Council say about transparency in the devolution process?", [amendment, resolved, other],
                  fake_embedder)
    # the resolution repeats the amendment's words in the same minutes (but its number and one word); the report's
    # copy is where the report says it
    assert [c.para for c in out.citations if c.para in ("15", "26")] in (["15"], ["26"])
    assert "3.1" in [c.para for c in out.citations]


def test_choose_lead__who_did_it_is_led_by_the_quote_saying_someone_did_it():
    """"Who was elected Vice-Chair?" is answered by the resolution electing him, not by the attendance list that
    names him as Vice-Chair; "who introduced the report?" by the minute saying who introduced it."""
    from assistant.answer.lead import choose_lead

    def quote(text, rank):
        return quoted(text, rank, doc="corporate-parenting-panel_2024-10-29_minutes.pdf", date="2024-10-29")

    present = quote("PRESENT: Shellina Prendergast (Chair), Paul Bartlett (Vice-Chair), Gary Cooke, Dylan Jeffrey", 1)
    elected = quote("1. RESOLVED that Mr P Bartlett be duly elected Vice Chair of the Corporate Parenting Panel.", 2)
    q = "Who was elected Vice-Chair of Kent's Corporate Parenting Panel in October 2024?"
    assert choose_lead(q, [present, elected], [0.78, 0.57], ["person", "name"], None, False) == 1
    # the attendance list still answers who the Vice-Chair is
    assert choose_lead("Who is the Vice-Chair of Kent's Corporate Parenting Panel?", [present, elected], [0.78, 0.57],
                       ["person", "name"], None, False) == 0
    by = quote("By: Anna Taylor, Scrutiny Research Officer", 1)
    introduced = quote("1. Mr Oakford, Deputy Leader, introduced the report which set out the monitoring position.", 2)
    assert choose_lead("Who introduced the budget monitoring report?", [by, introduced], [0.80, 0.60], ["person"],
                       None, False) == 1


def test_choose_lead__what_motion_a_body_agreed_is_led_by_the_paragraph_that_agreed_it():
    """"What motion did the Scrutiny Committee agree?" asks for no decision kind, but the paragraph saying it "agreed
    the following motion:" answers it, not the one before it on the debate that shares more of its words."""
    from assistant.answer.lead import choose_lead

    def quote(text, rank):
        return quoted(text, rank, doc="family-hubs-report-to-county-council.pdf")

    debate = quote("9. The Scrutiny Committee considered the call-in reasoning, with explanations provided by both "
                   "Members responsible for the call-in. Members debated the issues.", 1)
    motion = quote("10. Following the debate, the Scrutiny Committee unanimously agreed the following motion: a. That "
                   "implementation of Decision 24/00093 be postponed pending review by the full Council.", 2)
    q = "What motion did Kent's Scrutiny Committee agree on the family hubs call-in?"
    assert choose_lead(q, [debate, motion], [0.88, 0.85], [], None, False) == 1
    # a question about the debate is still led by the debate
    assert choose_lead("How did Kent's Scrutiny Committee consider the family hubs call-in?", [debate, motion],
                       [0.88, 0.85], [], None, False) == 0


def test_compose__a_committee_papers_background_opening_is_not_put_before_its_answer(fake_embedder):
    """A committee paper's paragraph opens with background, not a finding: when its third sentence answers and the
    second comes in as its neighbour, the first line does not begin with the first (it did: "3.3 The financial
    challenges facing the Council are similar to many …" before the overspend asked about). An inspection report's
    paragraph keeps its opening finding (the test above)."""
    text = ("3.3 The financial challenges facing the Council are similar to many upper-tier local authorities. A "
            "national survey indicated that 81% of councils are on course to overspend on their adult social care "
            "budget, with savings unable to be delivered. The adult social care directorate has a forecast net overspend of +£35.4m, of which £26.2m "
            "relates to savings which are unable to be delivered in 2024-25.")
    h = hit(text, doc="budget-monitoring-cover-report.pdf", para="3.3", date="2025-01-30", org="Kent")
    h = dataclasses.replace(h, meta=dataclasses.replace(h.meta, doc_type="committee-report",
                                                        title="Revenue and Capital Budget Monitoring Report"))
    out = compose("How much of the adult social care overspend comes from savings which are unable to be delivered?",
                  [h], fake_embedder)
    first = out.text.split("\n")[0]
    assert "£26.2m" in first and "81% of councils" in first
    assert not first.startswith("3.3 The financial challenges")


def test_with_opening__a_committee_papers_opening_is_kept_only_when_its_best_sentence_is_the_second_or_it_lists():
    import numpy as np

    from assistant.answer.quotes import with_opening

    sentences = ["3.3 The financial challenges are similar to many councils.", "A survey found 81% will overspend.",
                 "The directorate forecasts an overspend of £35.4m.", "Costs are rising."]
    scores = np.array([0.4, 0.6, 0.8, 0.3], dtype=np.float32)
    assert with_opening(sentences, [1, 2], scores, best=2) == [1, 2]
    assert with_opening(sentences, [1, 2], scores, best=1) == [0, 1, 2]
    listing = ["2.2. Of the 38 KPIs in the report, the latest RAG status are as follows:", "17 are rated Green.",
               "Nine are rated Red."]
    assert with_opening(listing, [1, 2], np.array([0.5, 0.6, 0.8], dtype=np.float32), best=2) == [0, 1, 2]


def test_compose__how_long_children_wait_is_answered_by_the_finding_about_the_wait_not_the_inspection_dates(
        fake_embedder):
    """"How long do children wait between …?" is answered by the paragraph saying they wait too long, not by the
    report's title block, whose dates say when it was inspected (tester ua69 Q2/Q46)."""
    title = hit("Inspection of Bolton local authority children’s services Inspection dates: 11 to 15 September 2023 "
                "Lead inspector: Lisa Walsh, His Majesty’s Inspector", doc="bolton_2023.pdf", para=None, page=1,
                rank=1, score=0.05, org="Bolton", date="2023-10-27")
    wait = hit("4. Some children wait too long between section 47 enquiries and the initial child protection "
               "conference. This means that children do not always benefit from a multi-agency plan in a timely way.",
               doc="bolton_2023.pdf", para="4", page=2, rank=2, score=0.04, org="Bolton", date="2023-10-27")
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)  # the word-hash model scores low
    out = compose("What did inspectors find about how long Bolton children wait between section 47 enquiries and the "
                  "initial child protection conference?", [title, wait], fake_embedder, cfg=cfg)
    assert not out.abstained
    assert out.text.startswith("4. Some children wait too long")


def test_compose__a_time_said_of_another_process_does_not_answer_how_long_one_takes(fake_embedder):
    """"How long do care leavers wait for housing?": a paragraph saying other plans are timely gives a time, but not
    of housing, so the answer declines rather than quote it."""
    other = hit("41. When care leavers are at risk of criminal exploitation there is a strong multi-agency response to "
                "reduce the risk. The action plans are timely and responsive to the changing needs of care leavers.",
                doc="bolton_2023.pdf", para="41", page=8, rank=1, score=0.05, org="Bolton", date="2023-10-27")
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0)  # the word-hash model scores low
    out = compose("How long do care leavers in Bolton wait for housing?", [other], fake_embedder, cfg=cfg)
    assert out.abstained
    said = hit("39. Some care leavers wait too long for suitable housing, and a few live in temporary accommodation.",
               doc="bolton_2023.pdf", para="39", page=7, rank=2, score=0.04, org="Bolton", date="2023-10-27")
    out = compose("How long do care leavers in Bolton wait for housing?", [other, said], fake_embedder, cfg=cfg)
    assert not out.abstained and out.text.startswith("39. Some care leavers wait too long")


def test_choose_lead__a_sum_asked_for_by_its_kind_is_led_by_a_quote_giving_one():
    """"What forecast revenue overspend did the report give?" asks for a sum (the question kinds read none): the
    recommendation giving "£23.3m" leads, not the introduction that only names the forecast position."""
    from assistant.answer.lead import choose_lead
    from assistant.query.kinds import sum_asked

    def quote(text, rank):
        return quoted(text, rank, doc="cabinet_2025-01-30_budget-monitoring-cover-report.pdf")

    intro = quote("1.1 The Quarter 3 2024-25 budget monitoring report being presented sets out the revenue and capital "
                  "forecast position.", 1)
    sums = quote("a) NOTE the forecast revenue overspend of £23.3m (excluding Schools).", 2)
    q = "What forecast revenue overspend did the council's November budget monitoring report give?"
    assert sum_asked(q) == {"variance"}
    assert choose_lead(q, [intro, sums], [0.9, 0.8], [], None, False) == 1
    # a paper named by a sum's word asks for no sum
    assert not sum_asked("What budget monitoring report did Cabinet note in January?")
    # a level or a share of it may be answered by a percentage, not a sum
    assert not sum_asked("What level of reserves does the section 25 statement regard as the minimum?")
    assert choose_lead("What did the November budget monitoring report set out?", [intro, sums], [0.9, 0.8], [],
                       None, False) == 0


def test_from_the_figure__a_figure_asked_for_begins_the_leading_quote():
    """"How many children did inspectors bring to the council's attention?": the quote begins with the sentence
    giving "74 children", not the paragraph's opening; not when that sentence refers back, nor when one before it
    gives a figure or introduces what follows (a vote's tallies)."""
    from assistant.answer.quotes import from_the_figure

    sentences = ["25. Corporate and senior leaders were not aware of the serious concerns until this inspection.",
                 "Inspectors brought to the attention of the local authority 74 children from 43 families.",
                 "Senior leaders had to act to make sure that those children were safe."]
    assert from_the_figure(sentences, [0, 1, 2], {1}) == [1, 2]
    assert from_the_figure(sentences, [0, 1, 2], set()) == [0, 1, 2]  # no sentence gives it
    referring = sentences[:1] + ["They brought 74 children from 43 families to its attention."]
    assert from_the_figure(referring, [0, 1], {1}) == [0, 1]
    figured = ["Over 20 services are commissioned.", "Provision includes treatment up to age 25."]
    assert from_the_figure(figured, [0, 1], {1}) == [0, 1]
    vote = ["(12) The Chairman put the amendment to the vote and the voting was as follows:", "For (16)"]
    assert from_the_figure(vote, [0, 1], {1}) == [0, 1]
    # its subject points back after an opening phrase: "this" is the number of pupils the opening names
    pointing = ["2.4 The numbers of pupils requiring a specialist place remain a challenge.",
                "As of January 2024, this totalled 19,407 children and young people with an EHCP."]
    assert from_the_figure(pointing, [0, 1], {1}) == [0, 1]


def test_compose__a_figure_question_is_answered_from_the_figures_sentence(fake_embedder):
    text = ("25. Corporate and senior children's social care leaders were not aware of the widespread and serious "
            "concerns experienced by some of their most vulnerable residents until this inspection. Inspectors brought "
            "to the attention of the local authority 74 children from 43 families, who were at risk of significant "
            "harm. Senior leaders and managers had to act to make sure that those children who were at risk were safe.")
    out = compose("How many children did inspectors bring to the attention of the local authority because of "
                  "concerns?", [hit(text, para="25")], fake_embedder,
                  cfg=dataclasses.replace(AnswerConfig(), abstain_below=0.0))
    assert out.citations[0].quote.startswith("Inspectors brought to the attention of the local authority 74 children")
    # a question naming a sum is not answered from a sentence giving another figure
    from assistant.answer.extractive import figure_sentences

    sentences = ["54. Despite an overspend in the children's services budget, members have invested in services.",
                 "Three new children's homes have opened.", "The forecast overspend is £4.2m."]
    assert figure_sentences("How big was the overspend in the children's services budget?", sentences, [0, 1, 2],
                            ["number"], "54") == {2}
    assert figure_sentences("How many new children's homes have opened?", sentences, [0, 1, 2], ["number"],
                            "54") == {1}


def test_before_quote__one_place_reads_where_a_quote_starts_for_a_lists_lead_in_and_an_open_quotation_mark():
    from assistant.answer.lead import list_lead_in
    from assistant.answer.quotes import before_quote, in_quotation_marks

    text = "4. RESOLVED that Cabinet agree to: (a) Adopt the Delivery Plan (b) Delegate authority to the Director."
    assert before_quote(text, ["… (a) Adopt the Delivery Plan"]) == "4. RESOLVED that Cabinet agree to: "
    assert before_quote(text, ["4. RESOLVED that Cabinet agree to:"]) == ""  # the quote opens its paragraph
    assert before_quote(text, ["Nothing of this paragraph."]) == ""
    assert before_quote(text, []) == ""
    assert list_lead_in(text, ["(a) Adopt the Delivery Plan"]).endswith("RESOLVED that Cabinet agree to:")
    row = "Concern about parking “Car parks around the Gateway cost £1.40 per hour. Nobody can afford it.” Noted."
    assert before_quote(row, ["Nobody can afford it."]).endswith("per hour. ")
    assert in_quotation_marks(row, ["Nobody can afford it."])
    assert not in_quotation_marks(row, ["Concern about parking"])


def test_choose_lead__a_quote_under_the_heading_naming_the_asked_member_of_a_set_leads_its_siblings():
    from assistant.answer.lead import choose_lead

    def headed(text, heading, rank):
        from dataclasses import replace

        h, q = quoted(text, rank, doc="cabinet_2025-01-30_commissioning-plan-report.pdf")
        return replace(h, paragraph=replace(h.paragraph, heading=heading)), q

    secondary = headed("A total of 38FE across the Plan period and up to 810 temporary Year 7 places", "Secondary "
                       "School Commissioning Intentions", 1)
    send = headed("A total of 530 permanent places across the planned period", "SEND Commissioning Intentions", 2)
    primary = headed("By 2025-26 0.3FE 85 Year R temp places By 2026-27 5FE A total of 44.9FE across the Plan period",
                     "Primary School Commissioning Intentions", 3)
    general = headed("3.3 The overall county commissioning intentions are shown below:", "3. Our Commissioning "
                     "Intentions", 4)
    cited = [secondary, send, primary, general]
    q = "How many primary forms of entry does the commissioning plan say are needed in total?"
    assert choose_lead(q, cited, [0.80, 0.78, 0.7, 0.6], [], None, False) == 2
    # a question naming no member (nor both) leaves the order to the scores
    assert choose_lead("How many forms of entry does the commissioning plan say are needed in total?", cited,
                       [0.80, 0.78, 0.7, 0.6], [], None, False) == 0
    assert choose_lead("How many primary and secondary forms of entry does the commissioning plan need?", cited,
                       [0.80, 0.78, 0.7, 0.6], [], None, False) == 0
    # a heading of nothing but the set's shared words names no other member: not lowered
    assert choose_lead(q, [general, primary], [0.80, 0.7], [], None, False) == 0


def test_choose_lead__two_lead_ins_differing_in_more_than_one_place_are_no_sibling_headings():
    from dataclasses import replace

    from assistant.answer.lead import choose_lead

    def headed(text, heading, rank):
        h, q = quoted(text, rank, doc="county-council_2025-03-13_family-hubs-decision.pdf")
        return replace(h, paragraph=replace(h.paragraph, heading=heading)), q

    approve = headed("APPROVE the proposal to not re-commission the Family Hub services at Seashells and Millmead",
                     "As Cabinet Member for Integrated Children’s Services I agree to", 1)
    delegate = headed("DELEGATE authority to the Director to explore outreach services from Seashells and Millmead",
                      "The Cabinet Member for Integrated Children’s Services is asked to", 2)
    q = "What was the Cabinet Member for Integrated Children's Services asked to approve about Seashells and Millmead?"
    assert choose_lead(q, [approve, delegate], [0.8, 0.79], [], None, False) == 0


def _paper(text, rank, doc, date, para=None):
    """A committee paper's paragraph (not an inspection report's) and its whole text as the quote."""
    h, q = quoted(text, rank, doc=doc, date=date)
    return dataclasses.replace(h, meta=dataclasses.replace(h.meta, doc_type="minutes"),
                               paragraph=dataclasses.replace(h.paragraph, para=para, id=f"{doc}-{para or text[:30]}")), q


def test_choose_lead__a_month_no_cited_paper_was_written_in_is_when_the_figure_held_not_a_filter_on_its_year():
    from assistant.answer.lead import choose_lead

    later = _paper("As of 31st December 2024, there were 613 approved households against a target of 700 households.",
                   1, "cabinet_2025-03-04_quarterly-performance-report.pdf", "2025-03-04")
    same_year = _paper("Since April 2024 there had been a sibling group of two that had been returned to foster care "
                       "after 2 months of adoption.", 2, "panel_2024-10-29_minutes.pdf", "2024-10-29")
    q = "How many approved fostering households did the council have at the end of December 2024 against its target?"
    implied = Implied(years=[2024], months=["2024-12"])
    assert choose_lead(q, [later, same_year], [0.98, 0.75], ["number"], implied, False) == 0
    # a paper of the month asked about is cited: the year still rules out the later paper
    december = _paper("At the end of December 2024 there were 610 approved fostering households.", 3,
                      "panel_2024-12-10_minutes.pdf", "2024-12-10")
    assert choose_lead(q, [later, december], [0.98, 0.75], ["number"], implied, False) == 1
    # an inspection report of that year is still what the year asks about, its dates unknown
    report = quoted("The inspection found that children in care are well supported.", 4, doc="kent_2024.pdf",
                    date="2024-05-20")
    assert choose_lead("What did Ofsted find about children in care in March 2024?", [later, report], [0.98, 0.75],
                       [], Implied(years=[2024], months=["2024-03"]), False) == 1
    # a year asked about alone is still the year of the papers that answer
    assert choose_lead("How many approved fostering households were there in 2024?", [later, same_year],
                       [0.98, 0.75], ["number"], Implied(years=[2024]), False) == 1


def test_choose_lead__a_question_on_a_meetings_items_is_led_by_an_item_not_a_note_on_how_the_meeting_is_run():
    from assistant.answer.lead import choose_lead

    doc = "cabinet_2025-01-30_agenda-frontsheet.pdf"
    item = _paper("5. 24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25 (Pages 11 - 84)", 1,
                  doc, "2025-01-30", para="5")
    note = _paper("(At the time of preparing the agenda there were no exempt items. During any such items which may "
                  "arise the meeting is likely NOT to be open to the public)", 2, doc, "2025-01-30")
    minutes = _paper("Mr Watts confirmed that following a decision to refer an item to full Council, it would be "
                     "considered there.", 3, "cabinet_2025-01-30_minutes.pdf", "2025-01-30", para="87/1")
    cited = [item, note, minutes]
    assert choose_lead("What items were on the agenda for the Cabinet meeting on 30 January 2025?", cited,
                       [0.70, 0.75, 0.80], [], None, False) == 2  # (the note gives way; the minutes are not lowered)
    assert choose_lead("What items were on the agenda for the Cabinet meeting on 30 January 2025?", cited[:2],
                       [0.70, 0.75], [], None, False) == 0
    # a question on what the note speaks of is answered by it
    assert choose_lead("Were there any exempt items on the Cabinet agenda for 30 January 2025?", cited[:2],
                       [0.70, 0.75], [], None, False) == 1
    # nor does the note give way where no item is cited, or for a question on something else
    assert choose_lead("What items were on the agenda for the Cabinet meeting on 30 January 2025?", [minutes, note],
                       [0.70, 0.75], [], None, False) == 1
    assert choose_lead("Will the meeting be open to the public?", cited[:2], [0.70, 0.75], [], None, False) == 1


def test_choose_lead__of_a_meetings_cited_items_its_own_business_leads_a_standing_item():
    from assistant.answer.lead import choose_lead

    doc = "cabinet_2025-03-04_agenda-frontsheet.pdf"
    declarations = _paper("2. Declarations of Interest", 1, doc, "2025-03-04", para="2")
    updates = _paper("4. Cabinet Member Updates (Oral)", 2, doc, "2025-03-04", para="4")
    q = "Which item on the Cabinet agenda for 4 March 2025 was given orally?"
    assert choose_lead(q, [declarations, updates], [0.75, 0.70], [], None, False) == 1
    # unless the question asks about the standing items themselves
    assert choose_lead("Were any interests declared at the Cabinet meeting on 4 March 2025?", [declarations, updates],
                       [0.75, 0.70], [], None, False) == 0


def test_items_around__a_question_asking_for_a_meetings_items_lists_the_agenda_after_the_item_that_leads():
    from assistant.answer.completion import items_around
    from assistant.answer.lead import agenda_item, lists_items

    doc = "cabinet_2025-01-30_agenda-frontsheet.pdf"
    printed = [_paper("(During these items the meeting is likely to be open to the public)", 1, doc, "2025-01-30"),
               _paper("1. Apologies", 1, doc, "2025-01-30", para="1"),
               _paper("2. Declarations of Interest", 1, doc, "2025-01-30", para="2"),
               _paper("3. Minutes of the Meeting held on 9th January 2025 (Pages 1 - 10)", 1, doc, "2025-01-30",
                      para="3"),
               _paper("4. 24/00108 - Revenue and Capital Budget Monitoring Report – November 2024-25 (Pages 11 - 84)",
                      1, doc, "2025-01-30", para="4"),
               _paper("(At the time of preparing the agenda there were no exempt items.)", 1, doc, "2025-01-30")]
    rows = [dataclasses.replace(h, row=r) for r, (h, _) in enumerate(printed)]
    assert [agenda_item(h) for h in rows] == [False, True, True, True, True, False]
    # a report's numbered sentence is no item
    assert not agenda_item(_paper("12. In the event of Cabinet confirming the decision this will be reviewed by full "
                                  "Council.", 1, "report.pdf", "2025-03-04", para="12")[0])

    def following(r):
        return rows[r + 1:]

    def preceding(r):
        return rows[:r][::-1]

    assert [h.paragraph.para for h in items_around(rows[2], following, preceding)] == ["1", "3", "4"]
    ask = Implied(org_names=["Kent County Council"], committees=["Cabinet"])
    assert lists_items("What items were on Kent County Council's Cabinet agenda for 30 January 2025?", ask)
    assert lists_items("What business did Kent County Council's Cabinet consider on 4 March 2025?", ask)
    assert not lists_items("Which item on the Cabinet agenda for 4 March 2025 was an oral briefing?", ask)
    assert not lists_items("Which items on the Cabinet agenda for 13 March 2025 concern family hubs?", ask)
    assert not lists_items("What did Cabinet decide on 4 March 2025?", ask)


def test_compose__a_question_asking_for_a_meetings_items_is_answered_with_the_agenda_in_printed_order(fake_embedder):
    doc = "cabinet_2025-03-04_agenda-frontsheet.pdf"
    texts = ["1. Apologies", "2. Declarations of Interest", "3. Cabinet Member Updates",
             "4. Quarterly Performance Report, Q3 2024-2025 (Pages 25 - 100)",
             "5. Home to School Transport - Presentation"]
    rows = [dataclasses.replace(_paper(t, 1, doc, "2025-03-04", para=str(r + 1))[0], row=r) for r, t in enumerate(texts)]

    def following(r):
        return rows[r + 1:]

    def preceding(r):
        return rows[:r][::-1]

    hits = [dataclasses.replace(rows[4], rank=1), dataclasses.replace(rows[3], rank=2)]
    out = compose("What items were on the agenda for the Cabinet meeting on 4 March 2025?", hits, fake_embedder,
                  Implied(committees=["Cabinet"]), following=following, preceding=preceding,
                  cfg=AnswerConfig(abstain_below=0.0, sentence_keep=0.0, score_keep=0.0))
    assert not out.abstained
    lines = out.text.splitlines()
    shown = [line.split(" [")[0].lstrip("- ").split(".")[0] for line in lines[:5]]
    assert shown[0] in ("4", "5") and shown[1:] == [n for n in "12345" if n != shown[0]], lines
    assert len(out.citations) == 5  # each item cited once


def test_with_what_follows__a_finding_is_quoted_to_the_however_that_turns_it():
    from assistant.answer.quotes import with_what_follows

    # ua72 ofsted #18: "… prompt and thorough assessments …" quoted alone reads as praise; the paragraph's turn,
    # one sentence further on, is what made it an area to improve
    sentences = ["14. When 16- and 17-year-old children present to the local authority as homeless, they receive "
                 "prompt and thorough assessments.", "Children are helped to return home when it is safe.",
                 "However, there are serious and significant delays in agreeing for these children to come into care.",
                 "This means some children are left in unsafe circumstances."]
    assert with_what_follows(sentences, [0], findings=True) == [0, 1, 2]
    assert with_what_follows(sentences, [1], findings=True) == [1, 2]
    assert with_what_follows(sentences, [3], findings=True) == [3]
    # a committee paper's or minutes' paragraph goes on to other points: "Despite this" there turns the sentence
    # before it, not the one quoted
    assert with_what_follows(sentences, [0]) == [0]
    # a turn further off than TURN_WITHIN sentences is another point; a judgement table's line is a grade, which the summary after it does not turn
    assert with_what_follows(["A is good.", "B is good.", "C is good.", "However, D is weak."], [0], True) == [0]
    assert with_what_follows(["A is good.", "B is good.", "Nonetheless, A is slow."], [0], True) == [0, 1, 2]
    # "Although …" turns a report's finding (dev2 e09's kind: "… has reduced social worker caseloads. Although most
    # staff considered workloads manageable, caseloads are still too high in some teams."), not a paper's point
    assert with_what_follows(["A has grown.", "B has reduced caseloads.", "Although most find them manageable, some "
                              "are high."], [0], True) == [0, 1, 2]
    assert with_what_follows(["A has reduced caseloads.", "Although most find them manageable, some are high."],
                             [0]) == [0]
    assert with_what_follows(["Overall effectiveness: Requires improvement to be good", "Services have improved.",
                              "However, some children wait too long."], [0], True) == [0]


def test_choose_lead__a_month_named_by_a_resolutions_lead_in_dates_the_resolution():
    from assistant.answer.lead import choose_lead
    from assistant.query.implied import Implied

    # ua71 features #9: "1.3 … a debate at County Council on 7 November 2024 … Council resolved the following:" yields
    # to the resolution it introduces, which the month asked for dates through its lead-in; another lead-in naming
    # the month ("1.4 … its meeting on 21 November 2024 … as follows:") does not lead over it for naming it itself
    lead_in = hit("1.3 Protests prompted a debate at County Council on 7 November 2024. Council resolved the following:",
                  doc="response.pdf", para="1.3", org="Kent", date="2025-03-13")
    resolution = hit("Council recognises that this petition represents significant local opinion.",
                     doc="response.pdf", para=None, org="Kent", date="2025-03-13")
    other = hit("1.4 The Cabinet Committee received a report at its meeting on 21 November 2024 and resolved to make "
                "a recommendation as follows:", doc="response.pdf", para="1.4", org="Kent", date="2025-03-13")
    citations = [(h, [h.paragraph.text]) for h in (lead_in, resolution, other)]
    q = "What did the council resolve about the petition in November 2024?"
    implied = Implied(years=[2024], months=["2024-11"])
    led_in = {resolution.paragraph.id: lead_in.paragraph.text}
    assert choose_lead(q, citations, [0.2, 0.75, 0.7], ["decision"], implied, False, led_in=led_in) == 1
    assert choose_lead(q, citations, [0.2, 0.75, 0.7], ["decision"], implied, False) == 2


def test_compose__which_organisation_is_answered_by_the_sentence_naming_one(fake_embedder):
    # ua72 ofsted #34: the sentence that names the body by its proper name and abbreviation, on the question's
    # subject, leads over a general sentence on the council's services, and is cited though retrieval put it lower
    general = hit("Children in the Royal Borough of Windsor and Maidenhead (RBWM) benefit from children's social care "
                  "that is delivered well on their behalf.", para="1", page=1, rank=1, org="Windsor and Maidenhead")
    partner = hit("48. The Children and Family Court Advisory and Support Service (Cafcass) and the judiciary hold the "
                  "local authority in high regard.", para="48", page=9, rank=2, org="Windsor and Maidenhead")
    delegated = hit("Since 2017, the local authority has delegated its statutory children’s social care functions to "
                    "Achieving for Children (AfC).", para="3", page=1, rank=3, org="Windsor and Maidenhead")
    cfg = AnswerConfig(sentence_keep=0.0, score_keep=0.0, min_dense=0.0, abstain_below=0.0, max_paragraphs=2)
    q = "Which organisation delivers children's social care on behalf of Windsor and Maidenhead?"
    out = compose(q, [general, partner, delegated], fake_embedder, cfg=cfg)
    assert out.text.startswith("Since 2017, the local authority has delegated")
    from assistant.answer.lead import names_organisation, organisation_asked, organisation_overlap
    assert organisation_asked(q) and not organisation_asked("Which areas of social care need to improve?")
    assert not names_organisation(general.paragraph.text, q)  # the council asked about is no answer
    assert names_organisation(partner.paragraph.text, q)
    # or a proper name in brackets after what it is (ua72's Wiltshire question, which had become led by "… Integrated
    # Front Door (IFD), the team of … workers from partner agencies …")
    adoption = "Which regional adoption agency does Wiltshire work with?"
    assert names_organisation("There is cohesive partnership working between regional adoption agency workers "
                              "(Adoption West) and children’s social workers.", adoption)
    assert organisation_overlap(adoption, "There is cohesive partnership working between regional adoption agency "
                                "workers (Adoption West) and children’s social workers.", None) > organisation_overlap(
        adoption, "Children receive a swift response from the Integrated Front Door (IFD), the team of staff and "
        "workers from partner agencies.", None)


# a title block as the parser lays it out, one field to a line (parse/judgements.title_fields)
LAID_OUT_TITLE = ("Inspection of Anyshire local authority children’s services\nInspection dates: 3 to 14 March 2025\n"
                  "Lead inspector: A Person, His Majesty’s Inspector\nJudgement Grade\nOverall effectiveness: Good")


def _anyshire(text, para=None, page=1, rank=1, score=0.04, kind="text"):
    from dataclasses import replace

    h = hit(text, para=para, page=page, rank=rank, score=score, org="Anyshire", doc="anyshire_2025.pdf",
            date="2025-05-01")
    return replace(h, paragraph=replace(h.paragraph, kind=kind))


def test_without_furniture__a_title_blocks_field_lines_answer_only_what_their_label_says():
    import numpy as np

    from assistant.answer.extractive import _title_fields
    from assistant.answer.quotes import UNQUOTABLE, title_field, without_furniture

    lines = LAID_OUT_TITLE.split("\n")[:3]
    assert [title_field(s) for s in lines] == ["title", "dates", "inspector"]
    scores = np.array([0.5, 0.6, 0.4], dtype=np.float32)
    # a question the title block does not answer: none of its lines, each on its own, is quoted
    unquoted = without_furniture({"p": (lines, scores)}, title=True, grades=False)["p"][1]
    assert list(unquoted) == [UNQUOTABLE] * 3
    when = without_furniture({"p": (lines, scores)}, title=False, grades=False,
                             fields=_title_fields("When did Ofsted inspect Anyshire?", ["time"]))["p"][1]
    assert list(when) == [UNQUOTABLE, np.float32(0.6), UNQUOTABLE]  # the dates, not the title nor the inspector
    who = _title_fields("Who headed the inspection team in Anyshire?", ["person"])
    assert [who(s) for s in lines] == [False, False, True]
    assert not _title_fields("Who did Ofsted say leads Anyshire's services well?", ["person"])(lines[2])
    # an inspection asked for before (or after) a year its dates are not in
    assert not _title_fields("When did Ofsted last inspect Anyshire before 2025?", ["time"])(lines[1])
    assert _title_fields("When did Ofsted last inspect Anyshire before 2026?", ["time"])(lines[1])
    assert not _title_fields("When was Anyshire inspected after 2025?", ["time"])(lines[1])
    # "what were the dates of the inspection?" asks when it took place too (it had been declined, tester round 72)
    assert _title_fields("What were the dates of the Ofsted inspection of Anyshire children's services?",
                         ["time"])(lines[1])
    # the report's publication date answers when it was published, not when it was inspected
    published = "Report published: 13 June 2017"
    assert _title_fields("When was Anyshire's inspection report published?", ["time"])(published)
    assert not _title_fields("When did Ofsted inspect Anyshire?", ["time"])(published)


def test_compose__a_laid_out_title_blocks_line_answers_who_led_or_when_the_inspection(fake_embedder):
    block = _anyshire(LAID_OUT_TITLE, kind="table")
    leaders = _anyshire("48. Senior leaders head a stable team, and the director came into post in January 2024.",
                        "48", 9, 2, 0.03)
    cfg = AnswerConfig(**LOW_SCORES)
    who = compose("Who headed the inspection team in Anyshire?", [block, leaders], fake_embedder, cfg=cfg)
    assert who.text.splitlines()[0].startswith("Lead inspector: A Person"), who.text
    both = compose("When was Anyshire's inspection, and who was the lead inspector?", [block, leaders], fake_embedder,
                   cfg=cfg)
    assert both.text.splitlines()[0].startswith("Inspection dates: 3 to 14 March 2025 Lead inspector: A Person")
    started = compose("When did Anyshire's director start?", [block, leaders], fake_embedder, cfg=cfg)
    assert not started.text.startswith("Inspection dates"), started.text
    assert "Inspection dates" not in started.text.splitlines()[0]


def test_with_what_follows__a_finding_is_quoted_with_the_shortfall_that_follows_it_without_a_however():
    from assistant.answer.quotes import with_what_follows

    # ua73 ofsted kind 4: "… are visited regularly." quoted alone reads as praise; the paragraph's next sentence
    # says what falls short ("… is variable …"), with no "However"
    sentences = ["22. Children living in private fostering arrangements are visited regularly.",
                 "The quality of the assessments of their circumstances is variable and, for some children, essential "
                 "statutory checks are not completed in a timely way.", "Leaders are aware there is more to do."]
    assert with_what_follows(sentences, [0], findings=True) == [0, 1]
    assert with_what_follows(sentences, [0]) == [0]  # a committee paper's paragraph goes on to other points
    # a question asking for a date or a figure is answered by the sentence giving it ("when did the director take
    # up post?": "… took up post in February 2023.", not the turnover before it)
    assert with_what_follows(sentences, [0], findings=True, shortfalls=False) == [0]
    # a sentence that falls short itself is not turned; one further off than TURN_WITHIN is another point
    assert with_what_follows(["A is weak.", "B is good.", "C is variable."], [0], True) == [0]
    assert with_what_follows(["A is good.", "B is good.", "C is good.", "D is variable."], [0], True) == [0]
    # a short gap inside a finding's quote that says what falls short is quoted, not elided ("…")
    halton = ["15. Support for disabled children is mostly poor.", "Most assessments do not fully understand needs.",
              "Children on plans are not always seen in line with their plan.",
              "Plans are mostly weak, and there is little direct work.", "Social workers have had no training."]
    assert with_what_follows(halton, [0, 1, 4], findings=True) == [0, 1, 2, 3, 4]
    assert with_what_follows(halton, [0, 1, 4]) == [0, 1, 4]
    assert with_what_follows(["A is poor.", "B is long.", "C is long.", "D is short.", "E is poor."], [0, 4],
                             True) == [0, 4]  # (a gap with no shortfall, or a long one, stays elided)


def test_compose__a_question_on_a_scottish_councils_children_in_care_says_who_inspects_them(fake_embedder):
    """"What does Fife Council need to improve in its services for children in care?" names no inspection and no
    "children's services", but asks about them: the decline says Ofsted inspects England's only and the Care
    Inspectorate Scotland's (tester, round 73: said for Glasgow, not for Fife); a question on a council's bins does not."""
    from assistant.query.implied import Implied

    fife = Implied(unindexed=["Fife Council"])
    care = compose("What does Fife Council need to improve in its services for children in care?",
                   [hit("Care leavers are well supported.")], fake_embedder, fife)
    assert care.abstained and "in Scotland, the Care Inspectorate inspects them" in care.text
    leavers = compose("How does Fife support young carers?", [hit("Care leavers are well supported.")],
                      fake_embedder, fife)
    assert "the Care Inspectorate" in leavers.text  # (a service inspections report on: data/topics.tsv)
    bins = compose("When are Fife Council's bins collected?", [hit("Care leavers are well supported.")],
                   fake_embedder, fife)
    assert bins.abstained and "Care Inspectorate" not in bins.text


def test_choose_lead__a_count_of_the_kind_asked_before_one_of_another_kind(monkeypatch):
    from assistant.answer import lead
    from assistant.answer.lead import choose_lead

    def quote(text, rank):
        return quoted(text, rank, doc="county-council_2025-03-13.pdf")

    # Kent family hubs papers: the providers are bodies, the consultees people
    providers = quote("KCC commissions two providers to deliver Family Hub services: Millmead Family Hub in Thanet "
                      "and Seashells Family Hub on the Isle of Sheppey.", 1)
    consultees = quote("672 consultees chose to answer questions regarding this Hub.", 2)
    q = "How many people answered the consultation on the family hubs?"
    assert choose_lead(q, [providers, consultees], [0.62, 0.58], ["number"], None, False) == 1
    # the question counts bodies: the providers lead
    q = "How many organisations deliver the family hubs?"
    assert choose_lead(q, [consultees, providers], [0.62, 0.58], ["number"], None, False) == 1
    monkeypatch.setattr(lead, "KIND_COUNTED", 0.0)
    assert choose_lead("How many people answered the consultation on the family hubs?", [providers, consultees],
                       [0.62, 0.58], ["number"], None, False) == 0


def test_compose__a_resolution_whose_limbs_are_paragraphs_of_their_own_is_quoted_in_full(fake_embedder, monkeypatch):
    from dataclasses import replace

    # Kent Cabinet minutes of 9 January 2025, minute 83: "7. RESOLVED that Cabinet:" and its limbs 7(1) to 7(3)
    doc, heading = "kent_cabinet_minutes.pdf", "83. English Devolution White Paper (Item 8)"
    lead_in = _item("7. RESOLVED that Cabinet:", "text", 30, doc=doc, para="83/7", heading=heading)
    limbs = [_item("1. Agree to submit a request to Government, jointly with Medway Council, for Kent and Medway to be "
                   "included in the Devolution Priority Programme;", "text", 31, doc=doc, para="83/7(1)",
                   heading=heading),
             _item("2. Note that acceptance onto the Devolution Priority Programme will commit Kent and Medway to "
                   "elections to a new Mayoral Strategic Authority (MSA) in May 2026; and", "text", 32, doc=doc,
                   para="83/7(2)", heading=heading),
             _item("3. Agree to request that the Minister for Local Government and English Devolution consider "
                   "postponing County elections scheduled for May 2025", "text", 33, doc=doc, para="83/7(3)",
                   heading=heading),
             _item("8. The meeting closed.", "text", 34, doc=doc, para="83/8", heading=heading)]
    rows = [replace(h, meta=replace(h.meta, doc_type="minutes", title="Cabinet minutes",
                                                committee="Cabinet")) for h in [lead_in] + limbs]
    lead_in, limbs = rows[0], rows[1:]

    def following(row):
        return rows[row - 30 + 1:]

    lead = replace(limbs[0], rank=1, score=0.03, dense=0.6)
    resolved = replace(lead_in, rank=2, score=0.029, dense=0.55)
    cfg = AnswerConfig(abstain_below=0.3)  # (the fake embedder's cosines are low)
    q = "What did Cabinet resolve about the Devolution Priority Programme?"
    out = compose(q, [lead, resolved], fake_embedder, following=following, cfg=cfg)
    quotes = [c.quote for c in out.citations]
    assert quotes[:3] == [lead.paragraph.text, limbs[1].paragraph.text, limbs[2].paragraph.text]
    assert limbs[3].paragraph.text not in quotes  # the next minute's paragraph is no limb
    # a question that asks no decision keeps the limb alone
    out = compose("What will the Devolution Priority Programme commit Kent and Medway to?", [lead, resolved], fake_embedder,
                  following=following, cfg=cfg)
    assert limbs[2].paragraph.text not in [c.quote for c in out.citations]
    # without the limbs read on, the resolution is cut to its first
    monkeypatch.setattr("assistant.answer.extractive.further_limbs", lambda *a: [])
    out = compose(q, [lead, resolved], fake_embedder, following=following, cfg=cfg)
    assert limbs[2].paragraph.text not in [c.quote for c in out.citations]


def test_further_limbs__a_motion_goes_on_to_its_next_clause():
    from assistant.answer.completion import further_limbs

    # Kent record of decision 24/00093: the committee's motion printed a clause a line
    doc = "kent_record_of_decision.pdf"
    first = _item("That a valuation of the buildings be undertaken;", "text", 50, doc=doc)
    then = _item("And, that an update be brought to the next meeting.", "text", 51, doc=doc)
    other = _item("In relation to the first part of the motion, officers have requested confirmation.", "text", 52,
                  doc=doc)
    assert further_limbs(first, [first.paragraph.text], lambda row: [then, other]) == [then]
    assert further_limbs(then, [then.paragraph.text], lambda row: [other]) == []
