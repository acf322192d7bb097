"""Calibrate the verifier's support threshold on (sentence, paragraph) pairs from a real committee report.

Positives: each sentence of a paragraph against its own paragraph (verbatim), the same sentence with about a
third of its words removed (a summary), and hand-written paraphrases. Negatives: each sentence against every
other paragraph of the same report (same topic, so hard), the sentence with one number changed, the sentence
with two content words swapped for words of another paragraph, and hand-written plausible but unsupported
claims. Prints JSON: precision/recall/F1 of "supported" per threshold, per-kind acceptance rates, and the
threshold chosen: the highest that still accepts at least 95% of paraphrases and every compressed sentence,
among those at which no hand-written unsupported claim and no other paragraph's sentence is accepted.

    python bench/llm_verify_calibration.py [--doc PATH]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from assistant.answer.generate.verify import (  # noqa: E402
    SUPPORT_THRESHOLD, _content_terms, sentence_spans, support_score)

DEFAULT_DOC = (Path(__file__).resolve().parents[2] / "shared/corpus/committee/"
               "medway_cyp-overview-scrutiny_2020-10-01_ofsted-monitoring-visit.txt")

# (paragraph number, paraphrase that the paragraph supports)
PARAPHRASES = [
    ("2.1", "Medway's children's services were judged Inadequate overall in the July 2019 ILACS inspection."),
    ("2.1", "The inspection report was published on 27 August 2019."),
    ("2.3", "Eleanor Brazil, the Commissioner, sent her first report to the Secretary of State in December 2019."),
    ("2.4", "Rory Paterson independently chairs the Improvement Board, which meets every month."),
    ("2.4", "The Improvement Plan was refreshed in July 2020 and is overseen by a monthly board."),
    ("3.1", "Inspectors carried out the visit remotely using video conferencing."),
    ("3.2", "Inspectors found initial progress in improving services for children and young people."),
    ("3.2", "The realignment of teams has laid the foundations for practice to improve."),
    ("3.4", "Caseloads in the assessment teams have been vastly reduced to manageable levels."),
    ("3.4", "A permanent senior management team and extra staffing investment reduced caseloads."),
    ("3.5", "The council created 35 additional social work posts."),
    ("3.5", "Capacity to work with referred families has increased, a significant improvement since the inspection."),
    ("3.6", "The social work practice model is not yet used consistently in practice."),
    ("3.7", "Thresholds are appropriately applied and families receive the right service."),
    ("3.7", "Management oversight in the MASH means there is rarely delay in offering families a service."),
    ("3.8", "Inspectors supported the plan to review the multi-agency Threshold Document with partners."),
    ("3.9", "Many planned interventions lack timescales, so progress cannot be tracked effectively."),
    ("3.9", "The quality of plans for children needs to improve."),
    ("3.10", "Early help assessments vary in quality and some lack analysis of the family's needs."),
    ("3.11", "Decisions to step children down from child in need support to early help were inconsistent."),
    ("3.12", "Inspectors agreed with the audit grades for all six cases they tracked."),
    ("3.13", "Managers need to challenge social workers more and facilitate reflective discussion."),
    ("3.14", "Recruitment and retention of social workers remains problematic."),
    ("3.14", "Social workers said managers in Medway are supportive and available."),
    ("3.15", "Senior managers are planning for a potential surge in demand because of Covid 19."),
    ("3.16", "Inspectors considered no children to be at risk of harm."),
    ("5.1", "Specialist teams for children in care will prioritise permanency planning and direct work."),
    ("6.1", "£7.6m of additional funding was made available through the 2020-21 budget."),
    ("6.1", "The extra funding substantially increases the staffing establishment for children's social care."),
]
# (paragraph number, plausible claim the paragraph does not support)
UNSUPPORTED = [
    ("2.1", "The service was judged Good overall in the 2019 inspection."),
    ("2.1", "The inspection took place in March 2020."),
    ("2.3", "Rory Paterson submitted the Commissioner's report to the Secretary of State."),
    ("2.4", "The Improvement Board meets every quarter under the council leader."),
    ("3.1", "Inspectors visited family homes in person during the visit."),
    ("3.4", "Caseloads in the assessment teams have risen sharply."),
    ("3.5", "The council cut 35 social work posts to save money."),
    ("3.5", "The additional posts were funded by central government grants for agency staff."),
    ("3.6", "Staff reject the new model of social work practice."),
    ("3.9", "Plans for children are of consistently high quality with clear timescales."),
    ("3.12", "Inspectors disagreed with the moderated audit grades."),
    ("3.14", "Social workers described low morale and unsupportive leadership in Medway."),
    ("3.16", "Several children were found to be at immediate risk of harm."),
    ("5.1", "Care leavers will receive a new housing allowance from the specialist teams."),
    ("6.1", "The council cut the children's social care budget by £7.6m."),
    ("6.1", "Funding of £76m was added to the budget for adult social care."),
]


def load_paragraphs(path: Path) -> dict[str, str]:
    """Numbered paragraphs ('- 3.5. text' or '5.1. text') of the report, continuation lines joined."""
    paras: dict[str, str] = {}
    current: str | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(?:- )?(\d+\.\d+)\.?\s+(.+)$", line.strip())
        if m:
            current = m.group(1)
            paras[current] = m.group(2).strip()
        elif current and line.strip() and re.match(r"^[a-z]", line.strip()) and not paras[current].endswith("."):
            paras[current] += " " + line.strip()
        elif not line.strip():
            continue
        else:
            current = None
    return {k: v for k, v in paras.items() if len(v) > 60}


def sentences_of(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text) if len(text[s:e].split()) >= 6]


def compress(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    keep = [w for w in words if rng.random() > 0.33 or re.search(r"\d", w)]
    return " ".join(keep)


def number_swap(sentence: str, rng: random.Random) -> str | None:
    nums = list(re.finditer(r"\d+", sentence))
    if not nums:
        return None
    m = rng.choice(nums)
    n = int(m.group())
    new = n + rng.choice([1, 2, 10]) if n < 1900 else n + rng.choice([-2, -1, 1, 3])
    return sentence[:m.start()] + str(new) + sentence[m.end():]


def word_swap(sentence: str, other: str, rng: random.Random) -> str | None:
    words = sentence.split()
    idx = [i for i, w in enumerate(words) if len(w) > 5 and w.isalpha() and _content_terms(w)[0]]
    own, _ = _content_terms(sentence)
    foreign = [w for w in other.split() if len(w) > 5 and w.isalpha() and not (_content_terms(w)[0] & own)]
    if len(idx) < 2 or len(foreign) < 2:
        return None
    for i, w in zip(rng.sample(idx, 2), rng.sample(foreign, 2)):
        words[i] = w
    return " ".join(words)


def build_pairs(paras: dict[str, str], seed: int = 13) -> list[tuple[str, str, str, bool]]:
    """(kind, sentence, paragraph text, supported?)"""
    rng = random.Random(seed)
    pairs: list[tuple[str, str, str, bool]] = []
    keys = list(paras)
    for k, text in paras.items():
        for sent in sentences_of(text):
            pairs.append(("verbatim", sent, text, True))
            pairs.append(("compressed", compress(sent, rng), text, True))
            swapped = number_swap(sent, rng)
            if swapped:
                pairs.append(("number-swapped", swapped, text, False))
            other = paras[rng.choice([x for x in keys if x != k])]
            ws = word_swap(sent, other, rng)
            if ws:
                pairs.append(("word-swapped", ws, text, False))
            for k2 in keys:
                if k2 != k:
                    pairs.append(("other-paragraph", sent, paras[k2], False))
    for k, sent in PARAPHRASES:
        pairs.append(("paraphrase", sent, paras[k], True))
    for k, sent in UNSUPPORTED:
        pairs.append(("hand-unsupported", sent, paras[k], False))
    return pairs


def evaluate(pairs, thresholds):
    scored = [(kind, support_score(s, p), y) for kind, s, p, y in pairs]
    rows = []
    for t in thresholds:
        tp = sum(1 for _, sc, y in scored if y and sc >= t)
        fp = sum(1 for _, sc, y in scored if not y and sc >= t)
        fn = sum(1 for _, sc, y in scored if y and sc < t)
        prec = tp / (tp + fp) if tp + fp else 1.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        kinds = {}
        for kind in sorted({k for k, _, _ in scored}):
            sc = [s for k, s, _ in scored if k == kind]
            kinds[kind] = round(sum(1 for s in sc if s >= t) / len(sc), 3)
        rows.append({"threshold": t, "precision": round(prec, 4), "recall": round(rec, 4), "f1": round(f1, 4),
                     "tp": tp, "fp": fp, "fn": fn, "accepted_by_kind": kinds})
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--doc", type=Path, default=DEFAULT_DOC)
    ap.add_argument("--balanced", action="store_true",
                    help="weigh positives and negatives equally (other-paragraph negatives subsampled)")
    args = ap.parse_args()
    if not args.doc.exists():
        print(json.dumps({"error": f"{args.doc} not found"}))
        sys.exit(1)
    paras = load_paragraphs(args.doc)
    pairs = build_pairs(paras)
    thresholds = [round(0.3 + 0.05 * i, 2) for i in range(14)]
    rows = evaluate(pairs, thresholds)
    ok = [r for r in rows if r["accepted_by_kind"]["hand-unsupported"] == 0
          and r["accepted_by_kind"]["other-paragraph"] == 0 and r["accepted_by_kind"]["paraphrase"] >= 0.95
          and r["accepted_by_kind"]["compressed"] == 1.0] or rows
    best = max(ok, key=lambda r: r["threshold"])
    counts: dict[str, int] = {}
    for kind, *_ in pairs:
        counts[kind] = counts.get(kind, 0) + 1
    hand = [r for r in rows if r["threshold"] == SUPPORT_THRESHOLD]
    print(json.dumps({
        "doc": args.doc.name, "paragraphs": len(paras), "pairs": len(pairs), "pairs_by_kind": counts,
        "positives": sum(1 for p in pairs if p[3]), "negatives": sum(1 for p in pairs if not p[3]),
        "current_threshold": SUPPORT_THRESHOLD, "current": hand[0] if hand else None,
        "chosen_threshold": best["threshold"], "rows": rows,
    }, indent=1))


if __name__ == "__main__":
    main()
