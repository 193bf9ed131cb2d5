"""The importer on the layouts real documents arrive in: two-column headers pasted on one line,
"Số … V/v …" on one line, .docx header tables, long documents, legacy font encodings (TCVN3,
VNI, also mixed with Unicode), OCR confusions, spaced symbols, nested signature capacities, the
signature pasted beside "Nơi nhận", citations with names and long dates, and text-layer PDFs."""

from __future__ import annotations

import pytest
from helpers import CONTENT

from site_plugins.content.registries import load_registries
from site_plugins.importer.importer import import_text
from site_plugins.importer.legacy import TCVN3, VNI, encoding_of, to_unicode
from site_plugins.importer.source import NoTextLayer, read_source

PLAN = """UBND TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 27/KH-UBND Lào Cai, ngày 3 tháng 3 năm 2025

KẾ HOẠCH
Phát triển kinh tế tập thể, hợp tác xã năm 2025

Căn cứ Luật Hợp tác xã số 17/2023/QH15 ngày 20 tháng 6 năm 2023 của Quốc hội;
Căn cứ Kết luận số 70-KL/TW ngày 9/3/2020 của Bộ Chính trị;
{filler}
I. TỔ CHỨC THỰC HIỆN
1. Giao Liên minh Hợp tác xã Việt Nam chủ trì, phối hợp với Văn phòng Quốc hội tổ chức tập huấn cho cán bộ hợp tác xã.
2. Ban Tuyên giáo Tỉnh ủy Lào Cai có trách nhiệm tuyên truyền kết quả thực hiện Kế hoạch.

Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Như trên; KT. CHỦ TỊCH
- Lưu: VT. PHÓ CHỦ TỊCH

Nguyễn Trọng Hài
"""

REGISTRIES = load_registries(CONTENT)[0]


def plan(filler: str = "") -> dict:
    return import_text(PLAN.format(filler=filler), REGISTRIES).front_matter


def test_two_column_header_pasted_on_one_line():
    fm = plan()
    assert (fm["type"], fm["number"], fm["issuers"], fm["place"], fm["issued"]) == ("Kế hoạch", "27/KH-UBND", ["ubnd-tinh-lao-cai"], "Lào Cai", "2025-03-03")
    assert fm["id"] == "kh-27-ubnd-lao-cai-2025" and fm["summary"] == "Phát triển kinh tế tập thể, hợp tác xã năm 2025"


def test_no_length_limit():
    filler = "\n".join(f"{i}. Nội dung thứ {i} của kế hoạch." for i in range(1, 300))
    fm = plan(filler)
    assert (fm["number"], fm["issued"], fm["issuers"]) == ("27/KH-UBND", "2025-03-03", ["ubnd-tinh-lao-cai"])


def test_nested_capacities_and_signature_beside_recipients():
    fm = plan()
    assert fm["signers"] == [
        {
            "name": "Nguyễn Trọng Hài",
            "position": "Phó Chủ tịch",
            "capacity": "KT.",
            "on_behalf_of": "Ủy ban nhân dân",
            "chain": ["TM. Ủy ban nhân dân", "KT. Chủ tịch"],
            "agency": "ubnd-tinh-lao-cai",
        }
    ]
    assert fm["recipients"] == ["Như trên", "Lưu: VT"]


def test_citations_with_names_long_and_short_dates_and_issuers():
    cites = {c["number"]: c for c in plan()["cites"] if "number" in c}
    law = cites["17/2023/QH15"]
    assert (law["type"], law["issued"], law["relation"], law.get("title")) == ("Luật", "2023-06-20", "can-cu", "Luật Hợp tác xã")
    assert cites["70-KL/TW"]["issued"] == "2020-03-09" and cites["70-KL/TW"]["issuer"] == "bo-chinh-tri"


def test_task_sentences():
    tasks = plan()["tasks"]
    assert tasks[0]["lead"] == ["lien-minh-htx-viet-nam"] and tasks[0]["partners"] == ["van-phong-quoc-hoi"]
    assert tasks[0]["text"] == "Tổ chức tập huấn cho cán bộ hợp tác xã"  # the sentence task, capitalised as a task reads
    assert tasks[1]["lead"] == ["ban-tuyen-giao-tinh-uy-lao-cai"] and tasks[1]["text"].startswith("Tuyên truyền kết quả")


def test_official_letter_number_and_subject_on_one_line():
    text = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1520/UBND-KT V/v triển khai Luật Hợp tác xã năm 2023 Lào Cai, ngày 12 tháng 4 năm 2024

Kính gửi: Liên minh Hợp tác xã Việt Nam.

Ủy ban nhân dân tỉnh đề nghị các cơ quan triển khai thực hiện.
"""
    fm = import_text(text, REGISTRIES).front_matter
    assert (fm["type"], fm["number"], fm["issued"], fm["place"]) == ("Công văn", "1520/UBND-KT", "2024-04-12", "Lào Cai")
    assert fm["summary"] == "Triển khai Luật Hợp tác xã năm 2023"


@pytest.mark.parametrize("printed, number", [("12/2019/QĐ - UBND", "12/2019/QĐ-UBND"), ("45 /KH-UBND", "45/KH-UBND"), ("1O/KH-UBND", "10/KH-UBND"),
                                             ("l2/KH-UBND", "12/KH-UBND"), ("27/KH-UBNÐ", "27/KH-UBNĐ")])  # fmt: skip
def test_spaces_and_ocr_confusions_in_numbers(printed, number):
    text = PLAN.format(filler="").replace("Số: 27/KH-UBND", f"Số: {printed}").replace("KẾ HOẠCH", "QUYẾT ĐỊNH" if "QĐ" in number else "KẾ HOẠCH")
    assert import_text(text, REGISTRIES).front_matter.get("number") == number


def test_legacy_encoding_charts():
    # TCVN3: one byte a letter, in the order of the published chart
    assert "".join(TCVN3[c] for c in "¸µ¶·¹") == "áàảãạ" and TCVN3["®"] == "đ" and TCVN3["§"] == "Đ" and TCVN3["\u00ad"] == "ư"
    assert "".join(TCVN3[c] for c in "ÕÒÓÔÖ") == "ếềểễệ" and "".join(TCVN3[c] for c in "íêëìî") == "ớờởỡợ"
    # VNI: a letter and its tone bytes
    assert (VNI["aù"], VNI["aâ"], VNI["aá"], VNI["aê"], VNI["aé"], VNI["ôù"], VNI["öï"], VNI["ñ"], VNI["Ñ"]) == ("á", "â", "ấ", "ă", "ắ", "ớ", "ự", "đ", "Đ")
    assert (VNI["AÙ"], VNI["EÄ"], VNI["OÂ"], VNI["Ö"]) == ("Á", "Ệ", "Ô", "Ư")
    assert encoding_of("Luật Hợp tác xã") is None and encoding_of("Hà Nội") is None


def test_legacy_documents_mixed_with_unicode():
    tcvn3 = "CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM\n§éc lËp - Tù do - H¹nh phóc"
    vni = "Phaùt trieån kinh teá taäp theå, hôïp taùc xaõ naêm 2025"
    text, found = to_unicode(f"UBND TỈNH LÀO CAI\n{tcvn3}\nSố: 27/KH-UBND\n{vni}")
    assert text.split("\n") == ["UBND TỈNH LÀO CAI", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 27/KH-UBND",
                                "Phát triển kinh tế tập thể, hợp tác xã năm 2025"]  # fmt: skip
    assert found == {"tcvn3": 2, "vni": 1}
    legacy = PLAN.format(filler="").replace("Phát triển kinh tế tập thể, hợp tác xã năm 2025", vni)
    result = import_text(legacy, REGISTRIES)
    assert result.front_matter["summary"] == "Phát triển kinh tế tập thể, hợp tác xã năm 2025"
    assert any("VNI" in w for w in result.warnings)


def test_docx_header_table_is_read_in_order_and_not_published(tmp_path):
    from docx import Document as DocxDocument

    doc = DocxDocument()
    header = doc.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI"
    header.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    header.cell(1, 0).text = "Số: 27/KH-UBND"
    header.cell(1, 1).text = "Lào Cai, ngày 3 tháng 3 năm 2025"
    for line in ["KẾ HOẠCH", "Phát triển kinh tế tập thể, hợp tác xã năm 2025", *(f"{i}. Nội dung thứ {i}." for i in range(1, 80))]:
        doc.add_paragraph(line)
    tasks = doc.add_table(rows=2, cols=5)
    for i, value in enumerate(["STT", "Nội dung", "Chủ trì", "Phối hợp", "Thời gian"]):
        tasks.cell(0, i).text = value
    for i, value in enumerate(["1", "Tổ chức tập huấn cán bộ hợp tác xã", "Liên minh Hợp tác xã Việt Nam", "Văn phòng Quốc hội", "Quý II/2025"]):
        tasks.cell(1, i).text = value
    source = tmp_path / "ke-hoach.docx"
    doc.save(str(source))
    result = import_text(read_source(source), REGISTRIES)
    fm = result.front_matter
    assert (fm["number"], fm["issuers"], fm["issued"], fm["place"]) == ("27/KH-UBND", ["ubnd-tinh-lao-cai"], "2025-03-03", "Lào Cai")
    assert "CỘNG HÒA" not in result.body and "Số: 27" not in result.body
    assert fm["summary"] == "Phát triển kinh tế tập thể, hợp tác xã năm 2025" and "Nội dung thứ 79." in result.body
    assert fm["tasks"] == [{"text": "Tổ chức tập huấn cán bộ hợp tác xã", "lead": ["lien-minh-htx-viet-nam"], "lead_name": "Liên minh Hợp tác xã Việt Nam",
                            "partners": ["van-phong-quoc-hoi"], "deadline": "Quý II/2025"}]  # fmt: skip


def test_pdf_with_a_text_layer_and_a_scanned_one(tmp_path, browser):
    """Chromium prints the plan to a PDF with a text layer (fonts embedded), as an office would."""
    page = browser.new_page()
    lines = "".join(f"<p>{line}</p>" for line in PLAN.format(filler="").split("\n") if line)
    page.set_content(f"<html><body style='font-family: Noto Serif, serif'>{lines}</body></html>")
    page.pdf(path=str(tmp_path / "ke-hoach.pdf"))
    page.set_content("<html><body><svg width='400' height='200'><rect width='400' height='200' fill='gray'/></svg></body></html>")
    page.pdf(path=str(tmp_path / "scan.pdf"))
    page.close()
    fm = import_text(read_source(tmp_path / "ke-hoach.pdf"), REGISTRIES).front_matter
    assert (fm["number"], fm["issuers"], fm["issued"], fm["type"]) == ("27/KH-UBND", ["ubnd-tinh-lao-cai"], "2025-03-03", "Kế hoạch")
    with pytest.raises(NoTextLayer, match="không có lớp chữ"):
        read_source(tmp_path / "scan.pdf")


def test_evaluate_reports_accuracy_per_field_and_every_miss(tmp_path):
    import shutil
    import subprocess
    import sys

    from helpers import FIXTURES, ROOT

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("002_9bee1f41f35ab984.txt", "002_9bee1f41f35ab984.expected.yml"):
        shutil.copy(FIXTURES / "documents" / name, corpus / name)
    expected = corpus / "002_9bee1f41f35ab984.expected.yml"
    expected.write_text(expected.read_text("utf-8").replace("number: 145/KH-LMHTXVN", "number: 146/KH-LMHTXVN"), "utf-8")
    command = [sys.executable, "-m", "site_plugins", "import", "--evaluate", str(corpus), "--content", str(FIXTURES / "site")]
    run = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "number           0 / 1       0.0%" in run.stdout and "type             1 / 1     100.0%" in run.stdout
    assert "sai: 002_9bee1f41f35ab984.txt: number: cần '146/KH-LMHTXVN', đọc được '145/KH-LMHTXVN'" in run.stdout
    assert "cộng             9 / 10     90.0%  (1 văn bản, 1 ghi được)" in run.stdout
