"""Experiment: build the shared corpus's index with an adapted model (bench/adapt_minilm.py) in float32 on
PyTorch, or evaluate such an index on the four question files. The product has no setting for another model
yet: this swaps the bundled model's path in this process only.

    python bench/adapt_eval.py build MODEL_DIR INDEX_DIR     # a fresh folder: the embedding cache is per model name
    MODES=hybrid,dense python bench/adapt_eval.py eval MODEL_DIR INDEX_DIR
"""
import os
import sys
from pathlib import Path

os.environ["ASSISTANT_EMBED_BACKEND"] = "torch"
os.environ["ASSISTANT_EMBED_PRECISION"] = "fp32"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import assistant.index.embed as E  # noqa: E402  (after the path is set)
mode, model_dir, idx = sys.argv[1], sys.argv[2], sys.argv[3]
E.bundled_model_path = lambda: model_dir
if __name__ == "__main__":
    if mode == "build":
        from assistant.cli import main
        sys.argv = ["assistant", "index", str(ROOT.parent / "shared/corpus/ofsted"), str(ROOT.parent / "shared/corpus/committee"), "--index-dir", idx, "--quiet"]
        try:
            main()
        except SystemExit:
            pass
    else:
        from assistant.api import Assistant
        from assistant.evaluate import evaluate, load_questions
        a = Assistant.load(idx)
        out = {}
        for f in ["dev", "dev-committee", "dev2", "dev2-committee"]:
            for m in (os.environ.get("MODES", "hybrid").split(",")):
                r = evaluate(a, load_questions(ROOT.parent / "shared" / "eval" / f"{f}.jsonl"), mode=m)
                ans = r["answerable"]
                print(f"{m:7} {f:15} cited {r['hit_cited']*100:5.1f} ({round(r['hit_cited']*ans)}/{ans})  top5 {r['hit_at_5']*100:5.1f} top10 {r['hit_at_10']*100:5.1f} facts {r['key_fact_recall']*100:5.1f} first {r['first_line_fact']*100:4.1f} abst {r['abstain_recall']}", flush=True)
