"""Embedding cache keyed by a hash of (model, text): a re-parse or rebuild re-embeds only text it has not seen."""

from __future__ import annotations

import hashlib
import os
import time
import uuid
from pathlib import Path

import numpy as np

CACHE_DIR = "embed-cache"
KEY_BYTES = 20
MAX_SEGMENTS = 32  # more than this and they are merged into one


def key(model: str, text: str) -> bytes:
    return hashlib.sha1(f"{model}\x00{text}".encode()).digest()


class EmbeddingCache:
    """Vectors by text hash in ``<index>/embed-cache/``, as segments of two aligned arrays (keys: N x 20 bytes).

    Each ``save`` writes only the vectors added since the last one, as a new segment (a build saves every few
    thousand vectors, so rewriting the whole cache each time would be quadratic in its size); past
    ``MAX_SEGMENTS`` they are merged. Vectors are memory-mapped, so a large cache is not read into memory.
    """

    def __init__(self, index_dir: Path, model: str, dims: int) -> None:
        self.dir = Path(index_dir) / CACHE_DIR
        self.model = model
        self.dims = dims
        self._index: dict[bytes, tuple[int, int]] = {}  # key -> (segment, row)
        self._segments: list[tuple[Path, np.ndarray]] = []  # (keys file, vectors)
        self._new: dict[bytes, np.ndarray] = {}
        self.save_seconds = 0.0  # time spent in save(), for the build's figures
        for kfile in sorted(self.dir.glob("*keys.npy")) if self.dir.is_dir() else []:
            if not kfile.name.startswith("."):  # ".tmp-…": a segment whose writing was interrupted
                self._open_segment(kfile)

    def _open_segment(self, kfile: Path) -> None:
        vfile = kfile.with_name(kfile.name.replace("keys.npy", "vectors.npy"))
        try:
            keys, vecs = np.load(kfile), np.load(vfile, mmap_mode="r")
        except (OSError, ValueError):  # a damaged or half-written segment only makes the build slower
            return
        if keys.ndim != 2 or keys.shape[1] != KEY_BYTES or vecs.ndim != 2 or vecs.shape[1] != self.dims \
                or len(keys) != len(vecs):
            return
        seg = len(self._segments)
        self._segments.append((kfile, vecs))
        self._index.update({k.tobytes(): (seg, i) for i, k in enumerate(keys)})

    def get(self, text: str) -> np.ndarray | None:
        k = key(self.model, text)
        at = self._index.get(k)
        if at is not None:
            return np.array(self._segments[at[0]][1][at[1]], dtype=np.float32)
        return self._new.get(k)

    def put(self, text: str, vec: np.ndarray) -> None:
        k = key(self.model, text)
        if k not in self._index:
            self._new[k] = np.asarray(vec, dtype=np.float32)

    @property
    def pending(self) -> int:
        return len(self._new)

    def save(self) -> None:
        """Write the new vectors as a segment (atomically: its keys file appears last, and a segment whose two
        files disagree is ignored). Called every few thousand vectors during a build, so an interrupted build
        resumes where it stopped."""
        if not self._new:
            return
        t0 = time.perf_counter()
        keys = np.frombuffer(b"".join(self._new), dtype=np.uint8).reshape(-1, KEY_BYTES)
        vecs = np.stack(list(self._new.values())).astype(np.float32)
        self._write_segment(keys, vecs)
        self._new = {}
        if len(self._segments) > MAX_SEGMENTS:
            self._merge()
        self.save_seconds += time.perf_counter() - t0

    def _write_segment(self, keys: np.ndarray, vecs: np.ndarray) -> None:
        self.dir.mkdir(parents=True, exist_ok=True)
        name = f"seg-{len(self._segments):04d}-{uuid.uuid4().hex[:6]}-"
        kfile, vfile = self.dir / f"{name}keys.npy", self.dir / f"{name}vectors.npy"
        ktmp, vtmp = self.dir / f".tmp-{name}keys.npy", self.dir / f".tmp-{name}vectors.npy"
        np.save(vtmp, vecs)
        np.save(ktmp, keys)
        os.replace(vtmp, vfile)  # vectors first: a segment counts once its keys file is there
        os.replace(ktmp, kfile)
        self._open_segment(kfile)

    def _merge(self) -> None:
        """All segments into one: the new one is written before the old ones are removed."""
        old = [kfile for kfile, _ in self._segments]
        keys = np.concatenate([np.load(kfile) for kfile in old])
        vecs = np.concatenate([np.asarray(v) for _, v in self._segments])
        self._index, self._segments = {}, []  # the old files are no longer mapped (Windows cannot delete them else)
        self._write_segment(keys, vecs)
        for kfile in old:
            kfile.unlink(missing_ok=True)
            kfile.with_name(kfile.name.replace("keys.npy", "vectors.npy")).unlink(missing_ok=True)
