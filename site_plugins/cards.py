"""Display-ready data for one entry: the card in a list and the context of its own page.

Python builds the data, Jinja (theme/portal/*.html) lays it out."""

from __future__ import annotations

import heapq
import posixpath
from collections import Counter

from .catalog import Catalog, Entry
from .graph import REVERSE
from .models import RELATIONS, STATUSES
from .registries import AGENCY_KINDS, LEVELS
from .vietnamese import date_line, short_date, slugify

SECTION_LIMIT = 30  # items in a section of an entry or agency page; the full lists are the paginated pages


def capped(items: list, make=lambda x: x, limit: int = SECTION_LIMIT) -> dict:
    """The first ``limit`` items (made displayable) and how many there are in all: a section
    of a page never grows with the site."""
    return {"items": [make(x) for x in items[:limit]], "total": len(items)}


KIND_LABELS = {"article": "Tin bài", "cooperative": "Hợp tác xã", "document": "Văn bản"}


def asset_url(entry: Entry, src: str) -> str:
    """An image path written relative to the Markdown file, as a path from the site root."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(entry.src_uri), src))


def link(url: str, title: str, **extra) -> dict:
    return {"url": url, "title": title, **extra}


class Cards:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.reg = catalog.registries
        self._cards: dict[str, dict] = {}  # an entry's card is shown on many pages: make it once
        self.rank = {e.id: i for i, e in enumerate(catalog.entries)}  # 0 = newest

    # links to registry items ------------------------------------------------------------------
    def agency(self, agency_id: str) -> dict:
        a = self.reg.agencies[agency_id]
        return link(f"co-quan/{a.id}/", a.name, short=a.short_name or a.name)

    def province(self, province_id: str) -> dict:
        p = self.reg.provinces[province_id]
        return link(f"dia-phuong/{p.id}/", p.name)

    def column(self, column_id: str) -> dict:
        return link(f"chuyen-muc/{column_id}/", self.reg.columns[column_id].title)

    def tag(self, tag_id: str) -> dict:
        return link(f"tu-khoa/{tag_id}/", self.reg.tags[tag_id].title)

    def sector(self, sector_id: str) -> dict:
        return link(f"htx/linh-vuc/{sector_id}/", self.reg.sectors[sector_id].title)

    def campaign(self, campaign_id: str) -> dict:
        return link(f"chuyen-de/{campaign_id}/", self.reg.campaigns[campaign_id].title)

    def entry_link(self, entry_id: str) -> dict:
        entry = self.catalog.by_id.get(entry_id)
        return link(entry.url, self.headline(entry)) if entry else None

    # cards ------------------------------------------------------------------------------------
    @staticmethod
    def headline(entry: Entry) -> str:
        if entry.kind == "document":
            d = entry.data
            return f"[{d.number}] {d.summary}" if d.number else f"[{d.type}, dự thảo] {d.summary}"
        return entry.title

    def card(self, entry: Entry) -> dict:
        if entry.id not in self._cards:
            self._cards[entry.id] = self._make_card(entry)
        return self._cards[entry.id]

    def _make_card(self, entry: Entry) -> dict:
        d = entry.data
        cover = None
        if entry.kind == "article" and d.cover:
            cover = {"url": asset_url(entry, d.cover.src), "alt": d.cover.alt or d.title}
        elif entry.kind == "cooperative" and d.photos:
            cover = {"url": asset_url(entry, d.photos[0].src), "alt": d.photos[0].alt or d.name}
        if entry.kind == "article":
            source = self.agency(d.agency)["short"]
        elif entry.kind == "document":
            source = ", ".join(self.agency(a)["short"] for a in d.issuers)
        else:
            source = self.reg.provinces[d.province].name
        undated = entry.kind == "document" and d.issued is None and d.date is None  # a draft: only the year is known
        return {
            "url": entry.url, "title": self.headline(entry), "kind": entry.kind, "kind_label": KIND_LABELS[entry.kind],
            "summary": d.summary, "date_line": f"Năm {d.issued_year}" if undated else date_line(entry.published),
            "short_date": str(d.issued_year) if undated else short_date(entry.published),
            "iso_date": entry.published.isoformat(), "cover": cover, "source": source,
        }

    def cards(self, entries) -> list[dict]:
        return [self.card(e) for e in entries]

    def document_row(self, entry: Entry) -> dict:
        d = entry.data
        return {
            **self.card(entry), "number": d.number or "(chưa có số)", "type": d.type, "year": d.issued_year,
            "issuers": [self.agency(a) for a in d.issuers], "status": d.status, "status_label": STATUSES[d.status],
            "issued": short_date(d.issued) if d.issued else f"{d.issued_year} (chưa ghi ngày)", "doc_summary": d.summary,
        }

    def cooperative_row(self, entry: Entry) -> dict:
        d = entry.data
        return {
            **self.card(entry), "province": self.province(d.province), "province_id": d.province,
            "sectors": [self.sector(s) for s in d.sectors], "sector_ids": " ".join(d.sectors),
            "ocop_stars": max((o.stars for o in d.ocop), default=0), "new_model": d.new_model, "kind_name": d.kind,
        }

    # entry pages -----------------------------------------------------------------------------
    def related(self, entry: Entry, limit: int) -> list[dict]:
        """Up to ``limit`` other articles sharing the most tags, cooperatives, documents, column."""
        d = entry.data
        score: Counter = Counter()
        for tag in d.tags:
            score.update(e.id for e in self.catalog.by_tag[tag][:200] if e.kind == "article")
        for ref in (*d.cooperatives, *d.documents):
            score.update({e.id: 2 for e in self.catalog.mentions[ref][:200]})
        score.update({e.id: 1 for e in self.catalog.by_column[d.column][:limit * 4]})
        score.pop(entry.id, None)
        best = heapq.nsmallest(limit, score, key=lambda i: (-score[i], self.rank[i]))  # most shared, then newest
        return self.cards(self.catalog.by_id[i] for i in best)

    def page_context(self, entry: Entry, related_limit: int) -> dict:
        d = entry.data
        base = {"entry": entry, "kind": entry.kind, "title": entry.title, "summary": d.summary,
                "date_line": date_line(entry.published), "iso_date": entry.published.isoformat(),
                "tags": [self.tag(t) for t in d.tags]}
        if entry.kind == "article":
            column_chain = [self.column(c) for c in reversed(self.catalog.column_ancestry(d.column))]
            return {**base,
                    "breadcrumbs": [link("", "Trang chủ"), *column_chain],
                    "authors": d.authors, "agency": self.agency(d.agency), "column": self.column(d.column),
                    "provinces": [self.province(p) for p in d.provinces],
                    "campaign": self.campaign(d.campaign) if d.campaign else None,
                    "updated_line": date_line(d.updated) if d.updated else None,
                    "cover": {**self.card(entry)["cover"], "caption": d.cover.caption, "credit": d.cover.credit} if d.cover else None,
                    "mentions": [x for x in (self.entry_link(i) for i in (*d.cooperatives, *d.documents)) if x],
                    "related": self.related(entry, related_limit)}
        if entry.kind == "cooperative":
            return {**base,
                    "breadcrumbs": [link("", "Trang chủ"), link("htx/", "Hợp tác xã"), self.province(d.province)],
                    "facts": d, "province": self.province(d.province), "sectors": [self.sector(s) for s in d.sectors],
                    "agency": self.agency(d.agency) if d.agency else None,
                    "photos": [{"url": asset_url(entry, p.src), "alt": p.alt or d.name, "caption": p.caption, "credit": p.credit} for p in d.photos],
                    "mentioned_by": capped(self.catalog.mentions[entry.id], self.card)}
        issuers = [self.agency(a) for a in d.issuers]
        node = self.catalog.graph.by_entry[entry.id]
        replaced = [self.entry_link(d.replaced_by)] if d.replaced_by else [link(e.url, e.title) for e in node.replaced_by]
        return {**base,
                "breadcrumbs": [link("", "Trang chủ"), link("van-ban/", "Văn bản"), link(f"van-ban/loai/{slugify(d.type)}/", d.type)],
                "doc": d, "row": self.document_row(entry), "issuers": issuers,
                "signers": [{**s.model_dump(), "agency_link": self.agency(s.agency) if s.agency else None} for s in d.signers],
                **self.graph_context(node),
                "replaced_by": [r for r in replaced if r],
                "attachments": [{"title": a.title, "url": asset_url(entry, a.src),
                                 "size": f"{(self.catalog.content_dir / asset_url(entry, a.src)).stat().st_size / 1024:,.0f} kB"}
                                for a in d.attachments],
                "provinces": [self.province(p) for p in d.provinces],
                "mentioned_by": capped(self.catalog.mentions[entry.id], self.card)}

    def graph_context(self, node) -> dict:
        """What a document cites and what cites it, for its page (or its stub page)."""
        return {
            "bases": [{"relation": RELATIONS[rel], "url": n.url, "label": n.label, "title": n.title if n.number else None,
                       "on_site": n.entry is not None} for n, rel in node.bases],
            "cited_by": capped(sorted(node.cited_by, key=lambda x: (x[0].published, x[0].id), reverse=True),
                               lambda edge: {**self.card(edge[0]), "relation": REVERSE[edge[1]]}),
        }

    # agencies --------------------------------------------------------------------------------
    def agency_facts(self, agency_id: str) -> dict:
        a = self.reg.agencies[agency_id]
        return {"agency": a, "level": LEVELS[a.level], "kind": AGENCY_KINDS[a.kind],
                "parent": self.agency(a.parent) if a.parent else None,
                "province": self.province(a.province) if a.province else None,
                "successors": [{**self.agency(s.id), "date": short_date(s.date), "note": s.note} for s in a.successors],
                "predecessors": [{**self.agency(p), "date": short_date(step.date), "note": step.note}
                                 for p, step in self.catalog.predecessors.get(agency_id, []) if p in self.reg.agencies],
                "children": [self.agency(c) for c in sorted(self.catalog.children.get(agency_id, []), key=lambda c: self.reg.agencies[c].name)]}

