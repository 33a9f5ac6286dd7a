"""Dates as councils write them. Expected values were written by reading the papers.

"seed 000" is shared/seeds/000_b4fc851ac10b9df1.txt (the progress tracker), "seed 003" is
shared/seeds/003_de6c0e377270c6f5.txt (the Cabinet proforma); numbers are line numbers.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalise.dates import (
    DateSettings,
    DueDate,
    ParsedDate,
    find_achieved,
    find_achieved_on,
    normalise_due,
    parse_date,
)

# Pinned, never the defaults, so a change of default cannot change what these tests mean.
SETTINGS = DateSettings(languages=("en",), date_order="DMY", relative_base=datetime(2000, 1, 1))


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("01/08/15", date(2015, 8, 1), "day"),  # seed 000 line 2: day first, not 8 January
        ("01/11/15", date(2015, 11, 1), "day"),  # seed 000 line 14
        ("01/09/15", date(2015, 9, 1), "day"),  # seed 000 line 10
        ("01/07/15", date(2015, 7, 1), "day"),  # seed 000 line 18
        ("01/12/15", date(2015, 12, 1), "day"),  # seed 000 line 20
        ("September 2015", date(2015, 9, 1), "month"),  # seed 000 line 11
        ("Sept 2015", date(2015, 9, 1), "month"),  # our own sample
        ("19 th May 2015", date(2015, 5, 19), "day"),  # seed 000 line 17, space before "th"
        ("12th March 2015", date(2015, 3, 12), "day"),  # seed 003 line 9
        ("21.05.15", date(2015, 5, 21), "day"),  # seed 000 line 55
        ("21.05.15.", date(2015, 5, 21), "day"),  # seed 000 line 55, with its full stop
        ("27.04.15.", date(2015, 4, 27), "day"),  # seed 000 line 59
        ("Midnight on Friday, 20th March 2015", date(2015, 3, 20), "day"),  # seed 003 line 66
        ("16 March 2015", date(2015, 3, 16), "day"),  # seed 003 line 69
        ("29 June 2016", date(2016, 6, 29), "day"),  # seed 000 line 1 (header)
        ("3 September 2015", date(2015, 9, 3), "day"),  # seed 000 line 19
        ("15 December 2015", date(2015, 12, 15), "day"),  # our own sample
        ("11/11/2013", date(2013, 11, 11), "day"),  # our own sample (another tracker's header)
        ("2015", date(2015, 1, 1), "year"),  # seed 000 line 46
        ("Jan 2013", date(2013, 1, 1), "month"),  # our own sample
        ("Mar 2016", date(2016, 3, 1), "month"),  # our own sample
        ("July 2015", date(2015, 7, 1), "month"),  # seed 000 line 26 (after "a. ")
        ("April 2015", date(2015, 4, 1), "month"),  # seed 000 line 59
        ("  May\n2015 ", date(2015, 5, 1), "month"),  # our own sample: wrapped in a cell
        ("(September 2015)", date(2015, 9, 1), "month"),  # our own sample
        ("March 12th, 2015", date(2015, 3, 12), "day"),  # our own sample
        ("1st of March 2015", date(2015, 3, 1), "day"),  # our own sample
        ("12-Mar-15", date(2015, 3, 12), "day"),  # our own sample: spreadsheet export
        ("Sep-15", date(2015, 9, 1), "month"),  # our own sample: spreadsheet export
        ("2015-03-12", date(2015, 3, 12), "day"),  # our own sample: ISO
        ("01/08/99", date(1999, 8, 1), "day"),  # our own sample: two-digit year before 2000
    ],
)
def test_parse_date(text: str, expected: date, precision: str) -> None:
    assert parse_date(text, SETTINGS) == ParsedDate(text, expected, precision)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        "1.55.03 25",  # seed 000 line 56: OCR'd page furniture
        "00000.",  # seed 000 line 38
        "2",  # seed 000 line 56: a page number in the date column
        "1 1",  # seed 000 line 15
        "As above.",  # seed 000 line 10
        "TBC",  # our own sample
        "Ongoing",  # our own sample
        "N/A",  # seed 003 line 62
        "",
        "31/02/15",  # our own sample: no such day
        "2013/14",  # seed 003 line 50: a financial year, not a date
        "May",  # our own sample: no year
        "12 May",  # our own sample: no year
        "Post completion of JSNA September 2015",  # seed 000 line 6: more than a date
        "ายเลแบบ เบ เบเร ลเยล.",  # seed 000 line 54
    ],
)
def test_parse_date_refuses(text: str) -> None:
    assert parse_date(text, SETTINGS) is None


def test_date_order_setting_is_respected() -> None:
    mdy = DateSettings(date_order="MDY", relative_base=datetime(2000, 1, 1))
    parsed = parse_date("01/08/15", mdy)
    assert parsed is not None and parsed.date == date(2015, 1, 8)


def test_two_digit_years_follow_the_relative_base_not_today() -> None:
    # Within 50 years either side of the base: 45 is 2045 from 2000 but 1945 from 1990.
    assert parse_date("01/08/45", SETTINGS) == ParsedDate("01/08/45", date(2045, 8, 1), "day")
    early = DateSettings(relative_base=datetime(1990, 1, 1))
    assert parse_date("01/08/45", early) == ParsedDate("01/08/45", date(1945, 8, 1), "day")


@pytest.mark.parametrize(
    "kwargs",
    [{"date_order": "DDMMYY"}, {"languages": ()}],
)
def test_bad_settings_raise(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        DateSettings(**kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (  # seed 000 line 6
            "Post completion of JSNA September 2015",
            DueDate(
                "Post completion of JSNA September 2015",
                date(2015, 9, 1),
                "month",
                condition="Post completion of JSNA",
            ),
        ),
        ("01/08/15", DueDate("01/08/15", date(2015, 8, 1), "day")),  # seed 000 line 2
        ("April 2015", DueDate("April 2015", date(2015, 4, 1), "month")),  # seed 000 line 59
        # seed 000 line 11 / 26 / 55: sub-item markers the caller should strip, tolerated
        ("a. September 2015", DueDate("a. September 2015", date(2015, 9, 1), "month")),
        ("b. May 2015", DueDate("b. May 2015", date(2015, 5, 1), "month")),
        ("c. August 2015", DueDate("c. August 2015", date(2015, 8, 1), "month")),
        (  # our own sample: a revised deadline printed under the original
            "June 2015\nApril 2016",
            DueDate(
                "June 2015\nApril 2016",
                date(2016, 4, 1),
                "month",
                original="June 2015",
                original_date=date(2015, 6, 1),
            ),
        ),
        (  # our own sample
            "June 2015 revised to April 2016",
            DueDate(
                "June 2015 revised to April 2016",
                date(2016, 4, 1),
                "month",
                original="June 2015",
                original_date=date(2015, 6, 1),
            ),
        ),
        (  # our own sample
            "June 2015 → April 2016",
            DueDate(
                "June 2015 → April 2016",
                date(2016, 4, 1),
                "month",
                original="June 2015",
                original_date=date(2015, 6, 1),
            ),
        ),
        (  # our own sample: both on one line, nothing between
            "01/08/15 01/12/15",
            DueDate(
                "01/08/15 01/12/15",
                date(2015, 12, 1),
                "day",
                original="01/08/15",
                original_date=date(2015, 8, 1),
            ),
        ),
        (  # our own sample: a range with an en dash
            "Jan 2013 – Mar 2016",
            DueDate("Jan 2013 – Mar 2016", date(2016, 3, 1), "month", start=date(2013, 1, 1)),
        ),
        (  # our own sample: a range with a hyphen
            "Jan 2013 - Mar 2016",
            DueDate("Jan 2013 - Mar 2016", date(2016, 3, 1), "month", start=date(2013, 1, 1)),
        ),
        (  # our own sample: a range with "to"
            "Jan 2013 to Mar 2016",
            DueDate("Jan 2013 to Mar 2016", date(2016, 3, 1), "month", start=date(2013, 1, 1)),
        ),
        (  # our own sample: "by" adds nothing to the deadline
            "by March 2016",
            DueDate("by March 2016", date(2016, 3, 1), "month"),
        ),
        (  # our own sample
            "Ongoing – review March 2016",
            DueDate(
                "Ongoing – review March 2016",
                date(2016, 3, 1),
                "month",
                condition="Ongoing – review",
            ),
        ),
        ("Ongoing", DueDate("Ongoing", condition="Ongoing")),  # our own sample
        ("TBC", DueDate("TBC", condition="TBC")),  # our own sample
        ("N/A", DueDate("N/A", condition="N/A")),  # seed 003 line 62 (another field)
        ("2", DueDate("2", condition="2")),  # seed 000 line 56: a page number, not a date
        ("", DueDate("")),
        ("  \n ", DueDate("  \n ")),
    ],
)
def test_normalise_due(raw: str, expected: DueDate) -> None:
    assert normalise_due(raw, SETTINGS) == expected


@pytest.mark.parametrize(
    ("evidence", "expected"),
    [
        ("Achieved 21.05.15.", date(2015, 5, 21)),  # seed 000 line 55
        ("Achieved 27.04.15.", date(2015, 4, 27)),  # seed 000 line 59
        ("Achieved 19.03.16.", date(2016, 3, 19)),  # seed 000 line 58
        ("Completed on 3 September 2015", date(2015, 9, 3)),  # our own sample
        ("Complete: 01/08/15", date(2015, 8, 1)),  # our own sample
        ("The work has been completed on 3 September 2015.", date(2015, 9, 3)),  # our own
        # seed 000 line 18: the dates are in a later sentence, about something else
        ("Achieved. Update included in reports to Cabinet in July and October 2015.", None),
        # seed 000 line 19
        (
            "Achieved. The Stockton JSNA now has a specific section on CSE updated (author Head"
            " of CYP Services) on 3 September 2015.",
            None,
        ),
        # seed 000 line 17
        (
            "Achieved. Mandatory Safeguarding Children and Corporate Parenting training held for"
            " Elected Members on the 19 th May 2015",
            None,
        ),
        # seed 000 line 20: a plan, not a completion
        ("which is due to be completed in December 2015.", None),
        ("Progressing but not yet completed.", None),  # seed 000 line 14
        ("Achieved in May 2015", None),  # our own sample: month only, see find_achieved
        ("", None),
    ],
)
def test_find_achieved_on(evidence: str, expected: date | None) -> None:
    assert find_achieved_on(evidence, SETTINGS) == expected


def test_find_achieved_keeps_month_precision() -> None:
    # our own sample
    found = find_achieved("Achieved in May 2015", SETTINGS)
    assert found == ParsedDate("May 2015", date(2015, 5, 1), "month")


# --- properties -------------------------------------------------------------------------------

DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@given(st.text())
def test_date_functions_never_raise(text: str) -> None:
    parse_date(text, SETTINGS)
    normalise_due(text, SETTINGS)
    find_achieved_on(text, SETTINGS)


@given(st.text(alphabet="0123456789./- thstndrdJanMayJuneSeptAchieved\n", max_size=30))
def test_date_functions_never_raise_on_date_like_text(text: str) -> None:
    parse_date(text, SETTINGS)
    normalise_due(text, SETTINGS)
    find_achieved_on(text, SETTINGS)


@given(DATES)
def test_day_first_numeric_round_trips(day: date) -> None:
    text = day.strftime("%d/%m/%Y")
    assert parse_date(text, SETTINGS) == ParsedDate(text, day, "day")


@given(DATES, st.sampled_from(["%d %B %Y", "%d.%m.%y", "%d/%m/%y"]))
def test_day_formats_round_trip(day: date, fmt: str) -> None:
    text = day.strftime(fmt)
    assert parse_date(text, SETTINGS) == ParsedDate(text, day, "day")


@given(DATES, st.sampled_from(["%B %Y", "%b %Y", "%b-%y"]))
def test_month_formats_give_the_first_of_the_month(day: date, fmt: str) -> None:
    text = day.strftime(fmt)
    assert parse_date(text, SETTINGS) == ParsedDate(text, day.replace(day=1), "month")


@given(DATES, DATES)
def test_a_range_ends_on_its_second_date(first: date, second: date) -> None:
    raw = f"{first:%B %Y} – {second:%B %Y}"
    due = normalise_due(raw, SETTINGS)
    assert (due.start, due.date) == (first.replace(day=1), second.replace(day=1))
