"""Incremental rebuilds: the editors' preview (`mkdocs serve --dirty`, see scripts/demo.sh) and
every normal `mkdocs build` into a folder an earlier build filled (output/buildstate.py keeps the
snapshot on disk between builds).

After each build the plugin keeps a ``Snapshot``: a hash of every entry's content, of every
page's data (its template context, title, description, feeds, lastmod) and of every feed's items,
the dependency map, and the list of files written. The next build of the same process compares
its own snapshot with it and renders only:

- pages whose data changed, pages the dependency map says show a changed entry (before or
  after the change), and the own pages of changed entries;
- feeds whose items changed (or that show a changed entry);
and deletes the files the previous build wrote that this one does not (a deleted or renamed
entry). A change to mkdocs.yml, the theme, the registries, the portal's code, an installed package
or a build option rebuilds everything. The result equals a clean build byte for byte
(tests/test_incremental.py, tests/test_rebuild.py).

Views are lazy where that is provably safe (``unaffected``): when no entry was added or removed and
none changed but in its title, summary or body text (the structure, ``entry_digests``), and nothing
those pages show depends on the clock differently (``clock``; for the pages of documents,
cooperatives and events also ``registry_clock``), an entry's own page or a later page of a list of
cards can only change if it is the changed entry's own or shows a changed entry — the dependency map
says which. The others are not made at all: their hashes, what they show and their dates are the
previous build's."""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson

from ..catalog.catalog import Catalog
from ..common import urls
from ..common.cachefiles import digest
from ..content.entries import AnyEntry, CooperativeEntry
from ..media.media import Media
from .addresses import address
from .dependencies import DependencyMap
from .eventtimes import finished, under_way
from .listing import FEED_FORMATS
from .listings import Listings
from .siteviews import Page, SiteViews


def files_digest(paths: Iterable[Path]) -> str:
    """Of the files' names and bytes (the theme, the registries, mkdocs.yml, the portal's code): by
    content, not modification time, so that a fresh checkout on a CI runner (every file's time is
    the checkout's) can still build incrementally from the state its cache restored."""
    found = []
    for path in paths:
        for file in sorted(path.rglob("*")) if path.is_dir() else [path]:
            if file.is_file() and "__pycache__" not in file.parts:
                found.append((str(file.resolve()), hashlib.blake2b(file.read_bytes(), digest_size=16).hexdigest()))
    return digest(*found)


@functools.cache
def code_digest() -> str:
    """The portal's own code and data, and the version of every installed package (MkDocs,
    Material, Markdown's extensions…): an upgrade of any of them means a whole build."""
    packages = sorted({f"{d.metadata['Name']}=={d.version}".lower() for d in importlib.metadata.distributions()})  # a set: a checkout lists the portal twice
    return digest(files_digest([Path(__file__).parents[1]]), *packages)


# A page's data written out to be hashed, as `json.dumps(sort_keys=True, default=repr)` would write
# it but ~7× faster (a 10k build hashes a few thousand pages: 0.3 s with `json`); what orjson
# refuses (a lone surrogate, an integer beyond 64 bits) is written by `json`.
_DUMP = orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME


def _page_data(context: dict) -> bytes | str:
    try:
        return orjson.dumps(context, option=_DUMP, default=repr)
    except orjson.JSONEncodeError:
        return json.dumps(context, sort_keys=True, ensure_ascii=False, default=repr)


def _page_digest(page: Page) -> str:
    return digest(_page_data(page.context), page.title, page.template, page.description, page.updated, *(x.key for x in page.feeds))


@dataclass
class Snapshot:
    setup: str  # mkdocs.yml, theme, registries: any change means a full build
    entries: dict[str, str]  # entry id → hash of its front matter and body
    pages: dict[str, str]  # output path → hash of the page's data
    entry_pages: dict[str, str]  # entry id → output path of its own page
    feeds: dict[str, str]  # feed file → hash of its title and items
    links: str  # hash of what document auto-links point at (bodies render differently when it changes)
    deps: DependencyMap
    outputs: set[str] = field(default_factory=set)  # every file the build wrote that a later build may have to delete
    html: dict[str, tuple[str, str]] = field(default_factory=dict)  # entry id → (its hash, its body HTML)
    records: dict[str, tuple[str, Any]] = field(default_factory=dict)  # entry id → (its hash, its search record)
    page_classes: dict[str, frozenset[str]] = field(default_factory=dict)  # output path → the classes its markup carries (the stylesheet's cut)
    published: set[str] = field(default_factory=set)  # the preview: renditions and cards published into its folder (in memory only)
    files: dict[str, tuple[int, int, int, str]] = field(default_factory=dict)  # the output folder: path → size, mtime, inode, SHA-256
    structure: str = ""  # what places entries in lists and in other articles' pages (``structure``)
    clock: str = ""  # what articles' pages and lists of cards show that depends on the build's "now" (``clock``)
    registry_clock: str = ""  # what the pages of documents, cooperatives and events show that depends on it (``registry_clock``)
    lastmods: dict[str, str] = field(default_factory=dict)  # output path → the sitemap's lastmod of a page that may wait (``Book.pending``)


def entry_digests(catalog: Catalog, media: Media) -> tuple[dict[str, str], str]:
    """Entry id → hash of its front matter, body, URL, pictures and attachments (an image or a PDF
    replaced under the same name changes the page); and the *structure*: every entry, in the
    catalog's order, with everything but its title, summary and body text — what places it in lists ("Bài liên quan" by tags, mentions
    and column, an agency's or a month's list, the numbering of their pages). One pass: each entry's
    front matter is written out once for both."""

    def pictures(entry_id: str) -> list[str]:
        return [p.key for path in catalog.images.get(entry_id, []) if (p := media.pictures.get(path)) is not None]

    def attachments(entry: AnyEntry) -> list[str]:  # a PDF replaced under the same name: its size on the page
        return [repr(catalog.files.get(urls.asset(entry.src_uri, f.src))) for f in entry.own_files() if not f.image]

    hashes, placed = {}, []
    for e in catalog.entries:
        placing = e.placing
        hashes[e.id] = digest(e.content_hash, *pictures(e.id), *attachments(e))
        placed.append(f"{e.id}|{e.kind}|{e.url}|{e.published.isoformat()}|{[n for n, _ in e.mentions]}|{placing}")
    return hashes, digest(*placed)


def clock(catalog: Catalog, views: SiteViews) -> str:
    """What articles' pages and the later pages of lists of cards show that the build's "now" may
    decide: the "HẸN GIỜ" mark of scheduled entries (the preview), the state of polls, the site's
    figures a body embeds, and each list of cards as declared today — its title, description ("Chuyên
    đề đã kết thúc ngày …") and entries in order."""
    scheduled = sorted(e.id for e in catalog.entries if e.published > catalog.now)
    polls = [f"{i}:{p.state(catalog.now)}:{p.data!r}" for i, p in catalog.polls.items()]
    embedded = sorted({i for e in catalog.entries if e.kind == "article" for i, _ in e.figures})
    lists = [f"{x.key}|{x.title}|{x.description}|{' '.join(e.id for e in x.page_entries)}" for x in views.listings if x.layout == "cards"]
    return digest(*scheduled, "|", *polls, "|", *(repr(views.figures.site.get(i)) for i in embedded), "|", *lists)


def registry_clock(catalog: Catalog) -> str:
    """What the pages of documents, cooperatives and events show besides (``clock``) that "now" may
    decide: every document's legal status and which events of its history are still ahead, every
    task's state, every event's (under way, over), every cooperative's address (in the two-level form
    after 1 July 2025). Kept apart: an event that ends does not make every article's page again."""
    now = catalog.now
    legal = [f"{i}:{s.status}:{s.since}:{''.join('F' if e.when > now else 'P' for e in s.events)}" for i, s in catalog.legal.items()]
    tasks = [f"{x.document.id}#{x.anchor}:{x.status}:{x.label}" for x in catalog.tasks]
    events = [f"{e.id}:{under_way(e.data, now)}:{finished(e.data, now)}" for e in catalog.events]
    places = [repr(address(e.data, catalog.registries, now.date())) for e in catalog.entries if isinstance(e, CooperativeEntry)]
    return digest(*legal, "|", *tasks, "|", *events, "|", *places)


@dataclass
class Unaffected:
    entries: set[str] = field(default_factory=set)  # ids of entries whose own page cannot change
    pages: set[str] = field(default_factory=set)  # URLs of pending list pages (``Book.pending``) that cannot change


def unaffected(previous: Snapshot | None, entries: dict[str, str], catalog: Catalog, views: SiteViews, now_structure: str,
               every_kind: bool) -> Unaffected:  # fmt: skip
    """What cannot differ from the previous build's, or nothing: the changed entries' own pages and
    every page showing one (before the change; with the structure unchanged, the same after) are made
    again. The caller checks ``clock`` before it trusts this (the figures are made with the views),
    and ``registry_clock`` for ``every_kind`` (else only articles' pages may wait)."""
    if previous is None or previous.structure != now_structure or not previous.deps.shows:
        return Unaffected()
    changed = {i for i in entries if previous.entries.get(i) != entries[i]}
    if len(changed) > len(entries) // 4:  # a large change: every page is made and compared
        return Unaffected()
    shown = previous.deps.showing_any(changed)
    kept = previous.entry_pages
    own = {e.id for e in catalog.entries if (every_kind or e.kind == "article") and e.id not in changed and e.id in kept and kept[e.id] not in shown}
    pages = {url for url in views.pending if (path := urls.output(url)) not in shown and path in previous.lastmods}
    return Unaffected(own, pages)


def snapshot(setup: str, catalog: Catalog, views: SiteViews, listings: Listings, deps: DependencyMap, feed_limit: int,
             entries: dict[str, str], kept: dict[str, str], pages: bool = True) -> Snapshot:  # fmt: skip
    """What a build shows, as hashes (``kept``: of the entries' pages not made, the previous build's).
    Without ``pages`` (a one-off build: nothing will compare with it) the pages' data are not hashed:
    the feeds' hashes are enough for the feed cache."""
    hashed = _page_digest if pages else (lambda page: "")
    page_hashes = {urls.output(p.url): kept[urls.output(p.url)] if p.url in views.pending else hashed(p) for p in views.pages.values()}
    entry_pages = {}
    for entry in catalog.entries:
        path = entry_pages[entry.id] = urls.output(entry.url)
        page = views.entry_pages.get(entry.id)
        page_hashes[path] = hashed(page) if page is not None else kept[path]
    feeds = {}
    for listing in listings:
        if listing.notices is not None:
            shown = [n.fingerprint for n in listing.notices[:feed_limit]]
        else:
            shown = [f"{e.id}:{entries[e.id]}" for e in listing.entries[:feed_limit]]
        items = digest(listing.feed_title, listing.url, *shown)
        for fmt in FEED_FORMATS:
            feeds[listing.feed_path(fmt)] = items
    links = digest(*sorted(f"{k}→{v}" for k, v in catalog.graph.links().items()))
    lastmods = {urls.output(p.url): p.updated for p in views.pages.values()}
    return Snapshot(setup, entries, page_hashes, entry_pages, feeds, links, deps, lastmods=lastmods)


@dataclass
class Plan:
    pages: set[str]  # output paths to render
    feeds: set[str]  # feed files to write
    changed: set[str]  # ids of entries added, changed or removed


def plan(previous: Snapshot | None, current: Snapshot) -> Plan | None:
    """What to render, or None: render everything (no previous build, or its setup changed)."""
    if previous is None or previous.setup != current.setup:
        return None
    changed = {i for i in previous.entries.keys() | current.entries.keys() if previous.entries.get(i) != current.entries.get(i)}
    shown = previous.deps.showing_any(changed) | current.deps.showing_any(changed)
    pages = {path for path, value in current.pages.items() if previous.pages.get(path) != value}
    pages |= {path for path in shown if path in current.pages}
    pages |= {current.entry_pages[i] for i in changed if i in current.entry_pages}
    feeds = {path for path, value in current.feeds.items() if previous.feeds.get(path) != value}
    feeds |= {path for path in shown if path in current.feeds}
    return Plan(pages, feeds, changed)


def reusable_html(previous: Snapshot | None, current: Snapshot) -> dict[str, tuple[str, str]]:
    """Body HTML of the previous build still valid now (same entry content, same link targets)."""
    if previous is None or previous.setup != current.setup or previous.links != current.links:
        return {}
    return {i: value for i, value in previous.html.items() if current.entries.get(i) == value[0]}
