"""An OpenAI-compatible server that is down or silent gives the extractive answer and a one-line reason."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from assistant.answer.generate import LLMConfig, generate_answer
from assistant.answer.generate.client import make_llm

from .helpers import extractive, free_port, medway_hits

pytest.importorskip("llama_index.llms.openai_like")

QUESTION = "How many social work posts were created?"


def client(base_url: str, timeout_s: float):
    return make_llm(LLMConfig(provider="openai-compatible", model="smollm2", base_url=base_url,
                              timeout_s=timeout_s))


def test_server_down__falls_back_with_one_line_error_within_the_timeout():
    hits = medway_hits()
    q = QUESTION
    t0 = time.monotonic()
    ans = generate_answer(q, hits, extractive(q, hits), client(f"http://127.0.0.1:{free_port()}/v1", timeout_s=5))
    assert time.monotonic() - t0 < 5
    assert ans.extra["mode"] == "fallback"
    err = ans.extra["llm_error"]
    assert "\n" not in err and "could not be reached" in err and "127.0.0.1" in err


def test_server_silent__times_out_and_falls_back():
    stop = threading.Event()
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    port = srv.getsockname()[1]

    def accept_and_say_nothing():
        conns = []
        srv.settimeout(0.2)
        while not stop.is_set():
            try:
                conns.append(srv.accept()[0])
            except OSError:
                pass
        for c in conns:
            c.close()

    t = threading.Thread(target=accept_and_say_nothing, daemon=True)
    t.start()
    try:
        hits = medway_hits()
        q = QUESTION
        t0 = time.monotonic()
        ans = generate_answer(q, hits, extractive(q, hits), client(f"http://127.0.0.1:{port}/v1", timeout_s=1.5))
        elapsed = time.monotonic() - t0
    finally:
        stop.set()
        t.join(2)
        srv.close()
    assert ans.extra["mode"] == "fallback" and "did not answer within 1.5 s" in ans.extra["llm_error"]
    assert elapsed < 6
