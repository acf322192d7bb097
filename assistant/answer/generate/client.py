"""Build a LlamaIndex LLM for the configured provider; optional packages are imported only here."""

from __future__ import annotations

from typing import Any

from assistant.answer.generate.config import LLMConfig

INSTALL_HINT = "pip install 'scrutiny-assistant[llm]'"
MAX_OUTPUT_TOKENS = 400


class LLMUnavailableError(RuntimeError):
    """The optional LLM integration package is not installed."""


def make_llm(config: LLMConfig, *, max_tokens: int = MAX_OUTPUT_TOKENS) -> Any:
    """A llama_index LLM talking to the configured server. Nothing is contacted until it is used."""
    common: dict[str, Any] = dict(temperature=0.0, max_tokens=max_tokens, timeout=config.timeout_s,
                                  max_retries=0)
    if config.provider in ("openai-compatible", "ollama"):
        try:
            from llama_index.llms.openai_like import OpenAILike
        except ImportError as e:
            raise LLMUnavailableError(
                f"ASSISTANT_LLM={config.provider} needs llama-index-llms-openai-like: {INSTALL_HINT}") from e
        return OpenAILike(
            model=config.model, api_base=config.base_url,
            # Local servers ignore the key, but the OpenAI client refuses to start without one.
            api_key=config.api_key or "not-needed",
            is_chat_model=True, is_function_calling_model=False, context_window=8192,
            **common,
        )
    if config.provider == "azure-openai":
        try:
            from llama_index.llms.azure_openai import AzureOpenAI
        except ImportError as e:
            raise LLMUnavailableError(
                f"ASSISTANT_LLM=azure-openai needs llama-index-llms-azure-openai: {INSTALL_HINT}") from e
        return AzureOpenAI(
            engine=config.model, model=config.model, azure_endpoint=config.base_url,
            api_key=config.api_key, api_version=config.api_version, **common,
        )
    raise ValueError(f"no LLM for provider {config.provider!r}")


def llm_from_env(settings_path: str | None = None) -> Any | None:
    """The configured LLM, or None when ASSISTANT_LLM is unset or `none` (then nothing is ever contacted).
    Raises LLMConfigError for bad settings and LLMUnavailableError for a missing optional package."""
    config = LLMConfig.from_env(settings_path)
    return make_llm(config) if config else None
