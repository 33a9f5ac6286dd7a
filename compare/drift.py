"""Is what the tracker tracks what Cabinet resolved? One `DriftFinding` per recommendation.

Each resolved recommendation is matched to the tracker rows with its number, and the match is
checked by wording; a number whose wording is far off, and rows left over, are matched by
wording instead. The tracker's wording is then classified against the decision's
(``compare/wording.py``). Pure: records in, findings out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from compare.quarters import (
    DEFAULT_MATCH_SETTINGS,
    MatchSettings,
    QuarterSummary,
    reference_key,
    split_quarters,
    summarise_quarter,
)
from compare.redline import Segment, format_redline, redline_words
from compare.wording import classify_wording, similarity
from normalise.records import DecisionRecord, ProgressRecord

DriftVerdict = Literal[
    "identical", "cosmetic", "minor", "substantive", "missing_from_tracker", "not_in_decision"
]
VERDICTS: tuple[DriftVerdict, ...] = (
    "identical",
    "cosmetic",
    "minor",
    "substantive",
    "missing_from_tracker",
    "not_in_decision",
)


@dataclass(frozen=True)
class DriftFinding:
    """One row of the `drift` table: a resolved recommendation and what the tracker made of it.

    `segments` is the redline as data for the reports; it is not a column (`redline` is).
    """

    rec_no: str
    verdict: DriftVerdict
    similarity: int | None
    reason: str
    matched_by: str
    tracker_rec_no: str
    sub_items: tuple[str, ...]
    decision_text: str
    tracker_text: str
    redline: str
    decision_source: str
    tracker_source: str
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True)
class DriftAudit:
    """A drift audit with what the reports say about it: the decision and the quarter audited."""

    findings: tuple[DriftFinding, ...]
    decision_title: str
    meeting_date: dt.date | None
    decision_source_file: str
    tracker_quarter: QuarterSummary | None


def _words_with_gaps(text: str) -> list[str]:
    """Given a text, return its words, each with the whitespace before it."""
    return re.findall(r"\s*\S+", text)


def tracker_wording(rows: Sequence[ProgressRecord]) -> str:
    """Given one recommendation's rows (its sub-items), return the wording they track together.

    Sub-items that repeat the whole wording (the seed's 6a/6b, 10a/b/c) give it once; sub-items
    that carry a stem and a part each (samples/text/pipe-separated-sr-references.txt: `Residents
    be given clearer ways to report fly-tipping: a) …`) give the stem then each part on a line.
    """
    texts = list(dict.fromkeys(row.recommendation.strip() for row in rows))
    if len(texts) <= 1:
        return texts[0] if texts else ""
    split = [_words_with_gaps(t) for t in texts]
    stem = 0
    while (
        all(stem < len(words) for words in split)
        and len({words[stem].strip() for words in split}) == 1
    ):
        stem += 1
    head = "".join(split[0][:stem]).strip()
    parts = ["".join(words[stem:]).strip() for words in split]
    return "\n".join([head, *parts] if head else parts)


def _source(record: DecisionRecord | ProgressRecord) -> str:
    return f"{record.source_file}:page {record.page}:line {record.line}"


def _finding(
    decision: DecisionRecord, rows: Sequence[ProgressRecord], matched_by: str, note: str = ""
) -> DriftFinding:
    text = tracker_wording(rows)
    wording = classify_wording(decision.text, text)
    segments = redline_words(decision.text, text)
    return DriftFinding(
        rec_no=decision.rec_no,
        verdict=wording.verdict,
        similarity=wording.similarity,
        reason="; ".join(r for r in (note, wording.reason) if r),
        matched_by=matched_by,
        tracker_rec_no=rows[0].rec_no,
        sub_items=tuple(r.sub_item for r in rows if r.sub_item),
        decision_text=decision.text,
        tracker_text=text,
        redline=format_redline(segments),
        decision_source=_source(decision),
        tracker_source=_source(rows[0]),
        segments=segments,
    )


def latest_quarter(rows: Sequence[ProgressRecord]) -> tuple[ProgressRecord, ...]:
    """Given a tracker's rows, return those of its latest quarter (the wording it tracks now)."""
    quarters = split_quarters(rows)
    return quarters[-1].rows if quarters else ()


def audit_drift(
    decisions: Sequence[DecisionRecord],
    progress_rows: Sequence[ProgressRecord],
    settings: MatchSettings = DEFAULT_MATCH_SETTINGS,
) -> list[DriftFinding]:
    """Given a decision's recommendations and a tracker's rows, return one finding per
    recommendation, then one per tracker recommendation the decision does not have."""
    groups: dict[str, list[ProgressRecord]] = {}
    for row in latest_quarter(progress_rows):
        groups.setdefault(reference_key(row.rec_no), []).append(row)
    taken: dict[int, tuple[str, str]] = {}  # decision index → (group ref, matched by)
    far: dict[int, int] = {}  # decision index → similarity of its number's far-off wording
    for index, decision in enumerate(decisions):
        group = groups.get(reference_key(decision.rec_no))
        if group is None:
            continue
        score = similarity(decision.text, tracker_wording(group))
        if score >= settings.number_min_similarity:
            taken[index] = (reference_key(decision.rec_no), "number")
        else:
            far[index] = score
    free = set(groups) - {ref for ref, _ in taken.values()}
    candidates = sorted(
        (-similarity(decision.text, tracker_wording(groups[ref])), index, ref)
        for index, decision in enumerate(decisions)
        if index not in taken
        for ref in free
    )
    for negative, index, ref in candidates:
        if -negative >= settings.wording_min_similarity and index not in taken and ref in free:
            taken[index] = (ref, "wording")
            free.discard(ref)
    findings = []
    for index, decision in enumerate(decisions):
        if index in taken:
            ref, how = taken[index]
            note = ""
            if how == "wording":
                note = f"matched by wording: the tracker numbers it {groups[ref][0].rec_no}"
            findings.append(_finding(decision, groups[ref], how, note))
            continue
        reason = f"no tracker row numbered {decision.rec_no} or worded like it"
        if index in far:
            reason = (
                f"the tracker's recommendation {decision.rec_no} shares only {far[index]}% of "
                "its words: check the numbering"
            )
        findings.append(
            DriftFinding(
                rec_no=decision.rec_no,
                verdict="missing_from_tracker",
                similarity=None,
                reason=reason,
                matched_by="",
                tracker_rec_no="",
                sub_items=(),
                decision_text=decision.text,
                tracker_text="",
                redline="",
                decision_source=_source(decision),
                tracker_source="",
            )
        )
    matched = {ref for ref, _ in taken.values()}
    for ref, rows in groups.items():
        if ref in matched:
            continue
        findings.append(
            DriftFinding(
                rec_no=rows[0].rec_no,
                verdict="not_in_decision",
                similarity=None,
                reason=f"no recommendation numbered {rows[0].rec_no} or worded like it "
                "in the decision",
                matched_by="",
                tracker_rec_no=rows[0].rec_no,
                sub_items=tuple(r.sub_item for r in rows if r.sub_item),
                decision_text="",
                tracker_text=tracker_wording(rows),
                redline="",
                decision_source="",
                tracker_source=_source(rows[0]),
            )
        )
    return findings


def audit_papers(
    decisions: Sequence[DecisionRecord],
    progress_rows: Sequence[ProgressRecord],
    settings: MatchSettings = DEFAULT_MATCH_SETTINGS,
) -> DriftAudit:
    """Given a decision record's rows and a tracker's, return the audit with its context."""
    quarters = split_quarters(progress_rows)
    first = decisions[0] if decisions else None
    return DriftAudit(
        findings=tuple(audit_drift(decisions, progress_rows, settings)),
        decision_title=first.title if first else "",
        meeting_date=first.meeting_date if first else None,
        decision_source_file=first.source_file if first else "",
        tracker_quarter=summarise_quarter(quarters[-1]) if quarters else None,
    )
