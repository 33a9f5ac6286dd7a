"""The dataset's tables and columns: names, types and meanings, in one place.

The README's data dictionary is written from this (a test checks that they agree), and the
writers build every Parquet schema and CSV header from it, so a column cannot exist without
being documented.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Type = Literal["string", "int", "date", "list[string]", "list[int]"]


@dataclass(frozen=True)
class ColumnSpec:
    name: str
    type: Type
    description: str


_PROVENANCE = (
    ColumnSpec("doc_id", "string", "First 16 hex digits of the source file's SHA-256; joins to `documents`."),
    ColumnSpec("source_file", "string", "Path of the source file as given to `councilpapers ingest`."),
    ColumnSpec("page", "int", "Page (1-based) where the row starts. Text extracts count pages by form feeds; one without them is page 1."),
    ColumnSpec("line", "int", "Line where the row starts: the line number in a text extract; the position of the row's first text line on its page in a PDF."),
    ColumnSpec("pages", "list[int]", "Every page the row spans (CSV: `; `-joined)."),
)  # fmt: skip

DOCUMENTS = (
    ColumnSpec("doc_id", "string", "First 16 hex digits of `sha256`: the paper's id in every table."),
    ColumnSpec("source_file", "string", "Path of the source file as given to `councilpapers ingest`."),
    ColumnSpec("sha256", "string", "SHA-256 of the file's bytes."),
    ColumnSpec("kind", "string", "`tracker` (progress update table) or `decision` (Cabinet decision record)."),
    ColumnSpec("media", "string", "How it was read: `text` (an extract), `pdf` (its text layer) or `ocr` (scanned pages)."),
    ColumnSpec("council", "string", "Council named in the paper (`Stockton-on-Tees Borough Council`), or `--council`; empty if neither."),
    ColumnSpec("body", "string", "Decision-making body of a decision record (`Cabinet`)."),
    ColumnSpec("title", "string", "Decision records: the item's title. Trackers: the review topic from the running header (`Child Sexual Exploitation`)."),
    ColumnSpec("reference", "string", "Decision record reference where printed (`D150023`)."),
    ColumnSpec("meeting_date", "date", "Date of the meeting that took the decision."),
    ColumnSpec("period", "string", "Trackers: the latest reporting period in the paper (`Q1/2`)."),
    ColumnSpec("presented_date", "date", "Trackers: the date that period was presented to committee."),
    ColumnSpec("pages", "int", "Number of pages (text extracts: form feeds + 1)."),
    ColumnSpec("rows", "int", "Rows this paper contributed to `progress` or `decisions`."),
    ColumnSpec("problems", "int", "Warnings recorded for this paper in `errors.csv`."),
    ColumnSpec("record", "string", "Decision records: the 'Record of the Decision' text before RESOLVED."),
    ColumnSpec("reasons", "string", "Decision records: 'Reasons for the Decision'."),
    ColumnSpec("alternatives", "string", "Decision records: 'Alternative Options Considered and Rejected'."),
    ColumnSpec("conflicts", "string", "Decision records: declared conflicts of interest."),
    ColumnSpec("dispensations", "string", "Decision records: details of any dispensations."),
    ColumnSpec("call_in_raw", "string", "Decision records: the call-in deadline as printed (`Midnight on Friday, 20th March 2015`)."),
    ColumnSpec("call_in_deadline", "date", "Decision records: the call-in deadline's date."),
    ColumnSpec("proper_officer_date", "date", "Decision records: the date the proper officer signed the record."),
    ColumnSpec("parser_version", "string", "councilpapers version that produced the rows."),
)  # fmt: skip

PROGRESS = (
    *_PROVENANCE,
    ColumnSpec("cell_boxes", "string", "PDF only: JSON list of the row's cells on the paper, `{page, column, x0, top, x1, bottom}` in points from the page's top-left."),
    ColumnSpec("council", "string", "As `documents.council`, repeated so a filter needs no join."),
    ColumnSpec("title", "string", "As `documents.title` (the review topic)."),
    ColumnSpec("rec_no", "string", "Recommendation number or reference as printed (`5`, `SR (25/26) 01`). A string: references are not always numbers."),
    ColumnSpec("sub_item", "string", "Sub-item letter (`a`, `b`, …) where the recommendation is split into sub-items with their own officer, date or assessment; empty otherwise."),
    ColumnSpec("recommendation", "string", "The recommendation's wording, line-wrap whitespace and hyphenation cleaned, wording untouched; bullet items on their own lines."),
    ColumnSpec("officers", "list[string]", "The responsible posts or people, one per item (CSV: `; `-joined)."),
    ColumnSpec("officer_raw", "string", "The officer cell as printed (whitespace collapsed)."),
    ColumnSpec("due_raw", "string", "The completion-date cell as printed (whitespace collapsed)."),
    ColumnSpec("due_date", "date", "The current anticipated completion date. Month or year precision is stored as the first day of the month or year; see `due_precision`."),
    ColumnSpec("due_precision", "string", "`day`, `month` or `year`: how much of `due_date` the paper stated."),
    ColumnSpec("due_condition", "string", "Words in the date cell that are not a date (`Post completion of JSNA`, `Ongoing`)."),
    ColumnSpec("due_original", "string", "Where the cell gives a revised date pair (`June 2015` then `April 2016`), the original date as printed."),
    ColumnSpec("due_original_date", "date", "The original (superseded) date of a revised pair."),
    ColumnSpec("due_start", "date", "Where the cell gives a range (`Jan 2013 – Mar 2016`), its start; `due_date` is its end."),
    ColumnSpec("evidence", "string", "The evidence of progress for this period, cleaned like `recommendation`."),
    ColumnSpec("status_code", "string", "The assessment's code on its own scale (`1`…`4`, `G`/`A`/`R`, `complete`/`ongoing`/…)."),
    ColumnSpec("status_label", "string", "The scale's canonical label for the code (`Fully Achieved`, `On track`, `Slipped`, `Not Achieved`, `Green`, …)."),
    ColumnSpec("status_scale", "string", "Which scale the code is on: `categories-1-4`, `rag` or `complete-ongoing`. Codes are never forced across scales."),
    ColumnSpec("status_raw", "string", "The assessment cell as printed (whitespace collapsed)."),
    ColumnSpec("achieved_on", "date", "A completion date stated in the evidence (`Achieved 21.05.15.`)."),
    ColumnSpec("period", "string", "The reporting period of this row's evidence column (`Q1/2`, `Q3/4`)."),
    ColumnSpec("presented_date", "date", "When that period's update was presented to committee."),
    ColumnSpec("parser_version", "string", "councilpapers version that produced the row."),
)  # fmt: skip

DECISIONS = (
    *_PROVENANCE,
    ColumnSpec("council", "string", "As `documents.council`."),
    ColumnSpec("body", "string", "The body that resolved it (`Cabinet`)."),
    ColumnSpec("meeting_date", "date", "Date of the meeting."),
    ColumnSpec("title", "string", "Title of the item/report."),
    ColumnSpec("rec_no", "string", "The recommendation's number in the RESOLVED list."),
    ColumnSpec("text", "string", "The recommendation's wording as resolved, cleaned like `progress.recommendation`."),
    ColumnSpec("parser_version", "string", "councilpapers version that produced the row."),
)  # fmt: skip

ERRORS = (
    ColumnSpec("source_file", "string", "The file the problem is in."),
    ColumnSpec("page", "int", "Page of the problem, where known."),
    ColumnSpec("line", "int", "Line of the problem, where known."),
    ColumnSpec("severity", "string", "`error`: the file gave no rows. `warning`: rows were written; this notes something dropped, moved or unreadable."),
    ColumnSpec("code", "string", "Stable code of the problem (see the README's error catalogue)."),
    ColumnSpec("message", "string", "What happened, in words."),
    ColumnSpec("hint", "string", "What to do about it."),
    ColumnSpec("text", "string", "The text concerned (e.g. a dropped running header), so nothing is lost unlisted."),
)  # fmt: skip

TABLES: dict[str, tuple[ColumnSpec, ...]] = {
    "documents": DOCUMENTS,
    "progress": PROGRESS,
    "decisions": DECISIONS,
    "errors": ERRORS,
}


def markdown_dictionary() -> str:
    """Return the data dictionary as Markdown, one table per dataset table (for the README)."""
    parts = []
    for table, columns in TABLES.items():
        name = "errors.csv" if table == "errors" else f"{table}.parquet / {table}.csv"
        parts.append(f"#### `{name}`\n\n| column | type | meaning |\n|---|---|---|")
        parts.extend(f"| `{c.name}` | {c.type} | {c.description} |" for c in columns)
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


if __name__ == "__main__":
    print(markdown_dictionary(), end="")
