"""Adding a document only adds or updates that document, from any working directory; removing removes only it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from assistant.index import store
from assistant.index.build import add_documents, remove_documents, sync_index
from assistant.index.store import load_index
from assistant.ui import library
from tests.conftest import REPO, SOURCE_DOCS

REPORT = "medway_cyp-overview-scrutiny_2020-10-01_ofsted-monitoring-visit.txt"
DECISION = REPO / "tests" / "data" / "ingest" / "unknown_ieDecisionDetails_policy-committee-minutes-decision.html"
UPDATE = "medway_cyp-scrutiny_2021-03-01_caseload-update.txt"
NEW_NOTE = b"1. Purpose\n\n1.1 The Committee agreed to review caseloads again in March 2025.\n"


@pytest.fixture()
def project(tmp_path, fake_embedder, monkeypatch):
    """A project folder with source_docs/ and index/, indexed from inside it with relative paths."""
    root = tmp_path / "project"
    (root / "source_docs").mkdir(parents=True)
    shutil.copy(SOURCE_DOCS / REPORT, root / "source_docs" / REPORT)
    shutil.copy(DECISION, root / "source_docs" / DECISION.name)
    (root / "source_docs" / UPDATE).write_text("Caseload update\n\n1. Caseloads\n\n1.1. Average caseloads "
                                                    "fell from 24 to 19 children per social worker.\n")
    monkeypatch.chdir(root)
    sync_index(Path("index"), [Path("source_docs")], embedder=fake_embedder, progress=False, log=lambda m: None)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)  # every step below runs from another working directory
    return root


def _paragraphs_of(index: Path, doc: str) -> list[str]:
    data = load_index(index)
    return [p.text for p in data.paragraphs if p.doc == doc]


def test_sync__stores_absolute_source_paths(project):
    manifest = store.read_manifest(project / "index")
    assert all(Path(d["path"]).is_absolute() for d in manifest["documents"].values())
    assert manifest["sources"] == [str(project / "source_docs")]


def test_upload__from_another_working_directory_adds_without_removing(project, tmp_path, fake_embedder):
    change = library.upload(project / "index", tmp_path / "uploads", "note.txt", NEW_NOTE, embedder=fake_embedder)
    assert change.ok, change.message
    report = change.report
    assert report.added == ["note.txt"] and not report.removed and len(report.unchanged) == 3
    assert set(load_index(project / "index").docs) == {REPORT, DECISION.name, UPDATE, "note.txt"}


def test_upload__same_name_from_another_folder_is_saved_apart_and_replaces_nothing(project, tmp_path,
                                                                                   fake_embedder):
    idx = project / "index"
    before = _paragraphs_of(idx, REPORT)
    change = library.upload(idx, tmp_path / "uploads", REPORT, NEW_NOTE, embedder=fake_embedder)
    assert change.ok, change.message
    new_name = f"{Path(REPORT).stem}-2.txt"
    assert change.report.added == [new_name] and not change.report.updated and not change.report.removed
    assert _paragraphs_of(idx, REPORT) == before
    assert (tmp_path / "uploads" / new_name).read_bytes() == NEW_NOTE
    same = library.upload(idx, tmp_path / "uploads", "copy.txt", (SOURCE_DOCS / REPORT).read_bytes(),
                          embedder=fake_embedder)
    assert same.ok and "already in the library" in same.message and same.report is None
    assert len(load_index(idx).docs) == 4


def test_add__same_name_file_from_another_folder_is_skipped_not_swapped(project, tmp_path, fake_embedder):
    idx = project / "index"
    before = _paragraphs_of(idx, REPORT)
    other = tmp_path / "other"
    other.mkdir()
    (other / REPORT).write_bytes(NEW_NOTE)
    report = add_documents(idx, [other / REPORT], embedder=fake_embedder, progress=False, log=lambda m: None)
    assert [name for name, _ in report.failed] == [REPORT] and "already indexed" in report.failed[0][1]
    assert _paragraphs_of(idx, REPORT) == before and len(load_index(idx).docs) == 3
    # the indexed file itself, changed: an update of that document
    (project / "source_docs" / REPORT).write_bytes(NEW_NOTE)
    report = add_documents(idx, [project / "source_docs" / REPORT], embedder=fake_embedder, progress=False)
    assert report.updated == [REPORT] and len(report.unchanged) == 2


def test_add_and_remove__keep_documents_whose_source_files_have_gone(project, tmp_path, fake_embedder):
    idx = project / "index"
    shutil.move(project / "source_docs" / DECISION.name, tmp_path / "moved.html")  # its source is no longer there
    note = tmp_path / "note.txt"
    note.write_bytes(NEW_NOTE)
    report = add_documents(idx, [note], embedder=fake_embedder, progress=False)
    assert report.added == ["note.txt"] and not report.removed
    assert DECISION.name in load_index(idx).docs
    report = remove_documents(idx, [UPDATE], embedder=fake_embedder, progress=False)
    assert report.removed == [UPDATE] and report.embedded == 0
    assert set(load_index(idx).docs) == {REPORT, DECISION.name, "note.txt"}


def test_write__index_with_relative_paths_is_migrated_on_the_next_write(project, tmp_path, fake_embedder):
    """Indexes written before paths were resolved held them relative to where `index` ran."""
    idx = project / "index"
    vdir = store.current_version_dir(idx)
    docs = json.loads((vdir / "docs.json").read_text())
    for d in docs:
        d["path"] = f"source_docs/{d['doc']}"
    (vdir / "docs.json").write_text(json.dumps(docs))
    manifest = json.loads((vdir / "manifest.json").read_text())
    for d in manifest["documents"].values():
        d["path"] = "source_docs/" + Path(d["path"]).name
    del manifest["files"], manifest["sources"]  # as written before checksums and sources were recorded
    (vdir / "manifest.json").write_text(json.dumps(manifest))
    note = tmp_path / "note.txt"
    note.write_bytes(NEW_NOTE)
    report = add_documents(idx, [note], embedder=fake_embedder, progress=False)
    assert report.added == ["note.txt"] and not report.removed and len(report.unchanged) == 3
    paths = {d: Path(v["path"]) for d, v in store.read_manifest(idx)["documents"].items()}
    assert paths[REPORT] == project / "source_docs" / REPORT  # found beside the index folder, made absolute
    assert all(p.is_absolute() and p.is_file() for p in paths.values())
