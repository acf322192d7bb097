"""Metadata guessed from a document's text (type, organisation, committee, date, title), read from its first
pages, using what a conforming file name says where it says it."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ... import councils
from ...records import DOC_TYPES, long_date
from ...text.dates import MONTH_NAMES
from ..document import ExtractedDoc
from .file_name import SMALL_WORDS, UPPER_WORDS, NameParts, _cap, _humanise, org_display_name, org_slug_for

HEAD_PAGES = 2  # paged documents: the text rules read only the first pages (and the last for dates)
HEAD_LINES = 150  # unpaged documents: the first lines stand in for the first pages
TOP_LINES = 25  # non-empty lines that count as "the first lines" (title page block)

COMMITTEE_NAMES = {
    "cyp": "Children and Young People", "osc": "Overview and Scrutiny Committee",
    "hosc": "Health Overview and Scrutiny Committee", "cpp": "Corporate Parenting Panel",
}
COMMITTEE_WORDS = re.compile(
    r"\b(cabinet|council|committee|sub-committee|panel|board|scrutiny|forum|executive|assembly)\b", re.IGNORECASE
)
MONTHS = {m.lower(): i for i, m in enumerate(MONTH_NAMES, 1)}
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
              "oct": 10, "nov": 11, "dec": 12}
_MONTH_RE = "|".join(sorted({*MONTHS, *MONTH_ABBR}, key=len, reverse=True))
DATE_RE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_RE})\.?,?\s+(\d{{4}})\b", re.IGNORECASE
)
NUMERIC_DATE_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*"
LABEL_RE = re.compile(
    r"^(report from|from|by|to|subject|recommendations?(?:\(s\))?|summary|classification|status|author|"
    r"decision (?:no|number)\.?|key decision|past pathway(?: of report)?|future pathway(?: of report)?|"
    r"electoral divisions?|contact officer|purpose)\s*:",
    re.IGNORECASE,
)
OFSTED_TOP_RE = re.compile(
    r"inspection of\b[^.]{0,120}?\bchildren'?s(?: social care)? services"
    r"|inspection of services for children|inspection of looked after children|inspection of safeguarding"
    r"|children'?s services inspection|ofsted inspection of",
    re.IGNORECASE,
)
_ORG_SPAN = r"((?:(?!children'?s|inspection of|\d).){2,60}?)"
OFSTED_ORG_RES = (  # "Inspection of Stockport local authority children's services", "... Children and Families Trust"
    re.compile(rf"inspection of (?:the )?{_ORG_SPAN}\s+(?:local\s+authority\s+)?children'?s services", re.IGNORECASE),
    re.compile(rf"inspection of (?:the )?{_ORG_SPAN}\s+children(?:'s)? (?:and families |services )?trust", re.IGNORECASE),
)
COUNCIL_SUFFIX_RE = re.compile(
    r"\s+(?:(?:metropolitan |county |city |district )?borough council|(?:county |city |district )?council|city)$",
    re.IGNORECASE,
)
COUNCIL_LINE_RE = re.compile(
    r"^((?:[A-Z][\w'.]*[ -])*?[A-Z][\w'.]*)\s+((?:County |City |Borough |District |Metropolitan Borough |"
    r"County Borough )?Council)$"
)
COUNCIL_ANYWHERE_RE = re.compile(r"\b((?:[A-Z][a-z]+ ){1,3})(County|City|Borough|District) Council\b")
NOT_ORG = {"county", "city", "borough", "district", "full", "the", "this", "parish", "town", "metropolitan", "budget",
           "each", "every", "our", "your", "whole", "next", "last", "that", "local", "a", "an", "and", "of"}


@dataclass(frozen=True)
class _Head:
    """The normalised text the rules read: the first pages, their non-empty lines, and the last page."""

    lines: list[str]  # non-empty, whitespace-collapsed, straight apostrophes
    joined: str
    last: str


# ---------------------------------------------------------------- reading the text


def _normalise(line: str) -> str:
    line = line.replace("\u2019", "'").replace("\u2018", "'").replace("\u2011", "-").replace("\ufffc", " ")
    return " ".join(line.split())


def _head(doc: ExtractedDoc) -> _Head:
    if doc.paged:
        first = [line for page in doc.pages[:HEAD_PAGES] for line in page]
        last = doc.pages[-1] if len(doc.pages) > HEAD_PAGES else []
    else:
        page = doc.pages[0] if doc.pages else []
        first = page[:HEAD_LINES]
        last = page[-HEAD_LINES:] if len(page) > HEAD_LINES else []
    lines = [n for n in (_normalise(line) for line in first) if n]
    return _Head(lines=lines, joined=" ".join(lines), last=" ".join(_normalise(line) for line in last))


def _top(head: _Head, n: int = TOP_LINES) -> list[str]:
    return head.lines[:n]


# ---------------------------------------------------------------- doc_type


def _doc_type(name: NameParts | None, head: _Head) -> str:
    if name:
        kind, title = name.kind, (name.title or "").lower()
        if kind in DOC_TYPES:
            return kind
        if kind.startswith("ofsted"):
            return "ofsted-inspection"
        if "minutes" in title.split("-") or kind == "minutes":
            return "minutes"
        return "committee-report"
    top = _top(head)
    if any(re.match(r"^minutes\b(?! of the (?:last|previous))", line, re.IGNORECASE) for line in top):
        return "minutes"
    labels = sum(1 for line in top if LABEL_RE.match(line))
    if labels >= 2 or (labels and _text_committee(head)):
        return "committee-report"
    top_text = " ".join(_top(head, 15))
    if OFSTED_TOP_RE.search(top_text) or re.search(r"\binspection dates?\s*:", top_text, re.IGNORECASE):
        return "ofsted-inspection"
    if _is_agenda(head) or (_text_committee(head) and any(DATE_RE.search(line) for line in _top(head, 10))):
        return "committee-report"
    return "other"


def _is_agenda(head: _Head) -> bool:
    return any(re.match(r"^(agenda|summons to and agenda\b|agenda for a meeting\b)", line, re.IGNORECASE)
               for line in _top(head, 12))


# ---------------------------------------------------------------- organisation


def _organisation(name: NameParts | None, head: _Head, doc_type: str) -> tuple[str | None, str | None]:
    if name:
        return org_display_name(name.org_slug), name.org_slug
    org = _text_organisation(head, doc_type)
    if org and doc_type == "ofsted-inspection":  # Ofsted inspects the local authority: "Nottingham City" -> Nottingham
        org = COUNCIL_SUFFIX_RE.sub("", org) or org
    return (org, org_slug_for(org)) if org else (None, None)


def _text_organisation(head: _Head, doc_type: str) -> str | None:
    top = _top(head)
    for rx in OFSTED_ORG_RES:
        for m in rx.finditer(" ".join(top)):
            if not re.fullmatch(r"(?:the )?(?:local authority|council)(?:'s)?", m.group(1), re.IGNORECASE):
                return _tidy_org(m.group(1))
    if doc_type == "ofsted-inspection":
        for i, line in enumerate(top):
            m = re.match(r"^(.{2,50}?) children'?s services$", line, re.IGNORECASE)
            if m and not m.group(1).lower().startswith(("inspection", "integrated", "director", "the ")):
                return _tidy_org(m.group(1))
            if OFSTED_TOP_RE.match(line) and i > 0 and _looks_like_name(top[i - 1]):  # "Medway" above the title
                return _tidy_org(top[i - 1])
    for line in top:
        candidate = re.split(r"\s+[-–—]\s+|\s+[-–—]|[-–—]\s+", line)[0].strip()
        if candidate.isupper():
            candidate = candidate.title()
        m = COUNCIL_LINE_RE.match(candidate)
        if m and m.group(1).lower() not in NOT_ORG and len(candidate) < 60:
            return _tidy_org(candidate)
    counts = Counter(
        f"{m.group(1).strip()} {m.group(2)} Council"
        for m in COUNCIL_ANYWHERE_RE.finditer(head.joined)
        if not NOT_ORG.intersection(m.group(1).lower().split())
    )
    if counts:
        org, n = counts.most_common(1)[0]
        if n >= 2:  # named more than in passing
            return _tidy_org(org)
    return None


def _looks_like_name(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 6 and not re.search(r"\d|:", line) and all(
        w[0].isupper() or w.lower() in SMALL_WORDS for w in words
    )


def _tidy_org(org: str) -> str:
    """'Medway Council' -> 'Medway' (a unitary's plain 'Council' adds nothing); 'KENT' -> 'Kent'."""
    org = " ".join(org.replace("'S", "'s").replace(" & ", " and ").split()).strip(" ,.")
    if org.isupper() or org.islower():
        org = " ".join(_cap(w, i) for i, w in enumerate(org.lower().split()))
    org = re.sub(r"^(?:the )?London Borough of ", "", org, flags=re.IGNORECASE)
    org = re.sub(r"^(?:the )?(?:Royal )?Borough of ", "", org, flags=re.IGNORECASE)
    if re.search(r"\b(county|city|borough|district|metropolitan)\s+council$", org, re.IGNORECASE):
        return org
    return re.sub(r"\s+council$", "", org, flags=re.IGNORECASE) or org


# ---------------------------------------------------------------- committee


def _committee(name: NameParts | None, head: _Head) -> str | None:
    from_text = _text_committee(head)
    if name is None or name.kind in DOC_TYPES:
        return from_text
    if from_text and _compatible(name.kind, from_text):
        return from_text
    return _committee_from_slug(name.kind)


def _text_committee(head: _Head) -> str | None:
    top = _top(head, 40)
    for line in top:  # MINUTES of a meeting of the Cabinet held in ...
        m = re.search(r"\bminutes of (?:a|the) (?:\w+ )?meeting of (?:the )?(.+?)\s+held\b", line, re.IGNORECASE)
        if m and len(m.group(1)) < 90:
            return _tidy_committee(m.group(1))
    for line in top:  # To: Cabinet, 30 January 2025 / To Cabinet – 30 January 2025
        m = re.match(r"^[Tt][Oo](?:\s*:\s*|\s+(?=[A-Z]))(.+)$", line)
        if not m:
            continue
        value = re.split(r"\s*[,–—]\s*|\s+-\s+|\s+(?=\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\s+\d{4})", m.group(1))[0]
        if COMMITTEE_WORDS.search(value) and not re.search(r"\bmember\b", value, re.IGNORECASE) and len(value) < 80:
            return _tidy_committee(value)
    for line in _top(head, 12):  # CHILDREN AND YOUNG PEOPLE OVERVIEW AND SCRUTINY COMMITTEE
        part = re.split(r"\s*[-–—]\s*(?=\d)|\s*[–—]\s*", line)[0].strip()
        letters = re.sub(r"[^A-Za-z]", "", part)
        if not letters or not part.isupper():
            continue
        if re.search(r"\b(COMMITTEE|PANEL|BOARD|SUB-COMMITTEE|FORUM)$", part) or part in (
            "CABINET", "COUNTY COUNCIL", "FULL COUNCIL", "COUNCIL", "EXECUTIVE"
        ):
            return _tidy_committee(part)
    return None


def _tidy_committee(text: str) -> str:
    text = " ".join(text.split()).strip(" ,.:;")
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    if text.isupper() or text.islower():
        text = " ".join(_cap(w, i) for i, w in enumerate(text.lower().split()))
    return text


def _committee_from_slug(slug: str) -> str:
    words: list[str] = []
    for w in slug.lower().split("-"):
        words.extend(COMMITTEE_NAMES.get(w, w).split())
    text = " ".join(words)
    text = re.sub(r"\boverview (?!and )scrutiny\b", "overview and scrutiny", text, flags=re.IGNORECASE)
    text = " ".join(w if w[0].isupper() and w.lower() not in SMALL_WORDS else _cap(w, i)
                    for i, w in enumerate(text.split()))
    if re.search(r"scrutiny$", text, re.IGNORECASE):
        text += " Committee"
    return text


def _compatible(slug: str, committee: str) -> bool:
    """Does the committee named in the text match the file name's committee part ('cyp' ~ Children and Young People)?"""
    stop = {"and", "of", "the", "for"}
    words = [w for w in re.findall(r"[a-z0-9]+", committee.lower()) if w not in stop]
    initials = "".join(w[0] for w in words)
    for part in slug.lower().split("-"):
        if part in stop:
            continue
        if not any(w == part or w.startswith(part) or part.startswith(w) for w in words) and part not in initials:
            return False
    return True


# ---------------------------------------------------------------- date


def _date(head: _Head, doc_type: str) -> str | None:
    if doc_type == "ofsted-inspection":
        for text in (head.joined, head.last):
            found = _ofsted_date(text)
            if found:
                return found
    top = _top(head, 40)
    labelled = (
        r"^minutes of (?:a|the) (?:\w+ )?meeting\b",  # MINUTES of a meeting of the Cabinet held ... on Thursday, 9 January 2025
        r"^to(?:\s*:|\s+(?-i:[A-Z]))",  # To: Cabinet, 30 January 2025
        r"^(?:date(?: of (?:meeting|decision))?|meeting date)\s*:",
    )
    for pattern in labelled:
        line = next((x for x in top if re.match(pattern, x, re.IGNORECASE)), None)
        found = _first_date(line + " " + _next(top, line)) if line else None
        if found:
            return found
    for line in _top(head, 12):  # CORPORATE PARENTING PANEL – 29 October 2024
        if COMMITTEE_WORDS.search(line):
            found = _first_date(line)
            if found:
                return found
    for line in _top(head, 20):  # a date line: "1 OCTOBER 2020", "Thursday, 30th January, 2025, at 10.00 am"
        stripped = re.sub(rf"^{WEEKDAY}", "", line, flags=re.IGNORECASE)
        m = DATE_RE.match(stripped)
        if m and (len(stripped) - m.end() < 25 or re.match(r",?\s*at\b", stripped[m.end():])):
            return _iso(m)
    if doc_type == "ofsted-inspection" or _is_agenda(head):  # "Meeting on / Thursday, 13th March, / 2025"
        return _first_date(" ".join(_top(head, 15)))
    return None


_INSPECTION_DATES = re.compile(r"\binspection dates?\s*:?\s*(.{0,80})", re.IGNORECASE)
_RANGE_START = re.compile(rf"^\s*(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+({_MONTH_RE})\.?)?(?:,?\s+(\d{{4}}))?\s*(?:to|-|–|—)\s*",
                          re.IGNORECASE)


def _inspection_dates_span(text: str) -> str | None:
    """What follows "Inspection dates:" up to the lead inspector's line ("17 to 28 July 2023"); None without one."""
    m = _INSPECTION_DATES.search(text)
    if not m:
        return None
    return re.split(r"\b(?:lead|reporting|report|judgement|her|his)\b", m.group(1), flags=re.IGNORECASE)[0]


def _inspection_dates(head: _Head) -> str | None:
    """An inspection report's "Inspection dates: 17 to 28 July 2023" (or "28 November to 2 December 2022", or one
    date) as "2023-07-17/2023-07-28"; None when the report prints no such line."""
    span = _inspection_dates_span(head.joined)
    if span is None:
        return None
    dates = list(DATE_RE.finditer(span))
    end = _iso(dates[-1]) if dates else None
    if end is None:
        return None
    start = _iso(dates[0]) if len(dates) > 1 else None
    if start is None and (r := _RANGE_START.match(span)):
        month_word = (r.group(2) or dates[-1].group(2)).lower()
        month = MONTHS.get(month_word) or MONTH_ABBR.get(month_word)
        try:
            start = dt.date(int(r.group(3) or end[:4]), month or 0, int(r.group(1))).isoformat()
        except ValueError:
            start = None
    if start is None or start > end:
        start = end
    return f"{start}/{end}"


def _ofsted_date(text: str) -> str | None:
    m = re.search(r"\b(?:report published|publication date|date published)\s*:?\s*(.{0,40})", text, re.IGNORECASE)
    if m and _first_date(m.group(1)):
        return _first_date(m.group(1))
    span = _inspection_dates_span(text)
    if span is not None:
        dates = list(DATE_RE.finditer(span))
        if dates:
            return _iso(dates[-1])
    m = re.search(
        r"inspection of [^.]{0,80}?children'?s services\s+((?:\d{1,2}(?:st|nd|rd|th)?\s+(?:[A-Za-z]+\s+)?(?:to|-|–)\s+)?"
        r"\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+,?\s+\d{4})",
        text,
        re.IGNORECASE,
    )
    if m:
        dates = list(DATE_RE.finditer(m.group(1)))
        if dates:
            return _iso(dates[-1])
    return None


def _next(lines: list[str], line: str) -> str:
    i = lines.index(line)
    return lines[i + 1] if i + 1 < len(lines) else ""


def _first_date(text: str) -> str | None:
    for m in DATE_RE.finditer(text):
        iso = _iso(m)
        if iso:
            return iso
    m = NUMERIC_DATE_RE.search(text)
    if m:
        day, month, year = (int(x) for x in m.groups())
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    return None


def _iso(m: re.Match[str]) -> str | None:
    month_word = m.group(2).lower()
    month = MONTHS.get(month_word) or MONTH_ABBR.get(month_word)
    try:
        return dt.date(int(m.group(3)), month or 0, int(m.group(1))).isoformat()
    except ValueError:
        return None


# ---------------------------------------------------------------- title


def _title(
    name: NameParts | None, head: _Head, doc: ExtractedDoc, doc_type: str, organisation: str | None,
    committee: str | None, date: str | None, path: Path,
) -> str:
    if doc_type == "ofsted-inspection":
        if organisation:
            return f"Inspection of {organisation} children's services"
        heading = next((line for line in _top(head, 15) if OFSTED_TOP_RE.search(line)), None)
        if heading:
            return heading
    elif doc_type == "minutes":
        when = long_date(date) if date else ""
        body = f"{committee} minutes" if committee else "Minutes"
        return f"{body}, {when}" if when else body
    elif doc_type == "committee-report":
        found = _subject(head) or _caps_title(head, organisation, committee)
        form = _decision_form(head)
        if found and form and not found.lower().startswith(form.lower()):
            found = f"{form}: {found}"  # not the report's own title, which the record of the decision repeats
        if not found and _is_agenda(head):
            found = f"{committee or 'Meeting'} agenda" + (f", {long_date(date)}" if date else "")
        if found:
            return found
    if name and name.title:
        return _humanise(name.title)
    return _usable_hint(doc.title_hint) or _first_line_title(head, organisation, committee) or path.stem


def _first_line_title(head: _Head, organisation: str | None, committee: str | None) -> str | None:
    """A short heading-like line at the top ("Finance Monitoring Report"), when nothing better names the file."""
    known = {x.lower() for x in (organisation, committee) if x} | {"draft", "draft version", "agenda", "minutes"}
    lines = _top(head, 8)
    for i, line in enumerate(lines):
        words = line.split()
        if not 2 <= len(words) <= 14 or not line[0].isalpha() or not line[0].isupper():
            continue
        if (":" in line[:-1] and not line.lower().startswith("appendix")) or line.lower() in known:
            continue
        if councils.resolve(line):  # the council's name: an organisation line, not a title
            continue
        if re.match(r"^page \d", line, re.IGNORECASE) or LABEL_RE.match(line) or DATE_RE.search(line):
            continue
        if "@" in line or "www." in line.lower() or "£" in line or sum(c.isdigit() for c in line) > len(line) / 4:
            continue
        if line.isupper():
            return _sentence_case(_caps_run(lines, i), organisation)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if nxt[:1].islower() and not line.endswith((".", ":")):  # the title wrapped onto a second line
            line = f"{line} {nxt}"
        return line.strip(" .:")
    return None


def _caps_run(lines: list[str], i: int) -> str:
    """An all-caps title wrapped over up to three lines, joined."""
    title = [lines[i]]
    for nxt in lines[i + 1 : i + 3]:
        if not nxt.isupper() or DATE_RE.search(nxt) or nxt.lower().startswith(("prepared by", "report from")):
            break
        title.append(nxt)
    return " ".join(title)


# the standard form on which an English council's executive decision is published (ModernGov's "Record of
# Decision"; "Proposed Record of Decision" before it is taken), headed by the council's name
_DECISION_FORM = re.compile(r"^(?:[A-Z][A-Z ]+ (?:COUNCIL|AUTHORITY)\s*[–-]\s*)?((?:PROPOSED )?RECORD OF (?:EXECUTIVE )?DECISION)\b",
                            re.IGNORECASE)


def _decision_form(head: _Head) -> str | None:
    """"Record of decision" or "Proposed record of decision" when the document is that form (its first lines say
    so), else None: the form and the report asking for the decision share their subject line."""
    for line in _top(head, 3):
        if m := _DECISION_FORM.match(line):
            return m.group(1).capitalize()
    return None


def _subject(head: _Head) -> str | None:
    lines = _top(head, 40)
    for i, line in enumerate(lines):
        m = re.match(r"^(?:subject|title of decision|report title)\s*:\s*(.*)$", line, re.IGNORECASE)
        if not m:
            m = re.match(r"^subject matter / title of decision$", line, re.IGNORECASE)
            if m and i + 1 < len(lines):
                return lines[i + 1]
            continue
        parts = [m.group(1)] if m.group(1) else []
        for nxt in lines[i + 1 : i + 4]:
            if LABEL_RE.match(nxt) or re.match(r"^[A-Z][\w /()'-]{0,40}:", nxt) or len(nxt) > 120:
                break
            parts.append(nxt)
            if nxt.endswith((".", ")")):
                break
        text = " ".join(" ".join(parts).split()).strip(" .")
        if text:
            return text
    return None


def _caps_title(head: _Head, organisation: str | None, committee: str | None) -> str | None:
    skip = {"agenda", "minutes", "unrestricted items", "draft", "draft version", "summary", "appendix", "exempt items"}
    lines = _top(head, 12)
    for i, line in enumerate(lines):
        letters = re.sub(r"[^A-Za-z]", "", line)
        if len(letters) < 8 or not line.isupper() or DATE_RE.search(line):
            continue
        low = line.lower().strip(" .:")
        if low in skip or (committee and low == committee.lower()) or (organisation and low == organisation.lower()):
            continue
        if councils.resolve(low):  # a council's name heading the page is its organisation line, not the title
            continue
        if re.search(r"\b(COMMITTEE|PANEL|BOARD|CABINET|COUNCIL)$", line):
            continue
        return _sentence_case(_caps_run(lines, i), organisation)
    return None


def _sentence_case(text: str, organisation: str | None) -> str:
    keep = {w.lower(): w for w in (organisation or "").split() if w.lower() not in SMALL_WORDS}
    words = []
    for i, w in enumerate(text.lower().split()):
        core = w.strip("()[],.:;'\"")
        fixed = keep.get(core) or UPPER_WORDS.get(core)
        if fixed:
            w = w.replace(core, fixed)
        elif i == 0:
            w = w[:1].upper() + w[1:]
        words.append(w)
    return " ".join(words)


def _usable_hint(hint: str | None) -> str | None:
    if not hint:
        return None
    hint = " ".join(hint.split())
    if len(hint) < 3 or re.search(r"\.(docx?|pdf|rtf|odt)$", hint, re.IGNORECASE):
        return None
    if re.match(r"^(microsoft (word|powerpoint) - |untitled|slide \d|document\d*$)", hint, re.IGNORECASE):
        return None
    return hint


