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


def test_rows_before_and_after__a_documents_neighbours_in_reading_order():
    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph

    docs = {d: DocMeta(doc=d, title=d, organisation="Kent County Council", org_slug="kent-cc", doc_type="minutes")
            for d in ("a.pdf", "b.pdf")}
    paras = [Paragraph(id=f"a{i}", doc="a.pdf", ordinal=i, text=f"A {i}.") for i in range(4)] + \
            [Paragraph(id=f"b{i}", doc="b.pdf", ordinal=i, text=f"B {i}.") for i in range(2)]
    data = IndexData(docs=docs, paragraphs=paras)
    assert data.rows_before(2, 5) == [1, 0]  # nearest first, never into another document
    assert data.rows_before(4, 5) == [] and data.rows_before(3, 1) == [2]
    assert data.rows_after(2, 5) == [3] and data.rows_after(4, 5) == [5]
