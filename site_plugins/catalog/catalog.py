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
from ..content.datasets import Dataset
from ..content.entries import AnyEntry, ArticleEntry, CooperativeEntry, DocumentEntry, EventEntry
from ..content.files import FileFacts
from ..content.partners import Snapshot
from ..content.polls import Poll
from ..content.registries import Lineage, Registries
from .graph import CitationGraph
from .legal import Event, LegalState, legal_states, updates
from .mentions import agency_names, text_mentions
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
    datasets: dict[str, Dataset] = field(default_factory=dict)  # the data files of figures (content/so-lieu/), by figure id
    polls: dict[str, Poll] = field(default_factory=dict)  # reader polls (content/khao-sat/), by poll id
    partner_news: Snapshot = field(default_factory=Snapshot)  # what `portal fetch-partners` last read (content/_registry/partners.snapshot.json)

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.entries}
        self.by_src = {e.src_uri: e for e in self.entries}
        self.articles = [e for e in self.entries if isinstance(e, ArticleEntry)]
        self.cooperatives = [e for e in self.entries if isinstance(e, CooperativeEntry)]
        self.documents = [e for e in self.entries if isinstance(e, DocumentEntry)]
        self.events = [e for e in self.entries if isinstance(e, EventEntry)]
        self.events_by_document: dict[str, list[EventEntry]] = defaultdict(list)  # the plan that schedules an event → its events
        for event in self.events:
            for document in event.data.documents:
                self.events_by_document[document].append(event)
        self._build_indexes()
        self.graph = CitationGraph(self.documents, self.registries)
        # node key of a document → the entries whose text mentions it ("Kết luận số 70-KL/TW"), newest first
        self.text_mentions: dict[str, list[AnyEntry]] = text_mentions(self.graph, self.entries, agency_names(self.registries), self.context_of)
        for ambiguity in self.graph.ambiguous:  # a citation that names several published documents
            citing = ambiguity.citing
            names = ", ".join(self.graph.describe(e) for e in ambiguity.candidates)
            field = f"cites.{ambiguity.index + 1}"
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
        self.by_column: dict[str, list[AnyEntry]] = defaultdict(list)
        self.by_agency: dict[str, list[AnyEntry]] = defaultdict(list)
        self.by_province: dict[str, list[AnyEntry]] = defaultdict(list)
        self.by_tag: dict[str, list[AnyEntry]] = defaultdict(list)
        self.by_campaign: dict[str, list[AnyEntry]] = defaultdict(list)
        self.mentions: dict[str, list[AnyEntry]] = defaultdict(list)  # cooperative/document id → articles
        self.by_month: dict[tuple[int, int], list[AnyEntry]] = defaultdict(list)
        for entry in self.entries:  # already newest first, so every index is too
            self.by_month[(entry.published.year, entry.published.month)].append(entry)
            for tag in entry.tags:
                self.by_tag[tag].append(entry)
            for column in self.column_ancestry(entry.column):
                self.by_column[column].append(entry)  # only articles have a column
            if entry.campaign:
                self.by_campaign[entry.campaign].append(entry)
            for agency in entry.agencies():
                self.by_agency[agency].append(entry)
            for ref in entry.mentioned():
                self.mentions[ref].append(entry)
            for province in dict.fromkeys(entry.provinces(reg)):
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
        return set(entry.provinces(self.registries)), set(entry.agencies())

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
