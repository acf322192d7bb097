"""The services, groups of children and workforce measures a question names ("private fostering", "young carers",
"caseloads"; data/topics.tsv) that the documents an answer would cite never mention, in any wording they use for
them. A report that never mentions private fostering does not answer what inspectors said about it, however close
its paragraphs on foster carers sound; nor does a report whose judgement table has no line for fostering give it a
grade.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable, Iterable

from ..query import kinds as question_types
from ..query.topics import Topic, named
from ..records import Hit

DocumentText = Callable[[Hit], str]  # a cited paragraph -> the whole text of its document


def unmentioned(question: str, texts: Iterable[str]) -> list[str]:
    """The question's wordings of the topics it names that none of ``texts`` mention, when every topic it names is
    unmentioned; else nothing (a question about two topics, one of which the documents mention, is answered on that
    one)."""
    return _unmentioned(named(question), texts)


def _unmentioned(asked: list[tuple[str, Topic]], texts: Iterable[str]) -> list[str]:
    if not asked:
        return []
    texts = [t.replace("’", "'") for t in texts]  # "children’s homes" as the question's "children's homes"
    missing = [wording for wording, t in asked if not any(t.mentioned.search(text) for text in texts)]
    return missing if len(missing) == len(asked) else []


def never_mentioned(question: str, citations: list[tuple[Hit, list[str]]], document: DocumentText | None
                    ) -> tuple[list[str], list[str]]:
    """The question's wordings of the topics it names that no document ``citations`` come from mentions anywhere,
    and those documents' names; nothing when one of them mentions a topic it names (or it names none)."""
    asked = named(question) if document is not None else []
    if not asked:
        return [], []
    docs: dict[str, Hit] = {}
    for h, _ in citations:
        docs.setdefault(h.paragraph.doc, h)
    missing = _unmentioned(asked, (document(h) for h in docs.values()))
    return missing, (list(dict.fromkeys(h.meta.cited_name for h in docs.values())) if missing else [])


def ungraded(question: str, kinds: list[str], table: list[str]) -> str:
    """For a grade question naming a service, group of children or judged area ("what grade did the fostering
    service get?", "… for adoption?"), the question's wording for it when no graded line of the judgement
    table ``table`` (its lines) is that area's: the inspection gives it no grade of its own, and the line the answer
    would quote ("Overall effectiveness: Outstanding") is another area's. "" when it is graded, or none is named."""
    if "grade" not in kinds:
        return ""
    graded = [line.split(":")[0] for line in table if question_types.graded_line(line)]
    if not graded:
        return ""
    for wording, topic in named(question):
        if not any(topic.mentioned.search(area) for area in graded):
            return wording
    area = next((m.group(0) for _, rx in question_types.JUDGED_AREAS if (m := rx.search(question))), "")
    if area and not any(question_types.judged_area_line(line, question) for line in table):
        return area
    return ""


@lru_cache(maxsize=32)
def common_words(text: str, share: float = 0.2) -> frozenset[str]:
    """The stemmed words printed on at least ``share`` of a document's lines (``text``, DocumentText's): what an
    inspection report says throughout ("children", "care", "families"), which marks none of its paragraphs as being
    about one subject. Kept for the last documents asked about."""
    from ..index.lexical import tokenize

    lines = [line for line in text.split("\n") if line.strip()]
    if not lines:
        return frozenset()
    seen: dict[str, int] = {}
    for tokens in tokenize(lines):
        for t in set(tokens):
            seen[t] = seen.get(t, 0) + 1
    return frozenset(t for t, n in seen.items() if n >= share * len(lines))
