"""`portal new`: a skeleton entry with a fresh permanent id, its slug, today's date in Vietnam time
and every required field; the places to fill are marked '…' (which `portal check` refuses until
they are filled), with short Vietnamese comments."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ..common import urls
from ..content.entries import ENTRY_TYPES
from ..content.entry import id_words

FOLDERS = {kind: section for section, kind in urls.SECTIONS.items()}

SKELETONS = {
    "article": """---
id: {id}   # mã cố định: KHÔNG BAO GIỜ đổi sau khi đăng
title: "{title}"
summary: "…"   # sapo: một hai câu tóm tắt
date: {now:%Y-%m-%dT%H:%M}   # giờ Việt Nam; ngày trong tương lai = hẹn giờ đăng
column: "…"   # mã chuyên mục (content/_registry/columns.yml), ví dụ kinh-te-tap-the-htx
agency: "…"   # mã cơ quan đăng tin (content/_registry/agencies.yml)
authors: []   # ví dụ [Minh Anh]
tags: []      # mã từ khóa (content/_registry/tags.yml)
# provinces: [lao-cai]        # (không bắt buộc) mã tỉnh
# cover: {{src: ../anh/ten-anh.jpg, alt: Mô tả ảnh, caption: Chú thích, credit: Tác giả ảnh}}
# draft: true                 # (không bắt buộc) bỏ dấu # để giữ làm bài nháp
---

Nội dung bài viết. Tiêu đề phụ viết `## Tiêu đề phụ`.
""",
    "cooperative": """---
id: {id}   # mã cố định: KHÔNG BAO GIỜ đổi sau khi đăng
name: "{title}"
kind: hợp tác xã   # hoặc: liên hiệp hợp tác xã, tổ hợp tác
summary: "…"   # một câu giới thiệu
date: {now:%Y-%m-%d}   # ngày đăng hồ sơ
province: "…"   # mã tỉnh (content/_registry/provinces.yml)
sectors: ["…"]   # mã lĩnh vực (content/_registry/sectors.yml), ít nhất một
# founded: 2017
# members: 40
# products: [Sản phẩm chính]
# ocop: [{{product: Tên sản phẩm, stars: 4, year: 2024}}]
# contact: {{address: Địa chỉ, phone: "0214 …", email: htx@example.vn, website: https://…}}
---

Giới thiệu hợp tác xã.
""",
    "document": """---
id: {id}   # mã cố định: KHÔNG BAO GIỜ đổi sau khi đăng
type: "…"   # Kế hoạch, Hướng dẫn, Nghị quyết… (xem hướng dẫn biên tập)
# number: 145/KH-LMHTXVN     # số, ký hiệu đúng như in; dự thảo chưa có số thì để trống
issuers: ["…"]   # mã cơ quan ban hành (content/_registry/agencies.yml)
issued: {now:%Y-%m-%d}   # ngày ban hành; chưa ghi ngày thì thay bằng year: {now:%Y}
summary: "{title}"   # trích yếu
---

Nội dung văn bản. Có thể dùng lệnh `portal import` để nhập tự động từ tệp .docx, .txt.
""",
    "event": """---
id: {id}   # mã cố định: KHÔNG BAO GIỜ đổi sau khi đăng (lịch của bạn đọc nhận ra sự kiện nhờ mã này)
title: "{title}"
summary: "…"   # một hai câu: sự kiện gì, cho ai
kind: hội nghị   # hoặc: tập huấn, hội thảo, xúc tiến thương mại, cuộc thi, giao ban, khác
start: {now:%Y-%m-%d}T08:00   # giờ Việt Nam; sự kiện cả ngày: chỉ ghi ngày, ví dụ {now:%Y-%m-%d}
end: {now:%Y-%m-%d}T11:30     # viết cùng kiểu với start; sự kiện nhiều ngày: ngày cuối cùng
place: "…"   # địa điểm: hội trường, số nhà, đường
province: "…"   # mã tỉnh (content/_registry/provinces.yml)
organisers: ["…"]   # mã cơ quan tổ chức (content/_registry/agencies.yml)
date: {now:%Y-%m-%dT%H:%M}   # ngày giờ đăng tin về sự kiện
# commune: Phường …            # xã, phường
# documents: [kh-145-lmhtxvn-2021]   # kế hoạch, văn bản liên quan (id trên trang)
# articles: []                 # tin bài về sự kiện (id trên trang)
# registration: https://…      # đường dẫn đăng ký tham dự
# campaign: thang-hanh-dong-vi-htx-2024
# Hoãn, dời lịch: status: hoan và new_start: (ngày giờ mới) — giữ nguyên start. Hủy: status: huy. Đừng xóa tệp.
---

Nội dung, chương trình của sự kiện.
""",
}


def write_skeleton(kind: str, title: str, content_dir: Path, now: datetime) -> Path:
    """Write the skeleton; FileExistsError rather than overwrite."""
    target = content_dir / FOLDERS[kind] / f"{id_words(title, 10)}.md"
    if target.exists():
        raise FileExistsError(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    safe = title.replace('"', "'")
    target.write_text(SKELETONS[kind].format(id=ENTRY_TYPES[kind].new_id(id_words(title), now), title=safe, now=now), "utf-8")
    return target
