"""Kinds of committee paper a question names ("according to the equality assessment", "the Cabinet agenda"),
read from ``data/genres.tsv`` (general ModernGov and local-government vocabulary, each kind with its source), and
whether a document's title is of that kind."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

GENRES_FILE = Path(__file__).resolve().parents[1] / "data" / "genres.tsv"


@lru_cache(maxsize=1)
def _genres() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    out = []
    for line in GENRES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, asked, titled, _source = line.split("\t")
        out.append((kind, re.compile(asked, re.IGNORECASE), re.compile(titled, re.IGNORECASE)))
    return tuple(out)


def named_genres(question: str) -> list[str]:
    """The kinds of paper ``question`` names, in the data's order ("equality impact assessment")."""
    return [kind for kind, asked, _ in _genres() if asked.search(question)]


def of_genre(title: str | None, kind: str) -> bool:
    """Whether a document titled ``title`` is a paper of ``kind``."""
    return bool(title) and any(k == kind and titled.search(title) for k, _, titled in _genres())


def names_genre(text: str, kind: str) -> bool:
    """Whether ``text`` names a paper of ``kind`` as a question would ("the equality impact assessment")."""
    return any(k == kind and asked.search(text) for k, asked, _ in _genres())
