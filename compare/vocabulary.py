"""The word lists and status orders the comparisons use, loaded from ``compare/data``.

They are package data, not user files (like ``normalise/vocabulary.py``), so reading them here
does not break "only ingest reads files". Each loader checks the file and fails loudly on a
duplicate, because a word in two categories would make a verdict depend on dictionary order.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

WORDING_FILE = "wording.json"
STATUS_ORDER_FILE = "status_order.json"

#: Categories that make a wording change substantive, in the order a reason names them.
SUBSTANTIVE_CATEGORIES = ("number", "date", "obligation", "negation", "quantity", "actor")


@dataclass(frozen=True)
class WordingRules:
    """What the drift classifier treats as minor, what as substantive, and spelling pairs."""

    max_minor_words: int
    minor_words: frozenset[str]
    #: category → words; a changed word in any of them makes the change substantive.
    substantive: dict[str, frozenset[str]]
    #: (US suffix or word, UK form), applied to whole words and word endings on both sides.
    spelling: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class StatusOrder:
    """One assessment scale's codes from best to worst, and which of them mean achieved."""

    scale: str
    order: tuple[str, ...]
    done: frozenset[str]
    done_if_evidence_says: frozenset[str]


def _read(name: str) -> Any:
    return json.loads(resources.files("compare").joinpath("data", name).read_text("utf-8"))


def _unique(words: list[str], where: str) -> list[str]:
    seen: set[str] = set()
    for word in words:
        if word != word.casefold() or word in seen:
            raise ValueError(f"compare/data/{where}: {word!r} is repeated or not lower case")
        seen.add(word)
    return words


@cache
def load_wording_rules() -> WordingRules:
    """Return the drift classifier's word lists (``data/wording.json``)."""
    data = _read(WORDING_FILE)
    minor = _unique(data["minor_words"], "wording.json minor_words")
    categories = data["substantive"]
    if tuple(categories) != SUBSTANTIVE_CATEGORIES:
        raise ValueError(f"compare/data/wording.json: categories must be {SUBSTANTIVE_CATEGORIES}")
    # A word in two lists would make a verdict depend on which list is read first.
    _unique([*minor, *(w for c in SUBSTANTIVE_CATEGORIES for w in categories[c])], "wording.json")
    return WordingRules(
        max_minor_words=int(data["max_minor_words"]),
        minor_words=frozenset(minor),
        substantive={c: frozenset(categories[c]) for c in SUBSTANTIVE_CATEGORIES},
        spelling=tuple((us, uk) for us, uk in data["spelling"]),
    )


@cache
def load_status_orders() -> dict[str, StatusOrder]:
    """Return each scale's order of codes, best first (``data/status_order.json``)."""
    orders = {}
    for scale, spec in _read(STATUS_ORDER_FILE)["scales"].items():
        order = tuple(spec["order"])
        if len(set(order)) != len(order) or not set(spec["done"]) <= set(order):
            raise ValueError(f"compare/data/status_order.json: scale {scale} is inconsistent")
        orders[scale] = StatusOrder(
            scale=scale,
            order=order,
            done=frozenset(spec["done"]),
            done_if_evidence_says=frozenset(spec["done_if_evidence_says"]),
        )
    return orders
