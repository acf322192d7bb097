"""Step 6: the extractive answer — the sentences of the top paragraphs that answer the question, each cited.

Nothing is written that is not in a cited paragraph: every line of the answer is a sentence copied from the
paragraph its citation names. When the evidence is weak the answer abstains and lists the nearest passages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from .embed import Embedder
from .glossary import expand
from .keyword import tokenize
from .query_filters import Implied
from .records import MONTH_NAMES, Citation, Hit, citation_label, long_date

_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9£•])")
_NUMBER_Q = re.compile(r"^\s*(how (much|many|long|big|large)|what (percentage|proportion|rate|number|amount|share))"
                       r"|\b(how much|how many|what percentage|turnover rate|how big)\b", re.I)
_MONEY_Q = re.compile(r"\bhow much\b.*\b(spend|spent|cost|overspen\w*|underspen\w*|budget|fund\w*|pay|paid|grant|sav\w*)"
                      r"|\bin pounds\b|\bhow much money\b", re.I)
_MONEY = re.compile(r"£\s?\d|\b\d[\d,.]*\s?(m|bn|k|million|billion)\b", re.I)
_RATE_Q = re.compile(r"\b(rate|percentage|per cent|percent)\b", re.I)
_RATE = re.compile(r"%|\bper cent\b|\bpercent\b|\b\d+ (in|out of) \d+\b", re.I)
# A named thing in the question ("Lifelong Links", "Band D") must be in what is cited, or the documents are
# talking about something else. Multi-word capitalised names and acronyms; equivalents reports use instead:
_PROPER = re.compile(r"(?<=[\s(])([A-Z][\w'’&-]*(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z][\w'’&-]*)+|[A-Z]{3,})(?=[\s,.?!)]|$)")
_PROPER_EQUIVALENTS = {
    "health secretary": ("secretary of state", "minister"),
    "plo": ("public law outline", "pre-proceedings"),
    "send": ("special educational needs",),
    "uasc": ("unaccompanied",),
    "mash": ("multi-agency safeguarding hub", "front door"),
    "nhs": ("health",),
}
_NOT_NAMES = {"ofsted", "ofsted's", "council", "county council", "kent county council", "what", "which", "how"}
_NUMBERISH = re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|forty|fifty|"
                        r"hundred|thousand|half|third|quarter|majority|most|all|none|few)\b", re.I)


@dataclass
class AnswerConfig:
    max_paragraphs: int = 5
    max_sentences: int = 2  # per paragraph
    min_dense: float = 0.35  # legacy selection: further paragraphs need this retrieval cosine
    abstain_on: str = "sentence"  # "sentence": best quoted sentence's score; "paragraph": best retrieval cosine
    abstain_below: float = 0.50  # confidence under which we abstain (calibrated on the dev questions)
    keep_ratio: float = 0.55  # further paragraphs are cited when their fused score is this close to the top
    nearest: int = 3
    candidates: int = 6  # paragraphs whose sentences are scored
    sentence_keep: float = 0.6  # further paragraphs need a best sentence at least this close to the top one's


@dataclass
class Composed:
    text: str
    citations: list[Citation]
    abstained: bool
    nearest: list[Hit]
    confidence: float


_LEADING_NUMBER = re.compile(r"^\(?\d{1,3}(?:\.\d{1,3})*[.)]?\s+|^\(?[a-z]{1,2}[.)]\s+")


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a printed paragraph number stays with the first sentence ("3.5. The ...")."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        line = line.removeprefix("• ").strip()  # a bullet mark is layout, not part of the quote
        m = _LEADING_NUMBER.match(line)
        lead, body = (line[: m.end()], line[m.end():]) if m else ("", line)
        parts = [s.strip() for s in _SENT_END.split(body) if s.strip()]
        if parts:
            parts[0] = lead + parts[0]
        out.extend(parts)
    return out


def _stems(text: str) -> set[str]:
    return set(tokenize([text])[0])


def _score_sentences(question: str, qvec: np.ndarray, hits: list[Hit],
                     embedder: Embedder) -> dict[str, tuple[list[str], np.ndarray]]:
    """For each hit: its sentences and how well each answers the question (cosine + shared words).
    All sentences are embedded in one batch."""
    per_hit = [(h, split_sentences(h.paragraph.text)) for h in hits]
    flat = [s for _, sentences in per_hit for s in sentences]
    if not flat:
        return {h.paragraph.id: ([], np.zeros(0, dtype=np.float32)) for h in hits}
    cos = embedder.embed(flat) @ qvec
    q = _stems(question)
    overlap = np.array([len(q & _stems(s)) / max(1, len(q)) for s in flat], dtype=np.float32)
    scores = cos + 0.35 * overlap
    out: dict[str, tuple[list[str], np.ndarray]] = {}
    at = 0
    for h, sentences in per_hit:
        out[h.paragraph.id] = (sentences, scores[at: at + len(sentences)])
        at += len(sentences)
    return out


def _pick_paragraphs(hits: list[Hit], implied: Implied | None, cfg: AnswerConfig,
                     scored: dict[str, tuple[list[str], np.ndarray]] | None = None) -> list[Hit]:
    """The top paragraph, then further ones in retrieval order that score nearly as well and whose best sentence
    answers the question nearly as well as the top one's (so a paragraph that only shares a word is left out)."""
    top = hits[0]
    chosen = [top]

    def best(h: Hit) -> float | None:
        got = (scored or {}).get(h.paragraph.id)
        return float(np.max(got[1])) if got and len(got[1]) else None

    top_best = best(top)
    # a question naming several councils gets the best paragraph of each
    if implied is not None and len(implied.org_names) >= 2:
        for h in hits[1:]:
            if len(chosen) >= max(cfg.max_paragraphs, len(implied.org_names)):
                break
            if h.meta.org_slug not in {c.meta.org_slug for c in chosen} and h.meta.org_slug in implied.orgs:
                chosen.append(h)
    for h in hits[1:]:
        if len(chosen) >= cfg.max_paragraphs:
            break
        if h in chosen:
            continue
        if h.score < cfg.keep_ratio * top.score or (h.dense or 0) < cfg.min_dense:
            continue
        b = best(h)
        if top_best is not None and b is not None and b < cfg.sentence_keep * top_best:
            continue
        chosen.append(h)
    return chosen


def compose(question: str, hits: list[Hit], embedder: Embedder, implied: Implied | None = None,
            cfg: AnswerConfig | None = None) -> Composed:
    cfg = cfg or AnswerConfig()
    if implied is not None and implied.unindexed and not implied.orgs:
        # the question is about a council whose documents are not indexed: never quote another council instead
        names = " or ".join(implied.unindexed)
        text = f"The indexed documents don't include anything from {names}, so they can't answer this."
        nearest = hits[: cfg.nearest]
        return Composed(text + _nearest_text(nearest), [], True, nearest, 0.0)
    if implied is not None and implied.after_documents:
        y, m = implied.after_documents.split("-")
        text = (f"The indexed documents were all written before {MONTH_NAMES[int(m) - 1]} {y}, so they can't say what "
                "happened then.")
        nearest = hits[: cfg.nearest]
        return Composed(text + _nearest_text(nearest), [], True, nearest, 0.0)
    if not hits:
        return Composed(_abstain_text(question, []), [], True, [], 0.0)
    best_dense = max((h.dense or 0.0) for h in hits[:5])
    qvec = embedder.embed([expand(question)])[0]
    scored = _score_sentences(question, qvec, hits[: cfg.candidates], embedder)
    chosen = _pick_paragraphs(hits, implied, cfg, scored)
    citations: list[tuple[Hit, list[str]]] = []
    for h in chosen:
        sentences, scores = scored.get(h.paragraph.id) or _score_sentences(question, qvec, [h], embedder)[h.paragraph.id]
        if not sentences:
            continue
        order = list(np.argsort(-scores))
        keep = [order[0]]
        for i in order[1:cfg.max_sentences]:
            if scores[i] >= 0.85 * scores[order[0]]:
                keep.append(i)
        picked = [sentences[i] for i in sorted(keep)]  # in reading order
        citations.append((h, picked))
    # confidence: how well the best quoted sentence answers the question (or the best paragraph, by retrieval)
    best_sentence = max((float(np.max(scored[h.paragraph.id][1])) for h in chosen
                         if h.paragraph.id in scored and len(scored[h.paragraph.id][1])), default=0.0)
    confidence = best_sentence if cfg.abstain_on == "sentence" else best_dense
    weak = confidence < cfg.abstain_below or _wrong_kind_of_evidence(question, citations, implied)
    if weak:
        nearest = hits[: cfg.nearest]
        return Composed(_abstain_text(question, nearest), [], True, nearest, confidence)
    spans_years = implied is not None and (len(implied.years) > 1 or implied.since_year is not None) \
        or bool(_OVER_TIME.search(question))
    return Composed(_format(citations, newest_first=spans_years),
                    [Citation.from_hit(h, " ".join(s)) for h, s in citations], False, [],
                    confidence)


def missing_names(question: str, cited_text: str, implied: Implied | None = None) -> list[str]:
    """Names in the question ("Lifelong Links", "Band D", "DfT") that none of the cited paragraphs mention."""
    text = question
    for name in (implied.org_names + implied.unindexed) if implied is not None else []:
        text = text.replace(name, " ")
    cited = cited_text.lower()
    out = []
    for name in _PROPER.findall(" " + text.split(" ", 1)[-1]):
        low = name.lower()
        if low in _NOT_NAMES or low in cited:
            continue
        if any(eq in cited for eq in _PROPER_EQUIVALENTS.get(low, ())):
            continue
        out.append(name)
    return out


def _wrong_kind_of_evidence(question: str, citations: list[tuple[Hit, list[str]]], implied: Implied | None) -> bool:
    """The quotes cannot answer this kind of question: no figure for "how many", no sum of money for "how much
    … spend", no rate for "what rate", or the thing the question names is not mentioned at all."""
    quoted = " ".join(" ".join(s) for _, s in citations)
    if _NUMBER_Q.search(question) and not _NUMBERISH.search(quoted):
        return True
    if _MONEY_Q.search(question) and not _MONEY.search(quoted):
        return True
    if _RATE_Q.search(question) and not _RATE.search(quoted):
        return True
    return bool(missing_names(question, " ".join(h.paragraph.text for h, _ in citations), implied))


_OVER_TIME = re.compile(r"\b(since|over (the )?(years|time)|changed?|progress|improv\w+ (since|over)|trend|"
                        r"timeline|history|each (year|inspection)|latest|most recent)\b", re.I)


def _format(citations: list[tuple[Hit, list[str]]], newest_first: bool = False) -> str:
    """Quotes grouped by document: the most relevant document first, or the newest first when the question asks
    how things changed over time."""
    groups: dict[str, list[tuple[Hit, list[str]]]] = {}
    for h, s in citations:
        groups.setdefault(h.paragraph.doc, []).append((h, s))
    years = {h.meta.date[:4] for h, _ in citations if h.meta.date}
    order = list(groups)
    if newest_first and len(years) > 1:
        order.sort(key=lambda d: groups[d][0][0].meta.date or "", reverse=True)
    lines: list[str] = []
    for doc in order:
        meta = groups[doc][0][0].meta
        when = f" ({long_date(meta.date)})" if meta.date else ""
        lines.append(f"From {meta.title}{when}:")
        for h, sentences in groups[doc]:
            quote = " ".join(sentences)
            lines.append(f"- {quote} [{citation_label(h.paragraph, h.meta, quote)}]")
    return "\n".join(lines)


def _abstain_text(question: str, nearest: list[Hit]) -> str:
    q = question.strip().rstrip("?").strip()
    return f"The indexed documents don't say this (\"{q}\")." + _nearest_text(nearest)


def _nearest_text(nearest: list[Hit]) -> str:
    if not nearest:
        return ""
    text = " The nearest passages are:"
    for h in nearest:
        snippet = h.paragraph.text if len(h.paragraph.text) < 220 else h.paragraph.text[:217].rsplit(" ", 1)[0] + "…"
        text += f"\n- [{citation_label(h.paragraph, h.meta)}] {snippet}"
    return text

