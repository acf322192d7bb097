"""A document's own abbreviations widen the keyword query for its paragraphs (retrieve/abbreviations.py)."""

import numpy as np

from assistant.index.lexical import KeywordIndex, tokenize
from assistant.retrieve import abbreviations

REPORT = ["Kent County Council (KCC) publishes this report.", "The effectiveness of the emergency duty team (EDT) in supporting children at night.",
          "6. The EDT responds appropriately to most requests for support out of hours.",
          "Independent reviewing officers (IROs) know children well."]


def test_defined__the_words_whose_initials_spell_it():
    pairs = abbreviations.defined(REPORT)
    assert (tuple(tokenize(["emergency duty team"])[0]), "edt", "EDT") in pairs
    assert any(short == "IRO" for _, _, short in pairs)


def test_other_forms__the_words_asked_bring_the_abbreviation():
    q = "What did Ofsted say about the emergency duty team?"
    stems = tuple(tokenize(["emergency duty team"])[0])
    assert abbreviations.other_forms(tokenize([q])[0], abbreviations.defined(REPORT)) == [(stems, ("edt",))]
    q = "How do social workers support children at night?"  # neither form asked
    assert abbreviations.other_forms(tokenize([q])[0], abbreviations.defined(REPORT)) == []


def test_search__a_paragraph_printing_only_the_documents_abbreviation_is_found_by_its_words():
    from assistant.index.store import IndexData
    from assistant.query.filters import Filters
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever

    other = ["The EDT budget line was reviewed.", "Roads and transport.", "Waste collection.", "Libraries.",
             "Parks and open spaces.", "Council tax.", "Housing repairs.", "Planning applications."]
    texts = REPORT + other
    docs = {d: DocMeta(doc=d, title=d, organisation="Kent County Council", org_slug="kent", doc_type="ofsted-inspection")
            for d in ("r.pdf", "o.pdf")}
    paras = [Paragraph(id=str(i), doc="r.pdf" if i < len(REPORT) else "o.pdf", ordinal=i, text=t)
             for i, t in enumerate(texts)]
    r = Retriever(IndexData(docs=docs, paragraphs=paras), keyword=KeywordIndex.build(texts), dense=None)
    q = "How does the emergency duty team work?"
    hits = r.search(q, Filters(), k=3, mode="keyword")
    assert [h.row for h in hits][:2] == [1, 2]  # the definition, then the paragraph printing only "EDT"
    assert 4 not in [h.row for h in hits]  # another paper's "EDT" is not this report's emergency duty team
    r.weights.own_abbreviations = 0.0
    assert 2 not in [h.row for h in r.search(q, Filters(), k=3, mode="keyword")]
    q = "What does Kent County Council do about roads?"  # the council's own abbreviation brings nothing
    r.weights.own_abbreviations = 0.5
    assert r._own_abbreviations(q, r.keyword.scores(q), [0, 1]) is None
    assert np.all(np.isfinite(r.keyword.term_scores(["edt"])))
