"""The one intermediate form every reader produces and every parser consumes.

A text extract and a PDF both become a `SourceDocument`: pages of `Line`s, each line a tuple of
`Cell`s. Parsers never learn where the text came from; they only see cells, and a cell's column
when the reader knew it (a tab in a text extract, a table column in a PDF).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from councilpapers.errors import Problem

#: (x0, top, x1, bottom) in PDF points from the page's top-left corner, as pdfplumber gives them.
Box = tuple[float, float, float, float]

Media = Literal["text", "pdf", "ocr"]


@dataclass(frozen=True)
class Cell:
    """One cell of a line. `column` is None when the reader could not tell which column it is."""

    text: str
    column: int | None = None
    box: Box | None = None


@dataclass(frozen=True)
class Line:
    """A line of a text extract, or one table row / text line of a PDF page.

    `number` is 1-based: the line number in the file for text extracts, the line's position on
    its page for PDFs. A PDF table row keeps the line breaks inside its cells as ``\\n``.
    """

    page: int
    number: int
    cells: tuple[Cell, ...]

    @property
    def text(self) -> str:
        return "\t".join(cell.text for cell in self.cells)

    @property
    def is_blank(self) -> bool:
        return not any(cell.text.strip() for cell in self.cells)


@dataclass(frozen=True)
class SourceDocument:
    """Everything a parser needs from one file, and nothing about how it was read."""

    source_file: str
    sha256: str
    media: Media
    pages: int
    lines: tuple[Line, ...]
    #: Running headers/footers the reader took out of the text (PDF), most frequent first.
    furniture: tuple[str, ...] = ()
    #: Warnings raised while reading (encoding fallback, OCR used, pages skipped).
    notes: tuple[Problem, ...] = field(default=())

    @property
    def doc_id(self) -> str:
        """A stable id for the file's content: the first 16 hex digits of its SHA-256."""
        return self.sha256[:16]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)
