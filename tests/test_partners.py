"""News from partner portals ("Tin từ các địa phương"): `portal fetch-partners` against feeds
served on 127.0.0.1 — friendly and hostile (script in texts, a huge feed, wrong dates, invalid XML,
a redirect loop, private addresses) — and the pages, feeds and health page the build makes from
the committed snapshot alone."""

from __future__ import annotations

import contextlib
import hashlib
import shutil
import socket
import threading
from collections.abc import Iterator
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import feedparser
import pytest
from helpers import CONTENT, FIXTURES, NOW, opened, serve_folder

from site_plugins.__main__ import main
from site_plugins.catalog.loading import load_catalog
from site_plugins.common.vietnamese import VN_TZ
from site_plugins.content.partners import SNAPSHOT, SUMMARY_LIMIT, Snapshot, dump_snapshot, load_snapshot
from site_plugins.content.registries import Partner, load_registries
from site_plugins.content.schema import parse_datetime
from site_plugins.partners.fetch import FetchError, fetch
from site_plugins.partners.refresh import FIRST_FETCH, refresh
from site_plugins.views.listings import Listings
from site_plugins.views.partners import stories
from site_plugins.views.siteviews import SiteViews

FEEDS = FIXTURES / "partners"
FIXTURE_NOW = parse_datetime(NOW)
ITEM = "//li[@class='portal-partner-item']"


class FeedServer:
    """Feeds on 127.0.0.1: a path → bytes (served with an ETag, 304 when it matches) or a handler."""

    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.requests: list[tuple[str, str | None]] = []  # (path, If-None-Match)
        self.sent: dict[str, int] = {}  # bytes a streaming route managed to send
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append((self.path, self.headers.get("If-None-Match")))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                elif callable(route):
                    route(self)
                else:
                    etag = '"' + hashlib.sha256(route).hexdigest()[:16] + '"'
                    if self.headers.get("If-None-Match") == etag:
                        self.send_response(304)
                        self.end_headers()
                        return
                    self.send_response(200)
                    self.send_header("Content-Type", "application/xml; charset=utf-8")
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", str(len(route)))
                    self.end_headers()
                    self.wfile.write(route)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path


@contextlib.contextmanager
def feed_server() -> Iterator[FeedServer]:
    server = FeedServer()
    threading.Thread(target=server.httpd.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.httpd.shutdown()
        server.httpd.server_close()


def partner(pid: str, feed: str) -> Partner:
    return Partner(id=pid, name=f"Đối tác {pid}", site="https://example.vn/", feed=feed)


def loopback(url: str, etag: str | None, last_modified: str | None):
    return fetch(url, etag, last_modified, allow_loopback=True)


def rss(items: list[tuple[str, str, datetime]]) -> bytes:
    """An RSS feed of (title, link, date) items."""
    entries = "".join(f"<item><title>{t}</title><link>{u}</link><pubDate>{format_datetime(d)}</pubDate><description>Tóm tắt {t}</description></item>"
                      for t, u, d in items)  # fmt: skip
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>T</title><link>https://example.vn/</link>{entries}</channel></rss>'.encode()
    )


# -- fetching ------------------------------------------------------------------------------------


def test_a_feed_is_read_and_a_304_keeps_the_snapshot():
    with feed_server() as server:
        server.routes["/lao-cai.xml"] = (FEEDS / "lao-cai.xml").read_bytes()
        partners = {"lao-cai": partner("lao-cai", server.url("/lao-cai.xml"))}
        first, outcomes = refresh(partners, Snapshot(), FIXTURE_NOW, loopback)
        assert [(o.status, o.new) for o in outcomes] == [("200", 4)]  # 5 items: the javascript: link dropped, the future one kept undated
        again, outcomes = refresh(partners, first, FIXTURE_NOW, loopback)
    assert [(o.status, o.new) for o in outcomes] == [("304", 0)]
    assert server.requests[0][1] is None and server.requests[1][1] == first.partners["lao-cai"].etag  # the second request was conditional
    assert dump_snapshot(again) == dump_snapshot(first)  # same clock: byte for byte
    items = {i.title: i for i in first.partners["lao-cai"].items}
    assert len(items) == 4 and "Liên kết không phải http" not in items
    future = items["Tin ngày giờ sai: đăng từ tương lai"]
    assert future.published is None  # a date in the future is not shown
    assert items["Ra mắt mô hình HTX kiểu mới trồng dược liệu tại Sa Pa"].published == "2026-11-18T09:00:00+07:00"


def test_hostile_texts_become_plain_short_text():
    with feed_server() as server:
        server.routes["/f"] = (FEEDS / "lao-cai.xml").read_bytes()
        snap, _ = refresh({"p": partner("p", server.url("/f"))}, Snapshot(), FIXTURE_NOW, loopback)
    items = snap.partners["p"].items
    assert len(items) == 4
    for item in items:
        assert "<" not in item.title + item.summary and "alert" not in item.title + item.summary
        assert len(item.summary) <= SUMMARY_LIMIT
    by_link = {i.link: i for i in items}
    assert by_link["https://lienminhhtx.laocai.gov.vn/tin-tuc/tong-ket-luat-htx.html"].title == "Hội nghị tổng kết 5 năm thực hiện Luật Hợp tác xã"
    assert by_link["https://lienminhhtx.laocai.gov.vn/tin-tuc/tong-ket-luat-htx.html"].summary == (
        "Các đại biểu đánh giá kết quả thi hành Luật HTX năm 2023 & đề xuất giải pháp."
    )
    long = by_link["https://lienminhhtx.laocai.gov.vn/tin-tuc/htx-che-huu-co-2026.html"].summary
    assert long.endswith("…") and long.startswith("Năm 2026, Liên minh HTX tỉnh phối hợp") and "truy xuất nguồn gốc" not in long


def test_a_huge_feed_is_stopped_and_the_error_recorded():
    def endless(handler: BaseHTTPRequestHandler) -> None:  # no Content-Length: the cap must stop the reading
        handler.send_response(200)
        handler.send_header("Content-Type", "application/xml")
        handler.end_headers()
        sent = 0
        try:
            handler.wfile.write(b'<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>')
            while sent < 64 * 1024 * 1024:
                handler.wfile.write(b"<!-- " + b"x" * 65536 + b" -->")
                sent += 65547
        except OSError:
            pass
        server.sent["/huge"] = sent

    with feed_server() as server:
        server.routes["/ok"] = (FEEDS / "ninh-binh.xml").read_bytes()
        server.routes["/huge"] = endless
        partners = {"nb": partner("nb", server.url("/ok"))}
        before, _ = refresh(partners, Snapshot(), FIXTURE_NOW, loopback)
        partners = {"nb": partner("nb", server.url("/huge"))}
        after, outcomes = refresh(partners, before, FIXTURE_NOW, loopback)
        for _ in range(100):
            if "/huge" in server.sent:
                break
            threading.Event().wait(0.05)
    assert [o.status for o in outcomes] == ["too-large"]
    feed = after.partners["nb"]
    assert feed.error == "too-large" and feed.items == before.partners["nb"].items and feed.last_success == before.partners["nb"].last_success
    assert server.sent["/huge"] < 16 * 1024 * 1024  # the reader hung up soon after 2 MB, long before the 64 MB on offer


def test_invalid_xml_and_redirect_loops_are_errors():
    def loop(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", "/loop")
        handler.end_headers()

    def hops(n: int):
        def hop(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(301)
            handler.send_header("Location", f"/hop{n - 1}" if n > 1 else "/ok")
            handler.end_headers()

        return hop

    with feed_server() as server:
        server.routes.update({"/broken": (FEEDS / "broken.xml").read_bytes(), "/loop": loop, "/ok": (FEEDS / "ninh-binh.xml").read_bytes(),
                              "/html": b"<!doctype html><html><body><p>Not a feed</p></body></html>", "/hop3": hops(3), "/hop2": hops(2),
                              "/hop1": hops(1), "/hop4": hops(4)})  # fmt: skip
        partners = {p: partner(p, server.url(f"/{p}")) for p in ("broken", "loop", "html", "hop3", "hop4")}
        snap, outcomes = refresh(partners, Snapshot(), FIXTURE_NOW, loopback)
        loop_requests = sum(path == "/loop" for path, _ in server.requests)
    assert {o.partner: o.status for o in outcomes} == {
        "broken": "invalid-feed",
        "loop": "redirects",
        "html": "invalid-feed",
        "hop3": "200",
        "hop4": "redirects",
    }
    assert loop_requests == 4  # the first request and 3 redirects
    assert snap.partners["broken"].last_success is None and snap.partners["broken"].last_attempt == FIXTURE_NOW.isoformat(timespec="seconds")
    assert len(snap.partners["hop3"].items) == 4


def test_a_body_naming_a_local_file_is_not_read(tmp_path):
    """feedparser opens a bytes argument as a file name: a body that is a path must stay a body."""
    local = tmp_path / "secret-feed.xml"
    local.write_bytes((FEEDS / "ninh-binh.xml").read_bytes())
    with feed_server() as server:
        server.routes["/f"] = str(local).encode()
        snap, outcomes = refresh({"p": partner("p", server.url("/f"))}, Snapshot(), FIXTURE_NOW, loopback)
    assert [o.status for o in outcomes] == ["invalid-feed"] and snap.partners["p"].items == []


def test_a_server_that_stalls_is_a_timeout():
    release = threading.Event()

    def stall(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/xml")
        handler.end_headers()
        handler.wfile.write(b'<?xml version="1.0"?><rss version="2.0">')
        handler.wfile.flush()
        release.wait(30)  # until the client has given up

    with feed_server() as server:
        server.routes["/slow"] = stall
        with pytest.raises(FetchError) as stopped:
            fetch(server.url("/slow"), allow_loopback=True, timeout=0.5)
        release.set()
    assert stopped.value.code == "timeout"


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("http://127.0.0.1:{port}/ok", "private-address"),  # the test server itself, refused without the override
        ("http://localhost:{port}/ok", "private-address"),
        ("http://[::1]:{port}/ok", "private-address"),
        ("http://10.1.2.3/feed", "private-address"),
        ("http://192.168.1.1/feed", "private-address"),
        ("http://169.254.169.254/latest/meta-data/", "private-address"),  # cloud metadata
        ("http://[::ffff:127.0.0.1]:{port}/ok", "private-address"),
        ("http://0.0.0.0:{port}/ok", "private-address"),
        ("ftp://127.0.0.1/feed", "scheme"),
        ("file:///etc/passwd", "scheme"),
        ("javascript:alert(1)", "scheme"),
    ],
)
def test_private_addresses_and_other_schemes_are_refused(url, code):
    with feed_server() as server:
        server.routes["/ok"] = (FEEDS / "ninh-binh.xml").read_bytes()
        with pytest.raises(FetchError) as refused:
            fetch(url.format(port=server.httpd.server_address[1]))
        assert server.requests == []  # nothing was asked of the server
    assert refused.value.code == code


def test_a_redirect_to_a_private_address_is_refused():
    with feed_server() as inner, feed_server() as outer:
        inner.routes["/secret"] = b"<rss/>"

        def away(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(302)
            handler.send_header("Location", inner.url("/secret").replace("127.0.0.1", "10.0.0.1"))
            handler.end_headers()

        outer.routes["/feed"] = away
        with pytest.raises(FetchError) as refused:
            fetch(outer.url("/feed"), allow_loopback=True)
    assert refused.value.code == "private-address" and inner.requests == []


# -- the snapshot and the stories ---------------------------------------------------------------


def test_a_new_partner_does_not_flood_the_section():
    old = [(f"Tin cũ số {n}", f"https://flood.example.vn/{n}", datetime(2020, 1, 1, tzinfo=VN_TZ).replace(day=1 + n % 28, month=1 + n % 12))
           for n in range(500)]  # fmt: skip
    with feed_server() as server:
        server.routes["/quiet"] = rss([("Tin của đối tác cũ", "https://quiet.example.vn/1", datetime(2026, 11, 20, tzinfo=VN_TZ))])
        partners = {"quiet": partner("quiet", server.url("/quiet"))}
        snap, _ = refresh(partners, Snapshot(), datetime(2026, 11, 20, 9, tzinfo=VN_TZ), loopback)
        server.routes["/flood"] = rss(old)
        partners["flood"] = partner("flood", server.url("/flood"))
        snap, outcomes = refresh(partners, snap, datetime(2026, 11, 21, 9, tzinfo=VN_TZ), loopback)
        assert {o.partner: o.new for o in outcomes} == {"quiet": 0, "flood": FIRST_FETCH}
        server.routes["/quiet"] = rss([("Tin mới của đối tác cũ", "https://quiet.example.vn/2", datetime(2026, 11, 22, tzinfo=VN_TZ))])
        snap, _ = refresh(partners, snap, datetime(2026, 11, 22, 9, tzinfo=VN_TZ), loopback)
    shown = stories(snap, partners)
    assert len(shown) == FIRST_FETCH + 2
    assert shown[0].item.title == "Tin mới của đối tác cũ"  # newest seen first, whatever the dates
    assert [s.partner for s in shown[1 : 1 + FIRST_FETCH]] == ["flood"] * FIRST_FETCH and shown[-1].item.title == "Tin của đối tác cũ"
    kept = [s.item.link for s in shown if s.partner == "flood"]
    assert kept == sorted(kept, key=lambda link: next(d for _, u, d in old if u == link), reverse=True)  # its newest ten


def test_the_same_story_from_two_partners_is_shown_once():
    snapshot, problems = load_snapshot(CONTENT)
    registries, _ = load_registries(CONTENT)
    assert problems == []
    shown = stories(snapshot, registries.partners)
    assert len(shown) == 6  # 4 from Lào Cai, 4 from Ninh Bình, 2 of them the same stories
    by_title = {s.item.title: s for s in shown}
    sapa = by_title["Ra mắt mô hình HTX kiểu mới trồng dược liệu tại Sa Pa"]  # the same link (http, www., a trailing slash aside)
    assert (sapa.partner, sapa.also) == ("lao-cai", ["ninh-binh"])
    tea = by_title["Lào Cai: 25 HTX chè được hỗ trợ chứng nhận hữu cơ"]  # the same title, folded, a day apart
    assert (tea.partner, tea.also) == ("lao-cai", ["ninh-binh"])
    assert sum(len(s.also) for s in shown) == 2


def test_the_same_title_days_apart_is_another_story():
    feeds = {
        "a": rss([("Hội nghị giao ban quý IV", "https://a.example.vn/1", datetime(2026, 11, 1, tzinfo=VN_TZ))]),
        "b": rss([("HỘI NGHỊ GIAO BAN QUÝ IV", "https://b.example.vn/1", datetime(2026, 11, 9, tzinfo=VN_TZ))]),
    }
    with feed_server() as server:
        server.routes.update({f"/{k}": v for k, v in feeds.items()})
        partners = {k: partner(k, server.url(f"/{k}")) for k in feeds}
        snap, _ = refresh(partners, Snapshot(), FIXTURE_NOW, loopback)
    assert [(s.partner, s.also) for s in stories(snap, partners)] == [("b", []), ("a", [])]


def test_fixture_snapshot_is_what_the_fixture_feeds_make():
    """tests/fixtures/site/_registry/partners.snapshot.json: the fixture feeds read at the fixture's
    "now"; Đắk Lắk's server did not answer (its error is what the health page shows)."""
    registries, _ = load_registries(CONTENT)
    assert sorted(registries.partners) == ["dak-lak", "lao-cai", "ninh-binh"]
    with feed_server() as server:
        served = {"lao-cai": "/lao-cai.xml", "ninh-binh": "/ninh-binh.xml"}
        for pid, path in served.items():
            server.routes[path] = (FEEDS / f"{pid}.xml").read_bytes()

        def fixture_fetch(url: str, etag: str | None, last_modified: str | None):
            pid = next(p for p, x in registries.partners.items() if x.feed == url)
            if pid not in served:
                raise FetchError("timeout", "10 s")
            return fetch(server.url(served[pid]), etag, last_modified, allow_loopback=True)

        made, _ = refresh(registries.partners, Snapshot(), FIXTURE_NOW, fixture_fetch)
    assert dump_snapshot(made) == (CONTENT / SNAPSHOT).read_text("utf-8")


def test_a_site_without_partners_builds_and_the_command_says_so(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "_registry" / "partners.yml").unlink()
    (content / SNAPSHOT).unlink()
    registries, problems = load_registries(content)
    assert registries.partners == {} and [p for p in problems if not p.warning] == []
    catalog = load_catalog(content, FIXTURE_NOW)
    views = SiteViews(catalog, Listings(catalog, "Trang"))
    assert not [url for url in views.pages if url.startswith("tin-dia-phuong/")]
    assert main(["fetch-partners", "--content", str(content)]) == 1
    assert "partners.yml" in capsys.readouterr().err


def test_the_command_refuses_loopback_feeds_and_records_why(tmp_path, capsys):
    """`portal fetch-partners` has no loopback override: a feed on 127.0.0.1 is refused, never read."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    with feed_server() as server:
        server.routes["/lao-cai.xml"] = (FEEDS / "lao-cai.xml").read_bytes()
        registry = content / "_registry" / "partners.yml"
        text = registry.read_text("utf-8")
        for feed in (
            "https://lienminhhtx.laocai.gov.vn/rss/tin-tuc.rss",
            "https://lmhtx.ninhbinh.gov.vn/feed.atom",
            "https://lienminhhtx.daklak.gov.vn/rss.xml",
        ):
            text = text.replace(feed, server.url("/lao-cai.xml"))  # every feed on loopback: the test asks nothing of the Internet
        registry.write_text(text, "utf-8")
        registries, _ = load_registries(content)
        assert all(p.feed.startswith("http://127.0.0.1:") for p in registries.partners.values()) and len(registries.partners) == 3
        code = main(["fetch-partners", "--content", str(content)])
        assert server.requests == []
    out = capsys.readouterr().out
    assert code == 0 and "lao-cai: private-address, 0 tin mới, 4 tin trong bản lưu" in out
    snapshot, _ = load_snapshot(content)
    assert snapshot.partners["lao-cai"].error == "private-address" and len(snapshot.partners["lao-cai"].items) == 4  # the items read before stay


def test_an_unreadable_snapshot_is_a_problem_not_a_crash(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / SNAPSHOT).write_text('{"partners": {"lao-cai": {"items": [{"title": 1}]}}}', "utf-8")
    snapshot, problems = load_snapshot(content)
    assert snapshot == Snapshot() and len(problems) == 1 and problems[0].path.endswith("partners.snapshot.json")


# -- the build ------------------------------------------------------------------------------------


def test_the_views_are_made_with_networking_off(monkeypatch):
    """The build reads only the snapshot: with every socket refused, the pages are made."""

    def refused(*args, **kwargs):
        raise AssertionError("the build opened a network connection")

    monkeypatch.setattr(socket, "socket", refused)
    monkeypatch.setattr(socket, "create_connection", refused)
    monkeypatch.setattr(socket, "getaddrinfo", refused)
    catalog = load_catalog(CONTENT, FIXTURE_NOW)
    views = SiteViews(catalog, Listings(catalog, "Trang"))
    made = sorted(url for url in views.pages if url.startswith("tin-dia-phuong/"))
    assert made == ["tin-dia-phuong/", "tin-dia-phuong/doi-tac/dak-lak/", "tin-dia-phuong/doi-tac/lao-cai/", "tin-dia-phuong/doi-tac/ninh-binh/",
                    "tin-dia-phuong/tinh-trang/"]  # fmt: skip
    assert len(views.pages["tin-dia-phuong/"].context["rows"]) == 6


def test_section_page_shows_source_link_date_and_summary(site):
    html = site.html("tin-dia-phuong/")
    rows = html.xpath(ITEM)
    assert len(rows) == 6
    first = rows[0]
    assert first.xpath(".//h2/a")[0].get("href") == "https://lmhtx.ninhbinh.gov.vn/tin-tuc/ocop-4-sao.html"  # newest first seen, then newest date
    assert first.xpath(".//time")[0].get("datetime") == "2026-11-24T10:00:00+07:00" and first.xpath(".//time")[0].text == "24/11/2026"
    assert "Nguồn: Liên minh HTX tỉnh Ninh Bình" in " ".join(first.text_content().split())
    tea = next(r for r in rows if "chè" in r.xpath(".//h2")[0].text_content())
    assert "Cũng đăng trên Liên minh HTX tỉnh Ninh Bình" in " ".join(tea.text_content().split())
    assert len(tea.xpath(".//p[@class='portal-partner-item__summary']")[0].text_content()) <= SUMMARY_LIMIT
    undated = next(r for r in rows if "tương lai" in r.xpath(".//h2")[0].text_content())
    assert undated.xpath(".//time") == []


def test_partner_and_health_pages(site):
    page = site.html("tin-dia-phuong/doi-tac/ninh-binh/")
    assert len(page.xpath(ITEM)) == 4  # its own two, and the two first seen from Lào Cai
    assert site.html("tin-dia-phuong/doi-tac/dak-lak/").xpath(".//p[@class='portal-empty']")
    health = site.html("tin-dia-phuong/tinh-trang/")
    rows = health.xpath("//li[starts-with(@class, 'portal-partner-feed')]")
    assert len(rows) == 3
    failing = " ".join(rows[0].text_content().split())
    assert "Liên minh HTX tỉnh Đắk Lắk" in failing and "không trả lời trong thời gian cho phép" in failing and "chưa lần nào" in failing
    assert all("Bình thường" in r.text_content() for r in rows[1:])
    assert [r.xpath(".//span[@class='portal-partner-feed__count']")[0].text for r in rows] == ["0", "4", "4"]  # the items each keeps
    assert site.html("dia-phuong/").xpath("//a[@href='../tin-dia-phuong/']/text()") == ["Tin từ các địa phương"]  # reached from the provinces' page


def test_section_feed_carries_the_source(site):
    parsed = feedparser.parse(site.path("tin-dia-phuong/rss.xml").read_bytes())
    assert not parsed.bozo and len(parsed.entries) == 6
    first = parsed.entries[0]
    assert first.link == "https://lmhtx.ninhbinh.gov.vn/tin-tuc/ocop-4-sao.html"
    assert first.source == {"href": "https://lmhtx.ninhbinh.gov.vn/feed.atom", "title": "Liên minh HTX tỉnh Ninh Bình"}
    assert all("source" in e for e in parsed.entries)
    own = feedparser.parse(site.path("tin-dia-phuong/doi-tac/lao-cai/rss.xml").read_bytes())
    assert len(own.entries) == 4


@pytest.mark.parametrize("width", [360, 1280])
def test_hostile_feed_texts_do_not_run_in_the_browser(site, browser, width):
    with serve_folder(site.root) as base, opened(browser, None, width) as page:
        dialogs: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.goto(base + "tin-dia-phuong/", wait_until="networkidle")
        titles = page.locator(".portal-partner-item__title").all_inner_texts()
        summaries = page.locator(".portal-partner-item__summary").all_inner_texts()
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert dialogs == [] and len(titles) == 6
    assert "Hội nghị tổng kết 5 năm thực hiện Luật Hợp tác xã" in titles
    assert "Các đại biểu đánh giá kết quả thi hành Luật HTX năm 2023 & đề xuất giải pháp." in summaries  # "&" shown once, not "&amp;"
    assert not [t for t in titles + summaries if "&amp;" in t or "&lt;" in t or "<" in t]
    assert overflow <= 0
