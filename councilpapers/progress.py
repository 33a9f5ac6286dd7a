"""What `ingest` shows while it runs: a progress bar on a terminal, plain lines otherwise.

Both print a line per paper read (stdout) and per file that failed (stderr), as `ingest`
always has; the bar (rich: files, pages per second, time left) or, in a log, a progress line
every few seconds tells how far the batch is.
"""

from __future__ import annotations

import sys
import time
from typing import Any

import typer

from councilpapers.errors import Problem
from councilpapers.pipeline import FileResult

#: Seconds between progress lines when not on a terminal.
_LOG_EVERY = 10.0


def describe(result: FileResult) -> tuple[str, bool]:
    """Given a file's result, return the line `ingest` prints for it and whether it is an error."""
    if result.document is None:
        error = result.error
        return (f"skipped {error}" if error else f"skipped {result.source_file}"), True
    doc = result.document
    table = "progress rows" if doc.kind == "tracker" else "decisions"
    warnings = f", {doc.problems} warnings" if doc.problems else ""
    return f"read {doc.source_file}: {doc.kind}, {doc.rows} {table}{warnings}", False


def _eta(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


class PlainProgress:
    """Per-file lines, and a progress line every few seconds (for logs and pipes)."""

    def __init__(self) -> None:
        self.total = self.done = self.pages = 0
        self.start = self.last = time.monotonic()

    def planned(self, to_read: int, skipped: int) -> None:
        self.total = to_read
        if skipped:
            typer.echo(f"{skipped} files need no reading (in the dataset already)", err=True)

    def problem(self, problem: Problem) -> None:
        typer.echo(f"skipped {problem}", err=True)

    def result(self, result: FileResult) -> None:
        for notice in result.notices:
            typer.echo(f"warning: {notice}", err=True)
        line, error = describe(result)
        typer.echo(line, err=error)
        self.done += 1
        self.pages += result.document.pages if result.document else 0
        now = time.monotonic()
        if now - self.last >= _LOG_EVERY and self.done < self.total:
            self.last = now
            rate = self.done / (now - self.start)
            left = (self.total - self.done) / rate if rate else 0.0
            typer.echo(
                f"progress: {self.done}/{self.total} files, "
                f"{self.pages / (now - self.start):.1f} pages/s, about {_eta(left)} left",
                err=True,
            )

    def close(self) -> None:
        pass


class BarProgress(PlainProgress):
    """A rich progress bar on stderr, with the per-file lines printed above it."""

    def __init__(self) -> None:
        super().__init__()
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        self.bar: Any = Progress(
            TextColumn("reading"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files"),
            TextColumn("{task.fields[rate]}"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task: Any = None

    def planned(self, to_read: int, skipped: int) -> None:
        super().planned(to_read, skipped)
        if to_read:
            self.bar.start()
            self.task = self.bar.add_task("reading", total=to_read, rate="")

    def result(self, result: FileResult) -> None:
        for notice in result.notices:
            self.bar.console.print(f"warning: {notice}", markup=False, highlight=False)
        line, error = describe(result)
        if error:
            self.bar.console.print(line, markup=False, highlight=False)
        else:
            # print, not typer.echo: rich swaps sys.stdout for a proxy that writes above the bar.
            print(line, flush=True)
        self.done += 1
        self.pages += result.document.pages if result.document else 0
        rate = self.pages / max(time.monotonic() - self.start, 1e-6)
        self.bar.update(self.task, advance=1, rate=f"{rate:.1f} pages/s")

    def close(self) -> None:
        self.bar.stop()


def progress_display(show_bar: bool | None = None) -> PlainProgress:
    """Return the bar on a terminal (or when asked), plain lines otherwise."""
    if show_bar is None:
        show_bar = sys.stderr.isatty()
    return BarProgress() if show_bar else PlainProgress()
