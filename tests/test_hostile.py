"""Hostile inputs and faults at the edges: script through file names and through pages outside the
sections, files from outside content/, writes outside the output folder, unbounded inputs, caches
that lie, concurrent builds, system failures and silently wrong input. Every case ends in a correct
build or a named Vietnamese error — never a traceback."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

import jinja2
import pytest
import yaml
from helpers import BODY, CONTENT, ENTITIES, LEGIT, NOW, QUOTES, ROOT, UNCLOSED, Site, build_site, copy_content, edit_entry, serve_folder, site_config
from lxml import etree
from lxml import html as lxml_html
from PIL import Image

from site_plugins.bodies.sanitize import ATTRIBUTES, SCHEMES, TAGS
from site_plugins.catalog.loading import load_catalog
from site_plugins.common.problems import ContentError
from site_plugins.common.templatecache import CheckedBytecodeCache
from site_plugins.content.schema import parse_datetime
from site_plugins.media import socialcards
from site_plugins.media.pictures import Pipeline
from site_plugins.output.feeds import FeedCache, FeedSettings, FeedWriter
from site_plugins.output.outputfiles import OutsideOutput, Staging, within
from site_plugins.views.listings import Listings

ARTICLE = "tin-tuc/kim-son-giu-nghe-coi.md"
DOCUMENT = "van-ban/luat-hop-tac-xa-2012.md"


def line_of(path: Path, start: str) -> int:
    """The line of a file that starts with ``start`` (front matter as written)."""
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), start=1) if line.startswith(start))


def problems_of(content: Path, **options) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_catalog(content, parse_datetime(NOW), **options)
    return [str(p) for p in caught.value.problems]


def one(problems: list[str], *parts: str) -> str:
    """The one problem line holding every part."""
    found = [p for p in problems if all(part in p for part in parts)]
    assert len(found) == 1, (parts, problems)
    return found[0]


def run_bounded(code: str, memory: int = 1_500_000_000, seconds: int = 300) -> subprocess.CompletedProcess:
    """Python code in a child process whose address space is capped: a case that expanded without
    bound would die of MemoryError there (and the timeout only keeps a regression from hanging CI)."""
    prelude = f"import resource, sys; resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory})); sys.path.insert(0, {str(ROOT / 'tests')!r})\n"
    return subprocess.run([sys.executable, "-c", prelude + code], capture_output=True, text=True, cwd=ROOT, timeout=seconds)


# Script on pages, live markup in feeds ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def edges(tmp_path_factory) -> tuple[Site, subprocess.CompletedProcess]:
    """One build with every edge at once: file names that carry markup or a scheme, a page outside the
    sections, a raw HTML page and an SVG with script, hostile summaries and a document without a body."""
    root = tmp_path_factory.mktemp("edges")
    content = copy_content(root)
    pdf = b"%PDF-1.4\n%\xe2\xe3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    (content / "van-ban/tep").mkdir()
    (content / "van-ban/tep/ke\"hoach' onmouseover='window.__pwned=1.pdf").write_bytes(pdf)
    (content / "javascript:window.__pwned=1").mkdir()
    (content / "javascript:window.__pwned=1/a.pdf").write_bytes(pdf)

    def law(d):
        d["summary"] = UNCLOSED
        d["attachments"] = [
            {"title": "Tệp có dấu nháy", "src": "tep/ke\"hoach' onmouseover='window.__pwned=1.pdf"},
            {"title": "Tệp trong thư mục javascript:", "src": "../javascript:window.__pwned=1/a.pdf"},
        ]
        return "\n"  # no body: its feed items carry the summary

    edit_entry(content / DOCUMENT, law)

    def article(d):
        d.update(summary=UNCLOSED, title=LEGIT, authors=[QUOTES, ENTITIES])
        return "\n" + BODY  # script, handlers, javascript: and data: links, SVG, an iframe: in pages and feeds

    edit_entry(content / ARTICLE, article)
    (content / "gioi-thieu.md").write_text(
        "---\ntitle: Giới thiệu\n---\n\n# Giới thiệu\n\n<script>window.__pwned=1</script>\n\n"
        '<img src="x" onerror="window.__pwned=1" alt="a">\n\n[bấm](javascript:window.__pwned=1)\n',
        "utf-8",
    )
    (content / "trang.html").write_text("<script>window.__pwned=1</script>", "utf-8")
    (content / "anh/logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>window.__pwned=1</script></svg>', "utf-8")
    result = build_site(root / "site", site_config(root / "config", content), strict=False)
    assert result.returncode == 0, result.stderr
    return Site(root / "site"), result


def test_raw_html_and_svg_are_not_published_and_named(edges):
    site, result = edges
    assert not site.path("trang.html").exists() and not site.path("anh/logo.svg").exists()
    assert not list(site.root.rglob("*.svg"))
    pages = site.html_pages()
    code = [p for p in pages if "__pwned" in " ".join(lxml_html.parse(str(p)).xpath("//script[not(@type='application/ld+json')]/text()"))]
    assert len(pages) > 150 and not code
    one(result.stderr.splitlines(), "content/trang.html", "cảnh báo", "không được đăng: tệp loại '.html'")
    one(result.stderr.splitlines(), "content/anh/logo.svg", "ảnh SVG có thể chứa mã chạy được: xuất ảnh thành PNG")


def test_a_page_outside_the_sections_is_sanitised(edges):
    site, result = edges
    page = site.html("gioi-thieu/")
    body = page.xpath("//article[contains(@class, 'md-content__inner')]")[0]
    assert body.xpath(".//h1")[0].text_content().strip().startswith("Giới thiệu")
    assert not body.xpath(".//script") and not [e for e in body.iter() if isinstance(e.tag, str) and any(a.startswith("on") for a in e.attrib)]
    assert not body.xpath(".//a[starts-with(@href, 'javascript')]")
    one(result.stderr.splitlines(), "content/gioi-thieu.md", "đã xóa HTML không được phép", "<script>")


def test_file_names_are_attribute_values_and_never_a_scheme(edges):
    site, _ = edges
    page = site.html("van-ban/luat-hop-tac-xa-2012/")
    links = page.xpath("//ul[@class='portal-attachments']//a")
    assert len(links) == 2
    hrefs = [a.get("href") for a in links]
    assert not [h for h in hrefs if h.lower().startswith("javascript")], hrefs
    assert all(len(a.attrib) == 1 for a in links), [dict(a.attrib) for a in links]  # nothing but href: no handler slipped in
    assert "javascript%3Awindow.__pwned%3D1/a.pdf" in hrefs[1] and "%22" in hrefs[0]
    for href in hrefs:  # every link reaches its file
        target = (site.root / "van-ban/luat-hop-tac-xa-2012" / unquote(href)).resolve()
        assert target.is_file(), href


def test_no_script_runs_in_chromium(edges, browser):
    site, _ = edges
    with serve_folder(site.root) as base:
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for path in ("gioi-thieu/", "van-ban/luat-hop-tac-xa-2012/", "tin-tuc/kim-son-giu-nghe-coi/"):
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            links = page.locator("a, img").all()
            assert len(links) > 10, path
            for element in links[:80]:
                element.dispatch_event("mouseover")
            assert page.evaluate("window.__pwned") is None, path
        page.goto(base + "van-ban/luat-hop-tac-xa-2012/")  # file links, not scripts, as the browser reads them
        assert page.evaluate("[...document.querySelectorAll('ul.portal-attachments a')].map(a => a.protocol)") == ["http:", "http:"]
        for path in ("trang.html", "anh/logo.svg"):
            assert page.goto(base + path).status == 404
        page.close()
    assert dialogs == []


def _feed_fragments(site: Site) -> list[tuple[str, str]]:
    """(feed file, HTML fragment) for every item of every feed: RSS description and content:encoded,
    Atom content (summary must stay text), JSON Feed content_html."""
    found = []
    content_ns = "{http://purl.org/rss/1.0/modules/content/}encoded"
    atom = "{http://www.w3.org/2005/Atom}"
    for path in site.root.rglob("feed.xml"):
        for item in etree.parse(str(path)).iter("item"):
            found += [(str(path), el.text or "") for el in (item.find("description"), item.find(content_ns)) if el is not None]
    for path in site.root.rglob("atom.xml"):
        for entry in etree.parse(str(path)).iter(f"{atom}entry"):
            summary = entry.find(f"{atom}summary")
            assert summary is None or summary.get("type") in (None, "text"), path
            found += [(str(path), el.text or "") for el in entry.iter(f"{atom}content")]
    for path in site.root.rglob("feed.json"):
        found += [(str(path), item["content_html"]) for item in json.loads(path.read_text("utf-8"))["items"]]
    return found


def test_feed_html_holds_nothing_outside_the_allow_list(edges):
    site, _ = edges
    fragments = _feed_fragments(site)
    assert len(fragments) > 1000  # every feed of the site was read, not a few
    tags_seen = set()
    for path, fragment in fragments:
        for element in lxml_html.fragment_fromstring(fragment, create_parent="div").iterdescendants():
            if not isinstance(element.tag, str):
                continue
            tags_seen.add(element.tag)
            assert element.tag in TAGS, (path, element.tag, fragment[:200])
            allowed = ATTRIBUTES["*"] | ATTRIBUTES.get(element.tag, set())
            assert set(element.attrib) <= allowed, (path, element.tag, dict(element.attrib))
            for name in ("href", "src"):
                value = element.get(name)
                assert value is None or value.split(":", 1)[0] in SCHEMES or ":" not in value.split("/", 1)[0], (path, value)
    assert {"p", "a", "h2"} <= tags_seen


def test_hostile_summaries_reach_feed_readers_as_text(edges):
    site, _ = edges
    rss = etree.parse(str(site.path("feed.xml")))
    items = {i.findtext("link"): i for i in rss.iter("item")}
    article = items["https://kinhtetapthe.example.vn/tin-tuc/kim-son-giu-nghe-coi/"]
    description = lxml_html.fragment_fromstring(f"<div>{article.findtext('description')}</div>")
    assert description.text_content() == UNCLOSED and not list(description)  # the text, no element
    law = items["https://kinhtetapthe.example.vn/van-ban/luat-hop-tac-xa-2012/"]
    content = lxml_html.fragment_fromstring(law.findtext("{http://purl.org/rss/1.0/modules/content/}encoded"))
    assert content.tag == "p" and content.text_content() == UNCLOSED and not list(content)
    feed = json.loads(site.text("van-ban/feed.json"))
    item = next(i for i in feed["items"] if i["url"].endswith("/luat-hop-tac-xa-2012/"))
    assert item["summary"] == UNCLOSED and lxml_html.fragment_fromstring(item["content_html"]).text_content() == UNCLOSED
    enclosures = [a["url"] for a in item["attachments"]]
    assert [u for u in enclosures if "javascript%3A" in u] and not [u for u in enclosures if u.startswith("javascript")]


# Files from outside the project; writes outside the output folder ---------------------------------------------------------------


def test_links_and_paths_out_of_content_are_refused(tmp_path):
    content = copy_content(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    shutil.copy(content / "anh/ruong-lua.jpg", outside / "bi-mat.jpg")
    (outside / "bai.md").write_text((content / ARTICLE).read_text("utf-8").replace("tin-2024-05-29-kim-son-nghe-coi", "tin-ngoai"), "utf-8")
    (outside / "mat.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    (content / "tin-tuc/ngoai").symlink_to(outside, target_is_directory=True)
    (content / "anh/lien-ket.jpg").symlink_to(outside / "bi-mat.jpg")
    (content / "anh/cung-thu-muc.jpg").symlink_to("ruong-lua.jpg")  # a link that stays inside content/ is fine
    edit_entry(content / ARTICLE, lambda d: d["cover"].update(src=str(outside / "bi-mat.jpg")))
    edit_entry(content / "tin-tuc/ca-phe-ea-kiet-truy-xuat-nguon-goc.md", lambda d: d["cover"].update(src="../../outside/bi-mat.jpg"))
    edit_entry(content / "tin-tuc/nho-phuoc-thuan-vietgap.md", lambda d: d["cover"].update(src="../anh/lien-ket.jpg"))
    edit_entry(content / "tin-tuc/rau-huu-co-soc-son-bep-an-truong-hoc.md", lambda d: d["cover"].update(src="../anh/cung-thu-muc.jpg"))
    edit_entry(content / DOCUMENT, lambda d: d.update(attachments=[{"title": "Ngoài", "src": "../../../../outside/mat.pdf"}]))
    problems = problems_of(content)
    one(problems, "content/tin-tuc/ngoai:", "là liên kết (symlink) tới", "nằm ngoài thư mục content/")
    one(problems, "content/anh/lien-ket.jpg:", "là liên kết (symlink) tới")
    one(problems, f"{ARTICLE}:{line_of(content / ARTICLE, '  src:')}: cover.src: '{outside}/bi-mat.jpg' trỏ ra ngoài thư mục content/")
    one(problems, "ca-phe-ea-kiet-truy-xuat-nguon-goc.md:", "cover.src: '../../outside/bi-mat.jpg' trỏ ra ngoài thư mục content/")
    one(problems, "nho-phuoc-thuan-vietgap.md:", "cover.src: '../anh/lien-ket.jpg' trỏ ra ngoài thư mục content/")
    one(problems, f"{DOCUMENT}:", "attachments.1.src: '../../../../outside/mat.pdf' trỏ ra ngoài thư mục content/")
    assert not [p for p in problems if "rau-huu-co-soc-son" in p or "tin-ngoai" in p]
    result = build_site(tmp_path / "site", site_config(tmp_path / "config", content))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "bi-mat" not in " ".join(str(p) for p in tmp_path.rglob("*") if "outside" not in p.parts and "content" not in p.parts)


def test_nothing_is_written_outside_the_output_folder(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / "escape").symlink_to(tmp_path)
    assert within(out, "tin-tuc/a/index.html") == out / "tin-tuc/a/index.html"
    for bad in ("../x/index.html", "/tmp/x/index.html", "escape/x/index.html", "a/../../x"):
        with pytest.raises(OutsideOutput):
            within(out, bad)


def test_a_ledger_cannot_send_redirects_outside_the_site(tmp_path):
    config = site_config(tmp_path / "config")
    ledger = {"tin-2024-05-29-kim-son-nghe-coi": ["tin-tuc/kim-son-giu-nghe-coi/", "../../ngoai/", "/tmp/tuyet-doi/"], "htx-van-long": "tin-tuc/x/"}
    (tmp_path / "config/published-urls.yml").write_text(yaml.safe_dump(ledger), "utf-8")
    result = build_site(tmp_path / "site", config)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    one(lines, "published-urls.yml:", "tin-2024-05-29-kim-son-nghe-coi.2: '../../ngoai/' không phải địa chỉ trong trang")
    one(lines, "published-urls.yml:", "tin-2024-05-29-kim-son-nghe-coi.3: '/tmp/tuyet-doi/' không phải địa chỉ trong trang")
    one(lines, "published-urls.yml:", "htx-van-long: phải là danh sách địa chỉ")  # a string would be one redirect per character
    assert not (tmp_path / "ngoai").exists() and not Path("/tmp/tuyet-doi").exists() and not (tmp_path / "site").exists()


# Unbounded inputs --------------------------------------------------------------------------------------------------------------------


def test_a_yaml_alias_bomb_is_refused_within_bounded_memory(tmp_path):
    content = copy_content(tmp_path)
    bomb = "".join(f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]\n" for i in range(1, 12))
    text = (content / ARTICLE).read_text("utf-8").replace("---\n", '---\nl0: &l0 ["lol"]\n' + bomb, 1)
    (content / ARTICLE).write_text(text, "utf-8")
    code = f"""
from site_plugins.catalog.loading import load_catalog
from site_plugins.common.problems import ContentError
from site_plugins.content.schema import parse_datetime
try:
    load_catalog({str(content)!r}, parse_datetime({NOW!r}))
except ContentError as exc:
    print(exc.report())
"""
    result = run_bounded(code)
    assert result.returncode == 0, result.stderr[-2000:]
    one(result.stdout.splitlines(), f"{ARTICLE}:3:", "dùng bí danh YAML '*l0' — viết thẳng giá trị")


def test_deep_nesting_and_thousands_of_tags_are_named(tmp_path):
    content = copy_content(tmp_path)
    text = (content / ARTICLE).read_text("utf-8")
    (content / ARTICLE).write_text(text.replace("---\n", "---\nsau: " + "[" * 10_000 + "]" * 10_000 + "\n", 1), "utf-8")
    tags = "[" + ", ".join(f"the-{i}" for i in range(10_000)) + "]"
    other = content / "tin-tuc/hoi-van-quan-tinh-dau.md"
    other.write_text(other.read_text("utf-8").replace("\ntags: [", f"\ntags: {tags}\nold_tags: [", 1), "utf-8")
    problems = problems_of(content)
    one(problems, f"{ARTICLE}:2:", "lồng nhau quá 32 tầng")
    one(problems, "hoi-van-quan-tinh-dau.md:", "tags: có 10000 mục, nhiều nhất 50")
    assert len([p for p in problems if "hoi-van-quan-tinh-dau.md" in p]) <= 3  # not ten thousand "unknown tag" lines


def test_five_thousand_articles_in_one_tag_and_ten_thousand_tags(tmp_path):
    """Lists, pages and feeds of a tag with 5,000 articles and a registry of 10,000 tags (50 on one
    article) are made without work that grows with the square of either."""
    content = copy_content(tmp_path)
    registry = content / "_registry/tags.yml"
    registry.write_text(registry.read_text("utf-8") + "".join(f"- {{id: the-{i}, title: Thẻ {i}}}\n" for i in range(10_000)), "utf-8")
    source = (content / ARTICLE).read_text("utf-8")
    for i in range(5_000):
        text = source.replace("tin-2024-05-29-kim-son-nghe-coi", f"tin-{i}").replace("2024-05-29T08:00", f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}T08:00")
        tags = ", ".join(["ocop", *(f"the-{(i * 50 + k) % 10_000}" for k in range(49))])
        (content / f"tin-tuc/bai-{i}.md").write_text(text.replace("tags: [ocop, htx-kieu-moi, thang-hanh-dong]", f"tags: [{tags}]"), "utf-8")
    code = f"""
from site_plugins.catalog.loading import load_catalog
from site_plugins.content.schema import parse_datetime
from site_plugins.views.listings import Listings
from site_plugins.views.siteviews import SiteViews
from site_plugins.views.dependencies import dependency_map
catalog = load_catalog({str(content)!r}, parse_datetime({NOW!r}))
listings = Listings(catalog, "Trang")
views = SiteViews(catalog, listings)
deps = dependency_map(views, listings, 50)
print(len(catalog.by_tag["ocop"]), len(listings["tag:ocop"].entries), sum(1 for u in views.pages if u.startswith("tu-khoa/ocop/")))
"""
    result = run_bounded(code, memory=4_000_000_000)
    assert result.returncode == 0, result.stderr[-2000:]
    tagged, listed, pages = map(int, result.stdout.split())
    assert tagged == listed >= 5_000 and pages == -(-listed // 20)


def test_a_huge_body_and_a_long_strip_of_an_image_are_named(tmp_path):
    content = copy_content(tmp_path)
    with (content / ARTICLE).open("a", encoding="utf-8") as file:
        file.write(("Đoạn văn dài. " * 70 + "\n\n") * 50_000)  # ~50 MB
    Image.new("RGB", (100, 20_000), "green").save(content / "anh/dai.png")
    edit_entry(content / "tin-tuc/nho-phuoc-thuan-vietgap.md", lambda d: d["cover"].update(src="../anh/dai.png"))
    problems = problems_of(content)
    one(problems, f"{ARTICLE}:", "MB, quá giới hạn (phần thân tối đa 5,0 MB)", "max_body_bytes")
    one(problems, "nho-phuoc-thuan-vietgap.md:", "cover.src: '../anh/dai.png' có một chiều quá dài (100×20000 điểm ảnh, mỗi chiều tối đa 16.383)")
    small = problems_of(copy_content(tmp_path / "b"), max_body=1_000)  # the limit is the plugin's max_body_bytes
    assert [p for p in small if "phần thân nặng" in p and "tối đa 0,0 MB" in p]


# Caches that lie -----------------------------------------------------------------------------------------------------------------------


def test_compiled_templates_whose_bytes_changed_are_compiled_again_never_run(tmp_path):
    """A constant changed in a kept template's bytecode (Jinja checks only the template's source):
    Jinja's own file cache would render it; the portal's checked cache compiles the template again."""
    loader = jinja2.DictLoader({"page.html": "<p>{{ 'bản gốc' }}</p>"})

    def render(cache: jinja2.BytecodeCache) -> str:
        return jinja2.Environment(loader=loader, bytecode_cache=cache).get_template("page.html").render()

    def forge(folder: Path) -> None:
        (kept,) = [p for p in folder.iterdir() if p.is_file()]
        data = kept.read_bytes()
        assert "bản gốc".encode() in data
        kept.write_bytes(data.replace("bản gốc".encode(), "bản giả".encode()))  # same length: "ố" and "ả" are 3 bytes each

    plain, checked = tmp_path / "plain", tmp_path / "checked"
    plain.mkdir()
    checked.mkdir()
    assert render(jinja2.FileSystemBytecodeCache(str(plain))) == "<p>bản gốc</p>"
    forge(plain)
    assert render(jinja2.FileSystemBytecodeCache(str(plain))) == "<p>bản giả</p>"  # what the check is for
    assert render(CheckedBytecodeCache(checked)) == "<p>bản gốc</p>"
    forge(checked)
    assert render(CheckedBytecodeCache(checked)) == "<p>bản gốc</p>"
    assert render(CheckedBytecodeCache(checked)) == "<p>bản gốc</p>"  # and the file written again is good


def test_damaged_image_renditions_are_made_again_never_reused(tmp_path):
    sources = ["anh/che-shan-tuyet.jpg", "anh/ruong-lua.jpg"]
    cache = tmp_path / "cache"
    first = Pipeline(CONTENT, cache)
    first.run(sources)
    assert first.encoded == 2 and first.damaged == []
    picture = first.pictures[sources[0]]
    rendition = cache / picture.key / picture.renditions[0].path.rsplit("/", 1)[-1]
    good = rendition.read_bytes()
    rendition.write_bytes(good[: len(good) // 2])  # truncated
    (cache / first.pictures[sources[1]].key / "meta.json").write_text("{not json", "utf-8")  # garbage
    second = Pipeline(CONTENT, cache)
    second.run(sources)
    assert second.encoded == 2 and second.reused == 0 and len(second.damaged) == 2
    assert rendition.read_bytes() == good
    third = Pipeline(CONTENT, cache)
    third.run(sources)
    assert third.reused == 2 and third.damaged == []


def test_damaged_feed_cache_entries_are_written_again(tmp_path, catalog):
    listings = Listings(catalog, "Trang")
    writer = FeedWriter(catalog, FeedSettings("https://kinhtetapthe.example.vn/", "kinhtetapthe.example.vn,2024"), lambda e: "<p>Nội dung</p>")
    listing = listings["type:article"]
    clean, out = tmp_path / "clean", tmp_path / "out"
    FeedCache(tmp_path / "feeds", writer).write(listing, clean, "k")
    folder = tmp_path / "feeds/k"
    (folder / "rss").write_bytes((folder / "rss").read_bytes().replace(b"Kim S", b"Kim X"))  # replaced, same length
    again = FeedCache(tmp_path / "feeds", writer)
    again.write(listing, out, "k")
    assert again.damaged == ["k (tin-tuc/)"]
    assert (out / "tin-tuc/feed.xml").read_bytes() == (clean / "tin-tuc/feed.xml").read_bytes()
    (folder / FeedCache.SEAL).write_text("rác", "utf-8")
    assert FeedCache(tmp_path / "feeds", writer).write(listing, tmp_path / "out2", "k") and (tmp_path / "out2/tin-tuc/feed.xml").exists()


def test_damaged_social_cards_are_drawn_again(tmp_path):
    cards = [socialcards.Card("Tiêu đề một", "Tin tức", None, "Trang", None), socialcards.Card("Tiêu đề hai", "Văn bản", "1/KH-X", "Trang", None)]
    paths, damaged = socialcards.render_all(cards, tmp_path)
    good = paths[0].read_bytes()
    paths[0].write_bytes(good[:100])
    again, damaged = socialcards.render_all(cards, tmp_path)
    assert damaged == [paths[0].name] and again[0].read_bytes() == good
    assert socialcards.render_all(cards, tmp_path)[1] == []


# Concurrent and failed builds ----------------------------------------------------------------------------------------------------------


def test_one_build_at_a_time_per_output_folder(tmp_path):
    out = tmp_path / "site"
    holder = Staging(out)
    holder.begin()  # another build is writing
    try:
        result = build_site(out)
    finally:
        holder.abort()
        holder.release()
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"một lần dựng khác đang ghi vào thư mục {out}" in result.stderr
    assert not out.exists()
    with open(out.with_name(".site.lock"), "w") as handle:  # and the lock is free again once the build stopped
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path):
    content = copy_content(tmp_path)
    config = site_config(tmp_path / "config", content)
    out = tmp_path / "site"
    assert build_site(out, config).returncode == 0
    before = {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    edit_entry(content / ARTICLE, lambda d: d.update(title=d["title"] + " (sửa)"))
    (content / "tin-tuc/kim-son-giu-nghe-coi.md").write_text(  # a late failure: --strict stops on the warning after every page is written
        (content / ARTICLE).read_text("utf-8") + "\n<script>alert(1)</script>\n", "utf-8"
    )
    result = build_site(out, config, strict=True)
    assert result.returncode == 1 and "in strict mode" in result.stdout + result.stderr
    assert {p.relative_to(out): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before
    assert "(sửa)" not in (out / "tin-tuc/kim-son-giu-nghe-coi/index.html").read_text("utf-8")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site.")] == [".site.lock"]


# System failures and silently wrong input ------------------------------------------------------------------------------------------


def test_system_failures_are_messages(tmp_path):
    content = copy_content(tmp_path)
    agencies = content / "_registry/agencies.yml"
    agencies.write_bytes(agencies.read_bytes().replace("ê".encode(), "ê".encode("latin-1")))  # saved as latin-1 by an old editor
    one(problems_of(content), "content/_registry/agencies.yml:", "tệp không phải văn bản UTF-8")
    config = site_config(tmp_path / "config")
    (tmp_path / "config/published-urls.yml").write_text("tin-a:\n  - tin-tuc/a/\n tin-b: [", "utf-8")
    result = build_site(tmp_path / "site", config)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    one(result.stderr.splitlines(), "published-urls.yml:3:", "lỗi cú pháp")


def test_an_output_folder_that_cannot_be_written_is_a_message():
    work = Path(tempfile.mkdtemp(prefix="portal-readonly-"))  # not under pytest's private tmp folder: another user reads it
    try:
        locked = work / "chi-doc"
        locked.mkdir()
        config = site_config(work / "config")
        command = []
        if os.geteuid() == 0:  # root writes anywhere: build as another user into a folder only root may write
            for folder in (work, work / "config"):
                folder.chmod(0o777)
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"]
        else:
            locked.chmod(0o555)
        env = {**os.environ, "PORTAL_NOW": NOW, "NO_MKDOCS_2_WARNING": "1", "HOME": str(work), "PYTHONDONTWRITEBYTECODE": "1"}
        result = subprocess.run([*command, sys.executable, "-m", "mkdocs", "build", "-f", str(config), "-d", str(locked / "site")],
                                env=env, capture_output=True, text=True, cwd=work)  # fmt: skip
    finally:
        locked.chmod(0o755)
        shutil.rmtree(work)
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
    one(result.stderr.splitlines(), "portal: không ghi được", str(locked), "kiểm tra quyền ghi")


def test_duplicated_keys_are_errors(tmp_path):
    content = copy_content(tmp_path)
    text = (content / ARTICLE).read_text("utf-8")
    (content / ARTICLE).write_text(text.replace("column: mo-hinh-hay\n", "column: mo-hinh-hay\ncolumn: tin-tuc\n"), "utf-8")
    tags = content / "_registry/tags.yml"
    tags.write_text(tags.read_text("utf-8").replace("- {id: ocop, title: OCOP}", "- {id: ocop, title: OCOP, title: Sản phẩm OCOP}"), "utf-8")
    problems = problems_of(content)
    one(problems, f"{ARTICLE}:7: column: trường 'column' viết hai lần (lần đầu ở dòng 6) — giữ một lần, xóa lần kia")
    one(problems, "content/_registry/tags.yml:1: 1.title: trường 'title' viết hai lần")


def test_a_lost_ledger_keeps_its_redirects(tmp_path):
    content = copy_content(tmp_path)
    config = site_config(tmp_path / "config", content)
    assert build_site(tmp_path / "site", config).returncode == 0
    (content / ARTICLE).rename(content / "tin-tuc/nghe-coi-kim-son.md")  # a new URL; the old one must redirect
    assert build_site(tmp_path / "site", config).returncode == 0
    assert "nghe-coi-kim-son" in (tmp_path / "site/tin-tuc/kim-son-giu-nghe-coi/index.html").read_text("utf-8")
    (tmp_path / "config/published-urls.yml").unlink()  # lost (a bad merge, a deleted file)
    result = build_site(tmp_path / "site", config, strict=False)
    assert result.returncode == 0
    one(result.stderr.splitlines(), "published-urls.yml thiếu", "địa chỉ cũ mà lần dựng trước đã ghi", "/tin-tuc/kim-son-giu-nghe-coi/")
    assert "nghe-coi-kim-son" in (tmp_path / "site/tin-tuc/kim-son-giu-nghe-coi/index.html").read_text("utf-8")
    assert "tin-tuc/kim-son-giu-nghe-coi/" in (tmp_path / "config/published-urls.yml").read_text("utf-8")  # written back
    forgotten = build_site(tmp_path / "site2", config, strict=False, PORTAL_FORGET_URLS="1")
    assert forgotten.returncode == 0 and "published-urls.yml thiếu" not in forgotten.stderr, forgotten.stderr


def test_the_parsed_ledger_kept_beside_the_caches_cannot_lie(tmp_path):
    from site_plugins.output.redirects import open_ledger
    from site_plugins.views.incremental import digest

    path, backup = tmp_path / "published-urls.yml", tmp_path / "copy.yml"
    path.write_text(yaml.safe_dump({"tin-a": ["tin-tuc/a/", "tin-tuc/a-cu/"]}), "utf-8")
    kept = tmp_path / "copy.yml.json"
    assert open_ledger(path, backup, path.name).urls == {"tin-a": ["tin-tuc/a/", "tin-tuc/a-cu/"]}
    cached = json.loads(kept.read_text("utf-8"))
    assert cached["urls"] == {"tin-a": ["tin-tuc/a/", "tin-tuc/a-cu/"]}  # what the next build reads instead of the YAML
    for urls in ({"tin-a": ["tin-tuc/a/"]}, {"tin-a": ["tin-tuc/a/", "../../ngoai/"]}):  # a URL dropped; one sent outside (its digest forged)
        forged = {**cached, "urls": urls}
        if ".." in str(urls):
            forged["digest"] = digest(json.dumps(urls, sort_keys=True).encode())
        kept.write_text(json.dumps(forged), "utf-8")
        assert open_ledger(path, backup, path.name).urls == {"tin-a": ["tin-tuc/a/", "tin-tuc/a-cu/"]}  # the YAML read again
    path.write_text(yaml.safe_dump({"tin-a": ["tin-tuc/a/"], "tin-b": ["tin-tuc/b/"]}), "utf-8")  # the file changed: the cache is not its
    assert open_ledger(path, backup, path.name, forget=True).urls == {"tin-a": ["tin-tuc/a/"], "tin-b": ["tin-tuc/b/"]}


def test_the_ledger_is_written_when_it_learns_a_url_or_was_changed_by_hand(tmp_path):
    from site_plugins.output.redirects import open_ledger

    catalog = load_catalog(CONTENT, parse_datetime(NOW))
    path, backup = tmp_path / "published-urls.yml", tmp_path / "copy.yml"
    open_ledger(path, backup, path.name).save(catalog)  # the first build: every URL learnt
    written = path.read_text("utf-8")
    assert "tin-tuc/kim-son-giu-nghe-coi/" in written and backup.read_text("utf-8") == written
    os.utime(path, ns=(0, 0))
    open_ledger(path, backup, path.name).save(catalog)  # nothing new: not written again
    assert path.stat().st_mtime_ns == 0
    path.write_text(written.replace("\n", "\n\n", 3), "utf-8")  # reformatted by hand: written back in the build's form
    open_ledger(path, backup, path.name).save(catalog)
    assert path.read_text("utf-8") == written
    shrunk = yaml.safe_load(written)
    shrunk.pop(next(iter(shrunk)))
    path.write_text(yaml.safe_dump(shrunk), "utf-8")  # an entry's URLs lost: kept from the copy, written back
    open_ledger(path, backup, path.name).save(catalog)
    assert yaml.safe_load(path.read_text("utf-8")) == yaml.safe_load(written)
