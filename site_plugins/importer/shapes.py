"""The shape a pasted text arrives in, undone before the lines are read: line breaks stored as
the characters "\\r\\n", a whole document on one line (a PDF's text without breaks), and the
chrome of the web page it was copied from — menus, the legal sites' metadata table ("Số hiệu:",
"Ngày ban hành:", …) and their closing links. The metadata is kept apart: the importer uses it
only when the document itself does not say, and marks what it took for review."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..common.vocabulary import HEADING_WORDS, MENTION_WORDS

_ESCAPED = re.compile(r"\\r\\n|\\n|\\r")
_LATIN = [chr(c) for c in (*range(0x41, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isalpha()]
UP = "".join(c for c in _LATIN if c.isupper())  # every Latin capital, toned ones included (Ộ, Ư, Đ)
LOW = "".join(c for c in _LATIN if c.islower())


def _rx(pattern: str) -> re.Pattern:
    """A pattern whose [{UP}] and [{LOW}] are Vietnamese capitals and small letters."""
    return re.compile(pattern.replace("{UP}", UP).replace("{LOW}", LOW))


# what starts a line in an official document, for a text that lost its line breaks
_BREAK_BEFORE = [
    r"CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM", r"ĐẢNG CỘNG SẢN VIỆT NAM", r"Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc",
    r"(?:SỐ|Số)\s*:?\s*\d+\s*[/-]", r"(?:SỐ|Số)\s*:\s*/", r"V/v\b",
    r"Căn cứ\b", r"Thực hiện\b", r"Theo đề nghị\b", r"Xét\b", r"Điều \d+\.", r"Chương [IVXLC]+\b", r"Mục \d+\.",
    r"[IVX]+\.\s+[{UP}]", r"\d+(?:\.\d+)*\.\s+[{UP}]", r"[{LOW}]\)\s",
    r"Nơi nhận\s*:", r"(?:TM|KT|TL|TUQ|T/M)\.\s+[{UP}]{2,}", r"QUYẾT ĐỊNH\s*:", r"NGHỊ QUYẾT\s*:",
    r"PHÓ (?:CHỦ TỊCH|TRƯỞNG BAN|BÍ THƯ|GIÁM ĐỐC)\b",
]  # fmt: skip
_BREAKS = _rx(r"\s+(?=(?:" + "|".join(_BREAK_BEFORE) + "))")
_BULLET = _rx(r"(?<=[;.:,])\s+(?=[-–+]\s+[{UP}{LOW}])|\s+(?=[-–+]\s+(?:Căn cứ|Thực hiện)\b)")  # "…; - Như trên; - Lưu: VT."
# the place and date: "… Hạnh phúc Lào Cai, ngày 21 tháng 7 …", "TP. Hồ Chí Minh, ngày …"
_PLACE_DATE = _rx(r"(?:(?:TP\.|[{UP}][{LOW}]+)\s+){0,3}(?:TP\.|[{UP}][{LOW}]+),\s*ngày\s+\d{1,2}\s+tháng")
# who decides, in capitals before "Căn cứ": "… TỈNH TIỀN GIANG ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG Căn cứ"
_AUTHORITY = _rx(r"\s+(?=(?:ỦY BAN|UỶ BAN|CHỦ TỊCH|THỦ TƯỚNG|HỘI ĐỒNG NHÂN DÂN|BỘ TRƯỞNG|BAN CHẤP HÀNH|BAN THƯỜNG VỤ)[{UP}\s-]{0,45}\nCăn cứ)")
# the signer's name after the capitals of the position: "… PHÓ CHỦ TỊCH Nguyễn Văn Phòng"
_NAME_AFTER = _rx(r"(?<=[{UP}])\s+(?=[{UP}][{LOW}]+(?:\s+[{UP}][{LOW}]+){1,3}\s*\|?\s*(?:\n|$))")
# the position in capitals after the recipients: "- Lưu: VT, NN (2) Hải. BỘ TRƯỞNG, CHỦ NHIỆM Mai Tiến Dũng"
_CAPITALS_AFTER = _rx(r"(?<=[.;])\s+(?=[{UP}]{2,}(?:[\s,]+[{UP}]{2,})*\s+[{UP}][{LOW}])")
# a run of capitals (the type heading and a trích yếu in capitals) ends where mixed case begins
# the type heading in capitals stands on its own line: "… Hạnh phúc KẾ HOẠCH Hỗ trợ phát triển …"
_HEADING = _rx(r"\s+(" + "|".join(re.escape(w.upper()) for w in MENTION_WORDS if w in HEADING_WORDS) + r")\s+(?=[{UP}])")
_CAPITALS_END = _rx(r"(?<=[{UP}0-9)”\"])\s+(?=(?:Căn cứ|Thực hiện|Triển khai|Theo|Xét|Để|Nhằm)\b)")

# The legal-document sites' page around the document: their metadata table and their links.
_METADATA = re.compile(
    r"^(?P<label>Số hiệu|Ký hiệu|Loại văn bản|Nơi ban hành|Cơ quan ban hành|Người ký|Ngày ban hành|Ngày hiệu lực|Ngày công báo|"
    r"Số công báo|Tình trạng|Tình trạng hiệu lực|Lĩnh vực|Ngày hết hiệu lực|Trích yếu)\s*:\s*(?P<value>.*)$",
    re.I,
)
_CHROME_LINE = re.compile(
    r"^(?:Lưu trữ|Ghi chú|Ý kiến|Facebook|Email|In|Chia sẻ|Tải về|Tải văn bản|Đăng nhập|Đăng ký|Trang chủ|Thuộc tính|Lược đồ|"
    r"Nội dung|VB gốc|Văn bản gốc|Tiếng Anh|Hiệu lực|VB liên quan|Văn bản liên quan|Liên quan hiệu lực|Liên quan nội dung|"
    r"Theo dõi hiệu lực VB|Mục lục|Đã biết|Đang cập nhật|Về Lưu trữ|Quay lại|Bản in|Góp ý|Phản hồi|Xem thêm|Tin liên quan|"
    r"Văn bản pháp luật|Cơ sở dữ liệu văn bản pháp luật)\s*[:|]?\s*$"
    r"|^(?:Bạn Chưa Đăng Nhập|Vì chưa Đăng Nhập|Văn bản này chưa|Hãy để chúng tôi|Lưu ý\s*:\s*Văn bản|©|Copyright|Bản quyền thuộc|"
    r"Mọi chi tiết xin liên hệ|Nội dung văn bản đang được cập nhật|Click vào|Nhấn vào|Xem chi tiết|Tham khảo thêm)",
    re.I,
)
_START = re.compile(r"CỘNG H[OÒ]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG CỘNG SẢN VIỆT NAM", re.I)


@dataclass
class PageFacts:
    """What the web page's metadata table said about the document ("Số hiệu: 15/2023/QĐ-UBND")."""

    values: dict[str, str] = field(default_factory=dict)  # label (lower case) → value
    cut: int = 0  # how many lines of page chrome were left out
    page: bool = False  # the text was a copy of a whole web page


def unescape_breaks(text: str) -> str:
    """ "Dòng 1\\r\\nDòng 2" stored with the backslashes (a database or JSON export): real breaks,
    when the escaped ones outnumber the real ones."""
    escaped = len(_ESCAPED.findall(text))
    if escaped >= 3 and escaped > text.count("\n"):
        return _ESCAPED.sub("\n", text.replace("\\r\\n", "\n")).replace("\\t", " ")
    return text


def break_lines(text: str) -> str:
    """A document without line breaks (a PDF's text layer read as one line) given its lines back
    where an official document starts one: the motto, "Số:", the place and date, "Căn cứ",
    articles, numbered items, "Nơi nhận:", the signature's capacity."""
    long_lines = [line for line in text.split("\n") if len(line) > 600]
    if text.count("\n") > len(text) / 300 and not long_lines:
        return text
    out = []
    for line in text.split("\n"):
        if len(line) <= 600:
            out.append(line)
            continue
        line = re.sub(r"\s+#{1,6}\s+", "\n", line)  # OCR Markdown headings
        line = _HEADING.sub(r"\n\1\n", _CAPITALS_END.sub("\n", line), count=1)
        line = _PLACE_DATE.sub(lambda m: "\n" + m.group(0), line, count=1)
        line = _BULLET.sub("\n", _BREAKS.sub("\n", line))
        line = _AUTHORITY.sub("\n", line, count=1)
        line = _CAPITALS_AFTER.sub("\n", line)
        out.append(_NAME_AFTER.sub("\n", line))
    return "\n".join(out)


def cut_chrome(lines: list[str]) -> tuple[list[str], PageFacts]:
    """The document without the web page around it. The document starts at the header before the
    national motto (its issuing body, at most three lines of capitals above); the page's metadata
    lines and site links before it, and the site's links after it, are left out."""
    facts = PageFacts()
    start = next((i for i, line in enumerate(lines[:400]) if _START.search(line)), None)
    first = start or 0
    while first > 0 and start is not None and start - first < 12 and _is_header_line(lines[first - 1]):
        first -= 1
    while first < (start or 0) and not lines[first].strip():
        first += 1
    for line in lines[:first]:
        if match := _METADATA.match(line.strip()):
            facts.values.setdefault(match["label"].lower(), match["value"].strip(" |\t"))
    if start is None and sum(bool(_METADATA.match(line.strip())) for line in lines) >= 2:  # a metadata table, no header
        for line in lines:
            if match := _METADATA.match(line.strip()):
                facts.values.setdefault(match["label"].lower(), match["value"].strip(" |\t"))
        facts.page = True
        kept = [line for line in lines if not (_METADATA.match(line.strip()) or _CHROME_LINE.match(line.strip()))]
        facts.cut = len(lines) - len(kept)
        return kept, facts
    before = [line.strip() for line in lines[:first] if line.strip()]
    # a web page stood before the document: its metadata table, its links, or more than a stamp's few lines
    page = any(_METADATA.match(x) or _CHROME_LINE.match(x) for x in before) or len(" ".join(before)) > 300
    if not page:
        first = 0
    facts.cut, facts.page = first, page
    lines = lines[first:]
    if page:  # the site's links inside and after the document
        kept = [line for line in lines if not _CHROME_LINE.match(line.strip())]
    else:  # only a trailing run of links
        kept = list(lines)
        while kept and (not kept[-1].strip() or _CHROME_LINE.match(kept[-1].strip())):
            kept.pop()
    if page:
        facts.cut += len(lines) - len(kept)
    return kept, facts


def _is_header_line(line: str) -> bool:
    """A line of the header beside or over the motto: the issuing body's name ("ỦY BAN NHÂN DÂN",
    "TỈNH LÀO CAI"), a rule ("-------"), its number ("Số: 14 / CTPH-…") or a blank."""
    text = line.strip(" |\t")
    if not text or re.fullmatch(r"[-_*=.– ]+", text) or re.match(r"^(?:Số|SỐ)\s*[:.]?\s*(?:\d|[/.…_])", text):
        return True
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters) and len(text) < 80 and not re.search(r"\d", text) and not _CHROME_LINE.match(text)
