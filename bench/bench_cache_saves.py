"""Cost of saving the embedding cache during a build (so that a killed build resumes where it stopped).

A build saves after build.SAVE_EVERY texts once build.SAVE_SECONDS have passed since the last save. For a few
embedding speeds (texts/s; ~5 is the bundled model on 2 busy cores, see bench_build.py's embed_texts_per_s) this
simulates that many texts' saves into a fresh cache (each text with SPANS sentence-span vectors, as the ONNX
embedder stores them; merges included) and prints one JSON object: the seconds spent saving, their share of the
embedding time, and the share beyond what one save at the end of the build costs anyway.

    python bench/bench_cache_saves.py [--texts 50000]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np
from _common import emit, machine

SPANS = 2  # sentence-span vectors cached per text, on average (1707 sentences / 769 texts on source_docs)


def saving_seconds(texts: int, every: int) -> float:
    from assistant.index.embed_cache import EmbeddingCache

    vec = np.random.default_rng(0).standard_normal(384).astype(np.float32)
    with tempfile.TemporaryDirectory() as tmp:
        cache = EmbeddingCache(Path(tmp), "bench", 384)
        for i in range(texts):
            cache.put(f"text {i}", vec)
            for s in range(SPANS):
                cache.put(f"\x01{s}\x00text {i}", vec)
            if (i + 1) % every == 0:
                cache.save()
        cache.save()
        return cache.save_seconds


def main() -> None:
    from assistant.index.build import SAVE_EVERY, SAVE_SECONDS

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=50_000)
    args = ap.parse_args()
    once = saving_seconds(args.texts, args.texts)  # what a build that saves only at its end spends
    rows = {}
    for rate in (5, 50, 200, 1000):
        every = max(SAVE_EVERY, int(rate * SAVE_SECONDS))
        t0 = time.perf_counter()
        seconds = saving_seconds(args.texts, every)
        rows[f"{rate}_texts_per_s"] = {"save_every_texts": every, "saves": -(-args.texts // every),
                                       "saving_s": round(seconds, 3),
                                       "share_of_embedding": f"{seconds / (args.texts / rate):.2%}",
                                       "extra_over_one_save_at_the_end": f"{(seconds - once) / (args.texts / rate):.2%}",
                                       "bench_s": round(time.perf_counter() - t0, 1)}
    emit({"benchmark": "cache_saves", "texts": args.texts, "spans_per_text": SPANS, "save_every": SAVE_EVERY,
          "save_seconds": SAVE_SECONDS, "one_save_at_the_end_s": round(once, 3),
          "by_embedding_speed": rows, "machine": machine()})


if __name__ == "__main__":
    main()
