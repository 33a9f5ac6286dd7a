"""Move evidence that spilled into the next row's cell back where it belongs.

Extractors that flow a long cell across a page break print its end at the top of the next
row's cell: in the seed, rec 6's evidence cell starts with "developed with the Schools Health
Unit in Exeter …" up to "… Future in Mind training programme.", which ends rec 5's "A
questionnaire is being". The tell: the earlier cell stops mid-sentence and the later one starts
in lower case. Officers write each quarter's update starting with where it stands
("Achieved.", "Progressing but not yet completed."), so the spilled part runs up to the first
sentence that opens that way.
"""

from __future__ import annotations

import re

from parsers.furniture import ends_sentence

_STATUS_OPENER = re.compile(
    r"(?<=[.!?])\s+(?=(?:Achieved|Progressing|Not\s+(?:yet\s+)?(?:achieved|started|completed)"
    r"|Complete[d]?|Ongoing|On\s+track|Slipped|As\s+above|Partially|No\s+(?:further\s+)?progress"
    r"|In\s+progress|Delayed|Update)\b)"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def split_spill(previous: str, current: str) -> tuple[str, str] | None:
    """Given two consecutive evidence cells, return (spilled_part, rest_of_current) or None.

    None means `current` does not continue `previous`.
    """
    prev, cur = previous.rstrip(), current.lstrip()
    if not prev or not cur or ends_sentence(prev) or not cur[0].islower():
        return None
    opener = _STATUS_OPENER.search(cur)
    if opener:
        return cur[: opener.start()], cur[opener.end() :]
    end = _SENTENCE_END.search(cur)
    if end is None:
        return cur, ""
    return cur[: end.end()], cur[end.end() :].lstrip()
