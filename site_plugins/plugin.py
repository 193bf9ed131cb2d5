"""The only module that knows MkDocs: it turns MkDocs events into calls on the core.

on_config       → Markdown settings (heading ids that keep đ)
on_files        → load the catalog, drop hidden entries, give entries their URLs, add generated pages
on_page_*       → give each page its template, data and feed links; keep entries' HTML for feeds
on_post_build   → write every feed, feeds.opml, the search index (Pagefind) and redirect pages
"""

from __future__ import annotations

import json
import logging
import os
import threading
import time
from pathlib import Path

import markdown as python_markdown
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .bodies.autolink import DocumentLinks, agency_names, mention_warnings
from .bodies.headings import HeadingLevels
from .bodies.sanitize import Sanitizer, body_warning
from .catalog.loading import load_catalog, resolve_now
from .common import urls
from .common.messages import problem, t
from .common.problems import ContentError, Problem
from .common.vietnamese import heading_slug
from .content.entries import AnyEntry, ArticleEntry, DocumentEntry
from .content.files import MAX_PIXELS
from .content.frontmatter import MAX_BODY
from .content.tree import inside, publishable
from .media import socialcards
from .media.pictures import Pipeline, responsive
from .output import search
from .output.feeds import FeedCache, FeedSettings, FeedWriter
from .output.opml import opml
from .output.outputfiles import Busy, OutsideOutput, Staging, link_or_copy, within
from .output.redirects import LEDGER, Ledger, open_ledger, redirects, write_redirects
from .views import incremental
from .views.dependencies import dependency_map
from .views.listings import Listings
from .views.sharing import Site as SharingSite
from .views.siteviews import Settings, SiteViews, feed_links

log = logging.getLogger("mkdocs.plugins.portal")


def from_content(file: File, config) -> bool:
    """A file MkDocs found in the content folder (not the theme's, not one we generate)."""
    return file.src_dir is not None and Path(file.src_dir) == Path(config.docs_dir)


def problem_files(files: Files, config) -> Files:
    """The preview of content with errors: every page of the nav (and the home page) shows the problems."""
    kept = Files([f for f in files if not f.is_documentation_page() and not from_content(f, config)])

    def sources(items) -> list[str]:
        found: list[str] = []
        for item in items or []:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            found += sources(value) if isinstance(value, list) else [value] if isinstance(value, str) and value.endswith(".md") else []
        return found

    for src in dict.fromkeys(["index.md", *sources(config.nav)]):
        kept.append(File.generated(config, src, content=""))
    return kept


def card_kicker(entry: AnyEntry, registries) -> str:
    """What a social card names above the title: an article's column, a document's type."""
    if isinstance(entry, ArticleEntry):
        return registries.columns[entry.data.column].title
    if isinstance(entry, DocumentEntry):
        return entry.data.type
    return entry.label


def body_top(entry: AnyEntry) -> int:
    """The level of the page heading an entry's body sits under (templates: a document's body is under "Nội dung", an h2)."""
    return 2 if isinstance(entry, DocumentEntry) else 1


class PortalConfig(base.Config):
    now = c.Optional(c.Type(str))  # fixed "now" (YYYY-MM-DDTHH:MM, Vietnam time) for reproducible builds
    preview = c.Type(bool, default=False)  # show drafts and future entries
    page_size = c.Type(int, default=20)
    related = c.Type(int, default=5)
    home_column = c.Type(str, default="kinh-te-tap-the-htx")
    feed_limit = c.Type(int, default=50)
    feed_id_authority = c.Type(str)  # "example.vn,2024" — never change it once feeds are public
    iframe_hosts = c.ListOfItems(c.Type(str), default=[])  # hosts whose iframes body HTML may embed (none by default)
    url_ledger = c.Type(str, default=LEDGER)  # published URLs by entry id, beside mkdocs.yml: old URLs redirect
    image_cache = c.Type(str, default=".cache/images")  # processed images, by content hash (safe to delete); beside mkdocs.yml
    max_image_pixels = c.Type(int, default=MAX_PIXELS)  # larger uploads are refused (decompression bombs)
    max_body_bytes = c.Type(int, default=MAX_BODY)  # a larger body is refused (bounded memory and time)


# The last build of this process, by mkdocs.yml: what `mkdocs serve --dirty` compares the next
# build with (site_plugins/incremental.py). Plugin objects are made anew for every rebuild.
PREVIOUS: dict[str, incremental.Snapshot] = {}


class DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("A 'dirty' build is being performed")


def build_key(config) -> str:
    """Which site a kept snapshot is of: its mkdocs.yml."""
    return str(Path(config.config_file_path or "."))


INDEXING: list[threading.Thread] = []  # the preview's search indexing, one at a time


def write_search_index(records: list[search.Record], out: Path) -> None:
    started = time.perf_counter()
    count = search.write_index(records, out)
    log.info(t("build.search", count=count, seconds=time.perf_counter() - started))


def render_when(file: File, needed: bool) -> None:
    """Under `--dirty`, MkDocs renders a page only when its file says it is modified."""
    file.is_modified = (lambda: True) if needed else (lambda: False)  # type: ignore[method-assign]


def os_failure(exc: OSError, action: str = "write") -> PluginError:
    """A failure of the system (permissions, a full disk, a missing folder) as a message, not a traceback."""
    return PluginError(t("build.os_error", action=t(f"build.os_error.{action}"), path=exc.filename or "", error=exc.strerror or exc))


class PortalPlugin(BasePlugin[PortalConfig]):
    serving = False
    dirty = False
    failed: ContentError | None = None
    plan: incremental.Plan | None = None
    staging: Staging | None = None
    build_failed = False

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        self.dirty = dirty
        self.staged = command in ("build", "gh-deploy")  # a one-off build into the output folder: staged (outputfiles.py)
        if dirty:  # MkDocs warns in English on every save that a dirty build may be wrong; ours is exact
            logging.getLogger("mkdocs.commands.build").addFilter(DropDirtyWarning())

    def on_config(self, config):
        config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug
        if "toc" not in config.markdown_extensions:
            config.markdown_extensions.append("toc")
        self.autolink = DocumentLinks()
        self.headings = HeadingLevels()
        config.markdown_extensions += [self.autolink, self.headings]
        self.preview = self.config.preview or os.environ.get("PORTAL_PREVIEW") == "1"
        self.sanitizer = Sanitizer(frozenset(self.config.iframe_hosts))
        if not config.site_url:
            raise PluginError(t("build.site_url"))
        here = Path(config.config_file_path or ".").parent
        self.ledger_path = here / self.config.url_ledger
        self.image_cache = here / self.config.image_cache
        if getattr(self, "staged", False) and self.staging is None:
            self._stage(config)
        return config

    def _stage(self, config) -> None:
        """Hold the output folder for this build and build beside it; on_shutdown puts the result in place."""
        self.output = Path(config.site_dir)
        staging = Staging(self.output)
        try:
            config.site_dir = str(staging.begin(keep=self.dirty))
        except Busy:
            raise PluginError(t("build.locked", folder=self.output)) from None
        except OSError as exc:
            staging.release()
            raise os_failure(exc) from None
        self.staging, self.mkdocs_config = staging, config

    def on_build_error(self, *, error):
        self.build_failed = True

    def on_shutdown(self):
        if self.staging is None:
            return
        staging, self.staging = self.staging, None
        try:
            if self.build_failed:
                staging.abort()  # the previous site stays as it was
            else:
                staging.commit()
                log.info(t("build.committed", folder=self.output))
        except OSError as exc:
            log.error(str(os_failure(exc)))
        finally:
            staging.release()
            self.mkdocs_config.site_dir = str(self.output)

    def on_files(self, files: Files, config) -> Files:
        self.failed = None
        try:
            self.catalog = load_catalog(Path(config.docs_dir), resolve_now(self.config.now), self.preview, self.config.max_image_pixels,
                                        self.config.max_body_bytes)  # fmt: skip
            self.ledger = self._open_ledger()
            started = time.perf_counter()
            self._pictures(config)
        except ContentError as exc:
            if not self.serving:
                raise PluginError(exc.report()) from None
            log.error(exc.report())  # the preview shows the problems as a page and recovers once they are fixed
            self.failed = exc
            PREVIOUS.pop(build_key(config), None)  # the problem pages replaced real ones: next build is whole
            return problem_files(files, config)
        except OSError as exc:
            raise os_failure(exc, "read") from None
        self._social_cards(config)
        log.info(t("build.images", encoded=self.pipeline.encoded, reused=self.pipeline.reused, seconds=time.perf_counter() - started))
        self.listings = Listings(self.catalog, config.site_name)
        publisher = (config.extra.get("publisher") or {}).get("name") or config.site_name
        settings = Settings(self.config.page_size, self.config.related, self.config.home_column,
                            site=SharingSite(config.site_url, config.site_name, publisher))  # fmt: skip
        self.views = SiteViews(self.catalog, self.listings, settings)
        self.dependencies = dependency_map(self.views, self.listings, self.config.feed_limit)
        self._plan_incremental(config)
        self.autolink.links = self.catalog.graph.links(sources=True)
        self.autolink.names = agency_names(self.catalog.registries)
        for warning in self.catalog.warnings:
            log.warning(str(warning))
        hidden = {e.src_uri for e in self.catalog.hidden}
        if self.catalog.unpublished:  # nothing vanishes silently: name each entry that is not published, and why
            log.info(t("build.hidden", count=len(self.catalog.unpublished)))
            for note in self.catalog.unpublished:
                log.info("  %s", note)
        for file in list(files):
            ours = from_content(file, config)
            if ours and (file.src_uri in hidden or not inside(file.abs_src_path or "", config.docs_dir)
                            or not publishable(file.src_uri)):  # fmt: skip
                files.remove(file)  # a link out of content/, an upload (its rendition replaces it), a type not on the allow-list
            if ours and (picture := self.catalog.pictures.get(file.src_uri)) is not None:
                # an upload is never published as it is: its URL serves the cleaned full-size rendition
                files.append(File.generated(config, file.src_uri, content=self.pipeline.original(picture)))
            elif (entry := self.catalog.by_src.get(file.src_uri)) is not None:
                file.dest_uri = urls.output(entry.url)
                file.url = entry.url
                render_when(file, self.plan is None or file.dest_uri in self.plan.pages)
        for path, content in self.views.open_files.items():
            files.append(File.generated(config, path, content=content))
        for path, rows in self.views.data_files.items():
            files.append(File.generated(config, path, content=json.dumps(rows, ensure_ascii=False, separators=(",", ":"))))
        self.generated = {}
        for page in self.views.all_pages():
            file = File.generated(config, page.src_uri, content="")
            render_when(file, self.plan is None or file.dest_uri in self.plan.pages)
            files.append(file)
            self.generated[page.src_uri] = page
        self.entry_html: dict[str, str] = {}
        return files

    def _open_ledger(self) -> Ledger:
        """The URL ledger, validated; URLs an earlier build recorded and the file lost are kept and named."""
        backup = self.image_cache.parent / f"{LEDGER}.{incremental.digest(self.ledger_path.resolve())[:12]}"
        ledger = open_ledger(self.ledger_path, backup, self.config.url_ledger, forget=os.environ.get("PORTAL_FORGET_URLS") == "1")
        # what matters is the redirects: old URLs that are not an entry's URL today
        dropped = sorted(f"/{u}" for i, old in ledger.lost.items() for u in old if (e := self.catalog.by_id.get(i)) is None or e.url != u)
        if dropped:
            log.warning(t("ledger.lost", name=self.config.url_ledger, count=len(dropped), examples=", ".join(dropped[:3])))
        return ledger

    def _pictures(self, config) -> None:
        """Renditions of every image entries use; a picture an encoder refuses is a content problem."""
        self.pipeline = Pipeline(Path(config.docs_dir), self.image_cache)
        self.catalog.pictures = self.pipeline.run([path for e in self.catalog.entries for path in self.catalog.images.get(e.id, [])])
        folder = Path(config.docs_dir).name
        if self.pipeline.failed:
            raise ContentError([Problem(f"{folder}/{src}", 0, "", *problem("image.encode_failed", error=error)) for src, error in self.pipeline.failed.items()])
        self._report_damaged(self.pipeline.damaged)

    @staticmethod
    def _report_damaged(damaged: list[str]) -> None:
        if damaged:
            shown = ", ".join(damaged[:5]) + (f" (+{len(damaged) - 5})" if len(damaged) > 5 else "")
            log.warning(t("build.cache_damaged", what=shown))

    def _search_records(self, config) -> list[search.Record]:
        """One record per entry (kept from the previous build when the entry did not change) and per
        agency and province."""
        previous = self.reused_records
        made = []
        for entry in self.catalog.entries:
            kept = previous.get(entry.id)
            if kept is None or kept[0] != self.snapshot.entries[entry.id]:
                kept = (self.snapshot.entries[entry.id], search.entry_record(entry, self.catalog, search.plain_text(self._render(entry, config))))
            self.snapshot.records[entry.id] = kept
            made.append(kept[1])
        return made + list(search.registry_records(self.catalog))

    def _plan_incremental(self, config) -> None:
        """Under `mkdocs serve --dirty`, what this build renders: see incremental.py."""
        here = Path(config.config_file_path or ".")
        theme = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        setup = incremental.files_digest([here, *theme, Path(config.docs_dir) / "_registry"])
        self.snapshot = incremental.snapshot(setup, self.catalog, self.views, self.listings, self.dependencies, self.config.feed_limit, pages=self.serving)
        previous = PREVIOUS.get(build_key(config)) if self.serving and self.dirty else None
        self.plan = incremental.plan(previous, self.snapshot)
        self.reused_html = incremental.reusable_html(previous, self.snapshot)
        self.reused_records = previous.records if previous is not None and previous.setup == self.snapshot.setup else {}
        if self.plan is not None:
            log.info(t("build.incremental", pages=len(self.plan.pages), feeds=len(self.plan.feeds), changed=len(self.plan.changed)))

    def _social_cards(self, config) -> None:
        """A 1200×630 card for every entry and agency (cached like images), and the cover crops."""
        catalog, folder = self.catalog, self.image_cache / "social"
        drawn = socialcards.available()
        if not drawn:
            log.warning(t("build.no_font"))
        brand = (config.extra.get("brand") or {}).get("primary") or "#0b5130"
        cards: dict[str, socialcards.Card] = {}
        for entry in catalog.entries:
            first = catalog.images.get(entry.id, [])[:1]
            picture = catalog.pictures.get(first[0]) if first and not isinstance(entry, DocumentEntry) else None
            if picture is not None and isinstance(entry, ArticleEntry):
                catalog.crops[entry.id] = self.pipeline.crops(picture)
            if not drawn:
                continue
            cover = self.image_cache / picture.key / picture.best(picture.fallback, 960).path.rsplit("/", 1)[-1] if picture else None
            number = entry.data.number if isinstance(entry, DocumentEntry) else None
            title = entry.summary if isinstance(entry, DocumentEntry) else entry.title  # a document: its number is printed above
            cards[entry.id] = socialcards.Card(title, card_kicker(entry, catalog.registries), number, config.site_name, cover, brand)
        if not drawn:
            return
        for agency in catalog.registries.agencies.values():
            cards[f"agency:{agency.id}"] = socialcards.Card(agency.name, "Cơ quan, đơn vị", None, config.site_name, None, brand)
        paths, damaged = socialcards.render_all(list(cards.values()), folder)
        self._report_damaged(damaged)
        for key, path in zip(cards, paths, strict=True):
            catalog.social[key] = f"img/chia-se/{path.name}"
        self.social_files = {f"img/chia-se/{p.name}": p for p in paths}

    def on_page_markdown(self, markdown, page, config, files):
        if self.failed:
            page.meta = {"title": t("preview.title"), "template": "portal/problems.html"}
            return ""
        src = page.file.src_uri
        entry = self.catalog.by_src.get(src)
        generated = self.generated.get(src)
        self.autolink.set_page(src, *(self.catalog.context_of(entry) if entry else (set(), set())))
        self.headings.top = 0  # a page of its own in content/ writes its own h1
        if generated is not None:
            page.meta.update(title=generated.title, template=generated.template, description=generated.description or config.site_description)
            return markdown
        if entry is not None:
            self.headings.top = body_top(entry)
            page.meta = {"title": entry.title, "template": f"portal/{entry.kind}.html", "description": entry.summary}
            return entry.body  # NFC, control characters removed, front matter as we validated it
        return markdown

    def on_env(self, env, config, files):
        """The sitemap's lastmod (rendered before any page, and for pages an incremental build does not
        render): when the content changed, never the build date."""
        if self.failed or not self.catalog.entries:  # (an empty site keeps MkDocs' date: its sitemap.xml.gz needs one)
            return env
        for file in files.documentation_pages():
            if file.page is None:
                continue
            entry = self.catalog.by_src.get(file.src_uri)
            view = self.generated.get(file.src_uri) or (self.views.entry_pages[entry.id] if entry else None)
            file.page.update_date = view.updated if view is not None else ""
        return env

    def on_page_content(self, html, page, config, files):
        if self.failed:
            return html
        if (entry := self.catalog.by_src.get(page.file.src_uri)) is not None:
            self._report_mentions(entry, self.autolink)
            html = responsive(self._sanitized(entry.path, html), entry.url, entry.src_uri, self.catalog.pictures)
            self.entry_html[page.file.src_uri] = html
        elif page.file.src_uri not in self.generated:  # a page of its own in content/ ("giới thiệu"): sanitised too
            html = self._sanitized(f"{Path(config.docs_dir).name}/{page.file.src_uri}", html)
        return html

    def _report_mentions(self, entry: AnyEntry, links: DocumentLinks) -> None:
        for warning in mention_warnings(entry, links):
            log.warning(str(warning))

    def _sanitized(self, path: str, html: str) -> str:
        """Body HTML through the sanitiser; what it removes is a warning naming the file."""
        cleaned, removed = self.sanitizer.check(html)
        if removed:
            log.warning(str(body_warning(path, removed)))
        return cleaned

    def on_page_context(self, context, page, config, nav):
        if self.failed:
            context["portal"] = {"heading": t("preview.title"), "intro": t("preview.intro"), "problems": [str(p) for p in self.failed.problems]}
            return context
        src = page.file.src_uri
        view = self.generated.get(src)
        if view is None and (entry := self.catalog.by_src.get(src)) is not None:
            view = self.views.entry_pages[entry.id]
        if view is not None:
            context["portal"] = view.context
        context["portal_feeds"] = feed_links(view.feeds if view else [self.listings["site"]])
        return context

    def _render(self, entry: AnyEntry, config) -> str:
        """An entry's HTML as rendered on its page (under `serve --dirty`, rendered here)."""
        if entry.src_uri not in self.entry_html and (kept := self.reused_html.get(entry.id)) is not None:
            self.entry_html[entry.src_uri] = kept[1]
        if entry.src_uri not in self.entry_html:
            extensions = [e for e in config.markdown_extensions if e is not self.autolink]
            links = DocumentLinks()  # outside MkDocs no one turns .md paths into URLs: link URLs
            links.links, links.names = self.catalog.graph.links(), self.autolink.names
            links.set_page(entry.url, *self.catalog.context_of(entry))
            self.headings.top = body_top(entry)
            html = python_markdown.markdown(entry.body, extensions=[*extensions, links], extension_configs=config.mdx_configs)
            self.entry_html[entry.src_uri] = responsive(self._sanitized(entry.path, html), entry.url, entry.src_uri, self.catalog.pictures)
        return self.entry_html[entry.src_uri]

    def on_post_build(self, config):
        if self.failed:
            return
        try:
            self._write_outputs(config, Path(config.site_dir))
        except OSError as exc:
            raise os_failure(exc) from None
        except OutsideOutput as exc:
            raise PluginError(t("build.outside_output", path=exc, folder=config.site_dir)) from None

    def _write_outputs(self, config, out: Path) -> None:
        """Renditions, cards, feeds, OPML, the search index, redirect pages and the ledger."""
        self.pipeline.publish(out)
        for path, source in getattr(self, "social_files", {}).items():
            if not (target := within(out, path)).exists():  # named by the hash of what they show
                target.parent.mkdir(parents=True, exist_ok=True)
                link_or_copy(source, target)
        settings = FeedSettings(config.site_url, self.config.feed_id_authority, self.config.feed_limit)
        writer = FeedWriter(self.catalog, settings, lambda entry: self._render(entry, config))
        plan = self.plan
        if plan is not None:  # the preview: only the feeds that changed
            written_feeds = [path for x in self.listings if x.feed_path("rss") in plan.feeds for path in writer.write(x, out)]
        else:
            cache = FeedCache(self.image_cache.parent / "feeds", writer)
            setup = incremental.digest(self.snapshot.setup, self.snapshot.links, FeedCache.CODE, settings)
            written_feeds = [path for x in self.listings for path in cache.write(x, out, incremental.digest(setup, self.snapshot.feeds[x.feed_path("rss")]))]
            cache.prune()
            self._report_damaged(cache.damaged)
        (out / urls.OPML).write_bytes(opml(self.listings, config.site_url, f"{config.site_name} — Tất cả nguồn tin"))
        log.info(t("build.feeds", count=len(written_feeds), lists=len(self.listings.all), opml=urls.OPML))
        records = self._search_records(config)
        if self.serving:  # the preview serves the changed pages at once; the search index follows in the background
            for running in INDEXING:
                running.join()
            INDEXING[:] = [threading.Thread(target=write_search_index, args=(records, out), daemon=True)]
            INDEXING[0].start()
        else:
            write_search_index(records, out)
        # URLs never break: old URLs of renamed entries redirect; the ledger learns today's URLs
        taken = {e.url for e in self.catalog.entries} | {p.url for p in self.views.all_pages()}
        moved = redirects(self.ledger.urls, self.catalog, taken)
        snap = self.snapshot
        snap.outputs = set(snap.pages) | set(snap.feeds) | {urls.output(old) for old in moved} | set(getattr(self, "social_files", {}))
        previous = PREVIOUS.get(build_key(config))
        if plan is not None and previous is not None:  # what the previous build wrote and this one does not: gone
            for path in previous.outputs - snap.outputs:
                within(out, path).unlink(missing_ok=True)
        written = write_redirects(out, moved, self.catalog, config.site_url)
        if written:
            log.info(t("build.redirects", count=written))
        snap.html = {e.id: (snap.entries[e.id], self.entry_html[e.src_uri]) for e in self.catalog.entries if e.src_uri in self.entry_html}
        if self.serving:
            PREVIOUS[build_key(config)] = snap
        if not self.preview:  # drafts shown in a preview were never published
            self.ledger.save(self.catalog)
