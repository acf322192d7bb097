"""Fixtures for the fetch tests: the local ModernGov server, and a record of every address the process connects to."""

from __future__ import annotations

import datetime as dt
import socket

import pytest

from assistant.fetch.sync import FetchOptions, fetch_moderngov
from tests.fetch.mgserver import Server, standard_site


@pytest.fixture()
def site():
    server = Server()
    standard_site(server)
    yield server
    server.close()


@pytest.fixture()
def other_host():
    """A second server, reached only through the name ``localhost``: the fetcher must never talk to it."""
    server = Server()
    yield server
    server.close()


@pytest.fixture()
def connections(monkeypatch):
    """Every (host, port) this process opens a network connection to while the test runs (local Unix sockets,
    e.g. the indexer's worker processes, are not the network)."""
    seen: list[tuple] = []
    real = socket.socket.connect

    def connect(self, address):
        if self.family in (socket.AF_INET, socket.AF_INET6):
            seen.append(tuple(address)[:2])
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return seen


def run(server, dest, **kw):
    opts = {"site": server.base, "dest": dest, "committees": ["Audit Committee"], "since": dt.date(2026, 1, 1),
            "until": dt.date(2026, 3, 1), "organisation": "Manchester City Council", "delay": 0, "timeout": 1.0,
            "retries": 2, "backoff": 0.01}
    opts.update(kw)
    return fetch_moderngov(FetchOptions(**opts), log=lambda m: None)
