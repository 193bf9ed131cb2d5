"""Text of a pasted or OCR'd official document, cleaned into lines the importer can read."""

from __future__ import annotations

import re
from pathlib import Path

from .vietnamese import clean_text
from .vocabulary import HEADING_WORDS, MENTION_WORDS

_NOISE = [
    re.compile(r"^\[(signature|chữ ký|đã ký|ký)\]$", re.I),  # signature placeholders
    re.compile(r"^(số|ngày|chuyển|chuyên)\s*:\s*\.{3,}.*$", re.I),  # a received-document stamp: "Số:..... ĐẾN"
    re.compile(r"^([A-ZĐ]\.\s*){2,}/?$"),  # handwritten initials: "P. K. T. H. M. /"
    re.compile(r"^[_\-–=*.\s]{3,}$"),  # rules drawn with underscores
]
_MARKUP = re.compile(r"^\s*#{1,6}\s*|\*\*")


def read_source(path: Path) -> str:
    """Text of a .txt/.md file, or of a .docx (paragraphs, then table cells)."""
    if path.suffix.lower() == ".docx":
        from docx import Document as DocxDocument  # python-docx

        doc = DocxDocument(str(path))
        lines = [p.text for p in doc.paragraphs]
        for table in doc.tables:
            for row in table.rows:
                lines += [cell.text for cell in row.cells]
        return "\n".join(lines)
    return path.read_text("utf-8-sig")


def is_noise(line: str) -> bool:
    return any(p.match(line) for p in _NOISE)


def prepare_lines(text: str) -> list[str]:
    """NFC, no control characters or OCR Markdown (#, **), stamp noise dropped, numbers
    broken across lines ("70-" / "KL/TW") joined. Blank lines are kept as ""."""
    out: list[str] = []
    raw = [_MARKUP.sub("", line).replace("\t", " ").strip() for line in clean_text(text).split("\n")]
    for index, line in enumerate(raw):
        line = " ".join(line.split())
        if is_noise(line):
            continue
        # the office that stamped the received copy: "VĂN PHÒNG UBND T. LẠNG SƠN" right above "Số:....."
        following = next((x for x in raw[index + 1 :] if x), "")
        if re.match(r"^(số|ngày)\s*:\s*\.{3,}", following, re.I) and line.isupper():
            continue
        if out and re.search(r"\d+-$", out[-1]) and re.match(r"^[A-ZĐ]{1,6}/", line):
            while out and not out[-1]:
                out.pop()
            out[-1] += line
            continue
        out.append(line)
    # a received-date line above the header ("25/12/2020") belongs to the stamp too
    while out and (not out[0] or re.fullmatch(r"\d{1,2}/\d{1,2}/\d{4}", out[0])):
        out.pop(0)
    return out


def type_word(line: str) -> str | None:
    """The document type a heading line names: "KẾ HOẠCH" → "Kế hoạch", "CHƯƠNG TRÌNH HÀNH ĐỘNG"
    → "Chương trình" (the vocabulary's heading words)."""
    upper = line.strip().rstrip(":").upper()
    for word in MENTION_WORDS:
        if upper == word.upper() and word in HEADING_WORDS:
            return HEADING_WORDS[word]
    return None


def sentence_case(text: str) -> str:
    """ "BAN TUYÊN GIÁO TỈNH ỦY" → "Ban Tuyên giáo Tỉnh ủy" (names we know keep their capitals)."""
    result = text.strip().lower()
    for phrase in _CAPITALISED:
        result = re.sub(rf"(?<!\w){re.escape(phrase.lower())}(?!\w)", phrase, result)
    result = re.sub(r"\b(htx|ubnd|hđnd|tw|mttq|lmhtx|btgtu)\b", lambda m: m.group(1).upper(), result)
    return result[:1].upper() + result[1:]


_CAPITALISED = [
    "Ban Chấp hành",
    "Ban Tuyên giáo",
    "Tỉnh ủy",
    "Liên minh",
    "Hợp tác xã",
    "Trưởng Ban",
    "Phó Trưởng Ban",
    "Thường trực",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Ủy ban nhân dân",
    "Trung ương",
    "Việt Nam",
    "Bí thư",
    "Phó Bí thư",
    "Giám đốc",
    "Phó Giám đốc",
]


def is_upper(text: str) -> bool:
    """All letters are capitals ("TM. BAN CHẤP HÀNH"), and there is at least one."""
    return any(c.isalpha() for c in text) and text == text.upper()


def looks_like_name(text: str) -> bool:
    """ "Nguyễn Ngọc Bảo": two to six words, each capitalised."""
    words = text.split()
    return 2 <= len(words) <= 6 and all(w[0].isupper() and (w[1:].islower() or len(w) == 1) for w in words)
