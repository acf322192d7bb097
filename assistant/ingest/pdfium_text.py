"""A page's text from PDFium (pypdfium2), shaped like pypdf's lines so the paragraph parser sees what it expects.

PDFium returns a page's text with its own line breaks ("\r\n"), marks a hyphen it removed at a line end with
U+FFFE (joining the two halves) and never emits empty lines. pypdf's empty lines are what the parser reads as
paragraph breaks, so they are recreated from the page's geometry: an empty line goes before a line whose
baseline sits more than ``BLANK_GAP`` times the font size below the previous line's (ordinary line spacing is
1.1-1.3 times the font size, a paragraph gap 2.2 or more; ``BLANK_GAP_NEW_SIZE`` where the font size changes, as
under a title), but not after a line that rose above the one before it (the last cell of a table row, printed
beside the first: pypdf gives a table's rows with no empty lines between them), nor inside Ofsted's page-1
judgement table, above it on its page, or between it and the summary below it (the parser lays the table out
only when it comes whole, and keeps the title and lead inspector together only without them; pypdf runs the
summary on in about half the reports). Before a form's field label ("Decision:") a gap of ``PITCHES`` times the
page's own line spacing is enough (Kent's forms are set 1.15 font sizes apart). Every page starts with an empty
line (pypdf has one at the top of 86% of the corpus's pages). Line-end hyphens are put back at the end of their line
("self-" / "esteem.", as pypdf gives them: the parser decides whether to join). A space PDFium drops after a
paragraph number ("30.Family") is put back where the printed gap is there. Thresholds fitted on the 94,371
lines of the shared corpus that both readers give alike.
"""

from __future__ import annotations

import ctypes
import re
from collections import Counter
from functools import cache
from itertools import pairwise

from .grid import Cell, PrintedLine, grid_tables

BLANK_GAP = 2.25  # baseline-to-baseline distance, in font sizes, above which an empty line is inserted
BLANK_GAP_NEW_SIZE = 2.0  # the same where the font size changes (a title above a subtitle or the text)
BESIDE = 3.0  # a cell beside the text before it starts this many font sizes further right (and higher up)
CELL_GAP = 1.0  # a gap this many font sizes wide inside a line starts a new cell (a space is about 0.25-0.3)
ALIGNED = 1.0  # points: a line starting this close to a cell's left edge is aligned with it
MARKER_SIZE = 0.8  # a footnote marker is set at most this fraction of the text's font size
MARKER_RISE = 0.2  # and raised at least this many of the text's font sizes above its baseline
PITCHES = 1.5  # before a form's field label ("Decision:"): above 1.5 times the page's own line spacing
_FORM_LABEL = re.compile(r"^[A-Z][A-Za-z()’' -]{1,40}:(\s|$)")

_LINE_END_HYPHEN = "\ufffe"
# Ofsted's page-1 judgement table: pypdf gives it from its header to its "Overall effectiveness" row with no empty
# line inside, and the parser reads it as one table only then (parse/judgements.py)
_JUDGEMENT_HEADER = re.compile(r"^Judgements?\s+Grades?$")
_TABLE_LINE_MAX = 75  # a longer line is prose: the table has ended
_NOTE_MARK = re.compile(r"^\d{1,2}\s+[A-Z‘“'\"(]")  # a footnote's first line: its number, then its text
_NOTE_LINES = 12  # a footnote longer than this is not one
_NUMBER_GLUED = re.compile(r"^(\s*\d{1,3}(?:\.\d{1,3}){0,3}\.)(?=[^\s\d.])")
_BULLET = re.compile(r"^[•●▪■◦‣∙·o\-–]\s")


def parallel_lists(lines: list[tuple[float, float, float, str]]) -> tuple[list[int], frozenset[int]] | None:
    """A table of lists side by side, read one column at a time: its first row holds each column's lead-in ("The
    sessions available at Margate Family Hub include:"), its second each column's list of bullets. PDFium gives
    the cells row by row, so the four lead-ins came first, then the four lists, one after the other, and the
    parser joined the lead-ins into one paragraph and the lists into one list. ``lines``: each non-empty line's
    baseline, font size, left edge and text, in PDFium's order. Returns the lines' order with each column's
    lead-in followed by its list, and the positions (in that order) where a column after the first begins; None
    when the page holds no such table (then nothing is reordered).

    A cell starts where a line rose above the one before and starts well to its right (the next column), after a
    paragraph gap, or where a line starts well to the left of the one before (a row's first column); a row is a
    run of cells each after the first beside the one before it. Only a row of two to six cells followed by a row
    of as many cells, each under its own and each a list of bullets, is rebuilt."""
    starts = [0]
    beside: set[int] = set()
    for k in range(1, len(lines)):
        (base0, size0, x00, _), (base, size, x0, _) = lines[k - 1], lines[k]
        size = size or size0 or 1.0
        if base > base0 + 0.5 * size and x0 > x00 + BESIDE * size:
            starts.append(k)
            beside.add(k)
        elif base0 - base > BLANK_GAP * size or x0 < x00 - BESIDE * size:
            starts.append(k)
    cells = list(pairwise(starts + [len(lines)]))
    rows: list[list[tuple[int, int]]] = []
    for cell in cells:
        if rows and cell[0] in beside:
            rows[-1].append(cell)
        else:
            rows.append([cell])
    for first, second in pairwise(rows):
        n = len(first)
        if not 2 <= n <= 6 or len(second) != n or first[-1][1] != second[0][0]:
            continue
        lefts = [lines[a][2] for a, _ in first]
        spacing = min(b - a for a, b in pairwise(lefts))
        if any(abs(lines[b][2] - x) > spacing / 2 for (b, _), x in zip(second, lefts)):
            continue
        if not all(_BULLET.match(lines[b][3]) for b, _ in second):
            continue
        order = list(range(first[0][0]))
        column_starts = set()
        for (a0, a1), (b0, b1) in zip(first, second):
            if order and a0 != first[0][0]:
                column_starts.add(len(order))
            order += list(range(a0, a1)) + list(range(b0, b1))
        order += list(range(second[-1][1], len(lines)))
        return order, frozenset(column_starts)
    return None


def page_layout(textpage) -> tuple[list[str], frozenset[int], frozenset[int], frozenset[int], frozenset[int]]:
    """The lines of one pypdfium2 ``PdfTextPage``, right-stripped, with empty lines at paragraph gaps; the
    positions among them of lines that begin a table cell printed *beside* the text before them: the line rose
    above the previous one and starts well to its right (a form's value by its label, "4. Officer completing
    EQIA" | "Ben Sherreard"; the next cell of a table row). The paragraph parser keeps a value with its label
    instead of reading it as the heading of the next field. The positions of the page's footnote lines
    (``footnote_lines``). And the positions of the lines that go on with a table cell or a hanging indent: the
    line starts where a cell of the line above starts (past a wide gap: "2 | Would not achieve the full MTFP
    saving …" then "Would require cuts elsewhere …" under "Would"), or where the line above, itself going on
    like this, starts. The parser keeps such a line in the cell's paragraph even after a short line that ends a
    sentence (a cell's lines are short). And the positions of the lines that begin a column, after the first, of a
    table of lists read one column at a time (``parallel_lists``): a paragraph always starts there."""
    lines, cells, sizes, hangs, columns = _page(textpage)
    return lines, cells, footnote_lines(sizes), hangs, columns


def footnote_lines(sizes: list[tuple[int, float, str]]) -> frozenset[int]:
    """The footnote at the foot of a page: the last lines, all set smaller than the page's body text, from one that
    opens with the note's number ("1 The areas for improvement have been cross-referenced …", 10 pt under 12 pt
    text). Reports print it between the halves of a paragraph that runs on over the page break; the parser keeps
    the paragraph whole and the note after it. ``sizes``: each non-empty line's position, font size and text."""
    if len(sizes) < 4:
        return frozenset()
    body = Counter(round(size) for _, size, _ in sizes if size).most_common(1)[0][0]
    run: list[tuple[int, float, str]] = []
    for at, size, text in reversed(sizes):
        if not size or size > body - 1 or "\t" in text or len(run) >= _NOTE_LINES:
            break
        run.insert(0, (at, size, text))
    start = next((i for i, (_, _, text) in enumerate(run) if _NOTE_MARK.match(text)), None)
    return frozenset(at for at, _, _ in run[start:]) if start is not None else frozenset()


def _page(textpage) -> tuple[list[str], frozenset[int], list[tuple[int, float, str]], frozenset[int],
                             frozenset[int]]:
    import pypdfium2.raw as pdfium_c

    text = textpage.get_text_range()
    if not text:
        return [], frozenset(), [], frozenset(), frozenset()
    x, y = ctypes.c_double(), ctypes.c_double()
    left, right, bottom, top = ctypes.c_double(), ctypes.c_double(), ctypes.c_double(), ctypes.c_double()

    @cache  # each line's origin and left edge are read by the table-of-lists check, the line pitch and the layout;
    def origin(text_index: int) -> tuple[float, float]:  # a digit's by the footnote-marker check and the next digit's
        """The baseline and font size of the character at ``text_index``."""
        ci = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, text_index)
        if ci < 0 or not pdfium_c.FPDFText_GetCharOrigin(textpage, ci, x, y):
            return 0.0, 0.0
        return y.value, pdfium_c.FPDFText_GetFontSize(textpage, ci)

    def box(text_index: int) -> tuple[float, float, int] | None:
        """Left and right edge of the character at ``text_index``, and its character index; None if unknown."""
        ci = pdfium_c.FPDFText_GetCharIndexFromTextIndex(textpage, text_index)
        if ci < 0 or not pdfium_c.FPDFText_GetCharBox(textpage, ci, left, right, bottom, top):
            return None
        return left.value, right.value, ci

    @cache
    def left_of(text_index: int) -> float:
        at = box(text_index)
        return at[0] if at else 0.0

    def starts_cell_at(start: int, piece: str, x: float) -> bool:
        """Whether a cell of the line ``piece`` (at ``start`` in the page's text) other than its first begins at
        ``x``: a character past a gap of at least ``CELL_GAP`` font sizes from the last one before it, whose left
        edge is within ``ALIGNED`` of ``x``. Reads the line only as far as ``x``."""
        last = None
        for k, ch in enumerate(piece):
            if ch.isspace():
                continue
            at = box(start + k)
            if at is None:
                continue
            if at[0] > x + ALIGNED:
                return False
            if last is not None and abs(at[0] - x) <= ALIGNED:
                size = pdfium_c.FPDFText_GetFontSize(textpage, at[2]) or 1.0
                if (at[0] - last) / size >= CELL_GAP:
                    return True
            last = at[1]
        return False

    def cells_of(start: int, piece: str) -> list[Cell]:
        """The line ``piece`` (at ``start`` in the page's text) split where a gap of at least ``CELL_GAP`` font
        sizes separates two words (PDFium puts a space in any gap: only the characters around spaces are read)."""
        words = [(m.start(), m.end()) for m in re.finditer(r"\S+", piece)]
        if not words:
            return []

        def edge(k: int, right: bool) -> tuple[float, int] | None:  # a word's first or last character with a box
            at = box(start + k)
            return (at[1] if right else at[0], at[2]) if at is not None else None

        out: list[Cell] = []
        first = 0  # the first word of the current cell
        for w in range(1, len(words) + 1):
            if w < len(words):
                a, b = edge(words[w - 1][1] - 1, True), edge(words[w][0], False)
                if a is None or b is None or (b[0] - a[0]) / (pdfium_c.FPDFText_GetFontSize(textpage, b[1]) or 1.0) \
                        < CELL_GAP:
                    continue
            x0, x1 = edge(words[first][0], False), edge(words[w - 1][1] - 1, True)
            out.append(Cell(x0[0] if x0 else 0.0, x1[0] if x1 else 0.0,
                            piece[words[first][0]:words[w - 1][1]]))
            first = w
        return out

    def gap_after(text_index: int) -> float:
        """Horizontal gap between the character at ``text_index`` and the next one, in font sizes."""
        a, b = box(text_index), box(text_index + 1)
        if a is None or b is None:
            return 0.0
        size = pdfium_c.FPDFText_GetFontSize(textpage, b[2]) or 1.0
        return (b[0] - a[1]) / size

    def markers(start: int, piece: str) -> set[int]:
        """Where in the line ``piece`` (at ``start`` in the page's text) a footnote marker is: digits set at most
        ``MARKER_SIZE`` of the size of the character before them, and raised above its baseline, with no space
        between ("17 of the 38¹ indicators" is not "381", nor "power of 6.3%¹" "6.3%1")."""
        found: set[int] = set()
        before = -1  # the last character, not a space, that is not a marker (read only when a digit follows it)
        for k, ch in enumerate(piece):
            if ch.isspace():
                before = -1
            elif not ch.isdigit() or before < 0:
                before = k
            else:
                (base, size), (base0, size0) = origin(start + k), origin(start + before)
                if size and size <= MARKER_SIZE * size0 and base > base0 + MARKER_RISE * size0:
                    found.add(k)
                else:
                    before = k
        return found

    out: list[str] = [""]  # pypdf starts most pages with an empty line (2,170 of the corpus's 2,534 pages)
    prev: tuple[float, float, bool] | None = None  # the last non-empty line's baseline y, font size, and
    # whether it rose above the line before it (a table cell in the next column: no empty line after it)
    prev_left = 0.0  # where the last non-empty line starts
    prev_piece: tuple[int, str] | None = None  # the last non-empty line's start in ``text`` and its text
    prev_hang = False  # whether the last non-empty line went on with a cell or hanging indent
    beside: set[int] = set()
    hangs: set[int] = set()
    columns: set[int] = set()
    pos = 0  # index into ``text`` of the current piece
    pieces: list[tuple[int, str]] = []
    for line in text.split("\r\n"):
        start = pos
        parts = line.split(_LINE_END_HYPHEN)
        for k, part in enumerate(parts):
            pieces.append((start, part + ("-" if k < len(parts) - 1 else "")))
            start += len(part) + 1
        pos += len(line) + 2
    column_starts: frozenset[int] = frozenset()  # where a column of a table of lists begins (parallel_lists)
    shown = [(start, piece) for start, piece in pieces if piece.strip()]
    firsts = [start + len(piece) - len(piece.lstrip()) for start, piece in shown]
    if (layout := parallel_lists([(*origin(f), left_of(f), piece.strip()) for f, (_, piece) in zip(firsts, shown)])):
        order, column_starts = layout
        pieces = [shown[i] for i in order]
    pieces = [(start, piece) for start, piece in pieces if piece.strip()]
    tables = {} if column_starts else grid_tables(
        [PrintedLine(*origin(start + len(piece) - len(piece.lstrip())), tuple(cells_of(start, piece)))
         for start, piece in pieces])
    rebuilt: dict[int, str] = {}  # a table's lines, by the position of the printed line each stands in for
    headers: set[int] = set()  # where each table's header stands among them
    if tables:
        kept: list[tuple[int, str]] = []
        k = 0
        while k < len(pieces):
            if k in tables:
                end, rows = tables[k]
                headers.add(len(kept))
                # the header stands where its first line was, the rows on the table's last lines (its last row on
                # its last line, from which the text after the table is measured)
                for at, text in zip([k] + list(range(end - len(rows) + 1, end)), rows):
                    rebuilt[len(kept)] = text
                    kept.append(pieces[at])
                k = end
            else:
                kept.append(pieces[k])
                k += 1
        pieces = kept
    # inside Ofsted's judgement table, or above it: pypdf gives the front page's title, dates and lead inspector
    # and the table with no empty line between them on 147 of the corpus's 155 such pages
    in_table = any(_JUDGEMENT_HEADER.match(piece.strip()) for _, piece in pieces)
    sizes: list[tuple[int, float, str]] = []  # each non-empty line's position in ``out``, font size and text
    pitch = _line_pitch(pieces, origin)
    for k, (start, piece) in enumerate(pieces):
        piece = piece.rstrip()
        stripped = piece.lstrip()
        if not stripped:
            continue
        if k in column_starts:  # the next column of a table of lists: a paragraph of its own
            out.append("")
            columns.add(len(out))
            prev, prev_hang = None, False
        lead = len(piece) - len(stripped)
        base, size = origin(start + lead)
        x0 = left_of(start + lead)
        rose = False
        if in_table and len(stripped) > _TABLE_LINE_MAX:
            in_table = False  # prose after a table that has no "Overall effectiveness" row (2026 reports)
        if prev is not None and size:
            drop = prev[0] - base
            rose = drop < -0.5 * size
            gap = BLANK_GAP_NEW_SIZE if abs(size - prev[1]) > 1 else BLANK_GAP
            if _FORM_LABEL.match(stripped):
                gap = min(gap, PITCHES * pitch)
            limit = gap * max(size, prev[1])
            blank = drop > limit and not prev[2] and not in_table and not (k in rebuilt and k - 1 in rebuilt) \
                or k in headers  # a table starts a block of its own
            if blank:
                out.append("")
            if rose and not in_table and x0 > prev_left + BESIDE * size:
                beside.add(len(out))
            hang = not blank and not rose and not in_table and x0 > 0 and prev_piece is not None and (
                (prev_hang and abs(x0 - prev_left) <= ALIGNED)
                or (x0 > prev_left + size and starts_cell_at(*prev_piece, x0)))
            if hang:
                hangs.add(len(out))
            prev_hang = hang
        prev = (base, size, rose)
        prev_left = x0
        prev_piece = (start + lead, stripped)
        if _JUDGEMENT_HEADER.match(stripped):
            in_table = True
        elif in_table and stripped.startswith("Overall effectiveness"):
            in_table = False
            prev = (base, size, True)  # no empty line after the table either: the summary below it follows on
        if k in rebuilt:  # a table's header or row, its cells tab-separated
            piece = stripped = rebuilt[k]
        else:
            marks = markers(start, piece)
            glued = _NUMBER_GLUED.match(piece)
            space_at = glued.end() if glued and gap_after(start + glued.end() - 1) > 0.1 else -1
            if marks or space_at >= 0:
                piece = "".join((" " if j == space_at else "") + ch for j, ch in enumerate(piece) if j not in marks)
        sizes.append((len(out), size, stripped))
        out.append(piece)
    return out, frozenset(beside), sizes, frozenset(hangs), frozenset(columns)


def _line_pitch(pieces, origin) -> float:
    """The page's usual baseline-to-baseline distance between lines of one font size, in font sizes."""
    import statistics

    drops = []
    prev = None
    for start, piece in pieces:
        stripped = piece.strip()
        if not stripped:
            continue
        base, size = origin(start + len(piece) - len(piece.lstrip()))
        if prev is not None and size and abs(size - prev[1]) < 0.5 and 0.9 < (prev[0] - base) / size < 1.6:
            drops.append((prev[0] - base) / size)
        prev = (base, size)
    return statistics.median(drops) if len(drops) >= 3 else 1.5
