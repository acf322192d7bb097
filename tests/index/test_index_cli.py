"""`index` / `add` exit codes and messages, and the smaller command-line checks (closed pipes, dates, -k, batches)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner
from pypdf import PdfWriter

from assistant.cli.main import EXIT_SKIPPED, main
from tests.conftest import REPO, SOURCE_DOCS

REPORT = "medway_cyp-overview-scrutiny_2020-10-01_ofsted-monitoring-visit.txt"
OFSTED_2019 = "medway_ofsted-childrens-services_2019-08-27.pdf"


@pytest.fixture()
def fake_model(monkeypatch, fake_embedder):
    from assistant.index import build
    from assistant.retrieve import hybrid as retrieve

    monkeypatch.setattr(build, "default_embedder", lambda *_a, **_k: fake_embedder)
    monkeypatch.setattr(retrieve, "default_embedder", lambda *_a, **_k: fake_embedder)


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture()
def docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(SOURCE_DOCS / REPORT, folder / REPORT)
    return folder


@pytest.fixture()
def index(tmp_path, docs, fake_model):
    idx = tmp_path / "index"
    assert invoke("index", docs, "--index-dir", idx, "--quiet").exit_code == 0
    return idx


def test_index__exit_0_when_every_file_is_indexed(tmp_path, docs, fake_model):
    res = invoke("index", docs, "--index-dir", tmp_path / "index", "--quiet")
    assert res.exit_code == 0 and res.stdout.startswith("Index: 1 added") and res.stderr == ""


def test_index__exit_3_when_some_files_were_skipped_each_named_once(tmp_path, docs, fake_model):
    (docs / "corrupt.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    (docs / "empty.txt").write_text("")
    res = invoke("index", docs, "--index-dir", tmp_path / "index", "--quiet")
    assert res.exit_code == EXIT_SKIPPED == 3
    lines = res.stderr.splitlines()
    assert sum("corrupt.pdf" in line for line in lines) == 1 and sum("empty.txt" in line for line in lines) == 1
    assert lines[-1].startswith("2 files were skipped")
    assert "1 added" in res.stdout and "2 skipped" in res.stdout
    again = invoke("index", docs, "--index-dir", tmp_path / "index", "--quiet")  # nothing new, still skipped
    assert again.exit_code == 3 and "1 unchanged" in again.stdout


def test_index__exit_1_when_nothing_could_be_indexed(tmp_path, fake_model):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "corrupt.pdf").write_bytes(b"%PDF-1.4 this is not really a pdf")
    res = invoke("index", bad, "--index-dir", tmp_path / "index", "--quiet")
    assert res.exit_code == 1 and res.stderr.count("corrupt.pdf") == 1
    assert res.stderr.splitlines()[-1] == "Error: None of the documents could be read, so nothing was indexed."
    empty = tmp_path / "empty"
    empty.mkdir()
    res = invoke("index", empty, "--index-dir", tmp_path / "index", "--quiet")
    assert res.exit_code == 1 and "No documents" in res.stderr and not (tmp_path / "index" / "CURRENT").exists()


def test_index__unwritable_index_folder_is_exit_1(tmp_path, docs, fake_model):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the index folder should be")
    res = invoke("index", docs, "--index-dir", blocker, "--quiet")
    assert res.exit_code == 1 and res.stderr.startswith("Error: ") and res.stderr.count("\n") == 1


def test_add__adds_one_file_and_keeps_the_others(tmp_path, index, fake_model):
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(SOURCE_DOCS / OFSTED_2019, other / OFSTED_2019)
    res = invoke("add", other / OFSTED_2019, "--index-dir", index, "--quiet")
    assert res.exit_code == 0 and "1 added, 0 updated, 1 unchanged, 0 removed" in res.stdout
    missing = invoke("add", tmp_path / "nope.pdf", "--index-dir", index)
    assert missing.exit_code == 2 and "no such file" in missing.output


def test_docs_and_commitments__into_a_closed_pipe_end_quietly(index):
    for command in (["docs"], ["commitments"], ["docs", "--json"]):
        proc = subprocess.Popen([sys.executable, "-m", "assistant", *command, "--index-dir", str(index)], cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.close()  # the reader has gone, like `| head` after its lines
        err = proc.stderr.read().decode()
        assert proc.wait(timeout=60) == 0, err
        assert "Broken pipe" not in err and "Error" not in err and "Exception" not in err


@pytest.mark.parametrize("command", [["search", "caseloads"], ["commitments"], ["findings"], ["track", "caseloads"]])
def test_filters__impossible_dates_are_a_usage_error(index, command):
    res = invoke(*command, "--since", "2019-13-45", "--index-dir", index)
    assert res.exit_code == 2 and "2019-13-45" in res.output and "date like 2019-01-01" in res.output


def test_search__k_must_be_positive(index):
    for k in ("-5", "0"):
        res = invoke("search", "caseloads", "-k", k, "--index-dir", index)
        assert res.exit_code == 2 and "-k" in res.output
    assert invoke("search", "caseloads", "-k", "3", "--json", "--index-dir", index).exit_code == 0


def test_ask__empty_question_in_a_batch_names_its_line(tmp_path, index):
    batch = tmp_path / "q.jsonl"
    batch.write_text(json.dumps({"question": "what did the visit find?"}) + "\n\n" + json.dumps({"question": " "}) + "\n")
    res = invoke("ask", "--questions", batch, "--index-dir", index, "--llm", "none")
    assert res.exit_code == 2 and "q.jsonl line 3" in res.output and "empty" in res.output
    assert res.stdout.count('"question"') == 0  # every line is checked before any is answered


def test_pdf__aes_encrypted_without_a_password_is_read_and_with_one_is_skipped(tmp_path, fake_model):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, user_password in (("open-aes.pdf", ""), ("locked-aes.pdf", "secret")):
        writer = PdfWriter()
        writer.append(str(SOURCE_DOCS / OFSTED_2019))
        writer.encrypt(user_password=user_password, owner_password="owner", algorithm="AES-256")
        with (docs / name).open("wb") as fh:
            writer.write(fh)
    res = invoke("index", docs, "--index-dir", tmp_path / "index", "--quiet")
    assert res.exit_code == 3 and "1 added" in res.stdout
    assert "locked-aes.pdf: the PDF is password-protected" in res.stderr and "open-aes.pdf" not in res.stderr


def test_remove__takes_one_document_out_and_keeps_the_others(tmp_path, index, fake_model):
    other = tmp_path / "elsewhere"
    other.mkdir()
    shutil.copy(SOURCE_DOCS / OFSTED_2019, other / OFSTED_2019)
    assert invoke("add", other / OFSTED_2019, "--index-dir", index, "--quiet").exit_code == 0
    unknown = invoke("remove", "nope.pdf", OFSTED_2019, "--index-dir", index, "--quiet")
    assert unknown.exit_code == 2 and "Not in the index: nope.pdf" in unknown.output
    assert OFSTED_2019 in invoke("docs", "--index-dir", index).output  # nothing removed by the bad call
    res = invoke("remove", other / OFSTED_2019, "--index-dir", index, "--quiet")  # a path counts by its name
    assert res.exit_code == 0 and "0 added, 0 updated, 1 unchanged, 1 removed" in res.stdout
    listed = invoke("docs", "--index-dir", index).output
    assert OFSTED_2019 not in listed and REPORT in listed and (other / OFSTED_2019).is_file()
