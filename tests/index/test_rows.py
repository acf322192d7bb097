"""Rows of a .npy file read on demand (the float16 re-scoring vectors of a large dense index)."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.index.rows import NpyRows


def test_rows__match_the_array_for_scattered_and_consecutive_ids(tmp_path):
    arr = np.random.default_rng(0).normal(size=(1000, 384)).astype(np.float16)
    np.save(tmp_path / "v.npy", arr)
    rows = NpyRows(tmp_path / "v.npy")
    assert rows.shape == (1000, 384) and len(rows) == 1000
    ids = np.array([0, 1, 2, 7, 500, 501, 999])
    assert (rows[ids] == arr[ids]).all()
    assert (np.asarray(rows) == arr).all()
    assert rows[np.array([], dtype=np.int64)].shape == (0, 384)
    with pytest.raises(IndexError):
        rows[np.array([1000])]


def test_rows__read_the_same_without_pread(tmp_path, monkeypatch):
    # Windows has no os.pread: seek + read under a lock instead
    arr = np.arange(40, dtype=np.float32).reshape(10, 4)
    np.save(tmp_path / "v.npy", arr)
    rows = NpyRows(tmp_path / "v.npy")
    monkeypatch.delattr("os.pread", raising=False)
    assert (rows[np.array([2, 3, 9])] == arr[[2, 3, 9]]).all()
