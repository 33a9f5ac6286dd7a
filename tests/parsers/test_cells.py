"""Laying ` / `-separated lines out in the header's columns."""

from __future__ import annotations

from ingest.model import Cell, Line
from parsers.cells import align_cells
from parsers.tracker_header import header_from_line

HEADER = header_from_line(
    Line(1, 1, (Cell("No. / Recommendation / Link Officer / Target Date / Progress / Assessment"),))
)


def _align(text: str) -> tuple[str, ...]:
    assert HEADER is not None
    cells = align_cells(Line(1, 2, (Cell(text),)), HEADER)
    assert cells is not None
    return cells.texts


def test_slash_inside_a_recommendation_and_between_two_officers() -> None:
    assert _align(
        "1 / Schools report attendance / engagement figures each term. / Head of Community "
        "Safety / Head of Education / March 2014 / Termly reports agreed. / 2 – On track"
    ) == (
        "1",
        "Schools report attendance / engagement figures each term.",
        "Head of Community Safety / Head of Education",
        "March 2014",
        "Termly reports agreed.",
        "2 – On track",
    )


def test_slash_inside_evidence() -> None:
    assert (
        _align(
            "2 / Review it. / Head of Policy / May 2016 / Attendance / engagement is good. "
            "/ 1 - Achieved"
        )[4]
        == "Attendance / engagement is good."
    )


def test_continuation_line_with_empty_cells() -> None:
    assert _align(" / with access for all partners. /  /  / a joint specification. / ") == (
        "",
        "with access for all partners.",
        "",
        "",
        "a joint specification.",
        "",
    )


def test_prose_is_not_a_row() -> None:
    assert HEADER is not None
    assert align_cells(Line(1, 9, (Cell("Appendix 2 follows."),)), HEADER) is None
