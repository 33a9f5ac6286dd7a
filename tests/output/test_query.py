"""`query` and `export` over a dataset of the samples: the README's questions answer, and the
CLI prints what the library returns."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from councilpapers.batch import BatchOptions, run_batch
from councilpapers.cli import app
from councilpapers.pipeline import ReadOptions
from ingest.batch import RunnerSettings
from output.query import DatasetError, export_sqlite, query_dataset
from tests.conftest import PDF, ROOT, TEXT

runner = CliRunner()
README = (ROOT / "README.md").read_text()


def _questions() -> list[str]:
    block = README[
        README.index("<!-- questions:start -->") : README.index("<!-- questions:end -->")
    ]
    return re.findall(r"```sql\n(.+?)```", block, re.S)


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The text samples and the Cabinet proforma PDF, ingested."""
    papers = tmp_path_factory.mktemp("papers")
    shutil.copytree(TEXT, papers / "text")
    shutil.copy(PDF / "stockton_cse_cabinet_proforma_2015-03-12.pdf", papers)
    out = papers.parent / "dataset"
    batch = BatchOptions(runner=RunnerSettings(jobs=2))
    run_batch([papers], out, options=ReadOptions(ocr=False), batch=batch)
    return out


def test_the_readme_asks_five_questions() -> None:
    assert len(_questions()) == 5


def test_slipped_two_quarters_running_by_officer(dataset: Path) -> None:
    result = query_dataset(dataset, _questions()[0])
    assert result.columns == ("officer", "title", "recommendation", "presented_date")
    # Recommendation 6a of the seed: Slipped in June 2016 and again in December.
    officer = "Chair Hartlepool & Stockton LSCBs Multi Agency Training Group"
    assert result.rows == ((officer, None, "6a", dt.date(2016, 12, 7)),)


def test_latest_assessments_overdue_and_resolved(dataset: Path) -> None:
    latest, overdue, resolved = (query_dataset(dataset, q) for q in _questions()[1:4])
    assert ("Empty Homes", dt.date(2016, 1, 14), "Amber", 1) in latest.rows
    assert {(r[1], r[2], r[5]) for r in overdue.rows} >= {
        ("3", "", "Slipped"),
        ("4", "", "Slipped"),
    }
    assert {(r[0], r[1]) for r in resolved.rows} == {("Stockton-on-Tees Borough Council", 2015)}
    assert sum(r[3] for r in resolved.rows) == 11 + 11 + 3


def test_files_that_gave_nothing(dataset: Path) -> None:
    result = query_dataset(dataset, _questions()[4])
    assert result.rows[0][:2] == ("kind-unknown", 1)
    assert result.rows[0][2].endswith("minutes-not-a-tracker.txt")


def test_json_output_is_the_library_result(dataset: Path) -> None:
    sql = "SELECT rec_no, officers, due_date FROM progress ORDER BY source_file, line LIMIT 3"
    out = runner.invoke(app, ["query", str(dataset), sql, "--format", "json"])
    assert out.exit_code == 0, out.output
    assert json.loads(out.stdout) == query_dataset(dataset, sql).records()


def test_csv_and_table_output(dataset: Path) -> None:
    sql = "SELECT kind, count(*) AS n FROM documents GROUP BY kind ORDER BY kind"
    csv_out = runner.invoke(app, ["query", str(dataset), sql, "-f", "csv"]).stdout
    assert csv_out.splitlines()[0] == "kind,n"
    table = runner.invoke(app, ["query", str(dataset), sql]).stdout
    assert "decision" in table and "tracker" in table and "(2 rows)" in table


def test_bad_sql_and_a_folder_that_is_no_dataset_are_usage_errors(
    dataset: Path, tmp_path: Path
) -> None:
    out = runner.invoke(app, ["query", str(dataset), "SELECT nope FROM progress"])
    assert out.exit_code == 2 and "the tables are: documents, progress" in out.stderr
    out = runner.invoke(app, ["query", str(tmp_path), "SELECT 1"])
    assert out.exit_code == 2 and "not a councilpapers dataset" in out.stderr
    with pytest.raises(DatasetError):
        export_sqlite(tmp_path, tmp_path / "x.sqlite")


def test_export_copies_every_table_into_sqlite(dataset: Path, tmp_path: Path) -> None:
    target = tmp_path / "papers.sqlite"
    out = runner.invoke(app, ["export", str(dataset), "--sqlite", str(target)])
    assert out.exit_code == 0, out.output
    with sqlite3.connect(target) as db:
        for table in ("documents", "progress", "decisions", "manifest"):
            count = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            assert count == pq.read_table(dataset / f"{table}.parquet").num_rows
        officers, due = db.execute(
            "SELECT officers, due_date FROM progress WHERE due_raw = 'Post completion of JSNA "
            "September 2015' ORDER BY source_file LIMIT 1"
        ).fetchone()
    assert json.loads(officers) == ["Chair of CYPHWCG"] and due == "2015-09-01"
    assert not list(tmp_path.glob(".*.tmp"))
