"""Display-ready data for one entry: the card in a list and the context of its own page.

Python builds the data, Jinja (theme/portal/*.html) lays it out. Cards also keep the
dependency map of pages: while a page is being made (``recording``), every entry turned into
display data is noted as shown on that page."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from ..catalog.catalog import Catalog
from ..catalog.graph import Node
from ..catalog.tasks import TrackedTask, task_counts
from ..common import urls
from ..common.messages import t
from ..common.vietnamese import date_line, short_date, sort_key
from ..common.vocabulary import RELATION_TYPES
from ..content.entries import AnyEntry, ArticleEntry, CooperativeEntry, DocumentEntry, newest_first
from ..content.registries import AGENCY_KINDS, LEVELS

SECTION_LIMIT = 30  # items in a section of an entry or agency page; the full lists are the paginated pages


def capped(items: list, make: Callable[[Any], Any] = lambda x: x, limit: int = SECTION_LIMIT) -> dict:
    """The first ``limit`` items (made displayable) and how many there are in all: a section
    of a page never grows with the site."""
    return {"items": [make(x) for x in items[:limit]], "total": len(items)}


def link(url: str, title: str, **extra: Any) -> dict:
    return {"url": url, "title": title, **extra}


class Cards:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.reg = catalog.registries
        self._cards: dict[str, dict] = {}  # an entry's card is shown on many pages: make it once
        self.rank = {e.id: i for i, e in enumerate(catalog.entries)}  # 0 = newest
        self._shown: set[str] | None = None
        self._tag_articles: dict[str, list[str]] = {}  # tag → ids of the articles among its newest 200 entries

    @contextmanager
    def recording(self) -> Iterator[set[str]]:
        """Collect the ids of every entry shown while making one page."""
        self._shown = shown = set[str]()
        try:
            yield shown
        finally:
            self._shown = None

    def _saw(self, entry: AnyEntry) -> None:
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
        self._saw(entry)
        return link(entry.url, entry.headline)

    def title_link(self, entry: AnyEntry) -> dict:
        self._saw(entry)
        return link(entry.url, entry.title)

    # cards ------------------------------------------------------------------------------------
    def card(self, entry: AnyEntry) -> dict:
        self._saw(entry)
        if entry.id not in self._cards:
            self._cards[entry.id] = self._make_card(entry)
        return self._cards[entry.id]

    def _make_card(self, entry: AnyEntry) -> dict:
        cover = None
        undated = False  # a draft document: only the year is known
        if isinstance(entry, ArticleEntry):
            a = entry.data
            if a.cover:
                cover = self.image(urls.asset(entry.src_uri, a.cover.src), a.cover.alt or a.title)
            source = self.agency(a.agency)["short"]
            section = self.reg.columns[a.column].title
        elif isinstance(entry, CooperativeEntry):
            c = entry.data
            if c.photos:
                cover = self.image(urls.asset(entry.src_uri, c.photos[0].src), c.photos[0].alt or c.name)
            source = self.reg.provinces[c.province].name
            section = entry.label
        else:
            d = entry.data
            source = ", ".join(self.agency(a)["short"] for a in d.issuers)
            undated = d.issued is None and d.date is None
            section = entry.label
        year = str(entry.data.issued_year) if isinstance(entry, DocumentEntry) else ""
        return {
            "url": entry.url,
            "title": entry.headline,
            "kind": entry.kind,
            "kind_label": entry.label,
            "section": section,
            "mark": self.mark(entry),
            "summary": entry.summary,
            "date_line": f"Năm {year}" if undated else date_line(entry.published),
            "short_date": year if undated else short_date(entry.published),
            "iso_date": entry.published.isoformat(),
            "cover": cover,
            "source": source,
        }

    def image(self, path: str, alt: str) -> dict:
        """An image as the templates lay it out: its renditions (srcset per format), the small
        fallback for lists, its size. Without renditions (views built outside a build) the path."""
        picture = self.catalog.pictures.get(path)
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

    def document_row(self, entry: DocumentEntry) -> dict:
        d = entry.data
        return {
            **self.card(entry),
            "number": d.number or "(chưa có số)",
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

    # entry pages -----------------------------------------------------------------------------
    def related(self, entry: ArticleEntry, limit: int) -> list[dict]:
        """Up to ``limit`` other articles sharing the most tags, cooperatives, documents, column."""
        d = entry.data
        score: Counter = Counter()
        for tag in d.tags:
            if (ids := self._tag_articles.get(tag)) is None:  # the same for every article with this tag
                ids = self._tag_articles[tag] = [e.id for e in self.catalog.by_tag[tag][:200] if isinstance(e, ArticleEntry)]
            score.update(ids)
        for ref in (*d.cooperatives, *d.documents):
            score.update({e.id: 2 for e in self.catalog.mentions[ref][:200]})
        score.update({e.id: 1 for e in self.catalog.by_column[d.column][: limit * 4]})
        score.pop(entry.id, None)
        best = heapq.nsmallest(limit, score, key=lambda i: (-score[i], self.rank[i]))  # most shared, then newest
        return self.cards(self.catalog.by_id[i] for i in best)

    def page_context(self, entry: AnyEntry, related_limit: int) -> dict:
        self._saw(entry)
        base = {
            "entry": entry,
            "kind": entry.kind,
            "title": entry.title,
            "summary": entry.summary,
            "mark": self.mark(entry),
            "date_line": date_line(entry.published),
            "iso_date": entry.published.isoformat(),
            "tags": [self.tag(tag) for tag in entry.tags],
        }
        if isinstance(entry, ArticleEntry):
            a = entry.data
            column_chain = [self.column(c) for c in reversed(self.catalog.column_ancestry(a.column))]
            return {
                **base,
                "breadcrumbs": [link(urls.HOME, "Trang chủ"), *column_chain],
                "authors": a.authors,
                "agency": self.agency(a.agency),
                "column": self.column(a.column),
                "provinces": [self.province(p) for p in a.provinces],
                "campaign": self.campaign(a.campaign) if a.campaign else None,
                "updated_line": date_line(a.updated) if a.updated else None,
                "cover": {**self.card(entry)["cover"], "caption": a.cover.caption, "credit": a.cover.credit} if a.cover else None,
                "mentions": [x for x in (self.entry_link(i) for i in (*a.cooperatives, *a.documents)) if x],
                "related": self.related(entry, related_limit),
            }
        if isinstance(entry, CooperativeEntry):
            c = entry.data
            return {
                **base,
                "breadcrumbs": [link(urls.HOME, "Trang chủ"), link(urls.COOPERATIVES, "Hợp tác xã"), self.province(c.province)],
                "facts": c,
                "province": self.province(c.province),
                "sectors": [self.sector(s) for s in c.sectors],
                "agency": self.agency(c.agency) if c.agency else None,
                "photos": [{**self.image(urls.asset(entry.src_uri, p.src), p.alt or c.name), "caption": p.caption, "credit": p.credit} for p in c.photos],
                "mentioned_by": capped(self.catalog.mentions[entry.id], self.card),
            }
        d = entry.data
        issuers = [self.agency(a) for a in d.issuers]
        node = self.catalog.graph.by_entry[entry.id]
        attachments = []
        for attachment in d.attachments:
            path = urls.asset(entry.src_uri, attachment.src)
            attachments.append({"title": attachment.title, "url": urls.file_url(path), "size": f"{self.catalog.files[path].size / 1024:,.0f} kB"})
        return {
            **base,
            "breadcrumbs": [link(urls.HOME, "Trang chủ"), link(urls.DOCUMENTS, "Văn bản"), link(urls.document_type(d.type), d.type)],
            "doc": d,
            "row": self.document_row(entry),
            "issuers": issuers,
            "signers": [{**s.model_dump(), "agency_link": self.agency(s.agency) if s.agency else None} for s in d.signers],
            **self.graph_context(node),
            "legal": self.legal(entry),
            "tasks": [self.task(x) for x in self.catalog.tasks_by_document.get(entry.id, [])],
            "task_counts": task_counts(self.catalog.tasks_by_document.get(entry.id, [])),
            "attachments": attachments,
            "provinces": [self.province(p) for p in d.provinces],
            "mentioned_by": capped(self.catalog.mentions[entry.id], self.card),
        }

    def graph_context(self, node: Node) -> dict:
        """The "Lược đồ" of a document (or of a stub): every relation group in both directions with
        its count — what this document cites (its bases, what it replaces…) and what cites it."""
        for base, _ in node.bases:
            if base.entry is not None:
                self._saw(base.entry)  # its title is the link's text
        groups = []
        for relation in RELATION_TYPES:
            cited = [n for n, r in node.bases if r == relation.key]
            citing = newest_first([e for e, r in node.cited_by if r == relation.key])
            groups.append({"key": f"{relation.key}-di", "title": relation.cited_group, "side": "cites", **capped(cited, self.node_link)})
            groups.append(
                {
                    "key": f"{relation.key}-den",
                    "title": relation.citing_group,
                    "side": "cited",
                    **capped(citing, self.on_site_link),
                }
            )
        return {
            "scheme": {
                "cites": [g for g in groups if g["side"] == "cites"],
                "cited": [g for g in groups if g["side"] == "cited"],
                "total_cites": len(node.bases),
                "total_cited": len(node.cited_by),
            },
        }

    def on_site_link(self, entry: AnyEntry) -> dict:
        """A published document in the "Lược đồ": its number and short title."""
        self._saw(entry)
        return link(entry.url, entry.headline, on_site=True)

    def node_link(self, node: Node) -> dict:
        if node.entry is not None:
            return self.on_site_link(node.entry)
        return {"url": node.url, "title": node.label, "detail": node.title if node.number else None, "on_site": False}

    def legal(self, entry: DocumentEntry) -> dict:
        """Status, dates and history of a document, for the top of its page."""
        state = self.catalog.legal[entry.id]
        now = self.catalog.now
        return {
            "status": state.status,
            "label": state.label,
            "since": short_date(state.since) if state.since else None,
            "effective": short_date(state.effective) if state.effective else None,
            "expires": short_date(state.expires) if state.expires else None,
            "causes": [self.title_link(e) for e in state.causes],
            "by_editor": state.by_editor,
            "history": [
                {"date": short_date(e.when), "iso": e.day.isoformat(), "text": e.text, "other": self.title_link(e.other) if e.other else None,
                 "kind": e.kind, "future": e.when > now}
                for e in reversed(state.events)
            ],
        }  # fmt: skip

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
