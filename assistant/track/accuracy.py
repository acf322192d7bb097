"""Precision and recall of the extractors against the hand-labelled gold set in tests/data/track/.

    python -m assistant.track.accuracy            # parses the gold documents and prints the tables
    python -m assistant.track.accuracy --quiet    # tables only, without the misses and false alarms

The documents listed in tests/data/track/added.json were labelled after the extractor was first written (a record
of decision, a proposed record of decision, an executive response, minutes with resolutions, another Ofsted report);
their figures are printed separately from the original set, as a check on papers the rules were not built against,
and each one's counts below them. A paper in scope.json with no gold rows was labelled as holding none of its kinds
(a member's budget amendment form: a proposal put to the Council, neither its promise nor a recommendation to it, as
an amendment moved in minutes is not; an agenda front sheet, whose numbered items only list what the meeting will
consider), so whatever is extracted from it is a false alarm.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from .items import KINDS, TrackRecord

GOLD_DIR = Path(__file__).resolve().parents[2] / "tests" / "data" / "track"


def load_gold(folder: Path = GOLD_DIR) -> tuple[list[dict[str, Any]], dict[str, list[str]]]:
    rows = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    scope = json.loads((folder / "scope.json").read_text(encoding="utf-8"))
    return rows, scope


def added_docs(folder: Path = GOLD_DIR) -> set[str]:
    path = folder / "added.json"
    return set(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else set()


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", text.lower().replace("’", "'")))


def _matches(g: dict[str, Any], r: TrackRecord) -> bool:
    if g["doc"] != r.doc or g["kind"] != r.kind:
        return False
    if g["kind"] == "judgement":
        return g.get("area") == r.area and g.get("grade") == r.grade
    if g.get("para") != r.para or g.get("page") != r.page_start:
        return False
    if g.get("ordinal") == r.ordinal:
        return True
    snippet = _words(g["text"])
    return bool(snippet) and len(snippet & _words(r.text)) / len(snippet) >= 0.6


def score(records: list[TrackRecord], gold: list[dict[str, Any]], scope: dict[str, list[str]]) -> dict[str, dict]:
    """Per kind: gold, predicted, true positives, precision, recall, and the misses and false alarms."""
    preds = [r for r in records if r.kind in scope.get(r.doc, [])]
    out: dict[str, dict] = {}
    by_kind: dict[str, list] = defaultdict(list)
    for g in gold:
        by_kind[g["kind"]].append(g)
    for kind in KINDS:
        gk = by_kind.get(kind, [])
        pk = [r for r in preds if r.kind == kind]
        if not gk and not pk:
            continue
        used: set[int] = set()
        missed = []
        for g in gk:
            hit = next((i for i, r in enumerate(pk) if i not in used and _matches(g, r)), None)
            if hit is None:
                missed.append(g)
            else:
                used.add(hit)
        tp = len(used)
        out[kind] = {
            "gold": len(gk), "predicted": len(pk), "correct": tp,
            "precision": tp / len(pk) if pk else 1.0, "recall": tp / len(gk) if gk else 1.0,
            "missed": missed, "false_alarms": [r for i, r in enumerate(pk) if i not in used],
        }
    return out


def gold_records(paths: dict[str, Path]) -> list[TrackRecord]:
    """Parse the gold documents directly (no index) and extract their records."""
    from ..index.sources import parse_file
    from .extractor import extract_records

    out: list[TrackRecord] = []
    for path in paths.values():
        meta, paragraphs, _ = parse_file(path, "gold")
        out.extend(extract_records(meta, paragraphs))
    return out


def default_paths(gold: list[dict[str, Any]], scope: dict[str, list[str]] | None = None) -> dict[str, Path]:
    """Where each labelled document is: every document with a gold row, and every one in SCOPE (a paper labelled
    as holding no records of its kinds counts too: whatever is extracted from it is a false alarm)."""
    repo = GOLD_DIR.parents[2]
    roots = [repo / "source_docs", repo.parent / "shared" / "corpus" / "committee", repo.parent / "shared" / "corpus" / "ofsted"]
    paths = {}
    for doc in sorted({g["doc"] for g in gold} | set(scope or ())):
        found = next((r / doc for r in roots if (r / doc).is_file()), None)
        if found:
            paths[doc] = found
    return paths


def format_table(result: dict[str, dict]) -> str:
    lines = [f"{'kind':<17}{'gold':>6}{'pred':>6}{'ok':>5}{'precision':>11}{'recall':>8}"]
    for kind, s in result.items():
        lines.append(f"{kind:<17}{s['gold']:>6}{s['predicted']:>6}{s['correct']:>5}{s['precision']:>11.2f}{s['recall']:>8.2f}")
    return "\n".join(lines)


def main(verbose: bool = True) -> dict[str, dict]:
    gold, scope = load_gold()
    paths = default_paths(gold, scope)
    gold = [g for g in gold if g["doc"] in paths]
    scope = {d: k for d, k in scope.items() if d in paths}
    records = gold_records(paths)
    result = score(records, gold, scope)
    added = added_docs()
    for name, keep in (("original documents", lambda d: d not in added), ("added documents", lambda d: d in added)):
        part = score([r for r in records if keep(r.doc)], [g for g in gold if keep(g["doc"])],
                     {d: k for d, k in scope.items() if keep(d)})
        if part:
            print(f"{name}:\n{format_table(part)}\n")
    print("added documents, each:")
    for doc in sorted(added & set(paths)):
        part = score([r for r in records if r.doc == doc], [g for g in gold if g["doc"] == doc], {doc: scope[doc]})
        counts = [sum(s[k] for s in part.values()) for k in ("gold", "predicted", "correct")]
        print(f"  {doc[:70]:<70} gold {counts[0]:>3}  pred {counts[1]:>3}  ok {counts[2]:>3}")
    print()
    print(f"all documents:\n{format_table(result)}")
    if verbose:
        for kind, s in result.items():
            for g in s["missed"]:
                print(f"  missed {kind}: {g['doc'][:40]} para={g.get('para')} p={g.get('page')} {g['text'][:70]}")
            for r in s["false_alarms"]:
                print(f"  false {kind}: {r.doc[:40]} para={r.para} p={r.page_start} {r.text[:70]}")
    return result


if __name__ == "__main__":
    import sys

    main(verbose="--quiet" not in sys.argv[1:])
