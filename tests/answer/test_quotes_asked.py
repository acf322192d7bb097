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


# Kent's Corporate Parenting Panel minutes of 29 October 2024, item 6
ADOPTION = ("1. Amy Coombs, Head of Adoption Partnership South East, introduced and summarised the content of the "
            "report: a. During National Adoption Week a conference was held, with over 200 people attending online. "
            "There was a radio interview with Radio Kent and a story run on BBC South East, helping to highlight the "
            "importance of adoption. b. There had been work done to strengthen the adoption community through working "
            "collaboratively, which resulted in 11 community groups across the region. c. To update the figures from "
            "the report: 31 children had been adopted, 26 children were matched with adopters.")


def test_a_figure_in_the_gap_sharing_one_subject_word_is_left_elided():
    sentences = split_sentences(ADOPTION)
    q = "How many children had been adopted according to the updated Adoption Partnership South East figures?"
    last = next(i for i, s in enumerate(sentences) if "31 children" in s)
    groups = next(i for i, s in enumerate(sentences) if "11 community groups" in s)
    quoted = [i for i in range(last + 1) if i != groups]
    at = with_asked(sentences, quoted, _scores(len(sentences)), q, lambda s: holds("number", s, q))
    assert groups not in at  # "11 community groups" shares only "adoption": no answer to how many were adopted


def test_a_run_on_sentence_is_not_added_beside_a_quote():
    long_list = "The support includes " + ", ".join(f"training item {i}" for i in range(30)) + "."
    sentences = split_sentences("Personal advisers support care leavers with training. " + long_list)
    q = "What training support do care leavers get from personal advisers?"
    assert with_asked(sentences, [0], _scores(len(sentences)), q) == [0]  # 60+ words would bury the answer
