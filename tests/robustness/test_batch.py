"""Good papers in one batch with hostile ones: every good file's rows are exactly what it gives
alone (0 rows lost), and every bad file is one line in errors.csv with a catalogued code."""

from __future__ import annotations

import csv
import io
import shutil
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from councilpapers.cli import app
from councilpapers.error_codes import CATALOGUE
from councilpapers.pipeline import ReadOptions, process_file
from tests.conftest import PDF, TEXT
from tests.robustness import hostile_pdfs as hostile
from tests.robustness.harness import Outcome, tally

CATEGORY = "batch: good and hostile files"
RULED = PDF / "stockton_cse_progress_2016-06-29_ruled.pdf"
# Columns that identify a row and hold what a reader would check against the paper.
PROGRESS_KEY = ("source_file", "page", "line", "rec_no", "sub_item", "period", "recommendation",
                "officer_raw", "due_raw", "evidence", "status_raw")  # fmt: skip
DECISION_KEY = ("source_file", "page", "line", "rec_no", "text")


def _bad_files(folder: Path) -> dict[str, bytes]:
    ruled = RULED.read_bytes()
    return {
        "truncated.pdf": hostile.truncated(ruled, 0.5),
        "broken-xref.pdf": hostile.broken_xref(ruled),
        "encrypted.pdf": hostile.encrypted_with_user_password(folder),
        "decompression-bomb.pdf": hostile.decompression_bomb(),
        "5000-pages.pdf": hostile.many_pages(5000),
        "100000-tiny-characters.pdf": hostile.dense_page(100_000),
        "self-reference.pdf": hostile.self_reference(),
        "root-self-reference.pdf": hostile.root_self_reference(),
        "deep-page-tree.pdf": hostile.deep_page_tree(),
        "nested-content.pdf": hostile.nested_content(),
        "text-named-pdf.pdf": b"Minutes of the meeting held on 3 May.\n",
        "empty.txt": b"",
        "nul-bytes.txt": b"No.\tRecommendation\x00\x00\x00\n" * 10,
        "random-bytes.txt": bytes((n * 7919) % 256 for n in range(5000)),
        "pdf-named-txt.txt": ruled[: len(ruled) // 4],
    }


def _good_files() -> list[Path]:
    texts = sorted(TEXT.glob("*.txt"))
    pdfs = [p for p in sorted(PDF.glob("*.pdf")) if "scanned" not in p.name]  # no OCR here
    return [*texts, *pdfs]


def _key(row: dict[str, object], columns: tuple[str, ...]) -> tuple[object, ...]:
    return tuple(row[c] for c in columns)


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, list[Path]]:
    """A folder of good and bad papers, and the dataset `councilpapers ingest` made of it."""
    root = tmp_path_factory.mktemp("batch")
    papers, out = root / "papers", root / "out"
    (papers / "good").mkdir(parents=True)
    (papers / "bad").mkdir()
    good = []
    for path in _good_files():
        shutil.copy(path, papers / "good" / path.name)
        good.append(papers / "good" / path.name)
    for name, data in _bad_files(root).items():
        (papers / "bad" / name).write_bytes(data)
    args = ["ingest", str(papers), "--out", str(out), "--no-ocr", "--no-progress", "--jobs", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    return papers, out, good


def test_good_files_lose_no_rows_in_a_batch_with_hostile_ones(
    batch: tuple[Path, Path, list[Path]],
) -> None:
    _, out, good = batch
    progress = pq.read_table(out / "progress.parquet").to_pylist()
    decisions = pq.read_table(out / "decisions.parquet").to_pylist()
    in_batch = Counter(_key(r, PROGRESS_KEY) for r in progress)
    in_batch.update(_key(r, DECISION_KEY) for r in decisions)
    alone: Counter[tuple[object, ...]] = Counter()
    for path in good:
        result = process_file(path, options=ReadOptions(ocr=False))
        rows = [vars(r) for r in result.progress]
        alone.update(_key(r, PROGRESS_KEY) for r in rows)
        alone.update(_key(vars(r), DECISION_KEY) for r in result.decisions)
    lost = alone - in_batch
    category = tally(CATEGORY)
    category.rows_lost = sum(lost.values())
    assert sum(alone.values()) >= 90  # every row of the samples: the comparison compared
    assert not lost, f"{len(lost)} rows of good files missing from the batch: {list(lost)[:3]}"


def test_each_bad_file_is_one_catalogued_error_naming_it(
    batch: tuple[Path, Path, list[Path]],
) -> None:
    papers, out, good = batch
    rows = list(csv.DictReader(io.StringIO((out / "errors.csv").read_text(encoding="utf-8"))))
    errors = {r["source_file"]: r for r in rows if r["severity"] == "error" and not r["page"]}
    category = tally(CATEGORY)
    for path in sorted((papers / "bad").iterdir()):
        row = errors.get(str(path))
        if row is None:
            category.add(Outcome("malformed", f"{path.name}: no error row in errors.csv"))
        elif row["code"] in ("internal-error", "worker-crashed"):
            category.add(Outcome("unhandled", f"{path.name}: {row['message']}"))
        elif row["code"] == "file-timeout":
            category.add(Outcome("hang", f"{path.name}: {row['message']}"))
        elif row["code"] not in CATALOGUE or not row["hint"]:
            category.add(Outcome("malformed", f"{path.name}: {row['code']} {row['hint']!r}"))
        else:
            category.add(Outcome("typed-error", row["code"]))
    documents = pq.read_table(out / "documents.parquet").to_pylist()
    read = {d["source_file"] for d in documents}
    for path in good:
        category.add(Outcome("records" if str(path) in read else "typed-error"))
    assert category.unhandled == category.hangs == category.malformed == 0, category.failures
    assert not read & {str(p) for p in (papers / "bad").iterdir()}
