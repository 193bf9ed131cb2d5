"""Real-browser checks in headless Chromium: pages load with no console error, no failed
request and no request to any host but the local server, on a phone and a desktop."""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
PAGES = ["", "tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/", "co-quan/lien-minh-htx-viet-nam/",
         "htx/htx-che-shan-tuyet-ban-xeo/", "van-ban/", "htx/"]

if not CHROMIUM.exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but /usr/bin/chromium is missing: scripts/test.sh installs it with apt-get")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

from playwright.sync_api import sync_playwright  # noqa: E402


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(site):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site.root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def open_page(browser, url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    problems: list[str] = []
    local = urlsplit(url).netloc
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed request: {r.url} {r.failure}"))
    page.on("request", lambda r: problems.append(f"request to another host: {r.url}")
            if urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != local else None)
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    return context, page, problems


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(browser, server, path, width):
    context, page, problems = open_page(browser, server + path, width)
    try:
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # load lazy images
        page.wait_for_load_state("networkidle")
        assert page.locator("h1").first.is_visible()
        # nothing wider than the screen: a phone reader never scrolls sideways
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"page is {overflow}px wider than the viewport"
        assert problems == []
    finally:
        context.close()


@pytest.mark.browser
def test_client_side_filter_of_the_document_registry(browser, server):
    context, page, problems = open_page(browser, server + "van-ban/", 1280)
    try:
        rows = page.locator("table.portal-documents tbody tr")
        total = rows.count()
        page.select_option("form.portal-filter select[name=type]", "Kế hoạch")
        visible = [rows.nth(i).inner_text() for i in range(total) if rows.nth(i).is_visible()]
        assert len(visible) == 2 and all("Kế hoạch" in v for v in visible)
        page.select_option("form.portal-filter select[name=type]", "")
        page.select_option("form.portal-filter select[name=issuers]", "ban-tuyen-giao-tinh-uy-lao-cai")
        visible = [rows.nth(i).inner_text() for i in range(total) if rows.nth(i).is_visible()]
        assert len(visible) == 1 and "14/CTPH-LMHTX-BTGTU" in visible[0]
        assert problems == []
    finally:
        context.close()
