"""The figures of the site, computed from the catalog at build time, and those of the data files
editors supply (content/so-lieu/): each a title, rows of numbers, its source and date, notes and
the sentence that sums it up. Nothing here draws (charts.py) or lays out (figureblocks.py).

The site's own figures count what the portal carries — profiles in the cooperative directory, their
OCOP products, documents, the tasks documents assign — never the country's totals, and say so in
their titles and sources; a figure counting illustrative profiles is marked as such."""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import get_args

from ..catalog.catalog import Catalog
from ..catalog.tasks import TASK_STATUSES, TrackedTask
from ..common import urls
from ..common.vietnamese import short_date, sort_key
from ..content.datasets import BUILT_IN, Dataset
from ..content.entries import CooperativeEntry, DocumentEntry
from ..content.models import Cooperative
from . import summaries
from .lifespans import province_end

Number = int | float
TASK_NOTE = ("“Quá hạn” chỉ ghi với văn bản được theo dõi tiến độ. “Chưa có báo cáo”: đã qua thời hạn ghi trong văn bản nhưng trang chưa ghi "
             "nhận báo cáo kết quả — nhiệm vụ có thể đã được thực hiện.")  # fmt: skip


@dataclass(frozen=True)
class Row:
    label: str
    values: tuple[Number, ...]
    url: str | None = None  # the page the label links to in the table (a province, a sector, a type of document)


@dataclass(frozen=True)
class Figure:
    id: str
    title: str
    unit: str  # what the numbers count ("hồ sơ", "văn bản")
    category: str  # the heading of the label column ("Tỉnh, thành phố")
    series: tuple[str, ...]  # the heading of each number column
    rows: tuple[Row, ...]
    source: str
    page: str  # the page that owns it: its downloads are written beside it
    source_url: str | None = None  # the source elsewhere (http/https)
    source_page: str | None = None  # the source on the site (a document, the directory)
    date: date | None = None
    date_label: str = "Số liệu đến ngày"
    notes: tuple[str, ...] = ()
    illustrative: bool = False
    totals: bool = True  # the numbers of a column add up to something
    summary: str = ""

    @property
    def noun(self) -> str:
        """The category as a common noun ("tỉnh, thành phố"), for "5 tỉnh, thành phố"."""
        return self.category[:1].lower() + self.category[1:]

    @property
    def csv(self) -> str:
        return urls.figure_file(self.page, self.id, "csv")

    @property
    def json(self) -> str:
        return urls.figure_file(self.page, self.id, "json")

    def column(self, index: int) -> list[Number]:
        return [row.values[index] for row in self.rows]


def finish(figure: Figure, places: bool = True, total_text: str = "") -> Figure:
    """The figure with its sentence (unless it was given one)."""
    if figure.summary:
        return figure
    labels = [r.label for r in figure.rows]
    if len(figure.series) > 1:
        columns = [figure.column(i) for i in range(len(figure.series))]
        text = summaries.against(labels, columns, figure.series, figure.unit, figure.noun, figure.totals)
    else:
        text = summaries.one_series(labels, figure.column(0), figure.unit, figure.noun, places, figure.totals, total_text)
    return Figure(**{**figure.__dict__, "summary": text})


def counted(counts: Counter, keys: Iterable, label: Callable, url: Callable = lambda k: None, by_value: bool = True) -> tuple[Row, ...]:
    """One row a key; by count (largest first, then Vietnamese order), or in the keys' own order."""
    rows = [Row(label(k), (counts[k],), url(k)) for k in keys]
    return tuple(sorted(rows, key=lambda r: (-r.values[0], sort_key(r.label))) if by_value else rows)


def years(counts: Counter) -> list[int]:
    """Every year from the first to the last (a year without any is a 0, not a gap), or only those
    counted when they spread over more than 30 years."""
    if not counts:
        return []
    first, last = min(counts), max(counts)
    return list(range(first, last + 1)) if last - first < 30 else sorted(counts)


@dataclass
class Figures:
    """Every figure a page shows, made from one catalog: the site's (``site``, on /so-lieu/) and
    those of one province, agency or the directory (made on demand)."""

    catalog: Catalog
    site: dict[str, Figure] = field(default_factory=dict)
    scoped: dict[str, Figure] = field(default_factory=dict)  # CSV path → a figure of one province or agency a page showed

    def __post_init__(self) -> None:
        c = self.catalog
        made = [
            self.cooperatives_by_province(c.cooperatives, urls.STATISTICS),
            self.cooperatives_by_sector(c.cooperatives, urls.STATISTICS),
            self.cooperatives_by_kind(c.cooperatives, urls.STATISTICS),
            self.new_model(c.cooperatives, urls.STATISTICS),
            self.ocop_by_stars(c.cooperatives, urls.STATISTICS),
            self.ocop_by_year(c.cooperatives, urls.STATISTICS),
            self.documents_by_type(c.documents, urls.STATISTICS),
            self.documents_by_year(c.documents, urls.STATISTICS),
            self.tasks_by_status(c.tasks, urls.STATISTICS),
        ]
        self.site = {f.id: f for f in made}  # in the order of BUILT_IN (tests/test_statistics.py checks both name the same)
        for dataset in c.datasets.values():
            self.site[dataset.id] = self.from_dataset(dataset)

    # sources ---------------------------------------------------------------------------------------
    def directory(self, coops: list[CooperativeEntry], page: str, title: str, unit: str = "hồ sơ", notes: tuple[str, ...] = ()) -> dict:
        """What every figure of the cooperative directory says of its source and date, and of the
        illustrative profiles it counts (after its own ``notes``)."""
        shown = sum(e.data.illustrative for e in coops)
        if shown:
            title, notes = f"{title} (số liệu minh họa)", (*notes, f"{shown} trên {len(coops)} hồ sơ là dữ liệu minh họa cho bản trình diễn.")
        return {"title": title, "unit": unit, "page": page, "illustrative": bool(shown), "notes": notes, "source_page": urls.COOPERATIVES,
                "source": f"Danh bạ hợp tác xã của cổng thông tin ({len(coops)} hồ sơ)", "date": newest(coops)}  # fmt: skip

    def registry(self, documents: list[DocumentEntry], page: str, title: str) -> dict:
        return {"unit": "văn bản", "page": page, "title": title, "source": f"Sổ văn bản của cổng thông tin ({len(documents)} văn bản)",
                "source_page": urls.DOCUMENTS, "date": newest(documents)}  # fmt: skip

    # the cooperative directory -----------------------------------------------------------------------
    def cooperatives_by_province(self, coops: list[CooperativeEntry], page: str) -> Figure:
        reg, today = self.catalog.registries, self.catalog.now.date()
        counts = Counter(e.data.province for e in coops)
        ended = {p: end for p in counts if (end := province_end(reg.provinces[p], reg, today))}
        label = lambda p: reg.provinces[p].name + (" (cũ)" if p in ended else "")  # noqa: E731
        merged = tuple(f"{reg.provinces[p].name} (cũ) {e['text']} {', '.join(i['title'] for i in e['into'])} từ {e['since']}; hồ sơ ghi địa chỉ cũ."
                       for p, e in sorted(ended.items()))  # fmt: skip
        facts = self.directory(coops, page, BUILT_IN["htx-theo-tinh"], notes=merged)
        rows = counted(counts, counts, label, urls.province)
        return finish(Figure("htx-theo-tinh", category="Tỉnh, thành phố", series=("Số hồ sơ",), rows=rows, **facts))

    def cooperatives_by_sector(self, coops: list[CooperativeEntry], page: str, title: str = BUILT_IN["htx-theo-linh-vuc"]) -> Figure:
        reg = self.catalog.registries
        counts = Counter(s for e in coops for s in e.data.sectors)
        several = "Một hợp tác xã có thể hoạt động ở nhiều lĩnh vực: tổng các lĩnh vực lớn hơn số hồ sơ."
        facts = self.directory(coops, page, title, notes=(several,))
        rows = counted(counts, counts, lambda s: reg.sectors[s].title, urls.sector)
        figure = Figure("htx-theo-linh-vuc", category="Lĩnh vực", series=("Số hồ sơ",), rows=rows, totals=False, **facts)
        return finish(figure, total_text=f"{len(coops)} hồ sơ, một hợp tác xã có thể thuộc nhiều lĩnh vực")

    def cooperatives_by_kind(self, coops: list[CooperativeEntry], page: str) -> Figure:
        counts = Counter(e.data.kind for e in coops)
        kinds = get_args(Cooperative.model_fields["kind"].annotation)
        rows = counted(counts, kinds, lambda k: k[:1].upper() + k[1:], by_value=False)
        return finish(
            Figure("htx-theo-loai-hinh", category="Loại hình", series=("Số hồ sơ",), rows=rows, **self.directory(coops, page, BUILT_IN["htx-theo-loai-hinh"]))
        )

    def new_model(self, coops: list[CooperativeEntry], page: str) -> Figure:
        new = sum(e.data.new_model for e in coops)
        rows = (Row("HTX kiểu mới", (new,)), Row("Không ghi là HTX kiểu mới", (len(coops) - new,)))
        said = f"{new} trên {len(coops)} hồ sơ ({summaries.percent(new, len(coops))}) ghi là hợp tác xã kiểu mới." if coops else "Chưa có số liệu."
        note = "“HTX kiểu mới”: hồ sơ ghi new_model: true — hợp tác xã tổ chức, hoạt động theo Luật Hợp tác xã năm 2023."
        facts = self.directory(coops, page, BUILT_IN["htx-kieu-moi"], notes=(note,))
        return Figure("htx-kieu-moi", category="Hồ sơ", series=("Số hồ sơ",), rows=rows, summary=said, **facts)

    def ocop_by_stars(self, coops: list[CooperativeEntry], page: str) -> Figure:
        counts = Counter(o.stars for e in coops for o in e.data.ocop)
        facts = self.directory(coops, page, BUILT_IN["ocop-theo-hang-sao"], unit="sản phẩm")
        rows = counted(counts, (3, 4, 5), lambda s: f"Hạng {s} sao", by_value=False)
        return finish(Figure("ocop-theo-hang-sao", category="Hạng sao", series=("Số sản phẩm",), rows=rows, **facts), places=False)

    def ocop_by_year(self, coops: list[CooperativeEntry], page: str) -> Figure:
        counts = Counter(o.year for e in coops for o in e.data.ocop)
        facts = self.directory(coops, page, BUILT_IN["ocop-theo-nam"], unit="sản phẩm")
        rows = counted(counts, years(counts), lambda y: f"Năm {y}", by_value=False)
        return finish(Figure("ocop-theo-nam", category="Năm công nhận", series=("Số sản phẩm",), rows=rows, **facts), places=False)

    # documents and tasks ---------------------------------------------------------------------------------
    def documents_by_type(self, documents: list[DocumentEntry], page: str, title: str = BUILT_IN["van-ban-theo-loai"]) -> Figure:
        counts = Counter(e.data.type for e in documents)
        rows = counted(counts, counts, str, urls.document_type)
        return finish(
            Figure("van-ban-theo-loai", category="Loại văn bản", series=("Số văn bản",), rows=rows, **self.registry(documents, page, title)), places=False
        )

    def documents_by_year(self, documents: list[DocumentEntry], page: str) -> Figure:
        counts = Counter(e.data.issued_year for e in documents)
        published = set(counts)
        rows = counted(counts, years(counts), lambda y: f"Năm {y}", lambda y: urls.document_year(y) if y in published else None, by_value=False)
        facts = self.registry(documents, page, BUILT_IN["van-ban-theo-nam"])
        return finish(Figure("van-ban-theo-nam", category="Năm ban hành", series=("Số văn bản",), rows=rows, **facts), places=False)

    def tasks_by_status(self, tasks: list[TrackedTask], page: str, title: str = BUILT_IN["nhiem-vu-theo-trang-thai"]) -> Figure:
        counts = Counter(x.status for x in tasks)
        rows = counted(counts, [k for k in TASK_STATUSES if counts[k]], TASK_STATUSES.__getitem__, by_value=False)
        documents = len({x.document.id for x in tasks})
        figure = Figure(
            "nhiem-vu-theo-trang-thai", title, unit="nhiệm vụ", category="Trạng thái", series=("Số nhiệm vụ",), rows=rows, page=page,
            source=f"Nhiệm vụ ghi trong {documents} văn bản đăng trên cổng thông tin", source_page=urls.TASKS,
            date=self.catalog.now.date(), date_label="Trạng thái tính đến ngày",  # a status depends on the build's day
            notes=(TASK_NOTE,),
        )  # fmt: skip
        return finish(figure, places=False)

    # editors' data files -----------------------------------------------------------------------------------
    def from_dataset(self, dataset: Dataset) -> Figure:
        c, d = self.catalog, dataset.data
        document = c.by_id.get(d.document) if d.document else None
        rows = tuple(
            Row(r.label or c.registries.provinces[r.province].name, r.values, urls.province(r.province) if r.province else None)  # type: ignore[index]
            for r in dataset.rows
        )
        figure = Figure(
            dataset.id, d.title + (" (số liệu minh họa)" if d.illustrative else ""), unit=d.unit, category=dataset.category, series=dataset.series,
            rows=rows, page=urls.STATISTICS, source=d.source, source_url=d.source_url, source_page=document.url if document else None,
            date=d.date, notes=(d.note,) if d.note else (), illustrative=d.illustrative, totals=d.total,
        )  # fmt: skip
        return finish(figure)

    # the figures of one page ----------------------------------------------------------------------------------
    def province(self, province_id: str) -> list[Figure]:
        """A province's cooperatives by sector (when they spread over two sectors or more)."""
        name, page = self.catalog.registries.provinces[province_id].name, urls.province(province_id)
        coops = [e for e in self.catalog.by_province.get(province_id, []) if isinstance(e, CooperativeEntry)]
        return self.keep([self.cooperatives_by_sector(coops, page, f"Hợp tác xã của {name} trong danh bạ, theo lĩnh vực")])

    def agency(self, agency_id: str) -> list[Figure]:
        """The tasks an agency leads or joins, by status, and the documents it issued, by type."""
        c = self.catalog
        name, page = c.registries.agencies[agency_id].name, urls.agency(agency_id)
        documents = [e for e in c.by_agency.get(agency_id, []) if isinstance(e, DocumentEntry)]
        return self.keep([
            self.tasks_by_status(c.tasks_by_agency.get(agency_id, []), page, f"Nhiệm vụ {name} chủ trì, phối hợp, theo trạng thái"),
            self.documents_by_type(documents, page, f"Văn bản {name} ban hành, theo loại"),
        ])  # fmt: skip

    def directory_figures(self) -> list[Figure]:
        """What /htx/ shows under its table: the directory by province and by sector."""
        return [self.site["htx-theo-tinh"], self.site["htx-theo-linh-vuc"]]

    def keep(self, figures: list[Figure]) -> list[Figure]:
        """The figures worth a chart on a page — two rows or more: one bar says nothing a sentence
        does not — kept for their downloads."""
        worth = [f for f in figures if len(f.rows) >= 2]
        self.scoped.update((f.csv, f) for f in worth)
        return worth

    def downloads(self) -> dict[str, str]:
        """Site path → content of the CSV and JSON of every figure the pages showed."""
        return {path: text for f in [*self.site.values(), *self.scoped.values()] for path, text in files(f).items()}


def newest(entries: list) -> date | None:
    """The day the newest of these entries was last changed: the date of a figure counting them."""
    return max(e.updated for e in entries).date() if entries else None


def files(figure: Figure) -> dict[str, str]:
    """Site path → content of a figure's downloads: CSV (UTF-8 with a byte-order mark, so spreadsheet
    programs read Vietnamese right; a header row) and JSON (the same rows, with the title, unit,
    source and date)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([figure.category, *figure.series])
    writer.writerows([row.label, *row.values] for row in figure.rows)
    data = {
        "id": figure.id, "tieu_de": figure.title, "don_vi": figure.unit, "nguon": figure.source, "nguon_url": figure.source_url,
        "ngay": figure.date.isoformat() if figure.date else None, "minh_hoa": figure.illustrative, "ghi_chu": list(figure.notes),
        "tom_tat": figure.summary, "cot": [figure.category, *figure.series],
        "dong": [{"nhan": row.label, "so_lieu": list(row.values)} for row in figure.rows],
    }  # fmt: skip
    return {figure.csv: "\ufeff" + buffer.getvalue(), figure.json: json.dumps(data, ensure_ascii=False, indent=1) + "\n"}


def date_text(figure: Figure) -> str:
    return f"{figure.date_label} {short_date(figure.date)}" if figure.date else ""
