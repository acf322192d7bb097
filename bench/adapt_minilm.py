"""Experiment, not part of the product (yet): adapt MiniLM to an index's documents by self-supervision.

Pairs come from the indexed paragraphs only, never from evaluation questions: (a) an Ofsted "What needs to
improve" item and the paragraph it cites "(paragraph N)"; (b) inverse cloze: one sentence and the rest of its
paragraph (with its heading). One epoch of MultipleNegativesRankingLoss (in-batch negatives, scale 20), written
as a plain PyTorch loop so that no extra package is needed. Results and how to evaluate: bench/RESULTS.md.

    python bench/adapt_minilm.py INDEX_DIR OUT_DIR        # e.g. .cache/corpus-index .cache/minilm-adapted
"""
import os
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ["HF_HUB_OFFLINE"] = "1"
import torch
from assistant.index.store import load_index
from assistant.index.embed import bundled_model_path
from assistant.parse.sentences import split_sentences
from sentence_transformers import SentenceTransformer

random.seed(0)
torch.manual_seed(0)
torch.set_num_threads(2)
N_ICT = int(os.environ.get("N_ICT", "2500"))
data = load_index(Path(sys.argv[1]), with_vectors=False)
paras = list(data.paragraphs)
by_doc = {}
for p in paras:
    by_doc.setdefault(p.doc, {}).setdefault(p.para, p)
ref = re.compile(r"\(paragraphs? ([\d ,and]+)\)")
pairs = []
for p in paras:
    m = ref.search(p.text)
    if m and data.docs[p.doc].doc_type == "ofsted-inspection":
        anchor = ref.sub("", p.text).strip()
        for n in re.findall(r"\d+", m.group(1)):
            tgt = by_doc[p.doc].get(n)
            if tgt is not None and tgt is not p:
                pairs.append((anchor, f"{tgt.heading or ''}: {tgt.text}"))
n_ref = len(pairs)
cands = [p for p in paras if len(p.text.split()) >= 30]
random.shuffle(cands)
for p in cands:
    s = split_sentences(p.text)
    if len(s) < 3:
        continue
    i = random.randrange(len(s))
    rest = " ".join(s[:i] + s[i + 1:])
    pairs.append((s[i], f"{p.heading or ''}: {rest}"))
    if len(pairs) - n_ref >= N_ICT:
        break
random.shuffle(pairs)
print(f"pairs: {n_ref} improvement-item -> paragraph, {len(pairs) - n_ref} inverse-cloze", flush=True)
model = SentenceTransformer(bundled_model_path(), device="cpu", local_files_only=True)
model.max_seq_length = 128
model.train()
opt = torch.optim.AdamW(model.parameters(), lr=float(os.environ.get("LR", "2e-5")))
B = 32
steps = len(pairs) // B
sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / max(1, steps // 10)))
t0 = time.time()
for step in range(steps):
    batch = pairs[step * B:(step + 1) * B]
    a = model.tokenize([x for x, _ in batch])
    b = model.tokenize([y for _, y in batch])
    ea = torch.nn.functional.normalize(model(a)["sentence_embedding"], dim=-1)
    eb = torch.nn.functional.normalize(model(b)["sentence_embedding"], dim=-1)
    logits = ea @ eb.T * 20.0
    loss = torch.nn.functional.cross_entropy(logits, torch.arange(len(batch)))
    opt.zero_grad()
    loss.backward()
    opt.step()
    sched.step()
    if step % 10 == 0:
        print(f"step {step}/{steps} loss {loss.item():.3f} {time.time() - t0:.0f}s", flush=True)
out = Path(sys.argv[2])
model.max_seq_length = 256  # trained on 128 word pieces; the index reads 256
model.save(str(out))
print("saved", out, f"{time.time() - t0:.0f}s")
