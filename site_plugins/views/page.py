"""A generated page as the views make it, and the book the views make pages into.

A ``Page`` is a URL, a title, the template that lays it out, the data it needs, the lists whose
feeds it advertises and the entries it shows (recorded while its data is made: the dependency
map of incremental builds reads them). Lists are paginated (``…/page/2/``) so that no page grows
with the size of the site."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..catalog.catalog import Catalog
from ..common import urls
from ..media.media import Media
from .cards import Cards, link
from .figures import Figures
from .listing import FEED_FORMATS, Listing
from .listings import Listings
from .sharing import Site as SharingSite


@dataclass
class Page:
    url: str  # "co-quan/lien-minh-htx-viet-nam/" ("" is the home page)
    title: str
    template: str  # under theme/, e.g. "portal/list.html"
    context: dict = field(default_factory=dict)
    description: str = ""
    feeds: list[Listing] = field(default_factory=list)  # the lists whose feeds this page advertises
    shows: set[str] = field(default_factory=set)  # ids of the entries whose data appears on it
    updated: str = ""  # YYYY-MM-DD of the newest entry it shows (the sitemap's lastmod); "" when it shows none

    @property
    def src_uri(self) -> str:
        return urls.source(self.url)


@dataclass
class Settings:
    page_size: int = 20
    related: int = 5
    home_column: str = "kinh-te-tap-the-htx"
    home_latest: int = 10
    table_size: int = 50  # rows per page of the document registry and the cooperative directory
    site: SharingSite | None = None  # for sharing metadata (absolute URLs); None: pages carry none
    edit_links: bool = False  # each entry's page links to it in the newsroom editor (the preview; off in production)
    home_figure: str | None = None  # the figure the home page features (mkdocs.yml: home_figure; an id listed on /so-lieu/)
    poll_service: str | None = None  # the poll service's address (mkdocs.yml: poll_service); None: polls show no form


CALENDAR_TYPE, CALENDAR_LABEL = "text/calendar", "iCalendar (.ics)"


def feed_links(listings: list[Listing]) -> list[dict]:
    """``<link rel="alternate">`` data for the feeds of these lists, every format, then the
    calendars of those that have one."""
    feeds = [
        {"title": f"{x.feed_title} ({label})", "type": media_type, "url": x.feed_path(fmt)}
        for x in listings
        for fmt, (media_type, label) in FEED_FORMATS.items()
    ]
    return feeds + [{"title": x.calendar_title, "type": CALENDAR_TYPE, "url": x.calendar_path} for x in listings if x.calendar_path]


def feed_formats(listing: Listing) -> list[dict]:
    """Links to a list's feed in each format ("RSS", "Atom", "JSON Feed"), and to its calendar when
    it has one, for a page to show."""
    found = [link(listing.feed_path(fmt), label) for fmt, (_, label) in FEED_FORMATS.items()]
    return found + ([link(listing.calendar_path, CALENDAR_LABEL)] if listing.calendar_path else [])


class Book:
    """The generated pages, by URL, and what every page maker needs."""

    def __init__(self, catalog: Catalog, listings: Listings, settings: Settings, media: Media, lazy: bool = False):
        self.catalog, self.listings, self.settings, self.media = catalog, listings, settings, media
        self.cards = Cards(catalog, media)
        self.figures = Figures(catalog)  # the site's figures (/so-lieu/) and those of provinces and agencies
        self.pages: dict[str, Page] = {}
        self.lazy = lazy  # pages added with ``later`` wait until asked for (``make_pending``)
        self.pending: dict[str, Callable[[], dict]] = {}  # URL → what makes the data of a page not made yet

    def add(self, url: str, title: str, template: str, make: Callable[[], dict], description: str = "", feeds: list[Listing] | None = None,
            later: bool = False) -> Page:  # fmt: skip
        """A page whose data ``make`` makes; every entry shown while it is made is recorded on the page.
        With ``later`` (in a lazy book) the data is made only when asked for (views/incremental.py)."""
        if url in self.pages:  # the catalog rejected every clash an editor can cause: this is a bug
            raise RuntimeError(f"two generated pages share /{url}")
        page = self.pages[url] = Page(url, title, template, {}, description, feeds or [self.listings["site"]])
        if later and self.lazy:
            self.pending[url] = make
        else:
            self._make(page, make)
        return page

    def make_pending(self, pages: Iterable[str]) -> None:
        """The data of these pending pages (URLs), made now."""
        for url in pages:
            if (make := self.pending.pop(url, None)) is not None:
                self._make(self.pages[url], make)

    def _make(self, page: Page, make: Callable[[], dict]) -> None:
        with self.cards.recording() as shown:
            page.context = make()
        newest = max((self.catalog.by_id[i].updated for i in shown), default=None)
        page.shows, page.updated = shown, newest.date().isoformat() if newest else ""

    @staticmethod
    def split(base: str, items: list, size: int) -> Iterable[tuple[str, list, dict]]:
        """(url, the items of that page, pagination) for ``base`` and ``base/page/N/``."""
        total = max(1, -(-len(items) // size))
        pages = [urls.page(base, n) for n in range(1, total + 1)]
        for number, url in enumerate(pages, start=1):
            yield (
                url,
                items[(number - 1) * size : number * size],
                {"number": number, "total": total, "previous": pages[number - 2] if number > 1 else None, "next": pages[number] if number < total else None},
            )
