"""Imported once by the batch's fork server, so that every worker it forks starts warm.

Reading one tiny tracker loads what is slow to load (spaCy's tokenizer and officer matchers,
dateparser's parser; about a second); workers forked afterwards share it instead of each
loading it again, which matters as workers are replaced every hundred files.
"""

from __future__ import annotations

from councilpapers.pipeline import process_document
from ingest.text import read_text_bytes

_TRACKER = (
    "No.\tRecommendation\tLink Officer\tAnticipated Completion Date\tEvidence of progress\t"
    "Assessment of progress (Categories 1-4)\n"
    "1\tThe Council review it.\tHead of Policy\tMay 2016\tAchieved 03.05.16.\t1 – Fully Achieved\n"
)

process_document(read_text_bytes(_TRACKER.encode(), "warm-up"))
