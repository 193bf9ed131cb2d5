"""Search (Pagefind): Vietnamese folding including đ → d, what is indexed, document numbers,
filters, the shareable search page and the header box — in headless Chromium on the built
fixture site, with no request leaving the site."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from helpers import serve_folder

from site_plugins.bodies.fragments import plain_text
from site_plugins.common.vocabulary import SEARCH_FILTERS
from site_plugins.output.search import STROKE, encode, records

PROVINCE = "dia-phuong/dak-lak/"
COOPERATIVE = "htx/htx-ca-phe-ea-kiet/"
PLAN = "van-ban/145-kh-lmhtxvn-2021/"


def test_encoding_keeps_d_with_stroke_apart_and_reversible():
    assert encode("Đắk Lắk đất") == f"D{STROKE}ắk Lắk d{STROKE}ất"
    assert encode("dak") == "dak"


def test_plain_text_leaves_out_heading_permalinks():
    html = '<h2 id="a">Mục tiêu<a class="headerlink" href="#a">¶</a></h2><p>Hợp tác <b>xã</b></p>'
    assert plain_text(html) == "Mục tiêu Hợp tác xã"


def test_records_are_made_from_the_catalog_with_meta_and_filters(catalog):
    made = {r.url: r for r in records(catalog, lambda entry: f"<p>{entry.body}</p>")}
    assert len(made) == len(catalog.entries) + len(catalog.registries.agencies) + len(catalog.registries.provinces)
    plan = made["/" + PLAN]
    assert plan.content.startswith("145/KH-LMHTXVN 145 KH LMHTXVN")
    assert plan.meta["number"] == "145/KH-LMHTXVN" and plan.meta["kind"] == "Văn bản"
    assert plan.filters["loai-van-ban"] == ["Kế hoạch"] and plan.filters["nam"] == ["2021"] and plan.filters["hieu-luc"]
    cooperative = made["/" + COOPERATIVE]
    assert f"D{STROKE}ắk Lắk" in cooperative.content and cooperative.filters["dia-phuong"] == ["Tỉnh Đắk Lắk"]
    assert "đ" not in "".join(r.content + r.meta["title"] for r in made.values()).lower()  # every đ of the searched text encoded
    assert all(set(r.filters) <= set(SEARCH_FILTERS) for r in made.values())


def test_the_site_has_pagefind_and_no_lunr_index(site):
    assert not (site.root / "search" / "search_index.json").exists()
    assert not (site.root / "assets/javascripts/lunr").exists() and not list(site.root.glob("assets/javascripts/workers/search.*"))  # Material's, unused
    assert (site.root / "assets/javascripts").is_dir()
    assert (site.root / "pagefind" / "pagefind.js").exists() and (site.root / "pagefind" / "pagefind-entry.json").exists()
    assert site.exists("tim-kiem/")
    header = site.html("tin-tuc/").xpath("//header//form[@role='search']")[0]
    assert header.get("action") == "../tim-kiem/" and header.xpath(".//input[@name='q']")


@pytest.fixture(scope="module")
def served(site):
    with serve_folder(site.root) as base:
        yield base


@pytest.fixture()
def page(browser, served):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.outside = []  # requests to anything but the site
    page.on("request", lambda r: None if r.url.startswith(served) or r.url.startswith("data:") else page.outside.append(r.url))
    yield page
    assert page.outside == []
    page.close()


def count(page) -> int:
    status = page.locator("[data-portal-search-status]").inner_text()
    return int(status.split()[0]) if status[:1].isdigit() else 0


def results(page, served: str, query: str = "", **filters: str) -> list[str]:
    """The URLs the search page lists first, in order (relative to the site root)."""
    params = "&".join(f"{k}={quote(v)}" for k, v in {"q": query, **filters}.items() if v)
    page.goto(f"{served}tim-kiem/?{params}")
    page.wait_for_function("window.portalSearchReady !== undefined")
    page.evaluate("window.portalSearchReady")
    status = page.locator("[data-portal-search-status]").inner_text()
    assert status, "the page says what it found"
    return [href.replace(served, "") for href in page.eval_on_selector_all(".portal-result__title a", "as => as.map(a => a.href)")]


def test_without_diacritics_finds_text_with_them(page, served):
    plain = results(page, served, "hop tac xa")
    found = count(page)
    accented = results(page, served, "hợp tác xã")
    assert len(plain) >= 10 and found == count(page) > 20
    assert len(set(plain) & set(accented)) >= 15  # the same pages; the exact spellings rank first


@pytest.mark.parametrize("query", ["dak lak", "Đắk Lắk", "đắk lắk", "DAK LAK"])
def test_d_folds_to_d_and_a_province_name_finds_its_pages(page, served, query):
    found = results(page, served, query)
    assert PROVINCE in found and COOPERATIVE in found
    if "Đ" in query or "đ" in query:
        titles = page.eval_on_selector_all(".portal-result__title a", "as => as.map(a => a.textContent)")
        assert "Đắk Lắk" in " ".join(titles[:3])  # shown with đ, never with the indexed stroke
    assert STROKE not in page.locator("main").inner_text()


@pytest.mark.parametrize(("plain", "accented"), [("dang", "Đảng"), ("dai hoi", "Đại hội")])
def test_party_words_without_d_stroke(page, served, plain, accented):
    found = results(page, served, plain)
    assert found, plain
    total = count(page)
    assert set(found) == set(results(page, served, accented)) and total == count(page)
    excerpts = page.eval_on_selector_all(".portal-result mark", "ms => ms.map(m => m.textContent)")
    assert any(accented.split()[0].lower() == m.lower() for m in excerpts)


def test_exact_accents_rank_first(page, served):
    """ "đảng", "đang", "đăng" and "dạng" fold alike: typed with accents, the exact word comes first."""
    results(page, served, "đảng")
    first = page.locator(".portal-result").first.locator("mark").all_inner_texts()
    assert "đảng" in [m.lower().strip(".,;:") for m in first]


def test_a_province_name_with_accents(page, served):
    found = results(page, served, "Ninh Bình")
    assert "dia-phuong/ninh-binh/" in found[:3]
    titles = page.eval_on_selector_all(".portal-result__title a", "as => as.map(a => a.textContent)")
    assert all("Ninh Bình" in t or "ninh" in u for t, u in zip(titles[:3], found[:3], strict=True))


@pytest.mark.parametrize("query", ["145/KH-LMHTXVN", "145 kh lmhtxvn", "145/kh", "145/KH"])
def test_a_document_number_brings_that_document_first(page, served, query):
    assert results(page, served, query)[0] == PLAN


def test_a_filter_narrows_results_and_the_address_can_be_shared(page, served):
    everything = results(page, served, "hop tac xa")
    documents = results(page, served, "hop tac xa", loai="Văn bản")
    assert 0 < len(documents) < len(everything)
    assert all(url.startswith("van-ban/") for url in documents)
    count = page.locator("[data-portal-search-status]").inner_text()
    assert count.startswith(f"{len(documents)} kết quả")
    assert page.locator("select[name=loai]").input_value() == "Văn bản"
    page.select_option("select[name=loai]", "Hợp tác xã")  # changing a filter searches again and updates the address
    page.wait_for_function("location.search.includes('loai=H')")
    page.wait_for_function("[...document.querySelectorAll('.portal-result__title a')].every(a => a.href.includes('/htx/'))")
    assert "q=hop+tac+xa" in page.url


def test_the_header_box_opens_the_search_page(page, served):
    page.goto(served + "van-ban/")
    page.fill("#portal-header-q", "cà phê")
    page.press("#portal-header-q", "Enter")
    page.wait_for_url("**/tim-kiem/?q=**")
    page.wait_for_function("document.querySelectorAll('.portal-result').length > 0")
    assert COOPERATIVE in [h.replace(served, "") for h in page.eval_on_selector_all(".portal-result__title a", "as => as.map(a => a.href)")]


def test_chrome_is_not_indexed(page, served):
    """Words of the footer (on every page) find nothing: "Bản trình diễn — nội dung minh họa kèm các văn bản thật"."""
    assert "minh họa kèm các văn bản thật" in page.goto(served).text()
    assert results(page, served, "minh họa kèm các văn bản thật") == []


def test_the_empty_search_page_loads_no_index_until_the_reader_starts(page, served):
    """Opened without a query, the page fetches nothing of Pagefind (45 kB of script and more of
    index); putting the cursor in the box loads it, ready for the first query."""
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url) if "/pagefind/" in r.url else None)
    page.goto(f"{served}tim-kiem/", wait_until="networkidle")
    page.evaluate("window.portalSearchReady")
    assert page.locator("[data-portal-search-status]").inner_text().startswith("Gõ từ khóa")
    assert fetched == []
    page.locator("main input[name=q]").focus()
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("pagefind.js") for url in fetched)
    page.locator("main input[name=q]").fill("hop tac xa")
    page.locator("main input[name=q]").press("Enter")
    page.wait_for_function("document.querySelectorAll('.portal-result').length > 0")
