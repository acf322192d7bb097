"""A question typed with Markdown or HTML is read for its words."""

from assistant.query.plain import plain_question


def test_plain_question__markdown_and_html_marks_are_dropped_and_the_words_kept():
    typed = "# What does **Bexley** need to <i>improve</i>? [see the report](http://example.org/a.pdf)"
    assert plain_question(typed) == "What does Bexley need to improve?"  # a link after the question is no part of it
    assert plain_question("What does the [2023 report](http://example.org/a.pdf) say?") == \
        "What does the 2023 report say?"
    assert plain_question("What does Bexley need to improve? http://example.org/a.pdf") == \
        "What does Bexley need to improve?"
    assert plain_question("What did *inspectors* say about `step-down` &amp; ~~caseloads~~?") == \
        "What did inspectors say about step-down & caseloads?"
    # a plain question is unchanged, snake_case and sums included
    for plain in ("What did inspectors say about step-down?", "How much is 5 * 3 in the budget_code table?",
                  "What was Medway's grade in 2019?"):
        assert plain_question(plain) == plain
