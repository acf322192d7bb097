"""Embedding cache keyed by a hash of (model, text): a re-parse or rebuild re-embeds only text it has not seen."""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

import numpy as np

CACHE_DIR = "embed-cache"


def key(model: str, text: str) -> bytes:
    return hashlib.sha1(f"{model}\x00{text}".encode()).digest()


class EmbeddingCache:
    def __init__(self, index_dir: Path, model: str, dims: int) -> None:
        self.dir = Path(index_dir) / CACHE_DIR
        self.model = model
        self.dims = dims
        self._keys: dict[bytes, int] = {}
        self._vecs = np.zeros((0, dims), dtype=np.float32)
        self._new_keys: list[bytes] = []
        self._new_vecs: list[np.ndarray] = []
        kfile, vfile = self.dir / "keys.npy", self.dir / "vectors.npy"
        if kfile.is_file() and vfile.is_file():
            try:
                keys = np.load(kfile)
                vecs = np.load(vfile)
                if vecs.ndim == 2 and vecs.shape[1] == dims and len(keys) == len(vecs):
                    self._keys = {bytes(k): i for i, k in enumerate(keys)}
                    self._vecs = vecs
            except (OSError, ValueError):  # a damaged cache is only a slower build
                pass

    def get(self, text: str) -> np.ndarray | None:
        i = self._keys.get(key(self.model, text))
        return None if i is None else self._vecs[i]

    def put(self, text: str, vec: np.ndarray) -> None:
        self._new_keys.append(key(self.model, text))
        self._new_vecs.append(vec)

    @property
    def pending(self) -> int:
        return len(self._new_keys)

    def save(self, keep: set[bytes] | None = None) -> None:
        """Write the cache (old + new entries), keeping only ``keep`` keys when given.

        Saved every few thousand vectors during a build, so an interrupted build resumes where it stopped."""
        if not self._new_keys and keep is None:
            return
        keys = list(self._keys) + self._new_keys
        vecs = np.concatenate([self._vecs, np.asarray(self._new_vecs, dtype=np.float32).reshape(-1, self.dims)])
        if keep is not None:
            idx = [i for i, k in enumerate(keys) if k in keep]
            keys, vecs = [keys[i] for i in idx], vecs[idx]
        self.dir.mkdir(parents=True, exist_ok=True)
        tag = uuid.uuid4().hex[:6]
        ktmp, vtmp = self.dir / f".keys-{tag}.npy", self.dir / f".vectors-{tag}.npy"
        np.save(ktmp, np.asarray(keys, dtype="S20"))
        np.save(vtmp, vecs.astype(np.float32))
        os.replace(vtmp, self.dir / "vectors.npy")
        os.replace(ktmp, self.dir / "keys.npy")
        self._keys = {k: i for i, k in enumerate(keys)}
        self._vecs = vecs
        self._new_keys, self._new_vecs = [], []
