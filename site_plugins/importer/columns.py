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


_HEADER_CELL = re.compile(r"CỘNG H[OÒ]A|ĐẢNG CỘNG SẢN|Độc lập|^Số\b|,\s*ngày\b|^(TM|KT|Q|TL|TUQ)\.", re.I)
_MOTTO_WORDS = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def web_table_cells(lines: list[str]) -> list[str]:
    """A header copied from a web page's table arrives with the cells' bars: "ỦY BAN NHÂN DÂN |",
    "|", "Số: 63/2006/QĐ-UBND | Phan Thiết, ngày …". Bars go; a line of header cells becomes one
    line a cell. A task table's rows ("1 | Tổ chức tập huấn | …") are left as they are."""
    out: list[str] = []
    for line in lines:
        if "|" not in line:
            out.append(line)
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 1 or any(_HEADER_CELL.search(c) for c in cells):
            out += [c for c in cells if c] or [""]
        else:
            out.append(line)
    return out


def rejoin_broken(lines: list[str]) -> list[str]:
    """Header phrases a narrow web or PDF column broke over lines, put back on one line: "Số:" /
    "15/2023/QĐ-UBND"; "Tiền Giang, ngày" / "02 tháng 8 năm 2023"; "Hà" / "Nội, ngày …"; "CỘNG" /
    "HÒA XÃ HỘI CHỦ" / "NGHĨA VIỆT NAM". Only the top of the document is looked at."""
    out: list[str] = []
    top = next((i for i, line in enumerate(lines) if re.match(r"^(Căn cứ|Thực hiện|Điều \d)", line)), len(lines))
    for index, line in enumerate(lines):
        if out and index < top and line and _continues(out[-1], line):
            out[-1] = f"{out[-1]} {line}"
            continue
        out.append(line)
    return out


def _continues(previous: str, line: str) -> bool:
    if re.fullmatch(r"Số\s*:?", previous, re.I) and re.match(r"^\d", line):  # "Số:" / "15/2023/QĐ-UBND"
        return True
    if re.search(r",\s*ngày(\s+\d{1,2})?(\s+tháng(\s+\d{1,2})?)?$", previous) and re.match(r"^(\d{1,2}\s+)?(tháng|năm)\b|^\d{1,2}\s+tháng\b", line):
        return True  # "…, ngày" / "02 tháng 8 năm 2023"; "…, ngày 21 tháng 03" / "năm 2016"
    if (
        re.match(r"^[^\d,;:.]{1,30},\s*ngày\b", line)
        and re.fullmatch(r"[A-ZĐÀ-Ỹ][\w\s-]{0,25}", previous)
        and len(previous.split()) <= 5
        and not is_upper(previous)
    ):  # "Hà" / "Nội, ngày …", "Bà Rịa - Vũng" / "Tàu, ngày …"
        return True
    joined = f"{previous} {line}".upper().replace("HOÀ", "HÒA")
    return _MOTTO_WORDS.startswith(joined) and len(joined) > len(previous)  # "CỘNG" / "HÒA XÃ HỘI CHỦ" / "NGHĨA VIỆT NAM"


_GAZETTE = re.compile(
    r"^(?P<type>[^\d]+?)\s+CỦA\s+(?P<issuer>.+?)\s+SỐ\s+(?P<number>\S+)\s+NGÀY\s+(?P<d>\d{1,2})\s+THÁNG\s+(?P<m>\d{1,2})\s+NĂM\s+(?P<y>\d{4})\s*(?P<subject>.*)$"
)


def gazette_heading(lines: list[str]) -> list[str]:
    """Older documents as the Official Gazette printed them open with one heading, no header
    columns: "CHỈ THỊ CỦA THỦ TƯỚNG CHÍNH PHỦ SỐ 16/2001/CT-TTG NGÀY 21 THÁNG 6 NĂM 2001 VỀ VIỆC …".
    It is laid out as a header is: issuer, "Số: …", "ngày …", type, subject."""
    count = next((i for i, line in enumerate(lines) if line and not is_upper(line)), len(lines))
    heading = " ".join(x for x in lines[:count] if x)
    match = _GAZETTE.match(heading)
    if not match or count == 0:
        return lines
    return [match["issuer"], f"Số: {match['number']}", f"ngày {match['d']} tháng {match['m']} năm {match['y']}", match["type"], match["subject"], "",
            *lines[count:]]  # fmt: skip


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
