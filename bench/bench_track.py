"""The tracker's commands on an index: how long `track`, `commitments` and `decisions` take in one process, the
first call (which reads the index's records and the terms its documents define) and the calls after it.

    python bench/bench_track.py --index-dir .cache/corpus-index [--repeat 5]

Prints one JSON object: per command, the first call's milliseconds and the median of the repeats; and how long
reading the documents' own terms (``track.topics.local_terms``, once per index version) takes.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from _common import emit, machine, peak_rss_mb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    from click.testing import CliRunner

    from assistant.cli.main import main as cli
    from assistant.index.store import load_index
    from assistant.track.topics import local_terms

    data = load_index(args.index_dir, with_vectors=False)
    t = time.perf_counter()
    terms = local_terms(data.paragraphs)
    terms_ms = (time.perf_counter() - t) * 1000
    out = {"paragraphs": len(data.paragraphs), "local_terms_ms": round(terms_ms, 1),
           "local_terms": sum(len(v) for v in terms.values()), "commands": {}}
    runner = CliRunner()
    for name, argv in (("track", ["track", "family hubs"]), ("commitments", ["commitments", "--topic", "caseloads"]),
                       ("decisions", ["decisions", "--since", "2025-01-01"])):
        times = []
        for _ in range(1 + args.repeat):
            t = time.perf_counter()
            res = runner.invoke(cli, argv + ["--index-dir", str(args.index_dir)])
            times.append((time.perf_counter() - t) * 1000)
            if res.exit_code not in (0, 3):
                raise SystemExit(f"{name} failed ({res.exit_code}): {res.output[-300:]}")
        out["commands"][name] = {"first_ms": round(times[0], 1), "then_p50_ms": round(statistics.median(times[1:]), 1)}
    out["peak_rss_mb"] = peak_rss_mb()
    out["machine"] = machine()
    emit(out)


if __name__ == "__main__":
    main()
