"""Local-government glossary: expands abbreviations and everyday phrasings into the words reports use."""

from __future__ import annotations

import re

# term (lower case, as a user may type it) -> words the documents use for it
GLOSSARY: dict[str, str] = {
    "step-down": "children stepping down from social care to early help",
    "step down": "children stepping down from social care to early help",
    "step-up": "children stepping up from early help to statutory social care",
    "cin": "child in need",
    "cp": "child protection",
    "cpp": "child protection plan corporate parenting panel",
    "cla": "children looked after in care",
    "lac": "looked after children in care",
    "plo": "public law outline pre-proceedings",
    "mash": "multi-agency safeguarding hub front door",
    "ehcp": "education health and care plan",
    "send": "special educational needs and disabilities",
    "iro": "independent reviewing officer",
    "uasc": "unaccompanied asylum-seeking children",
    "pa": "personal adviser",
    "dcs": "director of children's services",
    "ilacs": "inspection of local authority children's services",
    "jtai": "joint targeted area inspection",
    "sgo": "special guardianship order",
    "neet": "not in education employment or training",
    "ofsted": "ofsted inspection inspectors",
    "care leavers": "care leavers leaving care",
    "children in care": "children in care looked after",
    "homeless": "homelessness housing accommodation",
    "caseloads": "caseloads caseload workload open cases",
    "caseload": "caseloads workload open cases",
    "social workers": "social workers workforce",
    "promise": "will commit committed plan",
    "promised": "will commit committed plan",
    "rating": "judgement grade overall effectiveness",
    "ratings": "judgement grade overall effectiveness",
    "rated": "judgement grade overall effectiveness",
    "front door": "mash contacts referrals",
    "pandemic": "covid-19 coronavirus",
    "covid": "covid-19 coronavirus pandemic",
    "recovery": "improvement",
    "drop in": "hub",
    # everyday words for what reports call something else (both directions)
    "unaccompanied asylum": "UASC unaccompanied asylum-seeking children",
    "asylum seekers": "UASC unaccompanied asylum-seeking children",
    "looked after": "children in care LAC CLA",
    "early adopter": "trailblazer pilot pathfinder early adopter",
    "pilot": "trailblazer pathfinder pilot site",
    "exams": "attainment educational outcomes GCSE results exclusions virtual school",
    "at school": "education attendance exclusions virtual school",
    "college": "further education higher education university progression training",
    "university": "higher education university progression",
    "home educated": "elective home education education outside the school system",
    "home education": "elective home education education outside the school system",
    "work experience": "apprenticeships internships internal roles ambassadors employment",
    "on its own again": "disaggregation separate arrangements",
    "shared services": "joint arrangements shared trust partnership disaggregation",
    "turn up homeless": "presenting as homeless 16- and 17-year-olds housing",
    "teenagers": "adolescents young people 16- and 17-year-olds",
    "older children": "16 plus care leavers young people aged 16 to 25",
    "foster carers": "fostering foster carers",
    "adoption": "adopted adoption special guardianship permanence",
    "mental health": "emotional wellbeing CAMHS mental health",
    "exploitation": "exploitation criminal sexual exploitation missing",
    "budget": "budget revenue spending forecast",
    # health scrutiny and governance vocabulary
    "intervene": "call-in call in refer referral Secretary of State",
    "minister": "Secretary of State minister",
    "health secretary": "Secretary of State for Health and Social Care",
    "reorganisation": "reconfiguration substantial variation service change",
    "service changes": "substantial variations reconfiguration",
    "disputed": "refer referral contested",
    "favour": "preference preferred option agreed",
    "prefer": "preference preferred option agreed",
    "reshuffle": "restructure consolidate merge committees",
    "proposed and seconded": "proposer seconder moved",
    "proposed": "proposer moved proposal",
    "seconded": "seconder",
    "amendment": "amendment motion proposer seconder",
    "net budget": "net revenue budget requirement",
    "business rates": "business rates retained NNDR",
    "overspend": "overspend forecast outturn pressures",
    "vote": "voting for against abstain carried lost",
    "voted": "voting for against abstain carried lost",
}


def _pattern(term: str) -> re.Pattern[str]:
    # abbreviations only when written in capitals ("SEND", not "send"; "PA", not "pa")
    if term.isalpha() and len(term) <= 5 and term not in ("ofsted", "covid", "exams"):
        return re.compile(r"(?<![\w-])" + re.escape(term.upper()) + r"s?(?![\w-])")
    return re.compile(r"(?<![\w-])" + re.escape(term) + r"(?![\w-])", re.I)


_PATTERNS = [(_pattern(k), v) for k, v in sorted(GLOSSARY.items(), key=lambda kv: -len(kv[0]))]


def expand(query: str) -> str:
    """The query followed by the glossary words for the terms it contains (words already in the query are not
    repeated: a repeated word would count twice in the keyword score)."""
    asked = {w.lower() for w in re.findall(r"[\w'-]+", query)}
    extra = []
    for pat, v in _PATTERNS:
        if pat.search(query):
            new = [w for w in v.split() if w.lower() not in asked]
            asked.update(w.lower() for w in new)
            if new:
                extra.append(" ".join(new))
    return f"{query} ({'; '.join(dict.fromkeys(extra))})" if extra else query
