"""The RSS of closed polls' results (/khao-sat/feed.xml): one item a poll whose results
`portal poll-results` exported, dated from that export (never the build's clock), each marked
"Kết quả chỉ mang tính tham khảo". Written with feedgen; no polls with results: no feed."""

from __future__ import annotations

from pathlib import Path

from feedgen.feed import FeedGenerator
from markupsafe import escape

from ..common import urls
from ..views.polls import REFERENCE, PollViews, closed_with_results
from .feeds import GENERATOR, FeedSettings
from .outputfiles import within


def write_poll_feed(polls: PollViews, settings: FeedSettings, out: Path) -> list[str]:
    """The feed's site path, once written ([] when no closed poll has results)."""
    chosen = closed_with_results(polls)[: settings.limit]
    if not chosen:
        return []
    base = settings.site_url.rstrip("/") + "/"
    fg = FeedGenerator()
    fg.title("Kết quả khảo sát bạn đọc")
    fg.description(f"Kết quả các cuộc khảo sát bạn đọc đã kết thúc. {REFERENCE}.")
    fg.language("vi")
    fg.generator(GENERATOR)
    fg.link(href=base + urls.POLL_FEED, rel="self", type="application/rss+xml")
    fg.link(href=base + urls.POLLS, rel="alternate", type="text/html")
    fg.lastBuildDate(chosen[0][0].data.results.exported)  # type: ignore[union-attr]
    for poll, figure in chosen:
        page = base + urls.poll(poll.id)
        fe = fg.add_entry(order="append")
        fe.guid(page, permalink=True)
        fe.title(f"Kết quả khảo sát: {poll.data.question}")
        fe.link(href=page)
        fe.published(poll.data.results.exported)  # type: ignore[union-attr]
        fe.category(term="khao-sat", label="Khảo sát")
        fe.description(str(escape(f"{figure.summary} {REFERENCE}.")))  # RSS descriptions are HTML: the plain text escaped once
    target = within(out, urls.POLL_FEED)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(fg.rss_str(pretty=True))
    return [urls.POLL_FEED]
