"""Ofsted findings: judgements and grades, improvement items, inspection findings; and findings that committee
reports relay from monitoring visits."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..parse.sentences import split_sentences
from ..records import DocMeta, Paragraph
from . import topics
from .items import TrackRecord
from .text import clean, find_due, unnumbered

_GRADE = (r"(?:requires\s+improvement(?:\s*/?\s*to\s+be\s+good)?|inadequate|good|outstanding|adequate|"
          r"grade\s+[1-4]\s*\((?:outstanding|good|adequate|inadequate)\))")
_GRADE_NAMES = {"1": "outstanding", "2": "good", "3": "adequate", "4": "inadequate"}
# judged areas, longest first so that "children in care and care leavers" wins over "children in care"
AREAS = [
    # (the 2026 framework's wording drops "social work": "The impact of leaders on practice with children and families")
    ("impact of leaders", r"the impact of leaders on (?:social work )?practice with children and families"),
    ("help and protection", r"the experiences and progress of children who need help and protection"),
    ("children in care and care leavers", r"the experiences and progress of children in care and care leavers"),
    ("children in care", r"the experiences and progress of children in care(?! and)"),
    # a word allowed before "care leavers": reports published from July 2025 print "The experiences and progress of
    # children care leavers: …" (14 of the 159 in the shared corpus)
    ("care leavers", r"the experiences and progress of (?:\w+ )?care leavers"),
    ("overall effectiveness", r"overall effectiveness(?! of services for)"),
    ("help and protection", r"(?<!experiences and progress of )children who need help and protection"),
    ("children looked after and permanence", r"children looked after and achieving permanence"),
    ("adoption performance", r"adoption performance"),
    ("care leavers", r"experiences and progress of care leavers"),
    ("leadership, management and governance", r"leadership, management and governance"),
    ("local safeguarding children board", r"the local safeguarding children board(?: \(LSCB\))? (?:is|requires)"),
]
_AREA_GRADE = [(name, re.compile(rf"({rx})\s*[:\-–]?\s*(?:is\s+)?(?:that it (?:is|requires)\s+)?({_GRADE})\b",
                                 re.IGNORECASE)) for name, rx in AREAS]
_HEADING_GRADE = re.compile(rf"^(?P<area>[A-Z][^>]*?)\s+(?:Grade\s+(?P<num>[1-4])\s*\((?P<word>\w+)\)|"
                            rf":\s*(?P<g>{_GRADE})\.?$)", re.IGNORECASE)
_OVERALL_HEADING = re.compile(rf"^Children’?'?s services in [\w ]+? (?:are\s+|is\s+)?({_GRADE}|requires? improvement)",
                              re.IGNORECASE)
# a row of the page-1 judgement table, laid out one to a line by the parser (parse/judgements.py): a judged area and
# its grade, "The impact of leaders on practice with children and families: Outstanding", or an older report's
# numbered row, "2.1 Adoption performance: Good"; read by this structure, not by the area's wording, so that every
# row the table prints is a record whatever a framework calls its areas
_TABLE_ROW = re.compile(rf"^(?:\d(?:\.\d)?\.?\s+)?(?P<area>[A-Z][^:]{{2,160}}?)\s*:\s*(?P<grade>(?i:{_GRADE}))\.?$")
_MAX_AREA_WORDS = 16
_RECORD_ROW = re.compile(r"([A-Z][A-Za-z ,]+?)\s+(Outstanding|Good|Adequate|Inadequate)\s+Grade\s+[1-4]")
_IMPROVE_HEADING = re.compile(r"what needs to improve|areas? for (?:priority )?(?:action|improvement)|^recommendations?$",
                              re.IGNORECASE)
_TIMESCALE_BLOCK = re.compile(r"^\s*(Immediately|Within \w+ (?:weeks|months))\s*:\s*", re.IGNORECASE)
_NOT_FINDINGS = re.compile(
    r"^(?:contents|website|service information|information about this|local leadership|children living in this area|"
    r"child protection in this area|children looked after in this area|about this inspection|the inspection judgements|"
    r"summary for children and young people|recommendations?|what needs to improve|areas? for)", re.IGNORECASE)
_METHOD = re.compile(r"^\d+\.\s*(?:The purpose of the inspection|The evidence evaluated|All inspection judgements|"
                     r"This inspection|The inspection team)", re.IGNORECASE)
_MONITORING_HEADING = re.compile(r"monitoring visit|inspection findings|summary of (?:the )?(?:visit|inspection|findings)|"
                                 r"ofsted (?:findings|feedback|letter)|focused visit", re.IGNORECASE)
_INSPECTORS_SAY = re.compile(r"\binspectors?\s+(?:found|noted|recognised|commented|considered|agreed|supported|"
                             r"identified|judged|highlighted|observed)\b|\b(?:was|were)\s+found to\b", re.IGNORECASE)


def normalise_grade(raw: str) -> str:
    g = " ".join(raw.lower().replace("/", " ").split())
    num = re.match(r"grade\s+([1-4])", g)
    if num:
        return _GRADE_NAMES[num.group(1)]
    if g.startswith("require"):
        return "requires improvement to be good"
    return g


def _area_name(area: str) -> str:
    """A judged area's short name ("impact of leaders") where its wording is a known one, else the area as printed."""
    known = next((name for name, rx in AREAS if re.fullmatch(rx, area, re.IGNORECASE)), None)
    if known is None and area.lower().startswith("overall effectiveness"):
        known = "overall effectiveness"
    return known or area[:1].upper() + area[1:]


def _heading_tail(p: Paragraph) -> str:
    return (p.heading or "").split(" > ")[-1].strip()


def _judgements(paragraphs: list[Paragraph], m: DocMeta) -> list[TrackRecord]:
    out: list[TrackRecord] = []
    seen: set[str] = set()

    def add(area: str, grade: str, text: str, p: Paragraph) -> None:
        if area.lower() in seen:
            return
        seen.add(area.lower())
        out.append(TrackRecord.make("judgement", text, p, m, area=area, grade=normalise_grade(grade), who=m.organisation,
                                    topic=area))

    # the judgement table: the first pages (front matter and the 'Judgement Grade' paragraph)
    for p in paragraphs:
        if (p.page_start or 1) > 2 and p.ordinal > 6:
            break
        text = clean(p.text)
        for line in p.text.splitlines() if p.kind == "table" else []:
            if (row := _TABLE_ROW.match(clean(line))) and len(row.group("area").split()) <= _MAX_AREA_WORDS:
                add(_area_name(row.group("area")), row.group("grade"), clean(line)[row.start("area"):].rstrip("."), p)
        spans: list[tuple[int, int]] = []
        for name, rx in _AREA_GRADE:
            for mm in rx.finditer(text):
                if any(s <= mm.start() < e for s, e in spans):
                    continue
                spans.append((mm.start(), mm.end()))
                label = "overall effectiveness" if name == "overall effectiveness" else name
                add(label, mm.group(2), clean(mm.group(0)), p)
        h = _OVERALL_HEADING.match(_heading_tail(p))
        if h:
            add("overall effectiveness", h.group(1), _heading_tail(p), p)
        for line in p.text.splitlines() if p.kind == "table" else []:  # an older report's page-1 headline over its
            if h := _OVERALL_HEADING.match(line.strip()):  # grades (parse/judgements.py)
                add("overall effectiveness", h.group(1), line.strip(), p)
    # an older report's closing "Record of main findings": "Capacity to improve Adequate Grade 3 …"
    for p in paragraphs:
        text = clean(p.text)
        if text.lower().startswith("record of main findings"):
            for mm in _RECORD_ROW.finditer(text):
                area = re.sub(r"^(?:Record of main findings\s+)?(?:Services for looked after children\s+)?", "",
                              mm.group(1)).strip()
                area = "overall effectiveness" if area.lower() == "overall effectiveness" else area
                add(area, mm.group(2), f"{area[:1].upper()}{area[1:]}: {mm.group(2)} ({mm.group(0).rsplit(' ', 2)[-2]} "
                    f"{mm.group(0).rsplit(' ', 1)[-1]})", p)
    # section headings: "The experiences and progress of children who need help and protection: inadequate",
    # "Overall effectiveness of services for looked after children … Grade 4 (Inadequate)"
    first_under: dict[str, Paragraph] = {}
    for p in paragraphs:
        first_under.setdefault(_heading_tail(p), p)
    for heading, p in first_under.items():
        mm = _HEADING_GRADE.match(heading)
        if not mm:
            continue
        area = clean(mm.group("area")).rstrip(":")
        grade = _GRADE_NAMES[mm.group("num")] if mm.group("num") else mm.group("g")
        add(_area_name(area), grade, heading, p)
    return out


_FINDINGS_SENTENCES = 4  # sentences of a numbered paragraph that is no recommendation (with a list, a
# recommendation runs to five: "1. Ensure that all managers use performance management information …")
_STATES = re.compile(r"(?:the|a|an|this|these|those|its|their|there|most|many|some|all|each|every)\s", re.IGNORECASE)


def _improvement_items(paragraphs: list[Paragraph], m: DocMeta) -> list[TrackRecord]:
    out: list[TrackRecord] = []
    in_block = False  # inside an older report's "Areas for improvement … should take the following action" list
    bullets_under: dict[str, int] = {}  # bullets seen under each "What needs to improve" heading
    ended: set[str] = set()  # headings whose numbered recommendations have given way to findings
    for p in paragraphs:
        heading = _heading_tail(p)
        text = p.text.strip()
        if re.search(r"areas for improvement\s*$", text, re.IGNORECASE):
            in_block = True
        if re.search(r"should take the following action", text, re.IGNORECASE):
            in_block = True
            continue
        block = _TIMESCALE_BLOCK.match(text)
        if block and (in_block or "•" in text):
            in_block = True
            due = block.group(1)
            for item in re.split(r"\s*•\s*", text[block.end():]):
                item = clean(item)
                if len(item) > 15:
                    out.append(TrackRecord.make("improvement_item", item, p, m, due=due, who=m.organisation,
                                                topic=topics.tag(item)))
            continue
        if in_block and p.para:
            in_block = False
        is_bullet = p.kind == "bullet" or text.startswith(("•", "-", "–"))
        if not is_bullet and p.para and _STATES.match(unnumbered(text)) \
                and len(split_sentences(text)) >= _FINDINGS_SENTENCES:
            ended.add(heading)  # a numbered recommendation says what to do ("Ensure that …", "Take steps to …");
            # a paragraph of four sentences or more stating how things are ("The board is meeting its statutory
            # responsibilities …") under the same heading is the next section's finding, whose own heading ran
            # into the last recommendation ("… schools and colleges. Inspection findings – the Local Safeguarding
            # Children Board"), and so are the numbered paragraphs after it
        if heading in ended and not is_bullet:
            continue
        if _IMPROVE_HEADING.search(heading) and p.kind in ("bullet", "text") and len(text) > 15:
            # "What needs to improve" is a bulleted list; once it has bullets, a numbered body paragraph under the
            # same (unclosed) heading belongs to the next section's findings
            if is_bullet:
                bullets_under[heading] = bullets_under.get(heading, 0) + 1
            elif bullets_under.get(heading):
                continue
            item = re.sub(r"^\s*(?:•|\d+\.)\s*", "", text)
            out.append(TrackRecord.make("improvement_item", clean(item), p, m, who=m.organisation,
                                        due=find_due(item), topic=topics.tag(item)))
    return out


# a cover's fields, a table's row of figures and a page's footnote ("1 The areas for improvement have been
# cross-referenced with … the National Framework", printed at the foot of page 2 of 57 reports) are no findings
_NOT_READ = ("front-matter", "table-row", "note")


def _ofsted_findings(paragraphs: list[Paragraph], m: DocMeta, skip: set[str]) -> list[TrackRecord]:
    out = []
    for p in paragraphs:
        if p.id in skip or p.kind in _NOT_READ:
            continue
        heading = _heading_tail(p)
        text = clean(p.text)
        # a numbered body paragraph under an unclosed "What needs to improve" heading is a finding of the next section
        numbered_body = bool(p.para and re.fullmatch(r"\d+", p.para) and _IMPROVE_HEADING.search(heading))
        if (_NOT_FINDINGS.match(heading) and not numbered_body) or _METHOD.match(text) or len(text) < 60:
            continue
        if p.kind == "table" and text.startswith("Inspection of") and (lead := _after_judgements(p.text)):
            # the report's opening summary, printed under its judgement table on page 1 and read with it:
            # "… Overall effectiveness: Requires improvement to be good\nChildren and families living in Reading are
            # not currently receiving consistently good services. …"
            out.append(TrackRecord.make("finding", lead, p, m, who=m.organisation, topic=topics.tag(lead)))
            continue
        if re.match(r"^(?:Inspection of|This document may be|Further copies|Inspection dates?)", text) or \
                re.search(r"should take the following action", text):
            continue
        if sum(1 for _ in re.finditer(_GRADE, text, re.IGNORECASE)) >= 3 and len(text) < 400:
            continue  # a flattened judgement table
        out.append(TrackRecord.make("finding", text, p, m, who=m.organisation, topic=topics.tag(text)))
    return out


def _after_judgements(text: str) -> str | None:
    """The lines a title block's table runs on into after its last judgement line, when they are a paragraph."""
    lines = text.splitlines()
    last = max((i for i, line in enumerate(lines) if re.search(rf":\s*{_GRADE}\s*$", line, re.IGNORECASE)), default=None)
    if last is None:
        return None
    rest = clean(" ".join(lines[last + 1:]))
    return rest if len(rest) >= 60 and re.search(r"[.!?]$", rest) else None


# in a committee report's summary of a monitoring visit, the areas inspectors say still need to improve
_STILL_TO_IMPROVE = re.compile(r"\bneeds to improve\b|\b(?:further|more) work is (?:required|needed)\b|\bremains? an area\b|"
                               r"\bnot yet\b|\binconsistent\b|\bremains? problematic\b|\bvar(?:y|ies) in quality\b|"
                               r"\brequires? (?:further )?(?:improvement|focus|attention)\b|\bareas? for (?:improvement|"
                               r"development|priority action)\b", re.IGNORECASE)


_VISIT_METHOD = re.compile(r"^(?:[\d.]+\s+)?(?:This|The) (?:monitoring |focused )?(?:visit|inspection) was (?:undertaken|carried out|"
                           r"conducted|completed)\b", re.IGNORECASE)


def _relayed_findings(paragraphs: list[Paragraph], m: DocMeta) -> list[TrackRecord]:
    """Findings a committee report passes on from an inspection or monitoring visit (kind 'finding'), and the areas
    the inspectors said still need to improve (kind 'improvement_item')."""
    out = []
    for p in paragraphs:
        if p.kind in _NOT_READ:
            continue
        text = clean(p.text)
        if _VISIT_METHOD.search(text):
            continue  # how the visit was carried out, not what it found
        if _MONITORING_HEADING.search(_heading_tail(p)) or _INSPECTORS_SAY.search(text):
            kind = "improvement_item" if _STILL_TO_IMPROVE.search(text) else "finding"
            out.append(TrackRecord.make(kind, text, p, m, who="Ofsted inspectors", topic=topics.tag(text)))
    return out


def extract_findings(meta: DocMeta, paragraphs: Iterable[Paragraph]) -> list[TrackRecord]:
    """Judgements, improvement items and findings of an Ofsted report; relayed findings of a committee report."""
    paragraphs = list(paragraphs)
    if meta.doc_type != "ofsted-inspection":
        return _relayed_findings(paragraphs, meta)
    judgements = _judgements(paragraphs, meta)
    items = _improvement_items(paragraphs, meta)
    skip = {r.paragraph_id for r in items}
    return judgements + items + _ofsted_findings(paragraphs, meta, skip)
