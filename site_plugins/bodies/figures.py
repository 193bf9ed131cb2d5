"""Python-Markdown extension: a line ``{{ so-lieu: <id> }}`` of a body embeds a figure of the site.

The line becomes an empty placeholder (``<div class="portal-figure-slot" title="<id>">``) that
the sanitiser keeps like any ``<div>``; after the sanitiser, ``embed`` replaces each placeholder
with the figure the views drew (chart, table, source). So the SVG of a body is always one the build
drew from its own data — an editor's ``<svg>`` is still removed by the sanitiser, and an SVG file
in content/ is still refused — and a placeholder an editor forges by hand can only bring in one
of the site's figures. Which ids exist is checked when the catalog loads (catalog/figurechecks.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor

from ..content.datasets import FIGURE_LINE

SLOT = "portal-figure-slot"
_PLACEHOLDER = re.compile(rf'<div class="{SLOT}" title="([a-z0-9-]+)"></div>')


class FigureBlocks(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.parser.blockprocessors.register(_FigureLine(md.parser), "portal_figures", 75)  # after indented code (80): a code block keeps the line


class _FigureLine(BlockProcessor):
    def test(self, parent: etree.Element, block: str) -> bool:
        return FIGURE_LINE.match(block.split("\n", 1)[0]) is not None

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        first, _, rest = blocks.pop(0).partition("\n")
        match = FIGURE_LINE.match(first)
        if match is not None:
            etree.SubElement(parent, "div", {"class": SLOT, "title": match[1]})
        if rest.strip():
            blocks.insert(0, rest)


def embed(html: str, figure: Callable[[str, int], str | None]) -> str:
    """Body HTML (sanitised) with each placeholder replaced by ``figure(id, n)`` — the n-th time the
    body embeds that figure — or removed when that gives None (an id no figure has)."""
    seen: Counter[str] = Counter()

    def replace(match: re.Match) -> str:
        seen[match[1]] += 1
        return figure(match[1], seen[match[1]]) or ""

    return _PLACEHOLDER.sub(replace, html)


def makeExtension(**kwargs) -> FigureBlocks:
    return FigureBlocks(**kwargs)
