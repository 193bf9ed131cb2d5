"""Every feed of the demo site, read back by a real feed parser, and the feed rules."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree as ET

import feedparser
import pytest
from helpers import CONTENT, FIXTURES, NOW, SITE_URL, Site, build_site, site_config
from lxml import etree, html

from site_plugins.catalog.loading import load_catalog
from site_plugins.content.schema import parse_datetime
from site_plugins.output.feeds import MAX_BYTES, FeedSettings, FeedWriter
from site_plugins.views.listings import Listings

AUTHORITY = "kinhtetapthe.example.vn,2024"


def feed_files(site, name, histories=False):
    """Feed files of the site. A document's history feed is offered on its own page, not on the
    /feeds/ page or in feeds.opml: left out unless ``histories``."""
    found = sorted(site.root.rglob(name))
    return found if histories else [p for p in found if not is_history(p)]


def is_history(path) -> bool:
    page = path.parent / "index.html"
    return page.exists() and 'id="lich-su"' in page.read_text("utf-8")


def assert_absolute_html(fragment: str, where: str) -> int:
    """Every link and image URL of the fragment is absolute; returns how many it checked."""
    if not fragment.strip():
        return 0
    root = html.fragment_fromstring(fragment, create_parent="div")
    found = root.xpath(".//@href | .//@src")
    for attr in found:
        assert urlsplit(attr).scheme in ("http", "https", "mailto"), f"{where}: relative URL {attr!r}"
    return len(found)


def test_every_list_has_three_feeds(site):
    rss, atom, jsonf = (feed_files(site, n) for n in ("feed.xml", "atom.xml", "feed.json"))
    assert len(rss) == len(atom) == len(jsonf) > 40
    folders = {p.parent for p in rss}
    assert folders == {p.parent for p in atom} == {p.parent for p in jsonf}
    for url in (
        "",
        "tin-tuc/",
        "van-ban/",
        "van-ban/loai/ke-hoach/",
        "htx/",
        "chuyen-muc/kinh-te-tap-the-htx/",
        "co-quan/lien-minh-htx-viet-nam/",
        "co-quan/lien-minh-htx-viet-nam/tat-ca/",
        "dia-phuong/lao-cai/",
        "tu-khoa/ocop/",
        "chuyen-de/thang-hanh-dong-vi-htx-2024/",
        # lists that once had pages but no feeds
        "htx/linh-vuc/nong-nghiep/",
        "van-ban/nam/2021/",
        "van-ban/tinh-trang/het-hieu-luc/",
        "luu-tru/2024/05/",
    ):
        assert (site.root / url / "feed.xml").exists(), url


def test_every_list_page_has_its_feeds(site):
    """Every page that lists entries (the first page of a list) has the three feeds beside it."""
    checked = 0
    for page in site.html_pages():
        folder = page.parent
        rel = folder.relative_to(site.root).as_posix()
        doc = html.fromstring(page.read_bytes())
        is_list = doc.xpath("//div[@class='portal-cards'] | //table[@class='portal-documents' or @class='portal-cooperatives']")
        entry_page = "portal-entry" in " ".join(doc.xpath("//body/@class")).split()  # an entry's or a cited document's page: cards of what mentions it
        if not is_list or entry_page or "/page/" in f"/{rel}/":
            continue  # entry pages and later pages of a list
        if rel in ("", "."):
            continue  # the home page shows several lists; it advertises the site's feed
        for name in ("feed.xml", "atom.xml", "feed.json"):
            assert (folder / name).exists(), f"{rel}/{name}"
        checked += 1
    assert checked > 40  # columns, agencies, provinces, tags, years, months…: not a handful


def test_empty_lists_have_valid_empty_feeds(site):
    """A reader can follow an agency (or tag, province, column) before its first entry."""
    folder = site.root / "co-quan/ban-bi-thu"  # no document of the Ban Bí thư is published in the fixture
    rss, atom = (feedparser.parse((folder / n).read_bytes()) for n in ("feed.xml", "atom.xml"))
    for parsed in (rss, atom):
        assert not parsed.bozo and parsed.entries == [] and parsed.feed.title == "Ban Bí thư — Tin bài và văn bản"
    assert atom.feed.updated == "2000-01-01T00:00:00+07:00"  # fixed, never the build clock
    data = json.loads((folder / "feed.json").read_text("utf-8"))
    assert data["items"] == [] and data["feed_url"] == SITE_URL + "co-quan/ban-bi-thu/feed.json"
    page = site.html("co-quan/ban-bi-thu/")
    assert "feed.xml" in page.xpath("//head/link[@rel='alternate'][@type='application/rss+xml']/@href")


@pytest.mark.parametrize("name", ["feed.xml", "atom.xml"])
def test_xml_feeds_parse_cleanly_item_by_item(site, name):
    files, items, links = feed_files(site, name), 0, 0
    assert len(files) > 40
    for path in files:
        raw = path.read_bytes()
        assert len(raw) <= MAX_BYTES, path
        parsed = feedparser.parse(raw)
        assert not parsed.bozo, f"{path}: {parsed.get('bozo_exception')}"
        feed = parsed.feed
        assert feed.language == "vi" and feed.title and (feed.get("subtitle") or feed.get("description"))
        rels = {link.rel: link.href for link in feed.links}
        assert rels["self"] == SITE_URL + path.relative_to(site.root).as_posix()
        assert rels["alternate"].startswith(SITE_URL) and rels["alternate"].endswith("/")
        if name == "feed.xml":
            assert feed.link == rels["alternate"]  # feedgen: last link() wins in RSS
        ids, dates = set(), []
        for entry in parsed.entries:
            assert entry.title.strip()
            assert entry.link.startswith(SITE_URL)
            assert entry.id.startswith(f"tag:{AUTHORITY}:") and entry.id not in ids
            ids.add(entry.id)
            assert entry.published.endswith(("+0700", "+07:00")), entry.published
            if name == "atom.xml":
                assert entry.updated.endswith("+07:00"), entry.updated
                assert [link.rel for link in entry.links if link.href == entry.link] == ["alternate"]
            assert entry.summary
            for content in entry.get("content", []):
                links += assert_absolute_html(content.value, f"{path}: {entry.id}")
            dates.append(entry.published_parsed)
            items += 1
        assert dates == sorted(dates, reverse=True), path
    assert items > 200 and links > 20  # the checks above saw items and their links


def test_rss_channel_updated_is_the_newest_item_date(site):
    parsed = feedparser.parse((site.root / "co-quan/lien-minh-htx-viet-nam/feed.xml").read_bytes())
    assert parsed.feed.updated == "Tue, 10 Nov 2026 08:00:00 +0700"  # the trade fair it organises, announced that day
    assert parsed.entries[0].published == parsed.feed.updated


def test_json_feeds_have_the_required_fields(site):
    files, items = feed_files(site, "feed.json"), 0
    assert len(files) > 40
    for path in files:
        data = json.loads(path.read_text("utf-8"))
        assert data["version"] == "https://jsonfeed.org/version/1.1"
        assert data["title"] and isinstance(data["items"], list)
        assert data["feed_url"] == SITE_URL + path.relative_to(site.root).as_posix()
        assert data["home_page_url"].startswith(SITE_URL) and data["language"] == "vi"
        ids = [item["id"] for item in data["items"]]
        assert len(ids) == len(set(ids))
        for item in data["items"]:
            assert isinstance(item["id"], str) and ("content_html" in item or "content_text" in item)
            assert item["url"].startswith(SITE_URL)
            assert item["date_published"].endswith("+07:00") and item["date_modified"].endswith("+07:00")
            assert_absolute_html(item["content_html"], f"{path}: {item['id']}")
            items += 1
    assert items > 200


def test_document_items_are_titled_with_their_number(site):
    parsed = feedparser.parse((site.root / "van-ban/feed.xml").read_bytes())
    titles = [e.title for e in parsed.entries]
    assert titles[0] == "Luật 17/2023/QH15: Luật Hợp tác xã"
    assert titles[1].startswith("Chương trình phối hợp 14/CTPH-LMHTX-BTGTU: Phối hợp tuyên truyền phát triển kinh tế tập thể")
    assert "Kế hoạch (chưa có số): Thông tin tuyên truyền phát triển kinh tế tập thể, hợp tác xã tỉnh Ninh Thuận năm 2021" in titles
    plan = next(t for t in titles if t.startswith("Kế hoạch 145/KH-LMHTXVN: Triển khai Hướng dẫn số 164-HD/BTGTW ngày 08/12/2020"))
    assert len(plan) <= len("Kế hoạch 145/KH-LMHTXVN: ") + 90 and plan.endswith("…")  # a title, not the whole trích yếu


def test_cover_image_is_an_enclosure_with_type_and_length(site):
    parsed = feedparser.parse((site.root / "tu-khoa/chuyen-doi-so/feed.xml").read_bytes())
    item = next(e for e in parsed.entries if e.link.endswith("/ca-phe-ea-kiet-truy-xuat-nguon-goc/"))
    enclosure = item.enclosures[0]
    # the processed mid-size rendition (no metadata), never the upload
    assert enclosure.href.startswith(SITE_URL + "img/") and enclosure.href.endswith("/ca-phe-dak-lak-960.jpg")
    assert enclosure.type == "image/jpeg"
    assert int(enclosure.length) == site.path(enclosure.href[len(SITE_URL) :]).stat().st_size
    atom = feedparser.parse((site.root / "tu-khoa/chuyen-doi-so/atom.xml").read_bytes())
    item = next(e for e in atom.entries if e.link.endswith("/ca-phe-dak-lak.jpg") is False and "ca-phe-ea-kiet-truy" in e.link)
    assert [(x.href, x.type, int(x.length)) for x in item.enclosures] == [(enclosure.href, "image/jpeg", int(enclosure.length))]


def test_items_carry_author_and_categories(site):
    parsed = feedparser.parse((site.root / "atom.xml").read_bytes())
    item = next(e for e in parsed.entries if e.link.endswith("/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/"))
    assert item.author == "Minh Anh"
    # column first; the tag with the column's id ("htx-kieu-moi", "HTX kiểu mới") is the same term, so it is not repeated
    assert [t.label for t in item.tags] == ["Hợp tác xã kiểu mới", "OCOP", "Chuyển đổi số", "Tháng hành động vì HTX"]
    rss = feedparser.parse((site.root / "feed.xml").read_bytes())
    assert next(e for e in rss.entries if e.link == item.link).author == "Minh Anh"  # dc:creator


def test_feed_links_in_content_are_absolute(site):
    data = json.loads((site.root / "van-ban/feed.json").read_text("utf-8"))
    content = next(i for i in data["items"] if i["title"].startswith("Hướng dẫn 13-HD/BTGTU:"))["content_html"]
    assert 'href="https://kinhtetapthe.example.vn/van-ban/70-kl-tw/"' in content  # an auto-link, made absolute
    assert 'href="https://kinhtetapthe.example.vn/van-ban/14-ctph-lmhtx-btgtu-2022/#' not in content  # no ¶ permalinks
    assert "headerlink" not in content


def _copy_content(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


def _writer(catalog, limit=50, render=lambda e: e.body):
    return FeedWriter(catalog, FeedSettings(SITE_URL, AUTHORITY, limit), render)


def test_guid_survives_a_new_title_and_slug(tmp_path):
    content = _copy_content(tmp_path)
    before = _writer(load_catalog(content, parse_datetime(NOW))).item(load_catalog(content, parse_datetime(NOW)).by_id["tin-2024-07-01-luat-htx-2023-hieu-luc"])
    old = content / "tin-tuc/luat-hop-tac-xa-2023-co-hieu-luc.md"
    text = old.read_text("utf-8").replace("title: Luật Hợp tác xã năm 2023 có hiệu lực từ ngày 1/7/2024", "title: Luật HTX 2023 chính thức có hiệu lực")
    old.unlink()
    (content / "tin-tuc/luat-htx-2023-chinh-thuc-co-hieu-luc.md").write_text(text, "utf-8")
    catalog = load_catalog(content, parse_datetime(NOW))
    after = _writer(catalog).item(catalog.by_id["tin-2024-07-01-luat-htx-2023-hieu-luc"])
    assert after.title != before.title and after.url != before.url
    assert after.id == before.id == f"tag:{AUTHORITY}:tin-2024-07-01-luat-htx-2023-hieu-luc"


def test_limit_and_order(tmp_path, catalog):
    spec = Listings(catalog, "Trang")["site"]
    _writer(catalog, limit=3).write(spec, tmp_path)
    parsed = feedparser.parse((tmp_path / "feed.xml").read_bytes())
    assert [e.id.rsplit(":", 1)[1] for e in parsed.entries] == [e.id for e in catalog.entries[:3]]
    assert len(json.loads((tmp_path / "feed.json").read_text())["items"]) == 3


def test_no_feed_grows_over_one_megabyte(tmp_path, catalog):
    spec = Listings(catalog, "Trang")["site"]
    huge = _writer(catalog, render=lambda e: "<p>" + "Hợp tác xã " * 12000 + "</p>")  # ~130 kB per item
    huge.write(spec, tmp_path)
    for name in ("feed.xml", "atom.xml", "feed.json"):
        size = (tmp_path / name).stat().st_size
        assert 0 < size <= MAX_BYTES, name
    parsed = feedparser.parse((tmp_path / "atom.xml").read_bytes())
    assert 1 <= len(parsed.entries) < len(spec.entries)
    assert parsed.entries[0].id.endswith(catalog.entries[0].id)  # the newest kept


def test_control_characters_never_reach_feeds_or_pages(tmp_path):
    config = site_config(tmp_path, FIXTURES / "controls")
    result = build_site(tmp_path / "site", config, strict=False)  # the cleanup warnings would fail --strict
    assert result.returncode == 0, result.stderr
    assert "cảnh báo: đã xóa các ký tự điều khiển" in result.stderr
    site = Site(tmp_path / "site")
    expected = "Hợp tác xã dán từ Word"
    for name in ("feed.xml", "atom.xml"):
        raw = (site.root / name).read_bytes()
        etree.fromstring(raw)  # well-formed, strict parser
        parsed = feedparser.parse(raw)
        assert not parsed.bozo and parsed.entries[0].title == expected
        assert parsed.entries[0].summary == "Sapo có ký tự điều khiển."
    assert json.loads((site.root / "feed.json").read_text("utf-8"))["items"][0]["title"] == expected
    page = site.html("tin-tuc/dan-tu-word/")
    assert page.xpath("//h1")[0].text_content() == expected
    assert page.xpath("//title")[0].text_content().startswith(expected)
    assert "Thân bài có ký tự lạ" in page.xpath("//div[@class='portal-body']")[0].text_content()


def test_opml_lists_every_feed_with_items_and_nothing_else(site):
    root = ET.fromstring((site.root / "feeds.opml").read_bytes())
    assert root.get("version") == "2.0"
    urls = [o.get("xmlUrl") for o in root.iter("outline") if o.get("xmlUrl")]
    assert len(urls) == len(set(urls))
    files = {SITE_URL + p.relative_to(site.root).as_posix(): feedparser.parse(p.read_bytes()) for p in feed_files(site, "feed.xml")}
    # an empty list keeps its feeds (the /feeds/ page names it) but importing the OPML subscribes no one to it
    assert set(urls) == {url for url, parsed in files.items() if parsed.entries}
    assert len(urls) == 87 and len(files) == 230  # of the 230 lists on the /feeds/ page, 143 have nothing yet
    for outline in root.iter("outline"):
        if outline.get("xmlUrl"):
            assert outline.get("type") == "rss" and outline.get("htmlUrl").startswith(SITE_URL)
            folder = site.root / outline.get("xmlUrl")[len(SITE_URL) :]
            assert (folder.parent / "atom.xml").exists() and (folder.parent / "feed.json").exists()


def test_feeds_page_lists_every_feed(site):
    page = site.html("feeds/")
    hrefs = set(page.xpath("//ul[@class='portal-feeds']//a/@href"))
    for path in feed_files(site, "feed.xml") + feed_files(site, "atom.xml") + feed_files(site, "feed.json"):
        rel = path.relative_to(site.root).as_posix()
        assert "../" + rel in hrefs, rel
    groups = [" ".join(h.text_content().split()) for h in page.xpath("//article//section[starts-with(@id, 'nhom-')]/h2")]
    # 69 agencies, 13 of them with child agencies (a second feed each); 7 columns, 12 provinces, 11 tags, 7 sectors
    # in the registries; documents of 5 years and 3 statuses; entries in 16 months; 7 kinds of event
    assert groups == [
        "Toàn trang (2)",
        "Theo loại nội dung (8)",
        "Sự kiện theo loại (7)",
        "Chuyên mục (7)",
        "Chuyên đề (1)",
        "Cơ quan, đơn vị (82)",
        "Địa phương (12)",
        "Từ khóa (11)",
        "Hợp tác xã theo lĩnh vực (7)",
        "Văn bản theo năm (5)",
        "Văn bản theo tình trạng (3)",
        "Lưu trữ theo tháng (16)",
        "Nhiệm vụ sắp đến hạn, quá hạn theo cơ quan (69)",
    ]


@pytest.mark.parametrize(
    "url, feeds, calendars",
    [
        ("", [""], []),
        (
            "co-quan/lien-minh-htx-viet-nam/",
            ["co-quan/lien-minh-htx-viet-nam/", "co-quan/lien-minh-htx-viet-nam/tat-ca/", "co-quan/lien-minh-htx-viet-nam/nhiem-vu/", ""],
            ["co-quan/lien-minh-htx-viet-nam/"],  # an agency's events: its calendar beside its feeds
        ),
        ("van-ban/145-kh-lmhtxvn-2021/", ["van-ban/145-kh-lmhtxvn-2021/", ""], []),  # its own history, then the site's
        ("chuyen-muc/kinh-te-tap-the-htx/", ["chuyen-muc/kinh-te-tap-the-htx/", ""], []),
        ("dia-phuong/ninh-binh/", ["dia-phuong/ninh-binh/", ""], ["dia-phuong/ninh-binh/"]),
        ("tu-khoa/ocop/page/2/", ["tu-khoa/ocop/", ""], []),
        ("van-ban/", ["van-ban/", ""], []),
        ("htx/", ["htx/", ""], []),
        ("su-kien/", ["su-kien/", ""], ["su-kien/"]),
    ],
)
def test_list_pages_advertise_their_feeds(site, url, feeds, calendars):
    page = site.html(url)
    links = page.xpath("//head/link[@rel='alternate'][@type]")
    found = [(link.get("type"), urljoin(SITE_URL + url, link.get("href"))[len(SITE_URL) :]) for link in links]
    expected = [
        (t, folder + name)
        for folder in feeds
        for t, name in (("application/rss+xml", "feed.xml"), ("application/atom+xml", "atom.xml"), ("application/feed+json", "feed.json"))
    ]
    assert found == expected + [("text/calendar", folder + "lich.ics") for folder in calendars]
    for _, path in found:
        assert (site.root / path).exists()


def test_two_builds_give_byte_identical_feeds(site, tmp_path):
    result = build_site(tmp_path / "again")
    assert result.returncode == 0, result.stderr
    again = Site(tmp_path / "again")
    names = [p.relative_to(site.root) for n in ("feed.xml", "atom.xml", "feed.json", "feeds.opml") for p in feed_files(site, n)]
    assert names
    for name in names:
        assert (site.root / name).read_bytes() == (again.root / name).read_bytes(), name


def test_one_category_per_term_and_no_duplicate_tags(site):
    seen = 0
    for path in feed_files(site, "atom.xml"):
        for entry in feedparser.parse(path.read_bytes()).entries:
            terms = [t.term for t in entry.get("tags", [])]
            assert len(terms) == len(set(terms)), f"{path}: {entry.id}"
            seen += len(terms)
    assert seen > 200  # items with categories were seen
    for path in feed_files(site, "feed.json"):
        for item in json.loads(path.read_text("utf-8"))["items"]:
            assert len(item["tags"]) == len(set(item["tags"])), f"{path}: {item['id']}"


def test_sitemap_lastmod_comes_from_the_content(site, catalog):
    import re

    sitemap = site.text("sitemap.xml")
    lastmods = dict(re.findall(r"<loc>([^<]+)</loc>\s*(?:<lastmod>([^<]+)</lastmod>)?", sitemap))
    assert lastmods[SITE_URL + "tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/"] == "2024-05-21"
    newest_ocop = max(e.updated for e in catalog.by_tag["ocop"]).date().isoformat()
    assert lastmods[SITE_URL + "tu-khoa/ocop/"] == newest_ocop  # a list page: its newest entry
    assert lastmods[SITE_URL + "co-quan/ban-bi-thu/"] == ""  # nothing yet: no date rather than the build's
    from datetime import date

    assert date.today().isoformat() not in lastmods.values()
