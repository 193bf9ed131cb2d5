"""/so-lieu/: every figure of the site — computed from the catalog, then the editors' data files —
each with its chart, table, source, date and downloads (figures.py, figureblocks.py); and the
figures other pages show: one featured on the home page, one embedded in an article's body."""

from __future__ import annotations

from markupsafe import Markup

from ..common import urls
from ..content.entries import AnyEntry
from .cards import link
from .figureblocks import block, blocks
from .page import Book, Page

GROUPS = [
    ("Hợp tác xã trong danh bạ", ["htx-theo-tinh", "htx-theo-linh-vuc", "htx-theo-loai-hinh", "htx-kieu-moi"]),
    ("Sản phẩm OCOP", ["ocop-theo-hang-sao", "ocop-theo-nam"]),
    ("Văn bản và nhiệm vụ", ["van-ban-theo-loai", "van-ban-theo-nam", "nhiem-vu-theo-trang-thai"]),
]
INTRO = ("Các số liệu dưới đây được tính từ nội dung đăng trên cổng mỗi khi trang được dựng lại — danh bạ hợp tác xã, sổ văn bản, "
         "nhiệm vụ các văn bản giao — và từ các tệp số liệu biên tập viên cung cấp, có ghi nguồn. Đây không phải số liệu thống kê "
         "chính thức của cả nước. Mỗi biểu đồ kèm bảng số liệu, nguồn, ngày của số liệu và tệp tải về (CSV, JSON).")  # fmt: skip


def statistics_page(book: Book) -> None:
    figures = book.figures.site

    def make() -> dict:
        built_in = {i for _, ids in GROUPS for i in ids}
        supplied = [f for i, f in figures.items() if i not in built_in]
        groups = [{"title": title, "figures": blocks([figures[i] for i in ids], urls.STATISTICS)} for title, ids in GROUPS]
        if supplied:
            groups.append({"title": "Số liệu từ báo cáo, kế hoạch", "figures": blocks(supplied, urls.STATISTICS)})
        return {"heading": "Số liệu", "intro": INTRO, "groups": groups, "breadcrumbs": [link(urls.HOME, "Trang chủ")],
                "index": [link(f"#{f.id}", f.title) for f in figures.values()]}  # fmt: skip

    book.add(urls.STATISTICS, "Số liệu", "portal/statistics.html", make,
             "Hợp tác xã theo tỉnh, lĩnh vực, loại hình; sản phẩm OCOP; văn bản và nhiệm vụ — biểu đồ, bảng số liệu, nguồn và tệp tải về")  # fmt: skip


def embedded(book: Book, figure_id: str, here: str, occurrence: int) -> Markup | None:
    """The block a body's ``{{ so-lieu: <id> }}`` becomes on the page at ``here`` (None: no such figure)."""
    figure = book.figures.site.get(figure_id)
    if figure is None:
        return None
    anchor = f"so-lieu-{figure_id}" + (f"-{occurrence}" if occurrence > 1 else "")
    return block(figure, here, heading=None, anchor=anchor)


def home_figure(book: Book) -> dict | None:
    """The figure the home page features (``home_figure`` in mkdocs.yml), or None."""
    figure = book.figures.site.get(book.settings.home_figure or "")
    return {"id": figure.id, "title": figure.title, "html": block(figure, urls.HOME, "h3")} if figure else None


def embedding(book: Book, entry: AnyEntry, page: Page) -> None:
    """The own page of an entry whose body embeds figures carries those figures' data: when a count
    changes, an incremental build renders it again (views/incremental.py compares pages' data)."""
    if shown := [repr(book.figures.site[i]) for i, _ in entry.figures if i in book.figures.site]:
        page.context["embedded_figures"] = shown
