"""Cell text cleaning. Expected values were written by reading the papers.

"seed 000" is shared/seeds/000_b4fc851ac10b9df1.txt (the progress tracker), "seed 003" is
shared/seeds/003_de6c0e377270c6f5.txt (the Cabinet proforma); numbers are line numbers.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.text import clean_text, document_vocabulary


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (  # seed 000 line 14: inline bullets
            "The LSCB ensure that a multi-agency co-ordinated training strategy be developed to:"
            " • Map out current provision • Identify any gaps • Identify who should receive"
            " training, frequency of training and assurance mechanisms • Introduce mandatory"
            " safeguarding training for Elected Members (including CSE)",
            "The LSCB ensure that a multi-agency co-ordinated training strategy be developed to:\n"
            "• Map out current provision\n"
            "• Identify any gaps\n"
            "• Identify who should receive training, frequency of training and assurance"
            " mechanisms\n"
            "• Introduce mandatory safeguarding training for Elected Members (including CSE)",
        ),
        (  # seed 003 lines 34–36: hyphen bullets on their own indented lines
            "The LSCB ensure that a multi-agency co-ordinated training strategy be developed to:\n"
            "  - Map out current provision\n"
            "  - Identify any gaps",
            "The LSCB ensure that a multi-agency co-ordinated training strategy be developed to:\n"
            "- Map out current provision\n"
            "- Identify any gaps",
        ),
        (  # seed 000 lines 26–30: recommendation 10 wrapped one phrase per line
            "The revised VEMT\nStrategy and Action Plan\nand strengthened\nperformance and quality",
            "The revised VEMT Strategy and Action Plan and strengthened performance and quality",
        ),
        (  # seed 000 lines 22–25: evidence wrapped across lines
            "Barnardo's have indicated this\nwork has been completed and will\n"
            "be reported to Tees Strategic\nVEMT meeting in May 2016.",
            "Barnardo's have indicated this work has been completed and will be reported to Tees"
            " Strategic VEMT meeting in May 2016.",
        ),
        # seed 000 line 40 ("Stockton-on-Tees:"), as if wrapped after a hyphen: kept, no space
        (
            "VEMT audits completed to date in Stockton-on-\nTees:",
            "VEMT audits completed to date in Stockton-on-Tees:",
        ),
        ("multi-agency co-\nordinated", "multi-agency co-ordinated"),  # seed 003 line 34, wrapped
        ("October 2014 –\nreported to SLSCB", "October 2014 – reported to SLSCB"),  # seed 000 41
        ("training -\nincluding", "training - including"),  # our own sample: a spaced dash
        ("Jan 2013–\nMar 2016", "Jan 2013–Mar 2016"),  # our own sample: a glued en dash
        # seed 000 line 11: a leading space and a trailing one
        (
            " The Safeguarding Forum for all education settings ",
            "The Safeguarding Forum for all education settings",
        ),
        ("CCG  and\ta new   education", "CCG and a new education"),  # our own sample
        ("infor\u00admation", "information"),  # our own sample: soft hyphen
        ("on the 19 th May 2015", "on the 19 th May 2015"),  # seed 000 line 17: kept as printed
        ("Chelsea’s “Choice” – 2016", "Chelsea’s “Choice” – 2016"),  # our own sample: kept
        # our own sample: a bullet glyph on a line of its own, as PDF extraction can give it
        (
            "developed to:\n•\nMap out current provision",
            "developed to:\n• Map out current provision",
        ),
        ("▪ one ◦ two", "▪ one\n◦ two"),  # our own sample: Word's second and third levels
        # our own sample: inline `-` and `*` are not bullets
        ("see note *below* - and -5", "see note *below* - and -5"),
        ("*Includes CSE", "*Includes CSE"),  # our own sample: a footnote mark, no space
        ("2015 meetings held on:\n\n17 March", "2015 meetings held on: 17 March"),  # seed 000 3–5
        ("", ""),
        (" \n\t ", ""),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_hyphen_dropped_only_when_the_document_spells_the_word_joined() -> None:
    # our own sample: "coordinating" is written unbroken elsewhere in the same document
    vocabulary = document_vocabulary(["VCSE Safeguarding Forum established as coordinating group"])
    assert clean_text("coordi-\nnating group", vocabulary) == "coordinating group"
    # ...but not when the hyphenated form is written too (seed 003 line 34 has "co-ordinated")
    both = document_vocabulary(["co-ordinated training", "coordinated training"])
    assert clean_text("co-\nordinated", both) == "co-ordinated"
    # ...and never without a vocabulary
    assert clean_text("coordi-\nnating group") == "coordi-nating group"


def test_document_vocabulary() -> None:
    # seed 000 line 2
    vocabulary = document_vocabulary(["The Tees strategic VEMT now has representation", "LSCB's"])
    assert {"tees", "vemt", "representation", "lscb's"} <= vocabulary
    assert document_vocabulary(["multi-agency co-ordinated"]) == {"multi-agency", "co-ordinated"}
    assert document_vocabulary([]) == frozenset()


# --- properties -------------------------------------------------------------------------------

MESSY = st.text(alphabet=list("ab Co-*•▪◦\n\t\u00ad.:–'"), max_size=40)
VOCABULARIES = st.frozensets(st.sampled_from(["ab", "a-b", "coo", "co-o", "bco", "b-co"]))


@given(st.text())
def test_clean_text_never_raises_and_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


@given(MESSY, VOCABULARIES)
def test_clean_text_is_idempotent_on_messy_text(raw: str, vocabulary: frozenset[str]) -> None:
    once = clean_text(raw, vocabulary)
    assert clean_text(once, vocabulary) == once


@given(MESSY)
def test_clean_text_loses_no_words(raw: str) -> None:
    # Only whitespace, soft hyphens and (with a vocabulary) wrap hyphens may go.
    kept = clean_text(raw).replace("\n", "").replace(" ", "")
    assert kept == "".join(raw.replace("\u00ad", "").split())


@given(st.lists(st.text()))
def test_document_vocabulary_never_raises(texts: list[str]) -> None:
    assert all(word == word.lower() for word in document_vocabulary(texts))
