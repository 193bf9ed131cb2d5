"""Text of a pasted or OCR'd official document, cleaned into lines the importer can read."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import partial
from itertools import pairwise
from pathlib import Path

from ..common.messages import t
from ..common.vietnamese import clean_text
from ..common.vocabulary import HEADING_WORDS, MENTION_WORDS
from .columns import gazette_heading, is_upper, rejoin_broken, split_header_line, web_table_cells

_NOISE = [
    re.compile(r"^\[(signature|chữ ký|đã ký|ký)\]$", re.I),  # signature placeholders
    re.compile(r"^(số|ngày|chuyển|chuyên)\s*:\s*\.{3,}.*$", re.I),  # a received-document stamp: "Số:..... ĐẾN"
    re.compile(r"^([A-ZĐ]\.\s*){2,}/?$"),  # handwritten initials: "P. K. T. H. M. /"
    re.compile(r"^[_\-–=*.\s]{3,}$"),  # rules drawn with underscores
]
_MARKUP = re.compile(r"^\s*#{1,6}\s*|\*\*")


class NoTextLayer(ValueError):
    """A PDF whose pages are pictures (a scan): there is no text to read."""


def read_source(path: Path) -> str:
    """Text of a .txt/.md file (UTF-8, or a legacy Windows code page), a .docx (paragraphs and
    tables in document order) or a .pdf with a text layer (pypdf)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx_text(path)
    if suffix == ".pdf":
        return _pdf_text(path)
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:  # an old file saved in a Windows code page (TCVN3/VNI bytes)
        return raw.decode("cp1252", errors="replace")


def _docx_text(path: Path) -> str:
    """Paragraphs and tables in the order they appear. A table of the header (issuing body |
    motto, "Số" | place and date) gives its cells one by one, row by row; any other table (a task
    table) gives one line a row, cells separated by " | "."""
    from docx import Document as DocxDocument  # python-docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = DocxDocument(str(path))
    lines: list[str] = []
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, doc).text)
        elif tag == "tbl":
            table = Table(block, doc)
            rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
            flat = " ".join(" ".join(r) for r in rows)
            header = re.search(r"CỘNG H[OÒ]A|ĐẢNG CỘNG SẢN|\bSố\b|Nơi nhận", flat, re.I) and not re.search(r"Chủ trì|Nội dung", flat, re.I)
            for row in rows:
                cells = list(dict.fromkeys(c for c in row if c))  # merged cells repeat
                if header:
                    lines += [line for cell in cells for line in cell.split("\n")]
                else:
                    lines.append(" | ".join(c.replace("\n", " ") for c in row))
    return "\n".join(lines)


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    if sum(c.isalpha() for c in text) < 20:
        raise NoTextLayer(t("import.scanned_pdf", pages=len(reader.pages)))
    return text


def is_noise(line: str) -> bool:
    return any(p.match(line) for p in _NOISE)


def prepare_lines(text: str) -> list[str]:
    """NFC, no control characters or OCR Markdown (#, **), stamp noise dropped, numbers
    broken across lines ("70-" / "KL/TW") joined. Blank lines are kept as ""."""
    out: list[str] = []
    cleaned = [_MARKUP.sub("", line).replace("\t", " ").strip() for line in clean_text(text).split("\n")]
    cleaned = gazette_heading(rejoin_broken(web_table_cells([" ".join(line.split()) for line in cleaned])))
    raw = [cell for line in cleaned for cell in split_header_line(line)]
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


# Names that keep their capitals in a trích yếu printed in capitals, and the words before which a
# document type names one document ("Ban hành Quy định …", "phê duyệt Đề án …").
_PROPER = ("Thường trực Hội đồng nhân dân", "Ủy ban nhân dân", "Hội đồng nhân dân", "Chủ tịch", "Thủ tướng Chính phủ", "Chính phủ",
           "Quốc hội", "Việt Nam", "Trung ương", "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành")  # fmt: skip
_ACRONYMS = ("htx", "ubnd", "hđnd", "mttq", "ptnt", "kt-xh", "lmhtx", "tw")
_NAMING = r"(?:^|ban hành|phê duyệt|thực hiện|triển khai|thuộc|về|sửa đổi, bổ sung|bãi bỏ|thay thế)"


def learned_case(text: str) -> dict[tuple[str, str], str]:
    """How the document itself writes a word after another inside its sentences: "đồng bằng sông
    Cửu Long" in the body teaches ("sông", "cửu") → "Cửu" and ("cửu", "long") → "Long", for a
    trích yếu printed in capitals. A word is learned only with a capital, written so more often
    than not after that word; the first word of a sentence, a line or a list item teaches nothing."""
    seen: dict[tuple[str, str], dict[str, int]] = {}
    for line in text.split("\n"):
        if is_upper(line):
            continue  # a heading in capitals teaches nothing
        for sentence in re.split(r"(?<=[.:;!?])\s+|\s+[-–+]\s+|[“\"(]", line):
            words = re.findall(r"\w+", sentence)
            for before, word in pairwise(words):
                if before.isdigit() or len(before) == 1:
                    continue  # "1. Khu dân cư", "a) Trung tâm": a list item starts there
                forms = seen.setdefault((before.lower(), word.lower()), {})
                forms[word] = forms.get(word, 0) + 1
    learned = {}
    for pair, forms in seen.items():
        form, count = max(forms.items(), key=lambda f: f[1])
        if form[:1].isupper() and not form.isupper() and count * 2 > sum(forms.values()):
            learned[pair] = form
    return learned


def restore_case(text: str, places: Iterable[str], learned: dict[tuple[str, str], str] | None = None) -> str:
    """A trích yếu printed in capitals, as the registry writes it: "BAN HÀNH QUY ĐỊNH … TỈNH TIỀN
    GIANG" → "Ban hành Quy định … tỉnh Tiền Giang". Province names, a few proper names, a
    document type named by the phrase before it and the first word of a quoted title keep their
    capitals; other proper names (a city, a river) cannot be known and stay in lower case."""
    result = text.lower()
    for name in (*places, *_PROPER):
        pattern = r"\s*[-–]\s*".join(re.escape(part.lower()) for part in re.split(r"\s*[-–]\s*", name))
        result = re.sub(rf"(?<!\w){pattern}(?!\w)", partial(_recase, name=name), result)
    for word in sorted(HEADING_WORDS.values(), key=len, reverse=True):
        result = re.sub(rf"({_NAMING}\s+){re.escape(word.lower())}(?!\w)", rf"\g<1>{word}", result)
    result = re.sub(r"([“\"]\s*)(\w)", lambda m: m.group(1) + m.group(2).upper(), result)
    result = re.sub(r"(?<!cơ )\bsở (\w)", lambda m: "Sở " + m.group(1).upper(), result)  # a department: "Sở Tư pháp"
    result = re.sub(rf"\b({'|'.join(_ACRONYMS)})\b", lambda m: m.group(1).upper(), result)
    if learned:
        result = _apply_learned(result, learned)
    return result[:1].upper() + result[1:]


def _apply_learned(text: str, learned: dict[tuple[str, str], str]) -> str:
    """Each word with the capital the document's body gives it after the same word."""
    words = list(re.finditer(r"\w+", text))
    out, at = [], 0
    for before, word in zip([None, *words], words, strict=False):
        form = learned.get((before.group(0).lower(), word.group(0).lower())) if before else None
        out += [text[at : word.start()], word.group(0)[:1].upper() + word.group(0)[1:] if form else word.group(0)]
        at = word.end()
    return "".join(out) + text[at:]


def _recase(found: re.Match, name: str) -> str:
    """The found words in the name's capitals, keeping the dashes as printed ("Bà Rịa – Vũng Tàu")."""
    words = iter(re.findall(r"[^\s\-–]+", name))
    return re.sub(r"[^\s\-–]+", lambda m: next(words, m.group(0)), found.group(0))


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
    "Bộ trưởng",
    "Thứ trưởng",
    "Chủ nhiệm",
]
