""" "Tin từ các địa phương": the partner portals' items, from the committed snapshot only.

Stories are ordered by the day the portal first saw them (not the date the source claims: a new
partner's old stories, or a wrong date, cannot push the others down). The same story from two
partners is shown once, under the partner that had it first, with "Cũng đăng trên …" — matched
by link, then by folded title when the two dates are within ``SAME_STORY_DAYS`` days. Pages: the
section (paginated), one page per partner, and the health page of every feed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from urllib.parse import urlsplit

from ..common import urls
from ..common.vietnamese import name_key, short_date, slugify, sort_key, time_date_line
from ..content.partners import ERRORS, PartnerItem, Snapshot
from ..content.registries import Partner
from .cards import link
from .page import Book

SAME_STORY_DAYS = 3
SECTION_TITLE = "Tin từ các địa phương"
INTRO = "Tin bài do các cổng thông tin đối tác đăng, kèm liên kết tới bài gốc. Phần tóm tắt lấy từ nguồn tin của đối tác."
CRUMBS = [link(urls.HOME, "Trang chủ"), link(urls.PARTNER_NEWS, SECTION_TITLE)]


@dataclass
class Story:
    partner: str  # the partner that had it first
    item: PartnerItem
    also: list[str] = field(default_factory=list)  # other partners that published it

    @property
    def when(self) -> datetime:
        return datetime.fromisoformat(self.item.published or self.item.first_seen)


def link_key(url: str) -> str:
    """A link compared loosely: scheme, "www.", a trailing slash and the fragment ignored."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}{'?' + parts.query if parts.query else ''}"


def title_key(title: str) -> str:
    return slugify(name_key(title))


def stories(snapshot: Snapshot, partners: dict[str, Partner]) -> list[Story]:
    """Every item of the registry's partners once, newest first seen first."""
    items = [(pid, item) for pid, feed in snapshot.partners.items() if pid in partners for item in feed.items]
    items.sort(key=lambda x: (x[1].first_seen, x[1].published or "", x[0], x[1].key))  # oldest seen first: it is the original
    by_link: dict[str, Story] = {}
    by_title: dict[str, list[Story]] = {}
    found: list[Story] = []
    for pid, item in items:
        story = by_link.get(link_key(item.link))
        if story is None:
            when = datetime.fromisoformat(item.published or item.first_seen)
            near = [s for s in by_title.get(title_key(item.title), []) if abs(s.when - when) <= timedelta(days=SAME_STORY_DAYS)]
            story = near[0] if near else None
        if story is not None:
            if pid != story.partner and pid not in story.also:
                story.also.append(pid)
            by_link.setdefault(link_key(item.link), story)
            continue
        story = Story(pid, item)
        found.append(story)
        by_link[link_key(item.link)] = story
        by_title.setdefault(title_key(item.title), []).append(story)
    return found[::-1]


def item_row(story: Story, partners: dict[str, Partner]) -> dict:
    """What a story shows: its title linked to the original, the source, the original date, the summary."""
    item, source = story.item, partners[story.partner]
    published = datetime.fromisoformat(item.published) if item.published else None
    return {
        "title": item.title,
        "url": item.link,
        "summary": item.summary,
        "source": link(urls.partner(source.id), source.name, site=source.site),
        "date": short_date(published) if published else None,
        "iso": published.isoformat() if published else None,
        "also": [link(urls.partner(p), partners[p].name) for p in sorted(story.also, key=lambda p: sort_key(partners[p].name))],
    }


def partner_pages(book: Book) -> None:
    """The section, each partner's page and the health page (none when the site has no partners)."""
    partners = book.catalog.registries.partners
    if not partners:
        return
    snapshot = book.catalog.partner_news
    every = stories(snapshot, partners)
    ordered = sorted(partners.values(), key=lambda p: sort_key(p.name))
    nav = [link(urls.partner(p.id), p.name) for p in ordered]
    size = book.settings.page_size
    for url, part, pagination in book.split(urls.PARTNER_NEWS, every, size):
        context = {"heading": SECTION_TITLE, "intro": INTRO, "partners": nav, "feed": urls.PARTNER_NEWS + urls.PARTNER_FEED, "breadcrumbs": CRUMBS[:1]}
        book.add(url, SECTION_TITLE, "portal/partners.html", partial(_list, part, partners, pagination, context),
                 "Tin bài mới từ cổng thông tin của các liên minh hợp tác xã và cơ quan địa phương")  # fmt: skip
    for partner in ordered:
        own = [s for s in every if partner.id in (s.partner, *s.also)]
        heading = f"Tin từ {partner.name}"
        for url, part, pagination in book.split(urls.partner(partner.id), own, size):
            context = {"heading": heading, "site": partner.site, "feed": urls.partner(partner.id) + urls.PARTNER_FEED, "breadcrumbs": CRUMBS}
            book.add(url, heading, "portal/partners.html", partial(_list, part, partners, pagination, context), f"Tin bài mới từ cổng thông tin {partner.name}")
    book.add(urls.PARTNER_HEALTH, "Tình trạng nguồn tin đối tác", "portal/partner-health.html",
             partial(_health, snapshot, ordered),
             "Nguồn tin của từng đối tác: lần đọc được gần nhất và lỗi gần nhất")  # fmt: skip


def _list(part: list[Story], partners: dict[str, Partner], pagination: dict, context: dict) -> dict:
    return {**context, "rows": [item_row(s, partners) for s in part], "pagination": pagination, "health": urls.PARTNER_HEALTH}


def _health(snapshot: Snapshot, partners: list[Partner]) -> dict:
    return {"heading": "Tình trạng nguồn tin đối tác", "rows": health_rows(snapshot, partners), "breadcrumbs": CRUMBS}


def health_rows(snapshot: Snapshot, partners: list[Partner]) -> list[dict]:
    """Each partner's feed: failing ones first, with the error explained in Vietnamese."""
    rows = []
    for partner in partners:
        feed = snapshot.partners.get(partner.id)
        error = feed.error if feed else "chua-doc"
        explained = ERRORS.get(error or "", "Chưa đọc nguồn tin lần nào (chạy lệnh portal fetch-partners).") if error else None
        rows.append({
            "partner": link(urls.partner(partner.id), partner.name),
            "feed": partner.feed,
            "ok": error is None,
            "error": explained,
            "detail": feed.error_detail if feed else None,
            "last_success": time_date_line(datetime.fromisoformat(feed.last_success)) if feed and feed.last_success else "chưa lần nào",
            "last_attempt": time_date_line(datetime.fromisoformat(feed.last_attempt)) if feed and feed.last_attempt else "chưa lần nào",
            "count": len(feed.items) if feed else 0,
        })  # fmt: skip
    return sorted(rows, key=lambda r: r["ok"])
