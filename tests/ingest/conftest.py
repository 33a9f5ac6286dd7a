"""Fixtures for the PDF reader's tests: built PDFs, OCR caches, and whether tesseract runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import PDF
from tests.ingest import pdf_builders

RULED = PDF / "stockton_cse_progress_2016-06-29_ruled.pdf"
BORDERLESS = PDF / "stockton_cse_progress_2016-06-29_borderless.pdf"
SCANNED = PDF / "stockton_cse_progress_2016-06-29_scanned.pdf"
PROFORMA = PDF / "stockton_cse_cabinet_proforma_2015-03-12.pdf"


def tesseract_missing() -> str | None:
    """Return why OCR cannot run here, or None when it can."""
    try:
        import pytesseract
    except ImportError:
        return "pytesseract is not installed (pip install 'councilpapers[ocr]')"
    if shutil.which("tesseract") is None:
        return "the tesseract program is not installed (apt-get install tesseract-ocr)"
    try:
        pytesseract.get_tesseract_version()
    except Exception as exc:  # any failure to start it means OCR cannot be tested here
        return f"tesseract does not run: {exc}"
    return None


@pytest.fixture
def needs_tesseract() -> None:
    reason = tesseract_missing()
    if reason is not None:
        pytest.skip(f"OCR test not run: {reason}")


@pytest.fixture
def ocr_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty OCR cache for this test, used by default settings too."""
    root = tmp_path / "cache"
    monkeypatch.setenv("COUNCILPAPERS_CACHE", str(root))
    return root / "ocr"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every built PDF, by file stem (`row-cut-mid-sentence`, `encrypted`, …)."""
    folder = tmp_path_factory.mktemp("built-pdfs")
    paths = [
        pdf_builders.row_cut_mid_sentence(folder),
        pdf_builders.row_cut_mid_sentence(folder, ruled=False),
        pdf_builders.table_after_prose(folder),
        pdf_builders.two_tables_one_page(folder),
        pdf_builders.two_tables_one_page(folder, ruled=False),
        pdf_builders.landscape_between_portrait(folder),
        pdf_builders.rotated_page(folder),
        pdf_builders.encrypted(folder),
        pdf_builders.damaged_truncated(folder, RULED),
        pdf_builders.empty_file(folder),
        pdf_builders.no_pages(folder),
        pdf_builders.not_a_pdf(folder),
    ]
    return {path.stem: path for path in paths}
