"""OPML 2.0 list of every feed, for one-step import into a feed reader."""

from __future__ import annotations

from email.utils import format_datetime
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from ..views.listings import Listings

CALENDARS = "Lịch sự kiện (iCalendar)"


def opml(listings: Listings, site_url: str, title: str) -> bytes:
    """One outline per list whose feeds carry items, grouped as on the /feeds/ page, pointing at
    its RSS feed.

    Only the RSS file of each list is listed: importing the Atom and JSON twins too would
    subscribe the reader three times to the same list. A list with nothing yet keeps its feeds
    (the /feeds/ page names it) but is left out: importing the file would subscribe a reader to
    feeds that show nothing.

    The calendars (.ics) of the lists that have events follow in a group of their own, as
    ``type="link"`` outlines (feed readers skip them; an OPML-aware calendar or a person finds them)."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    newest = max((e.updated for x in listings for e in x.entries), default=None)
    if newest is not None:
        ET.SubElement(head, "dateCreated").text = format_datetime(newest)
    body = ET.SubElement(root, "body")
    for label, members in listings.grouped():
        filled = [x for x in members if x.has_items]
        if not filled:
            continue
        outline = ET.SubElement(body, "outline", text=label, title=label)
        for listing in filled:
            ET.SubElement(
                outline,
                "outline",
                type="rss",
                text=listing.feed_title,
                title=listing.feed_title,
                language="vi",
                xmlUrl=urljoin(site_url, listing.feed_path("rss")),
                htmlUrl=urljoin(site_url, listing.url),
            )
    calendars = [x for x in listings if x.calendar_path and x.events]
    if calendars:
        outline = ET.SubElement(body, "outline", text=CALENDARS, title=CALENDARS)
        for listing in calendars:
            title = listing.calendar_title
            ET.SubElement(outline, "outline", type="link", text=title, title=title, language="vi", url=urljoin(site_url, listing.calendar_path or ""),
                          htmlUrl=urljoin(site_url, listing.url))  # fmt: skip
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
