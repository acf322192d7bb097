"""TrackRecord: one cited commitment, recommendation, decision, finding, judgement, improvement item or progress note."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from ..records import DocMeta, Paragraph, citation_label

KINDS = ("commitment", "recommendation", "decision", "finding", "judgement", "improvement_item", "progress")
KIND_LABELS = {
    "commitment": "Commitment",
    "recommendation": "Recommendation",
    "decision": "Decision",
    "finding": "Finding",
    "judgement": "Judgement",
    "improvement_item": "Improvement item",
    "progress": "Progress",
}
OPTIONAL = ("who", "due", "topic", "area", "grade", "ref", "status", "decided", "meeting_id", "agenda_item", "stage",
            "also", "recited")
# agenda fields a document fetched from ModernGov may carry (optional DocMeta attributes; read with getattr)
AGENDA_FIELDS = ("meeting_id", "agenda_item")


def agenda_of(meta: Any) -> dict[str, str]:
    """The meeting and agenda item a document belongs to, where its metadata says (else an empty dict)."""
    out = {}
    for name in AGENDA_FIELDS:
        value = getattr(meta, name, None)
        if value not in (None, ""):
            out[name] = str(value)
    return out


@dataclass(frozen=True)
class TrackRecord:
    """A dated statement with its citation (document, printed paragraph number, page)."""

    kind: str  # one of KINDS
    text: str  # the statement itself (a sentence, a table cell, a list item or a whole paragraph)
    doc: str
    title: str
    organisation: str | None
    org_slug: str | None
    doc_type: str
    date: str | None  # YYYY-MM-DD: meeting/report date or inspection publication date
    para: str | None
    page_start: int | None
    page_end: int | None
    heading: str | None
    paragraph_id: str
    ordinal: int  # position of the paragraph in its document (for ordering within a date)
    label: str = ""  # citation label, e.g. "Medway Ofsted inspection 2019, para 2, p.3"
    who: str | None = None
    due: str | None = None
    topic: str | None = None
    area: str | None = None  # judgements: the judged area
    grade: str | None = None  # judgements: outstanding | good | requires improvement to be good | inadequate | ...
    ref: str | None = None  # decisions: the decision reference as printed, e.g. "24/00093"
    status: str | None = None  # decisions: proposed | taken | resolved | called in | referred | reconsidered | upheld
    decided: str | None = None  # decisions: the date the decision was taken (YYYY-MM-DD, or YYYY-MM) where stated
    meeting_id: str | None = None  # from the document's agenda metadata, where known
    agenda_item: str | None = None
    stage: str | None = None  # decision trail: proposal | recommendation | decision | call-in | response | minutes
    also: tuple[str, ...] | None = None  # a listing's other places the same words are printed (``ledger.once``)
    # decisions: a paper's account of something done before it ("Scrutiny Committee had referred the matter …", a
    # call-in "was submitted by …"), not an operative text of the meeting the paper goes to; with no ``decided`` date
    # it is a mention, dated by no day (``dated``)
    recited: bool | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"Unknown record kind {self.kind!r}: choose from {', '.join(KINDS)}.")

    @classmethod
    def make(cls, kind: str, text: str, p: Paragraph, m: DocMeta, **extra: Any) -> TrackRecord:
        return cls(kind=kind, text=" ".join(text.split()), doc=p.doc, title=m.title, organisation=m.organisation,
                   org_slug=m.org_slug, doc_type=m.doc_type, date=m.date, para=p.para, page_start=p.page_start,
                   page_end=p.page_end, heading=p.heading, paragraph_id=p.id, ordinal=p.ordinal,
                   # the page(s) its own words are printed on: a judgement table's line on p.1, though the table's
                   # paragraph runs on to p.2
                   label=citation_label(p, m, " ".join(text.split())),
                   **{**agenda_of(m), **{k: v for k, v in extra.items() if v}})

    @property
    def key(self) -> tuple:
        return (self.date or "", self.doc, self.ordinal)

    @property
    def when(self) -> str:
        """The date the record speaks of: a recited decision's own date, else its document's date."""
        return self.decided or self.date or ""

    @property
    def dated(self) -> bool:
        """Whether the record has a day of its own for date filters: not a recital whose day the paper never gives
        (its paper's date is only when it was recounted)."""
        return not (self.recited and not self.decided)

    @property
    def label_kind(self) -> str:
        """The listing's label: a recital with no day of its own is a Mention, not that day's Decision; a call-in (its
        request, its form's header, the scrutiny meeting that considered it) is a step on a decision, not one."""
        if self.kind == "decision" and not self.dated:
            return "Mention"
        if self.kind == "decision" and (self.stage == "call-in" or self.status == "called in"):
            return "Call-in"
        return KIND_LABELS[self.kind]

    def to_dict(self) -> dict[str, Any]:
        """The --json shape: required fields always, optional ones (who, due, topic, area, grade) where known."""
        d = asdict(self)
        for k in OPTIONAL:
            if d.get(k) is None:
                d.pop(k)
        d["citation"] = d.pop("label")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TrackRecord:
        d = dict(d)
        if "citation" in d:
            d["label"] = d.pop("citation")
        return cls(**{k: d.get(k) for k in cls.__dataclass_fields__ if k in d})
