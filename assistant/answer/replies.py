"""Questions put at a meeting and their answers: a question ("Question by Susan Carey to Neil Baker, …") is cited
with the paragraphs of its answer, an answer found alone is read with the question it replies to, and the answer,
not the question, leads, unless what was asked is what the user asks about.
"""

from __future__ import annotations

import re

from ..parse.context import is_meeting_answer, is_meeting_question
from ..records import Hit
from .completion import Following
from .config import AnswerConfig
from .lead import prefer

ANSWER_PARAGRAPHS = 3  # an answer's opening paragraphs cited with the question they answer
# "what did Paul Stepto ask …?", "what was Mr Hood's question?": what was asked, not what was answered
_ASKS_WHAT_WAS_ASKED = re.compile(r"\b(?:ask(?:ed|s|ing)?|question(?:ed|s)?)\b", re.IGNORECASE)
# "what was the answer to the question about potholes?", "how did Mr Baker reply?": the answer, though a question is
# named
_ASKS_FOR_THE_ANSWER = re.compile(r"\b(?:answer(?:ed|s)?|repl(?:y|ied|ies)|respon(?:se|ses|ded|ds|d))\b", re.IGNORECASE)


def with_answers(chosen: list[Hit], following: Following | None, cfg: AnswerConfig
                  ) -> tuple[list[Hit], dict[str, Hit]]:
    """A question put at a meeting ("Question by Susan Carey to Neil Baker, …") is cited with its answer: the
    paragraphs under the "Answer" heading after it (up to ``ANSWER_PARAGRAPHS``), when none of them is chosen
    already. The question alone, however close to what was asked, says nothing of what the Cabinet Member replied.
    The paragraphs chosen last make room when the answer would pass ``cfg.max_paragraphs``. Also returns, by
    paragraph id, the question each answer paragraph replies to."""
    replying: dict[str, Hit] = {}
    if following is None:
        return chosen, replying
    out = list(chosen)
    for h in chosen:
        if not is_meeting_question(h.paragraph) or h.row is None:
            continue
        reply: list[Hit] = []
        for n in following(h.row):
            if n.paragraph.doc != h.paragraph.doc or (reply and not is_meeting_answer(n.paragraph)):
                break
            if is_meeting_answer(n.paragraph):
                reply.append(n)
            elif n.paragraph.heading != h.paragraph.heading:
                break  # another heading between the question and an answer: no answer printed
            if len(reply) == ANSWER_PARAGRAPHS:
                break
        replying.update((n.paragraph.id, h) for n in reply)
        have = {c.paragraph.id for c in out}
        if reply and not any(n.paragraph.id in have for n in reply):
            out += reply
            while len(out) > cfg.max_paragraphs:  # the last chosen other than this question and its answer go
                out.remove(next(c for c in reversed(out) if c is not h and c not in reply))
    return out, replying


def questions_answered(chosen: list[Hit], replying: dict[str, Hit], preceding: Following | None
                        ) -> dict[str, Hit]:
    """For each chosen answer paragraph whose question is not chosen, the question it answers (the paragraph before
    its answer's first paragraph, under a "Question by … to …" heading): its heading names who asked and who
    answered ("What did Paul Bartlett say about missed GP appointments?")."""
    out: dict[str, Hit] = {}
    for h in chosen:
        if preceding is None or h.row is None or h.paragraph.id in replying or not is_meeting_answer(h.paragraph):
            continue
        before = next((n for n in preceding(h.row)
                       if n.paragraph.doc != h.paragraph.doc or not is_meeting_answer(n.paragraph)), None)
        if before is not None and before.paragraph.doc == h.paragraph.doc and is_meeting_question(before.paragraph):
            out[h.paragraph.id] = before
    return out


def replies_lead(question: str, citations: list[tuple[Hit, list[str]]], lead_scores: list[float],
                  replying: dict[str, Hit]) -> list[float]:
    """A question put at a meeting is not its answer: of a cited question's cited answer paragraphs, the one whose
    quote answers best leads in its place (with the question's score, when that is higher), and the question
    itself follows; unless what was asked is what the user asks about."""
    if _ASKS_WHAT_WAS_ASKED.search(question) and not _ASKS_FOR_THE_ANSWER.search(question):  # the question put
        # leads, its answer follows
        return prefer(lead_scores, {i for i, (h, _) in enumerate(citations) if is_meeting_question(h.paragraph)},
                       1.0, among={i for i, (h, _) in enumerate(citations)
                                   if is_meeting_question(h.paragraph) or is_meeting_answer(h.paragraph)})

    def title(h: Hit | None) -> tuple[str, str | None] | None:  # a question printed as several paragraphs under
        return (h.paragraph.doc, h.paragraph.heading) if h is not None else None  # its title is one question

    scores = list(lead_scores)
    for asked in {title(q) for q in replying.values()}:
        put = [i for i, (h, _) in enumerate(citations) if is_meeting_question(h.paragraph) and title(h) == asked]
        replies = [i for i, (n, _) in enumerate(citations) if title(replying.get(n.paragraph.id)) == asked]
        if not put or not replies:
            continue
        best = max(replies, key=lambda i: lead_scores[i])
        scores[best] = max(lead_scores[best], *(lead_scores[i] for i in put))
        for i in put:
            scores[i] = lead_scores[i] - 1.0
    return scores
