"""What the tests share: the frozen fixture site and how to build variants of it, a served folder,
hostile strings, and small editors of fixture files. Tests import from here, never from another
test module (conftest.py holds only the fixtures).

Every variant build uses one image and card cache per test run (``SHARED_CACHE``), so each
picture is encoded and each social card drawn once per run, whatever the number of variants;
a test of the cache itself passes ``private_cache=True``."""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from lxml import html

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT = FIXTURES / "site"  # the frozen fixture site every test builds
NOW = "2026-11-25T12:00"  # fixed "now": the draft and the 2027 article stay hidden
SITE_URL = "https://kinhtetapthe.example.vn/"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip


class Site:
    """A built site folder with helpers to read its pages."""

    def __init__(self, root: Path):
        self.root = root

    def path(self, url: str) -> Path:
        url = url.strip("/")
        target = self.root / url
        return target / "index.html" if not url or target.is_dir() else target

    def exists(self, url: str) -> bool:
        return self.path(url).exists()

    def html(self, url: str):
        return html.fromstring(self.path(url).read_bytes())

    def text(self, url: str) -> str:
        return self.path(url).read_text("utf-8")

    def main_text(self, url: str) -> str:
        return " ".join(self.html(url).xpath("//article[contains(@class,'md-content__inner')]")[0].text_content().split())

    def html_pages(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


def shared_cache() -> Path:
    """The run's one cache of renditions and cards: made by the first process that asks (conftest's
    pytest_configure, before any xdist worker starts) and handed to the others in the environment.
    Cache entries are written atomically and checked on reuse, so workers may share it."""
    folder = os.environ.get("PORTAL_TEST_CACHE")
    if not folder:
        folder = os.environ["PORTAL_TEST_CACHE"] = tempfile.mkdtemp(prefix="portal-test-cache-")
    return Path(folder) / "images"


def site_config(folder: Path, content: Path = CONTENT, private_cache: bool = False) -> Path:
    """The project's own mkdocs.yml, building ``content`` instead of the live content/, with the
    run's shared cache of renditions and cards unless ``private_cache``."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "mkdocs.yml"
    text = (ROOT / "mkdocs.yml").read_text("utf-8").replace("docs_dir: content", f"docs_dir: {content}")
    text = text.replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}")
    if not private_cache:
        text = text.replace("  - portal:\n", f"  - portal:\n      image_cache: {shared_cache()}\n", 1)
    config.write_text(text, "utf-8")
    return config


def build_site(out: Path, config: Path | None = None, strict: bool = True, flags: tuple[str, ...] = (), **env) -> subprocess.CompletedProcess:
    """Build with MkDocs (more ``flags`` for `mkdocs build`); the fixture site unless another config is given."""
    if config is None:
        config = site_config(out.parent / f"{out.name}-config")
    environment = {**os.environ, "PORTAL_NOW": NOW, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, **env}
    flags = ("--strict", *flags) if strict else flags
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *flags, "-f", str(config), "-d", str(out)], env=environment, capture_output=True, text=True, cwd=ROOT
    )


def copy_content(folder: Path) -> Path:
    """A copy of the fixture site's content, to change."""
    content = folder / "content"
    shutil.copytree(CONTENT, content)
    return content


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class _Gzip(_Quiet):
    """Compresses text files on the fly, as a web server with `gzip on` does."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        path = path / "index.html" if path.is_dir() else path
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in {".html", ".css", ".js", ".json", ".svg", ".xml"} or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@contextlib.contextmanager
def serve_folder(root: Path, gzip_on: bool = False) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (an ephemeral port) while the block runs."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Gzip if gzip_on else _Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@contextlib.contextmanager
def opened(browser, url: str | None, width: int, javascript: bool = True):
    """A page in a fresh browser context ``width`` px wide, at ``url`` once the network is idle (none: blank)."""
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    try:
        page = context.new_page()
        if url is not None:
            page.goto(url, wait_until="networkidle")
        yield page
    finally:
        context.close()


def edit_entry(path: Path, change) -> None:
    """Change an entry's front matter (a dict, in place) and, when ``change`` returns a string, its body."""
    _, head, body = path.read_text("utf-8").split("---\n", 2)
    data = yaml.safe_load(head)
    new_body = change(data)
    path.write_text(f"---\n{yaml.safe_dump(data, allow_unicode=True, sort_keys=False)}---\n{new_body if isinstance(new_body, str) else body}", "utf-8")


def edit_registry(path: Path, item_id: str, **fields) -> None:
    items = yaml.safe_load(path.read_text("utf-8"))
    next(i for i in items if i["id"] == item_id).update(fields)
    path.write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False), "utf-8")


# Hostile strings: every one must reach readers as written, and none may run.
LEGIT = "Doanh thu tăng >20% & lãi <5 tỷ \"kỷ lục\" 'mới'"  # a real headline: must be shown as written
UNCLOSED = "Tin <img src=x onerror=window.__pwned=1"  # a tag left open: no '>' to close it
QUOTES = 'Tin " onmouseover="window.__pwned=1" data-x="'  # attribute injection through quotes
ENTITIES = "Tin &lt;script&gt;window.__pwned=1&lt;/script&gt;"  # entities that decode to a tag
HOSTILE = (LEGIT, UNCLOSED, QUOTES, ENTITIES)
BODY = """Đoạn mở đầu an toàn.

<script>window.__pwned = 1</script>

<img src="../anh/che-shan-tuyet.jpg" onerror="window.__pwned = 1" alt="ảnh">

[Liên kết độc](javascript:window.__pwned=1) và [dữ liệu](data:text/html,<script>window.__pwned=1</script>)

<svg><script>window.__pwned = 1</script></svg>

<iframe src="https://evil.example/"></iframe>

<p onclick="window.__pwned = 1">Đoạn có sự kiện.</p>
"""


def scheme(page) -> dict[str, list[str]]:
    """The "Lược đồ" of a built document page: group id ("can-cu-di": what it cites as căn cứ,
    "can-cu-den": what cites it so) → the lines listed; heading counts are checked against them."""
    groups = {}
    for heading in page.xpath("//section[@id='luoc-do']//h4"):
        items = [" ".join(li.text_content().split()) for li in heading.getnext().xpath("li")]
        assert heading.xpath("span")[0].text == f"({len(items)})"
        groups[heading.get("id").removeprefix("luoc-do-")] = items
    assert groups, "no 'Lược đồ' on the page"
    return groups


def write_document(content: Path, name: str, body: str) -> None:
    """A document entry written as front matter lines (a few fields) and a short body."""
    (content / "van-ban" / name).write_text(f"---\n{body.strip()}\n---\n\nNội dung.\n", "utf-8")
