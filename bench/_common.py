"""Shared helpers for the benchmarks: peak RSS, percentiles, the dev questions, hit@5, machine description."""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = Path(os.environ.get("ASSISTANT_SHARED_DIR", "/work/shared"))
DEV_FILES = [SHARED / "eval" / "dev.jsonl", SHARED / "eval" / "dev-committee.jsonl"]


def peak_rss_mb(children: bool = False) -> float:
    """Peak resident set size of this process (or of its finished children) in MiB (Linux reports KiB)."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def rss_now_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return float("nan")


def rss_parts_mb() -> dict[str, float]:
    """Current RSS split into anonymous memory (heap) and file-backed pages (memory-mapped index files, which
    the kernel can drop and re-read; they count in RSS once touched)."""
    out = {}
    with open("/proc/self/status") as fh:
        for line in fh:
            key = line.split(":")[0]
            if key in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
                out[key] = round(int(line.split()[1]) / 1024, 1)
    return out


def pct(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100), the same rule as assistant.evaluate."""
    if not values:
        return None
    s = sorted(values)
    return round(s[min(len(s) - 1, int(round(q / 100 * (len(s) - 1))))], 2)


def summary_ms(values: list[float]) -> dict[str, float | None]:
    return {"p50": pct(values, 50), "p95": pct(values, 95), "mean": round(statistics.fmean(values), 2) if values else None,
            "n": len(values)}


def dev_questions(files: list[Path] | None = None) -> list[dict]:
    from assistant.evaluate import load_questions

    out = []
    for f in files or DEV_FILES:
        out.extend(load_questions(f))
    return out


def hit_rank(hits, q: dict) -> int | None:
    """1-based rank of the first hit that matches a gold paragraph of question ``q`` (evaluate's rule)."""
    from assistant.evaluate import golds, matches

    gs = golds(q)
    for h in hits:
        p = h.paragraph
        if any(matches(p.doc, p.para, p.page_start, p.page_end, p.text, g) for g in gs):
            return h.rank
    return None


def hit_at(ranks: list[int | None], k: int = 5) -> float | None:
    return round(sum(1 for r in ranks if r and r <= k) / len(ranks), 3) if ranks else None


def machine() -> dict:
    load = os.getloadavg()
    return {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
            "loadavg_1m": round(load[0], 2), "date": time.strftime("%Y-%m-%dT%H:%M:%S%z")}


def dir_size_mb(path: Path) -> float:
    return round(sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file()) / 2**20, 1)


def emit(result: dict) -> None:
    """Each benchmark prints exactly one JSON object on stdout."""
    print(json.dumps(result, indent=1, default=str))
