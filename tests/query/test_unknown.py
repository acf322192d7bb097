"""Names a question gives that no indexed document prints (query/unknown.py)."""

from __future__ import annotations

from assistant.query.unknown import unknown_names

PRINTED = {"ofsted", "grade", "caseloads", "kent", "cabinet", "family", "hubs", "medway", "smith"}


def knows(word: str) -> bool:
    return word.lower() in PRINTED


def test_unknown_names__capitalised_words_no_document_prints():
    assert unknown_names("How did Ofsted grade Narnia in 2023?", knows) == ["Narnia"]
    assert unknown_names("What did Ofsted say about caseloads in Atlantis's homes?", knows) == ["Atlantis"]
    # the question's first word, a month, a day and a title are no names; printed words are known
    assert unknown_names("Caseloads in March: what did Cllr Smith say on Monday about Family Hubs?", knows) == []
    assert unknown_names("What did Kent's Cabinet decide?", knows) == []
    # a sentence's first word is not a name either
    assert unknown_names("Tell me about Kent. Which grade did it get?", knows) == []


def test_unknown_names__a_word_of_a_councils_or_nations_name_is_known_to_the_councils_data():
    assert unknown_names("Which London boroughs were judged inadequate in 2019?", knows) == []
    assert unknown_names("How do councils in Wales inspect Narnia?", knows) == ["Narnia"]
