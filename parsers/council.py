"""The council and the review topic a paper belongs to, from its own words."""

from __future__ import annotations

import re
from collections.abc import Iterable

# A name word is one capitalised run, `[A-Z][A-Za-z]*`. Written as two overlapping choices
# (`[A-Z][A-Za-z]+|[A-Z]+`), every all-capitals word could match two ways, and a capitals
# line naming no council took minutes to fail (all-capitals-title-line.txt). Names run to
# eight words at most (`Newcastle upon Tyne`, `Stockton-on-Tees` are three), so a line of
# thousands of capitalised words is scanned in linear time, not quadratic.
_COUNCIL = re.compile(
    r"\b([A-Z][A-Za-z]*(?:[- ](?:on|upon|under|le|by|in|the|[A-Z][A-Za-z]*)){0,7})"
    r"\s+(BOROUGH|CITY|COUNTY|DISTRICT|METROPOLITAN BOROUGH|Borough|City|County|District"
    r"|Metropolitan Borough)\s+(COUNCIL|Council)\b"
)
_SMALL = {"on", "upon", "under", "le", "by", "in", "the", "of"}
_TOPIC = (
    re.compile(r"progress\s+update\s*[–—:-]\s*(.+)", re.I),
    re.compile(r"(?:scrutiny\s+)?review\s+of\s+(.+?)(?:\s*[–—:-]\s*progress.*)?$", re.I),
)


def _title_case(name: str) -> str:
    if not name.isupper():
        return name
    words = re.split(r"([- ])", name.lower())
    return "".join(w if w in _SMALL or w in "- " else w.capitalize() for w in words)


def find_council(lines: Iterable[str]) -> str | None:
    """Given a document's lines, return the first council it names ("X Borough Council")."""
    for line in lines:
        m = _COUNCIL.search(line)
        if m:
            return _title_case(f"{m.group(1)} {m.group(2)} {m.group(3)}")
    return None


def find_topic(candidates: Iterable[str]) -> str | None:
    """Given running headers or title lines, return the review topic they name, if any."""
    for text in candidates:
        text = re.sub(r"\s+", " ", text).strip()
        for pattern in _TOPIC:
            m = pattern.search(text)
            if m:
                return m.group(1).strip(" .–-")
    return None
