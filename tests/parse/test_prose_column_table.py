"""A table whose last column is prose (a finance report's "Details of key movements": "Residual Waste 52.6 53.4 +0.8
Increased tonnes offset …"): each row's prose runs on below it as paragraphs of its own, so a row under another's
prose, or on the next page, is not next to its table's header. It is still shown with that header."""

from pathlib import Path

from assistant.ingest.pdf import extract_pdf
from assistant.parse.context import table_header
from assistant.parse.paragraphs import parse_paragraphs
from assistant.records import Paragraph

PDF = Path(__file__).resolve().parents[1] / "data" / "ingest" / "table-with-prose-column-finance-p16-17.pdf"


def _rows():
    paragraphs, _ = parse_paragraphs(extract_pdf(PDF), PDF.name, "h")
    return paragraphs, {p.text.split(" ")[0] + " " + p.text.split(" ")[1]: i
                        for i, p in enumerate(paragraphs) if p.kind == "table-row"}


def test_rows_under_another_rows_prose_and_over_the_page_keep_their_tables_header():
    paragraphs, rows = _rows()
    for label in ("Highway Assets", "Residual Waste", "Community Protection"):  # under prose; the last two on page 2
        header, page = table_header(paragraphs, rows[label])
        assert "Revenue Budget" in header and "Revenue Variance" in header and page == 1, label
    assert paragraphs[rows["Residual Waste"]].page_start == 2


def _p(i, text, kind="text", page=1):
    return Paragraph(id=str(i), doc="d.pdf", ordinal=i, text=text, kind=kind, heading="Budget", page_start=page,
                     page_end=page)


def test_a_row_of_figures_only_after_prose_is_not_given_a_header_from_further_up():
    # the walk back over prose is for rows with a prose column; a plain row after a sentence gets none, as before
    paras = [_p(0, "Key Service Revenue Budget Revenue Forecast Revenue Variance Summary Detail"),
             _p(1, "Waste 38.8 40.6 +1.8 Paused saving and reduced income", kind="table-row"),
             _p(2, "The saving is no longer deliverable (+£0.6m)."),
             _p(3, "Total 202.9 209.2 +6.3", kind="table-row")]
    assert table_header(paras, 3) == ("", None)
    assert table_header(paras, 1)[0].startswith("Key Service")
