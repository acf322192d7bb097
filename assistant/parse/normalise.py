"""Character clean-up: one display form (kept close to the original) and one search form."""

from __future__ import annotations

import re
import unicodedata

# Private-use glyphs old reports use as bullets, the minus sign used as a bullet, and the usual bullets.
BULLET_CHARS = "•◼▪●■□◦‣⁃➢➤►▶✓✔\uf0a7\uf06e\uf02d\uf0b7\uf076\uf0d8\u2212–-*"
# Word's second-level bullet (a circle in Courier New) comes out of a PDF as a letter "o": "o The Constitution and
# the Financial Regulations …", "o Hampshire, 15%". No English sentence starts with a lower-case "o" alone.
_BULLET_RE = re.compile(r"^\s*(?:[" + re.escape(BULLET_CHARS) + r"](?=\s|$)|o(?=\s+[A-Z0-9(£‘“\"']))\s*")
_PUA_RE = re.compile(r"[\ue000-\uf8ff]")

_DISPLAY_MAP = str.maketrans({
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u200b": "", "\ufeff": "",
    "\u2011": "-", "\ufffc": "", "\u00ad": "",
})
_SEARCH_MAP = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
    "\u2212": "-", "£": "£",
})
_SPACES = re.compile(r"[ \t]+")
_FOOTNOTE_GLUE = re.compile(r"(?<=[a-z?])(\d)(?=\s|$)|(?<=\?) \d$")  # "improve?1", "improve? 1", "Board1" (single digits)


def display(text: str) -> str:
    """Text as shown to users: original characters, invisible/odd spaces fixed."""
    text = text.translate(_DISPLAY_MAP)
    text = _PUA_RE.sub("•", text)
    return _SPACES.sub(" ", text).strip()


def search_form(text: str) -> str:
    """Text for matching: straight quotes and plain dashes, NFKC, collapsed spaces, lower case."""
    text = unicodedata.normalize("NFKC", display(text)).translate(_SEARCH_MAP)
    return _SPACES.sub(" ", text).strip().lower()


def squashed(text: str) -> str:
    """``text``'s ASCII letters and digits, lower-cased: two copies of a passage printed with different spacing,
    line breaks, hyphen breaks, quotes or case read the same."""
    return _NOT_SQUASHED.sub("", text.lower())


_NOT_SQUASHED = re.compile(r"[^a-z0-9]")


def strip_bullet(line: str) -> tuple[bool, str]:
    """('•  Some text') -> (True, 'Some text')."""
    m = _BULLET_RE.match(line)
    if m and len(line) > m.end():
        return True, line[m.end():]
    return False, line


def join_lines(lines: list[str], vocabulary: set[str] | None = None) -> str:
    """Join a paragraph's lines, mending words hyphenated at line ends.

    "multi-" + "agency" stays "multi-agency"; "deci-" + "sion" becomes "decision" when the joined word
    occurs elsewhere in the document (``vocabulary``) and the hyphenated form does not.
    """
    out = ""
    for raw in lines:
        line = display(raw)
        if not line:
            continue
        if not out:
            out = line
            continue
        m = re.search(r"([A-Za-z]+)-$", out)
        n = re.match(r"([a-z]+)", line)
        if m and n:
            joined = (m.group(1) + n.group(1)).lower()
            hyphenated = f"{m.group(1)}-{n.group(1)}".lower()
            if vocabulary and joined in vocabulary and hyphenated not in vocabulary:
                out = out[:-1] + line
            else:
                out = out + line
            continue
        if _ADDRESS_CUT.search(out) and _DOMAIN_REST.match(line):
            out = out + line  # an email or web address broken at a dot: "georgina.little@kent" / ".gov.uk"
            continue
        out = out + " " + line
    return _SPACES.sub(" ", out).strip()


_ADDRESS_CUT = re.compile(r"(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)*|\bwww\.[\w-]+(?:\.[\w-]+)*)$")
_DOMAIN_REST = re.compile(r"^\.[a-z]{2,}(?:\.[a-z]{2,})*\b")


def vocabulary_of(text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z-]+[a-z]", text.lower()))


def unglue_footnote(text: str) -> str:
    """'What needs to improve?1' -> 'What needs to improve?' (headings only: body digits are data)."""
    return _FOOTNOTE_GLUE.sub("", text)
