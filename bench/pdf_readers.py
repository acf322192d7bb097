"""PDF readers compared through the real pipeline: the project's reader (PDFium, ``assistant/ingest/pdf.py``)
against pypdf's ``extract_text`` (the reader before it, and the text the eval quotes were taken from).

Every PDF is read both ways and parsed (``parse_paragraphs``, ``build_meta``). Prints one JSON object:
extraction seconds per reader, paragraph counts, the paragraphs identical on (document, printed number, page,
whitespace-normalised text), numbered paragraphs with the same (number, page), metadata differences, and per
eval file the gold passages (``evaluate.matches`` against any paragraph of the document) each reader's
paragraphs hold. Needs pypdf (the dev extra).

    python bench/pdf_readers.py                       # the shared corpus's PDFs (~2-4 min, mostly pypdf)
    python bench/pdf_readers.py PATHS... [--docs N]
"""

from __future__ import annotations

import argparse
import collections
import logging
import re
import time
from pathlib import Path

from _common import SHARED, emit, machine

from assistant.evaluate import golds, load_questions, matches
from assistant.ingest.extract import ExtractedDoc
from assistant.ingest.files import sha256_of
from assistant.ingest.metadata import build_meta
from assistant.ingest.pdf import extract_pdf
from assistant.parse.paragraphs import parse_paragraphs

EVAL_FILES = ("dev", "dev-committee", "dev2", "dev2-committee")


def extract_pypdf(path: Path) -> ExtractedDoc:
    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    reader = PdfReader(str(path))
    pages = [[line.rstrip() for line in (p.extract_text() or "").splitlines()] for p in reader.pages]
    meta = reader.metadata
    title = ((meta.title or "").strip() if meta else "") or None
    return ExtractedDoc(path=path, pages=pages, paged=True, title_hint=title)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path,
                    default=[SHARED / "corpus" / "ofsted", SHARED / "corpus" / "committee"])
    ap.add_argument("--docs", type=int, default=0, help="Only the first N PDFs by name (0: all).")
    args = ap.parse_args()
    files = sorted(f for p in args.paths for f in ([p] if p.is_file() else p.glob("*.pdf")))
    files = files[:args.docs] if args.docs else files
    readers = {"pypdf": extract_pypdf, "pdfium": extract_pdf}
    seconds = collections.Counter()
    paras: dict[str, dict[str, list]] = {name: {} for name in readers}
    meta_diff = []
    pages = 0
    for f in files:
        sha = sha256_of(f)
        metas = {}
        for name, read in readers.items():
            t = time.perf_counter()
            doc = read(f)
            seconds[name] += time.perf_counter() - t
            paras[name][f.name] = parse_paragraphs(doc, f.name, sha)[0]
            metas[name] = build_meta(f, doc, sha, len(doc.pages), None)
        pages += len(doc.pages)
        for field in ("title", "organisation", "doc_type", "date", "committee"):
            if getattr(metas["pypdf"], field, None) != getattr(metas["pdfium"], field, None):
                meta_diff.append(f"{f.name}: {field}")

    def keys(ps, numbered=False):
        if numbered:
            return collections.Counter((p.para, p.page_start) for p in ps if p.para)
        return collections.Counter((p.para, p.page_start, _norm(p.text)) for p in ps)

    total = {n: sum(len(v) for v in paras[n].values()) for n in readers}
    same = sum((keys(paras["pypdf"][d]) & keys(paras["pdfium"][d])).total() for d in paras["pypdf"])
    numbered = {n: sum(keys(v, True).total() for v in paras[n].values()) for n in readers}
    same_numbered = sum((keys(paras["pypdf"][d], True) & keys(paras["pdfium"][d], True)).total() for d in paras["pypdf"])
    gold = {}
    for name in EVAL_FILES:
        path = SHARED / "eval" / f"{name}.jsonl"
        if not path.is_file():
            continue
        row = {"pdf_gold_items": 0, "pypdf": 0, "pdfium": 0, "differ": []}
        for q in load_questions(path):
            for g in golds(q):
                if g["doc"] not in paras["pypdf"]:
                    continue
                row["pdf_gold_items"] += 1
                hit = {n: any(matches(p.doc, p.para, p.page_start, p.page_end, p.text, g) for p in paras[n][g["doc"]])
                       for n in readers}
                for n in readers:
                    row[n] += hit[n]
                if hit["pypdf"] != hit["pdfium"]:
                    row["differ"].append(f"{q['id']}: {'gained' if hit['pdfium'] else 'lost'}")
        gold[name] = row
    emit({"benchmark": "pdf_readers", "documents": len(files), "pages": pages,
          "extract_seconds": {n: round(seconds[n], 2) for n in readers},
          "pages_per_s": {n: round(pages / max(seconds[n], 1e-9), 1) for n in readers},
          "speedup": round(seconds["pypdf"] / max(seconds["pdfium"], 1e-9), 1),
          "paragraphs": total, "identical_paragraphs": same, "identical_share": round(same / max(total["pypdf"], 1), 4),
          "numbered": numbered, "numbered_same_number_and_page": same_numbered,
          "metadata_differences": meta_diff, "gold": gold, "machine": machine()})


if __name__ == "__main__":
    main()
