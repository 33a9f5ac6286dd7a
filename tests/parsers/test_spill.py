"""Evidence that spilled into the next row's cell."""

from __future__ import annotations

from parsers.spill import split_spill


def test_seed_rec_5_into_rec_6() -> None:
    moved = split_spill(
        "… will engage with the Barnardo's Audit tool. A questionnaire is being ",
        "developed with the Schools Health Unit in Exeter to explore pupil perceptions. The "
        "outcomes of the survey will inform targeted work and the Future in Mind training "
        "programme. Progressing but not yet completed. CSE training is a priority.",
    )
    assert moved == (
        "developed with the Schools Health Unit in Exeter to explore pupil perceptions. The "
        "outcomes of the survey will inform targeted work and the Future in Mind training "
        "programme.",
        "Progressing but not yet completed. CSE training is a priority.",
    )


def test_seed_rec_6a_into_6b() -> None:
    assert split_spill(
        "Full day CSE awareness training is delivered by\nBarnardo's three times per",
        "year across Stockton and Hartlepool. Achieved. Mandatory training held.",
    ) == ("year across Stockton and Hartlepool.", "Achieved. Mandatory training held.")


def test_no_status_opener_moves_one_sentence() -> None:
    assert split_spill("The survey is being", "run in May. Results follow in June.") == (
        "run in May.",
        "Results follow in June.",
    )


def test_finished_sentence_or_capital_start_is_not_a_spill() -> None:
    assert split_spill("Achieved.", "developed later.") is None
    assert split_spill("A questionnaire is being", "Achieved. Done.") is None
    assert split_spill("", "developed") is None
