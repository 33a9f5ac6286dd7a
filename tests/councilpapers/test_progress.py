"""What `ingest` shows while it runs: a line per paper, a bar on a terminal, a log line now and
then otherwise."""

from __future__ import annotations

import pytest

from councilpapers import progress
from councilpapers.errors import Problem
from councilpapers.pipeline import FileResult, process_file
from tests.conftest import TRACKER_SEED


@pytest.fixture(scope="module")
def read() -> FileResult:
    return process_file(TRACKER_SEED)


FAILED = FileResult(
    "x.txt", problems=(Problem("file-empty", "error", "x.txt", "the file is empty", hint="h"),)
)


def test_a_line_per_paper(read: FileResult) -> None:
    assert progress.describe(read) == (
        f"read {TRACKER_SEED}: tracker, 15 progress rows, 12 warnings",
        False,
    )
    assert progress.describe(FAILED) == ("skipped x.txt: the file is empty; h", True)


def test_plain_progress_logs_a_line_every_few_seconds(
    read: FileResult, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(progress, "_LOG_EVERY", 0.0)
    display = progress.PlainProgress()
    display.planned(3, 2)
    display.result(read)
    display.result(FAILED)
    display.close()
    out, err = capsys.readouterr()
    assert out.splitlines() == [progress.describe(read)[0]]
    assert "2 files need no reading" in err
    assert "progress: 1/3 files" in err and "pages/s" in err and "left" in err
    assert "skipped x.txt" in err


def test_the_bar_runs_through_a_batch(read: FileResult, capsys: pytest.CaptureFixture[str]) -> None:
    display = progress.progress_display(True)
    assert isinstance(display, progress.BarProgress)
    display.planned(2, 0)
    display.result(read)
    display.result(FAILED)
    display.close()
    out, _ = capsys.readouterr()
    assert progress.describe(read)[0] in out
