"""Put each line's text into the header's columns.

Tabs and PDF table cells already say which column a cell is in. `|` and `` / `` separated
extracts do not: `` / `` also occurs inside cells (`attendance / engagement`, two officers in one
cell), so boundaries are chosen to fit the header's column count and what each column can hold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.model import Box, Line
from parsers.records import Role, TrackerHeader
from parsers.refs import is_reference

# What a cell of each kind looks like, just enough to choose between splits. The full
# normalisers live in normalise/; here a cue only has to beat the alternatives.
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_CUE = re.compile(
    rf"\b{_MONTH}\s+\d{{4}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|\b(?:19|20)\d{{2}}\b"
    r"|^(?:ongoing|tbc|tbd|n/?a|complete[d]?)\.?$",
    re.I,
)
_ASSESSMENT_CUE = re.compile(
    r"^\s*\d\s*[-–.]?\s*[A-Za-z]|\b(?:fully achieved|achieved|on track|slipped|not achieved"
    r"|complete[d]?|ongoing|paused|green|amber|red)\b",
    re.I,
)
_OFFICER_CUE = re.compile(
    r"\b(?:head|chair|director|manager|officer|lead|executive|member|co-?ordinator|team"
    r"|service|services|leader|chief|principal|assistant|commissioner|board|group)\b"
    r"|^[A-Z]{2,4}$|^[A-Z][a-z]+ [A-Z][a-z]+$",
    re.I,
)


@dataclass(frozen=True)
class RowCells:
    """A line's text laid out in the header's columns, with any overflow kept aside."""

    line: Line
    texts: tuple[str, ...]
    boxes: tuple[Box | None, ...]
    #: Non-empty text beyond the header's last column (never silently dropped).
    overflow: tuple[str, ...] = ()


def _fit(role: Role, text: str) -> float:
    """Score how well `text` suits a column holding `role` (higher is better)."""
    text = text.strip()
    if not text:
        return 0.0
    words = len(text.split())
    if role == "no":
        return 3.0 if is_reference(text) else -10.0
    if role == "date":
        if not _DATE_CUE.search(text) or words > 8:
            return -4.0
        # `Head of Education / March 2014` is an officer cell that swallowed the date.
        return -1.0 if _OFFICER_CUE.search(text) else 2.0
    if role == "assessment":
        return 2.0 if _ASSESSMENT_CUE.search(text) and words <= 6 else -4.0
    if role == "officer":
        pieces = [p.strip() for p in text.split("/") if p.strip()]
        ok = all(_OFFICER_CUE.search(p) for p in pieces) and words <= 14
        # Each officer in the cell counts, so two officers are kept together.
        return float(len(pieces)) if ok else -3.0
    return 0.0


# A column that holds something short (No., date, assessment, officer) is tried over spans of
# at most this many pieces; a longer span scores as text that does not fit, unjoined.
_MAX_SHORT_PIECES = 16
# What `_fit` gives text that does not fit each short column.
_MISFIT: dict[Role, float] = {"no": -10.0, "date": -4.0, "assessment": -4.0, "officer": -3.0}


def _best_split(pieces: list[str], roles: tuple[Role, ...], sep: str) -> list[str]:
    """Group consecutive pieces into one cell per role, maximising the summed fit.

    Bottom-up over (column, first piece); among equal scores the earliest cuts win. Free-text
    columns fit any span alike and short ones are tried over short spans only, so a line walled
    with separators costs linear time, not cubic (slash-wall-line.txt: 800 ` / ` took minutes).
    """
    m, n = len(pieces), len(roles)
    never = float("-inf")

    def head(role: Role, i: int, j: int) -> float:
        if role not in _MISFIT:
            return 0.0  # free text: `_fit` scores every span 0
        if j - i > _MAX_SHORT_PIECES:
            return _MISFIT[role]
        return _fit(role, sep.join(pieces[i:j]))

    # score[i]: best score of pieces[i:] laid out in roles[c:]; cuts[c][i]: where cell c ends.
    score = [head(roles[-1], i, m) for i in range(m)] + [never]
    cuts = [[m] * (m + 1) for _ in range(n)]
    for c in range(n - 2, -1, -1):
        role, last = roles[c], m - (n - c - 1)  # cell c ends at `last` at the latest
        # after[k]: the best score[j] for k <= j <= last, and the first j giving it.
        after: list[tuple[float, int]] = [(never, last)] * (m + 2)
        for j in range(last, 0, -1):
            after[j] = (score[j], j) if score[j] >= after[j + 1][0] else after[j + 1]
        ahead = [never] * (m + 1)
        for i in range(last):
            if role not in _MISFIT:
                ahead[i], cuts[c][i] = after[i + 1]
                continue
            best, cut = never, last
            for j in range(i + 1, min(i + _MAX_SHORT_PIECES, last) + 1):
                total = head(role, i, j) + score[j]
                if total > best:
                    best, cut = total, j
            far = i + _MAX_SHORT_PIECES + 1
            if far <= last and _MISFIT[role] + after[far][0] > best:
                best, cut = _MISFIT[role] + after[far][0], after[far][1]
            ahead[i], cuts[c][i] = best, cut
        score = ahead

    cells, start = [], 0
    for c in range(n):
        cut = cuts[c][start] if c < n - 1 else m
        cells.append(sep.join(pieces[start:cut]).strip())
        start = cut
    return cells


def _split_pieces(text: str, sep: str) -> list[str]:
    if sep == "|":
        parts = text.split("|")
        if parts and not parts[0].strip():
            parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
        return [p.strip() for p in parts]
    # Editors strip the space before a leading or after a trailing separator.
    padded = (" " + text if text.startswith("/ ") else text).rstrip()
    padded = padded + " " if padded.endswith(" /") else padded
    return [p.strip() for p in padded.split(sep)]


def align_cells(line: Line, header: TrackerHeader) -> RowCells | None:
    """Given a body line, return its cells in the header's columns; None if it is not a row.

    A line without the table's separator (prose after the table) is not a row.
    """
    n = len(header.columns)
    roles = tuple(c.role for c in header.columns)
    if header.separator == "tab":
        if len(line.cells) == 1 and line.cells[0].column is None:
            return None
        texts = [""] * n
        boxes: list[Box | None] = [None] * n
        overflow = []
        for cell in line.cells:
            col = cell.column if cell.column is not None else 0
            if col < n:
                texts[col] = f"{texts[col]}\n{cell.text}" if texts[col] else cell.text
                boxes[col] = cell.box
            elif cell.text.strip():
                overflow.append(cell.text)
        return RowCells(line, tuple(texts), tuple(boxes), tuple(overflow))
    text = line.text
    if header.separator.strip() not in text:
        return None
    pieces = _split_pieces(text, header.separator)
    if len(pieces) < n:
        pieces += [""] * (n - len(pieces))
    cells = pieces if len(pieces) == n else _best_split(pieces, roles, header.separator)
    return RowCells(line, tuple(cells), (None,) * n)
