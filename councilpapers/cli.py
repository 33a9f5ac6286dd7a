"""The `councilpapers` command: a thin shell over the library.

Each subcommand checks its arguments, makes one library call and prints what it did. Heavy
libraries (pandas, pyarrow, spaCy, dateparser, pdfplumber) are imported inside the commands so
that `councilpapers --help` starts at once. Exit codes: 0 done, 1 nothing could be read, 2 usage.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Literal

import typer

from councilpapers import __version__

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
) -> None:
    """Read papers and write documents, progress and decisions tables (Parquet + CSV).

    Files that cannot be read are listed on stderr and in errors.csv; the rest go through.
    Exits 1 only if no file at all could be read.
    """
    from councilpapers.pipeline import FileResult, ReadOptions, run_ingest

    missing = [p for p in paths if not p.exists()]
    if missing:
        typer.echo(f"councilpapers ingest: no such file or folder: {missing[0]}", err=True)
        raise typer.Exit(2)

    def report(result: FileResult) -> None:
        if result.document is None:
            error = result.error
            typer.echo(f"skipped {error}" if error else f"skipped {result.source_file}", err=True)
            return
        for notice in result.notices:
            typer.echo(f"warning: {notice}", err=True)
        doc = result.document
        table = "progress rows" if doc.kind == "tracker" else "decisions"
        warnings = f", {doc.problems} warnings" if doc.problems else ""
        typer.echo(f"read {doc.source_file}: {doc.kind}, {doc.rows} {table}{warnings}")

    options = ReadOptions(ocr=ocr, ocr_cache=ocr_cache)
    summary = run_ingest(paths, out, council=council, options=options, on_result=report)
    docs = summary.documents
    progress = sum(d.rows for d in docs if d.kind == "tracker")
    decisions = sum(d.rows for d in docs if d.kind == "decision")
    typer.echo(
        f"wrote {out}/: {len(docs)} documents, {progress} progress rows, {decisions} decisions; "
        f"{len(summary.failed)} files skipped, {len(summary.problems)} problems in errors.csv"
    )
    if not docs:
        raise typer.Exit(1)


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
