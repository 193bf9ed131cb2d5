"""The head of an official document: its number line ("Số: …"), place and date line ("Hà Nội,
ngày … tháng … năm …"), type heading ("KẾ HOẠCH") and summary (trích yếu), or a công văn's "V/v …",
and from them its issuing agencies. What the text does not say stays empty and becomes a warning."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from ..common.docnumbers import NUMBER_IN_TEXT, DocNumber, DocNumberError, parse_number, type_agrees
from ..common.messages import t
from ..common.vietnamese import name_key, shorten
from ..content.national import Place, gazetteer
from .agencies import AgencyMatcher, Proposed, placeholder, proposal, propose
from .columns import is_upper
from .lead import Lead, read_lead
from .shapes import PageFacts
from .source import learned_case, restore_case, type_word

# "Số: 12/KH-UBND", "SỐ 13 - HD/BTGTU", "Số:    /KH-UBND" (a draft) — not a web page's "Số hiệu: …"
# nor a title's second line "số 99-QĐ/TW của Ban Bí thư"
NUMBER_LINE = re.compile(r"^(?=.*/)(?:Số|SỐ)\s*[:.]?\s*(?:[\dOolI]+\s*[-/]|[.…_]*\s*/)")  # OCR reads 1 as l
DATE_LINE = re.compile(r"^(?:(?P<place>[^\d,]{2,40}),\s*)?ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})", re.I)
MOTTO = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN)", re.I)
BODY_START = re.compile(r"^[-–]?\s*(Căn cứ|Thực hiện|Triển khai|Trên cơ sở|Nhằm|Để|Kính gửi|Điều \d+|[IVX]+\.\s|\d+\.\s)|\|")
# The line naming who decides, between a decision's title and its "Căn cứ": "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG"
AUTHORITY = re.compile(r"^(ỦY BAN|UỶ BAN|CHỦ TỊCH|THỦ TƯỚNG|HỘI ĐỒNG NHÂN DÂN|BỘ TRƯỞNG|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|CHÍNH PHỦ)\b")
SUBJECT = re.compile(r"^V/v\s*[.:]?\s*", re.I)


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
    proposed: list[Proposed] = field(default_factory=list)  # issuers no registry knows, read from the header


class NotADocument(ValueError):
    """The text has none of what an official document carries: no number, type, date or issuing body."""


def read_header(lines: list[str], matcher: AgencyMatcher, warnings: list[str], source: str = "văn bản", page: PageFacts | None = None) -> Header:
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
    lead = Lead()
    if number_at is None:  # reposted without its header: the title line or lead sentence says what it is
        lead = read_lead(lines)
        if date_at is None and not any(MOTTO.match(line) for line in lines[:20]):
            header = []
        number, printed_type, summary = _from_lead(lead, number, printed_type, summary, type_at, warnings)
        if lead.summary and type_at is None:
            body_at = 0  # the lead and all that follows is the text
        doc_type = resolve_type(printed_type, number, warnings)
    place = dated["place"].strip(" *|") if dated and dated["place"] else None  # "* Hà Nội": the Party's star beside it
    year = int(dated["y"]) if dated else None
    places = gazetteer()
    province = (
        matcher.province_in(place or "") or (places.province_of(place, year) if place else None)
        or matcher.province_in(" ".join(header)) or matcher.province_in(authority)
    )  # fmt: skip
    # a district's or commune's own place line: "Phú Nhuận, ngày …" under a bare "ỦY BAN NHÂN DÂN"
    local = next(
        (p for p in places.named(place or "", year) if p.province == province and name_key(p.name) != name_key(matcher.province_names.get(province or "", ""))),
        None,
    )
    if local is not None and (matcher.province_in(" ".join(header)) or matcher.province_in(authority)):
        local = None  # a provincial body dated at its capital: "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG" / "Mỹ Tho, ngày …"
    number, issuers, proposed = _issuers(number, header, place, province, local, matcher, source, warnings)
    named = lead.issuer or (page.values.get("cơ quan ban hành") or page.values.get("nơi ban hành") if page else None)
    if not issuers and named:  # the lead sentence's or the web page's words for the issuer
        issuers, proposed = _named_issuer(named, number, province, matcher, source, warnings)
    if number is None and printed_type is None and dated is None and lead.issued is None and not issuers and not _official(lines):
        raise NotADocument(t("import.not_a_document"))
    if not issuers:  # never nothing: a placeholder the editor replaces
        made = placeholder(province, matcher, source)
        issuers.append(made.id)
        proposed += [made] if made.id not in matcher.agencies else []
        warnings.append(t("import.issuer_none", name=made.item["name"], id=made.id))
    if province is None:  # no place line: the issuer's own province ("Ban Thường vụ Tỉnh ủy Yên Bái ban hành …")
        province = next((matcher.agencies[i].province for i in issuers if i in matcher.agencies and matcher.agencies[i].province), None)
    levels = [matcher.agencies[i].level if i in matcher.agencies else "" for i in issuers]
    if levels and all(level == "trung-uong" for level in levels):
        province = None  # a central body dated "Hà Nội": "Tỉnh ủy" in its text is every province's, not Hà Nội's
    issued: date | None
    if dated is None and lead.issued:
        issued, year = lead.issued, lead.issued.year
        warnings.append(t("import.from_lead", field="issued", value=lead.issued.strftime("%d/%m/%Y")))
    else:
        issued, year = _date(dated, warnings)
    return Header(number, doc_type, summary, place, province, issuers, issued, year, body_at, proposed)


OFFICIAL = re.compile(rf"^[-–+•]?\s*(?:(?:Căn cứ|Thực hiện|Triển khai|Theo đề nghị)\b.*(?:{NUMBER_IN_TEXT.pattern})|Điều 1\.|Nơi nhận\b)", re.I)


def _official(lines: list[str]) -> bool:
    """Whether a text with no header still reads as an official document: it opens on the
    documents it implements ("Thực hiện Kế hoạch số 172-KH/TU …"), has articles or a "Nơi nhận"."""
    return any(OFFICIAL.match(line) for line in lines[:60])


def _from_lead(lead: Lead, number: DocNumber | None, printed_type: str | None, summary: str, type_at: int | None,
               warnings: list[str]) -> tuple[DocNumber | None, str | None, str]:  # fmt: skip
    """The number, type and trích yếu a headerless document's title or lead sentence gives, where
    its own lines do not; each marked for review."""
    if number is None and lead.number is not None:
        number = lead.number
        warnings.append(t("import.from_lead", field="number", value=lead.number.text))
    if printed_type is None and lead.type:
        printed_type = lead.type
    if lead.summary and (type_at is None or not summary):
        summary = lead.summary
        warnings.append(t("import.from_lead", field="summary", value=shorten(summary, 60)))
    return number, printed_type, summary


def _named_issuer(named: str, number: DocNumber | None, province: str | None, matcher: AgencyMatcher, source: str,
                  warnings: list[str]) -> tuple[list[str], list[Proposed]]:  # fmt: skip
    """The issuer a repost's lead sentence or a web page's metadata names in words."""
    province = province or matcher.province_in(named)
    agency = matcher.by_text(named, province) or next(iter(matcher.mentioned(named, province)), None)
    if agency:
        return [agency], []
    made = proposal(named, number.issuer_codes[0] if number and number.issuer_codes else None, province, None, matcher, source)
    warnings.append(t("import.issuer_proposed", name=made.item["name"], id=made.id))
    return [made.id], [] if made.id in matcher.agencies else [made]


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
        for at in range(subject_at + 1, max(after + 1, subject_at + 12)):
            line = lines[at] if at < len(lines) else ""
            following = next((x for x in lines[at + 1 : at + 4] if x), "")
            if not line and following[:1].islower() and not DATE_LINE.match(following):
                continue  # a blank line inside a wrapped subject: "… trong 2 năm thực hiện" / "" / "mục tiêu …"
            if not line or DATE_LINE.match(line) or not (line[:1].islower() or at <= after):
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
    if is_upper(summary):
        summary = restore_case(summary, matcher.province_names.values(), learned_case("\n".join(lines[cursor:])))
    else:
        summary = summary[:1].upper() + summary[1:]
    return summary, authority, cursor


def _issuers(number: DocNumber | None, header: list[str], place: str | None, province: str | None, local: Place | None,
             matcher: AgencyMatcher, source: str, warnings: list[str]) -> tuple[DocNumber | None, list[str], list[Proposed]]:  # fmt: skip
    """The issuing agencies: by the codes of the number within the document's province (and place),
    else by the header's names; what no registry knows is proposed from the header."""
    issuers: list[str] = []
    unmatched: list[str] = []
    # a công văn's number has no type code: "1520/UBND-KT" is UBND's, from its KT department
    codes: tuple[str, ...] = ()
    if number is not None:
        codes = number.issuer_codes if number.type_names() or number.type_code is None or number.joiner == "/" else (number.type_code,)
    for code in codes:
        agency = matcher.by_code(code, province, place, local is not None)
        if agency:
            issuers.append(agency)
        else:
            unmatched.append(code)
    if number is not None and codes == number.issuer_codes:  # a heading in capitals printed "CT-TTG": the registry spells it "TTg"
        spelled = {c.upper(): c for c in (matcher.agencies[a].code for a in issuers) if c}
        number = replace(number, issuer_codes=tuple(spelled.get(c.upper(), c) for c in number.issuer_codes))
    proposed: list[Proposed] = []
    if not issuers and header:
        agency = None if local is not None else matcher.by_text(" ".join(header), province)
        if agency:
            issuers.append(agency)
            unmatched = []  # the header named it: a code the registry spells otherwise ("HNDVN" for "HNDTW")
        elif made := propose(header, unmatched[0] if unmatched else None, province, local, matcher, source):
            existing = made.id in matcher.agencies
            issuers.append(made.id)
            if not existing:
                proposed.append(made)
                warnings.append(t("import.issuer_proposed", name=made.item["name"], id=made.id))
            unmatched = []
    for code in unmatched:
        warnings.append(t("import.issuer_code", code=code))
    return number, issuers, proposed


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
