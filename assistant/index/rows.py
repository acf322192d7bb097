"""Rows of a large .npy matrix read on demand, without mapping the file into the process."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import numpy as np


class RandomAccessFile:
    """Reads ``n`` bytes at an offset: ``os.pread`` where the OS has it (thread-safe, no shared position),
    otherwise seek + read under a lock (Windows)."""

    def __init__(self, path: Path) -> None:
        self._fh = open(path, "rb", buffering=0)  # noqa: SIM115 - closed in close()/__del__
        self._lock = threading.Lock()

    def read_at(self, n: int, offset: int) -> bytes:
        if hasattr(os, "pread"):
            return os.pread(self._fh.fileno(), n, offset)
        with self._lock:
            self._fh.seek(offset)
            return self._fh.read(n)

    def close(self) -> None:
        self._fh.close()

    def __del__(self) -> None:
        try:
            self._fh.close()
        except AttributeError:
            pass


class NpyRows:
    """Rows of a 2-D C-order ``.npy`` file read (``os.pread``) when asked for.

    A memory-mapped file counts every page it has touched in the process's resident memory (with read-ahead,
    ~1.7 GB after a few dozen questions over 1M paragraphs' float16 vectors); rows read into small arrays leave
    the file's pages in the OS page cache only, so resident memory stays at what a question needs.
    """

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as fh:
            major, _ = np.lib.format.read_magic(fh)
            read_header = np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = read_header(fh)
            self._offset = fh.tell()
        if fortran or len(shape) != 2:
            raise ValueError(f"{path} is not a C-order 2-D array")
        self.shape, self.dtype = tuple(shape), np.dtype(dtype)
        self._row_bytes = self.shape[1] * self.dtype.itemsize
        self._file = RandomAccessFile(path)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, ids) -> np.ndarray:
        """Rows ``ids`` (ascending ids read fastest: runs of neighbours are read in one call)."""
        ids = np.atleast_1d(np.asarray(ids, dtype=np.int64))
        if len(ids) and (ids.min() < 0 or ids.max() >= self.shape[0]):
            raise IndexError("row out of range")
        out = np.empty((len(ids), self.shape[1]), dtype=self.dtype)
        flat = out.view(np.uint8).reshape(len(ids), self._row_bytes)
        bounds = np.r_[0, np.flatnonzero(np.diff(ids) != 1) + 1, len(ids)] if len(ids) else np.zeros(1, np.int64)
        for start, end in zip(bounds[:-1].tolist(), bounds[1:].tolist()):
            n = end - start
            data = self._file.read_at(n * self._row_bytes, self._offset + int(ids[start]) * self._row_bytes)
            flat[start:end] = np.frombuffer(data, dtype=np.uint8).reshape(n, self._row_bytes)
        return out

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        whole = self[np.arange(self.shape[0])] if self.shape[0] else np.zeros(self.shape, self.dtype)
        return whole if dtype is None else whole.astype(dtype)
