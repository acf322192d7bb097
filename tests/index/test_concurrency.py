"""One writer per index: concurrent `index` processes, the lock's waiting message and --no-wait, killed builds.

The processes are real (`python -m tests.index.fake_cli` runs the real command line with the word-hash embedder,
see fake_cli.py); one test runs `python -m assistant` itself with the real model.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from assistant.index.lock import writer_lock
from tests.conftest import REPO, SOURCE_DOCS

REPORT = "medway_cyp-overview-scrutiny_2020-10-01_ofsted-monitoring-visit.txt"
DECISION = REPO / "tests" / "data" / "ingest" / "unknown_ieDecisionDetails_policy-committee-minutes-decision.html"
OFSTED_2019 = "medway_ofsted-childrens-services_2019-08-27.pdf"
OFSTED_2023 = "medway_ofsted-childrens-services_2023-09-11.pdf"


def cli(*args: str, fake: bool = True, env: dict | None = None, **kwargs) -> subprocess.Popen:
    module = "tests.index.fake_cli" if fake else "assistant"
    return subprocess.Popen([sys.executable, "-m", module, *args], cwd=REPO, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env={**os.environ, **(env or {})}, **kwargs)


def run(*args: str, fake: bool = True, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    proc = cli(*args, fake=fake, **kwargs)
    out, err = proc.communicate(timeout=timeout)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def document_sets(root: Path, n: int) -> list[tuple[Path, set[str]]]:
    """n folders of two small real documents each, named differently per folder."""
    sets = []
    for i in range(n):
        folder = root / f"set{i}"
        folder.mkdir()
        names = {f"s{i}_{REPORT}", f"s{i}_{DECISION.name}"}
        shutil.copy(SOURCE_DOCS / REPORT, folder / f"s{i}_{REPORT}")
        shutil.copy(DECISION, folder / f"s{i}_{DECISION.name}")
        sets.append((folder, names))
    return sets


@pytest.mark.parametrize("writers", [2, 4])
def test_index__concurrent_runs_leave_one_whole_document_set(tmp_path, writers):
    for attempt in range(2):
        root = tmp_path / f"try{attempt}"
        root.mkdir()
        idx = root / "index"
        sets = document_sets(root, writers)
        procs = [cli("index", str(folder), "--index-dir", str(idx), "--quiet") for folder, _ in sets]
        results = [(p.wait(timeout=240), p.stdout.read(), p.stderr.read()) for p in procs]
        for rc, out, err in results:
            assert rc == 0, err  # every writer waited for the one before it, then did its work
            assert "Index:" in out and "Traceback" not in err
            for line in err.splitlines():
                assert re.fullmatch(r"another index build is running \(pid \d+, started \d\d:\d\d\) on .*; waiting…",
                                    line) or re.fullmatch(r"another index build is running on .*; waiting…", line), line
        listed = {d["doc"] for d in json.loads(run("docs", "--json", "--index-dir", str(idx)).stdout)}
        assert listed in [names for _, names in sets]
        ask = run("ask", "what did Ofsted find on the monitoring visit?", "--index-dir", str(idx))
        assert ask.returncode == 0 and ask.stdout.strip(), ask.stderr
        assert not [p.name for p in idx.iterdir() if p.name.startswith(".building-")]
        assert len([p for p in idx.iterdir() if p.name.startswith("v-")]) == 1


def test_index__second_writer_says_whom_it_waits_for_or_exits_1_with_no_wait(tmp_path):
    folder = document_sets(tmp_path, 1)[0][0]
    idx = tmp_path / "index"
    with writer_lock(idx, log=lambda m: None):
        busy = run("index", str(folder), "--index-dir", str(idx), "--quiet", "--no-wait")
        assert busy.returncode == 1
        assert busy.stderr.startswith(f"Error: another index build is running (pid {os.getpid()}, started ")
        assert "--no-wait" in busy.stderr and len(busy.stderr.strip().splitlines()) == 1
        waiting = cli("index", str(folder), "--index-dir", str(idx), "--quiet")
        time.sleep(6)  # time to start and find the lock taken
        assert waiting.poll() is None and not (idx / "CURRENT").exists()  # still waiting for us
    assert waiting.wait(timeout=120) == 0
    assert f"another index build is running (pid {os.getpid()}" in waiting.stderr.read()
    assert (idx / "CURRENT").exists()


def test_lock__is_reentrant_in_one_thread_and_released_after(tmp_path):
    idx = tmp_path / "index"
    with writer_lock(idx), writer_lock(idx):
        assert json.loads((idx / ".lock.info").read_text())["pid"] == os.getpid()
    assert not (idx / ".lock.info").exists()
    with writer_lock(idx, wait=False):
        pass


def test_store__build_folder_of_a_running_writer_is_never_removed(tmp_path, fake_embedder):
    from assistant.index.build import sync_index

    idx = tmp_path / "index"
    folder = document_sets(tmp_path, 1)[0][0]
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        idx.mkdir()
        theirs = idx / f".building-{sleeper.pid}-v-20990101T000000-abcdef"
        theirs.mkdir()
        dead = idx / ".building-999999999-v-20990101T000000-abcdef"  # no such process
        dead.mkdir()
        sync_index(idx, [folder], embedder=fake_embedder, progress=False, log=lambda m: None)
        assert theirs.is_dir() and not dead.exists()
    finally:
        sleeper.kill()


def test_index__killed_while_embedding_resumes_from_the_saved_cache(tmp_path, fake_embedder):
    """kill -9 half-way through embedding; the rerun embeds only what the killed run had not saved."""
    from assistant.index.build import SAVE_EVERY, sync_index

    docs = tmp_path / "docs"
    docs.mkdir()
    for name in (OFSTED_2019, OFSTED_2023, "medway_ofsted-childrens-services_2015-11-27.pdf"):
        shutil.copy(SOURCE_DOCS / name, docs / name)
    whole = sync_index(tmp_path / "reference", [docs], embedder=fake_embedder, progress=False, log=lambda m: None)
    assert whole.embedded > 2 * SAVE_EVERY  # enough to be interrupted after a save
    idx = tmp_path / "index"
    proc = cli("index", str(docs), "--index-dir", str(idx), "--quiet", env={"FAKE_EMBED_DELAY_S": "0.004"})
    deadline = time.time() + 180
    while not list((idx / "embed-cache").glob("seg-*keys.npy")) and time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, proc.stderr.read()  # still embedding
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert not (idx / "CURRENT").exists()
    saved = sum(len(np.load(k)) for k in (idx / "embed-cache").glob("seg-*keys.npy"))  # texts in the cache
    assert saved > 0
    rerun = run("index", str(docs), "--index-dir", str(idx), "--quiet")
    assert rerun.returncode == 0, rerun.stderr
    m = re.search(r"\((\d+) text pieces newly embedded, (\d+) from the embedding cache\)", rerun.stdout)
    assert m, rerun.stdout
    embedded, cached = int(m.group(1)), int(m.group(2))
    assert cached == saved and embedded == whole.embedded - saved


@pytest.mark.slow
def test_index__two_real_index_processes_with_the_model(tmp_path):
    """`python -m assistant index` itself (the bundled model), twice at once on the same index."""
    idx = tmp_path / "index"
    a, b = tmp_path / "a", tmp_path / "b"
    for folder, prefix in ((a, "a_"), (b, "b_")):
        folder.mkdir()
        shutil.copy(SOURCE_DOCS / REPORT, folder / f"{prefix}{REPORT}")
    procs = [cli("index", str(f), "--index-dir", str(idx), "--quiet", fake=False) for f in (a, b)]
    assert [p.wait(timeout=300) for p in procs] == [0, 0], [p.stderr.read() for p in procs]
    listed = json.loads(run("docs", "--json", "--index-dir", str(idx), fake=False).stdout)
    assert [d["doc"] for d in listed] in ([f"a_{REPORT}"], [f"b_{REPORT}"])
    ask = run("ask", "what did the monitoring visit find?", "--index-dir", str(idx), fake=False, timeout=300)
    assert ask.returncode == 0 and "[" in ask.stdout
    assert not [p.name for p in idx.iterdir() if p.name.startswith(".building-")]


def _hold_lock(idx: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the index's writer lock for ``seconds`` (it prints 'held' once it has it)."""
    code = ("import sys, time; from assistant.index.lock import writer_lock\n"
            f"with writer_lock({str(idx)!r}):\n    print('held', flush=True); time.sleep({seconds})")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "held"
    return proc


def test_upload__waits_for_another_writer_and_says_so(tmp_path, fake_embedder):
    from assistant.index.build import sync_index
    from assistant.index.store import load_index
    from assistant.ui import library

    folder, names = document_sets(tmp_path, 1)[0]
    idx = tmp_path / "index"
    sync_index(idx, [folder], embedder=fake_embedder, progress=False, log=lambda m: None)
    holder = _hold_lock(idx, 3)
    heard: list[str] = []
    started = time.time()
    change = library.upload(idx, tmp_path / "uploads", "note.txt", b"1. Caseloads\n\n1.1 They fell to 18.\n",
                            embedder=fake_embedder, log=heard.append)
    assert time.time() - started >= 2 and change.ok, change.message
    assert len(heard) == 1 and heard[0].startswith(f"another index build is running (pid {holder.pid}, started ")
    assert heard[0].endswith("; waiting…")
    assert set(load_index(idx).docs) == names | {"note.txt"}
    holder.wait(timeout=30)


def test_tracker__written_by_the_build_and_never_by_a_reader(tmp_path, fake_embedder):
    from assistant.index.build import sync_index
    from assistant.index.store import load_index
    from assistant.track import ledger

    folder = document_sets(tmp_path, 1)[0][0]
    idx = tmp_path / "index"
    sync_index(idx, [folder], embedder=fake_embedder, progress=False, log=lambda m: None)
    data = load_index(idx, with_vectors=False)
    written = ledger.read_tracker(data.path, data)
    assert written  # the build wrote the records before the version went live
    (data.path / ledger.FILE_NAME).unlink()  # as an index built before the tracker existed
    ledger._CACHE.clear()
    assert ledger.records_for(load_index(idx, with_vectors=False)) == written  # extracted in memory...
    assert not (data.path / ledger.FILE_NAME).exists()  # ...and a reader never writes into the index
    sync_index(idx, [folder], embedder=fake_embedder, progress=False, log=lambda m: None)  # nothing changed
    assert ledger.read_tracker(data.path, data) == written  # the next `index` run writes them


def test_reader__keeps_answering_from_its_version_after_a_writer_replaced_it(tmp_path, fake_embedder):
    from assistant.api import Assistant
    from assistant.index.build import sync_index
    from assistant.index.store import current_version_dir

    (folder, names), (other, other_names) = document_sets(tmp_path, 2)
    idx = tmp_path / "index"
    sync_index(idx, [folder], embedder=fake_embedder, progress=False, log=lambda m: None)
    reader = Assistant.load(idx, embedder=fake_embedder)
    loaded = current_version_dir(idx)
    before = [(h.paragraph.id, h.paragraph.text) for h in reader.search("caseloads social workers", k=5)]
    sync_index(idx, [other], embedder=fake_embedder, progress=False, log=lambda m: None)
    assert not loaded.exists()  # the writer removed the old version…
    after = [(h.paragraph.id, h.paragraph.text) for h in reader.search("caseloads social workers", k=5)]
    assert after == before and {d.doc for d in reader.documents()} == names  # …and the reader still reads it
    assert {d.doc for d in Assistant.load(idx, embedder=fake_embedder).documents()} == other_names
