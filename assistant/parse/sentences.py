"""Sentences of a paragraph: the units an extractive answer quotes and whose vectors the index stores."""

from __future__ import annotations

import re

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9£•])")
# a form's short answer after its question ("Are there negative impacts for Disability? No"): read with the question
_SHORT_ANSWER = re.compile(r"^(?:Yes|No|N/A|Not applicable|Not known|None)(?:\s*[–—-]\s+\S.*|[.,]?)$", re.IGNORECASE)
_LEADING_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+|^\(?[a-z]{1,2}[.)]\s+")

# Bump when split_sentences (or how sentence vectors are made) changes: the index stores one vector per sentence
# in this order. 3: a question keeps its short answer ("…? No"). 2: pooled from the paragraph's own pass through the model (embed.locate_sentences).
SENTENCES_VERSION = "3"


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a printed paragraph number stays with the first sentence ("3.5. The ...")."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        line = line.removeprefix("• ").strip()  # a bullet mark is layout, not part of the quote
        m = _LEADING_NUMBER.match(line)
        lead, body = (line[: m.end()], line[m.end():]) if m else ("", line)
        parts: list[str] = []
        for s in _SENT_END.split(body):
            s = s.strip()
            if s and parts and parts[-1].endswith("?") and _SHORT_ANSWER.match(s):
                parts[-1] += " " + s  # the question's answer, not a sentence of its own
            elif s:
                parts.append(s)
        if parts:
            parts[0] = lead + parts[0]
        out.extend(parts)
    return out
