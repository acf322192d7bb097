"""LLM settings from ASSISTANT_LLM_* environment variables or a TOML settings file; none means extractive."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

PROVIDERS = ("none", "openai-compatible", "ollama", "azure-openai")
KEYS = ("ASSISTANT_LLM", "ASSISTANT_LLM_BASE_URL", "ASSISTANT_LLM_MODEL", "ASSISTANT_LLM_API_KEY",
        "ASSISTANT_LLM_TIMEOUT_S", "ASSISTANT_LLM_API_VERSION")
DEFAULT_SETTINGS_PATH = Path("~/.config/scrutiny-assistant/settings.toml")
DEFAULT_TIMEOUT_S = 60.0
DEFAULT_BASE_URLS = {"ollama": "http://localhost:11434/v1"}
DEFAULT_AZURE_API_VERSION = "2024-06-01"


class LLMConfigError(ValueError):
    """A settings value that cannot work; the message names the key and the valid choices."""


@dataclass(frozen=True)
class LLMConfig:
    provider: str  # one of PROVIDERS except "none"
    model: str
    base_url: str | None = None
    api_key: str | None = None
    timeout_s: float = DEFAULT_TIMEOUT_S
    api_version: str | None = None  # azure-openai only
    source: str = "environment"  # where the settings came from (for describe())

    @classmethod
    def from_env(cls, settings_path: str | Path | None = None,
                 environ: Mapping[str, str] | None = None) -> LLMConfig | None:
        """Settings file values overridden by environment variables; None when no LLM is configured.

        The file (default ~/.config/scrutiny-assistant/settings.toml, or $ASSISTANT_SETTINGS) may hold the
        same keys at top level or in an [llm] table, either as ASSISTANT_LLM_MODEL or as model."""
        env = os.environ if environ is None else environ
        values: dict[str, str] = {}
        source = "environment"
        path = Path(settings_path or env.get("ASSISTANT_SETTINGS") or DEFAULT_SETTINGS_PATH).expanduser()
        if path.is_file():
            values.update(_read_settings(path))
            source = str(path)
        from_env = {k: env[k] for k in KEYS if env.get(k, "").strip()}
        if from_env and values:
            source = f"{path} + environment"
        values.update(from_env)

        provider = values.get("ASSISTANT_LLM", "none").strip().lower()
        if provider in ("", "none", "off", "extractive"):
            return None
        if provider not in PROVIDERS:
            raise LLMConfigError(f"ASSISTANT_LLM={provider!r} is not one of: {', '.join(PROVIDERS)}.")
        base_url = values.get("ASSISTANT_LLM_BASE_URL") or DEFAULT_BASE_URLS.get(provider)
        model = values.get("ASSISTANT_LLM_MODEL", "").strip()
        if not base_url:
            what = "the Azure endpoint, https://<resource>.openai.azure.com/" if provider == "azure-openai" \
                else "the server's OpenAI-compatible URL, e.g. http://localhost:8000/v1"
            raise LLMConfigError(f"ASSISTANT_LLM={provider} needs ASSISTANT_LLM_BASE_URL ({what}).")
        if not model:
            raise LLMConfigError(f"ASSISTANT_LLM={provider} needs ASSISTANT_LLM_MODEL "
                                 "(the model name, or the deployment name for azure-openai).")
        raw_timeout = values.get("ASSISTANT_LLM_TIMEOUT_S", "") or str(DEFAULT_TIMEOUT_S)
        try:
            timeout_s = float(raw_timeout)
        except ValueError:
            timeout_s = -1.0
        if timeout_s <= 0:
            raise LLMConfigError(f"ASSISTANT_LLM_TIMEOUT_S={raw_timeout!r} must be a positive number of seconds.")
        api_version = values.get("ASSISTANT_LLM_API_VERSION") or (
            DEFAULT_AZURE_API_VERSION if provider == "azure-openai" else None)
        return cls(provider=provider, model=model, base_url=base_url.rstrip("/"),
                   api_key=values.get("ASSISTANT_LLM_API_KEY") or None, timeout_s=timeout_s,
                   api_version=api_version, source=source)

    def describe(self) -> str:
        """One line for logs and the UI; never shows the API key."""
        key = "api key set" if self.api_key else "no api key"
        return (f"{self.provider} model {self.model} at {self.base_url} "
                f"(timeout {self.timeout_s:g} s, {key}; from {self.source})")


def _read_settings(path: Path) -> dict[str, str]:
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as e:
        raise LLMConfigError(f"{path} is not valid TOML: {e}.") from e
    table = data.get("llm") if isinstance(data.get("llm"), dict) else data
    out: dict[str, str] = {}
    for k, v in table.items():
        key = k.upper()
        if key in ("LLM", "PROVIDER"):
            key = "ASSISTANT_LLM"
        elif not key.startswith("ASSISTANT_LLM"):
            key = f"ASSISTANT_LLM_{key}"
        if key in KEYS and v is not None:
            out[key] = str(v)
    return out
