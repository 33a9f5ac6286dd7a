"""Text extracts: encodings, refusals and pages."""

from __future__ import annotations

import codecs

import pytest

from councilpapers.errors import UnreadableFileError
from ingest.decode import decode_text
from ingest.text import read_text_bytes

TRACKER_LINE = "No.\tRecommendation\tLink Officer – café\n"


@pytest.mark.parametrize(
    ("data", "warnings"),
    [
        (TRACKER_LINE.encode("utf-8"), []),
        (codecs.BOM_UTF8 + TRACKER_LINE.encode("utf-8"), []),
        (TRACKER_LINE.encode("cp1252"), ["encoding-cp1252"]),  # saved on Windows
        (TRACKER_LINE.encode("utf-16"), []),  # Notepad's "Unicode", BOM first
        (codecs.BOM_UTF16_BE + TRACKER_LINE.encode("utf-16-be"), []),
    ],
)
def test_encodings_read_to_the_same_text(data: bytes, warnings: list[str]) -> None:
    text, problems = decode_text(data, "x.txt")
    assert text == TRACKER_LINE
    assert [p.code for p in problems] == warnings


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "file-empty"),
        (b" \n\t\n", "file-empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "file-binary"),
        (bytes(range(1, 32)) * 20, "file-binary"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8", "file-encoding"),  # a lone surrogate
    ],
)
def test_refusals_name_the_file(data: bytes, code: str) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        decode_text(data, "papers/x.txt")
    assert caught.value.code == code
    assert str(caught.value).startswith("papers/x.txt: ")


def test_form_feeds_start_pages_and_tabs_make_cells() -> None:
    doc = read_text_bytes(b"a\tb\nc\fd\n\x0ce\tf\n", "x.txt")
    assert doc.pages == 3
    assert [(line.page, line.number, [c.text for c in line.cells]) for line in doc.lines] == [
        (1, 1, ["a", "b"]),
        (1, 2, ["c"]),  # text before a form feed ends its page; nothing is lost
        (2, 2, ["d"]),
        (3, 3, ["e", "f"]),
        (3, 4, [""]),
    ]
    assert [c.column for c in doc.lines[0].cells] == [0, 1]
    assert doc.lines[2].cells[0].column is None
