"""Property tests: any well-formed tracker, however its cells wrap, parses back to its rows."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from councilpapers.errors import ParseError
from ingest.text import read_text_bytes
from parsers.tracker import parse_tracker

HEADER = (
    "No.\tRecommendation\tLink Officer\tAnticipated Completion Date\t"
    "Quarter 3 evidence of progress Presented to Committee 1 March 2017\t"
    "Assessment of progress (Categories 1-4)"
)
WORDS = [
    "the",
    "council",
    "review",
    "schools",
    "support",
    "plan",
    "children",
    "group",
    "be",
    "with",
    "and",
    "report",
    "training",
    "all",
    "partners",
    "Tees",
    "Stockton",
    "LSCB",
]
OFFICERS = ["Head of CYP Services", "Chair of HWB", "Director of Public Health", "DM/PL"]
DATES = ["01/08/15", "September 2015", "April 2016", "Post completion of JSNA September 2015"]
STATUSES = ["1 – Fully Achieved", "2 – On track", "3 - Slipped", "4 - Not Achieved"]


@dataclass
class _Rec:
    rec: list[str]
    officer: str
    date: str
    evidence: list[str]
    status: str


def _phrase(min_words: int = 1) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(WORDS), min_size=min_words, max_size=6).map(" ".join)


@st.composite
def _records(draw: st.DrawFn) -> list[_Rec]:
    count = draw(st.integers(1, 8))
    recs = []
    for _ in range(count):
        rec = draw(st.lists(_phrase(), min_size=1, max_size=4))
        evidence = draw(st.lists(_phrase(), min_size=1, max_size=4))
        # Sentences start with a capital and end with a full stop, as officers write them.
        rec[0], evidence[0] = rec[0].capitalize(), evidence[0].capitalize()
        rec[-1], evidence[-1] = rec[-1] + ".", evidence[-1] + "."
        recs.append(
            _Rec(
                rec,
                draw(st.sampled_from(OFFICERS)),
                draw(st.sampled_from(DATES)),
                evidence,
                draw(st.sampled_from(STATUSES)),
            )
        )
    return recs


def _render(recs: list[_Rec], breaks: list[bool]) -> str:
    lines = [HEADER]
    for n, rec in enumerate(recs, 1):
        lines.append(
            f"{n}\t{rec.rec[0]}\t{rec.officer}\t{rec.date}\t{rec.evidence[0]}\t{rec.status}"
        )
        for i in range(1, max(len(rec.rec), len(rec.evidence))):
            if breaks[(n + i) % len(breaks)]:
                lines.append("")  # a page break cutting the row
            part = rec.rec[i] if i < len(rec.rec) else ""
            more = rec.evidence[i] if i < len(rec.evidence) else ""
            lines.append(f"\t{part}\t\t\t{more}\t")
    return "\n".join(lines) + "\n"


@settings(max_examples=60, deadline=None)
@given(_records(), st.lists(st.booleans(), min_size=1, max_size=5))
def test_wrapped_rows_parse_back(recs: list[_Rec], breaks: list[bool]) -> None:
    doc = read_text_bytes(_render(recs, breaks).encode(), "generated.txt")
    rows = parse_tracker(doc).rows
    assert [r.rec_no for r in rows] == [str(n) for n in range(1, len(recs) + 1)]
    for row, rec in zip(rows, recs, strict=True):
        assert " ".join(row.recommendation.split()) == " ".join(rec.rec)
        assert " ".join(row.evidence.split()) == " ".join(rec.evidence)
        assert (row.officer_raw, row.due_raw, row.status_raw) == (rec.officer, rec.date, rec.status)
        assert row.sub_item == ""


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_parses_or_raises_a_parse_error(text: str) -> None:
    try:
        doc = read_text_bytes((HEADER + "\n" + text).encode(), "fuzz.txt")
    except ParseError:
        return
    except Exception as exc:  # decode errors are the reader's typed errors
        assert type(exc).__module__ == "councilpapers.errors", exc
        return
    parse_tracker(doc)
