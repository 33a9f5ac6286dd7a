"""Is a tracker's wording what Cabinet resolved? identical, cosmetic, minor or substantive.

The rules (also in the README, under `councilpapers drift`):

- *identical*: the same text once runs of whitespace are collapsed (a line wrap is not a change).
- *cosmetic*: the same once spacing, punctuation, case, bullets and quote marks are ignored: the
  seeds' rec 1 (`VEMT groups / SLSCB` vs `VEMT groups/SLSCB`) and rec 6 (`- ` bullets in the
  decision, `• ` in the tracker). Punctuation between digits (`1.5`, `2015/16`) is kept.
- *minor*: the words differ, but only by up to `max_minor_words` words from the minor list
  (`the`, `a`, `that`, …: `The Council` → `Council`) or by UK/US spelling (`organise`/`organize`).
- *substantive*: anything else; the reason names the first kind found: numbers, dates,
  obligation (`must`/`should`/`consider`), negation, quantity (`all`/`any`), actors (a body or a
  capitalised name), word order, or a clause (three or more other words) added or removed.

Whitespace never decides a verdict past *cosmetic*: the cosmetic key drops all whitespace first.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import Indel

from compare.vocabulary import SUBSTANTIVE_CATEGORIES, WordingRules, load_wording_rules

Verdict = Literal["identical", "cosmetic", "minor", "substantive"]

_QUOTE_MARKS = "‘’‚‛′`´“”„‟″\"'"
_NO_QUOTES = str.maketrans("", "", _QUOTE_MARKS)
_DASHES = str.maketrans(dict.fromkeys("‐‑‒–—―−", "-"))
_BULLET_GLYPHS = "•·▪◦●‣⁃∙○■□➢►▸"
_NO_BULLETS = str.maketrans("", "", _BULLET_GLYPHS)
# A list marker at the start of a line: `- ` in the decision's rec 6, `• ` in the tracker's.
_LINE_MARKER = re.compile(rf"(?m)^[ \t]*[-*{_BULLET_GLYPHS}](?=\s)")
_KEPT_SYMBOLS = "£$€%"
_BETWEEN_DIGITS = ".,:/-"
# Words as compared: numbers with their inner punctuation (`21.05.15`, `2016/17`, `£5`, `10%`),
# and words with inner hyphens or apostrophes (`co-ordinated`, `Barnardo's`).
_TOKEN = re.compile(r"[£$€]?\d+(?:[.,:/-]\d+)*%?|[^\W_]+(?:['’-][^\W_]+)*")
_SENTENCE_END = re.compile(r"[.!?:;]\s*$|^\s*$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]+s?$")

_LABELS = {
    "number": "numbers changed",
    "date": "dates changed",
    "obligation": "obligation changed (must/should/consider)",
    "negation": "negation changed",
    "quantity": "quantity changed (all/any/every)",
    "actor": "actor changed",
    "clause": "clause added or removed",
    "wording": "words changed",
}


@dataclass(frozen=True)
class WordingVerdict:
    """How two wordings differ, why, and the share of words they have in common (0–100)."""

    verdict: Verdict
    reason: str
    similarity: int


@dataclass(frozen=True)
class _Token:
    norm: str
    spelled: str
    original: str
    sentence_start: bool


def collapse_whitespace(text: str) -> str:
    """Given a text, return it with every run of whitespace made one space."""
    return " ".join(text.split())


def cosmetic_key(text: str) -> str:
    """Given a text, return what is left when spacing, punctuation, case, bullets and quotes go.

    Whitespace goes first, so two texts that differ only in whitespace always share a key.
    Dashes, dots, commas, colons and slashes between digits stay: `1.5` is not `15`.
    """
    squeezed = "".join(text.split())
    squeezed = "".join(unicodedata.normalize("NFKC", squeezed).split())
    squeezed = squeezed.translate(_DASHES).casefold()
    kept = []
    for i, ch in enumerate(squeezed):
        if (
            ch.isalnum()
            or ch in _KEPT_SYMBOLS
            or (
                ch in _BETWEEN_DIGITS
                and 0 < i < len(squeezed) - 1
                and squeezed[i - 1].isdigit()
                and squeezed[i + 1].isdigit()
            )
        ):
            kept.append(ch)
    return "".join(kept)


def _partial_key(
    text: str, *, quotes: bool, bullets: bool, case: bool, spacing: bool, punctuation: bool
) -> str:
    """Given a text, return it with only the chosen cosmetic differences removed.

    Each step touches its own characters (quotes, list markers, letters' case, whitespace, other
    punctuation), so leaving one out shows whether that kind of difference was there.
    """
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    if bullets:
        text = _LINE_MARKER.sub("", text)
        text = text.translate(_NO_BULLETS)
    if quotes:
        text = text.translate(_NO_QUOTES)
    if case:
        text = text.casefold()
    if punctuation:
        protected = set(_BULLET_GLYPHS) | set(_QUOTE_MARKS)
        text = "".join(
            ch
            for i, ch in enumerate(text)
            if ch.isalnum()
            or ch.isspace()
            or ch in protected
            or ch in _KEPT_SYMBOLS
            or (ch == "-" and _LINE_MARKER.match(text, _line_start(text, i)) is not None)
            or (ch in _BETWEEN_DIGITS and _between_digits(text, i))
        )
    return "".join(text.split()) if spacing else collapse_whitespace(text)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _between_digits(text: str, index: int) -> bool:
    before = text[:index].rstrip()
    after = text[index + 1 :].lstrip()
    return bool(before) and bool(after) and before[-1].isdigit() and after[0].isdigit()


def _cosmetic_reason(a: str, b: str) -> str:
    """Given two texts with the same cosmetic key, say which kinds of difference they show."""
    steps = ("spacing", "punctuation", "case", "bullets", "quote marks")
    flags = {"spacing": True, "punctuation": True, "case": True, "bullets": True, "quotes": True}
    names = {"quote marks": "quotes"}

    def same(**override: bool) -> bool:
        options = {**flags, **override}
        return _partial_key(a, **options) == _partial_key(b, **options)

    if not same():
        return "differs only in spacing and punctuation"
    needed = [step for step in steps if not same(**{names.get(step, step): False})]
    if not needed:
        return "differs only in punctuation"
    listed = needed[0] if len(needed) == 1 else ", ".join(needed[:-1]) + " and " + needed[-1]
    return f"differs only in {listed}"


def _spell(word: str, rules: WordingRules) -> str:
    """Given a word, return its UK spelling by the first matching rule (`organize` → `organise`)."""
    for us, uk in rules.spelling:
        if word.endswith(us):
            return word[: len(word) - len(us)] + uk
    return word


def word_tokens(text: str, rules: WordingRules | None = None) -> list[_Token]:
    """Given a text, return its words as compared: casefolded, inner `-` and `'` dropped."""
    rules = rules or load_wording_rules()
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    tokens = []
    for match in _TOKEN.finditer(text):
        original = match.group()
        norm = original.casefold()
        if not norm[0].isdigit() and norm[0] not in "£$€":
            norm = re.sub(r"['’-]", "", norm)
        start = _SENTENCE_END.search(text[: match.start()]) is not None
        tokens.append(_Token(norm, _spell(norm, rules), original, start))
    return tokens


def _similarity(a: Sequence[str], b: Sequence[str]) -> int:
    if not a and not b:
        return 100
    # Indel similarity is 2·LCS / (len a + len b): symmetric and checkable by hand.
    return int(Indel.normalized_similarity(list(a), list(b)) * 100 + 0.5)


def similarity(a: str, b: str) -> int:
    """Given two texts, return the share of their words in common, 0–100 (2·LCS / total)."""
    rules = load_wording_rules()
    return _similarity(
        [t.spelled for t in word_tokens(a, rules)], [t.spelled for t in word_tokens(b, rules)]
    )


def _take(tokens: Sequence[_Token], extra: Counter[str]) -> list[_Token]:
    """Given tokens and a multiset of words, return the tokens that make up the multiset."""
    left = Counter(extra)
    taken = []
    for token in tokens:
        if left[token.spelled] > 0:
            left[token.spelled] -= 1
            taken.append(token)
    return taken


def _category(token: _Token, rules: WordingRules) -> str:
    """Given a changed word, return the category that decides the verdict."""
    if any(ch.isdigit() for ch in token.spelled):
        return "number"
    for category in SUBSTANTIVE_CATEGORIES:
        if token.spelled in rules.substantive[category]:
            return category
    if token.spelled in rules.minor_words:
        return "minor"
    # `LSCB`, `HWB`, or `Cabinet` mid-sentence: a body or a person, so who is asked changed.
    if _ACRONYM.match(token.original) or (token.original[0].isupper() and not token.sentence_start):
        return "actor"
    return "other"


def _quote(tokens: Sequence[_Token]) -> str:
    return "'" + " ".join(t.original for t in tokens) + "'"


def _word_reason(label: str, removed: Sequence[_Token], added: Sequence[_Token]) -> str:
    parts = []
    if removed:
        parts.append(f"removed {_quote(removed)}")
    if added:
        parts.append(f"added {_quote(added)}")
    return f"{label}: " + "; ".join(parts)


def classify_wording(old: str, new: str, rules: WordingRules | None = None) -> WordingVerdict:
    """Given two wordings of a recommendation, return how far apart they are and why.

    Symmetric in its verdict: words are compared as multisets, so `classify(a, b)` and
    `classify(b, a)` agree (only the reason's removed/added swap).
    """
    rules = rules or load_wording_rules()
    a, b = word_tokens(old, rules), word_tokens(new, rules)
    score = _similarity([t.spelled for t in a], [t.spelled for t in b])
    if collapse_whitespace(old) == collapse_whitespace(new):
        return WordingVerdict("identical", "", 100)
    if cosmetic_key(old) == cosmetic_key(new):
        return WordingVerdict("cosmetic", _cosmetic_reason(old, new), score)
    spelled_a, spelled_b = [t.spelled for t in a], [t.spelled for t in b]
    if spelled_a == spelled_b:
        if [t.norm for t in a] != [t.norm for t in b]:
            pairs = [(x, y) for x, y in zip(a, b, strict=True) if x.norm != y.norm]
            words = ", ".join(f"{x.original}/{y.original}" for x, y in pairs)
            return WordingVerdict("minor", f"spelling only: {words}", score)
        return WordingVerdict("minor", "only symbols between words differ", score)
    removed = _take(a, Counter(spelled_a) - Counter(spelled_b))
    added = _take(b, Counter(spelled_b) - Counter(spelled_a))
    if not removed and not added:
        return WordingVerdict("substantive", "word order changed", score)
    categories = {_category(t, rules) for t in (*removed, *added)}
    if categories == {"minor"} and len(removed) + len(added) <= rules.max_minor_words:
        return WordingVerdict("minor", _word_reason("minor words only", removed, added), score)
    found = next((c for c in SUBSTANTIVE_CATEGORIES if c in categories), None)
    if found is None:
        content = [[t for t in side if _category(t, rules) != "minor"] for side in (removed, added)]
        found = "clause" if max(len(side) for side in content) >= 3 else "wording"
    return WordingVerdict("substantive", _word_reason(_LABELS[found], removed, added), score)
