"""A document's meeting and agenda item, from its sidecar to the index, citations and the app's cards."""

from __future__ import annotations

import json

import pytest

from assistant.ingest.metadata import load_overrides
from assistant.records import Citation, DocMeta, Hit, Paragraph, citation_label
from assistant.ui.cards import Card, copy_text, details

PAPER = DocMeta(doc="kent_m9475_a128774.pdf", title="24-00109 - Appendix A - PROD", organisation="Kent County Council",
                org_slug="kent", doc_type="committee-report", committee="Cabinet", date="2025-01-30",
                meeting_id="9475", meeting_status="Confirmed", agenda_item="7",
                agenda_title="Strengthening Independence Service", is_decision=True, attachment_id="128774",
                source_url="https://democracy.kent.gov.uk/documents/s128774/x.pdf", published="2025-01-22")
PARA = Paragraph(id="p1", doc=PAPER.doc, ordinal=0, text="The Cabinet is asked to agree the transfer.", para="2.1",
                 page_start=2, page_end=2)


def test_meeting_names_committee_date_and_item():
    assert PAPER.meeting == "Cabinet, 30 January 2025, item 7: Strengthening Independence Service"
    assert DocMeta(doc="x.pdf", title="X", organisation=None, org_slug=None, doc_type="other").meeting is None


def test_citation_label_names_the_meeting_and_item():
    assert citation_label(PARA, PAPER) == ("Kent County Council Cabinet, 30 January 2025, item 7: Strengthening "
                                           "Independence Service (24-00109 - Appendix A - PROD), para 2.1, p.2")
    minutes = DocMeta(**{**PAPER.to_dict(), "title": "Minutes: Strengthening Independence Service",
                         "doc_type": "minutes", "attachment_id": None})
    assert citation_label(PARA, minutes).startswith("Kent County Council Cabinet, 30 January 2025, item 7: "
                                                    "Strengthening Independence Service (Minutes), para 2.1")


def test_citation_label_of_minutes_without_their_meeting_names_the_day():
    # two Cabinet meetings in one month are told apart; what is embedded with each paragraph keeps the year only
    minutes = DocMeta(doc="kent-cc_cabinet_2025-01-09_minutes.pdf", title="Cabinet minutes, 9 January 2025",
                      organisation="Kent County Council", org_slug="kent-cc", doc_type="minutes", committee="Cabinet",
                      date="2025-01-09")
    assert citation_label(PARA, minutes) == "Kent County Council Cabinet minutes of 9 January 2025, para 2.1, p.2"
    assert minutes.short_name == "Kent County Council Cabinet minutes 2025"


def test_citation_label_names_a_council_once_when_its_committee_is_named_like_it():
    full = DocMeta(doc="kent-cc_county-council_2025-03-13_printed-minutes.pdf", title="County Council minutes",
                   organisation="Kent County Council", org_slug="kent-cc", doc_type="minutes",
                   committee="County Council", date="2025-03-13")
    assert citation_label(PARA, full) == "Kent County Council minutes of 13 March 2025, para 2.1, p.2"
    report = DocMeta(**{**full.to_dict(), "doc_type": "committee-report", "title": "County Council review of a decision"})
    assert citation_label(PARA, report).startswith("Kent County Council review of a decision, para 2.1")
    fetched = DocMeta(**{**PAPER.to_dict(), "committee": "County Council"})
    assert citation_label(PARA, fetched).startswith("Kent County Council, 30 January 2025, item 7")
    assert citation_label(PARA, minutes_of("Cabinet")).startswith("Kent County Council Cabinet minutes of")  # kept


def minutes_of(committee: str) -> DocMeta:
    return DocMeta(doc="m.pdf", title="Minutes", organisation="Kent County Council", org_slug="kent-cc",
                   doc_type="minutes", committee=committee, date="2025-01-09")


def test_citation_carries_the_meeting_only_when_known():
    hit = Hit(paragraph=PARA, meta=PAPER, score=0.9, rank=1)
    d = Citation.from_hit(hit, PARA.text).to_dict()
    assert d["meeting"] == PAPER.meeting and d["agenda_item"] == "7" and d["committee"] == "Cabinet"
    assert d["source_url"] == PAPER.source_url
    plain = DocMeta(doc="x.pdf", title="X", organisation="Medway", org_slug="medway", doc_type="committee-report")
    d = Citation.from_hit(Hit(paragraph=PARA, meta=plain, score=0.9, rank=1), PARA.text).to_dict()
    assert not {"meeting", "agenda_item", "committee", "source_url"} & set(d)
    assert hit.to_dict()["meeting"] == PAPER.meeting


def test_cards_show_the_meeting_and_item():
    card = Card.from_hit(Hit(paragraph=PARA, meta=PAPER, score=0.9, rank=1))
    assert "Cabinet, 30 January 2025, item 7: Strengthening Independence Service" in details(card)
    assert copy_text(card) == ("Kent County Council, 24-00109 - Appendix A - PROD (Cabinet, 30 January 2025, item 7: "
                               "Strengthening Independence Service), para 2.1, p.2")
    assert Card.from_citation(Citation.from_hit(Hit(paragraph=PARA, meta=PAPER, score=0.9, rank=1), "x")).meeting


def test_an_index_written_before_meeting_fields_still_loads():
    old = {k: v for k, v in PAPER.to_dict().items() if k in ("doc", "title", "organisation", "org_slug", "doc_type",
                                                              "committee", "date", "pages", "sha256", "path")}
    meta = DocMeta.from_dict(old)
    assert meta.meeting_id is None and meta.is_decision is None and meta.meeting is None
    assert DocMeta.from_dict(PAPER.to_dict()) == PAPER


def test_sidecar_sets_meeting_fields(tmp_path):
    doc = tmp_path / "kent_m9475_a128774.pdf"
    doc.write_bytes(b"%PDF-1.4")
    (tmp_path / (doc.name + ".meta.json")).write_text(json.dumps({
        "committee": "Cabinet", "committee_id": 144, "meeting_id": "9475", "agenda_item": "7",
        "is_decision": "true", "published": "2025-01-22", "unknown_field": "ignored"}))
    assert load_overrides(doc, None) == {"committee": "Cabinet", "committee_id": "144", "meeting_id": "9475",
                                         "agenda_item": "7", "is_decision": True, "published": "2025-01-22"}


@pytest.mark.parametrize("field, value, message", [("is_decision", "maybe", "invalid is_decision"),
                                                   ("published", "22/01/2025", "invalid published")])
def test_sidecar_rejects_bad_meeting_values_in_one_line(tmp_path, field, value, message):
    doc = tmp_path / "a.pdf"
    doc.write_bytes(b"%PDF-1.4")
    (tmp_path / "a.pdf.meta.json").write_text(json.dumps({field: value}))
    with pytest.raises(ValueError, match=message):
        load_overrides(doc, None)
