"""The names a question gives ("Lifelong Links", "Band D", "DfT") that what an answer cites must print, in any of
their spellings (initials, an acronym spelled out, a glossary's words, another word order, a minister's title),
and whether the quotes give the kind of evidence asked for at all; when they do not, the answer abstains.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from .. import councils
from ..index.lexical import tokenize
from ..query import kinds as question_types
from ..query.counted import counted, kind_counted, same_kind, sentence_figure_kinds
from ..query.glossary import expand, glossary
from ..query.implied import Implied
from ..parse.context import is_agenda_item
from ..parse.sentences import split_sentences
from ..records import MONTH_NAMES, DocMeta, Hit
from ..text.dates import month_number, quarters_named
from . import topics
from .layout import PrintedTables, TableHeaders, headers_of, printed_table_of
from .scoring import holds

# A named thing in the question ("Lifelong Links", "Band D") must be in what is cited, or the documents are
# talking about something else. Multi-word capitalised names and acronyms (an acronym's glossary words count):
_PROPER = re.compile(r"(?<=[\s(\"“‘])([A-Z][\w'’&/-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'’&/-]*)+|[A-Z]{3,})"
                     r"(?=[\s,.?!)\"”’]|$)")  # also in quotation marks: 'about "Lifelong Links"'; a word of a name
# may hold a slash ("the FOI/EIR Service")
_NOT_NAMES = {"ofsted", "ofsted's", "council", "county council", "what", "which", "how"}
NearbyText = Callable[[Hit], str]  # a cited paragraph -> the text of the paragraphs printed around it


def missing_names(question: str, cited_text: str, implied: Implied | None = None, one_of_listed: bool = False
                  ) -> list[str]:
    """Names in the question ("Lifelong Links", "Band D", "DfT") that none of the cited paragraphs mention.

    ``one_of_listed``: of names listed with "and" ("the Seashells and Millmead centres"), one is enough when the
    paragraph prints another name the question gives, as for one supporting paragraph: that KCHFT may be charged by
    "both Family Hubs" (under "Section 2: Millmead") bears on what the Seashells and Millmead centres' charging
    would cost the Kent Community Health Foundation Trust; a paragraph naming Millmead alone is filler."""
    text = question
    for name in (implied.org_names + implied.unindexed + implied.places) if implied is not None else []:
        text = text.replace(name, " ")
    cited = cited_text.lower().replace("’", "'")
    out, printed = [], 0
    # a possessive inside a run of capitals ends one name: "the Corporate Parenting Panel's December meeting" names
    # the panel and a month
    found = [part for run in _PROPER.findall(" " + text.split(" ", 1)[-1]) for part in re.split(r"['’]s\s+", run)]
    # a run of acronyms is as many names ("the Kent and Medway NHS JHOSC": the NHS, and the JHOSC, which papers spell
    # out as "NHS Joint Overview and Scrutiny Committee (JHOSC)")
    found = [one for name in found for one in (name.split() if _ACRONYM_RUN.fullmatch(name) else [name])]
    bodies = [whole for run in _BODY_NAMED.findall(text) if _body_cited(whole := re.split(r"['’]s\s+", run)[-1], cited)]
    for name in found:
        if any(name in whole for whole in bodies):  # "Children", "Young People and Education Cabinet Committee":
            printed += 1  # parts of a committee's name the cited text prints in another form
            continue
        name = question_types.POSSESSIVE.sub("", name)  # "the Labour Group's amendment" names the Labour Group
        low = name.lower().replace("’", "'")
        if low in _NOT_NAMES or councils.resolve(name):  # councils: checked by the filters
            continue
        if low in cited:
            printed += 1
            continue
        if _only_dates_and_common(name):  # "October and December", "Ofsted's December": dates, which the
            continue  # filters compare with the documents' own dates, not names a quote must print
        if _glossary_equivalent_cited(name, cited) or _words_together(name, cited) \
                or any(_initials_cited(whole, cited) for whole in _with_words_before(name, question)) \
                or _spelled_out(name, cited_text) or _spelled_out_before(name, cited_text) \
                or _minister_cited(name, cited) or _person_cited(name, cited) \
                or _each_cited(name, cited):
            printed += 1
            continue
        out.append(name)
    if one_of_listed and printed:  # another of its names printed in full: one of those listed will do
        out = [name for name in out if not _each_cited(name, cited, any)]
    return out


# a committee, panel or board named in full, its words listed with commas ("Children, Young People and Education
# Cabinet Committee", "Corporate Parenting Panel")
_BODY_NAMED = re.compile(r"(?<![\w'’])((?:[A-Z][\w’'-]*(?:,\s+|\s+and\s+|\s+&\s+|\s+)){1,8}?"
                         r"(?:Cabinet\s+)?(?:Sub-Committee|Committee|Panel|Board|Forum))\b")
_BODY_KIND = re.compile(r"(?:cabinet\s+)?(?:sub-committee|committee|panel|board|forum)$")


def _body_cited(whole: str, cited: str) -> bool:
    """A committee's name printed in another form: by its kind ("cabinet committee") after its initials ("the CYPE
    Cabinet Committee") or after at least half its other words ("The Children's and Young People Cabinet
    Committee" for the "Children, Young People and Education Cabinet Committee"), two at least: the "Kent
    Parenting Panel" is not the "Corporate Parenting Panel"."""
    kind = _BODY_KIND.search(whole.lower())
    if kind is None:
        return False
    words = [w.lower().replace("’", "'") for w in re.findall(r"[A-Z][\w'’-]*", whole[: kind.start()])]
    words = [re.sub(r"'s$", "", w) for w in words]
    if len(words) < 2:
        return False
    initials = "".join(w[0] for w in words)
    for m in re.finditer(rf"\b{re.escape(kind.group(0))}\b", cited):
        before = re.findall(r"[\w'-]+", cited[max(0, m.start() - 80): m.start()])[-(len(words) + 1):]
        before = [re.sub(r"'s$", "", w) for w in before]
        shared = len(set(words) & set(before))
        if before and before[-1] == initials or shared >= 2 and 2 * shared >= len(words):
            return True
    return False


_TITLED = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Sir|Dame|Professor|Prof)\.?\s+(?:[A-Z]\.?\s+)*"
                     r"(?P<surname>[A-Z][\w'’-]+)$")


def _person_cited(name: str, cited: str) -> bool:
    """A member named by title and surname ("Mr Stepto") is cited by any form of their name: "Question by Paul
    Stepto to …", "Mr P Stepto"."""
    m = _TITLED.match(name.strip())
    return bool(m) and re.search(rf"\b{re.escape(m.group('surname').lower())}\b", cited) is not None


_CALENDAR = {m.lower() for m in MONTH_NAMES} | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                                "sunday"}


def _only_dates_and_common(name: str) -> bool:
    """Every capitalised word of ``name`` is a month or a day of the week, or not a name at all ("Ofsted's")."""
    words = [question_types.POSSESSIVE.sub("", w).lower() for w in re.findall(r"[A-Z][\w'’&-]*", name)]
    return all(w in _CALENDAR or w in _NOT_NAMES for w in words)


_LINKS = {"of", "and", "for", "the", "in", "on", "to"}
_ACRONYM_RUN = re.compile(r"[A-Z]{3,}(?:\s+[A-Z]{3,})+")


def _words_together(name: str, cited: str) -> bool:
    """A name of several words printed in another order ("the Education Provision Commissioning Plan" as "the
    Commissioning Plan for Education Provision"), or a word in another form ("Healthy Living Centre" as "Health
    Living Centre"): all its words within a span a few words longer than the name. A name of two joined by "for"
    or "of" ("the Strategic Grant for Millmead") may be printed as its two ("funding … for Millmead …? Strategic
    Grants are issued …"), each whole, a few words further apart."""
    words = [_singular(w) for w in re.findall(r"\w+", name.lower()) if w not in _LINKS]
    if len(words) < 2 or any(len(w) < 3 for w in words):
        return False  # "Band D" must be printed as such: a stray "(d)" near "band" is not it
    tokens = [_singular(t) for t in re.findall(r"\w+", cited)]
    parts = [p for p in re.split(r"\s+(?:for|of)\s+", name.strip()) if p]
    span = len(words) + (6 if len(parts) > 1 else 3)

    def alike(token: str, word: str) -> bool:  # a letter more or less at the end of a long word: "health(y)"
        return token == word or len(word) >= 6 and (token == word[:-1] or token[:-1] == word)

    def printed(word: str, among: list[str]) -> bool:
        return any(alike(t, word) for t in among)

    for start, token in enumerate(tokens):
        window = tokens[start:start + span]
        if any(alike(token, w) for w in words):
            if all(printed(w, window) for w in words) and (len(parts) < 2 or all(
                    p.lower() in " ".join(window) or _words_together(p, " ".join(window))
                    for p in parts)):
                return True
    return False


def _each_cited(name: str, cited: str, every: Callable[..., bool] = all) -> bool:
    """Names listed with "and" ("Seashells and Millmead", "Thanet and Swale") are each printed (``every``; or one of
    them, with ``any``), in any order or apart: "Millmead … and Seashells", "Swale … Thanet". A body's one name
    ("the Selection and Member Services Committee") is printed whole, which the checks before this one find."""
    parts = [p.strip() for p in re.split(r"\s+and\s+", name) if p.strip()]
    return len(parts) > 1 and every(re.search(r"\b" + re.escape(p.lower()) + r"\b", cited) for p in parts)


def _singular(word: str) -> str:
    """A word without a plural's "s" ("Public Works Loans Board" is the Public Works Loan Board)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def _with_words_before(name: str, question: str) -> list[str]:
    """``name``, and the name as the question prints it with a council's or place's name before it, which the
    filters took ("Kent Community Health Foundation Trust" for "Community Health Foundation Trust": its initials
    are KCHFT)."""
    m = re.search(r"((?:[A-Z][\w'’-]*\s+){1,3})" + re.escape(name), question)
    return [name] + ([m.group(1) + name] if m else [])


def _initials_cited(name: str, cited: str) -> bool:
    """A name of three or more capitalised words printed by its initials: "PWLB" for the Public Works Loan Board."""
    initials = "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", name))
    return len(initials) >= 3 and re.search(r"\b" + initials.lower() + r"\b", cited) is not None


def _spelled_out(acronym: str, cited: str) -> bool:
    """An acronym printed as the capitalised words it stands for: "DCED" for the Deputy Chief Executive's
    Department ("of", "and", "for", "the" between them skipped), the reverse of ``_initials_cited``."""
    if not re.fullmatch(r"[A-Z]{2,6}", acronym):
        return False
    words = re.findall(r"[A-Za-z][\w'’&-]*", cited)
    for start, word in enumerate(words):
        if word[0] != acronym[0]:
            continue
        initials = ""
        for w in words[start:]:
            if w.lower() in _LINKS and initials:
                continue
            if not w[0].isupper() or len(initials) == len(acronym):
                break
            initials += w[0]
        if initials == acronym:
            return True
    return False


def _spelled_out_before(name: str, cited: str) -> bool:
    """A name that begins with an acronym ("the CYPE Cabinet Committee") printed with the acronym's words spelled
    out before the rest: "the Children, Young People and Education Cabinet Committee"."""
    m = re.fullmatch(r"([A-Z]{2,6})\s+([A-Z].*)", name.strip())
    if m is None:
        return False
    link = r"(?:[,\s]+(?:of|and|for|the|&))*[,\s]+"
    words = link.join(rf"{c}[\w'’-]*" for c in m.group(1))
    return re.search(rf"\b{words}{link}(?i:{re.escape(m.group(2))})\b", cited) is not None


# a minister's short title: "the Health Secretary" is the Secretary of State for Health and Social Care, whom papers
# call "the Secretary of State" (gov.uk lists each Secretary of State with the short title in brackets)
_MINISTER = re.compile(r"(?:[A-Z][a-z]+\s+)+Secretary")


def _minister_cited(name: str, cited: str) -> bool:
    return _MINISTER.fullmatch(name) is not None and "secretary of state" in cited


def _glossary_equivalent_cited(name: str, cited: str) -> bool:
    """The words reports use for an abbreviation ("public law outline" for PLO) stand for it: two of them in a
    row, or the expansion's one word."""
    words = glossary().get(name, "").lower().split()
    if len(words) == 1:
        return words[0] in cited
    return any(f"{a} {b}" in cited for a, b in zip(words, words[1:]))


# "when is the Home to School Transport presentation to Cabinet due?", "when will the committee consider …?": when an
# item comes before a meeting, which an agenda's item answers by its meeting's date (not "when will the hubs open?")
_MEETING_NAMED = re.compile(r"\b(?:agenda|meeting|cabinet|committee|council|panel|board|scrutiny)\b", re.IGNORECASE)
_BEFORE_A_MEETING = re.compile(r"\b(?:consider(?:ed|s)?|discuss(?:ed|es)?|debated?|present(?:ed|s)?|presentation|"
                               r"report(?:ed)?|brought|taken|decided?|decision|heard?|due|go(?:es)?\s+to|"
                               r"come(?:s)?\s+(?:to|before)|on\s+the\s+agenda)\b", re.IGNORECASE)


def when_before_a_meeting(question: str, asked: list[str]) -> bool:
    """Whether a "when" question asks when something comes before a meeting: a meeting named, and its business
    ("due", "considered", "presentation", "on the agenda")."""
    return ("time" in asked or "future" in asked) and bool(_MEETING_NAMED.search(question)) \
        and bool(_BEFORE_A_MEETING.search(question))


def dated_agenda_item(h: Hit) -> bool:
    """Whether a cited paragraph is an item an agenda lists for a meeting whose date is known: its date is the
    meeting's."""
    return is_agenda_item(h.paragraph) and bool(h.meta.date)


def wrong_kind_of_evidence(question: str, citations: list[tuple[Hit, list[str]]], implied: Implied | None,
                            asked: list[str], replying: dict[str, Hit] | None = None,
                            table_headers: TableHeaders | None = None, described: NearbyText | None = None,
                            tables: PrintedTables | None = None) -> bool:
    """The quotes cannot answer this kind of question: no figure for "how many", no sum of money for "how much
    … spend", no rate for "what rate", no time for "when", or the thing the question names is not mentioned.
    ``asked``: the kinds of answer the question asks for (kinds.expected). A table's row is read under its
    column headers (``table_headers``): "Seashells £117.58 …" is an average cost per client under its table's.
    ``described``: what a cited paragraph's document says of the people it names (answer/people.py)."""
    required = question_types.required(question, asked)
    # a question a member put gives no figure, date or name the council answered with: its reply may
    put = questions_put(question, citations, replying) if required else set()
    quoted = " ".join(" ".join(s) for i, (_, s) in enumerate(citations) if i not in put)
    # an agenda's item is dated by its meeting: "8. Home to School Transport - Presentation" on the agenda for 4 March
    # 2025 answers when it is due (it had been declined, shown as the nearest passage)
    agenda_dated = when_before_a_meeting(question, list(required)) \
        and any(dated_agenda_item(h) for i, (h, _) in enumerate(citations) if i not in put)
    if any(not holds(kind, quoted, question, in_words=True)  # a share may be in words; a date still to come when
           # its paper was written is ahead, whatever the tense ("was set for September 2025" in January 2025)
           and not (kind == "future" and any(holds(kind, " ".join(s), question, written=h.meta.date)
                                             for i, (h, s) in enumerate(citations) if i not in put))
           and not (kind in ("time", "future") and agenda_dated)
           for kind in required):
        return True
    sums = question_types.money_kinds(question) if "money" in required else set()
    if sums:
        headers = headers_of(citations, table_headers)
        if not any(question_types.states_sum_of(sums, f"{headers.get(h.paragraph.id, ('',))[0]} {sentence}")
                   for h, s in citations for sentence in s):
            return True  # "what salary does Kent pay its Chief Executive?" answered by a department's underspend
    if "entity" in asked and question_types.asks_a_body(question) \
            and not any(holds("entity", " ".join(s), question) for _, s in citations):
        return True  # "which trust took over the school?": "it had been taken over by a new trust" names none
    if no_outcome(question, citations) or no_opening_times(question, citations):
        return True
    if "number" in required and stock_for_a_flow(question, citations) or attendance_elsewhere(question, citations):
        return True
    if respondents_for_another_count(question, citations, list(required)):
        return True
    if "number" in required and (counts_another_kind(question, citations) or counts_another_act(question, citations)
                                 or rate_for_a_count_of_time(question, citations)):
        return True
    if "money" in required and unit_sums_for_a_total(question, citations, headers_of(citations, table_headers)):
        return True
    if forecasts_for_an_actual(question, citations, headers_of(citations, table_headers), list(required)):
        return True
    if "money" in required and sums_of_another_kind(question, citations):
        return True  # "how much did it spend on agency staff?" answered by "savings on agency spend of £1.2m"
    # anywhere in what the quotes are shown with
    return names_left_out(question, citations, implied, replying, described=described, tables=tables)


# a whole year asked about ("how many potholes were repaired in 2024?", "last year", "each year"), not a part of it
_A_YEAR_ASKED = re.compile(r"\b(?:in|during|over|throughout|for)\s+(?:the\s+)?(?:(?:calendar|whole|last|past)\s+)?"
                           r"(?:year\s+)?(?:19|20)\d\d\b(?!\s*[-–/]\s*\d)|\b(?:last|previous|past|a|each|every|per)\s+year\b|"
                           r"\bannual(?:ly)?\b|\byearly\b", re.IGNORECASE)
_PART_OF_A_YEAR = re.compile(r"\bquarter|\bQ[1-4]\b|\bmonth|\bweek|\b(?:" + "|".join(MONTH_NAMES) + r")\b",
                             re.IGNORECASE)
# a figure of one quarter: "this quarter", "in Quarter 3", "Q3", "the quarter"
_A_QUARTERS = re.compile(r"\b(?:this|the|that|last|each|per|a|same|previous|current|latest)\s+quarter\b|\bquarter\s*[1-4]\b|\bQ[1-4]\b",
                         re.IGNORECASE)


def a_quarter_for_a_year(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a count asked of a whole year ("how many potholes did the council repair in 2024?", "… last
    year?") is answered by one quarter's figure alone: each sentence of the first line (``citations[0]``) that
    gives a figure is a quarter's ("The number of potholes repaired … this quarter was 3,058"), and no other quote
    gives another quarter's (Quarter 2's and Quarter 3's figures, quoted together, are the year's so far). Not when
    the question asks of a quarter or a month too."""
    if not citations or not counted(question)[0] or not _A_YEAR_ASKED.search(question) \
            or _PART_OF_A_YEAR.search(question):
        return False
    giving = [sentence for part in citations[0][1] for sentence in split_sentences(part)
              if holds("number", sentence, question)]
    years = set(re.findall(r"\b(?:19|20)\d\d\b", question))  # "In 2024 the council repaired 41,000 potholes, 3,058 of
    # them in the last quarter" gives the year's
    if not giving or not all(_A_QUARTERS.search(sentence) and not years & set(re.findall(r"\b(?:19|20)\d\d\b", sentence))
                             for sentence in giving):
        return False
    return len(set().union(*(quarters_named(" ".join(quoted)) for _, quoted in citations))) < 2


def names_left_out(question: str, citations: list[tuple[Hit, list[str]]], implied: Implied | None,
                    replying: dict[str, Hit] | None, nearby: NearbyText | None = None,
                    described: NearbyText | None = None, tables: PrintedTables | None = None) -> bool:
    """Whether a name the question gives ("the Stour Valley Restore project") is missing from what the answer
    shows: its paragraphs with their context, and the paragraphs printed around them. The evidence checks named
    the thing in a candidate paragraph, but the quotes that give what was asked for are about something else (that
    the Early Years grant will be spent by September 2025 does not say when the Stour Valley bid will be decided),
    so the documents do not answer. A paragraph of a report about the thing need not repeat its name: the
    paragraphs around it do. Anywhere in the document is too far: a quarterly report that names a scheme on one
    page does not date it with another page's "will now report in May 2025". Nor need a paragraph say who the
    people it names are ("the Liberal Democrat amendment" is "Mr Hook proposed …"): its document does once
    (``described``: answer/people.py). A table's row is cited with its table as printed (``tables``): the row of
    one centre ("Seashells Sheerness 31/03/2025 £204,302.16") is shown with the other's ("Millmead Margate …")."""
    if councils_left_out(question, citations, implied, replying):
        return True
    shown = " ".join([cited_with_context(h, replying) for h, _ in citations]
                     + [printed_table_of(h, tables) or "" for h, _ in citations if h.paragraph.kind == "table-row"])
    if another_numbered_label(question, shown):
        return True
    figure = figure_asked(question) or sum_named_asked(question)
    if figure and (financial_years_left_out(question, shown) or places_left_out(implied, shown) and (
            nearby is None or places_left_out(implied, " ".join([shown] + [nearby(h) for h, _ in citations])))):
        return True  # (a table's place may be printed in its title line above: "Swale Average cost per client")
    # and, for a figure, a one-word name it would be of ("Millmead"); not a vote's count, which the minutes record
    # under "the amendment set out in paragraph 7 above" that names whose it was ("the Labour Group's")
    one_word = figure and "vote" not in question_types.expected(question)

    def missing(text: str) -> list[str]:
        return [name for name in missing_names(question, text, implied)
                if not any(_named_with_its_kind(name, h) for h, _ in citations)] \
            + (one_word_names_left_out(question, text, implied) if one_word else [])

    if not missing(shown):
        return False
    if described is not None:  # read only when a name is missing without it (a document's who's-who)
        shown = " ".join(f"{cited_with_context(h, replying)} {described(h)}" for h, _ in citations)
        if not missing(shown):
            return False
    if nearby is None:
        return True
    # a figure is printed with the name it is a figure of, in its paragraph or the list its colon introduces ("47
    # consultees provided a comment. … the key themes:"), not beside a paragraph nearby that names it
    around = " ".join(nearby(h) for h, quoted in citations
                      if not figure or quoted and quoted[-1].rstrip().endswith(":"))
    left = missing(f"{shown} {around}")
    if left and figure:  # but a figure's paragraph may call it by its last word, the paragraphs before naming it
        everything = " ".join(nearby(h) for h, _ in citations)
        left = [name for name in left if not _shortened(name, question, shown, everything)]
    return bool(left)


# a table's row the parser read as a line of text (its column headers before it or not): labels and figures, ending
# with a figure, no sentence in it ("Provider Area Contract End Date Contract value per Annum Millmead Margate
# 31/03/2025 £222,127.44")
_ROW_LIKE = re.compile(r"(?:(?![.;:?!]\s).)*[\d%]", re.DOTALL)


def _named_with_its_kind(name: str, h: Hit) -> bool:
    """Whether a name of several words ("the Millmead Family Hub") is printed in two parts by a cited table's row
    (``_ROW_LIKE``):
    which one, by the row's label ("Millmead Margate 31/03/2025 £222,127.44"), and what kind of thing, in its
    heading or its document's title ("Record of decision: Commissioned Family Hub Contracts"): a table lists each
    by its own name. Each part whole. Not a paragraph of prose, which names a thing in full where it is about it
    ("at Millmead, 1,449 clients attended a session" in a paper on the hubs is not a figure of the hub's own)."""
    if not (h.paragraph.kind == "table-row" or _ROW_LIKE.fullmatch(h.paragraph.text.strip())):
        return False
    words = name.split()
    body = h.paragraph.text
    context = " ".join(x for x in (h.paragraph.heading, h.meta.title) if x).lower()
    for cut in range(1, len(words)):
        which, kind = " ".join(words[:cut]), " ".join(words[cut:])
        if which.lower() in _LINKS or kind.split()[0].lower() in _LINKS:
            continue
        if re.search(rf"(?<![\w'’-]){re.escape(which)}(?![\w'’-])", body) \
                and re.search(rf"\b{re.escape(kind.lower())}", context):
            return True
    return False


def _shortened(name: str, question: str, shown: str, nearby: str) -> bool:
    """Whether ``name`` (or the name of several words the question gives that holds it: "Sheppey" of "the Sheppey
    Gateway") is called by its last word in what the answer shows ("the Gateway is a 50/50 split …") and printed
    whole in the paragraphs around it ("What discussions have been held with the Sheppey Gateway Partnership?"):
    a paper names a thing once and then shortens its name."""
    runs = [run for run in _PROPER.findall(" " + question) if re.search(rf"\b{re.escape(name)}\b", run)]
    for whole in runs or [name]:
        words = whole.split()
        if len(words) < 2 or not words[-1][:1].isupper():
            continue
        if re.search(rf"\b[Tt]he {re.escape(words[-1])}\b", shown) and whole.lower() in nearby.lower():
            return True
    return False


_ONE_WORD = re.compile(r"(?<=[\s(“\"‘'])(?<![.?!:;]\s)([A-Z][a-z]{3,}(?:[-'’][A-Za-z]+)*)(?![\w-])")


def one_word_names_left_out(question: str, shown: str, implied: Implied | None) -> list[str]:
    """A one-word name the question gives for what a figure is of ("how many signatures did the petition to save
    Millmead get?") that what the answer shows never prints: a figure printed with another name ("'Save Our
    Seashells' … over 6,000 signatures") is not of it. Not a council's or place's name (the filters' and
    ``places_left_out``'s), a month or a day, nor a label's word before its number ("the Year 4 grant")."""
    taken = " ".join(implied.org_names + implied.unindexed + implied.places) if implied is not None else ""
    low = shown.lower().replace("’", "'")
    out = []
    for m in _ONE_WORD.finditer(question):
        word = question_types.POSSESSIVE.sub("", m.group(1))
        if re.match(r"\s+(?:\d|[A-Z]\b)", question[m.end():]):  # a label's word: "Year 4", "Phase 2", "Band D"
            continue
        if word in taken or word.lower() in _NOT_NAMES or word.lower() in _CALENDAR \
                or word.lower() in councils.name_words() or councils.resolve(word):
            continue
        if not re.search(r"\b" + re.escape(word.lower()[: max(4, len(word) - 1)]), low):
            out.append(word)
    return out


# a stage of a programme or a band, with its number or letter: "Phase 2 of the Special School Review", "Band D"
_NUMBERED_LABEL = re.compile(r"\b(Phase|Stage|Tranche|Round|Wave|Band|Tier|Cohort)\s+(\d{1,2}|[A-H])\b")


def another_numbered_label(question: str, shown: str) -> bool:
    """Whether a numbered stage the question names ("did Cabinet approve Phase 2 of the Special School Review?") is
    printed nowhere in what the answer shows, which prints the same label with another number only ("Decision
    24/00097 - Special School Review - Phase 1 … was given approval"): that is a neighbouring stage's news."""
    for label, number in set(_NUMBERED_LABEL.findall(question)):
        printed = {n.upper() for n in re.findall(rf"\b{label}\s+(\d{{1,2}}|[A-Ha-h])\b", shown, re.IGNORECASE)}
        if printed and number not in printed:
            return True
    return False


# a financial year as papers print it: "2023-24", "2023/24", "2023–2024", "2023 to 2024"
_FINANCIAL_YEAR = re.compile(r"\b(20\d\d)\s*(?:[-–/]|\bto\b)\s*(?:20)?(\d\d)\b")


def financial_years_left_out(question: str, shown: str) -> bool:
    """Whether a financial year the question names ("the overspend at quarter 3 of 2023-24") is printed nowhere in
    what the answer shows, titles and headings included: another year's figures (2024-25's) do not answer a figure
    asked of it. (How something was done in a year may be told without printing the year: not checked.)"""
    def years(text: str) -> set[tuple[str, str]]:
        return {(a, b) for a, b in _FINANCIAL_YEAR.findall(text) if int(b) == (int(a) + 1) % 100}
    asked = years(question)
    return bool(asked - years(shown))


def places_left_out(implied: Implied | None, shown: str) -> bool:
    """Whether the question names places in a council's area ("how many special schools will open in Thanet?") and
    what the answer shows prints none of them: the county's totals are no figure for the place. A former council's
    name ("after the break-up of Cumbria") names a time, not a place figures are of."""
    places = [p for p in (implied.places if implied is not None else [])
              if not ((council := councils.resolve(p)) is not None and council.former)]
    return bool(places) and not any(re.search(rf"\b{re.escape(p)}\b", shown, re.IGNORECASE) for p in places)


def figure_asked(question: str) -> bool:
    """Whether the question asks for a figure or a sum ("how much of the grant will be spent on HIV pre-exposure
    prophylaxis?"): the figure quoted must be printed with the name it is a figure of (the grant's total beside a
    paragraph that mentions the programme is no sum spent on it)."""
    return bool({"number", "money"} & set(question_types.required(question, question_types.expected(question))))


# "what capital budget has Kent set aside …?", "what salary does …": a question whose subject is a sum of a kind it
# names, up to its verb, asks for that sum as "how much …?" does
_WH_SUBJECT = re.compile(r"^\s*(?:and\s+)?what\s+((?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:is|was|are|were|has|"
                         r"have|had|does|do|did|will|would|can|could|should|might|may)\b", re.IGNORECASE)


def sum_named_asked(question: str) -> bool:
    """Whether the question's subject is a sum of a kind it names ("what capital budget has Kent set aside to
    refurbish the Seashells building?"): a figure is asked for, which must be printed with the name it is of."""
    m = _WH_SUBJECT.match(question)
    return m is not None and bool(question_types.money_kinds(m.group(1)))


def cited_with_context(h: Hit, replying: dict[str, Hit] | None = None) -> str:
    """A cited paragraph with what names its subject around it: its heading, and its document's title and
    committee ("the Corporate Parenting Panel" is named by the minutes, not by each of their paragraphs); for an
    answer to a question put at a meeting, the question's heading ("Question by Susan Carey to Neil Baker …") and
    the question itself (the answer need not repeat the places it was asked about)."""
    asked = (replying or {}).get(h.paragraph.id)
    return " ".join(x for x in (h.paragraph.text, h.paragraph.heading, h.meta.title, h.meta.committee,
                                asked.paragraph.heading if asked else None, asked.paragraph.text if asked else None)
                    if x)


# a council named as where something is ("lived in Medway", "schools across Bexley"), not as whose papers or
# services are asked about ("do Haringey, Hillingdon and Bromley run …?", "Kent's consultation")
_PLACE_BEFORE = r"\b(?:in|from|at|near|across|within|outside|throughout|for)\s+(?:the\s+)?"


def _as_a_place(name: str, question: str) -> bool:
    return re.search(_PLACE_BEFORE + re.escape(name) + r"(?!['’]s\b)\b", question) is not None


def councils_left_out(question: str, citations: list[tuple[Hit, list[str]]], implied: Implied | None,
                      replying: dict[str, Hit] | None = None) -> list[str]:
    """The councils a question names as a place (``_as_a_place``), besides the one whose papers answer it, that what
    is cited never mentions:
    "how many respondents to Kent's consultation lived in Medway?" is not answered by Kent's paragraphs on its
    respondents that never say Medway (the filters let Medway's documents in, but none was cited). Nothing when no
    council the question names is cited (another check's case) or each named is cited or printed."""
    if implied is None or len(implied.org_names) < 2:
        return []
    cited = {councils.council_slug(h.meta.org_slug or "") for h, _ in citations}
    named = [(name, council) for name in implied.org_names if (council := councils.resolve(name)) is not None]
    if not any(council.slug in cited for _, council in named):
        return []
    absent = [(name, council) for name, council in named if council.slug not in cited and _as_a_place(name, question)]
    if not absent:
        return []
    shown = " ".join(cited_with_context(h, replying) for h, _ in citations)
    printed = {council.slug for council, *_ in councils.find_mentions(shown)}
    return [name for name, council in absent if council.slug not in printed]


# a question about what someone asked ("what did Mr Hook ask?", "which questions were put?"): questions answer it
_ABOUT_QUESTIONS = re.compile(r"\bask|\bquestion|\bquer(?:y|ies)\b|\benquir|\bprompt", re.IGNORECASE)
_ELISION_MARK = re.compile(r"^[\s…]+|[\s…]+$")
# labels with no sentence in them that end in a run of capitalised words: a form's or a table's header line
_FORM_HEADER = re.compile(r"^[^.?!]*?(?:\b[A-Z][\w'’/-]*\s+){3,}[A-Z][\w'’/-]*$")


def only_prompts(question: str, citations: list[tuple[Hit, list[str]]], replying: dict[str, Hit] | None = None
                 ) -> bool:
    """Whether every quote is a form's prompts left unanswered ("24 Is the same retention period cited in all
    documentation? 25 At the end of the retention period will the data be:"): questions, or a prompt that ends in a
    colon with nothing after it, and no answer. A form whose prompts are all that is printed answers nothing; the
    questions a meeting was asked are an answer only to a question about them (or when their answers are cited)."""
    if not citations or _ABOUT_QUESTIONS.search(question) or any(h.paragraph.id in (replying or {})
                                                                    for h, _ in citations):
        return False
    parts = [_ELISION_MARK.sub("", s) for _, quoted in citations for s in quoted]
    # a form's header ("Project Timeframe for Data Collection: In less than 3 months DPIA Screening Questions
    # Question Number Question Answer"), labels that end in its columns' names, is no answer beside its prompts
    parts = [p for p in parts if p and not _FORM_HEADER.search(p)]
    # each part may hold several prompts in a row: "20 Are there any … 23 How long will the data be retained for?"
    asks = [p for p in parts if p.endswith("?")]
    return bool(asks) and all(p.endswith(("?", ":")) for p in parts)


# "what percentage of consultees agreed with the proposal?": a share of those taking a side, and the words that say one
_SHARE_OF_A_SIDE = re.compile(r"\b(?:percentage|proportion|share|per ?cent|%)\b.*\b(?:agree|disagree|support|"
                              r"oppos|favou?r|object)\w*", re.IGNORECASE)
_A_SIDE = re.compile(r"\b(?:agree|disagree|support|oppos|favou?r|object|against|approv|reject|welcom|back)\w*",
                     re.IGNORECASE)


def share_of_another_side(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a share of those who agreed (disagreed, supported, opposed) is asked for and every quoted sentence
    that gives a share says no side taken: "14% of respondents … raised the impact of the loss of the centre" is
    the share who raised a concern, not of those who agreed with the proposal."""
    if not _SHARE_OF_A_SIDE.search(question):
        return False
    shares = [sentence for _, quoted in citations for part in quoted for sentence in split_sentences(part)
              if holds("rate", sentence, question)]
    return bool(shares) and not any(_A_SIDE.search(sentence) for sentence in shares)

# a meeting's standing resolution: its last minutes signed as a correct record, apologies, declarations
_STANDING_RESOLUTION = re.compile(r"\bminutes\b[^.;]{0,120}?\b(?:were|are|was|be|being)\s+(?:approved\s+as\s+|"
                                  r"agreed\s+as\s+)?(?:a|an)\s+(?:correct|accurate|true)\s+record\b|"
                                  r"\bapologies\b[^.;]{0,60}?\b(?:received|noted)\b|\bno declarations\b",
                                  re.IGNORECASE)
_ABOUT_PROCEDURE = re.compile(r"\bminutes\b|\brecord\b|\bapolog|\bdeclar|\binterests?\b", re.IGNORECASE)


def only_standing_resolutions(question: str, asked: list[str], citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a question about what a meeting decided ("what did the council decide about council tax on 9
    January?") would be answered only by standing resolutions: every quote that records a decision is one that a
    meeting's last minutes were a correct record ("RESOLVED that the minutes of the meeting on 9 January 2025 were a
    correct record"), or of apologies, which decide nothing on the matter asked about."""
    if "decision" not in asked or _ABOUT_PROCEDURE.search(question):
        return False
    deciding = [" ".join(quoted) for h, quoted in citations if holds("decision", " ".join(quoted), question)]
    return bool(deciding) and all(_STANDING_RESOLUTION.search(q) for q in deciding)

# "what time is the meeting expected to finish?": a clock time it ends at, not the time it starts
_ENDS_ASKED = re.compile(r"\bwhat time\b[^?]*\b(?:finish|end|close|conclude|stop)\w*\b|"
                         r"\bwhen\b[^?]*\b(?:finish|end|close|conclude)\w*\b[^?]*\b(?:meeting|session)\b|"
                         r"\bwhen\b[^?]*\b(?:meeting|session)\b[^?]*\b(?:finish|end|close|conclude)\w*\b",
                         re.IGNORECASE)
_CLOCK = f"(?:{question_types.CLOCK.pattern})"  # a clock time, as a question asking "what time …?" takes one
_ENDS_AT = re.compile(r"\b(?:finish\w*|end\w*|clos\w*|conclu\w*|until|till|to|rose|rising\s+at)\s+(?:at\s+|by\s+)?"
                      r"(?:about\s+|approximately\s+|around\s+|c\.\s*)?" + _CLOCK + "|" + _CLOCK + r"\s*[-–—]\s*"
                      + _CLOCK, re.IGNORECASE)


def no_end_time(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether the question asks at what time a meeting ends ("what time is the Cabinet expected to finish?") and
    no quote gives one ("… closed at 4.35 pm", "2.00 pm – 4.00 pm", "until 5pm"): a start time ("at 3.00 pm") is
    not when it finishes."""
    if not _ENDS_ASKED.search(question):
        return False
    return not any(_ENDS_AT.search(s) for _, quoted in citations for s in quoted)


def vote_of_another_committee(question: str, asked: list[str], citations: list[tuple[Hit, list[str]]],
                              hits: list[Hit], implied: Implied | None = None) -> bool:
    """Whether a question about how a committee it names voted ("how many Cabinet members voted for the plan?")
    would be answered only by votes recorded at other meetings (the County Council's vote on a motion): one
    meeting's vote says nothing of how another's members voted. The committees are those of the documents found
    (``hits``) the question names as voting, apart from a council's name ("Kent County Council's plan" names
    no meeting of the County Council)."""
    if "vote" not in asked:
        return False
    for name in sorted(implied.org_names if implied is not None else [], key=len, reverse=True):
        question = question.replace(name, " ")
    # the committee as who voted: "how many Cabinet members voted", "how did the County Council vote", not a vote
    # the question mentions beside it ("under the amendment Cabinet agreed, when would the first vote for a mayor …")
    named = {c for c in {h.meta.committee for h in hits if h.meta.committee}
             if re.search(r"\b" + re.escape(c) + r"(?:\s+[\w'’]+){0,2}\s+vot(?:e|ed|es|ing)\b", question)}
    voting = [h for h, quoted in citations if holds("vote", " ".join(quoted), question)]
    return bool(named) and bool(voting) and not any(h.meta.committee in named for h in voting)


# a question on what a body decided, said as done ("what did the Cabinet resolve …?", "what was agreed …?", "did the
# Council approve …?"), not what it was asked to decide or what a report recommended
_DECIDED = re.compile(r"\b(?:did|has|have|had)\s+(?:[\w'’-]+\s+){0,8}?(?:decide|resolve|agree|approve)\b|"
                      r"\bwhat\s+(?:was|were|has\s+been|have\s+been)\s+(?:decided|resolved|agreed|approved)\b|"
                      r"\bwhat\s+(?:decisions?|resolutions?)\s+(?:did|was|were|has|have)\b", re.IGNORECASE)
_TO_BE_DECIDED = re.compile(r"\basked\s+to\b|\brecommend\w*|\bpropos\w*|\boptions?\b|\bwill\b|\bgoing\s+to\b",
                            re.IGNORECASE)
# a report's request for a decision ("The Cabinet is asked to …", "Members are invited to note …", "It is
# recommended that …"), and a sentence recording one ("RESOLVED that …", "Cabinet agreed …", "the Panel noted …",
# a record of decision's "I agree to …")
_REQUEST = re.compile(r"\b(?:is|are)\s+(?:being\s+)?(?:asked|recommended|invited|requested)\s+to\b|"
                      r"\bit\s+is\s+recommended\b|\brecommendations?\s*:", re.IGNORECASE)
_RECORDS = re.compile(r"\b(?:resolved|agreed|decided|approved|endorsed|adopted|noted|carried|passed|rejected|deferred|"
                      r"delegated|supported|accepted|confirmed|amended|rescinded|refused)\b|\bdecisions?\s*:|"
                      r"\bI\s+(?:agree|approve|endorse)\b", re.IGNORECASE)


def only_requested(question: str, asked: list[str], citations: list[tuple[Hit, list[str]]]) -> list[Hit]:
    """When a question asks what a body decided ("what did the Cabinet resolve when it reconsidered …?") and the
    quotes give only what a report asked it to decide ("The Cabinet is asked to consider … and confirm, amend or
    rescind"), the paragraphs making that request: a request for a decision is not the decision, and no quoted
    sentence records one. Empty otherwise."""
    if "decision" not in asked or not _DECIDED.search(question) or _TO_BE_DECIDED.search(question):
        return []
    # (a quote's paragraph with it: a resolution's items are quoted without their "RESOLVED that Cabinet agree to:")
    said = [(h, s) for h, quoted in citations for part in [*quoted, h.paragraph.text] for s in split_sentences(part)]
    if any(_RECORDS.search(s) for _, s in said if not _REQUEST.search(s)):
        return []
    return list({h.paragraph.id: h for h, s in said if _REQUEST.search(s)}.values())


_HOW_MANY = re.compile(r"\bhow many\s+", re.IGNORECASE)


def counts_another_group(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a "how many" question counts a group of children or a service data/topics.tsv names ("how many
    unaccompanied asylum-seeking children …?") and no quoted sentence names that group in any wording a question
    may use for it: a figure quoted beside a passing mention ("home to the national asylum intake unit and has
    1,000 school-aged children from outside of the borough") counts another group."""
    asks = _HOW_MANY.search(question)
    if asks is None:
        return False
    counted_topics = [t for wording, t in topics.named(question)
                      if (at := question.replace("’", "'").find(wording)) >= 0 and at == asks.end()]
    if not counted_topics:
        return False
    # (by an acronym too: "The SEN commissioning intentions" name children with special educational needs)
    quoted = [expand(part).replace("’", "'") for _, parts in citations for part in parts]
    return not any(t.asked.search(q) for t in counted_topics for q in quoted)


# "what is the reoffending rate …?", "the council tax collection rate": the measure a rate is of, in the word before it
# (a rate, not "business rates" or "non-domestic rates", a tax, nor the verb: "how did Ofsted rate the response …?")
_RATE_OF = re.compile(r"\b([a-z][a-z-]{3,})\s+rate\b(?!\s*(?:payers?|relief|retention|pool)\b)"
                      r"(?!\s+(?:the|a|an|its|their|this|these|those|it|them|as|how|his|her|our|your)\b)", re.IGNORECASE)
_NO_MEASURE = frozenset(tokenize(["what which current overall average annual latest same higher lower national local "
                                  "success percentage per proportion"])[0])


def rate_of_another_measure(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether the question asks a rate of a measure it names in the word before "rate" ("what is the reoffending rate
    for youth justice?") and no quote names that measure in any form ("reoffended", "vacant" for a vacancy rate, a
    glossary wording): a percentage of EHCPs issued on time is no reoffending rate."""
    measures = {t for m in _RATE_OF.finditer(question) for t in tokenize([m.group(1)])[0]} - _NO_MEASURE
    if not measures or not citations:
        return False
    said = {w[:5] for _, quoted in citations for w in tokenize([expand(" ".join(quoted))])[0] if len(w) >= 3}
    return not any(m[:5] in said for m in measures)


# "was the amendment agreed?", "did Cabinet approve the plan?": a yes or no on what a meeting did, which only a quote
# recording the outcome answers (carried, lost, agreed, resolved, fell, withdrawn ...), not one giving what was put
_OUTCOME_Q = re.compile(r"^\s*(?:and\s+)?(?:(?:was|were|has|have|had)\s+(?:[\w'’-]+\s+){1,14}?(?:been\s+)?"
                        r"(?:agreed|approved|carried|passed|adopted|accepted|rejected|defeated|endorsed|lost|"
                        r"withdrawn)|(?:did|does|do)\s+(?:[\w'’-]+\s+){1,8}?(?:agree|approve|adopt|accept|"
                        r"reject|endorse|carry|pass)(?:\s+\w+)?)\b", re.IGNORECASE)
_OUTCOME = re.compile(r"\b(?:carried|lost|agreed|agree|resolved|fell|falls|withdrawn|approved|approve|rejected|"
                      r"defeated|adopted|accepted|endorsed|passed|deferred|declined|refused|voted|vote|decided|"
                      r"decision|noted|unanimous\w*|supported|overturned|upheld)\b|\bno amendments?\b",
                      re.IGNORECASE)


def no_outcome(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a yes-or-no question on what a meeting did ("was the budget amendment agreed?", "did Cabinet approve
    the plan?") is answered by quotes none of which records an outcome: the amendment's own words ("This amendment
    seeks to halve the grant …") say what was put, not whether it was carried."""
    if not citations or not _OUTCOME_Q.search(question):
        return False
    return not any(_OUTCOME.search(" ".join(quoted)) for _, quoted in citations)


# "what are the opening hours of the family hub?", "when is the library open?": the hours or days it opens
_OPENING_Q = re.compile(r"\bopening (?:hours|times|days)\b|\bhours of opening\b|\bwhat (?:time|hours|days)\s+"
                        r"(?:[\w'’-]+\s+){0,8}?open\b|\bwhen\s+(?:is|are|does|do)\s+(?:[\w'’-]+\s+){0,8}?open\b",
                        re.IGNORECASE)
_DAYS = re.compile(r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b|\bweekdays?\b|"
                   r"\bweekends?\b|\b(?:24|twenty-four)[\s/-]*(?:hours?|7)\b|"
                   r"\bopens?\b[^.;]{0,40}?\b\d{1,2}(?:[.:]\d\d)?\s*(?:-|–|to|until|till)\s*\d{1,2}\b", re.IGNORECASE)

# a time of day as opening hours print it: "9am", "5.30 pm", "10:00", "9.00 to 17.00" (not a paragraph's "4.16")
_TIME_OF_DAY = re.compile(r"\b\d{1,2}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|\b\d{1,2}:\d\d\b|\b(?:noon|midday)\b|"
                          r"\b\d{1,2}[.:]\d\d\s*(?:-|–|to|until|till)\s*\d{1,2}[.:]\d\d\b", re.IGNORECASE)


def no_opening_times(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a question asking when a place opens ("what are the opening hours of the family hub?") is answered
    by quotes giving no time of day, no day of the week and no opening hours: distances to other hubs say where,
    not when it is open."""
    if not citations or not _OPENING_Q.search(question):
        return False
    quoted = " ".join(" ".join(q) for _, q in citations)
    return not (_TIME_OF_DAY.search(quoted) or _DAYS.search(quoted))


# the heading of a question a member put at a meeting: "Question by Mike Sole to Neil Baker, Cabinet Member …:"
_QUESTION_PUT = re.compile(r"^\W*Question\s+(?:\d+\s+)?(?:by|from)\s+[^:.?]{3,160}?\bto\b", re.IGNORECASE)


def questions_put(question: str, citations: list[tuple[Hit, list[str]]],
                  replying: dict[str, Hit] | None = None) -> set[int]:
    """The cited quotes, by index, from a question a member put at a meeting ("Question by Mike Sole to Neil Baker
    …: On 6 February I cycled around … photographing around 100 potholes"), not from its answer: what a member asked
    tells what they asked, not what the council did ("how many potholes has the council repaired?"), unless the
    question is about what was asked or what that member said."""
    if not citations or _ABOUT_QUESTIONS.search(question) or question_types.speaker_asked(question) is not None:
        return set()
    return {i for i, (h, quoted) in enumerate(citations) if h.paragraph.id not in (replying or {})
            and (_QUESTION_PUT.search(h.paragraph.heading or "") or _QUESTION_PUT.search(h.paragraph.text))}


# "how many new foster carers were recruited in 2024?": how many came in a period (a flow), which a count standing at a
# date ("As of 31st December 2024, there were 613 approved households") or a number aimed at ("against a target of 700
# households", "the ambition is to have four hubs") does not give
_FLOW_Q = re.compile(r"\bhow many\s+(?:[\w'’-]+\s+){0,3}?new\b|\bhow many\b[^?]*?\b(?:recruit(?:ed)?|hire[ds]?|"
                     r"join(?:ed)?|enrol(?:led)?|sign(?:ed)?\s+up)\b", re.IGNORECASE)
_A_DAY = (r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(MONTH_NAMES) + r")(?:\s+(?:19|20)\d\d)?|"
          r"(?:the\s+end\s+of\s+)?(?:" + "|".join(MONTH_NAMES) + r"|Q[1-4]|quarter\s+[1-4])\s*(?:(?:19|20)\d\d)?|"
          r"\d{1,2}[/.]\d{1,2}[/.]\d{2,4})")
_STANDING = re.compile(r"\b(?:as\s+(?:of|at)|at)\s+" + _A_DAY + r"\s*,?\s*there\s+(?:were|was|are|is)\b|"
                       r"\bas\s+at\s+" + _A_DAY, re.IGNORECASE)
_AIMED_AT = re.compile(r"\b(?:(?:against\s+)?(?:a|the|its|our)\s+target\s+of|(?:ambition|aim|intention|plan)\s+"
                       r"(?:is|was|will\s+be)\s+to\s+(?:have|reach|achieve|recruit))\b", re.IGNORECASE)
# what a sentence counting those who came says: "45 new carers were approved", "recruited 30 carers"
_CAME = re.compile(r"\bnew\b|\b(?:were|was|been|have|has|had)\s+(?:[^\W\d]+ly\s+)?(?:recruited|hired|appointed|approved|"
                   r"registered|enrolled|joined)\b|\b(?:recruited|hired|joined|enrolled)\s+(?!by\b)", re.IGNORECASE)


def stock_for_a_flow(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a question asking how many came in a period ("how many new foster carers did the council recruit in
    2024?") is answered only by counts standing at a date ("As of 31st December 2024, there were 613 approved
    households") or numbers aimed at ("against a target of 700", "the ambition is to have four hubs"): each figure a
    quote gives is of what there is or should be, not of how many came."""
    if not citations or not _FLOW_Q.search(question):
        return False
    counting = [s for _, quoted in citations for part in quoted for s in split_sentences(part)
                if holds("number", s, question)]
    return bool(counting) and all((_STANDING.search(s) or _AIMED_AT.search(s)) and not _CAME.search(s)
                                  for s in counting)


# "what attendance figures were reported for Millmead Family Hub?", "how many people attend the Old Library?": how
# many came to the place it names, which a figure beside another place of its kind ("Four people attended the drop in
# at Margate Family Hub") or a share of those who answered a survey ("22% of consultees … attend Millmead Family Hub")
# does not give
# (what the question itself asks, from its start: not "what did members want cleared up about how many people use it?")
_ATTENDANCE_Q = re.compile(r"^\s*(?:(?:what|which)\s+(?:[\w'’-]+\s+){0,3}?attendance\s+(?:figures?|numbers?|data|"
                           r"levels?|statistics|counts?)\b|how many\s+(?:[\w'’-]+\s+){0,3}?(?:attend\w*|visit\w*)\b)",
                           re.IGNORECASE)
_ATTENDED = re.compile(r"\battend\w*|\bfootfall\b|\bvisit(?:s|ors?)\b|\bcame\b|\bwent\b", re.IGNORECASE)
# a survey's share of those answering ("Just under a quarter of consultees (22%) …"): what people said, not how many came
_SURVEYED = re.compile(r"\b(?:consultees|respondents|responses|questionnaires?|survey\w*)\b", re.IGNORECASE)
_SHARES = re.compile(r"\d[\d.,]*\s*(?:%|per ?cent\b)|\b(?:a|one|two|three|four)\s+(?:half|halves|thirds?|quarters?|"
                     r"fifths?|tenths?)\b", re.IGNORECASE)


def attendance_elsewhere(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a question asking how many attend a place it names ("what attendance figures were reported for
    Millmead Family Hub?") is answered by no quoted sentence giving a figure of those attending it: one giving a
    figure for another place of the same kind ("Four people attended the drop in at Margate Family Hub") or a share
    of a survey's respondents ("22% of consultees … believe lots of deprived children attend Millmead Family Hub")
    says how many came elsewhere or what people said."""
    if not citations or not _ATTENDANCE_Q.search(question):
        return False
    places = [m.group(1) for m in _PROPER.finditer(" " + question) if len(m.group(1).split()) >= 2
              and m.group(1).lower() not in _NOT_NAMES and councils.resolve(m.group(1)) is None]
    if not places:
        return False

    def another(sentence: str) -> bool:  # names a place of the kind asked about, not the one asked about
        kinds = {p.split()[-1] for p in places}
        named = [m.group(1) for m in _PROPER.finditer(" " + sentence) if m.group(1).split()[-1] in kinds]
        return bool(named) and not any(p.lower() in sentence.lower() for p in places)

    said = [s for _, quoted in citations for part in quoted for s in split_sentences(part)]
    return not any(_ATTENDED.search(s) and not another(s)
                   and holds("number", _SHARES.sub(" ", s) if _SURVEYED.search(s) else s, question) for s in said)


# "how many staff would be made redundant?", "how many families used the hub last year?": a count of the people or
# things the question names, which a consultation's tally of what its respondents said does not give: a coded
# comment's row ("Seashells / the staff are welcoming … (includes staff will lose their jobs) 77 22%": 77 consultees
# said so, 22% of those answering) or a sentence counting consultees ("Just under a quarter of consultees answering
# (23%) commented …") says how many answered so, not how many staff or families there are
_TALLY_ROW = re.compile(r"[^\W\d][^\d]*?\s(?:\d{1,3}(?:,\d{3})*|\d+)\s+\d{1,3}(?:\.\d+)?\s*%\s*$")
_RESPONDENTS_COUNTED = re.compile(r"\b(?:consultees|respondents|those\s+(?:answering|responding|who\s+(?:answered|"
                                  r"responded)))\b", re.IGNORECASE)
# a question about the consultation or what people said in it, which its tallies answer
_ABOUT_RESPONSES = re.compile(r"\bconsult\w*|\brespon\w*|\bsurvey\w*|\bquestionnaires?\b|\bsa(?:y|ys|id)\b|"
                              r"\bcomment\w*|\bmention\w*|\braised?\b|\bviews?\b|\bfelt\b|\bfeel\b|\bthink|\bthought|"
                              r"\bagree\w*|\bdisagree\w*|\bsupport\w*|\boppos\w*|\bobject\w*|\banswer\w*|\btold\b|"
                              r"\bfeedback\b|\bconcern\w*|\bcomplain\w*|\bbase\b", re.IGNORECASE)


def respondents_for_another_count(question: str, citations: list[tuple[Hit, list[str]]], kinds: list[str]) -> bool:
    """Whether a question asking how many or what share (``kinds``: "number" or "rate" among them) of something other
    than a consultation's responses ("how many staff at the hub would be made redundant?") is answered only by
    figures counting those who answered it: a coded comment's tally row ("… concern staff will lose their jobs 105
    21%") or a sentence whose figure is of consultees or respondents. Not when the question asks about the
    consultation, its respondents or what people said ("what share of respondents agreed …?")."""
    if not citations or not {"number", "rate"} & set(kinds) or _ABOUT_RESPONSES.search(question):
        return False
    giving = [s for _, quoted in citations for part in quoted for s in split_sentences(part)
              if any(holds(k, s, question) for k in ("number", "rate") if k in kinds)]
    return bool(giving) and all(_TALLY_ROW.search(s.strip()) or _RESPONDENTS_COUNTED.search(s) for s in giving)


_A_NUMBER_WORD = re.compile(r"\b(?:" + question_types.NUMBER_WORDS + r"|thirteen|fourteen|fifteen|sixteen|seventeen|"
                            r"eighteen|nineteen|hundred|thousand)\b", re.IGNORECASE)


def counts_another_kind(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a "how many" question counts a kind of thing (children, staff, families and adults, places and bodies,
    items of business, spans of time: query/counted.kind_counted) and every figure the quotes give counts a thing of another kind, by the noun
    after it: "how many social workers does the trust employ?" is not answered by "brings together 12 local
    authorities", nor "how many care leavers became homeless?" by "each of the 12 districts". A figure whose noun is of
    no known kind ("an increase of 477", "38FE") may be the count asked for, so then the quotes stand. A sentence whose
    figures are only ages, years, dates or sums ("Transitions between 18-25") counts nothing; a consultation's tally row
    ("… (includes staff will lose their jobs) 77 22%") counts those who answered it, unless the question asks about
    them."""
    asked = kind_counted(question)
    if not asked or not citations:
        return False
    tallies = not _ABOUT_RESPONSES.search(question)  # a consultation's tally counts those who answered it
    kinds = []  # of each sentence giving a figure, its figures' kinds, read on from the sentences before it
    for _, quoted in citations:
        for part in quoted:
            for sentence, these in sentence_figure_kinds(part):
                if tallies and _TALLY_ROW.search(sentence.strip()):
                    these = ["adults"]  # "… (includes staff will lose their jobs) 77 22%": 77 consultees said so
                elif not these and not _A_NUMBER_WORD.search(sentence):
                    continue  # its figures are ages, years, dates or sums ("Transitions between 18-25"): no count
                if holds("number", sentence, question):
                    kinds.append(these)
    return bool(kinds) and all(k and all(x is not None and not same_kind(asked, x) for x in k) for k in kinds)


# a sum of one unit ("£20,629 per pupil", "Average cost per client") is what each costs, not what a thing costs in
# all; "per year", "each month" say over what time, and a total may be given so ("attended a session" is no unit)
_PER_UNIT = re.compile(r"\b(?:per|each)\s+(?!(?:year|annum|week|month|day|quarter|cent|centum|fortnight|term)s?\b)"
                       r"(?:[a-z-]+\s+){0,2}?(?:pupil|child|client|attendee|session|place|person|head|user|learner|"
                       r"student|family|household|resident|visit|case|bed|unit|ticket|journey|trip|member|"
                       r"worker|carer|young person|adult)s?\b|\baverage\b|\bunit (?:cost|price|rate)s?\b",
                       re.IGNORECASE)

# what a question asking one unit's sum says ("how much does a place cost?", "what is the average cost per pupil?")
_PER_UNIT_Q = re.compile(_PER_UNIT.pattern.replace(r"(?:per|each)\s+", r"(?:per|each|a|an|one)\s+", 1), re.IGNORECASE)
# a sentence or table giving the whole as well ("£1.2m in total, £500 per pupil")
_IN_ALL = re.compile(r"\b(?:total\w*|in all|overall|altogether|combined|whole)\b", re.IGNORECASE)


def unit_sums_for_a_total(question: str, citations: list[tuple[Hit, list[str]]],
                          headers: dict[str, tuple[str, int | None]]) -> bool:
    """Whether a question asking how much a thing costs or comes to in all ("how much will the new special school
    cost?", "how much did the drop-in sessions cost to run?") is answered only by sums of one unit: each quoted
    sentence giving a sum, read under its table's headers, is a cost per pupil, per client or an average ("Average
    cost per client per centre", "£s per pupil"), which says what each costs, not the whole. Not when the question
    asks for one unit's sum itself ("what is the average cost per pupil?", "how much per hour …?")."""
    if not citations or _PER_UNIT_Q.search(question):
        return False
    sums = question_types.money_kinds(question)  # of those naming the kind of sum asked, where it names one
    giving = []
    for h, quoted in citations:
        header = headers.get(h.paragraph.id, ("",))[0]
        giving += [f"{header} {s}" for part in quoted for s in split_sentences(part)
                   if question_types.holds("money", s, question, strict=True)
                   and (not sums or question_types.states_sum_of(sums, f"{header} {s}"))]
    return bool(giving) and all(_PER_UNIT.search(s) and not _IN_ALL.search(s) for s in giving)


def sums_of_another_kind(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a "how much" question asking for one kind of sum (money_kinds: "how much did the council spend on
    agency social workers?": a cost) is answered only by sums of other kinds, each by the words governing that sum
    (query/kinds.sum_kinds): "savings on agency spend of £1.2m" names the spend asked about, but its sum is a saving;
    "the forecast overspend on Schools' Delegated Budgets of £30.4m" is a variance, not a budget. A sum whose kind
    nothing names may be the one asked for, so then the quotes stand; nor is it checked when the question asks by
    how much something changed ("by how much did agency spend fall?"), which a reduction answers."""
    asked = question_types.money_kinds(question)
    if not citations or not asked or question_types.asks_change(question):
        return False
    governed = [question_types.sum_kinds(s) for _, quoted in citations for part in quoted
                for s in split_sentences(part) if question_types.holds("money", s, question, strict=True)]
    governed = [kinds for kinds in governed if kinds]
    return bool(governed) and all(k is not None and not k & asked for kinds in governed for k in kinds)


# a question asking what a sum or count came to ("what was the final revenue outturn for 2024-25?", "the actual
# spend"), not what it is expected to come to
_ACTUAL_Q = re.compile(r"\b(?:final|actual)\s+(?:[\w-]+\s+){0,2}?(?:out-?turns?|spend\w*|spent|costs?|overspends?|"
                       r"underspends?|position|figures?|totals?|amounts?|numbers?|balances?|savings?|deficits?|"
                       r"surplus\w*|income|expenditure)\b", re.IGNORECASE)
_EXPECTED = re.compile(r"\b(?:forecast\w*|project(?:ed|ion|ions)|expect\w*|predict\w*|estimat\w*|anticipat\w*|"
                       r"targets?|will|would|to\s+be\s+[a-z]+ed)\b", re.IGNORECASE)
# what a question asking for one of those, or a plan, says ("what is the forecast outturn?", "the final budget")
_EXPECTED_Q = re.compile(_EXPECTED.pattern + r"|\b(?:budget\w*|plann?\w*|provisional|draft|aim\w*)\b", re.IGNORECASE)
# a sentence saying what a figure came to as well ("the actual spend was £3.1m against a forecast of £3.4m")
_CAME_TO = re.compile(r"\b(?:actual\w*|final(?!\s+draft)|outturned)\b", re.IGNORECASE)


def forecasts_for_an_actual(question: str, citations: list[tuple[Hit, list[str]]],
                            headers: dict[str, tuple[str, int | None]], kinds: list[str]) -> bool:
    """Whether a question asking what a figure came to in the end ("what was the council's final revenue outturn for
    2024-25?", "what was the actual overspend?") is answered only by figures expected, forecast or aimed at: each
    quoted sentence giving a figure of the kind asked, read under its table's headers, is a forecast, a projection,
    an estimate, a budget or a target ("the overall forecast position as at Quarter 3 … a revenue overspend of
    +£23.3m"), which says what was expected before the year ended. Not when the question asks for one of those
    itself ("what is the forecast outturn?")."""
    wanted = [k for k in ("money", "number", "rate") if k in kinds]
    if not citations or not wanted or not _ACTUAL_Q.search(question) or _EXPECTED_Q.search(question):
        return False
    giving = [f"{headers.get(h.paragraph.id, ('',))[0]} {s}" for h, quoted in citations for part in quoted
              for s in split_sentences(part) if any(holds(k, s, question) for k in wanted)]
    return bool(giving) and all(_EXPECTED.search(s) and not _CAME_TO.search(s) for s in giving)


# "how many children were referred to elective home education?": the act a count is of, said as a verb after its
# noun ("were referred", "have been excluded"), which a figure of another act ("KCC currently monitors 4,798 pupils
# who are receiving education outside the school system") does not count
# (the first verb after the noun: not "how many staff were said to have been based at …", what was said of them; not
# after a question's own verb: "how many places does the plan say are needed?" asks what a document says, no act)
_DONE = re.compile(r"\bhow many\s+(?:(?!\b(?:are|is|were|was|have|has|had|been|be|to|do|does|did|will|would|can|could|"
                   r"should|shall|may|might|must)\b)[^?,;:])*?\s"
                   r"(?:are|is|were|was|(?:have|has|had)\s+been)\s+([a-z]{3,}ed)\b", re.IGNORECASE)


def counts_another_act(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a "how many" question asks how many had something done to them, by its verb ("how many children were
    referred to elective home education?") and no quote giving a figure names that act in any form ("referral",
    "referred", "refers", by their first five letters, glossary words included): a count of pupils the council
    monitors is not a count of those referred."""
    m = _DONE.search(question)
    if m is None or not citations:
        return False
    act = tokenize([m.group(1)])[0]
    if not act or len(act[0]) < 4:
        return False
    stem = act[0][:5]
    giving = [part for _, quoted in citations for part in quoted if holds("number", part, question)]
    return bool(giving) and not any(w.startswith(stem) for part in giving for w in tokenize([expand(part)])[0])


# a meeting asked about by its month: "at its February 2025 meeting", "in November 2024", "on 4 March 2025"
_MEETING_MONTH = re.compile(r"\b(?:in|at|during|on|of)\s+(?:its\s+|the\s+|their\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?"
                            r"(" + "|".join(MONTH_NAMES) + r")\s+((?:19|20)\d\d)\b")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(MONTH_NAMES) + r")\s+((?:19|20)\d\d)\b", re.IGNORECASE)


def _year_months(pattern: re.Pattern[str], text: str) -> set[str]:
    """The months ``pattern`` finds in ``text`` as (month name, year), each as "YYYY-MM"."""
    return {f"{year}-{month_number(month):02d}" for month, year in pattern.findall(text)}

# what a meeting did: its business
_MEETING_BUSINESS = re.compile(r"\b(?:discuss\w*|consider\w*|decide\w*|decision\w*|agree\w*|resolve\w*|debate\w*|"
                               r"approve\w*|agenda|items?|meeting|minutes|business|presented|heard|noted|"
                               r"happened|took\s+place)\b", re.IGNORECASE)


def meeting_of_another_month(question: str, hits: list[Hit], implied: Implied | None) -> bool:
    """Whether a question about what a committee it names did at a meeting in a month ("what did the Cabinet discuss
    at its February 2025 meeting?") finds no paper of that committee from that month among all the documents found
    (``hits``): the committee did not meet then, and its meetings in the months either side answer nothing of it.
    When any month the question names as a meeting's is a found paper's month, or a found paragraph names it (the
    minutes of that meeting printed in the next one's papers), the question stands."""
    if implied is None or not implied.committees or not hits or not _MEETING_BUSINESS.search(question):
        return False
    months = _year_months(_MEETING_MONTH, question)
    if not months:
        return False
    papers = [h for h in hits if h.meta.committee and h.meta.date]
    if not papers or any(h.meta.committee in implied.committees and h.meta.date[:7] in months for h in papers):
        return False
    # a meeting's minutes are often printed in the next meeting's papers ("Minutes of the meeting held on 3 February
    # 2025"): a found paragraph naming the month asked keeps the question
    named = set().union(*(_year_months(_MONTH_YEAR, h.paragraph.text) for h in hits))
    return not months & named


# a meeting the question names by its date: "at the 19 February 2024 meeting", "the February 2025 budget meeting",
# "the meeting held on 4 March 2025", "the Cabinet meeting of 30 January 2025"
_DAY_MONTH_YEAR = r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?(" + "|".join(MONTH_NAMES) + r")\s+((?:19|20)\d\d)"
_DATED_MEETING = re.compile(r"\b" + _DAY_MONTH_YEAR + r"(?:['’]s)?\s+(?:[\w'’-]+\s+){0,4}?meeting\b|"
                            r"\bmeeting\s+(?:(?:held|that\s+took\s+place)\s+)?(?:on|of|in|at|dated)\s+(?:the\s+)?"
                            + _DAY_MONTH_YEAR)
_HELD = re.compile(r"\b(?:meeting|minutes|held|met)\b", re.IGNORECASE)


def _dated_meetings(question: str) -> list[tuple[str, str]]:
    """The meetings ``question`` names by their date, each as ("YYYY-MM", how it is written: "19 February 2024")."""
    found = []
    for m in _DATED_MEETING.finditer(question):
        day, month, year = (m.group(1), m.group(2), m.group(3)) if m.group(2) else (m.group(4), m.group(5), m.group(6))
        found.append((f"{year}-{month_number(month):02d}", f"{int(day)} {month} {year}" if day else f"{month} {year}"))
    return found


def meeting_not_indexed(question: str, hits: list[Hit], implied: Implied | None, docs: Mapping[str, DocMeta] | None
                        ) -> str | None:
    """The meeting a question names by its date ("how did members vote on Kent's budget at the 19 February 2024
    meeting?"; "what did the Cabinet discuss at its February 2025 meeting?") as the answer says it is missing
    ("Kent County Council's 19 February 2024 meeting"), when no indexed paper (``docs``: the index's own list, not
    what the search found) of the council and committee named is from that month: another year's meeting (the 13
    February 2025 budget vote) answers another question. Not when a found paragraph names that day (or month) as a
    meeting's ("the minutes of the meeting held on 19 February 2024": minutes are printed in the next meeting's
    papers)."""
    if implied is None or not docs:
        return None
    asked = _dated_meetings(question)
    if implied.committees and _MEETING_BUSINESS.search(question):
        asked += [(f"{y}-{month_number(mo):02d}", f"{mo} {y}") for mo, y in _MEETING_MONTH.findall(question)]
    if not asked:
        return None
    papers = [m for m in docs.values() if m.committee and m.date and (not implied.orgs or m.org_slug in implied.orgs)
              and (not implied.committees or m.committee in implied.committees)]
    if not papers or any(m.date[:7] == month for m in papers for month, _ in asked):
        return None
    said = re.compile("|".join(r"\b" + r"(?:st|nd|rd|th)?\s+(?:of\s+)?".join(written.split(" ", 1)) + r"\b"
                               if written[0].isdigit() else r"\b" + written + r"\b" for _, written in asked),
                      re.IGNORECASE)
    if any(_HELD.search(sentence) and said.search(sentence) for h in hits
           for sentence in split_sentences(h.paragraph.text)):
        return None
    whose = " or ".join(implied.committees)
    whose = (f"{' or '.join(implied.org_names)}'s {whose}'s" if implied.org_names else f"the {whose}'s") if whose \
        else (f"{' or '.join(implied.org_names)}'s" if implied.org_names else "a")
    months = sorted({m.date[:7] for m in papers})
    span = " to ".join(dict.fromkeys(f"{MONTH_NAMES[int(m[5:]) - 1]} {m[:4]}" for m in (months[0], months[-1])))
    return f"{whose} {asked[0][1]} meeting (the papers indexed are from {span})"


# "how many days …?", "how many hours of support …?": a count of a span of time, which a rate of it ("open seven days a
# week", "14 hours of activity per week") does not give, unless the question asks the rate ("how many hours a week …?")
_SPANS_Q = re.compile(r"\bhow many\s+(?:[\w'’-]+\s+){0,2}?(hours|days|nights|weeks|months)\b", re.IGNORECASE)
_PER_SPAN = r"\s+(?:a|an|per|each|every)\s+(?:day|night|week|fortnight|month|year|annum|term)\b"
_PER_SPAN_Q = re.compile(_PER_SPAN + r"|\b(?:daily|weekly|monthly|annually|yearly)\b", re.IGNORECASE)


def rate_for_a_count_of_time(question: str, citations: list[tuple[Hit, list[str]]]) -> bool:
    """Whether a "how many days / hours …?" question is answered only by a rate of that span: every quoted figure of
    days or hours is so many a day, a week or a year ("the service is available seven days a week", "14 hours of
    activity per week"), which says how often or how long each time, not how many in all. Not when the question asks
    the rate itself ("how many hours a week is the hub open?")."""
    m = _SPANS_Q.search(question)
    if m is None or not citations or _PER_SPAN_Q.search(question[m.start():]):
        return False
    unit = m.group(1).lower().rstrip("s")
    figure = re.compile(r"(?:\d[\d,.]*|\b(?:" + question_types.NUMBER_WORDS + r"|thirteen|fourteen|fifteen|sixteen|"
                        r"seventeen|eighteen|nineteen|hundred|thousand))[\s-]+(?:[a-z-]+\s+)?" + unit + r"s?\b((?:\s+[\w'’-]+){0,3}?"
                        + _PER_SPAN + r")?", re.IGNORECASE)
    found = [f for _, quoted in citations for part in quoted for f in figure.finditer(part)]
    return bool(found) and all(f.group(1) for f in found)

