"""The Python API the CLI, the app and the tests use: Assistant.load(index_dir).ask(...) / .search(...)."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

from .answer.extractive import AnswerConfig, compose
from .index.embed import Embedder
from .query.filters import Filters
from .query.implied import Implied, implied_filters
from .records import Answer, DocMeta, Hit
from .retrieve.hybrid import Retriever

DEFAULT_INDEX = Path("index")
_PAST_EVENT = re.compile(r"\b(won|lost|was|were|did|happened|took place|decided|agreed|voted|elected|result)\b", re.I)


class Assistant:
    def __init__(self, retriever: Retriever, index_dir: Path, config: AnswerConfig | None = None) -> None:
        self.retriever = retriever
        self.index_dir = Path(index_dir)
        self.config = config or AnswerConfig()

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

    def paragraph_count(self, doc: str) -> int:
        return int(self.manifest.get("documents", {}).get(doc, {}).get("paragraphs", 0))

    def resolve_filters(self, question: str, filters: Filters | dict | None) -> tuple[Filters, Implied]:
        """Explicit filters win; councils named in the question restrict the search when none were given."""
        explicit = Filters.from_dict(filters) if not isinstance(filters, Filters) else filters
        implied = implied_filters(question, self.retriever.data.docs)
        effective = Filters(**{**explicit.__dict__})
        if not explicit.orgs and implied.orgs:
            effective.orgs = list(implied.orgs)
        if explicit.orgs:
            implied.orgs, implied.org_names = [], []
        if explicit.since or explicit.until:
            implied.years, implied.since_year, implied.before_year = [], None, None
        else:
            self._year_filter(effective, implied)
        self._after_documents(question, effective, implied)
        return effective, implied

    def _after_documents(self, question: str, effective: Filters, implied: Implied) -> None:
        """Notice a question about something that happened after the newest document it can be answered from
        ("Which party won … at the May 2025 elections?" when the papers end in March 2025)."""
        if not implied.months or not _PAST_EVENT.search(question):
            return
        # the documents' own dates, whatever date filter the question's years set
        by_council = Filters(orgs=effective.orgs, doc_types=effective.doc_types, committees=effective.committees,
                             docs=effective.docs)
        dates = [m.date for m in self.retriever.data.docs.values() if m.date and by_council.admits(m)]
        if dates and max(implied.months) > max(dates)[:7]:
            implied.after_documents = max(implied.months)

    def _year_filter(self, effective: Filters, implied: Implied) -> None:
        """A council's report of a year the question names ("Kent's 2013 inspection") is searched alone when it
        exists; otherwise the year stays a boost (a later report may look back at it)."""
        if len(implied.years) != 1 or not effective.orgs or implied.since_year or implied.before_year:
            return
        year = implied.years[0]
        docs = self.retriever.data.docs.values()
        admitted = [m for m in docs if Filters(orgs=effective.orgs).admits(m) and m.year is not None]
        matching = [m for m in admitted if m.year == year or (m.doc_type == "ofsted-inspection" and m.year == year + 1)]
        inspections = [m for m in admitted if m.doc_type == "ofsted-inspection"]
        if implied.ofsted and inspections and not any(m in matching for m in inspections) and len(effective.orgs) == 1:
            # "Kent's 2019 inspection" when Kent's indexed reports are from 2017 and 2022: nothing can answer it
            implied.no_report_year = year
            implied.report_years = sorted({m.year for m in inspections if m.year is not None})
        if matching and len(matching) < len(admitted):
            effective.since = f"{year}-01-01"
            effective.until = f"{year + 1}-12-31" if any(m.year == year + 1 for m in matching) else f"{year}-12-31"

    def search(self, query: str, filters: Filters | dict | None = None, k: int = 10,
               mode: str = "hybrid") -> list[Hit]:
        effective, implied = self.resolve_filters(query, filters)
        return self.retriever.search(query, effective, k=k, implied=implied, mode=mode)

    def ask(self, question: str, filters: Filters | dict | None = None, *, k: int = 10,
            mode: str = "hybrid", llm: Any = None) -> Answer:
        """A cited answer. With ``llm`` (a LlamaIndex LLM, see assistant.answer.generate), the answer is written by the
        model and every sentence is checked against its cited paragraph before it is shown; the extractive
        answer is the fallback."""
        answer = self._extractive(question, filters, k=k, mode=mode)
        if llm is not None and not answer.extra.get("tracker"):
            from .answer.generate import generate_answer

            answer = generate_answer(question, answer.hits, answer, llm)
        return answer

    def stream(self, question: str, filters: Filters | dict | None = None, *, llm: Any):
        """Text chunks as the model writes them, then the verified Answer (for the app)."""
        answer = self._extractive(question, filters)
        if answer.extra.get("tracker"):
            yield answer
            return
        from .answer.generate import stream_answer

        yield from stream_answer(question, answer.hits, answer, llm)

    def _extractive(self, question: str, filters: Filters | dict | None = None, *, k: int = 10,
                    mode: str = "hybrid") -> Answer:
        t0 = time.perf_counter()
        question = question.strip()
        if not question:
            raise ValueError("Ask a question, e.g. \"what did inspectors say about step-down?\"")
        from .answer.tracker import answer_from_tracker

        if mode == "hybrid" and (tracked := answer_from_tracker(self, question, filters)) is not None:
            return tracked  # "what did we promise about …" / "what did Ofsted ask … to improve"
        effective, implied = self.resolve_filters(question, filters)
        timings: dict[str, float] = {}
        qvec = self.retriever.query_vector(question) if self.retriever.data.paragraphs else None
        hits = self.retriever.search(question, effective, k=k, implied=implied, timings=timings, mode=mode,
                                     qvec=qvec)
        t1 = time.perf_counter()
        composed = compose(question, hits, self.retriever.embedder, implied, self.config,
                           sentence_vectors=self.retriever.data.sentence_vectors_of, qvec=qvec)
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
