"""One file → rows, and many files → a dataset: the stages joined end to end.

This is the edge where I/O meets the pure stages: `process_file` reads a file (ingest), parses
it (parsers), types it (normalise); `run_ingest` does that for a batch in worker processes and
keeps the dataset up to date (`councilpapers/batch.py`). A file that fails becomes an
`errors.csv` row; it never stops the batch.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from councilpapers.errors import CouncilPapersError, Problem
from ingest.files import read_file_bytes
from ingest.model import SourceDocument
from ingest.text import read_text_bytes
from ingest.triage import DEFAULT_MAX_PAGES
from normalise.dates import DEFAULT_SETTINGS, DateSettings
from normalise.records import (
    DecisionRecord,
    DocumentRecord,
    ProgressRecord,
    normalise_decision,
    normalise_tracker,
)
from parsers.detect import parse_document
from parsers.records import Decision

if TYPE_CHECKING:
    from councilpapers.batch import BatchEvents, BatchOptions, BatchSummary

#: File types picked up when a folder is given (a file named explicitly is always tried).
SUFFIXES = (".pdf", ".txt", ".text")


@dataclass(frozen=True)
class ReadOptions:
    """How to read files: plain values only, so worker processes can be sent them."""

    #: OCR scanned PDF pages (needs the `ocr` extra and tesseract); False reports them instead.
    ocr: bool = True
    #: Where OCR results are cached (by file hash); None: `$COUNCILPAPERS_CACHE` or ~/.cache.
    ocr_cache: Path | None = None
    #: Tesseract language(s).
    ocr_language: str = "eng"
    #: Read closely only the PDF pages that hold a tracker or decision record (see
    #: `parsers/triage.py`); False reads every page.
    triage: bool = True
    #: Refuse PDFs with more pages than this (`pdf-too-many-pages`); None: no limit.
    max_pages: int | None = DEFAULT_MAX_PAGES


@dataclass(frozen=True)
class FileResult:
    """What one file gave: its document row and table rows, or the reason it gave none."""

    source_file: str
    document: DocumentRecord | None = None
    progress: tuple[ProgressRecord, ...] = ()
    decisions: tuple[DecisionRecord, ...] = ()
    problems: tuple[Problem, ...] = ()
    #: Warnings about the file as a whole (encoding guessed, pages OCR'd), worth printing;
    #: also in `problems`. Row-level warnings are only counted.
    notices: tuple[Problem, ...] = ()
    #: Pages the table reader saw (after triage), for the batch's pages-per-second.
    pages_read: int = 0

    @property
    def error(self) -> Problem | None:
        return next((p for p in self.problems if p.severity == "error"), None)


def read_document(
    data: bytes, source_file: str, options: ReadOptions = ReadOptions()
) -> SourceDocument:
    """Given a file's bytes, return it as a `SourceDocument` (PDF by its magic number)."""
    return _read(data, source_file, options)[0]


def _read(data: bytes, source_file: str, options: ReadOptions) -> tuple[SourceDocument, int]:
    """Given a file's bytes, return its document and how many pages the table reader saw."""
    if data.lstrip()[:5] != b"%PDF-":
        document = read_text_bytes(data, source_file)
        return document, document.pages
    from ingest.ocr import OcrSettings
    from ingest.pdf import read_pdf_bytes
    from ingest.pdf_limits import PdfLimits, check_streams
    from ingest.triage import read_page_texts, with_skimmed_pages
    from parsers.triage import choose_pages

    ocr = (
        OcrSettings(language=options.ocr_language, cache_dir=options.ocr_cache)
        if options.ocr
        else None
    )
    limits = PdfLimits(max_pages=options.max_pages)
    # decompression-bomb: refused before pdfium (triage) or pdfminer inflates any stream.
    check_streams(data, source_file, limits)
    texts = read_page_texts(data, source_file, max_pages=options.max_pages)
    choice = choose_pages(texts) if options.triage and texts is not None else None
    if choice is None or choice.every_page:
        document = read_pdf_bytes(data, source_file, ocr=ocr, limits=limits)
        return document, document.pages
    if choice.pages:
        document = read_pdf_bytes(data, source_file, ocr=ocr, pages=choice.pages, limits=limits)
    else:  # no page holds a table worth reading: the parser judges the cheap text alone
        sha256 = hashlib.sha256(data).hexdigest()
        document = SourceDocument(source_file, sha256, "pdf", choice.total, lines=())
    assert texts is not None  # a choice is only made from texts
    return with_skimmed_pages(document, texts, choice.pages), len(choice.pages)


def process_document(
    doc: SourceDocument, *, council: str | None = None, settings: DateSettings = DEFAULT_SETTINGS
) -> FileResult:
    """Given a read document, parse and normalise it (raises `CouncilPapersError`)."""
    parsed = parse_document(doc)
    problems = (*doc.notes, *parsed.problems)
    if isinstance(parsed, Decision):
        document, decisions = normalise_decision(doc, parsed, settings)
        result = FileResult(doc.source_file, document, decisions=tuple(decisions))
    else:
        document, progress = normalise_tracker(doc, parsed, settings)
        result = FileResult(doc.source_file, document, progress=tuple(progress))
    if council and not document.council:
        result = _with_council(result, council)
    assert result.document is not None
    document = dataclasses.replace(result.document, problems=len(problems))
    return dataclasses.replace(result, document=document, problems=problems, notices=doc.notes)


def _with_council(result: FileResult, council: str) -> FileResult:
    return dataclasses.replace(
        result,
        document=dataclasses.replace(result.document, council=council) if result.document else None,
        progress=tuple(dataclasses.replace(r, council=council) for r in result.progress),
        decisions=tuple(dataclasses.replace(r, council=council) for r in result.decisions),
    )


def process_file(
    path: Path,
    source_file: str | None = None,
    *,
    council: str | None = None,
    settings: DateSettings = DEFAULT_SETTINGS,
    options: ReadOptions = ReadOptions(),
) -> FileResult:
    """Given a path, return its rows; any failure becomes an error `Problem`, never a raise."""
    name = source_file or str(path)
    try:
        document, pages_read = _read(read_file_bytes(path, name), name, options)
        result = process_document(document, council=council, settings=settings)
        return dataclasses.replace(result, pages_read=pages_read)
    except CouncilPapersError as exc:
        return FileResult(name, problems=(exc.to_problem(),))
    except MemoryError:  # the worker's memory cap (--memory) was reached
        problem = Problem(
            code="file-memory",
            severity="error",
            source_file=name,
            message="reading the file needed more memory than the worker may use",
            hint="raise --memory if the paper is genuine; the rest of the batch was processed",
        )
        return FileResult(name, problems=(problem,))
    except Exception as exc:  # a bug must cost one file, not the batch
        problem = Problem(
            code="internal-error",
            severity="error",
            source_file=name,
            message=f"councilpapers failed on this file ({type(exc).__name__}: {exc})",
            hint="please report it with the file; the rest of the batch was processed",
        )
        return FileResult(name, problems=(problem,))


def run_ingest(
    paths: Iterable[Path],
    out_dir: Path,
    *,
    council: str | None = None,
    settings: DateSettings = DEFAULT_SETTINGS,
    options: ReadOptions = ReadOptions(),
    batch: BatchOptions | None = None,
    events: BatchEvents | None = None,
) -> BatchSummary:
    """Given files and folders, read every new or changed paper and bring the dataset in
    `out_dir` up to date (see `councilpapers.batch.run_batch`)."""
    from councilpapers.batch import BatchOptions, run_batch

    return run_batch(
        paths,
        out_dir,
        council=council,
        settings=settings,
        options=options,
        batch=batch or BatchOptions(),
        events=events,
    )
