"""The embedding cache returns exactly the vector stored for a text, across saves and duplicates."""

import numpy as np

from assistant.index.embed_cache import EmbeddingCache


def test_cache__survives_duplicates_and_repeated_saves(tmp_path):
    c = EmbeddingCache(tmp_path, "m", 4)
    c.put("a", np.array([1, 0, 0, 0]))
    c.put("a", np.array([1, 0, 0, 0]))  # the same text twice in one build (boilerplate repeats)
    c.put("b", np.array([0, 1, 0, 0]))
    c.save()
    c.put("a", np.array([9, 9, 9, 9]))  # already cached: ignored
    c.put("c", np.array([0, 0, 1, 0]))
    c.save()
    again = EmbeddingCache(tmp_path, "m", 4)
    assert again.get("a").tolist() == [1, 0, 0, 0]
    assert again.get("b").tolist() == [0, 1, 0, 0]
    assert again.get("c").tolist() == [0, 0, 1, 0]
    assert again.get("d") is None


def test_cache__other_model_or_damaged_files_are_misses(tmp_path):
    c = EmbeddingCache(tmp_path, "m", 4)
    c.put("a", np.ones(4))
    c.save()
    assert EmbeddingCache(tmp_path, "other", 4).get("a") is None
    for f in (tmp_path / "embed-cache").glob("*keys.npy"):
        f.write_bytes(b"junk")
    assert EmbeddingCache(tmp_path, "m", 4).get("a") is None


def test_build_embeds_each_distinct_text_once(tmp_path, fake_embedder):
    from assistant.index.build import _embed

    seen = []

    class Counting:
        name, dimensions = fake_embedder.name, fake_embedder.dimensions

        def embed(self, texts, **kw):
            seen.extend(texts)
            return fake_embedder.embed(texts)

    texts = ["Caseloads are high.", "Plans lack timescales.", "Caseloads are high."]
    vecs, _, embedded = _embed(texts, Counting(), False, EmbeddingCache(tmp_path, "m", 384))
    assert sorted(seen) == ["Caseloads are high.", "Plans lack timescales."] and embedded == 2
    assert (vecs[0] == vecs[2]).all() and (vecs[0] != vecs[1]).any()


def test_cache__each_save_writes_only_new_vectors_and_segments_are_merged(tmp_path, monkeypatch):
    import assistant.index.embed_cache as ec

    monkeypatch.setattr(ec, "MAX_SEGMENTS", 3)
    c = EmbeddingCache(tmp_path, "m", 4)
    for n in range(5):
        c.put(f"t{n}", np.full(4, n, dtype=np.float32))
        c.save()
        written = sorted((tmp_path / "embed-cache").glob("seg-*keys.npy"))
        assert len(written) == (n + 1 if n < 3 else n - 2)  # the 4th save merged four segments into one
    assert len(np.load(written[-1])) == 1  # the last save wrote one vector, not the whole cache
    again = EmbeddingCache(tmp_path, "m", 4)
    assert [again.get(f"t{n}").tolist() for n in range(5)] == [[n] * 4 for n in range(5)]


def test_cache__reads_the_single_file_layout_of_older_versions(tmp_path):
    folder = tmp_path / "embed-cache"
    folder.mkdir()
    from assistant.index.embed_cache import key

    np.save(folder / "keys.npy", np.frombuffer(key("m", "old text"), dtype=np.uint8).reshape(1, -1))
    np.save(folder / "vectors.npy", np.ones((1, 4), dtype=np.float32))
    assert EmbeddingCache(tmp_path, "m", 4).get("old text").tolist() == [1, 1, 1, 1]
