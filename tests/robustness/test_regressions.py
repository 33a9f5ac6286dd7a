"""Bugs fuzzing found in the text path, one test each, named after the bug; each sample is in
``tests/robustness/regressions/`` (and so among the fuzzer's seeds too)."""

from __future__ import annotations

import itertools
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from councilpapers.pipeline import process_file
from parsers.cells import _best_split, _fit
from parsers.council import find_council
from parsers.records import Role
from tests.conftest import DECISION_SEED
from tests.robustness.harness import time_bound

REGRESSIONS = Path(__file__).parent / "regressions"


def test_all_capitals_title_line_does_not_hang_the_council_search() -> None:
    # `CABINET DEC DEC … DECISION PROFORMA`: the council pattern matched each capitals word
    # two ways, 2^40 tries before failing.
    with time_bound(2):
        result = process_file(REGRESSIONS / "all-capitals-title-line.txt")
    assert [r.rec_no for r in result.decisions] == ["1", "2", "3"]
    assert find_council(["STOCKTON-ON-TEES BOROUGH COUNCIL"]) == "Stockton-on-Tees Borough Council"
    assert find_council(["Report to A B City Council"]) == "A B City Council"


def test_a_head_line_of_20000_words_is_read_in_linear_time(tmp_path: Path) -> None:
    # A decision record whose heading lost its line breaks: the body-before-"Meeting" and
    # council patterns scanned from every word to the line's end (a minute each).
    sample = DECISION_SEED.read_text(encoding="utf-8")
    long_line = "Scrutiny Review Of Proceedings " * 5000
    path = tmp_path / "one-line-head.txt"
    path.write_text(f"{long_line}\n{sample}", encoding="utf-8")
    with time_bound(5):
        result = process_file(path)
    assert len(result.decisions) == 11


def test_slash_wall_line_is_split_in_linear_time() -> None:
    # A row walled with 800 ` / `: choosing cell boundaries was cubic in the pieces (minutes).
    with time_bound(5):
        result = process_file(REGRESSIONS / "slash-wall-line.txt")
    row = result.progress[-1]
    assert (row.rec_no, row.due_raw) == ("4", "June 2014")
    assert row.officer_raw == "Head of Community Safety"
    assert row.status_raw.endswith("1 – Fully Achieved")


def test_repeated_header_line_is_not_a_600_column_header() -> None:
    # A header line repeated 100 times across one line read as a 600-column tracker: each row
    # split into 600 cells and 100 quarters (11 s). No tracker has more than 40 columns.
    with time_bound(2):
        result = process_file(REGRESSIONS / "repeated-header-line.txt")
    assert result.error is not None and result.error.code == "kind-unknown"


def test_a_megabyte_officer_cell_is_read_not_an_internal_error(tmp_path: Path) -> None:
    # spaCy refuses texts over a million characters (E088): a broken extract whose officer
    # cell ran to a megabyte cost its whole file as an internal error.
    header = "No.\tRecommendation\tLink Officer\tTarget Date\tProgress\tAssessment of progress"
    cell = "x" * 1_000_001
    path = tmp_path / "megabyte-officer-cell.txt"
    path.write_text(f"{header}\n1\tHours be reviewed.\t{cell}\tMay 2017\tDone.\t1\n")
    result = process_file(path)
    assert result.error is None
    assert [r.officer_raw for r in result.progress] == [cell]


_PIECES = ("1", "10.", "Head of X", "Chair of Y", "March 2014", "01/08/15", "2 – On track",
           "Achieved", "the plan", "", "DM/PL", "SR (25/26) 01", "attendance")  # fmt: skip
_ROLES: tuple[Role, ...] = ("no", "recommendation", "officer", "date", "evidence", "assessment")


def _exhaustive_split(pieces: list[str], roles: tuple[Role, ...], sep: str) -> list[str]:
    """Every way to cut the pieces, scored; the first best (earliest cuts) wins."""
    m, n = len(pieces), len(roles)
    best: tuple[float, tuple[int, ...]] | None = None
    for cuts in itertools.combinations(range(1, m), n - 1):
        bounds = (0, *cuts, m)
        total = sum(_fit(roles[c], sep.join(pieces[bounds[c] : bounds[c + 1]])) for c in range(n))
        if best is None or total > best[0]:
            best = (total, bounds)
    assert best is not None
    return [sep.join(pieces[best[1][c] : best[1][c + 1]]).strip() for c in range(n)]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_ROLES), min_size=2, max_size=6).flatmap(
        lambda roles: st.tuples(
            st.just(tuple(roles)),
            st.lists(st.sampled_from(_PIECES), min_size=len(roles) + 1, max_size=11),
            st.sampled_from((" / ", "|")),
        )
    )
)
def test_slash_wall_fix_splits_short_lines_as_exhaustive_search_does(
    case: tuple[tuple[Role, ...], list[str], str],
) -> None:
    roles, pieces, sep = case
    assert _best_split(pieces, roles, sep) == _exhaustive_split(pieces, roles, sep)
