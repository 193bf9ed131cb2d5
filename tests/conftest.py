"""Fixtures: the catalog of the frozen fixture site, that site built once per session, and
Debian's headless Chromium. What tests share besides fixtures is in helpers.py.

Tests never read the live content/ folder (editors change it freely); tests/fixtures/site/ is a
frozen copy of a realistic site. One test checks that the live content passes `portal check`."""

from __future__ import annotations

import os
import shutil

import pytest
from helpers import CHROMIUM, CHROMIUM_ARGS, CONTENT, NOW, Site, build_site, shared_cache

from site_plugins.catalog.loading import load_catalog
from site_plugins.content.schema import parse_datetime

_MADE_CACHE: list = []


def pytest_configure(config):
    """One shared cache of renditions and cards for the run (and every xdist worker of it)."""
    if not os.environ.get("PORTAL_TEST_CACHE") and not hasattr(config, "workerinput"):
        _MADE_CACHE.append(shared_cache().parent)


def pytest_unconfigure(config):
    for folder in _MADE_CACHE:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def catalog():
    return load_catalog(CONTENT, parse_datetime(NOW))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, result.stderr
    return Site(out)


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
