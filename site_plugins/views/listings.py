"""The site's lists, as declared once (listing.py, declarations.py), by key and by page URL."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from ..catalog.catalog import Catalog
from ..common.vocabulary import TYPE_NAMES
from .declarations import declarations
from .listing import GROUPS, Listing


class Listings:
    """The declarations, in the order the /feeds/ page shows them within each group."""

    def __init__(self, catalog: Catalog, site_name: str):
        self.catalog, self.site_name = catalog, site_name
        self.all: dict[str, Listing] = {}
        for listing in declarations(catalog, site_name):
            self._add(listing)
        self.by_url: dict[str, list[Listing]] = defaultdict(list)
        for listing in self.all.values():
            self.by_url[listing.url].append(listing)

    def __iter__(self) -> Iterator[Listing]:
        return iter(self.all.values())

    def __getitem__(self, key: str) -> Listing:
        return self.all[key]

    def with_pages(self) -> list[Listing]:
        return [x for x in self if x.layout]

    def advertised(self, url: str) -> list[Listing]:
        """The feeds a page at ``url`` (the first page of a list) advertises: its own lists', then the site's."""
        own = [x for x in self.by_url.get(url, []) if x.key != "site"]
        return [*own, self.all["site"]]

    def grouped(self) -> list[tuple[str, list[Listing]]]:
        groups = [(label, [x for x in self if x.group == group]) for group, label in GROUPS.items()]
        return [(label, members) for label, members in groups if members]

    def _add(self, listing: Listing) -> None:
        if listing.key in self.all:
            raise ValueError(f"two lists declared as {listing.key}")
        self.all[listing.key] = listing

    # what the registry's filters offer --------------------------------------------------------
    def document_types(self) -> list[str]:
        """Types that have documents, in the vocabulary's order."""
        present = {x.subject for x in self if x.kind == "doctype"}
        return [t for t in TYPE_NAMES if t in present]
