"""Python-Markdown extension: mentions of known documents become links.

"Kết luận số 70-KL/TW", "Nghị quyết 134/NQ-CP", "chương trình phối hợp số 178/CTPH-…" link to
the document's page (or its stub page) — never inside code, headings or an existing link, and
never to the page itself. Links are relative paths between pages: between source files
(``../van-ban/145-kh-lmhtxvn-2021.md``, which MkDocs checks and turns into URLs) or, when
rendering outside MkDocs, between URLs. Either way the site works from any folder."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as etree
from typing import TYPE_CHECKING

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from ..catalog.graph import Target
from ..catalog.mentions import choose
from ..common.docnumbers import MAY_MENTION, MENTION, number_key
from ..common.messages import problem
from ..common.problems import Problem

if TYPE_CHECKING:
    from ..content.entries import AnyEntry

SKIP = {"a", "code", "pre", "kbd", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"}
# A mention is linked once per paragraph (block): the same number three times in a sentence is one link.
BLOCKS = {"p", "li", "td", "th", "dd", "dt", "blockquote", "figcaption", "div", "summary"}


class DocumentLinks(Extension):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.links: dict[str, list[Target]] = {}  # number key → the documents with that number
        self.page = ""  # the same kind of path (source file or URL) for the page being rendered
        self.provinces: set[str] = set()  # the page's own provinces and agencies: they choose among
        self.agencies: set[str] = set()  # documents of the same number ("27/KH-UBND")
        self.names: dict[str, list[str]] = {}  # agency id → its names, lowercased ("của UBND tỉnh Lào Cai")
        self.ambiguous: list[tuple[str, list[Target]]] = []  # mentions left unlinked: too many candidates

    def set_page(self, page: str, provinces: set[str], agencies: set[str]) -> None:
        self.page, self.provinces, self.agencies, self.ambiguous = page, provinces, agencies, []

    def choose(self, candidates: list[Target], after: str) -> list[Target]:
        """Narrow the documents a number names with the mention's context (catalog/mentions.py)."""
        return choose(candidates, after, self.names, self.provinces, self.agencies)

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_Linker(md, self), "document_links", 3)  # before MkDocs' relative links (0)


class _Linker(Treeprocessor):
    def __init__(self, md: Markdown, ext: DocumentLinks):
        super().__init__(md)
        self.ext = ext

    def run(self, root: etree.Element) -> None:
        if self.ext.links:
            self._walk(root, skip=False, linked=set())

    def _href(self, target: str) -> str | None:
        here = self.ext.page
        if target == here:
            return None
        if target.endswith(".md"):  # source files: relative to the page's folder
            return posixpath.relpath(target, posixpath.dirname(here) or ".")
        return posixpath.relpath(target.rstrip("/") or ".", here.rstrip("/") or ".") + "/"

    def _split(self, text: str, linked: set[str]) -> list[str | etree.Element] | None:
        if not MAY_MENTION.search(text):
            return None
        pieces: list[str | etree.Element] = []
        last = 0
        for match in MENTION.finditer(text):
            candidates = self.ext.choose(self.ext.links.get(number_key(match["number"]), []), text[match.end() :])
            if len(candidates) > 1:
                self.ext.ambiguous.append((match.group(0), candidates))
                continue
            target = candidates[0].path if candidates else None
            href = self._href(target) if target else None
            if target is None or href is None or target in linked:
                continue
            linked.add(target)
            pieces.append(text[last : match.start()])
            anchor = etree.Element("a", {"href": href, "class": "portal-doclink"})
            anchor.text = match.group(0)
            pieces.append(anchor)
            last = match.end()
        if not pieces:
            return None
        pieces.append(text[last:])
        return pieces

    @staticmethod
    def _attach(pieces, set_text, insert_at: int, parent: etree.Element) -> None:
        """First piece is the text before; then anchors, each carrying the text after it."""
        set_text(pieces[0])
        anchors: list[etree.Element] = []
        for piece in pieces[1:]:
            if isinstance(piece, str):
                anchors[-1].tail = piece
            else:
                anchors.append(piece)
        for offset, anchor in enumerate(anchors):
            parent.insert(insert_at + offset, anchor)

    def _walk(self, element: etree.Element, skip: bool, linked: set[str]) -> None:
        skip = skip or element.tag in SKIP
        if element.tag in BLOCKS:
            linked = set()
        if not skip and element.text and (pieces := self._split(element.text, linked)):
            self._attach(pieces, lambda t: setattr(element, "text", t), 0, element)
        for child in list(element):
            self._walk(child, skip, linked)
            if not skip and child.tail and (pieces := self._split(child.tail, linked)):
                self._attach(pieces, lambda t, c=child: setattr(c, "tail", t), list(element).index(child) + 1, element)


def mention_warnings(entry: AnyEntry, links: DocumentLinks) -> list[Problem]:
    """A warning for each mention the linker could not tie to one document, at its line."""
    found = []
    for text, candidates in links.ambiguous:
        at = entry.body.find(text)
        line = entry.parsed.body_line + entry.body.count("\n", 0, at) if at >= 0 else entry.parsed.body_line
        names = ", ".join(c.label for c in candidates)
        found.append(Problem(entry.path, line, "body", *problem("doc.ambiguous_mention", text=text, candidates=names), warning=True))
    return found


def makeExtension(**kwargs) -> DocumentLinks:
    return DocumentLinks(**kwargs)
