"""PDFs that cannot be read: one line naming the file, a hint, a stable code; the batch goes on."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pypdfium2
import pytest

from councilpapers.errors import UnreadableFileError
from councilpapers.pipeline import process_file
from ingest.ocr import OcrSettings
from ingest.pdf import read_pdf, read_pdf_bytes
from tests.ingest import pdf_builders
from tests.ingest.conftest import RULED, SCANNED


@pytest.mark.parametrize(
    ("name", "code", "reason"),
    [
        ("encrypted", "pdf-encrypted", "encrypted with a password"),
        ("damaged-truncated", "pdf-damaged", "damaged"),
        ("not-a-pdf", "pdf-damaged", "not a PDF"),
        ("empty", "pdf-empty", "empty (0 bytes)"),
        ("no-pages", "pdf-empty", "no pages"),
    ],
)
def test_unreadable_pdf_raises_one_line_with_file_code_and_hint(
    built: dict[str, Path], name: str, code: str, reason: str
) -> None:
    path = built[name]
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf(path)
    error = caught.value
    assert error.code == code
    assert reason in error.message
    assert str(error).startswith(f"{path}: ")
    assert "\n" not in str(error)
    assert error.hint


def test_missing_file_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf(tmp_path / "nowhere.pdf")
    assert caught.value.code == "file-unreadable"


@pytest.mark.parametrize(
    ("settings", "why"),
    [
        (None, "OCR is turned off"),
        (OcrSettings(tesseract_cmd="/nonexistent/tesseract"), "tesseract program was not found"),
    ],
    ids=["ocr-off", "tesseract-missing"],
)
def test_scanned_pdf_without_ocr_names_file_pages_and_how_to_enable_it(
    ocr_cache: Path, settings: OcrSettings | None, why: str
) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf(SCANNED, ocr=settings)
    error = caught.value
    assert error.code == "pdf-scanned-no-ocr"
    assert str(error).startswith(f"{SCANNED}: pages 1–4 are scanned images with no text layer")
    assert why in error.message
    assert "apt-get install tesseract-ocr" in error.hint
    assert "councilpapers[ocr]" in error.hint
    assert not ocr_cache.exists()  # nothing half-written


def test_scanned_pdf_when_pytesseract_is_not_installed(
    ocr_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pytesseract", None)  # `import pytesseract` now fails
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf(SCANNED)
    assert caught.value.code == "pdf-scanned-no-ocr"
    assert "pytesseract is not installed" in caught.value.message


def _picture_of_a_page() -> bytes:
    page = pypdfium2.PdfDocument(str(RULED))[3]
    image = page.render(scale=150 / 72, grayscale=True).to_pil()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_scanned_page_skipped_without_ocr_keeps_the_text_pages(
    tmp_path: Path, ocr_cache: Path
) -> None:
    path = pdf_builders.mixed_text_and_scanned(tmp_path, _picture_of_a_page)
    doc = read_pdf(path, ocr=None)
    assert doc.media == "pdf"
    assert {line.page for line in doc.lines} == {1}
    assert [line.cells[0].text for line in doc.lines] == ["No.", "1"]
    (note,) = doc.notes
    assert (note.code, note.severity, note.page) == ("pdf-scanned-no-ocr", "error", 2)
    assert note.message.startswith("page 2 is a scanned image with no text layer, so it was")
    assert "councilpapers[ocr]" in note.hint


def test_a_broken_pdf_costs_only_itself_in_a_batch(built: dict[str, Path]) -> None:
    results = [process_file(built["damaged-truncated"]), process_file(RULED)]
    assert [r.error.code if r.error else None for r in results] == ["pdf-damaged", None]
    assert len(results[1].progress) == 15


def test_bytes_reader_refuses_empty_bytes() -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_pdf_bytes(b"", "upload.pdf")
    assert (caught.value.code, str(caught.value).split(":")[0]) == ("pdf-empty", "upload.pdf")
