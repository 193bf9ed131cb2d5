"""Statistics pages (issue 23): figures computed from the catalog and from editors' data files, each
an inline SVG chart with the same numbers as a table, its source, date, downloads and a sentence;
embedded in an article; on province, agency, directory and home pages; readable at 360 and 1280 px."""

from __future__ import annotations

import csv
import io
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from helpers import CONTENT, LEGIT, NOW, Site, build_site, copy_content, opened, serve_folder, site_config
from lxml import etree, html

from site_plugins.__main__ import main as portal
from site_plugins.bodies.figures import embed
from site_plugins.catalog.loading import load_catalog
from site_plugins.catalog.tasks import task_counts
from site_plugins.common.problems import ContentError
from site_plugins.content.datasets import BUILT_IN
from site_plugins.content.schema import parse_datetime
from site_plugins.views import summaries
from site_plugins.views.charts import SERIES, TEXT
from site_plugins.views.figureblocks import block
from site_plugins.views.figures import Figure, Figures, Row

DATA_FILE = "htx-thanh-lap-moi-ninh-thuan-2021"
ARTICLE = "tin-tuc/ninh-thuan-ke-hoach-thong-tin-tuyen-truyen-2021/"
PAGES = ["so-lieu/", "dia-phuong/ninh-binh/", "htx/", ARTICLE, ""]


def values(figure: Figure, index: int = 0) -> dict[str, float]:
    return {row.label: row.values[index] for row in figure.rows}


# the numbers -----------------------------------------------------------------------------------------------
def test_every_built_in_figure_is_made_and_the_data_file_follows(catalog):
    figures = Figures(catalog).site
    assert list(figures) == [*BUILT_IN, DATA_FILE]


def test_counts_equal_the_catalogs(catalog):
    f = Figures(catalog).site
    reg, coops = catalog.registries, catalog.cooperatives
    by_province = {reg.provinces[p].name: len([e for e in catalog.by_province[p] if e.kind == "cooperative"]) for p in reg.provinces}
    assert {k.removesuffix(" (cũ)"): v for k, v in values(f["htx-theo-tinh"]).items()} == {k: v for k, v in by_province.items() if v}
    assert sum(values(f["htx-theo-tinh"]).values()) == len(coops) == 7
    assert values(f["htx-theo-linh-vuc"]) == {reg.sectors[s].title: n for s, n in Counter(s for e in coops for s in e.data.sectors).items()}
    assert values(f["htx-theo-loai-hinh"]) == {"Hợp tác xã": 7, "Liên hiệp hợp tác xã": 0, "Tổ hợp tác": 0}
    assert values(f["htx-kieu-moi"]) == {"HTX kiểu mới": sum(e.data.new_model for e in coops), "Không ghi là HTX kiểu mới": 4}
    stars = Counter(o.stars for e in coops for o in e.data.ocop)
    assert values(f["ocop-theo-hang-sao"]) == {f"Hạng {s} sao": stars[s] for s in (3, 4, 5)}
    assert values(f["ocop-theo-nam"]) == {"Năm 2021": 1, "Năm 2022": 2, "Năm 2023": 3, "Năm 2024": 1}
    assert values(f["van-ban-theo-loai"]) == dict(Counter(e.data.type for e in catalog.documents))
    years = values(f["van-ban-theo-nam"])
    assert list(years) == [f"Năm {y}" for y in range(2012, 2024)]  # every year from the first to the last: a gap is a 0
    assert {k: v for k, v in years.items() if v} == {f"Năm {y}": n for y, n in Counter(e.data.issued_year for e in catalog.documents).items()}
    assert values(f["nhiem-vu-theo-trang-thai"]) == {c["label"]: c["count"] for c in task_counts(catalog.tasks)}
    assert sum(values(f["nhiem-vu-theo-trang-thai"]).values()) == len(catalog.tasks) == 62
    assert "Quá hạn" not in values(f["nhiem-vu-theo-trang-thai"])  # no document of the fixture is tracked: past due is "Chưa có báo cáo"
    data = f[DATA_FILE]
    assert data.series == ("Chỉ tiêu", "Thực hiện") and len(data.rows) == 7 and sum(data.column(0)) == 7 and sum(data.column(1)) == 8
    assert data.illustrative and data.title.endswith("(số liệu minh họa)") and data.source_page == "van-ban/ke-hoach-ubnd-ninh-thuan-2021/"


def test_summary_sentences_are_written_from_the_data(catalog):
    f = Figures(catalog).site
    assert f["htx-theo-tinh"].summary == "Tỉnh Ninh Bình có nhiều hồ sơ nhất (2), 5 tỉnh, thành phố ít nhất (1); tổng cộng 7 hồ sơ."
    assert f["htx-theo-linh-vuc"].summary == (
        "Nông nghiệp có nhiều hồ sơ nhất (5), Du lịch cộng đồng và Tiểu thủ công nghiệp ít nhất (1); 7 hồ sơ, một hợp tác xã có thể thuộc nhiều lĩnh vực."
    )
    assert f["htx-kieu-moi"].summary == "3 trên 7 hồ sơ (43%) ghi là hợp tác xã kiểu mới."
    assert f["ocop-theo-nam"].summary == "Nhiều sản phẩm nhất: Năm 2023 (3); ít nhất: Năm 2021 và Năm 2024 (1); tổng cộng 7 sản phẩm."
    assert f[DATA_FILE].summary == (
        "Tổng Thực hiện: 8 hợp tác xã, bằng 114% Chỉ tiêu (7); Thực hiện cao nhất: Thành phố Phan Rang – Tháp Chàm và Huyện Ninh Hải (2), "
        "thấp nhất: Huyện Bác Ái (0)."
    )
    one = summaries.one_series
    assert one([], [], "hồ sơ", "tỉnh", True, True) == "Chưa có số liệu."
    assert one(["Tỉnh Lào Cai"], [3], "hợp tác xã", "tỉnh", True, True) == "Tỉnh Lào Cai: 3 hợp tác xã; tổng cộng 3 hợp tác xã."
    assert one(["A", "B"], [2, 2], "hồ sơ", "tỉnh", True, True) == "A và B đều có 2 hồ sơ; tổng cộng 4 hồ sơ."
    assert one(["A", "B", "C"], [1234, 5.5, 7], "tỷ đồng", "tỉnh", True, True) == "A có nhiều tỷ đồng nhất (1.234), B ít nhất (5,5); tổng cộng 1.246,5 tỷ đồng."
    assert (summaries.number(1234567), summaries.number(12.5), summaries.number(0.25), summaries.number(3.0)) == ("1.234.567", "12,5", "0,25", "3")


# the drawing -----------------------------------------------------------------------------------------------
def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_chart_colours_contrast_at_least_4_5_to_1(site):
    page = site.text("so-lieu/")
    used = set(re.findall(r'(?:fill|stroke)="(#[0-9a-f]{6})"', page))
    assert used == {*SERIES[:2], TEXT}  # what the charts of the fixture site draw with: two series and the text
    backgrounds = ("#ffffff", "#f4f6f4")  # the page, and the tint of the table's summary line
    found = {(colour, bg): round(contrast(colour, bg), 2) for colour in (*SERIES, TEXT) for bg in backgrounds}
    assert len(found) == 10 and min(found.values()) >= 4.5, found


def test_svg_is_named_drawn_with_real_text_and_runs_nothing(site):
    page = site.html("so-lieu/")
    figures = page.xpath("//figure[@class='portal-figure']")
    assert len(figures) == 10
    for figure in figures:
        svg = figure.xpath(".//svg")[0]
        title, desc = svg.xpath("./title")[0], svg.xpath("./desc")[0]
        assert svg.get("role") == "img" and svg.get("aria-labelledby") == f"{title.get('id')} {desc.get('id')}"
        assert title.text == figure.xpath("./figcaption/*[1]")[0].text_content()
        assert figure.xpath(".//p[@class='portal-figure__summary']")[0].text in desc.text
        assert len(svg.xpath(".//text")) >= 2 * len(figure.xpath(".//tbody/tr"))  # a label and a value a bar, at least
        assert not svg.xpath(".//script|.//foreignObject|.//a|.//image") and not [a for e in svg.iter() for a in e.attrib if a.startswith("on")]
    assert "<script" not in "".join(etree.tostring(s, encoding="unicode") for s in page.xpath("//svg"))


def chart_rows(svg) -> list[tuple[str, list[str]]]:
    """(label, value texts) of each bar group of a chart: label lines (x=0, no dx) then one value a series."""
    rows: list[tuple[str, list[str]]] = []
    in_values = True
    for text in svg.xpath(".//text"):
        if text.get("dx"):  # a value, at the end of its bar
            rows[-1][1].append(text.text.split(" · ")[0])
            in_values = True
        elif text.get("x") == "0":  # a label line (a long label takes several)
            if in_values:
                rows.append((text.text, []))
            else:
                rows[-1] = (f"{rows[-1][0]} {text.text}", rows[-1][1])
            in_values = False
    return rows


def table_rows(figure) -> list[tuple[str, list[str]]]:
    return [(tr.xpath("./th")[0].text_content(), [td.text for td in tr.xpath("./td")]) for tr in figure.xpath(".//tbody/tr")]


def test_table_holds_the_numbers_of_the_chart_and_the_downloads_too(site):
    figures = site.html("so-lieu/").xpath("//figure[@class='portal-figure']")
    checked = 0
    for figure in figures:
        table = table_rows(figure)
        assert chart_rows(figure.xpath(".//svg")[0]) == table and table
        th = figure.xpath(".//table/thead//th")
        assert [x.get("scope") for x in th] == ["col"] * len(th) and figure.xpath(".//table/caption")
        links = {a.text: a.get("href") for a in figure.xpath(".//p[@class='portal-figure__source']/a")}
        assert links["CSV"] == f"{figure.get('id')}.csv" and links["JSON"] == f"{figure.get('id')}.json"
        lines = list(csv.reader(io.StringIO(site.text(f"so-lieu/{links['CSV']}").removeprefix("\ufeff"))))
        assert lines[0] == [x.text_content() for x in th]
        assert [(label, [summaries.number(float(v)) for v in numbers]) for label, *numbers in lines[1:]] == table
        data = json.loads(site.text(f"so-lieu/{links['JSON']}"))
        assert [(r["nhan"], [summaries.number(v) for v in r["so_lieu"]]) for r in data["dong"]] == table
        assert data["tieu_de"] == figure.xpath(".//svg/title")[0].text and data["tom_tat"] in figure.xpath(".//svg/desc")[0].text
        checked += 1
    assert checked == 10


def test_sources_and_dates_are_shown(site, catalog):
    assert len({x.document.id for x in catalog.tasks}) == 4  # the documents that assign tasks
    page = site.html("so-lieu/")
    by_id = {f.get("id"): " ".join(f.xpath(".//p[@class='portal-figure__source']")[0].text_content().split()) for f in page.xpath("//figure")}
    assert by_id["htx-theo-tinh"].startswith("Nguồn: Danh bạ hợp tác xã của cổng thông tin (7 hồ sơ) · Số liệu đến ngày 05/07/2025")
    assert by_id["nhiem-vu-theo-trang-thai"].startswith("Nguồn: Nhiệm vụ ghi trong 4 văn bản đăng trên cổng thông tin · Trạng thái tính đến ngày 25/11/2026")
    assert "Số liệu đến ngày 31/12/2021" in by_id[DATA_FILE] and "Dự thảo Kế hoạch thông tin, tuyên truyền" in by_id[DATA_FILE]
    source = page.xpath(f"//figure[@id='{DATA_FILE}']//p[@class='portal-figure__source']/a")[0]
    assert source.get("href") == "../van-ban/ke-hoach-ubnd-ninh-thuan-2021/"


def test_texts_are_escaped_exactly_once():
    figure = Figure("thu", LEGIT, "hồ sơ", "Nhóm", ("Số",), (Row(LEGIT, (3,)), Row("B", (1,))), LEGIT, "so-lieu/", summary=LEGIT)
    markup = str(block(figure, "so-lieu/"))
    assert "&amp;amp;" not in markup and "&lt;5" in markup and "<5" not in markup
    parsed = html.fragment_fromstring(markup)
    assert chart_rows(parsed.xpath(".//svg")[0]) == [(LEGIT, ["3"]), ("B", ["1"])]  # the long label on two lines, read back whole
    assert parsed.xpath(".//svg/title")[0].text == LEGIT and parsed.xpath(".//tbody/tr[1]/th")[0].text == LEGIT
    assert parsed.xpath(".//p[@class='portal-figure__source']")[0].text_content().startswith(f"Nguồn: {LEGIT}")


# pages that show figures ------------------------------------------------------------------------------------------
def test_an_article_embeds_a_figure_and_its_feed_item_links_to_it(site):
    page = site.html(ARTICLE)
    figure = page.xpath(f"//article//figure[@id='so-lieu-{DATA_FILE}']")
    assert len(figure) == 1 and figure[0].xpath(".//svg[@role='img']") and len(figure[0].xpath(".//tbody/tr")) == 7
    assert not page.xpath("//*[contains(@class,'portal-figure-slot')]") and "so-lieu:" not in site.main_text(ARTICLE)
    assert figure[0].xpath(".//p[@class='portal-figure__source']/a[.='CSV']")[0].get("href") == f"../../so-lieu/{DATA_FILE}.csv"
    items = [i for i in json.loads(site.text("feed.json"))["items"] if i["url"].endswith(ARTICLE)]
    assert len(items) == 1 and "<svg" not in items[0]["content_html"]
    assert f'Biểu đồ: <a href="https://kinhtetapthe.example.vn/so-lieu/#{DATA_FILE}">' in items[0]["content_html"]


def test_province_agency_directory_and_home_show_their_figures(site):
    expected = {
        "dia-phuong/ninh-binh/": ["htx-theo-linh-vuc"],
        "co-quan/lien-minh-htx-viet-nam/": ["nhiem-vu-theo-trang-thai"],
        "htx/": ["htx-theo-tinh", "htx-theo-linh-vuc"],
        "": ["htx-theo-tinh"],  # mkdocs.yml: home_figure
    }
    for url, ids in expected.items():
        figures = site.html(url).xpath("//figure[@class='portal-figure']")
        assert [f.get("id") for f in figures] == ids, url
    province = site.html("dia-phuong/ninh-binh/").xpath("//figure")[0]
    assert table_rows(province) == [("Thương mại – dịch vụ", ["2"]), ("Du lịch cộng đồng", ["1"]), ("Tiểu thủ công nghiệp", ["1"])]
    assert "Tỉnh Ninh Bình" in province.xpath(".//svg/title")[0].text
    assert (site.root / "dia-phuong/ninh-binh/htx-theo-linh-vuc.csv").read_bytes().decode().startswith("\ufeffLĩnh vực,Số hồ sơ\r\nThương mại – dịch vụ,2\r\n")
    agency = site.html("co-quan/lien-minh-htx-viet-nam/").xpath("//figure")[0]
    assert table_rows(agency) == [("Chưa có báo cáo", ["7"]), ("Không ghi thời hạn", ["5"])]
    assert site.exists("co-quan/lien-minh-htx-viet-nam/nhiem-vu-theo-trang-thai.json")
    assert not site.html("dia-phuong/lao-cai/").xpath("//figure")  # one cooperative, one sector: one bar says nothing


def test_two_builds_draw_the_same_bytes(site, tmp_path):
    result = build_site(tmp_path / "again")
    assert result.returncode == 0, result.stderr
    again = Site(tmp_path / "again")
    files = {*(f"{u}index.html" for u in PAGES), *(p.relative_to(site.root).as_posix() for p in (site.root / "so-lieu").glob("*.*"))}
    assert len(files) == 5 + 2 * 10  # the pages, and the CSV and JSON of every figure
    for name in files:
        assert (site.root / name).read_bytes() == (again.root / name).read_bytes(), name


# editors' data files and their mistakes --------------------------------------------------------------------------------------
HEAD = "title: Thử\nunit: hợp tác xã\nsource: Báo cáo thử\ndate: 2025-01-01\n"


def test_a_csv_data_file_reads_vietnamese_numbers(tmp_path):
    content = copy_content(tmp_path)
    (content / "so-lieu" / "von-gop.yml").write_text(HEAD.replace("unit: hợp tác xã", "unit: triệu đồng") + "csv: von-gop.csv\n", "utf-8")
    (content / "so-lieu" / "von-gop.csv").write_text('Tỉnh, thành phố;Kế hoạch;Thực hiện\nTỉnh Lào Cai;1.234;1.100,5\n"Tỉnh Lạng Sơn";12;12,25\n', "utf-8")
    figure = Figures(load_catalog(content, parse_datetime(NOW))).site["von-gop"]
    assert figure.series == ("Kế hoạch", "Thực hiện") and figure.category == "Tỉnh, thành phố"
    assert [(r.label, r.values) for r in figure.rows] == [("Tỉnh Lào Cai", (1234, 1100.5)), ("Tỉnh Lạng Sơn", (12, 12.25))]
    assert figure.summary.startswith("Tổng Thực hiện: 1.112,75 triệu đồng, bằng 89% Kế hoạch (1.246)")


MISTAKES = {
    "chu-so.yml": HEAD + "rows:\n  - {label: Huyện A, value: '12'}\n",
    "hang-nghin.yml": HEAD + "rows:\n  - {label: Huyện A, value: 1.234}\n",
    "sai-dong.yml": HEAD + "series: [Chỉ tiêu, Thực hiện]\nrows:\n  - {label: Huyện A, values: [1, 2]}\n  - {label: Huyện B, values: [1]}\n"
    "  - {province: lao-cay, values: [1, 2]}\n  - {label: Huyện A, values: [3, 4]}\n",
    "htx-theo-tinh.yml": HEAD + "rows:\n  - {label: A, value: 1}\n",
    "tu-csv.yml": HEAD + "csv: tu-csv.csv\n",
}


def test_mistakes_in_data_files_are_named_at_their_file_line_and_field(tmp_path, capsys):
    content = copy_content(tmp_path)
    for name, text in MISTAKES.items():
        (content / "so-lieu" / name).write_text(text, "utf-8")
    (content / "so-lieu" / "tu-csv.csv").write_text("Huyện;Số hợp tác xã\nHuyện A;3\nHuyện B;ba\n", "utf-8")
    article = content / "tin-tuc" / "kim-son-giu-nghe-coi.md"
    article.write_text(article.read_text("utf-8") + "\n{{ so-lieu: htx-theo-tinhh }}\n", "utf-8")
    line = article.read_text("utf-8").count("\n")
    with pytest.raises(ContentError) as caught:
        load_catalog(content, parse_datetime(NOW))
    found = [str(p) for p in caught.value.problems]
    expected = [
        "content/so-lieu/chu-so.yml:6: rows.1.value: '12' không phải là số — viết số không đặt trong ngoặc kép, ví dụ 12 hoặc 4.5",
        "content/so-lieu/hang-nghin.yml:6: rows.1.value: 1.234 có hơn hai chữ số sau dấu chấm — số có hàng nghìn viết liền",
        "content/so-lieu/sai-dong.yml:8: rows.2.values: có 1 số nhưng 'series' có 2 chuỗi — ghi đúng 2 số, theo thứ tự: Chỉ tiêu, Thực hiện",
        "content/so-lieu/sai-dong.yml:9: rows.3.province: không có tỉnh, thành phố 'lao-cay' — có phải ý bạn là 'lao-cai'?",
        "content/so-lieu/sai-dong.yml:10: rows.4: nhóm 'Huyện A' ghi hai lần (lần đầu ở dòng 7) — mỗi nhóm ghi một lần",
        "content/so-lieu/htx-theo-tinh.yml: mã 'htx-theo-tinh' trùng với một số liệu cổng tự tính từ nội dung — đặt tên khác cho tệp",
        "content/so-lieu/tu-csv.csv:3: Số hợp tác xã: 'ba' không phải là số",
        f"content/tin-tuc/kim-son-giu-nghe-coi.md:{line}: body: không có số liệu 'htx-theo-tinhh' — có phải ý bạn là 'htx-theo-tinh'?",
    ]
    for message in expected:
        assert sum(p.startswith(message) for p in found) == 1, (message, found)
    assert len([p for p in found if "so-lieu" in p or "htx-theo-tinhh" in p]) == len(expected)
    assert portal(["check", str(content), "--now", NOW]) == 1  # `portal check` names the same problems
    assert "'htx-theo-tinhh'" in capsys.readouterr().err


def test_placeholders_become_figures_only_through_the_build():
    html_in = '<p>a</p><div class="portal-figure-slot" title="co-that"></div><div class="portal-figure-slot" title="khong-co"></div><svg></svg>'
    out = embed(html_in, lambda figure_id, n: f"<figure>{figure_id} {n}</figure>" if figure_id == "co-that" else None)
    assert out == "<p>a</p><figure>co-that 1</figure><svg></svg>"  # (an editor's <svg> never gets here: the sanitiser removed it before)


def test_an_unknown_home_figure_stops_the_build(tmp_path):
    config = site_config(tmp_path / "config")
    config.write_text(config.read_text("utf-8").replace("home_figure: htx-theo-tinh", "home_figure: htx-theo-tinhh"), "utf-8")
    result = build_site(tmp_path / "out", config)
    assert result.returncode != 0 and "mkdocs.yml: home_figure: không có số liệu 'htx-theo-tinhh'" in result.stderr


# in the browser -----------------------------------------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.parametrize("width", [360, 1280])
def test_charts_fit_and_no_text_is_clipped_or_overlaps(site, browser, width):
    checked = 0
    with serve_folder(site.root) as base, opened(browser, None, width, javascript=False) as page:
        for url in PAGES:
            page.goto(base + url, wait_until="load")
            assert page.evaluate("document.documentElement.scrollWidth") <= width, url
            found = page.evaluate("""() => [...document.querySelectorAll('svg.portal-chart')].map(svg => {
                const box = svg.getBoundingClientRect();
                const texts = [...svg.querySelectorAll('text')].map(t => { const r = t.getBoundingClientRect();
                    return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; });
                return {left: box.left, right: box.right, top: box.top, bottom: box.bottom, texts};
            })""")
            for svg in found:
                for t in svg["texts"]:
                    inside = svg["left"] - 0.5 <= t["left"] and t["right"] <= svg["right"] + 0.5 and svg["top"] <= t["top"] and t["bottom"] <= svg["bottom"]
                    assert inside, (url, width, t, svg)
                for i, a in enumerate(svg["texts"]):
                    for b in svg["texts"][i + 1 :]:
                        overlap = min(a["right"], b["right"]) - max(a["left"], b["left"]) > 1 and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > 1
                        assert not overlap, (url, width, a, b)
                checked += 1
    assert checked == 10 + 1 + 2 + 1 + 1  # /so-lieu/, the province, the directory, the article, the home page


def test_the_fixture_site_is_what_the_counts_above_assume():
    assert sorted(p.name for p in (CONTENT / "so-lieu").iterdir()) == [f"{DATA_FILE}.yml"]
    assert Path(CONTENT / "tin-tuc" / "ninh-thuan-ke-hoach-thong-tin-tuyen-truyen-2021.md").read_text("utf-8").count("{{ so-lieu:") == 1
