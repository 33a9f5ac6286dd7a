"""Raw parser records → the typed, cleaned rows of the dataset's three tables.

One dataclass per table row; field names are the column names (see ``output/schema.py`` and
the README's data dictionary). Every row keeps the raw text beside each parsed value and says
which file, page and line it came from and which parser version made it.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from councilpapers import PARSER_VERSION
from ingest.model import SourceDocument
from normalise.assessments import normalise_assessment
from normalise.dates import (
    DEFAULT_SETTINGS,
    DateSettings,
    find_achieved_on,
    normalise_due,
    parse_date,
)
from normalise.officers import normalise_officers
from normalise.periods import normalise_period
from normalise.text import clean_text, document_vocabulary
from parsers.records import CellBox, Decision, Provenance, Tracker


@dataclass(frozen=True)
class DocumentRecord:
    """One paper: what it is, where it came from, and its decision-level fields."""

    doc_id: str
    source_file: str
    sha256: str
    kind: str
    media: str
    council: str | None
    body: str | None
    title: str | None
    reference: str | None
    meeting_date: dt.date | None
    period: str | None
    presented_date: dt.date | None
    pages: int
    rows: int
    problems: int
    record: str | None
    reasons: str | None
    alternatives: str | None
    conflicts: str | None
    dispensations: str | None
    call_in_raw: str | None
    call_in_deadline: dt.date | None
    proper_officer_date: dt.date | None
    parser_version: str


@dataclass(frozen=True)
class ProgressRecord:
    """One recommendation (or sub-item) in one reporting period of a tracker."""

    doc_id: str
    source_file: str
    page: int
    line: int
    pages: tuple[int, ...]
    cell_boxes: str
    council: str | None
    title: str | None
    rec_no: str
    sub_item: str
    recommendation: str
    officers: tuple[str, ...]
    officer_raw: str
    due_raw: str
    due_date: dt.date | None
    due_precision: str | None
    due_condition: str
    due_original: str
    due_original_date: dt.date | None
    due_start: dt.date | None
    evidence: str
    status_code: str | None
    status_label: str | None
    status_scale: str | None
    status_raw: str
    achieved_on: dt.date | None
    period: str
    presented_date: dt.date | None
    parser_version: str


@dataclass(frozen=True)
class DecisionRecord:
    """One recommendation that a decision record says was RESOLVED."""

    doc_id: str
    source_file: str
    page: int
    line: int
    pages: tuple[int, ...]
    council: str | None
    body: str | None
    meeting_date: dt.date | None
    title: str
    rec_no: str
    text: str
    parser_version: str


def _boxes_json(boxes: tuple[CellBox, ...]) -> str:
    if not boxes:
        return ""
    return json.dumps(
        [
            {"page": b.page, "column": b.column, "x0": round(b.box[0], 1),
             "top": round(b.box[1], 1), "x1": round(b.box[2], 1), "bottom": round(b.box[3], 1)}
            for b in boxes
        ],
        separators=(",", ":"),
    )  # fmt: skip


def _date(text: str, settings: DateSettings) -> dt.date | None:
    parsed = parse_date(text, settings) if text.strip() else None
    return parsed.date if parsed else None


def _raw(text: str) -> str:
    """A cell as printed, with line-wrap whitespace collapsed (wording untouched)."""
    return " ".join(text.split())


def _where(p: Provenance) -> tuple[str, int, int, tuple[int, ...]]:
    return p.source_file, p.page, p.line, p.pages


def normalise_tracker(
    doc: SourceDocument, tracker: Tracker, settings: DateSettings = DEFAULT_SETTINGS
) -> tuple[DocumentRecord, list[ProgressRecord]]:
    """Given a parsed tracker and its source, return its document row and progress rows."""
    vocabulary = document_vocabulary(line.text for line in doc.lines)
    rows: list[ProgressRecord] = []
    for row in tracker.rows:
        source_file, page, line, pages = _where(row.provenance)
        due = normalise_due(_raw(row.due_raw), settings)
        hint = row.quarter.assessment.label if row.quarter.assessment else ""
        status = normalise_assessment(_raw(row.status_raw), hint)
        evidence = clean_text(row.evidence, vocabulary)
        rows.append(
            ProgressRecord(
                doc_id=doc.doc_id,
                source_file=source_file,
                page=page,
                line=line,
                pages=pages,
                cell_boxes=_boxes_json(row.provenance.boxes),
                council=tracker.council,
                title=tracker.title,
                rec_no=row.rec_no,
                sub_item=row.sub_item,
                recommendation=clean_text(row.recommendation, vocabulary),
                officers=normalise_officers(row.officer_raw),
                officer_raw=_raw(row.officer_raw),
                due_raw=due.raw,
                due_date=due.date,
                due_precision=due.precision,
                due_condition=due.condition,
                due_original=due.original,
                due_original_date=due.original_date,
                due_start=due.start,
                evidence=evidence,
                status_code=status.code,
                status_label=status.label,
                status_scale=status.scale,
                status_raw=status.raw,
                achieved_on=find_achieved_on(evidence, settings),
                period=normalise_period(row.quarter.period_raw),
                presented_date=_date(row.quarter.presented_raw, settings),
                parser_version=PARSER_VERSION,
            )
        )
    quarters = sorted(
        tracker.header.quarters,
        key=lambda q: _date(q.presented_raw, settings) or dt.date.min,
    )
    latest = quarters[-1] if quarters else None
    document = DocumentRecord(
        doc_id=doc.doc_id,
        source_file=doc.source_file,
        sha256=doc.sha256,
        kind="tracker",
        media=doc.media,
        council=tracker.council,
        body=None,
        title=tracker.title,
        reference=None,
        meeting_date=None,
        period=normalise_period(latest.period_raw) if latest else None,
        presented_date=_date(latest.presented_raw, settings) if latest else None,
        pages=doc.pages,
        rows=len(rows),
        problems=len(tracker.problems),
        record=None,
        reasons=None,
        alternatives=None,
        conflicts=None,
        dispensations=None,
        call_in_raw=None,
        call_in_deadline=None,
        proper_officer_date=None,
        parser_version=PARSER_VERSION,
    )
    return document, rows


def normalise_decision(
    doc: SourceDocument, decision: Decision, settings: DateSettings = DEFAULT_SETTINGS
) -> tuple[DocumentRecord, list[DecisionRecord]]:
    """Given a parsed decision record and its source, return its document row and decisions."""
    vocabulary = document_vocabulary(line.text for line in doc.lines)
    meeting = _date(decision.meeting_raw, settings)
    title = clean_text(decision.title, vocabulary)
    rows = [
        DecisionRecord(
            doc_id=doc.doc_id,
            source_file=rec.provenance.source_file,
            page=rec.provenance.page,
            line=rec.provenance.line,
            pages=rec.provenance.pages,
            council=decision.council,
            body=decision.body,
            meeting_date=meeting,
            title=title,
            rec_no=rec.rec_no,
            text=clean_text(rec.text, vocabulary),
            parser_version=PARSER_VERSION,
        )
        for rec in decision.recommendations
    ]
    document = DocumentRecord(
        doc_id=doc.doc_id,
        source_file=doc.source_file,
        sha256=doc.sha256,
        kind="decision",
        media=doc.media,
        council=decision.council,
        body=decision.body,
        title=title,
        reference=decision.reference,
        meeting_date=meeting,
        period=None,
        presented_date=None,
        pages=doc.pages,
        rows=len(rows),
        problems=len(decision.problems),
        record=clean_text(decision.record, vocabulary) or None,
        reasons=clean_text(decision.reasons, vocabulary) or None,
        alternatives=clean_text(decision.alternatives, vocabulary) or None,
        conflicts=clean_text(decision.conflicts, vocabulary) or None,
        dispensations=clean_text(decision.dispensations, vocabulary) or None,
        call_in_raw=_raw(decision.call_in_raw) or None,
        call_in_deadline=_date(decision.call_in_raw, settings),
        proper_officer_date=_date(decision.proper_officer_raw, settings),
        parser_version=PARSER_VERSION,
    )
    return document, rows
