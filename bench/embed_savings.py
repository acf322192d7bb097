"""What each "embed less" step saves: word pieces the model would read, over the whole corpus (parse only).

Parses the documents (in worker processes, as a build does) and counts, with the model's tokenizer (special
tokens included, at most 256 a text), the word pieces of the texts a build gives the model:

1. before issue 15: each paragraph whole plus, for paragraphs of 3+ sentences and 100+ words, windows of a few
   sentences; every text as many times as it occurs;
2. identical texts embedded once (the embedding cache, keyed by text);
3. boilerplate not embedded (``assistant.parse.embeddable``), per kind;
4. long paragraphs split only where the model needs it (no sentence windows): what a build does now.

    python bench/embed_savings.py [PATHS...]      # default: ../shared/corpus/ofsted and committee
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path

from _common import SHARED, emit, machine

_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9“\"‘(•£])|\n")


def old_split(text: str, max_words: int = 170, window_words: int = 100) -> list[str]:
    """split_for_embedding before issue 15 (whole paragraph in 170-word windows, plus sentence windows)."""
    from assistant.index.embed import _windows

    words = text.split()
    pieces = _windows(words, max_words, 30)
    sentences = [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]
    if len(sentences) >= 3 and len(words) > window_words:
        cur: list[str] = []
        for s in sentences:
            n = len(s.split())
            if cur and sum(len(c.split()) for c in cur) + n > window_words:
                pieces.append(" ".join(cur))
                cur = cur[-1:] if len(cur[-1].split()) < window_words // 2 else []
            cur.append(s)
        if cur and " ".join(cur) not in pieces:
            pieces.append(" ".join(cur))
    return pieces


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path,
                    default=[SHARED / "corpus" / "ofsted", SHARED / "corpus" / "committee"])
    args = ap.parse_args()
    from tokenizers import Tokenizer

    from assistant.index.build import ParseAhead, collect_files, sha256_of
    from assistant.index.embed import bundled_model_path, embedding_text, split_for_embedding
    from assistant.parse.embeddable import why_not_embedded

    files = collect_files(args.paths)
    jobs = [(f, sha256_of(f), {}) for f in files]
    t0 = time.perf_counter()
    docs = []
    with ParseAhead(jobs) as parser:
        for f, sha, overrides in jobs:
            try:
                meta, paragraphs, _ = parser.parse(f, sha, overrides)
            except Exception:  # noqa: BLE001 - unreadable files are a build's business, not this count's
                continue
            docs.append((meta, paragraphs))
    parse_s = time.perf_counter() - t0
    tok = Tokenizer.from_file(str(Path(bundled_model_path()) / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(256)

    def pieces(texts: list[str]) -> int:
        return sum(len(e.ids) for e in tok.encode_batch(texts)) if texts else 0

    every, kept, why = [], [], Counter()
    why_pieces: Counter[str] = Counter()
    now = []
    for meta, paragraphs in docs:
        for p in paragraphs:
            old = [embedding_text(x, p.heading, meta.short_name) for x in old_split(p.text)]
            every.extend(old)
            reason = why_not_embedded(p, meta)
            if reason:
                why[reason] += 1
                why_pieces[reason] += pieces(old)
                continue
            kept.extend(old)
            now.extend(embedding_text(x, p.heading, meta.short_name) for x in split_for_embedding(p.text))
    steps = {
        "1_before": pieces(every),
        "2_identical_texts_once": pieces(list(dict.fromkeys(every))),
        "3_boilerplate_not_embedded": pieces(list(dict.fromkeys(kept))),
        "4_no_sentence_windows": pieces(list(dict.fromkeys(now))),
    }
    names = list(steps)
    emit({
        "benchmark": "embed_savings", "documents": len(docs), "paragraphs": sum(len(p) for _, p in docs),
        "parse_s": round(parse_s, 1), "word_pieces": steps,
        "saved_share_of_before": {n: round((steps[names[i - 1]] - steps[n]) / steps[names[0]], 4)
                                  for i, n in enumerate(names) if i},
        "saved_share_of_previous_step": {n: round(1 - steps[n] / steps[names[i - 1]], 4)
                                         for i, n in enumerate(names) if i},
        "total_saved_share": round(1 - steps[names[-1]] / steps[names[0]], 4),
        "boilerplate_paragraphs": dict(why), "boilerplate_word_pieces": dict(why_pieces),
        "machine": machine(),
    })


if __name__ == "__main__":
    main()
