"""Tell page furniture and extraction junk apart from the text of a table's cells.

Real extracts carry OCR'd running headers (`1 Togress opeats Office Coxeta Experience`,
`r rogress opuale – Criliu Sexual Exploitation`), page numbers glued into rows (`1 1 … 1`, `2`),
noise (`1.55.03 25`, `00000.`, `a -`) and lines in the wrong script. Everything dropped here is
reported by the caller as a `furniture-dropped` problem, so nothing disappears unlisted.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

from rapidfuzz import fuzz

from parsers.refs import bare_marker
from parsers.vocabulary import words

# Whole lines that council papers print as running headers. OCR garbles them, so they are
# compared fuzzily, but only as whole lines: "of the scrutiny review of" inside a wrapped
# recommendation is content. The document's own furniture (found by the PDF reader) is added.
RUNNING_HEADERS = (
    "progress update",
    "progress report",
    "appendix",
)
_FUZZY_MATCH = 80

_LETTER = re.compile(r"[^\W\d_]")
_YEAR = re.compile(r"^\(?(?:19|20)\d{2}\)?[.,;:]?$")
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\.?$")
_TERMINAL = (".", "!", "?", ":", ";", ")")
_MARKER_PREFIX = re.compile(r"^\(?[a-k][.)]\s+")


def _is_date_like(text: str) -> bool:
    m = _NUMERIC_DATE.match(text)
    if m:
        day, month = int(m.group(1)), int(m.group(2))
        return 1 <= day <= 31 and 1 <= month <= 12
    return bool(_YEAR.match(text))


def is_foreign_script(text: str) -> bool:
    """True when most letters are not Latin (a Thai-script OCR line in an English paper)."""
    letters = [ch for ch in text if _LETTER.match(ch)]
    if not letters:
        return False
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return latin < len(letters) / 2


def is_cell_junk(text: str) -> bool:
    """True for a cell on a continuation line that cannot be table content.

    Digits without letters (page numbers, `00000.`, `1.55.03 25`) unless a date or a year
    (`2015.` ends a wrapped sentence in the seed); no word of two letters or more (`a -`) unless a
    bare sub-item marker; or a line in another script.
    """
    text = text.strip()
    if not text or bare_marker(text):
        return False
    # `a. 01/11/15` (rec 6a in the PDFs): judge what follows a sub-item marker.
    text = _MARKER_PREFIX.sub("", text, count=1) or text
    if not _LETTER.search(text):
        return not _is_date_like(text)
    if not re.search(r"[^\W\d_]{2,}", text):
        return True
    return is_foreign_script(text)


def running_header_score(text: str, furniture: Iterable[str] = ()) -> float:
    """How closely the whole of `text` resembles a running header, 0–100."""
    low = " ".join(text.lower().split())
    candidates = [*RUNNING_HEADERS, *(" ".join(f.lower().split()) for f in furniture)]
    return max(fuzz.ratio(low, c) for c in candidates)


def is_furniture_line(
    text: str,
    *,
    after_break: bool,
    column_complete: bool,
    vocabulary: Counter[str],
    furniture: Iterable[str] = (),
) -> bool:
    """True for a one-cell continuation line that is a running header rather than content.

    Running headers sit at the top of a page, so only a line after a page break qualifies; it
    must then read like a known header, or be mostly words found nowhere else in the document
    (OCR garble) while the cell it would extend has already ended its sentence.
    `vocabulary`: word counts of the whole document.
    """
    if not after_break:
        return False
    if running_header_score(text, furniture) >= _FUZZY_MATCH:
        return True
    own = Counter(words(text))
    if not own:
        return False
    # A word is known if it occurs somewhere other than this line.
    unknown = sum(n for w, n in own.items() if vocabulary[w] <= n) / sum(own.values())
    return unknown >= 0.6 and column_complete


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)
