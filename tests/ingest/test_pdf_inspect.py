"""`inspect_pdf_page`: a picture of a page with the detected table, columns, rows, furniture."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageChops

from councilpapers.errors import CouncilPapersError
from ingest.pdf_inspect import inspect_pdf_page
from tests.ingest.conftest import BORDERLESS, RULED


def _count(image: Image.Image, colour: tuple[int, int, int]) -> int:
    histogram = image.convert("RGB").getcolors(maxcolors=1 << 24) or []
    return sum(n for n, pixel in histogram if pixel == colour)


@pytest.mark.parametrize("path", [RULED, BORDERLESS], ids=["ruled", "borderless"])
def test_inspect_draws_rows_and_furniture_on_the_page(path: Path) -> None:
    image = inspect_pdf_page(path, 2, resolution=72)
    plain = inspect_pdf_page(path, 2, resolution=72)
    assert image.size == (842, 596 + 16)  # the page (595.3pt) at 72 dpi, and the legend
    assert ImageChops.difference(image, plain).getbbox() is None  # same page, same picture
    assert _count(image, (0, 150, 0)) > 1000  # row cells drawn in green


def test_inspect_draws_borderless_column_boundaries() -> None:
    image = inspect_pdf_page(BORDERLESS, 3, resolution=72)
    assert _count(image, (150, 0, 200)) > 500  # purple column lines


def test_inspect_refuses_a_page_that_is_not_there() -> None:
    with pytest.raises(CouncilPapersError) as caught:
        inspect_pdf_page(RULED, 9)
    assert caught.value.code == "page-out-of-range"
    assert "the PDF has 4 pages" in caught.value.message
