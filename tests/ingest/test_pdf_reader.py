"""`read_pdf` on the samples and on built PDFs: what each line and cell must hold."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from ingest.model import Line, SourceDocument
from ingest.pdf import read_pdf
from tests.ingest import pdf_builders
from tests.ingest.conftest import BORDERLESS, PROFORMA, RULED

TOPIC = "Progress Update – Child Sexual Exploitation"


def _texts(line: Line) -> list[str]:
    return [cell.text for cell in line.cells]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _table_rows(doc: SourceDocument) -> list[Line]:
    return [line for line in doc.lines if line.cells[0].column is not None]


@pytest.fixture(scope="module")
def ruled() -> SourceDocument:
    return read_pdf(RULED)


@pytest.fixture(scope="module")
def borderless() -> SourceDocument:
    return read_pdf(BORDERLESS)


# -- the samples -----------------------------------------------------------------------------


@pytest.mark.parametrize("path", [RULED, BORDERLESS], ids=["ruled", "borderless"])
def test_tracker_sample_gives_header_once_and_every_row_in_six_columns(path: Path) -> None:
    doc = read_pdf(path)
    rows = _table_rows(doc)
    headers = [r for r in rows if r.cells[1].text == "Recommendation"]
    assert len(headers) == 1 and headers[0].page == 1
    assert all(len(r.cells) == 6 for r in rows)
    assert all([c.column for c in r.cells] == [0, 1, 2, 3, 4, 5] for r in rows)
    # 11 recommendations; sub-items 5b, 6b, 10b, 10c; rows cut by page breaks continue.
    numbers = [r.cells[0].text for r in rows[1:] if r.cells[0].text]
    assert numbers == [str(n) for n in range(1, 12)]
    officers = [r.cells[2].text.split("\n")[0] for r in rows[1:] if r.cells[2].text[:2] == "b."]
    assert officers == ["b. Chair of", "b. Head of Democratic", "b. Corporate Director,"]


def test_ruled_sample_rows_as_printed(ruled: SourceDocument) -> None:
    rows = _table_rows(ruled)
    assert _texts(rows[0]) == [
        "No.",
        "Recommendation",
        "Link Officer",
        "Anticipated\nCompletion Date/\nCompletion Date",
        "Quarter 1/2 evidence of progress Presented to\nCommittee 29 June 2016 (Please state "
        "current\nposition on recommendation or alternative action\ntaken)",
        "Assessment of\nprogress\n(Categories 1-4)",
    ]
    assert (rows[0].page, rows[0].number) == (1, 2)  # line 1 is the running header
    first = rows[1]
    assert (first.page, first.number) == (1, 6)
    assert _texts(first)[:4] == ["1", _texts(first)[1], "Chair Tees Strategic\nVEMT", "01/08/15"]
    assert first.cells[1].text.startswith("The number, membership and\naccountability")
    assert first.cells[5].text == "1 – Fully Achieved"
    # Cell boxes are the ruled cells (ruled sample: rules at x 45.6/79.6, y 93.2/228.3).
    assert first.cells[0].box == pytest.approx((45.6, 93.2, 79.6, 228.3), abs=0.6)


def test_row_cut_by_page_break_continues_with_an_empty_no_cell(ruled: SourceDocument) -> None:
    rows = _table_rows(ruled)
    cut = next(r for r in rows if r.page == 2)
    # Rec 5's recommendation and 5a's evidence run on from page 1 (ruled sample, page 2 top).
    assert cut.cells[0].text == ""
    assert cut.cells[1].text.startswith("social media and healthy relationships")
    assert cut.cells[4].text.startswith("curriculum in respect of CSE.")
    assert [cut.cells[i].text for i in (2, 3, 5)] == ["", "", ""]


def test_sub_item_rows_have_the_merged_no_and_recommendation_cells_empty(
    ruled: SourceDocument,
) -> None:
    rows = _table_rows(ruled)
    sub_b = next(r for r in rows if r.cells[2].text.startswith("b. Head of Democratic"))
    assert [sub_b.cells[0].text, sub_b.cells[1].text] == ["", ""]
    assert sub_b.cells[5].text == "1 – Fully Achieved"
    # The merged cell's box is still the column's, in the sub-item row's band.
    assert sub_b.cells[1].box is not None and sub_b.cells[1].box[0] == pytest.approx(79.6, 0.5)


def test_borderless_merged_cell_text_stays_with_its_row(borderless: SourceDocument) -> None:
    rows = _table_rows(borderless)
    rec_6 = next(r for r in rows if r.cells[0].text == "6")
    # Borderless sample, page 3: rec 6's bullets sit beside sub-items a. and b.
    assert rec_6.cells[1].text.split("\n")[-3:] == [
        "• Introduce mandatory safeguarding",
        "training for Elected Members (including",
        "CSE)",
    ]
    sub_b = rows[rows.index(rec_6) + 1]
    assert sub_b.cells[2].text == "b. Head of Democratic\nServices"
    assert [sub_b.cells[0].text, sub_b.cells[1].text] == ["", ""]


def test_ruled_and_borderless_samples_hold_the_same_text(
    ruled: SourceDocument, borderless: SourceDocument
) -> None:
    def column(doc: SourceDocument, i: int) -> str:
        return _flat(" ".join(r.cells[i].text for r in _table_rows(doc)))

    for i in range(6):
        assert column(ruled, i) == column(borderless, i)


@pytest.mark.parametrize("path", [RULED, BORDERLESS, PROFORMA], ids=lambda p: p.stem)
def test_furniture_found_and_kept_out_of_lines(path: Path) -> None:
    doc = read_pdf(path)
    pages = doc.pages
    expected_numbers = [str(n) for n in range(1, pages + 1)]
    assert sorted(t for t in doc.furniture if t.isdigit()) == sorted(expected_numbers)
    if path != PROFORMA:  # the proforma has page numbers only
        assert doc.furniture[0] == TOPIC
    for line in doc.lines:
        for cell in line.cells:
            assert TOPIC not in cell.text
            # A bare number is a rec number in the No. column, never a page number elsewhere.
            assert not re.fullmatch(r"\d+", cell.text.strip()) or cell.column == 0


def test_proforma_is_prose_one_line_per_printed_line() -> None:
    doc = read_pdf(PROFORMA)
    assert doc.media == "pdf" and doc.pages == 2
    assert all(len(line.cells) == 1 and line.cells[0].column is None for line in doc.lines)
    texts = [line.text for line in doc.lines]
    assert texts[:4] == [
        "STOCKTON-ON-TEES BOROUGH COUNCIL",
        "CABINET RECOMMENDATIONS",
        "PROFORMA",
        "Cabinet Meeting .....12th March 2015",
    ]
    assert texts[-2:] == ["Proper Officer", "16 March 2015"]
    page_2 = [line for line in doc.lines if line.page == 2]
    assert page_2[0].text.startswith("- Identify who should receive training")
    assert [line.number for line in page_2[:2]] == [1, 2]


def test_document_fields() -> None:
    doc = read_pdf(RULED, source_file="papers/ruled.pdf")
    assert doc.source_file == "papers/ruled.pdf"
    assert doc.sha256 == hashlib.sha256(RULED.read_bytes()).hexdigest()
    assert (doc.media, doc.pages, doc.notes) == ("pdf", 4, ())


# -- built PDFs: the cases the samples lack -----------------------------------------------------


@pytest.mark.parametrize("name", ["row-cut-mid-sentence", "row-cut-mid-sentence-borderless"])
def test_row_cut_mid_sentence(built: dict[str, Path], name: str) -> None:
    doc = read_pdf(built[name])
    rows = _table_rows(doc)
    assert [r.page for r in rows] == [1, 1, 2, 2]  # header, row 1, its continuation, row 2
    header, row_1, rest, row_2 = rows
    assert header.cells[4].text == "Quarter 3 evidence of progress"
    assert row_1.cells[0].text == "1" and rest.cells[0].text == ""
    assert [c.text for c in rest.cells if c.column != 4] == ["", "", "", "", ""]
    # The sentence is cut mid-way: the continuation starts in lower case.
    assert rest.cells[4].text[0].islower()
    evidence = _flat(row_1.cells[4].text + " " + rest.cells[4].text)
    assert evidence == pdf_builders.LONG_EVIDENCE
    assert _texts(row_2)[0] == "2" and row_2.cells[5].text == "3 – Slipped"
    assert doc.furniture == (pdf_builders.RUNNING_HEADER, "1", "2")


def test_table_after_prose(built: dict[str, Path]) -> None:
    doc = read_pdf(built["table-after-prose"])
    prose = [line.text for line in doc.lines if line.cells[0].column is None]
    assert prose[1] == "Appendix 1: progress on the recommendations of the review."
    first_row = next(i for i, line in enumerate(doc.lines) if line.cells[0].column is not None)
    assert all(line.cells[0].column is None for line in doc.lines[:first_row])
    rows = doc.lines[first_row:]
    assert [r.cells[0].text for r in rows] == ["No.", "1", "2"]
    assert rows[1].cells[2].text == "Head of Libraries"
    assert rows[0].cells[0].box is not None and rows[0].cells[0].box[1] > 100  # half way down


@pytest.mark.parametrize("name", ["two-tables-one-page", "two-tables-one-page-borderless"])
def test_two_tables_on_one_page(built: dict[str, Path], name: str) -> None:
    doc = read_pdf(built[name])
    texts = [line.cells[4].text if len(line.cells) == 6 else line.text for line in doc.lines]
    assert texts == [
        pdf_builders.RUNNING_HEADER,  # one page only: nothing repeats, so not furniture
        "Quarter 3 evidence of progress",
        "Achieved.",
        "Recommendations carried forward from the previous review:",
        "Quarter 4 evidence of progress",
        "Routes kept.",
    ]
    assert doc.lines[5].cells[0].text == "7"
    assert doc.lines[2].cells[3].text == "01/04/17"


def test_landscape_page_between_portrait_ones(built: dict[str, Path]) -> None:
    doc = read_pdf(built["landscape-between-portrait"])
    assert doc.furniture == (pdf_builders.RUNNING_HEADER, "1", "2", "3")
    rows = _table_rows(doc)
    assert {r.page for r in rows} == {2}
    assert [r.cells[0].text for r in rows] == ["No.", "1", "2"]
    prose = [(line.page, line.text) for line in doc.lines if line.cells[0].column is None]
    assert prose == [
        (1, "Report of the Head of Libraries to the Select Committee."),
        (1, "Summary: the committee is asked to note the progress below."),
        (3, "Recommendation: the committee notes the progress made."),
    ]


def test_page_rotated_90_degrees(built: dict[str, Path]) -> None:
    doc = read_pdf(built["rotated-page"])
    rows = _table_rows(doc)
    assert {r.page for r in rows} == {2}
    assert _texts(rows[1]) == [
        "1",
        "Opening hours be reviewed.",
        "Head of Libraries",
        "01/04/17",
        "Achieved.",
        "1 – Fully Achieved",
    ]
    # The running header is at the top-left as the page is shown, so it matches the others.
    assert doc.furniture[0] == pdf_builders.RUNNING_HEADER
    assert all(pdf_builders.RUNNING_HEADER not in line.text for line in doc.lines)
