"""Loading and validation: content files → entries → the catalog, or one report of every problem.

Every check runs before any page is built and adds to the same list: registries, the folder
(links leaving it, types that are not published), front matter, the schema (reading.py),
references (references.py), files, duplicate ids and identities, URLs that clash with each other
or with a generated page, dates and completions (checks.py)."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from ..common import urls
from ..common.problems import ContentError, Problem
from ..common.vietnamese import VN_TZ
from ..content.datasets import read_datasets
from ..content.entries import AnyEntry, DocumentEntry, newest_first
from ..content.files import MAX_PIXELS, FileFacts
from ..content.frontmatter import MAX_BODY
from ..content.partners import load_snapshot
from ..content.polls import read_polls
from ..content.registries import load_registries
from ..content.schema import parse_datetime
from ..content.tree import scan
from .catalog import Catalog
from .checks import check_completions, check_dates, check_files, check_generated_urls, check_reviews, check_unique, why_unpublished
from .figurechecks import check_datasets, check_embedded
from .reading import read_entries
from .references import RefChecker, check_entry, check_registries


def resolve_now(configured: str | None = None) -> datetime:
    """ "Now" for the publishing rules: $PORTAL_NOW, else the configured value, else the clock."""
    value = os.environ.get("PORTAL_NOW") or configured
    return parse_datetime(value) if value else datetime.now(VN_TZ)


def load_catalog(content_dir: Path | str, now: datetime, preview: bool = False, max_pixels: int = MAX_PIXELS, max_body: int = MAX_BODY) -> Catalog:
    """Load, validate and index the content; raise ContentError listing every problem."""
    content_dir = Path(content_dir)
    registries, problems = load_registries(content_dir)
    problems += scan(content_dir)
    sources, found = read_entries(content_dir, max_body)
    problems += found
    entries = [s.entry for s in sources if s.entry is not None]
    documents = [e for e in entries if isinstance(e, DocumentEntry)]
    refs = RefChecker(registries, sources)
    check_registries(registries, refs)
    for source in sources:
        check_entry(source, refs)
    datasets, found = read_datasets(content_dir)  # the figures editors supply (content/so-lieu/)
    problems += found
    check_datasets(datasets, refs)
    polls, found = read_polls(content_dir)  # reader polls (content/khao-sat/)
    problems += found
    for poll in polls.values():
        refs.check("article", poll.data.articles, poll.path, poll.line("articles"), "articles")
    partner_news, found = load_snapshot(content_dir)  # the partners' news: only the committed snapshot, never the network
    problems += found
    files: dict[str, FileFacts] = {}
    images: dict[str, list[str]] = {}
    for entry in entries:
        used = entry.files()  # the body is read for images once, here
        images[entry.id] = [urls.asset(entry.src_uri, ref.src) for ref in used if ref.image]
        problems += check_files(entry, used, content_dir, files, max_pixels)
    problems += refs.problems
    problems += check_unique(entries, now)
    problems += check_dates(entries, now)
    problems += check_completions(documents)
    problems += check_reviews(documents, registries)
    problems += check_generated_urls(entries, documents)
    problems += check_embedded(entries, datasets)
    if [p for p in problems if not p.warning]:
        raise ContentError(problems)
    visible: list[AnyEntry] = []
    hidden: list[AnyEntry] = []
    for entry in entries:
        is_hidden = entry.draft or entry.published > now
        (hidden if is_hidden and not preview else visible).append(entry)
    warnings: list[Problem] = sorted({p for p in problems if p.warning})
    unpublished = sorted(why_unpublished(e, now) for e in entries if e.draft or e.published > now)
    return Catalog(
        registries, newest_first(visible), hidden, warnings, now, content_dir, files, unpublished, images, datasets, polls=polls, partner_news=partner_news
    )
