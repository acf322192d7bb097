"""Kinds of committee paper a question names, read from data/genres.tsv, and the titles of that kind."""

from assistant.query.genres import GENRES_FILE, named_genres, of_genre


def test_genres__every_entry_names_its_source():
    rows = [line.split("\t") for line in GENRES_FILE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert rows and all(len(row) == 4 and row[3].strip() for row in rows)


def test_named_genres__a_paper_named_by_its_kind():
    assert named_genres("According to the EqIA, which groups are affected?") == ["equality impact assessment"]
    assert named_genres("What does the equality analysis say about carers?") == ["equality impact assessment"]
    assert named_genres("Which items are on the Cabinet agenda for 4 March?") == ["agenda"]
    assert named_genres("What does the section 25 statement say about reserves?") == ["section 25 statement"]
    # an agenda item is no agenda; a question naming no kind of paper names none
    assert named_genres("What did the Cabinet decide under agenda item 6?") == []
    assert named_genres("How many children are in care in Kent?") == []
    # the council's draft replies to consultees are not the report of what consultees said
    assert named_genres("What did the council's draft response say about parking?") == ["draft consultation response"]
    assert named_genres("What does the consultation report say about parking?") == ["consultation report"]


def test_of_genre__a_title_of_that_kind():
    assert of_genre("Strengthening independence service EqIA", "equality impact assessment")
    assert of_genre("Family hubs equality impact assessment", "equality impact assessment")
    assert of_genre("Cabinet agenda, 4 March 2025", "agenda")
    assert not of_genre("Cabinet minutes, 4 March 2025", "agenda")
    assert not of_genre(None, "agenda")
    assert of_genre("Consultation feedback draft responses", "draft consultation response")
    assert not of_genre("Consultation feedback draft responses", "consultation report")
    assert of_genre("Family hub consultation written report", "consultation report")
