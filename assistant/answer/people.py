"""Who the people a paragraph names are, as their own document says: minutes name a member once with their group or
office ("Mr Hook (Leader of the Liberal Democrat Group)", "Mr Oakford, Deputy Leader and Cabinet Member for
Finance, …") and afterwards by name alone ("Mr Hook proposed … the following amendment"). A question that names
the group or office ("the Liberal Democrat amendment") is about that paragraph all the same."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..text.authors import author_asked, author_block

# a member by title and surname: "Mr Hook", "Mrs S Hamilton", "Cllr Brady"
_PERSON = r"(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][\w'’-]+"
_NAMED = re.compile(rf"\b{_PERSON}\b")
# the person with their group or office beside the name: in brackets, or after a comma as an office
_DESCRIBED = re.compile(
    rf"\b(?P<who>{_PERSON})\s*(?:\((?P<bracketed>[^()]{{3,120}})\)|,\s+(?P<office>(?:the\s+)?(?:Leader|Deputy Leader|"
    r"Cabinet Member|Chair(?:man)?|Vice[- ]Chair(?:man)?|Chief Executive|Director|Corporate Director|Member)\b"
    r"[^,.;()]{0,100}))")


def _key(person: str) -> str:
    """"Mr Hook", "Mr. R Hook" -> "hook" (a member is named by title and surname, with or without initials)."""
    return person.split()[-1].lower()


def descriptions(texts: Iterable[str]) -> dict[str, list[str]]:
    """Each person's descriptions in a document's paragraphs, by surname."""
    out: dict[str, list[str]] = {}
    for text in texts:
        for m in _DESCRIBED.finditer(text):
            said = m.group("bracketed") or m.group("office")
            seen = out.setdefault(_key(m.group("who")), [])
            if said not in seen:
                seen.append(said)
    return out


def described(text: str, people: dict[str, list[str]]) -> str:
    """What the document says of the people ``text`` names (their groups and offices), as one text."""
    keys = dict.fromkeys(_key(m.group(0)) for m in _NAMED.finditer(text))
    return " ".join(d for key in keys for d in people.get(key, ()))


def names_author(text: str, question: str) -> bool:
    """Whether ``text`` answers a question asking who wrote a paper (or whom to contact about it) with the paper's
    own author (or contact) block: "Report Author Nick Abrahams Assistant Director …" names its author, untitled
    and without a colon as it is. A "From:" line names the paper's sponsors, who present it, not its author."""
    kind = author_asked(question)
    return kind is not None and author_block(text, kind)


def authors_quoted(question: str, quoted: list[str]) -> set[int]:
    """Which of the ``quoted`` texts (a citation's quoted sentences each) give the author (or contact) block asked
    for (names_author): they lead the answer."""
    return {i for i, text in enumerate(quoted) if names_author(text, question)}
