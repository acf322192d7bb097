"""A question is answered with one BLAS thread and the embedding model does not busy-wait (api.py, index/embed.py):
the small products of one question gain nothing from a second thread and lose much on a busy machine."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import threadpoolctl

from assistant.api import Assistant


def _blas_threads() -> list[int]:
    return [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]


def test_ask_and_search_run_with_one_blas_thread_and_give_the_threads_back(monkeypatch):
    np.ones((4, 4)) @ np.ones(4)  # numpy's BLAS loaded
    seen: list[list[int]] = []

    def answering(*args, **kwargs):
        seen.append(_blas_threads())
        return "answer"

    a = Assistant(retriever=None, index_dir=".")
    monkeypatch.setattr(a, "_extractive", answering)
    monkeypatch.setattr("assistant.api.search", answering)
    with threadpoolctl.threadpool_limits(2, user_api="blas"):
        before = _blas_threads()
        assert a.ask("How many children are in care?") == "answer"
        assert a.search("caseloads") == "answer"
        assert _blas_threads() == before
    assert seen and all(n and set(n) == {1} for n in seen)


def test_questions_answered_at_once_keep_one_thread_until_the_last_ends(monkeypatch):
    np.ones((4, 4)) @ np.ones(4)
    inside, release = threading.Event(), threading.Event()
    seen: list[list[int]] = []

    def slow(*args, **kwargs):
        inside.set()
        release.wait(5)
        seen.append(_blas_threads())  # after the other question has ended
        return "answer"

    a = Assistant(retriever=None, index_dir=".")
    monkeypatch.setattr(a, "_extractive", slow)
    before = _blas_threads()
    t = threading.Thread(target=a.ask, args=("How many children are in care?",))
    t.start()
    assert inside.wait(5)
    monkeypatch.setattr(a, "_extractive", lambda *x, **k: "answer")
    other = threading.Thread(target=a.ask, args=("What did inspectors find?",))
    other.start()
    other.join(5)
    release.set()
    t.join(5)
    assert seen and set(seen[0]) == {1}
    assert _blas_threads() == before


def test_the_onnx_embedder_does_not_busy_wait_between_operators():
    from assistant.index.embed import OnnxEmbedder

    try:
        emb = OnnxEmbedder()
    except Exception as exc:  # no ONNX Runtime or model here
        pytest.skip(str(exc))
    opts = emb._session.get_session_options()
    assert opts.get_session_config_entry("session.intra_op.allow_spinning") == "0"
