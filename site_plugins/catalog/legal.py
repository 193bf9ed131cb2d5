"""Legal status and dated history of every published document, worked out from its dates and
the relations other documents state, as the national legal-document database shows them.

A document is in force from its `effective` date (the date issued when not given) until its
`expires` date. A published document that replaces or repeals it (`thay-the`, `bai-bo`) ends it
from that document's own effective date — in whole, or in part with `scope: mot-phan`; one that
amends it (`sua-doi`) ends a part; one that suspends it (`dinh-chi`, `tam-ngung`) suspends it.
A status the editor writes (`status:`, `status_since:`) wins over all of this."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from ..common.vietnamese import short_date, vn_datetime
from ..common.vocabulary import RELATION_BY_KEY, STATUSES

if TYPE_CHECKING:
    from ..content.entries import DocumentEntry
    from .graph import CitationGraph


@dataclass(frozen=True)
class Event:
    """Something that happened to a document, on a day."""

    document: DocumentEntry
    when: datetime  # Vietnam time; the day's start when only the day is known
    kind: str  # "ban-hanh", "dang", "co-hieu-luc", "quan-he", "tinh-trang", "cap-nhat"
    text: str  # "Bị thay thế bởi", "Tình trạng: Hết hiệu lực toàn bộ", "Sửa trích yếu theo bản gốc"
    other: DocumentEntry | None = None  # the document that did it
    status: str | None = None  # for "tinh-trang": the status from then on

    @property
    def day(self) -> date:
        return self.when.date()

    @property
    def key(self) -> str:
        """Stable as long as the event is the same event: a feed item's id."""
        other = self.other.id if self.other else ""
        return f"{self.document.id}/{self.kind}/{self.day.isoformat()}/{other}/{self.status or ''}"

    @property
    def sentence(self) -> str:
        """ "Bị thay thế bởi Luật 17/2023/QH15", "Tình trạng: Hết hiệu lực toàn bộ (theo Luật 17/2023/QH15)"."""
        if self.other is None:
            return self.text
        return f"{self.text} (theo {self.other.title})" if self.kind == "tinh-trang" else f"{self.text} {self.other.title}"


@dataclass
class LegalState:
    status: str  # a key of STATUSES
    since: date | None  # when the current status took effect (None: since it was issued, or unknown)
    effective: date | None
    expires: date | None
    causes: list[DocumentEntry] = field(default_factory=list)  # the documents that set the status
    by_editor: bool = False
    events: list[Event] = field(default_factory=list)  # oldest first, future ones included

    @property
    def label(self) -> str:
        return STATUSES[self.status]

    def past(self, now: datetime) -> list[Event]:
        return [e for e in self.events if e.when <= now]


@dataclass(frozen=True)
class _Effect:
    day: date
    effect: str  # "ends", "amends", "suspends"
    scope: str  # "toan-bo", "mot-phan"
    by: DocumentEntry


def _start(entry: DocumentEntry) -> date | None:
    """When a document takes effect: its `effective`, else the day it was issued."""
    return entry.data.effective or entry.data.issued


def legal_states(graph: CitationGraph, documents: list[DocumentEntry], by_id: dict, now: datetime) -> dict[str, LegalState]:
    return {entry.id: _state(entry, graph, by_id, now) for entry in documents}


def _status_at(day: date, start: date | None, expires: date | None, effects: list[_Effect]) -> tuple[str, list[DocumentEntry]]:
    if start is None:
        return "du-thao", []
    if day < start:
        return "chua-co-hieu-luc", []
    now = [e for e in effects if e.day <= day]
    if expires is not None and expires <= day:
        return "het-hieu-luc", []
    for effect, scope, status in (("ends", "toan-bo", "het-hieu-luc"), ("suspends", "toan-bo", "ngung-hieu-luc"),
                                  ("ends", "mot-phan", "het-hieu-luc-mot-phan"), ("amends", None, "het-hieu-luc-mot-phan"),
                                  ("suspends", "mot-phan", "ngung-hieu-luc-mot-phan")):  # fmt: skip
        causes = [e.by for e in now if e.effect == effect and (scope is None or e.scope == scope)]
        if causes:
            return status, causes
    return "con-hieu-luc", []


def _state(entry: DocumentEntry, graph: CitationGraph, by_id: dict, now: datetime) -> LegalState:
    d = entry.data
    start = _start(entry)
    events: list[Event] = []
    if d.issued:
        events.append(Event(entry, vn_datetime(d.issued), "ban-hanh", "Ban hành"))
    events.append(Event(entry, entry.published, "dang", "Đăng trên trang"))
    if d.effective and d.effective != d.issued:
        events.append(Event(entry, vn_datetime(d.effective), "co-hieu-luc", f"Có hiệu lực từ ngày {short_date(d.effective)}"))
    effects: list[_Effect] = []
    edges = list(graph.by_entry[entry.id].cited_by)
    if d.replaced_by and (replacer := by_id.get(d.replaced_by)) is not None and (replacer, "thay-the") not in edges:
        edges.append((replacer, "thay-the"))
    for citing, relation_key in edges:
        relation = RELATION_BY_KEY[relation_key]
        when = citing.data.issued or citing.published.date()
        events.append(Event(entry, vn_datetime(when), "quan-he", relation.passive, citing))
        if relation.effect and (day := _start(citing)) is not None:
            scope = graph.by_entry[entry.id].scopes.get(citing.id, relation.scope)
            effects.append(_Effect(day, relation.effect, scope, citing))
    for change in d.changes:
        events.append(Event(entry, vn_datetime(change.date), "cap-nhat", f"Cập nhật: {change.text}"))
    if d.updated and not d.changes:
        events.append(Event(entry, d.updated, "cap-nhat", "Cập nhật nội dung trên trang"))

    causes: list[DocumentEntry] = []
    if d.status:  # the editor's word
        status = d.status
        since = d.status_since
        if since:
            events.append(Event(entry, vn_datetime(since), "tinh-trang", f"Tình trạng: {STATUSES[status]}", status=status))
    else:
        turning = sorted({x for x in (start, d.expires, *(e.day for e in effects)) if x is not None})
        previous, since = None, None
        for day in turning:
            status_then, causes_then = _status_at(day, start, d.expires, effects)
            if status_then != previous:
                if previous is not None or status_then != "con-hieu-luc":
                    cause = causes_then[0] if causes_then else None
                    events.append(Event(entry, vn_datetime(day), "tinh-trang", f"Tình trạng: {STATUSES[status_then]}", cause, status_then))
                previous = status_then
                if day <= now.date():
                    since = day
        status, causes = _status_at(now.date(), start, d.expires, effects)
        if status in ("con-hieu-luc", "chua-co-hieu-luc", "du-thao"):
            since = None if status != "con-hieu-luc" or since == start else since
    events.sort(key=lambda e: (e.when, e.kind != "ban-hanh", e.key))
    return LegalState(status, since, start, d.expires, causes, bool(d.status), events)


def updates(states: dict[str, LegalState], now: datetime) -> list[Event]:
    """Every document's publish, corrections and status changes so far, newest first: the
    registry's "Mới cập nhật"."""
    kinds = {"dang", "cap-nhat", "tinh-trang"}
    found = [e for state in states.values() for e in state.past(now) if e.kind in kinds]
    return sorted(found, key=lambda e: (e.when, e.key), reverse=True)
