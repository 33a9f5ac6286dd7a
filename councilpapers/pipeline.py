"""One file → rows, and many files → a dataset: the stages joined end to end.

This is the edge where I/O meets the pure stages: `process_file` reads a file (ingest), parses
it (parsers), types it (normalise); `run_ingest` does that for a batch and writes the dataset
(output). A file that fails becomes an `errors.csv` row; it never stops the batch.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from councilpapers.errors import CouncilPapersError, Problem
from ingest.model import SourceDocument
from ingest.text import read_text_bytes
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

    @property
    def error(self) -> Problem | None:
        return next((p for p in self.problems if p.severity == "error"), None)


@dataclass
class RunSummary:
    """Counts and results of one `run_ingest` call."""

    results: list[FileResult] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def documents(self) -> list[DocumentRecord]:
        return [r.document for r in self.results if r.document is not None]

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.document is None]

    @property
    def problems(self) -> list[Problem]:
        return [p for r in self.results for p in r.problems]


def read_document(
    data: bytes, source_file: str, options: ReadOptions = ReadOptions()
) -> SourceDocument:
    """Given a file's bytes, return it as a `SourceDocument` (PDF by its magic number)."""
    if data.lstrip()[:5] == b"%PDF-":
        from ingest.ocr import OcrSettings
        from ingest.pdf import read_pdf_bytes

        ocr = (
            OcrSettings(language=options.ocr_language, cache_dir=options.ocr_cache)
            if options.ocr
            else None
        )
        return read_pdf_bytes(data, source_file, ocr=ocr)
    return read_text_bytes(data, source_file)


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
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        problem = Problem(
            code="file-unreadable",
            severity="error",
            source_file=name,
            message=f"cannot open the file ({reason})",
            hint="check the path and its permissions",
        )
        return FileResult(name, problems=(problem,))
    try:
        document = read_document(data, name, options)
        return process_document(document, council=council, settings=settings)
    except CouncilPapersError as exc:
        return FileResult(name, problems=(exc.to_problem(),))
    except Exception as exc:  # a bug must cost one file, not the batch
        problem = Problem(
            code="internal-error",
            severity="error",
            source_file=name,
            message=f"councilpapers failed on this file ({type(exc).__name__}: {exc})",
            hint="please report it with the file; the rest of the batch was processed",
        )
        return FileResult(name, problems=(problem,))


def find_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Given files and folders, yield the files to read, folders walked in sorted order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in SUFFIXES:
                    yield child
        else:
            yield path


def run_ingest(
    paths: Iterable[Path],
    out_dir: Path,
    *,
    council: str | None = None,
    settings: DateSettings = DEFAULT_SETTINGS,
    options: ReadOptions = ReadOptions(),
    on_result: Callable[[FileResult], None] | None = None,
) -> RunSummary:
    """Given files and folders, read every paper and write the dataset to `out_dir`."""
    from output.writers import write_dataset

    summary = RunSummary()
    for path in find_files(paths):
        result = process_file(path, council=council, settings=settings, options=options)
        summary.results.append(result)
        if on_result is not None:
            on_result(result)
    errors = sorted(
        summary.problems, key=lambda p: (p.source_file, p.page or 0, p.line or 0, p.code)
    )
    tables: dict[str, list[object]] = {
        "documents": list(summary.documents),
        "progress": [row for r in summary.results for row in r.progress],
        "decisions": [row for r in summary.results for row in r.decisions],
        "errors": list(errors),
    }
    summary.written = write_dataset(out_dir, tables)
    return summary
