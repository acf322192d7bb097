"""Optional generative answers: an LLM writes, the verifier keeps only sentences its citations support."""

from __future__ import annotations

from importlib import import_module
from typing import Any

# imported on first use (PEP 562): `ask` without an LLM reads LLMConfig and never pays for llama-index (~1 s)
_EXPORTS = {
    "generate_answer": "answerer", "stream_answer": "answerer",
    "LLMUnavailableError": "client", "llm_from_env": "client", "make_llm": "client",
    "LLMConfig": "config", "LLMConfigError": "config",
}
__all__ = [*_EXPORTS]


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
