"""Local-government glossary: expands abbreviations and terms of art into the words reports use.

The vocabulary is data (``data/glossary.tsv``), each entry naming its source; nothing in it is written for a
particular question."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

GLOSSARY_FILE = Path(__file__).resolve().parents[1] / "data" / "glossary.tsv"
# lay phrases for children's social care ("home schooling") -> the words inspection reports use ("electively home
# educated"): applied only to a search restricted to inspection reports (see expand)
LAY_TERMS_FILE = Path(__file__).resolve().parents[1] / "data" / "lay_terms.tsv"


def _read(path: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, expansion, _source = line.split("\t")
        out[term.strip()] = expansion.strip()
    return out


@lru_cache(maxsize=1)
def glossary() -> dict[str, str]:
    """term (as written in the data: capitals for abbreviations) -> words the documents use for it."""
    return _read(GLOSSARY_FILE)


@lru_cache(maxsize=1)
def lay_terms() -> dict[str, str]:
    """lay phrase -> the words inspection reports use for it."""
    return _read(LAY_TERMS_FILE)


def _pattern(term: str) -> re.Pattern[str]:
    # an abbreviation (a term with capitals, like "SEND" or "EqIA") matches only as written, with an optional
    # plural: "SEND", not "send"; "PA", not "pa"
    if any(c.isupper() for c in term):
        return re.compile(r"(?<![\w-])" + re.escape(term) + r"s?(?![\w-])")
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", re.I)


@lru_cache(maxsize=2)
def _patterns(lay: bool = False) -> list[tuple[re.Pattern[str], str]]:
    terms = sorted(glossary().items(), key=lambda kv: -len(kv[0]))
    if lay:
        terms += sorted(lay_terms().items(), key=lambda kv: -len(kv[0]))
    return [(_pattern(k), v) for k, v in terms]


@lru_cache(maxsize=1)
def _lay_stems() -> list[tuple[tuple[str, ...], str]]:
    """Each lay phrase of two or more distinct word stems, as its stems, with the reports' words for it."""
    from ..index.lexical import tokenize

    phrases = list(lay_terms().items())
    out = []
    for (_, v), stems in zip(phrases, tokenize([k for k, _ in phrases])):
        if len(set(stems)) >= 2:
            out.append((tuple(dict.fromkeys(stems)), v))
    return out


@lru_cache(maxsize=256)  # each search of inspection reports expands its question twice (its vector, its keywords)
def _lay_phrases_reworded(query: str) -> tuple[str, ...]:
    """The reports' words for the lay phrases ``query`` says in its own order or with words between: "how are
    children listened to?" says "listening to children", "a case that went before the court" says "before court"
    (every stem of a phrase of two or more within a few words of one another)."""
    from ..index.lexical import tokenize

    tokens = tokenize([query])[0]
    out = []
    for stems, v in _lay_stems():
        span = len(stems) + 3
        at = [i for i, t in enumerate(tokens) if t == stems[0]]
        if any(set(stems) <= set(tokens[max(0, i - span + 1): i + span]) for i in at):
            out.append(v)
    return tuple(out)


def expand(query: str, lay: bool = False) -> str:
    """The query followed by the glossary words for the terms it contains (words already in the query are not
    repeated: a repeated word would count twice in the keyword score). With ``lay``, for a search restricted to
    inspection reports, also the reports' words for the lay phrases it contains ("going back home":
    reunification); over all documents those pulled committee questions towards other papers (quality log)."""
    return _expanded(query, bool(lay))


@lru_cache(maxsize=256)  # a search expands its question twice, for its vector and for its keywords
def _expanded(query: str, lay: bool) -> str:
    asked = {w.lower() for w in re.findall(r"[\w'-]+", query)}
    extra = []
    found = [v for pat, v in _patterns(lay) if pat.search(query)]
    for v in found + (list(_lay_phrases_reworded(query)) if lay else []):
        new = [w for w in v.split() if w.lower() not in asked]
        asked.update(w.lower() for w in new)
        if new:
            extra.append(" ".join(new))
    return f"{query} ({'; '.join(dict.fromkeys(extra))})" if extra else query
