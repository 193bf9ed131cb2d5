"""Every generated page and every entry's page, made in one pass from the catalog and the listings.

The page makers live by what they make: the pages of declared lists (lists.py), the home, feeds
and search pages (sitepages.py), trees and the archive (trees.py), the registry's other pages
(registry.py) and entries' own pages (entrypages.py). Besides pages, views make the files the
pages' scripts and readers download: the open data and the filters' indexes.

Lazy views (``lazy``) make entries' own pages and the later pages of lists of cards on demand
(``make_entry_pages``, ``entry_page``, ``make_pending``): a build that knows from the previous one
which of them cannot have changed makes only the others (views/incremental.py, ``unaffected``)."""

from __future__ import annotations

from collections.abc import Iterable

from ..catalog.catalog import Catalog
from ..content.entries import AnyEntry
from ..media.media import Media
from . import opendata
from .entrypages import EntryPages
from .listings import Listings
from .lists import filter_indexes, list_pages
from .page import Book, Page, Settings
from .partners import partner_pages
from .polls import PollViews, poll_pages, poll_section
from .registry import open_data_page, stub_pages, tasks_page, updates_page
from .sitepages import feeds_page, home_page, search_page
from .statistics import embedding, statistics_page
from .trees import tree_pages


class SiteViews(Book):
    def __init__(self, catalog: Catalog, listings: Listings, settings: Settings | None = None, media: Media | None = None, lazy: bool = False):
        """Every page; ``lazy``: entries' own pages and the pages after the first of lists of cards only
        when asked for (``make_entry_pages``, ``make_pending``)."""
        super().__init__(catalog, listings, settings or Settings(), media or Media(), lazy)
        for listing in listings.with_pages():
            list_pages(self, listing)
        home_page(self)
        tree_pages(self)
        feeds_page(self)
        open_data_page(self)
        search_page(self)
        updates_page(self)
        tasks_page(self)
        stub_pages(self)
        statistics_page(self)
        partner_pages(self)  # "Tin từ các địa phương", from the committed snapshot
        self.polls = PollViews(self, self.settings.poll_service, self.settings.site.url if self.settings.site else "/")
        poll_pages(self, self.polls)
        self._entries = EntryPages(catalog, listings, self.cards, self.settings, self.media)
        self.entry_pages: dict[str, Page] = {}  # entry id → its own page, as made
        if not lazy:
            self.make_entry_pages(catalog.entries)
        self.open_files: dict[str, str] = opendata.files(catalog) | self.figures.downloads()  # the open data and every figure's (CSV and JSON)
        self.data_files: dict[str, list] = filter_indexes(self)  # what the client-side filters load ("van-ban/index.json")

    def make_entry_pages(self, entries: Iterable[AnyEntry]) -> None:
        """The own pages of these entries (in the catalog's order when all are asked for, as a whole build makes them)."""
        for entry in entries:
            self.entry_page(entry)

    def entry_page(self, entry: AnyEntry) -> Page:
        if (page := self.entry_pages.get(entry.id)) is None:
            page = self.entry_pages[entry.id] = self._entries.page(entry)
            embedding(self, entry, page)
            poll_section(self.polls, entry.id, page)
        return page

    def all_pages(self) -> Iterable[Page]:
        return self.pages.values()
