"""What a reader meets on a phone (360 px) and a desktop (1280 px), measured in headless Chromium:
cards without a picture use the card's width, table rows keep their labels (also the rows the
filters' script renders), filters are hidden where they cannot work, controls are big enough to
touch, the current section is visible in the menu, the article keeps a reading measure and shows
its time, the home page shows each story once in one type style, and the relation schema and the
task list of a document are quiet."""

from __future__ import annotations

import os
import re
from collections import Counter
from datetime import UTC, date, datetime

import pytest
from helpers import CHROMIUM, opened, serve_folder

from site_plugins.common.vietnamese import VN_TZ, time_date_line

if not CHROMIUM.exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but /usr/bin/chromium is missing: scripts/test.sh installs it with apt-get")
    pytest.skip("Debian's chromium is not installed", allow_module_level=True)

PHONE, DESKTOP = 360, 1280
WIDTHS = [PHONE, DESKTOP]
ARTICLE = "tin-tuc/che-shan-tuyet-ban-xeo-vuon-ra-thi-truong/"  # a cover, a long body, "Bài liên quan" without pictures
TASKS = "van-ban/nhiem-vu/"
DOCUMENT = "van-ban/145-kh-lmhtxvn-2021/"  # 29 tasks, cites 4 documents, cited by none
FILTERED = ["htx/", "van-ban/", TASKS]


@pytest.fixture(scope="module")
def server(site):
    with serve_folder(site.root) as base:
        yield base


# 1. Cards without a picture: their text takes the card's width, not the thumbnail's column.
TEXT_CARDS = ["", "tin-tuc/", "tu-khoa/ocop/", "dia-phuong/lang-son/", "co-quan/ban-tuyen-giao-tinh-uy-lao-cai/", ARTICLE]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", TEXT_CARDS)
def test_a_card_without_a_picture_uses_the_card_width(browser, server, path, width):
    with opened(browser, server + path, width) as page:
        shares = page.locator(".portal-card--text").evaluate_all(
            "cards => cards.map(c => c.querySelector('.portal-card__body').getBoundingClientRect().width / c.getBoundingClientRect().width)"
        )
    assert len(shares) >= 1, "no card without a picture on the page"
    assert min(shares) >= 0.8, shares


# 2. Table rows on a phone: a label beside each cell's content, never punctuation, never split.
ROW_CHECK = """table => {
  const problems = [], headers = table.tHead ? [...table.tHead.rows[0].cells] : [];
  const phone = !headers.length || headers[0].getBoundingClientRect().height <= 1;  // column headers hidden: each cell labelled
  let cells = 0;
  for (const td of table.querySelectorAll('tbody td')) {
    const text = td.textContent.trim();
    if (!text) continue;
    cells += 1;
    const label = (td.dataset.label || '').trim();
    const shown = phone ? getComputedStyle(td, '::before').content.replace(/^"|"$/g, '') : headers[td.cellIndex].textContent.trim();
    if (!/[\\p{L}]/u.test(label) || shown !== label) problems.push(`label ${JSON.stringify(shown)} for ${JSON.stringify(text)}`);
    const box = td.getBoundingClientRect(), start = box.left + parseFloat(getComputedStyle(td).paddingLeft) - 1;
    for (const child of td.querySelectorAll('a, span')) {
      for (const r of child.getClientRects()) if (r.left < start) problems.push(`${JSON.stringify(child.textContent)} in the label column`);
    }
    const links = td.querySelectorAll(':scope > a');
    for (let i = 1; i < links.length; i++) {  // the separator stays on the line of the link before it
      const before = [...links[i - 1].getClientRects()].pop(), sep = document.createRange();
      sep.setStartAfter(links[i - 1]); sep.setEndBefore(links[i]);
      const r = sep.getClientRects()[0];
      if (!r || Math.abs(r.top - before.top) > 2 || r.left < start) problems.push(`${JSON.stringify(sep.toString())} on a row of its own`);
    }
  }
  return {cells, problems};
}"""


def check_rows(page, table: str, least: int) -> None:
    result = page.locator(f"table.{table}").evaluate(ROW_CHECK)
    assert result["cells"] >= least and result["problems"] == [], result


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_cooperative_rows_keep_their_labels_also_when_filtered(browser, server, width):
    with opened(browser, server + "htx/", width) as page:
        check_rows(page, "portal-cooperatives", 7 * 4)
        page.select_option("form.portal-filter select[name=sector_ids]", "thuong-mai-dich-vu")
        page.wait_for_function("document.querySelector('form.portal-filter output').textContent.includes('kết quả')")
        rows = page.locator("table.portal-cooperatives tbody tr").count()
        assert rows >= 2  # several sectors in one cell, a "HTX kiểu mới" badge
        check_rows(page, "portal-cooperatives", rows * 3)


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_document_rows_keep_their_labels_also_when_filtered(browser, server, width):
    with opened(browser, server + "van-ban/", width) as page:
        check_rows(page, "portal-documents", 6 * 6)
        page.select_option("form.portal-filter select[name=issuers]", "ban-tuyen-giao-tinh-uy-lao-cai")
        page.wait_for_function("document.querySelector('form.portal-filter output').textContent === '1 kết quả'")
        assert page.locator("table.portal-documents tbody tr td[data-label='Cơ quan ban hành'] a").count() == 2  # two issuers
        check_rows(page, "portal-documents", 6)


@pytest.mark.browser
def test_row_check_finds_a_broken_row(browser, tmp_path):
    """The check above can fail: a cell laid out as a grid puts the separator on its own row, and a
    label made of punctuation is found."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>x</title><style>td { display: grid; padding-left: 100px }'
        " td::before { content: attr(data-label) }</style></head><body><table class='t'><tbody><tr>"
        '<td data-label="Lĩnh vực"><a href="#">Nông nghiệp</a>, <a href="#">Thương mại</a></td><td data-label=",">Dịch vụ</td>'
        "</tr></tbody></table></body></html>",
        "utf-8",
    )
    with serve_folder(tmp_path) as base, opened(browser, base, PHONE) as page:
        result = page.locator("table.t").evaluate(ROW_CHECK)
    assert result["cells"] == 2 and any("on a row of its own" in p for p in result["problems"]) and any(p.startswith('label ","') for p in result["problems"])


# 3 and 4. Filters: hidden without JavaScript (the server-built lists are the filters then); with it,
# controls a finger can hit and text a phone does not zoom into.
@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", FILTERED)
def test_filters_are_hidden_without_javascript(browser, server, path, width):
    with opened(browser, server + path, width, javascript=False) as page:
        forms = page.locator("form.portal-filter, form.portal-task-filter")
        assert forms.count() == 1 and not forms.first.is_visible()
        assert page.locator("table tbody tr, .portal-task-list > li").first.is_visible()


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", FILTERED)
def test_filter_controls_are_big_enough_to_touch(browser, server, path, width):
    with opened(browser, server + path, width) as page:
        sizes = page.locator("form.portal-filter :is(select, input, button), form.portal-task-filter :is(select, input, button)").evaluate_all(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [e.name, r.height, parseFloat(getComputedStyle(e).fontSize), r.right]; })"
        )
    assert len(sizes) >= 3
    for name, height, font, right in sizes:
        assert height >= 44 and font >= 16 and right <= width, (name, height, font, right)


# 5. The menu: the current section is on screen, however far along the strip it is.
@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("path", "section"), [("feeds/", "RSS"), ("luu-tru/", "Lưu trữ"), (TASKS, "Văn bản"), ("dia-phuong/lang-son/", "Địa phương")])
def test_the_current_section_is_visible_in_the_menu(browser, server, path, section, width):
    with opened(browser, server + path, width) as page:
        current = page.locator(".portal-menu a[aria-current]")
        assert current.count() == 1 and current.inner_text().strip() == section
        box = current.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, box


# 6. Reading comfort.
MEASURE = """p => {
  const style = getComputedStyle(p), canvas = document.createElement('canvas').getContext('2d');
  canvas.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const text = p.textContent.replace(/\\s+/g, ' ').trim();
  return p.getBoundingClientRect().width / (canvas.measureText(text).width / text.length);
}"""


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_article_lines_keep_a_reading_measure(browser, server, width):
    with opened(browser, server + ARTICLE, width) as page:
        paragraphs = page.locator(".portal-article .portal-body > p")
        assert paragraphs.count() >= 3
        per_line = [paragraphs.nth(i).evaluate(MEASURE) for i in range(paragraphs.count())]
    assert max(per_line) <= 80, per_line
    if width == DESKTOP:
        assert min(per_line) >= 55, per_line  # a column, not a strip


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_article_date_shows_its_time(browser, server, width):
    with opened(browser, server + ARTICLE, width) as page:
        time = page.locator(".portal-dateline time").first
        assert time.is_visible()
        assert (time.get_attribute("datetime"), time.inner_text()) == ("2024-05-21T07:00:00+07:00", "07:00, Thứ Ba, 21/05/2024")


def test_time_date_line():
    assert time_date_line(datetime(2024, 5, 29, 8, 0, tzinfo=VN_TZ)) == "08:00, Thứ Tư, 29/05/2024"
    assert time_date_line(datetime(2024, 5, 29, 1, 30, tzinfo=UTC)) == "08:30, Thứ Tư, 29/05/2024"  # in Vietnam time
    assert time_date_line(datetime(2024, 5, 29, 0, 0, tzinfo=VN_TZ)) == "Thứ Tư, 29/05/2024"  # a date written without its time
    assert time_date_line(date(2024, 5, 29)) == "Thứ Tư, 29/05/2024"


def headline_style(page, selector: str) -> list[tuple[str, str, str]]:
    script = "els => els.map(e => { const s = getComputedStyle(e); return [s.fontFamily, s.textDecorationLine, s.color]; })"
    return sorted(set(map(tuple, page.locator(selector).evaluate_all(script))))


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_home_rails_are_set_like_the_main_column(browser, server, width):
    with opened(browser, server, width) as page:
        main = headline_style(page, ".portal-home-main .portal-card__title a")
        rails = headline_style(page, ".portal-rails .portal-compact a, .portal-rails .portal-card__title a")
        fonts = page.locator(".portal-rails li").evaluate_all("els => [...new Set(els.map(e => getComputedStyle(e).fontFamily))]")
        body = page.evaluate("getComputedStyle(document.querySelector('.portal-home-main .portal-card__summary')).fontFamily")
    assert len(main) == 1 and rails == main, (main, rails)
    assert fonts == [body]  # the text beside the headlines (dates, numbers) in the main column's sans


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_home_page_shows_each_story_once(browser, server, width):
    with opened(browser, server, width) as page:
        script = "links => links.filter(a => !a.closest('.portal-card__image')).map(a => new URL(a.href).pathname)"
        links = page.locator("#noi-dung a[href]").evaluate_all(script)
        rails = page.locator(".portal-rail").evaluate_all("rails => rails.map(r => r.querySelector('h2').textContent.trim())")
    stories = [u for u in links if re.fullmatch(r"/(tin-tuc|htx|van-ban)/[^/]+/", u)]
    assert len(stories) >= 15 and "Kinh tế tập thể, HTX" in rails
    assert [u for u, n in Counter(stories).items() if n > 1] == []


@pytest.mark.browser
def test_home_lead_and_its_column_are_balanced(browser, server):
    with opened(browser, server, DESKTOP) as page:
        lead = page.locator(".portal-featured .portal-card--lead .portal-card__body").bounding_box()
        stories = page.locator(".portal-featured__more .portal-card__body")
        count, side = stories.count(), stories.last.bounding_box()
        top = page.locator(".portal-featured__grid").bounding_box()
    assert lead and side and top and count >= 2
    assert side["x"] > lead["x"] + lead["width"]  # beside the lead
    lead_bottom, side_bottom = lead["y"] + lead["height"], side["y"] + side["height"]
    assert abs(lead_bottom - side_bottom) <= 0.15 * (lead_bottom - top["y"]), (lead_bottom, side_bottom)  # no empty space under either


@pytest.mark.browser
def test_home_lead_stacks_on_a_phone(browser, server):
    with opened(browser, server, PHONE) as page:
        lead = page.locator(".portal-featured .portal-card--lead").bounding_box()
        side = page.locator(".portal-featured__more").bounding_box()
    assert lead and side and side["y"] >= lead["y"] + lead["height"] and side["width"] >= 0.9 * lead["width"]


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_relation_schema_lists_only_relations_with_documents(browser, server, width):
    with opened(browser, server + DOCUMENT, width) as page:
        section = page.locator("#luoc-do")
        counts = section.locator("h4 .portal-count").all_inner_texts()
        text = section.inner_text()
        height = section.bounding_box()["height"]
    assert counts == ["(1)", "(1)", "(2)"] and "(0)" not in text
    assert "Chưa có văn bản nào trên trang căn cứ, tác động đến văn bản này." in text
    assert height < (700 if width == PHONE else 450)


@pytest.mark.browser
@pytest.mark.parametrize("width", WIDTHS)
def test_task_list_disclosure_is_the_portals_own(browser, server, width):
    with opened(browser, server + DOCUMENT, width) as page:
        details = page.locator("details.portal-task-details")
        style = details.evaluate(
            """d => { const s = getComputedStyle(d), summary = d.querySelector('summary');
                 return {border: s.borderLeftColor, background: getComputedStyle(summary).backgroundColor,
                         icon: getComputedStyle(summary, '::before').content, display: getComputedStyle(summary, '::before').display,
                         marker: getComputedStyle(summary).display}; }"""
        )
        details.locator("summary").click()
        opened_now = details.evaluate("d => d.open")
    assert style["border"] in ("rgba(0, 0, 0, 0)", "rgb(217, 222, 217)"), style  # no Material blue
    assert style["background"] in ("rgba(0, 0, 0, 0)", "rgb(244, 246, 244)"), style
    assert style["icon"] == "none" or style["display"] == "none", style  # no pencil
    assert opened_now  # 29 tasks: folded, and it opens
