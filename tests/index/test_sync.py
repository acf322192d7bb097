"""Incremental, atomic indexing: reuse, re-parse, removal, bad files, interrupted writes, version checks."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from pypdf import PdfWriter

from assistant.index import store
from assistant.index.build import UsageError, add_documents, remove_documents, sync_index
from assistant.index.store import IndexMismatch, IndexNotFound, load_index
from tests.conftest import SOURCE_DOCS

REPORT = "medway_cyp-overview-scrutiny_2020-10-01_ofsted-monitoring-visit.txt"
OFSTED_2019 = "medway_ofsted-childrens-services_2019-08-27.pdf"


@pytest.fixture()
def docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SOURCE_DOCS / REPORT, folder / REPORT)
    shutil.copy(SOURCE_DOCS / OFSTED_2019, folder / OFSTED_2019)
    return folder


def _pretend_built_by_an_old_parser(idx):
    manifest_path = store.current_version_dir(idx) / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["parser_version"] = "0-old"
    manifest_path.write_text(json.dumps(manifest))


def build(index_dir, paths, fake_embedder):
    return sync_index(index_dir, paths, embedder=fake_embedder, progress=False, log=lambda m: None)


def test_sync__indexes_then_reuses_unchanged_documents(tmp_path, docs, fake_embedder):
    idx = tmp_path / "index"
    first = build(idx, [docs], fake_embedder)
    assert sorted(first.added) == sorted([REPORT, OFSTED_2019])
    data = load_index(idx)
    assert len(data.paragraphs) == first.paragraphs > 50
    assert len(data.vectors) == len(data.chunk_para) >= len(data.paragraphs)
    second = build(idx, [docs], fake_embedder)
    assert sorted(second.unchanged) == sorted([REPORT, OFSTED_2019])
    assert second.embedded == 0
    assert [p.id for p in load_index(idx).paragraphs] == [p.id for p in data.paragraphs]


def test_sync__changed_document_is_reparsed_and_missing_one_removed(tmp_path, docs, fake_embedder):
    idx = tmp_path / "index"
    build(idx, [docs], fake_embedder)
    report_file = docs / REPORT
    report_file.write_text(report_file.read_text() + "\n9. Extra\n\n9.1. The Committee agreed a new caseload target.\n")
    (docs / OFSTED_2019).unlink()
    rep = build(idx, [docs], fake_embedder)
    assert rep.updated == [REPORT] and rep.removed == [OFSTED_2019]
    data = load_index(idx)
    assert set(data.docs) == {REPORT}
    assert {p.doc for p in data.paragraphs} == {REPORT}
    assert any(p.para == "9.1" for p in data.paragraphs)


def test_sync__bad_files_are_skipped_with_one_line_reason(tmp_path, docs, fake_embedder):
    (docs / "corrupt.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (docs / "empty.txt").write_text("")
    scanned = PdfWriter()
    scanned.add_blank_page(width=595, height=842)
    scanned.add_blank_page(width=595, height=842)
    with (docs / "scanned.pdf").open("wb") as fh:
        scanned.write(fh)
    locked = PdfWriter()
    locked.append(str(SOURCE_DOCS / OFSTED_2019))
    locked.encrypt(user_password="secret", owner_password="owner")
    with (docs / "locked.pdf").open("wb") as fh:
        locked.write(fh)
    rep = build(tmp_path / "index", [docs], fake_embedder)
    reasons = dict(rep.failed)
    assert set(reasons) == {"corrupt.pdf", "empty.txt", "scanned.pdf", "locked.pdf"}
    for name, reason in reasons.items():
        assert "\n" not in reason and name in reason
    assert "password" in reasons["locked.pdf"]
    assert "empty" in reasons["empty.txt"]
    assert "text layer" in reasons["scanned.pdf"]
    assert sorted(rep.added) == sorted([REPORT, OFSTED_2019])


def test_sync__file_that_became_unreadable_keeps_its_indexed_version(tmp_path, docs, fake_embedder):
    idx = tmp_path / "index"
    build(idx, [docs], fake_embedder)
    before = [p.id for p in load_index(idx).paragraphs if p.doc == OFSTED_2019]
    (docs / OFSTED_2019).write_bytes(b"%PDF-1.4 broken")
    rep = build(idx, [docs], fake_embedder)
    assert [n for n, _ in rep.failed] == [OFSTED_2019]
    assert [p.id for p in load_index(idx).paragraphs if p.doc == OFSTED_2019] == before


def test_sync__interrupted_write_leaves_previous_index_usable(tmp_path, docs, fake_embedder, monkeypatch):
    idx = tmp_path / "index"
    build(idx, [docs], fake_embedder)
    before = load_index(idx)
    shutil.copy(SOURCE_DOCS / "medway_ofsted-childrens-services_2023-09-11.pdf", docs)

    def crash(*args, **kwargs):
        raise KeyboardInterrupt  # the user pressed Ctrl-C half-way through writing

    monkeypatch.setattr(store.np, "save", crash)
    with pytest.raises(KeyboardInterrupt):
        build(idx, [docs], fake_embedder)
    monkeypatch.undo()
    after = load_index(idx)
    assert set(after.docs) == set(before.docs)
    assert len(after.paragraphs) == len(before.paragraphs)
    assert not [p for p in idx.iterdir() if p.name.startswith(".building-")]


def test_load__index_from_another_parser_version_says_how_to_rebuild(tmp_path, docs, fake_embedder):
    idx = tmp_path / "index"
    build(idx, [docs], fake_embedder)
    _pretend_built_by_an_old_parser(idx)
    with pytest.raises(IndexMismatch) as exc:
        load_index(idx)
    message = str(exc.value)
    # the command rebuilds it from the documents it was built from, in its own folder
    assert "\n" not in message and "parser_version" in message
    assert f"`python -m assistant index {docs} --index-dir {idx}`." in message


def test_load__missing_index_says_how_to_build(tmp_path):
    with pytest.raises(IndexNotFound, match="python -m assistant index source_docs/"):
        load_index(tmp_path / "nothing")


def test_sync__missing_path_is_a_usage_error_and_makes_no_index_folder(tmp_path, fake_embedder):
    with pytest.raises(UsageError, match="no such file or folder"):
        build(tmp_path / "index", [tmp_path / "nope"], fake_embedder)
    assert not (tmp_path / "index").exists()  # no folder, no .lock left behind for a mistyped path


def test_remove__from_no_index_says_so_and_makes_no_folder(tmp_path, fake_embedder):
    with pytest.raises(UsageError, match="No index in"):
        remove_documents(tmp_path / "index", ["a.pdf"], embedder=fake_embedder, progress=False)
    assert not (tmp_path / "index").exists()


def test_a_byte_identical_copy_under_another_name_is_skipped_not_indexed_twice(tmp_path, docs, fake_embedder):
    idx = tmp_path / "index"
    build(idx, [docs / REPORT], fake_embedder)
    copy = tmp_path / "copy-of-report.txt"
    shutil.copy(docs / REPORT, copy)
    rep = add_documents(idx, [copy], embedder=fake_embedder, progress=False, log=lambda _m: None)
    assert rep.failed == [(copy.name, f"the same file as {REPORT}, already indexed")] and not rep.added
    assert set(load_index(idx).docs) == {REPORT}  # the index as it was
    # two copies given to one build: the first is indexed, the second named as its copy
    rep = sync_index(idx, [docs / REPORT, copy], embedder=fake_embedder, progress=False, log=lambda _m: None)
    assert set(load_index(idx).docs) == {REPORT} and [name for name, _ in rep.failed] == [copy.name]


def test_two_empty_files_are_each_skipped_as_empty_not_as_each_others_copy(tmp_path, docs, fake_embedder):
    # the second empty file had been "the same file as empty.pdf, already indexed", which was skipped, not indexed
    # (tester, round 71)
    idx = tmp_path / "index"
    build(idx, [docs / REPORT], fake_embedder)
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.txt").write_text("")
    rep = add_documents(idx, [tmp_path / "blank.txt", tmp_path / "empty.txt"], embedder=fake_embedder, progress=False,
                        log=lambda _m: None)
    reasons = dict(rep.failed)
    assert set(reasons) == {"blank.txt", "empty.txt"} and not rep.added
    assert all("same file" not in why and "empty" in why for why in reasons.values()), reasons
    assert set(load_index(idx).docs) == {REPORT}


def test_add_and_remove_documents(tmp_path, docs, fake_embedder):
    idx = tmp_path / "index"
    build(idx, [docs / REPORT], fake_embedder)
    rep = add_documents(idx, [docs / OFSTED_2019], embedder=fake_embedder, progress=False)
    assert rep.added == [OFSTED_2019] and rep.unchanged == [REPORT]
    rep = remove_documents(idx, [REPORT], embedder=fake_embedder, progress=False)
    assert rep.removed == [REPORT]
    assert set(load_index(idx).docs) == {OFSTED_2019}
    assert (docs / REPORT).exists()  # the source file is left alone
    with pytest.raises(UsageError, match="Not in the index"):
        remove_documents(idx, ["nope.pdf"], embedder=fake_embedder, progress=False)


def test_sync__sidecar_metadata_overrides_what_was_read(tmp_path, docs, fake_embedder):
    (docs / (REPORT + ".meta.json")).write_text(json.dumps({"title": "Monitoring visit report", "committee": "CYP O&S"}))
    build(tmp_path / "index", [docs], fake_embedder)
    meta = load_index(tmp_path / "index").docs[REPORT]
    assert meta.title == "Monitoring visit report" and meta.committee == "CYP O&S"


def test_sync__reports_progress_and_keeps_indexed_at_of_unchanged_documents(tmp_path, docs, fake_embedder):
    idx = tmp_path / "index"
    seen = []
    sync_index(idx, [docs / REPORT], embedder=fake_embedder, progress=False, log=lambda m: None,
               on_progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert ("documents", 0, 1) in seen and any(s == "paragraphs" and d == t for s, d, t in seen)
    first = load_index(idx).manifest["documents"][REPORT]["indexed_at"]
    assert first
    build(idx, [docs], fake_embedder)
    docs_after = load_index(idx).manifest["documents"]
    assert docs_after[REPORT]["indexed_at"] == first and docs_after[OFSTED_2019]["indexed_at"]


def test_sync__nothing_changed_keeps_the_same_version(tmp_path, docs, fake_embedder):
    idx = tmp_path / "index"
    build(idx, [docs], fake_embedder)
    before = store.current_version_dir(idx)
    rep = build(idx, [docs], fake_embedder)
    assert rep.unchanged and not (rep.added or rep.updated or rep.removed)
    assert store.current_version_dir(idx) == before


def test_sync__index_from_another_parser_version_is_rebuilt(tmp_path, docs, fake_embedder):
    idx = tmp_path / "index"
    build(idx, [docs], fake_embedder)
    _pretend_built_by_an_old_parser(idx)
    rep = build(idx, [docs], fake_embedder)
    assert sorted(rep.added) == sorted([REPORT, OFSTED_2019])
    assert load_index(idx).manifest["parser_version"] != "0-old"


def test_store__sentence_vectors_line_up_with_each_paragraphs_sentences(tmp_path, docs, fake_embedder):
    from assistant.parse.sentences import split_sentences

    idx = tmp_path / "index"
    build(idx, [docs], fake_embedder)
    data = load_index(idx)
    assert int(data.sentence_start[-1]) == len(data.sentence_vectors) > len(data.paragraphs)
    for row in (0, 7, len(data.paragraphs) - 1):
        sentences = split_sentences(data.paragraphs[row].text)
        stored = data.sentence_vectors_of(row).astype("float32")
        assert len(stored) == len(sentences)
        assert abs(float(stored[0] @ fake_embedder.embed([sentences[0]])[0]) - 1.0) < 1e-2
    # reused on an incremental run: the same vectors, not re-embedded
    (docs / OFSTED_2019).unlink()
    rep = build(idx, [docs], fake_embedder)
    assert rep.embedded == 0
    again = load_index(idx)
    row = next(i for i, p in enumerate(again.paragraphs) if p.doc == REPORT)
    old_row = next(i for i, p in enumerate(data.paragraphs) if p.id == again.paragraphs[row].id)
    assert (again.sentence_vectors_of(row) == data.sentence_vectors_of(old_row)).all()


def test_store__paragraphs_are_read_a_row_at_a_time_and_match_what_was_written(tmp_path, docs, fake_embedder):
    idx = tmp_path / "index"
    build(idx, [docs], fake_embedder)
    data = load_index(idx)
    assert isinstance(data.paragraphs, store.ParagraphTable)
    lines = (data.path / "paragraphs.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(data.paragraphs) == len(lines)
    assert data.paragraphs[-1] == store.Paragraph.from_dict(json.loads(lines[-1]))
    assert data.paragraphs[3] == list(data.paragraphs)[3]
    rows = data.rows_by_doc()
    assert set(rows) == {REPORT, OFSTED_2019}
    assert all(data.paragraphs[int(r)].doc == doc for doc, rs in rows.items() for r in rs[:5])
    with pytest.raises(IndexError):
        data.paragraphs[len(data.paragraphs)]
    p = data.paragraphs[int(rows[OFSTED_2019][5])]
    assert data.find_paragraph(OFSTED_2019, p.ordinal, p.id) == p
    assert data.find_paragraph(OFSTED_2019, p.ordinal + 1, p.id) == p  # a wrong position still finds it
    assert data.find_paragraph(REPORT, p.ordinal, p.id) is None


def test_sync__changing_embedding_precision_re_embeds_everything(tmp_path, docs, fake_embedder, monkeypatch):
    idx = tmp_path / "index"
    monkeypatch.setenv("ASSISTANT_EMBED_PRECISION", "fp32")
    build(idx, [docs], fake_embedder)
    assert store.read_manifest(idx)["embedding_precision"] == "fp32"
    monkeypatch.setenv("ASSISTANT_EMBED_PRECISION", "int8")
    messages = []
    rep = sync_index(idx, [docs], embedder=fake_embedder, progress=False, log=messages.append)
    assert rep.embedded > 0 and any("re-embedding" in m for m in messages)
    assert store.read_manifest(idx)["embedding_precision"] == "int8"


def test_parse_ahead__workers_give_the_same_paragraphs_and_pass_errors_back(tmp_path):
    from assistant.index.sources import ParseAhead, parse_file, sha256_of
    from assistant.ingest.extract import ExtractError

    files = sorted(p for p in SOURCE_DOCS.iterdir() if p.suffix in (".pdf", ".txt") and p.name != "SOURCES.md")[:4]
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    jobs = [(p, sha256_of(p), {}) for p in files] + [(bad, sha256_of(bad), {})]
    with ParseAhead(jobs, workers=2) as parser:
        assert parser._pool is not None  # really in worker processes
        meta, paragraphs, text = parser.parse(files[0], jobs[0][1], {})
        for p, sha, _ in jobs[1:-1]:
            assert parser.parse(p, sha, {})[1]
        with pytest.raises(ExtractError, match="broken.pdf"):
            parser.parse(bad, jobs[-1][1], {})
    inline = parse_file(files[0], jobs[0][1])
    assert (meta, paragraphs, text) == inline


def test_sync__committee_paragraphs_carry_their_window_and_inspection_ones_do_not(tmp_path, docs, fake_embedder):
    idx = tmp_path / "index"
    build(idx, [docs], fake_embedder)
    data = load_index(idx)
    window_of = np.load(data.path / "bm25" / "windows" / "window_of.npy")
    rows = data.rows_by_doc()
    assert (window_of[rows[REPORT]] >= 0).any()  # a committee report's short paragraphs are read together
    assert (window_of[rows[OFSTED_2019]] == -1).all()  # an inspection report's paragraphs stand alone
    vectors_per_row = np.bincount(data.chunk_para, minlength=len(data.paragraphs))
    windowed = [r for r in rows[REPORT] if window_of[r] >= 0]
    assert all(vectors_per_row[r] >= 2 for r in windowed)  # its own vector and its window's


def test_sync__tracker_records_follow_the_documents_added_and_removed(tmp_path, docs, fake_embedder):
    from assistant.track.extractor import extract_all
    from assistant.track.ledger import read_tracker

    idx = tmp_path / "index"

    def records_now():
        data = load_index(idx, with_vectors=False)
        written = read_tracker(data.path, data)
        assert written == extract_all(data.docs, data.paragraphs)  # as if extracted from the whole index now
        return written

    build(idx, [docs / REPORT], fake_embedder)
    first = records_now()
    add_documents(idx, [docs / OFSTED_2019], embedder=fake_embedder, progress=False)
    both = records_now()
    assert [r for r in both if r.doc == REPORT] == first and any(r.doc == OFSTED_2019 for r in both)
    remove_documents(idx, [REPORT], embedder=fake_embedder, progress=False)
    assert {r.doc for r in records_now()} == {OFSTED_2019}


def test_sync__unchanged_documents_keep_their_passages_and_changed_ones_are_cut_again(tmp_path, docs, fake_embedder,
                                                                                     monkeypatch):
    from assistant.index import build as build_module
    from assistant.index.passages import PassageIndex

    idx = tmp_path / "index"
    build(idx, [docs], fake_embedder)
    first = PassageIndex.read_chunks(store.current_version_dir(idx) / PassageIndex.FOLDER)
    assert set(first) == {REPORT, OFSTED_2019} and all(first.values())
    cut = []
    real = build_module.passages
    monkeypatch.setattr(build_module, "passages", lambda paragraphs, keep: cut.append(paragraphs[0].doc) or
                        real(paragraphs, keep))
    report_file = docs / REPORT
    report_file.write_text(report_file.read_text() + "\n9. Extra\n\n9.1. The Committee agreed a new caseload target.\n")
    build(idx, [docs], fake_embedder)
    assert cut == [REPORT]  # the unchanged inspection report's passages come from the previous version
    data = load_index(idx)
    after = PassageIndex.read_chunks(data.path / PassageIndex.FOLDER)
    assert after[OFSTED_2019] == first[OFSTED_2019]
    assert any("new caseload target" in chunk for chunk, _ in after[REPORT])
    passages = PassageIndex.load(data.path / PassageIndex.FOLDER)
    rows = data.rows_by_doc()[OFSTED_2019]
    covered = {int(r) for r in passages.rows}
    assert {int(r) for r in rows} <= covered  # the kept passages point at the inspection report's new rows


def test_sync__an_answer_is_found_by_the_words_of_the_question_it_answers(tmp_path, fake_embedder):
    from assistant.api import Assistant

    folder = tmp_path / "qa"
    folder.mkdir()
    (folder / "kent_county-council_2025-03-13_questions-put-and-answers-given.txt").write_text(
        "# Question by Paul Stepto to Rory Love, Cabinet Member for Education\n\n"
        "How many home-schooled children are registered in the county?\n\n"
        "# Answer\n\nKCC currently monitors 4,798 pupils, 26% up on the same point last year.\n\n"
        "# Question by Mark Hood to Neil Baker, Cabinet Member for Highways\n\n"
        "When will the bridge on the A28 reopen to traffic?\n\n"
        "# Answer\n\nWork is due to finish in May.\n", encoding="utf-8")
    idx = tmp_path / "index"
    build(idx, [folder], fake_embedder)
    assistant = Assistant.load(idx, embedder=fake_embedder)
    assistant.retriever.weights.passage_share = 0.0  # the paragraphs' own keyword text alone
    hits = assistant.search("home-schooled children", mode="keyword", k=3)
    answer = next(h for h in hits if h.paragraph.heading == "Answer")
    assert answer.paragraph.text.startswith("KCC currently monitors 4,798 pupils")  # cited as printed
    assert not any(h.paragraph.text.startswith("Work is due") for h in hits)  # the other question's answer
    bridge = [h.keyword for h in hits if "bridge" in h.paragraph.text]
    assert all(answer.keyword > k for k in bridge)  # by its own question's words, not only as a neighbour
