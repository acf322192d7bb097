from assistant.ui import cards

from .helpers import STEP_DOWN, THRESHOLD, answer


def test_copy_text__names_publisher_title_date_paragraph_and_page():
    card = cards.Card.from_citation(answer().citations[0])
    assert cards.copy_text(card) == "Ofsted, Inspection of Medway children's services (27 Aug 2019), para 2, p.3"


def test_copy_text__committee_report_without_pages_names_the_council():
    card = cards.Card.from_citation(answer().citations[1])
    assert cards.copy_text(card) == "Medway, Report on Ofsted monitoring visit (1 Oct 2020), para 3.11"


def test_highlight__marks_quote_across_line_breaks():
    html = cards.highlighted_html(STEP_DOWN, answer().citations[0].quote)
    assert html.count("<mark>") == 1
    assert "<mark>Many children step down too soon" in html
    assert "sustained.</mark>" in html
    assert html.startswith("2. Risks for some children")  # the rest of the paragraph is shown too


def test_highlight__escapes_html_in_paragraph_and_quote():
    html = cards.highlighted_html(THRESHOLD, answer().citations[1].quote)
    assert "<and>" not in html
    assert "&lt;and&gt;" in html and "&amp; more" in html and "&quot;oversight&quot;" in html
    assert "<mark>However" in html


def test_highlight__no_quote_found_shows_paragraph_unmarked():
    assert "<mark>" not in cards.highlighted_html("Some <b>text</b>.", "Not there.")
    assert "&lt;b&gt;" in cards.highlighted_html("Some <b>text</b>.", "")


def test_card_body__shows_heading_path():
    body = cards.card_body_html(cards.Card.from_citation(answer().citations[0]))
    assert "Section: Help › Step-down" in body


def test_card_body__a_table_row_shows_the_column_headers_above_its_table_escaped():
    from dataclasses import replace
    card = replace(cards.Card.from_citation(answer().citations[0]), table_header="Directorate <b>Budget</b> £m")
    body = cards.card_body_html(card)
    assert "Table under: Directorate &lt;b&gt;Budget&lt;/b&gt; £m" in body
    assert "Table under" not in cards.card_body_html(cards.Card.from_citation(answer().citations[0]))
    # a row cited with its table, whose first line is the header: the header is shown once, in the table
    table = replace(card, text="Directorate <b>Budget</b> £m\nAdult Social Care 1.3", quote="Adult Social Care 1.3")
    body = cards.card_body_html(table)
    assert "Table under" not in body and body.count("Directorate &lt;b&gt;Budget") == 1
    assert "<mark>Adult Social Care 1.3</mark>" in body


def test_answer_markdown__a_table_rows_headers_stay_in_its_statement_before_the_citation():
    md = cards.answer_markdown('Kent 370,000 1.3 (table under "Authority 0-19 Year Olds") [Kent family hubs, p.6]')
    assert md == 'Kent 370,000 1.3 (table under "Authority 0-19 Year Olds") *\\[Kent family hubs, p.6\\]*\n'


def test_answer_markdown__keeps_every_citation_marker_and_escapes_markdown():
    md = cards.answer_markdown("From X (1 May 2020):\n- Costs rose by $5 *a lot* [Medway Ofsted inspection 2019, para 2, p.3]")
    assert "**From X (1 May 2020):**" in md
    assert "\\$5 \\*a lot\\*" in md
    assert md.rstrip().endswith("*\\[Medway Ofsted inspection 2019, para 2, p.3\\]*")


def test_answer_markdown__the_trackers_indented_lines_are_bullets_not_bold():
    # an improvement answer: each numbered item, then what later papers said of it, indented under it
    md = cards.answer_markdown("Ofsted's inspection of Kent listed 1 thing to improve:\n"
                               "1. Support for care leavers. [Kent Ofsted inspection 2026, p.3]\n"
                               "   - Since then: nothing in the later documents mentions this.\n"
                               "   - 2026-03-01: Care leavers now have a hub. [Kent cabinet report, p.4]")
    assert "**" not in md.replace("**Ofsted's inspection of Kent listed 1 thing to improve:**", "")
    assert "\n- Since then: nothing in the later documents mentions this." in md
    assert "\n- 2026-03-01: Care leavers now have a hub. *\\[Kent cabinet report, p.4\\]*" in md
    # the next numbered item is a paragraph of its own, not read as the bullet above continuing
    md = cards.answer_markdown("1. One. [A, p.1]\n   - Since then: nothing.\n2. Two. [A, p.2]")
    assert "- Since then: nothing.\n\n2\\. Two." in md


def test_describe_filters__in_plain_words():
    text = cards.describe_filters({"orgs": ["medway"], "doc_types": ["ofsted-inspection"], "since": "2019-01-01",
                                   "from_question": {"organisations": ["Medway"], "years": [2019]}},
                                  org_names={"medway": "Medway"})
    assert text == ("Organisation: Medway · Type: Ofsted inspection · From: 1 Jan 2019 · "
                    "Named in the question: Medway, 2019")
    assert cards.describe_filters({}) == ""


def test_in_answer_order__cards_follow_the_answer():
    a = answer()
    reordered = cards.in_answer_order(list(reversed(a.citations)), a.answer)
    assert [c.para for c in reordered] == ["2", "3.11"]


def test_quote_spans__both_sides_of_an_elided_quote_are_found():
    from assistant.ui.cards import quote_spans

    text = "First point is here. Something else entirely. Second point is there."
    spans = quote_spans(text, "First point is here. … Second point is there.")
    assert [text[s:e] for s, e in spans] == ["First point is here.", "Second point is there."]


def test_abstention_notice__says_the_answers_own_reason_when_it_gives_one():
    from assistant.records import Answer
    from assistant.ui.chat_page import abstention_notice

    plain = Answer(question="q", answer="The indexed documents don't say this (\"q\"). The nearest passages are:\n- x",
                   abstained=True, citations=[])
    assert abstention_notice(plain).startswith("The documents don't say this. Nothing below is an answer")
    which = Answer(question="What needs to improve?", abstained=True, citations=[],
                   answer="Ofsted's reports on 2 councils are indexed, each with its own list of what to improve: "
                          "name the council, e.g. \"What does Kent need to improve?\"")
    assert abstention_notice(which).startswith("Ofsted's reports on 2 councils are indexed")
    assert "nearest passages" not in abstention_notice(which)  # none are shown
    # the reason is shown literally: a question quoted in it is not read as Markdown
    odd = Answer(question="q", abstained=True, citations=[],
                 answer="The indexed documents don't include anything from *Narnia*, so they can't answer this.")
    assert "\\*Narnia\\*" in abstention_notice(odd)


def test_one_per_paragraph__clauses_of_one_paragraph_cited_apart_show_one_card_with_each_clause_marked():
    from dataclasses import replace
    resolution = "3. RESOLVED that Cabinet agree to: A) note the report; B) approve the plan; C) delegate the rest."
    first = replace(cards.Card.from_citation(answer().citations[0]), text=resolution, quote="A) note the report;")
    second = replace(first, quote="C) delegate the rest.")
    other = cards.Card.from_citation(answer().citations[1])
    shown = cards.one_per_paragraph([first, other, second, first])
    assert [c.text for c in shown] == [resolution, other.text]  # once, in first-cited order
    html = cards.highlighted_html(shown[0].text, shown[0].quote)
    assert "<mark>A) note the report;</mark>" in html and "<mark>C) delegate the rest.</mark>" in html


def test_quote_spans__a_quoted_list_item_is_marked_at_its_marker_not_inside_a_word():
    """Kent Corporate Parenting Panel minutes (29 Oct 2024), item 9 para 6: the quoted item "d. Care Leavers …" had
    been marked from the "d." ending "discussed." (testers ua70: "…was discusse<mark>d.</mark>…")."""
    from assistant.ui.cards import highlighted_html, quote_spans

    text = ("6. In response to comments and questions asked it was said:\na. The formation of sub-groups being "
            "created from the CPP was discussed.\nb. It was suggested that the local housing offers in each of the 12 "
            "districts were different and potentially confusing.\nd. Care Leavers continued to have access to support "
            "until they were 25 years old.")
    quote = "d. Care Leavers continued to have access to support until they were 25 years old."
    assert [text[s:e] for s, e in quote_spans(text, quote)] == [quote]
    assert "discussed.<br>" in highlighted_html(text, quote)
    assert "<mark>d. Care Leavers" in highlighted_html(text, quote)
