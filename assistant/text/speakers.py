"""What a body of people said, as the record of a meeting or consultation prints it.

A question may ask what a body that speaks said about a subject: "what concerns did scrutiny members raise about
the equality impact assessment?", "what did members say about the budget at the meeting?". The answer is in that
body's own record, the paragraphs that attribute words to it ("Members raised concerns about the financial
analysis …", "The Committee RESOLVED …", a list under "Comments from the Scrutiny Committee"), not in the
subject's own document, which matches the subject's words best ("An initial Equalities Impact Assessment (EqIA)
was undertaken …")."""

from __future__ import annotations

import re

# members of a council body, as a question names them speaking: "scrutiny members", "the committee", "councillors",
# "the panel", "members"
_BODY = r"(?:members?|councillors|committee|scrutiny|panel)"
# that they spoke, as a verb of which they are the subject ("did scrutiny members raise", "was asked by the
# committee"): not a noun alone ("the committee's views", "members' concerns"), which a paper may report for them
_SAID = r"(?:say|said|says|raise[ds]?|raising|ask(?:ed)?|quer(?:y|ied)|commented|question(?:ed)?|discuss(?:ed)?|" \
        r"debated?|feel|felt|think|thought)"
_ASKED = re.compile(rf"\b{_BODY}\b(?:\s+\w+){{0,3}}\s+{_SAID}\b|\b{_SAID}\b(?:\s+\w+){{0,3}}\s+(?:by|from|of)\s+"
                    rf"(?:the\s+)?(?:\w+\s+){{0,2}}{_BODY}\b", re.IGNORECASE)

# a paragraph attributing words to members: "Members raised concerns about …", "A Member asked …", "The Committee
# noted …", or an item under a heading saying whose comments they are ("Concerns over accuracy of the EqIA" under
# "Comments from the Scrutiny Committee"); not a paper asking them to decide ("Members are asked to consider …")
_VERBS = r"(?:raised|said|asked|expressed|noted|commented|queried|questioned|highlighted|claimed|considered|argued|" \
         r"felt|sought|welcomed|stated|emphasised|emphasized|suggested|requested|agreed|RESOLVED|debated)"
_ATTRIBUTES = re.compile(rf"\b(?:(?:a |the )?Members?|Councillors|the (?:\w+ ){{0,2}}(?:Committee|Panel))\b"
                         rf"(?! (?:are|is|were) (?:asked|invited|recommended))[^.;:]{{0,40}}?\b{_VERBS}\b")
_RECORD_HEADING = re.compile(r"\b(?:comments?|views?|questions?|concerns?|discussion|points?)\b[^.]{0,30}\b"
                             r"(?:from|of|by|raised by)\b[^.]{0,20}\b(?:Members|Committee|Panel)\b|"
                             r"\bMembers'? (?:comments|questions|discussion|views)\b", re.IGNORECASE)


def body_asked(question: str) -> bool:
    """Whether ``question`` asks what members of a council body said, raised or asked."""
    return bool(_ASKED.search(question))


def attributed(text: str, heading: str | None = None) -> bool:
    """Whether a paragraph records what members said: its text attributes words to them, or its heading says the
    paragraphs under it are their comments."""
    return bool(_ATTRIBUTES.search(text) or heading and _RECORD_HEADING.search(heading))
