"""Folders of papers → one dataset that stays correct as papers are added: `ingest`'s batch.

Walks the folders and hashes every file; from the dataset's manifest decides what must be read
(content not seen before, changed, or read by another version); reads that in worker processes
or on a Dask cluster (`ingest/batch.py`); and commits results to the dataset as they come
(`output/dataset.py`). One document per content: the same bytes under two paths are read once
and their rows carry the first path in sorted order; the manifest lists every path. A second
run over the same folders reads nothing and writes nothing but its line in `runs.csv`.
"""

from __future__ import annotations

import datetime as dt
import os
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from councilpapers import PARSER_VERSION
from councilpapers.errors import Problem
from councilpapers.pipeline import SUFFIXES, FileResult, ReadOptions
from ingest.batch import Outcome, RunnerSettings, run_tasks
from ingest.walk import FoundFile, Walk, is_under, sha256_file, unreadable_file, walk_paths
from normalise.dates import DEFAULT_SETTINGS, DateSettings
from output.dataset import Dataset, ManifestEntry, StoredContent
from output.tables import as_dict

Manifest = dict[str, ManifestEntry]

#: What happened to each file in a run (README, "Batches"); `runs.csv` counts each.
EVENTS = ("inserted", "updated", "unchanged", "reread", "duplicate", "renamed", "removed", "failed")
#: Modules a worker imports before its first paper, so each starts warm.
WORKER_PRELOAD = ("councilpapers.batch", "councilpapers.warm", "ingest.pdf")


@dataclass(frozen=True)
class PaperTask:
    """One content to read, as sent to a worker: plain values only."""

    path: str
    #: The name its rows carry: the first path holding this content, in sorted order.
    source_file: str
    sha256: str
    council: str | None
    settings: DateSettings
    options: ReadOptions


def read_paper(task: PaperTask) -> FileResult:
    """Worker function: read one paper; failures are its problems, never a raise."""
    from councilpapers.pipeline import process_file

    result = process_file(
        Path(task.path),
        task.source_file,
        council=task.council,
        settings=task.settings,
        options=task.options,
    )
    if result.document is not None and result.document.sha256 != task.sha256:
        changed = Problem(
            code="file-changed",
            severity="error",
            source_file=task.source_file,
            message="the file changed while the batch was reading it",
            hint="run ingest again once the folder is no longer being written to",
        )
        return FileResult(task.source_file, problems=(changed,))
    return result


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch (how to read each paper is `ReadOptions`)."""

    runner: RunnerSettings = field(default_factory=RunnerSettings)
    #: Read every file again, known or not.
    force: bool = False
    #: Read again the files that failed before (they are skipped while unchanged).
    retry_failed: bool = False
    #: Seconds between commits while results come in: what a killed run keeps.
    checkpoint_seconds: float = 30.0


DEFAULT_READ = ReadOptions()
DEFAULT_BATCH = BatchOptions()


class BatchEvents(Protocol):
    """What a caller (the CLI's progress display) is told while a batch runs."""

    def planned(self, to_read: int, skipped: int) -> None: ...
    def problem(self, problem: Problem) -> None: ...
    def result(self, result: FileResult) -> None: ...


class _Quiet:
    def planned(self, to_read: int, skipped: int) -> None:
        pass

    def problem(self, problem: Problem) -> None:
        pass

    def result(self, result: FileResult) -> None:
        pass


@dataclass
class BatchSummary:
    """What a batch did (counts per event) and what the dataset holds after it."""

    counts: Counter[str] = field(default_factory=Counter)
    files: int = 0
    rows_added: int = 0
    rows_removed: int = 0
    #: Pages of the papers read this run, and of those the pages read closely.
    pages: int = 0
    pages_read: int = 0
    seconds: float = 0.0
    #: Rows per table in the dataset after the run.
    tables: dict[str, int] = field(default_factory=dict)
    #: Problems that stopped a file or a folder this run (also in errors.csv).
    failures: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)
    committed: bool = False
    #: Files found this run whose content gave a document (read now or before).
    usable: int = 0
    status: str = "interrupted"


@dataclass
class _Content:
    """What is known of one content: where it was read from and what it gave."""

    kind: str = ""
    pages: int | None = None
    pages_read: int | None = None
    rows: int | None = None
    error_code: str = ""
    parser_version: str = ""

    @property
    def failed(self) -> bool:
        return bool(self.error_code) and not self.kind


def _content_of(result: FileResult) -> _Content:
    doc = result.document
    if doc is None:
        error = result.error
        return _Content(error_code=error.code if error else "failed", parser_version=PARSER_VERSION)
    return _Content(doc.kind, doc.pages, result.pages_read, doc.rows, "", PARSER_VERSION)


@dataclass
class _Plan:
    """The batch decided before any paper is read."""

    walk: Walk
    #: name → sha256 (found files that could be hashed) and name → size.
    hashes: dict[str, str]
    sizes: dict[str, int]
    #: name → the problem of a found file that could not be read at all.
    unreadable: dict[str, Problem]
    removed: set[str]
    #: Every path the dataset keeps after the run, with its content ("" if unreadable).
    paths: dict[str, str]
    tasks: list[PaperTask]
    #: name → event, before results turn some into `failed`.
    events: dict[str, str]
    #: sha256 → the found name it is read from.
    reader: dict[str, str]


def _previous_contents(manifest: Manifest) -> dict[str, _Content]:
    """Given a manifest, return what it says each content gave (sha256 → content)."""
    known: dict[str, _Content] = {}
    for entry in manifest.values():
        if entry.sha256 and (entry.sha256 not in known or entry.status != "duplicate"):
            known[entry.sha256] = _Content(
                entry.kind,
                entry.pages,
                entry.pages_read,
                entry.rows,
                entry.error_code,
                entry.parser_version,
            )
    return known


def _plan(
    walk: Walk,
    previous: Manifest,
    known: Mapping[str, _Content],
    stored: Mapping[str, str],
    stored_problems: set[str],
    *,
    council: str | None,
    settings: DateSettings,
    options: ReadOptions,
    batch: BatchOptions,
) -> _Plan:
    """Hash the files found and decide, from the previous manifest and what is stored, which
    contents to read and what happened to each path."""
    hashes: dict[str, str] = {}
    sizes: dict[str, int] = {}
    unreadable: dict[str, Problem] = {}
    files: dict[str, FoundFile] = {}
    for found in walk.files:
        files[found.name] = found
        try:
            sizes[found.name] = found.path.stat().st_size
            hashes[found.name] = sha256_file(found.path)
        except OSError as exc:
            unreadable[found.name] = unreadable_file(found.name, exc)
    found_names = set(files)
    removed = {
        name
        for name in previous
        if name not in found_names and any(is_under(name, root) for root in walk.roots)
    }
    paths: dict[str, str] = {}
    for name, entry in previous.items():
        if name not in removed and name not in found_names:
            paths[name] = entry.sha256
    for name in files:
        paths[name] = hashes.get(name, "")
    holders: dict[str, list[str]] = {}
    for name in sorted(paths):
        if paths[name]:
            holders.setdefault(paths[name], []).append(name)

    reader: dict[str, str] = {}
    tasks: list[PaperTask] = []
    for name in sorted(hashes):
        sha = hashes[name]
        if sha in reader:
            continue
        before = known.get(sha)
        doc_id = sha[:16]
        current = before is not None and before.parser_version == PARSER_VERSION
        read_ok = current and stored.get(doc_id) == PARSER_VERSION
        failed_ok = current and before is not None and before.failed and doc_id in stored_problems
        if batch.force or not (read_ok or failed_ok) or (failed_ok and batch.retry_failed):
            reader[sha] = name
            tasks.append(
                PaperTask(str(files[name].path), holders[sha][0], sha, council, settings, options)
            )

    events: dict[str, str] = {}
    renamed: set[str] = set()
    earlier: dict[str, list[str]] = {}
    for name, entry in previous.items():
        earlier.setdefault(entry.sha256, []).append(name)
    for name in sorted(files):
        found_sha = hashes.get(name)
        was = previous.get(name)
        old_sha = was.sha256 if was is not None else None
        if found_sha is None:
            events[name] = "failed"
        elif reader.get(found_sha) == name:
            events[name] = (
                "inserted" if old_sha is None else "reread" if old_sha == found_sha else "updated"
            )
        elif old_sha == found_sha:
            events[name] = "unchanged"
        elif old_sha is not None:
            events[name] = "updated"
        elif (
            earlier.get(found_sha)
            and all(n in removed for n in earlier[found_sha])
            and found_sha not in renamed
            and found_sha not in reader
        ):
            events[name] = "renamed"  # the first new path of a moved file; others are copies
            renamed.add(found_sha)
        else:
            events[name] = "duplicate"
    return _Plan(walk, hashes, sizes, unreadable, removed, paths, tasks, events, reader)


def _state(
    plan: _Plan, previous: Manifest, contents: Mapping[str, _Content], pending: set[str]
) -> tuple[Manifest, dict[str, str]]:
    """Return the manifest and the labels (doc_id → path) of the state where the contents in
    `pending` are not read yet: their paths keep what the previous manifest said of them."""
    shas: dict[str, str] = {}
    sizes: dict[str, int] = {}
    for name, sha in plan.paths.items():
        entry = previous.get(name)
        if sha and sha in pending:
            if entry is not None:
                shas[name], sizes[name] = entry.sha256, entry.bytes
            continue
        shas[name] = sha
        if name in plan.sizes:
            sizes[name] = plan.sizes[name]
        else:
            sizes[name] = entry.bytes if entry is not None else 0
    first: dict[str, str] = {}
    for name in sorted(shas):
        if shas[name]:
            first.setdefault(shas[name], name)
    manifest: Manifest = {}
    for name in sorted(shas):
        sha = shas[name]
        if not sha:
            problem, old = plan.unreadable.get(name), previous.get(name)
            code = problem.code if problem else old.error_code if old is not None else ""
            manifest[name] = ManifestEntry(name, "", "", sizes[name], "failed", error_code=code,
                                           parser_version=PARSER_VERSION)  # fmt: skip
            continue
        info = contents.get(sha, _Content())
        status = "duplicate" if first[sha] != name else "failed" if info.failed else "read"
        manifest[name] = ManifestEntry(
            source_file=name,
            sha256=sha,
            doc_id=sha[:16],
            bytes=sizes[name],
            status=status,
            duplicate_of=first[sha] if status == "duplicate" else "",
            kind=info.kind,
            pages=info.pages,
            pages_read=info.pages_read,
            rows=info.rows,
            error_code=info.error_code,
            parser_version=info.parser_version,
        )
    labels = {sha[:16]: name for sha, name in first.items()}
    return manifest, labels


def _walk_problems(walk: Walk) -> dict[str, list[Problem]]:
    """Problems found walking, keyed by the root they were found under (every root listed)."""
    keyed: dict[str, list[Problem]] = {f"walk:{root}": [] for root in walk.roots}
    for problem in walk.problems:
        root = next((r for r in walk.roots if is_under(problem.source_file, r)), "")
        keyed.setdefault(f"walk:{root}", []).append(problem)
    return keyed


def run_batch(
    paths: Iterable[Path],
    out_dir: Path,
    *,
    council: str | None = None,
    settings: DateSettings = DEFAULT_SETTINGS,
    options: ReadOptions = DEFAULT_READ,
    batch: BatchOptions = DEFAULT_BATCH,
    events: BatchEvents | None = None,
) -> BatchSummary:
    """Given files and folders, bring the dataset in `out_dir` up to date with them.

    Raises `DatasetBusyError` if another run holds the dataset, `RunnerError` if the executor
    cannot start. Ctrl-C commits what was read, logs the run as interrupted, and re-raises.
    """
    tell = events or _Quiet()
    started = dt.datetime.now(dt.UTC)
    clock = time.perf_counter()
    paths = list(paths)
    summary = BatchSummary()
    with Dataset.open(out_dir) as dataset:
        previous: Manifest = dict(dataset.manifest)
        known = _previous_contents(dataset.manifest)
        walk = walk_paths(paths, SUFFIXES)
        plan = _plan(
            walk,
            previous,
            known,
            dataset.stored_documents(),
            dataset.stored_problem_keys(),
            council=council,
            settings=settings,
            options=options,
            batch=batch,
        )
        summary.files = len(walk.files)
        for problem in [*walk.problems, *plan.unreadable.values()]:
            summary.failures.append(problem)
            tell.problem(problem)
        tell.planned(len(plan.tasks), len(walk.files) - len(plan.tasks))

        contents: dict[str, _Content] = dict(known)
        problems: dict[str, Sequence[object]] = {
            **_walk_problems(walk),
            **{f"path:{n}": [p] for n, p in plan.unreadable.items()},
        }
        pending = {task.sha256 for task in plan.tasks}
        batch_rows: list[StoredContent] = []
        failed_readers: set[str] = set()
        status = "interrupted"

        def commit() -> None:
            manifest, labels = _state(plan, previous, contents, pending)
            stats = dataset.commit(manifest, batch_rows, labels, problems)
            summary.rows_added += stats.rows_added
            summary.rows_removed += stats.rows_removed
            summary.committed = True
            batch_rows.clear()

        outcomes = run_tasks(read_paper, plan.tasks, batch.runner)
        try:
            last = time.monotonic()
            for outcome in outcomes:
                result = _result_of(outcome)
                task = outcome.task
                contents[task.sha256] = _content_of(result)
                pending.discard(task.sha256)
                batch_rows.append(
                    StoredContent(
                        task.sha256[:16],
                        result.document,
                        result.progress,
                        result.decisions,
                        result.problems,
                    )
                )
                if result.document is None:
                    failed_readers.add(plan.reader[task.sha256])
                    if result.error is not None:
                        summary.failures.append(result.error)
                else:
                    summary.pages += result.document.pages
                summary.pages_read += result.pages_read
                tell.result(result)
                if time.monotonic() - last >= batch.checkpoint_seconds:
                    commit()
                    last = time.monotonic()
            status = "complete"
        finally:
            close = getattr(outcomes, "close", None)
            if close is not None:
                close()  # stops the workers if the batch stopped early (Ctrl-C, an error)
            for name, event in plan.events.items():
                final = "failed" if name in failed_readers else event
                if status == "complete" or plan.hashes.get(name) not in pending:
                    summary.counts[final] += 1
            summary.counts["removed"] = len(plan.removed)
            found = [f.name for f in plan.walk.files]
            relevant = set(problems) | {f"path:{n}" for n in (*found, *plan.removed)}
            changed = (
                bool(plan.tasks)
                or _state(plan, previous, contents, pending)[0] != previous
                or _problems_changed(dataset, problems, relevant)
            )
            if changed:
                commit()
            if changed or dataset.pending:
                summary.written = dataset.publish()
            after, _ = _state(plan, previous, contents, pending)
            summary.usable = sum(1 for n in found if n in after and after[n].kind)
            summary.status = status
            summary.tables = dataset.counts()
            summary.seconds = time.perf_counter() - clock
            dataset.log_run(_run_row(summary, paths, batch, started, status))
    return summary


def _result_of(outcome: Outcome[PaperTask, FileResult]) -> FileResult:
    """Given a worker's outcome, return its result, or a result carrying why it has none."""
    if outcome.result is not None:
        return outcome.result
    failure = outcome.failure
    assert failure is not None
    problem = Problem(
        code=failure.code,
        severity="error",
        source_file=outcome.task.source_file,
        message=failure.message,
        hint=failure.hint,
    )
    return FileResult(outcome.task.source_file, problems=(problem,))


def _problems_changed(
    dataset: Dataset, problems: Mapping[str, Sequence[object]], relevant: set[str]
) -> bool:
    """True when the walk's and unreadable files' problems differ from those stored."""
    stored = dataset.tables["errors"]
    old = {
        (r["key"], r["code"], r["source_file"], r["message"])
        for r in stored.to_pylist()
        if r["key"] in relevant
    }
    new = {
        (k, d["code"], d["source_file"], d["message"])
        for k, found in problems.items()
        for d in map(as_dict, found)
    }
    return old != new


def _run_row(
    summary: BatchSummary,
    paths: Sequence[Path],
    batch: BatchOptions,
    started: dt.datetime,
    status: str,
) -> dict[str, object]:
    runner = batch.runner
    return {
        "started": started.isoformat(timespec="seconds"),
        "seconds": f"{summary.seconds:.1f}",
        "status": status,
        "paths": [str(p) for p in paths],
        "executor": runner.executor,
        "jobs": (runner.jobs or os.cpu_count()) if runner.executor == "local" else None,
        "files": summary.files,
        **{event: summary.counts.get(event, 0) for event in EVENTS},
        "rows_added": summary.rows_added,
        "rows_removed": summary.rows_removed,
        "pages_read": summary.pages_read,
        "parser_version": PARSER_VERSION,
    }
