"""The ModernGov web service (``<site>/mgWebService.asmx/<Operation>``, plain HTTP GET answering XML):
committees, meetings, and each meeting's agenda items with their linked documents, minutes and decisions."""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit, urlunsplit
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from .http import FetchError, PoliteClient

SERVICE = "mgWebService.asmx"
ID_RE = re.compile(r"^\d{1,12}$")
HOST_NOISE = {"www", "democracy", "democratic", "moderngov", "modgov", "mgov", "committees", "committee",
              "meetings", "council", "councillors", "decisions", "cmis", "papers", "services", "public", "online",
              "minutes", "democraticservices", "governance"}
HOST_SUFFIXES = ("gov.uk", "org.uk", "co.uk", "ac.uk", "gov.wales", "llyw.cymru", "gov.scot", "com", "org", "net",
                 "uk", "wales", "cymru", "scot", "local", "localhost")


class NotModernGov(FetchError):
    """The site does not answer the ModernGov web service."""


class BlockedByBotShield(FetchError):
    """HTML (often with 403) where the web service's XML was expected."""


class BadXML(FetchError):
    """The web service answered something that is not well-formed XML of the expected shape."""


class UnknownCommittee(FetchError):
    """A --committee that names no committee of the site."""


@dataclass(frozen=True)
class Committee:
    id: str
    title: str
    deleted: bool = False
    expired: bool = False
    category: str | None = None

    @property
    def current(self) -> bool:
        return not (self.deleted or self.expired)


@dataclass(frozen=True)
class MeetingRef:
    """A meeting as GetMeetings lists it."""

    id: str
    date: str | None  # YYYY-MM-DD
    status: str | None
    committee: Committee


@dataclass(frozen=True)
class LinkedDoc:
    attachment_id: str
    title: str
    url: str
    restricted: bool
    is_url: bool
    published: str | None  # YYYY-MM-DD
    is_decision: bool = False


@dataclass(frozen=True)
class AgendaItem:
    id: str
    number: str | None  # as printed: "7", "7a", "7.1"
    title: str
    is_decision: bool
    restricted: bool
    display_allowed: bool
    minutes_html: str | None
    decision_html: str | None
    documents: list[LinkedDoc] = field(default_factory=list)


@dataclass(frozen=True)
class Meeting:
    id: str
    date: str | None
    status: str | None
    items: list[AgendaItem]
    documents: list[LinkedDoc]  # linked to the meeting rather than to one item (front sheet, packs)


# ---------------------------------------------------------------- the site


class NotAnAddress(FetchError):
    """The site given is not an http(s) address: bad usage, said before anything is fetched."""


def site_base(url: str) -> str:
    """The folder holding ``mgWebService.asmx``: ``https://democracy.kent.gov.uk/mgListCommittees.aspx?X=1`` ->
    ``https://democracy.kent.gov.uk/``. Raises NotAnAddress for something that is not an http(s) address."""
    raw = url.strip()
    if "://" not in raw:
        raw = "https://" + raw
    parts = urlsplit(raw)
    host = parts.hostname or ""
    if parts.scheme not in ("http", "https") or not host or "." not in host and ":" not in host \
            and host != "localhost":  # "not-a-url" is no site's address
        raise NotAnAddress(f"{url!r} is not a web address; give the council's ModernGov site, "
                         "e.g. https://democracy.kent.gov.uk")
    path = parts.path
    low = path.lower()
    if SERVICE.lower() in low:
        path = path[: low.index(SERVICE.lower())]
    elif "." in path.rsplit("/", 1)[-1]:  # a page such as mgListCommittees.aspx or ieDocHome.aspx
        path = path.rsplit("/", 1)[0] + "/"
    if not path.endswith("/"):
        path += "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def council_slug(site: str) -> str:
    """A short folder name for a site: ``https://democracy.manchester.gov.uk`` -> ``manchester``."""
    host = (urlsplit(site).hostname or "").lower()
    if re.fullmatch(r"[\d.]+|\[?[0-9a-f:]+\]?", host):
        return "site-" + re.sub(r"[^a-z0-9]+", "-", host).strip("-")
    for suffix in HOST_SUFFIXES:
        if host.endswith("." + suffix):
            host = host[: -len(suffix) - 1]
            break
    labels = [x for x in host.split(".") if x and x not in HOST_NOISE]
    slug = re.sub(r"[^a-z0-9]+", "-", labels[-1] if labels else host).strip("-")
    return slug or "council"


# ---------------------------------------------------------------- web-service calls


def get_committees(client: PoliteClient, base: str) -> list[Committee]:
    root = call(client, base, "GetCommittees", {"lDays": "0"}, "committees", first=True)
    out = []
    for c in root.iter("committee"):
        cid, title = _text(c, "committeeid"), clean_text(_text(c, "committeetitle"))
        if cid and ID_RE.match(cid) and title:
            out.append(Committee(cid, title, _bool(c, "committeedeleted"), _bool(c, "committeeexpired"),
                                 clean_text(_text(c, "committeecategory")) or None))
    return out


def get_meetings(client: PoliteClient, base: str, committee: Committee, since: dt.date,
                 until: dt.date) -> list[MeetingRef]:
    root = call(client, base, "GetMeetings", {"lCommitteeId": committee.id, "sFromDate": since.strftime("%d/%m/%Y"),
                                              "sToDate": until.strftime("%d/%m/%Y")}, "getmeetings")
    out = []
    for m in root.iter("meeting"):
        mid = _text(m, "meetingid")
        if not (mid and ID_RE.match(mid)):
            continue
        date = uk_date(_text(m, "meetingdate"))
        if date and not (since.isoformat() <= date <= until.isoformat()):
            continue  # some sites ignore the dates asked for
        out.append(MeetingRef(mid, date, clean_text(_text(m, "meetingstatus")) or None, committee))
    return out


def get_meeting(client: PoliteClient, base: str, meeting_id: str) -> Meeting:
    root = call(client, base, "GetMeeting", {"lMeetingId": meeting_id}, "meeting")
    items = []
    for it in root.findall("./agendaitems/agendaitem"):
        number = (_text(it, "fulldisplaynumberformat") or "").strip().rstrip(".").strip()
        if not number:
            number = "".join(x for x in (_text(it, "agendaitemnumber"), _text(it, "agendaitemsubnumber")) if x)
        items.append(AgendaItem(
            id=_text(it, "agendaitemid") or "", number=clean_text(number) or None,
            title=clean_text(_text(it, "agendaitemtitle")) or "Untitled item",
            is_decision=_bool(it, "isdecision"), restricted=_bool(it, "isrestricted"),
            display_allowed=_bool(it, "isdisplayallowed", default=True),
            minutes_html=(_text(it, "minutesnonemptyhtmlbody") or "").strip() or None,
            decision_html=(_text(it, "decisionnonemptyhtmlbody") or "").strip() or None,
            documents=[d for d in map(_linked, it.findall("./linkeddocuments/linkeddoc")) if d],
        ))
    return Meeting(id=_text(root, "meetingid") or meeting_id, date=uk_date(_text(root, "meetingdate")),
                   status=clean_text(_text(root, "meetingstatus")) or None, items=items,
                   documents=[d for d in map(_linked, root.findall("./linkeddocuments/linkeddoc")) if d])


def call(client: PoliteClient, base: str, operation: str, params: dict, root_tag: str, first: bool = False
         ) -> Element:
    """One web-service GET, its XML parsed; every way it can go wrong becomes a one-line FetchError."""
    url = urljoin(base, f"{SERVICE}/{operation}")
    resp = client.get(url, params=params, accept="text/xml, application/xml")
    head = resp.body[:2048].lstrip().lower()
    looks_html = resp.content_type in ("text/html", "application/xhtml+xml") or head.startswith(
        (b"<!doctype html", b"<html")) or b"<html" in head[:300]
    site = urlsplit(base).netloc
    if resp.status == 404 and first:
        raise NotModernGov(f"{base} does not look like a ModernGov site (no {SERVICE}: HTTP 404); give the "
                           "address of the council's committee site, e.g. https://democracy.kent.gov.uk")
    if looks_html and resp.status in (401, 403, 429, 503) or (looks_html and resp.status == 200 and not first):
        raise BlockedByBotShield(
            f"{site} answered {operation} with an HTML page (HTTP {resp.status}) instead of XML: the site is "
            "refusing automated requests (a bot shield); try again later or ask the council to allow this "
            "User-Agent. Nothing already fetched was lost.")
    if looks_html and resp.status == 200:
        raise NotModernGov(f"{base} answered {SERVICE}/{operation} with an HTML page, not XML: it does not look "
                           "like a ModernGov site; give the address of the council's committee site")
    if resp.status != 200:
        if first and resp.status in (400, 405):
            raise NotModernGov(f"{base} does not answer the ModernGov web service ({operation}: HTTP "
                               f"{resp.status}); check the address")
        raise FetchError(f"{site}: {operation} failed with HTTP {resp.status}; try again later. Nothing already "
                         "fetched was lost.")
    try:
        root = fromstring(resp.body)
        if _local(root.tag) == "string" and (root.text or "").lstrip().startswith("<"):
            root = fromstring((root.text or "").strip().encode("utf-8"))  # ASP.NET's <string> wrapper
    except (ParseError, DefusedXmlException, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BadXML(f"{site}: {operation} answered malformed XML ({reason}); the site may be having problems, "
                     "try again later. Nothing already fetched was lost.") from exc
    if _local(root.tag) != root_tag:
        raise BadXML(f"{site}: {operation} answered XML without <{root_tag}> (got <{_local(root.tag)}>); "
                     "is this a ModernGov site?")
    return root


# ---------------------------------------------------------------- choosing committees


def choose_committees(committees: list[Committee], wanted: list[str]) -> list[Committee]:
    """The committees named (by id or title, case-insensitively), or every current one when none is named.
    Raises UnknownCommittee listing close matches."""
    if not wanted:
        return [c for c in committees if c.current]
    by_id = {c.id: c for c in committees}
    by_title: dict[str, Committee] = {}
    for c in committees:  # a current committee wins over an expired one of the same name
        key = _key(c.title)
        if key not in by_title or (c.current and not by_title[key].current):
            by_title[key] = c
    out: list[Committee] = []
    for name in wanted:
        c = by_id.get(name.strip()) or by_title.get(_key(name))
        if c is None:
            titles = [x.title for x in committees]
            close = difflib.get_close_matches(name, titles, n=5, cutoff=0.5) or \
                [t for t in titles if _key(name) in _key(t)][:5]
            hint = f"close matches: {'; '.join(close)}" if close else \
                "run with --list-committees to see them"
            raise UnknownCommittee(f"No committee called {name!r} on this site ({hint})")
        if c not in out:
            out.append(c)
    return out


# ---------------------------------------------------------------- values


def uk_date(value: str | None) -> str | None:
    """``10/02/2026`` -> ``2026-02-10``; None when empty or invalid."""
    m = re.match(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
    except ValueError:
        return None


def clean_text(value: str | None, limit: int = 300) -> str:
    """One line of display text: control and format characters removed, whitespace collapsed, length capped."""
    if not value:
        return ""
    kept = "".join(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else
                   "" if unicodedata.category(ch) in ("Cf", "Co", "Cs") else ch for ch in value)
    text = " ".join(kept.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _linked(el: Element) -> LinkedDoc | None:
    aid = (_text(el, "attachmentid") or "").strip()
    url = (_text(el, "url") or "").strip()
    if not ID_RE.match(aid) or not url:
        return None
    return LinkedDoc(attachment_id=aid, title=clean_text(_text(el, "title")) or f"Document {aid}", url=url,
                     restricted=_bool(el, "isrestricted"), is_url=_bool(el, "isurl"),
                     published=uk_date(_text(el, "publicationdate")),
                     is_decision=_bool(el, "isdecisionattachment"))


def _text(el: Element, tag: str) -> str | None:
    child = el.find(tag)
    return None if child is None or child.text is None else child.text.strip()


def _bool(el: Element, tag: str, default: bool = False) -> bool:
    value = (_text(el, tag) or "").lower()
    return default if not value else value in ("true", "1", "yes")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _key(text: str) -> str:
    return " ".join(text.lower().split())
