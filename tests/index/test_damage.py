"""A damaged index is named in one line with its fix, and a plain `index` repairs it without re-embedding."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.index import store
from assistant.index.build import sync_index
from assistant.index.store import IndexDamaged, load_index
from tests.conftest import SOURCE_DOCS

REPORT = "medway_cyp-overview-scrutiny_2020-10-01_ofsted-monitoring-visit.txt"


@pytest.fixture(scope="module")
def built(tmp_path_factory, fake_embedder):
    root = tmp_path_factory.mktemp("damage")
    docs = root / "docs"
    docs.mkdir()
    shutil.copy(SOURCE_DOCS / REPORT, docs / REPORT)
    sync_index(root / "index", [docs], embedder=fake_embedder, progress=False, log=lambda m: None)
    return root


def _live_files(index: Path) -> list[str]:
    vdir = store.current_version_dir(index)
    return sorted(["manifest.json", *json.loads((vdir / "manifest.json").read_text())["files"]])


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "delete":
        path.unlink()
    elif how == "truncate":
        path.write_bytes(data[: len(data) // 2])
    else:  # garble: same size, different bytes in the middle
        mid = len(data) // 2
        path.write_bytes(data[:mid] + bytes(255 - b for b in data[mid: mid + 16]) + data[mid + 16:])



# the files of a version (known before building: the manifest lists what was written)
VERSION_FILES = ["bm25", "chunks.npy", "dense.faiss", "docs.json", "manifest.json", "paragraphs.docs.npy",
                 "paragraphs.jsonl", "paragraphs.offsets.npy", "passages", "sentences.f16.npy", "sentences.start.npy",
                 "texts.json", "vectors.npy", "vocabulary.npz"]


def test_manifest__lists_every_file_of_the_version_with_size_and_checksum(built):
    vdir = store.current_version_dir(built / "index")
    files = json.loads((vdir / "manifest.json").read_text())["files"]
    on_disk = {p.relative_to(vdir).as_posix() for p in vdir.rglob("*") if p.is_file()} - {"manifest.json"}
    # the tracker's records are made from the index (track/ledger.py): unchecked, and re-made if damaged
    assert set(files) == on_disk - {"tracker.jsonl"}
    assert {f.split("/")[0] for f in files} | {"manifest.json"} == set(VERSION_FILES)
    for rel, entry in files.items():
        assert entry["size"] == (vdir / rel).stat().st_size and len(entry["sha1"]) == 40


@pytest.mark.parametrize("how", ["delete", "truncate", "garble"])
def test_load__each_damaged_file_is_named_with_the_fix_then_index_repairs_it(built, tmp_path, fake_embedder, how):
    base = load_index(built / "index")
    want_paragraphs = [p.id for p in base.paragraphs]
    for rel in _live_files(built / "index"):
        idx = tmp_path / f"{how}-{rel.replace('/', '_')}"
        shutil.copytree(built / "index", idx)
        vdir = store.current_version_dir(idx)
        _damage(vdir / rel, how)
        with pytest.raises(IndexDamaged) as exc:
            load_index(idx)
        message = str(exc.value)
        assert "\n" not in message and str(vdir / rel) in message, (rel, message)
        assert f"python -m assistant index {(built / 'docs').resolve()} --index-dir {idx}" in message
        logged = []
        report = sync_index(idx, [built / "docs"], embedder=fake_embedder, progress=False, log=logged.append)
        assert report.embedded == 0 and report.from_cache > 0, rel  # the vectors came from the cache
        assert any("rebuilding the index" in m for m in logged)
        assert [p.id for p in load_index(idx).paragraphs] == want_paragraphs


@pytest.mark.parametrize("content", [b"", b"v-nothing-here\n", b"\xff\xfe\x00garbage"])
def test_load__broken_current_pointer_is_named(built, tmp_path, fake_embedder, content):
    idx = tmp_path / "index"
    shutil.copytree(built / "index", idx)
    (idx / "CURRENT").write_bytes(content)
    with pytest.raises(IndexDamaged, match=r"The index file .*CURRENT .*python -m assistant index"):
        load_index(idx)
    assert sync_index(idx, [built / "docs"], embedder=fake_embedder, progress=False, log=lambda m: None).embedded == 0
    assert load_index(idx).docs


def test_cli__damaged_index_is_one_line_exit_1_and_plain_index_repairs_it(built, tmp_path, fake_embedder,
                                                                         monkeypatch):
    from assistant.cli.main import main
    from assistant.index import build

    monkeypatch.setattr(build, "default_embedder", lambda *_a, **_k: fake_embedder)
    idx = tmp_path / "index"
    shutil.copytree(built / "index", idx)
    (store.current_version_dir(idx) / "docs.json").write_text("")
    for command in (["docs"], ["search", "caseloads"], ["commitments"]):
        result = CliRunner().invoke(main, [*command, "--index-dir", str(idx)])
        assert result.exit_code == 1, command
        assert result.stderr.count("\n") == 1 and "docs.json" in result.stderr
        assert "python -m assistant index" in result.stderr and "Traceback" not in result.output
    repaired = CliRunner().invoke(main, ["index", str(built / "docs"), "--index-dir", str(idx), "--quiet"])
    assert repaired.exit_code == 0, repaired.output
    assert "0 text pieces newly embedded" in repaired.stdout
    assert CliRunner().invoke(main, ["docs", "--index-dir", str(idx)]).exit_code == 0


def test_add__to_a_damaged_index_rebuilds_it_from_the_recorded_sources(built, tmp_path, fake_embedder):
    from assistant.index.build import add_documents

    idx = tmp_path / "index"
    shutil.copytree(built / "index", idx)
    (store.current_version_dir(idx) / "vectors.npy").unlink()
    extra = tmp_path / "extra.txt"
    extra.write_text("1. Scope\n\n1.1 The Committee agreed to review caseloads again in March.\n")
    report = add_documents(idx, [extra], embedder=fake_embedder, progress=False, log=lambda m: None)
    assert set(load_index(idx).docs) == {REPORT, "extra.txt"}
    assert "extra.txt" in report.added and report.embedded < 10  # only the new document's text was embedded


def test_fingerprint__large_files_are_checked_by_spread_blocks(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "FULL_HASH_BYTES", 1 << 20)
    monkeypatch.setattr(store, "SAMPLE_BLOCKS", 4)
    big = tmp_path / "big.npy"
    data = bytearray(range(256)) * (8 << 12)  # 8 MiB
    big.write_bytes(data)
    first = store.fingerprint(big)
    assert store.fingerprint(big) == first
    for at in (0, len(data) // 3, len(data) - 1):  # first, a middle and the last block
        changed = bytearray(data)
        changed[at] ^= 0xFF
        big.write_bytes(changed)
        assert store.fingerprint(big) != first, at
