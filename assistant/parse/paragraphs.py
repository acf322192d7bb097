"""Split a document's lines into paragraphs with printed number, nearest heading, pages and offsets."""

from __future__ import annotations

import hashlib
import re
import statistics
from dataclasses import dataclass, field

from ..ingest.extract import ExtractedDoc
from ..records import Paragraph
from .furniture import kept_lines
from .judgements import judgement_header_at, lay_out_judgement_table
from .minutes import dominant_style, find_minute_headings
from .normalise import display, join_lines, strip_bullet, unglue_footnote, vocabulary_of
from .numbering import Number, Sequence, match_letter, match_number
from .tables import figure_rows, is_table_line, table_rows

_TERMINAL = tuple(".?!:;")
_FIELD_LABEL = re.compile(r"^(From|To|Subject|Classification|Decision No|Key decision|Author|Report from|"
                          r"Electoral Division|Past Pathway of report|Future Pathway of report|Date|Summary)\s*:",
                          re.IGNORECASE)
_DOT_LEADER = re.compile(r"(\.{4,}|…{2,}|_{4,})\s*\d{1,3}\s*$")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# Publisher boilerplate on the last page of Ofsted reports: never an answer to anyone's question.
_BOILERPLATE = re.compile(
    r"^(The Office for Standards in Education, Children.s Services and Skills \(Ofsted\) regulates"
    r"|If you would like a copy of this document in a different format"
    r"|You may (re-?use|copy all or parts of) this"
    r"|This (publication|report) is available at"
    r"|Interested in our work\?"
    r"|Any complaints about the inspection or the report should be made"
    r"|T: 0300 123|Piccadilly Gate|© Crown copyright)", re.IGNORECASE)


@dataclass
class _Line:
    text: str
    page: int | None
    blank_before: bool
    beside: bool = False  # begins a table cell printed beside the text before it (ingest/pdfium_text.py)
    note: bool = False  # a line of the footnote at the foot of its page (ingest/pdfium_text.py)
    hang: bool = False  # goes on with the table cell or hanging indent above it (ingest/pdfium_text.py)
    column: bool = False  # begins a column of a table of lists read one column at a time (ingest/pdfium_text.py)


@dataclass
class _Block:
    segments: list[list[_Line]] = field(default_factory=list)  # one segment per bullet/sub-item
    number: Number | None = None
    letter: str | None = None
    bullet: bool = False
    kind: str = "text"  # text | bullet | table-row | heading | note
    heading_level: int = 0  # markdown heading level, or 0
    minute: str | None = None
    prebuilt: str | None = None  # table rows arrive already joined
    cells: bool = False  # holds a table cell printed beside another (a row of a form or table: never a heading)
    items: str | None = None  # numbering style of a list inside this paragraph ("1) … 2) …" after its colon)
    note: bool = False  # a page's footnote, kept apart from the paragraph it was printed inside

    @property
    def lines(self) -> list[_Line]:
        return [ln for seg in self.segments for ln in seg]

    @property
    def last(self) -> str:
        return self.lines[-1].text if self.lines else ""

    def add(self, line: _Line, *, new_segment: bool = False) -> None:
        if new_segment or not self.segments:
            self.segments.append([line])
        else:
            self.segments[-1].append(line)


# a list's key printed between its lead-in and its items: "*booking or referral required.", "* denotes …"
_LEGEND = re.compile(r"^\*\s?[a-z]")


def _introduces_list(block: _Block) -> bool:
    """Whether the list items that follow belong to ``block``: it ends on a colon ("… include:"), or on a list's
    key printed after the colon ("… include:" / "*booking or referral required.")."""
    lines = block.lines
    return bool(lines) and (lines[-1].text.rstrip().endswith(":") or (
        len(lines) >= 2 and bool(_LEGEND.match(lines[-1].text.strip()))
        and lines[-2].text.rstrip().endswith(":")))


def _ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip("\"'’”)")
    return t.endswith(_TERMINAL)


def _starts_lower(text: str) -> bool:
    t = text.lstrip("\"'‘“(")
    return bool(t) and (t[0].islower() or t[0].isdigit() and not match_number(text))


def _flatten(doc: ExtractedDoc) -> list[_Line | list[str]]:
    """Lines in reading order with their page; runs of tab-separated lines become one table item."""
    pages = kept_lines(doc.pages) if doc.paged else [list(enumerate(page)) for page in doc.pages]
    out: list[_Line | list[str]] = []
    blank = True
    table: list[str] = []
    for pno, page in enumerate(pages, start=1):
        beside = doc.beside[pno - 1] if pno <= len(doc.beside) else frozenset()
        notes = doc.notes[pno - 1] if pno <= len(doc.notes) else frozenset()
        hangs = doc.hangs[pno - 1] if pno <= len(doc.hangs) else frozenset()
        columns = doc.columns[pno - 1] if pno <= len(doc.columns) else frozenset()
        is_contents = any(line.strip().lower() in ("contents", "table of contents") for _, line in page[:15])
        for at, raw in page:
            if is_table_line(raw) or (table and raw.startswith("\t")):
                table.append(raw)
                continue
            if not raw.strip():
                blank = True
                continue
            if table:
                out.append(table)
                table = []
                blank = True
            if _DOT_LEADER.search(raw) or (is_contents and re.search(r"\s\d{1,3}\s*$", raw)):
                continue  # contents-page entries would outrank the body they point to
            if at in notes:
                out.append(_Line(raw.rstrip(), pno if doc.paged else None, blank, note=True))
                continue  # the text it interrupts goes on as if the note were not there
            out.append(_Line(raw.rstrip(), pno if doc.paged else None, blank, beside=at in beside, hang=at in hangs,
                             column=at in columns))
            blank = False
        if doc.paged:
            blank = blank or False
    if table:
        out.append(table)
    return out


def _typical_width(lines: list[_Line]) -> float:
    widths = [len(ln.text.strip()) for ln in lines if len(ln.text.strip()) > 25]
    return statistics.median(widths) if widths else 80.0


# a form's label, with its guidance note, is at most this long; a longer text beside a cell is a table row's
_LABEL_WORDS = 40


def _label_words(block: _Block) -> int:
    """Words of the block since the last value printed beside a label in it (the label the next value is for)."""
    lines = block.lines
    last = max((i for i, ln in enumerate(lines) if ln.beside), default=-1)
    return sum(len(ln.text.split()) for ln in lines[last + 1:])


_ROW_LINE = re.compile(r"^[^:;]{1,60}: [^;]+(; [^:;]{1,60}: [^;]+)+$")


def _segment_lines(items: list[_Line | list[str]]) -> list[_Block]:
    """DOCX and HTML: each line is already a paragraph; recognise numbers, headings and table rows."""
    seq = Sequence()
    blocks: list[_Block] = []
    for item in items:
        if isinstance(item, list):
            blocks.extend(_Block(kind="table-row", prebuilt=row) for row in table_rows(item))
            continue
        text = item.text.strip()
        md = _MD_HEADING.match(text)
        if md:
            blocks.append(_Block(segments=[[_Line(md.group(2), None, True)]], kind="heading",
                                 heading_level=len(md.group(1))))
            continue
        if _ROW_LINE.match(text):
            blocks.append(_Block(kind="table-row", prebuilt=text))
            continue
        num = match_number(text)
        block = _Block(number=num if num and seq.accept(num, after_break=True) else None)
        letter = match_letter(text)
        if block.number is None and letter:
            block.letter = letter[0]
        is_bullet, _ = strip_bullet(text)
        if is_bullet and block.number is None:
            block.bullet, block.kind = True, "bullet"
        block.add(item)
        blocks.append(block)
    return blocks


def _segment(items: list[_Line | list[str]]) -> list[_Block]:
    lines = [it for it in items if isinstance(it, _Line)]
    full = _typical_width(lines)
    seq = Sequence()
    heads_by_line = find_minute_headings(lines)
    minute_style = dominant_style(lines, heads_by_line)
    heads = {id(lines[i]): label for i, label in heads_by_line.items()}
    # a table of figures printed as text: each row its own paragraph, not one run-on line of numbers
    single, over_lines = figure_rows([ln.text for ln in lines], [ln.page for ln in lines])
    rows_of_figures = {id(lines[i]) for i in single}
    wrapped = {id(lines[a]): id(lines[b]) for a, b in over_lines.items()}  # a row whose label runs over lines
    row_ends: int | None = None  # inside such a row: where it ends
    graded = {id(lines[i]) for i in _grade_headings(lines)}
    blocks: list[_Block] = []
    cur: _Block | None = None
    last_letter: str | None = None
    notes: list[_Line] = []  # a page's footnote, held until the paragraph it was printed inside has ended
    asked = False  # a council question's title seen ("Question by … to …"): its "Answer" lines are headings

    def close() -> None:
        nonlocal cur, row_ends
        row_ends = None
        if cur is not None and (cur.segments or cur.prebuilt):
            blocks.append(cur)
        cur = None
        if notes:
            blocks.append(_Block(segments=[list(notes)], note=True, kind="note"))
            notes.clear()

    for item in items:
        if isinstance(item, list):  # a table
            close()
            for row in table_rows(item):
                blocks.append(_Block(kind="table-row", prebuilt=row))
            continue
        line = item
        text = line.text.strip()
        if line.note:
            notes.append(line)
            continue
        if id(line) in wrapped:
            close()
            cur = _Block(kind="table-row")
            cur.add(line)
            row_ends = wrapped[id(line)]
            continue
        if row_ends is not None and cur is not None:
            cur.add(line)
            if id(line) == row_ends:
                row_ends = None
                close()
            continue

        md = _MD_HEADING.match(text)
        if md and line.page is None:
            close()
            blocks.append(_Block(segments=[[_Line(md.group(2), None, True)]], kind="heading",
                                 heading_level=len(md.group(1))))
            continue

        minute = heads.get(id(line))
        if minute is not None:
            if cur is not None and cur.kind == "heading" and cur.minute == minute:
                cur.add(line)
                continue
            close()
            seq.reset_paren()
            seq.last_int = None
            cur = _Block(kind="heading", minute=minute)
            cur.add(line)
            continue
        if cur is not None and cur.kind == "heading" and cur.minute is not None:
            close()
        if id(line) in rows_of_figures:
            close()
            blocks.append(_Block(segments=[[line]], kind="table-row"))
            continue

        # a council question's title, "Question by Mike Whiting to Dan Watkins," over "Cabinet Member for …", printed
        # with no gap before the question's text: a heading of its own (one more line when it ends on a comma)
        heading_open = cur is not None and cur.kind == "heading" and cur.last.rstrip().endswith(",")
        if _QA_TITLE.match(text) and not heading_open:
            close()
            asked = True
            cur = _Block(kind="heading")
            cur.add(line)
            if not text.endswith(","):
                close()
            continue
        if asked and _QA_ANSWER.match(text):  # "Answer" on its own line, run into the reply's first sentence
            close()
            blocks.append(_Block(segments=[[line]], kind="heading"))
            continue
        if heading_open and cur.minute is None and _QA_TITLE.match(cur.lines[0].text.strip()):
            cur.add(line)  # the answerer's role, the title's second line
            close()
            continue

        # a title that ends what is above it: "The experiences and progress of children in care: good", even after
        # an improvement item ending "(Outcome one, National Framework)" with no full stop; "What needs to improve?"
        # after a summary's last full line (its own title, not the summary's last words)
        if id(line) in graded or (cur is not None and cur.kind != "heading" and _QUESTION_TITLE.match(text)
                                  and _ends_sentence(cur.last)):
            close()
            cur = _Block()
            cur.add(line)
            continue

        if line.column:  # another column of a table of lists: the list above, another column's, has ended
            close()
        prev = cur.last.strip() if cur else ""
        num = match_number(text)
        if line.beside and cur is not None and cur.kind != "heading" and cur.prebuilt is None \
                and not num and not match_letter(text) and not strip_bullet(text)[0] \
                and not text.endswith(":") and _label_words(cur) <= _LABEL_WORDS:  # a value, not the next label
            cur.add(line)  # a value printed beside its label ("4. Officer completing EQIA" | "Ben Sherreard")
            cur.cells = cur.cells or (len(text) > 3 and not text.isdigit())  # not a footnote mark
            continue
        after_break = line.blank_before or not prev or (_ends_sentence(prev) and len(prev) < 0.8 * full)
        if num and minute_style and num.style != minute_style and num.style != "decimal":
            num = None  # a numbered list inside a motion, not a minute paragraph
        if num and _items_of(cur, num, prev):
            cur.items = num.style  # "… would be sensible: 1) Consolidate … 2) Separate …" stays one paragraph
            cur.add(line, new_segment=True)
            continue
        if num and (cur is None or after_break or _ends_sentence(prev) or len(prev) < 0.6 * full
                    or num.style != "bare") and seq.accept(num, after_break=after_break):
            close()
            cur = _Block(number=num)
            cur.add(line)
            continue

        letter = match_letter(text)
        expected = letter is not None and last_letter is not None and len(letter[0]) == 1 \
            and ord(letter[0]) == ord(last_letter) + 1
        if letter and (cur is None or after_break or _ends_sentence(prev) or expected):
            last_letter = letter[0] if len(letter[0]) == 1 else last_letter
            if cur is not None and cur.last.rstrip().endswith(":") and cur.kind != "heading" and not cur.letter:
                cur.add(line, new_segment=True)  # a lettered list inside a paragraph stays with it
                continue
            close()
            cur = _Block(letter=letter[0])
            cur.add(line)
            continue

        is_bullet, _ = strip_bullet(text)
        if cur is not None and cur.kind != "heading" and not is_bullet and _LEGEND.match(text) \
                and cur.last.rstrip().endswith(":"):
            cur.add(line)  # "… include:" / "*booking or referral required." / • … : the list's key stays with it
            continue
        if is_bullet:
            if cur is not None and cur.kind != "heading" and (
                _introduces_list(cur) or (cur.bullet and cur.segments and len(cur.segments) > 1)
            ):
                cur.bullet = True
                cur.add(line, new_segment=True)
                continue
            close()
            cur = _Block(bullet=True, kind="bullet")
            cur.add(line)
            continue

        if cur is None:
            cur = _Block()
            cur.add(line)
            continue

        if cur.bullet and len(cur.segments) > 1 and line.blank_before and not _starts_lower(text):
            close()
            cur = _Block()
            cur.add(line)
            continue

        new_page = cur.lines[-1].page != line.page
        if line.blank_before or new_page:
            # a stray blank line or a page break inside a sentence does not end the paragraph
            mid_sentence = not _ends_sentence(prev) and (_starts_lower(text) or len(prev) >= 0.6 * full)
            if mid_sentence and not _FIELD_LABEL.match(text):
                cur.add(line)
                continue
            close()
            cur = _Block()
            cur.add(line)
            continue

        if _FIELD_LABEL.match(text):
            close()
            cur = _Block()
            cur.add(line)
            continue
        if _ends_sentence(prev) and len(prev) < 0.75 * full and not _starts_lower(text) and not line.hang:
            close()
            cur = _Block()
            cur.add(line)
            continue
        if not _ends_sentence(prev) and len(prev) < 0.55 * full and not _starts_lower(text) \
                and len(cur.lines) == 1 and _headingish(prev) and len(text) > 0.6 * full:
            # a short title line directly above prose: "Service information" / "Summary of findings"
            close()
            cur = _Block()
            cur.add(line)
            continue
        cur.add(line)
    close()
    return _merge_minute_paragraphs(blocks) if minute_style else blocks


def _items_of(cur: _Block | None, num: Number, prev: str) -> bool:
    """Whether numbered line ``num`` is an item of a list inside paragraph ``cur``: "1)" or "(1)" after a paragraph
    that ends with a colon (or the next item of such a list), in a style other than the paragraph's own number.
    Items printed like that are the paragraph's points, not paragraphs of the document's numbering."""
    if cur is None or cur.kind == "heading" or cur.prebuilt is not None or num.style not in ("close", "paren"):
        return False
    if cur.number is not None and cur.number.style == num.style:
        return False
    if cur.items == num.style:
        return True
    return prev.rstrip().endswith(":") and num.parts[0] == 1


def _merge_minute_paragraphs(blocks: list[_Block]) -> list[_Block]:
    """In minutes, what follows a numbered paragraph up to the next one (a motion, the votes) belongs to it."""
    out: list[_Block] = []
    owner: _Block | None = None
    for b in blocks:
        if b.minute is not None:
            owner = None
            out.append(b)
            continue
        if b.number is not None:
            owner = b
            out.append(b)
            continue
        if owner is not None and b.prebuilt is None and not b.note:
            owner.segments.extend(b.segments)
            continue
        out.append(b)
    return out


# a short title put as a question, perhaps with a footnote's mark: "What needs to improve?", "What needs to improve? 1"
_QUESTION_TITLE = re.compile(r"^[A-Z][^.?!:;]{2,60}\?\s?\d?$")
# a council question's reply heading alone on its line (parse/context.py reads headings as questions and answers)
_QA_ANSWER = re.compile(r"^(?:Supplementary\s+)?(?:Answer|Response|Reply)$")
# "Question by Mike Whiting to Dan Watkins, Cabinet Member for Adult Social Care and Public Health": who asked whom
_QA_TITLE = re.compile(r"^(?:Supplementary\s+)?Question\s+(?:by|from)\s+[A-Z][^.?!:;]{2,60}?\s+to\s+[A-Z][^.?!:;]*$")
_GRADE_HEADING = re.compile(r":\s*(inadequate|requires improvement to be good|good|outstanding)\.?$", re.IGNORECASE)


def _grade_headings(lines: list[_Line]) -> list[int]:
    """Where an inspection report's graded section heading starts: a line, or two lines of one page, ending with
    a grade after a colon ("The experiences and progress of children who need help and" / "protection: requires
    improvement to be good"), not a bullet or a numbered paragraph."""
    out = []
    for i, line in enumerate(lines):
        text = line.text.strip()
        if not text or not text[0].isupper() or strip_bullet(text)[0] or match_number(text):
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        two = (f"{text} {nxt.text.strip()}" if nxt is not None and nxt.page == line.page
               and _starts_lower(nxt.text.strip()) else "")
        if any(_graded_title(t) for t in (text, two) if t):
            out.append(i)
    return out


def _graded_title(text: str) -> bool:
    """An inspection report's section title with its grade: "The experiences and progress of care leavers: good"."""
    return bool(_GRADE_HEADING.search(text)) and len(text) < 160


def _headingish(text: str) -> bool:
    t = text.strip()
    if _graded_title(t):
        return True
    if not t or len(t) > 120 or len(t.split()) > 16:
        return False
    if t.rstrip().endswith((".", ";", ",", "!")) or t.endswith("?") and len(t.split()) > 6:
        return False
    return t[0].isupper() or t[0].isdigit()


# a cover sheet's labelled field ("Status: Unrestricted", "To: Cabinet - 4 March 2025", "Electoral Division: All")
# belongs to the front matter; it is not the heading of the sections after it ("Summary:" and "Purpose:" are)
_COVER_FIELD = re.compile(
    r"^(from|to|by|subject|classification|status|decision (?:no|number)\.?|key decision|"
    r"past pathway(?: of report)?|future pathway(?: of report)?|electoral divisions?|contact officer|report author|"
    r"author|tel(?:ephone)?(?: number| no\.?)?|e-?mail)\s*:\s*\S", re.IGNORECASE)


def _is_cover_field(block: _Block) -> bool:
    return block.number is None and bool(block.lines) and bool(_COVER_FIELD.match(block.lines[0].text.strip()))


def _is_heading(block: _Block, next_block: _Block | None, decimal_doc: bool) -> bool:
    if block.kind == "heading":
        return True
    if block.kind in ("table-row", "front-matter") or block.bullet or block.letter or block.cells or block.note:
        return False
    if _is_cover_field(block):
        return False
    text = " ".join(ln.text.strip() for ln in block.lines)
    if block.number is not None:
        # "3. Summary of monitoring visit" in a document numbered 3.1, 3.2 ..., or "3. Committees" over its
        # lettered paragraphs "a) …", "b) …"
        titled = next_block is not None and next_block.letter is not None and next_block.number is None
        if not ((decimal_doc or titled) and len(block.number.parts) == 1):
            return False
        text = block.number.rest
        whole = " ".join([text] + [ln.text.strip() for ln in block.lines[1:]])
        if len(whole) > 120 or len(whole.split()) > 16:
            return False  # a numbered paragraph or recommendation whose first line merely looks like a title
    if not _headingish(text):
        return False
    if next_block is None:
        return False
    nxt_text = next_block.lines[0].text.strip() if next_block.lines else ""
    if next_block.kind not in ("table-row",) and nxt_text and _starts_lower(nxt_text) and not next_block.number \
            and not next_block.letter:  # "a) The ..." is an item, not a sentence running on
        return False
    if not next_block.number and _mostly_figures(nxt_text):
        return False  # a table's title or column headers over its rows of figures, not a section heading
    return True


def _mostly_figures(line: str) -> bool:
    """A line of a table's body: at least three cells, most of them figures ("£'000 £'000 2024-25 75,734.8")."""
    tokens = line.split()
    return len(tokens) >= 3 and sum(any(c.isdigit() for c in t) for t in tokens) >= 0.5 * len(tokens)


def _merge_front_matter(blocks: list[_Block], decimal_doc: bool) -> list[_Block]:
    """Title lines and cover-sheet fields before the first paragraph (title, dates, lead inspector; From:, To:,
    Status:) become one paragraph; the last of them, when it is a heading, stays the heading of what follows."""
    def heading(i: int) -> bool:
        return _is_heading(blocks[i], blocks[i + 1] if i + 1 < len(blocks) else None, decimal_doc)

    lead = 0
    while lead < len(blocks) and (heading(lead) or _is_cover_field(blocks[lead])):
        lead += 1
    if lead < 2:
        return blocks
    cut = lead - 1 if heading(lead - 1) else lead
    front = _Block(kind="front-matter")
    for b in blocks[:cut]:
        for seg in b.segments:
            front.segments.append(seg)
    return [front, *blocks[cut:]]


def _stable_id(doc_hash: str, ordinal: int, text: str) -> str:
    return hashlib.sha1(f"{doc_hash}:{ordinal}:{text}".encode()).hexdigest()[:16]


def parse_paragraphs(doc: ExtractedDoc, doc_name: str, doc_hash: str) -> tuple[list[Paragraph], str]:
    """Paragraphs of ``doc`` and the clean document text their ``char_start``/``char_end`` point into."""
    items = _flatten(doc)
    vocab = vocabulary_of(doc.text)
    blocks = _segment_lines(items) if doc.hard_breaks else _segment(items)
    decimal_doc = sum(1 for b in blocks if b.number and b.number.style == "decimal") >= 3
    blocks = _merge_front_matter(blocks, decimal_doc)
    paragraphs: list[Paragraph] = []
    chunks: list[str] = []
    offset = 0
    heading: str | None = None
    minute: str | None = None
    parent_para: str | None = None
    for i, block in enumerate(blocks):
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if _is_heading(block, nxt, decimal_doc):
            htext = display(" ".join(ln.text.strip() for ln in block.lines))
            heading = unglue_footnote(re.sub(r"^[#\-•\s]+", "", htext)).strip().rstrip(":").strip() or heading
            if block.minute is not None:
                minute = block.minute
            # the lettered paragraphs under "3. Committees" are 3(a), 3(b) ...
            parent_para = _label(block, None, minute) if block.number is not None else None
            continue
        breaks: tuple[int, ...] = ()
        if block.prebuilt is not None:
            text, pages = display(block.prebuilt), (None, None)
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
            label = _label(block, parent_para, minute)
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


def _on_first_page(text: str, pages: tuple[int | None, int | None], breaks: tuple[int, ...]) -> bool:
    """A paragraph on one page, or one whose judgement table starts on its first page (a report's title block,
    table and summary read as one block that runs onto page 2)."""
    if pages[0] == pages[1]:
        return True
    if not breaks:
        return False
    at = judgement_header_at(text)
    return at is not None and at < breaks[0]


def _page_breaks(lines: list[_Line], text: str) -> tuple[int, ...]:
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


def _label(block: _Block, parent: str | None, minute: str | None) -> str | None:
    if block.number is not None:
        label = block.number.label
        return f"{minute}/{label}" if minute else label
    if block.letter is not None:
        return f"{parent}({block.letter})" if parent else f"{block.letter})"
    return None
