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


# Paragraphs whose quoted sentence states the subject and whose next sentence, reading on from it, gives the time
# asked: the Isles of Scilly's 2023 Ofsted report (para 32), Medway's 2015 (para 115) and Lewisham's 2024 (para 44)
SCILLY_32 = ("32. With the aim of providing a framework for staff that supports clearer, more intuitive and secure "
             "recording, the local authority has agreed to fund a new electronic case recording system for children’s "
             "services. This is not yet in place but is planned for implementation in 2024. Leaders have also invested "
             "in a set of up-to-date procedures to better guide decision-making and practice. Although a positive step, "
             "these are still in draft form and the impact on practice is consequently very limited at this stage.")
MEDWAY_115 = ("115. The local authority has successfully secured a stable permanent senior management team. However, one "
              "of the key barriers to achieving greater consistency in practice is the high number of agency first line "
              "managers. The local authority understands how crucial first line managers are to achieving greater "
              "consistency in social work practice and as a result, has developed an ‘assessed year in management’ "
              "programme to develop the management skills of experienced and talented social workers. This is due to "
              "be launched early in 2016. It is an appropriate response to the shortfall in team managers but the "
              "initiative has taken too long to put into place.")
# Richmond upon Thames's 2025 Ofsted report, para 28: the time is two sentences on, after the one it refers back to
RICHMOND_28 = ("28. Children in care in Richmond are not placed in unregistered children’s homes. There is strong "
               "oversight and monitoring of children’s placements by senior leaders and by the commissioning team to "
               "avoid the use of these placements. This has been effective, with the last use of this placement type "
               "being in 2023.")
LEWISHAM_44 = ("44. The lead member and the chief executive are ambitious for children. They are well informed about "
               "demands on the service, meet regularly with the executive director and receive high-quality performance "
               "and practice reports. Despite financial pressures, the council has provided additional funding to "
               "develop and strengthen services for the most vulnerable children in Lewisham. This has included "
               "significant investment to develop the targeted early help strategy and establish the Family Thrive "
               "service in 2021, improving early support and intervention for children and families. Leaders have also "
               "secured Department for Education ‘Start for Life’ funding to support the development of family hubs, "
               "three of which they launched in 2023.")


def _answers(q: str, kinds: tuple[str, ...]):
    return lambda s: all(holds(k, s, q) for k in kinds)


def test_the_time_asked_in_the_sentence_reading_on_from_the_quote_is_quoted():
    sentences = split_sentences(SCILLY_32)
    q = "When will the Isles of Scilly's new electronic case recording system be in place?"
    at = with_asked(sentences, [0], _scores(len(sentences)), q, None, _answers(q, ("time", "future")))
    assert at == [0, 1]  # "This is not yet in place but is planned for implementation in 2024."


def test_the_time_to_come_reading_on_from_the_quote_is_quoted():
    sentences = split_sentences(MEDWAY_115)
    q = "When will Medway launch its assessed year in management programme?"
    at = with_asked(sentences, [2], _scores(len(sentences)), q, None, _answers(q, ("time", "future")))
    assert at == [2, 3]  # "This is due to be launched early in 2016."


def test_the_sentence_it_reads_on_from_comes_with_it():
    sentences = split_sentences(RICHMOND_28)
    q = "When was a child in care last placed in an unregistered children's home?"
    at = with_asked(sentences, [0], _scores(len(sentences)), q, None, _answers(q, ("time",)))
    assert at == [0, 1, 2]  # "There is strong oversight …" is what "This has been effective …" refers to


def test_no_sentence_is_added_when_the_quote_gives_the_time_or_the_next_does_not_read_on():
    sentences = split_sentences(LEWISHAM_44)
    q = "When did Lewisham establish the Family Thrive service?"
    assert with_asked(sentences, [3], _scores(len(sentences)), q, None, _answers(q, ("time",))) == [3]
    q = "When did Lewisham's lead member start meeting the executive director?"
    at = with_asked(sentences, [1], _scores(len(sentences)), q, None, _answers(q, ("time",)))
    assert 3 not in at and 4 not in at  # a time two sentences on, of another thing


def test_a_heading_run_on_into_the_paragraph_is_not_added():
    # Kent's minutes of 13 February 2025, minute 291: the council tax limb, then the next item's heading printed on
    sentences = ["(f) The total Council Tax requirement of £994,287,655 to be raised through precepts on districts.",
                 "Kent Pay Scheme 2025-26"]
    q = "What total council tax requirement did Kent set for 2025/26?"
    assert with_asked(sentences, [0], _scores(2), q) == [0]
