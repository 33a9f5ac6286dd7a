"""PDFs for the cases the samples lack, built with reportlab; each file named after its case.

Every builder writes one file into a folder and returns its path. The tables are trackers in
the council's layout (No., Recommendation, Link Officer, date, evidence, assessment) with
made-up content, so a test can say exactly what each cell must hold.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

RUNNING_HEADER = "Progress Update – Library Opening Hours"
HEADER = (
    "No.",
    "Recommendation",
    "Link Officer",
    "Anticipated Completion Date",
    "Quarter 3 evidence of progress",
    "Assessment of progress",
)
WIDTHS = (34, 170, 100, 85, 245, 90)
CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=10.5)
BOLD = ParagraphStyle("bold", parent=CELL, fontName="Helvetica-Bold")
PROSE = ParagraphStyle("prose", fontName="Helvetica", fontSize=10, leading=12, spaceAfter=6)

#: A long evidence text whose sentence is cut by the page break in `row-cut-mid-sentence.pdf`.
LONG_EVIDENCE = " ".join(
    f"Sentence {i} of the evidence reports that branch {i} reviewed its opening hours with "
    f"residents and agreed a new timetable."
    for i in range(1, 26)
)
# The long row comes first: with a short row before it, reportlab splits the table twice on
# page 1 and prints the header row again in the middle of the page.
CUT_ROWS: tuple[tuple[str, ...], ...] = (
    ("1", "Branch timetables be published online.", "Head of Digital", "June 2017",
     LONG_EVIDENCE, "2 – On track"),
    ("2", "A survey of users be commissioned.", "Head of Libraries", "01/09/17",
     "Survey booked.", "3 – Slipped"),
)  # fmt: skip
ROWS: tuple[tuple[str, ...], ...] = (
    ("1", "Opening hours be reviewed.", "Head of Libraries", "01/04/17", "Achieved.",
     "1 – Fully Achieved"),
    ("2", "A survey of users be commissioned.", "Head of Libraries", "01/09/17",
     "Survey booked.", "3 – Slipped"),
)  # fmt: skip


def _para(text: str, style: ParagraphStyle = CELL) -> Paragraph:
    return Paragraph(text.replace("&", "&amp;"), style)


def tracker_table(
    rows: Sequence[Sequence[str]] = ROWS, *, ruled: bool = True, header: Sequence[str] = HEADER
) -> Table:
    """Given rows of cell texts, return a tracker table (header repeated on each page)."""
    data = [[_para(h, BOLD) for h in header]] + [[_para(t) for t in row] for row in rows]
    style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if ruled:
        # Word closes a row cut by a page break with a rule at the page's foot and another
        # under the repeated header (ruled sample); reportlab's split leaves both open.
        style += [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, colors.black),
            ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.5, colors.black),
        ]
    else:
        # Word's borderless tables keep generous cell padding; rows are told apart by it.
        style += [("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    return Table(data, colWidths=WIDTHS, repeatRows=1, splitInRow=1, style=TableStyle(style))


def _furniture(canvas: Canvas, doc: Any) -> None:
    width, height = canvas._pagesize
    canvas.setFont("Helvetica", 9)
    canvas.drawString(40, height - 30, RUNNING_HEADER)
    canvas.drawCentredString(width / 2, 25, str(doc.page))


def build(
    path: Path,
    story: list[Flowable],
    *,
    pagesize: tuple[float, float] = landscape(A4),
    templates: Sequence[tuple[str, tuple[float, float]]] = (),
) -> Path:
    """Given flowables, write them as a PDF with a running header and page numbers."""
    doc = BaseDocTemplate(str(path), pagesize=pagesize, leftMargin=40, rightMargin=40,
                          topMargin=45, bottomMargin=45)  # fmt: skip
    page_templates = []
    for name, size in templates or (("main", pagesize),):
        frame = Frame(40, 45, size[0] - 80, size[1] - 90, id=f"{name}-frame")
        page_templates.append(
            PageTemplate(id=name, frames=[frame], onPage=_furniture, pagesize=size)
        )
    doc.addPageTemplates(page_templates)
    doc.build(story)
    return path


def row_cut_mid_sentence(folder: Path, *, ruled: bool = True) -> Path:
    """Row 2's evidence runs past the foot of page 1 and carries on at the top of page 2."""
    name = "row-cut-mid-sentence" + ("" if ruled else "-borderless")
    story: list[Flowable] = [Spacer(1, 250), tracker_table(CUT_ROWS, ruled=ruled)]
    return build(folder / f"{name}.pdf", story)


def table_after_prose(folder: Path) -> Path:
    """Two paragraphs of prose, then a ruled tracker starting half way down the page."""
    story: list[Flowable] = [
        _para("Appendix 1: progress on the recommendations of the review.", PROSE),
        _para("The table below sets out the position at the end of the third quarter. " * 4,
              PROSE),
        Spacer(1, 150),
        tracker_table(ROWS),
    ]  # fmt: skip
    return build(folder / "table-after-prose.pdf", story)


def two_tables_one_page(folder: Path, *, ruled: bool = True) -> Path:
    """Two trackers on one page, with a line of prose between them."""
    second = (*HEADER[:4], "Quarter 4 evidence of progress", HEADER[5])
    story: list[Flowable] = [
        tracker_table(ROWS[:1], ruled=ruled),
        Spacer(1, 24),
        _para("Recommendations carried forward from the previous review:", PROSE),
        Spacer(1, 24),
        tracker_table([("7", "Mobile library routes be kept.", "Head of Libraries",
                        "March 2018", "Routes kept.", "1 – Fully Achieved")],
                      ruled=ruled, header=second),
    ]  # fmt: skip
    name = "two-tables-one-page" + ("" if ruled else "-borderless")
    return build(folder / f"{name}.pdf", story)


def landscape_between_portrait(folder: Path) -> Path:
    """A portrait page of prose, a landscape page with the tracker, a portrait page of prose."""
    story: list[Flowable] = [
        NextPageTemplate("landscape"),
        _para("Report of the Head of Libraries to the Select Committee.", PROSE),
        _para("Summary: the committee is asked to note the progress below.", PROSE),
        PageBreak(),
        tracker_table(ROWS),
        NextPageTemplate("portrait"),
        PageBreak(),
        _para("Recommendation: the committee notes the progress made.", PROSE),
    ]
    return build(
        folder / "landscape-between-portrait.pdf",
        story,
        pagesize=A4,
        templates=(("portrait", A4), ("landscape", landscape(A4))),
    )


def _draw(canvas: Canvas, flowable: Flowable, x: float, y_top: float, width: float) -> None:
    _, height = flowable.wrap(width, 10_000)
    flowable.drawOn(canvas, x, y_top - height)


def rotated_page(folder: Path) -> Path:
    """Page 2 is stored portrait with /Rotate 90 and its content drawn turned, so it displays
    as a landscape table (how scanners and some Word exports save landscape pages)."""
    path = folder / "rotated-page.pdf"
    width, height = A4  # 595 x 842, portrait as stored
    canvas = Canvas(str(path), pagesize=A4)
    for number in (1, 2, 3):
        canvas.setPageRotation(90 if number == 2 else 0)
        if number == 2:
            canvas.saveState()
            # Shown turned 90° clockwise: the shown page (842 wide, 595 tall) maps onto the
            # stored one by (x, y) → (595 - y, x), a quarter turn anticlockwise.
            canvas.translate(width, 0)
            canvas.rotate(90)
            shown_w, shown_h = height, width
        else:
            shown_w, shown_h = width, height
        canvas.setFont("Helvetica", 9)
        canvas.drawString(40, shown_h - 30, RUNNING_HEADER)
        canvas.drawCentredString(shown_w / 2, 25, str(number))
        if number == 2:
            _draw(canvas, tracker_table(ROWS), 40, shown_h - 45, shown_w - 80)
            canvas.restoreState()
        else:
            text = "Introduction to the report." if number == 1 else "The committee notes it."
            _draw(canvas, _para(text, PROSE), 40, shown_h - 60, shown_w - 80)
        canvas.showPage()
    canvas.save()
    return path


def encrypted(folder: Path) -> Path:
    """Opening needs a password."""
    path = folder / "encrypted.pdf"
    canvas = Canvas(str(path), encrypt=StandardEncryption("open-sesame", "owner"))
    canvas.drawString(72, 720, "Confidential")
    canvas.showPage()
    canvas.save()
    return path


def damaged_truncated(folder: Path, sample: Path) -> Path:
    """The first third of a real sample: a download that stopped part way."""
    path = folder / "damaged-truncated.pdf"
    data = sample.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def empty_file(folder: Path) -> Path:
    path = folder / "empty.pdf"
    path.write_bytes(b"")
    return path


def no_pages(folder: Path) -> Path:
    """A well-formed PDF whose page tree is empty."""
    path = folder / "no-pages.pdf"
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
    )
    return path


def not_a_pdf(folder: Path) -> Path:
    path = folder / "not-a-pdf.pdf"
    path.write_bytes(b"Minutes of the meeting held on 3 May.\n")
    return path


def mixed_text_and_scanned(folder: Path, page_image: Callable[[], bytes]) -> Path:
    """Page 1 has a text layer; page 2 is only a picture of a page (a scan)."""
    from reportlab.lib.utils import ImageReader

    path = folder / "mixed-text-and-scanned.pdf"
    canvas = Canvas(str(path), pagesize=landscape(A4))
    _draw(canvas, tracker_table(ROWS[:1]), 40, landscape(A4)[1] - 45, landscape(A4)[0] - 80)
    canvas.showPage()
    canvas.drawImage(ImageReader(io.BytesIO(page_image())), 0, 0, *landscape(A4))
    canvas.showPage()
    canvas.save()
    return path
