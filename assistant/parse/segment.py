"""Segmenting: group a document's lines into blocks, each one paragraph: by printed numbers and letters, bullets,
blank lines, page breaks, sentence ends and line widths, minute headings, graded and question titles, table rows and
a form's values printed beside their labels; a DOCX or HTML document's lines are already its paragraphs."""

from __future__ import annotations

import re
import statistics

from .blocks import Block, Line, starts_lower
from .headings import grade_headings, headingish
from .minutes import dominant_style, find_minute_headings
from .normalise import strip_bullet
from .numbering import Number, Sequence, match_letter, match_number
from .tables import commented_rows, figure_rows, printed_rows, table_rows

_TERMINAL = tuple(".?!:;")
_FIELD_LABEL = re.compile(r"^(From|To|Subject|Classification|Decision No|Key decision|Author|Report from|"
                          r"Electoral Division|Past Pathway of report|Future Pathway of report|Date|Summary)\s*:",
                          re.IGNORECASE)
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
# a form's field label in capitals, its value on the lines below: "DECISION TO BE TAKEN BY:" / "Mrs Sue Chandler, …"
_CAPS_LABEL = re.compile(r"^[A-Z][A-Z0-9 ()/&,'’–-]{2,60}:$")


# a section's byline, who answers for it: "Cabinet Members Derek Murphy, Clair Bell" / "Corporate Director Simon Jones"
_NAME = r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,3}"
_ROLE = (r"(?:(?:Corporate|Deputy|Executive|Assistant|Strategic)\s+)?Directors?|Cabinet\s+Members?|Portfolio\s+Holders?|"
         r"(?:Lead|Executive)\s+Members?")
_BYLINE = re.compile(rf"^(?:{_ROLE})\s+{_NAME}(?:(?:,\s*|\s+(?:and|&)\s+){_NAME})*$")
# a form's answer to the question or label above it: "Yes", "No", "N/A", "Not applicable", "Yes – the pre-consultation
# EqIA."; and the prompt for it, "Answer: Yes/No"
_ANSWER = re.compile(r"^(?:Yes|No|N/A|Not applicable|Not known|None)(?:\s*[–—-]\s+\S.*|[.,]?)$", re.IGNORECASE)
_BARE_ANSWER = re.compile(r"^(?:Yes|No|N/A|Not applicable|Not known|None)[.,]?$", re.IGNORECASE)
_PROMPT = re.compile(r"^(?:Answer|Response)\s*:")
# words a sentence does not end on: a line ending on one goes on below it, even after a blank line
_RUNS_ON = frozenset("a an and the of to in for from by with on at as or that which".split())


def bylines(lines: list[Line]) -> set[int]:
    """Where a section's byline is printed: two or more lines each naming a role and its holders ("Cabinet Member
    Dylan Jeffrey" / "Corporate Director Amanda Beer"), on one page. A single such line is left alone (a signature
    or a contact's title, "Assistant Director Thanet South Kent")."""
    hits = [bool(_BYLINE.match(ln.text.strip())) for ln in lines]
    out: set[int] = set()
    for i in range(len(lines) - 1):
        if hits[i] and hits[i + 1] and lines[i].page == lines[i + 1].page:
            out.update((i, i + 1))
    return out


def _lead_in(text: str, prev: str, full: float) -> bool:
    """Whether ``text``, printed after a blank line, is a short lead-in that starts what follows ("SEND Commissioning
    Intentions:" over its table), not the rest of the sentence above it (which would not end on "the" or "of")."""
    words = prev.split()
    return text.endswith(":") and not starts_lower(text) and len(text.split()) <= 8 and len(text) < 0.6 * full \
        and not (words and words[-1].lower().strip(",") in _RUNS_ON)


def _caption_over_table(text: str, prev: str, line: Line, following: list[Line], full: float) -> bool:
    """Whether ``text``, printed after a blank line, is a table's caption with no colon ("Secondary School
    Commissioning Intentions" after the table above it ends on "… temporary Year R places"): a short title-like line
    (not the rest of a sentence ending on "the" or "of" above it) over a table, its next line a short cell and a cell
    printed beside another within the next few lines of its page."""
    words, own = prev.split(), text.split()
    if line.beside or line.hang or starts_lower(text) or not 3 <= len(own) <= 8 or len(text) >= 0.6 * full \
            or _ends_sentence(text) or not headingish(text) or own[-1].lower() in _RUNS_ON | {"per"} \
            or (words and words[-1].lower().strip(",") in _RUNS_ON):
        return False
    near = [ln for ln in following[:6] if ln.page == line.page]
    # (a table's first cell printed over two lines, "CYPE High Needs" / "Spending", goes on in a hanging line; a
    # caption stands over its first column header's first word, "By" / "2025-26" / "By" …)
    return bool(near) and not (near[0].beside or near[0].hang or near[0].blank_before) \
        and len(near[0].text.split()) == 1 and any(ln.beside for ln in near[1:])


# a list's key printed between its lead-in and its items: "*booking or referral required.", "* denotes …"
_LEGEND = re.compile(r"^\*\s?[a-z]")


def _keys_marks(text: str, following: list[Line]) -> bool:
    """Whether ``text``, printed as a bullet "* booking or referral required.", is the key of the list below it: the
    items below are printed with another bullet ("• Baby Massage*") and some of them carry the key's mark."""
    if not _LEGEND.match(text.strip()):
        return False
    items: list[str] = []  # the bullets' markers
    marked = False
    for ln in following:
        t = ln.text.strip()
        if strip_bullet(t)[0]:
            items.append(_marker(t))
        elif not items or ln.blank_before:
            break  # (no list below, or the list has ended)
        marked = marked or t.endswith("*")  # (an item's second line, "and Play*", too)
    return bool(items) and all(m not in ("", "*") for m in items) and marked


def _title_over_next(text: str, prev: str, cur: Block, nxt: Line | None, line: Line, full: float) -> bool:
    """Whether ``text`` is a section's title printed after a paragraph's or list item's last line and over the next
    one, with no gap before it: "• There are four serious case reviews ongoing at the time of the inspection." /
    "Children looked after in this area" / "• At 6 March 2017, …". The line above ends a sentence (on a full line,
    or a shorter one would have ended the paragraph already), this short line reads as a title (no closing full stop
    or colon), and what follows it on its page starts a block of its own: a bullet, or the next printed number after
    ``cur``'s ("93. …" / title / "94. …"). (Not any line after a gap: a finance table's group label, "Earmarked
    Reserves", is a row's, and heading the rows below with it lost one of them its question.)"""
    if not (_ends_sentence(prev) and not prev.endswith(":") and nxt is not None and nxt.page == line.page
            and not line.hang and not line.beside and not starts_lower(text) and not text.endswith(":")
            and len(text) < 0.8 * full and headingish(text)):
        return False  # (after a lead-in's colon, "All figures in £m" is a caption of what follows, not a title)
    after = nxt.text.strip()
    num = match_number(after)
    if num is not None and cur.number is not None and _next_in_sequence(cur.number, num):
        return True  # a title may be longer over a numbered paragraph: "Inspection findings – the Local Safeguarding
        # Children Board" between "93. …" and "94. …"
    return len(text) < 0.6 * full and strip_bullet(after)[0]


def _introduces_list(block: Block) -> bool:
    """Whether the list items that follow belong to ``block``: it ends on a colon ("… include:"), or on a list's
    key printed after the colon ("… include:" / "*booking or referral required.")."""
    lines = block.lines
    return bool(lines) and (lines[-1].text.rstrip().endswith(":") or (
        len(lines) >= 2 and bool(_LEGEND.match(lines[-1].text.strip()))
        and lines[-2].text.rstrip().endswith(":")))


def _marker(text: str) -> str:
    """The bullet a line begins with ("◼", "−"), or ""."""
    text = text.strip()
    is_bullet, rest = strip_bullet(text)
    return text[:len(text) - len(rest)].strip() if is_bullet else ""


def _next_item(block: Block, text: str) -> bool:
    """Whether a bullet line is the next item of the list ``block`` is an item of, not another of its sub-items:
    "◼ The quality of oversight of:" / "− permanence" / "− private fostering." / "◼ Caseloads …" (the outer list's
    bullet again, after sub-items printed with another)."""
    if not block.bullet or len(block.segments) < 2:
        return False
    outer, inner, this = _marker(block.lines[0].text), _marker(block.segments[-1][0].text), _marker(text)
    return bool(outer) and this == outer and inner not in ("", outer)


# an agenda item's last words, the pages of its papers in the pack: "3. Minutes of the Meeting … (Pages 1 - 10)"
_PAGE_RANGE = re.compile(r"\(Pages?\s+\d+(?:\s*[-–]\s*\d+)?\)$")


def _ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip("\"'’”)")
    return t.endswith(_TERMINAL) or bool(_PAGE_RANGE.search(text.rstrip()))


def _item_ended(block: Block | None) -> bool:
    """Whether ``block`` ends on an agenda item's page range, printed over its last two lines or not ("… Kent
    2025-29 (Pages" / "461 - 610)"): the item has ended, whatever follows it."""
    if block is None or not block.segments:
        return False
    return bool(_PAGE_RANGE.search(" ".join(ln.text.strip() for ln in block.lines[-2:])))


def _closes_aside(block: Block | None, prev: str) -> bool:
    """Whether the paragraph ``block`` ends on a whole aside in brackets that began a line, now closed: "(At the
    time of preparing the agenda there were no exempt items. … open to the public)". Its last line ends no sentence,
    but what follows it over a blank line (a signature, a date) is not its words."""
    if block is None or not block.segments or not prev.endswith(")"):
        return False
    opened = [i for i, ln in enumerate(block.lines) if ln.text.lstrip().startswith("(")]
    if not opened:
        return False
    words = " ".join(ln.text for ln in block.lines[opened[-1]:])
    return words.count("(") == words.count(")")


def _typical_width(lines: list[Line]) -> float:
    widths = [len(ln.text.strip()) for ln in lines if len(ln.text.strip()) > 25]
    return statistics.median(widths) if widths else 80.0


# a form's label, with its guidance note, is at most this long; a longer text beside a cell is a table row's
_LABEL_WORDS = 40


def _label_words(block: Block) -> int:
    """Words of the block since the last value printed beside a label in it (the label the next value is for)."""
    lines = block.lines
    last = max((i for i, ln in enumerate(lines) if ln.beside), default=-1)
    return sum(len(ln.text.split()) for ln in lines[last + 1:])


_ROW_LINE = re.compile(r"^[^:;]{1,60}: [^;]+(; [^:;]{1,60}: [^;]+)+$")


def segment_lines(items: list[Line | list[str]]) -> list[Block]:
    """DOCX and HTML: each line is already a paragraph; recognise numbers, headings and table rows."""
    seq = Sequence()
    blocks: list[Block] = []
    for item in items:
        if isinstance(item, list):
            blocks.extend(Block(kind="table-row", prebuilt=row) for row in table_rows(item))
            continue
        text = item.text.strip()
        md = _MD_HEADING.match(text)
        if md:
            blocks.append(Block(segments=[[Line(md.group(2), None, True)]], kind="heading",
                                heading_level=len(md.group(1))))
            continue
        if _ROW_LINE.match(text):
            blocks.append(Block(kind="table-row", prebuilt=text))
            continue
        num = match_number(text)
        block = Block(number=num if num and seq.accept(num, after_break=True) else None)
        letter = match_letter(text)
        if block.number is None and letter:
            block.letter = letter[0]
        is_bullet, _ = strip_bullet(text)
        if is_bullet and block.number is None:
            block.bullet, block.kind = True, "bullet"
        block.add(item)
        blocks.append(block)
    return blocks


def segment(items: list[Line | list[str]]) -> list[Block]:
    lines = [it for it in items if isinstance(it, Line)]
    full = _typical_width(lines)
    seq = Sequence()
    heads_by_line = find_minute_headings(lines)
    minute_style = dominant_style(lines, heads_by_line)
    heads = {id(lines[i]): label for i, label in heads_by_line.items()}
    # a table of figures printed as text: each row its own paragraph, not one run-on line of numbers
    single, over_lines = figure_rows([ln.text for ln in lines], [ln.page for ln in lines])
    rows_of_figures = {id(lines[i]) for i in single}
    wrapped = {id(lines[a]): id(lines[b]) for a, b in over_lines.items()}  # a row whose label runs over lines
    in_wrapped = {i for a, b in over_lines.items() for i in range(a, b + 1)}
    commented = {id(lines[a]): id(lines[b])  # a row whose prose runs on below it: its first line, its figures' line
                 for a, b in commented_rows([ln.text for ln in lines], [ln.page for ln in lines], single | in_wrapped,
                                            [not ln.blank_before for ln in lines]).items()}
    label_goes_on: int | None = None  # a row's label begun on the line above: the line with its figures
    row_ends: int | None = None  # inside such a row: where it ends
    graded = {id(lines[i]) for i in grade_headings(lines)}
    signed = {id(lines[i]) for i in bylines(lines)}
    blocks: list[Block] = []
    cur: Block | None = None
    last_letter: str | None = None
    notes: list[Line] = []  # a page's footnote, held until the paragraph it was printed inside has ended
    asked = False  # a council question's title seen ("Question by … to …"): its "Answer" lines are headings

    def close() -> None:
        nonlocal cur, row_ends
        row_ends = None
        if cur is not None and (cur.segments or cur.prebuilt):
            blocks.append(cur)
        cur = None
        if notes:
            blocks.append(Block(segments=[list(notes)], note=True, kind="note"))
            notes.clear()

    def open_row(line: Line) -> None:
        """A table row begins at ``line`` (its label over several lines, or its prose running on below it)."""
        nonlocal cur
        close()
        cur = Block(kind="table-row")
        cur.add(line)

    at = {id(ln): i for i, ln in enumerate(lines)}
    for item in items:
        if isinstance(item, list):  # a table
            close()
            page = getattr(item, "page", None)
            if getattr(item, "printed", False):  # a PDF's table of figures: its headers, then its rows as printed
                header, rows = printed_rows(item)
                if header:
                    blocks.append(Block(kind="table-header", prebuilt=header, page=page))
                blocks.extend(Block(kind="table-row", prebuilt=row, page=page) for row in rows)
                continue
            for row in table_rows(item):
                blocks.append(Block(kind="table-row", prebuilt=row, page=page))
            continue
        line = item
        text = line.text.strip()
        if line.note:
            notes.append(line)
            continue
        if id(line) in wrapped:
            open_row(line)
            row_ends = wrapped[id(line)]
            continue
        if row_ends is not None and cur is not None:
            cur.add(line)
            if id(line) == row_ends:
                row_ends = None
                close()
            continue

        if cur is not None and cur.byline and id(line) not in signed:
            close()  # the byline has ended: what follows is not part of it
        if cur is not None and cur.answered:
            cur.answered = False
            if not line.beside and not starts_lower(text):
                close()  # a form's field has its answer ("… Are there negative impacts for Sex?" / "No"): the next
                # field begins
        if id(line) in signed:
            if cur is None or not cur.byline:
                title = _section_title(cur)
                if title:  # the section's title printed over its byline: the heading of what follows
                    del cur.segments[-1][-len(title):]
                    if not cur.segments[-1]:
                        cur.segments.pop()
                    cur.closing = True  # what is left above the title ends the last section
                close()
                if title:
                    blocks.append(Block(segments=[title]))
                cur = Block(byline=True)
            cur.add(line)
            continue

        md = _MD_HEADING.match(text)
        if md and line.page is None:
            close()
            blocks.append(Block(segments=[[Line(md.group(2), None, True)]], kind="heading",
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
            cur = Block(kind="heading", minute=minute)
            cur.add(line)
            continue
        if cur is not None and cur.kind == "heading" and cur.minute is not None:
            close()
        if id(line) in rows_of_figures:
            close()
            blocks.append(Block(segments=[[line]], kind="table-row"))
            continue
        if label_goes_on == id(line) and cur is not None:
            label_goes_on = None
            cur.add(line)
            continue
        if id(line) in commented:
            open_row(line)
            label_goes_on = commented[id(line)] if commented[id(line)] != id(line) else None
            continue

        # a council question's title, "Question by Mike Whiting to Dan Watkins," over "Cabinet Member for …", printed
        # with no gap before the question's text: a heading of its own (one more line when it ends on a comma)
        heading_open = cur is not None and cur.kind == "heading" and cur.last.rstrip().endswith(",")
        if _QA_TITLE.match(text) and not heading_open:
            close()
            asked = True
            cur = Block(kind="heading")
            cur.add(line)
            if not text.endswith(","):
                close()
            continue
        if asked and _QA_ANSWER.match(text):  # "Answer" on its own line, run into the reply's first sentence
            close()
            blocks.append(Block(segments=[[line]], kind="heading"))
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
            cur = Block()
            cur.add(line)
            continue

        if line.column:  # another column of a table of lists: the list above, another column's, has ended
            close()
        prev = cur.last.strip() if cur else ""
        if _item_ended(cur) and not _ends_sentence(prev):
            prev += "."  # "… (Pages" / "461 - 610)": the item ends here as a sentence would
        if _ANSWER.match(text) and not line.beside and cur is not None \
                and (not line.blank_before or cur.lines and _page_top(line, cur.lines[-1])) \
                and cur.kind != "heading" and cur.prebuilt is None and not cur.bullet and not cur.note \
                and (prev.endswith(("?", ":")) or not _ends_sentence(prev) and len(cur.lines) <= 4):
            cur.add(line)  # the answer printed below its question or label: "Have you consulted with stakeholders?"
            cur.answered = bool(_BARE_ANSWER.match(text))  # / "Yes"
            cur.cells = True  # a form's field, never a heading
            continue
        num = match_number(text)
        if line.beside and cur is not None and cur.kind != "heading" and cur.prebuilt is None \
                and not num and not match_letter(text) and not strip_bullet(text)[0] \
                and not text.endswith(":") and _label_words(cur) <= _LABEL_WORDS:  # a value, not the next label
            cur.add(line)  # a value printed beside its label ("4. Officer completing EQIA" | "Ben Sherreard")
            # (not a footnote mark; a short answer, "N/A", "Yes", is a value all the same)
            cur.cells = cur.cells or (len(text) > 3 and not text.isdigit()) or bool(_ANSWER.match(text))
            cur.answered = bool(_BARE_ANSWER.match(text))
            continue
        after_break = line.blank_before or not prev or (_ends_sentence(prev) and len(prev) < 0.8 * full)
        if num and minute_style and num.style != minute_style and num.style != "decimal" \
                and not (seq.last_paren is not None and num.parts[0] == seq.last_paren + 1
                         and _RESOLVED.match(num.rest)):
            num = None  # a numbered list inside a motion, not a minute paragraph (but "5) … put the motion to the
            # vote …" then "6. RESOLVED that:" is the minute's next paragraph, printed in the other style)
        if num and _items_of(cur, num, prev):
            cur.items = num.style  # "… would be sensible: 1) Consolidate … 2) Separate …" stays one paragraph
            cur.add(line, new_segment=True)
            continue
        if num and cur is not None and not after_break and not _ends_sentence(prev) \
                and not prev.endswith(":") and num.rest[:1].islower():
            num = None  # a figure that goes on with the sentence above: "… were around" / "1.6 degrees above …"
        if num and (cur is None or after_break or _ends_sentence(prev) or len(prev) < 0.6 * full
                    or num.style != "bare") and seq.accept(num, after_break=after_break):
            close()
            cur = Block(number=num)
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
            cur = Block(letter=letter[0])
            cur.add(line)
            continue

        is_bullet, _ = strip_bullet(text)
        if cur is not None and cur.kind != "heading" and _LEGEND.match(text) and cur.last.rstrip().endswith(":") \
                and (not is_bullet or _keys_marks(text, lines[at[id(line)] + 1:at[id(line)] + 40])):
            cur.add(line)  # "… include:" / "*booking or referral required." / • … : the list's key stays with it
            continue
        if is_bullet:
            if cur is not None and cur.kind != "heading" and not _next_item(cur, text) and (
                _introduces_list(cur) or (cur.bullet and cur.segments and len(cur.segments) > 1)
            ):
                cur.bullet = True
                cur.add(line, new_segment=True)
                continue
            close()
            cur = Block(bullet=True, kind="bullet")
            cur.add(line)
            continue

        if cur is None:
            cur = Block()
            cur.add(line)
            continue

        if cur.bullet and len(cur.segments) > 1 and line.blank_before and not starts_lower(text):
            close()
            cur = Block()
            cur.add(line)
            continue

        new_page = cur.lines[-1].page != line.page
        if line.blank_before and not new_page and any(ln.beside for ln in cur.lines) \
                and _caption_over_table(text, prev, line, lines[at[id(line)] + 1:], full):
            close()  # "Secondary School Commissioning Intentions" after the primary table's last line, over its own
            cur = Block(lead_in=True)  # table's cells: a block of its own, heading the table below it
            cur.add(line)
            close()
            continue
        if line.blank_before or new_page:
            # a stray blank line or a page break inside a sentence does not end the paragraph
            mid_sentence = not _ends_sentence(prev) and (starts_lower(text) or len(prev) >= 0.6 * full) \
                and not _closes_aside(cur, prev)
            # "SEND Commissioning Intentions:" after a table; not the next label of a form after a label and its value
            # ("Title:" / "Strengthening Independence Service …" / "Project ID:")
            lead = mid_sentence and _lead_in(text, prev, full) and len(cur.lines) >= 3 \
                and not cur.lines[0].text.strip().endswith(":")
            if mid_sentence and not lead and not _FIELD_LABEL.match(text):
                cur.add(line)
                continue
            close()
            cur = Block(lead_in=lead)
            cur.add(line)
            continue

        nxt = lines[at[id(line)] + 1] if at[id(line)] + 1 < len(lines) else None
        if _FIELD_LABEL.match(text) or _CAPS_LABEL.match(text) or (
                cur.kind != "heading" and cur.prebuilt is None and _title_over_next(text, prev, cur, nxt, line, full)):
            close()
            cur = Block()
            cur.add(line)
            continue
        if _ends_sentence(prev) and len(prev) < 0.75 * full and not starts_lower(text) and not line.hang \
                and not (_CAPS_LABEL.match(prev) and len(cur.lines) == 1) \
                and not (prev.endswith("?") and _PROMPT.match(text)):  # a label's value is on its next line, a
            # question's prompt for its answer ("… in a timely and cost effective way?" / "Answer: Yes/No") too
            close()
            cur = Block()
            cur.add(line)
            continue
        if not _ends_sentence(prev) and len(prev) < 0.55 * full and not starts_lower(text) \
                and len(cur.lines) == 1 and headingish(prev) and len(text) > 0.6 * full:
            # a short title line directly above prose: "Service information" / "Summary of findings"
            close()
            cur = Block()
            cur.add(line)
            continue
        cur.add(line)
    close()
    blocks = _join_page_continuations(blocks)
    return _merge_minute_paragraphs(blocks) if minute_style else blocks


def _page_top(line: Line, before: Line) -> bool:
    """Whether ``line`` opens the page after ``before``'s: a form's answer printed over the page break from its
    question or label ("Responsible Officer for Mitigating Actions – Age" / page 3: "Not Applicable")."""
    return line.page is not None and before.page is not None and line.page == before.page + 1


def _section_title(cur: Block | None) -> list[Line]:
    """The lines at the end of ``cur`` that are a section's title printed over its byline: one or two lines after a
    blank line or a page break ("Growth, Economic Development & Communities"), reading as a title."""
    if cur is None or cur.kind == "heading" or cur.prebuilt is not None or cur.bullet or not cur.segments:
        return []
    seg = cur.segments[-1]
    start = max((i for i, ln in enumerate(seg) if ln.blank_before or i and ln.page != seg[i - 1].page), default=0)
    title = seg[start:]
    text = " ".join(ln.text.strip() for ln in title)
    if len(title) > 2 or not headingish(text) or text.endswith(":") or (start == 0 and len(cur.segments) > 1):
        return []
    return title


def _next_in_sequence(a: Number, b: Number) -> bool:
    """Whether ``b`` is the number printed after ``a`` in the same style: 6 then 7, 3.11 then 3.12."""
    return a.style == b.style and len(a.parts) == len(b.parts) and a.parts[:-1] == b.parts[:-1] \
        and b.parts[-1] == a.parts[-1] + 1


def _join_page_continuations(blocks: list[Block]) -> list[Block]:
    """A numbered paragraph that ends a page with a full sentence and goes on at the top of the next page ("6. … is
    strong." / "Workers proactively engage …" / "7. …"): an unnumbered block of prose that opens a page between
    paragraphs N and N+1 is the rest of N, and is cited as paragraph N on its own page. It stays a paragraph of its
    own for search (joined, the 45 such continuations in the Ofsted reports cost three check questions' gold
    paragraphs: the longer paragraph's vector matched less well)."""
    out: list[Block] = []
    for i, block in enumerate(blocks):
        prev = out[-1] if out else None
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if (prev is not None and nxt is not None and prev.kind == "text" and block.kind == "text"
                and prev.number is not None and nxt.number is not None and _next_in_sequence(prev.number, nxt.number)
                and block.number is None and block.letter is None and not block.bullet and not block.note
                and not block.cells and block.prebuilt is None and prev.prebuilt is None
                and block.lines and prev.lines and block.lines[0].page is not None and prev.lines[-1].page is not None
                and block.lines[0].page > prev.lines[-1].page
                and _ends_sentence(block.last) and not headingish(" ".join(ln.text.strip() for ln in block.lines))):
            # (prose that ends a sentence: not the section's title printed at the top of the page, "The experiences
            # and progress of children in care: requires improvement to be good")
            block.number = prev.number
        out.append(block)
    return out


def _items_of(cur: Block | None, num: Number, prev: str) -> bool:
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


def _merge_minute_paragraphs(blocks: list[Block]) -> list[Block]:
    """In minutes, what follows a numbered paragraph up to the next one (a motion, the votes) belongs to it."""
    out: list[Block] = []
    owner: Block | None = None
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


_RESOLVED = re.compile(r"RESOLVED\b")
# a short title put as a question, perhaps with a footnote's mark: "What needs to improve?", "What needs to improve? 1"
_QUESTION_TITLE = re.compile(r"^[A-Z][^.?!:;]{2,60}\?\s?\d?$")
# a council question's reply heading alone on its line (parse/context.py reads headings as questions and answers)
_QA_ANSWER = re.compile(r"^(?:Supplementary\s+)?(?:Answer|Response|Reply)$")
# "Question by Mike Whiting to Dan Watkins, Cabinet Member for Adult Social Care and Public Health": who asked whom
_QA_TITLE = re.compile(r"^(?:Supplementary\s+)?Question\s+(?:by|from)\s+[A-Z][^.?!:;]{2,60}?\s+to\s+[A-Z][^.?!:;]*$")
