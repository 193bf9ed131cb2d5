"""First paint: Material's stylesheet cut to what the pages use, scripts deferred, pre-compressed
assets — and nothing looks different. Every element of every page kind, at 360 and 1280 px, has the
same computed style with the cut stylesheet as with Material's whole one. (The paint itself on an
emulated slow 3G link is timed by scripts/benchmark.py --first-paint: docs/BENCHMARK.md.)"""

from __future__ import annotations

import gzip
import re

import pytest
from helpers import serve_folder

from site_plugins.output.stylesheet import FILE, MATERIAL_CSS, cut, page_classes

PAGES = ["", "tin-tuc/", "tin-tuc/kim-son-giu-nghe-coi/", "htx/", "htx/htx-coi-my-nghe-kim-son/", "van-ban/", "van-ban/nhiem-vu/",
         "co-quan/", "co-quan/lien-minh-htx-viet-nam/", "dia-phuong/", "tim-kiem/", "feeds/", "van-ban/du-lieu/", "chuyen-muc/", "404.html"]  # fmt: skip
# every element's computed style, as one string per element (tag, classes and the values)
STYLES = """() => Array.from(document.querySelectorAll('body *')).map(e => {
  const s = getComputedStyle(e); let out = e.tagName + '.' + e.className + ':';
  for (let i = 0; i < s.length; i++) out += s[i] + '=' + s.getPropertyValue(s[i]) + ';';
  return out; })"""


def test_the_cut_stylesheet_is_small_and_the_scripts_wait(site):
    whole = next(site.root.glob(MATERIAL_CSS)).read_bytes()
    kept = (site.root / FILE).read_bytes()
    assert len(kept) < 0.45 * len(whole), (len(kept), len(whole))
    article = site.text("tin-tuc/kim-son-giu-nghe-coi/index.html")
    head = article.split("</head>")[0]
    sheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"(?! media="print")>', head)
    assert [s.rsplit("/", 1)[-1] for s in sheets] == ["portal-material.css", "portal.css"]  # Material's whole stylesheet is never linked
    for script in re.findall(r"<script\b[^>]*\bsrc=[^>]*>", article):
        assert " defer" in script or " async" in script, script  # no script delays the paint
    for name in (FILE, "assets/portal.css", "assets/portal.js"):
        assert gzip.decompress((site.root / f"{name}.gz").read_bytes()) == (site.root / name).read_bytes()


def test_a_rule_is_dropped_only_when_no_page_can_use_it():
    css = ".a{color:red}.b .c{color:blue}.d:not(.e){color:green}@media (min-width:10em){.c{margin:0}.a{margin:1px}}:root{--x:1}p{margin:0}"
    assert cut(css, {"a", "d"}) == ".a{color:red}.d:not(.e){color:green}@media (min-width:10em){.a{margin:1px}}:root{--x:1}p{margin:0}"
    assert page_classes("<p class='x y'><a class=\"z\">") == {"x", "y", "z"}


@pytest.mark.parametrize("width", [360, 1280])
def test_every_element_looks_the_same_as_with_materials_whole_stylesheet(site, browser, width):
    whole = next(site.root.glob(MATERIAL_CSS)).name
    page = browser.new_page(viewport={"width": width, "height": 900})
    differences = []
    with serve_folder(site.root) as base:
        for path in PAGES:
            assert page.goto(base + path, wait_until="networkidle").ok, path  # the scripts have done their work
            page.add_style_tag(content="*,*::before,*::after{transition:none!important;animation:none!important}")  # no state mid-way
            cut_styles = page.evaluate(STYLES)
            page.evaluate(f"""() => new Promise(done => {{
                const link = document.querySelector('link[href$="portal-material.css"]');
                link.onload = done; link.href = link.href.replace('portal-material.css', '{whole}'); }})""")
            whole_styles = page.evaluate(STYLES)
            assert len(cut_styles) == len(whole_styles) > 20, path
            differences += [(path, a[:200], b[:200]) for a, b in zip(cut_styles, whole_styles, strict=True) if a != b]
    page.close()
    assert differences == [], differences[:3]
