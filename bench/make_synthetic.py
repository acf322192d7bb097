"""Build a synthetic index of N paragraphs from a real one, for the query benchmark at scale.

How: every real paragraph, document and vector is kept unchanged (so the dev questions still have their gold
paragraphs). The remaining N - P paragraphs are copies of real paragraphs drawn uniformly at random (seeded),
1,000 to a synthetic document ``synthetic-NNNNN.txt`` whose metadata (organisation, type, committee, date) is
that of the real document of its first paragraph, so filters select realistic shares of the rows. Each copy
keeps all its source paragraph's chunks (the real chunks-per-paragraph ratio), each chunk vector being the
source vector plus Gaussian noise (``--sigma`` per dimension, default 0.01: noise norm ~0.2, cosine to the
source ~0.98) re-normalised; its sentence vectors (for the extractive answer) are the source's, copied. BM25 is
built over the copied texts (tokenised once per distinct source text).
The folder is written with ``store.write_index`` and ``DenseIndex.build``, as a real build would.

    python bench/make_synthetic.py --source-index /work/corpus-index --paragraphs 1000000 --out /tmp/syn-1m
"""

from __future__ import annotations

import argparse
import dataclasses
import time
from pathlib import Path

import numpy as np

from _common import emit, machine, peak_rss_mb


def chunk_ids_of(rows: np.ndarray, starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    c = counts[rows]
    offsets = np.repeat(starts[rows] - np.cumsum(c) + c, c)
    return np.arange(int(c.sum()), dtype=np.int64) + offsets


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source-index", type=Path, required=True)
    ap.add_argument("--paragraphs", type=int, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--sigma", type=float, default=0.01)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()

    import bm25s

    from assistant.index.build import _keyword_text
    from assistant.index.dense import DenseIndex
    from assistant.index.lexical import KeywordIndex, tokenize
    from assistant.index.store import IndexData, load_index, write_index

    import assistant.index.store

    assistant.index.store.check_compatible = lambda *a: None  # any source version will do: its vectors are copied as they are
    t0 = time.perf_counter()
    src = load_index(args.source_index)
    base = np.asarray(src.vectors, dtype=np.float32)
    cp = np.asarray(src.chunk_para)
    n_src = len(src.paragraphs)
    starts = np.searchsorted(cp, np.arange(n_src), "left")
    counts = np.searchsorted(cp, np.arange(n_src), "right") - starts
    rng = np.random.default_rng(args.seed)
    n_syn = max(0, args.paragraphs - n_src)
    src_rows = rng.integers(0, n_src, n_syn)

    data = IndexData(docs=dict(src.docs), paragraphs=list(src.paragraphs), texts=dict(src.texts))
    for i, s in enumerate(src_rows.tolist()):
        p = src.paragraphs[s]
        name = f"synthetic-{i // 1000:05d}.txt"
        if i % 1000 == 0:
            m = src.docs[p.doc]
            data.docs[name] = dataclasses.replace(m, doc=name, title=f"Synthetic copy {i // 1000} ({m.title})",
                                                  sha256=f"synthetic-{i // 1000}", path="")
            data.texts[name] = ""
        data.paragraphs.append(dataclasses.replace(p, id=f"syn{i}", doc=name, ordinal=i % 1000))
    t_paras = time.perf_counter()

    n_chunks = len(base) + int(counts[src_rows].sum())
    args.out.mkdir(parents=True, exist_ok=True)
    vec_file = args.out / "synthetic-vectors.f32"
    vectors = np.memmap(vec_file, dtype=np.float32, mode="w+", shape=(n_chunks, base.shape[1]))
    vectors[:len(base)] = base
    chunk_para = np.empty(n_chunks, dtype=np.int32)
    chunk_para[:len(base)] = cp
    pos = len(base)
    block = 100_000
    for b in range(0, n_syn, block):
        rows = src_rows[b:b + block]
        ids = chunk_ids_of(rows, starts, counts)
        v = base[ids] + rng.normal(0, args.sigma, (len(ids), base.shape[1])).astype(np.float32)
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        vectors[pos:pos + len(ids)] = v
        chunk_para[pos:pos + len(ids)] = np.repeat(n_src + b + np.arange(len(rows)), counts[rows])
        pos += len(ids)
    vectors.flush()
    data.vectors, data.chunk_para = vectors, chunk_para
    # sentence vectors (for the extractive answer): each copy has its source paragraph's, as they are
    s_start = np.asarray(src.sentence_start, dtype=np.int64)
    s_counts = np.diff(s_start)
    n_sent = int(s_start[-1]) + int(s_counts[src_rows].sum())
    sent_file = args.out / "synthetic-sentences.f16"
    sentences = np.memmap(sent_file, dtype=np.float16, mode="w+", shape=(n_sent, base.shape[1]))
    sentences[:s_start[-1]] = np.asarray(src.sentence_vectors)
    sentence_start = np.empty(n_src + n_syn + 1, dtype=np.int64)
    sentence_start[:n_src + 1] = s_start
    sentence_start[n_src + 1:] = s_start[-1] + np.cumsum(s_counts[src_rows])
    src_sent = np.asarray(src.sentence_vectors)
    for b in range(0, n_syn, block):
        rows = src_rows[b:b + block]
        ids = chunk_ids_of(rows, s_start[:-1], s_counts)
        at = int(sentence_start[n_src + b])
        sentences[at:at + len(ids)] = src_sent[ids]
    sentences.flush()
    data.sentence_vectors, data.sentence_start = sentences, sentence_start
    t_vecs = time.perf_counter()

    src_tokens = tokenize([_keyword_text(p) for p in src.paragraphs])
    tokens = src_tokens + [src_tokens[s] for s in src_rows.tolist()]
    retriever = bm25s.BM25()
    retriever.index(tokens, show_progress=False)
    keyword = KeywordIndex(retriever)
    t_bm25 = time.perf_counter()
    dense = DenseIndex.build(vectors, chunk_para)
    t_dense = time.perf_counter()
    index_dir = args.out / "index"
    write_index(index_dir, data, bm25_writer=keyword.save, faiss_writer=dense.save)
    del vectors, sentences, data
    vec_file.unlink()
    sent_file.unlink()
    t_write = time.perf_counter()
    emit({"benchmark": "make_synthetic", "index_dir": str(index_dir), "source_paragraphs": n_src,
          "paragraphs": n_src + n_syn, "chunks": n_chunks, "sigma": args.sigma, "dense": dense.describe(),
          "seconds": {"paragraphs": round(t_paras - t0, 1), "vectors": round(t_vecs - t_paras, 1),
                      "bm25": round(t_bm25 - t_vecs, 1), "dense_build": round(t_dense - t_bm25, 1),
                      "write": round(t_write - t_dense, 1)},
          "peak_rss_mb": peak_rss_mb(), "machine": machine()})


if __name__ == "__main__":
    main()
