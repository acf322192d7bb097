"""What asking reads many times over is read once, the same as before: one text's words (lexical.tokenize's
one-text path, remembered) as bm25s reads them. The words remembered hold no index state: an index built after
them reads the same."""

from __future__ import annotations

import bm25s
import numpy as np

from assistant.index.lexical import STOPWORDS, KeywordIndex, stemmer, tokenize
from assistant.parse.normalise import search_form

# printed in the corpus's reports (Kingston 2025, Telford & Wrekin 2024, Kent's Q3 2024-25 performance report):
# curly quotes and apostrophes, numbered paragraphs, figures, a hyphenated compound
CORPUS = [
    "38. Most pathway plans are carefully constructed and co-produced alongside young people and are written to "
    "them. Young people’s voices are clearly evident in plans that fully reflect their wishes and aspirations.",
    "51. For those care leavers who live in foster care, there are opportunities to remain in ‘staying put’ "
    "arrangements with their foster carers. This provides them with ongoing security and stability.",
    "The average caseload for Social Workers in Children’s Social Work Teams was 21 children in December 2024. This "
    "is above the target caseload of no more than 18 children and an increase from the previous quarter, when the "
    "average caseload was 20 children.",
    "What did inspectors say about step-down?",
    "",
    "  £1.5m – naïve café 2019/20 “A” x",
]


def _bm25s(text: str) -> list[str]:
    return bm25s.tokenize([search_form(text)], stopwords=STOPWORDS, stemmer=stemmer(), show_progress=False,
                          return_ids=False)[0]


def test_tokenize__one_text_reads_as_bm25s_reads_it():
    for text in CORPUS:
        assert tokenize([text]) == [_bm25s(text)], text
    assert tokenize(CORPUS) == [_bm25s(t) for t in CORPUS]  # many texts (an index's) go through bm25s itself


def test_tokenize__a_caller_changing_its_words_does_not_change_the_next_reading():
    first = tokenize([CORPUS[2]])[0]
    first.append("extra")
    first[0] = "changed"
    assert tokenize([CORPUS[2]])[0] == _bm25s(CORPUS[2])


def test_tokenize__remembered_words_hold_no_index_state():
    # reading a question, then building another index: the question scores against the new index's texts
    question = "what was the average caseload?"
    words = tokenize([question])[0]
    old = KeywordIndex.build(CORPUS[:2])
    assert not old.scores(question).any()
    new = KeywordIndex.build(CORPUS[1:3])
    assert tokenize([question])[0] == words
    assert int(np.argmax(new.scores(question))) == 1

