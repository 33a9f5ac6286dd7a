"""Which kind of paper a document is, from its content (never its file name)."""

from __future__ import annotations

from councilpapers.errors import UnknownDocumentError
from ingest.model import SourceDocument
from parsers.decision import looks_like_decision, parse_decision
from parsers.records import Decision, Kind, Tracker
from parsers.tracker import find_header, parse_tracker


def detect_kind(doc: SourceDocument) -> Kind | None:
    """Given a document, return "tracker", "decision", or None when it is neither."""
    if find_header(doc.lines) is not None:
        return "tracker"
    if looks_like_decision([line.text for line in doc.lines]):
        return "decision"
    return None


def parse_document(doc: SourceDocument) -> Tracker | Decision:
    """Given a document, parse it by its kind; raise `UnknownDocumentError` if it has none."""
    kind = detect_kind(doc)
    if kind == "tracker":
        return parse_tracker(doc)
    if kind == "decision":
        return parse_decision(doc)
    raise UnknownDocumentError(
        doc.source_file,
        "neither a progress tracker (no header row naming Recommendation, officer, date, "
        "progress or assessment columns) nor a decision record (no RESOLVED list under "
        "proforma headings); nothing written for it",
        hint="if it is one, `councilpapers inspect` (PDF) or the README's layout notes show "
        "what the parsers look for",
    )
