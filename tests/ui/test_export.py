import io

from docx import Document

from assistant.ui.export import Turn, to_docx, to_markdown

from .helpers import answer


def _docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)


def test_docx__holds_question_answer_and_each_citation_with_quote():
    turns = [Turn("What did inspectors say about step-down?", answer(), "Understood as: x (Medway, 2019)")]
    text = _docx_text(to_docx(turns, generated="1 May 2025"))
    assert "1. What did inspectors say about step-down?" in text
    assert "Ofsted, Inspection of Medway children's services (27 Aug 2019), para 2, p.3" in text
    assert "Medway, Report on Ofsted monitoring visit (1 Oct 2020), para 3.11" in text
    assert "Many children step down too soon" in text
    assert "Understood as: x (Medway, 2019)" in text
    assert "[Medway Ofsted inspection 2019, para 2, p.3]" in text  # the answer keeps its markers


def test_markdown__abstention_is_not_dressed_up_as_an_answer():
    md = to_markdown([Turn("How much did Birmingham overspend?", answer(abstained=True))], generated="today")
    assert "The documents don't say this." in md
    assert "Nearest passages (not an answer)" in md
    assert "**Sources**" not in md


def test_markdown__one_section_per_turn():
    md = to_markdown([Turn("Q one?", answer("Q one?")), Turn("Q two?", answer("Q two?"))], generated="today")
    assert "## 1. Q one?" in md and "## 2. Q two?" in md
    assert md.count("> Many children step down too soon") == 2
