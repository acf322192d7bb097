"""Small text helpers shared by the extractors: sentences, who (body or officer) and by when (date or timescale)."""

from __future__ import annotations

import os
import re

from ..text.dates import MONTHS_PATTERN

# a paper's apparatus, with or without its list mark ("d) Appendix 2 …", "b) Agenda for Scrutiny Committee on …"):
# the papers attached or in the background, and who to contact, even under a "Recommendations" heading or after a
# lead-in to recommendations
APPARATUS = re.compile(r"^(?:\(?[a-z0-9]{1,3}[.)]\s+)?(?:Tel:|Email|Background (?:papers|documents)|Appendi|"
                       r"Attached documents|Agenda for\b|Report Authors?|Lead officer|Contact)", re.IGNORECASE)
# the options a paper lays before the meeting, which may take any one ("The Council may, having reviewed Executive
# Decision 24/00093, resolve one of the following: a. Agree …", then "b. express comments …, or"): a choice, none of
# them recommended
OPTIONS = re.compile(r"\bmay\b[^.:]{0,160}?\b(?:resolve|decide|choose|agree|do)\s+(?:one|any|either)\s+of\s+the\s+"
                     r"following\b", re.IGNORECASE)
OPTION_ITEM = re.compile(r"^\s*\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)]\s")


class MeetingOptions:
    """Reads a paper's paragraphs in order and says which are the options it lays before the meeting: the lead-in
    ("… may … resolve one of the following: a. Agree …") and the lettered or numbered items after it under the same
    heading ("b. express comments …, or"); the first other paragraph ends the list."""

    def __init__(self) -> None:
        self._under: str | None = None  # the heading under which the list of options runs

    def skips(self, text: str, heading: str | None) -> bool:
        """Whether the paragraph (its ``text`` and ``heading``) is one of the options, none of them recommended."""
        if OPTIONS.search(text):
            self._under = heading
            return True
        if self._under is not None and heading == self._under and OPTION_ITEM.match(text):
            return True
        self._under = None
        return False
_MONTHS = rf"(?:{MONTHS_PATTERN})"
# a year or a financial (academic) year, with the words that name it as one: "2025", "2025/26 financial year"
_DATE = rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}\s+\d{{4}}|(?:{_MONTHS}|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter)\s+\d{{4}}|\d{{4}}[-/]\d{{2,4}}"\
        rf"(?:\s+(?:financial|academic|municipal|budget)\s+year)?|\d{{4}})"
_DUE = re.compile(
    rf"\b(?:(?:by|from|before|until|no later than|during|in|within|over|for)\s+(?:the\s+)?(?:end\s+of\s+)?{_DATE}"
    # a month of the year the paper is about, by the end or start of it: "complete the work by the end of March"
    rf"|(?:by|before|until|no later than)\s+(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+)?{_MONTHS}\b"
    rf"|on\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s+\d{{4}})?"  # a day fixed: "at the budget meeting on 13th February"
    rf"|(?:by|within|over)\s+(?:the\s+)?(?:next\s+)?(?:\w+|\d+)\s+(?:days|weeks|months|years)"
    rf"|(?:by|at|in|to|for)\s+(?:the\s+)?(?:next|following|future|a later)\s+(?:[\w-]+\s+){{0,4}}?(?:meeting|date|year|quarter)"
    rf"|at a later date|in due course|immediately|with immediate effect|goals for \d{{4}})\b",
    re.IGNORECASE,
)
_TIMESCALE_LEAD = re.compile(r"^\s*(Immediately|Within \w+ (?:weeks|months))\s*:", re.IGNORECASE)

_BODY = (r"(?:Committee|Cabinet|Panel|Council|Board|Director|Directorate|Chair(?:man)?|Officer|Service|Team|Member|"
         r"Manager|HR|Local Authority|authority|partners|Commissioner|Executive|Leader|DCS|DASS|group|leadership|"
         r"School|Partnership|service|council|Council)")
_SUBJECT = re.compile(
    rf"^(?:However,?\s+|In addition,?\s+|Additionally,?\s+|Furthermore,?\s+)?"
    rf"((?:The\s+|the\s+|An?\s+|Our\s+)?(?:[\w'’&,-]+\s+){{0,8}}?{_BODY}s?(?:\s+(?:and|&)\s+(?:its|their)\s+\w+)?)\s+"
    rf"(?:will|shall|would|is committed|are committed|plans|intends|aims|has committed|have committed|is asked|are asked|"
    rf"agreed|resolved|decided|requested|shared|mentioned|is to|are to|commit)\b",
)


def sentences(text: str) -> list[str]:
    """Split into sentences (and bullet lines), keeping abbreviations such as 'e.g.' together."""
    parts: list[str] = []
    for line in re.split(r"\n+|\s*•\s*", text):
        line = line.strip()
        if not line:
            continue
        chunks = re.split(r"(?<=[.!?;])\s+(?=[A-Z“\"‘'(])", line)
        buf = ""
        for c in chunks:
            buf = f"{buf} {c}".strip() if buf else c
            if re.search(r"\b(?:e\.g|i\.e|etc|no|para|cf|approx|Mr|Mrs|Ms|Dr)\.$", buf, re.IGNORECASE):
                continue
            parts.append(buf)
            buf = ""
        if buf:
            parts.append(buf)
    return parts


def find_due(text: str) -> str | None:
    """'from 1 April 2025', 'within three months', 'at a later date' … or None."""
    lead = _TIMESCALE_LEAD.match(text)
    if lead:
        return lead.group(1)
    m = _DUE.search(text)
    if not m:
        return None
    due = m.group(0)
    if re.fullmatch(r"(?:in|for|during|over)\s+\d{4}", due, re.IGNORECASE) and not _FUTURE_BEFORE.search(
            text[:m.start()].rsplit(". ", 1)[-1]):
        return None  # "in 2015" usually describes the past, not a deadline; not after "will" in its own sentence
        # ("… will be shared … as part of the Member induction in 2025")
    return due


# a future or a promise's verb in the clause before a year: "will be shared … in 2025", "would be presented in 2025"
_FUTURE_BEFORE = re.compile(r"\b(?:will|shall|would|is to|are to|plans? to|intends? to)\b[^;:]*$", re.IGNORECASE)


def find_who(sentence: str) -> str | None:
    """The body or officer a sentence makes responsible, when it names one ('The Improvement Board', 'We')."""
    s = sentence.strip()
    if re.match(r"^We\b", s):
        return "We (the council)"
    m = _SUBJECT.match(s)
    if m:
        who = m.group(1).strip(" ,")
        if len(who.split()) <= 10:
            return who
    # (an office's title runs on to its verb: "the Cabinet Member agreed to review" is the Cabinet Member's, not "the
    # Cabinet Member agreed"'s)
    m = re.search(r"\b(the Chair|the Cabinet Member[\w ]*?|the Corporate Director[\w ,]*?|the Director[\w ]*?)\s+"
                  r"(?:(?:has\s+|had\s+|also\s+)?(?:agreed|undertook|offered|promised|committed)\s+to|would|will|to)\b", s)
    return m.group(1) if m else None


def clean(text: str) -> str:
    return " ".join(text.split())


_MONTH_NUM = {m: i for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december"), start=1)}
_DATED = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+)?({_MONTHS})\s+(\d{{4}})\b", re.IGNORECASE)


def find_date(text: str) -> str | None:
    """The first written date in TEXT as ISO: '10 November 2021' -> '2021-11-10', 'November 2023' -> '2023-11'."""
    m = _DATED.search(text)
    if not m:
        return None
    day, month, year = m.group(1), _MONTH_NUM[m.group(2).lower()], m.group(3)
    return f"{year}-{month:02d}-{int(day):02d}" if day else f"{year}-{month:02d}"


def shortened(text: str, limit: int = 300) -> str:
    """``text`` in at most about ``limit`` characters for a listing: a long lead-in that each of a resolution's
    clauses repeats ("RESOLVED that: County Council, having given due regard to the s25 Report (…), is asked to
    agree the following: <clause>") is cut in its middle first, so the clause itself shows; then the end."""
    if len(text) <= limit:
        return text
    lead, colon, clause = text.partition(": ")
    while colon and len(lead) < 40 and ": " in clause:  # "RESOLVED that: County Council, … the following: …"
        more, colon, clause = clause.partition(": ")
        lead = f"{lead}: {more}"
    if colon and len(lead) > 100 and len(clause) >= 40:
        text = f"{lead[:60].rsplit(' ', 1)[0]} … {lead[-35:].split(' ', 1)[-1]}: {clause}"  # whole words
    return text if len(text) <= limit else text[:limit - 3].rstrip() + "…"


def shared_lead(texts: list[str]) -> str:
    """The lead-in the clauses of one resolution all repeat ("RESOLVED that: County Council, having given due regard
    to … is asked to agree the following:"), up to its last colon; "" where they share none (or there is one)."""
    if len(texts) < 2:
        return ""
    common = os.path.commonprefix(texts)
    cut = common.rfind(": ")
    return common[:cut + 1] if cut > 0 and all(len(t) > cut + 2 for t in texts) else ""


def unnumbered(text: str) -> str:
    """``text`` without the printed number or letter it opens with ("3.11 ", "14. ", "a) ", "(27) ")."""
    return re.sub(r"^\s*(?:\d+(?:\.\d+)*\.?|[a-z]\)|\([a-z0-9]+\))\s+", "", text)


# the next label of a record-of-decision form, which a paragraph may run on into: "… Kent 2025-29 Reason(s) for
# decision:", "… as the transfer progresses Cabinet Committee recommendations and other consultation: The proposed …"
# (capitalised as a label is)
FORM_LABEL = re.compile(r"\s*\b(?:Reasons?(?:\(s\))? (?i:for (?:the )?decision)|(?:Financial|Legal|Equalit(?:y|ies)|"
                        r"Data [Pp]rotection) (?i:implications)|(?:Cabinet )?Committee (?i:recommendations and other "
                        r"consultation)|Any (?i:alternatives considered(?: and rejected)?)|Any (?i:interest declared)"
                        r"\b[^:]{0,80}?)\s*:.*$", re.DOTALL)


# who may act: the head noun of a body, office or group ("Corporate Parenting Panel", "the Director of …", "KCC
# officers", "NHS bodies"), or a person's name
_ACTOR_HEADS = {"council", "councils", "cabinet", "committee", "committees", "panel", "panels", "board", "boards",
                "member", "members", "officer", "officers", "director", "directors", "chair", "chairman", "leader",
                "leaders", "leadership", "mayor", "executive", "authority", "authorities", "partner", "partners",
                "partnership", "service", "services", "team", "teams", "group", "groups", "network", "directorate",
                "department", "staff", "workers", "trust", "body", "bodies", "agency", "agencies", "government",
                "forum", "commissioner", "manager", "managers", "head", "lead", "secretary", "minister", "we",
                "nhs", "icb", "commissioners", "school", "schools", "provider", "providers"}
_DETERMINERS = {"the", "a", "an", "our", "its", "their", "these", "those", "this", "that", "all", "both", "each"}
_JOINS = {"of", "for", "and", "&"}
# words that make a phrase a clause, not a name: verbs, particles, prepositions other than the joins above
_NOT_IN_A_NAME = {"is", "are", "was", "were", "be", "been", "have", "has", "had", "will", "would", "shall", "can", "may",
                  "must", "should", "then", "out", "up", "on", "in", "at", "to", "with", "within", "across", "by",
                  "from", "into", "over", "under", "set", "sets", "deliver", "delivers", "provide", "provides",
                  "available", "more", "most", "that", "which", "who"}


def _name_part(words: list[str], first: bool) -> bool:
    """Whether WORDS (no commas, brackets or joins) are a noun phrase that can name who acts: its first part ends in
    the head noun of a body or office, or is a name in capitals ("Leemya McKeown", "KCC")."""
    if words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if not words:
        return False
    for w in words:
        low = w.lower()
        if low in _DETERMINERS or low in _NOT_IN_A_NAME or (w[0].islower() and re.search(r"(?:ed|ly)$", low)):
            return False
    if not first:
        return True
    return words[-1].lower() in _ACTOR_HEADS or all(w[0].isupper() for w in words)


def actor_name(who: str | None) -> str | None:
    """WHO where it is a noun phrase naming a person, body or office ("Cabinet", "the Director of Adult Social Care",
    "Neil Baker, Cabinet Member for …", "We (the council)"), else None: words taken from a clause ("Sets out the key
    actions the Council", "implementing council tax increases and precepts then the Council", "the Cabinet Member
    agreed", "The services KCHFT deliver") name no one."""
    if not who:
        return None
    plain = re.sub(r"\s*\([^)]*\)", "", who).strip(" ,;:")
    if not plain:
        return None
    if plain[0].islower() and plain.split()[0] not in _DETERMINERS:
        return None  # "implementing …": a clause's verb, not a name
    for part in re.split(r",|\s[-–—]\s", plain):  # a name and its office, or an office and its area: either names who acts
        words = [w for w in re.split(r"[\s/]+", part.strip()) if w]
        segments: list[list[str]] = [[]]
        for w in words:
            if w.lower() in _JOINS:
                segments.append([])
            else:
                segments[-1].append(w)
        if all(_name_part(seg, n == 0) for n, seg in enumerate(segments)):
            return who
    return None


# a form's declaration or instruction, after its field number or label: "2 I understand that by ticking this box I am
# confirming …", "Basic Data 2 Please outline which element …", "7 Tick to confirm which of the following you have
# in place …", "35 Consultation: Please summarise the responses …"
_PLEASE = (r"Please (?:tick|outline|identify|describe|provide|explain|list|state|give|confirm|set out|detail|name|"
           r"summarise|summarize|link|attach|select|specify|indicate|enter|complete)\b|Tick (?:to|if|all|which|the)\b")
_FORM_PROMPT = re.compile(rf"^\s*(?:[\w.]{{1,5}}\s+){{0,4}}?(?:[A-Z][\w ]{{0,30}}:\s*)?(?:I understand that,? by "
                          rf"(?:ticking|selecting)\b|{_PLEASE})")
# a form's question: numbered ("9 Which data protection regime will you be processing under? …"), or with its
# tick-box answer or nothing after it ("Is there national evidence/data that you can use? Yes"); not a question with
# its answer ("What is the planned outreach provision? If the decision … KCC officers will reach out …")
_FORM_QUESTION = re.compile(r"^\s*(?:(?:Yes|No)\s+)?(?P<num>\d{1,2}[.)]?\s+)?(?:Which|What|How|Who|Where|When|Why|Will|"
                            r"Does|Do|Is|Are|Has|Have|Can)\b[^.?\n]{0,200}\?\s*(?P<rest>.*)", re.DOTALL)
# what follows a form's question: its tick-box (alone, or before the next question), a field label, an instruction,
# the next numbered question; not an answer ("Yes – the current base budget …", "Please see the breakdown …")
_TICKED = re.compile(rf"^(?:(?:Yes|No)\s*(?:$|[A-Z][^.?\n]{{0,200}}\?)|Answer\b|Select\b|N/A\b|{_PLEASE}|"
                     r"\d{1,2}[.)]?\s+[A-Z])")


def form_prompt(text: str) -> bool:
    """Whether TEXT is a form's prompt, not a statement: a line that asks ("Process personal data on a large scale?",
    "7 Tick to confirm … 8 How will the personal data be collected?"), a form's declaration or instruction ("Please
    tick to confirm …"), or a numbered question with its tick-box; not a question with its answer ("Have the travel
    costs been factored in? Yes – the current base budget can be used."), nor a statement the form's next questions
    run on after ("The type of data being transferred … 2 Are all of the categories … necessary …?")."""
    text = text.strip()
    if _FORM_PROMPT.match(text) or _form_question(text):
        return True
    # every sentence asks or instructs (a statement with the form's next questions run on after it still states)
    # (or a numbered field's label: "12 Or are you planning to: Process biometric data?")
    said = [s for s in _FORM_PARTS.split(text) if s.strip()]
    return bool(said) and all(s.rstrip().endswith("?") or _FORM_PROMPT.match(s) or _FIELD_LABEL.match(s)
                              for s in said)


# a form's text in its parts: sentences, and the numbered questions printed after them ("… care packages. 2 Are all …")
_FORM_PARTS = re.compile(r"(?<=[.!?:])\s+(?=(?:\d{1,2}[.)]?\s+)?[A-Z“\"‘'(])")


_FIELD_LABEL = re.compile(r"^\s*\d{1,2}[.)]?\s+[^.?]*:\s*$")


def _form_question(text: str) -> bool:
    m = _FORM_QUESTION.match(text)
    return bool(m) and bool(m.group("num") or not m.group("rest").strip() or _TICKED.match(m.group("rest")))


# a figure as a table prints it: "560.0", "(560.0)", "-9.9", "£1,530.9m", "-2.3%", "21,663"
_FIGURE_CELL = re.compile(r"^[(\[]?[-–+]?£?\d[\d,]*(?:\.\d+)?[%mkbn]{0,2}[)\]]?[,;]?$")


def figures_row(text: str, table_row: bool = False) -> bool:
    """Whether TEXT is a row of a table of figures, not a statement: mostly figures ("2 2 1 3 2", "Rate of increase
    in spend - 13% 10% 11% 7%"), or (TABLE_ROW: the paragraph is a table's row) a label or description cell followed
    by two or more figure columns ("CYPE Use of Early Help staff … from the Family Hubs Grant 0.0 (560.0) (560.0)")."""
    words = text.split()
    if not words:
        return False
    figures = [bool(_FIGURE_CELL.match(w)) for w in words]
    if sum(figures) * 2 > len(words):
        return True
    trailing = len(figures) - next((n for n in range(len(figures) - 1, -1, -1) if not figures[n]), -1) - 1
    return table_row and trailing >= 2


# what respondents to a consultation or survey said, as its report prints it: a verbatim comment, after a theme's
# label or none ("“Millmead is the best family hub …”", "Concern about safety at the Gateway: “Seashells is …”"; not a
# motion or amendment minutes quote as moved: "Mr Booth proposed … the following motion: “That the Council …”"), a
# theme or share of those who answered ("37% of consultees commenting believe …", "12% also commented that …", "the
# most common themes reported are as follows:", "Some example verbatims …"), a theme's label over its verbatims
# ("Concern services … would be more limited …:"), or the survey's own question ("Please tell us what impact …")
_VERBATIM = re.compile(r"^[\s•·▪◦*–-]*(?:(?![^“”\"\n]*\b(?:motion|amendment|moved|proposed|seconded|resolved|"
                       r"recommend\w*)\b)[^“”\"\n]{0,250}:\s*)?[“\"]", re.IGNORECASE)
_SURVEY = re.compile(r"\b(?:consultees|respondents|verbatims?|survey participants)\b|\bBase:\s*all\b|"
                     r"\bPlease tell us\b|\bthemes? (?:\w+ )?(?:noted|reported|expressed|raised)\b|"
                     r"\b(?:common|main|key|dominant) themes? (?:include[sd]?|are as follows)\b|"
                     r"\b\d+(?:\.\d+)?%\s+(?:also\s+)?(?:commented|said|felt|believed?|indicated|stated|mentioned|"
                     r"found out|agreed|disagreed)\b|^[\s•·▪◦*–-]*Concerns?\b[^?]*:\s*$", re.IGNORECASE)
# the council's own answer to what was said, in the same paragraph ("As a result of this feedback, KCC will provide …",
# "As a specific response to feedback … KCC is considering reimbursing service users for bus fares …",
# a reply quoting a recommendation: "“routinely identify and share good practice …,” We agree. Because we …")
_IN_REPLY = re.compile(r"\b(?:(?:in|as an?(?:\s+\w+)?)\s+response\b|as a result of (?:this|the|these|that) (?:feedback|consultation|comments?|"
                       r"responses?)|following (?:the|this) consultation|you said,? we did|we (?:agree|disagree|accept|will))\b",
                       re.IGNORECASE)


def others_words(text: str) -> bool:
    """Whether a committee paragraph reports what respondents to a consultation or survey said (``_VERBATIM``,
    ``_SURVEY``), not what the council did or promised; a paragraph that also gives the council's answer to it, in its
    own words (not a verbatim's), is the council's."""
    own = _QUOTE.sub(" ", text)
    if _IN_REPLY.search(own):
        return False
    verbatim = _VERBATIM.match(text)
    # a verbatim, not one the paper then answers in its own sentence ("… “Social services workload will double …”
    # Officers will write to each family before March 2025.")
    if verbatim and len(_QUOTE.sub(" ", text[verbatim.end() - 1:]).split()) <= 8:
        return True
    return bool(_SURVEY.search(text))


_QUOTE = re.compile(r"[“\"][^”\"]*(?:[”\"]|$)")
