"""Python-Markdown extension: headings in a body never skip a level.

An imported document numbered "1.1." right under "I." gives h3 then h5; screen readers and the
Nu Html Checker expect h4. The body sits under a heading of the page (an article's h1, the
"Nội dung" h2 of a document page): ``top`` says which, and each heading is raised to at most one
level below the previous one."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

HEADINGS = {f"h{n}" for n in range(1, 7)}


class HeadingLevels(Extension):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.top = 1  # level of the page heading the body sits under

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Levels(md, self), "heading_levels", 6)  # before "toc" (5): ids and the TOC see the fixed levels


class _Levels(Treeprocessor):
    def __init__(self, md: Markdown, ext: HeadingLevels):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        previous = self.ext.top
        for element in root.iter():
            if element.tag in HEADINGS:
                level = max(min(int(element.tag[1]), previous + 1), self.ext.top + 1)
                element.tag = f"h{level}"
                previous = level


def makeExtension(**kwargs) -> HeadingLevels:
    return HeadingLevels(**kwargs)
