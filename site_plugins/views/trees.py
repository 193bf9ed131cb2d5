"""Index pages that are trees, not lists: columns (nested), agencies (central, then one group per
province, each nested by parent), provinces, tags, and the archive by year and month."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any

from ..catalog.catalog import Catalog
from ..common import urls
from ..common.vietnamese import month_name, sort_key
from ..content.registries import LEVELS
from .cards import link
from .lifespans import agency_end, current_first, province_end
from .page import Book

ARCHIVE_CRUMBS = [link(urls.HOME, "Trang chủ"), link(urls.ARCHIVE, "Lưu trữ")]  # above the archive's years and months


def tree(children: dict, root: Any, make: Callable[[Any], dict]) -> list[dict]:
    return [{**make(k), "children": tree(children, k, make)} for k in children.get(root, [])]


def flat(nodes: list[dict]) -> dict:
    """A page holding one group: a tree without a group title."""
    return {"title": None, "tree": nodes}


def tree_pages(book: Book) -> None:
    c, reg, cards = book.catalog, book.catalog.registries, book.cards
    book.add(urls.COLUMNS, "Chuyên mục", "portal/tree.html",
             lambda: {"heading": "Chuyên mục", "groups": [flat(tree(c.column_children, None, cards.column))]})  # fmt: skip
    book.add(urls.AGENCIES, "Cơ quan, đơn vị", "portal/tree.html", lambda: {"heading": "Cơ quan, đơn vị", "groups": agency_tree(book)})
    partner_news = link(urls.PARTNER_NEWS, "Tin từ các địa phương") if book.catalog.registries.partners else None  # the partner portals' section

    def provinces() -> dict:
        return {"heading": "Địa phương", "groups": [flat(province_list(book))], "partner_news": partner_news}

    book.add(urls.PROVINCES, "Địa phương", "portal/tree.html", provinces)
    tags = sorted(reg.tags, key=lambda t: sort_key(reg.tags[t].title))
    book.add(urls.TAGS, "Từ khóa", "portal/tree.html",
             lambda: {"heading": "Từ khóa", "groups": [flat([{**cards.tag(t), "count": len(c.by_tag.get(t, [])), "children": []} for t in tags])]})  # fmt: skip
    archive_pages(book)


def archive_pages(book: Book) -> None:
    """/luu-tru/: years and their months (with counts); a page per year lists its months; the entries are on the month pages."""
    c = book.catalog
    years: dict[int, list[int]] = defaultdict(list)
    for year, month in sorted(c.by_month, reverse=True):
        years[year].append(month)

    def months(year: int) -> list[dict]:
        return [{**link(urls.archive_month(year, m), month_name(year, m)), "count": len(c.by_month[(year, m)]), "children": []} for m in years[year]]

    book.add(urls.ARCHIVE, "Lưu trữ", "portal/tree.html",
             lambda: {"heading": "Lưu trữ", "groups": [flat([{**link(urls.archive_year(y), f"Năm {y}"), "count": sum(len(c.by_month[(y, m)]) for m in ms),
                                                                "children": months(y)} for y, ms in years.items()])]})  # fmt: skip
    for year in years:
        book.add(urls.archive_year(year), f"Lưu trữ năm {year}", "portal/tree.html",
                 partial(lambda y: {"heading": f"Lưu trữ năm {y}", "groups": [flat(months(y))], "breadcrumbs": ARCHIVE_CRUMBS}, year))  # fmt: skip


def archive_month_links(catalog: Catalog, year: int, month: int) -> dict:
    """What a month of the archive links to besides its entries: the breadcrumb up to its year, and
    the months before and after it that have entries (none past the first or the last)."""
    existing = sorted(catalog.by_month)
    at = existing.index((year, month))
    older = existing[at - 1] if at > 0 else None
    newer = existing[at + 1] if at + 1 < len(existing) else None
    return {
        "breadcrumbs": [*ARCHIVE_CRUMBS, link(urls.archive_year(year), f"Năm {year}")],
        "months": {
            "older": link(urls.archive_month(*older), month_name(*older)) if older else None,
            "year": link(urls.archive_year(year), f"Cả năm {year}"),
            "newer": link(urls.archive_month(*newer), month_name(*newer)) if newer else None,
        },
    }


def province_list(book: Book) -> list[dict]:
    """/dia-phuong/: the provinces in Vietnamese order, those merged into another after the others, marked."""
    c, reg, cards = book.catalog, book.catalog.registries, book.cards
    today = c.now.date()
    ended = {p: province_end(reg.provinces[p], reg, today) for p in reg.provinces}
    order = current_first(reg.provinces, lambda p: reg.provinces[p].name, ended.get)
    return [{**cards.province(p), "count": len(c.by_province.get(p, [])), "ended": ended[p], "children": []} for p in order]


def agency_tree(book: Book) -> list[dict]:
    """/co-quan/: central agencies, then one group per province, each nested by parent; agencies
    dissolved or merged (and provinces merged) marked and listed after those that stand."""
    c, reg, cards = book.catalog, book.catalog.registries, book.cards
    today = c.now.date()
    ended = {a: agency_end(reg.agencies[a], reg, today) for a in reg.agencies}
    province_ended = {p: province_end(reg.provinces[p], reg, today) for p in reg.provinces}
    groups: dict[str | None, list[str]] = defaultdict(list)
    for agency in reg.agencies.values():
        groups[agency.province if agency.level != "trung-uong" else None].append(agency.id)
    tree_groups = []
    for province in [None, *current_first((p for p in groups if p), lambda p: reg.provinces[p].name, province_ended.get)]:
        members = set(groups[province])
        children: dict = defaultdict(list)
        for a in current_first(members, lambda a: reg.agencies[a].name, ended.get):
            parent = reg.agencies[a].parent
            children[parent if parent in members else None].append(a)
        title = LEVELS["trung-uong"] if province is None else reg.provinces[province].name
        url = None if province is None else urls.province(province)
        node = lambda a: {**cards.agency(a), "level": LEVELS[reg.agencies[a].level], "count": len(c.by_agency.get(a, [])), "ended": ended[a]}  # noqa: E731
        tree_groups.append({"title": title, "url": url, "ended": province_ended.get(province) if province else None, "tree": tree(children, None, node)})
    return tree_groups
