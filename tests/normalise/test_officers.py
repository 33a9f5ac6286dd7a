"""Responsibility cells split into officers. Expected values were written by reading the papers.

"seed 000" is shared/seeds/000_b4fc851ac10b9df1.txt (the progress tracker); numbers are line
numbers. Sub-item markers (`a.`, `b.`) are removed by the parser before these cells arrive.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalise.officers import normalise_officers
from normalise.vocabulary import load_post_titles


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # seed 000 line 11 (sub-item b.)
        (
            "Chair of CYPHWCG/ Head of Schools and SEN",
            ("Chair of CYPHWCG", "Head of Schools and SEN"),
        ),
        ("Head of Schools and SEN", ("Head of Schools and SEN",)),  # seed 000 line 11 (a.)
        ("Chief Executive CATALYST", ("Chief Executive CATALYST",)),  # seed 000 line 3
        ("Chair Tees Strategic VEMT", ("Chair Tees Strategic VEMT",)),  # seed 000 line 2
        ("Chair Tees\nStrategic VEMT", ("Chair Tees Strategic VEMT",)),  # seed 000 lines 26–27
        ("Corporate\nDirector, CESC", ("Corporate Director, CESC",)),  # seed 000 lines 29–30
        ("Corporate Director, CESC", ("Corporate Director, CESC",)),  # seed 000 lines 29–30
        (  # seed 000 line 14
            "Chair Hartlepool & Stockton LSCBs Multi Agency Training Group",
            ("Chair Hartlepool & Stockton LSCBs Multi Agency Training Group",),
        ),
        ("Head of Democratic Services", ("Head of Democratic Services",)),  # seed 000 line 17
        ("Chair of the VEMT Sub Group", ("Chair of the VEMT Sub Group",)),  # seed 000 line 20
        ("Director of Public Health", ("Director of Public Health",)),  # seed 000 line 19
        ("Chair of HWB", ("Chair of HWB",)),  # seed 000 line 10
        ("DM/PL/KL", ("DM", "PL", "KL")),  # our own sample: initials
        ("DM, PL and KL", ("DM", "PL", "KL")),  # our own sample
        (  # our own sample
            "Head of Community Safety / Head of Housing",
            ("Head of Community Safety", "Head of Housing"),
        ),
        ("Jane Smith / Tom Brown", ("Jane Smith", "Tom Brown")),  # our own sample
        ("Jane Smith and Tom Brown", ("Jane Smith", "Tom Brown")),  # our own sample
        ("J. Smith/T. Brown", ("J. Smith", "T. Brown")),  # our own sample
        ("Cllr Smith / Cllr Jones", ("Cllr Smith", "Cllr Jones")),  # our own sample
        (  # our own sample: seed 000 lines 18 and 19 in one cell
            "Head of CYP Services\nDirector of Public Health",
            ("Head of CYP Services", "Director of Public Health"),
        ),
        (  # our own sample
            "Director of Public Health and Chair of HWB",
            ("Director of Public Health", "Chair of HWB"),
        ),
        (  # our own sample: a person and their post are one officer
            "Jane Smith, Head of Housing",
            ("Jane Smith, Head of Housing",),
        ),
        (  # our own sample: a semicolon always separates
            "Head of Housing; Tees Valley Partnership",
            ("Head of Housing", "Tees Valley Partnership"),
        ),
        ("Children and Young People", ("Children and Young People",)),  # seed 000 line 2 words
        ("Community Safety / Housing", ("Community Safety / Housing",)),  # services, not names
        ("  Head of\n   Housing ,", ("Head of Housing",)),  # our own sample: stray separator
        ("", ()),
        ("  \n ", ()),
        (" / ", ()),
    ],
)
def test_normalise_officers(raw: str, expected: tuple[str, ...]) -> None:
    assert normalise_officers(raw) == expected


# --- properties -------------------------------------------------------------------------------

# Words that appear after a post-title head in the seeds' responsibility cells; none is a head.
QUALIFIERS = st.lists(
    st.sampled_from(
        [
            "Schools",
            "SEN",
            "CYP",
            "Services",
            "Public",
            "Health",
            "Tees",
            "Strategic",
            "VEMT",
            "Hartlepool",
            "&",
            "Stockton",
            "LSCBs",
            "the",
            "Sub",
            "Group",
            "Democratic",
            "HWB",
            "CYPHWCG",
            "CATALYST",
            "Housing",
            "Community",
            "Safety",
            "and",
            "Multi",
            "Agency",
        ]
    ),
    min_size=1,
    max_size=5,
).map(" ".join)
POSTS = st.builds(
    lambda head, qualifier, acronym: f"{head} {qualifier}{acronym}",
    st.sampled_from(load_post_titles()),
    QUALIFIERS.filter(lambda q: not q.startswith("and") and not q.endswith("and")),
    st.sampled_from(["", ", CESC", ", CYP"]),
)


@settings(max_examples=200)
@given(st.text())
def test_pieces_are_substrings_of_the_collapsed_input(raw: str) -> None:
    collapsed = " ".join(raw.split())
    for piece in normalise_officers(raw):
        assert piece and piece in collapsed


@settings(max_examples=200)
@given(st.text(alphabet=list("Head of Chair JS DM/;,\n and Smith Jane"), max_size=50))
def test_pieces_are_substrings_on_officer_like_text(raw: str) -> None:
    collapsed = " ".join(raw.split())
    for piece in normalise_officers(raw):
        assert piece and piece in collapsed


@given(st.lists(POSTS, min_size=1, max_size=4))
def test_posts_joined_by_slashes_round_trip(posts: list[str]) -> None:
    assert normalise_officers(" / ".join(posts)) == tuple(posts)


@given(st.lists(POSTS, min_size=1, max_size=4))
def test_posts_on_their_own_lines_round_trip(posts: list[str]) -> None:
    assert normalise_officers("\n".join(posts)) == tuple(posts)


# --- regressions found by the properties above --------------------------------------------------


def test_acronym_after_a_qualifier_is_not_split_off_as_initials() -> None:
    # `SEN` then `CYP` look like two sets of initials, but `SEN` is the end of a post.
    assert normalise_officers("Chair Schools and SEN, CYP") == ("Chair Schools and SEN, CYP",)


def test_post_title_formed_by_chance_across_a_line_break_still_splits() -> None:
    # `Strategic\nDirector` reads as the post title `Strategic Director` only by accident.
    assert normalise_officers("Chair Strategic\nDirector of Schools") == (
        "Chair Strategic",
        "Director of Schools",
    )
