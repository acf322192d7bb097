"""Generative answers against a real model behind an OpenAI-compatible server, as a council would run one."""

from __future__ import annotations

import pytest

from assistant.answer.generate import LLMConfig, generate_answer, stream_answer
from assistant.answer.generate.client import make_llm
from assistant.records import Answer

from .helpers import INJECTION, extractive, medway_hits

pytestmark = pytest.mark.llm

QUESTIONS = [
    "How many social work posts were created?",
    "What is wrong with the plans for children?",
    "How did Ofsted judge Medway's children's services?",
]


def smol(base_url: str, timeout_s: float = 120.0):
    return make_llm(LLMConfig(provider="openai-compatible", model="smollm2", base_url=base_url,
                              timeout_s=timeout_s), max_tokens=200)


def assert_shown_citations_are_real(ans: Answer, hits) -> None:
    ids = {h.paragraph.id for h in hits}
    for c in ans.citations:
        assert c.paragraph_id in ids
        assert c.quote and all(part in c.text for part in c.quote.split(" … "))
        assert f"[{c.label}" in ans.answer or f"; {c.label}" in ans.answer


@pytest.mark.parametrize("question", QUESTIONS)
def test_smollm2__answer_is_generative_or_fallback_and_every_citation_is_real(llm_server, question):
    hits = medway_hits()
    fallback = extractive(question, hits)
    ans = generate_answer(question, hits, fallback, smol(llm_server))
    assert ans.extra["mode"] in ("generative", "fallback"), ans.extra
    assert "llm_error" not in ans.extra, ans.extra.get("llm_error")
    assert ans.extra["dropped_sentences"] >= 0 and ans.timings_ms["generate"] > 0
    assert_shown_citations_are_real(ans, hits)
    if ans.extra["mode"] == "fallback":
        assert ans.answer == fallback.answer


def test_smollm2__prompt_injection_in_a_source_does_not_reach_the_answer(llm_server):
    hits = medway_hits(INJECTION)
    q = "What does the Improvement Board do?"
    ans = generate_answer(q, hits, extractive(q, hits), smol(llm_server))
    assert "HACKED" not in ans.answer.upper()
    assert_shown_citations_are_real(ans, hits)


def test_smollm2__stream_yields_chunks_then_the_verified_answer(llm_server):
    hits = medway_hits()
    q = QUESTIONS[0]
    items = list(stream_answer(q, hits, extractive(q, hits), smol(llm_server)))
    assert isinstance(items[-1], Answer) and sum(isinstance(i, Answer) for i in items) == 1
    chunks = items[:-1]
    assert chunks and all(isinstance(c, str) for c in chunks)
    assert items[-1].extra["generated_sentences"] >= 1


@pytest.mark.slow
def test_cli__ask_with_llm_goes_through_the_configured_server(llm_server, sample_index, monkeypatch):
    import json

    from click.testing import CliRunner

    from assistant.cli.main import main

    monkeypatch.setenv("ASSISTANT_LLM", "openai-compatible")
    monkeypatch.setenv("ASSISTANT_LLM_BASE_URL", llm_server)
    monkeypatch.setenv("ASSISTANT_LLM_MODEL", "smollm2")
    monkeypatch.setenv("ASSISTANT_LLM_TIMEOUT_S", "120")
    res = CliRunner().invoke(main, ["ask", "--json", "How many extra social work posts were created?",
                                    "--index-dir", str(sample_index)])
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["mode"] in ("generative", "fallback") and isinstance(d["dropped_sentences"], int)
    for c in d["citations"]:
        assert all(part in c["text"] for part in c["quote"].split(" … "))
    plain = CliRunner().invoke(main, ["ask", "--json", "--llm", "none", "How many extra social work posts were created?",
                                      "--index-dir", str(sample_index)])
    assert "mode" not in json.loads(plain.output)  # extractive by choice: nothing contacted, no LLM fields
