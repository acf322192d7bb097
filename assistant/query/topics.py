"""The services, groups of children and workforce measures a question may name ("private fostering", "young
carers", "caseloads"), read from data/topics.tsv with every wording a document may use for each: retrieval puts the
paragraphs printing a wording first (retrieve/hybrid.py), the answer checks that what it cites mentions one
(answer/topics.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

TOPICS_FILE = Path(__file__).resolve().parents[1] / "data" / "topics.tsv"


@dataclass(frozen=True)
class Topic:
    asked: re.Pattern[str]  # the topic as a question names it
    mentioned: re.Pattern[str]  # any wording a document may use for it


def _wording(phrase: str) -> str:
    """A wording as a pattern: its words with spaces or hyphens between, its last word also with an ending
    ("carer" finds "carers"); a wording in capitals (an abbreviation) only as written, with an optional plural."""
    if phrase.isupper():
        return r"(?-i:(?<![\w-])" + re.escape(phrase) + r"s?(?![\w-]))"
    return r"(?<![\w-])" + r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", phrase.strip())) + r"[\w'’]*"


def _alternatives(column: str) -> re.Pattern[str]:
    # the longest first: a question's "unaccompanied asylum-seeking children" is named in full, not as its start
    wordings = sorted((p.strip() for p in column.split("|") if p.strip()), key=len, reverse=True)
    return re.compile("|".join(_wording(p) for p in wordings), re.IGNORECASE)


@lru_cache(maxsize=1)
def topics() -> list[Topic]:
    out = []
    for line in TOPICS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        asked, mentioned, _source = line.split("\t")
        out.append(Topic(_alternatives(asked), _alternatives(mentioned)))
    return out


def named(question: str) -> list[tuple[str, Topic]]:
    """The topics ``question`` names, each with the question's own wording for it, in the question's order (read once
    per question: retrieval and the answer's steps ask about the same question several times)."""
    return list(_named(question))


@lru_cache(maxsize=256)
def _named(question: str) -> tuple[tuple[str, Topic], ...]:
    question = question.replace("’", "'")
    found = [(m, t) for t in topics() if (m := t.asked.search(question))]
    # a topic named inside another's words is that one ("private fostering" is not the fostering service)
    found = [(m, t) for m, t in found if not any(o.start() <= m.start() and m.end() <= o.end() and o.group(0) != m.group(0)
                                                 for o, _ in found)]
    return tuple((m.group(0), t) for m, t in sorted(found, key=lambda mt: mt[0].start()))
