"""Document metadata from file names, from the text of real corpus documents, and from overrides."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.ingest.extract import ExtractedDoc
from assistant.ingest.metadata import (
    build_meta,
    load_overrides,
    org_display_name,
    org_slug_for,
    parse_file_name,
    read_manifest,
)
from assistant.ingest.pdf import extract_pdf
from assistant.records import DOC_TYPES

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
MEDWAY_2019 = CORPUS / "ofsted" / "medway_ofsted-childrens-services_2019-08-27.pdf"
KENT_BUDGET = CORPUS / "committee" / "kent-cc_cabinet_2025-01-30_budget-monitoring-cover-report.pdf"
KENT_MINUTES = CORPUS / "committee" / "kent-cc_county-council_2025-02-13_printed-minutes.pdf"
KENT_CPP = CORPUS / "committee" / "kent-cc_corporate-parenting-panel_2024-10-29_minutes.pdf"
MEDWAY_TXT = CORPUS / "committee" / "medway_cyp-overview-scrutiny_2020-10-01_ofsted-monitoring-visit.txt"


def _corpus(path: Path) -> Path:
    if not path.is_file():
        pytest.skip(f"corpus file not available: {path}")
    return path


def _pdf_doc(path: Path) -> ExtractedDoc:
    doc = extract_pdf(_corpus(path))  # the project's reader, title from the properties dropped
    return ExtractedDoc(path=path, pages=doc.pages, paged=True)


def _text_doc(lines: list[str], name: str = "notes.txt") -> ExtractedDoc:
    return ExtractedDoc(path=Path(name), pages=[lines], paged=False)


def _meta(path: Path, doc: ExtractedDoc, overrides: dict | None = None):
    return build_meta(path, doc, sha256="abc", pages=len(doc.pages) if doc.paged else None, overrides=overrides)


# ---------------------------------------------------------------- file names


def test_parse_file_name__splits_org_kind_date_and_title() -> None:
    parts = parse_file_name("kent-cc_cabinet_2025-01-30_budget-monitoring-cover-report.pdf")
    assert parts is not None
    assert (parts.org_slug, parts.kind, parts.date, parts.title) == (
        "kent-cc", "cabinet", "2025-01-30", "budget-monitoring-cover-report"
    )


def test_parse_file_name__is_none_for_user_file_names_and_impossible_dates() -> None:
    assert parse_file_name("report.pdf") is None
    assert parse_file_name("Cabinet report final v2.docx") is None
    assert parse_file_name("medway_ofsted_2019-02-30.pdf") is None


@pytest.mark.parametrize(
    ("slug", "name"),
    [
        ("medway", "Medway"),
        ("kent-cc", "Kent County Council"),
        ("barking-and-dagenham", "Barking and Dagenham"),
        ("bournemouth-christchurch-poole", "Bournemouth, Christchurch and Poole"),
        ("st-helens", "St Helens"),
        ("east-riding-of-yorkshire", "East Riding of Yorkshire"),
        ("kingston-upon-hull", "Kingston upon Hull"),
        ("southend-on-sea", "Southend-on-Sea"),
        ("blackburn-with-darwen", "Blackburn with Darwen"),
    ],
)
def test_org_display_name__title_cases_slugs_with_small_words_and_known_names(slug: str, name: str) -> None:
    assert org_display_name(slug) == name


def test_org_slug_for__maps_known_names_back_to_their_corpus_slug() -> None:
    assert org_slug_for("Kent County Council") == "kent-cc"
    assert org_slug_for("Barking and Dagenham") == "barking-and-dagenham"
    assert org_slug_for("Brighton & Hove") == "brighton-and-hove"  # the corpus slug (brighton-and-hove_ofsted-...)


def test_metadata__reads_org_type_and_date_from_file_name_without_text() -> None:
    path = Path("barking-and-dagenham_ofsted-childrens-services_2023-09-04.pdf")
    meta = _meta(path, _text_doc(["x"], path.name))
    assert (meta.organisation, meta.org_slug, meta.doc_type, meta.date) == (
        "Barking and Dagenham", "barking-and-dagenham", "ofsted-inspection", "2023-09-04"
    )
    assert meta.title == "Inspection of Barking and Dagenham children's services"
    assert meta.committee is None
    assert meta.doc == path.name and meta.sha256 == "abc"


def test_metadata__committee_slug_becomes_a_readable_name_when_text_has_none() -> None:
    path = Path("medway_cyp-overview-scrutiny_2020-10-01_ofsted-monitoring-visit.txt")
    meta = _meta(path, _text_doc(["Some text without a heading."], path.name))
    assert meta.committee == "Children and Young People Overview and Scrutiny Committee"
    assert meta.title == "Ofsted monitoring visit"
    assert meta.doc_type == "committee-report"


def test_metadata__minutes_in_the_name_make_a_minutes_title_with_the_date() -> None:
    path = Path("kent-cc_corporate-parenting-panel_2024-10-29_minutes.pdf")
    meta = _meta(path, _text_doc(["x"], path.name))
    assert meta.doc_type == "minutes"
    assert meta.committee == "Corporate Parenting Panel"
    assert meta.title == "Corporate Parenting Panel minutes, 29 October 2024"


# ---------------------------------------------------------------- text rules (no corpus needed)


def test_metadata__text_only_committee_report_reads_to_line_and_subject() -> None:
    doc = _text_doc([
        "From: Jane Smith, Cabinet Member for Children",
        "To: Cabinet, 30 January 2025",
        "Subject: Children's social care sufficiency",
        "strategy 2025-28",
        "Classification: Unrestricted",
        "1. Introduction",
    ])
    meta = _meta(Path("sufficiency.txt"), doc)
    assert meta.doc_type == "committee-report"
    assert meta.committee == "Cabinet"
    assert meta.date == "2025-01-30"
    assert meta.title == "Children's social care sufficiency strategy 2025-28"


def test_metadata__a_record_of_decision_is_named_as_such_not_by_the_reports_subject_alone() -> None:
    """The form on which a decision is published repeats the subject line of the report asking for it: the two
    documents' citations must not read alike."""
    form = ["KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION", "DECISION TO BE TAKEN BY:", "Cabinet",
            "Subject: Commissioned Family Hub Contracts", "Key decision: YES"]
    assert _meta(Path("decision.txt"), _text_doc(form)).title == \
        "Proposed record of decision: Commissioned Family Hub Contracts"
    report = ["From: Sarah Hammond, Corporate Director", "To: Cabinet, 30 January 2025",
              "Subject: Commissioned Family Hub Contracts", "Summary: the record of decision follows."]
    assert _meta(Path("report.txt"), _text_doc(report)).title == "Commissioned Family Hub Contracts"


@pytest.mark.corpus
def test_metadata__kent_family_hubs_record_of_decision_and_its_report_are_told_apart() -> None:
    committee = CORPUS / "committee"
    record = committee / "kent-cc_county-council_2025-03-13_family-hubs-record-of-decision-24-00093.pdf"
    report = committee / "kent-cc_county-council_2025-03-13_family-hubs-decision-report-24-00093.pdf"
    assert _meta(record, _pdf_doc(record)).title == "Record of decision: Commissioned Family Hub Contracts"
    assert _meta(report, _pdf_doc(report)).title == "Commissioned Family Hub Contracts"


def test_metadata__text_only_minutes_read_committee_and_meeting_date() -> None:
    doc = _text_doc([
        "SURREY COUNTY COUNCIL",
        "MINUTES of a meeting of the Children, Families and Lifelong Learning Select Committee held",
        "at Woodhatch Place on Thursday, 13 February 2025.",
        "PRESENT: ...",
    ])
    meta = _meta(Path("minutes.txt"), doc)
    assert meta.doc_type == "minutes"
    assert meta.committee == "Children, Families and Lifelong Learning Select Committee"
    assert meta.date == "2025-02-13"
    assert meta.organisation == "Surrey County Council"
    assert meta.org_slug == "surrey-cc"


def test_metadata__text_only_ofsted_report_uses_the_last_inspection_date_and_strips_council() -> None:
    doc = _text_doc([
        "Inspection of Plymouth City Council",
        "local authority children\u2019s services",
        "Inspection dates: 22 January to 2 February 2024",
        "Lead inspector: A Person, His Majesty\u2019s Inspector",
    ])
    meta = _meta(Path("ofsted.pdf"), doc)
    assert (meta.organisation, meta.org_slug, meta.doc_type, meta.date) == (
        "Plymouth", "plymouth", "ofsted-inspection", "2024-02-02"
    )


@pytest.mark.parametrize(("line", "inspected", "months"), [
    ("Inspection dates: 17 to 28 July 2023", "2023-07-17/2023-07-28", ["2023-07"]),
    ("Inspection dates: 28 November to 2 December 2022", "2022-11-28/2022-12-02", ["2022-11", "2022-12"]),
    ("Inspection dates: 30 December 2024 to 10 January 2025", "2024-12-30/2025-01-10", ["2024-12", "2025-01"]),
    ("Inspection date: 5 March 2024 Lead inspector: A Person", "2024-03-05/2024-03-05", ["2024-03"]),
])
def test_metadata__an_inspection_reports_dates_are_kept_as_a_span(line: str, inspected: str, months: list[str]) -> None:
    meta = _meta(Path("ofsted.pdf"), _text_doc(["Inspection of Plymouth City Council",
                                                 "local authority children\u2019s services", line]))
    assert meta.inspected == inspected and meta.inspection_months() == months


def test_metadata__only_inspection_reports_have_inspection_dates() -> None:
    doc = _text_doc(["CHILDREN'S SOCIAL CARE SUFFICIENCY STRATEGY", "To: Cabinet, 30 January 2025",
                     "Inspection dates: 17 to 28 July 2023"])
    meta = _meta(Path("report.pdf"), doc)
    assert meta.doc_type == "committee-report" and meta.inspected is None and meta.inspection_months() == []


@pytest.mark.parametrize(("heading", "organisation", "slug"), [
    ("Inspection of the Royal Borough of Kingston upon Thames", "Kingston upon Thames", "kingston-upon-thames"),
    ("Inspection of the City of York Council", "City of York", "york"),
    ("Inspection of Wrexham County Borough Council", "Wrexham", "wrexham"),
])
def test_metadata__text_only_ofsted_report_slug_is_the_councils_whatever_form_its_name_takes(
    heading: str, organisation: str, slug: str
) -> None:
    doc = _text_doc([heading, "local authority children\u2019s services", "Inspection dates: 1 to 5 July 2024"])
    meta = _meta(Path("ofsted.pdf"), doc)
    assert (meta.organisation, meta.org_slug) == (organisation, slug)


def test_metadata__a_councils_name_heading_the_page_is_not_the_title() -> None:
    doc = _text_doc([
        "LONDON BOROUGH OF CAMDEN",
        "CHILDREN'S SOCIAL CARE SUFFICIENCY STRATEGY",
        "To: Cabinet, 30 January 2025",
        "Classification: Unrestricted",
        "Author: A Person",
    ])
    meta = _meta(Path("report.pdf"), doc)
    assert meta.doc_type == "committee-report"
    assert meta.title == "Children's social care sufficiency strategy"


def test_metadata__unrecognised_text_is_other_with_title_hint_then_stem() -> None:
    doc = ExtractedDoc(path=Path("x.txt"), pages=[["lorem ipsum dolor"]], paged=False, title_hint="My notes")
    meta = _meta(Path("x.txt"), doc)
    assert (meta.doc_type, meta.title, meta.organisation, meta.date) == ("other", "My notes", None, None)
    assert _meta(Path("x.txt"), _text_doc(["lorem ipsum dolor"])).title == "x"


# ---------------------------------------------------------------- real corpus documents


@pytest.mark.corpus
def test_metadata__medway_2019_ofsted_from_file_name() -> None:
    meta = _meta(MEDWAY_2019, _pdf_doc(MEDWAY_2019))
    assert (meta.organisation, meta.org_slug, meta.doc_type, meta.date) == (
        "Medway", "medway", "ofsted-inspection", "2019-08-27"
    )
    assert meta.pages == 11


@pytest.mark.corpus
def test_metadata__medway_2019_ofsted_text_without_a_helpful_file_name() -> None:
    meta = _meta(Path("report.pdf"), _pdf_doc(MEDWAY_2019))
    assert meta.organisation == "Medway"
    assert meta.doc_type == "ofsted-inspection"
    assert meta.date is not None and meta.date.startswith("2019")
    assert meta.date == "2019-07-26"  # last day of "Inspection dates: 15 July 2019 to 26 July 2019"
    assert meta.inspected == "2019-07-15/2019-07-26"


@pytest.mark.corpus
def test_metadata__kent_cabinet_budget_cover_report() -> None:
    meta = _meta(KENT_BUDGET, _pdf_doc(KENT_BUDGET))
    assert meta.committee == "Cabinet"
    assert meta.date == "2025-01-30"
    assert meta.doc_type == "committee-report"
    assert "Budget Monitoring" in meta.title
    assert meta.organisation == "Kent County Council" and meta.org_slug == "kent-cc"


@pytest.mark.corpus
def test_metadata__kent_cabinet_budget_cover_report_text_only() -> None:
    meta = _meta(Path("report.pdf"), _pdf_doc(KENT_BUDGET))
    assert (meta.committee, meta.date, meta.doc_type) == ("Cabinet", "2025-01-30", "committee-report")
    assert "Budget Monitoring" in meta.title


@pytest.mark.corpus
def test_metadata__kent_printed_minutes_are_minutes_by_name_and_by_text() -> None:
    doc = _pdf_doc(KENT_MINUTES)
    meta = _meta(KENT_MINUTES, doc)
    assert meta.doc_type == "minutes"
    assert meta.committee == "County Council"
    assert meta.title == "County Council minutes, 13 February 2025"
    anon = _meta(Path("document.pdf"), doc)
    assert (anon.doc_type, anon.committee, anon.date) == ("minutes", "County Council", "2025-02-13")
    assert anon.organisation == "Kent County Council"


@pytest.mark.corpus
def test_metadata__corporate_parenting_panel_minutes_date_from_the_heading_line() -> None:
    meta = _meta(Path("cpp.pdf"), _pdf_doc(KENT_CPP))
    assert (meta.doc_type, meta.committee, meta.date) == ("minutes", "Corporate Parenting Panel", "2024-10-29")


@pytest.mark.corpus
def test_metadata__medway_txt_report_is_an_overview_and_scrutiny_committee_report() -> None:
    from assistant.ingest.text import extract_text

    doc = extract_text(_corpus(MEDWAY_TXT))
    meta = _meta(MEDWAY_TXT, doc, None)
    assert meta.doc_type == "committee-report"
    assert "Overview and Scrutiny" in (meta.committee or "")
    assert meta.committee == "Children and Young People Overview and Scrutiny Committee"
    assert meta.date == "2020-10-01"
    assert meta.title == "Report on Ofsted monitoring visit"
    anon = _meta(Path("visit.txt"), doc)
    assert (anon.doc_type, anon.date) == ("committee-report", "2020-10-01")
    assert "Overview and Scrutiny" in (anon.committee or "")


@pytest.mark.slow
@pytest.mark.corpus
def test_metadata__every_corpus_ofsted_report_is_recognised_from_its_text_alone() -> None:
    files = sorted((CORPUS / "ofsted").glob("*.pdf"))
    if not files:
        pytest.skip("corpus not available")
    bad = []
    for f in files:
        pages = extract_pdf(f).pages[:1]  # the first page is enough
        meta = _meta(Path("upload.pdf"), ExtractedDoc(path=f, pages=pages, paged=True))
        if meta.doc_type != "ofsted-inspection" or not meta.organisation or not meta.date:
            bad.append((f.name, meta.doc_type, meta.organisation, meta.date))
    assert not bad


# ---------------------------------------------------------------- overrides


def test_load_overrides__sidecar_overrides_derived_fields(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF")
    (tmp_path / "report.pdf.meta.json").write_text(json.dumps({
        "title": "Sufficiency strategy", "organisation": "Barking and Dagenham", "doc_type": "committee-report",
        "committee": "Cabinet", "date": "2024-03-05",
    }))
    overrides = load_overrides(path, None)
    meta = _meta(path, _text_doc(["lorem ipsum"]), overrides)
    assert (meta.title, meta.organisation, meta.org_slug, meta.doc_type, meta.committee, meta.date) == (
        "Sufficiency strategy", "Barking and Dagenham", "barking-and-dagenham", "committee-report", "Cabinet",
        "2024-03-05",
    )


def test_load_overrides__sidecar_wins_over_manifest(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF")
    manifest_csv = tmp_path / "manifest.csv"
    manifest_csv.write_text(
        "file,title,organisation,date\nsub/report.pdf,Manifest title,Medway,2020-10-01\nother.pdf,,,\n",
        encoding="utf-8",
    )
    manifest = read_manifest(manifest_csv)
    assert manifest["report.pdf"] == {"title": "Manifest title", "organisation": "Medway", "date": "2020-10-01"}
    assert manifest["other.pdf"] == {}
    (tmp_path / "report.pdf.meta.json").write_text('{"title": "Sidecar title"}')
    overrides = load_overrides(path, manifest)
    assert overrides == {
        "title": "Sidecar title", "organisation": "Medway", "org_slug": "medway", "date": "2020-10-01"
    }


def test_load_overrides__empty_without_sidecar_or_manifest_row(tmp_path: Path) -> None:
    assert load_overrides(tmp_path / "report.pdf", {"other.pdf": {"title": "x"}}) == {}


def test_load_overrides__bad_doc_type_raises_one_line_error_with_valid_choices(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    (tmp_path / "report.pdf.meta.json").write_text('{"doc_type": "inspection"}')
    with pytest.raises(ValueError) as err:
        load_overrides(path, None)
    message = str(err.value)
    assert "\n" not in message
    assert "report.pdf.meta.json" in message and "doc_type" in message and "'inspection'" in message
    assert all(choice in message for choice in DOC_TYPES)


def test_load_overrides__bad_date_in_manifest_names_file_field_and_format(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"report\.pdf.*date '30/01/2025'.*YYYY-MM-DD"):
        load_overrides(tmp_path / "report.pdf", {"report.pdf": {"date": "30/01/2025"}})


def test_load_overrides__invalid_json_sidecar_raises_value_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "a.docx.meta.json").write_text("{title: oops}")
    with pytest.raises(ValueError, match=r"a\.docx\.meta\.json: not valid JSON"):
        load_overrides(tmp_path / "a.docx", None)


def test_build_meta__validates_overrides_passed_directly() -> None:
    with pytest.raises(ValueError, match="valid choices"):
        _meta(Path("x.txt"), _text_doc(["x"]), {"doc_type": "agenda"})


def test_build_meta__doc_type_label_is_accepted_as_override() -> None:
    meta = _meta(Path("x.txt"), _text_doc(["x"]), {"doc_type": "Ofsted inspection"})
    assert meta.doc_type == "ofsted-inspection"


def test_read_manifest__requires_a_file_column(tmp_path: Path) -> None:
    p = tmp_path / "m.csv"
    p.write_text("title,date\nx,2020-01-01\n")
    with pytest.raises(ValueError, match="no 'file' column"):
        read_manifest(p)
