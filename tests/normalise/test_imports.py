"""Importing the normalisers stays cheap: the CLI's `--help` must start in under half a second."""

from __future__ import annotations

import subprocess
import sys


def test_heavy_libraries_are_imported_lazily() -> None:
    code = (
        "import sys, normalise.text, normalise.dates, normalise.officers, normalise.assessments;"
        "print(sorted(m for m in ('dateparser', 'spacy') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
