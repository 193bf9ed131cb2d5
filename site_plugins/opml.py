"""OPML 2.0 list of every feed, for one-step import into a feed reader."""

from __future__ import annotations

from email.utils import format_datetime
from urllib.parse import urljoin
from xml.etree import ElementTree as ET

from .feeds import GROUPS, FeedSpec


def opml(specs: dict[str, FeedSpec], site_url: str, title: str) -> bytes:
    """One outline per list, grouped by kind, pointing at its RSS feed.

    Only the RSS file of each list is listed: importing the Atom and JSON twins too would
    subscribe the reader three times to the same list."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    newest = max((e.updated for s in specs.values() for e in s.entries), default=None)
    if newest is not None:
        ET.SubElement(head, "dateCreated").text = format_datetime(newest)
    body = ET.SubElement(root, "body")
    for group, label in GROUPS.items():
        members = [s for s in specs.values() if s.group == group]
        if not members:
            continue
        outline = ET.SubElement(body, "outline", text=label, title=label)
        for spec in members:
            ET.SubElement(outline, "outline", type="rss", text=spec.title, title=spec.title, language="vi",
                          xmlUrl=urljoin(site_url, spec.path("rss")), htmlUrl=urljoin(site_url, spec.page_url))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"
