"""Ruled tables: pdfplumber's table finder on a page's rulings, cells filled from our own words.

The finder only supplies geometry; text comes from the page's one word pass (no
`extract_tables`, which would read every character again). Columns are the header row's
cells, so a body row whose cells are split or merged still lands in the right columns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from pdfplumber.table import TableFinder

from ingest.model import Box, Cell
from ingest.pdf_header import is_header_cells
from ingest.pdf_layout import TableRow, Word, cell_text, union_box
from ingest.pdf_rulings import Ruling

#: A column as the x-range (x0, x1) of its header cell.
Column = tuple[float, float]


@dataclass(frozen=True)
class RuledTableSettings:
    """pdfplumber's "lines" strategy settings, tuned on the samples (see each field)."""

    #: Word exports draw a border twice, half a point apart (ruled sample: x=45.4 and 45.9).
    snap_tolerance: float = 3.0
    join_tolerance: float = 3.0
    intersection_tolerance: float = 3.0
    #: Shorter strokes are bullets, dashes or tick marks, not borders.
    edge_min_length: float = 3.0
    #: A grid with fewer columns is a boxed paragraph, read as prose.
    min_columns: int = 2

    def finder_settings(self, rulings: list[Ruling]) -> dict[str, Any]:
        return {
            "vertical_strategy": "explicit",
            "horizontal_strategy": "explicit",
            "explicit_vertical_lines": rulings,
            "explicit_horizontal_lines": rulings,
            "snap_tolerance": self.snap_tolerance,
            "join_tolerance": self.join_tolerance,
            "intersection_tolerance": self.intersection_tolerance,
            "edge_min_length": self.edge_min_length,
        }


@dataclass(frozen=True)
class Grid:
    """A ruled table: its outline, its cells' left edges, and its rows of cells.

    A cell merged down from the row above is None in the rows it covers, as pdfplumber gives it.
    """

    bbox: Box
    xs: tuple[float, ...]
    rows: tuple[tuple[Box | None, ...], ...]

    def row_band(self, r: int) -> tuple[float, float]:
        """Given a row index, return the row's own top and bottom (merged cells are taller)."""
        cells = [c for c in self.rows[r] if c is not None]
        return cells[0][1], min(c[3] for c in cells)


def _orientation_counts(rulings: list[Ruling]) -> tuple[int, int]:
    vertical = sum(1 for r in rulings if r["x1"] - r["x0"] < r["bottom"] - r["top"])
    return vertical, len(rulings) - vertical


def find_grids(
    page: Any, rulings: list[Ruling], settings: RuledTableSettings
) -> tuple[list[Grid], TableFinder | None]:
    """Given a pdfplumber page and its rulings, return its ruled tables (and the finder)."""
    vertical, horizontal = _orientation_counts(rulings)
    rects = [r for r in rulings if r["object_type"] == "rect"]
    # pdfplumber refuses fewer than two explicit lines; rectangles give both orientations.
    if (vertical < 2 or horizontal < 2) and not rects:
        return [], None
    finder = TableFinder(page, settings.finder_settings(rulings))
    grids: list[Grid] = []
    for table in finder.tables:
        rows = tuple(tuple(row.cells) for row in table.rows)
        xs = tuple(sorted({cell[0] for cell in table.cells}))
        if len(xs) >= settings.min_columns:
            grids.append(Grid(bbox=table.bbox, xs=xs, rows=rows))
    return grids, finder


def words_by_cell(grid: Grid, words: Sequence[Word]) -> dict[tuple[int, int], list[Word]]:
    """Given a grid and a page's words, return the words whose centre lies in each cell."""
    cells = [
        (r, j, box)
        for r, row in enumerate(grid.rows)
        for j, box in enumerate(row)
        if box is not None
    ]
    found: dict[tuple[int, int], list[Word]] = {}
    x0, top, x1, bottom = grid.bbox
    for word in words:
        cx, cy = word.center_x, word.center_y
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        for r, j, (cx0, ctop, cx1, cbottom) in cells:
            if cx0 <= cx <= cx1 and ctop <= cy <= cbottom:
                found.setdefault((r, j), []).append(word)
                break
    return found


def row_texts(grid: Grid, r: int, found: dict[tuple[int, int], list[Word]]) -> list[str]:
    """Given a row index, return the texts of its own (not merged-away) cells, left to right."""
    return [
        cell_text(found.get((r, j), [])) for j, box in enumerate(grid.rows[r]) if box is not None
    ]


def header_row_index(grid: Grid, found: dict[tuple[int, int], list[Word]]) -> int | None:
    """Given a grid, return the index of its first row that reads as a tracker header."""
    for r in range(len(grid.rows)):
        if is_header_cells(row_texts(grid, r, found)):
            return r
    return None


def row_columns(grid: Grid, r: int) -> list[Column]:
    """Given a row index (the header row), return its cells' x-ranges as the table's columns."""
    return [(box[0], box[2]) for box in grid.rows[r] if box is not None]


def own_columns(grid: Grid) -> list[Column]:
    """Given a grid with no header, return columns from its own cell edges."""
    edges = [*grid.xs, grid.bbox[2]]
    return list(pairwise(edges))


def fits_columns(grid: Grid, columns: Sequence[Column], tolerance: float = 3.0) -> bool:
    """Given a headerless grid and the columns of the table before it, say whether they match.

    A table cut by a page break whose header is not repeated has the same cell edges.
    """
    lefts = [c[0] for c in columns]
    return len(grid.xs) == len(lefts) and all(
        abs(a - b) <= tolerance for a, b in zip(grid.xs, lefts, strict=True)
    )


def _column_of(x: float, columns: Sequence[Column]) -> int:
    """Given a cell's left edge, return the column it starts in (nearest if between two)."""
    for i, (x0, x1) in enumerate(columns):
        if x0 - 1.0 <= x < x1 - 1.0:
            return i
    return min(range(len(columns)), key=lambda i: abs(columns[i][0] - x))


def rows_from_grid(
    grid: Grid,
    found: dict[tuple[int, int], list[Word]],
    columns: Sequence[Column],
    *,
    first_row: int = 0,
    header_row: int | None = None,
) -> list[TableRow]:
    """Given a grid and the words in its cells, return its rows from `first_row` as `TableRow`s.

    Every column gets a cell: a cell merged down from the row above (the No. and
    Recommendation cells of sub-items b., c. in the ruled sample) is emitted empty.
    """
    rows: list[TableRow] = []
    for r in range(first_row, len(grid.rows)):
        row_top, row_bottom = grid.row_band(r)
        boxes: list[list[Box]] = [[] for _ in columns]
        words: list[list[Word]] = [[] for _ in columns]
        for j, box in enumerate(grid.rows[r]):
            if box is None:
                continue
            i = _column_of(box[0], columns)
            boxes[i].append(box)
            words[i].extend(found.get((r, j), []))
        if not any(words):
            continue  # a spacer row: nothing printed, nothing to trace
        cells = tuple(
            Cell(
                cell_text(words[i]),
                column=i,
                box=union_box(boxes[i]) if boxes[i] else (x0, row_top, x1, row_bottom),
            )
            for i, (x0, x1) in enumerate(columns)
        )
        first = min((w for ws in words for w in ws), key=lambda w: (w.top, w.x0))
        rows.append(TableRow(cells=cells, first_word=first, is_header=r == header_row))
    return rows
