"""Decisions in committee papers: records of kind 'decision' with the reference, who took it, when and the status.

Four document structures are read (each rule below names the one it reads):
- a record of decision, taken or proposed: a header "DECISION TO BE TAKEN BY: … DECISION NO: NN/NNNNN" and clauses
  that open with an upper-case verb ("APPROVE the proposal …", "B. DELEGATE authority …"): one record per clause;
- minutes: "RESOLVED that …" (each lettered clause its own record) and "<body> resolved the following:", whose
  content is the next paragraph (the bare lead-in is never a record);
- any paper's recital of an earlier decision: a sentence citing a decision number or saying that a body took, made
  or adopted a decision ("A Key Decision (NN/NNNNN) was taken on <date> to …"), with that decision's date;
- a call-in or referral of a decision, and the option a scrutiny meeting agreed ("Option c) was agreed.").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise

from ..records import DocMeta, Paragraph
from . import qa, topics
from .items import TrackRecord
from .text import APPARATUS, FORM_LABEL, MeetingOptions, actor_name, clean, find_date, sentences

# a decision number as printed on forward plans, records of decision and agenda item titles: "NN/NNNNN", "FP/12/345"
REF = r"(?:[A-Z]{1,5}[-/])?\d{2,4}/\d{3,6}"
# "Key Decision (NN/NNNNN)", "decision NN/NNNNN", "DECISION NUMBER: NN/NNNNN", "Decision - NN/NNNNN - Title"
REF_CITED = re.compile(rf"\bdecision\s*(?:no\.?|number|ref(?:erence)?)?\s*[:\-–]?\s*\(?({REF})(?![/\d])", re.IGNORECASE)
# an agenda item or report titled by its decision number: "90. NN/NNNNN - Title of the item"
_REF_TITLE = re.compile(rf"^\s*(?:\d+\.\s*)?({REF})\s+[-–]\s+\S")
# record-of-decision header: who takes the decision
_TAKER = re.compile(r"(?:decision\s+(?:to\s+be\s+)?(?:taken|made)\s+by|decision[- ]maker)\s*:?\s*(.+?)\s*"
                    r"(?=decision\s*(?:no|number|ref|date|status)|for publication|(?:is\s+)?key decision|is subject|$)",
                    re.IGNORECASE)
# a decision notice's own status line (ModernGov decision details): "Decision status: Recommendations Approved"
_STATUS_LINE = re.compile(r"\bdecision status\s*:\s*(.+?)\s*(?=\bis\b|$)", re.IGNORECASE)
_STATUS_WORDS = (("call", "called in"), ("reconsider", "reconsidered"), ("upheld", "upheld"), ("refer", "referred"),
                 ("approved", "taken"), ("agreed", "taken"), ("made", "taken"), ("taken", "taken"),
                 ("propos", "proposed"), ("pending", "proposed"), ("for determination", "proposed"))
# record-of-decision lead-in: "As Cabinet Member for <portfolio> I agree to"
_AS_TAKER = re.compile(r"^As\s+(.+?),?\s+I\s+(?:agree|approve|have (?:agreed|decided))\b", re.IGNORECASE)
# record-of-decision lead-in: "Decision: Cabinet is asked to"
# a recommendations heading that names no one: "Recommendation(s)", "4. Recommendations"
_BARE_REC = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?recommendations?(?:\s*\(s\))?\s*:?$", re.IGNORECASE)
_ASKED_TAKER = re.compile(r"^(?:Decision\s*:\s*)?(?:The\s+)?([A-Z][\w ,&'’-]{1,60}?)\s+(?:is|are)\s+asked\s+to\b")
# a record of decision's form printing its decision as one paragraph under the "Decision:" label: "Cabinet agree to:
# A) the Commissioning Plan for …", "Cabinet is asked to: …" (the taker, then its clauses)
_FORM_DECISION = re.compile(r"^(?:Decision\s*:\s*)?(?:The\s+)?(?P<who>[A-Z][\w ,&'’-]{1,60}?)\s+(?:agrees?|approves?|"
                            r"decides?|(?:is|are)\s+asked)\s+to\s*:\s*(?=\S)")
# headings that introduce the clauses of a decision
_CLAUSE_HEADING = re.compile(r"\bI\s+(?:agree|approve|have decided)|\b(?:is|are)\s+asked\s+to\b|^decisions?\b|"
                             r"\bdecision\s*:|\bresolved\b|\bagree[sd]?\s+to\s*:?\s*$", re.IGNORECASE)
# a clause: optional marker ("A.", "b)", "(c)"), optional "Agree to", then an upper-case verb and its lower-case object
_MARKER = r"(?:(?:[A-Za-z]|\d{1,2})[.)]\s+|\([A-Za-z0-9]{1,3}\)\s+)"
_CLAUSE = re.compile(rf"^[‘'\"“]?\s*{_MARKER}?(?:[Aa]gree\s+to\s+)?([A-Z]{{4,}})\s+(?=[a-z(£\d‘'“])")
# lettered clauses inside one paragraph of minutes: "…agree to:\nA) Note …\nb) Note …"
# a clause's mark at the start of its line: "a) ", "(b) ", "3. ", "iv) "
_CLAUSE_MARK = r"\(?(?:[A-Za-z]|\d{1,2}|[ivx]{1,4})[.)]\s"
_LETTERED = re.compile(r"(?:^|\n|;\s*(?:and\s+)?)\s*(?:[A-Za-z]|\d{1,2}|[ivx]{1,4})[.)]\s+|(?:^|\n)\s*\((?:[A-Za-z]{1,4}|\d{1,2})\)\s+")
# minutes and decision notices that print the outcome under its own label: "RESOLVED:", "Resolved –", "AGREED that",
# "Decision: The Committee noted the report."
_OUTCOME = re.compile(r"\b(?:RESOLVED|AGREED)\b|^\s*(?:\d+[.)]\s*)?(?:Resolved|Agreed|Decisions?|Outcome)\s*(?::|–|-|that\b)")
_OUTCOME_HEADING = re.compile(r"^(?:decisions?|resolved|resolutions?|outcome|decision taken)\s*:?\s*$", re.IGNORECASE)
# minutes' resolutions; a lead-in ending in a colon with nothing after it has its content in the next paragraph
_RESOLVED = re.compile(r"\bRESOLVED\b|\b(?:Council|Committee|Cabinet|Panel|Board|Sub-Committee|Members)\s+"
                       r"(?:resolved|agreed|decided)\b|\bit was (?:resolved|agreed|decided)\b")
_LIST_ITEM = re.compile(r"^\s*(\d{1,2})[.)]\s")  # a numbered list's point: "2. Note that …"
_LEAD_IN = re.compile(r"(?:resolved|agreed|decided|recommends?|recommendation|proposing|as follows|following)\b[^.]*:\s*$",
                      re.IGNORECASE)
# a paper reciting an earlier decision: a body took/made a decision, a decision was taken, a body adopted or approved
_BODY = r"(?:Cabinet(?: Member)?|Council|Committee|Panel|Board|Executive|Leader|Mayor|Members|[A-Z]{2,5})"
_RECITAL = re.compile(
    rf"\b{_BODY}\s+(?:has\s+|had\s+)?(?:took|taken|made)\s+(?:a\s+|the\s+|its\s+|this\s+)?(?:[\w-]+\s+){{0,2}}?decisions?\b|"
    rf"\bdecisions?\s+(?:was|were|had been|has been|have been)\s+(?:taken|made|agreed|approved)\b|"
    # (not a participle before its noun, in a name: "The total value of the SBB approved applications is £2.46m.")
    rf"(?<!\bof the )(?<!\bof )\b{_BODY}\s+(?:adopted|approved|endorsed|resolved|agreed)\b(?!\s+[a-z]+s\s+(?:is|are|was|were)\b)|"
    rf"\b(?:Cabinet|Council|Committee|Executive)\s+decision\s+(?:to|of)\b.*\b(?:on|in)\s+\d{{0,2}}\s*[A-Z][a-z]+\s+\d{{4}}",
)
# a decision's title as papers print it: "Decision - NN/NNNNN - <the decision's title>"
_TITLE_OF = re.compile(rf"^\s*Decision\s*[-–:]\s*{REF}\s*[-–]", re.IGNORECASE)
# what a paper says was done with a decision it cites by number
_DONE_WITH = re.compile(r"\b(?:taken|made|given|agreed|approved|endorsed|confirmed|ratified|signed|implemented|"
                        r"published|announced|upheld|rescinded|amended|reconsidered|reviewed|considered|called[- ]in|"
                        r"referred|deferred|postponed|withdrawn|call[- ]in)\b", re.IGNORECASE)
# a decision spoken of in the future or as a condition is not a decision taken
_NOT_TAKEN = re.compile(r"\b(?:subject to|prior to|before taking|any (?:future|resultant)|will|would|should|if|when|"
                        r"until|pending)\b[^.]{0,40}\bdecision|\bdecision\b[^.]{0,60}\b(?:will|would|goes ahead|is taken)\b",
                        re.IGNORECASE)
# a call-in of an executive decision, or its referral to another body, reported in a paper or minutes
# a call-in made or considered: the verb is the call-in's own ("A call in request was submitted by …", "Members
# considered the call-in of Decision …"), not one later in the sentence ("In determining the validity of any call-in,
# no judgment is made by …", "… the issues raised in the call-in, the points …")
_CALL_IN = re.compile(r"\bcall[- ]in(?:\s+request)?\s+(?:\([^)]*\)\s+)?(?:\w+\s+){0,2}?(?:was|were|has been|had been|is|are|"
                      r"being|been)\s+(?:\w+\s+)?(?:submitted|requested|made|received|considered|lodged)\b|"
                      r"\b(?:submitted|requested|made|received|considered|lodged)\s+(?:a|the|this|their|his|her)\s+"
                      r"(?:\w+\s+)?call[- ]in\b|"
                      r"\b(?:called in|referred (?:the decision|it|the matter) to|agreed to refer)\b", re.IGNORECASE)
# an agenda's entry for an item, with the pages of the agenda pack it fills: "Cabinet Reconsideration of Decision
# 24/00093 - Future of … (Pages 101 - 104)"
_AGENDA_ENTRY = re.compile(r"\(Pages?\s+\d+(?:\s*[-–]\s*\d+)?\)")
# a call-in spoken of as a procedure, not an event: "call-in requests should be submitted", "a request may be made",
# "before making a decision on a called in reconfiguration proposal"
_CALL_IN_RULE = re.compile(r"\b(?:should|may|might|must|can|could|would|will|shall|has to|have to)\s+(?:\w+\s+){0,2}?"
                           r"(?:be\s+|have\s+been\s+)?(?:submitted|requested|made|received|considered|lodged|called|"
                           r"referred|go(?:ne)?\s+through)\b|\ba called[- ]in\b|\bfor a called[- ]in\b", re.IGNORECASE)
# a vote on a motion or amendment printed elsewhere: "the Chairman put the amendment set out at paragraph 15 to the
# vote and it was agreed", "the Chairman put the motion set out in paragraph 1 and it was agreed unanimously" record
# how the vote went, not what was decided (the resolution that follows says that)
_VOTE_ON = re.compile(r"\bput\b[^.;]{0,120}?\bto the vote\b|\bput (?:the|this|that) (?:substantive )?(?:motion|amendment|"
                      r"recommendations?|proposals?)\b", re.IGNORECASE)
# a paper's account of an agreement that names no one ("… it was agreed that the strategy should …"): an earlier
# agreement recited in its background, not a resolution of the meeting the paper goes to
_UNNAMED_AGREEMENT = re.compile(r"\bit was (?:agreed|resolved|decided)\b")
# a paper describing itself: "1.1 This is a supplementary paper (Appendix 1) to accompany …", "This report sets out
# …", "The purpose of this report is …"
_PAPER = r"(?:paper|report|document|appendix|annex|note|briefing|submission|update|pack)"
_SELF_DESCRIBED = re.compile(rf"^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:This is (?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_PAPER}\b|"
                             rf"(?:This|The attached)\s+(?:[\w-]+\s+){{0,2}}?{_PAPER}\s+(?:\([^)]*\)\s+)?(?:is|provides|"
                             rf"sets out|accompanies|summarises|describes|outlines|presents|updates|informs|seeks|asks|"
                             rf"details|explains|responds)\b|The (?:purpose|aim) of this {_PAPER}\b)", re.IGNORECASE)
# the decision a paper describing itself names, from its number: "(the) Key Decision 24/00093 taken …"
_SELF_CITES = re.compile(rf"\b(?:(?:Key|Executive|Cabinet|Officer|Member)\s+)?decision\s*(?:no\.?|number|ref(?:erence)?)?"
                         rf"\s*[:\-–]?\s*\(?{REF}(?![/\d])", re.IGNORECASE)
# a scrutiny meeting's choice from a lettered list of options printed just above: "Option c) was agreed."
_OPTION_AGREED = re.compile(r"^\s*(?:[\d.]+\s+)?Option\s+\(?([A-Za-z0-9]{1,3})\)?\s+(?:was|were|is)\s+(?:agreed|chosen|"
                            r"approved|selected)", re.IGNORECASE)


def _header(paragraphs: list[Paragraph]) -> str:
    """The first lines of a document (front matter, first headings and paragraphs), where a record of decision
    prints its title, decision maker and number."""
    parts: list[str] = []
    for p in paragraphs[:6]:
        if p.heading and p.heading not in parts:
            parts.append(p.heading)
        parts.append(p.text)
    return clean(" ".join(parts))


def _status_of(text: str, default: str | None) -> str | None:
    low = text.lower()
    if re.search(r"\bcall[- ]in\b|\bcalled in\b", low):
        return "called in"
    if re.search(r"\breferred\b|\bagreed to refer\b", low):
        return "referred"
    if "reconsider" in low:
        return "reconsidered"
    if "upheld" in low:
        return "upheld"
    return default


def _who_in(sentence: str) -> str | None:
    m = re.search(r"\b(?:by\s+(?:the\s+)?)((?:Cabinet Member[\w ,’']*?|Cabinet|County Council|Council|Leader|"
                  r"Executive|Mayor|[A-Z][\w’' ]{2,40}Committee))(?=\s+(?:on|in|at)\b|[.,;]|$)", sentence)
    if m:
        return m.group(1).strip()
    m = re.search(rf"(?:^|\b(?:the|The)\s+){_BODY_DID}", sentence)
    if m:
        return m.group(1).strip()
    # a body named after the paragraph's number or an opening clause: "3.1 On 17 August 2023, Cabinet agreed …",
    # "In November 2023, KCC Cabinet took decision …", or an opening date without its comma ("In November 2023 KCC
    # Cabinet took …") (not "Members", which names no body: "At that meeting, Members agreed …" is the meeting's)
    m = re.search(rf"(?:^[\d.]+\s+|,\s+|{_OPENING_DATE}){_BODY_DID}", sentence)
    return m.group(1).strip() if m and m.group(1) != "Members" else None


# a body, and that it decided: "Cabinet agreed", "KCC Cabinet took", "the County Council has taken", "The
# Children's and Young People Cabinet Committee endorsed" (a name's small joining words between its capitals)
_BODY_DID = (rf"((?:[A-Z][\w’']+\s+(?:(?:and|of|for|&)\s+(?=[A-Z]))?){{0,4}}{_BODY})\s+(?:[a-z]+ly\s+)?(?:took|adopted|approved|"
             r"endorsed|resolved|agreed|decided|has taken)\b")
# a sentence's opening date, with or without its comma: "In November 2023 ", "On 5 October 2023, "
_OPENING_DATE = r"^\s*(?:[\d.]+\s+)?(?:In|On)\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\s+\d{4},?\s+(?:the\s+)?"


# how much of a "RESOLVED that:" paragraph its lines may fill: a budget resolution runs to 17 clauses (a) to (q)
RESOLUTION_CHARS = 6000
# the first clause's mark printed after a group heading on its line: "2025-35 Capital Programme (a) The 10-year …"
_FIRST_INLINE = re.compile(r"\n[^\n]*?\s\((?:a|A|1|i)\)\s+")
# a group heading printed between clauses: a short line without a full stop ("2025-26 Council Tax", "In addition:")
_GROUP_HEADING = re.compile(r"\n[^\n.;]{1,80}$")


_ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii",
          "xviii", "xix", "xx")
# a bulleted clause at the start of its line: "RESOLVED that Council:\n• Agrees …; and\n• Delegates …"
_BULLETED = re.compile(r"(?:^|\n)\s*[•▪◦·]\s+")


def _label(mark: str) -> tuple[str, str]:
    """A clause mark's label and style: "(5) " -> ("5", "()"), "b) " -> ("b", ")"), "; and 6. " -> ("6", ".")."""
    m = re.search(r"(\()?([A-Za-z0-9]{1,4})([.)])\s*$", mark)
    return (m.group(2), "()" if m.group(1) else m.group(3)) if m else ("", "")


def _after(label: str) -> list[str]:
    """The labels that may follow LABEL in a list: "5" -> "6"; "i" -> "ii" (roman) or "j" (a letter); "B" -> "C"."""
    if label.isdigit():
        return [str(int(label) + 1)]
    out = []
    low = label.lower()
    if low in _ROMAN[:-1]:
        nxt = _ROMAN[_ROMAN.index(low) + 1]
        out.append(nxt.upper() if label.isupper() else nxt)
    if len(label) == 1 and label.isalpha() and low != "z":
        out.append(chr(ord(label) + 1))
    return out


def _run_on_marks(text: str, marks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Clause marks the PDF's text ran into the line before, continuing the marks' own list in its style: "(1) Endorses
    … (2) Endorses … (3) Notes …" on one line, "(ii) Notes …; and, (iii) Adopts …; and (iv) Delegates …", "5. Approves
    the relevant changes to the Constitution. 6. Delegates authority …"; only before a capital (a clause opens with its
    verb: "Endorses", "Adopts"), not a reference inside a clause ("section 25(1) of the Act")."""
    if not marks:
        return marks
    found = list(marks)
    n, cur = 0, marks[0]
    while True:
        label, style = _label(cur[2])
        upto = next((m[0] for m in marks if m[0] > cur[0]), len(text))
        following = next((m for m in marks if m[0] > cur[0]), None)
        if following is not None and _label(following[2])[0] in _after(label):
            cur = following
            continue
        nxt = None
        for want in _after(label):
            w = re.escape(want)
            pattern = {"()": rf"\s\({w}\)\s+(?=[A-Z])", ")": rf"(?<=[\s;,])\s*{w}\)\s+(?=[A-Z])",
                       ".": rf"(?<=[.;])\s+{w}\.\s+(?=[A-Z])"}.get(style)
            m = re.compile(pattern).search(text, cur[1], upto) if pattern else None
            if m and (nxt is None or m.start() < nxt[0]):
                nxt = (m.start(), m.end(), m.group(0))
        if nxt is not None:
            found.append(nxt)
            cur = nxt
        elif following is not None:
            cur = following
        else:
            break
        n += 1
        if n > 60:
            break
    return sorted(found)


def clauses(text: str) -> list[str]:
    """Lettered clauses ('A) Note …', '(b) Delegate …') of a resolution, each with the lead-in; else the text.
    Group headings printed between the clauses ("2025-26 Council Tax") belong to neither clause and are left out;
    marks run on into the line before are found (``_run_on_marks``); bulleted clauses are clauses where none is
    lettered."""
    marks = _run_on_marks(text, [(m.start(), m.end(), m.group(0)) for m in _LETTERED.finditer(text)])
    if not marks:
        marks = [(m.start(), m.end(), m.group(0)) for m in _BULLETED.finditer(text)]
    if len(marks) < 2:
        return [text]
    starts = [(m[0], m[1]) for m in marks]
    inline = _FIRST_INLINE.search(text, 0, marks[0][0])
    if inline is not None and re.match(r"\s*\(", marks[0][2]):  # "(b)" opens the lines: "(a)" is inline
        mark = re.search(r"\s\((?:a|A|1|i)\)\s+$", inline.group(0))
        starts.insert(0, (inline.start() + mark.start(), inline.end()))
    lead = text[:starts[0][0]].rstrip()
    # a motion's own lead-in on the line before its clauses ("RESOLVED that:" | "This Council believes that:") is
    # part of what each clause says, not a group heading; a later one ("And; This Council agrees to call on … to:")
    # leads the clauses after it
    group = _GROUP_LEAD.search(lead)
    top = lead[:group.start()].strip() if group else _GROUP_HEADING.sub("", lead).strip()
    group_lead = group.group(1).strip() if group else ""
    out = []
    for i, (_, body_start) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else len(text)
        body = text[body_start:end].rstrip()
        next_lead = None
        if i + 1 < len(starts):
            if (later := _GROUP_LEAD.search(body)) and later.start() > 0:
                body, next_lead = body[:later.start()], later.group(1).strip()
            body = _GROUP_HEADING.sub("", body)
        body = body.strip().rstrip(";").strip()
        body = re.sub(r"\s*(?:;\s*)?\band,?$", "", body, flags=re.IGNORECASE).rstrip(";, ")
        if body:
            out.append(" ".join(x for x in (top, group_lead, body) if x))
        if next_lead:
            group_lead = next_lead
    return out or [text]


# a lead-in line of a motion over its clauses: "This Council believes that:", "And; This Council agrees to call on the
# Cabinet Member … to:" (a whole line ending in a colon, with a verb: not a group heading such as "2025-26 Council Tax")
_GROUP_LEAD = re.compile(r"\n(?:\s*and\s*;?\s*\n)?([^\n]{0,300}?\b(?:believes?|notes?|agrees?|resolves?|calls?|"
                         r"requests?|asks?|welcomes?|recognises?|recognizes?|supports?|commits?|instructs?)\b[^\n]{0,300}:)\s*$",
                         re.IGNORECASE)


class _Doc:
    """What a document's own header says about the decision it records."""

    def __init__(self, meta: DocMeta, paragraphs: list[Paragraph]):
        head = _header(paragraphs)
        self.is_record = bool(re.search(r"\brecord of (?:the )?(?:executive |key |officer )?decision\b", head, re.IGNORECASE))
        self.proposed = bool(re.search(r"\bproposed (?:record of )?decision\b", head, re.IGNORECASE))
        m = REF_CITED.search(head) or _REF_TITLE.search(meta.title or "")
        self.ref = m.group(1) if m else None
        taker = _TAKER.search(head)
        self.who = clean(taker.group(1)).strip(" :,") if taker else None
        line = _STATUS_LINE.search(head)
        self.status = next((st for word, st in _STATUS_WORDS if line and word in line.group(1).lower()), None)
        self.meta = meta
        self.signed = _signed_on(paragraphs) if self.is_record and not self.proposed else None


# a record of decision's signature block: the day it was signed, printed above its "signed … date" line
_SIGNED_LINE = re.compile(r"^[.…\s]*signed\s*[.…\s]*date\s*$", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


def _signed_on(paragraphs: list[Paragraph]) -> str | None:
    """The day a record of decision was signed ("17/1/2025" over its "signed … date" line), which is the day the
    decision was taken, whatever later agenda pack reprints it; None where the paper leaves it blank."""
    for n, p in enumerate(paragraphs):
        if not _SIGNED_LINE.match(p.text) or not n:
            continue
        above = paragraphs[n - 1].text.strip()
        m = _NUMERIC_DATE.match(above)
        if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
            return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
        written = find_date(above) if len(above) < 30 else None  # "17 January 2025"
        return written if written and len(written) == 10 else None
    return None


def _item_ref(p: Paragraph) -> str | None:
    """The decision number an agenda item of minutes is titled with ('90. NN/NNNNN - Title …')."""
    for part in reversed((p.heading or "").split(" > ")):
        m = _REF_TITLE.match(part)
        if m:
            return m.group(1)
    return None


def extract_decisions(meta: DocMeta, paragraphs: Iterable[Paragraph]
                      ) -> tuple[list[TrackRecord], set[str], str | None]:
    """Decisions (and the recommendations introduced by a resolution's lead-in) in one committee document; also the
    ids of paragraphs read as decisions, which are then not read again as commitments; and the decision the paper's
    own header or title names ("Decision No: NN/NNNNN"), which its recommendations are about (a decision report's
    "APPROVE the proposal …" is the proposal on that decision's trail)."""
    paragraphs = [p for p in paragraphs]
    asked = qa.roles(paragraphs)  # questions put at a meeting and their replies decide nothing
    doc = _Doc(meta, paragraphs)
    out: list[TrackRecord] = []
    used: set[str] = set()
    verbs: set[str] = set()
    pending: tuple[str, str | None] | None = None  # a lead-in's kind and who, waiting for its content
    listing: tuple[str, str | None, int] | None = None  # and, once its list began, the number of its next point
    seen_heading: set[str] = set()
    takers: dict[str | None, str] = {}  # under a recommendations heading, the body its first item asks
    pending_heading: str | None = None
    pending_when: str | None = None  # the day a lead-in gives for what it introduces
    lettered: tuple[str, str | None, str] | None = None  # a resolution's lead-in, who resolved, the next clause's label

    def add(kind: str, text: str, p: Paragraph, *, ref: str | None = None, who: str | None = None,
            status: str | None = None, decided: str | None = None, stage: str | None = None,
            whole: bool = True, recited: bool = False) -> None:
        text = clean(FORM_LABEL.sub("", text))  # not the form's next label it runs on into
        if len(text) < 12:
            return
        if kind == "recommendation" and not ref:
            ref = _cited(text)  # "The Cabinet is asked to … confirm, amend or rescind decision 24/00093": that one's
        if kind == "decision" and not decided and narrated and not own_meeting and narrated[0] and who \
                and _same_body(who, narrated[1]):
            decided = narrated[0]  # what the meeting a paragraph above names did ("Cabinet met on 4 March 2025 …"
            # over "Cabinet resolved the following: a. NOTE …"), on its day, not on the day of the paper recounting it
            if len(re.findall(r"[a-z]+", who.lower().removeprefix("the "))) == 1:
                who = narrated[1]  # "the Committee resolved …" under "On 29 January 2025, the Scrutiny Committee …"
        if kind == "decision" and not decided and (src := _introduced_by(p)) is not None:
            # the clause a paragraph ending in a colon introduces ("… the decision was taken by the Cabinet Member on
            # 17 January 2025. The decision included an additional clause:" over "'DELEGATE authority to …'"): that
            # decision's, on its day and by its taker
            decided, who, ref = src.decided, who or src.who, ref or src.ref
        out.append(TrackRecord.make(kind, text, p, meta, ref=ref, who=actor_name(who), status=status, decided=decided,
                                    stage=stage or ("recommendation" if kind == "recommendation" else None),
                                    topic=topics.tag(text), recited=recited if kind == "decision" else None))
        if whole:  # the paragraph is the decision (a clause, a resolution's content): not read again as a commitment
            used.add(p.id)

    position = {q.id: n for n, q in enumerate(paragraphs)}

    def _introduced_by(p: Paragraph) -> TrackRecord | None:
        """The dated decision read from the paragraph before P, where that paragraph ends in a colon (P is what it
        introduces); else None."""
        n = position.get(p.id, 0)
        if n == 0 or not paragraphs[n - 1].text.rstrip().endswith(":"):
            return None
        prev = paragraphs[n - 1].id
        return next((r for r in reversed(out) if r.paragraph_id == prev and r.kind == "decision" and r.decided), None)

    # minutes record their own meeting (and a decision notice its decision); any other paper goes to a meeting that
    # has not yet taken place when it is written, so what its running text says was done was done before it
    own_meeting = meta.doc_type == "minutes" or bool(getattr(meta, "is_decision", None))
    narrated: tuple[str | None, str, str | None] | None = None  # an earlier meeting a paragraph names: day, body, heading
    carried: tuple[str | None, str, str | None] | None = None
    options = MeetingOptions()  # the options a paper lays before the meeting
    for p in paragraphs:
        text = p.text.strip()
        narrated, carried = carried or narrated, None
        if narrated and narrated[2] != p.heading:
            narrated = None  # a new section speaks of something else
        if not own_meeting and (held := _MEETING_HELD.search(text) or _MET_ON.search(text)
                                or _ON_DAY_BODY.search(text)):
            day = held.groupdict().get("day") or text[held.end():held.end() + 40]
            carried = (find_date(day), held.group("body"), p.heading)
        if p.kind == "front-matter" or APPARATUS.match(text):
            continue  # the papers attached to a report, listed under its recommendations, are none of them
        if p.id in asked:  # a reply quoting another body's recommendations ("So, where one of the PAC's first
            pending = listing = lettered = None  # recommendations is for the Department to:") recommends nothing
            continue
        heading = (p.heading or "").split(" > ")[-1]
        item_ref = _item_ref(p)
        # minutes printed with a resolution inside the heading of the next item: the first paragraph under it
        if heading not in seen_heading:
            seen_heading.add(heading)
            hm = re.search(r"\bRESOLVED\b.*?[.;](?=\s|$)", heading)
            if hm and "RESOLVED" not in text:
                add("decision", hm.group(0), p, who=meta.committee, status="resolved", stage="minutes"
                    if meta.doc_type == "minutes" else None)
        # a resolution's lead-in printed with its first lettered clause, the next clauses in the paragraphs after it
        # ("16. Cabinet resolved the following:\na. NOTE the comments …" | "b. CONFIRM the decision …")
        if lettered is not None:
            lead, who, expect = lettered
            mark = re.match(rf"\s*\(?{re.escape(expect)}[.)]\s+", text)
            lettered = None
            if mark:
                add("decision", f"{lead} {text[mark.end():]}", p, ref=item_ref or doc.ref, who=who, status="resolved")
                lettered = (lead, who, _next_label(expect))
                continue
        first, _, rest = text.partition("\n")
        marks = list(_LETTERED.finditer("\n" + rest)) if rest else []
        if len(marks) == 1 and marks[0].start() == 0 and _LEAD_IN.search(first) and _RESOLVED.search(first) \
                and not _OUTCOME.search(first):
            label = re.search(r"[A-Za-z0-9]+", marks[0].group(0)).group(0)
            lead = re.sub(r"^\s*\d+(?:\.\d+)*[.)]?\s+", "", first)  # without the paragraph's printed number
            who = _who_in(lead) or _body_before(lead)
            add("decision", f"{lead} {rest[marks[0].end() - 1:]}", p, ref=item_ref or doc.ref, who=who,
                status="resolved")
            lettered = (lead, who, _next_label(label))
            pending = None
            continue
        # the next point of a lead-in's numbered list, each its own paragraph: "7. RESOLVED that Cabinet:" over
        # "1. Agree to submit a request …", "2. Note that …", "3. Agree to request that the Minister …"
        if listing and (item := _LIST_ITEM.match(text)) and int(item.group(1)) == listing[2]:
            add(listing[0], text, p, who=listing[1], status="resolved" if listing[0] == "decision" else None)
            listing = (listing[0], listing[1], listing[2] + 1)
            continue
        listing = None
        # the content of a lead-in ("Council resolved the following:", "The committee passed a motion proposing that")
        if pending and not _LEAD_IN.search(text):
            kind, who = pending
            if p.heading == pending_heading or len(text) < 600:
                # in a paper other than minutes, a lead-in that says what a body resolved or agreed recounts it, on
                # the day the lead-in gives ("… at its meeting on 21 November 2024 … resolved … as follows:")
                add(kind, text, p, who=who, status="resolved" if kind == "decision" else None,
                    decided=None if own_meeting else pending_when, recited=not own_meeting)
                if (item := _LIST_ITEM.match(text)) and item.group(1) == "1":
                    listing = (kind, who, 2)
                if not (heading and _LEAD_IN.search(heading) and kind == "recommendation"):
                    pending = None
                continue
            pending = None
        if _LEAD_IN.search(text) and re.search(r"\b(?:resolved|recommend\w*|motion|agreed|decided)\b", text, re.IGNORECASE):
            lead = text[text.rfind(".", 0, len(text) - 2) + 1:]
            kind = "recommendation" if re.search(r"recommend|motion|propos", lead, re.IGNORECASE) else "decision"
            pending, pending_heading = (kind, _who_in(lead) or _body_before(lead) or _resolved_body(lead)), p.heading
            pending_when = _decided_on(text) or _meeting_day(text)
            body_before = text[:len(text) - len(lead)]
            if not _RECITAL.search(body_before) and not REF_CITED.search(body_before):
                continue
        if options.skips(text, p.heading):
            continue  # the meeting's options, not a recommendation (nor a resolution) of one
        if heading and _LEAD_IN.search(heading + ":") and re.search(r"\b(?:motion|recommend\w*)\b", heading, re.IGNORECASE) \
                and not _ASKED_TAKER.search(heading):
            # a heading that introduces a committee's motion: each paragraph under it is one of its recommendations,
            # to the body it names or the one its first item asks ("Cabinet is asked to: a) NOTE …" over "b) NOTE
            # …"), else to the meeting the paper goes to
            taker = _ASKED_TAKER.match(text)
            if taker:
                takers[p.heading] = taker.group(1)
            last = out[-1] if out else None
            if re.search(r"\bmotion\b", heading, re.IGNORECASE) and last is not None and last.heading == p.heading \
                    and last.kind == "recommendation" and MOTION_GOES_ON.search(last.text) and MOTION_CLAUSE.match(text):
                # the motion's next clause, printed on its own line ("That a valuation … be undertaken;" | "And, that
                # an update be brought …"): one motion, one row, as the paper printing it in one paragraph reads
                out[-1] = replace(last, text=f"{last.text} {clean(text)}")
                used.add(p.id)
                continue
            # a motion's lead-in the parser made the heading ("The committee passed a motion proposing that") says
            # its meeting's day in the paragraph before it ("On 21 November 2024 the … Cabinet Committee considered
            # the proposed decision."), as the paper printing lead-in and day in one paragraph reads
            n = position.get(p.id, 0)
            before = paragraphs[n - 1] if n else None
            when = None
            if not own_meeting and before is not None and before.heading != p.heading \
                    and re.search(r"\bmotion\b", heading, re.IGNORECASE) and len(before.text) < 300 \
                    and re.search(_BODY, before.text):
                when = _decided_on(before.text) or _meeting_day(before.text)
            who = _body_before(heading) or takers.get(p.heading) or (meta.committee if _BARE_REC.match(heading) else None)
            # a paper's numbered recommendations, item by item with the lead-in they share ("Cabinet is asked to:
            # 1) NOTE … 2) APPROVE the net transfer of £356.0k into reserves … 3) APPROVE additional £6,067.8k of
            # specific grant income …"), as a resolution's limbs are: one row had shown the first and cut off the
            # rest; a committee's motion stays one row
            items = [text] if re.search(r"\bmotion\b", heading, re.IGNORECASE) else clauses(text)
            for item in items:
                add("recommendation", item, p, decided=when, who=who)
            continue
        # record of decision printed as one paragraph under its "Decision:" label: "Cabinet agree to: A) …"
        form = _FORM_DECISION.match(text) if doc.is_record else None
        if form:
            for clause in clauses(FORM_LABEL.sub("", text)):  # the clauses, not the "Reason(s) for decision:" after
                add("decision", clause, p, ref=doc.ref, who=doc.who or form.group("who"),
                    status="proposed" if doc.proposed else "taken", stage="proposal" if doc.proposed else "decision",
                    decided=doc.signed)
            continue
        # record of decision: clauses opening with an upper-case verb under the decision lead-in
        if (doc.is_record or _RESOLVED.search(heading)) and _CLAUSE_HEADING.search(heading) and _CLAUSE.match(text) \
                and not _OUTCOME.search(text[:20]):
            verbs.add(_CLAUSE.match(text).group(1))
            who = doc.who
            am = _AS_TAKER.match(heading) or _ASKED_TAKER.match(heading)
            if am and not who:
                who = am.group(1)
            split = re.compile(rf"\s+(?=(?:[A-Z][.)]\s+)?(?:{'|'.join(sorted(verbs))})\s+[a-z])")
            for clause in split.split(text):
                add("decision", clause, p, ref=doc.ref, who=who,
                    status="proposed" if doc.proposed or _ASKED_TAKER.match(heading) else "taken",
                    stage="proposal" if doc.proposed else "decision", decided=doc.signed)
            continue
        # minutes: RESOLVED that … (one record per lettered clause)
        # a paragraph under a heading that only says "Decision" / "Resolved": the outcome itself
        if _OUTCOME_HEADING.match(heading) and not _OUTCOME.search(text):
            add("decision", text, p, ref=item_ref or doc.ref or _cited(text), who=doc.who or meta.committee,
                status=doc.status or "resolved", stage="minutes" if meta.doc_type == "minutes" else None)
            continue
        outcome = _OUTCOME.search(text)
        if outcome:
            starts = [m.start() for m in re.finditer(r"\bRESOLVED\b", text[outcome.start():])][1:]
            cuts = [outcome.start()] + [outcome.start() + k for k in starts] + [len(text)]
            for a, b in pairwise(cuts):  # one paragraph of minutes may hold two items' resolutions
                body = text[a:b]
                # stop at a following item title (not at a group heading over the next lettered clauses)
                # (nor at a motion's "And;" between its groups of clauses)
                head = re.split(rf"\n(?=(?!And\s*;?\s*\n)[A-Z][^.\n]{{0,60}}\n(?!\s*{_CLAUSE_MARK})|\w[\w ]{{0,40}}$)", body)[0]
                body = head if not head.rstrip().endswith(":") else body[:RESOLUTION_CHARS]  # "RESOLVED that:" + its lines
                for clause in clauses(_before_next_title(body)):
                    add("decision", clause, p, ref=item_ref or _cited(clause), who=meta.committee, status="resolved",
                        stage="minutes" if meta.doc_type == "minutes" else None, whole=outcome.start() < 8)
            continue
        # the option a meeting agreed: the option's own words are in the list above it
        om = _OPTION_AGREED.match(text)
        if om:
            label = om.group(1).lower()
            option = next((q.text for q in reversed(paragraphs[:paragraphs.index(p)])
                           if re.match(rf"^\s*(?:[\d.]+\s+)?\(?{re.escape(label)}\)\s", q.text, re.IGNORECASE)), "")
            # the list's lead-in names who chose: "The options for the Scrutiny Committee were: a) …"
            found = next(((m, q) for q in reversed(paragraphs[max(0, paragraphs.index(p) - 8):paragraphs.index(p)])
                          if (m := re.search(r"\boptions (?:for|open to|before) (?:the )?(.+?) (?:were|are)\b", q.text))),
                         None)
            lead = found[0].group(1) if found else None
            # a paper recounting the meeting that chose: its day, printed before the options ("The Decision was
            # discussed at Scrutiny Committee on 29 January 2025. The options for the Scrutiny Committee were: …")
            day = find_date(found[1].text[:found[0].start()]) if found and not own_meeting else None
            add("decision", f"{text} ({clean(option)})" if option else text, p, ref=doc.ref or _cited(text),
                who=lead or meta.committee, status=_status_of(option, "resolved"), recited=not own_meeting, decided=day)
            continue
        # recitals, call-ins and resolutions inside running text: one record per sentence
        if _SUM_FIRST.match(text):
            continue  # a finance table's lines ("-£0.250m Ashford … +£0.516m Wrotham School - …, increase to reflect
            # KCC agreed contribution."): amounts with their reasons, not a decision recited
        said = [clean(s) for s in sentences(text)]
        meeting: tuple[str | None, str] | None = None  # the day and body of the meeting the paragraph narrates
        for n, s_clean in enumerate(said):
            if held := _MEETING_HELD.search(s_clean):
                meeting = (find_date(s_clean[held.end():held.end() + 40]), held.group("body"))
            if _SELF_DESCRIBED.match(s_clean):
                # the paper saying what it is is no decision ("1.1 This is a supplementary paper (Appendix 1) to
                # accompany the Covering Report regarding the Key Decision NN/NNNNN taken 17 January 2025 relating to
                # …"): only the decision it names, in the words from its number on, where it names one by number
                named = _SELF_CITES.search(s_clean)
                if not named:
                    continue
                s_clean = s_clean[named.start():]
                s_clean = s_clean[:1].upper() + s_clean[1:]
            cited = _cited(s_clean)
            if n and cited and _TITLE_OF.search(s_clean) and not any(r.text == said[n - 1] for r in out):
                # a decision's title after the sentence that says what was decided: "<what was decided>. Decision -
                # NN/NNNNN - <its title>."
                add("decision", said[n - 1], p, ref=cited, status=_status_of(said[n - 1], "taken"), whole=False,
                    recited=True)
            recital = bool(_RECITAL.search(s_clean)) and not _NOT_TAKEN.search(s_clean)
            call_in = bool(_CALL_IN.search(s_clean)) and not _CALL_IN_RULE.search(s_clean)
            resolved = bool(_RESOLVED.search(s_clean)) and not _NOT_TAKEN.search(s_clean)
            # a decision's number cited with what was done with it ("Key Decision NN/NNNNN taken on <date>"); its
            # title alone ("Decision - NN/NNNNN - <title>") or a link to it ("an EqIA linked to decision 23/00092")
            # only mentions it, as the trail shows (trail.py)
            done = cited and (_DONE_WITH.search(s_clean) or re.search(  # "Key Decision (NN/NNNNN) facilitated …"
                rf"{re.escape(cited)}\)?\s+(?:\w+\s+)?[a-z]+ed\b", s_clean))
            if not (recital or call_in or resolved or (done and not _NOT_TAKEN.search(s_clean))):
                continue
            if re.search(r"\?\s*$", s_clean):
                continue  # a question about a decision
            if _AGENDA_ENTRY.search(s_clean):
                continue  # an agenda's listing of the item that will consider it: "… (Pages 101 - 104)"
            if _VOTE_ON.search(s_clean) and not cited:
                continue
            if resolved and meta.doc_type != "minutes" and _UNNAMED_AGREEMENT.search(s_clean) and not _who_in(s_clean):
                # not the paper's own decision, nor its meeting's resolution: an earlier agreement, by no one named;
                # with no number, no day and no decision named ("3.6 … it was agreed that the IC Strategy should …"): background
                if not cited and not _decided_on(s_clean) and not re.search(r"\bdecision\b", s_clean, re.IGNORECASE):
                    continue
                resolved, recital = False, True
            who = _who_in(s_clean)
            lead_in = next((x for x in reversed(said[:n]) if not _BARE_MARK.fullmatch(x)), "")
            if not who and lead_in.rstrip().endswith(":"):
                who = _who_in(lead_in)  # "… the Scrutiny Committee unanimously agreed the following motion: a. That
                # implementation of Decision NN/NNNNN be postponed …": the motion is the body's its lead-in names
            decided = _decided_on(s_clean) if (recital or cited) else None
            if meeting and not decided and "RESOLVED" not in s_clean and not _PAST_PERFECT.search(
                    _RELATIVE_CLAUSE.sub("", s_clean)):
                # (what "had been made" was done before the meeting narrated, by someone it does not say)
                # what the meeting the paragraph narrates did, on its day and by its members, not the paper's
                decided, who = meeting[0], who or meeting[1]
            if recital and not (call_in or resolved or cited or who or decided or item_ref
                                or _NAMED_DECISION.search(s_clean)):
                continue  # "decisions were made that considered …", "before a vote or decision was taken": that some
                # decision was made, by no one named, on no day, under no number, is background, not a decision
            add("decision", s_clean, p, ref=cited or (doc.ref if not recital else None) or item_ref,
                who=who or (meta.committee if resolved else None),
                status=_status_of(s_clean, "resolved" if resolved else "taken"),
                decided=decided, stage="call-in" if call_in else None, whole=False,
                recited=not own_meeting or bool(_PAST_PERFECT.search(s_clean)) or bool(meeting))
    return out, used, doc.ref


# the date a recited decision was taken: "taken on 10 November 2021", "In November 2023 Cabinet took …",
# "Cabinet decision … on 5 October 2023" (a date elsewhere in the sentence is some other event's)
_DATE_AHEAD = r"(?=(?:\d{1,2}(?:st|nd|rd|th)?\s+)?[A-Z][a-z]+\s+\d{4})"
_TAKEN_ON = (re.compile(rf"\b(?:taken|made|agreed|adopted|approved|endorsed|resolved|took|decided)\b[^.;]{{0,80}}?\b(?:on|in|dated)\s+"
                        rf"{_DATE_AHEAD}|\btaken\s+{_DATE_AHEAD}"),
             re.compile(rf"^\s*(?:[\d.]+\s+)?(?:In|On)\s+(?=[\dA-Z])|\bdecision\b[^.;]{{0,80}}?\b(?:on|in|dated)\s+{_DATE_AHEAD}"))


# a meeting a paragraph narrates, with its day: "(a) At the Scrutiny Committee held on 29th January 2025, Members
# considered the call-in …", which the sentences after it ("At that meeting, Members agreed to refer …") speak of
# (or "during Full Council on the 7th November 2024, the Council agreed that …")
_MEETING_HELD = re.compile(rf"\b(?:At (?:the|a) |[Dd]uring (?:the |a )?)(?:meeting of (?:the )?)?"
                           rf"(?P<body>(?:[A-Z][\w’'&-]*\s+){{0,5}}?(?:Committee|Cabinet|Council|Panel|Board))"
                           rf"(?: meeting)? (?:held )?on\s+(?:the\s+)?{_DATE_AHEAD}")


# an earlier meeting a paper names as a body meeting on a day: "15. Cabinet met on 4 March 2025 where the decision was
# reconsidered …", which the paragraphs after it ("16. Cabinet resolved the following: …") speak of
# "4. On 29 January 2025, the Scrutiny Committee considered a call-in …", whose next paragraphs ("6. Following the
# debate, the Scrutiny Committee unanimously agreed the following motion: …") tell what that meeting did
_ON_DAY_BODY = re.compile(rf"^\s*(?:[\d.]+\s+)?On\s+(?P<day>{_DATE_AHEAD}[^,]{{4,24}}),\s+(?:the\s+)?"
                          rf"(?P<body>(?:[A-Z][\w’'&-]*\s+){{0,5}}?(?:Committee|Cabinet|Council|Panel|Board))\s+[a-z]+ed\b")
_MET_ON = re.compile(rf"\b(?P<body>(?:[A-Z][\w’'&-]*\s+){{0,5}}?(?:Committee|Cabinet|Council|Panel|Board))\s+"
                     rf"(?:met|meeting)\s+(?:held\s+)?on\s+{_DATE_AHEAD}")
# a sentence in the past perfect tells what had been done before the meeting it reports: "Scrutiny Committee had
# referred the matter to Full Council", "The decision had been made to not refer the item …"
_PAST_PERFECT = re.compile(r"\bhad\s+(?:been\s+|already\s+|previously\s+)?[a-z]+(?:ed|en|ade|ook|one)\b")
# a list item's mark read as a sentence of its own: "a.", "(b)", "6."
_BARE_MARK = re.compile(r"\s*\(?[A-Za-z0-9]{1,4}[.)]\s*")
# a relative clause set off by commas tells of its noun, not of what the sentence says was done: "Decision NN/NNNNN,
# which had been called in, was given approval to proceed" is the narrated meeting's act
_RELATIVE_CLAUSE = re.compile(r",\s+which\s+[^,.;]{1,80},")


def _same_body(who: str, body: str) -> bool:
    """Whether WHO is BODY: its name ("Cabinet", "the Scrutiny Committee" for "Scrutiny Committee"), or the one word
    that names its kind ("the Committee"); the Scrutiny Committee is not the CYPE Cabinet Committee."""
    a, b = (re.findall(r"[a-z]+", x.lower().removeprefix("the ")) for x in (who, body))
    return bool(a) and (a == b or (len(a) == 1 and a == b[-1:]))


# a decision a sentence names: "In the KCP decision, it was agreed to close …"
_NAMED_DECISION = re.compile(r"\b(?:the|its|this|that)\s+(?:[A-Z][\w’'-]*\s+){1,4}decision\b")
# a line of a finance table that opens with its amount: "-£0.250m Ashford Non Selective - project removed …"
_SUM_FIRST = re.compile(r"^\s*[+\-–−]?\s?£\s?\d")


_ITS_MEETING = re.compile(rf"\b(?:its|the|a) meeting (?:held )?on\s+{_DATE_AHEAD}")


def _meeting_day(text: str) -> str | None:
    """The day of the meeting a paragraph names ("received a report at its meeting on 21 November 2024")."""
    m = _ITS_MEETING.search(text)
    return find_date(text[m.end():m.end() + 40]) if m else None


def _decided_on(sentence: str) -> str | None:
    """The date a recited decision was taken: "taken on 10 November 2021", "In November 2023 Cabinet took …",
    "Cabinet decision … on 5 October 2023" (another date in the sentence is some other event's)."""
    for rx in _TAKEN_ON:
        m = rx.search(sentence)
        if m:
            return find_date(sentence[m.end():m.end() + 40])
    return None


# a motion's clause that the next line goes on from ("… be undertaken;", "…; and"), and a clause that goes on from
# the one before ("That a valuation …", "And, that an update …")
MOTION_GOES_ON = re.compile(r"(?:;|;?\s*\band,?)\s*$", re.IGNORECASE)
MOTION_CLAUSE = re.compile(r"^\s*(?:and,?\s+)?that\b", re.IGNORECASE)


_HEADS_A_CLAUSE = re.compile(rf"[^\n.;]{{1,80}}\n\s*{_CLAUSE_MARK}")


def _before_next_title(text: str) -> str:
    """A resolution without the next item's title that minutes run into it ('… note the report. Performance
    Scorecard for Children in Care …'): cut where a sentence is followed by mostly capitalised words."""
    for m in re.finditer(r"[.;]\s+(?=[A-Z])", text):
        rest = text[m.end():].strip()
        if _HEADS_A_CLAUSE.match(rest):  # a group heading over the resolution's next lettered clauses
            continue
        words = re.findall(r"[\w’'-]+", rest)[:6]
        capitals = sum(w[0].isupper() for w in words)
        if len(words) >= 2 and (capitals * 2 >= len(words) + 1 or not rest.endswith((".", ";", ":"))):
            return text[:m.start() + 1]
    return text


def _cited(text: str) -> str | None:
    m = REF_CITED.search(text)
    return m.group(1) if m else None


def _next_label(label: str) -> str:
    """The label of the clause after ``label``: "a" -> "b", "B" -> "C", "2" -> "3"."""
    return str(int(label) + 1) if label.isdigit() else chr(ord(label[-1]) + 1)


# the body a resolution's lead-in names: "7. RESOLVED that Cabinet:" (its numbered clauses follow), "RESOLVED that
# County Council, having given due regard …"
_RESOLVED_BODY = re.compile(rf"\bRESOLVED\s+that\s+(?:the\s+)?((?:[A-Z][\w’']+\s+){{0,3}}?{_BODY})\s*(?:[:,]|$)")


def _resolved_body(lead: str) -> str | None:
    m = _RESOLVED_BODY.search(lead.strip())
    return m.group(1) if m else None


def _body_before(text: str) -> str | None:
    m = re.search(rf"((?:The\s+|the\s+)?(?:[A-Z][\w’',]*\s+){{0,8}}?(?:{_BODY}|committee))\s+(?:resolved|passed|recommends|"
                  r"agreed|decided)", text)
    return m.group(1).strip() if m else None

