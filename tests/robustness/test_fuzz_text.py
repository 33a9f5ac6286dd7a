"""Fuzzing the text path: mutated real samples give records or a typed error, never anything else.

Each example is read, parsed and normalised under a time bound (`harness.attempt`); records
must say which file, page and line they came from, errors must name the file, carry a catalogued
code and a hint. Example counts keep the whole robustness suite near a minute in CI.
"""

from __future__ import annotations

from hypothesis import given, settings

from tests.robustness import strategies
from tests.robustness.harness import attempt, examples
from tests.robustness.strategies import Sample

LINE_MUTATIONS = "text: line mutations of samples"
BYTE_MUTATIONS = "text: byte mutations of samples"


@settings(settings.get_profile("robustness"), max_examples=examples(800))
@given(strategies.mutated_text())
def test_line_mutations_give_records_or_a_typed_error(sample: Sample) -> None:
    outcome = attempt(LINE_MUTATIONS, sample.data, f"fuzz/{sample.name}")
    assert not outcome.failed, outcome.detail


@settings(settings.get_profile("robustness"), max_examples=examples(300))
@given(strategies.mutated_bytes())
def test_byte_mutations_give_records_or_a_typed_error(sample: Sample) -> None:
    outcome = attempt(BYTE_MUTATIONS, sample.data, f"fuzz/{sample.name}")
    assert not outcome.failed, outcome.detail
