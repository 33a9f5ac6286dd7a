"""Golden tests: the two real seed papers, every field of every row, end to end."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from councilpapers import PARSER_VERSION
from councilpapers.pipeline import FileResult, process_file
from tests.conftest import DECISION_SEED, TRACKER_SEED
from tests.golden import stockton_cse as golden


@pytest.fixture(scope="module")
def tracker() -> FileResult:
    return process_file(TRACKER_SEED)


@pytest.fixture(scope="module")
def decision() -> FileResult:
    return process_file(DECISION_SEED)


def _pick(record: object, expected: dict[str, Any]) -> dict[str, Any]:
    values = dataclasses.asdict(record)  # type: ignore[call-overload]
    return {key: values[key] for key in expected}


def test_tracker_gives_exactly_the_papers_rows(tracker: FileResult) -> None:
    keys = [(r.rec_no, r.sub_item) for r in tracker.progress]
    assert keys == [(e["rec_no"], e["sub_item"]) for e in golden.PROGRESS]
    assert len(keys) == 15


@pytest.mark.parametrize(
    "expected", golden.PROGRESS, ids=[f"{e['rec_no']}{e['sub_item']}" for e in golden.PROGRESS]
)
def test_tracker_row_fields(tracker: FileResult, expected: dict[str, Any]) -> None:
    row = next(
        r
        for r in tracker.progress
        if (r.rec_no, r.sub_item) == (expected["rec_no"], expected["sub_item"])
    )
    assert _pick(row, expected) == expected
    assert row.source_file == str(TRACKER_SEED)
    assert row.parser_version == PARSER_VERSION
    assert row.pages == (1,)


def test_tracker_document(tracker: FileResult) -> None:
    assert tracker.document is not None
    assert _pick(tracker.document, golden.TRACKER_DOCUMENT) == golden.TRACKER_DOCUMENT
    assert tracker.document.doc_id == tracker.document.sha256[:16]


def test_tracker_lists_everything_it_dropped(tracker: FileResult) -> None:
    dropped = {p.text.strip() for p in tracker.problems if p.code == "furniture-dropped"}
    # OCR'd running headers, page numbers and noise, each listed (never glued into a cell).
    assert {
        "1 Togress opeats Office Coxeta Experience",
        "r rogress opuale – Criliu Sexual Exploitation",
        "00000.",
        "1.55.03 25",
        "a -",
        "2",
        "1",
    } <= dropped
    assert any(t.endswith("ลเยล.") for t in dropped)  # the Thai-script line
    moved = [p for p in tracker.problems if p.code == "evidence-spill-moved"]
    assert [(p.line, p.text.split()[0]) for p in moved] == [(14, "developed"), (17, "year")]


def test_no_furniture_reaches_a_cell(tracker: FileResult) -> None:
    for row in tracker.progress:
        text = " ".join([row.recommendation, row.evidence, row.officer_raw, row.due_raw])
        for junk in ("Togress", "opuale", "00000", "1.55.03", "a -", "ลเยล"):
            assert junk not in text, (row.rec_no, row.sub_item, junk)


def test_decision_recommendations(decision: FileResult) -> None:
    assert [r.rec_no for r in decision.decisions] == [str(n) for n in range(1, 12)]
    for row, expected in zip(decision.decisions, golden.DECISIONS, strict=True):
        assert _pick(row, expected) == expected


def test_decision_document(decision: FileResult) -> None:
    assert decision.document is not None
    assert _pick(decision.document, golden.DECISION_DOCUMENT) == golden.DECISION_DOCUMENT
    assert decision.document.record is not None
    assert decision.document.record.startswith("Consideration was given to a report")
    assert decision.document.record.endswith("for the work to be prioritised urgently.")
    assert decision.problems == ()
