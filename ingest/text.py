"""Text extracts → `SourceDocument`.

A tab marks a cell boundary (that is how table extractors write rows), a form feed marks a
page break. Other separators (`|`, `` / ``) are ambiguous and left for the parser to decide.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.decode import decode_text
from ingest.files import read_file_bytes
from ingest.model import Cell, Line, SourceDocument


def lines_from_text(text: str) -> tuple[tuple[Line, ...], int]:
    """Given decoded text, return its lines (cells split on tabs) and its number of pages."""
    lines: list[Line] = []
    page = 1
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        # A form feed may sit anywhere on a line: text before it ends one page, text after it
        # starts the next, both keeping the file's line number.
        *before, last = raw.split("\f")
        for part in before:
            if part:
                lines.append(Line(page=page, number=number, cells=_cells(part)))
            page += 1
        lines.append(Line(page=page, number=number, cells=_cells(last)))
    return tuple(lines), page


def _cells(raw: str) -> tuple[Cell, ...]:
    if "\t" in raw:
        return tuple(Cell(part, column=i) for i, part in enumerate(raw.split("\t")))
    return (Cell(raw),)


def read_text_bytes(data: bytes, source_file: str) -> SourceDocument:
    """Given a text extract's bytes, return it as a `SourceDocument` (raises if not text)."""
    text, notes = decode_text(data, source_file)
    lines, pages = lines_from_text(text)
    return SourceDocument(
        source_file=source_file,
        sha256=hashlib.sha256(data).hexdigest(),
        media="text",
        pages=pages,
        lines=lines,
        notes=tuple(notes),
    )


def read_text(path: Path, source_file: str | None = None) -> SourceDocument:
    """Read a text extract from disk."""
    name = source_file or str(path)
    return read_text_bytes(read_file_bytes(path, name), name)
