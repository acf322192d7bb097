"""An email or web address broken at a dot over two lines is read whole (parse/normalise.py: join_lines), on small
texts and on Kent's agenda pack."""

from __future__ import annotations

import pytest

from assistant.ingest.extract import extract
from assistant.parse.normalise import join_lines
from assistant.parse.paragraphs import parse_paragraphs
from tests.conftest import corpus_file


def test_an_email_address_broken_at_a_dot_is_joined():
    assert join_lines(["Email:", "jane.smith@kent", ".gov.uk"]) == "Email: jane.smith@kent.gov.uk"
    assert join_lines(["See www.kent", ".gov.uk/plans"]) == "See www.kent.gov.uk/plans"
    assert join_lines(["It ended.", ".5 of the sum"]) == "It ended. .5 of the sum"  # no address, no joining


@pytest.mark.corpus
def test_cabinet_agenda_packs_contact_address():
    path = corpus_file("committee/kent-cc_cabinet_2025-03-13_public-reports-pack.pdf")
    ps, _ = parse_paragraphs(extract(path), path.name, "h")
    assert any("georgina.little@kent.gov.uk" in p.text for p in ps)
    assert not any("@kent .gov.uk" in p.text for p in ps)
