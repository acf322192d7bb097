"""Commitments and recommendations in committee reports and minutes, each kept with its paragraph (decisions are
read by decisions.py)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from ..records import DocMeta, Paragraph
from ..text.dates import MONTHS_PATTERN
from . import qa, topics
from .decisions import clauses
from .items import TrackRecord
from ..query.genres import of_genre
from .text import (APPARATUS, FORM_LABEL, MeetingOptions, actor_name, clean, figures_row, find_date, find_due,
                   find_who, others_words, sentences, unnumbered)

COMMITTEE_TYPES = ("committee-report", "minutes", "other")

# recommendations to the meeting: "The Committee is asked to note…", "Cabinet is asked to: a) NOTE…"
_ASKED = re.compile(r"\b(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to\b|\bit is recommended that\b",
                    re.IGNORECASE)
# guidance to members on how to weigh a decision, not a recommendation of one: "4.19 When considering any potential
# decision, Members are asked to balance all relevant factors, …"
_GUIDANCE = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:When|In|Before)\s+(?:considering|making|reaching|taking|coming to|"
                       r"determining)\b[^.]{0,80},\s*(?:the\s+)?(?:Members|Councillors|the decision[- ]maker|decision[- ]makers)\s+"
                       r"(?:are|is)\s+asked\s+to\b", re.IGNORECASE)
# (a section's number may be printed apart from its title by a bar: "2 | Recommendations")
_REC_HEADING = re.compile(r"\b(?:is|are)\s+asked\s+to\b|^(?:\d+\.?\s*(?:\|\s*)?)?recommendations?\b|\brecommendations? to\b",
                          re.IGNORECASE)
# resolutions and decisions
_DECIDED = re.compile(
    r"\bRESOLVED\b|\bDECISION\b:|\b(?:the\s+)?(?:Committee|Cabinet|Panel|Council|Board|Members)\s+"
    r"(?:agreed|resolved|decided|approved|endorsed)\b|\bit was (?:agreed|resolved|decided)\b|\bwas agreed by the\b",
)
# minutes' record of someone taking an action on ("Joanne Carpenter offered to follow up with Members when the results
# become available", "Mrs Chandler offered to circulate links"), not a service offered to someone ("support offered to
# care leavers"): who offered is the sentence's subject, a person named
# verbs of doing that someone in minutes undertakes ("would send", "offered to circulate")
_DOING = ("send|report|provide|share|bring|circulate|write|arrange|update|look|follow|raise|review|meet|work|seek|"
          "contact|liaise|investigate|explore|check|confirm|respond|visit|discuss|take|prepare|produce|ask|invite")
_OFFERED = re.compile(
    rf"\b(?:offered|promised|volunteered)\s+to\s+(?:also\s+)?(?:{_DOING}|come|speak|pick|feed|give|organise|organize|"
    r"set|present|include|chase|forward|find|email|pass|brief|obtain|clarify|supply|pay|fund|cover)\b", re.IGNORECASE)
# who offered: the name printed just before ("… and Mrs Chandler offered to circulate links …")
_OFFERED_BY = re.compile(r"((?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2})"
                         r"\s+(?:has\s+|had\s+|also\s+)?(?:offered|promised|volunteered)\s+to\b")
# statements of intent or obligation: a modal or a verb of intent (reports: "will", minutes' reported speech: "would")
_INTENT = re.compile(
    rf"\b(?:will|shall)\s+(?!be able\b)\w+|\bwould\b|"
    # "plans to" as a verb ("The Council plans to", "we plan to"), not a noun after its modifier or determiner ("They
    # are developing local action plans to deliver on these priorities": others' work described)
    r"(?<!\baction )(?<!\bdelivery )(?<!\bimprovement )(?<!\bthe )(?<!\bour )(?<!\btheir )(?<!\bits )(?<!\bthese )(?<!\bthose )(?<!\bof )"
    r"(?<!\bwith )\bplans? to\b|"
    r"\b(?:is|are|was|were|remain|remains|remained)\s+(?:fully\s+)?committed to\b|"
    r"\bcommit(?:s|ted)? to\b|\b(?:is|are)\s+to\s+be\s+\w+ed\b|\bintends? to\b|\bintention to\b|\b(?:is|are)\s+proposed to\b|\bit is proposed\b|\bproposal is (?:to|that)\b|"
    rf"{_OFFERED.pattern}|"
    r"\baims? to\b|\b(?:\w+[’']s|our|their|its)\s+(?:\w+\s+)?goals?\s+for\b|\bagreed to\b|\bundertook to\b|\brequested that\b|\bmust\b",
    re.IGNORECASE,
)
# the council's own actions, when said in the passive ("An update will be provided", "would be brought back")
_ACTION_PARTICIPLE = (
    r"(?:completed|provided|reviewed|taken forward|utilised|used|brought(?: back)?|delivered|monitored|undertaken|"
    r"published|enhanced|overseen|addressed|developed|implemented|introduced|put in place|established|circulated|"
    r"shared|reported|presented|updated|produced|carried out|offered|made available|explored|commissioned|"
    r"recruited|appointed|trained|sent|set up|arranged|prioritised|extended|expanded|launched|rolled out|refreshed|"
    r"strengthened|managed|written|issued|agreed|submitted|sought|scheduled|revised|engaged|consulted|informed|"
    r"notified|contacted|secured|maintained|provided for|required)")
_PASSIVE_ACTION = re.compile(rf"\b(?:will|would|shall|must|(?:is|are)\s+to)\s+(?:also\s+|now\s+|then\s+)?(?:continue\s+to\s+)?be\s+"
                             rf"(?:\w+ly\s+)?{_ACTION_PARTICIPLE}\b", re.IGNORECASE)
# "would" in minutes reports a promise only with a verb of doing ("the Chair would send", "would be making")
_WOULD_ACTION = re.compile(
    r"\bwould\s+(?:also\s+)?(?:continue\s+to\s+)?(?:be\s+(?:making|bringing|providing|working|looking|writing|"
    rf"arranging|taking)|{_DOING}|ensure|return|feed ?back|deliver|publish|monitor|consider)\b", re.IGNORECASE)
# who acts: a body, an officer, or the council speaking of itself ("we", "our", its initials)
_ACTOR = re.compile(r"\b(?:we|our|us|council|authority|cabinet|committee|panel|board|executive|leader|chair(?:man)?|"
                    r"director(?:ate)?|officers?|managers?|service|services|team|teams|department|partners?|"
                    r"member|members|commissioner|lead|head|staff|workforce|leadership|he|she|they)\b", re.IGNORECASE)
# an organisation named by its initials ("KCC will …"), not a thing with a definite article ("The MOU will …")
_INITIALS = re.compile(r"(?<!\bthe )(?<!\bThe )\b[A-Z]{2,6}\b")
# a subject that is a thing or an effect, not someone who acts ("The transfer will ensure …", "There are …")
_THING = re.compile(r"^\s*(?:however,?\s+|in addition,?\s+|also\s+)?(?:the|this|these|that|those|such|any|its|their|a|an)?\s*"
                    r"(?:\w+\s+){0,1}?(?:transfer|proposals?|changes?|decisions?|plans?|approach|model|options?|funding|"
                    r"budgets?|money|grants?|savings?|information|data|reports?|arrangements?|issues?|policy|strategy|"
                    r"document|agreement|contracts?|memorandum|impacts?|costs?|there|this|it|which)\b", re.IGNORECASE)
# another council's undertaking is not this council's commitment
_OTHER_COUNCIL = re.compile(r"\b((?:[A-Z][\w’'-]+\s+){1,3})(?:Borough\s+|District\s+|County\s+|City\s+|Town\s+|Parish\s+)?"
                            r"Council\b")
# a national body, or the inspections it runs, as the subject: its plans or duties, not the council's commitment
# ("Inspections in the upcoming academic year would be presented as four grades …", "OHID have communicated their
# intention …", "NHS bodies must consult …")
_NATIONAL_SUBJECT = re.compile(r"^\s*(?:the\s+)?(?:Ofsted|(?:school\s+|Ofsted\s+)?inspections?|inspectors?|DfE|"
                               r"Department (?:for|of) [A-Z][\w ,&]+|(?:central\s+|national\s+)?government|HM Treasury|"
                               r"NHS(?: England| bodies| trusts?)?|ICBs?|Integrated Care Boards?|OHID|DHSC|UKHSA|"
                               r"Home Office|Secretary of State|(?:the\s+)?Minister)\b", re.IGNORECASE)
# "will" used to predict rather than to promise: effects, savings, impact, eligibility, needs
_PREDICTIVE = re.compile(
    r"\b(?:will|would|shall)\s+(?:not\s+)?(?:also\s+)?(?:result|mean|align|have|be reflected|bring|create|require|need|remain|"
    r"continue to mean|increase|decrease|reduce|lead|depend|likely|be eligible|become|see|feel|face|inherit|"
    r"be critical|be important|be key|save|cost|be felt|be required|be needed|be awarded|fill|inform|include|"
    r"impact|affect|benefit|enable|allow|help|be affected|be impacted|be expected|be subject(?! to (?:a |an |its own )?(?:separate |further |full |formal |public )*(?:consultation|decision))|be in|be at|be the|"
    r"be a|be an|be more|be less|be some|be no|apply|exceed|amount|equate|happen|occur|continue to face|"
    r"compromise|ensure that there|meet (?:the |their )?needs?|detail|provide (?:an? |the )?(?:\w+ )?opportunit(?:y|ies))\b|"
    r"\bmay\b.*\bwill\b|\b(?:anticipated|expected|likely|predicted|potentially|possibly)\b|(?<!\band )(?<!\bto )\bforecast\b",
    re.IGNORECASE,
)
# an estimate or an assessment, not a promise, whatever its clause says will happen: "we would anticipate £37,353 of the
# total salary cost would cover …", "We assess that there will continue to be sufficient provision …", "It is estimated
# that …", "Officers' assessment is that …"
_ESTIMATE = re.compile(
    r"\b(?:we|I|officers?|the council|the authority|it)\s+(?:would\s+|do\s+not\s+|now\s+)?(?:anticipate|estimate|assess|"
    r"expect|predict|project|believe)\b|\b(?:estimate|assess|consider|judge|believe)[sd]?\s+that\b|"
    r"\bit is (?:currently\s+|therefore\s+)?(?:estimated|assessed|projected|believed|thought|considered|judged)\b|"
    r"\b(?:assessment|estimate|expectation|view|judgement|judgment|opinion|projection)\s+is\s+that\b",
    re.IGNORECASE,
)
# not commitments at all: questions, a choice still to be made ("KCC must decide whether to put new contracts …"),
# definitions of a measure, quoted guidance
_NOT_PROMISE = re.compile(r"\?|\bcould\b|\b(?:must|will|needs? to|has to|have to)\s+(?:now\s+)?(?:decide|determine|choose)\s+"
                          r"(?:whether|if|which|between)\b|\b(?:how|whether|what)\b[^.]{0,60}\b(?:will|would)\b|\bis (?:the|a) (?:number|total|count|proportion|percentage|measure)\b|\bis defined as\b|"
                          r"\bmeans?\b|\bshould\b|\bguidance\b", re.IGNORECASE)
# not the council's promise: what consultees or respondents said ("23% commented that …"), a resident's own words
# quoted ("My mum is wheelchair bound …"), the reader reminded of something ("Members will recall …")
_OTHERS_WORDS = re.compile(r"\b(?:consultees?|respondents?)\b|\bmy\b|(?<![(\w])I (?:am|was|have|had|will|would|can|"
                           r"could|do|did|feel|felt|think|thought|live|use|used|need|want)\b|\bwill (?:recall|remember|"
                           r"be aware|know)\b|"
                           # a concern reported, not answered: "… there are concerns that the services … will be affected"
                           r"\bthere (?:are|were|is|was) (?:\w+ )?concerns?\b|\b(?:raised|expressed|voiced) (?:\w+ )?concerns?\b|"
                           # a survey's theme with the share that said it: "… concerned they will lose their jobs (21%)"
                           r"\(\d+(?:\.\d+)?%\)", re.IGNORECASE)
# someone else's words quoted in a report: a consultee's comment ("“Social services workload will double …”"),
# up to its closing mark or the paragraph's end (minutes quote the motions a meeting decides: decisions.py)
_QUOTED = re.compile(r"“[^”]*(?:”|$)|\"[^\"\n]{12,}(?:\"|$)")
_FIGURE_TOKEN = re.compile(r"[£\d]")
# a process the council undertakes to put something through: "Each project … will be subject to a separate consultation
# and decision-making process"
_SUBJECT_TO_PROCESS = re.compile(r"\b(?:will|shall)\s+be\s+subject\s+to\s+(?:a |an |its own )?(?:separate |further |"
                                 r"full |formal |public )*(?:consultation|decision)", re.IGNORECASE)
# a decision put on a meeting's agenda, in the passive: "The draft budget … will be considered and approved by full
# Council at the annual budget meeting on 13th February 2025" (what is to be decided, by whom and when: an officer's
# "when is X due?"); a body that decides for the council, not another's ("determined by the Secretary of State")
_DECISION_PARTICIPLE = r"(?:considered|approved|debated|discussed|determined|decided|endorsed|ratified|signed off)"
_SCHEDULED_DECISION = re.compile(
    rf"\b(?:will|shall|(?:is|are)\s+to)\s+(?:then\s+|now\s+|also\s+|formally\s+)?be\s+{_DECISION_PARTICIPLE}"
    rf"(?:\s+and\s+{_DECISION_PARTICIPLE})?\s+(?:by|at)\s+(?:the\s+|its\s+|a\s+)?((?:[\w&’'-]+\s+){{0,4}}?"
    r"(?:Council|Cabinet|Committee|Panel|Board|Executive|meeting))\b", re.IGNORECASE)
# what the council is to start, on a day fixed: "Communities of Schools … will go live on 1st April", "The new service
# will launch in April 2025"
_STARTS_ON = re.compile(rf"\b(?:will|shall)\s+(?:go live|launch|commence|open|come into (?:effect|force)|be launched|"
                        rf"be rolled out)\s+(?:on|from|in|by)\s+(?:the\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?"
                        rf"(?:{MONTHS_PATTERN})\b", re.IGNORECASE)
# a table's cells run into a sentence: a signed figure or one to three decimal places standing alone ("Modernisation of
# Assets -2.058 Rephasing due to not all projects will be completed …"), which prose prints with its unit (£2.1m, 2.1%)
_TABLE_CELL = re.compile(r"(?<![\w£$.,/-])(?:[-+–−]\d+\.\d+|\d+\.\d{3})(?![\w%.,/]|\.\d)|"
                         r"(?<![\w£$.,/-])\d+\.\d+\s+[-+–−]?\d+\.\d+(?![\w%])")
# what the paper proposes: "It is proposed that …", "To address this, the proposal is to transfer …" (a proposal to the
# meeting, not a promise)
_PROPOSAL = re.compile(r"\bit is (?:therefore\s+|now\s+|also\s+)?proposed\b|\bthe (?:\w+\s+)?proposal is (?:to|that)\b",
                       re.IGNORECASE)
# a condition its consequence follows with "then": "Therefore, should consequential damage be identified as a direct
# result of the works, then KCC Highways will look to recover costs where possible" (what the actor will then do is read
# as any promise: a prediction after "then" is still none)
_THEN_CONDITION = re.compile(r"^\s*(?:(?:Therefore|However|But|And|So),?\s+)?(?:should|if|where|unless|in the event)\b"
                             r"[^.;]*?,\s*then\s+", re.IGNORECASE)
# a plan's part or next step, stated as what it will be: "An area of further development in 2025-2026 will be the
# implementation of a joint bed brokerage pathway", "Part of the recruitment strategy will be to look to our existing
# staff group", "The next step will be to consult …" (not "The priority will be the safety of children": a state)
_PLANNED_STEP = re.compile(
    r"^\s*(?:\(?[a-z0-9]{1,3}(?:\.\d{1,2})?[.)]?\s+)?(?:An?|The|One|Another|Our|Its|A further|A key)?\s*(?:(?:key|main|further|"
    r"first|second|final|next|immediate)\s+)?(?:area|areas|next steps?|steps?|stage|phase|part|element|priority|focus)\s+"
    r"(?:of\s+(?:(?:the|our|its|this|further|future|continued)\s+)*(?:[\w-]+\s+){0,3}?(?:development|focus|work|"
    r"improvement|strategy|plan|programme|approach|action plan)\s+)?(?:(?:in|for|during)\s+(?:\d{4}(?:[-/]\d{2,4})?|the\s+"
    r"(?:next|coming)\s+(?:year|months?))\s+)?will\s+(?:also\s+)?be\s+(?:to\s+(?!be\b)\w+|the\s+(?:\w+\s+)?\w+(?:tion|ment|"
    r"ing|al|sal)\s+of)\b", re.IGNORECASE)
# an action planned with a day it is due, in the passive after "it is anticipated that": "It is anticipated that Early
# Years funding will be spent by September 2025" (a plan with its date, not an estimate of a sum or a prediction of an
# effect, which a date does not follow)
_PLANNED_BY = re.compile(
    rf"\bit is (?:currently\s+)?(?:anticipated|expected|planned|intended|envisaged) that\b[^.;]*?\b(?:will|would)\s+be\s+"
    rf"(?:fully\s+)?(?:{_ACTION_PARTICIPLE[3:-1]}|spent|completed|finalised|finalized|in place|signed|awarded|let|"
    rf"procured|opened|closed)\s+(?:[^.;]{{0,40}}?\s)?(?:by|before|in|during|from|no later than)\s+(?:the\s+)?"
    rf"(?:(?:end|start|beginning|middle|autumn|spring|summer|winter)\s+(?:of\s+)?)?(?:{MONTHS_PATTERN}|\d{{4}})\b",
    re.IGNORECASE)
# the council speaking of itself: "we are committed to …" is the paper's council
_WE = re.compile(r"^(?:we|our|us)$", re.IGNORECASE)


def _own_name(subject: str, organisation: str | None) -> bool:
    """Whether SUBJECT is the paper's council by (part of) its own name: "Kent is committed to …" in a Kent County
    Council paper."""
    words = re.sub(r"^\(?[a-z0-9]{1,3}(?:\.\d{1,2})?[.)]?\s+", "", subject.strip()).split()  # its paragraph's number
    if not organisation or not words or len(words) > 3 or not all(w[:1].isupper() for w in words):
        return False
    own = {w.lower() for w in re.findall(r"[\w’'-]+", organisation)}
    return all(w.lower().strip(",") in own for w in words)
# "(Note: approval of this EqIA must be completed within the EqIA App)": a form's instruction
_FORM_NOTE = re.compile(r"\(\s*Note\s*:[^)]*\)", re.IGNORECASE)
# a condition on the decision the paper proposes ("If the decision … goes ahead, officers will …") is still a promise
# a sentence that stops inside its concessive clause ("It has been agreed that although the new structure will be
# implemented from April."): the "will" is conceded, not promised, and the main clause never comes
_DANGLING_CONCESSION = re.compile(r"\b(?:although|though|whilst|whereas|even if)\b(?:[^,;:()]|\([^()]*\))*$",
                                  re.IGNORECASE)
_IF_DECIDED = re.compile(r"^\s*If\s+(?:the|this)\s+(?:decision|proposal|recommendation)", re.IGNORECASE)
_CONDITIONAL = re.compile(r"^\s*(?:If|Should|Unless|Where)\b", re.IGNORECASE)
# a condition a promise after it holds under, in the sentence before it: "Should members recommend renewal of the
# contracts, then the re-procurement will take in excess of six months. The existing contracts will be extended, for
# the period of re-procurement only." (listed with it, not as an unconditional promise)
_CONDITION = re.compile(r"^\s*(?:\(?[a-z0-9]{1,3}(?:\.\d{1,2})*[.)]?\s+)?(?:If|Should|Unless|Subject to|In the event)\b",
                        re.IGNORECASE)
_HABITUAL = re.compile(r"^\s*(?:Normally|Usually|Typically|Ordinarily|Traditionally|Historically)\b,?", re.IGNORECASE)
_RISK_ACTION = re.compile(r"Action to avoid or mitigate risk:\s*(.+?)(?:;\s*Risk rating:.*)?$", re.IGNORECASE | re.DOTALL)
_RISK_NAME = re.compile(r"^Risk:\s*([^;]+)")
_ACTION_CELL = re.compile(r"\b(?:Action|Actions|Next steps?)\s*:\s*([^;]+)", re.IGNORECASE)
_OWNER_CELL = re.compile(r"\b(?:Lead|Owner|Responsible(?: officer)?|Who)\s*:\s*([^;]+)", re.IGNORECASE)
_WHEN_CELL = re.compile(r"\b(?:Timescale|Deadline|By when|Due(?: date)?|Target date|When)\s*:\s*([^;]+)", re.IGNORECASE)


def _heading_tail(heading: str | None) -> str:
    return (heading or "").split(" > ")[-1]


def _record(kind: str, text: str, p: Paragraph, m: DocMeta, who: str | None = None, due: str | None = None,
            topic: str | None = None) -> TrackRecord:
    text = FORM_LABEL.sub("", text)  # a statement, not the record-of-decision form's next label it runs on into
    due = due or find_due(text)
    when = find_date(due) if due else None
    if due and not when and (year := re.search(r"\b(?:19|20)\d\d\b", due)):
        when = year.group(0)  # a year alone ("in 2025"), or a financial year's first ("for the 2025/26 financial year")
    if when and m.date and when < m.date[:len(when)]:
        due = None  # a date before the paper's own is history, not a deadline ("in July 2024 … advised them")
    # who only where it names a person, body or office, not words of a clause ("Sets out the key actions the Council");
    # "we" and "our" are the paper's council speaking of itself
    who = actor_name(who)
    if who and (_WE.match(who) or _own_name(who, m.organisation)) and m.organisation:
        who = m.organisation
    return TrackRecord.make(kind, text, p, m, who=who, due=due, topic=topic or topics.tag(text))


# what cannot name who acts: a pronoun with nothing to refer back to ("She mentioned her intention …", "They are
# developing …"), or words that run on into a verb ("Scope with transformation partner (PwC) is being agreed")
_NO_ACTOR = re.compile(r"^(?:She|He|They|It|This|That|There|These|Those)\b(?!\s+(?:officers?|services?|teams?|"
                       r"bodies|partners|councils?|boards?|committees?)\b)|\b(?:is|are|was|were|being|been)\b")
# a clause before the subject: "Pursuant to section 25 of the Local Government Act, County Council is asked …"
_LEADING_CLAUSE = re.compile(r"^(?:Pursuant to|In accordance with|Following|Subject to|Further to|In line with|When|"
                             r"Whilst|While|Where|If|Once|Having|Before|After|In order to)\b[^,]*,\s*", re.IGNORECASE)


# a body's goals, named by who holds them: "The commissioning group’s goals for 2025 included …" (the NHS group that
# reported to the meeting, not the council whose minutes record it)
_GOALS_OF = re.compile(r"^\s*((?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+)[’']s\s+(?:\w+\s+)?goals?\s+for\b", re.IGNORECASE)


# a subject in the passive: what is done, not who does it ("A full DPIA will be taken forward …"); "will be asked
# to" and the like make the subject act
_PASSIVE_AFTER = re.compile(rf"^[\s,]*(?:will|would|shall|must)\s+(?:also\s+|now\s+|then\s+|not\s+)?(?:continue\s+to\s+)?"
                            rf"be\s+(?:\w+ly\s+)?(?!(?:asked|invited|requested|recommended|required|expected)\b)"
                            rf"(?:{_ACTION_PARTICIPLE}|\w+ed)\b", re.IGNORECASE)


def _passive(sentence: str, subject: str) -> bool:
    """Whether SUBJECT, as printed at the start of SENTENCE, is followed by a verb in the passive."""
    at = sentence.find(subject)
    return at >= 0 and bool(_PASSIVE_AFTER.match(sentence[at + len(subject):]))


def _actor_of(sentence: str) -> str | None:
    """Who a promise names: the holder of the goals it states, the body or officer (text.find_who), else the subject
    of its verb when it is one; not a subject in the passive, which is what is done."""
    if then := _THEN_CONDITION.match(sentence):
        sentence = sentence[then.end():]  # who acts then: "…, then KCC Highways will look to recover costs"
        sentence = sentence[:1].upper() + sentence[1:]
    goals = _GOALS_OF.match(sentence)
    if goals:
        return goals.group(1)[:1].upper() + goals.group(1)[1:]
    titled = _TITLED_SUBJECT.match(sentence)
    if titled:  # "Mr Watkins provided assurance that …": the member who spoke, whatever the clause after says
        return titled.group(1)
    who = find_who(sentence)
    if who:
        if _passive(sentence, who):
            return None
        who = _LEADING_CLAUSE.sub("", who)
        return None if _NO_ACTOR.search(who) else who
    subject = clean(_subject(sentence)).strip(" ,")
    if subject and _passive(clean(sentence), subject):
        return None
    # an aside between commas is not who acts: "Additionally, our broader Family Hub service, including outreach
    # provision, will continue to flex …"
    subject = _ASIDE.sub("", subject).strip(" ,")
    subject = re.sub(r"^(?:It is (?:therefore )?proposed that|However|In addition|Additionally|Furthermore|Moreover|"
                     r"Also)\s*,?\s*", "",
                     re.sub(r"^\(?[a-z0-9]{1,3}[.)]\s+", "", subject), flags=re.IGNORECASE)  # nor its list mark ("2) ")
    if subject and len(subject.split()) <= 8 and not _THING.match(subject) and not _NO_ACTOR.search(subject) and \
            (_ACTOR.search(subject) or _INITIALS.search(subject)):
        return subject[:1].upper() + subject[1:]
    return None


_ASIDE = re.compile(r",\s*(?:including|such as|as well as|alongside|along with|together with|supported by)\b[^,]*(?:,|$)",
                    re.IGNORECASE)


# a sentence's list mark ("b. ", "(3) ") and a member by title and surname ("Mr Watkins", "Cllr S Smith")
_ITEM_MARK = r"(?:[a-z]{1,2}[.)]\s+|\(?\d{1,2}[.)]\s+)?"
_TITLED_NAME = r"(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][\w’'-]+"
# a titled person as a sentence's subject, with an active verb: "Mr Watkins provided assurance that …", "Cllr Smith
# undertook to …" (not "Mr Watkins was asked …")
_TITLED_SUBJECT = re.compile(rf"^{_ITEM_MARK}({_TITLED_NAME}(?:\s+[A-Z][\w’'-]*[a-z])?)\s+(?:[a-z]+ed|said|gave|told|"
                             r"spoke|made|took|undertook|will|would|has|had)\b")


# a person named as a sentence's subject: "Leemya McKeown thanked …", "Mr Hook proposed …", "Cllr Smith said …"
_PERSON_SUBJECT = re.compile(rf"^{_ITEM_MARK}((?:{_TITLED_NAME})|(?!(?:The|This|That|These|Those|It|A|An|In|On|At|For|"
                             r"Members?|Officers?)\b)[A-Z][a-z][\w’'-]*\s+(?:[A-Z][\w’'-]+\s+)?[A-Z][\w’'-]*[a-z])\s+"
                             r"(?:[a-z]+ed|said|gave|told|spoke|made|took|was|had|is|has)\b")
_PRONOUN_SUBJECT = re.compile(r"^(?:She|He)\b")


def _named_before(text: str, sentence: str) -> str | None:
    """The person a promise made by "she" or "he" refers back to: the one person named as a subject before it in
    the same paragraph (or lettered sub-paragraph: "b. Leemya McKeown thanked the team … She mentioned her
    intention …"); None when none is, or more than one."""
    at = text.find(sentence)
    if at < 0 or not _PRONOUN_SUBJECT.match(sentence):
        return None
    item = text[:at].rsplit("\n", 1)[-1]
    names = {m.group(1) for s in sentences(item) if (m := _PERSON_SUBJECT.match(s))}
    return names.pop() if len(names) == 1 else None


# a directorate or department named: "The Growth, Environment & Transport Directorate is projected to …"
_UNIT_NAMED = re.compile(r"\b((?:[A-Z][\w’'-]*,?\s+(?:(?:and|&)\s+)?){1,6}(?:Directorate|Department))\b")
_THE_UNIT = re.compile(r"\b(?:the|this|that)\s+(directorate|department)\b", re.IGNORECASE)


def _unit_referred(text: str, sentence: str, heading: str | None) -> str | None:
    """The directorate or department a promise's subject refers back to ("All services/budgets across the directorate
    will continue to review their staffing …"): the one named last before it in its paragraph, else in the headings it
    stands under; None where its subject names none, or none of that kind is named."""
    ref = _THE_UNIT.search(_subject(sentence))
    if not ref:
        return None
    kind = ref.group(1).lower()
    at = text.find(sentence)
    for source in (text[:at] if at >= 0 else "", heading or ""):
        named = [m.group(1) for m in _UNIT_NAMED.finditer(source) if m.group(1).lower().endswith(kind)
                 and not re.match(r"(?:The|This|That|Each|Every|All|Our)\s+(?:Directorate|Department)$", m.group(1))]
        if named:
            return re.sub(r"^(?:The|the)\s+", "", named[-1])
    return None


def _subject(sentence: str) -> str:
    """The words before the first modal or verb of intent: who is said to act."""
    m = _INTENT.search(sentence)
    head = sentence[:m.start()] if m else sentence
    head = re.sub(r"^.*\b(?:that|which|what|whether|how|if|as|meaning)\s+", "", head)
    # "… were due to expire and the Council will …": the last clause's subject; an "and" inside a name ("The Special
    # Educational Needs and Disabilities (SEND) service will …") joins no clauses: the whole name is the subject
    cut = 0
    for m in re.finditer(r"[,;]|\band\b", head):
        if m.group(0) == "and" and re.search(r"\b[A-Z][\w’'-]*\s+$", head[:m.start()]) \
                and re.match(r"\s+[A-Z]", head[m.end():]):
            continue  # "Needs and Disabilities", "Health and Social Care": one name
        cut = m.end()
    last = head[cut:]
    return last if last.strip() else head


def _offered_by(sentence: str) -> str | None:
    m = _OFFERED_BY.search(sentence) if _OFFERED.search(sentence) else None
    return actor_name(m.group(1)) if m else _second_verb_offer(sentence)


# an offer as the second verb of the sentence's person, after what they said: "Mr Read shared that it would take a
# full year of tracking … and offered to come back to the panel with the data"
_AND_OFFERED = re.compile(rf"(?:,\s*|\s)and\s+(?:also\s+)?(?:{_OFFERED.pattern})", re.IGNORECASE)


def _second_verb_offer(sentence: str) -> str | None:
    """Who offered, where the offer is the second verb of a sentence whose subject is a person named ("Mr Read
    shared that … and offered to …"): that person; else None."""
    subject = _TITLED_SUBJECT.match(sentence) or _PERSON_SUBJECT.match(sentence)
    if not subject or not _AND_OFFERED.search(sentence) or "?" in sentence:
        return None
    return actor_name(subject.group(1))


def _is_promise(s: str, organisation: str | None = None) -> bool:
    """A sentence where an actor says it will (or must) do something: an explicit actor and a future or obligating
    verb about its own action; predictions, conditions, questions, definitions and quoted guidance are not."""
    s = _FORM_NOTE.sub(" ", s)  # a form's instruction to whoever fills it in is no one's promise
    if dangling := _DANGLING_CONCESSION.search(s):
        s = s[:dangling.start()]  # only what is said outside the unfinished concession
    if _second_verb_offer(s):
        return True  # a person named offered to act, whatever they said before it ("… could be determined")
    if then := _THEN_CONDITION.match(s):
        # what is done then, if the condition holds; not what follows from something not done ("If these changes are
        # not implemented, then the Corporate Director will continue to oversee …": a warning)
        return not re.search(r"\b(?:not|no|never|fails?|unable)\b|n[’']t\b", then.group(0), re.IGNORECASE) \
            and _is_promise(s[then.end():], organisation)
    if (_PLANNED_STEP.match(s) or _PLANNED_BY.search(s)) and not (
            _NOT_PROMISE.search(s) or _OTHERS_WORDS.search(s) or _mostly_figures(s) or _TABLE_CELL.search(s)):
        return True  # a plan's next step, or an action planned with its date
    if not _INTENT.search(s) or _DECIDED.search(s) or _NOT_PROMISE.search(s) or _PREDICTIVE.search(s) \
            or _ESTIMATE.search(s) or _OTHERS_WORDS.search(s) or _mostly_figures(s) or _TABLE_CELL.search(s):
        return False
    if _CONDITIONAL.match(s) and not _IF_DECIDED.match(s):
        return False
    if _HABITUAL.match(s):
        return False  # what is usually done ("Normally, the Department would respond … within two months")
    subject = _subject(s)
    if _NATIONAL_SUBJECT.match(clean(subject)):
        return False
    other = _OTHER_COUNCIL.search(subject)
    if other and organisation:
        names = [w for w in re.findall(r"[A-Z][\w’'-]+", other.group(1)) if w not in ("For", "The", "In", "To", "By")]
        if names and not any(w.lower() in organisation.lower() for w in names):
            return False
    if _PROPOSAL.search(s) or re.search(r"\b(?:\w+[’']s|our|their|its)\s+(?:\w+\s+)?"
                                                                         r"goals?\s+for\b", s):
        return True  # the paper's own proposal; a body's own goals
    if _OFFERED.search(s) and (actor_name(clean(subject).strip(" ,")) or _INITIALS.search(subject)
                               or _own_name(clean(subject).strip(" ,"), organisation)):
        return True  # a named person or body offered to act
    actor = bool(re.search(r"\b(?:we|our|us)\b", subject, re.IGNORECASE) or _own_name(clean(subject).strip(" ,"), organisation)
                 or (not _THING.match(subject) and (find_who(s) or _ACTOR.search(subject) or _INITIALS.search(subject))))
    if re.search(r"\bwould\b", s, re.IGNORECASE) and not re.search(r"\b(?:will|shall|must|committed|plans? to|"
                                                                   r"intends? to|agreed to|undertook to)\b", s, re.IGNORECASE):
        return bool((_WOULD_ACTION.search(s) and actor) or _PASSIVE_ACTION.search(s))
    if _PASSIVE_ACTION.search(s) or _SUBJECT_TO_PROCESS.search(s) or _SCHEDULED_DECISION.search(s) or _STARTS_ON.search(s):
        return True
    if re.search(r"\b(?:will|shall|must)\s+(?:also\s+)?(?:continue\s+to\s+)?be\b(?!\s+\w+ing\b)", s, re.IGNORECASE) and not \
            re.search(r"\b(?:committed|plans? to|intends? to|agreed to|undertook to|proposed)\b", s, re.IGNORECASE):
        return False  # "will be" + a state, not an action
    return actor


# a table's sums and rates, which a PDF's text runs on into the sentence printed after the table
_TABLE_FIGURE = re.compile(r"£\s?\d[\d,.]*|\b\d[\d,.]*%")
_SENTENCE_OPENS = re.compile(r"(?<=[\s)])(?:The|This|These|We|Our|KCC)\s")


def _after_table(s: str) -> str:
    """A sentence without the table a PDF's text ran into it ("Mainstream Individual Support & SRP* £10,294 £10,245 …
    Post 16 institutions*** £13,309 … (SPIs) The Safety Valve agreement, sets out the key actions the Council intends
    to take …"): from the last sentence opening between the table's last figure (four or more) and its verb."""
    figures = list(_TABLE_FIGURE.finditer(s))
    if len(figures) < 4:
        return s
    intent = _INTENT.search(s, figures[-1].end())
    if not intent:
        return s
    opens = [m.start() for m in _SENTENCE_OPENS.finditer(s, figures[-1].end(), intent.start())]
    return s[opens[-1]:] if opens else s


def _mostly_figures(s: str) -> bool:
    """Whether ``s`` is a table's run of figures read as one sentence ("Mainstream Individual Support £10,294
    £10,245 …"): a quarter of its words or more are sums or numbers."""
    words = s.split()
    return len(words) >= 8 and sum(1 for w in words if _FIGURE_TOKEN.search(w)) * 4 >= len(words)


def _table_text(text: str) -> bool:
    """Whether TEXT is a table of figures run together as a paragraph, not a recommendation printed under the heading
    that introduces the table ("Cabinet is asked to approve the following changes to the Capital Budget" over "24-25
    +0.150 +0.049 Grant funded …", and the reserves table after it: "Reserve Opening Balance 01/04/24 … -43.0 7.1 -35.9
    £5.1m contribution …")."""
    return bool(_TABLE_CELL.search(text)) or _mostly_figures(text) or figures_row(text)


def _risk_row(p: Paragraph, m: DocMeta) -> TrackRecord | None:
    action = _RISK_ACTION.search(p.text)
    if not action:
        return None
    name = _RISK_NAME.search(p.text)
    text = clean(action.group(1)).rstrip(";")
    risk = clean(name.group(1)) if name else None
    who = next((w for s in sentences(text) if (w := find_who(s))), None)
    return _record("commitment", text, p, m, who=who, topic=risk or topics.tag(text))


def _action_row(p: Paragraph, m: DocMeta) -> TrackRecord | None:
    """Action-plan rows: 'Action: …; Lead: …; Timescale: …'."""
    action = _ACTION_CELL.search(p.text)
    if not action:
        return None
    owner = _OWNER_CELL.search(p.text)
    when = _WHEN_CELL.search(p.text)
    return _record("commitment", clean(action.group(1)), p, m, who=clean(owner.group(1)) if owner else None,
                   due=clean(when.group(1)) if when else None)


# a recommendation heading's items follow it: "Cabinet is asked to approve the following …" over a table, then the
# paper's treasury management section three pages on, still under that heading as the last one printed, is no
# recommendation (a paper's recommendations run to a dozen items at most)
_REC_ITEMS = 15


def _under_heading(paragraphs: list[Paragraph]) -> dict[str, int]:
    """Each paragraph's place among the paragraphs printed under its heading (0 for the first)."""
    out: dict[str, int] = {}
    last, n = None, 0
    for p in paragraphs:
        n = n + 1 if p.heading == last else 0
        last = p.heading
        out[p.id] = n
    return out


def _asked_body(text: str, heading: str) -> str | None:
    for source in (text, heading):
        mm = re.search(r"((?:The\s+)?[A-Z][\w ,&'’-]{1,80}?)\s+(?:is|are)\s+(?:asked|recommended|requested|invited)\s+to",
                       source)
        if mm:
            return _LEADING_CLAUSE.sub("", mm.group(1).strip())
    return None


def _reply_commitment(p: Paragraph, meta: DocMeta, answerer: str) -> TrackRecord | None:
    """What the author of a reply to a question put at the meeting (ANSWERER: "Neil Baker, Cabinet Member for
    Highways and Transport") undertakes in it: a promise as in any paper, or a first-person undertaking
    (``qa.UNDERTAKING``: "I have asked our officers to raise this issue again"), theirs when they say "I" or "we"."""
    own = _QUOTED.sub("\n", unnumbered(p.text))
    promised = [s for s in sentences(own) if "?" not in s and (qa.UNDERTAKING.search(s)
                                                                or _is_promise(s, meta.organisation))]
    if not promised:
        return None
    first = promised[0]
    who = answerer if qa.UNDERTAKING.search(first) or qa.FIRST_PERSON.search(_subject(first)) else _actor_of(first)
    return _record("commitment", " ".join(promised), p, meta, who=who or answerer)


_MOVED = re.compile(r"^\W*(?:\(?\d{1,3}[.)]\s*)?[^.:]{0,120}?\b(?:proposed|moved),?\s+(?:and\s+)?[^.:]{0,80}?\bseconded\b"
                    r"[^.:]{0,40}?\b(?:amendment|motion)\b", re.IGNORECASE)


def extract_commitments(meta: DocMeta, paragraphs: Iterable[Paragraph], skip: set[str] = frozenset()) -> list[TrackRecord]:
    """Recommendations and commitments in one committee document (not Ofsted reports); decisions are read by
    decisions.py, and the paragraphs it read (SKIP) are not read again."""
    if meta.doc_type not in COMMITTEE_TYPES:
        return []
    paragraphs = list(paragraphs)
    asked = qa.roles(paragraphs)  # questions put at the meeting, and the replies to them
    register = of_genre(meta.title, "risk register")
    under = _under_heading(paragraphs)
    options = MeetingOptions()
    out: list[TrackRecord] = []
    for p in paragraphs:
        if p.kind in ("front-matter", "table-header") or APPARATUS.match(p.text.strip()) or p.id in skip:
            continue
        if p.id in asked:  # a question asks, whatever it asks the Cabinet Member to undertake; a reply is its author's
            role, answerer = asked[p.id]
            if role == "answer" and (rec := _reply_commitment(p, meta, answerer)):
                out.append(rec)
            continue
        heading = _heading_tail(p.heading)
        if p.kind == "table-row":
            rec = _risk_row(p, meta) or _action_row(p, meta)
            if rec:
                out.append(rec)
            continue
        if _MOVED.search(p.text):
            continue  # an amendment or motion as moved, neither what the council promised nor a recommendation to
            # it, though it quotes one ("Mr Hood proposed and Mr Baldock seconded the following amendment … “County
            # Council is asked to: …”"): the vote decides it, and a resolution records what was carried ("Mr Passmore
            # proposed, and Mr Chittenden seconded the following amendment: … It is proposed provide additional
            # funds …", lost 13 to 39)
        if _GUIDANCE.match(p.text):
            continue  # how members are to weigh a decision: guidance, neither a recommendation nor a promise
        if options.skips(p.text, p.heading):
            continue  # the choices open to the meeting, none of them recommended: "The Council may, having reviewed
            # Executive Decision 24/00093, resolve one of the following: a. Agree …", "b. express comments …, or"
        # a paragraph under "Recommendations" / "Cabinet is asked to", or one that asks the meeting to do something
        if _ASKED.search(p.text) or (_REC_HEADING.search(heading) and not _DECIDED.search(p.text)
                                     and under[p.id] < _REC_ITEMS and not _table_text(p.text)):
            # a numbered list's items one by one, each with the lead-in they share ("Cabinet is asked to: 1) NOTE …
            # 2) APPROVE the net transfer of £356.0k into reserves … 3) APPROVE additional £6,067.8k of specific
            # grant income …"), as a resolution's limbs are: one record had shown the first item and cut off the rest
            who = _asked_body(p.text, heading) or meta.committee
            out.extend(_record("recommendation", item, p, meta, who=who) for item in clauses(p.text))
            continue
        if register:
            # a risk register's cells, which its PDF may print as running text, describe a risk, its causes,
            # consequences and the controls in place ("The Council must ensure that the MTFP includes robust
            # estimates …"): only a cell labelled as an action is something to be done
            if rec := _risk_row(p, meta) or _action_row(p, meta):
                out.append(rec)
            continue
        own = unnumbered(p.text) if meta.doc_type == "minutes" else _QUOTED.sub("\n", unnumbered(p.text))
        if others_words(own):
            continue  # what respondents to a consultation said (a theme, a share of them): not a promise
        said = sentences(own)
        promised, shown = [], []
        for n, s in enumerate(said):
            if not _is_promise(t := _after_table(s), meta.organisation):
                continue
            if n and _CONDITION.match(said[n - 1]) and not shown[-1:] == [said[n - 1]]:
                shown.append(said[n - 1])  # the condition it follows on from, which it holds under
            promised.append(t)
            shown.append(t)
        proposed = [t for t in promised if _PROPOSAL.search(t)]
        if proposed:  # what the paper proposes the meeting decide: its recommendation, not yet anyone's promise
            out.append(dataclasses.replace(_record("recommendation", " ".join(proposed), p, meta, who=meta.committee),
                                           stage="proposal"))
            shown = [t for t in shown if t not in proposed]
            promised = [t for t in promised if t not in proposed]
        if promised:
            # (a subject that names no one, "All services/budgets across the directorate", gives way to what it refers to)
            who = next((w for s in promised if (w := actor_name(_actor_of(s)) or _offered_by(s) or _named_before(own, s)
                                                or _unit_referred(own, s, p.heading))), None) or next(
                (meta.organisation for s in promised if _own_name(clean(_subject(s)).strip(" ,"), meta.organisation)), None) \
                or next((m.group(1)[0].upper() + m.group(1)[1:] for s in promised if (m := _SCHEDULED_DECISION.search(s))
                         and not m.group(1).lower().endswith("meeting")), None)  # the body that is to decide
            out.append(_record("commitment", " ".join(shown), p, meta, who=who))
    return _once_each(out)


def _once_each(records: list[TrackRecord]) -> list[TrackRecord]:
    """RECORDS without a commitment or proposal a paper prints again word for word (its summary's paragraph repeated in
    its body, an abbreviation's expansion aside): the first printing stands for both."""
    seen: set[tuple[str, str]] = set()
    out = []
    for r in records:
        key = (r.kind, re.sub(r"\W+", " ", re.sub(r"\s*\([^)]*\)", "", unnumbered(r.text))).strip().lower())
        if r.kind == "commitment" or r.stage == "proposal":
            if key in seen:
                continue
            seen.add(key)
        out.append(r)
    return out
