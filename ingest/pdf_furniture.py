"""Page furniture: running headers, footers and page numbers, found by repeating at one place.

A line near the top or bottom of a page that recurs, at the same distance from the same page
edge, on enough other pages is furniture, whatever it says; digits are ignored when comparing
so page numbers match each other. Table header rows repeat too, so the caller protects them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from ingest.pdf_layout import TextLine

# Only the first and last few lines of a page can be furniture (the samples have one of each).
_EDGE_LINES = 3
# "Same place": within this many points of the same page edge (scans shift by a point or two).
_PLACE_TOLERANCE = 5.0
# Texts that agree this well (0–100, digits masked) are the same furniture; OCR of the scanned
# sample's running header differs between pages by a letter at most.
_SAME_TEXT_SCORE = 85.0
_PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–—]?\s*(\d+)\s*[-–—]?(?:\s*(?:of|/)\s*\d+)?$", re.I)


@dataclass(frozen=True)
class PageLines:
    """One page's text lines, and which of them may not be furniture (table header rows)."""

    number: int
    width: float
    height: float
    lines: Sequence[TextLine]
    protected: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Furniture:
    """Which lines of each page are furniture, and the distinct furniture texts."""

    #: Page number → indices into that page's `lines`.
    lines: dict[int, frozenset[int]]
    #: Distinct texts, most frequent first (ties in order of first appearance).
    texts: tuple[str, ...]


def _masked(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()).lower())


def is_page_number(text: str, page: int) -> bool:
    """Given a line's text, say whether it is this page's number ("3", "Page 3 of 9", "- 3 -")."""
    match = _PAGE_NUMBER.match(text.strip())
    return match is not None and int(match.group(1)) == page


def _same_place(a: TextLine, pa: PageLines, b: TextLine, pb: PageLines) -> bool:
    tol = _PLACE_TOLERANCE
    vertical = (
        abs(a.top - b.top) <= tol or abs((pa.height - a.bottom) - (pb.height - b.bottom)) <= tol
    )
    horizontal = (
        abs(a.x0 - b.x0) <= tol
        or abs((pa.width - a.x1) - (pb.width - b.x1)) <= tol
        or abs((a.x0 + a.x1 - pa.width) - (b.x0 + b.x1 - pb.width)) / 2 <= tol
    )
    return vertical and horizontal


def _same_text(a: str, b: str) -> bool:
    return a == b or bool(fuzz.ratio(a, b) >= _SAME_TEXT_SCORE)


def find_furniture(pages: Sequence[PageLines]) -> Furniture:
    """Given every page's lines, return the furniture lines and texts.

    A candidate is furniture when a matching line sits on at least a third of the pages (and
    at least two), or when it is the page's own number. A landscape page between portrait ones
    still matches: places are measured from the nearest page edge, not as coordinates.
    """
    candidates: list[tuple[PageLines, int]] = []
    for page in pages:
        count = len(page.lines)
        edge = set(range(min(_EDGE_LINES, count))) | set(range(max(0, count - _EDGE_LINES), count))
        candidates.extend((page, i) for i in sorted(edge - page.protected))

    clusters: list[list[tuple[PageLines, int]]] = []
    for page, i in candidates:
        line = page.lines[i]
        masked = _masked(line.text)
        for cluster in clusters:
            other_page, j = cluster[0]
            other = other_page.lines[j]
            if _same_place(line, page, other, other_page) and _same_text(
                masked, _masked(other.text)
            ):
                cluster.append((page, i))
                break
        else:
            clusters.append([(page, i)])

    needed = max(2, math.ceil(len(pages) / 3))
    found: dict[int, set[int]] = {page.number: set() for page in pages}
    texts: list[str] = []
    for cluster in clusters:
        members = [
            (page, i)
            for page, i in cluster
            if len({p.number for p, _ in cluster}) >= needed
            or is_page_number(page.lines[i].text, page.number)
        ]
        if not members:
            continue
        variants = Counter(page.lines[i].text for page, i in members)
        if len({_masked(text) for text in variants}) > 1:
            # OCR noise: count every reading as the most common one.
            variants = Counter({variants.most_common(1)[0][0]: sum(variants.values())})
        texts.extend(text for text, n in variants.items() for _ in range(n))
        for page, i in members:
            found[page.number].add(i)
    ranked = [text for text, _ in Counter(texts).most_common()]
    return Furniture(
        lines={number: frozenset(indices) for number, indices in found.items()},
        texts=tuple(ranked),
    )
