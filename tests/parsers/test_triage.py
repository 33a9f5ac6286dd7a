"""Triage: a long paper is read closely only where a tracker or decision record is, and finds
exactly the rows a full read finds (the real samples, bound into agenda packs of prose)."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from councilpapers.pipeline import FileResult, ReadOptions, process_file
from ingest.triage import read_page_texts
from parsers.tracker_header import roles_in
from parsers.triage import MIN_PAGES, choose_pages
from tests.conftest import PDF

RULED = PDF / "stockton_cse_progress_2016-06-29_ruled.pdf"
BORDERLESS = PDF / "stockton_cse_progress_2016-06-29_borderless.pdf"
PROFORMA = PDF / "stockton_cse_cabinet_proforma_2015-03-12.pdf"
# Prose that talks like a scrutiny report: every word a tracker header uses, in sentences.
PROSE = (
    "The Committee considered progress on the recommendations of the review and the lead "
    "officer responsible for each action reported the target date and current status. "
    "Members asked for an update on the assessment of progress at the next meeting, with "
    "evidence of progress against each recommendation and the timescale agreed by Cabinet."
)
OFF = ReadOptions(ocr=False)
FULL = ReadOptions(ocr=False, triage=False)


def _prose_pages(count: int, first: int) -> bytes:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1)
    for n in range(count):
        canvas.setFont("Helvetica", 10)
        for k in range(40):
            canvas.drawString(56, 780 - 18 * k, PROSE[(k * 23) % 160 :][:95])
        canvas.drawCentredString(298, 30, f"Page {first + n}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _bind(parts: list[bytes | Path]) -> bytes:
    """Given PDFs, return one PDF of all their pages in order (an agenda pack)."""
    pack = pdfium.PdfDocument.new()
    for part in parts:
        source = pdfium.PdfDocument(part.read_bytes() if isinstance(part, Path) else part)
        pack.import_pages(source)
    buffer = io.BytesIO()
    pack.save(buffer)
    return buffer.getvalue()


def _pack(tmp_path: Path, paper: Path, before: int = 6, after: int = 3) -> tuple[Path, int]:
    """Given a sample, return it bound between prose pages, and how many pages come before."""
    data = _bind([_prose_pages(before, 1), paper, _prose_pages(after, before + 20)])
    path = tmp_path / f"pack-with-{paper.name}"
    path.write_bytes(data)
    return path, before


def _rows(result: FileResult, offset: int = 0) -> list[tuple[object, ...]]:
    """The rows as a reader of the paper sees them, pages counted from the paper's start."""
    rows = [*result.progress, *result.decisions]
    keep = ("rec_no", "sub_item", "recommendation", "text", "officers", "due_raw", "evidence",
            "status_code", "period", "line")  # fmt: skip
    return [
        (
            r.page - offset,
            tuple(getattr(r, k, None) for k in keep),
            tuple(p - offset for p in r.pages),
        )
        for r in rows
    ]


@pytest.mark.parametrize("paper", [RULED, BORDERLESS, PROFORMA], ids=lambda p: p.stem)
def test_a_sample_bound_in_a_pack_gives_the_rows_it_gives_alone(
    paper: Path, tmp_path: Path
) -> None:
    alone = process_file(paper, options=FULL)
    pack, offset = _pack(tmp_path, paper)
    triaged = process_file(pack, options=OFF)
    assert triaged.error is None
    assert _rows(triaged, offset) == _rows(alone)
    pages = alone.document.pages if alone.document else 0
    assert triaged.pages_read <= pages + 1  # the paper, and at most the page after it


@pytest.mark.parametrize("paper", [RULED, PROFORMA], ids=lambda p: p.stem)
def test_triage_finds_every_row_a_full_read_of_the_pack_finds(paper: Path, tmp_path: Path) -> None:
    pack, _ = _pack(tmp_path, paper)
    triaged, full = process_file(pack, options=OFF), process_file(pack, options=FULL)
    assert full.document is not None and triaged.document is not None
    # A full read can find fewer: the paper's running header is on too few of the pack's
    # pages to count as furniture, so it cuts the table (ruled sample: 5 rows of 15).
    keys = {(r.rec_no, getattr(r, "sub_item", "")) for r in [*full.progress, *full.decisions]}
    found = {
        (r.rec_no, getattr(r, "sub_item", "")) for r in [*triaged.progress, *triaged.decisions]
    }
    assert keys <= found
    same = ("council", "title", "kind", "pages", "meeting_date", "presented_date")
    assert [getattr(triaged.document, k) for k in same] == [getattr(full.document, k) for k in same]


def test_the_pages_chosen_are_the_papers_and_the_one_after(tmp_path: Path) -> None:
    pack, before = _pack(tmp_path, RULED)
    pages = read_page_texts(pack.read_bytes(), pack.name)
    assert pages is not None
    choice = choose_pages(pages)
    assert choice.total == before + 4 + 3
    paper = tuple(range(before + 1, before + 5))
    assert choice.tracker_pages == paper  # the header repeats on each page
    assert choice.pages == (*paper, before + 5)


@pytest.mark.parametrize("paper", sorted(PDF.glob("*.pdf")), ids=lambda p: p.stem)
def test_short_papers_are_read_in_full(paper: Path) -> None:
    pages = read_page_texts(paper.read_bytes(), paper.name)
    assert pages is not None and len(pages) <= MIN_PAGES
    assert choose_pages(pages).every_page


def test_scanned_pages_cannot_be_judged_so_they_are_read(tmp_path: Path) -> None:
    scanned = PDF / "stockton_cse_progress_2016-06-29_scanned.pdf"
    pack, _ = _pack(tmp_path, scanned)
    pages = read_page_texts(pack.read_bytes(), pack.name)
    assert pages is not None
    assert choose_pages(pages).pages == (7, 8, 9, 10)


def test_a_pack_of_prose_only_is_not_read_closely(tmp_path: Path) -> None:
    path = tmp_path / "prose.pdf"
    path.write_bytes(_prose_pages(12, 1))
    result = process_file(path, options=OFF)
    assert result.pages_read == 0
    assert result.error is not None and result.error.code == "kind-unknown"


def test_too_many_pages_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    path.write_bytes(_prose_pages(12, 1))
    result = process_file(path, options=dataclasses.replace(OFF, max_pages=10))
    assert result.error is not None and result.error.code == "pdf-too-many-pages"
    assert "12 pages" in result.error.message


def test_roles_in_names_every_role_a_text_mentions() -> None:
    assert roles_in("Recommendation Link Officer") == {"recommendation", "officer"}
    assert roles_in("Members discussed the weather.") == set()
