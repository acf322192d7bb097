"""Step 5: hybrid retrieval — BM25 and dense search fused by a convex combination of their normalised scores,
with filters and boosts, then a second stage that re-orders the top candidates by their best sentence."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .. import councils
from ..index.dense import DenseIndex
from ..index.embed import Embedder, default_embedder
from ..index.lexical import KeywordIndex, tokenize
from ..index.passages import PassageIndex
from ..index.store import IndexData, load_index
from ..index.vocabulary import FILE as VOCABULARY_FILE
from ..index.vocabulary import Vocabulary
from ..parse.normalise import squashed
from ..query import kinds
from ..query import topics
from ..query.filters import Filters
from ..query.genres import named_genres, of_genre
from ..query.glossary import expand
from ..query.implied import Implied, without_names
from ..records import Hit
from . import abbreviations
from .expansion import related_terms
from ..query.source import without_source

RRF_K = 60
CANDIDATES = 100
SHORT_WORDS = 25  # a paragraph this short seldom stands alone: a form field's value, a vote's count, a reply
# English words that open a sentence by pointing back to the one before (demonstratives and personal pronouns,
# connectives), and the openings of a reply or a decision on what went before
CONTINUATION = re.compile(r"(?:\W*\d+[.)]?\s+)?(?:this|these|that|those|it|its|they|their|such|however|also|"
                          r"in addition|furthermore|therefore|response|reply|answer|resolved|agreed|carried|for \()\b",
                          re.IGNORECASE)


@dataclass
class Weights:
    keyword_share: float = 0.5  # the keyword side's share of the fused score (0.4 and 0.6: within a question)
    passage_share: float = 0.3  # the passages' share (parse/passages.py), half dense and half BM25 (set on dev)
    rrf_k: int = RRF_K  # the second stage's reciprocal-rank constant
    year_boost: float = 0.5  # relative boost for documents from a year the question names
    mention_boost: float = 0.25  # paragraphs that mention the year asked about, in a report from another year
    committee_boost: float = 0.25  # the committee the question names ("at the County Council meeting")
    type_boost: float = 0.02  # Ofsted reports when the question talks about inspection, minutes for votes
    references_first: bool = True  # candidates printing a reference the question gives ("CRR0056") come first
    title_boost: float = 0.2  # times the share of a document title's words the question uses ("according to the
    # equality assessment"; 0.1 to 0.3 alike on the committee files, no Ofsted answer moved)
    genre_boost: float = 0.2  # candidates from a paper of the kind the question names (query/genres.py; 0.5: tuning
    # key facts -2, a false abstention fewer)
    rerank_depth: int = 30  # second stage: the top fused candidates re-ordered by their best sentence's match
    rerank_sentence: float = 1.0  # weight of the best-sentence ranking in the second stage's fusion
    rerank_kind: float = 1.0  # and of the one putting first the candidates that give the kind of answer asked for
    each_council: bool = True  # a question naming several councils gets each one's best paragraph first
    expansion: float = 0.3  # a related corpus word's weight in the keyword query (retrieve/expansion.py; 0.2 to
    expansion_min: float = 0.65  # 0.4 alike), its least cosine to the question's word (0.6 to 0.7 alike; 0.75
    expansion_per_word: int = 2  # fewer), and how many each word may bring (1: fewer; 3: the same)
    source_out: bool = True  # the question's source ("what did Ofsted say about …") out of the keyword query
    own_abbreviations: float = 0.5  # the weight of an abbreviation a candidate's document defines for words the
    # question uses (retrieve/abbreviations.py; 1.0: a near miss answered from the paragraphs it brought in)
    lead_in_share: float = 0.3  # second stage: a table row, or a paragraph after a lead-in ending on a colon, is
    # read with this share of the paragraph before's best sentence when that is closer (a reply printed apart from
    # the prompt it answers, an item apart from "The risks are:"; 0.5: tuning -1)
    topic_boost: float = 0.3  # candidates printing a wording of a service or group the question names (data/topics.tsv:
    # "young carers" found as written, not word by word in care-leaver and foster-carer paragraphs)
    rerank_topic: float = 1.0  # second stage: and of the one putting first the candidates printing those wordings
    follow_depth: int = 20  # second stage: the paragraph directly after each of the top fused candidates, when it
    # reads on from it (_reads_on: a reply, a value, a vote, "This …"), joins the candidates with lead_in_share of
    # its neighbour's fused score, to be ranked by its own sentences read with its neighbour's (0: none. On the committee
    # tuning files' ranks against 20: 10, top5 and top10 -1; any next paragraph, not only one reading on, 10 or 30
    # deep: top5 and top10 -1; the share added to its own score instead of the greater of the two: top5 -6 to -15)
    collapse_copies: bool = True  # a paragraph printed again in the same document (a motion repeated in each
    # amendment, a summary's sentence repeated in the body) takes one result's place: its best-ranked copy's


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Indices of the ``k`` largest scores, best first (argpartition: 16 ms instead of 49 ms at 1M rows)."""
    if len(scores) <= k:
        return np.argsort(-scores, kind="stable")
    top = np.argpartition(-scores, k - 1)[:k]
    return top[np.argsort(-scores[top], kind="stable")]


def convex(rows: list[int], sides: list[tuple[np.ndarray, float]]) -> dict[int, float]:
    """Fuse by scores, not ranks: each side's scores of the candidate ``rows`` (those either side ranked highest)
    are standardised (z-scores over the candidates), then summed with the sides' shares and shifted so the weakest
    candidate scores 0 (boosts multiply the result).

    A convex combination of normalised scores keeps how far ahead a strong match is, which reciprocal-rank fusion
    throws away: a paragraph far closer in meaning than any other is not pulled down by a keyword list that merely
    ranks it low (Bruch, Gai and Ingber, "An analysis of fusion functions for hybrid retrieval", ACM TOIS 2023)."""
    if not rows:
        return {}
    total = np.zeros(len(rows), dtype=np.float64)
    for x, share in sides:
        spread = x.std()
        total += share * ((x - x.mean()) / spread if spread > 0 else np.zeros_like(x))
    total -= total.min()
    return {r: float(v) for r, v in zip(rows, total)}


def _several_words(named: list[tuple[str, topics.Topic]]) -> list[tuple[str, topics.Topic]]:
    """The topics a question names in two or more words ("young carers", "front door"): those the keyword side
    matches word by word."""
    return [(wording, topic) for wording, topic in named if len(re.split(r"[\s-]+", wording.strip())) > 1]


def rrf(rankings: list[tuple[list[int], float]], k: int = RRF_K) -> dict[int, float]:
    """Weighted reciprocal rank fusion: sum of weight / (k + rank) over the rankings a row appears in."""
    fused: dict[int, float] = {}
    for rows, weight in rankings:
        for rank, row in enumerate(rows, start=1):
            fused[row] = fused.get(row, 0.0) + weight / (k + rank)
    return fused


class Retriever:
    def __init__(self, data: IndexData, keyword: KeywordIndex, dense: DenseIndex,
                 embedder: Embedder | None = None, weights: Weights | None = None,
                 passages: PassageIndex | None = None, vocabulary: Vocabulary | None = None) -> None:
        self.data = data
        self.vocabulary = vocabulary  # the corpus's words with their vectors, for widening the keyword query
        self.keyword = keyword
        self.dense = dense
        self.passages = passages
        self.precision = data.manifest.get("embedding_precision", "fp32")  # questions are embedded like the index
        self._embedder = embedder if getattr(embedder, "precision", self.precision) == self.precision else None
        self.weights = weights or Weights()
        self._doc_rows = data.rows_by_doc()  # from a stored array: no paragraph is decoded
        self._row_doc_index = data.row_docs()
        self._doc_names = list(data.docs)
        self._newest: set[str] | None = None  # each council's newest Ofsted report (_newest_reports)
        self._titles: dict[str, set[str]] = {}  # each document's title words (_title_words)
        self._abbreviations: dict[str, list] = {}  # each candidate document's own abbreviations, once read

    @classmethod
    def load(cls, index_dir: Path, embedder: Embedder | None = None) -> Retriever:
        data = load_index(index_dir)
        assert data.path is not None
        keyword = KeywordIndex.load(data.path / "bm25")
        dense = DenseIndex.load(data.path / "dense.faiss", np.asarray(data.chunk_para))
        return cls(data, keyword, dense, embedder, passages=PassageIndex.load(data.path / PassageIndex.FOLDER),
                   vocabulary=Vocabulary.load(data.path / VOCABULARY_FILE))

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = default_embedder(self.precision)
        return self._embedder

    def _admitted(self, filters: Filters) -> list[str]:
        """The documents ``filters`` admit."""
        return [d for d, m in self.data.docs.items() if filters.admits(m)]

    def allowed_rows(self, filters: Filters) -> np.ndarray | None:
        if filters.is_empty():
            return None
        docs = self._admitted(filters)
        if not docs:
            return np.zeros(0, dtype=np.int64)
        return np.concatenate([self._doc_rows.get(d, np.zeros(0, dtype=np.int64)) for d in docs])

    def inspection_only(self, filters: Filters | None) -> bool:
        """Whether ``filters`` admit inspection reports only (a council with no committee papers indexed): a search
        there reads the lay phrases of children's social care as the reports' words (query/glossary.expand)."""
        if filters is None or not filters.orgs:
            return False
        admitted = self._admitted(filters)
        return bool(admitted) and all(self.data.docs[d].doc_type == "ofsted-inspection" for d in admitted)

    def query_vector(self, query: str, lay: bool = False) -> np.ndarray:
        """The question as the dense side and the answer step read it (glossary words added; with ``lay``, the
        inspection reports' words for its lay phrases too: see inspection_only)."""
        return self.embedder.embed([expand(query, lay)])[0]

    def search(self, query: str, filters: Filters | None = None, k: int = 10, implied: Implied | None = None,
               timings: dict[str, float] | None = None, mode: str = "hybrid", qvec: np.ndarray | None = None
               ) -> list[Hit]:
        """Ranked paragraphs. ``mode`` is "hybrid", "dense" or "keyword" (the latter two for comparisons)."""
        filters = filters or Filters()
        timings = timings if timings is not None else {}
        allowed = self.allowed_rows(filters)
        if allowed is not None and len(allowed) == 0 or not self.data.paragraphs:
            return []
        t0 = time.perf_counter()
        lay = self.inspection_only(filters)
        expanded = expand(query, lay=lay)
        # the councils the filters already select are left out of the keyword query (query/implied.py), and so is
        # the question's source ("what did Ofsted say about …": query/source.py) unless nothing else is asked
        named = councils.own_names(implied.org_names) if implied is not None and filters.orgs else []
        kw_query = without_names(expanded, named)
        if self.weights.source_out and (subject := without_source(query)) != query:
            kw_subject = without_names(expand(subject, lay=lay), named)
            kw_query = kw_subject if tokenize([kw_subject])[0] else kw_query
        kw_scores = self.keyword.scores(kw_query, self.related_terms(kw_query)) if mode != "dense" else None
        kw_rank = self._keyword_rank(kw_scores, allowed)
        t1 = time.perf_counter()
        dense_sims: dict[int, float] = {}
        if mode == "keyword":
            qvec = None
        elif qvec is None:
            qvec = self.embedder.embed([expanded])[0]
        if qvec is not None:
            dense_sims = self.dense.search(qvec, len(self.data.paragraphs), allowed)
        dense_rank = sorted(dense_sims, key=lambda r: -dense_sims[r])[:CANDIDATES]
        w = self.weights
        if kw_scores is not None and w.own_abbreviations:  # "emergency duty team" finds "The EDT responds …"
            widened = self._own_abbreviations(kw_query, kw_scores, dense_rank + kw_rank)
            if widened is not None:
                kw_scores = widened
                kw_rank = self._keyword_rank(kw_scores, allowed)
        t2 = time.perf_counter()
        rows = list(dict.fromkeys(dense_rank + kw_rank))
        if qvec is not None:  # a keyword candidate beyond the dense search's nearest chunks has a cosine too: a 0 in
            # its place would widen the dense side's spread and so shrink its say in the fusion. A paragraph with no
            # vector (a heading, a footnote) has no likeness in meaning: 0.
            got = self._dense_for_rows(qvec, [r for r in rows if r not in dense_sims])
            dense_sims.update({r: 0.0 if v is None else v for r, v in got.items()})
        sides = self._with_passages(
            rows, np.array([dense_sims.get(r, 0.0) for r in rows]) if dense_sims else None,
            kw_scores[rows].astype(np.float64) if kw_scores is not None else None,
            qvec, kw_query)
        fused = convex(rows, sides)
        if implied is not None:
            fused = self._boost(fused, implied)
        fused = self._title_match(fused, without_names(expanded, named))
        fused = self._genre_match(fused, query)
        fused = self._topic_match(fused, query)
        order = sorted(fused, key=lambda r: -fused[r])
        if w.rerank_depth and qvec is not None and mode == "hybrid":
            order = self._second_stage(order, qvec, query, k, fused)
        if self.weights.references_first and (refs := kinds.references(query)):
            order = self._references_first(order, refs)
        if implied is not None and len(implied.org_names) >= 2 and self.weights.each_council:
            order = self._each_council_first(order, k)
        order = self._without_copies(order, k) if w.collapse_copies else order[:k]
        timings["keyword"] = (t1 - t0) * 1000
        timings["dense"] = (t2 - t1) * 1000
        hits = []
        for rank, row in enumerate(order, start=1):
            p = self.data.paragraphs[row]
            # a paragraph the second stage brought in from outside the candidates (the one naming the person a "who"
            # question asks for) has no fused score: it scores as the weakest candidate does, 0
            hits.append(Hit(paragraph=p, meta=self.data.docs[p.doc], score=fused.get(row, 0.0), rank=rank,
                            dense=dense_sims.get(row), keyword=float(kw_scores[row]) if kw_scores is not None else None,
                            row=int(row)))
        return hits

    @staticmethod
    def _keyword_rank(kw_scores: np.ndarray | None, allowed: np.ndarray | None) -> list[int]:
        """The keyword side's candidates, best first: the top rows the filters allow that score above 0."""
        if kw_scores is None:
            return []
        if allowed is not None:
            masked = np.full_like(kw_scores, -1.0)
            masked[allowed] = kw_scores[allowed]
        else:
            masked = kw_scores
        return [int(r) for r in top_k(masked, CANDIDATES) if masked[r] > 0]

    def _own_abbreviations(self, kw_query: str, kw_scores: np.ndarray, candidates: list[int]) -> np.ndarray | None:
        """``kw_scores`` with, for each candidate's document, an abbreviation it defines for words the question uses
        (retrieve/abbreviations.py) scored on that document's paragraphs; None when no document widens the query."""
        term_scores = getattr(self.keyword, "term_scores", None)
        tokens = tokenize([kw_query])[0]
        if term_scores is None or not tokens:
            return None
        by_forms: dict[tuple, list[int]] = {}
        for d in dict.fromkeys(int(self._row_doc_index[r]) for r in candidates):
            doc = self._doc_names[d]
            if doc not in self._abbreviations:
                own = set(tokenize([self.data.docs[doc].organisation or ""])[0])
                self._abbreviations[doc] = [  # not the council's own ("Kent County Council (KCC)"): a name, as
                    # the filters judge names (query/implied.without_names), not what is asked about
                    pair for pair in abbreviations.defined(
                        self.data.paragraphs[int(r)].text for r in self._doc_rows.get(doc, ()))
                    if not set(pair[0]) <= own]
            if self._abbreviations[doc] and (forms := abbreviations.other_forms(tokens,
                                                                                self._abbreviations[doc])):
                by_forms.setdefault(tuple(forms), []).append(d)
        if not by_forms:
            return None
        out = kw_scores.copy()
        for forms, docs in by_forms.items():
            rows = np.concatenate([self._doc_rows[self._doc_names[d]] for d in docs])
            for asked, other in forms:  # a paragraph scores for the thing as it scores for whichever form it prints
                # best: one printing both, or only the form asked, gains nothing
                gain = term_scores(list(other))[rows] - term_scores(list(asked))[rows]
                out[rows] += self.weights.own_abbreviations * np.maximum(gain, 0.0)
        return out

    def _without_copies(self, order: list[int], k: int) -> list[int]:
        """The first ``k`` of ``order`` with each document's repeated text kept once, at its best-ranked copy (the
        same words, whatever their spacing, case and punctuation): the copies below it would hold places that
        other paragraphs need, and answer nothing the kept one does not."""
        out: list[int] = []
        seen: set[tuple[int, str]] = set()
        for row in order:
            key = (int(self._row_doc_index[row]), squashed(self.data.paragraphs[row].text))
            if key in seen:
                continue
            seen.add(key)
            out.append(row)
            if len(out) == k:
                break
        return out

    def related_terms(self, query: str) -> dict[str, float]:
        """The corpus's words nearest in meaning to ``query``'s own, with their weight (retrieve/expansion.py)."""
        w = self.weights
        return related_terms(query, self.vocabulary, self.embedder.embed, w.expansion, w.expansion_min,
                             w.expansion_per_word)

    def _with_passages(self, rows: list[int], dense: np.ndarray | None, keyword: np.ndarray | None,
                       qvec: np.ndarray | None, query: str | None) -> list[tuple[np.ndarray, float]]:
        """The sides to fuse: the paragraphs' own by meaning (``dense``) and by keywords, and, where the index has
        passages (parse/passages.py), each candidate's best covering passage on each of those sides, with
        ``passage_share`` of the weight. A row no passage covers (an index built before passages) stands in with
        its own score."""
        w = self.weights
        own = [(x, s) for x, s in ((dense, 1.0 - w.keyword_share), (keyword, w.keyword_share)) if x is not None]
        if self.passages is None or not len(self.passages) or not w.passage_share or not rows:
            return own
        by_meaning, by_words = self.passages.row_scores(rows, qvec if dense is not None else None,
                                                        query if keyword is not None else None)
        out = [(x, s * (1.0 - w.passage_share)) for x, s in own]
        if dense is not None and by_meaning is not None:  # cosines of one model: a paragraph is as close as its
            # own vector or its closest passage, whichever is closer (a focused paragraph loses nothing)
            out.append((np.where(np.isnan(by_meaning), dense, np.fmax(by_meaning, dense)), w.passage_share / len(own)))
        if keyword is not None and by_words is not None:  # BM25 of another collection: the passage's own score
            out.append((np.where(np.isnan(by_words), keyword, by_words), w.passage_share / len(own)))
        return out

    def _second_stage(self, order: list[int], qvec: np.ndarray, query: str = "", k: int = 10,
                      fused: dict[int, float] | None = None) -> list[int]:
        """Re-order the top candidates by fusing their first-stage rank with the rank of their best sentence's
        similarity to the question (stored sentence vectors: no model run) and, when the question asks for a kind
        of answer (a figure, a date, a person, a grade: query/kinds.py), a ranking that puts the candidates giving
        one first, in their first-stage order. A form's "Proposer: Mr …" field reads unlike a question by meaning,
        yet it is the paragraph that answers "who proposed it?"."""
        w = self.weights
        fused = fused or {}
        head = order[: w.rerank_depth]
        followers = self._followers(order, fused) if w.rerank_depth and w.lead_in_share else {}
        if followers:
            scores = {r: fused.get(r, 0.0) for r in head} | followers
            head = sorted(scores, key=lambda r: -scores[r])
        best = {}
        for row in head:
            best[row] = self._best_sentence(row, qvec)
            if w.lead_in_share and (row in followers or self._continues(row)):
                before = self._best_sentence(row - 1, qvec, self._row_doc_index[row])
                best[row] = max(best[row], (1.0 - w.lead_in_share) * best[row] + w.lead_in_share * before)
        by_sentence = sorted(head, key=lambda r: -best[r])
        lists = [(head, 1.0), (by_sentence, w.rerank_sentence)]
        asked = kinds.expected(query)
        if asked and w.rerank_kind:
            gives = {r: all(kinds.holds(k, self.data.paragraphs[r].text, query) for k in asked) for r in head}
            lists.append((sorted(head, key=lambda r: not gives[r]), w.rerank_kind))
        if w.rerank_topic and (named := _several_words(topics.named(query))):
            # a service or group the question names in several words ("young carers"): a ranking of the candidates
            # printing one of its wordings alone, in their first-stage order (a sentence about "young people" and
            # foster "carers" reads alike by meaning); the rest gain nothing from it. One word ("SEND") the keyword
            # side matches as it is, in papers that are about it in every paragraph whether or not it is printed
            prints = {r: sum(1 for _, t in named if t.mentioned.search(self.data.paragraphs[r].text)) for r in head}
            lists.append((sorted((r for r in head if prints[r]), key=lambda r: -prints[r]), w.rerank_topic))
        fused = rrf(lists, k=w.rrf_k)
        ranked = sorted(head, key=lambda r: -fused[r])
        if "name" in asked and w.rerank_kind:
            # "who wrote the report on …?": the candidate that names the person under the role's label or beside it
            # ("From: Sue Chandler, Cabinet Member …", "Mr R Gough, Leader of the Council") reads unlike the
            # question; when none of the candidates does, the document they come from may
            tied = next((r for r in ranked if kinds.holder_strength(self.data.paragraphs[r].text, query) == 2), None)
            if tied is None:
                found = self._naming_paragraph(ranked, query)
            else:  # among the candidates: brought into the results only when ranked below them
                found = None if tied in ranked[:k] else tied
            if found is not None:  # the last of the results: the answer step takes it only if nothing better names
                ranked = [r for r in ranked if r != found]
                ranked = ranked[:max(1, k - 1)] + [found] + ranked[max(1, k - 1):]
        placed = set(ranked)
        return ranked + [r for r in order[w.rerank_depth:] if r not in placed]

    def _followers(self, order: list[int], fused: dict[int, float]) -> dict[int, float]:
        """The paragraphs directly after the top ``follow_depth`` candidates that read on from them (_reads_on) and
        are not among the second stage's candidates already, each scored ``lead_in_share`` of its neighbour's fused
        score when that is more than its own: a reply printed apart from the comment it answers, a vote after the
        motion, a table's narrative line after its "Total" row rank far below the paragraph before, which holds the
        question's words."""
        w = self.weights
        placed = set(order[: w.rerank_depth])
        out: dict[int, float] = {}
        for row in order[: w.follow_depth]:
            after = row + 1
            if after in placed or after in out or after >= len(self.data.paragraphs) or not self._reads_on(after):
                continue
            out[after] = max(fused.get(after, 0.0), w.lead_in_share * fused.get(row, 0.0))
        return out

    def _reads_on(self, row: int) -> bool:
        """Whether ``row`` reads as going on from the paragraph before it in its document: _continues, or it follows
        a table row (the line under a table's "Total"), or it is short (a form field's value, a vote's count), or
        it opens on a word pointing back (CONTINUATION: "This", "These", "It", a reply, a resolution)."""
        if self._continues(row):
            return True
        if row <= 0 or self._row_doc_index[row - 1] != self._row_doc_index[row]:
            return False
        text = self.data.paragraphs[row].text.strip()
        return self.data.paragraphs[row - 1].kind == "table-row" or len(text.split()) <= SHORT_WORDS or \
            bool(CONTINUATION.match(text))

    def _continues(self, row: int) -> bool:
        """Whether ``row`` goes on from the paragraph before it in its document: a list item or table row, or a
        paragraph after one that ends on a colon."""
        if row <= 0 or self._row_doc_index[row - 1] != self._row_doc_index[row]:
            return False
        return self.data.paragraphs[row].kind == "table-row" or \
            self.data.paragraphs[row - 1].text.rstrip().endswith(":")

    def _best_sentence(self, row: int, qvec: np.ndarray, doc: int | None = None) -> float:
        """The cosine of ``row``'s sentence closest to the question (stored vectors); -1 for a row with none, or
        outside document ``doc`` when one is given."""
        if row < 0 or doc is not None and self._row_doc_index[row] != doc:
            return -1.0
        vecs = self.data.sentence_vectors_of(row)
        return float(np.max(vecs.astype(np.float32) @ qvec)) if len(vecs) else -1.0

    def _naming_paragraph(self, ranked: list[int], query: str, documents: int = 3) -> int | None:
        """The first paragraph, in reading order, that names the person the question asks for under the role's label,
        beside it or "by" it (kinds.holder_strength 2), in the documents of the best candidates (the best one's
        first); None when they name none."""
        docs = list(dict.fromkeys(self._doc_names[self._row_doc_index[r]] for r in ranked))[:documents]
        for doc in docs:
            for row in self._doc_rows.get(doc, ()):
                if kinds.holder_strength(self.data.paragraphs[int(row)].text, query) == 2:  # tied to the role
                    return int(row)
        return None

    def _each_council_first(self, order: list[int], k: int) -> list[int]:
        """A question naming several councils ("How do Wirral and Thurrock compare on care leavers?") gets each
        council's best paragraph among the first results, in their fused order, whatever the others' scores."""
        best: dict[str, int] = {}
        for row in order[: max(k, self.weights.rerank_depth) * 3]:
            slug = self.data.docs[self._doc_names[self._row_doc_index[row]]].org_slug or ""
            best.setdefault(councils.council_slug(slug), row)
        chosen = set(best.values())
        return [r for r in order if r in chosen] + [r for r in order if r not in chosen]

    def _dense_for_rows(self, qvec: np.ndarray, rows: list[int]) -> dict[int, float | None]:
        """Each paragraph's best cosine over its chunks (chunks are stored in row order); None for one with no
        vector."""
        if not rows:
            return {}
        cp, asked = self.data.chunk_para, np.asarray(rows, dtype=np.int64)
        starts, ends = np.searchsorted(cp, asked, "left"), np.searchsorted(cp, asked, "right")
        has = ends > starts
        out: dict[int, float | None] = {int(r): None for r in asked[~has]}
        if has.any():
            counts = ends[has] - starts[has]
            first = np.concatenate(([0], np.cumsum(counts)[:-1]))
            at = np.repeat(starts[has] - first, counts) + np.arange(int(counts.sum()))  # each row's chunks in turn
            sims = np.asarray(self.data.vectors[at], dtype=np.float32) @ np.asarray(qvec, dtype=np.float32)
            out.update(zip(asked[has].tolist(), np.maximum.reduceat(sims, first).astype(float).tolist()))
        return out

    def _newest_reports(self) -> set[str]:
        """Each council's newest Ofsted report (by date), once per index."""
        if self._newest is None:
            best: dict[str, tuple[str, str]] = {}
            for name, m in self.data.docs.items():
                if m.doc_type == "ofsted-inspection" and m.org_slug and m.date:
                    if m.org_slug not in best or m.date > best[m.org_slug][0]:
                        best[m.org_slug] = (m.date, name)
            self._newest = {name for _, name in best.values()}
        return self._newest

    def _references_first(self, order: list[int], refs: list[str]) -> list[int]:
        """The candidates that print a reference the question gives (a risk's code "CRR0056", a decision's number
        "23/00101") first, in their order, then the others: "what does the risk register say about CRR0056?" is
        about that risk, not the paragraphs sharing "risk register", and by meaning the model reads a code's letters
        as close to words that share them ("CRR…" and "Crash Remedial Measures")."""
        printing = [r for r in order if any(ref in self.data.paragraphs[r].text for ref in refs)]
        if not printing:
            return order
        chosen = set(printing)
        return printing + [r for r in order if r not in chosen]

    def _title_match(self, fused: dict[int, float], query: str) -> dict[int, float]:
        """Candidates from a document whose title the question names gain ``title_boost`` times the share of the
        title's words it uses: "according to the equality assessment", "in the draft consultation responses". A
        title's council and years are left out (the filters judge those), so an Ofsted report's title ("Inspection
        of Durham children's services") weighs the same for each of that council's reports."""
        if not self.weights.title_boost or not fused:
            return fused
        asked = set(tokenize([query])[0])
        out = {}
        for row, score in fused.items():
            words = self._title_words(self._doc_names[self._row_doc_index[row]])
            out[row] = score * (1.0 + self.weights.title_boost * len(asked & words) / len(words)) if words else score
        return out

    def _genre_match(self, fused: dict[int, float], query: str) -> dict[int, float]:
        """Candidates from a paper of the one kind the question names ("according to the equality assessment":
        an EqIA, whatever its title's other words) gain ``genre_boost``."""
        if not self.weights.genre_boost or not fused or len(genres := named_genres(query)) != 1:
            return fused
        return {row: score * (1.0 + self.weights.genre_boost)
                if of_genre(self.data.docs[self._doc_names[self._row_doc_index[row]]].title, genres[0]) else score
                for row, score in fused.items()}

    def _topic_match(self, fused: dict[int, float], query: str) -> dict[int, float]:
        """Candidates printing a wording of the services or groups the question names (data/topics.tsv: "young
        carers", "private fostering") gain ``topic_boost`` times the share of those topics they print: a term of
        common words is found as written, not word by word ("young" people and foster "carers")."""
        if not self.weights.topic_boost or not fused or not (asked := _several_words(topics.named(query))):
            return fused
        out = {}
        for row, score in fused.items():
            text = self.data.paragraphs[row].text
            printed = sum(1 for _, topic in asked if topic.mentioned.search(text))
            out[row] = score * (1.0 + self.weights.topic_boost * printed / len(asked)) if printed else score
        return out

    def _title_words(self, doc: str) -> set[str]:
        if doc not in self._titles:
            m = self.data.docs[doc]
            own = set(tokenize([f"{m.organisation or ''} report paper minutes agenda update"])[0])
            self._titles[doc] = {w for w in tokenize([m.title or ""])[0] if w not in own and not w.isdigit()}
        return self._titles[doc]

    def _boost(self, fused: dict[int, float], imp: Implied) -> dict[int, float]:
        if not (imp.years or imp.since_year or imp.before_year or imp.ofsted or imp.minutes or imp.committees
                or imp.months or imp.latest):
            return fused
        w = self.weights
        newest = self._newest_reports() if imp.latest else set()
        out = {}
        for row, score in fused.items():
            m = self.data.docs[self._doc_names[self._row_doc_index[row]]]
            factor = 1.0
            year = m.year
            if year is not None:
                if imp.years and any(m.of_year(y) for y in imp.years):  # written then, or inspected then
                    factor += w.year_boost
                if imp.since_year and year >= imp.since_year:
                    factor += w.year_boost / 2
                if imp.before_year and year < imp.before_year:
                    factor += w.year_boost / 2
            if imp.ofsted and m.doc_type == "ofsted-inspection":
                factor += w.type_boost
            if imp.committees and m.committee in imp.committees:
                factor += w.committee_boost
            if imp.months and m.dated_in(imp.months):
                factor += w.year_boost  # the month it was written, published or inspected in
            if imp.days and m.date in imp.days:  # "the Cabinet meeting on 9 January 2025": that day's papers, not the
                # 30th's; another committee's papers of that day (the County Council's) with half of it
                factor += w.year_boost if not imp.committees or m.committee in imp.committees else w.year_boost / 2
            if imp.years and (year is None or year not in imp.years) and \
                    any(str(y) in self.data.paragraphs[row].text for y in imp.years):
                factor += w.mention_boost  # a later report looking back at the year asked about
            if imp.minutes and m.doc_type == "minutes":
                factor += w.type_boost
            if m.doc in newest:
                factor += w.year_boost  # "at its most recent inspection": the council's newest report
            out[row] = score * factor
        return out
