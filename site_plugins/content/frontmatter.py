"""YAML reading that keeps line numbers and leaves dates as text for our own validation.

PyYAML turns ``2024-05-30`` into a date but leaves ``2024-05-30T08:00`` a string, and fails
with a cryptic message on ``2024-13-01``; we keep every scalar a string or number and let the
schema parse dates, so every bad date gets the same clear message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..common.messages import problem
from ..common.problems import Problem, field_name
from ..common.vietnamese import clean_text, find_control_chars
from ..common.yamlio import SAFE_LOADER

_NO_DATES = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Loader(yaml.SafeLoader):
    yaml_implicit_resolvers = _NO_DATES


class _FastLoader(SAFE_LOADER):  # type: ignore[misc,valid-type]
    """libyaml's parser (several times faster). On any error we parse again with _Loader, which
    also accepts escapes libyaml refuses (a lone surrogate "\\ud800") and words errors the same
    way everywhere."""

    yaml_implicit_resolvers = _NO_DATES


Path_ = tuple  # a location inside the data: ("provinces", 1)

# Bounds on what a YAML text may ask of the reader. Editors never need anchors and aliases (&a, *a):
# refusing them rules out "billion laughs" expansion; deep nesting would exhaust the recursion of
# the composer and of everything that walks the data after it.
MAX_DEPTH = 32
MAX_FRONT_MATTER = 1_000_000  # bytes of front matter (a plan with hundreds of tasks is ~100 kB)


@dataclass
class Parsed:
    data: Any
    lines: dict[tuple, int] = field(default_factory=dict)  # location → 1-based line in the file
    body: str = ""
    offset: int = 0  # line number of the YAML's first line, minus one
    body_line: int = 0  # line number of the body's first line

    def line(self, loc: tuple) -> int:
        """Line of the nearest enclosing location that we know."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.offset + 1


def _refused_structure(loader_class, text: str, offset: int) -> tuple[int, str, dict] | None:
    """The first alias or over-deep nesting in the text, read from the parser's events (a flat
    stream: nothing is expanded or recursed into): (line, message key, values), or None."""
    loader = loader_class(text)
    depth = 0
    try:
        while (event := loader.get_event()) is not None:
            line = event.start_mark.line + 1 + offset
            if isinstance(event, yaml.AliasEvent):
                return line, "file.yaml_alias", {"name": event.anchor}
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return line, "file.yaml_depth", {"limit": MAX_DEPTH}
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    finally:
        loader.dispose()
    return None


def _record_lines(node: yaml.Node, loc: tuple, lines: dict, offset: int, duplicates: list) -> None:
    lines.setdefault(loc, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*loc, key.value)
            line = key.start_mark.line + 1 + offset
            if child in lines and isinstance(key, yaml.ScalarNode):  # PyYAML would silently keep the last value
                duplicates.append((line, child, lines[child]))
            lines[child] = line
            _record_lines(value, child, lines, offset, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*loc, index), lines, offset, duplicates)


def _load(loader_class, text: str):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
        return node, clean_strings(data)
    finally:
        loader.dispose()


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB".replace(".", ",")


def clean_strings(data):
    """Strings decoded from YAML escapes ("\\x0b", "\\ud800") are cleaned like the raw text."""
    if isinstance(data, str):
        return clean_text(data)
    if isinstance(data, list):
        return [clean_strings(x) for x in data]
    if isinstance(data, dict):
        return {k: clean_strings(v) for k, v in data.items()}
    return data


def parse_yaml(text: str, path: str, offset: int = 0) -> tuple[Parsed | None, list[Problem]]:
    problems = []
    controls = find_control_chars(text)
    if controls:
        problems.append(
            Problem(
                path,
                offset + 1,
                "",
                *problem("file.controls", chars=", ".join(controls)),
                warning=True,
            )
        )
    text = clean_text(text)
    try:
        try:
            refused = _refused_structure(_FastLoader, text, offset)
            if refused is None:
                node, data = _load(_FastLoader, text)
        except yaml.YAMLError:
            refused = _refused_structure(_Loader, text, offset)
            if refused is None:
                node, data = _load(_Loader, text)
    except yaml.YAMLError as exc:
        line, key = yaml_problem(exc, text)
        problems.append(Problem(path, line + offset, "", *problem(key, what=getattr(exc, "problem", None) or str(exc))))
        return None, problems
    if refused is not None:
        line, key, values = refused
        problems.append(Problem(path, line, "", *problem(key, **values)))
        return None, problems
    lines: dict[tuple, int] = {}
    duplicates: list[tuple[int, tuple, int]] = []
    if node is not None:
        _record_lines(node, (), lines, offset, duplicates)
    for line, loc, first in duplicates:
        field = field_name(loc)
        problems.append(Problem(path, line, field, *problem("file.duplicate_key", name=loc[-1], first=first)))
    return Parsed(data, lines, offset=offset), problems


# PyYAML's problem → what an editor usually did, in their words (messages "file.yaml.*")
_YAML_CAUSES = [
    ("mapping values are not allowed", "file.yaml.colon"),
    ("found character '\\t'", "file.yaml.tab"),
    ("expected ',' or ']'", "file.yaml.list"),
    ("expected ',' or '}'", "file.yaml.list"),
    ("found unexpected end of stream", "file.yaml.quote"),
    ("found unknown escape character", "file.yaml.escape"),
    ("could not find expected ':'", "file.yaml.no_colon"),
    ("expected <block end>", "file.yaml.indent"),
    ("did not find expected key", "file.yaml.indent"),
    ("did not find expected '-' indicator", "file.yaml.indent"),
    ("found a tab character", "file.yaml.tab"),
]


def yaml_problem(exc: yaml.YAMLError, text: str) -> tuple[int, str]:
    """(line in the YAML text, message key) for a syntax error: the line where the editor's
    mistake is — an unclosed "[" is reported where it opens, not where PyYAML gave up — and the
    usual cause in Vietnamese."""
    problem_text = f"{getattr(exc, 'problem', '')} {getattr(exc, 'context', '')}"
    key = next((k for pattern, k in _YAML_CAUSES if pattern in problem_text), "file.yaml")
    mark = getattr(exc, "problem_mark", None)
    context = getattr(exc, "context_mark", None)
    if key in ("file.yaml.list", "file.yaml.quote") and context is not None:
        mark = context  # where the bracket or the quote opened
    if "\t" in text and key in ("file.yaml", "file.yaml.indent"):
        key = "file.yaml.tab"
        tabbed = next(i for i, line in enumerate(text.split("\n")) if "\t" in line)
        return tabbed + 1, key
    return ((mark.line + 1) if mark else 1), key


MAX_BODY = 5_000_000  # bytes of a body, by default (plugin option max_body_bytes): a long law is ~500 kB


def read_yaml_file(file: Path, display: str) -> tuple[Parsed | None, list[Problem]]:
    """A YAML data file (a registry, a ledger) parsed with its lines; unreadable or not UTF-8: None
    and the problem, never a traceback."""
    try:
        text = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display, 0, "", *problem("file.not_utf8", byte=exc.start))]
    except OSError as exc:
        return None, [Problem(display, 0, "", *problem("file.unreadable", error=exc.strerror or exc))]
    return parse_yaml(text.lstrip("\ufeff"), display)


def read_mapping(file: Path, display: str) -> tuple[Parsed | None, dict, list[Problem]]:
    """A ledger file (id → value): (parsed, its mapping, problems); a missing file is an empty one."""
    if not file.exists():
        return None, {}, []
    parsed, problems = read_yaml_file(file, display)
    if parsed is None:
        return None, {}, problems
    data = parsed.data if parsed.data is not None else {}
    if not isinstance(data, dict):
        return None, {}, [*problems, Problem(display, 1, "", *problem("ledger.not_mapping", name=file.name))]
    return parsed, data, problems


def read_markdown(file: Path, display: str, max_body: int = MAX_BODY) -> tuple[Parsed | None, list[Problem]]:
    """Split ``---`` front matter from the body of a Markdown file and parse it."""
    try:
        size = file.stat().st_size
        if size > MAX_FRONT_MATTER + max_body:  # refused before it is read
            return None, [Problem(display, 0, "", *problem("file.too_big", size=megabytes(size), limit=megabytes(max_body)))]
        raw = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display, 0, "", *problem("file.not_utf8", byte=exc.start))]
    except OSError as exc:
        return None, [Problem(display, 0, "", *problem("file.unreadable", error=exc.strerror or exc))]
    raw = raw.lstrip("\ufeff").replace("\r\n", "\n")
    lines = raw.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [Problem(display, 1, "", *problem("file.no_front_matter"))]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        return None, [Problem(display, 1, "", *problem("file.front_matter_open"))]
    head = "\n".join(lines[1:end])
    if len(head.encode("utf-8")) > MAX_FRONT_MATTER:
        return None, [Problem(display, 2, "", *problem("file.front_matter_big", size=megabytes(len(head.encode("utf-8"))), limit=megabytes(MAX_FRONT_MATTER)))]
    parsed, problems = parse_yaml(head, display, offset=1)
    if parsed is None:
        return None, problems
    if not isinstance(parsed.data, dict):
        return None, [*problems, Problem(display, 2, "", *problem("file.not_fields"))]
    body = "\n".join(lines[end + 1 :])
    if len(body.encode("utf-8")) > max_body:
        problems.append(Problem(display, end + 2, "body", *problem("file.body_big", size=megabytes(len(body.encode("utf-8"))), limit=megabytes(max_body))))
        return None, problems
    controls = find_control_chars(body)
    if controls:
        problems.append(
            Problem(
                display,
                end + 2,
                "body",
                *problem("file.controls", chars=", ".join(controls)),
                warning=True,
            )
        )
    parsed.body = clean_text(body)
    parsed.body_line = end + 2
    return parsed, problems
