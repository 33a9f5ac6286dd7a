"""What the parsers return: raw records that keep the paper's own text beside their provenance.

Values here are the cells' text as printed (line breaks kept as ``\\n``); `normalise/` types
and cleans them. Every record says where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from councilpapers.errors import Problem
from ingest.model import Box

Kind = Literal["tracker", "decision"]
Role = Literal["no", "recommendation", "officer", "date", "evidence", "assessment", "other"]


@dataclass(frozen=True)
class CellBox:
    """Where one cell of a record sits on the paper (PDF sources only)."""

    page: int
    column: str
    box: Box


@dataclass(frozen=True)
class Provenance:
    """File, first page and first line of a record, plus every page it spans."""

    source_file: str
    page: int
    line: int
    pages: tuple[int, ...]
    boxes: tuple[CellBox, ...] = ()


@dataclass(frozen=True)
class Column:
    """One column of a tracker's header: its position, printed label and what it holds."""

    index: int
    label: str
    role: Role


@dataclass(frozen=True)
class Quarter:
    """An evidence column (and the assessment column that goes with it): one reporting period.

    Trackers that carry two quarters side by side have two of these.
    """

    evidence: Column
    assessment: Column | None
    period_raw: str
    presented_raw: str


@dataclass(frozen=True)
class TrackerHeader:
    columns: tuple[Column, ...]
    quarters: tuple[Quarter, ...]
    line: int
    page: int
    #: The cell separator the body uses: "tab" (or PDF cells), "|" or " / ".
    separator: str

    def column(self, role: Role) -> Column | None:
        return next((c for c in self.columns if c.role == role), None)


@dataclass(frozen=True)
class TrackerRow:
    """One recommendation (or sub-item) in one reporting period, as printed."""

    provenance: Provenance
    rec_no: str
    sub_item: str
    recommendation: str
    officer_raw: str
    due_raw: str
    evidence: str
    status_raw: str
    quarter: Quarter


@dataclass(frozen=True)
class Tracker:
    """A parsed progress tracker."""

    source_file: str
    title: str | None
    council: str | None
    header: TrackerHeader
    rows: tuple[TrackerRow, ...]
    problems: tuple[Problem, ...] = field(default=())


@dataclass(frozen=True)
class ResolvedRecommendation:
    """One numbered recommendation in a decision record's RESOLVED list, as printed."""

    provenance: Provenance
    rec_no: str
    text: str


@dataclass(frozen=True)
class Decision:
    """A parsed Cabinet decision record (proforma)."""

    source_file: str
    council: str | None
    body: str | None
    reference: str | None
    meeting_raw: str
    title: str
    record: str
    recommendations: tuple[ResolvedRecommendation, ...]
    reasons: str
    alternatives: str
    conflicts: str
    dispensations: str
    call_in_raw: str
    proper_officer_raw: str
    problems: tuple[Problem, ...] = field(default=())
