"""Loading and validation: content files → entries → the catalog, or one report of every problem.

Every check runs before any page is built and adds to the same list: registries, front
matter, the schema, references, files, duplicate ids and identities, and URLs that clash
with each other or with a generated page."""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..common import urls
from ..common.messages import problem, t
from ..common.problems import ContentError, Problem
from ..common.vietnamese import VN_TZ, date_line, name_key, short_date, slugify
from ..content.entries import ENTRY_TYPES, AnyEntry, ArticleEntry, CooperativeEntry, DocumentEntry, newest_first
from ..content.files import MAX_PIXELS, BadFile, FileFacts, inspect_attachment, inspect_image
from ..content.frontmatter import MAX_BODY, Parsed, read_markdown
from ..content.registries import Registries, load_registries
from ..content.schema import PLACEHOLDERS, parse_datetime, problems_from
from ..content.tree import inside, scan
from .catalog import Catalog
from .graph import CitationGraph
from .tasks import find_task


@dataclass
class _Source:
    """One Markdown file whose front matter parsed, valid or not (refs are checked on both)."""

    kind: str
    parsed: Parsed
    path: str
    entry: AnyEntry | None


# Files read by earlier builds of this process (the preview's rebuilds), by path: reused while the
# file's size and modification time stay the same. Entries are never changed after they are read.
_READ: dict[str, tuple[tuple, _Source, list[Problem]]] = {}


def _read_entries(content_dir: Path, max_body: int = MAX_BODY) -> tuple[list[_Source], list[Problem]]:
    sources: list[_Source] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for section, kind in urls.SECTIONS.items():
        folder = content_dir / section
        if not folder.is_dir():
            continue
        entry_type = ENTRY_TYPES[kind]
        for file in sorted(folder.rglob("*.md")):
            if not inside(file, content_dir):
                continue  # a link that leaves the content folder: reported by contentfiles.scan
            src_uri = file.relative_to(content_dir).as_posix()
            display = f"{content_dir.name}/{src_uri}"
            stat = file.stat()
            stamp = (stat.st_mtime_ns, stat.st_size, display, os.environ.get("PORTAL_LANG"), max_body)
            seen.add(str(file))
            if (known := _READ.get(str(file))) is not None and known[0] == stamp:
                sources.append(known[1])
                problems += known[2]
                continue
            parsed, found = read_markdown(file, display, max_body)
            if parsed is None:
                problems += found
                continue
            entry = None
            try:
                data = entry_type.model.model_validate(parsed.data)
                entry = entry_type(data, display, src_uri, parsed.body, parsed)  # type: ignore[arg-type]
            except ValidationError as exc:
                found += problems_from(exc, entry_type.model, parsed, display)
            source = _Source(kind, parsed, display, entry)
            _READ[str(file)] = (stamp, source, found)
            sources.append(source)
            problems += found
    for gone in _READ.keys() - seen:
        if gone.startswith(str(content_dir)):
            del _READ[gone]
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


MAX_CHECKED = 500  # ids of one field checked at most (every list field is bounded lower: models.py)


def _fold(text: str) -> str:
    """A name as a key that ignores accents, case, spacing and usual abbreviations (HTX, UBND…)."""
    return slugify(name_key(text))


class _RefChecker:
    """Checks that ids point at something. One problem, one message: a name written instead of
    an id gets the real id (accents and abbreviations ignored); a near miss gets "did you mean"."""

    def __init__(self, registries: Registries, sources: list[_Source]):
        entries = [s.entry for s in sources if s.entry is not None]
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
        # an entry whose file exists but is invalid is reported there, not again at every mention
        self.reported: dict[str, set[str]] = {s.kind: set() for s in sources}
        for source in sources:
            if source.entry is None and isinstance(source.parsed.data.get("id"), str):
                self.reported[source.kind].add(source.parsed.data["id"])
        self._names: dict[str, dict[str, tuple[str, str]]] = {}
        self.problems: list[Problem] = []

    def names(self, table: str) -> dict[str, tuple[str, str]]:
        """folded name → (id, name) for every name, short name, alias or number of an item."""
        if table not in self._names:
            found: dict[str, tuple[str, str]] = {}
            for item_id, item in self.tables[table].items():
                if isinstance(item, DocumentEntry):
                    spellings = [item.data.number or "", item.title]
                elif isinstance(item, CooperativeEntry):
                    spellings = [item.data.name]
                else:
                    spellings = [getattr(item, a) or "" for a in ("name", "short_name", "title") if hasattr(item, a)]
                    spellings += list(getattr(item, "aliases", []))
                    if table == "province":
                        spellings.append(item.name.removeprefix("Tỉnh ").removeprefix("Thành phố "))
                label = getattr(item, "name", None) or getattr(item, "title", item_id)
                for spelling in spellings:
                    if spelling:
                        found.setdefault(_fold(spelling), (item_id, label))
            self._names[table] = found
        return self._names[table]

    def check(self, table: str, value: Any, path: str, line: int, field: str) -> None:
        values = value if isinstance(value, (list, tuple)) else [value]
        if len(values) > MAX_CHECKED:
            return  # far over any list's bound: the schema reports the length, not thousands of unknown ids
        known = self.tables[table]
        for index, ref in enumerate(values):
            if ref is None or ref in known or ref in self.reported.get(table, ()) or ref in PLACEHOLDERS:  # placeholders: reported by the schema
                continue
            where = f"{field}.{index}" if isinstance(value, (list, tuple)) else field
            what = t(f"what.{table}")
            folded, names = _fold(str(ref)), self.names(table)
            near_name = difflib.get_close_matches(folded, list(names), n=1, cutoff=0.85)
            fallback = t("ref.add", file=REGISTRY_FILES[table]) if table in REGISTRY_FILES else t("ref.entry", what=what)
            if folded in names and folded != ref:  # a name (any accents, case, HTX/UBND…) instead of the id
                fix = t("ref.by_name", id=names[folded][0], name=names[folded][1])
            elif near_id := difflib.get_close_matches(str(ref), list(known), n=1, cutoff=0.6):
                fix = t("did_you_mean", value=near_id[0])  # a typo in the id
            elif near_name:  # a name with a typo
                fix = t("ref.by_name", id=names[near_name[0]][0], name=names[near_name[0]][1])
            else:
                fix = fallback
            self.problems.append(Problem(path, line, where, *problem("ref.unknown", what=what, value=ref, fix=fix)))


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
    for i, completion in enumerate(d.completes):
        refs.check("document", completion.document, entry.path, line(("completes", i, "document")), f"completes.{i}.document")
    for i, task in enumerate(d.tasks):
        refs.check("agency", task.lead, entry.path, line(("tasks", i, "lead")), f"tasks.{i}.lead")
        refs.check("agency", task.partners, entry.path, line(("tasks", i, "partners")), f"tasks.{i}.partners")


@dataclass
class _FileRef:
    field: str  # "cover.src", "photos.0.src", "attachments.1.src", "body"
    line: int
    src: str  # as written, relative to the Markdown file
    image: bool
    alt: str | None  # the alt text an image has (None: none)


BODY_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]+)(?:\s+\"[^\"]*\")?\)|<img\b(?P<attrs>[^>]*)>", re.I)
_ATTR = re.compile(r"""\b(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)


def _body_images(entry: AnyEntry) -> list[_FileRef]:
    """Images of the body (Markdown ![alt](src) and <img>), local ones only."""
    found = []
    for match in BODY_IMAGE.finditer(entry.body):
        if match["attrs"] is not None:
            attrs = {m[1].lower(): m[2] or m[3] or m[4] or "" for m in _ATTR.finditer(match["attrs"])}
            src, alt = attrs.get("src", ""), attrs.get("alt")
        else:
            src, alt = match["src"], match["alt"]
        if not src or re.match(r"^([a-z]+:|//|#)", src, re.I):
            continue  # another host (the sanitiser and the browser deal with it) or an anchor
        line = entry.parsed.body_line + entry.body.count("\n", 0, match.start())
        found.append(_FileRef("body", line, src, True, alt.strip() if alt and alt.strip() else None))
    return found


def _entry_files(entry: AnyEntry) -> list[_FileRef]:
    """Every file an entry uses: cover, photos or attachments, and the body's images."""
    refs: list[_FileRef] = []
    if isinstance(entry, ArticleEntry) and entry.data.cover:
        cover = entry.data.cover
        refs.append(_FileRef("cover.src", entry.line("cover", "src"), cover.src, True, cover.alt))
    elif isinstance(entry, CooperativeEntry):
        refs += [_FileRef(f"photos.{i}.src", entry.line("photos", i, "src"), p.src, True, p.alt) for i, p in enumerate(entry.data.photos)]
    elif isinstance(entry, DocumentEntry):
        refs += [_FileRef(f"attachments.{i}.src", entry.line("attachments", i, "src"), a.src, False, "")
                 for i, a in enumerate(entry.data.attachments)]  # fmt: skip
    return refs + _body_images(entry)


def _check_files(entry: AnyEntry, refs: list[_FileRef], content_dir: Path, facts: dict[str, FileFacts], max_pixels: int) -> list[Problem]:
    """Images are real JPEG/PNG/WebP within the pixel limit; attachments are real PDFs; a cover has
    alt text (a body image without one is a warning). Facts are recorded. A missing file says where
    it was looked for and which existing files have a near name."""
    problems = []
    for ref in refs:
        site_path = urls.asset(entry.src_uri, ref.src)
        target = content_dir / site_path
        if site_path.startswith("../") or site_path == ".." or not inside(target, content_dir):  # absolute, ../.., or a link out
            problems.append(Problem(entry.path, ref.line, ref.field, *problem("file.outside", src=ref.src, content=content_dir.name)))
            continue
        if not target.is_file():
            near = _near_files(target, ref.src)
            fix = t("file.closest", names=", ".join(f"'{n}'" for n in near)) if near else t("image.missing.fix" if ref.image else "file.missing.fix")
            what, fix = problem("image.missing", looked=f"{content_dir.name}/{site_path}", fix=fix)
            problems.append(Problem(entry.path, ref.line, ref.field, f"'{ref.src}' {what}", fix))
            continue
        try:
            facts[site_path] = inspect_image(target, max_pixels) if ref.image else inspect_attachment(target)
        except BadFile as bad:
            problems.append(Problem(entry.path, ref.line, ref.field, f"'{ref.src}' {bad.problem}", bad.fix))
            continue
        if ref.image and ref.alt is None:
            if ref.field == "body":
                problems.append(Problem(entry.path, ref.line, "body", *problem("image.no_alt_body", src=ref.src), warning=True))
            else:
                field = ref.field.removesuffix(".src") + ".alt"
                problems.append(Problem(entry.path, ref.line, field, *problem("image.no_alt")))
    return problems


def _near_files(target: Path, written: str) -> list[str]:
    """Existing files of the same folder whose names are close to the one written, as the editor
    would write them (relative to the Markdown file)."""
    if not target.parent.is_dir():
        return []
    names = sorted(p.name for p in target.parent.iterdir() if p.is_file())
    stem = target.stem
    # "mat-ong-bac-ha" → "mat-ong-bac-ha-quan-ba" first, then names a few letters off
    close = [n for n in names if Path(n).stem.startswith(stem) or stem.startswith(Path(n).stem)]
    by_stem = {Path(n).stem: n for n in names}
    close += [by_stem[s] for s in difflib.get_close_matches(stem, list(by_stem), n=3, cutoff=0.8) if by_stem[s] not in close]
    folder = written.rsplit("/", 1)[0] + "/" if "/" in written else ""
    return [folder + n for n in close[:3]]


def _check_unique(entries: list[AnyEntry], now: datetime) -> list[Problem]:
    """Duplicate ids, URLs and document identities. The entry blamed is the one not yet published
    or else the newer one: giving IT a new id never republishes an old article to feed readers."""
    problems = []
    seen: dict[tuple[str, str], AnyEntry] = {}

    def settled(entry: AnyEntry) -> tuple:
        return (entry.draft or entry.published > now, entry.published, entry.path)

    for entry in sorted(entries, key=settled):
        keys = [("id", entry.id), ("URL", entry.url)]
        if isinstance(entry, DocumentEntry) and entry.data.number:
            d = entry.data
            keys.append(("document", f"{d.issuers[0]} {d.issued_year} {d.number}"))
        for what, key in keys:
            other = seen.setdefault((what, key), entry)
            if other is entry:
                continue
            field = {"id": "id", "URL": "slug", "document": "number"}[what]
            where = f"{other.path}:{other.line(field)}"
            if what == "id":
                message = problem("dup.id", id=key, other=where, date=short_date(other.published), suggestion=fresh_id(entry))
            elif what == "URL":
                message = problem("dup.url", url=key, other=where)
            else:
                message = problem("dup.document", key=key, other=where)
            problems.append(Problem(entry.path, entry.line(field), field, *message))
    return problems


def fresh_id(entry: AnyEntry) -> str:
    """A new permanent id in the usual shape, from the entry's own date and file name."""
    words = "-".join(slugify(Path(entry.src_uri).stem).split("-")[:6])
    prefix = {"article": "tin", "cooperative": "htx", "document": "vb"}[entry.kind]
    return f"{prefix}-{entry.published:%Y-%m-%d}-{words}"


def _check_generated_urls(entries: list[AnyEntry], graph: CitationGraph) -> list[Problem]:
    """An entry's URL must not be a generated page. Entries live one level below their section
    (tin-tuc/<slug>/); the only generated pages there are those of documents cited but not
    published here (van-ban/<number>/)."""
    generated = {node.url for node in graph.stubs} | {urls.DOCUMENT_UPDATES, urls.TASKS}
    return [
        Problem(e.path, e.line("slug"), "slug", f"the URL /{e.url} is also a generated page", "set another 'slug:' on the entry")
        for e in entries
        if e.url in generated
    ]


def resolve_now(configured: str | None = None) -> datetime:
    """ "Now" for the publishing rules: $PORTAL_NOW, else the configured value, else the clock."""
    value = os.environ.get("PORTAL_NOW") or configured
    return parse_datetime(value) if value else datetime.now(VN_TZ)


def load_catalog(content_dir: Path | str, now: datetime, preview: bool = False, max_pixels: int = MAX_PIXELS, max_body: int = MAX_BODY) -> Catalog:
    """Load, validate and index the content; raise ContentError listing every problem."""
    content_dir = Path(content_dir)
    registries, problems = load_registries(content_dir)
    problems += scan(content_dir)
    sources, found = _read_entries(content_dir, max_body)
    problems += found
    entries = [s.entry for s in sources if s.entry is not None]
    refs = _RefChecker(registries, sources)
    _check_registries(registries, refs)
    for source in sources:
        _check_refs(source, refs)
    files: dict[str, FileFacts] = {}
    images: dict[str, list[str]] = {}
    for entry in entries:
        used = _entry_files(entry)  # the body is read for images once, here
        images[entry.id] = [urls.asset(entry.src_uri, ref.src) for ref in used if ref.image]
        problems += _check_files(entry, used, content_dir, files, max_pixels)
    problems += refs.problems
    problems += _check_unique(entries, now)
    problems += _check_dates(entries, now)
    problems += _check_completions(entries)
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
    unpublished = sorted(_why_unpublished(e, now) for e in entries if e.draft or e.published > now)
    return Catalog(registries, newest_first(visible), hidden, warnings, now, content_dir, files, unpublished, images)


def _why_unpublished(entry: AnyEntry, now: datetime) -> Problem:
    """Nothing vanishes silently: why an entry is not on the site (a note, not an error)."""
    if entry.draft:
        return Problem(entry.path, entry.line("draft"), "draft", *problem("hidden.draft"))
    when = f"{entry.published:%H:%M} {date_line(entry.published)}"
    return Problem(entry.path, entry.line("date"), "date", *problem("hidden.scheduled", when=when))


def _check_completions(entries: list[AnyEntry]) -> list[Problem]:
    """A report's `completes:` names a task the assigning document has (by number or id). An
    unknown document is reported with the other references."""
    documents = {e.id: e for e in entries if isinstance(e, DocumentEntry)}
    found = []
    for entry in documents.values():
        for i, completion in enumerate(entry.data.completes):
            target = documents.get(completion.document)
            if target is None or find_task(target.data.tasks, completion.task) is not None:
                continue
            ids = [task.id for task in target.data.tasks if task.id]
            named = f"; id: {', '.join(ids)}" if ids else ""
            message = problem("doc.task_unknown", document=completion.document, task=completion.task, count=len(target.data.tasks), ids=named)
            found.append(Problem(entry.path, entry.line("completes", i, "task"), f"completes.{i}.task", *message))
    return found


def _check_dates(entries: list[AnyEntry], now: datetime) -> list[Problem]:
    """A date more than a year ahead, or before 1945, is most likely a typo in the year."""
    found = []
    for entry in entries:
        field = "date" if not isinstance(entry, DocumentEntry) or entry.data.date else "issued"
        when = entry.published
        if when > now + timedelta(days=365):
            found.append(Problem(entry.path, entry.line(field), field, *problem("date.far_future", date=short_date(when)), warning=True))
        elif when.year < 1945:
            found.append(Problem(entry.path, entry.line(field), field, *problem("date.too_old", date=short_date(when)), warning=True))
    return found
