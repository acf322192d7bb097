"""DenseIndex: exact below the threshold, IVF-PQ with exact re-scoring above it, filters on both."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.index import dense
from assistant.index.dense import DenseIndex


def _clustered(n: int, dim: int = 384, clusters: int = 64, seed: int = 0) -> np.ndarray:
    """Unit vectors around a few centres, like sentence embeddings (uniform noise is the worst case for IVF)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(clusters, dim)).astype(np.float32)
    x = centres[rng.integers(0, clusters, n)] + rng.normal(0, 0.06, (n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def _queries(x: np.ndarray, n: int, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    q = x[rng.integers(0, len(x), n)] + rng.normal(0, 0.05, (n, x.shape[1])).astype(np.float32)
    return q / np.linalg.norm(q, axis=1, keepdims=True)


def _brute(x: np.ndarray, chunk_para: np.ndarray, q: np.ndarray, rows: np.ndarray | None = None) -> dict[int, float]:
    sims = x @ q
    best: dict[int, float] = {}
    for cid, s in enumerate(sims):
        r = int(chunk_para[cid])
        if rows is not None and r not in rows:
            continue
        best[r] = max(best.get(r, -2.0), float(s))
    return best


def _top(d: dict[int, float], k: int) -> list[int]:
    return sorted(d, key=lambda r: -d[r])[:k]


@pytest.fixture(scope="module")
def approx_data():
    x = _clustered(6000)
    chunk_para = np.repeat(np.arange(2000), 3).astype(np.int32)  # three chunks per paragraph, in row order
    index = DenseIndex.build(x, chunk_para, exact_below=1000)
    return x, chunk_para, index


def test_build__is_exact_below_threshold_and_matches_brute_force():
    x = _clustered(900)
    cp = np.repeat(np.arange(300), 3).astype(np.int32)
    index = DenseIndex.build(x, cp)
    assert not index.approximate and index.describe()["kind"] == "flat"
    q = _queries(x, 1)[0]
    got = index.search(q, 300, None, k_chunks=900)
    want = _brute(x, cp, q)
    assert _top(got, 10) == _top(want, 10)
    assert got[_top(want, 1)[0]] == pytest.approx(want[_top(want, 1)[0]], abs=1e-5)


def test_build__switches_to_ivf_above_threshold_with_tuned_nprobe(approx_data):
    _, _, index = approx_data
    info = index.describe()
    assert index.approximate and info["kind"].startswith("IVF")
    assert 1 <= info["nprobe"] <= info["nlist"]


def test_search__approximate_recall_at_10_against_exact(approx_data):
    x, cp, index = approx_data
    recalls = []
    for q in _queries(x, 30):
        got, want = _top(index.search(q, 2000, None), 10), _top(_brute(x, cp, q), 10)
        recalls.append(len(set(got) & set(want)) / 10)
    assert np.mean(recalls) >= 0.98


def test_search__approximate_returns_exact_cosines_within_float16(approx_data):
    x, cp, index = approx_data
    q = _queries(x, 1, seed=5)[0]
    got, want = index.search(q, 2000, None), _brute(x, cp, q)
    for row in _top(got, 5):
        assert got[row] == pytest.approx(want[row], abs=2e-3)


@pytest.mark.parametrize("n_rows", [20, 1500])  # small filter: exact over the subset; large: IVF with a bitmap
def test_search__filter_keeps_only_allowed_rows_with_high_recall(approx_data, monkeypatch, n_rows):
    x, cp, index = approx_data
    monkeypatch.setattr(dense, "EXACT_SUBSET", 1000)
    rng = np.random.default_rng(n_rows)
    allowed = np.sort(rng.choice(2000, n_rows, replace=False))
    allowed_set = set(allowed.tolist())
    recalls = []
    for q in _queries(x, 10, seed=7):
        got = index.search(q, 2000, allowed)
        assert got and set(got) <= allowed_set
        want = _brute(x, cp, q, allowed_set)
        recalls.append(len(set(_top(got, 10)) & set(_top(want, 10))) / 10)
    assert np.mean(recalls) >= 0.98


def test_search__empty_filter_and_empty_index_return_nothing(approx_data):
    x, _, index = approx_data
    assert index.search(x[0], 2000, np.zeros(0, dtype=np.int64)) == {}
    empty = DenseIndex.build(np.zeros((0, 384), np.float32), np.zeros(0, np.int32))
    assert empty.search(x[0], 0, None) == {}


def test_search__filter_on_unsorted_chunk_rows_uses_the_mask_path():
    x = _clustered(600, seed=3)
    cp = np.tile(np.arange(200), 3).astype(np.int32)  # not in row order
    index = DenseIndex.build(x, cp)
    allowed = np.array([5, 17, 150])
    q = x[17]
    got = index.search(q, 200, allowed)
    assert set(got) <= {5, 17, 150} and _top(got, 1) == [17]


@pytest.mark.parametrize("exact_below", [10**9, 1000])
def test_save_load__round_trip_gives_the_same_results(tmp_path, exact_below):
    x = _clustered(3000, seed=4)
    cp = np.repeat(np.arange(1000), 3).astype(np.int32)
    index = DenseIndex.build(x, cp, exact_below=exact_below)
    index.save(tmp_path / "dense.faiss")
    loaded = DenseIndex.load(tmp_path / "dense.faiss", cp)
    assert loaded.describe() == index.describe()
    assert (tmp_path / "dense.f16.npy").exists() == index.approximate
    q = _queries(x, 1)[0]
    assert _top(loaded.search(q, 1000, None), 10) == _top(index.search(q, 1000, None), 10)
