"""Dense side of hybrid search: FAISS inner-product search over L2-normalised chunk vectors."""

from __future__ import annotations

from pathlib import Path

import numpy as np


class DenseIndex:
    def __init__(self, index, chunk_para: np.ndarray) -> None:
        self._index = index
        self.chunk_para = chunk_para

    @classmethod
    def build(cls, vectors: np.ndarray, chunk_para: np.ndarray) -> DenseIndex:
        import faiss

        index = faiss.IndexFlatIP(vectors.shape[1] if vectors.ndim == 2 and vectors.shape[0] else 384)
        if len(vectors):
            index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        return cls(index, chunk_para)

    @classmethod
    def load(cls, path: Path, chunk_para: np.ndarray) -> DenseIndex:
        import faiss

        return cls(faiss.read_index(str(path)), chunk_para)

    def save(self, path: Path) -> None:
        import faiss

        faiss.write_index(self._index, str(path))

    def search(self, query_vec: np.ndarray, n_paragraphs: int, allowed_rows: np.ndarray | None,
               k_chunks: int = 400) -> dict[int, float]:
        """Best cosine similarity per paragraph row (max over its chunks), restricted to ``allowed_rows``."""
        import faiss

        total = self._index.ntotal
        if total == 0:
            return {}
        q = np.ascontiguousarray(query_vec.reshape(1, -1), dtype=np.float32)
        params = None
        if allowed_rows is not None:
            allowed_chunks = np.nonzero(np.isin(self.chunk_para, allowed_rows))[0].astype(np.int64)
            if len(allowed_chunks) == 0:
                return {}
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed_chunks))
        k = min(k_chunks, total)
        sims, ids = self._index.search(q, k, params=params) if params else self._index.search(q, k)
        best: dict[int, float] = {}
        for s, cid in zip(sims[0], ids[0]):
            if cid < 0:
                continue
            row = int(self.chunk_para[cid])
            if s > best.get(row, -2.0):
                best[row] = float(s)
        return best
