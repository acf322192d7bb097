"""The Python API the CLI, the app and the tests use: Assistant.load(index_dir).ask(...) / .search(...)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import ThreadpoolController

from .answer.completion import COMPLETION_ITEMS
from .answer.config import AnswerConfig
from .answer.extractive import Composed, compose
from .answer.former import about_former_council
from .answer.people import described, descriptions
from .answer.judged import with_grades_asked
from .answer.tracker import answer_from_tracker
from .index.embed import Embedder
from .query.filters import Filters
from .query import kinds as question_types
from .query.implied import Implied
from .query.plain import check_length, plain_question
from .query.resolve import resolve_filters
from .query.tense import spans_years, wants_newest_report
from .records import Answer, DocMeta, Hit
from .retrieve.hybrid import Retriever
from .retrieve.authors import with_author_block
from .retrieve.speakers import with_members_record
from .retrieve.newest import with_judgement_table, with_newest_report_hits
from .retrieve.successors import of_former_council
from .retrieve.search import search

DEFAULT_INDEX = Path("index")


class _OneBlasThread:
    """Numpy's BLAS held to one thread while a question is answered, and given back its threads after.

    A question's products are small (one vector against a few thousand: 8 words by the 5,000-word vocabulary, the
    query by the passages): a second BLAS thread saves nothing, and on a busy machine the threads wait on each
    other, 10-20 times slower than one (1 ms against 20-45 ms measured on 2 shared cores). The figures are the
    same to the last bit with one thread or several (each output is one thread's dot product). The controller is
    made at the first question, once numpy and FAISS are loaded."""

    _controller: Any = None
    _limit: Any = None
    _inside = 0  # questions being answered now (the app's threads): the first one in limits, the last one out restores
    _lock = threading.Lock()

    def __enter__(self) -> None:
        cls = _OneBlasThread
        with cls._lock:
            cls._inside += 1
            if cls._inside > 1:
                return
            if cls._controller is None:
                cls._controller = ThreadpoolController()
            cls._limit = cls._controller.limit(limits=1, user_api="blas")

    def __exit__(self, *exc: object) -> None:
        cls = _OneBlasThread
        with cls._lock:
            cls._inside -= 1
            if cls._inside == 0 and cls._limit is not None:
                cls._limit.restore_original_limits()
                cls._limit = None


class Assistant:
    def __init__(self, retriever: Retriever, index_dir: Path, config: AnswerConfig | None = None) -> None:
        self.retriever = retriever
        self.index_dir = Path(index_dir)
        self.config = config or AnswerConfig()
        self._people: dict[str, dict[str, list[str]]] = {}  # a document's people and what it says of them
        self._documents: dict[str, str] = {}  # a document's whole text, for the topics a question names

    @classmethod
    def load(cls, index_dir: str | Path = DEFAULT_INDEX, embedder: Embedder | None = None) -> Assistant:
        """Open a built index (IndexNotFound / IndexMismatch carry a one-line fix)."""
        return cls(Retriever.load(Path(index_dir), embedder), Path(index_dir))

    @property
    def manifest(self) -> dict[str, Any]:
        return self.retriever.data.manifest

    def documents(self) -> list[DocMeta]:
        docs = list(self.retriever.data.docs.values())
        return sorted(docs, key=lambda m: (m.organisation or "", m.date or "", m.doc))

    def document(self, doc: str) -> DocMeta | None:
        """The indexed document's metadata (None when it is not indexed)."""
        return self.retriever.data.docs.get(doc)

    def paragraph_count(self, doc: str) -> int:
        return int(self.manifest.get("documents", {}).get(doc, {}).get("paragraphs", 0))

    def resolve_filters(self, question: str, filters: Filters | dict | None) -> tuple[Filters, Implied]:
        """Explicit filters win; councils named in the question restrict the search when none were given."""
        return resolve_filters(question, filters, self.retriever.data.docs, knows=self.retriever.keyword.knows)

    def search(self, query: str, filters: Filters | dict | None = None, k: int = 10,
               mode: str = "hybrid") -> list[Hit]:
        check_length(query, "search")
        if not any(ch.isalnum() for ch in query):  # nothing to search for: no ranking of the whole index at random
            raise ValueError("Search for something in words, e.g. \"caseloads\".")
        with _OneBlasThread():
            return search(self.retriever, query, filters, k=k, mode=mode)

    def ask(self, question: str, filters: Filters | dict | None = None, *, k: int = 10,
            mode: str = "hybrid", llm: Any = None) -> Answer:
        """A cited answer. With ``llm`` (a LlamaIndex LLM, see assistant.answer.generate), the answer is written by the
        model and every sentence is checked against its cited paragraph before it is shown; the extractive
        answer is the fallback."""
        with _OneBlasThread():
            answer = self._extractive(question, filters, k=k, mode=mode)
        if llm is not None and not answer.extra.get("tracker"):
            from .answer.generate import generate_answer

            data = self.retriever.data
            answer = generate_answer(question, answer.hits, answer, llm, tables=data.table_of,
                                     table_headers=data.table_header_of)
        return answer

    def stream(self, question: str, filters: Filters | dict | None = None, *, llm: Any):
        """Text chunks as the model writes them, then the verified Answer (for the app)."""
        with _OneBlasThread():
            answer = self._extractive(question, filters)
        if answer.extra.get("tracker"):
            yield answer
            return
        from .answer.generate import stream_answer

        data = self.retriever.data
        yield from stream_answer(question, answer.hits, answer, llm, tables=data.table_of,
                                 table_headers=data.table_header_of)

    def _following(self, row: int) -> list[Hit]:
        """The paragraphs printed after paragraph ``row`` (as many as may complete a quote ending in a colon)."""
        return self._as_hits(row, self.retriever.data.rows_after(row, COMPLETION_ITEMS + 1))

    def _preceding(self, row: int) -> list[Hit]:
        """The paragraphs printed before paragraph ``row``, nearest first (as far back as an answer may run)."""
        return self._as_hits(row, self.retriever.data.rows_before(row, COMPLETION_ITEMS + 1))

    def _nearby_text(self, hit: Hit) -> str:
        """The text of the paragraphs printed around a cited one (AnswerConfig.name_nearby either side)."""
        data, n = self.retriever.data, self.config.name_nearby
        if hit.row is None:
            return ""
        return " ".join(data.paragraphs[r].text for r in data.rows_before(hit.row, n) + data.rows_after(hit.row, n))

    def _people_described(self, hit: Hit) -> str:
        """What a cited paragraph's document says of the people the paragraph names ("Mr Hook (Leader of the Liberal
        Democrat Group)"), read once per document."""
        data, doc = self.retriever.data, hit.paragraph.doc
        people = self._people.get(doc)
        if people is None:
            rows = data.rows_by_doc().get(doc, ())
            people = self._people[doc] = descriptions(data.paragraphs[int(r)].text for r in rows)
        return described(hit.paragraph.text, people)

    def _document_text(self, hit: Hit) -> str:
        """The whole text of a cited paragraph's document, headings included (the last few documents read are
        kept)."""
        doc = hit.paragraph.doc
        if doc not in self._documents:
            data = self.retriever.data
            if len(self._documents) >= 16:
                self._documents.pop(next(iter(self._documents)))
            self._documents[doc] = "\n".join(f"{p.heading or ''}\n{p.text}" for r in data.rows_by_doc().get(doc, ())
                                              for p in [data.paragraphs[int(r)]])
        return self._documents[doc]

    def _compose(self, question: str, hits: list[Hit], implied: Implied, qvec: np.ndarray | None = None) -> Composed:
        data = self.retriever.data
        return compose(question, hits, self.retriever.embedder, implied, self.config,
                       sentence_vectors=data.sentence_vectors_of, qvec=qvec, table_headers=data.table_header_of,
                       following=self._following, preceding=self._preceding, typicality=data.typicality_of,
                       nearby=self._nearby_text, tables=data.table_of, described=self._people_described,
                       document=self._document_text, papers=data.docs)

    def _as_hits(self, row: int, rows: list[int]) -> list[Hit]:
        """Paragraphs ``rows`` of paragraph ``row``'s document as unscored hits."""
        data = self.retriever.data
        meta = data.docs[data.paragraphs[row].doc]
        return [Hit(paragraph=data.paragraphs[r], meta=meta, score=0.0, rank=0, row=r) for r in rows]

    def _extractive(self, question: str, filters: Filters | dict | None = None, *, k: int = 10,
                    mode: str = "hybrid") -> Answer:
        t0 = time.perf_counter()
        check_length(question)
        question = plain_question(question)  # "**Bexley**", "<i>improve</i>": the words, however typed
        if not any(ch.isalnum() for ch in question):  # nothing to search for: "", "???"
            raise ValueError("Ask a question in words, e.g. \"what did inspectors say about step-down?\"")
        effective, implied = self.resolve_filters(question, filters)  # once per question
        tracked = answer_from_tracker(self.retriever, question, effective, implied) if mode == "hybrid" else None
        if tracked is not None:
            return tracked  # "what did we promise about …" / "what did Ofsted ask … to improve"
        timings: dict[str, float] = {}
        qvec = self.retriever.query_vector(question, lay=self.retriever.inspection_only(effective)) \
            if self.retriever.data.paragraphs else None
        hits = self.retriever.search(question, effective, k=k, implied=implied, timings=timings, mode=mode,
                                     qvec=qvec)
        if "grade" in question_types.expected(question) and implied.orgs:  # its judgement table, however it ranks
            hits = with_judgement_table(self.retriever, effective, hits)
        if wants_newest_report(question, implied, spans_years(question, implied)):
            # "is early help good in Medway?": each council's newest report, not only those it replaced
            hits = with_newest_report_hits(self.retriever, question, effective, implied, hits, qvec, mode)
        hits = with_author_block(self.retriever, question, hits)  # "who wrote the report?": its author block
        # "what concerns did scrutiny members raise about …?": the record of what they said, not the subject's paper
        hits = with_members_record(self.retriever, question, hits, self.retriever.allowed_rows(effective), qvec)
        composed: Composed | None = None
        former = of_former_council(self.retriever, question, Filters.from_dict(filters), implied, k=k, mode=mode,
                                   qvec=qvec)
        if former is not None:  # "how was Cumbria judged in 2022?": what its successors' papers say of it
            composed = about_former_council(question, *former)  # (None: declined, saying who replaced it)
            hits = former[0] if composed is not None else hits
        t1 = time.perf_counter()
        composed = composed or self._compose(question, hits, implied, qvec)
        if not composed.abstained:  # "what was its grade in 2024, and how did it compare …?": the grade stated too
            composed.text, composed.citations = with_grades_asked(self.retriever.data, question, effective, implied,
                                                                  composed.text, composed.citations)
        t2 = time.perf_counter()
        timings.update({"retrieve": (t1 - t0) * 1000, "answer": (t2 - t1) * 1000, "total": (t2 - t0) * 1000})
        shown_filters = effective.to_dict()
        if implied.to_dict():
            shown_filters["from_question"] = implied.to_dict()
        answer = Answer(question=question, answer=composed.text, abstained=composed.abstained,
                        citations=composed.citations, filters=shown_filters, timings_ms=timings,
                        nearest=composed.nearest, hits=hits, confidence=composed.confidence)
        if composed.abstained:
            answer.extra["nearest"] = [h.to_dict() for h in composed.nearest]
        return answer
