"""A ModernGov-shaped web server on 127.0.0.1 for the fetch tests: real HTTP, routes answered from the fixtures,
every request logged, scripted failures (500s, slow answers, bot pages, redirects), ETag support."""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

DATA = Path(__file__).resolve().parents[1] / "data" / "moderngov"
FIXTURE_HOST = "https://democracy.manchester.gov.uk/"


@dataclass
class Resp:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering (longer than the client's timeout = a timeout)
    etag: bool = False  # answer with an ETag and honour If-None-Match


@dataclass
class Seen:
    method: str
    path: str
    params: dict[str, str]
    headers: dict[str, str]


class Server:
    """``route(path, params, *responses)``: successive requests get successive responses (the last repeats)."""

    def __init__(self) -> None:
        self.routes: list[tuple[str, dict[str, str], list[Resp]]] = []
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                server._answer(self, body=True)

            def do_HEAD(self) -> None:
                server._answer(self, body=False)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def route(self, path: str, params: dict[str, str] | None, *responses: Resp) -> None:
        self.routes.insert(0, (path, params or {}, list(responses)))  # newest route wins

    def requests_to(self, path: str, **params: str) -> list[Seen]:
        return [s for s in self.seen if s.path == path and all(s.params.get(k) == v for k, v in params.items())]

    def _answer(self, h: BaseHTTPRequestHandler, body: bool) -> None:
        parts = urlsplit(h.path)
        params = dict(parse_qsl(parts.query))
        with self._lock:
            self.seen.append(Seen(h.command, parts.path, params, {k.lower(): v for k, v in h.headers.items()}))
            resp = None
            for path, want, responses in self.routes:
                if path == parts.path and all(params.get(k) == v for k, v in want.items()):
                    resp = responses.pop(0) if len(responses) > 1 else responses[0]
                    break
        if resp is None:
            resp = Resp(404, b"<html><body>Not found</body></html>", {"Content-Type": "text/html"})
        if resp.delay:
            time.sleep(resp.delay)
        headers = dict(resp.headers)
        status = resp.status
        payload = resp.body
        if resp.etag:
            tag = '"' + hashlib.sha1(resp.body).hexdigest()[:16] + '"'
            headers["ETag"] = tag
            headers["Last-Modified"] = formatdate(1_700_000_000, usegmt=True)
            if h.headers.get("If-None-Match") == tag:
                status, payload = 304, b""
        try:
            h.send_response(status)
            for k, v in headers.items():
                h.send_header(k, v)
            h.send_header("Content-Length", str(len(payload)))
            h.end_headers()
            if body and payload:
                h.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass


def fixture(name: str, base: str) -> bytes:
    """A fixture's bytes with the council's address replaced by the test server's."""
    return (DATA / name).read_text(encoding="utf-8").replace(FIXTURE_HOST, base).encode("utf-8")


def xml(body: bytes) -> Resp:
    return Resp(200, body, {"Content-Type": "text/xml; charset=utf-8"})


def pdf(name: str) -> Resp:
    return Resp(200, (DATA / name).read_bytes(), {"Content-Type": "application/pdf"}, etag=True)


def linked_doc(attachment_id: str, title: str, url: str, restricted: bool = False, published: str = "02/02/2026"
               ) -> str:
    return (f"<linkeddoc><attachmentid>{attachment_id}</attachmentid><title>{title}</title><isurl>False</isurl>"
            f"<url>{url}</url><isrestricted>{restricted}</isrestricted><publicationdate>{published}"
            "</publicationdate><isdecisionattachment>False</isdecisionattachment></linkeddoc>")


def standard_site(server: Server) -> None:
    """Audit Committee (144): a cancelled meeting (4966) and one with two papers and minutes (4967)."""
    b = server.base
    server.route("/mgWebService.asmx/GetCommittees", None,
                 xml(fixture("manchester_mgwebservice_GetCommittees_sample.xml", b)))
    server.route("/mgWebService.asmx/GetMeetings", {"lCommitteeId": "144"},
                 xml(fixture("manchester_mgwebservice_GetMeetings_audit-committee.xml", b)))
    server.route("/mgWebService.asmx/GetMeeting", {"lMeetingId": "4966"},
                 xml(fixture("manchester_mgwebservice_GetMeeting_4966_cancelled-no-minutes.xml", b)))
    server.route("/mgWebService.asmx/GetMeeting", {"lMeetingId": "4967"},
                 xml(fixture("manchester_mgwebservice_GetMeeting_4967_with-minutes.xml", b)))
    server.route("/mgConvert2PDF.aspx", {"ID": "60860"}, pdf("paper-eqia.pdf"))
    server.route("/mgConvert2PDF.aspx", {"ID": "60909"}, pdf("paper-budget-monitoring.pdf"))


def meeting_with_extra_docs(server: Server, extra: str) -> None:
    """Meeting 4967 with more <linkeddoc>s added to its Work Programme item."""
    body = fixture("manchester_mgwebservice_GetMeeting_4967_with-minutes.xml", server.base).decode("utf-8")
    marker = "</linkeddoc>\n      </linkeddocuments>\n    </agendaitem>\n  </agendaitems>"
    assert marker in body
    body = body.replace(marker, "</linkeddoc>" + extra + "\n      </linkeddocuments>\n    </agendaitem>\n"
                        "  </agendaitems>")
    server.route("/mgWebService.asmx/GetMeeting", {"lMeetingId": "4967"}, xml(body.encode("utf-8")))
