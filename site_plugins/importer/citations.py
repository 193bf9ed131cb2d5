"""Documents a document cites: "Căn cứ …", "Thực hiện …", and mentions in running text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from ..common.docnumbers import NUMBER_IN_TEXT, DocNumberError, number_key, parse_number
from ..common.messages import t
from ..common.vocabulary import MENTION_WORDS, RELATION_RANK
from .agencies import AgencyMatcher

_TYPES = "|".join(re.escape(w) for w in MENTION_WORDS)
MENTION = re.compile(
    # "Luật Hợp tác xã số 17/2023/QH15": a name may stand between the type and "số"
    rf"(?P<type>{_TYPES})(?:\s+(?P<name>[A-ZĐ][^,;:()]{{0,80}}?)(?=\s+số\b))?\s+(?:số\s*:?\s*)?(?P<number>{NUMBER_IN_TEXT.pattern})"
    r"(?:\s*,?\s*(?:ngày\s*)?(?P<date>\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>.+?)(?=\s+(?:về|ban hành|triển khai|tại)\b|[,;.(]|$))?",
)
LAW_BY_NAME = re.compile(r"\bLuật (?P<name>[A-ZĐ][^,;.()]*?) năm (?P<year>\d{4})(?!\s*(?:số|\d))")
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


def find_citations(paragraphs: list[str], own_number: str | None, matcher: AgencyMatcher, province: str | None, warnings: list[str]) -> list[Cited]:
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

    for paragraph in paragraphs:
        text = paragraph.lstrip("-–+• ").strip()
        lead = "can-cu" if text.startswith("Căn cứ") else "thuc-hien" if re.match(r"^(Thực hiện|Triển khai)\b", text) else None
        segments = text.split(";") if lead == "can-cu" else [text]
        for segment in segments:
            first = True
            for match in MENTION.finditer(segment):
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
                    issuer = matcher.by_text(match["issuer"], province)
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
            for match in LAW_BY_NAME.finditer(segment):
                title = f"Luật {match['name']} năm {match['year']}"
                add(
                    Cited(
                        f"title:{title}",
                        None,
                        lead if lead and first else "lien-quan",
                        "Luật",
                        title=title,
                        issuer="quoc-hoi" if "quoc-hoi" in matcher.reg.agencies else None,
                    )
                )
    return sorted(found.values(), key=lambda c: c.order)
