"""Shared field types of the content schema and the translation of pydantic errors into
editor-facing problems."""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime
from pathlib import Path
from types import UnionType
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError

from ..common.messages import problem, t
from ..common.problems import Problem, field_name
from ..common.vietnamese import VN_TZ, clean_text, slugify
from .frontmatter import Parsed, parse_yaml

PLACEHOLDERS = {"…", "..."}  # what `portal new` leaves to fill
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
            raise ValueError(t("value.not_text"))
    value = " ".join(clean_text(value).split())
    if not value:
        raise ValueError(t("value.empty"))
    if value in PLACEHOLDERS:
        raise ValueError(t("value.placeholder"))
    if _HTML.search(value):
        raise ValueError(t("value.html"))
    return value


def _slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(t("value.slug", value=value, slug=slugify(value) or "vi-du"))
    return value


def parse_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=VN_TZ)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=VN_TZ)
    text = str(value).strip()
    match = _DATE.match(text)
    message = t("value.date", value=text)
    if not match:
        if day_first := re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2}))?", text):
            d, mo, y, h, mi = day_first.groups()
            spelled = f"{y}-{int(mo):02d}-{int(d):02d}" + (f"T{int(h):02d}:{mi}" if h else "")
            raise ValueError(t("value.date_day_first", value=text, spelled=spelled))
        raise ValueError(message)
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in match.groups())
    try:
        return datetime(y, mo, d, h, mi, s, tzinfo=VN_TZ)
    except ValueError:
        raise ValueError(message) from None


def _date(value: Any) -> date:
    if isinstance(value, str) and ("T" in value or " " in value.strip()):
        raise ValueError(t("value.date_only", value=value))
    return parse_datetime(value).date()


def _web_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in value for c in " <>\"'"):
        raise ValueError(t("value.url", value=value))
    return value


_EMAIL = re.compile(r"^[^@\s<>\"'():;,]+@[^@\s<>\"'():;,]+\.[A-Za-z]{2,}$")


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        raise ValueError(t("value.email", value=value))
    return value


PlainText = Annotated[str, BeforeValidator(_plain)]
WebUrl = Annotated[str, BeforeValidator(_plain), AfterValidator(_web_url)]  # only http(s): never javascript: or data:
Email = Annotated[str, BeforeValidator(_plain), AfterValidator(_email)]
Slug = Annotated[str, BeforeValidator(_plain), AfterValidator(_slug)]
Ref = PlainText  # an id of another entry or registry item: checked (and a name turned into its id) by loading.py
VnDateTime = Annotated[datetime, BeforeValidator(parse_datetime)]
VnDate = Annotated[date, BeforeValidator(_date)]


def _allowed(model: type[BaseModel], loc: tuple) -> str:
    """The values a missing field may take, when the schema names them: "'Kế hoạch', 'Quyết định', …"."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(str(part))
        if info is None:
            return ""
        current = info.annotation
        while get_origin(current) in (list, Union, UnionType, Annotated):
            args = [a for a in get_args(current) if a is not type(None)]
            current = args[0] if args else current
            if get_origin(current) is Literal:
                break
    if get_origin(current) is Literal:
        return ", ".join(f"'{c}'" for c in get_args(current))
    return ""


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
    return t("did_you_mean", value=close[0]) if close else fallback


_MODEL_RULES = {"document_year": "issued", "document_type": "type", "citation": "number", "document_dates": "expires",
                "event_end": "end", "event_new_start": "new_start", "event_new_end": "new_end"}  # fmt: skip
# Values a field used to take, and what to write now.
_RETIRED = {"bi-thay-the": "field.retired_status"}
_MESSAGES = {  # pydantic error type → catalogue key, formatted with the error's context
    "too_short": "field.too_short",
    "too_long": "field.too_long",
    "less_than_equal": "field.too_large",
    "greater_than_equal": "field.too_small",
    "int_parsing": "field.not_int",
    "int_from_float": "field.not_int",
    "float_parsing": "field.not_float",
    "bool_parsing": "field.not_bool",
    "bool_type": "field.not_bool",
    "list_type": "field.not_list",
    "model_type": "field.not_group",
    "dict_type": "field.not_group",
    "string_type": "value.not_text",
}


def problems_from(error: ValidationError, model: type[BaseModel], parsed: Parsed, path: str, base: tuple = ()) -> list[Problem]:
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        field = field_name(loc) or "(file)"
        line = parsed.line(base + loc)
        kind = item["type"]
        if kind == "extra_forbidden":
            name = str(loc[-1])
            fix = suggest(name, _field_names(model, loc), t("field.unknown.fix"))
            problems.append(Problem(path, line, field, *problem("field.unknown", fix=fix)))
        elif kind == "missing":  # at the line the front matter (or the item) starts, with the values it may take
            start = parsed.line(base + loc[:-1]) if loc[:-1] else max(parsed.offset, 1)
            allowed = _allowed(model, loc)
            key = "field.required_one_of" if allowed else "field.required"
            problems.append(Problem(path, start, field, *problem(key, name=loc[-1], choices=allowed)))
        elif kind in _MODEL_RULES:  # a rule across fields, reported at the field it names
            name = _MODEL_RULES[kind]
            what, _, fix = item["msg"].partition(" — ")
            field = field_name((*loc, name))
            problems.append(Problem(path, parsed.line(base + loc + (name,)), field, what, fix))
        elif kind == "value_error":
            message = str(item["ctx"]["error"])
            what, _, fix = message.partition(" — ")
            problems.append(Problem(path, line, field, what, fix))
        elif kind == "literal_error":
            choices = re.findall(r"'([^']*)'", item["ctx"]["expected"])
            listed = ", ".join(f"'{c}'" for c in choices)  # pydantic joins the last with an English "or"
            if item["input"] in _RETIRED:
                fix = t(_RETIRED[item["input"]])
            else:
                fix = suggest(item["input"], choices, t("field.one_of", choices=listed))
            problems.append(Problem(path, line, field, *problem("field.not_allowed", value=item["input"], fix=fix)))
        elif kind in _MESSAGES:
            ctx = {**item.get("ctx", {}), "input": item["input"], "name": loc[-1] if loc else ""}
            problems.append(Problem(path, line, field, *problem(_MESSAGES[kind], **ctx)))
        else:
            problems.append(Problem(path, line, field, *problem("field.other", msg=item["msg"], input=item["input"])))
    return problems


M = TypeVar("M", bound=BaseModel)


def read_model_file(file: Path, display: str, model: type[M], max_bytes: int, not_fields: str, problems: list[Problem]) -> tuple[Parsed, M] | None:
    """A YAML file of 'field: value' lines (a data file, a poll) read and validated against ``model``;
    None with every problem listed in ``problems`` (too big, not UTF-8, bad YAML, not fields, the model's)."""
    try:
        if file.stat().st_size > max_bytes:
            problems.append(Problem(display, 0, "", *problem("data.too_big", limit=max_bytes // 1000)))
            return None
        text = file.read_bytes().decode("utf-8").lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        problems.append(Problem(display, 0, "", *problem("file.not_utf8", byte=exc.start)))
        return None
    except OSError as exc:
        problems.append(Problem(display, 0, "", *problem("file.unreadable", error=exc.strerror or exc)))
        return None
    parsed, found = parse_yaml(text, display)
    problems += found
    if parsed is None:
        return None
    if not isinstance(parsed.data, dict):
        problems.append(Problem(display, 1, "", *problem(not_fields)))
        return None
    try:
        return parsed, model.model_validate(parsed.data)
    except ValidationError as exc:
        problems += problems_from(exc, model, parsed, display)
        return None
