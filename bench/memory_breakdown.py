"""Resident memory of each part of a loaded index: paragraphs and metadata, BM25, dense index, embedder.

    python bench/memory_breakdown.py --index-dir DIR
"""

from __future__ import annotations

import argparse
import gc
import time
from pathlib import Path

import numpy as np

from _common import emit, machine, peak_rss_mb, rss_now_mb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", type=Path, required=True)
    args = ap.parse_args()
    from assistant.index.dense import DenseIndex
    from assistant.index.embed import default_embedder
    from assistant.index.lexical import KeywordIndex
    from assistant.index.store import load_index

    steps = {"imports": rss_now_mb()}
    t = time.perf_counter()
    data = load_index(args.index_dir)
    gc.collect()
    steps["paragraphs_docs_texts"] = rss_now_mb()
    t_par = time.perf_counter() - t
    keyword = KeywordIndex.load(data.path / "bm25")
    steps["bm25"] = rss_now_mb()
    dense = DenseIndex.load(data.path / "dense.faiss", np.asarray(data.chunk_para))
    steps["dense"] = rss_now_mb()
    emb = default_embedder()
    emb.embed(["warm up"])
    steps["embedder"] = rss_now_mb()
    deltas, prev = {}, 0.0
    for k, v in steps.items():
        deltas[k] = round(v - prev, 1)
        prev = v
    emit({"benchmark": "memory", "index_dir": str(args.index_dir), "paragraphs": len(data.paragraphs),
          "chunks": int(len(data.chunk_para)), "dense": dense.describe(), "rss_mb_cumulative": steps,
          "rss_mb_delta": deltas, "paragraph_load_s": round(t_par, 2), "peak_rss_mb": peak_rss_mb(),
          "machine": machine()})
    del keyword


if __name__ == "__main__":
    main()
