"""Step 5c: a document's own abbreviations widen the keyword query for its paragraphs.

A report defines "emergency duty team (EDT)" once and then prints only "The EDT responds appropriately …"; a
question about the "emergency duty team" shares no word with that paragraph, and one about the "EDT" none with the
paragraphs that spell it out. Each candidate document's abbreviations are read as the tracker reads them
(text/abbreviations.py: the words before the brackets whose initials spell it), and where the question uses the
words, the abbreviation joins the keyword query for that document's paragraphs only: in another paper the letters
may stand for something else."""

from __future__ import annotations

from ..index.lexical import tokenize
from ..text.abbreviations import abbreviations as defined_abbreviations


def defined(texts) -> list[tuple[tuple[str, ...], str, str]]:
    """A document's abbreviations: (the words' stems, the abbreviation's stem, the abbreviation as printed), once
    each."""
    seen: dict[tuple[tuple[str, ...], str], str] = {}
    for text in texts:
        if "(" not in (text or ""):
            continue
        for words, short in defined_abbreviations(text):
            if not short.replace("&", "").isupper():
                continue  # the pair's other way round
            stems, abbr = tuple(tokenize([words])[0]), tokenize([short])[0]
            if len(stems) >= 2 and len(abbr) == 1:
                seen.setdefault((stems, abbr[0]), short)
    return [(stems, abbr, short) for (stems, abbr), short in seen.items()]


def _contains(tokens: list[str], run: tuple[str, ...]) -> bool:
    n = len(run)
    return any(tuple(tokens[i:i + n]) == run for i in range(len(tokens) - n + 1))


def other_forms(tokens: list[str], pairs) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    """For a document with abbreviations ``pairs``, each form the question uses with the other: (the stems it uses,
    the stems to add). An abbreviation whose words the question uses in order (``tokens``: its stems) brings the
    abbreviation. Not the other way: an abbreviation asked for bringing its words was measured and dropped, its words
    being common ones ("key", "performance", "indicator" for "KPIs"; tuning cited -1, quality log 2026-12-07)."""
    return list(dict.fromkeys((stems, (abbr,)) for stems, abbr, _short in pairs
                              if abbr not in tokens and _contains(tokens, stems)))
