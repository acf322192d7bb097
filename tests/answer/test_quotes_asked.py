"""Which sentences beside a quote are quoted with it (quotes.with_asked): the one holding the question's subject
words, and one in an elided gap giving the figure asked. Real paragraphs of the corpus (Sheffield's 2023 and Camden's
2025 Ofsted reports, Kent's family hubs equality impact assessment of March 2025)."""

import numpy as np

from assistant.answer.quotes import join_quoted, with_asked
from assistant.answer.scoring import holds
from assistant.parse.sentences import split_sentences

SHEFFIELD_52 = ("52. Despite the best efforts of personal advisers to support care leavers in Sheffield to engage and "
                "succeed in employment, education and training, the results of these efforts remain mixed. In response "
                "to this, a three-year initiative funded by the Department for Education is underway, with a dedicated "
                "resilience and transitions coordinator, and a wraparound menu of support to help increase employment, "
                "education and training opportunities. It is too early to see the full impact of this initiative.")
CAMDEN_48 = ("48. Leaders have focused on building an increasingly stable, happy and well-supported workforce. Almost all "
             "practitioners reported that they have good access to training and development opportunities. Staff "
             "mostly have manageable caseloads that enable them to undertake thorough and impactful work for children "
             "and young people. Workers at all levels, including business support staff, early help workers, social "
             "workers, personal advisers and frontline managers, say they enjoy working for Camden. They are fierce "
             "advocates for Camden children.")
FAMILY_HUBS = ("Option 1: Do not renew the two commissioned contracts and provide services within existing KCC locations. "
               "This option is the proposal for discussion by members and was the basis for the public consultation. "
               "It is expected that this option will achieve the £426k saving within the MTFP. As set out above, "
               "services would be available to residents from alternative locations. This option would provide "
               "consistency across the entire Family Hub service as it would mean that the whole provision is in-house.")


def _scores(n: int) -> np.ndarray:
    return np.linspace(0.6, 0.4, n)


def test_the_detail_after_an_opening_that_only_evaluates_is_quoted():
    sentences = split_sentences(SHEFFIELD_52)
    q = "What is being done to help care leavers in Sheffield into employment, education and training?"
    at = with_asked(sentences, [0], _scores(len(sentences)), q)
    assert at == [0, 1]  # the initiative, not only "the results … remain mixed"


def test_a_sentence_sharing_no_subject_words_is_not_added():
    sentences = split_sentences(CAMDEN_48)
    q = "What access to training do practitioners have?"
    assert with_asked(sentences, [1], _scores(len(sentences)), q) == [1]


def test_the_figure_asked_is_not_elided():
    sentences = split_sentences(FAMILY_HUBS)
    q = "How much would option 1 save from the commissioned contracts?"
    at = with_asked(sentences, [0, 4], _scores(len(sentences)), q, lambda s: holds("money", s, q))
    assert 2 in at
    assert any("£426k" in s for s in join_quoted(sentences, at))
