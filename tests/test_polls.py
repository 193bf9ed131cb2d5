"""Reader polls (issue 24): poll files validated at file and line; the poll in its article and on its
own page as a form that works without JavaScript, or "Khảo sát chưa mở" without the service; the
optional poll service on loopback (votes counted exactly under load, kept through kill -9, bad
requests refused, no raw address stored); closed polls' results exported into content and built
as a table, a chart and a feed item."""

from __future__ import annotations

import concurrent.futures
import http.client
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

import feedparser
import pytest
from helpers import NOW, ROOT, SITE_URL, build_site, copy_content, opened, serve_folder, site_config

from site_plugins.__main__ import main as portal
from site_plugins.catalog.loading import resolve_now
from site_plugins.common.problems import ContentError
from site_plugins.common.vietnamese import VN_TZ
from site_plugins.content.polls import read_polls
from site_plugins.polls.server import PollService, Server, Settings
from site_plugins.polls.store import Store

FIXTURE_POLL = "ocop-huong-phat-trien"
AXE, AXE_TAGS = ROOT / "node_modules" / "axe-core" / "axe.min.js", ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]  # as test_quality.py
ARTICLE = "tin-tuc/ninh-binh-ky-ket-chuong-trinh-phoi-hop-tuyen-truyen/"
TEST_POLLS = {
    "mot-lua-chon.yml": """question: Một lựa chọn?
options: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}]
opens: 2000-01-01T00:00
closes: 2100-01-01T00:00
show_results: true
""",
    "nhieu-lua-chon.yml": """question: Nhiều lựa chọn?
options: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}, {id: d, label: D}]
multiple: true
max_choices: 2
opens: 2000-01-01T00:00
closes: 2100-01-01T00:00
""",
    "da-dong.yml": """question: Đã đóng?
options: [{id: a, label: A}, {id: b, label: B}]
opens: 2000-01-01T00:00
closes: 2001-01-01T00:00
""",
}


def poll_content(folder: Path) -> Path:
    content = folder / "content"
    (content / "khao-sat").mkdir(parents=True)
    for name, text in TEST_POLLS.items():
        (content / "khao-sat" / name).write_text(text, "utf-8")
    return content


class Running:
    """The poll service in this process, on an ephemeral loopback port."""

    def __init__(self, settings: Settings):
        self.server = Server(("127.0.0.1", 0), PollService(settings))
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.server.service.store.close()


def post(port: int, fields: list[tuple[str, str]] | bytes, forwarded: str | None = None, headers: dict | None = None) -> tuple[int, str]:
    body = fields if isinstance(fields, bytes) else urlencode(fields).encode()
    sent = {"Content-Type": "application/x-www-form-urlencoded", **({"X-Forwarded-For": forwarded} if forwarded else {}), **(headers or {})}
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("POST", "/bieu-quyet", body, sent)
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location") or ""
    finally:
        connection.close()


def results(port: int, poll: str) -> tuple[int, dict, str]:
    import json

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", f"/ket-qua/{poll}.json")
        response = connection.getresponse()
        body = response.read()
        return response.status, json.loads(body) if response.status == 200 else {}, response.getheader("Cache-Control") or ""
    finally:
        connection.close()


def vote(poll: str, *options: str, back: str = SITE_URL + ARTICLE) -> list[tuple[str, str]]:
    return [("poll", poll), *(("option", o) for o in options), ("back", back)]


@pytest.fixture
def service(tmp_path):
    running = Running(Settings(poll_content(tmp_path), tmp_path / "votes.sqlite3", SITE_URL, trust_proxy=True, rate=1000))
    yield running
    running.close()


# poll files ------------------------------------------------------------------------------------------------------------------


def test_poll_files_are_validated_at_their_line(tmp_path):
    folder = tmp_path / "content" / "khao-sat"
    folder.mkdir(parents=True)
    (folder / "sai.yml").write_text(
        "question: Câu hỏi?\noptions:\n  - {id: a, label: A}\n  - {id: a, label: B}\nmax_choices: 2\nopens: 2024-06-01T08:00\ncloses: 2024-05-01T08:00\n",
        "utf-8",
    )
    (folder / "Sai Tên.yml").write_text("question: x\n", "utf-8")
    (folder / "thieu.yml").write_text("question: Thiếu?\noptions: [{id: a, label: A}]\nopens: 2024-06-01\n", "utf-8")
    polls, problems = read_polls(tmp_path / "content")
    assert polls == {}
    text = [str(p) for p in problems]
    assert any("sai.yml:4: options.2.id" in p and "đã dùng ở dòng 3" in p for p in text), text
    assert any("sai.yml:5: max_choices" in p and "multiple: true" in p for p in text), text
    assert any("sai.yml:7: closes" in p for p in text), text
    assert any("Sai Tên.yml" in p and "sai-ten.yml" in p for p in text), text
    assert any("thieu.yml" in p and "closes" in p for p in text), text
    assert any("thieu.yml:2: options" in p for p in text), text


def test_a_poll_naming_an_unknown_article_stops_the_check(tmp_path):
    content = copy_content(tmp_path)
    poll = content / "khao-sat" / f"{FIXTURE_POLL}.yml"
    poll.write_text(poll.read_text("utf-8").replace("tin-2022-10-24-ninh-binh-ky-ket-phoi-hop", "khong-co-bai-nay"), "utf-8")
    from site_plugins.catalog.loading import load_catalog

    with pytest.raises(ContentError) as caught:
        load_catalog(content, resolve_now(NOW))
    assert re.search(r"khao-sat/ocop-huong-phat-trien\.yml:\d+: articles\.1: .*khong-co-bai-nay", caught.value.report()), caught.value.report()


# the static site ------------------------------------------------------------------------------------------------------------


def test_without_the_service_the_poll_is_not_open_and_has_no_form(site):
    article, page = site.text(ARTICLE), site.text(f"khao-sat/{FIXTURE_POLL}/")
    for html in (article, page):
        assert "Khảo sát chưa mở" in html
        assert "Theo bạn, thực hiện Chương trình OCOP nên phát triển theo hướng nào?" in html
        assert "<form" not in html.split('class="portal-poll"', 1)[1]
    assert site.text("khao-sat/").count('href="ocop-huong-phat-trien/"') == 1


def test_the_build_says_the_service_is_not_configured(tmp_path):
    result = build_site(tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "chưa cấu hình dịch vụ khảo sát" in result.stderr


def build_with_service(folder: Path, service: str, content: Path | None = None, out: Path | None = None, **env) -> Path:
    config = site_config(folder / "config", **({"content": content} if content else {}))
    config.write_text(config.read_text("utf-8").replace("  - portal:\n", f"  - portal:\n      poll_service: {service}\n", 1), "utf-8")
    out = out or folder / "out"
    result = build_site(out, config, **env)
    assert result.returncode == 0, result.stderr
    return out


def test_a_form_posted_without_javascript_lands_a_vote_and_comes_back(tmp_path, browser):
    out = tmp_path / "site"
    out.mkdir()
    with serve_folder(out) as site_url:
        running = Running(Settings(ROOT / "tests" / "fixtures" / "site", tmp_path / "votes.sqlite3", site_url, now=lambda: resolve_now(NOW)))
        try:
            service = f"http://127.0.0.1:{running.port}"
            build_with_service(tmp_path, service, out=out, SITE_URL=site_url)
            html = (out / ARTICLE / "index.html").read_text("utf-8")
            assert f'action="{service}/bieu-quyet"' in html and 'method="post"' in html
            assert f'name="back" value="{site_url}{ARTICLE}#khao-sat-{FIXTURE_POLL}"' in html
            for width in (360, 1280):  # the form itself: no axe-core violation (axe runs as a script, so this tab has JavaScript)
                with opened(browser, site_url + ARTICLE, width) as page:
                    page.add_script_tag(path=str(AXE))
                    found = page.evaluate("tags => axe.run('#khao-sat-ocop-huong-phat-trien', {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
                    assert [v["id"] for v in found["violations"]] == [], found["violations"]
                    assert page.locator("#khao-sat-ocop-huong-phat-trien input[type=radio]").count() == 4
            with opened(browser, site_url + ARTICLE, 360, javascript=False) as page:
                page.check(f"#khao-sat-{FIXTURE_POLL}-gan-voi-du-lich")
                with page.expect_navigation():
                    page.click("#khao-sat-ocop-huong-phat-trien button[type=submit]")
                page.wait_for_load_state("load")
                assert page.url == f"{site_url}{ARTICLE}#khao-sat-{FIXTURE_POLL}"
                assert page.locator("h1").inner_text().startswith("Ban Tuyên giáo Tỉnh ủy")
            assert running.server.service.store.counts(FIXTURE_POLL) == (1, {"gan-voi-du-lich": 1})
        finally:
            running.close()


# the service --------------------------------------------------------------------------------------------------------------


def test_bad_requests_are_refused(service):
    port = service.port
    assert post(port, vote("mot-lua-chon", "a"), "198.51.100.1")[0] == 303
    cases = {
        "unknown poll": (vote("khong-co", "a"), 404),
        "unknown option": (vote("mot-lua-chon", "z"), 400),
        "two options on single choice": (vote("mot-lua-chon", "a", "b"), 400),
        "over the maximum": (vote("nhieu-lua-chon", "a", "b", "c"), 400),
        "the same option twice": (vote("nhieu-lua-chon", "a", "a"), 400),
        "no option": (vote("mot-lua-chon"), 400),
        "closed poll": (vote("da-dong", "a"), 403),
        "back elsewhere": (vote("mot-lua-chon", "a", back="https://evil.example/"), 400),
        "back to a look-alike host": (vote("mot-lua-chon", "a", back="https://kinhtetapthe.example.vn.evil.example/"), 400),
        "back scheme-relative": (vote("mot-lua-chon", "a", back="//evil.example/"), 400),
        "an unknown field": ([*vote("mot-lua-chon", "a"), ("x", "1")], 400),
        "not a form": (b"\xff\xfe", 400),
        "oversized": (urlencode([*vote("mot-lua-chon", "a"), ("back", "x" * 3000)]).encode(), 413),
    }
    for number, (name, (fields, status)) in enumerate(cases.items()):
        got = post(port, fields, f"198.51.100.{number + 10}")[0]
        assert got == status, (name, got)
    assert len(cases) == 13
    assert post(port, vote("mot-lua-chon", "b"), "198.51.100.1")[0] == 409  # replayed: the same client within the window
    assert post(port, vote("mot-lua-chon", "b"), "not-an-address")[0] == 400
    assert post(port, vote("mot-lua-chon", "b"), "198.51.100.2", {"Content-Type": "text/plain"})[0] == 415
    assert post(port, vote("nhieu-lua-chon", "a", "c"), "198.51.100.1")[0] == 303  # another poll: its own window
    assert service.server.service.store.counts("mot-lua-chon") == (1, {"a": 1})
    assert service.server.service.store.counts("nhieu-lua-chon") == (1, {"a": 1, "c": 1})
    status, data, cache = results(port, "mot-lua-chon")
    assert (status, data["counts"], data["voters"], cache) == (200, {"a": 1, "b": 0, "c": 0}, 1, "public, max-age=30")
    assert results(port, "nhieu-lua-chon")[0] == 403  # open, and its results are not shown while open
    assert results(port, "khong-co")[0] == 404


def test_the_rate_limit_refuses_a_flood(tmp_path):
    running = Running(Settings(poll_content(tmp_path), tmp_path / "votes.sqlite3", SITE_URL, rate=5))
    try:
        statuses = [post(running.port, vote("khong-co", "a"))[0] for _ in range(8)]
    finally:
        running.close()
    assert statuses == [404] * 5 + [429] * 3


def test_the_proxy_header_is_trusted_only_when_asked(tmp_path):
    running = Running(Settings(poll_content(tmp_path), tmp_path / "votes.sqlite3", SITE_URL))
    try:  # not trusted: two "addresses" are one client, 127.0.0.1
        assert [post(running.port, vote("mot-lua-chon", "a"), f"203.0.113.{i}")[0] for i in (1, 2)] == [303, 409]
    finally:
        running.close()


def test_a_thousand_votes_from_fifty_concurrent_clients_are_all_counted(service):
    def cast(number: int) -> tuple[int, str]:
        option = "abc"[number % 3]
        return post(service.port, vote("mot-lua-chon", option), f"10.{number // 250}.{number % 250}.1")[0], option

    with concurrent.futures.ThreadPoolExecutor(50) as pool:
        done = list(pool.map(cast, range(1000)))
    assert Counter(status for status, _ in done) == {303: 1000}
    expected = Counter(option for _, option in done)
    assert service.server.service.store.counts("mot-lua-chon") == (1000, dict(expected))
    assert results(service.port, "mot-lua-chon")[1]["counts"] == dict(expected)


def start_process(content: Path, database: Path) -> tuple[subprocess.Popen, int]:
    process = subprocess.Popen(
        [sys.executable, "-m", "site_plugins", "poll-server", "--content", str(content), "--db", str(database), "--site-url", SITE_URL,
         "--port", "0", "--trust-proxy", "--rate", "100000"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    line = process.stdout.readline()  # type: ignore[union-attr]
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    assert found, (line, process.stderr.read() if process.poll() is not None else "")  # type: ignore[union-attr]
    return process, int(found[1])


def test_a_vote_acknowledged_before_kill_9_is_never_lost(tmp_path):
    content, database = poll_content(tmp_path), tmp_path / "votes.sqlite3"
    process, port = start_process(content, database)
    acknowledged: Counter = Counter()
    attempted = [0]
    lock, stop = threading.Lock(), threading.Event()

    def client(number: int) -> None:
        for sent in range(10_000):
            if stop.is_set():
                return
            option = "abc"[(number + sent) % 3]
            with lock:
                attempted[0] += 1
            try:
                status, _ = post(port, vote("mot-lua-chon", option), f"10.{number}.{sent // 250}.{sent % 250}")
            except OSError:
                return  # the server is gone
            if status == 303:
                with lock:
                    acknowledged[option] += 1

    threads = [threading.Thread(target=client, args=(n,)) for n in range(20)]
    for thread in threads:
        thread.start()
    while sum(acknowledged.values()) < 300 and process.poll() is None:
        time.sleep(0.01)
    os.kill(process.pid, signal.SIGKILL)  # mid-load: requests in flight
    process.wait()
    stop.set()
    for thread in threads:
        thread.join()
    assert process.returncode == -signal.SIGKILL
    process, port = start_process(content, database)
    try:
        status, data, _ = results(port, "mot-lua-chon")
    finally:
        process.terminate()
        process.wait()
    assert status == 200
    for option in "abc":  # everything acknowledged is there; nothing more than was sent
        assert data["counts"][option] >= acknowledged[option], (option, data, acknowledged)
    assert sum(acknowledged.values()) <= data["voters"] <= attempted[0]
    assert sum(acknowledged.values()) >= 300


def test_no_raw_address_is_ever_stored(tmp_path):
    running = Running(Settings(poll_content(tmp_path), tmp_path / "votes.sqlite3", SITE_URL, trust_proxy=True))
    addresses = ["203.0.113.77", "198.51.100.23", "2001:db8::4242"]
    try:
        for address in addresses:
            assert post(running.port, vote("mot-lua-chon", "a"), address)[0] == 303
    finally:
        running.close()
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("votes.sqlite3*"))
    assert len(stored) > 0
    for address in [*addresses, "127.0.0.1"]:
        assert address.encode() not in stored and address.encode("utf-16-le") not in stored, address
    assert Store(tmp_path / "votes.sqlite3").counts("mot-lua-chon") == (3, {"a": 3})


# closed polls' results --------------------------------------------------------------------------------------------------------


def test_results_of_a_closed_poll_become_a_static_table_chart_and_feed_item(tmp_path):
    content = copy_content(tmp_path)
    database = tmp_path / "votes.sqlite3"
    store = Store(database)
    opened_at = datetime(2026, 11, 20, 9, 0, tzinfo=VN_TZ)
    for number, option in enumerate(["nang-cao-chat-luong"] * 3 + ["lien-ket-htx"] * 5 + ["mo-rong-thi-truong"]):
        assert store.vote(FIXTURE_POLL, [f"key-{number}"], [option], opened_at, 3600)
    store.close()
    assert portal(["poll-results", FIXTURE_POLL, "--content", str(content), "--db", str(database), "--now", NOW]) == 1  # still open
    after = "2027-01-05T10:00"
    assert portal(["poll-results", FIXTURE_POLL, "--content", str(content), "--db", str(database), "--now", after]) == 0
    text = (content / "khao-sat" / f"{FIXTURE_POLL}.yml").read_text("utf-8")
    assert "results:" in text and "  exported: 2027-01-05T10:00\n" in text and "    lien-ket-htx: 5\n" in text and "    gan-voi-du-lich: 0\n" in text
    assert "question: Theo bạn" in text  # the editor's lines are kept
    assert portal(["poll-results", FIXTURE_POLL, "--content", str(content), "--db", str(database), "--now", after]) == 0  # again: replaced
    assert (content / "khao-sat" / f"{FIXTURE_POLL}.yml").read_text("utf-8") == text
    out = build_with_service(tmp_path, "http://127.0.0.1:9", content, PORTAL_NOW=after)
    page = (out / "khao-sat" / FIXTURE_POLL / "index.html").read_text("utf-8")
    article = (out / ARTICLE / "index.html").read_text("utf-8")
    for html in (page, article):
        poll = html.split('class="portal-poll"', 1)[1]
        assert "Khảo sát đã kết thúc" in poll and "Kết quả chỉ mang tính tham khảo" in poll and "<form" not in poll
        assert "<svg" in poll and '<table class="portal-figure-table">' in poll
        rows = re.findall(r'<tr><th scope="row">([^<]+)</th><td>(\d+)</td></tr>', poll)
        assert rows == [("Nâng cao chất lượng và hạng sao sản phẩm", "3"), ("Mở rộng thị trường, bán hàng trực tuyến", "1"),
                        ("Gắn với du lịch nông thôn và văn hóa địa phương", "0"), ("Liên kết sản xuất qua hợp tác xã", "5"), ("Tổng cộng", "9")]  # fmt: skip
    assert (out / "khao-sat" / FIXTURE_POLL / f"ket-qua-{FIXTURE_POLL}.csv").is_file()
    feed = feedparser.parse((out / "khao-sat" / "feed.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == 1
    item = feed.entries[0]
    assert item.link == f"{SITE_URL}khao-sat/{FIXTURE_POLL}/"
    assert item.title == "Kết quả khảo sát: Theo bạn, thực hiện Chương trình OCOP nên phát triển theo hướng nào?"
    assert "Kết quả chỉ mang tính tham khảo" in item.summary and item.published_parsed[:3] == (2027, 1, 5)
    assert 'href="feed.xml"' in (out / "khao-sat" / "index.html").read_text("utf-8")


def test_results_are_exported_only_from_a_known_poll(tmp_path, capsys):
    content = poll_content(tmp_path)
    Store(tmp_path / "votes.sqlite3").close()
    assert portal(["poll-results", "khong-co", "--content", str(content), "--db", str(tmp_path / "votes.sqlite3")]) == 1
    assert "không có khảo sát 'khong-co'" in capsys.readouterr().err
    assert portal(["poll-results", "da-dong", "--content", str(content), "--db", str(tmp_path / "votes.sqlite3")]) == 0
    assert "voters: 0" in (content / "khao-sat" / "da-dong.yml").read_text("utf-8")
    assert read_polls(content)[0]["da-dong"].data.results.counts == {"a": 0, "b": 0}  # type: ignore[union-attr]
