"""Briefing notes: questions, answers and every citation with its quote, paragraph and page, as DOCX or Markdown."""

from __future__ import annotations

import io
import time
from dataclasses import dataclass

from ..records import Answer
from .cards import Card, bullet_text, copy_text, declined_reason, details, in_answer_order, md_escape

TITLE = "Scrutiny briefing note"
NOTE = ("Every statement below is copied from the source paragraph it cites. Check the source before relying on it.")


@dataclass
class Turn:
    """One question and its answer as the conversation holds it."""

    question: str
    answer: Answer
    understood_as: str | None = None


def _filters_line(answer: Answer) -> str:
    f = {k: v for k, v in answer.filters.items() if k != "from_question"}
    if not f:
        return ""
    bits = []
    for k, v in f.items():
        bits.append(f"{k.replace('_', ' ')}: {', '.join(v) if isinstance(v, list) else v}")
    return "Searched with filters: " + "; ".join(bits)


def _sections(turn: Turn) -> tuple[str, list[str], list[Card]]:
    """(answer heading line, answer lines, cards) shared by both formats."""
    a = turn.answer
    if a.abstained:
        reason = declined_reason(a)  # a council with nothing indexed, which council to name …
        return ("The documents don't say this.", [reason or "No answer was given: the indexed documents don't cover "
                                                  "this."], [Card.from_hit(h) for h in a.nearest])
    return ("Answer", [line for line in a.answer.splitlines() if line.strip()], [Card.from_citation(c) for c in in_answer_order(a.citations, a.answer)])


def _md_lines(lines: list[str]) -> list[str]:
    """The answer's lines with their text escaped (document text is never read as Markdown); bullets kept, and a
    line after a bullet set apart so that it is not read as the bullet continuing."""
    out: list[str] = []
    for line in lines:
        body = bullet_text(line)
        if body is None and out and out[-1].startswith("- "):
            out.append("")
        out.append(f"- {md_escape(body)}" if body is not None else md_escape(line))
    return out


def to_markdown(turns: list[Turn], *, generated: str | None = None) -> str:
    generated = generated or time.strftime("%d %B %Y, %H:%M")
    out = [f"# {TITLE}", "", f"Prepared {generated} with Scrutiny Assistant. {NOTE}", ""]
    for n, turn in enumerate(turns, start=1):
        head, lines, cards = _sections(turn)
        out += [f"## {n}. {md_escape(turn.question)}", ""]
        if turn.understood_as:
            out += [f"_{md_escape(turn.understood_as)}_", ""]
        if fl := _filters_line(turn.answer):
            out += [f"_{md_escape(fl)}_", ""]
        out += [f"**{head}**", ""] + _md_lines(lines) + [""]
        if cards:
            out += ["**Nearest passages (not an answer)**" if turn.answer.abstained else "**Sources**", ""]
        for i, card in enumerate(cards, start=1):
            out.append(f"{i}. {md_escape(copy_text(card))}  ")
            out.append(f"   {md_escape(details(card))}  ")
            if card.heading:
                out.append(f"   Section: {md_escape(card.heading)}  ")
            quote = card.quote or card.text
            out.append("   > " + md_escape(" ".join(quote.split())))
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_docx(turns: list[Turn], *, generated: str | None = None) -> bytes:
    from docx import Document
    from docx.shared import Pt

    generated = generated or time.strftime("%d %B %Y, %H:%M")
    doc = Document()
    doc.core_properties.title = TITLE
    doc.add_heading(TITLE, level=0)
    doc.add_paragraph(f"Prepared {generated} with Scrutiny Assistant. {NOTE}")
    for n, turn in enumerate(turns, start=1):
        head, lines, cards = _sections(turn)
        doc.add_heading(f"{n}. {turn.question}", level=1)
        for extra in (turn.understood_as, _filters_line(turn.answer)):
            if extra:
                doc.add_paragraph().add_run(extra).italic = True
        doc.add_heading(head, level=2)
        for line in lines:
            if (body := bullet_text(line)) is not None:
                doc.add_paragraph(body, style="List Bullet")
            else:
                doc.add_paragraph(line)
        if cards:
            doc.add_heading("Nearest passages (not an answer)" if turn.answer.abstained else "Sources", level=2)
        for card in cards:
            p = doc.add_paragraph(style="List Number")
            p.add_run(copy_text(card)).bold = True
            meta = doc.add_paragraph(details(card) + (f" — section: {card.heading}" if card.heading else ""))
            meta.runs[0].font.size = Pt(9)
            doc.add_paragraph(" ".join((card.quote or card.text).split()), style="Quote")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
