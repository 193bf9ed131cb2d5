"""A document is issuer + year + number, never the number alone: two "27/KH-UBND" of two provinces
stay two documents in the graph, on their pages, in auto-links; what stays ambiguous is not
linked and is reported with the file, the line and the candidates."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CONTENT, NOW, ROOT, Site, build_site, site_config
from helpers import write_document as document

from site_plugins.catalog.loading import load_catalog
from site_plugins.content.schema import parse_datetime


def article(content: Path, name: str, head: str, text: str) -> None:
    (content / "tin-tuc" / name).write_text(
        f"---\nid: {name[:-3]}\ntitle: Tin {name[:-3]}\nsummary: Sapo.\ndate: 2025-04-01\ncolumn: kinh-te-tap-the-htx\n{head.strip()}\n---\n\n{text}\n",
        "utf-8",
    )


@pytest.fixture(scope="module")
def same_number(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("identity") / "content"
    shutil.copytree(CONTENT, content)
    document(
        content,
        "27-kh-ubnd-lao-cai.md",
        """
id: kh-27-ubnd-lao-cai-2024
type: Kế hoạch
number: 27/KH-UBND
issuers: [ubnd-tinh-lao-cai]
issued: 2024-03-01
summary: Phát triển kinh tế tập thể tỉnh Lào Cai năm 2024
cites: [{number: 70-KL/TW, relation: can-cu}]""",
    )
    document(
        content,
        "27-kh-ubnd-ninh-thuan.md",
        """
id: kh-27-ubnd-ninh-thuan-2025
type: Kế hoạch
number: 27/KH-UBND
issuers: [ubnd-tinh-ninh-thuan]
issued: 2025-03-03
summary: Phát triển kinh tế tập thể tỉnh Ninh Thuận năm 2025
cites: [{number: 134/NQ-CP, relation: can-cu}]""",
    )
    document(
        content,
        "5-kh-lmhtx-lao-cai.md",
        """
id: kh-5-lmhtx-lao-cai-2024
type: Kế hoạch
number: 5/KH-LMHTX
issuers: [lien-minh-htx-tinh-lao-cai]
issued: 2024-04-02
summary: Liên minh HTX tỉnh thực hiện kế hoạch của tỉnh
cites: [{number: 27/KH-UBND, relation: thuc-hien}]""",
    )  # no issuer: its own province says Lào Cai
    document(
        content,
        "9-kh-lmhtxvn.md",
        """
id: kh-9-lmhtxvn-2025
type: Kế hoạch
number: 9/KH-LMHTXVN
issuers: [lien-minh-htx-viet-nam]
issued: 2025-05-05
summary: Tổng hợp kế hoạch của các tỉnh
cites:
  - {number: 27/KH-UBND, relation: lien-quan}
  - {number: 27/KH-UBND, relation: lien-quan, issuer: ubnd-tinh-ninh-thuan}""",
    )  # the first says nothing to choose by
    article(content, "tin-lao-cai.md", "agency: lien-minh-htx-tinh-lao-cai\nprovinces: [lao-cai]",
            "Tỉnh triển khai Kế hoạch số 27/KH-UBND về kinh tế tập thể.")  # fmt: skip
    article(content, "tin-toan-quoc.md", "agency: lien-minh-htx-viet-nam",
            "Nhiều tỉnh đã ban hành văn bản.\n\nKế hoạch số 27/KH-UBND được nhắc đến ở đây.\n\nKế hoạch số 27/KH-UBND của UBND tỉnh Ninh Thuận thì rõ.")  # fmt: skip
    return content


def test_the_graph_keeps_two_documents_of_the_same_number_apart(same_number):
    catalog = load_catalog(same_number, parse_datetime(NOW))
    graph = catalog.graph
    lao_cai, ninh_thuan = graph.by_entry["kh-27-ubnd-lao-cai-2024"], graph.by_entry["kh-27-ubnd-ninh-thuan-2025"]
    assert lao_cai is not ninh_thuan
    assert [n.number for n, _ in lao_cai.bases] == ["70-KL/TW"] and [n.number for n, _ in ninh_thuan.bases] == ["134/NQ-CP"]
    assert [(e.id, rel) for e, rel in lao_cai.cited_by] == [("kh-5-lmhtx-lao-cai-2024", "thuc-hien")]  # chosen by province
    assert [(e.id, rel) for e, rel in ninh_thuan.cited_by] == [("kh-9-lmhtxvn-2025", "lien-quan")]  # chosen by issuer
    warnings = [str(w) for w in catalog.warnings if "27/KH-UBND" in str(w)]
    assert warnings == [
        "content/van-ban/9-kh-lmhtxvn.md:9: cảnh báo: cites.1: số 27/KH-UBND ứng với 2 văn bản trên trang "
        "(Kế hoạch 27/KH-UBND (UBND tỉnh Ninh Thuận, 2025), Kế hoạch 27/KH-UBND (UBND tỉnh Lào Cai, 2024)) — chưa liên kết; "
        "ghi thêm 'issuer:' (mã cơ quan ban hành) hoặc 'issued:' (ngày ban hành) trong trích dẫn này"
    ]


def test_portal_check_names_the_ambiguous_mention(same_number):
    env = {**os.environ, "PORTAL_NOW": NOW, "PORTAL_LANG": "vi"}
    result = subprocess.run([sys.executable, "-m", "site_plugins", "check", str(same_number)], capture_output=True, text=True, cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    mentions = [line for line in result.stderr.splitlines() if "tin-toan-quoc.md" in line]
    assert mentions == [
        "content/tin-tuc/tin-toan-quoc.md:12: cảnh báo: body: 'Kế hoạch số 27/KH-UBND' có thể là "
        "Kế hoạch 27/KH-UBND (UBND tỉnh Ninh Thuận, 2025), Kế hoạch 27/KH-UBND (UBND tỉnh Lào Cai, 2024) — chưa tạo liên kết; "
        "ghi rõ cơ quan ban hành ngay sau số ('… của UBND tỉnh Lào Cai') hoặc năm ('… năm 2024')"
    ]
    assert "tin-lao-cai.md" not in result.stderr  # the province told which


def test_pages_and_auto_links_follow_the_identity(same_number, tmp_path):
    result = build_site(tmp_path / "site", site_config(tmp_path / "config", same_number), strict=False)
    assert result.returncode == 0, result.stderr
    site = Site(tmp_path / "site")
    assert site.html("tin-tuc/tin-lao-cai/").xpath("//a[@class='portal-doclink']/@href") == ["../../van-ban/27-kh-ubnd-lao-cai/"]
    national = site.html("tin-tuc/tin-toan-quoc/").xpath("//a[@class='portal-doclink']")
    assert [(a.text, a.get("href")) for a in national] == [("Kế hoạch số 27/KH-UBND", "../../van-ban/27-kh-ubnd-ninh-thuan/")]  # only the one named
    bases = [
        " ".join(li.text_content().split())
        for li in site.html("van-ban/27-kh-ubnd-lao-cai/").xpath("//section[@id='luoc-do']//h4[@id='luoc-do-can-cu-di']/following-sibling::ul[1]/li")
    ]
    assert bases == ["Kết luận 70-KL/TW (chưa đăng)"]  # not the Ninh Thuận plan's bases
