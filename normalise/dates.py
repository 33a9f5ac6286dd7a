"""Dates as councils write them → `datetime.date`, with how precise the paper was.

A strict grammar of date shapes (day/month/year numbers, named months, month and year, a bare
year) decides *whether* a string is a date, so page numbers and OCR debris (`2`, `1.55.03 25`,
`00000.` in the tracker seed) are refused; dateparser then turns the shape into a date under an
explicit `DateSettings`, so a result never depends on the day it runs. English shapes only.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

Precision = Literal["day", "month", "year"]
DateOrder = Literal["DMY", "MDY", "YMD"]


@dataclass(frozen=True)
class DateSettings:
    """How to read ambiguous dates. Fixed defaults: English, day first, "now" is 1 Jan 2000.

    `relative_base` also centres the two-digit-year window: `15` is the year within 50 years of
    it (2015 for the default base), so `01/08/15` never depends on today.
    """

    languages: tuple[str, ...] = ("en",)
    date_order: DateOrder = "DMY"
    relative_base: dt.datetime = dt.datetime(2000, 1, 1)

    def __post_init__(self) -> None:
        if self.date_order not in ("DMY", "MDY", "YMD"):
            raise ValueError(f"date_order must be DMY, MDY or YMD, not {self.date_order!r}")
        if not self.languages:
            raise ValueError("languages must name at least one language, e.g. ('en',)")


DEFAULT_SETTINGS = DateSettings()


@dataclass(frozen=True)
class ParsedDate:
    """A date read from text: the text, the date, and whether the paper gave day, month or year.

    Month precision is stored as the first of the month, year precision as 1 January.
    """

    raw: str
    date: dt.date
    precision: Precision


@dataclass(frozen=True)
class DueDate:
    """A tracker's completion-date cell, read.

    `date` is the current deadline (the revised one, or the end of a range); `original` is the
    raw text of a superseded deadline written before it; `condition` is any wording that is not a
    date (`Post completion of JSNA`, `Ongoing`).
    """

    raw: str
    date: dt.date | None = None
    precision: Precision | None = None
    condition: str = ""
    original: str = ""
    original_date: dt.date | None = None
    start: dt.date | None = None


_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?(?![^\W\d_])"
)
_WEEKDAY = (
    r"(?:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?)\.?"
)
# `19 th May 2015` (seeds/000 line 17) has a space before the ordinal.
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:\s?(?:st|nd|rd|th)(?![^\W\d_]))?"
_YEAR = r"(?:19|20)\d\d"
# `Midnight on Friday, 20th March 2015` (seeds/003 line 66): a time and weekday before a date.
_LEAD = (
    rf"(?:(?:midnight|midday|noon|\d{{1,2}}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.))\s*,?\s*"
    rf"(?:on\s+)?)?(?:{_WEEKDAY},?\s+)?(?:the\s+)?"
)
_DATE = re.compile(
    rf"""
    (?<![\w.])
    (?:
        # 01/08/15, 21.05.15, 11/11/2013, 2015-03-12 (seeds/000 lines 2, 55, 59)
        (?P<numeric>{_LEAD}(?P<n1>\d{{1,4}})(?P<sep>[/.\-])(?P<n2>\d{{1,2}})(?P=sep)(?P<n3>\d{{1,4}}))
      | # 19 th May 2015, 12th March 2015, 1st of March 2015, 12-Mar-15
        (?P<dmy>{_LEAD}(?P<d_day>{_DAY})(?:\s+of)?[\s\-]*(?P<d_month>{_MONTH})[\s,\-]*
            (?:(?P<d_year>{_YEAR})|(?<=-)(?P<d_yy>\d\d)))
      | # March 12th, 2015
        (?P<mdy>{_LEAD}(?P<m_month>{_MONTH})\s*(?P<m_day>{_DAY}),?\s+(?P<m_year>{_YEAR}))
      | # September 2015, Sept 2015, Jan 2013, Sep-15, Sept '15
        (?P<my>(?P<y_month>{_MONTH})(?:[\s,]*(?P<y_year>{_YEAR})|(?:-|\s*['’])(?P<y_yy>\d\d)))
      | # 2015, but not the 2015 of 2015/16 or 2015-16 (financial years)
        (?P<year>{_YEAR}(?![/\-]\d))
    )
    (?![\w]|[.\-/]\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_SPACES = re.compile(r"\s+")
# Punctuation a date may be wrapped in: `21.05.15.` (seeds/000 line 55), `(September 2015)`.
_EDGE = " \t\n.,;:()[]"


@cache
def _parser(settings: DateSettings) -> DateDataParser:
    """Given settings, return a dateparser parser for them, built once (it is slow to load)."""
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(settings.languages),
        settings={
            "DATE_ORDER": settings.date_order,
            "RELATIVE_BASE": settings.relative_base,
            "PREFER_DAY_OF_MONTH": "first",
            "PARSERS": ["absolute-time"],
            "REQUIRE_PARTS": ["year"],
        },
    )


def _full_year(digits: str, settings: DateSettings) -> int:
    """Given a year as written (`15` or `2015`), return it in full, two digits near the base."""
    year = int(digits)
    if len(digits) > 2:
        return year
    base = settings.relative_base.year
    year += base - base % 100
    if year >= base + 50:
        year -= 100
    elif year < base - 50:
        year += 100
    return year


def _numeric(match: re.Match[str], settings: DateSettings) -> tuple[str, int] | None:
    """Given a numeric date match, return it with a four-digit year for dateparser, and the year."""
    n1, n2, n3 = match.group("n1", "n2", "n3")
    sep = "-" if len(n1) == 4 else "/"
    if len(n1) == 4 and len(n3) <= 2:  # 2015-03-12: unambiguous whatever the order
        return f"{n1}-{n2}-{n3}", int(n1)
    if settings.date_order == "YMD":
        if len(n1) not in (2, 4) or len(n3) > 2:
            return None
        year = _full_year(n1, settings)
        return f"{year}{sep}{n2}{sep}{n3}", year
    if len(n1) > 2 or len(n3) not in (2, 4):
        return None
    year = _full_year(n3, settings)
    return f"{n1}/{n2}/{year}", year


def _ordinal_free(day: str) -> str:
    return re.sub(r"\D", "", day)


def _canonical(match: re.Match[str], settings: DateSettings) -> tuple[str, int, Precision] | None:
    """Given a date-shape match, return (text for dateparser, year, precision), or None."""
    if match.group("numeric"):
        numeric = _numeric(match, settings)
        return None if numeric is None else (*numeric, "day")
    if match.group("dmy"):
        year_text = match.group("d_year") or match.group("d_yy")
        year = _full_year(year_text, settings)
        day = _ordinal_free(match.group("d_day"))
        return f"{day} {match.group('d_month').rstrip('.')} {year}", year, "day"
    if match.group("mdy"):
        year = int(match.group("m_year"))
        day = _ordinal_free(match.group("m_day"))
        return f"{day} {match.group('m_month').rstrip('.')} {year}", year, "day"
    if match.group("my"):
        year = _full_year(match.group("y_year") or match.group("y_yy"), settings)
        return f"{match.group('y_month').rstrip('.')} {year}", year, "month"
    year = int(match.group("year"))
    return str(year), year, "year"


def _to_date(match: re.Match[str], settings: DateSettings) -> ParsedDate | None:
    """Given a date-shape match, return the date it names, or None if there is no such date."""
    canonical = _canonical(match, settings)
    if canonical is None:
        return None
    text, year, precision = canonical
    parser = _parser(settings)  # outside the try: bad settings should raise
    try:
        data = parser.get_date_data(text)
    except Exception:  # dateparser has raised OverflowError etc. on odd input; never propagate
        return None
    if data.date_obj is None or data.date_obj.year != year:
        return None
    found = data.date_obj.date()
    if precision == "month":
        found = found.replace(day=1)
    elif precision == "year":
        found = dt.date(year, 1, 1)
    return ParsedDate(raw=match.group(), date=found, precision=precision)


def parse_date(text: str, settings: DateSettings = DEFAULT_SETTINGS) -> ParsedDate | None:
    """Given text that should be a single date, return it parsed, or None if it is not one.

    Whitespace and wrapping punctuation are ignored (`21.05.15.`); anything else around the date
    makes it not a date. Never raises on bad text.
    """
    cleaned = _SPACES.sub(" ", text).strip(_EDGE)
    match = _DATE.fullmatch(cleaned)
    if match is None:
        return None
    parsed = _to_date(match, settings)
    return None if parsed is None else ParsedDate(text, parsed.date, parsed.precision)


def find_dates(
    text: str, settings: DateSettings = DEFAULT_SETTINGS
) -> list[tuple[int, int, ParsedDate]]:
    """Given free text, return every date in it as (start, end, date), in order of appearance."""
    found = []
    for match in _DATE.finditer(text):
        parsed = _to_date(match, settings)
        if parsed is not None:
            found.append((match.start(), match.end(), parsed))
    return found


# Sub-item markers a caller may leave on: `a. September 2015` (seeds/000 line 11), `(b)`, `c)`.
_SUB_ITEM = re.compile(r"^(?:\(?[a-z]\)|[a-z]\.)\s+", re.IGNORECASE)
_RANGE_GAP = re.compile(r"^(?:-|–|—|to|until|till|through)$", re.IGNORECASE)
# Text between an original and a revised deadline that says only "this was revised".
_REVISION_GAP = re.compile(
    r"^[\s()\[\]→>,;:/–—-]*(?:(?:revised|rev\.?|amended|changed|moved|now)(?:\s+(?:to|date))?)?"
    r"[\s()\[\]→>,;:/–—-]*$",
    re.IGNORECASE,
)
# Words before a deadline that add nothing to it.
_FILLER = re.compile(
    r"^(?:by|due|due by|before|from|on|target|target date|deadline|date)$", re.IGNORECASE
)
_CONDITION_EDGE = " ,;:()[]→>–—-"


def _condition(pieces: list[str]) -> str:
    """Given the non-date pieces of a due-date cell, return the wording that qualifies it."""
    kept = []
    for piece in pieces:
        piece = piece.strip(_CONDITION_EDGE)
        if piece and not _REVISION_GAP.match(piece) and not _FILLER.match(piece):
            kept.append(piece)
    return " ".join(kept)


def normalise_due(raw: str, settings: DateSettings = DEFAULT_SETTINGS) -> DueDate:
    """Given a tracker's completion-date cell, return its current deadline and what qualifies it.

    Two dates joined by a dash or `to` are a range (`date` is the end); otherwise the later-written
    date is the revised, current one (`June 2015\\nApril 2016`). No date: `condition` is the text.
    """
    text = _SUB_ITEM.sub("", _SPACES.sub(" ", raw).strip())
    dates = find_dates(text, settings)
    if not dates:
        return DueDate(raw=raw, condition=text.strip(" ."))
    # Group the dates into deadlines: a single date, or a start–end range.
    deadlines: list[tuple[int, int, ParsedDate | None, ParsedDate]] = []
    pieces: list[str] = [text[: dates[0][0]]]
    index = 0
    while index < len(dates):
        start, end, parsed = dates[index]
        if index + 1 < len(dates):
            next_start, next_end, next_parsed = dates[index + 1]
            if _RANGE_GAP.match(text[end:next_start].strip()):
                deadlines.append((start, next_end, parsed, next_parsed))
                index += 2
                if index < len(dates):
                    pieces.append(text[next_end : dates[index][0]])
                continue
            pieces.append(text[end:next_start])
        deadlines.append((start, end, None, parsed))
        index += 1
    pieces.append(text[deadlines[-1][1] :])
    first_start, first_end, _, first_end_date = deadlines[0]
    _, _, current_start, current = deadlines[-1]
    revised = len(deadlines) > 1
    return DueDate(
        raw=raw,
        date=current.date,
        precision=current.precision,
        condition=_condition(pieces),
        original=text[first_start:first_end] if revised else "",
        original_date=first_end_date.date if revised else None,
        start=current_start.date if current_start else None,
    )


# `Achieved 21.05.15.` (seeds/000 line 55), `Completed on 3 September 2015` (our own sample).
_ACHIEVED = re.compile(
    r"(?<![\w])(?P<before>\w+\s+)?(?:achieved|completed|complete)\b\s*(?:(?:on|in)\b\s*|[:–-]\s*)?",
    re.IGNORECASE,
)
# `due to be completed in December 2015` (seeds/000 line 20) is a plan, not a completion.
_NOT_DONE = frozenset({"be", "not", "yet", "never", "when", "once", "until", "till"})


def find_achieved(evidence: str, settings: DateSettings = DEFAULT_SETTINGS) -> ParsedDate | None:
    """Given evidence text, return the date stated right after `Achieved`/`Completed`, if any.

    Only a date directly after the word counts: `Achieved. Update included in reports to Cabinet
    in July and October 2015.` gives None, because a later date may be about something else.
    """
    text = _SPACES.sub(" ", evidence)
    for keyword in _ACHIEVED.finditer(text):
        before = (keyword.group("before") or "").strip().lower()
        if before in _NOT_DONE:
            continue
        match = _DATE.match(text, keyword.end())
        if match is not None:
            parsed = _to_date(match, settings)
            if parsed is not None:
                return parsed
    return None


def find_achieved_on(evidence: str, settings: DateSettings = DEFAULT_SETTINGS) -> dt.date | None:
    """Given evidence text, return the day it says the work was achieved, if it says one.

    Only day-precision dates count (`Achieved April 2015` gives None here; see `find_achieved`).
    """
    found = find_achieved(evidence, settings)
    return found.date if found is not None and found.precision == "day" else None
