"""The editors' guide's tables of fields (one per kind of entry), generated from the schema so they
cannot drift: `portal guide` rewrites them between markers in docs/huong-dan-bien-tap.md, and a
test fails when they are stale."""

from __future__ import annotations

import re
import types
import typing
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel

from ..content.entries import ENTRY_TYPES
from ..content.models import Article, Cooperative, Document, Event
from ..content.registries import REGISTRY_FILES

KINDS: dict[str, type[BaseModel]] = {"article": Article, "cooperative": Cooperative, "document": Document, "event": Event}
# One example per field name (the same field means the same thing in every kind).
EXAMPLES = {
    "id": "tin-2024-05-21-che-shan-tuyet", "title": "Chè Shan tuyết Bản Xèo vươn ra thị trường", "summary": "Một hai câu tóm tắt.",
    "date": "2024-05-21T07:00", "updated": "2024-05-22T09:00", "column": "htx-kieu-moi", "authors": "[Minh Anh]",
    "agency": "lien-minh-htx-tinh-lao-cai", "provinces": "[lao-cai]", "tags": "[ocop, htx-kieu-moi]",
    "cooperatives": "[htx-che-shan-tuyet-ban-xeo]", "documents": "[kh-145-lmhtxvn-2021]",
    "cover": "{src: ../anh/che-shan-tuyet.jpg, alt: Đồi chè}", "campaign": "thang-hanh-dong-vi-htx-2024", "draft": "true",
    "featured": "true", "slug": "che-shan-tuyet", "name": "Hợp tác xã Chè Shan tuyết Bản Xèo", "kind": "hợp tác xã",
    "province": "lao-cai", "district": "Huyện Bát Xát", "commune": "Xã Bản Xèo", "founded": "2017", "members": "42",
    "sectors": "[nong-nghiep]", "products": "[Chè Shan tuyết]", "value_chains": "[Liên kết thu mua với 180 hộ]",
    "ocop": "[{product: Chè Shan tuyết, stars: 4, year: 2022}]", "new_model": "true",
    "contact": "{phone: 0214 3 123 456, email: htx@example.vn, website: https://htx.example.vn}",
    "coordinates": "{lat: 22.55, lon: 103.73}", "photos": "[{src: ../anh/che-shan-tuyet.jpg, alt: Đồi chè}]",
    "illustrative": "true", "type": "Kế hoạch", "number": "145/KH-LMHTXVN", "issuers": "[lien-minh-htx-viet-nam]",
    "place": "Hà Nội", "issued": "2021-03-22", "year": "2021",
    "signers": "[{name: Nguyễn Ngọc Bảo, position: Chủ tịch, capacity: TM., on_behalf_of: Ban Chấp hành}]",
    "review": "[\"issued: chỉ giữ năm 2021 — đối chiếu bản gốc\"]",
    "recipients": "[Ban Tuyên giáo Trung ương]", "cites": "[{number: 70-KL/TW, relation: can-cu}]",
    "tasks": "[{text: …, lead: [lien-minh-htx-viet-nam], deadline: Quý I/2021}]", "tracked": "true", "status": "ngung-hieu-luc",
    "replaced_by": "luat-17-2023-qh15", "effective": "2024-07-01", "expires": "2030-12-31", "status_since": "2025-09-01",
    "completes": "[{document: kh-145-lmhtxvn-2021, task: 2, done: 2021-06-20}]", "changes": "[{date: 2021-04-02, text: Sửa trích yếu theo bản gốc}]",
    "attachments": "[{title: Bản gốc, src: ../tep/145.pdf}]",
    "start": "2027-03-12T08:00", "end": "2027-03-12T11:30", "organisers": "[lien-minh-htx-tinh-lao-cai]",
    "articles": "[tin-2022-07-22-lao-cai-chuong-trinh-phoi-hop]", "registration": "https://hoicho.example.vn/dang-ky",
    "new_start": "2027-03-19T08:00", "new_end": "2027-03-19T11:30", "status_note": "Dời lịch vì mưa bão",
}  # fmt: skip
BY_KIND = {  # where a kind writes the same field differently
    ("cooperative", "id"): "htx-che-shan-tuyet-ban-xeo", ("document", "id"): "kh-145-lmhtxvn-2021",
    ("cooperative", "summary"): "Một câu giới thiệu.", ("document", "summary"): "Trích yếu của văn bản",
    ("cooperative", "date"): "2024-05-20", ("document", "date"): "2021-03-25T08:00",
    ("event", "id"): "sk-2026-11-10-hoi-cho-xuc-tien-thuong-mai", ("event", "title"): "Hội chợ xúc tiến thương mại sản phẩm hợp tác xã",
    ("event", "kind"): "xúc tiến thương mại", ("event", "place"): "Cung Văn hóa Hữu nghị, 91 Trần Hưng Đạo", ("event", "commune"): "Phường Cửa Nam",
    ("event", "province"): "ha-noi", ("event", "status"): "hoan", ("event", "date"): "2026-11-10T08:00",
    ("event", "updated"): "2026-11-24T15:00", ("event", "slug"): "hoi-cho-xuc-tien-thuong-mai-2027",
    ("event", "cover"): "{src: ../anh/hoi-cho-ocop.jpg, alt: Gian hàng hội chợ}", ("event", "coordinates"): "{lat: 21.0235, lon: 105.8445}",
}  # fmt: skip
VALIDATORS = {  # our validators → how the value is written
    "_slug": "mã không dấu: a–z, 0–9, '-'",
    "parse_datetime": "ngày YYYY-MM-DD, có thể kèm giờ THH:MM (giờ Việt Nam)",
    "_date": "ngày YYYY-MM-DD",
    "_web_url": "địa chỉ web đầy đủ https://…",
    "_email": "thư điện tử",
    "_doc_number": "số, ký hiệu đúng như in",
    "_moment": "ngày YYYY-MM-DD (cả ngày) hoặc ngày giờ YYYY-MM-DDTHH:MM (giờ Việt Nam)",
}
ENTRY_WORDS = {"cooperative": "hợp tác xã", "document": "văn bản", "article": "bài viết"}  # what an id of another entry names


def _validators(metadata: list) -> list[str]:
    return [getattr(getattr(m, "func", None), "__name__", "") for m in metadata]


def describe(kind: str, name: str, annotation: Any, metadata: list) -> str:
    """How a field's value is written, in Vietnamese."""
    if name in (refs := ENTRY_TYPES[kind].ref_fields):
        table = refs[name]
        many = typing.get_origin(_strip(annotation)) is list
        if table in REGISTRY_FILES:
            return f"{'danh sách mã' if many else 'mã'} trong content/_registry/{REGISTRY_FILES[table]}.yml"
        return f"{'danh sách id' if many else 'id'} của {ENTRY_WORDS[table]} trên trang"
    for function in _validators(metadata):
        if function in VALIDATORS:
            return VALIDATORS[function]
    return _type_words(annotation)


def _strip(annotation: Any) -> Any:
    """`X | None` → X."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def _type_words(annotation: Any) -> str:
    annotation = _strip(annotation)
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        for function in _validators(metadata):
            if function in VALIDATORS:
                return VALIDATORS[function]
        return _type_words(base)
    if origin is Literal:
        return "một trong: " + ", ".join(f"`{v}`" for v in typing.get_args(annotation))
    if origin is list:
        return "danh sách: " + _type_words(typing.get_args(annotation)[0])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "nhóm trường: " + ", ".join(f"`{n}`" for n in annotation.model_fields)
    return {bool: "`true` hoặc `false`", int: "số nguyên", float: "số thập phân", str: "chữ"}.get(annotation, "chữ")


def table(kind: str) -> str:
    rows = ["| trường | bắt buộc | cách viết | ví dụ |", "|---|---|---|---|"]
    for name, field in KINDS[kind].model_fields.items():
        required = "có" if field.is_required() else ""
        example = BY_KIND.get((kind, name), EXAMPLES.get(name, ""))
        rows.append(f"| `{name}` | {required} | {describe(kind, name, field.annotation, field.metadata)} | `{example}` |")
    return "\n".join(rows) + "\n"


MARKER = re.compile(r"(<!-- fields:(?P<kind>\w+) -->\n)(.*?)(<!-- /fields -->)", re.S)


def refresh(guide: Path) -> bool:
    """Rewrite the tables in the guide; True if anything changed."""
    text = guide.read_text("utf-8")
    new = MARKER.sub(lambda m: m.group(1) + table(m.group("kind")) + m.group(4), text)
    if new != text:
        guide.write_text(new, "utf-8")
    return new != text
