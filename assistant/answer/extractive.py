"""Step 6: the extractive answer — the sentences of the top paragraphs that answer the question, each cited.

Nothing is written that is not in a cited paragraph: every quote is copied from the paragraph its citation names
(a list's items, printed as paragraphs cited alike, share one line and its citation). When the evidence is weak the
answer abstains and lists the nearest passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from typing import Callable

import numpy as np

from .. import councils
from ..index.embed import Embedder
from ..index.lexical import tokenize
from ..parse.context import is_meeting_answer, is_meeting_question
from ..parse.normalise import search_form
from ..parse.sentences import split_sentences
from ..query import kinds as question_types
from ..query.glossary import expand, glossary
from ..query.implied import Implied
from ..records import ELISION, MONTH_NAMES, Citation, Hit, citation_label, long_date
from .completion import Following, completing
from .votes import side_named, tallies_after

# A named thing in the question ("Lifelong Links", "Band D") must be in what is cited, or the documents are
# talking about something else. Multi-word capitalised names and acronyms (an acronym's glossary words count):
_PROPER = re.compile(r"(?<=[\s(\"“‘])([A-Z][\w'’&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'’&-]*)+|[A-Z]{3,})"
                     r"(?=[\s,.?!)\"”’]|$)")  # also in quotation marks: 'about "Lifelong Links"'
_NOT_NAMES = {"ofsted", "ofsted's", "council", "county council", "what", "which", "how"}


@dataclass
class AnswerConfig:
    max_paragraphs: int = 5
    max_sentences: int = 2  # per paragraph
    lead_sentences: int = 3  # the leading quote: with up to one more sentence next to those it quotes ...
    lead_keep: float = 0.65  # ... scoring at least this close to its best one (chosen on dev; 0.55 alike)
    min_dense: float = 0.35  # legacy selection: further paragraphs need this retrieval cosine
    abstain_below: float = 0.50  # confidence under which we abstain (calibrated on the dev questions)
    nearest: int = 3
    candidates: int = 6  # paragraphs whose sentences are scored
    sentence_keep: float = 0.7  # further paragraphs need a best sentence at least this close to the top one's
    # (0.6 to 0.7 cite the same gold paragraphs on every question file; 0.7 fewer others; 0.75 loses gold ones)
    score_keep: float = 0.65  # ... and a retrieval score at least this close to the top paragraph's (0.6 to 0.65:
    # 15-25% fewer citations and the first line more often right on every question file; one dev gold paragraph,
    # ranked 5th at 0.47 of the top score, lost; 0.7 loses another)
    kind_bonus: float = 0.05  # a leading sentence that gives the kind of answer asked for (a figure, a date ...)
    typical_penalty: float = 0.5  # times a leading sentence's typicality of its document (IndexData.typicality_of):
    # a sentence close to what the whole report says ("Children in Ealing continue to benefit from good services")
    # is close to every question about it, so it is a poorer lead than one as close that says something particular
    # (hubness reduction: Radovanović et al., JMLR 2010; Conneau et al.'s CSLS, ICLR 2018). 0.3 to 0.7 alike
    lead_must_answer: bool = True  # the leading quote, not just any quote, must give the kinds asked for


@dataclass
class Composed:
    text: str
    citations: list[Citation]
    abstained: bool
    nearest: list[Hit]
    confidence: float


def _holds(kind: str, text: str, question: str, para: str | None = None) -> bool:
    """Whether ``text`` states an answer of ``kind`` (query/kinds.py, strictly: an age is not a count). ``para``:
    the printed number of the paragraph ``text`` begins, which is not a figure however it is printed ("1 Verbatim
    comments refer to …", a footnote the parser numbered)."""
    if para and text.lstrip().startswith(para) and text.lstrip()[len(para):][:1] in (" ", ".", ")", "\n"):
        text = text.lstrip()[len(para):]
    return question_types.holds(kind, text, question, strict=True)


def _stems(text: str) -> set[str]:
    return set(tokenize([text])[0])


# an inspection report's title block: "Inspection of Rochdale … Inspection dates: … Lead inspector: …" shares the
# council's name and "inspectors" with any question about the report, but says nothing about its topic
# ("Reporting inspector" in the 2013 reports, which print their title as a sentence of its own; no inspector named
# in a few)
_TITLE_BLOCK = re.compile(r"\bInspection dates?:.*\b(?:Lead|Reporting) inspector\b|"
                          r"^\s*Inspection of\b[^.]*?\bInspection dates?:|"
                          r"^\s*Inspection of\b[^.]{0,100}$", re.DOTALL)
# a question about the inspection itself, which a report's title block and its "Inspection dates" answer (not a
# visit's: kinds.about_inspection, which also counts a "visit", decides whether the date of the last one answers)
_ABOUT_INSPECTION = re.compile(r"\binspect\w*|\bofsted\b", re.IGNORECASE)
_INSPECTION_DATES = re.compile(r"\bInspection dates?:")
_JUDGEMENT_HEADER = re.compile(r"Judgements?\s+Grades?$")  # the judgement table's header row
_LOOKS_BACK = re.compile(r"\b(?:last|previous|prior|preceding|earlier)\s+(?:\w+\s+)?(?:inspection|visit)|"
                         r"\binspected in\b", re.IGNORECASE)
_EARLIER_INSPECTION = re.compile(r"\b(?:previous|prior|preceding|earlier)\s+(?:\w+\s+)?(?:inspection|visit)",
                                 re.IGNORECASE)
_WHEN_INSPECTED = re.compile(r"\bwhen (?:did|was|were|is|will)\b.*\binspect|\bwhat (?:were|are) the inspection dates\b",
                             re.IGNORECASE)
_ABOUT_A_FINDING = re.compile(r"\b(?:find|found|say|said|raise[ds]?|identif\w*|judge[ds]?|rate[ds]?|grade[ds]?|report\w*|"
                              r"tell|told|ask\w*|recommend\w*|first|notice[ds]?|highlight\w*|concern\w*)\b",
                              re.IGNORECASE)
SentenceVectors = Callable[[int], np.ndarray]  # paragraph row -> its sentences' stored vectors
Typicality = Callable[[int], np.ndarray]  # paragraph row -> how typical of its document each sentence is
TableHeaders = Callable[[int], tuple[str, int | None]]  # paragraph row -> its table's headers and their page
DocumentText = Callable[[str], str]  # document id -> its whole text


def _typicality(typicality: Typicality | None, h: Hit, n: int) -> np.ndarray:
    """Each of ``h``'s ``n`` sentences' typicality of its document (IndexData.typicality_of); zeros when unknown."""
    got = typicality(h.row) if typicality is not None and h.row is not None else None
    return got if got is not None and len(got) == n else np.zeros(n, dtype=np.float32)


def _score_sentences(question: str, qvec: np.ndarray, hits: list[Hit], embedder: Embedder,
                     stored: SentenceVectors | None = None) -> dict[str, tuple[list[str], np.ndarray]]:
    """For each hit: its sentences and how well each answers the question (cosine + shared words).

    Sentence vectors come from the index (embedded at build time); only sentences of paragraphs without
    stored vectors (e.g. hits made up in tests) are embedded now, in one batch."""
    per_hit = [(h, split_sentences(h.paragraph.text)) for h in hits]
    vectors: list[np.ndarray | None] = []
    for h, sentences in per_hit:
        vecs = stored(h.row) if stored is not None and h.row is not None else None
        vectors.append(vecs if vecs is not None and len(vecs) == len(sentences) else None)
    missing = [s for (_, sentences), v in zip(per_hit, vectors) if v is None for s in sentences]
    fresh = iter(embedder.embed(missing)) if missing else iter(())
    out: dict[str, tuple[list[str], np.ndarray]] = {}
    q = _stems(question)
    for (h, sentences), vecs in zip(per_hit, vectors):
        if not sentences:
            out[h.paragraph.id] = ([], np.zeros(0, dtype=np.float32))
            continue
        if vecs is None:
            vecs = np.stack([next(fresh) for _ in sentences])
        cos = np.asarray(vecs, dtype=np.float32) @ qvec
        overlap = np.array([len(q & _stems(s)) / max(1, len(q)) for s in sentences], dtype=np.float32)
        out[h.paragraph.id] = (sentences, cos + 0.35 * overlap)
    return out


def _pick_paragraphs(question: str, hits: list[Hit], implied: Implied | None, cfg: AnswerConfig,
                     scored: dict[str, tuple[list[str], np.ndarray]] | None = None) -> list[Hit]:
    """The top paragraph, then further ones in retrieval order that score nearly as well and whose best sentence
    answers the question nearly as well as the top one's (so a paragraph that only shares a word is left out)."""
    top = hits[0]
    chosen = [top]

    def best(h: Hit) -> float | None:
        got = (scored or {}).get(h.paragraph.id)
        return float(np.max(got[1])) if got and len(got[1]) else None

    def cited(h: Hit) -> bool:  # by its paragraph: the same paragraph may come twice, found by two routes; and by
        # its words: a paper that prints the same sentence on several pages is quoted once
        return any(c.paragraph.id == h.paragraph.id or _same_words(c, h) for c in chosen)

    top_best = best(top)
    # a question naming several councils gets the best paragraph of each
    if implied is not None and len(implied.org_names) >= 2:
        for h in hits[1:]:
            if len(chosen) >= max(cfg.max_paragraphs, len(implied.org_names)):
                break
            if h.meta.org_slug not in {c.meta.org_slug for c in chosen} and h.meta.org_slug in implied.orgs:
                chosen.append(h)
    for h in hits[1:]:
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
        chosen.append(h)
    # "who proposed it?": when none of the chosen paragraphs names a person (or gives the figure, date ... the
    # question asks for) but a candidate from the same document (or one about as close in meaning) does, cite
    # it too: e.g. the "Proposer:" field of the amendment form whose other paragraphs answer the rest
    chosen_docs = {h.paragraph.doc for h in chosen}
    for kind in question_types.expected(question):
        held = [h for h in chosen if _holds(kind, h.paragraph.text, question, h.paragraph.para)]
        if any(h.paragraph.doc == top.paragraph.doc for h in held) or (held and kind != "name"):
            continue
        holding = [h for h in hits[1:]
                   if not cited(h) and _holds(kind, h.paragraph.text, question, h.paragraph.para)]
        # the best paragraph's own document first ("By: Anna Taylor" of the report the question is about, where
        # another report's "From:" line was cited), then the other cited documents', then another document's about
        # as close in meaning
        extra = next((h for h in holding if h.paragraph.doc == top.paragraph.doc), None)
        if extra is None and not held:
            extra = next((h for h in holding if h.paragraph.doc in chosen_docs), None) or \
                next((h for h in holding if (h.dense or 0) >= cfg.min_dense), None)
        if extra is not None:
            chosen = (chosen if len(chosen) < cfg.max_paragraphs else chosen[:-1]) + [extra]
    return chosen


def _same_words(a: Hit, b: Hit) -> bool:
    """Whether two paragraphs print the same words (spacing, case and quote marks aside)."""
    return search_form(a.paragraph.text) == search_form(b.paragraph.text)


def compose(question: str, hits: list[Hit], embedder: Embedder, implied: Implied | None = None,
            cfg: AnswerConfig | None = None, sentence_vectors: SentenceVectors | None = None,
            qvec: np.ndarray | None = None, table_headers: TableHeaders | None = None,
            following: Following | None = None, preceding: Following | None = None,
            typicality: Typicality | None = None, document_text: DocumentText | None = None) -> Composed:
    cfg = cfg or AnswerConfig()
    if implied is not None and implied.unindexed and not implied.orgs:
        # the question is about a council whose documents are not indexed: never quote another council instead
        names = " or ".join(implied.unindexed)
        after = "".join(f" {name} was replaced by {_listed(took)}, whose documents are indexed: ask about "
                        f"{'them' if len(took) > 1 else 'it'} by name." for name, took in implied.successors.items())
        return _declined(f"The indexed documents don't include anything from {names}, so they can't answer this."
                         + after, hits, cfg)
    if implied is not None and implied.after_documents:
        y, m = implied.after_documents.split("-")
        return _declined(f"The indexed documents were all written before {MONTH_NAMES[int(m) - 1]} {y}, so they can't "
                         "say what happened then.", hits, cfg)
    if implied is not None and implied.no_report_year is not None:
        years = ", ".join(str(y) for y in implied.report_years)
        who = " or ".join(implied.org_names) or "this council"
        return _declined(f"The indexed documents include no Ofsted report on {who} from {implied.no_report_year} (its "
                         f"reports indexed are from {years}), so they can't answer this.", hits, cfg)
    if implied is not None and implied.no_papers_year is not None:
        years = ", ".join(str(y) for y in implied.papers_years)
        whose = " or ".join(implied.committees)
        whose = f"{' or '.join(implied.org_names)}'s {whose}" if implied.org_names else f"the {whose}"
        return _declined(f"The indexed documents include no papers of {whose} from {implied.no_papers_year} "
                         f"(its papers indexed are from {years}), so they can't answer this.", hits, cfg)
    if implied is not None and implied.no_report_month is not None:
        y, m = implied.no_report_month.split("-")
        who = " or ".join(implied.org_names) or "this council"
        return _declined(f"The indexed documents include no Ofsted inspection of {who} in {MONTH_NAMES[int(m) - 1]} "
                         f"{y} (its inspections indexed ran {'; '.join(implied.inspections)}), so they can't answer "
                         "this.", hits, cfg)
    if not hits:
        return Composed(_abstain_text(question, []), [], True, [], 0.0)
    if qvec is None:
        qvec = embedder.embed([expand(question)])[0]
    kinds = question_types.expected(question)
    earlier = bool(_EARLIER_INSPECTION.search(question))  # "at its previous inspection": not this report's own
    # a report's title block answers who and what grade of its own inspection, and when it was inspected, but
    # not the one before, nor when something else happened ("when did Doncaster begin testing …?")
    title_answers = (bool(set(kinds) & {"person", "grade"}) or (
        "time" in kinds and bool(_ABOUT_INSPECTION.search(question)))) and not earlier

    grades_answer = _grades_answer(question, kinds)

    def score(some: list[Hit]) -> dict[str, tuple[list[str], np.ndarray]]:
        return _without_echoes(_without_furniture(_score_sentences(question, qvec, some, embedder, sentence_vectors),
                                                  title=not title_answers, grades=not grades_answer), question)

    voters = side_named(question)  # "which councillors voted against …?": that side's names are quoted
    scored = score(hits[: cfg.candidates])
    chosen = _pick_paragraphs(question, hits, implied, cfg, scored)
    chosen, replying = _with_answers(chosen, following, cfg)
    replying.update(_questions_answered(chosen, replying, preceding))
    citations: list[tuple[Hit, list[str]]] = []
    lead_scores: list[float] = []  # how well each citation's leading sentence answers the question
    ranked: list[tuple[list[str], np.ndarray, list[int], list[int], bool]] = []  # sentences, best first, quoted
    for h in chosen:
        sentences, scores = scored.get(h.paragraph.id) or score([h])[h.paragraph.id]
        if not sentences:
            continue
        order = list(np.argsort(-scores))
        own = h.paragraph.para
        answering = [i for i in order if scores[i] > _UNQUOTABLE
                     and any(_holds(k, sentences[i], question, own if i == 0 else None) for k in kinds)]
        table = h.paragraph.kind == "table"  # a table's line that gives what was asked for is its answer
        if table and "grade" in kinds:  # the judgement table's own lines before a grade mentioned in passing, and
            # its overall line first when the question names no judged area ("how has the judgement changed?")
            overall = not question_types.names_judged_area(question)
            answering.sort(key=lambda i: (not question_types.graded_line(sentences[i]),
                                          overall and not question_types.overall_line(sentences[i])))
        if table and "time" in kinds and _ABOUT_INSPECTION.search(question) and not earlier:  # "when was it
            answering.sort(key=lambda i: not _INSPECTION_DATES.search(sentences[i]))  # inspected?": its own dates
        if earlier:  # "at its previous inspection": what the report says of the last one, not its own table
            answering.sort(key=lambda i: not _LOOKS_BACK.search(sentences[i]))
        naming = ({i for i in answering if _holds("name", sentences[i], question, own if i == 0 else None)}
                  if "name" in kinds else set())
        if naming:  # "By: Anna Taylor, Scrutiny Research Officer" answers who wrote it, however it scores; a
            # person's name ("Mr Brady proposed …") before a body's ("the budget proposed by the Administration")
            titled = {i for i in naming if question_types.names_person(sentences[i])}
            answering.sort(key=lambda i: (i not in naming, i not in titled))
        if answering and answering[0] != order[0] and (table or bool(naming)
                                                       or scores[answering[0]] >= 0.7 * scores[order[0]]):
            order.remove(answering[0])
            order.insert(0, answering[0])  # the best sentence that gives what was asked for leads
        per_paragraph = 1 if table else cfg.max_sentences  # a table's lines are separate facts
        at = _with_what_follows(sentences, _positions(scores, order, per_paragraph, 0.85))
        citations.append((h, _join(sentences, at, voters)))
        ranked.append((sentences, scores, order, at, table))
        lead_scores.append(float(scores[order[0]]) + (cfg.kind_bonus if answering and answering[0] == order[0] else 0.0)
                           - cfg.typical_penalty * _typicality(typicality, h, len(sentences))[order[0]])
    # confidence: how well the best quoted sentence answers the question
    best_sentence = max((float(np.max(scored[h.paragraph.id][1])) for h in chosen
                         if h.paragraph.id in scored and len(scored[h.paragraph.id][1])), default=0.0)
    confidence = best_sentence
    # the answer line must give what was asked for: a quote holding every required kind (a figure, a date ...)
    required = question_types.required(question, kinds)
    answering = [i for i, (_, s) in enumerate(citations)
                 if all(_holds(k, " ".join(s), question, citations[i][0].paragraph.para) for k in required)]
    weak = (confidence < cfg.abstain_below and not _judgement_given(citations, kinds, implied)
            or _wrong_kind_of_evidence(question, citations, implied, kinds, replying)
            or (cfg.lead_must_answer and not answering))
    if weak:
        return _abstained(question, hits, cfg, confidence)
    spans_years = implied is not None and (len(implied.years) > 1 or implied.since_year is not None) \
        or bool(_OVER_TIME.search(question))
    if cfg.lead_must_answer and required:
        lead_scores = [score if i in answering else -1.0 for i, score in enumerate(lead_scores)]
    if not title_answers:
        lead_scores = [score - 1.0 if _TITLE_BLOCK.search(" ".join(quoted)) else score
                       for score, (_, quoted) in zip(lead_scores, citations)]
    if _WHEN_INSPECTED.search(question) and not _ABOUT_A_FINDING.search(question) and not earlier:
        # "when did Ofsted inspect Havering?": the report's own inspection dates, not "since the last inspection in
        # 2018" (a finding's date, "when did inspectors find …", is another question)
        lead_scores = [score + 1.0 if score >= 0 and _INSPECTION_DATES.search(" ".join(quoted)) else score
                       for score, (_, quoted) in zip(lead_scores, citations)]
    if "name" in kinds:  # "Lead inspector: Nick Bennison" before a paragraph that names someone and "led" and
        # "inspection" somewhere in its sentences
        strength = [question_types.holder_strength(" ".join(quoted), question) for _, quoted in citations]
        tied = {i for i, st in enumerate(strength) if st == 2}
        lead_scores = _prefer(lead_scores, tied, 0.5)
        # of those, the one in the document retrieval put first: "who wrote the report asking Cabinet to
        # reconsider …?" is that report's "By: Anna Taylor", not another report's "From:" line
        top_doc = {i for i in tied if citations[i][0].paragraph.doc == hits[0].paragraph.doc}
        lead_scores = _prefer(lead_scores, top_doc, 0.5, among=tied)
    lead_scores = _replies_lead(question, citations, lead_scores, replying)
    now = _asks_how_things_are(question, implied, spans_years)
    lead = _choose_lead(question, citations, lead_scores, kinds, implied, spans_years, now, replying)
    sentences, scores, order, at, table = ranked[lead]
    if not table:  # the answer's first line: with the sentence next to its best one when that scores nearly as well
        at = _with_antecedent(sentences, _with_neighbours(at, scores, order, cfg))
        citations[lead] = (citations[lead][0], _join(sentences, at, voters))
    citations = [citations[lead]] + citations[:lead] + citations[lead + 1:]
    # the supporting quotes come from paragraphs that give what was asked for too ("how many …?": a figure) and
    # mention what the question names ("Lifelong Links"), not from filler sharing a word with the question. The
    # paragraph retrieval put first need not repeat the name: it is the best match for the whole question, and a
    # paper's paragraph calls its subject "the contracts" or "the service" once its title has named it
    top = hits[0].paragraph.id
    citations = citations[:1] + [(h, quoted) for h, quoted in citations[1:]
                                 if all(_holds(k, h.paragraph.text, question, h.paragraph.para) for k in required)
                                 and (h.paragraph.id == top
                                      or not missing_names(question, _cited_with_context(h, replying), implied))]
    citations = _of_the_time_asked(citations, implied, spans_years)
    if _names_left_out(question, citations, implied, replying, document_text):
        return _abstained(question, hits, cfg, confidence)
    completions = completing(citations, following)
    every = [c for h, quoted in citations for c in [(h, quoted)] + completions.get(h.paragraph.id, [])]
    headers = _headers(every, table_headers)
    text, shown = _format(citations, headers, newest_first=spans_years or now, completions=completions)
    return Composed(text, [Citation.from_hit(h, " ".join(s), headers.get(h.paragraph.id, ("", None))[0])
                           for h, s in shown], False, [], confidence)


_UNQUOTABLE = -1.0  # a sentence score under any cosine plus shared words
def _grades_answer(question: str, kinds: list[str]) -> bool:
    """Whether a judgement table's lines ("The experiences and progress of children in care: Outstanding") may
    answer: a question about grades or about the inspection, not one that shares "children in care" with a line."""
    return "grade" in kinds or bool(_ABOUT_INSPECTION.search(question))


def _without_furniture(scored: dict[str, tuple[list[str], np.ndarray]], title: bool, grades: bool
                       ) -> dict[str, tuple[list[str], np.ndarray]]:
    """The sentence scores with a report's title block (``title``) and its judgement table's lines (``grades``)
    marked as unquotable: they share the council's name, "inspection" or an area's name with many questions
    and were quoted as filler. The paragraph that holds them (page 1's block, with the summary after the table)
    is still cited by its other sentences when they answer."""
    if not title and not grades:
        return scored
    out = {}
    for pid, (sentences, scores) in scored.items():
        drop = [i for i, s in enumerate(sentences)
                if title and _TITLE_BLOCK.search(s)
                or grades and (question_types.graded_line(s) or _JUDGEMENT_HEADER.match(s.strip()))]
        if drop:
            scores = scores.copy()
            scores[drop] = _UNQUOTABLE
        out[pid] = (sentences, scores)
    return out


_WH_QUESTION = re.compile(r"^\s*(?:what|which|who|whom|whose|how|when|where|why)\b", re.IGNORECASE)


def _without_echoes(scored: dict[str, tuple[list[str], np.ndarray]], question: str
                    ) -> dict[str, tuple[list[str], np.ndarray]]:
    """The sentence scores with those that only repeat the question's own words marked as unquotable, for a question
    asking what, who, how …: a cover sheet's "CHILDREN AND YOUNG PEOPLE OVERVIEW AND SCRUTINY COMMITTEE" scores
    highly against "What did the Children and Young People Overview and Scrutiny Committee discuss?" and tells
    nothing. (A yes/no question may be answered by its own words: "Was the overall effectiveness good?")"""
    if not _WH_QUESTION.search(question):
        return scored
    asked = _stems(question)
    out = {}
    for pid, (sentences, scores) in scored.items():
        echoes = [i for i, sentence in enumerate(sentences)
                  if not re.search(r"\d", sentence) and (words := _stems(sentence)) and words <= asked]
        if echoes:
            scores = scores.copy()
            scores[echoes] = _UNQUOTABLE
        out[pid] = (sentences, scores)
    return out


def _positions(scores: np.ndarray, order: list[int], most: int, keep: float) -> list[int]:
    """The best sentence and, of the next best ``most - 1``, those scoring at least ``keep`` times as well."""
    return sorted([order[0]] + [i for i in order[1:most] if scores[i] >= keep * scores[order[0]]])


LIST_ITEM_WORDS = 12  # a list's items after a colon are short ("Northdown Road Family Hub")
LIST_ITEMS = 10


# a sentence opening so gives the specifics of the one before it ("… poor relative to the England average.
# Examples include increasing levels of overweight in adults …"): an elaboration, in rhetorical-structure terms
_ELABORATES = re.compile(r"^\s*(?:examples?\s+(?:of\s+this\s+)?includes?|for\s+(?:example|instance)|"
                         r"these\s+include|this\s+includ(?:es|ed)|in\s+particular|such\s+as|including|specifically|"
                         r"namely)\b", re.IGNORECASE)


def _with_what_follows(sentences: list[str], at: list[int]) -> list[int]:
    """The quoted sentences ``at`` and what follows each that ends in a colon: the next sentence, and the rest of a
    list of short items ("the voting was as follows:" says nothing without "For (37) … Against (0)"; "valuations of
    the Family Hub sites in Margate:" nothing without the sites), which the sentence splitter keeps apart. Also
    the sentence after one quoted when it elaborates it ("Examples include …", "This included …", "In particular
    …"): the general claim's specifics are what was asked about."""
    out = set(at)
    for i in at:
        if i + 1 < len(sentences) and _ELABORATES.search(sentences[i + 1]):
            out.add(i + 1)
        if not sentences[i].rstrip().endswith(":") or i + 1 >= len(sentences):
            continue
        out.add(i + 1)
        j = i + 1
        while (j + 1 < len(sentences) and j - i < LIST_ITEMS and len(sentences[j].split()) <= LIST_ITEM_WORDS
               and len(sentences[j + 1].split()) <= LIST_ITEM_WORDS):
            j += 1
            out.add(j)
    return sorted(out)


# a sentence opening so refers back to the one before it ("Personal advisers visit young people … They provide
# practical help"): quoted alone it does not say who or what it is about
_REFERS_BACK = re.compile(r"^\s*(?:they|their|it|its|this|these|those|he|she|his|her)\b", re.IGNORECASE)


def _with_antecedent(sentences: list[str], at: list[int]) -> list[int]:
    """The quoted sentences ``at`` with the one before the first of them when that one opens by referring back to
    it ("They provide practical help …" is quoted with "Personal advisers visit young people …")."""
    if not at or at[0] == 0 or not _REFERS_BACK.search(sentences[at[0]]):
        return at
    return sorted(set(at) | {at[0] - 1})


def _with_neighbours(at: list[int], scores: np.ndarray, order: list[int], cfg: AnswerConfig) -> list[int]:
    """The leading quote's sentences ``at`` and, up to ``cfg.lead_sentences`` in all, the best-scoring sentences
    next to them that score at least ``cfg.lead_keep`` times as well as the best: the report's topic sentence is
    often followed by the one that gives the specifics ("… are strong. Investment in a housing social worker post
    …")."""
    room = cfg.lead_sentences - len(at)
    extra = [i for i in order[1:] if i not in at and (i - 1 in at or i + 1 in at)
             and scores[i] >= cfg.lead_keep * scores[order[0]]][:max(0, room)]
    return sorted(at + extra)


def _join(sentences: list[str], at: list[int], voters: str | None = None) -> list[str]:
    """The sentences at positions ``at`` in reading order, with "…" where sentences in between are left out. A
    recorded vote after a sentence ending in a colon is quoted by its tallies and outcome (votes.py), not by the
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
        if sentences[i].rstrip().endswith(":") and (vote := tallies_after(sentences, i, voters)) is not None:
            fragments, last, whole = vote
            picked.extend(fragments)
    return picked


ANSWER_PARAGRAPHS = 3  # an answer's opening paragraphs cited with the question they answer
# "what did Paul Stepto ask …?", "what was Mr Hood's question?": what was asked, not what was answered
_ASKS_WHAT_WAS_ASKED = re.compile(r"\b(?:ask(?:ed|s|ing)?|question(?:ed|s)?)\b", re.IGNORECASE)


def _with_answers(chosen: list[Hit], following: Following | None, cfg: AnswerConfig
                  ) -> tuple[list[Hit], dict[str, Hit]]:
    """A question put at a meeting ("Question by Susan Carey to Neil Baker, …") is cited with its answer: the
    paragraphs under the "Answer" heading after it (up to ``ANSWER_PARAGRAPHS``), when none of them is chosen
    already. The question alone, however close to what was asked, says nothing of what the Cabinet Member replied.
    The paragraphs chosen last make room when the answer would pass ``cfg.max_paragraphs``. Also returns, by
    paragraph id, the question each answer paragraph replies to."""
    replying: dict[str, Hit] = {}
    if following is None:
        return chosen, replying
    out = list(chosen)
    for h in chosen:
        if not is_meeting_question(h.paragraph) or h.row is None:
            continue
        reply: list[Hit] = []
        for n in following(h.row):
            if n.paragraph.doc != h.paragraph.doc or (reply and not is_meeting_answer(n.paragraph)):
                break
            if is_meeting_answer(n.paragraph):
                reply.append(n)
            elif n.paragraph.heading != h.paragraph.heading:
                break  # another heading between the question and an answer: no answer printed
            if len(reply) == ANSWER_PARAGRAPHS:
                break
        replying.update((n.paragraph.id, h) for n in reply)
        have = {c.paragraph.id for c in out}
        if reply and not any(n.paragraph.id in have for n in reply):
            out += reply
            while len(out) > cfg.max_paragraphs:  # the last chosen other than this question and its answer go
                out.remove(next(c for c in reversed(out) if c is not h and c not in reply))
    return out, replying


def _questions_answered(chosen: list[Hit], replying: dict[str, Hit], preceding: Following | None
                        ) -> dict[str, Hit]:
    """For each chosen answer paragraph whose question is not chosen, the question it answers (the paragraph before
    its answer's first paragraph, under a "Question by … to …" heading): its heading names who asked and who
    answered ("What did Paul Bartlett say about missed GP appointments?")."""
    out: dict[str, Hit] = {}
    for h in chosen:
        if preceding is None or h.row is None or h.paragraph.id in replying or not is_meeting_answer(h.paragraph):
            continue
        before = next((n for n in preceding(h.row)
                       if n.paragraph.doc != h.paragraph.doc or not is_meeting_answer(n.paragraph)), None)
        if before is not None and before.paragraph.doc == h.paragraph.doc and is_meeting_question(before.paragraph):
            out[h.paragraph.id] = before
    return out


def _replies_lead(question: str, citations: list[tuple[Hit, list[str]]], lead_scores: list[float],
                  replying: dict[str, Hit]) -> list[float]:
    """A question put at a meeting is not its answer: of a cited question's cited answer paragraphs, the one whose
    quote answers best leads in its place (with the question's score, when that is higher), and the question
    itself follows; unless what was asked is what the user asks about."""
    if _ASKS_WHAT_WAS_ASKED.search(question):  # the question put leads, its answer follows
        return _prefer(lead_scores, {i for i, (h, _) in enumerate(citations) if is_meeting_question(h.paragraph)},
                       1.0, among={i for i, (h, _) in enumerate(citations)
                                   if is_meeting_question(h.paragraph) or is_meeting_answer(h.paragraph)})

    def title(h: Hit | None) -> tuple[str, str | None] | None:  # a question printed as several paragraphs under
        return (h.paragraph.doc, h.paragraph.heading) if h is not None else None  # its title is one question

    scores = list(lead_scores)
    for asked in {title(q) for q in replying.values()}:
        put = [i for i, (h, _) in enumerate(citations) if is_meeting_question(h.paragraph) and title(h) == asked]
        replies = [i for i, (n, _) in enumerate(citations) if title(replying.get(n.paragraph.id)) == asked]
        if not put or not replies:
            continue
        best = max(replies, key=lambda i: lead_scores[i])
        scores[best] = max(lead_scores[best], *(lead_scores[i] for i in put))
        for i in put:
            scores[i] = lead_scores[i] - 1.0
    return scores


def _abstained(question: str, hits: list[Hit], cfg: AnswerConfig, confidence: float) -> Composed:
    """The evidence does not answer the question: say so, with the nearest passages."""
    nearest = hits[: cfg.nearest]
    return Composed(_abstain_text(question, nearest), [], True, nearest, confidence)


def _declined(text: str, hits: list[Hit], cfg: AnswerConfig) -> Composed:
    """What the documents cannot answer (a council, year or month with nothing indexed), said plainly, with the
    nearest passages."""
    nearest = hits[: cfg.nearest]
    return Composed(text + _nearest_text(nearest), [], True, nearest, 0.0)


def _choose_lead(question: str, citations: list[tuple[Hit, list[str]]], lead_scores: list[float], kinds: list[str],
                 implied: Implied | None, spans_years: bool, now: bool = False,
                 replying: dict[str, Hit] | None = None) -> int:
    """Which citation's quote is the answer's first line: the best-scoring one that gives every kind asked for
    (a grade for "what was the overall judgement"), from the year the question asks about when one is cited, or
    the newest document's when the question asks how things changed."""
    giving = [i for i, (h, s) in enumerate(citations)
              if all(_holds(k, " ".join(s), question, h.paragraph.para) for k in kinds)]
    if kinds:
        lead_scores = _prefer(lead_scores, giving, 1.0)
    # "who chairs the Improvement Board?": the paragraph about the Improvement Board, not another board's chair
    # (a name of several words: an acronym such as "SEND" names a topic that a paragraph may spell out)
    names = [n for n in missing_names(question, "", implied) if " " in n]
    naming = [i for i, (h, _) in enumerate(citations)
              if not set(names) & set(missing_names(question, _cited_with_context(h, replying), implied))]
    if names:
        lead_scores = _prefer(lead_scores, naming, 1.0)
    if implied is not None and len(implied.years) == 1 and not spans_years:
        # "what did the 2023 inspection say": the answer comes from that year's documents when one is cited
        # (an Ofsted report is often published the year after its inspection)
        asked = implied.years[0]
        lead_scores = _only(lead_scores, {i for i, (h, _) in enumerate(citations) if h.meta.of_year(asked)})
    if implied is not None and implied.months and not spans_years:
        # "the County Council meeting in March 2025": that month's papers (or an inspection that ran then), not
        # January's minutes of the same committee
        lead_scores = _only(lead_scores, {i for i, (h, _) in enumerate(citations) if h.meta.dated_in(implied.months)})
    if implied is not None and implied.days and not spans_years:
        # "the Cabinet meeting on 9 January 2025": that day's papers answer, not the same committee's later minutes
        lead_scores = _only(lead_scores, {i for i, (h, _) in enumerate(citations) if h.meta.date in implied.days})
    if now:  # "how is Medway doing?", "are caseloads manageable?": a council's newest report says how things are,
        # not the one it replaced (a committee paper is left to its score)
        lead_scores = _prefer(lead_scores, _not_superseded(citations), 1.0)
    lead = int(np.argmax(lead_scores))
    if spans_years:  # "how has it changed": the newest document's best quote leads
        newest = max(h.meta.date or "" for h, _ in citations)
        newest_lead = max((i for i, (h, _) in enumerate(citations) if (h.meta.date or "") == newest),
                          key=lambda i: lead_scores[i])
        if lead_scores[newest_lead] >= 0:  # unless the newest document's quotes do not give what was asked for
            lead = newest_lead
    return lead


def _judgement_given(citations: list[tuple[Hit, list[str]]], kinds: list[str], implied: Implied | None) -> bool:
    """Whether a question asking for a grade about a council it names is answered by a line of that council's
    inspection judgement table ("Overall effectiveness: Requires improvement to be good"). The line is the answer
    however little its words resemble the question's ("What grade did Wirral get last time?" scores under the
    abstention threshold against its own judgement table)."""
    if "grade" not in kinds or implied is None or not implied.orgs:
        return False
    return any(_inspection(h) and h.paragraph.kind == "table" and h.meta.org_slug in implied.orgs
               and any(question_types.graded_line(s) for s in quoted) for h, quoted in citations)


# the question's first auxiliary verb, which says its tense: "how many children are looked after?" (now), "what did
# inspectors find?" (then)
_AUXILIARY = re.compile(r"\b(is|are|does|do|has|have|was|were|did|had)\b", re.IGNORECASE)
_PRESENT = {"is", "are", "does", "do", "has", "have"}


def _asks_how_things_are(question: str, implied: Implied | None, spans_years: bool) -> bool:
    """Whether the question asks in the present tense and names no time: "how is Medway doing?" is answered by
    each council's newest report first, and the further quotes are grouped newest first."""
    verb = _AUXILIARY.search(question)
    return verb is not None and verb.group(1).lower() in _PRESENT and not spans_years and not (
        implied is not None and (implied.years or implied.months or implied.days))


def _not_superseded(citations: list[tuple[Hit, list[str]]]) -> set[int]:
    """The citations that are not from an inspection report older than another cited report on the same council."""
    newest: dict[str | None, str] = {}
    for h, _ in citations:
        if _inspection(h):
            newest[h.meta.org_slug] = max(newest.get(h.meta.org_slug, ""), h.meta.date or "")
    return {i for i, (h, _) in enumerate(citations)
            if not _inspection(h) or (h.meta.date or "") == newest[h.meta.org_slug]}


def _in_year(h: Hit, year: int) -> bool:
    """Whether ``h`` is from the year ``year`` or names it ("since the inspection in 2019, …")."""
    return h.meta.of_year(year) or str(year) in h.paragraph.text


def _of_the_time_asked(citations: list[tuple[Hit, list[str]]], implied: Implied | None, spans_years: bool
                       ) -> list[tuple[Hit, list[str]]]:
    """"What did the Corporate Parenting Panel discuss in October 2024?", "What did the 2023 inspection judge
    overall?": when the answer's first line comes from a document of the month asked about (or that year's
    inspection report), so do the further quotes, or they name that month (year): another meeting's minutes or
    another inspection's paragraphs, however close in meaning, do not bear on the question. (An answer to a year
    led by a committee paper is left alone: a paper of January 2025 reports on October to December 2024 without
    naming the year.)"""
    if implied is None or spans_years or not citations:
        return citations
    lead = citations[0][0]
    if implied.months and lead.meta.dated_in(implied.months):
        named = [f"{MONTH_NAMES[int(m[5:]) - 1]} {m[:4]}" for m in implied.months]
        return citations[:1] + [(h, q) for h, q in citations[1:]
                                if h.meta.dated_in(implied.months) or any(n in h.paragraph.text for n in named)]
    if len(implied.years) == 1 and _inspection(lead) and lead.meta.of_year(implied.years[0]):
        return citations[:1] + [(h, q) for h, q in citations[1:] if _in_year(h, implied.years[0])]
    return citations


def _inspection(h: Hit) -> bool:
    return h.meta.doc_type == "ofsted-inspection"


def _prefer(scores: list[float], preferred: set[int] | list[int], penalty: float,
            among: set[int] | None = None) -> list[float]:
    """``scores`` with those of the citations ``among`` (all by default) that are not ``preferred`` lowered by
    ``penalty``, when some of them but not all are preferred (else unchanged: nothing to choose between)."""
    among = set(range(len(scores))) if among is None else among
    keep = set(preferred) & among
    if not keep or keep == among:
        return scores
    return [score - penalty if i in among and i not in keep else score for i, score in enumerate(scores)]


def _only(scores: list[float], keep: set[int]) -> list[float]:
    """``scores`` with every citation outside ``keep`` ruled out of the lead (-2), when one in it may lead."""
    if not any(scores[i] >= 0 for i in keep):
        return scores
    return [score if i in keep else -2.0 for i, score in enumerate(scores)]


def missing_names(question: str, cited_text: str, implied: Implied | None = None) -> list[str]:
    """Names in the question ("Lifelong Links", "Band D", "DfT") that none of the cited paragraphs mention."""
    text = question
    for name in (implied.org_names + implied.unindexed + implied.places) if implied is not None else []:
        text = text.replace(name, " ")
    cited = cited_text.lower().replace("’", "'")
    out = []
    for name in _PROPER.findall(" " + text.split(" ", 1)[-1]):
        name = _POSSESSIVE.sub("", name)  # "the Labour Group's amendment" names the Labour Group
        low = name.lower().replace("’", "'")
        if low in _NOT_NAMES or low in cited or councils.resolve(name):  # councils: checked by the filters
            continue
        if _only_dates_and_common(name):  # "October and December", "Ofsted's December": dates, which the
            continue  # filters compare with the documents' own dates, not names a quote must print
        if _glossary_equivalent_cited(name, cited) or _words_together(name, cited) or _initials_cited(name, cited) \
                or _spelled_out(name, cited_text) or _minister_cited(name, cited):
            continue
        out.append(name)
    return out


_POSSESSIVE = re.compile(r"['’]s?$")
_CALENDAR = {m.lower() for m in MONTH_NAMES} | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                "sunday"}


def _only_dates_and_common(name: str) -> bool:
    """Every capitalised word of ``name`` is a month or a day of the week, or not a name at all ("Ofsted's")."""
    words = [_POSSESSIVE.sub("", w).lower() for w in re.findall(r"[A-Z][\w'’&-]*", name)]
    return all(w in _CALENDAR or w in _NOT_NAMES for w in words)


_LINKS = {"of", "and", "for", "the", "in", "on", "to"}


def _words_together(name: str, cited: str) -> bool:
    """A name of several words printed in another order ("the Education Provision Commissioning Plan" as "the
    Commissioning Plan for Education Provision"): all its words within a span a few words longer than the name."""
    words = [_singular(w) for w in re.findall(r"\w+", name.lower()) if w not in _LINKS]
    if len(words) < 2 or any(len(w) < 3 for w in words):
        return False  # "Band D" must be printed as such: a stray "(d)" near "band" is not it
    tokens = [_singular(t) for t in re.findall(r"\w+", cited)]
    span = len(words) + 3
    need = set(words)
    for start, token in enumerate(tokens):
        if token in need and need <= set(tokens[start:start + span]):
            return True
    return False


def _singular(word: str) -> str:
    """A word without a plural's "s" ("Public Works Loans Board" is the Public Works Loan Board)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _initials_cited(name: str, cited: str) -> bool:
    """A name of three or more capitalised words printed by its initials: "PWLB" for the Public Works Loan Board."""
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name))
    return len(initials) >= 3 and re.search(r"\b" + initials.lower() + r"\b", cited) is not None


def _spelled_out(acronym: str, cited: str) -> bool:
    """An acronym printed as the capitalised words it stands for: "DCED" for the Deputy Chief Executive's
    Department ("of", "and", "for", "the" between them skipped), the reverse of ``_initials_cited``."""
    if not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return False
    words = re.findall(r"[A-Za-z][\w'’&-]*", cited)
    for start, word in enumerate(words):
        if word[0] != acronym[0]:
            continue
        initials = ""
        for w in words[start:]:
            if w.lower() in _LINKS and initials:
                continue
            if not w[0].isupper() or len(initials) == len(acronym):
                break
            initials += w[0]
        if initials == acronym:
            return True
    return False


# a minister's short title: "the Health Secretary" is the Secretary of State for Health and Social Care, whom papers
# call "the Secretary of State" (gov.uk lists each Secretary of State with the short title in brackets)
_MINISTER = re.compile(r"(?:[A-Z][a-z]+\s+)+Secretary")


def _minister_cited(name: str, cited: str) -> bool:
    return _MINISTER.fullmatch(name) is not None and "secretary of state" in cited


def _glossary_equivalent_cited(name: str, cited: str) -> bool:
    """The words reports use for an abbreviation ("public law outline" for PLO) stand for it: two of them in a
    row, or the expansion's one word."""
    words = glossary().get(name, "").lower().split()
    if len(words) == 1:
        return words[0] in cited
    return any(f"{a} {b}" in cited for a, b in zip(words, words[1:]))


def _wrong_kind_of_evidence(question: str, citations: list[tuple[Hit, list[str]]], implied: Implied | None,
                            asked: list[str], replying: dict[str, Hit] | None = None) -> bool:
    """The quotes cannot answer this kind of question: no figure for "how many", no sum of money for "how much
    … spend", no rate for "what rate", no time for "when", or the thing the question names is not mentioned.
    ``asked``: the kinds of answer the question asks for (kinds.expected)."""
    quoted = " ".join(" ".join(s) for _, s in citations)
    if any(not _holds(kind, quoted, question) for kind in question_types.required(question, asked)):
        return True
    sums = question_types.money_kinds(question) if "money" in asked else set()
    if sums and not any(question_types.states_sum_of(sums, sentence) for _, s in citations for sentence in s):
        return True  # "what salary does Kent pay its Chief Executive?" answered by a department's underspend
    return _names_left_out(question, citations, implied, replying)  # anywhere in what the quotes are shown with


def _names_left_out(question: str, citations: list[tuple[Hit, list[str]]], implied: Implied | None,
                    replying: dict[str, Hit] | None, document_text: DocumentText | None = None) -> bool:
    """Whether a name the question gives ("the Stour Valley Restore project") is missing from what the answer
    shows: its paragraphs with their context, and their documents anywhere. The evidence checks named the thing in
    a candidate paragraph, but the quotes that give what was asked for are about something else (that the Early
    Years grant will be spent by September 2025 does not say when the Stour Valley bid will be decided), so the
    documents do not answer. A paragraph of a report about the thing need not repeat its name: the document's
    other pages do."""
    shown = " ".join(_cited_with_context(h, replying) for h, _ in citations)
    if not missing_names(question, shown, implied):
        return False
    if document_text is None:
        return True
    whole = " ".join(document_text(doc) for doc in dict.fromkeys(h.paragraph.doc for h, _ in citations))
    return bool(missing_names(question, f"{shown} {whole}", implied))


def _cited_with_context(h: Hit, replying: dict[str, Hit] | None = None) -> str:
    """A cited paragraph with what names its subject around it: its heading, and its document's title and
    committee ("the Corporate Parenting Panel" is named by the minutes, not by each of their paragraphs); for an
    answer to a question put at a meeting, the question's heading ("Question by Susan Carey to Neil Baker …")."""
    asked = (replying or {}).get(h.paragraph.id)
    return " ".join(x for x in (h.paragraph.text, h.paragraph.heading, h.meta.title, h.meta.committee,
                                asked.paragraph.heading if asked else None) if x)


_OVER_TIME = re.compile(r"\b(since|over (the )?(years|time)|changed?|progress|improv\w+ (since|over)|trend|"
                        r"timeline|history|each (year|inspection)|latest|most recent)\b", re.I)


def _headers(citations: list[tuple[Hit, list[str]]], table_headers: TableHeaders | None
             ) -> dict[str, tuple[str, int | None]]:
    """The column headers of each cited table row, by paragraph id: a row's figures are not shown without the names
    of their columns ("Adult Social Care & Health 1.305 -0.193 0.034 -0.227" means nothing alone)."""
    out = {}
    for h, _ in citations:
        if table_headers is not None and h.paragraph.kind == "table-row" and h.row is not None:
            header, page = table_headers(h.row)
            if header:
                out[h.paragraph.id] = (header, page)
    return out


def _statement(h: Hit, quote: str, headers: dict[str, tuple[str, int | None]]) -> str:
    """A quote and its citation; a table row's with the headers printed above its table (and their page, when not
    the row's), marked as such: 'Kent 370,000 1.3 (table under "Authority 0-19 Year Olds …") [… p.6]'."""
    label = citation_label(h.paragraph, h.meta, quote)
    if h.paragraph.id not in headers:
        return f"{quote} [{label}]"
    header, page = headers[h.paragraph.id]
    where = f", p.{page}" if page is not None and page != h.paragraph.page_start else ""
    return f'{quote} (table under "{header}"{where}) [{label}]'


def _format(citations: list[tuple[Hit, list[str]]], headers: dict[str, tuple[str, int | None]] | None = None,
            newest_first: bool = False, completions: dict[str, list[tuple[Hit, list[str]]]] | None = None
            ) -> tuple[str, list[tuple[Hit, list[str]]]]:
    """The answer first: the quote that best answers the question, cited, on the first line. Then the further
    quotes grouped by document: the most relevant document first, or the newest first when the question asks how
    things changed over time or how they are now. A quote ending in a colon is followed by what completes it
    (``completions``). Returns the text and the quotes in the order it shows them."""
    headers = headers or {}
    completions = completions or {}
    (lead_hit, lead_sentences), rest = citations[0], citations[1:]
    lines = [_statement(lead_hit, " ".join(lead_sentences), headers)]
    lines += _completion_lines(completions.get(lead_hit.paragraph.id, []), headers)
    shown = [citations[0]] + completions.get(lead_hit.paragraph.id, [])
    groups: dict[str, list[tuple[Hit, list[str]]]] = {}
    for h, s in rest:
        groups.setdefault(h.paragraph.doc, []).append((h, s))
    years = {h.meta.date[:4] for h, _ in rest if h.meta.date}
    order = list(groups)
    if newest_first and len(years) > 1:
        order.sort(key=lambda d: groups[d][0][0].meta.date or "", reverse=True)
    for doc in order:
        meta = groups[doc][0][0].meta
        when = f" ({long_date(meta.date)})" if meta.date and long_date(meta.date) not in meta.title else ""  # not
        # "From Corporate Parenting Panel minutes, 29 October 2024 (29 October 2024):"
        lines.append(f"From {meta.title}{when}:")
        for h, sentences in groups[doc]:
            lines.append(f"- {_statement(h, ' '.join(sentences), headers)}")
            lines += _completion_lines(completions.get(h.paragraph.id, []), headers)
            shown += [(h, sentences)] + completions.get(h.paragraph.id, [])
    return "\n".join(lines), shown


ITEM_SEPARATOR = " • "


def _completion_lines(items: list[tuple[Hit, list[str]]], headers: dict[str, tuple[str, int | None]]) -> list[str]:
    """The lines of the paragraphs completing a lead-in: a run of list items cited alike ("Baby Massage*",
    "Beyond the Page*" …, all "[… equality impact assessment, p.4]") on one line, their label once; table rows and
    other paragraphs a line each."""
    def bullet_label(item: tuple[Hit, list[str]]) -> str | None:
        n, sentences = item
        return citation_label(n.paragraph, n.meta, " ".join(sentences)) if n.paragraph.kind == "bullet" else None

    lines: list[str] = []
    for label, run in groupby(items, key=bullet_label):
        quoted = [(n, " ".join(sentences)) for n, sentences in run]
        if label is not None:
            lines.append(f"- {ITEM_SEPARATOR.join(quote for _, quote in quoted)} [{label}]")
        else:
            lines += [f"- {_statement(n, quote, headers)}" for n, quote in quoted]
    return lines


def _listed(names: list[str]) -> str:
    """"A and B", "A, B and C"; with a comma before the last when a name holds "and" ("Cumberland, and Westmorland
    and Furness")."""
    if len(names) <= 1:
        return "".join(names)
    last = ", and " if any(" and " in n for n in names) else " and "
    return ", ".join(names[:-1]) + last + names[-1]


def _abstain_text(question: str, nearest: list[Hit]) -> str:
    q = question.strip().rstrip("?").strip()
    return f"The indexed documents don't say this (\"{q}\")." + _nearest_text(nearest)


def _nearest_text(nearest: list[Hit]) -> str:
    if not nearest:
        return ""
    text = " The nearest passages are:"
    for h in nearest:
        snippet = h.paragraph.text if len(h.paragraph.text) < 220 else h.paragraph.text[:217].rsplit(" ", 1)[0] + "…"
        text += f"\n- [{citation_label(h.paragraph, h.meta)}] {snippet}"
    return text

