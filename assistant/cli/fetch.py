"""`python -m assistant fetch moderngov SITE_URL ...`: the command line over fetch.sync (no fetching logic here)."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

import click

SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$", re.IGNORECASE)


def _date(ctx, param, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; use YYYY-MM-DD, e.g. 2025-01-30") from None


def _size(ctx, param, value: str) -> int:
    m = SIZE_RE.match(str(value))
    if not m:
        raise click.BadParameter(f"'{value}' is not a size; use bytes or e.g. 50MB, 500KB")
    factor = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}[m.group(2).lower()]
    size = int(float(m.group(1)) * factor)
    if size < 1000:
        raise click.BadParameter(f"'{value}' is too small for a document; use e.g. 50MB")
    return size


@click.group()
def fetch() -> None:
    """Fetch committee papers from a council's website into a folder (then `index` it, or use --index)."""


@fetch.command()
@click.argument("site_url")
@click.option("--committee", "committees", multiple=True, metavar="ID_OR_NAME",
              help="Only this committee (id or exact name); repeatable. Default: every current committee.")
@click.option("--since", callback=_date, metavar="YYYY-MM-DD", help="Meetings on or after this date "
              "(default: a year ago).")
@click.option("--until", callback=_date, metavar="YYYY-MM-DD", help="Meetings on or before this date "
              "(default: 90 days ahead, for agendas already published).")
@click.option("--dest", type=click.Path(file_okay=False, path_type=Path),
              help="Folder to keep the papers in (default: source_docs/<council>/).")
@click.option("--organisation", help="The council's name as citations show it (default: from the site's address).")
@click.option("--index", "do_index", is_flag=True, help="Bring the index up to date with the papers afterwards.")
@click.option("--index-dir", type=click.Path(path_type=Path), default=Path("index"), show_default=True,
              help="Folder holding the index (with --index).")
@click.option("--delay", type=click.FloatRange(min=0), default=1.0, show_default=True,
              help="Seconds between requests to the site.")
@click.option("--max-bytes", callback=_size, default="50MB", show_default=True,
              help="Largest document to download (bigger ones are skipped and reported).")
@click.option("--timeout", type=click.FloatRange(min=1), default=30.0, show_default=True,
              help="Seconds to wait for the site before retrying.")
@click.option("--list-committees", is_flag=True, help="Only list the site's committees (id, name) and stop.")
@click.option("--quiet", is_flag=True, help="Only the summary and problems.")
def moderngov(site_url, committees, since, until, dest, organisation, do_index, index_dir, delay, max_bytes,
              timeout, list_committees, quiet):
    """Fetch the papers, minutes and decisions of SITE_URL (a ModernGov site) that are new or changed.

    Each document is saved with a .meta.json sidecar naming its committee, meeting, agenda item and
    decision, so that answers cite e.g. "Cabinet, 30 January 2025, item 7". A state file in the folder
    remembers what was fetched: a rerun asks only for what is new or changed.

    \b
    Examples:
      python -m assistant fetch moderngov https://democracy.kent.gov.uk --committee Cabinet --since 2025-01-01
      python -m assistant fetch moderngov https://democracy.kent.gov.uk --list-committees
      python -m assistant fetch moderngov https://democracy.kent.gov.uk --committee 144 --index
    """
    from ..fetch.http import FetchError, PoliteClient
    from ..fetch.moderngov import NotAnAddress, UnknownCommittee, get_committees, site_base
    from ..fetch.sync import FetchOptions, fetch_moderngov

    if since and until and since > until:
        raise click.UsageError(f"--since {since} is after --until {until}")
    try:
        site_base(site_url)
    except NotAnAddress as exc:  # bad usage, as a misspelt committee is (it had exited 1, tester, round 72)
        raise click.UsageError(str(exc)) from exc
    try:
        if list_committees:
            base = site_base(site_url)
            with PoliteClient(base, delay=delay, timeout=timeout, max_bytes=max_bytes) as client:
                for c in sorted(get_committees(client, base), key=lambda c: c.title.lower()):
                    click.echo(f"{c.id:>6}  {c.title}{'' if c.current else '  (no longer meets)'}")
            return
        opts = FetchOptions(site=site_url, dest=dest, committees=list(committees), since=since, until=until,
                            organisation=organisation, delay=delay, max_bytes=max_bytes, timeout=timeout)
        report = fetch_moderngov(opts, log=(lambda m: None) if quiet else (lambda m: click.echo(m, err=True)))
    except UnknownCommittee as exc:
        raise click.UsageError(str(exc)) from exc
    except (FetchError, ValueError, OSError) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    for line in report.skipped:
        click.echo(f"Skipped: {line}", err=True)
    for line in report.errors:
        click.echo(f"Failed: {line}", err=True)
    click.echo(report.summary())
    skipped = _index(index_dir, report.files) if do_index else 0
    if report.errors:
        sys.exit(1)
    if skipped:  # as `add` exits when it skips a file (a byte-identical copy of one indexed, a broken PDF)
        from .main import EXIT_SKIPPED

        sys.exit(EXIT_SKIPPED)


def _index(index_dir: Path, files: list[Path]) -> int:
    """Add the fetched documents to the index (what else it holds stays), through the ordinary build API; the
    number of them it skipped (each named on stderr)."""
    from ..errors import UsageError
    from ..index.build import add_documents
    from ..index.store import IndexMismatch, IndexNotFound

    if not files:
        click.echo("Index: nothing to add.")
        return 0
    try:
        report = add_documents(index_dir, files, progress=False)
    except UsageError as exc:
        raise click.UsageError(str(exc)) from exc
    except (IndexNotFound, IndexMismatch, ValueError, OSError, RuntimeError) as exc:
        click.echo(f"Error: indexing failed ({exc}); the papers are saved, run `python -m assistant index` "
                   "to try again", err=True)
        sys.exit(1)
    click.echo(report.summary())  # (each skipped paper was named once as it happened, as `add` names them)
    return len(report.failed)
