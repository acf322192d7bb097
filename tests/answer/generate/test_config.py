"""LLM settings come from ASSISTANT_LLM_* variables or a TOML file; nothing configured means extractive."""

from __future__ import annotations

import pytest

from assistant.answer.generate.config import LLMConfig, LLMConfigError


def test_from_env__nothing_configured_is_none(tmp_path):
    assert LLMConfig.from_env(tmp_path / "missing.toml", environ={}) is None
    assert LLMConfig.from_env(tmp_path / "missing.toml", environ={"ASSISTANT_LLM": "none"}) is None


def test_from_env__reads_environment(tmp_path):
    cfg = LLMConfig.from_env(tmp_path / "missing.toml", environ={
        "ASSISTANT_LLM": "openai-compatible", "ASSISTANT_LLM_BASE_URL": "http://127.0.0.1:8000/v1/",
        "ASSISTANT_LLM_MODEL": "smol", "ASSISTANT_LLM_API_KEY": "sk-secret", "ASSISTANT_LLM_TIMEOUT_S": "12.5"})
    assert (cfg.provider, cfg.base_url, cfg.model, cfg.timeout_s) == (
        "openai-compatible", "http://127.0.0.1:8000/v1", "smol", 12.5)
    assert "sk-secret" not in cfg.describe() and "smol" in cfg.describe()


def test_from_env__settings_file_with_environment_overriding(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('[llm]\nprovider = "ollama"\nmodel = "llama3.2"\ntimeout_s = 30\n')
    cfg = LLMConfig.from_env(path, environ={"ASSISTANT_LLM_MODEL": "qwen2.5"})
    assert (cfg.provider, cfg.model, cfg.base_url, cfg.timeout_s) == (
        "ollama", "qwen2.5", "http://localhost:11434/v1", 30.0)
    assert str(path) in cfg.source


@pytest.mark.parametrize("env, message", [
    ({"ASSISTANT_LLM": "gpt"}, "is not one of"),
    ({"ASSISTANT_LLM": "openai-compatible", "ASSISTANT_LLM_MODEL": "m"}, "ASSISTANT_LLM_BASE_URL"),
    ({"ASSISTANT_LLM": "ollama"}, "ASSISTANT_LLM_MODEL"),
    ({"ASSISTANT_LLM": "ollama", "ASSISTANT_LLM_MODEL": "m", "ASSISTANT_LLM_TIMEOUT_S": "soon"}, "positive"),
])
def test_from_env__bad_values_name_the_key(tmp_path, env, message):
    with pytest.raises(LLMConfigError, match=message):
        LLMConfig.from_env(tmp_path / "missing.toml", environ=env)


def test_make_llm__missing_optional_package_says_what_to_install(tmp_path, monkeypatch):
    import builtins

    from assistant.answer.generate.client import LLMUnavailableError, make_llm
    real_import = builtins.__import__

    def no_azure(name, *a, **k):
        if name.startswith("llama_index.llms.azure_openai"):
            raise ImportError(name)
        return real_import(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_azure)
    cfg = LLMConfig(provider="azure-openai", model="gpt-4o", base_url="https://x.openai.azure.com")
    with pytest.raises(LLMUnavailableError, match=r"pip install 'scrutiny-assistant\[llm\]'"):
        make_llm(cfg)
