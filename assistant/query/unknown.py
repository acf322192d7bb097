"""Names a question gives that no indexed document prints: "How did Ofsted grade Narnia in 2023?", "what about
caseloads in Atlantis?". A place or body the documents never name is one they say nothing about; the answer says
so rather than quoting another council's report (a council's name, known or not, is query/implied.py's to read)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import councils
from ..text.dates import MONTHS_PATTERN

# a capitalised word that does not open the question or a sentence of it: "… grade Narnia …", "… in Atlantis?"
_CAPITALISED = re.compile(r"(?<=[\s(“\"‘'])(?<![.?!:;]\s)([A-Z][a-z]+(?:[-'’][A-Za-z]+)*)(?![\w-])")
_NOT_NAMES = re.compile(rf"^(?:{MONTHS_PATTERN}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|I|Mr|Mrs|Ms|"
                        r"Miss|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady)$", re.IGNORECASE)


def unknown_names(question: str, knows: Callable[[str], bool]) -> list[str]:
    """The capitalised words of ``question`` (not its first, a month, a day, a title or a word of a council's or
    nation's name: "Which London boroughs …?" names a kind of council) that ``knows`` finds in no indexed document,
    in the question's order; a possessive is read without its "'s"."""
    out: list[str] = []
    for m in _CAPITALISED.finditer(question):
        word = re.sub(r"['’]s$", "", m.group(1))
        if _NOT_NAMES.match(word) or word in out or word.lower() in councils.name_words():
            continue
        if not knows(word):
            out.append(word)
    return out
