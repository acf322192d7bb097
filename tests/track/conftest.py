"""Fixtures for the tracker tests: parsed real documents (fast) and a real index of source_docs (slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SOURCE_DOCS, corpus_file

MEDWAY_REPORT = "medway_cyp-overview-scrutiny_2020-10-01_ofsted-monitoring-visit.txt"
MEDWAY_2019 = "medway_ofsted-childrens-services_2019-08-27.pdf"


def parse(path: Path):
    from assistant.index.sources import parse_file

    meta, paragraphs, _ = parse_file(path, "test")
    return meta, paragraphs


@pytest.fixture(scope="session")
def records_of():
    """records_of(path) -> the tracker records of one document, parsed directly (no index)."""
    from assistant.track.extractor import extract_records

    cache: dict[Path, list] = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = extract_records(*parse(path))
        return cache[path]
    return get


@pytest.fixture(scope="session")
def medway_report_records(records_of):
    return records_of(SOURCE_DOCS / MEDWAY_REPORT)


@pytest.fixture(scope="session")
def medway_2019_records(records_of):
    return records_of(SOURCE_DOCS / MEDWAY_2019)


@pytest.fixture(scope="session")
def track_index(sample_index):
    """The session's real index of source_docs (real bundled model), for track / follow-through / chat tests."""
    return sample_index


@pytest.fixture(scope="session")
def track_assistant(track_index):
    from assistant.api import Assistant

    return Assistant.load(track_index)


@pytest.fixture
def kent_minutes():
    return corpus_file("committee/kent-cc_corporate-parenting-panel_2024-12-10_minutes.pdf")


DECISION_PAPERS = (  # one decision's papers in ../shared/corpus: the record, the executive response, the minutes
    "committee/kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf",
    "committee/kent-cc_county-council_2025-03-13_family-hubs-executive-response.pdf",
    "committee/kent-cc_cabinet_2025-01-30_printed-minutes.pdf",
    "committee/kent-cc_county-council_2025-03-13_printed-minutes.pdf",
)


@pytest.fixture(scope="session")
def decision_index(tmp_path_factory, fake_embedder):
    """A fast index (word-hash fake embedder) of one decision's real papers; skips without ../shared/corpus."""
    import shutil

    from assistant.index.build import sync_index

    folder = tmp_path_factory.mktemp("decision-papers")
    for rel in DECISION_PAPERS:
        shutil.copy(corpus_file(rel), folder)
    index_dir = tmp_path_factory.mktemp("decision-index")
    report = sync_index(index_dir, [folder], embedder=fake_embedder, progress=False, log=lambda m: None)
    assert not report.failed, report.failed
    return index_dir
