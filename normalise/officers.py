"""A responsibility cell → the posts or people it names, one string each.

Cells name several officers joined by `/`, `;`, line breaks, `,` or ` and ` (`Chair of CYPHWCG/
Head of Schools and SEN`, seeds/000 line 11), but the same characters occur inside one post
(`Head of Schools and SEN`, `Corporate Director, CESC`, `Chair Tees\\nStrategic VEMT`). So a
separator splits only where what follows starts a new officer: a post-title head from
``data/post_titles.txt``, or initials or a name where the other side is initials or a name too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from normalise.vocabulary import load_not_name_words, load_post_titles

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

_SEPARATORS = frozenset({"/", ";", ","})
# Everything str.splitlines() breaks on: a line break inside a cell may separate two officers.
_LINE_BREAK = re.compile(r"[\n\r\f\v\x1c-\x1e\x85\u2028\u2029]")
# `DM/PL/KL`: two or three capitals (or `D.M.`) standing alone are someone's initials.
_INITIALS = r"^(?:[A-Z]{2,3}|(?:[A-Z]\.){2,3})$"
# A name word: `Jane`, `O'Neil`, `McDonald`. A lone capital, with or without a stop, is an initial.
_NAME_WORD = r"^(?:[A-Z][a-z]*['’])?[A-Z][a-z]+(?:[A-Z][a-z]+)?$"
_INITIAL = r"^[A-Z]\.?$"
_HONORIFICS = ["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "prof", "prof."]


@dataclass(frozen=True)
class _Segment:
    """A run of tokens between separators, and the separators that came before it."""

    start: int
    end: int
    separators: frozenset[str]


@cache
def _nlp() -> Language:
    """Return a blank English spaCy pipeline whose tokenizer also splits on `/`, `;` and `,`.

    Built once and lazily: importing spaCy takes most of a second.
    """
    import spacy
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    nlp = spacy.blank("en")
    # `CYPHWCG/ Head` (seeds/000 line 11): the default tokenizer keeps a trailing `/` on the word.
    extra = [r"/", r";", r","]
    tokenizer: Any = nlp.tokenizer
    defaults: Any = nlp.Defaults
    tokenizer.prefix_search = compile_prefix_regex([*defaults.prefixes, *extra]).search
    tokenizer.suffix_search = compile_suffix_regex([*defaults.suffixes, *extra]).search
    tokenizer.infix_finditer = compile_infix_regex([*defaults.infixes, *extra]).finditer
    # spaCy refuses texts over a million characters (E088) to spare a parser's memory; a blank
    # pipeline only tokenizes, and a megabyte officer cell in a broken extract raised an
    # internal error (test_a_megabyte_officer_cell_is_read_not_an_internal_error).
    nlp.max_length = 1 << 31
    return nlp


@cache
def _matchers() -> tuple[Any, Any]:
    """Return (post-title PhraseMatcher, initials-and-names Matcher) over `_nlp()`'s vocab."""
    from spacy.matcher import Matcher, PhraseMatcher

    nlp = _nlp()
    posts = PhraseMatcher(nlp.vocab, attr="LOWER")
    posts.add("POST", [nlp.make_doc(title) for title in load_post_titles()])

    not_name = sorted(
        load_not_name_words() | {w.lower() for t in load_post_titles() for w in t.split()}
    )
    word = {"TEXT": {"REGEX": _NAME_WORD}, "LOWER": {"NOT_IN": not_name}}
    initial = {"TEXT": {"REGEX": _INITIAL}}
    honorific = {"LOWER": {"IN": _HONORIFICS}, "OP": "?"}
    hyphen = {"ORTH": {"IN": ["-", "‐"]}}
    people = Matcher(nlp.vocab)
    people.add("INITIALS", [[{"TEXT": {"REGEX": _INITIALS}}]])
    people.add(
        "NAME",
        [
            [honorific, word, word],  # Jane Smith
            [honorific, word, word, word],  # Mary Ann Smith
            [honorific, word, word, hyphen, word],  # Jane Smith-Jones
            [honorific, initial, word],  # J. Smith
            [honorific, initial, initial, word],  # J. R. Smith
            [{"LOWER": {"IN": _HONORIFICS}}, word],  # Mrs Smith
        ],
    )
    return posts, people


def _collapse(raw: str) -> tuple[str, frozenset[int]]:
    """Given raw cell text, return it with whitespace collapsed and where line breaks were."""
    parts: list[str] = []
    breaks: set[int] = set()
    length = 0
    for match in re.finditer(r"\S+|\s+", raw.strip()):
        chunk = match.group()
        if chunk.isspace():
            if _LINE_BREAK.search(chunk):
                breaks.add(length)
            chunk = " "
        parts.append(chunk)
        length += len(chunk)
    return "".join(parts), frozenset(breaks)


def _segments(doc: Doc, breaks: frozenset[int]) -> list[_Segment]:
    """Given a doc and its line-break offsets, return the runs of tokens between separators."""
    segments: list[_Segment] = []
    pending: set[str] = set()
    start: int | None = None
    for token in doc:
        kind = token.text if token.text in _SEPARATORS else "and" if token.lower_ == "and" else None
        if token.i > 0 and token.idx - 1 in breaks:
            if start is not None:
                segments.append(_Segment(start, token.i, frozenset(pending)))
                pending, start = set(), None
            pending.add("newline")
        if kind is not None:
            if start is not None:
                segments.append(_Segment(start, token.i, frozenset(pending)))
                pending, start = set(), None
            pending.add(kind)
        elif start is None:
            start = token.i
    if start is not None:
        segments.append(_Segment(start, len(doc), frozenset(pending)))
    return segments


def _starts_new_officer(
    piece: tuple[int, int],
    after: _Segment,
    doc: Doc,
    posts: dict[int, int],
    people: dict[str, set[tuple[int, int]]],
) -> bool:
    """Given the officer read so far (a token span) and the next segment, return True if that
    segment names a different officer."""
    seps = after.separators
    if ";" in seps:
        # A semicolon never occurs inside a post title, so it always separates.
        return True
    # `Corporate\nDirector, CESC` (seeds/000 lines 29–30): the break falls inside the post title
    # the piece starts with. (In `Chair Strategic\nDirector X`, `Strategic Director` is chance.)
    if posts.get(piece[0], 0) > after.start:
        return False
    names = people["NAME"]
    initials = people["INITIALS"]
    if after.start in posts and doc[after.start].text[:1].isupper():
        # `Jane Smith, Head of Housing` is one person and their post, not two officers.
        return not ("," in seps and "/" not in seps and piece in names)
    # Whole pieces only: in `Head of Schools and SEN, CYP` the `SEN` before `CYP` is not initials.
    both = (piece, (after.start, after.end))
    return all(span in initials for span in both) or all(span in names for span in both)


def normalise_officers(raw: str) -> tuple[str, ...]:
    """Given a responsibility cell, return each post or person it names, whitespace collapsed.

    Wording is untouched; separators between officers are dropped, those inside a post kept.
    """
    text, breaks = _collapse(raw)
    if not text:
        return ()
    nlp = _nlp()
    doc = nlp.make_doc(text)
    post_matcher, people_matcher = _matchers()
    # Where each post title starts → where the longest one starting there ends.
    posts: dict[int, int] = {}
    for _, start, end in post_matcher(doc):
        posts[start] = max(end, posts.get(start, 0))
    people: dict[str, set[tuple[int, int]]] = {"NAME": set(), "INITIALS": set()}
    for match_id, start, end in people_matcher(doc):
        people[nlp.vocab.strings[match_id]].add((start, end))

    segments = _segments(doc, breaks)
    if not segments:
        return ()
    groups: list[list[_Segment]] = [[segments[0]]]
    for after in segments[1:]:
        piece = (groups[-1][0].start, groups[-1][-1].end)
        if _starts_new_officer(piece, after, doc, posts, people):
            groups.append([after])
        else:
            groups[-1].append(after)
    return tuple(doc[group[0].start : group[-1].end].text for group in groups)
