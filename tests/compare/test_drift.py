"""Drift audits on real papers, every row of `drift` checked, and the matching rules."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from compare.drift import DriftFinding, audit_drift, audit_papers, tracker_wording
from councilpapers.pipeline import FileResult
from tests.compare import golden_compare as golden
from tests.compare.conftest import read


def _pick(finding: DriftFinding, expected: dict[str, Any]) -> dict[str, Any]:
    values = dataclasses.asdict(finding)
    return {key: values[key] for key in expected}


@pytest.mark.parametrize(
    ("tracker", "expected"),
    [("june", golden.DRIFT_SEEDS), ("december", golden.DRIFT_DECEMBER)],
)
def test_drift_every_row(
    tracker: str,
    expected: list[dict[str, Any]],
    decision: FileResult,
    request: pytest.FixtureRequest,
) -> None:
    rows = request.getfixturevalue(tracker).progress
    findings = audit_drift(decision.decisions, rows)
    assert [f.rec_no for f in findings] == [e["rec_no"] for e in expected]
    for finding, row in zip(findings, expected, strict=True):
        assert _pick(finding, row) == row, row["rec_no"]


def test_seeds_match_all_eleven_and_none_is_substantive(
    decision: FileResult, june: FileResult
) -> None:
    findings = audit_drift(decision.decisions, june.progress)
    assert [f.matched_by for f in findings] == ["number"] * 11
    assert {f.verdict for f in findings} == {"identical", "cosmetic"}
    assert next(f for f in findings if f.rec_no == "1").verdict == "cosmetic"


def test_audit_knows_its_papers(decision: FileResult, december: FileResult) -> None:
    audit = audit_papers(decision.decisions, december.progress)
    assert audit.decision_title == "Task and Finish Scrutiny Review of Child Sexual Exploitation"
    assert audit.decision_source_file == golden.DECISION
    assert audit.tracker_quarter is not None
    assert audit.tracker_quarter.label == "Q3/4 (7 Dec 2016)"


def test_a_tracker_against_its_own_wording_is_identical(june: FileResult) -> None:
    # Build a "decision" from the tracker's own rows: every verdict must be identical.
    decisions = []
    template = read(golden.DECISION).decisions[0]
    for rec_no in dict.fromkeys(r.rec_no for r in june.progress):
        rows = [r for r in june.progress if r.rec_no == rec_no]
        decisions.append(dataclasses.replace(template, rec_no=rec_no, text=tracker_wording(rows)))
    findings = audit_drift(decisions, june.progress)
    assert {f.verdict for f in findings} == {"identical"}
    assert {f.similarity for f in findings} == {100}


def test_sub_items_with_their_own_wording_compare_as_stem_plus_parts() -> None:
    # samples/text/pipe-separated-sr-references.txt: `SR (25/26) 02` has a stem row and a) b).
    fly = read("samples/text/pipe-separated-sr-references.txt").progress
    two = [r for r in fly if r.rec_no == "SR (25/26) 02"]
    assert tracker_wording(two) == (
        "Residents be given clearer ways to report fly-tipping:\n"
        "a) an online form linked to the Council's map\n"
        "b) a QR code on signs at hot spots"
    )
    template = read(golden.DECISION).decisions[0]
    resolved = dataclasses.replace(
        template,
        rec_no="SR (25/26) 02",
        text="Residents be given clearer ways to report fly-tipping: a) an online form linked "
        "to the Council’s map; b) a QR code on signs at hot spots.",
    )
    [finding, *others] = audit_drift([resolved], fly)
    assert (finding.verdict, finding.reason) == (
        "cosmetic",
        "differs only in punctuation and quote marks",
    )
    assert finding.sub_items == ("a", "b")
    assert [o.verdict for o in others] == ["not_in_decision", "not_in_decision"]


def test_a_renumbered_tracker_is_matched_by_wording(decision: FileResult, june: FileResult) -> None:
    # As if the tracker had numbered every recommendation one higher.
    shifted = [dataclasses.replace(r, rec_no=str(int(r.rec_no) + 1)) for r in june.progress]
    findings = audit_drift(decision.decisions, shifted)
    assert [f.verdict for f in findings] == [e["verdict"] for e in golden.DRIFT_SEEDS]
    assert {f.matched_by for f in findings} == {"wording"}
    first = findings[0]
    assert (first.rec_no, first.tracker_rec_no) == ("1", "2")
    assert first.reason == "matched by wording: the tracker numbers it 2; differs only in spacing"


def test_a_number_whose_wording_is_far_off_is_not_trusted(
    decision: FileResult, june: FileResult
) -> None:
    rows = [
        dataclasses.replace(r, recommendation="Bins be emptied weekly.") if r.rec_no == "11" else r
        for r in june.progress
    ]
    findings = audit_drift(decision.decisions, rows)
    [missing] = [f for f in findings if f.verdict == "missing_from_tracker"]
    # "The report be submitted to the LSCB for their consideration." has 10 words, the new
    # wording 4, and they share "be": 2·1/14 = 14%.
    assert (missing.rec_no, missing.reason) == (
        "11",
        "the tracker's recommendation 11 shares only 14% of its words: check the numbering",
    )
    extra = [f for f in findings if f.verdict == "not_in_decision"]
    assert [(f.rec_no, f.tracker_text) for f in extra] == [("11", "Bins be emptied weekly.")]


def test_a_two_quarter_tracker_is_audited_on_its_latest_quarter(two_quarters: FileResult) -> None:
    template = read(golden.DECISION).decisions[0]
    resolved = dataclasses.replace(
        template,
        rec_no="1",
        text="Every secondary school be offered a named link worker from the Youth Service.",
    )
    findings = audit_drift([resolved], two_quarters.progress)
    assert findings[0].verdict == "identical"
    assert findings[0].tracker_source == f"{golden.TWO_QUARTERS}:page 1:line 2"
    assert [f.rec_no for f in findings[1:]] == ["2", "3"]  # each once, not once per quarter
