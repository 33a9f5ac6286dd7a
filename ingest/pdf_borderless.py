"""Borderless tables: columns from the header row's words and the gutters, rows from alignment.

With no rules to follow (borderless sample; pdfplumber's default finder sees nothing there),
columns are the header cells' x-ranges, moved into the empty gutter between body words; a row
starts where the No. column starts a block of text, or where two or more columns start one at
the same height (Word top-aligns every cell of a row). A block is a run of lines at the normal
line pitch: a gap means a new paragraph, and a text that keeps going past another column's new
row is a merged cell (sample, rec 6's bullet list beside sub-items a. and b.).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from ingest.model import Cell
from ingest.pdf_header import is_header_line, key_column, split_at_gutters
from ingest.pdf_layout import TableRow, TextLine, Word, cell_text, group_lines, word_box
from ingest.pdf_tables import Column

# Consecutive lines of one cell are about 1.1–1.3 line heights apart (10.3pt and 11.9pt at 9pt
# in the samples); a header block continues while lines stay closer than this many heights.
_HEADER_LINE_GAP = 1.5
# A gap between lines of one column larger than this many pitches starts a new block; the
# borderless sample's paragraph and row gaps are both 1.84 pitches.
_BLOCK_GAP = 1.45
# Tops closer than this many line heights are "at the same height" (OCR tops wander ~2pt).
_SAME_TOP = 0.3
# A table ends at a vertical gap larger than this many line heights (rows are ~2.4 apart).
_END_GAP = 4.0
# Words further apart than this many line heights are in different columns (header gutters are
# ≥11pt in the samples, spaces between words 2.5pt).
_GUTTER = 0.8


@dataclass(frozen=True)
class BorderlessLayout:
    """Where a borderless table's columns are: kept to read its continuation on the next page."""

    columns: tuple[Column, ...]
    #: x of the boundary between column i and i+1 (len(columns) - 1 values).
    edges: tuple[float, ...]
    key: int
    header: tuple[str, ...]

    def column_of(self, word: Word) -> int:
        return bisect_right(self.edges, word.center_x)

    def crosses(self, line: TextLine) -> bool:
        """Say whether a line has a word straddling a column boundary (so it is not a row)."""
        return any(w.x0 + 1.0 < edge < w.x1 - 1.0 for w in line.words for edge in self.edges)


@dataclass(frozen=True)
class BorderlessTable:
    """A borderless table read from a run of a page's lines."""

    layout: BorderlessLayout
    header: TableRow | None
    rows: tuple[TableRow, ...]
    #: Index (in the page's free lines) one past the table's last line.
    end: int
    #: Whether the table ran on to the last line given (it may continue on the next page).
    open_at_end: bool
    #: Outer left and right x of the table, for drawing it.
    left: float
    right: float


def gutter_width(line_height: float) -> float:
    return _GUTTER * line_height


def header_end(lines: Sequence[TextLine], start: int, line_height: float) -> int:
    """Given a page's lines and a header's first line, return the index after its last line."""
    end = start + 1
    while (
        end < len(lines) and lines[end].top - lines[end - 1].top <= _HEADER_LINE_GAP * line_height
    ):
        end += 1
    return end


def _header_columns(lines: Sequence[TextLine], gutter: float) -> list[tuple[Column, list[Word]]]:
    """Given a header block's lines, return its cells: x-ranges merged over all lines."""
    cells: list[tuple[Column, list[Word]]] = []
    for line in lines:
        for segment in split_at_gutters(line.words, gutter):
            x0, x1 = segment[0].x0, segment[-1].x1
            for k, ((cx0, cx1), words) in enumerate(cells):
                if x0 < cx1 + gutter and x1 > cx0 - gutter:
                    cells[k] = ((min(cx0, x0), max(cx1, x1)), words + segment)
                    break
            else:
                cells.append(((x0, x1), list(segment)))
    return sorted(cells, key=lambda c: c[0][0])


def _refine_edges(columns: Sequence[Column], words: Sequence[Word]) -> tuple[float, ...]:
    """Given header columns and body words, put each boundary in the gutter left of a column.

    Body text runs past its header's right end ("Recommendation" ends at 161pt, its cells at
    258pt), and a header past its body ("Completion Date" over "01/04/17"), so the boundary is
    the middle of the empty band between the two columns' furthest header or body text.
    """
    provisional = [c[0] - 1.0 for c in columns[1:]]
    edges: list[float] = []
    for i, edge in enumerate(provisional):
        left = [w.x1 for w in words if bisect_right(provisional, w.center_x) == i]
        right = [w.x0 for w in words if bisect_right(provisional, w.center_x) == i + 1]
        gap_left = max([*left, columns[i][1]])
        gap_right = min([*right, columns[i + 1][0]])
        edges.append((gap_left + gap_right) / 2 if gap_left < gap_right else edge)
    return tuple(edges)


def _pitch(column_lines: Sequence[Sequence[TextLine]], line_height: float) -> float:
    steps = [
        b.top - a.top
        for lines in column_lines
        for a, b in pairwise(lines)
        if b.top - a.top < 2 * line_height
    ]
    return median(steps) if steps else 1.2 * line_height


def _rows(
    words: Sequence[Word], layout: BorderlessLayout, line_height: float
) -> list[list[list[Word]]]:
    """Given a table body's words, return them as rows of cells (lists of words per column)."""
    n = len(layout.columns)
    column_lines = [group_lines(w for w in words if layout.column_of(w) == c) for c in range(n)]
    pitch = _pitch(column_lines, line_height)
    tolerance = _SAME_TOP * line_height

    starts: list[tuple[float, int]] = []  # (top, column) of every block's first line
    for c, lines in enumerate(column_lines):
        for k, line in enumerate(lines):
            if k == 0 or line.top - lines[k - 1].top > _BLOCK_GAP * pitch:
                starts.append((line.top, c))
    starts.sort()
    row_tops: list[float] = []
    k = 0
    while k < len(starts):
        group = [starts[k]]
        while k + len(group) < len(starts) and (
            starts[k + len(group)][0] - group[0][0] <= tolerance
        ):
            group.append(starts[k + len(group)])
        columns = {c for _, c in group}
        if not row_tops or layout.key in columns or len(columns) >= 2:
            row_tops.append(group[0][0])
        k += len(group)

    rows: list[list[list[Word]]] = [[[] for _ in range(n)] for _ in row_tops]
    for c, lines in enumerate(column_lines):
        row = 0
        for k, line in enumerate(lines):
            here = bisect_right(row_tops, line.top + tolerance) - 1
            new_block = k == 0 or line.top - lines[k - 1].top > _BLOCK_GAP * pitch
            aligned = here >= 0 and abs(line.top - row_tops[here]) <= tolerance
            # A line carrying on a block stays in the block's row: a merged cell.
            if new_block or aligned:
                row = max(here, 0)
            rows[row][c].extend(line.words)
    return [r for r in rows if any(r)]


def read_borderless_table(
    lines: Sequence[TextLine],
    start: int,
    line_height: float,
    layout: BorderlessLayout | None = None,
) -> BorderlessTable | None:
    """Given a page's free lines, read the table that starts at `start`.

    Without a `layout`, `lines[start]` must be the header's first line; with one, the table is
    the continuation of an earlier page's table and starts straight away with body rows.
    """
    gutter = gutter_width(line_height)
    header_words: list[Word] = []
    if layout is None:
        body_start = header_end(lines, start, line_height)
        cells = _header_columns(lines[start:body_start], gutter)
        columns = tuple(c for c, _ in cells)
        texts = tuple(cell_text(ws) for _, ws in cells)
        header_words = [w for _, ws in cells for w in ws]
        layout = BorderlessLayout(
            columns=columns,
            edges=tuple(c[0] - 1.0 for c in columns[1:]),
            key=key_column(texts),
            header=texts,
        )
    else:
        body_start = start

    end = body_start
    while end < len(lines):
        line, previous = lines[end], lines[end - 1] if end > start else None
        if is_header_line(line, gutter) or layout.crosses(line):
            break
        if previous is not None and line.top - previous.bottom > _END_GAP * line_height:
            break
        end += 1
    body_words = [w for line in lines[body_start:end] for w in line.words]
    if not header_words and not body_words:
        return None
    layout = BorderlessLayout(
        columns=layout.columns,
        edges=_refine_edges(layout.columns, body_words) if body_words else layout.edges,
        key=layout.key,
        header=layout.header,
    )
    everything = header_words + body_words
    left = min(w.x0 for w in everything) - 1.0
    right = max(w.x1 for w in everything) + 1.0
    bounds = [left, *layout.edges, right]

    def to_row(cell_words: Sequence[Sequence[Word]], is_header: bool = False) -> TableRow:
        all_words = [w for ws in cell_words for w in ws]
        _, top, _, bottom = word_box(all_words)
        cells = tuple(
            Cell(cell_text(ws), column=i, box=(bounds[i], top, bounds[i + 1], bottom))
            for i, ws in enumerate(cell_words)
        )
        first = min(all_words, key=lambda w: (w.top, w.x0))
        return TableRow(cells=cells, first_word=first, is_header=is_header)

    header = None
    if header_words:
        per_column: list[list[Word]] = [[] for _ in layout.columns]
        for word in header_words:
            per_column[layout.column_of(word)].append(word)
        header = to_row(per_column, is_header=True)
    rows = tuple(to_row(r) for r in _rows(body_words, layout, line_height)) if body_words else ()
    return BorderlessTable(
        layout=layout,
        header=header,
        rows=rows,
        end=end,
        open_at_end=end == len(lines),
        left=left,
        right=right,
    )
