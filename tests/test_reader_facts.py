"""Facts that change with time, as readers meet them on the build's day (helpers.NOW, 25/11/2026):
a task past its deadline is "Quá hạn" only where the editors track its document, else "Chưa có báo
cáo"; a campaign's banner goes when the campaign ends; dissolved and merged agencies and provinces
are marked and listed after the others; a cooperative's address is shown in the two-level form of
1 July 2025 as far as the shipped gazetteer says it, never guessed."""

from __future__ import annotations

from datetime import date

import feedparser
import pytest
from helpers import CONTENT, Site, build_site, copy_content, edit_entry, edit_registry, opened, serve_folder, site_config

from site_plugins.content.models import Cooperative
from site_plugins.content.registries import load_registries
from site_plugins.views.addresses import address
from site_plugins.views.lifespans import agency_end, province_end, running

PLAN = "van-ban/145-kh-lmhtxvn-2021.md"
CAMPAIGN = "thang-hanh-dong-vi-htx-2024"


def words(node) -> str:
    return " ".join(node.text_content().split())


def badges(page) -> list[str]:
    return [words(b) for b in page.xpath("//ul[contains(@class, 'portal-tasks')]/li//span[contains(@class, 'portal-badge')]")]


@pytest.fixture(scope="module")
def tracked(tmp_path_factory) -> Site:
    """The fixture site with the 2021 plan of Liên minh HTX Việt Nam tracked, and the 2024 campaign
    lengthened to end on the build's day."""
    folder = tmp_path_factory.mktemp("facts")
    content = copy_content(folder)
    edit_entry(content / PLAN, lambda data: data.update(tracked=True))
    edit_registry(content / "_registry" / "campaigns.yml", CAMPAIGN, end="2026-11-25")
    result = build_site(folder / "site", site_config(folder / "config", content))
    assert result.returncode == 0, result.stderr
    return Site(folder / "site")


# 1. tasks -------------------------------------------------------------------------------------
def test_untracked_tasks_past_due_say_no_report_and_come_after_the_news(site):
    page = site.html("co-quan/lien-minh-htx-viet-nam/")
    found = badges(page)
    assert len(found) == 12 and found.count("Chưa có báo cáo") == 7 and "Quá hạn" not in found  # 2021 plan, nothing reported
    counts = [words(li) for li in page.xpath("//section[@id='nhiem-vu-duoc-giao']/ul[@class='portal-task-counts']/li")]
    assert counts == ["Chưa có báo cáo 7", "Không ghi thời hạn 5"]
    assert not page.xpath("//*[contains(@class, 'portal-task-alerts')]")  # no alarm above the news
    assert len(page.xpath("//p[@class='portal-task-legend']")) == 1  # says what "Chưa có báo cáo" means
    assert not site.html("co-quan/bo-ke-hoach-va-dau-tu/").xpath("//p[@class='portal-task-legend']")  # its one task has no deadline
    order = list(page.iter())
    news = page.xpath("//h2[normalize-space()='Tin bài, văn bản của cơ quan']")[0]
    first_card = page.xpath("//h2[normalize-space()='Tin bài, văn bản của cơ quan']/following::article[1]")[0]
    tasks = page.xpath("//section[@id='nhiem-vu-duoc-giao']")[0]
    assert order.index(news) < order.index(first_card) < order.index(tasks)
    feed = feedparser.parse(site.path("co-quan/lien-minh-htx-viet-nam/nhiem-vu/").parent.joinpath("feed.xml").read_bytes())
    assert not feed.bozo and not any(e.title.startswith("Quá hạn") for e in feed.entries)


def test_task_page_names_statuses_honestly(site):
    page = site.html("van-ban/nhiem-vu/")
    items = page.xpath("//ol[contains(@class, 'portal-task-list')]/li")
    statuses = [li.get("data-status") for li in items]
    assert len(statuses) == 62 and statuses.count("chua-co-bao-cao") == 10 and "qua-han" not in statuses
    assert [words(li) for li in page.xpath("//ul[@class='portal-task-counts']/li")] == ["Chưa có báo cáo 10", "Không ghi thời hạn 52"]
    options = {o.get("value"): o.text for o in page.xpath("//select[@name='status']/option")}
    assert options["chua-co-bao-cao"] == "Chưa có báo cáo" and options["qua-han"] == "Quá hạn"
    legend = words(page.xpath("//p[@class='portal-task-legend']")[0])
    assert "“Quá hạn” chỉ ghi với văn bản được theo dõi tiến độ" in legend


def test_a_tracked_document_makes_its_tasks_past_due_overdue(tracked):
    page = tracked.html("co-quan/lien-minh-htx-viet-nam/")
    found = badges(page)
    assert found.count("Quá hạn") == 7 and "Chưa có báo cáo" not in found
    alert = page.xpath("//p[contains(@class, 'portal-task-alerts')]")
    assert len(alert) == 1 and "Quá hạn 7" in words(alert[0]) and alert[0].xpath("a/@href") == ["#nhiem-vu-duoc-giao"]
    order = list(page.iter())
    assert order.index(alert[0]) < order.index(page.xpath("//h2[normalize-space()='Tin bài, văn bản của cơ quan']")[0])
    feed = feedparser.parse(tracked.path("co-quan/lien-minh-htx-viet-nam/nhiem-vu/").parent.joinpath("feed.xml").read_bytes())
    overdue = [e.title for e in feed.entries if e.title.startswith("Quá hạn (")]
    assert len(overdue) == 7 and any(t.startswith("Quá hạn (31/03/2021): Phối hợp với Văn phòng Quốc hội") for t in overdue)
    statuses = [li.get("data-status") for li in tracked.html("van-ban/nhiem-vu/").xpath("//ol[contains(@class, 'portal-task-list')]/li")]
    assert statuses[:10] == ["qua-han"] * 10 and "chua-co-bao-cao" not in statuses  # every task past due is the plan's, first


# 2. campaigns -----------------------------------------------------------------------------------
def test_the_campaign_banner_goes_when_the_campaign_ends(site, tracked):
    assert not site.html("").xpath("//p[@class='portal-campaigns']")  # ended 30/06/2024
    assert site.exists(f"chuyen-de/{CAMPAIGN}/")  # its page stays
    banner = tracked.html("").xpath("//p[@class='portal-campaigns']")  # ends on the build's day: still on
    assert len(banner) == 1 and words(banner[0]) == "Chuyên đề: Tháng hành động vì hợp tác xã năm 2024"


def test_a_campaign_runs_from_its_start_to_its_end_inclusive():
    campaign = load_registries(CONTENT)[0].campaigns[CAMPAIGN]  # 01/05/2024 – 30/06/2024
    days = [date(2024, 4, 30), date(2024, 5, 1), date(2024, 6, 30), date(2024, 7, 1)]
    assert [running(campaign, d) for d in days] == [False, True, True, False]
    assert running(campaign.model_copy(update={"end": None}), date(2030, 1, 1))


# 3. dissolved and merged ------------------------------------------------------------------------
def marked(page, href: str) -> str:
    (li,) = page.xpath(f"//ul[@class='portal-tree']/li[a[@href='{href}']] | //ul[@class='portal-tree']//li[a[@href='{href}']]")[:1]
    return " ".join(" ".join(s.text_content().split()) for s in li.xpath("span[@class='portal-ended']"))


def test_agency_index_marks_dissolved_and_merged_bodies_and_lists_them_last(site):
    page = site.html("co-quan/")
    assert marked(page, "bo-ke-hoach-va-dau-tu/") == "(đã sáp nhập vào Bộ Tài chính từ 01/03/2025)"
    assert marked(page, "bo-lao-dong-thuong-binh-va-xa-hoi/") == "(đã giải thể từ 01/03/2025)"
    assert marked(page, "bo-thong-tin-va-truyen-thong/") == "(đã sáp nhập vào Bộ Khoa học và Công nghệ từ 01/03/2025)"
    assert marked(page, "ban-tuyen-giao-trung-uong/") == "(đã sáp nhập vào Ban Tuyên giáo và Dân vận Trung ương từ 01/02/2025)"
    assert marked(page, "bo-tai-chinh/") == "" and marked(page, "lien-minh-htx-viet-nam/") == ""
    link = page.xpath("//li[a[@href='bo-ke-hoach-va-dau-tu/']]/span[@class='portal-ended']/a/@href")
    assert link == ["bo-tai-chinh/"]
    government = page.xpath("//li[a[@href='chinh-phu/']]/ul/li")
    ended = [bool(li.xpath("span[@class='portal-ended']")) for li in government]
    assert ended == sorted(ended) and ended.count(True) == 3  # the ministries that stand, then the three gone
    heading = [words(h) for h in page.xpath("//article//h2") if "Ninh Thuận" in words(h)]
    assert heading == ["Tỉnh Ninh Thuận (đã sáp nhập vào Tỉnh Khánh Hòa từ 01/07/2025)"]


def test_province_index_marks_merged_provinces_and_lists_them_last(site):
    page = site.html("dia-phuong/")
    rows = [words(li) for li in page.xpath("//ul[@class='portal-tree']/li")]
    assert rows[-5:] == [
        "Tỉnh Bến Tre (đã sáp nhập vào Tỉnh Vĩnh Long từ 01/07/2025)",
        "Tỉnh Hà Nam (đã sáp nhập vào Tỉnh Ninh Bình từ 01/07/2025)",
        "Tỉnh Nam Định (đã sáp nhập vào Tỉnh Ninh Bình từ 01/07/2025)",
        "Tỉnh Ninh Thuận (4) (đã sáp nhập vào Tỉnh Khánh Hòa từ 01/07/2025)",
        "Tỉnh Yên Bái (đã sáp nhập vào Tỉnh Lào Cai từ 01/07/2025)",
    ]
    assert not any("đã sáp nhập" in r for r in rows[:-5]) and len(rows) == 12
    assert page.xpath("//li[a[@href='ha-nam/']]/span[@class='portal-ended']/a/@href") == ["ninh-binh/"]


@pytest.mark.parametrize(
    "url, notice",
    [
        ("co-quan/bo-ke-hoach-va-dau-tu/", "Cơ quan này đã sáp nhập vào Bộ Tài chính từ 01/03/2025."),
        ("co-quan/bo-lao-dong-thuong-binh-va-xa-hoi/", "Cơ quan này đã giải thể từ 01/03/2025."),
        ("co-quan/ban-tuyen-giao-trung-uong/", "Cơ quan này đã sáp nhập vào Ban Tuyên giáo và Dân vận Trung ương từ 01/02/2025."),
        ("dia-phuong/ha-nam/", "Địa phương này đã sáp nhập vào Tỉnh Ninh Bình từ 01/07/2025."),
        ("dia-phuong/ben-tre/", "Địa phương này đã sáp nhập vào Tỉnh Vĩnh Long từ 01/07/2025."),
    ],
)
def test_own_page_says_it_under_the_title(site, url, notice):
    page = site.html(url)
    first = page.xpath("//h1/following::p[contains(@class, 'portal-note')][1]")[0]
    assert words(first) == notice
    assert page.xpath("//h1/following::p[contains(@class, 'portal-ended-note')]")[0] is first


def test_bodies_that_stand_have_no_notice(site):
    for url in ("co-quan/bo-tai-chinh/", "co-quan/lien-minh-htx-viet-nam/", "dia-phuong/ninh-binh/"):
        assert not site.html(url).xpath("//p[contains(@class, 'portal-ended-note')]"), url
    assert "Hợp nhất từ: Tỉnh Hà Nam, Tỉnh Nam Định." in site.main_text("dia-phuong/ninh-binh/")


def test_an_end_still_to_come_ends_nothing_yet():
    reg = load_registries(CONTENT)[0]
    assert agency_end(reg.agencies["bo-ke-hoach-va-dau-tu"], reg, date(2025, 2, 28)) is None
    assert agency_end(reg.agencies["bo-ke-hoach-va-dau-tu"], reg, date(2025, 3, 1)) == {
        "text": "đã sáp nhập vào", "into": [{"url": "co-quan/bo-tai-chinh/", "title": "Bộ Tài chính"}], "since": "01/03/2025"}  # fmt: skip
    assert agency_end(reg.agencies["bo-lao-dong-thuong-binh-va-xa-hoi"], reg, date(2025, 2, 28)) is None
    assert province_end(reg.provinces["yen-bai"], reg, date(2025, 6, 30)) is None
    assert province_end(reg.provinces["lao-cai"], reg, date(2026, 11, 25)) is None


# 4. addresses -----------------------------------------------------------------------------------
def address_line(site: Site, url: str) -> str:
    page = site.html(url)
    (dd,) = [dt.getnext() for dt in page.xpath("//dl[@class='portal-facts']/dt") if dt.text == "Địa chỉ"]
    return words(dd)


@pytest.mark.parametrize(
    "slug, line",
    [
        # the commune is among Lào Cai's after 1/7/2025: the district goes, the printed address stays below
        ("htx-che-shan-tuyet-ban-xeo", "Xã Bản Xèo, Tỉnh Lào Cai Địa chỉ cũ: Xã Bản Xèo, Huyện Bát Xát, Tỉnh Lào Cai"),
        ("htx-ca-phe-ea-kiet", "Xã Ea Kiết, Tỉnh Đắk Lắk Địa chỉ cũ: Xã Ea Kiết, Huyện Cư M'gar, Tỉnh Đắk Lắk"),
        # Ninh Thuận merged into Khánh Hòa, whose communes have no Phước Thuận: its successor is not guessed
        ("htx-nho-xanh-phuoc-thuan", "Xã Phước Thuận (cũ), Tỉnh Khánh Hòa Địa chỉ cũ: Xã Phước Thuận, Huyện Ninh Phước, Tỉnh Ninh Thuận"),
        # only a district: it is marked, nothing is invented in its place
        ("htx-coi-my-nghe-kim-son", "Huyện Kim Sơn (cũ), Tỉnh Ninh Bình"),
        ("htx-rau-huu-co-soc-son", "Huyện Sóc Sơn (cũ), Thành phố Hà Nội"),
    ],
)
def test_cooperative_address_in_the_two_level_form(site, slug, line):
    assert address_line(site, f"htx/{slug}/") == line


def test_the_new_province_is_linked(site):
    page = site.html("htx/htx-nho-xanh-phuoc-thuan/")
    (dd,) = [dt.getnext() for dt in page.xpath("//dl[@class='portal-facts']/dt") if dt.text == "Địa chỉ"]
    assert dd.xpath("a/@href") == ["../../dia-phuong/khanh-hoa/"]


def cooperative(**fields) -> Cooperative:
    base = {"id": "htx-thu", "name": "Hợp tác xã Thử", "summary": "Thử.", "date": "2024-01-01", "sectors": ["nong-nghiep"]}
    return Cooperative.model_validate({**base, **fields})


def test_addresses_change_only_from_the_reform_and_only_on_what_the_gazetteer_confirms():
    reg = load_registries(CONTENT)[0]
    printed = cooperative(province="ninh-thuan", district="Huyện Ninh Phước", commune="Xã Phước Thuận")
    before = address(printed, reg, date(2025, 6, 30))
    assert before == {"place": "Xã Phước Thuận, Huyện Ninh Phước", "province": "ninh-thuan", "printed": None}
    after = address(printed, reg, date(2025, 7, 1))
    assert after == {"place": "Xã Phước Thuận (cũ)", "province": "khanh-hoa",
                     "printed": "Xã Phước Thuận, Huyện Ninh Phước, Tỉnh Ninh Thuận"}  # fmt: skip
    unknown = cooperative(province="lao-cai", district="Huyện Không Có", commune="Xã Bản Xèo")  # not a district of Lào Cai
    assert address(unknown, reg, date(2026, 11, 25)) == {"place": "Xã Bản Xèo, Huyện Không Có", "province": "lao-cai", "printed": None}
    elsewhere = cooperative(province="lao-cai", district="Huyện Kim Sơn")  # a district of Ninh Bình, not of Lào Cai
    assert address(elsewhere, reg, date(2026, 11, 25))["place"] == "Huyện Kim Sơn"
    two_levels = cooperative(province="lao-cai", commune="Xã Bản Xèo")  # already written in the new form
    assert address(two_levels, reg, date(2026, 11, 25)) == {"place": "Xã Bản Xèo", "province": "lao-cai", "printed": None}


# in a browser ------------------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_agency_page_in_a_browser(site, browser, width):
    with serve_folder(site.root) as base, opened(browser, None, width) as page:
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(base + "co-quan/lien-minh-htx-viet-nam/")
        news = page.locator("h2", has_text="Tin bài, văn bản của cơ quan").bounding_box()
        tasks = page.locator("#nhiem-vu-duoc-giao").bounding_box()
        assert news and tasks and news["y"] < tasks["y"]  # the news first, the tasks below
        badge = page.locator("#nhiem-vu-duoc-giao .portal-tasks .portal-badge").first
        assert badge.is_visible() and badge.inner_text() == "Chưa có báo cáo"
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        assert errors == []


def test_a_campaign_page_says_the_campaign_has_ended(site):
    """The page of a campaign stays (its articles are history), and says it is over."""
    text = " ".join(site.text("chuyen-de/thang-hanh-dong-vi-htx-2024/index.html").split())
    assert "Hưởng ứng Tháng hành động vì hợp tác xã năm 2024. Chuyên đề đã kết thúc ngày 30/06/2024." in text
