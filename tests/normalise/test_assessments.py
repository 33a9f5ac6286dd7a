"""Assessment cells read onto their scales. Expected values were written by reading the papers.

"seed 000" is shared/seeds/000_b4fc851ac10b9df1.txt (the progress tracker); numbers are line
numbers. Its assessment column is headed `Assessment of progress (Categories 1-4)` (line 1).
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.assessments import Assessment, normalise_assessment, scale_for_hint
from normalise.vocabulary import AssessmentScale, ScaleEntry, load_assessment_scales

STOCKTON = "Assessment of progress (Categories 1-4)"  # seed 000 line 1
RAG = "RAG status"  # our own sample


@pytest.mark.parametrize(
    ("raw", "hint", "code", "label", "scale"),
    [
        ("1 – Fully Achieved", STOCKTON, "1", "Fully Achieved", "categories-1-4"),  # seed 000 l2
        ("1 – Fully Achieved", "", "1", "Fully Achieved", "categories-1-4"),  # seed 000 line 2
        ("3 - Slipped", STOCKTON, "3", "Slipped", "categories-1-4"),  # seed 000 line 6
        ("3 – Slipped", STOCKTON, "3", "Slipped", "categories-1-4"),  # seed 000 line 10
        ("3 – Slipped\t", STOCKTON, "3", "Slipped", "categories-1-4"),  # seed 000 line 10 (tab)
        ("2 – On track", STOCKTON, "2", "On track", "categories-1-4"),  # seed 000 line 11
        ("2 – On Track", "", "2", "On track", "categories-1-4"),  # our own sample
        ("1- Achieved", "", "1", "Fully Achieved", "categories-1-4"),  # our own sample
        ("Achieved (Fully)", "", "1", "Fully Achieved", "categories-1-4"),  # our own sample
        ("Fully achieved", "", "1", "Fully Achieved", "categories-1-4"),  # our own sample
        ("On track", "", "2", "On track", "categories-1-4"),  # our own sample
        ("Not achieved", "", "4", "Not Achieved", "categories-1-4"),  # our own sample
        ("Not Achieved.", "", "4", "Not Achieved", "categories-1-4"),  # our own sample
        ("2", STOCKTON, "2", "On track", "categories-1-4"),  # our own sample: bare code
        ("4", "Categories 1 – 4", "4", "Not Achieved", "categories-1-4"),  # our own sample
        ("Category 2: On track", "", "2", "On track", "categories-1-4"),  # our own sample
        ("1 – Fully Achleved", "", "1", "Fully Achieved", "categories-1-4"),  # our own: OCR slip
        ("Complete", "", "complete", "Complete", "complete-ongoing"),  # our own sample
        ("Completed", "", "complete", "Complete", "complete-ongoing"),  # our own sample
        ("Ongoing", "", "ongoing", "Ongoing", "complete-ongoing"),  # our own sample
        ("Paused", "", "paused", "Paused", "complete-ongoing"),  # our own sample
        ("Not started", "", "not-started", "Not started", "complete-ongoing"),  # our own sample
        ("Green", "", "G", "Green", "rag"),  # our own sample
        ("AMBER", "", "A", "Amber", "rag"),  # our own sample
        ("Red", RAG, "R", "Red", "rag"),  # our own sample
        ("G", RAG, "G", "Green", "rag"),  # our own sample
        ("A", "", "A", "Amber", "rag"),  # our own sample: letters stand alone
        ("A - Amber", "", "A", "Amber", "rag"),  # our own sample
        ("Blue", RAG, "B", "Blue", "rag"),  # our own sample
        # our own sample: the hint does not force a word onto its scale
        ("Complete", RAG, "complete", "Complete", "complete-ongoing"),
    ],
)
def test_normalise_assessment(raw: str, hint: str, code: str, label: str, scale: str) -> None:
    assert normalise_assessment(raw, hint) == Assessment(code, label, scale, raw)


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("2", ""),  # our own sample: a bare digit needs the header to say which scale
        ("2", RAG),  # our own sample
        ("1", "Status"),  # our own sample
        ("1 – Slipped", STOCKTON),  # our own sample: code and label disagree
        ("4 - Achieved", STOCKTON),  # our own sample: code and label disagree
        ("1 Togress opeats Office Coxeta Experience", STOCKTON),  # seed 000 line 8: OCR debris
        ("r rogress opuale – Criliu Sexual Exploitation", STOCKTON),  # seed 000 line 13
        ("Partially achieved", STOCKTON),  # our own sample: not on any scale we know
        ("As above.", STOCKTON),  # seed 000 line 10 (date column)
        ("", STOCKTON),
        ("  ", ""),
    ],
)
def test_unknown_assessments_keep_raw(raw: str, hint: str) -> None:
    assert normalise_assessment(raw, hint) == Assessment(None, None, None, raw)


@pytest.mark.parametrize(
    ("hint", "scale"),
    [
        (STOCKTON, "categories-1-4"),  # seed 000 line 1
        ("Assessment of progress (Categories 1 - 4)", "categories-1-4"),  # our own sample
        ("RAG status", "rag"),  # our own sample
        ("BRAG rating", "rag"),  # our own sample
        ("Red / Amber / Green", "rag"),  # our own sample
        ("Status (Complete / Ongoing / Paused)", "complete-ongoing"),  # our own sample
        ("Assessment of progress", None),  # our own sample
        ("", None),
    ],
)
def test_scale_for_hint(hint: str, scale: str | None) -> None:
    found = scale_for_hint(hint)
    assert (found.name if found else None) == scale


# --- properties -------------------------------------------------------------------------------

ENTRIES = st.sampled_from(
    [(scale, entry) for scale in load_assessment_scales() for entry in scale.entries]
)


@given(st.text(), st.text())
def test_never_raises_and_keeps_raw(raw: str, hint: str) -> None:
    result = normalise_assessment(raw, hint)
    assert result.raw == raw
    assert (result.code is None) == (result.label is None) == (result.scale is None)


@given(ENTRIES, st.booleans())
def test_canonical_label_returns_its_entry(
    found: tuple[AssessmentScale, ScaleEntry], hinted: bool
) -> None:
    scale, entry = found
    hint = (STOCKTON if scale.name == "categories-1-4" else RAG) if hinted else ""
    result = normalise_assessment(entry.label, hint)
    assert result == Assessment(entry.code, entry.label, scale.name, entry.label)


# Only scales whose codes are printed (digits, RAG letters); complete-ongoing's are slugs.
PRINTED_CODES = ENTRIES.filter(lambda found: len(found[1].code) <= 2)


@given(PRINTED_CODES, st.sampled_from([" – ", " - ", "- ", " "]))
def test_code_and_label_returns_its_entry(
    found: tuple[AssessmentScale, ScaleEntry], separator: str
) -> None:
    scale, entry = found
    raw = f"{entry.code}{separator}{entry.label}"
    assert normalise_assessment(raw) == Assessment(entry.code, entry.label, scale.name, raw)
