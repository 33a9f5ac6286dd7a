"""The dataset store: safe partition names, one writer at a time, commits that keep, replace,
relabel and drop rows by content, and partitions that follow the rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from councilpapers.errors import Problem
from output.dataset import (
    NULL_PARTITION,
    Dataset,
    DatasetBusyError,
    ManifestEntry,
    StoredContent,
    council_slug,
)

_SAFE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.mark.parametrize(
    ("council", "slug"),
    [
        ("Stockton-on-Tees Borough Council", "stockton-on-tees-borough-council"),
        ("STOCKTON-ON-TEES BOROUGH COUNCIL", "stockton-on-tees-borough-council"),
        ("../../etc", "etc"),
        ("..", NULL_PARTITION),
        ("", NULL_PARTITION),
        (None, NULL_PARTITION),
    ],
)
def test_council_slugs(council: str | None, slug: str) -> None:
    assert council_slug(council) == slug


@given(st.text())
def test_any_council_name_gives_one_safe_path_segment(council: str) -> None:
    slug = council_slug(council)
    assert slug == NULL_PARTITION or (_SAFE.match(slug) and len(slug) <= 60)
    assert council_slug(slug if slug != NULL_PARTITION else "") == slug


def test_a_second_writer_is_refused(tmp_path: Path) -> None:
    with Dataset.open(tmp_path), pytest.raises(DatasetBusyError):
        Dataset.open(tmp_path)
    Dataset.open(tmp_path).close()  # free again once the first has closed


def _doc(doc_id: str, source: str, council: str) -> dict[str, object]:
    import datetime as dt

    return {"doc_id": doc_id, "source_file": source, "kind": "decision", "council": council,
            "meeting_date": dt.date(2015, 3, 12), "rows": 1, "parser_version": "v"}  # fmt: skip


def _decision(doc_id: str, source: str, text: str) -> dict[str, object]:
    return {"doc_id": doc_id, "source_file": source, "page": 1, "line": 1, "pages": [1],
            "rec_no": "1", "text": text, "parser_version": "v"}  # fmt: skip


def _entry(name: str, sha: str) -> ManifestEntry:
    return ManifestEntry(name, sha, sha[:16], 10, "read", kind="decision")


def test_commits_keep_replace_relabel_and_drop_rows_by_content(tmp_path: Path) -> None:
    a, b = "a" * 64, "b" * 64
    with Dataset.open(tmp_path) as dataset:
        dataset.commit(
            {"x.txt": _entry("x.txt", a), "y.txt": _entry("y.txt", b)},
            [
                StoredContent(
                    a[:16],
                    _doc(a[:16], "x.txt", "Xtown Council"),
                    decisions=[_decision(a[:16], "x.txt", "first")],
                ),
                StoredContent(
                    b[:16],
                    _doc(b[:16], "y.txt", "Ytown Council"),
                    decisions=[_decision(b[:16], "y.txt", "second")],
                    problems=[Problem("furniture-dropped", "warning", "y.txt", "m")],
                ),
            ],
            {a[:16]: "x.txt", b[:16]: "y.txt"},
            {},
        )
        dataset.publish()
        assert (tmp_path / "decisions/council_id=ytown-council/year=2015/part-0.parquet").exists()
        # x.txt renamed to w.txt; y.txt gone.
        stats = dataset.commit({"w.txt": _entry("w.txt", a)}, [], {a[:16]: "w.txt"}, {})
        dataset.publish()
    assert (stats.rows_added, stats.rows_removed) == (0, 1)
    with Dataset.open(tmp_path) as again:
        decisions = again.tables["decisions"].to_pylist()
        assert [(d["source_file"], d["text"]) for d in decisions] == [("w.txt", "first")]
        assert again.tables["errors"].num_rows == 0
        assert list(again.manifest) == ["w.txt"]
    assert not (tmp_path / "decisions" / "council_id=ytown-council").exists()
    assert (tmp_path / "decisions.csv").read_bytes().count(b"\r\n") == 2


def test_walk_problems_are_replaced_per_root_and_kept_for_others(tmp_path: Path) -> None:
    loop = Problem("symlink-loop", "error", "p/loop", "a loop")
    with Dataset.open(tmp_path) as dataset:
        dataset.commit({}, [], {}, {"walk:p": [loop], "walk:q": [loop]})
        dataset.commit({}, [], {}, {"walk:p": []})
        keys = dataset.tables["errors"]["key"].to_pylist()
    assert keys == ["walk:q"]


def test_runs_are_appended(tmp_path: Path) -> None:
    from output.dataset import read_runs

    with Dataset.open(tmp_path) as dataset:
        dataset.log_run({"status": "complete", "files": 3})
        dataset.log_run({"status": "interrupted", "files": 1})
    assert [(r["status"], r["files"]) for r in read_runs(tmp_path)] == [
        ("complete", "3"),
        ("interrupted", "1"),
    ]
