"""Write the dataset: each table as Parquet and CSV, each file replaced atomically.

A file is written beside its target under a temporary name and renamed over it, so a reader
(or a run killed half way) only ever sees the old file or the new one, never a torn one.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from output.schema import TABLES, ColumnSpec
from output.tables import as_dict, csv_cell, to_arrow


def replace_atomically(target: Path, data: bytes) -> None:
    """Write `data` to `target` so that readers never see a partial file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def csv_bytes(rows: Iterable[object], columns: Sequence[ColumnSpec]) -> bytes:
    """Given records, return CSV for `columns`: RFC 4180 (CRLF line ends, so a CR inside a
    cell is quoted too), UTF-8, a header row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.name for c in columns])
    for row in rows:
        values = as_dict(row)
        writer.writerow([csv_cell(values.get(c.name)) for c in columns])
    return buffer.getvalue().encode("utf-8")


def parquet_bytes(rows: Iterable[object], columns: Sequence[ColumnSpec]) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(to_arrow(rows, columns), sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def write_table(out_dir: Path, name: str, rows: Sequence[object]) -> list[Path]:
    """Write table `name` as ``name.parquet`` and ``name.csv`` in `out_dir`; return the paths."""
    columns = TABLES[name]
    written = []
    for suffix, data in (
        (".parquet", parquet_bytes(rows, columns)),
        (".csv", csv_bytes(rows, columns)),
    ):
        target = out_dir / f"{name}{suffix}"
        replace_atomically(target, data)
        written.append(target)
    return written


def write_dataset(out_dir: Path, tables: Mapping[str, Sequence[object]]) -> list[Path]:
    """Write every table of the dataset (Parquet + CSV; `errors` as CSV only)."""
    written: list[Path] = []
    for name, rows in tables.items():
        if name == "errors":
            target = out_dir / "errors.csv"
            replace_atomically(target, csv_bytes(rows, TABLES["errors"]))
            written.append(target)
        else:
            written.extend(write_table(out_dir, name, rows))
    return written
