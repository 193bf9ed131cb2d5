"""The only module that knows MkDocs: it turns MkDocs events into calls on the build (build.py).

on_config: options, Markdown extensions, the staged output folder · on_files: Build.load(), files in
and out, Build.begin_output() · on_page_markdown/_content/_context: each page's template, body and
data (Build.view, Build.kept_body, Build.body) · on_env: compiled templates kept, the sitemap's lastmod · on_post_build:
Build.write() · on_shutdown: the staged site put in place, or dropped when the build failed."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from mkdocs.commands import build as mkdocs_build
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from .bodies.render import Bodies
from .build import Build, Options, failure_message, os_message
from .catalog.loading import resolve_now
from .common import urls
from .common.messages import t
from .common.problems import ContentError
from .common.templatecache import CheckedBytecodeCache
from .common.vietnamese import heading_slug
from .content.files import MAX_PIXELS
from .content.frontmatter import MAX_BODY
from .content.tree import inside, publishable
from .editors.watching import watch_natively
from .output.outputfiles import Busy, OutsideOutput, Staging
from .output.redirects import LEDGER
from .views.page import feed_links

log = logging.getLogger("mkdocs.plugins.portal")


class PortalConfig(base.Config):
    now = c.Optional(c.Type(str))  # fixed "now" (YYYY-MM-DDTHH:MM, Vietnam time) for reproducible builds
    preview = c.Type(bool, default=False)  # show drafts and future entries
    page_size = c.Type(int, default=20)
    related = c.Type(int, default=5)
    home_column = c.Type(str, default="kinh-te-tap-the-htx")
    home_figure = c.Optional(c.Type(str))  # the figure the home page features: an id listed on /so-lieu/
    poll_service = c.Optional(c.URL())  # the optional poll service (`portal poll-server`) readers' votes are posted to
    feed_limit = c.Type(int, default=50)
    feed_id_authority = c.Type(str)  # "example.vn,2024" — never change it once feeds are public
    iframe_hosts = c.ListOfItems(c.Type(str), default=[])  # hosts whose iframes body HTML may embed (none by default)
    url_ledger = c.Type(str, default=LEDGER)  # published URLs by entry id, beside mkdocs.yml: old URLs redirect
    image_cache = c.Type(str, default=".cache/images")  # processed images, by content hash (safe to delete); beside mkdocs.yml
    max_image_pixels = c.Type(int, default=MAX_PIXELS)  # larger uploads are refused (decompression bombs)
    max_body_bytes = c.Type(int, default=MAX_BODY)  # a larger body is refused (bounded memory and time)
    # the newsroom editor at /quan-tri/: {enabled: true, backend: {name: gitea, repo: …, …}, edit_links: false} (docs/TRIEN-KHAI.md)
    cms = c.Type(dict, default={})


def from_content(file: File, config) -> bool:
    """A file MkDocs found in the content folder (not the theme's, not one we generate)."""
    return file.src_dir is not None and Path(file.src_dir) == Path(config.docs_dir)


LUNR = ("assets/javascripts/lunr/", "assets/javascripts/workers/search.")  # Material's own search: its language files and worker


def unused_theme_files(config) -> tuple[str, ...]:
    """Where Material's own search files are (1.3 MB), which no page loads unless its search plugin is
    on: the portal searches with Pagefind. (Only the theme's: a content file there is published.)"""
    return () if any(name in config.plugins for name in ("search", "material/search")) else LUNR


def nav_sources(items) -> list[str]:
    found: list[str] = []
    for item in items or []:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found += nav_sources(value) if isinstance(value, list) else [value] if isinstance(value, str) and value.endswith(".md") else []
    return found


def render_when(file: File, needed: bool) -> None:
    """Under `--dirty`, MkDocs renders a page only when its file says it is modified."""
    file.is_modified = (lambda: True) if needed else (lambda: False)  # type: ignore[method-assign]


def clean_asked(argv: list[str]) -> bool:
    """Whether the command line asks for a clean build (`mkdocs build --clean`, `-c`, `-qc`): MkDocs
    passes plugins only its `dirty` flag, and a clean build is its default."""
    if not argv or "mkdocs" not in argv[0]:  # MkDocs run from another program (a test, a script): its flags are not ours to read
        return False
    return any(a == "--clean" or (a.startswith("-") and not a.startswith("--") and "c" in a[1:] and len(a) <= 4) for a in argv[1:])


class PlannedPages:
    """MkDocs reads and renders every page of a build that is not `--dirty`. When the portal's plan
    names what to render (a build into a folder an earlier build filled), the other pages are skipped
    as `--dirty` skips unmodified ones (``render_when``); the build links them from the previous site."""

    def __init__(self) -> None:
        self.saved = (mkdocs_build._populate_page, mkdocs_build._build_page)

    def __enter__(self) -> PlannedPages:
        populate, build_page = self.saved

        def populate_planned(page, config, files, dirty=False):
            return populate(page, config, files, True)

        def build_planned(page, config, doc_files, nav, env, dirty=False, excluded=False):
            return build_page(page, config, doc_files, nav, env, True, excluded)

        mkdocs_build._populate_page, mkdocs_build._build_page = populate_planned, build_planned
        return self

    def __exit__(self, *exc) -> None:
        mkdocs_build._populate_page, mkdocs_build._build_page = self.saved


def os_failure(exc: OSError, action: str = "write") -> PluginError:
    return PluginError(os_message(exc, action))


# A build holds a large, long-lived heap (the catalog, the views, the previous build's snapshot): at
# Python's default thresholds the collector walks it again and again for the few cycles a build makes
# (~2 s of a 10 s preview rebuild at 10,000 articles). Young objects are still collected often.
GC_THRESHOLDS = (50_000, 20, 100)


class PortalPlugin(BasePlugin[PortalConfig]):
    serving = dirty = staged = build_failed = False
    failed: ContentError | None = None
    urls: dict[str, str]  # each entry's source → its URL at the last good build (the preview's problem pages)
    staging: Staging | None = None
    planned: PlannedPages | None = None
    full = False

    def on_startup(self, *, command, dirty):
        self.serving, self.dirty, self.urls = command == "serve", dirty, {}
        self.staged = command in ("build", "gh-deploy")  # a one-off build into the output folder: staged (outputfiles.py)
        self.full = clean_asked(sys.argv) or os.environ.get("PORTAL_FULL_BUILD") == "1"
        if os.environ.get("PORTAL_GC") != "0":
            gc.set_threshold(*GC_THRESHOLDS)
        if dirty:  # MkDocs warns in English on every save that a dirty build may be wrong; ours is exact
            logging.getLogger("mkdocs.commands.build").addFilter(lambda record: not str(record.msg).startswith("A 'dirty' build"))

    def on_serve(self, server, config, builder):
        if os.environ.get("PORTAL_WATCH") != "poll" and (failure := watch_natively(server)) is not None:
            log.info(t("preview.polling", reason=failure))
        return server

    def on_config(self, config):
        config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug  # heading ids keep đ as d
        if "toc" not in config.markdown_extensions:
            config.markdown_extensions.append("toc")
        self.bodies = Bodies(frozenset(self.config.iframe_hosts), log)
        config.markdown_extensions += self.bodies.extensions
        if not config.site_url:
            raise PluginError(t("build.site_url"))
        if self.staged and self.staging is None:
            self._stage(config)
        return config

    def _stage(self, config) -> None:
        """Hold the output folder for this build and build beside it; on_shutdown puts the result in place."""
        self.output, staging = Path(config.site_dir), Staging(Path(config.site_dir))
        try:
            config.site_dir = str(staging.begin())  # empty: what this build does not render is linked from the old site
        except Busy:
            raise PluginError(t("build.locked", folder=self.output)) from None
        except OSError as exc:
            staging.release()
            raise os_failure(exc) from None
        self.staging, self.mkdocs_config = staging, config

    def on_build_error(self, *, error):
        self.build_failed = True
        self._unplan()
        if getattr(self, "build", None) is not None:
            self.build.settle()

    def _unplan(self) -> None:
        if self.planned is not None:
            self.planned.__exit__()
            self.planned = None

    def on_shutdown(self):
        self._unplan()
        if self.staging is not None:
            try:
                self.staging.finish(succeeded=not self.build_failed)  # a failed build leaves the previous site as it was
                if not self.build_failed:
                    log.info(t("build.committed", folder=self.output))
                    self.build.keep_state()  # the next build into this folder starts from this one
            except OSError as exc:
                log.error(str(os_failure(exc)))
            finally:
                self.mkdocs_config.site_dir, self.staging = str(self.output), None

    def _options(self, config) -> Options:
        here = Path(config.config_file_path or ".")
        newsroom = self.serving and os.environ.get("PORTAL_NEWSROOM") == "1"  # scripts/demo.sh: the editor beside the preview
        cfg, extra = self.config, config.extra
        return Options(
            content_dir=Path(config.docs_dir), site_url=config.site_url, site_name=config.site_name, cache_dir=here.parent / cfg.image_cache,
            ledger=here.parent / cfg.url_ledger, ledger_name=cfg.url_ledger, feed_id_authority=cfg.feed_id_authority, now=resolve_now(cfg.now),
            publisher=(extra.get("publisher") or {}).get("name") or config.site_name, brand=(extra.get("brand") or {}).get("primary") or "#0b5130",
            preview=cfg.preview or os.environ.get("PORTAL_PREVIEW") == "1", feed_limit=cfg.feed_limit, page_size=cfg.page_size,
            related=cfg.related, home_column=cfg.home_column, max_pixels=cfg.max_image_pixels, max_body=cfg.max_body_bytes,
            setup=[here, *([Path(config.theme.custom_dir)] if config.theme.custom_dir else [])], markdown=(config.markdown_extensions, config.mdx_configs),
            serving=self.serving, incremental=self.serving and self.dirty, key=str(here.resolve()), newsroom=cfg.cms.get("enabled", True),
            cms_backend=cfg.cms.get("backend"), edit_links=newsroom or bool(cfg.cms.get("edit_links")),
            cms_site_url=f"http://{config.dev_addr.host}:{config.dev_addr.port}/" if newsroom else config.site_url,
            home_figure=cfg.home_figure, poll_service=cfg.poll_service, output=self.output if self.staged else None, full=self.full,
        )  # fmt: skip

    def on_files(self, files: Files, config) -> Files:
        self.failed, self.build = None, Build(self._options(config), self.bodies, log)
        try:
            self.build.load()
        except ContentError as exc:
            if not self.serving:
                raise PluginError(exc.report()) from None
            log.error(exc.report())  # the preview shows the problems as a page and recovers once they are fixed
            self.failed = exc
            self.build.forget()  # the problem pages replace real ones: the next build is a whole one
            kept = Files([f for f in files if not f.is_documentation_page() and not from_content(f, config)])
            pages = [f.src_uri for f in files if f.is_documentation_page() and from_content(f, config)]
            for src in dict.fromkeys(["index.md", *nav_sources(config.nav), *pages]):  # the nav and every entry, at its last URL
                problem_page = File.generated(config, src, content="")
                if url := self.urls.get(src):
                    problem_page.dest_uri, problem_page.url = urls.output(url), url
                kept.append(problem_page)
            return kept
        except OSError as exc:
            raise os_failure(exc, "read") from None
        build, hidden, unused = self.build, self.build.hidden(), unused_theme_files(config)
        for file in list(files):
            ours = from_content(file, config)
            if not ours and file.src_uri.startswith(unused):
                files.remove(file)
                continue
            outside = ours and build.entry(file.src_uri) is None and not inside(file.abs_src_path or "", config.docs_dir)  # (entries were checked when read)
            if ours and (file.src_uri in hidden or outside or not publishable(file.src_uri)):
                files.remove(file)  # a link out of content/, an upload (its rendition replaces it), a type not on the allow-list
            if ours and (cleaned := build.upload(file.src_uri)) is not None:
                files.append(File.generated(config, file.src_uri, content=cleaned))  # an upload's URL serves its cleaned rendition
            elif (entry := build.entry(file.src_uri)) is not None:
                file.dest_uri, file.url = urls.output(entry.url), entry.url
                self.urls[file.src_uri] = entry.url  # where the preview shows its problems, should it break
                render_when(file, build.needed(file.dest_uri))
        for path, content in build.data_files().items():
            if isinstance(content, Path):  # (copied only when it changed under `--dirty`)
                files.append(File.generated(config, path, abs_src_path=str(content)))
            else:
                files.append(File.generated(config, path, content=content))
        for page in build.generated.values():
            file = File.generated(config, page.src_uri, content="")
            render_when(file, build.needed(file.dest_uri))
            files.append(file)
        if build.plan is not None and not self.dirty and self.planned is None:
            self.planned = PlannedPages().__enter__()
        build.begin_output(Path(config.site_dir))
        return files

    def on_page_markdown(self, markdown, page, config, files):
        if self.failed:
            page.meta = {"title": t("preview.title"), "template": "portal/problems.html"}
            return ""
        src = page.file.src_uri
        entry = self.build.entry(src)
        self.bodies.start_page(src, entry)
        if (view := self.build.view(src)) is None:
            return markdown  # a page of its own in content/
        page.meta = {"title": view.title, "template": view.template, "description": view.description or config.site_description}
        if entry and self.build.kept_body(src):
            return ""  # its HTML is the last build's (on_page_content): nothing to convert
        return entry.body if entry else markdown  # an entry: NFC, control characters removed, front matter as validated

    def on_env(self, env, config, files):
        """The templates' compiled code kept between builds; the sitemap's lastmod (rendered before any
        page, and for pages an incremental build does not render): when the content changed, never the
        build date."""
        env.bytecode_cache = CheckedBytecodeCache(self.build.template_cache())  # Material's templates compiled once, not per build
        if self.failed or not self.build.catalog.entries:  # (an empty site keeps MkDocs' date: its sitemap.xml.gz needs one)
            return env
        for file in files.documentation_pages():
            if file.page is not None:
                file.page.update_date = self.build.updated(file.src_uri)
        return env

    def on_page_content(self, html, page, config, files):
        return html if self.failed else self.build.body(page.file.src_uri, html)

    def on_page_context(self, context, page, config, nav):
        if self.failed:
            context["portal"] = {"heading": t("preview.title"), "intro": t("preview.intro"), "problems": [str(p) for p in self.failed.problems]}
            return context
        view = self.build.view(page.file.src_uri)
        if view is not None:
            context["portal"] = view.context
        context["portal_feeds"] = feed_links(view.feeds if view else [self.build.listings["site"]])
        return context

    def on_post_page(self, output, page, config):
        if not self.failed:
            self.build.rendered(page.file.dest_uri, output)
        return output

    def on_post_template(self, output_content, template_name, config):
        if not self.failed and template_name.endswith(".html"):  # 404.html
            self.build.rendered(template_name, output_content)
        return output_content

    def on_post_build(self, config):
        self._unplan()
        if self.failed:
            return
        try:
            self.build.write(Path(config.site_dir))
        except (OSError, OutsideOutput) as exc:  # (the preview's background says the same: build.failure_message)
            raise PluginError(failure_message(exc, Path(config.site_dir))) from None
