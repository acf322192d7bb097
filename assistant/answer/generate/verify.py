"""Check a generated answer sentence by sentence against the sources it cites; keep only supported ones."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.answer.layout import PrintedTables, TableHeaders, headers_of, printed_table_of
from assistant.index.lexical import stemmer
from assistant.records import Citation, Hit, citation_label

# Calibrated with bench/llm_verify_calibration.py on 1,243 pairs from a Medway committee report: at 0.85 it
# accepts 100% of verbatim and compressed sentences and 96.6% of hand-written paraphrases, and 0% of
# hand-written unsupported claims and of other paragraphs' sentences (word-swapped fabrications: 53.7% still
# pass; number-swapped: 11.1%). 0.9 loses a third of the paraphrases.
SUPPORT_THRESHOLD = 0.85
MAX_QUOTE_CHARS = 800
MIN_CONTENT_WORDS = 2

STOPWORDS = frozenset("""
a about above after again against all also although am an and any are as at be because been before being
below between both but by can could did do does doing down during each either else etc few for from further
had has have having he her here hers herself him himself his how however i if in into is it its itself just
may me might more most much must my myself neither no nor not now of off on once only or other our ours
ourselves out over own per same shall she should so some such than that the their theirs them themselves then
there these they this those through thus to too under until up upon us very via was we were what when where
whether which while who whom whose why will with within without would yes yet you your yours yourself
""".split())
# Words an answer uses to talk about its sources rather than make a claim.
DISCOURSE = frozenset("""
according source sources state states stated say says said note notes noted mention mentions mentioned
indicate indicates indicated describe describes described explain explains explained highlight highlights
highlighted document documents report reports reported paragraph para page answer question
""".split())
NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13",
    "fourteen": "14", "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18",
    "nineteen": "19", "twenty": "20", "thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
    "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100", "thousand": "1000",
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "half": "50",
}
MONTHS = frozenset("january february march april may june july august september october november december".split())

# [1]  [1, 2]  [1-3]  [Source 2]  (Source 2)  Source 2
MARKER_RE = re.compile(
    r"\[\s*(?:sources?\s*)?(\d+(?:\s*(?:[,;–-]|and)\s*(?:sources?\s*)?\d+)*)\s*\]"
    r"|\(\s*sources?\s*(\d+(?:\s*(?:[,;–-]|and)\s*\d+)*)\s*\)"
    r"|\bsources?\s+(\d+)\b",
    re.IGNORECASE)
BRACKET_RE = re.compile(r"\[([^\[\]]{4,300})\]")
LEADING_MARKERS_RE = re.compile(r"^\s*((?:\[\s*(?:sources?\s*)?\d+(?:\s*[,;–-]\s*\d+)*\s*\]\s*)+)", re.IGNORECASE)
LIST_PREFIX_RE = re.compile(r"^\s*(?:\d{1,2}[.)]\s+|[-*•]\s+|answer:\s*)", re.IGNORECASE)
ABBREVIATIONS = frozenset("e.g i.e etc mr mrs ms dr cllr no nos para paras st vs approx cf fig p pp".split())
# Text that addresses the model rather than the reader: prompt injection inside a document, or an answer
# sentence that repeats one.
INSTRUCTION_RE = re.compile(
    r"\b(?:ignore|disregard|forget|override)\b[^.]{0,40}\b(?:instructions?|prompts?|rules|above|previous|prior)\b"
    r"|\b(?:system|developer)\s+(?:prompt|message|instructions?)\b"
    r"|\byou\s+(?:are|must|should|will)\s+(?:now\s+)?(?:an?\s+)?(?:ai|assistant|chatbot|language model|llm)\b"
    r"|\bnew\s+instructions?\b"
    r"|\b(?:reply|respond|answer|say|output|print|write)\b\s+(?:only\s+)?(?:with\s+)?(?:the\s+(?:word|phrase)\s+)?"
    r"[\"'‘“]"
    r"|^\s*(?:reply|respond|say|output|print)\b"
    r"|\bas an ai\b|\blanguage model\b|\bprevious instructions\b",
    re.IGNORECASE)


# ---------------------------------------------------------------- sentences and markers

def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in text: split at . ! ? followed by space, and at line breaks."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])[\"'”’)\]]*\s+|\s*\n\s*", text):
        end = m.start()
        piece = text[start:end]
        last_word = re.search(r"([A-Za-z.]+)\.$", piece)
        if "\n" not in m.group() and last_word and last_word.group(1).lower().rstrip(".") in ABBREVIATIONS:
            continue  # "e.g. the", "para. 3"
        if "\n" not in m.group() and not re.match(r"[\[\(\"'“‘A-Z0-9•*-]", text[m.end():m.end() + 1]):
            continue  # next piece starts in lower case: not a new sentence
        if piece.strip():
            spans.append((start, end))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans]


def split_sentences(text: str) -> list[str]:
    """Answer text into sentences; a marker written after the full stop ("... 25. [1]") joins its sentence."""
    raw = [text[s:e].strip() for s, e in sentence_spans(text)]
    out: list[str] = []
    for sent in raw:
        m = LEADING_MARKERS_RE.match(sent)
        if m and out and not parse_markers(out[-1])[1]:
            out[-1] = f"{out[-1]} {m.group(1).strip()}"
            sent = sent[m.end():].strip()
        if sent:
            out.append(sent)
    return out


def parse_markers(sentence: str, labels: list[str] | None = None) -> tuple[str, list[int]]:
    """(sentence without citation markers, cited source numbers in order of first mention).

    With `labels` (the source labels, source n = labels[n-1]) a bracket holding a source's label, as the
    prompt shows it, counts as a citation of that source."""
    nums: list[int] = []

    def add(n: int) -> None:
        if n not in nums:
            nums.append(n)

    def repl(m: re.Match[str]) -> str:
        body = next(g for g in m.groups() if g is not None)
        for part in re.split(r"\s*(?:[,;]|and)\s*", body):
            part = re.sub(r"(?i)sources?\s*", "", part).strip()
            rng = re.match(r"(\d+)\s*[–-]\s*(\d+)$", part)
            if rng:
                a, b = int(rng.group(1)), int(rng.group(2))
                for n in range(a, min(b, a + 20) + 1):
                    add(n)
            elif part.isdigit():
                add(int(part))
        return " "

    text = MARKER_RE.sub(repl, sentence)
    if labels:
        norm = {_norm_label(lab): i for i, lab in enumerate(labels, 1)}

        def label_repl(m: re.Match[str]) -> str:
            found = [norm[_norm_label(x)] for x in re.split(r"\s*;\s*", m.group(1)) if _norm_label(x) in norm]
            if not found:
                return m.group(0)
            for n in found:
                add(n)
            return " "

        text = BRACKET_RE.sub(label_repl, text)
    # Whatever brackets are left are not citations we can check (a misspelt label, say): never show them.
    text = re.sub(r"\[[^\[\]]*\]", " ", text)
    text = LIST_PREFIX_RE.sub("", re.sub(r"^[\s:;,.\-–]+", "", text))
    text = re.sub(r"\s+([.,;:!?])", r"\1", re.sub(r"\s+", " ", text)).strip()
    return text, nums


def _norm_label(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().lower()


# ---------------------------------------------------------------- support

TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[a-z][a-z'’-]*[a-z]|[a-z]")
NEGATIONS = frozenset("not no never none nor neither cannot without".split())
NEGATING_PREFIXES = ("un", "dis", "in", "im", "non", "ir", "il", "mis")
NUMBER_WINDOW_SENTENCE = 3  # content words this close to a number in the sentence describe it...
NUMBER_WINDOW_PARAGRAPH = 8  # ...and one of them must be this close to the same number in the paragraph


def _norm_number(tok: str) -> str:
    tok = tok.replace(",", "").rstrip(".")
    return tok if "." in tok else (tok.lstrip("0") or "0")


def _tokens(text: str, number_words: bool) -> list[tuple[str, str]]:
    """(kind, value) per token, in order: ("num", "35"), ("word", stem), ("neg", word) or ("stop", word)."""
    out: list[tuple[str, str]] = []
    words: list[tuple[int, str]] = []
    for m in TOKEN_RE.finditer(text.lower()):
        tok = m.group()
        if tok[0].isdigit():
            out.append(("num", _norm_number(tok)))
            continue
        w = tok.replace("’", "'").removesuffix("'s").strip("'-")
        if w.endswith("n't"):
            out.append(("neg", w))
        elif w in NEGATIONS:
            out.append(("neg", w))
        elif number_words and w in NUMBER_WORDS:
            out.append(("num", NUMBER_WORDS[w]))
        elif len(w) < 2 or w in STOPWORDS or w in DISCOURSE or w in NUMBER_WORDS:
            out.append(("stop", w))
        else:
            words.append((len(out), w))
            out.append(("word", w))
    stems = stemmer().stemWords([w for _, w in words])
    for (i, _), stem in zip(words, stems):
        out[i] = ("word", stem)
    return out


@lru_cache(maxsize=4096)
def _analyse(text: str, number_words: bool) -> tuple[list[tuple[str, str]], frozenset[str], frozenset[str], bool]:
    toks = _tokens(text, number_words)
    return (toks, frozenset(v for k, v in toks if k == "word"), frozenset(v for k, v in toks if k == "num"),
            any(k == "neg" for k, _ in toks))


def _content_terms(text: str) -> tuple[set[str], set[str]]:
    """(stemmed content words, numbers) of a text; number words count as numbers."""
    _, terms, nums, _ = _analyse(text, True)
    return set(terms), set(nums)


def _near(toks: list[tuple[str, str]], i: int, window: int) -> set[str]:
    return {v for k, v in toks[max(0, i - window):i + window + 1] if k == "word"}


@lru_cache(maxsize=4096)
def _number_contexts(text: str) -> dict[str, frozenset[str]]:
    """For each number in text, the content words near it within the same sentence."""
    out: dict[str, set[str]] = {}
    for start, end in sentence_spans(text):
        toks = _tokens(text[start:end], True)
        for j, (kind, value) in enumerate(toks):
            if kind == "num":
                out.setdefault(value, set()).update(_near(toks, j, NUMBER_WINDOW_PARAGRAPH))
    return {k: frozenset(v) for k, v in out.items()}


def _flips_polarity(missing: frozenset[str], p_terms: frozenset[str]) -> bool:
    """A sentence word that is a paragraph word with a negating prefix added or removed: disagree/agree."""
    for w in missing:
        for pre in NEGATING_PREFIXES:
            if (w.startswith(pre) and w[len(pre):] in p_terms) or f"{pre}{w}" in p_terms:
                return True
    return False


def support_score(sentence: str, paragraph_text: str) -> float:
    """How well a paragraph supports a sentence, 0..1: the share of the sentence's content words (stemmed)
    and numbers found in the paragraph. 0 when a number in the sentence is missing from the paragraph or
    appears there with none of the words that describe it in the sentence, or when the sentence is negated
    and the paragraph has no negation at all."""
    s_toks, s_terms, s_nums, s_neg = _analyse(sentence, False)
    _, p_terms, p_nums, p_neg = _analyse(paragraph_text, True)
    if s_nums - p_nums or (s_neg and not p_neg) or _flips_polarity(s_terms - p_terms, p_terms):
        return 0.0
    for i, (kind, value) in enumerate(s_toks):
        if kind != "num":
            continue
        described_by = _near(s_toks, i, NUMBER_WINDOW_SENTENCE)
        if not described_by:
            continue
        if not described_by & _number_contexts(paragraph_text).get(value, frozenset()):
            return 0.0
    if len(s_terms) < MIN_CONTENT_WORDS:  # "5." or "Yes." states nothing checkable
        return 0.0
    total = len(s_terms) + len(s_nums)
    return (len(s_terms & p_terms) + len(s_nums)) / total


def _covered(sentence: str, paragraph_text: str) -> set[str]:
    """The sentence's content words and numbers that the paragraph has."""
    _, s_terms, s_nums, _ = _analyse(sentence, False)
    _, p_terms, p_nums, _ = _analyse(paragraph_text, True)
    return set(s_terms & p_terms) | {f"#{n}" for n in s_nums & p_nums}


def looks_like_instruction(text: str) -> bool:
    return bool(INSTRUCTION_RE.search(text))


def evidence_text(hit: Hit) -> str:
    """What a citation of this hit may support: document name and text, minus sentences addressing the model."""
    p = hit.paragraph
    kept = [p.text[s:e] for s, e in sentence_spans(p.text) if not looks_like_instruction(p.text[s:e])]
    # The document's name (organisation, type, year) may support a claim; its page and paragraph numbers not.
    return f"{hit.meta.short_name} {' '.join(kept)}"


# ---------------------------------------------------------------- verification

@dataclass
class SentenceCheck:
    raw: str  # as the model wrote it
    text: str  # without markers
    markers: list[int]  # every source number written
    supporting: list[int] = field(default_factory=list)  # valid cited sources that support it (1-based)
    score: float = 0.0  # support by all valid cited sources together
    kept: bool = False
    reason: str = ""  # supported | no-citation | unknown-source | instruction | unsupported


@dataclass
class VerifiedAnswer:
    sentences: list[SentenceCheck]
    citations: list[Citation]
    text: str  # kept sentences, each followed by [label]

    @property
    def kept(self) -> list[SentenceCheck]:
        return [s for s in self.sentences if s.kept]

    @property
    def dropped(self) -> int:
        return sum(1 for s in self.sentences if not s.kept)


def check_sentence(raw: str, hits: list[Hit], evidence: list[str] | None = None,
                   threshold: float = SUPPORT_THRESHOLD) -> SentenceCheck:
    labels = [citation_label(h.paragraph, h.meta) for h in hits]
    text, markers = parse_markers(raw, labels)
    chk = SentenceCheck(raw=raw, text=text, markers=markers)
    evidence = evidence if evidence is not None else [evidence_text(h) for h in hits]
    valid = [n for n in markers if 1 <= n <= len(hits)]
    if not markers:
        chk.reason = "no-citation"
        return chk
    if not valid:
        chk.reason = "unknown-source"
        return chk
    if looks_like_instruction(text):
        chk.reason = "instruction"
        return chk
    chk.score = support_score(text, " ".join(evidence[n - 1] for n in valid))
    if chk.score < threshold:
        chk.reason = "unsupported"
        return chk
    # ALCE-style citation precision: keep a citation that supports the sentence alone, or without which
    # the others would not.
    for n in valid:
        alone = support_score(text, evidence[n - 1])
        others = [m for m in valid if m != n]
        without = support_score(text, " ".join(evidence[m - 1] for m in others)) if others else 0.0
        if alone >= threshold or (without < threshold and _covered(text, evidence[n - 1]) - set().union(
                *(_covered(text, evidence[m - 1]) for m in others))):
            chk.supporting.append(n)
    if not chk.supporting:  # only possible when no single source helps at all
        chk.reason = "unsupported"
        return chk
    chk.kept, chk.reason = True, "supported"
    return chk


def best_quote(sentence: str, text: str) -> str:
    """The verbatim span of `text` (whole sentences) that carries the sentence's content words."""
    s_terms, _ = _content_terms(sentence)
    s_nums = set(_analyse(sentence, False)[2])
    spans = sentence_spans(text) or [(0, len(text))]
    scored = []
    for s, e in spans:
        terms, nums = _content_terms(text[s:e])
        scored.append((len(s_terms & terms) + len(s_nums & nums), s, e))
    best = max(scored, key=lambda x: x[0])
    if best[0] == 0:
        return text[spans[0][0]:spans[0][1]]
    # Add the sentences that bring words the best one lacks, if the span stays short.
    chosen = [best]
    covered_terms, covered_nums = _content_terms(text[best[1]:best[2]])
    for sc, s, e in sorted(scored, key=lambda x: -x[0]):
        if (s, e) == (best[1], best[2]) or sc == 0:
            continue
        terms, nums = _content_terms(text[s:e])
        if (s_terms & terms) - covered_terms or (s_nums & nums) - covered_nums:
            start, end = min(s, *(c[1] for c in chosen)), max(e, *(c[2] for c in chosen))
            if end - start <= MAX_QUOTE_CHARS:
                chosen.append((sc, s, e))
                covered_terms |= terms
                covered_nums |= nums
    return text[min(c[1] for c in chosen):max(c[2] for c in chosen)]


def _join_quotes(text: str, quotes: list[str]) -> str:
    """One contiguous quote covering several quotes from the same paragraph (or the first, if too long)."""
    spans = [(text.find(q), text.find(q) + len(q)) for q in quotes if q and text.find(q) >= 0]
    if not spans:
        return quotes[0]
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    return text[start:end] if end - start <= MAX_QUOTE_CHARS else text[spans[0][0]:spans[0][1]]


def verify(answer_text: str, hits: list[Hit], threshold: float = SUPPORT_THRESHOLD,
           tables: PrintedTables | None = None, table_headers: TableHeaders | None = None) -> VerifiedAnswer:
    """Keep the sentences of `answer_text` that cite one of `hits` (source n = hits[n-1]) and are supported by
    what they cite; build the display text and citations from those alone (a PDF table's row cited with its table
    and its column headers, as the extractive answer cites it, when `tables` and `table_headers` are given)."""
    evidence = [evidence_text(h) for h in hits]
    checks = [check_sentence(s, hits, evidence, threshold) for s in split_sentences(answer_text)]
    quotes: dict[int, list[str]] = {}
    lines: list[str] = []
    for chk in checks:
        if not chk.kept:
            continue
        for n in chk.supporting:
            quotes.setdefault(n, []).append(best_quote(chk.text, hits[n - 1].paragraph.text))
        labels = "; ".join(citation_label(hits[n - 1].paragraph, hits[n - 1].meta) for n in chk.supporting)
        lines.append(f"{chk.text} [{labels}]")
    headers = headers_of([(hits[n - 1], []) for n in quotes], table_headers)
    citations = [Citation.from_hit(hits[n - 1], _join_quotes(hits[n - 1].paragraph.text, qs),
                                   headers.get(hits[n - 1].paragraph.id, ("", None))[0],
                                   printed_table_of(hits[n - 1], tables))
                 for n, qs in quotes.items()]
    return VerifiedAnswer(sentences=checks, citations=citations, text=" ".join(lines))
