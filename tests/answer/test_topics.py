"""The topics a question names (data/topics.tsv) that the documents an answer would cite never mention."""

from __future__ import annotations

from assistant.answer.extractive import compose
from assistant.answer.topics import unmentioned
from assistant.query.topics import TOPICS_FILE, named

from .test_extractive import hit


def test_topics__every_entry_names_its_source_and_both_wordings():
    rows = [line.split("\t") for line in TOPICS_FILE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert rows and all(len(r) == 3 and r[0].strip() and r[1].strip() and r[2].strip() in {"ILACS", "WT", "CA", "YJ"}
                        for r in rows)


def test_named__the_questions_own_wording_in_full_and_an_abbreviation_only_in_capitals():
    assert [w for w, _ in named("What did Ofsted say about support for unaccompanied asylum-seeking children?")] == [
        "unaccompanied asylum-seeking children"]
    assert [w for w, _ in named("How are privately fostered children kept safe?")] == ["privately fostered"]
    assert [w for w, _ in named("Is there a LADO?")] == ["LADO"]
    assert named("Did the council lado out funds?") == []  # "lado" is no designated officer
    assert named("What did inspectors say about step-down?") == []


def test_unmentioned__any_wording_a_document_uses_counts_and_one_topic_mentioned_is_enough():
    question = "What did inspectors say about young carers?"
    assert unmentioned(question, ["Foster carers are well supported."]) == ["young carers"]
    assert unmentioned(question, ["Over 500 children have been identified as carers."]) == []
    assert unmentioned("What is the vacancy rate?", ["The number of vacancies has fallen."]) == []
    # the guidance's own wording for elective home education, not its name
    assert unmentioned("What did inspectors say about elective home education?",
                       ["17. Parents who educate their children at home receive effective support."]) == []
    # a question about two topics, one of which the documents mention, is answered on that one
    both = "What did Ofsted say about homeless 16- and 17-year-olds and private fostering?"
    assert unmentioned(both, ["Homeless children are assessed jointly."]) == []
    assert unmentioned(both, ["Foster carers are recruited."]) == ["homeless 16- and 17-year-olds", "private fostering"]


def test_compose__a_topic_no_cited_document_mentions_is_declined_with_the_nearest_passages(fake_embedder):
    question = "What did inspectors say about private fostering in Medway?"
    h = hit("28. Plans to recruit additional foster carers are in their infancy. Foster carers are well supported.")
    report = {"medway_2019.pdf": h.paragraph.text + "\nCare leavers live in suitable homes."}
    out = compose(question, [h], fake_embedder, document=lambda x: report[x.paragraph.doc])
    assert out.abstained and not out.citations and out.nearest == [h]
    assert out.text.startswith("Medway Ofsted inspection 2019 never mentions private fostering, by that name or "
                               "another, so it doesn't answer this.")
    # a report that mentions it, in its own words, anywhere: the evidence is judged as any other (the fake model's
    # scores are too low to answer)
    report["medway_2019.pdf"] += "\nChildren who are privately fostered are visited regularly."
    out = compose(question, [h], fake_embedder, document=lambda x: report[x.paragraph.doc])
    assert "never mention" not in out.text


def test_named__a_topic_inside_another_ones_words_is_that_one():
    assert [w for w, _ in named("What did inspectors say about private fostering?")] == ["private fostering"]
    assert [w for w, _ in named("What did inspectors say about the fostering service?")] == ["fostering service"]


def test_ungraded__a_service_or_area_without_its_own_line_in_the_judgement_table():
    from assistant.answer.topics import ungraded

    table = ["Judgement Grade", "Overall effectiveness: Outstanding",
             "The experiences and progress of children in care: Outstanding",
             "The experiences and progress of care leavers: Good"]
    assert ungraded("What grade did the fostering service get?", ["grade"], table) == "fostering service"
    assert ungraded("What grade did Greenwich get for adoption?", ["grade"], table) == "adoption"
    assert ungraded("What grade did Greenwich get for care leavers?", ["grade"], table) == ""
    assert ungraded("What grade did Greenwich get?", ["grade"], table) == ""
    # an older report grades adoption on its own line
    assert ungraded("What grade did Medway get for adoption?", ["grade"], table + ["Adoption performance: Good"]) == ""
    assert ungraded("What did inspectors say about the fostering service?", ["finding"], table) == ""


def test_compose__a_grade_for_a_service_the_table_does_not_judge_says_so_before_the_line_it_quotes(fake_embedder):
    import dataclasses

    h = hit("Judgement Grade\nOverall effectiveness: Outstanding\nThe experiences and progress of children in care: "
            "Outstanding", para=None, page=1)
    h = dataclasses.replace(h, paragraph=dataclasses.replace(h.paragraph, kind="table"))
    from assistant.answer.config import AnswerConfig

    cfg = AnswerConfig(abstain_below=0.0)  # the fake model's scores are low
    out = compose("What grade did Ofsted give Medway's fostering service?", [h], fake_embedder, cfg=cfg)
    assert not out.abstained
    assert out.text.startswith("Medway Ofsted inspection 2019 gives no grade of its own for fostering service. Its "
                               "judgement table: ")
    out = compose("What grade did Ofsted give Medway overall?", [h], fake_embedder, cfg=cfg)
    assert "no grade of its own" not in out.text


def test_compose__supporting_quotes_come_from_paragraphs_that_mention_the_topic_asked_about(fake_embedder):
    from assistant.answer.config import AnswerConfig

    from .test_extractive import LOW_SCORES

    question = "How does Hull support young carers?"
    lead = hit("13. Young carers are identified early and receive support from a dedicated team.", para="13",
               score=0.05)
    leavers = hit("41. Care leavers are supported by personal advisers who know them well.", para="41", rank=2,
                  score=0.04)
    carers = hit("14. Children with caring responsibilities at home have access to respite groups.", para="14", rank=3,
                 score=0.04)
    out = compose(question, [lead, leavers, carers], fake_embedder, cfg=AnswerConfig(**LOW_SCORES))
    # the care leavers' paragraph shares "care" and "support" with the question, not its subject
    assert [c.para for c in out.citations] == ["13", "14"]


def test_compose__a_figure_of_a_topic_is_quoted_with_it_not_beside_it(fake_embedder):
    # "how many children are in pre-proceedings?": a paragraph counting children in care, with one on
    # pre-proceedings found beside it that gives no figure, counts none in pre-proceedings

    question = "How many children are currently in pre-proceedings?"
    care = hit("51. There are 420 children in care living within the local authority area.", para="51")
    plo = hit("10. Decisions to start pre-proceedings are made when risks to children do not reduce.", para="10",
              rank=2, score=0.029)
    assert unmentioned(question, [care.paragraph.text]) == ["pre-proceedings"]
    assert unmentioned(question, [care.paragraph.text, plo.paragraph.text]) == []
    assert compose(question, [care, plo], fake_embedder).abstained
    counted = hit("10. There are 35 children in pre-proceedings, and decisions to start them are timely.", para="10")
    assert not compose(question, [counted], fake_embedder).abstained


def test_unmentioned__a_curly_apostrophe_is_an_apostrophe():
    question = "How many new children's homes has the council supported?"
    assert unmentioned(question, ["The council has supported the development of three children’s homes."]) == []


def test_common_words__the_words_a_document_prints_throughout():
    from assistant.answer.topics import common_words

    text = "\n".join(["Children in care live in stable homes.", "Care leavers are supported well.",
                      "Children are seen often by their social workers.", "", "Caseloads are manageable for children.",
                      "Leaders know the service well."] + [f"{n}. Children are safe." for n in range(4)])
    assert {"children", "care"} <= common_words(text)  # on 7 and 2 of 9 lines
    assert "caseload" not in common_words(text) and "care" not in common_words(text, 0.25)


def test_compose__a_service_the_table_does_not_grade_is_answered_with_the_finding_on_it(fake_embedder):
    import dataclasses

    from assistant.answer.config import AnswerConfig

    # ua73 ofsted kind 2: "how were Liverpool's services for disabled children judged?" was answered "no grade of
    # its own" and the children-in-care grade; the report's finding on the service is the answer, no other area's grade
    table = hit("Judgement Grade\nOverall effectiveness: Outstanding\nThe experiences and progress of children in care: "
                "Outstanding", para=None, page=1, rank=1, score=0.04)
    table = dataclasses.replace(table, paragraph=dataclasses.replace(table.paragraph, kind="table"))
    finding = hit("13. Services for disabled children have significantly improved since the last inspection.",
                  para="13", page=4, rank=2, score=0.035)
    cfg = AnswerConfig(abstain_below=0.0, sentence_keep=0.0, score_keep=0.0, min_dense=0.0)
    out = compose("How were Medway's services for disabled children judged?", [table, finding], fake_embedder, cfg=cfg)
    assert not out.abstained
    assert out.text.startswith("Medway Ofsted inspection 2019 gives no grade of its own for disabled children. The "
                               "inspectors found: 13. Services for disabled children have significantly improved"), out.text
    assert [c.para for c in out.citations] == ["13"] and "Outstanding" not in out.text
    # with no finding on it cited, the table's line is quoted, said to be another area's
    out = compose("How were Medway's services for disabled children judged?", [table], fake_embedder, cfg=cfg)
    assert "Its judgement table: " in out.text
