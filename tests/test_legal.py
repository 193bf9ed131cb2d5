"""Legal status worked out from dates and relations, the "Lược đồ", the dated history and its
feeds, "Mới cập nhật", and task tracking — on a site built from the fixture content plus a
family of Lào Cai decisions that amend, replace, suspend and report on each other.

The build's "now" is 25/11/2026 (helpers.NOW)."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import feedparser
import pytest
from helpers import CONTENT, NOW, Site, build_site, scheme, serve_folder, site_config
from helpers import write_document as document

from site_plugins.catalog.loading import load_catalog
from site_plugins.catalog.tasks import due_date, status_of
from site_plugins.common.problems import ContentError
from site_plugins.content.schema import parse_datetime

LAO_CAI = "issuers: [ubnd-tinh-lao-cai]\nplace: Lào Cai"
FAMILY = {
    "qd-1.md": f"""
id: qd-1-ubnd-lao-cai-2025
type: Quyết định
number: 1/QĐ-UBND
{LAO_CAI}
issued: 2025-01-10
effective: 2025-02-01
summary: Ban hành Chương trình phát triển hợp tác xã tỉnh Lào Cai
tracked: true
tasks:
  - {{id: tap-huan, text: Tổ chức tập huấn cán bộ hợp tác xã, lead: [lien-minh-htx-viet-nam], deadline: Trước ngày 15/12/2026}}
  - {{text: Báo cáo sơ kết sáu tháng, lead: [lien-minh-htx-viet-nam], deadline: Quý II/2025}}
  - {{text: Khảo sát hợp tác xã nông nghiệp, lead: [ubnd-tinh-lao-cai], partners: [lien-minh-htx-viet-nam], deadline: Tháng 3/2025, done: 2025-04-10}}
  - {{text: Tổng kết chương trình, lead: [lien-minh-htx-viet-nam], deadline: Năm 2027}}
  - {{text: Rà soát danh sách hợp tác xã, lead: [lien-minh-htx-viet-nam], deadline: 30/9/2026}}
  - {{text: Tuyên truyền thường xuyên, lead: [lien-minh-htx-viet-nam], deadline: Hằng năm}}""",
    "bc-2.md": f"""
id: bc-2-ubnd-lao-cai-2025
type: Báo cáo
number: 2/BC-UBND
{LAO_CAI}
issued: 2025-06-20
summary: Sơ kết sáu tháng thực hiện Chương trình phát triển hợp tác xã
cites: [{{number: 1/QĐ-UBND, relation: thuc-hien, issuer: ubnd-tinh-lao-cai}}]
completes: [{{document: qd-1-ubnd-lao-cai-2025, task: 2}}]""",
    "qd-3.md": f"""
id: qd-3-ubnd-lao-cai-2025
type: Quyết định
number: 3/QĐ-UBND
{LAO_CAI}
issued: 2025-05-01
effective: 2025-06-01
summary: Sửa đổi, bổ sung Chương trình phát triển hợp tác xã
cites: [{{number: 1/QĐ-UBND, relation: sua-doi, issuer: ubnd-tinh-lao-cai}}]""",
    "qd-4.md": f"""
id: qd-4-ubnd-lao-cai-2026
type: Quyết định
number: 4/QĐ-UBND
{LAO_CAI}
issued: 2026-10-01
effective: 2027-01-01
summary: Ban hành Chương trình phát triển hợp tác xã giai đoạn mới
cites: [{{number: 1/QĐ-UBND, relation: thay-the, issuer: ubnd-tinh-lao-cai}}]""",
    "kh-5.md": f"""
id: kh-5-ubnd-lao-cai-2024
type: Kế hoạch
number: 5/KH-UBND
{LAO_CAI}
issued: 2024-01-05
expires: 2025-12-31
summary: Kế hoạch hỗ trợ hợp tác xã năm 2024–2025""",
    "qd-6.md": f"""
id: qd-6-ubnd-lao-cai-2024
type: Quyết định
number: 6/QĐ-UBND
{LAO_CAI}
issued: 2024-02-01
status: ngung-hieu-luc
status_since: 2024-09-01
summary: Quy chế quản lý quỹ hỗ trợ hợp tác xã""",
    "qd-7.md": f"""
id: qd-7-ubnd-lao-cai-2025
type: Quyết định
number: 7/QĐ-UBND
{LAO_CAI}
issued: 2025-03-01
summary: Đình chỉ thi hành một phần Kế hoạch 8/KH-UBND
cites: [{{number: 8/KH-UBND, relation: dinh-chi, scope: mot-phan, issuer: ubnd-tinh-lao-cai}}]""",
    "kh-8.md": f"""
id: kh-8-ubnd-lao-cai-2025
type: Kế hoạch
number: 8/KH-UBND
{LAO_CAI}
issued: 2025-01-02
summary: Kế hoạch xúc tiến thương mại cho hợp tác xã""",
}


@pytest.fixture(scope="module")
def family(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("legal") / "content"
    shutil.copytree(CONTENT, content)
    for name, body in FAMILY.items():
        document(content, name, body)
    return content


@pytest.fixture(scope="module")
def built(family, tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("legal-site")
    result = build_site(out / "site", site_config(out / "config", family))
    assert result.returncode == 0, result.stderr
    return Site(out / "site")


def top(site: Site, url: str) -> str:
    return " ".join(site.html(url).xpath("//p[contains(@class, 'portal-legal')]")[0].text_content().split())


def history(site: Site, url: str) -> list[str]:
    return [" ".join(li.text_content().split()) for li in site.html(url).xpath("//section[@id='lich-su']/ol/li")]


def test_statuses_are_worked_out_from_dates_and_relations(built):
    assert top(built, "van-ban/qd-1/") == "Hết hiệu lực một phần từ ngày 01/06/2025 — theo Quyết định 3/QĐ-UBND"  # amended from 3/QĐ's effective date
    assert top(built, "van-ban/qd-4/") == "Chưa có hiệu lực"  # effective 01/01/2027
    assert top(built, "van-ban/kh-5/") == "Hết hiệu lực toàn bộ từ ngày 31/12/2025"  # its own expiry date
    assert top(built, "van-ban/qd-6/") == "Ngưng hiệu lực từ ngày 01/09/2024 (theo ghi nhận của ban biên tập)"  # the editor's word wins
    assert top(built, "van-ban/kh-8/") == "Ngưng hiệu lực một phần từ ngày 01/03/2025 — theo Quyết định 7/QĐ-UBND"
    assert top(built, "van-ban/qd-3/") == "Còn hiệu lực"
    rows = {tr.xpath("th")[0].text: " ".join(tr.xpath("td")[0].text_content().split()) for tr in built.html("van-ban/kh-5/").xpath("//table//tr")}
    assert (rows["Ngày có hiệu lực"], rows["Ngày hết hiệu lực"]) == ("05/01/2024", "31/12/2025")
    listed = built.main_text("van-ban/tinh-trang/het-hieu-luc-mot-phan/")
    assert "1/QĐ-UBND" in listed and "3/QĐ-UBND" not in listed


def test_scheme_shows_every_relation_in_both_directions(built):
    groups = scheme(built.html("van-ban/qd-1/"))
    assert groups["sua-doi-den"] == ["Quyết định 3/QĐ-UBND: Sửa đổi, bổ sung Chương trình phát triển hợp tác xã"]
    assert groups["thay-the-den"] == ["Quyết định 4/QĐ-UBND: Ban hành Chương trình phát triển hợp tác xã giai đoạn mới"]
    assert groups["thuc-hien-den"] == ["Báo cáo 2/BC-UBND: Sơ kết sáu tháng thực hiện Chương trình phát triển hợp tác xã"]
    assert scheme(built.html("van-ban/qd-3/"))["sua-doi-di"] == ["Quyết định 1/QĐ-UBND: Ban hành Chương trình phát triển hợp tác xã tỉnh Lào Cai"]
    text = " ".join(built.html("van-ban/qd-1/").xpath("//section[@id='luoc-do']")[0].text_content().split())
    assert "(0)" not in text and "Văn bản căn cứ (" not in text  # a relation without documents is not listed
    assert "Văn bản này không nêu văn bản nào." in text  # a side without any says so once


def test_history_is_dated_and_shows_what_is_coming(built):
    assert history(built, "van-ban/qd-1/") == [
        "01/01/2027 Tình trạng: Hết hiệu lực toàn bộ (theo Quyết định 4/QĐ-UBND) (sắp tới)",
        "01/10/2026 Bị thay thế bởi Quyết định 4/QĐ-UBND",
        "20/06/2025 Được thực hiện, triển khai bởi Báo cáo 2/BC-UBND",
        "01/06/2025 Tình trạng: Hết hiệu lực một phần (theo Quyết định 3/QĐ-UBND)",
        "01/05/2025 Bị sửa đổi, bổ sung bởi Quyết định 3/QĐ-UBND",
        "01/02/2025 Có hiệu lực từ ngày 01/02/2025",
        "10/01/2025 Đăng trên trang",
        "10/01/2025 Ban hành",
    ]


def test_each_document_has_a_feed_of_its_events(built):
    page = built.html("van-ban/qd-1/")
    assert page.xpath("//head/link[@rel='alternate'][@type='application/rss+xml']/@href")[0] == "feed.xml"
    assert page.xpath("//p[@class='portal-follow']/a/@href") == ["feed.xml", "atom.xml", "feed.json"]
    folder = built.path("van-ban/qd-1/").parent
    for name in ("feed.xml", "atom.xml", "feed.json"):
        if name == "feed.json":
            items = json.loads(folder.joinpath(name).read_text("utf-8"))["items"]
            titles, ids = [i["title"] for i in items], {i["id"] for i in items}
        else:
            parsed = feedparser.parse(folder.joinpath(name).read_bytes())
            assert not parsed.bozo, name
            titles, ids = [e.title for e in parsed.entries], {e.id for e in parsed.entries}
        assert titles == [
            "Bị thay thế bởi Quyết định 4/QĐ-UBND",
            "Được thực hiện, triển khai bởi Báo cáo 2/BC-UBND",
            "Tình trạng: Hết hiệu lực một phần (theo Quyết định 3/QĐ-UBND)",
            "Bị sửa đổi, bổ sung bởi Quyết định 3/QĐ-UBND",
            "Có hiệu lực từ ngày 01/02/2025",
            "Đăng trên trang",
            "Ban hành",
        ], name  # newest first; what has not happened yet is not announced
        assert len(ids) == len(titles)


def test_updates_feed_and_page_carry_publishes_and_status_changes(built):
    parsed = feedparser.parse(built.path("van-ban/moi-cap-nhat/").parent.joinpath("feed.xml").read_bytes())
    titles = [e.title for e in parsed.entries]
    assert "Quyết định 1/QĐ-UBND: Tình trạng: Hết hiệu lực một phần (theo Quyết định 3/QĐ-UBND)" in titles
    assert "Kế hoạch 5/KH-UBND: Tình trạng: Hết hiệu lực toàn bộ" in titles
    assert "Luật 23/2012/QH13: Tình trạng: Hết hiệu lực toàn bộ (theo Luật 17/2023/QH15)" in titles
    assert "Quyết định 4/QĐ-UBND: Đăng trên trang" in titles
    assert not any("Tình trạng: Chưa có hiệu lực" in t and "4/QĐ" not in t for t in titles)
    assert all("(sắp tới)" not in t for t in titles)
    text = built.main_text("van-ban/moi-cap-nhat/")
    assert "Quyết định 1/QĐ-UBND: Tình trạng: Hết hiệu lực một phần (theo Quyết định 3/QĐ-UBND)" in text
    assert "van-ban/moi-cap-nhat/feed.xml" in built.text("feeds.opml")


def test_task_statuses_on_the_document_page(built):
    page = built.html("van-ban/qd-1/")
    found = {li.get("id"): li.xpath(".//span[contains(@class, 'portal-badge')]")[0].text for li in page.xpath("//section[@id='nhiem-vu']//li")}
    assert found == {
        "nhiem-vu-1": "Sắp đến hạn",  # 15/12/2026 is 20 days after "now"
        "nhiem-vu-2": "Hoàn thành đúng hạn",  # the report of 20/06/2025 says so; due 30/06/2025
        "nhiem-vu-3": "Hoàn thành quá hạn",  # done 10/04/2025, due 31/03/2025
        "nhiem-vu-4": "Chưa đến hạn",
        "nhiem-vu-5": "Quá hạn",  # 30/09/2026 passed with no report, and the editors follow this programme
        "nhiem-vu-6": "Không ghi thời hạn",
    }
    second = " ".join(page.xpath("//li[@id='nhiem-vu-2']")[0].text_content().split())
    assert "Hoàn thành: 20/06/2025 (theo Báo cáo 2/BC-UBND)" in second


def test_agency_pages_count_tasks_and_offer_a_due_soon_feed(built):
    text = built.main_text("co-quan/lien-minh-htx-viet-nam/")
    for count in ("Sắp đến hạn 1", "Hoàn thành đúng hạn 1", "Hoàn thành quá hạn 1", "Chưa đến hạn 1"):
        assert count in text, count
    parsed = feedparser.parse(built.path("co-quan/lien-minh-htx-viet-nam/nhiem-vu/").parent.joinpath("feed.xml").read_bytes())
    titles = [e.title for e in parsed.entries]
    assert "Sắp đến hạn (15/12/2026): Tổ chức tập huấn cán bộ hợp tác xã" in titles
    assert "Quá hạn (30/09/2026): Rà soát danh sách hợp tác xã" in titles
    assert not any("Tổng kết chương trình" in t or "Báo cáo sơ kết" in t for t in titles)
    assert parsed.entries[0].link.endswith("/van-ban/qd-1/#nhiem-vu-1") or any(e.link.endswith("#nhiem-vu-1") for e in parsed.entries)
    lao_cai = feedparser.parse(built.path("co-quan/ubnd-tinh-lao-cai/nhiem-vu/").parent.joinpath("feed.xml").read_bytes())
    assert not lao_cai.bozo and lao_cai.entries == []  # its only task is done: nothing due, the feed is there and empty


def test_site_wide_task_page(built):
    page = built.html("van-ban/nhiem-vu/")
    items = page.xpath("//ol[contains(@class, 'portal-task-list')]/li")
    statuses = [li.get("data-status") for li in items]
    assert statuses[:2] == ["qua-han", "sap-den-han"] and statuses.count("qua-han") == 1  # most urgent first; only a tracked plan's task is overdue
    assert statuses.count("chua-co-bao-cao") == 10  # the fixture's 2021 plans are not tracked: past due, no report recorded
    first = next(li for li in items if "Rà soát danh sách hợp tác xã" in li.text_content())
    assert first.get("data-due") == "2026-09-30" and "lien-minh-htx-viet-nam" in first.get("data-agencies").split()
    form = page.xpath("//form[@class='portal-task-filter']")[0]
    assert [s.get("name") for s in form.xpath(".//select")] == ["agency", "status", "year"]


def test_task_page_filters_in_a_browser(built, browser):
    with serve_folder(built.root) as base:  # served over HTTP, as readers get it
        page = browser.new_page()
        page.goto(base + "van-ban/nhiem-vu/")
        page.select_option("form.portal-task-filter select[name=status]", "sap-den-han")
        visible = page.locator(".portal-task-list > li:visible")
        assert visible.count() == 1 and "Tổ chức tập huấn" in visible.first.inner_text()
        assert page.locator("form.portal-task-filter output").inner_text() == "1 nhiệm vụ"
        page.select_option("form.portal-task-filter select[name=status]", "")
        page.select_option("form.portal-task-filter select[name=agency]", "ubnd-tinh-lao-cai")
        assert page.locator(".portal-task-list > li:visible").count() == 1
        page.close()


def test_a_report_naming_a_task_that_does_not_exist_is_an_error(family, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(family, content)
    path = content / "van-ban" / "bc-2.md"
    path.write_text(path.read_text("utf-8").replace("task: 2}", "task: 9}"), "utf-8")
    with pytest.raises(ContentError) as raised:
        load_catalog(content, parse_datetime(NOW))
    (problem,) = [p for p in raised.value.problems if p.field == "completes.1.task"]
    assert problem.path.endswith("bc-2.md") and problem.line == 10
    assert "không có nhiệm vụ '9'" in problem.message and "id: tap-huan" in problem.message and "1 đến 6" in problem.fix


@pytest.mark.parametrize(
    "printed, due",
    [
        ("Trước ngày 15/12/2026", date(2026, 12, 15)),
        ("ngày 5 tháng 8 năm 2025", date(2025, 8, 5)),
        ("Tháng 9/2025", date(2025, 9, 30)),
        ("tháng 2 năm 2024", date(2024, 2, 29)),
        ("Quý II/2025", date(2025, 6, 30)),
        ("quý 4 năm 2025", date(2025, 12, 31)),
        ("Quý I/2021 xây dựng kế hoạch; triển khai hằng năm", date(2021, 3, 31)),
        ("6 tháng đầu năm 2025", date(2025, 6, 30)),
        ("Trong năm 2021", date(2021, 12, 31)),
        ("Giai đoạn 2021 - 2025", date(2025, 12, 31)),
        ("Hằng năm", None),
        ("Thường xuyên", None),
        ("Sau khi Đề án của Trung ương được phê duyệt", None),
        (None, None),
    ],
)
def test_printed_deadlines_are_read(printed, due):
    assert due_date(printed) == due


def test_task_status_rules():
    today = date(2026, 11, 25)
    assert status_of(date(2026, 12, 25), None, today) == "sap-den-han"  # 30 days: due soon
    assert status_of(date(2026, 12, 26), None, today) == "chua-den-han"
    assert status_of(date(2026, 11, 25), None, today) == "sap-den-han"  # due today is not late yet
    assert status_of(date(2026, 11, 24), None, today, tracked=True) == "qua-han"
    assert status_of(date(2026, 11, 24), None, today) == "chua-co-bao-cao"  # untracked: only "no report recorded" is known
    assert status_of(date(2026, 11, 25), None, today) == "sap-den-han"
    assert status_of(date(2026, 11, 24), date(2026, 11, 24), today) == "hoan-thanh-dung-han"
    assert status_of(date(2026, 11, 24), date(2026, 11, 25), today) == "hoan-thanh-qua-han"
    assert status_of(None, date(2026, 1, 1), today) == "hoan-thanh"  # no deadline: neither on time nor late
    assert status_of(None, None, today) == "khong-thoi-han"


@pytest.mark.parametrize(
    "line, field, says",
    [
        ("status: bi-thay-the", "status", "tình trạng được tự tính"),  # the value editors wrote before statuses were worked out
        ("status: con-hieu-lu", "status", "có phải ý bạn là 'con-hieu-luc'"),
        ("status: dang-xet", "status", "'ngung-hieu-luc-mot-phan', 'du-thao'"),  # every value listed, no English "or"
        ("effective: 2025-03-01\nexpires: 2025-01-01", "expires", "trước 'effective: 2025-03-01'"),
    ],
)
def test_status_and_date_mistakes_are_explained(family, tmp_path, line, field, says):
    content = tmp_path / "content"
    shutil.copytree(family, content)
    path = content / "van-ban" / "kh-8.md"
    path.write_text(path.read_text("utf-8").replace("issued: 2025-01-02\n", f"issued: 2025-01-02\n{line}\n"), "utf-8")
    with pytest.raises(ContentError) as raised:
        load_catalog(content, parse_datetime(NOW))
    (problem,) = [p for p in raised.value.problems if p.field == field]
    text = f"{problem.message} — {problem.fix}"
    assert says in text and " or " not in text and problem.path.endswith("kh-8.md") and problem.line > 1
