"""Every URL of the site, written once.

URLs are paths from the site root without a leading slash, ending in "/" for pages ("" is the
home page). Ids go in, URLs come out; nothing parses an id back out of a URL: the data that
carries a link carries its id beside it."""

from __future__ import annotations

import posixpath
from urllib.parse import quote

from .vietnamese import slugify

# content/<section>/ → the kind of entry it holds; the section is also the URL segment
SECTIONS = {"tin-tuc": "article", "htx": "cooperative", "van-ban": "document", "su-kien": "event"}
HOME = ""
NEWS = "tin-tuc/"
COOPERATIVES = "htx/"
DOCUMENTS = "van-ban/"
EVENTS = "su-kien/"  # the calendar of events (upcoming first, then past)
COLUMNS = "chuyen-muc/"
AGENCIES = "co-quan/"
PROVINCES = "dia-phuong/"
TAGS = "tu-khoa/"
ARCHIVE = "luu-tru/"
FEEDS_PAGE = "feeds/"
SEARCH = "tim-kiem/"  # the search page
SEARCH_BUNDLE = "pagefind"  # the folder of the search index and Pagefind's scripts (output/search.py)
OPML = "feeds.opml"
DOCUMENT_UPDATES = "van-ban/moi-cap-nhat/"  # every publish, correction and status change
TASKS = "van-ban/nhiem-vu/"  # every assigned task, with its status
DOCUMENT_INDEX = "van-ban/index.json"  # the whole registry, for the client-side filters
COOPERATIVE_INDEX = "htx/index.json"
STATISTICS = "so-lieu/"  # every figure of the site: charts, tables, sources, downloads
PARTNER_NEWS = "tin-dia-phuong/"  # "Tin từ các địa phương": the partner portals' items, from the snapshot
PARTNER_HEALTH = "tin-dia-phuong/tinh-trang/"  # each partner feed's last success and last error
PARTNER_FEED = "rss.xml"  # the RSS of the section and of each partner (items carry <source>)


def partner(partner_id: str) -> str:
    """A partner portal's page of items (under doi-tac/: no id can take the health page's URL)."""
    return f"{PARTNER_NEWS}doi-tac/{partner_id}/"


POLLS = "khao-sat/"  # every reader poll: open, upcoming, closed with its results
POLL_FEED = "khao-sat/feed.xml"  # closed polls' results, one item a poll
POLL_VOTE = "bieu-quyet"  # the poll service's form action (beside its address, not on the site)


def poll(poll_id: str) -> str:
    """A poll's own page."""
    return f"{POLLS}{poll_id}/"


def poll_results_json(poll_id: str) -> str:
    """The poll service's current counts of a poll (beside its address, not on the site)."""
    return f"ket-qua/{poll_id}.json"


def figure(figure_id: str) -> str:
    """Where a figure of the site stands on /so-lieu/ (an article that embeds it links there)."""
    return f"{STATISTICS}#{figure_id}"


def figure_file(page_url: str, figure_id: str, ext: str) -> str:
    """A figure's data as a download ("csv", "json"), beside the page that owns it: so-lieu/htx-theo-tinh.csv,
    dia-phuong/ninh-binh/htx-theo-linh-vuc.csv."""
    return f"{page_url}{figure_id}.{ext}"


def agency_tasks(agency_id: str) -> str:
    """Where an agency's feed of tasks coming due is written."""
    return f"{agency(agency_id)}nhiem-vu/"


def entry(section: str, slug: str) -> str:
    return f"{section}/{slug}/"


def column(column_id: str) -> str:
    return f"{COLUMNS}{column_id}/"


def campaign(campaign_id: str) -> str:
    return f"chuyen-de/{campaign_id}/"


def agency(agency_id: str) -> str:
    return f"{AGENCIES}{agency_id}/"


def agency_with_children(agency_id: str) -> str:
    """Folder of the feeds of an agency together with its child agencies (no page of its own)."""
    return f"{agency(agency_id)}tat-ca/"


def province(province_id: str) -> str:
    return f"{PROVINCES}{province_id}/"


def tag(tag_id: str) -> str:
    return f"{TAGS}{tag_id}/"


def sector(sector_id: str) -> str:
    return f"{COOPERATIVES}linh-vuc/{sector_id}/"


def document_type(type_name: str) -> str:
    return f"{DOCUMENTS}loai/{slugify(type_name)}/"


def document_year(year: int) -> str:
    return f"{DOCUMENTS}nam/{year}/"


def document_status(status: str) -> str:
    return f"{DOCUMENTS}tinh-trang/{status}/"


def event_kind(kind: str) -> str:
    """The calendar of one kind of event ("tập huấn" → su-kien/loai/tap-huan/)."""
    return f"{EVENTS}loai/{slugify(kind)}/"


def cited_document(label: str) -> str:
    """Page of a document cited but not published here, named by its number (or its title)."""
    return f"{DOCUMENTS}{slugify(label)}/"


def archive_year(year: int) -> str:
    return f"{ARCHIVE}{year}/"


def archive_month(year: int, month: int) -> str:
    return f"{ARCHIVE}{year}/{month:02d}/"


def page(base: str, number: int) -> str:
    """Page ``number`` of a paginated list: the list's own URL, then ``…/page/N/``."""
    return base if number == 1 else f"{base}page/{number}/"


def source(url: str) -> str:
    """The (generated) source file MkDocs renders as the page at ``url``."""
    return f"{url}index.md"


def output(url: str) -> str:
    """The file a page is written to in the site folder."""
    return f"{url}index.html"


def asset(entry_src: str, src: str) -> str:
    """A file (image, PDF) written relative to an entry's Markdown file, from the site root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(entry_src), src))


def file_url(site_path: str) -> str:
    """A content file's URL: its path percent-encoded, so that no file or folder name ("x\".pdf",
    "javascript:…/a.pdf") can close an attribute or become a URL scheme."""
    return quote(site_path, safe="/")


FEED_FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}


CALENDAR_FILE = "lich.ics"


def calendar(folder: str) -> str:
    """An iCalendar file beside a list's feeds (or in an event's own folder): ``su-kien/lich.ics``."""
    return folder + CALENDAR_FILE


def feed(folder: str, fmt: str) -> str:
    """A list's feed in one format, beside its page: ``co-quan/<id>/feed.xml``."""
    return folder + FEED_FILES[fmt]
