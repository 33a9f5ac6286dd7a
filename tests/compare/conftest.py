"""Fixtures for the comparison tests: the papers read once per session, by their repo paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilpapers.pipeline import FileResult, process_file
from tests.compare import golden_compare as golden
from tests.conftest import ROOT


def read(relative: str) -> FileResult:
    """Given a sample's path from the repo root, return it processed, named by that path."""
    return process_file(ROOT / relative, source_file=relative)


@pytest.fixture(scope="session")
def june() -> FileResult:
    return read(golden.JUNE)


@pytest.fixture(scope="session")
def december() -> FileResult:
    return read(golden.DECEMBER)


@pytest.fixture(scope="session")
def decision() -> FileResult:
    return read(golden.DECISION)


@pytest.fixture(scope="session")
def two_quarters() -> FileResult:
    return read(golden.TWO_QUARTERS)


@pytest.fixture(scope="session")
def repo() -> Path:
    return ROOT
