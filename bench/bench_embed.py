"""Embedding backends: ONNX Runtime against sentence-transformers on PyTorch, on the same real paragraphs.

Each backend runs in its own process (so imports and peak RSS are its own) over a fixed sample of ~500 real
chunk texts (seeded; the texts an index build embeds) taken from an index, then embeds the dev questions and searches that index with its own
query vectors: hit@5 (hybrid and dense only) per backend. The documents' vectors are the index's (ONNX-built);
the cosine between the two backends' vectors of the same texts is reported too.

    python bench/bench_embed.py --index-dir /work/corpus-index [--sample 500]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

from _common import dev_questions, emit, hit_at, hit_rank, machine, peak_rss_mb


def sample_texts(index_dir: Path, n: int, seed: int = 0) -> list[str]:
    from assistant.index.embed import embedding_text, split_for_embedding
    from assistant.index.store import load_index

    data = load_index(index_dir, with_vectors=False)
    pieces = [embedding_text(piece, p.heading, data.docs[p.doc].short_name)
              for p in data.paragraphs for piece in split_for_embedding(p.text)]  # what the index build embeds
    rng = np.random.default_rng(seed)
    return [pieces[i] for i in np.sort(rng.choice(len(pieces), min(n, len(pieces)), replace=False))]


def child(backend: str, index_dir: Path, n: int, out: Path) -> None:
    backend, _, precision = backend.partition("-")  # "onnx-int8": ONNX Runtime with int8 weights
    os.environ["ASSISTANT_EMBED_BACKEND"] = backend
    os.environ["ASSISTANT_EMBED_PRECISION"] = precision or "fp32"
    t0 = time.perf_counter()
    from assistant.index.embed import default_embedder

    emb = default_embedder()
    load_s = time.perf_counter() - t0
    texts = sorted(sample_texts(index_dir, n), key=len, reverse=True)  # longest first, as build._embed batches
    emb.embed(texts[:8])  # warm-up
    t1 = time.perf_counter()
    vecs = emb.embed(texts)
    embed_s = time.perf_counter() - t1
    np.save(out.with_suffix(".npy"), vecs)
    from assistant.api import Assistant

    a = Assistant.load(index_dir, embedder=emb)
    qs = dev_questions()
    answerable = [q for q in qs if q.get("answerable", True)]
    ranks = {m: [hit_rank(a.search(q["question"], mode=m, k=10), q) for q in answerable] for m in ("hybrid", "dense")}
    t2 = time.perf_counter()
    emb.embed([q["question"] for q in qs])
    q_ms = (time.perf_counter() - t2) / len(qs) * 1000
    out.write_text(json.dumps({
        "backend": type(emb).__name__, "precision": emb.precision, "model_load_s": round(load_s, 2), "texts": len(texts),
        "words": sum(len(t.split()) for t in texts), "embed_s": round(embed_s, 2),
        "texts_per_s": round(len(texts) / embed_s, 1), "query_embed_ms": round(q_ms, 2),
        "hit_at_5": {m: hit_at(r) for m, r in ranks.items()}, "peak_rss_mb": peak_rss_mb(),
    }))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--sample", type=int, default=500)
    ap.add_argument("--backends", default="onnx,onnx-int8,torch",
                    help="Comma-separated: onnx, onnx-int8, torch. hit@5 uses the index's own document vectors, so "
                         "give an index built with the same precision (ASSISTANT_EMBED_PRECISION) to judge int8.")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child, args.index_dir, args.sample, args.out)
        return
    import tempfile

    tmp = Path(tempfile.mkdtemp(prefix="bench-embed-"))
    results = {}
    for b in args.backends.split(","):
        out = tmp / f"{b}.json"
        subprocess.run([sys.executable, __file__, "--index-dir", str(args.index_dir), "--sample", str(args.sample),
                        "--child", b, "--out", str(out)], check=True)
        results[b] = json.loads(out.read_text())
    vecs = {b: np.load(tmp / f"{b}.npy") for b in results}
    ref = "torch" if "torch" in vecs else next(iter(vecs))
    agree = {b: {"min_cosine": round(float(np.sum(vecs[ref] * v, axis=1).min()), 6),
                 "mean_cosine": round(float(np.sum(vecs[ref] * v, axis=1).mean()), 6)}
             for b, v in vecs.items() if b != ref}
    speed = {b: round(r["texts_per_s"] / results[ref]["texts_per_s"], 2) for b, r in results.items() if b != ref}
    emit({"benchmark": "embed", "index_dir": str(args.index_dir), "backends": results,
          f"throughput_over_{ref}": speed, f"cosine_to_{ref}": agree, "machine": machine()})


if __name__ == "__main__":
    main()
