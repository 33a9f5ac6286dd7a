"""A picture of one PDF page with what the reader found drawn on it, for tuning a new layout.

pdfplumber's own table-finder debugging (rules in red, cells in blue) with ours on top: the
cells of each emitted row in green, header rows in blue, the repeated header rows we dropped
in orange, borderless column boundaries in purple, page furniture in red, prose in grey.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

from councilpapers.errors import CouncilPapersError
from ingest.files import read_file_bytes
from ingest.ocr import OcrSettings
from ingest.pdf import DEFAULT_OCR, analyse_open_pdf, open_pdf

_ROW = (0, 150, 0)
_HEADER = (0, 90, 220)
_DROPPED = (255, 140, 0, 90)
_COLUMN = (150, 0, 200)
_FURNITURE = (230, 0, 0, 80)
_PROSE = (120, 120, 120)
_LEGEND = (
    ("table row cells", _ROW),
    ("header row", _HEADER),
    ("repeated header, dropped", _DROPPED[:3]),
    ("borderless column boundary", _COLUMN),
    ("page furniture, dropped", _FURNITURE[:3]),
    ("prose line", _PROSE),
)


def _legend(image: Image.Image) -> Image.Image:
    """Given the annotated page, return it with a key to the colours along its top."""
    strip = 16
    out = Image.new("RGB", (image.width, image.height + strip), "white")
    out.paste(image.convert("RGB"), (0, strip))
    draw = ImageDraw.Draw(out)
    x = 4
    for label, colour in _LEGEND:
        draw.rectangle((x, 4, x + 8, 12), fill=colour)
        draw.text((x + 11, 2), label, fill=(0, 0, 0))
        x += 16 + int(draw.textlength(label))
    return out


def inspect_pdf_page(
    path: Path,
    page: int,
    *,
    resolution: int = 100,
    ocr: OcrSettings | None = DEFAULT_OCR,
    source_file: str | None = None,
) -> Image.Image:
    """Given a PDF and a 1-based page number, return the page drawn with what was detected.

    The whole file is read (furniture and tables depend on the other pages); save the result
    with ``image.save("page.png")``. Raises `CouncilPapersError` for a page out of range.
    """
    name = source_file or str(path)
    data = read_file_bytes(path, name)
    with open_pdf(data, name) as pdf:
        count = len(pdf.pages)
        if not 1 <= page <= count:
            raise CouncilPapersError(
                name,
                f"there is no page {page}: the PDF has {count} page{'s' if count > 1 else ''}",
                hint=f"pick a page from 1 to {count}",
                code="page-out-of-range",
            )
        analysis = analyse_open_pdf(pdf, data, name, ocr=ocr)
        layout = analysis.pages[page - 1]
        image = pdf.pages[page - 1].to_image(resolution=resolution)
        finder = analysis.finders.get(page)
        if finder is not None:
            image.debug_tablefinder(finder)
        image.draw_rects([line.box for line in layout.prose], stroke=_PROSE, fill=(0, 0, 0, 0))
        image.draw_rects(
            [line.box for line in layout.furniture], stroke=_FURNITURE[:3], fill=_FURNITURE
        )
        for x, top, bottom in layout.column_lines:
            image.draw_line([(x, top), (x, bottom)], stroke=_COLUMN, stroke_width=2)
        for row in layout.rows:
            colour = _HEADER if row.is_header else _ROW
            boxes = [c.box for c in row.cells if c.box is not None]
            image.draw_rects(boxes, stroke=colour, fill=(0, 0, 0, 0), stroke_width=2)
        for row in layout.dropped_headers:
            boxes = [c.box for c in row.cells if c.box is not None]
            image.draw_rects(boxes, stroke=_DROPPED[:3], fill=_DROPPED)
        return _legend(image.annotated)
