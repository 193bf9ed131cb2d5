"""Turn a pasted, OCR'd or .docx official document into a content/van-ban/ entry.

It reads what the text says and never invents a value: what it cannot find stays empty and
becomes a warning for the editor. It refuses to overwrite an existing file unless told to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import yaml
from pydantic import ValidationError

from ..common.docnumbers import DocNumber, DocNumberError, parse_number, type_agrees
from ..common.messages import t
from ..common.vietnamese import slugify
from ..content.entries import DocumentEntry
from ..content.frontmatter import Parsed
from ..content.models import Document
from ..content.registries import Registries
from ..content.schema import problems_from
from .agencies import AgencyMatcher
from .body import paragraphs, to_markdown
from .citations import find_citations
from .columns import is_upper, looks_like_name, split_closing
from .legacy import to_unicode
from .source import prepare_lines, read_source, restore_case, sentence_case, type_word
from .taskfinder import find_sentence_tasks, find_table_tasks, find_tasks

NUMBER_LINE = re.compile(r"^Số\b\s*[:.]?.*/", re.I)
DATE_LINE = re.compile(r"^(?:(?P<place>[^\d,]{2,40}),\s*)?ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})", re.I)
MOTTO = re.compile(r"^(CỘNG HÒA|CỘNG HOÀ|Độc lập|ĐỘC LẬP|ĐẢNG CỘNG SẢN)", re.I)
BODY_START = re.compile(r"^[-–]?\s*(Căn cứ|Thực hiện|Triển khai|Trên cơ sở|Nhằm|Để|Kính gửi|Điều \d+|[IVX]+\.\s|\d+\.\s)|\|")
CAPACITY = re.compile(r"^(?P<cap>TM|KT|K/T|Q|TL|TUQ|PT)\s*\.?\s*(?P<rest>.*)$")
# The line naming who decides, between a decision's title and its "Căn cứ": "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG"
AUTHORITY = re.compile(r"^(ỦY BAN|UỶ BAN|CHỦ TỊCH|THỦ TƯỚNG|HỘI ĐỒNG NHÂN DÂN|BỘ TRƯỞNG|BAN CHẤP HÀNH|BAN THƯỜNG VỤ|CHÍNH PHỦ)\b")
SUBJECT = re.compile(r"^V/v\.?\s*", re.I)
RECIPIENTS = re.compile(r"^Nơi nhận\s*:?\s*$", re.I)


def _capacity(line: str):
    """A signature's capacity line: "TM. BAN CHẤP HÀNH", "K/T TRƯỞNG BAN"."""
    match = CAPACITY.match(line)
    return match if match and is_upper(line) else None


def _capacity_name(match: re.Match) -> str:
    """ "K/T" is written "KT." like the others."""
    return {"K/T": "KT"}.get(match["cap"], match["cap"]) + "."


@dataclass
class Imported:
    front_matter: dict
    body: str
    filename: str
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # required fields it could not fill: nothing is written

    def markdown(self) -> str:
        meta = yaml.safe_dump(self.front_matter, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None)
        return f"---\n{meta}---\n\n{self.body}"


class IncompleteImport(ValueError):
    """The text lacks what every document needs; writing it would break `portal check`."""

    def __init__(self, source: Path, missing: list[str]):
        super().__init__("; ".join(missing))
        self.source, self.missing = source, missing


def _resolve_type(printed: str | None, number: DocNumber | None, warnings: list[str]) -> str | None:
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


# Fields every document needs: without them the importer writes nothing.
REQUIRED = ("id", "type", "issuers", "summary")
_LISTS = ("signers", "recipients", "cites", "tasks")


def validated(front_matter: dict, warnings: list[str]) -> tuple[dict, list[str]]:
    """Check the front matter with the schema `portal check` uses. An invalid optional value
    (a whole citation, task or signer when one of its fields is wrong) is left out with a
    warning; what stays is valid. Returns it and the required fields still wrong or missing."""
    fm = dict(front_matter)
    for _ in range(100):
        try:
            Document.model_validate(fm)
            return fm, []
        except ValidationError as exc:
            problems = problems_from(exc, Document, Parsed(fm), "")
        fatal, drop_items, drop_fields = [], set(), set()
        for problem in problems:
            parts = problem.field.split(".")
            text = f"{problem.field}: {problem.message}" + (f" — {problem.fix}" if problem.fix else "")
            if parts[0] in _LISTS and len(parts) > 1 and parts[1].isdigit():
                drop_items.add((parts[0], int(parts[1])))
                warnings.append(t("import.left_out", text=text))
            elif parts[0] in fm and parts[0] not in REQUIRED:
                drop_fields.add(parts[0])
                warnings.append(t("import.left_out", text=text))
            else:
                fatal.append(text)
        if fatal:
            return fm, fatal
        for name in drop_fields:
            del fm[name]
        for name, index in sorted(drop_items, reverse=True):
            fm[name] = [x for i, x in enumerate(fm[name]) if i != index]
        fm = {k: v for k, v in fm.items() if v not in (None, [], "")}
    raise RuntimeError("the importer's front matter did not settle")  # each round removes something: unreachable


def _signers(lines: list[str], start: int, matcher: AgencyMatcher, issuers: list[str], province: str | None) -> list[dict]:
    signers = []
    i = start
    while i < len(lines):
        match = _capacity(lines[i])
        if not match:
            i += 1
            continue
        capacity = _capacity_name(match)
        on_behalf = match["rest"].strip()
        position_parts, name, j = [], None, i + 1
        if not on_behalf and j < len(lines) and is_upper(lines[j]) and not _capacity(lines[j]):
            on_behalf, j = lines[j], j + 1  # "TM." alone: the next capitals say on whose behalf
        body = None  # "TM. ỦY BAN NHÂN DÂN" above "KT. CHỦ TỊCH": the body the signer acts for
        if j < len(lines) and (inner := _capacity(lines[j])):
            body, on_behalf = on_behalf, inner["rest"].strip()
            capacity = _capacity_name(inner)
            j += 1
        while j < len(lines) and j < i + 9:
            line = lines[j]
            if line and is_upper(line):  # "TM." alone: the next capitals say on whose behalf
                if on_behalf:
                    position_parts.append(line)
                else:
                    on_behalf = line
            elif line and looks_like_name(line):
                name = line
                break
            j += 1
        if name:
            position = sentence_case(" ".join(position_parts)) if position_parts else sentence_case(on_behalf)
            agency = matcher.by_text(body or on_behalf, province) if (body or on_behalf) else None
            if agency not in issuers:
                agency = issuers[0] if len(issuers) == 1 else None
            signer = {
                "name": name,
                "position": position,
                "capacity": capacity,
                "on_behalf_of": sentence_case(body) if body else sentence_case(on_behalf) if position_parts else None,
                "agency": agency,
            }
            signers.append({k: v for k, v in signer.items() if v})
        i = j + 1
    return signers


POSITION = re.compile(r"\b(CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ NHIỆM|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ|THỦ TRƯỞNG|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|VỤ TRƯỞNG|THỦ TƯỚNG)\b")


def _plain_signer(lines: list[str], start: int, issuers: list[str]) -> list[dict]:
    """A signature without a capacity line: "BỘ TRƯỞNG, CHỦ NHIỆM" above the name."""
    for i in range(start, len(lines)):
        if is_upper(lines[i]) and POSITION.search(lines[i]):
            name = next((x for x in lines[i + 1 : i + 4] if x and looks_like_name(x)), None)
            if name:
                signer = {"name": name, "position": sentence_case(lines[i]), "agency": issuers[0] if len(issuers) == 1 else None}
                return [{k: v for k, v in signer.items() if v}]
    return []


def _recipients(lines: list[str], start: int) -> list[str]:
    items: list[str] = []
    blank = False
    for line in lines[start + 1 :]:
        if not line:
            blank = True
            continue
        if re.match(r"^[-–+•]", line):
            items.append(line.lstrip("-–+• ").strip())
        elif items and not blank:  # a wrapped item; a word or a comma a narrow column pushed down
            glued = line.startswith((",", ";")) or (re.search(r"(^|\s)[A-ZĐ]\w?$", items[-1]) and line[:1].islower())
            items[-1] += ("" if glued else " ") + line
        else:
            break
        blank = False
    return [re.sub(r"[,;.]+$", "", item).strip() for item in items if item.strip(" ,;.")]


def import_text(text: str, registries: Registries) -> Imported:
    matcher = AgencyMatcher(registries)
    warnings: list[str] = []
    text, legacy = to_unicode(text)
    if legacy:
        names = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI"}
        warnings.append(t("import.legacy", lines=sum(legacy.values()), encodings=", ".join(names[k] for k in sorted(legacy))))
    lines = prepare_lines(text)  # all of them: a long document's header is still its first lines

    number_at = next((i for i, line in enumerate(lines) if NUMBER_LINE.match(line)), None)
    number = None
    if number_at is None:
        warnings.append(t("import.number_missing"))
    else:
        try:
            number = parse_number(lines[number_at])
        except DocNumberError as exc:
            warnings.append(t("import.number_bad", error=exc))
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
    doc_type = _resolve_type(printed_type, number, warnings)

    summary_lines: list[str] = []
    authority = ""  # "ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN" under a decision's title: who issues it, in full
    cursor = (type_at if type_at is not None else after) + 1
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

    header = [
        line
        for line in lines[: type_at or after]
        if line and not MOTTO.match(line) and (number_at is None or line != lines[number_at]) and (date_at is None or line != lines[date_at])
    ]
    place = dated["place"].strip() if dated and dated["place"] else None
    province = matcher.province_in(place or "") or matcher.province_in(" ".join(header)) or matcher.province_in(authority)
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

    glued = next((i for i in range(cursor, len(lines)) if re.match(r"^Nơi nhận\b", lines[i], re.I)), None)
    if glued is not None:  # "Nơi nhận" beside the signature, pasted as one column
        lines = lines[:glued] + split_closing(lines[glued:])
    recipients_at = next((i for i in range(cursor, len(lines)) if RECIPIENTS.match(lines[i])), None)
    signature_at = next((i for i in range(cursor, len(lines)) if _capacity(lines[i])), None)
    end = min(x for x in (recipients_at, signature_at, len(lines)) if x is not None)
    body = paragraphs(lines[cursor:end])
    signers = _signers(lines, end, matcher, issuers, province) or _plain_signer(lines, end, issuers)
    recipients = _recipients(lines, recipients_at) if recipients_at is not None else []
    if not signers:
        warnings.append(t("import.signers_missing"))
    if not recipients:
        warnings.append(t("import.recipients_missing"))
    cites = find_citations([summary, *body], number.text if number and number.number else None, matcher, province, warnings)
    for cited in cites:
        if cited.issuer_text and not cited.issuer:
            warnings.append(t("import.cite_issuer", issuer=cited.issuer_text, number=cited.number))
    tasks = find_tasks(body, matcher, province)
    tasks += find_table_tasks(body, matcher, province)
    tasks += find_sentence_tasks(body, matcher, province, {t.text for t in tasks})

    fm: dict = {}
    type_code = number.type_code or "" if number else ""
    issuer_codes = "-".join(number.issuer_codes) if number else ""
    local = [registries.agencies[a].province for a in issuers if registries.agencies[a].province]
    place_part = local[0] if local else ""
    if number and number.number:
        fm["id"] = DocumentEntry.id_for_number(type_code, number.number, issuer_codes, place_part, year)
        filename = f"{slugify(number.text)}-{year}.md" if year and str(year) not in number.text else f"{slugify(number.text)}.md"
    else:
        fm["id"] = DocumentEntry.id_for_number(type_code or doc_type or "van-ban", None, issuer_codes, place_part, year)
        filename = slugify(f"{doc_type or 'van-ban'} {issuer_codes} {place_part} {year or ''}") + ".md"
    fm["type"] = doc_type
    if number and number.number:
        fm["number"] = number.text
    fm["issuers"] = issuers
    fm["place"] = place
    if issued:
        fm["issued"] = issued.isoformat()
    else:
        fm["year"] = year
    if number is not None and not number.number:
        fm["status"] = "du-thao"
        warnings.append(t("import.draft_status"))
    fm["summary"] = summary or None
    fm["signers"] = signers
    fm["recipients"] = recipients
    fm["cites"] = [c.as_front_matter() for c in cites]
    fm["tasks"] = [t.as_front_matter() for t in tasks]
    if doc_type is None:
        warnings.append(t("import.type_missing"))
    if not summary:
        warnings.append(t("import.summary_missing"))
    fm = {k: v for k, v in fm.items() if v not in (None, [], "")}
    fm, missing = validated(fm, warnings)
    return Imported(fm, to_markdown(body), filename, warnings, missing)


def import_file(source: Path, registries: Registries, out_dir: Path, force: bool = False) -> tuple[Imported, Path]:
    """Import ``source`` into ``out_dir``; raise FileExistsError rather than overwrite, and
    IncompleteImport rather than write an entry `portal check` would reject."""
    imported = import_text(read_source(source), registries)
    if imported.missing:
        raise IncompleteImport(source, imported.missing)
    target = out_dir / imported.filename
    if target.exists() and not force:
        raise FileExistsError(target)
    out_dir.mkdir(parents=True, exist_ok=True)
    target.write_text(imported.markdown(), "utf-8")
    return imported, target
