"""Shared fixtures: the catalog of the frozen fixture site, and that site built once per session.

Tests never read the live content/ folder (editors change it freely); tests/fixtures/site/ is a
frozen copy of a realistic site. One test checks that the live content passes `portal check`."""

from __future__ import annotations

import contextlib
import functools
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from lxml import html

from site_plugins.catalog.loading import load_catalog
from site_plugins.content.schema import parse_datetime

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CONTENT = FIXTURES / "site"  # the frozen fixture site every test builds
NOW = "2026-11-25T12:00"  # fixed "now": the draft and the 2027 article stay hidden
SITE_URL = "https://kinhtetapthe.example.vn/"


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


def site_config(folder: Path, content: Path = CONTENT) -> Path:
    """The project's own mkdocs.yml, building ``content`` instead of the live content/."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(
        (ROOT / "mkdocs.yml")
        .read_text("utf-8")
        .replace("docs_dir: content", f"docs_dir: {content}")
        .replace("custom_dir: theme", f"custom_dir: {ROOT / 'theme'}"),
        "utf-8",
    )
    return config


def build_site(out: Path, config: Path | None = None, strict: bool = True, **env) -> subprocess.CompletedProcess:
    """Build with MkDocs; the fixture site unless another config is given."""
    if config is None:
        config = site_config(out.parent / f"{out.name}-config")
    environment = {**os.environ, "PORTAL_NOW": NOW, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL, **env}
    flags = ["--strict"] if strict else []
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *flags, "-f", str(config), "-d", str(out)], env=environment, capture_output=True, text=True, cwd=ROOT
    )


@pytest.fixture(scope="session")
def catalog():
    return load_catalog(CONTENT, parse_datetime(NOW))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    return Site(out)


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]  # fmt: skip


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextlib.contextmanager
def serve_folder(root: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 (an ephemeral port) while the block runs."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium. Missing: skipped for a newcomer, an error under CI=true."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            raise RuntimeError("CI=true but /usr/bin/chromium is missing: scripts/test.sh installs it with apt-get")
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
