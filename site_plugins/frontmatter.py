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

from .messages import problem
from .problems import Problem
from .vietnamese import clean_text, find_control_chars

_NO_DATES = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _Loader(yaml.SafeLoader):
    yaml_implicit_resolvers = _NO_DATES


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's parser (several times faster). On any error we parse again with _Loader, which
    also accepts escapes libyaml refuses (a lone surrogate "\\ud800") and words errors the same
    way everywhere."""

    yaml_implicit_resolvers = _NO_DATES


Path_ = tuple  # a location inside the data: ("provinces", 1)


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


def _record_lines(node: yaml.Node, loc: tuple, lines: dict, offset: int) -> None:
    lines.setdefault(loc, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            child = (*loc, key.value)
            lines[child] = key.start_mark.line + 1 + offset
            _record_lines(value, child, lines, offset)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, (*loc, index), lines, offset)


def _load(loader_class, text: str):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
        return node, clean_strings(data)
    finally:
        loader.dispose()


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
            node, data = _load(_FastLoader, text)
        except yaml.YAMLError:
            node, data = _load(_Loader, text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 1 + offset) if mark else offset + 1
        what = getattr(exc, "problem", None) or str(exc)
        problems.append(Problem(path, line, "", *problem("file.yaml", what=what)))
        return None, problems
    lines: dict[tuple, int] = {}
    if node is not None:
        _record_lines(node, (), lines, offset)
    return Parsed(data, lines, offset=offset), problems


def read_markdown(file: Path, display: str) -> tuple[Parsed | None, list[Problem]]:
    """Split ``---`` front matter from the body of a Markdown file and parse it."""
    try:
        raw = file.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display, 0, "", *problem("file.not_utf8", byte=exc.start))]
    raw = raw.lstrip("\ufeff").replace("\r\n", "\n")
    lines = raw.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [Problem(display, 1, "", *problem("file.no_front_matter"))]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        return None, [Problem(display, 1, "", *problem("file.front_matter_open"))]
    parsed, problems = parse_yaml("\n".join(lines[1:end]), display, offset=1)
    if parsed is None:
        return None, problems
    if not isinstance(parsed.data, dict):
        return None, [*problems, Problem(display, 2, "", *problem("file.not_fields"))]
    body = "\n".join(lines[end + 1 :])
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
