"""The input shapes of issue 19, each with its fixture: texts as editors really paste them (one
line, escaped breaks, whole web pages, reposts without a header), symbols as sites and OCR print
them, signatures and tasks as pages break them — and issuers that are never another province's."""

from __future__ import annotations

import pytest
from helpers import CONTENT, FIXTURES

from site_plugins.common.docnumbers import parse_number
from site_plugins.content.registries import load_registries
from site_plugins.importer.agencies import AgencyMatcher
from site_plugins.importer.citations import find_citations
from site_plugins.importer.importer import import_text
from site_plugins.importer.source import read_source

REGISTRIES = load_registries(CONTENT)[0]
CORPUS = FIXTURES / "documents"


def imported(name: str):
    return import_text(read_source(CORPUS / name), REGISTRIES, name)


def header(fm: dict) -> tuple:
    return fm.get("type"), fm.get("number"), fm.get("place"), fm.get("issued"), fm.get("summary")


def cites(*paragraphs: str, province: str | None = "lao-cai") -> dict[str, dict]:
    found = find_citations(list(paragraphs), None, AgencyMatcher(REGISTRIES), province, [])
    return {c.number or c.title or "": c.as_front_matter() for c in found}


# ---- the text as a whole -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "variant, original",
    [
        ("ke-hoach-5491-kh-ubnd-lam-dong-2023-mot-dong.txt", "ke-hoach-5491-kh-ubnd-lam-dong-2023.txt"),  # a PDF's text on one line
        ("quyet-dinh-2335-qd-ubnd-lam-dong-2012-escaped.txt", "quyet-dinh-2335-qd-ubnd-lam-dong-2012.txt"),  # "\r\n" as characters
        ("quyet-dinh-15-2023-qd-ubnd-tien-giang-trang-web.txt", "quyet-dinh-15-2023-qd-ubnd-tien-giang.txt"),  # the whole web page
    ],
)
def test_a_document_in_another_shape_gives_the_same_header(variant, original):
    reshaped, plain = imported(variant), imported(original)
    assert "\n" not in (CORPUS / variant).read_text("utf-8").strip() or "\\r\\n" not in (CORPUS / variant).read_text("utf-8")
    assert header(reshaped.front_matter) == header(plain.front_matter)
    assert reshaped.front_matter["issuers"] == plain.front_matter["issuers"]


def test_the_web_page_around_a_document_is_cut_and_said():
    result = imported("quyet-dinh-15-2023-qd-ubnd-tien-giang-trang-web.txt")
    assert any(w.startswith("văn bản được chép cùng trang web: đã bỏ") for w in result.front_matter["review"])
    for chrome in ("Đăng nhập", "Số hiệu", "Lưu trữ", "Bạn Chưa Đăng Nhập", "Về Lưu trữ"):
        assert chrome not in result.body, chrome


def test_a_page_metadata_table_is_a_fallback_marked_for_review():
    text = """Trang chủ
Văn bản pháp luật
Số hiệu:\t16/HD-MT
Loại văn bản:\tHướng dẫn
Cơ quan ban hành:\tỦy ban MTTQ Việt Nam tỉnh Bắc Giang
Ngày ban hành:\t23/08/2016
Căn cứ Hướng dẫn số 48/HD-MTTW-BTT ngày 19/5/2016 của Ủy ban Trung ương MTTQ Việt Nam về tiêu chí thi đua năm 2016;
Ban Thường trực Ủy ban MTTQ tỉnh hướng dẫn tiêu chí thi đua năm 2016 như sau:
"""
    result = import_text(text, REGISTRIES)
    fm = result.front_matter
    assert (fm["number"], fm["type"], fm["issued"], fm["issuers"]) == ("16/HD-MT", "Hướng dẫn", "2016-08-23", ["mat-tran-to-quoc-tinh-bac-giang"])
    assert sum("từ dòng 'Số hiệu:' của trang web" in r or "trang web" in r for r in fm["review"]) >= 2


def test_a_web_pages_metadata_line_is_not_the_number_line_nor_a_wrapped_title():
    text = """Số hiệu: 99/KH-UBND
UBND TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 12/KH-UBND | Lào Cai, ngày 3 tháng 3 năm 2025 |
KẾ HOẠCH
Thực hiện Quy định
số 99-QĐ/TW của Ban Bí thư

Căn cứ Quy định số 99-QĐ/TW ngày 12/4/2023 của Ban Bí thư;
"""
    fm = import_text(text, REGISTRIES).front_matter
    assert fm["number"] == "12/KH-UBND" and fm["summary"] == "Thực hiện Quy định số 99-QĐ/TW của Ban Bí thư"


def test_a_repost_without_header_is_read_from_its_lead_sentence():
    result = imported("thong-bao-596-2018-tb-qu-quan-uy-long-bien.txt")
    fm = result.front_matter
    assert (fm["type"], fm["number"], fm["issued"]) == ("Thông báo", "596-TB/QU", "2018-10-23")
    assert fm["summary"] == "Kết luận của Thường trực Quận ủy về các hoạt động chào mừng 15 năm thành lập Quận"
    assert result.agencies[0]["name"] == "Quận ủy Long Biên" and "review" in result.agencies[0]
    assert sum("câu mở đầu" in r for r in fm["review"]) == 3  # number, trích yếu, date: each for the editor to check


def test_only_a_text_with_nothing_official_is_refused():
    from site_plugins.importer.header import NotADocument

    with pytest.raises(NotADocument, match="không phải văn bản hành chính"):
        import_text("Giá nông sản hôm nay\n\nGiá lúa tăng nhẹ ở đồng bằng sông Cửu Long.", REGISTRIES)
    headerless = import_text("ĐỊNH HƯỚNG TUYÊN TRUYỀN THÁNG 7\n\nThực hiện Kế hoạch số 172-KH/TU ngày 21/01/2020 của Ban Thường vụ Tỉnh ủy;", REGISTRIES)
    assert headerless.front_matter["cites"][0]["number"] == "172-KH/TU" and headerless.front_matter["review"]


# ---- symbols -----------------------------------------------------------------------------------


def test_double_slash_codes_and_joint_issuers():
    number = parse_number("01/QCPH/UBND-UBMTTQ")
    assert (number.text, number.type_name(), number.issuer_codes) == ("01/QCPH/UBND-UBMTTQ", "Quy chế phối hợp", ("UBND", "UBMTTQ"))
    text = "UBND TỈNH HÀ GIANG - UBMTTQ VIỆT NAM TỈNH HÀ GIANG\nSố: 04/QCPH/UBND-UBMTTQ\nHà Giang, ngày 5 tháng 3 năm 2013\n\nQUY CHẾ PHỐI HỢP\nCông tác giữa hai cơ quan\n\nNội dung."
    assert import_text(text, REGISTRIES).front_matter["issuers"] == ["ubnd-tinh-ha-giang", "mat-tran-to-quoc-tinh-ha-giang"]


def test_cyrillic_and_greek_look_alikes_in_symbols_are_made_latin():
    assert parse_number("12/QĐ-UВND").text == "12/QĐ-UBND"  # a Cyrillic В
    assert parse_number("5/ΚΗ-UBND").text == "5/KH-UBND"  # Greek Κ and Η
    assert "12/QĐ-UBND" in cites("Căn cứ Quyết định số 12/QĐ-UВND ngày 3/3/2025 của UBND tỉnh;")


def test_citation_shapes():
    found = cites(
        "Căn cứ Kết luận số 78- KL/TW ngày 10/6/2024 của Bộ Chính trị; Báo cáo số 46/BC- HĐND ngày 3/5/2024 của HĐND tỉnh; Căn cứ Nghị quyết số",
        "20-NQ/TW ngày 16/6/2022 và Kết luận số 70-KL/TW ngày 9/3/2020 của Bộ Chính trị;",
        "Căn cứ Công văn số 126/SKHĐT ngày 5/1/2024 của Sở Kế hoạch và Đầu tư; Nghị quyết số 70/2025/UBTVQH15; Quyết định số 35/2025/QĐ-TTgcủa "
        "Thủ tướng Chính phủ; Quy định số 178-QĐ/TW ngày 27/6/2024 của Bộ Chính trị; Nghị định số 45/2021/NĐ-CP và số 98/2018/NĐ-CP của Chính phủ.",
    )
    assert found["78-KL/TW"]["issuer"] == "bo-chinh-tri" and found["46/BC-HĐND"]["issuer"] == "hdnd-tinh-lao-cai"  # spaced dashes
    assert found["20-NQ/TW"]["issued"] == "2022-06-16"  # "số" at the end of a line
    assert found["98/2018/NĐ-CP"]["type"] == "Nghị định"  # the second document of one clause
    assert found["126/SKHĐT"]["type"] == "Công văn" and found["70/2025/UBTVQH15"]["type"] == "Nghị quyết"  # no type code
    assert found["35/2025/QĐ-TTg"]["issuer"] == "thu-tuong-chinh-phu"  # glued to the next word
    assert found["178-QĐ/TW"]["type"] == "Quy định"  # the Party's Quy định


def test_a_law_cited_by_number_and_by_name_is_one_citation_and_bare_names_count_in_lists():
    found = cites(
        "Căn cứ Luật Hợp tác xã số 17/2023/QH15 ngày 20 tháng 6 năm 2023;",
        "Căn cứ Luật Đầu tư công, Luật Ngân sách nhà nước;",
        "Triển khai Luật Hợp tác xã năm 2023 đến các hợp tác xã.",
        "Đẩy mạnh tuyên truyền Luật Hợp tác xã, các chính sách về hợp tác xã.",  # a mention, not a citation
        "Căn cứ Luật Mặt trận Tổ quốc Việt Nam ngày 12 tháng 6 năm 1999;",
    )
    assert sorted(found) == ["17/2023/QH15", "Luật Mặt trận Tổ quốc Việt Nam", "Luật Ngân sách nhà nước", "Luật Đầu tư công"]
    assert found["Luật Mặt trận Tổ quốc Việt Nam"]["issued"] == "1999-06-12"


# ---- issuers -----------------------------------------------------------------------------------


def test_a_unique_code_never_picks_another_provinces_body():
    """The fixture registry has one HĐND (Lào Cai's): a Quảng Trị resolution is Quảng Trị's,
    from the national registry, and says where it came from."""
    text = "HỘI ĐỒNG NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 17/2009/NQ-HĐND\nĐông Hà, ngày 24 tháng 7 năm 2009\n\nNGHỊ QUYẾT\nVề giống cây trồng\n\nNội dung."
    result = import_text(text, REGISTRIES)
    assert result.front_matter["issuers"] == ["hdnd-tinh-quang-tri"]
    assert "hdnd-tinh-quang-tri" in [a["id"] for a in result.agencies] and "quang-tri" in [p["id"] for p in result.provinces]


def test_a_district_is_known_from_its_place_and_an_unknown_body_is_proposed():
    text = "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 107/BC-UBND | Phú Nhuận, ngày 26 tháng 8 năm 2016 |\nBÁO CÁO\nKết quả chuyển đổi hợp tác xã\n\nNội dung."
    result = import_text(text, REGISTRIES)
    proposed = result.agencies[0]
    assert (proposed["name"], proposed["level"], proposed["province"]) == ("Ủy ban nhân dân quận Phú Nhuận", "huyen", "ho-chi-minh")
    assert result.front_matter["issuers"] == [proposed["id"]] != ["ubnd-thanh-pho-ho-chi-minh"]


def test_the_site_keeps_its_own_id_for_a_body_the_national_registry_also_knows():
    matcher = AgencyMatcher(REGISTRIES)
    assert matcher.by_text("Sở Nông nghiệp và Phát triển Nông thôn", "ninh-thuan") == "so-nong-nghiep-va-ptnt-ninh-thuan"


# ---- signatures and tasks ----------------------------------------------------------------------

CLOSING = """UBND TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
Số: 27/KH-UBND | Lào Cai, ngày 3 tháng 3 năm 2025 |
KẾ HOẠCH
Phát triển hợp tác xã năm 2025

1. Giao Sở Nông nghiệp và Phát triển nông thôn chủ trì, phối hợp với Sở Tài chính và Liên minh Hợp tác xã tỉnh tổ chức tập huấn, hoàn thành trong Quý I/2027.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN
DÂN TỈNH KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Trọng Hài
"""


def test_broken_capacity_lines_a_whole_chain_and_a_signature_after_the_recipients():
    fm = import_text(CLOSING, REGISTRIES).front_matter
    assert fm["recipients"] == ["Như trên", "Lưu: VT"]  # the signature is not glued onto "Lưu: VT"
    assert fm["signers"] == [
        {
            "name": "Nguyễn Trọng Hài",
            "position": "Phó Chủ tịch",
            "capacity": "KT.",
            "on_behalf_of": "Ủy ban nhân dân tỉnh",
            "chain": ["TM. Ủy ban nhân dân tỉnh", "KT. Chủ tịch"],
            "agency": "ubnd-tinh-lao-cai",
        }
    ]


def test_a_task_agency_with_va_its_partners_and_its_deadline():
    task = import_text(CLOSING, REGISTRIES).front_matter["tasks"][0]
    assert task["lead"] == ["so-nong-nghiep-va-phat-trien-nong-thon-lao-cai"]
    assert task["partners"] == ["so-tai-chinh-lao-cai", "lien-minh-htx-tinh-lao-cai"] and task["deadline"] == "Quý I/2027"


def test_a_task_whose_agency_no_registry_knows_is_kept_with_a_warning():
    text = CLOSING.replace("1. Giao Sở Nông nghiệp", "1. Giao Trung tâm Khuyến nông tỉnh tổ chức tập huấn.\n2. Giao Sở Nông nghiệp")
    result = import_text(text, REGISTRIES)
    assert result.front_matter["tasks"][0] == {"text": "Tổ chức tập huấn", "lead_name": "Trung tâm Khuyến nông tỉnh"}
    assert any("Trung tâm Khuyến nông tỉnh" in w for w in result.front_matter["review"])
