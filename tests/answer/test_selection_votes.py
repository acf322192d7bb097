"""A vote question's further citations: only votes on the motion the lead's vote is on (answer/selection.py).
The paragraphs are Kent County Council's minutes of 13 March 2025, as the index holds them."""

from __future__ import annotations

import numpy as np

from assistant.answer.config import AnswerConfig
from assistant.answer.selection import another_motions_vote, pick_paragraphs, topic_words
from assistant.records import DocMeta, Hit, Paragraph

DOC = "kent-cc_county-council_2025-03-13_printed-minutes.pdf"
PLAN_VOTE = ("2) Following the debate, the Chairman put the motion set out in paragraph 1 to the vote and the voti"
        "ng was as follows: For (52) Mr Baker, Mr Baldock, Mr Brady, Mr Bartlett, Mr Beaney, Mrs Bell, Mrs Bi"
        "nks, Mr Booth, Mr Brazier, Mr Broadley, Mr Cannon, Miss Carey, Sir Paul Carter CBE, Mrs Chandler, Mr"
        " Chard, Mr Cole, Mrs Cole, Mr Cooke, Ms Constantine, Mr Dance, Ms Dawkins, Mr Dendor, Mrs Game, Mr G"
        "ough, Ms Grehan, Ms Hawkins, Mr Hill OBE, Mrs Hohler, Mr Holden, Mr Hood, Mr Jeffrey, Mr Kennedy, Mr"
        " Kite MBE, Mr Love OBE, Mr Manion, Mr Marsh, Ms Meade, Mr Meade, Mr Murphy, Mr Oakford, Ms Parfitt, "
        "Mr Rayner, Mr Richardson, Mr Ridgers, Mr Robey, Mr Sandhu MBE, Mr Stepto, Mr Thomas, Mr Watkins, Mr "
        "Whiting, Mr Wright, Mrs Wright Against (0) Abstain (11) Mr Chittenden, Mrs Dean MBE, Mr Hook, Mr Leh"
        "mann, Mr Lewis, Mr Mallon, Mr Passmore, Mr Ross, Mr Shonk, Mr Sole, Mr Streatfeild MBE Motion carrie"
        "d.")
PLAN_RESOLVED = ("3) RESOLVED that Council: (i) Notes the Inspector’s Report (see Appendix A) on the examination of th"
        "e Kent Minerals and Waste Local Plan 2024-2039 (KWMLP) and the recommended modifications (incorporat"
        "ed in the Plan presented for Council approval); (ii) Notes the content and recommendations of the Su"
        "stainability Appraisal of the KMWLP (Appendix D); and, (iii) Adopts the Kent Minerals and Waste Loca"
        "l Plan 2024-2039 as set out in Appendix B; and (iv) Delegates authority to the Corporate Director fo"
        "r Growth, Environment & Transport, in consultation with the Cabinet Member for Economic Development,"
        " to approve any non-material changes to the text of the Kent Minerals and Waste Local Plan 2024-2039"
        " and take other relevant actions as required to support final production and publication of the appr"
        "oved Plan.")
UPDATE_VOTE = ("2) Following the debate, the Chairman put the motion set out in paragraph 1 to the vote and the voti"
        "ng was as follows: For (38) Mr Baker, Mr Brady, Mr Bartlett, Mr Beaney, Mrs Bell, Mrs Binks, Mr Boot"
        "h, Mr Brazier, Sir Paul Carter CBE, Mrs Chandler, Mrs Cole, Ms Constantine, Mr Cooke, Mr Dance, Ms D"
        "awkins, Mr Dendor, Mr Gough, Mr Hill OBE, Mrs Hohler, Mr Holden, Mr Hook, Mr Jeffrey, Mr Kennedy, Mr"
        " Love OBE, Mr Marsh, Ms Meade, Mr Meade, Mr Oakford, Ms Parfitt, Mr Passmore, Mr Rayner, Mr Richards"
        "on, Mr Ridgers, Mr Robey, Mr Sandhu MBE, Mr Sole, Mr Streatfeild MBE, Mr Thomas Against (5) Mr Baldo"
        "ck, Mrs Dean MBE, Mr Hood, Mr Lehmann, Mr Lewis Abstain (4) Ms Hawkins, Mr Mallon, Mr Shonk, Mr Step"
        "to Motion carried.")
AMENDMENT_VOTE = ("5) Following the debate the Chairman put the amendment set out in paragraph 2 to the vote and the vo"
        "ting was as follows: For (32) Mr Baker, Mr Brady, Mr Bartlett, Mrs Bell, Mrs Binks, Mr Booth, Mrs Ch"
        "andler, Ms Constantine, Mr Dance, Ms Dawkins, Mrs Dean MBE, Mr Dendor, Mrs Game, Mrs Hohler, Mr Hold"
        "en, Mr Hood, Mr Hook, Mr Kite MBE, Mr Lehmann, Mr Lewis, Mr Love OBE, Mr Mallon, Ms Parfitt, Mr Pass"
        "more, Mr Rayner, Mr Ridgers, Mr Ross, Mr Sandhu MBE, Mr Sole, Mr Thomas, Mr Watkins, Mrs Wright Agai"
        "nst (11) Sir Paul Carter CBE, Mr Gough, Ms Hawkins, Mr Hood, Mr Hook, Mr Jeffrey, Mr Lehmann, Mr Mea"
        "de, Mr Oakford, Mr Stepto, Mr Streatfeild MBE Abstain (0) Amendment carried")


def hit(text, para, rank, heading):
    m = DocMeta(doc=DOC, title="County Council minutes", organisation="Kent County Council", org_slug="kent-cc",
                doc_type="minutes", date="2025-03-13")
    p = Paragraph(id=f"m-{para}", doc=DOC, ordinal=rank, text=text, para=para, heading=heading, page_start=3,
                  page_end=3)
    return Hit(paragraph=p, meta=m, score=1.0 - rank * 0.01, rank=rank, dense=0.6, keyword=1.0)


PLAN = "299. Kent Minerals and Waste Local Plan 2024-39 (Item 8)"
UPDATE = "302. Devolution and Local Government Reorganisation Update (Item 11)"
QUESTION = "How did members vote on the Kent Minerals and Waste Local Plan?"


def test_a_vote_under_another_minute_is_a_vote_on_another_motion():
    lead = hit(PLAN_VOTE, "299/2", 0, PLAN)
    topic = topic_words(QUESTION, None)
    update = hit(UPDATE_VOTE, "302/2", 1, UPDATE)
    assert another_motions_vote(update, lead, QUESTION, topic)
    # an amendment's vote, for a question that asks of no amendment
    assert another_motions_vote(hit(AMENDMENT_VOTE, "306/5", 2, "306. Governance Updates (Item 15)"), lead, QUESTION,
                                topic)
    # the same minute's resolution records no vote: kept
    assert not another_motions_vote(hit(PLAN_RESOLVED, "299/3", 3, PLAN), lead, QUESTION, topic)
    # a minute whose heading matches the question as well as the lead's may be the one asked about: kept
    question = "How did members vote on the local plan update?"
    assert not another_motions_vote(update, lead, question, topic_words(question, None))


def test_pick_paragraphs__a_vote_question_cites_no_vote_on_another_motion():
    hits = [hit(PLAN_VOTE, "299/2", 0, PLAN), hit(UPDATE_VOTE, "302/2", 1, UPDATE),
            hit(PLAN_RESOLVED, "299/3", 2, PLAN)]
    scored = {h.paragraph.id: ([h.paragraph.text], np.array([0.7], dtype=np.float32)) for h in hits}
    chosen = pick_paragraphs(QUESTION, hits, None, AnswerConfig(), scored)
    assert [h.paragraph.para for h in chosen] == ["299/2", "299/3"]
