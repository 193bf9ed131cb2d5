"""Official document numbers ("số, ký hiệu") as printed, in the State and the Party shapes.

State (Nghị định 30/2020/NĐ-CP): ``145/KH-LMHTXVN``, ``30/2020/NĐ-CP``, ``23/2012/QH13``.
Party (Hướng dẫn 36-HD/VPTW): ``13-HD/BTGTU``, ``70-KL/TW``, ``45-QC/BCSDUBND-BTGTU``.
Messy forms from OCR and drafts: ``Số: 14 / CTPH- LMHTX-BTGTU``, ``Số 13 - HD/BTGTU``,
``Số:          /KH-UBND`` (a draft's blank number).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .messages import t
from .vietnamese import nfc
from .vocabulary import GENERIC_WORDS, HEADING_WORDS, MENTION_WORDS, TYPES_BY_CODE

# Laws carry no type code: "23/2012/QH13" is a law of the 13th National Assembly.
LAW_ISSUER = re.compile(r"^QH\d+$")

_LETTERS = "A-Za-zĐđÐ"  # Ð (U+00D0, Icelandic Eth) is what OCR often reads for Đ
_CODE = rf"[{_LETTERS}][{_LETTERS}0-9]*(?:\.[{_LETTERS}][{_LETTERS}0-9]*)*"  # a code may hold a dot: 06/QC-TT.HĐND-UBND
# a joint rule may put a slash between the type and the issuers: 01/QCPH/UBND-UBMTTQ
_STATE = re.compile(rf"^(?P<number>\d+)?/(?:(?P<year>(?:19|20)\d\d)/)?(?P<symbol>{_CODE}(?:-{_CODE})*)(?:/(?P<issuers>{_CODE}(?:-{_CODE})*))?$")
# Laws carry no type code, nor do the Standing Committee's resolutions (70/2025/UBTVQH15) and
# many công văn (126/SKHĐT): the issuer's code alone.
ISSUER_ONLY_TYPES = ((re.compile(r"^QH\d+$"), "Luật"), (re.compile(r"^UBTVQH\d+$"), "Nghị quyết"))
_PARTY = re.compile(rf"^(?P<number>\d+)-(?P<type>{_CODE})/(?P<issuers>{_CODE}(?:-{_CODE})*)$")
_PREFIX = re.compile(r"^\s*(?:Số|SỐ|số)\s*[:.]?\s*")


class DocNumberError(ValueError):
    pass


@dataclass(frozen=True)
class DocNumber:
    number: str | None  # "145"; None for a draft's blank number
    year: int | None  # only when printed inside the number (30/2020/NĐ-CP)
    type_code: str | None  # "KH", "HD"; None for a law
    issuer_codes: tuple[str, ...]  # ("LMHTX", "BTGTU")
    shape: str  # "state" | "party"
    joiner: str = "-"  # between the type and the issuers: "/" in 01/QCPH/UBND-UBMTTQ

    @property
    def text(self) -> str:
        """The canonical printed form: 145/KH-LMHTXVN, 13-HD/BTGTU, /KH-UBND."""
        issuers = "-".join(self.issuer_codes)
        if self.shape == "party":
            return f"{self.number}-{self.type_code}/{issuers}"
        symbol = f"{self.type_code}{self.joiner}{issuers}" if self.type_code else issuers
        year = f"{self.year}/" if self.year else ""
        return f"{self.number or ''}/{year}{symbol}"

    def type_name(self, printed: str | None = None) -> str | None:
        """The document type. A type word printed before the number wins ("Quy định số
        1-QĐ/TW"), unless it is a generic word ("Văn bản số 178/CTPH-…"): then the code says."""
        if printed and printed not in GENERIC_WORDS:
            return HEADING_WORDS.get(printed, printed)
        if self.type_code is None:
            coded = next((name for pattern, name in ISSUER_ONLY_TYPES if self.issuer_codes and pattern.match(self.issuer_codes[-1])), None)
            return coded or printed
        return (self.type_names() or (printed,))[0]

    def type_names(self) -> tuple[str, ...]:
        """Every type the code can mean (QĐ: Quyết định, Quy định), usual meaning first."""
        if self.type_code is None:
            return ()
        upper = {code.upper(): names for code, names in TYPES_BY_CODE.items()}
        return TYPES_BY_CODE.get(self.type_code) or upper.get(self.type_code.upper(), ())


# Cyrillic and Greek capitals that look like Latin ones, pasted into symbols by some sites and OCR
LOOK_ALIKES = str.maketrans("АВЕКМНОРСТХУІЅАВЕΖΗΙΚΜΝΟΡΤΥΧаеорсху", "ABEKMHOPCTXYISABEZHIKMNOPTYXaeopcxy")


def latin_symbols(text: str) -> str:
    """Cyrillic or Greek look-alikes inside a word that also holds Latin letters ("UВND" with a
    Cyrillic В) made Latin; Vietnamese text has no other use for those scripts."""
    return re.sub(r"\w+", lambda m: m.group(0).translate(LOOK_ALIKES) if re.search(r"[\u0370-\u04ff]", m.group(0)) else m.group(0), text)


def _squeeze(raw: str) -> str:
    text = latin_symbols(nfc(raw)).replace("Ð", "Đ").replace("–", "-").replace("—", "-")
    text = _PREFIX.sub("", text.strip())
    text = re.sub(r"\s*([/-])\s*", r"\1", text).strip().rstrip(".,;")
    # OCR reads 0 as O and 1 as l or I inside the number: "1O/KH-UBND", "l2/KH-UBND"
    return re.sub(r"^[0-9OolI]+(?=[/-])", lambda m: m.group(0).translate(_OCR_DIGITS) if any(c.isdigit() for c in m.group(0)) else m.group(0), text)


_OCR_DIGITS = str.maketrans("OolI", "0011")


def parse_number(raw: str) -> DocNumber:
    """Parse a number as printed; raise DocNumberError saying what is wrong."""
    text = _squeeze(raw)
    if match := _PARTY.match(text):
        return DocNumber(match["number"], None, match["type"], tuple(match["issuers"].split("-")), "party")
    if match := _STATE.match(text):
        year = int(match["year"]) if match["year"] else None
        parts = match["symbol"].split("-")
        if match["issuers"]:  # 01/QCPH/UBND-UBMTTQ
            return DocNumber(match["number"], year, match["symbol"], tuple(match["issuers"].split("-")), "state", "/")
        if len(parts) == 1 and not LAW_ISSUER.match(parts[0]):
            parts = _split_glued(parts[0])  # "QĐUBND": a PDF's text layer lost the hyphen
        if len(parts) == 1:  # 23/2012/QH13, 126/SKHĐT: the issuer's code alone
            if not match["number"]:
                raise DocNumberError(t("value.number_no_code", value=raw.strip()))
            return DocNumber(match["number"], year, None, tuple(parts), "state")
        return DocNumber(match["number"], year, parts[0], tuple(parts[1:]), "state")
    raise DocNumberError(t("value.number", value=raw.strip()))


def _split_glued(symbol: str) -> list[str]:
    """ "QĐUBND" → ["QĐ", "UBND"]: a known type code followed by at least two more capitals."""
    for code in sorted(TYPES_BY_CODE, key=len, reverse=True):
        rest = symbol[len(code) :]
        if symbol.startswith(code) and len(rest) >= 2 and rest.isupper():
            return [code, rest]
    return [symbol]


# A number inside running text: "Kết luận số 70-KL/TW", "Nghị quyết 134/NQ-CP", "70-\nKL/TW".
NUMBER_IN_TEXT = re.compile(rf"\b\d+(?:/(?:19|20)\d\d)?(?:/{_CODE}(?:-{_CODE})*(?:/{_CODE}(?:-{_CODE})*)?|-{_CODE}/{_CODE}(?:-{_CODE})*)")


@functools.lru_cache(maxsize=1 << 16)  # (asked again for every mention of every body at every build)
def number_key(text: str) -> str:
    """A key that matches the same number however it was spaced or spelled (Ð/Đ, case)."""
    return _squeeze(text).upper()


def type_agrees(number: DocNumber, doc_type: str) -> bool:
    """Whether a type word can go with the number's type code (QĐ: Quyết định or Quy định).
    An unknown code, no code (laws, công văn "27/UBND-KT") and CV agree with any type."""
    names = number.type_names()
    if not names or number.type_code == "CV":
        return True
    return doc_type in names


_TYPES = "|".join(re.escape(w) for w in MENTION_WORDS)
# "Kết luận số 70-KL/TW", "Nghị quyết 134/NQ-CP": a document named by its number in text
MENTION = re.compile(rf"(?i:{_TYPES})\s+(?:số\s+)?(?P<number>{NUMBER_IN_TEXT.pattern})")
MAY_MENTION = re.compile(r"\d[/-]")  # every number has a digit then "/" or "-": most texts have none (fast check)
