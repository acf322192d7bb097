"""Split a document's lines into paragraphs with printed number, nearest heading, pages and offsets."""

from __future__ import annotations

import hashlib
import re

from ..ingest.extract import ExtractedDoc
from ..records import Paragraph
from .blocks import Block, Line, flatten
from .headings import is_heading, merge_front_matter, says_something
from .judgements import OLD_FRAMEWORK_HEADLINE, judgement_header_at, lay_out_judgement_table, old_framework_row
from .normalise import display, join_lines, strip_bullet, unglue_footnote, vocabulary_of
from .segment import segment, segment_lines

# Publisher boilerplate on the last page of Ofsted reports: never an answer to anyone's question.
_BOILERPLATE = re.compile(
    r"^(The Office for Standards in Education, Children.s Services and Skills \(Ofsted\) regulates"
    r"|If you would like a copy of this document in a different format"
    r"|You may (re-?use|copy all or parts of) this"
    r"|This (publication|report) is available at"
    r"|Interested in our work\?"
    r"|Any complaints about the inspection or the report should be made"
    r"|T: 0300 123|Piccadilly Gate|© Crown copyright)", re.IGNORECASE)


_LETTER_SPACED = re.compile(r"^(?:[A-Z] ){3,}[A-Z]$")


def _unspaced(title: str) -> str:
    """A title printed letter-spaced, "A G E N D A", as its word, "AGENDA" (what a reader searches for)."""
    return title.replace(" ", "") if _LETTER_SPACED.match(title) else title


def _stable_id(doc_hash: str, ordinal: int, text: str) -> str:
    return hashlib.sha1(f"{doc_hash}:{ordinal}:{text}".encode()).hexdigest()[:16]


def parse_paragraphs(doc: ExtractedDoc, doc_name: str, doc_hash: str) -> tuple[list[Paragraph], str]:
    """Paragraphs of ``doc`` and the clean document text their ``char_start``/``char_end`` point into."""
    items = flatten(doc)
    vocab = vocabulary_of(doc.text)
    blocks = segment_lines(items) if doc.hard_breaks else segment(items)
    decimal_doc = sum(1 for b in blocks if b.number and b.number.style == "decimal") >= 3
    blocks = _old_framework_grades(merge_front_matter(blocks, decimal_doc))
    paragraphs: list[Paragraph] = []
    chunks: list[str] = []
    offset = 0
    heading: str | None = None
    minute: str | None = None
    parent_para: str | None = None
    sequence = _MinuteSequence()
    outer: tuple[str | None, tuple[int, ...]] | None = None  # the heading a numbered sub-heading stands under
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if outer is not None and block.number is not None and block.number.parts[:len(outer[1])] != outer[1]:
            heading, outer = outer[0], None  # "1.2 …" after "1.1 Title" / "1.1.1 …": back under "1. Summary"
        after = blocks[i + 2] if i + 2 < len(blocks) else None
        heads_a_heading = nxt is not None and is_heading(nxt, after, decimal_doc)
        if heads_a_heading and block.lead_in and after is not None:  # unless what follows is kept as a statement
            beyond = blocks[i + 3] if i + 3 < len(blocks) else None
            heads_a_heading = not says_something(nxt, is_heading(after, beyond, decimal_doc))
        if is_heading(block, nxt, decimal_doc) and not says_something(block, heads_a_heading):
            htext = display(" ".join(ln.text.strip() for ln in block.lines))
            # "1.1 Title" over "1.1.1 …" stands under the heading before it (kept across its siblings); a heading of
            # its own ("2. Finance", "Background") leaves nothing to go back to
            sub = block.number is not None and len(block.number.parts) > 1
            outer = (outer[0] if outer else heading, block.number.parts) if sub else None
            heading = _unspaced(unglue_footnote(re.sub(r"^[#\-•\s]+", "", htext)).strip().rstrip(":").strip()) \
                or heading
            if block.minute is not None:
                minute = block.minute
                sequence = _MinuteSequence()
            # the lettered paragraphs under "3. Committees" are 3(a), 3(b) ...
            parent_para = _label(block, None, minute) if block.number is not None else None
            continue
        breaks: tuple[int, ...] = ()
        if block.prebuilt is not None:
            text, pages = display(block.prebuilt), (block.page, block.page)
            label = None
        else:
            seg_texts = []
            for s_i, seg in enumerate(block.segments):
                raw = [ln.text for ln in seg]
                is_b, stripped = strip_bullet(raw[0].strip())
                if is_b and (s_i > 0 or block.kind in ("bullet", "table-row")):
                    raw[0] = "• " + stripped
                elif is_b and s_i == 0 and (block.number or block.letter):
                    raw[0] = stripped  # "- 3.11. However ..." is paragraph 3.11, not a bullet
                seg_texts.append(join_lines(raw, vocab))
            text = "\n".join(t for t in seg_texts if t)
            pg = [ln.page for ln in block.lines if ln.page is not None]
            pages = (min(pg), max(pg)) if pg else (None, None)
            breaks = _page_breaks(block.lines, text) if pages[0] is not None and pages[1] != pages[0] else ()
            label = sequence.label(block, minute) or _label(block, parent_para, minute)
            if block.number is not None:
                parent_para = label
        if not text or len(re.sub(r"\W", "", text)) < 3 or _BOILERPLATE.match(text):
            continue
        kind = block.kind if block.kind != "heading" else "text"
        if _on_first_page(text, pages, breaks) and (laid := lay_out_judgement_table(text, heading)) is not None:
            text, kind = laid, "table"
            breaks = _page_breaks(block.lines, text) if breaks else ()  # the lay-out moved the text after it
        start = offset
        chunks.append(text)
        offset += len(text) + 2
        paragraphs.append(Paragraph(
            id=_stable_id(doc_hash, len(paragraphs), text), doc=doc_name, ordinal=len(paragraphs), text=text,
            para=label, heading=heading, page_start=pages[0], page_end=pages[1], char_start=start,
            char_end=start + len(text), kind=kind, page_breaks=breaks,
        ))
    return paragraphs, "\n\n".join(chunks)


def _old_framework_grades(blocks: list[Block]) -> list[Block]:
    """An older report's page-1 headline and its numbered grade lines as one judgement table (judgements.py), and a
    heading printed on the line of the last grade ("… Requires improvement Executive summary") as a heading again."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        text = " ".join(ln.text.strip() for ln in b.lines)
        if b.prebuilt is None and b.lines and b.lines[0].page == 1 and OLD_FRAMEWORK_HEADLINE.match(text):
            rows: list[str] = []
            rest = ""
            j = i + 1
            while not rest and j < len(blocks) and blocks[j].number is not None and blocks[j].lines \
                    and blocks[j].lines[0].page == 1 \
                    and (row := old_framework_row(" ".join(ln.text.strip() for ln in blocks[j].lines))) is not None:
                rows.append(row[0])
                rest = row[1]
                j += 1
            if len(rows) >= 2:
                out.append(Block(kind="table", prebuilt="\n".join([text, *rows]), page=1))
                if rest:
                    out.append(Block(segments=[[Line(rest, 1, True)]], kind="heading"))
                i = j
                continue
        out.append(b)
        i += 1
    return out


def _on_first_page(text: str, pages: tuple[int | None, int | None], breaks: tuple[int, ...]) -> bool:
    """A paragraph on one page, or one whose judgement table starts on its first page (a report's title block,
    table and summary read as one block that runs onto page 2)."""
    if pages[0] == pages[1]:
        return True
    if not breaks:
        return False
    at = judgement_header_at(text)
    return at is not None and at < breaks[0]


def _page_breaks(lines: list[Line], text: str) -> tuple[int, ...]:
    """Where in the joined ``text`` each new page begins (found by the first words of its first line)."""
    out: list[int] = []
    pos = 0
    prev = lines[0].page
    for ln in lines:
        if ln.page != prev and ln.page is not None:
            probe = display(ln.text)[:24].strip()
            _, probe = strip_bullet(probe)
            at = text.find(probe[:16], pos) if probe else -1
            if at >= 0:
                out.append(at)
                pos = at
            prev = ln.page
    return tuple(out)


class _MinuteSequence:
    """A minute's own numbered paragraphs (1., 2., … 7.) and the numbered items a paragraph of it lists (a motion's
    "1. Agree …", "2. Note …" after "7. RESOLVED that Cabinet:"): the items are the paragraph's, "83/7(1)", not
    "83/1" again, which is the minute's first paragraph on another page."""

    def __init__(self) -> None:
        self.last: int | None = None  # the minute's own last paragraph number
        self.under: str | None = None  # the label of the paragraph whose items are being read

    def label(self, block: Block, minute: str | None) -> str | None:
        number = block.number
        if minute is None or number is None or len(number.parts) != 1 or number.style not in ("dot", "bare", "close"):
            return None
        n = number.parts[0]
        if self.under is not None and n == (self.last or 0) + 1:
            self.under = None  # back to the minute's own paragraphs: "6." after 5.'s items 1. to 3.
        elif self.under is None and self.last is not None and n == 1 and self.last >= 2:
            # a run that starts again at 1: the items of the paragraph before (a second "1." straight after the
            # first is a misprint, not its items: "1. Mr Gough provided an update …", "1. Mr Watkins …", "2. …")
            self.under = f"{minute}/{self.last}"
        if self.under is not None:
            return f"{self.under}({n})"
        self.last = n
        return None


def _label(block: Block, parent: str | None, minute: str | None) -> str | None:
    if block.number is not None:
        label = block.number.label
        return f"{minute}/{label}" if minute else label
    if block.letter is not None:
        return f"{parent}({block.letter})" if parent else f"{block.letter})"
    return None
