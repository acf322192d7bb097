"""Ask the LLM with numbered sources, stream its text, verify it, and fall back to the extractive answer."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from assistant.answer.generate.config import DEFAULT_TIMEOUT_S
from assistant.answer.generate.prompt import build_messages, select_sources
from assistant.answer.generate.verify import SUPPORT_THRESHOLD, VerifiedAnswer, verify
from assistant.answer.layout import PrintedTables, TableHeaders
from assistant.records import Answer, Hit

FALLBACK_NOTE = "showing the extractive answer instead"


class LLMTimeoutError(TimeoutError):
    pass


def generate_answer(question: str, hits: list[Hit], fallback: Answer, llm: Any, *, max_sources: int = 6,
                    timeout_s: float | None = None, threshold: float = SUPPORT_THRESHOLD,
                    tables: PrintedTables | None = None, table_headers: TableHeaders | None = None) -> Answer:
    """The verified generative answer, or `fallback` (the extractive answer) with the reason in `extra`."""
    final: Answer | None = None
    for item in stream_answer(question, hits, fallback, llm, max_sources=max_sources, timeout_s=timeout_s,
                              threshold=threshold, tables=tables, table_headers=table_headers):
        if isinstance(item, Answer):
            final = item
    assert final is not None
    return final


def stream_answer(question: str, hits: list[Hit], fallback: Answer, llm: Any, *, max_sources: int = 6,
                  timeout_s: float | None = None, threshold: float = SUPPORT_THRESHOLD,
                  tables: PrintedTables | None = None,
                  table_headers: TableHeaders | None = None) -> Iterator[str | Answer]:
    """Yield the model's raw text chunks as they arrive, then the verified Answer (always last, always once). A
    cited table row comes with its table (`tables`) and column headers (`table_headers`), as in the extractive answer.

    No LLM call when the extractive answer abstained, when there is no LLM or no hits."""
    t0 = time.perf_counter()
    if fallback.abstained or llm is None or not hits:
        yield _from_fallback(fallback, "extractive", t0)
        return
    sources = select_sources(hits, max_sources)
    limit = float(timeout_s or getattr(llm, "timeout", None) or DEFAULT_TIMEOUT_S)
    parts: list[str] = []
    try:
        for chunk in llm.stream_chat(build_messages(question, sources)):
            delta = getattr(chunk, "delta", None) or ""
            if delta:
                parts.append(delta)
                yield delta
            if time.perf_counter() - t0 > limit:
                raise LLMTimeoutError()
    except Exception as e:  # noqa: BLE001 - any failure of the optional LLM must leave the answer working
        yield _from_fallback(fallback, "fallback", t0, llm_error=llm_error_message(e, llm, limit))
        return
    verified = verify("".join(parts), sources, threshold=threshold, tables=tables, table_headers=table_headers)
    yield _from_verified(question, verified, fallback, t0, llm)


def _extra(fallback: Answer, mode: str, dropped: int, **more: Any) -> dict[str, Any]:
    return {**fallback.extra, "mode": mode, "dropped_sentences": dropped, **more}


def _timings(fallback: Answer, t0: float) -> dict[str, float]:
    return {**fallback.timings_ms, "generate": (time.perf_counter() - t0) * 1000}


def _from_fallback(fallback: Answer, mode: str, t0: float, dropped: int = 0, **more: Any) -> Answer:
    return replace(fallback, timings_ms=_timings(fallback, t0), extra=_extra(fallback, mode, dropped, **more))


def _from_verified(question: str, verified: VerifiedAnswer, fallback: Answer, t0: float, llm: Any) -> Answer:
    flagged = [{"sentence": s.raw, "reason": s.reason} for s in verified.sentences if not s.kept]
    more = {"generated_sentences": len(verified.sentences), "flagged_sentences": flagged,
            "llm_model": getattr(llm, "model", None) or type(llm).__name__}
    if not verified.kept:
        return _from_fallback(fallback, "fallback", t0, dropped=verified.dropped, **more)
    return Answer(
        question=question, answer=verified.text, abstained=False, citations=verified.citations,
        filters=fallback.filters, timings_ms=_timings(fallback, t0), nearest=fallback.nearest,
        hits=fallback.hits, extra=_extra(fallback, "generative", verified.dropped, **more),
    )


def llm_error_message(e: BaseException, llm: Any, limit: float) -> str:
    """One line saying what went wrong with the LLM server and that the extractive answer is shown."""
    where = getattr(llm, "api_base", None) or getattr(llm, "azure_endpoint", None)
    server = f"The language model server at {where}" if where else "The language model server"
    names = {c.__name__ for c in type(e).__mro__}
    if isinstance(e, TimeoutError) or names & {"APITimeoutError", "TimeoutException", "ReadTimeout"}:
        msg = f"{server} did not answer within {limit:g} s; {FALLBACK_NOTE}."
    elif names & {"APIConnectionError", "ConnectError", "ConnectionError"}:
        msg = f"{server} could not be reached; {FALLBACK_NOTE}."
    elif names & {"AuthenticationError", "PermissionDeniedError"}:
        msg = f"{server} refused the API key (ASSISTANT_LLM_API_KEY); {FALLBACK_NOTE}."
    elif names & {"NotFoundError"}:
        msg = f"{server} does not know the model or path (check ASSISTANT_LLM_MODEL and _BASE_URL); {FALLBACK_NOTE}."
    else:
        detail = " ".join(str(e).split())[:160] or type(e).__name__
        msg = f"{server} failed ({type(e).__name__}: {detail}); {FALLBACK_NOTE}."
    return " ".join(msg.split())
