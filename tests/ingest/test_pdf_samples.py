"""Golden tests: each sample PDF, parsed, gives the records of its text seed, field by field.

The PDFs are the seeds' content in the council's layout, so every field but provenance must
agree. Where the paper itself prints something other than the seed's extract, the test says
so beside the field. The scanned PDF must agree on officers, dates, assessments and rec numbers;
its evidence may carry OCR noise.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from rapidfuzz import fuzz

from councilpapers.pipeline import FileResult, process_document, process_file
from ingest.ocr import OcrSettings
from ingest.pdf import read_pdf
from tests.conftest import DECISION_SEED, TRACKER_SEED
from tests.ingest.conftest import BORDERLESS, PROFORMA, RULED, SCANNED

#: Where a record came from: these differ between a text extract and a PDF by design.
PROVENANCE = {"doc_id", "source_file", "sha256", "media", "page", "line", "pages", "cell_boxes"}
#: Counts that follow from the layout, not the content (pages; problems the seed's OCR debris
#: raises and the clean PDFs do not).
LAYOUT = {"pages", "problems"}
#: The tracker's title comes from the PDFs' running header; the seed's are OCR debris.
TRACKER_TITLE = "Child Sexual Exploitation"
#: Fields the scan must get exactly right.
SCAN_EXACT = (
    "rec_no",
    "sub_item",
    "officers",
    "officer_raw",
    "due_raw",
    "due_date",
    "due_precision",
    "status_code",
    "status_label",
    "status_scale",
)


def _fields(record: object, skip: set[str]) -> dict[str, Any]:
    values: dict[str, Any] = dataclasses.asdict(record)  # type: ignore[call-overload]
    return {k: v for k, v in values.items() if k not in skip}


def _key(row: Any) -> str:
    return f"{row.rec_no}{row.sub_item}"


@pytest.fixture(scope="module")
def tracker_seed() -> FileResult:
    return process_file(TRACKER_SEED)


@pytest.fixture(scope="module")
def decision_seed() -> FileResult:
    return process_file(DECISION_SEED)


@pytest.fixture(scope="module", params=[RULED, BORDERLESS], ids=["ruled", "borderless"])
def tracker_pdf(request: pytest.FixtureRequest) -> FileResult:
    path: Path = request.param
    return process_file(path)


def _seed_dashes(value: str) -> str:
    # The seed's extract has "3 - Slipped" for recs 3, 6 and 9 where the paper prints an en
    # dash like every other assessment ("3 – Slipped", ruled and borderless samples).
    return value.replace(" - ", " – ")


# -- tracker, ruled and borderless: every field ---------------------------------------------


def test_tracker_pdf_gives_the_seeds_fifteen_rows(
    tracker_pdf: FileResult, tracker_seed: FileResult
) -> None:
    assert tracker_pdf.error is None
    assert [_key(r) for r in tracker_pdf.progress] == [_key(r) for r in tracker_seed.progress]
    assert len(tracker_pdf.progress) == 15


@pytest.mark.parametrize("index", range(15))
def test_tracker_pdf_row_equals_seed_row(
    tracker_pdf: FileResult, tracker_seed: FileResult, index: int
) -> None:
    got, want = tracker_pdf.progress[index], tracker_seed.progress[index]
    skip = PROVENANCE | {"title"}
    expected = _fields(want, skip)
    expected["status_raw"] = _seed_dashes(expected["status_raw"])
    assert _fields(got, skip) == expected
    assert got.title == TRACKER_TITLE


def test_tracker_pdf_rec_6a_date(tracker_pdf: FileResult) -> None:
    # The PDFs print "a. 01/11/15" (the seed "01/11/15"): the marker goes, the date stays.
    got = next(r for r in tracker_pdf.progress if _key(r) == "6a")
    assert (got.due_raw, got.due_date.isoformat() if got.due_date else None) == (
        "01/11/15",
        "2015-11-01",
    )


def test_tracker_pdf_document_equals_seed_document(
    tracker_pdf: FileResult, tracker_seed: FileResult
) -> None:
    assert tracker_pdf.document is not None and tracker_seed.document is not None
    skip = PROVENANCE | LAYOUT | {"title", "parser_version"}
    assert _fields(tracker_pdf.document, skip) == _fields(tracker_seed.document, skip)
    assert tracker_pdf.document.title == TRACKER_TITLE
    assert tracker_pdf.document.media == "pdf"


def test_tracker_pdf_rows_carry_pages_and_cell_boxes(tracker_pdf: FileResult) -> None:
    for row in tracker_pdf.progress:
        boxes = json.loads(row.cell_boxes)
        assert boxes, _key(row)
        # A sub-item starts on its own page; `pages` spans its whole recommendation.
        assert row.page in row.pages
        assert {b["page"] for b in boxes} <= set(row.pages)
        for b in boxes:
            assert 0 <= b["x0"] < b["x1"] <= 842 and 0 <= b["top"] < b["bottom"] <= 596
    spans = {_key(r): r.pages for r in tracker_pdf.progress}
    if tracker_pdf.source_file == str(RULED):
        # Ruled sample: rec 5a runs from page 1 to "Future in Mind training programme." atop
        # page 3; rec 10a continues on page 4.
        assert (spans["5a"], spans["10a"], spans["11"]) == ((1, 2, 3), (3, 4), (4,))
    else:
        assert (spans["3"], spans["10c"]) == ((1, 2), (4, 5))


# -- the scanned tracker: officers, dates, assessments, rec numbers ------------------------------


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> FileResult:
    from tests.ingest.conftest import tesseract_missing

    reason = tesseract_missing()
    if reason is not None:
        pytest.skip(f"OCR golden test not run: {reason}")
    cache = tmp_path_factory.mktemp("ocr-cache")
    return process_document(read_pdf(SCANNED, ocr=OcrSettings(cache_dir=cache)))


def test_scanned_pdf_gives_the_seeds_rows(scanned: FileResult, tracker_seed: FileResult) -> None:
    assert scanned.document is not None and scanned.document.media == "ocr"
    assert scanned.document.title == TRACKER_TITLE
    assert [p.code for p in scanned.notices] == ["pdf-ocr"]
    assert [_key(r) for r in scanned.progress] == [_key(r) for r in tracker_seed.progress]


@pytest.mark.parametrize("index", range(15))
def test_scanned_pdf_row_officers_dates_assessments(
    scanned: FileResult, tracker_seed: FileResult, index: int
) -> None:
    got, want = scanned.progress[index], tracker_seed.progress[index]
    assert {f: getattr(got, f) for f in SCAN_EXACT} == {f: getattr(want, f) for f in SCAN_EXACT}
    # Evidence and recommendation may carry OCR noise, but little of it.
    assert fuzz.ratio(got.evidence, want.evidence) >= 97
    assert fuzz.ratio(got.recommendation, want.recommendation) >= 97


# -- the Cabinet proforma: every field of every decision ------------------------------------------


def test_proforma_pdf_gives_the_seeds_decisions(decision_seed: FileResult) -> None:
    result = process_file(PROFORMA)
    assert result.error is None and len(result.decisions) == 11
    for got, want in zip(result.decisions, decision_seed.decisions, strict=True):
        assert _fields(got, PROVENANCE) == _fields(want, PROVENANCE)
    assert result.document is not None and decision_seed.document is not None
    skip = PROVENANCE | LAYOUT
    assert _fields(result.document, skip) == _fields(decision_seed.document, skip)
    # Rec 6's bullet list starts on page 1 and ends on page 2.
    assert next(d for d in result.decisions if d.rec_no == "6").pages == (1, 2)
