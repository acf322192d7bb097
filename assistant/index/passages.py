"""The passages' side of the index (parse/passages.py): their vectors, a BM25 over their texts, and which
paragraph rows each covers. A row's passage score is the best of the passages that cover it."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from .lexical import _bm25, tokenize, weighted_scores


class PassageIndex:
    FOLDER = "passages"  # inside an index version folder

    def __init__(self, vectors: np.ndarray, start: np.ndarray, rows: np.ndarray, bm25,
                 chunks: list[tuple[str, list[int], str]] | None = None) -> None:
        self.vectors = vectors  # float16, one per passage
        self.start = np.asarray(start, dtype=np.int64)  # passage i covers rows[start[i]:start[i + 1]]
        self.rows = np.asarray(rows, dtype=np.int32)
        self._bm25 = bm25
        owner = np.repeat(np.arange(len(self.start) - 1, dtype=np.int64), np.diff(self.start))
        # the other way round, to score only the candidates: row r is covered by the passages
        # _by_row[_row_at[r]:_row_at[r + 1]]
        order = np.argsort(self.rows, kind="stable")
        self._by_row = owner[order]
        self._row_at = np.searchsorted(self.rows[order], np.arange(int(self.rows.max(initial=-1)) + 2))
        self._float: np.ndarray | None = None  # float32 copy for the matrix product, made on first use
        self.chunks = chunks or []  # (document, positions of its paragraphs, chunk) per passage, to save

    def __len__(self) -> int:
        return len(self.start) - 1

    @classmethod
    def build(cls, texts: list[str], covers: list[list[int]], vectors: np.ndarray,
              chunks: list[tuple[str, list[int], str]] | None = None) -> PassageIndex:
        """``texts``: what was embedded and is keyword-scored; ``covers``: each passage's paragraph rows;
        ``chunks``: each passage's document, the positions of its paragraphs there and its chunk of their text, kept
        so that the next build takes an unchanged document's passages instead of cutting it again."""
        start = np.zeros(len(covers) + 1, dtype=np.int64)
        start[1:] = np.cumsum([len(c) for c in covers])
        rows = np.asarray([r for c in covers for r in c], dtype=np.int32)
        return cls(np.asarray(vectors, dtype=np.float16), start, rows, _bm25(texts) if texts else None, chunks)

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        np.save(folder / "vectors.f16.npy", np.ascontiguousarray(self.vectors, dtype=np.float16))
        np.save(folder / "start.npy", self.start)
        np.save(folder / "rows.npy", self.rows)
        if self._bm25 is not None:
            self._bm25.save(str(folder / "bm25"))
        with (folder / "chunks.jsonl").open("w", encoding="utf-8") as fh:
            for doc, positions, chunk in self.chunks:
                fh.write(json.dumps({"doc": doc, "at": positions, "chunk": chunk}, ensure_ascii=False) + "\n")

    @classmethod
    def read_chunks(cls, folder: Path) -> dict[str, list[tuple[str, list[int]]]]:
        """Each document's saved passages: (chunk, positions of its paragraphs); {} when there are none."""
        path = Path(folder) / "chunks.jsonl"
        out: dict[str, list[tuple[str, list[int]]]] = {}
        if not path.is_file():
            return out
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            out.setdefault(item["doc"], []).append((item["chunk"], list(item["at"])))
        return out

    @classmethod
    def load(cls, folder: Path) -> PassageIndex | None:
        """The saved passages, or None where the index has none (no committee papers, or an older index)."""
        import bm25s

        folder = Path(folder)
        if not (folder / "start.npy").is_file():
            return None
        bm25 = bm25s.BM25.load(str(folder / "bm25"), mmap=True) if (folder / "bm25").is_dir() else None
        return cls(np.load(folder / "vectors.f16.npy"), np.load(folder / "start.npy"), np.load(folder / "rows.npy"),
                   bm25)

    def row_scores(self, rows: list[int], qvec: np.ndarray | None, query: str | None
                   ) -> tuple[np.ndarray | None, np.ndarray | None]:
        """For each of ``rows``: the best cosine similarity of a passage covering it to ``qvec``, and the best BM25
        score of one for ``query``; NaN for a row no passage covers (None for a side not asked for)."""
        dense = None
        if qvec is not None and len(self):
            if self._float is None:
                self._float = np.asarray(self.vectors, dtype=np.float32)
            dense = self._best(rows, self._float @ np.asarray(qvec, dtype=np.float32))
        keyword = None
        if query is not None and self._bm25 is not None:
            per = weighted_scores(self._bm25, tokenize([query])[0])
            keyword = self._best(rows, per)
        return dense, keyword

    def _best(self, rows: list[int], per_passage: np.ndarray) -> np.ndarray:
        asked = np.asarray(rows, dtype=np.int64)
        out = np.full(len(asked), np.nan)
        inside = np.flatnonzero(asked < len(self._row_at) - 1)
        first, last = self._row_at[asked[inside]], self._row_at[asked[inside] + 1]
        covered = last > first
        inside, first, last = inside[covered], first[covered], last[covered]
        if len(inside):
            counts = last - first
            starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
            at = np.repeat(first - starts, counts) + np.arange(int(counts.sum()))  # each row's range, back to back
            out[inside] = np.maximum.reduceat(per_passage[self._by_row[at]].astype(np.float64), starts)
        return out
