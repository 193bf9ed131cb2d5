"""Feeds for every list: RSS 2.0 and Atom 1.0 with feedgen, JSON Feed 1.1 with json.

An entry's guid/id is a tag URI built from its permanent ``id`` and a fixed authority, so it
never changes with the title, slug, URL or layout. Dates come from the content (+07:00),
never from the clock, so two builds of the same content give byte-identical feeds."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from lxml import etree
from lxml import html as lxml_html
from markupsafe import escape

from ..bodies.fragments import parse
from ..bodies.sanitize import text_html
from ..catalog.catalog import Catalog
from ..catalog.notices import Notice
from ..common import urls
from ..common.cachefiles import fingerprint, matches, prune_unused, read_json, write_json
from ..common.vietnamese import VN_TZ, clean_text
from ..content.entries import AnyEntry
from ..media.media import Media
from ..views.listing import FEED_FORMATS, Listing
from .outputfiles import link_or_copy, within

MAX_BYTES = 1_000_000
GENERATOR = "htx-portal"
# The <updated> of a feed with no items yet. Dates in feeds come from the content, never from the
# build clock, and an empty list has no content: a fixed date keeps its feed byte-stable.
EMPTY_FEED_UPDATED = datetime(2000, 1, 1, tzinfo=VN_TZ)


@dataclass
class FeedSettings:
    site_url: str
    id_authority: str  # "kinhtetapthe.example.vn,2024": set once, never change
    limit: int = 50
    icon: str = "assets/images/favicon.png"


@dataclass
class Item:
    """One entry as every feed format needs it; built once per entry, shared by all feeds."""

    id: str
    url: str
    title: str
    summary: str
    content: str
    published: datetime
    updated: datetime
    authors: list[str]
    categories: list[tuple[str, str]]  # (term, label)
    image: tuple[str, int, str] | None  # (absolute URL, length in bytes, media type)
    attachments: list[tuple[str, int, str]]  # the image, then a document's PDFs: the enclosures


def absolutize(fragment: str, base: str) -> str:
    """Make every link and image URL in an HTML fragment absolute; drop heading permalinks."""
    root = parse(fragment)
    if root is None:
        return ""
    for picture in list(root.iter("picture")):  # feed readers get the plain <img> (its fallback rendition)
        img = picture.find("img")
        if img is not None:
            img.tail = picture.tail
            picture.getparent().replace(picture, img)
    for img in root.iter("img"):
        for attribute in ("srcset", "sizes", "loading", "decoding"):
            img.attrib.pop(attribute, None)
    root.make_links_absolute(base, resolve_base_href=False)
    return clean_text("".join(lxml_html.tostring(child, encoding="unicode") for child in root))


class FeedWriter:
    def __init__(self, catalog: Catalog, settings: FeedSettings, render: Callable[[AnyEntry], str], media: Media | None = None):
        self.catalog, self.settings, self.render = catalog, settings, render
        self.media = media or Media()
        self._items: dict[str, Item] = {}

    def absolute(self, url: str) -> str:
        return urljoin(self.settings.site_url, url)

    def item(self, entry: AnyEntry) -> Item:
        if entry.id in self._items:
            return self._items[entry.id]
        reg = self.catalog.registries
        url = self.absolute(entry.url)
        first = entry.category(reg)
        categories = [*([first] if first else []), *((t, reg.tags[t].title) for t in entry.tags)]
        terms: dict[str, str] = {}
        for term, label in categories:  # one category per term: a column and a tag may share an id; the column's label wins
            terms.setdefault(term, label)
        enclosures = []
        for src in entry.enclosed():
            path = urls.asset(entry.src_uri, src)
            if (picture := self.media.pictures.get(path)) is not None:  # the processed image, mid-size, never the upload
                rendition = picture.best(picture.fallback, 960)
                enclosures.append((self.absolute(rendition.path), rendition.size, rendition.media_type))
            else:
                facts = self.catalog.files[path]
                enclosures.append((self.absolute(urls.file_url(path)), facts.size, facts.media_type))
        image = enclosures[0] if enclosures and entry.pictured else None
        item = Item(
            id=f"tag:{self.settings.id_authority}:{entry.id}",
            url=url,
            title=entry.headline,
            summary=entry.summary,
            content=absolutize(self.render(entry), url) or text_html(entry.summary),  # an empty body: the summary, as text
            published=entry.published,
            updated=entry.updated,
            authors=entry.byline(reg),
            categories=list(terms.items()),
            image=image,
            attachments=enclosures,
        )
        self._items[entry.id] = item
        return item

    def notice_item(self, notice: Notice) -> Item:
        """A notice (an event of a document, a task coming due) as a feed item: no enclosures."""
        url = self.absolute(notice.url)
        content = text_html(notice.summary)
        return Item(id=f"tag:{self.settings.id_authority}:{notice.key}", url=url, title=notice.title, summary=notice.summary, content=content,
                    published=notice.when, updated=notice.when, authors=[], categories=[], image=None, attachments=[])  # fmt: skip

    def write(self, spec: Listing, out_dir: Path) -> list[str]:
        """Write the three formats of one list's feed; return their paths relative to ``out_dir``."""
        if spec.notices is not None:
            items = [self.notice_item(n) for n in spec.notices[: self.settings.limit]]
        else:
            items = [self.item(e) for e in spec.entries[: self.settings.limit]]
        written = []
        for fmt in FEED_FORMATS:
            count = len(items)
            data = self._serialise(fmt, spec, items)
            while len(data) > MAX_BYTES and count > 1:  # keep the newest items, drop the oldest
                count = max(1, int(count * 0.8))
                data = self._serialise(fmt, spec, items[:count])
            target = within(out_dir, spec.feed_path(fmt))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.unlink(missing_ok=True)  # it may be a hard link into the feed cache: never write through it
            target.write_bytes(data)
            written.append(spec.feed_path(fmt))
        return written

    def _serialise(self, fmt: str, spec: Listing, items: list[Item]) -> bytes:
        return self._json(spec, items) if fmt == "json" else self._feedgen(fmt, spec, items)

    def _feedgen(self, fmt: str, spec: Listing, items: list[Item]) -> bytes:
        s = self.settings
        fg = FeedGenerator()
        fg.load_extension("dc", atom=False, rss=True)  # RSS <author> needs an e-mail; dc:creator takes a name
        fg.id(self.absolute(spec.feed_path("atom")))
        fg.title(spec.feed_title)
        fg.description(spec.feed_description)
        fg.language("vi")
        fg.generator(GENERATOR)
        fg.icon(self.absolute(s.icon))
        fg.logo(self.absolute(s.icon))
        fg.image(url=self.absolute(s.icon), title=spec.feed_title, link=self.absolute(spec.url))
        # feedgen's RSS <channel><link> is the last link added: self first, alternate last.
        fg.link(href=self.absolute(spec.feed_path(fmt)), rel="self", type=FEED_FORMATS[fmt][0])
        fg.link(href=self.absolute(spec.url), rel="alternate", type="text/html")
        newest = max((i.updated for i in items), default=EMPTY_FEED_UPDATED)
        fg.updated(newest)
        fg.lastBuildDate(newest)
        for item in items:  # already newest first; append keeps that order
            fe = fg.add_entry(order="append")
            fe.id(item.id)
            fe.guid(item.id, permalink=False)
            fe.title(item.title)
            fe.link(href=item.url, rel="alternate", type="text/html")
            fe.published(item.published)
            fe.updated(item.updated)
            # Atom's <summary> is text; RSS's <description> is read as HTML: the summary escaped once for it
            fe.summary(str(escape(item.summary)) if fmt == "rss" else item.summary)
            fe.content(item.content, type="CDATA" if fmt == "rss" else "html")
            for name in item.authors:
                fe.author(name=name)
            if item.authors:
                fe.dc.dc_creator(item.authors)
            for term, label in item.categories:
                fe.category(term=term, label=label)
            for url, length, kind in item.attachments[:1] if fmt == "rss" else item.attachments:  # RSS keeps one enclosure
                fe.enclosure(url, str(length), kind)
        return fg.rss_str(pretty=True) if fmt == "rss" else _restore_atom_link_attributes(fg.atom_str(pretty=True), items)

    def _json(self, spec: Listing, items: list[Item]) -> bytes:
        s = self.settings
        feed: dict[str, Any] = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": spec.feed_title,
            "home_page_url": self.absolute(spec.url),
            "feed_url": self.absolute(spec.feed_path("json")),
            "description": spec.feed_description,
            "language": "vi",
            "icon": self.absolute(s.icon),
            "favicon": self.absolute(s.icon),
            "items": [],
        }
        for item in items:
            entry: dict[str, Any] = {
                "id": item.id,
                "url": item.url,
                "title": item.title,
                "summary": item.summary,
                "content_html": item.content,
                "date_published": item.published.isoformat(),
                "date_modified": item.updated.isoformat(),
                "tags": list(dict.fromkeys(label for _, label in item.categories)),
            }
            if item.authors:
                entry["authors"] = [{"name": name} for name in item.authors]
            if item.image:
                entry["image"] = item.image[0]
            if item.attachments:
                entry["attachments"] = [{"url": url, "mime_type": kind, "size_in_bytes": size} for url, size, kind in item.attachments]
            feed["items"].append(entry)
        return (json.dumps(feed, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


ATOM = "{http://www.w3.org/2005/Atom}"


def _restore_atom_link_attributes(xml: bytes, items: list[Item]) -> bytes:
    """feedgen 1.0 writes an Atom entry's <link> with ``href`` only (a shadowed variable in
    ``FeedEntry.atom_entry`` drops rel/type/length), which turns the image enclosure into a
    second "alternate" link. Put the attributes back; remove once feedgen is fixed."""
    root = etree.fromstring(xml)
    for node, item in zip(root.iter(f"{ATOM}entry"), items, strict=True):
        for link in node.iter(f"{ATOM}link"):
            if link.get("href") == item.url:
                link.attrib.update({"rel": "alternate", "type": "text/html"})
            else:
                for url, length, kind in item.attachments:
                    if link.get("href") == url:
                        link.attrib.update({"rel": "enclosure", "type": kind, "length": str(length)})
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


class FeedCache:
    """Feed files kept between builds (beside the image cache), by a hash of everything a feed shows:
    a list whose entries did not change is copied, not serialised again. Every reused file is checked
    against the fingerprint recorded when it was written (a damaged entry is written anew and
    reported). Folders no build has used for an hour are removed."""

    CODE = Path(__file__).read_bytes()  # a new version of this module writes feeds anew
    SEAL = "seal.json"

    def __init__(self, folder: Path, writer: FeedWriter):
        self.folder, self.writer = folder, writer
        self.used: set[str] = set()
        self.damaged: list[str] = []

    def write(self, listing: Listing, out_dir: Path, key: str) -> list[str]:
        folder = self.folder / key
        self.used.add(key)
        paths = [listing.feed_path(fmt) for fmt in FEED_FORMATS]
        seal = read_json(folder / self.SEAL)
        if isinstance(seal, dict) and all(matches(folder / fmt, seal.get(fmt)) for fmt in FEED_FORMATS):
            os.utime(folder)  # in use: another build's prune leaves it
            for fmt, path in zip(FEED_FORMATS, paths, strict=True):
                within(out_dir, path).parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(folder / fmt, within(out_dir, path))
            return paths
        if folder.exists():
            self.damaged.append(f"{folder.name} ({listing.folder or '/'})")
            shutil.rmtree(folder, ignore_errors=True)
        written = self.writer.write(listing, out_dir)
        temporary = folder.with_name(f".{folder.name}.{os.getpid()}.tmp")
        temporary.mkdir(parents=True, exist_ok=True)
        for fmt, path in zip(FEED_FORMATS, written, strict=True):
            shutil.copyfile(out_dir / path, temporary / fmt)
        write_json(temporary / self.SEAL, {fmt: fingerprint(temporary / fmt) for fmt in FEED_FORMATS})
        try:
            temporary.rename(folder)
        except OSError:  # another build cached the same feeds meanwhile
            shutil.rmtree(temporary, ignore_errors=True)
        return written

    def keep(self, listing: Listing, key: str) -> list[str]:
        """A list's feed the build takes from the previous site (unchanged): its cached copy stays for
        later builds; its paths, as ``write`` returns them."""
        self.used.add(key)
        if (folder := self.folder / key).is_dir():
            os.utime(folder)
        return [listing.feed_path(fmt) for fmt in FEED_FORMATS]

    def prune(self, keep_seconds: float = 3600) -> None:
        prune_unused(self.folder, self.used, keep_seconds)
