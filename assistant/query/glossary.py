"""Local-government glossary: expands abbreviations and terms of art into the words reports use.

The vocabulary is data (``data/glossary.tsv``), each entry naming its source; nothing in it is written for a
particular question."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

GLOSSARY_FILE = Path(__file__).resolve().parents[1] / "data" / "glossary.tsv"


@lru_cache(maxsize=1)
def glossary() -> dict[str, str]:
    """term (as written in the data: capitals for abbreviations) -> words the documents use for it."""
    out: dict[str, str] = {}
    for line in GLOSSARY_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, expansion, _source = line.split("\t")
        out[term.strip()] = expansion.strip()
    return out


def _pattern(term: str) -> re.Pattern[str]:
    # an abbreviation (a term with capitals, like "SEND" or "EqIA") matches only as written, with an optional
    # plural: "SEND", not "send"; "PA", not "pa"
    if any(c.isupper() for c in term):
        return re.compile(r"(?<![\w-])" + re.escape(term) + r"s?(?![\w-])")
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", re.I)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], str]]:
    return [(_pattern(k), v) for k, v in sorted(glossary().items(), key=lambda kv: -len(kv[0]))]


def expand(query: str) -> str:
    """The query followed by the glossary words for the terms it contains (words already in the query are not
    repeated: a repeated word would count twice in the keyword score)."""
    asked = {w.lower() for w in re.findall(r"[\w'-]+", query)}
    extra = []
    for pat, v in _patterns():
        if pat.search(query):
            new = [w for w in v.split() if w.lower() not in asked]
            asked.update(w.lower() for w in new)
            if new:
                extra.append(" ".join(new))
    return f"{query} ({'; '.join(dict.fromkeys(extra))})" if extra else query
