"""A resolution's limbs stay together under its topic (``timeline.limbs_of``), on real County Council minutes."""

from __future__ import annotations

import pytest

from tests.conftest import corpus_file

pytestmark = pytest.mark.corpus


def test_limbs_of__a_resolution_about_the_topic_keeps_the_limb_that_does_not_name_it(records_of):
    """Kent County Council, 9 January 2025, minute 285: "RESOLVED that the County Council: (1) Endorses … the English
    Devolution White Paper … (5) Expects there to be as much transparency as possible in this process": four limbs
    name devolution, the fifth does not, and ``decisions --topic devolution`` had dropped it."""
    from assistant.track.ledger import select
    from assistant.track.timeline import limbs_of

    records = records_of(corpus_file("committee/kent-cc_county-council_2025-01-09_printed-minutes.pdf"))
    chosen = select(records, kinds=("decision",), topic="devolution")
    assert not any("as much transparency as possible" in r.text for r in chosen)
    added = limbs_of(records, chosen)
    assert [r.text for r in added if "as much transparency as possible" in r.text]
    assert all(r.paragraph_id in {c.paragraph_id for c in chosen} for r in added)


def test_limbs_of__one_limb_of_a_long_resolution_does_not_bring_the_others(records_of):
    """The budget resolution of 13 February 2025 has some twenty limbs; one naming a topic in passing does not make
    the others about it (a resolution is about a topic where at least half its limbs are)."""
    from assistant.track.timeline import limbs_of

    records = records_of(corpus_file("committee/kent-cc_county-council_2025-02-13_printed-minutes.pdf"))
    decisions = [r for r in records if r.kind == "decision"]
    by_paragraph: dict[str, list] = {}
    for r in decisions:
        by_paragraph.setdefault(r.paragraph_id, []).append(r)
    long = max(by_paragraph.values(), key=len)
    assert len(long) >= 10
    assert limbs_of(records, long[:1]) == []
    assert len(limbs_of(records, long[: (len(long) + 1) // 2])) == len(long) - (len(long) + 1) // 2


def test_limbs_of__a_resolution_whose_heading_names_the_topic_keeps_all_its_limbs(records_of):
    """The budget resolution of 13 February 2025 (under "291. Capital Programme 2025-35 and Revenue Budget 2025-26
    (including Council Tax Setting 2025/26)") agrees the ten-year capital programme, the council tax requirement and
    the treasury management strategy as parts of the budget; only the limbs printing "budget" had been kept under
    --topic budget. Council tax, named only in the heading's aside, does not bring the others."""
    from assistant.track.ledger import select
    from assistant.track.timeline import limbs_of

    records = records_of(corpus_file("committee/kent-cc_county-council_2025-02-13_printed-minutes.pdf"))
    chosen = select(records, kinds=("decision",), topic="budget")
    added = limbs_of(records, chosen, "budget")
    texts = [r.text for r in chosen + added]
    assert not any("Treasury Management Strategy" in t for t in (r.text for r in chosen))
    assert any("Treasury Management Strategy" in t for t in texts)
    assert any("capital programme" in t.lower() and "2034-35" in t for t in texts)
    tax = select(records, kinds=("decision",), topic="council tax")
    assert tax and not any("Treasury Management Strategy" in r.text for r in limbs_of(records, tax, "council tax"))
