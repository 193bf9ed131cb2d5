"""Display-ready data for one entry: the card in a list and the context of its own page.

Python builds the data, Jinja (theme/portal/*.html) lays it out. Cards also keep the
dependency map of pages: while a page is being made (``recording``), every entry turned into
display data is noted as shown on that page."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..catalog.catalog import Catalog
from ..catalog.tasks import TrackedTask
from ..common import urls
from ..common.messages import t
from ..common.vietnamese import date_line, short_date, sort_key
from ..content.entries import AnyEntry, CooperativeEntry, DocumentEntry
from ..content.registries import AGENCY_KINDS, LEVELS
from ..media.media import Media
from .lifespans import agency_end

SECTION_LIMIT = 30  # items in a section of an entry or agency page; the full lists are the paginated pages


def capped(items: list, make: Callable[[Any], Any] = lambda x: x, limit: int = SECTION_LIMIT) -> dict:
    """The first ``limit`` items (made displayable) and how many there are in all: a section
    of a page never grows with the site."""
    return {"items": [make(x) for x in items[:limit]], "total": len(items)}


def link(url: str, title: str, **extra: Any) -> dict:
    return {"url": url, "title": title, **extra}


class Cards:
    def __init__(self, catalog: Catalog, media: Media | None = None):
        self.catalog = catalog
        self.media = media or Media()
        self.reg = catalog.registries
        self._cards: dict[str, dict] = {}  # an entry's card is shown on many pages: make it once
        self._shown: set[str] | None = None

    @contextmanager
    def recording(self) -> Iterator[set[str]]:
        """Collect the ids of every entry shown while making one page."""
        self._shown = shown = set[str]()
        try:
            yield shown
        finally:
            self._shown = None

    def saw(self, entry: AnyEntry) -> None:
        if self._shown is not None:
            self._shown.add(entry.id)

    # links to registry items ------------------------------------------------------------------
    def agency(self, agency_id: str) -> dict:
        a = self.reg.agencies[agency_id]
        return link(urls.agency(a.id), a.name, short=a.short_name or a.name, id=a.id)

    def province(self, province_id: str) -> dict:
        p = self.reg.provinces[province_id]
        return link(urls.province(p.id), p.name)

    def column(self, column_id: str) -> dict:
        return link(urls.column(column_id), self.reg.columns[column_id].title)

    def tag(self, tag_id: str) -> dict:
        return link(urls.tag(tag_id), self.reg.tags[tag_id].title)

    def sector(self, sector_id: str) -> dict:
        return link(urls.sector(sector_id), self.reg.sectors[sector_id].title)

    def campaign(self, campaign_id: str) -> dict:
        return link(urls.campaign(campaign_id), self.reg.campaigns[campaign_id].title)

    def entry_link(self, entry_id: str) -> dict | None:
        entry = self.catalog.by_id.get(entry_id)
        if entry is None:
            return None
        self.saw(entry)
        return link(entry.url, entry.headline)

    def title_link(self, entry: AnyEntry) -> dict:
        self.saw(entry)
        return link(entry.url, entry.title)

    # cards ------------------------------------------------------------------------------------
    def card(self, entry: AnyEntry) -> dict:
        self.saw(entry)
        if entry.id not in self._cards:
            self._cards[entry.id] = self._make_card(entry)
        return self._cards[entry.id]

    def _make_card(self, entry: AnyEntry) -> dict:
        cover = entry.cover()
        table, ids = entry.origin()
        if table == "agency":
            source = ", ".join(self.agency(a)["short"] for a in ids)
        else:
            source = ", ".join(self.reg.provinces[p].name for p in ids)
        year = entry.undated_year  # a draft document: only the year is known
        return {
            "url": entry.url,
            "title": entry.headline,
            "kind": entry.kind,
            "kind_label": entry.label,
            "section": entry.kicker(self.reg),
            "mark": self.mark(entry),
            "summary": entry.summary,
            "date_line": f"Năm {year}" if year else date_line(entry.published),
            "short_date": str(year) if year else short_date(entry.published),
            "iso_date": entry.published.isoformat(),
            "cover": self.image(urls.asset(entry.src_uri, cover.src), cover.alt or entry.title) if cover else None,
            "source": source,
        }

    def image(self, path: str, alt: str) -> dict:
        """An image as the templates lay it out: its renditions (srcset per format), the small
        fallback for lists, its size. Without renditions (views built outside a build) the path."""
        picture = self.media.pictures.get(path)
        if picture is None:
            return {"url": urls.file_url(path), "alt": alt, "sources": [], "width": None, "height": None}
        return {"url": picture.best(picture.fallback, 480).path, "large": picture.best(picture.fallback, 960).path, "alt": alt,
                "sources": picture.sources(), "width": picture.width, "height": picture.height}  # fmt: skip

    def mark(self, entry: AnyEntry) -> str:
        """ "NHÁP" / "HẸN GIỜ" on an entry a preview shows but the site would not (yet) publish."""
        if entry.draft:
            return t("preview.draft")
        return t("preview.scheduled") if entry.published > self.catalog.now else ""

    def cards(self, entries: Iterable[AnyEntry]) -> list[dict]:
        return [self.card(e) for e in entries]

    def shown(self, entries: list[AnyEntry]) -> list[AnyEntry]:
        """Entries whose data a page uses without showing each as a card or row (a filter's choices)."""
        for entry in entries:
            self.saw(entry)
        return entries

    def row(self, entry: AnyEntry) -> dict:
        """A table row: a document's or a cooperative's (lists of them are tables)."""
        if isinstance(entry, DocumentEntry):
            return self.document_row(entry)
        if isinstance(entry, CooperativeEntry):
            return self.cooperative_row(entry)
        raise TypeError(f"no table row for a {entry.kind}")

    def document_row(self, entry: DocumentEntry) -> dict:
        d = entry.data
        return {
            **self.card(entry),
            "number": entry.number,
            "type": d.type,
            "year": d.issued_year,
            "issuers": [self.agency(a) for a in d.issuers],
            "status": self.catalog.legal[entry.id].status,
            "status_label": self.catalog.legal[entry.id].label,
            "issued": short_date(d.issued) if d.issued else f"{d.issued_year} (chưa ghi ngày)",
            "doc_summary": d.summary,
        }

    def cooperative_row(self, entry: CooperativeEntry) -> dict:
        d = entry.data
        return {
            **self.card(entry),
            "province": self.province(d.province),
            "province_id": d.province,
            "sectors": [self.sector(s) for s in d.sectors],
            "sector_ids": " ".join(d.sectors),
            "ocop_stars": max((o.stars for o in d.ocop), default=0),
            "new_model": d.new_model,
            "kind_name": d.kind,
        }

    def task(self, tracked: TrackedTask) -> dict:
        t = tracked.task
        return {
            "number": tracked.number,
            "anchor": tracked.anchor,
            "text": t.text,
            "status": tracked.status,
            "label": tracked.label,
            "due": short_date(tracked.due) if tracked.due else None,
            "due_iso": tracked.due.isoformat() if tracked.due else "",
            "done": short_date(tracked.done) if tracked.done else None,
            "reported_by": self.title_link(tracked.reported_by) if tracked.reported_by else None,
            "deadline": t.deadline,
            "funding": t.funding,
            "leads": [self.agency(a) for a in t.lead],
            "lead_ids": " ".join(t.lead),
            "partner_ids": " ".join(t.partners),
            "lead_name": t.lead_name,
            "partners": [self.agency(p) for p in t.partners],
            "source": {"url": tracked.document.url, "title": tracked.document.title, "number": tracked.document.data.number or tracked.document.title},
        }

    # agencies --------------------------------------------------------------------------------
    def agency_facts(self, agency_id: str) -> dict:
        a = self.reg.agencies[agency_id]
        return {
            "agency": a,
            "level": LEVELS[a.level],
            "dissolved": short_date(a.dissolved) if a.dissolved else None,
            "ended": agency_end(a, self.reg, self.catalog.now.date()),  # the notice under the title
            "kind": AGENCY_KINDS[a.kind],
            "parent": self.agency(a.parent) if a.parent else None,
            "province": self.province(a.province) if a.province else None,
            "successors": [{**self.agency(s.id), "date": short_date(s.date), "note": s.note} for s in a.successors],
            "predecessors": [
                {**self.agency(p), "date": short_date(step.date), "note": step.note}
                for p, step in self.catalog.predecessors.get(agency_id, [])
                if p in self.reg.agencies
            ],
            "children": [self.agency(c) for c in sorted(self.catalog.children.get(agency_id, []), key=lambda c: sort_key(self.reg.agencies[c].name))],
        }
