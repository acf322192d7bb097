"""What a "how many" question counts, and how much of it a sentence's figures count: "how many children are in
care?" counts children in care, which "400 looked after children" counts and "127 Medway foster carers" does not.
Used to choose, among sentences that each give a figure, the one whose figure is the count asked for."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from .. import councils
from ..index.lexical import tokenize
from ..parse.sentences import split_sentences
from .glossary import expand
from ..records import MONTH_NAMES
from .kinds import NUMBER_WORDS, ONE_IDIOM

# "how many (of the, of the council's) <what is counted> <verb or preposition> <what qualifies it>?"
_HOW_MANY = re.compile(r"\bhow many\s+(?:of\s+(?:the|its|their|these|those|(?:\S+\s+){0,3}?\S+['’]s)\s+)?([^?,;:]+)",
                       re.IGNORECASE)
# where the counted noun phrase ends and its qualifiers begin
_PHRASE_END = re.compile(r"\s+(?:are|is|were|was|did|do|does|have|has|had|will|would|can|could|should|may|might|"
                         r"in|on|at|for|from|with|who|that|which|by|under|across|per|over|to|of|being|been|"
                         r"each|every|a|an|the)\b", re.IGNORECASE)
# the number words a count may be written in (query/kinds.py's, and the teens and scales it leaves to figures)
_NUMBER_WORDS = NUMBER_WORDS + r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred|thousand"
# a figure, then up to seven words before the clause ends: "400 looked after children and 209 with care leaver status",
# "1,016 formal questionnaires were returned in response"
_COUNT = re.compile(r"(?:(?<![-–/])\b\d[\d,]*(?:\.\d+)?\b|\b(?:" + _NUMBER_WORDS + r")\b)(?!\s*%)"
                    r"((?:\s+(?!\d)[^\s.,;:]+){1,7})",
                    re.IGNORECASE)
# the verb that links what is counted to its qualifiers ("children are in care"), and words of time that sit there
_LINKING = re.compile(r"\b(?:are|is|were|was|being|been|currently|now)\b", re.IGNORECASE)
# a figure whose counted noun is left out, named before it: "Nine are rated Red"
_ELIDED = re.compile(r"\s+(?:are|were|was|is|have|had)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"[^\s]+['’]s?(?=\s|$)")
# "the number of children looked after …" before a figure in the same sentence: what the figure counts
_NUMBER_OF = re.compile(r"\bnumbers? of\s+((?:[^\s.,;:()]+\s+){0,5}[^\s.,;:()]+)[^.;:]*$", re.IGNORECASE)
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# "Of the 38 Key Performance Indicators (KPIs) contained within the QPR, 17 …": the figures after it, to the
# sentence's end, count those
_OF_THE_FIGURE = re.compile(r"\bof the\s+\d[\d,]*\s+([^,;:]{1,80}),", re.IGNORECASE)


def _among(words: set[str], wanted: frozenset[str]) -> set[str]:
    """The stems of ``wanted`` among ``words``, or sharing their first six letters with one of them: "how many
    people responded?" is answered by "1,016 questionnaires were returned in response" (respond, respons)."""
    return {w for w in wanted if w in words or len(w) >= 6 and any(x[:6] == w[:6] for x in words if len(x) >= 6)}


def _after_of_the(of_the: list[tuple[int, frozenset[str]]], breaks: list[int], at: int, head: frozenset[str]) -> bool:
    """Whether the figure at ``at`` follows, in the same sentence, an "Of the 38 KPIs …," naming ``head``."""
    for end, named in of_the:
        if end <= at and head <= named:
            nxt = bisect.bisect_left(breaks, end)
            if nxt == len(breaks) or breaks[nxt] >= at:
                return True
    return False


@lru_cache(maxsize=256)  # asked once per quote checked for a figure (answer/scoring.holds)
def counted(question: str) -> tuple[frozenset[str], frozenset[str]]:
    """The word stems of what a "how many" question counts (its noun phrase: "children", "social workers") and of
    what qualifies it, glossary words included ("are in care": care, looked, after); empty when it asks no count."""
    m = _HOW_MANY.search(question)
    if not m:
        return frozenset(), frozenset()
    # a council or a year named ("in <council> in 2015", "Kent county councillors") says where and when, not what is
    # counted: the filters hold it
    rest = _without_councils(m.group(1))
    end = _PHRASE_END.search(" " + rest)
    phrase = (" " + rest)[: end.start()] if end else rest
    head = frozenset(tokenize([phrase])[0])
    # "children are in care" read as "children in care", the glossary's term (looked after)
    plain = " ".join(_LINKING.sub(" ", rest).split())
    qualifiers = frozenset(t for t in tokenize([expand(plain)])[0] if not _YEAR.match(t)) - head
    return head, qualifiers


def _without_councils(text: str) -> str:
    for _, _written, start, end in sorted(councils.find_mentions(text), key=lambda m: -m[2]):
        text = text[:start] + " " + text[end:]
    return text


@lru_cache(maxsize=256)
def stated(question: str) -> frozenset[str]:
    """The word stems of the state a "how many" question asks its count to be in, said after its verb: "how many
    KPIs were green in the Q3 report?" asks for the green ones (green), "how many complaints were upheld?" for the
    upheld (uphold); none for "how many children are in care?" (where, a qualifier like any other)."""
    m = _STATED.search(question)
    return frozenset(tokenize([m.group(1)])[0]) if m else frozenset()


# "how many <counted> are|were <state>" up to a preposition or the question's end
_STATED = re.compile(r"\bhow many\s+[^?,;:]*?\s(?:are|is|were|was|(?:have|has|had)\s+been)\s+(?:rated\s+|judged\s+)?"
                     r"((?:(?!in\b|on\b|at\b|for\b|from\b|by\b|with\b|during\b|of\b|to\b|since\b|"
                     r"between\b|across\b|within\b)[\w-]+\s*){1,3})", re.IGNORECASE)


def count_match(head: frozenset[str], qualifiers: frozenset[str], sentence: str,
                state: frozenset[str] = frozenset()) -> int:
    """How well a figure of ``sentence`` counts what was asked: 2 per word of the counted phrase and 1 per qualifier
    among the few words after the figure, and 1 more per word of the ``state`` asked (``stated``: "17 are rated
    Green" before "40 KPIs were reported" for "how many KPIs were green in the Q3 performance report?"), at its
    best figure (0 when no figure counts any of them)."""
    if not head:
        return 0
    best = 2 * len(head) if zero_count(head, sentence) else 0  # "no children are looked after": none, a count
    text = ONE_IDIOM.sub(" ", sentence)
    of_the = [(o.end(), frozenset(tokenize([o.group(1)])[0])) for o in _OF_THE_FIGURE.finditer(text)]
    breaks = [i for i, c in enumerate(text) if c in ".;:"] if of_the else []
    for m in _COUNT.finditer(text):
        figure = m.group(0)[: len(m.group(0)) - len(m.group(1))].strip()
        if _YEAR.match(figure):
            continue
        # a possessive describes what is counted: "one children's home" counts homes
        after = set(tokenize([_POSSESSIVE.sub(" ", m.group(1))])[0])
        said = len(_among(after, qualifiers)) + len(_among(after, state))
        if counts := _among(after, head):
            best = max(best, 2 * len(counts) + said)
        elif _ELIDED.match(m.group(1)) and head <= set(tokenize([text[: m.start()]])[0]) \
                or _after_of_the(of_the, breaks, m.start(), head):
            # "Of the 38 KPIs …, 17 are rated Green … Nine are rated Red", "Of the 38 KPIs …, 17 achieved target
            # (Green)": the figure counts what was named before
            best = max(best, 2 * len(head) + said)
        elif (named := _NUMBER_OF.search(text[max(0, m.start() - 120): m.start()])) is not None \
                and head <= (before := set(tokenize([named.group(1)])[0])):
            # "the number of children looked after, with numbers rising from 380 … to 435": the figure is that number
            best = max(best, 2 * len(head) + len(before & qualifiers))
    return best


# "there are no children who are looked after": a count of none, said as such ("No children in care currently live
# in unregistered care provision" counts none of those in unregistered provision, not of children in care); not
# "no longer", "no more than 20"
_NONE = re.compile(r"\bthere\s+(?:is|are|was|were|(?:has|have|had)\s+been)\s+(?:currently\s+)?no\b"
                   r"(?!\s+(?:longer|more|fewer|less|later|earlier|sooner|other|one|doubt)\b)"
                   r"((?:\s+[^\s.,;:()]+){1,4})", re.IGNORECASE)


def zero_count(head: frozenset[str], sentence: str) -> bool:
    """Whether ``sentence`` says that none of what is counted exists ("There are no children who are looked after
    on the islands" answers "how many children are looked after?"): "there are no" with the counted words
    within the four words after it."""
    if not head:
        return False
    return any(head <= set(tokenize([_POSSESSIVE.sub(" ", m.group(1))])[0]) for m in _NONE.finditer(sentence))


# the kinds of thing a figure may count, by the noun it counts: people, places and bodies, papers and items of
# business, spans of time. "how many social workers …?" counts people, which "12 local authorities" does not
_KINDS = {
    # people by who they are: children and the young, those who work for a council or sit on it, families and adults
    "young": "child children young babies births pupils students learners leavers girls boys teenagers adolescents",
    "workforce": "staff workers practitioners professionals managers officers employees councillors volunteers leaders "
                 "inspectors",
    # those who answer a consultation are counted as people, by whom or by their answers ("672 consultees", "1,016
    # responses were received")
    "adults": "families family parents carers households adults clients users residents respondents consultees "
              "responses adopters voters",
    # any people at all: "22,866 young people", "2,152 people"
    "people": "people person persons individuals",
    "bodies": "school schools authorities authority councils council districts boroughs hubs homes centres centers "
              "settings academies agencies trusts nurseries libraries sites wards locations buildings teams offices "
              "organisations organizations providers charities",
    "business": "meetings meeting reports report indicators kpis recommendations questions motions amendments "
                "petitions complaints reviews audits inspections",
    "time": "minute minutes hour hours day days week weeks month months year years",
}
_PEOPLE = frozenset({"young", "workforce", "adults", "people"})
_KIND_OF = {w: k for k, words in _KINDS.items() for w in words.split()}
# where the noun phrase after a figure ends: a verb, a preposition, a conjunction
_AFTER_FIGURE_END = frozenset("are is were was be been being have has had will would can could should may might did "
                              "do does in on at for from with who that which by under across per over to of and or "
                              "but as than each every a an the".split())
# a figure (not a sum, a share, a year, a date's day, a section number), then the words after it
_A_FIGURE = re.compile(r"(?<![£$€\w.,/–-])(?:\d{1,3}(?:,\d{3})+|\d+|(?:" + _NUMBER_WORDS + r"))(?!\.\d|,\d)"
                       r"(?![\w%£]|\s*(?:%|per ?cent|k\b|m\b|bn\b|million|billion))(?=((?:\s+[^\s.,;:()]+){0,4}))",
                       re.IGNORECASE)
# a section number at a sentence's start ("3.2 The council …", "(a) to note …", "12 The report …"), not a count that
# starts it: a bare number before a lower-case word counts it ("672 consultees chose to answer …")
_SECTION_NUMBER = re.compile(r"^\s*(?:\(?[a-z]\)|[a-z]\.|\d+(?:\.\d+)+\.?|\d+\.|\d+(?=\s+(?-i:[^a-z\s])))\s+",
                             re.IGNORECASE)


def _kind_of_phrase(words: list[str]) -> str | None:
    """The kind of the last noun of a kind ``_KINDS`` knows among the words of a noun phrase, to where it ends
    ("young" says young people: "young carers" are children, not adults)."""
    kind = young = noun = None
    for word in words:
        w = word.lower().strip("'’\"")
        if w in _AFTER_FIGURE_END:
            break
        if w.endswith(("'s", "’s", "s'", "s’")):  # "children's homes" counts homes
            continue
        if w in _KIND_OF:
            kind, noun = _KIND_OF[w], w
        young = young or (w == "young")
    # "young people", "young carers" are children; "young adults" adults (those aged 18 to 25)
    return "young" if young and kind in _PEOPLE and noun != "adults" else kind


def same_kind(asked: frozenset[str], kind: str) -> bool:
    """Whether a figure counting things of ``kind`` may count things of a kind asked for: any people ("people",
    "individuals") may be any of the kinds of people."""
    return kind in asked or kind == "people" and bool(asked & _PEOPLE) or "people" in asked and kind in _PEOPLE


def kind_counted(question: str) -> frozenset[str]:
    """The kinds of thing a "how many" question counts, by the counted nouns of its phrase, each to an "and" ("how many
    care leavers became homeless?": young; "how many new special schools …?": bodies; "how many young adults and
    staff …?": young, workforce), empty when it asks no count or a noun is of no kind ``_KINDS`` knows."""
    m = _HOW_MANY.search(question)
    if not m:
        return frozenset()
    rest = _without_councils(m.group(1))
    end = _PHRASE_END.search(" " + rest)
    phrase = (" " + rest)[: end.start()] if end else rest
    kinds = set()
    for part in re.split(r"\s+(?:and|or)\s+|,", phrase):
        kind = _kind_of_phrase(part.split())
        if kind is None:
            return frozenset()
        kinds.add(kind)
    return frozenset(kinds)


def figure_kinds(sentence: str, before: str | None = None) -> list[str | None]:
    """The kind of thing each figure of ``sentence`` counts, by the noun phrase after it ("brings together 12 local
    authorities": bodies; "over 40 children": young), None where it is of no kind ``_KINDS`` knows (a sum, a share,
    a year or a date's day are no figure here). A figure with no noun after it counts what "the number of …" before
    it names, or what the figure before it counts ("9,193 children … a reduction from 9,290", "an increase of 477";
    ``before``: the kind the sentences before counted last)."""
    text = ONE_IDIOM.sub(" ", _SECTION_NUMBER.sub(" ", sentence))
    out: list[str | None] = []
    last = before
    for m in _A_FIGURE.finditer(text):
        if _YEAR.match(m.group(0)) or _A_DAY_OR_AGE.match(text, m.end()):
            continue
        kind = _kind_of_phrase(m.group(1).split())
        if kind is None and m.group(0)[0].isdigit():
            named = _NUMBER_OF.search(text[max(0, m.start() - 120): m.start()])
            kind = _kind_of_phrase(named.group(1).split()) if named else None
            kind = kind or (last if not _kind_of_phrase(m.group(1).split()[:1]) and _ELIDED_AFTER.match(m.group(1))
                            else None)
        if kind is not None or m.group(0)[0].isdigit():  # "one of the …", "two-fold": a number word counts no noun
            out.append(kind)
            last = kind or last
    return out



def sentence_figure_kinds(text: str) -> Iterator[tuple[str, list[str | None]]]:
    """Each sentence of ``text`` with the kinds its figures count (figure_kinds), each read on from the kind the
    sentences before it counted last ("9,193 children … . This is a reduction from 9,290")."""
    last = None
    for sentence in split_sentences(text):
        these = figure_kinds(sentence, last)
        last = next((k for k in reversed(these) if k), last)
        yield sentence, these

# a date's day ("31 March"), an age or a range's first figure ("18-plus", "18-25 services")
_A_DAY_OR_AGE = re.compile(r"(?:st|nd|rd|th)?\s+(?:" + "|".join(MONTH_NAMES) + r")\b|[-–]\w", re.IGNORECASE)
# what may follow a figure whose noun is left out, as the one before it: "a reduction from 9,290 at 31 March 2016",
# "an increase of 477 (2.5%) since", "from 305 in 2015-16 to 179 in February", or the sentence's end
_ELIDED_AFTER = re.compile(r"\s*(?:$|\(|(?:at|in|on|since|by|from|to|during|over|compared|against|last|this|"
                           r"the\s+previous|previously|are|were|was|is|have|had)\b)", re.IGNORECASE)
