"""What the feeds of a document's history, of "Mới cập nhật" and of tasks coming due carry: a
notice (something that happened on a day), not an entry. Made from legal events and tracked
tasks; the feed writer turns each into an item of every format."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from ..common.vietnamese import short_date, vn_datetime
from .legal import Event
from .tasks import DUE_SOON, TrackedTask


@dataclass(frozen=True)
class Notice:
    key: str  # stable: the feed item's id is made from it
    when: datetime
    title: str
    url: str  # site-relative
    summary: str
    shows: tuple[str, ...]  # ids of the entries whose data it shows (the dependency map)

    @property
    def fingerprint(self) -> str:
        return f"{self.key}|{self.when.isoformat()}|{self.title}|{self.url}|{self.summary}"


def from_event(event: Event, with_title: bool = True) -> Notice:
    """A document's event. In the document's own feed the title is the event; in "Mới cập nhật" it
    says which document too."""
    doc = event.document
    url = event.other.url if event.kind == "quan-he" and event.other else f"{doc.url}#lich-su"
    title = f"{doc.title}: {event.sentence}" if with_title else event.sentence
    shows = (doc.id, event.other.id) if event.other else (doc.id,)
    return Notice(f"su-kien/{event.key}", event.when, title, url, doc.summary, shows)


def from_task(tracked: TrackedTask) -> Notice:
    """A task coming due (from 30 days before its due date) or overdue (from the day after)."""
    assert tracked.due is not None
    overdue = tracked.status == "qua-han"
    when = vn_datetime(tracked.due + timedelta(days=1)) if overdue else vn_datetime(tracked.due - DUE_SOON)
    doc = tracked.document
    title = f"{tracked.label} ({short_date(tracked.due)}): {tracked.task.text}"
    summary = f"Nhiệm vụ {tracked.number} của {doc.title}: {doc.summary}"
    return Notice(f"nhiem-vu/{doc.id}/{tracked.number}/{tracked.status}", when, title, f"{doc.url}#{tracked.anchor}", summary, (doc.id,))
