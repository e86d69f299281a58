"""The words of the workflow: kinds, channels, urgencies, statuses, ratings and levels.

Each value is stored as the key; the label is the English source text that the UI translates
(context "vocabulary"), so Chinese shows by default.
"""

from __future__ import annotations

from .text import QT_TRANSLATE_NOOP as _t

KINDS = {
    "complaint": _t("vocabulary", "Complaint"),
    "help": _t("vocabulary", "Request for help"),
    "suggestion": _t("vocabulary", "Suggestion"),
    "consultation": _t("vocabulary", "Consultation"),
    "praise": _t("vocabulary", "Praise"),
}

CHANNELS = {
    "window": _t("vocabulary", "Walk-in window"),
    "phone": _t("vocabulary", "Phone"),
    "deputy": _t("vocabulary", "Deputy reception"),
    "patrol": _t("vocabulary", "Grid patrol"),
    "meeting": _t("vocabulary", "Council meeting"),
    "online": _t("vocabulary", "Online"),
}

URGENCIES = {
    "very_urgent": _t("vocabulary", "Very urgent"),
    "urgent": _t("vocabulary", "Urgent"),
    "ordinary": _t("vocabulary", "Ordinary"),
}

STATUSES = {
    "registered": _t("vocabulary", "Awaiting dispatch"),
    "dispatched": _t("vocabulary", "Awaiting signing"),
    "signed": _t("vocabulary", "In hand"),
    "replied": _t("vocabulary", "Answered"),
    "returned": _t("vocabulary", "Returned for redoing"),
    "resolved": _t("vocabulary", "Resolved, awaiting evaluation"),
    "closed": _t("vocabulary", "Closed"),
    "voided": _t("vocabulary", "Voided"),
    "merged": _t("vocabulary", "Merged"),
    "split": _t("vocabulary", "Split"),
    "incomplete": _t("vocabulary", "Waiting for its registration"),
}

# Statuses in which the department still owes work, and the clock runs.
ACTIVE = frozenset({"registered", "dispatched", "signed", "replied", "returned"})
# Statuses after which nothing but comments may happen.
FINAL = frozenset({"closed", "voided", "merged", "split"})

RATINGS = {
    "satisfied": _t("vocabulary", "Satisfied"),
    "basic": _t("vocabulary", "Basically satisfied"),
    "unsatisfied": _t("vocabulary", "Unsatisfied"),
}

DIMENSIONS = {
    "speed": _t("vocabulary", "Speed of handling"),
    "effect": _t("vocabulary", "Effect"),
    "service": _t("vocabulary", "Service"),
    "feedback": _t("vocabulary", "Quality of feedback"),
}

LEVELS = {
    "community": _t("vocabulary", "Community"),
    "street": _t("vocabulary", "Street"),
    "district": _t("vocabulary", "District"),
}
LEVEL_ORDER = ("community", "street", "district")


# What residents read about their request at the centre (the progress page and Open311), in
# Chinese: the centre runs without Qt's translations, and these words are written for the
# resident rather than the worker. Every status has one; one table for every public page.
PUBLIC_STATUS_ZH = {
    "registered": "已受理，待分拨", "dispatched": "已分拨，待部门签收", "signed": "办理中",
    "replied": "部门已答复，办理中", "returned": "回退重办中", "resolved": "已办结，待您评价",
    "closed": "已办结", "voided": "已作废", "merged": "已与其他诉求合并办理", "split": "已拆分办理",
    "incomplete": "已受理，等待社区同步",
}
PUBLIC_DIMENSIONS_ZH = {"speed": "处置速度", "effect": "处置效果", "service": "服务体验",
                        "feedback": "反馈质量"}
PUBLIC_RATINGS_ZH = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意"}
PUBLIC_LEVELS_ZH = {"community": "社区", "street": "街道", "district": "区"}
