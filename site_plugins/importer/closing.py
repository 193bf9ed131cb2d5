"""The close of an official document: the signature blocks ("TM. BAN CHẤP HÀNH / KT. CHỦ TỊCH /
PHÓ CHỦ TỊCH / name", nested or not, or a position alone above the name) and the recipients
("Nơi nhận: - …"), also when "Nơi nhận" and the signature were pasted side by side on one line."""

from __future__ import annotations

import re

from .agencies import AgencyMatcher
from .columns import is_upper, looks_like_name, split_closing
from .source import sentence_case

CAPACITY = re.compile(r"^(?P<cap>TM|T/M|KT|K/T|Q|TL|TUQ|PT)\s*\.?\s*(?P<rest>.*)$")
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


def _signers(lines: list[str], start: int, matcher: AgencyMatcher, issuers: list[str], province: str | None) -> list[dict]:
    """Each signature block: its capacity lines, however the page broke them ("TM. ỦY BAN NHÂN" /
    "DÂN KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH"), read as one chain of layers (TM. the body, KT. the head)
    and the position, then the name."""
    signers = []
    i = start
    while i < len(lines):
        if not _capacity(lines[i]):
            i += 1
            continue
        caps, name, j = [lines[i]], None, i + 1
        while j < len(lines) and j < i + 9:
            line = lines[j]
            if line and is_upper(line):
                if _capacity(line) and len(caps) > 1 and POSITION_END.search(" ".join(caps)):
                    break  # the next signer's block, side by side in the copy
                caps.append(line)
            elif line and looks_like_name(line):
                name = line
                break
            j += 1
        if name and (signer := _signer(" ".join(caps), name, matcher, issuers, province)):
            signers.append(signer)
        i = j + 1
    return signers


LAYER = re.compile(r"(?:^|\s)(TM|T/M|KT|K/T|Q|TL|TUQ|PT)\s*(?:\.\s*|\s+)")
POSITION_END = re.compile(
    r"(?:PHÓ\s+)?(?:CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ NHIỆM|GIÁM ĐỐC|TRƯỞNG BAN|BÍ THƯ|THỦ TRƯỞNG|CHÁNH VĂN PHÒNG|CỤC TRƯỞNG|VỤ TRƯỞNG|"
    r"THỦ TƯỚNG|TỔNG BIÊN TẬP|TRƯỞNG PHÒNG|TỔNG GIÁM ĐỐC|VIỆN TRƯỞNG|HIỆU TRƯỞNG|CHI CỤC TRƯỞNG)(?:\s+THƯỜNG TRỰC)?\s*$"
)


def _signer(caps: str, name: str, matcher: AgencyMatcher, issuers: list[str], province: str | None) -> dict | None:
    """One signer from the capitals of the block: "TM. ỦY BAN NHÂN DÂN TỈNH KT. CHỦ TỊCH PHÓ CHỦ
    TỊCH" is capacity KT. for the Chủ tịch, on behalf of the Ủy ban nhân dân tỉnh (the chain kept
    whole as printed), position Phó Chủ tịch."""
    parts = LAYER.split(" " + re.sub(r"\s+", " ", caps.replace("*", " ")).strip())
    layers = [({"K/T": "KT", "T/M": "TM"}.get(cap, cap) + ".", rest.strip()) for cap, rest in zip(parts[1::2], parts[2::2], strict=False)]
    if not layers:
        return None
    cap, rest = layers[-1]
    position = POSITION_END.search(rest)
    if position and position.start() > 0:  # "CHỦ TỊCH PHÓ CHỦ TỊCH": the head, then the signer's own position
        layers[-1], title = (cap, rest[: position.start()].strip()), position.group(0).strip()
    elif len(layers) > 1 or cap != "TM.":
        title = rest  # "KT. CHỦ TỊCH" alone: the signer holds that position's authority
        layers[-1] = (cap, "")
    else:
        return None
    body = layers[0][1] if len(layers) > 1 else None  # "TM. ỦY BAN NHÂN DÂN" above "KT. CHỦ TỊCH"
    on_behalf = layers[-1][1]
    agency = matcher.by_text(body or on_behalf, province) if (body or on_behalf) else None
    if agency not in issuers:
        agency = issuers[0] if len(issuers) == 1 else None
    signer = {
        "name": name,
        "position": sentence_case(title),
        "capacity": cap,
        "on_behalf_of": sentence_case(body or on_behalf) if (body or on_behalf) else None,
        "chain": [f"{c} {sentence_case(r)}".strip() for c, r in layers] if len(layers) > 1 else None,
        "agency": agency,
    }
    return {k: v for k, v in signer.items() if v}


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
        if _capacity(line) or (is_upper(line) and POSITION.search(line)):
            break  # the signature, pasted after "Nơi nhận" by a web page's table
        if re.match(r"^[-–+•]", line):
            items.append(line.lstrip("-–+• ").strip())
        elif items and not blank:  # a wrapped item; a word or a comma a narrow column pushed down
            glued = line.startswith((",", ";")) or (re.search(r"(^|\s)[A-ZĐ]\w?$", items[-1]) and line[:1].islower())
            items[-1] += ("" if glued else " ") + line
        else:
            break
        blank = False
    return [re.sub(r"[,;.]+$", "", item).strip() for item in items if item.strip(" ,;.")]
