"""Walking input folders: sorted, filtered, and never stopped or looped by what it finds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest.walk import is_under, normalise_name, sha256_file, walk_paths

SUFFIXES = (".pdf", ".txt")


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    root = tmp_path / "papers"
    for name in ("b/2.txt", "a/1.pdf", "a/0.TXT", "notes.doc", ".hidden/x.txt", "a/.~lock.txt"):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(name)
    return root


def test_folders_are_walked_in_sorted_order_for_known_suffixes(archive: Path) -> None:
    walk = walk_paths([archive], SUFFIXES)
    names = [Path(f.name).relative_to(archive).as_posix() for f in walk.files]
    assert names == ["a/0.TXT", "a/1.pdf", "b/2.txt"]  # no .doc, nothing hidden
    assert walk.problems == []
    assert walk.roots == [normalise_name(archive)]


def test_a_file_named_explicitly_is_always_tried(archive: Path) -> None:
    walk = walk_paths([archive / "notes.doc"], SUFFIXES)
    assert [f.name for f in walk.files] == [str(archive / "notes.doc")]


def test_names_are_normalised_so_a_path_has_one_name(archive: Path) -> None:
    walk = walk_paths([Path(f"{archive}/./a/"), archive / "a" / "1.pdf"], SUFFIXES)
    assert [f.name for f in walk.files] == [str(archive / "a/0.TXT"), str(archive / "a/1.pdf")]


def test_a_link_back_up_the_tree_is_reported_not_followed(archive: Path) -> None:
    (archive / "a" / "loop").symlink_to(archive)
    walk = walk_paths([archive], SUFFIXES)
    assert len(walk.files) == 3
    (problem,) = walk.problems
    assert problem.code == "symlink-loop"
    assert problem.source_file == str(archive / "a" / "loop")


def test_a_link_to_itself_and_a_broken_link_are_reported(archive: Path) -> None:
    (archive / "self.txt").symlink_to(archive / "self.txt")
    (archive / "gone.txt").symlink_to(archive / "nowhere.txt")
    walk = walk_paths([archive], SUFFIXES)
    codes = {Path(p.source_file).name: p.code for p in walk.problems}
    assert codes == {"gone.txt": "file-unreadable", "self.txt": "symlink-loop"}
    assert len(walk.files) == 3


def test_a_linked_folder_is_walked_once(archive: Path, tmp_path: Path) -> None:
    (archive / "c").symlink_to(archive / "b", target_is_directory=True)
    walk = walk_paths([archive], SUFFIXES)
    assert len(walk.files) == 3 and walk.problems == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can list any folder")
def test_an_unreadable_folder_is_reported(archive: Path) -> None:
    (archive / "b").chmod(0)
    try:
        walk = walk_paths([archive], SUFFIXES)
    finally:
        (archive / "b").chmod(0o755)
    assert [p.code for p in walk.problems] == ["folder-unreadable"]
    assert len(walk.files) == 2


def test_is_under_compares_whole_path_segments() -> None:
    assert is_under("papers/a/1.pdf", "papers")
    assert is_under("papers", "papers")
    assert not is_under("papers-old/1.pdf", "papers")
    assert is_under("x/1.pdf", ".")


def test_sha256_file_hashes_the_bytes(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"abc")
    assert sha256_file(path).startswith("ba7816bf8f01cfea")
