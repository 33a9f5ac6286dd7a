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
    ColumnSpec("severity", "string", "`error`: something could not be read — the whole file (it gave no rows) or, for page-level codes such as `pdf-page-unreadable`, one page (the rest gave rows). `warning`: rows were written; this notes something dropped, moved or guessed."),
    ColumnSpec("code", "string", "Stable code of the problem (see the README's error catalogue)."),
    ColumnSpec("message", "string", "What happened, in words."),
    ColumnSpec("hint", "string", "What to do about it."),
    ColumnSpec("text", "string", "The text concerned (e.g. a dropped running header), so nothing is lost unlisted."),
)  # fmt: skip

# Written by `councilpapers diff` (compare/quarters.py): one row per change between quarters.
CHANGES = (
    ColumnSpec("rec_no", "string", "`councilpapers diff`: the recommendation's number in NEW (in OLD for rows gone from NEW)."),
    ColumnSpec("sub_item", "string", "Its sub-item letter, as `rec_no`; empty if none."),
    ColumnSpec("change", "string", "`added` (only in NEW), `signed_off` (gone from NEW after OLD assessed it achieved), `dropped` (gone from NEW while not achieved: an alert), `modified` (one row per field that changed), `unchanged`."),
    ColumnSpec("field", "string", "What changed: `status`, `officers`, `due_date`, `evidence` or `recommendation`; empty for the other kinds of change."),
    ColumnSpec("old", "string", "The field in OLD (status label, `; `-joined officers, date as printed, text). For `added`/`signed_off`/`dropped`/`unchanged`: the row's assessment."),
    ColumnSpec("new", "string", "The field in NEW, as `old`."),
    ColumnSpec("movement", "string", "How the row's assessment moved on its own scale: `improved`, `worsened`, `same`; empty when the scales differ or a code is off its scale (not comparable), and for rows on one side only. Repeated on each change of the row."),
    ColumnSpec("edit", "string", "How a text changed: `evidence_appended` (NEW keeps OLD's evidence and adds to it), `evidence_trimmed` (the reverse), `evidence_rewritten`; `wording_minor` or `wording_substantive` for the recommendation (rules as `drift.verdict`; cosmetic changes are not listed)."),
    ColumnSpec("delta", "string", "For `evidence_appended`, the text added; for `evidence_trimmed`, the text cut."),
    ColumnSpec("matched_by", "string", "How the OLD and NEW rows were paired: `number` (rec_no and sub-item, or rec_no alone where the sub-item letter changed), `wording` (the numbering changed; see `old_rec_no`); empty for rows on one side only."),
    ColumnSpec("old_rec_no", "string", "Where OLD numbered the row differently (matched by wording, or a sub-item relettered): its number in OLD; empty otherwise."),
    ColumnSpec("old_sub_item", "string", "Where OLD numbered the row differently: its sub-item letter in OLD."),
    ColumnSpec("recommendation", "string", "The recommendation's wording (NEW's, or OLD's for rows gone from NEW), so a change reads without a join."),
    ColumnSpec("old_period", "string", "OLD's reporting period (`Q1/2`)."),
    ColumnSpec("old_presented_date", "date", "When OLD's period was presented to committee."),
    ColumnSpec("new_period", "string", "NEW's reporting period (`Q3/4`)."),
    ColumnSpec("new_presented_date", "date", "When NEW's period was presented to committee."),
    ColumnSpec("old_source", "string", "Where the OLD row is: `path:page N:line M`."),
    ColumnSpec("new_source", "string", "Where the NEW row is: `path:page N:line M`."),
    ColumnSpec("note", "string", "Why, in words: the wording rule that applied, a wording match, scales that are not comparable, a drop to check."),
    ColumnSpec("redline", "string", "For `evidence` and `recommendation`: the word-level diff, `[-deleted-]` and `{+inserted+}` (git's word-diff marks)."),
)  # fmt: skip

# Written by `councilpapers drift` (compare/drift.py): one row per recommendation.
DRIFT = (
    ColumnSpec("rec_no", "string", "`councilpapers drift`: the recommendation's number in the decision (the tracker's for `not_in_decision`)."),
    ColumnSpec("verdict", "string", "`identical`, `cosmetic`, `minor`, `substantive` (see the README's rules), `missing_from_tracker` (no tracker row for it), `not_in_decision` (a tracker recommendation Cabinet did not resolve)."),
    ColumnSpec("similarity", "int", "Share of words the two wordings have in common, 0–100 (2 × longest common word sequence ÷ words in both); empty where nothing was compared."),
    ColumnSpec("reason", "string", "Why the verdict: what differs (`differs only in spacing`, `minor words only: added 'the'`, `obligation changed …: removed 'must'; added 'should'`)."),
    ColumnSpec("matched_by", "string", "`number` (checked by wording) or `wording` (the tracker numbers it differently; see `tracker_rec_no`)."),
    ColumnSpec("tracker_rec_no", "string", "The tracker's number for the recommendation."),
    ColumnSpec("sub_items", "list[string]", "The tracker's sub-items compared together (`a; b; c`), CSV `; `-joined."),
    ColumnSpec("decision_text", "string", "The wording Cabinet resolved."),
    ColumnSpec("tracker_text", "string", "The wording the tracker carries; for sub-items with their own wording, the shared stem then each part on a line."),
    ColumnSpec("redline", "string", "Word-level diff from decision to tracker: `[-deleted-]` and `{+inserted+}`."),
    ColumnSpec("decision_source", "string", "Where the decision's wording is: `path:page N:line M`."),
    ColumnSpec("tracker_source", "string", "Where the tracker's first row for it is: `path:page N:line M`."),
)  # fmt: skip

# Written by `councilpapers ingest`: one row per file path ever given (see README, "Batches").
MANIFEST = (
    ColumnSpec("source_file", "string", "A path `ingest` found, as given (folder joined with the names under it)."),
    ColumnSpec("sha256", "string", "SHA-256 of its bytes when last seen; empty if it could not be read."),
    ColumnSpec("doc_id", "string", "First 16 hex digits of `sha256`: the `documents` row its content gave (one per content, however many paths hold it)."),
    ColumnSpec("bytes", "int", "Its size in bytes."),
    ColumnSpec("status", "string", "`read` (its rows are in the tables), `duplicate` (the same bytes as `duplicate_of`, whose rows stand for both), `failed` (no rows; see `error_code` and `errors.csv`)."),
    ColumnSpec("duplicate_of", "string", "For a `duplicate`: the path the content's rows carry (the first in sorted order)."),
    ColumnSpec("kind", "string", "`tracker` or `decision`, as `documents.kind`; empty if it failed."),
    ColumnSpec("pages", "int", "Pages in the file (as `documents.pages`)."),
    ColumnSpec("pages_read", "int", "Pages the table reader read closely; the others were only skimmed (triage)."),
    ColumnSpec("rows", "int", "Rows its content gave to `progress` or `decisions`."),
    ColumnSpec("error_code", "string", "Why it failed (see the README's error catalogue); empty if it was read."),
    ColumnSpec("parser_version", "string", "councilpapers version that read it; a different version reads it again."),
)  # fmt: skip

# Appended by `councilpapers ingest`, one row per run: a log, not part of the deterministic dataset.
RUNS = (
    ColumnSpec("started", "string", "When the run started (UTC, ISO 8601)."),
    ColumnSpec("seconds", "string", "How long it took, in seconds."),
    ColumnSpec("status", "string", "`complete`, or `interrupted` (stopped by Ctrl-C; a re-run finishes the job)."),
    ColumnSpec("paths", "string", "The files and folders given, `; `-joined."),
    ColumnSpec("executor", "string", "`local` or `dask`."),
    ColumnSpec("jobs", "int", "Worker processes (local runs)."),
    ColumnSpec("files", "int", "Files found."),
    ColumnSpec("inserted", "int", "Files whose content was new, read this run."),
    ColumnSpec("updated", "int", "Known paths whose content changed, read again (their old rows replaced)."),
    ColumnSpec("unchanged", "int", "Known paths with the same content: skipped."),
    ColumnSpec("reread", "int", "Unchanged files read again (`--force`, `--retry-failed`, a new councilpapers version)."),
    ColumnSpec("duplicate", "int", "New paths whose content another path already gives: not read again."),
    ColumnSpec("renamed", "int", "New paths whose content was known under a path now gone: not read again; rows relabelled."),
    ColumnSpec("removed", "int", "Known paths under a folder walked this run that are gone: their rows dropped."),
    ColumnSpec("failed", "int", "Files that gave no rows this run (see `errors.csv`)."),
    ColumnSpec("rows_added", "int", "`progress` and `decisions` rows added."),
    ColumnSpec("rows_removed", "int", "`progress` and `decisions` rows dropped (changed or removed files)."),
    ColumnSpec("pages_read", "int", "Pages read closely this run."),
    ColumnSpec("parser_version", "string", "councilpapers version of the run."),
)  # fmt: skip

#: Tables written as CSV only.
CSV_ONLY = ("errors", "runs")

TABLES: dict[str, tuple[ColumnSpec, ...]] = {
    "documents": DOCUMENTS,
    "progress": PROGRESS,
    "decisions": DECISIONS,
    "errors": ERRORS,
    "manifest": MANIFEST,
    "runs": RUNS,
    "changes": CHANGES,
    "drift": DRIFT,
}


def markdown_dictionary() -> str:
    """Return the data dictionary as Markdown, one table per dataset table (for the README)."""
    parts = []
    for table, columns in TABLES.items():
        name = f"{table}.csv" if table in CSV_ONLY else f"{table}.parquet / {table}.csv"
        parts.append(f"#### `{name}`\n\n| column | type | meaning |\n|---|---|---|")
        parts.extend(f"| `{c.name}` | {c.type} | {c.description} |" for c in columns)
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


if __name__ == "__main__":
    print(markdown_dictionary(), end="")
