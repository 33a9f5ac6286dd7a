"""The geometry records the PDF reader passes between its steps: words, text lines, table rows.

Words come from a text layer or from OCR; everything after that sees only these records, so the
ruled, borderless and scanned paths share one set of rules. Coordinates are PDF points from the
page's top-left corner, as pdfplumber gives them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from statistics import median

from ingest.model import Box, Cell


@dataclass(frozen=True)
class Word:
    """One word as printed (or as OCR read it), with its box on the page."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def center_x(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def center_y(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class TextLine:
    """Words sharing a baseline, left to right."""

    words: tuple[Word, ...]

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return min(w.x0 for w in self.words)

    @property
    def x1(self) -> float:
        return max(w.x1 for w in self.words)

    @property
    def box(self) -> Box:
        return (self.x0, self.top, self.x1, self.bottom)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


@dataclass(frozen=True)
class TableRow:
    """One table row ready to become a `Line`: its cells in header-column order."""

    cells: tuple[Cell, ...]
    #: The row's first printed word: its reading order and its line number on the page.
    first_word: Word
    is_header: bool = False


@dataclass
class PageLayout:
    """What the reader decided about one page; `inspect` draws it, `read_pdf` emits it."""

    number: int
    width: float
    height: float
    #: "text" (a text layer), "ocr", "blank" or "skipped" (unreadable, or scanned without OCR).
    source: str
    words: list[Word] = field(default_factory=list)
    lines: list[TextLine] = field(default_factory=list)
    furniture: list[TextLine] = field(default_factory=list)
    #: Ruled table outlines and their cells, as (x0, top, x1, bottom).
    table_boxes: list[Box] = field(default_factory=list)
    cell_boxes: list[Box] = field(default_factory=list)
    #: Column boundaries of borderless tables as (x, top, bottom).
    column_lines: list[tuple[float, float, float]] = field(default_factory=list)
    rows: list[TableRow] = field(default_factory=list)
    dropped_headers: list[TableRow] = field(default_factory=list)
    prose: list[TextLine] = field(default_factory=list)


def union_box(boxes: Iterable[Box]) -> Box:
    """Given boxes, return the smallest box holding them all."""
    x0s, tops, x1s, bottoms = zip(*boxes, strict=True)
    return (min(x0s), min(tops), max(x1s), max(bottoms))


def word_box(words: Iterable[Word]) -> Box:
    return union_box((w.x0, w.top, w.x1, w.bottom) for w in words)


def group_lines(words: Iterable[Word]) -> list[TextLine]:
    """Given words anywhere on a page, return them as text lines, top to bottom.

    A word joins a line when its vertical centre is within 0.4 of the words' median height of
    the line's centre: rows 10.3pt apart at 9pt never merge (ruled sample), while OCR boxes,
    whose centres move with descenders and which box a dash 1pt tall, stay on their line.
    """
    ordered = sorted(words, key=lambda w: (w.center_y, w.x0))
    tolerance = 0.4 * median_height(ordered)
    groups: list[list[Word]] = []
    centre = 0.0
    for word in ordered:
        if groups and word.center_y - centre <= tolerance:
            current = groups[-1]
            current.append(word)
            centre += (word.center_y - centre) / len(current)
            continue
        groups.append([word])
        centre = word.center_y
    return [TextLine(tuple(sorted(g, key=lambda w: w.x0))) for g in groups]


def cell_text(words: Sequence[Word]) -> str:
    """Given the words of one cell, return its text with its printed line breaks as ``\\n``."""
    return "\n".join(line.text for line in group_lines(words))


def median_height(words: Iterable[Word], default: float = 9.0) -> float:
    heights = [w.height for w in words if w.height > 0]
    return median(heights) if heights else default
