"""Step 5b, a resolved question -> ranked paragraphs: BM25 and dense search fused by reciprocal rank, filters, and
the second stage that re-orders the top candidates by their best sentence (hybrid.py)."""
