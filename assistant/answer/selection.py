"""Which paragraphs an answer cites: the top one, then further ones that score nearly as well and whose best
sentence answers nearly as well (the same words printed twice cited once), the best of each council a question
names, and a paragraph of the same document that gives what none of them does ("Proposer:" for "who proposed it?").
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Callable

import numpy as np

from ..parse.minutes import records_vote
from ..parse.normalise import search_form
from ..query import kinds as question_types
from ..query.implied import Implied, years_named, years_written
from ..query.tense import spans_years
from ..records import Hit
from ..text.authors import author_asked, author_block
from ..text.dates import MONTH_NAMES
from .config import AnswerConfig
from .scoring import holds, stems
from .topics import DocumentText, common_words, named as topics_named


Scored = tuple[list[str], np.ndarray]  # a paragraph's sentences and each one's score against the question

# a paragraph below the first three whose best sentence shares no word of the question's subject needs that sentence
# at least this close to the top paragraph's (pick_paragraphs; on the tuning files 0.9 to 1.0 left out 29 to 57 cited
# paragraphs that were not the gold passage and none that was; from the third on, 32 to 76, but also the gold passage
# of questions put in other words than the report's)
SUBJECT_KEEP = 0.95
# when the top paragraph's best sentence gives the kind of answer asked for (a figure for "how many ...?") and the
# question asks one thing, a further paragraph none of whose sentences gives it needs its best sentence at least this
# close to the top one's (pick_paragraphs): the answer is given, and a paragraph answering less well and giving none
# of it is the same paper's talk around it ("Explore Kent's digital channels ... continued to see strong engagement" beside
# "In October, 46 partners attended ...")
ANSWERED_KEEP = 0.88
# a second question after a comma or "and" ("..., and what has taken its place?", "and by roughly how much?"): the top
# paragraph giving the first part's kind of answer need not give the second's
_SECOND_QUESTION = re.compile(r"(?:,|\band\b)\s+(?:(?:by|roughly|about|approximately|around)\s+)*"
                              r"(?:what|which|how|who|whom|when|where|why)\b", re.IGNORECASE)


# an inspection report's list of what needs to improve, by its heading; and a question asking what must improve, or
# about weaknesses, which an item of it answers
_IMPROVEMENT_HEADING = re.compile(r"\bwhat needs to improve\b|\bareas? for (?:priority )?(?:action|improvement)\b",
                                  re.IGNORECASE)
IMPROVEMENT_ASKED = re.compile(r"\bimprov\w*|\bweak\w*|\bshortcomings?\b|\bfall(?:s|ing)?\s+short\b|\bpriorit\w*|"
                               r"\brecommend\w*|\bactions?\b|\bneeds?\s+to\b|\bmust\b|\bshould\b", re.IGNORECASE)


def improvement_item(h: Hit) -> bool:
    """Whether ``h`` is an item of an inspection report's list of what needs to improve."""
    return h.meta.doc_type == "ofsted-inspection" and bool(_IMPROVEMENT_HEADING.search(h.paragraph.heading or ""))


# a term and the abbreviation a paper gives it in brackets: "the emergency duty team (EDT)"
_ABBREVIATED = re.compile(r"((?:[A-Za-z][\w'’-]*\s+){1,8})\(([A-Z]{2,6})\)")


def abbreviations(text: str, topic: set[str]) -> set[str]:
    """The abbreviations ``text`` gives a term all of whose words are among ``topic`` (stemmed): "EDT" for "emergency
    duty team" in "The effectiveness of the emergency duty team (EDT) …", which the report's findings then print
    alone ("The EDT responds appropriately …")."""
    out = set()
    for before, short in _ABBREVIATED.findall(text):
        named = before.split()[-len(short):]
        if len(named) == len(short) and all(w[0].lower() == c.lower() for w, c in zip(named, short)) \
                and (term := words(" ".join(named))) and term <= topic:
            out |= words(short)
    return out


def best_sentence(got: Scored | None) -> float | None:
    """How well a paragraph's best sentence answers the question; None when its sentences were not scored."""
    return float(np.max(got[1])) if got and len(got[1]) else None


def pick_paragraphs(question: str, hits: list[Hit], implied: Implied | None, cfg: AnswerConfig,
                     scored: dict[str, tuple[list[str], np.ndarray]] | None = None,
                     document: DocumentText | None = None) -> list[Hit]:
    """The top paragraph, then further ones in retrieval order that score nearly as well and whose best sentence
    answers the question nearly as well as the top one's (so a paragraph that only shares a word is left out).
    ``document``: a paragraph's whole document, whose words printed throughout (topics.common_words: "children",
    "care" in an inspection report) say nothing of what one of its sentences is about."""
    top = hits[0]
    chosen = [top]

    def best(h: Hit) -> float | None:
        return best_sentence((scored or {}).get(h.paragraph.id))

    forms: dict[str, str] = {}  # a paragraph text's search form, worked out once in this call (a long table's: 1 ms)

    def cited(h: Hit) -> bool:  # by its paragraph: the same paragraph may come twice, found by two routes; and by
        # its words: a paper that prints the same sentence on several pages is quoted once
        return any(c.paragraph.id == h.paragraph.id or _same_words(c, h, forms) for c in chosen)

    top_best = best(top)
    topic = topic_words(question, implied)
    off_topic: set[str] = set()
    asked_topics = topics_named(question)

    def on_topic(h: Hit) -> bool:  # it, or its heading, prints a word of the question's, or the topic it names in
        # any wording of data/topics.tsv ("children with caring responsibilities" for "young carers")
        shown = f"{h.paragraph.heading or ''} {h.paragraph.text}"
        return bool(topic & words(shown)) or any(t.mentioned.search(shown) for _, t in asked_topics)

    kinds = question_types.expected(question)

    def scored_of(h: Hit, unscored: Scored = ([], np.zeros(0))) -> Scored:  # its sentences and their scores
        return (scored or {}).get(h.paragraph.id) or unscored

    def throughout_of(h: Hit) -> frozenset[str]:  # the words its document prints throughout
        return _printed_throughout(document(h)) if document is not None else frozenset()

    def about_subject(h: Hit) -> bool:  # its best sentence prints a word of the question's (but its councils'
        # names, the words asking what inspectors found and those its document prints throughout: "children in care"
        # in a report on them), or the topic it names in any wording, or gives the kind
        # of answer asked for ("All 36 consultees provided a comment." for "how many respondents gave a view …?")
        said = _best_text(scored_of(h))
        return bool(topic & words(said) - throughout_of(h)) or any(t.mentioned.search(said) for _, t in asked_topics) \
            or any(holds(k, said, question) for k in kinds)
    def gives_asked(h: Hit) -> bool:  # one of its sentences gives the kind of answer asked for ("The existing
        # contracts end on the 31 March 2025." in a paragraph on the contracts, for "when do the contracts end?")
        return any(holds(k, said, question) for k in kinds for said in scored_of(h)[0])
    top_said = _best_text(scored_of(top))
    top_words = words(top_said)
    top_values = _values(top_said)

    def adds_to_lead(h: Hit) -> bool:  # its best sentence (what it is quoted for) prints a word of the question's
        # subject the top paragraph's best sentence does not (but those its document prints throughout), or one of
        # its sentences gives the kind of answer asked for with a figure, date or name that sentence does not give
        if topic & words(_best_text(scored_of(h, ([h.paragraph.text], np.zeros(1))))) - top_words - throughout_of(h):
            return True
        return any(holds(k, said, question) and (_values(said) - top_values or not _values(said))
                   for k in kinds for said in scored_of(h)[0] or [h.paragraph.text])
    answered = bool(kinds) and all(holds(k, top_said, question) for k in kinds) \
        and not _SECOND_QUESTION.search(question)  # the top paragraph's best sentence gives all a one-part
    # question asks for
    if improvement_item(top) and not IMPROVEMENT_ASKED.search(question):
        chosen += _finding_beside(top, hits, cfg, topic, asked_topics, throughout_of,
                                  document(top) if document is not None else top.paragraph.text)
    # a question naming several councils gets the best paragraph of each
    if implied is not None and len(implied.org_names) >= 2:
        for h in hits[1:]:
            if len(chosen) >= max(cfg.max_paragraphs, len(implied.org_names)):
                break
            if h.meta.org_slug not in {c.meta.org_slug for c in chosen} and h.meta.org_slug in implied.orgs:
                chosen.append(h)
    for place, h in enumerate(hits[1:], 1):
        if len(chosen) >= cfg.max_paragraphs:
            break
        if cited(h):
            continue
        if (h.dense or 0) < cfg.min_dense:
            continue
        if top.score > 0 and h.score < cfg.score_keep * top.score:
            continue
        b = best(h)
        if top_best is not None and (b is None or b < cfg.sentence_keep * top_best):
            continue  # its sentences were not scored, or none answers nearly as well as the top paragraph's
        if top_best is not None and b is not None and b < cfg.topic_keep * top_best and topic \
                and not h.paragraph.kind.startswith("table") and not on_topic(h):
            off_topic.add(h.paragraph.id)  # no word of it or its heading is the question's but its council's name,
            # and its best sentence is no close match in meaning: another finding of the same report ("Young carers
            # benefit from a well-crafted offer" for a question on children placed in residential units). Left out,
            # and its place left empty: the candidates after it match the question less well still. (A table's
            # row says what it is about in its header: "Kent 370,000 50 1.3" shares no word but the council's.)
        if place >= 3 and top_best is not None and b is not None and b < SUBJECT_KEEP * top_best and topic \
                and not h.paragraph.kind.startswith("table") and not about_subject(h):
            off_topic.add(h.paragraph.id)  # below the first three, a paragraph whose best sentence (what it would
            # be quoted for) shares no word of the question's subject nor gives what it asks for, and answers less
            # well than the top one's, is another finding of the same report ("Leaders know their workforce well",
            # under a heading sharing "care", for a question on children in care at school). The first three are
            # kept on their meaning alone: a question put in other words than the report's ("top management" for
            # "senior leaders") is answered by its best matches, which need share no word with it
        if answered and top_best is not None and top_best > 0 and b is not None and b < ANSWERED_KEEP * top_best \
                and not h.paragraph.kind.startswith("table") and not gives_asked(h):
            off_topic.add(h.paragraph.id)  # the answer is given, and none of this one's sentences gives any of it
        if answered and not h.paragraph.kind.startswith("table") and h.paragraph.doc == top.paragraph.doc \
                and not adds_to_lead(h):
            off_topic.add(h.paragraph.id)  # the answer is given, and this one says nothing the top paragraph's
            # best sentence does not: no word of the question's subject it lacks, no other figure, date or name
            # of the kind asked for: filler beside the answer, or the answer's own words printed again in the
            # paper ("The network meeting in October was well attended by partners" beside "In October, 46
            # partners attended ..." for "how many partners came ...?"). Another paper's is kept: it is where that
            # paper says it (a report's own "This report includes 38 KPIs" beside its cover sheet's)
        if (then := of_another_time(h, top, question, implied)) and (then != "older" or kinds) and (
                then == "day" or top_best is not None and b is not None and b < SUBJECT_KEEP * top_best):
            off_topic.add(h.paragraph.id)  # another meeting's or another year's paper than the one the question
            # names and the top paragraph is from, that does not name it ("3. Consideration of Decision ..." of the
            # 13 March agenda for "what was on the agenda on 4 March?"): it says nothing of then, however close in
            # meaning (another day's meeting) or unless nearly as close as the top one (another year's paper). An
            # older paper only for a question asking for a kind of answer (a figure, a name): "what about Kent?" or
            # "caseloads in Kent" may be answered from any year, its lead chosen later among all of them
        chosen.append(h)
    chosen = [h for h in chosen if h.paragraph.id not in off_topic]
    # "who proposed it?": when none of the chosen paragraphs names a person (or gives the figure, date ... the
    # question asks for) but a candidate from the same document (or one about as close in meaning) does, cite
    # it too: e.g. the "Proposer:" field of the amendment form whose other paragraphs answer the rest
    chosen_docs = {h.paragraph.doc for h in chosen}
    for kind in question_types.expected(question):
        held = [h for h in chosen if holds(kind, h.paragraph.text, question, h.paragraph.para)]
        if kind == "name" and held and not any(question_types.holder_strength(h.paragraph.text, question) == 2
                                               for h in held):
            # "who is the Leader of the County Council?": the paragraphs cited name leaders of other groups;
            # a candidate naming the holder beside the role ("From: Roger Gough, Leader of the Council") is cited
            tied = [h for h in hits[1:] if not cited(h) and question_types.holder_strength(h.paragraph.text,
                                                                                            question) == 2]
            extra = next((h for h in tied if h.paragraph.doc in chosen_docs), None) or \
                next((h for h in tied if (h.dense or 0) >= cfg.min_dense), None)
            if extra is not None:
                chosen = (chosen if len(chosen) < cfg.max_paragraphs else chosen[:-1]) + [extra]
                continue
        if any(h.paragraph.doc == top.paragraph.doc for h in held) or (held and kind != "name"):
            continue
        holding = [h for h in hits[1:]
                   if not cited(h) and holds(kind, h.paragraph.text, question, h.paragraph.para)]
        # the best paragraph's own document first ("By: Anna Taylor" of the report the question is about, where
        # another report's "From:" line was cited), then the other cited documents', then another document's about
        # as close in meaning
        extra = next((h for h in holding if h.paragraph.doc == top.paragraph.doc), None)
        if extra is None and not held:
            extra = next((h for h in holding if h.paragraph.doc in chosen_docs), None) or \
                next((h for h in holding if (h.dense or 0) >= cfg.min_dense), None)
        if extra is not None:
            chosen = (chosen if len(chosen) < cfg.max_paragraphs else chosen[:-1]) + [extra]
    if kinds and not answered and not _SECOND_QUESTION.search(question):  # after the paragraphs giving what is
        # asked are brought in: the top paragraph's own document's first ("By: Anna Taylor" of the report asked about)
        chosen = _beside_answer(chosen, question, kinds, scored_of, throughout_of, topic)
    if "vote" in kinds and holds("vote", top.paragraph.text, question):
        chosen = chosen[:1] + [h for h in chosen[1:] if not another_motions_vote(h, top, question, topic)]
    if not asks_of_the_paper(question, kinds):
        chosen = chosen[:1] + [h for h in chosen[1:] if not paper_apparatus(h)]
    if not _DOCUMENTS_ASKED.search(question):
        chosen = [h for h in chosen if not document_list(h)] or chosen[:1]
    return [h for h in chosen if not unfilled_field(h)] or chosen[:1]  # (the top one too, when another is cited:
    # what leads is chosen among those cited, by how well their sentences answer)


def _minute(h: Hit) -> str | None:
    """The minute a paragraph of minutes is printed under, by its printed number ("290" of "290/3"); None when its
    number names none."""
    head, sep, _ = (h.paragraph.para or "").partition("/")
    return head.strip() if sep and head.strip() else None


def another_motions_vote(h: Hit, lead: Hit, question: str, topic: set[str] | frozenset[str] = frozenset()) -> bool:
    """Whether ``h``, beside a lead that records the vote a question asks about, records a vote on another motion:
    one under another minute of the same minutes whose heading prints fewer of ``topic`` (the question's words but
    its councils' names) than the lead's minute's (the budget's amendments, minute 291 "Capital Programme … and
    Revenue Budget", beside the vote of minute 290 "Section 25 Report" for "how did members vote on the Section 25
    report?"; a minute headed as well as the lead's may be the one asked about, the lead a neighbour's), or an
    amendment's vote where the question asks of no amendment (query/kinds.py: such a vote does not hold the vote
    asked about). A vote of another paper is left to the other rules: another meeting's."""
    if not records_vote(h.paragraph.text):
        return False
    if not holds("vote", h.paragraph.text, question):
        return True
    return h.paragraph.doc == lead.paragraph.doc and None not in (_minute(h), _minute(lead)) \
        and _minute(h) != _minute(lead) \
        and len(topic & words(h.paragraph.heading or "")) < len(topic & words(lead.paragraph.heading or ""))


# a form's numbered question alone, its answer printed elsewhere or not at all ("8 If Yes - Is this DPIA a proposal
# for a new deployment …?", "40 When is the processing of personal data for this project due to begin?"); the number
# is the form's (no full stop after it: a report's "3.1 …", a council question's "1. Question by …" are not forms')
_FORM_QUESTION = re.compile(r"^\s*\d{1,3}\s+[A-Z][^.!:]*\?\s*$")
# a form's labels with no value after the last ("DPIA Project Information Title:")
_LABELS_ONLY = re.compile(r"^[^.!?]{1,80}:\s*$")


# a paper's list of the documents behind it or attached to it, by its heading ("10. Background Documents",
# "Appendices") or as it opens or goes on ("… Background documents a) Agenda for Cabinet on …")
_DOCUMENT_LIST = re.compile(r"\bbackground (?:documents?|papers?)\b|^\W*(?:\d+(?:\.\d+)*\.?\s*)?(?:list of )?appendices\b",
                            re.IGNORECASE)
# a question asking which documents a paper draws on or attaches, or where something is set out or published
_DOCUMENTS_ASKED = re.compile(r"\bdocument\w*|\bappendi\w+|\bannex\w*|\bpapers?\b|\bbackground\b|\blinks?\b|"
                              r"\bwebsite\b|\bwhere\b|\bpublished\b|\brefer\w*|\bsources?\b", re.IGNORECASE)


def document_list(h: Hit) -> bool:
    """Whether ``h`` is a committee paper's list of the documents behind it or attached to it ("10.1 Commissioning
    Plan for Education Provision in Kent 2024-28 https://…" under "10. Background Documents"; "Appendix 1: Service
    Offer Comparison Appendix 2: …"): it names what the question names and says nothing of it."""
    if h.meta.doc_type == "ofsted-inspection":
        return False
    heading = (h.paragraph.heading or "").split(" > ")[-1]
    return bool(_DOCUMENT_LIST.search(heading) or _DOCUMENT_LIST.search(h.paragraph.text))


def unfilled_field(h: Hit) -> bool:
    """Whether ``h`` is a form's field left without its value: a numbered question of the form alone, or a
    front-matter block of labels that ends on a label: cited beside an answer, it says nothing, whatever words it
    shares with the question (a DPIA screening's "DPIA Project Information Title:" and "8 If Yes - Is this DPIA a
    proposal for a new deployment …?" for "which case management systems does the service use?")."""
    text = h.paragraph.text.strip()
    return bool(_FORM_QUESTION.match(text)) or h.paragraph.kind == "front-matter" and bool(_LABELS_ONLY.match(text))


def _finding_beside(top: Hit, hits: list[Hit], cfg: AnswerConfig, topic: set[str], asked_topics: list,
                    throughout_of: Callable[[Hit], frozenset[str]], text: str) -> list[Hit]:
    """For a question that does not ask what must improve, led by an item of a report's list of what needs to
    improve ("The effectiveness of the emergency duty team (EDT) …" for "what did inspectors find about the emergency
    duty team?"): the best of the candidates that are not such items, from the same report, that bears on the item's
    area: it prints the word of the question's subject the item prints that the report prints least often ("neglect",
    not "response", of "The identification and response to neglect"), or the abbreviation the report gives it
    ("The EDT responds appropriately to most requests …"), or it names the topic asked about in any wording. The
    item restates the question's words and so scores far above that finding; measured against it, the finding was
    left out."""
    shared = (topic & words(top.paragraph.text)) - throughout_of(top)
    lines = [words(line) for line in text.split("\n") if line.strip()]
    rarest = min(shared, key=lambda w: (sum(w in seen for seen in lines), w), default=None)
    short = abbreviations(text, topic)
    for h in hits[1:cfg.candidates]:
        if improvement_item(h) or h.paragraph.doc != top.paragraph.doc or (h.dense or 0) < cfg.min_dense:
            continue
        shown = f"{h.paragraph.heading or ''} {h.paragraph.text}"
        printed = words(shown)
        if rarest is not None and (rarest in printed or printed & {s for s in short
                                                                    if rarest in _term_of(text, s)}) \
                or any(t.mentioned.search(shown) for _, t in asked_topics):
            return [h]
    return []


def _term_of(text: str, short: str) -> set[str]:
    """The words of the term ``text`` abbreviates as ``short`` (stemmed): "emergency duty team" for "EDT"."""
    for before, s in _ABBREVIATED.findall(text):
        if words(s) == {short}:
            return words(" ".join(before.split()[-len(s):]))
    return set()


# the kinds of answer a paper's cover sheet or contact block gives: who it is from or to, its meeting's date, its
# decision number ("From: …", "To: Cabinet – 4 March 2025", "Decision No: 24/00093", "Contact Officer: …")
_COVER_KINDS = frozenset({"time", "future", "person", "name", "entity", "reference", "attendance"})
# a question asking where a meeting is held, whom to ask about one, or which committee or board a paper went to
# before or goes to next (a cover sheet's "Past Pathway: … Cabinet Committee")
_WHERE = re.compile(r"\bwhere\b|\bvenue\b|\bwebcast\w*\b|\bcontact\w*\b|"
                    r"\bwhich\s+(?:[\w'’-]+\s+){0,3}?(?:committees?|boards?|panels?|meetings?|bod(?:y|ies))\b",
                    re.IGNORECASE)
# an author or contact block longer than this many words says more than who wrote the paper
_BLOCK_WORDS = 80


def asks_of_the_paper(question: str, kinds: list[str]) -> bool:
    """Whether ``question`` asks what a paper's cover sheet or contact block gives: who wrote it or is to be
    contacted, who it is from or to, when or where its meeting is, its decision number."""
    return bool(_COVER_KINDS & set(kinds)) or author_asked(question) is not None or bool(_WHERE.search(question))


def paper_apparatus(h: Hit) -> bool:
    """Whether ``h`` is a committee paper's apparatus, not what it says: its cover sheet or title block (a
    front-matter paragraph: "From: … To: Cabinet – 4 March 2025 Decision No: n/a Subject: …", "KENT COUNTY COUNCIL –
    PROPOSED RECORD OF DECISION DECISION TO BE TAKEN BY: Cabinet DECISION NO: 24/00109"), or a short author or
    contact block ("Contact details Report Author: … Telephone: …"). An inspection report's front matter is not: it
    prints the judgements and the summary of findings."""
    if h.meta.doc_type == "ofsted-inspection":
        return False
    text = h.paragraph.text
    return h.paragraph.kind == "front-matter" or (len(text.split()) <= _BLOCK_WORDS and author_block(text, "contact"))


# a financial year written short or long ("2025-26", "2025/2026")
_FINANCIAL_YEAR = re.compile(r"\b(20[0-4]\d)\s*[-–/]\s*(?:20)?(\d\d)\b")
# a day of a month, written out ("4 March", "30th of January")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({'|'.join(MONTH_NAMES)})\b", re.IGNORECASE)


def _days_named(text: str) -> set[tuple[int, int]]:
    """The days of a month ``text`` writes out, as (day, month): "4 March" (4, 3)."""
    months = [m.lower() for m in MONTH_NAMES]
    return {(int(d), months.index(m.lower()) + 1) for d, m in _DAY_MONTH.findall(text)}


def _day_of(date: str) -> tuple[int, int]:
    """A "YYYY-MM-DD" date's day and month."""
    return int(date[8:10]), int(date[5:7])


# papers written this many years or more before the top paragraph's are of another time than a question naming none
OLDER_PAPERS = 3


def _financial_years(text: str) -> set[tuple[int, int]]:
    """The financial years ``text`` names ("2024-25": (2024, 25)), spans of one year only."""
    return {(int(a), int(b)) for a, b in _FINANCIAL_YEAR.findall(text) if int(b) == (int(a) + 1) % 100}


def of_another_time(h: Hit, top: Hit, question: str, implied: Implied | None) -> str:
    """Whether (why: "day", "year", "older"; else "") ``h`` is from a paper of another time than the one the question
    names and the top paragraph ``top`` is from, and does not name that time itself: a question naming a day ("on 4
    March 2025", or days) whose top paragraph is from that day's paper, and another day's paper ("the 13 March
    agenda"); one naming a financial year
    ("in 2025-26") and a paper whose title is of another ("Budget Monitoring Report – November 2024-25"); one naming
    no year nor asking how things changed, answered from a committee paper, and a paper written
    ``OLDER_PAPERS`` years or more before it (an inspection report of 2017 beside the December 2024 minutes)."""
    if h.paragraph.doc == top.paragraph.doc or h.paragraph.kind.startswith("table"):
        return ""
    text = f"{h.paragraph.heading or ''} {h.paragraph.text}"
    days = _days_named(question)
    if implied is not None and implied.days and top.meta.date and _day_of(top.meta.date) in days \
            and top.meta.year in {int(d[:4]) for d in implied.days}:  # (each day of "the meetings of 30 January and
        # 4 March 2025" is one asked about)
        return "day" if h.meta.date and _day_of(h.meta.date) not in days and not _days_named(text) & days else ""
    if asked := _financial_years(question):
        titled = _financial_years(f"{h.meta.title or ''} {h.meta.agenda_title or ''}")
        return "year" if titled and not titled & asked and not _financial_years(text) & asked else ""
    if years_written(question) or spans_years(question, implied) or top.meta.doc_type == "ofsted-inspection":
        return ""
    older = top.meta.year is not None and h.meta.year is not None and h.meta.year <= top.meta.year - OLDER_PAPERS
    return "older" if older and not years_named(text) & {top.meta.year, top.meta.year - 1} else ""


def _beside_answer(chosen: list[Hit], question: str, kinds: list[str], scored_of: Callable[[Hit], Scored],
                   throughout_of: Callable[[Hit], frozenset[str]], topic: set[str]) -> list[Hit]:
    """The paragraphs chosen but those that only talk around an answer another of them gives. When the top paragraph
    gives none of what a one-part question asks for (in no sentence, nor as a whole) and a further one does ("Lake
    Market Research was appointed to conduct an independent analysis of feedback." for "who carried out the analysis
    of the consultation?"), a paragraph none of whose sentences gives any of it, and whose best sentence prints no
    word of the question's subject but those the answering sentences and their documents' titles print (and those
    its own document prints throughout), is the papers' talk on the same subject ("The consultation set out the
    rationale for the proposal ..."): left out. The top paragraph is kept (without it the answer, its best sentence
    no longer cited, was declined as unsure: three of the testers' questions), as is a table's row (its header says
    what it is about)."""
    def sentences(h: Hit) -> list[str]:
        return scored_of(h)[0] or [h.paragraph.text]

    def giving(h: Hit) -> list[str]:  # its sentences giving all of it, or else the whole paragraph when it does
        # (a form's "Officer completing EQIA ... Ben Sherreard Programme Manager", the role and the name apart)
        said = [t for t in sentences(h) if all(holds(k, t, question) for k in kinds)]
        whole = all(holds(k, h.paragraph.text, question, h.paragraph.para) for k in kinds)
        return said or ([h.paragraph.text] if whole else [])

    if not chosen or giving(chosen[0]):
        return chosen  # the top paragraph gives it (a vote's "For 12 Against 50" below "the voting was as follows:")
    answering = [h for h in chosen[1:] if not h.paragraph.kind.startswith("table") and giving(h)]
    answers = {h.paragraph.id for h in answering}
    if not answering:
        return chosen
    covered: set[str] = set()
    for h in answering:
        covered |= _title_words(h)
        for said in giving(h):
            covered |= words(said)

    def talk(h: Hit) -> bool:  # (the top paragraph stays: the closest match in meaning, how sure the answer is)
        if h is chosen[0] or h.paragraph.id in answers or h.paragraph.kind.startswith("table") or not scored_of(h)[0]:
            return False
        if any(holds(k, said, question) for k in kinds for said in sentences(h)):
            return False
        return not (topic - _PARTICLES) & words(_best_text(scored_of(h))) - covered - throughout_of(h)
    return [h for h in chosen if not talk(h)]


# a phrasal verb's particle ("carried out", "set up") says nothing of a subject: "The consultation set out the
# rationale ..." shares no more with "who carried out the analysis?" than "consultation"
_PARTICLES = frozenset(stems("out up off down over back away"))


def words(text: str) -> set[str]:
    """``text``'s stemmed words, a hyphenated compound also as one word ("front-line" as "frontline" too)."""
    joined = re.sub(r"(?<=[A-Za-z])[-‐‑–](?=[A-Za-z])", "", text)
    return stems(text) | (stems(joined) if joined != text else set())


def topic_words(question: str, implied: Implied | None) -> set[str]:
    """The question's own words but the councils' names it gives and the words that ask what inspectors found: what
    a cited sentence shares with it when it is about the question's subject."""
    return words(question) - _ASKING_INSPECTORS - words(" ".join(implied.org_names if implied is not None else []))


def without_repeats(citations: list[tuple[Hit, list[str]]], share: float = 0.9,
                    least: int = 20) -> list[tuple[Hit, list[str]]]:
    """The citations but the supporting ones whose paragraph repeats one of the same document cited before it: at
    least ``share`` of its words printed there (a motion's text printed again in each amendment to it, in the same
    minutes), when it has ``least`` different words: a one-line recommendation repeated as the report's conclusion
    ("8.1 Cabinet is asked to agree the Plan") is what the conclusion says. Another paper's copy is kept: it is
    where the other paper says it. The first line is always kept."""
    kept: list[tuple[Hit, list[str]]] = []
    seen: list[tuple[str, set[str]]] = []
    for i, (h, quoted) in enumerate(citations):
        own = words(h.paragraph.text)
        if i and len(own) >= least and any(doc == h.paragraph.doc and len(own & before) >= share * len(own)
                                           for doc, before in seen):
            continue
        kept.append((h, quoted))
        seen.append((h.paragraph.doc, own))
    return kept


def _title_words(h: Hit) -> set[str]:
    """The words of the title of ``h``'s document and of the agenda item it was printed for: what the whole paper is
    about."""
    return words(f"{h.meta.title} {h.meta.agenda_title or ''}")


def _same_words(a: Hit, b: Hit, forms: dict[str, str] | None = None) -> bool:
    """Whether two paragraphs print the same words (spacing, case and quote marks aside); ``forms``: the search
    forms of the texts compared already, by text."""
    forms = {} if forms is None else forms
    for text in (a.paragraph.text, b.paragraph.text):
        if text not in forms:
            forms[text] = search_form(text)
    return forms[a.paragraph.text] == forms[b.paragraph.text]


# a question's words that ask about the inspection itself, not its subject: a newest report's sentence sharing only
# these (and the council's name) with "what did inspectors say about step-down in Medway?" is not about step-down
_ASKING_INSPECTORS = stems("Ofsted inspectors inspection inspected inspect say said says find found finds report "
                           "reported judged")


def with_newest_reports(chosen: list[Hit], hits: list[Hit], cfg: AnswerConfig,
                        scored: Callable[[Hit], Scored] | None = None, question: str = "",
                        implied: Implied | None = None) -> list[Hit]:
    """For a question about how things are now ("how are care leavers doing?"): a council whose older
    inspection reports are cited has its newest report among the results cited too (its best paragraph there, if
    close enough in meaning and, when ``scored`` gives the paragraphs' sentence scores, its best sentence answers
    nearly as well as the top paragraph's, as pick_paragraphs asks of any further citation), in place of the last
    paragraph cited from an older report of that council when the answer is full, so that the newest report can
    lead (lead.py) instead of a report it replaced. With ``question``, that paragraph's best sentence must share
    a word with it besides the council's name and the words that ask what inspectors found: a newest report that
    says nothing of the subject is not cited for saying something else."""
    topic = stems(question) - _ASKING_INSPECTORS - stems(" ".join(implied.org_names if implied is not None else []))
    memo: dict[str, Scored] = {}

    def got(h: Hit) -> Scored:  # a paragraph's sentence scores, computed once however often they are compared
        if h.paragraph.id not in memo:
            memo[h.paragraph.id] = scored(h)
        return memo[h.paragraph.id]

    top_best = best_sentence(got(hits[0])) if scored is not None else None
    newest: dict[str, Hit] = {}  # each council's newest report's best paragraph close enough in meaning: the
    # first found, or with ``scored`` the one whose best sentence answers best

    def better(h: Hit, than: Hit) -> bool:
        if (h.meta.date or "") != (than.meta.date or ""):
            return (h.meta.date or "") > (than.meta.date or "")
        return scored is not None and (best_sentence(got(h)) or -1.0) > (best_sentence(got(than)) or -1.0)

    for h in hits:
        slug = h.meta.org_slug
        if h.meta.doc_type == "ofsted-inspection" and slug and (h.dense or 0) >= cfg.min_dense and (
                slug not in newest or better(h, newest[slug])):
            newest[slug] = h
    for slug, h in newest.items():
        older = [i for i, c in enumerate(chosen) if c.meta.org_slug == slug and c.meta.doc_type == "ofsted-inspection"
                 and (c.meta.date or "") < (h.meta.date or "")]
        if not older or any(c.paragraph.doc == h.paragraph.doc for c in chosen):
            continue
        if scored is not None and (top_best is None or (b := best_sentence(got(h))) is None
                                   or b < cfg.sentence_keep * top_best):
            continue
        if question and scored is not None and not topic & stems(_best_text(got(h))):
            continue
        if len(chosen) >= cfg.max_paragraphs:  # the last paragraph of the older report cited most (the oldest of
            # those), or else the last cited
            count = Counter(chosen[i].paragraph.doc for i in older)
            dated = {chosen[i].paragraph.doc: chosen[i].meta.date or "" for i in older}
            most = min(count, key=lambda d: (-count[d], dated[d]))
            drop = max((i for i in older if i > 0 and chosen[i].paragraph.doc == most), default=len(chosen) - 1)
            chosen = chosen[:drop] + chosen[drop + 1:]
        chosen = chosen + [h]
    return chosen


@lru_cache(maxsize=32)
def _printed_throughout(text: str, least: int = 50) -> frozenset[str]:
    """The words a document (its whole text, ``text``) prints throughout (topics.common_words), when it has ``least``
    lines: a short paper's words are what it lists, not filler ("item" in a 12-item agenda's front sheet, on the line of
    the item asked about). The shortest inspection report has 89."""
    return common_words(text) if sum(1 for line in text.split("\n") if line.strip()) >= least else frozenset()


# a figure, or a capitalised word inside a sentence (a name, a month): what a sentence gives of a figure, date or name
_VALUE = re.compile(r"\d[\d,.]*\d|\d|(?<=[a-z,;:] )[A-Z][a-z]+")


def _values(text: str) -> set[str]:
    """The figures and the capitalised words inside ``text`` (names, months)."""
    return {v.rstrip(".,") for v in _VALUE.findall(text)}


def _best_text(got: Scored) -> str:
    """The best-scoring sentence of a paragraph's scored sentences."""
    sentences, scores = got
    return sentences[int(np.argmax(scores))] if sentences else ""
