"""Recommendation references (`1`, `10.`, `5a`, `SR (25/26) 01`) and sub-item markers (`a.`)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# `SR (25/26) 01` (a scrutiny review's reference), `R3`, `CS12`, `Rec 4`, `1.2`, `7`, `10.`,
# `5a`, `5(b)`
_REFERENCE = re.compile(
    r"""^\s*(?:
        (?P<coded>[A-Z]{1,5}\s*\(\d{2}/\d{2}\)\s*\d{1,3})
      | (?:rec(?:ommendation)?\.?\s*)?(?P<plain>[A-Z]{0,4}\d{1,3}(?:\.\d{1,2})?)\.?
        (?:\s*\(?(?P<sub>[a-h])\)?\.?)?
    )\s*$""",
    re.I | re.X,
)
# A sub-item marker starting a cell or following whitespace: `a.`, `a)`, `(a)`.
_MARKER = re.compile(r"(?:^|(?<=\s))\(?([a-k])[.)](?=\s|$)")
_BARE_MARKER = re.compile(r"^\s*\(?([a-k])[.)]\s*$")


@dataclass(frozen=True)
class Reference:
    rec_no: str
    sub_item: str


def parse_reference(text: str) -> Reference | None:
    """Given a No./Ref cell, return its recommendation number and sub-item, or None."""
    m = _REFERENCE.match(text)
    if not m:
        return None
    if m.group("coded"):
        # One spelling whatever the spacing: `SR(25/26)  02` → `SR (25/26) 02`.
        coded = re.sub(r"\s*\(\s*", " (", m.group("coded"))
        return Reference(re.sub(r"\s*\)\s*", ") ", coded), "")
    plain = m.group("plain")
    if plain.isdigit() and int(plain) == 0:
        return None
    return Reference(plain, (m.group("sub") or "").lower())


def is_reference(text: str) -> bool:
    return parse_reference(text) is not None


def bare_marker(text: str) -> str | None:
    """Given a cell holding only a sub-item marker (`a)`, `(b)`), return its letter."""
    m = _BARE_MARKER.match(text)
    return m.group(1) if m else None


def leading_marker(text: str) -> str | None:
    """Given a cell, return the sub-item letter it starts with, if any."""
    m = _MARKER.match(text.lstrip())
    return m.group(1) if m else None


def split_by_markers(text: str) -> dict[str, str] | None:
    """Given a cell listing sub-items (`a. X b. Y`), return {letter: text}; None if it is not one.

    Markers must run a, b, c… in order, so a stray `b.` inside ordinary text is not a marker.
    """
    if leading_marker(text) != "a":
        return None
    parts: dict[str, str] = {}
    expected, start, letter = "a", 0, ""
    for m in _MARKER.finditer(text):
        if m.group(1) != expected:
            continue
        if letter:
            parts[letter] = text[start : m.start()].strip()
        letter, start = m.group(1), m.end()
        expected = chr(ord(expected) + 1)
    parts[letter] = text[start:].strip()
    return parts
