"""The document registry: citation graph, stub pages, auto-links, filters, assigned tasks."""

from __future__ import annotations

import markdown
import pytest
from helpers import scheme

from site_plugins.bodies.autolink import DocumentLinks
from site_plugins.catalog.graph import Target


def node(catalog, entry_id):
    return catalog.graph.by_entry[entry_id]


def test_graph_typed_edges(catalog):
    plan = node(catalog, "kh-145-lmhtxvn-2021")
    assert [(n.number or n.title, rel) for n, rel in plan.bases] == [
        ("164-HD/BTGTW", "thuc-hien"),
        ("70-KL/TW", "can-cu"),
        ("134/NQ-CP", "lien-quan"),
        ("23/2012/QH13", "lien-quan"),
    ]
    (stub,) = catalog.graph.by_number["70-KL/TW"]  # one document, cited four times with or without issuer and date
    assert stub.entry is None and stub.type == "Kết luận" and stub.issuer == "bo-chinh-tri"
    assert sorted((e.id, rel) for e, rel in stub.cited_by) == [
        ("ctph-14-lmhtx-btgtu-lao-cai-2022", "lien-quan"),
        ("hd-13-btgtu-lang-son-2020", "lien-quan"),
        ("kh-145-lmhtxvn-2021", "can-cu"),
        ("kh-ubnd-ninh-thuan-2021-du-thao", "lien-quan"),
    ]


def test_a_law_cited_by_name_joins_its_numbered_page(catalog):
    law = node(catalog, "luat-23-2012-qh13")
    citing = {e.id: rel for e, rel in law.cited_by}
    assert citing["luat-17-2023-qh15"] == "thay-the"
    assert {"ctph-14-lmhtx-btgtu-lao-cai-2022", "hd-13-btgtu-lang-son-2020", "kh-145-lmhtxvn-2021"} <= set(citing)
    assert [e.id for e in law.replaced_by] == ["luat-17-2023-qh15"]
    assert "title:Luật Hợp tác xã năm 2012" not in catalog.graph.nodes


def test_a_law_cited_only_by_name_and_year_joins_the_published_law(catalog):
    """Without the 2023 law (whose citation gives the 2012 law's number and name together), the
    citations "Luật Hợp tác xã năm 2012" still lead to the published law: by its name and year."""
    from site_plugins.catalog.graph import CitationGraph

    graph = CitationGraph([d for d in catalog.documents if d.id != "luat-17-2023-qh15"], catalog.registries)
    law = graph.by_entry["luat-23-2012-qh13"]
    assert {"ctph-14-lmhtx-btgtu-lao-cai-2022", "hd-13-btgtu-lang-son-2020", "kh-145-lmhtxvn-2021"} <= {e.id for e, _ in law.cited_by}
    assert not [n for n in graph.nodes if n.startswith("title:")]


def test_stub_page_lists_who_cites_it(site):
    page = site.html("van-ban/70-kl-tw/")
    text = site.main_text("van-ban/70-kl-tw/")
    assert page.xpath("//h1")[0].text_content() == "Kết luận 70-KL/TW"
    assert "chưa được đăng trên trang" in text and "Bộ Chính trị" in text and "09/03/2020" in text
    groups = scheme(page)
    assert len(groups["can-cu-den"]) == 1 and groups["can-cu-den"][0].startswith("Kế hoạch 145/KH-LMHTXVN: Triển khai Hướng dẫn số 164-HD/BTGTW")
    assert len(groups["lien-quan-den"]) == 3
    assert "Văn bản này nêu 0 văn bản; 4 văn bản trên trang nêu văn bản này." in text


def test_document_page_shows_bases_and_what_implements_it(site):
    page = site.html("van-ban/145-kh-lmhtxvn-2021/")
    groups = scheme(page)
    assert groups["thuc-hien-di"] == ["Hướng dẫn 164-HD/BTGTW (chưa đăng)"]
    assert groups["can-cu-di"] == ["Kết luận 70-KL/TW (chưa đăng)"]
    assert groups["lien-quan-di"][1] == "Luật 23/2012/QH13: Luật Hợp tác xã"
    hrefs = page.xpath("//section[@id='luoc-do']//a/@href")
    assert "../164-hd-btgtw/" in hrefs and "../luat-hop-tac-xa-2012/" in hrefs
    stub = site.html("van-ban/164-hd-btgtw/")
    assert len(scheme(stub)["thuc-hien-den"]) == 2


def test_replaced_document_shows_status_and_replacement(site):
    """The 2012 law is replaced by the 2023 law, in force from 1/7/2024: worked out, not written."""
    page = site.html("van-ban/luat-hop-tac-xa-2012/")
    top = page.xpath("//p[contains(@class, 'portal-legal')]")[0]
    assert " ".join(top.text_content().split()) == "Hết hiệu lực toàn bộ từ ngày 01/07/2024 — theo Luật 17/2023/QH15"
    assert top.xpath("a/@href") == ["../luat-hop-tac-xa-2023/"]
    rows = {tr.xpath("th")[0].text: " ".join(tr.xpath("td")[0].text_content().split()) for tr in page.xpath("//table[@class='portal-metadata']//tr")}
    assert rows["Tình trạng hiệu lực"] == "Hết hiệu lực toàn bộ (từ 01/07/2024)"
    assert rows["Ngày có hiệu lực"] == "01/07/2013"
    assert scheme(page)["thay-the-den"] == ["Luật 17/2023/QH15: Luật Hợp tác xã"]
    assert "(0)" not in page.xpath("//section[@id='luoc-do']")[0].text_content()  # only the relations that have documents
    assert scheme(site.html("van-ban/luat-hop-tac-xa-2023/"))["thay-the-di"] == ["Luật 23/2012/QH13: Luật Hợp tác xã"]


def test_auto_links_in_built_pages(site):
    page = site.html("van-ban/13-hd-btgtu-2020/")
    links = page.xpath("//div[@class='portal-body']//a[@class='portal-doclink']")
    assert {(a.text, a.get("href")) for a in links} >= {
        ("Kết luận số 70-KL/TW", "../70-kl-tw/"),
        ("Hướng dẫn số 164-HD/BTGTW", "../164-hd-btgtw/"),
        ("Nghị quyết số 134/NQ-CP", "../134-nq-cp/"),
    }
    article = site.html("tin-tuc/ninh-binh-ky-ket-chuong-trinh-phoi-hop-tuyen-truyen/")
    assert article.xpath("//a[@class='portal-doclink']/@href") == ["../../van-ban/178-ctph-btgtw-lmhtxvn/"]
    links = page.xpath("//a[@class='portal-doclink']/@href") + article.xpath("//a[@class='portal-doclink']/@href")
    assert len(links) >= 4
    for href in links:
        target = (site.path("van-ban/13-hd-btgtu-2020/").parent / href / "index.html").resolve()
        assert target.exists() or (site.path("tin-tuc/ninh-binh-ky-ket-chuong-trinh-phoi-hop-tuyen-truyen/").parent / href / "index.html").resolve().exists()


def render(text: str, page: str = "tin-tuc/a.md") -> str:
    ext = DocumentLinks()
    ext.links = {
        "70-KL/TW": [Target("van-ban/70-kl-tw/index.md", "Kết luận 70-KL/TW", ("bo-chinh-tri",), 2020, frozenset())],
        "134/NQ-CP": [Target("van-ban/nq-134.md", "Nghị quyết 134/NQ-CP", ("chinh-phu",), 2020, frozenset())],
    }
    ext.page = page
    return markdown.markdown(text, extensions=[ext, "fenced_code"])


def test_extension_links_mentions_in_text():
    html = render("Thực hiện Kết luận số 70-KL/TW và nghị quyết 134/NQ-CP của Chính phủ.")
    assert '<a class="portal-doclink" href="../van-ban/70-kl-tw/index.md">Kết luận số 70-KL/TW</a>' in html
    assert '<a class="portal-doclink" href="../van-ban/nq-134.md">nghị quyết 134/NQ-CP</a> của Chính phủ.' in html


@pytest.mark.parametrize(
    "text",
    [
        "`Kết luận số 70-KL/TW`",
        "```\nKết luận số 70-KL/TW\n```",
        "## Kết luận số 70-KL/TW",
        "[Kết luận số 70-KL/TW](https://example.org/)",
        "Kết luận số 71-KL/TW chưa có trên trang",
    ],
)
def test_extension_leaves_code_headings_links_and_unknown_numbers_alone(text):
    assert "portal-doclink" not in render(text)


def test_extension_does_not_link_a_page_to_itself():
    assert "portal-doclink" not in render("Kết luận số 70-KL/TW", page="van-ban/70-kl-tw/index.md")
    assert "portal-doclink" in render("Kết luận số 70-KL/TW", page="van-ban/other.md")


def test_registry_filters_without_javascript(site):
    page = site.html("van-ban/")
    hrefs = set(page.xpath("//article//p/a/@href"))
    for url in (
        "loai/ke-hoach/",
        "loai/luat/",
        "loai/chuong-trinh-phoi-hop/",
        "nam/2021/",
        "tinh-trang/du-thao/",
        "tinh-trang/het-hieu-luc/",
        "../co-quan/lien-minh-htx-viet-nam/",
    ):
        assert url in hrefs, url
    assert "Kế hoạch (chưa có số)" not in site.main_text("van-ban/tinh-trang/du-thao/")
    assert "Thông tin tuyên truyền phát triển kinh tế tập thể, hợp tác xã tỉnh Ninh Thuận năm 2021" in site.main_text("van-ban/tinh-trang/du-thao/")
    rows = site.html("van-ban/loai/luat/").xpath("//table[@class='portal-documents']/tbody/tr")
    assert [r.xpath("td")[0].text_content() for r in rows] == ["17/2023/QH15", "23/2012/QH13"]


def test_agency_pages_list_assigned_tasks(site):
    text = site.main_text("co-quan/lien-minh-htx-viet-nam/")
    assert "Nhiệm vụ được giao" in text
    # counts by status, then the list; the 2021 plan is not tracked: its tasks past due are "no report recorded", not overdue
    assert "Chưa có báo cáo 7 Không ghi thời hạn 5" in text and "Quá hạn 7" not in text
    assert "Văn bản: 145/KH-LMHTXVN · Chủ trì: Liên minh Hợp tác xã Việt Nam · Phối hợp: Văn phòng Quốc hội, Văn phòng Chính phủ" in text
    assert "Thời hạn: Quý I/2021 xây dựng kế hoạch; triển khai hàng năm (hạn 31/03/2021)" in text
    partner = site.main_text("co-quan/van-phong-quoc-hoi/")
    assert "Chưa có báo cáo Phối hợp: Phối hợp với Văn phòng Quốc hội, Văn phòng Chính phủ xây dựng kế hoạch tuyên truyền" in partner
    assert "Văn bản: 145/KH-LMHTXVN · Chủ trì: Liên minh Hợp tác xã Việt Nam · Phối hợp: Văn phòng Quốc hội" in partner
    lao_cai = site.main_text("co-quan/ban-tuyen-giao-tinh-uy-lao-cai/")
    assert "Chủ trì: Tổ chức" in lao_cai or "Chủ trì:" in lao_cai


def test_sections_stay_bounded_however_often_a_document_is_cited(tmp_path):
    import shutil

    from helpers import CONTENT, NOW

    from site_plugins.catalog.loading import load_catalog
    from site_plugins.content.schema import parse_datetime
    from site_plugins.views.listings import Listings
    from site_plugins.views.siteviews import SiteViews

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    for i in range(35):
        (content / "van-ban" / f"kh-{i}.md").write_text(
            f"---\nid: kh-extra-{i}\ntype: Kế hoạch\nnumber: {i + 1}/KH-LMHTXVN\nissuers: [lien-minh-htx-viet-nam]\n"
            f"issued: 2022-01-{1 + i % 28:02d}\nsummary: Kế hoạch {i}\ncites:\n  - {{number: 70-KL/TW, relation: can-cu}}\n---\n",
            "utf-8",
        )
    catalog = load_catalog(content, parse_datetime(NOW))
    views = SiteViews(catalog, Listings(catalog, "Trang"))
    lines = views.pages["van-ban/70-kl-tw/"].context["scheme"]
    bases = next(g for g in lines["cited"] if g["key"] == "can-cu-den")
    assert lines["total_cited"] == 39 and bases["total"] == 36 and len(bases["items"]) == 30
    documents = views.pages["co-quan/lien-minh-htx-viet-nam/"].context["documents"]
    assert documents["total"] == 36 and len(documents["items"]) == 30


def test_pdf_attachments_are_checked_listed_and_enclosed(tmp_path):
    import json
    import shutil

    from helpers import CONTENT, NOW, SITE_URL, Site, build_site, site_config
    from PIL import Image

    from site_plugins.catalog.loading import load_catalog
    from site_plugins.common.problems import ContentError
    from site_plugins.content.schema import parse_datetime

    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "tep").mkdir()
    Image.new("RGB", (200, 280), "white").save(content / "tep" / "145-kh-lmhtxvn.pdf")
    (content / "tep" / "hong.pdf").write_bytes(b"<html>not a pdf</html>")
    plan = content / "van-ban" / "145-kh-lmhtxvn-2021.md"
    text = plan.read_text("utf-8").replace("\ntags:", "\nattachments:\n- {title: Bản gốc (PDF), src: ../tep/hong.pdf}\ntags:", 1)
    plan.write_text(text, "utf-8")
    with pytest.raises(ContentError) as caught:
        load_catalog(content, parse_datetime(NOW))
    assert [str(p).split(": ", 1)[1] for p in caught.value.problems] == [
        "attachments.1.src: '../tep/hong.pdf' không đọc được thành PDF — xuất lại văn bản dạng PDF"
    ]
    plan.write_text(text.replace("hong.pdf", "145-kh-lmhtxvn.pdf"), "utf-8")

    config = site_config(tmp_path, content)
    result = build_site(tmp_path / "site", config)
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path / "site")
    page = site.html("van-ban/145-kh-lmhtxvn-2021/")
    assert page.xpath("//ul[@class='portal-attachments']/li/a/@href") == ["../../tep/145-kh-lmhtxvn.pdf"]
    size = (content / "tep" / "145-kh-lmhtxvn.pdf").stat().st_size
    item = next(i for i in json.loads(site.text("van-ban/feed.json"))["items"] if i["title"].startswith("Kế hoạch 145/KH"))
    assert item["attachments"] == [{"url": SITE_URL + "tep/145-kh-lmhtxvn.pdf", "mime_type": "application/pdf", "size_in_bytes": size}]
    import feedparser

    rss = feedparser.parse(site.path("van-ban/feed.xml").read_bytes())
    entry = next(e for e in rss.entries if e.title.startswith("Kế hoạch 145/KH"))
    assert [(x.href, x.type, int(x.length)) for x in entry.enclosures] == [(SITE_URL + "tep/145-kh-lmhtxvn.pdf", "application/pdf", size)]


def test_extension_links_a_document_once_per_paragraph():
    html = render("Kết luận số 70-KL/TW nói rõ; Kết luận số 70-KL/TW cũng yêu cầu; Kết luận số 70-KL/TW.\n\nĐoạn sau: Kết luận số 70-KL/TW.")
    assert html.count("portal-doclink") == 2  # one link in each paragraph
    assert html.index("portal-doclink") < html.index("nói rõ")  # the first mention is the link


def test_body_headings_never_skip_a_level():
    from site_plugins.bodies.headings import HeadingLevels

    levels = HeadingLevels()
    levels.top = 2  # a document's body sits under the page's "Nội dung" h2
    html = markdown.markdown("### I. Mục đích\n\n##### 1.1. Nhiệm vụ\n\n## Lạc cấp\n\n#### 2. Tiếp", extensions=[levels])
    assert [line[:4] for line in html.splitlines()] == ["<h3>", "<h4>", "<h3>", "<h4>"]


def test_open_data_of_the_registry(site):
    import csv
    import io
    import json

    page = site.html("van-ban/")
    assert "../van-ban/du-lieu/" in page.xpath("//a/@href") or "du-lieu/" in page.xpath("//a/@href")
    about = site.html("van-ban/du-lieu/")
    assert [h.text_content() for h in about.xpath("//article//h2")] == ["Văn bản", "Quan hệ giữa các văn bản", "Nhiệm vụ được giao"]
    raw = site.path("van-ban/du-lieu/van-ban.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with a BOM: spreadsheets read Vietnamese right
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    plan = next(r for r in rows if r["so_ky_hieu"] == "145/KH-LMHTXVN")
    assert (plan["loai"], plan["ngay_ban_hanh"], plan["co_quan_ban_hanh"], plan["tinh_trang_ten"]) == (
        "Kế hoạch",
        "2021-03-22",
        "Liên minh Hợp tác xã Việt Nam",
        "Còn hiệu lực",
    )
    assert plan["nguoi_ky"] == "Nguyễn Ngọc Bảo (TM. Chủ tịch)"
    assert len(rows) == 6 and json.loads(site.text("van-ban/du-lieu/van-ban.json")) == rows
    relations = list(csv.DictReader(io.StringIO(site.path("van-ban/du-lieu/quan-he.csv").read_bytes().decode("utf-8-sig"))))
    assert {"tu_so_ky_hieu": "145/KH-LMHTXVN", "quan_he": "can-cu", "den_so_ky_hieu": "70-KL/TW", "den_id": ""}.items() <= next(
        r for r in relations if r["tu_so_ky_hieu"] == "145/KH-LMHTXVN" and r["den_so_ky_hieu"] == "70-KL/TW"
    ).items()
    tasks = json.loads(site.text("van-ban/du-lieu/nhiem-vu.json"))
    assert len([t for t in tasks if t["so_ky_hieu"] == "145/KH-LMHTXVN"]) == 29  # every task of the plan
    assert tasks[0].keys() == {
        "van_ban_id", "so_ky_hieu", "stt", "noi_dung", "chu_tri", "chu_tri_ten", "phoi_hop", "thoi_han", "kinh_phi", "han", "hoan_thanh",
        "trang_thai", "trang_thai_ten",
    }  # fmt: skip
    first = next(t for t in tasks if t["so_ky_hieu"] == "145/KH-LMHTXVN" and t["stt"] == "1")
    assert (first["han"], first["trang_thai"]) == ("2021-03-31", "chua-co-bao-cao")  # "Quý I/2021 …", nothing reported done, plan not tracked
