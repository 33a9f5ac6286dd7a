"""The command line: messages, exit codes, start-up time."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from councilpapers.cli import app
from tests.conftest import DECISION_SEED, TRACKER_SEED

runner = CliRunner()


@pytest.fixture
def bad_files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "papers"
    folder.mkdir()
    files = {
        "garbage": folder / "garbage.txt",
        "empty": folder / "empty.txt",
        "binary": folder / "binary.txt",
        "cp1252": folder / "windows.txt",
    }
    files["garbage"].write_text("qwpoeiru zxmcnvb\n;;;; 9 9 9 \nlkjasd flkj asdf\n")
    files["empty"].write_bytes(b"")
    files["binary"].write_bytes(bytes(range(256)) * 8)
    # A tracker saved by Windows: the en dash is byte 0x96.
    files["cp1252"].write_bytes(
        "No.\tRecommendation\tLink Officer\tCompletion Date\tEvidence of progress\t"
        "Assessment of progress\n1\tThe Council review it.\tHead of Policy\tMay 2016\t"
        "Achieved 03.05.16.\t1 – Fully Achieved\n".encode("cp1252")
    )
    return files


def test_bad_files_get_one_line_each_and_the_batch_goes_on(
    bad_files: dict[str, Path], tmp_path: Path
) -> None:
    papers = bad_files["garbage"].parent
    shutil.copy(TRACKER_SEED, papers / TRACKER_SEED.name)
    out = tmp_path / "out"
    result = runner.invoke(app, ["ingest", str(papers), "--out", str(out)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    for key in ("garbage", "empty", "binary", "cp1252"):
        name = bad_files[key].name
        mine = [line for line in lines if name in line]
        assert len(mine) == 1, (name, lines)
    assert "is empty" in next(line for line in lines if "empty.txt" in line)
    assert "binary" in next(line for line in lines if "binary.txt" in line)
    assert "neither a progress tracker" in next(line for line in lines if "garbage.txt" in line)
    assert "Windows-1252" in next(line for line in lines if "windows.txt" in line)
    assert "2 documents, 16 progress rows" in result.stdout
    errors = (out / "errors.csv").read_text()
    for key in ("garbage", "empty", "binary"):
        assert bad_files[key].name in errors


def test_exit_code_is_1_only_when_nothing_could_be_read(
    bad_files: dict[str, Path], tmp_path: Path
) -> None:
    only_bad = [str(bad_files[k]) for k in ("garbage", "empty", "binary")]
    result = runner.invoke(app, ["ingest", *only_bad, "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert (tmp_path / "o" / "errors.csv").exists()


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such file or folder" in result.stderr


def test_ingest_writes_every_table_in_both_formats(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["ingest", str(TRACKER_SEED), str(DECISION_SEED), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    # Each table whole (Parquet + CSV) and split by council and year (README, "What comes out").
    assert names == [
        ".councilpapers", "decisions", "decisions.csv", "decisions.parquet", "documents",
        "documents.csv", "documents.parquet", "errors.csv", "manifest.csv", "manifest.parquet",
        "progress", "progress.csv", "progress.parquet", "runs.csv",
    ]  # fmt: skip


def test_council_option_fills_papers_that_name_none(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    runner.invoke(app, ["ingest", str(TRACKER_SEED), "--out", str(tmp_path), "--council", "X"])
    assert set(pq.read_table(tmp_path / "progress.parquet")["council"].to_pylist()) == {"X"}


def test_help_lists_commands_and_options() -> None:
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0 and "ingest" in top.stdout
    sub = runner.invoke(app, ["ingest", "--help"])
    for word in ("--out", "--council", "errors.csv", "Parquet"):
        assert word in sub.stdout


def test_help_does_not_import_heavy_libraries() -> None:
    code = (
        "import sys; from councilpapers.cli import app; "
        "heavy = ('pandas', 'pyarrow', 'spacy', 'dateparser', 'pdfplumber', 'rapidfuzz'); "
        "print(','.join(m for m in heavy if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_help_starts_in_under_half_a_second() -> None:
    exe = shutil.which("councilpapers")
    command = [exe, "--help"] if exe else [sys.executable, "-m", "councilpapers", "--help"]
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    assert best < 0.5


def test_inspect_writes_a_png_of_the_page(tmp_path: Path) -> None:
    from tests.conftest import PDF

    target = tmp_path / "page.png"
    pdf = PDF / "stockton_cse_progress_2016-06-29_ruled.pdf"
    result = runner.invoke(app, ["inspect", str(pdf), "--page", "2", "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    missing = runner.invoke(app, ["inspect", str(pdf), "--page", "9"])
    assert missing.exit_code == 2
    assert "there is no page 9" in missing.stderr


def test_no_ocr_lists_the_scanned_file_and_how_to_enable_ocr(tmp_path: Path) -> None:
    from tests.conftest import PDF

    scanned = PDF / "stockton_cse_progress_2016-06-29_scanned.pdf"
    result = runner.invoke(
        app, ["ingest", str(scanned), str(TRACKER_SEED), "--no-ocr", "--out", str(tmp_path)]
    )
    assert result.exit_code == 0
    (line,) = [x for x in result.stderr.splitlines() if scanned.name in x]
    assert "pages 1–4" in line and "ocr" in line.lower()
