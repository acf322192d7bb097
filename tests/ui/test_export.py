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
    assert "No answer was given" in md
    # a declined answer's own reason is kept in the note, escaped
    from dataclasses import replace

    why = replace(answer(abstained=True), answer="The indexed documents don't include anything from *Narnia*, so "
                                                 "they can't answer this. The nearest passages are:\n- x")
    md = to_markdown([Turn("What did Ofsted say about Narnia?", why)], generated="today")
    assert "The indexed documents don't include anything from \\*Narnia\\*, so they can't answer this." in md
    assert "No answer was given" not in md


def test_markdown__one_section_per_turn():
    md = to_markdown([Turn("Q one?", answer("Q one?")), Turn("Q two?", answer("Q two?"))], generated="today")
    assert "## 1. Q one?" in md and "## 2. Q two?" in md
    assert md.count("> Many children step down too soon") == 2


def test_both_formats__the_trackers_indented_lines_are_bullets_and_the_next_item_stands_apart():
    from assistant.records import Answer

    text = ("Ofsted's inspection of Kent listed 2 things to improve:\n"
            "1. Support for care leavers. [Kent Ofsted inspection 2026, p.3]\n"
            "   - Since then: nothing in the later documents mentions this.\n"
            "2. Caseloads. [Kent Ofsted inspection 2026, p.3]")
    turn = Turn("What does Kent need to improve?", Answer(question="q", answer=text, abstained=False, citations=[]))
    md = to_markdown([turn], generated="today")
    assert "\n- Since then: nothing in the later documents mentions this.\n\n2\\. Caseloads." in md
    doc = Document(io.BytesIO(to_docx([turn], generated="today")))
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert bullets == ["Since then: nothing in the later documents mentions this."]
