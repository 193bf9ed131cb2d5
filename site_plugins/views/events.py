"""What readers see of events: the calendar pages (/su-kien/ and each kind's: upcoming first, then
past, by month, paginated), an event's own page, and the small section of events on an agency's,
province's, campaign's and document's page. Every date in Vietnamese ("08:00–11:30, Thứ Năm,
14/01/2021"), upcoming and past by the build's "now"."""

from __future__ import annotations

from datetime import datetime

from ..common import urls
from ..common.vietnamese import month_name, short_date, time_date_line
from ..common.vocabulary import EVENT_STATUSES
from ..content.entries import EventEntry
from ..content.models import Event
from ..content.registries import Registries
from .cards import Cards, link
from .eventtimes import calendar_order, finished, iso, moment, under_way, when
from .listing import Listing
from .page import CALENDAR_LABEL, Book, feed_formats

SECTION_LIMIT = 5  # events in the section of an agency's, province's, campaign's or document's page
HOME = link(urls.HOME, "Trang chủ")


# display data -------------------------------------------------------------------------------------------
def status_line(event: Event) -> str:
    """What the status banner says (empty for an event that takes place as planned)."""
    note = f" {event.status_note}" if event.status_note else ""
    if event.status == "huy":
        return f"Sự kiện đã bị hủy.{note}"
    if event.rescheduled:
        return f"Sự kiện đã dời sang {when(event.begins, event.ends)} (lịch cũ: {when(event.start, event.end)}).{note}"
    if event.status == "hoan":
        return f"Sự kiện tạm hoãn, chưa có lịch mới.{note}"
    return ""


def place_line(event: Event, registries: Registries) -> str:
    """ "Hội trường …, Phường …, Tỉnh Lạng Sơn"."""
    province = registries.provinces[event.province].name if event.province else None
    return ", ".join(x for x in (event.place, event.commune, province) if x)


def event_row(cards: Cards, entry: EventEntry, now: datetime) -> dict:
    """An event in a calendar list or a page's section."""
    cards.saw(entry)
    e = entry.data
    return {
        "url": entry.url,
        "title": entry.title,
        "kind": e.kind.capitalize(),
        "kind_url": urls.event_kind(e.kind),
        "when": when(e.begins, e.ends),
        "iso": iso(e.begins),
        "place": place_line(e, cards.reg),
        "organisers": [cards.agency(a) for a in e.organisers],
        "status": e.status,
        "status_label": "Đã dời lịch" if e.rescheduled else EVENT_STATUSES[e.status] if e.status != "theo-lich" else "",
        "under_way": under_way(e, now),
        "past": finished(e, now),
        "ics": urls.calendar(entry.url),
        "mark": cards.mark(entry),
    }


def by_month(rows: list[dict], entries: list[EventEntry]) -> list[dict]:
    """Rows grouped under the month each event takes place in ("Tháng 3/2027"), in the rows' order."""
    groups: list[dict] = []
    for row, entry in zip(rows, entries, strict=True):
        day = moment(entry.data.begins)
        key = f"{day.year}-{day.month:02d}"
        if not groups or groups[-1]["key"] != key:
            groups.append({"key": key, "title": month_name(day.year, day.month), "rows": []})
        groups[-1]["rows"].append(row)
    return groups


# pages --------------------------------------------------------------------------------------------------
def event_pages(book: Book, listing: Listing) -> None:
    """A calendar list (/su-kien/, su-kien/loai/<kind>/): upcoming events soonest first, then past ones
    latest first, each part by month; page_size events a page."""
    now, cards = book.catalog.now, book.cards
    upcoming, past = calendar_order(listing.events or [], now)
    ordered = [(e, False) for e in upcoming] + [(e, True) for e in past]
    feeds = book.listings.advertised(listing.url)
    kinds = [x for x in book.listings if x.kind == "event-kind"]
    crumbs = [HOME] if listing.kind == "events" else [HOME, link(urls.EVENTS, "Sự kiện")]
    for url, chunk, pagination in book.split(listing.url, ordered, book.settings.page_size):
        heading = listing.title if pagination["number"] == 1 else f"{listing.title} — trang {pagination['number']}"

        def make(chunk: list = chunk, pagination: dict = pagination, heading: str = heading) -> dict:
            parts = []
            for title, over in (("Sắp diễn ra", False), ("Đã diễn ra", True)):
                entries = [e for e, is_past in chunk if is_past == over]
                if entries:
                    rows = [event_row(cards, e, now) for e in entries]
                    parts.append({"title": title, "anchor": "da-dien-ra" if over else "sap-dien-ra", "months": by_month(rows, entries)})
            return {
                "heading": heading,
                "intro": listing.description,
                "breadcrumbs": crumbs,
                "parts": parts,
                "counts": {"upcoming": len(upcoming), "past": len(past)},
                "kinds": [link(x.url, str(x.subject).capitalize(), count=len(x.events or []), current=x is listing) for x in kinds],
                "formats": feed_links_of(listing),
                "pagination": pagination,
            }

        book.add(url, heading, "portal/events.html", make, listing.description, feeds)


def feed_links_of(listing: Listing) -> list[dict]:
    """The list's calendar first (what a reader of events subscribes to), then its feeds."""
    formats = feed_formats(listing)
    return formats[-1:] + formats[:-1] if listing.calendar_path else formats


def event_section(cards: Cards, events: list[EventEntry], listing: Listing | None = None) -> dict:
    """The events on an agency's, province's, campaign's or document's page: the upcoming ones, then the
    latest past ones, SECTION_LIMIT at most, with the calendar to subscribe to."""
    now = cards.catalog.now
    upcoming, past = calendar_order(events, now)
    shown = (upcoming + past)[:SECTION_LIMIT]
    calendar = link(listing.calendar_path, CALENDAR_LABEL) if listing is not None and listing.calendar_path else None
    return {
        "rows": [event_row(cards, e, now) for e in shown],
        "total": len(events),
        "upcoming": len(upcoming),
        "calendar": calendar,
        "all": link(urls.EVENTS, "Mọi sự kiện"),
    }


def event_page(cards: Cards, entry: EventEntry, now: datetime) -> dict:
    """What an event's own page shows besides what every entry's page has."""
    e, catalog = entry.data, cards.catalog
    cover = None
    if e.cover:
        cover = {**cards.image(urls.asset(entry.src_uri, e.cover.src), e.cover.alt or e.title), "caption": e.cover.caption, "credit": e.cover.credit}
    documents = [x for x in (cards.entry_link(i) for i in e.documents) if x]
    articles = [catalog.by_id[i] for i in e.articles if i in catalog.by_id]
    return {
        "breadcrumbs": [HOME, link(urls.EVENTS, "Sự kiện"), link(urls.event_kind(e.kind), e.kind.capitalize())],
        "row": event_row(cards, entry, now),
        "facts": e,
        "status_line": status_line(e),
        "previous_when": when(e.start, e.end) if e.rescheduled else None,
        "previous_iso": iso(e.start),
        "province": cards.province(e.province) if e.province else None,
        "campaign": cards.campaign(e.campaign) if e.campaign else None,
        "cover": cover,
        "documents": documents,
        "articles": cards.cards(articles),
        "updated_line": time_date_line(e.updated) if e.updated else None,
        "announced": short_date(e.date),
        "calendar": {"url": urls.calendar(entry.url), "title": f"{entry.title} (iCalendar)"},
    }
