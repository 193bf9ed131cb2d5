"""The catalog: every published entry, once per build, with its indexes.

files → entries → **catalog** → listings → views, feeds. Nothing after the catalog re-reads a
file: what later steps need of a file (size, media type) was recorded while validating."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from ..common.messages import problem
from ..common.problems import Problem
from ..common.vietnamese import sort_key
from ..content.entries import AnyEntry, ArticleEntry, CooperativeEntry, DocumentEntry
from ..content.files import FileFacts
from ..content.registries import Lineage, Registries
from ..media.pictures import Picture
from .graph import CitationGraph
from .legal import Event, LegalState, legal_states, updates
from .tasks import TrackedTask, track


@dataclass
class Catalog:
    registries: Registries
    entries: list[AnyEntry]  # published ones, newest first
    hidden: list[AnyEntry]  # drafts and future entries, left out of the site
    warnings: list[Problem]
    now: datetime
    content_dir: Path
    files: dict[str, FileFacts] = field(default_factory=dict)  # site path of an image or PDF → its facts
    unpublished: list[Problem] = field(default_factory=list)  # why each draft or scheduled entry is not on the site
    images: dict[str, list[str]] = field(default_factory=dict)  # entry id → site paths of its images (cover or photos first, then body)
    pictures: dict[str, Picture] = field(default_factory=dict)  # an upload's site path → its published renditions
    social: dict[str, str] = field(default_factory=dict)  # entry id or "agency:<id>" → site path of its social card
    crops: dict[str, list[str]] = field(default_factory=dict)  # article id → its cover in 16:9, 4:3 and 1:1 (JSON-LD)

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.entries}
        self.by_src = {e.src_uri: e for e in self.entries}
        self.articles = [e for e in self.entries if isinstance(e, ArticleEntry)]
        self.cooperatives = [e for e in self.entries if isinstance(e, CooperativeEntry)]
        self.documents = [e for e in self.entries if isinstance(e, DocumentEntry)]
        self._build_indexes()
        self.graph = CitationGraph(self.documents, self.registries)
        for ambiguity in self.graph.ambiguous:  # a citation that names several published documents
            citing = ambiguity.citing
            names = ", ".join(self.graph.describe(e) for e in ambiguity.candidates)
            field = f"cites.{ambiguity.index}"
            message = problem("doc.ambiguous_cite", number=ambiguity.number, count=len(ambiguity.candidates), candidates=names)
            self.warnings.append(Problem(citing.path, citing.line("cites", ambiguity.index), field, *message, warning=True))
        self.legal: dict[str, LegalState] = legal_states(self.graph, self.documents, self.by_id, self.now)
        self.updates: list[Event] = updates(self.legal, self.now)  # the registry's "Mới cập nhật", newest first
        self.tasks: list[TrackedTask] = track(self.documents, self.now)
        self.tasks_by_agency: dict[str, list[TrackedTask]] = defaultdict(list)
        self.tasks_by_document: dict[str, list[TrackedTask]] = defaultdict(list)
        for tracked in self.tasks:
            self.tasks_by_document[tracked.document.id].append(tracked)
            for agency in dict.fromkeys([*tracked.task.lead, *tracked.task.partners]):
                self.tasks_by_agency[agency].append(tracked)

    def _build_indexes(self) -> None:
        reg = self.registries
        self.by_column: dict[str, list[ArticleEntry]] = defaultdict(list)
        self.by_agency: dict[str, list[AnyEntry]] = defaultdict(list)
        self.by_province: dict[str, list[AnyEntry]] = defaultdict(list)
        self.by_tag: dict[str, list[AnyEntry]] = defaultdict(list)
        self.by_campaign: dict[str, list[ArticleEntry]] = defaultdict(list)
        self.mentions: dict[str, list[ArticleEntry]] = defaultdict(list)  # cooperative/document id → articles
        self.by_month: dict[tuple[int, int], list[AnyEntry]] = defaultdict(list)
        for entry in self.entries:  # already newest first, so every index is too
            self.by_month[(entry.published.year, entry.published.month)].append(entry)
            for tag in entry.tags:
                self.by_tag[tag].append(entry)
            provinces: list[str]
            if isinstance(entry, ArticleEntry):
                a = entry.data
                for column in self.column_ancestry(a.column):
                    self.by_column[column].append(entry)
                self.by_agency[a.agency].append(entry)
                provinces = list(a.provinces)
                for ref in (*a.cooperatives, *a.documents):
                    self.mentions[ref].append(entry)
                if a.campaign:
                    self.by_campaign[a.campaign].append(entry)
            elif isinstance(entry, CooperativeEntry):
                if entry.data.agency:
                    self.by_agency[entry.data.agency].append(entry)
                provinces = [entry.data.province]
            else:
                d = entry.data
                for issuer in d.issuers:
                    self.by_agency[issuer].append(entry)
                provinces = list(d.provinces)
                provinces += [p for p in (reg.agencies[a].province for a in d.issuers) if p]
            for province in dict.fromkeys(provinces):
                self.by_province[province].append(entry)
        self.children: dict[str | None, list[str]] = defaultdict(list)
        for each in reg.agencies.values():
            self.children[each.parent].append(each.id)
        self.predecessors: dict[str, list[tuple[str, Lineage]]] = defaultdict(list)
        for old_agency in reg.agencies.values():
            for step in old_agency.successors:
                self.predecessors[step.id].append((old_agency.id, step))
        for old_province in reg.provinces.values():
            for step in old_province.successors:
                self.predecessors[step.id].append((old_province.id, step))
        self.column_children: dict[str | None, list[str]] = defaultdict(list)
        for col in sorted(reg.columns.values(), key=lambda c: (c.order, sort_key(c.title))):
            self.column_children[col.parent].append(col.id)

    def context_of(self, entry: AnyEntry) -> tuple[set[str], set[str]]:
        """The provinces and agencies an entry belongs to: they tell which of several documents of
        the same number its text means."""
        if isinstance(entry, ArticleEntry):
            return set(entry.data.provinces), {entry.data.agency}
        if isinstance(entry, CooperativeEntry):
            return {entry.data.province}, {entry.data.agency} if entry.data.agency else set()
        return self.graph.provinces(entry), set(entry.data.issuers)

    def column_ancestry(self, column_id: str | None) -> list[str]:
        chain: list[str] = []
        while column_id and column_id not in chain:
            chain.append(column_id)
            column_id = self.registries.columns[column_id].parent
        return chain

    def agency_descendants(self, agency_id: str) -> list[str]:
        out, stack = [], list(self.children.get(agency_id, []))
        while stack:
            current = stack.pop(0)
            out.append(current)
            stack.extend(self.children.get(current, []))
        return out
