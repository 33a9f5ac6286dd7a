"""References and sub-item markers, from the papers we have seen."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parsers.refs import Reference, bare_marker, parse_reference, split_by_markers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", Reference("1", "")),  # seed tracker, every row
        ("10", Reference("10", "")),
        ("10.", Reference("10", "")),
        (" 7 ", Reference("7", "")),
        ("5a", Reference("5", "a")),
        ("5(b)", Reference("5", "b")),
        ("SR (25/26) 01", Reference("SR (25/26) 01", "")),  # pipe-separated sample
        ("SR(25/26)  02", Reference("SR (25/26) 02", "")),
        ("R3", Reference("R3", "")),
        ("Rec 4", Reference("4", "")),
        ("1.2", Reference("1.2", "")),
    ],
)
def test_references(text: str, expected: Reference) -> None:
    assert parse_reference(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "No.", "Recommendation", "1 1", "0", "00000.", "1.55.03 25", "a)", "The 1st"],
)
def test_not_references(text: str) -> None:
    assert parse_reference(text) is None


def test_markers_split_a_cell_listing_sub_items() -> None:
    # Seed tracker, rec 5: officer and date cells list both sub-items.
    assert split_by_markers("a. Head of Schools and SEN b. Chair of CYPHWCG/ Head of Schools") == {
        "a": "Head of Schools and SEN",
        "b": "Chair of CYPHWCG/ Head of Schools",
    }
    assert split_by_markers("a. September 2015 b. September 2015") == {
        "a": "September 2015",
        "b": "September 2015",
    }
    # Ruled PDF, rec 6: only `a.` is printed.
    assert split_by_markers("a. 01/11/15") == {"a": "01/11/15"}


def test_markers_must_run_in_order() -> None:
    assert split_by_markers("Chair of the group b. not a list") is None
    assert split_by_markers("a. Head of X see para c. below") == {
        "a": "Head of X see para c. below"
    }


@pytest.mark.parametrize(
    ("text", "letter"), [("a)", "a"), ("(b)", "b"), (" c. ", "c"), ("b", None)]
)
def test_bare_markers(text: str, letter: str | None) -> None:
    assert bare_marker(text) == letter


_ITEM = st.text(alphabet=st.sampled_from("ABCDEFGHIJ klmnop"), min_size=1, max_size=20).map(
    lambda s: " ".join(s.split()) or "X"
)


@given(st.lists(_ITEM, min_size=1, max_size=6))
def test_markers_round_trip(items: list[str]) -> None:
    letters = "abcdefgh"
    text = " ".join(f"{letters[i]}. {item}" for i, item in enumerate(items))
    assert split_by_markers(text) == {letters[i]: item for i, item in enumerate(items)}
