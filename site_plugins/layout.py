"""Official documents are laid out in two columns at the top (issuing body | national motto; "Số:"
| place and date) and at the bottom (Nơi nhận | signature). Pasted from a PDF or a Word table,
each pair of cells arrives as one line. These functions put each cell back on its own line, in
the order the importer reads them."""

from __future__ import annotations

import re

_MOTTO = re.compile(r"^(?P<left>.+?)\s+(?P<right>(?:CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM)\b.*)$", re.I)
_FREEDOM = re.compile(r"^(?P<left>.+?)\s+(?P<right>Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc.*)$", re.I)
# the place starts with a letter and is not a code of the symbol ("Số: 12/2019/QĐ - UBND Lào Cai, ngày …")
_NUMBER_AND_DATE = re.compile(r"^(?P<left>Số\b[^,]*?/[^,]*?)\s+(?P<right>(?![A-ZĐ]{2,}(?:\s|$))[^\W\d_][^\d,;:/]{1,39},\s*ngày\b.*)$")
_SUBJECT = re.compile(r"^(?P<left>Số\b[^,]*?/\S*)\s+(?P<right>V/v\b.*)$", re.I)
_PARTY_STAR = re.compile(r"^(?P<left>.+?)\s+\*\s+(?P<right>(?:Số\b|[^\d,;:]{2,40},\s*ngày\b).*)$")  # "TỈNH ỦY LẠNG SƠN * Lạng Sơn, ngày …"


def split_header_line(line: str) -> list[str]:
    """ "UBND TỈNH HÀ GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" → the two cells."""
    for pattern in (_MOTTO, _FREEDOM, _NUMBER_AND_DATE, _PARTY_STAR):
        match = pattern.match(line)
        if match and not re.match(r"^(CỘNG H[OÒ]A|ĐẢNG CỘNG SẢN|Độc lập)", line, re.I):
            return [*split_header_line(match["left"]), *split_header_line(match["right"])]
    if match := _SUBJECT.match(line):
        return [match["left"], match["right"]]
    return [line]


_CAPACITY_WORD = r"(?:TM|KT|K/T|Q|TL|TUQ|PT)\s*\.\s*[A-ZĐÀ-Ỹ]"
_RIGHT_CELL = re.compile(rf"^(?P<left>.*?[;:.])\s+(?P<right>(?:{_CAPACITY_WORD}.*|[A-ZĐÀ-Ỹ]+(?:\s+[A-ZĐÀ-Ỹ.]+)+|(?:[A-ZĐÀ-Ỹ][a-zà-ỹđ]+\s?){{2,6}}))$")


def split_closing(lines: list[str]) -> list[str]:
    """The bottom of a document with "Nơi nhận" beside the signature, cell by cell on one line
    ("- Như trên; PHÓ CHỦ TỊCH"): the recipients first, then the signature block, each on its
    own lines. Lines that are not glued stay where they are."""
    left: list[str] = []
    right: list[str] = []
    glued = False
    for line in lines:
        match = _RIGHT_CELL.match(line)
        if match and (line.startswith(("-", "–", "+", "•")) or re.match(r"^Nơi nhận", line, re.I)):
            tail = match["right"].strip()
            if is_upper(tail) or looks_like_name(tail) or re.match(_CAPACITY_WORD, tail):
                left.append(match["left"].strip())
                right.append(tail)
                glued = True
                continue
        if line.startswith(("-", "–", "+", "•")) or re.match(r"^Nơi nhận", line, re.I) or (not line and not right):
            left.append(line)
        else:
            right.append(line)
    if not glued:
        return lines
    return [*left, "", *right]


def is_upper(text: str) -> bool:
    """All letters are capitals ("TM. BAN CHẤP HÀNH"), and there is at least one."""
    return any(c.isalpha() for c in text) and text == text.upper()


def looks_like_name(text: str) -> bool:
    """ "Nguyễn Ngọc Bảo": two to six words, each capitalised."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[0].isupper() and (w[1:].islower() or len(w) == 1) for w in words)
