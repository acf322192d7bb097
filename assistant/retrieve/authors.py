"""A paper's author or contact block, for a question asking who wrote the paper retrieval found, or whom to contact
about it.

Committee reports print their author on the last page ("Report Author: Ben Sherreard", "Contact Officer: …",
"Lead officer contact …", "4. Contact details Matthew Wagner …"): a few short lines that share no words with the
question's subject, so search never ranks them ("who wrote the ICS delivery plan report?" found eight of the
report's paragraphs and its "From:" sponsors, never its "Author Dr Mike Gogarty …" block). The answer quotes only
from the hits it is given; this step makes sure they hold that block. The parser may file the block's first line as
the heading of the lines below it (heading "Author Dr Mike Gogarty …" over "Relevant Director Dr Anjan Ghosh …"):
the hit then quotes the heading with its lines, as the page prints them."""

from __future__ import annotations

import dataclasses

from ..text.authors import author_asked, author_block
from ..records import Hit
from .hybrid import Retriever

DOCS = 2  # the papers, in the order retrieval found them among its first hits, whose author block is looked for
WITHIN = 5  # the first hits those papers are taken from
BLOCK_AT = 0  # where a paper's author block goes among the hits: first (the answer starts from the first)


def _printed(heading: str | None, text: str) -> str:
    return f"{heading} {text}" if heading else text  # one line: a line of its own would be quoted as a heading


def author_rows(retriever: Retriever, doc: str, kind: str) -> list[int]:
    """The rows of ``doc``'s paragraphs that name a person under its author (or contact) label, heading included;
    those under an author label first."""
    data = retriever.data
    rows = [int(r) for r in data.rows_by_doc().get(doc, [])]
    found = [r for r in rows if author_block(_printed(data.paragraphs[r].heading, data.paragraphs[r].text), kind)]
    return sorted(found, key=lambda r: not author_block(_printed(data.paragraphs[r].heading,
                                                                    data.paragraphs[r].text), "author"))


def with_author_block(retriever: Retriever, question: str, hits: list[Hit]) -> list[Hit]:
    """``hits`` with the author (or contact) block of the papers they come from among the first, for a question
    asking who wrote a paper or whom to contact about it; unchanged for any other question, or where the papers
    print no such block."""
    kind = author_asked(question)
    if kind is None or not hits:
        return hits
    data = retriever.data
    docs = list(dict.fromkeys(h.paragraph.doc for h in hits[:WITHIN]))[:DOCS]
    blocks: list[Hit] = []
    for doc in docs:
        rows = author_rows(retriever, doc, kind)
        if not rows:
            continue
        p = data.paragraphs[rows[0]]
        if not author_block(p.text, kind):  # the label is the paragraph's heading: quoted with its lines
            p = dataclasses.replace(p, text=_printed(p.heading, p.text))
        blocks.append(Hit(paragraph=p, meta=data.docs[doc], score=0.0, rank=0, row=rows[0]))
    if not blocks:
        return hits
    added = {b.row for b in blocks}
    kept = [h for h in hits if h.row not in added]
    out = kept[:BLOCK_AT] + blocks + kept[BLOCK_AT:]
    return [dataclasses.replace(h, rank=i) for i, h in enumerate(out, start=1)]
