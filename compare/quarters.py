"""What moved between two quarters of a tracker: one `Change` per row and field that changed.

Rows are matched by (rec_no, sub_item), checked by wording; where the numbering changed, rows
left over whose recommendations are worded alike (`similarity`) are matched by wording, and say
so. A row gone from NEW was `signed_off` if OLD assessed it achieved, else `dropped` (an alert).
Pure: rows in, changes out.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from compare.redline import Segment, format_redline, redline_words
from compare.status import (
    Movement,
    is_achieved,
    movement,
    status_changed,
    status_rank,
    status_text,
)
from compare.wording import classify_wording, collapse_whitespace, similarity
from normalise.records import ProgressRecord

ChangeKind = Literal["added", "signed_off", "dropped", "modified", "unchanged"]
Field = Literal["", "status", "officers", "due_date", "evidence", "recommendation"]
Edit = Literal[
    "",
    "evidence_appended",
    "evidence_trimmed",
    "evidence_rewritten",
    "wording_minor",
    "wording_substantive",
]

#: The order changes of one row are listed in.
FIELDS: tuple[Field, ...] = ("status", "officers", "due_date", "evidence", "recommendation")


@dataclass(frozen=True)
class MatchSettings:
    """How alike (0–100, `similarity`) two wordings must be: to keep a match by number (below
    it, the number now means another recommendation), and to match by wording. Used by the
    quarter diff and the drift audit alike."""

    number_min_similarity: int = 50
    wording_min_similarity: int = 80


DEFAULT_MATCH_SETTINGS = MatchSettings()


@dataclass(frozen=True)
class Change:
    """One row of the `changes` table: one field of one tracker row that changed (or did not).

    `segments` is the redline as data for the reports; it is not a column (`redline` is).
    """

    rec_no: str
    sub_item: str
    change: ChangeKind
    field: Field
    old: str
    new: str
    movement: Movement
    edit: Edit
    delta: str
    matched_by: str
    old_rec_no: str
    old_sub_item: str
    recommendation: str
    old_period: str
    old_presented_date: dt.date | None
    new_period: str
    new_presented_date: dt.date | None
    old_source: str
    new_source: str
    note: str
    redline: str
    segments: tuple[Segment, ...] = ()


@dataclass(frozen=True)
class Quarter:
    """The rows one reporting period gave, from the first paper that carried that period."""

    period: str
    presented_date: dt.date | None
    rows: tuple[ProgressRecord, ...]
    #: Other papers that carried the same period (a PDF and a text extract of one paper).
    duplicate_sources: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """`Q1/2 (29 Jun 2016)`, or whichever of the two parts is known."""
        date = self.presented_date
        when = f"{date.day} {date:%b %Y}" if date else ""  # `%-d` is not portable
        if self.period and when:
            return f"{self.period} ({when})"
        return self.period or when or (self.rows[0].source_file if self.rows else "?")


@dataclass(frozen=True)
class StatusCount:
    """How many rows of a quarter carry one assessment."""

    scale: str | None
    code: str | None
    label: str
    rows: int


@dataclass(frozen=True)
class QuarterSummary:
    """A quarter as the reports chart it: its label, source and assessments counted."""

    label: str
    period: str
    presented_date: dt.date | None
    source_file: str
    rows: int
    counts: tuple[StatusCount, ...]
    duplicate_sources: tuple[str, ...]


@dataclass(frozen=True)
class DiffStep:
    """One quarter against the next, and what changed between them."""

    old: QuarterSummary
    new: QuarterSummary
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class DiffResult:
    """A diff of successive quarters: the quarters compared, in order, and each step's changes."""

    quarters: tuple[QuarterSummary, ...]
    steps: tuple[DiffStep, ...]

    @property
    def changes(self) -> tuple[Change, ...]:
        """Every change of every step, in order: the `changes` table."""
        return tuple(c for step in self.steps for c in step.changes)


def source_of(row: ProgressRecord | None) -> str:
    """Given a row, return where it is on the paper: `path:page 1:line 14`."""
    return f"{row.source_file}:page {row.page}:line {row.line}" if row else ""


def quarter_key(row: ProgressRecord) -> tuple[str, dt.date | None, str]:
    """Given a row, return the key of its reporting period (the paper's id when it names none)."""
    if row.period or row.presented_date:
        return (row.period, row.presented_date, "")
    return ("", None, row.doc_id)


def split_quarters(rows: Iterable[ProgressRecord]) -> list[Quarter]:
    """Given tracker rows, return them as quarters, oldest first.

    A tracker with two quarters side by side (samples/text/two-quarters-side-by-side.txt) gives
    two. Where several papers carry one period, the first paper's rows are kept.
    """
    first_doc: dict[tuple[str, dt.date | None, str], str] = {}
    grouped: dict[tuple[str, dt.date | None, str], list[ProgressRecord]] = {}
    duplicates: dict[tuple[str, dt.date | None, str], list[str]] = {}
    for row in rows:
        key = quarter_key(row)
        doc = first_doc.setdefault(key, row.doc_id)
        if doc == row.doc_id:
            grouped.setdefault(key, []).append(row)
        elif row.source_file not in duplicates.setdefault(key, []):
            duplicates[key].append(row.source_file)
    order = list(grouped)
    if all(key[1] is not None for key in order):
        order.sort(key=lambda key: key[1] or dt.date.min)  # stable: same day keeps paper order
    return [
        Quarter(key[0], key[1], tuple(grouped[key]), tuple(duplicates.get(key, ())))
        for key in order
    ]


def merge_quarters(
    old_rows: Sequence[ProgressRecord], new_rows: Sequence[ProgressRecord]
) -> list[Quarter]:
    """Given two papers' rows, return OLD's quarters then NEW's that OLD did not already carry.

    So a paper against itself gives its own quarters, and a later paper that repeats the
    previous quarter beside the new one adds only the new one.
    """
    old_quarters = split_quarters(old_rows)
    seen = {(q.period, q.presented_date) for q in old_quarters if q.period or q.presented_date}
    if not seen:
        seen_docs = {row.doc_id for row in old_rows}
        extra = [q for q in split_quarters(new_rows) if q.rows[0].doc_id not in seen_docs]
    else:
        extra = [q for q in split_quarters(new_rows) if (q.period, q.presented_date) not in seen]
    return [*old_quarters, *extra]


def reference_key(text: str) -> str:
    """Given a printed reference (`10.`, `SR (25/26) 01`), return it as rows are matched on."""
    text = " ".join(text.casefold().split()).strip(" .)")
    return text.lstrip("0") or text if text.isdigit() else text


def _row_key(row: ProgressRecord) -> tuple[str, str]:
    return reference_key(row.rec_no), row.sub_item.casefold().strip(" .)")


def natural_key(rec_no: str, sub_item: str = "") -> tuple[tuple[int, int, str], ...]:
    """Given a reference, return a key that sorts `2` before `10` and `SR (25/26) 02` in order."""
    parts = re.findall(r"\d+|\D+", f"{rec_no}\x00{sub_item}")
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p.casefold()) for p in parts)


def _officers(row: ProgressRecord) -> tuple[str, ...]:
    if row.officers:
        return tuple(o.casefold() for o in row.officers)
    return (collapse_whitespace(row.officer_raw).casefold(),)


def _due(row: ProgressRecord) -> tuple[object, ...]:
    condition = collapse_whitespace(row.due_condition).casefold()
    if row.due_date is None and row.due_start is None and not condition:
        return (collapse_whitespace(row.due_raw).casefold(),)
    return (row.due_date, row.due_precision, row.due_start, condition)


def _pair_score(old: ProgressRecord, new: ProgressRecord) -> tuple[int, int, int]:
    return (
        similarity(old.recommendation, new.recommendation),
        int(old.sub_item.casefold() == new.sub_item.casefold()),
        similarity(" ".join(old.officers), " ".join(new.officers)),
    )


def _identity(row: ProgressRecord) -> tuple[str, ...]:
    """Given a row, return what breaks a tie between equally good wording matches, the same
    way whichever quarter the row is in (so the diff stays symmetric)."""
    where = (row.source_file, f"{row.page:09d}", f"{row.line:09d}")
    return (row.rec_no, row.sub_item, row.recommendation, row.evidence, *where)


def match_rows(
    old_rows: Sequence[ProgressRecord],
    new_rows: Sequence[ProgressRecord],
    settings: MatchSettings = DEFAULT_MATCH_SETTINGS,
) -> list[tuple[int, int, str]]:
    """Given two quarters' rows, return matched pairs (old index, new index, how matched).

    By number first, checked by wording; then, where one rec_no has one row left on each side,
    by number with the sub-item letter changed; then by wording, best pairs first. Symmetric:
    swapping the quarters swaps the pairs.
    """

    def alike(i: int, j: int) -> bool:
        score = similarity(old_rows[i].recommendation, new_rows[j].recommendation)
        return score >= settings.number_min_similarity

    pairs: list[tuple[int, int, str]] = []
    by_key_old: dict[tuple[str, str], list[int]] = {}
    by_key_new: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(old_rows):
        by_key_old.setdefault(_row_key(row), []).append(i)
    for j, row in enumerate(new_rows):
        by_key_new.setdefault(_row_key(row), []).append(j)
    for key, olds in by_key_old.items():
        # A key printed twice (a parsing slip) pairs first with first, second with second.
        pairs += [
            (i, j, "number")
            for i, j in zip(olds, by_key_new.get(key, []), strict=False)
            if alike(i, j)
        ]
    used_old = {i for i, _, _ in pairs}
    used_new = {j for _, j, _ in pairs}
    # 6 without sub-items in one quarter, 6a alone in the next: the same row, relettered.
    left_old: dict[str, list[int]] = {}
    left_new: dict[str, list[int]] = {}
    for i, row in enumerate(old_rows):
        if i not in used_old:
            left_old.setdefault(reference_key(row.rec_no), []).append(i)
    for j, row in enumerate(new_rows):
        if j not in used_new:
            left_new.setdefault(reference_key(row.rec_no), []).append(j)
    for ref, olds in left_old.items():
        news = left_new.get(ref, [])
        if len(olds) == 1 and len(news) == 1 and alike(olds[0], news[0]):
            pairs.append((olds[0], news[0], "number"))
            used_old.add(olds[0])
            used_new.add(news[0])
    candidates = []
    for i, old in enumerate(old_rows):
        if i in used_old:
            continue
        for j, new in enumerate(new_rows):
            if j in used_new:
                continue
            score = _pair_score(old, new)
            if score[0] >= settings.wording_min_similarity:
                tie = tuple(sorted([_identity(old), _identity(new)]))
                candidates.append((tuple(-s for s in score), tie, i, j))
    for _, _, i, j in sorted(candidates):
        if i not in used_old and j not in used_new:
            pairs.append((i, j, "wording"))
            used_old.add(i)
            used_new.add(j)
    return pairs


def _evidence_edit(old: str, new: str) -> tuple[Edit, str]:
    """Given two evidence texts that differ, say whether NEW only adds to OLD, and the delta."""
    a, b = collapse_whitespace(old), collapse_whitespace(new)
    if b.startswith(a):
        return "evidence_appended", b[len(a) :].strip()
    if a.startswith(b):
        return "evidence_trimmed", a[len(b) :].strip()
    return "evidence_rewritten", ""


@dataclass(frozen=True)
class _Pair:
    old: ProgressRecord | None
    new: ProgressRecord | None
    matched_by: str


def _change(
    pair: _Pair,
    change: ChangeKind,
    field: Field = "",
    old: str = "",
    new: str = "",
    moved: Movement = "",
    edit: Edit = "",
    delta: str = "",
    note: str = "",
    segments: tuple[Segment, ...] = (),
) -> Change:
    """Given a pair and what changed, return the row, with the columns every change shares."""
    before, after = pair.old, pair.new
    row = after or before
    assert row is not None
    renumbered = _renumbered(pair)
    return Change(
        rec_no=row.rec_no,
        sub_item=row.sub_item,
        change=change,
        field=field,
        old=old,
        new=new,
        movement=moved,
        edit=edit,
        delta=delta,
        matched_by=pair.matched_by,
        old_rec_no=before.rec_no if renumbered and before else "",
        old_sub_item=before.sub_item if renumbered and before else "",
        recommendation=row.recommendation,
        old_period=before.period if before else "",
        old_presented_date=before.presented_date if before else None,
        new_period=after.period if after else "",
        new_presented_date=after.presented_date if after else None,
        old_source=source_of(before),
        new_source=source_of(after),
        note=_notes(_match_note(pair), note),
        redline=format_redline(segments),
        segments=segments,
    )


def _renumbered(pair: _Pair) -> bool:
    """True when both rows exist and OLD printed another number or sub-item letter."""
    if pair.old is None or pair.new is None:
        return False
    return (pair.old.rec_no, pair.old.sub_item) != (pair.new.rec_no, pair.new.sub_item)


def _match_note(pair: _Pair) -> str:
    if not _renumbered(pair) or pair.old is None:
        return ""
    how = "matched by wording" if pair.matched_by == "wording" else "matched by number"
    return f"{how}: numbered {pair.old.rec_no}{pair.old.sub_item} before"


def _notes(*notes: str) -> str:
    return "; ".join(n for n in notes if n)


def _pair_changes(pair: _Pair) -> list[Change]:
    """Given two matched rows, return a change per field that differs, or one `unchanged`."""
    old, new = pair.old, pair.new
    assert old is not None and new is not None
    moved = movement(old, new)
    scale_note = ""
    if status_changed(old, new) and moved == "":
        scale_note = (
            f"assessment scales differ ({old.status_scale or 'unknown'} → "
            f"{new.status_scale or 'unknown'}): movement not comparable"
            if old.status_scale != new.status_scale
            else "assessment not on a known scale: movement not comparable"
        )
    changes: list[Change] = []

    def add(
        field: Field,
        before: str,
        after: str,
        edit: Edit = "",
        delta: str = "",
        note: str = "",
        segments: tuple[Segment, ...] = (),
    ) -> None:
        changes.append(
            _change(pair, "modified", field, before, after, moved, edit, delta, note, segments)
        )

    if status_changed(old, new):
        add("status", status_text(old), status_text(new), note=scale_note)
    if _officers(old) != _officers(new):
        add(
            "officers",
            "; ".join(old.officers) or old.officer_raw,
            "; ".join(new.officers) or new.officer_raw,
        )
    if _due(old) != _due(new):
        add("due_date", old.due_raw, new.due_raw)
    if collapse_whitespace(old.evidence) != collapse_whitespace(new.evidence):
        edit, delta = _evidence_edit(old.evidence, new.evidence)
        add(
            "evidence",
            old.evidence,
            new.evidence,
            edit,
            delta,
            segments=redline_words(old.evidence, new.evidence),
        )
    wording = classify_wording(old.recommendation, new.recommendation)
    if wording.verdict in ("minor", "substantive"):
        kind: Edit = "wording_minor" if wording.verdict == "minor" else "wording_substantive"
        add(
            "recommendation",
            old.recommendation,
            new.recommendation,
            kind,
            note=wording.reason,
            segments=redline_words(old.recommendation, new.recommendation),
        )
    if changes:
        return changes
    return [_change(pair, "unchanged", "", status_text(old), status_text(new), moved)]


def _gone_or_added(pair: _Pair) -> Change:
    """Given a row on one side only, return its `added`, `signed_off` or `dropped` change."""
    if pair.old is None:
        assert pair.new is not None
        return _change(pair, "added", new=status_text(pair.new), note="new in this quarter")
    status = status_text(pair.old)
    if is_achieved(pair.old):
        note = f"left the tracker after being assessed {status or 'achieved'}"
        return _change(pair, "signed_off", old=status, note=note)
    note = f"left the tracker while {status or 'not assessed'}, not achieved"
    return _change(pair, "dropped", old=status, note=f"{note}: check it was closed on purpose")


def diff_trackers(
    old_rows: Sequence[ProgressRecord],
    new_rows: Sequence[ProgressRecord],
    settings: MatchSettings = DEFAULT_MATCH_SETTINGS,
) -> list[Change]:
    """Given the rows of two quarters of one tracker, return every change, in reference order."""
    pairs = match_rows(old_rows, new_rows, settings)
    matched_old = {i for i, _, _ in pairs}
    matched_new = {j for _, j, _ in pairs}
    changes: list[Change] = []
    for i, j, how in pairs:
        changes.extend(_pair_changes(_Pair(old_rows[i], new_rows[j], how)))
    for i, row in enumerate(old_rows):
        if i not in matched_old:
            changes.append(_gone_or_added(_Pair(row, None, "")))
    for j, row in enumerate(new_rows):
        if j not in matched_new:
            changes.append(_gone_or_added(_Pair(None, row, "")))
    field_order = {f: n for n, f in enumerate(("", *FIELDS))}
    changes.sort(key=lambda c: (natural_key(c.rec_no, c.sub_item), field_order[c.field]))
    return changes


def summarise_quarter(quarter: Quarter) -> QuarterSummary:
    """Given a quarter, return its assessments counted, in scale order (best first)."""
    counts: Counter[tuple[str | None, str | None, str]] = Counter(
        (row.status_scale, row.status_code, status_text(row) or "not assessed")
        for row in quarter.rows
    )

    def order(key: tuple[str | None, str | None, str]) -> tuple[str, int, str]:
        rank = status_rank(key[0], key[1])
        return (key[0] or "~", 99 if rank is None else rank, key[2])

    return QuarterSummary(
        label=quarter.label,
        period=quarter.period,
        presented_date=quarter.presented_date,
        source_file=quarter.rows[0].source_file if quarter.rows else "",
        rows=len(quarter.rows),
        counts=tuple(
            StatusCount(s, c, label, counts[(s, c, label)])
            for s, c, label in sorted(counts, key=order)
        ),
        duplicate_sources=quarter.duplicate_sources,
    )


def diff_series(
    quarters: Sequence[Quarter], settings: MatchSettings = DEFAULT_MATCH_SETTINGS
) -> DiffResult:
    """Given quarters oldest first, return the changes between each and the next.

    A single quarter is compared with itself, so a paper diffed against itself (one period)
    gives a row per recommendation, all `unchanged`.
    """
    pairs = list(itertools.pairwise(quarters)) or [(q, q) for q in quarters[:1]]
    summaries = {id(q): summarise_quarter(q) for q in quarters}
    steps = tuple(
        DiffStep(
            summaries[id(old)],
            summaries[id(new)],
            tuple(diff_trackers(old.rows, new.rows, settings)),
        )
        for old, new in pairs
    )
    return DiffResult(tuple(summaries[id(q)] for q in quarters), steps)
