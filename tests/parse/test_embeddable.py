"""Text never worth retrieving is not embedded: contents, blank-page and legal notices, meeting notices,
distribution lists, contact lines, lines without words. Everything else is."""

from __future__ import annotations

import pytest

from assistant.parse.embeddable import embeddable, why_not_embedded
from assistant.records import DocMeta, Paragraph
from tests.conftest import corpus_file

REPORT = DocMeta(doc="r.pdf", title="Family hubs report", organisation="Kent", org_slug="kent",
                 doc_type="committee-report")
OFSTED = DocMeta(doc="o.pdf", title="Inspection", organisation="Kent", org_slug="kent", doc_type="ofsted-inspection")


def para(text: str, heading: str | None = None, kind: str = "text") -> Paragraph:
    return Paragraph(id="x", doc="r.pdf", ordinal=0, text=text, heading=heading, kind=kind)


@pytest.mark.parametrize("text, heading, why", [
    ("Introduction .................... 3 Background .................... 5", None, "contents"),
    ("4. Financial implications ........ 12", None, "contents"),
    ("3. Minutes of the Meeting held on 9th January 2025 (Pages 1 - 10)", "Unrestricted items", "contents"),
    ("Overall effectiveness Leadership and management Help and protection", "Report > Contents", "contents"),
    ("This page is intentionally left blank", None, "blank-page"),
    ("© Crown copyright 2024. You may reuse this information free of charge under the Open Government Licence.",
     None, "legal-notice"),
    ("This document may be reproduced in whole or in part for non-commercial purposes, provided that the "
     "information quoted is reproduced without adaptation.", None, "legal-notice"),
    ("Please note that this meeting may be filmed for live or subsequent broadcast via the Council's website.",
     None, "meeting-notice"),
    ("(During these items the meeting is likely to be open to the public)", None, "meeting-notice"),
    ("All members of the Cabinet; Chief Executive; Monitoring Officer", "Distribution list", "distribution-list"),
    ("Copies to: Leader of the Council, Group Leaders", None, "distribution-list"),
    ("Email address: someone@example.gov.uk", None, "contact-details"),
    ("Produced by: Kent Analytics E-mail: performance@kent.gov.uk Phone: 03000 416205", None, "contact-details"),
    ("AGENDA", None, "no-words"),
    ("........................ ........................ signed date", None, "no-words"),
    ("12 345 6.7%", None, "no-words"),
])
def test_boilerplate_is_not_embedded(text, heading, why):
    p = para(text, heading)
    assert why_not_embedded(p, REPORT) == why
    assert not embeddable(p, REPORT)


@pytest.mark.parametrize("text, heading", [
    ("3.11 The additional 35 social work posts were created, and caseloads fell to 18 a worker.", "Workforce"),
    # a sentence under a "Contents" heading (a heading carried over by the parser) is content
    ("• The local authority operates five children’s homes. Four were judged to be good.", "Contents"),
    ("Children who need help and protection Requires improvement", None),  # a judgement, not a contents entry
    ("Contact officer: Jane Smith, Head of Children's Commissioning, Tel 03000 123456", None),  # names a role
    ("The council has considered whether the meeting may be filmed in future and agreed a protocol for it, "
     "recorded at minute 12, after members asked for the webcasting contract to be reviewed.", None),
    ("Inspection dates: 15 July 2019 to 26 July 2019 Lead inspector: Brenda McLaughlin", None),
    ("Pages 1 to 10 of the plan set out the council's three priorities for care leavers.", None),
])
def test_content_is_embedded(text, heading):
    assert embeddable(para(text, heading), REPORT), why_not_embedded(para(text, heading), REPORT)


@pytest.mark.parametrize("row", ["Total 586.1 621.6 +35.4", "• Christian 185 18%",
                                 "Maintained Special School 106 123 137 151 163"])
def test_a_table_row_of_figures_is_embedded_with_its_label(row):
    # one word of label, or figures that look like a phone number, in a row of a table of figures: read with the
    # table's headers (parse/context.py), it is what a question about that figure should find by meaning too
    assert embeddable(para(row, kind="table-row"), REPORT), why_not_embedded(para(row, kind="table-row"), REPORT)
    assert not embeddable(para("12 345 6.7%", kind="table-row"), REPORT)  # no label at all


def test_meeting_notices_are_looked_for_only_in_council_papers():
    p = para("This meeting will be recorded and the recording published.")
    assert not embeddable(p, REPORT)
    assert embeddable(p, OFSTED)


def test_a_long_paragraph_quoting_a_licence_is_kept():
    text = ("The council publishes its data under the Open Government Licence. " + "Members asked how the data "
            "on care leavers is checked before publication and who signs it off each quarter. " * 10)
    assert embeddable(para(text), REPORT)


def test_on_a_real_agenda_front_sheet_only_the_furniture_goes():
    from assistant.index.build import parse_file, sha256_of

    path = corpus_file("committee/kent-cc_cabinet_2025-01-30_agenda-frontsheet.pdf")
    meta, paragraphs, _ = parse_file(path, sha256_of(path))
    skipped = [p for p in paragraphs if not embeddable(p, meta)]
    kept = [p for p in paragraphs if embeddable(p, meta)]
    assert {why_not_embedded(p, meta) for p in skipped} <= {"no-words", "contents", "meeting-notice"}
    assert any(p.text == "AGENDA" for p in skipped)
    assert kept and any("Cabinet" in p.text or "30th January" in p.text for p in kept)


def test_a_footnote_is_not_embedded():
    note = para("1 The areas for improvement have been cross-referenced with the outcomes, enablers or principles in "
                "the Children’s Social Care: National Framework.", kind="note")
    assert why_not_embedded(note, OFSTED) == "footnote"
    assert embeddable(para(note.text), OFSTED)  # the same words as a paragraph of the report's text are embedded
