"""A partner's feed, as bytes, → the items the snapshot keeps.

feedparser reads RSS and Atom (handed a stream: given bytes, it would first try them as a file
name); a document that is not well-formed XML, or has no items, is
refused. Every text goes through the portal's sanitiser (scripts dropped with their content), is
reduced to plain text (NFC, control characters out, spaces collapsed) and cut: a title at 300
characters, a summary at ``SUMMARY_LIMIT`` — never the full text. An item keeps only an http(s)
link; a date in the future or before 1990 is dropped (the item then shows no original date)."""

from __future__ import annotations

import calendar
import io
import xml.sax
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import feedparser  # type: ignore[import-untyped]

from ..bodies.fragments import plain_text
from ..bodies.sanitize import Sanitizer
from ..common.vietnamese import VN_TZ, clean_text, shorten
from ..content.partners import SUMMARY_LIMIT
from .fetch import FetchError

TITLE_LIMIT = 300
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
SANITIZER = Sanitizer()


@dataclass(frozen=True)
class FeedItem:
    key: str
    title: str
    link: str
    published: datetime | None
    summary: str


def text_of(fragment: str, limit: int) -> str:
    """A feed's text or HTML as sanitised plain text of at most ``limit`` characters."""
    if not fragment:
        return ""
    text = plain_text(SANITIZER.clean(fragment)) if "<" in fragment or "&" in fragment else " ".join(fragment.split())
    return shorten(" ".join(clean_text(text).split()), limit)


def _date(entry: feedparser.FeedParserDict, now: datetime) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    value = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    if value < EARLIEST or value > now + timedelta(days=1):  # wrong or from the future: not shown
        return None
    return value.astimezone(VN_TZ)


def _link(entry: feedparser.FeedParserDict) -> str:
    link = str(entry.get("link") or "").strip()
    return link if link.lower().startswith(("http://", "https://")) and len(link) <= 2000 else ""


def parse_items(body: bytes, now: datetime) -> list[FeedItem]:
    """The items of a feed, in the feed's order; FetchError("invalid-feed") when it is not one."""
    # A stream, never the bytes themselves: feedparser opens a str or bytes argument as a file name
    # (or fetches it as a URL) first — a body "/etc/passwd" would read this machine's file.
    parsed = feedparser.parse(io.BytesIO(body), sanitize_html=False, resolve_relative_uris=False)  # our sanitiser, once
    if parsed.get("bozo") and isinstance(parsed.get("bozo_exception"), xml.sax.SAXException):
        raise FetchError("invalid-feed", str(parsed.bozo_exception)[:120])
    if not parsed.get("version") and not parsed.entries:
        raise FetchError("invalid-feed", "không có mục nào")
    found, keys = [], set()
    for entry in parsed.entries:
        link = _link(entry)
        title = text_of(str(entry.get("title") or ""), TITLE_LIMIT)
        if not link or not title:
            continue
        key = str(entry.get("id") or link)[:2000]
        if key in keys:
            continue
        keys.add(key)
        summary = text_of(str(entry.get("summary") or ""), SUMMARY_LIMIT)
        found.append(FeedItem(key, title, link, _date(entry, now), summary))
    return found
