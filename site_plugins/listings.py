"""Every list of the site, declared once.

A ``Listing`` says what a list is (its key and the id of what it is about), where its page
is, its title, its entries (newest first), how its page lays them out, and where its feeds
go. The list pages (views.py), the feeds (feeds.py), the /feeds/ page, feeds.opml, every
``<link rel="alternate">`` and the dependency map all read these declarations; nothing else
enumerates the site's lists.

Every list has its three feeds, also while it is empty, so a reader can subscribe to an
agency, a province, a column or a tag before its first entry."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import urls
from .catalog import Catalog
from .entries import AnyEntry, CooperativeEntry, DocumentEntry, newest_first
from .vietnamese import month_name, sort_key
from .vocabulary import STATUSES, TYPE_NAMES

# Feed formats: media type and the label readers see.
FEED_FORMATS = {"rss": ("application/rss+xml", "RSS"), "atom": ("application/atom+xml", "Atom"), "json": ("application/feed+json", "JSON Feed")}
# Groups of the /feeds/ page and of feeds.opml, in order.
GROUPS = {
    "site": "Toàn trang",
    "type": "Theo loại nội dung",
    "column": "Chuyên mục",
    "campaign": "Chuyên đề",
    "agency": "Cơ quan, đơn vị",
    "province": "Địa phương",
    "tag": "Từ khóa",
    "sector": "Hợp tác xã theo lĩnh vực",
    "year": "Văn bản theo năm",
    "status": "Văn bản theo tình trạng",
    "month": "Lưu trữ theo tháng",
}


@dataclass(eq=False)
class Listing:
    key: str  # unique and stable: "agency:lien-minh-htx-viet-nam"
    kind: str  # what it lists: "news", "column", "agency", "agency-all", "doctype", … (views lay pages out by it)
    subject: str | int | tuple[int, int] | None  # the id of what it is about: an agency id, a year, (year, month)
    group: str  # a key of GROUPS
    url: str  # its page (the first of its pages); a list without a page of its own names the page it belongs to
    title: str  # the heading of its page
    feed_title: str
    feed_description: str
    entries: list[AnyEntry] = field(repr=False)  # newest first: what its feeds carry
    layout: str = "cards"  # "cards" (page_size a page), "table" (table_size rows a page), "" (no page of its own)
    description: str = ""  # the intro and meta description of its page
    shown: list[AnyEntry] | None = field(default=None, repr=False)  # what its page lists, when not `entries`
    folder: str = ""  # where its feeds are written; its page's folder unless set

    def __post_init__(self) -> None:
        self.folder = self.folder or self.url

    @property
    def page_entries(self) -> list[AnyEntry]:
        return self.entries if self.shown is None else self.shown

    def feed_path(self, fmt: str) -> str:
        return urls.feed(self.folder, fmt)


class Listings:
    """The declarations, in the order the /feeds/ page shows them within each group."""

    def __init__(self, catalog: Catalog, site_name: str):
        self.catalog, self.site_name = catalog, site_name
        self.all: dict[str, Listing] = {}
        self._declare()
        self.by_url: dict[str, list[Listing]] = defaultdict(list)
        for listing in self.all.values():
            self.by_url[listing.url].append(listing)

    def __iter__(self) -> Iterator[Listing]:
        return iter(self.all.values())

    def __getitem__(self, key: str) -> Listing:
        return self.all[key]

    def with_pages(self) -> list[Listing]:
        return [x for x in self if x.layout]

    def advertised(self, url: str) -> list[Listing]:
        """The feeds a page at ``url`` (the first page of a list) advertises: its own lists', then the site's."""
        own = [x for x in self.by_url.get(url, []) if x.key != "site"]
        return [*own, self.all["site"]]

    def grouped(self) -> list[tuple[str, list[Listing]]]:
        groups = [(label, [x for x in self if x.group == group]) for group, label in GROUPS.items()]
        return [(label, members) for label, members in groups if members]

    def _add(self, listing: Listing) -> None:
        if listing.key in self.all:
            raise ValueError(f"two lists declared as {listing.key}")
        self.all[listing.key] = listing

    # the declarations ---------------------------------------------------------------------------
    def _declare(self) -> None:
        c, reg, site = self.catalog, self.catalog.registries, self.site_name
        add = self._add
        add(Listing("site", "site", None, "site", urls.HOME, "Trang chủ", f"{site} — Tin mới", "Tin bài, văn bản và hợp tác xã mới nhất", c.entries, layout=""))
        add(
            Listing(
                "type:article",
                "news",
                None,
                "type",
                urls.NEWS,
                "Tin tức",
                f"Tin tức — {site}",
                "Tất cả tin bài",
                list(c.articles),
                description="Tất cả tin bài, mới nhất trước",
            )
        )
        add(
            Listing(
                "type:document",
                "documents",
                None,
                "type",
                urls.DOCUMENTS,
                "Văn bản",
                f"Văn bản — {site}",
                "Tất cả văn bản",
                list(c.documents),
                layout="table",
                description="Văn bản về kinh tế tập thể, hợp tác xã: nghị quyết, kết luận, hướng dẫn, kế hoạch…",
            )
        )
        add(
            Listing(
                "type:cooperative",
                "cooperatives",
                None,
                "type",
                urls.COOPERATIVES,
                "Hợp tác xã điển hình",
                f"Hợp tác xã điển hình — {site}",
                "Hồ sơ hợp tác xã điển hình",
                list(c.cooperatives),
                layout="table",
                description="Danh bạ hợp tác xã, liên hiệp hợp tác xã, tổ hợp tác điển hình",
                shown=by_name(c.cooperatives),
            )
        )
        documents_of_type: dict[str, list[AnyEntry]] = defaultdict(list)
        for document in c.documents:
            documents_of_type[document.data.type].append(document)
        for type_name in sorted(documents_of_type):
            add(
                Listing(
                    f"doctype:{urls.slugify(type_name)}",
                    "doctype",
                    type_name,
                    "type",
                    urls.document_type(type_name),
                    type_name,
                    f"Văn bản: {type_name} — {site}",
                    f"{type_name} mới ban hành",
                    documents_of_type[type_name],
                    layout="table",
                    description=f"{type_name} về kinh tế tập thể, hợp tác xã",
                )
            )
        for column in reg.columns.values():
            add(
                Listing(
                    f"column:{column.id}",
                    "column",
                    column.id,
                    "column",
                    urls.column(column.id),
                    column.title,
                    f"{column.title} — {site}",
                    column.description,
                    list(c.by_column.get(column.id, [])),
                    description=column.description,
                )
            )
        for campaign in reg.campaigns.values():
            add(
                Listing(
                    f"campaign:{campaign.id}",
                    "campaign",
                    campaign.id,
                    "campaign",
                    urls.campaign(campaign.id),
                    campaign.title,
                    f"Chuyên đề: {campaign.title}",
                    campaign.description,
                    list(c.by_campaign.get(campaign.id, [])),
                    description=campaign.description,
                )
            )
        for agency in reg.agencies.values():
            own = c.by_agency.get(agency.id, [])
            add(
                Listing(
                    f"agency:{agency.id}",
                    "agency",
                    agency.id,
                    "agency",
                    urls.agency(agency.id),
                    agency.name,
                    f"{agency.name} — Tin bài và văn bản",
                    f"Tin bài, văn bản của {agency.name}",
                    list(own),
                    description=f"Tin bài và văn bản của {agency.name}",
                )
            )
            descendants = c.agency_descendants(agency.id)
            if descendants:
                everything = {e for a in (agency.id, *descendants) for e in c.by_agency.get(a, [])}
                add(
                    Listing(
                        f"agency-all:{agency.id}",
                        "agency-all",
                        agency.id,
                        "agency",
                        urls.agency(agency.id),
                        agency.name,
                        f"{agency.name} và đơn vị trực thuộc — Tin bài và văn bản",
                        f"Tin bài, văn bản của {agency.name} và các đơn vị trực thuộc",
                        newest_first(everything),
                        layout="",
                        folder=urls.agency_with_children(agency.id),
                    )
                )
        for province in reg.provinces.values():
            entries = c.by_province.get(province.id, [])
            add(
                Listing(
                    f"province:{province.id}",
                    "province",
                    province.id,
                    "province",
                    urls.province(province.id),
                    province.name,
                    f"{province.name} — Tin tức, hợp tác xã, văn bản",
                    f"Tin tức, hợp tác xã và văn bản của {province.name}",
                    list(entries),
                    description=f"Tin tức, hợp tác xã và văn bản của {province.name}",
                    shown=[e for e in entries if e.kind == "article"],
                )
            )
        for tag in reg.tags.values():
            add(
                Listing(
                    f"tag:{tag.id}",
                    "tag",
                    tag.id,
                    "tag",
                    urls.tag(tag.id),
                    tag.title,
                    f"Từ khóa “{tag.title}” — {site}",
                    tag.description or f"Nội dung gắn từ khóa “{tag.title}”",
                    list(c.by_tag.get(tag.id, [])),
                    description=tag.description or f"Bài viết gắn từ khóa “{tag.title}”",
                )
            )
        for sector in reg.sectors.values():
            members = [e for e in c.cooperatives if sector.id in e.data.sectors]
            name = sector.title.lower()
            add(
                Listing(
                    f"sector:{sector.id}",
                    "sector",
                    sector.id,
                    "sector",
                    urls.sector(sector.id),
                    f"Hợp tác xã lĩnh vực {name}",
                    f"Hợp tác xã lĩnh vực {name} — {site}",
                    f"Hồ sơ hợp tác xã điển hình lĩnh vực {name}",
                    list(members),
                    layout="table",
                    shown=by_name(members),
                )
            )
        for year in sorted({d.data.issued_year for d in c.documents}, reverse=True):
            add(
                Listing(
                    f"year:{year}",
                    "year",
                    year,
                    "year",
                    urls.document_year(year),
                    f"Văn bản năm {year}",
                    f"Văn bản năm {year} — {site}",
                    f"Văn bản ban hành năm {year}",
                    [d for d in c.documents if d.data.issued_year == year],
                    layout="table",
                )
            )
        for status, label in STATUSES.items():
            subset: list[AnyEntry] = [d for d in c.documents if d.data.status == status]
            if subset:
                add(
                    Listing(
                        f"status:{status}",
                        "status",
                        status,
                        "status",
                        urls.document_status(status),
                        f"Văn bản: {label.lower()}",
                        f"Văn bản {label.lower()} — {site}",
                        f"Văn bản có tình trạng “{label}”",
                        subset,
                        layout="table",
                    )
                )
        for year, month in sorted(c.by_month, reverse=True):
            name = month_name(year, month).lower()
            add(
                Listing(
                    f"month:{year}-{month:02d}",
                    "month",
                    (year, month),
                    "month",
                    urls.archive_month(year, month),
                    f"Lưu trữ {name}",
                    f"Lưu trữ {name} — {site}",
                    f"Tin bài, văn bản và hợp tác xã đăng trong {name}",
                    list(c.by_month[(year, month)]),
                )
            )

    # what the registry's filters offer --------------------------------------------------------
    def document_types(self) -> list[str]:
        """Types that have documents, in the vocabulary's order."""
        present = {x.subject for x in self if x.kind == "doctype"}
        return [t for t in TYPE_NAMES if t in present]


def by_name(cooperatives: list[CooperativeEntry] | list[AnyEntry]) -> list[AnyEntry]:
    return sorted(cooperatives, key=lambda e: sort_key(e.title))


def documents_of(entries: list[AnyEntry]) -> list[DocumentEntry]:
    return [e for e in entries if isinstance(e, DocumentEntry)]
