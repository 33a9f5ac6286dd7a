"""What the HTML and Markdown reports share: counts, grouping, source links, colours.

The reports read the results of ``compare/`` (changes, drift findings) without importing it at
run time, so ``output/`` stays a leaf that only renders and writes.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from compare.quarters import Change

KIND_LABELS = {
    "added": "added",
    "signed_off": "signed off",
    "dropped": "dropped",
    "modified": "modified",
    "unchanged": "unchanged",
}
VERDICT_LABELS = {
    "identical": "identical",
    "cosmetic": "cosmetic",
    "minor": "minor",
    "substantive": "substantive",
    "missing_from_tracker": "missing from tracker",
    "not_in_decision": "not in decision",
}
FIELD_LABELS = {
    "status": "assessment",
    "officers": "officers",
    "due_date": "completion date",
    "evidence": "evidence",
    "recommendation": "wording",
    "": "",
}
EDIT_LABELS = {
    "evidence_appended": "appended",
    "evidence_trimmed": "trimmed",
    "evidence_rewritten": "rewritten",
    "wording_minor": "minor",
    "wording_substantive": "substantive",
    "": "",
}

# Colours by scale and code, best to worst; each also carries a text label, so a grey print
# still reads. Unknown assessments are grey.
STATUS_COLOURS = {
    ("categories-1-4", "1"): "#2e7d32",
    ("categories-1-4", "2"): "#1565c0",
    ("categories-1-4", "3"): "#ef8f00",
    ("categories-1-4", "4"): "#c62828",
    ("rag", "B"): "#1565c0",
    ("rag", "G"): "#2e7d32",
    ("rag", "A"): "#ef8f00",
    ("rag", "R"): "#c62828",
    ("complete-ongoing", "complete"): "#2e7d32",
    ("complete-ongoing", "ongoing"): "#1565c0",
    ("complete-ongoing", "paused"): "#ef8f00",
    ("complete-ongoing", "not-started"): "#757575",
}
VERDICT_COLOURS = {
    "identical": "#2e7d32",
    "cosmetic": "#66bb6a",
    "minor": "#1565c0",
    "substantive": "#c62828",
    "missing_from_tracker": "#ef8f00",
    "not_in_decision": "#6a1b9a",
}
UNKNOWN_COLOUR = "#9e9e9e"

#: Unchanged runs longer than this many words either side of a change are shortened in a
#: redline (the `changes` table keeps the whole text).
CONTEXT_WORDS = 12

_SOURCE = re.compile(r"^(?P<file>.*):page (?P<page>\d+):line (?P<line>\d+)$")

T = TypeVar("T")


@dataclass(frozen=True)
class SourceRef:
    """A place on a paper, parsed from a `path:page N:line M` column."""

    file: str
    page: int
    line: int

    @property
    def text(self) -> str:
        """`samples/text/x.txt, page 1, line 14`."""
        return f"{self.file}, page {self.page}, line {self.line}"

    @property
    def short(self) -> str:
        """`x.txt, page 1, line 14`: the file's name only, for a table cell."""
        return f"{PurePath(self.file).name}, page {self.page}, line {self.line}"


@dataclass(frozen=True)
class Segment:
    """A bar segment of a chart: what it counts, how many, its colour."""

    label: str
    count: int
    colour: str


@dataclass(frozen=True)
class Bar:
    """One bar of a chart (a quarter, or the audit), made of segments."""

    label: str
    segments: tuple[Segment, ...]


def parse_source(source: str) -> SourceRef | None:
    """Given a `path:page N:line M` column, return its parts; None when empty."""
    match = _SOURCE.match(source)
    if not match:
        return None
    return SourceRef(match.group("file"), int(match.group("page")), int(match.group("line")))


def source_href(ref: SourceRef, base_dir: Path) -> str:
    """Given a source and the report's folder, return a relative link to the paper's page.

    Relative, so the report and the papers can move together; PDFs open at the page.
    """
    target = os.path.relpath(os.path.abspath(ref.file), os.path.abspath(base_dir))
    href = urllib.parse.quote(PurePath(target).as_posix())
    return f"{href}#page={ref.page}" if ref.file.lower().endswith(".pdf") else href


def row_outcomes(changes: Iterable[Change]) -> Counter[str]:
    """Given a step's changes, return how many tracker rows had each kind of change."""
    rows = {(c.rec_no, c.sub_item, c.old_source, c.new_source, c.change) for c in changes}
    return Counter(kind for *_, kind in rows)


def movements(changes: Iterable[Change]) -> Counter[str]:
    """Given a step's changes, return how many matched rows improved, worsened or stayed."""
    rows = {
        (c.rec_no, c.sub_item, c.old_source, c.new_source, c.movement)
        for c in changes
        if c.change in ("modified", "unchanged") and c.movement
    }
    return Counter(movement for *_, movement in rows)


def group_by_rec(items: Sequence[T], rec_no: str = "rec_no") -> list[tuple[str, list[T]]]:
    """Given changes or findings in order, return them grouped by recommendation number."""
    groups: dict[str, list[T]] = {}
    for item in items:
        groups.setdefault(str(getattr(item, rec_no)), []).append(item)
    return list(groups.items())


def status_colour(scale: str | None, code: str | None) -> str:
    """Given an assessment, return its chart colour."""
    return STATUS_COLOURS.get((scale or "", code or ""), UNKNOWN_COLOUR)


def slug(text: str) -> str:
    """Given a reference (`SR (25/26) 01`), return it as an HTML id part (`sr-25-26-01`)."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "x"
