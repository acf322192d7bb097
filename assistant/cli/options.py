"""Options and error handling shared by every command: --index-dir, the filters, --no-wait, and the wrapper that
turns known problems into one-line messages."""

from __future__ import annotations

import os
import re
import sys
from functools import wraps
from pathlib import Path

import click

INDEX_OPTION = click.option("--index-dir", type=click.Path(path_type=Path), default=Path("index"), show_default=True,
                            help="Folder holding the index.")


def _named(ctx, param, values):
    """--org given blank ("", "  ") names no council: a usage error, not every organisation."""
    if any(not re.sub(r"[\W_]+", "", v or "") for v in values):
        raise click.UsageError("Give --org a council's name, e.g. medway or 'Kent County Council' (a blank --org "
                               "names no organisation; leave it out for all of them).", ctx=ctx)
    return values


ORG_OPTION = click.option("--org", "orgs", multiple=True, callback=_named,
                          help="Organisation, e.g. medway or 'Kent County Council'.")
SINCE_OPTION = click.option("--since", help="Only documents dated on or after YYYY-MM-DD.")
UNTIL_OPTION = click.option("--until", help="Only documents dated on or before YYYY-MM-DD.")
NO_WAIT_OPTION = click.option("--no-wait", is_flag=True,
                              help="If another process is writing the index, exit 1 at once instead of waiting.")


def filter_options(f):
    f = ORG_OPTION(f)
    f = click.option("--type", "doc_types", multiple=True,
                     type=click.Choice(["ofsted-inspection", "committee-report", "minutes", "other"]),
                     help="Document type.")(f)
    f = click.option("--committee", "committees", multiple=True, help="Committee name, e.g. Cabinet.")(f)
    f = SINCE_OPTION(f)
    f = UNTIL_OPTION(f)
    f = click.option("--doc", "docs", multiple=True, help="Only this document (file name); repeatable.")(f)
    return f


def filters_of(orgs, doc_types, committees, since, until, docs):
    from ..query.filters import Filters

    try:
        return Filters(orgs=list(orgs), doc_types=list(doc_types), committees=list(committees), since=since,
                       until=until, docs=list(docs))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


def orgs_resolved(orgs, docs, *, json_empty: str | None = None, inspections: bool = False) -> list[str] | None:
    """The --org values resolved against the council list and the indexed documents (query/orgs.py: "KCC" is
    Kent's). A name no council goes by is a usage error; a known council with nothing indexed is said in one line.
    None when the values select nothing at all: that line was printed in place of an empty list (with --json,
    ``json_empty``, the empty result, was printed and the line went to stderr)."""
    from ..query.orgs import resolve_orgs

    choice = resolve_orgs(orgs, docs, inspections=inspections)
    if problem := choice.not_known():
        raise click.UsageError(problem)
    note = choice.not_indexed()
    if note and choice.selects_nothing:
        click.echo(note, err=json_empty is not None)
        if json_empty is not None:
            click.echo(json_empty)
        return None
    if note:
        click.echo(f"Note: {note}", err=True)
    return choice.orgs


def friendly(fn):
    """Known problems become one-line messages (exit 1), not tracebacks. Output cut short by the reader
    (``... | head``) ends quietly."""
    @wraps(fn)
    def wrapper(*args, **kwargs):
        from ..errors import UsageError
        from ..index.lock import IndexBusy
        from ..index.store import IndexDamaged, IndexMismatch, IndexNotFound

        try:
            result = fn(*args, **kwargs)
            sys.stdout.flush()
            return result
        except UsageError as exc:
            raise click.UsageError(str(exc)) from exc
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # nothing left to flush at exit
            sys.exit(0)
        except (IndexNotFound, IndexMismatch, IndexDamaged, IndexBusy, ValueError, OSError, RuntimeError) as exc:
            click.echo(f"Error: {exc}", err=True)
            sys.exit(1)
    return wrapper
