"""Typed records shared by every step: documents, paragraphs, hits, citations and answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from .text.dates import MONTH_NAMES, long_date  # noqa: F401  (re-exported: citations and answers use them)

DOC_TYPES = ("ofsted-inspection", "committee-report", "minutes", "other")
DOC_TYPE_LABELS = {
    "ofsted-inspection": "Ofsted inspection",
    "committee-report": "Committee report",
    "minutes": "Minutes",
    "other": "Other document",
}


@dataclass(frozen=True)
class DocMeta:
    """What we know about one source document."""

    doc: str  # source file name, e.g. "medway_ofsted-childrens-services_2019-08-27.pdf"
    title: str
    organisation: str | None  # display name, e.g. "Medway"
    org_slug: str | None  # filter key, e.g. "medway"
    doc_type: str  # one of DOC_TYPES
    committee: str | None = None
    date: str | None = None  # YYYY-MM-DD (meeting date, or inspection publication date)
    pages: int | None = None
    sha256: str = ""
    path: str = ""  # where it was indexed from
    # Where the document sits in a council's committee system (set by fetched papers' sidecars; None otherwise)
    committee_id: str | None = None
    meeting_id: str | None = None
    meeting_status: str | None = None  # e.g. "Confirmed", "Cancelled"
    agenda_item: str | None = None  # the item number as printed: "7", "7a"
    agenda_title: str | None = None
    is_decision: bool | None = None  # the agenda item is a decision
    attachment_id: str | None = None
    source_url: str | None = None
    published: str | None = None  # YYYY-MM-DD publication date
    inspected: str | None = None  # "YYYY-MM-DD/YYYY-MM-DD": an inspection report's first and last inspection day

    def inspection_months(self) -> list[str]:
        """The months ("YYYY-MM") the inspection ran in; [] when the report's dates are not known."""
        if not self.inspected:
            return []
        start, _, end = self.inspected.partition("/")
        y, m = int(start[:4]), int(start[5:7])
        out = []
        while f"{y:04d}-{m:02d}" <= end[:7] and len(out) < 24:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def of_year(self, year: int) -> bool:
        """Whether the document was written (or published) in ``year``, or reports an inspection that ran then (an
        inspection report whose dates are not known counts for the year before its publication too: reports are
        often published the year after the inspection)."""
        if self.year == year:
            return True
        if self.doc_type != "ofsted-inspection":
            return False
        if self.inspected:
            start, _, end = self.inspected.partition("/")
            return int(start[:4]) <= year <= int((end or start)[:4])
        return self.year == year + 1

    def dated_in(self, months: list[str]) -> bool:
        """Whether the document was written (or published) in one of ``months`` ("YYYY-MM"), or reports an
        inspection that ran in one of them."""
        return (self.date or "")[:7] in months or any(m in months for m in self.inspection_months())

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DocMeta:
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__ if k in d})

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def meeting(self) -> str | None:
        """'Cabinet, 30 January 2025, item 7: Strengthening Independence Service', when the meeting is known."""
        if not (self.meeting_id or self.agenda_item or self.agenda_title):
            return None
        parts = [self.committee or "Meeting"]
        if self.date:
            parts.append(long_date(self.date))
        text = ", ".join(parts)
        if self.agenda_item:
            text += f", item {self.agenda_item}"
        if self.agenda_title:
            text += f": {self.agenda_title}"
        return text

    @property
    def short_name(self) -> str:
        """The document in a few words, e.g. 'Anytown Ofsted inspection 2019', 'Anytown Council Cabinet minutes
        2025' (what each of its paragraphs is embedded with: index/build.py)."""
        org = self.organisation or ""
        year = f" {self.date[:4]}" if self.date else ""
        if self.doc_type == "ofsted-inspection":
            return f"{org} Ofsted inspection{year}".strip()
        if self.doc_type == "minutes":
            return self._minutes_named(year)
        return f"{org} {self.title}".strip() if org and org.lower() not in self.title.lower() else self.title

    @property
    def cited_name(self) -> str:
        """The document as a citation names it: its short name, and for minutes the meeting's day, since a
        committee meets several times a year ('Anytown Council Cabinet minutes of 9 January 2025')."""
        if self.doc_type == "minutes" and self.date and len(self.date) >= 10:
            return _once(self._minutes_named(f" of {long_date(self.date)}"), self.organisation)
        return _once(self.short_name, self.organisation)

    def _minutes_named(self, when: str) -> str:
        return f"{self.organisation or ''} {self.committee or 'meeting'} minutes{when}".strip()


def _once(name: str, organisation: str | None) -> str:
    """``name`` without the words of a committee named like the end of its council ("Kent County Council" and its
    "County Council": "Kent County Council minutes of 9 January 2025", not "Kent County Council County Council …")."""
    org = (organisation or "").split()
    words = name.split()
    if not org or words[:len(org)] != org:
        return name
    rest = words[len(org):]
    for k in range(min(len(org), len(rest)) - 1, 1, -1) if len(org) > 2 else ():
        if [w.lower() for w in org[-k:]] == [w.rstrip(",:;").lower() for w in rest[:k]]:
            tail = rest[k - 1][len(org[-1]):]  # the overlap's punctuation: "County Council, 30 January 2025"
            return " ".join(org[:-1] + [org[-1] + tail] + rest[k:])
    return name


ELISION = "…"  # between two quoted sentences of a paragraph that are not next to each other


@dataclass(frozen=True)
class Paragraph:
    """One paragraph as a reader sees it, with where it came from."""

    id: str  # stable: hash of document hash + position + text
    doc: str
    ordinal: int  # position in the document (0-based)
    text: str  # display text (original characters, line breaks joined)
    para: str | None = None  # printed number: "3.11", "2", "291/27", "3.1(a)"
    heading: str | None = None  # the nearest heading above the paragraph (one level: PDF text gives no heading levels)
    page_start: int | None = None  # 1-based PDF page; None for formats without pages
    page_end: int | None = None
    char_start: int = 0  # offsets into the document's clean text (see parse.paragraphs)
    char_end: int = 0
    kind: str = "text"  # text | bullet | table-header | table-row | table | front-matter | note (a footnote)
    page_breaks: tuple[int, ...] = ()  # offsets in ``text`` where pages page_start+1, page_start+2 ... begin

    def page_at(self, offset: int) -> int | None:
        """The page a character of ``text`` is printed on."""
        if self.page_start is None:
            return None
        return self.page_start + sum(1 for b in self.page_breaks if b <= offset)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Paragraph:
        d = {k: d[k] for k in cls.__dataclass_fields__ if k in d}
        if "page_breaks" in d:
            d["page_breaks"] = tuple(d["page_breaks"])
        return cls(**d)


@dataclass(frozen=True)
class Hit:
    """A retrieved paragraph with its document and scores."""

    paragraph: Paragraph
    meta: DocMeta
    score: float  # fused score (higher is better)
    rank: int  # 1-based
    dense: float | None = None  # cosine similarity
    keyword: float | None = None  # BM25 score
    row: int | None = None  # the paragraph's row in the index it came from

    def to_dict(self) -> dict[str, Any]:
        p, m = self.paragraph, self.meta
        return {
            "rank": self.rank,
            "score": round(self.score, 6),
            "dense": None if self.dense is None else round(self.dense, 4),
            "keyword": None if self.keyword is None else round(self.keyword, 4),
            "doc": p.doc,
            "title": m.title,
            "organisation": m.organisation,
            "doc_type": m.doc_type,
            "date": m.date,
            "para": p.para,
            "heading": p.heading,
            "page_start": p.page_start,
            "page_end": p.page_end,
            "id": p.id,
            "text": p.text,
            **({"meeting": m.meeting} if m.meeting else {}),
        }


@dataclass(frozen=True)
class Citation:
    """A paragraph cited by an answer, with the sentence(s) used from it."""

    doc: str
    title: str
    organisation: str | None
    doc_type: str
    date: str | None
    para: str | None
    heading: str | None
    page_start: int | None
    page_end: int | None
    text: str
    quote: str
    score: float
    label: str = field(default="", compare=False)  # e.g. "Medway Ofsted inspection 2019, para 2, p.3"
    paragraph_id: str = field(default="", compare=False)
    meeting: str | None = None  # "Cabinet, 30 January 2025, item 7: ..." for papers fetched with their meeting
    committee: str | None = None
    agenda_item: str | None = None
    source_url: str | None = None
    table_header: str | None = None  # a table row's column headers as printed above its table (parse/context.py)

    @classmethod
    def from_hit(cls, hit: Hit, quote: str, table_header: str | None = None, passage: str | None = None
                 ) -> Citation:
        """``passage``: the printed text the paragraph belongs to when that is more than the paragraph (a table
        row's table), shown around the quote as ``text``."""
        p, m = hit.paragraph, hit.meta
        return cls(
            doc=p.doc, title=m.title, organisation=m.organisation, doc_type=m.doc_type, date=m.date,
            para=p.para, heading=p.heading, page_start=p.page_start, page_end=p.page_end,
            text=passage or p.text, quote=quote, score=round(hit.score, 6), label=citation_label(p, m, quote),
            paragraph_id=p.id, meeting=m.meeting, committee=m.committee if m.meeting else None,
            agenda_item=m.agenda_item, source_url=m.source_url, table_header=table_header or None,
        )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("label")
        d.pop("paragraph_id")
        for key in MEETING_KEYS:  # present only for documents whose meeting is known
            if d[key] is None:
                d.pop(key)
        if d["table_header"] is None:  # present only for a table's row
            d.pop("table_header")
        return d


MEETING_KEYS = ("meeting", "committee", "agenda_item", "source_url")


def page_label(page_start: int | None, page_end: int | None) -> str:
    if page_start is None:
        return ""
    if page_end and page_end != page_start:
        return f"pp.{page_start}-{page_end}"
    return f"p.{page_start}"


def para_label(para: str | None) -> str:
    if not para:
        return ""
    if "/" in para:  # minutes: "291/27" -> minute 291, para 27
        minute, _, num = para.partition("/")
        minute = minute if minute.lower().startswith("item") else f"minute {minute}"
        return f"{minute}, para {num}"
    return f"para {para}"


def citation_label(p: Paragraph, m: DocMeta, quote: str | None = None) -> str:
    """'Medway Ofsted inspection 2019, para 2, p.3'; with a quote, the page(s) the quote is printed on."""
    first, last = p.page_start, p.page_end
    if quote and p.page_breaks:
        start = p.text.find(quote[:40])
        end = p.text.find(quote[-40:], max(start, 0))
        if start >= 0 and end >= 0:
            first, last = p.page_at(start), p.page_at(end + min(40, len(quote)) - 1)
    parts = [_source_name(m), para_label(p.para), page_label(first, last)]
    return ", ".join(x for x in parts if x)


def _source_name(m: DocMeta) -> str:
    """The document as a citation names it; with its meeting where known:
    'Kent County Council Cabinet, 30 January 2025, item 7: Strengthening Independence Service (Appendix A)'."""
    meeting = m.meeting
    if not meeting:
        return m.cited_name
    org = m.organisation or ""
    head = _once(f"{org} {meeting}".strip(), org) if org and org.lower() not in meeting.lower() else meeting
    title = (m.title or "").strip()
    agenda = (m.agenda_title or "").strip()
    if agenda and title.lower().endswith(": " + agenda.lower()):
        title = title[: -len(agenda) - 2].strip()  # "Minutes: Work Programme" -> "Minutes"
    if title and title.lower() != agenda.lower():
        head += f" ({title})"
    return head


@dataclass
class Answer:
    """What `ask` returns; `to_dict()` is exactly what `ask --json` prints."""

    question: str
    answer: str
    abstained: bool
    citations: list[Citation]
    filters: dict[str, Any] = field(default_factory=dict)
    timings_ms: dict[str, float] = field(default_factory=dict)
    nearest: list[Hit] = field(default_factory=list)  # shown when abstaining
    hits: list[Hit] = field(default_factory=list)  # everything retrieved (for eval and the app)
    extra: dict[str, Any] = field(default_factory=dict)  # e.g. mode/dropped_sentences for generative answers
    confidence: float = 0.0  # best question-paragraph similarity (what abstention is decided on)

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
            "filters": self.filters,
            "timings_ms": {k: round(v, 1) for k, v in self.timings_ms.items()},
        }
        d.update(self.extra)
        return d
