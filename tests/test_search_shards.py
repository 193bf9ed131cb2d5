"""The search bundle in shards (output/searchbundle.py): one Pagefind index per section and year of
articles, merged by the search page with Pagefind's mergeIndex; filters across the shards; older
years searched when the reader asks; a shard whose records did not change is not indexed again."""

from __future__ import annotations

import json
from urllib.parse import quote

import pytest
from helpers import build_site, copy_content, serve_folder, site_config

from site_plugins.output.outputfiles import link_tree
from site_plugins.output.search import records
from site_plugins.output.searchbundle import MANIFEST, ShardCache, shards, write_index

ARTICLE = "tin-tuc/du-lich-cong-dong-van-long.md"  # published in 2023


def test_the_bundle_has_one_index_per_section_and_year(site, catalog):
    bundle = site.root / "pagefind"
    listed = json.loads((bundle / MANIFEST).read_text("utf-8"))["shards"]
    paths = [s["path"] for s in listed]
    assert {"htx/", "van-ban/", "su-kien/"} <= set(paths) and len(paths) == len(set(paths)) == 9
    years = [s["year"] for s in listed if s["path"].startswith("tin-tuc-")]
    assert years == sorted(years, reverse=True) and years[0] == 2025 and len(years) == 6
    assert all(s["recent"] for s in listed)  # the fixture's 17 articles: fewer than RECENT, all searched first
    for shard in listed:  # each an index of its own, without the primary's scripts and WebAssembly
        entry = json.loads((bundle / shard["path"] / "pagefind-entry.json").read_text("utf-8"))
        assert entry["languages"]["vi"]["page_count"] == shard["records"] > 0
        assert not list((bundle / shard["path"]).glob("*.js")) and not list((bundle / shard["path"]).glob("wasm.*"))
    primary = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))["languages"]["vi"]["page_count"]
    assert (bundle / "pagefind.js").exists() and (bundle / "wasm.unknown.pagefind").exists()
    registries = len(catalog.registries.agencies) + len(catalog.registries.provinces)
    assert primary == registries and primary + sum(s["records"] for s in listed) == len(catalog.entries) + registries


def test_recent_shards_are_the_newest_years_until_they_hold_enough_articles(catalog):
    made = shards(records(catalog, lambda entry: f"<p>{entry.body}</p>"), recent=5)
    assert [s.name for s in made][:4] == ["", "htx", "su-kien", "van-ban"] and all(s.recent for s in made[:4])
    articles = [(s.year, len(s.records), s.recent) for s in made if s.section == "tin-tuc"]
    assert articles == [(2025, 1, True), (2024, 6, True), (2023, 2, False), (2022, 3, False), (2021, 2, False), (2020, 1, False)]


@pytest.fixture()
def page(browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.fetched = []
    page.on("request", lambda r: page.fetched.append(r.url) if "/pagefind/" in r.url else None)
    yield page
    page.close()


def shown(page, base: str, query: str, **filters: str) -> list[str]:
    params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items() if v)
    page.goto(f"{base}tim-kiem/?{params}")
    page.wait_for_function("window.portalSearchReady !== undefined")
    page.evaluate("window.portalSearchReady")
    return [href.replace(base, "") for href in page.eval_on_selector_all(".portal-result__title a", "as => as.map(a => a.href)")]


def total(page) -> int:
    status = page.locator("[data-portal-search-status]").inner_text()
    return int(status.split()[0]) if status[:1].isdigit() else 0


@pytest.fixture(scope="module")
def served(site):
    with serve_folder(site.root) as base:
        yield base


def test_one_query_finds_results_of_several_shards_and_filters_work_across_them(page, served):
    found = shown(page, served, "hop tac xa")
    sections = {url.split("/")[0] for url in found}
    assert {"tin-tuc", "htx", "van-ban"} <= sections, found
    merged = {url.split("/pagefind/")[1].split("/")[0] for url in page.fetched if "pagefind-entry.json" in url}
    assert len(merged) == 10  # the primary index and the nine shards of shards.json
    # a filter every kind has (the province), in one query over every shard
    place = shown(page, served, "hop tac xa", **{"dia-phuong": "Tỉnh Đắk Lắk"})
    assert len(place) == total(page) >= 2 and {url.split("/")[0] for url in place} >= {"htx", "tin-tuc"}
    # the kind of entry: articles of several years (several shards), nothing else
    articles = shown(page, served, "hop tac xa", loai="Tin bài")
    assert len(articles) == total(page) > 5 and all(url.startswith("tin-tuc/") for url in articles)
    page.locator("[data-portal-filters] summary").click()
    page.wait_for_function("document.querySelectorAll('select[name=nam] option').length > 3")
    years = page.eval_on_selector_all("select[name=nam] option", "os => os.map(o => o.value).filter(Boolean)")
    assert {"2020", "2021", "2022", "2023", "2024", "2025"} <= set(years)  # the counts of every shard, added up
    # a filter only some shards know (the document type): the others give nothing
    plans = shown(page, served, "hop tac xa", **{"loai-van-ban": "Kế hoạch"})
    assert plans and all(url.startswith("van-ban/") for url in plans)


def test_a_word_missing_from_one_shard_is_not_left_out_of_its_results(page, served):
    """Pagefind drops a query word its index lacks: "hợp tác xã Ea Kiết" must not bring every page of
    a shard without "kiết" that says "hợp tác xã"."""
    found = shown(page, served, "hợp tác xã Ea Kiết")
    assert found and total(page) < 10, found
    assert "htx/htx-ca-phe-ea-kiet/" in found


@pytest.fixture(scope="module")
def older_years(site, catalog, tmp_path_factory):
    """The fixture site with its bundle written as a larger portal's: only the newest years that hold
    five articles (2025 and 2024) are recent."""
    root = tmp_path_factory.mktemp("older") / "site"
    link_tree(site.root, root)
    made = write_index(records(catalog, lambda entry: f"<p>{entry.body}</p>"), root, tmp_path_factory.mktemp("search-cache"), recent=5)
    assert made.shards == 10
    with serve_folder(root) as base:
        yield base


def test_older_years_are_searched_when_the_reader_asks(page, older_years):
    recent = shown(page, older_years, "hop tac xa")
    first = total(page)
    assert first > 5 and not [url for url in page.fetched if "/pagefind/tin-tuc-2023/" in url]
    note = page.locator("[data-portal-older]")
    assert note.is_visible() and "Chưa tìm trong tin bài các năm 2020–2023" in note.inner_text()
    page.get_by_role("button", name="Tìm cả các năm trước").click()
    page.wait_for_function(f"parseInt(document.querySelector('[data-portal-search-status]').textContent) > {first}")
    assert not note.is_visible()
    assert [url for url in page.fetched if "/pagefind/tin-tuc-2020/pagefind-entry.json" in url]
    everything = page.eval_on_selector_all(".portal-result__title a", "as => as.map(a => a.href)")
    assert len(everything) >= len(recent)


def test_a_year_filter_or_a_query_found_only_in_older_years_searches_them(page, older_years):
    in2021 = shown(page, older_years, "", nam="2021")
    assert in2021 and any(url.startswith("tin-tuc/") for url in in2021), in2021
    assert [url for url in page.fetched if "/pagefind/tin-tuc-2021/" in url]
    assert not [url for url in page.fetched if "/pagefind/tin-tuc-2022/" in url]
    page.fetched.clear()
    assert shown(page, older_years, "lượt") == ["tin-tuc/du-lich-cong-dong-van-long/"]  # only in an article of 2023
    assert [url for url in page.fetched if "/pagefind/tin-tuc-2023/" in url]
    assert not page.locator("[data-portal-older]").is_visible()  # every year searched


def test_a_second_build_indexes_only_the_shard_of_the_changed_record(tmp_path):
    content = copy_content(tmp_path)
    config = site_config(tmp_path / "config", content, private_cache=True)
    cache = tmp_path / "config" / ".cache" / "search"
    first = build_site(tmp_path / "one", config)
    assert first.returncode == 0, first.stderr
    before = {p.name for p in cache.iterdir()}
    assert len(before) == 10
    article = content / ARTICLE
    article.write_text(article.read_text("utf-8").replace("Du lịch cộng đồng Vân Long", "Du lịch sinh thái Vân Long", 1), "utf-8")
    second = build_site(tmp_path / "two", config)
    assert second.returncode == 0, second.stderr
    made = {p.name for p in cache.iterdir()} - before
    assert len(made) == 1
    (new,) = made
    assert (cache / new / "pagefind-entry.json").exists() and not (cache / new / "pagefind.js").exists()
    page_count = json.loads((cache / new / "pagefind-entry.json").read_text("utf-8"))["languages"]["vi"]["page_count"]
    assert page_count == 2  # the two articles of 2023
    site = tmp_path / "two" / "pagefind" / "tin-tuc-2023"
    assert {p.name for p in site.iterdir()} == {p.name for p in (cache / new).iterdir()} - {ShardCache.SEAL}


def test_a_damaged_shard_is_indexed_again_and_reported(catalog, tmp_path):
    items = records(catalog, lambda entry: f"<p>{entry.body}</p>")
    assert len(write_index(items, tmp_path / "one", tmp_path / "cache").made) == 10
    fragment = next((tmp_path / "cache").glob("*/fragment/*"))
    fragment.write_bytes(b"broken")
    again = write_index(items, tmp_path / "two", tmp_path / "cache")
    assert len(again.made) == 1 and len(again.damaged) == 1
    assert (tmp_path / "two" / "pagefind" / "shards.json").exists()
