"""An assessment cell → a code on a named scale, never forced onto Stockton's 1–4.

Trackers rate progress on different scales: Stockton's categories 1–4 (`1 – Fully Achieved`,
seeds/000 line 2), plain status words (`Complete`, `Ongoing`) and RAG colours. The scales live in
``data/assessment_scales.json``; the column header (`scale_hint`) settles which scale a bare code
such as `2` is on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from normalise.vocabulary import AssessmentScale, ScaleEntry, load_assessment_scales

# An OCR'd label (`Fully Achleved`) still counts if it is this close to exactly one wording.
FUZZY_MIN_SCORE = 90.0

_DASHES = re.compile(r"[‐‑‒–—―−]")
_SPACES = re.compile(r"\s+")
# `1 – Fully Achieved`, `3 - Slipped`, `1- Achieved`, `2`, `Category 2: On track`.
_CODED = re.compile(
    r"^(?:cat(?:egory|\.)?\s*)?(?P<code>\d{1,2})(?:\s*[-:.)]\s*|\s+|$)(?P<label>.*)$", re.IGNORECASE
)
# `G`, `A - Amber`: a single letter is a code only alone or before a separator (not `Achieved`).
_LETTER = re.compile(r"^(?P<code>[A-Za-z])(?:(?:\s*[-:)]\s*|\s+)(?P<label>.+))?$")


@dataclass(frozen=True)
class Assessment:
    """An assessment as read: its code and canonical label on `scale`, or all None if unknown."""

    code: str | None
    label: str | None
    scale: str | None
    raw: str


def _key(text: str) -> str:
    """Given a wording, return it in the form wordings are compared in."""
    text = _DASHES.sub("-", _SPACES.sub(" ", text)).strip(" .;,").casefold()
    return re.sub(r"\s*-\s*", " - ", text)


@cache
def _wordings() -> dict[str, tuple[AssessmentScale, ScaleEntry]]:
    """Return every wording of every scale entry, keyed for comparison."""
    return {
        _key(wording): (scale, entry)
        for scale in load_assessment_scales()
        for entry in scale.entries
        for wording in entry.wordings
    }


def scale_for_hint(scale_hint: str) -> AssessmentScale | None:
    """Given a column header, return the scale it names (`Categories 1-4`, `RAG status`), if any."""
    hint = _SPACES.sub(" ", scale_hint)
    for scale in load_assessment_scales():
        if any(re.search(p, hint, re.IGNORECASE) for p in scale.hint_patterns):
            return scale
    return None


def _by_label(label: str) -> tuple[AssessmentScale, ScaleEntry] | None:
    """Given a label, return the entry it names exactly, or by a clear fuzzy match, if any."""
    wordings = _wordings()
    key = _key(label)
    if key in wordings:
        return wordings[key]
    if len(key) < 6:  # too short for a fuzzy match to mean anything
        return None
    best = process.extract(key, list(wordings), scorer=fuzz.ratio, limit=2)
    if not best or best[0][1] < FUZZY_MIN_SCORE:
        return None
    runner_up = best[1] if len(best) > 1 else None
    if (
        runner_up
        and runner_up[1] >= FUZZY_MIN_SCORE
        and wordings[runner_up[0]] != wordings[best[0][0]]
    ):
        return None  # two entries equally close: do not guess
    return wordings[best[0][0]]


def _by_code(code: str, hinted: AssessmentScale | None) -> list[tuple[AssessmentScale, ScaleEntry]]:
    """Given a bare code, return the entries it may name: on the hinted scale or letter scales."""
    return [
        (scale, entry)
        for scale in load_assessment_scales()
        if scale is hinted or scale.bare_codes
        for entry in scale.entries
        if entry.code.casefold() == code.casefold()
    ]


def _assessment(raw: str, found: tuple[AssessmentScale, ScaleEntry] | None) -> Assessment:
    if found is None:
        return Assessment(None, None, None, raw)
    scale, entry = found
    return Assessment(entry.code, entry.label, scale.name, raw)


def normalise_assessment(raw: str, scale_hint: str = "") -> Assessment:
    """Given an assessment cell and its column header, return the scale entry it names.

    A code and a label that disagree (`1 – Slipped`), or text on no scale, give all None with the
    raw text kept, so the caller can report it rather than guess.
    """
    text = _DASHES.sub("-", _SPACES.sub(" ", raw)).strip(" .;,")
    if not text:
        return _assessment(raw, None)
    exact = _wordings().get(_key(text))
    if exact is not None:
        return _assessment(raw, exact)
    coded = _CODED.match(text) or _LETTER.match(text)
    if coded is None:
        return _assessment(raw, _by_label(text))
    code = coded.group("code")
    label = (coded.group("label") or "").strip(" -:.)")
    if label:
        by_label = _by_label(label)
        if by_label is not None and by_label[1].code.casefold() == code.casefold():
            return _assessment(raw, by_label)
        return _assessment(raw, None)
    hinted = scale_for_hint(scale_hint)
    candidates = _by_code(code, hinted)
    preferred = [c for c in candidates if c[0] is hinted] or candidates
    return _assessment(raw, preferred[0] if len(preferred) == 1 else None)
