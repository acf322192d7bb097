"""Topic tags and topic matching: a small lexicon of scrutiny topics, plus loose word matching for anything else."""

from __future__ import annotations

import os
import re

from ..index.lexical import stemmer
from ..text.abbreviations import CONNECTORS as _CONNECTORS
from ..text.abbreviations import abbreviations

# who carries a caseload: a social worker, practitioner, personal adviser or case-holding post
_SOCIAL_WORK = r"\b(?:social work|practitioner|personal adviser|case[- ]?holding|case ?worker)"
# label -> pattern (case-insensitive); the first label is the main one when several match
TOPICS: dict[str, str] = {
    "step-down": r"\bstep(?:s|ped|ping)?[\s-]+(?:\w+[\s-]+){0,3}?down\b|\bstep-?down\b",
    # social workers' caseloads: "workload" only in a sentence about social workers (a highways team's workload, an
    # active travel scheme's, is not a caseload)
    "caseloads": rf"\bcase\s?loads?\b|\bcases per (?:\w+ )?worker\b|\bworkloads?\b(?=[^.]{{0,120}}{_SOCIAL_WORK})|"
                 rf"{_SOCIAL_WORK}[^.]{{0,120}}\bworkloads?\b",
    "recruitment and retention": r"\brecruit\w*|\bretention\b|\bvacanc\w+|\bagency (?:staff|social workers|managers)\b",
    "workforce and staffing": r"\bworkforce\b|\bstaffing\b|\bsocial work posts\b|\bcapacity\b",
    "early help": r"\bearly help\b",
    "management oversight": r"\bmanagement oversight\b|\bsupervision\b|\boversight\b",
    "quality assurance and audit": r"\bquality assurance\b|\baudits?\b",
    "assessment and planning": r"\bassessments?\b|\bplans?\b|\bplanning\b",
    "thresholds and front door": r"\bthresholds?\b|\bMASH\b|\bfront door\b|\bsingle point of access\b|\breferrals?\b",
    "exploitation and missing": r"\bexploitation\b|\bgo(?:es)? missing\b|\bmissing (?:from|episode|incidents)\b",
    "neglect and domestic abuse": r"\bneglect\b|\bdomestic abuse\b",
    "permanence": r"\bpermanen\w+|\badopt\w+|\bspecial guardianship\b",
    "care leavers": r"\bcare leavers?\b|\bleaving care\b|\bpathway plans?\b",
    "children in care": r"\bchildren in care\b|\blooked after\b|\bfoster\w*\b|\bplacements?\b|\bcorporate parent\w*",
    "health": r"\bhealth\b|\bCAMHS\b",
    "education": r"\beducation\b|\bvirtual school\b|\bschools?\b|\bSEND\b|\bEHCP?s?\b",
    "transitions": r"\btransitions?\b|\badulthood\b",
    "disabled children": r"\bdisab\w+",
    "leadership and governance": r"\bleaders(?:hip)?\b|\bgovernance\b|\bimprovement (?:board|plan)\b|\bcommissioner\b",
    "finance": r"\bbudgets?\b|\bfinancial\b|\bfunding\b|£",
    "covid": r"\bcovid\b|\bcoronavirus\b|\bpandemic\b",
}
_COMPILED = {k: re.compile(v, re.IGNORECASE) for k, v in TOPICS.items()}
ALIASES = {
    "stepdown": "step-down", "step down": "step-down", "stepping down": "step-down",
    "caseload": "caseloads",
    "recruitment": "recruitment and retention", "retention": "recruitment and retention",
    "vacancies": "recruitment and retention", "staffing": "workforce and staffing", "workforce": "workforce and staffing",
    "oversight": "management oversight", "supervision": "management oversight",
    "audit": "quality assurance and audit", "quality assurance": "quality assurance and audit",
    "exploitation": "exploitation and missing", "missing": "exploitation and missing",
    # the phrases for children who go missing, which a report writes "go missing" or "missing episodes"
    "missing from home": "exploitation and missing", "missing from care": "exploitation and missing",
    "going missing": "exploitation and missing", "missing episodes": "exploitation and missing",
    "neglect": "neglect and domestic abuse", "domestic abuse": "neglect and domestic abuse",
    "adoption": "permanence", "leaving care": "care leavers", "care leaver": "care leavers",
    "looked after children": "children in care", "foster care": "children in care",
    "budget": "finance", "money": "finance", "leadership": "leadership and governance",
    "governance": "leadership and governance", "thresholds": "thresholds and front door", "mash": "thresholds and front door",
}
# the topics a typed topic is matched by the lexicon for: those whose patterns are ways of printing the same thing
# ("stepped down", "case loads", "cases per worker", "go missing"). Any other topic typed, an alias of a wider
# category included ("supervision", "exploitation", "budget"), is matched by its own words: a category's other
# words ("oversight", "missing", "funding") would admit records that never say what was asked.
_PRINTED_AS = {"step-down": TOPICS["step-down"], "caseloads": TOPICS["caseloads"],
               "missing": r"\bgo(?:es|ing)? missing\b|\bmissing (?:from|episode|incidents)\b"}
_SAME_THING = {"stepdown": "step-down", "step down": "step-down", "stepping down": "step-down",
               "caseloads": "caseloads", "caseload": "caseloads", "missing from home": "missing",
               "missing from care": "missing", "going missing": "missing", "missing episodes": "missing"}
_STOP = {"the", "and", "of", "to", "in", "for", "on", "a", "an", "about", "with", "by", "at", "or"}


def tag(text: str, limit: int = 3) -> str | None:
    """The topics a text is about, most specific first ('step-down, early help'), or None."""
    found = [k for k, rx in _COMPILED.items() if rx.search(text)]
    return ", ".join(found[:limit]) if found else None


def _canonical(topic: str) -> str | None:
    t = re.sub(r"\s+", " ", topic.lower().strip().replace("-", " ")).strip()
    for key in TOPICS:
        if t == key.replace("-", " "):
            return key
    return ALIASES.get(t) or ALIASES.get(topic.lower().strip())


def _stem(word: str) -> str:
    """A word's first five letters, of its singular where it is a short plural: "hubs" matches "Family Hub Grant" as
    "cases" matches "case" ("fitness", "bus" and "analysis" keep their s)."""
    if len(word) >= 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return word[:5]


def _stems(topic: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z0-9]+", topic.lower()) if w not in _STOP]


def blank(topic: str) -> bool:
    """Whether TOPIC gives nothing to match ("", "  ", "???", "the"): its matcher would take every text."""
    return not _canonical(topic) and not _stems(topic)


MIN_TOPIC = 3  # letters and digits a topic needs: "x" would match "X (formerly Twitter)" and "Explore Kent"


def too_short(topic: str) -> bool:
    """Whether TOPIC has words but under MIN_TOPIC letters and digits in all ("x", "a b"): too little to look for."""
    return not blank(topic) and len(re.sub(r"[^a-z0-9]", "", topic.lower())) < MIN_TOPIC


def short_topic_line(topic: str, name: str = "the topic") -> str:
    """The one line that refuses a topic too short to look for."""
    return f"Give {name} at least {MIN_TOPIC} letters to look for: {topic.strip()!r} is too short."


def matcher(topic: str, defined: dict[str, set[str]] | None = None, loose: bool = False):
    """A predicate text -> bool for TOPIC. Typed, its words as a phrase (``phrase``), or the lexicon's ways of printing
    the same thing for step-down, caseloads and children going missing (``_PRINTED_AS``); with LOOSE (a question's
    subject words, not a topic typed as such) its category's lexicon pattern, else all its word stems anywhere. A
    topic given as an acronym the documents define (``defined``, from ``definitions``) also matches the name it
    stands for, by its word stems ("JHOSC": "Joint … Overview & Scrutiny Committee", which the name read from the
    definition gives without its "Health" and "and")."""
    own = _matcher(topic, loose)
    names = [_matcher(name, loose=True) for name in _spelled_out(topic, defined)]
    if not names:
        return own
    return lambda text: own(text) or any(m(text) for m in names)


def is_category(label: str | None) -> bool:
    """Whether a record's topic is the lexicon's category tag ("management oversight, early help"), not a label of
    its own (a risk register's risk, "Caseloads")."""
    return bool(label) and all(t.strip() in TOPICS for t in label.split(","))


# a topic typed as an abbreviation, in capitals (an optional plural "s"): "SEND", "EHCP", "MASH", "UASC"
_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9&]{1,6}s?")


def _matcher(topic: str, loose: bool = False):
    # a question's subject (LOOSE) by its category's lexicon; a typed topic by its own words (``_PRINTED_AS``)
    key = _canonical(topic) if loose else _SAME_THING.get(re.sub(r"\s+", " ", topic.lower().replace("-", " ").strip()))
    if key:
        rx = re.compile(_PRINTED_AS[key], re.IGNORECASE) if not loose else _COMPILED[key]
        return lambda text: bool(rx.search(text or ""))
    if not loose and _ABBREVIATION.fullmatch(topic.strip()):  # "SEND", "EHCPs": as printed, not the verb "send"/"sent"
        rx = re.compile(r"(?<![\w-])" + re.escape(topic.strip().removesuffix("s")) + r"s?(?![\w-])")
        return lambda text: bool(rx.search(text or ""))
    stems = _stems(topic)
    if not stems:
        return lambda text: True
    if loose:
        pats = [re.compile(rf"\b{re.escape(s)}", re.IGNORECASE) for s in stems]
        return lambda text: all(p.search(text or "") for p in pats)
    rx = phrase(topic)
    if _canonical(topic) and len(rx.words) == 1:  # a children's-services word of the lexicon, in that sense only
        return lambda text: bool(rx.search_in_order(text or "", skip=_procedural))
    return lambda text: bool(rx.search(text or ""))


# what a council formally takes on, adopts or approves: a document, a policy or a way of working (the objects of
# "adopt"/"adoption of" in committee papers and inspection reports: "adopt the amended Constitution", "the adoption
# of this delivery plan", "adopted a systemic practice model", "adopt a whole-family approach")
_INSTRUMENTS = ("plans?|strateg(?:y|ies)|polic(?:y|ies)|constitution|approach(?:es)?|models?|frameworks?|codes?|"
                "schemes?|protocols?|procedures?|principles?|standards?|measures?|positions?|charters?|passports?|"
                "budgets?|motions?|recommendations?|reports?|documents?|statements?|visions?|methods?|"
                "methodolog(?:y|ies)|terms of reference|standing orders|guidance|toolkits?|programmes?")
# a topic word followed by the instrument it takes on, within its clause ("adoption of the Plan", "adopted the
# Kent Minerals and Waste Local Plan", "early adopter of the Early Career Framework"): the procedural verb or noun,
# not the children's-services one (a child's adoption, "adoption of the child", "adopters")
_PROCEDURAL_OBJECT = re.compile(rf"(?:\s+of)?\s+(?:the|this|that|these|a|an|its|our|their)\s+"
                                rf"(?:(?!(?:the|an?|their|child|children|young|bab(?:y|ies)|siblings?)\b)[\w’'‘-]+\s+){{0,6}}?"
                                rf"(?:{_INSTRUMENTS})\b", re.IGNORECASE)


def _procedural(text: str, m: re.Match[str]) -> bool:
    """Whether the topic word matched at M is used procedurally: followed by the document or way of working it takes
    on (``_PROCEDURAL_OBJECT``), not naming the children's-services thing."""
    return bool(_PROCEDURAL_OBJECT.match(text, m.end()))


# what may stand between a phrase's words as printed: spaces, a hyphen or dash, a slash ("home-to-school", "family
# hub/s", a name broken over a line)
_BETWEEN = r"[\s\-\u2010-\u2014/]+"
# past forms the stemmer does not bring to their verb's stem ("overspent" is "overspend"'s): word ending -> form
_IRREGULAR = {"spend": "spent", "build": "built", "send": "sent", "lend": "lent", "pay": "paid"}


def word_stem(word: str) -> str:
    """A word's stem as the keyword index stems it (Snowball English): its inflections and close derivations share
    it ("hubs", "hub"; "educated", "education"), words that only begin alike do not ("overspend", "oversight";
    "supervision", "supervisor")."""
    return stemmer().stemWord(word.lower())


def _forms(word: str) -> tuple[str, set[str], set[str]]:
    """What a printed word needs to be WORD's: a prefix to find it by, the stems it may have, its irregular forms."""
    stem = word_stem(word)
    irregular = {word[: -len(end)] + form for end, form in _IRREGULAR.items() if word.endswith(end)}
    prefix = os.path.commonprefix([word, stem, *irregular])
    return prefix or word[:1], {stem}, irregular


def _word_pattern(word: str, n: int, first: bool = True) -> str:
    """A topic word as it may be printed: a number exactly ("25" is not "250", nor "2025"; the first of a phrase
    not the end of a range, "section 25" not "18-25", though "18-25" is itself a phrase of two numbers), a stop
    word as written, a content word by a prefix its inflections share (checked by ``_Phrase``), with a possessive
    ("children's", "leavers'")."""
    if word.isdigit():
        before = r"(?<!\w)(?<!\d[.,/\u2010-\u2014-])" if first else r"(?<!\w)"
        return rf"{before}{word}(?!\d|[.,]\d)"
    if word == "and":
        return r"(?:\band\b|&)"
    if word in _STOP:
        return rf"\b{word}\b"
    return rf"\b(?P<w{n}>{re.escape(_forms(word)[0])}\w*)(?:['\u2019]s?)?"


# a printed word, with its possessive ("children's"), for a phrase's words in another order
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]?)?")
# what ends a sentence or clause between two words: a phrase's words in another order are read within one
_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]]")
MAX_OTHER_WORDS = 2  # stop words ("of", "for the") that may stand among a phrase's words printed in another order


# a word in a set phrase, not the noun a topic names: "take place", "in place" ("meetings frequently take place at
# school" is not about school places, nor "the school has put in place …")
_IDIOM = re.compile(r"\b(?:(?:take|takes|took|taken|taking)\s+|in\s+)place$", re.IGNORECASE)


class _Found:
    """Where a phrase's words were found in another order: the span from the first to the last."""

    def __init__(self, text: str, start: int, end: int):
        self.string, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _n: int = 0) -> str:
        return self.string[self._start:self._end]


class _Phrase:
    """A topic's words as a phrase in a text (``phrase``): found by a pattern, each content word then checked to be
    the topic's word (its stem, or an irregular form), not another word that begins alike. A phrase of two or more
    content words and no number is also found with those words in another order, next to each other or with a stop
    word or two among them, in one clause ("Priority Devolution Programme", "the Devolution Priority Programme";
    "management oversight", "oversight by managers"): a name is printed both ways, even in one paper. Two words
    the other way round need a stop word between them: "help early years" is not early help."""

    def __init__(self, words: list[str]):
        self.words = words
        self.pattern = _BETWEEN.join(_word_pattern(w, n, n == 0) for n, w in enumerate(words))
        self._rx = re.compile(self.pattern, re.IGNORECASE)
        self._checks = {f"w{n}": _forms(w)[1:] for n, w in enumerate(words)
                        if not w.isdigit() and w != "and" and w not in _STOP}
        content = [w for w in words if w != "and" and w not in _STOP]
        # a number keeps its place ("section 25" is not "the 18-25 section"); a repeated word is read in order
        self._any_order = (len(content) >= 2 and not any(w.isdigit() for w in content)
                           and len({word_stem(w) for w in content}) == len(content))
        self._content = [(_forms(w)[0].lower(), *_forms(w)[1:]) for w in content] if self._any_order else []

    def _which(self, token: str) -> int | None:
        """The phrase's content word TOKEN is (its index in ``_content``), else None."""
        low = re.sub(r"['\u2019][a-z]?$", "", token.lower())
        for n, (prefix, stems, irregular) in enumerate(self._content):
            if low.startswith(prefix) and (low in irregular or word_stem(low) in stems):
                return n
        return None

    def _in_any_order(self, text: str) -> _Found | None:
        low = text.lower()
        if not all(prefix in low for prefix, _, _ in self._content):
            return None
        tokens = list(_TOKEN.finditer(text))
        which = [None if _IDIOM.search(text, 0, t.end()) else self._which(t.group(0)) for t in tokens]
        for i, first in enumerate(which):
            if first is None:
                continue
            seen, others = {first}, 0
            for j in range(i + 1, len(tokens)):
                if _CLAUSE_BREAK.search(text, tokens[j - 1].end(), tokens[j].start()):
                    break
                w = which[j]
                if w is None and tokens[j].group(0).lower() in _STOP and others < MAX_OTHER_WORDS:
                    others += 1
                    continue
                if w is None or w in seen:
                    break
                seen.add(w)
                if len(seen) == len(self._content):
                    if len(seen) == 2 and not others:
                        break  # two words the other way round run into each other ("help early years")
                    return _Found(text, tokens[i].start(), tokens[j].end())
        return None

    def _same_words(self, m: re.Match[str]) -> bool:
        for group, (stems, irregular) in self._checks.items():
            printed = m.group(group).lower()
            if printed not in irregular and word_stem(printed) not in stems:
                return False
        return True

    def search_in_order(self, text: str, skip=None) -> re.Match[str] | None:
        """The phrase with its words in the topic's order, or None; not where SKIP(text, match) holds."""
        pos = 0
        while True:
            m = self._rx.search(text, pos)
            if m is None or (self._same_words(m) and not (skip and skip(text, m))):
                return m
            pos = m.start() + 1

    def search(self, text: str) -> re.Match[str] | _Found | None:
        """The phrase in the topic's order, else (where ``_any_order``) its content words in another order."""
        m = self.search_in_order(text)
        if m is None and self._any_order and text:
            return self._in_any_order(text)
        return m


def phrase(topic: str) -> _Phrase:
    """A topic of several words as a phrase: its words in their order, next to each other (inflected as
    ``_word_pattern`` allows), so "home education" is not "home-to-school transport … education" nor the "Home
    Office", and "section 25" is not "the 18-25 section". A stop word inside the phrase is kept ("missing from home")
    and one at its ends dropped ("the family hubs")."""
    # (a possessive is the word's: "children's homes" is "children", "homes", not a word "s" between them)
    words = re.findall(r"[a-z0-9]+", re.sub(r"['\u2019]s?\b", "", topic.lower().replace("&", " and ")))
    while words and words[0] in _STOP:
        words.pop(0)
    while words and words[-1] in _STOP:
        words.pop()
    return _Phrase(words)


_MINUTE_LABEL = re.compile(r"^\s*\d+[.)]?\s+|\(Item \d+\)\s*$", re.IGNORECASE)
# what a heading says besides its subject, not counted among its words: an aside in brackets ("(including Council Tax
# Setting 2025/26)", which names a subject among others), and a paper's kind and period ("… Budget Monitoring Report –
# November 2024-25": a report on budget monitoring)
_ASIDE = re.compile(r"\([^)]*\)")


_GENERIC = {"report", "reports", "update", "updates", "paper", "item", "quarter", "month", "monthly", "annual", "draft",
            "final", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december"}


def heading_subject(heading: str) -> str:
    """A heading's subject: its words less the minute's number, the "(Item 6)" and any aside in brackets."""
    return _ASIDE.sub(" ", _MINUTE_LABEL.sub(" ", heading))


def heading_matcher(topic: str, defined: dict[str, set[str]] | None = None, loose: bool = False):
    """heading_matcher for TOPIC, or for a name the documents define the acronym TOPIC as (see ``matcher``)."""
    abouts = [_heading_matcher(topic, loose)] + [_heading_matcher(t, True) for t in _spelled_out(topic, defined)]
    return lambda heading: any(about(heading) for about in abouts)


def _heading_matcher(topic: str, loose: bool = False):
    """A predicate heading -> bool for TOPIC: whether a heading is about it, matching it with the topic's words at
    least half of the heading's own ("306. Governance Updates (Item 15)" is about governance; "291. Capital Programme
    … and Revenue Budget … (including Council Tax Setting …)" covers council tax among much else, so not every clause
    under it is)."""
    match, stems = _matcher(topic, loose), set(_stems(topic))

    def about(heading: str | None) -> bool:
        if not heading or not match(heading):
            return False
        words = [w for w in re.findall(r"[a-z]+", heading_subject(heading).lower())
                 if w not in _STOP and (w not in _GENERIC or _stem(w) in stems)]  # unless the topic's own
        return bool(words) and sum(_stem(w) in stems for w in words) >= len(words) / 2
    return about


_ACRONYM = re.compile(r"\(([A-Z]{2,8})\)")


def _expansion(before: str, acronym: str) -> str | None:
    """The name an acronym stands for, from the words printed before its brackets: the shortest run of capitalised
    words that opens with its first letter and whose initials it spells, one letter at most left over ("Kent and
    Medway NHS Joint Overview and Scrutiny Committee (JHOSC)": "Joint Overview Scrutiny Committee")."""
    named: list[str] = []
    for word in reversed(re.findall(r"[\w’'-]+|&", before)[-16:]):
        if word.lower() in _CONNECTORS:
            continue
        if not word[0].isupper():
            break
        named.insert(0, word)
        initials = "".join(w[0].upper() for w in named)
        letters = iter(acronym)
        if (initials[0] == acronym[0] and all(c in letters for c in initials)
                and len(named) >= len(acronym) - 1):
            return " ".join(named)
    return None


def definitions(texts) -> dict[str, set[str]]:
    """The acronyms the documents define, each with the names printed for it ("Full Name (ACRONYM)")."""
    out: dict[str, set[str]] = {}
    for text in texts:
        if "(" not in (text or ""):
            continue
        for m in _ACRONYM.finditer(text):
            name = _expansion(text[max(0, m.start() - 160):m.start()], m.group(1))
            if name:
                out.setdefault(m.group(1), set()).add(name)
    return out


def _spelled_out(topic: str, defined: dict[str, set[str]] | None) -> list[str]:
    """The names a topic given as an acronym ("JHOSC", "jhosc") stands for where the documents define it."""
    word = topic.strip()
    if not defined or not re.fullmatch(r"[A-Za-z]{2,8}", word):
        return []
    return sorted(defined.get(word.upper(), ()))


# a term a document gives something of its own: "Care leavers, who are known as 'care-experienced young adults'",
# "care leavers prefer to be known as care-experienced young people", "Throughout this report, care leavers are
# referred to as …", "personal advisers, known as aftercare workers in Trafford", "children's centres (now known as
# Family Hubs)". NAMED is the clause before the connecting words (no comma, bracket or stop in it), NAME what follows.
_KNOWN_AS = re.compile(
    r"(?P<named>[^,;:.()\n\u2013\u2014]{2,160}?)\s*(?:,\s*|\(\s*)?(?:(?:who|which|that)\s+)?(?:(?:are|is|were|was)\s+)?"
    r"(?:(?:now|also|locally|usually|commonly)\s+)?(?:(?:prefers?|like|choose)\s+to\s+be\s+)?"
    r"(?:known|referred\s+to|called)\s+as\s+(?P<name>[^,;:.()\n]{2,120})", re.IGNORECASE)
# "The term 'co-parents' is used by the authority … to describe their role as corporate parents"
_TERM_USED = re.compile(
    r"\bthe term\s+(?P<name>['‘\"“][^'’\"”]{2,60}['’\"”])\s+is used\b[^.;]{0,80}?\bto (?:describe|refer to|mean)\s+"
    r"(?P<named>[^,;:.()\n]{2,80})", re.IGNORECASE)
# the words without which neither pattern matches (read first: _KNOWN_AS tried at every position of every paragraph
# had taken 35 s over the whole corpus on each tracker call)
_DEFINES_A_TERM = re.compile(r"\b(?:known|referred\s+to|called)\s+as\b|\bthe term\b", re.IGNORECASE)
# where a term is used ("… in West Northamptonshire", "… in Trafford"): a place, not part of the term
_IN_PLACE = re.compile(r"\s+(?:in|across|throughout)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*\s*$")
# what ends a name in lower case ("care-experienced young adults and are supported", "… because this is the …")
_NAME_ENDS = {"and", "or", "but", "who", "which", "that", "because", "in", "are", "is", "were", "was", "to", "with",
              "for", "as", "by", "at", "from", "since", "so", "when", "where", "while", "have", "has", "had", "will",
              "would", "can", "may", "should", "throughout", "within", "across", "on"}
_QUOTED = re.compile(r"^\s*(?:(?:a|an|the)\s+)?['‘\"“](?P<q>[^'’\"”]{2,60})['’\"”]")
_NAME_CONNECTORS = {"and", "of", "for", "the", "&", "my", "in"}
MAX_NAME_WORDS = 6  # a longer run is a description, not a name


def _printed_name(text: str) -> str | None:
    """The name that follows "known as": quoted as printed ("'My life, my future'"), a run of capitalised words
    ("Me and My World Reviews", "The Children's Hub"), or lower-case words up to the first that ends a noun phrase
    ("care-experienced young adults and are …"); None when it runs past MAX_NAME_WORDS."""
    quoted = _QUOTED.match(text)
    if quoted:
        name = quoted.group("q").strip()
        return name if len(name.split()) <= MAX_NAME_WORDS else None
    text = re.split(r"[,;:.()\n]", text, maxsplit=1)[0]  # unquoted, a name ends at a comma or bracket
    words = re.sub(r"^\s*(?:a|an|the)\s+(?=[a-z])", "", text).split()
    out: list[str] = []
    if words and words[0][0].isupper():
        for w in words:
            if not (w[0].isupper() or w.lower() in _NAME_CONNECTORS):
                break
            out.append(w)
        while out and out[-1].lower() in _NAME_CONNECTORS:
            out.pop()
    else:
        for w in words:
            if w.lower() in _NAME_ENDS:
                break
            out.append(w)
    name = _IN_PLACE.sub("", " ".join(out)).strip(" '’\"”")
    if not name or len(out) > MAX_NAME_WORDS or len(re.sub(r"[^A-Za-z]", "", name)) < 3:
        return None
    return name


def local_terms(paragraphs) -> dict[str, list[tuple[str, str]]]:
    """The terms each document defines as its own name for something ("Care leavers, who are known as
    'care-experienced young adults'"), and the abbreviations it defines ("independent reviewing officer (IRO)",
    both ways: ``text.abbreviations.abbreviations``): document -> [(what is named, the name)], for topics (``local_names``)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for p in paragraphs:
        text = p.text or ""
        if "(" in text:
            for pair in abbreviations(text):
                if pair not in out.get(p.doc, []):
                    out.setdefault(p.doc, []).append(pair)
        low = text.lower()  # (the words looked for first as plain text: a pattern over every paragraph took 0.5 s)
        if not ("as" in low and ("known" in low or "referred" in low or "called" in low) or "the term" in low) \
                or not _DEFINES_A_TERM.search(text):  # the patterns try every position of a text: only where they can match
            continue
        for rx in (_KNOWN_AS, _TERM_USED):
            for m in rx.finditer(text):
                named = _IN_PLACE.sub("", " ".join(m.group("named").split())).strip(" '‘’\"“”")
                name = _printed_name(text[m.start("name"):m.start("name") + 160])  # a quoted name may hold a comma
                if named and name and (named, name) not in out.get(p.doc, []):
                    out.setdefault(p.doc, []).append((named, name))
    return out


def local_names(topic: str, terms: dict[str, list[tuple[str, str]]] | None) -> dict[str, list[str]]:
    """The names documents give TOPIC (``local_terms``): document -> names. The topic must be what is named, the last
    words of the clause before "known as" ("… participate in their reviews, known as …" names the reviews, not the
    children; "Care leavers' pathway plans, known as …" the plans, not the care leavers)."""
    if not terms:
        return {}
    rx = phrase(topic)
    if not rx.words:
        return {}
    out: dict[str, list[str]] = {}
    for doc, pairs in terms.items():
        for named, name in pairs:
            m = rx.search(named)
            if m is None:
                continue
            if not named[m.end():].strip(" '’\"”") and not rx.search(name):
                if name not in out.setdefault(doc, []):
                    out[doc].append(name)
    return out


def _as_printed(name: str):
    """How a name is found in a text: an abbreviation in capitals as printed, with a plural "s" ("IRO", "IROs"; not
    the letters inside a word), other names as a phrase."""
    if _ABBREVIATION.fullmatch(name):
        return re.compile(r"(?<![\w-])" + re.escape(name) + r"s?(?![\w-])")
    return phrase(name)


def local_matcher(topic: str, terms: dict[str, list[tuple[str, str]]] | None):
    """A predicate (doc, text) -> bool: whether TEXT of DOC says a name that document gives TOPIC (``local_names``),
    as a phrase; always False where no document names it."""
    names = {doc: [_as_printed(n) for n in found] for doc, found in local_names(topic, terms).items()}
    if not names:
        return lambda doc, text: False
    return lambda doc, text: any(rx.search(text or "") for rx in names.get(doc, ()))
