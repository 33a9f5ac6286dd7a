"""Invariants, checked with hypothesis on generated trackers and texts.

`diff(x, x)` is all `unchanged`; `diff(a, b)` and `diff(b, a)` are mirror images; a text's drift
against itself is `identical`; whitespace-only edits are never `substantive`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import Counter
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from compare.drift import audit_drift
from compare.quarters import Change, diff_trackers
from compare.wording import classify_wording
from normalise.records import DecisionRecord, ProgressRecord
from tests.golden import stockton_cse as seed

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of real rows, so generated trackers look like the seeds: wordings, officers, dates,
# evidence, and assessments on each scale (plus one the parser could not place).
WORDINGS = [row["recommendation"] for row in seed.PROGRESS[:6]] + [
    "The Council review its policy.",
    "Council review its policy.",
    "The Council must review its policy.",
    "",
]
OFFICERS = [
    ("Chair of HWB",),
    ("Director of Public Health",),
    ("Chair of CYPHWCG", "Head of Schools and SEN"),
    (),
]
DUES = [
    ("01/08/15", dt.date(2015, 8, 1), "day", ""),
    ("September 2015", dt.date(2015, 9, 1), "month", ""),
    ("Post completion of JSNA September 2015", dt.date(2015, 9, 1), "month", "Post completion of"),
    ("Ongoing", None, None, "Ongoing"),
    ("", None, None, ""),
]  # fmt: skip
EVIDENCE = [
    "Achieved.",
    "Achieved. Update included in reports.",
    "As above.",
    "Progressing but not yet completed.",
    "",
]
STATUSES = [
    ("categories-1-4", "1", "Fully Achieved"),
    ("categories-1-4", "2", "On track"),
    ("categories-1-4", "3", "Slipped"),
    ("categories-1-4", "4", "Not Achieved"),
    ("rag", "G", "Green"),
    ("rag", "R", "Red"),
    ("complete-ongoing", "complete", "Complete"),
    ("complete-ongoing", "paused", "Paused"),
    (None, None, None),
]

TEMPLATE = ProgressRecord(
    doc_id="0" * 16, source_file="a.txt", page=1, line=1, pages=(1,), cell_boxes="",
    council=None, title=None, rec_no="1", sub_item="", recommendation="", officers=(),
    officer_raw="", due_raw="", due_date=None, due_precision=None, due_condition="",
    due_original="", due_original_date=None, due_start=None, evidence="", status_code=None,
    status_label=None, status_scale=None, status_raw="", achieved_on=None, period="Q1/2",
    presented_date=dt.date(2016, 6, 29), parser_version="test",
)  # fmt: skip


@st.composite
def rows(draw: st.DrawFn, source: str) -> list[ProgressRecord]:
    """A tracker quarter: a few rows built from real pieces (keys may repeat, as slips do)."""
    count = draw(st.integers(min_value=0, max_value=6))
    out = []
    for line in range(1, count + 1):
        due_raw, due_date, precision, condition = draw(st.sampled_from(DUES))
        scale, code, label = draw(st.sampled_from(STATUSES))
        officers = draw(st.sampled_from(OFFICERS))
        evidence = draw(st.sampled_from(EVIDENCE))
        extra = draw(st.sampled_from(["", " More news."]))
        out.append(
            dataclasses.replace(
                TEMPLATE,
                source_file=source,
                line=line,
                rec_no=draw(st.sampled_from(["1", "2", "3", "10"])),
                sub_item=draw(st.sampled_from(["", "", "a", "b"])),
                recommendation=draw(st.sampled_from(WORDINGS)),
                officers=officers,
                officer_raw="/ ".join(officers),
                due_raw=due_raw,
                due_date=due_date,
                due_precision=precision,
                due_condition=condition,
                evidence=evidence + extra if evidence else extra.strip(),
                status_scale=scale,
                status_code=code,
                status_label=label,
                status_raw=f"{code} – {label}" if code else draw(st.sampled_from(["", "TBC"])),
            )
        )
    return out


@SETTINGS
@given(rows("a.txt"))
def test_diff_of_a_quarter_with_itself_is_all_unchanged(quarter: list[ProgressRecord]) -> None:
    changes = diff_trackers(quarter, quarter)
    assert [c.change for c in changes] == ["unchanged"] * len(quarter)
    assert all(c.old_source == c.new_source for c in changes)


_SWAP_MOVEMENT = {"improved": "worsened", "worsened": "improved", "same": "same", "": ""}
_SWAP_EDIT = {"evidence_appended": "evidence_trimmed", "evidence_trimmed": "evidence_appended"}


def _kind(change: str) -> str:
    return "gone" if change in ("signed_off", "dropped") else change


def _view(c: Change) -> tuple[Any, ...]:
    return (
        _kind(c.change), c.field, c.old, c.new, c.movement, c.edit, c.delta, c.matched_by,
        c.rec_no, c.sub_item, c.old_rec_no, c.old_sub_item, c.old_source, c.new_source,
        c.old_period, c.new_period,
    )  # fmt: skip


def _mirror(c: Change) -> tuple[Any, ...]:
    """Given a change of diff(a, b), return how diff(b, a) must show it."""
    kind = {"added": "gone", "gone": "added"}.get(_kind(c.change), c.change)
    rec = (c.rec_no, c.sub_item, c.old_rec_no, c.old_sub_item)
    if c.old_rec_no or c.old_sub_item:  # numbered differently in the two quarters
        rec = (c.old_rec_no, c.old_sub_item, c.rec_no, c.sub_item)
    return (
        kind, c.field, c.new, c.old, _SWAP_MOVEMENT[c.movement], _SWAP_EDIT.get(c.edit, c.edit),
        c.delta, c.matched_by, *rec, c.new_source, c.old_source, c.new_period, c.old_period,
    )  # fmt: skip


@SETTINGS
@given(rows("a.txt"), rows("b.txt"))
def test_diff_both_ways_are_mirror_images(a: list[ProgressRecord], b: list[ProgressRecord]) -> None:
    b = [dataclasses.replace(row, period="Q3/4") for row in b]
    forward = Counter(_mirror(c) for c in diff_trackers(a, b))
    backward = Counter(_view(c) for c in diff_trackers(b, a))
    assert forward == backward


# Texts as messy as the papers: letters, digits, punctuation, quotes, dashes, bullets, symbols.
TEXT = st.text(
    alphabet=st.sampled_from([*"abcXYZ019 .,:;/-–•'’\"()£%\n\t", "é", "\u0301", "ß"]),
    max_size=40,
) | st.sampled_from(WORDINGS)
WHITESPACE = st.text(
    alphabet=st.sampled_from([" ", "\t", "\n", "\u00a0", "\u2003", "\r"]), max_size=3
)


@SETTINGS
@given(TEXT)
def test_a_text_against_itself_is_identical(text: str) -> None:
    verdict = classify_wording(text, text)
    assert (verdict.verdict, verdict.similarity) == ("identical", 100)


@SETTINGS
@given(st.sampled_from([*WORDINGS, seed.DECISIONS[5]["text"]]))
def test_drift_of_a_recommendation_against_itself_is_identical(text: str) -> None:
    decision = DecisionRecord(
        doc_id="1" * 16, source_file="d.txt", page=1, line=1, pages=(1,), council=None,
        body=None, meeting_date=None, title="", rec_no="7", text=text, parser_version="test",
    )  # fmt: skip
    row = dataclasses.replace(TEMPLATE, rec_no="7", recommendation=text)
    [finding] = audit_drift([decision], [row])
    assert finding.verdict == "identical"


@st.composite
def whitespace_edit(draw: st.DrawFn) -> tuple[str, str]:
    """A text and the same text with whitespace inserted, deleted or changed anywhere."""
    text = draw(TEXT)
    out = []
    for ch in text:
        out.append(draw(WHITESPACE))
        out.append(draw(WHITESPACE) if ch.isspace() else ch)
    out.append(draw(WHITESPACE))
    return text, "".join(out)


@SETTINGS
@given(whitespace_edit())
def test_whitespace_only_edits_are_never_substantive(pair: tuple[str, str]) -> None:
    old, new = pair
    assert classify_wording(old, new).verdict in ("identical", "cosmetic")
    assert classify_wording(new, old).verdict in ("identical", "cosmetic")


@SETTINGS
@given(TEXT, TEXT)
def test_verdicts_are_symmetric(a: str, b: str) -> None:
    assert classify_wording(a, b).verdict == classify_wording(b, a).verdict
    assert classify_wording(a, b).similarity == classify_wording(b, a).similarity
