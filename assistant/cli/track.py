"""CLI commands `commitments`, `findings`, `decisions` and `track`; added to the main group with `register(main)`."""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path

import click

from ..track.text import shared_lead, shortened
from .options import INDEX_OPTION, ORG_OPTION, friendly, orgs_resolved

# a listing's rows are dated by the day each speaks of (a record of decision by the day it was signed, a recited
# decision by its own date, not the agenda pack that reprints it): the dates filter on that day, the one each row shows
_ROW_DATE = ("the date each row shows, which is a decision's own day where its paper gives it, else its document's "
             "date")
SINCE_OPTION = click.option("--since", help=f"Only rows dated on or after YYYY-MM-DD: {_ROW_DATE}.")
UNTIL_OPTION = click.option("--until", help=f"Only rows dated on or before YYYY-MM-DD: {_ROW_DATE}.")


def _json(obj) -> str:
    """``obj`` (records, follow-throughs, a trail) as JSON in one shape: every record carries every field, null
    where not known (the index stores them without the empty ones)."""
    from ..track.items import OPTIONAL

    def every_key(x):
        if isinstance(x, list):
            return [every_key(v) for v in x]
        if isinstance(x, dict):
            x = {k: every_key(v) for k, v in x.items()}
            if "citation" in x and "kind" in x:  # a record
                x = {**x, **{k: None for k in OPTIONAL if k not in x}}
            return x
        return x

    return json.dumps(every_key(obj), ensure_ascii=False, indent=2)


def _print(records, as_json: bool, empty: str, trail: bool = False) -> None:
    from ..track.ledger import once, undated_last

    records = once(records)  # the same words printed on several pages or papers: one row, naming the others
    records = undated_last(records)
    if as_json:
        click.echo(_json([r.to_dict() for r in records]))
        return
    if not records:
        click.echo(empty)
        return
    # a resolution's clauses, each printed with the lead-in they share: the lead-in once, then each clause's own words
    leads: dict[int, str] = {}
    start = 0
    for _, run in groupby(records, key=lambda r: (r.paragraph_id, r.kind)):
        texts = [r.text for r in run]
        if lead := shared_lead(texts):
            leads.update(dict.fromkeys(range(start, start + len(texts)), lead))
        start += len(texts)
    for n, r in enumerate(records):
        if not r.dated and (n == 0 or records[n - 1].dated):
            click.echo("Undated: recounted in papers that do not say when (each paper's date in brackets):")
        extra = []
        if r.kind == "judgement":
            extra.append(f"{r.area}: {r.grade}")
        if r.ref:
            extra.append(f"decision {r.ref}")
        if r.status:
            extra.append(r.status)
        if r.decided and r.decided != r.date:  # the date column gives the decision's own date; this, its paper's
            extra.append(f"paper of {r.date}")
        elif not r.dated:  # recounted by a paper that never says when it was done: before the paper, no day given
            extra.append(f"recounted in a paper of {r.date}")
        if r.who:
            extra.append(f"who: {r.who}")
        if r.due:
            extra.append(f"when: {r.due}")
        if r.also:
            extra.append(f"also: {'; '.join(r.also)}")
        label = r.stage.capitalize() if r.stage and trail else r.label_kind
        head = f"{(r.when if r.dated else '') or '----------':<10}  {label:<16}"
        lead = leads.get(n)
        if lead and leads.get(n - 1) != lead:
            click.echo(f"{head} {lead}")
        text = f"… {shortened(r.text[len(lead):].strip())}" if lead else shortened(r.text)
        click.echo(f"{head} {text}\n{'':28}[{r.label}]{'  (' + '; '.join(extra) + ')' if extra else ''}")


def _check_dates(since: str | None, until: str | None) -> None:
    """Bad --since/--until dates are a usage error (exit 2) with a one-line message."""
    from ..query.filters import Filters

    try:
        Filters(since=since, until=until)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc


def _check_topic(topic: str | None, name: str = "--topic") -> None:
    """A topic given with nothing to match ("", "???") is a usage error, not every record."""
    from ..track.topics import blank, short_topic_line, too_short

    if topic is not None and blank(topic):
        raise click.UsageError(f"Give {name} some words to look for, e.g. 'step-down' or caseloads.")
    if topic is not None and too_short(topic):  # "x" would list every row that prints an X
        raise click.UsageError(short_topic_line(topic, name))


def _load(index_dir: Path):
    from ..track.ledger import load_records

    return load_records(index_dir)


def register(main: click.Group) -> None:
    @main.command()
    @INDEX_OPTION
    @ORG_OPTION
    @click.option("--topic", help="Topic, e.g. caseloads or 'step-down'.")
    @SINCE_OPTION
    @UNTIL_OPTION
    @click.option("--kind", "kinds", multiple=True, type=click.Choice(["commitment", "recommendation", "decision"]),
                  help="Only these kinds (default: all three).")
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON array of records.")
    @friendly
    def commitments(index_dir, orgs, topic, since, until, kinds, as_json):
        """Commitments, recommendations and decisions in committee papers, each with its citation.

        \b
        Examples:
          python -m assistant commitments --org medway --topic caseloads
          python -m assistant commitments --since 2024-01-01 --json
        """
        from ..track.ledger import defined_terms
        from ..track.timeline import select_dated

        _check_dates(since, until)
        _check_topic(topic)
        records, data = _load(index_dir)
        if (orgs := orgs_resolved(orgs, data.docs, json_empty="[]" if as_json else None)) is None:
            return
        # each row dated as `track` and `decisions` date it (a reprinted decision report's by its decision's day)
        chosen = select_dated(data, records, kinds=kinds or ("commitment", "recommendation", "decision"), orgs=orgs,
                              topic=topic, since=since, until=until, defined=defined_terms(data) if topic else None)
        _print(chosen, as_json, "No commitments match (check --org, --topic and the dates).")

    @main.command()
    @INDEX_OPTION
    @ORG_OPTION
    @click.option("--topic", help="Topic, e.g. 'management oversight'.")
    @SINCE_OPTION
    @UNTIL_OPTION
    @click.option("--kind", "kinds", multiple=True, type=click.Choice(["judgement", "improvement_item", "finding"]),
                  help="Only these kinds (default: all three).")
    @click.option("--follow-through", "follow", is_flag=True,
                  help="For each improvement item, list later paragraphs that address it (loads the model).")
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON array of records.")
    @friendly
    def findings(index_dir, orgs, topic, since, until, kinds, follow, as_json):
        """Ofsted judgements, 'what needs to improve' items and findings, each with its citation.

        \b
        Examples:
          python -m assistant findings --org medway --kind judgement
          python -m assistant findings --org medway --kind improvement_item --follow-through
        """
        from ..track.ledger import defined_terms, select

        _check_dates(since, until)
        _check_topic(topic)
        records, data = _load(index_dir)
        # Ofsted's reports are the council's whatever its name is written as ("Kent County Council": Kent's)
        if (orgs := orgs_resolved(orgs, data.docs, json_empty="[]" if as_json else None, inspections=True)) is None:
            return
        chosen = select(records, kinds=kinds or ("judgement", "improvement_item", "finding"), orgs=orgs, topic=topic,
                        since=since, until=until, defined=defined_terms(data) if topic else None)
        if not follow:
            _print(chosen, as_json, "No findings match (check --org, --topic and the dates).")
            return
        from ..api import Assistant
        from ..records import citation_label
        from ..track.timeline import follow_through

        assistant = Assistant.load(index_dir)
        results = [follow_through(assistant.retriever, r) for r in chosen if r.kind == "improvement_item"]
        if as_json:
            click.echo(_json([f.to_dict() for f in results]))
            return
        for n, f in enumerate(results):
            click.echo(f"{f.item.date}  {f.item.text}\n{'':12}[{f.item.label}]")
            if f.no_later_papers:  # said once, after the last of its report's items
                if n + 1 == len(results) or results[n + 1].item.doc != f.item.doc:
                    click.echo(f.note)
                continue
            if not f.later:
                click.echo(f"{'':12}{f.note}")
            for h in f.nearest:
                click.echo(f"{'':12}The closest, which may not take it up: {h.meta.date}: {h.paragraph.text[:200]} "
                           f"[{citation_label(h.paragraph, h.meta)}]")
            for h in f.later:
                click.echo(f"{'':12}{h.meta.date}: {h.paragraph.text[:200]} [{citation_label(h.paragraph, h.meta)}]")

    @main.command()
    @INDEX_OPTION
    @click.option("--ref", help="A decision reference, e.g. 24/00093 (or 24-00093): list everything indexed about it, "
                  "oldest first.")
    @ORG_OPTION
    @click.option("--topic", help="Without --ref: decisions about this topic, e.g. 'family hubs'.")
    @SINCE_OPTION
    @UNTIL_OPTION
    @click.option("--json", "as_json", is_flag=True, help="Print JSON (a trail: {ref, items}; else an array).")
    @friendly
    def decisions(index_dir, ref, orgs, topic, since, until, as_json):
        """Decisions in committee papers, or with --ref one decision's trail: proposal, committee recommendation,
        call-in, executive response, resolution and minutes, oldest first, each cited.

        \b
        Examples:
          python -m assistant decisions --topic "family hubs"
          python -m assistant decisions --ref 24/00093
        """
        from ..track.timeline import decisions_on, select_dated
        from ..track.ledger import undated_last
        from ..track.trail import decision_trail, typed_ref

        _check_dates(since, until)
        _check_topic(topic)
        if ref is not None:  # a reference as the app's subject box reads one: "hello" is no decision's
            if not (found := typed_ref(ref)):  # 24/00093, or 24-00093 as a file name prints it
                raise click.UsageError(f"--ref takes a decision reference such as 24/00093, not {ref!r} (for "
                                       "decisions about a subject, use --topic).")
            ref = found
            if topic is not None:  # a trail lists everything about its decision: said, not silently dropped
                click.echo(f"--topic is ignored with --ref: decision {ref}'s trail lists every statement about it.",
                           err=True)
        records, data = _load(index_dir)
        empty = json.dumps({"ref": ref, "items": []} if ref else [])
        if (orgs := orgs_resolved(orgs, data.docs, json_empty=empty if as_json else None)) is None:
            return
        if ref:
            result = decision_trail(data, ref, orgs)
            found = list(result.items)  # before the dates: what the reference has under --org
            if since or until:
                result.items = [r for r in result.items if r.dated and (not since or r.when >= since) and
                                (not until or r.when[:10] <= until)]
            result.items = undated_last(result.items)
            if as_json:
                click.echo(_json(result.to_dict()))
                return
            if result.items:
                click.echo(f"Decision {result.ref}: {len(result.items)} indexed statements, oldest first.")
            _print(result.items, False, _no_trail(data, ref, orgs, found), trail=True)
            return
        # about a topic: as `track` finds them, so the two commands agree on what was decided about it
        chosen = decisions_on(data, topic, orgs, since, until) if topic else select_dated(
            data, records, kinds=("decision",), orgs=orgs, since=since, until=until)
        _print(chosen, as_json, "No decisions match (check --org, --topic and the dates).")

    @main.command()
    @click.argument("topic")
    @INDEX_OPTION
    @ORG_OPTION
    @SINCE_OPTION
    @UNTIL_OPTION
    @click.option("--json", "as_json", is_flag=True, help="Print a JSON array of records, oldest first.")
    @friendly
    def track(topic, index_dir, orgs, since, until, as_json):
        """TOPIC's timeline across documents, oldest first: findings, commitments and later progress, each cited.

        \b
        Example:
          python -m assistant track "step-down" --org medway
        """
        from ..index.store import load_index
        from ..track.timeline import track as build

        _check_dates(since, until)
        _check_topic(topic, "TOPIC")
        data = load_index(index_dir, with_vectors=False)
        if (orgs := orgs_resolved(orgs, data.docs, json_empty="[]" if as_json else None)) is None:
            return
        _print(build(data, topic, orgs, since, until), as_json, f"Nothing about {topic!r} was found.")


def _no_trail(data, ref: str, orgs: list[str], found: list) -> str:
    """Why a decision reference lists nothing: its statements under --org (``found``) fall outside --since/--until,
    or its papers are another council's than --org's, or nothing indexed mentions it."""
    from ..track.trail import decision_trail

    if found:
        return (f"Decision {ref} has {len(found)} indexed statements, none between --since and --until (the "
                f"decision's statements are dated {found[0].when[:10]} to {found[-1].when[:10]}): widen the dates.")
    if orgs and (anywhere := decision_trail(data, ref, []).items):
        whose = " and ".join(sorted({r.organisation or r.org_slug or "" for r in anywhere} - {""}))
        return f"Decision {ref} is in the papers of {whose}, not of the --org given: drop --org or set it to that council."
    return f"Nothing indexed mentions decision {ref!r} (check the reference, e.g. 24/00093)."
