"""Dense side of hybrid search: FAISS inner-product search over L2-normalised chunk vectors.

Below ``EXACT_BELOW`` chunk vectors the index is exact (``IndexFlatIP``). Above it, an IVF index with
product-quantised codes (``IndexIVFPQ``, 48 bytes a vector) finds 8 x k candidates, which are re-scored exactly
against float16 copies of the vectors kept memory-mapped next to the FAISS file (``dense.f16.npy``), so the
cosines returned are exact and only the touched rows are read. ``nprobe`` is tuned at build time for
recall@10 >= 0.98 against exact search (see ``_tune_nprobe``). A filter that leaves few chunks
(``EXACT_SUBSET``) is answered by exact search over those chunks; a larger one by the IVF index with an
``IDSelectorBitmap`` and ``nprobe`` raised in proportion to what the filter removes.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np

from .rows import NpyRows

EXACT_BELOW = 50_000  # chunk vectors; exact search below this
EXACT_SUBSET = 20_000  # chunk vectors left by a filter that are searched exactly
PQ_M = 48  # PQ sub-quantisers (384 / 48 = 8 dimensions each, 8 bits) -> 48 bytes a vector
RERANK_FACTOR = 8  # approximate candidates re-scored exactly per chunk asked for (2 gave recall@10 0.974 at 1M)
TUNE_RECALL = 0.995  # nprobe tuning target: recall@10 after re-scoring, on synthetic queries (see _tune_nprobe)
TUNE_SIGMA = 0.11  # noise per dimension of the synthetic tuning queries (top-1 cosine ~0.45, like questions)
NPROBE_SAFETY = 2  # real questions needed ~2x the nprobe of the synthetic ones for recall@10 >= 0.98
NPROBE_CHOICES = (8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024)


def rerank_path(path: Path) -> Path:
    """Where the float16 copies of the vectors of an approximate index live (next to the FAISS file)."""
    path = Path(path)
    return path.with_name(path.stem + ".f16.npy")


def choose_nlist(n: int) -> int:
    """IVF lists: about sqrt(n), a power of two between 256 and 4096 (training and adding stay quick)."""
    return int(min(4096, max(256, 2 ** round(math.log2(max(1.0, math.sqrt(n)))))))


class DenseIndex:
    def __init__(self, index, chunk_para: np.ndarray, rerank: np.ndarray | None = None) -> None:
        self._index = index
        self.chunk_para = np.asarray(chunk_para)
        self._rerank = rerank  # float16 vectors (approximate index only): in memory after a build, NpyRows after load
        n = len(self.chunk_para)
        self._sorted = bool(n == 0 or np.all(self.chunk_para[1:] >= self.chunk_para[:-1]))
        self._bitmap_keepalive: np.ndarray | None = None

    # ---------------------------------------------------------------- build / load / save
    @classmethod
    def build(cls, vectors: np.ndarray, chunk_para: np.ndarray, *, exact_below: int = EXACT_BELOW,
              seed: int = 0) -> DenseIndex:
        """Exact index below ``exact_below`` vectors, else IVF-PQ with exact re-scoring (nprobe tuned here)."""
        import faiss

        dim = vectors.shape[1] if vectors.ndim == 2 and vectors.shape[0] else 384
        n = len(vectors)
        if n < exact_below:
            index = faiss.IndexFlatIP(dim)
            if n:
                index.add(np.ascontiguousarray(vectors, dtype=np.float32))
            return cls(index, chunk_para)
        rng = np.random.default_rng(seed)
        nlist = choose_nlist(n)
        quantizer = faiss.IndexFlatIP(dim)
        m = PQ_M if dim % PQ_M == 0 else next(m for m in (32, 24, 16, 8, 4, 2, 1) if dim % m == 0)
        index = faiss.IndexIVFPQ(quantizer, dim, nlist, m, 8, faiss.METRIC_INNER_PRODUCT)
        index.pq.cp.max_points_per_centroid, index.pq.cp.niter = 64, 15  # PQ codes only pick candidates
        train_n = min(n, max(40 * nlist, 2 ** 16))
        train = np.ascontiguousarray(vectors[np.sort(rng.choice(n, train_n, replace=False))], dtype=np.float32)
        index.train(train)
        rerank = np.empty((n, dim), dtype=np.float16)
        step = 200_000
        for start in range(0, n, step):  # in slices, so a memory-mapped input is never copied whole as float32
            part = np.ascontiguousarray(vectors[start:start + step], dtype=np.float32)
            index.add(part)
            rerank[start:start + step] = part
        out = cls(index, chunk_para, rerank)
        index.nprobe = out._tune_nprobe(rng)
        return out

    def _tune_nprobe(self, rng: np.random.Generator, n_queries: int = 100, k: int = 10, k_chunks: int = 400) -> int:
        """nprobe for the target recall: the smallest whose recall@k on synthetic queries reaches TUNE_RECALL,
        times NPROBE_SAFETY.

        Queries are stored vectors plus Gaussian noise (TUNE_SIGMA per dimension), re-normalised: top-1 cosine
        about 0.45, like real questions. Real questions still needed about twice the nprobe of these for the
        same recall (bench/RESULTS.md), hence the safety factor. Measured as the search runs: ``k_chunks``
        candidates asked for (as Retriever does), top ``k`` compared with exact search on the float16 vectors.
        """
        assert self._rerank is not None
        n = self._rerank.shape[0]
        qs = self._rerank[np.sort(rng.integers(0, n, n_queries))].astype(np.float32)
        qs += rng.normal(0, TUNE_SIGMA, qs.shape).astype(np.float32)
        qs /= np.linalg.norm(qs, axis=1, keepdims=True)
        exact = _exact_topk(self._rerank, qs, k)
        nlist = self._index.nlist
        seen: list[tuple[int, float]] = []
        for nprobe in [c for c in NPROBE_CHOICES if c < nlist] + [nlist]:
            self._index.nprobe = nprobe
            hits = 0
            for q, e in zip(qs, exact):
                ids, sims = self._approx(q, k_chunks)
                hits += len(set(ids[np.argsort(-sims)[:k]].tolist()) & set(e.tolist()))
            seen.append((nprobe, hits / (k * n_queries)))
            if seen[-1][1] >= TUNE_RECALL:
                break
        # target not reached (near-duplicate vectors: the candidates, not the lists probed, limit recall): the
        # smallest nprobe within 0.005 of the best recall seen, rather than every list
        best = max(r for _, r in seen)
        chosen = seen[-1][0] if seen[-1][1] >= TUNE_RECALL else min(p for p, r in seen if r >= best - 0.005)
        return int(min(nlist, chosen * NPROBE_SAFETY))

    @classmethod
    def load(cls, path: Path, chunk_para: np.ndarray) -> DenseIndex:
        import faiss

        index = faiss.read_index(str(path))
        rerank = None
        if not isinstance(index, faiss.IndexFlat):
            rerank = NpyRows(rerank_path(path))  # read a row at a time: mapped pages would pile up in memory
        return cls(index, chunk_para, rerank)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))
        if self._rerank is not None:
            np.save(rerank_path(path), np.asarray(self._rerank, dtype=np.float16))

    @property
    def approximate(self) -> bool:
        return self._rerank is not None

    def describe(self) -> dict:
        """What kind of index this is (for benchmarks and diagnostics)."""
        if not self.approximate:
            return {"kind": "flat", "vectors": int(self._index.ntotal)}
        return {"kind": f"IVF{self._index.nlist},PQ{self._index.pq.M}+f16-rescore", "vectors": int(self._index.ntotal),
                "nlist": int(self._index.nlist), "nprobe": int(self._index.nprobe)}

    # ---------------------------------------------------------------- search
    def search(self, query_vec: np.ndarray, n_paragraphs: int, allowed_rows: np.ndarray | None,
               k_chunks: int = 400) -> dict[int, float]:
        """Best cosine similarity per paragraph row (max over its chunks), restricted to ``allowed_rows``."""
        total = self._index.ntotal
        if total == 0:
            return {}
        q = np.ascontiguousarray(np.asarray(query_vec, dtype=np.float32).reshape(-1))
        if allowed_rows is None:
            ids, sims = self._approx(q, k_chunks) if self.approximate else self._flat(q, k_chunks, None)
        else:
            mask = None
            ids = self._allowed_chunks(np.asarray(allowed_rows), n_paragraphs)
            if len(ids) == 0:
                return {}
            if len(ids) <= EXACT_SUBSET:
                ids, sims = self._exact_subset(q, ids, k_chunks)
            else:
                mask = np.zeros(total, dtype=bool)
                mask[ids] = True
                if self.approximate:
                    ids, sims = self._approx(q, k_chunks, mask, len(ids))
                else:
                    ids, sims = self._flat(q, k_chunks, mask)
        return self._best_per_paragraph(ids, sims)

    def _allowed_chunks(self, rows: np.ndarray, n_paragraphs: int) -> np.ndarray:
        """Chunk ids of the allowed paragraph rows (ascending)."""
        cp = self.chunk_para
        if self._sorted and len(rows) * 64 < len(cp):
            rows = np.unique(rows)
            starts = np.searchsorted(cp, rows, "left")
            counts = np.searchsorted(cp, rows, "right") - starts
            keep = counts > 0
            starts, counts = starts[keep], counts[keep]
            if not len(counts):
                return np.zeros(0, dtype=np.int64)
            offsets = np.repeat(starts - np.cumsum(counts) + counts, counts)
            return (np.arange(int(counts.sum()), dtype=np.int64) + offsets).astype(np.int64)
        row_mask = np.zeros(max(int(n_paragraphs), int(cp.max()) + 1 if len(cp) else 0), dtype=bool)
        row_mask[rows] = True
        return np.nonzero(row_mask[cp])[0].astype(np.int64)

    def _selector(self, mask: np.ndarray):
        import faiss

        bitmap = np.packbits(mask, bitorder="little")
        self._bitmap_keepalive = bitmap  # FAISS keeps a raw pointer to it
        return faiss.IDSelectorBitmap(len(mask), faiss.swig_ptr(bitmap))

    def _flat(self, q: np.ndarray, k: int, mask: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        import faiss

        k = min(k, self._index.ntotal)
        if mask is None:
            sims, ids = self._index.search(q[None, :], k)
        else:
            sims, ids = self._index.search(q[None, :], k, params=faiss.SearchParameters(sel=self._selector(mask)))
        keep = ids[0] >= 0
        return ids[0][keep], sims[0][keep]

    def _approx(self, q: np.ndarray, k: int, mask: np.ndarray | None = None,
                n_allowed: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """IVF-PQ candidates (RERANK_FACTOR x k), re-scored exactly on the float16 vectors; best k returned."""
        import faiss

        assert self._rerank is not None
        total = self._index.ntotal
        k_cand = min(total, max(k * RERANK_FACTOR, 50))
        if mask is None:
            _, ids = self._index.search(q[None, :], k_cand)
        else:
            # a filter removes most of each list: probe more lists in proportion, so as many candidates are seen
            nprobe = min(self._index.nlist, math.ceil(self._index.nprobe * total / max(1, n_allowed or total)))
            params = faiss.SearchParametersIVF(sel=self._selector(mask), nprobe=nprobe)
            _, ids = self._index.search(q[None, :], k_cand, params=params)
        ids = np.sort(ids[0][ids[0] >= 0])  # ascending: sequential reads of the memory-mapped vectors
        return self._exact_subset(q, ids, k)

    def _exact_subset(self, q: np.ndarray, ids: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """Exact cosines of the chunks ``ids`` (ascending), best ``k``."""
        if self._rerank is not None:
            vecs = self._rerank[ids]
        else:
            import faiss

            flat = faiss.rev_swig_ptr(self._index.get_xb(), self._index.ntotal * self._index.d)
            vecs = flat.reshape(self._index.ntotal, self._index.d)[ids]
        sims = np.asarray(vecs, dtype=np.float32) @ q  # numpy has no float16 BLAS: widen, then multiply
        if len(ids) > k:
            top = np.argpartition(-sims, k - 1)[:k]
            ids, sims = ids[top], sims[top]
        return ids, sims

    def _best_per_paragraph(self, ids: np.ndarray, sims: np.ndarray) -> dict[int, float]:
        if not len(ids):
            return {}
        order = np.argsort(-sims, kind="stable")
        rows = self.chunk_para[ids[order]]
        uniq, first = np.unique(rows, return_index=True)
        best = sims[order][first]
        return {int(r): float(s) for r, s in zip(uniq, best)}


def _exact_topk(vectors: np.ndarray, queries: np.ndarray, k: int, step: int = 200_000) -> list[np.ndarray]:
    """Exact top-k ids per query by inner product, scanning ``vectors`` (any float dtype) in slices."""
    best_s = np.full((len(queries), 0), -np.inf, dtype=np.float32)
    best_i = np.zeros((len(queries), 0), dtype=np.int64)
    for start in range(0, len(vectors), step):
        part = np.asarray(vectors[start:start + step], dtype=np.float32)
        s = queries @ part.T
        kk = min(k, s.shape[1])
        top = np.argpartition(-s, kk - 1, axis=1)[:, :kk]
        best_s = np.concatenate([best_s, np.take_along_axis(s, top, 1)], axis=1)
        best_i = np.concatenate([best_i, top + start], axis=1)
        if best_s.shape[1] > k:
            keep = np.argpartition(-best_s, k - 1, axis=1)[:, :k]
            best_s, best_i = np.take_along_axis(best_s, keep, 1), np.take_along_axis(best_i, keep, 1)
    return [row for row in best_i]
