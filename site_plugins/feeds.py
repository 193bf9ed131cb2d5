"""Feeds for every list: RSS 2.0 and Atom 1.0 with feedgen, JSON Feed 1.1 with json.

An entry's guid/id is a tag URI built from its permanent ``id`` and a fixed authority, so it
never changes with the title, slug, URL or layout. Dates come from the content (+07:00),
never from the clock, so two builds of the same content give byte-identical feeds."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin

from feedgen.feed import FeedGenerator
from lxml import etree, html as lxml_html

from .cards import Cards, asset_url
from .catalog import Catalog, Entry
from .images import media_type
from .vietnamese import clean_text, slugify

FORMATS = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}
MEDIA_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml", "json": "application/feed+json"}
FORMAT_LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
GROUPS = {"site": "Toàn trang", "type": "Theo loại nội dung", "column": "Chuyên mục", "campaign": "Chuyên đề",
          "agency": "Cơ quan, đơn vị", "province": "Địa phương", "tag": "Từ khóa"}
MAX_BYTES = 1_000_000
GENERATOR = "htx-portal"


@dataclass
class FeedSpec:
    key: str  # "agency:lien-minh-htx-viet-nam"
    group: str  # a key of GROUPS
    title: str
    description: str
    page_url: str  # the HTML page the feed mirrors (rel=alternate)
    folder: str  # where feed.xml, atom.xml and feed.json are written
    entries: list[Entry] = field(repr=False, default_factory=list)

    def path(self, fmt: str) -> str:
        return self.folder + FORMATS[fmt]


@dataclass
class FeedSettings:
    site_url: str
    id_authority: str  # "kinhtetapthe.example.vn,2024": set once, never change
    limit: int = 50
    icon: str = "assets/images/favicon.png"


def feed_specs(catalog: Catalog, site_name: str) -> dict[str, FeedSpec]:
    """Every list with at least one entry, keyed like ``views.Page.feed_key``."""
    reg, specs = catalog.registries, []

    def add(key, group, title, description, page_url, entries, folder=None):
        if entries:
            specs.append(FeedSpec(key, group, title, description, page_url, folder or page_url, list(entries)))

    add("site", "site", f"{site_name} — Tin mới", "Tin bài, văn bản và hợp tác xã mới nhất", "", catalog.entries)
    add("type:article", "type", f"Tin tức — {site_name}", "Tất cả tin bài", "tin-tuc/", catalog.articles)
    add("type:document", "type", f"Văn bản — {site_name}", "Tất cả văn bản", "van-ban/", catalog.documents)
    add("type:cooperative", "type", f"Hợp tác xã điển hình — {site_name}", "Hồ sơ hợp tác xã điển hình", "htx/", catalog.cooperatives)
    for doc_type in sorted({e.data.type for e in catalog.documents}):
        url = f"van-ban/loai/{slugify(doc_type)}/"
        add(f"doctype:{slugify(doc_type)}", "type", f"Văn bản: {doc_type} — {site_name}", f"{doc_type} mới ban hành", url,
            [e for e in catalog.documents if e.data.type == doc_type])
    for column in reg.columns.values():
        add(f"column:{column.id}", "column", f"{column.title} — {site_name}", column.description, f"chuyen-muc/{column.id}/", catalog.by_column.get(column.id))
    for campaign in reg.campaigns.values():
        add(f"campaign:{campaign.id}", "campaign", f"Chuyên đề: {campaign.title}", campaign.description, f"chuyen-de/{campaign.id}/", catalog.by_campaign.get(campaign.id))
    for agency in reg.agencies.values():
        url = f"co-quan/{agency.id}/"
        own = catalog.by_agency.get(agency.id, [])
        add(f"agency:{agency.id}", "agency", f"{agency.name} — Tin bài và văn bản", f"Tin bài, văn bản của {agency.name}", url, own)
        descendants = catalog.agency_descendants(agency.id)
        if any(catalog.by_agency.get(d) for d in descendants):
            everything = {e for a in (agency.id, *descendants) for e in catalog.by_agency.get(a, [])}
            add(f"agency-all:{agency.id}", "agency", f"{agency.name} và đơn vị trực thuộc — Tin bài và văn bản",
                f"Tin bài, văn bản của {agency.name} và các đơn vị trực thuộc", url,
                sorted(everything, key=lambda e: (e.published, e.id), reverse=True), folder=f"{url}tat-ca/")
    for province in reg.provinces.values():
        add(f"province:{province.id}", "province", f"{province.name} — Tin tức, hợp tác xã, văn bản",
            f"Tin tức, hợp tác xã và văn bản của {province.name}", f"dia-phuong/{province.id}/", catalog.by_province.get(province.id))
    for tag in reg.tags.values():
        add(f"tag:{tag.id}", "tag", f"Từ khóa “{tag.title}” — {site_name}", tag.description or f"Nội dung gắn từ khóa “{tag.title}”",
            f"tu-khoa/{tag.id}/", catalog.by_tag.get(tag.id))
    return {s.key: s for s in specs}


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
    if not fragment.strip():
        return ""
    root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    for anchor in root.xpath(".//a[contains(concat(' ', @class, ' '), ' headerlink ')]"):
        anchor.drop_tree()
    root.make_links_absolute(base, resolve_base_href=False)
    return clean_text("".join(lxml_html.tostring(child, encoding="unicode") for child in root))


class FeedWriter:
    def __init__(self, catalog: Catalog, settings: FeedSettings, render: Callable[[Entry], str]):
        self.catalog, self.settings, self.render = catalog, settings, render
        self.cards = Cards(catalog)
        self._items: dict[str, Item] = {}

    def absolute(self, url: str) -> str:
        return urljoin(self.settings.site_url, url)

    def item(self, entry: Entry) -> Item:
        if entry.id in self._items:
            return self._items[entry.id]
        d, reg = entry.data, self.catalog.registries
        url = self.absolute(entry.url)
        categories = [(t, reg.tags[t].title) for t in d.tags]
        authors: list[str] = []
        image = None
        if entry.kind == "article":
            categories.insert(0, (d.column, reg.columns[d.column].title))
            authors = list(d.authors) or [reg.agencies[d.agency].name]
            picture = d.cover
        elif entry.kind == "document":
            categories.insert(0, (slugify(d.type), d.type))
            authors = [reg.agencies[a].name for a in d.issuers]
            picture = None
        else:
            authors = [reg.agencies[d.agency].name] if d.agency else []
            picture = d.photos[0] if d.photos else None
        files = [picture.src] if picture is not None else []
        files += [a.src for a in getattr(d, "attachments", [])]
        enclosures = []
        for src in files:
            path = asset_url(entry, src)
            file = self.catalog.content_dir / path
            enclosures.append((self.absolute(path), file.stat().st_size, media_type(file)))
        image = enclosures[0] if picture is not None else None
        item = Item(
            id=f"tag:{self.settings.id_authority}:{entry.id}", url=url, title=self.cards.headline(entry), summary=d.summary,
            content=absolutize(self.render(entry), url), published=entry.published, updated=entry.updated,
            authors=authors, categories=categories, image=image, attachments=enclosures,
        )
        self._items[entry.id] = item
        return item

    def write(self, spec: FeedSpec, out_dir: Path) -> list[str]:
        """Write the three formats of one feed; return their paths relative to ``out_dir``."""
        items = [self.item(e) for e in spec.entries[: self.settings.limit]]
        written = []
        for fmt in FORMATS:
            count = len(items)
            data = self._serialise(fmt, spec, items)
            while len(data) > MAX_BYTES and count > 1:  # keep the newest items, drop the oldest
                count = max(1, int(count * 0.8))
                data = self._serialise(fmt, spec, items[:count])
            target = out_dir / spec.path(fmt)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(spec.path(fmt))
        return written

    def _serialise(self, fmt: str, spec: FeedSpec, items: list[Item]) -> bytes:
        return self._json(spec, items) if fmt == "json" else self._feedgen(fmt, spec, items)

    def _feedgen(self, fmt: str, spec: FeedSpec, items: list[Item]) -> bytes:
        s = self.settings
        fg = FeedGenerator()
        fg.load_extension("dc", atom=False, rss=True)  # RSS <author> needs an e-mail; dc:creator takes a name
        fg.id(self.absolute(spec.path("atom")))
        fg.title(spec.title)
        fg.description(spec.description)
        fg.language("vi")
        fg.generator(GENERATOR)
        fg.icon(self.absolute(s.icon))
        fg.logo(self.absolute(s.icon))
        fg.image(url=self.absolute(s.icon), title=spec.title, link=self.absolute(spec.page_url))
        # feedgen's RSS <channel><link> is the last link added: self first, alternate last.
        fg.link(href=self.absolute(spec.path(fmt)), rel="self", type=MEDIA_TYPES[fmt])
        fg.link(href=self.absolute(spec.page_url), rel="alternate", type="text/html")
        newest = max(i.updated for i in items)
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
            fe.summary(item.summary)
            fe.content(item.content or item.summary, type="CDATA" if fmt == "rss" else "html")
            for name in item.authors:
                fe.author(name=name)
            if item.authors:
                fe.dc.dc_creator(item.authors)
            for term, label in item.categories:
                fe.category(term=term, label=label)
            for url, length, kind in item.attachments[:1] if fmt == "rss" else item.attachments:  # RSS keeps one enclosure
                fe.enclosure(url, str(length), kind)
        return fg.rss_str(pretty=True) if fmt == "rss" else _restore_atom_link_attributes(fg.atom_str(pretty=True), items)

    def _json(self, spec: FeedSpec, items: list[Item]) -> bytes:
        s = self.settings
        feed = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": spec.title,
            "home_page_url": self.absolute(spec.page_url),
            "feed_url": self.absolute(spec.path("json")),
            "description": spec.description,
            "language": "vi",
            "icon": self.absolute(s.icon),
            "favicon": self.absolute(s.icon),
            "items": [],
        }
        for item in items:
            entry = {
                "id": item.id, "url": item.url, "title": item.title, "summary": item.summary,
                "content_html": item.content or item.summary,
                "date_published": item.published.isoformat(), "date_modified": item.updated.isoformat(),
                "tags": [label for _, label in item.categories],
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
    for node, item in zip(root.iter(f"{ATOM}entry"), items):
        for link in node.iter(f"{ATOM}link"):
            if link.get("href") == item.url:
                link.attrib.update({"rel": "alternate", "type": "text/html"})
            else:
                for url, length, kind in item.attachments:
                    if link.get("href") == url:
                        link.attrib.update({"rel": "enclosure", "type": kind, "length": str(length)})
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True, pretty_print=True)


def feed_links(specs: dict[str, FeedSpec], keys: list[str]) -> list[dict]:
    """``<link rel="alternate">`` data for the feeds of ``keys`` that exist, every format."""
    return [{"title": f"{specs[k].title} ({FORMAT_LABELS[fmt]})", "type": MEDIA_TYPES[fmt], "url": specs[k].path(fmt)}
            for k in keys if k in specs for fmt in FORMATS]
