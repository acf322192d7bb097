"""Retrieval against the plain LlamaIndex recipe, on the same documents and questions.

The recipe: each PDF page a document (pypdf text, as ``SimpleDirectoryReader`` reads it, with its ``page_label``
and ``file_name`` metadata in the embedded text) → ``SentenceSplitter(chunk_size=256, chunk_overlap=20)`` →
all-MiniLM-L6-v2 vectors (the bundled model, through this project's embedder so both sides use one model) and
BM25 (bm25s, English stopwords and Snowball stemmer, as ``BM25Retriever`` does) → reciprocal rank fusion
(k=60) of each side's top 20, as ``QueryFusionRetriever(mode="reciprocal_rerank")`` does.

A question counts as found at k when one of the first k chunks comes from the gold document and holds the gold
quote (whitespace and case folded; a quote cut by a chunk boundary counts when either half of it is there).
For the project, the same figure is read from ``assistant.evaluate`` (gold paragraph in the top k retrieved).

    python bench/recipe_retrieval.py --index INDEX_DIR [--eval FILE ...] [--docs FOLDER ...]

The recipe's chunk vectors are kept in ``.cache/recipe-retrieval/`` keyed by the documents and chunker, so a
second run only queries. Prints one JSON object; ``--per-question`` adds each question's ranks (for diagnosis on
the dev files only: the check files are read as totals).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

import numpy as np

from _common import ROOT, SHARED, emit, machine

CACHE = ROOT / ".cache" / "recipe-retrieval"
CHUNK_SIZE, OVERLAP, EACH_TOP, RRF_K = 256, 20, 20, 60


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def recipe_chunks(files: list[Path]) -> list[dict]:
    """The recipe's chunks: {doc, page, text (what is embedded: metadata then content), content}."""
    from llama_index.core import Document
    from llama_index.core.node_parser import SentenceSplitter
    from pypdf import PdfReader

    splitter = SentenceSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=OVERLAP)
    docs = []
    for f in files:
        for i, page in enumerate(PdfReader(f).pages):
            docs.append(Document(text=page.extract_text() or "", metadata={"page_label": str(i + 1),
                                                                           "file_name": f.name}))
    out = []
    for node in splitter.get_nodes_from_documents(docs):
        out.append({"doc": node.metadata["file_name"], "page": int(node.metadata["page_label"]),
                    "text": node.get_content(metadata_mode="embed"), "content": node.get_content()})
    return out


def build(files: list[Path]) -> tuple[list[dict], np.ndarray, object]:
    import bm25s
    import Stemmer

    from assistant.index.embed import default_embedder

    key = hashlib.sha256(json.dumps([[f.name, f.stat().st_size] for f in files] + [CHUNK_SIZE, OVERLAP])
                         .encode()).hexdigest()[:16]
    CACHE.mkdir(parents=True, exist_ok=True)
    chunks_path, vecs_path = CACHE / f"{key}.json", CACHE / f"{key}.npy"
    if chunks_path.exists() and vecs_path.exists():
        chunks, vecs = json.loads(chunks_path.read_text()), np.load(vecs_path)
    else:
        chunks = recipe_chunks(files)
        vecs = default_embedder().embed([c["text"] for c in chunks], show_progress=True).astype(np.float32)
        np.save(vecs_path, vecs)
        chunks_path.write_text(json.dumps(chunks))
    stemmer = Stemmer.Stemmer("english")
    bm25 = bm25s.BM25()
    bm25.index(bm25s.tokenize([c["text"] for c in chunks], stopwords="en", stemmer=stemmer, show_progress=False),
               show_progress=False)
    return chunks, vecs, (bm25, stemmer)


def recipe_ranking(question: str, chunks, vecs, bm25, embedder) -> list[int]:
    import bm25s

    index, stemmer = bm25
    q = embedder.embed([question])[0]
    dense = list(np.argsort(-(vecs @ q))[:EACH_TOP])
    tokens = bm25s.tokenize([question], stopwords="en", stemmer=stemmer, show_progress=False)
    ids, scores = index.retrieve(tokens, k=EACH_TOP, show_progress=False)
    keyword = [int(i) for i, s in zip(ids[0], scores[0]) if s > 0]
    fused: dict[int, float] = {}
    for ranking in (dense, keyword):
        for rank, i in enumerate(ranking):
            fused[int(i)] = fused.get(int(i), 0.0) + 1.0 / (RRF_K + rank + 1)
    return sorted(fused, key=lambda i: -fused[i])


def holds(chunk: dict, q: dict) -> bool:
    if chunk["doc"] != q["doc"]:
        return False
    text, quote = _fold(chunk["content"]), _fold(q["gold_quote"])
    half = len(quote) // 2
    return quote in text or quote[:half] in text or quote[half:] in text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", type=Path, required=True, help="This project's index over the same documents.")
    ap.add_argument("--docs", type=Path, nargs="*", default=[SHARED / "corpus" / "committee"])
    ap.add_argument("--eval", type=Path, nargs="*",
                    default=[SHARED / "eval" / "dev-committee.jsonl", SHARED / "eval" / "dev2-committee.jsonl"])
    ap.add_argument("--per-question", action="store_true")
    args = ap.parse_args()

    from assistant.api import Assistant
    from assistant.evaluate import evaluate, load_questions
    from assistant.index.embed import default_embedder

    files = sorted(f for d in args.docs for f in (d.glob("*.pdf") if d.is_dir() else [d]))
    t0 = time.perf_counter()
    chunks, vecs, bm25 = build(files)
    built = time.perf_counter() - t0
    embedder = default_embedder()
    assistant = Assistant.load(args.index)
    result = {"machine": machine(), "documents": len(files), "recipe_chunks": len(chunks),
              "recipe_build_s": round(built, 1), "files": {}}
    for path in args.eval:
        questions = [q for q in load_questions(path) if q.get("answerable", True)]
        ranks = []
        for q in questions:
            ranking = recipe_ranking(q["question"], chunks, vecs, bm25, embedder)
            ranks.append(next((r + 1 for r, i in enumerate(ranking) if holds(chunks[i], q)), None))
        ours = evaluate(assistant, questions)
        row = {"questions": len(questions),
               "recipe_top5": sum(1 for r in ranks if r and r <= 5), "recipe_top10": sum(1 for r in ranks if r and r <= 10),
               "project_top5": round(ours["hit_at_5"] * len(questions)),
               "project_top10": round(ours["hit_at_10"] * len(questions)),
               "project_cited": round(ours["hit_cited"] * len(questions))}
        if args.per_question:
            row["recipe_rank"] = {q["id"]: r for q, r in zip(questions, ranks)}
            row["project_rank"] = {r["id"]: r.get("rank") for r in ours.get("rows", [])}
        result["files"][path.name] = row
    emit(result)


if __name__ == "__main__":
    sys.exit(main())
