"""The vocabularies the normalisers use, loaded from the data files shipped in ``normalise/data``.

Word lists are plain text (one entry a line, ``#`` comments); assessment scales are JSON. They
are package data, not user files, so reading them here does not break "only ingest reads files".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

POST_TITLES_FILE = "post_titles.txt"
NOT_NAME_WORDS_FILE = "not_name_words.txt"
ASSESSMENT_SCALES_FILE = "assessment_scales.json"


@dataclass(frozen=True)
class ScaleEntry:
    """One point on an assessment scale: its code, canonical label and other wordings seen."""

    code: str
    label: str
    aliases: tuple[str, ...]

    @property
    def wordings(self) -> tuple[str, ...]:
        """Given an entry, return every wording that names it, the canonical label first."""
        return (self.label, *self.aliases)


@dataclass(frozen=True)
class AssessmentScale:
    """A named scale, the header wording that selects it, and its entries in order."""

    name: str
    description: str
    hint_patterns: tuple[str, ...]
    #: True when the codes are distinctive enough to stand alone in a cell (`G`, `A`, `R`);
    #: False for digits, which need the column header to say which scale they are on.
    bare_codes: bool
    entries: tuple[ScaleEntry, ...]


def _read_data(name: str) -> str:
    return resources.files("normalise").joinpath("data", name).read_text(encoding="utf-8")


def parse_word_list(text: str) -> tuple[str, ...]:
    """Given a word-list file's text, return its entries in order (comments and blanks dropped)."""
    entries = (line.strip() for line in text.splitlines())
    return tuple(e for e in entries if e and not e.startswith("#"))


@cache
def load_post_titles() -> tuple[str, ...]:
    """Return the post-title heads (`Head of`, `Chair`, …) that start an officer's post."""
    return parse_word_list(_read_data(POST_TITLES_FILE))


@cache
def load_not_name_words() -> frozenset[str]:
    """Return the lower-cased words that mark a capitalised phrase as a service, not a person."""
    return frozenset(w.lower() for w in parse_word_list(_read_data(NOT_NAME_WORDS_FILE)))


def _entry(data: dict[str, Any]) -> ScaleEntry:
    return ScaleEntry(
        code=str(data["code"]),
        label=str(data["label"]),
        aliases=tuple(str(a) for a in data.get("aliases", ())),
    )


def parse_assessment_scales(text: str) -> tuple[AssessmentScale, ...]:
    """Given the scales file's JSON text, return its scales (raises ValueError if malformed)."""
    try:
        data = json.loads(text)
        return tuple(
            AssessmentScale(
                name=str(scale["name"]),
                description=str(scale.get("description", "")),
                hint_patterns=tuple(str(p) for p in scale.get("hint_patterns", ())),
                bare_codes=bool(scale.get("bare_codes", False)),
                entries=tuple(_entry(e) for e in scale["entries"]),
            )
            for scale in data["scales"]
        )
    except (KeyError, TypeError, json.JSONDecodeError) as error:
        raise ValueError(f"{ASSESSMENT_SCALES_FILE}: malformed scale data ({error!r})") from error


@cache
def load_assessment_scales() -> tuple[AssessmentScale, ...]:
    """Return the assessment scales (`categories-1-4`, `complete-ongoing`, `rag`) in file order."""
    return parse_assessment_scales(_read_data(ASSESSMENT_SCALES_FILE))
