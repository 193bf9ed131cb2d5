"""A list of the site, as it is declared once: what it is about, where its page and its feeds
are, its title, its entries (newest first) and how its page lays them out. The list pages, the
feeds, the /feeds/ page, feeds.opml, every ``<link rel="alternate">`` and the dependency map all
read these declarations; nothing else enumerates the site's lists.

Every list has its three feeds, also while it is empty, so a reader can subscribe to an
agency, a province, a column or a tag before its first entry. A list that has events (every event
list, and each agency's, province's and campaign's) has an iCalendar file beside its feeds too."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..catalog.notices import Notice
from ..common import urls
from ..content.entries import AnyEntry, EventEntry

# Feed formats: media type and the label readers see.
FEED_FORMATS = {"rss": ("application/rss+xml", "RSS"), "atom": ("application/atom+xml", "Atom"), "json": ("application/feed+json", "JSON Feed")}
# Groups of the /feeds/ page and of feeds.opml, in order.
GROUPS = {
    "site": "Toàn trang",
    "type": "Theo loại nội dung",
    "event": "Sự kiện theo loại",
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
    # What its calendar (lich.ics, beside its feeds) carries; None: it has no calendar.
    events: list[EventEntry] | None = field(default=None, repr=False)
    calendar_title: str = ""

    def __post_init__(self) -> None:
        self.folder = self.folder or self.url

    @property
    def has_items(self) -> bool:
        """Whether its feeds carry anything yet: an empty list keeps its feeds (a reader may follow it
        before its first item), but feeds.opml subscribes no one to it and /feeds/ names it last."""
        return bool(self.entries if self.notices is None else self.notices)

    @property
    def page_entries(self) -> list[AnyEntry]:
        return self.entries if self.shown is None else self.shown

    def feed_path(self, fmt: str) -> str:
        return urls.feed(self.folder, fmt)

    @property
    def calendar_path(self) -> str | None:
        return urls.calendar(self.folder) if self.events is not None else None
