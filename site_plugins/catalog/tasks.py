"""Where each assigned task stands: its due date (from `due:` or the printed deadline), its
completion (the task's own `done:` or a later report's `completes:`), the build's "now", and
whether the editors follow the assigning document (`tracked: true`).

A task past its deadline with no completion recorded is "Quá hạn" only in a tracked document, whose
editors record every report; elsewhere the portal only knows that no report is recorded ("Chưa có
báo cáo"): the task may have been done and reported in a text the site does not carry. A report's
date after the deadline says "Hoàn thành quá hạn" in any document.

The printed deadlines of real plans are phrases, read here: "30/6/2025", "ngày 15 tháng 8 năm
2025", "Tháng 9/2025", "Quý II/2025", "6 tháng đầu năm 2025", "Trong năm 2025", "2021 - 2025".
The first dated phrase is the deadline ("Quý I/2021 xây dựng kế hoạch; triển khai hằng năm" is due
at the end of Quý I/2021). "Hằng năm", "Thường xuyên" or "Sau khi Đề án được phê duyệt" give none."""

from __future__ import annotations

import calendar
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from ..common.vietnamese import nfc

if TYPE_CHECKING:
    from ..content.entries import DocumentEntry
    from ..content.models import Task

TASK_STATUSES = {
    "qua-han": "Quá hạn",
    "sap-den-han": "Sắp đến hạn",
    "chua-den-han": "Chưa đến hạn",
    "chua-co-bao-cao": "Chưa có báo cáo",
    "khong-thoi-han": "Không ghi thời hạn",
    "hoan-thanh-qua-han": "Hoàn thành quá hạn",
    "hoan-thanh-dung-han": "Hoàn thành đúng hạn",
    "hoan-thanh": "Đã hoàn thành",  # done, with no deadline to be on time or late for
}
DUE_SOON = timedelta(days=30)

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_YEAR = r"((?:19|20)\d\d)"
_PATTERNS: list[tuple[re.Pattern, str]] = [
    (re.compile(rf"\b(\d{{1,2}})\s*[/.-]\s*(\d{{1,2}})\s*[/.-]\s*{_YEAR}\b"), "day"),
    (re.compile(rf"\bngày\s+(\d{{1,2}})\s+tháng\s+(\d{{1,2}})\s+năm\s+{_YEAR}\b", re.I), "day"),
    (re.compile(rf"\btháng\s+(\d{{1,2}})\s*(?:/|năm)\s*{_YEAR}\b", re.I), "month"),
    (re.compile(rf"\bquý\s+(IV|I{{1,3}}|[1-4])\s*(?:/|năm)\s*{_YEAR}\b", re.I), "quarter"),
    (re.compile(rf"\b6\s+tháng\s+(đầu|cuối)\s+năm\s+{_YEAR}\b", re.I), "half"),
    (re.compile(rf"\b{_YEAR}\s*[-–]\s*{_YEAR}\b"), "range"),
    (re.compile(rf"\b(?:năm|trong năm|đến năm|trước năm)?\s*{_YEAR}\b", re.I), "year"),
]


def due_date(deadline: str | None) -> date | None:
    """The last day a printed deadline allows, or None when it names no date."""
    if not deadline:
        return None
    text = nfc(deadline)
    found: list[tuple[int, date]] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):  # a part of a phrase already read
                continue
            day = _read(kind, match.groups())
            if day is not None:
                found.append((match.start(), day))
                taken.append(match.span())
    return min(found)[1] if found else None


def _read(kind: str, groups: tuple) -> date | None:
    try:
        if kind == "day":
            return date(int(groups[2]), int(groups[1]), int(groups[0]))
        if kind == "month":
            year, month = int(groups[1]), int(groups[0])
            return date(year, month, calendar.monthrange(year, month)[1])
        if kind == "quarter":
            quarter = _ROMAN.get(groups[0].upper()) or int(groups[0])
            year, month = int(groups[1]), quarter * 3
            return date(year, month, calendar.monthrange(year, month)[1])
        if kind == "half":
            return date(int(groups[1]), 6, 30) if groups[0].lower() == "đầu" else date(int(groups[1]), 12, 31)
        if kind == "range":
            return date(int(groups[1]), 12, 31)
        return date(int(groups[0]), 12, 31)
    except ValueError:  # 31/2/2025: not a date
        return None


@dataclass
class TrackedTask:
    document: DocumentEntry
    number: int  # 1, 2… in the document
    task: Task
    due: date | None
    done: date | None
    reported_by: DocumentEntry | None  # the report that recorded it done
    status: str  # a key of TASK_STATUSES
    tracked: bool  # the document's editors record every completion (`tracked: true`)

    @property
    def anchor(self) -> str:
        return f"nhiem-vu-{self.number}"

    @property
    def label(self) -> str:
        return TASK_STATUSES[self.status]


def status_of(due: date | None, done: date | None, today: date, tracked: bool = False) -> str:
    """A task's status on ``today``. Past its due date with nothing reported, it is overdue only when
    its document is ``tracked``: otherwise all the portal knows is that no report is recorded."""
    if done is not None:
        return "hoan-thanh" if due is None else "hoan-thanh-qua-han" if done > due else "hoan-thanh-dung-han"
    if due is None:
        return "khong-thoi-han"
    if due < today:
        return "qua-han" if tracked else "chua-co-bao-cao"
    return "sap-den-han" if due - today <= DUE_SOON else "chua-den-han"


def find_task(tasks: list[Task], ref: int | str) -> int | None:
    """The index of the task a report names: by number (1-based) or by `id`."""
    if isinstance(ref, int):
        return ref - 1 if 1 <= ref <= len(tasks) else None
    return next((i for i, task in enumerate(tasks) if task.id == ref), None)


def track(documents: list[DocumentEntry], now: datetime) -> list[TrackedTask]:
    """Every task of every document, with its status. Completions by reports whose task does not
    exist are reported by `portal check` (loading.py) and ignored here."""
    by_id = {d.id: d for d in documents}
    reported: dict[tuple[str, int], tuple[date, DocumentEntry]] = {}
    for report in sorted(documents, key=lambda e: e.published):
        for completion in report.data.completes:
            target = by_id.get(completion.document)
            index = find_task(target.data.tasks, completion.task) if target else None
            day = completion.done or report.data.issued or report.published.date()
            if index is not None:
                reported.setdefault((completion.document, index), (day, report))
    found = []
    for entry in documents:
        for index, task in enumerate(entry.data.tasks):
            due = task.due or due_date(task.deadline)
            by_report = reported.get((entry.id, index))
            done = task.done or (by_report[0] if by_report else None)
            reporter = by_report[1] if by_report and not task.done else None
            tracked = entry.data.tracked
            status = status_of(due, done, now.date(), tracked)
            found.append(TrackedTask(entry, index + 1, task, due, done, reporter, status, tracked))
    return found


def task_order(tracked: TrackedTask) -> tuple:
    """Most urgent first: overdue, due soon, not yet due (by due date), past due with no report,
    undated, then done."""
    rank = list(TASK_STATUSES).index(tracked.status)
    return (rank, tracked.due or tracked.document.published.date(), tracked.document.id, tracked.number)


def task_counts(tasks: list[TrackedTask]) -> list[dict]:
    """How many tasks have each status, in the vocabulary's order; statuses no task has left out."""
    counts = Counter(x.status for x in tasks)
    return [{"status": k, "label": v, "count": counts[k]} for k, v in TASK_STATUSES.items() if counts[k]]
