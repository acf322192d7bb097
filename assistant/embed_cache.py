"""Embedding cache keyed by a hash of (model, text): a re-parse or rebuild re-embeds only text it has not seen."""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path

import numpy as np

CACHE_DIR = "embed-cache"
KEY_BYTES = 20


def key(model: str, text: str) -> bytes:
    return hashlib.sha1(f"{model}\x00{text}".encode()).digest()


class EmbeddingCache:
    """Vectors by text hash, stored as two aligned arrays in ``<index>/embed-cache/`` (keys: N x 20 bytes)."""

    def __init__(self, index_dir: Path, model: str, dims: int) -> None:
        self.dir = Path(index_dir) / CACHE_DIR
        self.model = model
        self.dims = dims
        self._index: dict[bytes, int] = {}
        self._keys = np.zeros((0, KEY_BYTES), dtype=np.uint8)
        self._vecs = np.zeros((0, dims), dtype=np.float32)
        self._new: dict[bytes, np.ndarray] = {}
        kfile, vfile = self.dir / "keys.npy", self.dir / "vectors.npy"
        if kfile.is_file() and vfile.is_file():
            try:
                keys, vecs = np.load(kfile), np.load(vfile)
                if keys.ndim == 2 and keys.shape[1] == KEY_BYTES and vecs.ndim == 2 and vecs.shape[1] == dims \
                        and len(keys) == len(vecs):
                    self._keys, self._vecs = keys, vecs
                    self._index = {k.tobytes(): i for i, k in enumerate(keys)}
            except (OSError, ValueError):  # a damaged cache only makes the build slower
                pass

    def get(self, text: str) -> np.ndarray | None:
        k = key(self.model, text)
        i = self._index.get(k)
        if i is not None:
            return self._vecs[i]
        return self._new.get(k)

    def put(self, text: str, vec: np.ndarray) -> None:
        k = key(self.model, text)
        if k not in self._index:
            self._new[k] = np.asarray(vec, dtype=np.float32)

    @property
    def pending(self) -> int:
        return len(self._new)

    def save(self) -> None:
        """Add the new vectors to the files (atomically). Called every few thousand vectors during a build, so an
        interrupted build resumes where it stopped."""
        if not self._new:
            return
        new_keys = np.frombuffer(b"".join(self._new), dtype=np.uint8).reshape(-1, KEY_BYTES)
        keys = np.concatenate([self._keys, new_keys])
        vecs = np.concatenate([self._vecs, np.stack(list(self._new.values()))]).astype(np.float32)
        self.dir.mkdir(parents=True, exist_ok=True)
        tag = uuid.uuid4().hex[:6]
        ktmp, vtmp = self.dir / f".keys-{tag}.npy", self.dir / f".vectors-{tag}.npy"
        np.save(ktmp, keys)
        np.save(vtmp, vecs)
        os.replace(vtmp, self.dir / "vectors.npy")  # vectors first: a crash in between leaves a length mismatch,
        os.replace(ktmp, self.dir / "keys.npy")  # which the loader rejects (a slower build, never wrong vectors)
        start = len(self._keys)
        self._index.update({k: start + i for i, k in enumerate(self._new)})
        self._keys, self._vecs, self._new = keys, vecs, {}
