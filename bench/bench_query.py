"""Query benchmark: warm p50/p95 latency of ``search`` and ``ask`` (extractive) over the dev questions.

Loads the index once, runs every dev question once to warm up, then ``--repeat`` timed passes. Reports hit@5
next to the latencies, the dense index kind, recall@10 of the dense search against exact search (paragraph
level, unfiltered and with each question's gold organisation as filter), load time and peak RSS.

    python bench/bench_query.py --index-dir /work/corpus-index [--dense stored|flat|ivf] [--repeat 2]

``--dense flat`` / ``ivf`` rebuild the dense index in memory from vectors.npy (exact, or IVF whatever the size)
to compare speed and quality of the two on the same index.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np

from _common import (dev_questions, emit, hit_at, hit_rank, machine, peak_rss_mb, rss_now_mb, rss_parts_mb,
                     summary_ms)


def exact_paragraph_sims(vectors, chunk_para: np.ndarray, q: np.ndarray, step: int = 500_000,
                         rows: int = 0) -> np.ndarray:
    """Max cosine per paragraph row over its chunks, by brute force (chunk_para is in row order); ``rows``: the
    index's paragraph count (the last paragraphs may have no vector: a footnote, a contents line), -2 for those."""
    sims = np.concatenate([np.asarray(vectors[s:s + step], dtype=np.float32) @ q for s in range(0, len(vectors), step)])
    starts = np.r_[0, np.nonzero(np.diff(chunk_para))[0] + 1]
    out = np.full(max(rows, int(chunk_para[-1]) + 1), -2.0, dtype=np.float32)
    out[chunk_para[starts]] = np.maximum.reduceat(sims, starts)
    return out


def _overlap(got: dict[int, float], exact: np.ndarray, allowed: np.ndarray | None) -> float:
    if allowed is not None:
        masked = np.full_like(exact, -3.0)
        masked[allowed] = exact[allowed]
        exact = masked
    want = np.argsort(-exact)[:min(10, len(exact) if allowed is None else len(allowed))]
    top = sorted(got, key=lambda x: -got[x])[:10]
    return len(set(top) & set(want.tolist())) / max(1, len(want))


def recall_at_10(assistant, questions: list[dict], seed: int = 0) -> dict:
    """Dense search's top-10 paragraphs against exact search's: unfiltered, filtered by the gold organisation,
    and filtered to random documents holding ~10% and ~0.5% of the rows (the IVF-with-bitmap and the exact
    subset paths of DenseIndex)."""
    from assistant.query.filters import Filters

    r = assistant.retriever
    data = r.data
    n = len(data.paragraphs)
    rng = np.random.default_rng(seed)
    docs = list(r._doc_rows)
    res: dict[str, list[float]] = {"unfiltered": [], "org": [], "docs_10pct": [], "docs_0.5pct": []}
    sizes: dict[str, list[int]] = {k: [] for k in res}
    for q in questions:
        qvec = r.embedder.embed([q["question"]])[0]
        exact = exact_paragraph_sims(data.vectors, np.asarray(data.chunk_para), qvec, rows=n)
        res["unfiltered"].append(_overlap(r.dense.search(qvec, n, None), exact, None))
        subsets = {}
        meta = data.docs.get(q.get("doc") or "")
        if meta is not None and meta.org_slug:
            subsets["org"] = r.allowed_rows(Filters(orgs=[meta.org_slug]))
        for name, share in (("docs_10pct", 0.10), ("docs_0.5pct", 0.005)):
            picked = rng.permutation(len(docs))[:max(1, int(share * len(docs)))]
            subsets[name] = np.sort(np.concatenate([r._doc_rows[docs[i]] for i in picked]))
        for name, allowed in subsets.items():
            sizes[name].append(len(allowed))
            res[name].append(_overlap(r.dense.search(qvec, n, allowed), exact, allowed))
    out = {k: round(float(np.mean(v)), 4) if v else None for k, v in res.items()}
    out["rows_median"] = {k: int(np.median(v)) for k, v in sizes.items() if v}
    out["queries"] = len(res["unfiltered"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--dense", choices=["stored", "flat", "ivf"], default="stored")
    ap.add_argument("--repeat", type=int, default=2, help="Timed passes over the questions (after one warm-up).")
    ap.add_argument("--no-recall", action="store_true", help="Skip recall@10 against exact search.")
    ap.add_argument("--label", default="")
    ap.add_argument("--nprobe", type=int, help="Override the IVF index's tuned nprobe (speed/recall trade-off).")
    args = ap.parse_args()

    rss_start = rss_now_mb()
    t0 = time.perf_counter()
    from assistant.api import Assistant
    from assistant.index.dense import DenseIndex
    from assistant.index.embed import default_embedder

    emb = default_embedder()
    t1 = time.perf_counter()
    a = Assistant.load(args.index_dir, embedder=emb)
    load_s = time.perf_counter() - t1
    rss_loaded = rss_now_mb()
    r = a.retriever
    build_s = None
    if args.dense != "stored":
        tb = time.perf_counter()
        r.dense = DenseIndex.build(np.asarray(r.data.vectors), np.asarray(r.data.chunk_para),
                                   exact_below=10**12 if args.dense == "flat" else 0)
        build_s = round(time.perf_counter() - tb, 1)
    if args.nprobe and r.dense.approximate:
        r.dense._index.nprobe = args.nprobe
    qs = dev_questions()
    for q in qs:  # warm-up
        a.ask(q["question"])
    search_ms, ask_ms, stage = [], [], {"keyword": [], "dense": [], "answer": []}
    ranks = []
    for rep in range(args.repeat):
        for q in qs:
            ts = time.perf_counter()
            a.search(q["question"], k=10)
            search_ms.append((time.perf_counter() - ts) * 1000)
            ans = a.ask(q["question"])
            ask_ms.append(ans.timings_ms["total"])
            for k in stage:
                stage[k].append(ans.timings_ms.get(k, 0.0))
            if rep == 0 and q.get("answerable", True):
                ranks.append(hit_rank(ans.hits, q))
    query_peak = peak_rss_mb()  # before the recall check, which scans every vector
    query_parts = rss_parts_mb()
    recall = None if args.no_recall else recall_at_10(a, [q for q in qs if q.get("answerable", True)])
    emit({
        "benchmark": "query", "label": args.label, "index_dir": str(args.index_dir),
        "paragraphs": len(r.data.paragraphs), "chunks": int(len(r.data.chunk_para)),
        "dense": r.dense.describe() if hasattr(r.dense, "describe") else None, "dense_build_s": build_s,
        "questions": len(qs), "timed_runs": len(ask_ms),
        "search_ms": summary_ms(search_ms), "ask_ms": summary_ms(ask_ms),
        "ask_stage_ms": {k: summary_ms(v) for k, v in stage.items()},
        "hit_at_5": hit_at(ranks), "recall_at_10_vs_exact": recall,
        "load_s": round(load_s, 2), "embedder_load_s": round(t1 - t0, 2),
        "rss_mb": {"start": rss_start, "after_load": rss_loaded, "peak_querying": query_peak,
                   "after_querying": query_parts,
                   "peak_incl_recall_check": peak_rss_mb()},
        "machine": machine(),
    })


if __name__ == "__main__":
    main()
