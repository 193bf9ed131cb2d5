"""The search bundle in shards (output/searchbundle.py): the newest months of articles with the other
sections in one Pagefind index, older articles by year, merged by the search page with Pagefind's
mergeIndex; filters across the shards; older articles searched when the reader asks; a shard whose records did not change is not indexed again."""

from __future__ import annotations

import json
import os
from urllib.parse import quote

import pytest
from helpers import ROOT, build_site, copy_content, serve_folder, site_config

from site_plugins.output.outputfiles import link_tree
from site_plugins.output.search import records
from site_plugins.output.searchbundle import MANIFEST, ShardCache, shards, write_index

ARTICLE = "tin-tuc/du-lich-cong-dong-van-long.md"  # published in 2023


def test_a_small_site_has_one_index(site):
    """The fixture's 17 articles are fewer than RECENT: every record is in the primary index."""
    bundle = site.root / "pagefind"
    assert json.loads((bundle / MANIFEST).read_text("utf-8")) == {"shards": []}
    assert (bundle / "pagefind.js").exists() and (bundle / "wasm.unknown.pagefind").exists()


def test_older_months_of_articles_are_shards_by_year(catalog, tmp_path):
    """The newest months until they hold four articles (3/2025, 9/2024, 7/2024, 6/2024) are in the primary
    index; May 2024 (three articles) is the newest month of the 2024 shard, which holds the rest of that year."""
    items = records(catalog, lambda entry: f"<p>{entry.body}</p>")
    made = shards(items, recent=4)
    assert [(s.name, len(s.records), s.newest, s.recent) for s in made[1:]] == [
        ("tin-tuc-2024", 3, "2024-05", False), ("tin-tuc-2023", 2, "2023-11", False), ("tin-tuc-2022", 3, "2022-10", False),
        ("tin-tuc-2021", 2, "2021-04", False), ("tin-tuc-2020", 1, "2020-12", False)]  # fmt: skip
    assert made[0].name == "" and len(made[0].records) == len(items) - 11  # the rest, four articles with them
    assert all((r.period or (2024, 6)) >= (2024, 6) for r in made[0].records)
    write_index(items, tmp_path, tmp_path / "cache", recent=4)
    bundle = tmp_path / "pagefind"
    listed = json.loads((bundle / MANIFEST).read_text("utf-8"))["shards"]
    assert [(s["path"], s["year"], s["records"]) for s in listed] == [
        (f"tin-tuc-{y}/", y, n) for y, n in ((2024, 3), (2023, 2), (2022, 3), (2021, 2), (2020, 1))
    ]
    for shard in listed:  # each an index of its own, without the primary's scripts and WebAssembly
        entry = json.loads((bundle / shard["path"] / "pagefind-entry.json").read_text("utf-8"))
        assert entry["languages"]["vi"]["page_count"] == shard["records"]
        assert not list((bundle / shard["path"]).glob("*.js")) and not list((bundle / shard["path"]).glob("wasm.*"))
    primary = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))["languages"]["vi"]["page_count"]
    assert primary == len(made[0].records) and (bundle / "pagefind.js").exists()


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
def older_years(site, catalog, tmp_path_factory):
    """The fixture site with its bundle written as a larger portal's: only the newest months that hold
    four articles (3/2025 to 6/2024) are recent; the rest of 2024 and the older years are shards."""
    root = tmp_path_factory.mktemp("older") / "site"
    link_tree(site.root, root)
    made = write_index(records(catalog, lambda entry: f"<p>{entry.body}</p>"), root, tmp_path_factory.mktemp("search-cache"), recent=4)
    assert made.shards == 6
    with serve_folder(root) as base:
        yield base


def search_everything(page, base: str, query: str) -> None:
    shown(page, base, query)
    page.get_by_role("button", name="Tìm cả tin bài cũ hơn").click()
    page.wait_for_function(
        "document.querySelector('[data-portal-older]').hidden && !/^Đang/.test(document.querySelector('[data-portal-search-status]').textContent)"
    )


def years_shown(page) -> set[str]:
    return {text[-4:] for text in page.eval_on_selector_all(".portal-result .portal-card__meta", "ps => ps.map(p => p.textContent.trim())")}


def test_one_query_finds_results_of_several_shards_and_filters_work_across_them(page, older_years):
    search_everything(page, older_years, "hop tac xa")
    merged = {url.split("/pagefind/")[1].split("?")[0].split("/")[0] for url in page.fetched if "pagefind-entry.json" in url}
    assert merged == {"pagefind-entry.json", "tin-tuc-2024", "tin-tuc-2023", "tin-tuc-2022", "tin-tuc-2021", "tin-tuc-2020"}
    page.locator("[data-portal-filters] summary").click()
    page.wait_for_function("document.querySelectorAll('select[name=loai] option').length > 2")
    years = page.eval_on_selector_all("select[name=nam] option", "os => os.map(o => o.value).filter(Boolean)")
    assert {"2020", "2021", "2022", "2023", "2024", "2025"} <= set(years)  # the counts of every shard, added up
    page.select_option("select[name=loai]", "Tin bài")  # the kind of entry: articles of the primary index and of older shards
    page.wait_for_function("[...document.querySelectorAll('.portal-result__title a')].every(a => a.href.includes('/tin-tuc/'))")
    page.wait_for_function("document.querySelector('[data-portal-more]').hidden")
    assert total(page) > 10 and {"2024", "2022", "2021"} <= years_shown(page), years_shown(page)
    page.select_option("select[name=loai]", "")
    page.select_option("select[name=loai-van-ban]", "Kế hoạch")  # a filter only documents have: the article shards give nothing
    page.wait_for_function("[...document.querySelectorAll('.portal-result__title a')].every(a => a.href.includes('/van-ban/'))")
    assert total(page) >= 1


def test_a_word_missing_from_one_shard_is_not_left_out_of_its_results(page, older_years):
    """Pagefind drops a query word its index lacks, and reads a word no word begins with as the longest
    word that begins it: "dak lak" must not bring the pages of a shard without "lắk" that say "là"."""
    search_everything(page, older_years, "dak lak")
    found = page.eval_on_selector_all(".portal-result__title a", "as => as.map(a => a.href)")
    assert found and total(page) < 15, found
    search_everything(page, older_years, "hợp tác xã Ea Kiết")
    assert 0 < total(page) < 10


def test_older_years_are_searched_when_the_reader_asks(page, older_years):
    recent = shown(page, older_years, "hop tac xa")
    first = total(page)
    assert first > 5 and not [url for url in page.fetched if "/pagefind/tin-tuc-2024/" in url]
    note = page.locator("[data-portal-older]")
    assert note.is_visible() and "Chưa tìm trong tin bài từ tháng 5/2024 trở về trước" in note.inner_text()
    page.get_by_role("button", name="Tìm cả tin bài cũ hơn").click()
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
    assert len(before) == 1  # the fixture's articles are few: one index
    article = content / ARTICLE
    article.write_text(article.read_text("utf-8").replace("Du lịch cộng đồng Vân Long", "Du lịch sinh thái Vân Long", 1), "utf-8")
    second = build_site(tmp_path / "two", config)
    assert second.returncode == 0, second.stderr
    made = {p.name for p in cache.iterdir()} - before
    assert len(made) == 1
    (new,) = made
    site = tmp_path / "two" / "pagefind"
    assert {p.name for p in site.iterdir()} == {p.name for p in (cache / new).iterdir()} - {ShardCache.SEAL} | {MANIFEST}


def test_a_changed_record_of_an_older_year_indexes_only_its_shard(catalog, tmp_path):
    items = records(catalog, lambda entry: f"<p>{entry.body}</p>")
    assert len(write_index(items, tmp_path / "one", tmp_path / "cache", recent=4).made) == 6
    changed = next(r for r in items if r.url == "/" + ARTICLE.removesuffix(".md") + "/")
    changed.content += " Du lịch sinh thái."
    again = write_index(items, tmp_path / "two", tmp_path / "cache", recent=4)
    assert [(name, count) for name, count, _, _ in again.made] == [("tin-tuc-2023", 2)]


def test_a_damaged_shard_is_indexed_again_and_reported(catalog, tmp_path):
    items = records(catalog, lambda entry: f"<p>{entry.body}</p>")
    assert len(write_index(items, tmp_path / "one", tmp_path / "cache", recent=4).made) == 6
    fragment = next((tmp_path / "cache").glob("*/fragment/*"))
    fragment.write_bytes(b"broken")
    again = write_index(items, tmp_path / "two", tmp_path / "cache", recent=4)
    assert len(again.made) == 1 and len(again.damaged) == 1
    assert (tmp_path / "two" / "pagefind" / "shards.json").exists()


@pytest.mark.parametrize("width", [360, 1280])
def test_the_older_years_note_and_button_pass_axe(browser, older_years, width):
    """The note and button the recent index adds (and the merged results) break no accessibility rule."""
    axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.exists():
        assert os.environ.get("CI") != "true", "CI=true but axe-core is missing: scripts/test.sh installs it"
        pytest.skip("axe-core is missing (bash scripts/test.sh installs it)")
    context = browser.new_context(viewport={"width": width, "height": 800})
    context.add_init_script(path=str(axe))
    page = context.new_page()
    page.fetched = []

    def violations() -> list[str]:
        found = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        return [f"{v['id']}: {[n['target'] for n in v['nodes'][:3]]}" for v in found["violations"]]

    shown(page, older_years, "hop tac xa")
    assert page.locator("[data-portal-older]").is_visible() and violations() == []
    search_everything(page, older_years, "hop tac xa")
    assert violations() == []
    context.close()
