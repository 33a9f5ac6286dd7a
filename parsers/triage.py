"""Which pages of a long PDF deserve the table reader: trackers, decision records, and the pages
their tables run on to.

Judged from the cheap page text of `ingest/triage.py` with the parsers' own rules, so triage
never wants less than the parsers could find: a tracker header is a line whose cells (with
wrapped labels joined) `header_from_line` accepts, a decision record is what
`looks_like_decision` accepts over a few neighbouring pages. Pages that cannot be
judged from text (scans, rotated pages) are always read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ingest.model import Cell, Line
from ingest.triage import PageText, Segment
from parsers.decision import is_resolved_line, section_of
from parsers.records import Role
from parsers.tracker_header import header_from_line, roles_in

#: Papers this short are read in full: triage would save little and risk something.
MIN_PAGES = 6
#: Header labels wrap ("Anticipated / Completion Date"): lines merged below a header's first.
_LABEL_LINES = 3
#: A decision record's headings and RESOLVED list may spread this many pages either side.
_DECISION_REACH = 2
#: A decision record names at least this many proforma headings (as `looks_like_decision`).
_DECISION_HEADINGS = 3
#: Text starting within this many points of a header column's edge is in that column.
_COLUMN_TOLERANCE = 6.0
#: Segments at a header column's edge (other than the first) that make a page continue a table.
_MIN_ALIGNED = 2
_OTHER_ROLES: frozenset[Role] = frozenset({"officer", "date", "evidence", "assessment"})


@dataclass(frozen=True)
class PageChoice:
    """The pages to read closely (1-based, sorted) and why, out of `total`."""

    pages: tuple[int, ...]
    total: int
    tracker_pages: tuple[int, ...] = ()
    decision_pages: tuple[int, ...] = ()

    @property
    def every_page(self) -> bool:
        return len(self.pages) == self.total


def _is_header(texts: Sequence[str]) -> bool:
    line = Line(page=0, number=1, cells=tuple(Cell(t, column=i) for i, t in enumerate(texts)))
    return header_from_line(line) is not None


def _merged(lines: Sequence[Sequence[Segment]], start: int, extra: int) -> list[str]:
    """Given a header's first line, return its cell texts with `extra` lines below added to the
    columns they start in (wrapped labels)."""
    base = lines[start]
    texts = [s.text for s in base]
    for line in lines[start + 1 : start + 1 + extra]:
        for seg in line:
            column = 0
            for i, head in enumerate(base):
                if head.x0 - _COLUMN_TOLERANCE <= seg.x0:
                    column = i
            texts[column] = f"{texts[column]} {seg.text}"
    return texts


def _has_header_words(roles: set[Role]) -> bool:
    """The parser's rule for a header: a recommendation column and two of the others."""
    return "recommendation" in roles and len(roles & _OTHER_ROLES) >= 2


def header_columns(page: PageText) -> tuple[float, ...] | None:
    """Given a page, return the left edges of a tracker header's columns on it, or None."""
    if not _has_header_words(roles_in(" ".join(page.texts))):
        return None  # the words a header needs are nowhere on the page
    lines = page.lines
    for k, line in enumerate(lines):
        if len(line) < 2:
            continue
        window = " ".join(s.text for below in lines[k : k + 1 + _LABEL_LINES] for s in below)
        if not _has_header_words(roles_in(window)):
            continue
        if any(_is_header(_merged(lines, k, extra)) for extra in range(_LABEL_LINES + 1)):
            return tuple(s.x0 for s in line)
    return None


def continues_table(page: PageText, columns: Sequence[float]) -> bool:
    """Given a page after a table's and the table's column edges, say whether the table runs on
    to it: some text starts at the edge of a column other than the first."""
    inner = columns[1:]
    aligned = sum(
        1
        for line in page.lines
        for seg in line
        if any(abs(seg.x0 - edge) <= _COLUMN_TOLERANCE for edge in inner)
    )
    return aligned >= _MIN_ALIGNED


def _decision_pages(pages: Sequence[PageText]) -> list[int]:
    """Pages near enough to a RESOLVED list and proforma headings to be part of a record."""
    resolved = [any(is_resolved_line(t) for t in p.texts) for p in pages]
    headings = [{s[0] for t in p.texts if (s := section_of(t))} for p in pages]
    marked = [bool(r or h) for r, h in zip(resolved, headings, strict=True)]
    found = []
    for i in range(len(pages)):
        lo, hi = max(0, i - _DECISION_REACH), min(len(pages), i + _DECISION_REACH + 1)
        names = set().union(*headings[lo:hi])
        # A page of the record carries a heading or RESOLVED, or lies between two that do
        # (a long RESOLVED list); pages around it are prose and stay skimmed.
        inside = marked[i] or (any(marked[lo:i]) and any(marked[i + 1 : hi]))
        if any(resolved[lo:hi]) and len(names) >= _DECISION_HEADINGS and inside:
            found.append(pages[i].number)
    return found


def choose_pages(pages: Sequence[PageText]) -> PageChoice:
    """Given every page's cheap text, return the pages the table reader must see: tracker
    header pages and the pages the table runs on to, decision-record pages, and any page text
    cannot judge. (The others' cheap text still reaches the parser, for council and title.)"""
    total = len(pages)
    every = tuple(range(1, total + 1))
    if total <= MIN_PAGES:
        return PageChoice(every, total)
    chosen = {p.number for p in pages if p.opaque}
    headers: dict[int, tuple[float, ...]] = {}
    for page in pages:
        if not page.opaque and (columns := header_columns(page)) is not None:
            headers[page.number] = columns
    for number, columns in headers.items():
        chosen.update((number, number + 1))
        # The table runs on while pages have text in its columns; the first page that does not
        # is read too, in case the test missed it.
        for following in pages[number:]:
            if following.number in headers:
                break
            chosen.add(following.number)
            if not continues_table(following, columns):
                break
    decisions = _decision_pages(pages)
    chosen.update(decisions)
    picked = tuple(sorted(n for n in chosen if 1 <= n <= total))
    return PageChoice(picked, total, tuple(sorted(headers)), tuple(decisions))
