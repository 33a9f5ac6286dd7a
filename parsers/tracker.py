"""Progress trackers → one `TrackerRow` per recommendation, sub-item and reporting period.

Works on any `SourceDocument`: tab-separated extracts, `|` or `` / `` separated text, and PDF
tables (rows of cells) alike. The steps, each for a reason seen in the seed tracker:

1. find the header and what each column holds (`tracker_header`);
2. lay every later line out in the header's columns (`cells`);
3. drop page furniture and junk, listing each drop (`furniture`);
4. group lines into records: a line whose No. cell holds a reference starts one, any other
   line continues the one before (rows cut by page breaks, rec 10 wrapped over thirty lines);
5. split records into sub-items (`a.`/`b.` markers, or a new assessment part-way down a
   record, as rec 10b and 10c have);
6. move evidence that spilled into the next cell back (`spill`).
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from councilpapers.errors import ParseError, Problem
from ingest.model import Line, SourceDocument
from parsers.cells import RowCells, align_cells
from parsers.council import find_council, find_topic
from parsers.furniture import ends_sentence, is_cell_junk, is_furniture_line
from parsers.records import (
    CellBox,
    Column,
    Provenance,
    Quarter,
    Tracker,
    TrackerHeader,
    TrackerRow,
)
from parsers.refs import (
    Reference,
    bare_marker,
    leading_marker,
    parse_reference,
    split_by_markers,
)
from parsers.spill import split_spill
from parsers.tracker_header import header_from_line
from parsers.vocabulary import document_words


@dataclass
class _Segment:
    """Consecutive lines of one record that belong to one sub-item (or to the whole record)."""

    letter: str
    rows: list[RowCells] = field(default_factory=list)
    #: True when the No. column named the sub-item (`a)` on its own row): its recommendation
    #: cell then holds the sub-item's own wording.
    numbered: bool = False

    def text(self, column: int) -> str:
        return "\n".join(t for r in self.rows if (t := r.texts[column].strip()))


@dataclass
class _Record:
    ref: Reference
    segments: list[_Segment]

    @property
    def current(self) -> _Segment:
        return self.segments[-1]


def _warning(doc: SourceDocument, line: Line, code: str, message: str, text: str = "") -> Problem:
    return Problem(
        code=code,
        severity="warning",
        source_file=doc.source_file,
        page=line.page,
        line=line.number,
        message=message,
        text=text,
    )


def find_header(lines: Sequence[Line], start: int = 0) -> tuple[int, TrackerHeader] | None:
    """Given a document's lines, return the index and reading of the first tracker header."""
    for i in range(start, len(lines)):
        if lines[i].is_blank:
            continue
        header = header_from_line(lines[i])
        if header is not None:
            return i, header
    return None


def _same_header(a: TrackerHeader, b: TrackerHeader) -> bool:
    return [c.label for c in a.columns] == [c.label for c in b.columns]


class _TableReader:
    """Reads the lines of one table into records, collecting problems as it goes."""

    def __init__(self, doc: SourceDocument, header: TrackerHeader, vocabulary: Counter[str]):
        self.doc = doc
        self.header = header
        self.vocabulary = vocabulary
        self.problems: list[Problem] = []
        self.records: list[_Record] = []
        cols = header.columns
        self.no = header.column("no")
        self.rec = header.column("recommendation")
        self.officer = header.column("officer")
        self.date = header.column("date")
        self.assessments = [c for c in cols if c.role == "assessment"]

    def drop(self, line: Line, text: str, why: str) -> None:
        self.problems.append(
            _warning(
                self.doc, line, "furniture-dropped", f"dropped {why}: {text.strip()[:80]!r}", text
            )
        )

    # -- classifying one line -------------------------------------------------------------

    def _reference(self, cells: RowCells) -> Reference | None:
        """The reference that starts a new record on this line, if it does."""
        if self.no is None:
            return None
        ref = parse_reference(cells.texts[self.no.index])
        if ref is None:
            return None
        if self.records and ref.sub_item and ref.rec_no == self.records[-1].ref.rec_no:
            return None  # `5b` under `5a`: a sub-item row of the current record
        # A real row says something: page numbers echoed across cells (`1 1 … 1` in the seed,
        # where the Recommendation cell holds just `1`) do not.
        if self.rec is not None and not ref.sub_item:
            text = cells.texts[self.rec.index]
            return ref if text.strip() and not is_cell_junk(text) else None
        rest = [t for i, t in enumerate(cells.texts) if i != self.no.index and t.strip()]
        return ref if any(not is_cell_junk(t) for t in rest) else None

    def _sub_item_start(self, cells: RowCells) -> tuple[str, bool] | None:
        """(letter, named by No. column) if this continuation line starts a new sub-item."""
        record = self.records[-1]
        if self.no is not None:
            no_text = cells.texts[self.no.index]
            letter = bare_marker(no_text)
            ref = parse_reference(no_text)
            if letter is None and ref is not None and ref.rec_no == record.ref.rec_no:
                letter = ref.sub_item or None
            if letter:
                return letter, True
        for col in self.assessments:
            new = cells.texts[col.index].strip()
            old = record.current.text(col.index)
            if new and old and not new[0].islower() and not _unfinished(old):
                return self._cell_marker(cells) or "", False
        return None

    def _cell_marker(self, cells: RowCells) -> str | None:
        for col in (self.officer, self.date):
            if col is not None and (letter := leading_marker(cells.texts[col.index])):
                return letter
        return None

    def _clean(self, cells: RowCells, *, starts: bool) -> RowCells:
        """Blank out junk cells (listing each) and return the line's cells."""
        texts = list(cells.texts)
        keep_assessment = starts or self._cell_marker(cells) is not None
        for i, text in enumerate(texts):
            if self.no is not None and i == self.no.index and starts:
                continue
            col = self.header.columns[i]
            if keep_assessment and col.role == "assessment":
                continue
            if is_cell_junk(text):
                self.drop(cells.line, text, f"junk in the {col.role} column ({i + 1})")
                texts[i] = ""
        for extra in cells.overflow:
            self.drop(cells.line, extra, "text beyond the header's last column")
        return RowCells(cells.line, tuple(texts), cells.boxes)

    # -- reading the table ----------------------------------------------------------------

    def read(self, lines: Sequence[Line]) -> int:
        """Read body lines until the table ends; return how many lines were consumed."""
        after_break = False
        previous_page = self.header.page
        consumed = 0
        for consumed, line in enumerate(lines, 1):
            if line.is_blank:
                after_break = True
                continue
            if line.page != previous_page:
                after_break, previous_page = True, line.page
            again = header_from_line(line)
            if again is not None:
                if _same_header(again, self.header):
                    after_break = True  # a header repeated on the next page
                    continue
                return consumed - 1  # a different table starts here
            cells = align_cells(line, self.header)
            if cells is None:
                if self.records:
                    return consumed - 1  # prose after the table
                continue  # prose between the header and the first row
            self._take(cells, after_break)
            after_break = False
        return consumed

    def _take(self, cells: RowCells, after_break: bool) -> None:
        ref = self._reference(cells)
        if ref is not None:
            cells = self._clean(cells, starts=True)
            self.records.append(_Record(ref, [_Segment(ref.sub_item, [cells])]))
            return
        if not self.records:
            self.drop(cells.line, cells.line.text, "text before the table's first row")
            return
        cells = self._clean(cells, starts=False)
        filled = [i for i, t in enumerate(cells.texts) if t.strip()]
        if not filled:
            return
        record = self.records[-1]
        if len(filled) == 1:
            i = filled[0]
            so_far = "\n".join(seg.text(i) for seg in record.segments).strip()
            if is_furniture_line(
                cells.texts[i],
                after_break=after_break,
                column_complete=not so_far or ends_sentence(so_far),
                vocabulary=self.vocabulary,
                furniture=self.doc.furniture,
            ):
                self.drop(cells.line, cells.texts[i], "a running header")
                return
        start = self._sub_item_start(cells)
        if start is not None:
            letter, numbered = start
            record.segments.append(_Segment(letter, [cells], numbered))
        else:
            record.current.rows.append(cells)


def _unfinished(assessment: str) -> bool:
    """An assessment cut by a line wrap (`1 –` / `Fully Achieved`) is not a whole one yet."""
    text = assessment.strip()
    return text.endswith(("-", "–")) or text.isdigit()


class _RowBuilder:
    """Turns records into rows: sub-items, shared cells, spilled evidence."""

    def __init__(self, doc: SourceDocument, header: TrackerHeader, problems: list[Problem]):
        self.doc = doc
        self.header = header
        self.problems = problems

    def _letters(self, record: _Record, split: dict[int, dict[str, str]]) -> list[str]:
        if not split and not any(s.letter for s in record.segments):
            if len(record.segments) > 1:
                first = record.segments[1].rows[0].line
                self.problems.append(
                    _warning(
                        self.doc,
                        first,
                        "assessments-merged",
                        f"rec {record.ref.rec_no} has {len(record.segments)} assessments but no "
                        "sub-item markers; kept as one row",
                    )
                )
                record.segments = [_Segment("", [r for s in record.segments for r in s.rows])]
            return [""]
        numbered = any(s.numbered for s in record.segments)
        for n, seg in enumerate(record.segments):
            if not seg.letter and not numbered and len(record.segments) > 1:
                seg.letter = chr(ord("a") + n)
        letters = {s.letter for s in record.segments if s.letter}
        for parts in split.values():
            letters |= parts.keys()
        return sorted(letters)

    def _value(
        self, record: _Record, column: Column, letter: str, split: dict[int, dict[str, str]]
    ) -> str:
        if column.index in split:
            return split[column.index].get(letter, "")
        segments = record.segments
        if len(segments) == 1:
            return segments[0].text(column.index)
        return "\n".join(s.text(column.index) for s in segments if s.letter == letter)

    def _recommendation(self, record: _Record, letter: str) -> str:
        col = self.header.column("recommendation")
        if col is None:
            return ""
        if not any(s.numbered for s in record.segments):
            return "\n".join(t for s in record.segments if (t := s.text(col.index)))
        stem = "\n".join(t for s in record.segments if not s.numbered and (t := s.text(col.index)))
        own = "\n".join(s.text(col.index) for s in record.segments if s.letter == letter)
        return f"{stem}\n{letter}) {own}".strip() if own else stem

    def _provenance(self, record: _Record, letter: str) -> Provenance:
        own = [s for s in record.segments if s.letter == letter] or record.segments[:1]
        shared = [s for s in record.segments if not s.numbered and s not in own]
        lines = [r for s in own for r in s.rows]
        spanned = {r.line.page for s in (*own, *shared) for r in s.rows}
        boxes = tuple(
            CellBox(r.line.page, self.header.columns[i].label, box)
            for r in lines
            for i, box in enumerate(r.boxes)
            if box is not None and r.texts[i].strip()
        )
        first = lines[0].line
        return Provenance(
            source_file=self.doc.source_file,
            page=first.page,
            line=first.number,
            pages=tuple(sorted(spanned)),
            boxes=boxes,
        )

    def _mend_spills(self, records: list[_Record], quarter: Quarter) -> None:
        """Move evidence spilled into the next row back, record by record and sub-item by
        sub-item, in reading order."""
        col = quarter.evidence.index
        cells: list[tuple[_Segment, RowCells]] = [
            (seg, seg.rows[i])
            for record in records
            for seg in record.segments
            for i in range(len(seg.rows))
            if seg.rows[i].texts[col].strip()
        ]
        for (prev_seg, _), (seg, cur) in itertools.pairwise(cells):
            if prev_seg is seg:
                continue
            moved = split_spill(prev_seg.text(col), cur.texts[col])
            if moved is None:
                continue
            spilled, rest = moved
            prev_seg.rows.append(_only(cur, col, spilled))
            index = seg.rows.index(cur)
            seg.rows[index] = _replace_text(cur, col, rest)
            self.problems.append(
                _warning(
                    self.doc,
                    cur.line,
                    "evidence-spill-moved",
                    "evidence continuing the previous row was moved back to it: "
                    f"{spilled.strip()[:60]!r}…",
                    spilled,
                )
            )

    def build(self, records: list[_Record]) -> list[TrackerRow]:
        for quarter in self.header.quarters:
            self._mend_spills(records, quarter)
        rows: list[TrackerRow] = []
        for record in records:
            split = self._marker_columns(record)
            for letter in self._letters(record, split):
                rows.extend(self._rows_for(record, letter, split))
        return rows

    def _marker_columns(self, record: _Record) -> dict[int, dict[str, str]]:
        """Columns whose cell lists every sub-item itself (`a. Head of … b. Chair of …`)."""
        split = {}
        for col in self.header.columns:
            if col.role not in ("officer", "date", "evidence", "assessment"):
                continue
            joined = "\n".join(t for s in record.segments if (t := s.text(col.index)))
            parts = split_by_markers(joined)
            if parts is not None:
                split[col.index] = parts
        return split

    def _rows_for(
        self, record: _Record, letter: str, split: dict[int, dict[str, str]]
    ) -> Iterable[TrackerRow]:
        officer, date = self.header.column("officer"), self.header.column("date")
        provenance = self._provenance(record, letter)
        recommendation = self._recommendation(record, letter)
        officer_raw = self._value(record, officer, letter, split) if officer else ""
        due_raw = self._value(record, date, letter, split) if date else ""
        made = []
        for quarter in self.header.quarters:
            evidence = self._value(record, quarter.evidence, letter, split)
            status = (
                self._value(record, quarter.assessment, letter, split) if quarter.assessment else ""
            )
            made.append(
                TrackerRow(
                    provenance=provenance,
                    rec_no=record.ref.rec_no,
                    sub_item=letter,
                    recommendation=recommendation,
                    officer_raw=officer_raw,
                    due_raw=due_raw,
                    evidence=evidence,
                    status_raw=status,
                    quarter=quarter,
                )
            )
        # A quarter with nothing reported for this row (a later quarter's column left empty)
        # adds no row, but every recommendation keeps at least one.
        kept = [r for r in made if r.evidence.strip() or r.status_raw.strip()]
        return kept or made[:1]


def _only(cells: RowCells, column: int, text: str) -> RowCells:
    """The same line reduced to one column's text: the part of it that belongs elsewhere."""
    texts = [""] * len(cells.texts)
    texts[column] = text
    boxes = [box if i == column else None for i, box in enumerate(cells.boxes)]
    return RowCells(cells.line, tuple(texts), tuple(boxes))


def _replace_text(cells: RowCells, column: int, text: str) -> RowCells:
    texts = list(cells.texts)
    texts[column] = text
    return RowCells(cells.line, tuple(texts), cells.boxes, cells.overflow)


def parse_tracker(doc: SourceDocument) -> Tracker:
    """Given a source document holding a progress tracker, return its rows and problems.

    Raises `ParseError` when no tracker header can be found.
    """
    found = find_header(doc.lines)
    if found is None:
        raise ParseError(
            doc.source_file,
            "no tracker header found (expected a row naming Recommendation and at least two of "
            "officer, date, evidence of progress, assessment)",
            hint="check the file is a progress tracker; `councilpapers inspect` shows a PDF's "
            "layout",
        )
    vocabulary = document_words(line.text for line in doc.lines)
    index, header = found
    problems: list[Problem] = []
    rows: list[TrackerRow] = []
    first_index, first_header = index, header
    while True:
        reader = _TableReader(doc, header, vocabulary)
        consumed = reader.read(doc.lines[index + 1 :])
        problems.extend(reader.problems)
        rows.extend(_RowBuilder(doc, header, problems).build(reader.records))
        found = find_header(doc.lines, index + 1 + consumed)
        if found is None:
            break
        index, header = found
    pre_header = [line.text for line in doc.lines[:first_index]]
    title = find_topic([*doc.furniture, *pre_header])
    return Tracker(
        source_file=doc.source_file,
        title=title,
        council=find_council([*doc.furniture, *(line.text for line in doc.lines)]),
        header=first_header,
        rows=tuple(rows),
        problems=tuple(problems),
    )
