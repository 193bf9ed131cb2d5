"""Material's stylesheet cut to what the site uses, so a page's first paint waits for ~50 kB of CSS
instead of 138 kB (on a slow 3G link that is seconds: docs/BENCHMARK.md, "First paint").

A rule is dropped only when every selector of it names a class that no page of the site carries
and no script of the site can add: the classes of every page the build wrote (and, in the preview,
of the pages it kept), every word of the portal's own scripts, the ``md-`` names in Material's
bundle and the few classes it sets on ``<html>``. Rules without a class (elements, attributes,
``:root`` variables), ``@font-face`` and ``@keyframes`` are kept whole; ``@media`` and ``@supports``
blocks are cut inside. tests/test_first_paint.py checks in Chromium that every element of every
page kind is styled exactly as with the whole stylesheet."""

from __future__ import annotations

import gzip
import hashlib
import re
from collections.abc import Set
from pathlib import Path

import tinycss2

FILE = "assets/stylesheets/portal-material.css"  # what base.html links instead of Material's main.*.min.css
MATERIAL_CSS = "assets/stylesheets/main.*.min.css"
# set on <html> and elements by Material's bundle and its focus-visible polyfill at run time
RUNTIME = frozenset({"js", "no-js", "focus-visible", "js-focus-visible"})
# no leading \b: it makes the scan several times slower on every page; a word character before
# "class=" is ruled out per match instead (page_classes)
_CLASS_ATTRIBUTE = re.compile(r"""class=(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_SELECTOR_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_MATERIAL_NAME = re.compile(r"md-[a-z0-9_-]+")
COMPRESSED = (".css", ".js")  # pre-compressed siblings (.gz) for servers that send them (nginx gzip_static)


def page_classes(html: str) -> set[str]:
    """Every class a page's markup carries."""
    found: set[str] = set()
    for match in _CLASS_ATTRIBUTE.finditer(html):
        before = html[match.start() - 1] if match.start() else " "
        if not (before.isalnum() or before == "_"):  # "class=", not "subclass="
            found.update((match.group(1) or match.group(2) or match.group(3)).split())
    return found


def script_classes(out: Path) -> set[str]:
    """Classes the site's scripts may add: any word of the portal's own (assets/*.js), the md- names
    of Material's bundle (assets/javascripts/), and those Material sets on <html>."""
    found = set(RUNTIME)
    for script in sorted(out.glob("assets/*.js")):
        found |= set(_WORD.findall(script.read_text("utf-8", "replace")))
    for script in sorted(out.glob("assets/javascripts/*.js")):
        found |= set(_MATERIAL_NAME.findall(script.read_text("utf-8", "replace")))
    return found


def cut(css: str, classes: Set[str]) -> str:
    """``css`` without the rules no element with ``classes`` can match; what is kept is kept as
    written, byte for byte."""
    lines = [0, *(i + 1 for i, char in enumerate(css) if char == "\n")]
    source = _Source(css, lines)
    return "".join(_rules(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True), classes, source, len(css)))


class _Source:
    def __init__(self, text: str, lines: list[int]):
        self.text, self.lines = text, lines

    def offset(self, node) -> int:
        return self.lines[node.source_line - 1] + node.source_column - 1


def _rules(rules: list, classes: Set[str], source: _Source, end: int) -> list[str]:
    """The rules to keep, each as its text in the stylesheet; ``end``: where the last one ends."""
    kept = []
    for index, rule in enumerate(rules):
        start = source.offset(rule)
        text = source.text[start : source.offset(rules[index + 1]) if index + 1 < len(rules) else end]
        if rule.type == "qualified-rule":
            if any(_required(selector) <= classes for selector in _selectors(tinycss2.serialize(rule.prelude))):
                kept.append(text)
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            head = text[: text.index("{") + 1]
            block_end = start + len(text.rstrip()) - 1  # its closing brace
            inner = _rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), classes, source, block_end)
            if inner:
                kept.append(f"{head}{''.join(inner)}}}")
        elif rule.type == "at-rule":
            kept.append(text)
    return kept


def _selectors(prelude: str) -> list[str]:
    """A selector list split at its top-level commas."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            parts.append(prelude[start:index])
            start = index + 1
    return [*parts, prelude[start:]]


def _required(selector: str) -> set[str]:
    """The classes an element chain must carry for ``selector`` to match: those outside any
    parentheses (inside ``:not()`` a class is not required, inside ``:is()`` only one of them is;
    ignoring them keeps more rules, never fewer)."""
    outside, depth = [], 0
    for char in selector:
        depth += {"(": 1, ")": -1}.get(char, 0)
        outside.append(char if depth == 0 and char != ")" else " ")
    return set(_SELECTOR_CLASS.findall("".join(outside)))


def write_stylesheet(out: Path, classes: set[str]) -> int:
    """The cut stylesheet written at FILE (its size), from the Material stylesheet in the output."""
    (source,) = sorted(out.glob(MATERIAL_CSS))
    css, wanted = source.read_text("utf-8"), frozenset(classes | script_classes(out))
    key = (hashlib.blake2b(css.encode("utf-8"), digest_size=16).digest(), wanted)
    text = _CUT[key] if key in _CUT else cut(css, wanted)
    _CUT.clear()
    _CUT[key] = text
    (out / FILE).write_text(text, "utf-8")
    return len(text.encode())


_CUT: dict[tuple[bytes, frozenset[str]], str] = {}  # the last cut: the preview's saves rarely change the classes (0.11 s a cut)


_GZIPPED: dict[bytes, bytes] = {}  # an asset's BLAKE2 → its .gz: the preview's rebuilds compress only what changed


def compress_assets(out: Path) -> int:
    """A byte-stable .gz beside every stylesheet and script under assets/ (how many)."""
    count, made = 0, {}
    for file in sorted(out.glob("assets/**/*")):
        if file.suffix in COMPRESSED and file.is_file():
            data = file.read_bytes()
            key = hashlib.blake2b(data, digest_size=16).digest()
            packed = made[key] = _GZIPPED.get(key) or gzip.compress(data, compresslevel=9, mtime=0)
            (file.parent / f"{file.name}.gz").write_bytes(packed)
            count += 1
    _GZIPPED.clear()
    _GZIPPED.update(made)
    return count
