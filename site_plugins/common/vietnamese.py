"""Vietnamese text helpers: NFC, cleaning of pasted text, ASCII slugs, dates in Vietnam time."""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime, time, timedelta, timezone

from babel.dates import format_date
from icu import Collator, Locale
from slugify import slugify as _slugify

# Vietnam has had no daylight saving since 1975: a fixed offset is exact and needs no tz data.
VN_TZ = timezone(timedelta(hours=7), "ICT")

# C0/C1 control characters except tab, newline and carriage return, plus lone surrogates and
# the non-characters Word likes to leave behind. XML 1.0 forbids all of them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def find_control_chars(text: str) -> list[str]:
    """The distinct control characters in ``text``, as ``\\x0b``-style escapes."""
    found = sorted(set(_CONTROL.findall(text)))
    return [f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}" for c in found]


def clean_text(text: str) -> str:
    """NFC-normalise and drop characters that are invalid in XML (pasted from Word/PDF).

    A vertical tab or form feed stands for a line break in Word, so it becomes a space.
    """
    text = text.replace("\x0b", " ").replace("\x0c", " ")
    return nfc(_CONTROL.sub("", text))


_COLLATOR = Collator.createInstance(Locale("vi"))


def sort_key(text: str) -> bytes:
    """Vietnamese alphabetical order (CLDR, via ICU): "Đắk Lắk" after "Dân", "Tỉnh ủy" after "Tỉnh Lào Cai"."""
    return bytes(_COLLATOR.getSortKey(nfc(text)))


def slugify(text: str) -> str:
    """ASCII slug: "Đổi mới, phát triển hợp tác xã" → "doi-moi-phat-trien-hop-tac-xa"."""
    text = nfc(text).replace("Đ", "D").replace("đ", "d")
    return _slugify(text)


def heading_slug(value: str, separator: str) -> str:
    """Python-Markdown ``toc`` slug function that keeps đ as d (the default drops it)."""
    return slugify(value).replace("-", separator)


def vn_datetime(value: date | datetime) -> datetime:
    """A date or naive datetime read from content, as an aware datetime in Vietnam time."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=VN_TZ) if value.tzinfo is None else value.astimezone(VN_TZ)
    return datetime.combine(value, time(0, 0), VN_TZ)


@functools.lru_cache(maxsize=16384)
def _formatted(day: date, pattern: str) -> str:
    """A day in Vietnamese by a Babel pattern, once per day and pattern: a build prints the same few
    thousand days on tens of thousands of cards, and Babel parses the pattern on every call."""
    return format_date(day, pattern, locale="vi")


def _day(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value  # as format_date reads a datetime


def date_line(value: date | datetime) -> str:
    """ "Thứ Năm, 30/05/2024" — the date line Vietnamese news sites print above a story."""
    return _formatted(_day(value), "EEEE, dd/MM/yyyy")


def time_date_line(value: date | datetime) -> str:
    """ "08:00, Thứ Tư, 29/05/2024" — a story's date line with the time it was published (Vietnam
    time). A date written without a time (read as midnight) keeps the date alone: no invented hour."""
    moment = vn_datetime(value)
    if not isinstance(value, datetime) or moment.time() == time(0, 0):
        return date_line(moment)
    return f"{moment:%H:%M}, {date_line(moment)}"


def short_date(value: date | datetime) -> str:
    return _formatted(_day(value), "dd/MM/yyyy")


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, cut at a word boundary with "…"."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:-–")
    return cut + "…"


def month_name(year: int, month: int) -> str:
    return f"Tháng {month:d}/{year:d}"


# Spellings that mean the same in agency names.
_SAME = [
    ("hợp tác xã", "htx"),
    ("ủy ban nhân dân", "ubnd"),
    ("hội đồng nhân dân", "hđnd"),
    ("mặt trận tổ quốc", "mttq"),
    ("trung ương", "tw"),
    ("thông tin và truyền thông", "tt&tt"),
    ("thành phố", "tp"),
    ("&", "và"),
    ("uỷ", "ủy"),
    ("khoá", "khóa"),
]


def name_key(text: str) -> str:
    """An agency name as a key: lower case, usual abbreviations (HTX, UBND, TW…) and punctuation folded."""
    key = nfc(text).lower()
    for long, short in _SAME:
        key = key.replace(long, short)
    return " ".join(re.sub(r"[^\w&]+", " ", key).split())
