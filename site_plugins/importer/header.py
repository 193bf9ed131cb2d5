"""The head of an official document: its number line ("Số: …"), place and date line ("Hà Nội,
ngày … tháng … năm …"), type heading ("KẾ HOẠCH") and summary (trích yếu), or a công văn's "V/v …",
and from them its issuing agencies. What the text does not say stays empty and becomes a warning."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from ..common.docnumbers import DocNumber, DocNumberError, parse_number, type_agrees
from ..common.messages import t
from ..content.registries import Registries
from .agencies import AgencyMatcher
from .columns import is_upper
from .source import restore_case, type_word

NUMBER_LINE = re.compile(r"^Số\b\s*[:.]?.*/", re.I)
DATE_LINE = re.compile(r"^(?:(?P<place>[^\d,]{2,40}),\s*)?ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})", re.I)
MOTTO = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN)", re.I)
BODY_START = re.compile(r"^[-–]?\s*(Căn cứ|Thực hiện|Triển khai|Trên cơ sở|Nhằm|Để|Kính gửi|Điều \d+|[IVX]+\.\s|\d+\.\s)|\|")
# The line naming who decides, between a decision's title and its "Căn cứ": "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG"
AUTHORITY = re.compile(r"^(ỦY BAN|UỶ BAN|CHỦ TỊCH|THỦ TƯỚNG|HỘI ĐỒNG NHÂN DÂN|BỘ TRƯỞNG|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|CHÍNH PHỦ)\b")
SUBJECT = re.compile(r"^V/v\.?\s*", re.I)


@dataclass
class Header:
    number: DocNumber | None
    doc_type: str | None
    summary: str
    place: str | None
    province: str | None
    issuers: list[str]
    issued: date | None
    year: int | None
    body_at: int  # the line the body starts at


def read_header(lines: list[str], matcher: AgencyMatcher, registries: Registries, warnings: list[str]) -> Header:
    number_at, number = _number(lines, warnings)
    date_at = next((i for i, line in enumerate(lines) if DATE_LINE.match(line)), None)
    dated = DATE_LINE.match(lines[date_at]) if date_at is not None else None
    after = max(x for x in (number_at, date_at, -1) if x is not None)
    # the type heading; "QUYẾT ĐỊNH:" with its colon opens a decision's articles, it is not the heading
    heading = lambda i: type_word(lines[i]) and not lines[i].endswith(":")  # noqa: E731
    type_at = next((i for i in range(after + 1, len(lines)) if heading(i)), None)
    if type_at is None:
        type_at = next((i for i in range(len(lines)) if heading(i)), None)
    printed_type = type_word(lines[type_at]) if type_at is not None else None
    subject_at = next((i for i, line in enumerate(lines[: after + 3]) if SUBJECT.match(line)), None) if printed_type is None else None
    if subject_at is not None:  # a công văn: "V/v …" under its number is its trích yếu
        printed_type, type_at = "Công văn", None
    doc_type = resolve_type(printed_type, number, warnings)
    summary, authority, body_at = _summary(lines, subject_at, (type_at if type_at is not None else after) + 1, after, matcher)
    header = [
        line
        for line in lines[: type_at or after]
        if line and not MOTTO.match(line) and (number_at is None or line != lines[number_at]) and (date_at is None or line != lines[date_at])
    ]
    place = dated["place"].strip() if dated and dated["place"] else None
    province = matcher.province_in(place or "") or matcher.province_in(" ".join(header)) or matcher.province_in(authority)
    number, issuers = _issuers(number, header, place, province, matcher, registries, warnings)
    issued, year = _date(dated, warnings)
    return Header(number, doc_type, summary, place, province, issuers, issued, year, body_at)


def _number(lines: list[str], warnings: list[str]) -> tuple[int | None, DocNumber | None]:
    number_at = next((i for i, line in enumerate(lines) if NUMBER_LINE.match(line)), None)
    if number_at is None:
        warnings.append(t("import.number_missing"))
        return None, None
    try:
        return number_at, parse_number(lines[number_at])
    except DocNumberError as exc:
        warnings.append(t("import.number_bad", error=exc))
        return number_at, None


def resolve_type(printed: str | None, number: DocNumber | None, warnings: list[str]) -> str | None:
    """The printed type word wins (QĐ: Quyết định or Quy định), unless the code names a more
    specific type that starts with it ("CHƯƠNG TRÌNH" + CTPH = Chương trình phối hợp), or the
    code contradicts it: then the number, which identifies the document, decides."""
    coded = number.type_name() if number else None
    if printed and coded and coded.startswith(printed):
        return coded
    if printed and number and coded and not type_agrees(number, printed):
        warnings.append(t("import.type_conflict", printed=printed, code=number.type_code, coded=coded))
        return coded
    return (number.type_name(printed) if number else printed) or coded


def _summary(lines: list[str], subject_at: int | None, cursor: int, after: int, matcher: AgencyMatcher) -> tuple[str, str, int]:
    """The trích yếu (under the type heading, or a công văn's "V/v"), the authority line under a
    decision's title ("ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN": who issues it, in full), and where the body starts."""
    summary_lines: list[str] = []
    authority = ""
    if subject_at is not None:  # the subject and its continuation lines, up to the date
        summary_lines.append(SUBJECT.sub("", lines[subject_at]))
        for line in lines[subject_at + 1 : after + 1]:
            if not line or DATE_LINE.match(line):
                break
            summary_lines.append(line)
    while subject_at is None and cursor < len(lines):
        line = lines[cursor]
        if not line:
            if summary_lines:
                break
        elif summary_lines and (BODY_START.match(line) or NUMBER_LINE.match(line) or AUTHORITY.match(line)):
            authority = line if AUTHORITY.match(line) else ""
            break
        else:
            summary_lines.append(line)
        cursor += 1
    summary = " ".join(summary_lines)
    summary = restore_case(summary, matcher.province_names.values()) if is_upper(summary) else summary[:1].upper() + summary[1:]
    return summary, authority, cursor


def _issuers(number: DocNumber | None, header: list[str], place: str | None, province: str | None, matcher: AgencyMatcher,
             registries: Registries, warnings: list[str]) -> tuple[DocNumber | None, list[str]]:  # fmt: skip
    """The issuing agencies, by the codes of the number (and the place), else by the header's names."""
    issuers: list[str] = []
    # a công văn's number has no type code: "1520/UBND-KT" is UBND's, from its KT department
    codes: tuple[str, ...] = ()
    if number is not None:
        codes = number.issuer_codes if number.type_names() or number.type_code is None else (number.type_code,)
    for code in codes:
        agency = matcher.by_code(code, province, place)
        if agency:
            issuers.append(agency)
        else:
            warnings.append(t("import.issuer_code", code=code))
    if number is not None and codes == number.issuer_codes:  # a heading in capitals printed "CT-TTG": the registry spells it "TTg"
        spelled = {c.upper(): c for c in (registries.agencies[a].code for a in issuers) if c}
        number = replace(number, issuer_codes=tuple(spelled.get(c.upper(), c) for c in number.issuer_codes))
    if not issuers and header:
        agency = matcher.by_text(" ".join(header), province)
        if agency:
            issuers.append(agency)
    if not issuers:
        warnings.append(t("import.issuer_none", header=" / ".join(header) or "—"))
    return number, issuers


def _date(dated: re.Match | None, warnings: list[str]) -> tuple[date | None, int | None]:
    """The date issued, or only its year (a draft leaves the day blank)."""
    issued, year = None, int(dated["y"]) if dated else None
    if dated and dated["d"] and dated["m"]:
        try:
            issued = date(int(dated["y"]), int(dated["m"]), int(dated["d"]))
        except ValueError:
            warnings.append(t("import.date_bad", text=dated.group(0)))
    elif dated:
        warnings.append(t("import.date_blank", text=dated.string, year=year))
    else:
        warnings.append(t("import.date_missing"))
    return issued, year
