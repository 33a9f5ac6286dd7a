"""Assessments compared on the tracker's own scale: did a row improve, worsen, or get signed off?

Codes are never forced across scales (as in ``normalise/assessments.py``): a row that moves from
Stockton's categories 1–4 to RAG has movement "" (not comparable), and says so in its note.
"""

from __future__ import annotations

import re
from typing import Literal

from compare.vocabulary import load_status_orders
from normalise.records import ProgressRecord

Movement = Literal["improved", "worsened", "same", ""]

# `Achieved. Empty Homes Officer in post …` (samples/text/responsibility-initials-rag.txt).
_SAYS_DONE = re.compile(r"^\s*(?:achieved|completed?)\b", re.IGNORECASE)


def status_rank(scale: str | None, code: str | None) -> int | None:
    """Given a scale and code, return its place on the scale, 0 best; None if not ranked."""
    if scale is None or code is None:
        return None
    order = load_status_orders().get(scale)
    if order is None or code not in order.order:
        return None
    return order.order.index(code)


def status_text(row: ProgressRecord) -> str:
    """Given a row, return its assessment as a reader would name it (label, else as printed)."""
    return row.status_label or " ".join(row.status_raw.split())


def _raw_key(row: ProgressRecord) -> str:
    return " ".join(row.status_raw.split()).casefold()


def status_changed(old: ProgressRecord, new: ProgressRecord) -> bool:
    """True when the assessment differs: by scale and code, or as printed when either is unknown.

    `3 - Slipped` and `3 – Slipped` (seed lines 6 and 10) are the same assessment.
    """
    if old.status_code is not None and new.status_code is not None:
        return (old.status_scale, old.status_code) != (new.status_scale, new.status_code)
    if old.status_code is None and new.status_code is None:
        return _raw_key(old) != _raw_key(new)
    return True


def movement(old: ProgressRecord, new: ProgressRecord) -> Movement:
    """Given a row in two quarters, return how its assessment moved on its own scale.

    "" when the scales differ or either code is off its scale (not comparable).
    """
    if not status_changed(old, new):
        return "same"
    if old.status_scale != new.status_scale:
        return ""
    before = status_rank(old.status_scale, old.status_code)
    after = status_rank(new.status_scale, new.status_code)
    if before is None or after is None:
        return ""
    return "improved" if after < before else "worsened"


def is_achieved(row: ProgressRecord) -> bool:
    """True when the row's assessment says it is done (`1 – Fully Achieved`, `Complete`, Blue),
    or its code only means done with evidence that opens `Achieved` (RAG Green); with no code on
    a known scale, the evidence alone decides."""
    order = load_status_orders().get(row.status_scale or "")
    says_done = bool(_SAYS_DONE.match(row.evidence))
    if order is None or row.status_code is None:
        return says_done
    if row.status_code in order.done:
        return True
    return row.status_code in order.done_if_evidence_says and says_done
