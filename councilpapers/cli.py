"""The `councilpapers` command: a thin shell over the library.

Each subcommand checks its arguments, makes one library call and prints what it did. Heavy
libraries (pandas, pyarrow, spaCy, dateparser, pdfplumber) are imported inside the commands so
that `councilpapers --help` starts at once. Exit codes: 0 done, 1 nothing could be read, 2 usage.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

import typer

from councilpapers import __version__
from ingest.batch import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT
from ingest.triage import DEFAULT_MAX_PAGES

if TYPE_CHECKING:
    from councilpapers.batch import BatchSummary
    from output.query import QueryResult

#: What `ingest` counts per file (as `councilpapers.batch.EVENTS`, kept here so --help is fast).
EVENTS = ("inserted", "updated", "unchanged", "reread", "duplicate", "renamed", "removed", "failed")
#: Modules each worker imports before its first paper (as `councilpapers.batch.WORKER_PRELOAD`).
WORKER_PRELOAD = ("councilpapers.batch", "councilpapers.warm", "ingest.pdf")

app = typer.Typer(
    name="councilpapers",
    help="Turn councils' committee papers (scrutiny progress trackers and Cabinet decision "
    "records, as PDF or text) into a documented dataset.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"councilpapers {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Turn councils' committee papers into a documented dataset."""


@app.command()
def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Papers to read: PDF or text files, or folders (searched for *.pdf, *.txt).",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", help="Folder to write the dataset to (created if missing)."),
    ] = Path("out"),
    council: Annotated[
        str | None,
        typer.Option(help="Council to record for papers that do not name one."),
    ] = None,
    ocr: Annotated[
        bool,
        typer.Option(
            help="OCR scanned PDF pages (needs `pip install 'councilpapers[ocr]'` and "
            "tesseract). With --no-ocr scanned pages are listed as unread instead."
        ),
    ] = True,
    ocr_cache: Annotated[
        Path | None,
        typer.Option(
            help="Folder caching OCR results by file hash "
            "[default: $COUNCILPAPERS_CACHE/ocr or ~/.cache/councilpapers/ocr]."
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs", "-j", help="Worker processes [default: one per core].", show_default=False
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(help="Seconds one file may take; a file over it is stopped (file-timeout)."),
    ] = DEFAULT_TIMEOUT,
    memory: Annotated[
        int,
        typer.Option(
            help="MiB of memory a worker may use; a file needing more fails (file-memory). "
            "0: no cap."
        ),
    ] = DEFAULT_MEMORY_MB,
    max_pages: Annotated[
        int, typer.Option(help="Refuse PDFs with more pages than this (pdf-too-many-pages).")
    ] = DEFAULT_MAX_PAGES,
    triage: Annotated[
        bool,
        typer.Option(
            help="Read closely only the PDF pages that hold a tracker or decision record, "
            "judged from every page's text; --no-triage reads every page closely."
        ),
    ] = True,
    force: Annotated[
        bool, typer.Option(help="Read every file again, even unchanged ones.")
    ] = False,
    retry_failed: Annotated[
        bool, typer.Option(help="Read again files that failed before (skipped while unchanged).")
    ] = False,
    executor: Annotated[
        str,
        typer.Option(help="local (worker processes here) or dask (a Dask cluster: --scheduler)."),
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(
            help="With --executor dask: the scheduler's address (tcp://host:8786).",
            show_default=False,
        ),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Show a progress bar [default: when stderr is a terminal].",
            show_default=False,
        ),
    ] = None,
    checkpoint_seconds: Annotated[
        float, typer.Option(hidden=True, help="Seconds between commits (tests use 0).")
    ] = 30.0,
) -> None:
    """Read papers and keep a dataset of documents, progress and decisions (Parquet + CSV).

    Incremental: files already in the dataset and unchanged are skipped, changed files
    replace their rows, and a run killed part way is finished by running it again. Files
    that cannot be read are listed on stderr and in errors.csv; the rest go through. Exits 1
    only if none of the files given could be read.
    """
    problem = _check_ingest_options(
        paths, out, jobs, timeout, memory, max_pages, executor, scheduler
    )
    if problem:
        typer.echo(f"councilpapers ingest: {problem}", err=True)
        raise typer.Exit(2)
    from councilpapers.batch import BatchOptions
    from councilpapers.pipeline import ReadOptions, run_ingest
    from councilpapers.progress import progress_display
    from ingest.batch import RunnerError, RunnerSettings
    from output.dataset import DatasetBusyError

    options = ReadOptions(ocr=ocr, ocr_cache=ocr_cache, triage=triage, max_pages=max_pages)
    runner = RunnerSettings(
        jobs=jobs,
        timeout=timeout,
        memory_mb=memory or None,
        executor="dask" if executor == "dask" else "local",
        scheduler=scheduler,
        preload=WORKER_PRELOAD,
    )
    batch = BatchOptions(
        runner=runner,
        force=force,
        retry_failed=retry_failed,
        checkpoint_seconds=checkpoint_seconds,
    )
    display = progress_display(progress)
    try:
        summary = run_ingest(
            paths, out, council=council, options=options, batch=batch, events=display
        )
    except DatasetBusyError as exc:
        typer.echo(f"councilpapers ingest: {exc}; wait for it to finish", err=True)
        raise typer.Exit(1) from None
    except RunnerError as exc:
        typer.echo(f"councilpapers ingest: {exc}", err=True)
        raise typer.Exit(1) from None
    except KeyboardInterrupt:
        typer.echo("interrupted: what was read is kept; run the same command to finish", err=True)
        raise typer.Exit(130) from None
    finally:
        display.close()
    typer.echo(_ingest_summary(out, summary))
    if not summary.usable:
        raise typer.Exit(1)


def _check_ingest_options(
    paths: list[Path],
    out: Path,
    jobs: int | None,
    timeout: float,
    memory: int,
    max_pages: int,
    executor: str,
    scheduler: str | None,
) -> str | None:
    """Given `ingest`'s arguments, return what is wrong with them, or None."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        return f"no such file or folder: {missing[0]}"
    if out.exists() and not out.is_dir():
        return f"--out {out} is a file; give a folder for the dataset"
    if jobs is not None and jobs < 1:
        return "--jobs must be at least 1"
    if timeout <= 0 or memory < 0 or max_pages < 1:
        return "--timeout must be above 0, --memory 0 or more, --max-pages at least 1"
    if executor not in ("local", "dask"):
        return f"--executor takes local or dask, not {executor!r}"
    if executor == "dask" and not scheduler:
        return "--executor dask needs --scheduler ADDRESS (see the README's 'Running on a cluster')"
    return None


def _ingest_summary(out: Path, summary: BatchSummary) -> str:
    """Given a batch's summary, return the lines `ingest` ends with."""
    tables = summary.tables
    counts = summary.counts
    events = ", ".join(f"{counts.get(e, 0)} {e}" for e in EVENTS)
    rate = f" ({summary.pages / summary.seconds:.1f} pages/s)" if summary.pages else ""
    return (
        f"wrote {out}/: {tables.get('documents', 0)} documents, "
        f"{tables.get('progress', 0)} progress rows, {tables.get('decisions', 0)} decisions, "
        f"{tables.get('errors', 0)} problems in errors.csv\n"
        f"{summary.files} files: {events}; rows +{summary.rows_added} -{summary.rows_removed}; "
        f"{summary.pages} pages in {summary.seconds:.1f} s{rate}"
    )


_FORMATS = ("table", "csv", "json")


@app.command()
def query(
    data: Annotated[
        Path, typer.Argument(help="A dataset folder written by `ingest`.", show_default=False)
    ],
    sql: Annotated[
        str,
        typer.Argument(
            help="SQL over documents, progress, decisions, manifest, errors, runs (and changes, "
            "drift where present).",
            show_default=False,
        ),
    ],
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table, csv or json.")
    ] = "table",
) -> None:
    """Answer a question about a dataset in SQL (DuckDB); see the README's example questions.

    documents, progress and decisions also have council_id and year (the folders they are
    split into): filtering on them reads only those files.
    """
    if output_format not in _FORMATS:
        typer.echo("councilpapers query: --format takes table, csv or json", err=True)
        raise typer.Exit(2)
    _must_exist("query", data)
    from output.query import DatasetError, query_dataset

    try:
        result = query_dataset(data, sql)
    except DatasetError as exc:
        typer.echo(f"councilpapers query: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(_render(result, output_format), nl=False)


def _render(result: QueryResult, output_format: str) -> str:
    """Given a query's result, return it as text in the format asked for."""
    import json

    if output_format == "json":
        return json.dumps(result.records(), ensure_ascii=False, indent=2) + "\n"
    if output_format == "csv":
        import csv
        import io

        from output.tables import csv_cell

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.columns)
        writer.writerows([csv_cell(v) for v in row] for row in result.rows)
        return buffer.getvalue()
    import io

    from rich.console import Console
    from rich.table import Table

    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    buffer = io.StringIO()
    Console(file=buffer, width=200, no_color=True).print(table)
    return buffer.getvalue() + f"({len(result.rows)} rows)\n"


@app.command()
def export(
    data: Annotated[
        Path, typer.Argument(help="A dataset folder written by `ingest`.", show_default=False)
    ],
    sqlite: Annotated[
        Path,
        typer.Option(
            "--sqlite", help="SQLite file to write (replaced if it exists).", show_default=False
        ),
    ],
) -> None:
    """Copy a dataset into one SQLite file, for Datasette, Excel (via ODBC) or any SQL tool.

    Lists (officers, pages) become JSON arrays; dates ISO text.
    """
    _must_exist("export", data)
    from output.query import DatasetError, export_sqlite

    try:
        counts = export_sqlite(data, sqlite)
    except DatasetError as exc:
        typer.echo(f"councilpapers export: {exc}", err=True)
        raise typer.Exit(2) from None
    tables = ", ".join(f"{n} {name}" for name, n in counts.items())
    typer.echo(f"wrote {sqlite}: {tables}")


def _report_formats(command: str, values: list[str] | None) -> list[Literal["html", "md"]]:
    """Given --report values, return them checked (exit 2 on anything but html or md)."""
    formats: list[Literal["html", "md"]] = []
    for value in values or []:
        if value not in ("html", "md"):
            typer.echo(
                f"councilpapers {command}: --report takes html or md, not {value!r}", err=True
            )
            raise typer.Exit(2)
        formats.append("html" if value == "html" else "md")
    return formats


def _must_exist(command: str, *paths: Path) -> None:
    missing = [p for p in paths if not p.exists()]
    if missing:
        typer.echo(f"councilpapers {command}: no such file or folder: {missing[0]}", err=True)
        raise typer.Exit(2)


_REPORT_HELP = "Also write a report a person can read: html or md (repeat for both)."


@app.command()
def diff(
    old: Annotated[
        Path | None,
        typer.Argument(help="The earlier tracker paper (PDF or text).", show_default=False),
    ] = None,
    new: Annotated[
        Path | None,
        typer.Argument(help="The later tracker paper (PDF or text).", show_default=False),
    ] = None,
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write changes.csv/.parquet to.")
    ] = Path("out"),
    dataset: Annotated[
        Path | None,
        typer.Option(
            help="Instead of OLD NEW: an `ingest` output folder; diffs every "
            "successive pair of quarters of --review.",
            show_default=False,
        ),
    ] = None,
    review: Annotated[
        str | None,
        typer.Option(
            help="With --dataset: part of the review's title or file name.", show_default=False
        ),
    ] = None,
    report: Annotated[list[str] | None, typer.Option(help=_REPORT_HELP)] = None,
) -> None:
    """Compare quarters of a tracker: rows added, signed off, dropped, modified, unchanged.

    Writes changes.csv and changes.parquet, one row per change (status, officers, due_date,
    evidence, recommendation). A paper with two quarters side by side is diffed quarter by
    quarter. Exits 1 when a recommendation was dropped while not achieved.
    """
    formats = _report_formats("diff", report)
    if dataset is not None:
        if old is not None or new is not None or not review:
            typer.echo("councilpapers diff: give OLD NEW, or --dataset DIR --review TEXT", err=True)
            raise typer.Exit(2)
        _must_exist("diff", dataset)
    else:
        if old is None or new is None or review is not None:
            typer.echo("councilpapers diff: give OLD NEW, or --dataset DIR --review TEXT", err=True)
            raise typer.Exit(2)
        _must_exist("diff", old, new)
    from compare.pipeline import CompareInputError, run_dataset_diff, run_diff
    from output.report_common import KIND_LABELS, row_outcomes

    try:
        if dataset is not None and review:
            run = run_dataset_diff(dataset, review, out, formats)
        else:
            assert old is not None and new is not None
            run = run_diff(old, new, out, formats)
    except CompareInputError as exc:
        typer.echo(f"councilpapers diff: {exc}", err=True)
        raise typer.Exit(2 if exc.usage else 1) from exc
    for step in run.result.steps:
        counts = row_outcomes(step.changes)
        summary = ", ".join(f"{counts.get(k, 0)} {label}" for k, label in KIND_LABELS.items())
        typer.echo(f"{step.old.label} → {step.new.label}: {summary}")
    dropped = [c for c in run.result.changes if c.change == "dropped"]
    for c in dropped:
        typer.echo(
            f"alert: recommendation {c.rec_no}{c.sub_item} dropped while {c.old or 'not assessed'}"
            f" ({c.old_source})",
            err=True,
        )
    typer.echo(f"wrote {', '.join(str(p) for p in run.written)}")
    if dropped:
        raise typer.Exit(1)


@app.command()
def drift(
    decision: Annotated[
        Path, typer.Argument(help="The Cabinet decision record (PDF or text).", show_default=False)
    ],
    tracker: Annotated[
        Path, typer.Argument(help="A progress tracker of the same review.", show_default=False)
    ],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder to write drift.csv/.parquet to.")
    ] = Path("out"),
    report: Annotated[list[str] | None, typer.Option(help=_REPORT_HELP)] = None,
) -> None:
    """Check that a tracker tracks what Cabinet resolved, recommendation by recommendation.

    Writes drift.csv and drift.parquet with a verdict each: identical, cosmetic, minor,
    substantive, missing_from_tracker or not_in_decision. Exits 1 when any is substantive,
    missing from the tracker or not in the decision.
    """
    formats = _report_formats("drift", report)
    _must_exist("drift", decision, tracker)
    from compare.drift import VERDICTS
    from compare.pipeline import CompareInputError, run_drift

    try:
        run = run_drift(decision, tracker, out, formats)
    except CompareInputError as exc:
        typer.echo(f"councilpapers drift: {exc}", err=True)
        raise typer.Exit(2 if exc.usage else 1) from exc
    findings = run.audit.findings
    counts = {v: sum(f.verdict == v for f in findings) for v in VERDICTS}
    typer.echo(", ".join(f"{n} {v.replace('_', ' ')}" for v, n in counts.items()))
    flagged = [f for f in findings if f.verdict in VERDICTS[3:]]
    for f in flagged:
        typer.echo(f"check: recommendation {f.rec_no} {f.verdict}: {f.reason}", err=True)
    typer.echo(f"wrote {', '.join(str(p) for p in run.written)}")
    if flagged:
        raise typer.Exit(1)


@app.command()
def inspect(
    pdf: Annotated[Path, typer.Argument(help="The PDF to look at.", show_default=False)],
    page: Annotated[int, typer.Option("--page", "-p", help="Page number, from 1.")] = 1,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="PNG to write [default: PDF-NAME.page-N.png]."),
    ] = None,
    resolution: Annotated[int, typer.Option(help="Dots per inch of the picture.")] = 100,
) -> None:
    """Draw what the PDF reader found on one page: table, columns, rows, dropped furniture.

    For tuning councilpapers to a new council's layout: compare the picture with the page.
    """
    from councilpapers.errors import CouncilPapersError
    from ingest.pdf_inspect import inspect_pdf_page

    if not pdf.is_file():
        typer.echo(f"councilpapers inspect: no such file: {pdf}", err=True)
        raise typer.Exit(2)
    target = out or pdf.with_name(f"{pdf.stem}.page-{page}.png")
    try:
        image = inspect_pdf_page(pdf, page, resolution=resolution)
    except CouncilPapersError as exc:
        typer.echo(f"councilpapers inspect: {exc}", err=True)
        raise typer.Exit(2 if exc.code == "page-out-of-range" else 1) from None
    image.save(target)
    typer.echo(f"wrote {target}")


def main() -> None:
    """Console entry point."""
    sys.exit(app())


if __name__ == "__main__":
    main()
