"""Find a tracker's header row by its words, not its position.

Council trackers name their columns with a small vocabulary ("No.", "Recommendation", "Link
Officer", "Anticipated Completion Date", "Quarter 1/2 evidence of progress", "Assessment of
progress"). A header cell *starts* with such a word; body cells start with "The", "Chair",
"01/08/15" or "1 – Fully Achieved", so counting first words tells the two apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from ingest.pdf_layout import TextLine, Word

#: First words of tracker column headings seen in council papers (Stockton's tracker uses the
#: first eight; the rest are the same columns under other councils' names).
HEADER_FIRST_WORDS = frozenset(
    {
        "no",
        "recommendation",
        "recommendations",
        "link",
        "anticipated",
        "quarter",
        "assessment",
        "evidence",
        "ref",
        "number",
        "item",
        "officer",
        "lead",
        "responsible",
        "target",
        "completion",
        "date",
        "due",
        "progress",
        "status",
        "rag",
        "action",
        "actions",
        "comments",
        "update",
        "category",
    }
)

#: Headings of the column that numbers the recommendations; a value there starts a new row.
KEY_COLUMN_WORDS = frozenset({"no", "ref", "number", "item", "#"})

#: Header cells that must start with a heading word, and the share of non-empty cells that must.
_MIN_HEADER_CELLS = 3
_MIN_HEADER_SHARE = 0.6

# Two texts of the same header on different pages (OCR may misread a letter or two).
_SAME_HEADER_SCORE = 90.0


def first_word(text: str) -> str:
    """Given a cell's text, return its first word in lower case without punctuation."""
    for token in text.split():
        word = re.sub(r"[^\w#]", "", token.lower())
        if word:
            return word
    return ""


def is_header_cells(texts: Sequence[str]) -> bool:
    """Given a row's cell texts, say whether it is a tracker header row."""
    filled = [t for t in texts if t.strip()]
    hits = sum(1 for t in filled if first_word(t) in HEADER_FIRST_WORDS)
    return hits >= _MIN_HEADER_CELLS and hits >= _MIN_HEADER_SHARE * len(filled)


def key_column(texts: Sequence[str]) -> int:
    """Given header cell texts, return the index of the numbering column (0 when unnamed)."""
    for i, text in enumerate(texts):
        if first_word(text) in KEY_COLUMN_WORDS:
            return i
    return 0


def split_at_gutters(words: Sequence[Word], gutter: float) -> list[list[Word]]:
    """Given one line's words left to right, split them where the gap is wider than `gutter`."""
    segments: list[list[Word]] = []
    for word in words:
        if segments and word.x0 - segments[-1][-1].x1 <= gutter:
            segments[-1].append(word)
        else:
            segments.append([word])
    return segments


def is_header_line(line: TextLine, gutter: float) -> bool:
    """Given a text line of a page without rulings, say whether it is a header row's first line.

    Words of a header row sit in separate columns, so the line must split at gutters into
    segments most of which start with a heading word (borderless sample, line "No. Recommendation
    Link Officer Anticipated Quarter 1/2 … Assessment of").
    """
    segments = split_at_gutters(line.words, gutter)
    return is_header_cells([" ".join(w.text for w in s) for s in segments])


def same_header(a: Sequence[str], b: Sequence[str]) -> bool:
    """Given two header rows' cell texts, say whether one repeats the other."""
    if len(a) != len(b):
        return False
    flat_a = " ".join(" ".join(t.split()) for t in a).lower()
    flat_b = " ".join(" ".join(t.split()) for t in b).lower()
    return bool(fuzz.ratio(flat_a, flat_b) >= _SAME_HEADER_SCORE)
