"""A question (with optional filters) -> ranked paragraphs: resolve it, then run the hybrid search. What the API,
the tracker and the answerers call when they search."""

from __future__ import annotations

from ..query.filters import Filters
from ..query.resolve import resolve_filters
from ..records import Hit
from .hybrid import Retriever


def search(retriever: Retriever, query: str, filters: Filters | dict | None = None, k: int = 10,
           mode: str = "hybrid") -> list[Hit]:
    effective, implied = resolve_filters(query, filters, retriever.data.docs)
    return retriever.search(query, effective, k=k, implied=implied, mode=mode)
