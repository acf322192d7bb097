"""Steps 3-4, paragraphs -> a searchable index: embedding (embed.py, embed_cache.py), dense vectors (dense.py),
BM25 (lexical.py), rows read from disk (rows.py), the versioned index folder (store.py, lock.py); the documents a
build reads and where indexed ones came from (sources.py), and the build that writes it: sync, add, remove
(build.py)."""
