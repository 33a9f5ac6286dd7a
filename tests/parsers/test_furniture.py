"""Page furniture and junk, as found in the seed tracker."""

from __future__ import annotations

from collections import Counter

import pytest

from parsers.furniture import is_cell_junk, is_foreign_script, is_furniture_line
from parsers.vocabulary import document_words
from tests.conftest import TRACKER_SEED

VOCABULARY = document_words(TRACKER_SEED.read_text().splitlines())


@pytest.mark.parametrize(
    "text",
    ["1", "2", "1 1", "00000.", "1.55.03 25", "a -", "ายเลแบบ เบ เบเร ลเยล."],  # all seed
)
def test_junk_cells(text: str) -> None:
    assert is_cell_junk(text)


@pytest.mark.parametrize(
    "text",
    [
        "2015.",
        "01/08/15",
        "21.05.15.",
        "b.",
        "a)",
        "Achieved.",
        "cases.",
        "EHA, and as part",
        "a. 01/11/15",  # rec 6a's date in the PDFs
    ],
)
def test_content_cells(text: str) -> None:
    assert not is_cell_junk(text)


def test_thai_line_is_foreign() -> None:
    assert is_foreign_script("ายเลแบบ เบ เบเร ลเยล.")
    assert not is_foreign_script("Stockton-on-Tees: café")


@pytest.mark.parametrize(
    "text",
    ["1 Togress opeats Office Coxeta Experience", "r rogress opuale – Criliu Sexual Exploitation"],
)
def test_ocr_running_headers_after_a_page_break(text: str) -> None:
    assert is_furniture_line(text, after_break=True, column_complete=True, vocabulary=VOCABULARY)
    # The same words mid-page are not a running header.
    assert not is_furniture_line(
        text, after_break=False, column_complete=True, vocabulary=VOCABULARY
    )


@pytest.mark.parametrize(
    "text",
    [
        "Barnardo's have indicated this",  # seed rec 9, after a blank line
        "of the scrutiny review of",  # seed rec 10, wrapped recommendation
        "A review of scrutiny documents for",
    ],
)
def test_wrapped_content_is_kept(text: str) -> None:
    assert not is_furniture_line(
        text, after_break=True, column_complete=True, vocabulary=VOCABULARY
    )


def test_known_header_matches_whole_line_only() -> None:
    empty: Counter[str] = Counter()
    assert is_furniture_line(
        "Progress Update", after_break=True, column_complete=False, vocabulary=empty
    )
    assert is_furniture_line(
        "Progress Update – Child Sexual Exploitation",
        after_break=True,
        column_complete=False,
        vocabulary=empty,
        furniture=["Progress Update – Child Sexual Exploitation"],
    )
