"""Step 5b, a resolved question -> ranked paragraphs: BM25 and dense search fused by their normalised scores,
filters, and the second stage that re-orders the top candidates by their best sentence (hybrid.py)."""
