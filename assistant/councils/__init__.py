"""Council identity: every UK council's names, short forms, former names and slugs, from one data file
(``assistant/data/councils.tsv``). Code elsewhere asks this package instead of naming councils itself.

``resolve`` a name, ``find_mentions`` in a question, ``by_slug``/``slug_for``/``display_name`` for the filter keys
used in corpus file names (``kent_ofsted-...``, ``kent-cc_cabinet_...``: a suffix code names the same council)."""

from __future__ import annotations

import re
from functools import lru_cache

from .data import Council, by_key, fold, key, load, sharing

__all__ = [
    "SLUG_SUFFIXES",
    "Council",
    "acronyms",
    "all_councils",
    "by_slug",
    "covering",
    "kind_named",
    "display_name",
    "find_mentions",
    "key",
    "names_the_council",
    "resolve",
    "resolve_all",
    "slug_for",
]

# Slug endings for a council's name with its suffix written out ("kent-cc" = Kent County Council).
SLUG_SUFFIXES = {
    "cc": "County Council", "bc": "Borough Council", "dc": "District Council", "mbc": "Metropolitan Borough Council",
    "cbc": "County Borough Council", "city": "City Council", "council": "Council",
}
# Words around a place name that make it a council's name ("London Borough of Camden", "Wrexham Council").
_PREFIXES = ("the", "london borough of", "royal borough of", "borough of", "metropolitan borough of",
             "city and county of", "city of", "county of", "council of the", "council of",
             "cyngor bwrdeistref sirol", "cyngor sir", "cyngor dinas", "cyngor", "comhairle")
_SUFFIXES = ("metropolitan borough council", "metropolitan district council", "county borough council",
             "county council", "city council", "borough council", "district council", "council", "city",
             "corporation",
             # the kind of council without "Council", as people write it: "Wirral Borough", "Durham County"
             "metropolitan borough", "metropolitan district", "county borough", "borough", "district", "county")
_PREFIX_RE = (r"(?:the\s+)?(?:(?:London|Royal|Metropolitan)\s+)?Borough\s+of\s+|(?:the\s+)?City\s+and\s+County\s+of\s+"
              r"|(?:the\s+)?(?:City|County)\s+of\s+|(?:the\s+)?Council\s+of\s+(?:the\s+)?"
              r"|Cyngor\s+(?:Bwrdeistref\s+Sirol|Sir|Dinas)\s+|Cyngor\s+")
_SUFFIX_RE = (r"\s+(?:(?:Metropolitan\s+(?:Borough|District)|County\s+Borough|County|City|Borough|District)\s+)?"
              r"Council|\s+City(?![\w-])")
_SEP = r"(?:[\s,\-]+(?:and[\s,\-]+)?|[\s,\-]*&[\s,\-]*)"
_SENTENCE_END = ".!?:;\"(\u201c["
_PERSON_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady|Prof|Professor)\.?\s+$")


# who inspects councils' children's services outside England, where Ofsted does not (Ofsted: England only, under
# the Education and Inspections Act 2006; Wales: Care Inspectorate Wales, Regulation and Inspection of Social Care
# (Wales) Act 2016; Scotland: the Care Inspectorate, Public Services Reform (Scotland) Act 2010; Northern Ireland:
# the Regulation and Quality Improvement Authority, Health and Personal Social Services (Quality, Improvement and
# Regulation) (NI) Order 2003)
INSPECTORATES = {"Wales": "Care Inspectorate Wales", "Scotland": "the Care Inspectorate",
                 "Northern Ireland": "the Regulation and Quality Improvement Authority (RQIA)"}


def inspectorate_note(names: list[str]) -> str:
    """A sentence saying who inspects the children's services of the councils ``names`` that are not in England
    (Ofsted inspects England's only), or "" when all are English or unknown."""
    nations = sorted({c.nation for n in names if (c := resolve(n)) is not None and c.nation in INSPECTORATES})
    if not nations:
        return ""
    who = "; ".join(f"in {nation}, {INSPECTORATES[nation]}" for nation in nations)
    return f" Ofsted inspects councils' children's services in England only ({who} inspects them)."


def all_councils() -> tuple[Council, ...]:
    """Every council in the data, current and former."""
    return load()


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Every word of every council's names and of the nations, lower-cased ("london", "tyneside", "wales"): a
    word of a place the councils data knows, whether or not the documents print it."""
    return frozenset(w.lower() for c in load() for name in (*c.names, c.nation) for w in re.findall(r"[\w'’-]+", name))


@lru_cache(maxsize=1)
def _slugs() -> dict[str, Council]:
    return {c.slug: c for c in load()}


def by_slug(slug: str) -> Council | None:
    """The council with this slug; a slug with a suffix code ("kent-cc", "nottingham-city") finds its base."""
    slug = (slug or "").strip().lower()
    found = _slugs().get(slug)
    if found is None:
        base, _, code = slug.rpartition("-")
        if base and code in SLUG_SUFFIXES:
            found = _slugs().get(base)
    return found


def council_slug(slug: str) -> str:
    """The slug of the council whose documents are filed under ``slug``: its reports and its papers are one council's
    ("kent-cc" → "kent"); a slug of no known council as given."""
    council = by_slug(slug)
    return council.slug if council else slug


def resolve(name: str) -> Council | None:
    """The council a name refers to: display or official name, alias, former or Welsh/Gaelic name, with or without
    "Council", "County Council", "London Borough of", "City of"...; case, '&'/'and' and hyphens do not matter."""
    k = key(name or "")
    if not k:
        return None
    table = by_key()
    if k in table:
        return table[k]
    for pre in ("", *_PREFIXES):
        if pre and not k.startswith(pre + " "):
            continue
        core = k[len(pre) + 1:] if pre else k
        for suf in ("", *_SUFFIXES):
            if suf and not core.endswith(" " + suf):
                continue
            stripped = core[: -len(suf) - 1] if suf else core
            if stripped in table:
                return table[stripped]
    return None


def resolve_all(name: str) -> tuple[Council, ...]:
    """Every council a name refers to: the several a trust that runs their children's services is named for
    ("Achieving for Children": Kingston upon Thames, Richmond upon Thames, Windsor and Maidenhead), else the one
    ``resolve`` finds, else none."""
    shared = sharing().get(key(name or ""))
    if shared:
        return shared
    found = resolve(name)
    return (found,) if found is not None else ()


def slug_for(name: str) -> str:
    """Filter key for an organisation's name: the council's slug when the name is a council's (with the suffix
    code when the name spells one out: "Kent County Council" -> "kent-cc"), else the name lower-cased with hyphens."""
    name = " ".join((name or "").split())
    base, code = name, ""
    for c, words in SLUG_SUFFIXES.items():
        if c != "council" and len(words.split()) > 1 and name.lower().endswith(" " + words.lower()):
            base, code = name[: -len(words) - 1], c
            break
    council = resolve(base) if code else resolve(name)
    slug = council.slug if council else re.sub(r"[^a-z0-9]+", "-", fold(base).lower().replace("'", "")).strip("-")
    return f"{slug}-{code}" if code else slug


def display_name(slug: str) -> str | None:
    """A council slug's display name ("kent-cc" -> "Kent County Council"); None when no council has it."""
    slug = (slug or "").strip().lower()
    if slug in _slugs():
        return _slugs()[slug].name
    base, _, code = slug.rpartition("-")
    if base in _slugs() and code in SLUG_SUFFIXES:
        return f"{_slugs()[base].name} {SLUG_SUFFIXES[code]}"
    return None


@lru_cache(maxsize=1)
def acronyms() -> dict[str, str]:
    """Short forms written in capitals ("kcc" -> "KCC"), for title-casing text that contains them."""
    return {a.lower(): a for c in load() for a in c.aliases if a.isupper() and a.isalpha()}


def covering(council: Council) -> tuple[str, ...]:
    """The slugs of the councils whose area holds ``council``'s: a district's county (Thanet: Kent), a former
    council's successors (Corby: North Northamptonshire)."""
    return ((council.county,) if council.county else ()) + council.successors


# a kind of council a question may ask about across councils ("which London boroughs were judged outstanding?"), and
# the data's type for it
_KINDS_NAMED = (("London borough", re.compile(r"\bLondon (?:boroughs?|councils?|authorit(?:y|ies))\b|"
                                              r"\b(?:boroughs?|councils?|authorities) in London\b", re.IGNORECASE)),
                ("metropolitan borough", re.compile(r"\bmetropolitan (?:boroughs?|councils?|districts?)\b",
                                                    re.IGNORECASE)),
                ("county", re.compile(r"\bcounty councils\b|\bshire count(?:y|ies)\b", re.IGNORECASE)),
                ("unitary", re.compile(r"\bunitar(?:y|ies)\b(?: (?:councils?|authorit(?:y|ies)))?", re.IGNORECASE)))


def kind_named(question: str) -> str | None:
    """The type of council (the data's ``type``: "London borough", "metropolitan borough", "county", "unitary") a
    question asks about across councils; None when it names none."""
    return next((kind for kind, rx in _KINDS_NAMED if rx.search(question)), None)


def names_the_council(written: str) -> bool:
    """Whether a mention names the council itself ("Thanet District Council", "the Borough of Swale") rather than
    the place ("a family hub in Thanet")."""
    return bool(re.match(_PREFIX_RE, written, re.IGNORECASE) or re.search(f"(?:{_SUFFIX_RE})$", written, re.IGNORECASE))


def _alternative(k: str) -> str:
    parts = []
    for word in k.split():
        parts.append(r"(?:st\.?|saint)" if word == "st" else re.escape(word))
    return _SEP.join(parts)


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    keys = sorted(by_key(), key=lambda k: (-len(k), k))
    core = "|".join(_alternative(k) for k in keys)
    return re.compile(
        rf"(?<![\w&-])(?P<m>(?P<pre>{_PREFIX_RE})?(?P<core>{core})(?P<suf>{_SUFFIX_RE})?)(?P<poss>s)?(?![\w&-])",
        re.IGNORECASE,
    )


# the last word of a building's, a street's or a site's name: after a council's bare name, it names that place
# ("Blackburn Lodge", "Oxford Street", "Bristol Airport"), not the council
_PLACE_AFTER = re.compile(r"\s+(?:Lodge|House|Road|Street|Lane|Avenue|Way|Close|Court|Hall|Centre|Center|Hospital|Park|"
                          r"Station|Airport|Gardens|Square|Drive|Place|Terrace|Farm|Manor|Mill|Bridge|Crescent|Grove)\b")


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in _SENTENCE_END


def mentioned(text: str, slugs: set[str] | frozenset[str]) -> bool:
    """Whether ``text`` names one of the councils ``slugs`` (as ``find_mentions`` reads names: "North
    Northamptonshire" and "Northamptonshire Children's Trust" do not name Northamptonshire County Council)."""
    return any(c.slug in slugs for c, _, _, _ in find_mentions(text))


def find_mentions(text: str) -> list[tuple[Council, str, int, int]]:
    """Councils named in ``text``: (council, text as written, start, end), in order, longest name first where names
    overlap; a name several councils go by gives one mention of each, at the same place. A mention starts with a
    capital and does not follow a person's title ("Cllr Sutton"); a council whose bare name is an ordinary word
    ("Reading", "Bury") is not taken from that one word at the start of a sentence, only with "Council" etc. or
    elsewhere."""
    original = text or ""
    # apostrophes out so "King's Lynn"/"Kings Lynn" and "Kent's" read alike; keep where each character came from
    kept = [(i, ch) for i, ch in enumerate(fold(original)) if ch != "'"]
    folded = "".join(ch for _, ch in kept)
    where = [i for i, _ in kept]
    table = by_key()
    out: list[tuple[Council, str, int, int]] = []
    pos = 0
    pattern = _pattern()
    while True:
        m = pattern.search(folded, pos)
        if m is None:
            break
        start, end = where[m.start("m")], where[m.end("m") - 1] + 1
        council = table.get(key(m.group("core")))
        ok = council is not None and original[start].isupper()
        if ok and m.group("poss") and original[end: where[m.end("poss") - 1]].strip() != "'":
            ok = False  # "Kents" is not "Kent's"
        if ok and council.common_word and not (m.group("pre") or m.group("suf")) and " " not in key(m.group("core")) \
                and _sentence_start(original, start):
            ok = False
        if ok and _PERSON_TITLE.search(original[max(0, start - 12):start]):
            ok = False  # "Cllr Sutton", "Mr Bradford": a person
        if ok and not (m.group("pre") or m.group("suf") or m.group("poss")) and " " not in key(m.group("core")) \
                and _PLACE_AFTER.match(original[end:]):
            ok = False  # "Blackburn Lodge", "Durham Road": a building or a street named after the place
        if not ok:
            pos = m.start() + 1
            continue
        # a name several councils go by ("Northamptonshire Children's Trust") is a mention of each
        for each in sharing().get(key(m.group("core")), (council,)):
            out.append((each, original[start:end], start, end))
        pos = m.end()
    return out


# the words of a council's own name besides its place ("Royal Borough of", "County Council")
_COUNCIL_WORDS = frozenset("council county city borough metropolitan district london royal of the".split())


def own_names(names: list[str]) -> list[str]:
    """Of the organisation ``names`` a question gives, those that name the council itself: its name, official name or
    a one-word short form ("KCC", "Bucks"), and any organisation not a council. A name of several words with a word
    the council's own names lack is the trust or company that runs its children's services ("Achieving for
    Children"): the reports print it only where they say what it does (retrieval keeps it in the keyword query)."""
    out = []
    for name in names:
        words = key(name).split()
        found = resolve_all(name)
        own = {w for c in found for n in (c.name, c.official_name) for w in key(n).split()}
        if not found or len(words) < 2 or all(w in own or w in _COUNCIL_WORDS for w in words):
            out.append(name)
    return out
