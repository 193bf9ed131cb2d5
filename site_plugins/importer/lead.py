"""A document reposted without its header — on a provincial portal, a newspaper, a Party site —
says what it is in a title line or a lead sentence instead: "Báo cáo tháng 9 năm 2007",
"THÔNG BÁO: Công bố huyện …", "Ngày 23/10/2018, Quận ủy Long Biên ban hành Thông báo số
596-TB/QU v/v Kết luận …", "Báo cáo số 143/BC-SNN-VP ngày 21 tháng 9 năm 2007 của Sở …".
What they say is read here; the importer uses it only where the header is missing, and marks it
for review."""

from __future__ import annotations

import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import date

from ..common.docnumbers import NUMBER_IN_TEXT, DocNumber, DocNumberError, parse_number
from ..common.vocabulary import HEADING_WORDS, MENTION_WORDS

_TYPE = "|".join(re.escape(w) for w in MENTION_WORDS if w in HEADING_WORDS)
_DATE = r"(?P<d>\d{1,2})\s*(?:/|tháng|-)\s*(?P<m>\d{1,2})\s*(?:/|năm|-)\s*(?P<y>(?:19|20)\d\d)"
# "… Quận ủy Long Biên (đã) ban hành Thông báo số 596-TB/QU (ngày …) v/v Kết luận …"
_ISSUED_BY = re.compile(
    rf"(?P<issuer>[^.;:]{{3,120}}?)\s+(?:đã\s+|vừa\s+)?ban hành\s+(?P<type>{_TYPE})\s+(?:số\s+)?(?:(?P<number>{NUMBER_IN_TEXT.pattern})|\d+\b(?![/-]))?"
    rf"[\s,]*(?:ngày\s+{_DATE})?[\s,]*(?:(?P<vv>v/v|V/v)|(?=về\b|:))?\s*:?\s*(?P<summary>[^.\n]{{8,}})?",
    re.I,
)
# "Báo cáo số 143/BC-SNN-VP ngày 21 tháng 9 năm 2007 của Sở … (về …)"
_NUMBERED_OF = re.compile(
    rf"^(?P<type>{_TYPE})\s+số\s+(?P<number>{NUMBER_IN_TEXT.pattern})[\s,]*(?:ngày\s+{_DATE})?\s+của\s+(?P<issuer>[^.\n]+?)"
    rf"(?:\s+(?:v/v|về)\s+(?P<summary>[^.\n]+))?\s*\.?$",
    re.I,
)
# a title line: "Báo cáo công tác …", "THÔNG BÁO: Công bố …"
_TITLE = re.compile(rf"^(?P<type>{_TYPE})\s*:?\s+(?P<summary>\S.{{8,}})$", re.I)
_DAY_FIRST = re.compile(rf"^(?:\S+\s+-\s+)?Ngày\s+{_DATE}", re.I)


@dataclass
class Lead:
    type: str | None = None
    number: DocNumber | None = None
    issuer: str | None = None  # the words naming the issuing body
    summary: str | None = None
    issued: date | None = None


def read_lead(lines: list[str]) -> Lead:
    """What the first lines of a headerless document say about it."""
    lead = Lead()
    for line in [x for x in lines[:30] if x][:12]:
        if match := _NUMBERED_OF.match(line) or _ISSUED_BY.search(line):
            _take(lead, match, line)
            break
    for line in [x for x in lines[:8] if x]:
        if (match := _TITLE.match(line)) and not lead.summary:
            lead.type = lead.type or _type_name(match["type"])
            lead.summary = _summary(match["summary"])
            break
    return lead


def _take(lead: Lead, match: re.Match, line: str) -> None:
    lead.type = _type_name(match["type"])
    if match["number"]:
        with suppress(DocNumberError):
            lead.number = parse_number(match["number"])
    issuer = re.sub(rf"^.*?(?:Ngày\s+{_DATE}|\d{{1,2}}/\d{{1,2}})\s*,?\s*", "", match["issuer"]).strip(" ,-")
    lead.issuer = issuer or None
    day = match if match["y"] else _DAY_FIRST.search(line)
    if day and day["y"]:
        with suppress(ValueError):
            lead.issued = date(int(day["y"]), int(day["m"]), int(day["d"]))
    if match["summary"]:
        lead.summary = _summary(match["summary"])


def _type_name(word: str) -> str:
    folded = {w.lower(): name for w, name in HEADING_WORDS.items()}
    return folded.get(word.lower(), word)


def _summary(text: str) -> str:
    text = re.sub(r"^(?:v/v)\s*", "", text.strip(" :.;,"), flags=re.I)
    if text.isupper():
        text = text.lower()
    return text[:1].upper() + text[1:]
