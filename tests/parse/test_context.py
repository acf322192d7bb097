"""A short paragraph is embedded with the text before it in its section; its citation and text are unchanged."""

from assistant.parse.context import CONTEXT_WORDS, neighbour_context, question_context
from assistant.records import Paragraph


def para(i, text, heading="Budget"):
    return Paragraph(id=str(i), doc="d.pdf", ordinal=i, text=text, heading=heading)


def test_neighbour_context__short_paragraph_gets_the_end_of_the_one_before():
    long = " ".join(f"w{i}" for i in range(80)) + " The saving is set out below."
    paras = [para(0, long), para(1, "£426k annually.")]
    ctx = neighbour_context(paras, 1)
    assert ctx.endswith("The saving is set out below.") and len(ctx.split()) == CONTEXT_WORDS


def test_neighbour_context__first_in_its_section_takes_the_start_of_the_next():
    paras = [para(0, "Other section text.", heading="Intro"), para(1, "Answer:"), para(2, "We will recruit ten posts.")]
    assert neighbour_context(paras, 1) == "We will recruit ten posts."


def test_neighbour_context__long_paragraphs_and_lone_ones_get_none():
    long = " ".join(["word"] * 20)
    assert neighbour_context([para(0, "Before."), para(1, long)], 1) == ""
    assert neighbour_context([para(0, "Alone.", heading="A")], 0) == ""


def test_neighbour_context__never_crosses_into_another_document():
    other = Paragraph(id="x", doc="other.pdf", ordinal=9, text="Text of another document.", heading="Budget")
    assert neighbour_context([other, para(0, "£426k annually.")], 1) == ""


def test_question_context__an_answer_is_read_with_the_question_it_answers():
    asked = "Question by Paul Stepto to Rory Love, Cabinet Member for Education and Skills"
    paras = [para(0, "Would the Cabinet Member say how many home-schooled children are registered?", heading=asked),
             para(1, "Under current legislation, families are free to educate their child at home.", heading="Answer"),
             para(2, "KCC currently monitors 4,798 pupils, 26% up on last year.", heading="Answer"),
             para(3, "Would the Cabinet Member say when the bridge reopens?", heading="Question by Mark Hood to Neil"),
             para(4, "The bridge reopens in May.", heading="Answer")]
    ctx = question_context(paras, 2)
    assert ctx.startswith(asked + ": Would the Cabinet Member") and "home-schooled" in ctx
    assert "bridge" in question_context(paras, 4) and "home-schooled" not in question_context(paras, 4)
    assert question_context(paras, 0) == ""  # the question itself, and any other paragraph, gets none
    assert question_context([para(0, "Text.", heading="Summary"), para(1, "Yes.", heading="Answer")], 1) == ""


def test_question_context__never_crosses_into_another_document():
    other = Paragraph(id="x", doc="other.pdf", ordinal=0, text="A question?", heading="Question by A to B")
    assert question_context([other, para(0, "The answer.", heading="Answer")], 1) == ""


def test_row_context__a_table_row_is_read_with_the_headers_above_its_table():
    from assistant.parse.context import row_context
    paras = [para(0, "Some earlier prose about the budget."),
             para(1, "All figures in £m Directorate Revenue Budget Revenue Forecast Variance"),
             Paragraph(id="2", doc="d.pdf", ordinal=2, text="Adult Social Care 586.1 621.6 +35.4", kind="table-row"),
             Paragraph(id="3", doc="d.pdf", ordinal=3, text="Children's Services 430.6 420.8 -9.9", kind="table-row")]
    assert row_context(paras, 3) == "All figures in £m Directorate Revenue Budget Revenue Forecast Variance"
    assert row_context(paras, 2) == row_context(paras, 3)
    assert row_context(paras, 1) == ""  # not a row


def test_row_context__never_crosses_into_another_document_or_far_pages():
    from assistant.parse.context import row_context
    other = Paragraph(id="0", doc="other.pdf", ordinal=0, text="Headers of another paper")
    row = Paragraph(id="1", doc="d.pdf", ordinal=0, text="Adult Social Care 586.1 621.6", kind="table-row")
    assert row_context([other, row], 1) == ""
    far = [Paragraph(id="0", doc="d.pdf", ordinal=0, text="Headers", page_start=1, page_end=1),
           Paragraph(id="1", doc="d.pdf", ordinal=1, text="Total 1 2", kind="table-row", page_start=5, page_end=5)]
    assert row_context(far, 1) == ""


def _row(i, text, page=2):
    return Paragraph(id=str(i), doc="d.pdf", ordinal=i, text=text, kind="table-row", page_start=page, page_end=page)


def test_table_header__a_row_is_shown_with_the_column_headers_printed_above_its_table():
    from assistant.parse.context import table_header
    paras = [Paragraph(id="0", doc="d.pdf", ordinal=0, page_start=1, page_end=1,
                       text="The table below sets out the capital position. Directorate Capital Budget Variance "
                            "Real Variance Rephasing Variance"),
             _row(1, "Adult Social Care & Health 1.305 -0.193 0.034 -0.227"),
             _row(2, "Children, Young People & Education 62.1 -1.2 0.4 -1.6")]
    # the text after the prose sentence is the table's own; its page is given, as it is not the rows' page
    assert table_header(paras, 2) == ("Directorate Capital Budget Variance Real Variance Rephasing Variance", 1)
    assert table_header(paras, 1) == table_header(paras, 2)
    assert table_header(paras, 0) == ("", None)  # not a row


def test_table_header__none_when_the_text_above_is_prose_or_another_rows_figures():
    from assistant.parse.context import table_header
    prose = Paragraph(id="0", doc="d.pdf", ordinal=0, text="Non delivery of these savings will have an impact.")
    assert table_header([prose, _row(1, "Corporately Held Budgets -2.4 0.2 +2.6")], 1) == ("", None)
    glued = Paragraph(id="0", doc="d.pdf", ordinal=0,
                      text="Revenue Budget Revenue Forecast Corporate Landlord 29.0 26.6 -2.4 Human Resources")
    assert table_header([glued, _row(1, "Total 82.2 79.2 -3.0")], 1) == ("", None)
    label = Paragraph(id="0", doc="d.pdf", ordinal=0, text="we attend lots of activities 24 9% Change is hard")
    assert table_header([label, _row(1, "Other hubs would be stretched 19 7%")], 1) == ("", None)
    years = Paragraph(id="0", doc="d.pdf", ordinal=0, text="Status Dec-23 Mar-24 Jun-24 Sep-24 Dec-24", page_start=2,
                      page_end=2)
    assert table_header([years, _row(1, "Total 1,997 1,940 1,920 1,989 1,884")], 1) == (
        "Status Dec-23 Mar-24 Jun-24 Sep-24 Dec-24", 2)  # figures inside labels are the columns' names


def test_vote_context__a_vote_is_read_with_the_motion_it_names_or_else_the_paragraph_before_it():
    from assistant.parse.context import vote_context

    def para(text, label, ordinal):
        return Paragraph(id=str(ordinal), doc="minutes.pdf", ordinal=ordinal, text=text, para=label,
                         heading="285. Devolution (Item 5)", page_start=8, page_end=8, char_start=0, char_end=0)

    paras = [para("15) Mr Streatfeild proposed and Mr Sole seconded the following amendment: “add transparency”.",
                  "285/15", 0),
             para("16) Following the debate, the Chairman put the amendment set out at paragraph 15 to the vote and "
                  "it was agreed.", "285/16", 1),
             para("17) Mr Hood proposed and Mr Baldock seconded the following amendment: “oppose the programme”.",
                  "285/17", 2),
             para("18) Following the debate, the Chairman put the amendment to the vote and the voting was as "
                  "follows:\nFor (14)\nMr Baldock\nAgainst (45)\nMr Baker Amendment lost.", "285/18", 3),
             para("19) Mr Brady proposed the following amendment.", "285/19", 4)]
    assert vote_context(paras, 1).startswith("15) Mr Streatfeild proposed")  # the paragraph it names
    assert vote_context(paras, 3).startswith("17) Mr Hood proposed")  # names none: the one before it
    assert vote_context(paras, 2) == "" and vote_context(paras, 4) == ""  # no vote recorded


def test_printed_table__a_row_without_a_page_carries_its_own_headers_and_gets_no_table():
    from assistant.parse.context import printed_table

    rows = [Paragraph(id=str(i), doc="d.txt", ordinal=i, text=t, kind="table-row")
            for i, t in enumerate(["Risk: Delay; Rating: B2", "Risk: Funding; Rating: C3"])]
    assert printed_table(rows, 0) == ""
    paged = [Paragraph(id=str(i), doc="d.pdf", ordinal=i, text=t, kind="table-row", page_start=4, page_end=4)
             for i, t in enumerate(["Delay B2", "Funding C3"])]
    assert printed_table(paged, 1) == "Delay B2\nFunding C3"


def test_table_header__a_numbered_caption_above_the_columns_says_what_the_figures_are():
    from assistant.parse.context import table_header
    caption = Paragraph(id="0", doc="d.pdf", ordinal=0, page_start=27, page_end=27,
                        text="Table 5: Average cost of pupils funded from the HNB and receiving individualised SEN "
                             "Support or placement cost. £s per pupil 20-21 21-22 22-23 23-24 24-25")
    rows = [caption, _row(1, "Maintained Special School £20,629 £21,648 £22,640", 27),
            _row(2, "Independent Schools £43,734 £44,799 £44,911", 28)]
    # the whole caption, though its first sentence ends before the column labels (which begin with "£")
    assert table_header(rows, 2) == (caption.text, 27)
    prose = Paragraph(id="0", doc="d.pdf", ordinal=0, page_start=27, page_end=27, text=(
        "Table 5 shows that costs have risen. " + "The rise is driven by placements in independent schools. " * 8))
    assert table_header([prose, _row(1, "Independent Schools £43,734", 27)], 1) == ("", None)  # prose about a table


def test_vote_context__an_amendment_is_read_without_the_words_it_repeats_from_the_motion_it_amends():
    """Four amendments to one motion quote its long opening before what each changes; a vote on one is read with
    who moved it and what it changes, not with the opening all four share."""
    from assistant.parse.context import vote_context

    motion = ("“County Council is asked to: (1) Endorse the ongoing joint work between KCC, Medway Council and "
              "District and Borough Council Leaders to respond the English Devolution White Paper (2) Endorse the "
              "proposed decision by the Leader to submit a request to Government (3) Note the timetable.”")

    def para(text, label, ordinal):
        return Paragraph(id=str(ordinal), doc="minutes.pdf", ordinal=ordinal, text=text, para=label,
                         heading="285. Devolution (Item 3)", page_start=8, page_end=8, char_start=0, char_end=0)

    paras = [para(f"15) Mr Streatfeild proposed and Mr Sole seconded the following motion: {motion}", "285/15", 0),
             para("21) Mr Passmore proposed and Mr Hook seconded the following amendment to the substantive motion "
                  "set out in paragraph 15: “County Council is asked to: (1) Endorse the ongoing joint work between "
                  "KCC, Medway Council and District and Borough Council Leaders to respond the English Devolution "
                  "White Paper (2) Recommend expressing an interest in devolution of powers, while making clear "
                  "that the views of the public should be central.”", "285/21", 1),
             para("22) Following the debate, the Chairman put the amendment set out in paragraph 21 to the vote and "
                  "the voting was as follows:\nFor (13)\nMr Baldock\nAgainst (45)\nMr Baker Amendment lost.",
                  "285/22", 2)]
    context = vote_context(paras, 2)
    assert context.startswith("21) Mr Passmore proposed and Mr Hook seconded the following amendment to the "
                              "substantive motion set out in paragraph 15:")
    assert "Recommend expressing an interest" in " ".join(context.split()[:25])
    assert "Endorse the ongoing joint work" not in context
