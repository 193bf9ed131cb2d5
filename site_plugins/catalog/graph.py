"""The citation graph: which document cites which, typed (căn cứ, thực hiện, thay thế…).

A document is its issuer + year + number, never the number alone: every provincial UBND issues
a "27/KH-UBND" every year. A citation is resolved with the context it gives — its `issuer:`,
its date, then the citing document's own provinces and issuers; when it still matches several
published documents it links to none and the ambiguity is reported. A document cited but not
published here gets a node (a "stub" page) per identity, listing who cites it. A document cited
only by name ("Luật Hợp tác xã năm 2012") joins the numbered node once any citation gives both."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..common import urls
from ..common.docnumbers import number_key
from ..common.vietnamese import name_key

if TYPE_CHECKING:
    from ..content.entries import DocumentEntry as Entry
    from ..content.models import Citation
    from ..content.registries import Registries


@dataclass(eq=False)
class Node:
    key: str
    number: str | None = None
    title: str | None = None
    type: str | None = None
    issuer: str | None = None
    issued: date | None = None
    entry: Entry | None = None  # None: cited, but not published on this site
    suffix: str = ""  # a stub's URL tells it apart from others of the same number
    bases: list[tuple[Node, str]] = field(default_factory=list)  # what this document cites
    cited_by: list[tuple[Entry, str]] = field(default_factory=list)
    scopes: dict[str, str] = field(default_factory=dict)  # citing entry id → "mot-phan"/"toan-bo", when its citation says

    @property
    def url(self) -> str:
        if self.entry:
            return self.entry.url
        label = self.number or self.title or self.key
        return urls.cited_document(f"{label} {self.suffix}" if self.suffix else label)

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


@dataclass(frozen=True)
class Ambiguity:
    citing: Entry
    index: int  # which of its citations
    number: str
    candidates: tuple[Entry, ...]


class CitationGraph:
    def __init__(self, documents: list[Entry], registries: Registries | None = None):
        self.registries = registries
        self.nodes: dict[str, Node] = {}
        self.by_entry: dict[str, Node] = {}
        self.by_number: dict[str, list[Node]] = defaultdict(list)  # number key → published and stub nodes
        self.ambiguous: list[Ambiguity] = []
        for entry in documents:
            d = entry.data
            key = identity(d.number, d.issuers[0], d.issued_year) if d.number else f"id:{entry.id}"
            node = self.nodes.setdefault(key, Node(key, d.number, None, d.type, d.issuers[0], d.issued, entry))
            self.by_entry[entry.id] = node
            if d.number:
                self.by_number[number_key(d.number)].append(node)
        aliases = {f"title:{c.title}": c.number for e in documents for c in e.data.cites if c.number and c.title}
        for entry in sorted(documents, key=lambda e: (e.published, e.id)):  # oldest first: cited_by reads in time order
            for index, cite in enumerate(entry.data.cites):
                number = cite.number or aliases.get(cite.key)
                cited = self._resolve(entry, index, cite, number) if number else self._by_title(cite)
                if cited is None:
                    continue  # ambiguous: linked to none, reported
                if cited.entry is None:
                    cited.learn(cite)
                self.by_entry[entry.id].bases.append((cited, cite.relation))
                cited.cited_by.append((entry, cite.relation))
                if cite.scope:
                    cited.scopes[entry.id] = cite.scope
        self._name_stubs()

    def provinces(self, entry: Entry) -> set[str]:
        """The provinces a document belongs to: its own, and its issuers'."""
        return set(entry.provinces(self.registries))

    def describe(self, entry: Entry) -> str:
        """ "Kế hoạch 27/KH-UBND (UBND tỉnh Lào Cai, 2024)": a candidate, as a warning names it."""
        issuer = entry.data.issuers[0]
        if self.registries is not None:
            agency = self.registries.agencies[issuer]
            issuer = agency.short_name or agency.name
        return f"{entry.title} ({issuer}, {entry.data.issued_year})"

    def choose(self, candidates: list[Entry], issuer: str | None, year: int | None, provinces: set[str], agencies: set[str]) -> list[Entry]:
        """Narrow the published documents a number names with what the context says, in order:
        the issuer named, the year, then the citing text's own provinces and agencies."""
        for keep in (lambda e: issuer in e.data.issuers if issuer else True,
                     lambda e: e.data.issued_year == year if year else True,
                     lambda e: bool(self.provinces(e) & provinces) if provinces else True,
                     lambda e: bool(set(e.data.issuers) & agencies) if agencies else True):  # fmt: skip
            narrowed = [e for e in candidates if keep(e)]
            if len(candidates) > 1 and narrowed:
                candidates = narrowed
        return candidates

    def _resolve(self, citing: Entry, index: int, cite: Citation, number: str) -> Node | None:
        nodes = self.by_number[number_key(number)]
        published = [n.entry for n in nodes if n.entry is not None]
        year = cite.issued.year if cite.issued else None
        if cite.issuer:
            published = [e for e in published if cite.issuer in e.data.issuers]
        if year:
            published = [e for e in published if e.data.issued_year == year]
        chosen = self.choose(published, None, None, self.provinces(citing), set(citing.data.issuers))
        if len(chosen) == 1:
            return self.by_entry[chosen[0].id]
        if len(chosen) > 1:
            self.ambiguous.append(Ambiguity(citing, index, number, tuple(chosen)))
            return None
        # not published here: the stub of that identity (one that says nothing against it)
        for node in nodes:
            if node.entry is None and (not cite.issuer or node.issuer in (None, cite.issuer)) and (not year or not node.issued or node.issued.year == year):
                return node
        key = identity(number, cite.issuer, year)
        node = self.nodes.setdefault(key, Node(key))
        nodes.append(node)
        return node

    def _by_title(self, cite: Citation) -> Node:
        """A law cited by its name ("Luật Hợp tác xã năm 2023"): the published law of that name and
        year when the site has it, else a stub of that title."""
        named = re.match(r"^(?P<type>Luật|Bộ luật|Pháp lệnh)\s+(?P<name>.+?)(?:\s+năm\s+(?P<year>\d{4}))?$", cite.title or "")
        if named:
            year = int(named["year"]) if named["year"] else (cite.issued.year if cite.issued else None)
            wanted = name_key(f"{named['type']} {named['name']}")
            laws = [
                n for n in self.by_entry.values()
                if n.entry is not None and n.entry.data.type == named["type"] and (year is None or n.entry.data.issued_year == year)
                and wanted in (name_key(n.entry.data.summary), name_key(f"{named['type']} {n.entry.data.summary}"))
            ]  # fmt: skip
            if len(laws) == 1:
                return laws[0]
        return self.nodes.setdefault(cite.key, Node(cite.key))

    def _name_stubs(self) -> None:
        """Stubs sharing a number are told apart in their URL by issuer and year."""
        for nodes in self.by_number.values():
            stubs = [n for n in nodes if n.entry is None]
            if len(stubs) > 1 or (stubs and len(nodes) > len(stubs)):
                for stub in stubs:
                    stub.suffix = "-".join(x for x in (stub.issuer, str(stub.issued.year) if stub.issued else None) if x)

    @property
    def stubs(self) -> list[Node]:
        return sorted((n for n in self.nodes.values() if n.entry is None), key=lambda n: n.url)

    def links(self, sources: bool = False) -> dict[str, list[Target]]:
        """number key → every document with that number (its page, issuers, year, provinces), for
        auto-linking mentions; the linker chooses among several with the mention's context."""

        def where(node: Node) -> str:
            if not sources:
                return node.url
            return node.entry.src_uri if node.entry else urls.source(node.url)

        found: dict[str, list[Target]] = defaultdict(list)
        for key, nodes in self.by_number.items():
            for node in nodes:
                if node.entry is not None:
                    d = node.entry.data
                    label = self.describe(node.entry)
                    found[key].append(Target(where(node), label, tuple(d.issuers), d.issued_year, frozenset(self.provinces(node.entry))))
                else:
                    year = node.issued.year if node.issued else None
                    found[key].append(Target(where(node), node.label, (node.issuer,) if node.issuer else (), year, frozenset()))
        return dict(found)


@dataclass(frozen=True)
class Target:
    """Where a mention of a number may link."""

    path: str  # URL or source file
    label: str  # "Kế hoạch 27/KH-UBND (2024, ubnd-tinh-lao-cai)", for the warning when it stays ambiguous
    issuers: tuple[str, ...]
    year: int | None
    provinces: frozenset[str]


def identity(number: str, issuer: str | None, year: int | None) -> str:
    """A document's identity: number, issuer and year ("27/KH-UBND|ubnd-tinh-lao-cai|2024")."""
    return f"{number_key(number)}|{issuer or ''}|{year or ''}"
