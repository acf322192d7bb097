"""A question as plain words: what a user typed with Markdown or HTML ("**Bexley**", "<i>improve</i>", "[link](…)",
"# heading") is read for its words, so the same question is routed and searched the same way however it is typed."""

from __future__ import annotations

import html
import re

_LINK = re.compile(r"\[([^\]\n]{1,200})\]\([^()\s]{0,500}\)")  # [words](address): the words
_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>")  # <i>, </b>, <a href=…>
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")  # "# What …", "### What …"
_EMPHASIS = re.compile(r"(\*\*|__|\*|`|~~)(?=\S)(.+?)(?<=\S)\1")  # **bold**, *italic*, `code`, ~~struck~~


# a question is a sentence or two: a councillor's longest runs to a few hundred characters. A pasted document would
# be searched word by word for minutes (a 100 kB "question" ran for over ten minutes) and answer nothing better
MAX_QUESTION_CHARS = 1000


def check_length(text: str, what: str = "question") -> None:
    """A ValueError, in one line saying what to do, when ``text`` is longer than a question is."""
    if len(text) > MAX_QUESTION_CHARS:
        raise ValueError(f"The {what} is {len(text):,} characters long; ask it in at most {MAX_QUESTION_CHARS:,} "
                         "(a sentence or two), e.g. \"what did inspectors say about step-down?\"")


# a link after the question mark is no part of the question ("… improve? [link](http://…)")
_TRAILING_LINKS = re.compile(r"\?\s*(?:(?:\[[^\]\n]{0,200}\]\([^()\s]{0,500}\)|https?://\S+)\s*)+$")


def plain_question(text: str) -> str:
    """``text`` without Markdown or HTML marks, its entities decoded and its spaces single."""
    text = _TAG.sub("", _LINK.sub(r"\1", _TRAILING_LINKS.sub("?", text)))
    text = _HEADING.sub("", html.unescape(text))
    previous = None
    while previous != text:  # "***both***", "**`nested`**"
        previous, text = text, _EMPHASIS.sub(r"\2", text)
    return " ".join(text.split())
