"""Ofsted's page-1 judgement table is laid out one judgement to a line, every word kept, quotable by line."""

import re

from assistant.parse.judgements import lay_out_judgement_table

RUN_ON = ("Inspection of Anytown local authority children’s services Inspection dates: 2 to 6 June 2025 Lead "
          "inspector: A Person, His Majesty’s Inspector Judgement Grade The impact of leaders on social work practice "
          "with children and families Good The experiences and progress of children who need help and protection "
          "Requires improvement to be good The experiences and progress of children in care Inadequate Overall "
          "effectiveness Requires improvement to be good Services in Anytown have improved since the last "
          "inspection, when they were judged Inadequate.")


def _words(text):
    return re.sub(r"[^a-z0-9]", "", text.lower())


def test_lay_out_judgement_table__one_line_per_judgement_every_word_kept():
    laid = lay_out_judgement_table(RUN_ON)
    assert laid is not None
    lines = laid.split("\n")
    assert lines[2].endswith("His Majesty’s Inspector") and lines[3] == "Judgement Grade"  # (the title block: 0-2)
    assert lines[5] == "The experiences and progress of children who need help and protection: Requires improvement to be good"
    assert lines[7] == "Overall effectiveness: Requires improvement to be good"
    assert lines[8].startswith("Services in Anytown have improved")  # the summary stays whole
    assert _words(laid) == _words(RUN_ON)  # a quote of the run-on text still matches


def test_lay_out_judgement_table__a_grade_printed_with_capitals():
    # the Isles of Scilly's 2023 report prints "Requires Improvement to be good"
    laid = lay_out_judgement_table("Judgement Grade The experiences and progress of children in care Requires "
                                   "Improvement to be good Overall effectiveness Inadequate Services are weak.")
    assert laid is not None and laid.split("\n")[1:3] == [
        "The experiences and progress of children in care: Requires Improvement to be good",
        "Overall effectiveness: Inadequate"]


def test_lay_out_judgement_table__header_taken_as_heading():
    laid = lay_out_judgement_table("Overall effectiveness Inadequate The impact of leaders Good", heading="Judgement Grade")
    assert laid == "Overall effectiveness: Inadequate\nThe impact of leaders: Good"


def test_lay_out_judgement_table__leaves_ordinary_paragraphs_alone():
    assert lay_out_judgement_table("Leaders are ambitious. Practice is Good in places.") is None
    assert lay_out_judgement_table("The judgement grade was good.") is None
    # a header with a single graded line is not a table
    assert lay_out_judgement_table("Judgement Grade Overall effectiveness Good") is None


def test_parse__a_judgement_table_in_a_block_that_runs_onto_page_two_is_laid_out():
    from assistant.ingest.extract import extract
    from assistant.parse.paragraphs import parse_paragraphs
    from tests.conftest import corpus_file

    path = corpus_file("ofsted/sunderland_ofsted-childrens-services_2025-03-11.pdf")
    first = parse_paragraphs(extract(path), path.name, "sha")[0][0]
    assert first.kind == "table" and (first.page_start, first.page_end) == (1, 2)
    assert "\nOverall effectiveness: Outstanding\n" in first.text
    page_two = first.text[first.page_breaks[0]:]
    assert page_two.startswith("statutory interventions, offering vital emotional")  # page 2 still starts there
    assert first.page_at(first.text.index("Overall effectiveness")) == 1


def test_title_block__each_labelled_field_is_a_line_of_its_own():
    from assistant.parse.judgements import title_fields
    from assistant.parse.sentences import split_sentences

    laid = lay_out_judgement_table(RUN_ON)
    assert laid.split("\n")[:3] == ["Inspection of Anytown local authority children’s services",
                                    "Inspection dates: 2 to 6 June 2025",
                                    "Lead inspector: A Person, His Majesty’s Inspector"]
    assert "Inspection dates: 2 to 6 June 2025" in split_sentences(laid)
    old = ("Inspection of services for children in need of help and protection Inspection dates: 6 March to 30 March "
           "2017 Report published: 13 June 2017")
    assert title_fields(old, 2).split("\n")[1:] == ["Inspection dates: 6 March to 30 March 2017",
                                                    "Report published: 13 June 2017"]
    # a form's labels, no title first ("Amendment Name: …"), and prose, are left as they are
    form = "Amendment Name: Adult Social Care base budget Amendment Number: 7 Directorate: Adult Social Care"
    assert title_fields(form, 2) == form
    assert title_fields("Note: the figures below are provisional. See also the annex.", 2).count("\n") == 0


def test_parse__an_ofsted_reports_title_block_is_read_field_by_field():
    from assistant.ingest.extract import extract
    from assistant.parse.paragraphs import parse_paragraphs
    from assistant.parse.sentences import split_sentences
    from tests.conftest import corpus_file

    path = corpus_file("ofsted/york_ofsted-childrens-services_2025-04-15.pdf")
    first = parse_paragraphs(extract(path), path.name, "sha")[0][0]
    sentences = split_sentences(first.text)
    assert "Inspection dates: 24 February 2025 to 7 March 2025" in sentences
    assert "Lead inspector: Rachel Fairhurst, His Majesty’s Inspector" in sentences
    assert sentences[0] == "Inspection of City of York Council local authority children’s services"
