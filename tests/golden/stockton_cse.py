"""Expected rows of the Stockton-on-Tees CSE papers, written by reading the papers.

`../shared/seeds/000_b4fc851ac10b9df1.txt` (tracker, 29 June 2016) and
`003_de6c0e377270c6f5.txt` (Cabinet proforma, 12 March 2015). Nothing here was produced by
councilpapers: each value was read off the paper, and the joins across page breaks follow the
PDF renderings in `samples/pdf/`. Shared by the text, PDF and comparison tests.

Provenance (`page`, `line`) is the text seed's; PDF tests compare every other field.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

D = dt.date

# Columns every tracker row shares.
_TRACKER = {
    "period": "Q1/2",
    "presented_date": D(2016, 6, 29),
    "due_condition": "",
    "due_original": "",
    "due_original_date": None,
    "due_start": None,
    "achieved_on": None,
}

_ACHIEVED = {
    "status_code": "1",
    "status_label": "Fully Achieved",
    "status_raw": "1 – Fully Achieved",
}
_ON_TRACK = {"status_code": "2", "status_label": "On track", "status_raw": "2 – On track"}
_SLIPPED_HYPHEN = {"status_code": "3", "status_label": "Slipped", "status_raw": "3 - Slipped"}
_SLIPPED_DASH = {"status_code": "3", "status_label": "Slipped", "status_raw": "3 – Slipped"}
_SCALE = {"status_scale": "categories-1-4"}

REC_1 = (
    "The number, membership and accountability arrangements for the VEMT groups/SLSCB be "
    "reviewed to ensure that all appropriate agencies and providers are represented, avoid "
    "unnecessary duplication and any conflicts of interest and that the outcome of the review "
    "be reported back to Children and Young People Select Committee as part of the forthcoming "
    "review of the LSCB."
)
REC_5 = (
    "Awareness raising activities be developed for children and young people in respect of "
    "social media and healthy relationships as well as work with parents and via schools."
)
REC_6 = (
    "The LSCB ensure that a multi-agency co-ordinated training strategy be developed to:\n"
    "• Map out current provision\n"
    "• Identify any gaps\n"
    "• Identify who should receive training, frequency of training and assurance mechanisms\n"
    "• Introduce mandatory safeguarding training for Elected Members (including CSE)"
)
REC_10 = (
    "The revised VEMT Strategy and Action Plan and strengthened performance and quality "
    "assurance framework be subject to further scrutiny together with the internal audit of CSE "
    "case files and the outcome of benchmarking work against the Ofsted thematic report "
    "recommendations as part of the scrutiny review of the LSCB."
)

# Rec 5's evidence runs on into rec 6's cell in the seed ("A questionnaire is being" /
# "developed with the Schools Health Unit …"); 5a and 5b share it.
EVIDENCE_5 = (
    "The Safeguarding Forum for all education settings has featured presentations for schools on "
    "how to develop the curriculum in respect of CSE. These continue to be developed and the "
    "agendas evidence this. Resources have been circulated to all schools to support this work. "
    "The regular briefings that are sent to all safeguarding leads across Stockton, and to the "
    "ADs of the Tees Valley authorities evidence this. Chelsea's Choice has been booked for all "
    "schools for February 2016. A full fortnight of performances across Stockton enabled many "
    "pupils, professionals, parents and LSCB colleagues to access the dynamic drama. All schools "
    "will engage with the Barnardo's Audit tool. A questionnaire is being developed with the "
    "Schools Health Unit in Exeter to explore pupil perceptions around their own safeguarding in "
    "respect of CSE. Funding has been sought for all secondary schools to participate in this in "
    "Stockton and it is being considered for across the Tees Valley. All secondary schools across "
    "Stockton are signed up to participate in the survey which is scheduled for completion early "
    "summer 2016. (Only a few other schools across Tees elected to join in). The outcomes of the "
    "survey will inform targeted work and the Future in Mind training programme."
)

PROGRESS: list[dict[str, Any]] = [
    {
        **_TRACKER, **_ACHIEVED, **_SCALE,
        "page": 1, "line": 2, "rec_no": "1", "sub_item": "",
        "recommendation": REC_1,
        "officers": ("Chair Tees Strategic VEMT",),
        "officer_raw": "Chair Tees Strategic VEMT",
        "due_raw": "01/08/15", "due_date": D(2015, 8, 1), "due_precision": "day",
        "evidence": (
            "Achieved. Membership of strategic VEMT has been increased over quarter 1 and 2. The "
            "Tees strategic VEMT now has representation from licensing, CCG and a new education "
            "representative. The chair of the Tees LSCB's esafety sub group, Police regional CSE "
            "Coordinator and Cleveland Police operational lead have also been invited to join the "
            "group. Attendance at the group is good and, as chair, I have no concerns at present of "
            "continued lack of attendance / engagement of any member. The Tees Strategic CSE "
            "strategy has been agreed and this outlines the overall governance arrangements for "
            "VEMT. An annual report from the chair was completed in November 2015 and has been "
            "presented to the 4 LSCB's."
        ),
    },
    {
        **_TRACKER, **_ACHIEVED, **_SCALE,
        "page": 1, "line": 3, "rec_no": "2", "sub_item": "",
        "recommendation": (
            "The LSCB consider formal mechanisms for sharing information from the VEMT groups "
            "including how best to raise awareness with the wider voluntary and community sector, "
            "including the Faith Community."
        ),
        "officers": ("Chief Executive CATALYST",),
        "officer_raw": "Chief Executive CATALYST",
        "due_raw": "01/08/15", "due_date": D(2015, 8, 1), "due_precision": "day",
        "evidence": (
            "Achieved. VCSE Safeguarding Forum established as coordinating group to disseminate "
            "information and organise further specific discussion. 2015 meetings held on: 17 March "
            "(Included VEMT/CSE presentation), 1 July, 22 September."
        ),
    },
    {
        **_TRACKER, **_SLIPPED_HYPHEN, **_SCALE,
        "page": 1, "line": 6, "rec_no": "3", "sub_item": "",
        "recommendation": (
            "Consideration be given to developing early support services for children at risk of "
            "CSE as part of the Early Help Strategy and Implementation Plan."
        ),
        "officers": ("Chair of CYPHWCG",),
        "officer_raw": "Chair of CYPHWCG",
        "due_raw": "Post completion of JSNA September 2015",
        "due_date": D(2015, 9, 1), "due_precision": "month",
        "due_condition": "Post completion of JSNA",
        "evidence": (
            "CSE and early help are being taken forward as part of the development of the new "
            "operating model for early help. This includes: Universal and primary prevention ie "
            "support available to all: the provision of information and awareness, including "
            "training for front line practitioners, and the implementation of programmes such as "
            "Chelsea's Choice as a means of raising awareness in schools. Further consideration is "
            "being given to the opportunities for additional activity around safe relationships. "
            "Secondary prevention ie based on assessment of risk - Youth Direction identify groups "
            "of young people at risk based on the work of early help panels. Family support run "
            "groups such as Risky Biz for those young people who may be in involved in a variety of "
            "risky behaviours. Information and intelligence through group based activity is used to "
            "inform potential Early Help Assessment (EHA). Targeted ie based on assessment of "
            "need/risk – CSE is assessed as part of EHA, and as part of Team around the Family "
            "arrangements. Youth Direction and Family Support."
        ),
    },
    {
        **_TRACKER, **_SLIPPED_DASH, **_SCALE,
        "page": 1, "line": 10, "rec_no": "4", "sub_item": "",
        "recommendation": (
            "The Health and Wellbeing Board be asked to consider and commission appropriate "
            "prioritised services for children at risk of CSE."
        ),
        "officers": ("Chair of HWB",),
        "officer_raw": "Chair of HWB",
        "due_raw": "01/09/15", "due_date": D(2015, 9, 1), "due_precision": "day",
        "evidence": "As above.",
    },
    {
        **_TRACKER, **_ON_TRACK, **_SCALE,
        "page": 1, "line": 11, "rec_no": "5", "sub_item": "a",
        "recommendation": REC_5,
        "officers": ("Head of Schools and SEN",),
        "officer_raw": "Head of Schools and SEN",
        "due_raw": "September 2015", "due_date": D(2015, 9, 1), "due_precision": "month",
        "evidence": EVIDENCE_5,
    },
    {
        **_TRACKER, **_ON_TRACK, **_SCALE,
        "page": 1, "line": 11, "rec_no": "5", "sub_item": "b",
        "recommendation": REC_5,
        "officers": ("Chair of CYPHWCG", "Head of Schools and SEN"),
        "officer_raw": "Chair of CYPHWCG/ Head of Schools and SEN",
        "due_raw": "September 2015", "due_date": D(2015, 9, 1), "due_precision": "month",
        "evidence": EVIDENCE_5,
    },
    {
        **_TRACKER, **_SLIPPED_HYPHEN, **_SCALE,
        "page": 1, "line": 14, "rec_no": "6", "sub_item": "a",
        "recommendation": REC_6,
        "officers": ("Chair Hartlepool & Stockton LSCBs Multi Agency Training Group",),
        "officer_raw": "Chair Hartlepool & Stockton LSCBs Multi Agency Training Group",
        "due_raw": "01/11/15", "due_date": D(2015, 11, 1), "due_precision": "day",
        "evidence": (
            "Progressing but not yet completed. CSE training is a priority within the Joint "
            "LSCB's Training Strategy; Proposal has been developed by Tees Strategic VEMT regarding "
            "future training proposal to be reviewed by Joint Training Group once received from "
            "Alistair Simpson; CSE is included within the Safeguarding and Child Protection "
            "Training and Development Proposal for Safeguarding and Child Protection Training "
            "across Hartlepool and Stockton. Full day CSE awareness training is delivered by "
            "Barnardo's three times per year across Stockton and Hartlepool Outcomes of local "
            "SCR's are incorporated in throughout all training packages."
        ),
    },
    {
        **_TRACKER, **_ACHIEVED, **_SCALE,
        "page": 1, "line": 17, "rec_no": "6", "sub_item": "b",
        "recommendation": REC_6,
        "officers": ("Head of Democratic Services",),
        "officer_raw": "Head of Democratic Services",
        # 6b's date cell is empty on the paper.
        "due_raw": "", "due_date": None, "due_precision": None,
        "evidence": (
            "Achieved. Mandatory Safeguarding Children and Corporate Parenting training held for "
            "Elected Members on the 19 th May 2015 (facilitated by Head of Safeguarding & LAC), "
            "plus two subsequent mop-up sessions. Further training will be provided on an annual "
            "basis."
        ),
    },
    {
        **_TRACKER, **_ACHIEVED, **_SCALE,
        "page": 1, "line": 18, "rec_no": "7", "sub_item": "",
        "recommendation": (
            "CSE should feature in regular performance reports to Cabinet and Children and Young "
            "People Select Committee as part of quarterly performance updates."
        ),
        "officers": ("Head of CYP Services",),
        "officer_raw": "Head of CYP Services",
        "due_raw": "01/07/15", "due_date": D(2015, 7, 1), "due_precision": "day",
        "evidence": "Achieved. Update included in reports to Cabinet in July and October 2015.",
    },
    {
        **_TRACKER, **_ACHIEVED, **_SCALE,
        "page": 1, "line": 19, "rec_no": "8", "sub_item": "",
        "recommendation": (
            "Information about the prevalence of CSE be included within the JSNA together with "
            "appropriate commissioning decisions and priorities."
        ),
        "officers": ("Director of Public Health",),
        "officer_raw": "Director of Public Health",
        "due_raw": "01/08/15", "due_date": D(2015, 8, 1), "due_precision": "day",
        "evidence": (
            "Achieved. The Stockton JSNA now has a specific section on CSE updated (author Head of "
            "CYP Services) on 3 September 2015. This includes information on commissioning "
            "priorities and actions from the CYP Select Committee review of CSE."
        ),
    },
    {
        **_TRACKER, **_SLIPPED_HYPHEN, **_SCALE,
        "page": 1, "line": 20, "rec_no": "9", "sub_item": "",
        "recommendation": (
            "Work is commissioned, accepting the challenges, to obtain feedback from children as "
            "part of further assurance work."
        ),
        "officers": ("Chair of the VEMT Sub Group",),
        "officer_raw": "Chair of the VEMT Sub Group",
        "due_raw": "01/12/15", "due_date": D(2015, 12, 1), "due_precision": "day",
        "evidence": (
            "Progressing but not yet completed. This is being taken forward by Tees Strategic VEMT "
            "Group. Barnardo's have been commissioned to undertake this piece of work which is due "
            "to be completed in December 2015. Barnardo's have indicated this work has been "
            "completed and will be reported to Tees Strategic VEMT meeting in May 2016."
        ),
    },
    {
        **_TRACKER, **_ACHIEVED, **_SCALE,
        "page": 1, "line": 26, "rec_no": "10", "sub_item": "a",
        "recommendation": REC_10,
        "officers": ("Chair Tees Strategic VEMT",),
        "officer_raw": "Chair Tees Strategic VEMT",
        "due_raw": "July 2015", "due_date": D(2015, 7, 1), "due_precision": "month",
        "evidence": (
            "Achieved. OFSTED benchmarking has been completed and reflected in the Tees strategic "
            "CSE action plan, which is a living document. The Tees strategic VEMT have agreed a "
            "quality assurance framework and are now routinely collecting data. Individual areas "
            "have been requested to complete audits on VEMT and missing cases. VEMT audits "
            "completed to date in Stockton-on-Tees: October 2014 – reported to SLSCB in May 2015. "
            "April 2015 – due to be reported to SLSCB in November 2015. Next audit scheduled for "
            "December 2015. A review of scrutiny documents for Runaway and Missing from Home and "
            "Care has been conducted and the chair of the Tees strategic VEMT has written to LSCB "
            "chairs with a recommended future template for quarterly reporting in relation to this "
            "area."
        ),
    },
    {
        **_TRACKER, **_ACHIEVED, **_SCALE,
        "page": 1, "line": 55, "rec_no": "10", "sub_item": "b",
        "recommendation": REC_10,
        "officers": ("Corporate Director, CESC",),
        "officer_raw": "Corporate Director, CESC",
        "due_raw": "May 2015", "due_date": D(2015, 5, 1), "due_precision": "month",
        "evidence": "Achieved 21.05.15.",
        "achieved_on": D(2015, 5, 21),
    },
    {
        **_TRACKER, **_ACHIEVED, **_SCALE,
        "page": 1, "line": 58, "rec_no": "10", "sub_item": "c",
        "recommendation": REC_10,
        "officers": ("Chair Tees Strategic VEMT",),
        "officer_raw": "Chair Tees Strategic VEMT",
        "due_raw": "August 2015", "due_date": D(2015, 8, 1), "due_precision": "month",
        "evidence": "Achieved 19.03.16.",
        "achieved_on": D(2016, 3, 19),
    },
    {
        **_TRACKER, **_ACHIEVED, **_SCALE,
        "page": 1, "line": 59, "rec_no": "11", "sub_item": "",
        "recommendation": "The report be submitted to the LSCB for their consideration.",
        "officers": ("Head of CYP Services",),
        "officer_raw": "Head of CYP Services",
        "due_raw": "April 2015", "due_date": D(2015, 4, 1), "due_precision": "month",
        "evidence": "Achieved 27.04.15.",
        "achieved_on": D(2015, 4, 27),
    },
]  # fmt: skip

# The Cabinet proforma: what Cabinet RESOLVED on 12 March 2015.
_DECISION = {
    "council": "Stockton-on-Tees Borough Council",
    "body": "Cabinet",
    "meeting_date": D(2015, 3, 12),
    "title": "Task and Finish Scrutiny Review of Child Sexual Exploitation",
    "page": 1,
}

DECISIONS: list[dict[str, Any]] = [
    {**_DECISION, "line": 29, "rec_no": "1", "text": REC_1.replace("groups/SLSCB", "groups / SLSCB")},
    {**_DECISION, "line": 30, "rec_no": "2", "text": (
        "The LSCB consider formal mechanisms for sharing information from the VEMT groups "
        "including how best to raise awareness with the wider voluntary and community sector, "
        "including the Faith Community.")},
    {**_DECISION, "line": 31, "rec_no": "3", "text": (
        "Consideration be given to developing early support services for children at risk of "
        "CSE as part of the Early Help Strategy and Implementation Plan.")},
    {**_DECISION, "line": 32, "rec_no": "4", "text": (
        "The Health and Wellbeing Board be asked to consider and commission appropriate "
        "prioritised services for children at risk of CSE.")},
    {**_DECISION, "line": 33, "rec_no": "5", "text": REC_5},
    {**_DECISION, "line": 34, "rec_no": "6", "text": REC_6.replace("• ", "- ")},
    {**_DECISION, "line": 39, "rec_no": "7", "text": (
        "CSE should feature in regular performance reports to Cabinet and Children and Young "
        "People Select Committee as part of quarterly performance updates.")},
    {**_DECISION, "line": 40, "rec_no": "8", "text": (
        "Information about the prevalence of CSE be included within the JSNA together with "
        "appropriate commissioning decisions and priorities.")},
    {**_DECISION, "line": 41, "rec_no": "9", "text": (
        "Work is commissioned, accepting the challenges, to obtain feedback from children as "
        "part of further assurance work.")},
    # Rec 10 is cut by the page break after "be subject to further".
    {**_DECISION, "line": 42, "rec_no": "10", "text": REC_10},
    {**_DECISION, "line": 46, "rec_no": "11", "text": (
        "The report be submitted to the LSCB for their consideration.")},
]  # fmt: skip

DECISION_DOCUMENT: dict[str, Any] = {
    "kind": "decision",
    "council": "Stockton-on-Tees Borough Council",
    "body": "Cabinet",
    "title": "Task and Finish Scrutiny Review of Child Sexual Exploitation",
    "reference": None,
    "meeting_date": D(2015, 3, 12),
    "rows": 11,
    "reasons": (
        "The report presents the findings of the scrutiny review that took place as part of the "
        "agreed work programme for 2013/14."
    ),
    "alternatives": "None",
    "conflicts": "None",
    "dispensations": "N/A",
    "call_in_raw": "Midnight on Friday, 20th March 2015",
    "call_in_deadline": D(2015, 3, 20),
    "proper_officer_date": D(2015, 3, 16),
}

TRACKER_DOCUMENT: dict[str, Any] = {
    "kind": "tracker",
    "period": "Q1/2",
    "presented_date": D(2016, 6, 29),
    "rows": 15,
    "meeting_date": None,
    "body": None,
}
