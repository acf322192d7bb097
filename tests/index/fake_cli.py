"""`python -m tests.index.fake_cli ARGS...`: the real command line (`python -m assistant ARGS...`) in its own process,
with the word-hash embedder of tests/conftest.py instead of the model, so that tests of concurrent or killed
processes run in seconds. FAKE_EMBED_DELAY_S=0.01 makes each text take that long (a build that can be killed
half-way through embedding)."""

from __future__ import annotations

import os
import time

import assistant.index.build
import assistant.index.embed
import assistant.retrieve.hybrid
from tests.conftest import WordHashEmbedder


class SlowWordHashEmbedder(WordHashEmbedder):
    delay = float(os.environ.get("FAKE_EMBED_DELAY_S", "0"))

    def embed(self, texts, *, show_progress=False):
        time.sleep(self.delay * len(texts))
        return super().embed(texts)


def _fake(*_args, **_kwargs):
    return SlowWordHashEmbedder()


assistant.index.embed.default_embedder = assistant.index.build.default_embedder = assistant.retrieve.hybrid.default_embedder = _fake
assistant.index.build.SAVE_SECONDS = 0  # save the embedding cache every SAVE_EVERY texts however fast they come

from assistant.cli.main import main

main()
