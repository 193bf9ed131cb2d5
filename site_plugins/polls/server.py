"""`portal poll-server`: the small HTTP service a poll's form posts to (standard library only).

    POST /bieu-quyet          poll=<id>&option=<id>[&option=<id>…]&back=<page URL>
                              → 303 to ``back`` (a page under the site's URL, never elsewhere)
    GET  /ket-qua/<id>.json   current counts, cacheable for 30 seconds

A vote is refused (4xx, a short Vietnamese page) unless its poll is open, its options are known,
distinct and within the poll's limit, the body is a small form (``MAX_BODY``), the client has not
voted on this poll within ``window`` seconds (store.py: an HMAC of its address, never the address)
and the client is under the rate limit. Behind a reverse proxy on the same machine,
``trust_proxy`` takes the client's address from X-Forwarded-For — only when the connection comes
from 127.0.0.1 or ::1."""

from __future__ import annotations

import ipaddress
import json
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from markupsafe import escape

from ..common import urls
from ..common.problems import ContentError
from ..common.vietnamese import VN_TZ
from ..content.polls import Poll, read_polls
from .store import Keys, Store

MAX_BODY = 2048  # bytes of a vote: a form of a few fields
MAX_FIELDS = 30
LOCAL = {"127.0.0.1", "::1"}


@dataclass
class Settings:
    content_dir: Path
    database: Path
    site_url: str  # https://example.vn/ — the only place votes redirect to
    window: float = 24 * 3600  # seconds during which a client's second vote on a poll is refused
    rate: int = 20  # requests a client may make a minute
    trust_proxy: bool = False  # read X-Forwarded-For from a proxy on 127.0.0.1
    now: Callable[[], datetime] = lambda: datetime.now(VN_TZ)


class Refused(Exception):
    def __init__(self, status: int, text: str):
        super().__init__(text)
        self.status, self.text = status, text


class RateLimit:
    """At most ``rate`` requests a minute per client key (kept in memory; bounded)."""

    def __init__(self, rate: int):
        self.rate, self.lock = rate, threading.Lock()
        self.seen: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        with self.lock:
            if len(self.seen) > 50_000:  # forget idle clients
                self.seen = {k: q for k, q in self.seen.items() if q and q[-1] > now - 60}
            times = self.seen.setdefault(key, deque())
            while times and times[0] <= now - 60:
                times.popleft()
            if len(times) >= self.rate:
                return False
            times.append(now)
            return True


class PollService:
    """The polls (read once, validated like the build reads them), the store and the rules."""

    def __init__(self, settings: Settings):
        self.settings = settings
        polls, problems = read_polls(settings.content_dir)
        if [p for p in problems if not p.warning]:
            raise ContentError(problems)
        self.polls: dict[str, Poll] = polls
        self.store = Store(settings.database)
        self.keys = Keys(lambda: settings.now().astimezone(VN_TZ).date())
        self.limit = RateLimit(settings.rate)
        site = urlsplit(settings.site_url)
        self.site = (site.scheme, site.netloc, site.path if site.path.endswith("/") else f"{site.path}/")

    def back(self, value: str) -> str:
        """The page to return to: only an http(s) URL under the site's URL."""
        if any(c in value for c in "\r\n\\") or len(value) > 1000:
            raise Refused(400, "Địa chỉ trang quay lại không hợp lệ.")
        parts = urlsplit(value)
        if (parts.scheme, parts.netloc) != self.site[:2] or not parts.path.startswith(self.site[2]) or "/../" in parts.path:
            raise Refused(400, "Địa chỉ trang quay lại không thuộc cổng thông tin.")
        return value

    def vote(self, form: dict[str, list[str]], client: str) -> str:
        """Record a vote from a parsed form; the URL to redirect to."""
        if set(form) - {"poll", "option", "back"} or len(form.get("poll", [])) != 1 or len(form.get("back", [])) != 1:
            raise Refused(400, "Phiếu không đúng mẫu.")
        back = self.back(form["back"][0])
        poll = self.polls.get(form["poll"][0])
        if poll is None:
            raise Refused(404, "Không có khảo sát này.")
        now = self.settings.now()
        state = poll.state(now)
        if state != "open":
            raise Refused(403, "Khảo sát chưa mở." if state == "upcoming" else "Khảo sát đã kết thúc.")
        chosen = form.get("option", [])
        if not chosen:
            raise Refused(400, "Chưa chọn phương án nào.")
        if len(set(chosen)) != len(chosen) or set(chosen) - set(poll.option_ids):
            raise Refused(400, "Phương án không có trong khảo sát.")
        if len(chosen) > poll.limit:
            raise Refused(400, f"Chỉ được chọn tối đa {poll.limit} phương án.")
        if not self.store.vote(poll.id, self.keys.keys(client), chosen, now, self.settings.window):
            raise Refused(409, "Bạn đã gửi ý kiến cho khảo sát này. Cảm ơn bạn!")
        return back

    def results(self, poll_id: str) -> dict:
        poll = self.polls.get(poll_id)
        if poll is None:
            raise Refused(404, "Không có khảo sát này.")
        state = poll.state(self.settings.now())
        if state == "upcoming" or (state == "open" and not poll.data.show_results):
            raise Refused(403, "Kết quả khảo sát chưa được công bố.")
        voters, counts = self.store.counts(poll.id)
        return {"poll": poll.id, "question": poll.data.question, "state": state, "voters": voters,
                "counts": {o: counts.get(o, 0) for o in poll.option_ids}, "note": "Kết quả chỉ mang tính tham khảo"}  # fmt: skip


class Handler(BaseHTTPRequestHandler):
    server: Server
    timeout = 10  # seconds a client may take to send its request
    server_version = "portal-poll"
    sys_version = ""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def client(self) -> str:
        address = self.client_address[0]
        if self.server.service.settings.trust_proxy and address in LOCAL and (forwarded := self.headers.get("X-Forwarded-For")):
            address = forwarded.split(",")[-1].strip()  # the address the proxy itself saw ($proxy_add_x_forwarded_for)
            ipaddress.ip_address(address)  # ValueError: refused
        return address

    def do_POST(self) -> None:
        service = self.server.service
        try:
            if urlsplit(self.path).path != f"/{urls.POLL_VOTE}":
                raise Refused(404, "Không có trang này.")
            try:
                client = self.client()
            except ValueError:
                raise Refused(400, "Địa chỉ chuyển tiếp không hợp lệ.") from None
            if not service.limit.allow(service.keys.keys(client)[0]):
                raise Refused(429, "Bạn gửi quá nhiều yêu cầu. Xin thử lại sau một phút.")
            length = self.headers.get("Content-Length", "")
            if not length.isdigit():
                raise Refused(411, "Thiếu độ dài phiếu.")
            if int(length) > MAX_BODY:
                raise Refused(413, "Phiếu quá lớn.")
            if self.headers.get_content_type() != "application/x-www-form-urlencoded":
                raise Refused(415, "Phiếu không đúng mẫu.")
            body = self.rfile.read(int(length))
            try:
                form = parse_qs(body.decode("ascii"), strict_parsing=True, errors="strict", max_num_fields=MAX_FIELDS)
            except (UnicodeDecodeError, ValueError):
                raise Refused(400, "Phiếu không đúng mẫu.") from None
            back = service.vote(form, client)
        except Refused as refused:
            self.refuse(refused)
            return
        self.send_response(303)
        self.send_header("Location", back)
        self.send_header("Content-Length", "0")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        try:
            if not (path.startswith("/ket-qua/") and path.endswith(".json")):
                raise Refused(404, "Không có trang này.")
            data = self.server.service.results(path.removeprefix("/ket-qua/").removesuffix(".json"))
        except Refused as refused:
            self.refuse(refused)
            return
        body = json.dumps(data, ensure_ascii=False, sort_keys=True).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "public, max-age=30")
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(body)

    def refuse(self, refused: Refused) -> None:
        back = self.server.service.settings.site_url
        page = (f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>Khảo sát</title>'
                f'<p>{escape(refused.text)}</p><p><a href="{escape(back)}">Về trang chủ</a></p></html>').encode()  # fmt: skip
        self.send_response(refused.status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(page)
        self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], service: PollService):
        super().__init__(address, Handler)
        self.service = service


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8765, ready: Callable[[Server], None] | None = None) -> None:
    service = PollService(settings)
    with Server((host, port), service) as server:
        if ready:
            ready(server)
        try:
            server.serve_forever()
        finally:
            service.store.close()
