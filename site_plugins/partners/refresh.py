"""The snapshot brought up to date, partner by partner (`portal fetch-partners`).

For each partner of the registry: a conditional request (the ETag and Last-Modified it answered
last time); 304 keeps its items; 200 adds the items not seen before, dated by this fetch
(``first_seen``: the order the site shows them in). A partner's first fetch contributes only its
newest ``FIRST_FETCH`` items and any later one at most ``PER_FETCH`` (a feed that suddenly lists
500 old stories does not flood the section); each partner keeps its ``KEEP`` newest. An error is
recorded with the time of the attempt and the items stay. Partners gone from the registry leave
the snapshot."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..common.messages import t
from ..content.partners import PartnerFeed, PartnerItem, Snapshot, load_snapshot, save_snapshot
from ..content.registries import Partner
from .fetch import FetchError, Response, fetch
from .items import FeedItem, parse_items

FIRST_FETCH = 10
PER_FETCH = 30
KEEP = 100

Fetcher = Callable[[str, str | None, str | None], Response]


@dataclass(frozen=True)
class Outcome:
    partner: str
    status: str  # "200", "304" or the error's code
    new: int
    items: int

    def line(self) -> str:
        return t("partners.fetched", partner=self.partner, status=self.status, new=self.new, items=self.items)


def _newest(items: list[FeedItem], count: int) -> list[FeedItem]:
    """The ``count`` newest by their date (undated ones after, in the feed's order)."""
    dated = sorted((i for i in items if i.published), key=lambda i: i.published.isoformat() if i.published else "", reverse=True)
    return (dated + [i for i in items if not i.published])[:count]


def update_feed(feed: PartnerFeed, response: Response, now: datetime) -> tuple[PartnerFeed, int]:
    """The partner's feed after a successful answer, and how many items it gained."""
    stamp = now.isoformat(timespec="seconds")
    if response.status == 304:
        return feed.model_copy(update={"last_attempt": stamp, "last_success": stamp, "error": None, "error_detail": None}), 0
    items = parse_items(response.body, now)
    seen = {i.key for i in feed.items}
    fresh = [i for i in items if i.key not in seen]
    fresh = _newest(fresh, FIRST_FETCH if not feed.items and feed.last_success is None else PER_FETCH)
    added = [
        PartnerItem(key=i.key, title=i.title, link=i.link, published=i.published.isoformat(timespec="seconds") if i.published else None,
                    first_seen=stamp, summary=i.summary)
        for i in fresh
    ]  # fmt: skip
    kept = sorted([*added, *feed.items], key=lambda i: (i.first_seen, i.published or "", i.key), reverse=True)[:KEEP]
    update = {"items": kept, "etag": response.etag, "last_modified": response.last_modified, "last_attempt": stamp, "last_success": stamp,
              "error": None, "error_detail": None}  # fmt: skip
    return feed.model_copy(update=update), len(added)


def refresh(partners: dict[str, Partner], snapshot: Snapshot, now: datetime, fetcher: Fetcher) -> tuple[Snapshot, list[Outcome]]:
    """Every partner's feed fetched once, in id order; the new snapshot and what happened."""
    feeds, outcomes = {}, []
    for pid in sorted(partners):
        feed = snapshot.partners.get(pid, PartnerFeed())
        try:
            response = fetcher(partners[pid].feed, feed.etag, feed.last_modified)
            feed, new = update_feed(feed, response, now)
            outcomes.append(Outcome(pid, str(response.status), new, len(feed.items)))
        except FetchError as exc:
            stamp = now.isoformat(timespec="seconds")
            feed = feed.model_copy(update={"last_attempt": stamp, "error": exc.code, "error_detail": exc.detail[:200] or None})
            outcomes.append(Outcome(pid, exc.code, 0, len(feed.items)))
        feeds[pid] = feed
    return Snapshot(partners=feeds), outcomes


def fetch_partners(content_dir: Path, partners: dict[str, Partner], now: datetime, allow_loopback: bool = False) -> tuple[Path, list[Outcome]]:
    """The command: the committed snapshot read, refreshed and written back."""
    snapshot, problems = load_snapshot(content_dir)
    if problems:  # an unreadable snapshot is not silently replaced (it holds the first-seen dates)
        raise ValueError(str(problems[0]))

    def fetcher(url: str, etag: str | None, last_modified: str | None) -> Response:
        return fetch(url, etag, last_modified, allow_loopback=allow_loopback)

    updated, outcomes = refresh(partners, snapshot, now, fetcher)
    return save_snapshot(content_dir, updated), outcomes
