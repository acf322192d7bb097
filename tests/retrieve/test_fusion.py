"""Score fusion, reciprocal rank fusion and the glossary are small pure functions."""

import numpy as np

from assistant.query.glossary import expand
from assistant.retrieve.hybrid import convex, rrf


def test_convex__a_far_better_meaning_match_beats_a_row_both_sides_rank_middling():
    # row 1: far closer in meaning than anything else, fourth of five on keywords; row 4: third in meaning by a
    # hair, first on keywords. Reciprocal rank fusion puts 4 first; the scores say 1 is the better match.
    rows = [1, 2, 3, 4, 5]
    dense = np.array([0.80, 0.42, 0.40, 0.41, 0.30])
    keyword = np.array([4.0, 6.0, 3.0, 7.0, 5.0])
    fused = convex(rows, [(dense, 0.5), (keyword, 0.5)])
    assert max(fused, key=fused.get) == 1

    def ranks(xs):
        return [r for _, r in sorted(zip(-xs, rows))]

    by_rank = rrf([(ranks(dense), 1.0), (ranks(keyword), 1.0)])
    assert max(by_rank, key=by_rank.get) == 4


def test_convex__shares_shift_the_balance_and_scores_start_at_zero():
    rows = [1, 2]
    dense, keyword = np.array([0.9, 0.5]), np.array([1.0, 9.0])
    dense_led = convex(rows, [(dense, 0.8), (keyword, 0.2)])
    keyword_led = convex(rows, [(dense, 0.2), (keyword, 0.8)])
    assert max(dense_led, key=dense_led.get) == 1 and max(keyword_led, key=keyword_led.get) == 2
    assert min(keyword_led.values()) == 0.0


def test_convex__a_side_with_one_score_for_all_adds_nothing():
    fused = convex([1, 2, 3], [(np.array([0.5, 0.7, 0.6]), 0.5), (np.zeros(3), 0.5)])
    assert sorted(fused, key=fused.get, reverse=True) == [2, 3, 1]
    assert convex([], []) == {}


def test_rrf__item_ranked_well_by_both_beats_item_first_in_one():
    fused = rrf([([1, 2, 3], 1.0), ([2, 4, 1], 1.0)])
    assert max(fused, key=fused.get) == 2
    assert fused[4] < fused[1]


def test_rrf__weights_shift_the_balance():
    dense_first = rrf([([1, 2], 2.0), ([2, 1], 1.0)])
    keyword_first = rrf([([1, 2], 1.0), ([2, 1], 2.0)])
    assert dense_first[1] > dense_first[2]
    assert keyword_first[2] > keyword_first[1]


def test_rrf__rank_not_raw_score_counts():
    fused = rrf([([7], 1.0)], k=60)
    assert abs(fused[7] - 1 / 61) < 1e-12


def test_glossary__expands_abbreviations_only_in_capitals():
    assert "public law outline" in expand("How long is PLO work taking?")
    assert "special educational" not in expand("when can councils send changes to the minister?")
    assert "special educational" in expand("What about SEND transport?")
    assert "stepping down" in expand("what did inspectors say about step-down?")


def test_boost__report_of_the_year_asked_and_later_reports_looking_back_at_it():
    from assistant.index.store import IndexData
    from assistant.query.implied import Implied
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever

    docs = {d: DocMeta(doc=d, title=d, organisation="X", org_slug="x", doc_type="ofsted-inspection", date=date)
            for d, date in [("x2021.pdf", "2021-12-01"), ("x2025.pdf", "2025-09-03")]}
    paras = [Paragraph(id="a", doc="x2025.pdf", ordinal=0, text="At the inspection in October 2021 it was good."),
             Paragraph(id="b", doc="x2025.pdf", ordinal=1, text="Leaders are ambitious."),
             Paragraph(id="c", doc="x2021.pdf", ordinal=0, text="Leaders are ambitious.")]
    r = Retriever(IndexData(docs=docs, paragraphs=paras), keyword=None, dense=None)
    boosted = r._boost({0: 1.0, 1: 1.0, 2: 1.0}, Implied(years=[2021]))
    assert boosted[2] > boosted[0] > boosted[1] == 1.0


def test_glossary__adds_only_words_the_question_does_not_already_have():
    # a repeated word would count twice in the BM25 score
    out = expand("How many UASC are unaccompanied asylum seekers?")
    added = out.split("(", 1)[1]
    assert "asylum-seeking" in added and "unaccompanied" not in added
    many = expand("How big are caseloads for care leavers?").split("(", 1)[1]
    assert many.count("care") <= 1 and "workload" in many


def test_glossary__every_entry_names_its_source():
    from assistant.query.glossary import GLOSSARY_FILE

    rows = [line.split("\t") for line in GLOSSARY_FILE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert rows and all(len(r) == 3 and r[2].strip() for r in rows)


def test_lay_terms__every_entry_names_its_source_and_applies_only_when_asked():
    from assistant.query.glossary import LAY_TERMS_FILE, expand

    rows = [line.split("\t") for line in LAY_TERMS_FILE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert rows and all(len(r) == 3 and r[2].strip() in {"WT", "CA", "ILACS", "NHS"} for r in rows)
    q = "How does Halton help children caring for parents, and children going back home from care?"
    assert "young carers" not in expand(q) and "reunification" not in expand(q)
    lay = expand(q, lay=True)
    assert "young carers" in lay and "reunification" in lay
    # reports say "reliance on temporary workers" and "feedback from the judiciary"
    assert "temporary workers" in expand("Does Coventry rely on agency staff?", lay=True)
    assert "judiciary" in expand("What did the courts say about its work in care proceedings?", lay=True)
    assert "electronic recording" in expand("What problems has Barnsley had with its IT system?", lay=True)
    assert "caseloads" in expand("Are social workers' workloads manageable?", lay=True)
    assert "bed and breakfast" in expand("Are any care leavers living in B&Bs?", lay=True)


def test_inspection_only__a_council_with_only_inspection_reports_indexed():
    from assistant.index.store import IndexData
    from assistant.query.filters import Filters
    from assistant.records import DocMeta
    from assistant.retrieve.hybrid import Retriever

    docs = {d: DocMeta(doc=d, title=d, organisation=org, org_slug=slug, doc_type=kind)
            for d, org, slug, kind in [("w.pdf", "Wirral", "wirral", "ofsted-inspection"),
                                       ("k.pdf", "Kent", "kent", "ofsted-inspection"),
                                       ("kc.pdf", "Kent County Council", "kent-cc", "committee-report")]}
    r = Retriever(IndexData(docs=docs, paragraphs=[]), keyword=None, dense=None)
    assert r.inspection_only(Filters(orgs=["wirral"]))
    assert not r.inspection_only(Filters(orgs=["kent", "kent-cc"]))  # its committee papers are searched too
    assert not r.inspection_only(Filters()) and not r.inspection_only(None)


def test_second_stage__a_candidate_whose_best_sentence_answers_moves_up():
    import numpy as np

    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever, Weights

    docs = {"x.pdf": DocMeta(doc="x.pdf", title="x", organisation="X", org_slug="x", doc_type="other")}
    paras = [Paragraph(id=str(i), doc="x.pdf", ordinal=i, text=f"p{i}") for i in range(4)]
    q = np.array([1.0, 0.0], dtype=np.float32)
    # one stored vector per sentence; paragraph 2's sentence is closest to the question
    sent = np.array([[0.1, 1.0], [0.2, 1.0], [1.0, 0.0], [0.3, 1.0]], dtype=np.float16)
    data = IndexData(docs=docs, paragraphs=paras, sentence_vectors=sent, sentence_start=np.arange(5))
    r = Retriever(data, keyword=None, dense=None, weights=Weights(rerank_depth=4, rerank_sentence=1.0, follow_depth=0))
    assert r._second_stage([0, 1, 2, 3], q)[0] == 2
    r.weights.rerank_depth = 2  # only the top candidates are re-ordered
    assert r._second_stage([0, 1, 2, 3], q)[2:] == [2, 3]



def test_second_stage__a_candidate_giving_the_kind_of_answer_asked_for_moves_up():
    import numpy as np

    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever, Weights

    docs = {"x.pdf": DocMeta(doc="x.pdf", title="x", organisation="X", org_slug="x", doc_type="other")}
    texts = ["This amendment seeks to halve the grant to the gallery.", "The gallery receives a grant every year.",
             "The grant supports the gallery's exhibitions.", "Proposer: Mr Mike Sole Seconder: Mr Antony Hook"]
    paras = [Paragraph(id=str(i), doc="x.pdf", ordinal=i, text=t) for i, t in enumerate(texts)]
    q = np.array([1.0, 0.0], dtype=np.float32)
    # the form's field reads least like the question by meaning
    sent = np.array([[1.0, 0.1], [0.9, 0.3], [0.8, 0.5], [0.2, 1.0]], dtype=np.float16)
    data = IndexData(docs=docs, paragraphs=paras, sentence_vectors=sent, sentence_start=np.arange(5))
    r = Retriever(data, keyword=None, dense=None, weights=Weights(rerank_depth=4))
    who = "Who proposed the amendment to halve the gallery's grant?"
    assert r._second_stage([0, 1, 2, 3], q, who).index(3) < 3
    assert r._second_stage([0, 1, 2, 3], q, "What did the amendment propose?")[3] == 3  # no kind asked: last
    r.weights.rerank_kind = 0.0
    assert r._second_stage([0, 1, 2, 3], q, who)[3] == 3


def test_second_stage__a_candidate_printing_the_service_the_question_names_moves_up():
    import numpy as np

    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever, Weights

    docs = {"x.pdf": DocMeta(doc="x.pdf", title="x", organisation="X", org_slug="x", doc_type="ofsted-inspection")}
    texts = ["Care leavers are supported by their personal advisers into their twenties.",
             "Young people told inspectors that their foster carers support them well.",
             "Children and their carers are supported to identify what they enjoy.",
             "Proactive work is being undertaken to identify young carers at a younger age."]
    paras = [Paragraph(id=str(i), doc="x.pdf", ordinal=i, text=t) for i, t in enumerate(texts)]
    q = np.array([1.0, 0.0], dtype=np.float32)
    # the young carers paragraph reads least like the question by meaning (its words, "young" and "carers", are
    # everywhere): the wording of the service named, printed as such, brings it up
    sent = np.array([[1.0, 0.1], [0.9, 0.3], [0.8, 0.5], [0.2, 1.0]], dtype=np.float16)
    data = IndexData(docs=docs, paragraphs=paras, sentence_vectors=sent, sentence_start=np.arange(5))
    r = Retriever(data, keyword=None, dense=None, weights=Weights(rerank_depth=4))
    asked = "How does the council identify and support young carers?"
    assert r._second_stage([0, 1, 2, 3], q, asked).index(3) < 3
    assert r._second_stage([0, 1, 2, 3], q, "How does the council support children?")[3] == 3  # no topic named
    r.weights.rerank_topic = 0.0
    assert r._second_stage([0, 1, 2, 3], q, asked)[3] == 3


def test_search__the_council_the_filters_select_is_left_out_of_the_keyword_query(recording_retriever):
    from assistant.query.filters import Filters
    from assistant.query.implied import Implied

    r, keyword = recording_retriever("Redbridge", "redbridge", ["Children in Redbridge continue to benefit.",
                                                                "Care leavers are registered for social housing."])
    question = "How does Redbridge help care leavers into housing?"
    r.search(question, Filters(orgs=["redbridge"]), implied=Implied(orgs=["redbridge"], org_names=["Redbridge"]),
             mode="keyword")
    assert "Redbridge" not in keyword.queries[-1] and "care leavers" in keyword.queries[-1]
    r.search(question, Filters(), implied=Implied(org_names=["Redbridge"]), mode="keyword")  # nothing filtered
    assert "Redbridge" in keyword.queries[-1]


def test_with_passages__a_paragraph_whose_passage_answers_rises_and_uncovered_rows_keep_their_own_scores():
    from assistant.index.passages import PassageIndex
    from assistant.retrieve.hybrid import Retriever, Weights

    # rows 0-2: an agenda's items, alone too short to match; row 0's passage (with the meeting's name and the
    # item below it) is the one about the oral briefing. Row 3: a paragraph no passage covers.
    passages = PassageIndex.build(["Cabinet agenda 4 March 2025: 4. Oral briefing on home to school transport",
                                   "Cabinet agenda 4 March 2025: 6. Quarterly performance report"],
                                  [[0, 1], [2]], np.array([[1.0, 0.0], [0.0, 1.0]], dtype=np.float32))
    retriever = Retriever.__new__(Retriever)
    retriever.weights, retriever.passages = Weights(passage_share=0.4), passages
    rows = [0, 1, 2, 3]
    dense, keyword = np.array([0.30, 0.31, 0.32, 0.50]), np.array([0.0, 0.0, 0.0, 2.0])
    sides = retriever._with_passages(rows, dense, keyword, np.array([1.0, 0.0]), "oral briefing")
    assert len(sides) == 4 and abs(sum(share for _, share in sides) - 1.0) < 1e-9
    by_meaning, by_words = sides[2][0], sides[3][0]
    # by meaning, a row is as close as its own vector or its closest passage; row 3 stands in with its own score
    assert list(by_meaning) == [1.0, 1.0, 0.32, 0.50]
    assert by_words[0] == by_words[1] > 0 == by_words[2] and by_words[3] == 2.0
    fused = convex(rows, sides)
    assert fused[0] > fused[2] and fused[1] > fused[2]
    retriever.weights = Weights(passage_share=0.0)
    assert len(retriever._with_passages(rows, dense, keyword, np.array([1.0, 0.0]), "oral briefing")) == 2


def test_search__a_question_naming_two_councils_gets_each_ones_best_paragraph_first():
    from assistant.index.store import IndexData
    from assistant.query.filters import Filters
    from assistant.query.implied import Implied
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever

    docs = {d: DocMeta(doc=d, title=d, organisation=org, org_slug=slug, doc_type="ofsted-inspection")
            for d, org, slug in [("w.pdf", "Wirral", "wirral"), ("t.pdf", "Thurrock", "thurrock")]}
    paras = [Paragraph(id=f"w{i}", doc="w.pdf", ordinal=i, text=f"Wirral care leavers {i}.") for i in range(12)] + \
            [Paragraph(id="t0", doc="t.pdf", ordinal=0, text="Thurrock care leavers.")]

    class Scores:
        def scores(self, query, extra=None):  # every Wirral paragraph scores above Thurrock's
            return np.array([2.0 - i / 100 for i in range(12)] + [1.0], dtype=np.float32)

    r = Retriever(IndexData(docs=docs, paragraphs=paras), keyword=Scores(), dense=None)
    both = Implied(orgs=["wirral", "thurrock"], org_names=["Wirral", "Thurrock"])
    question = "How do Wirral and Thurrock compare on care leavers?"
    hits = r.search(question, Filters(orgs=["wirral", "thurrock"]), k=5, implied=both, mode="keyword")
    assert [h.paragraph.id for h in hits[:2]] == ["w0", "t0"]
    one = Implied(orgs=["wirral"], org_names=["Wirral"])
    hits = r.search("How does Wirral support care leavers?", Filters(orgs=["wirral", "thurrock"]), k=5, implied=one,
                    mode="keyword")
    assert "t0" not in [h.paragraph.id for h in hits]


def test_second_stage__a_who_question_brings_in_the_paragraph_of_the_document_that_names_the_person():
    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever

    docs = {"r.pdf": DocMeta(doc="r.pdf", title="Transfer report", organisation="Kent County Council",
                             org_slug="kent-cc", doc_type="committee-report")}
    paras = [Paragraph(id="from", doc="r.pdf", ordinal=0,
                       text="From: Sue Chandler, Cabinet Member for Integrated Children’s Services"),
             Paragraph(id="a", doc="r.pdf", ordinal=1, text="The report proposes the transfer of the service."),
             Paragraph(id="b", doc="r.pdf", ordinal=2, text="The transfer takes effect in April.")]
    r = Retriever(IndexData(docs=docs, paragraphs=paras), keyword=None, dense=None)
    assert r._naming_paragraph([1, 2], "Who wrote the report on the transfer?") == 0
    assert r._naming_paragraph([1, 2], "Who chaired the meeting?") is None  # no one named for that role


def test_search__a_keyword_candidate_beyond_the_nearest_chunks_is_fused_with_its_own_cosine():
    """The dense search returns the nearest 400 chunks; a keyword candidate outside them has a cosine too. Taken as
    0, it would rank by keywords alone (and widen the dense side's spread, shrinking its say for every candidate)."""
    from assistant.index.dense import DenseIndex
    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever

    rng = np.random.default_rng(0)
    q = np.zeros(384, dtype=np.float32)
    q[0] = 1.0

    def unit(cos: float) -> np.ndarray:  # a vector with this cosine to q
        v = rng.normal(size=384).astype(np.float32)
        v[0] = 0.0
        v *= np.sqrt(1 - cos * cos) / np.linalg.norm(v)
        v[0] = cos
        return v

    n = 450  # rows 0-449: near in meaning, no keywords; 450: close-ish in meaning and keywords; 451: keywords only
    vectors = np.stack([unit(0.9) for _ in range(n)] + [unit(0.6), unit(0.05)])
    docs = {"k.pdf": DocMeta(doc="k.pdf", title="k", organisation="Kent County Council", org_slug="kent-cc",
                             doc_type="committee-report")}
    paras = [Paragraph(id=str(i), doc="k.pdf", ordinal=i, text=f"Paragraph {i}.") for i in range(n + 2)]
    chunk_para = np.arange(n + 2, dtype=np.int32)

    class Keywords:
        def scores(self, query, extra=None):
            s = np.zeros(n + 2, dtype=np.float32)
            s[n], s[n + 1] = 5.0, 5.2  # the keyword-only row scores a little higher
            return s

    data = IndexData(docs=docs, paragraphs=paras, vectors=vectors, chunk_para=chunk_para)
    r = Retriever(data, keyword=Keywords(), dense=DenseIndex.build(vectors, chunk_para))
    r.weights.rerank_depth = 0
    hits = {h.row: h for h in r.search("community learning overspend", k=n + 2, qvec=q)}
    assert abs(hits[n].dense - 0.6) < 1e-3 and abs(hits[n + 1].dense - 0.05) < 1e-3
    assert hits[n].rank < hits[n + 1].rank  # nearer in meaning, nearly as good by keywords


def test_search__the_document_whose_title_the_question_names_comes_first():
    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever

    docs = {d: DocMeta(doc=d, title=t, organisation="Kent County Council", org_slug="kent-cc",
                       doc_type="committee-report")
            for d, t in [("a.pdf", "Family hubs decision report"), ("b.pdf", "Family hubs equality impact assessment"),
                         ("c.pdf", "Kent County Council Family hubs report 2025")]}
    paras = [Paragraph(id=d, doc=d, ordinal=0, text="Sessions for parents and babies.") for d in docs]

    class Even:
        def scores(self, query, extra=None):
            return np.array([2.0, 1.95, 1.0], dtype=np.float32)  # the decision report a little ahead by keywords

    r = Retriever(IndexData(docs=docs, paragraphs=paras), keyword=Even(), dense=None)
    q = "According to Kent's equality assessment, which sessions for parents and babies were running?"
    assert [h.paragraph.doc for h in r.search(q, k=3, mode="keyword")][:2] == ["b.pdf", "a.pdf"]
    # no title named: the keyword order stands; the council's name and a year in a title count for nothing
    assert [h.paragraph.doc for h in r.search("Which sessions ran for parents and babies?", k=3,
                                               mode="keyword")][:2] == ["a.pdf", "b.pdf"]
    assert r._title_words("c.pdf") == r._title_words("a.pdf") - {"decis"}


def test_search__a_paper_of_the_kind_the_question_names_comes_first_whatever_its_titles_words():
    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever

    docs = {d: DocMeta(doc=d, title=t, organisation="Kent County Council", org_slug="kent-cc",
                       doc_type="committee-report")
            for d, t in [("a.pdf", "Transfer of the service"), ("b.pdf", "Service EqIA"), ("c.pdf", "Budget")]}
    paras = [Paragraph(id=d, doc=d, ordinal=0, text="Carers may be affected.") for d in docs]

    class Even:
        def scores(self, query, extra=None):
            return np.array([2.0, 1.9, 1.0], dtype=np.float32)  # the report a little ahead by keywords

    r = Retriever(IndexData(docs=docs, paragraphs=paras), keyword=Even(), dense=None)
    # "equality assessment" shares no word with "EqIA": the kind of paper, not the title's words, finds it
    assert [h.paragraph.doc for h in r.search("According to the equality assessment, how are carers affected?",
                                              k=3, mode="keyword")][:2] == ["b.pdf", "a.pdf"]
    assert [h.paragraph.doc for h in r.search("How are carers affected?", k=3, mode="keyword")][:2] == ["a.pdf",
                                                                                                      "b.pdf"]


def test_search__paragraphs_printing_a_reference_the_question_gives_come_first():
    from assistant.index.store import IndexData
    from assistant.query.kinds import references
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever

    docs = {"q.pdf": DocMeta(doc="q.pdf", title="Quarterly report", organisation="Kent County Council",
                             org_slug="kent-cc", doc_type="committee-report")}
    texts = ["The corporate risk register was a live document.", "The risk register is reviewed monthly.",
             "CRR0042: Border fluidity. Planning with Government continues."]
    paras = [Paragraph(id=str(i), doc="q.pdf", ordinal=i, text=t) for i, t in enumerate(texts)]

    class Words:
        def scores(self, query, extra=None):  # the register's words outscore the risk's code
            return np.array([3.0, 2.5, 1.0], dtype=np.float32)

    r = Retriever(IndexData(docs=docs, paragraphs=paras), keyword=Words(), dense=None)
    hits = r.search("What does the corporate risk register say about CRR0042?", k=3, mode="keyword")
    assert [h.paragraph.id for h in hits] == ["2", "0", "1"]
    assert [h.paragraph.id for h in r.search("What does the risk register say?", k=3, mode="keyword")] == \
        ["0", "1", "2"]
    # a decision's number is a reference; a date written with slashes is not
    assert references("What happened to decision 24/00093 on 13/03/2025?") == ["24/00093"]


def test_search__the_naming_paragraph_brought_in_from_outside_the_candidates_is_returned(tmp_path, fake_embedder):
    """"Who wrote the report …?": the paragraph naming the author ("From: …") shares no word with the question, so
    neither side ranks it among its candidates; the second stage brings it in from the best document, and the search
    returns it (it has no fused score of its own: it ranks last)."""
    from assistant.api import Assistant
    from assistant.index.build import sync_index

    docs = tmp_path / "docs"
    docs.mkdir()
    body = [f"{i}. The transfer of the service, stage {i}, is set out in the report and its annex, with the "
            f"timetable, the staff affected, the budget for the year and the risks it carries {i}." for i in range(1, 151)]
    lull = " ".join(["Spring weather was mild across the county, with little rain and long sunny days."] * 4)
    other = [f"{i}. Spring weather was mild in district {i}, with little rain." for i in range(151, 451)]
    author = "From: Sue Chandler, Cabinet Member for Integrated Children's Services"
    (docs / "transfer-report.txt").write_text("\n\n".join([author, lull, *body, *other]) + "\n", encoding="utf-8")
    report = sync_index(tmp_path / "index", [docs], embedder=fake_embedder, progress=False, log=lambda _m: None)
    assert not report.failed
    assistant = Assistant.load(tmp_path / "index", embedder=fake_embedder)
    question = "Who wrote the report on the transfer?"
    hits = assistant.retriever.search(question, k=10)
    named = [h for h in hits if h.paragraph.text.startswith("From: Sue Chandler")]
    assert len(named) == 1 and named[0].score <= min(h.score for h in hits)
    assert "Sue Chandler" in assistant.ask(question).answer.split("\n", 1)[0]  # and the answer leads with it


def test_search__a_candidate_naming_the_roles_holder_beside_it_is_among_the_results(tmp_path, fake_embedder):
    """"Who is the Leader of the Council?": paragraphs about other groups' leaders share more of the question's
    words than "Mr R Gough, Leader of the Council provided an update", which names the holder beside the role; it is
    brought into the results (last) when the second stage ranks it below them."""
    from assistant.api import Assistant
    from assistant.index.build import sync_index

    docs = tmp_path / "docs"
    docs.mkdir()
    others = [f"{i}) The Leader of the Council's opposition group, Mr Brady (Leader of the Opposition), spoke about "
              f"who the Council is and what the Leader of the Council is for, item {i}." for i in range(1, 13)]
    holder = "13) Mr R Gough, Leader of the Council provided an update on devolution."
    (docs / "minutes.txt").write_text("\n\n".join([*others, holder]) + "\n", encoding="utf-8")
    assert not sync_index(tmp_path / "index", [docs], embedder=fake_embedder, progress=False,
                          log=lambda _m: None).failed
    assistant = Assistant.load(tmp_path / "index", embedder=fake_embedder)
    hits = assistant.retriever.search("Who is the Leader of the Council?", k=5)
    assert any(h.paragraph.text.startswith("13) Mr R Gough") for h in hits)


def test_lay_terms__a_phrase_said_with_words_between_or_in_another_form():
    from assistant.query.glossary import expand

    q = "Do families get stuck for a long while at the stage before the council goes to court?"
    assert "pre-proceedings" in expand(q, lay=True) and "pre-proceedings" not in expand(q)
    assert "voice of the child" in expand("Does Kent listen to children in care?", lay=True)
    # a phrase of one word stem ("one-to-ones") is matched only as written
    assert "reflective supervision" not in expand("Is one child in care too many?", lay=True)
    # every word of the phrase must be there: "before" alone is not "before court"
    assert "pre-proceedings" not in expand("What happened before the inspection?", lay=True)


def test_glossary__an_ehc_plan_is_searched_as_the_reports_ehcp():
    from assistant.query.glossary import expand

    # the SEND Code of Practice's "EHC plan", as councillors write it, is the papers' "EHCP"
    assert "EHCP" in expand("How many children have EHC plans?")
    assert "EHCP" not in expand("How many children have an education health and care assessment?")


def test_search__a_paragraph_printed_again_in_its_document_takes_one_place():
    """A motion repeated in each amendment, a summary's sentence repeated in the body: the copies rank side by side
    and would fill the results; each document's text is kept once, at its best-ranked copy (spacing, case and
    punctuation aside), while the same words in another paper keep their own place."""
    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever

    docs = {d: DocMeta(doc=d, title=d, organisation="Kent County Council", org_slug="kent-cc",
                       doc_type="committee-report") for d in ("a.pdf", "b.pdf")}
    motion = "Note that acceptance onto the programme will commit the councils to elections in May 2026."
    texts = [("a.pdf", motion), ("a.pdf", motion.upper().replace(" ", "  ")), ("a.pdf", motion + "\n"),
             ("b.pdf", motion), ("a.pdf", "The first mayoral election would be held in May 2026."),
             ("a.pdf", "Reorganisation would follow by April 2028.")]
    paras = [Paragraph(id=str(i), doc=d, ordinal=i, text=t) for i, (d, t) in enumerate(texts)]

    class Words:
        def scores(self, query, extra=None):  # the copies outscore the other paragraphs
            return np.array([5.0, 4.9, 4.8, 4.7, 2.0, 1.0], dtype=np.float32)

    r = Retriever(IndexData(docs=docs, paragraphs=paras), keyword=Words(), dense=None)
    hits = r.search("When would the elections be held?", k=4, mode="keyword")
    assert [h.paragraph.id for h in hits] == ["0", "3", "4", "5"]
    assert [h.rank for h in hits] == [1, 2, 3, 4]


def test_search__the_trust_that_runs_the_councils_services_stays_in_the_keyword_query():
    """"What does Achieving for Children do for Windsor and Maidenhead?": the council's name tells the keyword search
    nothing once the filters select it, but the trust's name is printed only where the report says what it does."""
    from assistant.index.store import IndexData
    from assistant.query.filters import Filters
    from assistant.query.implied import Implied
    from assistant.records import DocMeta, Paragraph
    from assistant.councils import own_names
    from assistant.retrieve.hybrid import Retriever

    docs = {"w.pdf": DocMeta(doc="w.pdf", title="w", organisation="Windsor and Maidenhead",
                             org_slug="windsor-maidenhead", doc_type="ofsted-inspection")}
    paras = [Paragraph(id="a", doc="w.pdf", ordinal=0, text="The council has delegated its functions to the trust.")]

    class Recording:
        queries: list[str] = []

        def scores(self, query, extra=None):
            self.queries.append(query)
            return np.array([1.0], dtype=np.float32)

    keyword = Recording()
    r = Retriever(IndexData(docs=docs, paragraphs=paras), keyword=keyword, dense=None)
    names = ["Achieving for Children", "Windsor and Maidenhead"]
    r.search("What does Achieving for Children do for Windsor and Maidenhead?", Filters(orgs=["windsor-maidenhead"]),
             implied=Implied(orgs=["windsor-maidenhead"], org_names=names), mode="keyword")
    assert "Achieving for Children" in keyword.queries[-1] and "Windsor" not in keyword.queries[-1]
    assert own_names(["Royal Borough of Windsor and Maidenhead", "RBWM", "Kent County Council",
                          "Birmingham Children's Trust"]) == ["Royal Borough of Windsor and Maidenhead", "RBWM",
                                                              "Kent County Council"]


def test_search__the_source_is_left_out_of_the_keyword_query_unless_nothing_else_is_asked(recording_retriever):
    from assistant.query.filters import Filters
    from assistant.query.implied import Implied

    r, keyword = recording_retriever("Kent", "kent", ["Ofsted produces this report of the inspection.",
                                                      "Children at risk of exploitation are well protected."])
    implied = Implied(orgs=["kent"], org_names=["Kent"], ofsted=True)
    r.search("What did Ofsted say about exploitation in Kent?", Filters(orgs=["kent"]), implied=implied, mode="keyword")
    assert "exploitation" in keyword.queries[-1] and "Ofsted" not in keyword.queries[-1]
    assert "inspect" not in keyword.queries[-1]  # nor the glossary's words for it
    r.search("What did Ofsted say about Kent?", Filters(orgs=["kent"]), implied=implied, mode="keyword")
    assert "Ofsted" in keyword.queries[-1]  # the council named is filtered: the source is all that is left


def test_second_stage__a_reply_printed_apart_from_its_lead_in_is_read_with_it():
    import numpy as np

    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever, Weights

    docs = {"x.pdf": DocMeta(doc="x.pdf", title="x", organisation="X", org_slug="x", doc_type="other")}
    q = np.array([1.0, 0.0], dtype=np.float32)
    # paragraph 1 is the prompt, closest to the question; paragraph 2 its reply, which alone reads less like the
    # question than paragraph 3 does
    sent = np.array([[0.5, 0.866], [1.0, 0.0], [0.4, 0.9], [0.45, 0.89]], dtype=np.float16)

    def order(prompt: str, kind: str, share: float = 0.3) -> list[int]:
        texts = ["Opening remarks.", prompt, "Longer opening hours at weekends.", "Staff were thanked."]
        paras = [Paragraph(id=str(i), doc="x.pdf", ordinal=i, text=t, kind=kind if i == 2 else "text")
                 for i, t in enumerate(texts)]
        data = IndexData(docs=docs, paragraphs=paras, sentence_vectors=sent, sentence_start=np.arange(5))
        r = Retriever(data, keyword=None, dense=None, weights=Weights(rerank_depth=3, lead_in_share=share, follow_depth=0))
        return r._second_stage([0, 3, 2], q)

    asked = "What would you change about the opening hours? Respondents said:"
    assert order(asked, "text").index(2) < order(asked, "text").index(3)  # after a lead-in ending on a colon
    assert order(asked.rstrip(":") + ".", "table-row").index(2) < 2  # a table row goes on from the row before
    assert order(asked.rstrip(":") + ".", "text") == [0, 3, 2]  # a paragraph standing alone is read alone
    assert order(asked, "text", share=0.0) == [0, 3, 2]


def test_second_stage__a_service_named_in_one_word_is_left_to_the_keyword_side():
    import numpy as np

    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever, Weights

    docs = {"x.pdf": DocMeta(doc="x.pdf", title="x", organisation="X", org_slug="x", doc_type="committee-report")}
    texts = ["The plan provides for 530 additional specialist places.", "Places are planned across the county.",
             "Capital funding is set out in section 10.", "Demand for SEND provision continues to rise."]
    paras = [Paragraph(id=str(i), doc="x.pdf", ordinal=i, text=t) for i, t in enumerate(texts)]
    q = np.array([1.0, 0.0], dtype=np.float32)
    sent = np.array([[1.0, 0.1], [0.9, 0.3], [0.8, 0.5], [0.2, 1.0]], dtype=np.float16)
    data = IndexData(docs=docs, paragraphs=paras, sentence_vectors=sent, sentence_start=np.arange(5))
    r = Retriever(data, keyword=None, dense=None, weights=Weights(rerank_depth=4))
    # a paper about SEND throughout: the paragraph printing the word gains nothing over those that do not
    assert r._second_stage([0, 1, 2, 3], q, "How many specialist places for pupils with SEND does the plan add?")[3] == 3


def test_topic_match__candidates_printing_the_service_named_in_several_words_gain():
    from assistant.index.store import IndexData
    from assistant.records import DocMeta, Paragraph
    from assistant.retrieve.hybrid import Retriever

    docs = {"x.pdf": DocMeta(doc="x.pdf", title="x", organisation="X", org_slug="x", doc_type="ofsted-inspection")}
    texts = ["Young people say their foster carers listen to them.", "Young carers are identified at a younger age."]
    paras = [Paragraph(id=str(i), doc="x.pdf", ordinal=i, text=t) for i, t in enumerate(texts)]
    r = Retriever(IndexData(docs=docs, paragraphs=paras), keyword=None, dense=None)
    fused = r._topic_match({0: 1.0, 1: 0.9}, "How are young carers supported?")
    assert fused[1] > fused[0] and fused[0] == 1.0
    assert r._topic_match({0: 1.0, 1: 0.9}, "How are children supported?") == {0: 1.0, 1: 0.9}
    r.weights.topic_boost = 0.0
    assert r._topic_match({0: 1.0, 1: 0.9}, "How are young carers supported?") == {0: 1.0, 1: 0.9}
