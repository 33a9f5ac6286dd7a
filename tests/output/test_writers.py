"""Dataset writers: types, CSV conventions, spreadsheet safety, atomic replacement."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from output.schema import ColumnSpec
from output.tables import csv_cell, neutralise_formula
from output.writers import csv_bytes, replace_atomically, write_table

COLUMNS = (
    ColumnSpec("name", "string", ""),
    ColumnSpec("when", "date", ""),
    ColumnSpec("tags", "list[string]", ""),
    ColumnSpec("count", "int", ""),
)


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+44 1642", "'+44 1642"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Achieved 21.05.15.", "Achieved 21.05.15."),
        ("", ""),
    ],
)
def test_formula_cells_are_neutralised(text: str, safe: str) -> None:
    assert neutralise_formula(text) == safe
    assert csv_cell(text) == safe


def test_numbers_and_dates_are_not_touched() -> None:
    assert csv_cell(-3) == "-3"
    assert csv_cell(dt.date(2015, 8, 1)) == "2015-08-01"
    assert csv_cell(("Head of X", "=evil")) == "Head of X; '=evil"
    assert csv_cell(None) == ""


def test_parquet_keeps_the_original_text(tmp_path: Path) -> None:
    import output.writers as writers
    from output import schema

    rows = [{"name": "=1+1", "when": dt.date(2016, 6, 29), "tags": ("a", "b"), "count": 2}]
    schema.TABLES["_test"] = COLUMNS
    try:
        writers.write_table(tmp_path, "_test", rows)
    finally:
        del schema.TABLES["_test"]
    table = pq.read_table(tmp_path / "_test.parquet")
    assert table.to_pylist() == [
        {"name": "=1+1", "when": dt.date(2016, 6, 29), "tags": ["a", "b"], "count": 2}
    ]
    assert "'=1+1" in (tmp_path / "_test.csv").read_text()


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@given(st.lists(_TEXT, max_size=10))
def test_csv_reads_back_as_written_with_formulas_neutralised(names: list[str]) -> None:
    records = [{"name": n, "when": None, "tags": (), "count": 1} for n in names]
    text = csv_bytes(records, COLUMNS).decode()
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed[0] == ["name", "when", "tags", "count"]
    assert [line[0] for line in parsed[1:]] == [neutralise_formula(n) for n in names]


def test_replace_atomically_leaves_no_temp_files(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "t.csv"
    replace_atomically(target, b"one")
    replace_atomically(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["t.csv"]


def test_write_table_refuses_unknown_tables(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        write_table(tmp_path, "nope", [])
