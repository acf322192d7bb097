"""The answer's text: the leading quote and its citation on the first line, the further quotes grouped by document
(newest first when asked), a table row under its headers, what completes a lead-in after it (a list's items on one
line, cited once); names listed in a sentence ("A, B and C"); and the text of an answer that abstains, with the
nearest passages.
"""

from __future__ import annotations

from itertools import groupby
from typing import Callable

from ..parse.context import is_meeting_question
from ..records import Hit, citation_label, long_date

TableHeaders = Callable[[int], tuple[str, int | None]]  # paragraph row -> its table's headers and their page
PrintedTables = Callable[[int], str]  # paragraph row -> the table it is a row of, as printed on its page ("" if none)


def printed_table_of(h: Hit, tables: PrintedTables | None) -> str | None:
    """The table a cited paragraph is a row of, as printed on its page, to be cited as its text; None for any other
    paragraph (parse/context.printed_table)."""
    return (tables(h.row) or None) if tables is not None and h.row is not None else None


def headers_of(citations: list[tuple[Hit, list[str]]], table_headers: TableHeaders | None
             ) -> dict[str, tuple[str, int | None]]:
    """The column headers of each cited table row, by paragraph id: a row's figures are not shown without the names
    of their columns ("Adult Social Care & Health 1.305 -0.193 0.034 -0.227" means nothing alone)."""
    out = {}
    for h, _ in citations:
        if table_headers is not None and h.paragraph.kind == "table-row" and h.row is not None:
            header, page = table_headers(h.row)
            if header:
                out[h.paragraph.id] = (header, page)
    return out


def asked_by(citations: list[tuple[Hit, list[str]]], replying: dict[str, Hit]) -> dict[str, str]:
    """What each cited question put at a meeting, or answer to one, is shown under, by paragraph id: the question's
    heading, which names who asked whom ("Question by Mike Sole to Neil Baker, Cabinet Member for Highways and
    Transport"); a quote from the question's text or its answer says neither."""
    out = {}
    for h, _ in citations:
        if is_meeting_question(h.paragraph):
            out[h.paragraph.id] = h.paragraph.heading or ""
        elif (put := replying.get(h.paragraph.id)) is not None and put.paragraph.heading:
            out[h.paragraph.id] = f"Answer to the {put.paragraph.heading[0].lower()}{put.paragraph.heading[1:]}"
    return {pid: title for pid, title in out.items() if title}


def _shown(h: Hit, quote: str, headers: dict[str, tuple[str, int | None]], under: str | None = None) -> str:
    """A quote and its citation; a table row's with the headers printed above its table (and their page, when not
    the row's), marked as such: 'Kent 370,000 1.3 (table under "Authority 0-19 Year Olds …") [… p.6]'; a question
    put at a meeting, or its answer, after who asked whom (``under``): "Question by … to …: On 6 February I …"."""
    label = citation_label(h.paragraph, h.meta, quote)
    before = f"{under}: " if under else ""
    if h.paragraph.id not in headers:
        return f"{before}{quote} [{label}]"
    header, page = headers[h.paragraph.id]
    where = f", p.{page}" if page is not None and page != h.paragraph.page_start else ""
    return f'{before}{quote} (table under "{header}"{where}) [{label}]'


def format_answer(citations: list[tuple[Hit, list[str]]], headers: dict[str, tuple[str, int | None]] | None = None,
            newest_first: bool = False, completions: dict[str, list[tuple[Hit, list[str]]]] | None = None,
            titles: dict[str, str] | None = None, beside: set[str] | None = None
            ) -> tuple[str, list[tuple[Hit, list[str]]]]:
    """The answer first: the quote that best answers the question, cited, on the first line. Then the further
    quotes grouped by document: the most relevant document first, or the newest first when the question asks how
    things changed over time or how they are now. A quote ending in a colon is followed by what completes it
    (``completions``). A question put at a meeting, or its answer, is shown after who asked whom (``titles``,
    ``asked_by``), the first time only. The quotes whose paragraph ids are ``beside`` go on the first line after
    the lead's ("Overall effectiveness: Requires improvement to be good [Stockport …]; Overall effectiveness: Good
    [Solihull …]": each council a question names answered first). Returns the text and the quotes in the order it
    shows them."""
    headers = headers or {}
    completions = completions or {}
    titles = titles or {}
    said: set[str] = set()  # the next paragraph of the same question or answer goes on under its title

    def statement(h: Hit, quote: str) -> str:
        title = titles.get(h.paragraph.id)
        if title in said:
            title = None
        elif title:
            said.add(title)
        return _shown(h, quote, headers, title)

    beside = beside or set()
    first = [citations[0]] + [c for c in citations[1:] if c[0].paragraph.id in beside]
    rest = [c for c in citations[1:] if c[0].paragraph.id not in beside]
    lines = ["; ".join(statement(h, " ".join(sentences)) for h, sentences in first)]
    shown = []
    for h, sentences in first:
        lines += _completion_lines(completions.get(h.paragraph.id, []), headers)
        shown += [(h, sentences)] + completions.get(h.paragraph.id, [])
    groups: dict[str, list[tuple[Hit, list[str]]]] = {}
    for h, s in rest:
        groups.setdefault(h.paragraph.doc, []).append((h, s))
    years = {h.meta.date[:4] for h, _ in rest if h.meta.date}
    order = list(groups)
    if newest_first and len(years) > 1:
        order.sort(key=lambda d: groups[d][0][0].meta.date or "", reverse=True)
    for doc in order:
        meta = groups[doc][0][0].meta
        when = f" ({long_date(meta.date)})" if meta.date and long_date(meta.date) not in meta.title else ""  # not
        # "From Corporate Parenting Panel minutes, 29 October 2024 (29 October 2024):"
        lines.append(f"From {meta.title}{when}:")
        for h, sentences in groups[doc]:
            lines.append(f"- {statement(h, ' '.join(sentences))}")
            lines += _completion_lines(completions.get(h.paragraph.id, []), headers)
            shown += [(h, sentences)] + completions.get(h.paragraph.id, [])
    return "\n".join(lines), shown


ITEM_SEPARATOR = " • "


def _completion_lines(items: list[tuple[Hit, list[str]]], headers: dict[str, tuple[str, int | None]]) -> list[str]:
    """The lines of the paragraphs completing a lead-in: a run of list items cited alike ("Baby Massage*",
    "Beyond the Page*" …, all "[… equality impact assessment, p.4]") on one line, their label once; table rows and
    other paragraphs a line each."""
    def bullet_label(item: tuple[Hit, list[str]]) -> str | None:
        n, sentences = item
        return citation_label(n.paragraph, n.meta, " ".join(sentences)) if n.paragraph.kind == "bullet" else None

    lines: list[str] = []
    for label, run in groupby(items, key=bullet_label):
        quoted = [(n, " ".join(sentences)) for n, sentences in run]
        if label is not None:
            lines.append(f"- {ITEM_SEPARATOR.join(quote for _, quote in quoted)} [{label}]")
        else:
            lines += [f"- {_shown(n, quote, headers)}" for n, quote in quoted]
    return lines


def listed(names: list[str]) -> str:
    """"A and B", "A, B and C"; with a comma before the last when a name holds "and" ("Cumberland, and Westmorland
    and Furness")."""
    if len(names) <= 1:
        return "".join(names)
    last = ", and " if any(" and " in n for n in names) else " and "
    return ", ".join(names[:-1]) + last + names[-1]


def abstain_text(question: str, nearest: list[Hit]) -> str:
    q = question.strip().rstrip("?").strip()
    return f"The indexed documents don't say this (\"{q}\")." + nearest_text(nearest)


def nearest_text(nearest: list[Hit], whose: str = "") -> str:
    """The nearest passages, one line each; ``whose`` says whose documents they are from when that is not what was
    asked about ("other councils'": a council with nothing indexed is never answered by another's grades)."""
    if not nearest:
        return ""
    text = f" The nearest passages{f' (from {whose} documents)' if whose else ''} are:"
    for h in nearest:
        snippet = h.paragraph.text if len(h.paragraph.text) < 220 else h.paragraph.text[:217].rsplit(" ", 1)[0] + "…"
        text += f"\n- [{citation_label(h.paragraph, h.meta)}] {snippet}"
    return text

