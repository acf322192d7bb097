"""The main command group: index, add, remove, ask, search, docs, eval (also installed as `scrutiny`); the tracker commands
(track.py) and `fetch` are added to it."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .fetch import fetch
from .options import INDEX_OPTION, NO_WAIT_OPTION, ORG_OPTION, filter_options, filters_of, friendly, orgs_resolved
from .track import register as register_tracker

EXIT_SKIPPED = 3  # the index was updated but some files were skipped (each named on stderr)


def _finish(report) -> None:
    """Print the summary; exit EXIT_SKIPPED when files were skipped (each was named once as it happened)."""
    click.echo(report.summary())
    if report.failed:
        n = len(report.failed)
        click.echo(f"{n} file{'s were' if n > 1 else ' was'} skipped (named above); the index holds the rest. "
                   f"Fix {'them' if n > 1 else 'it'} and run the command again.", err=True)
        sys.exit(EXIT_SKIPPED)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="scrutiny-assistant")
def main() -> None:
    """Scrutiny Assistant: cited answers from council committee reports and Ofsted inspections.

    \b
    Examples:
      python -m assistant index source_docs/
      python -m assistant ask "what did inspectors say about step-down?"
      python -m assistant search caseloads --org medway --since 2019-01-01
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@INDEX_OPTION
@click.option("--rebuild", is_flag=True, help="Ignore the existing index and parse/embed everything again.")
@click.option("--quiet", is_flag=True, help="No progress bars.")
@NO_WAIT_OPTION
@friendly
def index(paths, index_dir, rebuild, quiet, no_wait):
    """Make the index hold exactly the documents under PATHS (files or folders).

    New and changed documents are parsed and embedded, unchanged ones reused, missing ones removed. A damaged
    index is repaired (rebuilt from the documents, reusing cached vectors).

    \b
    Exit codes: 0 the index holds every document; 1 nothing could be indexed, the index could not be
    written or (with --no-wait) another process is writing it; 2 bad usage; 3 the index was updated but some
    files were skipped (each named on stderr).

    \b
    Example:
      python -m assistant index source_docs/ ../more_reports/
    """
    from ..index.build import sync_index

    _finish(sync_index(index_dir, list(paths), rebuild=rebuild, progress=not quiet, wait=not no_wait))


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@INDEX_OPTION
@click.option("--quiet", is_flag=True, help="No progress bars.")
@NO_WAIT_OPTION
@friendly
def add(files, index_dir, quiet, no_wait):
    """Add FILES to the index (or update them), keeping every other indexed document.

    Exit codes as for `index`.

    \b
    Example:
      python -m assistant add ~/Downloads/cabinet-2024-03-12.pdf
    """
    from ..index.build import add_documents

    _finish(add_documents(index_dir, list(files), progress=not quiet, wait=not no_wait))


@main.command()
@click.argument("documents", nargs=-1, required=True)
@INDEX_OPTION
@click.option("--quiet", is_flag=True, help="No progress bars.")
@NO_WAIT_OPTION
@friendly
def remove(documents, index_dir, quiet, no_wait):
    """Take DOCUMENTS out of the index (their file names, as `docs` lists them; a path counts by its file name),
    keeping every other indexed document. The source files are not touched.

    Exit codes as for `index`; a name that is not indexed is bad usage (2) and removes nothing.

    \b
    Example:
      python -m assistant remove cabinet-2024-03-12.pdf
    """
    from ..index.build import remove_documents

    names = list(dict.fromkeys(Path(d).name for d in documents))
    _finish(remove_documents(index_dir, names, progress=not quiet, wait=not no_wait))


@main.command()
@click.argument("question", required=False)
@INDEX_OPTION
@filter_options
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON.")
@click.option("--questions", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="JSON lines file of {\"question\": ...} objects; prints one JSON answer per line.")
@click.option("--llm", "llm_choice", type=click.Choice(["auto", "none", "openai-compatible", "ollama", "azure-openai"]),
              default="auto", show_default=True,
              help="Write the answer with a language model (every sentence checked against its source). "
                   "auto: as ASSISTANT_LLM / the settings file say (extractive when nothing is configured).")
@friendly
def ask(question, index_dir, orgs, doc_types, committees, since, until, docs, as_json, questions, llm_choice):
    """Answer QUESTION from the indexed documents, citing document, paragraph and page.

    \b
    Examples:
      python -m assistant ask "what did inspectors say about step-down?"
      python -m assistant ask --json "how many extra social work posts were created?"
      python -m assistant ask --json --questions questions.jsonl
    """
    from ..api import Assistant
    from ..query.orgs import resolve_orgs

    if not question and not questions:
        raise click.UsageError("Give a QUESTION, or --questions FILE with one JSON object per line.")
    if questions and not questions.read_text(encoding="utf-8").strip():  # said, not an empty output and exit 0
        raise click.UsageError(f"{questions.name} has no questions: write one JSON object per line, e.g. "
                               "{\"question\": \"What did inspectors say about step-down?\"}")
    filters = filters_of(orgs, doc_types, committees, since, until, docs)
    llm = _llm(llm_choice)
    assistant = Assistant.load(index_dir)
    if orgs and (problem := resolve_orgs(orgs, assistant.retriever.data.docs).not_known()):
        raise click.UsageError(problem)  # a name no council goes by, as `search` and the tracker's commands say
    if problem := filters.unknown_names(assistant.retriever.data.docs.values()):
        raise click.UsageError(problem)  # a document or committee nothing indexed is called
    if questions:
        # every line is checked before any is answered: a bad line 10 stops the run before nine answers are printed
        batch = []
        for n, line in enumerate(questions.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                q = item["question"]
            except (json.JSONDecodeError, KeyError, TypeError):
                raise click.UsageError(f"{questions.name} line {n}: expected a JSON object with a \"question\"")
            if not isinstance(q, str) or not q.strip():
                raise click.UsageError(f"{questions.name} line {n}: the \"question\" is empty")
            if problem := _line_filters_problem(item, assistant.retriever.data.docs):
                raise click.UsageError(f"{questions.name} line {n}: {problem}")
            batch.append((n, q, item))
        for n, q, item in batch:
            try:
                ans = assistant.ask(q, item.get("filters") or filters, llm=llm)
            except ValueError as exc:
                raise click.UsageError(f"{questions.name} line {n}: {exc}") from exc
            out = {k: v for k, v in item.items() if k not in ("question", "filters")}
            out.update(ans.to_dict())
            click.echo(json.dumps(out, ensure_ascii=False))
        return
    ans = assistant.ask(question, filters, llm=llm)
    if as_json:
        click.echo(json.dumps(ans.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(ans.answer)
    if ans.extra.get("llm_error"):
        click.echo(f"\nNote: {ans.extra['llm_error']}", err=True)
    if ans.filters:
        click.echo(f"\nFilters: {json.dumps(ans.filters, ensure_ascii=False)}")


# the keys a --questions line's "filters" object takes (as Filters.from_dict reads them)
_FILTER_KEYS = ("orgs", "org", "organisation", "doc_types", "doc_type", "type", "committees", "committee", "since",
                "until", "docs", "doc")
# a filter's name written beside "question" rather than inside "filters" (not "doc" or "type", which question files
# also use for what they record about a question: its gold document, its kind)
_MISPLACED = ("orgs", "org", "organisation", "doc_types", "committees", "committee", "since", "until", "docs")


def _line_filters_problem(item: dict, docs: dict) -> str | None:
    """Why a --questions line's filters cannot be applied as written, or None: a filter beside "question" (it was
    echoed back and the question answered unfiltered), a key "filters" does not take, a council, document or
    committee nothing indexed is called (a usage error, as the same --org, --doc or --committee is)."""
    from ..query.filters import Filters
    from ..query.orgs import resolve_orgs

    if misplaced := [k for k in _MISPLACED if k in item]:
        return (f"\"{misplaced[0]}\" is a filter: put it inside \"filters\", e.g. {{\"question\": \"…\", \"filters\": "
                f"{{\"{misplaced[0]}\": …}}}}.")
    given = item.get("filters")
    if given is None:
        return None
    if not isinstance(given, dict):
        return "\"filters\" must be a JSON object, e.g. {\"orgs\": [\"medway\"], \"since\": \"2019-01-01\"}."
    if unknown := [k for k in given if k not in _FILTER_KEYS]:
        return (f"\"filters\" has no key \"{unknown[0]}\": it takes orgs, docs, doc_types, committees, since and "
                "until.")
    try:
        wanted = Filters.from_dict(given)
    except ValueError as exc:
        return str(exc)
    if wanted.orgs and (problem := resolve_orgs(wanted.orgs, docs).not_known()):
        return problem
    return wanted.unknown_names(docs.values())


def _llm(choice: str):
    """The configured language model, or None for extractive answers (nothing is contacted then)."""
    if choice == "none":
        return None
    import os

    from ..answer.generate.config import LLMConfig

    env = dict(os.environ)
    if choice != "auto":
        env["ASSISTANT_LLM"] = choice
    config = LLMConfig.from_env(environ=env)
    if config is None:
        return None
    from ..answer.generate.client import make_llm  # llama-index is imported only when an LLM is configured

    return make_llm(config)


@main.command()
@click.argument("query")
@INDEX_OPTION
@filter_options
@click.option("-k", "--top", "k", default=10, show_default=True, type=click.IntRange(1, 1000),
              help="How many paragraphs (1-1000).")
@click.option("--json", "as_json", is_flag=True, help="Print hits as JSON.")
@click.option("--mode", type=click.Choice(["hybrid", "dense", "keyword"]), default="hybrid", show_default=True)
@friendly
def search(query, index_dir, orgs, doc_types, committees, since, until, docs, k, as_json, mode):
    """Ranked paragraphs for QUERY, without an answer.

    \b
    Example:
      python -m assistant search caseloads --org medway --since 2019-01-01
    """
    from ..api import Assistant
    from ..records import citation_label

    if not any(ch.isalnum() for ch in query):
        raise click.UsageError("Give QUERY some words to search for, e.g. caseloads.")
    filters = filters_of(orgs, doc_types, committees, since, until, docs)
    assistant = Assistant.load(index_dir)
    if problem := filters.unknown_names(assistant.retriever.data.docs.values()):
        raise click.UsageError(problem)
    resolved = orgs_resolved(orgs, assistant.retriever.data.docs, json_empty="[]" if as_json else None)
    if resolved is None:  # only councils with nothing indexed: said in one line
        return
    filters.orgs = resolved
    hits = assistant.search(query, filters, k=k, mode=mode)
    if as_json:
        click.echo(json.dumps([h.to_dict() for h in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(filters.nothing_admitted(assistant.retriever.data.docs.values())
                   or "No paragraphs match (check the filters).")
    for h in hits:
        text = h.paragraph.text.replace("\n", " ")
        click.echo(f"{h.rank:>2}. [{citation_label(h.paragraph, h.meta)}] {text[:300]}{'…' if len(text) > 300 else ''}")


@main.command()
@INDEX_OPTION
@ORG_OPTION
@click.option("--json", "as_json", is_flag=True)
@friendly
def docs(index_dir, orgs, as_json):
    """List the indexed documents: file, title, organisation, type, date, pages, paragraphs.

    \b
    Example:
      python -m assistant docs --org medway
    """
    from ..index.store import IndexNotFound, load_index
    from ..query.filters import Filters

    data = load_index(index_dir, with_vectors=False)
    counts = {d: v.get("paragraphs", 0) for d, v in data.manifest.get("documents", {}).items()}
    if orgs:  # one council's papers and its Ofsted reports, as `search --org` reads the name
        resolved = orgs_resolved(orgs, data.docs, json_empty="[]" if as_json else None, inspections=True)
        if resolved is None:  # a council with nothing indexed: said in one line
            return
        wanted = Filters(orgs=resolved)
    rows = []
    for m in sorted(data.docs.values(), key=lambda m: (m.organisation or "", m.date or "", m.doc)):
        if orgs and not wanted.admits(m):
            continue
        rows.append({"doc": m.doc, "title": m.title, "organisation": m.organisation, "doc_type": m.doc_type,
                     "committee": m.committee, "date": m.date, "pages": m.pages, "paragraphs": counts.get(m.doc, 0),
                     "meeting": m.meeting})
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        raise IndexNotFound(f"The index in {index_dir} holds no documents.")
    for r in rows:
        click.echo(f"{r['doc']}\n    {r['title']} | {r['organisation'] or '-'} | {r['doc_type']} | {r['date'] or '-'}"
                   f" | {r['pages'] or '-'} pages | {r['paragraphs']} paragraphs")
        if r["meeting"]:
            click.echo(f"    {r['meeting']}")
    click.echo(f"{len(rows)} documents, built {data.manifest.get('built_at')}")


@main.command(name="eval")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@INDEX_OPTION
@click.option("--json", "as_json", is_flag=True)
@click.option("--mode", type=click.Choice(["hybrid", "dense", "keyword"]), default="hybrid", show_default=True,
              help="Retriever to measure (dense/keyword alone for comparison).")
@click.option("--details", is_flag=True, help="Print one line per question.")
@friendly
def eval_(files, index_dir, as_json, mode, details):
    """Quality figures on development questions (format of ../shared/eval/dev.jsonl).

    \b
    Example:
      python -m assistant eval ../shared/eval/dev.jsonl ../shared/eval/dev-committee.jsonl
    """
    from ..api import Assistant
    from ..evaluate import combine, evaluate, format_report, load_questions

    assistant = Assistant.load(index_dir)
    results = []
    for f in files:
        result = evaluate(assistant, load_questions(f), mode=mode)
        result["file"] = str(f)
        results.append(result)
        if as_json:
            click.echo(json.dumps(result, indent=2))
        else:
            click.echo(format_report(result, details=details))
    if len(results) > 1:
        total = combine(results)
        total["mode"] = mode
        click.echo(json.dumps(total, indent=2) if as_json else format_report(total))


register_tracker(main)  # commitments, findings, decisions, track
main.add_command(fetch)  # fetch moderngov

if __name__ == "__main__":
    main()
