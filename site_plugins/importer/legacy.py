"""Vietnamese text typed in the pre-Unicode font encodings, TCVN3 (ABC, fonts ".VnTime") and VNI
(fonts "VNI-Times"), as it arrives in old .doc/.docx files and pastes: "Céng hßa x· héi chñ
nghÜa ViÖt Nam" (TCVN3), "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" (VNI).

No maintained Python converter exists on PyPI, so the two charts are written out here, from the
published encoding tables (TCVN 5712:1993 for TCVN3; VNI Windows), and tested letter by letter
(tests/test_importer.py). Each line is converted on its own: a file may mix Unicode lines with
legacy ones (a header retyped in Unicode above a body pasted from an old file). A line is legacy
only when it has characters Unicode Vietnamese never uses (ß, µ, ¸, Ö … for TCVN3; the VNI tone
bytes after a vowel, "aø", "eå", "ö" …) and no character beyond Latin-1."""

from __future__ import annotations

import re

# TCVN3: one byte a letter. Lower-case letters in this order (a, ă, â, đ, e, ê, i, o, ô, ơ, u, ư, y
# with their five tones); capitals are the same bytes in a capital font, except the bare ones.
_VIETNAMESE = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
_TCVN3 = "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦"
TCVN3 = dict(zip(_TCVN3, _VIETNAMESE, strict=True))

# VNI: a base letter followed by a tone byte (and a vowel-shape byte before it for â/ă/ê/ô).
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_TONES_UPPER = {"Ù": "\u0301", "Ø": "\u0300", "Û": "\u0309", "Õ": "\u0303", "Ï": "\u0323"}
# vowel shape + tone in one byte: â/ê/ô with a tone ("aá" = ấ), ă with a tone ("aé" = ắ)
_CIRCUMFLEX = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_SINGLE = {"í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "ô": "ơ", "ö": "ư", "î": "ỵ", "ñ": "đ",
           "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị", "Ô": "Ơ", "Ö": "Ư", "Î": "Ỵ", "Ñ": "Đ"}  # fmt: skip


def _vni_table() -> dict[str, str]:
    import unicodedata

    table: dict[str, str] = {}
    for upper in (False, True):
        tones = _TONES_UPPER if upper else _TONES
        circumflex = {k.upper() if upper else k: v for k, v in _CIRCUMFLEX.items()}
        breve = {k.upper() if upper else k: v for k, v in _BREVE.items()}
        case = str.upper if upper else str.lower
        for base in "aeiouy":
            for byte, mark in tones.items():
                table[case(base) + byte] = unicodedata.normalize("NFC", case(base) + mark)
        for base in "aeo":
            for byte, mark in circumflex.items():
                table[case(base) + byte] = unicodedata.normalize("NFC", case(base) + "\u0302" + mark)
        for byte, mark in breve.items():
            table[case("a") + byte] = unicodedata.normalize("NFC", case("a") + "\u0306" + mark)
        for shaped in ("ô", "ö"):  # ơ, ư with a tone: "ôù" = ớ, "öø" = ừ
            base_char = _SINGLE[case(shaped)]
            for byte, mark in tones.items():
                table[case(shaped) + byte] = unicodedata.normalize("NFC", base_char + mark)
    table.update(_SINGLE)
    return table


VNI = _vni_table()
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, VNI), key=len, reverse=True)))

# Characters a Unicode Vietnamese text never has; each points at one legacy encoding.
_TCVN3_ONLY = set("µ¸¶·¹¨»¾¼½©Ç®ÐªÝÞß«¬÷þ¡¢§£¤¥¦\u00ad") | set("×")
_VNI_SIGNS = re.compile(r"[aeiouyAEIOUY][øûïåäëüØÛÏÅÄËÜ]|[aeoAEO][âÂ](?!\w)|[öÖñÑ]")


def encoding_of(line: str) -> str | None:
    """ "tcvn3", "vni" or None (Unicode, or nothing to tell)."""
    if any(ord(c) > 0xFF for c in line):
        return None
    tcvn3 = sum(c in _TCVN3_ONLY for c in line)
    vni = len(_VNI_SIGNS.findall(line))
    if tcvn3 == 0 and vni == 0:
        return None
    return "tcvn3" if tcvn3 >= vni else "vni"


def _nearest(encodings: list[str | None], index: int) -> str | None:
    for distance in range(1, 4):
        for other in (index - distance, index + distance):
            if 0 <= other < len(encodings) and encodings[other]:
                return encodings[other]
    return None


def _tcvn3_word(match: re.Match) -> str:
    """A capital font shows TCVN3's lower-case bytes as capitals: "CéNG" is "CỘNG"."""
    word = match.group(0)
    converted = "".join(TCVN3.get(c, c) for c in word)
    plain = [c for c in word if c.isascii() and c.isalpha()]
    return converted.upper() if len(plain) > 1 and all(c.isupper() for c in plain) else converted


def to_unicode(text: str) -> tuple[str, dict[str, int]]:
    """The text with every legacy line converted; and how many lines of each encoding were found."""
    found: dict[str, int] = {}
    lines = []
    source = text.split("\n")
    encodings = [encoding_of(line) for line in source]
    for index, line in enumerate(source):  # a short legacy line ("Sè: 12/KH-UBND") has no telling letter: its neighbours tell
        if encodings[index] is None and any(ord(c) > 0x7F for c in line) and not any(ord(c) > 0xFF for c in line):
            encodings[index] = _nearest(encodings, index)
    for line, encoding in zip(source, encodings, strict=True):
        if encoding == "tcvn3":
            plain = [c for c in line if c.isascii() and c.isalpha()]
            capitals = len(plain) >= 4 and sum(c.isupper() for c in plain) >= 0.8 * len(plain)
            line = "".join(TCVN3.get(c, c) for c in line).upper() if capitals else re.sub(r"\S+", _tcvn3_word, line)
        elif encoding == "vni":
            line = _VNI_PATTERN.sub(lambda m: VNI[m.group(0)], line)
        if encoding:
            found[encoding] = found.get(encoding, 0) + 1
        lines.append(line)
    return "\n".join(lines), found
