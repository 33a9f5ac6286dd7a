"""The papers to read: files named, folders walked, and the content hash that identifies each.

Folders are walked in sorted order, so every machine sees the same files in the same order.
Symbolic links are followed (archives are often assembled from them) but no folder is entered
twice: a link back up the tree is reported as a loop, not followed for ever. Names starting
with a dot (`.git`, editors' lock files) are skipped. Nothing found here is fatal: what cannot
be walked or opened becomes a `Problem`.
"""

from __future__ import annotations

import errno
import hashlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from councilpapers.errors import Problem

_CHUNK = 1 << 20


@dataclass(frozen=True)
class FoundFile:
    """A file to read: `name` as the user gave it (root joined with the walked parts)."""

    path: Path
    name: str
    #: The argument it was found under, normalised (`samples`, not `samples/`).
    root: str


@dataclass
class Walk:
    """What walking the arguments found: files in order, the roots walked, and problems."""

    files: list[FoundFile] = field(default_factory=list)
    roots: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def normalise_name(path: Path | str) -> str:
    """Given a path as typed, return the name the dataset keys it by (`./a//b/` → `a/b`)."""
    return os.path.normpath(str(path))


def is_under(name: str, root: str) -> bool:
    """Given two normalised names, say whether `name` is `root` or inside it."""
    return name == root or root in (".", "") or name.startswith(root.rstrip(os.sep) + os.sep)


def _problem(code: str, name: str, message: str, hint: str) -> Problem:
    return Problem(code=code, severity="error", source_file=name, message=message, hint=hint)


def _unreadable(name: str, exc: OSError) -> Problem:
    if exc.errno == errno.ELOOP:
        return _problem(
            "symlink-loop",
            name,
            "a symbolic link that leads back to itself",
            "remove or fix the link; the rest of the folder was read",
        )
    if exc.errno == errno.ENOENT:
        return _problem(
            "file-unreadable",
            name,
            "a symbolic link to a file that does not exist",
            "remove or fix the link; the rest of the folder was read",
        )
    return _problem(
        "file-unreadable",
        name,
        f"cannot open it ({exc.strerror or type(exc).__name__})",
        "check the path and its permissions",
    )


def _walk_folder(
    folder: Path, name: str, root: str, suffixes: Sequence[str], ancestors: set[tuple[int, int]],
    seen: set[tuple[int, int]], walk: Walk,
) -> None:  # fmt: skip
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        walk.problems.append(
            _problem(
                "folder-unreadable",
                name,
                f"cannot list the folder ({exc.strerror or type(exc).__name__})",
                "check its permissions; the other folders were read",
            )
        )
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        child, child_name = Path(entry.path), os.path.normpath(os.path.join(name, entry.name))
        try:
            info = entry.stat()  # follows links
        except OSError as exc:
            if entry.is_symlink():
                walk.problems.append(_unreadable(child_name, exc))
            continue
        key = (info.st_dev, info.st_ino)
        if entry.is_dir():
            if key in ancestors:
                walk.problems.append(
                    _problem(
                        "symlink-loop",
                        child_name,
                        "a symbolic link to a folder that contains it; not followed",
                        "remove the link if it is a mistake; the rest was read",
                    )
                )
            elif key not in seen:  # a second link to a folder already walked adds nothing
                seen.add(key)
                _walk_folder(child, child_name, root, suffixes, ancestors | {key}, seen, walk)
        elif entry.is_file() and Path(entry.name).suffix.lower() in suffixes:
            walk.files.append(FoundFile(child, child_name, root))


def walk_paths(paths: Iterable[Path], suffixes: Sequence[str]) -> Walk:
    """Given files and folders, return the files to read (folders: those with `suffixes`)."""
    walk = Walk()
    seen: set[tuple[int, int]] = set()
    for path in paths:
        name = normalise_name(path)
        walk.roots.append(name)
        if path.is_dir():
            info = path.stat()
            key = (info.st_dev, info.st_ino)
            seen.add(key)
            _walk_folder(path, name, name, suffixes, {key}, seen, walk)
        else:
            walk.files.append(FoundFile(path, name, name))
    unique: dict[str, FoundFile] = {}
    for found in walk.files:
        unique.setdefault(found.name, found)
    walk.files = list(unique.values())
    return walk


def sha256_file(path: Path) -> str:
    """Given a file, return the SHA-256 of its bytes (raises OSError if it cannot be read)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def unreadable_file(name: str, exc: OSError) -> Problem:
    """Given a file that could not be opened, return the problem that records it."""
    return _unreadable(name, exc)
