"""The body of an imported document as Markdown: I./1./1.1 structure as headings and lists."""

from __future__ import annotations

import re

ROMAN = re.compile(r"^[IVX]+\.\s+\S")
NUMBERED = re.compile(r"^(?P<label>\d+(?:\.\d+)*)\.\s+(?P<rest>.+)$")
BULLET = re.compile(r"^[-–+•]\s*")
_ENDS = (".", ";", ":", "!", "?", '"', "”", ")", ",")


def paragraphs(lines: list[str]) -> list[str]:
    """One paragraph per line, joining lines that a page break or OCR split mid-sentence
    ("Thông tin cung" / "cấp đảm bảo …")."""
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        if out and line[0].islower() and not out[-1].endswith(_ENDS):
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
