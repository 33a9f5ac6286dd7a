"""The words a document uses, so a line can be judged by whether its words occur elsewhere.

OCR'd running headers are made of words found nowhere else in the paper (`Togress`, `opuale`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

_WORD = re.compile(r"[^\W\d_]{3,}")


def words(text: str) -> list[str]:
    """Given text, return its words of three letters or more, lower-cased."""
    return [w.lower() for w in _WORD.findall(text)]


def document_words(texts: Iterable[str]) -> Counter[str]:
    """Given a document's lines, return how often each word occurs."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(words(text))
    return counts
