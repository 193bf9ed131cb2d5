"""Which output files show which entries: the map an incremental rebuild needs.

Pages record what they show while they are made (``Cards.recording``); a feed shows the
newest entries of its list, up to the feed limit; the registry's index JSON files show every
document or cooperative. When an entry's title, summary or any other field shown in lists
changes, exactly the files ``pages_showing(entry_id)`` names change."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection

from ..common import urls
from .listing import FEED_FORMATS
from .listings import Listings
from .siteviews import SiteViews


class DependencyMap:
    def __init__(self) -> None:
        self.shows: dict[str, set[str]] = {}  # output file (path in the site folder) → ids of the entries it shows
        self._showing: dict[str, set[str]] | None = None

    def add(self, output: str, entry_ids: set[str]) -> None:
        self.shows[output] = set(entry_ids)
        self._showing = None

    def showing_any(self, entry_ids: Collection[str]) -> set[str]:
        """Every output file that shows any of these entries: for a few, one pass over the files (the
        index of ``pages_showing`` costs a pass over every file's entries: 0.1 s at 10,000 articles)."""
        if self._showing is None and len(entry_ids) <= 8:
            return {output for output, ids in self.shows.items() if not ids.isdisjoint(entry_ids)}
        return set().union(*(self.pages_showing(i) for i in entry_ids))

    def pages_showing(self, entry_id: str) -> set[str]:
        """Every output file (page, feed, data file) that shows this entry."""
        if self._showing is None:
            showing: dict[str, set[str]] = defaultdict(set)
            for output, ids in self.shows.items():
                for i in ids:
                    showing[i].add(output)
            self._showing = showing
        return set(self._showing.get(entry_id, set()))


def dependency_map(views: SiteViews, listings: Listings, feed_limit: int, kept: DependencyMap | None = None) -> DependencyMap:
    """What every output file shows; the pages of entries the views did not make show what they
    showed in ``kept`` (the previous build's map: views/incremental.py, ``unaffected``)."""
    deps = DependencyMap()
    for page in views.pages.values():
        deps.add(urls.output(page.url), page.shows)
    for entry in views.catalog.entries:
        path = urls.output(entry.url)
        if (made := views.entry_pages.get(entry.id)) is not None:
            deps.add(path, made.shows)
        elif kept is not None and path in kept.shows:
            deps.add(path, kept.shows[path])
        else:  # the build decides which pages it does not make from the map it keeps: this is a bug
            raise RuntimeError(f"the page of {entry.id} was neither made nor kept")
    for listing in listings:
        if listing.notices is not None:
            shown = {i for notice in listing.notices[:feed_limit] for i in notice.shows}
        else:
            shown = {e.id for e in listing.entries[:feed_limit]}
        for fmt in FEED_FORMATS:
            deps.add(listing.feed_path(fmt), shown)
        if listing.calendar_path is not None:
            deps.add(listing.calendar_path, {e.id for e in listing.events or []})
    for event in views.catalog.events:  # an event's own calendar
        deps.add(urls.calendar(event.url), {event.id})
    deps.add(urls.DOCUMENT_INDEX, {e.id for e in listings["type:document"].entries})
    for path in views.open_files:  # the open-data tables hold every document
        deps.add(path, {e.id for e in listings["type:document"].entries})
    deps.add(urls.COOPERATIVE_INDEX, {e.id for e in listings["type:cooperative"].entries})
    return deps
