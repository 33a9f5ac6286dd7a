"""Records → Arrow tables and CSV cells, typed by `output.schema`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from output.schema import ColumnSpec

if TYPE_CHECKING:
    import pyarrow as pa

LIST_SEPARATOR = "; "
# OWASP's CSV-injection guidance: a spreadsheet treats a cell starting with one of these as a
# formula. Such cells get a leading apostrophe in CSV output (never in Parquet).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def as_dict(row: object) -> Mapping[str, Any]:
    """Given a record (dataclass or mapping), return it as a mapping of column → value."""
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return {f.name: getattr(row, f.name) for f in dataclasses.fields(row)}
    if isinstance(row, Mapping):
        return row
    raise TypeError(f"cannot write a {type(row).__name__} as a row")


def _arrow_type(spec: ColumnSpec) -> pa.DataType:
    import pyarrow as pa

    return {
        "string": pa.string(),
        "int": pa.int64(),
        "date": pa.date32(),
        "list[string]": pa.list_(pa.string()),
        "list[int]": pa.list_(pa.int64()),
    }[spec.type]


def arrow_schema(columns: Sequence[ColumnSpec]) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([pa.field(c.name, _arrow_type(c)) for c in columns])


def to_arrow(rows: Iterable[object], columns: Sequence[ColumnSpec]) -> pa.Table:
    """Given records, return an Arrow table with exactly `columns`, in that order."""
    import pyarrow as pa

    dicts = [as_dict(r) for r in rows]
    data = {
        c.name: [list(v) if isinstance(v := d.get(c.name), tuple) else v for d in dicts]
        for c in columns
    }
    return pa.table(data, schema=arrow_schema(columns))


def neutralise_formula(text: str) -> str:
    """Given a CSV cell's text, return it safe to open in a spreadsheet (`=1+1` → `'=1+1`)."""
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


def csv_cell(value: object) -> str:
    """Given a value, return its CSV text: lists `; `-joined, dates ISO, None empty, and
    formula-like text neutralised."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return neutralise_formula(LIST_SEPARATOR.join(csv_cell(v) for v in value))
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int | float):
        return str(value)
    return neutralise_formula(str(value))
