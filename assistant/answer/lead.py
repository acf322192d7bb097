"""Which quote is the answer's first line: the best-scoring one that gives every kind of answer asked for and
mentions what the question names, from the year, month or day the question asks about when one is cited, the
newest report's when it asks how things are or how they changed; and, once it leads, the further quotes kept to
the time asked about. Also whether a council's judgement-table line answers a grade question however it scores.
"""

from __future__ import annotations

import re

import numpy as np

from .. import councils
from ..parse.context import is_agenda_item, is_meeting_answer, is_meeting_question
from ..parse.sentences import split_sentences
from ..query import kinds as question_types
from ..query.counted import count_match, kind_counted, same_kind, sentence_figure_kinds
from ..query.genres import named_genres, of_genre
from ..query.implied import Implied
from ..query.tense import wants_newest_report
from ..records import ELISION, MONTH_NAMES, Hit
from ..text.dates import quarters_named, written_date
from . import topics
from .names import cited_with_context, missing_names
from .quotes import TITLE_BLOCK, before_quote, in_quotation_marks
from .scoring import holds, stems
from .selection import topic_words, words

_ASKER_KINDS = ("person", "name")  # what a question put at a meeting's title gives: who asked whom


def choose_lead(question: str, citations: list[tuple[Hit, list[str]]], lead_scores: list[float], kinds: list[str],
                 implied: Implied | None, spans_years: bool, now: bool = False,
                 replying: dict[str, Hit] | None = None,
                 counts: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
                 state: frozenset[str] = frozenset(), led_in: dict[str, str] | None = None) -> int:
    """Which citation's quote is the answer's first line: the best-scoring one that gives every kind asked for
    (a grade for "what was the overall judgement"), from the year the question asks about when one is cited, or
    the newest document's when the question asks how things changed. ``led_in``: the lead-in ("Council resolved
    the following:") a cited paragraph completes, by its id."""
    led_in = led_in or {}
    if question_types.sets_the_scene(question):  # "When Suffolk's staff can't keep up, who does it bring in?": its
        # "When …," clause asks no time, and the quote that answers who need give none
        kinds = [k for k in kinds if k != "time"]
    giving = [i for i, (h, s) in enumerate(citations)
              if all(holds(k, shown_for(k, h, s, replying), question, h.paragraph.para, written=h.meta.date)
                     or (lead_in := list_lead_in(h.paragraph.text, s) or led_in.get(h.paragraph.id, ""))
                     and holds(k, f"{lead_in} {shown_for(k, h, s, replying)}", question, h.paragraph.para,
                               written=h.meta.date) for k in kinds)]
    if kinds:
        lead_scores = prefer(lead_scores, giving, 1.0)
    if (deed := _WHO_DID.search(question)) is not None and {"person", "name"} & set(kinds):
        # "who was elected Vice-Chair?", "who introduced the report?": the quote that says someone did it ("RESOLVED
        # that Mr P Bartlett be duly elected Vice Chair", "Mr Oakford … introduced the report"), not a list that only
        # names the holder ("PRESENT: … Paul Bartlett (Vice-Chair)") or a paragraph of the report naming no one
        done = re.compile(rf"\b{deed.group('verb')}\b", re.IGNORECASE)
        lead_scores = prefer(lead_scores, {i for i in giving if done.search(" ".join(citations[i][1]))}, WHO_DID)
    if implied is not None and implied.days and implied.committees and not spans_years:
        # a meeting named by its body and day is that one meeting: "Kent Cabinet on 9 January 2025" is answered from
        # the Cabinet's papers of that day, however well the County Council's minutes of the same day name the
        # question's subject ("the above motion" of the Cabinet's minute does not repeat it)
        lead_scores = _only(lead_scores, {i for i, (h, _) in enumerate(citations)
                                          if h.meta.date in implied.days and h.meta.committee in implied.committees})
    # "who chairs the Improvement Board?": the paragraph about the Improvement Board, not another board's chair
    # (a name of several words: an acronym such as "SEND" names a topic that a paragraph may spell out)
    names = [n for n in missing_names(question, "", implied) if " " in n]
    naming = [i for i, (h, _) in enumerate(citations)
              if not set(names) & set(missing_names(question, cited_with_context(h, replying), implied))]
    if names:
        lead_scores = prefer(lead_scores, naming, 1.0)
    if len(genres := named_genres(question)) == 1:  # "according to the equality assessment …": that kind of paper's
        # quote, not the decision report's that shares more of the question's words (as much as the kinds asked
        # for: 0.3 gains tuning first lines +1, 1.0 and 2.0 +2)
        lead_scores = prefer(lead_scores, {i for i, (h, _) in enumerate(citations) if of_genre(h.meta.title, genres[0])},
                             1.0)
    if implied is not None and len(implied.years) == 1 and not spans_years:
        # "what did the 2023 inspection say": the answer comes from that year's documents when one is cited
        # (an Ofsted report is often published the year after its inspection)
        asked = implied.years[0]
        if not _month_not_cited(citations, implied, asked):
            lead_scores = _only(lead_scores, {i for i, (h, _) in enumerate(citations) if h.meta.of_year(asked)})
    if implied is not None and implied.months and not spans_years:
        # "the County Council meeting in March 2025": that month's papers (or an inspection that ran then), not
        # January's minutes of the same committee
        dated = {i for i, (h, _) in enumerate(citations) if h.meta.dated_in(implied.months)}
        if not dated and len(implied.months) == 1:  # no paper of that month is cited: "which young offender
            # institution closed in April 2024?" is answered by the quote that names it ("… was closed in April 2024")
            # (a month the question names as such, not the end of a span: "in October to December 2024")
            named = written_date(implied.months[0])
            if re.search(rf"\b(?:in|during|on|of)\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{named}", question, re.IGNORECASE):
                # (or its lead-in does: "… a debate at County Council on 7 November 2024 … Council resolved the
                # following:" dates the resolution it introduces)
                lead_scores = prefer(lead_scores, {i for i, (h, quoted) in enumerate(citations)
                                                   if named in f"{led_in.get(h.paragraph.id, '')} {' '.join(quoted)}"},
                                     0.5)
        lead_scores = _only(lead_scores, dated)
    if implied is not None and implied.days and not spans_years:
        # "the Cabinet meeting on 9 January 2025": that day's papers answer, not the same committee's later minutes
        lead_scores = _only(lead_scores, {i for i, (h, _) in enumerate(citations) if h.meta.date in implied.days})
    if implied is not None and implied.committees and not spans_years:
        # "Kent's Cabinet meeting on 9 January 2025": the Cabinet's papers, not the County Council's of the same day
        lead_scores = prefer(lead_scores, {i for i, (h, _) in enumerate(citations)
                                           if h.meta.committee in implied.committees}, COMMITTEE_NAMED)
    if len(asked_quarter := quarters_named(question)) == 1:
        # "how many KPIs were red in quarter 2?": that quarter's figures (the minutes of the meeting that took the
        # Quarter 2 report), not the next quarterly report's. A quote names its quarter, or its paragraph or its
        # document's title does
        lead_scores = _only(lead_scores, {i for i, (h, quoted) in enumerate(citations)
                                          if _quarters(h, quoted) == asked_quarter})
    if "vote" in kinds:  # "how did the vote on the governance updates go?": a vote's paragraph never names what it
        # decides; the minute's heading does ("306. Governance Updates"), not another item's ("302. Devolution …")
        # (its words as written: "governance" and "government" share a stem)
        topic = _words(question) - _VOTE_QUESTION_WORDS - _words(" ".join(implied.org_names) if implied else "")
        shared = [len(topic & _words(h.paragraph.heading or "")) for h, _ in citations]
        lead_scores = prefer(lead_scores, {i for i, n in enumerate(shared) if n == max(shared) > 0}, 0.5)
        if not question_types.about_an_amendment(question):  # and of its votes, the item's own decision (the
            # substantive motion), not one to extend the meeting that was taken under the same minute
            lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                               if "substantive motion" in " ".join(quoted).lower()}, 0.1)
    if "decision" in kinds and (verb := _OPERATIVE_ASKED.search(question)):  # "what was the Cabinet Member asked
        # to approve?": the recommendation that approves ("APPROVE the proposal …"), not the one that delegates
        said = re.compile(rf"\b{verb.group(1)}\w*", re.IGNORECASE)
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations) if said.search(" ".join(quoted))},
                             0.3)
    if "decision" in kinds and decided_asked(question) or _MOTION_ASKED.search(question) \
            and not _ASKED_TO_DECIDE.search(question):
        # "what did Cabinet decide on the plan?": the decision recorded (the minutes' "RESOLVED that Cabinet agree
        # …"), not the report's request for one ("Cabinet is asked to agree …"), which may be what it then decided;
        # "what motion did the Scrutiny Committee agree?": the paragraph saying it "agreed the following motion:",
        # not the one before it on the debate
        # (a resolution's items are quoted without its lead-in: "(a) Adopt the Delivery Plan …" under "RESOLVED that
        # Cabinet agree to:")
        recorded = {i for i, (h, quoted) in enumerate(citations)
                    if _RECORDED.search(said := f"{led_in.get(h.paragraph.id, '')} "
                                                f"{list_lead_in(h.paragraph.text, quoted)} {' '.join(quoted)}")
                    and not _REQUESTED.search(said)}
        lead_scores = prefer(lead_scores, recorded, 0.5)
    if _REQUEST_ASKED.search(question):  # "what outcome did the call-in ask for?": the quote making the request
        # ("We request that … the decision be postponed"), not one recounting how the request was considered
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if _REQUESTS.search(" ".join(quoted))}, REQUEST_ASKED)
    if _RISKS_ASKED.search(question):  # "what risks … and how will they be mitigated?": a quote naming a risk and
        # its mitigation (a risk register's row, "Risk Mitigation …"), not the report's introduction
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if _NAMES_RISK.search(" ".join(quoted))
                                           and _MITIGATES.search(" ".join(quoted))}, RISKS_ASKED)
    if _OPTIONS_ASKED.search(question):  # "what options does Cabinet have when it reconsiders a decision?": the quote
        # listing them ("Cabinet may confirm, amend or rescind the decision."), not one on why decisions are called in
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if _ALTERNATIVES.search(" ".join(quoted))}, OPTIONS_ASKED)
    if _REPLY_ASKED.search(question):  # "how did the council respond to concerns that …?": its reply (a paper of
        # replies, an answer given at a meeting), not the concern as the consultation report records it
        lead_scores = prefer(lead_scores, {i for i, (h, _) in enumerate(citations)
                                           if _REPLIES.search(h.meta.title or "") or is_meeting_answer(h.paragraph)},
                             REPLY_ASKED)
    if not _WHAT_WAS_SAID.search(question) and not _REQUEST_ASKED.search(question):  # "who will help families who
        # struggle with anxiety …?": the paper's own account (the council's reply, a finding), not a consultee's words it
        # quotes ("“A lot of the families who use Millmead suffer … anxiety …”"), which answer only what someone said
        # or thought, or what they sought (an amendment's words, which minutes print in quotation marks)
        lead_scores = prefer(lead_scores, {i for i, (h, quoted) in enumerate(citations)
                                           if not in_quotation_marks(h.paragraph.text, quoted)}, QUOTED_WORDS)
    if not kinds and (asked_topics := topics.named(question)):  # "how does Walsall support young carers?": a quote
        # on young carers ("children who are also young carers receive …"), not one on care leavers that reads close
        # to it (a question asking for a figure or a date is led by the quote giving it, which may not name the topic)
        lead_scores = prefer(lead_scores, {i for i, (h, quoted) in enumerate(citations)
                                           if all(t.mentioned.search(_shown(h, quoted)) for _, t in asked_topics)},
                             TOPIC_NAMED)
    if headed := heading_asked(question, citations):  # "what are the financial implications of the plan?": the
        # paragraph printed under the paper's "7. Financial Implications", not its introduction that reads closer
        lead_scores = prefer(lead_scores, headed, HEADING_ASKED)
    if target_asked(question):  # "what is the fundraising target for the campaign?": the quote giving a figure ("…
        # to the target of £25,000"), not one that only names the campaign
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if states_figure(" ".join(quoted))}, TARGET_ASKED)
    if not kinds and not spans_years and _asks_of_something(question, implied):
        # "do staff in Windsor think their caseloads are reasonable?": the finding on caseloads, not the report's
        # headline under its judgement table ("Most children in … continue to benefit from good services"), which
        # shares the council's name and "children" with any question; it still answers "how is Kingston doing?"
        # (a question asking for a date or a figure is left to the quotes that give one, the headline's among them:
        # it may say when the council changed its name or its leaders)
        lead_scores = prefer(lead_scores, {i for i, (h, quoted) in enumerate(citations) if not _headline(h, quoted)},
                             HEADLINE)
    if question_types.asks_reason(question):  # "why is the finance division underspending?": the quote giving a
        # reason ("… due to staff vacancies", "… but following changes in …, two KPIs have now been removed"), not
        # one that only restates the underspend or the report's purpose
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if question_types.gives_reason(" ".join(quoted))
                                           or _FOLLOWING_CAUSE.search(" ".join(quoted))}, REASON_ASKED)
    if _LAW_ASKED.search(question):  # "under what legislation does the director work?": the quote naming the law ("…
        # under the provisions of Local Authority Social Services Act 1970"), not one on the same service naming none
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if _NAMES_LAW.search(" ".join(quoted))}, LAW_ASKED)
    if not _PAPERS_ASKED.search(question):  # a paper's list of its appendices or background documents ("Appendix 1 –
        # Executive Response Appendix 2 – …") names what the question is about and answers nothing but which papers
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if len(_APPENDIX_ITEM.findall(" ".join(quoted))) < APPENDIX_LIST}, APPENDICES)
    if now:  # "how is Medway doing?", "are caseloads manageable?": a council's newest report says how things are,
        # not the one it replaced (a committee paper is left to its score)
        lead_scores = prefer(lead_scores, _not_superseded(citations, lead_scores), 1.0)
    elif wants_newest_report(question, implied, spans_years):  # "what did Ofsted say about exploitation in Kent?":
        # naming no year, the newest report's finding on it leads, not a report it replaced (which may follow)
        lead_scores = prefer(lead_scores, _newest_bearing(question, citations, lead_scores, implied), NEWEST_REPORT)
    if "money" not in kinds and (sums := question_types.sum_asked(question)):  # "what forecast revenue overspend
        # did the November monitoring report give?": a quote giving a sum of that kind ("NOTE the forecast revenue
        # overspend of £23.3m"), not the report's introduction that only names the forecast ("1.1 … sets out the
        # revenue and capital forecast position"), however closely it echoes the question
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations)
                                           if question_types.states_sum_of(sums, " ".join(quoted))}, SUM_ASKED)
    if counts[0]:  # "how many children are in care?": the quote whose figure counts children in care ("400 looked
        # after children") before one counting other children, even in a newer report ("62,536 children … live in")
        matched = [count_match(*counts, " ".join(quoted), state) for _, quoted in citations]
        lead_scores = prefer(lead_scores, {i for i, m in enumerate(matched) if m == max(matched) > 0}, 1.5)
    if asked := kind_counted(question):  # "how many people responded to the consultation?": a quote whose figure
        # counts people ("672 consultees chose to answer …") before one whose figures count things of other kinds
        # ("12 drop-in sessions at 9 libraries"); one whose figures' kinds are unknown neither
        counting = [_counts_kind(asked, quoted, question) for _, quoted in citations]
        lead_scores = prefer(lead_scores, {i for i, c in enumerate(counting) if c},
                             KIND_COUNTED, among={i for i, c in enumerate(counting) if c is not None})
    if other_member := _sibling_headed(question, citations, implied):  # "how many primary forms of entry …?": the
        # table under "Primary School Commissioning Intentions", not the total under its sibling "Secondary School
        # Commissioning Intentions" that retrieval ranked higher
        lead_scores = prefer(lead_scores, set(range(len(citations))) - other_member, SIBLING_HEADING)
    if member := member_asked(question):  # "what is the rent for option 6?": the paragraph on Option 6 ("Option 6: Do
        # not renew … rental costs … £130k and £180k"), not the one that names it among others ("Options 2, 3, 4 and 6
        # will have lesser impact") or the paragraph on its sibling Option 5
        lead_scores = prefer(lead_scores, {i for i, (h, _) in enumerate(citations) if labelled(h) == member},
                             MEMBER_NAMED)
    if _ITEMS_ASKED.search(question):  # "what items were on the agenda for Cabinet on 30 January?": the items
        # ("5. 24/00108 - Revenue and Capital Budget Monitoring Report …"), not a note on how the meeting is run that
        # the agenda prints apart ("(At the time of preparing the agenda there were no exempt items …)"), unless the
        # question asks about what the note speaks of ("were there any exempt items?")
        lead_scores = prefer(lead_scores, {i for i, (h, quoted) in enumerate(citations)
                                           if not housekeeping_note(h, quoted, question)},
                             HOUSEKEEPING, among={i for i, (h, quoted) in enumerate(citations)
                                                  if agenda_item(h) or housekeeping_note(h, quoted, question)})
        if lists_items(question, implied):  # "what business did Cabinet consider on 4 March?": the agenda's items
            # (listed after the one that leads), not a report's paragraph on what the meeting may do
            lead_scores = prefer(lead_scores, {i for i, (h, _) in enumerate(citations) if agenda_item(h)},
                                 HOUSEKEEPING)
        if not PROCEDURE_ASKED.search(question):  # and of the items, one of the meeting's own business ("4. Cabinet
            # Member Updates (Oral)"), not a standing item every meeting takes ("2. Declarations of Interest")
            items = {i for i, (h, _) in enumerate(citations) if agenda_item(h)}
            own = {i for i in items if not PROCEDURAL_ITEM.search(citations[i][0].paragraph.text)}
            lead_scores = prefer(lead_scores, own, HOUSEKEEPING, among=items)
    if not _ABOUT_A_QUESTION.search(question):  # a question quoted from a paper ("had the Council decided at that
        # point …?") asks, it does not answer: a quote that states something leads, unless a question was asked about
        # (a question quoted with its reply left out asks too: "… had the Council decided at that point that contracts
        # would not be renewed a year later? … Millmead and Seashells were test sites, not flagships.")
        lead_scores = prefer(lead_scores, {i for i, (_, quoted) in enumerate(citations) if not puts_a_question(quoted)},
                             0.5)
    lead = int(np.argmax(lead_scores))
    # a near tie goes to the paragraph retrieval ranked higher (the citations are in its order): the sentence scores
    # of two quotes within a hair of each other say less than the whole paragraph's match
    lead = next(i for i, score in enumerate(lead_scores) if score >= lead_scores[lead] - TIE)
    if spans_years:  # "how has it changed": the newest document's best quote leads
        newest = max(h.meta.date or "" for h, _ in citations)
        newest_lead = max((i for i, (h, _) in enumerate(citations) if (h.meta.date or "") == newest),
                          key=lambda i: lead_scores[i])
        if lead_scores[newest_lead] >= 0:  # unless the newest document's quotes do not give what was asked for
            lead = newest_lead
    return lead


def _month_not_cited(citations: list[tuple[Hit, list[str]]], implied: Implied, year: int) -> bool:
    """Whether the year a question names is only that of a month it names ("at the end of December 2024") and no
    paper of that month is cited: the month is when what is asked held, not when its paper was written, so a later
    paper reporting on it ("As of 31st December 2024, there were 613 approved households", March 2025) may lead,
    not a paper of another month of that year that shares the question's words (October's minutes). Which quote
    names the month is left to the month's own preference. (An inspection report of that year is what "in March
    2023" asks about, though its dates are not known: the year still rules.)"""
    return (bool(implied.months) and all(m.startswith(f"{year}-") for m in implied.months)
            and not any(h.meta.dated_in(implied.months) or _inspection(h) and h.meta.of_year(year)
                        for h, _ in citations))


# a question about a meeting's business: its agenda, the items it took or considered
_ITEMS_ASKED = re.compile(r"\bagendas?\b|\b(?:items?|business)\b[^?]*\b(?:meeting|consider(?:ed)?|discuss(?:ed)?|"
                          r"take|taken|took|debated?|hear|heard)\b|\b(?:consider(?:ed)?|discuss(?:ed)?|debated?)\b[^?]*"
                          r"\bitems?\b", re.IGNORECASE)
# a note on how a meeting is run, printed apart from its items: wholly in brackets ("(During these items the meeting
# is likely to be open to the public)"), or opened as a note or a reminder
_NOTE = re.compile(r"^\s*(?:\([^()]*\)\s*$|(?:Please\s+)?Note\b|N\.?B\.?\b|(?:Members|Councillors|Attendees)\s+"
                   r"(?:are|is)\s+(?:reminded|asked\s+to\s+note|advised)\b)", re.IGNORECASE)
# a meeting's standing items (ModernGov agendas and minutes): "2. Declarations of Interest", "77. Declarations of
# Interest (Item 2)", "Apologies and Substitutes", "Minutes of the meeting held on …", "Date of next meeting"
PROCEDURAL_ITEM = re.compile(r"^(?:\d+[.)]?\s+)?(?:Apologies(?: and Substitutes| for Absence)?|Declarations? of (?:[\w'’-]+"
                             r"\s+){0,8}?Interests?|Minutes of the (?:previous )?meeting\b[^\n]{0,80}|Date of (?:the )?"
                             r"next meeting|Motion to exclude the press and public)\b[^\n]{0,30}$",
                             re.IGNORECASE | re.MULTILINE)  # ("Declarations of Disclosable Pecuniary Interests or
# Other Significant Interests in items on the agenda"; not "Chairman's Announcements", whose minutes record deaths and
# awards under it)
PROCEDURE_ASKED = re.compile(r"\bapolog|\bdeclar|\binterests?\b|\bminutes\b|\bnext meeting\b|\bexclude\b",
                             re.IGNORECASE)
# the words any note on a meeting's business shares with a question on it
_BUSINESS_WORDS = frozenset(stems("agenda agendas item items meeting meetings business public considered consider "
                                  "discussed discuss held"))
HOUSEKEEPING = 0.5  # a meeting's item leads a note on how the meeting is run, for a question on its business
def agenda_item(h: Hit) -> bool:
    """Whether a cited paragraph is an item of a meeting's business as an agenda lists it (parse/context)."""
    return is_agenda_item(h.paragraph)


# the words of a question asking for a meeting's items as such, besides its business words, its body and its date
_LISTING_WORDS = frozenset(stems("what which were was is are be being on the a an of for at in to did does do list "
                                 "there all its their full take taken took put listed included include includes debate debated hear heard"))


def lists_items(question: str, implied: Implied | None) -> bool:
    """Whether a question asks for a meeting's items as such ("What items were on the agenda for the Cabinet meeting
    on 30 January 2025?"), naming nothing that narrows them (not "which item … was an oral briefing?", "which items
    … regarding family hubs?"): its words are the business words, its council's and committee's names and a date."""
    if not _ITEMS_ASKED.search(question) or not re.search(r"\b(?:items|agenda|business)\b", question, re.IGNORECASE):
        return False
    named = " ".join((implied.org_names + implied.committees) if implied is not None else [])
    months = " ".join(m.lower() for m in MONTH_NAMES)
    rest = stems(question) - _BUSINESS_WORDS - _LISTING_WORDS - stems(named) - stems(months)
    return not {w for w in rest if not any(c.isdigit() for c in w)}


def housekeeping_note(h: Hit, quoted: list[str], question: str) -> bool:
    """Whether a quote is a note on how a meeting is run, printed as a paragraph of its own ("(At the time of
    preparing the agenda there were no exempt items …)", "Members are reminded …"), that shares no word with the
    question beyond those any question on a meeting's business uses: "were there any exempt items?" is answered by
    it."""
    if not _NOTE.match(h.paragraph.text) or agenda_item(h):
        return False
    return not (stems(_shown(h, quoted)) & stems(question)) - _BUSINESS_WORDS


# a numbered member of a paper's set of options, scenarios or phases, as a question names it ("option 6", "Phase 2")
# and as a paragraph or its heading opens on it ("Option 6: Do not renew …", "6.7 Option 6 would …", "Phase 2 – …")
_MEMBER_NOUNS = r"(option|scenario|phase|stage|proposal|recommendation|tranche)"
_MEMBER_ASKED = re.compile(rf"\b{_MEMBER_NOUNS}\s+(\d{{1,2}}|(?-i:[A-H]))\b(?!\s*(?:,|and|or|&)\s*(?:\d|(?-i:[A-H])\b))",
                           re.IGNORECASE)
_MEMBER_LABEL = re.compile(rf"^\s*(?:\d+(?:\.\d+)*\.?\s+)?{_MEMBER_NOUNS}\s+(\d{{1,2}}|(?-i:[A-H]))\b(?!\s*(?:,|and|or|&)\s*"
                           rf"(?:\d|(?-i:[A-H])\b))", re.IGNORECASE)
MEMBER_NAMED = 0.5  # the paragraph on the numbered option (phase, scenario) a question names leads the others


def member_asked(question: str) -> tuple[str, str] | None:
    """The one numbered member of a set a question names ("option 6": (option, 6)), or None (none, or several)."""
    named = {(m.group(1).lower(), m.group(2).upper()) for m in _MEMBER_ASKED.finditer(question)}
    return named.pop() if len(named) == 1 else None


def labelled(h: Hit) -> tuple[str, str] | None:
    """The numbered member a cited paragraph is about: the one its text or else its heading opens on."""
    for text in (h.paragraph.text, h.paragraph.heading or ""):
        if m := _MEMBER_LABEL.match(text):
            return m.group(1).lower(), m.group(2).upper()
    return None


SUM_ASKED = 0.5  # a quote giving a sum of the kind asked leads one that does not
SIBLING_HEADING = 0.3  # a quote under a heading naming the member of a set the question asks about leads its siblings


def _sibling_headed(question: str, citations: list[tuple[Hit, list[str]]], implied: Implied | None) -> set[int]:
    """The citations printed under a heading that names another member of the set the question asks about: of two
    sibling headings sharing words the question uses ("… Commissioning Intentions"), one names the question's
    subject in the words it has of its own ("Primary School …") and the other does not ("Secondary School …",
    "SEND …"); the second's citations. A heading with nothing of its own beside the shared words ("3. Our
    Commissioning Intentions") names no other member."""
    asked = stems(question) - stems(" ".join(implied.org_names if implied is not None else []))
    heads = [h.paragraph.heading or "" for h, _ in citations]
    pairs = [(i, j) for i, mine in enumerate(heads) for j, theirs in enumerate(heads)
             if (told := _siblings(mine, theirs)) and told[0] & asked and told[1] & asked and not told[2] & asked]
    return {j for _, j in pairs} - {i for i, _ in pairs}  # (a heading naming the subject beside another is no other)


def _siblings(one: str, other: str) -> tuple[set[str], set[str], set[str]] | None:
    """The shared words and each one's own of two headings that name two members of one set: the same words but in
    one place, where each has a few of its own, no more than they share, and two at least ("Primary School |
    Commissioning Intentions", "SEND | Commissioning Intentions"); None for two headings that differ elsewhere too
    ("The Cabinet Member … is asked to", "As Cabinet Member … I agree to")."""
    a, b = re.findall(r"[\w'’]+", one.lower()), re.findall(r"[\w'’]+", other.lower())
    start = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    end = next((k for k, (x, y) in enumerate(zip(a[::-1][:len(a) - start], b[::-1][:len(b) - start])) if x != y),
               min(len(a), len(b)) - start)
    shared = stems(" ".join(a[:start] + a[len(a) - end:]))
    own, theirs = stems(" ".join(a[start:len(a) - end])) - shared, stems(" ".join(b[start:len(b) - end])) - shared
    if len(shared) >= 2 and 0 < len(own) <= len(shared) and 0 < len(theirs) <= len(shared):
        return shared, own, theirs
    return None


# "who introduced the report?", "who was elected Vice-Chair?": a deed asked about, by its past participle (not one
# that the question's roles already tie to a name: "chaired by", "Lead inspector")
_WHO_DID = re.compile(r"^\s*(?:and\s+|so\s+)?who\s+(?:(?:was|were|has\s+been|had\s+been|have\s+been)\s+)?"
                      r"(?P<verb>(?!chaired\b|led\b|needed\b|used\b|based\b)[a-z]{3,}ed)\b", re.IGNORECASE)
WHO_DID = 0.5  # a "who did it?" question's lead says someone did it


# "what did Cllr X ask?", "which questions were put to the Leader?", "what queries did members raise?"
_ABOUT_A_QUESTION = re.compile(r"\b(?:ask(?:ed|s|ing)?|questions?|questioned|quer(?:y|ies|ied)|enquir(?:y|ies|ed))\b",
                               re.IGNORECASE)
def puts_a_question(quoted: list[str]) -> bool:
    """Whether a quote puts a question (a paper's "Q: …?", a consultation's "Please tell us your views …?") that
    nothing quoted answers: a sentence ending in a question mark at the quote's end, or before a gap ("…") that
    leaves out the reply. A question followed at once by its reply ("How long will funding continue? … the current
    grant runs from 1 January 2025 to 31 March 2026.") is the reply's context, and answers."""
    parts = [part.strip() for part in quoted]
    return any(part.rstrip("\"'”’)").endswith("?") and (at + 1 == len(parts) or parts[at + 1] == ELISION)
               for at, part in enumerate(parts))


# a question asking what someone said, thought or raised, which a quote of their own words answers
_WHAT_WAS_SAID = re.compile(r"\b(?:say|says|said|saying|tell|tells|told|comments?|commented|views?|feedback|quot\w*|"
                            r"words?|describ\w*|feel|feels|felt|think|thinks|thought|raised?|mention\w*|complain\w*|"
                            r"concerns?|worr(?:y|ies|ied)|argu\w*|claim\w*|suggest\w*|respon\w*|repl\w*|"
                            r"voices?|experiences?|hear|heard)\b", re.IGNORECASE)
QUOTED_WORDS = 0.3  # a quote of the paper's own words leads before one of someone's words it prints in quotation marks
REASON_ASKED = 0.1  # a why question's lead gives a reason
# a question asking which law something is done under: "under what legislation …", "which legal framework …", "what
# statutory basis …", "which Act …"; a quote naming a law: an Act or Regulations with its year, a section of an Act,
# the GDPR
_LAW_ASKED = re.compile(r"\blegislation\b|\blegal\s+(?:frameworks?|basis|bases|powers?|duty|duties|regimes?)\b|"
                        r"\bstatutory\s+(?:basis|framework|powers?)\b|\b(?:which|what)\s+(?:pieces?\s+of\s+)?"
                        r"(?:acts?|laws?|statutes?|regulations)\b(?!\s+(?:firms?|of)\b)", re.IGNORECASE)
_NAMES_LAW = re.compile(r"\b(?-i:[A-Z][\w'’()-]*)\s+(?:Act|Regulations|Order)\s+(?:\(\w+\)\s+)?(?:19|20)\d\d\b|"
                        r"\b(?:section|s\.)\s*\d+[A-Z]?\s+of\s+the\s+(?-i:[A-Z])|\bGDPR\b", re.IGNORECASE)
LAW_ASKED = 0.3  # a question on the law something is done under is led by a quote naming one
# a clause giving what caused what the sentence says, by what it followed: "… but following changes in Ofsted's
# reporting …, two KPIs … have now been removed", "Following a review of …, the service …" (not "the following:",
# "the following items", a meeting's "following the meeting", nor one trailing after a comma, which dates more often
# than it explains: "… had a local offer, following the publication of …")
_FOLLOWING_CAUSE = re.compile(r"(?:\b(?:but|and|so)\s+|^\s*)following\s+"
                              r"(?!(?:the\s+)?(?:meeting|table|list|items?|questions?|recommendations?|"
                              r"paragraphs?|sections?|pages?|documents?)\b)(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
                              r"[a-z]\w+", re.IGNORECASE)
# a paper's list of appendices: "Appendix 1 – Executive Response Appendix 2 – Full call-in submission …"
_APPENDIX_ITEM = re.compile(r"\b(?:appendix|annexe?)\s+(?:\d+|[A-H])\b\s*[–—:-]", re.IGNORECASE)
APPENDIX_LIST = 3  # items of a list of appendices in one quote
APPENDICES = 2.0  # a list of appendices leads no answer but one on the papers (its numbers give no figure asked for)
_PAPERS_ASKED = re.compile(r"\b(?:appendi(?:x|ces)|annexe?s?|attach\w*|background (?:documents?|papers?)|documents?|"
                           r"papers?|enclos\w*)\b", re.IGNORECASE)
HEADLINE = 0.2  # a specific question's lead is a finding before the report's headline summary


def _headline(h: Hit, quoted: list[str]) -> bool:
    """Whether a quote is of an inspection report's headline: the summary printed under its judgement table, in the
    title block's paragraph (not the table's own lines: a grade, the inspection's dates)."""
    return (_inspection(h) and h.paragraph.kind == "table" and bool(TITLE_BLOCK.search(h.paragraph.text))
            and not any(question_types.graded_line(s) or TITLE_BLOCK.search(s) for s in quoted))


def _asks_of_something(question: str, implied: Implied | None) -> bool:
    """Whether a question asks about something in particular, not about a council's services as a whole: a word
    of it other than the council's name and the words of any question about how a council is doing ("What did
    Ofsted say about Kingston's children's services?")."""
    return bool(topic_words(question, implied) - _GENERAL_WORDS)


_GENERAL_WORDS = frozenset(stems(
    "what how is are was were do does did has have had the a an of in on about for to and its it their they say said "
    "says find found finds think thinks make made inspection inspections inspected inspectors inspector ofsted "
    "report reports reported latest last recent most newest overall doing well good poor bad council council's "
    "councils local authority authority's children children's child's services service social care "
    "work practice quality judge judged judgement judgment view views summary headline"))
# a reply leads however closely the record of the concern echoes the question, and though it calls the place by its
# short name ("the Gateway" in a reply to concerns about "the Sheppey Gateway")
REPLY_ASKED = 1.5
REQUEST_ASKED = 0.3  # what a request asked for is led by the quote making it
RISKS_ASKED = 0.3  # risks and their mitigation are led by a quote naming both
OPTIONS_ASKED = 0.3  # the options someone has are led by a quote listing them
TOPIC_NAMED = 0.5  # a quote mentioning the service or group the question names (data/topics.tsv) leads
COMMITTEE_NAMED = 0.5  # a paper of the committee the question names leads (2.0: tuning first lines +1 −1, check unchanged)
TIE = 0.02  # lead scores this close are a tie (0.01: check first lines unchanged, 0.02 and 0.04: +2; tuning +2 to +3)


def judgement_given(citations: list[tuple[Hit, list[str]]], kinds: list[str], implied: Implied | None) -> bool:
    """Whether a question asking for a grade about a council it names is answered by a line of that council's
    inspection judgement table ("Overall effectiveness: Requires improvement to be good"). The line is the answer
    however little its words resemble the question's ("What grade did Wirral get last time?" scores under the
    abstention threshold against its own judgement table)."""
    if "grade" not in kinds or implied is None or not implied.orgs:
        return False
    return any(_inspection(h) and h.paragraph.kind == "table" and h.meta.org_slug in implied.orgs
               and any(question_types.graded_line(s) for s in quoted) for h, quoted in citations)


def _not_superseded(citations: list[tuple[Hit, list[str]]], lead_scores: list[float]) -> set[int]:
    """The citations that are not from a document (an inspection report or a committee paper) older than a cited
    inspection report on the same council whose quote may lead (one that does not give what was asked for replaces
    nothing)."""
    newest: dict[str, str] = {}
    for (h, _), score in zip(citations, lead_scores):
        if _inspection(h) and score >= 0:
            council = councils.council_slug(h.meta.org_slug or "")
            newest[council] = max(newest.get(council, ""), h.meta.date or "")
    # a committee paper on an inspection written before the council's newest cited inspection is superseded too
    # ("Is the front door working well?": the 2023 report, not a 2020 paper on a monitoring visit); a paper on
    # something else (a panel's minutes: "why do some children in care not take part in events?") is not
    return {i for i, (h, _) in enumerate(citations)
            if not (_inspection(h) or _ON_AN_INSPECTION.search(h.meta.title or ""))
            or (h.meta.date or "") >= newest.get(councils.council_slug(h.meta.org_slug or ""), "")}


NEWEST_REPORT = 0.5  # a question on what Ofsted found, naming no time, is led by the council's newest report


def _newest_bearing(question: str, citations: list[tuple[Hit, list[str]]], lead_scores: list[float],
                    implied: Implied | None) -> set[int]:
    """The citations not superseded (_not_superseded) when one of them is a council's newest inspection report
    whose quote shares words of the question's subject (topic_words, but the words any question on what
    inspectors found uses), as many as any older report's quote does, else none: the newest report's paragraph on
    the subject, not its methodology; and not a newest report's paragraph that touches on it where an older
    report's is about it ("… adolescents and children at risk of exploitation is weak")."""
    topic = topic_words(question, implied) - _GENERAL_WORDS
    current = _not_superseded(citations, lead_scores)
    older = {councils.council_slug(h.meta.org_slug or "") for i, (h, _) in enumerate(citations)
             if _inspection(h) and i not in current}
    shared = [len(topic & stems(_shown(*c))) for c in citations]
    before = max((shared[i] for i, (h, _) in enumerate(citations) if _inspection(h) and i not in current), default=0)
    bearing = [i for i in current if _inspection(citations[i][0]) and lead_scores[i] >= 0
               and councils.council_slug(citations[i][0].meta.org_slug or "") in older
               and shared[i] and shared[i] >= before]
    return current if topic and bearing else set()


def shown_for(kind: str, h: Hit, quoted: list[str], replying: dict[str, Hit] | None) -> str:
    """The text in which a quote is checked for ``kind``: the quote, with the title of the question put at a meeting
    it comes from or answers when who (asked) is what is checked (``with_asker``)."""
    return with_asker(h, quoted, replying) if kind in _ASKER_KINDS else " ".join(quoted)


def list_lead_in(text: str, quoted: list[str]) -> str:
    """The lead-in of the list whose items a quote begins with, when it leaves it out: "4. RESOLVED that Cabinet
    agree to:" before "(a) Adopt the Integrated Care Strategy Delivery Plan …" ("" when the quote opens its
    paragraph, or what comes before it ends no lead-in)."""
    before = before_quote(text, quoted).rstrip()
    if not before.endswith(":"):
        return ""
    return re.split(r"(?<=[.;!?])\s+(?=[A-Z0-9(])", before)[-1]  # its last sentence


def with_asker(h: Hit, quoted: list[str], replying: dict[str, Hit] | None) -> str:
    """A quote from a question put at a meeting, or from its answer, with the question's title, which names who asked
    whom ("Question by Richard Streatfeild to Rory Love …"): it answers "who asked about SEND transport?"."""
    put = (replying or {}).get(h.paragraph.id)
    title = h.paragraph.heading if is_meeting_question(h.paragraph) else put.paragraph.heading if put else None
    return f"{title}: {' '.join(quoted)}" if title else " ".join(quoted)


def _in_year(h: Hit, quoted: list[str], year: int) -> bool:
    """Whether ``h`` is from the year ``year`` or what is quoted of it names it ("since the inspection in 2019,
    …"). The quote, not its paragraph: a 2023 report's title block quoted for its "Lead inspector" does not bear on
    2019 because a later sentence of the same paragraph says "improved since the inspection in 2019"."""
    return h.meta.of_year(year) or str(year) in _shown(h, quoted)


def _shown(h: Hit, quoted: list[str]) -> str:
    """What the answer quotes of ``h`` (its whole text when nothing in particular is quoted)."""
    return " ".join(quoted) if quoted else h.paragraph.text


def of_the_time_asked(citations: list[tuple[Hit, list[str]]], implied: Implied | None, spans_years: bool,
                      question: str = "") -> list[tuple[Hit, list[str]]]:
    """"What did the Corporate Parenting Panel discuss in October 2024?", "What did the 2023 inspection judge
    overall?": when the answer's first line comes from a document of the month asked about (or that year's
    inspection report), so do the further quotes, or what they quote names that month (year): another meeting's
    minutes or another inspection's paragraphs, however close in meaning, do not bear on the question. (An answer
    to a year led by a committee paper is left alone: a paper of January 2025 reports on October to December 2024
    without naming the year.) "How has Medway changed since 2019?": a document written before 2019 says nothing of
    what happened since, so it is not quoted after the first line. "What does the Q3 report say about …?": once a
    quote of Quarter 3 leads, the Quarter 2 report's minutes are not quoted after it."""
    if len(asked := quarters_named(question)) == 1 and citations and _quarters(*citations[0]) == asked:
        citations = citations[:1] + [(h, q) for h, q in citations[1:] if _quarters(h, q) in (set(), asked)]
    if implied is not None and implied.since_year and citations:
        citations = citations[:1] + [(h, q) for h, q in citations[1:]
                                     if h.meta.year is None or h.meta.year >= implied.since_year]
    if implied is None or spans_years or not citations:
        return citations
    lead = citations[0][0]
    if implied.months and lead.meta.dated_in(implied.months):
        named = [written_date(m) for m in implied.months]
        return citations[:1] + [(h, q) for h, q in citations[1:]
                                if h.meta.dated_in(implied.months) or any(n in _shown(h, q) for n in named)]
    if len(implied.years) == 1 and _inspection(lead) and lead.meta.of_year(implied.years[0]):
        return citations[:1] + [(h, q) for h, q in citations[1:] if _in_year(h, q, implied.years[0])]
    return citations


def _quarters(h: Hit, quoted: list[str]) -> set[int]:
    """The quarters a citation is of: those its quote names, else its paragraph's, else its document title's."""
    return quarters_named(" ".join(quoted)) or quarters_named(h.paragraph.text) or quarters_named(h.meta.title or "")


# the operative verb of a recommendation or resolution a question asks about ("asked to approve", "agree to")
_OPERATIVE_ASKED = re.compile(r"\b(?:asked|recommended|proposed|invited|resolved|decided|agreed)\s+to\s+"
                              r"(approv|agre|delegat|note|endors|adopt|authoris|authoriz|reject|defer|refer|consider|"
                              r"commission|transfer|consult)\w*", re.IGNORECASE)
# a question asking how a council answered what was put to it, and the papers that give its answers
_REPLY_ASKED = re.compile(r"\b(?:respond|responded|reply|replied|answer|answered)\s+(?:to\b|the\s+)|"
                          r"\b(?:response|reply|answer)\s+(?:to|was|on)\b", re.IGNORECASE)
# a question asking what someone requested ("what did the call-in ask for?", "what outcome did they request?") and a
# quote that requests ("We request that …", "asks that the decision be reconsidered", "calls for")
_REQUEST_ASKED = re.compile(r"\b(?:ask(?:ed|s|ing)?|call(?:ed|s|ing)?)\s+for\b(?!\s+(?:views|comments|feedback))|"
                            r"\bwhat\b[^?]*\b(?:request(?:ed|s)?|seek|sought|want(?:ed|s)?)\b", re.IGNORECASE)
_REQUESTS = re.compile(r"\b(?:request(?:ed|s|ing)?|ask(?:ed|s|ing)?|urg(?:e|es|ed|ing)|call(?:ed|s|ing)?\s+(?:on|for)|"
                       r"seek(?:s|ing)?|sought)\s+(?:that|for|the|to)\b", re.IGNORECASE)
# a question asking what options someone has ("which options …", "what can Cabinet do when it reconsiders …?"), and a
# quote listing alternatives: "may confirm, amend or rescind", or
# a lead-in's colon and then its first item ("may resolve one of the following: a. Agree …")
_OPTIONS_ASKED = re.compile(r"\b(?:what|which)\s+(?:[\w'’-]+\s+){0,2}?(?:options|choices|alternatives)\b|"
                            r"\bwhat\s+(?:can|could|may|might)\s+(?:[\w'’-]+\s+){1,4}?do\b", re.IGNORECASE)
_ALTERNATIVES = re.compile(r"\b[a-z][\w-]*,\s+[a-z][\w-]*,?\s+or\s+[a-z][\w-]*|"
                           r":\s*(?:[•▪●\-–]|\(?[a-z1-9]\)|[a-z1-9]\.)\s")
# a question on risks and how they are mitigated, and a quote naming a risk and a mitigation
_RISKS_ASKED = re.compile(r"\brisks?\b[^?]*\bmitigat\w*|\bmitigat\w*[^?]*\brisks?\b", re.IGNORECASE)
_NAMES_RISK = re.compile(r"\brisks?\b", re.IGNORECASE)
_MITIGATES = re.compile(r"\bmitigat\w*", re.IGNORECASE)
_REPLIES = re.compile(r"\bresponses?\b|\brepl(?:y|ies)\b|\banswers?\b", re.IGNORECASE)
# a question about what a body decided (not what it was asked to decide or what a report recommended)
_DECIDED_ASKED = re.compile(r"\b(?:decided?|decisions?|resolved?|resolutions?|agreed)\b", re.IGNORECASE)
_ASKED_TO_DECIDE = re.compile(r"\basked\s+to\b|\brecommend\w*|\bpropos\w*", re.IGNORECASE)
# a question asking what motion or resolution a body agreed, which may not ask for a decision as such
_MOTION_ASKED = re.compile(r"\b(?:what|which)\s+(?:[\w'’-]+\s+){0,2}?(?:motions?|resolutions?)\b[^?]*?\b(?:agreed?|pass(?:ed)?|"
                           r"adopt(?:ed)?|approved?|carr(?:y|ied)|resolved?|support(?:ed)?|back(?:ed)?)\b", re.IGNORECASE)
# a decision as recorded (minutes' resolutions, a record of decision) and a report's request for one
# a motion or resolution a meeting carried, after the verb that says so: "… agreed the following motion", "… carried the
# substantive motion"
MOTION_CARRIED = (r"\s+(?:the\s+following|(?:the|a|this)\s+(?:following\s+|substantive\s+|amended\s+)?"
                  r"(?:motion|resolution))\b")
_RECORDED = re.compile(r"\bRESOLVED\b|\b(?:resolved|agreed|decided)\s+(?:that|to)\b|^\s*(?:\d+[.)]?\s+)?Decision\s*:|"
                       r"\b(?:agreed|passed|carried|adopted|approved)" + MOTION_CARRIED,
                       re.IGNORECASE | re.MULTILINE)
_REQUESTED = re.compile(r"\b(?:is|are)\s+(?:asked|recommended|invited|requested)\s+to\b", re.IGNORECASE)
# a vote question's own words, which any minute's heading may share ("Motion for time limited debate")
_VOTE_QUESTION_WORDS = frozenset(
    "vote voted voting votes how did does do go went result outcome motion motions amendment amendments debate "
    "meeting council county full cabinet committee panel member members councillor councillors carried lost agreed "
    "item minute the a an on of for at in to and was were what which who".split()) | {m.lower() for m in MONTH_NAMES}


def decided_asked(question: str) -> bool:
    """Whether a question asks what a body decided: not what it was asked to decide, nor what a report recommended."""
    return bool(_DECIDED_ASKED.search(question)) and not _ASKED_TO_DECIDE.search(question)


def records_decision(text: str) -> bool:
    """Whether a paragraph records a decision taken ("RESOLVED that …", "… agreed the following motion:"), in a
    sentence that is no request for one ("Cabinet is asked to agree …")."""
    return any(_RECORDED.search(s) and not _REQUESTED.search(s) for s in split_sentences(text))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z'’-]+", text.lower()))


_ON_AN_INSPECTION = re.compile(r"\b(?:ofsted|inspection|monitoring visit|focused visit)\b", re.IGNORECASE)


def _inspection(h: Hit) -> bool:
    return h.meta.doc_type == "ofsted-inspection"


KIND_COUNTED = 0.5


def _counts_kind(asked: frozenset[str], quoted: list[str], question: str) -> bool | None:
    """Whether a figure of a quote's sentences giving a count counts a thing of a kind ``asked`` (True), every figure
    of them counts things of other kinds (False), or neither: no count given, or a figure of no kind known (None)."""
    kinds: list[str | None] = []
    for part in quoted:
        for sentence, these in sentence_figure_kinds(part):
            if these and holds("number", sentence, question):
                kinds.extend(these)
    if any(k is not None and same_kind(asked, k) for k in kinds):
        return True
    return False if kinds and None not in kinds else None


def prefer(scores: list[float], preferred: set[int] | list[int], penalty: float,
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


# "which organisation delivers …?", "which body runs …?", "what agency provides …?": a question asking which
# organisation, answered by one named
_ORGANISATION_ASKED = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(?:organi[sz]ations?|bod(?:y|ies)|"
                                 r"agenc(?:y|ies)|providers?|charit(?:y|ies)|compan(?:y|ies)|firms?|partners?)\b"
                                 r"(?!\s+of\b)", re.IGNORECASE)
# an organisation named as such: a proper name of two or more capitalised words (joined by "of", "for", "and", "the",
# "&") with its abbreviation in brackets ("Achieving for Children (AfC)", "The Children and Family Court Advisory and
# Support Service (Cafcass)"), or a proper name in brackets after what it is ("regional adoption agency workers
# (Adoption West)")
_NAMED_ORGANISATION = re.compile(r"\b(?P<name>[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|in|&)\s+)*[A-Z][\w'’-]*)+)"
                                 r"\s+\((?P<abbr>[A-Z][A-Za-z&]{1,11})\)|"
                                 r"\((?P<bracketed>[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|in|&)\s+)*[A-Z][\w'’-]*)+)\)")


def organisation_asked(question: str) -> bool:
    """Whether a question asks which organisation does something ("Which organisation delivers children's social care
    on behalf of …?")."""
    return bool(_ORGANISATION_ASKED.search(question))


def names_organisation(text: str, question: str) -> bool:
    """Whether ``text`` names an organisation, by its proper name and abbreviation, that the question does not name:
    none of its name's words is a proper name the question gives (the council asked about, "the Royal Borough of
    Windsor and Maidenhead (RBWM)", is no answer to which organisation works for it)."""
    given = {w.lower() for w in re.findall(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w'’-]*", question.strip())}
    return any(not {w.lower() for w in re.findall(r"[A-Z][\w'’-]*", m.group("name") or m.group("bracketed"))} & given
               and (m.group("abbr") or "").lower() not in given for m in _NAMED_ORGANISATION.finditer(text))


def organisation_overlap(question: str, text: str, implied: Implied | None) -> int:
    """How many of the question's subject words the best sentence of ``text`` naming an organisation shares (0 when
    none names one): "Since 2017, the local authority has delegated its statutory children’s social care functions to
    Achieving for Children (AfC)." shares "children's social care" with "which organisation delivers children's
    social care …?"; "The Children and Family Court Advisory and Support Service (Cafcass) and the judiciary hold the
    local authority in high regard" only "children"."""
    topic = topic_words(question, implied)
    return max((len(topic & words(s)) for s in split_sentences(text) if names_organisation(s, question)), default=0)


# what a question asks for, named straight after "what is the" / "what does the" (up to four words) and before what it
# is of: "what are the financial implications of the plan?" (financial implications), "what does the conclusion of
# the report say?" (conclusion)
_THING_ASKED = re.compile(r"^\s*(?:and\s+|so\s+)?what\s+(?:is|are|was|were|does|do|did)\s+(?:the\s+)?"
                          r"(?P<thing>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:of|for|in|on|from|about|under|say|says|said|"
                          r"set\s+out)\b", re.IGNORECASE)
# a heading's number: "7.", "7.1", "(a)", "B."
_HEADING_NUMBER = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]?|\(?[a-zA-Z][.)]|\(?[ivxIVX]+[.)])\s+")
HEADING_ASKED = 0.5  # a quote printed under a heading that names just what the question asks for leads


def heading_asked(question: str, citations: list[tuple[Hit, list[str]]]) -> set[int]:
    """The citations printed under a heading that names just what the question asks for, its words and no other
    ("7. Financial Implications" for "what are the financial implications of the plan?"); not a heading that only
    shares a word with it ("Financial Context"), nor one naming the plan the question asks about."""
    m = _THING_ASKED.search(question)
    if m is None or not (thing := stems(m.group("thing"))):
        return set()
    return {i for i, (h, _) in enumerate(citations)
            if h.paragraph.heading and stems(_HEADING_NUMBER.sub("", h.paragraph.heading)) == thing}


# "what is the fundraising target for the campaign?", "what target was set for …?": a target asked for as such, which a
# figure states (not "what is the target date …", which a date answers, nor "what is the target group …")
_TARGET_ASKED = re.compile(r"^\s*(?:and\s+|so\s+)?what\s+(?:(?:is|was|are|were)\s+(?:the\s+|its\s+|their\s+)?"
                           r"(?:[\w'’-]+\s+){0,3}?targets?\b|(?:[\w'’-]+\s+){0,2}?targets?\s+(?:is|was|are|were|has|"
                           r"have|had|did|does|do)\b)(?!\s+(?:dates?|groups?|audiences?|areas?|cohorts?|populations?)\b)",
                           re.IGNORECASE)
# a figure: a sum, a percentage, a count in figures (not a paragraph's own number nor a year)
_FIGURE = re.compile(r"£\s?\d|\d\s?(?:%|per\s?cent\b)|\b\d[\d,.]*\s?(?:m|bn|k|million|billion)\b|"
                     r"\b\d{1,3}(?:,\d{3})+\b|\b(?!(?:19|20)\d\d\b)\d+\b(?![.)]\s)", re.IGNORECASE)
TARGET_ASKED = 1.5  # a question asking for a target is led by a quote giving a figure, as one asking for a figure
# is (1.0), and before a quote that names what it asks about by a near form only ("Corporate Parent" for "Corporate
# Parenting", 1.0)


def target_asked(question: str) -> bool:
    """Whether a question asks what a target is ("what is the fundraising target for the campaign?")."""
    return bool(_TARGET_ASKED.search(question))


def states_figure(text: str) -> bool:
    """Whether ``text`` states a figure (£25,000, 87%, 4,798, 12 posts), not only a paragraph's number or a year."""
    return bool(_FIGURE.search(_HEADING_NUMBER.sub("", text)))
