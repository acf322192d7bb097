"""Abbreviations a text defines in brackets after the words they stand for ("independent reviewing officer (IRO)"):
read by the tracker's topics (track/topics.py) and by retrieval, which widens a question's words with the abbreviation
the candidate's own document defines for them (retrieve/abbreviations.py)."""

from __future__ import annotations

import re

# words that join the words an abbreviation stands for without giving it a letter ("Special Educational Needs and
# Disabilities" for SEND)
CONNECTORS = {"and", "of", "for", "the", "in", "on", "to", "&"}


# an abbreviation a paper defines in brackets after the words it stands for, in any case and with a plural "s":
# "independent reviewing officer (IRO)", "Independent Reviewing Officers (IROs)", "Kent Communities Programme (KCP)"
_BRACKETED = re.compile(r"\(([A-Z][A-Z0-9&]{1,7})s?\)")


def _abbreviated(before: str, acronym: str) -> str | None:
    """The words just before an abbreviation's brackets whose initials spell it exactly, in any case, joining words
    allowed among them ("independent reviewing officer" for IRO, "Special Educational Needs and Disabilities" for
    SEND); None when they do not ("This Commissioning Plan (KCP)": the paper's words do not spell it)."""
    letters = acronym.replace("&", "").upper()
    words = re.findall(r"[A-Za-z][\w’'-]*|&", before)[-2 * len(letters) - 2:]
    named: list[str] = []
    for word in reversed(words):
        if word.lower() in CONNECTORS and named:
            named.insert(0, word)
            continue
        named.insert(0, word)
        initials = "".join(w[0].upper() for w in named if w.lower() not in CONNECTORS)
        if initials == letters:
            return " ".join(named)
        if not letters.endswith(initials):
            return None
    return None


def abbreviations(text: str) -> list[tuple[str, str]]:
    """A text's abbreviations defined in brackets, each both ways: (the words, the abbreviation) and (the
    abbreviation, the words), so a topic given either way also matches the other in that paper."""
    out: list[tuple[str, str]] = []
    for m in _BRACKETED.finditer(text):
        words = _abbreviated(text[max(0, m.start() - 200):m.start()], m.group(1))
        if words and len(words.split()) > 1:
            out += [(words, m.group(1)), (m.group(1), words)]
    return out
