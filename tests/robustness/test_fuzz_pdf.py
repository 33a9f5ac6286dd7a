"""Fuzzing the PDF path: real PDFs cut short, overwritten, or with hostile numbers and boxes give
records or a typed error, never an exception of pdfminer's or ours, and never hang."""

from __future__ import annotations

from hypothesis import given, settings

from tests.robustness import strategies
from tests.robustness.harness import attempt, examples
from tests.robustness.strategies import Sample

CATEGORY = "pdf: byte mutations of samples"


@settings(settings.get_profile("robustness"), max_examples=examples(120))
@given(strategies.mutated_pdf())
def test_mutated_pdfs_give_records_or_a_typed_error(sample: Sample) -> None:
    outcome = attempt(CATEGORY, sample.data, f"fuzz/{sample.name}")
    assert not outcome.failed, outcome.detail
