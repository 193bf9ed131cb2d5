"""Open data: the document registry, its relations and the tasks documents assign, as CSV
(UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese right, header row) and JSON,
with every column described on the page /van-ban/du-lieu/."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

from ..catalog.catalog import Catalog
from ..catalog.tasks import TASK_STATUSES
from ..common import urls
from ..common.vocabulary import RELATIONS, STATUSES

FOLDER = f"{urls.DOCUMENTS}du-lieu/"
# table → its columns: (name, what it holds); the same columns in CSV and JSON
TABLES: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "van-ban": ("Văn bản", [
        ("id", "mã cố định của văn bản trên trang"), ("url", "địa chỉ trang của văn bản"), ("loai", "loại văn bản"),
        ("so_ky_hieu", "số, ký hiệu như in (trống: dự thảo chưa có số)"), ("ma_co_quan", "mã các cơ quan ban hành, cách nhau bởi '; '"),
        ("co_quan_ban_hanh", "tên các cơ quan ban hành"), ("noi_ban_hanh", "nơi ban hành"),
        ("ngay_ban_hanh", "ngày ban hành YYYY-MM-DD (trống nếu chưa ghi ngày)"),
        ("nam", "năm ban hành"), ("trich_yeu", "trích yếu"),
        ("tinh_trang", "mã tình trạng hiệu lực (" + ", ".join(STATUSES) + ")"), ("tinh_trang_ten", "tình trạng hiệu lực"),
        ("hieu_luc_tu", "ngày có hiệu lực YYYY-MM-DD"), ("het_hieu_luc", "ngày hết hiệu lực YYYY-MM-DD (trống: chưa định)"),
        ("nguoi_ky", "người ký: họ tên (thẩm quyền, chức vụ), cách nhau bởi '; '"),
    ]),
    "quan-he": ("Quan hệ giữa các văn bản", [
        ("tu_id", "id của văn bản trích dẫn"), ("tu_so_ky_hieu", "số, ký hiệu của văn bản trích dẫn"),
        ("quan_he", "mã quan hệ (" + ", ".join(RELATIONS) + ")"), ("quan_he_ten", "quan hệ"),
        ("den_id", "id của văn bản được trích dẫn (trống: chưa đăng trên trang)"), ("den_so_ky_hieu", "số, ký hiệu (hoặc tên) của văn bản được trích dẫn"),
        ("den_url", "địa chỉ trang của văn bản được trích dẫn"),
    ]),
    "nhiem-vu": ("Nhiệm vụ được giao", [
        ("van_ban_id", "id của văn bản giao nhiệm vụ"), ("so_ky_hieu", "số, ký hiệu của văn bản"), ("stt", "thứ tự nhiệm vụ trong văn bản"),
        ("noi_dung", "nội dung nhiệm vụ"), ("chu_tri", "mã các cơ quan chủ trì"), ("chu_tri_ten", "cơ quan chủ trì như in trong văn bản"),
        ("phoi_hop", "mã các cơ quan phối hợp"), ("thoi_han", "thời hạn như in"), ("kinh_phi", "kinh phí như in"),
        ("han", "hạn hoàn thành YYYY-MM-DD (trống: không ghi thời hạn)"), ("hoan_thanh", "ngày hoàn thành YYYY-MM-DD (trống: chưa hoàn thành)"),
        ("trang_thai", "mã trạng thái (" + ", ".join(TASK_STATUSES) + ")"), ("trang_thai_ten", "trạng thái nhiệm vụ"),
    ]),
}  # fmt: skip


def iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def rows(catalog: Catalog) -> dict[str, list[dict[str, str]]]:
    reg = catalog.registries
    documents, relations, tasks = [], [], []
    for entry in sorted(catalog.documents, key=lambda e: (e.data.issued_year, e.data.number or "", e.id)):
        d, legal = entry.data, catalog.legal[entry.id]
        documents.append({
            "id": entry.id, "url": entry.url, "loai": d.type, "so_ky_hieu": d.number or "", "ma_co_quan": "; ".join(d.issuers),
            "co_quan_ban_hanh": "; ".join(reg.agencies[a].name for a in d.issuers), "noi_ban_hanh": d.place or "",
            "ngay_ban_hanh": d.issued.isoformat() if d.issued else "", "nam": str(d.issued_year), "trich_yeu": d.summary,
            "tinh_trang": legal.status, "tinh_trang_ten": legal.label, "hieu_luc_tu": iso(legal.effective), "het_hieu_luc": iso(legal.expires),
            "nguoi_ky": "; ".join(f"{s.name} ({' '.join(x for x in (s.capacity, s.position) if x)})" for s in d.signers),
        })  # fmt: skip
        for node, relation in catalog.graph.by_entry[entry.id].bases:
            relations.append({
                "tu_id": entry.id, "tu_so_ky_hieu": d.number or "", "quan_he": relation, "quan_he_ten": RELATIONS[relation],
                "den_id": node.entry.id if node.entry else "", "den_so_ky_hieu": node.number or node.title or "", "den_url": node.url,
            })  # fmt: skip
        for tracked in catalog.tasks_by_document.get(entry.id, []):
            task = tracked.task
            tasks.append({
                "van_ban_id": entry.id, "so_ky_hieu": d.number or "", "stt": str(tracked.number), "noi_dung": task.text,
                "chu_tri": "; ".join(task.lead), "chu_tri_ten": task.lead_name or "", "phoi_hop": "; ".join(task.partners),
                "thoi_han": task.deadline or "", "kinh_phi": task.funding or "", "han": iso(tracked.due), "hoan_thanh": iso(tracked.done),
                "trang_thai": tracked.status, "trang_thai_ten": tracked.label,
            })  # fmt: skip
    return {"van-ban": documents, "quan-he": relations, "nhiem-vu": tasks}


def files(catalog: Catalog) -> dict[str, str]:
    """Site path → content of every open-data file."""
    out: dict[str, str] = {}
    for name, table in rows(catalog).items():
        columns = [column for column, _ in TABLES[name][1]]
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(table)
        out[f"{FOLDER}{name}.csv"] = "\ufeff" + buffer.getvalue()
        out[f"{FOLDER}{name}.json"] = json.dumps(table, ensure_ascii=False, indent=1) + "\n"
    return out


def describe() -> list[dict]:
    """The tables, their files and their columns, for the page that documents them."""
    return [{"name": name, "title": title, "csv": f"{FOLDER}{name}.csv", "json": f"{FOLDER}{name}.json",
             "columns": [{"name": c, "about": about} for c, about in columns]} for name, (title, columns) in TABLES.items()]  # fmt: skip
