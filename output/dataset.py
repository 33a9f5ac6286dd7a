"""The dataset on disk, kept up to date in place by batch after batch, one atomic file at a time.

Layout of an `--out` folder (README, "What comes out"):

    documents.parquet, progress.parquet, decisions.parquet   each table whole (the store)
    documents.csv, progress.csv, decisions.csv, errors.csv   the same, for spreadsheets
    manifest.parquet, manifest.csv                            every path seen, and its content
    runs.csv                                                  one row per run (a log)
    progress/council_id=<slug>/year=<yyyy>/part-0.parquet     each table split for queries
    .councilpapers/                                           lock, pending marker, errors store

Every row belongs to one content (its `doc_id`); a commit keeps the rows of the contents the
new manifest still names, adds the newly read ones, relabels `source_file` where a content's
first path changed, sorts, and writes each whole table atomically, manifest last: the manifest
is the commit point. A run killed before it leaves the previous manifest, so a re-run reads
what it had not recorded. Derived files (CSV, partitions) are written after, and a pending
marker makes the next run write them again if it was killed in between.
"""

from __future__ import annotations

import contextlib
import csv
import fcntl
import io
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from output.schema import ERRORS, MANIFEST, RUNS, TABLES, ColumnSpec
from output.tables import arrow_schema, as_dict, to_arrow
from output.writers import csv_bytes, replace_atomically

if TYPE_CHECKING:
    import pyarrow as pa

#: The tables of rows read from papers, each stored whole and split by partition.
ROW_TABLES = ("documents", "progress", "decisions")
STATE_DIR = ".councilpapers"
PART_FILE = "part-0.parquet"
#: Hive's name for a missing partition value; DuckDB and pyarrow read it back as NULL.
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"
# The errors store keeps each problem's owner: a doc_id, `path:NAME` or `walk:ROOT`.
_ERRORS_STORE = (*ERRORS, ColumnSpec("key", "string", "internal: whose problem this is"))
_SLUG = re.compile(r"[^a-z0-9]+")
_SLUG_LENGTH = 60


class DatasetBusyError(Exception):
    """Another `councilpapers ingest` holds the dataset's lock."""


@dataclass(frozen=True)
class ManifestEntry:
    """One path's row in `manifest` (columns as `output.schema.MANIFEST`)."""

    source_file: str
    sha256: str
    doc_id: str
    bytes: int
    status: str
    duplicate_of: str = ""
    kind: str = ""
    pages: int | None = None
    pages_read: int | None = None
    rows: int | None = None
    error_code: str = ""
    parser_version: str = ""


@dataclass(frozen=True)
class StoredContent:
    """What one content gave, to store under its `doc_id`: records as `normalise` made them."""

    doc_id: str
    document: object | None
    progress: Sequence[object] = ()
    decisions: Sequence[object] = ()
    problems: Sequence[object] = ()


@dataclass(frozen=True)
class CommitStats:
    """Rows a commit added to and dropped from `progress` and `decisions`."""

    rows_added: int = 0
    rows_removed: int = 0


def council_slug(council: str | None) -> str:
    """Given a council's name, return it as a safe path segment (`stockton-on-tees-borough-
    council`); a name with no letters or digits (`../..`) gives Hive's null partition."""
    slug = _SLUG.sub("-", (council or "").lower()).strip("-")[:_SLUG_LENGTH].strip("-")
    return slug or NULL_PARTITION


def _year(document: Mapping[str, Any]) -> str:
    when = document.get("meeting_date") or document.get("presented_date")
    return str(when.year) if when is not None else NULL_PARTITION


def _empty(columns: Sequence[ColumnSpec]) -> pa.Table:
    return arrow_schema(columns).empty_table()


def read_parquet_table(path: Path, columns: Sequence[ColumnSpec]) -> pa.Table:
    """Given a Parquet file of a table, return it with exactly `columns` (empty if no file)."""
    import pyarrow.parquet as pq

    if not path.exists():
        return _empty(columns)
    # ParquetFile, not read_table: read_table loads pyarrow.dataset and with it pandas, half
    # the time of a re-run that finds nothing to do.
    with pq.ParquetFile(path) as handle:
        table = handle.read()
    schema = arrow_schema(columns)
    # A dataset written before a column was added gets it empty; one it no longer has is dropped.
    data = {
        f.name: table[f.name] if f.name in table.column_names else [None] * table.num_rows
        for f in schema
    }
    import pyarrow as pa

    return pa.table(data, schema=schema)


def _parquet_bytes(table: pa.Table) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def _relabel(table: pa.Table, key: str, labels: Mapping[str, str]) -> pa.Table:
    """Given rows and their owners' current `source_file`, return them relabelled."""
    import pyarrow as pa

    if not labels or table.num_rows == 0:
        return table
    keys = table[key].to_pylist()
    names = table["source_file"].to_pylist()
    fixed = [labels.get(k, n) for k, n in zip(keys, names, strict=True)]
    index = table.schema.get_field_index("source_file")
    return table.set_column(index, "source_file", pa.array(fixed, pa.string()))


def _keep(table: pa.Table, key: str, live: Iterable[str]) -> pa.Table:
    import pyarrow as pa
    import pyarrow.compute as pc

    return table.filter(pc.is_in(table[key], value_set=pa.array(sorted(live), pa.string())))


def _sorted(name: str, table: pa.Table) -> pa.Table:
    """Sort a table the one way it is always sorted, so output never depends on worker order.

    The sort is stable: rows of one paper keep the order the parser gave them.
    """
    if name == "errors":
        # As the old writer did: a problem with no page or line sorts before those with one.
        keys = [(column, "ascending", "at_start") for column in ("source_file", "page", "line")]
        return table.sort_by([*keys, ("code", "ascending", "at_start")])
    return table.sort_by([("source_file", "ascending")])


class Dataset:
    """An `--out` folder opened for update: holds its lock until `close()`."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir
        self.state_dir = out_dir / STATE_DIR
        self._lock: int | None = None
        self.tables: dict[str, pa.Table] = {}
        self.manifest: dict[str, ManifestEntry] = {}

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def open(cls, out_dir: Path) -> Dataset:
        """Lock the folder (raise `DatasetBusyError` if another run has it) and load it."""
        dataset = cls(out_dir)
        dataset.state_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(dataset.state_dir / "lock", os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise DatasetBusyError(
                f"{out_dir}: another councilpapers ingest is writing this dataset"
            ) from None
        dataset._lock = fd
        dataset._load()
        return dataset

    def close(self) -> None:
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases the lock
            self._lock = None

    def __enter__(self) -> Dataset:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _load(self) -> None:
        for name in ROW_TABLES:
            self.tables[name] = read_parquet_table(self.out_dir / f"{name}.parquet", TABLES[name])
        self.tables["errors"] = read_parquet_table(self.state_dir / "errors.parquet", _ERRORS_STORE)
        manifest = read_parquet_table(self.out_dir / "manifest.parquet", MANIFEST)
        numbers = {c.name for c in MANIFEST if c.type == "int"}
        for row in manifest.to_pylist():
            # Parquet gives None for empty strings' absence; the record keeps "" for them.
            values: dict[str, Any] = {
                k: v if v is not None or k in numbers else "" for k, v in row.items()
            }
            entry = ManifestEntry(**values)
            self.manifest[entry.source_file] = entry
        # Temporary files of a run killed while writing: never renamed, never needed.
        for stale in self.out_dir.rglob(".*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()

    # -- what is stored ----------------------------------------------------------------------

    def stored_documents(self) -> dict[str, str]:
        """Return doc_id → parser_version of every document stored."""
        table = self.tables["documents"]
        ids, versions = table["doc_id"].to_pylist(), table["parser_version"].to_pylist()
        return dict(zip(ids, versions, strict=True))

    def stored_problem_keys(self) -> set[str]:
        """Return the owners (doc_ids, `path:` and `walk:` keys) of the stored problems."""
        return set(self.tables["errors"]["key"].to_pylist())

    def counts(self) -> dict[str, int]:
        """Return the number of rows in each table."""
        return {name: table.num_rows for name, table in self.tables.items()}

    @property
    def pending(self) -> bool:
        """True when the last run stopped before writing the derived files (CSV, partitions)."""
        return (self.state_dir / "pending").exists()

    # -- committing --------------------------------------------------------------------------

    def commit(
        self,
        manifest: Mapping[str, ManifestEntry],
        contents: Sequence[StoredContent],
        labels: Mapping[str, str],
        problems: Mapping[str, Sequence[object]],
    ) -> CommitStats:
        """Store a new state: the rows of the contents `manifest` names (old ones kept, `contents`
        added or replacing theirs), `source_file` set from `labels` (doc_id → path), and
        `problems` replacing those of their keys (`path:NAME`, `walk:ROOT`). Atomic per file,
        manifest last."""
        import pyarrow as pa

        (self.state_dir / "pending").touch()
        live = {e.doc_id for e in manifest.values() if e.doc_id}
        fresh = {c.doc_id for c in contents}
        kept = live - fresh
        stats = CommitStats()
        for name in ROW_TABLES:
            old = self.tables[name]
            table = _keep(old, "doc_id", kept)
            rows: list[object] = []
            for content in contents:
                if name == "documents":
                    rows.extend([content.document] if content.document is not None else [])
                else:
                    rows.extend(getattr(content, name))
            added = to_arrow(rows, TABLES[name])
            table = _sorted(name, _relabel(pa.concat_tables([table, added]), "doc_id", labels))
            if name != "documents":
                stats = CommitStats(
                    stats.rows_added + added.num_rows,
                    stats.rows_removed + old.num_rows - (table.num_rows - added.num_rows),
                )
            self.tables[name] = table
            replace_atomically(self.out_dir / f"{name}.parquet", _parquet_bytes(table))

        paths = {f"path:{e.source_file}" for e in manifest.values() if not e.sha256}
        old_errors = self.tables["errors"]
        keys = set(old_errors["key"].to_pylist())
        walked = {k for k in keys if k.startswith("walk:") and k not in problems}
        errors = _keep(old_errors, "key", (kept | paths | walked) - set(problems))
        new_rows = [{**as_dict(p), "key": c.doc_id} for c in contents for p in c.problems]
        new_rows += [{**as_dict(p), "key": key} for key, found in problems.items() for p in found]
        errors = pa.concat_tables([errors, to_arrow(new_rows, _ERRORS_STORE)])
        self.tables["errors"] = _sorted("errors", _relabel(errors, "key", labels))
        replace_atomically(self.state_dir / "errors.parquet", _parquet_bytes(self.tables["errors"]))

        self.manifest = dict(sorted(manifest.items()))
        entries = list(self.manifest.values())
        replace_atomically(
            self.out_dir / "manifest.parquet", _parquet_bytes(to_arrow(entries, MANIFEST))
        )
        return stats

    # -- derived files -----------------------------------------------------------------------

    def publish(self) -> list[Path]:
        """Write the CSV files and the partitioned Parquet from the stored tables; clear the
        pending marker. Return the paths written."""
        written: list[Path] = []
        for name in (*ROW_TABLES, "errors"):
            columns = TABLES[name]
            target = self.out_dir / f"{name}.csv"
            replace_atomically(target, csv_bytes(self.tables[name].to_pylist(), columns))
            written.append(target)
        target = self.out_dir / "manifest.csv"
        replace_atomically(target, csv_bytes(self.manifest.values(), MANIFEST))
        written.append(target)
        written.extend(self._write_partitions())
        (self.state_dir / "pending").unlink(missing_ok=True)
        return written

    def _write_partitions(self) -> list[Path]:
        """Write each row table split by the paper's council and year; delete stale parts."""
        import pyarrow as pa
        import pyarrow.compute as pc

        place = {
            doc["doc_id"]: (council_slug(doc.get("council")), _year(doc))
            for doc in self.tables["documents"].to_pylist()
        }
        written: list[Path] = []
        for name in ROW_TABLES:
            table = self.tables[name]
            nowhere = (NULL_PARTITION, NULL_PARTITION)
            keys = [place.get(d, nowhere) for d in table["doc_id"].to_pylist()]
            labels = pa.array([f"council_id={c}/year={y}" for c, y in keys], pa.string())
            wanted: set[Path] = set()
            for label in sorted(set(labels.to_pylist())):
                part = table.filter(pc.equal(labels, label))
                target = self.out_dir / name / label / PART_FILE
                replace_atomically(target, _parquet_bytes(part))
                wanted.add(target)
                written.append(target)
            for stale in (self.out_dir / name).glob(f"council_id=*/year=*/{PART_FILE}"):
                if stale not in wanted:
                    stale.unlink()
                    for folder in (stale.parent, stale.parent.parent):
                        with contextlib.suppress(OSError):
                            folder.rmdir()  # only if empty
        return written

    def log_run(self, row: Mapping[str, object]) -> Path:
        """Append one row to `runs.csv`."""
        target = self.out_dir / "runs.csv"
        old = target.read_bytes() if target.exists() else b""
        new = csv_bytes([row], RUNS)
        replace_atomically(target, old + new.split(b"\r\n", 1)[1] if old else new)
        return target


def read_runs(out_dir: Path) -> list[dict[str, str]]:
    """Given a dataset folder, return `runs.csv`'s rows (oldest first)."""
    target = out_dir / "runs.csv"
    if not target.exists():
        return []
    return list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
