"""What kind of answer a question asks for ("how many" → a figure, "who" → a person, "when" → a time), and
whether a piece of text holds one. Used to pick evidence that can answer, and to abstain when none can."""

from __future__ import annotations

import re
from functools import lru_cache

from ..parse.minutes import TO_THE_VOTE, records_vote

# "how many" inside a question asks for a figure after a comma, a conjunction, a preposition or "roughly" ("…, and
# how many …?", "by how much …?", "for how many months …?"), but not as the object of a verb, where it names what
# is asked about ("who sets how many places there are?", "what explains how much the service spends?")
# "how much progress has it made?", "how much influence do care leavers have?": a degree, not a figure (nouns no
# figure measures, said after "how much")
_UNMEASURED = (r"(?!\s+(?:influence|progress|support|involvement|difference|impact|choice|control|help|attention|"
               r"priority|emphasis|confidence|trust|understanding|awareness|oversight|scrutiny|challenge|input|voice|"
               r"freedom|independence|notice|detail|thought|effort|value|weight)\b)")
_NUMBER_Q = re.compile(r"^\s*(how (much" + _UNMEASURED + r"|many|big|large)|"
                       r"what (percentage|proportion|rate|number|amount|share|surplus|deficit|shortfall)|"
                       r"what (?:is|was|are|were) the (?:average|mean|median|total number)\b)"
                       r"|(?:^|[,;:(]\s*|\b(?:and|or|but|by|for|with|across|over|in|on|at|to|from|of|about|exactly|"
                       r"roughly|approximately|around|nearly|then|so)\s+)(how much" + _UNMEASURED + r"|how many)\b"
                       r"|\b(what percentage|how big)\b", re.IGNORECASE)
# a count or an amount: a figure or a number word ("most", "all" or "few" is not one: "how many children are in
# care?" is not answered by "most children …")
NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|"
                 r"seventy|eighty|ninety")
_NUMBERISH = re.compile(r"\d|\b(" + NUMBER_WORDS + r"|hundred|thousand|million|half|third|quarter)\b", re.IGNORECASE)
# "how long did it take?" is answered by a duration or by when it ended ("backlogs remained until August 2023")
_DURATION_Q = re.compile(r"\bhow long\b", re.IGNORECASE)
# "by how much is the grant rising?" is answered by a percentage as well as by a sum: it asks for a figure (number)
# up to three words before the sum a "what is the … cost?" question names, none of them a preposition: "what was
# their conclusion on the budget?" asks what was concluded, not for a sum
_NO_PREPOSITION = r"(?:(?!(?:on|about|for|in|to|with|from|over|towards)\b)[\w'’]+\s+){0,3}?"
# a council named in full before what it spends: "what is Kent County Council's net revenue budget?"
_COUNCILS = r"(?:(?-i:[A-Z])[\w-]*\s+){1,3}(?-i:[A-Z])\w*['’]s"
_MONEY_Q = re.compile(r"(?<!\bby )\bhow much\b.*\b(spend|spent|cost|overspen\w*|underspen\w*|budget|fund\w*|pay|paid|"
                      r"grant|sav\w*|reserves?|debts?|borrow\w*|income|rent)"
                      r"|\bin pounds\b|\bhow much money\b|\bhow many (?:pounds|£)|"  # ("by how many pounds was it cut?")
                      # "what is the estimated capital cost of …?", "what was the overspend?"
                      r"\bwhat (?:is|was|are|were|will be)\s+(?:the|its|their|[A-Z]\w+['’]s|" + _COUNCILS + r")\s+"
                      + _NO_PREPOSITION +
                      r"(?:cost|costs|budget|overspend|underspend|outturn|saving|savings|grant|price|value|valuations?|salary|salaries|wage|"
                      r"wages|fee|fees|allowance|allowances)\b(?! of living)|"
                      # "what is the council's total capital programme?", "… its general reserve?" (not "what is the
                      # reserves strategy?": the sum itself, the question's last words or before "for", "in" …)
                      r"\bwhat (?:is|was|are|were|will be)\s+(?:the|its|their|[A-Z]\w+['’]s|" + _COUNCILS + r")\s+"
                      + _NO_PREPOSITION +
                      r"(?:reserves?|deficit|debt|borrowing|capital programme|(?:budget|funding) gap)"
                      r"(?=\s*(?:[?.]|$|,|\b(?:for|in|of|at|by|this|last|next|now|reported|forecast)\b))|"
                      # "what budget has the council allocated to deliver the plan?": the sum set aside
                      r"\bwhat (?:budget|funding|sum|amount of (?:money|funding))\s+(?:has|have|had|is|was|were|will|"
                      r"did|does)\b[^?]{0,80}?\b(?:allocat\w*|set aside|earmark\w*|budgeted)\b|"
                      # "what salary is paid …?", "what is the hourly rate for home care?": a sum of money
                      r"\bwhat (?:salary|salaries|wages?|fees?|allowances?|price)\b|\b(?:hourly|daily|weekly) rates?\b|"
                      # "what would it cost to extend the contract?", "what did the report say it would cost …?"
                      # (not "what did the council do about cost pressures?")
                      r"\bwhat (?:would|will|did|does|do|might|could)\s+(?:\w+\s+){0,6}?cost"
                      r"(?=\s+(?:to|for|in|each|per|a|an|the)\b|\s*[?.]|\s*$)",
                      re.IGNORECASE)
_MONEY = re.compile(r"£\s?\d|\b\d[\d,.]*\s?(m|bn|k|million|billion)\b", re.IGNORECASE)
# "the business rate collection fund" names a tax, and "the hourly rate" is a sum of money, not a percentage
# "how did inspectors rate …?", "how would Ofsted rate it?": rate as a verb asks for a grade, not a percentage
_RATE_AS_GRADE = r"\b(?:ofsted|inspectors?)\s+(?:did\s+|would\s+|do\s+)?rate\b"
# "how do parents rate the service?": rate as a verb, with its object after it, asks for an opinion
_RATE_AS_VERB = r"(?!\s+(?:the|their|its|it|them|this|that|these|those|how|our|his|her)\b)"
_RATE_Q = re.compile(r"^(?!.*" + _RATE_AS_GRADE + r").*?(?:\b(?<!business )(?<!hourly )(?<!daily )(?<!weekly )rate\b"
                     + _RATE_AS_VERB + r"|"
                     r"\b(percentage|per cent|percent|proportion|share of)\b)", re.IGNORECASE)
# a share, printed with its figure: not a column's label ("% of pupils placed …" heads a table of RAG ratings)
_SHARE = re.compile(r"\b\d[\d,.]*\s?(?:%|per ?cent\b)", re.IGNORECASE)
_RATE = re.compile(_SHARE.pattern + r"|\b\d+ (in|out of) \d+\b", re.IGNORECASE)
# a share in words: "almost a third of posts", "two thirds of care leavers", "half of all children", "one in five"
# (not a part of a period: "the second half of the year", "the first quarter of 2024"). It answers "what proportion
# …?" only when no quote gives a share in figures ("half of the plans" is a lesser answer than a printed "48.7%").
SHARE_IN_WORDS = re.compile(r"\b(?:(?:a|one|two|three)[\s-]+(?:half|third|quarter|fifth|tenth)s?|(?<!first )"
                            r"(?<!second )(?<!last )(?<!the )(?<!this )(?<!that )half)\s+of\b|"
                            r"\bone in (?:two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.IGNORECASE)
_HOW_SOON = re.compile(r"\bhow (?:soon|quickly|promptly|fast)\b", re.IGNORECASE)
# "what were the dates of the inspection?", "what is the date of the next meeting?" ask when, as "what date" does
_WHEN_Q = re.compile(r"^\s*(since |until |by )?when\b|\bwhat (?:(?:is|was|are|were) the )?(date|time|year|month)s?\b|"
                     r"\bwhich (?:date|year|month)s?\b|"
                     r"\bhow soon\b", re.IGNORECASE)
# "when do children in care get a personal adviser?", "when does a care leaver's support end?": a habit, whose
# time is an age ("shortly after they are 16 years of age")
_WHEN_IN_LIFE = re.compile(r"^\s*when\s+(?:do|does)\b", re.IGNORECASE)
# "a next-day account", "same-day visits": how soon something is done, not when
_TIME_COMPOUND = re.compile(r"\b[a-z]+-(?:day|week|month|year)s?\b", re.IGNORECASE)
# "When Kent adopted its plan, did anyone vote against it?": a clause that sets the scene for another question, which
# a quote need not date
_WHEN_CLAUSE = re.compile(r"^\s*when\b(?!\s*,)[^?]*,\s*(?:did|does|do|was|were|is|are|has|have|had|will|would|can|"
                          r"could|how|what|who|which|why|where)\b", re.IGNORECASE)
# "When was Rutland last inspected, and how did it do?", "When did the panel meet, what did it decide?": a question
# about when, not a clause setting the scene
_WHEN_ASKED = re.compile(r"^\s*when\s+(?:did|was|were|has|have|had|will)\b", re.IGNORECASE)


def sets_the_scene(question: str) -> bool:
    """Whether ``question`` only opens with a "When …," clause that sets the scene for another question, which asks
    no time: "When Suffolk's staff can't keep up, who does it bring in?" asks who, not when ("When Kent adopted its
    plan, did anyone vote against it?"); "When was it inspected, and how did it do?" and "When the plan was adopted,
    on what date did it start?" ask when."""
    if not _WHEN_CLAUSE.search(question) or _WHEN_ASKED.search(question):
        return False
    rest = question[question.index(",") + 1:]
    return not re.search(r"\bwhen\b", rest, re.IGNORECASE) and not _WHEN_Q.search(rest)


# a month by its name or its short form ("Sept"), not a word beginning with one ("decisions", "market", "junior",
# "separate"), nor the verb "may"
_TIME = re.compile(r"\b(19|20)\d\d\b|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|(?-i:May)|june?|july?|"
                   r"aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|"
                   r"\b(spring|summer|autumn|winter|week|weeks|month|months|year|years|quarter|today|tomorrow|"
                   r"annual\w*|monthly|weekly|deadline|date|dated|day|days)\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b", re.IGNORECASE)
# "on what date …?" asks for a date: a day and month, or a month and year, not "annually", "weeks" or "the deadline"
_DATE_Q = re.compile(r"\b(?:what|which) (?:(?:is|was|are|were) the )?(?:date|day)s?\b", re.IGNORECASE)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?")  # a month's name, not "decisions" or "marked"
_CALENDAR_DATE = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"|\b" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?\b|"
                            r"\b" + _MONTH + r",?\s+(?:19|20)\d\d\b|\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b", re.IGNORECASE)
# "how long do children wait for a conference?", "how long does an assessment take?", "how long did the delays
# last?": how long a process takes, answered by a span of time ("within 15 working days", "three months") or by a
# finding about its time ("wait too long", "delays", "timely"), not by a date, a date range or a year: an
# inspection's dates say when it was, "since 2019" how long ago, neither how long anything takes ("how long has she
# been Leader?" is still answered by "since May 2021", and "how long does the grant run?" by its first and last days)
_TAKES_Q = re.compile(r"\bhow long\b(?P<who>(?:(?!\bbeen\b)[^?.;]){0,80}?)\b(?:wait|waits|waited|waiting|take|takes|took|taking|"
                      r"taken|delay\w*)\b", re.IGNORECASE)
_SPAN_UNIT = r"(?:(?:working|calendar|school|clear|full)\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|terms?)\b"
_SPAN = re.compile(r"(?:\b\d[\d,.]*|\b(?:" + NUMBER_WORDS + r"|a|an|a few|several|many|some|few)\b)(?:\s*(?:and|to|or|-|–)\s*"
                   r"(?:\d[\d,.]*|" + NUMBER_WORDS + r"))?(?:\s*-\s*|\s+)" + _SPAN_UNIT +
                   r"|\b(?:for|within|over|after|in|up to|taking|take|takes|took|wait\w*)\s+(?:minutes|hours|days|weeks|"
                   r"months|years)\b", re.IGNORECASE)
_TIMELINESS = re.compile(r"\btoo (?:long|slow\w*|late)\b|\bdelay\w*|\b(?:un)?timel(?:y|iness)\b|\bprompt(?:ly|ness)?\b|"
                         r"\bswift(?:ly)?\b|\bquick(?:ly)?\b|\bwithout delay\b|\bwaiting (?:times?|lists?|well)\b|"
                         r"\blong(?:er)? (?:waits?|waiting|delays?)\b|\blengthy\b|\bdrift\b|\boverdue\b|\bbacklogs?\b|"
                         r"\bwait(?:s|ed|ing)? (?:too|longer|a long)\b", re.IGNORECASE)


# or when it ended, which says how long it took from a start the question gives: "the backlog was cleared by March
# 2024", "delays remained until August 2023" (not "from 11 to 15 September 2023": days something ran)
_ENDED = re.compile(r"\b(?:until|till|by|no later than)\s+(?:the end of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:"
                    + _MONTH + r"\s+|(?:spring|summer|autumn|winter)\s+)?(?:19|20)\d\d\b", re.IGNORECASE)


# the words that name what takes the time: those after the verb ("wait for housing", "take to complete EHCP
# assessments"), or else its subject ("how long does an assessment take?"), less a name ("in Bolton": a council)
# and the words every question shares; compared by their first five letters ("conference", "conferences")
_PLAIN_WORDS = frozenset("the and for from with between into onto over under after before about their they them "
                         "this that these those there then than have does what which when where while will would "
                         "could should often usually typically average long".split())


def _stems5(text: str) -> set[str]:
    return {w.lower()[:5] for w in re.findall(r"[A-Za-z][\w’'-]*", text)
            if len(w) > 3 and w.lower() not in _PLAIN_WORDS and not (w[0].isupper() and not w.isupper())}


def names_the_process(question: str, text: str) -> bool:
    """Whether ``text`` (a whole paragraph) names the process whose time ``question`` asks about ("how long do care
    leavers wait for housing?": a paragraph on housing, not one saying "the action plans are timely"); true of any
    text when the question asks no such time or names nothing but its asker."""
    m = _TAKES_Q.search(question)
    if m is None:
        return True
    process = _stems5(question[m.end():]) or _stems5(re.sub(r"^\s*(?:do|does|did|will|would|is|are|was|were|can|"
                                                            r"could|should|has|have|had)\b", " ", m.group("who"),
                                                            flags=re.IGNORECASE))
    return not process or bool(process & {w.lower()[:5] for w in re.findall(r"[A-Za-z][\w’'-]*", text)})


def asks_how_long_it_takes(question: str) -> bool:
    """Whether ``question`` asks how long a process takes ("how long do children wait for …?"), which a span of
    time or a finding about its time answers, not a date."""
    return bool(_TAKES_Q.search(question))


def gives_time_taken(text: str) -> bool:
    """Whether ``text`` says how long something takes: a span of time ("within 15 working days", "three months")
    or a finding about it ("children wait too long", "delays in …", "timely")."""
    return bool(_SPAN.search(text) or _TIMELINESS.search(text) or _ENDED.search(text))


# "when did the consultation run?", "when was the survey open?", "over what period …?": a period, answered by the
# sentence that gives its first and last days ("On 30 July 2024, a consultation was launched, lasting … until 22
# September 2024", "between 30 July 2024 and 22 September 2024"), not by one date of something else about it
_PERIOD_Q = re.compile(r"\bwhen\b[^?]*\b(?:run|ran|running|last|lasted|lasting)\b(?!\s+(?:year|month|week|time|"
                       r"inspection|visit|meeting|report)\b)|\bwhen (?:was|were|is|are)\b[^?]*\bopen\s*(?:\?|$)|"
                       r"\bover what (?:period|dates)\b|\bbetween (?:what|which) dates\b", re.IGNORECASE)
_DAY = (r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r"(?:\s*,?\s*(?:19|20)\d\d)?|" + _MONTH +
        r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s*(?:19|20)\d\d)?|" + _MONTH + r",?\s+(?:19|20)\d\d)")
_PERIOD = re.compile(r"(?:" + _DAY + r"[^.;]{0,80}?|\b\d{1,2}(?:st|nd|rd|th)?\s*)(?:\b(?:until|till|to|and|through)\s+|"
                     r"\s*[–-]\s*)(?:the\s+)?" + _DAY, re.IGNORECASE)


def asks_period(question: str) -> bool:
    """Whether ``question`` asks over what period something ran ("when did the consultation run?")."""
    return bool(_PERIOD_Q.search(question))


def gives_period(text: str) -> bool:
    """Whether ``text`` gives a period's first and last days ("from 30 July 2024 until 22 September 2024")."""
    return bool(_PERIOD.search(text))


# what is "due to" happen, a schedule ("due to go to the Planning Committee in May", "due to open"), not a cause ("due
# to higher costs")
_SCHEDULED = (r"go|be|start|begin|open|close|complete|finish|end|expire|take|come|report|return|launch|conclude|"
              r"commence|run|move|transfer|meet|publish")
# "why is the service overspending?", "…, and why?": a reason asked for (not "how do children understand why they
# are in care?", which asks how)
_WHY_Q = re.compile(r"^\s*why\b|[,;:]\s*(?:and\s+)?why\b|\bwhy\s+(?:is|are|was|were|did|does|do|has|have|had|can|could|"
                    r"would|will|should)\b", re.IGNORECASE)
# a reason given: "the underspend is due to …", "because …", "as a result of …", "rephased to reflect …" (not a
# schedule: "due to open in May")
_REASON = re.compile(r"\bdue\s+to\b(?!\s+(?:" + _SCHEDULED + r")\b)|"
                     r"\bbecause\b|\bas\s+a\s+(?:direct\s+)?result\s+of\b|\bowing\s+to\b|"
                     r"\b(?:caused|driven|explained)\s+by\b|\bresult(?:s|ed|ing)?\s+(?:from|in)\b|\battributable\s+to\b|"
                     r"\breflect(?:s|ed|ing)?\b|\breasons?\s+(?:for|is|are|was|were|being|that|why)\b|\barising\s+from\b|"
                     r"\bas\s+there\s+(?:is|are|was|were|has|have)\b|\bthis\s+is\s+(?:largely\s+|mainly\s+|partly\s+)?"
                     r"(?:because|due)\b", re.IGNORECASE)


def asks_reason(question: str) -> bool:
    """Whether ``question`` asks why something is so."""
    return bool(_WHY_Q.search(question))


def gives_reason(text: str) -> bool:
    """Whether ``text`` gives a reason ("The real underspend is due to …", "… because of staff vacancies")."""
    return bool(_REASON.search(text))


# "when did the committee endorse the plan?", "when did Kent adopt its strategy?": the deed asked about, the verb
# before its object's determiner (or ending the question), whose past form a sentence dating it gives ("… Cabinet
# Committee endorsed the KCP on 21 November 2024")
_WHEN_DID = re.compile(r"^\s*when\s+did\b.*?\b(?-i:([a-z]{3,}))\s+(?:the|a|an|its|their|this|that|these|those|his|her|"
                       r"our|any)\b", re.IGNORECASE)
_A_DATE = r"(?:" + _CALENDAR_DATE.pattern + r"|\b(?:19|20)\d\d\b)"


def dated_deed(question: str) -> re.Pattern[str] | None:
    """For "when did <someone> <do> <something>?", a pattern for a sentence saying it was done, with a date within
    a clause of it ("endorsed the KCP on 21 November 2024", "On 4 March 2025, Cabinet agreed …"); None otherwise."""
    m = _WHEN_DID.search(question)
    if m is None or m.group(1).lower() in ("did", "does", "was", "were", "had", "have", "has", "and", "for", "with",
                                           "about", "from", "into", "over", "than") or m.group(1).endswith("ing"):
        return None
    verb = m.group(1)
    past = rf"{verb}d" if verb.endswith("e") else rf"{verb}(?:{verb[-1]})?ed"
    return re.compile(rf"\b{past}\b[^.;]{{0,60}}?{_A_DATE}|{_A_DATE}[^.;]{{0,60}}?\b{past}\b", re.IGNORECASE)


# "in what year …?" asks for a year
_YEAR_Q = re.compile(r"\b(?:what|which) year\b", re.IGNORECASE)
_A_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# "what time does the meeting start?", "at what times is it open?" ask for a time of day
_CLOCK_Q = re.compile(r"\bwhat times?\b", re.IGNORECASE)
# "10.30", "2:00pm"; not a sum or a share printed the same way ("£1.40 per hour", "4.54%", "2.88m")
CLOCK = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|"
                    r"(?<![£$€\d.,])\b\d{1,2}[.:]\d{2}\b(?!\s*(?:%|per cent|percent|m\b|bn\b|k\b|million|billion))|"
                    r"\b(?:noon|midday|midnight)\b", re.IGNORECASE)
# "when is the next visit due?" asks about the future: quotes about what already happened do not answer it
_FUTURE_Q = re.compile(r"^\s*when (is|are|will|should|shall)\b|\bwhen (is|are) .*\b(next|due|expected|planned)\b", re.IGNORECASE)
_FUTURE = re.compile(r"\b(will|shall|next(?! steps?\b)(?!-)|upcoming|forthcoming|future|expected (to|in|on|by)|due (in|on|by|for|at|to be|"
                     r"to take place|to (?:" + _SCHEDULED + r"))|planned (for|to|in)|intends? to|(is|are) to be|scheduled (for|to|in) (?!.*\bpostponed))\b|"
                     # "additional resources, to be implemented in January 2024": what is to happen, and when
                     r"\bto be [a-z]+(?:ed|en|ne|de) (?:in|on|by|from|during)\b|"
                     # a decision's start date says when it takes effect: "… to Adult Social Care from 1 April 2025"
                     r"\b(?:with effect|effective) from\b|\bfrom (?:\d{1,2}(?:st|nd|rd|th)?\s+)?" + _MONTH + r"\s*(?:19|20)\d\d\b",
                     re.IGNORECASE)
# "which <council> councillors …", "which <party> members …", "which other officers …": up to two names of a
# council or party, or a word that says which of them, may stand between "which" and the people (not "which reports
# did members ask for?")
PEOPLE_MODIFIERS = (r"(?:(?-i:[A-Z][\w'’-]*)\s+){0,2}(?:(?:other|opposition|independent|new|former|cabinet|committee|"
                    r"panel|board|party|group|elected|senior)\s+)?")
# "who is …?" asks for a person; "young people who are at risk" does not: a "who" after people it describes is a
# relative clause (the word before it is one of these)
_DESCRIBED = ("people|children|child|youngsters|adults|staff|workers|carers|leavers|families|parents|those|anyone|"
              "someone|everyone|residents|pupils|students|girls|boys|men|women|individuals|persons|teenagers|kids|"
              "babies|learners|users|tenants|victims|survivors|offenders|seekers|professionals|practitioners|adopters|"
              "teams?|services?|agencies|organisations|partners|households|claimants|patients|clients|others")
_WHO_Q = re.compile(r"^\s*who\b|(?:(?<!\w)(?!(?:" + _DESCRIBED + r")\s)\w+\s+|[,;:(]\s*)"
                    r"who (is|was|were|are|proposed|seconded|moved|chairs|chaired|leads|led)\b|"
                    r"\bby whom\b|\bwhich " + PEOPLE_MODIFIERS + r"(councillors?|members?|officers?|person|people)\b"
                    # "which officer body …?", "which member group …?": a body, not a person
                    r"(?!\s+(?:body|bodies|group|groups|team|teams|board|boards|panel|panels|forum|meeting|meetings)\b)",
                    re.IGNORECASE)
_PERSON = re.compile(r"\b(Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Professor|Prof)\.?\s+[A-Z]|"
                     r"\b(chaired|led|headed|proposed|seconded) by\b|"
                     # who did the work: an organisation or a person named as its doer ("carried out by Lake Market
                     # Research", "Lake Market Research was appointed to conduct an independent analysis")
                     r"\b(?:carried out|conducted|undertaken|completed|prepared|produced|analysed|delivered) by "
                     r"(?-i:[A-Z])|(?-i:\b(?!(?:It|This|That|They|He|She|We|The|A|An)\b)[A-Z][\w&’'-]*"
                     r"(?:\s+(?:[A-Z][\w&’'-]*|of|and|&))*)\s+(?:was|were|has been|have been|had been)\s+"
                     r"(?:appointed|commissioned|engaged|contracted|employed|selected)\s+to\s+(?:conduct|carry out|"
                     r"undertake|complete|deliver|analyse|run|lead|review|produce|prepare)\b|"
                     # a question put at a meeting, titled with who asked it: "Question by Richard Streatfeild to …"
                     r"\bQuestion (?:by|from) [A-Z][a-z'’-]+\s+[A-Z]|"
                     # a form's field naming the officer who filled it in, then (after any note on the field) a
                     # name: "Officer completing EQIA Note: … Ben Sherreard Programme Manager"
                     r"\b(?:[Oo]fficer|[Pp]erson)\s+(?:completing|preparing|submitting)\b[^\n]{0,160}?"
                     r"(?-i:\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+\b)")

# "who is the director of children's services?", "what is the name of the lead inspector?": a question about the
# holder of a named role asks for a person's name; a quote that only mentions the role ("the new director took up
# post in 2021") does not answer it. Roles of local government and inspection, each with the words that name it:
_OFFICERS = ("responsible", "lead", "contact", "accountable")  # the officers a report or form names: "Lead Officer"
_ROLES = {
    "inspector": r"inspectors?|led\b.*\binspection",
    "director": r"director|dcs",
    "chief executive": r"chief executive",
    "leader": r"leader",
    "chair": r"(?<!vice )(?<!vice-)chair(?:s|ed|man|woman|person)?",  # the vice-chair is not the chair
    "vice chair": r"vice[- ]chair(?:s|man|woman|person)?",
    "member": r"cabinet member|portfolio holder|lead member",
    "councillor": r"councillors?",
    "mayor": r"mayor",
    "clerk": r"clerk",
    "social worker": r"principal social worker",
    # "the proposer", "who proposed the motion"; not "a proposed change", which asks for no one
    "propos": r"proposers?|(?<!\ba )(?<!\ban )(?<!\bthe )(?<!\bany )(?<!\bthis )(?<!\bits )propos\w*|"
              r"moved(?= (?:the|an|a|this|that)\b)|movers?|"  # "who moved the motion?" (a motion is moved)
              r"put forward(?= (?:the|an|a|this|that)\b)|tabled(?= (?:the|an|a|this|that)\b)",  # "who put forward
    # the amendment?", "who tabled the motion?"
    "second": r"second(?:ed|er)",
    "author": r"authors?|wrote|written|(?:report|paper|letter|briefing|update)\b[^?]{0,80}\bfrom(?=\s*\?)",
    "officer": r"(?:" + "|".join(_OFFICERS) + r") officers?",  # a report's or an EQIA form's officer
    "contact": r"contact officers?",  # a meeting's or a report's contact officer
    "commissioner": r"commissioners?",  # a children's services commissioner the Secretary of State appoints
    # "who took decision 24/00093?": the record of decision's "DECISION TO BE TAKEN BY: Mrs Sue Chandler, …"
    "decision maker": r"(?:took|taken|take|takes|made|makes|signed)\b[^?]{0,30}\bdecisions?|"
                      r"decision[- ]?(?:makers?|takers?)",
    # "who would be given authority to explore …?": a decision's "DELEGATE authority to the Director for …"
    "delegate": r"(?:given|granted|delegated|gets?|has|have|had)\s+(?:the\s+)?(?:delegated\s+)?(?:authority|powers?)|"
                r"delegated (?:authority|powers?)",
}
# a role's labels on a front sheet or form, where they differ from its name ("By: Anna Taylor, Scrutiny Research
# Officer" is the report's author)
_LABELS = {"author": ("author", "by", "from"), "chair": ("chair",), "vice chair": ("vice-chair", "vice chair"),
           "propos": ("propos",), "second": ("second",),
           "officer": tuple(f"{kind} officer" for kind in _OFFICERS),
           "decision maker": ("taken by", "decision maker", "decision taker"),
           # as a summons or a cover sheet labels them: "Ask for: Georgina Little", "Contact: …" (ModernGov's front
           # sheets)
           "contact": ("ask for", "contact")}
# the title of a question put at a meeting, as ModernGov's "questions put and answers given" print it
_PUT_BY = re.compile(r"\bQuestion (?:by|from)\s+(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+)?[A-Z][a-z'’-]+"
                     r"(?:\s+[A-Z][a-z'’-]+)+\s+to\s+[A-Z]")
# a decision's delegation, to a post: "DELEGATE authority to the Corporate Director …", "delegated to the Director"
_DELEGATED_TO = re.compile(r"\b(?i:delegated?|delegating)\s+(?:(?i:the\s+)?(?i:authority|powers?)\s+)?(?i:to)\s+"
                           r"(?:(?i:the)\s+)?[A-Z]")
# a record of decision's decision maker, a person or a body: "DECISION TO BE TAKEN BY: Cabinet"
_TAKEN_BY = re.compile(r"\b(?i:taken by)\s*:\s*(?:the\s+)?[A-Z][\w'’-]+")
# the holders that a role's own form names, which the labelled-name forms below miss (a body, a post, an untitled
# name): who took a decision, whom it delegates to, who asked a question put at full council
_HELD_BY = {"decision maker": _TAKEN_BY, "delegate": _DELEGATED_TO, "councillor": _PUT_BY, "member": _PUT_BY}
_ASKS_NAME = re.compile(r"^\s*who\b|\bname of\b|\bwhich " + PEOPLE_MODIFIERS
                        + r"(?:councillors?|members?|officers?|person)\b", re.IGNORECASE)
_ROLE_WORDS = {role: re.compile(r"\b(?:" + words + r")\b", re.IGNORECASE) for role, words in _ROLES.items()}
_APPOSITIVE = r",\s+(?-i:[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+),"
_APPOSED = {role: re.compile(r"\b(?:" + words + r")\b" + _APPOSITIVE, re.IGNORECASE) for role, words in _ROLES.items()}
_ROLE_Q = re.compile(r"\b(?:" + "|".join(_ROLES.values()) + r")\b", re.IGNORECASE)
_TITLED_NAME = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Professor)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][a-z'’-]+")
# "chaired by the Leader of the Council" names the holder; "chaired by a member drawn from the opposition" does not
# (the verb of the role asked: "proposed by the Administration" names no seconder)
# (an adverb may come between, "chaired independently by"; a noun may not: "the proposed decision by the Leader")
_ROLE_VERBS = (("chair", "chaired"), ("propos", "proposed|moved"), ("second", "seconded"))
_BY_WHOM = {role: re.compile(r"\b(?:" + verbs + r")\s+(?:\w+ly\s+)?by\s+(?!(?:a|an|any|one|someone|whoever)\b)")
            for role, verbs in _ROLE_VERBS}
# a titled member as the verb's subject, as minutes record it: "Mr Oakford proposed and Mr Gough seconded the following
# motion", "Mrs Bell moved the amendment", "Mr Cooke chaired the meeting"
_DID_IT = {role: re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][a-z'’-]+\s+(?:"
                            + verbs + r")\b")
           for role, verbs in _ROLE_VERBS}
# who put a motion, an amendment or a call-in forward: "a call-in made by Mrs Jackie Meade and Mr Barry Lewis"
_MADE_BY = re.compile(r"\b(?:made|submitted|tabled|requested|put forward|brought)\s+by\s+(?:(?:the\s+)?(?:[A-Z][\w'’-]*\s+)?"
                      r"(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame)\b|[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+)")
# "Lead inspector: Nick Bennison", "Proposer: Mike Sole", "Nick Bennison, His Majesty's Inspector"
_LABELLED_NAME = re.compile(r"(?P<label>\b[A-Za-z][A-Za-z ]{0,40}?)\s*:\s*[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+|"
                            r"[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+,\s+(?P<after>His Majesty’s Inspector|His Majesty's Inspector|"
                            r"Her Majesty’s Inspector|Her Majesty's Inspector)|"
                            # a form's field printed without its colon: "Responsible Officer Brett Appleton - DCED"
                            r"(?P<field>\b(?:" + "|".join(k.capitalize() for k in _OFFICERS) + r") Officer)"
                            r"\s+[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+")
# a name with its role after it in brackets, as minutes list those present: "Shellina Prendergast (Chair), Paul
# Bartlett (Vice-Chair)", "Mr B J Sweetland (Chairman)"
_BRACKETED_ROLE = re.compile(r"\b(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][a-z'’-]+|"
                             r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+)+))\s*\((?P<role>[A-Za-z ,'’-]{2,60})\)")
# a name, then its role after a comma: "Mr R Gough, Leader of the Council provided an update", "From: Roger Gough,
# Leader of the Council"; the role runs to the next comma, line or verb
_NAME_THEN_ROLE = re.compile(r"(?P<name>\b(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor)\.?\s+(?:[A-Z]\.?\s+)*[A-Z][a-z'’-]+|"
                             r"\b[A-Z][a-z'’-]+\s+[A-Z][a-z'’-]+),\s+(?P<role>[A-Z][A-Za-z '’-]{2,60}?)"
                             r"(?=\s*(?:,|\n|…|$)|\s+(?:provided|introduced|said|gave|presented|reported|explained|"
                             r"thanked|proposed|seconded|moved|welcomed|confirmed|advised|noted|set out)\b)")
# a deputy or vice holder is not the holder: "Mr Oakford, Deputy Leader" does not answer who the Leader is
_DEPUTY_WORDS = r"(?:deputy|vice|assistant|acting|interim|former|shadow)\b"
_DEPUTY = re.compile(r"^\s*" + _DEPUTY_WORDS, re.IGNORECASE)
_DEPUTY_ASKED = re.compile(r"\b" + _DEPUTY_WORDS, re.IGNORECASE)
# a title, a body or a service before a bracket is not a person: "Director of Children’s Services (DCS)"
_NOT_A_PERSON = re.compile(r"\b(?:services?|council|committee|board|panel|team|partnership|trust|department|"
                           r"directorate|authority|agency|group|office|children’s|children's|the)\b", re.IGNORECASE)


@lru_cache(maxsize=256)
def asks_for_name(question: str) -> tuple[str, ...]:
    """The roles whose holder's name ``question`` asks for ("who is the director …?" → ("director",)); () when it
    asks no one's name, or asks "who" of something a team or a body can answer ("who covers calls at night?").
    Kept for the last questions: every candidate paragraph and sentence of an answer asks it again."""
    if not _ASKS_NAME.search(question):
        return ()
    return tuple(role for role, words in _ROLE_WORDS.items() if words.search(question))


def names_person(text: str) -> bool:
    """Whether ``text`` names a person by title ("Mr Brady", "Dr Anjan Ghosh"), not a body ("the Administration")."""
    return bool(_TITLED_NAME.search(text))


def names_holder(text: str, question: str) -> bool:
    """Whether ``text`` names a person who can answer ``question``: someone with a title where the text names the
    role asked about ("Relevant Director Dr Anjan Ghosh", "Mr R W Gough (Chairman)"), or a name under a label for
    that role ("Lead inspector: Nick Bennison" answers who led the inspection, not who the director is)."""
    return holder_strength(text, question) > 0


_QUALIFIER = re.compile(r"\b(?:of|for)\s+(?:the\s+)?(.+)$", re.IGNORECASE)
_FILLER = {"and", "the", "of", "for", "group"}


POSSESSIVE = re.compile(r"['’]s?$")  # "Sunderland's", "Kent’s": the name without it


def _lower_words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z']+", text.replace("’", "'"))]


def _qualifier_asked(role: str, question: str, role_words: re.Pattern[str] | None = None) -> bool:
    """Whether a role's qualifier is the one the question asks about: "Mr Brady (Leader of the Opposition)" does
    not answer "Who is the Leader of Kent County Council?", "Mr Gough (Leader of the Council)" does; nor does
    "Natalia Merritt (Co-Chair Kent Housing Options Subgroup)" answer who chairs the Corporate Parenting Panel (the
    words after the role's own, ``role_words``, name what it is of). A role without one ("Chair") fits."""
    m = _QUALIFIER.search(role)
    if m:
        qualifier = m.group(1)
    elif role_words is not None and (own := role_words.search(role)) is not None:
        qualifier = role[own.end():]
    else:
        return True
    asked = {POSSESSIVE.sub("", w) for w in _lower_words(question)}
    return all(POSSESSIVE.sub("", w) in asked for w in _lower_words(qualifier) if w not in _FILLER)



def holder_strength(text: str, question: str) -> int:
    """How surely ``text`` names the holder of the role ``question`` asks about: 2 when the name is tied to the
    role (under its label, beside it in brackets or between commas, "chaired by" or "made by" it), 1 when a
    titled name and the role's words are merely in the same text, 0 when it names no one for it."""
    roles = asks_for_name(question)
    if {"propos", "second"} & set(roles) and not _ABOUT_AN_AMENDMENT.search(question):
        text = _without_amendments_put(text)  # "who seconded the budget motion?": not who seconded an amendment to it
    if any(_BY_WHOM[r].search(text) or _DID_IT[r].search(text) for r in roles if r in _BY_WHOM):
        return 2  # "chaired independently by Rory Paterson", "chaired by the Leader of the Council"
    if "propos" in roles and _MADE_BY.search(text):
        return 2  # "a call-in made by Mrs Jackie Meade and Mr Barry Lewis": they proposed it
    # the role, then its holder's name between commas: "The Commissioner, Eleanor Brazil, submitted her report"
    if any(_APPOSED[r].search(text) for r in roles):
        return 2
    if any(_ROLE_WORDS[r].search(m.group("role")) and _qualifier_asked(m.group("role"), question, _ROLE_WORDS[r])
           and not (_DEPUTY.search(m.group("role")) and not _DEPUTY_ASKED.search(question))
           for m in _BRACKETED_ROLE.finditer(text) for r in roles
           if not _NOT_A_PERSON.search(m.group("name")) and not _ROLE_Q.search(m.group("name"))):
        return 2
    if any(_ROLE_WORDS[r].search(m.group("role")) and _qualifier_asked(m.group("role"), question, _ROLE_WORDS[r])
           and not (_DEPUTY.search(m.group("role")) and not _DEPUTY_ASKED.search(question))
           for m in _NAME_THEN_ROLE.finditer(text) for r in roles
           if not _NOT_A_PERSON.search(m.group("name")) and not _ROLE_Q.search(m.group("name"))):
        return 2
    if any(_HELD_BY[r].search(text) for r in roles if r in _HELD_BY):
        return 2  # "DECISION TO BE TAKEN BY: Cabinet", "DELEGATE authority to the Director …", "Question by …"
    for m in _LABELLED_NAME.finditer(text):
        label = (m.group("label") or m.group("after") or m.group("field") or "").lower()
        if m.group("label") and text[max(0, m.start("label") - 5):m.start("label")].lower() == "vice-":
            label = "vice-" + label  # "Vice-Chair: Paul Bartlett" (the label's own words stop at the hyphen)
        if any(re.search(r"(?<!vice )(?<!vice-)\b" + word, label) for role in roles
               for word in _LABELS.get(role, (role,))):
            return 2
    if _TITLED_NAME.search(text) and any(_ROLE_WORDS[r].search(text) for r in roles):
        return 1
    if set(roles) == {"councillor"} and _TITLED_NAME.search(text):
        return 1  # "which councillors called it in?": papers and minutes name councillors by title, "Mr Barry Lewis"
    return 0


# "what was the overall judgement", "how was it rated": Ofsted's grades as its reports print them
_GRADE_Q = re.compile(r"\b(judged?|judgements?|grades?|graded|ratings?|rated|overall effectiveness)\b|" + _RATE_AS_GRADE + "|"
                      # "how did Medway do in its 2023 inspection?", "the outcome of Kent's last Ofsted inspection"
                      # (not how children do at school, in their exams or at work: "how well do children in care do at
                      # school, according to Ofsted?")
                      r"\bhow (?:well )?(?:did|does|do|has|have)\b.{0,60}?\b(?:perform(?:ed)?|fared?|do(?:ne)?)\b"
                      r"(?:(?!\b(?:schools?|exams?|education|college|university|work|training|employment|jobs?)\b).)"
                      r"{0,40}?\b(?:inspection|ofsted)\b|\b(?:outcome|result)s? of\b.{0,40}?\b(?:inspection|ofsted)\b|"
                      # "is Portsmouth's care leavers service good?", "was Medway inadequate in 2019?": a grade as the
                      # question's last word (not "is Essex good at keeping children safe?")
                      r"^\s*(?:is|are|was|were|has|have)\b[^?]{0,80}\b(?:outstanding|inadequate|requires? improvement|"
                      r"good)(?:\s+(?:in|at the time of) (?:its |the )?(?:(?:19|20)\d\d|last|latest|first|previous)\b[^?]*)?"
                      r"\s*\??\s*$",
                      re.IGNORECASE)
_GRADES = r"(?i:outstanding|good|requires improvement(?: to be good)?|inadequate|adequate)"
_GRADE = re.compile(r"(?i:overall effectiveness|judgement|grade)\s*:?\s*" + _GRADES + r"\b|"
                    r"\b(?i:judged|graded|rated|found to be)\s+(?:as\s+|to be\s+)?" + _GRADES + r"\b|"
                    r":\s*(?:Outstanding|Good|Requires improvement to be good|Requires improvement|Inadequate)\b|"
                    # the summary of a report before 2018: "Children's services in Medway require improvement to be
                    # good", "Children's services in Kent are good"
                    r"\b(?i:services|experiences and progress)\b[^.]{0,60}?\b(?:(?:are|is)\s+(?:now\s+|still\s+)?(?:"
                    + _GRADES + r")|requires? improvement)\b|"
                    # its judgement table, a line each without a colon: "2.2 Experiences and progress of care leavers
                    # Good", "1. Children who need help and protection Requires improvement"
                    r"^(?:\d{1,2}(?:\.\d)?\.?\s+)?[A-Z][a-z][^.:]{3,90}?\s(?:Outstanding|Good|Requires improvement"
                    r"(?: to be good)?|Inadequate|Adequate)\b(?!\s+[a-z])(?!\s*\(Grade)|"  # not the grades' legend
                    # "8. The judgement for overall effectiveness is inadequate."
                    r"\b(?i:judgement|grade|overall effectiveness)\b[^.]{0,40}?\b(?:is|was|are|were)\s+"
                    + _GRADES + r"\b",
                    re.MULTILINE)

# a judgement table's line: "Overall effectiveness: Good", "The experiences and progress of care leavers: Inadequate"
_GRADED_LINE = re.compile(r"^[^.:]{3,160}:\s*(?:Outstanding|Good|Requires improvement(?: to be good)?|Inadequate)\.?$")


# the areas an inspection of local authority children's services (ILACS) judges, in the words a question uses for
# them; a grade question that names none asks about overall effectiveness
# (as people say it: "helping and protecting children")
JUDGED_AREAS = (("help and protection", re.compile(r"\b(?:(?:the )?experiences? and progress of )?(?:children who need )?"
                                                   r"help(?:ing)? and protect\w*", re.IGNORECASE)),
                # (as people say it: "young people leaving care", "care-experienced young people", "cared-for children")
                ("care leavers", re.compile(r"\bcare leavers?\b|\bleaving care\b|\bleft care\b|\bcare[- ]experienced\b",
                                            re.IGNORECASE)),
                ("children in care", re.compile(r"\bchildren in care\b|\blooked[- ]after\b|\byoung people in care\b|"
                                                r"\bcared[- ]for children\b", re.IGNORECASE)),
                # (or in the judgement table's own words: "the impact of its leaders on social work practice")
                ("impact of leaders", re.compile(r"\b(?:the )?impact of (?:its |their |the council's )?leaders(?: on "
                                                 r"(?:social work )?practice(?: with children and families)?)?\b|"
                                                 r"\bleaders(?:hip)?\b", re.IGNORECASE)),
                # judged on its own by the single inspection framework (2013-2018): "2.1 Adoption performance: Good"
                ("adoption", re.compile(r"\badoption\b", re.IGNORECASE)))
_OVERALL_LINE = re.compile(r"^\s*overall effectiveness\b", re.IGNORECASE)


def overall_line(text: str) -> bool:
    """Whether ``text`` is the judgement table's overall line ("Overall effectiveness: Good", or an older report's
    headline)."""
    return bool(_OVERALL_LINE.match(text)) and graded_line(text) or bool(_OLD_FRAMEWORK_OVERALL.match(text.strip()))


def names_judged_area(question: str) -> bool:
    """Whether ``question`` names an area the inspection judges ("care leavers"), not just the overall grade."""
    return any(rx.search(question) for _, rx in JUDGED_AREAS)


# how each judged area's line of the table is worded, in the reports of 2013 to 2026 ("The impact of leaders on social
# work practice …", "Leadership, management and governance"; "… children who need help and protection"; "… children
# in care", "Children looked after and achieving permanence"; "… care leavers")
_AREA_LINE = {"help and protection": re.compile(r"help and protection", re.IGNORECASE),
              "care leavers": re.compile(r"care leavers", re.IGNORECASE),
              "children in care": re.compile(r"children in care|looked after", re.IGNORECASE),
              "impact of leaders": re.compile(r"impact of leaders|leadership", re.IGNORECASE),
              "adoption": re.compile(r"adoption", re.IGNORECASE)}


def judged_area_line(text: str, question: str) -> bool:
    """Whether ``text`` is the judgement table's line for the area ``question`` names ("how was leadership judged?":
    "The impact of leaders on social work practice …: Good"), not another area's."""
    area = next((a for a, rx in JUDGED_AREAS if rx.search(question)), None)
    return area is not None and graded_line(text) and bool(_AREA_LINE[area].search(text.split(":")[0]))


# an older report's headline over its grades, its overall judgement (parse/judgements.py): "Children's services in
# Medway require improvement to be good"
_OLD_FRAMEWORK_OVERALL = re.compile(r"^Children[’']s services in [^.:]{2,80}? (?:are|is|requires?) (?:now )?"
                                    r"(?:improvement to be good|good|outstanding|inadequate)\.?$", re.IGNORECASE)


def graded_line(text: str) -> bool:
    """Whether ``text`` is a line of an Ofsted judgement table, not a grade mentioned in a sentence (an older
    report's lines are numbered: "2.1 Adoption performance: Good")."""
    line = re.sub(r"^\d(?:\.\d)?\.?\s+", "", text.strip())
    return bool(_GRADED_LINE.match(line) or _OLD_FRAMEWORK_OVERALL.match(line))


# who attended a meeting: the minutes' lists of those present ("PRESENT: Mr R W Gough (Chairman), …", "IN
# ATTENDANCE: Dr A Ghosh (Director of Public Health), …", "Apologies were received from …", and that none were sent:
# "No apologies were received.")
# (the meeting within a few words of the attending, in one clause: "how many families attended sessions at the
# family hubs in 2023/24, according to Kent County Council?" counts visits to a service, not those at a meeting)
_NEAR = r"(?:\s+[\w'’/&-]+){0,7}?\s+"
_ATTENDANCE_Q = re.compile(r"\b(?:attend(?:ed|s|ing|ance|ees)?|(?:were|was) (?:there|present)|present at|apologies)\b"
                           + _NEAR + r"(?:meeting|committee|cabinet|council|panel|board)\b|"
                           r"\b(?:meeting|committee|cabinet|council|panel|board)\b" + _NEAR +
                           r"(?:attend(?:ed|ees|ance)|apologies)\b",
                           re.IGNORECASE)
_ATTENDANCE = re.compile(r"^\s*(?:PRESENT|IN ATTENDANCE|ALSO PRESENT|APOLOGIES)\b|^\s*(?:No )?[Aa]pologies (?:for absence )?"
                         r"(?:were|was) (?:received|given)|^\s*There were no apologies\b|\b(?:were|was) in attendance\b")

# "what did the Panel decide about its forward plan?", "what did Cabinet resolve?", "what was agreed?": a decision,
# which a resolution, an agreement or an approval records ("RESOLVED that …", "Cabinet agreed to …", "APPROVE the
# proposal …"; not "inspectors agreed with the audit grades"), or the recommendation that asked for it
_DECISION_Q = re.compile(r"^\s*what\s+(?:did|does|has|have|had|will|was|were|is)\s+(?:[\w'’-]+\s+){0,8}?"
                         r"(?:decide|decided|resolve|resolved|agree|agreed|approve|approved)\b|"
                         r"^\s*what\s+(?:decisions?|resolutions?)\b(?!\s+(?:numbers?|no\b|references?|ref\b|codes?))|"
                         # "did the County Council agree the governance changes?": whether it decided, its resolution
                         r"^\s*(?:did|has|have|will)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,4}?(?:council|cabinet|committee|panel|"
                         r"board|members?)\s+(?:\w+\s+)?(?:agree|approve|adopt|accept|endorse|reject|decide|resolve)d?\b|"
                         # what a report asks the meeting to decide: "what was the Committee asked to do?", "which
                         # option did officers recommend?", "what is the recommendation?"
                         r"\b(?:was|were|is|are|being)\s+(?:[\w'’-]+\s+){0,12}?asked\s+to\s+(?:do|decide|agree|"
                         r"approve|note|consider|endorse)\b|\b(?:officers?|the (?:report|paper))\s+recommend(?:s|ed)?\b|"
                         r"\bwhat\s+(?:is|was|were|are)\s+the\s+(?:report'?s?\s+|paper'?s?\s+)?recommendations?\b",
                         re.IGNORECASE)
_DECISION = re.compile(r"\b(?:RESOLVED|resolved|agreed(?! with)|decided|approved|endorsed|AGREED|DECIDED|APPROVED|"
                       r"AGREE|APPROVE|DELEGATE|ENDORSE)\b|\bI agree to\b|"
                       # a recommendation's verb, then the action in capitals: "Agree to TRANSFER the statutory …"
                       r"\b(?:Agree|Approve|Endorse|Delegate)\s+(?:to\s+)?[A-Z]{3,}\b|"
                       # what the report asks the meeting to decide, when the record of its decision is not indexed
                       # (its verb often in capitals: "Cabinet is asked to NOTE the Quarter 3 Performance Report")
                       r"\b(?:is|are) (?:asked|recommended|invited|requested) to (?i:note|agree|approve|endorse|"
                       r"consider|comment|decide|resolve)\b")
# how a vote went (parse/minutes.py: records_vote): "How did the vote go?", "Was the amendment carried?"
# a count of members for or against: "How many councillors backed the motion?" (a vote's tally)
_VOTE_Q = re.compile(r"\bvot(?:e|es|ed|ing)\b|\babstain(?:ed|ing|s)?\b|\babstentions?\b|"
                     r"\b(?:motion|amendment|recommendations?)\b.*"
                     r"\b(?:carried|passed|lost|defeated|fell|rejected)\b(?!\s+out\b)|"
                     r"\bhow many (?:councillors|members)\b.*\b(?:back(?:ed)?|support(?:ed)?|oppos(?:e|ed)|"
                     r"favou?r(?:ed)?)\b", re.IGNORECASE)
# a vote that is no meeting's: the public's in an election ("how many young people voted in the youth council
# elections?")
_NOT_A_MEETING_VOTE = re.compile(r"\bvot(?:e|es|ed|ing)\s+(?:in|at)\s+(?:[\w'’-]+\s+){0,6}?(?:elections?|ballots?|"
                                 r"referend(?:um|a)|polls?)\b", re.IGNORECASE)


def asks_how_a_vote_went(question: str) -> bool:
    """Whether ``question`` asks about a meeting's vote (_VOTE_Q), with the votes it says are none left out: the
    public's vote in an election."""
    return bool(_VOTE_Q.search(_NOT_A_MEETING_VOTE.sub(" ", question)))



# "which agency does the council work with …?", "through which joint body …?": a named organisation, service or
# scheme (a capitalised name or an acronym); one, not a list ("which services …" may be answered by common nouns),
# and not "which group of children …"
_ENTITY_NOUNS = (r"agency|body|organi[sz]ation|partnership|service|team|charity|provider|trust|programme|program|"
                 r"scheme|project|initiative|tool|toolkit|model|framework|authority|council|partner|company|hub|"
                 r"centre|center|network|unit|forum|app|system|platform|fund|panel|committee|board|group|firm")
# a reference a paper prints: a risk's or a project's code ("CRR0056"), a decision's number ("23/00101")
_REFERENCE = re.compile(r"\b(?:[A-Z]{2,}\d{2,}|\d{2}/\d{5})\b")


# "what is the decision number for …?", "what is its reference number?": a reference, printed as a record of
# decision prints one ("DECISION NO: 24/00096") or a register its codes; not a question giving the reference itself
_REFERENCE_Q = re.compile(r"^(?![^?]*" + _REFERENCE.pattern + r")[^?]*(?:\b(?:decision|reference|ref|record|risk|"
                          r"project)\s+(?:no\b|number|code|ref(?:erence)?\b)|\bwhat (?:is|was|are|were) (?:the|its|"
                          r"their) (?:reference|code)s?\b)", re.IGNORECASE)


def references(question: str) -> list[str]:
    """The references ``question`` gives ("what does the register say about CRR0056?" → ["CRR0056"])."""
    return _REFERENCE.findall(question)


# "which agency …?", and a name asked for outright: "what is the team called?", "what name does it give to …?",
# "what is the name of the scheme …?"
_ENTITY_Q = re.compile(r"\bwhich\s+(?!(?:years?|months?|dates?|days?|weeks?|quarters?)\b)(?:[\w'’-]+\s+){0,3}?(?:"
                       + _ENTITY_NOUNS + r")\b(?!\s+of\b)|"
                       r"\bwhat (?:is|are|was|were)\b[^?,;]*\b(?:called|known as)\s*(?:[?,;]|and\b|$)|\bwhat (?:is the )?name\b",
                       re.IGNORECASE)
# a capitalised word or acronym inside a sentence (not its first word): a name, unless the question gives it
_CAPITALISED = re.compile(r"(?<![.!?:;•\n]\s)\b[A-Z][\w'’&-]*")
_NOT_A_NAME = frozenset("""i a an the this these those it its they their he she we our ofsted council councils
local authority authorities children child young people january february march april may june july august september
october november december monday tuesday wednesday thursday friday saturday sunday mr mrs ms dr cllr""".split())


@lru_cache(maxsize=256)
def _not_names(question: str) -> frozenset[str]:
    """The words a name must not be: the question's own and the common ones (_NOT_A_NAME). Kept for the last
    questions, as asks_for_name is: every candidate paragraph of a "which agency …?" question asks again."""
    words = [w.lower() for w in re.findall(r"[\w'’-]+", question)]  # "Sunderland's" gives Sunderland too
    return frozenset(words) | {POSSESSIVE.sub("", w) for w in words} | _NOT_A_NAME


# the bodies a name ends with ("which panel …?" is answered by "the Corporate Parenting Panel")
_BODY_Q = re.compile(r"\bwhich\s+(?:[\w'’-]+\s+){0,2}?(panel|committee|board|group|partnership|forum|trust)\b",
                     re.IGNORECASE)


def asks_a_body(question: str) -> bool:
    """Whether ``question`` asks which body did something ("which trust took over the school?", "which panel
    …?"): a body's name answers it ("the Oasis Community Learning Trust"), not "a new trust"; "which group of
    service users …?" asks for people, not a body."""
    m = _BODY_Q.search(question)
    return m is not None and not re.match(r"\s+of\b", question[m.end():])


def names_something(text: str, question: str) -> bool:
    """Whether ``text`` names an organisation, service or scheme the question does not: a capitalised word or an
    acronym past a sentence's first word that the question does not use and that is not a common word; for "which
    panel …?", a name of a panel ("the Corporate Parenting Panel")."""
    if body := _BODY_Q.search(question):
        noun = body.group(1)
        named = re.finditer(rf"(?:\b[A-Z][\w'’&-]*\s+)+(?i:{noun})\b", text)
        if not any(m.group(0).split()[0].lower() not in _NOT_A_NAME for m in named):
            return False
    excluded = _not_names(question)
    for m in _CAPITALISED.finditer(text.strip()):
        word = POSSESSIVE.sub("", m.group(0).lower())
        if m.start() > 0 and not {word, word.rstrip("s")} & excluded and len(word) > 1:
            return True
    return False


# "has the council improved since its last inspection?", "is it better or worse than in 2019?" ask whether things changed:
# a sentence that says they improved, declined or stayed the same answers it, not one that sets the scene
_CHANGE_Q = re.compile(r"^\s*(?:has|have|is|are|did|does|do)\b.*\b(?:improv\w*|got (?:better|worse)|better|worse|"
                       r"deteriorat\w*|declin\w*|changed|progress\w*)\b", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:improv\w+|deteriorat\w+|declin\w+|unchanged|(?:not|no longer)\s+(?:been\s+)?"
                     r"(?:sustained|tackled|addressed)|sustained|strengthened|weakened|better|worse|stronger|weaker|"
                     r"progress(?:ed)?)\b", re.IGNORECASE)

# "what did Mr Hook say about the budget?": what one member said, in the minutes' words for speaking
_SPEAKER_Q = re.compile(r"\b(?i:what did) (?:(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame)\.?\s+)(?:[A-Z]\.?\s+)*"
                        r"(?P<name>[A-Z][a-z'’-]+)\s+(?i:say|said|ask|argue|raise|propose|suggest|tell|think|want|"
                        r"question|comment|explain)\b")
_SPOKE = (r"(?:said|says|asked|referred|questioned|highlighted|stated|noted|commented|raised|explained|expressed|"
          r"argued|welcomed|proposed|moved|suggested|added|responded|replied|confirmed|spoke|reiterated|emphasised|"
          r"shared|disagreed|agreed|acknowledged|queried|challenged|urged|stressed|felt|considered|believed)")


def speaker_asked(question: str) -> str | None:
    """The surname of the member whose words ``question`` asks for ("what did Mr Hook say …?" -> "Hook")."""
    m = _SPEAKER_Q.search(question)
    return m.group("name") if m else None


def speaks(text: str, surname: str) -> bool:
    """Whether ``text`` reports ``surname`` speaking ("Mr Hook said there had been …", "Mr Hook, Leader of the
    Liberal Democrat Group, explained …"), not merely naming them (a list of those who voted)."""
    return bool(re.search(rf"\b{re.escape(surname)}\b(?:\s*\([^)]{{0,80}}\))?(?:,[^,.]{{0,80}},)?\s+{_SPOKE}\b", text))


# "what did the monitoring visit find?", "what did the inspection conclude?": asked with no subject, what was found is
# the answer, in the words that report a finding, not the background that sets the visit in its place
_FINDING_Q = re.compile(r"^\s*what did (?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?(?:find|conclude|identify)"
                        r"\s*(?:\?|$|\b(?:in|at|during|when)\b)|"
                        # "what was the outcome of the 2020 monitoring visit?", "what were the inspection's findings?"
                        r"^\s*what (?:was|were) (?:the|its|their)\s+(?:outcomes?|findings|conclusions?|results?)"
                        r"\s+of\s+"
                        r"(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,4}?(?:visits?|inspections?|reviews?|audits?)"
                        r"\s*(?:\?|$|\b(?:in|at|during|of)\b)", re.IGNORECASE)
_FINDING = re.compile(r"\b(?:found|finds|noted|identified|observed|concluded|recogni[sz]ed|highlighted|praised|"
                      r"were (?:positive|pleased|assured|impressed|reassured|satisfied)|saw)\b", re.IGNORECASE)

# the clause in which members propose or second an amendment: "(7) Mr Brady proposed, and Ms Meade seconded the
# following amendment"
_PUTS_AMENDMENT = re.compile(r"\b(?:proposed|seconded|moved)\b[^.:;]{0,60}?\b(?:following|an|the|this|his|her)\s+"
                             r"amendment\b[^.;]*", re.IGNORECASE)


def _without_amendments_put(text: str) -> str:
    """``text`` without the clauses in which members propose or second an amendment (from the clause's start, the
    last full stop, colon or semicolon before the verb)."""
    out, end = [], 0
    for m in _PUTS_AMENDMENT.finditer(text):
        start = max(text.rfind(".", 0, m.start()), text.rfind(":", 0, m.start()), text.rfind(";", 0, m.start())) + 1
        if start >= end:
            out.append(text[end:start])
            end = m.end()
    return " ".join(out + [text[end:]]) if out else text


# a vote on an amendment ("put to the vote the amendment set out in paragraph 7 …", "Amendment lost"), and a question
# that may ask about one: it names an amendment, a proposal or a change, an alternative budget, a party or group, or a
# member ("Mr Hood's"). "How did the vote on the budget go?" asks how the budget (the substantive motion) was voted,
# not how the six amendments debated before it were
_AMENDMENT_VOTE = re.compile(r"\bto the vote\s+the\s+amendment\b|\bput\s+the\s+amendment\b[^.]{0,60}?\bto the vote\b|"
                             r"\bAmendment\s+(?:was\s+)?(?:carried|lost|fell|defeated|agreed)\b", re.IGNORECASE)
_ABOUT_AN_AMENDMENT = re.compile(r"\bamend|\bproposals?\b|\bchange|\balternative\b|\blabour\b|\bliberal democrats?\b|"
                                 r"\bgreens?\b|\breform\b|\bconservatives?\b|\bindependents?\b|\bgroups?\b|"
                                 r"\bopposition\b|\b(?:mr|mrs|ms|miss|dr|cllr|councillor)\.?\s+[a-z]", re.IGNORECASE)


def about_an_amendment(question: str) -> bool:
    """Whether a vote question may be about an amendment (names one, a proposal or change, a party or a member)."""
    return bool(_ABOUT_AN_AMENDMENT.search(question))


# kind -> (question asks for it, text holds it)
# an age is not a count: "aged 16 and 17", "16- and 17-year-olds", "children who are 16 and 17 years old"
_AGE = re.compile(r"\b(?:aged|ages|age of|turn|turning|turned|turns|reaching|reached|reach|become|becomes|becoming)\s+\d{1,2}"
                  r"(?:\s*(?:and|to|or|-|–)\s*\d{1,2})?\b|"
                  # "over 21", "under 18" (but "over 20 children", "under 10 staff" count them)
                  r"\b(?:over|under|approach|approaches|approaching)\s+\d{1,2}(?:\s*(?:and|to|or|-|–)\s*\d{1,2})?\b"
                  r"(?!\s+(?!years\b|olds\b|plus\b)(?:children|people|staff|[a-z]+s)\b)"
                  r"(?!\s*(?:%|per\s*cent\b|percent\b|\.\d))|"  # ("over 42%", "under 5.5" are shares, not ages)
                  r"\b\d{1,2}(?:-?\s*(?:and|to|or|-|–)\s*\d{1,2})?(?:(?:-\s?| )years?(?:-| )olds?| years of age)\b|"
                  r"\b\d{1,2}(?:st|nd|rd|th)\s+birthdays?\b|"  # "prior to their 18th birthday"
                  # "well met beyond 18.", "support up to 25, or": an age the sentence ends on (not "up to 12 weeks")
                  r"\b(?:beyond|past|up to|until)\s+\d{1,2}(?=\s*(?:[.,;:)]|$|(?:and|or|when|if|where)\b))|"
                  r"\b0\s?(?:-|–|to)\s?\d{1,2}\b",  # an age band from birth: "the 0-25 team", "0–19 services"
                  re.IGNORECASE)
# "up to what age can care leavers get support?", "how old are the children …?": an age
_AGE_Q = re.compile(r"\b(?:what|which) ages?\b|\bhow old\b", re.IGNORECASE)
# an age as a sentence gives it: _AGE's forms, and "until they are 25", "once they reach 18", "age 21"
_AN_AGE = re.compile(_AGE.pattern + r"|\b(?:until|till|up to|before|after|once|when|as|if)\s+(?:they|he|she|the young "
                     r"(?:person|people)|young people|children|care leavers)\s+(?:are|is|reach|reaches|turn|turns|become|"
                     r"becomes)\s+(?:aged\s+)?\d{1,2}\b|\bage\s+(?:of\s+)?\d{1,2}\b|\b\d{1,2}\s*\+", re.IGNORECASE)

# "which pages of the Cabinet papers cover the plan?": an agenda's "(Pages 461 - 610)" (any paragraph's own page is
# in its citation, so an answer need not print one: preferred, never required)
_PAGES_Q = re.compile(r"\b(?:which|what) pages?\b|\bpage numbers?\b", re.IGNORECASE)
_PAGES = re.compile(r"\bPages?\s+\d+(?:\s*[-–]\s*\d+)?\b", re.IGNORECASE)

# "what does Bradford need to improve?", "what does Newham need to get better at?": what needs improving
NEEDS_IMPROVING = re.compile(r"\b(?:needs?|needed|has|have|had) to (?:be )?improv(?:e|ed)\b|\bneeds? improving\b|"
                             r"\b(?:must|should) (?:be )?improv(?:e|ed)\b|"
                             r"\b(?:(?:needs?|needed|has|have|had) to|must|should) (?:get|do) better(?: at| on)?\b|"
                             r"\bget better at\b", re.IGNORECASE)
# "what does Sandwell need to improve for care leavers?", "what weaknesses did inspectors find in planning?": what
# falls short, as Ofsted's reports say it ("is not consistently", "too long", "variable", "need to improve")
_WEAKNESS_Q = re.compile(NEEDS_IMPROVING.pattern + r"|\b(?:weakness(?:es)?|shortcomings?|failings|fall(?:s|ing)? short|"
                         r"areas? for (?:improvement|development)|improvements? (?:needed|required))\b", re.IGNORECASE)
_WEAKNESS = re.compile(r"\b(?:not|n[’']t)\s+(?:yet|always|consistently|sufficiently|routinely|fully|well enough|"
                       r"enough|timely|effective\w*|robust\w*|clear\w*|strong\w*|good enough)\b|"
                       r"\b(?:inconsistent\w*|variable|variability|"
                       r"weak\w*|poor\w*|delay\w*|drift|gaps?|lack\w*|limited|insufficient\w*|inadequate|too "
                       r"(?:long|slow\w*|late|many|few|high|low|often)|need(?:s|ed)? to (?:be )?improv\w*|"
                       r"require[sd]? improvement|(?:less|not) (?:effective|consistent|timely|robust)|shortfall|"
                       r"concern\w*|challeng\w*|difficult\w*|declin\w*|deteriorat\w*)\b", re.IGNORECASE)

KINDS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "number": (_NUMBER_Q, _NUMBERISH),
    "duration": (_DURATION_Q, re.compile(_NUMBERISH.pattern + "|" + _TIME.pattern, re.IGNORECASE)),
    "money": (_MONEY_Q, _MONEY),
    "rate": (_RATE_Q, _RATE),
    "time": (_WHEN_Q, _TIME),
    "future": (_FUTURE_Q, _FUTURE),
    "person": (_WHO_Q, _PERSON),
    "grade": (_GRADE_Q, _GRADE),
    "name": (_ROLE_Q, _TITLED_NAME),  # asked only with a who or name-of question (expected); held: names_holder
    "attendance": (_ATTENDANCE_Q, _ATTENDANCE),
    "vote": (_VOTE_Q, TO_THE_VOTE),  # held: records_vote
    "decision": (_DECISION_Q, _DECISION),
    "change": (_CHANGE_Q, _CHANGE),
    "finding": (_FINDING_Q, _FINDING),
    "entity": (_ENTITY_Q, _CAPITALISED),  # held: names_something
    "age": (_AGE_Q, _AN_AGE),
    "pages": (_PAGES_Q, _PAGES),
    "weakness": (_WEAKNESS_Q, _WEAKNESS),
    "reference": (_REFERENCE_Q, _REFERENCE),
}
# kinds whose absence from every quote makes the answer abstain ("who" alone is left out: a role, a board or a team
# can answer "who leads the recovery?" without a person's name; "who is the director?" needs a name)
REQUIRED = ("number", "duration", "money", "rate", "time", "future", "name", "reference")


def required(question: str, kinds: list[str]) -> list[str]:
    """Of ``kinds`` (asked by ``question``), those an answer must give or abstain (REQUIRED): not the time when the
    question only opens with a "When …," clause, nor a sum when it asks how a vote went ("what was the vote on the
    budget?" is answered by the votes cast, not by a sum)."""
    scene = sets_the_scene(question)
    trend = bool(_SAID_OF_A_MEASURE.search(question))
    return [k for k in kinds if k in REQUIRED and not (k == "time" and scene)
            and not (k == "money" and "vote" in kinds) and not (k in ("number", "rate") and trend)]


# "what did Ofsted say about the proportion of children in residential homes?": what was said of the measure, which
# a trend answers ("the proportion … is increasing") as well as a figure
_SAID_OF_A_MEASURE = re.compile(r"\b(?:say|said|says|find|found|report|reported|comment|commented|note|noted)\s+"
                                r"(?:about|on|of)\s+(?:the\s+)?(?:proportion|percentage|share|rate|number|numbers|level|"
                                r"levels)\s+of\b", re.IGNORECASE)


# a performance report's red / amber / green rating, not one of Ofsted's grades: "how many KPIs were rated red?"
_RAG = re.compile(r"\b(?:rated|ratings?|RAG)\b[^?]{0,30}?\b(?:red|amber|green)\b|"
                  r"\b(?:red|amber|green)\b[^?]{0,20}?\b(?:rated|ratings?)\b|\bRAG\b", re.IGNORECASE)


def expected(question: str) -> list[str]:
    """The kinds of answer ``question`` asks for, e.g. ["number"] for "how many posts were created?"."""
    return list(_expected(question))


@lru_cache(maxsize=256)  # asking reads its question's kinds at each step (retrieval, selection, the answer)
def _expected(question: str) -> tuple[str, ...]:
    return tuple(kind for kind, (asks, _) in KINDS.items() if asks.search(question)
                 and (kind != "name" or asks_for_name(question)) and (kind != "grade" or asks_grade(question))
                 and (kind != "vote" or asks_how_a_vote_went(question)))


def asks_grade(question: str) -> bool:
    """Whether ``question`` asks for an Ofsted grade: not a performance report's red, amber or green rating."""
    return bool(KINDS["grade"][0].search(question)) and not _RAG.search(question)


# "18. ", "3.11 ", "(4) " before a paragraph's text; a bare "18 " is kept ("18 children were ...")
_PRINTED_NUMBER = re.compile(r"^\s*(?:\(\d{1,3}\)|\d{1,3}(?:\.\d{1,3})+\.?|\d{1,3}[.)])\s+")


_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
# a figure with its scale word: the question's own "£1.4 million" is left out whole, not as "£ million", whose
# "million" would read as a figure the text gives
_SCALED_FIGURE = re.compile(r"(\d[\d,.]*\d|\d)(?:\s*(?:hundred|thousand|million|billion|bn|m|k)\b)?", re.IGNORECASE)
_YEARISH = re.compile(r"\b(?:19|20)\d\d(?:[-/–]\d\d)?\b|"  # a year, a financial year, a day and month, days
                      r"\b(?:\d{1,2}(?:st|nd|rd|th)?\s*(?:to|and|-|–)\s*)?"  # ("9 to 13 February": inspection dates)
                      r"\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
                      re.IGNORECASE)


# a figure joined to a word is part of a name or a label, not a count: "COVID-19", "post-18 support", "KS4"
_NAMED_FIGURE = re.compile(r"\b[A-Za-z]+-?\d+\b")


# a telephone number, a clock time or an address's digits are not a count: "Tel: 03000 414043", "at 10.00 am"
# (nor a reference number, zero-padded: "Decision No: 24/00093")
_CONTACT_FIGURES = re.compile(r"\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b|\b\d{1,2}[.:]\d{2}\s?(?:am|pm)\b|\S+@\S+|"
                              r"\b\d{1,4}/0\d{2,}\b", re.IGNORECASE)
# nor a web address's digits: "https://democracy.example.gov.uk/documents/s127160/Item%208.pdf"
_WEB_ADDRESS = re.compile(r"(?:\bhttps?://|\bwww\.)\S+", re.IGNORECASE)
# a postcode is an address, not a figure: "County Hall, Maidstone, Kent, ME14 1XQ"
_POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b")
# a number word with a capital inside a sentence is part of a name: "(One Adoption North and Humber)"
_NAMED_NUMBER = re.compile(r"(?:(?<=[a-z,;:] )|(?<=\())(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b")
# "one" in a phrase counts nothing: "see one another", "one-to-one work", "a one-off payment", "no one", "at one time"
ONE_IDIOM = re.compile(r"(?<=[‘“\"'])one\b|\b(?:one another|one[- ]to[- ]one|one[- ]off|no[- ]one|some ?one|any ?one|every ?one|"
                       r"at one (?:time|point|stage)|one or (?:more|other|both)|one way or another|"
                       # "one of the most complex cases" ranks; "the most appropriate one for each child" stands for a noun
                       r"one of the (?:most|least|[a-z]+est)|(?:the|this|that|a|an|each|every)\s+(?:[a-z]+\s+){1,2}?one"
                       r"(?=\s*(?:[.,;:)]|$|(?:for|to|that|which|who|with|in|on|at|is|was|are|and|or)\b))|"
                       # "One adopter said: …", "one young person told inspectors …": whose words follow, not a count
                       r"one (?:[a-z][\w'’-]* ){1,2}(?:said|says|told|tells|commented|described|explained|stated|"
                       r"wrote|added)|"
                       # "in the words of one child", "the experience of one family": an example, not a count
                       r"(?:words?|views?|experiences?|examples?|cases?|stor(?:y|ies)|journeys?) of one)\b",
                       re.IGNORECASE)
# a number that labels is not a count: "Year 7", "Key Stage 4", "Table 4", "section 17", "priority 4", "Quarter 3"
_LABEL_NUMBER = re.compile(r"\b(?:years?|key stages?|stages?|tables?|figures?|charts?|sections?|paragraphs?|paras?|"
                           r"items?|appendix|appendices|annex(?:es)?|priorit(?:y|ies)|options?|minutes?|quarters?|"
                           r"phases?|steps?|levels?|bands?|tiers?|rounds?|wards?|schedules?|clauses?|rules?|"
                           r"regulations?|articles?|chapters?|pages?|outcomes?|enablers?|no\.?)\s+\d{1,3}(?:\.\d+)*(?:\s*(?:and|to|-|–)\s*"
                           r"\d{1,3})?\b(?!\s*%)", re.IGNORECASE)
# "how many children …?" is not answered by a time, a distance or a sum: "14 hours a week", "within 20 weeks",
# "placed more than 20 miles from its borders", "£7,488"
# (a time written in words too: "due to run for eight weeks", "over the next two years")
_QUANTITY = r"(?:\b\d[\d,.]*|\b(?:" + NUMBER_WORDS + r"|a few|several))"
# (a span of them too: "between four and eight months")
_NOT_A_HEADCOUNT = re.compile(r"£\s?\d[\d,.]*\s*(?:[mk]|bn|million|billion)?\b|" + _QUANTITY +
                              r"(?:\s*(?:and|to|or|-|–)\s*" + _QUANTITY + r")?"
                              # ("over two million miles")
                              r"(?:\s+(?:hundred|thousand|million|billion))?"
                              r"\s*(?:-\s*)?(?:hours?|days?|weeks?|months?|years?|minutes?|hrs?|mins?|"
                              r"miles?|kilometres?|km|metres?)\b",
                              re.IGNORECASE)
# "25-26", "24/25": a financial year written short (its years one apart), no count
_SHORT_FINANCIAL_YEAR = re.compile(r"(?<![\d£$.,/-])\b(\d\d)\s*[-/–]\s*(\d\d)\b(?![\d/.-]|\s*%)")
# the time over which something was counted: "in the last 12 months", "over the past three years"
_WINDOW = re.compile(r"\b(?:in|over|during|within|for|across|throughout)\s+the\s+(?:last|past|previous|preceding)\s+"
                     r"(?:\d+|" + NUMBER_WORDS + r"|twelve|eighteen|twenty-four)\s+(?:days?|weeks?|months?|years?)\b",
                     re.IGNORECASE)
_COUNTS_TIME = re.compile(r"\bhow many\s+(?:more\s+|fewer\s+|extra\s+|additional\s+)?(?:hours?|days?|weeks?|months?|"
                          r"years?|minutes?)\b", re.IGNORECASE)
# an age band naming a service or a group, after "the" or "for": "the 18-25 section", "for 0-19 services"
_AGE_BAND = re.compile(r"\b(?:the|for|our|its|their)\s+(?:[01]?\d|2[0-5])\s*[-–]\s*(?:1\d|2[0-5])\b(?!\s*%)"
                       r"(?!\s+(?:and|or|to)\b)", re.IGNORECASE)


def _short_financial_years(text: str) -> str:
    return _SHORT_FINANCIAL_YEAR.sub(lambda m: " " if int(m.group(2)) == (int(m.group(1)) + 1) % 100
                                     else m.group(0), text)


# "what is the average caseload?" asks for a count as "how many" does (not "the average wait", "the average cost")
_AVERAGE_COUNT_Q = re.compile(r"\bwhat (?:is|was|are|were) the (?:average|mean|median|total number)\s+(?!(?:time|"
                              r"length|duration|wait|waiting|delay|cost|spend|spending|amount|value|price|salary|pay|"
                              r"age|budget|funding|grant|income)\b)", re.IGNORECASE)
_COUNTS_TIME_OR_MONEY = re.compile(r"\bhow many\s+(?:more\s+|fewer\s+|extra\s+|additional\s+)?(?:hours?|days?|weeks?|"
                                   r"months?|years?|minutes?|times?|pounds?|£)", re.IGNORECASE)
# "by how much has it cut agency staff?" asks for a change, which a multiple gives ("halved the use of agency staff")
_CHANGE_BY_Q = re.compile(r"\bby how much\b|\bhow much (?:has|have|had|did|does|do|is|are|was|were)\b.{0,80}?\b(?:reduc|"
                          r"cut|f[ae]ll|drop|decreas|increas|r[io]se|rising|gr[eo]w|chang)", re.IGNORECASE)
# a part of something in words, or a change by one, is no headcount: "dropping by a quarter", "a third of posts"
_FRACTION = re.compile(SHARE_IN_WORDS.pattern + r"|\bby (?:(?:a|one|two|three)[\s-]+)?(?:half|third|quarter|fifth|"
                       r"tenth)s?\b", re.IGNORECASE)
_MULTIPLE = re.compile(r"\b(?:halved|doubled|tripled|trebled|quadrupled)\b", re.IGNORECASE)
# digits inside a name ("the Care4us group", "KS4", "the M25"): no count
_WORD_WITH_DIGITS = re.compile(r"\b[A-Za-z]+\d+[A-Za-z]*\b")
# a number word joined to a noun describes, it does not count: "seven-minute briefings", "a two-week wait"
_COMPOUND_WORD = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)-(?!(?:one|two|three|four|"
                            r"five|six|seven|eight|nine)\b)[a-z]+", re.IGNORECASE)


# what a sum of money is, in local-government finance: a question about one kind ("what salary …?", "how much did
# the scheme cost?") is not answered by a sum of another kind (a grant, a department's underspend), so the sentence
# giving the sum must name its kind. A question naming none ("how much money was moved …?") is not checked.
_MONEY_KINDS = {
    "cost": r"cost\w*|spend\w*|spent|expenditure|paid|pays?|price\w*|charge[sd]?|fees?|invoice\w*",
    "salary": r"salar\w*|wages?|remuneration|pay|paid|earn\w*",
    "income": r"grants?|fund\w*|allocat\w*|award\w*|receiv\w*|income|given|giving|contribut\w*",
    "saving": r"sav(?:e|ed|es|ing|ings)|cuts?|reduc\w*",
    "variance": r"overspen\w*|underspen\w*|variance\w*|pressures?",
    "budget": r"budget\w*",
    "debt": r"debt\w*|borrow\w*|loans?",
    "reserve": r"reserves?|balances?",
    "rent": r"rent\w*|lease\w*",
}
_MONEY_KIND_RX = {k: re.compile(r"\b(?:" + v + r")\b", re.IGNORECASE) for k, v in _MONEY_KINDS.items()}


# a sum's word naming a meeting, a paper or a process, not the sum asked for: "the budget meeting", "the funding
# bid", "the savings report"
_NAMES_AN_OCCASION = re.compile(r"\s+(?:meetings?|debates?|reports?|papers?|setting|monitoring|process|consultation|"
                                r"motions?|amendments?|books?|round|bids?|statement|strategy|cycle|session|day)\b",
                                re.IGNORECASE)


def money_kinds(question: str) -> set[str]:
    """The kinds of sum ``question`` asks about ("what salary …?": salary); empty when it names none. A word that
    names one kind only outweighs one that several share: "what salary does Kent pay its Chief Executive?" asks
    for a salary, which "pay" alone would leave open to any cost ("Non Attributable Costs (£7.0m)")."""
    found: dict[str, bool] = {}  # kind -> named by a word of its own
    for kind, rx in _MONEY_KIND_RX.items():
        for m in rx.finditer(question):
            if _NAMES_AN_OCCASION.match(question, m.end()):
                continue  # "at the February budget meeting": when, not the kind of sum asked for
            shared = any(other != kind and orx.fullmatch(m.group(0)) for other, orx in _MONEY_KIND_RX.items())
            found[kind] = found.get(kind, False) or not shared
    return {kind for kind, own in found.items() if own} or set(found)


# "the externally funded element", "the core funded budget": how a thing is paid for, said of the thing a sum is of,
# not a sum of funding ("a net impact of -£20.8m" on reserves is no funding received)
_FUNDED_THING = re.compile(r"\b(?:[a-z]+ly|core)[\s-]+funded\s+(?!(?:by|from|through|via|with|to|for|at|in|on|and|or|"
                           r"as|until|under|of|the|a|an|its|their|this|that|these|those|it|them|our|his|her|"
                           r"some|all|each|every|any|both|most|many|much|more|less)\b)(?=[a-z])", re.IGNORECASE)


def states_sum_of(kinds_asked: set[str], sentence: str) -> bool:
    """Whether ``sentence`` gives a sum and names it as one of ``kinds_asked``; a word naming how a thing is paid
    for ("the externally funded element") names no sum of that kind."""
    named = _FUNDED_THING.sub(" ", sentence)
    return bool(_MONEY.search(sentence)) and any(_MONEY_KIND_RX[k].search(named) for k in kinds_asked)


# a sum in a sentence, with its sign and scale: "-£0.7m", "- £5m", "£426k", "£1,769.6m", "£40 million"
_A_SUM = re.compile(r"(?:[-+–]\s?)?£\s?\d[\d,.]*(?:\s?(?:m|bn|k|million|billion)\b)?", re.IGNORECASE)
# words between a sum and what governs it that say how exact it is: "of approximately -£0.7m", "is now £35.4m"
_HEDGE = re.compile(r"(?:\s+(?:approximately|approx\.?|around|about|circa|c\.?|some|over|under|almost|nearly|"
                    r"roughly|up to|more than|less than|at least|in excess of|an estimated|estimated|now|currently|"
                    r"a total of|in the region of|just|only|a further|further|an additional|additional|another|a|an))+\s*$",
                    re.IGNORECASE)
# a verb or linking word a sum is the object or complement of, the noun phrase before it naming the sum: "savings
# of £80.3m", "The total Dedicated Schools' Grant for 2024-25 is £1,769.6m", "an overspend (£35.4m)"
_LINKED = re.compile(r"(?:\s+(?:of|is|was|are|were|be|been|totall?ing|amounting\s+to|worth|stood\s+at|stands\s+at)"
                     r"|\s*[:(])\s*$", re.IGNORECASE)
# where a noun phrase read back from a sum begins: a clause's punctuation, a verb or word joining clauses, a sum
_PHRASE_START = re.compile(r"[,;:()\[\]\u2013\u2014]|\b(?:to|that|which|who|where|when|while|is|was|are|were|be|been|"
                           r"being|has|have|had|will|would|can|could|should|may|might|must|by|as|than|with|"
                           r"includ\w*|but)\b|[-+]?£\S*", re.IGNORECASE)
# a preposition after a noun phrase's head: "savings on agency spend of £x" names savings, not a spend
_AFTER_HEAD = re.compile(r"\s(?:on|in|for|against|across|within|from|at|towards|over|under|into|of|relating\s+to|"
                         r"reported|arising)\s", re.IGNORECASE)
# a noun straight after a sum, a word between at most: "the £426k annual cost", "a £3.4m reduction", "£40 million
# in savings" (not "£2m on agency staff", which the verb before it names)
_NOUN_AFTER = re.compile(r"\s*(?:(?:pa|per\s+annum|in|of)\s+)?(?:[a-z-]+\s+)?[a-z]+", re.IGNORECASE)
# a verb whose object or measure a sum is: "will save £426k", "underspend by -£1.2m", "reduced by £3.5m"
_VERB_BEFORE = re.compile(r"\b(?:[a-z]+\s+){0,2}[a-z]+\s+by\s*$|\b[a-z]+\s*$", re.IGNORECASE)
# the verb after a sum in its clause, which names it as well: "£4m has been allocated", "£2m was spent on agency"
_VERB_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:has|have|had|is|was|are|were|will|would|to)\s+(?:be\s+|been\s+|being\s+|now\s+)*"
                         r"[a-z]+", re.IGNORECASE)


def _kinds_named(words: str) -> set[str]:
    named = _FUNDED_THING.sub(" ", words)
    return {k for k, rx in _MONEY_KIND_RX.items() if rx.search(named)}


def sum_kinds(sentence: str) -> list[set[str] | None]:
    """The kinds of sum (money_kinds) each sum of ``sentence`` is, by the words governing that sum alone: the noun
    straight after it ("a £3.4m reduction"), the verb it is the object or measure of ("will save £426k", "reduced by
    £3.5m") or the head of the noun phrase it is said of, the first of its parts between prepositions naming a kind
    ("savings on agency spend of £2m": a saving; "the forecast overspend on Schools' Delegated Budgets of £30.4m": a
    variance). None where nothing names its kind ("a net impact of -£20.8m", a table's cell): a sum of any kind."""
    out: list[set[str] | None] = []
    for m in _A_SUM.finditer(sentence):
        after = _NOUN_AFTER.match(sentence, m.end())
        kinds = set() if not after or re.match(r"\s*(?:on|for|to|from|by|and|or)\b", sentence[m.end():]) \
            else _kinds_named(after.group(0))
        before = _HEDGE.sub("", sentence[: m.start()])
        if linked := _LINKED.search(before):
            phrase = before[: linked.start()]
            starts = list(_PHRASE_START.finditer(phrase))
            phrase = phrase[starts[-1].end():] if starts else phrase
            kinds |= next((k for part in _AFTER_HEAD.split(f" {phrase} ") if (k := _kinds_named(part))), set())
        elif verb := _VERB_BEFORE.search(before):
            kinds |= _kinds_named(verb.group(0))
        if verb_after := _VERB_AFTER.match(sentence, m.end()):
            kinds |= _kinds_named(verb_after.group(0))
        out.append(kinds or None)
    return out


# a report's reference to the inspection before it, with its date: "since the last inspection of children’s services
# in 2022", "at the previous inspection in March 2019"
_LAST_INSPECTION = re.compile(r"\b(?:since|at|during|following|after)\s+(?:the|its|their)\s+(?:last|previous|prior|"
                              r"preceding|most recent)\s+(?:\w+\s+)?(?:inspection|visit)\b[^.;:]{0,50}?"
                              r"\b(?:19|20)\d\d\b", re.IGNORECASE)
# (a judgement is an inspection's: "when were its services previously judged good?" is answered by "since the last
# inspection in November 2021, when services were judged to be good")
_ABOUT_INSPECTION_Q = re.compile(r"\binspect\w*|\bofsted\b|\bvisit\b|\b(?:judged|graded)\b|\bpreviously rated\b",
                                 re.IGNORECASE)


def about_inspection(question: str) -> bool:
    """Whether ``question`` asks about an inspection or a visit itself ("when did Ofsted inspect Havering?")."""
    return bool(_ABOUT_INSPECTION_Q.search(question))


# words in curly quotation marks, to the closing mark or, where the quote runs on past the text, to its end
_QUOTED_WORDS = re.compile(r"“[^”]*(?:”|$)")
# words in single quotation marks, to the closing mark that ends a word ("Children’s" does not close them)
_SINGLE_QUOTED = re.compile(r"(?<!\w)‘.*?(?:’(?!\w)|$)", re.DOTALL)
# a sentence that asks
_ASKED = re.compile(r"[^.?!]*\?")


@lru_cache(maxsize=8192)  # asking reads a candidate's text for the same kind again (its second stage, its answer)
def holds(kind: str, text: str, question: str = "", strict: bool = False) -> bool:
    """Whether ``text`` gives an answer of ``kind``; a paragraph's printed number ("18. ") is not a figure, nor is
    a figure the question itself gives ("how many care leavers over 21 …" is not answered by "aged over 21").

    ``strict``: whether the text states the answer, as an answer must ("how many children …?" is not answered by
    "children aged 16 and 17"), rather than whether it is the kind of text that may (a retrieval preference)."""
    text = _PRINTED_NUMBER.sub("", text, count=1)
    given = set(_FIGURE.findall(question))
    if given:
        text = _SCALED_FIGURE.sub(lambda m: " " if m.group(1) in given else m.group(0), text)
    if kind == "number":
        if _CHANGE_BY_Q.search(question) and _MULTIPLE.search(text):
            return True
        if strict:
            text = _WEB_ADDRESS.sub(" ", text)
        text = _NAMED_FIGURE.sub(" ", _YEARISH.sub(" ", _POSTCODE.sub(" ", _short_financial_years(text))))
        if strict:
            # "in the last 12 months" says over what time something was counted, not how long anything took: no
            # answer to "how many weeks do families wait?"; "the 18-25 section", "for 0-19 services": an age band
            text = _AGE_BAND.sub(" ", _WINDOW.sub(" ", text) if _COUNTS_TIME.search(question) else text)
            for noise in (_CONTACT_FIGURES, _AGE, _NAMED_NUMBER, ONE_IDIOM, _COMPOUND_WORD, _LABEL_NUMBER,
                          _WORD_WITH_DIGITS):
                text = noise.sub(" ", text)
            if (re.search(r"\bhow many\b", question, re.IGNORECASE) or _AVERAGE_COUNT_Q.search(question)) \
                    and not _COUNTS_TIME_OR_MONEY.search(question):
                text = _NOT_A_HEADCOUNT.sub(" ", text)
                if not _RATE_Q.search(question):  # nor by a share ("16% of all children looked after" says what
                    text = _FRACTION.sub(" ", _SHARE.sub(" ", text))  # part, not how many), unless it asks for one
    if kind == "decision":  # a resident's quoted words ("“… the council decided to close …”") record no decision,
        # nor does a paper quoting a decision taken elsewhere ("‘DELEGATE authority to the Director …’ in recognition
        # of …": the record of decision records it) or asking a question ("had the Council decided at that point …?")
        text = _ASKED.sub(" ", _SINGLE_QUOTED.sub(" ", _QUOTED_WORDS.sub(" ", text)))
    if kind == "time" and strict:
        if not _WHEN_IN_LIFE.search(question):  # "16- and 17-year-olds" says how old, not when; but "when do
            text = _AGE.sub(" ", text)  # children in care get a personal adviser?" asks at what stage of life
        if not _HOW_SOON.search(question):  # "a next-day account", "same-day visits": how soon, not when; but how
            text = _TIME_COMPOUND.sub(" ", text)  # soon is what "how soon …?" asks ("an eight-day check-in")
        if _CLOCK_Q.search(question):
            return bool(CLOCK.search(text))
        if _DATE_Q.search(question) and not _CALENDAR_DATE.search(text) or \
                _YEAR_Q.search(question) and not _A_YEAR.search(text):
            return False
        if not about_inspection(question):  # "since the last inspection in 2022" dates the last
            text = _LAST_INSPECTION.sub(" ", text)  # inspection, not what the question asks about
    if kind == "duration" and asks_how_long_it_takes(question):  # "how long do children wait …?": "within 15
        return gives_time_taken(text)  # working days", "wait too long", not "Inspection dates: 11 to 15 September"
    if kind == "duration" and strict:  # "how long will the data be kept?": a span of time or when it ends ("six
        return bool(_TIME.search(text))  # years", "until March 2026"), not a bare figure ("data from 18-25")
    if kind == "name":
        return names_holder(text, question)
    if kind == "vote":
        return records_vote(text) and not (_AMENDMENT_VOTE.search(text) and not _ABOUT_AN_AMENDMENT.search(question))
    if kind == "entity":
        return names_something(text, question)
    if kind == "person" and question and (holder_strength(text, question) == 2 or _ATTENDANCE.search(text)):
        return True  # "Lead inspector: John Roughton", "PRESENT: Shellina Prendergast (Chair), …": people, untitled
    return bool(KINDS[kind][1].search(text))


# a question asking for a sum by its kind, its noun straight after "what" (a few words between) and then its verb:
# "what forecast revenue overspend did the report give?", "what savings target is set?" (not "what did the report say
# about the overspend?", nor "what budget monitoring report …": a sum's word naming a paper, money_kinds; nor
# "what level of reserves …?", which a share or a range answers as well as a sum)
_SUM_ASKED = re.compile(r"^\s*(?:and\s+|so\s+)?(?:what|which)\s+(?!(?:[\w'’-]+\s+){0,2}(?:levels?|ranges?|shares?|"
                        r"proportions?|percentages?|rates?)\b)(?:[\w'’-]+\s+){0,3}?(?:overspends?|underspends?|"
                        r"costs?|savings?|grants?|deficits?|surplus|budgets?|reserves?|variances?|salary|salaries|"
                        r"income|debts?|borrowing|rents?)\s+(?:target\s+)?(?:did|does|do|is|was|were|are|has|have|had|"
                        r"will|would)\b", re.IGNORECASE)


def asks_change(question: str) -> bool:
    """Whether ``question`` asks by how much something changed ("by how much has agency spend fallen?"), which a sum
    of a reduction or a variance answers whatever sum it names."""
    return bool(_CHANGE_BY_Q.search(question))


def sum_asked(question: str) -> set[str]:
    """The kinds of sum (money_kinds) a question asks for by naming it after "what" ("what forecast revenue
    overspend did the report give?": variance), which the question kinds do not read as asking for a sum; empty when
    it asks for none."""
    return money_kinds(question) if _SUM_ASKED.search(question) else set()
