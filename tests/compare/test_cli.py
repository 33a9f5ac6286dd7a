"""`councilpapers diff` and `drift`: what they print, write and exit with; tables = library."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from typer.testing import CliRunner

from compare.drift import audit_drift
from compare.quarters import diff_series, merge_quarters
from councilpapers.cli import app
from councilpapers.pipeline import process_file
from output.schema import TABLES
from output.tables import as_dict, csv_cell
from tests.compare import golden_compare as golden

runner = CliRunner()


@pytest.fixture(scope="module")
def paths(repo: Path) -> dict[str, Path]:
    return {
        "june": repo / golden.JUNE,
        "december": repo / golden.DECEMBER,
        "decision": repo / golden.DECISION,
        "two": repo / golden.TWO_QUARTERS,
        "garbage": repo / "samples/text/minutes-not-a-tracker.txt",
    }


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _as_csv(rows: list[object], table: str) -> list[dict[str, str]]:
    return [{c.name: csv_cell(as_dict(r).get(c.name)) for c in TABLES[table]} for r in rows]


def test_diff_writes_what_the_library_returns(paths: dict[str, Path], tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["diff", str(paths["june"]), str(paths["december"]), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1  # rec 9 dropped while slipped
    assert result.stdout.splitlines()[0] == (
        "Q1/2 (29 Jun 2016) → Q3/4 (7 Dec 2016): "
        "1 added, 6 signed off, 1 dropped, 5 modified, 3 unchanged"
    )
    assert result.stderr.strip() == (
        f"alert: recommendation 9 dropped while Slipped ({paths['june']}:page 1:line 20)"
    )
    june, december = process_file(paths["june"]), process_file(paths["december"])
    library = diff_series(merge_quarters(june.progress, december.progress)).changes
    assert _csv(tmp_path / "changes.csv") == _as_csv(list(library), "changes")
    import pyarrow.parquet as pq

    table = pq.read_table(tmp_path / "changes.parquet")
    assert table.column_names == [c.name for c in TABLES["changes"]]
    assert table.num_rows == len(golden.CHANGES_JUNE_DECEMBER)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["changes.csv", "changes.parquet"]


def test_diff_of_a_paper_with_itself(paths: dict[str, Path], tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["diff", str(paths["june"]), str(paths["june"]), "-o", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert {row["change"] for row in _csv(tmp_path / "changes.csv")} == {"unchanged"}
    result = runner.invoke(app, ["diff", str(paths["two"]), str(paths["two"]), "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "Q3/4 (16 Jun 2015) → Q1/2 (15 Dec 2015): "
        "0 added, 0 signed off, 0 dropped, 3 modified, 0 unchanged"
    )


def test_diff_over_an_ingested_dataset(paths: dict[str, Path], tmp_path: Path) -> None:
    dataset = tmp_path / "dataset"
    # Both quarters, and the June paper twice (as a PDF and a text would be): read once.
    copy = tmp_path / "copy-of-stockton_cse_progress.txt"
    copy.write_bytes(paths["june"].read_bytes() + b"\n")
    ingest = runner.invoke(
        app,
        ["ingest", str(paths["june"]), str(copy), str(paths["december"]), "--out", str(dataset)],
    )
    assert ingest.exit_code == 0, ingest.output
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["diff", "--dataset", str(dataset), "--review", "STOCKTON_CSE", "--out", str(out)]
    )
    assert result.exit_code == 1
    assert "1 added, 6 signed off, 1 dropped, 5 modified, 3 unchanged" in result.stdout
    direct = tmp_path / "direct"
    runner.invoke(app, ["diff", str(paths["june"]), str(paths["december"]), "--out", str(direct)])
    # The dataset keeps rows in path order (README, "Batches"), so of the two June papers the
    # copy, under tmp_path, comes first and is the one diffed: the same rows, another path.
    from_dataset = [
        {k: v.replace(str(copy), str(paths["june"])) for k, v in row.items()}
        for row in _csv(out / "changes.csv")
    ]
    assert from_dataset == _csv(direct / "changes.csv")


def test_drift_writes_what_the_library_returns(paths: dict[str, Path], tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["drift", str(paths["decision"]), str(paths["june"]), "--out", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == (
        "9 identical, 2 cosmetic, 0 minor, 0 substantive, 0 missing from tracker, 0 not in decision"
    )
    decision, june = process_file(paths["decision"]), process_file(paths["june"])
    library = audit_drift(decision.decisions, june.progress)
    assert _csv(tmp_path / "drift.csv") == _as_csv(list(library), "drift")


def test_drift_exits_1_and_lists_what_to_check(paths: dict[str, Path], tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["drift", str(paths["decision"]), str(paths["december"]), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    checks = result.stderr.splitlines()
    assert len(checks) == 8  # 6 missing, 1 substantive, 1 not in decision
    assert "check: recommendation 4 substantive: clause added or removed" in checks[2]
    assert checks[-1].startswith("check: recommendation 12 not_in_decision")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["diff"], "give OLD NEW, or --dataset DIR --review TEXT"),
        (["diff", "{june}"], "give OLD NEW, or --dataset DIR --review TEXT"),
        (["diff", "{june}", "{june}", "--review", "x"], "give OLD NEW, or --dataset DIR"),
        (["diff", "--dataset", "{tmp}"], "give OLD NEW, or --dataset DIR --review TEXT"),
        (["diff", "{june}", "{tmp}/nope.txt"], "no such file or folder"),
        (["diff", "{june}", "{june}", "--report", "pdf"], "--report takes html or md, not 'pdf'"),
        (["diff", "{decision}", "{june}"], "expected a progress tracker, found a decision paper"),
        (["drift", "{june}", "{decision}"], "expected a decision record, found a tracker paper"),
        (["diff", "--dataset", "{tmp}", "--review", "x"], "no progress.parquet in this folder"),
    ],
)
def test_usage_errors_exit_2(
    args: list[str], message: str, paths: dict[str, Path], tmp_path: Path
) -> None:
    values = {"june": paths["june"], "decision": paths["decision"], "tmp": tmp_path}
    argv = [a.format(**values) for a in args] + ["--out", str(tmp_path / "out")]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert message in result.stderr


def test_a_paper_that_cannot_be_read_exits_1(paths: dict[str, Path], tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["diff", str(paths["garbage"]), str(paths["june"]), "--out", str(tmp_path)]
    )
    assert result.exit_code == 1
    assert "neither a progress tracker" in result.stderr


def test_help_documents_both_commands() -> None:
    top = runner.invoke(app, ["--help"])
    assert "diff" in top.stdout and "drift" in top.stdout
    for command, words in (
        ("diff", ("--dataset", "--review", "--report", "--out", "changes.csv", "dropped")),
        ("drift", ("--report", "--out", "drift.csv", "substantive", "not_in_decision")),
    ):
        text = runner.invoke(app, [command, "--help"]).stdout
        for word in words:
            assert word in text, (command, word)
