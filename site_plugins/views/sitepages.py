"""Pages of the site as a whole: the home page, the page of every feed, and the search page."""

from __future__ import annotations

from ..common import urls
from ..common.vocabulary import SEARCH_FILTERS
from .lifespans import running
from .page import Book, feed_formats
from .statistics import home_figure


def home_page(book: Book) -> None:
    """The home page: featured and latest articles, documents, model cooperatives, a column, and the
    campaigns running on the build's day (a campaign's banner goes when its `end:` has passed)."""
    c, cards, s = book.catalog, book.cards, book.settings

    def make() -> dict:
        # Each story once: "Tiêu điểm" (the featured ones, topped up to three with the newest), the
        # column's rail, then "Tin mới" and "Đọc thêm" from the stories not shown yet.
        featured = [e for e in c.articles if e.data.featured][:3]
        featured += [e for e in c.articles if not e.data.featured][: 3 - len(featured)]
        shown = {e.id for e in featured}
        column = c.registries.columns.get(s.home_column)
        in_column = [e for e in c.by_column[column.id] if e.id not in shown][:5] if column else []
        shown.update(e.id for e in in_column)
        latest = [e for e in c.articles if e.id not in shown][: s.home_latest + 5]
        models = [e for e in c.cooperatives if e.data.featured] or c.cooperatives[:1]
        return {
            "featured": cards.cards(featured),
            "latest": cards.cards(latest[: s.home_latest]),
            "more": cards.cards(latest[s.home_latest :]),  # "Đọc thêm": the next ones
            "documents": [cards.document_row(e) for e in c.documents[:5]],
            "cooperatives": [cards.cooperative_row(e) for e in models[:2]],
            "column": {**cards.column(column.id), "cards": cards.cards(in_column)} if column and in_column else None,
            "campaigns": [cards.campaign(k) for k, x in c.registries.campaigns.items() if c.by_campaign.get(k) and running(x, c.now.date())],
            "figure": home_figure(book),  # mkdocs.yml: home_figure
        }

    book.add(
        urls.HOME, "Trang chủ", "portal/home.html", make, "Tin tức, văn bản và hợp tác xã điển hình về kinh tế tập thể", book.listings.advertised(urls.HOME)
    )


def feeds_page(book: Book) -> None:
    """/feeds/: every list's feeds, grouped as in feeds.opml. In each group the lists whose feeds
    carry items come first; the empty ones follow, marked (their feeds exist: a reader may follow
    a list before its first item, but feeds.opml leaves them out). The first two groups are shown
    open, the others behind a "Xem N nguồn tin" that says it opens."""

    def make() -> dict:
        groups = []
        for index, (label, members) in enumerate(book.listings.grouped()):
            ordered = [x for x in members if x.has_items] + [x for x in members if not x.has_items]
            feeds = [{"title": x.feed_title, "page": x.url, "formats": feed_formats(x), "empty": not x.has_items} for x in ordered]
            groups.append({"title": label, "anchor": f"nhom-{index + 1}", "feeds": feeds, "filled": sum(x.has_items for x in members), "open": index < 2})
        return {"heading": "Theo dõi tin bằng RSS", "groups": groups}

    book.add(urls.FEEDS_PAGE, "Theo dõi bằng RSS, Atom, JSON Feed", "portal/feeds.html", make)


def search_page(book: Book) -> None:
    """/tim-kiem/?q=…: Pagefind's results with filters, made in the browser (theme/assets/search.js)."""
    book.add(urls.SEARCH, "Tìm kiếm", "portal/search.html",
             lambda: {"heading": "Tìm kiếm", "filters": [{"name": k, "label": v} for k, v in SEARCH_FILTERS.items()], "bundle": f"{urls.SEARCH_BUNDLE}/"},
             "Tìm tin bài, văn bản, hợp tác xã, cơ quan và địa phương, gõ có dấu hoặc không dấu")  # fmt: skip
