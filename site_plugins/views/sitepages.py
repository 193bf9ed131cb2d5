"""Pages of the site as a whole: the home page, the page of every feed, and the search page."""

from __future__ import annotations

from ..common import urls
from ..common.vocabulary import SEARCH_FILTERS
from .page import Book, feed_formats


def home_page(book: Book) -> None:
    c, cards, s = book.catalog, book.cards, book.settings

    def make() -> dict:
        featured = [e for e in c.articles if e.data.featured][:3] or c.articles[:1]
        shown = {e.id for e in featured}
        latest = [e for e in c.articles if e.id not in shown][: s.home_latest + 5]
        models = [e for e in c.cooperatives if e.data.featured] or c.cooperatives[:1]
        column = c.registries.columns.get(s.home_column)
        return {
            "featured": cards.cards(featured),
            "latest": cards.cards(latest[: s.home_latest]),
            "more": cards.cards(latest[s.home_latest :]),  # "Đọc thêm": the next ones
            "documents": [cards.document_row(e) for e in c.documents[:5]],
            "cooperatives": [cards.cooperative_row(e) for e in models[:2]],
            "column": {**cards.column(column.id), "cards": cards.cards(c.by_column[column.id][:5])} if column else None,
            "campaigns": [cards.campaign(k) for k in c.registries.campaigns if c.by_campaign.get(k)],
        }

    book.add(
        urls.HOME, "Trang chủ", "portal/home.html", make, "Tin tức, văn bản và hợp tác xã điển hình về kinh tế tập thể", book.listings.advertised(urls.HOME)
    )


def feeds_page(book: Book) -> None:
    """/feeds/: every list's feeds, grouped as in feeds.opml."""

    def make() -> dict:
        groups = [{"title": label, "feeds": [{"title": x.feed_title, "page": x.url, "formats": feed_formats(x)} for x in members]}
                  for label, members in book.listings.grouped()]  # fmt: skip
        return {"heading": "Theo dõi tin bằng RSS", "groups": groups}

    book.add(urls.FEEDS_PAGE, "Theo dõi bằng RSS, Atom, JSON Feed", "portal/feeds.html", make)


def search_page(book: Book) -> None:
    """/tim-kiem/?q=…: Pagefind's results with filters, made in the browser (theme/assets/search.js)."""
    book.add(urls.SEARCH, "Tìm kiếm", "portal/search.html",
             lambda: {"heading": "Tìm kiếm", "filters": [{"name": k, "label": v} for k, v in SEARCH_FILTERS.items()], "bundle": f"{urls.SEARCH_BUNDLE}/"},
             "Tìm tin bài, văn bản, hợp tác xã, cơ quan và địa phương, gõ có dấu hoặc không dấu")  # fmt: skip
