"""A figure as readers see it, after GOV.UK's chart component: its title and the sentence that sums
it up, the chart (charts.py), the same numbers as a table (caption, headers with their scope, the
total), notes, the source and date, and the downloads (CSV, JSON).

Written here, not in a template, because the same block goes into pages and into article bodies
after the sanitiser (``{{ so-lieu: <id> }}``, see bodies/figures.py): one writer for both, links
relative to the page it goes into, every text escaped once by svg.py."""

from __future__ import annotations

import posixpath

from markupsafe import Markup

from ..common import urls
from .charts import chart
from .figures import Figure, date_text
from .summaries import number
from .svg import Element, el


def relative(target: str, here: str) -> str:
    """A site path (a page "x/y/", a file "x/y.csv", with or without "#anchor") relative to the page ``here``."""
    path, _, anchor = target.partition("#")
    start = here.rstrip("/") or "."
    if path.endswith("/") or not path:
        found = posixpath.relpath(path.rstrip("/") or ".", start)
        found = "./" if found == "." else f"{found}/"
    else:
        found = posixpath.relpath(path, start)
    return f"{found}#{anchor}" if anchor else found


def table(figure: Figure, here: str) -> Element:
    unit = f" (đơn vị: {figure.unit})"
    head = el("tr", {}, el("th", {"scope": "col"}, figure.category), *(el("th", {"scope": "col"}, name) for name in figure.series))
    rows = []
    for row in figure.rows:
        label: Element | str = el("a", {"href": relative(row.url, here)}, row.label) if row.url else row.label
        rows.append(el("tr", {}, el("th", {"scope": "row"}, label), *(el("td", {}, number(v)) for v in row.values)))
    parts = [el("caption", {}, figure.title + unit), el("thead", {}, head), el("tbody", {}, *rows)]
    if figure.totals and len(figure.rows) > 1:
        totals = [el("td", {}, number(sum(figure.column(i)))) for i in range(len(figure.series))]
        parts.append(el("tfoot", {}, el("tr", {}, el("th", {"scope": "row"}, "Tổng cộng"), *totals)))
    return el("div", {"class": "portal-table-wrap"}, el("table", {"class": "portal-figure-table"}, *parts))


def source_line(figure: Figure, here: str, more: bool) -> Element:
    """ "Nguồn: … · Số liệu đến ngày … · Tải số liệu: CSV, JSON" (and, away from /so-lieu/, a link there)."""
    if figure.source_page:
        source: Element | str = el("a", {"href": relative(figure.source_page, here)}, figure.source)
    elif figure.source_url:
        source = el("a", {"href": figure.source_url, "rel": "noopener"}, figure.source)
    else:
        source = figure.source
    parts: list[Element | str] = ["Nguồn: ", source]
    if when := date_text(figure):
        parts.append(f" · {when}")
    parts += [" · Tải số liệu: ", el("a", {"href": relative(figure.csv, here), "type": "text/csv"}, "CSV"), ", ",
              el("a", {"href": relative(figure.json, here), "type": "application/json"}, "JSON")]  # fmt: skip
    if more:
        parts += [" · ", el("a", {"href": relative(urls.STATISTICS, here)}, "Mọi số liệu")]
    return el("p", {"class": "portal-figure__source"}, *parts)


def block(figure: Figure, here: str, heading: str | None = "h2", anchor: str | None = None, open_table: bool = False) -> Markup:
    """The whole figure for the page at ``here``: ``heading`` the level of its title (None: bold text,
    in an article's body), ``anchor`` its id (also the prefix of the chart's ids)."""
    anchor = anchor or figure.id
    title = (
        el(heading, {"class": "portal-figure__title"}, figure.title) if heading else el("p", {"class": "portal-figure__title"}, el("strong", {}, figure.title))
    )
    caption = el("figcaption", {}, title, el("p", {"class": "portal-figure__summary"}, figure.summary))
    details = el("details", {"class": "portal-figure__data", "open": "" if open_table else None}, el("summary", {}, "Bảng số liệu"), table(figure, here))
    parts: list[Element | str] = [caption, chart(figure, f"bieu-do-{anchor}"), details]
    if figure.notes:
        parts.append(el("ul", {"class": "portal-figure__notes"}, *(el("li", {}, note) for note in figure.notes)))
    parts.append(source_line(figure, here, more=here != urls.STATISTICS))
    return el("figure", {"class": "portal-figure", "id": anchor}, *parts).render()


def link_only(figure: Figure, here: str) -> Markup:
    """What a feed item carries instead of the chart: the figure's title, linked to its place on
    /so-lieu/ (feed readers drop inline SVG; a link does not go stale in the feed cache)."""
    return el("p", {}, "Biểu đồ: ", el("a", {"href": relative(urls.figure(figure.id), here)}, figure.title)).render()


def blocks(figures: list[Figure], here: str, heading: str = "h3") -> list[dict]:
    """The figures of a page, for its template: id, title and the block."""
    return [{"id": f.id, "title": f.title, "html": block(f, here, heading)} for f in figures]
