"""The citation graph: which document cites which, typed (căn cứ, thực hiện, thay thế…).

A document cited but not published here still gets a node (a "stub" page) that lists who
cites it. Nodes are found by number (spacing and Ð/Đ do not matter); a document cited only by
name ("Luật Hợp tác xã năm 2012") joins the numbered node once any citation gives both."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from . import urls
from .docnumbers import number_key

if TYPE_CHECKING:
    from .entries import DocumentEntry as Entry
    from .models import Citation


@dataclass(eq=False)
class Node:
    key: str
    number: str | None = None
    title: str | None = None
    type: str | None = None
    issuer: str | None = None
    issued: date | None = None
    entry: Entry | None = None  # None: cited, but not published on this site
    bases: list[tuple[Node, str]] = field(default_factory=list)  # what this document cites
    cited_by: list[tuple[Entry, str]] = field(default_factory=list)

    @property
    def url(self) -> str:
        if self.entry:
            return self.entry.url
        return urls.cited_document(self.number or self.title or self.key)

    @property
    def label(self) -> str:
        if self.entry:
            return self.entry.title
        if self.number:
            return f"{self.type} {self.number}" if self.type else self.number
        return self.title or self.key

    @property
    def replaced_by(self) -> list[Entry]:
        return [entry for entry, relation in self.cited_by if relation == "thay-the"]

    def learn(self, cite: Citation) -> None:
        self.number = self.number or cite.number
        self.title = self.title or cite.title
        self.type = self.type or cite.type
        self.issuer = self.issuer or cite.issuer
        self.issued = self.issued or cite.issued


class CitationGraph:
    def __init__(self, documents: list[Entry]):
        self.nodes: dict[str, Node] = {}
        self.by_entry: dict[str, Node] = {}
        for entry in documents:
            d = entry.data
            key = number_key(d.number) if d.number else f"id:{entry.id}"
            node = self.nodes.setdefault(key, Node(key, d.number, None, d.type, d.issuers[0], d.issued, entry))
            self.by_entry[entry.id] = node
        aliases = {f"title:{c.title}": number_key(c.number) for e in documents for c in e.data.cites if c.number and c.title}
        for entry in sorted(documents, key=lambda e: (e.published, e.id)):  # oldest first: cited_by reads in time order
            for cite in entry.data.cites:
                key = aliases.get(cite.key, cite.key)
                node = self.nodes.setdefault(key, Node(key))
                if node.entry is None:
                    node.learn(cite)
                self.by_entry[entry.id].bases.append((node, cite.relation))
                node.cited_by.append((entry, cite.relation))

    @property
    def stubs(self) -> list[Node]:
        return sorted((n for n in self.nodes.values() if n.entry is None), key=lambda n: n.url)

    def links(self, sources: bool = False) -> dict[str, str]:
        """number key → URL (or source file: an entry's, or ``<url>index.md`` for a stub page),
        for auto-linking mentions of known documents."""

        def where(node: Node) -> str:
            if not sources:
                return node.url
            return node.entry.src_uri if node.entry else urls.source(node.url)

        return {node.key: where(node) for node in self.nodes.values() if node.number}
