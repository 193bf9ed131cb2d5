"""Pages of the document registry besides its lists: "Mới cập nhật" (publishes, corrections and
status changes), the tasks documents assign (with filters), the open data, and a page for each
document that is cited but not published here."""

from __future__ import annotations

from functools import partial

from ..catalog.graph import Node
from ..catalog.tasks import TASK_STATUSES, task_counts, task_order
from ..common import urls
from ..common.vietnamese import short_date, sort_key
from . import opendata
from .cards import capped, link
from .entrypages import graph_context
from .page import Book, feed_formats

DOCUMENT_CRUMBS = [link(urls.HOME, "Trang chủ"), link(urls.DOCUMENTS, "Văn bản")]  # above every page of the registry that is not a list


def open_data_page(book: Book) -> None:
    """/van-ban/du-lieu/: the registry, its relations and tasks as CSV and JSON, columns described."""
    book.add(opendata.FOLDER, "Dữ liệu mở về văn bản", "portal/opendata.html",
             lambda: {"heading": "Dữ liệu mở về văn bản", "tables": opendata.describe(), "breadcrumbs": DOCUMENT_CRUMBS},
             "Danh sách văn bản, quan hệ giữa các văn bản và nhiệm vụ được giao, dạng CSV và JSON")  # fmt: skip


def stub_pages(book: Book) -> None:
    """A page for each document that is cited but not published here."""
    for node in book.catalog.graph.stubs:
        book.add(node.url, node.label, "portal/document-stub.html", partial(stub, book, node), f"{node.label}: văn bản được trích dẫn, chưa đăng trên trang")


def updates_page(book: Book) -> None:
    """/van-ban/moi-cap-nhat/: the newest publishes, corrections and status changes of documents."""
    listing, cards = book.listings["updates"], book.cards

    def make() -> dict:
        changed = book.catalog.updates[: book.settings.table_size * 2]
        rows = [
            {"date": short_date(e.when), "iso": e.day.isoformat(), "document": cards.title_link(e.document), "text": e.text, "kind": e.kind,
             "other": cards.title_link(e.other) if e.other else None}
            for e in changed
        ]  # fmt: skip
        return {"heading": listing.title, "rows": rows, "breadcrumbs": DOCUMENT_CRUMBS, "formats": feed_formats(listing)}

    book.add(listing.url, listing.title, "portal/updates.html", make, listing.feed_description, [listing, book.listings["site"]])


def tasks_page(book: Book) -> None:
    """/van-ban/nhiem-vu/: every assigned task with its status; filters by agency, status and due date."""
    reg, cards = book.catalog.registries, book.cards

    def make() -> dict:
        tasks = sorted(book.catalog.tasks, key=task_order)
        agencies = sorted({a for x in tasks for a in (*x.task.lead, *x.task.partners)}, key=lambda a: sort_key(reg.agencies[a].name))
        years = sorted({x.due.year for x in tasks if x.due})
        return {"heading": "Nhiệm vụ được giao", "tasks": [cards.task(x) for x in tasks], "counts": task_counts(tasks),
                "agencies": [cards.agency(a) for a in agencies], "statuses": [link("", v, id=k) for k, v in TASK_STATUSES.items()],
                "years": years, "now": short_date(book.catalog.now), "breadcrumbs": DOCUMENT_CRUMBS}  # fmt: skip

    book.add(urls.TASKS, "Nhiệm vụ được giao", "portal/tasks.html", make,
             "Nhiệm vụ các văn bản giao cho từng cơ quan, đơn vị: chưa đến hạn, sắp đến hạn, chưa có báo cáo, quá hạn, đã hoàn thành")  # fmt: skip


def stub(book: Book, node: Node) -> dict:
    """A document cited but not published here: what is known of it, who cites it, and the
    articles (and other entries) whose text mentions it."""
    reg, cards = book.catalog.registries, book.cards
    citing = {e.id for e, _ in node.cited_by}  # already in its "Lược đồ"
    return {
        "mentioned_by": capped([e for e in book.catalog.text_mentions.get(node.key, []) if e.id not in citing], cards.card),
        "heading": node.label,
        "node": {"type": node.type, "number": node.number, "title": node.title},  # (not the node: its links reach the whole graph)
        **graph_context(cards, node),
        "issuer": cards.agency(node.issuer) if node.issuer in reg.agencies else None,
        "issued": short_date(node.issued) if node.issued else None,
        "replaced_by": [cards.title_link(e) for e in node.replaced_by],
        "breadcrumbs": DOCUMENT_CRUMBS,
    }
