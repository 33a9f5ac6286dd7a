"""Quarter diffs on real papers, every row of `changes` checked, and the matching rules."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest

from compare.quarters import (
    Change,
    diff_series,
    diff_trackers,
    match_rows,
    merge_quarters,
    natural_key,
    split_quarters,
)
from councilpapers.pipeline import FileResult
from normalise.records import ProgressRecord
from tests.compare import golden_compare as golden


def _pick(change: Change, expected: dict[str, Any]) -> dict[str, Any]:
    values = dataclasses.asdict(change)
    return {key: values[key] for key in expected}


def unmark(redline: str) -> tuple[str, str]:
    """Given a `[-…-]{+…+}` redline, return the old and the new text it was made from."""
    old = re.sub(r"\{\+.*?\+\}", "", redline, flags=re.S)
    new = re.sub(r"\[-.*?-\]", "", redline, flags=re.S)
    old = re.sub(r"\[-(.*?)-\]", r"\1", old, flags=re.S)
    new = re.sub(r"\{\+(.*?)\+\}", r"\1", new, flags=re.S)
    return " ".join(old.split()), " ".join(new.split())


@pytest.fixture(scope="module")
def june_december(june: FileResult, december: FileResult) -> list[Change]:
    return list(diff_series(merge_quarters(june.progress, december.progress)).changes)


def test_june_to_december_every_row(june_december: list[Change]) -> None:
    assert len(june_december) == len(golden.CHANGES_JUNE_DECEMBER)
    for change, expected in zip(june_december, golden.CHANGES_JUNE_DECEMBER, strict=True):
        assert _pick(change, expected) == expected, (expected["rec_no"], expected["field"])


def test_june_to_december_redlines(june_december: list[Change]) -> None:
    by_key = {(c.rec_no, c.sub_item, c.field): c for c in june_december}
    for key, redline in golden.REDLINES_JUNE_DECEMBER.items():
        assert by_key[key].redline == redline, key
    # Rewritten evidence: the marks rebuild both texts, and something is struck and inserted.
    for key in (("5", "a", "evidence"), ("6", "a", "evidence")):
        change = by_key[key]
        assert "[-" in change.redline and "{+" in change.redline
        assert unmark(change.redline) == (change.old, change.new)
    for change in june_december:
        if change.field not in ("evidence", "recommendation"):
            assert change.redline == ""


def test_june_to_december_notes(june_december: list[Change]) -> None:
    notes = {(c.rec_no, c.sub_item, c.field): c.note for c in june_december}
    assert notes[("4", "", "recommendation")] == (
        "clause added or removed: removed 'and commission appropriate prioritised'; "
        "added 'commissioning'"
    )
    assert notes[("5", "a", "recommendation")] == "minor words only: added 'the'"
    assert notes[("9", "", "")] == (
        "left the tracker while Slipped, not achieved: check it was closed on purpose"
    )
    assert notes[("12", "", "")] == "new in this quarter"
    # Every row carries the recommendation it is about: December's wording, or June's if gone.
    recs = {(c.rec_no, c.field): c.recommendation for c in june_december}
    assert recs[("4", "status")] == golden.REC_4_DECEMBER
    assert recs[("9", "")].startswith("Work is commissioned")


def test_two_quarters_side_by_side_diff_against_each_other(two_quarters: FileResult) -> None:
    quarters = merge_quarters(two_quarters.progress, two_quarters.progress)
    assert [q.label for q in quarters] == ["Q3/4 (16 Jun 2015)", "Q1/2 (15 Dec 2015)"]
    changes = diff_series(quarters).changes
    assert len(changes) == len(golden.CHANGES_TWO_QUARTERS)
    for change, expected in zip(changes, golden.CHANGES_TWO_QUARTERS, strict=True):
        assert _pick(change, expected) == expected


@pytest.mark.parametrize("paper", ["june", "december", "two_quarters"])
def test_a_paper_against_itself_is_all_unchanged(
    paper: str, request: pytest.FixtureRequest
) -> None:
    rows = request.getfixturevalue(paper).progress
    for quarter in split_quarters(rows):
        changes = diff_trackers(quarter.rows, quarter.rows)
        assert {c.change for c in changes} == {"unchanged"}
        assert len(changes) == len(quarter.rows)
        assert {c.movement for c in changes} == {"same"}


def test_a_single_quarter_paper_against_itself(june: FileResult) -> None:
    changes = diff_series(merge_quarters(june.progress, june.progress)).changes
    assert [c.change for c in changes] == ["unchanged"] * 15


def test_renumbered_rows_match_by_wording_and_say_so(june: FileResult) -> None:
    # As if the tracker renumbered after signing off rec 1: 2 → 1, 3 → 2, … ; rec 1 is gone.
    old = list(june.progress)
    renumbered = [
        dataclasses.replace(r, rec_no=str(int(r.rec_no) - 1)) for r in old if r.rec_no != "1"
    ]
    changes = diff_trackers(old, renumbered)
    kinds = {(c.rec_no, c.sub_item, c.change, c.matched_by, c.old_rec_no) for c in changes}
    assert ("1", "", "unchanged", "wording", "2") in kinds  # old 2 is new 1
    assert ("9", "a", "unchanged", "wording", "10") in kinds
    assert ("1", "", "signed_off", "", "") in kinds  # old 1 left after being achieved
    assert all(c.change in ("unchanged", "signed_off") for c in changes)
    note = next(c.note for c in changes if c.rec_no == "1" and c.change == "unchanged")
    assert note == "matched by wording: numbered 2 before"


def test_different_recommendations_never_match_by_wording(
    june: FileResult, december: FileResult
) -> None:
    # June's rec 9 (dropped) and December's rec 12 (added) are about the same work but worded
    # differently: they stay apart.
    nine = [r for r in june.progress if r.rec_no == "9"]
    twelve = [r for r in december.progress if r.rec_no == "12"]
    assert match_rows(nine, twelve) == []


def test_a_sub_item_relettered_still_matches_by_number(june: FileResult) -> None:
    eleven = next(r for r in june.progress if r.rec_no == "11")
    lettered = dataclasses.replace(eleven, sub_item="a")
    [change] = diff_trackers([eleven], [lettered])
    assert (change.change, change.matched_by, change.sub_item) == ("unchanged", "number", "a")


def _row(base: ProgressRecord, **changes: Any) -> ProgressRecord:
    return dataclasses.replace(base, **changes)


@pytest.mark.parametrize(
    ("old", "new", "movement"),
    [
        (("categories-1-4", "3", "Slipped"), ("categories-1-4", "2", "On track"), "improved"),
        (("categories-1-4", "2", "On track"), ("categories-1-4", "4", "Not Achieved"), "worsened"),
        (("rag", "R", "Red"), ("rag", "A", "Amber"), "improved"),
        (("rag", "G", "Green"), ("rag", "A", "Amber"), "worsened"),
        (("complete-ongoing", "ongoing", "O"), ("complete-ongoing", "paused", "P"), "worsened"),
        (("complete-ongoing", "paused", "P"), ("complete-ongoing", "complete", "C"), "improved"),
        # Across scales nothing is comparable (G is not "1"); the note says why.
        (("categories-1-4", "2", "On track"), ("rag", "G", "Green"), ""),
    ],
)  # fmt: skip
def test_movement_on_the_trackers_own_scale(
    june: FileResult, old: tuple[str, str, str], new: tuple[str, str, str], movement: str
) -> None:
    base = june.progress[0]
    before = _row(base, status_scale=old[0], status_code=old[1], status_label=old[2])
    after = _row(base, status_scale=new[0], status_code=new[1], status_label=new[2])
    [change] = diff_trackers([before], [after])
    assert (change.field, change.movement) == ("status", movement)
    if not movement:
        assert change.note.startswith("assessment scales differ (categories-1-4 → rag)")


def test_the_same_assessment_printed_differently_is_no_change(june: FileResult) -> None:
    # `3 - Slipped` (seed line 6) and `3 – Slipped` (line 10) are one assessment.
    three = next(r for r in june.progress if r.rec_no == "3")
    [change] = diff_trackers([three], [_row(three, status_raw="3 – Slipped")])
    assert change.change == "unchanged"


@pytest.mark.parametrize(
    ("scale", "code", "evidence", "kind"),
    [
        ("categories-1-4", "1", "Achieved 27.04.15.", "signed_off"),
        ("categories-1-4", "3", "Progressing but not yet completed.", "dropped"),
        ("complete-ongoing", "complete", "Policy adopted by Cabinet.", "signed_off"),
        ("complete-ongoing", "paused", "Signs ordered.", "dropped"),
        # RAG Green means on track, unless the evidence says it was achieved (empty homes rec 2).
        ("rag", "G", "Achieved. Empty Homes Officer in post since 1 June 2015.", "signed_off"),
        ("rag", "G", "Draft strategy agreed by Housing Board.", "dropped"),
        ("rag", "B", "Done.", "signed_off"),
        (None, None, "Achieved in March.", "signed_off"),
        (None, None, "Waiting for the new contract.", "dropped"),
    ],
)
def test_signed_off_or_dropped(
    june: FileResult, scale: str | None, code: str | None, evidence: str, kind: str
) -> None:
    row = _row(june.progress[0], status_scale=scale, status_code=code, evidence=evidence)
    [change] = diff_trackers([row], [])
    assert change.change == kind


def test_evidence_cut_back_is_trimmed_the_mirror_of_appended(june: FileResult) -> None:
    three = next(r for r in june.progress if r.rec_no == "3")
    longer = _row(three, evidence=three.evidence + " Update: live.")
    [grown] = diff_trackers([three], [longer])
    [cut] = diff_trackers([longer], [three])
    assert (grown.edit, grown.delta) == ("evidence_appended", "Update: live.")
    assert (cut.edit, cut.delta) == ("evidence_trimmed", "Update: live.")


def test_references_sort_naturally() -> None:
    refs = ["10", "2", "SR (25/26) 02", "1", "SR (25/26) 01"]
    assert sorted(refs, key=natural_key) == ["1", "2", "10", "SR (25/26) 01", "SR (25/26) 02"]
