"""The RSS of "Tin từ các địa phương" and of each partner: the stories the pages show, in the same
order, each with ``<source url="…">`` naming the partner's feed — a reader sees whose story it is,
and the link goes to the original, never to a copy here. Written with feedgen, dated from the
snapshot (never the build's clock), so an unchanged snapshot writes the same bytes."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from feedgen.feed import FeedGenerator
from markupsafe import escape

from ..catalog.catalog import Catalog
from ..common import urls
from ..content.registries import Partner
from ..views.partners import SECTION_TITLE, Story, stories
from .feeds import EMPTY_FEED_UPDATED, GENERATOR, FeedSettings
from .outputfiles import within


def _rss(title: str, description: str, page: str, feed_path: str, chosen: list[Story], partners: dict[str, Partner], settings: FeedSettings) -> bytes:
    base = settings.site_url.rstrip("/") + "/"
    fg = FeedGenerator()
    fg.title(title)
    fg.description(description)
    fg.language("vi")
    fg.generator(GENERATOR)
    fg.link(href=base + feed_path, rel="self", type="application/rss+xml")
    fg.link(href=base + page, rel="alternate", type="text/html")
    newest = max((datetime.fromisoformat(s.item.first_seen) for s in chosen), default=EMPTY_FEED_UPDATED)
    fg.lastBuildDate(newest)
    for story in chosen:
        item, source = story.item, partners[story.partner]
        fe = fg.add_entry(order="append")
        fe.guid(item.link, permalink=True)
        fe.title(item.title)
        fe.link(href=item.link)
        fe.published(datetime.fromisoformat(item.published or item.first_seen))
        also = ", ".join(partners[p].name for p in story.also)
        summary = item.summary + (f" (Cũng đăng trên {also}.)" if also else "")
        if summary:
            fe.description(str(escape(summary)))  # RSS descriptions are HTML: the plain text escaped once
        fe.source(url=source.feed, title=source.name)
    return fg.rss_str(pretty=True)


def write_partner_feeds(catalog: Catalog, settings: FeedSettings, out: Path) -> list[str]:
    """The section's RSS and each partner's; the site paths written (none without partners)."""
    partners = catalog.registries.partners
    if not partners:
        return []
    every = stories(catalog.partner_news, partners)
    made = {
        urls.PARTNER_NEWS: (SECTION_TITLE, "Tin bài mới từ cổng thông tin của các đối tác", every),
        **{urls.partner(p.id): (f"Tin từ {p.name}", f"Tin bài mới từ {p.name}", [s for s in every if p.id in (s.partner, *s.also)])
           for p in partners.values()},
    }  # fmt: skip
    written = []
    for page, (title, description, chosen) in sorted(made.items()):
        path = page + urls.PARTNER_FEED
        target = within(out, path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(_rss(title, description, page, path, chosen[: settings.limit], partners, settings))
        written.append(path)
    return written
