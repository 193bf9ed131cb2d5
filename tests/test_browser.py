"""Real-browser checks in headless Chromium: pages load with no console error, no failed
request and no request to any host but the local server, on a phone and a desktop."""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit

import pytest
from helpers import CHROMIUM, serve_folder

PAGES = ["", "tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/", "co-quan/lien-minh-htx-viet-nam/",
         "htx/htx-che-shan-tuyet-ban-xeo/", "van-ban/", "htx/"]  # fmt: skip

if not CHROMIUM.exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but /usr/bin/chromium is missing: scripts/test.sh installs it with apt-get")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def server(site):
    with serve_folder(site.root) as base:
        yield base


def open_page(browser, url, width, settle=True):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    local = urlsplit(url).netloc
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url} {r.failure}"))
    page.on(
        "request",
        lambda r: (
            problems.append(f"request to another host: {r.url}") if urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != local else None
        ),
    )
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.goto(url, wait_until="networkidle" if settle else "load")
    return context, page, problems


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(browser, server, path, width):
    context, page, problems = open_page(browser, server + path, width, settle=False)
    try:
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # load lazy images, then wait for every request
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").first.is_visible()
        # nothing wider than the screen: a phone reader never scrolls sideways
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"page is {overflow}px wider than the viewport"
        assert problems == []
    finally:
        context.close()


def rows_text(page, table):
    return [" ".join(t.split()) for t in page.locator(f"table.{table} tbody tr").all_inner_texts()]


SLOTS = re.compile(r' data-(?:text|href|links|sep|if|stars)="[^"]*"')


def rows_html(page, table):
    """Each row's markup without the template's slot attributes, whitespace between tags folded."""
    script = "rows => rows.map(r => { const c = r.cloneNode(true); c.querySelectorAll('a').forEach(a => a.setAttribute('href', a.href)); return c.outerHTML; })"
    rows = page.locator(f"table.{table} tbody tr").evaluate_all(script)  # links compared by where they lead
    return [re.sub(r">\s+<", "><", SLOTS.sub("", r)) for r in rows]


@pytest.mark.browser
def test_client_side_filter_of_the_document_registry(browser, server):
    context, page, problems = open_page(browser, server + "van-ban/", 1280)
    try:
        before = rows_text(page, "portal-documents")
        before_html = rows_html(page, "portal-documents")
        form = "form.portal-filter"
        page.select_option(f"{form} select[name=type]", "Kế hoạch")
        page.wait_for_function("document.querySelector('form.portal-filter output').textContent.includes('kết quả')")
        found = rows_text(page, "portal-documents")
        assert len(found) == 2 and all(" Kế hoạch " in r for r in found)
        assert page.locator("table.portal-documents tbody a").first.get_attribute("href").startswith("../van-ban/")
        page.select_option(f"{form} select[name=type]", "")
        assert rows_text(page, "portal-documents") == before  # cleared: the server-built page again
        page.select_option(f"{form} select[name=issuers]", "ban-tuyen-giao-tinh-uy-lao-cai")
        page.wait_for_function("document.querySelector('form.portal-filter output').textContent === '1 kết quả'")
        found = rows_text(page, "portal-documents")
        assert len(found) == 1 and found[0].startswith("14/CTPH-LMHTX-BTGTU")
        server = [r for r in before_html if "14-ctph-lmhtx-btgtu-2022" in r]
        assert len(server) == 1 and rows_html(page, "portal-documents") == server  # the script's row is the server's row, labels included
        page.locator("table.portal-documents tbody a").first.click()
        page.wait_for_load_state("networkidle")
        assert page.url.endswith("/van-ban/14-ctph-lmhtx-btgtu-2022/")
        assert problems == []
    finally:
        context.close()


@pytest.mark.browser
def test_client_side_filter_of_the_cooperative_directory(browser, server):
    context, page, problems = open_page(browser, server + "htx/", 360)
    try:
        server_rows = [r for r in rows_html(page, "portal-cooperatives") if "Kim Sơn" in r]
        page.select_option("form.portal-filter select[name=ocop_stars]", "4")
        page.select_option("form.portal-filter select[name=sector_ids]", "tieu-thu-cong-nghiep")
        page.wait_for_function("document.querySelector('form.portal-filter output').textContent === '1 kết quả'")
        assert rows_text(page, "portal-cooperatives") == [
            "Hợp tác xã Cói mỹ nghệ Kim Sơn HTX kiểu mới Tỉnh Ninh Bình Tiểu thủ công nghiệp, Thương mại – dịch vụ ★★★★"
        ]
        assert len(server_rows) == 1 and rows_html(page, "portal-cooperatives") == server_rows  # the same markup: labels on phones too
        labels = page.locator("table.portal-cooperatives tbody td").evaluate_all("cells => cells.map(c => c.dataset.label)")
        assert labels == ["Tên", "Địa phương", "Lĩnh vực", "OCOP"]
        assert problems == []
    finally:
        context.close()


@pytest.mark.browser
def test_the_harness_catches_what_it_must(browser, tmp_path):
    """The checks above can fail: a page with a CDN script, a console error and a missing image."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><script src="https://cdn.example.com/lib.js"></script></head>'
        '<body><h1>Thử</h1><img src="khong-co.png" alt=""><script>console.error("hỏng")</script></body></html>',
        "utf-8",
    )
    with serve_folder(tmp_path) as base:
        context, _page, problems = open_page(browser, base, 360)
        context.close()
    assert any(p.startswith("request to another host: https://cdn.example.com/lib.js") for p in problems)
    assert any(p.startswith("console error: hỏng") for p in problems)
    assert any(p.startswith("HTTP 404:") and p.endswith("/khong-co.png") for p in problems)
