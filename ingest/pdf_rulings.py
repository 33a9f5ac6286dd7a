"""Ruling lines of a page, from its vector drawing or from the pixels of a scan.

Both come out as pdfplumber line objects, so one table finder (pdfplumber's, "explicit"
strategy) turns either into cells: a scanned ruled table takes the same path as a ruled one.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from PIL import Image, ImageDraw

#: A pdfplumber object dict ("line", "rect" or "curve"); pdfplumber is untyped.
Ruling = dict[str, Any]

# Filled rectangles thinner than this are rules (Word draws table borders that way); thicker
# filled ones are cell shading, whose edges would invent a grid over a borderless table.
_MAX_RULE_THICKNESS = 2.0
# A ruling in a scan must be at least this long (points): longer than any dash or underlined
# word in the samples' 9pt text, shorter than the narrowest cell edge (the 34pt "No." column).
_MIN_SCAN_RULE_LENGTH = 15.0
# ...and no thicker than this (points), or it is a black box or a photo, not a line.
_MAX_SCAN_RULE_THICKNESS = 3.0
# Grey level below which a pixel is ink (the scanned sample draws 1px lines at 3–24).
_INK_LEVEL = 160


def rulings_from_vectors(page: Any) -> list[Ruling]:
    """Given a pdfplumber page, return the drawn objects that can be table rules.

    Keeps straight lines, stroked rectangles and thin filled rectangles, and drops cell shading
    and diagonal strokes: pdfplumber's plain "lines" strategy takes every edge of every object.
    """
    rulings: list[Ruling] = []
    for line in page.lines:
        if abs(line["x1"] - line["x0"]) < 1 or abs(line["bottom"] - line["top"]) < 1:
            rulings.append(line)
    for rect in page.rects:
        thin = min(rect["width"], rect["height"]) <= _MAX_RULE_THICKNESS
        if rect.get("stroke") or thin:
            rulings.append(rect)
    return rulings


def _runs(ink: NDArray[np.bool_], min_length: int) -> list[tuple[int, int, int]]:
    """Given an ink mask, return its horizontal runs of ink at least `min_length` long."""
    padded = np.pad(ink.astype(np.int8), ((0, 0), (1, 1)))
    steps = np.diff(padded, axis=1)
    rows, starts = np.nonzero(steps == 1)
    _, ends = np.nonzero(steps == -1)
    keep = (ends - starts) >= min_length
    return list(zip(rows[keep].tolist(), starts[keep].tolist(), ends[keep].tolist(), strict=True))


def _group_runs(runs: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Given runs (row, start, end), merge runs on touching rows into (start, first, end, last)."""
    groups: list[list[int]] = []  # [start, first_row, end, last_row]
    for row, start, end in sorted(runs):
        for g in groups:
            if row - g[3] <= 1 and start < g[2] and end > g[0]:
                g[0], g[2], g[3] = min(g[0], start), max(g[2], end), row
                break
        else:
            groups.append([start, row, end, row])
    return [(g[0], g[1], g[2], g[3]) for g in groups]


def ruling_line(x0: float, top: float, x1: float, bottom: float) -> Ruling:
    """Given a straight rule's ends, return it as a pdfplumber line object."""
    return {
        "object_type": "line",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
    }


def rulings_from_image(image: Image.Image, scale: float) -> list[Ruling]:
    """Given a page image rendered at `scale` pixels per point, return its ruling lines."""
    ink = np.asarray(image.convert("L")) < _INK_LEVEL
    min_length = round(_MIN_SCAN_RULE_LENGTH * scale)
    max_thickness = _MAX_SCAN_RULE_THICKNESS * scale
    rulings: list[Ruling] = []
    for start, first, end, last in _group_runs(_runs(ink, min_length)):
        if last - first + 1 <= max_thickness:
            y = (first + last + 1) / 2 / scale
            rulings.append(ruling_line(start / scale, y, end / scale, y))
    for start, first, end, last in _group_runs(_runs(ink.T, min_length)):
        if last - first + 1 <= max_thickness:
            x = (first + last + 1) / 2 / scale
            rulings.append(ruling_line(x, start / scale, x, end / scale))
    return rulings


def erase_rulings(image: Image.Image, rulings: list[Ruling], scale: float) -> Image.Image:
    """Given a page image and its rulings, return a copy with the rules painted out.

    Tesseract reads a cell border beside a word as "|" or "l"; without the rules the cells'
    words come out clean (scanned sample, the "No." column's left border).
    """
    clean = image.convert("L")
    draw = ImageDraw.Draw(clean)
    pad = 1.5
    for r in rulings:
        box = (
            r["x0"] * scale - pad,
            r["top"] * scale - pad,
            r["x1"] * scale + pad,
            r["bottom"] * scale + pad,
        )
        draw.rectangle(box, fill=255)
    return clean
