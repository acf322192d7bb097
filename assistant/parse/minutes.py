"""Minutes: find minute headings ("283. Apologies for Absence" above "(Item 1)") and the paragraph style."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Protocol

from .numbering import match_number

_ITEM = re.compile(r"^\(\s*Item\s*(\d+[a-z]?)\s*\)\s*$", re.IGNORECASE)
_MINUTE_NO = re.compile(r"^(\d{1,4})\.?\s+\S")


class _LineLike(Protocol):
    text: str
    blank_before: bool  # a blank line (a paragraph gap) above it


def find_minute_headings(lines: list[_LineLike]) -> dict[int, str]:
    """Map line index -> minute label for every line that belongs to a minute heading.

    The label is the printed minute number ("283"), or "Item 4" where the minutes print none.
    Only documents with at least two "(Item N)" lines are treated as minutes.
    """
    items = [i for i, ln in enumerate(lines) if _ITEM.match(ln.text.strip())]
    if len(items) < 2:
        return {}
    heads: dict[int, str] = {}
    for i in items:
        item_no = _ITEM.match(lines[i].text.strip()).group(1)  # type: ignore[union-attr]
        label = f"Item {item_no}"
        start = i
        for j in range(i - 1, max(-1, i - 4), -1):
            t = lines[j].text.strip()
            if j in heads or t.endswith((".", ";")) and not _MINUTE_NO.match(t):
                break
            if lines[j + 1].blank_before and j + 1 < i:
                break  # a gap above the title: what is above it ends the minute before
            m = _MINUTE_NO.match(t)
            start = j
            if m and int(m.group(1)) > 3 and not t.endswith("."):
                label = m.group(1)
                break
            if len(t) > 90:
                break
        for j in range(start, i + 1):
            heads[j] = label
    return heads


def dominant_style(lines: list[_LineLike], heads: dict[int, str]) -> str | None:
    """The numbering style minute paragraphs use ("dot", "close" or "paren"): the one that counts highest.

    Motions and resolutions inside a minute use short lists in another style ("(1) Endorse ...").
    """
    if not heads:
        return None
    best: dict[str, int] = defaultdict(int)
    for i, ln in enumerate(lines):
        if i in heads:
            continue
        num = match_number(ln.text.strip())
        if num and num.style in ("dot", "close", "paren") and num.parts[0] < 200:
            best[num.style] = max(best[num.style], num.parts[0])
    return max(best, key=best.get) if best else None  # type: ignore[arg-type]


# A recorded vote: after "… put the motion to the vote and the voting was as follows:", each side's count ("For
# (37)", "Against (0)", "Abstain (2)"), the names of those who voted so, and the outcome ("Motion carried.",
# "Amendment lost."); or "… put the amendment to the vote and it was agreed."
TALLY = re.compile(r"\b(?:For|Against|Abstain(?:ed|ing)?|Abstentions?)\s*\(\s*\d+\s*\)")
OUTCOME = re.compile(r"\b(?:(?:Substantive|Original|Amended)\s+)?(?:Motion|Amendment|Recommendations?|Proposals?)"
                     r"(?:\s+as\s+amended)?\s+(?:was\s+)?(?:carried|lost|fell|defeated|agreed|approved|rejected)\b\.?",
                     re.IGNORECASE)
TO_THE_VOTE = re.compile(r"\bto the vote\b", re.IGNORECASE)
MIN_TALLIES = 2  # a vote has at least two sides; one "For (3)" alone may be anything
_AGREED = re.compile(r"\bto the vote\b.{0,40}\b(?:agreed|carried|lost)\b", re.IGNORECASE)


def records_vote(text: str) -> bool:
    """Whether ``text`` records how a vote went: "… to the vote" with two sides' counts or the outcome, or "… to the
    vote and it was agreed". The lead-in alone ("the voting was as follows:") does not."""
    if not TO_THE_VOTE.search(text):
        return False
    return len(TALLY.findall(text)) >= MIN_TALLIES or bool(OUTCOME.search(text)) or bool(_AGREED.search(text))


def without_voters(text: str) -> str:
    """A recorded vote without the names of those who voted: the text up to its first count, then each count and the
    outcome ("… the voting was as follows: For (14) Against (45) Abstain (4) Amendment lost."), for its vector. The
    names, a hundred or more, make a vote read like a list of members, not like what was decided. ``text``
    unchanged when it records no vote with counts."""
    tallies = list(TALLY.finditer(text))
    if len(tallies) < MIN_TALLIES or not TO_THE_VOTE.search(text[: tallies[0].start()]):
        return text
    outcome = OUTCOME.search(text, tallies[-1].end())
    kept = [text[: tallies[0].end()].rstrip()] + [m.group(0) for m in tallies[1:]]
    if outcome:
        kept.append(outcome.group(0))
    return " ".join(kept)
