"""Hostile input through every free-text field, the registries, the importer and bodies: escaped
exactly once (shown literally), never executed — checked in pages, feeds, JSON and Chromium."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import feedparser
import pytest
from helpers import BODY, CONTENT, ENTITIES, LEGIT, NOW, QUOTES, UNCLOSED, Site, build_site, edit_entry, edit_registry, serve_folder, site_config

from site_plugins.bodies.sanitize import Sanitizer
from site_plugins.catalog.loading import load_catalog
from site_plugins.common.problems import ContentError
from site_plugins.content.registries import load_registries
from site_plugins.content.schema import parse_datetime
from site_plugins.importer.importer import import_file


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> tuple[Site, Path]:
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    shutil.copytree(CONTENT, content)

    def article(d):
        d.update(title=LEGIT, summary=QUOTES, authors=[UNCLOSED, ENTITIES])
        d["cover"].update(alt=UNCLOSED, caption=QUOTES, credit=ENTITIES)
        return "\n" + BODY

    edit_entry(content / "tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong.md", article)

    def cooperative(d):
        d.update(name=UNCLOSED, summary=ENTITIES, district=QUOTES, products=[LEGIT, UNCLOSED])
        d["contact"] = {"address": QUOTES, "phone": "0214 3 123 456", "email": "htx@example.vn", "website": "https://htx.example.vn/?a=1&b=2"}

    edit_entry(content / "htx/htx-che-shan-tuyet-ban-xeo.md", cooperative)

    def document(d):
        d.update(summary=UNCLOSED, recipients=[QUOTES, ENTITIES])
        d["signers"][0].update(name="Nguyễn Ngọc Bảo", position=QUOTES)
        d["tasks"][0].update(text=ENTITIES)

    edit_entry(content / "van-ban/145-kh-lmhtxvn-2021.md", document)
    registry = content / "_registry"
    edit_registry(registry / "tags.yml", "ocop", title=QUOTES, description=UNCLOSED)
    edit_registry(registry / "agencies.yml", "lien-minh-htx-tinh-lao-cai", name=UNCLOSED, short_name=ENTITIES)
    edit_registry(registry / "columns.yml", "htx-kieu-moi", title=ENTITIES, description=QUOTES)
    # and the importer: an outside .txt whose trích yếu carries a tag left open
    source = root / "van-ban-doc.txt"
    source.write_text(
        "LIÊN MINH HỢP TÁC XÃ VIỆT NAM\nSố: 9/KH-LMHTXVN\n\nHà Nội, ngày 3 tháng 3 năm 2025\n\nKẾ HOẠCH\n"
        f"{UNCLOSED}\n\nI. MỤC ĐÍCH\n\n<script>window.__pwned=1</script> Nội dung.\n",
        "utf-8",
    )
    import_file(source, load_registries(content)[0], content / "van-ban")
    result = build_site(root / "site", site_config(root / "config", content), strict=False)
    assert result.returncode == 0, result.stderr
    return Site(root / "site"), content


def test_hostile_text_is_accepted_and_the_markup_reported(hostile):
    _, content = hostile
    catalog = load_catalog(content, parse_datetime(NOW))  # accepted: the text is escaped, not refused
    assert catalog.by_id["tin-2024-05-21-che-shan-tuyet-ban-xeo"].title == LEGIT


def test_pages_show_hostile_text_literally(hostile):
    site, _ = hostile
    article = site.html("tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/")
    assert article.xpath("//h1")[0].text_content() == LEGIT
    assert article.xpath("//title")[0].text_content() == f"{LEGIT} - Kinh tế tập thể, Hợp tác xã"
    assert article.xpath("//meta[@name='description']/@content") == [QUOTES]
    assert article.xpath("//p[@class='portal-sapo']")[0].text_content() == QUOTES
    assert ENTITIES in article.xpath("//p[@class='portal-byline']")[0].text_content()
    assert [" ".join(a.text_content().split()) for a in article.xpath("//nav[@class='portal-breadcrumbs']//a")][-1] == ENTITIES
    cooperative = site.html("htx/htx-che-shan-tuyet-ban-xeo/")
    assert cooperative.xpath("//h1")[0].text_content() == UNCLOSED
    assert cooperative.xpath("//a[@rel='noopener'][contains(@href, 'htx.example.vn')]/@href") == ["https://htx.example.vn/?a=1&b=2"]
    home = site.html("")
    assert LEGIT in [a.text_content() for a in home.xpath("//h3[@class='portal-card__title']/a")]
    tag = site.html("tu-khoa/ocop/")
    assert tag.xpath("//h1")[0].text_content() == QUOTES
    pages, json_ld = site.html_pages(), 0
    assert len(pages) > 150
    for page in pages:
        doc = site.html(page.relative_to(site.root).as_posix())
        for element in doc.iter():
            if not isinstance(element.tag, str):
                continue
            assert not [a for a in element.attrib if a.startswith("on")], f"{page}: event handler on <{element.tag}>"
        # no iframe, script or SVG an editor wrote: the only SVG is a chart the build drew (tests/test_statistics.py), with no script in it
        ours = "self::svg[@class='portal-chart'][parent::figure[@class='portal-figure']]"
        assert not doc.xpath(f"//article[contains(@class, 'md-content__inner')]//*[self::iframe or self::script or (self::svg and not({ours}))]"), page
        assert not doc.xpath("//svg[@class='portal-chart']//*[self::script or self::foreignObject or self::a or self::image]"), page
        for data in doc.xpath("//script[@type='application/ld+json']/text()"):  # data, not code: escaped JSON
            assert "<" not in data and ">" not in data, page
            json.loads(data)
            json_ld += 1
        scripts = " ".join(s.text or "" for s in doc.xpath("//script[not(@type='application/ld+json')]"))
        assert "__pwned" not in scripts, page
    assert json_ld > 50  # the JSON-LD of entry and agency pages was read


def test_feeds_and_json_carry_the_text_literally_and_no_script(hostile):
    site, _ = hostile
    rss = feedparser.parse(site.path("feed.xml").read_bytes())
    assert not rss.bozo
    item = next(e for e in rss.entries if e.link.endswith("/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/"))
    assert item.title == LEGIT and item.summary == QUOTES
    content = item.content[0].value
    for bad in ("<script", "onerror", "onclick", "javascript:", "data:text", "<iframe", "<svg"):
        assert bad not in content, bad
    assert "Đoạn có sự kiện." in content and "Liên kết độc" in content
    documents = json.loads(site.text("van-ban/index.json"))
    assert any(row["doc_summary"] == UNCLOSED for row in documents)


def test_the_build_warns_about_what_the_sanitiser_removed(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    edit_entry(content / "tin-tuc/kim-son-giu-nghe-coi.md", lambda d: "\n" + BODY)
    result = build_site(tmp_path / "site", site_config(tmp_path / "config", content), strict=False)
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stderr.splitlines() if "kim-son-giu-nghe-coi.md" in x)
    assert "cảnh báo: body: đã xóa HTML không được phép:" in line
    for removed in ("<script>", "<svg>", "<iframe>", "onerror on <img>", "onclick on <p>", "href=javascript:window.__pwned=1 on <a>"):
        assert removed in line, removed


def test_urls_accept_only_http_and_mailto(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    edit_entry(content / "htx/htx-che-shan-tuyet-ban-xeo.md",
          lambda d: d.update(contact={"website": "javascript:alert(1)", "email": "x\" onclick=\"alert(1)"}))  # fmt: skip
    with pytest.raises(ContentError) as caught:
        load_catalog(content, parse_datetime(NOW))
    messages = [str(p).split(": ", 1)[1] for p in caught.value.problems]
    assert any(m.startswith("contact.website: 'javascript:alert(1)' không phải địa chỉ trang web — viết đầy đủ, bắt đầu bằng https://") for m in messages)
    assert any(m.startswith("contact.email:") and "không phải địa chỉ thư điện tử" in m for m in messages)


@pytest.mark.parametrize("fragment, kept, removed", [
    ('<p>Văn bản <a href="https://vca.org.vn/">dẫn nguồn</a></p>', '<a href="https://vca.org.vn/">', []),
    ('<a href="vbscript:x">x</a>', "<a>x</a>", ["href=vbscript:x on <a>"]),
    ('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="a">', '<img alt="a">', ["src=data:image/svg+xml;base64,PHN2Zz4= on <img>"]),
    ('<p style="position:fixed">x</p>', "<p>x</p>", ["style on <p>"]),
    ('<form action="https://evil.example/"><input name="q"></form>', "", ["<form>", "<input>", "action=https://evil.example/ on <form>", "name on <input>"]),
])  # fmt: skip
def test_sanitiser_allow_list(fragment, kept, removed):
    cleaned, found = Sanitizer().check(fragment)
    assert kept in cleaned
    assert all(r in found for r in removed), found


def test_iframes_only_from_allowed_hosts():
    allowed = Sanitizer(frozenset({"www.youtube-nocookie.com"}))
    assert '<iframe src="https://www.youtube-nocookie.com/embed/x">' in allowed.clean('<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>')
    assert "evil" not in allowed.clean('<iframe src="https://evil.example/embed/x"></iframe>')
    assert "<iframe" not in Sanitizer().clean('<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>')


def test_no_dialog_no_script_in_chromium(hostile, browser):
    site, _ = hostile
    pages = ["", "tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/", "htx/htx-che-shan-tuyet-ban-xeo/", "htx/",
             "van-ban/145-kh-lmhtxvn-2021/", "van-ban/", "tu-khoa/ocop/", "co-quan/lien-minh-htx-tinh-lao-cai/",
             "chuyen-muc/htx-kieu-moi/", "feeds/", "dia-phuong/lao-cai/", "van-ban/9-kh-lmhtxvn-2025/"]  # fmt: skip
    with serve_folder(site.root) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        dialogs: list[str] = []
        errors: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("response", lambda r: errors.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
        for path in pages:
            page.goto(base + path, wait_until="load")
            page.mouse.move(200, 300)
            hovered = page.locator("h1, .portal-card__title a, .portal-sapo, td, dd")
            assert hovered.count() > 0, path
            hovered.evaluate_all("els => els.slice(0, 40).forEach(e => e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})))")
            assert page.evaluate("window.__pwned") is None, path  # onmouseover, if any had slipped in
        # the documents filter renders rows from index JSON: pick the hostile row's agency
        page.goto(base + "van-ban/")
        page.select_option("form.portal-filter select[name=issuers]", "lien-minh-htx-viet-nam")
        page.wait_for_function("document.querySelector('form.portal-filter output').textContent.includes('kết quả')")
        assert UNCLOSED in page.locator("table.portal-documents").inner_text()
        assert page.evaluate("window.__pwned") is None
        # the search page shows titles and excerpts from Pagefind's index, as text
        for query in ("onerror", "Tin", "img", "pwned"):
            page.goto(f"{base}tim-kiem/?q={query}")
            page.wait_for_function("window.portalSearchReady !== undefined")
            page.evaluate("window.portalSearchReady")
            assert page.evaluate("window.__pwned") is None, query
        page.goto(f"{base}tim-kiem/?q=Tin")
        page.wait_for_function("document.querySelectorAll('.portal-result').length > 0")
        assert UNCLOSED in page.locator(".portal-results").inner_text()  # shown as text
        assert page.locator(".portal-results img").count() == 0
        context.close()
        assert dialogs == [] and errors == []
