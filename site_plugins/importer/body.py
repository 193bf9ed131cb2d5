"""The body of an imported document as Markdown: I./1./1.1 structure as headings and lists."""

from __future__ import annotations

import re

ROMAN = re.compile(r"^[IVX]+\.\s+\S")
NUMBERED = re.compile(r"^(?P<label>\d+(?:\.\d+)*)\.\s+(?P<rest>.+)$")
BULLET = re.compile(r"^[-–+•]\s*")
_ENDS = (".", ";", ":", "!", "?", '"', "”", ")", ",")


_BLOCK = re.compile(r"^(?:[IVX]+\.\s|\d+(?:\.\d+)*\.\s|[-–+•]|[a-zđ]\)\s|Căn cứ\b|Điều \d|Chương [IVXLC]+|Mục \d|Nơi nhận|Thực hiện\b)")


def paragraphs(lines: list[str]) -> list[str]:
    """One paragraph per line, joining lines that a page break, OCR or a PDF's line wrapping split
    mid-sentence ("Thông tin cung" / "cấp đảm bảo …"; a full-width line of a PDF and the line
    after it, unless that one starts a block: an item, "Căn cứ", "Điều", a heading)."""
    widths = sorted(len(line) for line in lines if line)
    full = widths[int(len(widths) * 0.8)] if len(widths) >= 5 else 0
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        wrapped = full >= 50 and len(out[-1]) >= 0.8 * full and not _BLOCK.match(line) and not line.isupper() if out else False
        if out and not out[-1].endswith(_ENDS) and (line[0].islower() or wrapped):
            out[-1] += " " + line
        else:
            out.append(line)
    return out


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("<", "&lt;").replace("*", "\\*").replace("_", "\\_")


def _is_heading(rest: str) -> bool:
    words = rest.rstrip(".:").split()
    return len(words) <= 14 and not re.search(r"[.;:]\s", rest) and not rest.endswith((";", ","))


def to_markdown(paras: list[str]) -> str:
    blocks: list[str] = []
    for para in paras:
        if ROMAN.match(para):
            blocks.append(f"### {_escape(para)}")
        elif (match := NUMBERED.match(para)) and _is_heading(match["rest"]):
            level = "#" * min(6, 3 + match["label"].count(".") + 1)
            blocks.append(f"{level} {_escape(para.rstrip(':'))}")
        elif match := NUMBERED.match(para):
            blocks.append(f"**{match['label']}.** {_escape(match['rest'])}")
        elif BULLET.match(para):
            item = f"- {_escape(BULLET.sub('', para))}"
            if blocks and blocks[-1].startswith("- "):
                blocks[-1] += "\n" + item
            else:
                blocks.append(item)
        else:
            blocks.append(_escape(para))
    return "\n\n".join(blocks) + "\n"
