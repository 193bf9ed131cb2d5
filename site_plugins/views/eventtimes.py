"""An event's times as readers and machines read them: in Vietnamese ("08:00–11:30, Thứ Năm,
14/01/2021"), in ISO 8601 with +07:00, whether it is over or under way by the build's "now", and
the calendar order (upcoming soonest first, then past latest first)."""

from __future__ import annotations

from datetime import date, datetime, time

from ..common.vietnamese import date_line, time_date_line, vn_datetime
from ..content.entries import EventEntry
from ..content.models import Event


def moment(value: date | datetime) -> datetime:
    """A day (midnight) or a time, as an aware datetime in Vietnam time: what events are sorted by."""
    return vn_datetime(value)


def iso(value: date | datetime) -> str:
    """As HTML's <time datetime> and schema.org want it: "2027-03-12" or "2021-01-14T08:00:00+07:00"."""
    return vn_datetime(value).isoformat() if isinstance(value, datetime) else value.isoformat()


def when(begins: date | datetime, ends: date | datetime | None) -> str:
    """ "Thứ Năm, 12/03/2027", "Từ Thứ Năm, 12/03/2027 đến Chủ Nhật, 15/03/2027", "08:00–11:30, Thứ Năm,
    14/01/2021", "Từ 08:00, Thứ Năm, 14/01/2021 đến 11:30, Thứ Sáu, 15/01/2021"."""
    if not isinstance(begins, datetime):
        if ends is None or ends == begins:
            return date_line(begins)
        return f"Từ {date_line(begins)} đến {date_line(ends)}"
    start = vn_datetime(begins)
    if ends is None:
        return time_date_line(start)
    end = vn_datetime(ends)
    if end.date() == start.date():
        return f"{start:%H:%M}–{end:%H:%M}, {date_line(start)}"
    return f"Từ {start:%H:%M}, {date_line(start)} đến {end:%H:%M}, {date_line(end)}"


def finished(event: Event, now: datetime) -> bool:
    """Over by ``now``: its last day has passed (all day), or its end (else its start) is behind."""
    last = event.ends or event.begins
    if not isinstance(last, datetime):
        return datetime.combine(last, time(23, 59, 59), now.tzinfo) < now
    return vn_datetime(last) < now


def under_way(event: Event, now: datetime) -> bool:
    return moment(event.begins) <= now and not finished(event, now)


def calendar_order(events: list[EventEntry], now: datetime) -> tuple[list[EventEntry], list[EventEntry]]:
    """(upcoming and under way, soonest first; past, latest first). A cancelled event keeps its place."""
    upcoming = sorted((e for e in events if not finished(e.data, now)), key=lambda e: (moment(e.data.begins), e.id))
    past = sorted((e for e in events if finished(e.data, now)), key=lambda e: (moment(e.data.begins), e.id), reverse=True)
    return upcoming, past
