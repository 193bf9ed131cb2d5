"""The build of one site, stage after stage, for any engine (plugin.py adapts it to MkDocs's events).

    load()            content → catalog → URL ledger → media (renditions, crops, cards) → listings →
                      views → dependency map → (in the preview) the plan of what to render
    begin_output(out) a build into an output folder: renditions and cards linked beside the pages, and when it
                      renders only what changed, the pages it keeps linked and the search index begun too
    view(src_uri)     the page a source file is rendered as: its template, title and data
    body(src, html)   a body as the engine rendered it, made safe and responsive; kept for feeds and search
    write(out)        renditions and cards, feeds, calendars, OPML, the search index, deletions, redirects, the ledgers

Nothing here knows MkDocs: the engine hands over plain options, the Markdown extensions it runs
(``Bodies``) and a logger, and calls these methods in that order."""

from __future__ import annotations

import gc
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .bodies.figures import embed
from .bodies.fragments import plain_text
from .bodies.render import Bodies
from .catalog import reading
from .catalog.loading import load_catalog
from .common import cachefiles, urls
from .common.messages import problem, t
from .common.problems import ContentError, Problem
from .content import tree
from .content.entries import AnyEntry
from .content.files import MAX_PIXELS
from .content.frontmatter import MAX_BODY
from .editors.cms import newsroom_files
from .media.media import Brand, make_media
from .media.pictures import original, responsive
from .output import buildstate, search
from .output.calendars import CalendarSettings, CalendarWriter, write_calendars
from .output.feeds import FeedCache, FeedSettings, FeedWriter
from .output.manifest import write_manifest
from .output.opml import opml
from .output.outputfiles import OutsideOutput, within
from .output.partnerfeeds import write_partner_feeds
from .output.pollfeed import write_poll_feed
from .output.published import publish_media
from .output.redirects import LEDGER, Ledger, open_ledger, redirects, write_redirects
from .output.revisions import REVISIONS, Revisions, open_revisions
from .output.searchbundle import write_index
from .output.stylesheet import compress_assets, page_classes, write_stylesheet
from .views import incremental
from .views.dependencies import dependency_map
from .views.figureblocks import link_only
from .views.listings import Listings
from .views.page import Page, Settings
from .views.sharing import Site as SharingSite
from .views.siteviews import SiteViews
from .views.statistics import embedded


@dataclass
class Options:
    content_dir: Path
    site_url: str
    site_name: str
    cache_dir: Path  # the image cache; feeds and the ledger's copy are kept beside it
    ledger: Path  # published-urls.yml
    ledger_name: str  # as editors are told of it
    feed_id_authority: str
    now: datetime
    publisher: str = ""
    brand: str = "#0b5130"
    preview: bool = False  # drafts and scheduled entries shown
    feed_limit: int = 50
    page_size: int = 20
    related: int = 5
    home_column: str = "kinh-te-tap-the-htx"
    max_pixels: int = MAX_PIXELS
    max_body: int = MAX_BODY
    setup: list[Path] = field(default_factory=list)  # files and folders whose change means a whole build (mkdocs.yml, the theme)
    markdown: tuple[list, dict] = ([], {})  # the engine's Markdown extensions and their settings (bodies rendered here)
    serving: bool = False  # the preview: its snapshot is kept; search indexing runs in the background
    incremental: bool = False  # compare with this process's previous build of the same site (serve --dirty)
    key: str = ""  # which site: whose previous build to compare with
    newsroom: bool = True  # serve the newsroom editor at quan-tri/ (Decap CMS)
    cms_backend: dict | None = None  # its production git backend (mkdocs.yml: plugins.portal.cms.backend); None: local only
    edit_links: bool = False  # "Sửa" links from entry pages into the editor (on in the preview)
    cms_site_url: str = ""  # where the editor's "Xem trước" links lead: the preview while serving, else the site
    home_figure: str | None = None  # the figure the home page features (an id listed on /so-lieu/)
    poll_service: str | None = None  # the optional poll service's address (https://…); None: polls show "Khảo sát chưa mở"
    output: Path | None = None  # the site folder a normal build replaces: what this build does not render again is linked from it
    full: bool = False  # a whole build whatever the state of the last one says (`mkdocs build --clean`, PORTAL_FULL_BUILD=1)

    @property
    def replaced(self) -> Path | None:
        """The output folder a one-off build replaces (never the preview's): the build may start from
        the state the last build into it left (output/buildstate.py) and link what it does not render."""
        return self.output if not self.serving else None


class Beside(threading.Thread):
    """A step of the build run beside the others; its failure is raised where the build waits for it."""

    def __init__(self, step: Callable[..., None], *args: Any):
        super().__init__(daemon=True)
        self.step, self.args = step, args
        self.failure: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self.step(*self.args)
        except BaseException as exc:  # handed to finish(): raised in the build's own thread
            self.failure = exc

    def finish(self) -> None:
        self.join()
        if self.failure is not None:
            raise self.failure


# The preview's state across rebuilds of one process: the last build of each site, what it writes
# after its pages (feeds, calendars, redirects) and the search indexing, both in the background.
PREVIOUS: dict[str, incremental.Snapshot] = {}
FINISHING: list[threading.Thread] = []
INDEXING: list[threading.Thread] = []


def settle_preview(index: bool = False) -> None:
    """Wait until the preview's last build has written everything after its pages (and, with ``index``,
    its search index): a save builds from what that build left (Build.load)."""
    for running in [*FINISHING, *(INDEXING if index else [])]:
        running.join()


def os_message(exc: OSError, action: str = "write") -> str:
    """A failure of the system (permissions, a full disk, a missing folder) as a message, not a traceback."""
    return t("build.os_error", action=t(f"build.os_error.{action}"), path=exc.filename or "", error=exc.strerror or exc)


def failure_message(exc: Exception, out: Path) -> str:
    """A failure of the files after the pages, as editors are told of it."""
    if isinstance(exc, OSError):
        return os_message(exc)
    if isinstance(exc, OutsideOutput):
        return t("build.outside_output", path=exc, folder=out)
    return f"{type(exc).__name__}: {exc}"


class Build:
    def __init__(self, options: Options, bodies: Bodies, log: logging.Logger):
        self.options, self.bodies, self.log = options, bodies, log
        self.entry_html: dict[str, str] = {}
        self.page_classes: dict[str, frozenset[str]] = {}  # of the pages this build rendered: output/stylesheet.py
        self.previous: incremental.Snapshot | None = None  # the build this one compares with (none: a whole build)
        self.searching: Beside | None = None  # the search index, when begun before the pages (begin_output)
        self.linking: Beside | None = None  # the previous site's files this build keeps, linked beside the pages (begin_output)
        self.linked: set[str] = set()  # of those, the ones hard-linked (their stamps carried into the manifest)

    # loading ------------------------------------------------------------------------------------
    def load(self) -> None:
        """Every stage before pages are rendered; ContentError names every problem of the content."""
        o = self.options
        settle_preview()  # (the preview: the last save's feeds and its state for this one)
        if o.serving:  # the heap the last save froze (below) is the collector's again: the previous build's garbage goes
            gc.unfreeze()
        tree.forget_folders()
        if o.replaced is not None and not o.full:  # a new process: the entries an earlier build parsed
            self._restore_reads()
        self.catalog = load_catalog(o.content_dir, o.now, o.preview, o.max_pixels, o.max_body)
        self.ledger = self._open_ledger()
        self.revisions = self._open_revisions()
        started = time.perf_counter()
        self.media = make_media(self.catalog, o.cache_dir, Brand(o.site_name, o.brand))  # a font of the cards unreadable: ContentError
        self.report_damaged(self.media.damaged)
        self.log.info(t("build.images", encoded=self.media.encoded, reused=self.media.reused, seconds=time.perf_counter() - started))
        self.listings = Listings(self.catalog, o.site_name)
        settings = Settings(o.page_size, o.related, o.home_column, site=SharingSite(o.site_url, o.site_name, o.publisher or o.site_name),
                            edit_links=o.edit_links, home_figure=o.home_figure, poll_service=o.poll_service)  # fmt: skip
        if self.catalog.polls and not o.poll_service:
            self.log.info(t("poll.no_service", count=len(self.catalog.polls)))
        self.views = SiteViews(self.catalog, self.listings, settings, self.media, lazy=True)  # what is made: as _plan decides
        if o.home_figure and o.home_figure not in self.views.figures.site:
            ids = ", ".join(self.views.figures.site)
            raise ContentError([Problem("mkdocs.yml", 0, "home_figure", *problem("data.home_figure", id=o.home_figure, ids=ids))])
        self._plan()
        self.bodies.prepare(self.catalog)
        for warning in self.catalog.warnings:
            self.log.warning(str(warning))
        if self.catalog.unpublished:  # nothing vanishes silently: name each entry that is not published, and why
            self.log.info(t("build.hidden", count=len(self.catalog.unpublished)))
            for note in self.catalog.unpublished:
                self.log.info("  %s", note)
        self.generated: dict[str, Page] = {page.src_uri: page for page in self.views.all_pages()}
        if o.replaced is not None or o.serving:  # a one-off build: what it loaded lives until the process ends; the
            gc.freeze()  # preview's until the next save. No collection while pages render walks it again

    def begin_output(self, out: Path) -> None:
        """What runs beside the pages, begun before they are rendered. A build into an output folder
        links its renditions and cards from the cache, and, when it renders only what changed, the
        pages and feeds it keeps from the previous site (a folder per page: tens of thousands of calls
        to the file system, which wait on the disk, not on the interpreter), while Pagefind indexes the
        changed shards (the records of the few entries that changed are made from their bodies rendered
        here: the same text as their pages, test_rebuild.py). A whole build indexes after its pages,
        whose bodies the records then reuse."""
        o = self.options
        if o.replaced is None:
            return
        if self.plan is not None:
            self.searching = self._write_search(out)
        self.linking = Beside(self._link, o.replaced, out)

    def _link(self, folder: Path, out: Path) -> None:
        self.linked = buildstate.link_kept(folder, out, self.kept_files)
        publish_media(self.media, out)

    def settle(self) -> None:
        """The build failed: what was begun beside the pages ends before the staged folder is dropped."""
        for beside in (self.searching, self.linking):
            if beside is not None:
                beside.join()

    def _restore_reads(self) -> None:
        """What earlier builds read and verified: the parsed entries (a damaged part: its files are
        parsed again), the stamps of verified cache files."""
        root = self.options.cache_dir.parent
        kept, damaged = buildstate.read_entries(root, self.options.content_dir)
        for what in damaged:
            self.log.info(t("build.entries_damaged", what=what))
        try:
            stamps = buildstate.read_checked(buildstate.verified_path(root), dict)
        except buildstate.Damaged as exc:
            self.log.info(t("build.entries_damaged", what=exc))
            stamps = None
        if kept:
            reading.learn(kept)
        if stamps:
            cachefiles.trust(stamps)

    def _open_ledger(self) -> Ledger:
        """The URL ledger, validated; URLs an earlier build recorded and the file lost are kept and named."""
        o = self.options
        backup = o.cache_dir.parent / f"{LEDGER}.{incremental.digest(o.ledger.resolve())[:12]}"
        ledger = open_ledger(o.ledger, backup, o.ledger_name, forget=os.environ.get("PORTAL_FORGET_URLS") == "1")
        # what matters is the redirects: old URLs that are not an entry's URL today
        dropped = sorted(f"/{u}" for i, old in ledger.lost.items() for u in old if (e := self.catalog.by_id.get(i)) is None or e.url != u)
        if dropped:
            self.log.warning(t("ledger.lost", name=o.ledger_name, count=len(dropped), examples=", ".join(dropped[:3])))
        return ledger

    def _open_revisions(self) -> Revisions:
        """The events' revisions (iCalendar SEQUENCE), beside the URL ledger; validated, its copy beside the caches."""
        o = self.options
        path = o.ledger.with_name(REVISIONS)
        return open_revisions(path, o.cache_dir.parent / f"{REVISIONS}.{incremental.digest(path.resolve())[:12]}", REVISIONS)

    def _plan(self) -> None:
        """What this build renders: everything, or (the preview; a build into a folder an earlier build
        filled) what changed since that build — see views/incremental.py and output/buildstate.py."""
        o = self.options
        setup = incremental.digest(incremental.files_digest([*o.setup, o.content_dir / "_registry"]), incremental.code_digest(), self._settings())
        previous = PREVIOUS.get(o.key) if o.serving and o.incremental else self._previous_build()
        entries, structure = incremental.entry_digests(self.catalog, self.media)
        clocks = incremental.clock(self.catalog, self.views), incremental.registry_clock(self.catalog)
        comparable = previous is not None and previous.setup == setup and previous.clock == clocks[0]
        every_kind = previous is not None and previous.registry_clock == clocks[1]
        skipped = incremental.unaffected(previous, entries, self.catalog, self.views, structure, every_kind) if comparable else incremental.Unaffected()
        self._describe(setup, entries, structure, clocks, previous, skipped)
        self.plan = incremental.plan(previous, self.snapshot)
        if previous is not None and self.plan is None:
            self.log.info(t("build.whole", reason=t("build.whole.setup")))
        self.kept_feeds: set[str] = set()  # feed files taken from the previous site as they are
        self.kept_files: set[str] = set()  # those and the pages not rendered again, linked from it (begin_output)
        if self.plan is not None and (folder := o.replaced) is not None:
            if previous is not None and previous.links == self.snapshot.links:  # bodies in feeds link the same documents
                self.kept_feeds = set(self.snapshot.feeds) - self.plan.feeds
            self.kept_files = (set(self.snapshot.pages) - self.plan.pages) | self.kept_feeds
            if changed := buildstate.changed_files(folder, previous.files if previous else {}, self.kept_files):
                self.log.info(t("build.whole", reason=t("build.whole.output", folder=folder, count=len(changed), examples=", ".join(changed[:3]))))
                self.plan = previous = None
                self.kept_feeds, self.kept_files = set(), set()
                if skipped.entries or skipped.pages:  # a whole build makes every page
                    self._describe(setup, entries, structure, clocks, None, incremental.Unaffected())
        self.previous = previous
        self.reused_html = incremental.reusable_html(previous, self.snapshot)
        self.reused_records = previous.records if previous is not None and previous.setup == self.snapshot.setup else {}
        if self.plan is not None:
            self.log.info(t("build.incremental", pages=len(self.plan.pages), feeds=len(self.plan.feeds), changed=len(self.plan.changed)))
        if self.skipped or self.skipped_lists:
            self.log.info(t("build.lazy", count=self.skipped, lists=self.skipped_lists))

    def _describe(self, setup: str, entries: dict[str, str], structure: str, clocks: tuple[str, str], previous: incremental.Snapshot | None,
                  skipped: incremental.Unaffected) -> None:  # fmt: skip
        """Every page's data made but what is ``skipped``, whose data, dependency-map rows and lastmod are
        ``previous``'s; then the dependency map and the snapshot."""
        o = self.options
        self.views.make_entry_pages(e for e in self.catalog.entries if e.id not in skipped.entries)
        self.views.make_pending([url for url in self.views.pending if url not in skipped.pages])
        for url in self.views.pending:  # kept: what it showed and its date, as the previous build made it
            if previous is None:  # pages wait only when a previous build stands for them: this is a bug
                raise RuntimeError(f"/{url} waits without a previous build")
            page, path = self.views.pages[url], urls.output(url)
            page.shows, page.updated = set(previous.deps.shows[path]), previous.lastmods[path]
        self.dependencies = dependency_map(self.views, self.listings, o.feed_limit, previous.deps if skipped.entries and previous else None)
        keep = o.serving or o.output is not None
        kept = previous.pages if previous is not None and (skipped.entries or skipped.pages) else {}
        self.snapshot = incremental.snapshot(setup, self.catalog, self.views, self.listings, self.dependencies, o.feed_limit, entries, kept, pages=keep)
        self.snapshot.structure, (self.snapshot.clock, self.snapshot.registry_clock) = structure, clocks
        self.skipped, self.skipped_lists = len(skipped.entries), len(skipped.pages)

    def _settings(self) -> str:
        """The build's options that shape what it writes (not the clock: pages hash what it changes)."""
        skip = {"now", "markdown", "setup", "key", "output", "full", "incremental"}
        return repr({name: value.resolve() if isinstance(value, Path) else value for name, value in vars(self.options).items() if name not in skip})

    def _previous_build(self) -> incremental.Snapshot | None:
        """The state of the last build into this build's output folder, when it can be used."""
        o, folder = self.options, self.options.replaced
        if folder is None:
            return None
        if o.full:
            self.log.info(t("build.whole", reason=t("build.whole.asked")))
            return None
        try:
            previous = buildstate.read_state(buildstate.state_path(o.cache_dir.parent, folder))
        except buildstate.Damaged as exc:
            self.log.info(t("build.whole", reason=t("build.whole.damaged", what=exc)))
            return None
        if previous is not None and not folder.is_dir():
            self.log.info(t("build.whole", reason=t("build.whole.no_site", folder=folder)))
            return None
        return previous

    def report_damaged(self, damaged: list[str]) -> None:
        if damaged:
            shown = ", ".join(damaged[:5]) + (f" (+{len(damaged) - 5})" if len(damaged) > 5 else "")
            self.log.warning(t("build.cache_damaged", what=shown))

    # what the engine asks while it renders ------------------------------------------------------------
    def hidden(self) -> set[str]:
        """Source files of entries that are not published (drafts, scheduled)."""
        return {e.src_uri for e in self.catalog.hidden}

    def upload(self, src_uri: str) -> bytes | None:
        """What an uploaded picture's own URL serves: its cleaned full-size rendition (None: not used)."""
        picture = self.media.pictures.get(src_uri)
        return original(picture, self.options.cache_dir) if picture is not None else None

    def entry(self, src_uri: str) -> AnyEntry | None:
        return self.catalog.by_src.get(src_uri)

    def needed(self, output: str) -> bool:
        """Whether the page written at ``output`` is rendered by this build."""
        return self.plan is None or output in self.plan.pages

    def data_files(self) -> dict[str, str | Path]:
        """Site path → content of the files views make that are not pages (open data, filter indexes),
        or the file to copy there."""
        found: dict[str, str | Path] = dict(self.views.open_files)
        if self.options.newsroom:
            root = self.options.setup[0].parent if self.options.setup else Path(".")
            o = self.options
            found.update(newsroom_files(self.catalog.registries, root, o.site_name, o.cms_site_url or o.site_url, o.cms_backend))
        found.update({path: json.dumps(rows, ensure_ascii=False, separators=(",", ":")) for path, rows in self.views.data_files.items()})
        return found

    def view(self, src_uri: str) -> Page | None:
        """The page a source file is rendered as: a generated page, an entry's page, or None (a page of its own)."""
        if (page := self.generated.get(src_uri)) is not None:
            self.views.make_pending([page.url])  # never rendered while it waits: made if ever asked for
            return page
        entry = self.catalog.by_src.get(src_uri)
        return self.views.entry_page(entry) if entry is not None else None

    def updated(self, src_uri: str) -> str:
        """The sitemap's lastmod of the page of a source file ("": a page of its own), without making an entry's page."""
        if (page := self.generated.get(src_uri)) is not None:
            return page.updated
        entry = self.catalog.by_src.get(src_uri)
        return entry.lastmod if entry is not None else ""

    def kept_body(self, src_uri: str) -> bool:
        """Whether an entry's body HTML is the one the last build made (the same content and link
        targets): the engine need not convert its Markdown again, body() hands that HTML back."""
        entry = self.catalog.by_src.get(src_uri)
        return entry is not None and entry.id in self.reused_html

    def body(self, src_uri: str, html: str) -> str:
        """A page's body HTML as the engine rendered it: sanitised, an entry's images as <picture>."""
        if (entry := self.catalog.by_src.get(src_uri)) is not None:
            if (kept := self.reused_html.get(entry.id)) is not None:  # not converted again (kept_body)
                html = kept[1]
            else:
                self.bodies.report_mentions(entry)
                html = responsive(self.bodies.clean(entry.path, html), entry.url, entry.src_uri, self.media.pictures)
            self.entry_html[src_uri] = html  # figures stay placeholders: feeds and search carry a link (html_of)
            return embed(html, lambda figure, n: embedded(self.views, figure, entry.url, n))
        if src_uri not in self.generated:  # a page of its own in content/ ("giới thiệu"): sanitised too
            html = self.bodies.clean(f"{self.options.content_dir.name}/{src_uri}", html)
            here = "" if src_uri == "index.md" else src_uri.removesuffix(".md").removesuffix("index").rstrip("/") + "/"
            html = embed(html, lambda figure, n: embedded(self.views, figure, here, n))
        return html

    def rendered(self, output: str, html: str) -> None:
        """A page as the engine wrote it at ``output``: its classes decide what of Material's stylesheet is kept."""
        self.page_classes[output] = frozenset(map(sys.intern, page_classes(html)))

    def html_of(self, entry: AnyEntry) -> str:
        """An entry's body HTML as its page shows it (rendered here when the engine did not render it)."""
        if entry.src_uri not in self.entry_html and (kept := self.reused_html.get(entry.id)) is not None:
            self.entry_html[entry.src_uri] = kept[1]
        if entry.src_uri not in self.entry_html:
            html = self.bodies.render(entry, *self.options.markdown)
            self.entry_html[entry.src_uri] = responsive(html, entry.url, entry.src_uri, self.media.pictures)
        figures = self.views.figures.site
        return embed(self.entry_html[entry.src_uri], lambda figure, n: link_only(figures[figure], entry.url) if figure in figures else None)

    # writing ------------------------------------------------------------------------------------------
    def write(self, out: Path) -> None:
        """Everything after the pages: renditions and cards, the cut stylesheet, feeds, OPML, the search
        index, deletions, redirect pages, the ledger and the deploy manifest. The preview serves its
        pages as soon as the stylesheet is cut: the rest follows in the background (``_finish_preview``)."""
        o, previous = self.options, self.previous
        if self.linking is not None:  # a build into an output folder: media and kept files linked beside its pages (begin_output)
            self.linking.finish()
        else:  # (the preview: what its previous save published into the same folder is there)
            self.snapshot.published = publish_media(self.media, out, previous.published if previous is not None and o.serving else frozenset())
        if self.plan is not None and previous is not None:  # the pages not rendered again: their classes kept
            shown = self.snapshot.pages
            kept = {path: x for path, x in previous.page_classes.items() if path not in self.page_classes and (o.serving or path in shown)}
            self.page_classes = {**kept, **self.page_classes}
        self.snapshot.page_classes = self.page_classes
        search_index = self.searching or (None if o.serving else self._write_search(out))  # Pagefind indexes changed shards meanwhile
        write_stylesheet(out, set().union(*self.page_classes.values()))
        compress_assets(out)
        if search_index is None:  # the preview
            FINISHING[:] = [threading.Thread(target=self._finish_preview, args=(out,), daemon=True)]
            FINISHING[0].start()
            return
        self._write_lists(out)
        search_index.finish()
        if not o.preview:  # drafts shown in a preview were never published
            self.revisions.save()
        # what an upload compares (docs/trien-khai.md); the next build checks the folder against it
        self.snapshot.files = write_manifest(out, previous.files if previous is not None else None, self.linked)

    def _finish_preview(self, out: Path) -> None:
        """The preview's files after its pages, in the background: the next save waits for them
        (``settle_preview``), then for nothing; the search index follows the one before it."""
        try:
            records = self._search_records()
            self._write_lists(out)
            self.snapshot.html = {**self.reused_html, **self.snapshot.html}  # every body still valid stays for the next save
            PREVIOUS[self.options.key] = self.snapshot
        except Exception as exc:  # no engine to hand it to: said, and the next save builds everything
            self.log.error(failure_message(exc, out))
            self.forget()
            return
        before = list(INDEXING)
        INDEXING[:] = [threading.Thread(target=self._index_after, args=(before, records, out), daemon=True)]
        INDEXING[0].start()

    def _index_after(self, before: list[threading.Thread], records: list[search.Record], out: Path) -> None:
        for running in before:
            running.join()
        self._index(records, out)

    def _write_lists(self, out: Path) -> None:
        """Feeds, calendars, OPML, deletions, redirect pages and the ledger."""
        o, previous, snap = self.options, self.previous, self.snapshot
        self._write_feeds(out)
        calendars = self._write_calendars(out)
        partner_feeds = write_partner_feeds(self.catalog, FeedSettings(o.site_url, o.feed_id_authority, o.feed_limit), out)  # from the snapshot
        poll_feed = write_poll_feed(self.views.polls, FeedSettings(o.site_url, o.feed_id_authority, o.feed_limit), out)  # closed polls' results
        # URLs never break: old URLs of renamed entries redirect; the ledger learns today's URLs
        taken = {e.url for e in self.catalog.entries} | {p.url for p in self.views.all_pages()}
        moved = redirects(self.ledger.urls, self.catalog, taken)
        snap.outputs = set(snap.pages) | set(snap.feeds) | set(calendars) | set(partner_feeds) | set(poll_feed) | {urls.output(old) for old in moved}
        snap.outputs |= set(self.media.card_files)
        if self.plan is not None and previous is not None and o.serving:  # what the previous build wrote and this one does not: gone
            for path in previous.outputs - snap.outputs:
                within(out, path).unlink(missing_ok=True)
        if written := write_redirects(out, moved, self.catalog, o.site_url):
            self.log.info(t("build.redirects", count=written))
        snap.html = {e.id: (snap.entries[e.id], self.entry_html[e.src_uri]) for e in self.catalog.entries if e.src_uri in self.entry_html}
        if not o.preview:  # drafts shown in a preview were never published
            self.ledger.save(self.catalog)

    def keep_state(self) -> None:
        """The engine put this build's site in place: the next build into the same folder starts from it."""
        o = self.options
        if (folder := o.replaced) is not None:
            buildstate.write_state(buildstate.state_path(o.cache_dir.parent, folder), self.snapshot)
            buildstate.write_entries(o.cache_dir.parent, o.content_dir, *reading.known(o.content_dir))  # for the next process
            buildstate.write_checked(buildstate.verified_path(o.cache_dir.parent), cachefiles.verified())

    def template_cache(self) -> Path:
        """Where the engine keeps its compiled templates between processes (common/templatecache.py),
        in a folder per version of the code and packages: Jinja does not know when its settings or an
        extension changed. Other versions' folders go once no build has used them for an hour."""
        root = self.options.cache_dir.parent / "templates"
        folder = root / incremental.code_digest()[:16]
        folder.mkdir(parents=True, exist_ok=True)
        cachefiles.prune_unused(root, {folder.name})
        return folder

    def forget(self) -> None:
        """The preview showed problems instead of pages: its next build is a whole one."""
        PREVIOUS.pop(self.options.key, None)

    def _write_feeds(self, out: Path) -> None:
        o = self.options
        settings = FeedSettings(o.site_url, o.feed_id_authority, o.feed_limit)
        writer = FeedWriter(self.catalog, settings, self.html_of, self.media)
        if self.plan is not None and o.serving:  # the preview: only the feeds that changed
            written = [path for x in self.listings if x.feed_path("rss") in self.plan.feeds for path in writer.write(x, out)]
        else:
            cache = FeedCache(o.cache_dir.parent / "feeds", writer)
            setup = incremental.digest(self.snapshot.setup, self.snapshot.links, FeedCache.CODE, settings)
            written = []
            for listing in self.listings:
                key = incremental.digest(setup, self.snapshot.feeds[listing.feed_path("rss")])
                kept = listing.feed_path("rss") in self.kept_feeds  # linked from the previous site with its pages (write)
                written += cache.keep(listing, key) if kept else cache.write(listing, out, key)
            cache.prune()
            self.report_damaged(cache.damaged)
        (out / urls.OPML).write_bytes(opml(self.listings, o.site_url, f"{o.site_name} — Tất cả nguồn tin"))
        self.log.info(t("build.feeds", count=len(written), lists=len(self.listings.all), opml=urls.OPML))

    def _write_calendars(self, out: Path) -> list[str]:
        """The .ics of every list that has events and of every event, each event at its revision."""
        o = self.options
        writer = CalendarWriter(self.catalog, CalendarSettings(o.site_url, o.feed_id_authority, o.site_name))
        writer.sequences = self.revisions.settle(writer.digests())
        written = write_calendars(self.catalog, list(self.listings), writer, out)
        self.log.info(t("build.calendars", count=len(written), events=len(self.catalog.events)))
        return written

    def _write_search(self, out: Path) -> Beside:
        """The search index, begun: a build goes on with its other files while Pagefind (a process of
        its own) indexes the changed shards, and waits for it before the manifest (``Beside.finish``)."""
        return Beside(self._index, self._search_records(), out)

    def _index(self, records: list[search.Record], out: Path) -> None:
        started = time.perf_counter()
        done = write_index(records, out, self.options.cache_dir.parent / "search")  # each shard reused from its cache when its records did not change
        self.report_damaged(done.damaged)
        self.log.info(t("build.search", count=done.records, seconds=time.perf_counter() - started))
        made = ", ".join(f"{name} ({count}, {seconds:.1f} s, {peak:.0f} MB)" for name, count, seconds, peak in done.made)
        self.log.info(t("build.search_shards", made=len(done.made), shards=done.shards, which=f": {made}" if made else ""))

    def _search_records(self) -> list[search.Record]:
        """One record per entry (kept from the previous build when the entry did not change) and per
        agency and province."""
        made: list[Any] = []
        for entry in self.catalog.entries:
            kept = self.reused_records.get(entry.id)
            if kept is None or kept[0] != self.snapshot.entries[entry.id]:
                kept = (self.snapshot.entries[entry.id], search.entry_record(entry, self.catalog, plain_text(self.html_of(entry))))
            self.snapshot.records[entry.id] = kept
            made.append(kept[1])
        return made + list(search.registry_records(self.catalog))
