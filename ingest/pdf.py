"""PDF papers → `SourceDocument`: table rows as cells in header-column order, other text as lines.

Each page is read once: one word pass over its text layer, or one OCR pass if it is a scan.
Then, in order: ruled tables from the page's rules, page furniture from what repeats across
pages, borderless tables from header words and gutters, and what is left as prose. Rows are
emitted as printed; joining rows cut by a page break is the parser's job.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

from councilpapers.errors import Problem, UnreadableFileError
from ingest.files import read_file_bytes
from ingest.model import Cell, Line, SourceDocument
from ingest.ocr import (
    ENABLE_OCR_HINT,
    OcrSettings,
    OcrUnavailableError,
    ScannedPage,
    read_scanned_pages,
)
from ingest.pdf_borderless import BorderlessLayout, gutter_width, header_end, read_borderless_table
from ingest.pdf_furniture import PageLines, find_furniture
from ingest.pdf_header import is_header_line, same_header
from ingest.pdf_layout import PageLayout, TableRow, TextLine, Word, group_lines, median_height
from ingest.pdf_limits import (
    DEFAULT_LIMITS,
    PdfLimits,
    check_page_count,
    check_streams,
    declared_pages,
    dense_page,
    every_page_dense,
    guard_reference_cycles,
    page_char_counts,
)
from ingest.pdf_rulings import Ruling, rulings_from_vectors
from ingest.pdf_tables import (
    Column,
    Grid,
    RuledTableSettings,
    find_grids,
    fits_columns,
    header_row_index,
    own_columns,
    row_columns,
    row_texts,
    rows_from_grid,
    words_by_cell,
)

#: OCR on, with the default cache; pass ``ocr=None`` to turn it off.
DEFAULT_OCR = OcrSettings()
# A page with no text whose images cover at least this share of it is a scan.
_MIN_SCAN_COVER = 0.25
# A page object (`/Type /Page`, not `/Pages`) in the raw bytes of a PDF whose page tree is empty.
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![A-Za-z])")

# What pdfplumber raises on a damaged file: pdfminer's errors wrapped, and its own (a MediaBox
# of `[0 0 1 e400 842]` raises MalformedPDFException while the page list is built).
_DAMAGED = (PdfminerException, MalformedPDFException)
# ...and the Python errors pdfplumber lets through from a malformed object (`/MediaBox []`
# raises IndexError while the page list is built).
_MALFORMED = (*_DAMAGED, ValueError, KeyError, TypeError, AttributeError, IndexError)

guard_reference_cycles()


@dataclass
class PdfAnalysis:
    """A read PDF: the document, and per page what was decided (for `inspect`)."""

    document: SourceDocument
    pages: list[PageLayout]
    #: pdfplumber's table finder per page number, for its visual debugging.
    finders: dict[int, Any] = field(default_factory=dict)


@dataclass
class _Page:
    """One page between reading its words and laying it out."""

    plumber: Any
    layout: PageLayout
    rulings: list[Ruling] = field(default_factory=list)
    grids: list[Grid] = field(default_factory=list)
    line_height: float = 9.0


@dataclass
class _TableState:
    """What carries over from one page to the next: the table in progress and its header."""

    ruled_columns: list[Column] | None = None
    borderless: BorderlessLayout | None = None
    borderless_open: bool = False
    header: Sequence[str] | None = None
    header_page: int = 0


def read_pdf(
    path: Path,
    source_file: str | None = None,
    *,
    ocr: OcrSettings | None = DEFAULT_OCR,
    limits: PdfLimits = DEFAULT_LIMITS,
) -> SourceDocument:
    """Read a PDF paper from disk; scanned pages are OCR'd with `ocr` (None: not at all)."""
    name = source_file or str(path)
    data = read_file_bytes(path, name)
    return read_pdf_bytes(data, name, ocr=ocr, limits=limits)


def read_pdf_bytes(
    data: bytes,
    source_file: str,
    *,
    ocr: OcrSettings | None = DEFAULT_OCR,
    pages: Sequence[int] | None = None,
    limits: PdfLimits = DEFAULT_LIMITS,
) -> SourceDocument:
    """Given a PDF's bytes, return it as a `SourceDocument` (raises `UnreadableFileError`).

    `pages` (1-based) reads only those pages, keeping their real numbers; None reads them all.
    `limits` bounds what a hostile file can cost (pages, characters a page, inflated streams).
    """
    return analyse_pdf(data, source_file, ocr=ocr, pages=pages, limits=limits).document


def _damaged(source_file: str, reason: str) -> UnreadableFileError:
    return UnreadableFileError(
        source_file,
        f"the PDF is damaged ({reason})",
        hint="download the paper again, or open and re-save it as PDF",
        code="pdf-damaged",
    )


@contextmanager
def open_pdf(data: bytes, source_file: str, limits: PdfLimits = DEFAULT_LIMITS) -> Iterator[Any]:
    """Given a PDF's bytes, yield it open in pdfplumber; raise `UnreadableFileError` if we can't
    (or if it is over `limits`' page count or stream size)."""
    if not data.strip():
        raise UnreadableFileError(
            source_file,
            "the PDF is empty (0 bytes)",
            hint="download the paper again or remove it from the batch",
            code="pdf-empty",
        )
    if b"%PDF" not in data[:1024]:
        raise _damaged(source_file, "no %PDF header: not a PDF")
    check_streams(data, source_file, limits)
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise UnreadableFileError(
                source_file,
                "the PDF is encrypted with a password",
                hint="ask the council for an unprotected copy, or decrypt it (qpdf --decrypt)",
                code="pdf-encrypted",
            ) from None
        raise _damaged(source_file, f"{type(cause).__name__}: {cause}".rstrip(": ")) from None
    try:
        check_page_count(declared_pages(pdf.doc), source_file, limits)
        try:
            count = len(pdf.pages)
        except _MALFORMED as exc:
            raise _damaged(source_file, f"{type(exc).__name__}: {exc}") from None
        if not count:
            if _PAGE_OBJECT.search(data):
                # broken-xref: offsets that miss their objects leave pdfminer an empty tree.
                raise _damaged(source_file, "its page tree leads to none of its pages")
            raise UnreadableFileError(
                source_file,
                "the PDF has no pages",
                hint="download the paper again or remove it from the batch",
                code="pdf-empty",
            )
        check_page_count(count, source_file, limits)
        yield pdf
    except _DAMAGED as exc:
        raise _damaged(source_file, str(exc)) from None
    finally:
        # close() walks the page list again: where that is what failed (a page tree nested
        # thousands deep, deep-page-tree), it raises again and would hide the error above.
        with suppress(*_MALFORMED):
            pdf.close()


def _page_ranges(pages: Sequence[int]) -> str:
    """Given page numbers, return them as "1–4" or "2, 5, 7–9"."""
    parts: list[str] = []
    ordered = sorted(pages)
    start = prev = ordered[0]
    for page in [*ordered[1:], None]:
        if page is not None and page == prev + 1:
            prev = page
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if page is not None:
            start = prev = page
    label = "page" if len(ordered) == 1 else "pages"
    return f"{label} {', '.join(parts)}"


def _verb(pages: Sequence[int], one: str, many: str) -> str:
    return f"{_page_ranges(pages)} {one if len(pages) == 1 else many}"


def _scan_dpi(page: Any) -> float | None:
    """Given a page that is a scan, return its largest image's resolution in dots per inch."""
    best: tuple[float, float | None] = (0.0, None)
    for image in page.images:
        width_pt = float(image["x1"]) - float(image["x0"])
        area = width_pt * (float(image["bottom"]) - float(image["top"]))
        if width_pt > 0 and area > best[0]:
            best = (area, float(image["srcsize"][0]) / (width_pt / 72.0))
    return best[1]


def _is_scan(page: Any) -> bool:
    cover = 0.0
    for image in page.images:
        x0, top = max(float(image["x0"]), 0.0), max(float(image["top"]), 0.0)
        x1, bottom = min(float(image["x1"]), page.width), min(float(image["bottom"]), page.height)
        cover += max(0.0, x1 - x0) * max(0.0, bottom - top)
    return bool(cover >= _MIN_SCAN_COVER * page.width * page.height)


def _text_words(page: Any) -> list[Word]:
    return [
        Word(w["text"], float(w["x0"]), float(w["top"]), float(w["x1"]), float(w["bottom"]))
        for w in page.extract_words()
    ]


def _protected(page: _Page, gutter: float) -> frozenset[int]:
    """Given a page, return the indices of its lines that are table content, not furniture."""
    lines = page.layout.lines
    boxes = [g.bbox for g in page.grids]
    protected: set[int] = set()
    for k, line in enumerate(lines):
        if boxes and all(
            any(b[0] <= w.center_x <= b[2] and b[1] <= w.center_y <= b[3] for b in boxes)
            for w in line.words
        ):
            protected.add(k)
    # The repeated header rows of a borderless table recur at one place on every page.
    for k, line in enumerate(lines):
        if k not in protected and is_header_line(line, gutter):
            protected.update(range(k, header_end(lines, k, page.line_height)))
    return frozenset(protected)


def _lay_out_page(page: _Page, state: _TableState) -> list[tuple[Word, TableRow | TextLine]]:
    """Given a page with its furniture known, return its rows and prose lines in reading order.

    Each item comes with its first word, which gives its line number on the page.
    """
    layout = page.layout
    furniture_ids = {id(w) for line in layout.furniture for w in line.words}
    content = [w for w in layout.words if id(w) not in furniture_ids]

    tables: list[tuple[float, Sequence[str] | None, list[TableRow]]] = []
    for grid in sorted(page.grids, key=lambda g: g.bbox[1]):
        found = words_by_cell(grid, content)
        header_index = header_row_index(grid, found)
        layout.table_boxes.append(grid.bbox)
        layout.cell_boxes.extend(c for row in grid.rows for c in row if c is not None)
        if header_index is not None:
            columns = row_columns(grid, header_index)
            state.ruled_columns = columns
            rows = rows_from_grid(grid, found, columns, header_row=header_index)
            tables.append((grid.bbox[1], row_texts(grid, header_index, found), rows))
        elif state.ruled_columns is not None and fits_columns(grid, state.ruled_columns):
            tables.append((grid.bbox[1], None, rows_from_grid(grid, found, state.ruled_columns)))
        else:
            tables.append((grid.bbox[1], None, rows_from_grid(grid, found, own_columns(grid))))

    boxes = [g.bbox for g in page.grids]
    free = group_lines(
        w
        for w in content
        if not any(b[0] <= w.center_x <= b[2] and b[1] <= w.center_y <= b[3] for b in boxes)
    )
    gutter = gutter_width(page.line_height)
    prose: list[TextLine] = []
    k = 0
    carry = state.borderless if state.borderless_open else None
    state.borderless_open = False
    while k < len(free):
        continues = (
            carry is not None
            and k == 0
            and not is_header_line(free[0], gutter)
            and not carry.crosses(free[0])
        )
        if continues or is_header_line(free[k], gutter):
            table = read_borderless_table(free, k, page.line_height, carry if continues else None)
            if table is not None and table.end > k:
                rows = list(table.rows)
                if table.header is not None:
                    rows.insert(0, table.header)
                top = rows[0].first_word.top if rows else free[k].top
                bottom = max((c.box[3] for r in rows for c in r.cells if c.box), default=top)
                layout.column_lines.extend(
                    (x, top, bottom) for x in (table.left, *table.layout.edges, table.right)
                )
                tables.append((top, table.layout.header if table.header else None, rows))
                state.borderless, state.borderless_open = table.layout, table.open_at_end
                k = table.end
                continue
        prose.append(free[k])
        k += 1
    layout.prose = prose

    items: list[tuple[Word, TableRow | TextLine]] = [(line.words[0], line) for line in prose]
    first_table_on_page = True
    for _, header, rows in sorted(tables, key=lambda t: t[0]):
        if header is not None:
            repeat = (
                first_table_on_page
                and state.header is not None
                and state.header_page < layout.number
                and same_header(state.header, header)
            )
            state.header, state.header_page = header, layout.number
            if repeat:
                layout.dropped_headers.extend(r for r in rows if r.is_header)
                rows = [r for r in rows if not r.is_header]
        first_table_on_page = False
        layout.rows.extend(rows)
        items.extend((row.first_word, row) for row in rows)
    items.sort(key=lambda item: (item[0].top, item[0].x0))
    return items


def _read_pages(
    pdf: Any,
    data: bytes,
    sha256: str,
    source_file: str,
    ocr: OcrSettings | None,
    settings: RuledTableSettings,
    finders: dict[int, Any],
    selected: Sequence[int] | None = None,
    limits: PdfLimits = DEFAULT_LIMITS,
) -> tuple[list[_Page], list[Problem]]:
    """Given an open PDF, return each page's words and ruled tables (OCR'ing scans) and any
    warnings; fills `finders` with pdfplumber's table finder per page. `selected` (1-based)
    limits the pages read (the batch's triage); None reads every page. Pages over `limits`'
    characters are skipped, each with a `pdf-page-too-dense` problem."""
    pages: list[_Page] = []
    notes: list[Problem] = []
    scans: dict[int, float | None] = {}
    count = len(pdf.pages)
    every = range(1, count + 1)
    numbers = every if selected is None else sorted(set(selected) & set(every))
    counted = page_char_counts(data, numbers, count)
    for number in numbers:
        plumber = pdf.pages[number - 1]
        layout = PageLayout(number, float(plumber.width), float(plumber.height), "blank")
        page = _Page(plumber=plumber, layout=layout)
        pages.append(page)
        # dense-page: counted by pdfium before pdfminer makes an object of every character.
        chars = counted.get(number, 0) if counted is not None else 0
        if chars > limits.max_chars_per_page:
            layout.source = "skipped"
            notes.append(dense_page(number, chars, source_file, limits))
            continue
        try:
            found = plumber.chars
            if len(found) > limits.max_chars_per_page:  # pdfium could not count them first
                layout.source = "skipped"
                notes.append(dense_page(number, len(found), source_file, limits))
            elif any(c["text"].strip() for c in found):
                layout.source = "text"
                layout.words = _text_words(plumber)
                page.rulings = rulings_from_vectors(plumber)
                page.grids, finders[number] = find_grids(plumber, page.rulings, settings)
            elif _is_scan(plumber):
                layout.source = "ocr"
                scans[number] = _scan_dpi(plumber)
            # Everything needed is in our words and grids now: let pdfplumber drop the page's
            # parsed objects, so memory stays that of one page however long the paper.
            plumber.flush_cache()
        except _MALFORMED as exc:
            layout.source = "skipped"
            notes.append(
                Problem(
                    code="pdf-page-unreadable",
                    severity="error",
                    source_file=source_file,
                    page=number,
                    message=f"page {number} could not be read ({type(exc).__name__}: {exc})",
                    hint="open the PDF and re-save it; its other pages were read",
                )
            )
    if all(p.layout.source == "skipped" for p in pages):
        dense = [n for n in notes if n.code == "pdf-page-too-dense"]
        if dense and len(dense) == len(pages):
            raise every_page_dense(source_file, dense)
        raise _damaged(source_file, "no page could be read")
    if not scans:
        return pages, notes

    scanned: dict[int, ScannedPage] = {}
    reason = "OCR is turned off"
    if ocr is not None:
        try:
            scanned = read_scanned_pages(data, sha256, list(scans), scans, ocr)
        except OcrUnavailableError as exc:
            reason = str(exc)
    by_number = {page.layout.number: page for page in pages}
    if scanned:
        for number, result in scanned.items():
            page = by_number[number]
            page.layout.words = list(result.words)
            page.rulings = list(result.rulings)
            page.grids, finders[number] = find_grids(page.plumber, page.rulings, settings)
        engine = next(iter(scanned.values())).engine
        notes.append(
            Problem(
                code="pdf-ocr",
                severity="warning",
                source_file=source_file,
                page=min(scanned),
                message=f"{_verb(list(scanned), 'has', 'have')} no text layer and "
                f"{'was' if len(scanned) == 1 else 'were'} read by OCR ({engine}); evidence "
                "text may carry OCR noise",
                hint="check officers, dates and assessments against the paper",
            )
        )
        return pages, notes

    if all(p.layout.source in ("ocr", "blank") for p in pages):
        raise UnreadableFileError(
            source_file,
            f"{_verb(list(scans), 'is a scanned image', 'are scanned images')} with no text "
            f"layer, and {reason}",
            hint=ENABLE_OCR_HINT,
            code="pdf-scanned-no-ocr",
        )
    for number in scans:
        by_number[number].layout.source = "skipped"
    notes.append(
        Problem(
            code="pdf-scanned-no-ocr",
            severity="error",
            source_file=source_file,
            page=min(scans),
            message=f"{_verb(list(scans), 'is a scanned image', 'are scanned images')} with no "
            f"text layer, so {'it was' if len(scans) == 1 else 'they were'} skipped: {reason}",
            hint=ENABLE_OCR_HINT,
        )
    )
    return pages, notes


def analyse_open_pdf(
    pdf: Any,
    data: bytes,
    source_file: str,
    *,
    ocr: OcrSettings | None = DEFAULT_OCR,
    settings: RuledTableSettings | None = None,
    pages: Sequence[int] | None = None,
    limits: PdfLimits = DEFAULT_LIMITS,
) -> PdfAnalysis:
    """Given a PDF open in pdfplumber and its bytes, return the document and page layouts
    (of every page, or of `pages` only; the document still counts every page)."""
    settings = settings or RuledTableSettings()
    sha256 = hashlib.sha256(data).hexdigest()
    finders: dict[int, Any] = {}
    read, notes = _read_pages(pdf, data, sha256, source_file, ocr, settings, finders, pages, limits)

    page_lines: list[PageLines] = []
    for page in read:
        layout = page.layout
        page.line_height = median_height(layout.words)
        layout.lines = group_lines(layout.words)
        page_lines.append(
            PageLines(
                number=layout.number,
                width=layout.width,
                height=layout.height,
                lines=layout.lines,
                protected=_protected(page, gutter_width(page.line_height)),
            )
        )
    furniture = find_furniture(page_lines)

    state = _TableState()
    lines: list[Line] = []
    previous = 0
    for page in read:
        layout = page.layout
        if pages is not None and layout.number != previous + 1:
            state = _TableState()  # pages between were not read: no table carries over them
        previous = layout.number
        layout.furniture = [layout.lines[k] for k in sorted(furniture.lines[layout.number])]
        number_of = {id(w): k + 1 for k, line in enumerate(layout.lines) for w in line.words}
        items = _lay_out_page(page, state)
        for first_word, item in items:
            if isinstance(item, TableRow):
                cells = item.cells
            else:
                cells = (Cell(item.text, column=None, box=item.box),)
            lines.append(Line(page=layout.number, number=number_of[id(first_word)], cells=cells))

    if not lines and not notes:
        notes.append(
            Problem(
                code="pdf-no-text",
                severity="warning",
                source_file=source_file,
                message="no text was found on any page",
                hint="check the PDF shows text when opened",
            )
        )
    document = SourceDocument(
        source_file=source_file,
        sha256=sha256,
        media="ocr" if any(p.layout.source == "ocr" for p in read) else "pdf",
        pages=len(pdf.pages),
        lines=tuple(lines),
        furniture=furniture.texts,
        notes=tuple(notes),
    )
    return PdfAnalysis(document=document, pages=[p.layout for p in read], finders=finders)


def analyse_pdf(
    data: bytes,
    source_file: str,
    *,
    ocr: OcrSettings | None = DEFAULT_OCR,
    settings: RuledTableSettings | None = None,
    pages: Sequence[int] | None = None,
    limits: PdfLimits = DEFAULT_LIMITS,
) -> PdfAnalysis:
    """Given a PDF's bytes, return the document and what was decided on each page (of every
    page, or of `pages` only, 1-based)."""
    with open_pdf(data, source_file, limits) as pdf:
        return analyse_open_pdf(
            pdf, data, source_file, ocr=ocr, settings=settings, pages=pages, limits=limits
        )
