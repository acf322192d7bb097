"""Citation cards: the cited paragraph as safe HTML with the quoted sentences highlighted, and copyable citations."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, replace

from ..records import DOC_TYPE_LABELS, ELISION, Answer, Citation, Hit, page_label, para_label
from ..text.dates import MONTH_ABBREVIATIONS

_MONTHS = MONTH_ABBREVIATIONS
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+")


@dataclass(frozen=True)
class Card:
    """What one card shows; built from a Citation (answers) or a Hit (nearest passages when abstaining)."""

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
    quote: str = ""
    label: str = ""
    meeting: str | None = None  # "Cabinet, 30 January 2025, item 7: ..." for papers fetched with their meeting
    table_header: str | None = None  # a table row's column headers, as printed above its table

    @classmethod
    def from_citation(cls, c: Citation) -> Card:
        return cls(doc=c.doc, title=c.title, organisation=c.organisation, doc_type=c.doc_type, date=c.date,
                   para=c.para, heading=c.heading, page_start=c.page_start, page_end=c.page_end, text=c.text,
                   quote=c.quote, label=c.label, meeting=c.meeting, table_header=c.table_header)

    @classmethod
    def from_hit(cls, h: Hit) -> Card:
        p, m = h.paragraph, h.meta
        return cls(doc=p.doc, title=m.title, organisation=m.organisation, doc_type=m.doc_type, date=m.date,
                   para=p.para, heading=p.heading, page_start=p.page_start, page_end=p.page_end, text=p.text,
                   meeting=m.meeting)


def short_date(iso: str | None) -> str:
    """'2019-08-27' -> '27 Aug 2019' (anything else is returned as it is)."""
    if not iso or not re.match(r"^\d{4}-\d{2}-\d{2}$", iso):
        return iso or ""
    y, m, d = iso.split("-")
    return f"{int(d)} {_MONTHS[int(m) - 1]} {y}"


def publisher(card: Card) -> str:
    """Who wrote it: Ofsted for inspection reports, otherwise the organisation."""
    if card.doc_type == "ofsted-inspection":
        return "Ofsted"
    return card.organisation or ""


def copy_text(card: Card) -> str:
    """"Ofsted, Inspection of Medway children's services (27 Aug 2019), para 2, p.3"; a fetched paper names its
    meeting and agenda item: "Kent County Council, Appendix A (Cabinet, 30 January 2025, item 7: ...), p.2"."""
    head = ", ".join(x for x in (publisher(card), card.title) if x)
    if card.meeting:
        head += f" ({card.meeting})"
    elif card.date:
        head += f" ({short_date(card.date)})"
    parts = [head, para_label(card.para), page_label(card.page_start, card.page_end)]
    return ", ".join(x for x in parts if x)


def details(card: Card) -> str:
    """One line under the title: organisation · type · date (or meeting and agenda item) · paragraph · page(s)."""
    bits = [card.organisation or "", DOC_TYPE_LABELS.get(card.doc_type, card.doc_type),
            card.meeting or short_date(card.date),
            para_label(card.para) or "unnumbered paragraph", page_label(card.page_start, card.page_end)]
    return " · ".join(b for b in bits if b)


def in_answer_order(citations: list[Citation], answer_text: str) -> list[Citation]:
    """Cards in the order their markers appear in the answer, so that reading down matches the cards."""
    def first_mention(c: Citation) -> int:
        i = answer_text.find(f"[{c.label}]") if c.label else -1
        return i if i >= 0 else len(answer_text)
    return sorted(citations, key=first_mention)


def one_per_paragraph(cards: list[Card]) -> list[Card]:
    """One card per cited paragraph, in first-cited order, its quotes together: an answer citing several clauses of
    one resolution ("3. RESOLVED that Cabinet agree to: A) … f)") shows that paragraph once, each clause marked."""
    out: dict[tuple, Card] = {}
    for card in cards:
        key = (card.doc, card.para, card.page_start, card.text)
        if key not in out:
            out[key] = card
        elif card.quote and card.quote not in out[key].quote:
            first = out[key]
            out[key] = replace(first, quote=f"{first.quote} {ELISION} {card.quote}" if first.quote else card.quote)
    return list(out.values())


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Where each quoted sentence sits in ``text`` (whitespace-insensitive, whole words), sorted and
    non-overlapping."""
    spans: list[tuple[int, int]] = []
    for sentence in (s for part in quote.split(ELISION) for s in _SENTENCE_END.split(part.strip())):
        words = sentence.split()
        if not words:
            continue
        # whole words only: a list marker quoted on its own ("d.") is the item's, not the end of "discussed."
        m = re.search(r"(?<!\w)" * words[0][0].isalnum() + r"\s+".join(re.escape(w) for w in words)
                      + r"(?!\w)" * words[-1][-1].isalnum(), text)
        if m:
            spans.append((m.start(), m.end()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and (s <= merged[-1][1] or not text[merged[-1][1]:s].strip()):
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def html_text(text: str) -> str:
    """Document text as HTML that shows it as written: escaped, and with web and email addresses split by an
    empty <span> (invisible) so that the app's Markdown renderer does not turn them into live links."""
    return _AUTOLINK.sub(lambda m: m.group(0) + "<span></span>", html.escape(text))


def highlighted_html(text: str, quote: str) -> str:
    """The paragraph, HTML-escaped, with the quoted sentence(s) in <mark>; line breaks kept."""
    out: list[str] = []
    pos = 0
    for s, e in quote_spans(text, quote) if quote else []:
        out.append(html_text(text[pos:s]))
        out.append(f"<mark>{html_text(text[s:e])}</mark>")
        pos = e
    out.append(html_text(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def text_html(text: str) -> str:
    """Document text as an HTML block safe to render (nothing in it is read as Markdown or HTML)."""
    return f'<div class="sa-card"><div class="sa-para">{highlighted_html(text, "")}</div></div>'


def card_body_html(card: Card) -> str:
    """The card's paragraph block (heading path, then the paragraph) as HTML safe to render."""
    heading = ""
    if card.heading:
        heading = f'<div class="sa-heading">Section: {html_text(card.heading.replace(" > ", " › "))}</div>'
    if card.table_header and not card.text.startswith(card.table_header):  # a row's figures are read with the names
        # of their columns (shown as the first line of its table when the table printed on the row's page has them)
        heading += f'<div class="sa-heading">Table under: {html_text(card.table_header)}</div>'
    return (f'<div class="sa-card">{heading}'
            f'<div class="sa-para">{highlighted_html(card.text, card.quote)}</div></div>')


CARD_CSS = """
<style>
.sa-card mark { background: #fff3a3; color: inherit; padding: 0 .1em; }
.sa-card .sa-heading { font-size: .85rem; color: #555; margin-bottom: .25rem; }
.sa-card div.sa-para { margin: 0; padding-left: .75rem; border-left: 3px solid #1d70b8; color: inherit !important; }
.sa-card div.sa-para * { color: inherit !important; }
</style>
"""


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~$])")
WORD_JOINER = "\u2060"  # invisible; breaks "http://", "www." and "a@b" so that Streamlit does not link them
_AUTOLINK = re.compile(r"(?i)\b(?:https?|ftp|mailto)(?=:)|\bwww(?=\.)|\w(?=@\w)")  # before ':', '.' or '@'
_MARKER = re.compile(r"\s*\[([^\[\]]+)\]\s*$")


def declined_reason(answer: Answer) -> str | None:
    """A declined answer's own reason, when it gives one beyond "the documents don't say this": a council with
    nothing indexed, a year with no report, which council to name (its first line, up to its nearest passages)."""
    reason = answer.answer.split("\n", 1)[0].split(" The nearest passages are:")[0].strip()
    return None if not reason or reason.startswith("The indexed documents don't say this") else reason


def md_escape(text: str) -> str:
    """Text shown literally by st.markdown (no stray italics, links, LaTeX, HTML, list numbers, or web and email
    addresses turned into links: a backslash does not stop those, an invisible word joiner does)."""
    text = _AUTOLINK.sub(lambda m: m.group(0) + WORD_JOINER, _MD_SPECIAL.sub(r"\\\1", text))
    return re.sub(r"^(\s*\d+)([.)])", r"\1\\\2", text)


def bullet_text(line: str) -> str | None:
    """The text of an answer line that is a bullet: a statement ("- …"), or what later papers said of a numbered
    item, indented under it ("   - Since then: …"); None for any other line."""
    stripped = line.lstrip()
    return stripped[2:] if stripped.startswith("- ") else None


def answer_markdown(answer_text: str) -> str:
    """The engine's answer as Markdown: the leading answer line as a paragraph, 'From …:' lines in bold, each
    further statement a bullet (an indented one too: the tracker's "   - Since then: …" under a numbered item);
    every statement ends in its [citation]."""
    out: list[str] = []

    def cited(body: str) -> str:
        m = _MARKER.search(body)
        if m:
            return f"{md_escape(body[: m.start()])} *\\[{md_escape(m.group(1))}\\]*"
        return md_escape(body)

    for line in answer_text.splitlines():
        if not line.strip():
            continue
        if (body := bullet_text(line)) is not None:
            out.append(f"- {cited(body)}")
        elif _MARKER.search(line):  # the answer's first line, or a numbered item: a cited statement on its own
            out.append(f"\n{cited(line)}\n")  # (a blank line first: not read as the bullet above continuing)
        else:
            out.append(f"\n**{md_escape(line)}**\n")
    return "\n".join(out).strip() + "\n"


_FILTER_NAMES = {"orgs": "Organisation", "doc_types": "Type", "committees": "Committee", "since": "From",
                 "until": "To", "docs": "Documents"}


def describe_filters(filters: dict, titles: dict[str, str] | None = None, org_names: dict[str, str] | None = None) -> str:
    """'Organisation: Medway · Type: Ofsted inspection · Named in the question: 2019' ('' when none)."""
    titles, org_names = titles or {}, org_names or {}
    bits = []
    for key, label in _FILTER_NAMES.items():
        value = filters.get(key)
        if not value:
            continue
        values = value if isinstance(value, list) else [value]
        if key == "orgs":
            values = [org_names.get(v, v) for v in values]
        elif key == "doc_types":
            values = [DOC_TYPE_LABELS.get(v, v) for v in values]
        elif key == "docs":
            values = [titles.get(v, v) for v in values]
        elif key in ("since", "until"):
            values = [short_date(v) for v in values]
        bits.append(f"{label}: {', '.join(values)}")
    named = filters.get("from_question") or {}
    named_bits = [", ".join(named.get("organisations", []))] + [", ".join(str(y) for y in named.get("years", []))]
    if named.get("since_year"):
        named_bits.append(f"since {named['since_year']}")
    if named.get("before_year"):
        named_bits.append(f"before {named['before_year']}")
    named_text = ", ".join(b for b in named_bits if b)
    if named_text:
        bits.append(f"Named in the question: {named_text}")
    return " · ".join(bits)
