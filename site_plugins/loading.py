"""Loading and validation: content files → entries → the catalog, or one report of every problem.

Every check runs before any page is built and adds to the same list: registries, front
matter, the schema, references, files, duplicate ids and identities, and URLs that clash
with each other or with a generated page."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import urls
from .catalog import Catalog
from .entries import ENTRY_TYPES, AnyEntry, ArticleEntry, CooperativeEntry, DocumentEntry, newest_first
from .frontmatter import Parsed, read_markdown
from .graph import CitationGraph
from .images import BadFile, FileFacts, inspect_attachment, inspect_image
from .problems import ContentError, Problem
from .registries import Registries, load_registries
from .schema import parse_datetime, problems_from, suggest
from .vietnamese import VN_TZ


@dataclass
class _Source:
    """One Markdown file whose front matter parsed, valid or not (refs are checked on both)."""

    kind: str
    parsed: Parsed
    path: str
    entry: AnyEntry | None


def _read_entries(content_dir: Path) -> tuple[list[_Source], list[Problem]]:
    sources: list[_Source] = []
    problems: list[Problem] = []
    for section, kind in urls.SECTIONS.items():
        folder = content_dir / section
        if not folder.is_dir():
            continue
        entry_type = ENTRY_TYPES[kind]
        for file in sorted(folder.rglob("*.md")):
            src_uri = file.relative_to(content_dir).as_posix()
            display = f"{content_dir.name}/{src_uri}"
            parsed, found = read_markdown(file, display)
            problems += found
            if parsed is None:
                continue
            entry = None
            try:
                data = entry_type.model.model_validate(parsed.data)
                entry = entry_type(data, display, src_uri, parsed.body, parsed)  # type: ignore[arg-type]
            except ValidationError as exc:
                problems += problems_from(exc, entry_type.model, parsed, display)
            sources.append(_Source(kind, parsed, display, entry))
    return sources, problems


# Top-level front-matter fields that hold ids, per kind of entry → what they point at.
REF_FIELDS = {
    "article": {
        "column": "column",
        "agency": "agency",
        "provinces": "province",
        "tags": "tag",
        "cooperatives": "cooperative",
        "documents": "document",
        "campaign": "campaign",
    },
    "cooperative": {"province": "province", "sectors": "sector", "agency": "agency", "tags": "tag"},
    "document": {"issuers": "agency", "provinces": "province", "tags": "tag", "replaced_by": "document"},
}
REGISTRY_FILES = {"agency": "agencies", "province": "provinces", "column": "columns", "campaign": "campaigns", "sector": "sectors", "tag": "tags"}


class _RefChecker:
    """Checks that ids point at something, with a "did you mean" for near misses."""

    def __init__(self, registries: Registries, entries: list[AnyEntry]):
        self.tables: dict[str, Any] = {
            "agency": registries.agencies,
            "province": registries.provinces,
            "column": registries.columns,
            "campaign": registries.campaigns,
            "sector": registries.sectors,
            "tag": registries.tags,
            "cooperative": {e.id: e for e in entries if isinstance(e, CooperativeEntry)},
            "document": {e.id: e for e in entries if isinstance(e, DocumentEntry)},
        }
        self.problems: list[Problem] = []

    def check(self, table: str, value: Any, path: str, line: int, field: str) -> None:
        values = value if isinstance(value, (list, tuple)) else [value]
        known = self.tables[table]
        for index, ref in enumerate(values):
            if ref is None or ref in known:
                continue
            where = f"{field}.{index}" if isinstance(value, (list, tuple)) else field
            if table in REGISTRY_FILES:
                fallback = f"add it to content/_registry/{REGISTRY_FILES[table]}.yml"
            else:
                fallback = f"write the id of an existing {table} entry"
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
    if not isinstance(entry, DocumentEntry):
        return
    d = entry.data
    for i, signer in enumerate(d.signers):
        refs.check("agency", signer.agency, entry.path, line(("signers", i)), f"signers.{i}.agency")
    for i, cite in enumerate(d.cites):
        refs.check("agency", cite.issuer, entry.path, line(("cites", i)), f"cites.{i}.issuer")
    for i, task in enumerate(d.tasks):
        refs.check("agency", task.lead, entry.path, line(("tasks", i, "lead")), f"tasks.{i}.lead")
        refs.check("agency", task.partners, entry.path, line(("tasks", i, "partners")), f"tasks.{i}.partners")


def _entry_files(entry: AnyEntry) -> list[tuple[tuple[str | int, ...], str, bool]]:
    """(location in the front matter, path as written, is it an image) of every file an entry uses."""
    if isinstance(entry, ArticleEntry):
        cover = entry.data.cover
        return [(("cover",), cover.src, True)] if cover else []
    if isinstance(entry, CooperativeEntry):
        return [(("photos", i), photo.src, True) for i, photo in enumerate(entry.data.photos)]
    return [(("attachments", i), a.src, False) for i, a in enumerate(entry.data.attachments)]


def _check_files(entry: AnyEntry, content_dir: Path, facts: dict[str, FileFacts]) -> list[Problem]:
    """Images are real JPEG/PNG/WebP; attachments are real PDFs. Their facts are recorded."""
    problems = []
    for loc, src, is_image in _entry_files(entry):
        site_path = urls.asset(entry.src_uri, src)
        try:
            facts[site_path] = (inspect_image if is_image else inspect_attachment)(content_dir / site_path)
        except BadFile as bad:
            field = ".".join(str(p) for p in loc)
            problems.append(Problem(entry.path, entry.line(*loc, "src"), f"{field}.src", f"'{src}' {bad.problem}", bad.fix))
    return problems


def _check_unique(entries: list[AnyEntry]) -> list[Problem]:
    problems = []
    seen: dict[tuple[str, str], AnyEntry] = {}
    for entry in entries:
        keys = [("id", entry.id), ("URL", entry.url)]
        if isinstance(entry, DocumentEntry) and entry.data.number:
            d = entry.data
            keys.append(("document", f"{d.issuers[0]} {d.issued_year} {d.number}"))
        for what, key in keys:
            other = seen.setdefault((what, key), entry)
            if other is entry:
                continue
            field = {"id": "id", "URL": "slug", "document": "number"}[what]
            fix = {
                "id": "give each entry its own permanent id",
                "URL": "set a different 'slug:' in one of them",
                "document": "the same issuer, year and number is the same document: remove the copy",
            }[what]
            label = {"id": f"duplicate id '{key}'", "URL": f"duplicate URL /{key}", "document": f"duplicate document {key}"}[what]
            problems.append(Problem(entry.path, entry.line(field), field, f"{label}, also in {other.path}:{other.line(field)}", fix))
    return problems


def _check_generated_urls(entries: list[AnyEntry], graph: CitationGraph) -> list[Problem]:
    """An entry's URL must not be a generated page. Entries live one level below their section
    (tin-tuc/<slug>/); the only generated pages there are those of documents cited but not
    published here (van-ban/<number>/)."""
    generated = {node.url for node in graph.stubs}
    return [
        Problem(e.path, e.line("slug"), "slug", f"the URL /{e.url} is also a generated page", "set another 'slug:' on the entry")
        for e in entries
        if e.url in generated
    ]


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
    files: dict[str, FileFacts] = {}
    for entry in entries:
        problems += _check_files(entry, content_dir, files)
    problems += refs.problems
    problems += _check_unique(entries)
    problems += _check_generated_urls(entries, CitationGraph([e for e in entries if isinstance(e, DocumentEntry)]))
    errors = [p for p in problems if not p.warning]
    if errors:
        raise ContentError(problems)
    visible: list[AnyEntry] = []
    hidden: list[AnyEntry] = []
    for entry in entries:
        is_hidden = entry.draft or entry.published > now
        (hidden if is_hidden and not preview else visible).append(entry)
    warnings = sorted({p for p in problems if p.warning})
    return Catalog(registries, newest_first(visible), hidden, warnings, now, content_dir, files)
