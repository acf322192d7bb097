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


def expand(query: str, lay: bool = False) -> str:
    """The query followed by the glossary words for the terms it contains (words already in the query are not
    repeated: a repeated word would count twice in the keyword score). With ``lay``, for a search restricted to
    inspection reports, also the reports' words for the lay phrases it contains ("going back home":
    reunification); over all documents those pulled committee questions towards other papers (quality log)."""
    asked = {w.lower() for w in re.findall(r"[\w'-]+", query)}
    extra = []
    for pat, v in _patterns(lay):
        if pat.search(query):
            new = [w for w in v.split() if w.lower() not in asked]
            asked.update(w.lower() for w in new)
            if new:
                extra.append(" ".join(new))
    return f"{query} ({'; '.join(dict.fromkeys(extra))})" if extra else query
