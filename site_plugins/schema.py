"""Shared field types of the content schema and the translation of pydantic errors into
editor-facing problems."""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError

from .frontmatter import Parsed
from .problems import Problem
from .vietnamese import VN_TZ, clean_text, slugify

_HTML = re.compile(r"<\s*[A-Za-z!/][^>]*>")
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\+07:00)?$")


class Strict(BaseModel):
    """Every schema model: unknown fields are errors (a typo like ``titel:`` must not pass)."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _plain(value: Any) -> str:
    if not isinstance(value, str):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        else:
            raise ValueError("must be text — write it as a plain line of text")
    value = " ".join(clean_text(value).split())
    if not value:
        raise ValueError("is empty — write the text or remove the field")
    if _HTML.search(value):
        raise ValueError("contains HTML markup — write plain text (HTML is not allowed here)")
    return value


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"'{value}' is not an ASCII slug — write '{slugify(value) or 'vi-du'}' (lowercase a–z, 0–9 and '-')")
    return value


def parse_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=VN_TZ)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=VN_TZ)
    text = str(value).strip()
    match = _DATE.match(text)
    problem = f"'{text}' is not a date — expected YYYY-MM-DD or YYYY-MM-DDTHH:MM (Vietnam time)"
    if not match:
        raise ValueError(problem)
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(y, mo, d, h, mi, s, tzinfo=VN_TZ)
    except ValueError:
        raise ValueError(problem) from None


def _date(value: Any) -> date:
    if isinstance(value, str) and ("T" in value or " " in value.strip()):
        raise ValueError(f"'{value}' is not a date — expected YYYY-MM-DD")
    return parse_datetime(value).date()


def _web_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in value for c in " <>\"'"):
        raise ValueError(f"'{value}' is not a web address — write it whole, starting with https:// or http://, e.g. https://vca.org.vn")
    return value


_EMAIL = re.compile(r"^[^@\s<>\"'():;,]+@[^@\s<>\"'():;,]+\.[A-Za-z]{2,}$")


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(f"'{value}' is not an e-mail address — write it like lienminh@example.vn")
    return value


PlainText = Annotated[str, BeforeValidator(_plain)]
WebUrl = Annotated[str, BeforeValidator(_plain), AfterValidator(_web_url)]  # only http(s): never javascript: or data:
Email = Annotated[str, BeforeValidator(_plain), AfterValidator(_email)]
Slug = Annotated[str, BeforeValidator(_plain), AfterValidator(_slug)]
Ref = Slug  # an id of another entry or registry item, resolved by the catalog
VnDateTime = Annotated[datetime, BeforeValidator(parse_datetime)]
VnDate = Annotated[date, BeforeValidator(_date)]


def _field_names(model: type[BaseModel], loc: tuple) -> list[str]:
    """Names of the fields allowed at ``loc`` (for "did you mean")."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        field = getattr(current, "model_fields", {}).get(part)
        if field is None:
            return []
        annotation = field.annotation
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            for inner in (candidate, *getattr(candidate, "__args__", ())):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    current = inner
                    break
    return list(getattr(current, "model_fields", {}))


def suggest(word: str, choices, fallback: str = "") -> str:
    close = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else fallback


_MODEL_RULES = {"document_year": "issued", "document_type": "type", "citation": "number"}
_MESSAGES = {  # pydantic error type → (problem, fix), formatted with the error's context
    "too_short": ("needs at least {min_length} item(s)", "add one, e.g. '{name}: [id-mot]'"),
    "less_than_equal": ("{input!r} is too large", "write a number of at most {le}"),
    "greater_than_equal": ("{input!r} is too small", "write a number of at least {ge}"),
    "int_parsing": ("{input!r} is not a whole number", "write digits only, e.g. 2024"),
    "int_from_float": ("{input!r} is not a whole number", "write digits only, e.g. 2024"),
    "float_parsing": ("{input!r} is not a number", "write a number with a decimal point, e.g. 21.5"),
    "bool_parsing": ("{input!r} is not true or false", "write true or false"),
    "bool_type": ("{input!r} is not true or false", "write true or false"),
    "list_type": ("must be a list", "write [a, b] or one '- item' per line"),
    "model_type": ("must be a group of fields", "write 'field: value' lines indented under '{name}:'"),
    "dict_type": ("must be a group of fields", "write 'field: value' lines indented under '{name}:'"),
    "string_type": ("must be text", "write it as a plain line of text"),
}


def problems_from(error: ValidationError, model: type[BaseModel], parsed: Parsed, path: str, base: tuple = ()) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        field = ".".join(str(p) for p in loc) or "(file)"
        line = parsed.line(base + loc)
        kind = item["type"]
        if kind == "extra_forbidden":
            name = str(loc[-1])
            fix = suggest(name, _field_names(model, loc), "remove it (see the editors' guide for the fields of this kind of entry)")
            problems.append(Problem(path, line, field, "unknown field", fix))
        elif kind == "missing":
            problems.append(Problem(path, line, field, "is required", f"add '{loc[-1]}: …'"))
        elif kind in _MODEL_RULES:  # a rule across fields, reported at the field it names
            name = _MODEL_RULES[kind]
            what, _, fix = item["msg"].partition(" — ")
            field = ".".join(str(p) for p in (*loc, name))
            problems.append(Problem(path, parsed.line(base + loc + (name,)), field, what, fix))
        elif kind == "value_error":
            message = str(item["ctx"]["error"])
            what, _, fix = message.partition(" — ")
            problems.append(Problem(path, line, field, what, fix))
        elif kind == "literal_error":
            expected = item["ctx"]["expected"]
            choices = re.findall(r"'([^']*)'", expected)
            problems.append(Problem(path, line, field, f"'{item['input']}' is not allowed", suggest(item["input"], choices, f"write one of {expected}")))
        elif kind in _MESSAGES:
            what, fix = _MESSAGES[kind]
            ctx = {**item.get("ctx", {}), "input": item["input"], "name": loc[-1] if loc else ""}
            problems.append(Problem(path, line, field, what.format(**ctx), fix.format(**ctx)))
        else:
            problems.append(Problem(path, line, field, f"{item['msg']} (got {item['input']!r})", "correct the value"))
    return problems
