"""Quality figures on development questions: citation and retrieval hits, MRR, key facts, abstention, latency."""

from __future__ import annotations

import json
import statistics
from pathlib import Path
from typing import Any

from .parse.normalise import squashed
from .records import Hit


def load_questions(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def golds(q: dict[str, Any]) -> list[dict[str, Any]]:
    out = [{"doc": q["doc"], "gold_para": q.get("gold_para"), "gold_page": q.get("gold_page"),
            "gold_quote": q.get("gold_quote")}] if q.get("doc") else []
    return out + list(q.get("also") or [])


def matches(doc: str, para: str | None, page_start: int | None, page_end: int | None, text: str,
            gold: dict[str, Any]) -> bool:
    """Same document, and the gold quote inside the paragraph text, or the same printed number on the gold page."""
    if doc != gold["doc"]:
        return False
    quote = gold.get("gold_quote")
    if quote and squashed(quote)[:60] in squashed(text):
        return True
    if gold.get("gold_para") and para == gold["gold_para"]:
        gp = gold.get("gold_page")
        return gp is None or page_start is None or (page_start <= gp <= (page_end or page_start))
    return False


def _hit_matches(h: Hit, gold: dict[str, Any]) -> bool:
    p = h.paragraph
    return matches(p.doc, p.para, p.page_start, p.page_end, p.text, gold)


def evaluate(assistant, questions: list[dict[str, Any]], mode: str = "hybrid") -> dict[str, Any]:
    rows = []
    for q in questions:
        ans = assistant.ask(q["question"], mode=mode)
        gs = golds(q)
        rank = next((h.rank for h in ans.hits if any(_hit_matches(h, g) for g in gs)), None)
        on_gold = [any(matches(c.doc, c.para, c.page_start, c.page_end, c.text, g) for g in gs) for c in ans.citations]
        cited = any(on_gold)
        facts = q.get("key_facts") or []
        found = [f for f in facts if f.lower() in ans.answer.lower()] if not ans.abstained else []
        first_line = ans.answer.split("\n", 1)[0].lower() if not ans.abstained else ""
        rows.append({
            "id": q["id"], "answerable": q.get("answerable", True), "abstained": ans.abstained, "rank": rank,
            "cited": cited, "facts": len(facts), "facts_found": len(found), "ms": ans.timings_ms.get("total", 0.0),
            "first_line_fact": any(f.lower() in first_line for f in facts), "n_citations": len(ans.citations),
            "gold_citations": sum(on_gold),
            "confidence": round(ans.confidence, 4),
            "question": q["question"],
            "top": [f"{h.paragraph.doc}#{h.paragraph.para}@p{h.paragraph.page_start}" for h in ans.hits[:3]],
        })
    result = evaluate_rows(rows)
    result["mode"] = mode
    return result


def evaluate_rows(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures over per-question rows."""
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    n = max(1, len(answerable))
    abstained = [r for r in rows if r["abstained"]]
    lat = sorted(r["ms"] for r in rows)
    return {
        "questions": len(rows),
        "answerable": len(answerable),
        "hit_cited": sum(r["cited"] for r in answerable) / n,
        "hit_at_5": sum(1 for r in answerable if r["rank"] and r["rank"] <= 5) / n,
        "hit_at_10": sum(1 for r in answerable if r["rank"] and r["rank"] <= 10) / n,
        "mrr": sum(1 / r["rank"] for r in answerable if r["rank"]) / n,
        "key_fact_recall": sum(r["facts_found"] for r in answerable) / max(1, sum(r["facts"] for r in answerable)),
        "first_line_fact": sum(1 for r in answerable if r["first_line_fact"]) / n,
        "citations_per_answer": (sum(r["n_citations"] for r in rows if not r["abstained"])
                                 / max(1, sum(1 for r in rows if not r["abstained"]))),
        # a lower bound on citation precision: citations that are a gold passage (others may bear on it too)
        "gold_share_of_citations": (sum(r.get("gold_citations", 0) for r in answerable if not r["abstained"])
                                    / max(1, sum(r["n_citations"] for r in answerable if not r["abstained"]))),
        "abstain_precision": (sum(1 for r in abstained if not r["answerable"]) / len(abstained)) if abstained else None,
        "abstain_recall": (sum(1 for r in unanswerable if r["abstained"]) / len(unanswerable)) if unanswerable else None,
        "false_abstain_rate": sum(1 for r in answerable if r["abstained"]) / n,
        "latency_ms_p50": statistics.median(lat) if lat else None,
        "latency_ms_p95": lat[min(len(lat) - 1, int(round(0.95 * (len(lat) - 1))))] if lat else None,
        "mode": "",
        "rows": rows,
    }


def format_report(r: dict[str, Any], details: bool = False) -> str:
    def pct(v):
        return "n/a" if v is None else f"{100 * v:.1f}%"
    lines = [
        f"{r.get('file', '')}: {r['questions']} questions ({r['answerable']} answerable), retriever: {r['mode']}",
        f"  gold paragraph cited (hit@cited): {pct(r['hit_cited'])}",
        f"  gold in top 5 / top 10 retrieved: {pct(r['hit_at_5'])} / {pct(r['hit_at_10'])}",
        f"  mean reciprocal rank:             {r['mrr']:.3f}",
        f"  key-fact recall in answer:        {pct(r['key_fact_recall'])}",
        f"  a key fact on the first line:     {pct(r['first_line_fact'])}",
        f"  citations per answer:             {r['citations_per_answer']:.1f}",
        f"  citations that are a gold passage: {pct(r['gold_share_of_citations'])} (a lower bound on precision)",
        f"  abstention precision / recall:    {pct(r['abstain_precision'])} / {pct(r['abstain_recall'])}",
        f"  false abstention (answerable):    {pct(r['false_abstain_rate'])}",
        f"  latency p50 / p95:                {r['latency_ms_p50']:.0f} ms / {r['latency_ms_p95']:.0f} ms",
    ]
    if details:
        for row in r["rows"]:
            flag = "ABST" if row["abstained"] else "    "
            lines.append(f"  {row['id']:<5} {flag} rank={row['rank']} cited={int(row['cited'])} "
                         f"facts={row['facts_found']}/{row['facts']} {row['question'][:70]} | {row['top'][0] if row['top'] else ''}")
    return "\n".join(lines)


def combine(results: list[dict[str, Any]]) -> dict[str, Any]:
    """One set of figures over several files' questions (each question counted once)."""
    rows = [row for r in results for row in r["rows"]]
    out = evaluate_rows(rows) if rows else {}
    out["file"] = "all"
    return out
