"""The listings layer: one declaration per list, and the dependency map it gives."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from helpers import CONTENT, NOW, ROOT, build_site, site_config

from site_plugins.catalog.loading import load_catalog
from site_plugins.common.problems import ContentError
from site_plugins.content.schema import parse_datetime
from site_plugins.views.dependencies import dependency_map
from site_plugins.views.listings import Listings
from site_plugins.views.siteviews import Settings, SiteViews


class _Loader(yaml.SafeLoader):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
PLUGIN = next(p["portal"] for p in yaml.load((ROOT / "mkdocs.yml").read_text("utf-8"), _Loader)["plugins"] if isinstance(p, dict) and "portal" in p)
ARTICLE = "tin-2024-05-29-kim-son-nghe-coi"  # shown on many lists: column, tags, province, agency, home, related…


def site_model(content: Path):
    catalog = load_catalog(content, parse_datetime(NOW))
    listings = Listings(catalog, "Kinh tế tập thể, Hợp tác xã")
    views = SiteViews(catalog, listings, Settings(PLUGIN["page_size"], PLUGIN["related"], PLUGIN["home_column"]))
    return catalog, listings, views, dependency_map(views, listings, PLUGIN["feed_limit"])


def test_every_page_of_a_list_and_its_feeds_come_from_one_declaration(catalog):
    listings = Listings(catalog, "Trang")
    views = SiteViews(catalog, listings)
    for listing in listings.with_pages():
        page = views.pages[listing.url]
        assert page.feeds[0] is listing or listing in page.feeds, listing.key
        assert page.feeds[-1] is listings["site"]
    # a list without a page of its own (an agency with its child agencies) is advertised by the page it belongs to
    everything = listings["agency-all:lien-minh-htx-viet-nam"]
    assert everything.layout == "" and everything.folder == "co-quan/lien-minh-htx-viet-nam/tat-ca/"
    tasks = listings["tasks:lien-minh-htx-viet-nam"]  # its tasks coming due, written to …/nhiem-vu/
    assert tasks.layout == "" and tasks.folder == "co-quan/lien-minh-htx-viet-nam/nhiem-vu/"
    assert views.pages["co-quan/lien-minh-htx-viet-nam/"].feeds == [listings["agency:lien-minh-htx-viet-nam"], everything, tasks, listings["site"]]
    keys = [x.key for x in listings]
    assert len(keys) == len(set(keys))


def _outputs(site: Path) -> dict[str, bytes]:
    """Pages, feeds and the registry's data files of a built site (not the search index, rebuilt whole, or the sitemap)."""
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file()
        and p.suffix in (".html", ".xml", ".json")
        and not p.relative_to(site).as_posix().startswith("pagefind/")
        and not p.name.startswith("sitemap")
    }


def test_changing_a_title_changes_exactly_the_files_the_dependency_map_names(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    before = build_site(tmp_path / "before", site_config(tmp_path / "c1", content))
    assert before.returncode == 0, before.stderr
    *_, deps = site_model(content)
    source = content / "tin-tuc/kim-son-giu-nghe-coi.md"
    text = source.read_text("utf-8")
    old_title = next(line for line in text.splitlines() if line.startswith("title:"))
    source.write_text(text.replace(old_title, "title: Kim Sơn giữ nghề cói truyền thống (đã sửa)"), "utf-8")
    after = build_site(tmp_path / "after", site_config(tmp_path / "c2", content))
    assert after.returncode == 0, after.stderr
    first, second = _outputs(tmp_path / "before"), _outputs(tmp_path / "after")
    assert first.keys() == second.keys()
    changed = {path for path in first if first[path] != second[path]}
    named = deps.pages_showing(ARTICLE)
    assert changed == named
    # and it is a real spread of outputs, not just the article's own page
    assert {
        "tin-tuc/kim-son-giu-nghe-coi/index.html",
        "index.html",
        "feed.xml",
        "atom.xml",
        "feed.json",
        "dia-phuong/ninh-binh/index.html",
        "tu-khoa/ocop/index.html",
        "htx/htx-coi-my-nghe-kim-son/index.html",
    } <= named
    assert len(named) > 30


def test_pages_showing_an_unknown_entry_is_empty(catalog):
    *_, deps = site_model(CONTENT)
    assert deps.pages_showing("no-such-entry") == set()
    assert "van-ban/index.json" in deps.pages_showing("kh-145-lmhtxvn-2021")


def test_a_url_clash_is_reported_with_the_field_errors(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    plan = content / "van-ban/145-kh-lmhtxvn-2021.md"
    plan.write_text(plan.read_text("utf-8").replace("\ntags:", "\nslug: 70-kl-tw\ntags:", 1), "utf-8")  # the page of cited 70-KL/TW
    article = content / "tin-tuc/kim-son-giu-nghe-coi.md"
    article.write_text(article.read_text("utf-8").replace("date: 2024-05-29", "date: 2024-05-32", 1), "utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalog(content, parse_datetime(NOW))
    messages = [str(p) for p in caught.value.problems]
    assert any("kim-son-giu-nghe-coi.md" in m and "date: '2024-05-32" in m for m in messages)
    assert any(
        m.startswith("content/van-ban/145-kh-lmhtxvn-2021.md:")
        and "slug: đường dẫn /van-ban/70-kl-tw/ trùng với một trang hệ thống tự tạo — đặt 'slug:' khác cho bài này" in m
        for m in messages
    )
