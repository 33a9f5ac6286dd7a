"""Decision record sections and the RESOLVED list."""

from __future__ import annotations

import pytest

from councilpapers.errors import ParseError
from ingest.text import read_text_bytes
from parsers.decision import looks_like_decision, parse_decision, section_of


@pytest.mark.parametrize(
    ("line", "section"),
    [
        ("1. Title of Item/Report", ("title", "")),
        ("2. Record of the Decision", ("record", "")),
        ("3. Reasons for the Decision", ("reasons", "")),
        ("4. Alternative Options Considered and Rejected", ("alternatives", "")),
        ("5. Declared (Cabinet Member) Conflicts of Interest", ("conflicts", "")),
        ("6. Details of any Dispensations", ("dispensations", "")),
        ("7. Date and Time by which Call In must be executed", ("call_in", "")),
        ("Proper Officer  ", ("proper_officer", "")),
        ("Proper Officer: 7 November 2025", ("proper_officer", "7 November 2025")),
        ("**Title of Item/Report:** Scrutiny Review", ("title", "Scrutiny Review")),
    ],
)
def test_headings(line: str, section: tuple[str, str]) -> None:
    assert section_of(line) == section


@pytest.mark.parametrize(
    "line",
    [
        "Decision reference: D250117",
        "5. Call-in arrangements be reviewed annually.",
        "1. The number, membership and accountability arrangements for the VEMT groups / SLSCB be "
        "reviewed to ensure … any conflicts of interest and that the outcome be reported.",
        "RESOLVED that:-",
    ],
)
def test_not_headings(line: str) -> None:
    assert section_of(line) is None


def _doc(text: str) -> object:
    return read_text_bytes(text.encode(), "test.txt")


def test_numbering_must_follow_on() -> None:
    doc = read_text_bytes(
        b"Cabinet Meeting 1 May 2020\n1. Title of Item/Report\nX\n2. Record of the Decision\n"
        b"RESOLVED that:-\n1. First thing.\n2015 was a long year and\n2. Second thing.\n"
        b"3. Reasons for the Decision\nBecause.\n",
        "t.txt",
    )
    decision = parse_decision(doc)
    assert [(r.rec_no, r.text) for r in decision.recommendations] == [
        ("1", "First thing.\n2015 was a long year and"),
        ("2", "Second thing."),
    ]
    assert decision.reasons == "Because."


def test_resolved_without_a_list_is_a_warning() -> None:
    doc = read_text_bytes(
        b"Cabinet Meeting 1 May 2020\nTitle of Item/Report\nX\nRecord of the Decision\n"
        b"RESOLVED that the report be noted.\nReasons for the Decision\nNoted.\n",
        "t.txt",
    )
    decision = parse_decision(doc)
    assert decision.recommendations == ()
    assert [p.code for p in decision.problems] == ["resolved-without-list"]


def test_no_record_section_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match=r"t\.txt: no 'Record of the Decision'"):
        parse_decision(read_text_bytes(b"Title of Item/Report\nX\n", "t.txt"))


def test_looks_like_decision_needs_resolved_and_headings() -> None:
    assert not looks_like_decision(["RESOLVED that the minutes be agreed."])
    assert not looks_like_decision(["Title of Item/Report", "Reasons for the Decision", "x"])
