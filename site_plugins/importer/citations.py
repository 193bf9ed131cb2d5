"""Documents a document cites: "Căn cứ …", "Thực hiện …", and mentions in running text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..common.docnumbers import NUMBER_IN_TEXT, DocNumberError, latin_symbols, number_key, parse_number
from ..common.messages import t
from ..common.vietnamese import name_key
from ..common.vocabulary import MENTION_WORDS, RELATION_RANK
from .agencies import AgencyMatcher

_TYPES = "|".join(re.escape(w) for w in MENTION_WORDS)
MENTION = re.compile(
    # "Luật Hợp tác xã số 17/2023/QH15": a name may stand between the type and "số"
    rf"(?P<type>{_TYPES})(?:\s+(?P<name>[A-ZĐ][^,;:()]{{0,80}}?)(?=\s+số\b))?\s+(?:số\s*:?\s*)?(?P<number>{NUMBER_IN_TEXT.pattern})"
    r"(?:\s*,?\s*(?:ngày\s*)?(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>.+?)(?=\s+(?:về|ban hành|triển khai|tại)\b|[,;.(]|$))?",
)
# a law named without its number: "Luật Hợp tác xã năm 2023", "Luật Mặt trận Tổ quốc Việt Nam ngày 12 tháng 6 năm 1999",
# or bare in a list ("Căn cứ Luật Đầu tư công, Luật Ngân sách nhà nước;")
_LAW_DATE = r"\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4}"
LAW_BY_NAME = re.compile(
    rf"\bLuật (?P<name>[A-ZĐ](?:[^,;.()“”]|,(?=\s*bổ sung))*?)(?:\s+năm (?P<year>\d{{4}})(?!\s*(?:số|\d))|\s+ngày\s+(?P<date>{_LAW_DATE})"
    r"|(?P<bare>(?=\s*(?:[,;.]|$|\s+và\s+Luật\b))))"
)
_VERB_BEFORE = [
    ("thay-the", re.compile(r"thay thế\s*$", re.I)),
    ("sua-doi", re.compile(r"sửa đổi(, bổ sung)?( một số điều của)?\s*$", re.I)),
    ("bai-bo", re.compile(r"bãi bỏ\s*$", re.I)),
]


@dataclass
class Cited:
    key: str
    number: str | None
    relation: str
    type: str | None = None
    title: str | None = None
    issuer: str | None = None
    issued: date | None = None
    order: int = 0
    issuer_text: str | None = field(default=None, repr=False)

    def as_front_matter(self) -> dict:
        data = {
            "number": self.number,
            "relation": self.relation,
            "type": self.type,
            "title": self.title,
            "issuer": self.issuer,
            "issued": self.issued.isoformat() if self.issued else None,
        }
        return {k: v for k, v in data.items() if v is not None}


def _date(text: str | None) -> date | None:
    if not text:
        return None
    d, m, y = (int(x) for x in re.findall(r"\d+", text))
    try:
        return date(y, m, d)
    except ValueError:
        return None


_SPACED = [
    (re.compile(r"(\d+)\s*[-–—]\s*(?=[A-ZĐ][\wĐđ]*\s*/)"), r"\1-"),  # "78- KL/TW", "656 – TB/HNDTW"
    (re.compile(r"(\d+-[A-ZĐ][\wĐđ]*)\s+/\s*(?=[A-ZĐ])|(\d+-[A-ZĐ][\wĐđ]*)/\s+(?=[A-ZĐ])"), r"\1\2/"),  # "78-KL /TW"
    (re.compile(r"(\d+(?:/(?:19|20)\d\d)?/[A-ZĐ][\wĐđ.]*)\s*-\s+(?=[A-ZĐ])"), r"\1-"),  # "46/BC- HĐND"
]
# a number glued to the next word by a lost space: "35/2025/QĐ-TTgcủa Thủ tướng"
_GLUED = re.compile(r"(\d+(?:/(?:19|20)\d\d)?[/-][A-ZĐ][\wĐđ./-]*?)(của|về|ngày|và|do|tại|theo|năm|được|đã|như|với)(?=\W|$)")


def normalised(paragraphs: list[str]) -> list[str]:
    """Paragraphs as the citation patterns read them: look-alike letters Latin, spaces inside
    symbols removed, a glued word parted, and a paragraph ending in "số" joined to the next,
    which holds the number."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and re.search(r"\bsố\s*:?\s*$", joined[-1]):
            joined[-1] = f"{joined[-1].rstrip()} {paragraph.lstrip('-–+• ')}"
        else:
            joined.append(paragraph)
    out = []
    for text in joined:
        text = latin_symbols(text)
        for pattern, replacement in _SPACED:
            text = pattern.sub(replacement, text)
        out.append(_GLUED.sub(r"\1 \2", text))
    return out


def find_citations(paragraphs: list[str], own_number: str | None, matcher: AgencyMatcher, province: str | None, warnings: list[str],
                   issuers: dict[str, str] | None = None) -> list[Cited]:  # fmt: skip
    """Every cited document once, with the strongest relation the text gives it.

    "Căn cứ A; B" makes A and B bases (căn cứ); "Thực hiện/Triển khai A …" makes the first
    document named the one implemented (thực hiện); "thay thế/sửa đổi/bãi bỏ A" says so;
    any other mention is "liên quan"."""
    own = number_key(own_number) if own_number else None
    found: dict[str, Cited] = {}

    def add(cited: Cited) -> None:
        if cited.key == own:
            return
        if cited.key not in found:
            cited.order = len(found)
            found[cited.key] = cited
            return
        known = found[cited.key]
        if RELATION_RANK[cited.relation] > RELATION_RANK[known.relation]:
            known.relation = cited.relation
        known.issued = known.issued or cited.issued
        known.issuer = known.issuer or cited.issuer

    for paragraph in normalised(paragraphs):
        text = paragraph.lstrip("-–+• ").strip()
        lead = "can-cu" if text.startswith("Căn cứ") else "thuc-hien" if re.match(r"^(Thực hiện|Triển khai)\b", text) else None
        segments = text.split(";") if lead == "can-cu" else [text]
        for segment in segments:
            first = True
            spans: list[tuple[int, int]] = []
            for match in MENTION.finditer(segment):
                spans.append(match.span("number"))
                try:
                    number = parse_number(match["number"])
                except DocNumberError:
                    warnings.append(t("import.cite_number", text=match.group(0)))
                    continue
                relation = lead if (lead and first) else "lien-quan"
                before = segment[: match.start()]
                for verb, pattern in _VERB_BEFORE:
                    if pattern.search(before):
                        relation = verb
                first = False
                issuer = None
                if match["issuer"]:
                    issuer = cited_issuer(match["issuer"], matcher, province, issuers or {})
                add(
                    Cited(
                        number_key(number.text),
                        number.text,
                        relation,
                        number.type_name(match["type"]),
                        title=f"{match['type']} {match['name']}" if match["name"] else None,
                        issuer=issuer,
                        issued=_date(match["date"]),
                        issuer_text=match["issuer"],
                    )
                )
            for match in NUMBER_IN_TEXT.finditer(segment):  # "… và số 98/2018/NĐ-CP": no type word before it
                if any(start <= match.start() < end for start, end in spans):
                    continue
                try:
                    number = parse_number(match.group(0))
                except DocNumberError:
                    continue
                if number.type_name() is None:
                    continue  # a bare "12/ABC" says too little to be a citation
                add(Cited(number_key(number.text), number.text, "lien-quan", number.type_name()))
            for match in LAW_BY_NAME.finditer(segment):
                name = match["name"].strip()
                if re.search(r"\bsố\s*\d|\d+/", name):
                    continue  # "Luật X số 20/2023/QH15" is cited by its number
                if match["bare"] is not None and (not lead or len(name.split()) > 10 or name.lower().startswith("sửa đổi")):
                    continue  # a law named bare is a citation only in a "Căn cứ" or "Thực hiện" list
                title = f"Luật {name} năm {match['year']}" if match["year"] else f"Luật {name}"
                add(
                    Cited(
                        f"title:{name_key(title)}",
                        None,
                        lead if lead and first else "lien-quan",
                        "Luật",
                        title=title,
                        issuer="quoc-hoi" if "quoc-hoi" in matcher.agencies else None,
                        issued=_date(match["date"]),
                    )
                )
    return _laws_once(sorted(found.values(), key=lambda c: c.order))


# who signs for a body, before its name: "của Bộ trưởng Bộ Tài chính", "của Chủ tịch UBND tỉnh"
_SIGNING = re.compile(r"^(?:Bộ trưởng|Chủ tịch|Giám đốc|Trưởng ban|Thủ trưởng|Chủ nhiệm|Tổng Giám đốc|Thường trực)\s+(?=\S)", re.I)


def cited_issuer(text: str, matcher: AgencyMatcher, province: str | None, own: dict[str, str]) -> str | None:
    """The agency "của …" names: in the registries (the signer's title aside: "Bộ trưởng Bộ Tài
    chính" is the ministry), else the document's own issuer when the words start its name
    ("của Quận ủy" in a Quận ủy Long Biên notice)."""
    for words in dict.fromkeys((text, _SIGNING.sub("", text))):
        if agency := matcher.by_text(words, province):
            return agency
    key = name_key(_SIGNING.sub("", text))
    return next((agency_id for agency_id, name in own.items() if key and name_key(name).startswith(key)), None)


def _laws_once(cited: list[Cited]) -> list[Cited]:
    """A law cited by its number and by its name ("Luật Hợp tác xã số 17/2023/QH15", later "Luật
    Hợp tác xã năm 2023") is one citation: the numbered one, with the strongest relation."""
    numbered = {
        (name_key(c.title or ""), c.number.split("/")[1] if c.number and c.number.count("/") >= 2 else ""): c for c in cited if c.number and c.type == "Luật"
    }
    kept = []
    for c in cited:
        year = re.search(r"năm (\d{4})$", c.title or "")
        same = numbered.get((name_key(re.sub(r"\s+năm \d{4}$", "", c.title or "")), year.group(1) if year else "")) if c.number is None else None
        if same is not None:
            if RELATION_RANK[c.relation] > RELATION_RANK[same.relation]:
                same.relation = c.relation
            continue
        kept.append(c)
    return kept
