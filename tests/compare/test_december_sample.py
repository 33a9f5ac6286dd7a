"""The second quarter written for these tests parses as a person reads it, row by row."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from councilpapers.pipeline import FileResult
from tests.compare import golden_compare as golden


def test_december_gives_exactly_its_rows(december: FileResult) -> None:
    assert december.document is not None
    assert december.document.kind == "tracker"
    assert december.document.period == "Q3/4"
    keys = [(r.rec_no, r.sub_item) for r in december.progress]
    assert keys == [(e["rec_no"], e["sub_item"]) for e in golden.DECEMBER_PROGRESS]


@pytest.mark.parametrize(
    "expected",
    golden.DECEMBER_PROGRESS,
    ids=[f"{e['rec_no']}{e['sub_item']}" for e in golden.DECEMBER_PROGRESS],
)
def test_december_row_fields(december: FileResult, expected: dict[str, Any]) -> None:
    row = next(
        r
        for r in december.progress
        if (r.rec_no, r.sub_item) == (expected["rec_no"], expected["sub_item"])
    )
    values = dataclasses.asdict(row)
    assert {key: values[key] for key in expected} == expected


def test_december_page_furniture_is_dropped_not_glued(december: FileResult) -> None:
    # Like the seed, the paper carries an OCR'd running header and page noise between rows.
    dropped = {p.text.strip() for p in december.problems if p.code == "furniture-dropped"}
    assert {
        "1 Progress upaate Crilld Sexual Exploltation",
        "00000.",
        "1.55.03 25",
        "a -",
    } <= dropped
