"""Reporting periods named in tracker headers → one spelling: `Quarter 1/2` → `Q1/2`."""

from __future__ import annotations

import re

_PERIOD = re.compile(
    r"^(?:Quarters?|Qtrs?|Q)\s*\.?\s*(?P<a>\d)(?:\s*(?:/|&|and|-|–)\s*(?P<b>\d))?"
    r"(?:\s+(?P<year>\d{4}(?:\s*/\s*\d{2,4})?))?$",
    re.I,
)


def normalise_period(raw: str) -> str:
    """Given a period as printed (`Quarter 1/2`, `Q3&4`, `Q2 2015/16`), return `Q1/2`, `Q3/4`,
    `Q2 2015/16`; text that is not a quarter comes back whitespace-collapsed."""
    text = " ".join(raw.split())
    m = _PERIOD.match(text)
    if not m:
        return text
    quarter = f"Q{m.group('a')}" + (f"/{m.group('b')}" if m.group("b") else "")
    year = re.sub(r"\s+", "", m.group("year") or "")
    return f"{quarter} {year}" if year else quarter
