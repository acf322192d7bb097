"""Keep a folder in step with a council's ModernGov site: committees -> meetings -> agenda items -> papers,
minutes and decisions, each saved with a sidecar naming its meeting and agenda item."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urljoin

from ..councils import slug_for
from ..ingest.files import sha256_of
from .http import FetchError, HTTPStatusError, NotThisSite, PoliteClient, SiteUnreachable, TooLarge, same_site
from .moderngov import (
    AgendaItem,
    BlockedByBotShield,
    Committee,
    LinkedDoc,
    MeetingRef,
    NotModernGov,
    UnknownCommittee,
    choose_committees,
    council_slug,
    get_committees,
    get_meeting,
    get_meetings,
    site_base,
)
from .save import (
    inside,
    minutes_page,
    replace_atomically,
    safe_name,
    sidecar_path,
    suffix_for,
    temp_file,
    write_atomically,
    write_json,
)
from .state import Entry, State, now

FATAL = (BlockedByBotShield, SiteUnreachable, NotModernGov, UnknownCommittee)
DEFAULT_MAX_BYTES = 50_000_000
PAST_DAYS = 365  # default window: meetings of the last year ...
FUTURE_DAYS = 90  # ... and agendas already published for the coming months


@dataclass
class FetchOptions:
    site: str
    dest: Path | None = None
    committees: list[str] = field(default_factory=list)
    since: dt.date | None = None
    until: dt.date | None = None
    organisation: str | None = None
    delay: float = 1.0
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 2.0


@dataclass
class FetchReport:
    dest: Path
    new: list[str] = field(default_factory=list)  # files, relative to dest
    changed: list[str] = field(default_factory=list)
    unchanged: int = 0
    restricted: int = 0
    skipped: list[str] = field(default_factory=list)  # one line each: not fetched on purpose (size, other site)
    errors: list[str] = field(default_factory=list)  # one line each: something went wrong (run exits 1)
    committees: int = 0
    meetings: int = 0
    cancelled: int = 0
    new_in_meetings: set[str] = field(default_factory=set)
    requests: int = 0
    files: list[Path] = field(default_factory=list)  # every document the folder holds from this site

    def summary(self) -> str:
        n_new, n_meet = len(self.new), len(self.new_in_meetings)
        new = f"{n_new} new paper{'s' if n_new != 1 else ''} for {n_meet} meeting{'s' if n_meet != 1 else ''}" \
            if n_new else "No new papers"
        head = f"{new}; {len(self.changed)} changed; {self.unchanged} unchanged"
        bits = [(f"{self.meetings} meeting{'s' if self.meetings != 1 else ''} of {self.committees} "
                 f"committee{'s' if self.committees != 1 else ''} read")]
        if self.cancelled:
            bits.append(f"{self.cancelled} cancelled")
        if self.restricted:
            bits.append(f"{self.restricted} restricted document{'s' if self.restricted != 1 else ''} not requested")
        if self.skipped:
            bits.append(f"{len(self.skipped)} skipped")
        if self.errors:
            bits.append(f"{len(self.errors)} failed")
        return f"{head} ({'; '.join(bits)}). Saved in {self.dest}."


def fetch_moderngov(opts: FetchOptions, log: Callable[[str], None] = print) -> FetchReport:
    """Fetch what is new or changed; raises FetchError (one line) when the run cannot go on. Whatever was saved
    before the problem stays saved and is remembered in the state file."""
    from filelock import FileLock, Timeout

    base = site_base(opts.site)
    # the council's own slug when its name is given ("Manchester City Council" -> its papers filter as manchester),
    # else one from the site's address
    slug = (slug_for(opts.organisation) if opts.organisation else council_slug(base))[:40].strip("-") or "council"
    dest = Path(opts.dest) if opts.dest else Path("source_docs") / slug
    today = dt.date.today()
    since = opts.since or today - dt.timedelta(days=PAST_DAYS)
    until = opts.until or today + dt.timedelta(days=FUTURE_DAYS)
    if since > until:
        raise ValueError(f"--since {since} is after --until {until}")
    created = not dest.exists()
    dest.mkdir(parents=True, exist_ok=True)
    try:
        lock = FileLock(str(dest / ".moderngov.lock"), timeout=0)
        lock.acquire()
    except Timeout:
        raise FetchError(f"Another fetch is writing to {dest}; wait for it to finish") from None
    failed = True
    try:
        report = _fetch_into(opts, base, slug, dest, since, until, log)
        failed = False
        return report
    finally:
        lock.release()
        if failed and created and not any(not p.name.startswith(".") for p in dest.iterdir()):
            shutil.rmtree(dest, ignore_errors=True)  # a folder this run made and saved nothing in is not left


def _fetch_into(opts: FetchOptions, base: str, slug: str, dest: Path, since: dt.date, until: dt.date,
                log: Callable[[str], None]) -> FetchReport:
    """The fetch itself, with ``dest``'s lock held."""
    state = State.load(dest)
    if state.site and state.site != base:
        raise FetchError(f"{dest} holds papers fetched from {state.site}; give another --dest for {base}")
    state.site = base
    with PoliteClient(base, delay=opts.delay, timeout=opts.timeout, retries=opts.retries,
                      backoff=opts.backoff, max_bytes=opts.max_bytes) as client:
        run = _Run(opts, base, slug, dest, state, client, log)
        try:
            run.all(since, until)
        finally:
            state.last_run = now()
            state.save(dest)
            run.report.requests = client.requests_made
            run.report.files = [dest / e.file for e in state.documents.values()
                                if e.file and (dest / e.file).is_file()]
    return run.report


class _Run:
    def __init__(self, opts: FetchOptions, base: str, slug: str, dest: Path, state: State, client: PoliteClient,
                 log: Callable[[str], None]) -> None:
        from ..ingest.metadata import org_display_name

        self.opts, self.base, self.slug, self.dest, self.state, self.client = opts, base, slug, dest, state, client
        self.log = log
        self.organisation = opts.organisation or org_display_name(slug)
        self.report = FetchReport(dest=dest)
        self.done: set[str] = set()  # attachments seen in this run (a paper can be linked from several items)

    def all(self, since: dt.date, until: dt.date) -> None:
        committees = choose_committees(get_committees(self.client, self.base), self.opts.committees)
        self.report.committees = len(committees)
        for committee in committees:
            try:
                meetings = get_meetings(self.client, self.base, committee, since, until)
            except FATAL:
                raise
            except FetchError as exc:
                self._error(f"Committee {committee.title} ({committee.id}): {exc}")
                continue
            self.log(f"{committee.title}: {len(meetings)} meeting{'s' if len(meetings) != 1 else ''} "
                     f"from {since} to {until}")
            for ref in meetings:
                try:
                    self.meeting(ref)
                except FATAL:
                    raise
                except FetchError as exc:
                    self._error(f"Meeting {ref.id} ({committee.title}, {ref.date or 'no date'}): {exc}")

    def meeting(self, ref: MeetingRef) -> None:
        meeting = get_meeting(self.client, self.base, ref.id)
        self.report.meetings += 1
        ctx = _Context(committee=ref.committee, meeting_id=ref.id, date=meeting.date or ref.date,
                       status=meeting.status or ref.status)
        self.state.meetings[ref.id] = {"date": ctx.date, "status": ctx.status, "committee_id": ref.committee.id}
        if (ctx.status or "").lower() == "cancelled":
            self.report.cancelled += 1
        for doc in meeting.documents:
            self.paper(ctx, None, doc)
        for item in meeting.items:
            for doc in item.documents:
                self.paper(ctx, item, doc)
            if not item.display_allowed:
                continue
            for kind, body in (("minutes", item.minutes_html), ("decision", item.decision_html)):
                if body:
                    self.text(ctx, item, kind, body)

    # ---------------------------------------------------------------- linked papers

    def paper(self, ctx: _Context, item: AgendaItem | None, doc: LinkedDoc) -> None:
        if doc.restricted or (item is not None and item.restricted):
            self.report.restricted += 1
            return
        key = f"a{doc.attachment_id}"
        entry = self.state.documents.get(key)
        if entry is not None and entry.meeting_id != ctx.meeting_id and entry.file and \
                (self.dest / entry.file).is_file():
            return  # the same paper linked again from another meeting: it stays with the meeting it came with
        if key in self.done:
            return  # linked from two items of this meeting: fetched once
        self.done.add(key)
        url = urljoin(self.base, doc.url)
        if not same_site(url, self.base):
            self.report.skipped.append(f"{doc.title}: a link to another site ({url}); not fetched")
            return
        if doc.is_url:
            self.report.skipped.append(f"{doc.title}: a web page link, not a document ({url}); not fetched")
            return
        meta = self._sidecar(ctx, item, title=doc.title, is_decision=bool(doc.is_decision or (item and
                             item.is_decision)), attachment_id=doc.attachment_id, source_url=url,
                             published=doc.published)
        label = f"{doc.title} (meeting {ctx.meeting_id}, attachment {doc.attachment_id})"
        try:
            if entry is not None and self._unchanged(entry, url, doc):
                self._kept(entry, meta)
                return
            self._download(key, entry, url, doc, ctx, meta, label)
        except (BlockedByBotShield, SiteUnreachable):
            raise
        except (TooLarge, NotThisSite) as exc:
            self.report.skipped.append(f"{label}: {exc}")
        except FetchError as exc:
            self._error(f"{label}: {exc}")

    def _unchanged(self, entry: Entry, url: str, doc: LinkedDoc) -> bool:
        """Whether a document fetched before is the same now, asking the server as little as possible."""
        if entry.file and not (self.dest / entry.file).is_file():
            return False  # deleted by hand: fetch it again
        if doc.published and entry.published and doc.published != entry.published:
            return False  # republished
        if entry.etag or entry.last_modified:
            return False  # let the conditional GET decide (304 = unchanged)
        resp = self.client.head(url)
        length = resp.headers.get("content-length", "")
        if resp.status == 200 and length.isdigit() and entry.size is not None:
            return int(length) == entry.size
        return resp.status == 200 or resp.status == 405  # no way to tell without downloading: keep what we have

    def _download(self, key: str, entry: Entry | None, url: str, doc: LinkedDoc, ctx: _Context, meta: dict,
                  label: str) -> None:
        headers = {}
        if entry is not None and entry.file and (self.dest / entry.file).is_file() and not (
                doc.published and entry.published and doc.published != entry.published):
            if entry.etag:
                headers["If-None-Match"] = entry.etag
            if entry.last_modified:
                headers["If-Modified-Since"] = entry.last_modified
        folder = self.dest / _meeting_folder(ctx.meeting_id)
        tmp = temp_file(folder)
        try:
            resp = self.client.download(url, tmp, headers=headers)
            if resp.status == 304 and entry is not None:
                self._kept(entry, meta)
                return
            if resp.status != 200:
                _stop_if_refused(resp, url)
                raise HTTPStatusError(f"HTTP {resp.status}", resp.status)
            sha = sha256_of(tmp)
            size = tmp.stat().st_size
            fresh = Entry(file="", meeting_id=ctx.meeting_id, url=url, size=size, sha256=sha,
                          etag=resp.headers.get("etag"), last_modified=resp.headers.get("last-modified"),
                          published=doc.published, fetched_at=now())
            if entry is not None and entry.sha256 == sha and (not entry.file or (self.dest / entry.file).is_file()):
                fresh.file = entry.file  # the server ignored the conditional GET, but nothing changed
                self.state.documents[key] = fresh
                self._kept(entry, meta)
                return
            suffix = suffix_for(resp.content_type, tmp)
            if suffix is None:
                self.state.documents[key] = fresh  # remembered, so that it is not downloaded again unchanged
                self.report.skipped.append(f"{label}: not a PDF or Word document ({resp.content_type or 'no type'})")
                return
            name = safe_name(self.slug, f"m{ctx.meeting_id}", f"a{doc.attachment_id}", suffix=suffix)
            path = folder / name
            if not inside(self.dest, path):  # cannot happen with id-only names; kept as a guard
                raise FetchError(f"refused to write outside {self.dest}")
            write_json(sidecar_path(path), meta)  # the sidecar first: the paper is never indexed without it
            replace_atomically(tmp, path)
        finally:
            tmp.unlink(missing_ok=True)
        fresh.file = path.relative_to(self.dest).as_posix()
        self._replaced(entry, fresh)
        self.state.documents[key] = fresh
        self._saved(entry, fresh.file, ctx)

    # ---------------------------------------------------------------- minutes and decisions

    def text(self, ctx: _Context, item: AgendaItem, kind: str, body: str) -> None:
        item_id = item.id if item.id.isdigit() else hashlib.sha1(item.title.encode()).hexdigest()[:8]
        key = f"m{ctx.meeting_id}-i{item_id}-{kind}"
        title = kind.capitalize() if item.title.lower() == kind else f"{kind.capitalize()}: {item.title}"
        content = minutes_page(kind.capitalize(), ctx.describe(item), title, body)
        sha = hashlib.sha256(content).hexdigest()
        meta = self._sidecar(ctx, item, title=title, is_decision=kind == "decision" or item.is_decision,
                             doc_type="minutes", source_url=self._meeting_page(ctx))
        entry = self.state.documents.get(key)
        path = self.dest / _meeting_folder(ctx.meeting_id) / safe_name(
            self.slug, f"m{ctx.meeting_id}", f"i{item_id}", kind, suffix=".html")
        write_json(sidecar_path(path), meta)
        if entry is not None and entry.sha256 == sha and path.is_file():
            self.report.unchanged += 1
            return
        write_atomically(path, content)
        fresh = Entry(file=path.relative_to(self.dest).as_posix(), meeting_id=ctx.meeting_id, size=len(content),
                      sha256=sha, fetched_at=now())
        self._replaced(entry, fresh)
        self.state.documents[key] = fresh
        self._saved(entry, fresh.file, ctx)

    # ---------------------------------------------------------------- helpers

    def _sidecar(self, ctx: _Context, item: AgendaItem | None, **fields) -> dict:
        meta = {
            "organisation": self.organisation, "org_slug": self.slug, "committee": ctx.committee.title,
            "committee_id": ctx.committee.id, "date": ctx.date, "meeting_id": ctx.meeting_id,
            "meeting_status": ctx.status, "agenda_item": item.number if item else None,
            "agenda_title": item.title if item else None, **fields,
        }
        return {k: v for k, v in meta.items() if v is not None}

    def _meeting_page(self, ctx: _Context) -> str:
        """The meeting's page on the site, where its minutes and decisions are published (ModernGov's
        ``ieListDocuments.aspx?CId=…&MId=…``): the source of text taken from the web service, which has no file."""
        return urljoin(self.base, f"ieListDocuments.aspx?CId={quote(ctx.committee.id)}&MId={quote(ctx.meeting_id)}")

    def _kept(self, entry: Entry, meta: dict) -> None:
        """An unchanged document: its sidecar still follows the meeting (status, titles may change)."""
        self.report.unchanged += 1
        if entry.file:
            write_json(sidecar_path(self.dest / entry.file), meta)

    def _replaced(self, old: Entry | None, new: Entry) -> None:
        """A document saved under a new name (e.g. a Word file republished as PDF): the old copy goes."""
        if old is not None and old.file and old.file != new.file:
            for p in (self.dest / old.file, sidecar_path(self.dest / old.file)):
                if inside(self.dest, p):
                    p.unlink(missing_ok=True)

    def _saved(self, old: Entry | None, file: str, ctx: _Context) -> None:
        if old is None or not old.file:
            self.report.new.append(file)
            self.report.new_in_meetings.add(ctx.meeting_id)
        else:
            self.report.changed.append(file)
        self.state.save(self.dest)  # after every document: an interrupted run keeps what it saved
        self.log(f"{'New' if old is None or not old.file else 'Changed'}: {file}")

    def _error(self, line: str) -> None:
        self.report.errors.append(line)
        self.log(f"Problem: {line}")


@dataclass(frozen=True)
class _Context:
    committee: Committee
    meeting_id: str
    date: str | None
    status: str | None

    def describe(self, item: AgendaItem | None) -> str:
        from ..records import long_date

        parts = [self.committee.title]
        if self.date:
            parts.append(long_date(self.date))
        text = ", ".join(parts)
        if item is not None:
            text += f", item {item.number}: {item.title}" if item.number else f": {item.title}"
        return text


def _meeting_folder(meeting_id: str) -> str:
    return safe_name(f"meeting-{meeting_id}")


def _stop_if_refused(resp, url: str) -> None:
    """A bot shield's page (403/429/503 with HTML) stops the run: asking again would only be refused again."""
    if resp.status in (401, 403, 429, 503):
        raise BlockedByBotShield(
            f"{url} answered HTTP {resp.status}: the site is refusing automated requests (a bot shield); try "
            "again later or ask the council to allow this User-Agent. Nothing already fetched was lost.")


