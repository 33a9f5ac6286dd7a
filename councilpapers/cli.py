"""The `councilpapers` command: a thin shell over the library.

Each subcommand checks its arguments, makes one library call and prints what it did. Heavy
libraries (pandas, pyarrow, spaCy, dateparser, pdfplumber) are imported inside the commands so
that `councilpapers --help` starts at once. Exit codes: 0 done, 1 nothing could be read, 2 usage.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

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
) -> None:
    """Read papers and write documents, progress and decisions tables (Parquet + CSV).

    Files that cannot be read are listed on stderr and in errors.csv; the rest go through.
    Exits 1 only if no file at all could be read.
    """
    from councilpapers.pipeline import FileResult, run_ingest

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

    summary = run_ingest(paths, out, council=council, on_result=report)
    docs = summary.documents
    progress = sum(d.rows for d in docs if d.kind == "tracker")
    decisions = sum(d.rows for d in docs if d.kind == "decision")
    typer.echo(
        f"wrote {out}/: {len(docs)} documents, {progress} progress rows, {decisions} decisions; "
        f"{len(summary.failed)} files skipped, {len(summary.problems)} problems in errors.csv"
    )
    if not docs:
        raise typer.Exit(1)


def main() -> None:
    """Console entry point."""
    sys.exit(app())


if __name__ == "__main__":
    main()
