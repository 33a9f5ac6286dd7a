"""`ingest` over folders: counts, duplicates, renames, changes, bad files, re-runs that change
nothing, a run killed part way, the same bytes whatever `--jobs`, and the Dask executor."""

from __future__ import annotations

import csv
import io
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from councilpapers import batch, cli
from councilpapers.cli import app
from tests.conftest import DECISION_SEED, PDF, TEXT, TRACKER_SEED

runner = CliRunner()
TWO_QUARTERS = TEXT / "two-quarters-side-by-side.txt"
PROFORMA_PDF = PDF / "stockton_cse_cabinet_proforma_2015-03-12.pdf"
#: The dataset's files that must not depend on history or workers (runs.csv is a log).
DATASET = ("documents.csv", "progress.csv", "decisions.csv", "errors.csv", "manifest.csv")


def _ingest(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["ingest", *args, "--no-ocr", "--no-progress"])
    return result.exit_code, result.stdout, result.stderr


def _counts(stdout: str) -> dict[str, int]:
    """Given `ingest`'s output, return its per-file counts ("3 inserted, 0 updated, …")."""
    line = next(x for x in stdout.splitlines() if " files: " in x)
    events = line.split(" files: ", 1)[1].split(";", 1)[0]
    return {name: int(n) for n, name in (part.split() for part in events.split(", "))}


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _snapshot(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in DATASET}


@pytest.fixture
def papers(tmp_path: Path) -> Path:
    """Good papers, a byte-identical copy, and three bad files."""
    folder = tmp_path / "papers"
    (folder / "dup").mkdir(parents=True)
    for paper in (TRACKER_SEED, DECISION_SEED, TWO_QUARTERS, PROFORMA_PDF):
        shutil.copy(paper, folder / paper.name)
    shutil.copy(TRACKER_SEED, folder / "dup" / "copy.txt")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "garbage.txt").write_text("qwpoeiru zxmcnvb\n;;;; 9 9 9\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    return folder


def test_first_run_counts_reads_each_content_once_and_lists_every_path(
    papers: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    code, stdout, stderr = _ingest(str(papers), "--out", str(out), "--jobs", "2")
    assert code == 0, stderr
    counts = _counts(stdout)
    assert (counts["inserted"], counts["duplicate"], counts["failed"]) == (4, 1, 3)
    assert "4 documents, 21 progress rows, 22 decisions" in stdout
    manifest = {Path(r["source_file"]).name: r for r in _csv(out / "manifest.csv")}
    assert len(manifest) == 8
    # The copy sorts first (dup/ < stockton…), so the content's rows carry its path.
    assert manifest["copy.txt"]["status"] == "read"
    original = manifest[TRACKER_SEED.name]
    assert original["status"] == "duplicate"
    assert original["duplicate_of"] == str(papers / "dup" / "copy.txt")
    assert {manifest[n]["error_code"] for n in ("empty.txt", "binary.txt")} == {
        "file-empty",
        "file-binary",
    }
    assert manifest["garbage.txt"]["status"] == "failed"
    progress_files = {r["source_file"] for r in _csv(out / "progress.csv")}
    assert str(papers / TRACKER_SEED.name) not in progress_files
    errors = {
        Path(r["source_file"]).name for r in _csv(out / "errors.csv") if r["severity"] == "error"
    }
    assert errors == {"empty.txt", "garbage.txt", "binary.txt"}
    runs = _csv(out / "runs.csv")
    assert [(r["status"], r["inserted"], r["failed"]) for r in runs] == [("complete", "4", "3")]


def test_a_second_run_changes_nothing(papers: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _ingest(str(papers), "--out", str(out))
    files = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    code, stdout, _ = _ingest(str(papers), "--out", str(out))
    assert code == 0
    assert _counts(stdout) == {**dict.fromkeys(batch.EVENTS, 0), "unchanged": 8}
    after = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()}
    changed = {p.name for p in after if after[p] != files.get(p)}
    assert changed == {"runs.csv"}
    assert len(_csv(out / "runs.csv")) == 2


def test_renamed_changed_and_removed_files_and_the_result_equals_a_fresh_run(
    papers: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    _ingest(str(papers), "--out", str(out))
    (papers / TWO_QUARTERS.name).rename(papers / "renamed.txt")
    (papers / "garbage.txt").unlink()
    changed = papers / DECISION_SEED.name
    changed.write_text(changed.read_text().replace("be submitted to the LSCB", "be sent to LSCB"))
    code, stdout, _ = _ingest(str(papers), "--out", str(out))
    assert code == 0
    counts = _counts(stdout)
    assert (counts["renamed"], counts["updated"], counts["removed"]) == (1, 1, 2)
    assert counts["inserted"] == 0 and counts["unchanged"] == 5
    texts = {r["text"] for r in _csv(out / "decisions.csv")}
    assert any("be sent to LSCB" in t for t in texts)
    assert any("be submitted to the LSCB" in t for t in texts)  # the PDF still says it
    assert str(papers / "renamed.txt") in {r["source_file"] for r in _csv(out / "progress.csv")}
    fresh = tmp_path / "fresh"
    _ingest(str(papers), "--out", str(fresh))
    assert _snapshot(out) == _snapshot(fresh)


def test_the_same_bytes_whatever_jobs(papers: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    _ingest(str(papers), "--out", str(one), "--jobs", "1")
    _ingest(str(papers), "--out", str(two), "--jobs", "2")
    assert _snapshot(one) == _snapshot(two)
    for table in ("documents", "progress", "decisions", "manifest"):
        assert pq.read_table(one / f"{table}.parquet").equals(
            pq.read_table(two / f"{table}.parquet")
        )


def test_partitions_hold_the_same_rows_and_stay_inside_out(papers: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    _ingest(str(papers), "--out", str(out), "--council", "../../etc")
    parts = sorted(p.relative_to(out).as_posix() for p in out.glob("progress/*/*/*.parquet"))
    assert parts == ["progress/council_id=etc/year=2015/part-0.parquet",
                     "progress/council_id=etc/year=2016/part-0.parquet"]  # fmt: skip
    assert all(p.resolve().is_relative_to(out.resolve()) for p in out.rglob("*"))
    whole = pq.read_table(out / "decisions.parquet")
    split = pq.read_table(out / "decisions", partitioning="hive")
    assert sorted(split.column("doc_id").to_pylist()) == sorted(whole["doc_id"].to_pylist())
    assert set(split.column("council_id").to_pylist()) == {"stockton-on-tees-borough-council"}


def test_a_pdf_over_max_pages_is_refused_and_the_rest_read(papers: Path, tmp_path: Path) -> None:
    shutil.copy(PDF / "stockton_cse_progress_2016-06-29_ruled.pdf", papers / "ruled.pdf")
    out = tmp_path / "out"
    code, stdout, stderr = _ingest(str(papers), "--out", str(out), "--max-pages", "3")
    assert code == 0
    line = next(x for x in stderr.splitlines() if "ruled.pdf" in x)
    assert "4 pages, more than --max-pages 3" in line
    codes = {Path(r["source_file"]).name: r["error_code"] for r in _csv(out / "manifest.csv")}
    assert codes["ruled.pdf"] == "pdf-too-many-pages"
    assert "4 documents" in stdout


def test_usage_errors_exit_2(papers: Path, tmp_path: Path) -> None:
    out = str(tmp_path / "out")
    assert _ingest(str(papers), "--out", out, "--jobs", "0")[0] == 2
    assert _ingest(str(papers), "--out", out, "--executor", "spark")[0] == 2
    code, _, stderr = _ingest(str(papers), "--out", out, "--executor", "dask")
    assert code == 2 and "--scheduler" in stderr


def test_the_cli_and_the_library_agree_on_events_and_preload() -> None:
    assert cli.EVENTS == batch.EVENTS
    assert cli.WORKER_PRELOAD == batch.WORKER_PRELOAD


def _variants(folder: Path, count: int) -> None:
    """Write `count` distinct trackers (the seed with k blank lines added)."""
    folder.mkdir(parents=True)
    data = TRACKER_SEED.read_bytes()
    for k in range(count):
        (folder / f"tracker-{k:02d}.txt").write_bytes(data + b"\n" * (k + 1))


def test_a_run_killed_part_way_then_run_again_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    papers, killed, whole = tmp_path / "papers", tmp_path / "killed", tmp_path / "whole"
    _variants(papers, 12)
    command = [sys.executable, "-m", "councilpapers", "ingest", str(papers), "--out", str(killed)]
    command += ["--jobs", "1", "--no-progress", "--checkpoint-seconds", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert process.stdout is not None
    read = 0
    for line in process.stdout:
        read += line.startswith(b"read ")
        if read == 4:
            process.send_signal(signal.SIGKILL)  # the main process only: workers are orphaned
            break
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    manifest = killed / "manifest.parquet"
    committed = pq.read_table(manifest).num_rows if manifest.exists() else 0
    assert committed < 12  # it really stopped part way
    code, stdout, _ = _ingest(str(papers), "--out", str(killed))
    assert code == 0
    counts = _counts(stdout)
    assert (counts["inserted"], counts["unchanged"]) == (12 - committed, committed)
    _ingest(str(papers), "--out", str(whole))
    assert _snapshot(killed) == _snapshot(whole)


def test_the_dask_executor_gives_the_same_dataset(papers: Path, tmp_path: Path) -> None:
    dask = pytest.importorskip("dask")
    distributed = pytest.importorskip("distributed")
    local, remote = tmp_path / "local", tmp_path / "remote"
    _ingest(str(papers), "--out", str(local))
    # Workers that may start processes, as the README says to start them: the per-file pool.
    with (
        dask.config.set({"distributed.worker.daemon": False}),
        distributed.LocalCluster(
            n_workers=1, threads_per_worker=2, processes=True, dashboard_address=None
        ) as cluster,
    ):
        code, stdout, stderr = _ingest(
            str(papers), "--out", str(remote), "--executor", "dask",
            "--scheduler", cluster.scheduler_address,
        )  # fmt: skip
    assert code == 0, stderr
    assert _counts(stdout)["inserted"] == 4
    assert _snapshot(local) == _snapshot(remote)


def test_help_documents_the_batch_options() -> None:
    text = runner.invoke(app, ["ingest", "--help"]).stdout
    for option in ("--jobs", "--timeout", "--memory", "--max-pages", "--executor", "--scheduler",
                   "--triage", "--force", "--retry-failed"):  # fmt: skip
        assert option in text
    assert "--checkpoint-seconds" not in text


def test_hostile_pdfs_are_refused_with_a_reason_and_the_rest_is_read(
    papers: Path, tmp_path: Path
) -> None:
    from councilpapers.error_codes import CATALOGUE
    from tests.robustness import hostile_pdfs

    clean = tmp_path / "clean"
    _ingest(str(papers), "--out", str(clean))
    hostile = {
        "many-pages.pdf": hostile_pdfs.many_pages(5000),
        "decompression-bomb.pdf": hostile_pdfs.decompression_bomb(1024),
        "self-reference.pdf": hostile_pdfs.self_reference(),
        "page-tree-cycle.pdf": hostile_pdfs.page_tree_cycle(),
        "nested-arrays.pdf": hostile_pdfs.nested_arrays(),
    }
    for name, data in hostile.items():
        (papers / name).write_bytes(data)
    out = tmp_path / "out"
    code, _, _ = _ingest(str(papers), "--out", str(out), "--timeout", "60")
    assert code == 0
    errors = [r for r in _csv(out / "errors.csv") if r["severity"] == "error"]
    by_file = {Path(r["source_file"]).name: r["code"] for r in errors}
    assert set(by_file) >= set(hostile)
    assert all(by_file[name] in CATALOGUE for name in hostile)
    assert by_file["many-pages.pdf"] == "pdf-too-many-pages"
    assert by_file["decompression-bomb.pdf"] == "pdf-stream-too-large"
    for table in ("documents.csv", "progress.csv", "decisions.csv"):
        assert (out / table).read_bytes() == (clean / table).read_bytes()
