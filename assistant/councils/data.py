"""Reading ``assistant/data/councils.tsv`` and the name normalisation every lookup shares."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "councils.tsv"
NATIONS = ("England", "Wales", "Scotland", "Northern Ireland")
COLUMNS = ("slug", "name", "official_name", "nation", "type", "childrens_services", "status", "successors",
           "common_word", "aliases", "county")


@dataclass(frozen=True)
class Council:
    slug: str  # stable filter key, as in corpus file names ("kent", "telford-wrekin")
    name: str  # display name ("Kent", "Bournemouth, Christchurch and Poole")
    official_name: str  # "Kent County Council"
    nation: str  # England, Wales, Scotland or Northern Ireland
    type: str  # county, unitary, metropolitan borough, London borough, district, Welsh principal area, ...
    childrens_services: bool  # runs children's social care (upper tier in England; all Welsh/Scottish councils)
    former: bool  # abolished; see successors
    successors: tuple[str, ...]  # slugs of the councils that took over (former councils only)
    common_word: bool  # the bare one-word name is also an ordinary word ("Reading", "Bury")
    aliases: tuple[str, ...]  # former names, Welsh/Gaelic names, short forms ("KCC", "Hull")
    county: str | None = None  # a district's county council (slug): Thanet is in Kent, which runs its children's services

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the council goes by: display, official, aliases."""
        return (self.name, self.official_name, *self.aliases)


def fold(text: str) -> str:
    """Accents off, curly quotes straight, one character for one (so positions in the text are kept)."""
    out = []
    for ch in text:
        if ch in "\u2018\u2019\u02bc`":
            out.append("'")
            continue
        base = unicodedata.normalize("NFKD", ch)[:1] if ord(ch) > 127 else ch
        out.append(base if base and not unicodedata.combining(base) else ch)
    return "".join(out)


def key(name: str) -> str:
    """Comparison form of a name: lower case, no accents or apostrophes, '&' and 'and' dropped, 'Saint' -> 'st',
    punctuation and hyphens as spaces ("King's Lynn & West Norfolk" -> "kings lynn west norfolk")."""
    text = fold(name).lower().replace("'", "").replace(".", "")
    words = re.sub(r"[^a-z0-9]+", " ", text.replace("&", " and ")).split()
    return " ".join("st" if w == "saint" else w for w in words if w != "and")


def _split(value: str) -> tuple[str, ...]:
    return tuple(x.strip() for x in value.split("|") if x.strip())


def _row(fields: list[str], line_no: int) -> Council:
    if len(fields) != len(COLUMNS):
        raise ValueError(f"{DATA.name} line {line_no}: expected {len(COLUMNS)} tab-separated columns, got {len(fields)}")
    row = dict(zip(COLUMNS, fields))
    if row["nation"] not in NATIONS:
        raise ValueError(f"{DATA.name} line {line_no}: unknown nation {row['nation']!r}")
    return Council(
        slug=row["slug"], name=row["name"], official_name=row["official_name"], nation=row["nation"],
        type=row["type"], childrens_services=row["childrens_services"] == "yes", former=row["status"] == "former",
        successors=_split(row["successors"]), common_word=row["common_word"] == "yes", aliases=_split(row["aliases"]),
        county=row["county"] or None,
    )


@lru_cache(maxsize=1)
def load() -> tuple[Council, ...]:
    """Every council in the data file, in file order (read once)."""
    rows = []
    lines = DATA.read_text(encoding="utf-8").splitlines()
    header_seen = False
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            if line.split("\t")[0] == "slug":
                continue
        rows.append(_row(line.split("\t"), n))
    return tuple(rows)


@lru_cache(maxsize=1)
def sharing() -> dict[str, tuple[Council, ...]]:
    """A name's comparison form -> the current councils that all go by it, for a name on more than one row (a trust
    that runs several councils' children's services: "Achieving for Children")."""
    out: dict[str, list[Council]] = {}
    for c in load():
        if not c.former:
            for name in dict.fromkeys(key(n) for n in c.names):
                out.setdefault(name, []).append(c)
    return {k: tuple(cs) for k, cs in out.items() if len(cs) > 1}


@lru_cache(maxsize=1)
def by_key() -> dict[str, Council]:
    """Every name's comparison form -> its council (current councils win over former ones on a clash)."""
    out: dict[str, Council] = {}
    for c in sorted(load(), key=lambda c: c.former, reverse=True):
        for name in c.names:
            out[key(name)] = c
    return out
