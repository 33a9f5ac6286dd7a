"""A cheap first look at every page of a PDF, so only the pages that matter get the table reader.

pdfium (already under pdfplumber) gives a page's text in about a millisecond, and its text
rectangles break at the gaps between table cells: a table's header row comes back as its cells,
a prose line as one rectangle. Which pages to read closely is the parsers' decision
(`parsers/triage.py`); this module reads, and gives the pages not read closely their cheap text
as prose lines, so a parser sees the whole paper (council, title) either way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from councilpapers.errors import UnreadableFileError
from ingest.model import Cell, Line, SourceDocument

#: PDFs with more pages than this are refused (`pdf-too-many-pages`) unless told otherwise;
#: the thickest agenda packs run to a few hundred pages.
DEFAULT_MAX_PAGES = 2000
# Rectangles whose vertical centres are this close (in line heights) share a line.
_SAME_LINE = 0.5
# Lines under a line of several rectangles whose text is read too (a header's wrapped labels).
_LABEL_LINES = 3


@dataclass(frozen=True)
class Segment:
    """A run of text with no wide gap in it, and its box (points from the page's top-left).

    `text` is read only where a table may be (lines of two or more segments and the lines
    just under them); elsewhere it is empty and the page's `texts` hold the words.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class PageText:
    """One page's cheap reading: its segments by line, and its text lines in reading order."""

    number: int
    width: float
    height: float
    lines: tuple[tuple[Segment, ...], ...]
    texts: tuple[str, ...] = ()
    #: No text can be judged here (no text layer, or a rotated page): read it in full.
    opaque: bool = False


def too_many_pages(source_file: str, pages: int, limit: int) -> UnreadableFileError:
    """Given a PDF's page count over `limit`, return the error that refuses it."""
    return UnreadableFileError(
        source_file,
        f"the PDF has {pages} pages, more than --max-pages {limit}",
        hint="raise --max-pages if the paper is genuine, or split it",
        code="pdf-too-many-pages",
    )


def _boxes_by_line(boxes: list[tuple[float, float, float, float]]) -> list[list[int]]:
    """Given boxes (x0, top, x1, bottom), return their indices grouped into lines, top down."""
    lines: list[list[int]] = []
    for i in sorted(range(len(boxes)), key=lambda i: (boxes[i][1], boxes[i][0])):
        _, top, _, bottom = boxes[i]
        if lines:
            first = boxes[lines[-1][0]]
            height = max(first[3] - first[1], bottom - top, 1.0)
            if abs((top + bottom) / 2 - (first[1] + first[3]) / 2) <= _SAME_LINE * height:
                lines[-1].append(i)
                continue
        lines.append([i])
    return [sorted(line, key=lambda i: boxes[i][0]) for line in lines]


def _page_text(page: Any, number: int) -> PageText:
    width, height = float(page.get_width()), float(page.get_height())
    textpage = page.get_textpage()
    try:
        texts = tuple(t for t in textpage.get_text_range().splitlines() if t.strip())
        boxes = []
        for i in range(textpage.count_rects()):
            left, bottom, right, top = textpage.get_rect(i)
            boxes.append((left, height - top, right, height - bottom))
        grouped = _boxes_by_line(boxes)
        # Reading a rectangle's text costs a pass over the page; prose lines are one
        # rectangle each and are judged from `texts`, so only table-like lines are read.
        wanted = {
            i
            for k, line in enumerate(grouped)
            if len(line) > 1
            for below in grouped[k : k + 1 + _LABEL_LINES]
            for i in below
        }
        lines = tuple(
            tuple(
                Segment(
                    " ".join(textpage.get_text_bounded(*_pdf_box(boxes[i], height)).split())
                    if i in wanted
                    else "",
                    *boxes[i],
                )
                for i in line
            )
            for line in grouped
        )
    finally:
        textpage.close()
    # A rotated page's text runs sideways in page space, and a page without text may be a
    # scan: neither can be judged from its text, so the caller reads them in full.
    opaque = not texts or page.get_rotation() != 0
    return PageText(number, width, height, lines, texts, opaque)


def _pdf_box(box: tuple[float, float, float, float], height: float) -> tuple[float, ...]:
    """Given a box from the top-left, return it as pdfium's (left, bottom, right, top)."""
    x0, top, x1, bottom = box
    return (x0, height - bottom, x1, height - top)


def read_page_texts(
    data: bytes, source_file: str, *, max_pages: int | None = None
) -> list[PageText] | None:
    """Given a PDF's bytes, return every page's cheap reading; None if pdfium cannot open it
    (the full reader then says why). Raises `pdf-too-many-pages` past `max_pages`."""
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return None
    try:
        count = len(pdf)
        if max_pages is not None and count > max_pages:
            raise too_many_pages(source_file, count, max_pages)
        pages: list[PageText] = []
        for index in range(count):
            try:
                page = pdf[index]
            except pdfium.PdfiumError:
                # deep-page-tree, page-tree-cycle: pdfium counts pages it cannot then load;
                # the full reader says why the file is damaged.
                return None
            try:
                pages.append(_page_text(page, index + 1))
            except pdfium.PdfiumError:
                pages.append(PageText(index + 1, 0.0, 0.0, (), opaque=True))
            finally:
                page.close()
        return pages
    finally:
        pdf.close()


def with_skimmed_pages(
    document: SourceDocument, pages: Sequence[PageText], read: Sequence[int]
) -> SourceDocument:
    """Given a document of the pages `read` closely, return it with every other page's cheap
    text added as prose lines, in page order: what a full read would give outside tables."""
    closely = set(read)
    skimmed = [
        Line(page=page.number, number=k, cells=(Cell(text),))
        for page in pages
        if page.number not in closely
        for k, text in enumerate(page.texts, 1)
    ]
    lines = sorted([*document.lines, *skimmed], key=lambda line: line.page)
    return dataclasses.replace(document, lines=tuple(lines))
