"""Generated pages: the pages of every declared list, plus home, trees, the feeds page, pages of
cited documents, and the context of every entry's own page.

Each view is a ``Page``: a URL, a title, the template that lays it out, the data it needs, the
lists whose feeds it advertises and the entries it shows. Lists are paginated
(``…/page/2/``) so no page grows with the size of the site."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from ..catalog.catalog import Catalog
from ..catalog.tasks import TASK_STATUSES, TrackedTask, task_counts, task_order
from ..common import urls
from ..common.vietnamese import month_name, short_date, sort_key
from ..common.vocabulary import STATUSES
from ..content.entries import AnyEntry, CooperativeEntry, DocumentEntry
from ..content.registries import LEVELS
from ..output import search
from . import opendata
from .cards import Cards, capped, link
from .listings import FEED_FORMATS, Listing, Listings
from .sharing import Site as SharingSite
from .sharing import agency_share, entry_share


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


def feed_links(listings: list[Listing]) -> list[dict]:
    """``<link rel="alternate">`` data for the feeds of these lists, every format."""
    return [
        {"title": f"{x.feed_title} ({label})", "type": media_type, "url": x.feed_path(fmt)}
        for x in listings
        for fmt, (media_type, label) in FEED_FORMATS.items()
    ]


def feed_formats(listing: Listing) -> list[dict]:
    """Links to a list's feed in each format ("RSS", "Atom", "JSON Feed"), for a page to show."""
    return [link(listing.feed_path(fmt), label) for fmt, (_, label) in FEED_FORMATS.items()]


class SiteViews:
    def __init__(self, catalog: Catalog, listings: Listings, settings: Settings | None = None):
        self.catalog, self.listings = catalog, listings
        self.settings = settings or Settings()
        self.cards = Cards(catalog)
        self.pages: dict[str, Page] = {}
        self.entry_pages: dict[str, Page] = {}  # entry id → its own page (context and what it shows)
        self.data_files: dict[str, list] = {}  # JSON the pages' client-side filters load ("van-ban/index.json")
        self._build()

    # helpers ----------------------------------------------------------------------------------
    def _add(self, url: str, title: str, template: str, make: Callable[[], dict], description: str = "", feeds: list[Listing] | None = None) -> Page:
        if url in self.pages:  # the catalog rejected every clash an editor can cause: this is a bug
            raise RuntimeError(f"two generated pages share /{url}")
        with self.cards.recording() as shown:
            context = make()
        newest = max((self.catalog.by_id[i].updated for i in shown), default=None)
        page = Page(url, title, template, context, description, feeds or [self.listings["site"]], shown, newest.date().isoformat() if newest else "")
        self.pages[url] = page
        return page

    @staticmethod
    def _split(base: str, items: list, size: int) -> Iterable[tuple[str, list, dict]]:
        """(url, the items of that page, pagination) for ``base`` and ``base/page/N/``."""
        total = max(1, -(-len(items) // size))
        pages = [urls.page(base, n) for n in range(1, total + 1)]
        for number, url in enumerate(pages, start=1):
            yield (
                url,
                items[(number - 1) * size : number * size],
                {"number": number, "total": total, "previous": pages[number - 2] if number > 1 else None, "next": pages[number] if number < total else None},
            )

    # the views --------------------------------------------------------------------------------
    def _build(self) -> None:
        for listing in self.listings.with_pages():
            self._list_pages(listing)
        self._home()
        self._trees()
        self._feeds_page()
        self._open_data()
        self._search_page()
        self._updates_page()
        self._tasks_page()
        self._stubs()
        for entry in self.catalog.entries:
            with self.cards.recording() as shown:
                context = self.cards.page_context(entry, self.settings.related)
            if self.settings.site is not None:
                context["share"] = entry_share(entry, self.catalog, self.settings.site)
            feeds = [self.listings["site"]]
            if isinstance(entry, DocumentEntry):  # its own history, to follow
                history = self.listings[f"document:{entry.id}"]
                feeds.insert(0, history)
                context["follow"] = feed_formats(history)
            self.entry_pages[entry.id] = Page(
                entry.url, entry.title, f"portal/{entry.kind}.html", context, entry.summary, feeds, shown, entry.updated.date().isoformat()
            )

    def _list_pages(self, listing: Listing) -> None:
        """The pages of one declared list: cards, or a table of documents or cooperatives."""
        template, first_extra, every_page = self._list_extras(listing)
        feeds = self.listings.advertised(listing.url)
        table = listing.layout == "table"
        items: list = self._rows(listing.page_entries) if table else listing.page_entries
        size = self.settings.table_size if table else self.settings.page_size
        for url, chunk, pagination in self._split(listing.url, items, size):
            first = pagination["number"] == 1
            heading = listing.title if first else f"{listing.title} — trang {pagination['number']}"

            def make(chunk: list = chunk, pagination: dict = pagination, first: bool = first, heading: str = heading) -> dict:
                if table:
                    context = {
                        "heading": heading,
                        "rows": [row() for row in chunk],
                        "count": len(items),
                        "filters": None,
                        "index": None,
                        "breadcrumbs": [],
                        "pagination": pagination,
                        **every_page,
                    }
                else:
                    context = {"heading": listing.title, "intro": listing.description, "cards": self.cards.cards(chunk), "pagination": pagination, **every_page}
                return {**context, **(first_extra() if first else {})}

            self._add(url, heading, template, make, listing.description, feeds)

    def _rows(self, entries: list[AnyEntry]) -> list[Callable[[], dict]]:
        """Table rows, made when their page is made (so the page records what it shows)."""
        makers: list[Callable[[], dict]] = []
        for e in entries:
            if isinstance(e, DocumentEntry):
                makers.append(partial(self.cards.document_row, e))
            elif isinstance(e, CooperativeEntry):
                makers.append(partial(self.cards.cooperative_row, e))
        return makers

    def _list_extras(self, listing: Listing) -> tuple[str, Callable[[], dict], dict]:
        """A list's template, what its first page shows above the list, and what every page has."""
        c, cards, kind, subject = self.catalog, self.cards, listing.kind, listing.subject
        if kind == "column":
            assert isinstance(subject, str)
            return (
                "portal/list.html",
                lambda: {
                    "children": [cards.column(k) for k in c.column_children.get(subject, [])],
                    "breadcrumbs": [link(urls.COLUMNS, "Chuyên mục"), *(cards.column(k) for k in reversed(c.column_ancestry(subject)[1:]))],
                },
                {},
            )
        if kind == "agency":
            assert isinstance(subject, str)
            share = {"share": agency_share(subject, c, self.settings.site)} if self.settings.site else {}
            return "portal/agency.html", lambda: {**self._agency_extra(subject), **share}, {}
        if kind == "province":
            assert isinstance(subject, str)
            return "portal/province.html", lambda: self._province_extra(subject), {}
        if kind == "documents":
            return "portal/documents.html", self._document_filters, {}
        if kind == "cooperatives":
            return "portal/cooperatives.html", self._cooperative_filters, {}
        if kind in ("doctype", "year", "status"):
            return "portal/documents.html", dict, {"breadcrumbs": [link(urls.DOCUMENTS, "Văn bản")]}
        if kind == "sector":
            return "portal/cooperatives.html", dict, {"breadcrumbs": [link(urls.COOPERATIVES, "Hợp tác xã")]}
        return "portal/list.html", dict, {}

    def _agency_extra(self, agency_id: str) -> dict:
        c, cards = self.catalog, self.cards
        own = c.by_agency.get(agency_id, [])
        descendants = set(c.agency_descendants(agency_id))
        from_children = sorted({e for d in descendants for e in c.by_agency.get(d, [])}, key=lambda e: (e.published, e.id), reverse=True)
        return {
            "facts": cards.agency_facts(agency_id),
            "documents": capped([e for e in own if isinstance(e, DocumentEntry)], cards.document_row),
            "child_entries": cards.cards(from_children[: self.settings.page_size]),
            **self._agency_tasks(agency_id),
        }

    def _agency_tasks(self, agency_id: str) -> dict:
        """The tasks an agency leads or joins: counts by status, then the list, most urgent first."""
        tasks = sorted(self.catalog.tasks_by_agency.get(agency_id, []), key=task_order)

        def row(tracked: TrackedTask) -> dict:
            self.cards.title_link(tracked.document)
            return {**self.cards.task(tracked), "lead": agency_id in tracked.task.lead}

        return {
            "tasks": capped(tasks, row),
            "task_counts": task_counts(tasks),
            "task_feed": feed_formats(self.listings[f"tasks:{agency_id}"]),
        }

    def _province_extra(self, province_id: str) -> dict:
        c, reg, cards = self.catalog, self.catalog.registries, self.cards
        entries = c.by_province.get(province_id, [])
        province = reg.provinces[province_id]
        return {
            "sections": [
                {"title": "Hợp tác xã", "rows": capped([e for e in entries if isinstance(e, CooperativeEntry)], cards.cooperative_row), "kind": "cooperatives"},
                {"title": "Văn bản", "rows": capped([e for e in entries if isinstance(e, DocumentEntry)], cards.document_row), "kind": "documents"},
            ],
            "agencies": [
                cards.agency(a) for a in sorted(reg.agencies, key=lambda a: sort_key(reg.agencies[a].name)) if reg.agencies[a].province == province_id
            ],
            "lineage": {
                "successors": [{**cards.province(s.id), "date": s.date} for s in province.successors],
                "predecessors": [{**cards.province(p), "date": step.date} for p, step in c.predecessors.get(province_id, []) if p in reg.provinces],
            },
        }

    def _document_filters(self) -> dict:
        cards, listings = self.cards, self.listings
        documents = listings["type:document"].entries
        rows = [cards.document_row(e) for e in documents if isinstance(e, DocumentEntry)]
        issuers = sorted({a["id"]: a for r in rows for a in r["issuers"]}.values(), key=lambda a: sort_key(a["title"]))
        statuses = [x.subject for x in listings if x.kind == "status"]
        keys = ("url", "number", "type", "year", "status", "status_label", "issued", "doc_summary", "issuers")
        self.data_files[urls.DOCUMENT_INDEX] = [{k: r[k] for k in keys} for r in rows]
        return {
            "filters": {
                "types": [link(urls.document_type(t), t, id=t) for t in listings.document_types()],
                "years": [link(x.url, str(x.subject), id=str(x.subject)) for x in listings if x.kind == "year"],
                "issuers": issuers,
                "statuses": [link(urls.document_status(k), v, id=k) for k, v in STATUSES.items() if k in statuses],
            },
            "index": urls.DOCUMENT_INDEX,
        }

    def _cooperative_filters(self) -> dict:
        c, reg, cards = self.catalog, self.catalog.registries, self.cards
        rows = [cards.cooperative_row(e) for e in self.listings["type:cooperative"].page_entries if isinstance(e, CooperativeEntry)]
        keys = ("url", "title", "province", "province_id", "sectors", "sector_ids", "ocop_stars", "new_model")
        self.data_files[urls.COOPERATIVE_INDEX] = [{k: r[k] for k in keys} for r in rows]
        provinces = sorted({e.data.province for e in c.cooperatives}, key=lambda p: sort_key(reg.provinces[p].name))
        return {
            "filters": {"provinces": [cards.province(p) | {"id": p} for p in provinces], "sectors": [cards.sector(s) | {"id": s} for s in reg.sectors]},
            "index": urls.COOPERATIVE_INDEX,
        }

    def _home(self) -> None:
        c, cards, s = self.catalog, self.cards, self.settings

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

        self._add(
            urls.HOME, "Trang chủ", "portal/home.html", make, "Tin tức, văn bản và hợp tác xã điển hình về kinh tế tập thể", self.listings.advertised(urls.HOME)
        )

    def _open_data(self) -> None:
        """/van-ban/du-lieu/: the registry, its relations and tasks as CSV and JSON, columns described."""
        self.open_files = opendata.files(self.catalog)
        self._add(opendata.FOLDER, "Dữ liệu mở về văn bản", "portal/opendata.html",
                  lambda: {"heading": "Dữ liệu mở về văn bản", "tables": opendata.describe(), "breadcrumbs": [link(urls.DOCUMENTS, "Văn bản")]},
                  "Danh sách văn bản, quan hệ giữa các văn bản và nhiệm vụ được giao, dạng CSV và JSON")  # fmt: skip

    def _updates_page(self) -> None:
        """/van-ban/moi-cap-nhat/: the newest publishes, corrections and status changes of documents."""
        listing = self.listings["updates"]

        def make() -> dict:
            changed = self.catalog.updates[: self.settings.table_size * 2]
            rows = [
                {"date": short_date(e.when), "iso": e.day.isoformat(), "document": self.cards.title_link(e.document), "text": e.text, "kind": e.kind,
                 "other": self.cards.title_link(e.other) if e.other else None}
                for e in changed
            ]  # fmt: skip
            return {"heading": listing.title, "rows": rows, "breadcrumbs": [link(urls.DOCUMENTS, "Văn bản")],
                    "formats": feed_formats(listing)}  # fmt: skip

        self._add(listing.url, listing.title, "portal/updates.html", make, listing.feed_description, [listing, self.listings["site"]])

    def _tasks_page(self) -> None:
        """/van-ban/nhiem-vu/: every assigned task with its status; filters by agency, status and due date."""
        reg = self.catalog.registries

        def make() -> dict:
            tasks = sorted(self.catalog.tasks, key=task_order)
            agencies = sorted({a for x in tasks for a in (*x.task.lead, *x.task.partners)}, key=lambda a: sort_key(reg.agencies[a].name))
            years = sorted({x.due.year for x in tasks if x.due})
            return {"heading": "Nhiệm vụ được giao", "tasks": [self.cards.task(x) for x in tasks], "counts": task_counts(tasks),
                    "agencies": [self.cards.agency(a) for a in agencies], "statuses": [link("", v, id=k) for k, v in TASK_STATUSES.items()],
                    "years": years, "now": short_date(self.catalog.now), "breadcrumbs": [link(urls.DOCUMENTS, "Văn bản")]}  # fmt: skip

        self._add(urls.TASKS, "Nhiệm vụ được giao", "portal/tasks.html", make,
                  "Nhiệm vụ các văn bản giao cho từng cơ quan, đơn vị: chưa đến hạn, sắp đến hạn, quá hạn, đã hoàn thành")  # fmt: skip

    def _search_page(self) -> None:
        """/tim-kiem/?q=…: Pagefind's results with filters, made in the browser (theme/assets/search.js)."""
        self._add(urls.SEARCH, "Tìm kiếm", "portal/search.html",
                  lambda: {"heading": "Tìm kiếm", "filters": [{"name": k, "label": v} for k, v in search.FILTERS.items()],
                           "bundle": f"{search.BUNDLE}/"},
                  "Tìm tin bài, văn bản, hợp tác xã, cơ quan và địa phương, gõ có dấu hoặc không dấu")  # fmt: skip

    def _feeds_page(self) -> None:
        def make() -> dict:
            groups = [
                {
                    "title": label,
                    "feeds": [{"title": x.feed_title, "page": x.url, "formats": feed_formats(x)} for x in members],
                }
                for label, members in self.listings.grouped()
            ]
            return {"heading": "Theo dõi tin bằng RSS", "groups": groups}

        self._add(urls.FEEDS_PAGE, "Theo dõi bằng RSS, Atom, JSON Feed", "portal/feeds.html", make)

    def _tree(self, children: dict, root: Any, make: Callable[[Any], dict]) -> list[dict]:
        return [{**make(k), "children": self._tree(children, k, make)} for k in children.get(root, [])]

    def _trees(self) -> None:
        """Index pages that are trees, not lists: columns, agencies, provinces, tags, the archive."""
        c, reg, cards = self.catalog, self.catalog.registries, self.cards
        self._add(
            urls.COLUMNS,
            "Chuyên mục",
            "portal/tree.html",
            lambda: {"heading": "Chuyên mục", "groups": [{"title": None, "tree": self._tree(c.column_children, None, cards.column)}]},
        )
        self._add(urls.AGENCIES, "Cơ quan, đơn vị", "portal/tree.html", lambda: {"heading": "Cơ quan, đơn vị", "groups": self._agency_tree()})
        self._add(
            urls.PROVINCES,
            "Địa phương",
            "portal/tree.html",
            lambda: {
                "heading": "Địa phương",
                "groups": [
                    {
                        "title": None,
                        "tree": [
                            {**cards.province(p), "count": len(c.by_province.get(p, [])), "children": []}
                            for p in sorted(reg.provinces, key=lambda p: sort_key(reg.provinces[p].name))
                        ],
                    }
                ],
            },
        )
        self._add(
            urls.TAGS,
            "Từ khóa",
            "portal/tree.html",
            lambda: {
                "heading": "Từ khóa",
                "groups": [
                    {
                        "title": None,
                        "tree": [
                            {**cards.tag(t), "count": len(c.by_tag.get(t, [])), "children": []}
                            for t in sorted(reg.tags, key=lambda t: sort_key(reg.tags[t].title))
                        ],
                    }
                ],
            },
        )
        years: dict[int, list[int]] = defaultdict(list)
        for year, month in sorted(c.by_month, reverse=True):
            years[year].append(month)

        def months(year: int) -> list[dict]:
            return [{**link(urls.archive_month(year, m), month_name(year, m)), "count": len(c.by_month[(year, m)]), "children": []} for m in years[year]]

        self._add(
            urls.ARCHIVE,
            "Lưu trữ",
            "portal/tree.html",
            lambda: {
                "heading": "Lưu trữ",
                "groups": [
                    {
                        "title": None,
                        "tree": [
                            {**link(urls.archive_year(y), f"Năm {y}"), "count": sum(len(c.by_month[(y, m)]) for m in ms), "children": months(y)}
                            for y, ms in years.items()
                        ],
                    }
                ],
            },
        )
        for year in years:  # a year page lists its months; the entries are on the month pages
            self._add(
                urls.archive_year(year),
                f"Lưu trữ năm {year}",
                "portal/tree.html",
                partial(lambda y: {"heading": f"Lưu trữ năm {y}", "groups": [{"title": None, "tree": months(y)}]}, year),
            )

    def _agency_tree(self) -> list[dict]:
        """/co-quan/: central agencies, then one group per province, each nested by parent."""
        c, reg, cards = self.catalog, self.catalog.registries, self.cards
        groups: dict[str | None, list[str]] = defaultdict(list)
        for agency in reg.agencies.values():
            groups[agency.province if agency.level != "trung-uong" else None].append(agency.id)
        tree_groups = []
        for province in [None, *sorted((p for p in groups if p), key=lambda p: sort_key(reg.provinces[p].name))]:
            members = set(groups[province])
            children: dict = defaultdict(list)
            for a in sorted(members, key=lambda a: sort_key(reg.agencies[a].name)):
                parent = reg.agencies[a].parent
                children[parent if parent in members else None].append(a)
            title = LEVELS["trung-uong"] if province is None else reg.provinces[province].name
            tree_groups.append(
                {
                    "title": title,
                    "url": None if province is None else urls.province(province),
                    "tree": self._tree(
                        children, None, lambda a: {**cards.agency(a), "level": LEVELS[reg.agencies[a].level], "count": len(c.by_agency.get(a, []))}
                    ),
                }
            )
        return tree_groups

    def _stubs(self) -> None:
        """A page for each document that is cited but not published here."""
        reg = self.catalog.registries
        for node in self.catalog.graph.stubs:
            self._add(
                node.url,
                node.label,
                "portal/document-stub.html",
                partial(
                    lambda node: {
                        "heading": node.label,
                        "node": node,
                        **self.cards.graph_context(node),
                        "issuer": self.cards.agency(node.issuer) if node.issuer in reg.agencies else None,
                        "issued": node.issued.strftime("%d/%m/%Y") if node.issued else None,
                        "replaced_by": [self.cards.title_link(e) for e in node.replaced_by],
                        "breadcrumbs": [link(urls.DOCUMENTS, "Văn bản")],
                    },
                    node,
                ),
                f"{node.label}: văn bản được trích dẫn, chưa đăng trên trang",
            )

    def all_pages(self) -> Iterable[Page]:
        return self.pages.values()
