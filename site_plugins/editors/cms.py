"""The newsroom editor's configuration (Decap CMS, served at /quan-tri/), made from the content
schema: one collection per entry kind, every field of its model with a Vietnamese label and hint,
the widget its type calls for (dates in Vietnam time, choices from the registries, nested lists
for signers, citations and tasks), whether it is required. A field added to a model without a
label here fails the tests; nothing is written by hand twice."""

from __future__ import annotations

import html
import json
import types
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from ..common import yamlio
from ..common.vietnamese import sort_key
from ..common.vocabulary import EVENT_STATUSES
from ..content.entries import ENTRY_TYPES
from ..content.entry import ID_WORDS
from ..content.models import Article, Cooperative, Document, Event
from ..content.registries import AGENCY_KINDS, LEVELS, REGISTRY_DIR, Agency, Campaign, Column, Lineage, Province, Registries, Term

PATH = "quan-tri"  # where the editor is served: /quan-tri/
COLLECTIONS: list[tuple[str, type[BaseModel], str, str, str]] = [  # (name, model, folder in content/, Vietnamese label, field naming an entry)
    ("tin-tuc", Article, "tin-tuc", "Bài viết", "title"),
    ("htx", Cooperative, "htx", "Hợp tác xã", "name"),
    ("van-ban", Document, "van-ban", "Văn bản", "summary"),
    ("su-kien", Event, "su-kien", "Sự kiện", "title"),
]
# the registries, one collection each: every item the editor adds is its own file in
# content/_registry/<name>/ (the hand-kept <name>.yml list with its comments is never rewritten)
REGISTRIES: list[tuple[str, type[BaseModel], str, str, str]] = [  # (collection, model, registry, label, field naming an item)
    ("co-quan", Agency, "agencies", "Danh mục: cơ quan", "name"),
    ("dia-phuong", Province, "provinces", "Danh mục: tỉnh, thành phố", "name"),
    ("chuyen-muc", Column, "columns", "Danh mục: chuyên mục", "title"),
    ("chien-dich", Campaign, "campaigns", "Danh mục: chiến dịch", "title"),
    ("linh-vuc", Term, "sectors", "Danh mục: lĩnh vực", "title"),
    ("tu-khoa", Term, "tags", "Danh mục: từ khóa", "title"),
]
# label, hint — every field of every model (tests/test_cms.py fails on one missing)
LABELS: dict[str, tuple[str, str]] = {
    "id": ("Mã cố định", "Để trống: hệ thống tự đặt khi lưu. Không bao giờ đổi sau khi đăng."),
    "title": ("Tiêu đề", ""),
    "name": ("Tên", ""),
    "summary": ("Tóm tắt (sapo) / trích yếu", "Một hai câu."),
    "date": ("Ngày giờ đăng", "Giờ Việt Nam. Ngày trong tương lai: hẹn giờ đăng."),
    "updated": ("Cập nhật lần cuối", ""),
    "column": ("Chuyên mục", ""),
    "authors": ("Tác giả", ""),
    "agency": ("Cơ quan", ""),
    "provinces": ("Tỉnh, thành phố", ""),
    "province": ("Tỉnh, thành phố", ""),
    "tags": ("Từ khóa", ""),
    "cooperatives": ("Hợp tác xã được nhắc đến", ""),
    "documents": ("Văn bản liên quan", ""),
    "cover": ("Ảnh bìa", ""),
    "src": ("Tệp", ""),
    "alt": ("Mô tả ảnh (cho người không nhìn thấy)", "Bắt buộc với ảnh: tả điều ảnh cho thấy."),
    "caption": ("Chú thích", ""),
    "credit": ("Nguồn ảnh", ""),
    "focus": ("Điểm chính của ảnh", ""),
    "campaign": ("Chiến dịch", ""),
    "draft": ("Bản nháp (chưa đăng)", ""),
    "scheduled": ("Hẹn đăng xa (hơn một năm)", "Chỉ bật khi ngày đăng thật sự cách hơn một năm."),
    "featured": ("Nổi bật trên trang chủ", ""),
    "slug": ("Đường dẫn riêng", "Để trống: lấy theo tên tệp."),
    "kind": ("Loại hình", ""),
    "district": ("Huyện", ""),
    "commune": ("Xã", ""),
    "founded": ("Năm thành lập", ""),
    "members": ("Số thành viên", ""),
    "sectors": ("Lĩnh vực", ""),
    "products": ("Sản phẩm", ""),
    "value_chains": ("Chuỗi giá trị", ""),
    "ocop": ("Sản phẩm OCOP", ""),
    "product": ("Sản phẩm", ""),
    "stars": ("Số sao", ""),
    "year": ("Năm", ""),
    "new_model": ("Hợp tác xã kiểu mới", ""),
    "contact": ("Liên hệ", ""),
    "address": ("Địa chỉ", ""),
    "phone": ("Điện thoại", ""),
    "email": ("Thư điện tử", ""),
    "website": ("Trang web", "Đầy đủ, bắt đầu bằng https://"),
    "coordinates": ("Tọa độ", ""),
    "lat": ("Vĩ độ", ""),
    "lon": ("Kinh độ", ""),
    "photos": ("Ảnh", ""),
    "illustrative": ("Dữ liệu minh họa", ""),
    "type": ("Loại văn bản", ""),
    "number": ("Số, ký hiệu", "Đúng như in, ví dụ 145/KH-LMHTXVN. Dự thảo chưa có số: để trống."),
    "issuers": ("Cơ quan ban hành", ""),
    "place": ("Nơi ban hành", ""),
    "issued": ("Ngày ban hành", ""),
    "signers": ("Người ký", ""),
    "position": ("Chức vụ", ""),
    "capacity": ("Thẩm quyền ký", "TM., KT., Q., TL., TUQ., PT."),
    "on_behalf_of": ("Thay mặt / ký thay cho", ""),
    "chain": ("Các dòng thẩm quyền như in", "Ví dụ: TM. Ủy ban nhân dân tỉnh; KT. Chủ tịch"),
    "recipients": ("Nơi nhận", ""),
    "cites": ("Văn bản được trích dẫn", ""),
    "relation": ("Quan hệ", ""),
    "issuer": ("Cơ quan ban hành", ""),
    "scope": ("Phạm vi", ""),
    "tasks": ("Nhiệm vụ được giao", ""),
    "tracked": (
        "Theo dõi tiến độ",
        "Bật khi ban biên tập ghi nhận mọi báo cáo về nhiệm vụ của văn bản: chỉ khi đó nhiệm vụ qua hạn chưa có báo cáo mới ghi “Quá hạn”.",
    ),
    "text": ("Nội dung", ""),
    "lead": ("Cơ quan chủ trì", ""),
    "lead_name": ("Tên cơ quan chủ trì như in", ""),
    "partners": ("Cơ quan phối hợp", ""),
    "deadline": ("Thời hạn như in", "Ví dụ: Quý I/2027"),
    "funding": ("Kinh phí", ""),
    "due": ("Hạn (ngày)", ""),
    "done": ("Ngày hoàn thành", ""),
    "effective": ("Ngày có hiệu lực", ""),
    "expires": ("Ngày hết hiệu lực", ""),
    "status": ("Tình trạng hiệu lực", "Để trống: tự tính."),
    "status_since": ("Tình trạng từ ngày", ""),
    "replaced_by": ("Bị thay thế bởi", ""),
    "completes": ("Báo cáo hoàn thành nhiệm vụ của", ""),
    "document": ("Văn bản giao nhiệm vụ", ""),
    "task": ("Nhiệm vụ số / mã", ""),
    "changes": ("Các lần đính chính", ""),
    "attachments": ("Tệp đính kèm (PDF)", ""),
    "review": ("Cần kiểm tra (xóa khi đã đối chiếu)", ""),
    "short_name": ("Tên viết tắt", "Ví dụ: Liên minh HTX tỉnh"),
    "code": ("Ký hiệu trong số văn bản", "Ví dụ: LMHTXVN trong 145/KH-LMHTXVN"),
    "level": ("Cấp", ""),
    "parent": ("Trực thuộc", ""),
    "successors": ("Đổi tên, sáp nhập vào", "Cơ quan hoặc tỉnh mới và ngày có hiệu lực."),
    "dissolved": ("Ngày giải thể", ""),
    "region": ("Vùng", ""),
    "order": ("Thứ tự trên trình đơn", "Số nhỏ đứng trước."),
    "start": ("Ngày bắt đầu", ""),
    "end": ("Ngày kết thúc", ""),
    "description": ("Mô tả", "Một câu bạn đọc thấy dưới tên."),
    "note": ("Ghi chú", ""),
    "aliases": ("Cách viết khác", "Tên gặp trong văn bản, ví dụ: Liên minh HTX tỉnh. Mỗi dòng một tên."),
    "organisers": ("Đơn vị tổ chức", ""),
    "articles": ("Tin bài về sự kiện", ""),
    "registration": ("Đường dẫn đăng ký tham dự", "Đầy đủ, bắt đầu bằng https://"),
    "new_start": ("Ngày giờ mới (khi hoãn)", "Chỉ ghi khi Tình trạng là “hoan”; giữ nguyên ngày bắt đầu cũ. Viết cùng kiểu với ngày bắt đầu."),
    "new_end": ("Kết thúc mới (khi hoãn)", "Để trống: dài như lịch cũ."),
    "status_note": ("Lý do hoãn, hủy", "Một câu, hiện cùng thông báo trên trang và trong lịch."),
}
# the same field name meaning something else in one model: (model, field) → label, hint
MODEL_LABELS: dict[tuple[str, str], tuple[str, str]] = {
    ("Event", "kind"): ("Loại sự kiện", ""),
    ("Event", "place"): ("Địa điểm", "Hội trường, số nhà, đường — như người đến dự tìm."),
    ("Event", "commune"): ("Xã, phường", ""),
    ("Event", "status"): ("Tình trạng", "theo-lich: diễn ra như dự kiến; hoan: hoãn (ghi ngày mới nếu có); huy: hủy. Không xóa sự kiện đã đăng."),
    ("Event", "start"): ("Bắt đầu", "YYYY-MM-DD (cả ngày) hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam)."),
    ("Event", "end"): ("Kết thúc", "Viết cùng kiểu với Bắt đầu; sự kiện nhiều ngày: ngày cuối cùng."),
    ("Event", "documents"): ("Văn bản liên quan (kế hoạch tổ chức…)", ""),
    ("Event", "date"): ("Ngày giờ đăng tin", "Giờ Việt Nam: khi tin về sự kiện lên trang."),
}
# a day (all day) or a day and time: a text the editor checks as it is typed
MOMENT = {"widget": "string", "pattern": ["^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2})?$", "Ghi YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM"]}
# a reference field → the registry whose items it takes, or the collection whose entries it names
REGISTRY_OF = {"agency": "agencies", "issuers": "agencies", "issuer": "agencies", "lead": "agencies", "partners": "agencies",
               "column": "columns", "provinces": "provinces", "province": "provinces", "tags": "tags", "sectors": "sectors",
               "campaign": "campaigns", "organisers": "agencies"}  # fmt: skip
ENTRIES_OF = {"cooperatives": ("htx", "name"), "documents": ("van-ban", "summary"), "replaced_by": ("van-ban", "summary"),
              "document": ("van-ban", "summary"), "articles": ("tin-tuc", "title")}  # fmt: skip
LONG_TEXT = {"summary", "text", "description", "caption"}
DATETIME = {"widget": "datetime", "format": "YYYY-MM-DDTHH:mm", "date_format": "DD/MM/YYYY", "time_format": "HH:mm", "picker_utc": False}
DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY", "time_format": False, "picker_utc": False}


def config(registries: Registries, backend: dict | None = None, site_url: str = "", local: bool = True) -> dict:
    """The Decap CMS configuration for this site's content and registries."""
    return {
        "locale": "vi",
        "backend": backend or {"name": "git-gateway"},
        "local_backend": {"url": "http://127.0.0.1:8081/api/v1", "allowed_hosts": ["127.0.0.1", "localhost"]} if local else False,
        **({"publish_mode": "editorial_workflow"} if backend else {}),
        "site_url": site_url or None,
        "media_folder": "content/anh",
        "public_folder": "../anh",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            *(collection(*spec, registries) for spec in COLLECTIONS),
            *(registry_collection(*spec, registries) for spec in REGISTRIES),
        ],
    }


def collection(name: str, model: type[BaseModel], folder: str, label: str, identifier: str, registries: Registries) -> dict:
    return {
        "name": name,
        "label": label,
        "label_singular": label,
        "folder": f"content/{folder}",
        "create": True,
        "extension": "md",
        "format": "frontmatter",
        "identifier_field": identifier,
        "slug": "{{slug}}",
        "preview_path": f"{folder}/{{{{slug}}}}/",
        "summary": "{{" + identifier + "}}",
        "fields": [*fields(model, registries), {"name": "body", "label": "Nội dung", "widget": "markdown", "required": False}],
    }


def registry_collection(name: str, model: type[BaseModel], registry: str, label: str, identifier: str, registries: Registries) -> dict:
    """Items of one registry, a YAML file each in content/_registry/<registry>/."""
    return {
        "name": name,
        "label": label,
        "label_singular": label.removeprefix("Danh mục: ").capitalize(),
        "folder": f"content/{REGISTRY_DIR}/{registry}",
        "create": True,
        "extension": "yml",
        "format": "yml",
        "identifier_field": identifier,
        "slug": "{{slug}}",
        "summary": "{{" + identifier + "}}",
        "fields": fields(model, registries, own=registry),
    }


def fields(model: type[BaseModel], registries: Registries, own: str | None = None) -> list[dict]:
    """``own``: the registry whose items the model describes (its parent and successors point into it)."""
    return [field(name, info.annotation, info.is_required() and name != "id", registries, model, own) for name, info in model.model_fields.items()]


def field(name: str, annotation: Any, required: bool, registries: Registries, parent: type[BaseModel] | None = None, own: str | None = None) -> dict:
    label, hint = MODEL_LABELS.get((parent.__name__ if parent is not None else "", name)) or LABELS[name]
    spec: dict = {"name": name, "label": label, "required": required, **({"hint": hint} if hint else {})}
    inner, many = _unwrap(annotation)
    target = own if own and (name == "parent" or (name == "id" and parent is Lineage)) else REGISTRY_OF.get(name)
    if name == "src":
        spec["widget"] = "file" if parent is not None and parent.__name__ == "Attachment" else "image"
    elif target:
        items = getattr(registries, target).values()
        options = sorted(({"label": getattr(i, "name", None) or getattr(i, "title", i.id), "value": i.id} for i in items), key=lambda o: sort_key(o["label"]))
        spec.update(widget="select", options=options or [{"label": "—", "value": ""}], multiple=many)
    elif name in ENTRIES_OF:
        target, shown = ENTRIES_OF[name]
        spec.update(widget="relation", collection=target, value_field="id", search_fields=[shown], display_fields=[shown], multiple=many)
    elif isinstance(inner, type) and issubclass(inner, BaseModel):
        nested = fields(inner, registries, own)
        if not many and not required:  # an optional group (contact, coordinates): its parts are checked by `portal check` once filled
            nested = [{**f, "required": False} for f in nested]
        spec.update({"widget": "list", "fields": nested} if many else {"widget": "object", "fields": nested})
    elif get_origin(inner) is Literal:
        named = {**LEVELS, **AGENCY_KINDS} if parent is Agency else {k: f"{k} — {v}" for k, v in EVENT_STATUSES.items()} if parent is Event else {}
        spec.update(widget="select", options=[{"label": named.get(str(v), str(v)), "value": str(v)} for v in get_args(inner)], multiple=many)
    elif inner is bool:
        spec.update(widget="boolean", default=False)
    elif inner in (int, float):
        spec.update(widget="number", value_type="int" if inner is int else "float")
    elif many:
        spec.update(widget="list")  # a list of words: one item a line
    elif get_origin(inner) in (Union, types.UnionType) and set(get_args(inner)) == {date, datetime}:
        spec.update(widget=MOMENT["widget"], pattern=list(MOMENT["pattern"]))  # a copy each: no YAML aliases in the file
    elif inner is datetime:
        spec.update(DATETIME)
    elif inner is date:
        spec.update(DATE)
    else:
        spec.update(widget="text" if name in LONG_TEXT else "string")
    return spec


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """(the type inside Optional/Annotated/list, whether it is a list)."""
    many = False
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1 or (get_origin(args[0]) is Literal and len(args) > 1):
                return annotation, many
            annotation = args[0]
        elif origin is list:
            many, annotation = True, get_args(annotation)[0]
        else:
            return annotation, many


def id_rules() -> dict[str, list]:
    """Collection → [template, how many words] of the ids the editor makes: an entry kind's own
    rule (as `portal new` writes it: "tin-{date}-{words}", "htx-{words}"), a registry item's
    name's whole slug (as `portal new agency` writes it)."""
    day = datetime(2000, 1, 2)
    kinds = {entry.model: entry for entry in ENTRY_TYPES.values()}
    entries = {name: [kinds[model].new_id("{words}", day).replace(f"{day:%Y-%m-%d}", "{date}"), ID_WORDS] for name, model, *_ in COLLECTIONS}
    return {**entries, **{name: ["{words}", 0] for name, *_ in REGISTRIES}}


NEWSROOM = Path(__file__).resolve().parent / "newsroom"
MISSING = (
    "<main style='font-family: sans-serif; max-width: 40em; margin: 3em auto'><h1>Chưa cài trang soạn bài</h1>"
    "<p>Chạy <code>bash scripts/demo.sh</code> (hoặc <code>bash scripts/test.sh</code>) một lần để tải trình soạn bài, rồi dựng lại trang.</p></main>"
)


def bundle(root: Path) -> Path | None:
    """Decap CMS's browser bundle, fetched by scripts/_venv.sh (integrity-checked): beside the
    site's mkdocs.yml, or in the checkout the portal runs from."""
    for folder in (root, Path(__file__).resolve().parents[2]):
        if found := sorted((folder / "node_modules" / ".portal").glob("decap-cms-*.js")):
            return found[-1]
    return None


def newsroom_files(registries: Registries, root: Path, site_name: str, site_url: str, backend: dict | None) -> dict[str, str | Path]:
    """Site path → content of the editor's files under quan-tri/ (none of them a page: no search
    record, no sitemap entry, no feed item, no social card), or the file to copy (Decap's bundle,
    5 MB: copied by the engine when it changed, not read and written again at every save)."""
    found = bundle(root)
    scripts = ["<script>window.CMS_MANUAL_INIT = true;</script>", '<script src="decap-cms.js"></script>',
               '<script src="vi.js"></script>', '<script src="portal-cms.js"></script>']  # fmt: skip
    page = (
        (NEWSROOM / "index.html")
        .read_text("utf-8")
        .replace("{site_name}", html.escape(site_name))
        .replace("{body}", "\n  ".join(scripts) if found else MISSING)
    )
    files: dict[str, str | Path] = {f"{PATH}/index.html": page}
    if found:
        vietnamese = json.dumps(json.loads((NEWSROOM / "vi.json").read_text("utf-8")), ensure_ascii=False, separators=(",", ":"))
        settings = config(registries, backend, site_url)
        files.update({
            f"{PATH}/config.yml": yamlio.dump(settings, allow_unicode=True, sort_keys=False, width=200),
            f"{PATH}/decap-cms.js": found,
            f"{PATH}/vi.js": f"window.PORTAL_VI = {vietnamese};\n",
            f"{PATH}/portal-cms.js": (NEWSROOM / "portal-cms.js").read_text("utf-8").replace("/* RULES */ {}", json.dumps(id_rules())),
        })  # fmt: skip
    return files
