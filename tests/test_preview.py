"""URLs that never break (a renamed entry's old URL redirects, in Chromium) and a preview that
tells the truth (content errors shown as a page, gone once fixed)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from helpers import CONTENT, NOW, ROOT, SITE_URL, Site, build_site, serve_folder, site_config

OLD = "tin-tuc/kim-son-giu-nghe-coi/"
NEW = "tin-tuc/kim-son-giu-nghe-coi-truyen-thong/"


@pytest.fixture(scope="module")
def renamed(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("renamed")
    content = root / "content"
    shutil.copytree(CONTENT, content)
    config = site_config(root / "config", content)
    first = build_site(root / "site1", config)  # the build records today's URLs in the ledger beside mkdocs.yml
    assert first.returncode == 0, first.stderr
    assert OLD in (config.parent / "published-urls.yml").read_text("utf-8")
    (content / "tin-tuc/kim-son-giu-nghe-coi.md").rename(content / "tin-tuc/kim-son-giu-nghe-coi-truyen-thong.md")
    second = build_site(root / "site2", config)
    assert second.returncode == 0, second.stderr
    assert "portal: 1 trang chuyển hướng từ địa chỉ cũ" in second.stderr
    return root / "site2"


def test_the_old_url_redirects_to_the_new_one(renamed):
    site = Site(renamed)
    page = site.html(OLD)
    assert page.xpath("//link[@rel='canonical']/@href") == [SITE_URL + NEW]
    assert page.xpath("//meta[@name='robots']/@content") == ["noindex"]
    assert page.xpath("//a/@href") == ["../kim-son-giu-nghe-coi-truyen-thong/"]
    assert site.exists(NEW)
    listed = site.text("sitemap.xml") + site.text("feed.xml") + site.text("tin-tuc/index.html")
    assert OLD not in listed  # a redirect is listed nowhere


def test_a_reader_following_the_old_link_lands_on_the_article(renamed, browser):
    with serve_folder(renamed) as base:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + OLD)
        page.wait_for_url(base + NEW)
        assert "Kim Sơn" in page.locator("h1").inner_text()
        context.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def _wait_for(url: str, text: str, seconds: float = 40) -> str:
    deadline, body = time.monotonic() + seconds, ""
    while time.monotonic() < deadline:
        try:
            body = _get(url)
            if text in body:
                return body
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{text!r} never appeared at {url}; last page: {body[:500]}")


def test_the_preview_shows_content_errors_and_recovers(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    article = content / "tin-tuc/kim-son-giu-nghe-coi.md"
    good = article.read_text("utf-8")
    article.write_text(good.replace("date: 2024-05-29T08:00", "date: 2024-05-32T08:00"), "utf-8")
    port = _free_port()
    env = {**os.environ, "PORTAL_NOW": NOW, "NO_MKDOCS_2_WARNING": "1", "PORTAL_LANG": "vi", "PORTAL_NEWSROOM": "1"}  # as demo.sh
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dirty",  # as scripts/demo.sh runs it: a save re-renders what changed
            "-f",
            str(site_config(tmp_path / "config", content)),
            "-a",
            f"127.0.0.1:{port}",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        page = _wait_for(base, "Nội dung có lỗi")
        assert "content/tin-tuc/kim-son-giu-nghe-coi.md:5: date: &#39;2024-05-32T08:00&#39; không phải ngày hợp lệ" in page
        assert "Nội dung có lỗi" in _get(base + "tin-tuc/")  # every section says so, not a 404
        article.write_text(good, "utf-8")  # fixed: the preview recovers by itself
        home = _wait_for(base, "Tiêu điểm")
        assert "Nội dung có lỗi" not in home
        article.write_text(good.replace("title: ", "title: Sửa khi đang xem trước — ", 1), "utf-8")  # a save while serving
        _wait_for(base + "tin-tuc/", "Sửa khi đang xem trước")  # its list shows the new title,
        edited_page = _get(base + "tin-tuc/kim-son-giu-nghe-coi/")
        assert "Sửa khi đang xem trước" in edited_page  # and its page, with its link into the newsroom editor
        assert 'href="../../quan-tri/#/collections/tin-tuc/entries/kim-son-giu-nghe-coi"' in edited_page
        article.write_text(good.replace("title: ", "title: Hội nghị: ", 1), "utf-8")  # a mistake while editing that page:
        edited = _wait_for(base + "tin-tuc/kim-son-giu-nghe-coi/", "Nội dung có lỗi")  # the page itself says so, not its old text
        assert "dấu &#39;:&#39; nằm trong một giá trị chưa đặt trong ngoặc kép" in edited and "Sửa khi đang xem trước" not in edited
        assert "Nội dung có lỗi" in _get(base + "van-ban/145-kh-lmhtxvn-2021/")  # and every other page, at its own URL
    finally:
        server.terminate()
        output = server.communicate(timeout=20)[0]
    assert "không phải ngày hợp lệ" in output  # the terminal says it too
    assert "dựng lại phần thay đổi" in output  # the save re-rendered only what changed
    assert "A 'dirty' build" not in output  # (MkDocs' English warning: the incremental build is exact)


def test_the_preview_knows_its_site_by_any_name_of_its_config(tmp_path, monkeypatch):
    """`mkdocs serve -f <relative path>` loads the config by that name first and by its absolute path
    at every save: the saves must still compare with the build before them (they did whole builds)."""
    from mkdocs.config import load_config

    config_path = site_config(tmp_path / "config")
    monkeypatch.chdir(config_path.parent)
    keys = set()
    handle = open(config_path.name, "rb")  # noqa: SIM115 (as click hands it over; MkDocs closes it)
    for _ in range(2):  # the first load reads it as opened; every later one opens it again by its absolute path
        config = load_config(handle)
        plugin = config.plugins["portal"]
        plugin.on_startup(command="serve", dirty=True)
        keys.add(plugin._options(config).key)
    assert keys == {str(config_path.resolve())}


def test_the_preview_hears_of_saves_from_the_system_or_polls(tmp_path, monkeypatch):
    """MkDocs polls the content every half second; the system's notices replace the polling (a save
    is heard at once), and when they cannot start the polling stays, with every watch."""
    from mkdocs.livereload import LiveReloadServer
    from watchdog.observers.polling import PollingObserver

    from site_plugins.editors import watching

    def server() -> LiveReloadServer:
        made = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
        made.watch(str(tmp_path))
        made.watch(str(tmp_path))  # asked twice (the docs folder and a theme folder inside it, say)
        return made

    heard = server()
    assert watching.watch_natively(heard) is None and isinstance(heard.observer, watching.NativeObserver)
    try:
        (tmp_path / "co-san.md").write_text("x", "utf-8")
        time.sleep(0.3)
        heard._want_rebuild = False
        (tmp_path / "co-san.md").read_text("utf-8")  # the build reads files: no rebuild for that
        time.sleep(0.5)
        assert not heard._want_rebuild
        (tmp_path / "bai.md").write_text("x", "utf-8")
        deadline = time.monotonic() + 5
        while not heard._want_rebuild and time.monotonic() < deadline:
            time.sleep(0.02)
        assert heard._want_rebuild  # the save reached MkDocs' rebuild loop
    finally:
        heard.observer.stop()

    def refused(self):
        raise OSError("inotify watch limit reached")

    monkeypatch.setattr(watching.NativeObserver, "start", refused)
    polled = server()
    assert watching.watch_natively(polled) == "inotify watch limit reached"
    assert isinstance(polled.observer, PollingObserver) and polled._watched_paths == {str(tmp_path): 2}


def test_preview_marks_drafts_and_scheduled_entries(tmp_path):
    result = build_site(tmp_path / "site", PORTAL_PREVIEW="1")
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path / "site")
    draft = site.html("tin-tuc/ban-nhap-chuyen-doi-so-htx/")
    assert draft.xpath("//span[@class='portal-mark']/text()") == ["NHÁP"]
    scheduled = site.html("tin-tuc/dien-dan-htx-2027/")
    assert scheduled.xpath("//span[@class='portal-mark']/text()") == ["HẸN GIỜ"]
    marks = [" ".join(a.xpath("ancestor::article[1]//h2//text()")) for a in site.html("tin-tuc/").xpath("//span[@class='portal-mark']")]
    assert len(marks) == 2  # their cards in the news list carry the mark too
    published = site.html("tin-tuc/kim-son-giu-nghe-coi/")
    assert not published.xpath("//span[@class='portal-mark']")
