"""What a reader meets on the way in and on the way on (issue 21): a picture on every shared link
whatever installed the site, feeds a person can subscribe to, and no page that is a dead end —
archive months lead to their neighbours and their year, every breadcrumb starts at the home page,
and the page of a document cited but not published here names the articles that mention it."""

from __future__ import annotations

import fnmatch
import io
import json
import os
import posixpath
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import feedparser
import pytest
from helpers import NOW, ROOT, SITE_URL, opened, serve_folder, site_config
from lxml import html
from PIL import Image

import site_plugins
from site_plugins.common import urls
from site_plugins.media import socialcards

VIETNAMESE = "ĂÂĐÊÔƠƯăâđêôơư" + "".join(chr(c) for c in range(0x1EA0, 0x1EFA))  # every precomposed letter with a tone mark


def crumbs(page) -> list[tuple[str, str]]:
    return [(" ".join(a.text_content().split()), a.get("href")) for a in page.xpath("//nav[@class='portal-breadcrumbs']//a")]


def target(page_url: str, href: str) -> str:
    """The site path a relative link of the page at ``page_url`` leads to ("" for the home page)."""
    joined = posixpath.normpath(posixpath.join(page_url, href))
    return "" if joined == "." else joined.strip("/") + "/"


# Pictures on shared links ---------------------------------------------------------------------------------------------------------------


def test_the_cards_font_ships_inside_the_package_with_its_licence():
    package = Path(site_plugins.__file__).parent
    fonts = [socialcards.BOLD, socialcards.REGULAR]
    assert all(f.is_relative_to(package) and f.stat().st_size < 200_000 for f in fonts)  # in the package, cut down to what is used
    # pip installs them: pyproject's package data names every file of the folder, the licence too
    data = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]["package-data"]["site_plugins"]
    shipped = sorted(p.name for p in socialcards.FONTS.iterdir())
    assert shipped == ["NotoSans-Bold.ttf", "NotoSans-Regular.ttf", "OFL.txt", "README.md"]
    assert [f for f in (f"media/fonts/{n}" for n in shipped) if not any(fnmatch.fnmatch(f, pattern) for pattern in data)] == []
    assert "SIL OPEN FONT LICENSE Version 1.1" in (socialcards.FONTS / "OFL.txt").read_text("utf-8")
    # and npm no longer brings it
    assert not any("font" in name for name in json.loads((ROOT / "package.json").read_text("utf-8"))["dependencies"])
    from fontTools.ttLib import TTFont

    for font in fonts:
        cmap = TTFont(str(font)).getBestCmap()
        assert [c for c in VIETNAMESE + "“”‘’—–…₫№" if ord(c) not in cmap] == [], font.name
    assert socialcards.check_fonts() == []


def test_every_entry_page_shares_an_absolute_1200x630_card(site, catalog):
    checked = 0
    for entry in catalog.entries:  # 15 articles, 7 cooperatives, 6 documents, 6 events
        page = site.html(entry.url)
        image = page.xpath("//meta[@property='og:image']/@content")
        assert len(image) == 1 and image[0].startswith(SITE_URL), entry.url
        assert page.xpath("//meta[@property='og:image:width']/@content") == ["1200"]
        assert page.xpath("//meta[@property='og:image:height']/@content") == ["630"]
        with Image.open(site.path(image[0][len(SITE_URL) :])) as card:
            assert card.format in ("JPEG", "PNG") and card.size == (1200, 630), entry.url
        checked += 1
    assert checked == len(catalog.entries) == 34 and len(catalog.articles) == 15


def build_with_package(package_parent: Path, out: Path, private_cache: bool, **env) -> subprocess.CompletedProcess:
    """Build the fixture site with the copy of site_plugins in ``package_parent`` (run from there,
    it is the one Python imports): an installation with no node_modules anywhere near it."""
    config = site_config(out.parent / f"{out.name}-config", private_cache=private_cache)
    environment = {**os.environ, "PORTAL_NOW": NOW, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, **env}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(out)],
        env=environment,
        capture_output=True,
        text=True,
        cwd=package_parent,
    )


def test_cards_are_drawn_without_npm_and_an_unreadable_font_stops_the_build(tmp_path):
    installed = tmp_path / "installed"
    shutil.copytree(Path(site_plugins.__file__).parent, installed / "site_plugins", ignore=shutil.ignore_patterns("__pycache__"))
    assert not (installed / "node_modules").exists() and not (tmp_path / "node_modules").exists()

    # the font the package brings draws every card (a cache of its own: no card drawn by another build)
    result = build_with_package(installed, tmp_path / "site", private_cache=True)
    assert result.returncode == 0, result.stderr
    assert "font" not in result.stderr.lower() and "phông" not in result.stderr
    page = html.fromstring((tmp_path / "site/tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/index.html").read_bytes())
    card = page.xpath("//meta[@property='og:image']/@content")[0]
    with Image.open(io.BytesIO((tmp_path / "site" / card[len(SITE_URL) :]).read_bytes())) as image:
        assert image.size == (1200, 630)

    # a damaged font: the build fails and says which file, why, and what to do — no site without its cards
    bold = installed / "site_plugins/media/fonts/NotoSans-Bold.ttf"
    bold.write_bytes(bold.read_bytes()[:1000])
    failed = build_with_package(installed, tmp_path / "broken", private_cache=False)
    assert failed.returncode != 0
    assert "NotoSans-Bold.ttf" in failed.stderr and "không đọc được phông chữ vẽ ảnh chia sẻ" in failed.stderr
    assert "pip install --force-reinstall htx-portal" in failed.stderr
    assert not (tmp_path / "broken/index.html").exists()
    bold.unlink()
    english = build_with_package(installed, tmp_path / "missing", private_cache=False, PORTAL_LANG="en")
    assert english.returncode != 0 and "the font that draws the social cards cannot be read" in english.stderr


# Feeds for people --------------------------------------------------------------------------------------------------------------------------


def feeds_page_lists(site) -> list[tuple[str, list[tuple[str, bool, str]]]]:
    """/feeds/: each group's title and its lists as (title, marked empty, RSS file)."""
    page = site.html("feeds/")
    groups = []
    for section in page.xpath("//article//section[starts-with(@id, 'nhom-')]"):
        rows = []
        for item in section.xpath(".//ul[@class='portal-feeds']/li"):
            rss = [a.get("href") for a in item.xpath("a") if a.text_content() == "RSS"]
            rows.append((item.xpath("a")[0].text_content(), "chưa có tin" in item.text_content(), target("feeds/", rss[0]).rstrip("/")))
        groups.append((" ".join(section.xpath("h2")[0].text_content().split()), rows))
    return groups


def test_opml_subscribes_to_no_empty_feed(site):
    from xml.etree import ElementTree as ET

    outlines = [o for o in ET.fromstring((site.root / "feeds.opml").read_bytes()).iter("outline") if o.get("xmlUrl")]
    for outline in outlines:
        parsed = feedparser.parse((site.root / outline.get("xmlUrl")[len(SITE_URL) :]).read_bytes())
        assert parsed.entries, outline.get("xmlUrl")
    assert len(outlines) == 87
    # the empty ones still exist at their URLs, as valid feeds, for whoever follows a list before its first item
    empty = [rss for _, rows in feeds_page_lists(site) for _, marked, rss in rows if marked]
    for rss in empty:
        parsed = feedparser.parse((site.root / rss).read_bytes())
        assert not parsed.bozo and parsed.entries == [] and parsed.feed.title, rss
    assert len(empty) == 143


def test_feeds_page_leads_with_feeds_that_have_items_and_marks_the_others(site):
    groups = feeds_page_lists(site)
    assert len(groups) == 13 and sum(len(rows) for _, rows in groups) == 230
    for title, rows in groups:
        marks = [marked for _, marked, _ in rows]
        assert marks == sorted(marks), title  # every list with items before the first empty one
        for name, marked, rss in rows:
            assert marked == (not feedparser.parse((site.root / rss).read_bytes()).entries), name
    assert [sum(not m for _, m, _ in rows) for _, rows in groups] == [2, 8, 6, 7, 1, 18, 6, 11, 4, 5, 3, 16, 0]


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_every_collapsed_group_of_the_feeds_page_says_it_opens(browser, site, width):
    with serve_folder(site.root) as base, opened(browser, base + "feeds/", width) as page:
        summaries = page.locator("article summary")
        assert summaries.count() == 11  # the first two groups are open lists, without a summary
        for i in range(summaries.count()):
            summary = summaries.nth(i)
            summary.scroll_into_view_if_needed()
            text = " ".join(summary.inner_text().split())
            assert text.startswith("Xem ") and "nguồn tin" in text, text
            box = summary.bounding_box()
            assert box and box["height"] >= 24 and box["x"] >= 0 and box["x"] + box["width"] <= width, (text, box)
            # the chevron beside it, pointing right while closed and turned when open
            marker = summary.evaluate("s => { const a = getComputedStyle(s, '::after'); return [a.display, a.maskImage || a.webkitMaskImage, a.transform]; }")
            assert marker[0] != "none" and marker[1].startswith("url("), marker
            details = summary.locator("xpath=..")
            listing = details.locator("ul.portal-feeds")
            assert details.get_attribute("open") is None and not listing.is_visible()
            summary.click()
            assert details.get_attribute("open") == "" and listing.is_visible()
            # the chevron turns (a transition of a quarter second: wait for it to leave where it was)
            page.wait_for_function("([s, before]) => getComputedStyle(s, '::after').transform !== before", arg=[summary.element_handle(), marker[2]])
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        # every group open: the lists they held pass axe-core too ("chưa có tin" included)
        axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
        if not axe.exists():
            assert os.environ.get("CI") != "true", "CI=true but axe-core (npm) is missing: scripts/test.sh installs it"
            pytest.skip("axe-core (npm) is missing")
        page.add_script_tag(path=str(axe))
        result = page.evaluate("() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})")
        assert [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]] == []
        assert page.locator("ul.portal-feeds li:visible").count() == 230


# No dead ends -----------------------------------------------------------------------------------------------------------------------------


def test_archive_months_lead_to_their_neighbours_and_their_year(site, catalog):
    months = sorted(catalog.by_month)  # oldest first
    for at, (year, month) in enumerate(months):
        url = urls.archive_month(year, month)
        page = site.html(url)
        assert [(t, target(url, h)) for t, h in crumbs(page)] == [("Trang chủ", ""), ("Lưu trữ", urls.ARCHIVE), (f"Năm {year}", urls.archive_year(year))]
        nav = page.xpath("//nav[@aria-label='Tháng khác trong lưu trữ']")
        assert len(nav) == 1
        links = [(" ".join(a.text_content().split()), target(url, a.get("href"))) for a in nav[0].xpath("a")]
        expected = [(f"Cả năm {year}", urls.archive_year(year))]
        if at > 0:
            expected.insert(0, (f"← Tháng {months[at - 1][1]}/{months[at - 1][0]}", urls.archive_month(*months[at - 1])))
        if at + 1 < len(months):
            expected.append((f"Tháng {months[at + 1][1]}/{months[at + 1][0]} →", urls.archive_month(*months[at + 1])))
        assert links == expected, url
        assert all(site.exists(t) for _, t in links)
    assert len(months) == 16  # the events announced in November 2026 added one
    for year in {y for y, _ in months}:
        assert [t for t, _ in crumbs(site.html(urls.archive_year(year)))] == ["Trang chủ", "Lưu trữ"]


@pytest.mark.parametrize("url", ["van-ban/70-kl-tw/", urls.TASKS, "van-ban/du-lieu/", urls.DOCUMENT_UPDATES, "van-ban/nam/2021/", "htx/linh-vuc/van-tai/"])
def test_breadcrumbs_start_at_the_home_page(site, url):
    found = crumbs(site.html(url))
    assert found[0][0] == "Trang chủ" and target(url, found[0][1]) == ""
    assert len(found) == 2


def test_a_cited_document_not_published_here_names_the_articles_that_mention_it(site, catalog):
    """Every article (and event) whose text links to a stub page is listed on that page (documents that
    cite it are in its "Lược đồ" already); nothing else is."""
    stubs = {node.url: node for node in catalog.graph.stubs}
    linked: dict[str, set[str]] = {url: set() for url in stubs}
    for entry in [*catalog.articles, *catalog.events]:
        for href in site.html(entry.url).xpath("//div[@class='portal-body']//a[contains(@class, 'portal-doclink')]/@href"):
            if (to := target(entry.url, href)) in stubs:
                linked[to].add(entry.url)
    for url in stubs:
        page = site.html(url)
        assert [t for t, _ in crumbs(page)] == ["Trang chủ", "Văn bản"]
        listed = {target(url, h) for h in page.xpath("//section[@id='nhac-den']//*[contains(@class, 'portal-card__title')]//a/@href")}
        assert listed == linked[url], url
    assert sum(len(v) for v in linked.values()) == 5 and len(stubs) == 8  # 4 articles and the training on Kết luận 70


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_ways_on_are_on_screen(browser, site, width):
    with serve_folder(site.root) as base, opened(browser, None, width) as page:
        for url, way in [("luu-tru/2024/05/", "nav[aria-label='Tháng khác trong lưu trữ'] a"), ("van-ban/70-kl-tw/", "#nhac-den h3 a"),
                         ("van-ban/du-lieu/", ".portal-breadcrumbs a")]:  # fmt: skip
            page.goto(base + url)
            links = page.locator(way)
            assert links.count() >= 1
            for i in range(links.count()):
                links.nth(i).scroll_into_view_if_needed()
                box = links.nth(i).bounding_box()
                assert box and box["width"] > 10 and box["x"] >= 0 and box["x"] + box["width"] <= width, (url, i, box)
            assert page.locator(".portal-breadcrumbs a").first.inner_text() == "Trang chủ"
            assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0, url
