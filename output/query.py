"""Ask a dataset questions in SQL (DuckDB), and copy it into SQLite for Datasette or Excel.

`query` sees one view per table: `documents`, `progress` and `decisions` over the Parquet split
by council and year (so `WHERE council_id = … AND year = …` reads only those files), and
`manifest`, `errors`, `runs`, plus `changes` and `drift` where `diff`/`drift` wrote them here.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from output.dataset import PART_FILE, ROW_TABLES, STATE_DIR, read_parquet_table
from output.schema import TABLES

#: Tables `export` copies, when present.
EXPORTED = ("documents", "progress", "decisions", "errors", "manifest", "changes", "drift")


class DatasetError(Exception):
    """The folder is not a dataset, or the SQL is wrong: the message says which and how."""


@dataclass(frozen=True)
class QueryResult:
    """A query's column names and rows (values as DuckDB gives them: dates, lists, numbers)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]

    def records(self) -> list[dict[str, Any]]:
        """Return the rows as JSON-ready mappings (dates as ISO text)."""
        return [{c: _plain(v) for c, v in zip(self.columns, row, strict=True)} for row in self.rows]


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, int | float | str | bool) or value is None:
        return value
    return str(value)  # Decimal, UUID, …


def _quote(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def _views(out_dir: Path) -> dict[str, str]:
    """Given a dataset folder, return view name → the SQL that reads the table."""
    if not (out_dir / "documents.parquet").exists():
        raise DatasetError(
            f"{out_dir}: not a councilpapers dataset (no documents.parquet); "
            "make one with: councilpapers ingest PAPERS --out DIR"
        )
    views: dict[str, str] = {}
    for name in ROW_TABLES:
        if any((out_dir / name).glob(f"council_id=*/year=*/{PART_FILE}")):
            glob = out_dir / name / "*" / "*" / PART_FILE
            views[name] = (
                f"SELECT * FROM read_parquet({_quote(glob)}, hive_partitioning = true, "
                "hive_types = {'council_id': VARCHAR, 'year': INTEGER})"
            )
        else:
            views[name] = (
                f"SELECT *, NULL::VARCHAR AS council_id, NULL::INTEGER AS year "
                f"FROM read_parquet({_quote(out_dir / f'{name}.parquet')})"
            )
    for name in ("manifest", "changes", "drift"):
        if (out_dir / f"{name}.parquet").exists():
            views[name] = f"SELECT * FROM read_parquet({_quote(out_dir / f'{name}.parquet')})"
    store = out_dir / STATE_DIR / "errors.parquet"
    if store.exists():
        views["errors"] = f"SELECT * EXCLUDE (key) FROM read_parquet({_quote(store)})"
    if (out_dir / "runs.csv").exists():
        views["runs"] = f"SELECT * FROM read_csv({_quote(out_dir / 'runs.csv')}, header = true)"
    return views


def _connect(out_dir: Path) -> Any:
    import duckdb

    con = duckdb.connect()
    for name, sql in _views(out_dir).items():
        con.execute(f"CREATE VIEW {name} AS {sql}")
    return con


def query_dataset(out_dir: Path, sql: str) -> QueryResult:
    """Given a dataset folder and a SQL query over its tables, return the result."""
    import duckdb

    con = _connect(out_dir)
    try:
        cursor = con.execute(sql)
        columns = tuple(d[0] for d in cursor.description or ())
        rows = tuple(tuple(r) for r in cursor.fetchall()) if columns else ()
    except duckdb.Error as exc:
        tables = ", ".join(_views(out_dir))
        raise DatasetError(f"{exc}; the tables are: {tables}") from None
    finally:
        con.close()
    return QueryResult(columns, rows)


# -- SQLite ------------------------------------------------------------------------------------

_SQLITE_TYPES = {"string": "TEXT", "int": "INTEGER", "date": "TEXT"}


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return value


def _table_rows(out_dir: Path, name: str) -> list[dict[str, Any]] | None:
    """Given a dataset folder and a table name, return its rows, or None if it has none."""
    if name == "errors":
        path = out_dir / STATE_DIR / "errors.parquet"
    else:
        path = out_dir / f"{name}.parquet"
    if not path.exists():
        return None
    rows: list[dict[str, Any]] = read_parquet_table(path, TABLES[name]).to_pylist()
    return rows


def export_sqlite(out_dir: Path, target: Path) -> dict[str, int]:
    """Given a dataset folder, write its tables into a new SQLite file at `target` (replaced
    atomically); lists become JSON arrays, dates ISO text. Return rows written per table."""
    _views(out_dir)  # refuse a folder that is not a dataset, with the usual message
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    counts: dict[str, int] = {}
    try:
        with sqlite3.connect(tmp) as db:
            for name in EXPORTED:
                rows = _table_rows(out_dir, name)
                if rows is None:
                    continue
                columns = TABLES[name]
                spec = ", ".join(f'"{c.name}" {_SQLITE_TYPES.get(c.type, "TEXT")}' for c in columns)
                db.execute(f'DROP TABLE IF EXISTS "{name}"')
                db.execute(f'CREATE TABLE "{name}" ({spec})')
                marks = ", ".join("?" for _ in columns)
                db.executemany(
                    f'INSERT INTO "{name}" VALUES ({marks})',
                    ([_sqlite_value(row.get(c.name)) for c in columns] for row in rows),
                )
                if any(c.name == "doc_id" for c in columns):
                    db.execute(f'CREATE INDEX "{name}_doc_id" ON "{name}" (doc_id)')
                counts[name] = len(rows)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return counts
