"""The pages of every declared list: cards, or a table of documents or cooperatives, paginated;
what the first page of each kind of list shows above it (a column's sub-columns, an agency's
facts and tasks, a province's cooperatives and documents, the registry's filters); and the index
files the client-side filters of /van-ban/ and /htx/ load."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..catalog.tasks import TrackedTask, task_counts, task_order
from ..common import urls
from ..common.vietnamese import short_date, sort_key
from ..common.vocabulary import STATUSES
from .cards import capped, link
from .events import event_pages, event_section
from .figureblocks import blocks
from .lifespans import province_end
from .listing import Listing
from .page import Book, feed_formats
from .sharing import agency_share
from .trees import archive_month_links

HOME = link(urls.HOME, "Trang chủ")  # the first step of every breadcrumb

DOCUMENT_INDEX_KEYS = ("url", "number", "type", "year", "status", "status_label", "issued", "doc_summary", "issuers")
COOPERATIVE_INDEX_KEYS = ("url", "title", "province", "province_id", "sectors", "sector_ids", "ocop_stars", "new_model")
URGENT = ("qua-han", "sap-den-han")  # statuses of a tracked document's tasks shown above an agency's news


def list_pages(book: Book, listing: Listing) -> None:
    """The pages of one declared list: cards, or a table of documents or cooperatives (a calendar of
    events: events.py)."""
    if listing.layout == "events":
        return event_pages(book, listing)
    template, first_extra, every_page = extras(book, listing)
    feeds = book.listings.advertised(listing.url)
    table = listing.layout == "table"
    # table rows are made when their page is made (so that the page records what it shows)
    items: list = [partial(book.cards.row, e) for e in listing.page_entries] if table else listing.page_entries
    size = book.settings.table_size if table else book.settings.page_size
    for url, chunk, pagination in book.split(listing.url, items, size):
        first = pagination["number"] == 1
        heading = listing.title if first else f"{listing.title} — trang {pagination['number']}"

        def make(chunk: list = chunk, pagination: dict = pagination, first: bool = first, heading: str = heading) -> dict:
            if table:
                context = {"heading": heading, "rows": [row() for row in chunk], "count": len(items), "filters": None, "index": None,
                           "breadcrumbs": [], "pagination": pagination, **every_page}  # fmt: skip
            else:
                context = {"heading": listing.title, "intro": listing.description, "cards": book.cards.cards(chunk), "pagination": pagination, **every_page}
            return {**context, **(first_extra() if first else {})}

        book.add(url, heading, template, make, listing.description, feeds, later=not first and not table)  # cards of its entries, and the clock's marks only


def extras(book: Book, listing: Listing) -> tuple[str, Callable[[], dict], dict]:
    """A list's template, what its first page shows above the list, and what every page has."""
    c, cards, kind, subject = book.catalog, book.cards, listing.kind, str(listing.subject)
    if kind == "column":
        return (
            "portal/list.html",
            lambda: {
                "children": [cards.column(k) for k in c.column_children.get(subject, [])],
                "breadcrumbs": [HOME, link(urls.COLUMNS, "Chuyên mục"), *(cards.column(k) for k in reversed(c.column_ancestry(subject)[1:]))],
            },
            {},
        )

    def events() -> dict:  # the section above an agency's, province's or campaign's news
        return {"events": event_section(book.cards, listing.events or [], listing)}

    if kind == "agency":
        share = {"share": agency_share(subject, c, book.media, book.settings.site)} if book.settings.site else {}
        return "portal/agency.html", lambda: {**agency_extra(book, subject), **share, **events()}, {}
    if kind == "province":
        return "portal/province.html", lambda: {**province_extra(book, subject), **events()}, {}
    if kind == "campaign":
        return "portal/list.html", events, {}
    if kind == "documents":
        return "portal/documents.html", lambda: document_filters(book), {}
    if kind == "cooperatives":
        return "portal/cooperatives.html", lambda: cooperative_filters(book), {}
    if kind in ("doctype", "year", "status"):
        return "portal/documents.html", dict, {"breadcrumbs": [HOME, link(urls.DOCUMENTS, "Văn bản")]}
    if kind == "sector":
        return "portal/cooperatives.html", dict, {"breadcrumbs": [HOME, link(urls.COOPERATIVES, "Hợp tác xã")]}
    if kind == "month" and isinstance(listing.subject, tuple):  # (year, month)
        return "portal/list.html", dict, archive_month_links(c, *listing.subject)
    return "portal/list.html", dict, {}


def agency_extra(book: Book, agency_id: str) -> dict:
    c, cards = book.catalog, book.cards
    own = c.by_agency.get(agency_id, [])
    descendants = set(c.agency_descendants(agency_id))
    from_children = sorted({e for d in descendants for e in c.by_agency.get(d, [])}, key=lambda e: (e.published, e.id), reverse=True)
    return {
        "facts": cards.agency_facts(agency_id),
        "documents": capped([e for e in own if e.kind == "document"], cards.row),
        "child_entries": cards.cards(from_children[: book.settings.page_size]),
        "figures": blocks(book.figures.agency(agency_id), urls.agency(agency_id)),  # its tasks by status, its documents by type
        **agency_tasks(book, agency_id),
    }


def agency_tasks(book: Book, agency_id: str) -> dict:
    """The tasks an agency leads or joins: counts by status, then the list, most urgent first (the
    page shows them after its news). Above the news, only what a tracked document makes urgent:
    its tasks overdue or due soon."""
    tasks = sorted(book.catalog.tasks_by_agency.get(agency_id, []), key=task_order)
    urgent = [x for x in tasks if x.tracked and x.status in URGENT]

    def row(tracked: TrackedTask) -> dict:
        book.cards.title_link(tracked.document)
        return {**book.cards.task(tracked), "lead": agency_id in tracked.task.lead}

    return {"tasks": capped(tasks, row), "task_counts": task_counts(tasks), "task_alerts": task_counts(urgent),
            "task_feed": feed_formats(book.listings[f"tasks:{agency_id}"])}  # fmt: skip


def province_extra(book: Book, province_id: str) -> dict:
    """A province's cooperatives, documents and agencies; whether it was merged into another (the
    notice under its title), a merger still to come, and the provinces merged into it."""
    c, reg, cards = book.catalog, book.catalog.registries, book.cards
    entries = c.by_province.get(province_id, [])
    province, today = reg.provinces[province_id], c.now.date()
    merged_in = [(p, step) for p, step in c.predecessors.get(province_id, []) if p in reg.provinces and step.date <= today]
    return {
        "sections": [
            {"title": "Hợp tác xã", "rows": capped([e for e in entries if e.kind == "cooperative"], cards.row), "kind": "cooperatives"},
            {"title": "Văn bản", "rows": capped([e for e in entries if e.kind == "document"], cards.row), "kind": "documents"},
        ],
        "agencies": [cards.agency(a) for a in sorted(reg.agencies, key=lambda a: sort_key(reg.agencies[a].name)) if reg.agencies[a].province == province_id],
        "ended": province_end(province, reg, today),
        "figures": blocks(book.figures.province(province_id), urls.province(province_id)),  # its cooperatives by sector
        "lineage": {
            "successors": [{**cards.province(s.id), "date": short_date(s.date)} for s in province.successors if s.date > today],
            "predecessors": [{**cards.province(p), "date": short_date(step.date)} for p, step in merged_in],
        },
    }


def document_filters(book: Book) -> dict:
    """The registry's filters: by type, year, issuer (every issuing agency: the page shows every document's) and status."""
    cards, listings = book.cards, book.listings
    issuing = {a: cards.agency(a) for e in cards.shown(listings["type:document"].entries) for a in e.agencies()}
    statuses = [x.subject for x in listings if x.kind == "status"]
    return {
        "filters": {
            "types": [link(urls.document_type(t), t, id=t) for t in listings.document_types()],
            "years": [link(x.url, str(x.subject), id=str(x.subject)) for x in listings if x.kind == "year"],
            "issuers": sorted(issuing.values(), key=lambda a: sort_key(a["title"])),
            "statuses": [link(urls.document_status(k), v, id=k) for k, v in STATUSES.items() if k in statuses],
        },
        "index": urls.DOCUMENT_INDEX,
    }


def cooperative_filters(book: Book) -> dict:
    """The directory's filters: by province (those with a cooperative) and sector."""
    c, reg, cards = book.catalog, book.catalog.registries, book.cards
    provinces = sorted({p for e in cards.shown(list(c.cooperatives)) for p in e.provinces()}, key=lambda p: sort_key(reg.provinces[p].name))
    return {
        "filters": {"provinces": [cards.province(p) | {"id": p} for p in provinces], "sectors": [cards.sector(s) | {"id": s} for s in reg.sectors]},
        "index": urls.COOPERATIVE_INDEX,
        "figures": blocks(book.figures.directory_figures(), urls.COOPERATIVES),  # the directory by province and sector
    }


def filter_indexes(book: Book) -> dict[str, list]:
    """The whole registry and directory as the client-side filters load them (site path → rows)."""
    cards, listings = book.cards, book.listings
    documents = [cards.row(e) for e in listings["type:document"].entries]
    cooperatives = [cards.row(e) for e in listings["type:cooperative"].page_entries]
    return {
        urls.DOCUMENT_INDEX: [{k: r[k] for k in DOCUMENT_INDEX_KEYS} for r in documents],
        urls.COOPERATIVE_INDEX: [{k: r[k] for k in COOPERATIVE_INDEX_KEYS} for r in cooperatives],
    }
