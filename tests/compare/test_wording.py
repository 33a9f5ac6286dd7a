"""The wording verdicts and redlines on a table of real and typical edits, each with its reason."""

from __future__ import annotations

from collections import Counter

import pytest

from compare.redline import Segment, format_redline, redline_words
from compare.vocabulary import SUBSTANTIVE_CATEGORIES, load_status_orders, load_wording_rules
from compare.wording import classify_wording, cosmetic_key, similarity
from tests.golden import stockton_cse as seed

CASES = [
    # Seeds: the decision's rec 1 prints `groups / SLSCB`, the tracker `groups/SLSCB`.
    (seed.DECISIONS[0]["text"], seed.REC_1, "cosmetic", "differs only in spacing"),
    # Seeds: rec 6's bullets are `- ` in the decision and `• ` in the tracker.
    (seed.DECISIONS[5]["text"], seed.REC_6, "cosmetic", "differs only in bullets"),
    (seed.REC_10, seed.REC_10, "identical", ""),
    # A line wrap is not a difference (the parser cleans wraps, but PDFs wrap differently).
    ("The report be submitted\nto the LSCB.", "The report be submitted to the LSCB.", "identical", ""),
    ("The LSCB consider it.", "The lscb consider it", "cosmetic", "differs only in punctuation and case"),
    ("The ‘Future in Mind’ programme", "The 'Future in Mind' programme", "cosmetic", "differs only in quote marks"),
    ("a multi-agency co-ordinated strategy", "a multi-agency coordinated strategy", "cosmetic", "differs only in punctuation"),
    # The brief's example of a minor change, and articles either way.
    ("The Council review its policy.", "Council review its policy.", "minor", "minor words only: removed 'The'"),
    ("as well as work with parents", "as well as work with the parents", "minor", "minor words only: added 'the'"),
    ("Partners organise a forum.", "Partners organize a forum.", "minor", "spelling only: organise/organize"),
    # Words that change the ask.
    ("The Council must review it.", "The Council should review it.", "substantive", "obligation changed (must/should/consider): removed 'must'; added 'should'"),
    ("The LSCB ensure training is delivered.", "The LSCB consider training is delivered.", "substantive", "obligation changed (must/should/consider): removed 'ensure'; added 'consider'"),
    ("Report back by March 2016.", "Report back by June 2016.", "substantive", "dates changed: removed 'March'; added 'June'"),
    ("Offer 3 sessions a year.", "Offer 4 sessions a year.", "substantive", "numbers changed: removed '3'; added '4'"),
    ("Review 1.5 times a year.", "Review 15 times a year.", "substantive", "numbers changed: removed '1.5'; added '15'"),
    ("Schools do not charge for it.", "Schools do charge for it.", "substantive", "negation changed: removed 'not'"),
    ("All schools be offered a worker.", "Schools be offered a worker.", "substantive", "quantity changed (all/any/every): removed 'All'"),
    ("The report be submitted to the LSCB.", "The report be submitted to the Cabinet.", "substantive", "actor changed: removed 'LSCB'; added 'Cabinet'"),
    ("The report be submitted to the LSCB.", "The report be submitted to the HWB.", "substantive", "actor changed: removed 'LSCB'; added 'HWB'"),
    ("A reviews B.", "B reviews A.", "substantive", "word order changed"),
    ("Awareness raising activities be developed.", "Awareness raising activities be developed with parents and carers via schools.", "substantive", "clause added or removed: added 'with parents and carers via schools'"),
    ("The plan be updated.", "The plan be published.", "substantive", "words changed: removed 'updated'; added 'published'"),
    # More than four minor words is more than "a few".
    ("Council review policy", "The Council review the policy that is the", "substantive", "words changed: added 'The the that is the'"),
]  # fmt: skip


@pytest.mark.parametrize(("old", "new", "verdict", "reason"), CASES)
def test_verdict_and_reason(old: str, new: str, verdict: str, reason: str) -> None:
    result = classify_wording(old, new)
    assert (result.verdict, result.reason) == (verdict, reason)


@pytest.mark.parametrize(("old", "new", "verdict", "reason"), CASES)
def test_verdict_is_symmetric(old: str, new: str, verdict: str, reason: str) -> None:
    assert classify_wording(new, old).verdict == verdict


def test_similarity_is_the_share_of_words_in_order() -> None:
    assert similarity("a b c d", "a b c d") == 100
    assert similarity("a b c d", "a x c d") == 75  # 2·3 / 8
    assert similarity("a b", "c d") == 0
    assert similarity("", "") == 100
    # Case, punctuation and UK/US spelling do not count against it.
    assert similarity("Organise the Forum.", "organize the forum") == 100


def test_cosmetic_key_keeps_what_numbers_need() -> None:
    assert cosmetic_key("£1,500 by 2015/16") == "£1,500by2015/16"
    assert cosmetic_key("VEMT groups / SLSCB") == cosmetic_key("VEMT groups/SLSCB")
    assert cosmetic_key("to:\n- Map out") == cosmetic_key("to:\n• Map out")


@pytest.mark.parametrize(
    ("old", "new", "redline"),
    [
        ("a b c", "a x c", "a [-b-]{+x+} c"),
        ("p q r", "q r", "[-p-] q r"),
        ("q r", "p q r", "{+p+} q r"),
        ("x y", "x y z", "x y {+z+}"),
        ("", "x", "{+x+}"),
        ("to:\n- Map out", "to:\n• Map out", "to:\n[---]{+•+} Map out"),
        # A shared `and` between two rewrites is folded in: old text, then new text.
        ("cats and dogs", "mice and rats", "[-cats and dogs-]{+mice and rats+}"),
    ],
)
def test_redline_marks(old: str, new: str, redline: str) -> None:
    assert format_redline(redline_words(old, new)) == redline


def test_redline_segments_are_data() -> None:
    assert redline_words("a b", "a c") == (
        Segment("equal", "a "),
        Segment("delete", "b"),
        Segment("insert", "c"),
    )


def test_word_lists_load_without_duplicates() -> None:
    rules = load_wording_rules()
    words = [*rules.minor_words, *(w for c in SUBSTANTIVE_CATEGORIES for w in rules.substantive[c])]
    assert [w for w, n in Counter(words).items() if n > 1] == []
    assert {"the", "a", "an"} <= rules.minor_words
    assert {"must", "should"} <= rules.substantive["obligation"]
    assert "not" in rules.substantive["negation"]
    assert 0 < rules.max_minor_words < 10


def test_status_orders_cover_every_scale() -> None:
    from normalise.vocabulary import load_assessment_scales

    orders = load_status_orders()
    for scale in load_assessment_scales():
        assert sorted(orders[scale.name].order) == sorted(e.code for e in scale.entries)
    assert orders["categories-1-4"].order == ("1", "2", "3", "4")  # 1 Fully Achieved is best
    assert orders["rag"].order[1:] == ("G", "A", "R")
