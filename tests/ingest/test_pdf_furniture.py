"""Page furniture and header rows, on hand-made lines: what repeats where, and what a header is."""

from __future__ import annotations

import pytest

from ingest.pdf_furniture import PageLines, find_furniture, is_page_number
from ingest.pdf_header import is_header_cells, is_header_line, key_column, same_header
from ingest.pdf_layout import TextLine, Word

PORTRAIT = (595.0, 842.0)
LANDSCAPE = (842.0, 595.0)


def _line(text: str, x0: float, top: float, size: float = 9.0) -> TextLine:
    """A line of words 2.5pt apart, each 5pt a letter wide (close enough for geometry)."""
    words = []
    x = x0
    for token in text.split():
        words.append(Word(token, x, top, x + 5 * len(token), top + size))
        x += 5 * len(token) + 2.5
    return TextLine(tuple(words))


def _page(number: int, lines: list[TextLine], size: tuple[float, float] = PORTRAIT) -> PageLines:
    return PageLines(number=number, width=size[0], height=size[1], lines=lines)


_WORDS = ("officers", "agreed", "the", "timetable", "and", "the", "survey", "reported", "what",
          "residents", "asked", "for")  # fmt: skip


def _body(n: int) -> list[TextLine]:
    """Five lines of content, worded differently on every page (not just renumbered)."""
    return [
        _line(" ".join(_WORDS[(n * 5 + k + i) % len(_WORDS)] for i in range(6)), 50, 100 + 12 * k)
        for k in range(5)
    ]


def test_running_header_and_page_numbers_repeat_at_one_place() -> None:
    pages = [
        _page(
            n,
            [_line("Progress Update – Library Review", 50, 30), *_body(n), _line(str(n), 290, 800)],
        )
        for n in (1, 2, 3, 4)
    ]
    found = find_furniture(pages)
    assert found.texts == ("Progress Update – Library Review", "1", "2", "3", "4")
    assert all(found.lines[n] == {0, 6} for n in (1, 2, 3, 4))


def test_a_landscape_page_matches_by_distance_from_the_page_edges() -> None:
    # The page number is centred and 42pt above the foot on every page, whatever its size.
    sizes = [PORTRAIT, LANDSCAPE, PORTRAIT]
    pages = []
    for n, size in enumerate(sizes, 1):
        footer = _line(str(n), size[0] / 2 - 2.5, size[1] - 42 - 9)
        pages.append(_page(n, [_line("Library Review", 40, 30), *_body(n), footer], size))
    found = find_furniture(pages)
    assert found.texts == ("Library Review", "1", "2", "3")
    assert found.lines[2] == {0, 6}


def test_ocr_readings_of_one_running_header_count_as_one() -> None:
    readings = [
        "Progress Update — Child Sexual Exploitation",
        "Progress Update — Child Sexual Exploitatlon",
    ]
    pages = [_page(n, [_line(readings[n % 2], 50, 30), *_body(n)]) for n in (1, 2, 3)]
    found = find_furniture(pages)
    assert found.texts == (readings[1],)  # the most common reading, for all three pages


def test_protected_lines_are_never_furniture() -> None:
    header = _line("No. Recommendation Link Officer", 50, 50)
    pages = [
        PageLines(n, *PORTRAIT, lines=[header, *_body(n)], protected=frozenset({0}))
        for n in (1, 2, 3)
    ]
    assert find_furniture(pages).texts == ()


def test_prose_that_repeats_elsewhere_is_not_furniture() -> None:
    # The same words at different heights (a heading that recurs mid-page) are content.
    pages = [_page(n, [_line("Recommendations", 50, 100 + 40 * n), *_body(n)]) for n in (1, 2, 3)]
    assert find_furniture(pages).texts == ()


def test_a_single_page_loses_only_its_own_page_number() -> None:
    found = find_furniture([_page(1, [*_body(1), _line("1", 290, 800)])])
    assert (found.texts, found.lines[1]) == (("1",), {5})


@pytest.mark.parametrize(
    ("text", "page", "expected"),
    [
        ("3", 3, True),
        ("Page 3 of 9", 3, True),
        ("- 3 -", 3, True),
        ("3", 4, False),
        ("3 – Slipped", 3, False),
    ],
)
def test_page_numbers(text: str, page: int, expected: bool) -> None:
    assert is_page_number(text, page) is expected


# -- header rows --------------------------------------------------------------------------------

# Cell texts from the ruled sample, page 1: the header row, and rows 1 and 2.
HEADER = [
    "No.",
    "Recommendation",
    "Link Officer",
    "Anticipated\nCompletion Date/\nCompletion Date",
    "Quarter 1/2 evidence of progress Presented to\nCommittee 29 June 2016 …",
    "Assessment of\nprogress\n(Categories 1-4)",
]
ROW_1 = ["1", "The number, membership and …", "Chair Tees Strategic\nVEMT", "01/08/15",
         "Achieved. Membership of strategic VEMT has been …", "1 – Fully Achieved"]  # fmt: skip
# Rec 9's evidence starts "Progressing": a heading word only in part.
ROW_9 = ["9", "Work is commissioned, …", "Chair of the VEMT\nSub Group", "01/12/15",
         "Progressing but not yet completed. …", "3 – Slipped"]  # fmt: skip


def test_header_row_found_by_its_words() -> None:
    assert is_header_cells(HEADER)
    assert not is_header_cells(ROW_1)
    assert not is_header_cells(ROW_9)
    assert key_column(HEADER) == 0
    assert key_column(["Recommendation", "Ref", "Lead", "Status"]) == 1


def test_header_line_needs_its_words_apart_in_columns() -> None:
    line = TextLine(
        tuple(
            Word(text, x0, 51.0, x0 + 5 * len(text), 60.0)
            for text, x0 in [("No.", 51.1), ("Recommendation", 85.1), ("Link", 269.4),
                             ("Officer", 290.4), ("Anticipated", 371.4), ("Quarter", 456.5),
                             ("Assessment", 700.2), ("of", 755.7)]
        )
    )  # fmt: skip
    assert is_header_line(line, gutter=7.2)
    # The same words run together as prose are not a header.
    prose = _line("No recommendation date or progress assessment was given", 50, 100)
    assert not is_header_line(prose, gutter=7.2)


def test_a_repeated_header_matches_despite_ocr_noise() -> None:
    noisy = [t.replace("Date/", "Datel") for t in HEADER]
    assert same_header(HEADER, noisy)
    assert not same_header(HEADER, [*HEADER[:4], "Quarter 4 evidence of progress", HEADER[5]])
