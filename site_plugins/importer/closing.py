"""The close of an official document: the signature blocks ("TM. BAN CHẤP HÀNH / KT. CHỦ TỊCH /
PHÓ CHỦ TỊCH / name", nested or not, or a position alone above the name) and the recipients
("Nơi nhận: - …"), also when "Nơi nhận" and the signature were pasted side by side on one line."""

from __future__ import annotations

import re

from .agencies import AgencyMatcher
from .columns import is_upper, looks_like_name, split_closing
from .source import sentence_case

CAPACITY = re.compile(r"^(?P<cap>TM|KT|K/T|Q|TL|TUQ|PT)\s*\.?\s*(?P<rest>.*)$")
RECIPIENTS = re.compile(r"^Nơi nhận\s*:?\s*$", re.I)


def read_closing(
    lines: list[str], start: int, matcher: AgencyMatcher, issuers: list[str], province: str | None
) -> tuple[list[str], int, list[dict], list[str]]:
    """The lines (a "Nơi nhận | signature" line pasted as one column split back in two), where the body
    ends, the signers and the recipients."""
    glued = next((i for i in range(start, len(lines)) if re.match(r"^Nơi nhận\b", lines[i], re.I)), None)
    if glued is not None:  # "Nơi nhận" beside the signature, pasted as one column
        lines = lines[:glued] + split_closing(lines[glued:])
    recipients_at = next((i for i in range(start, len(lines)) if RECIPIENTS.match(lines[i])), None)
    signature_at = next((i for i in range(start, len(lines)) if _capacity(lines[i])), None)
    end = min(x for x in (recipients_at, signature_at, len(lines)) if x is not None)
    signers = _signers(lines, end, matcher, issuers, province) or _plain_signer(lines, end, issuers)
    recipients = _recipients(lines, recipients_at) if recipients_at is not None else []
    return lines, end, signers, recipients


def _capacity(line: str):
    """A signature's capacity line: "TM. BAN CHẤP HÀNH", "K/T TRƯỞNG BAN"."""
    match = CAPACITY.match(line)
    return match if match and is_upper(line) else None


def _capacity_name(match: re.Match) -> str:
    """ "K/T" is written "KT." like the others."""
    return {"K/T": "KT"}.get(match["cap"], match["cap"]) + "."


def _signers(lines: list[str], start: int, matcher: AgencyMatcher, issuers: list[str], province: str | None) -> list[dict]:
    signers = []
    i = start
    while i < len(lines):
        match = _capacity(lines[i])
        if not match:
            i += 1
            continue
        capacity = _capacity_name(match)
        on_behalf = match["rest"].strip()
        position_parts, name, j = [], None, i + 1
        if not on_behalf and j < len(lines) and is_upper(lines[j]) and not _capacity(lines[j]):
            on_behalf, j = lines[j], j + 1  # "TM." alone: the next capitals say on whose behalf
        body = None  # "TM. ỦY BAN NHÂN DÂN" above "KT. CHỦ TỊCH": the body the signer acts for
        if j < len(lines) and (inner := _capacity(lines[j])):
            body, on_behalf = on_behalf, inner["rest"].strip()
            capacity = _capacity_name(inner)
            j += 1
        while j < len(lines) and j < i + 9:
            line = lines[j]
            if line and is_upper(line):  # "TM." alone: the next capitals say on whose behalf
                if on_behalf:
                    position_parts.append(line)
                else:
                    on_behalf = line
            elif line and looks_like_name(line):
                name = line
                break
            j += 1
        if name:
            position = sentence_case(" ".join(position_parts)) if position_parts else sentence_case(on_behalf)
            agency = matcher.by_text(body or on_behalf, province) if (body or on_behalf) else None
            if agency not in issuers:
                agency = issuers[0] if len(issuers) == 1 else None
            signer = {
                "name": name,
                "position": position,
                "capacity": capacity,
                "on_behalf_of": sentence_case(body) if body else sentence_case(on_behalf) if position_parts else None,
                "agency": agency,
            }
            signers.append({k: v for k, v in signer.items() if v})
        i = j + 1
    return signers


POSITION = re.compile(r"\b(CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ NHIỆM|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ|THỦ TRƯỞNG|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|VỤ TRƯỞNG|THỦ TƯỚNG)\b")


def _plain_signer(lines: list[str], start: int, issuers: list[str]) -> list[dict]:
    """A signature without a capacity line: "BỘ TRƯỞNG, CHỦ NHIỆM" above the name."""
    for i in range(start, len(lines)):
        if is_upper(lines[i]) and POSITION.search(lines[i]):
            name = next((x for x in lines[i + 1 : i + 4] if x and looks_like_name(x)), None)
            if name:
                signer = {"name": name, "position": sentence_case(lines[i]), "agency": issuers[0] if len(issuers) == 1 else None}
                return [{k: v for k, v in signer.items() if v}]
    return []


def _recipients(lines: list[str], start: int) -> list[str]:
    items: list[str] = []
    blank = False
    for line in lines[start + 1 :]:
        if not line:
            blank = True
            continue
        if re.match(r"^[-–+•]", line):
            items.append(line.lstrip("-–+• ").strip())
        elif items and not blank:  # a wrapped item; a word or a comma a narrow column pushed down
            glued = line.startswith((",", ";")) or (re.search(r"(^|\s)[A-ZĐ]\w?$", items[-1]) and line[:1].islower())
            items[-1] += ("" if glued else " ") + line
        else:
            break
        blank = False
    return [re.sub(r"[,;.]+$", "", item).strip() for item in items if item.strip(" ,;.")]
