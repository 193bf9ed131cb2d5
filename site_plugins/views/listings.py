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

from ..catalog.catalog import Catalog
from ..catalog.notices import Notice, from_event, from_task
from ..common import urls
from ..common.vietnamese import month_name, sort_key
from ..common.vocabulary import STATUSES, TYPE_NAMES
from ..content.entries import AnyEntry, CooperativeEntry, newest_first

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
    "tasks": "Nhiệm vụ sắp đến hạn, quá hạn theo cơ quan",
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
    # What its feeds carry instead of entries, newest first: a document's history (group "document",
    # not on the /feeds/ page: the document's page offers it), "Mới cập nhật", an agency's tasks due.
    notices: list[Notice] | None = field(default=None, repr=False)

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
        add(
            Listing(
                key="site",
                kind="site",
                subject=None,
                group="site",
                url=urls.HOME,
                title="Trang chủ",
                feed_title=f"{site} — Tin mới",
                feed_description="Tin bài, văn bản và hợp tác xã mới nhất",
                entries=c.entries,
                layout="",
            )
        )
        add(
            Listing(
                key="type:article",
                kind="news",
                subject=None,
                group="type",
                url=urls.NEWS,
                title="Tin tức",
                feed_title=f"Tin tức — {site}",
                feed_description="Tất cả tin bài",
                entries=list(c.articles),
                description="Tất cả tin bài, mới nhất trước",
            )
        )
        add(
            Listing(
                key="type:document",
                kind="documents",
                subject=None,
                group="type",
                url=urls.DOCUMENTS,
                title="Văn bản",
                feed_title=f"Văn bản — {site}",
                feed_description="Tất cả văn bản",
                entries=list(c.documents),
                layout="table",
                description="Văn bản về kinh tế tập thể, hợp tác xã: nghị quyết, kết luận, hướng dẫn, kế hoạch…",
            )
        )
        add(
            Listing(
                key="type:cooperative",
                kind="cooperatives",
                subject=None,
                group="type",
                url=urls.COOPERATIVES,
                title="Hợp tác xã điển hình",
                feed_title=f"Hợp tác xã điển hình — {site}",
                feed_description="Hồ sơ hợp tác xã điển hình",
                entries=list(c.cooperatives),
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
                    key=f"doctype:{urls.slugify(type_name)}",
                    kind="doctype",
                    subject=type_name,
                    group="type",
                    url=urls.document_type(type_name),
                    title=type_name,
                    feed_title=f"Văn bản: {type_name} — {site}",
                    feed_description=f"{type_name} mới ban hành",
                    entries=documents_of_type[type_name],
                    layout="table",
                    description=f"{type_name} về kinh tế tập thể, hợp tác xã",
                )
            )
        for column in reg.columns.values():
            add(
                Listing(
                    key=f"column:{column.id}",
                    kind="column",
                    subject=column.id,
                    group="column",
                    url=urls.column(column.id),
                    title=column.title,
                    feed_title=f"{column.title} — {site}",
                    feed_description=column.description,
                    entries=list(c.by_column.get(column.id, [])),
                    description=column.description,
                )
            )
        for campaign in reg.campaigns.values():
            add(
                Listing(
                    key=f"campaign:{campaign.id}",
                    kind="campaign",
                    subject=campaign.id,
                    group="campaign",
                    url=urls.campaign(campaign.id),
                    title=campaign.title,
                    feed_title=f"Chuyên đề: {campaign.title}",
                    feed_description=campaign.description,
                    entries=list(c.by_campaign.get(campaign.id, [])),
                    description=campaign.description,
                )
            )
        for agency in reg.agencies.values():
            own = c.by_agency.get(agency.id, [])
            add(
                Listing(
                    key=f"agency:{agency.id}",
                    kind="agency",
                    subject=agency.id,
                    group="agency",
                    url=urls.agency(agency.id),
                    title=agency.name,
                    feed_title=f"{agency.name} — Tin bài và văn bản",
                    feed_description=f"Tin bài, văn bản của {agency.name}",
                    entries=list(own),
                    description=f"Tin bài và văn bản của {agency.name}",
                )
            )
            descendants = c.agency_descendants(agency.id)
            if descendants:
                everything = {e for a in (agency.id, *descendants) for e in c.by_agency.get(a, [])}
                add(
                    Listing(
                        key=f"agency-all:{agency.id}",
                        kind="agency-all",
                        subject=agency.id,
                        group="agency",
                        url=urls.agency(agency.id),
                        title=agency.name,
                        feed_title=f"{agency.name} và đơn vị trực thuộc — Tin bài và văn bản",
                        feed_description=f"Tin bài, văn bản của {agency.name} và các đơn vị trực thuộc",
                        entries=newest_first(everything),
                        layout="",
                        folder=urls.agency_with_children(agency.id),
                    )
                )
        for province in reg.provinces.values():
            entries = c.by_province.get(province.id, [])
            add(
                Listing(
                    key=f"province:{province.id}",
                    kind="province",
                    subject=province.id,
                    group="province",
                    url=urls.province(province.id),
                    title=province.name,
                    feed_title=f"{province.name} — Tin tức, hợp tác xã, văn bản",
                    feed_description=f"Tin tức, hợp tác xã và văn bản của {province.name}",
                    entries=list(entries),
                    description=f"Tin tức, hợp tác xã và văn bản của {province.name}",
                    shown=[e for e in entries if e.kind == "article"],
                )
            )
        for tag in reg.tags.values():
            add(
                Listing(
                    key=f"tag:{tag.id}",
                    kind="tag",
                    subject=tag.id,
                    group="tag",
                    url=urls.tag(tag.id),
                    title=tag.title,
                    feed_title=f"Từ khóa “{tag.title}” — {site}",
                    feed_description=tag.description or f"Nội dung gắn từ khóa “{tag.title}”",
                    entries=list(c.by_tag.get(tag.id, [])),
                    description=tag.description or f"Bài viết gắn từ khóa “{tag.title}”",
                )
            )
        for sector in reg.sectors.values():
            members = [e for e in c.cooperatives if sector.id in e.data.sectors]
            name = sector.title.lower()
            add(
                Listing(
                    key=f"sector:{sector.id}",
                    kind="sector",
                    subject=sector.id,
                    group="sector",
                    url=urls.sector(sector.id),
                    title=f"Hợp tác xã lĩnh vực {name}",
                    feed_title=f"Hợp tác xã lĩnh vực {name} — {site}",
                    feed_description=f"Hồ sơ hợp tác xã điển hình lĩnh vực {name}",
                    entries=list(members),
                    layout="table",
                    shown=by_name(members),
                )
            )
        for year in sorted({d.data.issued_year for d in c.documents}, reverse=True):
            add(
                Listing(
                    key=f"year:{year}",
                    kind="year",
                    subject=year,
                    group="year",
                    url=urls.document_year(year),
                    title=f"Văn bản năm {year}",
                    feed_title=f"Văn bản năm {year} — {site}",
                    feed_description=f"Văn bản ban hành năm {year}",
                    entries=[d for d in c.documents if d.data.issued_year == year],
                    layout="table",
                )
            )
        for status, label in STATUSES.items():
            subset: list[AnyEntry] = [d for d in c.documents if c.legal[d.id].status == status]
            if subset:
                add(
                    Listing(
                        key=f"status:{status}",
                        kind="status",
                        subject=status,
                        group="status",
                        url=urls.document_status(status),
                        title=f"Văn bản: {label.lower()}",
                        feed_title=f"Văn bản {label.lower()} — {site}",
                        feed_description=f"Văn bản có tình trạng “{label}”",
                        entries=subset,
                        layout="table",
                    )
                )
        self._declare_registry_follow()
        for year, month in sorted(c.by_month, reverse=True):
            name = month_name(year, month).lower()
            add(
                Listing(
                    key=f"month:{year}-{month:02d}",
                    kind="month",
                    subject=(year, month),
                    group="month",
                    url=urls.archive_month(year, month),
                    title=f"Lưu trữ {name}",
                    feed_title=f"Lưu trữ {name} — {site}",
                    feed_description=f"Tin bài, văn bản và hợp tác xã đăng trong {name}",
                    entries=list(c.by_month[(year, month)]),
                )
            )

    def _declare_registry_follow(self) -> None:
        """Feeds for following the registry: "Mới cập nhật", each document's history, each agency's
        tasks coming due."""
        c, site = self.catalog, self.site_name
        changed = c.updates
        self._add(
            Listing(
                key="updates",
                kind="updates",
                subject=None,
                group="site",
                url=urls.DOCUMENT_UPDATES,
                title="Văn bản mới cập nhật",
                feed_title=f"Văn bản mới cập nhật — {site}",
                feed_description="Văn bản mới đăng, được cập nhật hoặc thay đổi tình trạng hiệu lực",
                entries=[],
                layout="",
                notices=[from_event(e) for e in changed],
            )
        )
        for document in c.documents:
            state = c.legal[document.id]
            self._add(
                Listing(
                    key=f"document:{document.id}",
                    kind="document",
                    subject=document.id,
                    group="document",
                    url=document.url,
                    title=document.title,
                    feed_title=f"{document.title} — Diễn biến",
                    feed_description=f"Ban hành, đăng, cập nhật, văn bản mới trích dẫn, sửa đổi, thay thế và tình trạng hiệu lực của {document.title}",
                    entries=[],
                    layout="",
                    notices=[from_event(e, with_title=False) for e in reversed(state.past(c.now))],
                )
            )
        due: dict[str, list[Notice]] = defaultdict(list)
        for tracked in c.tasks:
            if tracked.status in ("sap-den-han", "qua-han"):
                for agency in dict.fromkeys([*tracked.task.lead, *tracked.task.partners]):
                    due[agency].append(from_task(tracked))
        for each in c.registries.agencies.values():
            self._add(
                Listing(
                    key=f"tasks:{each.id}",
                    kind="agency-tasks",
                    subject=each.id,
                    group="tasks",
                    url=urls.agency(each.id),
                    title=each.name,
                    feed_title=f"{each.name} — Nhiệm vụ sắp đến hạn, quá hạn",
                    feed_description=f"Nhiệm vụ {each.name} chủ trì hoặc phối hợp sắp đến hạn (trong 30 ngày) hoặc đã quá hạn",
                    entries=[],
                    layout="",
                    folder=urls.agency_tasks(each.id),
                    notices=sorted(due[each.id], key=lambda n: (n.when, n.key), reverse=True),
                )
            )

    # what the registry's filters offer --------------------------------------------------------
    def document_types(self) -> list[str]:
        """Types that have documents, in the vocabulary's order."""
        present = {x.subject for x in self if x.kind == "doctype"}
        return [t for t in TYPE_NAMES if t in present]


def by_name(cooperatives: list[CooperativeEntry] | list[AnyEntry]) -> list[AnyEntry]:
    return sorted(cooperatives, key=lambda e: sort_key(e.title))
