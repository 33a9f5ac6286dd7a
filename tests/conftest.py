"""Shared fixtures: the real sample papers."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TEXT = SAMPLES / "text"
PDF = SAMPLES / "pdf"

TRACKER_SEED = TEXT / "stockton_cse_progress_2016-06-29.txt"
DECISION_SEED = TEXT / "stockton_cse_cabinet_proforma_2015-03-12.txt"


@pytest.fixture(scope="session")
def samples() -> Path:
    return SAMPLES
