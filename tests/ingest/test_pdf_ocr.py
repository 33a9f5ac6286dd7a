"""Scanned pages: rules found in pixels, OCR'd words cleaned of rule residue, results cached."""

from __future__ import annotations

import io
from pathlib import Path
from types import ModuleType

import pypdfium2
import pytest
from PIL import Image, ImageDraw

from ingest import ocr
from ingest.ocr import OcrSettings, default_cache_dir, scan_dpi
from ingest.pdf import read_pdf
from ingest.pdf_rulings import rulings_from_image
from tests.ingest import pdf_builders
from tests.ingest.conftest import RULED

# -- without tesseract ----------------------------------------------------------------------


def test_cache_dir_follows_councilpapers_cache_then_xdg(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("COUNCILPAPERS_CACHE", str(tmp_path / "cp"))
    assert default_cache_dir() == tmp_path / "cp" / "ocr"
    monkeypatch.delenv("COUNCILPAPERS_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "councilpapers" / "ocr"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert default_cache_dir() == Path.home() / ".cache" / "councilpapers" / "ocr"
    assert OcrSettings(cache_dir=tmp_path).resolved_cache_dir() == tmp_path


@pytest.mark.parametrize(
    ("native", "used"),
    [(150.0, 150.0), (96.0, 150.0), (600.0, 300.0), (None, 300.0)],
)
def test_scans_are_read_at_their_own_resolution_within_bounds(
    native: float | None, used: float
) -> None:
    assert scan_dpi(native) == used


def test_rules_are_found_in_a_scan_and_text_is_not() -> None:
    scale = 150 / 72
    image = Image.new("L", (1000, 600), 255)
    draw = ImageDraw.Draw(image)
    draw.line([(100, 100), (900, 100)], fill=0, width=1)  # a row rule
    draw.line([(300, 100), (300, 500)], fill=20, width=2)  # a column rule, two pixels wide
    draw.line([(100, 300), (120, 300)], fill=0, width=1)  # a dash, 9.6pt: too short for a rule
    draw.rectangle((500, 300, 700, 400), fill=0)  # a black box: too thick for a rule
    draw.text((400, 200), "Head of Libraries — 1 – Fully Achieved", fill=0)
    rulings = rulings_from_image(image, scale)
    # In pixels: each rule's ends, and its middle across its thickness.
    found = sorted(
        (round(r["x0"] * scale, 1), round(r["top"] * scale, 1), round(r["x1"] * scale, 1))
        for r in rulings
    )
    assert found == [(100.0, 100.5, 901.0), (301.0, 100.0, 301.0)]


def _fake_tesseract(reread: str) -> ModuleType:
    """A stand-in for pytesseract whose re-read of a cropped word returns `reread`."""
    fake = ModuleType("pytesseract")
    fake.image_to_string = lambda image, config: reread  # type: ignore[attr-defined]
    return fake


RULE = [{"x0": 263.9, "top": 50.0, "x1": 263.9, "bottom": 540.0}]


@pytest.mark.parametrize(
    ("text", "conf", "box", "reread", "expected"),
    [
        # Scanned sample, page 1: a rule's halo read as symbols, on the rule or glued to a word.
        ("|", 96, (264.0, 529.9, 267.4, 541.9), "", ""),
        ("~—", 8, (259.2, 477.6, 267.8, 490.1), "", ""),
        ("}=CATALYST", 1, (269.8, 241.0, 315.8, 247.2), "", "CATALYST"),
        ("_b.", 13, (372.0, 147.4, 378.2, 154.1), "b.", "b."),
        # A lone rec number read doubtfully is read again on its own (page 3, rec 7).
        ("tr", 3, (49.4, 280.8, 55.7, 293.3), "7", "7"),
        # A dash between words is kept; "1-" is not re-read (alone it reads as "=").
        ("–", 85, (121.0, 41.3, 126.2, 42.2), "", "–"),
        ("1-", 13, (701.3, 95.5, 713.3, 101.8), "=", "1-"),
        ("Achieved.", 96, (456.5, 92.9, 496.0, 101.9), "", "Achieved."),
    ],
)
def test_ocr_words_cleaned_of_rule_residue(
    text: str, conf: float, box: tuple[float, float, float, float], reread: str, expected: str
) -> None:
    fake = _fake_tesseract(reread)
    image = Image.new("L", (1800, 1300), 255)
    pixels = (0, 0, 10, 10)
    cleaned = ocr._clean_word(fake, image, text, conf, pixels, box, RULE)
    assert cleaned == expected


# -- with tesseract -------------------------------------------------------------------------


def _page_png(scale: float = 150 / 72) -> bytes:
    image = pypdfium2.PdfDocument(str(RULED))[3].render(scale=scale, grayscale=True).to_pil()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@pytest.mark.usefixtures("needs_tesseract")
def test_a_scanned_page_is_read_once_then_from_the_cache(tmp_path: Path, ocr_cache: Path) -> None:
    path = pdf_builders.mixed_text_and_scanned(tmp_path, _page_png)
    first = read_pdf(path, ocr=OcrSettings(cache_dir=ocr_cache))
    assert first.media == "ocr"
    assert [n.code for n in first.notes] == ["pdf-ocr"]
    assert len(list(ocr_cache.rglob("*.json"))) == 1  # page 2 only; page 1 has a text layer
    # Ruled sample page 4 (its own header row, then the end of rec 10a, sub-items b. and c.,
    # and rec 11); its running header is prose here, on one page of two.
    header, *scanned = [line for line in first.lines if line.page == 2 and len(line.cells) == 6]
    assert header.cells[2].text == "Link Officer"
    assert [line.cells[2].text for line in scanned] == [
        "",
        "b. Corporate Director,\nCESC",
        "c. Chair Tees\nStrategic VEMT",
        "Head of CYP Services",
    ]
    assert [line.cells[3].text for line in scanned][1:] == [
        "b. May 2015",
        "c. August 2015",
        "April 2015",
    ]
    # With no tesseract at all, the cached words give the same document.
    again = read_pdf(path, ocr=OcrSettings(cache_dir=ocr_cache, tesseract_cmd="/nonexistent"))
    assert again.lines == first.lines


@pytest.mark.usefixtures("needs_tesseract")
def test_a_corrupt_cache_entry_is_read_again(tmp_path: Path, ocr_cache: Path) -> None:
    path = pdf_builders.mixed_text_and_scanned(tmp_path, _page_png)
    first = read_pdf(path)
    (entry,) = ocr_cache.rglob("*.json")
    entry.write_text("{not json", encoding="utf-8")
    assert read_pdf(path).lines == first.lines
