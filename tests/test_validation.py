"""Every mistake in tests/fixtures/broken/ is reported, once, as path:line: field: problem — fix."""

import subprocess
import sys
import unicodedata

import pytest
from helpers import FIXTURES, NOW, ROOT, site_config

from site_plugins.catalog.loading import load_catalog
from site_plugins.common.problems import ContentError
from site_plugins.content.models import Article, Document
from site_plugins.content.schema import parse_datetime

BROKEN = FIXTURES / "broken"

# Vietnamese by default (the editors' language)
EXPECTED = [
    "broken/_registry/agencies.yml:2: lien-minh-htx-tinh-ninh-binh.parent: không có cơ quan 'lien-minh-htx-viet-nma' — có phải ý bạn là 'lien-minh-htx-viet-nam'?",
    "broken/_registry/agencies.yml:3: level: 'tỉnh' không phải giá trị được phép — có phải ý bạn là 'tinh'?",
    "broken/_registry/tags.yml:2: id: mã 'ocop' bị trùng, đã khai báo ở broken/_registry/tags.yml:1 — mỗi mục một mã riêng",
    "broken/htx/thieu-linh-vuc.md:7: sectors: cần ít nhất 1 mục — thêm một mục, ví dụ 'sectors: [ma-muc]'",
    "broken/htx/thieu-linh-vuc.md:9: ocop.1.stars: 7 quá lớn — viết số không quá 5",
    "broken/tin-tuc/anh-hong.md:9: cover.src: '../anh/hong.jpg' không đọc được thành ảnh (UnidentifiedImageError) — xuất lại ảnh dạng JPEG hoặc PNG",
    "broken/tin-tuc/html-trong-tieu-de.md:3: title: có thẻ HTML — viết chữ thường (ở đây không dùng HTML)",
    "broken/tin-tuc/ky-tu-dieu-khien.md:2: cảnh báo: đã xóa các ký tự điều khiển \\x0c (dán từ Word?) — gõ lại đoạn đó hoặc lưu tệp dạng văn bản UTF-8",
    "broken/tin-tuc/ky-tu-dieu-khien.md:9: cảnh báo: body: đã xóa các ký tự điều khiển \\x1f (dán từ Word?) — gõ lại đoạn đó hoặc lưu tệp dạng văn bản UTF-8",
    "broken/tin-tuc/sai-ngay.md:5: date: '2024-13-01' không phải ngày hợp lệ — viết YYYY-MM-DD hoặc YYYY-MM-DDTHH:MM (giờ Việt Nam)",
    "broken/tin-tuc/sai-ngay.md:6: column: không có chuyên mục 'kinh-te-tap-the-htxx' — có phải ý bạn là 'kinh-te-tap-the-htx'?",
    "broken/tin-tuc/sai-ngay.md:7: agency: không có cơ quan 'lien-minh-htx-viet-nma' — có phải ý bạn là 'lien-minh-htx-viet-nam'?",
    "broken/tin-tuc/sai-ngay.md:8: provinces.2: không có tỉnh, thành phố 'ninh-bnh' — có phải ý bạn là 'ninh-binh'?",
    "broken/tin-tuc/sai-ten-truong.md:1: title: bắt buộc phải có — thêm 'title: …'",
    "broken/tin-tuc/sai-ten-truong.md:3: titel: trường không có trong mẫu — có phải ý bạn là 'title'?",
    "broken/tin-tuc/trung-id.md:2: id: mã 'bai-hop-le' đã dùng cho broken/tin-tuc/hop-le.md:2 (đăng 30/05/2024) — đặt cho tệp này một id mới, ví dụ 'tin-2024-06-02-trung-id' (không đổi id của bài đã đăng)",
    "broken/tin-tuc/trung-id.md:8: slug: đường dẫn /tin-tuc/hop-le/ trùng với broken/tin-tuc/hop-le.md:2 — đặt 'slug:' khác cho một trong hai tệp",
    "broken/tin-tuc/yaml-hong.md:3: lỗi cú pháp: dấu ':' nằm trong một giá trị chưa đặt trong ngoặc kép — đặt cả giá trị trong ngoặc kép, ví dụ title: \"Hội nghị: tổng kết năm\"",
    "broken/van-ban/sai-loai.md:3: type: 'Kế hoạchh' không phải giá trị được phép — có phải ý bạn là 'Kế hoạch'?",
    "broken/van-ban/sai-ma-loai.md:3: type: ký hiệu KH trong số là Kế hoạch, không phải Hướng dẫn — sửa 'type' hoặc 'number'",
    "broken/van-ban/so-sai.md:4: number: '145 KH LMHTXVN' không phải số, ký hiệu văn bản — viết đúng như in, ví dụ 145/KH-LMHTXVN, 30/2020/NĐ-CP hoặc 13-HD/BTGTU",
    "broken/van-ban/so-sai.md:9: cites.1.number: trích dẫn cần 'number' hoặc 'title' — viết số như in, hoặc tên văn bản (Luật Hợp tác xã năm 2012)",
    "broken/van-ban/thieu-nam.md:2: issued: chưa có 'issued' lẫn 'year' — viết 'issued: YYYY-MM-DD', hoặc 'year: YYYY' nếu văn bản chưa ghi ngày",
]

# the same problems with PORTAL_LANG=en
EXPECTED_EN = [
    "broken/_registry/agencies.yml:2: lien-minh-htx-tinh-ninh-binh.parent: unknown agency 'lien-minh-htx-viet-nma' — did you mean 'lien-minh-htx-viet-nam'?",
    "broken/_registry/agencies.yml:3: level: 'tỉnh' is not allowed — did you mean 'tinh'?",
    "broken/_registry/tags.yml:2: id: duplicate id 'ocop', first defined at broken/_registry/tags.yml:1 — give each item its own id",
    "broken/htx/thieu-linh-vuc.md:7: sectors: needs at least 1 item(s) — add one, e.g. 'sectors: [id-mot]'",
    "broken/htx/thieu-linh-vuc.md:9: ocop.1.stars: 7 is too large — write a number of at most 5",
    "broken/tin-tuc/anh-hong.md:9: cover.src: '../anh/hong.jpg' is not a readable image (UnidentifiedImageError) — export the picture again as JPEG or PNG",
    "broken/tin-tuc/html-trong-tieu-de.md:3: title: contains HTML markup — write plain text (HTML is not allowed here)",
    "broken/tin-tuc/ky-tu-dieu-khien.md:2: warning: control characters \\x0c (pasted from Word?) were removed — retype the affected text or save the file as plain UTF-8",
    "broken/tin-tuc/ky-tu-dieu-khien.md:9: warning: body: control characters \\x1f (pasted from Word?) were removed — retype the affected text or save the file as plain UTF-8",
    "broken/tin-tuc/sai-ngay.md:5: date: '2024-13-01' is not a date — expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time)",
    "broken/tin-tuc/sai-ngay.md:6: column: unknown column 'kinh-te-tap-the-htxx' — did you mean 'kinh-te-tap-the-htx'?",
    "broken/tin-tuc/sai-ngay.md:7: agency: unknown agency 'lien-minh-htx-viet-nma' — did you mean 'lien-minh-htx-viet-nam'?",
    "broken/tin-tuc/sai-ngay.md:8: provinces.2: unknown province 'ninh-bnh' — did you mean 'ninh-binh'?",
    "broken/tin-tuc/sai-ten-truong.md:1: title: is required — add 'title: …'",
    "broken/tin-tuc/sai-ten-truong.md:3: titel: unknown field — did you mean 'title'?",
    "broken/tin-tuc/trung-id.md:2: id: id 'bai-hop-le' is already used by broken/tin-tuc/hop-le.md:2 (published 30/05/2024) — give this file a new id, e.g. 'tin-2024-06-02-trung-id' (never change a published entry's id)",
    "broken/tin-tuc/trung-id.md:8: slug: duplicate URL /tin-tuc/hop-le/, also in broken/tin-tuc/hop-le.md:2 — set a different 'slug:' in one of them",
    "broken/tin-tuc/yaml-hong.md:3: syntax error: a ':' inside an unquoted value — put the whole value in double quotes, e.g. title: \"Meeting: results\"",
    "broken/van-ban/sai-loai.md:3: type: 'Kế hoạchh' is not allowed — did you mean 'Kế hoạch'?",
    "broken/van-ban/sai-ma-loai.md:3: type: the number's code KH means Kế hoạch, not Hướng dẫn — correct 'type' or 'number'",
    "broken/van-ban/so-sai.md:4: number: '145 KH LMHTXVN' is not a document number — write it as printed, e.g. 145/KH-LMHTXVN, 30/2020/NĐ-CP or 13-HD/BTGTU",
    "broken/van-ban/so-sai.md:9: cites.1.number: a citation needs 'number' or 'title' — write the number as printed, or the name (Luật Hợp tác xã năm 2012)",
    "broken/van-ban/thieu-nam.md:2: issued: neither 'issued' nor 'year' is set — write 'issued: YYYY-MM-DD', or 'year: YYYY' if the day is blank",
]


def test_every_problem_of_the_broken_fixture_is_reported_at_once():
    with pytest.raises(ContentError) as caught:
        load_catalog(BROKEN, parse_datetime(NOW))
    assert [str(p) for p in caught.value.problems] == EXPECTED


def test_messages_in_english_with_portal_lang(monkeypatch):
    monkeypatch.setenv("PORTAL_LANG", "en")
    with pytest.raises(ContentError) as caught:
        load_catalog(BROKEN, parse_datetime(NOW))
    assert [str(p) for p in caught.value.problems] == EXPECTED_EN
    assert caught.value.report().startswith("23 problem(s) in the content:")


def test_check_command_lists_problems_and_exits_non_zero():
    result = subprocess.run([sys.executable, "-m", "site_plugins", "check", str(BROKEN)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 1
    assert result.stderr.startswith("Có 23 lỗi trong nội dung:")
    assert EXPECTED[0] in result.stderr and "Traceback" not in result.stderr


def test_check_command_counts_the_fixture_site():
    result = subprocess.run([sys.executable, "-m", "site_plugins", "check", str(FIXTURES / "site"), "--now", NOW], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Đạt: 17 bài viết, 7 hợp tác xã, 6 văn bản, 6 sự kiện, 69 cơ quan — không có lỗi." in result.stdout


def test_the_live_content_passes_check():
    """The one test that reads content/: whatever editors change, it must stay valid."""
    result = subprocess.run([sys.executable, "-m", "site_plugins", "check", "content"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "Đạt:" in result.stdout


def test_build_fails_on_broken_content_and_names_every_problem(tmp_path):
    config = site_config(tmp_path, BROKEN)
    from helpers import build_site

    result = build_site(tmp_path / "site", config)
    assert result.returncode != 0
    for line in EXPECTED:
        assert line in result.stderr
    assert "Traceback" not in result.stderr


def _article(**changes):
    base = {"id": "a-1", "title": "Tiêu đề", "summary": "Sapo", "date": "2024-05-30", "column": "c", "agency": "a"}
    return {**base, **changes}


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2024-05-30", "2024-05-30T00:00:00+07:00"),
        ("2024-05-30T08:15", "2024-05-30T08:15:00+07:00"),
        ("2024-05-30 08:15", "2024-05-30T08:15:00+07:00"),
        ("2024-5-3", "2024-05-03T00:00:00+07:00"),
    ],
)
def test_dates_are_read_as_vietnam_time(value, expected):
    assert Article.model_validate(_article(date=value)).date.isoformat() == expected


def test_text_fields_are_nfc_and_single_spaced():
    nfd = unicodedata.normalize("NFD", "Hợp  tác   xã")
    article = Article.model_validate(_article(title=nfd))
    assert article.title == "Hợp tác xã"
    assert unicodedata.is_normalized("NFC", article.title)


def test_document_needs_a_year_and_agreeing_dates():
    base = {"id": "d-1", "type": "Kế hoạch", "issuers": ["x"], "summary": "Trích yếu"}
    assert Document.model_validate({**base, "year": 2021}).issued_year == 2021
    with pytest.raises(Exception, match="không khớp"):
        Document.model_validate({**base, "year": 2020, "issued": "2021-03-22"})
