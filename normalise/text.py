"""Cell text as printed → one clean string: wrapped lines joined, one bullet item a line.

Extraction leaves the paper's line wrapping, doubled spaces, soft hyphens and bullets (on their
own lines, or inline as in the tracker seed: ``developed to: • Map out current provision •
Identify any gaps``). `clean_text` undoes the wrapping and nothing else: wording, case, quotes
and dashes are the paper's own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Glyphs that only ever mean "bullet", so they start an item wherever they appear, inline or not.
# `•` is in shared/seeds/000_b4fc851ac10b9df1.txt line 14; `▪`/`◦` are Word's second and third
# levels; U+F0B7 and U+F0A7 are Word's Symbol/Wingdings bullets as PDF extraction gives them.
INLINE_BULLETS = "•▪◦●■‣\uf0b7\uf0a7"
# `-` and `*` are bullets only at the start of a line and followed by a space: inline they are
# hyphens, minus signs and footnote marks (`- Map out current provision`, seeds/003 line 35).
LINE_BULLETS = "-*"

# Soft hyphens are invisible line-break hints; zero-width spaces and BOMs are extraction noise.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\ufeff"))
_SPACES = re.compile(r"\s+")
_INLINE_SPLIT = re.compile(f"(?=[{re.escape(INLINE_BULLETS)}])")
_BULLET_GLYPH = re.compile(f"^([{re.escape(INLINE_BULLETS)}])\\s*(.*)$")
_BULLET_LINE = re.compile(f"^([{re.escape(LINE_BULLETS)}])(?:\\s+(.*))?$")
# A word, hyphenated compounds and apostrophes included (`co-ordinated`, `Barnardo's`).
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# A line ending in a hyphen glued to a word (`co-`, `Stockton-on-`), and the word it ends.
_HYPHEN_END = re.compile(r"(?:[^\W_]+[-'’])*[^\W_]+-$")
# Longer than any real word: how far back from a line's end to look for the word a hyphen ends.
_WORD_WINDOW = 200
# A line ending in an en dash glued to a word (`Jan 2013–`): kept, and joined without a space.
_DASH_END = re.compile(r"[^\W_]–$")


def document_vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """Given every text of one document, return the lower-cased words it uses.

    `clean_text` uses this to tell a word the printer broke (`coordi-\\nnated`) from a real
    hyphenated word, by whether the joined form is written elsewhere in the same document.
    """
    words: set[str] = set()
    for text in texts:
        words.update(m.group().lower() for m in _WORD.finditer(text.translate(_INVISIBLE)))
    return frozenset(words)


def _join_wrapped(before: str, after: str, vocabulary: frozenset[str]) -> str:
    """Given a line and the wrapped line after it, return them as one line."""
    if not before:
        return after
    # Only the end of `before` matters; searching all of a long cell each time is quadratic.
    tail_of_before = before[-_WORD_WINDOW:]
    hyphen = _HYPHEN_END.search(tail_of_before) if before.endswith("-") else None
    if hyphen:
        # Council papers are set ragged-right and almost never auto-hyphenate, so the hyphen is
        # the word's own (`co-\nordinated`, `Stockton-on-\nTees`) unless the document spells the
        # joined word elsewhere and never the hyphenated one.
        head = hyphen.group()
        tail_match = _WORD.match(after)
        tail = tail_match.group() if tail_match else ""
        joined = (head[:-1] + tail).lower()
        hyphenated = (head + tail).lower()
        if (
            tail[:1].isalpha()
            and head[-2:-1].isalpha()
            and joined in vocabulary
            and hyphenated not in vocabulary
        ):
            return before[:-1] + after
        return before + after
    if before.endswith("–") and _DASH_END.search(tail_of_before):
        return before + after
    return f"{before} {after}"


def _physical_lines(raw: str) -> list[str]:
    """Given raw text, return its lines with spaces collapsed, split before every bullet glyph."""
    lines: list[str] = []
    for line in raw.translate(_INVISIBLE).splitlines():
        for piece in _INLINE_SPLIT.split(_SPACES.sub(" ", line)):
            piece = piece.strip()
            if piece:
                lines.append(piece)
    return lines


def clean_text(raw: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """Given a cell's raw text, return it with wrapped lines joined by single spaces.

    Bullet items each get a line of their own, starting with their marker and one space. Paragraph
    breaks are not kept (cells wrap too unpredictably to tell them from wrapping). Idempotent.
    """
    items: list[tuple[str, str]] = []  # (bullet marker or "", text)
    for line in _physical_lines(raw):
        bullet = _BULLET_GLYPH.match(line) or _BULLET_LINE.match(line)
        if bullet:
            items.append((bullet.group(1), bullet.group(2) or ""))
        elif items:
            marker, text = items[-1]
            items[-1] = (marker, _join_wrapped(text, line, vocabulary))
        else:
            items.append(("", line))
    return "\n".join(
        f"{marker} {text}" if marker and text else marker or text for marker, text in items
    )
