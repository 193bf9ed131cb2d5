"""The editor's path, in Vietnamese: `portal new`, then the usual mistakes, each with the exact
message an editor reads; nothing unpublished goes unnamed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CONTENT, ROOT

NOW = "2026-11-25T09:00"
NEW = "content/tin-tuc/hop-tac-xa-nuoi-ong-quan-ba.md"


def portal(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PORTAL_NOW": NOW, "PORTAL_LANG": "vi"}
    return subprocess.run([sys.executable, "-m", "site_plugins", *args], capture_output=True, text=True, cwd=cwd, env=env)


@pytest.fixture
def workspace(tmp_path) -> Path:
    shutil.copytree(CONTENT, tmp_path / "content")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def problems(result: subprocess.CompletedProcess) -> list[str]:
    return [line.strip() for line in result.stderr.splitlines() if line.startswith("  content/")]


def test_the_editors_path(workspace):
    created = portal("new", "article", "Hợp tác xã nuôi ong Quản Bạ", cwd=workspace)
    assert created.returncode == 0, created.stderr
    assert created.stdout.strip() == "đã tạo content/tin-tuc/hop-tac-xa-nuoi-ong-quan-ba.md — điền các chỗ có dấu '…', rồi chạy 'portal check'"
    article = workspace / NEW
    text = article.read_text("utf-8")
    assert text.startswith("---\nid: tin-2026-11-25-hop-tac-xa-nuoi-ong-quan-ba ")
    assert 'title: "Hợp tác xã nuôi ong Quản Bạ"' in text and "date: 2026-11-25T09:00" in text

    # 1. the skeleton as written: the places to fill are named, once each
    first = portal("check", "content", cwd=workspace)
    assert first.returncode == 1
    assert problems(first) == [
        "content/tin-tuc/hop-tac-xa-nuoi-ong-quan-ba.md:4: summary: chưa điền (vẫn là '…') — viết giá trị thật",
        "content/tin-tuc/hop-tac-xa-nuoi-ong-quan-ba.md:6: column: chưa điền (vẫn là '…') — viết giá trị thật",
        "content/tin-tuc/hop-tac-xa-nuoi-ong-quan-ba.md:7: agency: chưa điền (vẫn là '…') — viết giá trị thật",
    ]

    # 2. filled as an editor would: names instead of ids (without accents, too), a wrong date,
    #    a cover whose file name is a little off
    edit(article, 'summary: "…"', "summary: Mật ong bạc hà Quản Bạ đạt OCOP 4 sao.")
    edit(article, 'column: "…"', "column: Kinh tế tập thể, HTX")
    edit(article, 'agency: "…"', "agency: Lien minh HTX tinh Lao Cai")
    edit(article, "date: 2026-11-25T09:00", "date: 2026-11-31T09:00")
    edit(article, "# cover: {src: ../anh/ten-anh.jpg, alt: Mô tả ảnh, caption: Chú thích, credit: Tác giả ảnh}",
         "cover: {src: ../anh/che-shan.jpg, alt: Vườn chè}")  # fmt: skip
    second = portal("check", "content", cwd=workspace)
    assert problems(second) == [
        "content/tin-tuc/hop-tac-xa-nuoi-ong-quan-ba.md:5: date: '2026-11-31T09:00' không phải ngày hợp lệ — viết YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam)",
        "content/tin-tuc/hop-tac-xa-nuoi-ong-quan-ba.md:6: column: không có chuyên mục 'Kinh tế tập thể, HTX' — viết mã 'kinh-te-tap-the-htx' (Kinh tế tập thể, HTX), không viết tên",
        "content/tin-tuc/hop-tac-xa-nuoi-ong-quan-ba.md:7: agency: không có cơ quan 'Lien minh HTX tinh Lao Cai' — viết mã 'lien-minh-htx-tinh-lao-cai' (Liên minh Hợp tác xã tỉnh Lào Cai), không viết tên",
    ]  # the cover is checked once the entry is valid

    # 3. ids and the date corrected; the cover's near name is suggested with where it looked
    edit(article, "date: 2026-11-31T09:00", "date: 2026-11-25T09:00")
    edit(article, "column: Kinh tế tập thể, HTX", "column: kinh-te-tap-the-htx")
    edit(article, "agency: Lien minh HTX tinh Lao Cai", "agency: lien-minh-htx-tinh-lao-cai")
    third = portal("check", "content", cwd=workspace)
    assert problems(third) == [
        "content/tin-tuc/hop-tac-xa-nuoi-ong-quan-ba.md:11: cover.src: '../anh/che-shan.jpg' không có tệp này (đã tìm content/anh/che-shan.jpg) — có phải là '../anh/che-shan-tuyet.jpg'?",
    ]
    edit(article, "../anh/che-shan.jpg", "../anh/che-shan-tuyet.jpg")

    # 4. an old article copied to start a new one, keeping its id: the NEW file is blamed
    old = workspace / "content/tin-tuc/kim-son-giu-nghe-coi.md"
    copy = workspace / "content/tin-tuc/kim-son-mua-coi-2026.md"
    copy.write_text(old.read_text("utf-8").replace("date: 2024-05-29T08:00", "date: 2026-11-20T08:00"), "utf-8")
    fourth = portal("check", "content", cwd=workspace)
    assert problems(fourth) == [
        "content/tin-tuc/kim-son-mua-coi-2026.md:2: id: mã 'tin-2024-05-29-kim-son-nghe-coi' đã dùng cho content/tin-tuc/kim-son-giu-nghe-coi.md:2 (đăng 29/05/2024) — đặt cho tệp này một id mới, ví dụ 'tin-2026-11-20-kim-son-mua-coi-2026' (không đổi id của bài đã đăng)",
    ]
    edit(copy, "id: tin-2024-05-29-kim-son-nghe-coi", "id: tin-2026-11-20-kim-son-mua-coi-2026")

    # 5. a year typo is an error; meant (scheduled: true) and a draft: accepted, named as not published
    edit(article, "date: 2026-11-25T09:00", "date: 2052-11-25T09:00")
    typo = portal("check", "content", cwd=workspace)
    assert problems(typo) == [
        "content/tin-tuc/hop-tac-xa-nuoi-ong-quan-ba.md:5: date: ngày 25/11/2052 xa hơn một năm nữa (gõ nhầm năm?) — sửa năm; "
        "nếu thật sự muốn hẹn đăng xa như vậy, thêm dòng 'scheduled: true'"
    ]
    edit(article, "date: 2052-11-25T09:00", "date: 2052-11-25T09:00\nscheduled: true")
    edit(copy, "\n---\n", "\ndraft: true\n---\n")
    fifth = portal("check", "content", cwd=workspace)
    assert fifth.returncode == 0, fifth.stderr
    notes = [line for line in fifth.stdout.splitlines() if "chưa đăng" in line]
    assert notes == [
        "content/tin-tuc/ban-nhap-chuyen-doi-so-htx.md:9: draft: chưa đăng: bài nháp (draft: true) — xóa dòng 'draft: true' khi muốn đăng",
        "content/tin-tuc/dien-dan-htx-2027.md:5: date: chưa đăng: hẹn giờ, xuất bản lúc 08:00 Chủ Nhật, 10/01/2027 — trang được dựng lại sau thời điểm đó thì bài mới hiện",
        "content/tin-tuc/hop-tac-xa-nuoi-ong-quan-ba.md:5: date: chưa đăng: hẹn giờ, xuất bản lúc 09:00 Thứ Hai, 25/11/2052 — trang được dựng lại sau thời điểm đó thì bài mới hiện",
        "content/tin-tuc/kim-son-mua-coi-2026.md:14: draft: chưa đăng: bài nháp (draft: true) — xóa dòng 'draft: true' khi muốn đăng",
    ]
    assert fifth.stdout.strip().endswith("không có lỗi.")


@pytest.mark.parametrize("kind, title", [("article", "Tin mới về hợp tác xã"), ("cooperative", "Hợp tác xã Mật ong Quản Bạ"),
                                         ("document", "Kế hoạch tuyên truyền năm 2027")])  # fmt: skip
def test_portal_new_passes_check_once_the_placeholders_are_filled(workspace, kind, title):
    created = portal("new", kind, title, cwd=workspace)
    assert created.returncode == 0, created.stderr
    target = workspace / created.stdout.split()[2]
    text = target.read_text("utf-8")
    assert "…" in text and portal("check", "content", cwd=workspace).returncode == 1
    filled = {"summary": "Một câu tóm tắt.", "column": "kinh-te-tap-the-htx", "agency": "lien-minh-htx-viet-nam",
              "province": "lao-cai", "type": "Kế hoạch"}  # fmt: skip
    for field, value in filled.items():
        text = text.replace(f'{field}: "…"', f"{field}: {value}")
    text = text.replace('sectors: ["…"]', "sectors: [nong-nghiep]").replace('issuers: ["…"]', "issuers: [lien-minh-htx-viet-nam]")
    target.write_text(text, "utf-8")
    result = portal("check", "content", cwd=workspace)
    assert result.returncode == 0, result.stderr
    assert portal("new", kind, title, cwd=workspace).returncode == 1  # never overwrites


def test_the_guides_templates_publish_when_copied(workspace):
    guide = (ROOT / "docs" / "huong-dan-bien-tap.md").read_text("utf-8")
    template = guide.split("## 2. Bài viết", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    assert "\ndraft: true" not in template  # only as a comment
    (workspace / "content/tin-tuc/mau.md").write_text(template.replace("id: tin-2024-05-21-che-shan-tuyet-ban-xeo", "id: tin-mau")
                                                      .replace("slug: che-shan-tuyet", "slug: mau") + "\nNội dung.\n", "utf-8")  # fmt: skip
    result = portal("check", "content", cwd=workspace)
    assert result.returncode == 0, result.stderr
    assert "mau.md" not in result.stdout  # published: not among the unpublished


def test_the_guides_field_tables_are_generated_from_the_schema(tmp_path):
    from site_plugins.editors.fieldtables import KINDS, refresh, table

    guide = ROOT / "docs" / "huong-dan-bien-tap.md"
    copy = tmp_path / "guide.md"
    copy.write_text(guide.read_text("utf-8"), "utf-8")
    assert not refresh(copy), "the field tables are stale: run `.venv/bin/portal guide`"
    text = guide.read_text("utf-8")
    for kind, model in KINDS.items():
        assert table(kind) in text
        for name in model.model_fields:
            assert f"| `{name}` |" in table(kind)
    assert "| `title` | có | chữ |" in table("article") and "| `draft` |  | `true` hoặc `false` |" in table("article")
    # and a change in the schema makes it stale
    copy.write_text(text.replace("| `slug` |", "| `slg` |", 1), "utf-8")
    assert refresh(copy)


GOOD = """---
id: tin-2026-11-20-thu
title: Tin thử
summary: Một câu tóm tắt.
date: 2026-11-20T08:00
column: htx-kieu-moi
agency: lien-minh-htx-viet-nam
tags: [chuyen-doi-so]
---

Nội dung.
"""


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ("title: Tin thử", "title: Hội nghị: tổng kết", "content/tin-tuc/thu.md:3: lỗi cú pháp: dấu ':' nằm trong một giá trị chưa đặt trong ngoặc kép"),
        (
            "tags: [chuyen-doi-so]",
            "tags: [chuyen-doi-so, htx\ndraft: false",
            "content/tin-tuc/thu.md:8: lỗi cú pháp: danh sách mở bằng '[' ở dòng này chưa đóng",
        ),
        ("title: Tin thử", "\ttitle: Tin thử", "content/tin-tuc/thu.md:3: lỗi cú pháp: có ký tự tab ở dòng này"),
        (
            "tags: [chuyen-doi-so]",
            "tags: [chuyen-doi-so, khong-co-the-nay]",
            "content/tin-tuc/thu.md:8: tags.2: không có từ khóa 'khong-co-the-nay' — chạy 'portal new tag \"Tên …\"', hoặc thêm vào cuối "
            "content/_registry/tags.yml: - {id: khong-co-the-nay, title: …}",
        ),
        (
            "date: 2026-11-20T08:00",
            "date: 20/11/2026 08:00",
            "content/tin-tuc/thu.md:5: date: '20/11/2026 08:00' viết theo kiểu ngày/tháng/năm — viết năm-tháng-ngày: 2026-11-20T08:00",
        ),
        ("title: Tin thử\n", "", "content/tin-tuc/thu.md:1: title: bắt buộc phải có — thêm 'title: …'"),
    ],
)
def test_front_matter_mistakes_are_named_in_vietnamese_at_their_line(workspace, old, new, expected):
    (workspace / "content/tin-tuc/thu.md").write_text(GOOD.replace(old, new, 1), "utf-8")
    result = portal("check", "content", cwd=workspace)
    assert result.returncode == 1
    assert [line for line in problems(result) if line.startswith(expected)], result.stderr


def test_a_missing_field_with_fixed_values_lists_them(workspace):
    text = (CONTENT / "van-ban/145-kh-lmhtxvn-2021.md").read_text("utf-8").replace("type: Kế hoạch\n", "", 1)
    (workspace / "content/van-ban/145-kh-lmhtxvn-2021.md").write_text(text, "utf-8")
    (line,) = [x for x in problems(portal("check", "content", cwd=workspace)) if ": type:" in x]
    assert line.startswith("content/van-ban/145-kh-lmhtxvn-2021.md:1: type: bắt buộc phải có — thêm 'type: …' với một trong: 'Nghị quyết', 'Kết luận'")


def test_registry_items_without_writing_yaml(workspace):
    """`portal new agency|tag|province|column`: a national body comes with its data and lineage, any
    other gets level and kind from its name; the registry stays valid and an entry can use them."""
    for args in (["agency", "Ủy ban nhân dân tỉnh Quảng Bình"], ["agency", "Hợp tác xã Nông nghiệp Bắc Hà", "--province", "lao-cai"],
                 ["tag", "Chuyển đổi số xanh"], ["province", "Tỉnh Gia Lai"], ["column", "Nông thôn mới"]):  # fmt: skip
        result = portal("new", *args, "--content", "content", cwd=workspace)
        assert result.returncode == 0 and result.stdout.startswith("đã thêm '"), result.stderr
    agencies = (workspace / "content/_registry/agencies.yml").read_text("utf-8")
    assert "id: ubnd-tinh-quang-binh" in agencies and "id: ubnd-tinh-quang-tri" in agencies  # merged into Quảng Trị in 2025
    assert "{id: hop-tac-xa-nong-nghiep-bac-ha, name: Hợp tác xã Nông nghiệp Bắc Hà, level: tinh, kind: nha-nuoc, province: lao-cai}" in agencies
    again = portal("new", "tag", "Chuyển đổi số xanh", "--content", "content", cwd=workspace)
    assert again.returncode == 1 and "đã có mã 'chuyen-doi-so-xanh'" in again.stderr
    (workspace / "content/tin-tuc/thu.md").write_text(GOOD.replace("[chuyen-doi-so]", "[chuyen-doi-so-xanh]").replace("htx-kieu-moi", "nong-thon-moi"), "utf-8")
    result = portal("check", "content", cwd=workspace)
    assert result.returncode == 0, result.stderr


def test_registry_items_in_their_own_files(workspace):
    """content/_registry/<name>/*.yml: one item a file (what the newsroom editor writes), checked
    like the list; the wrong shape and a duplicate id are named at their file and line."""
    folder = workspace / "content/_registry/tags"
    folder.mkdir()
    (folder / "chuyen-doi-so-xanh.yml").write_text("id: chuyen-doi-so-xanh\ntitle: Chuyển đổi số xanh\n", "utf-8")
    (workspace / "content/tin-tuc/thu.md").write_text(GOOD.replace("[chuyen-doi-so]", "[chuyen-doi-so-xanh]"), "utf-8")
    assert portal("check", "content", cwd=workspace).returncode == 0
    (folder / "danh-sach.yml").write_text("- id: mot\n  title: Một\n", "utf-8")
    (folder / "trung.yml").write_text("title: Trùng\nid: chuyen-doi-so\n", "utf-8")
    found = problems(portal("check", "content", cwd=workspace))
    assert "content/_registry/tags/danh-sach.yml:1: phải là một mục danh mục: các dòng 'id: …', 'name: …' (không có dấu '-' ở đầu)" in found
    assert [x for x in found if x.startswith("content/_registry/tags/trung.yml:1: id: mã 'chuyen-doi-so' bị trùng, đã khai báo ở content/_registry/tags.yml:")]
