"""Entry bodies as the pages show them: Markdown through the portal's extensions (document
auto-links, heading levels, figure lines), then the sanitiser. MkDocs renders most bodies itself, one page at a
time, with the extensions configured here (``start_page`` tells them which page); ``render``
does the same outside MkDocs (a body the preview did not re-render, a feed's item)."""

from __future__ import annotations

import logging
from typing import Any

import markdown as python_markdown

from ..catalog.catalog import Catalog
from ..catalog.mentions import agency_names
from ..content.entries import AnyEntry
from .autolink import DocumentLinks, mention_warnings
from .figures import FigureBlocks
from .headings import HeadingLevels
from .sanitize import Sanitizer, body_warning


class Bodies:
    def __init__(self, iframe_hosts: frozenset[str], log: logging.Logger):
        self.autolink = DocumentLinks()
        self.headings = HeadingLevels()
        self.figures = FigureBlocks()  # "{{ so-lieu: <id> }}" lines: placeholders the build fills after the sanitiser
        self.sanitizer = Sanitizer(iframe_hosts)
        self.log = log

    @property
    def extensions(self) -> list:
        """The Python-Markdown extensions the engine runs on every page."""
        return [self.autolink, self.headings, self.figures]

    def prepare(self, catalog: Catalog) -> None:
        """What auto-links point at (document pages by their source files: the engine makes them URLs)."""
        self.catalog = catalog
        self.autolink.links = catalog.graph.links(sources=True)
        self.autolink.names = agency_names(catalog.registries)

    def start_page(self, src_uri: str, entry: AnyEntry | None) -> None:
        """The page the engine renders next: which document a mention means depends on it, and an
        entry's body sits under its page heading (a page of its own in content/ writes its own h1)."""
        self.autolink.set_page(src_uri, *(self.catalog.context_of(entry) if entry else (set(), set())))
        self.headings.top = entry.body_top if entry else 0

    def clean(self, path: str, html: str) -> str:
        """Body HTML through the sanitiser; what it removes is a warning naming the file."""
        cleaned, removed = self.sanitizer.check(html)
        if removed:
            self.log.warning(str(body_warning(path, removed)))
        return cleaned

    def report_mentions(self, entry: AnyEntry) -> None:
        """Mentions of a document number that could mean several documents (after the engine rendered the page)."""
        for warning in mention_warnings(entry, self.autolink):
            self.log.warning(str(warning))

    def render(self, entry: AnyEntry, extensions: list, configs: dict[str, Any]) -> str:
        """An entry's body rendered here, as its page shows it (before images become <picture>)."""
        others = [e for e in extensions if e is not self.autolink]
        links = DocumentLinks()  # outside the engine no one turns .md paths into URLs: link URLs
        links.links, links.names = self.catalog.graph.links(), self.autolink.names
        links.set_page(entry.url, *self.catalog.context_of(entry))
        self.headings.top = entry.body_top
        html = python_markdown.markdown(entry.body, extensions=[*others, links], extension_configs=configs)
        return self.clean(entry.path, html)
