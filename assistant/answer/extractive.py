"""Step 6: the extractive answer — the sentences of the top paragraphs that answer the question, each cited.

Nothing is written that is not in a cited paragraph: every quote is copied from the paragraph its citation names
(a list's items, printed as paragraphs cited alike, share one line and its citation). When the evidence is weak the
answer abstains and lists the nearest passages.

compose runs the steps, each in a module of its own: every sentence of the candidates scored against the question
(scoring.py), the paragraphs cited (selection.py) and a question put at a meeting with its answer (replies.py),
the sentences of each quoted (quotes.py), the first line chosen (lead.py), the names the question gives checked
in what is cited (names.py), and the answer's text laid out (layout.py); its settings are config.py's.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import numpy as np

from .. import councils
from ..index.embed import Embedder
from ..query import kinds as question_types
from ..query.counted import count_match, counted, stated
from ..query.genres import names_genre
from ..query.glossary import expand
from ..query.implied import Implied, years_named
from ..query.tense import asks_how_things_are, spans_years as spanning, wants_newest_report
from ..parse.sentences import split_sentences
from ..records import MONTH_NAMES, Citation, DocMeta, Hit
from ..text.dates import MONTHS_PATTERN, long_date, quarters_named
from .completion import Following, completing, further_limbs, introduced, items_around, opening
from .config import AnswerConfig
from .layout import (PrintedTables, TableHeaders, abstain_text, asked_by, format_answer, headers_of, listed,
                     nearest_text, printed_table_of)
from .lead import MOTION_CARRIED
from .lead import PROCEDURAL_ITEM as _PROCEDURAL_ITEM
from .lead import PROCEDURE_ASKED as _PROCEDURE_ASKED
from .lead import (agenda_item, choose_lead, organisation_asked, organisation_overlap, decided_asked, judgement_given, lists_items, of_the_time_asked, prefer,
                   records_decision, shown_for)
from .people import authors_quoted
from .names import (NearbyText, a_quarter_for_a_year, cited_with_context, counts_another_group, dated_agenda_item, figure_asked, missing_names, names_left_out, no_end_time,
                    meeting_not_indexed, meeting_of_another_month, only_prompts, only_requested, rate_of_another_measure, only_standing_resolutions, share_of_another_side, vote_of_another_committee, when_before_a_meeting, wrong_kind_of_evidence)
from .quotes import (TITLE_BLOCK, UNQUOTABLE, WHERE_ASKED, from_the_figure, in_quotation_marks, join_quoted, positions, title_field, with_antecedent,
                     with_asked, with_continuation, with_neighbours, with_opening, with_what_follows, without_echoes, without_furniture,
                     without_headers, without_titles)
from .replies import questions_answered, replies_lead, with_answers
from .scoring import SentenceVectors, Typicality, holds, score_sentences, sentence_typicality
from .selection import (IMPROVEMENT_ASKED, best_sentence, improvement_item, pick_paragraphs, topic_words,
                        with_newest_reports, without_repeats, words)
from .topics import DocumentText, common_words, named as topics_named, never_mentioned, ungraded, unmentioned
from .votes import side_named


@dataclass
class Composed:
    text: str
    citations: list[Citation]
    abstained: bool
    nearest: list[Hit]
    confidence: float


# a question about the inspection itself, which a report's title block and its "Inspection dates" answer (not a
# visit's: kinds.about_inspection, which also counts a "visit", decides whether the date of the last one answers)
_ABOUT_INSPECTION = re.compile(r"\binspect\w*|\bofsted\b", re.IGNORECASE)
# the kinds a question may ask for beside a required one, whose paragraph answers its second part: "who proposed it,
# and was it passed?" (the vote), "who moved it, and what was decided?" (not a date: a "When Kent adopted …," clause
# only sets the scene)
_SECOND_PARTS = ("vote", "decision")
# a visit that is not the inspection a report's title block dates: "when was the focused assurance visit?"
_ANOTHER_VISIT = re.compile(r"\b(?:focused|monitoring|assurance|joint targeted area)\s+(?:assurance\s+)?visits?\b|"
                            r"\bjoint targeted area inspections?\b|\bJTAI\b", re.IGNORECASE)
# where the question says its answer comes from, not what it asks about: "when did the pilot begin, according to
# Ofsted's 2023 inspection?" asks when the pilot began, not when Ofsted inspected
_ATTRIBUTED = re.compile(r",?\s*\b(?:according to|as (?:found|reported|noted|said|described) (?:by|in)|"
                         r"in the (?:view|words) of|(?:that|which|as) (?:Ofsted|(?:the )?inspectors?|the (?:inspection|"
                         r"report))\s+(?!inspect)\w+)\b[^,?;]*", re.IGNORECASE)
_INSPECTION_DATES = re.compile(r"\bInspection dates?:")
_LOOKS_BACK = re.compile(r"\b(?:last|previous|prior|preceding|earlier)\s+(?:[\w'’]+\s+){0,3}?(?:inspection|visit)|"
                         r"\binspected in\b", re.IGNORECASE)
# "when did it take place / was it held / did it happen?", and a sentence saying when something did, with its date
_WHEN_HAPPENED = re.compile(r"\bwhen\b.*\b(?:take|took|taking) place\b|\bwhen (?:was|were|is|will)\b.*\bheld\b|"
                            r"\bwhen\b.*\b(?:happen|occur)\b", re.IGNORECASE)
_A_DATE_AFTER = (r"[^.;]{0,60}?\b(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:and\s+\d{1,2}\s+)?[A-Z][a-z]+|"
                 r"\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)|noon|midday|"  # or a time of day ("to end by 4.30 pm")
                 r"(?:" + MONTHS_PATTERN + r")|(?:19|20)\d\d)\b")
_HAPPENED_ON = re.compile(r"\b(?:(?:took|takes|take) place|(?:was|were|is|are|will be) held|happened|occurred)\b"
                          + _A_DATE_AFTER)
# a question asking when: "when", "what time", "what date", "by what date" ("what time is the meeting scheduled to end?")
_WHEN_ASKED = r"\b(?:when|(?:by\s+)?(?:what|which)\s+(?:time|date|day))\b"
# "when did the consultation start?", "when will the contract end?": the sentence that dates its start ("A public
# consultation launched on 30 July 2024") or its end ("the contracts will end … on 31 March 2025"), not another event
_WHEN_BEGAN = re.compile(_WHEN_ASKED + r".*\b(?:start|begin|began|begun|launch|open|commence|go live|went live)\w*\b",
                         re.IGNORECASE)
_BEGAN_ON = re.compile(r"\b(?:started|starts|start|began|begins|begin|launched|launches|opened|opens|commenced|"
                       r"commences|went live|goes live|go live)\b" + _A_DATE_AFTER, re.IGNORECASE)
_WHEN_ENDED = re.compile(_WHEN_ASKED + r".*\b(?:end(?:s|ed|ing)?|finish\w*|clos(?:e|es|ed|ing)|expir\w*|conclud\w*|"
                         r"stop(?:s|ped|ping)?)\b", re.IGNORECASE)  # (not "endorse", "closely")
_ENDED_ON = re.compile(r"\b(?:ended|ends|end|closed|closes|close|finished|finishes|expired|expires|expire|concluded|"
                       r"concludes|stopped|stops)\b" + _A_DATE_AFTER, re.IGNORECASE)
_EARLIER_INSPECTION = re.compile(r"\b(?:previous|prior|preceding|earlier)\s+(?:[\w'’]+\s+){0,3}?(?:inspection|visit|grade|"
                                 r"judgements?|rating)", re.IGNORECASE)
_WHEN_INSPECTED = re.compile(r"\bwhen (?:did|was|were|is|will)\b.*\binspect|\bwhat (?:were|are) the inspection dates\b|"
                             # "what were the dates of the Ofsted inspection?", "on which dates did inspectors visit?"
                             r"\bdates?\b[^?]*\b(?:inspect|visit)|\b(?:inspect|visit)\w*\b[^?]*\bdates?\b|"
                             # "how long did the council's inspection last?": from its first day to its last
                             r"\bhow long (?:did|does|was|were|is)\b.*\binspection\b(?!.*\bsince\b)", re.IGNORECASE)
# "who led the inspection?", "who headed the Ofsted team?", "who was the lead inspector?": the title block's "Lead
# inspector: …" line answers it (not "who leads children's services?", nor "who did Ofsted say leads …?")
_WHO_INSPECTED = re.compile(r"\bwho\b[^?]*\b(?:lead|reporting|chief)\s+inspector\b|"
                            r"\bwho\s+(?:\w+\s+){0,2}?(?:led|leads?|leading|headed|heads?|heading|ran|runs?|carried out|"
                            r"conducted)\b[^?]*\b(?:inspection|inspectors|ofsted|visit)\b|"
                            r"\bwho\s+(?:\w+\s+){0,2}?inspected\b", re.IGNORECASE)
# "when was it published?": the title block's "Report published: …" line
_WHEN_PUBLISHED = re.compile(_WHEN_ASKED + r".*\bpublish", re.IGNORECASE)
# "before 2025", "after March 2021": the inspection asked for is dated before or after a year
_BEFORE_AFTER_YEAR = re.compile(r"\b(before|after|since)\s+(?:(?:the\s+)?(?:\d{1,2}\s+)?(?:" + MONTHS_PATTERN
                                + r")\s+)?((?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_ANSWERING_FIELDS = ("dates", "inspector")
_ABOUT_A_FINDING = re.compile(r"\b(?:find|found|say|said|raise[ds]?|identif\w*|judge[ds]?|rate[ds]?|grade[ds]?|report\w*|"
                              r"tell|told|ask\w*|recommend\w*|first|notice[ds]?|highlight\w*|concern\w*)\b",
                              re.IGNORECASE)


def _title_fields(asked: str, kinds: list[str] | tuple[str, ...]) -> Callable[[str], bool]:
    """Which lines of a report's title block laid out field by field answer a question about the inspection: its
    dates when it asks when the inspection took place (or when a grade was given), not when anything else happened
    or began, nor of an inspection before or after a year it names that they are not in; its lead inspector when
    it asks who led the inspection or headed the team; its publication date when it asks when it was published."""
    timed = bool({"time", "duration"} & set(kinds))
    dates = timed and (bool(_WHEN_INSPECTED.search(asked)) or "grade" in kinds)
    bound = _BEFORE_AFTER_YEAR.search(asked)

    def answers(sentence: str) -> bool:
        field = title_field(sentence)
        if field == "dates":
            years = [int(y) for y in _YEAR.findall(sentence)]
            if bound and years:
                year, side = int(bound.group(2)), bound.group(1).lower()
                if side == "before" and max(years) >= year or side == "after" and min(years) <= year \
                        or side == "since" and min(years) < year:
                    return False
            return dates
        if field == "inspector":
            return "person" in kinds and bool(_WHO_INSPECTED.search(asked))
        if field == "published":
            return timed and bool(_WHEN_PUBLISHED.search(asked))
        return field != "title"

    return answers


# what the council or its officers say, reply or propose: "what does Kent say to residents worried …?", "how did the
# council respond to …?"
_COUNCIL_SAYS = re.compile(r"\b(?:what|how)\s+(?:does|did|do|will|would|has|have)\s+(?:the\s+)?(?:council|authority|"
                           r"officers|KCC|cabinet|(?-i:[A-Z][\w'’-]+)(?:\s+(?:County|City|Borough|District)\s+Council)?)"
                           r"\s+(?:say|reply|respond|answer|tell|propose|plan|intend)\b", re.IGNORECASE)


def _another_meetings_record(question: str, kinds: list[str], implied: Implied | None,
                             citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a question about who attended or chaired one meeting, or how its vote went ("which councillors sent
    apologies to the Cabinet on 13 March 2025?", "who chaired the Cabinet on 13 March 2025?"), would be answered from
    another meeting's papers only (the County Council's minutes of that day): what one meeting records does not say
    who came to, or chaired, another."""
    of_the_meeting = {"attendance", "vote"} & set(kinds) or "name" in kinds and {"chair", "vice chair"} & set(
        question_types.asks_for_name(question))
    if implied is None or not of_the_meeting or len(implied.committees) != 1 or len(implied.days) != 1:
        return False
    return not any(h.meta.committee == implied.committees[0] and (h.meta.date or "")[:10] == implied.days[0]
                   for h, _ in citations)


def _a_partner_named(question: str, implied: Implied, hits: list[Hit], top: int = 5) -> bool:
    """Whether the councils named that have nothing indexed are districts of an indexed county, named as a partner
    ("… talks with Swale Borough Council …", after a preposition), whose papers name them: that question is asked of
    Kent's papers. Not what the district itself did ("what did Thanet District Council decide?"), nor an inspection
    question (Ofsted inspects no district)."""
    if implied.ofsted or not all(name in implied.within for name in implied.unindexed):
        return False
    if not all(re.search(rf"\b(?:with|to|from|between|and|by|involving|including|alongside)\s+(?:the\s+)?"
                         rf"{re.escape(name)}", question, re.IGNORECASE) for name in implied.unindexed):
        return False
    shown = " ".join(h.paragraph.text for h in hits[:top]).lower()
    return all(name.lower() in shown for name in implied.unindexed)


def compose(question: str, hits: list[Hit], embedder: Embedder, implied: Implied | None = None,
            cfg: AnswerConfig | None = None, sentence_vectors: SentenceVectors | None = None,
            qvec: np.ndarray | None = None, table_headers: TableHeaders | None = None,
            following: Following | None = None, preceding: Following | None = None,
            typicality: Typicality | None = None, nearby: NearbyText | None = None,
            tables: PrintedTables | None = None, described: NearbyText | None = None,
            document: DocumentText | None = None, papers: Mapping[str, DocMeta] | None = None) -> Composed:
    cfg = cfg or AnswerConfig()
    if implied is not None and implied.filter_conflict:  # "--org kent", "What grade did Stoke get?"
        return _declined(implied.filter_conflict, [], cfg)  # no passage of the filter's council offered
    if implied is not None and implied.unmatched:
        return _declined(f"No indexed document matches the filters set ({implied.unmatched}), so there is nothing to "
                         "answer from: check them against the list of indexed documents.", hits, cfg)
    if implied is not None and implied.unindexed and not implied.orgs and not _a_partner_named(question, implied, hits):
        # the question is about a council whose documents are not indexed: never quote another council instead
        names = " or ".join(implied.unindexed)
        after = "".join(f" {name} was replaced by {listed(took)}, whose documents are indexed: ask about "
                        f"{'them' if len(took) > 1 else 'it'} by name." for name, took in implied.successors.items())
        after += "".join(f" {name}'s area is part of {county}'s, whose documents are indexed: ask about {county} by "
                         "name." for name, county in implied.within.items())
        return _declined(f"The indexed documents don't include anything from {names}, so they can't answer this."
                         + after + (councils.inspectorate_note(implied.unindexed)
                                    if implied.ofsted or _CHILDRENS_SERVICES.search(question) or topics_named(question)
                                    else ""),
                         hits, cfg, whose="other councils'")
    if implied is not None and implied.never_printed and not implied.orgs:  # "what about caseloads in Atlantis?"
        return _declined(f"The indexed documents never mention {listed(implied.never_printed)}, so they can't answer "
                         "this.", hits, cfg)
    if implied is not None and implied.after_documents:
        y, m = implied.after_documents.split("-")
        whose = f" on {' or '.join(implied.org_names)}" if implied.org_names else ""  # (another council's may be later)
        return _declined(f"The indexed documents{whose} were all written before {MONTH_NAMES[int(m) - 1]} {y}, so they "
                         "can't say what happened then.", hits, cfg)
    if implied is not None and implied.no_report_year is not None:
        years = ", ".join(str(y) for y in implied.report_years)
        who = " or ".join(implied.org_names) or "this council"
        none = f"The indexed documents include no Ofsted report on {who} from {implied.no_report_year} (its reports " \
               f"indexed are from {years})"
        if "grade" in question_types.expected(question) and \
                (back := _grade_looked_back(hits, implied.no_report_year, implied.orgs)) is not None:
            # "what was Havering judged in 2018?": its 2024 report says ("Since the last inspection in June 2018,
            # when services … were judged to be good overall, …")
            h, sentence = back
            text, _ = format_answer([(h, [sentence])])
            return Composed(f"{none}; its {h.meta.year} report says of that inspection: {text}",
                            [Citation.from_hit(h, sentence)], False, [], 1.0)
        return _declined(f"{none}, so they can't answer this.", hits, cfg)
    if implied is not None and implied.no_papers_year is not None:
        years = ", ".join(str(y) for y in implied.papers_years)
        whose = " or ".join(implied.committees)
        whose = f"{' or '.join(implied.org_names)}'s {whose}" if implied.org_names else f"the {whose}"
        return _declined(f"The indexed documents include no papers of {whose} from {implied.no_papers_year} "
                         f"(its papers indexed are from {years}), so they can't answer this.", hits, cfg)
    if implied is not None and implied.no_papers:
        who = " or ".join(implied.org_names) or "this council"
        return _declined(f"The indexed documents include no committee papers of {who}, only its Ofsted inspection "
                         "reports, which do not record what its meetings said or decided, so they can't answer this.", hits, cfg)
    if implied is not None and implied.no_report_month is not None:
        y, m = implied.no_report_month.split("-")
        who = " or ".join(implied.org_names) or "this council"
        return _declined(f"The indexed documents include no Ofsted inspection of {who} in {MONTH_NAMES[int(m) - 1]} "
                         f"{y} (its inspections indexed ran {'; '.join(implied.inspections)}), so they can't answer "
                         "this.", hits, cfg)
    if unindexed := meeting_not_indexed(question, hits, implied, papers):  # "at the 19 February 2024 meeting"
        return _declined(f"The indexed documents don't include {unindexed}, so they can't answer this.", hits, cfg)
    if implied is not None and implied.no_genre and not any(names_genre(h.paragraph.text, implied.no_genre)
                                                            for h in hits[: cfg.candidates]):
        who = " or ".join(implied.org_names) or "this council"
        return _declined(f"The indexed documents include no {implied.no_genre} of {who}, nor a passage about one, so "
                         "they can't answer this.", hits, cfg)
    if implied is not None and implied.documents_end is not None \
            and not any(years_named(h.paragraph.text) & set(implied.years) for h in hits[: cfg.candidates]):
        who = " or ".join(implied.org_names) or "this council"
        return _declined(f"The indexed documents on {who} are all from {implied.documents_end} or before, and none "
                         f"found names {' or '.join(str(y) for y in sorted(set(implied.years)))}, so they can't answer "
                         "this.", hits, cfg)
    if (quarter := _quarter_not_reported(question, hits)) is not None:
        asked, reported = quarter
        return _declined(f"The indexed documents report on no Quarter {asked} (the quarterly reports found are of "
                         f"Quarter {' or '.join(str(q) for q in reported)}), so they can't answer this.", hits, cfg)
    if not hits:
        return Composed(abstain_text(question, []), [], True, [], 0.0)
    if qvec is None:
        qvec = embedder.embed([expand(question)])[0]
    kinds = question_types.expected(question)
    # whether a sentence gives the figure asked, and every kind the question requires: read once, for each quote
    # (quotes.with_asked)
    gives_figure, gives_required = _gives(question, kinds), _answers(question, kinds)
    # "at its previous inspection": not this report's own findings, unless the search was narrowed to that
    # inspection's own report (query/resolve.py)
    earlier = (bool(_EARLIER_INSPECTION.search(question)) or implied is not None and implied.looks_back) \
        and not (implied is not None and implied.previous_report)
    # a report's title block answers what grade its own inspection gave, and who inspected and when, but not the
    # inspection before, nor when something else happened ("when did Doncaster begin testing …?") nor who leads the
    # service ("Lead inspector: …" is no answer to "who leads children's services?")
    asked = _ATTRIBUTED.sub(" ", question)
    title_answers = ("grade" in kinds or bool(set(kinds) & {"person", "time", "duration"})
                     and bool(_ABOUT_INSPECTION.search(asked)) and not _ANOTHER_VISIT.search(asked)) and not earlier

    fields = _title_fields(asked, kinds) if title_answers else None

    # (a report's own judgement table does not say what the inspection before it judged)
    grades_answer = _grades_answer(question, kinds) and not earlier
    routed = bool({"time", "person", "name", "entity"} & set(kinds))  # a cover sheet's "To: Cabinet – 4 March 2025"

    def score(some: list[Hit]) -> dict[str, tuple[list[str], np.ndarray]]:
        scored = score_sentences(question, qvec, some, embedder, sentence_vectors)
        return without_headers(without_titles(without_echoes(without_furniture(
            scored, title=not title_answers, grades=not grades_answer, signposts=not WHERE_ASKED.search(question),
            fields=fields),
            question, {h.paragraph.id for h in some if improvement_item(h)}), some, routed), some)

    counts = counted(question) if "number" in kinds else (frozenset(), frozenset())
    state = stated(question) if "number" in kinds else frozenset()  # "how many KPIs were green?": the green
    voters = side_named(question)  # "which councillors voted against …?": that side's names are quoted
    scored = score(hits[: cfg.candidates])
    chosen = pick_paragraphs(question, hits, implied, cfg, scored, document)
    spans_years = spanning(question, implied)
    now = asks_how_things_are(question, implied, spans_years)
    if wants_newest_report(question, implied, spans_years):  # "how are care leavers doing?", "what did Ofsted say
        # about care leavers?": a council's newest report, not only those it replaced
        chosen = with_newest_reports(chosen, hits, cfg,
                                     lambda h: scored.get(h.paragraph.id) or score([h])[h.paragraph.id], question,
                                     implied)
    chosen = with_resolution(question, kinds, chosen, hits, implied)
    chosen = with_named_organisation(question, chosen, hits, implied, cfg)
    chosen, replying = with_answers(chosen, following, cfg)
    replying.update(questions_answered(chosen, replying, preceding))
    citations: list[tuple[Hit, list[str]]] = []
    lead_scores: list[float] = []  # how well each citation's leading sentence answers the question
    ranked: list[tuple[list[str], np.ndarray, list[int], list[int], bool]] = []  # sentences, best first, quoted
    quotable = {h.paragraph.id: got for h in chosen
                if len((got := scored.get(h.paragraph.id) or score([h])[h.paragraph.id])[0])}
    if any(best_sentence(got) > UNQUOTABLE for got in quotable.values()):
        # a paragraph with nothing to quote (a document's title alone, a report's title block for a question it
        # does not answer) is not cited, however high retrieval put it
        quotable = {pid: got for pid, got in quotable.items() if best_sentence(got) > UNQUOTABLE}
    asks_period = question_types.asks_period(question)
    deed = question_types.dated_deed(question)
    for h in chosen:
        if h.paragraph.id not in quotable:
            continue
        sentences, scores = quotable[h.paragraph.id]
        order = list(np.argsort(-scores))
        own = h.paragraph.para
        written = h.meta.date
        answering = [i for i in order if scores[i] > UNQUOTABLE
                     and any(holds(k, sentences[i], question, own if i == 0 else None, written=written) for k in kinds)]
        if len(kinds) > 1:  # "how much money moves …?": "approximately £59m" gives a sum and a figure, "the 18-25
            # section" a figure only
            answering.sort(key=lambda i: -sum(holds(k, sentences[i], question, own if i == 0 else None,
                                                    written=written) for k in kinds))
        if counts[0]:  # "how many children are in care?": "400 looked after children", not "127 foster carers"
            answering.sort(key=lambda i: -count_match(*counts, sentences[i], state))
        table = h.paragraph.kind == "table"  # a table's line that gives what was asked for is its answer
        if table and "grade" in kinds:  # the judgement table's own lines before a grade mentioned in passing, and
            # its overall line first when the question names no judged area ("how has the judgement changed?")
            # (or the line of the area it names: "how was leadership judged?" by the impact of leaders' line)
            overall = not question_types.names_judged_area(question)
            # (but "when was it judged good?" asks for a date too: the summary's sentence that gives both first)
            answering.sort(key=lambda i: (-sum(holds(k, sentences[i], question, own if i == 0 else None) for k in kinds),
                                          not question_types.graded_line(sentences[i]),
                                          overall and not question_types.overall_line(sentences[i]),
                                          not overall and not question_types.judged_area_line(sentences[i], question)))
        if table and {"time", "duration"} & set(kinds) and _ABOUT_INSPECTION.search(asked) and not earlier:  # "when was it
            answering.sort(key=lambda i: not _INSPECTION_DATES.search(sentences[i]))  # inspected?": its own dates
        if table and fields is not None and _WHO_INSPECTED.search(asked):  # "who headed the Ofsted team?": the lead
            # inspector's line, however the question names the role
            led = [i for i in order if scores[i] > UNQUOTABLE and title_field(sentences[i]) == "inspector"]
            answering = led + [i for i in answering if i not in led]
        if earlier:  # "at its previous inspection": what the report says of the last one, not its own table
            answering.sort(key=lambda i: not _LOOKS_BACK.search(sentences[i]))
        naming = ({i for i in answering if holds("name", sentences[i], question, own if i == 0 else None)}
                  if "name" in kinds else set())
        if naming:  # "By: Anna Taylor, Scrutiny Research Officer" answers who wrote it, however it scores; a
            # person's name ("Mr Brady proposed …") before a body's ("the budget proposed by the Administration")
            titled = {i for i in naming if question_types.names_person(sentences[i])}
            answering.sort(key=lambda i: (i not in naming, i not in titled))
        # "when did the consultation run?": the sentence giving its first and last days ("On 30 July 2024, a
        # consultation was launched, lasting … until 22 September 2024"), however it scores beside one sharing "run";
        # "when did the committee endorse the plan?": the one saying it "endorsed the KCP on 21 November 2024"
        period = {i for i in answering if asks_period and question_types.gives_period(sentences[i])
                  or deed is not None and deed.search(sentences[i])}
        answering.sort(key=lambda i: i not in period)
        if answering and answering[0] != order[0] and (table or bool(naming) or bool(period)
                                                       or scores[answering[0]] >= 0.7 * scores[order[0]]):
            order.remove(answering[0])
            order.insert(0, answering[0])  # the best sentence that gives what was asked for leads
        per_paragraph = 1 if table else cfg.max_sentences  # a table's lines are separate facts
        # with what completes the quote: a list after its colon, an elaboration, what a "They" refers back to
        at = with_antecedent(sentences, with_what_follows(sentences, positions(scores, order, per_paragraph, 0.85),
                                                          h.meta.doc_type == "ofsted-inspection" and not table,
                                                          not question_types.required(question, kinds)), scores)
        if not table:  # a sentence beside the quote holding the question's subject words or the figure asked
            at = with_asked(sentences, at, scores, question, gives_figure, gives_required)
        if table and fields is not None and title_field(sentences[order[0]]) in _ANSWERING_FIELDS:  # "when was it
            # inspected, and who led it?": both the title block's lines that answer, its dates and lead inspector
            at = sorted(set(at) | {i for i, s in enumerate(sentences)
                                   if scores[i] > UNQUOTABLE and title_field(s) in _ANSWERING_FIELDS})
        citations.append((h, join_quoted(sentences, at, voters)))
        ranked.append((sentences, scores, order, at, table))
        lead_scores.append(float(scores[order[0]]) + (cfg.kind_bonus if answering and answering[0] == order[0] else 0.0)
                           - cfg.typical_penalty * sentence_typicality(typicality, h, len(sentences))[order[0]])
    _told_apart(citations, ranked, voters)
    # confidence: how well the best quoted sentence answers the question
    confidence = max((b for h in chosen if (b := best_sentence(scored.get(h.paragraph.id))) is not None),
                     default=0.0)
    # the answer line must give what was asked for: a quote holding every required kind (a figure, a date ...)
    required = question_types.required(question, kinds)
    before_a_meeting = when_before_a_meeting(question, required)  # an agenda's item gives its meeting's date

    def giving(in_words: bool = False) -> list[int]:
        return [i for i, (h, s) in enumerate(citations)
                if all(holds(k, shown_for(k, h, s, replying), question, h.paragraph.para, in_words, h.meta.date)
                       or before_a_meeting and k in ("time", "future") and dated_agenda_item(h)
                       for k in required)
                # "how long do care leavers wait for housing?": a time said of that process, in a paragraph naming it
                and ("duration" not in required or question_types.names_the_process(question, h.paragraph.text))]

    # "what proportion …?" is answered by "almost a third of posts" when no quote gives a share in figures
    answering = giving() or (giving(in_words=True) if "rate" in required else [])
    weak = (confidence < cfg.abstain_below and not judgement_given(citations, kinds, implied)
            or wrong_kind_of_evidence(question, citations, implied, kinds, replying, table_headers, described, tables)
            or (cfg.lead_must_answer and not answering)
            # a form's unanswered prompts, a start time for "what time does it finish?": no answer
            or only_prompts(question, citations, replying) or no_end_time(question, citations)
            or share_of_another_side(question, citations) or only_standing_resolutions(question, kinds, citations)
            or vote_of_another_committee(question, kinds, citations, hits, implied)
            or meeting_of_another_month(question, hits, implied))
    missing, sources = never_mentioned(question, citations, document)
    if missing:  # "what did inspectors say about private fostering?": a report that never mentions it does not say
        return _declined(f"{listed(sources)} never mention{'s' if len(sources) == 1 else ''} {listed(missing)}, by that "
                         "name or another, so "
                         f"{'it doesn' if len(sources) == 1 else 'they don'}'t answer this.", hits, cfg)
    if weak:
        return _abstained(question, hits, cfg, confidence)
    if requested := only_requested(question, kinds, citations):  # "what did Cabinet resolve …?" answered only by
        # "The Cabinet is asked to …": what the passages found record is the request, not a decision, said as such
        asking = {h.paragraph.id for h in requested}
        return _declined("The passages found give only what a meeting was asked or recommended to decide, not a "
                         "record of the decision, so they don't say what was decided.",
                         requested + [h for h in hits if h.paragraph.id not in asking], cfg)
    if cfg.lead_must_answer and required:
        lead_scores = [score if i in answering else -1.0 for i, score in enumerate(lead_scores)]
    if not title_answers:
        lead_scores = [score - 1.0 if TITLE_BLOCK.search(" ".join(quoted)) else score
                       for score, (_, quoted) in zip(lead_scores, citations)]
    if _WHEN_INSPECTED.search(asked) and not _ABOUT_A_FINDING.search(question) and not earlier:
        # "when did Ofsted inspect Havering?": the report's own inspection dates, not "since the last inspection in
        # 2018" (a finding's date, "when did inspectors find …", is another question)
        lead_scores = [score + 1.0 if score >= 0 and _INSPECTION_DATES.search(" ".join(quoted)) else score
                       for score, (_, quoted) in zip(lead_scores, citations)]
    if title_answers and _WHO_INSPECTED.search(asked):  # "who headed the Ofsted team?": the lead inspector's line,
        # not a sentence on the council's leaders that shares "headed"
        lead_scores = [score + 1.0 if score >= 0 and any(title_field(s) == "inspector" for s in quoted) else score
                       for score, (_, quoted) in zip(lead_scores, citations)]
    if _WHEN_HAPPENED.search(question):  # "when did the monitoring visit take place?": the sentence that says when it
        # took place ("… which took place on the 20 and 21 August 2020"), not one that dates something else
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if _HAPPENED_ON.search(" ".join(quoted))}, 0.5)
    if asks_period:  # "when did the consultation run?": a quote giving its first and last days leads
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if question_types.gives_period(" ".join(quoted))}, 0.5)
    if deed is not None:  # "when did the committee endorse the plan?": a quote saying when it was endorsed leads
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if deed.search(" ".join(quoted))}, 0.5)
    for asks, dates in ((_WHEN_BEGAN, _BEGAN_ON), (_WHEN_ENDED, _ENDED_ON)):
        if asks.search(question):
            lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                               if dates.search(" ".join(quoted))}, 0.5)
    if "name" in kinds:  # "Lead inspector: Nick Bennison" before a paragraph that names someone and "led" and
        # "inspection" somewhere in its sentences
        strength = [question_types.holder_strength(" ".join(quoted), question) for _, quoted in citations]
        tied = {i for i, st in enumerate(strength) if st == 2}
        lead_scores = prefer(lead_scores, tied, 0.5)
        # of those, one naming a person ("Mr Oakford proposed and Mr Gough seconded the following motion") before
        # one naming a body ("To amend the budget proposed by the Administration …")
        lead_scores = prefer(lead_scores, {i for i in tied if question_types.names_person(" ".join(citations[i][1]))},
                             0.5, among=tied)
        # of those, the one in the document retrieval put first: "who wrote the report asking Cabinet to
        # reconsider …?" is that report's "By: Anna Taylor", not another report's "From:" line
        top_doc = {i for i in tied if citations[i][0].paragraph.doc == hits[0].paragraph.doc}
        lead_scores = prefer(lead_scores, top_doc, 0.5, among=tied)
    lead_scores = prefer(lead_scores, authors_quoted(question, [" ".join(q) for _, q in citations]), 2.0)  # author block
    if organisation_asked(question):  # "which organisation delivers children's social care …?": the quote naming
        # one by its proper name, on the question's subject ("… delegated its statutory children’s social care
        # functions to Achieving for Children (AfC)"), not a general sentence about the council's services
        naming_org = [organisation_overlap(question, " ".join(quoted), implied) for _, quoted in citations]
        lead_scores = prefer(lead_scores, {i for i, n in enumerate(naming_org) if n and n == max(naming_org)}, 1.0)
    lead_scores = replies_lead(question, citations, lead_scores, replying)
    if codes := question_types.references(question):  # "what does risk CRR0056 say …?", "decision 23/00101": the paragraphs
        # that print the reference the question gives, before any that only share its subject's words
        lead_scores = prefer(lead_scores, {i for i, (h, _) in enumerate(citations)
                                           if any(c in f"{h.paragraph.heading or ''} {h.paragraph.text}" for c in codes)},
                             0.5)
    if (speaker := question_types.speaker_asked(question)) is not None:  # "what did Mr Hook say …?": his words,
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)  # not a vote listing him
                                           if question_types.speaks(" ".join(quoted), speaker)}, 0.3)
    if _ANOTHER_VISIT.search(asked):  # "when was the focused assurance visit?": a quote about a visit, not the
        # report's own inspection dates
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if re.search(r"\bvisit", " ".join(quoted), re.IGNORECASE)}, 0.5)
    if _COUNCIL_SAYS.search(question):  # "what does Kent say to residents worried …?": the council's reply, not a
        # consultee's words a consultation report quotes ("“Sheppey Gateway opens directly onto the High street …")
        lead_scores = prefer(lead_scores, {i for i, (h, quoted) in enumerate(citations)
                                           if not in_quotation_marks(h.paragraph.text, quoted)}, 0.5)
    if not IMPROVEMENT_ASKED.search(question):  # "how well does Stoke respond to homeless 16- and 17-year-olds?":
        # the inspectors' finding ("17. The response … is ineffective."), not the item of the report's list of what
        # needs to improve that names the same area and says nothing of how well it is done
        lead_scores = prefer(lead_scores, {i for i, (h, _) in enumerate(citations) if not improvement_item(h)},
                             IMPROVEMENT_ITEM)
    # a lead-in ending on a colon ("Council resolved the following:") says nothing by itself: what it introduces,
    # when cited, takes its place and reads with it ("Council recognises that this petition …" is the resolution)
    lead_ins = yielding_lead_ins(question, kinds, citations, following)
    for j, i in lead_ins.items():
        lead_scores[j] = max(lead_scores[j], lead_scores[i])
        lead_scores[i] -= LEAD_IN
    lead = choose_lead(question, citations, lead_scores, kinds, implied, spans_years, now, replying, counts, state,
                       {citations[j][0].paragraph.id: " ".join(citations[i][1]) for j, i in lead_ins.items()})
    # a lead-in's words before what it introduces, when that leads: "Council resolved the following: Council
    # recognises that this petition …"
    introduction = ({citations[lead][0].paragraph.id: citations[lead_ins[lead]][1][-1].rstrip().rstrip(":").rstrip()}
                    if lead in lead_ins and citations[lead_ins[lead]][1] else {})
    beside = each_council_leads(citations, lead_scores, lead, implied)
    # "what grade did the fostering service get?": the judgement table has no line for it, and its line the answer
    # quotes is another area's grade, said as such; when the report's finding on it is cited, that leads in its place
    # ("Services for disabled children have significantly improved …"), and no other area's grade is quoted
    not_graded = ungraded(question, kinds, ranked[lead][0]) if ranked[lead][4] else ""
    found_instead = _finding_on(not_graded, question, citations, ranked, lead) if not_graded else None
    if found_instead is not None:
        lead = found_instead
    sentences, scores, order, at, table = ranked[lead]
    if not table:  # the answer's first line: with the sentence next to its best one when that scores nearly as well
        at = with_continuation(sentences, with_neighbours(at, scores, order, cfg), scores, cfg.lead_sentences)
        findings = citations[lead][0].meta.doc_type == "ofsted-inspection"  # (a table's lines are not quoted here)
        at = with_opening(sentences, with_antecedent(sentences, with_what_follows(sentences, at, findings,
                                                                                            not required), scores), scores,
                          None if findings else order[0])
        at = with_asked(sentences, at, scores, question, gives_figure, gives_required)
        if figures := [k for k in required if k in _FIGURE_KINDS]:  # a figure asked for: the quote begins with it
            at = from_the_figure(sentences, at, figure_sentences(question, sentences, at, figures,
                                                                 citations[lead][0].paragraph.para))
        citations[lead] = (citations[lead][0], join_quoted(sentences, at, voters))
    citations = [citations[lead]] + citations[:lead] + citations[lead + 1:]
    # the supporting quotes come from paragraphs that give what was asked for too ("how many …?": a figure) and
    # mention what the question names ("Lifelong Links"), not from filler sharing a word with the question. The
    # paragraph retrieval put first need not repeat the name: it is the best match for the whole question, and a
    # paper's paragraph calls its subject "the contracts" or "the service" once its title has named it
    top = hits[0].paragraph.id
    def gives(h: Hit, kind: str) -> bool:
        return holds(kind, shown_for(kind, h, [h.paragraph.text], replying), question, h.paragraph.para)

    # "who proposed the amendment, and was it passed?": the vote's paragraph answers the second part, which the first
    # line's (the proposer's) does not, though it names no one
    other_parts = [k for k in kinds if k in _SECOND_PARTS and k not in required
                   and not holds(k, " ".join(citations[0][1]), question)]
    citations = citations[:1] + [(h, quoted) for h, quoted in citations[1:]
                                 if (all(gives(h, k) for k in required) or any(gives(h, k) for k in other_parts))
                                 and (h.paragraph.id == top
                                      or not missing_names(question, cited_with_context(h, replying), implied,
                                                           one_of_listed=True))]
    if "grade" in kinds and citations and all(question_types.graded_line(s) for s in citations[0][1]):
        # "how were care leavers graded?", answered by the judgement table's line: a finding on care leavers does
        # not say how they were graded; only a sentence that gives a grade supports it
        citations = citations[:1] + [(h, quoted) for h, quoted in citations[1:] if _JUDGED_THEN.search(" ".join(quoted))
                                     or any(question_types.graded_line(s) for s in quoted)]
    if found_instead is not None:  # (another area's grade supports no finding on one the table does not grade)
        citations = citations[:1] + [(h, quoted) for h, quoted in citations[1:]
                                     if not any(question_types.graded_line(s) for s in quoted)]
    if asked_topics := topics_named(question):  # "how does Hull support young carers?": a supporting quote is
        # from a paragraph that mentions young carers (in any wording of data/topics.tsv), not one on care leavers
        citations = citations[:1] + [(h, quoted) for h, quoted in citations[1:]
                                     if all(t.mentioned.search(f"{h.paragraph.heading or ''} {h.paragraph.text}")
                                            for _, t in asked_topics)]
    if not _PROCEDURE_ASKED.search(question):  # a meeting's standing items ("2. Declarations of Interest") support
        # no answer but one about them
        citations = citations[:1] + [(h, quoted) for h, quoted in citations[1:]
                                     if not _PROCEDURAL_ITEM.search(f"{h.paragraph.text}\n{h.paragraph.heading or ''}")]
    if not (title_answers or grades_answer):  # a report's first-page block (its title, dates, judgement table and
        # the verdict under it: "Children, care leavers and families in Portsmouth benefit greatly from outstanding
        # services.") is close to every question on the council: it supports an answer on the inspection or its
        # grades, or one whose words its quote shares ("… delays in holding strategy discussions …" for "were there
        # hold-ups …?"), but for those its report prints throughout ("children", "care")
        topic = topic_words(question, implied)
        citations = citations[:1] + [(h, quoted) for h, quoted in citations[1:]
                                     if not TITLE_BLOCK.search(h.paragraph.text)
                                     or topic & words(" ".join(quoted)) - (common_words(document(h)) if document else set())]
    citations = without_repeats(citations)  # a motion's words again in the resolution of the same minutes: quoted once
    citations = of_the_time_asked(citations, implied, spans_years, question)
    if _another_meetings_record(question, kinds, implied, citations):
        return _abstained(question, hits, cfg, confidence)
    if names_left_out(question, citations, implied, replying, nearby, described, tables) \
            or figure_asked(question) and unmentioned(question, [cited_with_context(h, replying) for h, _ in citations]) \
            or "number" in required and a_quarter_for_a_year(question, citations) \
            or "number" in required and counts_another_group(question, citations) \
            or rate_of_another_measure(question, citations):
        # (a figure of a topic the question names is quoted with it: "how many children are in pre-proceedings?": a
        # report that mentions pre-proceedings on another page, and counts children in care here, counts none of them;
        # "how many potholes were repaired in 2024?": a first line giving one quarter's figure gives no year's)
        return _abstained(question, hits, cfg, confidence)
    completions = completing(citations, following)
    citations, completions, introduction = completed_lead(question, kinds, citations, completions, introduction, beside)
    if following is not None and ("decision" in kinds or decided_asked(question)):  # "what did Cabinet resolve …?":
        # a resolution whose limbs are paragraphs of their own is quoted in full, not cut to the limb that leads
        citations, completions = _with_limbs(citations, completions, following)
    if following is not None and preceding is not None and agenda_item(citations[0][0]) \
            and lists_items(question, implied):  # "what items were on the agenda for Cabinet on 30 January?": the
        # agenda's items, each cited, after the one that leads, in their printed order (one cited already among them)
        around = items_around(citations[0][0], following, preceding)
        quoted_as = {h.paragraph.id: q for h, q in citations[1:]}
        taken = {n.paragraph.id for got in completions.values() for n, _ in got}
        if items := [(n, quoted_as.get(n.paragraph.id) or opening(n.paragraph.text)) for n in around
                     if n.paragraph.id not in taken]:
            completions[citations[0][0].paragraph.id] = completions.get(citations[0][0].paragraph.id, []) + items
            listed_ids = {n.paragraph.id for n, _ in items}
            citations = citations[:1] + [(h, q) for h, q in citations[1:] if h.paragraph.id not in listed_ids]
    every = [c for h, quoted in citations for c in [(h, quoted)] + completions.get(h.paragraph.id, [])]
    headers = headers_of(every, table_headers)
    text, shown = format_answer(citations, headers, newest_first=spans_years or now, completions=completions,
                                titles={**_listed_under(citations), **asked_by(citations, replying), **introduction,
                                        **_on_the_agenda(question, required, citations)},
                                beside=beside)
    if not_graded:
        text = (f"{citations[0][0].meta.cited_name} gives no grade of its own for {not_graded}. "
                f"{'The inspectors found: ' if found_instead is not None else 'Its judgement table: '}{text}")
    # a table's row is cited with its table around it, as printed on its page
    return Composed(text, [Citation.from_hit(h, " ".join(s), headers.get(h.paragraph.id, ("", None))[0],
                                             printed_table_of(h, tables))
                           for h, s in shown], False, [], confidence)


def _with_limbs(citations: list[tuple[Hit, list[str]]], completions: dict[str, list[tuple[Hit, list[str]]]],
                following: Following) -> tuple[list[tuple[Hit, list[str]]], dict[str, list[tuple[Hit, list[str]]]]]:
    """The first line's resolution's further limbs (completion.further_limbs) after it or what completes it, each
    quoted and cited as itself, and no longer as a supporting quote of its own."""
    lead, quoted = citations[0]
    after = completions.get(lead.paragraph.id, [])
    last, last_quoted = after[-1] if after else (lead, quoted)
    shown = {lead.paragraph.id} | {n.paragraph.id for n, _ in after}
    limbs = [(n, opening(n.paragraph.text)) for n in further_limbs(last, last_quoted, following)
             if n.paragraph.id not in shown]
    if not limbs:
        return citations, completions
    taken = {n.paragraph.id for n, _ in limbs}
    others = {k: [(n, q) for n, q in v if n.paragraph.id not in taken] for k, v in completions.items()
              if k != lead.paragraph.id}
    return ([citations[0]] + [(h, q) for h, q in citations[1:] if h.paragraph.id not in taken],
            {**others, lead.paragraph.id: after + limbs})


def completed_lead(question: str, kinds: list[str], citations: list[tuple[Hit, list[str]]],
                   completions: dict[str, list[tuple[Hit, list[str]]]], introduction: dict[str, str], beside: set[str]
                   ) -> tuple[list[tuple[Hit, list[str]]], dict[str, list[tuple[Hit, list[str]]]], dict[str, str]]:
    """The first line when the lead's quote ends on a lead-in that one paragraph after it completes ("The committee
    passed a motion proposing that:" and "That the decision be delayed …"): that paragraph, after the lead-in's
    words, as a lead-in that yields does (yielding_lead_ins), and the lead as a supporting quote (its sentences
    before its lead-in, when it has any). Not a lead-in that gives what was asked for itself ("Proposer: Mr Mike Sole
    Seconder: Mr Antony Hook Proposed Purpose:" says who proposed it), nor one completed by a run of list items or
    table rows, which keeps the first line, the items listed under it."""
    lead, quoted = citations[0]
    alone = completions.get(lead.paragraph.id, [])
    if len(alone) != 1 or alone[0][0].paragraph.kind.startswith("table") or lead.paragraph.id in introduction \
            or lead.paragraph.id in beside or not quoted or not quoted[-1].rstrip().endswith(":") \
            or any(holds(k, " ".join(quoted), question) for k in kinds if k != "decision"):
        return citations, completions, introduction
    completing_it = alone[0]
    completions = {k: v for k, v in completions.items() if k != lead.paragraph.id}
    introduction = {**introduction, completing_it[0].paragraph.id: quoted[-1].rstrip().rstrip(":").rstrip()}
    return [completing_it, (lead, quoted[:-1] or quoted)] + citations[1:], completions, introduction


def yielding_lead_ins(question: str, kinds: list[str], citations: list[tuple[Hit, list[str]]],
                      following: Following | None) -> dict[int, int]:
    """The cited quotes that complete another cited quote's lead-in ending on a colon (completion.introduced), by
    index, mapped to the lead-in's index: those lead-ins that yield the first line to what they introduce. Not one
    that gives what was asked for itself: "Proposer: Mr Mike Sole Seconder: Mr Antony Hook Proposed Purpose:" says
    who proposed it; any resolution's "Council resolved the following:" says only that something was decided."""
    return {j: i for j, i in introduced(citations, following).items()
            if not any(holds(k, " ".join(citations[i][1]), question) for k in kinds if k != "decision")}


LEAD_IN = 0.5  # a lead-in ending on a colon yields the first line to what it introduces, when that is cited
# a resolution recorded as such: minutes' "RESOLVED that …", "… unanimously agreed the following motion:", "carried the
# substantive motion" (not an account of what members "agreed to" at another meeting)
_RESOLUTION = re.compile(r"\bRESOLVED\b|(?i:\b(?:agreed|passed|carried|adopted|approved|resolved)" + MOTION_CARRIED + ")")
# the words of any question on what a body decided, which say nothing of what it decided about
_DECIDING_WORDS = words("what which did does do was were has have had the a an about on of for in at to and its it "
                        "resolve resolved resolution resolutions decide decided decision decisions agree agreed approve "
                        "approved motion committee council county cabinet panel board meeting full members")
RESOLUTION_WITHIN = 10  # how far down retrieval's hits a resolution is looked for when none is cited


def with_resolution(question: str, kinds: list[str], chosen: list[Hit], hits: list[Hit],
                    implied: Implied | None) -> list[Hit]:
    """``chosen`` with the best-ranked of the first RESOLUTION_WITHIN hits that records a resolution ("10. Following
    the debate, the Scrutiny Committee unanimously agreed the following motion: a. That …", "RESOLVED that …"),
    when the question asks what a body decided and no paragraph chosen records one: a report's request ("The Cabinet
    is asked to consider …") or an account of the debate does not say what was decided. The paragraph must share a
    word of the question's subject (its own or its document's title's: "That implementation of Decision 24/00093 be
    postponed" in a paper on the family hubs), and be of the committee the question names or name it where it
    records the resolution (not "At the Scrutiny Committee …, Members agreed to refer …" in Cabinet's minutes)."""
    if "decision" not in kinds or not decided_asked(question) \
            or any(records_decision(h.paragraph.text) for h in chosen):
        return chosen
    bodies = [c.lower() for c in (implied.committees if implied is not None else [])]
    topic = topic_words(question, implied) - _DECIDING_WORDS \
        - words(" ".join(implied.committees if implied is not None else []))
    for h in hits[:RESOLUTION_WITHIN]:
        resolving = [s for s in split_sentences(h.paragraph.text) if _RESOLUTION.search(s)]
        if h in chosen or not resolving \
                or not topic & words(f"{h.meta.title} {h.paragraph.heading or ''} {h.paragraph.text}"):
            continue
        if bodies and not (h.meta.committee in implied.committees  # (bodies: implied is not None)
                           or any(b in s.lower() for b in bodies for s in resolving)):
            continue
        return chosen + [h]
    return chosen


def with_named_organisation(question: str, chosen: list[Hit], hits: list[Hit], implied: Implied | None,
                            cfg: AnswerConfig) -> list[Hit]:
    """``chosen`` with the candidate (of the first ``cfg.candidates`` hits) whose sentence naming an organisation
    shares the most of the question's subject words, when the question asks which organisation and it shares more
    than any chosen paragraph's does: "Since 2017, the local authority has delegated its statutory children’s social
    care functions to Achieving for Children (AfC)." answers "which organisation delivers children's social care on
    behalf of …?", wherever retrieval put it among the candidates."""
    if not organisation_asked(question):
        return chosen
    have = max((organisation_overlap(question, h.paragraph.text, implied) for h in chosen), default=0)
    best, most = None, have
    for h in hits[: cfg.candidates]:
        if h not in chosen and (n := organisation_overlap(question, h.paragraph.text, implied)) > most:
            best, most = h, n
    return chosen + [best] if best is not None else chosen


_FIGURE_KINDS = ("number", "rate", "money")  # a figure asked for, which a sentence gives by itself


def figure_sentences(question: str, sentences: list[str], at: list[int], figures: list[str],
                     own: str | None) -> set[int]:
    """Of the quoted sentences ``at``, those giving the figures asked for (``figures``), and a sum of the kind the
    question names when it names one: "how big was the overspend?" is not answered by "Three new children's homes
    have opened", which gives a number."""
    sums = question_types.money_kinds(question)
    return {i for i in at if all(holds(k, sentences[i], question, own if i == 0 else None) for k in figures)
            and (not sums or question_types.states_sum_of(sums, sentences[i]))}


def each_council_leads(citations: list[tuple[Hit, list[str]]], lead_scores: list[float], lead: int,
                       implied: Implied | None) -> set[str]:
    """For a question naming several councils ("how did Stockport and Solihull do?", "compare Bromley and
    Bristol on …"), the paragraph ids of each other council's best quote that gives what was asked for: they go on
    the first line beside the lead, so the answer to each council comes first, not only the first council's."""
    # one council's reports and papers are filed under several slugs ("kent", "kent-cc"): counted once
    asked = list(dict.fromkeys(councils.council_slug(org) for org in (implied.orgs if implied is not None else [])))
    if len(asked) < 2:
        return set()
    out: set[str] = set()
    taken = {councils.council_slug(citations[lead][0].meta.org_slug or "")}
    for council in asked:
        if council in taken:
            continue
        theirs = [i for i, (h, _) in enumerate(citations)
                  if councils.council_slug(h.meta.org_slug or "") == council and lead_scores[i] >= 0]
        if theirs:
            out.add(citations[max(theirs, key=lambda i: lead_scores[i])][0].paragraph.id)
            taken.add(council)
    return out


def _finding_on(service: str, question: str, citations: list[tuple[Hit, list[str]]],
                ranked: list[tuple[list[str], np.ndarray, list[int], list[int], bool]], lead: int) -> int | None:
    """The cited inspection finding, from the judgement table's report, that mentions ``service`` (the question's
    wording of what the table does not grade), in any wording data/topics.tsv gives it; None when none is cited."""
    mentions = [t.mentioned for wording, t in topics_named(question) if wording == service]
    mentioned = mentions[0] if mentions else re.compile(r"\s+".join(map(re.escape, service.split())), re.IGNORECASE)
    doc = citations[lead][0].paragraph.doc
    return next((i for i, (h, quoted) in enumerate(citations)
                 if i != lead and not ranked[i][4] and h.paragraph.doc == doc and quoted
                 and h.meta.doc_type == "ofsted-inspection"
                 and not any(question_types.graded_line(s) for s in quoted)
                 and mentioned.search(h.paragraph.text.replace("’", "'"))), None)


def _told_apart(citations: list[tuple[Hit, list[str]]], ranked: list[tuple[list[str], np.ndarray, list[int], list[int],
                                                                        bool]], voters: str | None) -> None:
    """Quotes that read alike from different paragraphs are each quoted from the sentence before, which says what
    they are about: "The local authority was judged to be inadequate." is printed under two earlier inspections
    ("The previous inspection of … services for children looked after was in July 2013.")."""
    alike = Counter(" ".join(quoted) for _, quoted in citations)
    for i, (h, quoted) in enumerate(citations):
        sentences, scores, order, at, table = ranked[i]
        if alike[" ".join(quoted)] > 1 and at and at[0] > 0 and not table:
            at = sorted(set(at) | {at[0] - 1})
            ranked[i] = (sentences, scores, order, at, table)
            citations[i] = (h, join_quoted(sentences, at, voters))


def _gives(question: str, kinds: list[str]) -> Callable[[str], bool] | None:
    """Whether a sentence gives the figure asked for (a number, a sum, a share), when one is asked: quoted where the
    quote would elide it (quotes.with_asked)."""
    figures = [k for k in question_types.required(question, kinds) if k in _FIGURE_KINDS]
    return (lambda s: any(holds(k, s, question) for k in figures)) if figures else None


# the kinds a sentence beside a quote may give for it (quotes.with_asked): a time (past or to come), a length of
# time, a figure
_STATED_KINDS = ("time", "future", "duration") + _FIGURE_KINDS


def _answers(question: str, kinds: list[str]) -> Callable[[str], bool] | None:
    """Whether a sentence gives every kind of fact the question requires (a time for "when …?", a figure for "how
    many …?"), when it requires only such: quoted after a quote that gives none (quotes.with_asked)."""
    required = question_types.required(question, kinds)
    if not required or any(k not in _STATED_KINDS for k in required):
        return None
    return lambda s: all(holds(k, s, question) for k in required)


def _grades_answer(question: str, kinds: list[str]) -> bool:
    """Whether a judgement table's lines ("The experiences and progress of children in care: Outstanding") may
    answer: a question about grades or about the inspection, not one that shares "children in care" with a line."""
    return "grade" in kinds or bool(_ABOUT_INSPECTION.search(question))


def _abstained(question: str, hits: list[Hit], cfg: AnswerConfig, confidence: float) -> Composed:
    """The evidence does not answer the question: say so, with the nearest passages."""
    nearest = hits[: cfg.nearest]
    return Composed(abstain_text(question, nearest), [], True, nearest, confidence)


# a question about a council's children's services, which only Ofsted inspects in England ("What needs to improve
# in Swansea's children's services?")
# what a council's children's services are and serve: a question on them about a council outside England is one
# for that nation's inspectorate ("What does Fife Council need to improve in its services for children in care?")
_CHILDRENS_SERVICES = re.compile(r"\bchildren['’]?s\s+(?:social\s+)?(?:services|social care)\b|"
                                 r"\bservices\s+for\s+(?:children|young people)\b|\bchildren\s+(?:in\s+care|in\s+need)\b|"
                                 r"\blooked[\s-]+after\s+children\b|\bcare\s+leavers?\b|\bchild\s+protection\b",
                                 re.IGNORECASE)
# a later report's account of an earlier inspection's grade: "… the last inspection in June 2018, when services …
# were judged to be good overall", "… in 2022, when the overall effectiveness judgement was good"
_JUDGED_THEN = re.compile(r"\b(?:judged|graded|rated|(?:judgement|grade|rating)\s+(?:of|was|were))\b[^.;]{0,60}?"
                          r"\b(?:outstanding|good|requires improvement|"
                          r"inadequate|adequate)\b", re.IGNORECASE)

# or in the words of a finding: "Since the last inspection in 2022, when services were found to be inadequate, …"
_FOUND_THEN = re.compile(r"\b(?:found|judged|considered|assessed)\s+(?:to\s+be|as)\s+(?:outstanding|good|"
                         r"requires improvement|inadequate)\b", re.IGNORECASE)


def _grade_looked_back(hits: list[Hit], year: int, orgs: list[str]) -> tuple[Hit, str] | None:
    """The first sentence of a later inspection report on the council (of those found) that names ``year`` and
    the grade that inspection gave, with its paragraph; None when no report found says."""
    asked = {councils.council_slug(o) for o in orgs}
    for h in hits:
        if h.meta.doc_type != "ofsted-inspection" or (h.meta.year or 0) <= year \
                or councils.council_slug(h.meta.org_slug or "") not in asked:
            continue
        for sentence in split_sentences(h.paragraph.text):
            if re.search(rf"\b{year}\b", sentence) and (_JUDGED_THEN.search(sentence) or _FOUND_THEN.search(sentence)):
                return h, sentence
    return None


IMPROVEMENT_ITEM = 0.2  # a finding leads an improvement item on the same area, unless what must improve is asked


def _on_the_agenda(question: str, required: list[str], citations: list[tuple[Hit, list[str]]]) -> dict[str, str]:
    """"When is the Home to School Transport presentation to Cabinet due?" led by an agenda's item that prints no
    date of its own: the meeting it is listed for, shown before it ("On the agenda for Cabinet, 4 March 2025: 8.
    Home to School Transport - Presentation")."""
    h, quoted = citations[0]
    if not (when_before_a_meeting(question, required) and dated_agenda_item(h)) \
            or holds("time", " ".join(quoted), question):
        return {}
    return {h.paragraph.id: f"On the agenda for {h.meta.committee or h.meta.cited_name}, {long_date(h.meta.date)}"}


def _listed_under(citations: list[tuple[Hit, list[str]]]) -> dict[str, str]:
    """An improvement item's heading to show before it ("What needs to improve: The strategic needs analysis of
    …"): the item alone reads as a finding, or as nothing."""
    return {h.paragraph.id: (h.paragraph.heading or "").split(" > ")[-1].strip().rstrip("?:").strip()
            for h, _ in citations if improvement_item(h)}


def _quarter_not_reported(question: str, hits: list[Hit]) -> tuple[int, list[int]] | None:
    """"How many KPIs were red in Quarter 4?" when the quarterly reports found are Quarter 3's and nothing found
    names Quarter 4: the quarter asked about and those reported on. None when the question names no one quarter,
    no document found is a quarter's report, or something found names that quarter (a report's comparison with the
    quarter before, a minute on it)."""
    if len(asked := quarters_named(question)) != 1:
        return None
    reported = set().union(*(quarters_named(h.meta.title or "") for h in hits))
    if not reported or any(asked <= quarters_named(h.meta.title or "") | quarters_named(h.paragraph.text)
                           | quarters_named(h.paragraph.heading or "") for h in hits):
        return None
    return next(iter(asked)), sorted(reported)


def _declined(text: str, hits: list[Hit], cfg: AnswerConfig, whose: str = "") -> Composed:
    """What the documents cannot answer (a council, year or month with nothing indexed), said plainly, with the
    nearest passages (``whose`` documents they are, when not those asked about)."""
    nearest = hits[: cfg.nearest]
    return Composed(text + nearest_text(nearest, whose), [], True, nearest, 0.0)
