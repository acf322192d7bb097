"""Answers to "how many inspections has Medway had?" and "when was Medway's first inspection?": one council's
indexed Ofsted inspection reports, oldest first, each cited by the line of its title block that gives the
inspection's dates.

Retrieval has no paragraph that counts a council's reports, or says which came first: it quoted a report's count
of children in care for the one, and the newest report's dates for the other. What the index holds answers both,
and the answer says it is what the index holds (earlier inspections may not be indexed).
"""

from __future__ import annotations

import re

from ..query.filters import Filters
from ..query.implied import Implied
from ..parse.sentences import split_sentences
from ..records import Citation, DocMeta, Hit, Paragraph, long_date
from ..track.timeline import citation_for
from .judged import per_report

# "how many inspections has Medway had?", "how many times has Ofsted inspected Medway?", "how many Ofsted reports
# are there on Medway?"
_HOW_MANY = re.compile(r"\bhow many (?:times\b.*\binspect\w*|(?:ofsted )?(?:inspections|inspection reports|"
                       r"ofsted reports)\b)|\bhow many\b.*\breports\b.*\bofsted\b", re.IGNORECASE)
# "when was Medway's first inspection?", "what did its earliest Ofsted report find?" is not asked here: the
# question must be about the inspection itself (when, or which)
_FIRST = re.compile(r"^\s*(?:when|which|what)\b.*\b(?:first|earliest|oldest)\s+(?:ofsted\s+)?(?:inspection|report)"
                    r"(?:\s+report)?\s*(?:of\s+\w+(?:\s+\w+)?\s*)?\??\s*$|\bwhen was\b.*\bfirst inspected\b",
                    re.IGNORECASE)
# "has Medway been inspected since 2023?", "have there been any inspections of Kent since 2022?"
_SINCE = re.compile(r"^\s*(?:has|have|was|were|is|are)\b.*\binspect\w*\b.*\bsince\b", re.IGNORECASE)
_GRADE = re.compile(r"\b(?:grades?|graded|ratings?|rated|judged|judgements?|judgments?|overall effectiveness)\b",
                    re.IGNORECASE)
_DATES = re.compile(r"\bInspection dates?\b", re.IGNORECASE)
# "what did inspectors find at Bolton's previous inspection?", "what was identified at its prior inspection?" (not
# "its last inspection", which is its newest)
_FOUND_BEFORE = re.compile(r"^\s*(?:what|which)\b.*\b(?:previous|prior|preceding|earlier)\s+(?:ofsted\s+)?"
                           r"inspection\b", re.IGNORECASE)


def asks_inspections(question: str, implied: Implied) -> bool:
    """Whether ``question`` asks how many inspections of one council there were, or when (or which) was its first,
    naming no year; or whether it has been inspected since a year."""
    if len(implied.org_names) != 1 or not implied.orgs:
        return False
    if implied.no_report_year is not None:  # "how many areas for improvement were identified at Slough's 2019
        # inspection?": what a later report says of that inspection (a grade asked is the ordinary answer's)
        return not _GRADE.search(question) and not re.search(r"\b(?:previous|prior|preceding|earlier|last)\b",
                                                                  question, re.IGNORECASE)
    if implied.years or implied.months:
        return False
    if _FOUND_BEFORE.search(question) and not _GRADE.search(question) and not implied.previous_report:
        return True  # "what did inspectors find at Bolton's previous inspection?": its report, if indexed
    if implied.since_year:
        return bool(_SINCE.search(question))
    return bool(_HOW_MANY.search(question) or _FIRST.search(question))


def _inspected_year(meta: DocMeta) -> int | None:
    """The year an inspection began (its report's own dates), else the year its report was published."""
    if meta.inspected:
        return int(meta.inspected[:4])
    return meta.year


def inspection_lines(data, question: str, effective: Filters, implied: Implied
                     ) -> tuple[list[str], list[Citation]]:
    """The council's indexed inspection reports, oldest first, each cited by its title block's dates line: for
    "how many", their number, then the list; for "the first", the oldest on the first line, then the later ones.
    No lines when none of its reports is indexed (the ordinary answer is tried instead)."""
    reports = sorted((m for m in data.docs.values()
                      if m.doc_type == "ofsted-inspection" and m.org_slug in implied.orgs),
                     key=lambda m: m.date or "")
    if not reports:
        return [], []
    rows = data.rows_by_doc()
    if implied.no_report_year is not None:
        return _said_of_an_earlier_inspection(data, question, implied, reports, rows)
    if _FOUND_BEFORE.search(question) and not _GRADE.search(question):
        return _said_of_the_previous_inspection(data, implied, reports, rows)
    cited = [(m, *_dates_line(data, m, rows.get(m.doc, ()))) for m in reports]
    who, n = implied.org_names[0], len(reports)
    citations = [Citation.from_hit(Hit(paragraph=p, meta=m, score=1.0, rank=i + 1), quote)
                 for i, (m, p, quote) in enumerate(cited)]
    lines = [f"- published {long_date(m.date) if m.date else 'undated'}: {c.quote} [{c.label}]"
             for (m, _, _), c in zip(cited, citations)]
    if implied.since_year and _SINCE.search(question):
        since = implied.since_year
        later = [i for i, (m, _, _) in enumerate(cited) if (_inspected_year(m) or 0) > since]
        if not later:
            return ([f"No Ofsted inspection of {who} after {since} is indexed. The newest indexed report, "
                     f"{lines[-1][2:]}"], citations[-1:])
        head = (f"Yes: {len(later)} indexed Ofsted inspection report{'s' if len(later) != 1 else ''} on {who} "
                f"{'come' if len(later) != 1 else 'comes'} from after {since}:")
        return [head] + [lines[i] for i in later], [citations[i] for i in later]
    if _HOW_MANY.search(question):
        head = (f"{n} Ofsted inspection report{'s' if n != 1 else ''} on {who} {'are' if n != 1 else 'is'} "
                f"indexed{', oldest first' if n > 1 else ''} (inspections before {'them' if n > 1 else 'it'} may not be):")
        return [head] + lines, citations
    first = (f"The earliest of the {n} indexed Ofsted inspection reports on {who}" if n > 1 else
             f"The one indexed Ofsted inspection report on {who}")
    if _GRADE.search(question):
        # "what was Cumberland's overall grade in its first inspection?" asks for that report's judgement (of the
        # area asked about, overall effectiveness unless another is named), not its dates; none that its
        # judgement table gives: the ordinary answer, which reads the first report
        own = [r for r in per_report(data, question, effective) if r.doc == reports[0].doc]
        if not own:
            return [], []
        c = citation_for(data, own[0], rank=1)
        return [f"{first} (inspections before it may not be indexed), published "
                f"{long_date(reports[0].date) if reports[0].date else 'undated'}: {own[0].text} [{c.label}]"], [c]
    out = [f"{first} (inspections before it may not be indexed), {lines[0][2:]}"]
    if n > 1:
        out += ["The later ones:"] + lines[1:]
    return out, citations


def _dates_line(data, meta: DocMeta, rows) -> tuple[Paragraph, str]:
    """The report's paragraph that gives its inspection dates (its title block, on page 1 or 2) and the line of it
    that does; else its first paragraph and that paragraph's first line."""
    paragraphs = [data.paragraphs[int(r)] for r in rows]
    for p in paragraphs:
        if (p.page_start or 1) > 2:
            break
        line = next((ln.strip() for ln in p.text.splitlines() if _DATES.search(ln)), None)
        if line:
            return p, line
    p = paragraphs[0] if paragraphs else Paragraph(id=meta.doc, doc=meta.doc, ordinal=0, text=meta.title or meta.doc)
    return p, p.text.splitlines()[0].strip() if p.text.strip() else (meta.title or meta.doc)


# the words of a question about an earlier inspection that say nothing of what is asked
_NOT_ASKED = frozenset(
    "what which how many much were was did does do the a an of in at for to and on by its their his her with from "
    "that this there been being have has had ofsted inspection inspections inspected inspectors report reports "
    "council local authority children's childrens services service year time".split())


def _stem(word: str) -> str:
    """A word's first five letters, less a plural's "s" ("areas" and "area" alike)."""
    return word.removesuffix("'s").rstrip("s")[:5]


def _said_of_an_earlier_inspection(data, question: str, implied: Implied, reports: list[DocMeta], rows
                                   ) -> tuple[list[str], list[Citation]]:
    """"How many areas for improvement were identified at Slough's 2019 inspection?" when no report of 2019 is
    indexed: the sentence of a later report on the council that names that year's inspection and shares a word of
    what is asked ("… were judged requires improvement in 2019 and seven areas for improvement were
    identified."), quoted as that report's account of it, never the later report's own findings. It must share
    two of the question's words at least, and half of them: one word shared ("care leavers in 2019") is not what
    was asked. No lines when none does (the ordinary answer declines)."""
    year = implied.no_report_year
    who = implied.org_names[0]
    named = " ".join(implied.org_names).lower()
    asked = {_stem(w) for w in re.findall(r"[a-z][a-z'’]+", question.lower().replace("’", "'"))
             if len(w) > 3 and w not in _NOT_ASKED and w.removesuffix("'s") not in _NOT_ASKED and w not in named
             and w.removesuffix("'s") not in named}
    best: tuple[int, DocMeta, Paragraph, str] | None = None
    for m in reports:
        if (m.year or 0) <= year:
            continue
        for r in rows.get(m.doc, ()):
            p = data.paragraphs[int(r)]
            for sentence in split_sentences(p.text):
                if not re.search(rf"\b{year}\b", sentence) or not _OF_AN_INSPECTION.search(sentence) \
                        or _A_VISIT.search(sentence) and not re.search(r"\binspect", sentence, re.IGNORECASE) \
                        or re.search(rf"\b(?:since|following|after)\b[^.;]*?\b{year}\b", sentence, re.IGNORECASE):
                    continue  # "Since the last inspection in 2019, …, there has been a decline": the later report's
                shared = len(asked & {_stem(w) for w in re.findall(r"[a-z][a-z']+", sentence.lower())})
                if shared >= max(2, (len(asked) + 1) // 2) and (best is None or shared > best[0]):
                    best = (shared, m, p, sentence.strip())
    if best is None:
        return [], []
    _, m, p, sentence = best
    c = Citation.from_hit(Hit(paragraph=p, meta=m, score=1.0, rank=1), sentence)
    years = ", ".join(str(y) for y in sorted({r.year for r in reports if r.year is not None}))
    return [f"The indexed documents include no Ofsted report on {who} from {year} (its reports indexed are from "
            f"{years}); its report published {long_date(m.date) if m.date else 'undated'} says of that inspection: "
            f"{sentence} [{c.label}]"], [c]


# a sentence about an inspection: "judged requires improvement in 2019", "the previous inspection in 2019", "Areas
# identified for improvement in 2022, …"; not one about a focused or monitoring visit alone ("weaknesses identified
# at a focused visit in February 2024")
_OF_AN_INSPECTION = re.compile(r"\binspect\w*|\bjudged\b|\bjudge?ments?\b|\bareas? (?:identified )?for improvement\b",
                               re.IGNORECASE)
_A_VISIT = re.compile(r"\bvisits?\b", re.IGNORECASE)


# a later report's sentence on the inspection before it ("The areas for improvement identified at the last
# inspection …", "… since the last inspection in 2021, when the overall effectiveness was inadequate"), and what
# that inspection found or judged; not one that only dates the later report's own findings ("Since the last
# inspection in 2018, Bolton children's services has continued to provide good-quality services …")
_THE_LAST = re.compile(r"\b(?:last|previous|prior|preceding)\s+(?:[\w'’()-]+\s+){0,3}?inspection\b", re.IGNORECASE)
_FOUND_THEN = re.compile(r"\b(?:identified|found|judged|rated|highlighted|raised|areas? for (?:improvement|"
                         r"development)|recommendations?|weakness\w*|shortfalls?|when (?:it|they|services|the)\b)",
                         re.IGNORECASE)
MAX_SAID = 4


def _said_of_the_previous_inspection(data, implied: Implied, reports: list[DocMeta], rows
                                     ) -> tuple[list[str], list[Citation]]:
    """"What did inspectors find at Bolton's previous inspection?" when its one indexed report is of the inspection
    after it: the sentences of that report that say what the inspection before it found or judged, quoted as its
    account of it, in the report's order; never the later report's own findings (retrieval quoted them). That it
    says nothing of it, when none does, cited by its dates line. No lines when an earlier report is indexed (the
    ordinary answer, narrowed to it, quotes it)."""
    if len(reports) != 1:
        return [], []
    m, who = reports[0], implied.org_names[0]
    when = long_date(m.date) if m.date else "undated"
    said: list[tuple[Paragraph, str]] = []
    for r in rows.get(m.doc, ()):
        p = data.paragraphs[int(r)]
        for sentence in split_sentences(p.text):
            found = _THE_LAST.search(sentence)
            if found and _FOUND_THEN.search(sentence) and len(said) < MAX_SAID:
                said.append((p, sentence.strip()))
    if not said:
        p, quote = _dates_line(data, m, rows.get(m.doc, ()))
        c = Citation.from_hit(Hit(paragraph=p, meta=m, score=1.0, rank=1), quote)
        return [f"No report of {who}'s previous Ofsted inspection is indexed, and its one indexed report, published "
                f"{when} ({quote} [{c.label}]), says nothing of what that inspection found."], [c]
    citations = [Citation.from_hit(Hit(paragraph=p, meta=m, score=1.0, rank=i + 1), quote)
                 for i, (p, quote) in enumerate(said)]
    return [f"No report of {who}'s previous Ofsted inspection is indexed; its report published {when}, of the "
            f"inspection after it, says of it:"] + [f"- {c.quote} [{c.label}]" for c in citations], citations
