"""int8 is the default precision; a text's int8 vector is independent of its batch; queries use the index's."""

from __future__ import annotations

import numpy as np
import pytest

from tests.conftest import WordHashEmbedder

TEXTS = ["The additional 35 social work posts were created.",
         "Medway Ofsted inspection 2019 — Leaders: Many children step down too soon from children's social care, "
         "and plans for them are not always clear about what needs to change or by when.",
         "Who chairs the Improvement Board?",
         "Caseloads fell to 18 a worker."]


def test_int8_is_the_default_and_fp32_one_setting_away(monkeypatch):
    from assistant.index.embed import embedding_precision

    monkeypatch.delenv("ASSISTANT_EMBED_PRECISION", raising=False)
    monkeypatch.delenv("ASSISTANT_EMBED_BACKEND", raising=False)
    assert embedding_precision() == "int8"
    monkeypatch.setenv("ASSISTANT_EMBED_PRECISION", "fp32")
    assert embedding_precision() == "fp32"


def test_int8_vector_of_a_text_does_not_depend_on_the_texts_batched_with_it():
    from assistant.index.embed import OnnxEmbedder

    emb = OnnxEmbedder(precision="int8")
    batched = emb.embed(TEXTS)
    alone = np.stack([emb.embed([t])[0] for t in TEXTS])
    reordered = emb.embed(TEXTS[::-1])[::-1]
    assert np.sum(alone * batched, axis=1).min() > 0.99999
    assert np.sum(reordered * batched, axis=1).min() > 0.99999


def test_int8_vectors_are_close_to_the_float_ones():
    from assistant.index.embed import OnnxEmbedder

    f32, i8 = OnnxEmbedder(precision="fp32").embed(TEXTS), OnnxEmbedder(precision="int8").embed(TEXTS)
    assert np.sum(f32 * i8, axis=1).min() > 0.995


class _Int8Fake(WordHashEmbedder):
    precision = "int8"


class _Fp32Fake(WordHashEmbedder):
    precision = "fp32"


def test_questions_are_embedded_with_the_precision_the_index_was_built_with(tmp_path, monkeypatch):
    from assistant.index.build import sync_index
    from assistant.retrieve.hybrid import Retriever

    doc = tmp_path / "docs" / "report.txt"
    doc.parent.mkdir()
    doc.write_text("1. Caseloads fell to 18 a worker after the additional posts were created.\n")
    sync_index(tmp_path / "index", [doc.parent], embedder=_Int8Fake(), progress=False, log=lambda m: None)
    monkeypatch.setenv("ASSISTANT_EMBED_PRECISION", "fp32")  # the setting chooses for new builds only
    given = _Fp32Fake()
    r = Retriever.load(tmp_path / "index", embedder=given)
    assert r.precision == "int8"
    assert r.embedder is not given and r.embedder.precision == "int8"


def test_the_torch_backend_refuses_an_int8_index_with_the_fix(monkeypatch):
    from assistant.errors import UsageError
    from assistant.index.embed import default_embedder

    monkeypatch.setenv("ASSISTANT_EMBED_BACKEND", "torch")
    default_embedder.cache_clear()
    try:
        with pytest.raises(UsageError, match="ASSISTANT_EMBED_PRECISION=fp32"):
            default_embedder("int8")
    finally:
        default_embedder.cache_clear()
