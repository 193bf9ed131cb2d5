"""Index pages that are trees, not lists: columns (nested), agencies (central, then one group per
province, each nested by parent), provinces, tags, and the archive by year and month."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from functools import partial
from typing import Any

from ..common import urls
from ..common.vietnamese import month_name, sort_key
from ..content.registries import LEVELS
from .cards import link
from .page import Book


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
    provinces = sorted(reg.provinces, key=lambda p: sort_key(reg.provinces[p].name))
    book.add(urls.PROVINCES, "Địa phương", "portal/tree.html",
             lambda: {"heading": "Địa phương", "groups": [flat([{**cards.province(p), "count": len(c.by_province.get(p, [])), "children": []}
                                                                for p in provinces])]})  # fmt: skip
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
                 partial(lambda y: {"heading": f"Lưu trữ năm {y}", "groups": [flat(months(y))]}, year))  # fmt: skip


def agency_tree(book: Book) -> list[dict]:
    """/co-quan/: central agencies, then one group per province, each nested by parent."""
    c, reg, cards = book.catalog, book.catalog.registries, book.cards
    groups: dict[str | None, list[str]] = defaultdict(list)
    for agency in reg.agencies.values():
        groups[agency.province if agency.level != "trung-uong" else None].append(agency.id)
    tree_groups = []
    for province in [None, *sorted((p for p in groups if p), key=lambda p: sort_key(reg.provinces[p].name))]:
        members = set(groups[province])
        children: dict = defaultdict(list)
        for a in sorted(members, key=lambda a: sort_key(reg.agencies[a].name)):
            parent = reg.agencies[a].parent
            children[parent if parent in members else None].append(a)
        title = LEVELS["trung-uong"] if province is None else reg.provinces[province].name
        url = None if province is None else urls.province(province)
        node = lambda a: {**cards.agency(a), "level": LEVELS[reg.agencies[a].level], "count": len(c.by_agency.get(a, []))}  # noqa: E731
        tree_groups.append({"title": title, "url": url, "tree": tree(children, None, node)})
    return tree_groups
