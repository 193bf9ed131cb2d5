import pytest

from site_plugins.common.docnumbers import DocNumberError, number_key, parse_number, type_agrees


@pytest.mark.parametrize(
    "raw, number, year, code, issuers, shape, text, type_name",
    [
        ("145/KH-LMHTXVN", "145", None, "KH", ("LMHTXVN",), "state", "145/KH-LMHTXVN", "Kế hoạch"),
        ("30/2020/NĐ-CP", "30", 2020, "NĐ", ("CP",), "state", "30/2020/NĐ-CP", "Nghị định"),
        ("13-HD/BTGTU", "13", None, "HD", ("BTGTU",), "party", "13-HD/BTGTU", "Hướng dẫn"),
        ("70-KL/TW", "70", None, "KL", ("TW",), "party", "70-KL/TW", "Kết luận"),
        ("Số: 14 / CTPH- LMHTX-BTGTU", "14", None, "CTPH", ("LMHTX", "BTGTU"), "state", "14/CTPH-LMHTX-BTGTU", "Chương trình phối hợp"),
        ("Số 13 - HD/BTGTU", "13", None, "HD", ("BTGTU",), "party", "13-HD/BTGTU", "Hướng dẫn"),
        ("Số:          /KH-UBND", None, None, "KH", ("UBND",), "state", "/KH-UBND", "Kế hoạch"),
        ("23/2012/QH13", "23", 2012, None, ("QH13",), "state", "23/2012/QH13", "Luật"),
        ("45-QC/BCSDUBND-BTGTU", "45", None, "QC", ("BCSDUBND", "BTGTU"), "party", "45-QC/BCSDUBND-BTGTU", "Quy chế"),
        ("30/2020/NÐ-CP", "30", 2020, "NĐ", ("CP",), "state", "30/2020/NĐ-CP", "Nghị định"),  # OCR's Eth for Đ
    ],
)
def test_numbers_as_printed(raw, number, year, code, issuers, shape, text, type_name):
    parsed = parse_number(raw)
    assert (parsed.number, parsed.year, parsed.type_code, parsed.issuer_codes, parsed.shape) == (number, year, code, issuers, shape)
    assert parsed.text == text
    assert parsed.type_name() == type_name


def test_the_printed_type_word_wins_for_qd():
    number = parse_number("01-QĐ/TW")
    assert number.type_name() == "Quyết định"
    assert number.type_name("Quy định") == "Quy định"
    assert type_agrees(number, "Quy định") and type_agrees(number, "Quyết định")
    assert not type_agrees(parse_number("145/KH-LMHTXVN"), "Hướng dẫn")
    assert parse_number("178/CTPH-BTGTW-LMHTXVN").type_name("Văn bản") == "Chương trình phối hợp"  # generic word


@pytest.mark.parametrize("raw", ["145 KH LMHTXVN", "abc", "/2020/", "/LMHTXVN", "145-/", ""])
def test_malformed_numbers_are_refused_with_an_example(raw):
    with pytest.raises(DocNumberError, match=r"viết đúng như in, ví dụ"):
        parse_number(raw)


@pytest.mark.parametrize(
    "raw, text, type_name, issuers",
    [
        ("126/SKHĐT", "126/SKHĐT", None, ("SKHĐT",)),  # a công văn: the issuer's code alone
        ("70/2025/UBTVQH15", "70/2025/UBTVQH15", "Nghị quyết", ("UBTVQH15",)),  # the Standing Committee
        ("01/QCPH/UBND-UBMTTQ", "01/QCPH/UBND-UBMTTQ", "Quy chế phối hợp", ("UBND", "UBMTTQ")),  # a slash before the issuers
        ("1213/2010/HDLN/STC-SCT", "1213/2010/HDLN/STC-SCT", "Hướng dẫn", ("STC", "SCT")),
    ],
)
def test_numbers_without_a_type_code_or_with_two_slashes(raw, text, type_name, issuers):
    number = parse_number(raw)
    assert (number.text, number.type_name(), number.issuer_codes) == (text, type_name, issuers)


def test_number_keys_ignore_spacing_and_eth():
    assert number_key("Số: 30 / 2020 / NÐ-CP") == number_key("30/2020/NĐ-CP")
