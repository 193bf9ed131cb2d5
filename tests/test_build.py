"""The demo site, built with MkDocs, checked page by page."""

from urllib.parse import urljoin, urlsplit

from helpers import SITE_URL

from site_plugins.views.listings import Listings
from site_plugins.views.siteviews import Settings, SiteViews

SECTIONS = ["Trang chủ", "Tin tức", "Chuyên mục", "Văn bản", "Hợp tác xã", "Sự kiện", "Cơ quan", "Địa phương", "Số liệu", "Từ khóa", "Lưu trữ", "RSS"]


def links(site, url):
    return [a.get("href") for a in site.html(url).xpath("//article[contains(@class,'md-content__inner')]//a")]


def test_home_page_has_every_block(site):
    page = site.html("")
    assert page.get("lang") == "vi"
    headings = [" ".join(h.text_content().split()) for h in page.xpath("//h2")]
    for block in ("Tiêu điểm", "Tin mới", "Kinh tế tập thể, HTX", "Hợp tác xã điển hình", "Văn bản mới"):
        assert block in headings
    text = site.main_text("")
    assert "Chè Shan tuyết Bản Xèo vươn ra thị trường" in text  # featured
    assert "145/KH-LMHTXVN" in text and "Hợp tác xã Chè Shan tuyết Bản Xèo" in text


def test_nav_lists_sections_only_never_articles(site, catalog):
    entry_urls = {e.url for e in catalog.entries}
    for url in ("", "tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/", "co-quan/lien-minh-htx-viet-nam/"):
        page = site.html(url)
        nav_links = page.xpath("//nav[@class='portal-menu']//a")
        titles = [" ".join(a.text_content().split()) for a in nav_links]
        assert titles == SECTIONS, url
        targets = {urljoin(SITE_URL + url, a.get("href"))[len(SITE_URL) :] for a in page.xpath("//nav//a[@href]")}
        assert targets and not targets & entry_urls


def test_agency_page_lists_what_it_issued(site):
    text = site.main_text("co-quan/lien-minh-htx-viet-nam/")
    assert "145/KH-LMHTXVN" in text
    assert "Văn bản ban hành" in text and "Đơn vị trực thuộc" in text
    # what the provincial alliances (child agencies) published, as its own section
    assert "Từ các đơn vị trực thuộc" in text and "Chè Shan tuyết Bản Xèo vươn ra thị trường" in text


def test_joint_document_is_on_both_issuers_pages(site):
    for agency in ("lien-minh-htx-tinh-lao-cai", "ban-tuyen-giao-tinh-uy-lao-cai"):
        assert "14/CTPH-LMHTX-BTGTU" in site.main_text(f"co-quan/{agency}/")


def facts(site, url):
    page = site.html(url)
    return [(" ".join(dt.text_content().split()), " ".join(dt.getnext().text_content().split())) for dt in page.xpath("//dl[@class='portal-facts']/dt")]


def test_agency_lineage_both_ways(site):
    old = facts(site, "co-quan/ban-tuyen-giao-trung-uong/")
    assert ("Cơ quan kế nhiệm", "Ban Tuyên giáo và Dân vận Trung ương (từ 01/02/2025) — Hợp nhất với Ban Dân vận Trung ương") in old
    new = facts(site, "co-quan/ban-tuyen-giao-va-dan-van-trung-uong/")
    assert [v for k, v in new if k == "Cơ quan tiền thân"] == [
        "Ban Tuyên giáo Trung ương (đến 01/02/2025) — Hợp nhất với Ban Dân vận Trung ương",
        "Ban Dân vận Trung ương (đến 01/02/2025) — Hợp nhất với Ban Tuyên giáo Trung ương",
    ]


def test_agency_index_is_a_tree(site):
    page = site.html("co-quan/")
    groups = [" ".join(h.text_content().split()) for h in page.xpath("//article//h2")]
    assert groups[0] == "Trung ương" and "Tỉnh Lào Cai" in groups
    # UBND huyện Bắc Hà sits under UBND tỉnh Lào Cai
    nested = page.xpath("//a[@href='ubnd-tinh-lao-cai/']/following-sibling::ul//a[@href='ubnd-huyen-bac-ha/']")
    assert nested


def test_article_page(site):
    url = "tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/"
    text = site.main_text(url)
    assert "Thứ Ba, 21/05/2024" in text
    assert "Minh Anh" in text and "Liên minh Hợp tác xã tỉnh Lào Cai" in text
    assert "Hợp tác xã kiểu mới" in text and "Tháng hành động vì hợp tác xã năm 2024" in text
    page = site.html(url)
    crumbs = [" ".join(a.text_content().split()) for a in page.xpath("//nav[@class='portal-breadcrumbs']//a")]
    assert crumbs == ["Trang chủ", "Kinh tế tập thể, HTX", "Hợp tác xã kiểu mới"]
    related = page.xpath("//section[contains(@class,'portal-related')]//article")
    assert 1 <= len(related) <= 5
    assert page.xpath("//h2[@id='lien-ket-chuoi-gia-tri']")
    assert page.xpath("//meta[@name='description']/@content") == [
        "Liên kết với 180 hộ trồng chè, hợp tác xã ở Bát Xát đưa chè Shan tuyết đạt OCOP 4 sao và bán qua sàn thương mại điện tử."
    ]


def test_seed_article_page(site):
    text = site.main_text("tin-tuc/ninh-binh-ky-ket-chuong-trinh-phoi-hop-tuyen-truyen/")
    assert "Thứ Hai, 24/10/2022" in text and "Vũ Hùng, Phòng Tuyên truyền" in text
    assert "Đồng chí Bùi Mai Hoa, TVTU" in text  # the photo caption


def test_cooperative_page(site):
    text = site.main_text("htx/htx-che-shan-tuyet-ban-xeo/")
    assert "Dữ liệu minh họa" in text
    assert "Chè Shan tuyết Bản Xèo — ★★★★ (4 sao, năm 2022)" in text
    assert "HTX kiểu mới" in text and "Nông nghiệp" in text and "Thôn Séo Phìn Chư" in text
    assert "Tin bài nhắc đến hợp tác xã" in text and "Tổng kết Tháng hành động" in text


def test_document_page_metadata(site):
    page = site.html("van-ban/14-ctph-lmhtx-btgtu-2022/")
    rows = {
        " ".join(tr.xpath("th")[0].text_content().split()): " ".join(tr.xpath("td")[0].text_content().split())
        for tr in page.xpath("//table[@class='portal-metadata']//tr")
    }
    assert rows["Loại văn bản"] == "Chương trình phối hợp"
    assert rows["Số, ký hiệu"] == "14/CTPH-LMHTX-BTGTU"
    assert rows["Cơ quan ban hành"] == "Liên minh Hợp tác xã tỉnh Lào Cai; Ban Tuyên giáo Tỉnh ủy Lào Cai"
    assert rows["Ngày ban hành"] == "21/07/2022" and rows["Nơi ban hành"] == "Lào Cai"
    assert "Trương Mạnh Hùng — TM. Liên minh HTX tỉnh, Chủ tịch" in rows["Người ký"]
    assert "Dương Đức Huy — TM. Ban Tuyên giáo Tỉnh ủy, Trưởng Ban" in rows["Người ký"]
    assert "Lưu: VT LMHTX, BTGTU" in site.main_text("van-ban/14-ctph-lmhtx-btgtu-2022/")
    assert page.xpath("//h3[@id='i-muc-dich-yeu-cau-nguyen-tac-phoi-hop']")  # heading id keeps đ → d


def test_draft_document_page(site):
    text = site.main_text("van-ban/ke-hoach-ubnd-ninh-thuan-2021/")
    assert "(chưa có số)" in text and "2021 (chưa ghi ngày)" in text


def test_list_pages_exist(site):
    for url in (
        "chuyen-muc/",
        "chuyen-muc/kinh-te-tap-the-htx/",
        "chuyen-de/thang-hanh-dong-vi-htx-2024/",
        "dia-phuong/",
        "dia-phuong/ninh-binh/",
        "tu-khoa/ocop/",
        "luu-tru/",
        "luu-tru/2024/",
        "luu-tru/2024/05/",
        "htx/",
        "htx/linh-vuc/nong-nghiep/",
        "van-ban/",
        "van-ban/loai/ke-hoach/",
        "van-ban/nam/2021/",
    ):
        assert site.exists(url), url
    assert "Hợp tác xã Cói mỹ nghệ Kim Sơn" in site.main_text("dia-phuong/ninh-binh/")
    assert "Tỉnh Hà Nam" in site.main_text("dia-phuong/ninh-binh/")  # merged into Ninh Bình in 2025
    assert "145/KH-LMHTXVN" in site.main_text("van-ban/nam/2021/")


def test_pagination(site):
    # the tag "ocop" has more entries than one page holds (page_size 10)
    assert site.exists("tu-khoa/ocop/page/2/")
    first = site.html("tu-khoa/ocop/")
    assert len(first.xpath("//div[@class='portal-cards']/article")) == 10  # page_size: 10 in mkdocs.yml
    assert first.xpath("//a[@rel='next']/@href") == ["page/2/"]
    second = site.html("tu-khoa/ocop/page/2/")
    assert second.xpath("//a[@rel='prev']/@href") == ["../../"]


def test_pagination_in_views(catalog):
    views = SiteViews(catalog, Listings(catalog, "Trang"), Settings(page_size=2))
    column = [url for url in views.pages if url.startswith("chuyen-muc/kinh-te-tap-the-htx/")]
    count = len(catalog.by_column["kinh-te-tap-the-htx"])
    assert len(column) == -(-count // 2)
    assert views.pages["chuyen-muc/kinh-te-tap-the-htx/page/2/"].context["pagination"]["number"] == 2


def test_drafts_and_future_entries_are_nowhere(site):
    assert not site.exists("tin-tuc/ban-nhap-chuyen-doi-so-htx/")
    assert not site.exists("tin-tuc/dien-dan-htx-2027/")
    sitemap = site.text("sitemap.xml")
    assert "ban-nhap-chuyen-doi-so" not in sitemap and "dien-dan-htx-2027" not in sitemap
    assert f"{SITE_URL}tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/" in sitemap
    pages = site.html_pages()
    assert len(pages) > 150
    for page in pages:
        text = page.read_text("utf-8")
        assert "Diễn đàn hợp tác xã toàn quốc năm 2027" not in text, page


def test_urls_are_ascii(site):
    paths = list(site.root.rglob("*"))
    assert len(paths) > 1000
    for path in paths:
        assert path.relative_to(site.root).as_posix().isascii(), path


def test_no_page_loads_anything_from_another_host(site):
    checked = 0
    for path in site.html_pages():
        page = site.html(path.relative_to(site.root).as_posix())
        for attr in page.xpath("//script/@src | //link[@rel='stylesheet' or @rel='preconnect' or @rel='icon']/@href | //img/@src | //iframe/@src"):
            assert not urlsplit(attr).netloc, f"{path}: {attr}"
            checked += 1
        assert "fonts.googleapis" not in path.read_text("utf-8")
    assert checked > 500  # scripts, styles and images of every page were looked at


def test_registry_tables_are_paginated_and_filter_the_whole_list_from_json(catalog):
    views = SiteViews(catalog, Listings(catalog, "Trang"), Settings(table_size=2))
    pages = [url for url in views.pages if (url.startswith("van-ban/") and url.count("/") in (1, 3) and "page/" in url) or url == "van-ban/"]
    assert pages == ["van-ban/", "van-ban/page/2/", "van-ban/page/3/"]  # 6 documents, 2 rows a page
    assert [len(views.pages[u].context["rows"]) for u in pages] == [2, 2, 2]
    assert views.pages["van-ban/page/2/"].context["filters"] is None  # the filter form searches everything from page 1
    index = views.data_files["van-ban/index.json"]
    assert [r["number"] for r in index] == [e.data.number or "(chưa có số)" for e in catalog.documents]
    assert len(views.data_files["htx/index.json"]) == len(catalog.cooperatives)
