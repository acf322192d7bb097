"""The CLI through click's CliRunner: exact shapes, exit codes and one-line errors."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.cli.main import main

pytestmark = pytest.mark.slow


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_ask_json_prints_the_answer_object(sample_index):
    res = run("ask", "--json", "how many extra social work posts were created?", "--index-dir", sample_index)
    assert res.exit_code == 0, res.output
    d = json.loads(res.output)
    assert d["question"] == "how many extra social work posts were created?"
    assert d["citations"][0]["para"] == "3.5"


def test_ask_batch_copies_fields_through(tmp_path, sample_index):
    qfile = tmp_path / "q.jsonl"
    qfile.write_text(json.dumps({"id": "a1", "question": "What did inspectors say about step-down?"}) + "\n" +
                     json.dumps({"id": "a2", "question": "Who chairs the Improvement Board?"}) + "\n")
    res = run("ask", "--json", "--questions", qfile, "--index-dir", sample_index)
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.output.strip().splitlines()]
    assert [x["id"] for x in lines] == ["a1", "a2"]
    assert all("citations" in x for x in lines)


def test_ask_batch_of_an_empty_file_says_so(tmp_path, sample_index):
    qfile = tmp_path / "q.jsonl"
    qfile.write_text("\n\n")
    res = CliRunner().invoke(main, ["ask", "--questions", str(qfile), "--index-dir", str(sample_index)])
    assert res.exit_code == 2 and "q.jsonl has no questions: write one JSON object per line" in res.output


def test_ask_batch__a_filter_misplaced_unknown_or_naming_nothing_indexed_is_a_usage_error(tmp_path, sample_index):
    # a filter written beside "question" had been echoed back as if taken and the question answered unfiltered; an
    # unknown key inside "filters" was dropped; a council nothing indexed is called answered "No indexed document
    # matches" with exit 0, where --org gives exit 2 (tester, round 70)
    qfile = tmp_path / "q.jsonl"
    for line, said in (({"question": "step-down?", "docs": ["x.pdf"]}, 'line 1: "docs" is a filter: put it inside'),
                       ({"question": "step-down?", "filters": {"bogus": 1}}, '"filters" has no key "bogus"'),
                       ({"question": "step-down?", "filters": {"orgs": ["atlantis"]}}, "atlantis"),
                       ({"question": "step-down?", "filters": {"docs": ["no-such.pdf"]}}, "--doc no-such.pdf"),
                       ({"question": "step-down?", "filters": {"since": "2025-02-30"}}, "2025-02-30")):
        qfile.write_text(json.dumps(line) + "\n")
        res = CliRunner().invoke(main, ["ask", "--questions", str(qfile), "--index-dir", str(sample_index)])
        assert res.exit_code == 2 and said in res.output, (line, res.output)
    # a question file's own "doc" and "type" (its gold document, its kind) are copied through, not read as filters
    qfile.write_text(json.dumps({"question": "step-down?", "doc": "x.pdf", "type": "finding",
                                 "filters": {"orgs": ["medway"]}}) + "\n")
    res = CliRunner().invoke(main, ["ask", "--questions", str(qfile), "--index-dir", str(sample_index)])
    assert res.exit_code == 0 and json.loads(res.output)["doc"] == "x.pdf", res.output


def test_ask_batch__a_bad_line_stops_the_run_before_any_answer_is_printed(tmp_path, sample_index):
    # a bad line 10 had been reported after nine answers were printed (tester, round 71)
    qfile = tmp_path / "q.jsonl"
    qfile.write_text(json.dumps({"question": "Who chairs the Improvement Board?"}) + "\n" +
                     json.dumps({"question": "step-down?", "filters": {"bogus": 1}}) + "\n")
    res = CliRunner().invoke(main, ["ask", "--json", "--questions", str(qfile), "--index-dir", str(sample_index)])
    assert res.exit_code == 2 and "line 2" in res.output
    assert "citations" not in res.output  # nothing answered


def test_search_with_filters(sample_index):
    res = run("search", "caseloads", "--org", "medway", "--since", "2019-01-01", "--index-dir", sample_index, "--json")
    assert res.exit_code == 0, res.output
    hits = json.loads(res.output)
    assert hits and all(h["date"] >= "2019-01-01" for h in hits)


def test_docs_lists_what_is_indexed(sample_index):
    res = run("docs", "--json", "--index-dir", sample_index)
    rows = json.loads(res.output)
    assert len(rows) == 5
    row = next(r for r in rows if r["doc"] == "medway_ofsted-childrens-services_2019-08-27.pdf")
    assert row["organisation"] == "Medway" and row["doc_type"] == "ofsted-inspection"
    assert row["date"] == "2019-08-27" and row["pages"] == 11 and row["paragraphs"] > 40


def test_missing_index_is_one_line_error(tmp_path):
    res = CliRunner().invoke(main, ["ask", "anything", "--index-dir", str(tmp_path / "none")])
    assert res.exit_code == 1
    assert res.output.strip().count("\n") == 0
    assert "python -m assistant index source_docs/" in res.output


def test_bad_date_is_usage_error(sample_index):
    res = CliRunner().invoke(main, ["search", "x", "--since", "2019", "--index-dir", str(sample_index)])
    assert res.exit_code == 2
    assert "2019-01-01" in res.output


def test_index_missing_folder_is_usage_error(tmp_path):
    res = CliRunner().invoke(main, ["index", str(tmp_path / "nope"), "--index-dir", str(tmp_path / "i")])
    assert res.exit_code == 2 and "no such file or folder" in res.output


def test_a_question_without_words_is_one_line_error(sample_index):
    res = CliRunner().invoke(main, ["ask", "???", "--index-dir", str(sample_index)])
    assert res.exit_code == 1 and res.output.strip().count("\n") == 0
    assert "Ask a question in words" in res.output


def test_a_question_or_search_longer_than_a_question_is_one_line_error(sample_index):
    for command in ("ask", "search"):
        res = CliRunner().invoke(main, [command, "caseloads " * 200, "--index-dir", str(sample_index)])
        assert res.exit_code == 1 and res.output.strip().count("\n") == 0, res.output
        assert "2,000 characters long; ask it in at most 1,000" in res.output


def test_a_date_range_back_to_front_is_usage_error(sample_index):
    for command in (["search", "caseloads"], ["ask", "caseloads?"], ["track", "caseloads"], ["commitments"]):
        res = CliRunner().invoke(main, command + ["--since", "2026-01-01", "--until", "2020-01-01",
                                                  "--index-dir", str(sample_index)])
        assert res.exit_code == 2, (command, res.output)
        assert "is after the to date (--until 2020-01-01): swap them" in res.output


def test_a_search_without_words_is_usage_error_not_the_whole_index(sample_index):
    res = CliRunner().invoke(main, ["search", "  ", "--index-dir", str(sample_index)])
    assert res.exit_code == 2 and "Give QUERY some words" in res.output


def test_filters_that_match_no_document_say_so(sample_index):
    # a document no indexed one is called is bad usage (exit 2), as a council no one is called is
    res = run("ask", "what about caseloads?", "--doc", "no-such-file.pdf", "--index-dir", sample_index)
    assert res.exit_code == 2
    assert res.output.strip().splitlines()[-1] == ("Error: --doc no-such-file.pdf: no indexed document is called that; "
                                                   "`python -m assistant docs` lists them.")
    res = run("ask", "--json", "what about caseloads?", "--org", "medway", "--since", "2030-01-01",
              "--index-dir", sample_index)
    d = json.loads(res.output)
    assert d["abstained"] and "(--org medway, --since 2030-01-01)" in d["answer"]
    # a council with nothing indexed is said so (a name no council goes by is a usage error: see below)
    d = json.loads(run("ask", "--json", "what about caseloads?", "--org", "kent", "--index-dir", sample_index).output)
    assert d["abstained"] and d["answer"].startswith("The indexed documents don't include anything from kent")
    # a question the tracker answers ("what needs to improve?") is held to the filters too: it had listed the
    # council's improvement items from outside the one document set
    res = run("ask", "What needs to improve?", "--org", "medway", "--until", "2001-01-01", "--index-dir", sample_index)
    assert res.exit_code == 0
    assert res.output.startswith("No indexed document matches the filters set (--org medway, --until 2001-01-01)")


def test_org_takes_a_councils_other_names_as_a_question_does(sample_index):
    # "Medway Council" is Medway's official name: it had matched no document ("No paragraphs match")
    res = run("search", "caseloads", "--org", "Medway Council", "--json", "--index-dir", sample_index)
    assert res.exit_code == 0, res.output
    hits = json.loads(res.output)
    assert hits and all(h["organisation"] == "Medway" for h in hits)
    res = run("commitments", "--org", "Medway Council", "--json", "--index-dir", sample_index)
    assert json.loads(res.output) == json.loads(run("commitments", "--org", "medway", "--json", "--index-dir",
                                                    sample_index).output) != []


@pytest.mark.parametrize("command", [["commitments"], ["findings"], ["decisions"], ["decisions", "--ref", "24/00093"],
                                     ["track", "caseloads"], ["search", "caseloads"]])
def test_org_naming_a_council_with_nothing_indexed_or_no_council_says_so_in_one_line(sample_index, command):
    res = run(*command, "--org", "Rhondda Cynon Taf", "--index-dir", sample_index)
    assert res.exit_code == 0, res.output
    assert res.output == "The indexed documents don't include anything from Rhondda Cynon Taf.\n"
    res = run(*command, "--org", "Rhondda Cynon Taf", "--json", "--index-dir", sample_index)
    assert json.loads(res.stdout) in ([], {"ref": "24/00093", "items": []})  # the line on stderr
    res = CliRunner().invoke(main, [*command, "--org", "Narnia", "--index-dir", str(sample_index)])
    assert res.exit_code == 2
    assert "Error: No council or indexed organisation is called 'Narnia': check the spelling" in res.output


def test_a_blank_topic_is_a_usage_error_not_every_record(sample_index):
    for command in (["track", ""], ["track", "???"], ["commitments", "--topic", " "], ["findings", "--topic", ""]):
        res = CliRunner().invoke(main, [*command, "--index-dir", str(sample_index)])
        assert res.exit_code == 2, (command, res.output)
        assert "some words to look for, e.g. 'step-down'" in res.output.splitlines()[-1]


def test_a_blank_org_is_a_usage_error_not_every_organisation(sample_index):
    for command in (["findings"], ["commitments"], ["decisions"], ["track", "caseloads"], ["search", "caseloads"],
                    ["ask", "caseloads"]):
        for blank in ("", "  "):
            res = CliRunner().invoke(main, [*command, "--org", blank, "--index-dir", str(sample_index)])
            assert res.exit_code == 2, (command, res.output)
            assert res.output.splitlines()[-1] == (
                "Error: Give --org a council's name, e.g. medway or 'Kent County Council' (a blank --org names no "
                "organisation; leave it out for all of them).")
    res = CliRunner().invoke(main, ["findings", "--org", "medway", "--org", "", "--index-dir", str(sample_index)])
    assert res.exit_code == 2


def test_a_ref_with_no_decision_reference_is_a_usage_error_not_a_word_search(sample_index):
    res = CliRunner().invoke(main, ["decisions", "--ref", "hello", "--index-dir", str(sample_index)])
    assert res.exit_code == 2
    assert res.output.splitlines()[-1] == ("Error: --ref takes a decision reference such as 24/00093, not 'hello' "
                                           "(for decisions about a subject, use --topic).")
    res = run("decisions", "--ref", "decision 99/99999", "--index-dir", sample_index)  # read as the app reads one
    assert res.exit_code == 0 and "Nothing indexed mentions decision '99/99999'" in res.output


def test_a_search_whose_filters_admit_no_document_says_so(sample_index):
    res = run("search", "caseloads", "--committee", "Cabinett", "--index-dir", sample_index)
    assert res.exit_code == 2 and res.output.strip().splitlines()[-1] == (
        "Error: --committee Cabinett: no indexed paper is of that committee; the committees indexed are Children "
        "and Young People Overview and Scrutiny Committee.")
    res = run("search", "caseloads", "--doc", "no-such.pdf", "--index-dir", sample_index)
    assert res.exit_code == 2 and "--doc no-such.pdf: no indexed document is called that" in res.output
    res = run("search", "caseloads", "--org", "medway", "--since", "2030-01-01", "--index-dir", sample_index)
    assert res.exit_code == 0 and res.output.strip() == (  # names that exist, but nothing indexed passes them all
        "No indexed document matches the filters set (--org medway, --since 2030-01-01): check them against "
        "`python -m assistant docs`.")


def test_no_index_names_the_folder_in_the_command_that_builds_it(tmp_path):
    res = CliRunner().invoke(main, ["ask", "caseloads?", "--index-dir", str(tmp_path / "idx")])
    assert res.exit_code == 1
    assert res.output.strip() == (f"Error: No index found in {tmp_path / 'idx'}: build one with "
                                  f"`python -m assistant index source_docs/ --index-dir {tmp_path / 'idx'}`.")


def test_ask_with_a_council_no_one_goes_by_is_usage_error_as_search_says(sample_index):
    for command in (["ask", "caseloads?"], ["search", "caseloads"]):
        res = CliRunner().invoke(main, command + ["--org", "atlantis", "--index-dir", str(sample_index)])
        assert res.exit_code == 2 and "No council or indexed organisation is called 'atlantis'" in res.output, command


def test_add_given_a_folder_says_so_and_changes_nothing(tmp_path):
    index = tmp_path / "i"
    (tmp_path / "papers").mkdir()
    res = CliRunner().invoke(main, ["add", str(tmp_path / "papers"), "--index-dir", str(index)])
    assert res.exit_code == 2 and f"{tmp_path / 'papers'} is a folder: give the documents in it to add" in res.output
    assert not index.exists()


def test_docs__org_lists_one_councils_documents(sample_index):
    # `docs` had no --org: a councillor could not list one council's papers (tester, round 70)
    every = json.loads(run("docs", "--json", "--index-dir", sample_index).output)
    res = run("docs", "--org", "medway", "--json", "--index-dir", sample_index)
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert rows and {r["organisation"] for r in rows} == {"Medway"}
    assert len(rows) == sum(r["organisation"] == "Medway" for r in every)
    res = CliRunner().invoke(main, ["docs", "--org", "atlantis", "--index-dir", str(sample_index)])
    assert res.exit_code == 2 and "atlantis" in res.output
    # a council with nothing indexed (the sample holds Medway's documents only): none listed, said so
    res = CliRunner().invoke(main, ["docs", "--org", "kent", "--json", "--index-dir", str(sample_index)])
    assert res.exit_code == 0 and res.stdout.strip() == "[]"
