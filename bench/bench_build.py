"""Index build benchmark: the full pipeline (parse -> embed -> write) into a fresh temporary index folder.

A fresh folder means a cold embedding cache (it lives in ``<index>/embed-cache``). Prints one JSON object:
documents/s, paragraphs/s, chunks/s, seconds per stage (from ``SyncReport.seconds``), peak RSS and the size of
the index on disk.

    python bench/bench_build.py [PATHS...] [--keep DIR]

Default paths: the whole shared corpus (../shared/corpus/ofsted and ../shared/corpus/committee).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from _common import SHARED, dir_size_mb, emit, machine, peak_rss_mb


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path,
                    default=[SHARED / "corpus" / "ofsted", SHARED / "corpus" / "committee"])
    ap.add_argument("--keep", type=Path, help="Build here and keep it (default: a temporary folder, removed).")
    args = ap.parse_args()

    from assistant.build import collect_files, sync_index
    from assistant.store import current_version_dir

    target = args.keep or Path(tempfile.mkdtemp(prefix="bench-build-"))
    try:
        t0 = time.perf_counter()
        report = sync_index(target, args.paths, rebuild=True, progress=False, log=lambda m: None)
        wall = time.perf_counter() - t0
        vdir = current_version_dir(target)
        import json

        manifest = json.loads((vdir / "manifest.json").read_text())
        docs = len(report.added) + len(report.updated)
        stages = {k: round(v, 2) for k, v in report.seconds.items()}
        emit({
            "benchmark": "build",
            "paths": [str(p) for p in args.paths],
            "files": len(collect_files(args.paths)),
            "documents": docs,
            "skipped": len(report.failed),
            "paragraphs": report.paragraphs,
            "chunks": manifest.get("chunks"),
            "sentences": manifest.get("sentences"),
            "texts_embedded": report.embedded,
            "embedding_precision": manifest.get("embedding_precision"),
            "seconds": {**stages, "wall": round(wall, 2)},
            "documents_per_s": round(docs / wall, 2),
            "paragraphs_per_s": round(report.paragraphs / wall, 1),
            "parse_documents_per_s": round(docs / max(1e-9, report.seconds.get("parse", 0)), 2),
            "embed_texts_per_s": round(report.embedded / max(1e-9, report.seconds.get("embed", 0)), 1),
            "peak_rss_mb": peak_rss_mb(),
            "index_mb": dir_size_mb(vdir),
            "embed_cache_mb": dir_size_mb(target / "embed-cache") if (target / "embed-cache").exists() else 0,
            "files_mb": {f.name: round(f.stat().st_size / 2**20, 2) if f.is_file() else dir_size_mb(f)
                         for f in sorted(vdir.iterdir())},
            "machine": machine(),
        })
    finally:
        if not args.keep:
            shutil.rmtree(target, ignore_errors=True)


if __name__ == "__main__":
    main()
