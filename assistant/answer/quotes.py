"""Which sentences of a cited paragraph are quoted: the best ones, not a report's title block or its judgement
table's lines unless the question asks what they answer, nor a sentence that only repeats the question; with what
completes them (the list after a colon, the specifics after "Examples include …", the sentence a leading
"They …" refers back to, a neighbour that scores nearly as well), joined in reading order with "…" where sentences
are left out, a recorded vote by its tallies.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from ..query import kinds as question_types
from ..records import ELISION, Hit
from ..text.dates import MONTHS_PATTERN
from .config import AnswerConfig
from .scoring import stems
from .votes import opens_vote, tallies_after

# an inspection report's title block: "Inspection of Rochdale … Inspection dates: … Lead inspector: …" shares the
# council's name and "inspectors" with any question about the report, but says nothing about its topic
# ("Reporting inspector" in the 2013 reports, which print their title as a sentence of its own; no inspector named
# in a few)
# one labelled field of the title block on a line of its own (parse/judgements.title_fields): "Inspection dates: 10 to
# 14 November 2025", "Lead inspector: Ceri Evans, His Majesty's Inspector", "Report published: 13 June 2017"
_TITLE_FIELD = re.compile(r"^\s*(Inspection dates?|(?:Lead|Reporting) inspector|Report published):")
TITLE_BLOCK = re.compile(r"\bInspection dates?:.*\b(?:Lead|Reporting) inspector\b|"
                          r"^\s*Inspection of\b[^.]*?\bInspection dates?:|"
                          r"^\s*Inspection of\b[^.]{0,100}$|" + _TITLE_FIELD.pattern, re.DOTALL)
_TITLE_ALONE = re.compile(r"^\s*Inspection of\b[^.:]{0,100}$")
TITLE_FIELDS = {"Inspection date": "dates", "Inspection dates": "dates", "Lead inspector": "inspector",
                "Reporting inspector": "inspector", "Report published": "published"}


def title_field(sentence: str) -> str | None:
    """Which field of a report's title block a sentence is alone ("dates", "inspector", "published"; "title", the
    title on its own, which answers none of them), or None: each answers only what its label says (when the
    inspection took place, who led it, when the report came out)."""
    if _TITLE_ALONE.match(sentence):
        return "title"
    m = _TITLE_FIELD.match(sentence)
    return TITLE_FIELDS[m.group(1)] if m else None


_JUDGEMENT_HEADER = re.compile(r"Judgements?\s+Grades?$")  # the judgement table's header row
UNQUOTABLE = -1.0  # a sentence score under any cosine plus shared words


def without_furniture(scored: dict[str, tuple[list[str], np.ndarray]], title: bool, grades: bool,
                      signposts: bool = True, fields: Callable[[str], bool] | None = None
                      ) -> dict[str, tuple[list[str], np.ndarray]]:
    """The sentence scores with a report's title block (``title``) and its judgement table's lines (``grades``)
    marked as unquotable: they share the council's name, "inspection" or an area's name with many questions
    and were quoted as filler. The paragraph that holds them (page 1's block, with the summary after the table)
    is still cited by its other sentences when they answer. A sentence that is only a bracketed aside ("(Outcome
    three, National Framework)", the reference after an improvement point) says nothing on its own: never quoted;
    nor a courtesy ("Thank you for your question.").
    Nor, with ``signposts``, is one that only says where something is set out ("Savings monitoring for Adult
    Social Care is in Section 4a.", "Details are shown on the following page."): it shares the question's words
    and answers nothing but "where is …?".
    A title block laid out field by field is read line by line: with the block quotable (not ``title``), a field's
    line alone ("Inspection dates: …", "Lead inspector: …") is still unquotable unless ``fields`` says that it
    answers the question."""
    out = {}
    for pid, (sentences, scores) in scored.items():
        drop = [i for i, s in enumerate(sentences)
                if (title or fields is not None and title_field(s) and not fields(s)) and TITLE_BLOCK.search(s)
                or grades and (question_types.graded_line(s) or _JUDGEMENT_HEADER.match(s.strip()))
                or _ONLY_AN_ASIDE.match(s) or _COURTESY.match(s) or signposts and SIGNPOST.match(s)]
        if drop:
            scores = scores.copy()
            scores[drop] = UNQUOTABLE
        out[pid] = (sentences, scores)
    return out


_ONLY_AN_ASIDE = re.compile(r"^\s*\([^()]*\)[\s.]*$")
# a courtesy that opens a written answer ("Thank you for your question.", "Thank you for requesting an update."):
# it shares the question's words and says nothing
_COURTESY = re.compile(r"^\s*(?:thank you|thanks|many thanks)(?: (?:very much|again))?(?: for (?:your|the|this|that|"
                       r"requesting|asking|raising)\b[^.!?]{0,60})?[.!]?\s*$", re.IGNORECASE)
# a sentence that only points elsewhere in its paper, ending with where: "See Appendix A.", "Please refer to Section
# 2 for details.", "… is in Section 4a.", "Details of the variances are shown on the following page."
SIGNPOST = re.compile(r"^\s*(?:(?:please\s+)?(?:see|refer to)\s+|[^.;:£%]{0,150}?\b(?:is|are)\s+(?:(?:shown|set out|"
                      r"detailed|provided|given|included|summarised|presented|attached|contained|reported|available|"
                      r"explained|described|outlined|covered)\s+)?(?:in|on|at|within)\s+)(?:the\s+)?(?:following|"
                      r"next|previous|attached|accompanying)?\s*(?:pages?|sections?|appendix|appendices|annex(?:es)?|"
                      r"tables?|paragraphs?|charts?)\b[\s\w.,()&-]{0,25}$", re.IGNORECASE)
# "where is the savings monitoring set out?", "which appendix has …?": a signpost answers that
WHERE_ASKED = re.compile(r"^\s*where\b|\b(?:which|what) (?:section|appendix|annex|page|table|paragraph)s?\b",
                         re.IGNORECASE)


# a line that is a date and nothing else ("1 OCTOBER 2020", a cover sheet's meeting date): it answers "when?" and
# nothing else, however close a question naming the year comes to it
_BARE_DATE = re.compile(r"^\s*(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
                        r"(?:" + MONTHS_PATTERN + r")"
                        r",?\s+(?:19|20)\d\d\.?\s*$", re.IGNORECASE)
_WH_QUESTION = re.compile(r"^\s*(?:what|which|who|whom|whose|how|when|where|why)\b", re.IGNORECASE)


# a paragraph's printed number before a title that only repeats the question: "4. Youth Service Review"
_NUMBERED = re.compile(r"^\s*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]?|\(?[a-z][.)])\s+")


def _titled(sentence: str) -> str:
    """``sentence`` without the printed number of a title ("4. Youth Service Review"); a numbered sentence
    keeps it ("3.1 On many measures the health of residents has been poor …" states what the question asks about),
    as does a numbered lead-in ("26) RESOLVED that the County Council:" introduces what was resolved)."""
    return sentence if sentence.rstrip().rstrip("\"'’”)").endswith((".", ":", "!", "?", ";")) \
        else _NUMBERED.sub("", sentence)


def without_echoes(scored: dict[str, tuple[list[str], np.ndarray]], question: str, stating: set[str] = frozenset()
                    ) -> dict[str, tuple[list[str], np.ndarray]]:
    """The sentence scores with those that only repeat the question's own words marked as unquotable, for a question
    asking what, who, how …: a cover sheet's "CHILDREN AND YOUNG PEOPLE OVERVIEW AND SCRUTINY COMMITTEE" scores
    highly against "What did the Children and Young People Overview and Scrutiny Committee discuss?" and tells
    nothing. So is a line that is only a date, unless the question asks when. (A yes/no question may be answered
    by its own words: "Was the overall effectiveness good?") The paragraphs ``stating`` say something by where they
    stand: an item of an inspection report's list of what needs to improve ("The strategic needs analysis of
    children at risk of extra-familial harm.") says that it needs to, however closely a question repeats it."""
    if not _WH_QUESTION.search(question):
        return scored
    asked = stems(question)
    dated = "time" in question_types.expected(question)
    out = {}
    for pid, (sentences, scores) in scored.items():
        if pid in stating:
            out[pid] = (sentences, scores)
            continue
        echoes = [i for i, sentence in enumerate(sentences)
                  if not re.search(r"\d", bare := _titled(sentence)) and (words := stems(bare)) and words <= asked
                  or not dated and _BARE_DATE.match(sentence)]
        if echoes:
            scores = scores.copy()
            scores[echoes] = UNQUOTABLE
        out[pid] = (sentences, scores)
    return out


def without_titles(scored: dict[str, tuple[list[str], np.ndarray]], hits: list[Hit], routed: bool = False
                   ) -> dict[str, tuple[list[str], np.ndarray]]:
    """The sentence scores with a document's own title marked as unquotable: "REPORT ON OFSTED MONITORING VISIT", a
    paper's title line, is close to every question about the visit and says nothing the citation's document name
    does not say. So is a cover sheet's "To: Cabinet – 4th March 2025 Subject: <its title>" unless ``routed``
    (the question asks when, or who: the meeting and date a paper went to answer that)."""
    titles = {h.paragraph.id: _folded(h.meta.title) for h in hits if h.meta is not None and h.meta.title}
    out = {}
    for pid, (sentences, scores) in scored.items():
        title = titles.get(pid)
        named = [i for i, sentence in enumerate(sentences)
                 if title and (_folded(sentence) == title
                               or not routed and _folded(_ROUTING.sub(" ", sentence)) == title)]
        if named:
            scores = scores.copy()
            scores[named] = UNQUOTABLE
        out[pid] = (sentences, scores)
    return out


def without_headers(scored: dict[str, tuple[list[str], np.ndarray]], hits: list[Hit]
                    ) -> dict[str, tuple[list[str], np.ndarray]]:
    """The sentence scores with a table's header row marked as unquotable: "Low Risk | Medium Risk | High Risk"
    names the columns and states nothing; its rows ("Current risk level February 2025 0 5 12") are quoted under it
    (answer/layout.py)."""
    headers = {h.paragraph.id for h in hits if h.paragraph.kind == "table-header"}
    return {pid: (sentences, np.full_like(scores, UNQUOTABLE) if pid in headers else scores)
            for pid, (sentences, scores) in scored.items()}


# a cover sheet's routing fields before a paper's title: "To: Cabinet – 4th March 2025 Subject:", "Decision No: n/a"
_ROUTING = re.compile(r"^\s*(?:(?:To|Decision No|Key decision)\s*:[^:]*?\s+)*Subject\s*:\s*", re.IGNORECASE)


def _folded(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def positions(scores: np.ndarray, order: list[int], most: int, keep: float) -> list[int]:
    """The best sentence and, of the next best ``most - 1``, those scoring at least ``keep`` times as well."""
    return sorted([order[0]] + [i for i in order[1:most] if scores[i] >= keep * scores[order[0]]])


# a sentence that introduces a list: it ends in a colon, or in the list's key printed after the colon ("… which
# would no longer run at Millmead include: *booking or referral required." over "• Baby Massage*")
_INTRODUCES_LIST = re.compile(r":(?:\s*[*†‡][^:*]{0,80})?$")
LIST_ITEM_WORDS = 12  # a list's items after a colon are short ("Northdown Road Family Hub")
LIST_ITEMS = 10


# a sentence opening so gives the specifics of the one before it ("… poor relative to the England average.
# Examples include increasing levels of overweight in adults …"): an elaboration, in rhetorical-structure terms
_ELABORATES = re.compile(r"^\s*(?:examples?\s+(?:of\s+this\s+)?includes?|for\s+(?:example|instance)|"
                         r"these\s+include|this\s+includ(?:es|ed)|in\s+particular|such\s+as|including|specifically|"
                         r"namely)\b", re.IGNORECASE)
# a sentence that qualifies the one before it ("Most care leavers receive a good service. However, many are not
# allocated a personal adviser early enough."): the claim quoted without it says more than the report does
_QUALIFIES = re.compile(r"^\s*(?:however|but|nevertheless|nonetheless|despite this|even so|that said)\b", re.IGNORECASE)
TURN_WITHIN = 2  # a report's finding turned by a "However" one sentence further on ("… prompt and thorough
# assessments … Children are helped to return home … However, there are serious and significant delays …") is quoted
# to it, as is one opening "Although …" there ("Expansion of the workforce by 55 social worker posts has reduced social
# worker caseloads. Although most staff considered workloads manageable, caseloads are still too high in some
# teams."); in a committee paper, "Although …" opens a point of its own
_TURNS = re.compile(_QUALIFIES.pattern + r"|^\s*although\b", re.IGNORECASE)


# what falls short, as inspection reports say it ("is not consistently", "variable", "is mixed")
_SHORTFALL = re.compile(question_types.KINDS["weakness"][1].pattern + r"|\b(?:is|are|was|were|remains?) mixed\b",
                        re.IGNORECASE)
_COMMON = frozenset(stems("children young people child family families council local authority service services"))


def _falls_short_after(claim: str, after: str) -> bool:
    """Whether ``after`` qualifies ``claim`` without a "However": a claim saying nothing falls short followed by one
    that says something of the same thing does ("Return home interviews usually take place promptly … The quality
    of information gathered and recorded in interviews is mixed."): the claim alone says more than the report."""
    if _SHORTFALL.search(claim) or not _SHORTFALL.search(after) or question_types.graded_line(claim):
        return False  # (a judgement table's line is a grade, which a past grade after it does not qualify)
    return bool((stems(claim) & stems(after)) - _COMMON)


# the points a sentence announces, made one sentence each: "Firstly, …", then "Secondly, …", "Additionally, …"
_FIRSTLY = re.compile(r"^\s*(?:first(?:ly)?|to begin with|in the first place)\s*,", re.IGNORECASE)
_NEXT_POINT = re.compile(r"^\s*(?:second(?:ly)?|third(?:ly)?|fourth(?:ly)?|next|then|also|additionally|in addition|"
                         r"further(?:more)?|finally|lastly)\b", re.IGNORECASE)


def with_what_follows(sentences: list[str], at: list[int], findings: bool = False, shortfalls: bool = True
                      ) -> list[int]:
    """The quoted sentences ``at`` and what follows each that ends in a colon: the next sentence, and the rest of a
    list of short items ("the voting was as follows:" says nothing without "For (37) … Against (0)"; "valuations of
    the Family Hub sites in Margate:" nothing without the sites), which the sentence splitter keeps apart. Also
    the sentence after one quoted when it elaborates it ("Examples include …", "This included …", "In particular
    …"): the general claim's specifics are what was asked about; and a bracketed aside after it, its reference
    ("(Outcome 2, national framework)"). And the sentences up to one that turns the finding ("However, there are
    serious and significant delays …") within ``TURN_WITHIN`` sentences of a quoted one, when ``findings`` (an
    inspection report's paragraph, which makes one finding; a committee paper's or minutes' paragraph goes on to
    other points, whose "Despite this" turns the sentence before it): a praise quoted without the turn that follows
    it gives a wrong impression, which a longer quote does not. Not from a judgement table's line."""
    out = set(at)
    for i in at:
        turn = next((j for j in range(i + 1, min(i + 1 + TURN_WITHIN, len(sentences)))
                     if _TURNS.match(sentences[j])), None) if findings else None
        if turn is None and findings and shortfalls and not _SHORTFALL.search(sentences[i]):  # a finding's shortfall said without
            # a "However" ("… are visited regularly. The quality of the assessments … is variable …")
            turn = next((j for j in range(i + 1, min(i + 1 + TURN_WITHIN, len(sentences)))
                         if _SHORTFALL.search(sentences[j])), None)
        if turn is not None and not question_types.graded_line(sentences[i]):
            out.update(range(i + 1, turn + 1))
        if i + 1 < len(sentences) and (_ELABORATES.search(sentences[i + 1]) or _ONLY_AN_ASIDE.match(sentences[i + 1])
                                       or _QUALIFIES.match(sentences[i + 1])
                                       or _falls_short_after(sentences[i], sentences[i + 1])):
            out.add(i + 1)
        if i + 1 < len(sentences) and _FIRSTLY.match(sentences[i + 1]):  # "several factors contribute. Firstly, …
            j = i + 1  # Secondly, … Additionally, …": the points it announced, in their order
            out.add(j)
            while j + 1 < len(sentences) and j - i < LIST_ITEMS and _NEXT_POINT.match(sentences[j + 1]):
                j += 1
                out.add(j)
        if not _INTRODUCES_LIST.search(sentences[i].rstrip()) or i + 1 >= len(sentences):
            continue
        out.add(i + 1)
        j = i + 1
        while (j + 1 < len(sentences) and j - i < LIST_ITEMS and len(sentences[j].split()) <= LIST_ITEM_WORDS
               and len(sentences[j + 1].split()) <= LIST_ITEM_WORDS):
            j += 1
            out.add(j)
    if findings and shortfalls:  # a short gap in an inspection finding's quote that holds a shortfall ("… mostly poor. Most
        # assessments do not … [Plans are mostly weak …] Social workers … have not received …") is quoted, not elided
        quoted = sorted(out)
        for a, b in zip(quoted, quoted[1:]):
            if 1 < b - a <= TURN_WITHIN + 1 and any(_SHORTFALL.search(sentences[k]) for k in range(a + 1, b)):
                out.update(range(a + 1, b))
    return sorted(out)


# a sentence opening so refers back to the one before it ("Personal advisers visit young people … They provide
# practical help"): quoted alone it does not say who or what it is about; so does one that opens with a link to it
# ("As a result, children in these arrangements receive …") or names its subject by pointing back to it ("Most of
# these children …", "The service …")
_REFERS_BACK = re.compile(r"^\s*(?:they|their|it|its|this|these|those|he|she|his|her|as a result|as such|"
                          r"consequently|because of this|despite this|in (?:these|such|this) (?:cases?|circumstances)|"
                          r"(?:\S+\s+){0,3}(?:these|those)\s+(?:children|young people|arrangements|families|cases|"
                          r"plans|services?|staff|workers|carers|posts|teams)|"
                          # or by a general noun for the thing the sentence before named ("The virtual school … The
                          # service is the linchpin …")
                          r"the\s+(?:service|team|panel|board|scheme|programme|project|hub|partnership|pilot|"
                          r"initiative|unit))\b", re.IGNORECASE)


# a sentence that qualifies the one before it: quoted alone, "However, targets sometimes lack …" says less than the
# report does, and of what, it does not say
_QUALIFIES_BACK = re.compile(r"^\s*(?:however|but|nevertheless|nonetheless|despite this|even so)\b", re.IGNORECASE)


def with_antecedent(sentences: list[str], at: list[int], scores: np.ndarray | None = None) -> list[int]:
    """The quoted sentences ``at`` with the one before the first of them when that one opens by referring back to
    it ("They provide practical help …" is quoted with "Personal advisers visit young people …"); not one ruled out
    of quoting (``scores`` UNQUOTABLE) nor a judgement table's line ("Overall effectiveness: Good" is not what "This
    was the first inspection …" below the table refers to)."""
    out = set(at)
    for i in at:  # any quoted sentence's, not only the first's: "… This spending increase includes …" after a gap
        if i == 0 or i - 1 in out or not (_REFERS_BACK.search(sentences[i]) or _QUALIFIES_BACK.search(sentences[i])):
            continue
        before = i - 1
        if scores is not None and scores[before] <= UNQUOTABLE or question_types.graded_line(sentences[before]):
            continue
        out.add(before)
    return sorted(out)


def with_opening(sentences: list[str], at: list[int], scores: np.ndarray, best: int | None = None) -> list[int]:
    """The leading quote's sentences ``at`` with its paragraph's first sentence when the quote begins with the
    second: a report's paragraph opens with its finding ("The local offer for care leavers is limited.", "Senior
    leaders recognised that children in private foster care were not being assessed … within appropriate
    timescales."), which the sentences after it bear out or qualify; quoted without it, a weakness can read as a
    strength. Not a line ruled out of quoting nor a judgement table's. ``best``: the quote's best sentence when
    the paragraph is a committee paper's, whose paragraphs open with background rather than a finding: there the
    opening is added only when the best sentence is the second ("3.3 The financial challenges facing the Council are
    similar to many …" is not put before "… The ASCH directorate has a forecast net overspend of +£35.4m, of which
    £26.2m relates to savings …", the third), unless it introduces the list the quote is of ("Of the 38 KPIs …, the
    latest RAG status are as follows:")."""
    if not at or min(at) != 1 or scores[0] <= UNQUOTABLE or question_types.graded_line(sentences[0]) \
            or best is not None and best > 1 and not _INTRODUCES_LIST.search(sentences[0].rstrip()):
        return at
    return [0] + sorted(at)


def from_the_figure(sentences: list[str], at: list[int], giving: set[int]) -> list[int]:
    """The leading quote's sentences ``at`` from the first that gives the figure asked for (``giving``: the
    sentences that do) on: "how many children did inspectors bring to the council's attention?" is answered at once by
    "Inspectors brought to the attention of the local authority 74 children from 43 families …", not after the
    paragraph's opening ("25. Corporate and senior … leaders were not aware of the widespread and serious concerns
    …"). Left as it is when that sentence refers back to the one before ("They …", "However, …"), which it needs, or
    when a sentence before it gives a figure of its own (which may be the one asked for, in words the check does not
    read: "over 20 commissioned services") or introduces what follows ("… the voting was as follows: For (16) …")."""
    first = min((i for i in at if i in giving), default=None)
    if first is None or first == min(at) or _REFERS_BACK.search(sentences[first]) \
            or _QUALIFIES_BACK.search(sentences[first]) or _REFERS_BACK_AFTER.search(sentences[first]):
        return at
    before = [sentences[i] for i in at if i < first]
    if any(re.search(r"\d", _PARA_NUMBER.sub("", s, count=1)) or s.rstrip().endswith(":") for s in before):
        return at
    return [i for i in at if i >= first]


# a sentence whose subject points back after an opening phrase: "As of January 2024, this totalled 19,407 …"
_REFERS_BACK_AFTER = re.compile(r"^[^,.;:]{1,60},\s*(?:this|these|that|those|it|they)\b", re.IGNORECASE)
_PARA_NUMBER = re.compile(r"^\s*(?:\(?\d{1,3}(?:\.\d{1,3})*[.)]|\d{1,3}(?:\.\d{1,3})+)\s+")  # "31. ", "3) ", "2.1 "


def with_continuation(sentences: list[str], at: list[int], scores: np.ndarray, room: int) -> list[int]:
    """The leading quote's sentences ``at`` and, while under ``room`` sentences, the one after its last when that one
    goes on about the same thing by referring back to it ("Public Health services are also delivered from the
    Seashells location …" / "They have been quoted a figure of £39k to rent space …"): what the answer's first line
    says of its subject, not its first sentence alone."""
    out = sorted(at)
    while out and len(out) < room and (nxt := out[-1] + 1) < len(sentences) and scores[nxt] > UNQUOTABLE \
            and _REFERS_BACK.search(sentences[nxt]) and not question_types.graded_line(sentences[nxt]):
        out.append(nxt)
    return out


def with_neighbours(at: list[int], scores: np.ndarray, order: list[int], cfg: AnswerConfig) -> list[int]:
    """The leading quote's sentences ``at`` and, up to ``cfg.lead_sentences`` in all, the best-scoring sentences
    next to them that score at least ``cfg.lead_keep`` times as well as the best: the report's topic sentence is
    often followed by the one that gives the specifics ("… are strong. Investment in a housing social worker post
    …")."""
    room = cfg.lead_sentences - len(at)
    extra = [i for i in order[1:] if i not in at and (i - 1 in at or i + 1 in at)
             and scores[i] >= cfg.lead_keep * scores[order[0]]][:max(0, room)]
    return sorted(at + extra)


def join_quoted(sentences: list[str], at: list[int], voters: str | None = None) -> list[str]:
    """The sentences at positions ``at`` in reading order, with "…" where sentences in between are left out. A
    recorded vote after the sentence that introduces it is quoted by its tallies and outcome (votes.py), not by the
    names of those who voted, but for the side ``voters`` ("Against": "which councillors voted against?")."""
    picked: list[str] = []
    last = -1  # the position of the last sentence quoted (or quoted from)
    whole = True  # whether the quote so far ends where that sentence ends
    for i in at:
        if i <= last:
            continue  # inside a vote already quoted by its tallies
        if picked and (i != last + 1 or not whole):
            picked.append(ELISION)
        picked.append(sentences[i])
        last, whole = i, True
        if opens_vote(sentences, i) and (vote := tallies_after(sentences, i, voters)) is not None:
            fragments, last, whole = vote
            picked.extend(fragments)
    return picked


def before_quote(text: str, quoted: list[str]) -> str:
    """What a paragraph's ``text`` prints before the quote taken from it begins ("" when the quote opens it or is
    not found in it): where a list's lead-in or an opening quotation mark the quote leaves out is read."""
    first = quoted[0].lstrip("… ").strip() if quoted else ""
    at = text.find(first[:40]) if first else -1
    return text[:at] if at > 0 else ""


def in_quotation_marks(text: str, quoted: list[str]) -> bool:
    """Whether the quote is mostly someone's words in quotation marks (a consultation report's row: "Concern about
    parking “Car parks around the Gateway cost £1.40 per hour …”"), or begins inside them in its paragraph."""
    before = before_quote(text, quoted)
    if before.count("“") > before.count("”"):
        return True
    shown = " ".join(quoted)
    outside = re.sub(r"“[^”]*(?:”|$)", "", shown)
    return len(outside.strip()) < len(shown.strip()) / 2


ASKED_SHARED = 2  # the question's subject words a sentence beside the quote holds for it to be quoted too
ASKED_LONGEST = 60  # words: a longer sentence (a list run on without full stops) would bury the quote's answer


def with_asked(sentences: list[str], at: list[int], scores: np.ndarray, question: str,
               gives: Callable[[str], bool] | None = None, answers: Callable[[str], bool] | None = None
               ) -> list[int]:
    """The quoted sentences ``at`` and, of those next to them or in a gap the quote elides, the one holding most of
    the question's subject words (at least ``ASKED_SHARED``, the council's and service's common words aside) after
    the quote's first sentence, and the one in a gap that ``gives`` the kind of fact asked (a figure, a sum) and
    holds as many of its subject words; neither longer than ``ASKED_LONGEST`` words. "What does
    Ofsted say about mandatory training for foster carers?" is answered by "Leaders have not set out their
    expectations regarding mandatory training …" and "Some carers' training has been out of date for some time",
    after it; "what support does the virtual school give …?" by "… exemplary support …" and the support it lists
    in the sentence after; "how much does each 1% of inflation cost?" by "Each 1% is estimated to cost £14m.", which
    an elision between two sentences of a risk register's row had cut. ``answers``: whether a sentence gives every
    kind the question requires (a time for "when", a figure for "how many"): when no quoted sentence does, one
    just after the quote that does and reads on ("This …", "It …") is quoted too (_reading_on): "when was a child last
    placed in an unregistered home?" by "Children in care … are not placed in unregistered children's homes." and
    "This has been effective, with the last use of this placement type being in 2023." two sentences on."""
    if not at:
        return at
    asked = stems(question) - _COMMON
    out = set(at)
    lo, hi = min(at), max(at)

    def quotable(j: int) -> bool:
        return j not in out and scores[j] > UNQUOTABLE and not question_types.graded_line(sentences[j])

    # (not before the quote, whose opening with_opening and with_antecedent decide: a sentence before it put the
    # answer further along the line)
    near = [j for j in range(lo + 1, min(len(sentences), hi + 2)) if quotable(j)
            and len(sentences[j].split()) <= ASKED_LONGEST and not _HEADING_LIKE.fullmatch(sentences[j].strip())]
    held = [stems(s) & asked for s in sentences]
    shared = {j: len(held[j]) for j in near}
    # the rarer in the paragraph a subject word, the more it says which sentence is about it: "training" in two of
    # its sentences before "foster carers" in four
    rarity = {w: 1 / sum(w in h for h in held) for w in set().union(*held)}
    best = max(near, key=lambda j: (sum(rarity[w] for w in held[j]), -min(abs(j - i) for i in at)), default=None)
    if best is not None and shared[best] >= ASKED_SHARED:
        out.add(best)
    if gives is not None:
        figure = next((j for j in range(lo + 1, hi) if quotable(j) and gives(sentences[j])
                       and len(stems(sentences[j]) & asked) >= ASKED_SHARED
                       and len(sentences[j].split()) <= ASKED_LONGEST), None)
        if figure is not None:
            out.add(figure)
    if answers is not None and not any(answers(sentences[j]) for j in out):
        out.update(_reading_on(sentences, max(out), answers, asked, quotable))
    return sorted(out)


# a heading run on into the paragraph (no sentence's closing stop, a dozen words at most): "Kent Pay Scheme 2025-26",
# "Corporate Functions (Chief Executive's Department …)", printed after a resolution's last limb
_HEADING_LIKE = re.compile(r"(?:\S+\s+){0,11}\S*[^\s.!?:;…\"”’']")

ASKED_AFTER = 2  # sentences after the quote that may give the kind asked for


def _reading_on(sentences: list[str], last: int, answers: Callable[[str], bool], asked: set[str],
                quotable: Callable[[int], bool]) -> list[int]:
    """The sentences after the quote's ``last`` up to the first (of ``ASKED_AFTER``) that ``answers``, when that
    one reads on from the one before it ("This …", "It …") or holds ``ASKED_SHARED`` of the question's subject words
    ``asked``, and none is ruled out of quoting or longer than ``ASKED_LONGEST`` words; a sentence between is what it
    refers back to, and must itself point back to the quote ("There is strong oversight … to avoid the use of these
    placements." before "This has been effective, with the last use of this placement type being in 2023.")."""
    run: list[int] = []
    for j in range(last + 1, min(len(sentences), last + 1 + ASKED_AFTER)):
        if not quotable(j) or len(sentences[j].split()) > ASKED_LONGEST:
            return []
        run.append(j)
        reads_on = _REFERS_BACK.search(sentences[j]) or _REFERS_BACK_AFTER.search(sentences[j])
        if answers(sentences[j]):
            return run if reads_on or len(stems(sentences[j]) & asked) >= ASKED_SHARED else []
        if not (reads_on or _POINTS_BACK.search(sentences[j])):
            return []  # a sentence between on something else ("Despite financial pressures, the council has …")
    return []


# a sentence that, wherever in it, points back to what the one before it named: "… to avoid the use of these
# placements"; not "such as", which gives examples
_POINTS_BACK = re.compile(r"\b(?:these|those|such)\s+(?!as\b)[a-z]", re.IGNORECASE)
