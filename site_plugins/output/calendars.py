"""iCalendar files (RFC 5545, written with the `icalendar` library): one per event ("Thêm vào lịch"
on its page, ``su-kien/<slug>/lich.ics``) and one per list that has events, beside its feeds (every
event: ``su-kien/lich.ics``; each kind's, agency's, province's and campaign's ``…/lich.ics``).

What calendar programs rely on:

- ``UID`` is the event's permanent id at the domain of the feeds' id authority (set once, never
  changed): it never changes with the title, slug, URL or host, so a subscriber's copy is updated,
  never doubled.
- ``SEQUENCE`` is the event's revision (revisions.py): raised whenever what its entry says changes.
- ``DTSTAMP``/``LAST-MODIFIED`` come from the content (`updated:`, else `date:`), never the clock:
  two builds of the same content are byte-identical.
- A cancelled event stays, with ``STATUS:CANCELLED`` (and "Đã hủy:" before its title, for the
  programs that ignore the status); a postponed one without a new date is ``TENTATIVE``.
- Times carry ``TZID=Asia/Ho_Chi_Minh`` and the calendar its ``VTIMEZONE``; an all-day event is
  ``VALUE=DATE`` with an exclusive ``DTEND`` (the day after its last day).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

from icalendar import Calendar, Timezone
from icalendar import Event as VEvent

from ..catalog.catalog import Catalog
from ..common import urls
from ..content.entries import EventEntry
from ..views.events import place_line, status_line
from ..views.listing import Listing
from .outputfiles import within

TZID = "Asia/Ho_Chi_Minh"
ZONE = ZoneInfo(TZID)
PRODID = "-//htx-portal//Lich su kien//VI"
LIMIT = 500  # events in a list's calendar, the latest by their start: no calendar grows without bound
REFRESH = timedelta(hours=6)  # how often a subscribed calendar is fetched again
STATUS = {"theo-lich": "CONFIRMED", "hoan": "TENTATIVE", "huy": "CANCELLED"}
PREFIX = {"hoan": "Tạm hoãn: ", "huy": "Đã hủy: "}  # before the title, for programs that show no STATUS


@cache
def _timezone() -> Timezone:
    """Vietnam's VTIMEZONE (UTC+7 since 1975, no daylight saving), from the pinned tz database; made
    once (it takes the library a while) and only ever serialised."""
    return Timezone.from_tzid(TZID, first_date=date(1976, 1, 1), last_date=date(2100, 1, 1))


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def _local(moment: date | datetime) -> date | datetime:
    """A time in Vietnam's named zone (written with its TZID); a day as it is."""
    return moment.astimezone(ZONE) if isinstance(moment, datetime) else moment


@dataclass
class CalendarSettings:
    site_url: str
    id_authority: str  # the feeds' "kinhtetapthe.example.vn,2024": its domain makes the UIDs
    site_name: str

    @property
    def domain(self) -> str:
        return self.id_authority.split(",", 1)[0].strip() or urlsplit(self.site_url).hostname or "localhost"


@dataclass
class CalendarWriter:
    catalog: Catalog
    settings: CalendarSettings
    sequences: dict[str, int] = field(default_factory=dict)  # event id → its revision (revisions.py)
    _digests: dict[str, str] = field(default_factory=dict)

    def absolute(self, url: str) -> str:
        return urljoin(self.settings.site_url, url)

    # one event ----------------------------------------------------------------------------------
    def published(self, entry: EventEntry) -> VEvent:
        """What calendars say of an event, without its revision and stamps (what the digest covers)."""
        e, reg = entry.data, self.catalog.registries
        event = VEvent()
        event.add("uid", f"{entry.id}@{self.settings.domain}")
        title = e.title if e.rescheduled else PREFIX.get(e.status, "") + e.title
        event.add("summary", title)
        begins, ends = e.begins, e.ends
        event.add("dtstart", _local(begins))
        if e.all_day:  # the day after the last day: DTEND of an all-day event is exclusive
            event.add("dtend", (ends or begins) + timedelta(days=1))
        elif ends is not None:
            event.add("dtend", _local(ends))
        lines = [e.summary]
        if note := status_line(e):
            lines.append(note)
        lines.append("Đơn vị tổ chức: " + "; ".join(reg.agencies[a].name for a in e.organisers))
        if e.registration:
            lines.append(f"Đăng ký tham dự: {e.registration}")
        lines.append(f"Chi tiết: {self.absolute(entry.url)}")
        event.add("description", "\n\n".join(lines))
        event.add("location", place_line(e, reg))
        if e.coordinates:
            event.add("geo", (e.coordinates.lat, e.coordinates.lon))
        event.add("url", self.absolute(entry.url))
        event.add("categories", [e.kind.capitalize()])
        event.add("status", "CONFIRMED" if e.rescheduled else STATUS[e.status])
        event.add("class", "PUBLIC")
        event.add("created", _utc(entry.published))
        return event

    def digest(self, entry: EventEntry) -> str:
        if entry.id not in self._digests:
            self._digests[entry.id] = hashlib.sha256(self.published(entry).to_ical()).hexdigest()[:16]
        return self._digests[entry.id]

    def digests(self) -> dict[str, str]:
        """Event id → digest of what its calendar entry says: what the revision ledger compares."""
        return {e.id: self.digest(e) for e in self.catalog.events}

    def stamped(self, entry: EventEntry) -> VEvent:
        """The event with its revision and the time of its last change, as calendars receive it."""
        event = self.published(entry)
        event.add("sequence", self.sequences.get(entry.id, 0))
        event.add("dtstamp", _utc(entry.updated))
        event.add("last-modified", _utc(entry.updated))
        return event

    # files ----------------------------------------------------------------------------------------
    def calendar(self, title: str, page: str, path: str, events: list[EventEntry], description: str = "") -> bytes:
        cal = Calendar()
        cal.add("prodid", PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("method", "PUBLISH")
        cal.add("name", title)
        cal.add("x-wr-calname", title)
        if description:
            cal.add("description", description)
            cal.add("x-wr-caldesc", description)
        cal.add("x-wr-timezone", TZID)
        cal.add("url", self.absolute(page), parameters={"VALUE": "URI"})
        cal.add("source", self.absolute(path), parameters={"VALUE": "URI"})
        cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", "PT6H")
        cal.add_component(_timezone())  # always: a calendar holds at least one component, also before its first event
        for entry in sorted(events, key=_start)[-LIMIT:]:
            cal.add_component(self.stamped(entry))
        return cal.to_ical()

    def write(self, listing: Listing, out: Path) -> str:
        """A list's calendar, beside its feeds."""
        assert listing.calendar_path is not None and listing.events is not None
        data = self.calendar(listing.calendar_title, listing.url, listing.calendar_path, listing.events)
        return _write(out, listing.calendar_path, data)

    def write_event(self, entry: EventEntry, out: Path) -> str:
        """An event's own calendar, in its page's folder."""
        path = urls.calendar(entry.url)
        return _write(out, path, self.calendar(entry.title, entry.url, path, [entry], entry.summary))


def _start(entry: EventEntry) -> tuple[datetime, str]:
    begins = entry.data.begins
    return (begins if isinstance(begins, datetime) else datetime.combine(begins, datetime.min.time(), ZONE)), entry.id


def _write(out: Path, path: str, data: bytes) -> str:
    target = within(out, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.unlink(missing_ok=True)
    target.write_bytes(data)
    return path


def write_calendars(catalog: Catalog, listings: list[Listing], writer: CalendarWriter, out: Path) -> list[str]:
    """Every list's calendar and every event's own: the paths written."""
    written = [writer.write(x, out) for x in listings if x.calendar_path is not None]
    return written + [writer.write_event(e, out) for e in catalog.events]
