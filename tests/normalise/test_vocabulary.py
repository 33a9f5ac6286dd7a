"""The shipped vocabularies load, and no entry is listed twice."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from normalise.vocabulary import (
    load_assessment_scales,
    load_not_name_words,
    load_post_titles,
    parse_assessment_scales,
    parse_word_list,
)


def _duplicates(items: list[str]) -> list[str]:
    counts = Counter(" ".join(item.casefold().split()) for item in items)
    return sorted(item for item, n in counts.items() if n > 1)


def test_post_titles_load_without_duplicates() -> None:
    titles = load_post_titles()
    # The heads seen in seed 000's Link Officer column must be there.
    assert {
        "Chair",
        "Chair of",
        "Head of",
        "Director of",
        "Corporate Director",
        "Chief Executive",
    } <= set(titles)
    assert _duplicates(list(titles)) == []
    assert all(title == title.strip() and title for title in titles)


def test_not_name_words_load_without_duplicates() -> None:
    from importlib import resources

    text = resources.files("normalise").joinpath("data", "not_name_words.txt").read_text()
    assert _duplicates(list(parse_word_list(text))) == []
    assert {"schools", "services", "safety"} <= load_not_name_words()


def test_assessment_scales_load_without_duplicates() -> None:
    scales = load_assessment_scales()
    assert [s.name for s in scales] == ["categories-1-4", "complete-ongoing", "rag"]
    assert _duplicates([s.name for s in scales]) == []
    for scale in scales:
        assert _duplicates([e.code for e in scale.entries]) == [], scale.name
        assert _duplicates([e.label for e in scale.entries]) == [], scale.name
        for pattern in scale.hint_patterns:
            re.compile(pattern)
    # A label or alias may name only one entry on any scale, so a label alone is never ambiguous.
    wordings = [w for s in scales for e in s.entries for w in e.wordings]
    assert _duplicates(wordings) == []


def test_stockton_categories_are_as_printed() -> None:
    # seed 000: "1 – Fully Achieved", "2 – On track", "3 - Slipped"; the header names 1-4.
    categories = load_assessment_scales()[0]
    assert [(e.code, e.label) for e in categories.entries] == [
        ("1", "Fully Achieved"),
        ("2", "On track"),
        ("3", "Slipped"),
        ("4", "Not Achieved"),
    ]


def test_parse_word_list_skips_comments_and_blanks() -> None:
    assert parse_word_list("# a comment\n\nChair\n  Head of  \n") == ("Chair", "Head of")


@pytest.mark.parametrize("text", ["{", "{}", '{"scales": [{"name": "x"}]}'])
def test_malformed_scales_raise_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        parse_assessment_scales(text)
