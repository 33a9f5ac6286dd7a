"""Header rows: what each column holds, however a council words it."""

from __future__ import annotations

import pytest

from ingest.model import Cell, Line
from parsers.tracker_header import header_from_line, role_of


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("No.", "no"),
        ("Ref", "no"),
        ("Recommendation", "recommendation"),
        ("Link Officer", "officer"),  # seed
        ("Responsibility", "officer"),
        ("Lead Officer/EM", "officer"),
        ("Anticipated Completion Date/ Completion Date", "date"),  # seed
        ("Timescale", "date"),
        ("Target Date", "date"),
        (
            "Quarter 1/2 evidence of progress Presented to Committee 29 June 2016 (Please state "
            "current position on recommendation or alternative action taken)",
            "evidence",
        ),  # seed: mentions "recommendation" and "action" but is the evidence column
        ("Progress Update Presented to Committee 14 January 2016", "evidence"),
        ("Assessment of progress (Categories 1-4)", "assessment"),  # seed
        ("RAG Status", "assessment"),
        ("Status", "assessment"),
        ("Notes", "other"),
    ],
)
def test_roles(label: str, role: str) -> None:
    assert role_of(label) == role


def _tabbed(*labels: str) -> Line:
    return Line(1, 1, tuple(Cell(label, i) for i, label in enumerate(labels)))


def test_two_quarters_pair_each_evidence_with_its_assessment() -> None:
    header = header_from_line(
        _tabbed(
            "No.",
            "Recommendation",
            "Lead Officer/EM",
            "Anticipated Completion Date",
            "Q3&4 Progress Update Presented to Committee on 16 June 2015",
            "Assessment of progress",
            "Quarter 1/2 evidence of progress Presented to Committee on 15 December 2015",
            "Assessment of progress",
        )
    )
    assert header is not None
    assert [
        (q.evidence.index, q.assessment.index if q.assessment else None) for q in header.quarters
    ] == [
        (4, 5),
        (6, 7),
    ]
    assert [(q.period_raw, q.presented_raw) for q in header.quarters] == [
        ("Q3&4", "16 June 2015"),
        ("Quarter 1/2", "15 December 2015"),
    ]


def test_glued_header_is_split() -> None:
    line = Line(1, 1, (Cell("No. / Recommendation / Link Officer / Target Date / "
                             "Progress at 11/11/2013Assessment of progress"),))  # fmt: skip
    header = header_from_line(line)
    assert header is not None
    assert header.separator == " / "
    assert [c.role for c in header.columns] == [
        "no", "recommendation", "officer", "date", "evidence", "assessment",
    ]  # fmt: skip
    assert header.quarters[0].presented_raw == "11/11/2013"


def test_pipe_header() -> None:
    line = Line(
        1, 1, (Cell("| Ref | Recommendation | Lead Officer | Target Date | Update | Status |"),)
    )
    header = header_from_line(line)
    assert header is not None and header.separator == "|"
    assert len(header.columns) == 6


@pytest.mark.parametrize(
    "text",
    [
        "RESOLVED that:-",
        "1. The number, membership and accountability arrangements for the VEMT groups",
        "No. Recommendation",  # too few columns
    ],
)
def test_not_headers(text: str) -> None:
    assert header_from_line(Line(1, 1, (Cell(text),))) is None
