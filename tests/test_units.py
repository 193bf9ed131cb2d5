"""The units that loading, the views and the importer were split into, one at a time, without a build."""

from __future__ import annotations

from datetime import datetime

from helpers import CONTENT

from site_plugins.catalog.checks import check_unique, near_files
from site_plugins.catalog.reading import read_entries
from site_plugins.catalog.references import MAX_CHECKED, RefChecker
from site_plugins.common.vietnamese import VN_TZ
from site_plugins.content.entries import NO_NUMBER, ArticleEntry, CooperativeEntry, DocumentEntry
from site_plugins.content.entry import id_words
from site_plugins.content.registries import load_registries
from site_plugins.importer.agencies import AgencyMatcher
from site_plugins.importer.closing import read_closing
from site_plugins.importer.header import read_header
from site_plugins.importer.source import prepare_lines
from site_plugins.views.declarations import declarations
from site_plugins.views.page import Book

REGISTRIES = load_registries(CONTENT)[0]
WHEN = datetime(2026, 3, 5, 8, 0, tzinfo=VN_TZ)


def test_each_kind_names_itself(catalog):
    article = catalog.by_id["tin-2024-05-29-kim-son-nghe-coi"]
    plan = catalog.by_id["kh-145-lmhtxvn-2021"]
    cooperative = catalog.by_id["htx-coi-my-nghe-kim-son"]
    draft = next(e for e in catalog.documents if not e.data.number)
    assert isinstance(article, ArticleEntry) and isinstance(plan, DocumentEntry) and isinstance(cooperative, CooperativeEntry)
    assert article.kicker(catalog.registries) == catalog.registries.columns[article.data.column].title
    assert plan.kicker(catalog.registries) == cooperative.kicker(catalog.registries).replace("Hợp tác xã", "Văn bản") == "Văn bản"
    assert plan.title == "Kế hoạch 145/KH-LMHTXVN" and plan.headline.startswith("Kế hoạch 145/KH-LMHTXVN: Triển khai Hướng dẫn")
    assert draft.number == NO_NUMBER and draft.title == f"{draft.data.type} {NO_NUMBER}" and draft.headline.startswith(draft.title + ": ")
    assert plan.card_lines == (plan.title, plan.summary) and article.card_lines == (None, article.title)
    assert plan.picture(["anh/x.jpg"]) is None and article.picture(["anh/x.jpg"]) == "anh/x.jpg"
    assert plan.byline(catalog.registries) == ["Liên minh Hợp tác xã Việt Nam"] and plan.category(catalog.registries) == ("ke-hoach", "Kế hoạch")


def test_each_kind_makes_ids_its_way():
    words = id_words("Hợp tác xã chè Shan tuyết Bản Xèo vươn ra thị trường thế giới")
    assert words == "hop-tac-xa-che-shan-tuyet-ban-xeo"  # eight words, đ → d
    assert ArticleEntry.new_id(words, WHEN) == "tin-2026-03-05-hop-tac-xa-che-shan-tuyet-ban-xeo"
    assert CooperativeEntry.new_id(words, WHEN) == "htx-hop-tac-xa-che-shan-tuyet-ban-xeo"
    assert DocumentEntry.new_id("ke-hoach", WHEN) == "vb-2026-03-05-ke-hoach"
    assert DocumentEntry.id_for_number("KH", "145", "LMHTXVN", None, 2021) == "kh-145-lmhtxvn-2021"
    assert DocumentEntry.id_for_number("KH", None, "UBND", "ninh-thuan", 2021) == "kh-ubnd-ninh-thuan-2021-du-thao"


def test_reading_keeps_invalid_files_for_their_references(tmp_path):
    content = tmp_path / "content"
    (content / "tin-tuc").mkdir(parents=True)
    (content / "tin-tuc" / "a.md").write_text("---\nid: a\ntitle: A\nsummary: B\ndate: 2024-13-01\ncolumn: x\nagency: y\n---\n\nThân.\n", "utf-8")
    (content / "tin-tuc" / "b.md").write_text("không có phần khai báo\n", "utf-8")
    sources, problems = read_entries(content)
    assert [(s.path, s.entry) for s in sources] == [("content/tin-tuc/a.md", None)]  # kept, invalid: its refs are still checked
    assert [(p.path, p.line, p.field) for p in problems] == [("content/tin-tuc/a.md", 5, "date"), ("content/tin-tuc/b.md", 1, "")]
    again, _ = read_entries(content)
    assert again[0] is sources[0]  # unchanged files are not read again (the preview's rebuilds)


def test_a_name_written_instead_of_an_id_gets_the_id(tmp_path):
    refs = RefChecker(REGISTRIES, [])
    refs.check("agency", ["Liên minh HTX tỉnh Lào Cai", "lien-minh-htx-tinh-lao-ca", "khong-co-dau"], "a.md", 7, "issuers")
    assert [(p.field, p.fix) for p in refs.problems] == [
        ("issuers.1", "viết mã 'lien-minh-htx-tinh-lao-cai' (Liên minh Hợp tác xã tỉnh Lào Cai), không viết tên"),
        ("issuers.2", "có phải ý bạn là 'lien-minh-htx-tinh-lao-cai'?"),
        (
            "issuers.3",
            "chạy 'portal new agency \"Tên …\"', hoặc thêm vào cuối content/_registry/agencies.yml: "
            "- {id: khong-co-dau, name: …, level: tinh, kind: nha-nuoc, province: …} — hoặc viết mã của một mục đã có",
        ),
    ]
    refs.check("tag", [f"the-{i}" for i in range(MAX_CHECKED + 1)], "a.md", 8, "tags")
    assert len(refs.problems) == 3  # thousands of ids: the schema reports the length, not each id


def test_near_file_names_and_who_is_blamed_for_a_duplicate(catalog, tmp_path):
    (tmp_path / "mat-ong-bac-ha-quan-ba.jpg").write_bytes(b"")
    (tmp_path / "ruong-lua.jpg").write_bytes(b"")
    assert near_files(tmp_path / "mat-ong-bac-ha.jpg", "../anh/mat-ong-bac-ha.jpg") == ["../anh/mat-ong-bac-ha-quan-ba.jpg"]
    older, newer = catalog.by_id["tin-2024-05-29-kim-son-nghe-coi"], catalog.by_id["tin-2024-06-28-tong-ket-thang-hanh-dong"]
    copy = ArticleEntry(older.data.model_copy(update={"id": newer.id}), older.path, older.src_uri, older.body, older.parsed)
    problems = check_unique([newer, copy], WHEN)
    assert [p.path for p in problems] == [newer.path]  # the newer one gets a new id: the older stays as published


def test_the_header_and_the_closing_of_a_document():
    matcher, warnings = AgencyMatcher(REGISTRIES), []
    text = (
        "LIÊN MINH HỢP TÁC XÃ VIỆT NAM\nSố: 12/KH-LMHTXVN\n\nHà Nội, ngày 3 tháng 3 năm 2025\n\nKẾ HOẠCH\nTuyên truyền về hợp tác xã năm 2025\n\n"
        "I. MỤC ĐÍCH\nNội dung.\n\nNơi nhận:\n- Các ban;\n- Lưu: VT.\n\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\n\nNguyễn Văn A\n"
    )
    lines = prepare_lines(text)
    head = read_header(lines, matcher, REGISTRIES, warnings)
    assert (head.number.text if head.number else None, head.doc_type, head.summary) == ("12/KH-LMHTXVN", "Kế hoạch", "Tuyên truyền về hợp tác xã năm 2025")
    assert (head.issuers, head.place, str(head.issued)) == (["lien-minh-htx-viet-nam"], "Hà Nội", "2025-03-03")
    assert next(line for line in lines[head.body_at :] if line).startswith("I. MỤC ĐÍCH") and warnings == []
    _, end, signers, recipients = read_closing(lines, head.body_at, matcher, head.issuers, head.province)
    assert lines[end].startswith("Nơi nhận")
    assert signers == [{"name": "Nguyễn Văn A", "position": "Chủ tịch", "capacity": "TM.", "on_behalf_of": "Ban thường vụ", "agency": "lien-minh-htx-viet-nam"}]
    assert recipients == ["Các ban", "Lưu: VT"]


def test_lists_are_declared_group_by_group(catalog):
    groups = [listing.group for listing in declarations(catalog, "Trang")]
    order = list(dict.fromkeys(groups))
    assert order == ["site", "type", "event", "column", "campaign", "agency", "province", "tag", "sector", "year", "status", "document", "tasks", "month"]
    assert len(groups) > 200 and groups.count("agency") > len(catalog.registries.agencies)  # an agency with children has a second list


def test_pagination_splits_and_links_pages():
    pages = list(Book.split("tin-tuc/", list(range(25)), 10))
    assert [(url, items[:1], p["number"], p["previous"], p["next"]) for url, items, p in pages] == [
        ("tin-tuc/", [0], 1, None, "tin-tuc/page/2/"),
        ("tin-tuc/page/2/", [10], 2, "tin-tuc/", "tin-tuc/page/3/"),
        ("tin-tuc/page/3/", [20], 3, "tin-tuc/page/2/", None),
    ]
    assert [url for url, _, _ in Book.split("htx/", [], 10)] == ["htx/"]  # an empty list still has its page


def test_the_files_showing_some_entries_are_the_same_by_a_pass_or_by_the_index():
    """A build asks which files show the few entries that changed: one pass over the files answers it
    without the reverse index, and the answer is the index's."""
    from site_plugins.views.dependencies import DependencyMap

    deps = DependencyMap()
    for n in range(300):
        deps.add(f"trang-{n}/index.html", {f"bai-{n % 7}", f"bai-{n % 11}", f"bai-{n % 13}"})
    indexed = DependencyMap()
    indexed.shows = deps.shows
    for ids in [set(), {"bai-3"}, {"bai-3", "bai-12"}, {f"bai-{n}" for n in range(20)}]:
        expected = set().union(*(indexed.pages_showing(i) for i in ids))
        assert deps.showing_any(ids) == expected
    assert deps.showing_any({"bai-3"}) and not deps.showing_any({"khong-co"})


def test_a_pages_data_is_written_out_whatever_it_holds():
    """Pages' data are hashed by incremental builds: sorted keys, objects by their repr, and what the
    fast writer refuses (a lone surrogate, an integer beyond 64 bits) still written, never an error."""
    from dataclasses import dataclass
    from datetime import date

    from markupsafe import Markup

    from site_plugins.views.incremental import _page_data

    @dataclass
    class Row:
        id: str

    ordered = _page_data({"b": Markup("<b>x</b>"), "a": {2: "y", 1: "z"}, "row": Row("bai-1"), "day": date(2024, 1, 2), "tags": {"ocop"}})
    unordered = _page_data({"tags": {"ocop"}, "day": date(2024, 1, 2), "row": Row("bai-1"), "a": {1: "z", 2: "y"}, "b": Markup("<b>x</b>")})
    assert ordered == unordered and b"Row(id='bai-1')" in ordered and b"datetime.date(2024, 1, 2)" in ordered
    assert _page_data({"row": Row("bai-2")}) != _page_data({"row": Row("bai-1")})
    assert "\ud800" in _page_data({"title": "a\ud800"}) and "1180591620717411303424" in _page_data({"count": 2**70})
