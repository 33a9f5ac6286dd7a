"""Expected comparison rows, written by reading the papers side by side (never by the code).

Papers: the seeds (`samples/text/stockton_cse_progress_2016-06-29.txt`, the Cabinet proforma of
12 March 2015) and the second quarter written for these tests,
`samples/text/stockton_cse_progress_2016-12-07.txt` ("Quarter 3/4 … Presented to Committee
7 December 2016"). What the December paper does, on purpose:

- recs 1, 2, 7, 8, 11 and sub-item 6b were `1 – Fully Achieved` in June and are gone: signed off;
- rec 9 was `3 - Slipped` in June and is gone: dropped (the alert); rec 12 is new;
- rec 3 moves 3 → 2 (improved) and its evidence keeps June's text and adds a sentence;
- rec 4 moves 3 → 4 (worsened), its officer changes (Chair of HWB → Director of Public Health),
  its evidence is rewritten, and its wording is softened ("consider and commission appropriate
  prioritised" → "consider commissioning"): substantive drift;
- rec 5 gains "the" ("work with the parents"): minor drift; 5a moves 2 → 1 with new evidence,
  5b keeps 2 with a new date (September 2015 → March 2017) and evidence added to;
- 6a keeps 3 with a new date (01/11/15 → 31/03/17) and rewritten evidence;
- rec 10 (a, b, c) is reprinted as in June: unchanged.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.golden import stockton_cse as seed

D = dt.date
JUNE = "samples/text/stockton_cse_progress_2016-06-29.txt"
DECEMBER = "samples/text/stockton_cse_progress_2016-12-07.txt"
DECISION = "samples/text/stockton_cse_cabinet_proforma_2015-03-12.txt"
TWO_QUARTERS = "samples/text/two-quarters-side-by-side.txt"

_JUNE_EVIDENCE = {(row["rec_no"], row["sub_item"]): row["evidence"] for row in seed.PROGRESS}
_JUNE_LINE = {(row["rec_no"], row["sub_item"]): row["line"] for row in seed.PROGRESS}

REC_3 = (
    "Consideration be given to developing early support services for children at risk of CSE "
    "as part of the Early Help Strategy and Implementation Plan."
)
REC_4_JUNE = (
    "The Health and Wellbeing Board be asked to consider and commission appropriate "
    "prioritised services for children at risk of CSE."
)
REC_4_DECEMBER = (
    "The Health and Wellbeing Board be asked to consider commissioning services for children at "
    "risk of CSE."
)
REC_5_DECEMBER = seed.REC_5.replace("work with parents", "work with the parents")
REC_12 = (
    "The findings of the Barnardo's feedback work with children be reported to Children and "
    "Young People Select Committee."
)

EVIDENCE_3_ADDED = (
    "December 2016: the new early help operating model went live on 3 October 2016 and a CSE "
    "screening question is now part of every Early Help Assessment."
)
EVIDENCE_4 = (
    "Not achieved. The Health and Wellbeing Board did not commission specific CSE services in "
    "2016/17; the need for prioritised services will be looked at again in the Early Help "
    "commissioning review in 2017."
)
EVIDENCE_5A = (
    "Achieved. All schools have engaged with the Barnardo's Audit tool and resources on healthy "
    "relationships are in use in every secondary school."
)
EVIDENCE_5B_ADDED = (
    "The survey closed in July 2016; its findings were presented to the Safeguarding Forum in "
    "October 2016 and will shape the Future in Mind programme for 2017."
)
EVIDENCE_6A = (
    "Progressing but not yet completed. The Joint Training Group agreed the Tees Strategic VEMT "
    "training proposal in September 2016; a CSE module has been added to the multi-agency "
    "training calendar for 2017 and the training needs analysis will be completed by March 2017."
)
EVIDENCE_12 = (
    "New recommendation agreed by Committee on 29 June 2016 in place of recommendation 9. The "
    "Barnardo's report was presented to Tees Strategic VEMT in May 2016; a summary will be "
    "brought to Committee in March 2017."
)

_DEC = {
    "period": "Q3/4",
    "presented_date": D(2016, 12, 7),
    "page": 1,
    "due_condition": "",
    "due_original": "",
    "achieved_on": None,
}
_ACHIEVED = {
    "status_code": "1",
    "status_label": "Fully Achieved",
    "status_raw": "1 – Fully Achieved",
}
_ON_TRACK = {"status_code": "2", "status_label": "On track", "status_raw": "2 – On track"}

# The December paper's rows, read off the paper (line numbers as `cat -n` shows them).
DECEMBER_PROGRESS: list[dict[str, Any]] = [
    {**_DEC, **_ON_TRACK, "line": 2, "rec_no": "3", "sub_item": "", "recommendation": REC_3,
     "officers": ("Chair of CYPHWCG",), "due_raw": "Post completion of JSNA September 2015",
     "due_date": D(2015, 9, 1), "due_precision": "month", "due_condition": "Post completion of JSNA",
     "evidence": _JUNE_EVIDENCE[("3", "")] + " " + EVIDENCE_3_ADDED},
    {**_DEC, "status_code": "4", "status_label": "Not Achieved", "status_raw": "4 – Not Achieved",
     "line": 6, "rec_no": "4", "sub_item": "", "recommendation": REC_4_DECEMBER,
     "officers": ("Director of Public Health",), "due_raw": "01/09/15", "due_date": D(2015, 9, 1),
     "due_precision": "day", "evidence": EVIDENCE_4},
    {**_DEC, **_ACHIEVED, "line": 7, "rec_no": "5", "sub_item": "a", "recommendation": REC_5_DECEMBER,
     "officers": ("Head of Schools and SEN",), "due_raw": "September 2015", "due_date": D(2015, 9, 1),
     "due_precision": "month", "evidence": EVIDENCE_5A},
    {**_DEC, **_ON_TRACK, "line": 8, "rec_no": "5", "sub_item": "b", "recommendation": REC_5_DECEMBER,
     "officers": ("Chair of CYPHWCG", "Head of Schools and SEN"), "due_raw": "March 2017",
     "due_date": D(2017, 3, 1), "due_precision": "month",
     "evidence": seed.EVIDENCE_5 + " " + EVIDENCE_5B_ADDED},
    {**_DEC, "status_code": "3", "status_label": "Slipped", "status_raw": "3 - Slipped",
     "line": 11, "rec_no": "6", "sub_item": "a", "recommendation": seed.REC_6,
     "officers": ("Chair Hartlepool & Stockton LSCBs Multi Agency Training Group",),
     "due_raw": "31/03/17", "due_date": D(2017, 3, 31), "due_precision": "day",
     "evidence": EVIDENCE_6A},
    {**_DEC, **_ACHIEVED, "line": 12, "rec_no": "10", "sub_item": "a", "recommendation": seed.REC_10,
     "officers": ("Chair Tees Strategic VEMT",), "due_raw": "July 2015", "due_date": D(2015, 7, 1),
     "due_precision": "month", "evidence": _JUNE_EVIDENCE[("10", "a")]},
    {**_DEC, **_ACHIEVED, "line": 40, "rec_no": "10", "sub_item": "b", "recommendation": seed.REC_10,
     "officers": ("Corporate Director, CESC",), "due_raw": "May 2015", "due_date": D(2015, 5, 1),
     "due_precision": "month", "evidence": "Achieved 21.05.15.", "achieved_on": D(2015, 5, 21)},
    {**_DEC, **_ACHIEVED, "line": 43, "rec_no": "10", "sub_item": "c", "recommendation": seed.REC_10,
     "officers": ("Chair Tees Strategic VEMT",), "due_raw": "August 2015", "due_date": D(2015, 8, 1),
     "due_precision": "month", "evidence": "Achieved 19.03.16.", "achieved_on": D(2016, 3, 19)},
    {**_DEC, **_ON_TRACK, "line": 44, "rec_no": "12", "sub_item": "", "recommendation": REC_12,
     "officers": ("Chair of the VEMT Sub Group",), "due_raw": "March 2017", "due_date": D(2017, 3, 1),
     "due_precision": "month", "evidence": EVIDENCE_12},
]  # fmt: skip

# Line of each December row, by (rec_no, sub_item).
_DEC_LINE = {(row["rec_no"], row["sub_item"]): row["line"] for row in DECEMBER_PROGRESS}


def _june(rec: str, sub: str = "") -> str:
    return f"{JUNE}:page 1:line {_JUNE_LINE[(rec, sub)]}"


def _dec(rec: str, sub: str = "") -> str:
    return f"{DECEMBER}:page 1:line {_DEC_LINE[(rec, sub)]}"


def _gone(rec: str, sub: str, kind: str, status: str) -> dict[str, Any]:
    return {
        "rec_no": rec, "sub_item": sub, "change": kind, "field": "", "old": status, "new": "",
        "movement": "", "edit": "", "delta": "", "matched_by": "",
        "old_period": "Q1/2", "old_presented_date": D(2016, 6, 29),
        "new_period": "", "new_presented_date": None,
        "old_source": _june(rec, sub), "new_source": "",
    }  # fmt: skip


def _both(rec: str, sub: str, kind: str, field: str, old: str, new: str, movement: str,
          edit: str = "", delta: str = "") -> dict[str, Any]:  # fmt: skip
    return {
        "rec_no": rec, "sub_item": sub, "change": kind, "field": field, "old": old, "new": new,
        "movement": movement, "edit": edit, "delta": delta, "matched_by": "number",
        "old_period": "Q1/2", "old_presented_date": D(2016, 6, 29),
        "new_period": "Q3/4", "new_presented_date": D(2016, 12, 7),
        "old_source": _june(rec, sub), "new_source": _dec(rec, sub),
    }  # fmt: skip


FULLY, ON_TRACK, SLIPPED, NOT_ACHIEVED = "Fully Achieved", "On track", "Slipped", "Not Achieved"

# June → December, in the table's order (reference, then status, officers, due date, evidence,
# wording). Every row of the `changes` table.
CHANGES_JUNE_DECEMBER: list[dict[str, Any]] = [
    _gone("1", "", "signed_off", FULLY),
    _gone("2", "", "signed_off", FULLY),
    _both("3", "", "modified", "status", SLIPPED, ON_TRACK, "improved"),
    _both("3", "", "modified", "evidence", _JUNE_EVIDENCE[("3", "")],
          _JUNE_EVIDENCE[("3", "")] + " " + EVIDENCE_3_ADDED, "improved",
          "evidence_appended", EVIDENCE_3_ADDED),
    _both("4", "", "modified", "status", SLIPPED, NOT_ACHIEVED, "worsened"),
    _both("4", "", "modified", "officers", "Chair of HWB", "Director of Public Health", "worsened"),
    _both("4", "", "modified", "evidence", "As above.", EVIDENCE_4, "worsened", "evidence_rewritten"),
    _both("4", "", "modified", "recommendation", REC_4_JUNE, REC_4_DECEMBER, "worsened",
          "wording_substantive"),
    _both("5", "a", "modified", "status", ON_TRACK, FULLY, "improved"),
    _both("5", "a", "modified", "evidence", seed.EVIDENCE_5, EVIDENCE_5A, "improved",
          "evidence_rewritten"),
    _both("5", "a", "modified", "recommendation", seed.REC_5, REC_5_DECEMBER, "improved",
          "wording_minor"),
    _both("5", "b", "modified", "due_date", "September 2015", "March 2017", "same"),
    _both("5", "b", "modified", "evidence", seed.EVIDENCE_5,
          seed.EVIDENCE_5 + " " + EVIDENCE_5B_ADDED, "same", "evidence_appended",
          EVIDENCE_5B_ADDED),
    _both("5", "b", "modified", "recommendation", seed.REC_5, REC_5_DECEMBER, "same",
          "wording_minor"),
    _both("6", "a", "modified", "due_date", "01/11/15", "31/03/17", "same"),
    _both("6", "a", "modified", "evidence", _JUNE_EVIDENCE[("6", "a")], EVIDENCE_6A, "same",
          "evidence_rewritten"),
    _gone("6", "b", "signed_off", FULLY),
    _gone("7", "", "signed_off", FULLY),
    _gone("8", "", "signed_off", FULLY),
    _gone("9", "", "dropped", SLIPPED),
    _both("10", "a", "unchanged", "", FULLY, FULLY, "same"),
    _both("10", "b", "unchanged", "", FULLY, FULLY, "same"),
    _both("10", "c", "unchanged", "", FULLY, FULLY, "same"),
    _gone("11", "", "signed_off", FULLY),
    {
        "rec_no": "12", "sub_item": "", "change": "added", "field": "", "old": "",
        "new": ON_TRACK, "movement": "", "edit": "", "delta": "", "matched_by": "",
        "old_period": "", "old_presented_date": None,
        "new_period": "Q3/4", "new_presented_date": D(2016, 12, 7),
        "old_source": "", "new_source": _dec("12"),
    },
]  # fmt: skip

# Redlines of the rows whose redline can be read off by eye (the rewritten evidence of 5a and 6a
# is checked by rebuilding both texts from its marks instead).
REDLINE_4_WORDING = (
    "The Health and Wellbeing Board be asked to consider "
    "[-and commission appropriate prioritised-]{+commissioning+} services for children at risk "
    "of CSE."
)
REDLINE_5_WORDING = seed.REC_5.replace("work with parents", "work with {+the+} parents")
REDLINES_JUNE_DECEMBER = {
    ("3", "", "evidence"): f"{_JUNE_EVIDENCE[('3', '')]} {{+{EVIDENCE_3_ADDED}+}}",
    ("4", "", "evidence"): f"[-As above.-]{{+{EVIDENCE_4}+}}",
    ("4", "", "recommendation"): REDLINE_4_WORDING,
    ("5", "a", "recommendation"): REDLINE_5_WORDING,
    ("5", "b", "evidence"): f"{seed.EVIDENCE_5} {{+{EVIDENCE_5B_ADDED}+}}",
    ("5", "b", "recommendation"): REDLINE_5_WORDING,
}

# samples/text/two-quarters-side-by-side.txt against itself: Q3&4 (16 June 2015) → Q1/2
# (15 December 2015), same officers and dates in both, every assessment and evidence moved.
_TQ = {
    "sub_item": "", "change": "modified", "matched_by": "number", "delta": "",
    "old_period": "Q3/4", "old_presented_date": D(2015, 6, 16),
    "new_period": "Q1/2", "new_presented_date": D(2015, 12, 15),
}  # fmt: skip
_TQ_LINE = {"1": 2, "2": 3, "3": 5}


def _tq(rec: str, field: str, old: str, new: str, movement: str, edit: str = "") -> dict[str, Any]:
    where = f"{TWO_QUARTERS}:page 1:line {_TQ_LINE[rec]}"
    return {**_TQ, "rec_no": rec, "field": field, "old": old, "new": new, "movement": movement,
            "edit": edit, "old_source": where, "new_source": where}  # fmt: skip


CHANGES_TWO_QUARTERS: list[dict[str, Any]] = [
    _tq("1", "status", ON_TRACK, FULLY, "improved"),
    _tq("1", "evidence", "Link workers allocated to 9 of 13 schools.",
        "Link workers in place in all 13 schools from September 2015.", "improved",
        "evidence_rewritten"),
    _tq("2", "status", ON_TRACK, SLIPPED, "worsened"),
    _tq("2", "evidence", "Letter sent to the operator; meeting arranged for July.",
        "Operator declined to reinstate the route; community transport alternative being costed.",
        "worsened", "evidence_rewritten"),
    _tq("3", "status", ON_TRACK, FULLY, "improved"),
    _tq("3", "evidence", "Forum met in January and April 2015.",
        "Achieved. Forum now meets monthly and has elected a chair.", "improved",
        "evidence_rewritten"),
]  # fmt: skip

# Drift of the seeds: the tracker of 29 June 2016 against the proforma of 12 March 2015.
_DECISION_LINE = {row["rec_no"]: row["line"] for row in seed.DECISIONS}
_DECISION_TEXT = {row["rec_no"]: row["text"] for row in seed.DECISIONS}


def _drift(rec: str, verdict: str, similarity: int | None, reason: str, tracker_line: int | None,
           sub_items: tuple[str, ...] = (), tracker_text: str | None = None,
           redline: str | None = None, tracker: str = JUNE) -> dict[str, Any]:  # fmt: skip
    decision_text = _DECISION_TEXT[rec]
    matched = tracker_line is not None
    text = decision_text if tracker_text is None else tracker_text
    return {
        "rec_no": rec, "verdict": verdict, "similarity": similarity, "reason": reason,
        "matched_by": "number" if matched else "", "tracker_rec_no": rec if matched else "",
        "sub_items": sub_items, "decision_text": decision_text,
        "tracker_text": text if matched else "",
        "redline": (text if redline is None else redline) if matched else "",
        "decision_source": f"{DECISION}:page 1:line {_DECISION_LINE[rec]}",
        "tracker_source": f"{tracker}:page 1:line {tracker_line}" if matched else "",
    }  # fmt: skip


REDLINE_1 = seed.REC_1.replace("VEMT groups/SLSCB be", "VEMT [-groups / SLSCB-]{+groups/SLSCB+} be")
REDLINE_6 = seed.REC_6.replace("\n• ", "\n[---]{+•+} ")

DRIFT_SEEDS: list[dict[str, Any]] = [
    _drift("1", "cosmetic", 100, "differs only in spacing", 2, tracker_text=seed.REC_1,
           redline=REDLINE_1),
    _drift("2", "identical", 100, "", 3),
    _drift("3", "identical", 100, "", 6),
    _drift("4", "identical", 100, "", 10),
    _drift("5", "identical", 100, "", 11, ("a", "b")),
    _drift("6", "cosmetic", 100, "differs only in bullets", 14, ("a", "b"),
           tracker_text=seed.REC_6, redline=REDLINE_6),
    _drift("7", "identical", 100, "", 18),
    _drift("8", "identical", 100, "", 19),
    _drift("9", "identical", 100, "", 20),
    _drift("10", "identical", 100, "", 26, ("a", "b", "c")),
    _drift("11", "identical", 100, "", 59),
]  # fmt: skip


def _missing(rec: str) -> dict[str, Any]:
    return {**_drift(rec, "missing_from_tracker", None, "", None),
            "reason": f"no tracker row numbered {rec} or worded like it"}  # fmt: skip


# Drift of the December tracker against the proforma. Similarities by hand: rec 4 keeps 16 of
# the decision's 20 words in order and has 17 → 2·16/37 = 86%; rec 5 keeps all 27 and has 28 →
# 2·27/55 = 98%.
DRIFT_DECEMBER: list[dict[str, Any]] = [
    _missing("1"),
    _missing("2"),
    _drift("3", "identical", 100, "", 2, tracker=DECEMBER),
    _drift("4", "substantive", 86,
           "clause added or removed: removed 'and commission appropriate prioritised'; "
           "added 'commissioning'", 6, tracker_text=REC_4_DECEMBER, redline=REDLINE_4_WORDING,
           tracker=DECEMBER),
    _drift("5", "minor", 98, "minor words only: added 'the'", 7, ("a", "b"),
           tracker_text=REC_5_DECEMBER, redline=REDLINE_5_WORDING, tracker=DECEMBER),
    _drift("6", "cosmetic", 100, "differs only in bullets", 11, ("a",), tracker_text=seed.REC_6,
           redline=REDLINE_6, tracker=DECEMBER),
    _missing("7"),
    _missing("8"),
    _missing("9"),
    _drift("10", "identical", 100, "", 12, ("a", "b", "c"), tracker=DECEMBER),
    _missing("11"),
    {
        "rec_no": "12", "verdict": "not_in_decision", "similarity": None,
        "reason": "no recommendation numbered 12 or worded like it in the decision",
        "matched_by": "", "tracker_rec_no": "12", "sub_items": (), "decision_text": "",
        "tracker_text": REC_12, "redline": "", "decision_source": "",
        "tracker_source": f"{DECEMBER}:page 1:line 44",
    },
]  # fmt: skip
