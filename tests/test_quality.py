"""Valid HTML on every built page (Nu Html Checker) and no accessibility violation (axe-core,
WCAG 2.0/2.1 A and AA) on every page kind at phone and desktop width."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from helpers import ROOT, serve_folder

sys.path.insert(0, str(ROOT / "scripts"))
from screenshots import PAGE_KINDS

TOOLS = ROOT / "node_modules"
VNU = TOOLS / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = TOOLS / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _need(ready: bool, what: str) -> None:
    if not ready:
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"CI=true but {what} is missing: scripts/test.sh installs it")
        pytest.skip(f"{what} is missing (bash scripts/test.sh installs it)")


def test_every_page_is_valid_html(site):
    _need(VNU.exists() and shutil.which("java") is not None, "vnu.jar (npm vnu-jar) or Java")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", "--skip-non-html", str(site.root)],
                            capture_output=True, text=True)  # fmt: skip
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{m.get('url', '').split(str(site.root))[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]
    assert errors == [], "\n".join(errors[:30])
    assert len(site.html_pages()) > 100  # it checked the whole site


def test_the_checker_finds_errors(tmp_path):
    """vnu is really looking: a page with the error Material's own toggles used to carry fails."""
    _need(VNU.exists() and shutil.which("java") is not None, "vnu.jar (npm vnu-jar) or Java")
    (tmp_path / "x.html").write_text('<!doctype html><html lang="vi"><head><title>x</title></head><body>'
                                     '<input type="checkbox" autocomplete="off"></body></html>', "utf-8")  # fmt: skip
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(tmp_path / "x.html")], capture_output=True, text=True)
    assert any("autocomplete" in m["message"] for m in json.loads(result.stderr)["messages"])


def _axe(page) -> list[str]:
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]


@pytest.fixture(scope="module")
def served(site):
    with serve_folder(site.root) as base:
        yield base


@pytest.fixture(scope="module")
def tabs(browser):
    """One browser tab per width, with axe-core loaded into every page it opens."""
    _need(AXE.exists(), "axe-core (npm)")
    contexts = {width: browser.new_context(viewport={"width": width, "height": 800}) for width in (360, 1280)}
    for context in contexts.values():
        context.add_init_script(path=str(AXE))
    yield {width: context.new_page() for width, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_axe_finds_no_violation(tabs, served, kind, width):
    page = tabs[width]
    page.goto(served + PAGE_KINDS[kind], wait_until="load")
    if kind == "search":  # its results come after the page has loaded
        page.wait_for_function("document.querySelectorAll('.portal-result').length > 0")
    assert page.evaluate("typeof axe") == "object"  # the checker is really there
    assert _axe(page) == []


@pytest.mark.browser
def test_axe_finds_what_it_must(tabs, tmp_path):
    """The check above can fail: a picture without alt text and grey-on-white text are found."""
    (tmp_path / "index.html").write_text('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>x</title></head><body><main>'
                                         '<img src="a.png"><p style="color:#bbb">Chữ mờ</p></main></body></html>', "utf-8")  # fmt: skip
    with serve_folder(tmp_path) as base:
        tabs[360].goto(base, wait_until="load")
        found = " ".join(_axe(tabs[360]))
    assert "image-alt" in found and "color-contrast" in found


@pytest.mark.browser
def test_keyboard_reaches_the_menu_and_focus_is_visible(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        page.goto(served)
        page.keyboard.press("Tab")  # the skip link comes first
        assert page.evaluate("document.activeElement.getAttribute('href')") == "#noi-dung"
        for _ in range(3):
            page.keyboard.press("Tab")
        outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("", "none"), page.evaluate("document.activeElement.outerHTML")
    finally:
        context.close()


@pytest.mark.browser
def test_reading_works_without_javascript(browser, served):
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(served + PAGE_KINDS["article"])
        assert page.locator("h1").first.is_visible() and page.locator(".portal-body p").count() > 2
        page.goto(served + PAGE_KINDS["documents"])
        assert page.locator("table.portal-documents tbody tr").count() >= 5
    finally:
        context.close()
