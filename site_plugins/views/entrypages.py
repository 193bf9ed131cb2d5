"""The page of each entry: what an article, a cooperative profile and a document page show, one
function per kind, plus what documents and the pages of cited documents share (the "Lược đồ" of
relations, the legal status and its history)."""

from __future__ import annotations

import heapq
from collections import Counter

from ..catalog.catalog import Catalog
from ..catalog.graph import Node
from ..catalog.tasks import task_counts
from ..common import urls
from ..common.vietnamese import short_date, time_date_line
from ..common.vocabulary import RELATION_TYPES
from ..content.entries import AnyEntry, ArticleEntry, CooperativeEntry, DocumentEntry, EventEntry, newest_first
from ..media.media import Media
from .addresses import address
from .cards import Cards, capped, link
from .events import event_page, event_section
from .listings import Listings
from .page import Page, Settings, feed_formats
from .sharing import entry_share


def edit_url(src_uri: str) -> str:
    """The entry in the newsroom editor: quan-tri/#/collections/<section>/entries/<file name>."""
    section, _, name = src_uri.partition("/")
    return f"quan-tri/#/collections/{section}/entries/{name.removesuffix('.md')}"


RELATED_POOL = 200  # candidates per tag, cooperative or document a related article is chosen from


class EntryPages:
    def __init__(self, catalog: Catalog, listings: Listings, cards: Cards, settings: Settings, media: Media):
        self.catalog, self.listings, self.cards, self.settings, self.media = catalog, listings, cards, settings, media
        self.rank = {e.id: i for i, e in enumerate(catalog.entries)}  # 0 = newest
        self._tag_articles: dict[str, list[str]] = {}  # tag → ids of the articles among its newest entries

    def page(self, entry: AnyEntry) -> Page:
        """An entry's own page: its template, data, the feeds it advertises and what it shows."""
        with self.cards.recording() as shown:
            context = {**self.common(entry), **self.particular(entry)}
        if self.settings.site is not None:
            context["share"] = entry_share(entry, self.catalog, self.media, self.settings.site)
        feeds = [self.listings["site"]]
        if isinstance(entry, DocumentEntry):  # its own history, to follow
            history = self.listings[f"document:{entry.id}"]
            feeds.insert(0, history)
            context["follow"] = feed_formats(history)
        if isinstance(entry, EventEntry):  # the calendar of every event, then the site's feeds
            feeds.insert(0, self.listings["type:event"])
        return Page(entry.url, entry.title, f"portal/{entry.kind}.html", context, entry.summary, feeds, shown, entry.lastmod)

    def common(self, entry: AnyEntry) -> dict:
        self.cards.saw(entry)
        return {
            "entry": entry,
            "kind": entry.kind,
            "title": entry.title,
            "summary": entry.summary,
            "mark": self.cards.mark(entry),
            "date_line": time_date_line(entry.published),
            "iso_date": entry.published.isoformat(),
            "tags": [self.cards.tag(tag) for tag in entry.tags],
            "edit": edit_url(entry.src_uri) if self.settings.edit_links else None,
        }

    def particular(self, entry: AnyEntry) -> dict:
        if isinstance(entry, ArticleEntry):
            return self.article(entry)
        if isinstance(entry, CooperativeEntry):
            return self.cooperative(entry)
        if isinstance(entry, EventEntry):
            return event_page(self.cards, entry, self.catalog.now)
        return self.document(entry)

    def article(self, entry: ArticleEntry) -> dict:
        a, cards = entry.data, self.cards
        column_chain = [cards.column(c) for c in reversed(self.catalog.column_ancestry(a.column))]
        return {
            "breadcrumbs": [link(urls.HOME, "Trang chủ"), *column_chain],
            "authors": a.authors,
            "agency": cards.agency(a.agency),
            "column": cards.column(a.column),
            "provinces": [cards.province(p) for p in a.provinces],
            "campaign": cards.campaign(a.campaign) if a.campaign else None,
            "updated_line": time_date_line(a.updated) if a.updated else None,
            "cover": {**cards.card(entry)["cover"], "caption": a.cover.caption, "credit": a.cover.credit} if a.cover else None,
            "mentions": [x for x in (cards.entry_link(i) for i in entry.mentioned()) if x],
            "related": self.related(entry, self.settings.related),
        }

    def cooperative(self, entry: CooperativeEntry) -> dict:
        c, cards = entry.data, self.cards
        where = address(c, self.catalog.registries, self.catalog.now.date())
        return {
            "breadcrumbs": [link(urls.HOME, "Trang chủ"), link(urls.COOPERATIVES, "Hợp tác xã"), cards.province(c.province)],
            "facts": c,
            "province": cards.province(c.province),
            "address": {**where, "province": cards.province(where["province"])},  # in the two-level form after 1 July 2025
            "sectors": [cards.sector(s) for s in c.sectors],
            "agency": cards.agency(c.agency) if c.agency else None,
            "photos": [{**cards.image(urls.asset(entry.src_uri, p.src), p.alt or c.name), "caption": p.caption, "credit": p.credit} for p in c.photos],
            "mentioned_by": capped(self.catalog.mentions[entry.id], cards.card),
        }

    def document(self, entry: DocumentEntry) -> dict:
        d, cards = entry.data, self.cards
        attachments = []
        for attachment in d.attachments:
            path = urls.asset(entry.src_uri, attachment.src)
            attachments.append({"title": attachment.title, "url": urls.file_url(path), "size": f"{self.catalog.files[path].size / 1024:,.0f} kB"})
        tasks = self.catalog.tasks_by_document.get(entry.id, [])
        return {
            "breadcrumbs": [link(urls.HOME, "Trang chủ"), link(urls.DOCUMENTS, "Văn bản"), link(urls.document_type(d.type), d.type)],
            "doc": d,
            "row": cards.document_row(entry),
            "issuers": [cards.agency(a) for a in d.issuers],
            "signers": [{**s.model_dump(), "agency_link": cards.agency(s.agency) if s.agency else None} for s in d.signers],
            **graph_context(cards, self.catalog.graph.by_entry[entry.id]),
            "legal": self.legal(entry),
            "tasks": [cards.task(x) for x in tasks],
            "task_counts": task_counts(tasks),
            "attachments": attachments,
            "provinces": [cards.province(p) for p in d.provinces],
            "mentioned_by": capped(self.catalog.mentions[entry.id], cards.card),
            "events": event_section(cards, self.catalog.events_by_document.get(entry.id, [])),
        }

    def related(self, entry: ArticleEntry, limit: int) -> list[dict]:
        """Up to ``limit`` other articles sharing the most tags, cooperatives, documents, column."""
        d = entry.data
        score: Counter = Counter()
        for tag in d.tags:
            if (ids := self._tag_articles.get(tag)) is None:  # the same for every article with this tag
                ids = self._tag_articles[tag] = [e.id for e in self.catalog.by_tag[tag][:RELATED_POOL] if e.kind == "article"]
            score.update(ids)
        for ref in entry.mentioned():
            score.update({e.id: 2 for e in self.catalog.mentions[ref][:RELATED_POOL]})
        score.update({e.id: 1 for e in self.catalog.by_column[d.column][: limit * 4]})
        score.pop(entry.id, None)
        best = heapq.nsmallest(limit, score, key=lambda i: (-score[i], self.rank[i]))  # most shared, then newest
        return self.cards.cards(self.catalog.by_id[i] for i in best)

    def legal(self, entry: DocumentEntry) -> dict:
        """Status, dates and history of a document, for the top of its page."""
        state, cards = self.catalog.legal[entry.id], self.cards
        now = self.catalog.now
        return {
            "status": state.status,
            "label": state.label,
            "since": short_date(state.since) if state.since else None,
            "effective": short_date(state.effective) if state.effective else None,
            "expires": short_date(state.expires) if state.expires else None,
            "causes": [cards.title_link(e) for e in state.causes],
            "by_editor": state.by_editor,
            "history": [
                {"date": short_date(e.when), "iso": e.day.isoformat(), "text": e.text, "other": cards.title_link(e.other) if e.other else None,
                 "kind": e.kind, "future": e.when > now}
                for e in reversed(state.events)
            ],
        }  # fmt: skip


def graph_context(cards: Cards, node: Node) -> dict:
    """The "Lược đồ" of a document (or of a stub): every relation group in both directions with
    its count — what this document cites (its bases, what it replaces…) and what cites it."""
    for base, _ in node.bases:
        if base.entry is not None:
            cards.saw(base.entry)  # its title is the link's text

    def on_site(entry: AnyEntry) -> dict:
        """A published document in the "Lược đồ": its number and short title."""
        cards.saw(entry)
        return link(entry.url, entry.headline, on_site=True)

    def node_link(node: Node) -> dict:
        if node.entry is not None:
            return on_site(node.entry)
        return {"url": node.url, "title": node.label, "detail": node.title if node.number else None, "on_site": False}

    groups = []
    for relation in RELATION_TYPES:
        cited = [n for n, r in node.bases if r == relation.key]
        citing = newest_first([e for e, r in node.cited_by if r == relation.key])
        groups.append({"key": f"{relation.key}-di", "title": relation.cited_group, "side": "cites", **capped(cited, node_link)})
        groups.append({"key": f"{relation.key}-den", "title": relation.citing_group, "side": "cited", **capped(citing, on_site)})
    return {
        "scheme": {
            "cites": [g for g in groups if g["side"] == "cites"],
            "cited": [g for g in groups if g["side"] == "cited"],
            "total_cites": len(node.bases),
            "total_cited": len(node.cited_by),
        },
    }
