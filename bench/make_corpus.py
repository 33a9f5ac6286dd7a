"""Build a realistic archive of committee papers for `bench_ingest.py`, with the rows it holds.

    python bench/make_corpus.py [--packs 200] [--papers 800] [--out bench/corpus] [--seed 7]

Writes `packs/`: agenda packs of 8 to 130 pages, mostly prose (front sheet, minutes with
RESOLVED lines, officers' reports that talk about recommendations, officers, progress and
target dates, performance and budget tables), some with a tracker appendix (ruled or
borderless, portrait or landscape, three councils' header wordings) and some with a Cabinet
decision record; `papers/`: short papers (a tracker, a decision record or a memo) to make the
archive 1,000 files. `truth.json` lists every tracker and decision row rendered, per file, so
the bench can check that what was found is what is there. Deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)

ROOT = Path(__file__).resolve().parent.parent

CELL = ParagraphStyle("cell", fontName="Helvetica", fontSize=9, leading=10.5)
BOLD = ParagraphStyle("bold", parent=CELL, fontName="Helvetica-Bold")
PROSE = ParagraphStyle("prose", fontName="Helvetica", fontSize=10.5, leading=13, spaceAfter=7)
HEADING = ParagraphStyle("heading", fontName="Helvetica-Bold", fontSize=12, leading=15,
                         spaceBefore=6, spaceAfter=6)  # fmt: skip
TITLE = ParagraphStyle("title", fontName="Helvetica-Bold", fontSize=16, leading=20, spaceAfter=12)

COUNCILS = (
    "Stockton-on-Tees Borough Council",
    "Hartlepool Borough Council",
    "Darlington Borough Council",
    "Redcar and Cleveland Borough Council",
    "Middlesbrough Borough Council",
)
COMMITTEES = (
    "Children and Young People Select Committee",
    "Adult Social Care and Health Select Committee",
    "Place Select Committee",
    "People Select Committee",
    "Crime and Disorder Select Committee",
)
TOPICS = (
    "Child Sexual Exploitation", "Highways Maintenance", "Empty Homes", "Library Opening Hours",
    "School Transport", "Fly-tipping", "Youth Services", "Care Home Quality", "Town Centre Parking",
    "Domestic Abuse Support", "Flood Risk", "Allotments", "Street Lighting", "Home Adaptations",
)  # fmt: skip
POSTS = (
    "Head of Schools and SEN", "Director of Public Health", "Head of Housing",
    "Corporate Director, CESC", "Head of Libraries", "Chair of HWB", "Head of CYP Services",
    "Head of Democratic Services", "Head of Finance", "Director of Place", "Head of Highways",
)  # fmt: skip
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")  # fmt: skip

#: Three councils' wordings of a tracker header, and the assessments each uses.
LAYOUTS: tuple[dict[str, Any], ...] = (
    {
        "header": ("No.", "Recommendation", "Link Officer", "Anticipated Completion Date",
                   "Quarter {q} evidence of progress Presented to Committee {date}",
                   "Assessment of progress (Categories 1-4)"),
        "status": (("1 – Fully Achieved", "Fully Achieved"), ("2 – On track", "On track"),
                   ("3 – Slipped", "Slipped"), ("4 – Not Achieved", "Not Achieved")),
        "widths": (34, 170, 100, 85, 245, 90),
    },
    {
        "header": ("Ref", "Recommendation", "Responsibility", "Timescale",
                   "Progress Update Presented to Committee {date}", "RAG Status"),
        "status": (("Green", "Green"), ("Amber", "Amber"), ("Red", "Red")),
        "widths": (34, 180, 100, 75, 255, 80),
    },
    {
        "header": ("No.", "Recommendation", "Lead Officer", "Target Date",
                   "Quarter {q} evidence of progress Presented to Committee {date}",
                   "Assessment of progress (Categories 1-4)"),
        "status": (("1 – Fully Achieved", "Fully Achieved"), ("2 – On track", "On track"),
                   ("3 – Slipped", "Slipped")),
        "widths": (34, 170, 110, 80, 240, 90),
    },
)  # fmt: skip

_WORDS = (
    "the committee members officers recommendation recommendations progress update review "
    "service residents council budget delivery performance target date scrutiny cabinet "
    "partners assessment evidence action plan strategy consultation report quarter position "
    "responsible lead officer outcome funding contract provider monitoring improvement "
    "timescale status agreed proposed further information briefing workshop survey data"
)
WORDS = tuple(_WORDS.split())


@dataclass
class Paper:
    """One file to render: its flowables, and the rows it holds."""

    name: str
    story: list[Flowable]
    council: str
    trackers: list[dict[str, str]] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    landscape_first: bool = False


def _p(text: str, style: ParagraphStyle = PROSE) -> Paragraph:
    return Paragraph(text.replace("&", "&amp;"), style)


def _sentence(rng: random.Random, low: int = 10, high: int = 24) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def _date(rng: random.Random, year: int) -> str:
    return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {year}"


def _paragraphs(rng: random.Random, count: int, numbered_from: int = 1) -> list[Flowable]:
    story: list[Flowable] = []
    for i in range(count):
        text = " ".join(_sentence(rng) for _ in range(rng.randint(3, 7)))
        story.append(_p(f"{numbered_from + i}. {text}"))
    return story


def _grid(rows: Sequence[Sequence[str]], widths: Sequence[float], ruled: bool) -> Table:
    data = [[_p(c, BOLD) for c in rows[0]]] + [[_p(c, CELL) for c in r] for r in rows[1:]]
    style: list[Any] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if ruled:
        style += [
            ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
            ("LINEBELOW", (0, "splitlast"), (-1, "splitlast"), 0.5, colors.black),
            ("LINEABOVE", (0, "splitfirst"), (-1, "splitfirst"), 0.5, colors.black),
        ]
    else:
        style += [("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    return Table(data, colWidths=widths, repeatRows=1, style=TableStyle(style))


def front_sheet(rng: random.Random, council: str, committee: str, meeting: str) -> list[Flowable]:
    story: list[Flowable] = [_p(council.upper(), TITLE), _p(committee, HEADING),
                             _p(f"Date: {meeting}, 4.30 pm, Jim Cooke Conference Suite"),
                             _p("AGENDA", HEADING)]  # fmt: skip
    items = ["Evacuation Procedure", "Apologies for Absence", "Declarations of Interest",
             "Minutes of the previous meeting", *(f"Scrutiny Review of {rng.choice(TOPICS)}"
                                                   for _ in range(rng.randint(2, 5))),
             "Work Programme", "Chair's Update"]  # fmt: skip
    story += [_p(f"{i}. {item}") for i, item in enumerate(items, 1)]
    story.append(_p("Members of the public are welcome to attend this meeting."))
    return [*story, PageBreak()]


def minutes(rng: random.Random, committee: str, year: int) -> list[Flowable]:
    story: list[Flowable] = [_p(f"{committee} – minutes of the meeting held on "
                                f"{_date(rng, year)}", HEADING)]  # fmt: skip
    for n in range(rng.randint(4, 9)):
        story.append(_p(f"{n + 1}. {_sentence(rng, 3, 7)[:-1]}", HEADING))
        story += _paragraphs(rng, rng.randint(1, 3))
        story.append(_p(f"RESOLVED that {_sentence(rng, 8, 16).lower()}"))
    return [*story, PageBreak()]


def report(rng: random.Random, topic: str, year: int) -> list[Flowable]:
    """An officer's report: numbered prose under the usual headings, now and then a table."""
    story: list[Flowable] = [_p(f"Scrutiny Review of {topic} – report of the Director", TITLE)]
    number = 1
    for heading in (
        "Summary",
        "Recommendations",
        "Detail",
        "Financial Implications",
        "Legal Implications",
        "Risk Assessment",
        "Consultation",
        "Background",
    ):
        story.append(_p(heading, HEADING))
        count = rng.randint(2, 9) if heading in ("Detail", "Background") else rng.randint(1, 3)
        story += _paragraphs(rng, count, number)
        number += count
        if heading == "Detail" and rng.random() < 0.35:
            rows = [("Indicator", "Target", "Actual", "Status", "Comments")]
            rows += [(_sentence(rng, 3, 6), str(rng.randint(50, 99)), str(rng.randint(40, 99)),
                      rng.choice(("Green", "Amber", "Red")), _sentence(rng, 4, 10))
                     for _ in range(rng.randint(4, 9))]  # fmt: skip
            story.append(_grid(rows, (150, 50, 50, 50, 180), ruled=True))
        if heading == "Financial Implications" and rng.random() < 0.3:
            rows = [("Service", "Budget £000", "Forecast £000", "Variance £000")]
            rows += [(_sentence(rng, 2, 4), str(rng.randint(100, 999)),
                      str(rng.randint(100, 999)), str(rng.randint(-50, 50)))
                     for _ in range(rng.randint(3, 8))]  # fmt: skip
            story.append(_grid(rows, (200, 80, 80, 80), ruled=rng.random() < 0.5))
    story.append(_p(f"Contact Officer: {rng.choice(POSTS)}"))
    return [*story, PageBreak()]


def tracker(
    rng: random.Random, topic: str, year: int, rows_out: list[dict[str, str]]
) -> list[Flowable]:
    """A progress tracker appendix; its rows are appended to `rows_out`."""
    layout = rng.choice(LAYOUTS)
    presented = _date(rng, year)
    header = [h.format(q=rng.choice(("1/2", "3/4", "2", "4")), date=presented)
              for h in layout["header"]]  # fmt: skip
    rows: list[tuple[str, ...]] = [tuple(header)]
    for n in range(1, rng.randint(5, 18) + 1):
        code, label = rng.choice(layout["status"])
        evidence = " ".join(_sentence(rng) for _ in range(rng.choice((1, 2, 3, 4, 6))))
        due = f"{rng.choice(MONTHS)} {year + rng.randint(0, 1)}"
        rows.append((str(n), _sentence(rng, 12, 40), rng.choice(POSTS), due, evidence, code))
        rows_out.append({"rec_no": str(n), "status_label": label})
    widths = layout["widths"]
    ruled = rng.random() < 0.6
    story: list[Flowable] = [_p(f"Appendix 1: Progress Update – {topic}", HEADING),
                             _grid(rows, widths, ruled)]  # fmt: skip
    return story


def decision_record(
    rng: random.Random, council: str, topic: str, year: int, recs_out: list[str]
) -> list[Flowable]:
    """A Cabinet decision record (proforma), section by section; rec numbers to `recs_out`."""
    meeting = f"{rng.randint(1, 28)}th {rng.choice(MONTHS)} {year}"
    story: list[Flowable] = [
        _p(council.upper(), HEADING),
        _p(f"Cabinet Decision Record D{rng.randint(150000, 199999)}"),
        _p(f"Cabinet Meeting .....{meeting}"),
        _p("1. Title of Item/Report", HEADING),
        _p(f"Scrutiny Review of {topic}"),
        _p("2. Record of the Decision", HEADING),
        _p(_sentence(rng, 15, 30)),
        _p("RESOLVED that:-"),
    ]
    for n in range(1, rng.randint(3, 12) + 1):
        story.append(_p(f"{n}. {_sentence(rng, 10, 30)}"))
        recs_out.append(str(n))
    story += [
        _p("3. Reasons for the Decision", HEADING),
        _p(_sentence(rng)),
        _p("4. Alternative Options Considered and Rejected", HEADING),
        _p("None"),
        _p("5. Declared (Cabinet Member) Conflicts of Interest", HEADING),
        _p("None"),
        _p("6. Details of any Dispensations", HEADING),
        _p("N/A"),
        _p("7. Date and Time by which Call In must be executed", HEADING),
        _p(f"Midnight on Friday, {rng.randint(1, 28)}th {rng.choice(MONTHS)} {year}"),
        _p("Proper Officer", HEADING),
        _p(_date(rng, year)),
    ]
    return story


def agenda_pack(rng: random.Random, index: int) -> Paper:
    council, committee = rng.choice(COUNCILS), rng.choice(COMMITTEES)
    year = rng.randint(2014, 2024)
    meeting = _date(rng, year)
    paper = Paper(f"packs/{council.split()[0].lower()}_pack_{index:04d}.pdf", [], council)
    story = front_sheet(rng, council, committee, meeting) + minutes(rng, committee, year)
    big = rng.random() < 0.06  # the odd 120-page pack
    for _ in range(rng.randint(9, 14) if big else rng.randint(2, 5)):
        story += report(rng, rng.choice(TOPICS), year)
    kind = rng.random()
    topic = rng.choice(TOPICS)
    if kind < 0.5:
        orientation = "landscape" if rng.random() < 0.8 else "portrait"
        story += [NextPageTemplate(orientation), PageBreak()]
        story += tracker(rng, topic, year, paper.trackers)
        story += [NextPageTemplate("portrait"), PageBreak()]
    elif kind < 0.8:
        story += decision_record(rng, council, topic, year, paper.decisions)
        story.append(PageBreak())
    story += report(rng, rng.choice(TOPICS), year)[:6]  # papers go on after the appendix
    paper.story = story
    return paper


def short_paper(rng: random.Random, index: int) -> Paper:
    council, year, topic = rng.choice(COUNCILS), rng.randint(2014, 2024), rng.choice(TOPICS)
    kind = rng.random()
    if kind < 0.45:
        paper = Paper(f"papers/tracker_{index:04d}.pdf", [], council, landscape_first=True)
        paper.story = [_p(council, HEADING), *tracker(rng, topic, year, paper.trackers)]
    elif kind < 0.75:
        paper = Paper(f"papers/decision_{index:04d}.pdf", [], council)
        paper.story = decision_record(rng, council, topic, year, paper.decisions)
    else:
        paper = Paper(f"papers/memo_{index:04d}.pdf", [], council)
        paper.story = [_p(council, HEADING), *_paragraphs(rng, rng.randint(3, 12))]
    return paper


def _furniture(canvas: Any, doc: Any) -> None:
    width, _ = canvas._pagesize
    canvas.setFont("Helvetica", 8)
    canvas.drawCentredString(width / 2, 22, f"Page {doc.page}")


def render(paper: Paper, out: Path) -> int:
    """Write one paper; return its page count."""
    target = out / paper.name
    target.parent.mkdir(parents=True, exist_ok=True)
    first = landscape(A4) if paper.landscape_first else A4
    doc = BaseDocTemplate(str(target), pagesize=first, leftMargin=40, rightMargin=40,
                          topMargin=45, bottomMargin=45, invariant=1)  # fmt: skip
    order = ("landscape", "portrait") if paper.landscape_first else ("portrait", "landscape")
    templates = []
    for name in order:
        size = landscape(A4) if name == "landscape" else A4
        frame = Frame(40, 45, size[0] - 80, size[1] - 90, id=f"{name}-frame")
        templates.append(PageTemplate(id=name, frames=[frame], onPage=_furniture, pagesize=size))
    doc.addPageTemplates(templates)
    doc.build(paper.story)
    return int(doc.page)


def _make(job: tuple[str, int, int, str]) -> dict[str, Any]:
    kind, index, seed, out = job
    rng = random.Random(seed * 100_003 + index * 2 + (kind == "paper"))
    paper = agenda_pack(rng, index) if kind == "pack" else short_paper(rng, index)
    pages = render(paper, Path(out))
    return {"file": paper.name, "pages": pages, "council": paper.council,
            "progress": paper.trackers, "decisions": paper.decisions}  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--packs", type=int, default=200)
    parser.add_argument("--papers", type=int, default=800)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "corpus")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    jobs = [("pack", i, args.seed, str(args.out)) for i in range(args.packs)]
    jobs += [("paper", i, args.seed, str(args.out)) for i in range(args.papers)]
    start = time.perf_counter()
    with ProcessPoolExecutor(os.cpu_count()) as pool:
        truth = list(pool.map(_make, jobs, chunksize=4))
    (args.out / "truth.json").write_text(json.dumps(truth, indent=1))
    packs = [t for t in truth if t["file"].startswith("packs/")]
    print(
        f"wrote {len(truth)} files, {sum(t['pages'] for t in truth)} pages "
        f"({len(packs)} packs, {sum(t['pages'] for t in packs)} pages; "
        f"{sum(bool(t['progress']) for t in packs)} with a tracker, "
        f"{sum(bool(t['decisions']) for t in packs)} with a decision record) "
        f"to {args.out} in {time.perf_counter() - start:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
