"""Golden tests for the other layouts councils use, one sample each in `samples/text/`.

Expected values were written by reading each sample; every row is checked, field by field.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from councilpapers.pipeline import FileResult, process_file
from tests.conftest import TEXT

D = dt.date


def _rows(name: str) -> FileResult:
    result = process_file(TEXT / name)
    assert result.error is None, result.error
    return result


def _check(records: tuple[object, ...], expected: list[dict[str, Any]]) -> None:
    assert len(records) == len(expected)
    for record, want in zip(records, expected, strict=True):
        got = dataclasses.asdict(record)  # type: ignore[call-overload]
        assert {k: got[k] for k in want} == want


def test_responsibility_header_initials_names_and_rag() -> None:
    """`Responsibility`/`Timescale`/`RAG Status` headers; initials and people as officers; a
    row with two responsibility lines and a revised date pair; a date range; RAG colours."""
    result = _rows("responsibility-initials-rag.txt")
    common = {"title": "Empty Homes", "period": "", "presented_date": D(2016, 1, 14),
              "status_scale": "rag"}  # fmt: skip
    _check(
        result.progress,
        [
            {**common, "line": 3, "rec_no": "1", "sub_item": "",
             "officers": ("DM", "PL", "KL"), "officer_raw": "DM/PL/KL",
             "due_raw": "March 2016", "due_date": D(2016, 3, 1), "due_precision": "month",
             "due_original": "", "due_start": None,
             "status_code": "G", "status_label": "Green", "status_raw": "Green"},
            {**common, "line": 4, "rec_no": "2", "officers": ("Jane Smith",),
             "due_date": D(2015, 6, 1), "status_code": "G",
             "evidence": "Achieved. Empty Homes Officer in post since 1 June 2015.",
             # "Achieved." then a different sentence: no completion date is claimed.
             "achieved_on": None},
            {**common, "line": 5, "rec_no": "3",
             "officers": ("Head of Finance", "Head of Housing"),
             "officer_raw": "Head of Finance Head of Housing",
             "due_raw": "June 2015 April 2016", "due_date": D(2016, 4, 1),
             "due_precision": "month", "due_original": "June 2015",
             "due_original_date": D(2015, 6, 1),
             "status_code": "A", "status_label": "Amber", "status_raw": "Amber"},
            {**common, "line": 7, "rec_no": "4", "officers": ("Tom Brown", "Sarah Jones"),
             "officer_raw": "Tom Brown / Sarah Jones",
             "due_raw": "Jan 2013 – Mar 2016", "due_date": D(2016, 3, 1),
             "due_start": D(2013, 1, 1), "due_original": "",
             "status_code": "R", "status_label": "Red"},
        ],
    )  # fmt: skip


def test_two_quarters_side_by_side_give_a_row_each() -> None:
    """`Lead Officer/EM`; Q3&4 and Quarter 1/2 columns, each with its own assessment."""
    result = _rows("two-quarters-side-by-side.txt")
    q34 = {"period": "Q3/4", "presented_date": D(2015, 6, 16)}
    q12 = {"period": "Q1/2", "presented_date": D(2015, 12, 15)}
    on_track = {"status_code": "2", "status_label": "On track", "status_raw": "2 – On Track",
                "status_scale": "categories-1-4"}  # fmt: skip
    _check(
        result.progress,
        [
            {**q34, **on_track, "rec_no": "1", "officers": ("Head of Youth Services",),
             "evidence": "Link workers allocated to 9 of 13 schools."},
            {**q12, "rec_no": "1", "status_code": "1", "status_label": "Fully Achieved",
             "status_raw": "1- Achieved", "status_scale": "categories-1-4",
             "evidence": "Link workers in place in all 13 schools from September 2015."},
            {**q34, **on_track, "rec_no": "2", "officers": ("Cllr Beall",),
             "due_date": D(2016, 4, 1), "due_original": "June 2015",
             "evidence": "Letter sent to the operator; meeting arranged for July."},
            {**q12, "rec_no": "2", "status_code": "3", "status_label": "Slipped",
             "status_raw": "3 – Slipped", "due_date": D(2016, 4, 1),
             "evidence": "Operator declined to reinstate the route; community transport "
                         "alternative being costed."},
            {**q34, **on_track, "rec_no": "3", "officers": ("DM", "PL"),
             "due_start": D(2015, 1, 1), "due_date": D(2016, 3, 1)},
            {**q12, "rec_no": "3", "status_code": "1", "status_label": "Fully Achieved",
             "status_raw": "Achieved (Fully)",
             "evidence": "Achieved. Forum now meets monthly and has elected a chair."},
        ],
    )  # fmt: skip
    assert result.document is not None
    assert (result.document.period, result.document.presented_date) == ("Q1/2", D(2015, 12, 15))


def test_slash_separated_cells_with_slashes_inside() -> None:
    """` / ` separates cells and also sits inside them; the header `Progress at
    11/11/2013Assessment of progress` lost a boundary; row 3 runs over two lines."""
    result = _rows("slash-separated-glued-header.txt")
    common = {"title": "Anti-Social Behaviour", "presented_date": D(2013, 11, 11), "period": ""}
    _check(
        result.progress,
        [
            {**common, "rec_no": "1",
             "recommendation": "Schools report attendance / engagement figures for pupils known "
                               "to the ASB team to the Community Safety Partnership each term.",
             "officers": ("Head of Community Safety", "Head of Education"),
             "officer_raw": "Head of Community Safety / Head of Education",
             "due_raw": "March 2014", "due_date": D(2014, 3, 1),
             "evidence": "Termly reports agreed with all secondary schools; the first was "
                         "presented to the Partnership in October 2013.",
             "status_code": "2", "status_raw": "2 – On track"},
            {**common, "rec_no": "2", "officers": ("Head of Community Safety",),
             "due_raw": "October 2013", "status_code": "1", "status_label": "Fully Achieved",
             "evidence": "Achieved. Mediation service commissioned from September 2013; 14 "
                         "referrals to date."},
            {**common, "rec_no": "3", "line": 5,
             "recommendation": "A single ASB case management system be shared by the Council, "
                               "Police and housing providers, with access for all partners "
                               "named in the protocol.",
             "officers": ("ASB Team Leader",), "due_raw": "April 2014",
             "evidence": "Procurement delayed while the Police review their own system; a joint "
                         "specification will go to the Partnership in January 2014.",
             "status_code": "3", "status_label": "Slipped"},
        ],
    )  # fmt: skip


def test_pipe_separated_with_coded_references_and_lettered_sub_items() -> None:
    """`|` cells, `SR (25/26) 01` references, `a)`/`b)` sub-item rows, Complete/Ongoing/Paused."""
    result = _rows("pipe-separated-sr-references.txt")
    stem = "Residents be given clearer ways to report fly-tipping:"
    common = {"title": "Fly-tipping", "presented_date": D(2026, 3, 12),
              "status_scale": "complete-ongoing"}  # fmt: skip
    _check(
        result.progress,
        [
            {**common, "rec_no": "SR (25/26) 01", "sub_item": "", "line": 3,
             "officers": ("Head of Environment",), "due_date": D(2025, 9, 1),
             "status_code": "complete", "status_label": "Complete"},
            {**common, "rec_no": "SR (25/26) 02", "sub_item": "a", "line": 5,
             "recommendation": f"{stem} a) an online form linked to the Council's map",
             "officers": ("Digital Services Manager",), "due_date": D(2025, 12, 1),
             "evidence": "Form live since November 2025; 412 reports received.",
             "status_code": "complete"},
            {**common, "rec_no": "SR (25/26) 02", "sub_item": "b", "line": 6,
             "recommendation": f"{stem} b) a QR code on signs at hot spots",
             "officers": ("Street Scene Manager",), "due_date": D(2026, 3, 1),
             "status_code": "paused", "status_label": "Paused", "status_raw": "Paused"},
            {**common, "rec_no": "SR (25/26) 03", "sub_item": "",
             "due_raw": "Ongoing", "due_date": None, "due_precision": None,
             "due_condition": "Ongoing", "status_code": "ongoing", "status_label": "Ongoing"},
        ],
    )  # fmt: skip


def test_cp1252_file_is_read_with_a_warning() -> None:
    result = _rows("cp1252-encoded-tracker.txt")
    assert [p.code for p in result.problems] == ["encoding-cp1252"]
    (row,) = result.progress
    assert row.recommendation == (
        "The Council’s café contracts be reviewed for healthy options – including vending."
    )
    assert (row.due_date, row.achieved_on) == (D(2016, 3, 31), D(2016, 2, 2))


@pytest.mark.parametrize(
    ("name", "reference", "meeting", "texts"),
    [
        (
            "cabinet-decision-record-d150023.txt",
            "D150023",
            D(2015, 7, 9),
            [
                "The Council adopt a risk-based approach to highway inspections in line with the "
                "national Code of Practice.",
                "Residents be told within 10 working days what will be done about a reported "
                "pothole.",
                "The Council should publish its annual highways maintenance programme on its "
                "website by 1 April each year.",
            ],
        ),
        (
            "cabinet-decision-proforma-inline-headings.txt",
            "D250117",
            D(2025, 11, 5),
            [
                "The Council adopt a single fly-tipping enforcement policy across all wards.",
                "Residents be given clearer ways to report fly-tipping: a) an online form linked "
                "to the Council's map; b) a QR code on signs at hot spots.",
                "Data on fines issued be published quarterly.",
            ],
        ),
    ],
)
def test_decision_record_variants(
    name: str, reference: str, meeting: dt.date, texts: list[str]
) -> None:
    result = _rows(name)
    assert result.document is not None
    assert (result.document.reference, result.document.meeting_date) == (reference, meeting)
    assert result.document.body == "Cabinet"
    assert [d.text for d in result.decisions] == texts
    assert [d.rec_no for d in result.decisions] == ["1", "2", "3"]


def test_inline_headings_fill_every_section() -> None:
    doc = _rows("cabinet-decision-proforma-inline-headings.txt").document
    assert doc is not None
    assert (doc.title, doc.reasons, doc.alternatives) == (
        "Scrutiny Review of Fly-tipping",
        "To improve the Council's response to fly-tipping.",
        "None.",
    )
    assert (doc.call_in_deadline, doc.proper_officer_date) == (D(2025, 11, 13), D(2025, 11, 7))
    assert doc.council is None  # the paper names none


def test_minutes_are_neither_kind() -> None:
    result = process_file(TEXT / "minutes-not-a-tracker.txt")
    assert result.document is None
    assert result.error is not None
    assert result.error.code == "kind-unknown"
    assert "minutes-not-a-tracker.txt" in str(result.error)
