"""Checks across entries and of the files they use, each returning problems (never raising):
files exist, are what they claim and stay inside the content folder; ids, URLs and document
identities are unique; no URL is a generated page; dates look like real dates; a report names a
task the assigning document has. Also: why an entry that is valid is not published (yet)."""

from __future__ import annotations

import difflib
from datetime import datetime, timedelta
from pathlib import Path

from ..common import urls
from ..common.messages import problem, t
from ..common.problems import Problem
from ..common.vietnamese import date_line, short_date
from ..content.entries import AnyEntry, DocumentEntry
from ..content.entry import id_words
from ..content.files import BadFile, FileFacts, FileRef, inspect_attachment, inspect_image
from ..content.registries import Registries
from ..content.tree import inside
from .graph import CitationGraph
from .tasks import find_task


def check_files(entry: AnyEntry, refs: list[FileRef], content_dir: Path, facts: dict[str, FileFacts], max_pixels: int) -> list[Problem]:
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
            near = near_files(target, ref.src)
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


def near_files(target: Path, written: str) -> list[str]:
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


def check_unique(entries: list[AnyEntry], now: datetime) -> list[Problem]:
    """Duplicate ids, URLs and document identities. The entry blamed is the one not yet published
    or else the newer one: giving IT a new id never republishes an old article to feed readers."""
    problems = []
    seen: dict[tuple[str, str], AnyEntry] = {}

    def settled(entry: AnyEntry) -> tuple:
        return (entry.draft or entry.published > now, entry.published, entry.path)

    for entry in sorted(entries, key=settled):
        keys = [("id", entry.id), ("URL", entry.url)]
        if entry.identity is not None:
            keys.append(("document", entry.identity))
        for what, key in keys:
            other = seen.setdefault((what, key), entry)
            if other is entry:
                continue
            field = {"id": "id", "URL": "slug", "document": "number"}[what]
            where = f"{other.path}:{other.line(field)}"
            if what == "id":
                suggestion = entry.new_id(id_words(Path(entry.src_uri).stem), entry.published)
                message = problem("dup.id", id=key, other=where, date=short_date(other.published), suggestion=suggestion)
            elif what == "URL":
                message = problem("dup.url", url=key, other=where)
            else:
                message = problem("dup.document", key=key, other=where)
            problems.append(Problem(entry.path, entry.line(field), field, *message))
    return problems


def check_generated_urls(entries: list[AnyEntry], documents: list[DocumentEntry]) -> list[Problem]:
    """An entry's URL must not be a generated page. Entries live one level below their section
    (tin-tuc/<slug>/); the only generated pages there are those of documents cited but not
    published here (van-ban/<number>/)."""
    generated = {node.url for node in CitationGraph(documents).stubs} | {urls.DOCUMENT_UPDATES, urls.TASKS}
    return [Problem(e.path, e.line("slug"), "slug", *problem("url.generated", url=e.url)) for e in entries if e.url in generated]


def why_unpublished(entry: AnyEntry, now: datetime) -> Problem:
    """Nothing vanishes silently: why an entry is not on the site (a note, not an error)."""
    if entry.draft:
        return Problem(entry.path, entry.line("draft"), "draft", *problem("hidden.draft"))
    when = f"{entry.published:%H:%M} {date_line(entry.published)}"
    return Problem(entry.path, entry.line(entry.date_field), entry.date_field, *problem("hidden.scheduled", when=when))


def check_completions(documents: list[DocumentEntry]) -> list[Problem]:
    """A report's `completes:` names a task the assigning document has (by number or id). An
    unknown document is reported with the other references."""
    by_id = {e.id: e for e in documents}
    found = []
    for entry in documents:
        for i, completion in enumerate(entry.data.completes):
            target = by_id.get(completion.document)
            if target is None or find_task(target.data.tasks, completion.task) is not None:
                continue
            ids = [task.id for task in target.data.tasks if task.id]
            named = f"; id: {', '.join(ids)}" if ids else ""
            message = problem("doc.task_unknown", document=completion.document, task=completion.task, count=len(target.data.tasks), ids=named)
            found.append(Problem(entry.path, entry.line("completes", i, "task"), f"completes.{i + 1}.task", *message))
    return found


def check_reviews(documents: list[DocumentEntry], registries: Registries) -> list[Problem]:
    """What the importer was not sure of, and the agencies it proposed: warnings until an editor has
    checked them against the original and removed the `review` lines."""
    found = [Problem(e.path, e.line("review", i), f"review.{i + 1}", *problem("review.item", text=note), warning=True)
             for e in documents for i, note in enumerate(e.data.review)]  # fmt: skip
    for agency in registries.agencies.values():
        if agency.review:
            path, line = registries.origins[("agencies", agency.id)]
            found.append(Problem(path, line, f"{agency.id}.review", *problem("review.agency", text=agency.review), warning=True))
    return found


def check_dates(entries: list[AnyEntry], now: datetime) -> list[Problem]:
    """A date more than a year ahead (unless `scheduled: true` says it is meant), or before 1945, is
    most likely a typo in the year."""
    found = []
    for entry in entries:
        field, when = entry.date_field, entry.published
        if when > now + timedelta(days=365) and not entry.data.scheduled:  # an error: the entry would silently wait years
            found.append(Problem(entry.path, entry.line(field), field, *problem("date.far_future", date=short_date(when))))
        elif when.year < 1945:
            found.append(Problem(entry.path, entry.line(field), field, *problem("date.too_old", date=short_date(when)), warning=True))
    return found
