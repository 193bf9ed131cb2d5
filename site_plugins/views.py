"""Generated pages: home, columns, agencies, provinces, tags, campaigns, archive, directories.

Each view is a ``Page``: a URL, a title, the template that lays it out and the data it needs.
Lists are paginated (``…/page/2/``) so no page grows with the size of the site."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from .cards import Cards, capped, link
from .catalog import Catalog, Entry
from .feeds import FORMAT_LABELS, FORMATS, GROUPS, FeedSpec
from .models import DOCUMENT_TYPES, STATUSES
from .problems import ContentError, Problem
from .registries import LEVELS
from .vietnamese import month_name, slugify


@dataclass
class Page:
    url: str  # "co-quan/lien-minh-htx-viet-nam/" ("" is the home page)
    title: str
    template: str  # under theme/, e.g. "portal/list.html"
    context: dict = field(default_factory=dict)
    description: str = ""
    feed_keys: list[str] = field(default_factory=list)  # the lists whose feeds this page advertises (feeds.py)

    @property
    def src_uri(self) -> str:
        return f"{self.url}index.md"


@dataclass
class Settings:
    page_size: int = 20
    related: int = 5
    home_column: str = "kinh-te-tap-the-htx"
    home_latest: int = 10
    table_size: int = 50  # rows per page of the document registry and the cooperative directory


class SiteViews:
    def __init__(self, catalog: Catalog, settings: Settings | None = None, feeds: dict[str, FeedSpec] | None = None):
        self.catalog = catalog
        self.settings = settings or Settings()
        self.feeds = feeds or {}
        self.cards = Cards(catalog)
        self.pages: dict[str, Page] = {}
        self.data_files: dict[str, list] = {}  # JSON the pages' client-side filters load ("van-ban/index.json")
        self._build()

    # helpers ----------------------------------------------------------------------------------
    def _add(self, page: Page) -> Page:
        if page.url in self.pages:
            raise ContentError([Problem("(generated pages)", 0, "", f"two generated pages share /{page.url}", "rename one of the registry ids")])
        self.pages[page.url] = page
        return page

    @staticmethod
    def _split(base: str, items: list, size: int):
        """(url, the items of that page, pagination) for ``base`` and ``base/page/N/``."""
        total = max(1, -(-len(items) // size))
        urls = [base] + [f"{base}page/{n}/" for n in range(2, total + 1)]
        for number, url in enumerate(urls, start=1):
            yield url, items[(number - 1) * size: number * size], {
                "number": number, "total": total,
                "previous": urls[number - 2] if number > 1 else None, "next": urls[number] if number < total else None}

    def _paginated(self, base: str, title: str, entries: list[Entry], *, description: str = "",
                   feed_keys: list[str] | None = None, extra: dict | None = None, template: str = "portal/list.html") -> None:
        """``base`` with the first ``page_size`` entries and ``base/page/N/`` for the rest.

        ``extra`` (sections shown above the list) goes on the first page only."""
        for url, chunk, pagination in self._split(base, entries, self.settings.page_size):
            first = pagination["number"] == 1
            context = {"heading": title, "intro": description, "cards": self.cards.cards(chunk), "pagination": pagination,
                       **((extra or {}) if first else {})}
            page_title = title if first else f"{title} — trang {pagination['number']}"
            self._add(Page(url, page_title, template, context, description, feed_keys or []))

    # the views --------------------------------------------------------------------------------
    def _build(self) -> None:
        self._home()
        self._news()
        self._columns()
        self._campaigns()
        self._agencies()
        self._provinces()
        self._tags()
        self._archive()
        self._cooperatives()
        self._documents()
        self._stubs()
        self._feeds()
        by_url = {e.url: e for e in self.catalog.entries}
        clashes = [by_url[url] for url in sorted(set(by_url) & set(self.pages))]
        if clashes:
            raise ContentError([Problem(e.path, e.line("slug"), "slug", f"the URL /{e.url} is also a generated page",
                                        "set another 'slug:' on the entry") for e in clashes])

    def _home(self) -> None:
        c, cards, s = self.catalog, self.cards, self.settings
        featured = [e for e in c.articles if e.data.featured][:3] or c.articles[:1]
        shown = {e.id for e in featured}
        model = next((e for e in c.cooperatives if e.data.featured), c.cooperatives[0] if c.cooperatives else None)
        column = c.registries.columns.get(s.home_column)
        context = {
            "featured": cards.cards(featured),
            "latest": cards.cards([e for e in c.articles if e.id not in shown][: s.home_latest]),
            "documents": [cards.document_row(e) for e in c.documents[:5]],
            "cooperative": cards.cooperative_row(model) if model else None,
            "column": {**cards.column(column.id), "cards": cards.cards(c.by_column[column.id][:5])} if column else None,
            "campaigns": [cards.campaign(k) for k in c.registries.campaigns if c.by_campaign.get(k)],
        }
        self._add(Page("", "Trang chủ", "portal/home.html", context, "Tin tức, văn bản và hợp tác xã điển hình về kinh tế tập thể", ["site"]))

    def _news(self) -> None:
        self._paginated("tin-tuc/", "Tin tức", self.catalog.articles, description="Tất cả tin bài, mới nhất trước", feed_keys=["type:article"])

    def _feeds(self) -> None:
        groups = []
        for group, label in GROUPS.items():
            members = [s for s in self.feeds.values() if s.group == group]
            if members:
                groups.append({"title": label, "feeds": [
                    {"title": s.title, "page": s.page_url,
                     "formats": [link(s.path(fmt), FORMAT_LABELS[fmt]) for fmt in FORMATS]} for s in members]})
        self._add(Page("feeds/", "Theo dõi bằng RSS, Atom, JSON Feed", "portal/feeds.html", {"heading": "Theo dõi tin bằng RSS", "groups": groups}))

    def _columns(self) -> None:
        c = self.catalog
        tree = self._tree(c.column_children, None, lambda cid: self.cards.column(cid))
        self._add(Page("chuyen-muc/", "Chuyên mục", "portal/tree.html", {"heading": "Chuyên mục", "groups": [{"title": None, "tree": tree}]}))
        for column in c.registries.columns.values():
            children = [self.cards.column(k) for k in c.column_children.get(column.id, [])]
            parents = [self.cards.column(k) for k in reversed(c.column_ancestry(column.id)[1:])]
            self._paginated(f"chuyen-muc/{column.id}/", column.title, c.by_column[column.id], description=column.description,
                            feed_keys=[f"column:{column.id}"], extra={"children": children, "breadcrumbs": [link("chuyen-muc/", "Chuyên mục"), *parents]})

    def _campaigns(self) -> None:
        for campaign in self.catalog.registries.campaigns.values():
            self._paginated(f"chuyen-de/{campaign.id}/", campaign.title, self.catalog.by_campaign[campaign.id],
                            description=campaign.description, feed_keys=[f"campaign:{campaign.id}"])

    def _tree(self, children: dict, root, make) -> list[dict]:
        return [{**make(k), "children": self._tree(children, k, make)} for k in children.get(root, [])]

    def _agencies(self) -> None:
        c, reg, cards = self.catalog, self.catalog.registries, self.cards
        by_name = lambda ids: sorted(ids, key=lambda a: reg.agencies[a].name)  # noqa: E731
        # /co-quan/: central agencies, then one group per province, each nested by parent.
        groups: dict[str | None, list[str]] = defaultdict(list)
        for agency in reg.agencies.values():
            groups[agency.province if agency.level != "trung-uong" else None].append(agency.id)
        tree_groups = []
        for province in [None, *sorted(p for p in groups if p)]:
            members = set(groups[province])
            children: dict = defaultdict(list)
            for a in by_name(members):
                parent = reg.agencies[a].parent
                children[parent if parent in members else None].append(a)
            make = lambda a: {**cards.agency(a), "level": LEVELS[reg.agencies[a].level], "count": len(c.by_agency.get(a, []))}  # noqa: E731
            title = LEVELS["trung-uong"] if province is None else reg.provinces[province].name
            tree_groups.append({"title": title, "url": None if province is None else f"dia-phuong/{province}/", "tree": self._tree(children, None, make)})
        self._add(Page("co-quan/", "Cơ quan, đơn vị", "portal/tree.html", {"heading": "Cơ quan, đơn vị", "groups": tree_groups}))
        for agency in reg.agencies.values():
            own = c.by_agency.get(agency.id, [])
            descendants = set(c.agency_descendants(agency.id))
            from_children = sorted({e for d in descendants for e in c.by_agency.get(d, [])}, key=lambda e: (e.published, e.id), reverse=True)
            extra = {
                "facts": cards.agency_facts(agency.id),
                "documents": capped([e for e in own if e.kind == "document"], cards.document_row),
                "child_entries": cards.cards(from_children[: self.settings.page_size]),
                "tasks": capped(c.tasks_by_agency.get(agency.id, []), lambda et: {
                    "text": et[1].text, "deadline": et[1].deadline, "funding": et[1].funding, "source": cards.document_row(et[0]),
                    "partners": [cards.agency(p) for p in et[1].partners if p != agency.id], "lead": agency.id in et[1].lead,
                    "leads": [cards.agency(a) for a in et[1].lead if a != agency.id], "lead_name": et[1].lead_name}),
            }
            self._paginated(f"co-quan/{agency.id}/", agency.name, own, description=f"Tin bài và văn bản của {agency.name}",
                            feed_keys=[f"agency:{agency.id}", f"agency-all:{agency.id}"], extra=extra, template="portal/agency.html")

    def _provinces(self) -> None:
        c, reg, cards = self.catalog, self.catalog.registries, self.cards
        self._add(Page("dia-phuong/", "Địa phương", "portal/tree.html", {"heading": "Địa phương", "groups": [{
            "title": None, "tree": [{**cards.province(p), "count": len(c.by_province.get(p, [])), "children": []}
                                    for p in sorted(reg.provinces, key=lambda p: reg.provinces[p].name)]}]}))
        for province in reg.provinces.values():
            entries = c.by_province.get(province.id, [])
            extra = {
                "sections": [
                    {"title": "Hợp tác xã", "rows": capped([e for e in entries if e.kind == "cooperative"], cards.cooperative_row), "kind": "cooperatives"},
                    {"title": "Văn bản", "rows": capped([e for e in entries if e.kind == "document"], cards.document_row), "kind": "documents"},
                ],
                "agencies": [cards.agency(a) for a in sorted(reg.agencies, key=lambda a: reg.agencies[a].name) if reg.agencies[a].province == province.id],
                "lineage": {"successors": [{**cards.province(s.id), "date": s.date} for s in province.successors],
                            "predecessors": [{**cards.province(p), "date": step.date} for p, step in c.predecessors.get(province.id, []) if p in reg.provinces]},
            }
            news = [e for e in entries if e.kind == "article"]
            self._paginated(f"dia-phuong/{province.id}/", province.name, news, description=f"Tin tức, hợp tác xã và văn bản của {province.name}",
                            feed_keys=[f"province:{province.id}"], extra=extra, template="portal/province.html")

    def _tags(self) -> None:
        c, reg = self.catalog, self.catalog.registries
        self._add(Page("tu-khoa/", "Từ khóa", "portal/tree.html", {"heading": "Từ khóa", "groups": [{"title": None, "tree": [
            {**self.cards.tag(t), "count": len(c.by_tag.get(t, [])), "children": []} for t in sorted(reg.tags, key=lambda t: reg.tags[t].title)]}]}))
        for tag in reg.tags.values():
            self._paginated(f"tu-khoa/{tag.id}/", tag.title, c.by_tag.get(tag.id, []), description=tag.description or f"Bài viết gắn từ khóa “{tag.title}”",
                            feed_keys=[f"tag:{tag.id}"])

    def _archive(self) -> None:
        c = self.catalog
        years: dict[int, list[int]] = defaultdict(list)
        for year, month in sorted(c.by_month, reverse=True):
            years[year].append(month)
        tree = [{**link(f"luu-tru/{y}/", f"Năm {y}"), "count": sum(len(c.by_month[(y, m)]) for m in months),
                 "children": [{**link(f"luu-tru/{y}/{m:02d}/", month_name(y, m)), "count": len(c.by_month[(y, m)]), "children": []} for m in months]}
                for y, months in years.items()]
        self._add(Page("luu-tru/", "Lưu trữ", "portal/tree.html", {"heading": "Lưu trữ", "groups": [{"title": None, "tree": tree}]}))
        for year, months in years.items():  # a year page lists its months; the entries are on the month pages
            tree_year = [{**link(f"luu-tru/{year}/{m:02d}/", month_name(year, m)), "count": len(c.by_month[(year, m)]), "children": []} for m in months]
            self._add(Page(f"luu-tru/{year}/", f"Lưu trữ năm {year}", "portal/tree.html",
                           {"heading": f"Lưu trữ năm {year}", "groups": [{"title": None, "tree": tree_year}]}))
            for month in months:
                self._paginated(f"luu-tru/{year}/{month:02d}/", f"Lưu trữ {month_name(year, month).lower()}", c.by_month[(year, month)])

    def _table(self, base: str, title: str, rows: list[dict], template: str, *, filters: dict | None = None, crumbs: list | None = None,
               description: str = "", feed_keys: list[str] | None = None, index: str | None = None) -> None:
        """A table of documents or cooperatives, ``table_size`` rows a page (``…/page/2/``).
        With ``index``, the first page carries filters that search the whole list (index JSON)."""
        for url, chunk, pagination in self._split(base, rows, self.settings.table_size):
            first = pagination["number"] == 1
            context = {"heading": title if first else f"{title} — trang {pagination['number']}", "rows": chunk,
                       "count": len(rows), "filters": filters if first else None, "index": index, "breadcrumbs": crumbs or [],
                       "pagination": pagination}
            self._add(Page(url, context["heading"], template, context, description, feed_keys or []))

    def _cooperatives(self) -> None:
        c, reg, cards = self.catalog, self.catalog.registries, self.cards
        rows = [cards.cooperative_row(e) for e in sorted(c.cooperatives, key=lambda e: e.data.name)]
        filters = {"provinces": [cards.province(p) | {"id": p} for p in sorted({e.data.province for e in c.cooperatives}, key=lambda p: reg.provinces[p].name)],
                   "sectors": [cards.sector(s) | {"id": s} for s in reg.sectors]}
        self.data_files["htx/index.json"] = [{k: r[k] for k in ("url", "title", "province", "province_id", "sectors", "sector_ids", "ocop_stars", "new_model")} for r in rows]
        self._table("htx/", "Hợp tác xã điển hình", rows, "portal/cooperatives.html", filters=filters, index="htx/index.json",
                    description="Danh bạ hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác điển hình", feed_keys=["type:cooperative"])
        for sector in reg.sectors.values():
            members = [r for r in rows if sector.id in r["sector_ids"].split()]
            self._table(f"htx/linh-vuc/{sector.id}/", f"Hợp tác xã lĩnh vực {sector.title.lower()}", members, "portal/cooperatives.html",
                        crumbs=[link("htx/", "Hợp tác xã")])

    def _documents(self) -> None:
        c, cards = self.catalog, self.cards
        rows = [cards.document_row(e) for e in c.documents]
        types = [t for t in DOCUMENT_TYPES if any(r["type"] == t for r in rows)]
        years = sorted({r["year"] for r in rows}, reverse=True)
        issuers = sorted({a["url"]: a for r in rows for a in r["issuers"]}.values(), key=lambda a: a["title"])
        filters = {"types": [link(f"van-ban/loai/{slugify(t)}/", t, id=slugify(t)) for t in types],
                   "years": [link(f"van-ban/nam/{y}/", str(y), id=str(y)) for y in years],
                   "issuers": [{**a, "id": a["url"].split("/")[1]} for a in issuers],
                   "statuses": [link(f"van-ban/tinh-trang/{k}/", v, id=k) for k, v in STATUSES.items() if any(r["status"] == k for r in rows)]}
        keys = ("url", "number", "type", "year", "status", "status_label", "issued", "doc_summary", "issuers")
        self.data_files["van-ban/index.json"] = [{k: r[k] for k in keys} for r in rows]
        self._table("van-ban/", "Văn bản", rows, "portal/documents.html", filters=filters, index="van-ban/index.json",
                    description="Văn bản về kinh tế tập thể, hợp tác xã: nghị quyết, kết luận, hướng dẫn, kế hoạch…", feed_keys=["type:document"])
        crumbs = [link("van-ban/", "Văn bản")]
        for t in types:
            self._table(f"van-ban/loai/{slugify(t)}/", t, [r for r in rows if r["type"] == t], "portal/documents.html", crumbs=crumbs,
                        description=f"{t} về kinh tế tập thể, hợp tác xã", feed_keys=[f"doctype:{slugify(t)}"])
        for status, label in STATUSES.items():
            subset = [r for r in rows if r["status"] == status]
            if subset:
                self._table(f"van-ban/tinh-trang/{status}/", f"Văn bản: {label.lower()}", subset, "portal/documents.html", crumbs=crumbs)
        for y in years:
            self._table(f"van-ban/nam/{y}/", f"Văn bản năm {y}", [r for r in rows if r["year"] == y], "portal/documents.html", crumbs=crumbs)

    def _stubs(self) -> None:
        """A page for each document that is cited but not published here."""
        reg = self.catalog.registries
        for node in self.catalog.graph.stubs:
            replaced = node.replaced_by
            context = {
                "heading": node.label, "node": node, **self.cards.graph_context(node),
                "issuer": self.cards.agency(node.issuer) if node.issuer in reg.agencies else None,
                "issued": node.issued.strftime("%d/%m/%Y") if node.issued else None,
                "replaced_by": [link(e.url, e.title) for e in replaced],
                "breadcrumbs": [link("van-ban/", "Văn bản")],
            }
            self._add(Page(node.url, node.label, "portal/document-stub.html", context,
                           f"{node.label}: văn bản được trích dẫn, chưa đăng trên trang"))

    # entry pages ------------------------------------------------------------------------------
    def entry_context(self, entry: Entry) -> dict:
        return self.cards.page_context(entry, self.settings.related)

    def all_pages(self) -> Iterable[Page]:
        return self.pages.values()
