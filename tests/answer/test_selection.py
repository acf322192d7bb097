"""Which paragraphs an answer cites after the top one (answer/selection.py)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from assistant.answer.config import AnswerConfig
from assistant.answer.selection import pick_paragraphs, topic_words, without_repeats, words
from assistant.query.implied import Implied
from assistant.records import DocMeta, Hit, Paragraph


def hit(text, para, rank, org="Portsmouth", kind="text"):
    m = DocMeta(doc="p.pdf", title=f"Inspection of {org} children's services", organisation=org,
                org_slug=org.lower(), doc_type="ofsted-inspection", date="2026-08-18")
    p = Paragraph(id=f"p-{para}", doc="p.pdf", ordinal=rank, text=text, para=para, page_start=1, page_end=1, kind=kind)
    return Hit(paragraph=p, meta=m, score=1.0 - rank * 0.01, rank=rank, dense=0.6, keyword=1.0)


def scored_as(*pairs):
    return {h.paragraph.id: ([h.paragraph.text], np.array([s], dtype=np.float32)) for h, s in pairs}


QUESTION = "What did Ofsted find about the few younger Portsmouth children placed in residential homes?"


def test_pick_paragraphs__a_weaker_paragraph_sharing_no_word_of_the_question_but_the_council_is_not_cited():
    top = hit("A small number of younger children live in residential homes, which meet their needs.", "24", 1)
    filler = hit("Young carers in Portsmouth benefit from a well-crafted and layered offer.", "18", 2)
    related = hit("Most children in care live in stable homes close to the places that matter.", "21", 3)
    close = hit("Carers in Portsmouth are given the support they need to look after them well.", "25", 4)
    implied = Implied(orgs=["portsmouth"], org_names=["Portsmouth"])
    scored = scored_as((top, 1.0), (filler, 0.8), (related, 0.8), (close, 0.96))
    chosen = pick_paragraphs(QUESTION, [top, filler, related, close], implied, AnswerConfig(), scored)
    # the filler shares only "Portsmouth"; one sharing "homes" stays, as does one that is nearly as close in meaning
    assert [h.paragraph.para for h in chosen] == ["24", "21", "25"]
    # with no bar on it (topic_keep 0) the filler is cited, as before
    loose = pick_paragraphs(QUESTION, [top, filler, related, close], implied, AnswerConfig(topic_keep=0.0), scored)
    assert [h.paragraph.para for h in loose] == ["24", "18", "21", "25"]


def test_pick_paragraphs__below_the_runner_up_a_best_sentence_sharing_no_word_of_the_subject_is_not_cited():
    question = "What did Ofsted find about the education of children in care in Portsmouth?"
    top = hit("Children in care receive strong support with their education from the virtual school.", "40", 1)
    runner_up = hit("Most make good progress from their starting points.", "41", 2)  # the first three are kept on
    third = hit("They are helped to take part in clubs and activities.", "44", 3)  # their meaning alone
    other = hit("Leaders know their workforce well and have reduced the use of agency staff.", "52", 4)
    # its heading shares the subject
    other = replace(other, paragraph=replace(other.paragraph, heading="The experiences and progress of children in care"))
    said = hit("Personal education plans are of a consistently good quality.", "42", 5)
    close = hit("Attendance at school is high and exclusions are rare.", "43", 6)
    implied = Implied(orgs=["portsmouth"], org_names=["Portsmouth"])
    scored = scored_as((top, 1.0), (runner_up, 0.9), (third, 0.9), (other, 0.9), (said, 0.9), (close, 0.97))
    cfg = AnswerConfig(max_paragraphs=6)
    chosen = pick_paragraphs(question, [top, runner_up, third, other, said, close], implied, cfg, scored)
    # the workforce finding is another finding of the same report; one printing "education", and one whose best
    # sentence is as close in meaning as the top one's, stay
    assert [h.paragraph.para for h in chosen] == ["40", "41", "44", "42", "43"]
    # a table's row says what it is about in its header, not its words: kept; so is a sentence giving the kind of
    # answer asked for
    row = hit("Portsmouth 85% 92%", None, 4, kind="table-row")
    assert row in pick_paragraphs(question, [top, runner_up, third, row], implied, cfg,
                                  scored_as((top, 1.0), (runner_up, 0.9), (third, 0.9), (row, 0.9)))
    counted = hit("All 36 of them took part.", "45", 4)
    asked = "How many children in care in Portsmouth sat their exams?"
    figure = hit("In 2025, 40 children in care sat GCSEs.", "39", 1)  # (a figure is cited already)
    assert counted in pick_paragraphs(asked, [figure, runner_up, third, counted], implied, cfg,
                                      scored_as((figure, 1.0), (runner_up, 0.9), (third, 0.9), (counted, 0.9)))


def test_words__a_hyphenated_compound_matches_it_written_as_one_word():
    question = "What did Somerset's frontline social care workers tell Ofsted about their jobs?"
    assert "frontlin" in topic_words(question, Implied(orgs=["somerset"], org_names=["Somerset"]))
    assert topic_words(question, None) & words("Most front-line staff like working in Somerset.")
    assert "somerset" not in topic_words(question, Implied(orgs=["somerset"], org_names=["Somerset"]))
    assert not {"ofst", "find"} & topic_words(QUESTION, None)


def test_pick_paragraphs__a_tables_row_is_not_left_out_for_sharing_no_word_with_the_question():
    top = hit("4.9 Kent has 1.3 family hubs per 10,000 people aged 0-19, in line with the average.", "4.9", 1, "Kent")
    # its words are in its header ("Authority | 0-19 Year Olds | Total Family Hub Sites | …")
    row = hit("Kent 370,000 50 1.3", None, 2, "Kent", kind="table-row")
    implied = Implied(orgs=["kent"], org_names=["Kent"])
    chosen = pick_paragraphs("How many family hubs does Kent have per head of under-20s?", [top, row], implied,
                             AnswerConfig(), scored_as((top, 1.0), (row, 0.78)))
    assert chosen == [top, row]


MOTION = ("(1) Endorse the ongoing joint work between the County Council and the District and Borough Council Leaders "
          "to respond to the English Devolution White Paper (2) Endorse the proposed decision by the Leader to submit a "
          "request to Government to be included in the Devolution Priority Programme (3) Expects there to be as much "
          "transparency as possible in this process.")


def test_without_repeats__a_supporting_paragraph_repeating_one_of_the_same_document_cited_before_it_is_dropped():
    lead = hit("15) Mr Smith proposed and Mr Jones seconded the following amendment to the motion: " + MOTION, "15", 1)
    again = hit("26) RESOLVED that the County Council: " + MOTION, "26", 2)  # the same words again, resolved
    vote = hit("16) The amendment was put to the vote and was carried.", "16", 3)
    kept = without_repeats([(lead, ["a"]), (again, ["b"]), (vote, ["c"])])
    assert [h.paragraph.para for h, _ in kept] == ["15", "16"]
    # a paragraph that says more than the one before it (who proposed the amendment) is no repeat of it
    assert [h.paragraph.para for h, _ in without_repeats([(again, ["b"]), (lead, ["a"])])] == ["26", "15"]
    # the first line is kept whatever it repeats
    assert [h.paragraph.para for h, _ in without_repeats([(again, ["b"]), (again, ["b"])])] == ["26"]


def test_without_repeats__another_papers_copy_and_a_short_repeated_line_are_kept():
    lead = hit("15) Mr Smith proposed the following amendment: " + MOTION, "15", 1)
    copy = hit("5.1 " + MOTION, "5.1", 2)
    copy = Hit(paragraph=Paragraph(id="q-5.1", doc="q.pdf", ordinal=2, text=copy.paragraph.text, para="5.1",
                                   page_start=1, page_end=1), meta=copy.meta, score=0.9, rank=2, dense=0.6)
    assert len(without_repeats([(lead, ["a"]), (copy, ["b"])])) == 2  # where the other paper says it
    short = hit("Cabinet is asked to agree the Commissioning Plan for Education Provision 2025-29.", "1", 1)
    conclusion = hit("8.1 Cabinet is asked to agree the Commissioning Plan for Education Provision 2025-29.", "8.1", 2)
    assert len(without_repeats([(short, ["a"]), (conclusion, ["b"])])) == 2  # what its conclusion says


def test_pick_paragraphs__a_best_sentence_sharing_only_words_its_report_prints_throughout_is_not_about_the_subject():
    question = "What did Ofsted find about the education of children in care in Portsmouth?"
    top = hit("Children in care receive strong support with their education from the virtual school.", "40", 1)
    runner_up = hit("Most make good progress from their starting points.", "41", 2)
    third = hit("They are helped to take part in clubs and activities.", "44", 3)
    other = hit("Social workers for children in care have manageable caseloads.", "52", 4)
    implied = Implied(orgs=["portsmouth"], org_names=["Portsmouth"])
    scored = scored_as((top, 1.0), (runner_up, 0.9), (third, 0.9), (other, 0.9))
    # a report printing "children" and "care" on a fifth of its lines or more: they do not make a finding about its
    # subject
    report = "\n".join(["Children in care are seen often."] * 20 + [f"Finding {n} is recorded." for n in range(40)])
    chosen = pick_paragraphs(question, [top, runner_up, third, other], implied, AnswerConfig(), scored,
                             document=lambda h: report)
    assert [h.paragraph.para for h in chosen] == ["40", "41", "44"]
    # a short paper's words are what it lists (an agenda's items), not filler
    short = "\n".join(["Children in care are seen often."] * 4 + [f"Finding {n} is recorded." for n in range(6)])
    assert other in pick_paragraphs(question, [top, runner_up, third, other], implied, AnswerConfig(), scored,
                                    document=lambda h: short)
    # without the report's text those words are the question's subject
    assert other in pick_paragraphs(question, [top, runner_up, third, other], implied, AnswerConfig(), scored)


def test_pick_paragraphs__when_the_top_sentence_gives_what_a_one_part_question_asks_talk_around_it_is_not_cited():
    question = "How many partners came to Portsmouth's social prescribing network in October?"
    top = hit("In October, 46 partners attended the quarterly social prescribing network.", "3", 1)
    around = hit("Portsmouth's digital channels promoting the outdoors continued to see strong engagement.", "4", 2)
    counted = hit("The network has its own mailing list. A further 12 partners joined it.", "5", 3)
    implied = Implied(orgs=["portsmouth"], org_names=["Portsmouth"])
    cfg = AnswerConfig()
    scored = scored_as((top, 1.0), (around, 0.85))
    scored[counted.paragraph.id] = (["The network has its own mailing list.", "A further 12 partners joined it."],
                                    np.array([0.85, 0.6], dtype=np.float32))
    # the figure is given: a paragraph giving none answering less well is left out; one with a sentence giving a
    # figure stays, even where it is not its best
    assert pick_paragraphs(question, [top, around, counted], implied, cfg, scored) == [top, counted]
    # nearly as close in meaning, it is judged by what it adds (the test below): it adds nothing
    assert around not in pick_paragraphs(question, [top, around], implied, cfg, scored_as((top, 1.0), (around, 0.9)))
    # a question in two parts: the top paragraph gives the first part's answer, not the second's
    two = "How many partners came to Portsmouth's social prescribing network in October, and what is it working on?"
    assert around in pick_paragraphs(two, [top, around], implied, cfg, scored)
    # the top paragraph giving no figure: judged as before
    plain = hit("The quarterly social prescribing network met in October.", "2", 1)
    assert around in pick_paragraphs(question, [plain, around], implied, cfg, scored_as((plain, 1.0), (around, 0.85)))


def test_pick_paragraphs__when_the_top_sentence_answers_a_support_of_its_document_must_add_something():
    question = "How many partners came to Portsmouth's social prescribing network in October?"
    top = hit("In October, 46 partners attended the quarterly network meeting.", "3", 1)
    again = hit("The network meeting in October was well attended by partners.", "4", 2)  # says it again, no figure
    filler = hit("Portsmouth's digital channels continued to see strong engagement.", "5", 3)
    subject = hit("Social prescribing link workers are based in every GP practice.", "6", 4)  # the subject's words
    figure = hit("A further 12 partners joined the network's mailing list.", "7", 5)  # another figure
    implied = Implied(orgs=["portsmouth"], org_names=["Portsmouth"])
    cfg = AnswerConfig(max_paragraphs=6)
    hits = [top, again, filler, subject, figure]
    scored = scored_as((top, 1.0), (again, 0.95), (filler, 0.95), (subject, 0.95), (figure, 0.95))
    assert pick_paragraphs(question, hits, implied, cfg, scored) == [top, subject, figure]
    # the same words in another paper are where that paper says them
    other = replace(again, paragraph=replace(again.paragraph, doc="q.pdf", id="q-4"))
    assert other in pick_paragraphs(question, [top, other], implied, cfg, scored_as((top, 1.0), (other, 0.95)))
    # a question the top sentence does not answer (no figure asked): judged as before
    plain = "What happened at Portsmouth's social prescribing network in October?"
    assert pick_paragraphs(plain, hits, implied, cfg, scored) == hits


def test_pick_paragraphs__when_a_further_paragraph_answers_talk_on_the_same_subject_is_not_cited():
    question = "Who carried out the independent analysis of the responses to Portsmouth's family hubs consultation?"

    def paper(text, para, rank, doc, title):
        h = hit(text, para, rank)
        return replace(h, meta=replace(h.meta, doc=doc, title=title, doc_type="report"),
                       paragraph=replace(h.paragraph, doc=doc, id=f"{doc}-{para}"))
    report, eqia = "Family hubs consultation report", "Family hubs equality impact assessment"
    top = paper("The consultation gave an opportunity for service users and residents to give feedback.", "1", 1,
                "r.pdf", report)
    answer = paper("Lake Market Research was appointed to conduct an independent analysis of feedback.", "5", 2,
                   "r.pdf", report)
    talk = paper("The consultation set out the rationale for the proposal and the options considered.", "3", 3,
                 "e.pdf", eqia)  # "consultation" is in the answering paper's title; "set out" is no subject
    counted = paper("The council collected 1,204 responses online and on paper.", "9", 4, "r.pdf", report)
    implied = Implied(orgs=["portsmouth"], org_names=["Portsmouth"])
    cfg = AnswerConfig(max_paragraphs=5)
    hits = [top, answer, talk, counted]
    scored = scored_as((top, 1.0), (answer, 0.95), (talk, 0.97), (counted, 0.95))
    # a paragraph printing a word of the subject the answer does not ("responses") stays
    assert pick_paragraphs(question, hits, implied, cfg, scored) == [top, answer, counted]  # the top one stays
    # the top paragraph naming someone: judged as before
    named = paper("Mr Smith of Lake Market Research presented the consultation's findings.", "2", 1, "r.pdf", report)
    assert pick_paragraphs(question, [named, answer, talk, counted], implied, cfg,
                           scored_as((named, 1.0), (answer, 0.95), (talk, 0.97), (counted, 0.95))) == \
        [named, answer, talk, counted]
    # no further paragraph naming anyone: as before
    assert pick_paragraphs(question, [top, talk, counted], implied, cfg, scored) == [top, talk, counted]


def _paper(text, para, rank, doc, title, date, doc_type="report", org="Portsmouth"):
    h = hit(text, para, rank, org=org)
    return replace(h, meta=replace(h.meta, doc=doc, title=title, doc_type=doc_type, date=date),
                   paragraph=replace(h.paragraph, doc=doc, id=f"{doc}-{para}"))


def test_pick_paragraphs__another_days_meeting_is_not_cited_for_a_question_naming_the_day():
    question = "What items were on the agenda for Portsmouth's Cabinet meeting on 4 March 2025?"
    top = _paper("8. Home to School Transport - Presentation", "8", 1, "a.pdf", "Cabinet agenda", "2025-03-04")
    same = _paper("7. Reconsideration of Decision 24/00093", "7", 2, "a.pdf", "Cabinet agenda", "2025-03-04")
    other = _paper("3. Consideration of Decision 24/00093 (if required)", "3", 3, "b.pdf", "Cabinet agenda",
                   "2025-03-13")
    naming = _paper("The Cabinet considered the decision on 4 March and referred it back.", "2", 4, "c.pdf",
                    "Cabinet minutes", "2025-03-13")
    implied = Implied(orgs=["portsmouth"], org_names=["Portsmouth"], years=[2025], months=["2025-03"],
                      days=["2025-03-04"])
    hits = [top, same, other, naming]
    scored = scored_as((top, 0.8), (same, 0.8), (other, 0.9), (naming, 0.8))  # closer in meaning than the top
    assert pick_paragraphs(question, hits, implied, AnswerConfig(max_paragraphs=5), scored) == [top, same, naming]
    # two days asked about (the first written without its year): the papers of either are cited, another's not
    both = "What items were on the agenda for Portsmouth's Cabinet meetings on 13 March and 4 March 2025?"
    assert pick_paragraphs(both, hits, implied, AnswerConfig(max_paragraphs=5), scored) == hits
    others = "What items were on the agenda for Portsmouth's Cabinet meetings on 30 January and 4 March 2025?"
    assert pick_paragraphs(others, hits, implied, AnswerConfig(max_paragraphs=5), scored) == [top, same, naming]
    # a top paragraph of another day's paper: as before
    assert pick_paragraphs(question, [other, top, same, naming], implied, AnswerConfig(max_paragraphs=5),
                           scored) == [other, top, same, naming]


def test_pick_paragraphs__another_financial_years_paper_is_not_cited_unless_it_names_the_year_asked():
    question = "By how much is Portsmouth's adult social care spending planned to increase in 2025-26?"
    top = _paper("Directorate spending in 2025-26 is planned to increase by £80.3m (13.7%).", "1", 1, "a.pdf",
                 "Budget amendment: adult social care base budget", "2025-02-13")
    monitoring = _paper("The increase in spending is largely driven by the costs of new placements.", "3.3", 2,
                        "m.pdf", "Budget Monitoring Report – November 2024-25", "2025-01-30")
    named = _paper("Adult social care spending in 2025-26 rises with demand and fee uplifts.", "2.1", 3, "n.pdf",
                   "Budget Monitoring Report – November 2024-25", "2025-01-30")
    late = _paper("The Public Health grant for 2025-26 is increasing by £4,160.6k.", "3.1", 4, "l.pdf",
                  "Late changes to the 2025-26 budget", "2025-03-04")
    implied = Implied(orgs=["portsmouth"], org_names=["Portsmouth"], years=[2025, 2026])
    hits = [top, monitoring, named, late]
    scored = scored_as((top, 1.0), (monitoring, 0.9), (named, 0.9), (late, 0.9))
    assert pick_paragraphs(question, hits, implied, AnswerConfig(max_paragraphs=5), scored) == [top, named, late]
    # nearly as close in meaning as the top paragraph: kept
    close = scored_as((top, 1.0), (monitoring, 0.97), (named, 0.9), (late, 0.9))
    assert pick_paragraphs(question, hits, implied, AnswerConfig(max_paragraphs=5), close) == hits


def test_pick_paragraphs__a_paper_years_older_than_the_committee_paper_answering_is_not_cited():
    question = "What proportion of Portsmouth's children in care are placed outside Portsmouth?"
    top = _paper("20% of children in care were placed outside of Portsmouth.", "9/3", 1, "cp.pdf",
                 "Corporate Parenting Panel minutes", "2024-12-10")
    report = _paper("338 (18%) live outside the local authority area", "6", 2, "o.pdf",
                    "Inspection of Portsmouth children's services", "2017-06-13", doc_type="ofsted-inspection")
    recent = _paper("Most children in care live within 20 miles of Portsmouth.", "4", 3, "r.pdf",
                    "Corporate parenting annual report", "2023-07-01")
    implied = Implied(orgs=["portsmouth"], org_names=["Portsmouth"])
    hits = [top, report, recent]
    scored = scored_as((top, 1.0), (report, 0.9), (recent, 0.9))
    cfg = AnswerConfig(max_paragraphs=5)
    assert pick_paragraphs(question, hits, implied, cfg, scored) == [top, recent]
    # a question asking for no kind of answer (no figure, name ...): as before
    assert pick_paragraphs("Children in care placed outside Portsmouth", hits, implied, cfg, scored) == hits
    # a question over the years, or naming one: as before
    changed = "How has the proportion of Portsmouth's children in care placed outside Portsmouth changed?"
    assert pick_paragraphs(changed, hits, implied, cfg, scored) == hits
    # an inspection report at the top: as before (with_newest_reports judges reports of several years)
    assert pick_paragraphs(question, [report, top, recent], implied, cfg, scored) == [report, top, recent]


def test_pick_paragraphs__a_papers_cover_sheet_or_contact_block_is_not_cited_beside_what_it_says():
    question = "What does Portsmouth's budget monitoring report say about the revenue overspend at Quarter 3?"
    title = "Revenue and Capital Budget Monitoring Report"

    def part(text, para, rank, kind="text", doc_type="committee-report"):
        h = _paper(text, para, rank, "m.pdf", title, "2025-01-30", doc_type=doc_type)
        return replace(h, paragraph=replace(h.paragraph, kind=kind))
    top = part("The forecast revenue overspend at Quarter 3 is £23.3m, an improvement on Quarter 2.", "1.1", 1)
    cover = part("From: Peter Smith, Cabinet Member for Finance\nTo: Cabinet, 30 January 2025\nSubject: Revenue and "
                 "Capital Budget Monitoring Report – Quarter 3 2024-25\nClassification: Unrestricted", None, 2,
                 kind="front-matter")
    contact = part("Contact details Report Author: Jane Brown, Head of Finance Telephone: 03000 416 123", "9", 3)
    more = part("Services forecast an overspend of £31.1m before management action.", "1.2", 4)
    implied = Implied(orgs=["portsmouth"], org_names=["Portsmouth"])
    hits = [top, cover, contact, more]
    scored = scored_as((top, 1.0), (cover, 0.99), (contact, 0.98), (more, 0.97))
    cfg = AnswerConfig(max_paragraphs=5)
    assert pick_paragraphs(question, hits, implied, cfg, scored) == [top, more]
    # asked who it is from, whom to contact or when it was taken: they are what is asked
    for asks in ("Who presented Portsmouth's Quarter 3 revenue budget monitoring report?",
                 "Who should I contact about Portsmouth's Quarter 3 budget monitoring report?",
                 "When did Portsmouth's Cabinet consider the Quarter 3 revenue budget monitoring report?",
                 "Where is Portsmouth's Quarter 3 budget monitoring report being considered?",
                 "Which Portsmouth committee of members saw the Quarter 3 budget monitoring report before Cabinet?"):
        assert cover in pick_paragraphs(asks, hits, implied, cfg, scored), asks
    # an inspection report's front matter prints its judgements and summary: as before
    report = [replace(h, meta=replace(h.meta, doc_type="ofsted-inspection")) for h in hits]
    assert pick_paragraphs(question, report, implied, cfg, scored) == report
    # the top paragraph is kept whatever it is
    assert pick_paragraphs(question, [cover, top, more], implied, cfg, scored)[0] == cover
