"""A recorded vote in a council's minutes, quoted by its tallies and its outcome.

Minutes record a vote as "… the voting was as follows:" and then each side's count and the names of the members
who voted that way, and the outcome: "For (37) Mr Baker, Mr Brady, … Against (0) Abstain (2) Ms Constantine,
Ms Meade Substantive Motion carried." The names run to hundreds of words, so a quote of whole sentences stopped
at "For (37)", and a reader saw the votes for an amendment and not that it was lost. The tallies and the outcome
are what "how did the vote go?" asks; the names are left out with "…" where they stand between them. Every
fragment is the paragraph's own text.
"""

from __future__ import annotations

from ..parse.minutes import OUTCOME, TALLY
from ..records import ELISION

MIN_TALLIES = 2  # a vote has at least two sides; one "For (3)" alone may be anything


def tallies_after(sentences: list[str], i: int) -> tuple[list[str], int, bool] | None:
    """For the sentence at ``i`` (it ends in a colon: "the voting was as follows:"), the vote that follows it: its
    tallies and outcome as fragments of the sentences after it, in reading order, with "…" between fragments that
    are not next to each other (and before the first when it does not open the next sentence); the position of the
    last sentence they come from; and whether the last fragment ends that sentence. None when fewer than
    ``MIN_TALLIES`` tallies follow (not a vote)."""
    found: list[tuple[int, int, int]] = []  # (sentence, start, end) of each fragment
    tallies = 0
    for j in range(i + 1, len(sentences)):
        matches = sorted([(m.start(), m.end(), False) for m in TALLY.finditer(sentences[j])]
                         + [(m.start(), m.end(), True) for m in OUTCOME.finditer(sentences[j])])
        done = False
        for start, end, outcome in matches:
            found.append((j, start, end))
            tallies += not outcome
            if outcome:
                done = True
                break
        if done:
            break
    if tallies < MIN_TALLIES:
        return None
    out: list[str] = []
    prev: tuple[int, int] = (i, len(sentences[i]))  # where the text quoted so far ends
    for j, start, end in found:
        joined = (j == prev[0] and not sentences[j][prev[1]:start].strip()) \
            or (j == prev[0] + 1 and not sentences[prev[0]][prev[1]:].strip() and not sentences[j][:start].strip())
        if not joined:
            out.append(ELISION)
        out.append(sentences[j][start:end].strip())
        prev = (j, end)
    last, end = found[-1][0], found[-1][2]
    return out, last, not sentences[last][end:].strip()
