"""Recognise printed paragraph numbers ("3.11", "14.", "(27)", "a)") and check them against the sequence."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalise import BULLET_CHARS

_SP = r"[\s\u00a0\u202f]"
# optional bullet, then 3.11 / 3.11. / 14. / 14 / (27) / 27)
_NUM_RE = re.compile(
    r"^\s*(?:[" + re.escape(BULLET_CHARS) + r"]\s*)?"
    r"(?:\((?P<paren>\d{1,3})\)|(?P<num>\d{1,3}(?:\.\d{1,3}){0,3})(?P<punct>[.)])?)"
    + _SP + r"+(?P<rest>\S.*)$"
)
_NUM_NOSPACE_RE = re.compile(r"^\s*(?P<num>\d{1,3})\.(?P<rest>[A-Z][a-z].*)$")  # "19.Negative"
# "a) …", "(b) …", "iv. …"; a capital only in brackets ("A) the Commissioning Plan …": "A." may be an initial)
_LETTER_RE = re.compile(r"^\s*(?:\((?P<a>[a-z]{1,2}|[ivx]{1,4}|[A-Z])\)|(?P<b>[a-z]|[ivx]{1,4})[.)]|(?P<c>[A-Z])\))"
                        + _SP + r"+(?P<rest>\S.*)$")


_BAR = re.compile(r"^\|\s+[A-Z][a-z]")


@dataclass(frozen=True)
class Number:
    label: str  # as printed, without trailing punctuation: "3.11", "14", "27"
    parts: tuple[int, ...]
    style: str  # "decimal" (3.11) | "dot" (14.) | "bare" (34) | "paren" ((27)) | "close" (24))
    rest: str  # text after the number


def match_number(line: str) -> Number | None:
    m = _NUM_RE.match(line)
    if m:
        if m.group("paren"):
            label, style = m.group("paren"), "paren"
        else:
            label = m.group("num")
            punct = m.group("punct")
            style = "decimal" if "." in label else ("close" if punct == ")" else "dot" if punct else "bare")
        rest = m.group("rest")
    else:
        m = _NUM_NOSPACE_RE.match(line)
        if not m:
            return None
        label, style, rest = m.group("num"), "dot", m.group("rest")
    parts = tuple(int(x) for x in label.split("."))
    if _BAR.match(rest):  # a section's number set off from its title by a bar: "3 | Revenue Budget Forecast"
        rest = rest[1:].lstrip()
    return Number(label, parts, style, rest)


def match_letter(line: str) -> tuple[str, str] | None:
    """'a) NOTE the forecast' -> ('a', 'NOTE the forecast')."""
    m = _LETTER_RE.match(line)
    if not m:
        return None
    return (m.group("a") or m.group("b") or m.group("c")), m.group("rest")


# a reference number, a dash, then a title: an agenda item that opens with its decision's number
# ("5. NN/NNNNN - Revenue and Capital Budget Monitoring Report")
_REFERENCE_TITLE = re.compile(r"^[A-Z]{0,4}\d{1,4}/\d{2,6}\s+[-–—]\s+[A-Z][a-z]")


def _wordlike(rest: str) -> bool:
    """The text after a number should start like prose, not like a table value ("KR4 £56,996", "%")."""
    if _REFERENCE_TITLE.match(rest):
        return True
    tok = rest.split()[0]
    if tok[0] in "‘'\"“(":
        tok = tok[1:] or "x"
    if not tok[0].isalpha():
        return False
    if any(ch.isdigit() for ch in tok):
        return False
    return True


class Sequence:
    """Tracks the numbering seen so far so that "47 enquiries" is not mistaken for paragraph 47."""

    def __init__(self) -> None:
        self.last_int: int | None = None  # last accepted single-level number
        self.last_decimal: tuple[int, ...] | None = None
        self.last_paren: int | None = None
        self.outer: int | None = None  # the number a list restarting at 1 interrupted ("6. … 1. 2. 3. 7. RESOLVED")

    def expected(self, num: Number) -> bool:
        """The number that would come next ("20." after 19, "3.12" after 3.11, "4.1" after 3.x)."""
        if num.style == "decimal" and self.last_decimal and len(num.parts) == 2:
            major, minor = num.parts
            last = self.last_decimal
            return (major == last[0] and minor == last[1] + 1) or (major == last[0] + 1 and minor == 1)
        if num.style in ("dot", "close"):
            return self.last_int is not None and num.parts[0] == self.last_int + 1
        if num.style == "paren":
            return self.last_paren is not None and num.parts[0] == self.last_paren + 1
        return False

    def accept(self, num: Number, *, after_break: bool) -> bool:
        # "20. 16- and 17-year-olds ..." is paragraph 20 when 19 came before; otherwise text after a number
        # must read like prose, not like a table value ("1.87 KR4 £56,996")
        if not _wordlike(num.rest) and not (after_break and self.expected(num)):
            return False
        if num.style == "decimal":
            major, minor = num.parts[0], num.parts[1]
            if major > 40 or minor > 120 or any(len(p) > 1 and p[0] == "0" for p in num.label.split(".")[1:]):
                return False  # (a figure's zero-padded decimals, "7.000 …", number no paragraph)
            top = self.last_int if self.last_int is not None else (self.last_decimal or (0,))[0]
            if self.last_decimal and major < self.last_decimal[0] - 1 and not after_break:
                return False
            if top and major > top + 3 and not after_break:
                return False
            self.last_decimal = num.parts
            self.last_int = major if self.last_int is None or major >= self.last_int else self.last_int
            return True
        n = num.parts[0]
        if num.style in ("paren", "close"):
            prev = self.last_paren
            ok = prev is None and n <= 3 or prev is not None and (n == prev + 1 or n == 1 or (after_break and 0 < n - prev <= 2))
            if ok:
                self.last_paren = n
            return ok
        prev = self.last_int
        if self.last_decimal and prev == self.last_decimal[0]:
            # inside decimal numbering a bare integer can only be the next section ("2  Revenue ...")
            ok = n == prev + 1
        elif num.style == "dot":
            ok = prev is None and (n <= 3 or after_break) or prev is not None and (
                n == prev + 1 or n == 1 or (0 < n - prev <= 3 and after_break) or (n == prev and after_break)
                or (self.outer is not None and n == self.outer + 1)  # the interrupted list going on
            )
            if ok and n == 1 and prev is not None and prev > 1:
                self.outer = prev  # a list inside the paragraph before: "5. … agreed: 1. … 2. … 3. …"
            elif ok and self.outer is not None and n == self.outer + 1:
                self.outer = None
        else:  # bare number without a dot: only the expected next one ("34 Most children...")
            ok = (prev is None and n == 1) or (prev is not None and n == prev + 1)
        if ok:
            self.last_int = n
        return ok

    def reset_paren(self) -> None:
        self.last_paren = None
