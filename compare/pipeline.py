"""Papers (or an ingested dataset) → comparison → tables and reports: the compare commands' edge.

Like ``councilpapers/pipeline.py`` for `ingest`, this is where I/O meets the pure stages: papers
are read through `process_file` (ingest, parsers, normalise), compared by the pure functions in
this package, and written by ``output/``. The CLI makes one call here per command.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from compare.drift import DriftAudit, audit_papers
from compare.quarters import DiffResult, diff_series, merge_quarters, split_quarters
from councilpapers.errors import CouncilPapersError
from normalise.records import DecisionRecord, ProgressRecord
from output.reports import ReportFormat


class CompareInputError(CouncilPapersError):
    """A paper or dataset given to `diff` or `drift` cannot be compared.

    `usage` is True when the fix is in the command line (a decision given where a tracker
    belongs, a review that matches nothing), so the CLI exits 2 rather than 1.
    """

    code = "compare-input"

    def __init__(self, source_file: str, message: str, *, hint: str = "", usage: bool = False):
        super().__init__(source_file, message, hint=hint)
        self.usage = usage


@dataclass(frozen=True)
class DiffRun:
    """What `councilpapers diff` did: the diff and the files it wrote."""

    result: DiffResult
    written: tuple[Path, ...]


@dataclass(frozen=True)
class DriftRun:
    """What `councilpapers drift` did: the audit and the files it wrote."""

    audit: DriftAudit
    written: tuple[Path, ...]


def _read(path: Path, kind: str) -> tuple[ProgressRecord, ...] | tuple[DecisionRecord, ...]:
    """Given a paper, return its rows if it is of `kind`; raise `CompareInputError` if not."""
    from councilpapers.pipeline import process_file

    result = process_file(path)
    if result.document is None:
        error = result.error
        raise CompareInputError(
            str(path),
            error.message if error else "could not be read",
            hint=error.hint if error else "",
        )
    if result.document.kind != kind:
        wanted = "a progress tracker" if kind == "tracker" else "a decision record"
        raise CompareInputError(
            str(path),
            f"expected {wanted}, found a {result.document.kind} paper",
            hint="check the order of the arguments (councilpapers diff OLD NEW; "
            "councilpapers drift DECISION TRACKER)",
            usage=True,
        )
    return result.progress if kind == "tracker" else result.decisions


def read_tracker(path: Path) -> tuple[ProgressRecord, ...]:
    """Given a tracker paper (PDF or text), return its progress rows."""
    rows = _read(path, "tracker")
    return tuple(r for r in rows if isinstance(r, ProgressRecord))


def read_decision(path: Path) -> tuple[DecisionRecord, ...]:
    """Given a decision record (PDF or text), return its resolved recommendations."""
    rows = _read(path, "decision")
    return tuple(r for r in rows if isinstance(r, DecisionRecord))


def _progress_record(values: dict[str, Any]) -> ProgressRecord:
    """Given a `progress.parquet` row, return it as the record `ingest` wrote."""
    names = {f.name for f in fields(ProgressRecord)}
    data: dict[str, Any] = {name: values.get(name) for name in names}
    data["pages"] = tuple(data["pages"] or ())
    data["officers"] = tuple(data["officers"] or ())
    for name in names - {"pages", "officers"}:
        if data[name] is None and name in _STRING_COLUMNS:
            data[name] = ""
    return ProgressRecord(**data)


_STRING_COLUMNS = {
    "doc_id",
    "source_file",
    "cell_boxes",
    "rec_no",
    "sub_item",
    "recommendation",
    "officer_raw",
    "due_raw",
    "due_condition",
    "due_original",
    "evidence",
    "status_raw",
    "period",
    "parser_version",
}


def read_dataset_review(dataset: Path, review: str) -> tuple[ProgressRecord, ...]:
    """Given an ingested dataset folder and a review's name, return that review's progress rows.

    A row belongs to the review when `review` (any case) is part of its `title` or of its
    `source_file`; rows of several differently titled reviews are refused as ambiguous.
    """
    import pyarrow.parquet as pq

    table_path = dataset / "progress.parquet"
    if not table_path.is_file():
        raise CompareInputError(
            str(dataset),
            "no progress.parquet in this folder",
            hint="give the --out folder of `councilpapers ingest`",
            usage=True,
        )
    rows = [_progress_record(v) for v in pq.read_table(table_path).to_pylist()]
    wanted = review.casefold()
    mine = [
        r
        for r in rows
        if wanted in (r.title or "").casefold() or wanted in r.source_file.casefold()
    ]
    if not mine:
        known = sorted({r.title or Path(r.source_file).name for r in rows})
        raise CompareInputError(
            str(table_path),
            f"no tracker rows for the review {review!r}",
            hint="--review matches part of a title or file name; the dataset has: "
            + ", ".join(known[:12]),
            usage=True,
        )
    titles = sorted({r.title for r in mine if r.title})
    if len(titles) > 1:
        raise CompareInputError(
            str(table_path),
            f"--review {review!r} matches several reviews: {', '.join(titles)}",
            hint="give more of the title",
            usage=True,
        )
    return tuple(mine)


def _write(out_dir: Path, table: str, rows: Sequence[object]) -> list[Path]:
    from output.writers import write_table

    return write_table(out_dir, table, rows)


def run_diff(old: Path, new: Path, out_dir: Path, reports: Sequence[ReportFormat] = ()) -> DiffRun:
    """Given two tracker papers, write the `changes` table (and reports) of OLD's quarters
    then NEW's; a paper against itself compares its own quarters."""
    from output.reports import write_diff_report

    result = diff_series(merge_quarters(read_tracker(old), read_tracker(new)))
    written = _write(out_dir, "changes", result.changes)
    written += write_diff_report(out_dir, result, reports)
    return DiffRun(result, tuple(written))


def run_dataset_diff(
    dataset: Path, review: str, out_dir: Path, reports: Sequence[ReportFormat] = ()
) -> DiffRun:
    """Given an ingested dataset and a review, write the changes between each successive pair
    of its quarters (oldest first; a quarter printed in several papers is read once)."""
    from output.reports import write_diff_report

    result = diff_series(split_quarters(read_dataset_review(dataset, review)))
    written = _write(out_dir, "changes", result.changes)
    written += write_diff_report(out_dir, result, reports)
    return DiffRun(result, tuple(written))


def run_drift(
    decision: Path, tracker: Path, out_dir: Path, reports: Sequence[ReportFormat] = ()
) -> DriftRun:
    """Given a decision record and a tracker, write the `drift` table (and reports)."""
    from output.reports import write_drift_report

    audit = audit_papers(read_decision(decision), read_tracker(tracker))
    written = _write(out_dir, "drift", audit.findings)
    written += write_drift_report(out_dir, audit, reports)
    return DriftRun(audit, tuple(written))
