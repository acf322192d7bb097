"""Quality figures: per-question rows summed into the figures `eval` prints, per file and over all files."""

from assistant.evaluate import combine, evaluate_rows, format_report, matches


def row(id, answerable=True, abstained=False, rank=1, cited=True, facts=2, found=1, first=True, n=2):
    return {"id": id, "answerable": answerable, "abstained": abstained, "rank": rank, "cited": cited, "facts": facts,
            "facts_found": found, "ms": 10.0, "confidence": 0.7, "question": "q", "top": [],
            "first_line_fact": first, "n_citations": n}


def test_evaluate_rows__figures_over_answerable_and_unanswerable_questions():
    r = evaluate_rows([row("a"), row("b", rank=7, cited=False, first=False, n=4),
                       row("c", answerable=False, abstained=True, rank=None, cited=False, facts=0, found=0, n=0)])
    assert r["hit_cited"] == 0.5 and r["hit_at_5"] == 0.5 and r["hit_at_10"] == 1.0
    assert r["key_fact_recall"] == 0.5 and r["first_line_fact"] == 0.5
    assert r["abstain_recall"] == 1.0 and r["abstain_precision"] == 1.0 and r["false_abstain_rate"] == 0.0
    assert r["citations_per_answer"] == 3.0  # over the answers given, not the abstentions
    assert "a key fact on the first line:     50.0%" in format_report(r)


def test_combine__counts_each_question_once_over_all_files():
    one = evaluate_rows([row("a"), row("b", cited=False)])
    two = evaluate_rows([row("c", cited=False), row("d", cited=False)])
    total = combine([one, two])
    assert total["questions"] == 4 and total["hit_cited"] == 0.25 and total["file"] == "all"


def test_matches__quote_inside_the_cited_paragraph_or_same_number_on_the_gold_page():
    gold = {"doc": "x.pdf", "gold_para": "3.11", "gold_page": 4, "gold_quote": "However, threshold decisions were found"}
    assert matches("x.pdf", None, 4, 4, "3.11. However, threshold decisions were found to be inconsistent.", gold)
    assert matches("x.pdf", "3.11", 3, 4, "Other words", gold)
    assert not matches("x.pdf", "3.11", 7, 7, "Other words", gold)
    assert not matches("y.pdf", "3.11", 4, 4, "However, threshold decisions were found", gold)
