"""The catalog: every entry loaded and validated once per build, with its indexes.

files → entries → **catalog** → views. Views never re-read files.
"""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .frontmatter import Parsed, read_markdown
from .graph import CitationGraph
from .images import check_attachment, check_image
from .models import KINDS, SECTIONS
from .problems import ContentError, Problem
from .registries import Registries, load_registries
from .schema import parse_datetime, problems_from, suggest
from .vietnamese import VN_TZ, slugify


@dataclass(eq=False)
class Entry:
    kind: str  # article | cooperative | document
    data: Any  # Article | Cooperative | Document
    path: str  # as shown to editors: content/tin-tuc/x.md
    src_uri: str  # relative to the content folder: tin-tuc/x.md
    body: str
    parsed: Parsed = field(repr=False)

    @property
    def id(self) -> str:
        return self.data.id

    @property
    def slug(self) -> str:
        return self.data.slug or slugify(Path(self.src_uri).stem)

    @property
    def section(self) -> str:
        return self.src_uri.split("/", 1)[0]

    @property
    def url(self) -> str:
        return f"{self.section}/{self.slug}/"

    @property
    def title(self) -> str:
        return self.data.title

    @property
    def published(self) -> datetime:
        return self.data.published if self.kind == "document" else self.data.date

    @property
    def updated(self) -> datetime:
        return getattr(self.data, "updated", None) or self.published

    def line(self, *loc) -> int:
        return self.parsed.line(loc)


def _newest_first(entries):
    return sorted(entries, key=lambda e: (e.published, e.id), reverse=True)


@dataclass
class Catalog:
    registries: Registries
    entries: list[Entry]  # published ones, newest first
    hidden: list[Entry]  # drafts and future entries, left out of the site
    warnings: list[Problem]
    now: datetime
    content_dir: Path

    def __post_init__(self) -> None:
        self.by_id = {e.id: e for e in self.entries}
        self.by_src = {e.src_uri: e for e in self.entries}
        self.articles = [e for e in self.entries if e.kind == "article"]
        self.cooperatives = [e for e in self.entries if e.kind == "cooperative"]
        self.documents = [e for e in self.entries if e.kind == "document"]
        self._build_indexes()
        self.graph = CitationGraph(self.documents)

    def _build_indexes(self) -> None:
        reg = self.registries
        self.by_column: dict[str, list[Entry]] = defaultdict(list)
        self.by_agency: dict[str, list[Entry]] = defaultdict(list)
        self.by_province: dict[str, list[Entry]] = defaultdict(list)
        self.by_tag: dict[str, list[Entry]] = defaultdict(list)
        self.by_campaign: dict[str, list[Entry]] = defaultdict(list)
        self.mentions: dict[str, list[Entry]] = defaultdict(list)  # cooperative/document id → entries
        self.by_month: dict[tuple[int, int], list[Entry]] = defaultdict(list)
        self.tasks_by_agency: dict[str, list[tuple[Entry, Any]]] = defaultdict(list)
        for entry in self.entries:  # already newest first, so every index is too
            data = entry.data
            self.by_month[(entry.published.year, entry.published.month)].append(entry)
            for tag in data.tags:
                self.by_tag[tag].append(entry)
            if entry.kind == "article":
                for column in self.column_ancestry(data.column):
                    self.by_column[column].append(entry)
                self.by_agency[data.agency].append(entry)
                provinces = list(data.provinces)
                for ref in (*data.cooperatives, *data.documents):
                    self.mentions[ref].append(entry)
                if data.campaign:
                    self.by_campaign[data.campaign].append(entry)
            elif entry.kind == "cooperative":
                if data.agency:
                    self.by_agency[data.agency].append(entry)
                provinces = [data.province]
            else:
                for issuer in data.issuers:
                    self.by_agency[issuer].append(entry)
                provinces = list(data.provinces)
                provinces += [reg.agencies[a].province for a in data.issuers if reg.agencies[a].province]
                for task in data.tasks:
                    for agency in dict.fromkeys([*task.lead, *task.partners]):
                        self.tasks_by_agency[agency].append((entry, task))
            for province in dict.fromkeys(provinces):
                self.by_province[province].append(entry)
        self.children: dict[str | None, list[str]] = defaultdict(list)
        for agency in reg.agencies.values():
            self.children[agency.parent].append(agency.id)
        self.predecessors: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        for table in (reg.agencies, reg.provinces):
            for item in table.values():
                for step in item.successors:
                    self.predecessors[step.id].append((item.id, step))
        self.column_children: dict[str | None, list[str]] = defaultdict(list)
        for column in sorted(reg.columns.values(), key=lambda c: (c.order, c.title)):
            self.column_children[column.parent].append(column.id)

    def column_ancestry(self, column_id: str) -> list[str]:
        chain, seen = [], set()
        while column_id and column_id not in seen:
            seen.add(column_id)
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


# --- loading and validation -------------------------------------------------------------------


@dataclass
class _Source:
    """One Markdown file whose front matter parsed, valid or not (refs are checked on both)."""

    kind: str
    parsed: Parsed
    path: str
    entry: Entry | None


def _read_entries(content_dir: Path) -> tuple[list[_Source], list[Problem]]:
    sources, problems = [], []
    for section, kind in SECTIONS.items():
        folder = content_dir / section
        if not folder.is_dir():
            continue
        for file in sorted(folder.rglob("*.md")):
            src_uri = file.relative_to(content_dir).as_posix()
            display = f"{content_dir.name}/{src_uri}"
            parsed, found = read_markdown(file, display)
            problems += found
            if parsed is None:
                continue
            model: type[BaseModel] = KINDS[kind]
            entry = None
            try:
                entry = Entry(kind, model.model_validate(parsed.data), display, src_uri, parsed.body, parsed)
            except ValidationError as exc:
                problems += problems_from(exc, model, parsed, display)
            sources.append(_Source(kind, parsed, display, entry))
    return sources, problems


# Top-level front-matter fields that hold ids, per kind of entry → what they point at.
REF_FIELDS = {
    "article": {"column": "column", "agency": "agency", "provinces": "province", "tags": "tag",
                "cooperatives": "cooperative", "documents": "document", "campaign": "campaign"},
    "cooperative": {"province": "province", "sectors": "sector", "agency": "agency", "tags": "tag"},
    "document": {"issuers": "agency", "provinces": "province", "tags": "tag", "replaced_by": "document"},
}


class _RefChecker:
    """Checks that ids point at something, with a "did you mean" for near misses."""

    def __init__(self, registries: Registries, entries: list[Entry]):
        self.tables = {
            "agency": registries.agencies, "province": registries.provinces, "column": registries.columns,
            "campaign": registries.campaigns, "sector": registries.sectors, "tag": registries.tags,
            "cooperative": {e.id: e for e in entries if e.kind == "cooperative"},
            "document": {e.id: e for e in entries if e.kind == "document"},
        }
        self.problems: list[Problem] = []

    def check(self, table: str, value, path: str, line: int, field: str) -> None:
        values = value if isinstance(value, (list, tuple)) else [value]
        known = self.tables[table]
        for index, ref in enumerate(values):
            if ref is None or ref in known:
                continue
            where = f"{field}.{index}" if isinstance(value, (list, tuple)) else field
            registry = "content/_registry/" + {"agency": "agencies", "province": "provinces", "column": "columns", "campaign": "campaigns", "sector": "sectors", "tag": "tags"}.get(table, "")
            fallback = f"add it to {registry}.yml" if table not in ("cooperative", "document") else f"write the id of an existing {table} entry"
            self.problems.append(Problem(path, line, where, f"unknown {table} '{ref}'", suggest(ref, known, fallback)))


def _check_registries(reg: Registries, refs: _RefChecker) -> None:
    for agency in reg.agencies.values():
        path, line = reg.origins[("agencies", agency.id)]
        refs.check("agency", agency.parent, path, line, f"{agency.id}.parent")
        refs.check("province", agency.province, path, line, f"{agency.id}.province")
        refs.check("agency", [s.id for s in agency.successors], path, line, f"{agency.id}.successors")
    for province in reg.provinces.values():
        path, line = reg.origins[("provinces", province.id)]
        refs.check("province", [s.id for s in province.successors], path, line, f"{province.id}.successors")
    for column in reg.columns.values():
        path, line = reg.origins[("columns", column.id)]
        refs.check("column", column.parent, path, line, f"{column.id}.parent")


def _check_refs(source: _Source, refs: _RefChecker) -> None:
    """Ids in the front matter, checked even when the rest of the entry is invalid."""
    data, line = source.parsed.data, source.parsed.line
    for name, table in REF_FIELDS[source.kind].items():
        value = data.get(name)
        if isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            refs.check(table, value, source.path, line((name,)), name)
    entry = source.entry
    if entry is None or entry.kind != "document":
        return
    d = entry.data
    for i, signer in enumerate(d.signers):
        refs.check("agency", signer.agency, entry.path, line(("signers", i)), f"signers.{i}.agency")
    for i, cite in enumerate(d.cites):
        refs.check("agency", cite.issuer, entry.path, line(("cites", i)), f"cites.{i}.issuer")
    for i, task in enumerate(d.tasks):
        refs.check("agency", task.lead, entry.path, line(("tasks", i, "lead")), f"tasks.{i}.lead")
        refs.check("agency", task.partners, entry.path, line(("tasks", i, "partners")), f"tasks.{i}.partners")


def _check_files(entry: Entry, content_dir: Path) -> list[Problem]:
    """Images are real JPEG/PNG/WebP; attachments are real PDFs."""
    d = entry.data
    images = []
    if entry.kind == "article" and d.cover:
        images.append(("cover", d.cover))
    elif entry.kind == "cooperative":
        images += [(f"photos.{i}", photo) for i, photo in enumerate(d.photos)]
    files = [(name, image, check_image) for name, image in images]
    if entry.kind == "document":
        files += [(f"attachments.{i}", attachment, check_attachment) for i, attachment in enumerate(d.attachments)]
    problems = []
    base = (content_dir / entry.src_uri).parent
    for field_name, image, check in files:
        error = check(base / image.src)
        if error:
            loc = tuple(int(p) if p.isdigit() else p for p in field_name.split("."))
            problems.append(Problem(entry.path, entry.line(*loc, "src"), f"{field_name}.src", f"'{image.src}' {error[0]}", error[1]))
    return problems


def _check_unique(entries: list[Entry]) -> list[Problem]:
    problems = []
    seen: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        keys = [("id", entry.id), ("URL", entry.url)]
        if entry.kind == "document" and entry.data.number:
            d = entry.data
            keys.append(("document", f"{d.issuers[0]} {d.issued_year} {d.number}"))
        for what, key in keys:
            other = seen.setdefault((what, key), entry)
            if other is entry:
                continue
            field = {"id": "id", "URL": "slug", "document": "number"}[what]
            fix = {"id": "give each entry its own permanent id",
                   "URL": "set a different 'slug:' in one of them",
                   "document": "the same issuer, year and number is the same document: remove the copy"}[what]
            label = {"id": f"duplicate id '{key}'", "URL": f"duplicate URL /{key}", "document": f"duplicate document {key}"}[what]
            problems.append(Problem(entry.path, entry.line(field), field, f"{label}, also in {other.path}:{other.line(field)}", fix))
    return problems


def resolve_now(configured: str | None = None) -> datetime:
    """ "Now" for the publishing rules: $PORTAL_NOW, else the configured value, else the clock."""
    value = os.environ.get("PORTAL_NOW") or configured
    return parse_datetime(value) if value else datetime.now(VN_TZ)


def load_catalog(content_dir: Path | str, now: datetime, preview: bool = False) -> Catalog:
    """Load, validate and index the content; raise ContentError listing every problem."""
    content_dir = Path(content_dir)
    registries, problems = load_registries(content_dir)
    sources, found = _read_entries(content_dir)
    problems += found
    entries = [s.entry for s in sources if s.entry is not None]
    refs = _RefChecker(registries, entries)
    _check_registries(registries, refs)
    for source in sources:
        _check_refs(source, refs)
    for entry in entries:
        problems += _check_files(entry, content_dir)
    problems += refs.problems
    problems += _check_unique(entries)
    errors = [p for p in problems if not p.warning]
    if errors:
        raise ContentError(problems)
    visible, hidden = [], []
    for entry in entries:
        is_hidden = entry.data.draft or entry.published > now
        (hidden if is_hidden and not preview else visible).append(entry)
    return Catalog(registries, _newest_first(visible), hidden, sorted(set(p for p in problems if p.warning)), now, content_dir)
