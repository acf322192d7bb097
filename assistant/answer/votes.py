"""A recorded vote in a council's minutes, quoted by its tallies and its outcome.

Minutes record a vote as "… the voting was as follows:" and then each side's count and the names of the members
who voted that way, and the outcome: "For (37) Mr Baker, Mr Brady, … Against (0) Abstain (2) Ms Constantine,
Ms Meade Substantive Motion carried." The names run to hundreds of words, so a quote of whole sentences stopped
at "For (37)", and a reader saw the votes for an amendment and not that it was lost. The tallies and the outcome
are what "how did the vote go?" asks; the names are left out with "…" where they stand between them. Every
fragment is the paragraph's own text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from ..parse.minutes import MIN_TALLIES, OUTCOME, TALLY
from ..query import kinds
from ..records import ELISION


def tallies_after(sentences: list[str], i: int, names_of: str | None = None) -> tuple[list[str], int, bool] | None:
    """For the sentence at ``i`` (it ends in a colon: "the voting was as follows:"), the vote that follows it: its
    tallies and outcome as fragments of the sentences after it, in reading order, with "…" between fragments that
    are not next to each other (and before the first when it does not open the next sentence); the position of the
    last sentence they come from; and whether the last fragment ends that sentence. ``names_of`` ("For",
    "Against", "Abstain"): that side's count comes with the names after it ("which councillors voted against?").
    None when fewer than ``MIN_TALLIES`` tallies follow (not a vote)."""
    # the sentences after ``i`` as one text, each at its offset, so that a fragment may run over a sentence break
    pieces = sentences[i + 1:]
    offsets = list(accumulate((len(sentence) + 1 for sentence in pieces[:-1]), initial=0))
    text = "\n".join(pieces)
    marks = sorted([(m.start(), m.end(), False) for m in TALLY.finditer(text)]
                   + [(m.start(), m.end(), True) for m in OUTCOME.finditer(text)])
    found: list[tuple[int, int]] = []
    for n, (start, end, outcome) in enumerate(marks):
        if names_of and not outcome and text[start:end].lower().startswith(names_of.lower()):
            end = marks[n + 1][0] if n + 1 < len(marks) else len(text)  # the side asked about: with its names
        found.append((start, end))
        if outcome:
            break
    if sum(1 for start, end, outcome in marks[: len(found)] if not outcome) < MIN_TALLIES:
        return None
    out: list[str] = []
    prev = 0  # where the text quoted so far ends (the colon sentence ends just before ``text``)
    for start, end in found:
        if text[prev:start].strip():
            out.append(ELISION)
        out.append(" ".join(text[start:end].split()))
        prev = end
    end = found[-1][1]
    last = bisect_right(offsets, end - 1) - 1  # the sentence the last fragment ends in
    return out, i + 1 + last, not text[end:offsets[last] + len(pieces[last])].strip()


def opens_vote(sentences: list[str], i: int) -> bool:
    """Whether the sentence at ``i`` may introduce a recorded vote: it ends in a colon ("the voting was as
    follows:"), or the next sentence opens with a tally (minutes that print "… as follows." / "For (33)")."""
    return sentences[i].rstrip().endswith(":") or i + 1 < len(sentences) and TALLY.match(sentences[i + 1].lstrip()) is not None


SIDES = (("Against", re.compile(r"\bagainst\b|\bopposed?\b", re.IGNORECASE)),
         ("Abstain", re.compile(r"\babstain\w*|\babstention", re.IGNORECASE)),
         ("For", re.compile(r"\bin favour\b|\bvoted for\b|\bsupported\b|\bbacked\b", re.IGNORECASE)))
_WHO = re.compile(r"^\s*who\b|\b(?:which|what|whose)\s+" + kinds.PEOPLE_MODIFIERS
                  + r"(?:councillors?|members?|names?)\b", re.IGNORECASE)


def side_named(question: str) -> str | None:
    """The side of a vote whose members a question asks for: "Which councillors voted against …?" -> "Against";
    None when it asks for no names."""
    if not _WHO.search(question):
        return None
    return next((side for side, words in SIDES if words.search(question)), None)
