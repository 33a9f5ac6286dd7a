"""Find a progress tracker's header row and say what each column holds.

Councils word their headers differently (`Link Officer`, `Responsibility`, `Lead Officer/EM`;
`Assessment of progress (Categories 1-4)`, `RAG`), so columns are recognised by the
vocabulary in ``data/header_roles.json``, never by position.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import cast

from ingest.model import Line
from parsers.records import Column, Quarter, Role, TrackerHeader

# An extraction that lost a cell boundary glues a date to the next header:
# `Progress at 11/11/2013Assessment of progress`.
_GLUE = re.compile(r"(?<=\d)(?=[A-Z][a-z])")
_WS = re.compile(r"\s+")
SEPARATORS = ("|", " / ")
# Trackers have five to ten columns (two quarters side by side, eight). A "header" of more
# cells is a header line repeated across one line by a broken extract, and splitting every
# row into hundreds of columns took minutes (repeated-header-line.txt).
_MAX_COLUMNS = 40


@dataclass(frozen=True)
class _Vocabulary:
    rules: tuple[tuple[Role, re.Pattern[str]], ...]
    period: re.Pattern[str]
    presented: re.Pattern[str]


@cache
def _vocabulary() -> _Vocabulary:
    data = json.loads(resources.files("parsers").joinpath("data/header_roles.json").read_text())
    rules = tuple((cast(Role, role), re.compile(rx, re.I)) for role, rx in data["rules"])
    return _Vocabulary(rules, re.compile(data["period"], re.I), re.compile(data["presented"], re.I))


def role_of(label: str) -> Role:
    """Given a header cell's text, return the role of its column ("other" if unknown)."""
    text = _WS.sub(" ", label).strip()
    for role, pattern in _vocabulary().rules:
        if pattern.search(text):
            return role
    return "other"


def roles_in(text: str) -> set[Role]:
    """Given any text, return every column role whose wording occurs in it (a cheap screen)."""
    text = _WS.sub(" ", text)
    return {role for role, pattern in _vocabulary().rules if pattern.search(text)}


def split_header_cells(line: Line) -> tuple[list[str], str] | None:
    """Given a candidate header line, return its cell texts and the separator that split them."""
    if len(line.cells) > 1 or line.cells[0].column is not None:
        return [c.text for c in line.cells], "tab"
    text = line.cells[0].text
    for sep in SEPARATORS:
        if text.count(sep.strip()) >= 2:
            parts = [p.strip() for p in text.split(sep)]
            if sep == "|":
                # `| No. | Recommendation |`: the outer bars make empty edge cells.
                parts = parts[1:] if parts and not parts[0] else parts
                parts = parts[:-1] if parts and not parts[-1] else parts
            return parts, sep
    return None


def _unglue(labels: list[str]) -> list[str]:
    out: list[str] = []
    for label in labels:
        pieces = _GLUE.split(label)
        if len(pieces) == 2 and all(role_of(p) != "other" for p in pieces):
            out.extend(pieces)
        else:
            out.append(label)
    return out


def _quarters(columns: list[Column]) -> tuple[Quarter, ...]:
    vocab = _vocabulary()
    quarters = []
    evidence_cols = [c for c in columns if c.role == "evidence"]
    for n, ev in enumerate(evidence_cols):
        stop = evidence_cols[n + 1].index if n + 1 < len(evidence_cols) else len(columns)
        after = [c for c in columns if c.role == "assessment" and ev.index < c.index < stop]
        before = [c for c in columns if c.role == "assessment" and c.index < ev.index]
        assessment = after[0] if after else (before[-1] if before and n == 0 else None)
        label = _WS.sub(" ", ev.label)
        period = vocab.period.search(label)
        presented = vocab.presented.search(label)
        presented_raw = next((g for g in presented.groups() if g), "") if presented else ""
        quarters.append(
            Quarter(
                evidence=ev,
                assessment=assessment,
                period_raw=period.group(0).strip() if period else "",
                presented_raw=presented_raw,
            )
        )
    return tuple(quarters)


def header_from_line(line: Line) -> TrackerHeader | None:
    """Given a line, return it as a tracker header if it reads like one, else None.

    A header names a recommendation (or reference) column and at least two of officer, date,
    evidence and assessment.
    """
    split = split_header_cells(line)
    if split is None:
        return None
    labels, separator = split
    if len(labels) > _MAX_COLUMNS:
        return None
    labels = _unglue(labels)
    columns = [Column(i, _WS.sub(" ", lab).strip(), role_of(lab)) for i, lab in enumerate(labels)]
    roles = {c.role for c in columns}
    if "recommendation" not in roles:
        return None
    if len(roles & {"officer", "date", "evidence", "assessment"}) < 2:
        return None
    # Only the first column of a role is that role; a second recommendation column (rare) is
    # kept as "other" so its text is not lost into the first.
    seen: set[Role] = set()
    fixed = []
    for col in columns:
        if col.role in seen and col.role not in ("evidence", "assessment", "other"):
            col = Column(col.index, col.label, "other")
        seen.add(col.role)
        fixed.append(col)
    return TrackerHeader(
        columns=tuple(fixed),
        quarters=_quarters(fixed),
        line=line.number,
        page=line.page,
        separator=separator,
    )
