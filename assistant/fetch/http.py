"""A polite HTTP client for one site: descriptive User-Agent, a delay between requests, retries with backoff
(429, 5xx, timeouts), conditional GET, a size cap, and no request to any other host (redirects included)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3 import exceptions as urllib3_exceptions
from urllib3.util.retry import Retry

from .. import __version__

USER_AGENT = (f"ScrutinyAssistant/{__version__} (committee-paper sync for council scrutiny; "
              f"polite: one request at a time) python-requests/{requests.__version__}")
RETRY_STATUS = (429, 500, 502, 503, 504)
MAX_REDIRECTS = 5
DEFAULT_PORTS = {"http": 80, "https": 443}


class FetchError(Exception):
    """A problem that stops a fetch; str(e) is one line saying what happened and what to do."""


class SiteUnreachable(FetchError):
    """Cannot connect, or no answer after the retries: the run stops (the site is down or the address wrong)."""


class NotThisSite(FetchError):
    """A link or redirect to another host: refused, never requested."""


class TooLarge(FetchError):
    """A document over the size cap."""


class HTTPStatusError(FetchError):
    def __init__(self, message: str, status: int, response: Response | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.response = response


@dataclass
class Response:
    """What the callers need of a response: status, final URL, headers (lower-cased keys) and body bytes."""

    status: int
    url: str
    headers: dict[str, str]
    body: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


def same_site(url: str, site: str) -> bool:
    """True when ``url`` is on the host of ``site`` (same host name and port; http/https on default ports)."""
    a, b = urlsplit(url), urlsplit(site)
    if a.scheme not in DEFAULT_PORTS or not a.hostname or (a.hostname or "").lower() != (b.hostname or "").lower():
        return False
    try:
        pa = a.port or DEFAULT_PORTS[a.scheme]
        pb = b.port or DEFAULT_PORTS.get(b.scheme, 0)
    except ValueError:  # a port that is not a number
        return False
    return pa == pb or (pa in DEFAULT_PORTS.values() and pb in DEFAULT_PORTS.values())


class _Retry(Retry):
    """Retries as ``Retry`` does (timeouts, dropped connections, 429 and 5xx statuses, with backoff), but not a
    connection refused or a host that does not exist: retrying brings no answer, only a longer wait to say "cannot
    connect" (12.8 s at --timeout 2, tester, round 72)."""

    def increment(self, method=None, url=None, response=None, error=None, _pool=None, _stacktrace=None):
        # (urllib3 2 makes NewConnectionError, refused or no such host, a ConnectTimeoutError; a real connect
        # timeout is not a NewConnectionError)
        if isinstance(error, urllib3_exceptions.NewConnectionError):
            raise urllib3_exceptions.MaxRetryError(_pool, url, error) from error
        return super().increment(method, url, response, error, _pool, _stacktrace)


class PoliteClient:
    """GET requests to one site, one at a time, ``delay`` seconds apart."""

    def __init__(self, site: str, *, delay: float = 1.0, timeout: float = 30.0, retries: int = 3,
                 backoff: float = 1.0, max_bytes: int = 50_000_000, user_agent: str = USER_AGENT,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.site = site
        self.delay = max(0.0, delay)
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.requests_made = 0
        self._sleep = sleep
        self._last = 0.0
        self.session = requests.Session()
        self.session.trust_env = False  # no proxy or netrc from the environment: only the address given
        self.session.headers.update({"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"})
        retry = _Retry(total=retries, connect=retries, read=retries, status=retries, other=0, redirect=False,
                      backoff_factor=backoff, status_forcelist=RETRY_STATUS, allowed_methods={"GET", "HEAD"},
                      respect_retry_after_header=True, raise_on_status=False)
        adapter = HTTPAdapter(max_retries=retry, pool_maxsize=1)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------------ requests

    def get(self, url: str, *, params: dict | None = None, headers: dict | None = None,
            accept: str = "*/*") -> Response:
        """GET ``url`` into memory (capped at ``max_bytes``); 304 and error statuses are returned, not raised."""
        with self._open(url, params=params, headers=headers, accept=accept) as (resp, final):
            body = b"" if resp.status_code == 304 else b"".join(self._chunks(resp, url))
            return Response(resp.status_code, final, _headers(resp), body)

    def head(self, url: str, *, headers: dict | None = None) -> Response:
        """HEAD ``url``: status and headers only (to compare a document's size without downloading it)."""
        plain = {"Accept-Encoding": "identity", **(headers or {})}
        with self._open(url, headers=plain, method="HEAD") as (resp, final):
            return Response(resp.status_code, final, _headers(resp))

    def download(self, url: str, dest: Path, *, headers: dict | None = None) -> Response:
        """GET ``url`` streaming into ``dest`` (a temporary file the caller renames); body left empty."""
        # identity: documents are stored as sent, so a later HEAD's Content-Length compares with the saved size
        with self._open(url, headers={"Accept-Encoding": "identity", **(headers or {})}) as (resp, final):
            if resp.status_code == 200:
                with dest.open("wb") as fh:
                    for chunk in self._chunks(resp, url):
                        fh.write(chunk)
            return Response(resp.status_code, final, _headers(resp))

    # ------------------------------------------------------------------ internals

    def _wait(self) -> None:
        gap = time.monotonic() - self._last
        if self._last and gap < self.delay:
            self._sleep(self.delay - gap)

    @contextmanager
    def _open(self, url: str, *, params: dict | None = None, headers: dict | None = None,
              accept: str = "*/*", method: str = "GET") -> Iterator[tuple[requests.Response, str]]:
        resp, final = self._send(url, params, {"Accept": accept, **(headers or {})}, method)
        try:
            yield resp, final
        finally:
            resp.close()

    def _send(self, url: str, params: dict | None, headers: dict, method: str = "GET"
              ) -> tuple[requests.Response, str]:
        """Follow up to MAX_REDIRECTS redirects by hand, refusing any to another host before requesting it."""
        for _ in range(MAX_REDIRECTS + 1):
            if not same_site(url, self.site):
                raise NotThisSite(f"{_short(url)} is not on {urlsplit(self.site).netloc}; not requested")
            self._wait()
            try:
                resp = self.session.request(method, url, params=params, headers=headers, timeout=self.timeout,
                                            allow_redirects=False, stream=True)
            except requests.exceptions.RetryError as exc:
                raise SiteUnreachable(f"{_short(url)}: the site kept failing ({_reason(exc)}); "
                                      "try again later") from exc
            except (requests.exceptions.Timeout, requests.exceptions.ConnectionError) as exc:
                if not _timed_out(exc):
                    raise SiteUnreachable(f"{_short(url)}: cannot connect ({_reason(exc)}); check the address "
                                          "and your connection") from exc
                raise SiteUnreachable(f"{_short(url)}: no answer within {self.timeout:g} s after retries; "
                                      "the site may be down, try again later") from exc
            except requests.exceptions.RequestException as exc:
                raise FetchError(f"{_short(url)}: request failed ({_reason(exc)})") from exc
            finally:
                self._last = time.monotonic()
                self.requests_made += 1
            if resp.status_code in (301, 302, 303, 307, 308) and resp.headers.get("Location"):
                target = urljoin(resp.url, resp.headers["Location"])
                resp.close()
                if not same_site(target, self.site):
                    raise NotThisSite(f"{_short(url)} redirects to another site ({urlsplit(target).netloc}); "
                                      "refused")
                url, params = target, None
                continue
            return resp, resp.url
        raise FetchError(f"{_short(url)}: too many redirects")

    def _chunks(self, resp: requests.Response, url: str) -> Iterator[bytes]:
        length = resp.headers.get("Content-Length", "")
        if length.isdigit() and int(length) > self.max_bytes:
            raise TooLarge(f"{_short(url)} is {int(length):,} bytes, over the {self.max_bytes:,}-byte cap "
                           "(raise it with --max-bytes)")
        total = 0
        try:
            for chunk in resp.iter_content(chunk_size=1 << 16):
                total += len(chunk)
                if total > self.max_bytes:
                    raise TooLarge(f"{_short(url)} is over the {self.max_bytes:,}-byte cap (raise it with "
                                   "--max-bytes)")
                yield chunk
        except requests.exceptions.RequestException as exc:
            raise FetchError(f"{_short(url)}: the download broke off ({_reason(exc)}); try again later") from exc


def _headers(resp: requests.Response) -> dict[str, str]:
    return {k.lower(): v for k, v in resp.headers.items()}


def _short(url: str, limit: int = 120) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"


def _timed_out(exc: Exception) -> bool:
    inner: BaseException | None = exc
    while inner is not None:
        if isinstance(inner, (urllib3_exceptions.NewConnectionError, ConnectionRefusedError)):
            return False  # refused or no such host (urllib3 2 makes NewConnectionError a ConnectTimeoutError)
        if isinstance(inner, (requests.exceptions.Timeout, urllib3_exceptions.TimeoutError, TimeoutError)):
            return True
        inner = getattr(inner, "reason", None) or inner.__cause__ or inner.__context__
        if inner is not None and not isinstance(inner, BaseException):
            return False
    return False


def _reason(exc: Exception) -> str:
    """The innermost cause of a requests/urllib3 error, on one line."""
    inner: BaseException = exc
    while True:
        nxt = getattr(inner, "reason", None) or inner.__cause__ or inner.__context__
        if nxt is None or nxt is inner or not isinstance(nxt, BaseException):
            break
        inner = nxt
    text = str(inner).splitlines()[0] if str(inner) else type(inner).__name__
    return text[:160]
