"""Paragraphs not worth embedding stay in the index, displayable and keyword-searchable, without vectors."""

from __future__ import annotations

import numpy as np

from assistant.index.build import sync_index
from assistant.index.store import load_index
from tests.conftest import WordHashEmbedder


class Recording(WordHashEmbedder):
    def __init__(self):
        self.seen = []

    def embed(self, texts, **kw):
        self.seen.extend(texts)
        return super().embed(texts, **kw)


def test_boilerplate_is_indexed_without_vectors_and_still_found_by_keyword(tmp_path):
    from assistant.retrieve.hybrid import Retriever

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "report.txt").write_text(
        "1. Caseloads fell to 18 a worker after the additional social work posts were created.\n\n"
        "This page is intentionally left blank.\n\n"
        "2. Members asked how quickly the new posts would be filled and were told by March.\n")
    emb = Recording()
    sync_index(tmp_path / "index", [docs], embedder=emb, progress=False, log=lambda m: None)
    assert emb.seen and not any("intentionally left blank" in t for t in emb.seen)
    data = load_index(tmp_path / "index")
    rows = [i for i, p in enumerate(data.paragraphs) if "left blank" in p.text]
    assert len(rows) == 1 and len(data.paragraphs) == 3
    row = rows[0]
    assert row not in set(np.asarray(data.chunk_para).tolist())  # no vector of its own
    assert len(data.sentence_vectors_of(row)) == 0
    for other in set(range(3)) - {row}:
        assert other in set(np.asarray(data.chunk_para).tolist())
    hits = Retriever.load(tmp_path / "index", embedder=emb).search("page intentionally left blank", k=3)
    assert any("left blank" in h.paragraph.text for h in hits)
