"""Metadata from a conforming file name, ``<org>_<type-or-committee>_<YYYY-MM-DD>[_<title>]``, and the names
and words it is made of (council display names and slugs, capitalisation)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ... import councils

ORG_SUFFIXES = councils.SLUG_SUFFIXES  # "kent-cc": Kent County Council
SMALL_WORDS = {"and", "of", "upon", "on", "with", "the", "in", "for", "to", "at", "by", "a", "an", "under"}
UPPER_WORDS = {"st": "St", "cyp": "CYP", "send": "SEND", "sen": "SEN", "nhs": "NHS", "ilacs": "ILACS",
               "mash": "MASH", "eqia": "EqIA", "dpia": "DPIA", "mtfp": "MTFP", "q1": "Q1", "q2": "Q2", "q3": "Q3",
               "q4": "Q4", "jhosc": "JHOSC", "hosc": "HOSC", "ofsted": "Ofsted", "uasc": "UASC", "ehcp": "EHCP",
               "camhs": "CAMHS", "ics": "ICS", "dsg": "DSG", "la": "LA", "lscb": "LSCB", **councils.acronyms()}
NAME_RE = re.compile(
    r"^(?P<org>[a-z0-9]+(?:-[a-z0-9]+)*)_(?P<kind>[a-z0-9]+(?:-[a-z0-9]+)*)_(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:_(?P<title>.+))?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NameParts:
    """What a conforming file name says: ``<org>_<type-or-committee>_<YYYY-MM-DD>[_<title>]``."""

    org_slug: str
    kind: str
    date: str
    title: str | None


def parse_file_name(file_name: str) -> NameParts | None:
    """``medway_ofsted-childrens-services_2019-08-27.pdf`` -> NameParts; None when the name does not conform."""
    m = NAME_RE.match(Path(file_name).stem)
    if not m or not _valid_date(m.group("date")):
        return None
    return NameParts(m.group("org").lower(), m.group("kind").lower(), m.group("date"), m.group("title"))


def org_display_name(slug: str) -> str:
    """``barking-and-dagenham`` -> ``Barking and Dagenham``; ``kent-cc`` -> ``Kent County Council``."""
    slug = slug.lower()
    known = councils.display_name(slug)
    if known:
        return known
    base, _, suffix = slug.rpartition("-")
    if base and suffix in ORG_SUFFIXES:
        return f"{org_display_name(base)} {ORG_SUFFIXES[suffix]}"
    text = " ".join(_cap(w, i) for i, w in enumerate(slug.split("-")))
    return re.sub(r"(?<=\w) on (?=\w)", "-on-", text)  # Stoke-on-Trent, Southend-on-Sea, Stockton-on-Tees


def org_slug_for(organisation: str) -> str:
    """Filter key for a display name: the council's slug when it names one, else lowercase with hyphens."""
    return councils.slug_for(organisation)


def _valid_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _humanise(slug: str) -> str:
    words: list[str] = []
    prev = ""
    for token in re.split(r"([-_\s]+)", slug.strip("-_ ")):
        if token and not re.fullmatch(r"[-_\s]+", token):
            if words and token.isdigit() and words[-1].replace("-", "").isdigit() and prev == "-":
                words[-1] += "-" + token  # 2024-25, 24-00093
            else:
                words.append(token)
        prev = token
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        if low in UPPER_WORDS:
            out.append(UPPER_WORDS[low])
        elif i == 0:
            out.append(low.capitalize())
        else:
            out.append(low)
    return " ".join(out)


def _cap(word: str, index: int) -> str:
    low = word.lower()
    if low in UPPER_WORDS and low not in ("send", "la"):
        return UPPER_WORDS[low]
    if index > 0 and low in SMALL_WORDS:
        return low
    return "-".join(p[:1].upper() + p[1:] for p in low.split("-"))
