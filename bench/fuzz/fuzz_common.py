"""What the atheris harnesses share: where the project is, and a seeded corpus folder."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Sequence
from pathlib import Path


def root() -> Path:
    """The project's root folder (two levels above this file)."""
    return Path(__file__).resolve().parents[2]


def corpus_args(
    argv: Sequence[str], name: str, seeds: Sequence[Path], pattern: str, skip: str = "\0"
) -> list[str]:
    """Given the command line, return it with a seeded corpus folder added if it names none
    (seeds: files matching `pattern` in `seeds` whose names do not hold `skip`)."""
    if any(not a.startswith("-") for a in argv[1:]):
        return list(argv)
    corpus = Path(tempfile.gettempdir()) / f"councilpapers-fuzz-{name}"
    corpus.mkdir(exist_ok=True)
    for folder in seeds:
        for path in sorted(folder.glob(pattern)):
            if skip not in path.name:
                shutil.copy(path, corpus / path.name)
    return [argv[0], str(corpus), *argv[1:]]
